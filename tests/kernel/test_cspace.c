/*
 * tests/kernel/test_cspace.c - CSpace addressing (spec 5.3): guards, radices,
 * depth, multi-level CNodes, leftover bits and the CNode-argument lookup rules.
 * Partners: kernel/cspace.c (cspace_resolve, cspace_lookup_slot,
 * cspace_lookup_target), harness.c.
 */
#include "harness.h"

TestSuite(cspace, .init = harness_init, .fini = harness_fini);

/* Resolves and expects success; returns the bits left over. */
static unsigned resolve_ok(cap_t root, uint32_t cptr, unsigned depth, cte_t *expected)
{
    cte_t *slot = NULL;
    unsigned left = 99;
    lookup_fault_t f = {0, 0, 0, 0};
    cr_assert(cspace_resolve(root, cptr, depth, &slot, &left, &f),
              "cptr 0x%x depth %u failed: type %u bits_left %u", cptr, depth, f.type, f.bits_left);
    cr_assert_eq(slot, expected, "cptr 0x%x reached slot %p, expected %p", cptr, (void *)slot,
                 (void *)expected);
    return left;
}

static lookup_fault_t resolve_fails(cap_t root, uint32_t cptr, unsigned depth)
{
    cte_t *slot = NULL;
    unsigned left = 0;
    lookup_fault_t f = {0, 0, 0, 0};
    cr_assert_not(cspace_resolve(root, cptr, depth, &slot, &left, &f), "cptr 0x%x resolved", cptr);
    return f;
}

Test(cspace, guard_match_consumes_guard_then_radix)
{
    /* The root task's shape: radix 8, 24 guard bits of 0, so cptr = slot index. */
    cap_t root = harness_cnode(8, 24, 0);
    cr_assert_eq(resolve_ok(root, 5, 32, harness_slot(root, 5)), 0);
    cr_assert_eq(resolve_ok(root, 255, 32, harness_slot(root, 255)), 0);
    /* A non-zero guard is matched against the top bits below the depth. */
    cap_t g = harness_cnode(4, 4, 0xA);
    cr_assert_eq(resolve_ok(g, 0xA3, 8, harness_slot(g, 3)), 0);
}

Test(cspace, guard_mismatch_reports_bits_left_and_guard)
{
    cap_t g = harness_cnode(4, 4, 0xA);
    lookup_fault_t f = resolve_fails(g, 0x53, 8);
    cr_assert_eq(f.type, LOOKUP_GUARD_MISMATCH);
    cr_assert_eq(f.bits_left, 8);
    cr_assert_eq(f.bits_found, 0xA, "GuardMismatch reports the CNode's guard");
    cr_assert_eq(f.guard_size, 4);
}

Test(cspace, guard_longer_than_remaining_depth_is_a_guard_mismatch)
{
    cap_t g = harness_cnode(4, 8, 0);
    lookup_fault_t f = resolve_fails(g, 0, 6);
    cr_assert_eq(f.type, LOOKUP_GUARD_MISMATCH);
    cr_assert_eq(f.bits_left, 6);
    cr_assert_eq(f.guard_size, 8);
}

Test(cspace, guard_wider_than_stored_guard_field_matches_zero_high_bits)
{
    /* 20 guard bits: the stored guard is 18 bits, so the top two must be 0. */
    cap_t g = harness_cnode(12, 20, 0x2ABCD);
    cr_assert_eq(resolve_ok(g, (0x2ABCDu << 12) | 0x123, 32, harness_slot(g, 0x123)), 0);
    lookup_fault_t f = resolve_fails(g, (0xAABCDu << 12) | 0x123, 32);
    cr_assert_eq(f.type, LOOKUP_GUARD_MISMATCH);
    cr_assert_eq(f.bits_left, 32);
}

Test(cspace, depth_mismatch_when_radix_needs_more_bits_than_left)
{
    cap_t root = harness_cnode(8, 0, 0);
    lookup_fault_t f = resolve_fails(root, 0x5, 4);
    cr_assert_eq(f.type, LOOKUP_DEPTH_MISMATCH);
    cr_assert_eq(f.bits_left, 4);
    cr_assert_eq(f.bits_found, 8, "DepthMismatch reports guard + radix bits");
    /* Guard plus radix together decide: 2 + 8 bits do not fit in 9. */
    cap_t g = harness_cnode(8, 2, 0);
    f = resolve_fails(g, 0x5, 9);
    cr_assert_eq(f.type, LOOKUP_DEPTH_MISMATCH);
    cr_assert_eq(f.bits_left, 9);
    cr_assert_eq(f.bits_found, 10);
}

Test(cspace, two_level_lookup_walks_into_the_second_cnode)
{
    cap_t root = harness_cnode(4, 0, 0);
    cap_t inner = harness_cnode(4, 24, 0);
    harness_place(harness_slot(root, 3), inner, true);
    /* 4 bits pick slot 3 of the root; 24 guard bits and 4 index bits follow. */
    cr_assert_eq(resolve_ok(root, (3u << 28) | 7, 32, harness_slot(inner, 7)), 0);
    /* The same slot as an 8-bit CNode-style address needs a guardless inner node. */
    cap_t inner2 = harness_cnode(4, 0, 0);
    harness_place(harness_slot(root, 4), inner2, true);
    cte_t *slot;
    lookup_fault_t f;
    cr_assert_eq(cspace_lookup_target(root, 0x47, 8, &slot, &f), seL4_NoError);
    cr_assert_eq(slot, harness_slot(inner2, 7));
    /* Depth 4 stops at the root's slot holding the inner CNode cap. */
    cr_assert_eq(cspace_lookup_target(root, 0x4, 4, &slot, &f), seL4_NoError);
    cr_assert_eq(slot, harness_slot(root, 4));
}

Test(cspace, second_level_guard_mismatch_reports_bits_left_there)
{
    cap_t root = harness_cnode(4, 0, 0);
    cap_t inner = harness_cnode(4, 4, 0x5);
    harness_place(harness_slot(root, 3), inner, true);
    cr_assert_eq(resolve_ok(root, 0x357, 12, harness_slot(inner, 7)), 0);
    lookup_fault_t f = resolve_fails(root, 0x367, 12);
    cr_assert_eq(f.type, LOOKUP_GUARD_MISMATCH);
    cr_assert_eq(f.bits_left, 8);
    cr_assert_eq(f.bits_found, 0x5);
    cr_assert_eq(f.guard_size, 4);
}

Test(cspace, leftover_bits_stop_at_a_non_cnode_cap)
{
    cap_t root = harness_cnode(8, 0, 0);
    cte_t *ep_slot = harness_slot(root, 2);
    harness_place(ep_slot, cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    /* A syscall lookup accepts the 24 unused bits ... */
    cr_assert_eq(resolve_ok(root, 0x02ABCDEFu, 32, ep_slot), 24);
    cte_t *slot;
    lookup_fault_t f;
    cr_assert(cspace_lookup_slot(root, 0x02ABCDEFu, &slot, &f));
    cr_assert_eq(slot, ep_slot);
    /* ... a CNode-style argument does not: DepthMismatch with bitsFound 0. */
    cr_assert_eq(cspace_lookup_target(root, 0x02ABCDEFu, 32, &slot, &f), seL4_FailedLookup);
    cr_assert_eq(f.type, LOOKUP_DEPTH_MISMATCH);
    cr_assert_eq(f.bits_left, 24);
    cr_assert_eq(f.bits_found, 0);
}

Test(cspace, empty_slot_is_a_successful_lookup_of_a_null_cap)
{
    cap_t root = harness_cnode(8, 24, 0);
    cte_t *slot;
    lookup_fault_t f;
    cr_assert(cspace_lookup_slot(root, 77, &slot, &f));
    cr_assert_eq(slot, harness_slot(root, 77));
    cr_assert(cap_is_null(slot->cap));
}

Test(cspace, invalid_root_when_root_is_not_a_cnode)
{
    lookup_fault_t f = resolve_fails(cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), 0, 32);
    cr_assert_eq(f.type, LOOKUP_INVALID_ROOT);
    f = resolve_fails(cap_null(), 0, 32);
    cr_assert_eq(f.type, LOOKUP_INVALID_ROOT);
    cte_t *slot;
    cr_assert_eq(cspace_lookup_target(cap_null(), 1, 8, &slot, &f), seL4_FailedLookup);
    cr_assert_eq(f.type, LOOKUP_INVALID_ROOT);
}

Test(cspace, lookup_target_depth_must_be_1_to_32)
{
    cap_t root = harness_cnode(8, 24, 0);
    cte_t *slot;
    lookup_fault_t f;
    cr_assert_eq(cspace_lookup_target(root, 1, 0, &slot, &f), seL4_RangeError);
    cr_assert_eq(cspace_lookup_target(root, 1, 33, &slot, &f), seL4_RangeError);
    /* The range is checked before the root: even an invalid root gives RangeError. */
    cr_assert_eq(cspace_lookup_target(cap_null(), 1, 0, &slot, &f), seL4_RangeError);
    cr_assert_eq(cspace_lookup_target(root, 1, 32, &slot, &f), seL4_NoError);
    cr_assert_eq(slot, harness_slot(root, 1));
    cap_t one_bit = harness_cnode(1, 0, 0);
    cr_assert_eq(cspace_lookup_target(one_bit, 1, 1, &slot, &f), seL4_NoError);
    cr_assert_eq(slot, harness_slot(one_bit, 1));
}

Test(cspace, lookup_target_needs_exact_depth)
{
    cap_t root = harness_cnode(8, 0, 0);
    cte_t *slot;
    lookup_fault_t f;
    cr_assert_eq(cspace_lookup_target(root, 5, 8, &slot, &f), seL4_NoError);
    cr_assert_eq(slot, harness_slot(root, 5));
    /* One bit too many: the walk ends at an empty slot with a bit left. */
    cr_assert_eq(cspace_lookup_target(root, 10, 9, &slot, &f), seL4_FailedLookup);
    cr_assert_eq(f.type, LOOKUP_DEPTH_MISMATCH);
    cr_assert_eq(f.bits_left, 1);
    cr_assert_eq(f.bits_found, 0);
    /* One bit too few: the radix does not fit. */
    cr_assert_eq(cspace_lookup_target(root, 5, 7, &slot, &f), seL4_FailedLookup);
    cr_assert_eq(f.type, LOOKUP_DEPTH_MISMATCH);
    cr_assert_eq(f.bits_left, 7);
    cr_assert_eq(f.bits_found, 8);
}

Test(cspace, self_referencing_cnode_resolves_level_by_level)
{
    /* A CNode holding a cap to itself: each level eats 8 bits until none are left. */
    cap_t root = harness_cnode(8, 0, 0);
    harness_place(harness_slot(root, 0x12), root, true);
    cr_assert_eq(resolve_ok(root, 0x12121234u, 32, harness_slot(root, 0x34)), 0);
    cr_assert_eq(resolve_ok(root, 0x1234u, 16, harness_slot(root, 0x34)), 0);
    /* A non-CNode slot on the way stops the walk with the rest left over. */
    cr_assert_eq(resolve_ok(root, 0x12341234u, 32, harness_slot(root, 0x34)), 16);
}

/* A CNode cap's guard never has bits above its size (the IPC fastpath's lookup relies
 * on it): cap_cnode drops them. */
Test(cspace, a_cnode_cap_keeps_its_guard_to_its_size)
{
    cr_assert_eq(cnode_guard(harness_cnode(4, 3, 0x2F)), 0x7);
    cr_assert_eq(cnode_guard(harness_cnode(4, 0, 0x2F)), 0);
    cr_assert_eq(cnode_guard(harness_cnode(4, 28, 0x2F)), 0x2F);
}
