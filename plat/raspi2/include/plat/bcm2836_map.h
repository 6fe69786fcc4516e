/*
 * plat/raspi2/include/plat/bcm2836_map.h - the physical memory map of the
 * Raspberry Pi 2 (BCM2836) and Pi 3 (BCM2837) in 32-bit mode, as the ARM cores see
 * it (and QEMU's raspi2b models it): RAM from 0, the BCM2835 peripherals at
 * 0x3F000000, the per-core local interrupt controller at 0x40000000. Plain
 * #defines. Partners: kernel_map.h (the kernel's view), docs/raspi.md (the tables).
 */
#ifndef PLAT_BCM2836_MAP_H
#define PLAT_BCM2836_MAP_H

#define BCM_PERIPH_BASE 0x3F000000u
#define BCM_PERIPH_END 0x40000000u
#define BCM_SYSTIMER_BASE 0x3F003000u  /* 1 MHz free-running counter, 4 compares */
#define BCM_ARMCTRL_BASE 0x3F00B000u   /* page of the ARMCTRL interrupt controller (+0x200), */
#define BCM_ARMCTRL_IRQ_OFFSET 0x200u  /* the ARM timer (+0x400) and the mailboxes (+0x880) */
#define BCM_MAILBOX_OFFSET 0x880u
#define BCM_PM_BASE 0x3F100000u        /* power management: watchdog and reset status */
#define BCM_GPIO_BASE 0x3F200000u
#define BCM_UART0_BASE 0x3F201000u     /* PL011: the console, on GPIO 14/15 (ALT0) */
#define BCM_LOCAL_BASE 0x40000000u     /* BCM2836 per-core local interrupts and mailboxes */
#define BCM_LOCAL_END 0x40040000u

/* One 4 KiB page of registers each. */
#define BCM_DEVICE_PAGE 0x1000u

#endif
