/*
 * kernel/sched.c - the scheduler (spec 11.8): 256 priorities, one FIFO ready
 * queue each, round robin within a priority on a timeslice of 5 ticks. The
 * current thread keeps the CPU until a runnable thread of strictly higher
 * priority exists, it yields, its timeslice ends, or it stops running. When no
 * thread can ever run again the kernel halts the board, so a lab whose last
 * thread died ends visibly instead of idling forever.
 * Partners: sched.h, thread.c (resume, suspend), arch.h (arch_enter_thread).
 */
#include "sched.h"

#include "arch.h"
#include "debug.h"
#include "invariants.h"
#include "irq.h"
#include "trace.h"

#define NUM_PRIORITIES 256
#define HALT_STATUS_NO_THREADS 1
#define HALT_STATUS_DEADLOCK 3 /* numbat-sim's status for a system that locked up */

tcb_t *current_thread;
/* The last thread the kernel returned to, for switch events. */
static const tcb_t *last_entered;

typedef struct queue {
    tcb_t *head, *tail;
} queue_t;

static queue_t ready[NUM_PRIORITIES];
/* One bit per priority with a non-empty queue, to find the highest fast. */
uint32_t ready_bitmap[NUM_PRIORITIES / 32];
/* Bit w set when ready_bitmap[w] is not zero: two count-leading-zeros find the
 * highest priority, as seL4's two-level bitmap does. */
uint32_t ready_words;

/* Queues t at the tail (new arrivals, yields) or the head (a preempted thread
 * resumes first among its equals). */
static void enqueue_at(tcb_t *t, bool head)
{
    queue_t *q = &ready[t->priority];
    kassert(!t->queued);
    if (head) {
        t->queue_prev = NULL;
        t->queue_next = q->head;
        if (q->head)
            q->head->queue_prev = t;
        else
            q->tail = t;
        q->head = t;
    } else {
        t->queue_prev = q->tail;
        t->queue_next = NULL;
        if (q->tail)
            q->tail->queue_next = t;
        else
            q->head = t;
        q->tail = t;
    }
    t->queued = true;
    ready_bitmap[t->priority / 32] |= 1u << (t->priority % 32);
    ready_words |= 1u << (t->priority / 32);
}

void sched_enqueue(tcb_t *t)
{
    enqueue_at(t, false);
}

void sched_dequeue(tcb_t *t)
{
    if (!t->queued)
        return;
    queue_t *q = &ready[t->priority];
    if (t->queue_prev)
        t->queue_prev->queue_next = t->queue_next;
    else
        q->head = t->queue_next;
    if (t->queue_next)
        t->queue_next->queue_prev = t->queue_prev;
    else
        q->tail = t->queue_prev;
    t->queued = false;
    if (!q->head) {
        ready_bitmap[t->priority / 32] &= ~(1u << (t->priority % 32));
        if (!ready_bitmap[t->priority / 32])
            ready_words &= ~(1u << (t->priority / 32));
    }
}

int sched_highest_ready(void)
{
    if (!ready_words)
        return -1;
    int w = 31 - __builtin_clz(ready_words);
    return w * 32 + 31 - __builtin_clz(ready_bitmap[w]);
}

void sched_forget(const tcb_t *t)
{
    if (current_thread == t)
        current_thread = NULL;
    if (last_entered == t)
        last_entered = NULL;
}

void sched_yield(tcb_t *t)
{
    /* To the tail of its queue: equal priorities get their turn first. */
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

#ifdef NUMBAT_CHECK_INVARIANTS
/* Invariant sched_queue (see invariants.c). */
void sched_check_queues(void)
{
    for (uint32_t prio = 0; prio < NUM_PRIORITIES; prio++) {
        bool bit = ready_bitmap[prio / 32] & (1u << (prio % 32));
        if (((ready_words >> (prio / 32)) & 1u) != (ready_bitmap[prio / 32] != 0))
            kpanic("invariant sched_queue broken: bitmap summary disagrees at priority %u", prio);
        if (bit != (ready[prio].head != NULL))
            kpanic("invariant sched_queue broken: bitmap disagrees at priority %u", prio);
        tcb_t *prev = NULL;
        for (tcb_t *t = ready[prio].head; t; prev = t, t = t->queue_next)
            if (t->queue_prev != prev || t->priority != prio || !t->queued)
                kpanic("invariant sched_queue broken: thread '%s' at priority %u", t->name, prio);
        if (ready[prio].tail != prev)
            kpanic("invariant sched_queue broken: tail of priority %u", prio);
    }
}
#endif

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

NORETURN void sched_switch_to(tcb_t *t)
{
    current_thread = t;
    invariants_check();
    leave_to(t);
}

NORETURN void schedule_and_exit(void)
{
    invariants_check();
    tcb_t *cur = current_thread;
    int best = sched_highest_ready();
    if (cur && cur->state == THREAD_RUNNING && (best < 0 || (uint32_t)best <= cur->priority))
        leave_to(cur);
    if (cur && cur->state == THREAD_RUNNING)
        enqueue_at(cur, true); /* preempted: first among its equals */
    best = sched_highest_ready();
    if (best < 0)
        halt_with_nothing_to_run();
    tcb_t *next = ready[best].head;
    sched_dequeue(next);
    current_thread = next;
    leave_to(next);
}
