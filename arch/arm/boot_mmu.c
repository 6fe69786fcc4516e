/*
 * arch/arm/boot_mmu.c - the boot page directory, built with the MMU off. This code
 * is linked at physical addresses (section .boot.*) and must touch nothing in the
 * kernel window. It maps RAM twice (identity, so the instruction after the MMU is
 * turned on still runs, and at KERNEL_VBASE) plus the device sections.
 * Partners: head.S, mmu.c (which drops the identity map later), pagetable.h,
 * memory.h (the virtual side), vexpress_map.h (the physical side).
 */
#include <stdint.h>

#include <arch/memory.h>
#include <arch/pagetable.h>
#include <arch/vexpress_map.h>

#define BOOT __attribute__((section(".boot.text")))

uint32_t boot_page_directory[PD_ENTRIES] __attribute__((section(".boot.pagedir"), aligned(16384)));

/* The MiB a physical address lies in, and its offset there. */
#define SECTION_OF(pa) ((pa) & ~(SECTION_SIZE - 1))
#define IN_SECTION(pa) ((pa) & (SECTION_SIZE - 1))

#define MB_PERIPH_SECTION SECTION_OF(VEXPRESS_SYSREG_BASE)
#define TIMERS_SECTION SECTION_OF(VEXPRESS_TIMER01_BASE)
#define GIC_SECTION SECTION_OF(VEXPRESS_GIC_BASE)
#define SIMDEV_SECTION SECTION_OF(SIMDEV_BASE)

/* Physical bases of the device sections, indexed by DEV_SECTION_*. */
static const uint32_t boot_device_sections[DEV_SECTION_COUNT]
    __attribute__((section(".boot.rodata"))) = {
        [DEV_SECTION_MB_PERIPH] = MB_PERIPH_SECTION,
        [DEV_SECTION_TIMERS] = TIMERS_SECTION,
        [DEV_SECTION_GIC] = GIC_SECTION,
        [DEV_SECTION_SIMDEV] = SIMDEV_SECTION,
};

/* memory.h names each device's virtual address by its section and its offset
 * there; both must match the physical map this table is built from. */
#define MAPPED_AT(vaddr, section, section_pa, pa) \
    (SECTION_OF(pa) == (section_pa) && (vaddr) == DEV_VADDR((section), IN_SECTION(pa)))
_Static_assert(MAPPED_AT(SYSREG_VADDR, DEV_SECTION_MB_PERIPH, MB_PERIPH_SECTION,
                         VEXPRESS_SYSREG_BASE), "system registers");
_Static_assert(MAPPED_AT(UART0_VADDR, DEV_SECTION_MB_PERIPH, MB_PERIPH_SECTION,
                         VEXPRESS_UART0_BASE), "UART0");
_Static_assert(MAPPED_AT(UART1_VADDR, DEV_SECTION_MB_PERIPH, MB_PERIPH_SECTION,
                         VEXPRESS_UART1_BASE), "UART1");
_Static_assert(MAPPED_AT(TIMER01_VADDR, DEV_SECTION_TIMERS, TIMERS_SECTION,
                         VEXPRESS_TIMER01_BASE), "SP804 timers 0 and 1");
_Static_assert(MAPPED_AT(GIC_DIST_VADDR, DEV_SECTION_GIC, GIC_SECTION, VEXPRESS_GIC_DIST_BASE),
               "GIC distributor");
_Static_assert(MAPPED_AT(GIC_CPU_VADDR, DEV_SECTION_GIC, GIC_SECTION, VEXPRESS_GIC_CPU_BASE),
               "GIC CPU interface");
_Static_assert(SECTION_OF(SIMCTL_BASE) == SIMDEV_SECTION &&
                   SECTION_OF(TRACEPORT_BASE) == SIMDEV_SECTION,
               "arm-sim's devices share one section");
_Static_assert(PHYS_RAM_BASE == VEXPRESS_RAM_BASE, "RAM");
_Static_assert(IRQ_TIMER01 == VEXPRESS_IRQ_TIMER01 && IRQ_UART0 == VEXPRESS_IRQ_UART0,
               "the devices' GIC interrupt IDs");

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
