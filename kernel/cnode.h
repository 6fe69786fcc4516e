/*
 * kernel/cnode.h - the CNode object's invocations (spec 8.4): Copy, Mint, Move,
 * Mutate, Rotate, Delete, Revoke, CancelBadgedSends, SaveCaller. A CNode is an
 * array of slots (slot.h); finding one is cspace.h's job. Partners: cnode.c,
 * object.c (dispatch), cdt.h.
 */
#ifndef KERNEL_CNODE_H
#define KERNEL_CNODE_H

#include "invocation.h"

/* A checked CNode invocation, ready to perform. */
typedef struct cnode_op {
    uint32_t label;
    cte_t *target;   /* Revoke/Delete/...: the slot; Copy..Rotate: the destination */
    cte_t *src;      /* Copy, Mint, Move, Mutate, Rotate: the source slot */
    cte_t *pivot;    /* Rotate */
    cap_t cap;       /* the cap that goes to target (Rotate: from pivot) */
    cap_t pivot_cap; /* Rotate: the cap that goes from src to pivot */
    bool revocable;  /* Copy, Mint: whether the new cap is an original */
} cnode_op_t;

seL4_Error decode_cnode(invocation_t *inv, cnode_op_t *op);
invoke_status_t invoke_cnode(invocation_t *inv, const cnode_op_t *op);

#endif
