/*
 * kernel/invocation.h - one invocation of a kernel object through seL4_Call or
 * seL4_Send: the message registers and extra caps it carries, and the reply the
 * kernel sends back (spec 7). Each object type's file has a decode_X() that only
 * checks an invocation_t (and fills its X_op_t, or returns an error with the
 * error's reply words set through inv_* helpers) and an invoke_X() that performs
 * it and cannot fail; object.c dispatches both on the cap type.
 * Partners: invocation.c, object.h (the dispatcher), syscall.c (the caller).
 */
#ifndef KERNEL_INVOCATION_H
#define KERNEL_INVOCATION_H

#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/ipcbuffer.h>

#include "cspace.h"
#include "thread.h"

#define INV_MAX_REPLY 20

typedef struct invocation {
    tcb_t *caller;
    cte_t *slot;     /* the invoked cap's slot */
    cap_t cap;
    uint32_t label;
    uint32_t length; /* message words available */
    unsigned extra_count;
    cte_t *extra_slot[seL4_MsgMaxExtraCaps];
    seL4_IPCBuffer *buffer; /* the caller's IPC buffer, or NULL */
    bool call;              /* made with Call (a reply is wanted) */
    bool blocking;          /* Call or Send, not NBSend */
    uint32_t reply[INV_MAX_REPLY];
    uint32_t reply_length;
} invocation_t;

/* What performing an invocation did. */
typedef enum invoke_status {
    INVOKE_DONE,
    INVOKE_PREEMPTED, /* stopped at a preemption point: the caller re-executes its svc */
} invoke_status_t;

/*
 * Starts an invocation of the cap in `slot` by `caller`: the message info and the
 * IPC buffer are read from the caller's registers; the extra caps are not looked
 * up yet (extra_count says how many the message names, invocation_extra_cptr
 * which). The syscall layer looks them up and fills extra_slot.
 */
void invocation_init(invocation_t *inv, tcb_t *caller, cte_t *slot);
/* The address of extra cap i, as the caller's IPC buffer gives it. */
uint32_t invocation_extra_cptr(const invocation_t *inv, unsigned i);
/* Writes the kernel's reply (error or success words) into the caller's registers
 * and IPC buffer (spec 7). */
void invocation_reply(invocation_t *inv, seL4_Error err);

/* Message register i of the invocation (0 beyond the message). */
uint32_t inv_mr(const invocation_t *inv, unsigned i);
/* Extra cap i (a null cap if absent). */
static inline cap_t inv_extra_cap(const invocation_t *inv, unsigned i)
{
    return i < inv->extra_count && inv->extra_slot[i] ? inv->extra_slot[i]->cap : cap_null();
}

/* Error details, returning the error so decode code can `return inv_...(...)`. */
seL4_Error inv_invalid_argument(invocation_t *inv, uint32_t which);
seL4_Error inv_invalid_capability(invocation_t *inv, uint32_t which);
seL4_Error inv_range_error(invocation_t *inv, uint32_t min, uint32_t max);
seL4_Error inv_failed_lookup(invocation_t *inv, bool source, const lookup_fault_t *fault);
seL4_Error inv_not_enough_memory(invocation_t *inv, uint32_t free_bytes);
/* Appends a result word to a successful reply (invoke steps that return values). */
void inv_reply_word(invocation_t *inv, uint32_t value);

#endif
