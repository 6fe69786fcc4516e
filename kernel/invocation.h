/*
 * kernel/invocation.h - one invocation of a kernel object through seL4_Call or
 * seL4_Send: the message registers and extra caps it carries, and the reply the
 * kernel sends back (spec 7). Every decode_* function takes an invocation_t,
 * checks it without changing anything, and either returns an error (with the
 * error's reply words set through inv_* helpers) or performs it and returns
 * seL4_NoError. Partners: invocation.c, untyped.c, cnode_ops.c, tcb.c.
 */
#ifndef KERNEL_INVOCATION_H
#define KERNEL_INVOCATION_H

#include <sel4/errors.h>

#include "cnode.h"
#include "thread.h"

#define INV_MAX_REPLY 20

typedef struct invocation {
    tcb_t *caller;
    cte_t *slot;     /* the invoked cap's slot */
    cap_t cap;
    uint32_t label;
    uint32_t length; /* message words available */
    unsigned extra_count;
    cte_t *extra_slot[3];
    uint32_t *buffer; /* the caller's IPC buffer, or NULL */
    uint32_t reply[INV_MAX_REPLY];
    uint32_t reply_length;
} invocation_t;

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
/* Appends a result word to a successful reply. */
void inv_reply_word(invocation_t *inv, uint32_t value);

/* Decoders, one per object type (each in its object's file). */
seL4_Error decode_untyped(invocation_t *inv);
seL4_Error decode_cnode(invocation_t *inv);
seL4_Error decode_tcb(invocation_t *inv);
seL4_Error decode_domain(invocation_t *inv);

/* Not an seL4 error: a decode_* result saying the operation stopped at a
 * preemption point and the system call must be made again. */
#define INV_PREEMPTED ((seL4_Error)0x100)

typedef enum invoke_result {
    INVOKE_DONE,
    INVOKE_LOOKUP_FAILED, /* *fault and *failed_cptr say which cptr and why */
    INVOKE_PREEMPTED,     /* nothing replied: the caller re-executes its svc */
} invoke_result_t;

/* Performs seL4_Call (call = true) or seL4_Send/NBSend on a kernel object for
 * the current thread, including the reply. */
invoke_result_t invoke_object(bool call, lookup_fault_t *fault, uint32_t *failed_cptr);

#endif
