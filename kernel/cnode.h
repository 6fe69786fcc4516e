/*
 * kernel/cnode.h - capability slots, CNodes and CSpace addressing. A slot (CTE)
 * is 16 bytes: the cap, and the two links of the capability derivation tree
 * (CDT), kept as one list in which every cap's descendants follow it. The
 * revocable and first-badged flags ride in the low bits of the `next` link.
 * Partners: cnode.c (lookup, CNode invocations), cdt.c (the tree).
 */
#ifndef KERNEL_CNODE_H
#define KERNEL_CNODE_H

#include <sel4/constants.h>

#include "cap.h"

typedef struct cte {
    cap_t cap;
    uint32_t prev; /* address of the previous slot in CDT order, 0 if none */
    uint32_t next; /* address of the next slot | MDB_REVOCABLE | MDB_FIRST_BADGED */
} cte_t;

_Static_assert(sizeof(cte_t) == (1u << seL4_SlotBits), "a slot is 16 bytes, as in seL4");

#define MDB_REVOCABLE 0x1u
#define MDB_FIRST_BADGED 0x2u
#define MDB_FLAGS 0xFu

static inline cte_t *mdb_prev(const cte_t *s) { return (cte_t *)(uintptr_t)s->prev; }
static inline cte_t *mdb_next(const cte_t *s) { return (cte_t *)(uintptr_t)(s->next & ~MDB_FLAGS); }
static inline bool mdb_revocable(const cte_t *s) { return s->next & MDB_REVOCABLE; }
static inline bool mdb_first_badged(const cte_t *s) { return s->next & MDB_FIRST_BADGED; }
static inline void mdb_set_prev(cte_t *s, cte_t *p) { s->prev = (uint32_t)(uintptr_t)p; }
static inline void mdb_set_next(cte_t *s, cte_t *n)
{
    s->next = (uint32_t)(uintptr_t)n | (s->next & MDB_FLAGS);
}
static inline void mdb_set_flags(cte_t *s, bool revocable, bool first_badged)
{
    s->next = (s->next & ~MDB_FLAGS) | (revocable ? MDB_REVOCABLE : 0) |
              (first_badged ? MDB_FIRST_BADGED : 0);
}

static inline cte_t *cnode_slots(cap_t cnode) { return (cte_t *)cap_ptr(cnode); }

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
/* A system call's lookup: 32 bits, leftover bits accepted. */
bool cspace_lookup_slot(cap_t root, uint32_t cptr, cte_t **slot, lookup_fault_t *fault);
/*
 * A CNode-argument lookup (index + depth): 1 <= depth <= 32 (else RangeError),
 * root must be a CNode, and exactly `depth` bits must be used (else FailedLookup).
 * Returns the error; on FailedLookup *fault says why.
 */
seL4_Error cspace_lookup_target(cap_t root, uint32_t index, unsigned depth, cte_t **slot,
                                lookup_fault_t *fault);

/* The CDT (cdt.c). */
bool cdt_is_parent(const cte_t *parent, const cte_t *child);
bool cdt_has_children(const cte_t *slot);
/* Puts `cap` in the empty `dest` as a CDT child or sibling of `src` (spec 5.4). */
void cdt_insert(cap_t cap, cte_t *src, cte_t *dest, bool revocable);
/* Moves src's cap into the empty dest, keeping its CDT position and flags. */
void cdt_move(cap_t cap, cte_t *src, cte_t *dest);
/* Exchanges two slots' caps and CDT positions (Rotate with dest = src). */
void cdt_swap(cap_t cap1, cte_t *slot1, cap_t cap2, cte_t *slot2);
/*
 * Deletes the cap in slot; destroys the object when it was the last cap to it.
 * With `preemptible`, returns false when it stopped at a preemption point (an
 * interrupt is pending) with work left: the state is consistent and the same
 * call, made again, carries on. Without, it always finishes and returns true.
 */
bool cdt_delete(cte_t *slot, bool preemptible);
/* Deletes every CDT descendant of the cap in slot (the cap itself stays);
 * preemptible as cdt_delete. */
bool cdt_revoke(cte_t *slot, bool preemptible);
/* Whether no other cap names slot's object (deleting it destroys the object). */
bool cdt_is_final(const cte_t *slot);

#endif
