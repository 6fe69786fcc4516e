/*
 * kernel/notification.h - notification objects (spec 11.7): a word of pending
 * badge bits, a FIFO queue of waiting threads, and the TCB bound to it. Signal is
 * an invocation of the notification cap (Send, NBSend, Call); Wait and Poll are
 * the receive system calls on it. Partners: notification.c, tcb.c (binding),
 * endpoint.c (a bound notification wakes a receiver), syscall.c.
 */
#ifndef KERNEL_NOTIFICATION_H
#define KERNEL_NOTIFICATION_H

#include <sel4/constants.h>

#include "invocation.h"
#include "tcb_queue.h"

/* 16 bytes (seL4_NotificationBits), words only, so host tests see the target's size.
 * `bound` is the bound TCB's address; its bit 0 says a signal is pending (TCBs are
 * 1 KiB aligned). */
typedef struct notification {
    uint32_t word;      /* badge bits signalled since the last wait */
    tcb_queue_t queue;  /* waiting threads */
    uint32_t bound;
} notification_t;

_Static_assert(sizeof(notification_t) <= (1u << seL4_NotificationBits), "fits its object");

#define NTFN_ACTIVE 0x1u

static inline tcb_t *ntfn_bound_tcb(const notification_t *n)
{
    return (tcb_t *)(uintptr_t)(n->bound & ~NTFN_ACTIVE);
}
static inline bool ntfn_active(const notification_t *n) { return n->bound & NTFN_ACTIVE; }

/* TCB_BindNotification's checks: receive right, not bound, nobody waiting. */
bool ntfn_can_bind(cap_t cap);
void ntfn_bind(notification_t *n, tcb_t *t);
/* Undoes t's binding, if it has one (unbind, deletion of either side). */
void ntfn_unbind(tcb_t *t);

/* A checked Signal. */
typedef struct notification_op {
    notification_t *ntfn;
    uint32_t badge;
} notification_op_t;

/* Signal needs the Write right (else InvalidCapability). */
seL4_Error decode_notification(invocation_t *inv, notification_op_t *op);
invoke_status_t invoke_notification(invocation_t *inv, const notification_op_t *op);

/* Signals n with `badge`: wakes the first waiter, or the bound thread blocked on an
 * endpoint, or ORs the badge into the pending word (also for interrupts). */
void ntfn_signal(notification_t *n, uint32_t badge);
/* Whether t may wait on the notification (it is not bound to another thread). */
bool ntfn_may_wait(const notification_t *n, const tcb_t *t);
/* Wait (blocking) or Poll by t: the pending word, or block, or badge 0. */
void ntfn_receive(notification_t *n, tcb_t *t, bool blocking);
/* A receive on an endpoint by a thread whose bound notification is pending
 * returns the notification instead; true if it did. */
bool ntfn_deliver_bound(tcb_t *t);
void ntfn_cancel(notification_t *n, tcb_t *t);
/* The notification is being destroyed: waiters make their call again, the
 * binding goes. */
void ntfn_destroy(notification_t *n);

#endif
