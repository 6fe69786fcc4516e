/*
 * kernel/tcb.c - the TCB invocations (spec 8.3): registers, address spaces and
 * IPC buffer, priorities, suspend and resume, notification binding, TLS base and
 * flags. decode_tcb() checks in the spec's order and changes nothing; invoke_tcb()
 * performs. Partners: tcb.h, thread.c (what is done to the thread), cdt.h.
 */
#include "tcb.h"

#include <sel4/invocation.h>
#include <sel4/invocation_args.h>

#include "cdt.h"
#include "notification.h"
#include "trace.h"

#define IPC_BUFFER_ALIGN (1u << seL4_IPCBufferSizeBits)

static bool flag(uint32_t word, unsigned shift)
{
    return (word >> shift) & 1u;
}

static seL4_Error decode_read_registers(invocation_t *inv, tcb_op_t *op)
{
    if (inv->length < 2)
        return seL4_TruncatedMessage;
    op->flags = inv_mr(inv, 0);
    op->count = inv_mr(inv, 1);
    if (op->count < 1 || op->count > ARCH_USER_CONTEXT_WORDS)
        return inv_range_error(inv, 1, ARCH_USER_CONTEXT_WORDS);
    if (op->tcb == inv->caller)
        return seL4_IllegalOperation;
    return seL4_NoError;
}

static seL4_Error decode_write_registers(invocation_t *inv, tcb_op_t *op)
{
    if (inv->length < 2)
        return seL4_TruncatedMessage;
    op->flags = inv_mr(inv, 0);
    op->count = inv_mr(inv, 1);
    if (op->count > ARCH_USER_CONTEXT_WORDS)
        op->count = ARCH_USER_CONTEXT_WORDS;
    if (inv->length - SEL4_TCB_REGS_HEADER_WORDS < op->count)
        return seL4_TruncatedMessage;
    if (op->tcb == inv->caller)
        return seL4_IllegalOperation;
    return seL4_NoError;
}

static seL4_Error decode_copy_registers(invocation_t *inv, tcb_op_t *op)
{
    cap_t src = inv_extra_cap(inv, 0);
    if (inv->length < 1 || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    if (cap_type(src) != CAP_THREAD)
        return inv_invalid_capability(inv, 1);
    op->source = cap_ptr(src);
    op->flags = inv_mr(inv, 0);
    return seL4_NoError;
}

/* Checks `authority` (extra cap 0) may grant `value` as a priority or MCP. */
static seL4_Error check_authority(invocation_t *inv, uint32_t value)
{
    cap_t auth = inv_extra_cap(inv, 0);
    if (cap_type(auth) != CAP_THREAD)
        return inv_invalid_capability(inv, 1);
    uint32_t mcp = ((tcb_t *)cap_ptr(auth))->mcp;
    if (value > mcp)
        return inv_range_error(inv, 0, mcp);
    return seL4_NoError;
}

/* SetMCPriority (MR0 the MCP), SetPriority (MR0 the priority), SetSchedParams (both). */
static seL4_Error decode_sched(invocation_t *inv, tcb_op_t *op)
{
    bool set_mcp = inv->label != TCBSetPriority, set_prio = inv->label != TCBSetMCPriority;
    unsigned words = set_mcp && set_prio ? 2 : 1;
    if (inv->length < words || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    op->mcp = inv_mr(inv, 0);
    op->priority = inv_mr(inv, words - 1);
    seL4_Error e = set_mcp ? check_authority(inv, op->mcp) : seL4_NoError;
    if (e == seL4_NoError && set_prio)
        e = check_authority(inv, op->priority);
    return e;
}

/* SetSpace's checks (spec 8.3): a CNode root with valid data, an assigned PD. */
static seL4_Error decode_space(invocation_t *inv, tcb_op_t *op, unsigned cap0, uint32_t cspace_data)
{
    op->cspace_slot = inv->extra_slot[cap0];
    op->vspace_slot = inv->extra_slot[cap0 + 1];
    op->cspace = inv_extra_cap(inv, cap0);
    op->vspace = inv_extra_cap(inv, cap0 + 1);
    if (cap_type(op->cspace) != CAP_CNODE)
        return seL4_IllegalOperation;
    if (cspace_data && !cap_update_data(op->cspace, cspace_data, false, &op->cspace))
        return seL4_IllegalOperation;
    if (cap_derive(op->cspace, false, &op->cspace) != seL4_NoError)
        return seL4_IllegalOperation;
    if (cap_type(op->vspace) != CAP_PAGE_DIRECTORY || !pd_is_assigned(op->vspace))
        return seL4_IllegalOperation;
    return seL4_NoError;
}

/* SetIPCBuffer's checks: 0 means none; otherwise a non-device frame, 512-aligned. */
static seL4_Error decode_buffer(invocation_t *inv, tcb_op_t *op, unsigned cap_index)
{
    op->buffer_slot = inv->extra_slot[cap_index];
    op->buffer_cap = op->buffer ? inv_extra_cap(inv, cap_index) : cap_null();
    if (op->buffer == 0)
        return seL4_NoError;
    if (cap_type(op->buffer_cap) != CAP_FRAME || frame_is_device(op->buffer_cap))
        return seL4_IllegalOperation;
    /* The TCB keeps a copy, which (as every copy of a frame cap) is not mapped. */
    if (cap_derive(op->buffer_cap, false, &op->buffer_cap) != seL4_NoError)
        return seL4_IllegalOperation;
    if (op->buffer % IPC_BUFFER_ALIGN)
        return seL4_AlignmentError;
    return seL4_NoError;
}

/* Configure (fault EP, CSpace, CSpace data, VSpace, buffer), SetSpace, SetIPCBuffer. */
static seL4_Error decode_configure(invocation_t *inv, tcb_op_t *op)
{
    op->set_space = inv->label != TCBSetIPCBuffer;
    op->set_buffer = inv->label != TCBSetSpace;
    unsigned words = op->set_space && op->set_buffer ? 4 : op->set_space ? 3 : 1;
    unsigned caps = (op->set_space ? 2 : 0) + (op->set_buffer ? 1 : 0);
    if (inv->length < words || inv->extra_count < caps)
        return seL4_TruncatedMessage;
    op->fault_ep = inv_mr(inv, 0);
    op->buffer = inv_mr(inv, op->set_space ? 3 : 0);
    seL4_Error e = op->set_space ? decode_space(inv, op, 0, inv_mr(inv, 1)) : seL4_NoError;
    if (e == seL4_NoError && op->set_buffer)
        e = decode_buffer(inv, op, op->set_space ? 2 : 0);
    return e;
}

static seL4_Error decode_bind(invocation_t *inv, tcb_op_t *op)
{
    cap_t n = inv_extra_cap(inv, 0);
    if (inv->extra_count < 1)
        return seL4_TruncatedMessage;
    if (op->tcb->bound_notification || !ntfn_can_bind(n))
        return seL4_IllegalOperation;
    op->ntfn = cap_ptr(n);
    return seL4_NoError;
}

seL4_Error decode_tcb(invocation_t *inv, tcb_op_t *op)
{
    op->label = inv->label;
    op->tcb = cap_ptr(inv->cap);
    switch (inv->label) {
    case TCBReadRegisters: return decode_read_registers(inv, op);
    case TCBWriteRegisters: return decode_write_registers(inv, op);
    case TCBCopyRegisters: return decode_copy_registers(inv, op);
    case TCBConfigure:
    case TCBSetSpace:
    case TCBSetIPCBuffer: return decode_configure(inv, op);
    case TCBSetPriority:
    case TCBSetMCPriority:
    case TCBSetSchedParams: return decode_sched(inv, op);
    case TCBSuspend:
    case TCBResume: return seL4_NoError;
    case TCBBindNotification: return decode_bind(inv, op);
    case TCBUnbindNotification:
        return op->tcb->bound_notification ? seL4_NoError : seL4_IllegalOperation;
    case TCBSetTLSBase:
    case TCBSetFlags:
        if (inv->length < (inv->label == TCBSetFlags ? 2u : 1u))
            return seL4_TruncatedMessage;
        op->word = inv_mr(inv, 0);
        op->mask = inv_mr(inv, 1);
        return seL4_NoError;
    default: return seL4_IllegalOperation;
    }
}

/* ---- performing ---------------------------------------------------------------- */

static void invoke_read_registers(invocation_t *inv, const tcb_op_t *op)
{
    if (flag(op->flags, SEL4_TCB_REGS_BOOL_SHIFT))
        thread_suspend(op->tcb);
    for (uint32_t i = 0; i < op->count; i++)
        inv_reply_word(inv, *arch_user_context_word(&op->tcb->context, i));
}

static void invoke_write_registers(invocation_t *inv, const tcb_op_t *op)
{
    for (uint32_t i = 0; i < op->count; i++)
        *arch_user_context_word(&op->tcb->context, i) = inv_mr(inv, SEL4_TCB_REGS_HEADER_WORDS + i);
    arch_sanitise_context(&op->tcb->context);
    if (flag(op->flags, SEL4_TCB_REGS_BOOL_SHIFT))
        thread_resume(op->tcb);
}

static void invoke_copy_registers(const tcb_op_t *op)
{
    tcb_t *dest = op->tcb;
    if (flag(op->flags, SEL4_TCB_COPY_SUSPEND_SOURCE_SHIFT))
        thread_suspend(op->source);
    if (flag(op->flags, SEL4_TCB_COPY_RESUME_TARGET_SHIFT))
        thread_resume(dest);
    bool frame = flag(op->flags, SEL4_TCB_COPY_TRANSFER_FRAME_SHIFT);
    bool integer = flag(op->flags, SEL4_TCB_COPY_TRANSFER_INTEGER_SHIFT);
    for (unsigned i = 0; i < ARCH_USER_CONTEXT_WORDS; i++)
        if (i < SEL4_USERCONTEXT_FRAME_WORDS ? frame : integer)
            *arch_user_context_word(&dest->context, i) = *arch_user_context_word(&op->source->context, i);
    arch_sanitise_context(&dest->context);
}

/* Whether the invoked TCB still exists: deleting a replaced cap can destroy it
 * (when its only cap lived in the CSpace being replaced). */
static bool tcb_alive(const invocation_t *inv)
{
    return cap_same_object(inv->slot->cap, inv->cap);
}

/*
 * Replaces the cap in one of the TCB's own slots with `cap`, a derived copy of
 * the cap in `src`. Deleting the old cap is preemptible and can destroy objects:
 * the source (checked to still hold the same object), or the TCB itself, in
 * which case nothing is installed. Returns false when preempted.
 */
static bool install(invocation_t *inv, enum tcb_slot which, cap_t cap, cte_t *src)
{
    tcb_t *t = cap_ptr(inv->cap);
    if (!cdt_delete(&t->slots[which], true))
        return false;
    if (tcb_alive(inv) && src && !cap_is_null(cap) && cap_same_object(src->cap, cap))
        cdt_insert(cap, src, &t->slots[which], false);
    return true;
}

static invoke_status_t invoke_configure(invocation_t *inv, const tcb_op_t *op)
{
    tcb_t *t = op->tcb;
    if (op->set_space) {
        t->fault_ep = op->fault_ep;
        if (!install(inv, TCB_SLOT_CSPACE, op->cspace, op->cspace_slot) ||
            !install(inv, TCB_SLOT_VSPACE, op->vspace, op->vspace_slot))
            return INVOKE_PREEMPTED;
    }
    if (op->set_buffer && tcb_alive(inv)) {
        t->ipc_buffer = op->buffer;
        if (!install(inv, TCB_SLOT_IPC_BUFFER, op->buffer_cap, op->buffer_slot))
            return INVOKE_PREEMPTED;
    }
    return INVOKE_DONE;
}

static void invoke_sched(const tcb_op_t *op)
{
    if (op->label != TCBSetPriority)
        op->tcb->mcp = op->mcp;
    if (op->label != TCBSetMCPriority)
        thread_set_priority(op->tcb, op->priority);
    trace_thread_priority(op->tcb);
}

invoke_status_t invoke_tcb(invocation_t *inv, const tcb_op_t *op)
{
    tcb_t *t = op->tcb;
    trace_cause = TRACE_CAUSE_TCB_CONFIGURE;
    switch (op->label) {
    case TCBReadRegisters: invoke_read_registers(inv, op); break;
    case TCBWriteRegisters: invoke_write_registers(inv, op); break;
    case TCBCopyRegisters: invoke_copy_registers(op); break;
    case TCBConfigure:
    case TCBSetSpace:
    case TCBSetIPCBuffer: return invoke_configure(inv, op);
    case TCBSetPriority:
    case TCBSetMCPriority:
    case TCBSetSchedParams: invoke_sched(op); break;
    case TCBSuspend: thread_suspend(t); break;
    case TCBResume: thread_resume(t); break;
    case TCBBindNotification:
        ntfn_bind(op->ntfn, t);
        break;
    case TCBUnbindNotification: ntfn_unbind(t); break;
    case TCBSetTLSBase: arch_set_tls_base(&t->context, op->word); break;
    case TCBSetFlags:
        t->flags = (t->flags & ~op->word) | (op->mask & seL4_TCBFlag_MASK);
        inv_reply_word(inv, t->flags);
        break;
    default: kpanic("label %u passed decode", op->label);
    }
    return INVOKE_DONE;
}
