/*
 * labs/10-kernel/kernel/ready_queue.c - your ready queues: this file replaces the
 * kernel's kernel/ready_queue.c in lab 10's image (mk/image.mk, KERNEL_LAB). One
 * doubly linked FIFO list of TCBs per priority, and the two-level bitmap that says
 * which lists are not empty; kernel/ready_queue.h states the rules each function
 * keeps. The invariant checker (kernel/invariants.c) checks the lists and the bitmap
 * at every kernel exit and panics, naming what it found, when they disagree.
 * Partners: kernel/ready_queue.h, kernel/sched.c and kernel/fastpath.c (the callers),
 * kernel/thread.h (tcb_t: priority, queued, queue_next, queue_prev).
 */
#include "ready_queue.h"

#include "arch.h"

ready_queue_t ready_queues[NUM_PRIORITIES];
uint32_t ready_bitmap[READY_WORDS];
uint32_t ready_words;

/* A function you have not written yet: the kernel cannot go on without it, so it stops
 * the board (status 1) with a message naming the exercise. Delete this helper when no
 * function calls it any more. */
static NORETURN void not_written_yet(unsigned exercise, const char *function)
{
    kprintf("numbat: LAB 10 EXERCISE %u: %s is not written yet; halting\n", exercise, function);
    arch_halt(1);
}

/*
 * Puts t at the tail of ready_queues[t->priority]: t runs after every thread already
 * waiting at its priority. Precondition: t is runnable and not queued (t->queued is
 * false). Afterwards t->queued is true, t's links point at its neighbours (NULL at the
 * ends), the queue's head and tail are right, and both bitmap levels show that queue
 * t->priority is not empty.
 */
void ready_enqueue(tcb_t *t)
{
    /* LAB 10 EXERCISE 1: link t in at the tail of its priority's queue and set the
     * bits for that priority in ready_bitmap and ready_words. */
    (void)t;
    not_written_yet(1, "ready_enqueue");
}

/*
 * Takes t out of ready_queues[t->priority], wherever it is: the head, the tail, the
 * middle, or the only thread. Precondition: t is queued. Afterwards t->queued is
 * false and, if the queue is now empty, its bit in ready_bitmap is clear, and so is
 * the word's bit in ready_words if no priority of that word is left.
 */
void ready_dequeue(tcb_t *t)
{
    /* LAB 10 EXERCISE 2: unlink t (mind the queue's head and tail), then clear the
     * bitmap bits that no longer hold. */
    (void)t;
    not_written_yet(2, "ready_dequeue");
}

/*
 * The highest priority whose queue is not empty, or -1 when every queue is empty.
 * The scheduler calls this at every kernel exit that may switch threads, and the IPC
 * fastpath on every call: it must not look at 256 queues. Two count-leading-zeros
 * (__builtin_clz, one ARM instruction; undefined for 0) find it: ready_words gives the
 * highest word of ready_bitmap with a bit set, that word the highest priority in it.
 */
int ready_highest(void)
{
    /* LAB 10 EXERCISE 3: find the highest ready priority from the two bitmap levels. */
    not_written_yet(3, "ready_highest");
}

/*
 * Puts t at the head of ready_queues[t->priority]: the scheduler calls this for a
 * thread that was running when a higher priority thread woke up (preempted, not
 * yielding), so that it goes on before its equals once the higher one is done.
 * Precondition and afterwards: as for ready_enqueue.
 */
void ready_enqueue_head(tcb_t *t)
{
    /* LAB 10 EXERCISE 4: link t in at the head of its priority's queue and set the
     * bitmap bits, as in exercise 1. */
    (void)t;
    not_written_yet(4, "ready_enqueue_head");
}
