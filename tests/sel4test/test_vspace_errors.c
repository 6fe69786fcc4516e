/*
 * tests/sel4test/test_vspace_errors.c - every refusal of spec 8.7 with seL4's error and
 * error argument: an unassigned page directory, PageTable_Map and Page_Map (wrong
 * vspace, mapped already, seL4_UserTop, alignment, no page table, entries in use), the
 * cache operations of frames and page directories, methods on the wrong cap type and
 * with too few arguments. Partners: vspace_helpers.h, main.c.
 */
#include "vspace_helpers.h"

static void vspace_unassigned_page_directory_cannot_be_used(void)
{
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr dest = slot_alloc();
    REQUIRE(pd && pt && frame && tcb && dest, "setup");
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, pd, VA(0), ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_Page_Map(frame, pd, VA(0), RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* Spec 8.3: a thread's VSpace must be an assigned page directory. */
    CHECK_ERR(seL4_TCB_SetSpace(tcb, 0, ROOT_CNODE, 0, pd, 0), seL4_IllegalOperation);
    /* Spec 5.4: page directories and tables are copied only once assigned / mapped. */
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dest, ROOT_DEPTH, ROOT_CNODE, pd, ROOT_DEPTH, seL4_AllRights),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dest, ROOT_DEPTH, ROOT_CNODE, pt, ROOT_DEPTH, seL4_AllRights),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_PageDirectory_Clean_Data(pd, 0, PAGE), seL4_InvalidCapability);
    CHECK_MR(0, 0);
}

/* ---- errors of spec 8.7 ------------------------------------------------------------------ */

static void vspace_page_table_map_errors(void)
{
    seL4_Word va = VA(15);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr pt2 = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(pt && pt2 && ep && frame, "setup");
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, ep, va, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, pt2, va, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, frame, va, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, seL4_UserTop, ATTR),
              seL4_InvalidArgument);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, 0xFFF00000u, ATTR),
              seL4_InvalidArgument);
    CHECK_MR(0, 0);
    CHECK_OK(seL4_ARM_PageTable_Unmap(pt)); /* not mapped: nothing to do */
    REQUIRE_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va + 0x1234, ATTR));
    /* Mapped already: at the same place or another. */
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va + SECTION, ATTR),
              seL4_InvalidCapability);
    CHECK_MR(0, 0);
    /* The page directory entry holds a table already (any vaddr in that megabyte). */
    CHECK_ERR(seL4_ARM_PageTable_Map(pt2, seL4_CapInitThreadVSpace, va + 0xFF000, ATTR), seL4_DeleteFirst);
    /* The root's image region has its boot page table. */
    CHECK_ERR(seL4_ARM_PageTable_Map(pt2, seL4_CapInitThreadVSpace, image_start(), ATTR), seL4_DeleteFirst);
    CHECK_OK(seL4_ARM_PageTable_Map(pt2, seL4_CapInitThreadVSpace, va + SECTION, ATTR));
}

static void vspace_page_map_errors(void)
{
    seL4_Word va = VA(16), no_pt = VA(16) + SECTION;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr small = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr small2 = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = new_object(seL4_ARM_LargePageObject, 0);
    seL4_CPtr section = new_object(seL4_ARM_SectionObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    REQUIRE(small && small2 && large && section && ep && pt, "setup");
    /* Not a page directory. */
    CHECK_ERR(seL4_ARM_Page_Map(small, ep, va, RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_Page_Map(small, pt, va, RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_Page_Map(small, small2, va, RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* At or beyond seL4_UserTop. */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, seL4_UserTop, RW, ATTR),
              seL4_InvalidArgument);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_ARM_Page_Map(section, seL4_CapInitThreadVSpace, 0xFFF00000u, RW, ATTR),
              seL4_InvalidArgument);
    CHECK_MR(0, 0);
    /* Misaligned for the frame's size (a page table is there for the small ones). */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + 0x800, RW, ATTR), seL4_AlignmentError);
    CHECK_ERR(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, va + PAGE, RW, ATTR), seL4_AlignmentError);
    CHECK_ERR(seL4_ARM_Page_Map(section, seL4_CapInitThreadVSpace, no_pt + LARGE, RW, ATTR),
              seL4_AlignmentError);
    /* No page table for a 4K or 64K page. */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, no_pt, RW, ATTR), seL4_FailedLookup);
    CHECK(seL4_MappingFailedLookupLevel() == SEL4_MAPPING_LOOKUP_NO_PT, "lookup level %u, expected %u",
          seL4_MappingFailedLookupLevel(), SEL4_MAPPING_LOOKUP_NO_PT);
    CHECK_ERR(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, no_pt + LARGE, RW, ATTR), seL4_FailedLookup);
    CHECK(seL4_MappingFailedLookupLevel() == SEL4_MAPPING_LOOKUP_NO_PT, "lookup level %u for a large page",
          seL4_MappingFailedLookupLevel());
    /* A mapping of another kind is in the way. */
    REQUIRE_OK(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + 3 * PAGE, RW, ATTR), seL4_DeleteFirst);
    REQUIRE_OK(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + LARGE, RW, ATTR));
    REQUIRE_OK(seL4_ARM_Page_Unmap(large));
    CHECK_ERR(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, va + LARGE, RW, ATTR), seL4_DeleteFirst);
    CHECK_ERR(seL4_ARM_Page_Map(section, seL4_CapInitThreadVSpace, va, RW, ATTR), seL4_DeleteFirst);
    /* Unmapping an unmapped frame does nothing. */
    CHECK_OK(seL4_ARM_Page_Unmap(small2));
}

static void vspace_page_cache_operation_errors(void)
{
    seL4_Word va = VA(17);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = map_frame(seL4_ARM_LargePageObject, seL4_CapInitThreadVSpace, va + LARGE);
    REQUIRE(f && large, "frames");
    seL4_Error (*const ops[])(seL4_ARM_Page, seL4_Word, seL4_Word) = {
        seL4_ARM_Page_Clean_Data, seL4_ARM_Page_Invalidate_Data, seL4_ARM_Page_CleanInvalidate_Data,
        seL4_ARM_Page_Unify_Instruction};
    for (unsigned i = 0; i < 4; i++) {
        /* An unmapped frame: nothing to maintain, whatever the range. */
        seL4_Error err = ops[i](f, 0, PAGE);
        CHECK(err == seL4_IllegalOperation, "op %u on an unmapped frame gave %s", i, err_name(err));
    }
    REQUIRE_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    for (unsigned i = 0; i < 4; i++) {
        seL4_Error err = ops[i](f, 0, PAGE);
        CHECK(err == seL4_NoError, "op %u over the page gave %s", i, err_name(err));
        err = ops[i](f, 64, 128);
        CHECK(err == seL4_NoError, "op %u over [64, 128) gave %s", i, err_name(err));
        err = ops[i](f, 8, 8);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 1, "op %u, end = start: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
        err = ops[i](f, 100, 50);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 1, "op %u, end < start: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
        err = ops[i](f, 0, PAGE + 1);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 0, "op %u, end past the page: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
        err = ops[i](f, PAGE, PAGE + 4);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 0, "op %u, start past the page: %s MR0 %u",
              i, err_name(err), seL4_GetMR(0));
        /* The frame's size bounds the range. */
        err = ops[i](large, 0, LARGE);
        CHECK(err == seL4_NoError, "op %u over a large page gave %s", i, err_name(err));
        err = ops[i](large, 0, LARGE + 4);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 0, "op %u past a large page: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
    }
}

static void vspace_page_directory_cache_operation_errors(void)
{
    seL4_Word va = VA(18);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    REQUIRE(map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va + PAGE), "frame");
    seL4_Error (*const ops[])(seL4_ARM_PageDirectory, seL4_Word, seL4_Word) = {
        seL4_ARM_PageDirectory_Clean_Data, seL4_ARM_PageDirectory_Invalidate_Data,
        seL4_ARM_PageDirectory_CleanInvalidate_Data, seL4_ARM_PageDirectory_Unify_Instruction};
    seL4_CPtr pd = seL4_CapInitThreadVSpace;
    for (unsigned i = 0; i < 4; i++) {
        seL4_Error err = ops[i](pd, va + PAGE, va + 2 * PAGE);
        CHECK(err == seL4_NoError, "op %u over a mapped page gave %s", i, err_name(err));
        err = ops[i](pd, va + PAGE + 8, va + PAGE + 8);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 1, "op %u, end = start: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
        err = ops[i](pd, seL4_UserTop - PAGE, seL4_UserTop + 4);
        CHECK(err == seL4_IllegalOperation, "op %u reaching seL4_UserTop gave %s", i, err_name(err));
        /* Nothing mapped at start: nothing can be cached, so success. */
        err = ops[i](pd, va + 3 * PAGE, va + 4 * PAGE);
        CHECK(err == seL4_NoError, "op %u over an unmapped page gave %s", i, err_name(err));
        /* A range leaving the page that holds start. */
        err = ops[i](pd, va + PAGE + 0xF00, va + 2 * PAGE + 0x100);
        CHECK(err == seL4_RangeError, "op %u across a page boundary gave %s", i, err_name(err));
        CHECK(err != seL4_RangeError || seL4_GetMR(1) == va + 2 * PAGE - 1,
              "op %u: RangeError allows up to 0x%x, expected 0x%x", i, seL4_GetMR(1), va + 2 * PAGE - 1);
    }
}

/* Each VM method invoked on a cap of another type. */
static void vspace_methods_on_the_wrong_cap_type_are_illegal(void)
{
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr dest = slot_alloc();
    REQUIRE(pd && pt && f && ut && dest, "setup");
    REQUIRE_OK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd));
    CHECK_ERR(seL4_ARM_Page_Map(pt, pd, VA(24), RW, ATTR), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_Page_Unmap(pt), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_Page_Map(pd, pd, VA(24), RW, ATTR), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_PageTable_Map(f, pd, VA(24), ATTR), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_PageTable_Unmap(f), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_Page_Clean_Data(pd, 0, PAGE), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_PageDirectory_Clean_Data(f, 0, PAGE), seL4_IllegalOperation);
    seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(pt);
    CHECK(r.error == seL4_IllegalOperation, "GetAddress of a page table gave %s", err_name(r.error));
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapASIDControl, pd), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapInitThreadASIDPool, ut, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(ut, ut, ROOT_CNODE, dest, ROOT_DEPTH), seL4_IllegalOperation);
    CHECK_CAP(dest, CAP_NULL);
}

/* A VM invocation with fewer words or caps than its method takes; the reply label. */
static seL4_Error call_short(seL4_CPtr service, seL4_Word label, seL4_Word caps, seL4_Word words)
{
    seL4_Word m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_MessageInfo_t reply =
        seL4_CallWithMRs(service, seL4_MessageInfo_new(label, 0, caps, words), &m0, &m1, &m2, &m3);
    return (seL4_Error)seL4_MessageInfo_get_label(reply);
}

static void vspace_methods_given_too_few_arguments_are_truncated(void)
{
    seL4_Word va = VA(25);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr mapped = map_pt(seL4_CapInitThreadVSpace, va) ? map_frame(seL4_ARM_SmallPageObject,
                                                                       seL4_CapInitThreadVSpace, va) : 0;
    REQUIRE(pt && f && ut && pd && mapped, "setup");
    seL4_SetCap(0, seL4_CapInitThreadVSpace);
    CHECK_ERR(call_short(f, ARMPageMap, 1, 2), seL4_TruncatedMessage);
    CHECK_ERR(call_short(f, ARMPageMap, 0, 3), seL4_TruncatedMessage);
    CHECK_ERR(call_short(pt, ARMPageTableMap, 1, 1), seL4_TruncatedMessage);
    CHECK_ERR(call_short(pt, ARMPageTableMap, 0, 2), seL4_TruncatedMessage);
    CHECK_ERR(call_short(mapped, ARMPageClean_Data, 0, 1), seL4_TruncatedMessage);
    CHECK_ERR(call_short(seL4_CapInitThreadVSpace, ARMPDClean_Data, 0, 1), seL4_TruncatedMessage);
    CHECK_ERR(call_short(seL4_CapInitThreadASIDPool, ARMASIDPoolAssign, 0, 0), seL4_TruncatedMessage);
    seL4_SetCap(0, ut);
    seL4_SetCap(1, ROOT_CNODE);
    CHECK_ERR(call_short(seL4_CapASIDControl, ARMASIDControlMakePool, 2, 1), seL4_TruncatedMessage);
    CHECK_ERR(call_short(seL4_CapASIDControl, ARMASIDControlMakePool, 1, 2), seL4_TruncatedMessage);
    CHECK_CAP(pt, CAP_PAGE_TABLE);
    CHECK_ERR(seL4_ARM_PageTable_Unmap(pt), seL4_NoError);
    CHECK_ERR(seL4_ARM_Page_Unmap(f), seL4_NoError);
}

const test_case_t vspace_error_tests[] = {
    TEST_CASE(vspace_unassigned_page_directory_cannot_be_used),
    TEST_CASE(vspace_page_table_map_errors),
    TEST_CASE(vspace_page_map_errors),
    TEST_CASE(vspace_page_cache_operation_errors),
    TEST_CASE(vspace_page_directory_cache_operation_errors),
    TEST_CASE(vspace_methods_on_the_wrong_cap_type_are_illegal),
    TEST_CASE(vspace_methods_given_too_few_arguments_are_truncated),
};
const unsigned vspace_error_test_count = sizeof(vspace_error_tests) / sizeof(vspace_error_tests[0]);
