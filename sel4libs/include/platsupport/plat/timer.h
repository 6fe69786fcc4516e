/*
 * sel4libs/include/platsupport/plat/timer.h - the timer a program may drive on
 * Numbat's boards, from the board's libsel4 constants (sel4/plat/api/constants.h):
 * on vexpress (and numbat-sim modelling it) the second SP804 dual timer, the first
 * being the kernel's tick; on a Raspberry Pi the BCM2835 system timer's compare 3.
 * Partners: ../ltimer.h, ../../../src/ltimer_sp804.c, ../../../src/ltimer_systimer.c.
 */
#ifndef SEL4LIBS_PLATSUPPORT_PLAT_TIMER_H
#define SEL4LIBS_PLATSUPPORT_PLAT_TIMER_H

#include <sel4/plat/api/constants.h>

#define USER_TIMER_PADDR seL4_PlatUserTimerPaddr
#define USER_TIMER_IRQ seL4_PlatUserTimerIRQ
#define USER_TIMER_TICKS_PER_US seL4_PlatUserTimerTicksPerUs

#ifdef seL4_PlatUserTimerSP804
#define SP804_TIMER23_PADDR USER_TIMER_PADDR /* its two timers' registers */
#define SP804_TIMER23_IRQ USER_TIMER_IRQ     /* SPI 3 */
#define SP804_TICKS_PER_US USER_TIMER_TICKS_PER_US /* clocked at 1 MHz */
#endif

#endif
