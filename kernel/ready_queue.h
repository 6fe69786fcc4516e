/*
 * kernel/ready_queue.h - the ready queues (spec 11.8): one FIFO queue of runnable
 * threads per priority, and a two-level bitmap of the non-empty ones so that the
 * highest ready priority is found in two count-leading-zeros. The scheduler
 * (sched.c) decides who runs; this file only keeps the queues. The invariant
 * checker (invariants.c) reads the data below directly. Lab 10 has students write
 * ready_queue.c (labs/10-kernel).
 * Partners: ready_queue.c, sched.c, invariants.c.
 */
#ifndef KERNEL_READY_QUEUE_H
#define KERNEL_READY_QUEUE_H

#include "thread.h"

#define NUM_PRIORITIES 256
#define READY_WORDS (NUM_PRIORITIES / 32)

typedef struct ready_queue {
    tcb_t *head, *tail; /* linked through tcb_t.queue_next / queue_prev */
} ready_queue_t;

/* ready_queues[p] holds the queued threads of priority p, oldest first. */
extern ready_queue_t ready_queues[NUM_PRIORITIES];
/* Bit p % 32 of ready_bitmap[p / 32] is set exactly when queue p is not empty. */
extern uint32_t ready_bitmap[READY_WORDS];
/* Bit w is set exactly when ready_bitmap[w] is not zero. */
extern uint32_t ready_words;

/* Queues t (runnable, not queued) at the tail of its priority's queue: it runs after
 * every thread already waiting there (new arrivals, yields, timeslice ends). */
void ready_enqueue(tcb_t *t);
/* Queues t (runnable, not queued) at the head of its priority's queue: a preempted
 * thread runs first among its equals once the higher priority is done. */
void ready_enqueue_head(tcb_t *t);
/* Takes t (queued) out of its queue, wherever it is in it. */
void ready_dequeue(tcb_t *t);
/* The highest priority whose queue is not empty, or -1 when every queue is. */
int ready_highest(void);

#endif
