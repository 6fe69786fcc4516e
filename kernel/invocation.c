/*
 * kernel/invocation.c - the message of an invocation (its label, length, message
 * registers and extra cap addresses) read from the caller, and the kernel's reply
 * written back into the caller's registers and IPC buffer (spec 3.2, 4.2, 7).
 * Partners: invocation.h, object.c (dispatch), syscall.c.
 */
#include "invocation.h"

#include <sel4/messageinfo.h>

#include "arch.h"

void invocation_init(invocation_t *inv, tcb_t *caller, cte_t *slot)
{
    seL4_MessageInfo_t info = {{arch_get_msg_info(&caller->context)}};
    inv->caller = caller;
    inv->slot = slot;
    inv->cap = slot->cap;
    inv->label = seL4_MessageInfo_get_label(info);
    inv->length = seL4_MessageInfo_get_length(info);
    /* The buffer matters only for words past the registers and for extra caps. */
    bool need_buffer = inv->length > ARCH_MSG_REGISTERS || seL4_MessageInfo_get_extraCaps(info);
    inv->buffer = need_buffer ? thread_ipc_buffer(caller, false) : NULL;
    inv->call = false;
    inv->blocking = true;
    inv->reply_length = 0;
    if (inv->length > seL4_MsgMaxLength)
        inv->length = seL4_MsgMaxLength;
    if (!inv->buffer && inv->length > ARCH_MSG_REGISTERS)
        inv->length = ARCH_MSG_REGISTERS;
    /* Extra caps travel in the IPC buffer: without one there are none. */
    inv->extra_count = inv->buffer ? seL4_MessageInfo_get_extraCaps(info) : 0;
    for (unsigned i = 0; i < seL4_MsgMaxExtraCaps; i++)
        inv->extra_slot[i] = NULL;
}

uint32_t invocation_extra_cptr(const invocation_t *inv, unsigned i)
{
    return inv->buffer->caps_or_badges[i];
}

uint32_t inv_mr(const invocation_t *inv, unsigned i)
{
    if (i >= inv->length)
        return 0;
    if (i < ARCH_MSG_REGISTERS)
        return arch_get_mr(&inv->caller->context, i);
    return inv->buffer ? inv->buffer->msg[i] : 0;
}

seL4_Error inv_invalid_argument(invocation_t *inv, uint32_t which)
{
    inv->reply[0] = which;
    inv->reply_length = 1;
    return seL4_InvalidArgument;
}

seL4_Error inv_invalid_capability(invocation_t *inv, uint32_t which)
{
    inv->reply[0] = which;
    inv->reply_length = 1;
    return seL4_InvalidCapability;
}

seL4_Error inv_range_error(invocation_t *inv, uint32_t min, uint32_t max)
{
    inv->reply[0] = min;
    inv->reply[1] = max;
    inv->reply_length = 2;
    return seL4_RangeError;
}

seL4_Error inv_failed_lookup(invocation_t *inv, bool source, const lookup_fault_t *f)
{
    inv->reply[0] = source;
    inv->reply[1] = f->type;
    inv->reply_length = 2;
    if (f->type == LOOKUP_MISSING_CAPABILITY) {
        inv->reply[inv->reply_length++] = f->bits_left;
    } else if (f->type == LOOKUP_DEPTH_MISMATCH) {
        inv->reply[inv->reply_length++] = f->bits_left;
        inv->reply[inv->reply_length++] = f->bits_found;
    } else if (f->type == LOOKUP_GUARD_MISMATCH) {
        inv->reply[inv->reply_length++] = f->bits_left;
        inv->reply[inv->reply_length++] = f->bits_found;
        inv->reply[inv->reply_length++] = f->guard_size;
    }
    return seL4_FailedLookup;
}

seL4_Error inv_not_enough_memory(invocation_t *inv, uint32_t free_bytes)
{
    inv->reply[0] = free_bytes;
    inv->reply_length = 1;
    return seL4_NotEnoughMemory;
}

void inv_reply_word(invocation_t *inv, uint32_t value)
{
    kassert(inv->reply_length < INV_MAX_REPLY);
    inv->reply[inv->reply_length++] = value;
}

void invocation_reply(invocation_t *inv, seL4_Error err)
{
    arch_context_t *ctx = &inv->caller->context;
    /* Result words beyond MR3 need a buffer the kernel may write. */
    if (inv->reply_length > ARCH_MSG_REGISTERS)
        inv->buffer = thread_ipc_buffer(inv->caller, true);
    uint32_t len = inv->reply_length; /* an error without details has none */
    if (!inv->buffer && len > ARCH_MSG_REGISTERS)
        len = ARCH_MSG_REGISTERS;
    for (uint32_t i = 0; i < len; i++) {
        if (i < ARCH_MSG_REGISTERS)
            arch_set_mr(ctx, i, inv->reply[i]);
        else
            inv->buffer->msg[i] = inv->reply[i];
    }
    arch_set_badge_register(ctx, 0); /* kernel replies carry no badge */
    arch_set_msg_info(ctx, seL4_MessageInfo_new((uint32_t)err, 0, 0, len).words[0]);
}
