/*
 * kernel/notification.c - signals and waits (spec 11.7). A notification is idle,
 * active (a signal is pending: the word holds the OR of the badges), or has
 * waiters. Signalling with badge 0 still makes it active. Partners: notification.h,
 * endpoint.c (the bound thread's receive), thread.c (cancelling).
 */
#include "notification.h"

#include "endpoint.h"
#include "trace.h"

static void set_active(notification_t *n, bool active)
{
    n->bound = (n->bound & ~NTFN_ACTIVE) | (active ? NTFN_ACTIVE : 0);
}

bool ntfn_can_bind(cap_t cap)
{
    if (cap_type(cap) != CAP_NOTIFICATION || !(cap_ep_rights(cap) & RIGHT_READ))
        return false;
    const notification_t *n = cap_ptr(cap);
    return !ntfn_bound_tcb(n) && tcbq_empty(&n->queue);
}

void ntfn_bind(notification_t *n, tcb_t *t)
{
    n->bound = (uint32_t)(uintptr_t)t | (n->bound & NTFN_ACTIVE);
    t->bound_notification = n;
}

void ntfn_unbind(tcb_t *t)
{
    notification_t *n = t->bound_notification;
    if (n)
        n->bound &= NTFN_ACTIVE;
    t->bound_notification = NULL;
}

/* Wakes t with `badge` in its badge register. */
static void wake(tcb_t *t, notification_t *n, uint32_t badge)
{
    arch_set_badge_register(&t->context, badge);
    thread_set_state(t, THREAD_RUNNING);
    trace_signal(n, badge, t);
}

seL4_Error decode_notification(invocation_t *inv, notification_op_t *op)
{
    if (!(cap_ep_rights(inv->cap) & RIGHT_WRITE))
        return inv_invalid_capability(inv, 0);
    op->ntfn = cap_ptr(inv->cap);
    op->badge = cap_badge(inv->cap);
    return seL4_NoError;
}

void ntfn_signal(notification_t *n, uint32_t badge)
{
    tcb_t *bound = ntfn_bound_tcb(n);
    if (!tcbq_empty(&n->queue)) {
        tcb_t *t = tcbq_head(&n->queue);
        tcbq_remove(&n->queue, t);
        wake(t, n, badge);
    } else if (!ntfn_active(n) && bound && bound->state == THREAD_BLOCKED_ON_RECV) {
        /* The bound thread waits on an endpoint: its receive ends with the signal. */
        thread_cancel_ipc(bound);
        wake(bound, n, badge);
    } else {
        n->word = ntfn_active(n) ? n->word | badge : badge;
        set_active(n, true);
        trace_signal(n, badge, NULL);
    }
}

invoke_status_t invoke_notification(invocation_t *inv, const notification_op_t *op)
{
    (void)inv;
    ntfn_signal(op->ntfn, op->badge);
    return INVOKE_DONE;
}

bool ntfn_may_wait(const notification_t *n, const tcb_t *t)
{
    tcb_t *bound = ntfn_bound_tcb(n);
    return !bound || bound == t;
}

/* Hands the pending word to t and makes the notification idle. */
static void take_word(notification_t *n, tcb_t *t)
{
    arch_set_badge_register(&t->context, n->word);
    n->word = 0;
    set_active(n, false);
}

void ntfn_receive(notification_t *n, tcb_t *t, bool blocking)
{
    if (ntfn_active(n)) {
        take_word(n, t);
    } else if (blocking) {
        t->ipc = (ipc_wait_t){.object = (uint32_t)(uintptr_t)n};
        thread_set_state(t, THREAD_BLOCKED_ON_NOTIFICATION);
        tcbq_append(&n->queue, t);
    } else {
        arch_set_badge_register(&t->context, 0);
    }
}

bool ntfn_deliver_bound(tcb_t *t)
{
    notification_t *n = t->bound_notification;
    if (!n || !ntfn_active(n))
        return false;
    take_word(n, t);
    return true;
}

void ntfn_cancel(notification_t *n, tcb_t *t)
{
    tcbq_remove(&n->queue, t);
}

void ntfn_destroy(notification_t *n)
{
    tcb_t *t = tcbq_head(&n->queue);
    while (t) {
        tcb_t *next = t->ipc_next;
        thread_restart(t);
        t = next;
    }
    tcb_t *bound = ntfn_bound_tcb(n);
    if (bound)
        ntfn_unbind(bound);
}
