/*
 * kernel/tcb.c - TCB objects and their invocations (spec 8.3): registers,
 * address spaces and IPC buffer, priorities, suspend and resume, TLS base.
 * Partners: thread.h, sched.c, invocation.h.
 */
#include <sel4/invocation.h>

#include "arch.h"
#include "invocation.h"
#include "notification.h"
#include "thread.h"
#include "trace.h"

#define USER_CONTEXT_WORDS 19
#define FRAME_REG_WORDS 10
#define IPC_BUFFER_ALIGN 512u
#define TCB_FLAG_FPU_DISABLED 1u

void thread_init(tcb_t *t)
{
    kmemset(t, 0, sizeof(*t));
    t->state = THREAD_INACTIVE;
    t->timeslice = TIMESLICE_TICKS;
    t->context.cpsr = CPSR_USER_MODE;
    thread_register(t);
}

void thread_set_name(tcb_t *t, const char *name)
{
    size_t i = 0;
    for (; name[i] && i < THREAD_NAME_MAX - 1; i++)
        t->name[i] = name[i];
    t->name[i] = '\0';
    trace_thread_name(t);
}

cap_t thread_cspace(const tcb_t *t)
{
    return t->slots[TCB_SLOT_CSPACE].cap;
}

/* seL4_UserContext order (spec 8.8) as pointers into a thread's saved state. */
static uint32_t *user_context_word(tcb_t *t, unsigned i)
{
    arch_context_t *c = &t->context;
    uint32_t *order[USER_CONTEXT_WORDS] = {
        &c->pc,    &c->sp,    &c->cpsr,  &c->r[0],  &c->r[1],    &c->r[8],     &c->r[9],
        &c->r[10], &c->r[11], &c->r[12], &c->r[2],  &c->r[3],    &c->r[4],     &c->r[5],
        &c->r[6],  &c->r[7],  &c->lr,    &t->tpidrurw, &t->tpidruro,
    };
    return order[i];
}

static seL4_Error read_registers(invocation_t *inv, tcb_t *t)
{
    uint32_t count = inv_mr(inv, 1);
    if (inv->length < 2)
        return seL4_TruncatedMessage;
    if (count < 1 || count > USER_CONTEXT_WORDS)
        return inv_range_error(inv, 1, USER_CONTEXT_WORDS);
    if (t == inv->caller)
        return seL4_IllegalOperation;
    if (inv_mr(inv, 0) & 1)
        thread_suspend(t);
    for (uint32_t i = 0; i < count; i++)
        inv_reply_word(inv, *user_context_word(t, i));
    return seL4_NoError;
}

static seL4_Error write_registers(invocation_t *inv, tcb_t *t)
{
    uint32_t count = inv_mr(inv, 1);
    if (inv->length < 2)
        return seL4_TruncatedMessage;
    if (count > USER_CONTEXT_WORDS)
        count = USER_CONTEXT_WORDS;
    if (inv->length - 2 < count)
        return seL4_TruncatedMessage;
    if (t == inv->caller)
        return seL4_IllegalOperation;
    for (uint32_t i = 0; i < count; i++)
        *user_context_word(t, i) = inv_mr(inv, 2 + i);
    /* A user may set only the condition flags; the mode is always user, ARM state. */
    t->context.cpsr = (t->context.cpsr & CPSR_USER_FLAGS) | CPSR_USER_MODE;
    if (inv_mr(inv, 0) & 1)
        thread_resume(t);
    return seL4_NoError;
}

static seL4_Error copy_registers(invocation_t *inv, tcb_t *dest)
{
    cap_t src_cap = inv_extra_cap(inv, 0);
    if (inv->length < 1 || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    if (cap_type(src_cap) != CAP_THREAD)
        return inv_invalid_capability(inv, 1);
    tcb_t *src = cap_ptr(src_cap);
    uint32_t flags = inv_mr(inv, 0);
    if (flags & 1)
        thread_suspend(src);
    if (flags & 2)
        thread_resume(dest);
    for (unsigned i = 0; i < USER_CONTEXT_WORDS; i++) {
        bool frame = i < FRAME_REG_WORDS;
        if ((frame && (flags & 4)) || (!frame && (flags & 8)))
            *user_context_word(dest, i) = *user_context_word(src, i);
    }
    dest->context.cpsr = (dest->context.cpsr & CPSR_USER_FLAGS) | CPSR_USER_MODE;
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

static seL4_Error set_sched(invocation_t *inv, tcb_t *t, bool set_mcp, bool set_prio)
{
    unsigned words = set_mcp && set_prio ? 2 : 1;
    if (inv->length < words || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    uint32_t mcp = inv_mr(inv, 0), prio = inv_mr(inv, set_mcp && set_prio ? 1 : 0);
    seL4_Error e = set_mcp ? check_authority(inv, mcp) : seL4_NoError;
    if (e == seL4_NoError && set_prio)
        e = check_authority(inv, prio);
    if (e != seL4_NoError)
        return e;
    if (set_mcp)
        t->mcp = mcp;
    if (set_prio)
        thread_set_priority(t, prio);
    trace_thread_priority(t);
    return seL4_NoError;
}

/*
 * Replaces the cap in one of the TCB's own slots with a derived copy of src.
 * Deleting the old cap can destroy objects (the old CSpace, say) and with them
 * the source slot: the copy is made only if src still holds the same object.
 */
static void install(tcb_t *t, enum tcb_slot which, cap_t cap, cte_t *src)
{
    cdt_delete(&t->slots[which], false);
    if (src && !cap_is_null(cap) && cap_same_object(src->cap, cap))
        cdt_insert(cap, src, &t->slots[which], false);
}

typedef struct space_args {
    cap_t cspace, vspace;
    cte_t *cspace_slot, *vspace_slot;
} space_args_t;

/* SetSpace's checks (spec 8.3): CNode root with valid data, an assigned PD. */
static seL4_Error check_space(invocation_t *inv, unsigned cap0, uint32_t cspace_data,
                              space_args_t *a)
{
    a->cspace_slot = inv->extra_slot[cap0];
    a->vspace_slot = inv->extra_slot[cap0 + 1];
    a->cspace = inv_extra_cap(inv, cap0);
    a->vspace = inv_extra_cap(inv, cap0 + 1);
    if (cap_type(a->cspace) != CAP_CNODE)
        return seL4_IllegalOperation;
    if (cspace_data && !cap_update_data(a->cspace, cspace_data, false, &a->cspace))
        return seL4_IllegalOperation;
    if (cap_derive(a->cspace, false, &a->cspace) != seL4_NoError)
        return seL4_IllegalOperation;
    if (cap_type(a->vspace) != CAP_PAGE_DIRECTORY || !pd_is_assigned(a->vspace))
        return seL4_IllegalOperation;
    return seL4_NoError;
}

/* SetIPCBuffer's checks: 0 means none; otherwise a non-device frame, 512-aligned. */
static seL4_Error check_buffer(invocation_t *inv, uint32_t buffer, unsigned cap_index)
{
    cap_t frame = inv_extra_cap(inv, cap_index);
    if (buffer == 0)
        return seL4_NoError;
    if (cap_type(frame) != CAP_FRAME || frame_is_device(frame))
        return seL4_IllegalOperation;
    if (buffer % IPC_BUFFER_ALIGN)
        return seL4_AlignmentError;
    return seL4_NoError;
}

static void set_space(tcb_t *t, uint32_t fault_ep, const space_args_t *a)
{
    t->fault_ep = fault_ep;
    install(t, TCB_SLOT_CSPACE, a->cspace, a->cspace_slot);
    install(t, TCB_SLOT_VSPACE, a->vspace, a->vspace_slot);
}

static void set_buffer(tcb_t *t, uint32_t buffer, cte_t *frame_slot)
{
    t->ipc_buffer = buffer;
    install(t, TCB_SLOT_IPC_BUFFER, buffer ? frame_slot->cap : cap_null(), frame_slot);
}

static seL4_Error configure(invocation_t *inv, tcb_t *t, bool space, bool buffer)
{
    unsigned words = space && buffer ? 4 : space ? 3 : 1;
    unsigned caps = (space ? 2 : 0) + (buffer ? 1 : 0);
    if (inv->length < words || inv->extra_count < caps)
        return seL4_TruncatedMessage;
    space_args_t a;
    uint32_t buf = inv_mr(inv, space ? 3 : 0);
    seL4_Error e = space ? check_space(inv, 0, inv_mr(inv, 1), &a) : seL4_NoError;
    if (e == seL4_NoError && buffer)
        e = check_buffer(inv, buf, space ? 2 : 0);
    if (e != seL4_NoError)
        return e;
    if (space)
        set_space(t, inv_mr(inv, 0), &a);
    if (buffer)
        set_buffer(t, buf, inv->extra_slot[space ? 2 : 0]);
    return seL4_NoError;
}

static seL4_Error bind_notification(invocation_t *inv, tcb_t *t, bool bind)
{
    if (!bind) {
        if (!t->bound_notification)
            return seL4_IllegalOperation;
        notification_unbind(t);
        return seL4_NoError;
    }
    cap_t n = inv_extra_cap(inv, 0);
    if (inv->extra_count < 1)
        return seL4_TruncatedMessage;
    if (t->bound_notification || cap_type(n) != CAP_NOTIFICATION ||
        !(cap_ep_rights(n) & RIGHT_READ) || notification_bound(cap_ptr(n)))
        return seL4_IllegalOperation;
    t->bound_notification = cap_ptr(n);
    notification_set_bound(cap_ptr(n), t);
    return seL4_NoError;
}

seL4_Error decode_tcb(invocation_t *inv)
{
    tcb_t *t = cap_ptr(inv->cap);
    trace_cause = TRACE_CAUSE_TCB_CONFIGURE;
    switch (inv->label) {
    case TCBReadRegisters: return read_registers(inv, t);
    case TCBWriteRegisters: return write_registers(inv, t);
    case TCBCopyRegisters: return copy_registers(inv, t);
    case TCBConfigure: return configure(inv, t, true, true);
    case TCBSetSpace: return configure(inv, t, true, false);
    case TCBSetIPCBuffer: return configure(inv, t, false, true);
    case TCBSetPriority: return set_sched(inv, t, false, true);
    case TCBSetMCPriority: return set_sched(inv, t, true, false);
    case TCBSetSchedParams: return set_sched(inv, t, true, true);
    case TCBSuspend: thread_suspend(t); return seL4_NoError;
    case TCBResume: thread_resume(t); return seL4_NoError;
    case TCBBindNotification: return bind_notification(inv, t, true);
    case TCBUnbindNotification: return bind_notification(inv, t, false);
    case TCBSetTLSBase:
        if (inv->length < 1)
            return seL4_TruncatedMessage;
        t->tpidrurw = inv_mr(inv, 0);
        return seL4_NoError;
    case TCBSetFlags:
        if (inv->length < 2)
            return seL4_TruncatedMessage;
        t->flags = (t->flags & ~inv_mr(inv, 0)) | (inv_mr(inv, 1) & TCB_FLAG_FPU_DISABLED);
        inv_reply_word(inv, t->flags);
        return seL4_NoError;
    default: return seL4_IllegalOperation;
    }
}

seL4_Error decode_domain(invocation_t *inv)
{
    if (inv->label != DomainSetSet)
        return seL4_IllegalOperation;
    if (inv->length < 1 || inv->extra_count < 1)
        return seL4_TruncatedMessage;
    if ((inv_mr(inv, 0) & 0xFFu) != 0) /* one domain: only 0 exists */
        return inv_invalid_argument(inv, 0);
    if (cap_type(inv_extra_cap(inv, 0)) != CAP_THREAD)
        return inv_invalid_argument(inv, 1);
    return seL4_NoError;
}
