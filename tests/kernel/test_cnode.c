/*
 * tests/kernel/test_cnode.c - the CNode invocations through the dispatcher
 * (spec 8.4, 11.9): Copy, Mint, Move, Mutate, Rotate, Delete, Revoke,
 * CancelBadgedSends and SaveCaller, with their errors and reply words, and what
 * each does to the CDT.
 * Partners: kernel/cnode.c, kernel/cap.c, kernel/cdt.c, harness.c.
 */
#include "harness.h"

/* The root task's shape: radix 8, 24 guard bits, so cptr = slot index at depth 32.
 * Slot 2 holds the root's own cap: it is both the invoked cap and c0/c1. */
#define ROOT 2

static cap_t root;
static invocation_t inv;

static void cnode_init(void)
{
    harness_init();
    root = harness_cnode(8, 24, 0);
    harness_place(harness_slot(root, ROOT), root, true);
}

TestSuite(cnode, .init = cnode_init, .fini = harness_fini);

static cte_t *R(unsigned i)
{
    return harness_slot(root, i);
}

static seL4_Error op(uint32_t label, unsigned nmr, const uint32_t *mr, unsigned ncaps,
                     cte_t *const *caps)
{
    return harness_invoke(&inv, R(ROOT), label, nmr, mr, ncaps, caps);
}

#define COPY(d, s, rights) op(CNodeCopy, MRS(d, 32, s, 32, rights), CAPS(R(ROOT)))
#define MINT(d, s, rights, badge) op(CNodeMint, MRS(d, 32, s, 32, rights, badge), CAPS(R(ROOT)))
#define MOVE(d, s) op(CNodeMove, MRS(d, 32, s, 32), CAPS(R(ROOT)))
#define MUTATE(d, s, data) op(CNodeMutate, MRS(d, 32, s, 32, data), CAPS(R(ROOT)))
#define ROTATE(d, dbadge, p, pbadge, s) \
    op(CNodeRotate, MRS(d, 32, dbadge, p, 32, pbadge, s, 32), CAPS(R(ROOT), R(ROOT)))
#define ON_SLOT(label, i) op(label, MRS(i, 32), NO_CAPS)

static void expect_reply(const uint32_t *words, unsigned n)
{
    cr_assert_eq(inv.reply_length, n, "reply has %u words, expected %u", inv.reply_length, n);
    for (unsigned i = 0; i < n; i++)
        cr_assert_eq(inv.reply[i], words[i], "reply word %u is %u, expected %u", i, inv.reply[i],
                     words[i]);
}
#define EXPECT_REPLY(...) \
    expect_reply((const uint32_t[]){__VA_ARGS__}, sizeof((const uint32_t[]){__VA_ARGS__}) / 4)
#define EXPECT_NO_REPLY() cr_assert_eq(inv.reply_length, 0, "unexpected reply words")

static void give(unsigned i, cap_t c)
{
    harness_place(R(i), c, true);
}

static cap_t new_ep(void)
{
    return cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL);
}

static bool same_cap(cap_t a, cap_t b)
{
    return a.words[0] == b.words[0] && a.words[1] == b.words[1];
}

/* ---- Copy and Mint ------------------------------------------------------------------ */

Test(cnode, copy_masks_rights_and_keeps_the_badge)
{
    give(10, new_ep());
    cr_assert_eq(MINT(11, 10, RIGHTS_ALL, 5), seL4_NoError);
    EXPECT_NO_REPLY();
    cr_assert_eq(COPY(12, 11, RIGHT_READ | RIGHT_WRITE), seL4_NoError);
    cr_assert_eq(cap_badge(R(12)->cap), 5);
    cr_assert_eq(cap_ep_rights(R(12)->cap), RIGHT_READ | RIGHT_WRITE);
    cr_assert_eq(cap_addr(R(12)->cap), cap_addr(R(10)->cap));
    cr_assert_eq(COPY(13, 12, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(cap_ep_rights(R(13)->cap), RIGHT_READ | RIGHT_WRITE, "rights never grow");
    cr_assert_not(mdb_revocable(R(12)), "a copy with the same badge is no original");
    CHECK_CDT_ORDER(R(10), R(11), R(12), R(13));
    cr_assert_eq(ON_SLOT(CNodeRevoke, 11), seL4_NoError);
    check_empty(R(12));
    check_empty(R(13));
    CHECK_CDT_ORDER(R(10), R(11));
}

Test(cnode, copy_keeps_a_cnode_guard)
{
    give(30, cap_cnode(cnode_slots(harness_cnode(4, 0, 0)), 4, 3, 5));
    cr_assert_eq(COPY(31, 30, RIGHTS_ALL), seL4_NoError);
    cr_assert(same_cap(R(31)->cap, R(30)->cap));
}

Test(cnode, copy_into_an_occupied_slot_is_delete_first_before_the_source_is_looked_up)
{
    give(10, new_ep());
    give(11, new_ep());
    cr_assert_eq(COPY(11, 10, RIGHTS_ALL), seL4_DeleteFirst);
    EXPECT_NO_REPLY();
    cr_assert_eq(COPY(11, 50, RIGHTS_ALL), seL4_DeleteFirst, "empty source: still DeleteFirst");
    cr_assert_eq(op(CNodeCopy, MRS(11, 32, 50, 0, RIGHTS_ALL), CAPS(R(ROOT))), seL4_DeleteFirst,
                 "a bad source depth: still DeleteFirst");
    cr_assert_eq(COPY(10, 10, RIGHTS_ALL), seL4_DeleteFirst, "onto itself");
    CHECK_CDT_ORDER(R(10));
    CHECK_CDT_ORDER(R(11));
}

Test(cnode, copy_from_an_empty_slot_is_a_failed_source_lookup)
{
    cr_assert_eq(COPY(11, 50, RIGHTS_ALL), seL4_FailedLookup);
    cr_assert_geq(inv.reply_length, 2);
    cr_assert_eq(inv.reply[0], 1, "the source failed");
    cr_assert_eq(inv.reply[1], seL4_MissingCapability);
    cr_assert_eq(MINT(11, 50, RIGHTS_ALL, 1), seL4_FailedLookup);
    cr_assert_eq(inv.reply[0], 1);
    check_empty(R(11));
}

Test(cnode, source_lookup_errors_are_reported_as_the_source)
{
    give(10, new_ep());
    cr_assert_eq(op(CNodeCopy, MRS(11, 32, 10, 0, RIGHTS_ALL), CAPS(R(ROOT))), seL4_RangeError);
    EXPECT_REPLY(1, 32);
    cr_assert_eq(op(CNodeCopy, MRS(11, 32, 0xFF00000Au, 32, RIGHTS_ALL), CAPS(R(ROOT))),
                 seL4_FailedLookup);
    EXPECT_REPLY(1, seL4_GuardMismatch, 32, 0, 24);
    /* A source root that is not a CNode. */
    cr_assert_eq(op(CNodeCopy, MRS(11, 32, 10, 32, RIGHTS_ALL), CAPS(R(10))), seL4_FailedLookup);
    EXPECT_REPLY(1, seL4_InvalidRoot);
    check_empty(R(11));
}

Test(cnode, destination_lookup_errors_are_not_the_source)
{
    give(10, new_ep());
    cr_assert_eq(op(CNodeCopy, MRS(0x01000005u, 32, 10, 32, RIGHTS_ALL), CAPS(R(ROOT))),
                 seL4_FailedLookup);
    EXPECT_REPLY(0, seL4_GuardMismatch, 32, 0, 24);
    cr_assert_eq(op(CNodeCopy, MRS(5, 8, 10, 32, RIGHTS_ALL), CAPS(R(ROOT))), seL4_FailedLookup);
    EXPECT_REPLY(0, seL4_GuardMismatch, 8, 0, 24);
    cr_assert_eq(op(CNodeCopy, MRS(5, 40, 10, 32, RIGHTS_ALL), CAPS(R(ROOT))), seL4_RangeError);
    EXPECT_REPLY(1, 32);
    cr_assert_eq(op(CNodeDelete, MRS(5, 0), NO_CAPS), seL4_RangeError);
    EXPECT_REPLY(1, 32);
    /* Depth is a Uint8: only MR1[7:0] counts. */
    cr_assert_eq(op(CNodeCopy, MRS(5, 0x1720, 10, 0x0120, RIGHTS_ALL), CAPS(R(ROOT))), seL4_NoError);
    cr_assert_eq(cap_type(R(5)->cap), CAP_ENDPOINT);
}

Test(cnode, caps_that_cannot_be_derived)
{
    give(10, cap_simple(CAP_REPLY));
    give(11, cap_simple(CAP_IRQ_CONTROL));
    give(12, cap_page_table(harness_alloc(1u << seL4_PageTableBits, seL4_PageTableBits), false, 0, 0));
    void *pd = harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits);
    give(13, cap_page_directory(pd, false, 0));
    give(14, cap_page_directory(harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits), true, 7));
    cr_assert_eq(COPY(20, 10, RIGHTS_ALL), seL4_IllegalOperation, "reply cap");
    cr_assert_eq(COPY(20, 11, RIGHTS_ALL), seL4_IllegalOperation, "IRQ control");
    cr_assert_eq(MINT(20, 11, RIGHTS_ALL, 0), seL4_IllegalOperation, "IRQ control by Mint");
    cr_assert_eq(COPY(20, 12, RIGHTS_ALL), seL4_IllegalOperation, "unmapped page table");
    cr_assert_eq(COPY(20, 13, RIGHTS_ALL), seL4_IllegalOperation, "unassigned page directory");
    EXPECT_NO_REPLY();
    check_empty(R(20));
    cr_assert_eq(COPY(20, 14, RIGHTS_ALL), seL4_NoError, "an assigned page directory");
    cr_assert_eq(pd_asid(R(20)->cap), 7);
}

Test(cnode, copying_an_untyped_makes_a_child_and_marks_the_original_full)
{
    cap_t u = harness_untyped(12, false);
    untyped_set_free_bytes(&u, 256);
    give(10, u);
    cr_assert_eq(COPY(11, 10, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(untyped_free_bytes(R(10)->cap), 4096, "the original is full");
    cr_assert_eq(untyped_free_bytes(R(11)->cap), 256, "the copy keeps the watermark");
    cr_assert(mdb_revocable(R(11)), "an untyped copy is an original");
    cr_assert(cdt_is_parent(R(10), R(11)));
    CHECK_CDT_ORDER(R(10), R(11));
    /* Now the original has a child: no second copy, no retype. */
    cr_assert_eq(COPY(12, 10, RIGHTS_ALL), seL4_RevokeFirst);
    EXPECT_NO_REPLY();
    check_empty(R(12));
    cr_assert_eq(harness_invoke(&inv, R(10), UntypedRetype,
                                MRS(seL4_EndpointObject, 0, 0, 0, 40, 1), CAPS(R(ROOT))),
                 seL4_NotEnoughMemory);
    EXPECT_REPLY(0);
    /* The copy has no children: it may be copied, which marks it full in turn. */
    cr_assert_eq(COPY(12, 11, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(untyped_free_bytes(R(11)->cap), 4096);
    CHECK_CDT_ORDER(R(10), R(11), R(12));
    /* Without its copies the original is usable again, from the start. */
    cr_assert_eq(ON_SLOT(CNodeRevoke, 10), seL4_NoError);
    cr_assert_eq(harness_invoke(&inv, R(10), UntypedRetype,
                                MRS(seL4_EndpointObject, 0, 0, 0, 40, 1), CAPS(R(ROOT))),
                 seL4_NoError);
    cr_assert_eq(cap_addr(R(40)->cap), cap_addr(u));
}

Test(cnode, mint_badges_an_unbadged_endpoint_or_notification)
{
    give(10, new_ep());
    give(20, cap_notification(harness_endpoint(), 0, RIGHTS_ALL));
    cr_assert_eq(MINT(11, 10, RIGHT_WRITE, 0xF0000007u), seL4_NoError);
    cr_assert_eq(cap_badge(R(11)->cap), 7, "the badge's top 4 bits are dropped");
    cr_assert_eq(cap_ep_rights(R(11)->cap), RIGHT_WRITE);
    cr_assert(mdb_revocable(R(11)) && mdb_first_badged(R(11)));
    cr_assert_eq(MINT(21, 20, RIGHTS_ALL, 0x0FFFFFFFu), seL4_NoError);
    cr_assert_eq(cap_badge(R(21)->cap), 0x0FFFFFFF);
    cr_assert_eq(cap_type(R(21)->cap), CAP_NOTIFICATION);
    /* Badge 0 of an unbadged cap is a plain copy. */
    cr_assert_eq(MINT(12, 10, RIGHTS_ALL, 0), seL4_NoError);
    cr_assert_eq(cap_badge(R(12)->cap), 0);
    cr_assert_not(mdb_revocable(R(12)));
    CHECK_CDT_ORDER(R(10), R(12), R(11));
}

Test(cnode, mint_of_a_badged_cap_is_illegal_whatever_the_badge)
{
    give(10, new_ep());
    cr_assert_eq(MINT(11, 10, RIGHTS_ALL, 5), seL4_NoError);
    cr_assert_eq(MINT(12, 11, RIGHTS_ALL, 9), seL4_IllegalOperation);
    cr_assert_eq(MINT(12, 11, RIGHTS_ALL, 5), seL4_IllegalOperation);
    cr_assert_eq(MINT(12, 11, RIGHTS_ALL, 0), seL4_IllegalOperation);
    EXPECT_NO_REPLY();
    check_empty(R(12));
    cr_assert_eq(COPY(12, 11, RIGHTS_ALL), seL4_NoError, "badged caps are copied with Copy");
}

Test(cnode, mint_sets_a_cnode_guard_from_capdata)
{
    give(30, cap_cnode(cnode_slots(harness_cnode(4, 0, 0)), 4, 0, 0));
    cr_assert_eq(MINT(31, 30, RIGHTS_ALL, cnode_capdata(0x5, 4)), seL4_NoError);
    cr_assert_eq(cnode_guard(R(31)->cap), 0x5);
    cr_assert_eq(cnode_guard_size(R(31)->cap), 4);
    cr_assert_eq(cnode_radix(R(31)->cap), 4);
    cr_assert_eq(MINT(32, 30, RIGHTS_ALL, cnode_capdata(0xFF, 4)), seL4_NoError);
    cr_assert_eq(cnode_guard(R(32)->cap), 0xF, "the guard is cut to its size");
    cr_assert_eq(MINT(33, 30, RIGHTS_ALL, cnode_capdata(0, 28)), seL4_NoError, "4 + 28 = 32 bits");
    cr_assert_eq(MINT(34, 30, RIGHTS_ALL, cnode_capdata(0, 29)), seL4_IllegalOperation,
                 "guard size + radix > 32");
    check_empty(R(34));
}

Test(cnode, mint_ignores_data_for_other_caps)
{
    give(10, cap_thread(harness_tcb()));
    cr_assert_eq(MINT(11, 10, RIGHTS_ALL, 1234), seL4_NoError);
    cr_assert(same_cap(R(11)->cap, R(10)->cap));
    cr_assert_not(mdb_revocable(R(11)));
}

Test(cnode, missing_words_or_caps_are_a_truncated_message)
{
    give(10, new_ep());
    cr_assert_eq(op(CNodeCopy, MRS(11, 32, 10, 32), CAPS(R(ROOT))), seL4_TruncatedMessage);
    cr_assert_eq(op(CNodeMint, MRS(11, 32, 10, 32, RIGHTS_ALL), CAPS(R(ROOT))), seL4_TruncatedMessage);
    cr_assert_eq(op(CNodeCopy, MRS(11, 32, 10, 32, RIGHTS_ALL), NO_CAPS), seL4_TruncatedMessage);
    cr_assert_eq(op(CNodeMove, MRS(11, 32, 10), CAPS(R(ROOT))), seL4_TruncatedMessage);
    cr_assert_eq(op(CNodeMutate, MRS(11, 32, 10, 32), CAPS(R(ROOT))), seL4_TruncatedMessage);
    cr_assert_eq(op(CNodeRotate, MRS(11, 32, 0, 10, 32, 0, 12), CAPS(R(ROOT), R(ROOT))),
                 seL4_TruncatedMessage);
    cr_assert_eq(op(CNodeRotate, MRS(11, 32, 0, 10, 32, 0, 12, 32), CAPS(R(ROOT))),
                 seL4_TruncatedMessage);
    cr_assert_eq(op(CNodeDelete, MRS(10), NO_CAPS), seL4_TruncatedMessage);
    EXPECT_NO_REPLY();
    CHECK_CDT_ORDER(R(10));
    check_empty(R(11));
}

Test(cnode, labels_of_other_objects_are_illegal)
{
    give(10, new_ep());
    static const uint32_t labels[] = {InvalidInvocation, UntypedRetype, TCBSuspend,
                                      IRQIssueIRQHandler, ARMPageMap};
    for (unsigned i = 0; i < ARRAY_SIZE(labels); i++)
        cr_assert_eq(op(labels[i], MRS(10, 32, 10, 32, RIGHTS_ALL, 0), CAPS(R(ROOT))),
                     seL4_IllegalOperation, "label %u", labels[i]);
    CHECK_CDT_ORDER(R(10));
}

/* ---- Move and Mutate ------------------------------------------------------------------ */

Test(cnode, move_takes_the_cap_and_its_cdt_position)
{
    give(10, new_ep());
    cr_assert_eq(COPY(11, 10, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(COPY(12, 10, RIGHTS_ALL), seL4_NoError);
    CHECK_CDT_ORDER(R(10), R(12), R(11));
    cap_t c = R(11)->cap;
    cr_assert_eq(MOVE(20, 11), seL4_NoError);
    EXPECT_NO_REPLY();
    check_empty(R(11));
    cr_assert(same_cap(R(20)->cap, c));
    CHECK_CDT_ORDER(R(10), R(12), R(20));
    cr_assert_eq(MOVE(21, 10), seL4_NoError);
    CHECK_CDT_ORDER(R(21), R(12), R(20));
    cr_assert(mdb_revocable(R(21)), "the original stays an original");
    cr_assert_eq(ON_SLOT(CNodeRevoke, 21), seL4_NoError);
    CHECK_CDT_ORDER(R(21));
}

Test(cnode, move_errors)
{
    give(10, new_ep());
    give(11, new_ep());
    cr_assert_eq(MOVE(11, 10), seL4_DeleteFirst);
    cr_assert_eq(MOVE(10, 10), seL4_DeleteFirst, "onto itself");
    cr_assert_eq(MOVE(12, 50), seL4_FailedLookup);
    cr_assert_eq(inv.reply[0], 1);
    cr_assert_eq(inv.reply[1], seL4_MissingCapability);
    CHECK_CDT_ORDER(R(10));
    CHECK_CDT_ORDER(R(11));
    check_empty(R(12));
}

Test(cnode, mutate_sets_or_clears_a_cnode_guard_in_place)
{
    give(30, cap_cnode(cnode_slots(harness_cnode(4, 0, 0)), 4, 2, 3));
    cr_assert_eq(COPY(40, 30, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(MUTATE(31, 30, cnode_capdata(0x9, 4)), seL4_NoError);
    check_empty(R(30));
    cr_assert_eq(cnode_guard(R(31)->cap), 0x9);
    cr_assert_eq(cnode_guard_size(R(31)->cap), 4);
    CHECK_CDT_ORDER(R(31), R(40));
    cr_assert(mdb_revocable(R(31)));
    cr_assert_eq(MUTATE(32, 31, 0), seL4_NoError);
    cr_assert_eq(cnode_guard(R(32)->cap), 0);
    cr_assert_eq(cnode_guard_size(R(32)->cap), 0, "data 0 clears the guard");
    cr_assert_eq(MUTATE(33, 32, cnode_capdata(0, 29)), seL4_IllegalOperation);
    cr_assert_eq(cap_type(R(32)->cap), CAP_CNODE, "a failed Mutate moves nothing");
    check_empty(R(33));
}

Test(cnode, mutate_of_an_endpoint_always_fails)
{
    give(10, new_ep());
    cr_assert_eq(MUTATE(11, 10, 0), seL4_IllegalOperation);
    cr_assert_eq(MUTATE(11, 10, 5), seL4_IllegalOperation);
    give(20, cap_notification(harness_endpoint(), 0, RIGHTS_ALL));
    cr_assert_eq(MUTATE(21, 20, 0), seL4_IllegalOperation);
    EXPECT_NO_REPLY();
    CHECK_CDT_ORDER(R(10));
    check_empty(R(11));
}

Test(cnode, mutate_moves_other_caps_unchanged)
{
    cap_t t = cap_thread(harness_tcb());
    give(10, t);
    cr_assert_eq(MUTATE(11, 10, 0xABCD), seL4_NoError);
    cr_assert(same_cap(R(11)->cap, t));
    check_empty(R(10));
}

/* ---- Rotate --------------------------------------------------------------------------- */

Test(cnode, rotate_moves_pivot_to_dest_and_src_to_pivot)
{
    cap_t a = cap_cnode(cnode_slots(harness_cnode(2, 0, 0)), 2, 0, 0);
    cap_t b = cap_cnode(cnode_slots(harness_cnode(3, 0, 0)), 3, 0, 0);
    give(40, a);
    give(41, b);
    cr_assert_eq(COPY(43, 40, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(ROTATE(42, cnode_capdata(1, 2), 41, cnode_capdata(3, 2), 40), seL4_NoError);
    EXPECT_NO_REPLY();
    check_empty(R(40));
    cr_assert_eq(cap_addr(R(42)->cap), cap_addr(b), "the pivot's cap lands in dest");
    cr_assert_eq(cnode_guard(R(42)->cap), 1, "with dest_badge applied");
    cr_assert_eq(cap_addr(R(41)->cap), cap_addr(a), "the source's cap lands in the pivot");
    cr_assert_eq(cnode_guard(R(41)->cap), 3, "with pivot_badge applied");
    cr_assert_eq(cnode_guard_size(R(41)->cap), 2);
    CHECK_CDT_ORDER(R(41), R(43));
    CHECK_CDT_ORDER(R(42));
}

Test(cnode, rotate_with_dest_equal_to_src_swaps)
{
    cap_t a = cap_cnode(cnode_slots(harness_cnode(2, 0, 0)), 2, 0, 0);
    cap_t b = cap_cnode(cnode_slots(harness_cnode(3, 0, 0)), 3, 0, 0);
    give(40, a);
    give(41, b);
    cr_assert_eq(COPY(42, 40, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(ROTATE(40, 0, 41, 0, 40), seL4_NoError);
    cr_assert_eq(cap_addr(R(40)->cap), cap_addr(b));
    cr_assert_eq(cap_addr(R(41)->cap), cap_addr(a));
    CHECK_CDT_ORDER(R(41), R(42));
    CHECK_CDT_ORDER(R(40));
    cr_assert(mdb_revocable(R(41)));
}

Test(cnode, rotate_swap_of_cdt_neighbours)
{
    give(40, cap_cnode(cnode_slots(harness_cnode(2, 0, 0)), 2, 0, 0));
    cr_assert_eq(COPY(41, 40, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(COPY(42, 41, RIGHTS_ALL), seL4_NoError);
    CHECK_CDT_ORDER(R(40), R(41), R(42));
    cr_assert_eq(ROTATE(41, 0, 40, 0, 41), seL4_NoError); /* original <-> its next copy */
    CHECK_CDT_ORDER(R(41), R(40), R(42));
    cr_assert(mdb_revocable(R(41)) && !mdb_revocable(R(40)));
    cr_assert_eq(ROTATE(41, 0, 42, 0, 41), seL4_NoError); /* head <-> tail */
    CHECK_CDT_ORDER(R(42), R(40), R(41));
    cr_assert_eq(ON_SLOT(CNodeRevoke, 42), seL4_NoError);
    CHECK_CDT_ORDER(R(42));
}

Test(cnode, rotate_errors_in_order)
{
    cap_t a = cap_cnode(cnode_slots(harness_cnode(2, 0, 0)), 2, 0, 0);
    give(40, a);
    give(41, cap_cnode(cnode_slots(harness_cnode(2, 0, 0)), 2, 0, 0));
    give(44, new_ep());
    give(45, new_ep());
    cr_assert_eq(ROTATE(42, 0, 50, 0, 50), seL4_IllegalOperation, "pivot = src, both empty");
    cr_assert_eq(ROTATE(42, 0, 42, 0, 40), seL4_IllegalOperation, "pivot = dest");
    cr_assert_eq(ROTATE(41, 0, 50, 0, 40), seL4_DeleteFirst, "dest occupied, pivot empty");
    cr_assert_eq(ROTATE(42, 0, 41, 0, 50), seL4_FailedLookup, "empty source");
    cr_assert_eq(ROTATE(42, 0, 50, 0, 40), seL4_FailedLookup, "empty pivot");
    cr_assert_eq(ROTATE(42, 0, 41, 0, 40 | 0xFF000000u), seL4_FailedLookup, "bad source cptr");
    EXPECT_REPLY(1, seL4_GuardMismatch, 32, 0, 24);
    cr_assert_eq(op(CNodeRotate, MRS(42, 32, 0, 41, 0, 0, 40, 32), CAPS(R(ROOT), R(ROOT))),
                 seL4_RangeError, "pivot depth 0");
    EXPECT_REPLY(1, 32);
    cr_assert_eq(ROTATE(46, 0, 45, 0, 44), seL4_IllegalOperation, "endpoints cannot be rotated");
    cr_assert_eq(ROTATE(44, 0, 45, 0, 44), seL4_IllegalOperation, "nor swapped");
    cr_assert_eq(ROTATE(42, cnode_capdata(0, 31), 41, 0, 40), seL4_IllegalOperation, "bad guard");
    cr_assert(same_cap(R(40)->cap, a), "nothing moved");
    check_empty(R(42));
    check_empty(R(46));
}

/* ---- Delete, Revoke, CancelBadgedSends, SaveCaller ------------------------------------------ */

Test(cnode, delete_removes_one_cap_and_an_empty_slot_is_fine)
{
    give(10, new_ep());
    cr_assert_eq(COPY(11, 10, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(ON_SLOT(CNodeDelete, 10), seL4_NoError);
    EXPECT_NO_REPLY();
    check_empty(R(10));
    CHECK_CDT_ORDER(R(11));
    cr_assert_eq(ON_SLOT(CNodeDelete, 10), seL4_NoError, "deleting an empty slot");
    cr_assert_eq(ON_SLOT(CNodeDelete, 0x01000010u), seL4_FailedLookup);
    EXPECT_REPLY(0, seL4_GuardMismatch, 32, 0, 24);
}

Test(cnode, revoke_removes_descendants_and_keeps_the_cap)
{
    give(10, new_ep());
    cr_assert_eq(MINT(11, 10, RIGHTS_ALL, 1), seL4_NoError);
    cr_assert_eq(COPY(12, 11, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(COPY(13, 10, RIGHTS_ALL), seL4_NoError);
    cr_assert_eq(ON_SLOT(CNodeRevoke, 13), seL4_NoError, "a non-original: nothing to revoke");
    CHECK_CDT_ORDER(R(10), R(13), R(11), R(12));
    cr_assert_eq(ON_SLOT(CNodeRevoke, 10), seL4_NoError);
    EXPECT_NO_REPLY();
    CHECK_CDT_ORDER(R(10));
    check_empty(R(11));
    check_empty(R(12));
    check_empty(R(13));
    cr_assert_eq(ON_SLOT(CNodeRevoke, 60), seL4_NoError, "revoking an empty slot");
}

Test(cnode, preempted_revoke_is_reported_for_a_restart)
{
    give(10, new_ep());
    for (unsigned i = 11; i < 30; i++)
        cr_assert_eq(COPY(i, 10, RIGHTS_ALL), seL4_NoError);
    harness_interrupt_after(4);
    cr_assert_eq(ON_SLOT(CNodeRevoke, 10), HARNESS_PREEMPTED);
    unsigned left = check_cdt(R(10));
    cr_assert(left > 1 && left < 20, "%u caps left", left);
    harness_clear_interrupt();
    cr_assert_eq(ON_SLOT(CNodeRevoke, 10), seL4_NoError);
    CHECK_CDT_ORDER(R(10));
}

Test(cnode, cancel_badged_sends_needs_an_endpoint_with_all_rights)
{
    give(10, new_ep());
    cr_assert_eq(MINT(11, 10, RIGHTS_ALL, 3), seL4_NoError);
    cr_assert_eq(MINT(12, 10, RIGHT_READ | RIGHT_WRITE | RIGHT_GRANT, 4), seL4_NoError);
    give(13, cap_notification(harness_endpoint(), 0, RIGHTS_ALL));
    cr_assert_eq(ON_SLOT(CNodeCancelBadgedSends, 10), seL4_NoError, "badge 0: a no-op");
    cr_assert_eq(ON_SLOT(CNodeCancelBadgedSends, 11), seL4_NoError);
    cr_assert_eq(ON_SLOT(CNodeCancelBadgedSends, 12), seL4_IllegalOperation, "no GrantReply");
    cr_assert_eq(ON_SLOT(CNodeCancelBadgedSends, 13), seL4_IllegalOperation, "a notification");
    cr_assert_eq(ON_SLOT(CNodeCancelBadgedSends, 50), seL4_IllegalOperation, "an empty slot");
    EXPECT_NO_REPLY();
    CHECK_CDT_ORDER(R(10), R(12), R(11));
}

Test(cnode, save_caller_with_nothing_to_save)
{
    give(10, new_ep());
    cr_assert_eq(ON_SLOT(CNodeSaveCaller, 50), seL4_NoError);
    check_empty(R(50));
    cr_assert_eq(ON_SLOT(CNodeSaveCaller, 10), seL4_DeleteFirst);
    CHECK_CDT_ORDER(R(10));
}

/* ---- kernel bug: asserts the spec and fails (crashes) today ----------------------------------- */

Test(cnode, revoking_an_untyped_destroys_a_cnode_that_holds_its_own_only_cap,
     .description = "a CNode holding its own only cap is destroyed, not recursed into")
{
    /* A two-level CSpace: root radix 8 without guard, so "slot 20, then slot 0 of
     * the CNode there" is index 20 << 8, depth 16. */
    cap_t r = harness_cnode(8, 0, 0);
    cte_t *rs = harness_slot(r, ROOT);
    harness_place(rs, r, true);
    harness_place(harness_slot(r, 10), harness_untyped(12, false), true);
    cr_assert_eq(harness_invoke(&inv, harness_slot(r, 10), UntypedRetype,
                                MRS(seL4_CapTableObject, 8, 0, 0, 20, 1), CAPS(rs)),
                 seL4_NoError);
    cap_t c = harness_slot(r, 20)->cap;
    cr_assert_eq(harness_invoke(&inv, rs, CNodeMove, MRS(20u << 8, 16, 20, 8), CAPS(rs)),
                 seL4_NoError);
    cr_assert_eq(cap_addr(harness_slot(c, 0)->cap), cap_addr(c), "the CNode now holds its own cap");
    check_empty(harness_slot(r, 20));
    /* Revoke the untyped: the CNode, reachable only from itself, is destroyed. */
    cr_assert_eq(harness_invoke(&inv, rs, CNodeRevoke, MRS(10, 8), NO_CAPS), seL4_NoError);
    check_empty(harness_slot(c, 0));
    CHECK_CDT_ORDER(harness_slot(r, 10));
}
