/*
 * kernel/tcb_queue.h - the FIFO queues of threads that endpoints and notifications
 * keep: head and tail as 32-bit TCB addresses inside the object (so the object is
 * 16 bytes on the target and in host tests alike), linked through each TCB's
 * ipc_prev/ipc_next. A thread is in at most one such queue. Partners: endpoint.c,
 * notification.c, thread.h.
 */
#ifndef KERNEL_TCB_QUEUE_H
#define KERNEL_TCB_QUEUE_H

#include "thread.h"

typedef struct tcb_queue {
    uint32_t head, tail;
} tcb_queue_t;

static inline tcb_t *tcbq_head(const tcb_queue_t *q) { return (tcb_t *)(uintptr_t)q->head; }
static inline bool tcbq_empty(const tcb_queue_t *q) { return q->head == 0; }

static inline void tcbq_append(tcb_queue_t *q, tcb_t *t)
{
    tcb_t *tail = (tcb_t *)(uintptr_t)q->tail;
    t->ipc_prev = tail;
    t->ipc_next = NULL;
    if (tail)
        tail->ipc_next = t;
    else
        q->head = (uint32_t)(uintptr_t)t;
    q->tail = (uint32_t)(uintptr_t)t;
}

static inline void tcbq_remove(tcb_queue_t *q, tcb_t *t)
{
    if (t->ipc_prev)
        t->ipc_prev->ipc_next = t->ipc_next;
    else
        q->head = (uint32_t)(uintptr_t)t->ipc_next;
    if (t->ipc_next)
        t->ipc_next->ipc_prev = t->ipc_prev;
    else
        q->tail = (uint32_t)(uintptr_t)t->ipc_prev;
    t->ipc_prev = t->ipc_next = NULL;
}

#endif
