/*
 * kernel/invocation.c - turning a Call or Send on a kernel object into an
 * invocation_t, dispatching it on the cap's type, and writing the reply into the
 * caller's registers and IPC buffer (spec 3.2, 4.2, 7). Partner: invocation.h.
 */
#include "invocation.h"

#include <sel4/messageinfo.h>

#include "arch.h"

/* IPC buffer word offsets (spec 4.2). */
#define IPCBUF_MSG 1
#define IPCBUF_CAPS 122
#define FAST_MRS 4
#define CONTEXT_MR0 2 /* MR0-MR3 travel in r2-r5 */

/* Message-info fields (spec 4.1). */
#define INFO_LENGTH(i) ((i) & 0x7Fu)
#define INFO_EXTRA_CAPS(i) (((i) >> 7) & 0x3u)
#define INFO_LABEL(i) ((i) >> 12)
#define INFO_MAKE(label, length) (((label) << 12) | ((length) & 0x7Fu))

uint32_t inv_mr(const invocation_t *inv, unsigned i)
{
    if (i >= inv->length)
        return 0;
    if (i < FAST_MRS)
        return inv->caller->context.r[CONTEXT_MR0 + i];
    return inv->buffer ? inv->buffer[IPCBUF_MSG + i] : 0;
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

/* The caller's IPC buffer as a kernel pointer, if it has one mapped. */
static uint32_t *ipc_buffer(tcb_t *t)
{
    cap_t vs = t->slots[TCB_SLOT_VSPACE].cap;
    if (!t->ipc_buffer || cap_type(vs) != CAP_PAGE_DIRECTORY)
        return NULL;
    return (uint32_t *)arch_vspace_kernel_ptr(cap_ptr(vs), t->ipc_buffer);
}

static seL4_Error dispatch(invocation_t *inv)
{
    switch (cap_type(inv->cap)) {
    case CAP_NULL: return inv_invalid_capability(inv, 0);
    case CAP_UNTYPED: return decode_untyped(inv);
    case CAP_CNODE: return decode_cnode(inv);
    case CAP_THREAD: return decode_tcb(inv);
    case CAP_DOMAIN: return decode_domain(inv);
    default:
        kprintf("numbat: invocations of %s caps are not implemented yet\n",
                cap_type_name(cap_type(inv->cap)));
        return seL4_IllegalOperation;
    }
}

static void write_reply(invocation_t *inv, seL4_Error err)
{
    arch_context_t *ctx = &inv->caller->context;
    uint32_t len = err == seL4_NoError || inv->reply_length ? inv->reply_length : 0;
    if (!inv->buffer && len > FAST_MRS)
        len = FAST_MRS;
    for (uint32_t i = 0; i < len; i++) {
        if (i < FAST_MRS)
            ctx->r[CONTEXT_MR0 + i] = inv->reply[i];
        else
            inv->buffer[IPCBUF_MSG + i] = inv->reply[i];
    }
    ctx->r[0] = 0; /* badge: none for kernel replies */
    ctx->r[1] = INFO_MAKE((uint32_t)err, len);
}

invoke_result_t invoke_object(bool call, lookup_fault_t *fault, uint32_t *failed_cptr)
{
    tcb_t *t = current_thread;
    uint32_t info = t->context.r[1];
    invocation_t inv = {.caller = t, .label = INFO_LABEL(info), .length = INFO_LENGTH(info)};
    cap_t cspace = thread_cspace(t);
    inv.buffer = ipc_buffer(t);
    if (inv.length > seL4_MsgMaxLength)
        inv.length = seL4_MsgMaxLength;
    if (!inv.buffer && inv.length > FAST_MRS)
        inv.length = FAST_MRS;
    *failed_cptr = t->context.r[0];
    if (!cspace_lookup_slot(cspace, t->context.r[0], &inv.slot, fault))
        return INVOKE_LOOKUP_FAILED;
    inv.cap = inv.slot->cap;
    inv.extra_count = inv.buffer ? INFO_EXTRA_CAPS(info) : 0;
    for (unsigned i = 0; i < inv.extra_count; i++) {
        *failed_cptr = inv.buffer[IPCBUF_CAPS + i];
        if (!cspace_lookup_slot(cspace, *failed_cptr, &inv.extra_slot[i], fault))
            return INVOKE_LOOKUP_FAILED;
    }
    seL4_Error err = dispatch(&inv);
    if (err == INV_PREEMPTED)
        return INVOKE_PREEMPTED;
    /* The caller may have deleted or suspended itself; a reply then goes nowhere. */
    if (call && current_thread == t && t->state == THREAD_RUNNING)
        write_reply(&inv, err);
    return INVOKE_DONE;
}
