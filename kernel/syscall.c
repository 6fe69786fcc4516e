/*
 * kernel/syscall.c - system call decoding (spec 3). Call and Send invoke kernel
 * objects; Yield and the debug calls are handled here. Endpoint IPC is not
 * written yet: Recv on an endpoint, and Call/Send to one, stop the thread with a
 * message saying so. Registers follow the AArch32 ABI: r7 the number, r0 the cap
 * or argument, r1 the message info, r2-r5 MR0-MR3. Partners: syscall.h,
 * invocation.c, fault.c, debug.c.
 */
#include "syscall.h"

#include "arch.h"
#include "invocation.h"
#include "thread.h"

#define SVC_SIZE 4
#define IPCBUF_MSG 1
#define IPC_BUFFER_BYTES 512u

static NORETURN void cap_fault(uint32_t cptr, bool in_recv, const lookup_fault_t *lf)
{
    fault_t f = {FAULT_CAP, current_thread->context.pc - SVC_SIZE, cptr, in_recv, *lf};
    handle_user_fault(&f);
}

static NORETURN void unimplemented(int32_t number)
{
    fault_t f = {FAULT_UNIMPLEMENTED, current_thread->context.pc - SVC_SIZE, (uint32_t)number, 0,
                 {0, 0, 0, 0}};
    handle_user_fault(&f);
}

static bool is_ipc_object(cap_t c)
{
    return cap_type(c) == CAP_ENDPOINT || cap_type(c) == CAP_NOTIFICATION;
}

/* Call, Send and NBSend (spec 3.3, 7). */
static void send(int32_t number)
{
    tcb_t *t = current_thread;
    cte_t *slot;
    lookup_fault_t lf;
    if (cspace_lookup_slot(thread_cspace(t), t->context.r[0], &slot, &lf) && is_ipc_object(slot->cap))
        unimplemented(number);
    uint32_t bad_cptr;
    switch (invoke_object(number == SYS_CALL, &lf, &bad_cptr)) {
    case INVOKE_LOOKUP_FAILED:
        if (number != SYS_NB_SEND)
            cap_fault(bad_cptr, false, &lf);
        break;
    case INVOKE_PREEMPTED:
        /* Run the svc again once the interrupt is handled; its registers are intact. */
        t->context.pc -= SVC_SIZE;
        arch_take_pending_interrupt();
        break;
    case INVOKE_DONE:
        break;
    }
}

/* Recv and NBRecv: only the checks exist until endpoints and notifications do. */
static NORETURN void receive(int32_t number)
{
    tcb_t *t = current_thread;
    cte_t *slot;
    lookup_fault_t lf;
    if (!cspace_lookup_slot(thread_cspace(t), t->context.r[0], &slot, &lf))
        cap_fault(t->context.r[0], true, &lf);
    if (!is_ipc_object(slot->cap) || !(cap_ep_rights(slot->cap) & RIGHT_READ)) {
        lookup_fault_t missing = {LOOKUP_MISSING_CAPABILITY, 0, 0, 0};
        cap_fault(t->context.r[0], true, &missing);
    }
    unimplemented(number);
}

static uint32_t cap_identify(uint32_t cptr)
{
    cte_t *slot;
    lookup_fault_t lf;
    if (!cspace_lookup_slot(thread_cspace(current_thread), cptr, &slot, &lf))
        return 0;
    return cap_debug_tag(slot->cap);
}

/* The name is a NUL-terminated string in the caller's IPC buffer from msg[0]. */
static void name_thread(uint32_t cptr)
{
    tcb_t *t = current_thread;
    cte_t *slot;
    lookup_fault_t lf;
    cap_t vs = t->slots[TCB_SLOT_VSPACE].cap;
    const char *buf = t->ipc_buffer && cap_type(vs) == CAP_PAGE_DIRECTORY
                          ? (const char *)arch_vspace_kernel_ptr(cap_ptr(vs), t->ipc_buffer)
                          : NULL;
    if (!cspace_lookup_slot(thread_cspace(t), cptr, &slot, &lf) ||
        cap_type(slot->cap) != CAP_THREAD || !buf) {
        kprintf("numbat: DebugNameThread: 0x%x is not a TCB cap (or no IPC buffer)\n", cptr);
        return;
    }
    const char *name = buf + IPCBUF_MSG * 4;
    size_t max = IPC_BUFFER_BYTES - IPCBUF_MSG * 4;
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
    case SYS_CALL:
    case SYS_SEND:
    case SYS_NB_SEND: send(number); break;
    case SYS_RECV:
    case SYS_NB_RECV:
    case SYS_REPLY_RECV: receive(number);
    case SYS_REPLY: break; /* no reply caps exist yet, so there is nothing to reply to */
    case SYS_YIELD: sched_yield(current_thread); break;
    case SYS_DEBUG_PUTCHAR: kputc((char)ctx->r[0]); break;
    case SYS_DEBUG_DUMP_SCHEDULER: debug_dump_scheduler(); break;
    /* seL4's DebugHalt has no argument; Numbat's runtime passes main's status in r0. */
    case SYS_DEBUG_HALT: arch_halt(ctx->r[0]);
    case SYS_DEBUG_CAP_IDENTIFY: ctx->r[0] = cap_identify(ctx->r[0]); break;
    case SYS_DEBUG_SNAPSHOT: debug_snapshot(); break;
    case SYS_DEBUG_NAME_THREAD: name_thread(ctx->r[0]); break;
    default: {
        /* The fault reports the svc itself: restarting re-executes it (spec 9.1). */
        fault_t f = {FAULT_UNKNOWN_SYSCALL, ctx->pc - SVC_SIZE, (uint32_t)number, 0, {0, 0, 0, 0}};
        handle_user_fault(&f);
    }
    }
    schedule_and_exit();
}
