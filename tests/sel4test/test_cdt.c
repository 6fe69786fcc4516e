/*
 * tests/sel4test/test_cdt.c - the capability derivation tree: what Revoke removes
 * (spec §5.4, §11.2) in long copy chains, badge groups and nested untypeds, and what
 * deleting the last cap to a CNode destroys with it (spec §11.3). Thread deletion is
 * in test_tcb.c. Partners: helpers.h, main.c.
 */
#include "helpers.h"

#define CHAIN_LENGTH 100

static void revoke_removes_a_100_cap_chain_of_mints_and_copies(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr chain = slot_alloc_range(CHAIN_LENGTH);
    if (!ep || !chain)
        return;
    /* ep -> Mint (badged original) -> Copy -> Copy ... each made from the one before. */
    REQUIRE_OK(seL4_CNode_Mint(ROOT_CNODE, chain, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH, seL4_AllRights,
                               42));
    for (unsigned i = 1; i < CHAIN_LENGTH; i++)
        REQUIRE_OK(seL4_CNode_Copy(ROOT_CNODE, chain + i, ROOT_DEPTH, ROOT_CNODE, chain + i - 1,
                                   ROOT_DEPTH, seL4_AllRights));
    CHECK_CAP(chain + CHAIN_LENGTH - 1, CAP_ENDPOINT);
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, ep, ROOT_DEPTH));
    for (unsigned i = 0; i < CHAIN_LENGTH; i++)
        CHECK_CAP(chain + i, CAP_NULL);
    CHECK_CAP(ep, CAP_ENDPOINT);
}

static void revoke_removes_a_chain_of_copies_of_copies(void)
{
    seL4_CPtr ep = new_object(seL4_NotificationObject, 0);
    seL4_CPtr chain = slot_alloc_range(CHAIN_LENGTH);
    if (!ep || !chain)
        return;
    seL4_CPtr prev = ep;
    for (unsigned i = 0; i < CHAIN_LENGTH; i++) {
        REQUIRE_OK(seL4_CNode_Copy(ROOT_CNODE, chain + i, ROOT_DEPTH, ROOT_CNODE, prev, ROOT_DEPTH,
                                   seL4_AllRights));
        prev = chain + i;
    }
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, ep, ROOT_DEPTH));
    for (unsigned i = 0; i < CHAIN_LENGTH; i++)
        CHECK_CAP(chain + i, CAP_NULL);
    CHECK_CAP(ep, CAP_NOTIFICATION);
}

static void revoke_of_a_non_original_copy_deletes_nothing(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!ep)
        return;
    seL4_CPtr c1 = copy_cap(ep, seL4_AllRights);
    if (!c1)
        return;
    /* A copy of a copy is its sibling, not its child. */
    seL4_CPtr c2 = copy_cap(c1, seL4_AllRights);
    if (!c2)
        return;
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, c1, ROOT_DEPTH));
    CHECK_CAP(c1, CAP_ENDPOINT);
    CHECK_CAP(c2, CAP_ENDPOINT);
}

static void revoke_of_a_badged_original_deletes_only_its_own_copies(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!ep)
        return;
    /* Two Mints of the same badge start two separate groups. */
    seL4_CPtr m1 = mint_cap(ep, seL4_AllRights, 7);
    seL4_CPtr m2 = mint_cap(ep, seL4_AllRights, 7);
    if (!m1 || !m2)
        return;
    seL4_CPtr m1c = copy_cap(m1, seL4_AllRights);
    seL4_CPtr m2c = copy_cap(m2, seL4_AllRights);
    seL4_CPtr plain = copy_cap(ep, seL4_AllRights);
    if (!m1c || !m2c || !plain)
        return;
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, m1, ROOT_DEPTH));
    CHECK_CAP(m1c, CAP_NULL);
    CHECK_CAP(m1, CAP_ENDPOINT);
    CHECK_CAP(m2, CAP_ENDPOINT);
    CHECK_CAP(m2c, CAP_ENDPOINT);
    CHECK_CAP(plain, CAP_ENDPOINT);
    CHECK_CAP(ep, CAP_ENDPOINT);
}

static void revoke_of_the_unbadged_original_deletes_badged_and_unbadged_copies(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!ep)
        return;
    seL4_CPtr m = mint_cap(ep, seL4_AllRights, 9);
    seL4_CPtr plain = copy_cap(ep, seL4_CanRead);
    if (!m || !plain)
        return;
    seL4_CPtr mc = copy_cap(m, seL4_CanWrite);
    if (!mc)
        return;
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, ep, ROOT_DEPTH));
    CHECK_CAP(m, CAP_NULL);
    CHECK_CAP(mc, CAP_NULL);
    CHECK_CAP(plain, CAP_NULL);
    CHECK_CAP(ep, CAP_ENDPOINT);
}

static void revoke_clears_a_three_level_untyped_tree(void)
{
    seL4_CPtr u0 = new_untyped(16);
    seL4_CPtr u1 = slot_alloc(), u2 = slot_alloc();
    seL4_CPtr ep1 = slot_alloc(), ep2 = slot_alloc(), tcb2 = slot_alloc();
    seL4_CPtr refill = slot_alloc_range(16);
    if (!u0 || !u1 || !u2 || !ep1 || !ep2 || !tcb2 || !refill)
        return;
    REQUIRE_OK(retype_into(u0, seL4_UntypedObject, 14, u1, 1));
    REQUIRE_OK(retype_into(u1, seL4_UntypedObject, 12, u2, 1));
    REQUIRE_OK(retype_into(u1, seL4_EndpointObject, 0, ep1, 1));
    REQUIRE_OK(retype_into(u2, seL4_EndpointObject, 0, ep2, 1));
    REQUIRE_OK(retype_into(u2, seL4_TCBObject, 0, tcb2, 1));

    /* Revoking the middle level removes everything below it, not itself. */
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, u1, ROOT_DEPTH));
    CHECK_CAP(u2, CAP_NULL);
    CHECK_CAP(ep1, CAP_NULL);
    CHECK_CAP(ep2, CAP_NULL);
    CHECK_CAP(tcb2, CAP_NULL);
    CHECK_CAP(u1, CAP_UNTYPED);
    /* And u1's memory is whole again: sixteen 1 KiB TCBs. */
    CHECK_OK(retype_into(u1, seL4_TCBObject, 0, refill, 16));

    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, u0, ROOT_DEPTH));
    CHECK_CAP(u1, CAP_NULL);
    CHECK_CAP(refill, CAP_NULL);
    CHECK_CAP(refill + 15, CAP_NULL);
    CHECK_CAP(u0, CAP_UNTYPED);
}

static void revoke_of_an_untyped_removes_caps_moved_away_and_copied(void)
{
    seL4_CPtr ut = new_untyped(12);
    seL4_CPtr ep = slot_alloc(), moved = slot_alloc();
    if (!ut || !ep || !moved)
        return;
    REQUIRE_OK(retype_into(ut, seL4_EndpointObject, 0, ep, 1));
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, moved, ROOT_DEPTH, ROOT_CNODE, ep, ROOT_DEPTH));
    seL4_CPtr copy = copy_cap(moved, seL4_AllRights);
    if (!copy)
        return;
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, ut, ROOT_DEPTH));
    CHECK_CAP(moved, CAP_NULL);
    CHECK_CAP(copy, CAP_NULL);
}

static void delete_of_the_last_cnode_cap_deletes_the_caps_inside(void)
{
    seL4_CPtr ut = new_untyped(12);
    seL4_CPtr cnode = new_object(seL4_CapTableObject, 4);
    seL4_CPtr probe = slot_alloc();
    if (!ut || !cnode || !probe)
        return;
    /* The only cap to this endpoint lives in slot 0 of the CNode. */
    REQUIRE_OK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT_CNODE, cnode, ROOT_DEPTH, 0, 1));
    seL4_CPtr other = copy_cap(cnode, seL4_AllRights);
    if (!other)
        return;
    /* A copy of an untyped with children is refused: the endpoint is ut's child. */
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, probe, ROOT_DEPTH, ROOT_CNODE, ut, ROOT_DEPTH, seL4_AllRights),
              seL4_RevokeFirst);
    /* With another cap to the CNode left, its contents survive. */
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, cnode, ROOT_DEPTH));
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, probe, ROOT_DEPTH, ROOT_CNODE, ut, ROOT_DEPTH, seL4_AllRights),
              seL4_RevokeFirst);
    /* Deleting the last cap destroys the CNode and the endpoint cap in it. */
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, other, ROOT_DEPTH));
    CHECK_OK(seL4_CNode_Copy(ROOT_CNODE, probe, ROOT_DEPTH, ROOT_CNODE, ut, ROOT_DEPTH, seL4_AllRights));
    CHECK_CAP(probe, CAP_UNTYPED);
}

static void delete_of_a_cnode_destroys_cnodes_nested_in_it(void)
{
    seL4_CPtr ut = new_untyped(12);
    seL4_CPtr outer = new_object(seL4_CapTableObject, 4);
    seL4_CPtr probe = slot_alloc();
    if (!ut || !outer || !probe)
        return;
    /* outer[1] holds the only cap to an inner CNode whose slot 0 holds an endpoint. */
    REQUIRE_OK(seL4_Untyped_Retype(pool_untyped, seL4_CapTableObject, 2, ROOT_CNODE, outer, ROOT_DEPTH, 1,
                                   1));
    /* Index 1 at depth 4 under outer names the slot holding the inner CNode's cap. */
    REQUIRE_OK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, outer, 1, 4, 0, 1));
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, probe, ROOT_DEPTH, ROOT_CNODE, ut, ROOT_DEPTH, seL4_AllRights),
              seL4_RevokeFirst);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, outer, ROOT_DEPTH));
    CHECK_OK(seL4_CNode_Copy(ROOT_CNODE, probe, ROOT_DEPTH, ROOT_CNODE, ut, ROOT_DEPTH, seL4_AllRights));
}

const test_case_t cdt_tests[] = {
    TEST_CASE(revoke_removes_a_100_cap_chain_of_mints_and_copies),
    TEST_CASE(revoke_removes_a_chain_of_copies_of_copies),
    TEST_CASE(revoke_of_a_non_original_copy_deletes_nothing),
    TEST_CASE(revoke_of_a_badged_original_deletes_only_its_own_copies),
    TEST_CASE(revoke_of_the_unbadged_original_deletes_badged_and_unbadged_copies),
    TEST_CASE(revoke_clears_a_three_level_untyped_tree),
    TEST_CASE(revoke_of_an_untyped_removes_caps_moved_away_and_copied),
    TEST_CASE(delete_of_the_last_cnode_cap_deletes_the_caps_inside),
    TEST_CASE(delete_of_a_cnode_destroys_cnodes_nested_in_it),
};
const unsigned cdt_test_count = sizeof(cdt_tests) / sizeof(cdt_tests[0]);
