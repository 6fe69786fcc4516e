/*
 * kernel/irq.c - IRQControl and IRQHandler (spec 8.5). Each interrupt line has a
 * state (free, issued to a handler cap, or the kernel's own) and a kernel slot that
 * holds a copy of the notification cap it signals, a CDT child of the cap it was
 * copied from: revoking that cap takes the notification away from the interrupt.
 * Partners: irq.h, interrupt.c, notification.c, cdt.c, arch.h (masking).
 */
#include "irq.h"

#include <sel4/invocation.h>
#include <sel4/invocation_args.h>

#include "arch.h"
#include "cdt.h"
#include "notification.h"
#include "trace.h"

#define MAX_IRQS 256u
#define UINT8_ARG(word) ((word) & ((1u << SEL4_ARG_UINT8_BITS) - 1))

typedef enum irq_state { IRQ_FREE, IRQ_ISSUED } irq_state_t;

static uint8_t irq_state[MAX_IRQS];
/* The notification each issued interrupt signals (a null cap: none). */
static cte_t irq_ntfn[MAX_IRQS];

/* IRQControl_Get: MR0 irq, MR1 index, MR2 depth, extra cap 0 the root CNode. */
static seL4_Error decode_get(invocation_t *inv, irq_op_t *op, unsigned index_mr)
{
    kassert(arch_max_irq() < MAX_IRQS);
    if (inv->length < index_mr + 2 || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    op->irq = inv_mr(inv, 0);
    if (op->irq > arch_max_irq())
        return inv_range_error(inv, 0, arch_max_irq());
    if (arch_irq_reserved(op->irq) || irq_state[op->irq] != IRQ_FREE)
        return seL4_RevokeFirst;
    lookup_fault_t f;
    seL4_Error e = cspace_lookup_target(inv_extra_cap(inv, 0), inv_mr(inv, index_mr),
                                        UINT8_ARG(inv_mr(inv, index_mr + 1)), &op->dest, &f);
    if (e == seL4_RangeError)
        return inv_range_error(inv, 1, 32);
    if (e != seL4_NoError)
        return inv_failed_lookup(inv, false, &f);
    return cap_is_null(op->dest->cap) ? seL4_NoError : seL4_DeleteFirst;
}

seL4_Error decode_irq_control(invocation_t *inv, irq_op_t *op)
{
    op->label = inv->label;
    switch (inv->label) {
    case IRQIssueIRQHandler: return decode_get(inv, op, 1);
    /* GetTrigger: MR1 is the trigger mode; the GIC model keeps its default. */
    case ARMIRQIssueIRQHandlerTrigger: return decode_get(inv, op, 2);
    default: return seL4_IllegalOperation;
    }
}

invoke_status_t invoke_irq_control(invocation_t *inv, const irq_op_t *op)
{
    trace_cause = TRACE_CAUSE_COPY;
    irq_state[op->irq] = IRQ_ISSUED;
    cdt_insert(cap_irq_handler(op->irq), inv->slot, op->dest, true);
    return INVOKE_DONE;
}

seL4_Error decode_irq_handler(invocation_t *inv, irq_op_t *op)
{
    op->label = inv->label;
    op->irq = irq_handler_irq(inv->cap);
    switch (inv->label) {
    case IRQAckIRQ:
    case IRQClearIRQHandler: return seL4_NoError;
    case IRQSetIRQHandler: {
        if (inv->extra_count < 1)
            return seL4_TruncatedMessage;
        cap_t n = inv_extra_cap(inv, 0);
        if (cap_type(n) != CAP_NOTIFICATION || !(cap_ep_rights(n) & RIGHT_WRITE))
            return inv_invalid_capability(inv, 0);
        op->ntfn_slot = inv->extra_slot[0];
        return seL4_NoError;
    }
    default: return seL4_IllegalOperation;
    }
}

static void clear_notification(unsigned irq)
{
    trace_cause = TRACE_CAUSE_DELETE;
    cdt_delete(&irq_ntfn[irq], false); /* a copy: never the last cap of anything */
}

invoke_status_t invoke_irq_handler(invocation_t *inv, const irq_op_t *op)
{
    (void)inv;
    switch (op->label) {
    case IRQAckIRQ: arch_irq_set_masked(op->irq, false); break;
    case IRQClearIRQHandler: clear_notification(op->irq); break;
    case IRQSetIRQHandler:
        clear_notification(op->irq);
        trace_cause = TRACE_CAUSE_COPY;
        cdt_insert(op->ntfn_slot->cap, op->ntfn_slot, &irq_ntfn[op->irq], false);
        break;
    default: kpanic("label %u passed decode", op->label);
    }
    return INVOKE_DONE;
}

void irq_received(unsigned irq)
{
    if (irq >= MAX_IRQS)
        return;
    trace_irq(irq);
    cap_t n = irq_ntfn[irq].cap;
    /* No notification: the line stays masked, as seL4 leaves it. */
    if (irq_state[irq] == IRQ_ISSUED && cap_type(n) == CAP_NOTIFICATION)
        ntfn_signal(cap_ptr(n), cap_badge(n));
}

void irq_handler_deleted(unsigned irq)
{
    if (irq >= MAX_IRQS)
        return;
    arch_irq_set_masked(irq, true);
    clear_notification(irq);
    irq_state[irq] = IRQ_FREE;
}

bool irq_can_wake_anyone(void)
{
    for (unsigned i = 0; i < MAX_IRQS; i++)
        if (irq_state[i] == IRQ_ISSUED && cap_type(irq_ntfn[i].cap) == CAP_NOTIFICATION)
            return true;
    return false;
}
