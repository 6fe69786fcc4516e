/*
 * kernel/cdt.c - the capability derivation tree (spec 5.4). It is kept as one
 * doubly linked list of slots in which each cap is followed by its descendants,
 * so "is B a child of A" needs only A's flags and the two caps, revoking A means
 * deleting the caps after it while they are its children, and every cap to one
 * object sits next to the others (which makes "is this the last cap" a look at
 * two neighbours). Partners: cnode.h, object.c (what deleting an object means).
 */
#include "cnode.h"
#include "invariants.h"
#include "object.h"
#include "trace.h"

bool cdt_is_parent(const cte_t *parent, const cte_t *child)
{
    if (!mdb_revocable(parent) || !cap_same_region(parent->cap, child->cap))
        return false;
    cap_type_t t = cap_type(parent->cap);
    if (t == CAP_ENDPOINT || t == CAP_NOTIFICATION) {
        uint32_t badge = cap_badge(parent->cap);
        /* An unbadged original owns every cap to the object; a badged one owns
         * only its own Mint's copies, which end where another group starts. */
        return badge == 0 || (cap_badge(child->cap) == badge && !mdb_first_badged(child));
    }
    return true;
}

bool cdt_has_children(const cte_t *slot)
{
    const cte_t *next = mdb_next(slot);
    return next && cdt_is_parent(slot, next);
}

void cdt_insert(cap_t cap, cte_t *src, cte_t *dest, bool revocable)
{
    kassert(cap_is_null(dest->cap));
    cte_t *after = mdb_next(src);
    dest->cap = cap;
    dest->prev = 0;
    dest->next = 0;
    mdb_set_prev(dest, src);
    mdb_set_next(dest, after);
    bool badged = cap_type(cap) == CAP_ENDPOINT || cap_type(cap) == CAP_NOTIFICATION;
    mdb_set_flags(dest, revocable, badged && revocable);
    if (after)
        mdb_set_prev(after, dest);
    mdb_set_next(src, dest);
    invariants_note_slot(dest);
    trace_cap_insert(dest, src);
}

/* Puts cap in dest, taking over src's CDT position; src is left empty. */
static void move_links(cap_t cap, cte_t *src, cte_t *dest)
{
    dest->cap = cap;
    dest->prev = src->prev;
    dest->next = src->next;
    if (mdb_prev(dest))
        mdb_set_next(mdb_prev(dest), dest);
    if (mdb_next(dest))
        mdb_set_prev(mdb_next(dest), dest);
    *src = (cte_t){cap_null(), 0, 0};
    invariants_note_slot(dest);
    invariants_note_slot(src);
}

void cdt_move(cap_t cap, cte_t *src, cte_t *dest)
{
    kassert(cap_is_null(dest->cap));
    move_links(cap, src, dest);
    trace_cap_move(src, dest);
}

void cdt_swap(cap_t cap1, cte_t *slot1, cap_t cap2, cte_t *slot2)
{
    /* Move slot1 aside through a temporary slot so neighbours are relinked once each. */
    cte_t tmp = {cap_null(), 0, 0};
    move_links(cap1, slot1, &tmp);
    move_links(cap2, slot2, slot1);
    move_links(tmp.cap, &tmp, slot2);
    trace_cap_swap(slot1, slot2);
}

bool cdt_is_final(const cte_t *slot)
{
    const cte_t *prev = mdb_prev(slot), *next = mdb_next(slot);
    return !(prev && cap_same_object(prev->cap, slot->cap)) &&
           !(next && cap_same_object(next->cap, slot->cap));
}

/* Unlinks slot from the list and empties it. A first-badged flag passes on. */
static void empty_slot(cte_t *slot)
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
    cap_t old = slot->cap;
    *slot = (cte_t){cap_null(), 0, 0};
    invariants_note_slot(slot);
    trace_cap_delete(slot, old);
}

bool cdt_delete(cte_t *slot, bool preemptible)
{
    if (cap_is_null(slot->cap))
        return true;
    if (cdt_is_final(slot)) {
        /* Empty a CNode or TCB while its cap still stands, so a preempted delete
         * leaves a consistent object that the restarted call carries on with. */
        if (!object_clear_contents(slot->cap, preemptible))
            return false;
        /* Clearing may have removed the only other cap to this object (a CNode
         * holding a cap to itself): finality is decided again. */
        bool final = cdt_is_final(slot);
        cap_t cap = slot->cap;
        empty_slot(slot);
        if (final) {
            object_finalise(cap);
            trace_object_delete(cap);
        }
        return true;
    }
    empty_slot(slot);
    return true;
}

bool cdt_revoke(cte_t *slot, bool preemptible)
{
    cte_t *next;
    trace_revoke(slot, true);
    while ((next = mdb_next(slot)) != NULL && cdt_is_parent(slot, next)) {
        if (!cdt_delete(next, preemptible))
            return false;
        if (preemptible && preemption_point() && cdt_has_children(slot))
            return false;
    }
    trace_revoke(slot, false);
    return true;
}
