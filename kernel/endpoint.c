/*
 * kernel/endpoint.c - endpoint IPC (spec 4.4, 11.5, 11.6): send and receive meet
 * at the endpoint; whoever comes first waits in its FIFO queue. A waiting sender
 * keeps its message in its own registers and IPC buffer until a receiver takes
 * it. Partners: endpoint.h, message.c, reply.c, thread.c (states), syscall.c.
 */
#include "endpoint.h"

#include "fault.h"
#include "message.h"
#include "reply.h"
#include "trace.h"

static endpoint_t *ep_of(cap_t c)
{
    return cap_ptr(c);
}

static void ep_enqueue(endpoint_t *ep, tcb_t *t, endpoint_state_t state)
{
    tcbq_append(&ep->queue, t);
    ep->state = state;
}

/* Takes the first queued thread (the queue is not empty). */
static tcb_t *ep_dequeue_head(endpoint_t *ep)
{
    tcb_t *t = tcbq_head(&ep->queue);
    tcbq_remove(&ep->queue, t);
    if (tcbq_empty(&ep->queue))
        ep->state = EP_IDLE;
    return t;
}

/* A message from sender (sending as `wait` describes) reaches receiver. */
static void deliver(tcb_t *sender, const ipc_wait_t *wait, tcb_t *receiver, bool receiver_can_grant)
{
    if (wait->is_fault)
        fault_transfer(sender, receiver, wait->badge);
    else
        message_transfer(sender, receiver, wait->badge, wait->can_grant, wait->object);
    trace_ipc(sender, receiver, wait->object, wait->badge);
    if (wait->is_call)
        reply_setup(sender, wait, receiver, receiver_can_grant);
    else if (sender->state != THREAD_RUNNING)
        thread_set_state(sender, THREAD_RUNNING);
}

seL4_Error decode_endpoint(invocation_t *inv, endpoint_op_t *op)
{
    uint32_t rights = cap_ep_rights(inv->cap);
    if (!(rights & RIGHT_WRITE))
        return inv_invalid_capability(inv, 0);
    op->ep = ep_of(inv->cap);
    op->blocking = inv->blocking;
    op->send = (ipc_wait_t){
        .object = cap_object(inv->cap),
        .badge = cap_badge(inv->cap),
        .can_grant = rights & RIGHT_GRANT,
        .can_grant_reply = rights & RIGHT_GRANT_REPLY,
        .is_call = inv->call,
    };
    return seL4_NoError;
}

/* sender sends (as sender->ipc says): to the first waiting receiver, or it waits. */
static void send(endpoint_t *ep, tcb_t *sender, bool blocking)
{
    if (ep->state == EP_RECEIVING) {
        tcb_t *receiver = ep_dequeue_head(ep);
        bool can_grant = receiver->ipc.can_grant;
        thread_set_state(receiver, THREAD_RUNNING);
        deliver(sender, &sender->ipc, receiver, can_grant);
    } else if (blocking) {
        thread_set_state(sender, THREAD_BLOCKED_ON_SEND);
        ep_enqueue(ep, sender, EP_SENDING);
    }
    /* NBSend with nobody waiting: the message is dropped. */
}

invoke_status_t invoke_endpoint(invocation_t *inv, const endpoint_op_t *op)
{
    inv->caller->ipc = op->send;
    send(op->ep, inv->caller, op->blocking);
    return INVOKE_DONE;
}

void ep_send_fault(tcb_t *t, cap_t cap)
{
    uint32_t rights = cap_ep_rights(cap);
    t->ipc = (ipc_wait_t){
        .object = cap_object(cap),
        .badge = cap_badge(cap),
        .can_grant = rights & RIGHT_GRANT,
        .can_grant_reply = rights & RIGHT_GRANT_REPLY,
        .is_call = true,
        .is_fault = true,
    };
    send(ep_of(cap), t, true);
}

void ep_receive(tcb_t *t, cap_t cap, bool blocking)
{
    endpoint_t *ep = ep_of(cap);
    bool can_grant = cap_ep_rights(cap) & RIGHT_GRANT;
    /* An unsaved reply cap from an earlier Call is dropped (its caller waits on). */
    reply_drop_unsaved(t);
    if (ep->state == EP_SENDING) {
        tcb_t *sender = ep_dequeue_head(ep);
        ipc_wait_t wait = sender->ipc;
        deliver(sender, &wait, t, can_grant);
    } else if (blocking) {
        t->ipc = (ipc_wait_t){.object = cap_object(cap), .can_grant = can_grant};
        thread_set_state(t, THREAD_BLOCKED_ON_RECV);
        ep_enqueue(ep, t, EP_RECEIVING);
    } else {
        arch_set_badge_register(&t->context, 0); /* NBRecv with no sender: badge 0 */
    }
}

/* Restarts every thread in the queue for which `match` holds, in queue order. */
static void restart_queued(endpoint_t *ep, bool all, uint32_t badge)
{
    tcb_t *t = tcbq_head(&ep->queue);
    while (t) {
        tcb_t *next = t->ipc_next;
        if (all || t->ipc.badge == badge)
            thread_restart(t);
        t = next;
    }
}

void ep_cancel_all(endpoint_t *ep)
{
    restart_queued(ep, true, 0);
}

void ep_cancel_badged_sends(endpoint_t *ep, uint32_t badge)
{
    if (ep->state == EP_SENDING)
        restart_queued(ep, false, badge);
}
