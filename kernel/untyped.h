/*
 * kernel/untyped.h - the untyped object's one invocation, Untyped_Retype (spec
 * 8.2, 11.1): the only way kernel objects come to exist. Partners: untyped.c,
 * object.c (dispatch and object creation).
 */
#ifndef KERNEL_UNTYPED_H
#define KERNEL_UNTYPED_H

#include "invocation.h"

/* A checked Retype, ready to perform. */
typedef struct untyped_op {
    uint32_t type, size_bits, count;
    unsigned obj_bits; /* log2 of one object's size */
    cte_t *dest;       /* the first destination slot; count slots follow it */
    bool reset;        /* the untyped has no children: clear it and start at 0 */
    uint32_t start;    /* offset of the first object in the untyped */
} untyped_op_t;

seL4_Error decode_untyped(invocation_t *inv, untyped_op_t *op);
/* Preempted only while clearing the untyped (the reset). */
invoke_status_t invoke_untyped(invocation_t *inv, const untyped_op_t *op);

#endif
