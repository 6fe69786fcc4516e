/*
 * arch/arm/vspace.c - page directories, page tables and frames (spec 8.7): mapping
 * and unmapping through their caps, cache maintenance, and what deleting a cap
 * undoes. A frame cap records the one place it is mapped (ASID and address); a
 * copy maps on its own. Unmapping finds the entries through the ASID, so a cap
 * whose page directory or page table is gone unmaps nothing, and it clears only
 * entries that still map its own frame. Partners: kernel/vspace.h, asid.c (ASIDs),
 * include/arch/pagetable.h (the entries), mmu.c (TLB, caches, switching).
 */
#include <arch/memory.h>
#include <arch/pagetable.h>
#include <sel4/constants.h>
#include <sel4/invocation.h>

#include "../../kernel/arch.h"
#include "../../kernel/cdt.h"
#include "../../kernel/trace.h"
#include "../../kernel/vspace.h"
#include "asid.h"

_Static_assert(USER_TOP == seL4_UserTop, "user space ends where libsel4 says");

/* A missing page table, as seL4 reports it: the bits a PT would have resolved. */
#define NO_PAGE_TABLE_BITS (PAGE_BITS + 8u) /* SEL4_MAPPING_LOOKUP_NO_PT */

static uint32_t *pd_entry(uint32_t *pd, uint32_t va) { return &pd[va >> SECTION_BITS]; }

/* The page-table entry for va, or NULL when no page table covers va. */
static uint32_t *pt_entry(uint32_t *pd, uint32_t va)
{
    uint32_t pde = *pd_entry(pd, va);
    if (pde_kind(pde) != PT_TABLE)
        return NULL;
    uint32_t *pt = arch_phys_to_kernel(pt_entry_base(pde, PT_TABLE));
    return &pt[(va >> PAGE_BITS) % PT_ENTRIES];
}

static pt_kind_t frame_kind(frame_size_t size)
{
    static const pt_kind_t kinds[] = {PT_SMALL, PT_LARGE, PT_SECTION, PT_SUPERSECTION};
    return kinds[size];
}

static bool in_page_table(pt_kind_t k) { return k == PT_SMALL || k == PT_LARGE; }
static unsigned entry_count(pt_kind_t k)
{
    return k == PT_LARGE || k == PT_SUPERSECTION ? PT_REPEAT : 1u;
}
static pt_kind_t kind_of(pt_kind_t k, uint32_t entry)
{
    return in_page_table(k) ? pte_kind(entry) : pde_kind(entry);
}

/* The entries a frame of this size at va occupies in pd (NULL: no page table). */
static uint32_t *frame_entries(uint32_t *pd, frame_size_t size, uint32_t va)
{
    return in_page_table(frame_kind(size)) ? pt_entry(pd, va) : pd_entry(pd, va);
}

/* Whether these entries map exactly the frame `paddr` as a `k`. */
static bool entries_map(const uint32_t *e, pt_kind_t k, uint32_t paddr)
{
    return kind_of(k, e[0]) == k && pt_entry_base(e[0], k) == paddr;
}

static void write_entries(uint32_t *e, unsigned count, uint32_t value)
{
    for (unsigned i = 0; i < count; i++)
        e[i] = value;
    arch_page_table_written(e, count * sizeof(*e));
}

/* Removes the mapping a frame cap records, if its entries still map that frame. */
static void unmap_frame(cap_t cap, const cte_t *slot)
{
    uint32_t asid = frame_mapped_asid(cap), va = frame_mapped_vaddr(cap);
    uint32_t *pd = asid_find_pd(asid);
    if (!pd)
        return;
    pt_kind_t k = frame_kind(frame_size(cap));
    uint32_t *e = frame_entries(pd, frame_size(cap), va);
    if (!e || !entries_map(e, k, cap_addr(cap)))
        return;
    write_entries(e, entry_count(k), 0);
    arch_tlb_flush_page(asid, va);
    trace_unmap(pd, va, frame_size_bits(frame_size(cap)), slot);
}

/* Removes a page table from its page directory (with every page mapped through it). */
static void unmap_page_table(cap_t cap, const cte_t *slot)
{
    uint32_t asid = pt_mapped_asid(cap), va = pt_mapped_vaddr(cap);
    uint32_t *pd = asid_find_pd(asid);
    if (!pd)
        return;
    uint32_t *pde = pd_entry(pd, va);
    if (pde_kind(*pde) != PT_TABLE || pt_entry_base(*pde, PT_TABLE) != arch_kernel_to_phys(cap_ptr(cap)))
        return;
    write_entries(pde, 1, 0);
    arch_tlb_flush_asid(asid);
    trace_unmap(pd, va, seL4_PageTableBits, slot);
}

void vspace_cap_deleted(const cte_t *slot, cap_t cap, bool final)
{
    switch (cap_type(cap)) {
    case CAP_FRAME:
        if (frame_mapped_asid(cap))
            unmap_frame(cap, slot);
        break;
    case CAP_PAGE_TABLE:
        if (final && pt_is_mapped(cap))
            unmap_page_table(cap, slot);
        break;
    case CAP_PAGE_DIRECTORY:
        if (final)
            asid_pd_deleted(cap);
        break;
    case CAP_ASID_POOL:
        if (final)
            asid_pool_deleted(cap);
        break;
    default:
        break;
    }
}

/* The page directory an assigned PD cap names through its ASID: FailedLookup when the
 * ASID names none, InvalidCapability(which) when it names another directory. */
static seL4_Error find_pd(invocation_t *inv, cap_t pd_cap, unsigned which, uint32_t **pd)
{
    *pd = asid_find_pd(pd_asid(pd_cap));
    if (!*pd) {
        lookup_fault_t f = {.type = LOOKUP_INVALID_ROOT};
        return inv_failed_lookup(inv, false, &f);
    }
    return *pd == cap_ptr(pd_cap) ? seL4_NoError : inv_invalid_capability(inv, which);
}

static bool is_assigned_pd(cap_t c)
{
    return cap_type(c) == CAP_PAGE_DIRECTORY && pd_is_assigned(c);
}

/* The attributes of a frame mapping from the cap's rights, the rights asked for and
 * seL4_ARM_VMAttributes; *access is the trace's view of them. */
static user_attr_t mapping_attr(cap_t frame, uint32_t rights, uint32_t vm_attr, uint32_t *access)
{
    rights &= frame_rights(frame);
    bool device = frame_is_device(frame);
    user_attr_t a;
    a.ap = !(rights & RIGHT_READ) ? USER_AP_KERNEL_ONLY
           : (rights & RIGHT_WRITE) ? USER_AP_RW
                                    : USER_AP_RO;
    /* Device frames are always device memory, never executed. */
    a.mem = device                                 ? PTE_MEM_DEVICE
            : (vm_attr & seL4_ARM_PageCacheable)   ? PTE_MEM_NORMAL
                                                   : PTE_MEM_UNCACHED;
    a.xn = (vm_attr & seL4_ARM_ExecuteNever) || device;
    *access = (a.ap == USER_AP_RW ? TRACE_MAP_READ | TRACE_MAP_WRITE : 0) |
              (a.ap == USER_AP_RO ? TRACE_MAP_READ : 0) | (a.xn ? TRACE_MAP_EXECUTE_NEVER : 0) |
              (a.mem == PTE_MEM_NORMAL ? TRACE_MAP_CACHEABLE : 0) |
              (a.mem == PTE_MEM_DEVICE ? TRACE_MAP_DEVICE : 0);
    return a;
}

static uint32_t frame_entry(cap_t frame, user_attr_t a)
{
    switch (frame_kind(frame_size(frame))) {
    case PT_SMALL: return pte_small(cap_addr(frame), a);
    case PT_LARGE: return pte_large(cap_addr(frame), a);
    case PT_SECTION: return pde_user_section(cap_addr(frame), a, 0);
    default: return pde_user_section(cap_addr(frame), a, 1);
    }
}

/* Page_Map: MR0 vaddr, MR1 rights, MR2 attributes, extra cap 0 the page directory. */
static seL4_Error decode_page_map(invocation_t *inv, vspace_op_t *op)
{
    if (inv->length < 3 || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    cap_t frame = inv->cap, pd_cap = inv_extra_cap(inv, 0);
    uint32_t vaddr = inv_mr(inv, 0), size = 1u << frame_size_bits(frame_size(frame));
    if (!is_assigned_pd(pd_cap))
        return inv_invalid_capability(inv, 1);
    uint32_t asid = pd_asid(pd_cap);
    bool remap = frame_mapped_asid(frame) != 0;
    if (remap) {
        if (frame_mapped_asid(frame) != asid)
            return inv_invalid_capability(inv, 1);
        if (frame_mapped_vaddr(frame) != vaddr)
            return inv_invalid_argument(inv, 0);
    } else if (vaddr >= USER_TOP || USER_TOP - vaddr < size) {
        return inv_invalid_argument(inv, 0);
    }
    seL4_Error e = find_pd(inv, pd_cap, 1, &op->pd);
    if (e != seL4_NoError)
        return e;
    user_attr_t attr = mapping_attr(frame, inv_mr(inv, 1), inv_mr(inv, 2), &op->access);
    if (vaddr & (size - 1))
        return seL4_AlignmentError;
    pt_kind_t k = frame_kind(frame_size(frame));
    op->entries = frame_entries(op->pd, frame_size(frame), vaddr);
    if (!op->entries) {
        lookup_fault_t f = {.type = LOOKUP_MISSING_CAPABILITY, .bits_left = NO_PAGE_TABLE_BITS};
        return inv_failed_lookup(inv, false, &f);
    }
    op->count = entry_count(k);
    /* Only this cap's own mapping may be replaced (a remap with new rights). */
    for (unsigned i = 0; i < op->count; i++)
        if (op->entries[i] && !(remap && entries_map(&op->entries[i], k, cap_addr(frame))))
            return seL4_DeleteFirst;
    op->vaddr = vaddr;
    op->value = frame_entry(frame, attr);
    op->cap = frame_with_mapping(frame, asid, vaddr);
    return seL4_NoError;
}

/* Page and page-directory cache maintenance: the range as kernel addresses of the
 * frame's memory (device frames are never cached: an empty range). */
static void cache_range(vspace_op_t *op, uint32_t paddr, bool device, uint32_t from, uint32_t to)
{
    op->start = op->end = 0;
    if (!device) {
        op->start = (uint32_t)(uintptr_t)arch_phys_to_kernel(paddr) + from;
        op->end = op->start + (to - from);
    }
}

static seL4_Error decode_page_cache(invocation_t *inv, vspace_op_t *op)
{
    if (inv->length < 2)
        return seL4_TruncatedMessage;
    cap_t frame = inv->cap;
    if (!frame_mapped_asid(frame))
        return seL4_IllegalOperation;
    if (!asid_find_pd(frame_mapped_asid(frame))) {
        lookup_fault_t f = {.type = LOOKUP_INVALID_ROOT};
        return inv_failed_lookup(inv, false, &f);
    }
    uint32_t start = inv_mr(inv, 0), end = inv_mr(inv, 1);
    uint32_t size = 1u << frame_size_bits(frame_size(frame));
    if (end <= start)
        return inv_invalid_argument(inv, 1);
    if (start >= size || end > size)
        return inv_invalid_argument(inv, 0);
    cache_range(op, cap_addr(frame), frame_is_device(frame), start, end);
    return seL4_NoError;
}

seL4_Error decode_frame(invocation_t *inv, vspace_op_t *op)
{
    op->label = inv->label;
    switch (inv->label) {
    case ARMPageMap: return decode_page_map(inv, op);
    case ARMPageUnmap:
    case ARMPageGetAddress: return seL4_NoError;
    case ARMPageClean_Data:
    case ARMPageInvalidate_Data:
    case ARMPageCleanInvalidate_Data:
    case ARMPageUnify_Instruction: return decode_page_cache(inv, op);
    default: return seL4_IllegalOperation;
    }
}

static arch_cache_op_t cache_op(uint32_t label)
{
    switch (label) {
    case ARMPageClean_Data:
    case ARMPDClean_Data: return CACHE_CLEAN;
    case ARMPageInvalidate_Data:
    case ARMPDInvalidate_Data: return CACHE_INVALIDATE;
    case ARMPageCleanInvalidate_Data:
    case ARMPDCleanInvalidate_Data: return CACHE_CLEAN_INVALIDATE;
    default: return CACHE_UNIFY;
    }
}

static void set_cap(cte_t *slot, cap_t cap)
{
    slot->cap = cap;
    invariants_note_slot(slot);
    trace_cap_update(slot);
}

invoke_status_t invoke_frame(invocation_t *inv, const vspace_op_t *op)
{
    cap_t frame = inv->cap;
    switch (op->label) {
    case ARMPageMap: {
        bool remap = frame_mapped_asid(frame) != 0;
        write_entries(op->entries, op->count, op->value);
        if (remap)
            arch_tlb_flush_page(frame_mapped_asid(frame), op->vaddr);
        set_cap(inv->slot, op->cap);
        trace_map(op->pd, op->vaddr, cap_addr(frame), frame_size_bits(frame_size(frame)),
                  op->access, inv->slot);
        break;
    }
    case ARMPageUnmap:
        if (frame_mapped_asid(frame)) {
            unmap_frame(frame, inv->slot);
            set_cap(inv->slot, frame_with_mapping(frame, 0, 0));
        }
        break;
    case ARMPageGetAddress: inv_reply_word(inv, cap_addr(frame)); break;
    default: arch_cache_maintain(cache_op(op->label), op->start, op->end); break;
    }
    return INVOKE_DONE;
}

/* PageTable_Map: MR0 vaddr, MR1 attributes (unused), extra cap 0 the page directory. */
static seL4_Error decode_pt_map(invocation_t *inv, vspace_op_t *op)
{
    if (inv->length < 2 || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    if (pt_is_mapped(inv->cap))
        return inv_invalid_capability(inv, 0);
    cap_t pd_cap = inv_extra_cap(inv, 0);
    if (!is_assigned_pd(pd_cap))
        return inv_invalid_capability(inv, 1);
    uint32_t vaddr = inv_mr(inv, 0);
    if (vaddr >= USER_TOP)
        return inv_invalid_argument(inv, 0);
    seL4_Error e = find_pd(inv, pd_cap, 1, &op->pd);
    if (e != seL4_NoError)
        return e;
    op->entries = pd_entry(op->pd, vaddr);
    if (*op->entries)
        return seL4_DeleteFirst;
    op->vaddr = vaddr & ~(SECTION_SIZE - 1);
    op->value = pde_table(arch_kernel_to_phys(cap_ptr(inv->cap)));
    op->count = 1;
    op->cap = cap_page_table(cap_ptr(inv->cap), true, pd_asid(pd_cap), op->vaddr);
    return seL4_NoError;
}

seL4_Error decode_page_table(invocation_t *inv, vspace_op_t *op)
{
    op->label = inv->label;
    switch (inv->label) {
    case ARMPageTableMap: return decode_pt_map(inv, op);
    case ARMPageTableUnmap: return cdt_is_final(inv->slot) ? seL4_NoError : seL4_RevokeFirst;
    default: return seL4_IllegalOperation;
    }
}

invoke_status_t invoke_page_table(invocation_t *inv, const vspace_op_t *op)
{
    if (op->label == ARMPageTableMap) {
        write_entries(op->entries, op->count, op->value);
        set_cap(inv->slot, op->cap);
        trace_map(op->pd, op->vaddr, arch_kernel_to_phys(cap_ptr(inv->cap)), seL4_PageTableBits, 0,
                  inv->slot);
    } else if (pt_is_mapped(inv->cap)) {
        unmap_page_table(inv->cap, inv->slot);
        /* An unmapped page table starts empty again. */
        write_entries(cap_ptr(inv->cap), PT_ENTRIES, 0);
        set_cap(inv->slot, cap_page_table(cap_ptr(inv->cap), false, 0, 0));
    }
    return INVOKE_DONE;
}

/* What is mapped at va in pd: its physical base and size, or false. */
static bool resolve(uint32_t *pd, uint32_t va, uint32_t *paddr, unsigned *bits)
{
    uint32_t pde = *pd_entry(pd, va);
    pt_kind_t k = pde_kind(pde);
    if (k == PT_SECTION || k == PT_SUPERSECTION) {
        *bits = k == PT_SECTION ? seL4_SectionBits : seL4_SuperSectionBits;
    } else if (k == PT_TABLE) {
        uint32_t pte = *pt_entry(pd, va);
        k = pte_kind(pte);
        if (k == PT_INVALID)
            return false;
        pde = pte;
        *bits = k == PT_SMALL ? seL4_PageBits : seL4_LargePageBits;
    } else {
        return false;
    }
    *paddr = pt_entry_base(pde, k);
    return true;
}

/* PageDirectory cache maintenance: MR0 start, MR1 end (virtual, exclusive). */
seL4_Error decode_page_directory(invocation_t *inv, vspace_op_t *op)
{
    op->label = inv->label;
    if (inv->label < ARMPDClean_Data || inv->label > ARMPDUnify_Instruction)
        return seL4_IllegalOperation;
    if (inv->length < 2)
        return seL4_TruncatedMessage;
    uint32_t start = inv_mr(inv, 0), end = inv_mr(inv, 1);
    if (end <= start)
        return inv_invalid_argument(inv, 1);
    if (start >= USER_TOP || end > USER_TOP)
        return seL4_IllegalOperation;
    if (!is_assigned_pd(inv->cap))
        return inv_invalid_capability(inv, 0);
    seL4_Error e = find_pd(inv, inv->cap, 0, &op->pd);
    if (e != seL4_NoError)
        return e;
    uint32_t paddr;
    unsigned bits;
    op->start = op->end = 0;
    if (!resolve(op->pd, start, &paddr, &bits))
        return seL4_NoError; /* nothing mapped there: nothing to do */
    uint32_t page = start & ~((1u << bits) - 1);
    if ((end - 1) - page >= (1u << bits))
        return inv_range_error(inv, start, page + (1u << bits) - 1);
    bool in_ram = paddr >= arch_ram_base() && paddr < arch_usable_ram_end();
    cache_range(op, paddr, !in_ram, start - page, end - page);
    return seL4_NoError;
}

invoke_status_t invoke_page_directory(invocation_t *inv, const vspace_op_t *op)
{
    (void)inv;
    arch_cache_maintain(cache_op(op->label), op->start, op->end);
    return INVOKE_DONE;
}
