/*
 * kernel/reply.h - reply caps the non-MCS way (spec 11.6). Every TCB holds a
 * master reply cap naming itself; when its Call is delivered, the receiver gets a
 * one-shot reply cap (a CDT child of that master) in its caller slot, and the
 * caller waits for the reply. Reply, ReplyRecv, or an invocation of a reply cap
 * saved with CNode_SaveCaller, sends the reply and uses the cap up.
 * Partners: reply.c, endpoint.c, syscall.c, cnode.c (SaveCaller).
 */
#ifndef KERNEL_REPLY_H
#define KERNEL_REPLY_H

#include "invocation.h"

/* Gives a new TCB its master reply cap. */
void reply_make_master(tcb_t *t);
/*
 * caller's Call (sent with `wait.can_grant`/`can_grant_reply`) reached receiver,
 * which received with Grant or not: with either grant right on the caller's cap
 * the receiver gets a reply cap and the caller waits for it; without, the caller
 * becomes inactive (spec 11.6).
 */
void reply_setup(tcb_t *caller, const ipc_wait_t *wait, tcb_t *receiver, bool receiver_can_grant);
/* Replies through the reply cap in `slot` (which names a waiting caller): the
 * replier's message goes to the caller with badge 0, the caller runs again, and
 * the cap is deleted. */
void reply_send(tcb_t *replier, cte_t *slot);
/* The reply cap a thread is waiting on (it is BLOCKED_ON_REPLY) is deleted. */
void reply_cancel(tcb_t *caller);
/* A receive on an endpoint first deletes the reply cap t got and did not save. */
void reply_drop_unsaved(tcb_t *t);

/* Invoking a saved reply cap (Send, NBSend or Call on it) replies; never blocks. */
seL4_Error decode_reply(invocation_t *inv);
invoke_status_t invoke_reply(invocation_t *inv);

#endif
