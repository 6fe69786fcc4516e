/*
 * plat/raspi2/include/plat/kernel_map.h - the kernel's map of the Raspberry Pi 2
 * and 3 (AArch32): RAM from 0 and the image at 0x8000 (where the firmware loads
 * kernel7.img), the device sections the boot page directory maps and the devices'
 * virtual addresses there, and the kernel's interrupt numbers. Read by
 * arch/memory.h, by head.S (BOARD_EARLY_ENTRY) and, for PHYS_RAM_BASE and
 * KERNEL_PHYS_BASE only, by arch/arm/kernel.ld (__LINKER__: plain numbers there).
 * Partners: bcm2836_map.h (the physical map), plat/raspi2/interrupts.c.
 */
#ifndef PLAT_KERNEL_MAP_H
#define PLAT_KERNEL_MAP_H

#define PHYS_RAM_BASE 0x0
#define KERNEL_PHYS_BASE 0x8000

/* head.S calls board_early_entry (plat/raspi2/entry.S) first: the firmware enters
 * in HYP mode, and QEMU starts every core at the ELF entry. */
#define BOARD_EARLY_ENTRY 1

#if !defined(__LINKER__) && !defined(__ASSEMBLER__)
#include <plat/bcm2836_map.h>
#include <sel4/plat/api/constants.h>

#define DEV_SECTION_PERIPH 0 /* 0x3F000000: system timer, ARMCTRL, mailboxes */
#define DEV_SECTION_PM 1     /* 0x3F100000: watchdog (shutdown) */
#define DEV_SECTION_UART 2   /* 0x3F200000: GPIO, UART0 */
#define DEV_SECTION_LOCAL 3  /* 0x40000000: per-core local interrupt controller */
#define DEV_SECTION_COUNT 4

#define BOARD_DEVICE_SECTIONS                    \
    {                                            \
        [DEV_SECTION_PERIPH] = BCM_PERIPH_BASE,  \
        [DEV_SECTION_PM] = BCM_PM_BASE,          \
        [DEV_SECTION_UART] = BCM_GPIO_BASE,      \
        [DEV_SECTION_LOCAL] = BCM_LOCAL_BASE,    \
    }

#define ARMCTRL_VADDR DEV_VADDR(DEV_SECTION_PERIPH, 0xB000u)
#define PM_VADDR DEV_VADDR(DEV_SECTION_PM, 0)
#define GPIO_VADDR DEV_VADDR(DEV_SECTION_UART, 0)
#define UART0_VADDR DEV_VADDR(DEV_SECTION_UART, 0x1000u)
#define LOCAL_VADDR DEV_VADDR(DEV_SECTION_LOCAL, 0)

/*
 * The kernel's interrupt numbers (seL4's for the BCM2836/7; libsel4's
 * sel4/plat/api/constants.h gives them to user programs):
 *   0-31    the core's local sources (bit n of its IRQ source register): 0 CNTPS,
 *           1 CNTPNS, 2 CNTHP, 3 CNTV (the tick), 4-7 mailboxes, 9 PMU, 11 local timer
 *   32-63   ARMCTRL basic pending bit n - 32 (32: the ARM timer)
 *   64-127  GPU interrupt n - 64 (65 and 67: system timer compares 1 and 3, 121: UART0)
 */
#define IRQ_LOCAL_CNTV 3
#define IRQ_LOCAL_GPU 8 /* the ARMCTRL's output: never a handler's */
#define IRQ_BASIC_BASE 32
#define IRQ_GPU_BASE 64
#define IRQ_TICK seL4_PlatKernelTimerIRQ
#define IRQ_UART0 seL4_PlatUART0IRQ
#define BOARD_MAX_IRQ ((unsigned)seL4_PlatMaxIRQ)
_Static_assert(IRQ_TICK == IRQ_LOCAL_CNTV, "the tick is the virtual timer's");
#endif

#endif
