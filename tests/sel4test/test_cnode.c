/*
 * tests/sel4test/test_cnode.c - CNode methods (spec §8.4): Copy, Mint (badges, guards,
 * rights), Move, Mutate, Rotate, Delete, CancelBadgedSends, SaveCaller, and how their
 * index/depth arguments are resolved (spec §5.3) with the exact error MRs of spec §7.
 * Revoke and object destruction are in test_cdt.c. Partners: helpers.h, main.c.
 */
#include "helpers.h"

/* Slot 7 of the root CNode is always empty on ARM (seL4_CapIOPortControl): a safe
 * target for lookups that are expected to fail, should a kernel resolve them anyway. */
#define NULL_INITIAL_SLOT seL4_CapIOPortControl
#define MR_SENTINEL 0xDEADBEEFu

static seL4_Word guard_bits(void)
{
    return seL4_WordBits - root_radix;
}

static seL4_Word cnode_data(seL4_Word guard, seL4_Word guard_size)
{
    return seL4_CNode_CapData_new(guard, guard_size).words[0];
}

static void cnode_copy_makes_a_child_cap_to_the_same_object(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !dst)
        return;
    REQUIRE_OK(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH, seL4_AllRights));
    CHECK_CAP(dst, CAP_ENDPOINT);
    CHECK_CAP(ep, CAP_ENDPOINT);
    /* The copy is derived from the original: revoking the original removes it. */
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, ep, ROOT_DEPTH));
    CHECK_CAP(dst, CAP_NULL);
    CHECK_CAP(ep, CAP_ENDPOINT);
}

static void cnode_copy_with_no_rights_is_still_an_endpoint(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!ep)
        return;
    seL4_CPtr none = copy_cap(ep, seL4_NoRights);
    if (!none)
        return;
    CHECK_CAP(none, CAP_ENDPOINT);
}

static void cnode_copy_into_an_occupied_slot_is_delete_first_before_the_source_is_checked(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr empty = slot_alloc();
    if (!ep || !tcb || !empty)
        return;
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, tcb, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH, seL4_AllRights),
              seL4_DeleteFirst);
    /* An empty source would be FailedLookup, but the destination is checked first. */
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, tcb, ROOT_DEPTH, ROOT_CNODE, empty, ROOT_DEPTH,
                              seL4_AllRights),
              seL4_DeleteFirst);
    CHECK_ERR(seL4_CNode_Mint(ROOT_CNODE, tcb, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH, seL4_AllRights, 1),
              seL4_DeleteFirst);
    CHECK_ERR(seL4_CNode_Move(ROOT_CNODE, tcb, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH), seL4_DeleteFirst);
    CHECK_ERR(seL4_CNode_Mutate(ROOT_CNODE, tcb, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH, 0),
              seL4_DeleteFirst);
    CHECK_CAP(tcb, CAP_THREAD);
    CHECK_CAP(ep, CAP_ENDPOINT);
}

static void cnode_copy_from_an_empty_slot_fails_the_source_lookup(void)
{
    seL4_CPtr empty = slot_alloc();
    seL4_CPtr dst = slot_alloc();
    if (!empty || !dst)
        return;
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, empty, ROOT_DEPTH, seL4_AllRights),
              seL4_FailedLookup);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_MissingCapability);
    CHECK_ERR(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, empty, ROOT_DEPTH, seL4_AllRights,
                              1),
              seL4_FailedLookup);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_CNode_Move(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, empty, ROOT_DEPTH),
              seL4_FailedLookup);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_CNode_Mutate(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, empty, ROOT_DEPTH, 0),
              seL4_FailedLookup);
    CHECK_MR(0, 1);
    CHECK_CAP(dst, CAP_NULL);
}

static void cnode_depth_outside_1_to_32_is_range_error(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !dst)
        return;
    CHECK_ERR(seL4_CNode_Delete(ROOT_CNODE, NULL_INITIAL_SLOT, 0), seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_WordBits);
    CHECK_ERR(seL4_CNode_Revoke(ROOT_CNODE, NULL_INITIAL_SLOT, seL4_WordBits + 1), seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_WordBits);
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, 0, ROOT_CNODE, ep, ROOT_DEPTH, seL4_AllRights),
              seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_WordBits);
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, ep, 0, seL4_AllRights),
              seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_WordBits);
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, ep, seL4_WordBits + 1,
                              seL4_AllRights),
              seL4_RangeError);
    CHECK_CAP(dst, CAP_NULL);
}

static void cnode_index_outside_the_root_guard_is_guard_mismatch(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !dst)
        return;
    seL4_Word bad = (1u << root_radix) | NULL_INITIAL_SLOT;
    seL4_SetMR(4, MR_SENTINEL); /* MR4 (guard size) comes back in the IPC buffer */
    CHECK_ERR(seL4_CNode_Delete(ROOT_CNODE, bad, ROOT_DEPTH), seL4_FailedLookup);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_GuardMismatch);
    CHECK_MR(2, seL4_WordBits); /* bits left */
    CHECK_MR(3, 0);             /* the CNode cap's guard */
    CHECK_MR(4, guard_bits());  /* its guard size */
    /* The same failure on the source side says so in MR0. */
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, bad, ROOT_DEPTH, seL4_AllRights),
              seL4_FailedLookup);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_GuardMismatch);
    CHECK_CAP(dst, CAP_NULL);
}

static void cnode_depth_short_of_guard_and_radix_is_a_lookup_mismatch(void)
{
    /* Depth 31 covers the whole guard but not the whole radix. */
    CHECK_ERR(seL4_CNode_Delete(ROOT_CNODE, NULL_INITIAL_SLOT, seL4_WordBits - 1), seL4_FailedLookup);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_DepthMismatch);
    CHECK_MR(2, seL4_WordBits - 1); /* bits left */
    CHECK_MR(3, seL4_WordBits);     /* bits the CNode would resolve: guard + radix */
    /* A depth smaller than the guard itself fails on the guard. */
    seL4_Word d = guard_bits() - 1;
    REQUIRE(d >= 1, "root guard too small for this test");
    seL4_SetMR(4, MR_SENTINEL);
    CHECK_ERR(seL4_CNode_Delete(ROOT_CNODE, NULL_INITIAL_SLOT, d), seL4_FailedLookup);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_GuardMismatch);
    CHECK_MR(2, d);
    CHECK_MR(3, 0);
    CHECK_MR(4, guard_bits());
}

static void cnode_lookup_that_leaves_bits_over_is_depth_mismatch(void)
{
    seL4_CPtr cnode = new_object(seL4_CapTableObject, 4);
    if (!cnode)
        return;
    /* 32 bits into a 4-bit, guardless CNode: slot 0 is empty, 28 bits stay unresolved. */
    CHECK_ERR(seL4_CNode_Delete(cnode, 0, ROOT_DEPTH), seL4_FailedLookup);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_DepthMismatch);
    CHECK_MR(2, 28);
    CHECK_MR(3, 0);
    CHECK_OK(seL4_CNode_Delete(cnode, 0, 4));
}

static void cnode_lookup_walks_through_a_second_level_cnode(void)
{
    seL4_CPtr top = new_object(seL4_CapTableObject, 4);
    seL4_CPtr leaf = new_object(seL4_CapTableObject, 4);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr back = slot_alloc();
    if (!top || !leaf || !ep || !back)
        return;
    REQUIRE_OK(seL4_CNode_Copy(top, 5, 4, ROOT_CNODE, leaf, ROOT_DEPTH, seL4_AllRights));
    /* Index 0x53 at depth 8: slot 5 of top, then slot 3 of the CNode found there. */
    REQUIRE_OK(seL4_CNode_Copy(top, 0x53, 8, ROOT_CNODE, ep, ROOT_DEPTH, seL4_AllRights));
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, back, ROOT_DEPTH, leaf, 3, 4));
    CHECK_CAP(back, CAP_ENDPOINT);
}

static void cnode_invoking_an_empty_slot_is_invalid_capability(void)
{
    seL4_CPtr empty = slot_alloc();
    if (!empty)
        return;
    CHECK_ERR(seL4_CNode_Delete(empty, 0, ROOT_DEPTH), seL4_InvalidCapability);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_CNode_Copy(empty, 0, ROOT_DEPTH, ROOT_CNODE, seL4_CapInitThreadTCB, ROOT_DEPTH,
                              seL4_AllRights),
              seL4_InvalidCapability);
    CHECK_MR(0, 0);
}

static void cnode_method_on_a_non_cnode_cap_is_illegal_operation(void)
{
    seL4_CPtr ut = new_untyped(12);
    seL4_CPtr dst = slot_alloc();
    if (!ut || !dst)
        return;
    CHECK_ERR(seL4_CNode_Delete(seL4_CapInitThreadTCB, NULL_INITIAL_SLOT, ROOT_DEPTH),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_Revoke(ut, NULL_INITIAL_SLOT, ROOT_DEPTH), seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_Copy(seL4_CapInitThreadVSpace, dst, ROOT_DEPTH, ROOT_CNODE,
                              seL4_CapInitThreadTCB, ROOT_DEPTH, seL4_AllRights),
              seL4_IllegalOperation);
    CHECK_CAP(dst, CAP_NULL);
}

/* A CNode method sent by hand with `words` message words and `caps` extra caps. */
static seL4_Word cnode_call(seL4_Word label, seL4_Word caps, seL4_Word words)
{
    seL4_MessageInfo_t reply = seL4_Call(ROOT_CNODE, seL4_MessageInfo_new(label, 0, caps, words));
    return seL4_MessageInfo_get_label(reply);
}

static void cnode_method_with_too_few_words_or_caps_is_truncated_message(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !dst)
        return;
    seL4_SetMR(0, dst);
    seL4_Word err = cnode_call(CNodeDelete, 0, 1); /* the depth is missing */
    CHECK(err == seL4_TruncatedMessage, "Delete with 1 word gave %s", err_name(err));

    /* Copy: index, depth, src index, src depth, rights + the src root cap. */
    seL4_SetMR(0, dst);
    seL4_SetMR(1, ROOT_DEPTH);
    seL4_SetMR(2, ep);
    seL4_SetMR(3, ROOT_DEPTH);
    seL4_SetMR(4, seL4_AllRights.words[0]);
    seL4_SetCap(0, ROOT_CNODE);
    err = cnode_call(CNodeCopy, 1, 4); /* no rights word */
    CHECK(err == seL4_TruncatedMessage, "Copy with 4 words gave %s", err_name(err));
    err = cnode_call(CNodeCopy, 0, 5); /* no source root cap */
    CHECK(err == seL4_TruncatedMessage, "Copy without its cap gave %s", err_name(err));
    err = cnode_call(CNodeMint, 1, 5); /* no badge word */
    CHECK(err == seL4_TruncatedMessage, "Mint with 5 words gave %s", err_name(err));
    CHECK_CAP(dst, CAP_NULL);
}

static void cnode_mint_badges_an_unbadged_endpoint(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !dst)
        return;
    seL4_CPtr badged = mint_cap(ep, seL4_AllRights, 5);
    if (!badged)
        return;
    CHECK_CAP(badged, CAP_ENDPOINT);
    /* Only an unbadged cap can be badged, whatever the new badge (spec §5.2, §8.4). */
    CHECK_ERR(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, badged, ROOT_DEPTH, seL4_AllRights,
                              6),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, badged, ROOT_DEPTH, seL4_AllRights,
                              0),
              seL4_IllegalOperation);
    CHECK_CAP(dst, CAP_NULL);
    /* A Copy keeps the badge, so its copies cannot be re-badged either. */
    seL4_CPtr copy = copy_cap(badged, seL4_AllRights);
    if (!copy)
        return;
    CHECK_ERR(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, copy, ROOT_DEPTH, seL4_AllRights,
                              7),
              seL4_IllegalOperation);
    /* The original stays unbadged. */
    CHECK_OK(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH, seL4_AllRights, 9));
}

static void cnode_mint_badges_an_unbadged_notification(void)
{
    seL4_CPtr ntfn = new_object(seL4_NotificationObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ntfn || !dst)
        return;
    seL4_CPtr badged = mint_cap(ntfn, seL4_AllRights, 0x40);
    if (!badged)
        return;
    CHECK_CAP(badged, CAP_NOTIFICATION);
    CHECK_ERR(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, badged, ROOT_DEPTH, seL4_AllRights,
                              0x80),
              seL4_IllegalOperation);
    CHECK_CAP(dst, CAP_NULL);
}

static void cnode_mint_with_badge_0_is_a_plain_copy(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!ep)
        return;
    seL4_CPtr plain = mint_cap(ep, seL4_AllRights, 0);
    if (!plain)
        return;
    /* Still unbadged, so it can be badged now. */
    seL4_CPtr badged = mint_cap(plain, seL4_AllRights, 3);
    if (!badged)
        return;
    CHECK_CAP(badged, CAP_ENDPOINT);
}

static void cnode_mint_keeps_only_the_low_28_badge_bits(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !dst)
        return;
    /* 0x10000000 has no bit in the low 28: the result is unbadged and can be minted. */
    seL4_CPtr high_only = mint_cap(ep, seL4_AllRights, 1u << seL4_BadgeBits);
    if (!high_only)
        return;
    CHECK_OK(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, high_only, ROOT_DEPTH,
                             seL4_AllRights, 3));
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, dst, ROOT_DEPTH));
    /* 0xF0000001 keeps badge 1: badged. */
    seL4_CPtr low = mint_cap(ep, seL4_AllRights, 0xF0000001u);
    if (!low)
        return;
    CHECK_ERR(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, low, ROOT_DEPTH, seL4_AllRights, 3),
              seL4_IllegalOperation);
}

static void cnode_mint_sets_the_guard_of_a_cnode_cap(void)
{
    seL4_CPtr cnode = new_object(seL4_CapTableObject, 4);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr back = slot_alloc();
    if (!cnode || !ep || !back)
        return;
    seL4_CPtr guarded = mint_cap(cnode, seL4_AllRights, cnode_data(5, 4));
    if (!guarded)
        return;
    CHECK_CAP(guarded, CAP_CNODE);
    /* Through the guarded cap, slot 3 is index 0x53 at depth 8 (guard 5 in 4 bits). */
    REQUIRE_OK(seL4_CNode_Copy(guarded, 0x53, 8, ROOT_CNODE, ep, ROOT_DEPTH, seL4_AllRights));
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, back, ROOT_DEPTH, cnode, 3, 4));
    CHECK_CAP(back, CAP_ENDPOINT);
    seL4_SetMR(4, MR_SENTINEL);
    CHECK_ERR(seL4_CNode_Delete(guarded, 0x63, 8), seL4_FailedLookup);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_GuardMismatch);
    CHECK_MR(2, 8);
    CHECK_MR(3, 5);
    CHECK_MR(4, 4);
}

static void cnode_mint_of_a_cnode_guard_too_big_for_its_radix_is_illegal(void)
{
    seL4_CPtr cnode = new_object(seL4_CapTableObject, 4);
    seL4_CPtr dst = slot_alloc();
    if (!cnode || !dst)
        return;
    /* Guard size 29 + radix 4 > 32. */
    CHECK_ERR(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, cnode, ROOT_DEPTH, seL4_AllRights,
                              cnode_data(0, 29)),
              seL4_IllegalOperation);
    CHECK_CAP(dst, CAP_NULL);
    CHECK_OK(seL4_CNode_Mint(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, cnode, ROOT_DEPTH, seL4_AllRights,
                             cnode_data(0, 28)));
    CHECK_CAP(dst, CAP_CNODE);
}

static void cnode_mint_ignores_the_badge_of_a_tcb_cap(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    seL4_CPtr m1 = mint_cap(tcb, seL4_AllRights, 77);
    if (!m1)
        return;
    CHECK_CAP(m1, CAP_THREAD);
    /* Had the badge stuck, this second Mint would be refused. */
    seL4_CPtr m2 = mint_cap(m1, seL4_AllRights, 78);
    if (!m2)
        return;
    CHECK_CAP(m2, CAP_THREAD);
}

static void cnode_copy_of_irq_control_is_illegal_operation(void)
{
    seL4_CPtr dst = slot_alloc();
    if (!dst)
        return;
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, seL4_CapIRQControl, ROOT_DEPTH,
                              seL4_AllRights),
              seL4_IllegalOperation);
    CHECK_CAP(dst, CAP_NULL);
}

static void cnode_copy_of_an_unmapped_page_table_or_unassigned_page_directory_is_illegal(void)
{
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!pt || !pd || !dst)
        return;
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, pt, ROOT_DEPTH, seL4_AllRights),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, pd, ROOT_DEPTH, seL4_AllRights),
              seL4_IllegalOperation);
    CHECK_CAP(dst, CAP_NULL);
    /* The root's page directory has an ASID, so it can be copied. */
    CHECK_OK(seL4_CNode_Copy(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, seL4_CapInitThreadVSpace,
                             ROOT_DEPTH, seL4_AllRights));
    CHECK_CAP(dst, CAP_PAGE_DIRECTORY);
}

static void cnode_copy_of_an_unmapped_frame_is_allowed(void)
{
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    if (!frame)
        return;
    seL4_CPtr copy = copy_cap(frame, seL4_CanRead);
    if (!copy)
        return;
    CHECK_CAP(copy, CAP_SMALL_FRAME);
}

static void cnode_move_empties_the_source(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !dst)
        return;
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH));
    CHECK_CAP(dst, CAP_ENDPOINT);
    CHECK_CAP(ep, CAP_NULL);
}

static void cnode_move_onto_itself_is_delete_first(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!ep)
        return;
    CHECK_ERR(seL4_CNode_Move(ROOT_CNODE, ep, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH), seL4_DeleteFirst);
    CHECK_CAP(ep, CAP_ENDPOINT);
}

static void cnode_move_keeps_the_cap_an_original(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr moved = slot_alloc();
    if (!ep || !moved)
        return;
    seL4_CPtr copy = copy_cap(ep, seL4_AllRights);
    if (!copy)
        return;
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, moved, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH));
    /* Still the parent of the copy made before the move. */
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, moved, ROOT_DEPTH));
    CHECK_CAP(copy, CAP_NULL);
    CHECK_CAP(moved, CAP_ENDPOINT);
}

static void cnode_mutate_of_an_endpoint_or_notification_is_illegal(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr ntfn = new_object(seL4_NotificationObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!ep || !ntfn || !dst)
        return;
    CHECK_ERR(seL4_CNode_Mutate(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH, 0),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_Mutate(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH, 5),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_Mutate(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, ntfn, ROOT_DEPTH, 5),
              seL4_IllegalOperation);
    CHECK_CAP(dst, CAP_NULL);
    CHECK_CAP(ep, CAP_ENDPOINT);
    CHECK_CAP(ntfn, CAP_NOTIFICATION);
}

static void cnode_mutate_sets_and_clears_a_cnode_guard(void)
{
    seL4_CPtr cnode = new_object(seL4_CapTableObject, 4);
    seL4_CPtr guarded = slot_alloc();
    seL4_CPtr plain = slot_alloc();
    if (!cnode || !guarded || !plain)
        return;
    REQUIRE_OK(seL4_CNode_Mutate(ROOT_CNODE, guarded, ROOT_DEPTH, ROOT_CNODE, cnode, ROOT_DEPTH,
                                 cnode_data(5, 4)));
    CHECK_CAP(cnode, CAP_NULL);
    CHECK_CAP(guarded, CAP_CNODE);
    /* Slot 2 is now index 0x52 at depth 8; at depth 4 the guard is not matched. */
    CHECK_OK(seL4_CNode_Delete(guarded, 0x52, 8));
    CHECK_ERR(seL4_CNode_Delete(guarded, 2, 4), seL4_FailedLookup);
    CHECK_MR(1, seL4_GuardMismatch);
    /* Data 0 clears the guard again. */
    REQUIRE_OK(seL4_CNode_Mutate(ROOT_CNODE, plain, ROOT_DEPTH, ROOT_CNODE, guarded, ROOT_DEPTH, 0));
    CHECK_OK(seL4_CNode_Delete(plain, 2, 4));
}

static void cnode_mutate_moves_other_caps_unchanged(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr dst = slot_alloc();
    if (!tcb || !dst)
        return;
    REQUIRE_OK(seL4_CNode_Mutate(ROOT_CNODE, dst, ROOT_DEPTH, ROOT_CNODE, tcb, ROOT_DEPTH, 99));
    CHECK_CAP(dst, CAP_THREAD);
    CHECK_CAP(tcb, CAP_NULL);
}

/* Rotate within the root CNode: pivot -> dest, src -> pivot. */
static seL4_Error rotate(seL4_CPtr dest, seL4_Word dest_badge, seL4_CPtr pivot, seL4_Word pivot_badge,
                         seL4_CPtr src)
{
    return seL4_CNode_Rotate(ROOT_CNODE, dest, ROOT_DEPTH, dest_badge, ROOT_CNODE, pivot, ROOT_DEPTH,
                             pivot_badge, ROOT_CNODE, src, ROOT_DEPTH);
}

static void cnode_rotate_moves_three_caps_along(void)
{
    seL4_CPtr dest = slot_alloc();
    seL4_CPtr pivot = new_object(seL4_CapTableObject, 4);
    seL4_CPtr src = new_object(seL4_TCBObject, 0);
    if (!dest || !pivot || !src)
        return;
    REQUIRE_OK(rotate(dest, 0, pivot, 0, src));
    CHECK_CAP(dest, CAP_CNODE);
    CHECK_CAP(pivot, CAP_THREAD);
    CHECK_CAP(src, CAP_NULL);
}

static void cnode_rotate_applies_each_badge_to_the_cap_it_moves(void)
{
    seL4_CPtr dest = slot_alloc();
    seL4_CPtr pivot = new_object(seL4_CapTableObject, 4);
    seL4_CPtr src = new_object(seL4_CapTableObject, 4);
    if (!dest || !pivot || !src)
        return;
    /* dest_badge goes with the pivot's cap into dest, pivot_badge with src's into pivot. */
    REQUIRE_OK(rotate(dest, cnode_data(5, 4), pivot, cnode_data(3, 4), src));
    CHECK_OK(seL4_CNode_Delete(dest, 0x51, 8));
    CHECK_OK(seL4_CNode_Delete(pivot, 0x31, 8));
    CHECK_ERR(seL4_CNode_Delete(dest, 0x31, 8), seL4_FailedLookup);
    CHECK_MR(1, seL4_GuardMismatch);
    CHECK_ERR(seL4_CNode_Delete(pivot, 0x51, 8), seL4_FailedLookup);
    CHECK_MR(1, seL4_GuardMismatch);
}

static void cnode_rotate_with_dest_equal_to_src_swaps_two_caps(void)
{
    seL4_CPtr a = new_object(seL4_TCBObject, 0);
    seL4_CPtr b = new_object(seL4_CapTableObject, 4);
    if (!a || !b)
        return;
    REQUIRE_OK(rotate(a, 0, b, 0, a));
    CHECK_CAP(a, CAP_CNODE);
    CHECK_CAP(b, CAP_THREAD);
}

static void cnode_rotate_rejects_a_pivot_equal_to_src_or_dest(void)
{
    seL4_CPtr dest = slot_alloc();
    seL4_CPtr a = new_object(seL4_TCBObject, 0);
    seL4_CPtr b = new_object(seL4_CapTableObject, 4);
    if (!dest || !a || !b)
        return;
    CHECK_ERR(rotate(dest, 0, a, 0, a), seL4_IllegalOperation);
    CHECK_ERR(rotate(b, 0, b, 0, a), seL4_IllegalOperation);
    CHECK_CAP(dest, CAP_NULL);
    CHECK_CAP(a, CAP_THREAD);
    CHECK_CAP(b, CAP_CNODE);
}

static void cnode_rotate_into_an_occupied_dest_is_delete_first(void)
{
    seL4_CPtr dest = new_object(seL4_NotificationObject, 0);
    seL4_CPtr pivot = new_object(seL4_TCBObject, 0);
    seL4_CPtr src = new_object(seL4_CapTableObject, 4);
    if (!dest || !pivot || !src)
        return;
    CHECK_ERR(rotate(dest, 0, pivot, 0, src), seL4_DeleteFirst);
    CHECK_CAP(dest, CAP_NOTIFICATION);
    CHECK_CAP(pivot, CAP_THREAD);
    CHECK_CAP(src, CAP_CNODE);
}

static void cnode_rotate_from_an_empty_src_or_pivot_fails_the_lookup(void)
{
    seL4_CPtr dest = slot_alloc();
    seL4_CPtr empty = slot_alloc();
    seL4_CPtr full = new_object(seL4_TCBObject, 0);
    if (!dest || !empty || !full)
        return;
    CHECK_ERR(rotate(dest, 0, full, 0, empty), seL4_FailedLookup);
    CHECK_MR(0, 1);
    /* MR0 is not checked here: the spec does not say whether the pivot counts as a
     * source slot (seL4 reports 0 for an empty pivot but 1 for a failed pivot lookup). */
    CHECK_ERR(rotate(dest, 0, empty, 0, full), seL4_FailedLookup);
    CHECK_CAP(dest, CAP_NULL);
    CHECK_CAP(full, CAP_THREAD);
}

static void cnode_rotate_of_an_endpoint_cap_is_illegal(void)
{
    seL4_CPtr dest = slot_alloc();
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!dest || !ep || !tcb)
        return;
    /* Rotate applies badge data mutate-style, which endpoint caps refuse. */
    CHECK_ERR(rotate(dest, 0, ep, 0, tcb), seL4_IllegalOperation);
    CHECK_ERR(rotate(dest, 0, tcb, 0, ep), seL4_IllegalOperation);
    CHECK_CAP(dest, CAP_NULL);
    CHECK_CAP(ep, CAP_ENDPOINT);
    CHECK_CAP(tcb, CAP_THREAD);
}

static void cnode_delete_empties_a_slot_and_accepts_an_empty_one(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!ep)
        return;
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, ep, ROOT_DEPTH));
    CHECK_CAP(ep, CAP_NULL);
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, ep, ROOT_DEPTH));
    CHECK_OK(seL4_CNode_Revoke(ROOT_CNODE, ep, ROOT_DEPTH));
}

static void cnode_cancel_badged_sends_needs_an_endpoint_cap_with_all_rights(void)
{
    seL4_CPtr empty = slot_alloc();
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr ntfn = new_object(seL4_NotificationObject, 0);
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!empty || !ep || !ntfn || !tcb)
        return;
    CHECK_ERR(seL4_CNode_CancelBadgedSends(ROOT_CNODE, empty, ROOT_DEPTH), seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_CancelBadgedSends(ROOT_CNODE, ntfn, ROOT_DEPTH), seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_CancelBadgedSends(ROOT_CNODE, tcb, ROOT_DEPTH), seL4_IllegalOperation);
    /* Badge 0: allowed and a no-op. */
    CHECK_OK(seL4_CNode_CancelBadgedSends(ROOT_CNODE, ep, ROOT_DEPTH));
    seL4_CPtr badged = mint_cap(ep, seL4_AllRights, 5);
    if (!badged)
        return;
    CHECK_OK(seL4_CNode_CancelBadgedSends(ROOT_CNODE, badged, ROOT_DEPTH));
    /* Each of the four rights is needed. */
    seL4_CPtr no_grant_reply = mint_cap(ep, seL4_CapRights_new(0, 1, 1, 1), 6);
    seL4_CPtr read_write = copy_cap(badged, seL4_ReadWrite);
    if (!no_grant_reply || !read_write)
        return;
    CHECK_ERR(seL4_CNode_CancelBadgedSends(ROOT_CNODE, no_grant_reply, ROOT_DEPTH),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_CancelBadgedSends(ROOT_CNODE, read_write, ROOT_DEPTH), seL4_IllegalOperation);
    /* Copying with all rights cannot give back the rights a cap lost. */
    seL4_CPtr regrown = copy_cap(read_write, seL4_AllRights);
    if (!regrown)
        return;
    CHECK_ERR(seL4_CNode_CancelBadgedSends(ROOT_CNODE, regrown, ROOT_DEPTH), seL4_IllegalOperation);
}

static void cnode_save_caller_with_no_reply_cap_saves_nothing(void)
{
    seL4_CPtr dst = slot_alloc();
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!dst || !ep)
        return;
    CHECK_OK(seL4_CNode_SaveCaller(ROOT_CNODE, dst, ROOT_DEPTH));
    CHECK_CAP(dst, CAP_NULL);
    CHECK_ERR(seL4_CNode_SaveCaller(ROOT_CNODE, ep, ROOT_DEPTH), seL4_DeleteFirst);
    CHECK_CAP(ep, CAP_ENDPOINT);
}

const test_case_t cnode_tests[] = {
    TEST_CASE(cnode_copy_makes_a_child_cap_to_the_same_object),
    TEST_CASE(cnode_copy_with_no_rights_is_still_an_endpoint),
    TEST_CASE(cnode_copy_into_an_occupied_slot_is_delete_first_before_the_source_is_checked),
    TEST_CASE(cnode_copy_from_an_empty_slot_fails_the_source_lookup),
    TEST_CASE(cnode_depth_outside_1_to_32_is_range_error),
    TEST_CASE(cnode_index_outside_the_root_guard_is_guard_mismatch),
    TEST_CASE(cnode_depth_short_of_guard_and_radix_is_a_lookup_mismatch),
    TEST_CASE(cnode_lookup_that_leaves_bits_over_is_depth_mismatch),
    TEST_CASE(cnode_lookup_walks_through_a_second_level_cnode),
    TEST_CASE(cnode_invoking_an_empty_slot_is_invalid_capability),
    TEST_CASE(cnode_method_on_a_non_cnode_cap_is_illegal_operation),
    TEST_CASE(cnode_method_with_too_few_words_or_caps_is_truncated_message),
    TEST_CASE(cnode_mint_badges_an_unbadged_endpoint),
    TEST_CASE(cnode_mint_badges_an_unbadged_notification),
    TEST_CASE(cnode_mint_with_badge_0_is_a_plain_copy),
    TEST_CASE(cnode_mint_keeps_only_the_low_28_badge_bits),
    TEST_CASE(cnode_mint_sets_the_guard_of_a_cnode_cap),
    TEST_CASE(cnode_mint_of_a_cnode_guard_too_big_for_its_radix_is_illegal),
    TEST_CASE(cnode_mint_ignores_the_badge_of_a_tcb_cap),
    TEST_CASE(cnode_copy_of_irq_control_is_illegal_operation),
    TEST_CASE(cnode_copy_of_an_unmapped_page_table_or_unassigned_page_directory_is_illegal),
    TEST_CASE(cnode_copy_of_an_unmapped_frame_is_allowed),
    TEST_CASE(cnode_move_empties_the_source),
    TEST_CASE(cnode_move_onto_itself_is_delete_first),
    TEST_CASE(cnode_move_keeps_the_cap_an_original),
    TEST_CASE(cnode_mutate_of_an_endpoint_or_notification_is_illegal),
    TEST_CASE(cnode_mutate_sets_and_clears_a_cnode_guard),
    TEST_CASE(cnode_mutate_moves_other_caps_unchanged),
    TEST_CASE(cnode_rotate_moves_three_caps_along),
    TEST_CASE(cnode_rotate_applies_each_badge_to_the_cap_it_moves),
    TEST_CASE(cnode_rotate_with_dest_equal_to_src_swaps_two_caps),
    TEST_CASE(cnode_rotate_rejects_a_pivot_equal_to_src_or_dest),
    TEST_CASE(cnode_rotate_into_an_occupied_dest_is_delete_first),
    TEST_CASE(cnode_rotate_from_an_empty_src_or_pivot_fails_the_lookup),
    TEST_CASE(cnode_rotate_of_an_endpoint_cap_is_illegal),
    TEST_CASE(cnode_delete_empties_a_slot_and_accepts_an_empty_one),
    TEST_CASE(cnode_cancel_badged_sends_needs_an_endpoint_cap_with_all_rights),
    TEST_CASE(cnode_save_caller_with_no_reply_cap_saves_nothing),
};
const unsigned cnode_test_count = sizeof(cnode_tests) / sizeof(cnode_tests[0]);
