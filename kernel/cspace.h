/*
 * kernel/cspace.h - CSpace addressing with seL4's guarded CNodes (spec 5.3): from a
 * root CNode cap and a capability address to a slot, or the reason it failed, in
 * the form seL4 reports it (spec 9.2). Partners: cspace.c, slot.h.
 */
#ifndef KERNEL_CSPACE_H
#define KERNEL_CSPACE_H

#include <sel4/errors.h>

#include "slot.h"

/* Why a lookup failed: seL4_LookupFailureType and its details (spec 5.3, 9.2). */
typedef struct lookup_fault {
    uint32_t type;      /* seL4_InvalidRoot, _MissingCapability, _DepthMismatch, _GuardMismatch */
    uint32_t bits_left;
    uint32_t bits_found; /* DepthMismatch: bits found; GuardMismatch: the guard found */
    uint32_t guard_size; /* GuardMismatch */
} lookup_fault_t;

enum lookup_failure {
    LOOKUP_NO_FAILURE = 0,
    LOOKUP_INVALID_ROOT = 1,
    LOOKUP_MISSING_CAPABILITY = 2,
    LOOKUP_DEPTH_MISMATCH = 3,
    LOOKUP_GUARD_MISMATCH = 4,
};

/*
 * Resolves `depth` bits of cptr from `root` (spec 5.3). On success *slot is the
 * slot reached and *bits_left how many bits were not used (a non-CNode cap stops
 * the walk early). Returns false and fills *fault otherwise.
 */
bool cspace_resolve(cap_t root, uint32_t cptr, unsigned depth, cte_t **slot, unsigned *bits_left,
                    lookup_fault_t *fault);
/* A system call's lookup through cspace_resolve: 32 bits, leftover bits accepted. */
bool cspace_lookup_walk(cap_t root, uint32_t cptr, cte_t **slot, lookup_fault_t *fault);
/* The same, with the common case inline: one CNode whose guard and radix use all 32
 * bits (the root task's CSpace) gives the same answer in a few instructions. */
static inline __attribute__((always_inline)) bool cspace_lookup_slot(cap_t root, uint32_t cptr,
                                                               cte_t **slot, lookup_fault_t *fault)
{
    unsigned radix = cnode_radix(root);
    if (cap_type(root) == CAP_CNODE && radix > 0 && cnode_guard_size(root) + radix == 32 &&
        (cptr >> radix) == cnode_guard(root)) {
        *slot = &cnode_slots(root)[cptr & ((1u << radix) - 1)];
        return true;
    }
    return cspace_lookup_walk(root, cptr, slot, fault);
}
/*
 * A CNode-argument lookup (index + depth): 1 <= depth <= 32 (else RangeError),
 * root must be a CNode, and exactly `depth` bits must be used (else FailedLookup).
 * Returns the error; on FailedLookup *fault says why.
 */
seL4_Error cspace_lookup_target(cap_t root, uint32_t index, unsigned depth, cte_t **slot,
                                lookup_fault_t *fault);

#endif
