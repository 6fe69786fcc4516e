/*
 * arch/arm/mmu.c - address spaces: a page directory per address space whose top
 * (the kernel window and devices) is copied from the boot page directory, user
 * pages in page tables below USER_TOP, and the boot allocator that hands out the
 * physical memory after the kernel image. Partners: pagetable.h, boot_mmu.c,
 * kernel/arch.h.
 */
#include <arch/cpu.h>
#include <arch/memory.h>
#include <arch/pagetable.h>

#include "../../kernel/arch.h"
#include "../../kernel/vspace.h"
#include "mmu.h"

extern uint32_t boot_page_directory[PD_ENTRIES];
extern uint8_t __kernel_end[];

static uint32_t boot_alloc_next; /* physical; 0 until first use */

void *arch_phys_to_kernel(uint32_t pa)
{
    return (void *)(uintptr_t)PHYS_TO_KVIRT(pa);
}

uint32_t arch_kernel_to_phys(const void *p)
{
    return KVIRT_TO_PHYS((uint32_t)(uintptr_t)p);
}

uint32_t arch_boot_alloc(uint32_t size, uint32_t align)
{
    if (!boot_alloc_next)
        boot_alloc_next = KVIRT_TO_PHYS((uint32_t)(uintptr_t)__kernel_end);
    uint32_t pa = (boot_alloc_next + align - 1) & ~(align - 1);
    uint32_t limit = arch_usable_ram_end();
    if (pa + size > limit || pa + size < pa)
        kpanic("out of boot memory (%u bytes wanted)", size);
    boot_alloc_next = pa + size;
    return pa;
}

uint32_t arch_boot_alloc_end(void)
{
    if (!boot_alloc_next)
        boot_alloc_next = KVIRT_TO_PHYS((uint32_t)(uintptr_t)__kernel_end);
    return boot_alloc_next;
}

uint32_t arch_ram_base(void)
{
    return PHYS_RAM_BASE;
}

/* Asked on every mapping (is this frame device memory?): worked out once. */
uint32_t arch_usable_ram_end(void)
{
    static uint32_t end;
    if (!end) {
        uint32_t size = arch_ram_size();
        end = PHYS_RAM_BASE + (size < KERNEL_WINDOW_SIZE ? size : KERNEL_WINDOW_SIZE);
    }
    return end;
}

/* The boot directory's kernel view of the identity map is no longer needed. */
static uint32_t *kernel_pd(void)
{
    return (uint32_t *)(uintptr_t)PHYS_TO_KVIRT((uint32_t)(uintptr_t)boot_page_directory);
}

void arch_drop_identity_map(void)
{
    uint32_t *pd = kernel_pd();
    for (uint32_t i = 0; i < (USER_TOP >> SECTION_BITS); i++)
        pd[i] = 0;
    cpu_write_ttbr0(KVIRT_TO_PHYS((uint32_t)(uintptr_t)pd));
    cpu_tlb_flush_all();
}

void arch_pd_init(void *pd_ptr)
{
    uint32_t *pd = pd_ptr, *kpd = kernel_pd();
    for (uint32_t i = 0; i < PD_ENTRIES; i++)
        pd[i] = i >= (USER_TOP >> SECTION_BITS) ? kpd[i] : 0;
}

void *arch_boot_pd_create(void)
{
    void *pd = arch_phys_to_kernel(arch_boot_alloc(PD_SIZE, PD_SIZE));
    arch_pd_init(pd);
    return pd;
}

/* The page table covering va, created from boot memory on first use. */
static uint32_t *page_table(uint32_t *pd, uint32_t va)
{
    uint32_t *pde = &pd[va >> SECTION_BITS];
    if (!pde_is_table(*pde)) {
        uint32_t pt_pa = arch_boot_alloc(PT_SIZE, PT_SIZE);
        kmemset(arch_phys_to_kernel(pt_pa), 0, PT_SIZE);
        *pde = pde_table(pt_pa);
    }
    return arch_phys_to_kernel(pde_table_base(*pde));
}

int arch_vspace_map(void *pd, uint32_t va, uint32_t pa, bool writable, bool executable)
{
    if (va >= USER_TOP || (va & (PAGE_SIZE - 1)) || (pa & (PAGE_SIZE - 1)))
        return -1;
    user_attr_t attr = {writable ? USER_AP_RW : USER_AP_RO, !executable, PTE_MEM_NORMAL};
    page_table(pd, va)[(va >> PAGE_BITS) % PT_ENTRIES] = pte_small(pa, attr);
    return 0;
}

void *arch_vspace_page_table(void *pd_ptr, uint32_t va)
{
    uint32_t pde = ((uint32_t *)pd_ptr)[va >> SECTION_BITS];
    return pde_is_table(pde) ? arch_phys_to_kernel(pde_table_base(pde)) : NULL;
}

uint8_t *arch_vspace_kernel_ptr(void *pd_ptr, uint32_t va)
{
    uint32_t *pd = pd_ptr;
    uint32_t pde = pd[va >> SECTION_BITS];
    if (va >= USER_TOP || !pde_is_table(pde))
        return NULL;
    uint32_t *pt = arch_phys_to_kernel(pde_table_base(pde));
    uint32_t pte = pt[(va >> PAGE_BITS) % PT_ENTRIES];
    if (!(pte & PTE_TYPE_SMALL))
        return NULL;
    return (uint8_t *)arch_phys_to_kernel(pte & PTE_BASE_MASK) + (va & (PAGE_SIZE - 1));
}

/*
 * Hardware ASIDs: CONTEXTIDR holds 8 bits, ASIDs have 17. ASID a uses hardware ASID
 * 1 + a % 255 (0 is the kernel-only directory's, which maps nothing of users), and
 * `hw_owner` says which ASID last used each; taking one over flushes what its
 * previous owner left in the TLB.
 */
#define HW_ASIDS 256u
static uint32_t hw_owner[HW_ASIDS];
static uint32_t active_ttbr = ~0u, active_asid;
uint32_t mmu_active_vspace[2] = {~0u, ~0u};

static uint32_t hw_asid(uint32_t asid)
{
    return asid ? 1u + asid % (HW_ASIDS - 1) : 0;
}

/* Switches to pd (NULL: the kernel-only directory) with the given ASID. */
static void vspace_activate(void *pd, uint32_t asid)
{
    uint32_t ttbr = arch_kernel_to_phys(pd ? pd : kernel_pd());
    if (ttbr == active_ttbr && asid == active_asid)
        return; /* QEMU flushes its TLB on every CONTEXTIDR write that changes it */
    uint32_t hw = hw_asid(asid);
    if (hw && hw_owner[hw] != asid) {
        cpu_tlb_flush_asid(hw);
        hw_owner[hw] = asid;
    }
    /* Set the ASID before the new table so no walk mixes the two (ARM DDI 0406C B3.10.4). */
    cpu_write_contextidr(hw);
    cpu_isb();
    cpu_write_ttbr0(ttbr);
    cpu_isb();
    active_ttbr = ttbr;
    active_asid = asid;
}

void arch_tlb_flush_page(uint32_t asid, uint32_t vaddr)
{
    uint32_t hw = hw_asid(asid);
    if (hw && hw_owner[hw] == asid)
        cpu_tlb_flush_page(vaddr, hw);
}

void arch_tlb_flush_asid(uint32_t asid)
{
    uint32_t hw = hw_asid(asid);
    if (hw && hw_owner[hw] == asid) {
        cpu_tlb_flush_asid(hw);
        hw_owner[hw] = 0;
    }
    if (asid == active_asid) {
        active_ttbr = ~0u; /* switch again before running anything in it */
        mmu_active_vspace[0] = mmu_active_vspace[1] = ~0u;
    }
}

void mmu_switch_to(const tcb_t *t)
{
    uint32_t asid = 0;
    uint32_t *pd = vspace_of(t, &asid);
    vspace_activate(pd, asid);
    mmu_active_vspace[0] = t->slots[TCB_SLOT_VSPACE].cap.words[0];
    mmu_active_vspace[1] = t->slots[TCB_SLOT_VSPACE].cap.words[1];
}

void arch_page_table_written(const void *entries, uint32_t bytes)
{
    /* Table walks do not look in the caches (TTBR0 says so): clean to memory. */
    cpu_dcache_range(CACHE_OP_CLEAN, (uint32_t)(uintptr_t)entries,
                     (uint32_t)(uintptr_t)entries + bytes);
}

_Static_assert((int)CACHE_CLEAN == (int)CACHE_OP_CLEAN && (int)CACHE_INVALIDATE == (int)CACHE_OP_INVALIDATE &&
                   (int)CACHE_CLEAN_INVALIDATE == (int)CACHE_OP_CLEAN_INVALIDATE,
               "the kernel's cache operations are the CPU's");

void arch_cache_maintain(arch_cache_op_t op, uint32_t start, uint32_t end)
{
    if (start >= end)
        return;
    cpu_dcache_range(op == CACHE_UNIFY ? CACHE_CLEAN_TO_POU : (cpu_cache_op_t)op, start, end);
    if (op == CACHE_UNIFY)
        cpu_icache_invalidate_all();
}
