/*
 * tests/sel4test/test_untyped.c - Untyped_Retype: every object type, several objects
 * at once, each argument error in the order spec §8.2 gives, and the watermark
 * (alignment, NotEnoughMemory's free-byte count, reset by Revoke, spec §11.1),
 * device untypeds and untyped copies. Partners: helpers.h, main.c.
 */
#include "helpers.h"

#define UT4K_BITS 12 /* a 4 KiB untyped holds exactly four 1 KiB TCBs or 256 endpoints */
#define UT4K_BYTES (1u << UT4K_BITS)
#define TCB_BYTES (1u << seL4_TCBBits)

static void retype_creates_each_object_type(void)
{
    static const struct {
        seL4_Word type, size_bits;
        seL4_Uint32 tag;
        const char *name;
    } objs[] = {
        {seL4_UntypedObject, 12, CAP_UNTYPED, "Untyped"},
        {seL4_TCBObject, 0, CAP_THREAD, "TCB"},
        {seL4_EndpointObject, 0, CAP_ENDPOINT, "Endpoint"},
        {seL4_NotificationObject, 0, CAP_NOTIFICATION, "Notification"},
        {seL4_CapTableObject, 4, CAP_CNODE, "CapTable"},
        {seL4_ARM_SmallPageObject, 0, CAP_SMALL_FRAME, "SmallPage"},
        {seL4_ARM_LargePageObject, 0, CAP_FRAME, "LargePage"},
        {seL4_ARM_SectionObject, 0, CAP_FRAME, "Section"},
        {seL4_ARM_PageTableObject, 0, CAP_PAGE_TABLE, "PageTable"},
        {seL4_ARM_PageDirectoryObject, 0, CAP_PAGE_DIRECTORY, "PageDirectory"},
    };
    for (unsigned i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
        seL4_CPtr slot = slot_alloc();
        if (!slot)
            return;
        seL4_Error err = retype_into(pool_untyped, objs[i].type, objs[i].size_bits, slot, 1);
        CHECK(err == seL4_NoError, "Retype of a %s gave %s", objs[i].name, err_name(err));
        seL4_Uint32 tag = seL4_DebugCapIdentify(slot);
        CHECK(tag == objs[i].tag, "a new %s is identified as 0x%x, expected 0x%x", objs[i].name, tag,
              objs[i].tag);
    }
}

static void retype_fills_consecutive_slots_with_several_objects(void)
{
    seL4_CPtr first = slot_alloc_range(6);
    if (!first)
        return;
    REQUIRE_OK(retype_into(pool_untyped, seL4_EndpointObject, 0, first, 5));
    for (unsigned i = 0; i < 5; i++)
        CHECK_CAP(first + i, CAP_ENDPOINT);
    CHECK_CAP(first + 5, CAP_NULL);
}

static void retype_accepts_256_objects_but_not_0_or_257(void)
{
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    seL4_CPtr first = slot_alloc_range(257);
    if (!ut || !first)
        return;
    CHECK_ERR(retype_into(ut, seL4_EndpointObject, 0, first, 0), seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_UntypedRetypeMaxObjects);
    CHECK_ERR(retype_into(ut, seL4_EndpointObject, 0, first, 257), seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_UntypedRetypeMaxObjects);
    CHECK_CAP(first, CAP_NULL);
    /* 256 endpoints of 16 bytes fill the 4 KiB untyped exactly. */
    REQUIRE_OK(retype_into(ut, seL4_EndpointObject, 0, first, 256));
    CHECK_CAP(first, CAP_ENDPOINT);
    CHECK_CAP(first + 255, CAP_ENDPOINT);
    CHECK_CAP(first + 256, CAP_NULL);
}

static void retype_into_a_cnode_named_by_index_and_depth(void)
{
    seL4_CPtr ep_slot = slot_alloc();
    seL4_CPtr cnode = new_object(seL4_CapTableObject, 3);
    seL4_CPtr back = slot_alloc();
    seL4_CPtr spare = slot_alloc();
    if (!ep_slot || !cnode || !back || !spare)
        return;
    /* The root CNode's own cap, looked up at depth 32, names the same CNode as depth 0. */
    CHECK_OK(seL4_Untyped_Retype(pool_untyped, seL4_EndpointObject, 0, ROOT_CNODE,
                                 seL4_CapInitThreadCNode, ROOT_DEPTH, ep_slot, 1));
    CHECK_CAP(ep_slot, CAP_ENDPOINT);
    /* Into slots 1 and 2 of a 3-bit CNode held in a root slot. */
    REQUIRE_OK(seL4_Untyped_Retype(pool_untyped, seL4_NotificationObject, 0, ROOT_CNODE, cnode,
                                   ROOT_DEPTH, 1, 2));
    REQUIRE_OK(seL4_CNode_Copy(ROOT_CNODE, back, ROOT_DEPTH, cnode, 2, 3, seL4_AllRights));
    CHECK_CAP(back, CAP_NOTIFICATION);
    /* Slot 0 of the small CNode stayed empty: copying from it fails on the source. */
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, spare, ROOT_DEPTH, cnode, 0, 3, seL4_AllRights),
              seL4_FailedLookup);
    CHECK_MR(0, 1);
}

static void retype_rejects_an_unknown_object_type(void)
{
    seL4_CPtr slot = slot_alloc();
    if (!slot)
        return;
    CHECK_ERR(retype_into(pool_untyped, seL4_ObjectTypeCount, 0, slot, 1), seL4_InvalidArgument);
    CHECK_MR(0, 0);
    /* VCPUs need the hypervisor extensions, which this configuration leaves out. */
    CHECK_ERR(retype_into(pool_untyped, seL4_ARM_VCPUObject, 0, slot, 1), seL4_InvalidArgument);
    CHECK_MR(0, 0);
    CHECK_CAP(slot, CAP_NULL);
}

static void retype_rejects_objects_larger_than_2_to_29(void)
{
    seL4_CPtr slot = slot_alloc();
    if (!slot)
        return;
    CHECK_ERR(retype_into(pool_untyped, seL4_UntypedObject, 30, slot, 1), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_MaxUntypedBits);
    /* A CapTable of 2^26 slots is 2^30 bytes. */
    CHECK_ERR(retype_into(pool_untyped, seL4_CapTableObject, 26, slot, 1), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_MaxUntypedBits);
    /* size_bits is range-checked even where the type ignores it. */
    CHECK_ERR(retype_into(pool_untyped, seL4_EndpointObject, 32, slot, 1), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_MaxUntypedBits);
    CHECK_CAP(slot, CAP_NULL);
}

static void retype_ignores_size_bits_of_fixed_size_objects(void)
{
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    seL4_CPtr first = slot_alloc_range(256);
    if (!ut || !first)
        return;
    /* If size_bits 20 counted, the 4 KiB untyped could not hold this endpoint... */
    REQUIRE_OK(retype_into(ut, seL4_EndpointObject, 20, first, 1));
    /* ...and it took only 16 bytes: 255 more endpoints still fit. */
    CHECK_OK(retype_into(ut, seL4_EndpointObject, 0, first + 1, 255));
}

static void retype_rejects_a_capTable_of_size_0_and_an_untyped_below_16_bytes(void)
{
    seL4_CPtr slot = slot_alloc();
    if (!slot)
        return;
    CHECK_ERR(retype_into(pool_untyped, seL4_CapTableObject, 0, slot, 1), seL4_InvalidArgument);
    CHECK_MR(0, 1);
    CHECK_ERR(retype_into(pool_untyped, seL4_UntypedObject, seL4_MinUntypedBits - 1, slot, 1),
              seL4_InvalidArgument);
    CHECK_MR(0, 1);
    CHECK_CAP(slot, CAP_NULL);
    CHECK_OK(retype_into(pool_untyped, seL4_UntypedObject, seL4_MinUntypedBits, slot, 1));
    CHECK_CAP(slot, CAP_UNTYPED);
}

static void retype_into_an_occupied_slot_is_delete_first_and_creates_nothing(void)
{
    seL4_CPtr first = slot_alloc_range(3);
    if (!first)
        return;
    REQUIRE_OK(retype_into(pool_untyped, seL4_EndpointObject, 0, first + 1, 1));
    /* The window first..first+2 has its middle slot in use. */
    CHECK_ERR(retype_into(pool_untyped, seL4_NotificationObject, 0, first, 3), seL4_DeleteFirst);
    CHECK_CAP(first, CAP_NULL);
    CHECK_CAP(first + 1, CAP_ENDPOINT);
    CHECK_CAP(first + 2, CAP_NULL);
}

static void retype_checks_its_arguments_in_spec_order(void)
{
    seL4_CPtr busy = new_object(seL4_EndpointObject, 0);
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    if (!busy || !ut)
        return;
    /* Type first, even with the size, count and slot wrong too. */
    CHECK_ERR(retype_into(ut, seL4_ObjectTypeCount, 40, busy, 0), seL4_InvalidArgument);
    CHECK_MR(0, 0);
    /* Size range before the per-type size rules and the slot. */
    CHECK_ERR(retype_into(ut, seL4_UntypedObject, 32, busy, 0), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_MaxUntypedBits);
    CHECK_ERR(retype_into(ut, seL4_UntypedObject, 3, busy, 0), seL4_InvalidArgument);
    CHECK_MR(0, 1);
    /* Object count before the occupied slot. */
    CHECK_ERR(retype_into(ut, seL4_EndpointObject, 0, busy, 0), seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_UntypedRetypeMaxObjects);
    /* Occupied slot before the lack of memory (five TCBs do not fit in 4 KiB). */
    CHECK_ERR(retype_into(ut, seL4_TCBObject, 0, busy, 5), seL4_DeleteFirst);
}

static void retype_offset_or_window_beyond_the_cnode_is_range_error(void)
{
    seL4_Word slots = 1u << root_radix;
    CHECK_ERR(retype_into(pool_untyped, seL4_EndpointObject, 0, slots, 1), seL4_RangeError);
    /* The window is checked before its slots, so this holds whatever the last slot holds. */
    CHECK_ERR(retype_into(pool_untyped, seL4_EndpointObject, 0, slots - 1, 2), seL4_RangeError);
}

static void retype_destination_must_be_a_cnode(void)
{
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr slot = slot_alloc();
    if (!ep || !slot)
        return;
    /* node_index names an endpoint: the lookup succeeds but finds no CNode. */
    CHECK_ERR(seL4_Untyped_Retype(pool_untyped, seL4_EndpointObject, 0, ROOT_CNODE, ep, ROOT_DEPTH,
                                  0, 1),
              seL4_FailedLookup);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_MissingCapability);
    /* With depth 0 the root argument itself is the destination, and a TCB is no CNode. */
    CHECK_ERR(seL4_Untyped_Retype(pool_untyped, seL4_EndpointObject, 0, seL4_CapInitThreadTCB, 0, 0,
                                  slot, 1),
              seL4_FailedLookup);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_MissingCapability);
    /* With a depth, the root argument is where the lookup starts: an invalid root. */
    CHECK_ERR(seL4_Untyped_Retype(pool_untyped, seL4_EndpointObject, 0, seL4_CapInitThreadTCB,
                                  seL4_CapInitThreadCNode, ROOT_DEPTH, slot, 1),
              seL4_FailedLookup);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_InvalidRoot);
    CHECK_ERR(seL4_Untyped_Retype(pool_untyped, seL4_EndpointObject, 0, ROOT_CNODE,
                                  seL4_CapInitThreadCNode, ROOT_DEPTH + 1, slot, 1),
              seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, seL4_WordBits);
    CHECK_CAP(slot, CAP_NULL);
}

static void retype_without_enough_memory_reports_the_free_bytes(void)
{
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    seL4_CPtr first = slot_alloc_range(6);
    if (!ut || !first)
        return;
    CHECK_ERR(retype_into(ut, seL4_TCBObject, 0, first, 5), seL4_NotEnoughMemory);
    CHECK_MR(0, UT4K_BYTES);
    REQUIRE_OK(retype_into(ut, seL4_EndpointObject, 0, first, 1));
    /* 4080 bytes are free, but three 1 KiB TCBs are all that fit after alignment. */
    CHECK_ERR(retype_into(ut, seL4_TCBObject, 0, first + 1, 4), seL4_NotEnoughMemory);
    CHECK_MR(0, UT4K_BYTES - 16);
    REQUIRE_OK(retype_into(ut, seL4_TCBObject, 0, first + 1, 3));
    CHECK_ERR(retype_into(ut, seL4_EndpointObject, 0, first + 4, 1), seL4_NotEnoughMemory);
    CHECK_MR(0, 0);
}

static void retype_aligns_each_object_to_its_size(void)
{
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    seL4_CPtr first = slot_alloc_range(4);
    if (!ut || !first)
        return;
    REQUIRE_OK(retype_into(ut, seL4_EndpointObject, 0, first, 1));
    /* The TCB goes to offset 1024, not 16: the watermark ends at 2048. */
    REQUIRE_OK(retype_into(ut, seL4_TCBObject, 0, first + 1, 1));
    CHECK_ERR(retype_into(ut, seL4_TCBObject, 0, first + 2, 3), seL4_NotEnoughMemory);
    CHECK_MR(0, UT4K_BYTES - 2 * TCB_BYTES);
    CHECK_OK(retype_into(ut, seL4_TCBObject, 0, first + 2, 2));
}

static void retype_after_revoke_reuses_the_whole_untyped(void)
{
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    seL4_CPtr first = slot_alloc_range(5);
    if (!ut || !first)
        return;
    REQUIRE_OK(retype_into(ut, seL4_TCBObject, 0, first, 4));
    CHECK_ERR(retype_into(ut, seL4_TCBObject, 0, first + 4, 1), seL4_NotEnoughMemory);
    CHECK_MR(0, 0);
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, ut, ROOT_DEPTH));
    CHECK_CAP(ut, CAP_UNTYPED);
    for (unsigned i = 0; i < 4; i++)
        CHECK_CAP(first + i, CAP_NULL);
    CHECK_OK(retype_into(ut, seL4_TCBObject, 0, first, 4));
}

static void retype_after_deleting_some_children_does_not_reuse_their_memory(void)
{
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    seL4_CPtr first = slot_alloc_range(5);
    if (!ut || !first)
        return;
    REQUIRE_OK(retype_into(ut, seL4_TCBObject, 0, first, 4));
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, first, ROOT_DEPTH));
    /* Three children remain, so the watermark stays at the end. */
    CHECK_ERR(retype_into(ut, seL4_TCBObject, 0, first + 4, 1), seL4_NotEnoughMemory);
    CHECK_MR(0, 0);
    /* With no children left the next Retype starts from 0 again. */
    for (unsigned i = 1; i < 4; i++)
        REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, first + i, ROOT_DEPTH));
    CHECK_OK(retype_into(ut, seL4_TCBObject, 0, first, 4));
}

static void retype_from_a_child_untyped_and_around_it(void)
{
    seL4_CPtr parent = new_untyped(UT4K_BITS + 2); /* 16 KiB */
    seL4_CPtr child = slot_alloc();
    seL4_CPtr first = slot_alloc_range(17);
    if (!parent || !child || !first)
        return;
    REQUIRE_OK(retype_into(parent, seL4_UntypedObject, UT4K_BITS, child, 1));
    CHECK_CAP(child, CAP_UNTYPED);
    /* The child is 4 KiB: four TCBs and no more. */
    CHECK_OK(retype_into(child, seL4_TCBObject, 0, first, 4));
    CHECK_ERR(retype_into(child, seL4_TCBObject, 0, first + 4, 1), seL4_NotEnoughMemory);
    CHECK_MR(0, 0);
    /* The parent keeps the other 12 KiB: twelve TCBs, in two goes. */
    CHECK_OK(retype_into(parent, seL4_TCBObject, 0, first + 4, 8));
    CHECK_ERR(retype_into(parent, seL4_TCBObject, 0, first + 12, 5), seL4_NotEnoughMemory);
    CHECK_MR(0, 4 * TCB_BYTES);
    CHECK_OK(retype_into(parent, seL4_TCBObject, 0, first + 12, 4));
    CHECK_ERR(retype_into(parent, seL4_EndpointObject, 0, first + 16, 1), seL4_NotEnoughMemory);
    CHECK_MR(0, 0);
}

static void copy_of_an_untyped_with_children_is_revoke_first(void)
{
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    seL4_CPtr ep = slot_alloc();
    seL4_CPtr copy = slot_alloc();
    if (!ut || !ep || !copy)
        return;
    REQUIRE_OK(retype_into(ut, seL4_EndpointObject, 0, ep, 1));
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, copy, ROOT_DEPTH, ROOT_CNODE, ut, ROOT_DEPTH, seL4_AllRights),
              seL4_RevokeFirst);
    CHECK_CAP(copy, CAP_NULL);
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, ut, ROOT_DEPTH));
    CHECK_OK(seL4_CNode_Copy(ROOT_CNODE, copy, ROOT_DEPTH, ROOT_CNODE, ut, ROOT_DEPTH, seL4_AllRights));
    CHECK_CAP(copy, CAP_UNTYPED);
}

static void copy_of_an_untyped_leaves_the_original_full(void)
{
    seL4_CPtr ut = new_untyped(UT4K_BITS);
    seL4_CPtr first = slot_alloc_range(4);
    if (!ut || !first)
        return;
    seL4_CPtr copy = copy_cap(ut, seL4_AllRights);
    if (!copy)
        return;
    /* The copy is a child of the original, so the original cannot reset: it is full. */
    CHECK_ERR(retype_into(ut, seL4_EndpointObject, 0, first, 1), seL4_NotEnoughMemory);
    CHECK_MR(0, 0);
    /* The copy has no children and covers the whole region. */
    CHECK_OK(retype_into(copy, seL4_TCBObject, 0, first, 4));
}

static void retype_from_a_device_untyped_makes_only_frames_and_untypeds(void)
{
    /* Room for a page and then a small untyped: at least 8 KiB. */
    seL4_CPtr dev = find_device_untyped(seL4_PageBits + 1);
    if (!dev) {
        test_skip("BootInfo lists no device untyped of 8 KiB or more");
        return;
    }
    revoke_after_test(dev);
    seL4_CPtr frame = slot_alloc();
    seL4_CPtr ut = slot_alloc();
    seL4_CPtr bad = slot_alloc();
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!frame || !ut || !bad || !tcb)
        return;
    CHECK_OK(retype_into(dev, seL4_ARM_SmallPageObject, 0, frame, 1));
    CHECK_CAP(frame, CAP_SMALL_FRAME);
    CHECK_OK(retype_into(dev, seL4_UntypedObject, seL4_MinUntypedBits, ut, 1));
    CHECK_CAP(ut, CAP_UNTYPED);
    CHECK_ERR(retype_into(dev, seL4_EndpointObject, 0, bad, 1), seL4_InvalidArgument);
    CHECK_MR(0, 1);
    CHECK_ERR(retype_into(dev, seL4_TCBObject, 0, bad, 1), seL4_InvalidArgument);
    CHECK_MR(0, 1);
    CHECK_CAP(bad, CAP_NULL);
    /* A device frame cannot be an IPC buffer (spec §8.3). */
    CHECK_ERR(seL4_TCB_SetIPCBuffer(tcb, 0x200000, frame), seL4_IllegalOperation);
}

const test_case_t untyped_tests[] = {
    TEST_CASE(retype_creates_each_object_type),
    TEST_CASE(retype_fills_consecutive_slots_with_several_objects),
    TEST_CASE(retype_accepts_256_objects_but_not_0_or_257),
    TEST_CASE(retype_into_a_cnode_named_by_index_and_depth),
    TEST_CASE(retype_rejects_an_unknown_object_type),
    TEST_CASE(retype_rejects_objects_larger_than_2_to_29),
    TEST_CASE(retype_ignores_size_bits_of_fixed_size_objects),
    TEST_CASE(retype_rejects_a_capTable_of_size_0_and_an_untyped_below_16_bytes),
    TEST_CASE(retype_into_an_occupied_slot_is_delete_first_and_creates_nothing),
    TEST_CASE(retype_checks_its_arguments_in_spec_order),
    TEST_CASE(retype_offset_or_window_beyond_the_cnode_is_range_error),
    TEST_CASE(retype_destination_must_be_a_cnode),
    TEST_CASE(retype_without_enough_memory_reports_the_free_bytes),
    TEST_CASE(retype_aligns_each_object_to_its_size),
    TEST_CASE(retype_after_revoke_reuses_the_whole_untyped),
    TEST_CASE(retype_after_deleting_some_children_does_not_reuse_their_memory),
    TEST_CASE(retype_from_a_child_untyped_and_around_it),
    TEST_CASE(copy_of_an_untyped_with_children_is_revoke_first),
    TEST_CASE(copy_of_an_untyped_leaves_the_original_full),
    TEST_CASE(retype_from_a_device_untyped_makes_only_frames_and_untypeds),
};
const unsigned untyped_test_count = sizeof(untyped_tests) / sizeof(untyped_tests[0]);
