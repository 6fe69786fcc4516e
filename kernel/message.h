/*
 * kernel/message.h - moving a message from one thread to another (spec 4.4): the
 * message info, MR0-MR3 register to register, the rest IPC buffer to IPC buffer,
 * the badge, and with Grant the extra caps. Used by endpoint IPC and replies. Partners: message.c,
 * endpoint.c, reply.c.
 */
#ifndef KERNEL_MESSAGE_H
#define KERNEL_MESSAGE_H

#include "thread.h"

/*
 * Copies sender's outgoing message (its message info and MRs, still in its saved
 * registers and IPC buffer) to the receiver, whose badge register gets `badge`.
 * With `can_grant` the extra caps go too; a cap to the endpoint at address `ep`
 * (0: none, as for replies) is unwrapped into its badge.
 */
void message_transfer(tcb_t *sender, tcb_t *receiver, uint32_t badge, bool can_grant, uint32_t ep);

#endif
