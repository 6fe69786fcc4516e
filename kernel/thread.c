/*
 * kernel/thread.c - what the kernel does to a thread as a whole: set it up in a
 * new TCB, name it, find its CSpace and IPC buffer, make it runnable or stop it,
 * and forget it when its TCB is deleted. The ready queues themselves are sched.c's.
 * Partners: thread.h, sched.c, tcb.c (the TCB invocations that call these).
 */
#include "thread.h"

#include "arch.h"
#include "notification.h"
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

cap_t thread_cspace(const tcb_t *t)
{
    return t->slots[TCB_SLOT_CSPACE].cap;
}

seL4_IPCBuffer *thread_ipc_buffer(const tcb_t *t)
{
    cap_t vs = t->slots[TCB_SLOT_VSPACE].cap;
    if (!t->ipc_buffer || cap_type(vs) != CAP_PAGE_DIRECTORY)
        return NULL;
    return (seL4_IPCBuffer *)arch_vspace_kernel_ptr(cap_ptr(vs), t->ipc_buffer);
}

void thread_resume(tcb_t *t)
{
    if (t->state == THREAD_RUNNING)
        return;
    t->state = THREAD_RUNNING;
    if (t != current_thread)
        sched_enqueue(t);
    trace_thread_state(t);
}

void thread_suspend(tcb_t *t)
{
    bool changed = t->state != THREAD_INACTIVE;
    t->state = THREAD_INACTIVE;
    sched_dequeue(t);
    if (changed)
        trace_thread_state(t);
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
    notification_unbind(t);
    thread_suspend(t);
    if (t->all_prev)
        t->all_prev->all_next = t->all_next;
    else if (all_threads == t)
        all_threads = t->all_next;
    if (t->all_next)
        t->all_next->all_prev = t->all_prev;
    sched_forget(t);
}
