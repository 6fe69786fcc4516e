/*
 * kernel/object.h - kernel objects as a whole: their sizes, making them out of
 * untyped memory, destroying them when their last cap goes, and the one
 * dispatcher of invocations on the cap type (decode, then invoke), which the
 * system call path and the host unit tests both use.
 * Partners: object.c, untyped.h, cnode.h, tcb.h, domain.h, cdt.c.
 */
#ifndef KERNEL_OBJECT_H
#define KERNEL_OBJECT_H

#include "cnode.h"
#include "domain.h"
#include "endpoint.h"
#include "irq.h"
#include "notification.h"
#include "reply.h"
#include "tcb.h"
#include "untyped.h"
#include "vspace.h"

/* log2 of the size of an object of seL4 type `type` with `size_bits`. */
unsigned object_size_bits(uint32_t type, uint32_t size_bits);
/* Makes a zeroed object at physical `paddr` (carved from the untyped in `untyped`,
 * for the trace) and returns its original cap. */
cap_t object_create(uint32_t type, uint32_t size_bits, uint32_t paddr, bool device,
                    const cte_t *untyped);
/* The slots a CNode or TCB object holds (NULL, *count = 0 for other objects). */
cte_t *object_slots(cap_t cap, uint32_t *count);
/* Called before the slots of a CNode or TCB whose last cap is being deleted are
 * emptied: a thread stops and leaves any IPC first (as seL4's finalisation does). */
void object_prepare_delete(cap_t cap);
/* Called after a cap was removed from `slot`: a frame cap's mapping goes with it;
 * if it was the last cap to its object (final), what refers to the object is
 * undone (queued threads released, a page directory's ASID freed, ...). */
void object_cap_deleted(const cte_t *slot, cap_t cap, bool final);
/* Whether object_cap_deleted has anything to do: only for a final cap or a frame
 * (each frame cap holds its own mapping). Inline: most deletions need nothing. */
static inline bool object_cap_deleted_matters(cap_t cap, bool final)
{
    return final || cap_type(cap) == CAP_FRAME;
}
/* True when an interrupt is waiting: long operations stop here and restart later. */
bool preemption_point(void);

/* A checked invocation of any object type: which member is used is inv->cap's type. */
typedef union object_op {
    untyped_op_t untyped;
    cnode_op_t cnode;
    tcb_op_t tcb;
    domain_op_t domain;
    endpoint_op_t endpoint;
    notification_op_t notification;
    irq_op_t irq;
    vspace_op_t vspace;
} object_op_t;

/* Checks an invocation of inv->cap and fills *op; changes nothing. Returns the
 * error (its reply words in inv->reply) or seL4_NoError. */
seL4_Error object_decode(invocation_t *inv, object_op_t *op);
/* Performs an invocation that object_decode accepted; cannot fail, but a long
 * one can stop at a preemption point (INVOKE_PREEMPTED), to be made again. */
invoke_status_t object_invoke(invocation_t *inv, const object_op_t *op);

#endif
