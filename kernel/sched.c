/*
 * kernel/sched.c - the scheduler (spec 11.8): 256 priorities, one FIFO ready
 * queue each (ready_queue.c), round robin within a priority on a timeslice of 5
 * ticks. The current thread keeps the CPU until a runnable thread of strictly higher
 * priority exists, it yields, its timeslice ends, or it stops running. When no
 * thread can ever run again the kernel halts the board, so a lab whose last
 * thread died ends visibly instead of idling forever.
 * Partners: sched.h, ready_queue.c, thread.c (resume, suspend), arch.h (arch_enter_thread).
 */
#include "sched.h"

#include "arch.h"
#include "debug.h"
#include "invariants.h"
#include "irq.h"
#include "ready_queue.h"
#include "trace.h"

#define HALT_STATUS_NO_THREADS 1
#define HALT_STATUS_DEADLOCK 3 /* numbat-sim's status for a system that locked up */

tcb_t *current_thread;
/* The last thread the kernel returned to, for switch events. */
static const tcb_t *last_entered;

void sched_forget(const tcb_t *t)
{
    if (current_thread == t)
        current_thread = NULL;
    if (last_entered == t)
        last_entered = NULL;
}

void sched_yield(tcb_t *t)
{
    /* To the tail of its queue: equal priorities get their turn first. With no other
     * thread ready at all it would be picked again at once: leave it be (a Yield with
     * nothing else to run, the null system call). Looking for lower priorities too
     * would cost every other Yield a second bitmap search. */
    if (t == current_thread && t->state == THREAD_RUNNING && ready_words == 0)
        return;
    if (t == current_thread && t->state == THREAD_RUNNING) {
        sched_enqueue(t);
        current_thread = NULL;
    }
}

void sched_tick(void)
{
    tcb_t *t = current_thread;
    if (!t || t->state != THREAD_RUNNING)
        return;
    if (t->timeslice > 1) {
        t->timeslice--;
        return;
    }
    t->timeslice = TIMESLICE_TICKS;
    sched_yield(t);
}

/*
 * No thread is runnable. If an interrupt can still signal a notification, the kernel
 * idles until one comes. Otherwise nothing can ever wake a thread and the system is
 * finished: halted with status 1 when every thread has stopped, reported as a
 * deadlock (status 3, each thread's state) when some wait on others.
 */
static NORETURN void halt_with_nothing_to_run(void)
{
    if (irq_can_wake_anyone()) {
        /* An interrupt may signal a waiting thread: wait for it (numbat-sim skips the
         * idle time). The idle loop runs on no thread. */
        current_thread = NULL;
        arch_enter_idle();
    }
    bool blocked = false;
    for (tcb_t *t = all_threads; t; t = t->all_next)
        blocked |= thread_state_blocked(t->state);
    if (!blocked) {
        kprintf("numbat: no thread can run any more; halting\n");
        arch_halt(HALT_STATUS_NO_THREADS);
    }
    kprintf("numbat: deadlock: no thread can run, and the blocked ones wait on each other\n");
    debug_dump_scheduler();
    arch_halt(HALT_STATUS_DEADLOCK);
}

static inline __attribute__((always_inline)) NORETURN void leave_to(tcb_t *t)
{
    if (t != last_entered)
        trace_switch(last_entered, t);
    last_entered = t;
    trace_kernel_exit(t);
    arch_enter_thread(t);
}

NORETURN void schedule_and_exit(void)
{
    invariants_check();
    tcb_t *cur = current_thread;
    int best = ready_highest();
    if (cur && cur->state == THREAD_RUNNING && (best < 0 || (uint32_t)best <= cur->priority))
        leave_to(cur);
    if (cur && cur->state == THREAD_RUNNING)
        ready_enqueue_head(cur); /* preempted: first among its equals */
    best = ready_highest();
    if (best < 0)
        halt_with_nothing_to_run();
#ifdef NUMBAT_CHECK_INVARIANTS
    /* A wrong ready_highest (lab 10's exercise 3) stops here, not at a wild pointer. */
    if (best >= NUM_PRIORITIES || !ready_queues[best].head)
        kpanic("ready_highest gave %d, not a priority with a ready thread", best);
#endif
    tcb_t *next = ready_queues[best].head;
    ready_dequeue(next);
    current_thread = next;
    leave_to(next);
}
