/*
 * kernel/tcb_queue.h - the FIFO queues of threads that endpoints and notifications
 * keep: head and tail as 32-bit TCB addresses inside the object (so the object is
 * 16 bytes on the target and in host tests alike), linked through each TCB's
 * ipc_prev/ipc_next. A thread is in at most one such queue, and one in none has
 * both links NULL (invariants.c checks it). Partners: endpoint.c, notification.c,
 * fastpath.c, thread.h.
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

/* tcbq_append for a thread in no queue, whose links are NULL already: only the
 * stores that change something (the IPC fastpath's). */
static inline void tcbq_append_unlinked(tcb_queue_t *q, tcb_t *t)
{
    tcb_t *tail = (tcb_t *)(uintptr_t)q->tail;
    if (tail) {
        t->ipc_prev = tail;
        tail->ipc_next = t;
    } else {
        q->head = (uint32_t)(uintptr_t)t;
    }
    q->tail = (uint32_t)(uintptr_t)t;
}

/* tcbq_remove of the head (the queue is not empty), whose ipc_prev is NULL
 * already. Returns the new head: NULL when the queue is empty now. */
static inline tcb_t *tcbq_take_head(tcb_queue_t *q)
{
    tcb_t *head = tcbq_head(q), *next = head->ipc_next;
    q->head = (uint32_t)(uintptr_t)next;
    if (__builtin_expect(next == NULL, 1)) { /* one waiter: the server case */
        q->tail = 0;
    } else {
        next->ipc_prev = NULL;
        head->ipc_next = NULL;
    }
    return next;
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
