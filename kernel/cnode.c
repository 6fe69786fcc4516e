/*
 * kernel/cnode.c - the CNode invocations (spec 8.4): Copy, Mint, Move, Mutate,
 * Rotate, Delete, Revoke, CancelBadgedSends, SaveCaller. The invoked CNode cap is
 * the root against which MR0 (index) and MR1 (depth) name the destination or
 * target slot. decode_cnode() checks in the spec's order and changes nothing;
 * invoke_cnode() performs. Partners: cnode.h, cdt.c, cap.c, cspace.c.
 */
#include "cnode.h"

#include <sel4/invocation.h>
#include <sel4/invocation_args.h>

#include "cdt.h"
#include "endpoint.h"
#include "trace.h"

/* A depth is a Uint8 alone in its MR (sel4/invocation_args.h). */
#define DEPTH(word) ((word) & ((1u << SEL4_ARG_UINT8_BITS) - 1))

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

/* Copy and Mint: a new cap derived from the source, rights masked, Mint's data applied. */
static seL4_Error decode_copy(invocation_t *inv, cnode_op_t *op, bool mint)
{
    seL4_Error e = find_source(inv, op->target, mint ? 6u : 5u, &op->src);
    if (e == seL4_NoError)
        e = cap_derive(op->src->cap, cdt_has_children(op->src), &op->cap);
    if (e != seL4_NoError)
        return e;
    op->cap = cap_mask_rights(op->cap, inv_mr(inv, 4));
    if (mint && !cap_update_data(op->cap, inv_mr(inv, 5), false, &op->cap))
        return seL4_IllegalOperation;
    op->revocable = cap_is_revocable_copy(op->cap, op->src->cap);
    return seL4_NoError;
}

/* Move and Mutate: the cap changes slot, keeping its place in the CDT. */
static seL4_Error decode_move(invocation_t *inv, cnode_op_t *op, bool mutate)
{
    seL4_Error e = find_source(inv, op->target, mutate ? 5u : 4u, &op->src);
    if (e != seL4_NoError)
        return e;
    op->cap = op->src->cap;
    if (mutate && !cap_update_data(op->cap, inv_mr(inv, 4), true, &op->cap))
        return seL4_IllegalOperation;
    return seL4_NoError;
}

/* Rotate: pivot -> dest and src -> pivot, atomically; dest == src swaps. */
static seL4_Error decode_rotate(invocation_t *inv, cnode_op_t *op)
{
    if (inv->length < 8 || inv->extra_count < 2)
        return seL4_TruncatedMessage;
    seL4_Error e = lookup_arg(inv, inv_extra_cap(inv, 0), 3, true, &op->pivot);
    if (e == seL4_NoError)
        e = lookup_arg(inv, inv_extra_cap(inv, 1), 6, true, &op->src);
    if (e != seL4_NoError)
        return e;
    if (op->pivot == op->src || op->pivot == op->target)
        return seL4_IllegalOperation;
    if (op->src != op->target && !cap_is_null(op->target->cap))
        return seL4_DeleteFirst;
    if (cap_is_null(op->src->cap) || cap_is_null(op->pivot->cap))
        return missing_source(inv);
    if (!cap_update_data(op->pivot->cap, inv_mr(inv, 2), true, &op->cap) ||
        !cap_update_data(op->src->cap, inv_mr(inv, 5), true, &op->pivot_cap))
        return seL4_IllegalOperation;
    return seL4_NoError;
}

seL4_Error decode_cnode(invocation_t *inv, cnode_op_t *op)
{
    if (inv->label < CNodeRevoke || inv->label > CNodeSaveCaller)
        return seL4_IllegalOperation;
    if (inv->length < 2)
        return seL4_TruncatedMessage;
    op->label = inv->label;
    seL4_Error e = lookup_arg(inv, inv->cap, 0, false, &op->target);
    if (e != seL4_NoError)
        return e;
    switch (inv->label) {
    case CNodeRevoke:
    case CNodeDelete: return seL4_NoError;
    case CNodeCancelBadgedSends:
        if (cap_type(op->target->cap) != CAP_ENDPOINT || cap_ep_rights(op->target->cap) != RIGHTS_ALL)
            return seL4_IllegalOperation;
        return seL4_NoError;
    case CNodeCopy: return decode_copy(inv, op, false);
    case CNodeMint: return decode_copy(inv, op, true);
    case CNodeMove: return decode_move(inv, op, false);
    case CNodeMutate: return decode_move(inv, op, true);
    case CNodeRotate: return decode_rotate(inv, op);
    case CNodeSaveCaller: return cap_is_null(op->target->cap) ? seL4_NoError : seL4_DeleteFirst;
    default: return seL4_IllegalOperation;
    }
}

static void invoke_copy(const cnode_op_t *op)
{
    if (cap_type(op->cap) == CAP_UNTYPED) {
        /* A copy of an untyped shares its memory: the original can make no more objects. */
        untyped_set_free_bytes(&op->src->cap, untyped_size(op->src->cap));
        trace_cap_update(op->src);
    }
    cdt_insert(op->cap, op->src, op->target, op->revocable);
}

static void invoke_rotate(const cnode_op_t *op)
{
    if (op->src == op->target) {
        cdt_swap(op->pivot_cap, op->src, op->cap, op->pivot);
    } else {
        cdt_move(op->cap, op->pivot, op->target);
        cdt_move(op->pivot_cap, op->src, op->pivot);
    }
}

invoke_status_t invoke_cnode(invocation_t *inv, const cnode_op_t *op)
{
    static const uint32_t causes[CNodeSaveCaller + 1] = {
        [CNodeRevoke] = TRACE_CAUSE_REVOKE, [CNodeDelete] = TRACE_CAUSE_DELETE,
        [CNodeCopy] = TRACE_CAUSE_COPY,     [CNodeMint] = TRACE_CAUSE_MINT,
        [CNodeMove] = TRACE_CAUSE_MOVE,     [CNodeMutate] = TRACE_CAUSE_MUTATE,
        [CNodeRotate] = TRACE_CAUSE_ROTATE, [CNodeSaveCaller] = TRACE_CAUSE_MOVE,
    };
    trace_cause = causes[op->label];
    switch (op->label) {
    case CNodeRevoke: return cdt_revoke(op->target, true) ? INVOKE_DONE : INVOKE_PREEMPTED;
    case CNodeDelete: return cdt_delete(op->target, true) ? INVOKE_DONE : INVOKE_PREEMPTED;
    case CNodeCopy:
    case CNodeMint: invoke_copy(op); break;
    case CNodeMove:
    case CNodeMutate: cdt_move(op->cap, op->src, op->target); break;
    case CNodeRotate: invoke_rotate(op); break;
    case CNodeCancelBadgedSends:
        if (cap_badge(op->target->cap) != 0)
            ep_cancel_badged_sends(cap_ptr(op->target->cap), cap_badge(op->target->cap));
        break;
    case CNodeSaveCaller: {
        cte_t *caller = &inv->caller->slots[TCB_SLOT_CALLER];
        if (!cap_is_null(caller->cap))
            cdt_move(caller->cap, caller, op->target);
        break;
    }
    default: kpanic("label %u passed decode", op->label);
    }
    return INVOKE_DONE;
}
