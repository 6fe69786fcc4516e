/*
 * libsel4/sel4_plat_include/vexpress-a15/sel4/plat/api/constants.h - the board's
 * numbers for user programs on arm-sim and vexpress-a15 (one board: the Versatile
 * Express A15): interrupt numbers as IRQControl_Get takes them (GIC interrupt IDs;
 * SPI n is ID 32 + n) and the timer a user-level driver programs. mk/image.mk puts
 * one board's folder on the include path, as seL4 does with sel4_plat_include; the
 * kernel reads its own interrupt numbers from here too.
 * Partners: ../raspi2 (the other board), plat/vexpress-a15/include/plat/kernel_map.h,
 * docs/devices.md (the board map).
 */
#ifndef SEL4_PLAT_API_CONSTANTS_H
#define SEL4_PLAT_API_CONSTANTS_H

#define seL4_PlatMaxIRQ 159            /* the GIC-400 has 160 lines */
#define seL4_PlatKernelTimerIRQ 34     /* SP804 timers 0/1: the kernel's tick, never a handler's */
#define seL4_PlatUART0IRQ 37           /* the console's PL011 */

/* The user-level timer: the second SP804 (timers 2 and 3), 1 MHz, SPI 3. */
#define seL4_PlatUserTimerSP804 1
#define seL4_PlatUserTimerPaddr 0x1C120000u
#define seL4_PlatUserTimerIRQ 35
#define seL4_PlatUserTimerTicksPerUs 1u

#endif
