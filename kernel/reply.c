/*
 * kernel/reply.c - reply caps (spec 11.6). A caller's master reply cap, in its
 * own TCB, is the CDT parent of the one reply cap that can exist for it, so the
 * reply cap is always the slot right after the master in CDT order: that is how
 * cancelling a Call finds it wherever it was saved. Partners: reply.h, cdt.c.
 */
#include "reply.h"

#include "cdt.h"
#include "fault.h"
#include "message.h"
#include "trace.h"

void reply_make_master(tcb_t *t)
{
    cdt_place_original(cap_reply(t, true, true), &t->slots[TCB_SLOT_REPLY]);
}

/* The reply cap naming `caller`, or NULL (it follows the master in the CDT). */
static cte_t *reply_slot_of(tcb_t *caller)
{
    cte_t *master = &caller->slots[TCB_SLOT_REPLY];
    cte_t *next = mdb_next(master);
    return next && cdt_is_parent(master, next) ? next : NULL;
}

void reply_setup(tcb_t *caller, const ipc_wait_t *wait, tcb_t *receiver, bool receiver_can_grant)
{
    if (!wait->can_grant && !wait->can_grant_reply) {
        thread_set_state(caller, THREAD_INACTIVE);
        return;
    }
    cte_t *slot = &receiver->slots[TCB_SLOT_CALLER];
    /* A receive deletes an unsaved reply cap first, so the slot is empty. */
    kassert(cap_is_null(slot->cap));
    trace_cause = TRACE_CAUSE_TRANSFER;
    cdt_insert(cap_reply(caller, false, receiver_can_grant), &caller->slots[TCB_SLOT_REPLY], slot,
               false);
    thread_set_state(caller, THREAD_BLOCKED_ON_REPLY);
}

void reply_send(tcb_t *replier, cte_t *slot)
{
    tcb_t *caller = cap_ptr(slot->cap);
    bool restart = true;
    kassert(caller->state == THREAD_BLOCKED_ON_REPLY);
    if (caller->ipc.is_fault)
        restart = fault_reply(caller, replier); /* a handler's answer to a fault */
    else
        message_transfer(replier, caller, 0, reply_can_grant(slot->cap), 0);
    trace_reply(replier, caller);
    trace_cause = TRACE_CAUSE_DELETE;
    cdt_delete(slot, false);
    thread_set_state(caller, restart ? THREAD_RUNNING : THREAD_INACTIVE);
}

void reply_cancel(tcb_t *caller)
{
    cte_t *slot = reply_slot_of(caller);
    if (slot) {
        trace_cause = TRACE_CAUSE_DELETE;
        cdt_delete(slot, false);
    }
}

void reply_drop_unsaved(tcb_t *t)
{
    cte_t *slot = &t->slots[TCB_SLOT_CALLER];
    if (!cap_is_null(slot->cap)) {
        trace_cause = TRACE_CAUSE_DELETE;
        cdt_delete(slot, false);
    }
}

seL4_Error decode_reply(invocation_t *inv)
{
    /* A master cap is never in a CSpace: only reply caps for a waiting caller are. */
    return reply_is_master(inv->cap) ? seL4_IllegalOperation : seL4_NoError;
}

invoke_status_t invoke_reply(invocation_t *inv)
{
    reply_send(inv->caller, inv->slot);
    return INVOKE_DONE;
}
