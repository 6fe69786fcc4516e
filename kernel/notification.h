/*
 * kernel/notification.h - notification objects (16 bytes, seL4_NotificationBits).
 * Signalling and waiting arrive with IPC; what exists now is the binding to a TCB,
 * kept on both sides so that deleting either undoes it. Partners: tcb.c, object.c.
 */
#ifndef KERNEL_NOTIFICATION_H
#define KERNEL_NOTIFICATION_H

#include <sel4/constants.h>

#include "thread.h"

/* Words, not pointers: the object is 16 bytes on the target and in host tests alike. */
typedef struct notification {
    uint32_t word;        /* pending badge bits (signals, once they exist) */
    uint32_t waiting;     /* reserved for the queue of waiting threads */
    uint32_t bound;       /* address of the TCB bound to it, 0 if none */
    uint32_t reserved;
} notification_t;

_Static_assert(sizeof(notification_t) <= (1u << seL4_NotificationBits), "fits its object");

static inline tcb_t *notification_bound(const notification_t *n)
{
    return (tcb_t *)(uintptr_t)n->bound;
}

static inline void notification_set_bound(notification_t *n, tcb_t *t)
{
    n->bound = (uint32_t)(uintptr_t)t;
}

/* Undoes t's binding, if it has one (unbind, deletion of either side). */
static inline void notification_unbind(tcb_t *t)
{
    notification_t *n = t->bound_notification;
    if (n)
        notification_set_bound(n, NULL);
    t->bound_notification = NULL;
}

#endif
