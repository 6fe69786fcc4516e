/*
 * libsel4/sel4_plat_include/raspi2/sel4/plat/api/constants.h - the board's numbers
 * for user programs on a Raspberry Pi 2 or 3 (AArch32) and QEMU's raspi2b:
 * interrupt numbers as IRQControl_Get takes them, in seL4's numbering for the
 * BCM2836/7:
 *   0-31    the core's local sources (BCM2836 local controller, IRQ source bit n):
 *           0 CNTPS, 1 CNTPNS, 2 CNTHP, 3 CNTV (the kernel's tick), 4-7 mailboxes
 *   32-63   BCM2835 ARMCTRL basic pending bit n - 32 (32: the ARM timer)
 *   64-127  GPU interrupt n - 64 (65/67: system timer compares 1/3; 121: UART0)
 * and the timer a user-level driver programs: the BCM2835 system timer, a 1 MHz
 * 64-bit counter with four compare registers, of which the GPU firmware uses 0 and
 * 2 on a real Pi; compare 3 is the driver's. (The SP804-like ARM timer shares its
 * page with the interrupt controller, which stays the kernel's.)
 * Partners: ../vexpress-a15 (the other board), plat/raspi2/include/plat/kernel_map.h,
 * docs/raspi.md.
 */
#ifndef SEL4_PLAT_API_CONSTANTS_H
#define SEL4_PLAT_API_CONSTANTS_H

#define seL4_PlatMaxIRQ 127
#define seL4_PlatKernelTimerIRQ 3      /* CNTV, the virtual generic timer */
#define seL4_PlatUART0IRQ (64 + 57)

/* The user-level timer: system timer compare 3 (registers: CS 0x00, CLO 0x04,
 * CHI 0x08, C0-C3 0x0C-0x18; CS bit n: compare n matched, write 1 to clear). */
#define seL4_PlatUserTimerBCM2835SystemTimer 1
#define seL4_PlatUserTimerPaddr 0x3F003000u
#define seL4_PlatUserTimerIRQ (64 + 3)
#define seL4_PlatUserTimerCompare 3
#define seL4_PlatUserTimerTicksPerUs 1u

#endif
