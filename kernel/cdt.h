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
    cte_t *after = mdb_next(src);
    dest->cap = cap;
    dest->prev = 0;
    dest->next = 0;
    mdb_set_prev(dest, src);
    mdb_set_next(dest, after);
    mdb_set_flags(dest, revocable, first_badged);
    if (after)
        mdb_set_prev(after, dest);
    mdb_set_next(src, dest);
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
    cte_t *prev = mdb_prev(slot), *next = mdb_next(slot);
    if (prev)
        mdb_set_next(prev, next);
    if (next) {
        mdb_set_prev(next, prev);
        if (mdb_first_badged(slot))
            mdb_set_flags(next, mdb_revocable(next), true);
        invariants_note_slot(next);
    }
    if (prev)
        invariants_note_slot(prev);
    *slot = (cte_t){cap_null(), 0, 0};
    invariants_note_slot(slot);
}
/* Whether no other cap names slot's object (deleting it destroys the object). */
bool cdt_is_final(const cte_t *slot);

#endif
