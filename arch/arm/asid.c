/*
 * arch/arm/asid.c - ASIDs: which page directory each address-space identifier
 * names. The ASID table has a slot per pool; a pool (one 4 KiB object) names a
 * page directory for each of its 1024 ASIDs. ASIDControl_MakePool turns an
 * untyped into a pool, ASIDPool_Assign gives a page directory its ASID, and
 * deleting either takes the ASIDs away (their TLB entries with them), so a stale
 * page-directory cap can no longer reach its old address space.
 * Partners: kernel/vspace.h, vspace.c (the mappings), mmu.c (hardware ASIDs).
 */
#include <sel4/constants.h>
#include <sel4/invocation.h>
#include <sel4/invocation_args.h>

#include "../../kernel/arch.h"
#include "../../kernel/cdt.h"
#include "../../kernel/trace.h"
#include "../../kernel/vspace.h"
#include "asid.h"

#define POOL_ENTRIES (1u << seL4_ASIDPoolIndexBits)
/* Caps hold 15-bit ASIDs (trace/cap_words.h): 32 pools, not seL4's 128. */
#define POOL_COUNT (1u << (CAPW_ASID_BITS - seL4_ASIDPoolIndexBits))
#define UINT8_ARG(word) ((word) & ((1u << SEL4_ARG_UINT8_BITS) - 1))

/* A pool: the kernel address of each ASID's page directory (0: free). */
typedef struct asid_pool {
    uint32_t pd[POOL_ENTRIES];
} asid_pool_t;
_Static_assert(sizeof(asid_pool_t) == 1u << seL4_ASIDPoolBits, "a pool fills its object");

static asid_pool_t *asid_table[POOL_COUNT];

uint32_t *asid_find_pd(uint32_t asid)
{
    asid_pool_t *pool = asid_table[(asid >> seL4_ASIDPoolIndexBits) % POOL_COUNT];
    if (asid == 0 || asid > CAPW_ASID_MASK || !pool)
        return NULL;
    return (uint32_t *)(uintptr_t)pool->pd[asid % POOL_ENTRIES];
}

void asid_boot(void *pool, void *pd, uint32_t asid)
{
    asid_table[0] = pool;
    asid_table[0]->pd[asid] = (uint32_t)(uintptr_t)pd;
}

uint32_t *vspace_of(const tcb_t *t, uint32_t *asid)
{
    cap_t vs = t->slots[TCB_SLOT_VSPACE].cap;
    if (cap_type(vs) != CAP_PAGE_DIRECTORY || !pd_is_assigned(vs))
        return NULL;
    uint32_t *pd = asid_find_pd(pd_asid(vs));
    if (pd != cap_ptr(vs))
        return NULL;
    *asid = pd_asid(vs);
    return pd;
}

/* ASIDControl_MakePool: extra caps the untyped and the root CNode; MR0 index, MR1 depth. */
seL4_Error decode_asid_control(invocation_t *inv, vspace_op_t *op)
{
    op->label = inv->label;
    if (inv->label != ARMASIDControlMakePool)
        return seL4_IllegalOperation;
    if (inv->length < 2 || inv->extra_count < 2)
        return seL4_TruncatedMessage;
    unsigned i = 0;
    while (i < POOL_COUNT && asid_table[i])
        i++;
    if (i == POOL_COUNT)
        return seL4_DeleteFirst;
    op->asid = i << seL4_ASIDPoolIndexBits;
    op->slot = inv->extra_slot[0];
    cap_t ut = op->slot->cap;
    if (cap_type(ut) != CAP_UNTYPED || untyped_size_bits(ut) != seL4_ASIDPoolBits ||
        untyped_is_device(ut))
        return inv_invalid_capability(inv, 1);
    if (cdt_has_children(op->slot))
        return seL4_RevokeFirst;
    lookup_fault_t f;
    seL4_Error e = cspace_lookup_target(inv_extra_cap(inv, 1), inv_mr(inv, 0),
                                        UINT8_ARG(inv_mr(inv, 1)), &op->dest, &f);
    if (e == seL4_RangeError)
        return inv_range_error(inv, 1, 32);
    if (e != seL4_NoError)
        return inv_failed_lookup(inv, false, &f);
    return cap_is_null(op->dest->cap) ? seL4_NoError : seL4_DeleteFirst;
}

invoke_status_t invoke_asid_control(invocation_t *inv, const vspace_op_t *op)
{
    (void)inv;
    cap_t ut = op->slot->cap;
    asid_pool_t *pool = arch_phys_to_kernel(cap_addr(ut));
    kmemset(pool, 0, sizeof(*pool));
    untyped_set_free_bytes(&op->slot->cap, untyped_size(ut)); /* the pool fills it */
    invariants_note_slot(op->slot);
    trace_cap_update(op->slot);
    trace_cause = TRACE_CAUSE_RETYPE;
    cdt_insert(cap_asid_pool(pool, op->asid), op->slot, op->dest, true);
    asid_table[op->asid >> seL4_ASIDPoolIndexBits] = pool;
    return INVOKE_DONE;
}

/* ASIDPool_Assign: extra cap 0 an unassigned page directory. */
seL4_Error decode_asid_pool(invocation_t *inv, vspace_op_t *op)
{
    op->label = inv->label;
    if (inv->label != ARMASIDPoolAssign)
        return seL4_IllegalOperation;
    if (inv->extra_count < 1)
        return seL4_TruncatedMessage;
    op->slot = inv->extra_slot[0];
    cap_t pd = op->slot->cap;
    if (cap_type(pd) != CAP_PAGE_DIRECTORY || pd_is_assigned(pd))
        return inv_invalid_capability(inv, 1);
    uint32_t base = asid_pool_base(inv->cap);
    asid_pool_t *pool = asid_table[base >> seL4_ASIDPoolIndexBits];
    if (!pool) {
        lookup_fault_t f = {.type = LOOKUP_INVALID_ROOT};
        return inv_failed_lookup(inv, false, &f);
    }
    if (pool != cap_ptr(inv->cap))
        return inv_invalid_capability(inv, 0);
    unsigned i = 0;
    while (i < POOL_ENTRIES && (base + i == 0 || pool->pd[i]))
        i++;
    if (i == POOL_ENTRIES)
        return seL4_DeleteFirst;
    op->asid = base + i;
    return seL4_NoError;
}

invoke_status_t invoke_asid_pool(invocation_t *inv, const vspace_op_t *op)
{
    asid_pool_t *pool = cap_ptr(inv->cap);
    cap_t pd = op->slot->cap;
    op->slot->cap = cap_page_directory(cap_ptr(pd), true, op->asid);
    invariants_note_slot(op->slot);
    trace_cap_update(op->slot);
    pool->pd[op->asid % POOL_ENTRIES] = cap_addr(pd);
    return INVOKE_DONE;
}

/* The ASID no longer names pd: nothing can run in it or reach it through it. */
static void asid_release(uint32_t asid, uint32_t pd)
{
    asid_pool_t *pool = asid_table[(asid >> seL4_ASIDPoolIndexBits) % POOL_COUNT];
    if (!pool || pool->pd[asid % POOL_ENTRIES] != pd)
        return;
    arch_tlb_flush_asid(asid);
    pool->pd[asid % POOL_ENTRIES] = 0;
}

void asid_pd_deleted(cap_t pd)
{
    if (pd_is_assigned(pd))
        asid_release(pd_asid(pd), cap_addr(pd));
}

void asid_pool_deleted(cap_t pool_cap)
{
    uint32_t base = asid_pool_base(pool_cap);
    asid_pool_t *pool = asid_table[base >> seL4_ASIDPoolIndexBits];
    if (pool != cap_ptr(pool_cap))
        return;
    for (unsigned i = 0; i < POOL_ENTRIES; i++)
        if (pool->pd[i])
            asid_release(base + i, pool->pd[i]);
    asid_table[base >> seL4_ASIDPoolIndexBits] = NULL;
}
