/*
 * tests/kernel/test_cdt.c - the capability derivation tree (spec 5.4, 11.2, 11.3)
 * as one linked list: insertion, parenthood of untyped regions and badged groups,
 * revoke, delete and finality, first-badged hand-over, move and swap, preemptible
 * revoke/delete. check_cdt() walks the list both ways after every change.
 * Partners: kernel/cdt.c, kernel/cap.c, kernel/object.c, harness.c.
 */
#include <string.h>

#include "harness.h"

static cap_t pool; /* a 256-slot CNode the tests take slots from */

static void cdt_init(void)
{
    harness_init();
    pool = harness_cnode(8, 0, 0);
}

TestSuite(cdt, .init = cdt_init, .fini = harness_fini);

static cte_t *S(unsigned i)
{
    return harness_slot(pool, i);
}

/* An original (retype-made) endpoint cap to a fresh endpoint in slot s. */
static cap_t ep_original(cte_t *s)
{
    cap_t c = cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL);
    harness_place(s, c, true);
    return c;
}

/* What CNode_Copy and CNode_Mint do to the CDT (cnode.c), minus decoding. */
static void copy(cte_t *src, cte_t *dest)
{
    cap_t c;
    cr_assert_eq(cap_derive(src->cap, cdt_has_children(src), &c), seL4_NoError);
    cdt_insert(c, src, dest, cap_is_revocable_copy(c, src->cap));
}

static void mint(cte_t *src, cte_t *dest, uint32_t badge)
{
    cap_t c;
    cr_assert(cap_update_data(src->cap, badge, false, &c));
    cdt_insert(c, src, dest, cap_is_revocable_copy(c, src->cap));
}

/* Kernel calls that may recurse or keep a slot on the stack run on the kernel stack. */
typedef struct cdt_call {
    enum { DELETE, REVOKE, SWAP } op;
    cte_t *a, *b;
    bool preemptible, done;
} cdt_call_t;

static void run_cdt_call(void *p)
{
    cdt_call_t *c = p;
    switch (c->op) {
    case DELETE: c->done = cdt_delete(c->a, c->preemptible); break;
    case REVOKE: c->done = cdt_revoke(c->a, c->preemptible); break;
    case SWAP:
        cdt_swap(c->a->cap, c->a, c->b->cap, c->b);
        c->done = true;
        break;
    }
}

static bool kcall(cdt_call_t c)
{
    bool panicked = harness_kernel_call(run_cdt_call, &c);
    cr_assert_not(panicked, "kernel panic: %s", harness_panic_message);
    return c.done;
}

static bool kdelete(cte_t *s, bool preemptible) { return kcall((cdt_call_t){DELETE, s, NULL, preemptible, false}); }
static bool krevoke(cte_t *s, bool preemptible) { return kcall((cdt_call_t){REVOKE, s, NULL, preemptible, false}); }
static void kswap(cte_t *a, cte_t *b) { kcall((cdt_call_t){SWAP, a, b, false, false}); }

/* ---- insertion and parenthood ------------------------------------------------------ */

Test(cdt, insert_places_the_new_cap_right_after_its_source)
{
    ep_original(S(0));
    copy(S(0), S(1));
    CHECK_CDT_ORDER(S(0), S(1));
    copy(S(0), S(2));
    CHECK_CDT_ORDER(S(0), S(2), S(1));
    copy(S(1), S(3)); /* a copy of a copy: its sibling */
    CHECK_CDT_ORDER(S(0), S(2), S(1), S(3));
    cr_assert(mdb_revocable(S(0)));
    cr_assert_not(mdb_revocable(S(1)) || mdb_revocable(S(2)) || mdb_revocable(S(3)),
                  "plain copies are never originals");
    cr_assert(cdt_is_parent(S(0), S(3)));
    cr_assert_not(cdt_is_parent(S(1), S(3)), "a non-original has no children");
    cr_assert(cdt_has_children(S(0)));
    cr_assert_not(cdt_has_children(S(1)));
    cr_assert_not(cdt_has_children(S(3)), "the last cap has nothing after it");
}

Test(cdt, untyped_is_parent_of_exactly_what_lies_in_its_region)
{
    cap_t u = harness_untyped(12, false);
    uint32_t base = cap_addr(u);
    void *at = (void *)(uintptr_t)base;
    harness_place(S(0), u, true);
    struct {
        cap_t cap;
        bool inside;
    } cases[] = {
        {cap_endpoint((uint8_t *)at + 16, 0, RIGHTS_ALL), true},
        {cap_endpoint((uint8_t *)at + 4080, 0, RIGHTS_ALL), true}, /* ends at the top */
        {cap_endpoint((uint8_t *)at + 4096, 0, RIGHTS_ALL), false},
        {cap_endpoint((uint8_t *)at - 16, 0, RIGHTS_ALL), false},
        {cap_frame(base, FRAME_SMALL, RIGHTS_ALL), true},
        {cap_frame(base, FRAME_LARGE, RIGHTS_ALL), false}, /* larger than the region */
        {cap_untyped(base + 2048, 11, false, 0), true},
        {cap_untyped(base, 12, false, 0), true}, /* a copy of the same region */
        {cap_untyped(base, 13, false, 0), false},
        {cap_cnode(at, 8, 0, 0), true},  /* 2^8 slots of 16 bytes: 4 KiB */
        {cap_cnode(at, 9, 0, 0), false}, /* 8 KiB */
        {cap_thread((uint8_t *)at + 3072), true},
        {cap_thread((uint8_t *)at + 3584), false}, /* 1 KiB crossing the end */
    };
    for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
        cte_t *c = S(10 + i);
        harness_place(c, cases[i].cap, true);
        cr_assert_eq(cdt_is_parent(S(0), c), cases[i].inside, "case %u: %s cap at 0x%x", i,
                     cap_type_name(cap_type(cases[i].cap)), cap_addr(cases[i].cap));
    }
    /* Parenthood is one way, and needs an original. */
    cr_assert_not(cdt_is_parent(S(16), S(0)), "a sub-region is no parent of its untyped");
    cte_t *weak = S(40);
    harness_place(weak, u, false);
    cr_assert_not(cdt_is_parent(weak, S(10)), "a non-original untyped cap is no parent");
}

Test(cdt, unbadged_original_owns_every_copy_badged_or_not)
{
    ep_original(S(0));
    mint(S(0), S(1), 5);
    copy(S(1), S(2));
    mint(S(0), S(3), 7);
    copy(S(0), S(4));
    CHECK_CDT_ORDER(S(0), S(4), S(3), S(1), S(2));
    for (unsigned i = 1; i <= 4; i++)
        cr_assert(cdt_is_parent(S(0), S(i)), "original is parent of slot %u", i);
    cr_assert(mdb_revocable(S(1)) && mdb_first_badged(S(1)), "a Mint makes a badged original");
    cr_assert_not(mdb_revocable(S(4)), "an unbadged copy of the original is not one");
    cr_assert(krevoke(S(0), false));
    CHECK_CDT_ORDER(S(0));
    for (unsigned i = 1; i <= 4; i++)
        check_empty(S(i));
    cr_assert(mdb_revocable(S(0)), "revoke leaves the revoked cap as it was");
}

Test(cdt, badged_original_owns_only_its_own_mints_copies)
{
    ep_original(S(0));
    mint(S(0), S(1), 5);
    copy(S(1), S(2));
    mint(S(0), S(3), 5); /* the same badge, a separate group */
    copy(S(3), S(4));
    mint(S(0), S(5), 6);
    CHECK_CDT_ORDER(S(0), S(5), S(3), S(4), S(1), S(2));
    cr_assert(cdt_is_parent(S(3), S(4)));
    cr_assert_not(cdt_is_parent(S(3), S(1)), "another Mint of badge 5 is not a child");
    cr_assert_not(cdt_is_parent(S(5), S(3)), "badge 6 owns no badge-5 caps");
    cr_assert(cdt_is_parent(S(1), S(2)));

    cr_assert(krevoke(S(3), false));
    CHECK_CDT_ORDER(S(0), S(5), S(3), S(1), S(2));
    check_empty(S(4));
    cr_assert(krevoke(S(5), false), "revoking a group without copies");
    CHECK_CDT_ORDER(S(0), S(5), S(3), S(1), S(2));
    cr_assert(krevoke(S(1), false));
    CHECK_CDT_ORDER(S(0), S(5), S(3), S(1));
    check_empty(S(2));
}

Test(cdt, revoking_a_non_original_deletes_nothing)
{
    ep_original(S(0));
    copy(S(0), S(1));
    copy(S(0), S(2));
    cr_assert(krevoke(S(2), false));
    CHECK_CDT_ORDER(S(0), S(2), S(1));
    cr_assert(krevoke(S(7), false), "revoking an empty slot");
    check_empty(S(7));
}

Test(cdt, revoke_deletes_a_chain_of_100_copies_and_stops_at_the_next_object)
{
    ep_original(S(0));
    for (unsigned i = 1; i <= 100; i++)
        copy(S(i - 1), S(i));
    cdt_insert(cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), S(100), S(101), true);
    cr_assert_eq(check_cdt(S(0)), 102);
    cr_assert_eq(mdb_next(S(100)), S(101));
    cr_assert(krevoke(S(0), false));
    CHECK_CDT_ORDER(S(0), S(101));
    for (unsigned i = 1; i <= 100; i++)
        check_empty(S(i));
}

Test(cdt, revoke_of_a_three_level_untyped_tree)
{
    cap_t u = harness_untyped(16, false);
    uint32_t base = cap_addr(u);
    harness_place(S(0), u, true);
    /* As retype makes them: A and B after U, then A's child A1 after A, ... */
    cdt_insert(cap_untyped(base, 14, false, 0), S(0), S(1), true);
    cdt_insert(cap_untyped(base + (1u << 14), 14, false, 0), S(1), S(2), true);
    cdt_insert(cap_untyped(base, 12, false, 0), S(1), S(3), true);
    cdt_insert(cap_endpoint((void *)(uintptr_t)(base + 16), 0, RIGHTS_ALL), S(3), S(4), true);
    copy(S(4), S(5));
    /* A CNode in A1 holding a copy of an endpoint X from elsewhere. */
    cap_t cn = cap_cnode((void *)(uintptr_t)(base + 64), 2, 0, 0);
    cdt_insert(cn, S(3), S(6), true);
    ep_original(S(50));
    copy(S(50), harness_slot(cn, 1));
    cdt_insert(cap_endpoint((void *)(uintptr_t)(base + (1u << 14)), 0, RIGHTS_ALL), S(2), S(7), true);
    CHECK_CDT_ORDER(S(0), S(1), S(3), S(6), S(4), S(5), S(2), S(7));
    CHECK_CDT_ORDER(S(50), harness_slot(cn, 1));

    cr_assert(krevoke(S(1), false));
    CHECK_CDT_ORDER(S(0), S(1), S(2), S(7));
    for (unsigned i = 3; i <= 6; i++)
        check_empty(S(i));
    check_empty(harness_slot(cn, 1));
    CHECK_CDT_ORDER(S(50));
    cr_assert_not(cdt_has_children(S(50)), "the destroyed CNode's copy of X is gone");

    cr_assert(krevoke(S(0), false));
    CHECK_CDT_ORDER(S(0));
    check_empty(S(1));
    check_empty(S(2));
    check_empty(S(7));
}

static void insert_over(void *slots)
{
    cte_t **s = slots;
    cdt_insert(s[0]->cap, s[0], s[1], false);
}

Test(cdt, inserting_into_an_occupied_slot_is_a_kernel_panic)
{
    ep_original(S(0));
    ep_original(S(1));
    cte_t *s[2] = {S(0), S(1)};
    cr_assert(harness_kernel_call(insert_over, s), "cdt_insert overwrote a cap");
    cr_assert_not_null(strstr(harness_panic_message, "assertion failed"), "panic: %s",
                       harness_panic_message);
    CHECK_CDT_ORDER(S(0));
    CHECK_CDT_ORDER(S(1));
}

/* ---- delete and finality ------------------------------------------------------------- */

Test(cdt, deleting_a_copy_keeps_the_object_and_the_last_cap_destroys_it)
{
    cap_t cn = harness_cnode(2, 0, 0);
    harness_place(S(0), cn, true);
    copy(S(0), S(1));
    ep_original(S(50));
    copy(S(50), harness_slot(cn, 1));
    cr_assert_not(cdt_is_final(S(1)));
    cr_assert_not(cdt_is_final(S(0)));
    cr_assert(kdelete(S(1), false));
    check_empty(S(1));
    CHECK_CDT_ORDER(S(0));
    CHECK_CDT_ORDER(S(50), harness_slot(cn, 1));
    cr_assert(cdt_is_final(S(0)));
    cr_assert(kdelete(S(0), false));
    check_empty(S(0));
    check_empty(harness_slot(cn, 1));
    CHECK_CDT_ORDER(S(50));
}

Test(cdt, deleting_the_last_tcb_cap_unqueues_the_thread_and_empties_its_slots)
{
    tcb_t *t = harness_tcb();
    thread_resume(t);
    cr_assert(t->queued);
    harness_place(S(0), cap_thread(t), true);
    copy(S(0), S(1));
    cap_t cn = harness_cnode(2, 0, 0);
    harness_place(S(2), cn, true);
    copy(S(2), &t->slots[TCB_SLOT_CSPACE]);
    cr_assert(kdelete(S(0), false));
    cr_assert(t->queued, "a copy remains: the thread lives on");
    cr_assert_eq(cap_type(t->slots[TCB_SLOT_CSPACE].cap), CAP_CNODE);
    cr_assert(kdelete(S(1), false));
    cr_assert_not(t->queued);
    cr_assert_eq(t->state, THREAD_INACTIVE);
    for (tcb_t *a = all_threads; a; a = a->all_next)
        cr_assert_neq(a, t, "destroyed TCB still listed in all_threads");
    check_empty(&t->slots[TCB_SLOT_CSPACE]);
    CHECK_CDT_ORDER(S(2));
}

Test(cdt, finality_looks_at_both_neighbours)
{
    ep_original(S(0));
    cr_assert(cdt_is_final(S(0)));
    copy(S(0), S(1));
    cr_assert_not(cdt_is_final(S(0)), "next is the same object");
    cr_assert_not(cdt_is_final(S(1)), "prev is the same object");
    cdt_insert(cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), S(1), S(2), true);
    cr_assert(cdt_is_final(S(2)), "a different endpoint is another object");
    /* A badge does not make another object. */
    mint(S(0), S(3), 9);
    cr_assert(kdelete(S(0), false));
    cr_assert(kdelete(S(1), false));
    cr_assert(cdt_is_final(S(3)));
    CHECK_CDT_ORDER(S(3), S(2));
}

Test(cdt, deleting_an_empty_slot_changes_nothing)
{
    ep_original(S(0));
    copy(S(0), S(1));
    cr_assert(kdelete(S(5), false));
    check_empty(S(5));
    CHECK_CDT_ORDER(S(0), S(1));
}

Test(cdt, first_badged_passes_on_when_a_group_original_is_deleted)
{
    ep_original(S(0));
    mint(S(0), S(1), 5);
    copy(S(1), S(2));
    copy(S(1), S(3));
    mint(S(0), S(4), 5);
    CHECK_CDT_ORDER(S(0), S(4), S(1), S(3), S(2));
    cr_assert_not(mdb_first_badged(S(3)));
    cr_assert(kdelete(S(1), false));
    CHECK_CDT_ORDER(S(0), S(4), S(3), S(2));
    cr_assert(mdb_first_badged(S(3)), "the group's first copy now starts it");
    cr_assert_not(mdb_revocable(S(3)), "it does not become an original");
    cr_assert_not(mdb_first_badged(S(2)));
    /* So the other badge-5 Mint still does not own the orphaned group. */
    cr_assert_not(cdt_is_parent(S(4), S(3)));
    cr_assert(krevoke(S(4), false));
    CHECK_CDT_ORDER(S(0), S(4), S(3), S(2));
    /* The unbadged original still owns everything. */
    cr_assert(krevoke(S(0), false));
    CHECK_CDT_ORDER(S(0));
}

/* ---- move and swap --------------------------------------------------------------------- */

Test(cdt, move_keeps_position_and_flags)
{
    ep_original(S(0));
    mint(S(0), S(1), 3);
    copy(S(1), S(2));
    uint32_t flags1 = S(1)->next & MDB_FLAGS;
    cdt_move(S(1)->cap, S(1), S(10));
    check_empty(S(1));
    CHECK_CDT_ORDER(S(0), S(10), S(2));
    cr_assert_eq(S(10)->next & MDB_FLAGS, flags1);
    cr_assert(cdt_is_parent(S(10), S(2)));
    /* The head and the tail move too. */
    cdt_move(S(0)->cap, S(0), S(11));
    cdt_move(S(2)->cap, S(2), S(12));
    CHECK_CDT_ORDER(S(11), S(10), S(12));
    cr_assert(mdb_revocable(S(11)));
    cr_assert_eq(cap_badge(S(12)->cap), 3);
}

Test(cdt, swap_of_distant_slots_exchanges_positions)
{
    ep_original(S(0));
    copy(S(0), S(1));
    copy(S(1), S(2));
    copy(S(2), S(3));
    ep_original(S(20));
    mint(S(20), S(21), 4);
    cap_t a = S(1)->cap, b = S(21)->cap;
    uint32_t fa = S(1)->next & MDB_FLAGS, fb = S(21)->next & MDB_FLAGS;
    kswap(S(1), S(21));
    cr_assert_eq(S(1)->cap.words[0], b.words[0]);
    cr_assert_eq(S(21)->cap.words[0], a.words[0]);
    CHECK_CDT_ORDER(S(0), S(21), S(2), S(3));
    CHECK_CDT_ORDER(S(20), S(1));
    cr_assert_eq(S(21)->next & MDB_FLAGS, fa, "flags travel with the cap");
    cr_assert_eq(S(1)->next & MDB_FLAGS, fb);
}

Test(cdt, swap_of_cdt_neighbours_in_either_order)
{
    ep_original(S(0));
    mint(S(0), S(1), 1);
    copy(S(1), S(2));
    copy(S(2), S(3));
    CHECK_CDT_ORDER(S(0), S(1), S(2), S(3));
    kswap(S(1), S(2)); /* slot1 before slot2 */
    CHECK_CDT_ORDER(S(0), S(2), S(1), S(3));
    cr_assert_eq(cap_badge(S(2)->cap), 1);
    cr_assert(mdb_revocable(S(2)) && mdb_first_badged(S(2)), "the Mint's flags moved with it");
    cr_assert_not(mdb_revocable(S(1)));
    kswap(S(3), S(1)); /* slot1 after slot2 */
    CHECK_CDT_ORDER(S(0), S(2), S(3), S(1));
    kswap(S(0), S(2)); /* the head */
    CHECK_CDT_ORDER(S(2), S(0), S(3), S(1));
    cr_assert(cdt_is_parent(S(2), S(3)), "the original, now in slot 2, is still first");
}

Test(cdt, swap_back_restores_the_list)
{
    ep_original(S(0));
    for (unsigned i = 1; i < 6; i++)
        copy(S(i - 1), S(i));
    kswap(S(2), S(4));
    CHECK_CDT_ORDER(S(0), S(1), S(4), S(3), S(2), S(5));
    kswap(S(2), S(4));
    CHECK_CDT_ORDER(S(0), S(1), S(2), S(3), S(4), S(5));
}

/* ---- preemption points --------------------------------------------------------------- */

Test(cdt, preempted_revoke_leaves_a_consistent_list_and_finishes_when_called_again)
{
    ep_original(S(0));
    for (unsigned i = 1; i <= 10; i++)
        copy(S(i - 1), S(i));
    harness_interrupt_after(3);
    cr_assert_not(krevoke(S(0), true), "a pending interrupt stops a preemptible revoke");
    unsigned left = check_cdt(S(0));
    cr_assert(left > 1 && left < 11, "%u caps left", left);
    cr_assert(cdt_has_children(S(0)));
    /* Without preemption the pending interrupt does not matter. */
    cr_assert(krevoke(S(0), false));
    CHECK_CDT_ORDER(S(0));
    for (unsigned i = 1; i <= 10; i++)
        check_empty(S(i));
}

Test(cdt, preempted_revoke_restarts_until_done)
{
    ep_original(S(0));
    for (unsigned i = 1; i <= 10; i++)
        copy(S(i - 1), S(i));
    unsigned rounds = 0;
    for (;;) {
        harness_interrupt_after(2);
        rounds++;
        if (krevoke(S(0), true))
            break;
        check_cdt(S(0));
        cr_assert_lt(rounds, 20, "revoke makes no progress");
    }
    cr_assert_gt(rounds, 1);
    CHECK_CDT_ORDER(S(0));
}

Test(cdt, preempted_delete_of_a_cnode_leaves_an_unusable_zombie_until_it_is_empty,
     .description = "a preempted deletion never leaves a half-emptied CNode usable: its last "
                    "cap becomes a zombie that cannot be looked through, invoked or copied")
{
    cap_t cn = harness_cnode(3, 0, 0);
    harness_place(S(0), cn, true);
    ep_original(S(50));
    for (unsigned i = 0; i < 8; i++)
        copy(S(50), harness_slot(cn, i));
    harness_interrupt_after(2);
    cr_assert_not(kdelete(S(0), true));
    cr_assert_eq(cap_type(S(0)->cap), CAP_ZOMBIE, "the cap stands, as a zombie");
    cr_assert_eq(cap_addr(S(0)->cap), cap_addr(cn), "naming the CNode");
    cte_t *found;
    lookup_fault_t f;
    cr_assert_eq(cspace_lookup_target(S(0)->cap, 7, 3, &found, &f), seL4_FailedLookup,
                 "nothing is found through it");
    invocation_t inv;
    cr_assert_eq(harness_invoke(&inv, S(0), CNodeDelete, MRS(7, 3), NO_CAPS),
                 seL4_InvalidCapability, "it cannot be invoked");
    cap_t copy_of_it;
    cr_assert_eq(cap_derive(S(0)->cap, false, &copy_of_it), seL4_IllegalOperation);
    unsigned left = check_cdt(S(50));
    cr_assert(left > 1 && left < 9, "%u caps left", left);
    harness_clear_interrupt();
    cr_assert(kdelete(S(0), true));
    check_empty(S(0));
    CHECK_CDT_ORDER(S(50));
}

/* ---- kernel bugs: these assert the spec and fail (crash) today ------------------------------ */

Test(cdt, deleting_a_tcb_whose_cspace_holds_its_only_cap_destroys_both,
     .description = "a TCB <-> CNode ownership cycle is destroyed without endless recursion")
{
    /* T's only cap is in C, C's only cap is T's CSpace root: a thread whose
     * creator dropped its own copies. Revoking their untyped deletes T's cap. */
    tcb_t *t = harness_tcb();
    cap_t cn = harness_cnode(2, 0, 0);
    harness_place(&t->slots[TCB_SLOT_CSPACE], cn, true);
    harness_place(harness_slot(cn, 1), cap_thread(t), true);
    cr_assert(kdelete(harness_slot(cn, 1), false));
    check_empty(harness_slot(cn, 1));
    check_empty(&t->slots[TCB_SLOT_CSPACE]);
    for (tcb_t *a = all_threads; a; a = a->all_next)
        cr_assert_neq(a, t, "destroyed TCB still listed in all_threads");
}

/* A chain C0 -> C1 -> ... where C(i)'s slot 0 holds the only cap to C(i+1). */
static void make_cnode_chain(cte_t *head, unsigned length)
{
    cte_t *at = head;
    for (unsigned i = 0; i < length; i++) {
        cap_t c = harness_cnode(1, 0, 0);
        harness_place(at, c, true);
        at = harness_slot(c, 0);
    }
}

Test(cdt, deleting_nested_cnodes_needs_no_stack_per_level,
     .description = "destroying nested CNodes uses no kernel stack per level "
                    "(the target's kernel stack is 8 KiB)")
{
    make_cnode_chain(S(0), 4);
    cr_assert(kdelete(S(0), true));
    uint32_t shallow = harness_kstack_depth();
    make_cnode_chain(S(1), 300);
    cr_assert(kdelete(S(1), true));
    uint32_t deep = harness_kstack_depth();
    check_empty(S(1));
    cr_assert_lt(deep, shallow + 2048,
                 "deleting 300 nested CNodes used %u bytes of kernel stack, 4 used %u", deep,
                 shallow);
}
