/*
 * kernel/cnode_ops.c - the CNode invocations (spec 8.4): Copy, Mint, Move,
 * Mutate, Rotate, Delete, Revoke, CancelBadgedSends, SaveCaller. The invoked
 * CNode cap is the root against which MR0 (index) and MR1 (depth) name the
 * destination or target slot. Partners: invocation.h, cdt.c, cap.c.
 */
#include <sel4/invocation.h>

#include "invocation.h"
#include "trace.h"

#define DEPTH(word) ((word) & 0xFFu)

/* Looks up the slot named by MR[i] and MR[i+1] under root; `source` for MR0 of errors. */
static seL4_Error lookup_arg(invocation_t *inv, cap_t root, unsigned i, bool source, cte_t **slot)
{
    lookup_fault_t f;
    seL4_Error e = cspace_lookup_target(root, inv_mr(inv, i), DEPTH(inv_mr(inv, i + 1)), slot, &f);
    if (e == seL4_RangeError)
        return inv_range_error(inv, 1, 32);
    if (e == seL4_FailedLookup)
        return inv_failed_lookup(inv, source, &f);
    return e;
}

/* An empty source slot is a failed lookup of a missing capability. */
static seL4_Error missing_source(invocation_t *inv)
{
    lookup_fault_t f = {LOOKUP_MISSING_CAPABILITY, 0, 0, 0};
    return inv_failed_lookup(inv, true, &f);
}

/*
 * The checks Copy, Mint, Move and Mutate share, in the spec's order: enough words
 * and a source CNode cap, an empty destination (before the source is looked at),
 * then a source slot that holds a cap (MR2 index, MR3 depth under extra cap 0).
 */
static seL4_Error find_source(invocation_t *inv, cte_t *dest, unsigned words, cte_t **src)
{
    if (inv->length < words || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    if (!cap_is_null(dest->cap))
        return seL4_DeleteFirst;
    seL4_Error e = lookup_arg(inv, inv_extra_cap(inv, 0), 2, true, src);
    if (e == seL4_NoError && cap_is_null((*src)->cap))
        return missing_source(inv);
    return e;
}

/* Copy (label CNodeCopy) and Mint: a new cap derived from the source. */
static seL4_Error copy_or_mint(invocation_t *inv, cte_t *dest, bool mint)
{
    cte_t *src;
    cap_t cap;
    seL4_Error e = find_source(inv, dest, mint ? 6u : 5u, &src);
    if (e == seL4_NoError)
        e = cap_derive(src->cap, cdt_has_children(src), &cap);
    if (e != seL4_NoError)
        return e;
    cap = cap_mask_rights(cap, inv_mr(inv, 4));
    if (mint && !cap_update_data(cap, inv_mr(inv, 5), false, &cap))
        return seL4_IllegalOperation;
    if (cap_type(cap) == CAP_UNTYPED) {
        untyped_set_free_bytes(&src->cap, untyped_size(src->cap)); /* the original is now full */
        trace_cap_update(src);
    }
    cdt_insert(cap, src, dest, cap_is_revocable_copy(cap, src->cap));
    return seL4_NoError;
}

/* Move and Mutate: the cap changes slot, keeping its place in the CDT. */
static seL4_Error move_or_mutate(invocation_t *inv, cte_t *dest, bool mutate)
{
    cte_t *src;
    seL4_Error e = find_source(inv, dest, mutate ? 5u : 4u, &src);
    if (e != seL4_NoError)
        return e;
    cap_t cap = src->cap;
    if (mutate && !cap_update_data(cap, inv_mr(inv, 4), true, &cap))
        return seL4_IllegalOperation;
    cdt_move(cap, src, dest);
    return seL4_NoError;
}

/* Rotate: pivot -> dest and src -> pivot, atomically; dest == src swaps. */
static seL4_Error rotate(invocation_t *inv, cte_t *dest)
{
    cte_t *pivot, *src;
    cap_t to_dest, to_pivot;
    if (inv->length < 8 || inv->extra_count < 2)
        return seL4_TruncatedMessage;
    seL4_Error e = lookup_arg(inv, inv_extra_cap(inv, 0), 3, true, &pivot);
    if (e == seL4_NoError)
        e = lookup_arg(inv, inv_extra_cap(inv, 1), 6, true, &src);
    if (e != seL4_NoError)
        return e;
    if (pivot == src || pivot == dest)
        return seL4_IllegalOperation;
    if (src != dest && !cap_is_null(dest->cap))
        return seL4_DeleteFirst;
    if (cap_is_null(src->cap) || cap_is_null(pivot->cap))
        return missing_source(inv);
    if (!cap_update_data(pivot->cap, inv_mr(inv, 2), true, &to_dest) ||
        !cap_update_data(src->cap, inv_mr(inv, 5), true, &to_pivot))
        return seL4_IllegalOperation;
    if (src == dest) {
        cdt_swap(to_pivot, src, to_dest, pivot);
    } else {
        cdt_move(to_dest, pivot, dest);
        cdt_move(to_pivot, src, pivot);
    }
    return seL4_NoError;
}

static seL4_Error cancel_badged_sends(cte_t *slot)
{
    cap_t c = slot->cap;
    if (cap_type(c) != CAP_ENDPOINT || cap_ep_rights(c) != RIGHTS_ALL)
        return seL4_IllegalOperation;
    /* No thread can be blocked sending yet: endpoint IPC is not implemented. */
    return seL4_NoError;
}

seL4_Error decode_cnode(invocation_t *inv)
{
    if (inv->label < CNodeRevoke || inv->label > CNodeSaveCaller)
        return seL4_IllegalOperation;
    if (inv->length < 2)
        return seL4_TruncatedMessage;
    static const uint32_t causes[CNodeSaveCaller + 1] = {
        [CNodeRevoke] = TRACE_CAUSE_REVOKE, [CNodeDelete] = TRACE_CAUSE_DELETE,
        [CNodeCopy] = TRACE_CAUSE_COPY,     [CNodeMint] = TRACE_CAUSE_MINT,
        [CNodeMove] = TRACE_CAUSE_MOVE,     [CNodeMutate] = TRACE_CAUSE_MUTATE,
        [CNodeRotate] = TRACE_CAUSE_ROTATE,
    };
    trace_cause = causes[inv->label];
    cte_t *target;
    seL4_Error e = lookup_arg(inv, inv->cap, 0, false, &target);
    if (e != seL4_NoError)
        return e;
    switch (inv->label) {
    case CNodeRevoke: return cdt_revoke(target, true) ? seL4_NoError : INV_PREEMPTED;
    case CNodeDelete: return cdt_delete(target, true) ? seL4_NoError : INV_PREEMPTED;
    case CNodeCancelBadgedSends: return cancel_badged_sends(target);
    case CNodeCopy: return copy_or_mint(inv, target, false);
    case CNodeMint: return copy_or_mint(inv, target, true);
    case CNodeMove: return move_or_mutate(inv, target, false);
    case CNodeMutate: return move_or_mutate(inv, target, true);
    case CNodeRotate: return rotate(inv, target);
    case CNodeSaveCaller:
        /* Reply caps do not exist until endpoint IPC does: nothing to save. */
        return cap_is_null(target->cap) ? seL4_NoError : seL4_DeleteFirst;
    default: return seL4_IllegalOperation;
    }
}
