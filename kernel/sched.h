/*
 * kernel/sched.h - the scheduler (spec 11.8): ready queues by priority, the
 * current thread, timeslices, and the way out of the kernel. Partners: sched.c,
 * thread.c (which queues and dequeues through it).
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include "thread.h"

/* Puts a runnable thread at the tail of its priority's queue. */
void sched_enqueue(tcb_t *t);
/* Takes t out of its queue, if it is in one. */
void sched_dequeue(tcb_t *t);
/* Forgets t (being destroyed) as the current or the last entered thread. */
void sched_forget(const tcb_t *t);
void sched_yield(tcb_t *t);
/* A timer tick: charge the current thread's timeslice. */
void sched_tick(void);
/* Invariant checks of the ready queues (test builds). */
void sched_check_queues(void);
/* Picks the next thread and leaves the kernel to it; never returns. */
NORETURN void schedule_and_exit(void);
/* The highest priority with a ready (queued) thread, or -1. */
int sched_highest_ready(void);
/* Bit p % 32 of ready_bitmap[p / 32] is set exactly when priority p has a queued
 * thread; bit w of ready_words exactly when ready_bitmap[w] is not zero. */
extern uint32_t ready_bitmap[], ready_words;
/* Leaves the kernel to t, which becomes the current thread: for the IPC fastpath,
 * which has decided that t is the one to run (and the old current one is blocked). */
NORETURN void sched_switch_to(tcb_t *t);

#endif
