/*
 * kernel/message.c - message transfer between two threads (spec 4.4). The length
 * is clamped to seL4_MsgMaxLength, and to the four message registers when either
 * side has no IPC buffer (the receiver's must be writable). With Grant, the
 * sender's extra caps go along: a cap to the endpoint the message travels through
 * is unwrapped into its badge, any other is copied into the receiver's one receive
 * slot. Partners: message.h, cspace.c, cdt.c.
 */
#include "message.h"

#include <sel4/messageinfo.h>

#include "cdt.h"
#include "cspace.h"
#include "trace.h"

/* The empty slot the receiver's IPC buffer names for a received cap, or NULL. */
static cte_t *receive_slot(tcb_t *receiver, const seL4_IPCBuffer *buf)
{
    cte_t *cnode_slot, *slot;
    lookup_fault_t f;
    if (!cspace_lookup_slot(thread_cspace(receiver), buf->receiveCNode, &cnode_slot, &f) ||
        cap_type(cnode_slot->cap) != CAP_CNODE)
        return NULL;
    if (cspace_lookup_target(cnode_slot->cap, buf->receiveIndex, buf->receiveDepth, &slot,
                             &f) != seL4_NoError)
        return NULL;
    return cap_is_null(slot->cap) ? slot : NULL;
}

/* Looks up the sender's extra caps; false if any lookup fails (then none go). */
static bool lookup_extra(tcb_t *sender, const seL4_IPCBuffer *buf, unsigned count, cte_t **slots)
{
    lookup_fault_t f;
    for (unsigned i = 0; i < count; i++)
        if (!cspace_lookup_slot(thread_cspace(sender), buf->caps_or_badges[i], &slots[i], &f))
            return false;
    return true;
}

/*
 * Moves the extra caps; returns how many were processed, with *unwrapped the mask
 * of those unwrapped into badges. Processing stops silently at the first cap that
 * cannot be derived or placed (spec 4.4).
 */
static unsigned transfer_caps(tcb_t *sender, const seL4_IPCBuffer *from, unsigned count,
                              tcb_t *receiver, seL4_IPCBuffer *to, uint32_t ep, uint32_t *unwrapped)
{
    cte_t *src[seL4_MsgMaxExtraCaps];
    cte_t *dest = receive_slot(receiver, to);
    unsigned done = 0;
    *unwrapped = 0;
    if (!lookup_extra(sender, from, count, src))
        return 0;
    for (; done < count; done++) {
        cap_t cap = src[done]->cap, derived;
        if (ep && cap_type(cap) == CAP_ENDPOINT && cap_object(cap) == ep) {
            to->caps_or_badges[done] = cap_badge(cap);
            *unwrapped |= 1u << done;
            continue;
        }
        if (!dest || cap_is_null(cap) ||
            cap_derive(cap, cdt_has_children(src[done]), &derived) != seL4_NoError)
            break;
        trace_cause = TRACE_CAUSE_TRANSFER;
        cdt_insert(derived, src[done], dest, cap_is_revocable_copy(derived, cap));
        dest = NULL; /* one receive slot per message */
    }
    return done;
}

void message_transfer(tcb_t *sender, tcb_t *receiver, uint32_t badge, bool can_grant, uint32_t ep)
{
    seL4_MessageInfo_t info = {{arch_get_msg_info(&sender->context)}};
    uint32_t length = seL4_MessageInfo_get_length(info);
    /* The buffers matter only for words past the registers and for caps. */
    bool buffers = length > ARCH_MSG_REGISTERS || (can_grant && seL4_MessageInfo_get_extraCaps(info));
    const seL4_IPCBuffer *from = buffers ? thread_ipc_buffer(sender, false) : NULL;
    seL4_IPCBuffer *to = buffers ? thread_ipc_buffer(receiver, true) : NULL;
    unsigned caps = 0;
    uint32_t unwrapped = 0;
    if (length > seL4_MsgMaxLength)
        length = seL4_MsgMaxLength;
    if ((!from || !to) && length > ARCH_MSG_REGISTERS)
        length = ARCH_MSG_REGISTERS;
    for (uint32_t i = ARCH_MSG_REGISTERS; i < length; i++)
        to->msg[i] = from->msg[i];
    if (can_grant && from && to && seL4_MessageInfo_get_extraCaps(info) > 0)
        caps = transfer_caps(sender, from, seL4_MessageInfo_get_extraCaps(info), receiver, to, ep,
                             &unwrapped);
    seL4_MessageInfo_t out =
        seL4_MessageInfo_new(seL4_MessageInfo_get_label(info), unwrapped, caps, length);
    uint32_t in_registers = length < ARCH_MSG_REGISTERS ? length : ARCH_MSG_REGISTERS;
    message_copy_registers(sender, receiver, in_registers, out, badge);
}
