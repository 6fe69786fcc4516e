/*
 * kernel/slot.h - a capability slot (seL4's CTE): 16 bytes holding the cap and the
 * two links of the capability derivation tree (CDT), kept as one list in which
 * every cap's descendants follow it. The revocable and first-badged flags ride in
 * the low bits of the `next` link. Partners: cdt.h (the tree), cspace.h (finding a
 * slot), cnode.h (CNodes are arrays of slots).
 */
#ifndef KERNEL_SLOT_H
#define KERNEL_SLOT_H

#include <sel4/constants.h>

#include "cap.h"

/* 16-byte aligned wherever it is (a CNode, a TCB, the kernel's IRQ table, a stack
 * temporary): the low four bits of a link to it carry the flags below. */
typedef struct cte {
    cap_t cap;
    uint32_t prev; /* address of the previous slot in CDT order, 0 if none */
    uint32_t next; /* address of the next slot | MDB_REVOCABLE | MDB_FIRST_BADGED */
} __attribute__((aligned(16))) cte_t;

_Static_assert(sizeof(cte_t) == (1u << seL4_SlotBits), "a slot is 16 bytes, as in seL4");
_Static_assert(_Alignof(cte_t) == 16, "CDT links keep flags in their low four bits");

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

/* Sets the next link and both flags at once (a link written whole). The flags are
 * added, not or-ed, to the 16-byte aligned address (the same value): GCC folds an
 * addition into the slot's own address arithmetic, one instruction less. */
static inline void mdb_set_next_and_flags(cte_t *s, cte_t *n, bool revocable, bool first_badged)
{
    s->next = (uint32_t)(uintptr_t)n + (revocable ? MDB_REVOCABLE : 0) +
              (first_badged ? MDB_FIRST_BADGED : 0);
}

/* The slots of the CNode a CNode cap names. */
static inline cte_t *cnode_slots(cap_t cnode) { return (cte_t *)cap_ptr(cnode); }

#endif
