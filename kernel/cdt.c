/*
 * kernel/cdt.c - the capability derivation tree (spec 5.4). It is kept as one
 * doubly linked list of slots in which each cap is followed by its descendants,
 * so "is B a child of A" needs only A's flags and the two caps, revoking A means
 * deleting the caps after it while they are its children, and every cap to one
 * object sits next to the others (which makes "is this the last cap" a look at
 * two neighbours). Partners: cdt.h, slot.h, object.c (what deleting an object means).
 */
#include "cdt.h"

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

void cdt_place_original(cap_t cap, cte_t *slot)
{
    kassert(cap_is_null(slot->cap));
    *slot = (cte_t){cap, 0, 0};
    mdb_set_flags(slot, true, false);
    invariants_note_slot(slot);
    trace_cap_insert(slot, NULL);
}

void cdt_insert(cap_t cap, cte_t *src, cte_t *dest, bool revocable)
{
    kassert(cap_is_null(dest->cap));
    bool badged = cap_type(cap) == CAP_ENDPOINT || cap_type(cap) == CAP_NOTIFICATION;
    cdt_link_after(cap, src, dest, revocable, badged && revocable);
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
}

void cdt_move(cap_t cap, cte_t *src, cte_t *dest)
{
    kassert(cap_is_null(dest->cap));
    move_links(cap, src, dest);
    invariants_note_slot(dest);
    invariants_note_slot(src);
    trace_cap_move(src, dest);
}

void cdt_swap(cap_t cap1, cte_t *slot1, cap_t cap2, cte_t *slot2)
{
    /* Move slot1 aside through a temporary slot so neighbours are relinked once each. */
    cte_t tmp = {cap_null(), 0, 0}; /* aligned as every cte_t (slot.h) */
    move_links(cap1, slot1, &tmp);
    move_links(cap2, slot2, slot1);
    move_links(tmp.cap, &tmp, slot2);
    /* Not tmp: the checker runs at kernel exit, when this stack frame is gone. */
    invariants_note_slot(slot1);
    invariants_note_slot(slot2);
    trace_cap_swap(slot1, slot2);
}

bool cdt_is_final(const cte_t *slot)
{
    const cte_t *prev = mdb_prev(slot), *next = mdb_next(slot);
    return !(prev && cap_same_object(prev->cap, slot->cap)) &&
           !(next && cap_same_object(next->cap, slot->cap));
}

/* Unlinks slot from the list and empties it. A first-badged flag passes on. */
void cdt_remove(cte_t *slot)
{
    cap_t old = slot->cap;
    cdt_unlink(slot);
    trace_cap_delete(slot, old);
}

/* Empties a slot; if its cap was the last one, the object is destroyed. The
 * object holds no caps any more (or none but a cap to itself, in this slot). */
static void delete_one(cte_t *slot)
{
    bool final = cdt_is_final(slot);
    cap_t cap = slot->cap;
    cdt_remove(slot);
    if (cap_type(cap) == CAP_ZOMBIE)
        cap = zombie_original(cap); /* the object it was is what goes */
    if (object_cap_deleted_matters(cap, final))
        object_cap_deleted(slot, cap, final);
    if (final)
        trace_object_delete(cap);
}

/* Whether deleting this slot's cap would destroy a CNode or TCB with caps inside. */
static bool final_container(const cte_t *slot)
{
    uint32_t count;
    return object_slots(slot->cap, &count) && cdt_is_final(slot);
}

/*
 * Deletes the last cap to a CNode or TCB at `top`, and so everything only it
 * reaches, without recursion: nesting depth costs no kernel stack. The walk goes
 * down through final containers to one whose slots can be emptied directly,
 * empties them, destroys that container, and starts again from `top`. The slot
 * `top` itself is never entered from inside, which is what makes the walk end:
 * a chain of final caps can only come back to where it started, and a CNode or
 * TCB that holds its own only cap is handled by skipping it. The cap in `top`
 * becomes a zombie first, so whatever is left of the object while the deletion is
 * preempted is out of reach. Returns false when preempted; every step leaves the
 * state consistent, so the call can be repeated.
 */
static bool delete_container(cte_t *top, bool preemptible)
{
    if (cap_type(top->cap) != CAP_ZOMBIE) {
        /* From now on the object cannot be reached or used, preempted or not. */
        top->cap = cap_zombie(top->cap);
        invariants_note_slot(top);
        trace_cap_update(top);
    }
    for (;;) {
        cte_t *cur = top, *slots;
        uint32_t count, i = 0;
        object_prepare_delete(cur->cap);
        slots = object_slots(cur->cap, &count);
        while (i < count) {
            cte_t *s = &slots[i];
            if (s == top || cap_is_null(s->cap)) {
                i++;
            } else if (final_container(s)) {
                cur = s; /* go down: this container must empty first */
                object_prepare_delete(cur->cap);
                slots = object_slots(cur->cap, &count);
                i = 0;
            } else {
                delete_one(s);
                i++;
                if (preemptible && preemption_point())
                    return false;
            }
        }
        delete_one(cur); /* everything in it is gone */
        if (cur == top)
            return true;
        if (preemptible && preemption_point())
            return false;
    }
}

bool cdt_delete(cte_t *slot, bool preemptible)
{
    if (cap_is_null(slot->cap))
        return true;
    if (final_container(slot))
        return delete_container(slot, preemptible);
    delete_one(slot);
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
