/*
 * kernel/message.h - moving a message from one thread to another (spec 4.4): the
 * message info, MR0-MR3 register to register, the rest IPC buffer to IPC buffer,
 * the badge, and with Grant the extra caps. Used by endpoint IPC and replies. Partners: message.c,
 * endpoint.c, reply.c.
 */
#ifndef KERNEL_MESSAGE_H
#define KERNEL_MESSAGE_H

#include "thread.h"

#include <sel4/messageinfo.h>

/* The part of every transfer that lives in registers: the first `length` message
 * words (length <= ARCH_MSG_REGISTERS), then the receiver's message info (label from
 * `info`) and badge. Inline: the IPC fastpath uses it too. */
static inline void message_copy_registers(tcb_t *from, tcb_t *to, uint32_t length,
                                          seL4_MessageInfo_t out, uint32_t badge)
{
    for (uint32_t i = 0; i < length; i++)
        arch_set_mr(&to->context, i, arch_get_mr(&from->context, i));
    arch_set_msg_info(&to->context, out.words[0]);
    arch_set_badge_register(&to->context, badge);
}

/*
 * Copies sender's outgoing message (its message info and MRs, still in its saved
 * registers and IPC buffer) to the receiver, whose badge register gets `badge`.
 * With `can_grant` the extra caps go too; a cap to the endpoint at address `ep`
 * (0: none, as for replies) is unwrapped into its badge.
 */
void message_transfer(tcb_t *sender, tcb_t *receiver, uint32_t badge, bool can_grant, uint32_t ep);

#endif
