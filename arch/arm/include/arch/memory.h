/*
 * arch/arm/include/arch/memory.h - the kernel's view of memory on every ARM board:
 * the kernel window at the top of every address space, where RAM and device
 * registers are mapped. The board's physical RAM base, its device sections and
 * its devices' virtual addresses come from <plat/kernel_map.h> (one per board
 * family: plat/vexpress-a15/include/ for arm-sim and vexpress-a15,
 * plat/raspi2/include/ for raspi2). Partners: arch/arm/boot_mmu.c, arch/arm/mmu.c,
 * arch/arm/kernel.ld.
 */
#ifndef ARCH_MEMORY_H
#define ARCH_MEMORY_H

#include <plat/kernel_map.h>

/* Every address space maps the kernel from here up; user space lies below. */
#define KERNEL_VBASE 0xE0000000u
#define USER_TOP KERNEL_VBASE
/* RAM is mapped 1:1 (plus an offset) in a 256 MiB kernel window. */
#define KERNEL_WINDOW_SIZE 0x10000000u
#define DEVICE_VBASE 0xF0000000u

#define PHYS_TO_KVIRT(pa) ((pa) - PHYS_RAM_BASE + KERNEL_VBASE)
#define KVIRT_TO_PHYS(va) ((va) - KERNEL_VBASE + PHYS_RAM_BASE)

/* Device sections: the board's n-th MiB of device space (kernel_map.h's
 * DEV_SECTION_*) is mapped at DEVICE_VBASE + n MiB. */
#define DEV_VADDR(section, offset) (DEVICE_VBASE + ((section) << 20) + (offset))

#define PAGE_BITS 12
#define PAGE_SIZE (1u << PAGE_BITS)
#define SECTION_BITS 20
#define SECTION_SIZE (1u << SECTION_BITS)

#endif
