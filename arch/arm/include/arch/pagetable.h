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

/* The kernel window's access permissions (user mappings: user_attr_t below). */
typedef enum pte_access {
    PTE_KERNEL_RWX,   /* PL1 read/write/execute, PL0 none */
    PTE_KERNEL_RW_XN, /* PL1 read/write, never execute (devices) */
} pte_access_t;

typedef enum pte_memtype {
    PTE_MEM_NORMAL,   /* write-back cacheable RAM */
    PTE_MEM_DEVICE,   /* shareable device memory */
    PTE_MEM_UNCACHED, /* normal memory, not cached */
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

PT_ALWAYS_INLINE uint32_t pde_section(uint32_t pa, pte_access_t access, pte_memtype_t mem)
{
    uint32_t d = (pa & PDE_SECTION_BASE_MASK) | PDE_TYPE_SECTION | (AP_PL1_ONLY << PDE_AP_SHIFT);
    /* Normal memory: TEX=001, C=1, B=1 (write-back, write-allocate). Device: B=1. */
    d |= mem == PTE_MEM_NORMAL ? (1u << PDE_TEX_SHIFT) | PDE_C | PDE_B : PDE_B;
    if (access == PTE_KERNEL_RW_XN)
        d |= PDE_XN;
    return d;
}

PT_ALWAYS_INLINE uint32_t pde_table(uint32_t pt_pa)
{
    return (pt_pa & PDE_TABLE_BASE_MASK) | PDE_TYPE_TABLE;
}

/* Large page (64 KiB, 16 PT entries), supersection (16 MiB, 16 PD entries) fields. */
#define PTE_TYPE_LARGE 0x1u
#define PTE_LARGE_TEX_SHIFT 12
#define PTE_LARGE_XN (1u << 15)
#define PTE_LARGE_BASE_MASK 0xFFFF0000u
#define PDE_SUPERSECTION (1u << 18)
#define PDE_SUPERSECTION_BASE_MASK 0xFF000000u
#define PT_REPEAT 16u /* entries a large page or supersection fills */

/*
 * User mappings: the access a mapping gives, whether it may be executed, and its
 * memory type. User entries are not global (nG): they belong to one ASID.
 */
typedef enum user_ap {
    USER_AP_KERNEL_ONLY, /* PL1 read/write, PL0 nothing (a frame cap without Read) */
    USER_AP_RO,
    USER_AP_RW,
} user_ap_t;

typedef struct user_attr {
    user_ap_t ap;
    int xn;
    pte_memtype_t mem;
} user_attr_t;

/* (AP[2], AP[1:0]) and (TEX, C, B) of a user mapping. */
PT_ALWAYS_INLINE uint32_t user_ap2(user_attr_t a) { return a.ap == USER_AP_RO; }
PT_ALWAYS_INLINE uint32_t user_ap10(user_attr_t a) { return a.ap == USER_AP_KERNEL_ONLY ? AP_PL1_ONLY : AP_ALL; }
PT_ALWAYS_INLINE uint32_t user_tex(user_attr_t a) { return a.mem == PTE_MEM_DEVICE ? 0u : 1u; }
PT_ALWAYS_INLINE uint32_t user_cb(user_attr_t a)
{
    /* Normal write-back (TEX 001, C, B); normal uncached (TEX 001); device (B). */
    return a.mem == PTE_MEM_NORMAL ? PTE_C | PTE_B : a.mem == PTE_MEM_DEVICE ? PTE_B : 0u;
}

PT_ALWAYS_INLINE uint32_t pte_small(uint32_t pa, user_attr_t a)
{
    return (pa & PTE_BASE_MASK) | PTE_TYPE_SMALL | (a.xn ? PTE_XN : 0u) | user_cb(a) |
           (user_ap10(a) << PTE_AP_SHIFT) | (user_tex(a) << PTE_TEX_SHIFT) |
           (user_ap2(a) ? PTE_AP2 : 0u) | PTE_NG;
}

PT_ALWAYS_INLINE uint32_t pte_large(uint32_t pa, user_attr_t a)
{
    return (pa & PTE_LARGE_BASE_MASK) | PTE_TYPE_LARGE | (a.xn ? PTE_LARGE_XN : 0u) | user_cb(a) |
           (user_ap10(a) << PTE_AP_SHIFT) | (user_tex(a) << PTE_LARGE_TEX_SHIFT) |
           (user_ap2(a) ? PTE_AP2 : 0u) | PTE_NG;
}

PT_ALWAYS_INLINE uint32_t pde_user_section(uint32_t pa, user_attr_t a, int super)
{
    uint32_t base = pa & (super ? PDE_SUPERSECTION_BASE_MASK : PDE_SECTION_BASE_MASK);
    return base | PDE_TYPE_SECTION | (super ? PDE_SUPERSECTION : 0u) | user_cb(a) |
           (a.xn ? PDE_XN : 0u) | (user_ap10(a) << PDE_AP_SHIFT) | (user_tex(a) << PDE_TEX_SHIFT) |
           (user_ap2(a) ? PDE_AP2 : 0u) | PDE_NG;
}

/* What an entry holds, and the physical base of what it maps. */
typedef enum pt_kind { PT_INVALID, PT_SMALL, PT_LARGE, PT_TABLE, PT_SECTION, PT_SUPERSECTION } pt_kind_t;

PT_ALWAYS_INLINE pt_kind_t pte_kind(uint32_t pte)
{
    return (pte & PTE_TYPE_SMALL) ? PT_SMALL : (pte & 0x3u) == PTE_TYPE_LARGE ? PT_LARGE : PT_INVALID;
}

PT_ALWAYS_INLINE pt_kind_t pde_kind(uint32_t pde)
{
    switch (pde & 0x3u) {
    case PDE_TYPE_TABLE: return PT_TABLE;
    case PDE_TYPE_SECTION: return (pde & PDE_SUPERSECTION) ? PT_SUPERSECTION : PT_SECTION;
    default: return PT_INVALID;
    }
}

PT_ALWAYS_INLINE uint32_t pt_entry_base(uint32_t entry, pt_kind_t kind)
{
    switch (kind) {
    case PT_SMALL: return entry & PTE_BASE_MASK;
    case PT_LARGE: return entry & PTE_LARGE_BASE_MASK;
    case PT_TABLE: return entry & PDE_TABLE_BASE_MASK;
    case PT_SECTION: return entry & PDE_SECTION_BASE_MASK;
    case PT_SUPERSECTION: return entry & PDE_SUPERSECTION_BASE_MASK;
    default: return 0;
    }
}

PT_ALWAYS_INLINE int pde_is_table(uint32_t pde) { return (pde & 0x3u) == PDE_TYPE_TABLE; }
PT_ALWAYS_INLINE uint32_t pde_table_base(uint32_t pde) { return pde & PDE_TABLE_BASE_MASK; }

#endif
