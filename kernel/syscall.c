/*
 * kernel/syscall.c - system calls (spec 3): decoding the number, looking up the
 * invoked cap and the extra caps once, and handing kernel-object invocations to
 * object.c's dispatcher (decode, then invoke, then the reply); sending on an
 * endpoint or notification is such an invocation. Receiving, replying, Yield and
 * the debug calls are handled here.
 * Partners: syscall.h, object.c, invocation.c, endpoint.c, notification.c, reply.c,
 * fault.c, debug.c, sched.c.
 */
#include "syscall.h"

#include <sel4/syscall.h>

#include "arch.h"
#include "debug.h"
#include "fault.h"
#include "object.h"
#include "sched.h"
#include "trace.h"

static NORETURN void cap_fault(uint32_t cptr, bool in_recv, const lookup_fault_t *lf)
{
    fault_t f = {FAULT_CAP, arch_syscall_pc(&current_thread->context), cptr, in_recv, *lf};
    handle_user_fault(&f);
}

/* Looks up the extra caps the message names; on failure says which cptr failed. */
static bool lookup_extra_caps(invocation_t *inv, uint32_t *bad_cptr, lookup_fault_t *lf)
{
    cap_t cspace = thread_cspace(inv->caller);
    for (unsigned i = 0; i < inv->extra_count; i++) {
        *bad_cptr = invocation_extra_cptr(inv, i);
        if (!cspace_lookup_slot(cspace, *bad_cptr, &inv->extra_slot[i], lf))
            return false;
    }
    return true;
}

/* Decodes and performs an invocation of a kernel object, then replies to a Call. */
static void invoke(invocation_t *inv)
{
    tcb_t *t = inv->caller;
    object_op_t op;
    seL4_Error err = object_decode(inv, &op);
    trace_invocation(inv->slot, inv->label, err);
    if (err == seL4_NoError && object_invoke(inv, &op) == INVOKE_PREEMPTED) {
        /* Run the svc again once the interrupt is handled; its registers are intact. */
        arch_restart_syscall(&t->context);
        arch_take_pending_interrupt();
        return;
    }
    /* The caller may have deleted or suspended itself; a reply then goes nowhere. */
    if (inv->call && current_thread == t && t->state == THREAD_RUNNING)
        invocation_reply(inv, err);
}

/* Call, Send and NBSend (spec 3.3, 7): an invocation of the cap, which for an
 * endpoint or notification is IPC. A failed lookup is a cap fault, except for
 * NBSend, which fails silently. */
static void send(int32_t number)
{
    tcb_t *t = current_thread;
    bool blocking = number != seL4_SysNBSend;
    uint32_t cptr = arch_get_cap_register(&t->context);
    cte_t *slot;
    lookup_fault_t lf;
    invocation_t inv;
    if (!cspace_lookup_slot(thread_cspace(t), cptr, &slot, &lf)) {
        if (blocking)
            cap_fault(cptr, false, &lf);
        return;
    }
    invocation_init(&inv, t, slot);
    inv.call = number == seL4_SysCall;
    inv.blocking = blocking;
    if (!lookup_extra_caps(&inv, &cptr, &lf)) {
        if (blocking)
            cap_fault(cptr, false, &lf);
        return;
    }
    invoke(&inv);
}

/* Reply: through the reply cap in the caller's own caller slot, if there is one. */
static void reply(tcb_t *t)
{
    cte_t *slot = &t->slots[TCB_SLOT_CALLER];
    if (cap_type(slot->cap) == CAP_REPLY)
        reply_send(t, slot);
}

/*
 * Recv and NBRecv (and ReplyRecv's second half) on an endpoint or notification
 * the thread may receive from; anything else is a cap fault in the receive phase
 * (spec 9.3).
 */
static void receive(tcb_t *t, bool blocking)
{
    uint32_t cptr = arch_get_cap_register(&t->context);
    cte_t *slot;
    lookup_fault_t lf;
    if (!cspace_lookup_slot(thread_cspace(t), cptr, &slot, &lf))
        cap_fault(cptr, true, &lf);
    cap_t cap = slot->cap;
    bool readable = (cap_type(cap) == CAP_ENDPOINT || cap_type(cap) == CAP_NOTIFICATION) &&
                    (cap_ep_rights(cap) & RIGHT_READ);
    if (readable && cap_type(cap) == CAP_ENDPOINT) {
        if (!ntfn_deliver_bound(t))
            ep_receive(t, cap, blocking);
        return;
    }
    if (readable && ntfn_may_wait(cap_ptr(cap), t)) {
        ntfn_receive(cap_ptr(cap), t, blocking);
        return;
    }
    lookup_fault_t missing = {LOOKUP_MISSING_CAPABILITY, 0, 0, 0};
    cap_fault(cptr, true, &missing);
}

static uint32_t cap_identify(uint32_t cptr)
{
    cte_t *slot;
    lookup_fault_t lf;
    if (!cspace_lookup_slot(thread_cspace(current_thread), cptr, &slot, &lf))
        return 0;
    return cap_debug_tag(slot->cap);
}

/* The name is a NUL-terminated string in the caller's IPC buffer from MR0 on. */
static void name_thread(uint32_t cptr)
{
    tcb_t *t = current_thread;
    const seL4_IPCBuffer *buf = thread_ipc_buffer(t, false);
    cte_t *slot;
    lookup_fault_t lf;
    if (!cspace_lookup_slot(thread_cspace(t), cptr, &slot, &lf) ||
        cap_type(slot->cap) != CAP_THREAD || !buf) {
        kprintf("numbat: DebugNameThread: 0x%x is not a TCB cap (or no IPC buffer)\n", cptr);
        return;
    }
    const char *name = (const char *)buf->msg;
    size_t max = sizeof(*buf) - offsetof(seL4_IPCBuffer, msg);
    size_t len = 0;
    while (len < max && name[len])
        len++;
    if (len == max) {
        kprintf("numbat: DebugNameThread: name not terminated\n");
        return;
    }
    thread_set_name(cap_ptr(slot->cap), name);
}

NORETURN void handle_syscall(int32_t number)
{
    arch_context_t *ctx = &current_thread->context;
    switch (number) {
    case seL4_SysCall:
    case seL4_SysSend:
    case seL4_SysNBSend: send(number); break;
    case seL4_SysRecv: receive(current_thread, true); break;
    case seL4_SysNBRecv: receive(current_thread, false); break;
    case seL4_SysReplyRecv:
        reply(current_thread);
        receive(current_thread, true);
        break;
    case seL4_SysReply: reply(current_thread); break;
    case seL4_SysYield: sched_yield(current_thread); break;
    case seL4_SysDebugPutChar: kputc((char)arch_get_arg0(ctx)); break;
    case seL4_SysDebugDumpScheduler: debug_dump_scheduler(); break;
    /* seL4's DebugHalt has no argument; Numbat's runtime passes main's status in r0. */
    case seL4_SysDebugHalt: arch_halt(arch_get_arg0(ctx));
    case seL4_SysDebugCapIdentify: arch_set_result(ctx, cap_identify(arch_get_arg0(ctx))); break;
    case seL4_SysDebugSnapshot: debug_snapshot(); break;
    case seL4_SysDebugNameThread: name_thread(arch_get_arg0(ctx)); break;
    default: {
        /* The fault reports the svc itself: restarting re-executes it (spec 9.1). */
        fault_t f = {FAULT_UNKNOWN_SYSCALL, arch_syscall_pc(ctx), (uint32_t)number, 0, {0, 0, 0, 0}};
        handle_user_fault(&f);
    }
    }
    schedule_and_exit();
}
