/*
 * plat/vexpress-a15/include/plat/kernel_map.h - the kernel's map of the
 * Versatile Express A15 board (arm-sim and vexpress-a15): where RAM starts and
 * the image loads, the device sections the boot page directory maps and the
 * devices' virtual addresses there, the tick's interrupt. Read by arch/memory.h
 * and, for PHYS_RAM_BASE and KERNEL_PHYS_BASE only, by arch/arm/kernel.ld (through
 * the C preprocessor, __LINKER__ defined: plain numbers there) and head.S.
 * Partners: arch/arm/include/arch/vexpress_map.h (the physical map), boot_mmu.c.
 */
#ifndef PLAT_KERNEL_MAP_H
#define PLAT_KERNEL_MAP_H

/* RAM starts at 0x80000000 (VEXPRESS_RAM_BASE) and the image at its first byte. */
#define PHYS_RAM_BASE 0x80000000
#define KERNEL_PHYS_BASE PHYS_RAM_BASE

#if !defined(__LINKER__) && !defined(__ASSEMBLER__)
#include <arch/vexpress_map.h>
#include <sel4/plat/api/constants.h>

/* Device sections: each 1 MiB of device space at DEVICE_VBASE + n MiB. */
#define DEV_SECTION_MB_PERIPH 0 /* 0x1C000000: sysreg, UARTs */
#define DEV_SECTION_TIMERS 1    /* 0x1C100000: SP804 timers */
#define DEV_SECTION_GIC 2       /* 0x2C000000: GIC */
#define DEV_SECTION_SIMDEV 3    /* 0x1D000000: arm-sim only devices */
#define DEV_SECTION_COUNT 4

/* Physical bases of the device sections, indexed by DEV_SECTION_* (boot_mmu.c). */
#define BOARD_DEVICE_SECTIONS                                   \
    {                                                           \
        [DEV_SECTION_MB_PERIPH] = VEXPRESS_SYSREG_BASE & ~0xFFFFFu, \
        [DEV_SECTION_TIMERS] = VEXPRESS_TIMER01_BASE & ~0xFFFFFu,   \
        [DEV_SECTION_GIC] = VEXPRESS_GIC_BASE & ~0xFFFFFu,          \
        [DEV_SECTION_SIMDEV] = SIMDEV_BASE & ~0xFFFFFu,             \
    }

#define SYSREG_VADDR DEV_VADDR(DEV_SECTION_MB_PERIPH, 0x10000u)
#define UART0_VADDR DEV_VADDR(DEV_SECTION_MB_PERIPH, 0x90000u)
#define UART1_VADDR DEV_VADDR(DEV_SECTION_MB_PERIPH, 0xA0000u) /* trace stream on vexpress-a15 */
#define TIMER01_VADDR DEV_VADDR(DEV_SECTION_TIMERS, 0x10000u)
#define GIC_DIST_VADDR DEV_VADDR(DEV_SECTION_GIC, 0x1000u)
#define GIC_CPU_VADDR DEV_VADDR(DEV_SECTION_GIC, 0x2000u)
#define SIMDEV_VADDR(offset) DEV_VADDR(DEV_SECTION_SIMDEV, (offset))

/* GIC interrupt IDs of the board's devices (SPI n is ID 32 + n): the kernel's
 * interrupt numbers. The GIC-400 has 160 lines (QEMU's too). */
#define IRQ_TIMER01 34
#define IRQ_UART0 37
#define IRQ_TICK seL4_PlatKernelTimerIRQ
#define BOARD_MAX_IRQ ((unsigned)seL4_PlatMaxIRQ)
#endif

#endif
