/*
 * kernel/cdt.h - the capability derivation tree (spec 5.4): inserting, moving and
 * deleting caps in slots, revoking, and deciding parenthood and finality. The tree
 * is the list of slot.h's links. Partners: cdt.c, slot.h, object.c (what deleting
 * the last cap to an object does).
 */
#ifndef KERNEL_CDT_H
#define KERNEL_CDT_H

#include "invariants.h"
#include "slot.h"

bool cdt_is_parent(const cte_t *parent, const cte_t *child);
bool cdt_has_children(const cte_t *slot);
/* Puts an original cap with no CDT parent in the empty `slot` (boot caps, and the
 * master reply cap every TCB is made with). */
void cdt_place_original(cap_t cap, cte_t *slot);
/* Puts `cap` in the empty `dest` as a CDT child or sibling of `src` (spec 5.4). */
void cdt_insert(cap_t cap, cte_t *src, cte_t *dest, bool revocable);
/* cdt_insert's linking, with the flags given, and no trace: inline for the IPC
 * fastpath, which makes a reply cap per Call (and records no trace). */
static inline void cdt_link_after(cap_t cap, cte_t *src, cte_t *dest, bool revocable,
                                  bool first_badged)
{
    /* src's link is read once and each word written once: this is on the fastpath. */
    uint32_t src_next = src->next;
    cte_t *after = (cte_t *)(uintptr_t)(src_next & ~MDB_FLAGS);
    *dest = (cte_t){cap, (uint32_t)(uintptr_t)src,
                    (uint32_t)(uintptr_t)after | (revocable ? MDB_REVOCABLE : 0) |
                        (first_badged ? MDB_FIRST_BADGED : 0)};
    if (after)
        mdb_set_prev(after, dest);
    src->next = (uint32_t)(uintptr_t)dest | (src_next & MDB_FLAGS);
    invariants_note_slot(dest);
}
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
/* Empties the slot and unlinks it from the CDT, and nothing more: for a cap whose
 * deletion can never destroy anything (a reply cap). */
void cdt_remove(cte_t *slot);
/* cdt_remove without the trace event: inline for the IPC fastpath. A first-badged
 * flag passes on to the next slot. */
static inline void cdt_unlink(cte_t *slot)
{
    /* Each link read once, each neighbour's written once: this is on the fastpath. */
    cte_t *prev = mdb_prev(slot);
    uint32_t next_link = slot->next;
    cte_t *next = (cte_t *)(uintptr_t)(next_link & ~MDB_FLAGS);
    if (prev) {
        mdb_set_next(prev, next);
        invariants_note_slot(prev);
    }
    if (next) {
        mdb_set_prev(next, prev);
        if (next_link & MDB_FIRST_BADGED)
            next->next |= MDB_FIRST_BADGED;
        invariants_note_slot(next);
    }
    *slot = (cte_t){cap_null(), 0, 0};
    invariants_note_slot(slot);
}
/* Whether no other cap names slot's object (deleting it destroys the object). */
bool cdt_is_final(const cte_t *slot);

#endif
