/*
 * arch/arm/boot_mmu.c - the boot page directory, built with the MMU off. This code
 * is linked at physical addresses (section .boot.*) and must touch nothing in the
 * kernel window. It maps RAM twice (identity, so the instruction after the MMU is
 * turned on still runs, and at KERNEL_VBASE) plus the device sections.
 * Partners: head.S, mmu.c (which drops the identity map later), pagetable.h,
 * memory.h and plat/kernel_map.h (the board's device sections).
 */
#include <stdint.h>

#include <arch/memory.h>
#include <arch/pagetable.h>

#define BOOT __attribute__((section(".boot.text")))

uint32_t boot_page_directory[PD_ENTRIES] __attribute__((section(".boot.pagedir"), aligned(16384)));

/* Physical bases of the board's device sections, indexed by DEV_SECTION_*
 * (plat/kernel_map.h, which also names each device's virtual address there). */
static const uint32_t boot_device_sections[DEV_SECTION_COUNT]
    __attribute__((section(".boot.rodata"))) = BOARD_DEVICE_SECTIONS;

BOOT uint32_t boot_build_page_tables(void)
{
    uint32_t *pd = boot_page_directory;
    for (uint32_t i = 0; i < PD_ENTRIES; i++)
        pd[i] = 0;
    for (uint32_t off = 0; off < KERNEL_WINDOW_SIZE; off += SECTION_SIZE) {
        uint32_t pa = PHYS_RAM_BASE + off;
        pd[pa >> SECTION_BITS] = pde_section(pa, PTE_KERNEL_RWX, PTE_MEM_NORMAL);
        pd[(KERNEL_VBASE + off) >> SECTION_BITS] = pde_section(pa, PTE_KERNEL_RWX, PTE_MEM_NORMAL);
    }
    for (uint32_t s = 0; s < DEV_SECTION_COUNT; s++)
        pd[DEV_VADDR(s, 0) >> SECTION_BITS] =
            pde_section(boot_device_sections[s], PTE_KERNEL_RW_XN, PTE_MEM_DEVICE);
    return (uint32_t)(uintptr_t)pd;
}
