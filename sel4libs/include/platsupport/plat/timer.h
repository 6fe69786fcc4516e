/*
 * sel4libs/include/platsupport/plat/timer.h - the timer a program may drive on
 * Numbat's board (vexpress-a15, and numbat-sim modelling it): the second SP804
 * dual timer; the first is the kernel's tick. Partners: ../ltimer.h,
 * ../../../src/ltimer.c.
 */
#ifndef SEL4LIBS_PLATSUPPORT_PLAT_TIMER_H
#define SEL4LIBS_PLATSUPPORT_PLAT_TIMER_H

#define SP804_TIMER23_PADDR 0x1C120000u /* its two timers' registers */
#define SP804_TIMER23_IRQ 35            /* SPI 3 */
#define SP804_TICKS_PER_US 1u           /* clocked at 1 MHz */

#endif
