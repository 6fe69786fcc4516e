/*
 * kernel/sched.h - the scheduler (spec 11.8): the current thread, timeslices, and
 * the way out of the kernel; the ready queues themselves are ready_queue.h.
 * Partners: sched.c, ready_queue.h, thread.c (which queues and dequeues through it).
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include "ready_queue.h"
#include "thread.h"

/* Puts a runnable thread at the tail of its priority's queue. */
static inline void sched_enqueue(tcb_t *t)
{
    ready_enqueue(t);
}

/* Takes t out of its queue, if it is in one. */
static inline void sched_dequeue(tcb_t *t)
{
    if (t->queued)
        ready_dequeue(t);
}
/* Forgets t (being destroyed) as the current or the last entered thread. */
void sched_forget(const tcb_t *t);
void sched_yield(tcb_t *t);
/* A timer tick: charge the current thread's timeslice. */
void sched_tick(void);
/* Picks the next thread and leaves the kernel to it; never returns. */
NORETURN void schedule_and_exit(void);

#endif
