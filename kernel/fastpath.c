/*
 * kernel/fastpath.c - Call and ReplyRecv without the general machinery, for the case
 * that IPC benchmarks and servers live in. Every check comes first; the first one
 * that fails returns to the slow path, which then does exactly what it would have
 * done anyway (nothing has changed). The checks, for both:
 *   - the message has at most ARCH_MSG_REGISTERS words and no extra caps;
 *   - nobody records the trace stream (the slow path emits the events);
 *   - the partner has an address space and a priority above every ready thread's,
 *     so switching straight to it is what the scheduler would do.
 * Call: the cap is an endpoint with Write and Grant or GrantReply, and a receiver
 * waits on it. ReplyRecv: the caller holds a reply cap for a thread waiting for a
 * normal reply (not a fault's), the receive cap is an endpoint with Read and no
 * sender waiting, and no bound notification is pending.
 * Partners: fastpath.h, syscall.c (the caller), endpoint.c and reply.c (the same
 * operations done generally).
 */
#include "fastpath.h"

#include <sel4/messageinfo.h>

#include "cdt.h"
#include "endpoint.h"
#include "message.h"
#include "notification.h"
#include "ready_queue.h"
#include "sched.h"
#include "trace.h"

/* Whether the message fits the registers and carries no caps. */
static bool short_message(uint32_t info_word)
{
    seL4_MessageInfo_t info = {{info_word}};
    return seL4_MessageInfo_get_length(info) <= ARCH_MSG_REGISTERS &&
           seL4_MessageInfo_get_extraCaps(info) == 0;
}

/* The partner can take the CPU directly: the current thread is about to block, and
 * the scheduler would pick the partner only if it outranks every ready thread. */
static bool can_switch_to(const tcb_t *partner)
{
    return (int)partner->priority > ready_highest() &&
           cap_type(partner->slots[TCB_SLOT_VSPACE].cap) == CAP_PAGE_DIRECTORY;
}

/* The slot a cptr names, or NULL. */
static inline const cte_t *lookup_slot(const tcb_t *t, uint32_t cptr)
{
    cte_t *slot;
    lookup_fault_t lf;
    return cspace_lookup_slot(thread_cspace(t), cptr, &slot, &lf) ? slot : NULL;
}

/* Copies the short message (info, MRs, badge) from one thread to another. */
static inline void copy_message(tcb_t *from, tcb_t *to, uint32_t info_word, uint32_t badge)
{
    seL4_MessageInfo_t info = {{info_word}};
    uint32_t length = seL4_MessageInfo_get_length(info);
    message_copy_registers(from, to, length,
                           seL4_MessageInfo_new(seL4_MessageInfo_get_label(info), 0, 0, length),
                           badge);
}

void fastpath_call(void)
{
    tcb_t *caller = current_thread;
    uint32_t info = arch_get_msg_info(&caller->context);
    if (!short_message(info) || trace_enabled)
        return;
    const cte_t *slot = lookup_slot(caller, arch_get_cap_register(&caller->context));
    if (!slot)
        return;
    cap_t cap = slot->cap;
    uint32_t rights = cap_ep_rights(cap);
    if (cap_type(cap) != CAP_ENDPOINT || !(rights & RIGHT_WRITE) ||
        !(rights & (RIGHT_GRANT | RIGHT_GRANT_REPLY)))
        return;
    endpoint_t *ep = cap_ptr(cap);
    tcb_t *server = tcbq_head(&ep->queue);
    if (ep->state != EP_RECEIVING || !can_switch_to(server))
        return;

    /* Committed: the same steps as ep_receive/invoke_endpoint/reply_setup. */
    ep_cancel(ep, server);
    copy_message(caller, server, info, cap_badge(cap));
    caller->ipc.is_call = true; /* a normal Call: reply_send and cancelling read this */
    caller->ipc.is_fault = false;
    cdt_link_after(cap_reply(caller, false, server->ipc.can_grant), &caller->slots[TCB_SLOT_REPLY],
                   &server->slots[TCB_SLOT_CALLER], false, false);
    caller->state = THREAD_BLOCKED_ON_REPLY;
    server->state = THREAD_RUNNING;
    sched_switch_to(server);
}

void fastpath_reply_recv(void)
{
    tcb_t *server = current_thread;
    uint32_t info = arch_get_msg_info(&server->context);
    cte_t *reply = &server->slots[TCB_SLOT_CALLER];
    if (!short_message(info) || trace_enabled || cap_type(reply->cap) != CAP_REPLY)
        return;
    tcb_t *caller = cap_ptr(reply->cap);
    if (caller->ipc.is_fault || !can_switch_to(caller))
        return;
    const cte_t *slot = lookup_slot(server, arch_get_cap_register(&server->context));
    if (!slot)
        return;
    cap_t cap = slot->cap;
    if (cap_type(cap) != CAP_ENDPOINT || !(cap_ep_rights(cap) & RIGHT_READ))
        return;
    endpoint_t *ep = cap_ptr(cap);
    notification_t *bound = server->bound_notification;
    if (ep->state == EP_SENDING || (bound && ntfn_active(bound)))
        return;

    /* Committed: reply_send, then the blocking half of ep_receive. */
    copy_message(server, caller, info, 0);
    cdt_unlink(reply);
    server->ipc = (ipc_wait_t){.object = cap_object(cap),
                               .can_grant = cap_ep_rights(cap) & RIGHT_GRANT};
    server->state = THREAD_BLOCKED_ON_RECV;
    tcbq_append(&ep->queue, server);
    ep->state = EP_RECEIVING;
    caller->state = THREAD_RUNNING;
    sched_switch_to(caller);
}
