/*
 * kernel/thread.c - what the kernel does to a thread as a whole: set it up in a
 * new TCB, name it, find its CSpace and IPC buffer, make it runnable or stop it,
 * and forget it when its TCB is deleted. The ready queues themselves are sched.c's.
 * Partners: thread.h, sched.c, tcb.c (the TCB invocations that call these).
 */
#include "thread.h"

#include "arch.h"
#include "endpoint.h"
#include "notification.h"
#include "reply.h"
#include "sched.h"
#include "trace.h"

tcb_t *all_threads;

static void thread_register(tcb_t *t)
{
    t->all_prev = NULL;
    t->all_next = all_threads;
    if (all_threads)
        all_threads->all_prev = t;
    all_threads = t;
}

void thread_init(tcb_t *t)
{
    kmemset(t, 0, sizeof(*t));
    t->state = THREAD_INACTIVE;
    t->timeslice = TIMESLICE_TICKS;
    arch_context_init(&t->context);
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

seL4_IPCBuffer *thread_ipc_buffer(const tcb_t *t, bool write)
{
    cap_t frame = t->slots[TCB_SLOT_IPC_BUFFER].cap;
    if (!t->ipc_buffer || cap_type(frame) != CAP_FRAME || frame_is_device(frame))
        return NULL;
    if (write && !(frame_rights(frame) & RIGHT_WRITE))
        return NULL;
    uint32_t offset = t->ipc_buffer & ((1u << frame_size_bits(frame_size(frame))) - 1);
    return (seL4_IPCBuffer *)arch_phys_to_kernel(cap_addr(frame) + offset);
}

void thread_set_state(tcb_t *t, thread_state_t state)
{
    t->state = state;
    if (state == THREAD_RUNNING) {
        if (t != current_thread && !t->queued)
            sched_enqueue(t);
    } else {
        sched_dequeue(t);
    }
    trace_thread_state(t);
}

bool thread_cancel_ipc(tcb_t *t)
{
    switch (t->state) {
    case THREAD_BLOCKED_ON_RECV:
    case THREAD_BLOCKED_ON_SEND: ep_cancel((endpoint_t *)(uintptr_t)t->ipc.object, t); return true;
    case THREAD_BLOCKED_ON_NOTIFICATION: ntfn_cancel((notification_t *)(uintptr_t)t->ipc.object, t); return true;
    case THREAD_BLOCKED_ON_REPLY: reply_cancel(t); return true;
    case THREAD_INACTIVE:
    case THREAD_RUNNING: return false;
    }
    return false;
}

/* Sets a thread taken out of IPC to make its system call again. A thread sending
 * a fault already has its PC at the instruction that faulted (handle_user_fault). */
static void rewind(tcb_t *t)
{
    if (!t->ipc.is_fault)
        arch_restart_syscall(&t->context);
}

void thread_restart(tcb_t *t)
{
    if (thread_cancel_ipc(t))
        rewind(t);
    thread_set_state(t, THREAD_RUNNING);
}

void thread_resume(tcb_t *t)
{
    /* seL4 restarts only a stopped thread: one inactive or waiting for a reply. */
    if (t->state == THREAD_INACTIVE)
        thread_set_state(t, THREAD_RUNNING);
    else if (t->state == THREAD_BLOCKED_ON_REPLY)
        thread_restart(t);
}

void thread_suspend(tcb_t *t)
{
    /* A thread taken out of IPC makes the same system call again when resumed. */
    if (thread_cancel_ipc(t))
        rewind(t);
    if (t->state != THREAD_INACTIVE)
        thread_set_state(t, THREAD_INACTIVE); /* which takes it out of its ready queue */
}

void thread_set_priority(tcb_t *t, uint32_t priority)
{
    bool was_queued = t->queued;
    sched_dequeue(t);
    t->priority = priority;
    if (was_queued)
        sched_enqueue(t);
}

void thread_destroy(tcb_t *t)
{
    ntfn_unbind(t);
    thread_suspend(t);
    if (t->all_prev)
        t->all_prev->all_next = t->all_next;
    else if (all_threads == t)
        all_threads = t->all_next;
    if (t->all_next)
        t->all_next->all_prev = t->all_prev;
    sched_forget(t);
}
