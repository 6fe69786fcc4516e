/*
 * kernel/notification.h - notification objects (16 bytes, seL4_NotificationBits).
 * Signalling and waiting arrive with IPC; what exists now is the binding to a TCB,
 * kept on both sides so that deleting either undoes it. Partners: tcb.c, object.c.
 */
#ifndef KERNEL_NOTIFICATION_H
#define KERNEL_NOTIFICATION_H

#include <sel4/constants.h>

#include "thread.h"

typedef struct notification {
    uint32_t word;        /* pending badge bits (signals, once they exist) */
    uint32_t waiting;     /* reserved for the queue of waiting threads */
    tcb_t *bound;         /* the TCB bound to it, or NULL */
    uint32_t reserved;
} notification_t;

_Static_assert(sizeof(notification_t) <= (1u << seL4_NotificationBits), "fits its object");

/* Undoes t's binding, if it has one (unbind, deletion of either side). */
static inline void notification_unbind(tcb_t *t)
{
    notification_t *n = t->bound_notification;
    if (n)
        n->bound = NULL;
    t->bound_notification = NULL;
}

#endif
