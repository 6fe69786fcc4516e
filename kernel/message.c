/*
 * kernel/message.c - message transfer between two threads (spec 4.4). The length
 * is clamped to seL4_MsgMaxLength, and to the four message registers when either
 * side has no IPC buffer (the receiver's must be writable). Caps are not
 * transferred yet: the receiver always sees extraCaps = 0. Partners: message.h.
 */
#include "message.h"

#include <sel4/messageinfo.h>

void message_transfer(tcb_t *sender, tcb_t *receiver, uint32_t badge)
{
    seL4_MessageInfo_t info = {{arch_get_msg_info(&sender->context)}};
    uint32_t length = seL4_MessageInfo_get_length(info);
    const seL4_IPCBuffer *from = thread_ipc_buffer(sender, false);
    seL4_IPCBuffer *to = thread_ipc_buffer(receiver, true);
    if (length > seL4_MsgMaxLength)
        length = seL4_MsgMaxLength;
    if ((!from || !to) && length > ARCH_MSG_REGISTERS)
        length = ARCH_MSG_REGISTERS;
    for (uint32_t i = 0; i < length; i++) {
        if (i < ARCH_MSG_REGISTERS)
            arch_set_mr(&receiver->context, i, arch_get_mr(&sender->context, i));
        else
            to->msg[i] = from->msg[i];
    }
    seL4_MessageInfo_t out = seL4_MessageInfo_new(seL4_MessageInfo_get_label(info), 0, 0, length);
    arch_set_msg_info(&receiver->context, out.words[0]);
    arch_set_badge_register(&receiver->context, badge);
}
