/*
 * kernel/untyped.c - Untyped_Retype, the only way kernel objects come to exist
 * (spec 8.2, 11.1). An untyped cap keeps a watermark: objects are carved above
 * it, each aligned to its own size. When the untyped has no children left the
 * watermark drops to zero and the used memory is cleared first, so every new
 * object starts zeroed. decode_untyped() checks in the spec's order and changes
 * nothing; invoke_untyped() clears and creates. Partners: untyped.h, object.c, cdt.c.
 */
#include "untyped.h"

#include <sel4/invocation.h>
#include <sel4/objecttype.h>

#include "arch.h"
#include "cdt.h"
#include "invariants.h"
#include "object.h"
#include "trace.h"

#define RETYPE_ARGS 6
/* Clearing proceeds in pieces of this size, with a preemption point between. */
#define RESET_CHUNK (64u << 10)
#define MAX_OBJECT_BITS seL4_MaxUntypedBits

static bool is_frame_type(uint32_t type)
{
    return type == seL4_ARM_SmallPageObject || type == seL4_ARM_LargePageObject ||
           type == seL4_ARM_SectionObject || type == seL4_ARM_SuperSectionObject;
}

/* Checks type and size (spec 8.2 steps 1-3). */
static seL4_Error check_type(invocation_t *inv, untyped_op_t *op)
{
    if (op->type >= seL4_ObjectTypeCount)
        return inv_invalid_argument(inv, 0);
    if (op->size_bits >= 32)
        return inv_range_error(inv, 0, MAX_OBJECT_BITS);
    op->obj_bits = object_size_bits(op->type, op->size_bits);
    if (op->obj_bits > MAX_OBJECT_BITS)
        return inv_range_error(inv, 0, MAX_OBJECT_BITS);
    if ((op->type == seL4_CapTableObject && op->size_bits == 0) ||
        (op->type == seL4_UntypedObject && op->size_bits < seL4_MinUntypedBits))
        return inv_invalid_argument(inv, 1);
    return seL4_NoError;
}

/* Finds the destination CNode and checks the window of slots (steps 4-8). */
static seL4_Error check_destination(invocation_t *inv, untyped_op_t *op)
{
    cap_t root = inv_extra_cap(inv, 0);
    uint32_t index = inv_mr(inv, 2), depth = inv_mr(inv, 3);
    uint32_t offset = inv_mr(inv, 4);
    cap_t node = root;
    if (depth != 0) {
        cte_t *slot;
        lookup_fault_t f;
        seL4_Error e = cspace_lookup_target(root, index, depth, &slot, &f);
        if (e == seL4_RangeError)
            return inv_range_error(inv, 1, 32);
        if (e != seL4_NoError)
            return inv_failed_lookup(inv, false, &f);
        node = slot->cap;
    }
    if (cap_type(node) != CAP_CNODE) {
        lookup_fault_t f = {LOOKUP_MISSING_CAPABILITY, 0, 0, 0};
        return inv_failed_lookup(inv, false, &f);
    }
    uint32_t slots = 1u << cnode_radix(node);
    if (offset >= slots)
        return inv_range_error(inv, 0, slots - 1);
    if (op->count < 1 || op->count > seL4_UntypedRetypeMaxObjects)
        return inv_range_error(inv, 1, seL4_UntypedRetypeMaxObjects);
    if (op->count > slots - offset)
        return inv_range_error(inv, 1, slots - offset);
    op->dest = &cnode_slots(node)[offset];
    for (uint32_t i = 0; i < op->count; i++)
        if (!cap_is_null(op->dest[i].cap))
            return seL4_DeleteFirst;
    return seL4_NoError;
}

static uint32_t align_up(uint32_t value, unsigned bits)
{
    uint32_t mask = (1u << bits) - 1;
    return (value + mask) & ~mask;
}

/*
 * Clears an untyped with no children, top down, lowering its watermark as it goes:
 * memory above the watermark is always zero, so a preempted reset is consistent
 * and the restarted Retype carries on where it stopped. Returns false if preempted.
 */
static bool reset_untyped(cte_t *slot)
{
    uint32_t base = cap_addr(slot->cap), w = untyped_free_bytes(slot->cap);
    while (w > 0) {
        uint32_t chunk = w % RESET_CHUNK ? w % RESET_CHUNK : RESET_CHUNK;
        w -= chunk;
        if (!untyped_is_device(slot->cap))
            kmemset(arch_phys_to_kernel(base + w), 0, chunk);
        untyped_set_free_bytes(&slot->cap, w);
        if (w > 0 && preemption_point()) {
            trace_cap_update(slot);
            return false;
        }
    }
    trace_cap_update(slot);
    return true;
}

/* Creates the objects and their caps; cannot fail once decoding succeeded. */
static void create_objects(cte_t *ut_slot, const untyped_op_t *op)
{
    cap_t ut = ut_slot->cap;
    uint32_t base = cap_addr(ut);
    cte_t *parent = ut_slot;
    for (uint32_t i = 0; i < op->count; i++) {
        uint32_t paddr = base + op->start + (i << op->obj_bits);
        cap_t obj = object_create(op->type, op->size_bits, paddr, untyped_is_device(ut), ut_slot);
        /* Each new cap follows the previous one: all stay right after the untyped. */
        cdt_insert(obj, parent, &op->dest[i], true);
        parent = &op->dest[i];
    }
    untyped_set_free_bytes(&ut_slot->cap, op->start + (op->count << op->obj_bits));
    invariants_note_slot(ut_slot);
    trace_cap_update(ut_slot);
}

seL4_Error decode_untyped(invocation_t *inv, untyped_op_t *op)
{
    if (inv->label != UntypedRetype)
        return seL4_IllegalOperation;
    if (inv->length < RETYPE_ARGS || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    *op = (untyped_op_t){.type = inv_mr(inv, 0), .size_bits = inv_mr(inv, 1), .count = inv_mr(inv, 5)};
    seL4_Error e = check_type(inv, op);
    if (e == seL4_NoError)
        e = check_destination(inv, op);
    if (e != seL4_NoError)
        return e;
    cap_t ut = inv->cap;
    op->reset = !cdt_has_children(inv->slot);
    uint32_t watermark = op->reset ? 0 : untyped_free_bytes(ut);
    op->start = align_up(watermark, op->obj_bits);
    uint64_t need = (uint64_t)op->start + ((uint64_t)op->count << op->obj_bits);
    if (op->start < watermark || need > untyped_size(ut))
        return inv_not_enough_memory(inv, untyped_size(ut) - watermark);
    if (untyped_is_device(ut) && op->type != seL4_UntypedObject && !is_frame_type(op->type))
        return inv_invalid_argument(inv, 1);
    return seL4_NoError;
}

invoke_status_t invoke_untyped(invocation_t *inv, const untyped_op_t *op)
{
    trace_cause = TRACE_CAUSE_RETYPE;
    if (op->reset && !reset_untyped(inv->slot))
        return INVOKE_PREEMPTED;
    create_objects(inv->slot, op);
    return INVOKE_DONE;
}
