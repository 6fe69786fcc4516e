/*
 * arch/arm/include/arch/memory.h - the kernel's view of memory on the vexpress-a15
 * family of boards (arm-sim and vexpress-a15): physical RAM, the kernel window at
 * the top of every address space, and where device registers are mapped.
 * Partners: arch/arm/boot_mmu.c, arch/arm/mmu.c, arch/arm/kernel.ld.
 */
#ifndef ARCH_MEMORY_H
#define ARCH_MEMORY_H

#define PHYS_RAM_BASE 0x80000000u
/* Every address space maps the kernel from here up; user space lies below. */
#define KERNEL_VBASE 0xE0000000u
#define USER_TOP KERNEL_VBASE
/* RAM is mapped 1:1 (plus an offset) in a 256 MiB kernel window. */
#define KERNEL_WINDOW_SIZE 0x10000000u
#define DEVICE_VBASE 0xF0000000u

#define PHYS_TO_KVIRT(pa) ((pa) - PHYS_RAM_BASE + KERNEL_VBASE)
#define KVIRT_TO_PHYS(va) ((va) - KERNEL_VBASE + PHYS_RAM_BASE)

/* Device sections: each 1 MiB of device space at DEVICE_VBASE + n MiB. */
#define DEV_SECTION_MB_PERIPH 0 /* 0x1C000000: sysreg, UARTs */
#define DEV_SECTION_TIMERS 1    /* 0x1C100000: SP804 timers */
#define DEV_SECTION_GIC 2       /* 0x2C000000: GIC */
#define DEV_SECTION_SIMDEV 3    /* 0x1D000000: arm-sim only devices */
#define DEV_SECTION_COUNT 4

#define DEV_VADDR(section, offset) (DEVICE_VBASE + ((section) << 20) + (offset))

#define SYSREG_VADDR DEV_VADDR(DEV_SECTION_MB_PERIPH, 0x10000u)
#define UART0_VADDR DEV_VADDR(DEV_SECTION_MB_PERIPH, 0x90000u)
#define UART1_VADDR DEV_VADDR(DEV_SECTION_MB_PERIPH, 0xA0000u) /* trace stream on vexpress-a15 */
#define TIMER01_VADDR DEV_VADDR(DEV_SECTION_TIMERS, 0x10000u)
#define GIC_DIST_VADDR DEV_VADDR(DEV_SECTION_GIC, 0x1000u)
#define GIC_CPU_VADDR DEV_VADDR(DEV_SECTION_GIC, 0x2000u)
#define SIMDEV_VADDR(offset) DEV_VADDR(DEV_SECTION_SIMDEV, (offset))

/* GIC interrupt IDs of the board's devices (SPI n is ID 32 + n). */
#define IRQ_TIMER01 34
#define IRQ_UART0 37

#define PAGE_BITS 12
#define PAGE_SIZE (1u << PAGE_BITS)
#define SECTION_BITS 20
#define SECTION_SIZE (1u << SECTION_BITS)

#endif
