/*
 * kernel/object.h - kernel objects as a whole: their sizes, making them out of
 * untyped memory, destroying them when their last cap goes, and dispatching an
 * invocation to the file of the object's type. Partners: object.c, untyped.c,
 * cnode_ops.c, tcb.c, invocation.h.
 */
#ifndef KERNEL_OBJECT_H
#define KERNEL_OBJECT_H

#include "cap.h"

/* log2 of the size of an object of seL4 type `type` with `size_bits`. */
unsigned object_size_bits(uint32_t type, uint32_t size_bits);
/* Makes a zeroed object at physical `paddr` and returns its original cap. */
cap_t object_create(uint32_t type, uint32_t size_bits, uint32_t paddr, bool device);
struct cte;
/* The slots a CNode or TCB object holds (NULL, *count = 0 for other objects). */
struct cte *object_slots(cap_t cap, uint32_t *count);
/* Called after the last cap to an object was removed: undoes what refers to it. */
void object_finalise(cap_t cap);
/* True when an interrupt is waiting: long operations stop here and restart later. */
bool preemption_point(void);

#endif
