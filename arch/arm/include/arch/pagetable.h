/*
 * arch/arm/include/arch/pagetable.h - ARMv7-A short-descriptor translation table
 * entries (ARM DDI 0406C, B3.5) built through named fields. A page directory (PD)
 * has 4096 entries of 1 MiB; a page table (PT) 256 entries of 4 KiB.
 * Always inlined: boot_mmu.c calls these with the MMU off.
 */
#ifndef ARCH_PAGETABLE_H
#define ARCH_PAGETABLE_H

#include <stdint.h>

#define PD_ENTRIES 4096u
#define PT_ENTRIES 256u
#define PD_SIZE (PD_ENTRIES * 4u) /* 16 KiB, and 16 KiB aligned */
#define PT_SIZE (PT_ENTRIES * 4u) /* 1 KiB */

/* Access permissions, as (AP[2], AP[1:0]) and XN, in one enum. */
typedef enum pte_access {
    PTE_KERNEL_RWX,   /* PL1 read/write/execute, PL0 none */
    PTE_KERNEL_RW_XN, /* PL1 read/write, never execute (devices) */
    PTE_USER_RW,      /* PL0 and PL1 read/write, no execute */
    PTE_USER_RWX,     /* PL0 and PL1 read/write/execute */
    PTE_USER_RX,      /* read-only, executable */
    PTE_USER_RO,      /* read-only, no execute */
} pte_access_t;

typedef enum pte_memtype {
    PTE_MEM_NORMAL, /* write-back cacheable RAM */
    PTE_MEM_DEVICE, /* shareable device memory */
} pte_memtype_t;

#define PT_ALWAYS_INLINE static inline __attribute__((always_inline))

/* Section (1 MiB) descriptor fields. */
#define PDE_TYPE_SECTION 0x2u
#define PDE_TYPE_TABLE 0x1u
#define PDE_B (1u << 2)
#define PDE_C (1u << 3)
#define PDE_XN (1u << 4)
#define PDE_AP_SHIFT 10
#define PDE_TEX_SHIFT 12
#define PDE_AP2 (1u << 15)
#define PDE_NG (1u << 17)
#define PDE_SECTION_BASE_MASK 0xFFF00000u
#define PDE_TABLE_BASE_MASK 0xFFFFFC00u

/* Small page (4 KiB) descriptor fields. */
#define PTE_TYPE_SMALL 0x2u
#define PTE_XN (1u << 0)
#define PTE_B (1u << 2)
#define PTE_C (1u << 3)
#define PTE_AP_SHIFT 4
#define PTE_TEX_SHIFT 6
#define PTE_AP2 (1u << 9)
#define PTE_NG (1u << 11)
#define PTE_BASE_MASK 0xFFFFF000u

/* AP[1:0] values. */
#define AP_PL1_ONLY 0x1u
#define AP_ALL 0x3u

PT_ALWAYS_INLINE uint32_t ap_bits(pte_access_t access)
{
    return (access == PTE_KERNEL_RWX || access == PTE_KERNEL_RW_XN) ? AP_PL1_ONLY : AP_ALL;
}

PT_ALWAYS_INLINE int access_read_only(pte_access_t access)
{
    return access == PTE_USER_RX || access == PTE_USER_RO;
}

PT_ALWAYS_INLINE int access_no_exec(pte_access_t access)
{
    return access == PTE_KERNEL_RW_XN || access == PTE_USER_RW || access == PTE_USER_RO;
}

PT_ALWAYS_INLINE uint32_t pde_section(uint32_t pa, pte_access_t access, pte_memtype_t mem)
{
    uint32_t d = (pa & PDE_SECTION_BASE_MASK) | PDE_TYPE_SECTION | (ap_bits(access) << PDE_AP_SHIFT);
    /* Normal memory: TEX=001, C=1, B=1 (write-back, write-allocate). Device: B=1. */
    d |= mem == PTE_MEM_NORMAL ? (1u << PDE_TEX_SHIFT) | PDE_C | PDE_B : PDE_B;
    if (access_read_only(access))
        d |= PDE_AP2;
    if (access_no_exec(access))
        d |= PDE_XN;
    return d;
}

PT_ALWAYS_INLINE uint32_t pde_table(uint32_t pt_pa)
{
    return (pt_pa & PDE_TABLE_BASE_MASK) | PDE_TYPE_TABLE;
}

/* User pages are not global: they belong to one ASID. */
PT_ALWAYS_INLINE uint32_t pte_small_page(uint32_t pa, pte_access_t access)
{
    uint32_t d = (pa & PTE_BASE_MASK) | PTE_TYPE_SMALL | (ap_bits(access) << PTE_AP_SHIFT);
    d |= (1u << PTE_TEX_SHIFT) | PTE_C | PTE_B | PTE_NG;
    if (access_read_only(access))
        d |= PTE_AP2;
    if (access_no_exec(access))
        d |= PTE_XN;
    return d;
}

PT_ALWAYS_INLINE int pde_is_table(uint32_t pde) { return (pde & 0x3u) == PDE_TYPE_TABLE; }
PT_ALWAYS_INLINE uint32_t pde_table_base(uint32_t pde) { return pde & PDE_TABLE_BASE_MASK; }

#endif
