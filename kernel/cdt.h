/*
 * kernel/cdt.h - the capability derivation tree (spec 5.4): inserting, moving and
 * deleting caps in slots, revoking, and deciding parenthood and finality. The tree
 * is the list of slot.h's links. Partners: cdt.c, slot.h, object.c (what deleting
 * the last cap to an object does).
 */
#ifndef KERNEL_CDT_H
#define KERNEL_CDT_H

#include "slot.h"

bool cdt_is_parent(const cte_t *parent, const cte_t *child);
bool cdt_has_children(const cte_t *slot);
/* Puts an original cap with no CDT parent in the empty `slot` (boot caps, and the
 * master reply cap every TCB is made with). */
void cdt_place_original(cap_t cap, cte_t *slot);
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
/* Empties the slot and unlinks it from the CDT, and nothing more: for a cap whose
 * deletion can never destroy anything (a reply cap). */
void cdt_remove(cte_t *slot);
/* Whether no other cap names slot's object (deleting it destroys the object). */
bool cdt_is_final(const cte_t *slot);

#endif
