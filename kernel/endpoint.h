/*
 * kernel/endpoint.h - endpoints (spec 4.4, 11.5): rendezvous IPC. An endpoint is
 * idle, or has a FIFO queue of blocked senders, or one of blocked receivers.
 * Sending (Send, NBSend, Call) is an invocation of the endpoint cap; receiving
 * (Recv, NBRecv, ReplyRecv) is a system call of its own. Partners: endpoint.c,
 * message.c (what a message carries), reply.c (Call's reply caps), syscall.c.
 */
#ifndef KERNEL_ENDPOINT_H
#define KERNEL_ENDPOINT_H

#include <sel4/constants.h>

#include "invocation.h"
#include "tcb_queue.h"

typedef enum endpoint_state { EP_IDLE, EP_SENDING, EP_RECEIVING } endpoint_state_t;

/* 16 bytes (seL4_EndpointBits): the queue and which kind of thread it holds. */
typedef struct endpoint {
    tcb_queue_t queue;
    uint32_t state; /* endpoint_state_t */
    uint32_t reserved;
} endpoint_t;

_Static_assert(sizeof(endpoint_t) <= (1u << seL4_EndpointBits), "fits its object");

/* A checked send on an endpoint cap. */
typedef struct endpoint_op {
    endpoint_t *ep;
    ipc_wait_t send; /* badge, grant rights, whether it is a Call */
    bool blocking;
} endpoint_op_t;

/* Send needs the Write right (else InvalidCapability, silent unless a Call). */
seL4_Error decode_endpoint(invocation_t *inv, endpoint_op_t *op);
invoke_status_t invoke_endpoint(invocation_t *inv, const endpoint_op_t *op);

/*
 * Recv/NBRecv by t on the endpoint cap `cap` (which has Read): takes the first
 * queued sender's message, or blocks t (Recv), or returns at once with badge 0
 * (NBRecv).
 */
void ep_receive(tcb_t *t, cap_t cap, bool blocking);
/* t's fault (t->fault) goes as a Call through the endpoint cap `cap` (spec 9.1). */
void ep_send_fault(tcb_t *t, cap_t cap);
/* Takes t out of the endpoint's queue (t is blocked on it). */
static inline void ep_cancel(endpoint_t *ep, tcb_t *t)
{
    tcbq_remove(&ep->queue, t);
    if (tcbq_empty(&ep->queue))
        ep->state = EP_IDLE;
}
/* The endpoint is being destroyed: every queued thread makes its call again. */
void ep_cancel_all(endpoint_t *ep);
/* CNode_CancelBadgedSends: queued senders with this badge make their call again. */
void ep_cancel_badged_sends(endpoint_t *ep, uint32_t badge);

#endif
