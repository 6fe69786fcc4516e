/*
 * kernel/ready_queue.c - the ready queues: doubly linked FIFO lists of TCBs, one per
 * priority, and the bitmap that says which are not empty (ready_queue.h has the
 * rules). Every change to a queue updates the bitmap in the same call, so that the
 * two never disagree at a kernel exit (invariants.c checks they do not).
 * Partners: ready_queue.h, sched.c.
 */
#include "ready_queue.h"

ready_queue_t ready_queues[NUM_PRIORITIES];
uint32_t ready_bitmap[READY_WORDS];
uint32_t ready_words;

static void mark_ready(uint32_t prio)
{
    ready_bitmap[prio / 32] |= 1u << (prio % 32);
    ready_words |= 1u << (prio / 32);
}

void ready_enqueue(tcb_t *t)
{
    ready_queue_t *q = &ready_queues[t->priority];
    kassert(!t->queued);
    t->queue_prev = q->tail;
    t->queue_next = NULL;
    if (q->tail)
        q->tail->queue_next = t;
    else
        q->head = t;
    q->tail = t;
    t->queued = true;
    mark_ready(t->priority);
}

void ready_enqueue_head(tcb_t *t)
{
    ready_queue_t *q = &ready_queues[t->priority];
    kassert(!t->queued);
    t->queue_prev = NULL;
    t->queue_next = q->head;
    if (q->head)
        q->head->queue_prev = t;
    else
        q->tail = t;
    q->head = t;
    t->queued = true;
    mark_ready(t->priority);
}

void ready_dequeue(tcb_t *t)
{
    ready_queue_t *q = &ready_queues[t->priority];
    kassert(t->queued);
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

int ready_highest(void)
{
    if (!ready_words)
        return -1;
    int w = 31 - __builtin_clz(ready_words);
    return w * 32 + 31 - __builtin_clz(ready_bitmap[w]);
}
