/*
 * tests/sel4test/test_asid.c - page directories and ASID pools (spec 6, 8.7, 11.3):
 * Retype of every paging object, ASIDPool_Assign once per page directory, MakePool and
 * its refusals, a made pool's working address space, the ASIDs a deleted pool or page
 * directory takes with it (its threads then fault), a pool filled to its 1024 ASIDs
 * and the 128 pools running out. Partners: vspace_helpers.h, main.c.
 */
#include "vspace_helpers.h"

/* ---- retype and assign --------------------------------------------------------------- */

static void vspace_retype_makes_every_paging_object(void)
{
    static const struct {
        seL4_Word type;
        seL4_Uint32 tag;
        const char *name;
    } objs[] = {
        {seL4_ARM_PageDirectoryObject, CAP_PAGE_DIRECTORY, "PageDirectory"},
        {seL4_ARM_PageTableObject, CAP_PAGE_TABLE, "PageTable"},
        {seL4_ARM_SmallPageObject, CAP_SMALL_FRAME, "SmallPage"},
        {seL4_ARM_LargePageObject, CAP_FRAME, "LargePage"},
        {seL4_ARM_SectionObject, CAP_FRAME, "Section"},
        {seL4_ARM_SuperSectionObject, CAP_FRAME, "SuperSection"},
    };
    seL4_CPtr big = ram_untyped(seL4_SuperSectionBits);
    REQUIRE(big, "no RAM untyped of 16 MiB for a supersection");
    for (unsigned i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
        seL4_CPtr ut = objs[i].type == seL4_ARM_SuperSectionObject ? big : pool_untyped;
        seL4_CPtr slot = slot_alloc();
        REQUIRE(slot, "slots");
        seL4_Error err = retype_into(ut, objs[i].type, 0, slot, 1);
        CHECK(err == seL4_NoError, "Retype of a %s gave %s", objs[i].name, err_name(err));
        seL4_Uint32 tag = seL4_DebugCapIdentify(slot);
        CHECK(tag == objs[i].tag, "a new %s is identified as 0x%x, expected 0x%x", objs[i].name, tag,
              objs[i].tag);
    }
}

static void vspace_asid_pool_assigns_a_page_directory_once(void)
{
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(pd && pt && frame && ep, "setup");
    CHECK_OK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd));
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* The root's own page directory has its ASID from boot. */
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, seL4_CapInitThreadVSpace),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pt), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, frame), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, ep), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* An assigned page directory can be copied and used as a thread's VSpace. */
    seL4_CPtr copy = copy_cap(pd, seL4_AllRights);
    CHECK_CAP(copy, CAP_PAGE_DIRECTORY);
}

/* Two pools' worth would take 32 MiB: one new pool is filled instead. */
#define ASIDS_PER_POOL (1u << seL4_ASIDPoolIndexBits)

static void vspace_deleting_a_page_directory_frees_its_asid(void)
{
    seL4_CPtr big = ram_untyped(seL4_ASIDPoolIndexBits + seL4_PageDirBits);
    REQUIRE(big, "no RAM untyped of 16 MiB for 1024 page directories");
    seL4_CPtr pool_ut = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr pool = slot_alloc();
    seL4_CPtr pds = slot_alloc_range(ASIDS_PER_POOL);
    seL4_CPtr extra = new_object(seL4_ARM_PageDirectoryObject, 0);
    REQUIRE(pool_ut && pool && pds && extra, "setup");
    REQUIRE_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, pool_ut, ROOT_CNODE, pool, ROOT_DEPTH));
    for (seL4_Word i = 0; i < ASIDS_PER_POOL; i += seL4_UntypedRetypeMaxObjects)
        REQUIRE_OK(retype_into(big, seL4_ARM_PageDirectoryObject, 0, pds + i, seL4_UntypedRetypeMaxObjects));
    seL4_Word assigned = 0;
    seL4_Error err = seL4_NoError;
    for (seL4_Word i = 0; i < ASIDS_PER_POOL && err == seL4_NoError; i++) {
        err = seL4_ARM_ASIDPool_Assign(pool, pds + i);
        if (err == seL4_NoError)
            assigned++;
    }
    CHECK(assigned == ASIDS_PER_POOL, "a new pool gave %u ASIDs, then %s", assigned, err_name(err));
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(pool, extra), seL4_DeleteFirst);
    /* The last cap to one page directory goes, and its ASID with it. */
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, pds + 7, ROOT_DEPTH));
    CHECK_OK(seL4_ARM_ASIDPool_Assign(pool, extra));
    seL4_CPtr another = new_object(seL4_ARM_PageDirectoryObject, 0);
    REQUIRE(another, "page directory");
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(pool, another), seL4_DeleteFirst);
    /* A copy is not the last cap: deleting it frees nothing. */
    seL4_CPtr copy = copy_cap(pds + 9, seL4_AllRights);
    REQUIRE(copy, "copy");
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, copy, ROOT_DEPTH));
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(pool, another), seL4_DeleteFirst);
}

static void vspace_asid_control_make_pool_errors(void)
{
    seL4_CPtr ut8k = new_untyped(seL4_ASIDPoolBits + 1);
    seL4_CPtr ut2k = new_untyped(seL4_ASIDPoolBits - 1);
    seL4_CPtr parent = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dest = slot_alloc(), child = slot_alloc();
    REQUIRE(ut8k && ut2k && parent && ep && dest && child, "setup");
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut8k, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut2k, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ep, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* A device untyped of the right size. */
    seL4_CPtr dev = find_device_untyped(seL4_ASIDPoolBits);
    if (dev) {
        revoke_after_test(dev);
        seL4_CPtr dev4k = slot_alloc();
        REQUIRE(dev4k, "slot");
        REQUIRE_OK(retype_into(dev, seL4_UntypedObject, seL4_ASIDPoolBits, dev4k, 1));
        CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, dev4k, ROOT_CNODE, dest, ROOT_DEPTH),
                  seL4_InvalidCapability);
        CHECK_MR(0, 1);
    }
    /* An untyped with children. */
    REQUIRE_OK(retype_into(parent, seL4_EndpointObject, 0, child, 1));
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, parent, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_RevokeFirst);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, child, ROOT_DEPTH));
    /* The destination slot must be empty. */
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, parent, ROOT_CNODE, ep, ROOT_DEPTH),
              seL4_DeleteFirst);
    CHECK_CAP(ep, CAP_ENDPOINT);
    /* All well: a pool, and the untyped is used up (spec 8.7: marked full). */
    CHECK_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, parent, ROOT_CNODE, dest, ROOT_DEPTH));
    CHECK_CAP(dest, CAP_ASID_POOL);
    CHECK_ERR(retype_into(parent, seL4_EndpointObject, 0, child, 1), seL4_NotEnoughMemory);
}

/* A new ASID pool made from a fresh 4 KiB untyped; 0 after recording a failure. */
static seL4_CPtr new_pool(void)
{
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits), pool = slot_alloc();
    if (!ut || !pool)
        return 0;
    seL4_Error e = seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, ROOT_CNODE, pool, ROOT_DEPTH);
    CHECK_OK(e);
    return e == seL4_NoError ? pool : 0;
}

static void vspace_made_pool_assigns_a_working_address_space(void)
{
    seL4_CPtr pool;
    prober_t *root_p = setup_root_prober();
    REQUIRE(root_p && (pool = new_pool()), "setup: the root's prober and a new ASID pool");
    seL4_CPtr pd = vspace_with_image(pool);
    REQUIRE(pd, "address space from the new pool");
    prober_t *child = prober_start(1, pd);
    REQUIRE(child, "prober");
    seL4_Word va = VA(19);
    seL4_CPtr f = map_pt(pd, va) ? map_frame(seL4_ARM_SmallPageObject, pd, va) : 0;
    REQUIRE(f, "frame in the new space");
    PROBE_OK(child, PROBE_WRITE, va + 12, 0x9009);
    CHECK(PROBE_OK(child, PROBE_READ, va + 12, 0) == 0x9009, "the child reads 0x%x", child->result);
    /* Only the child's space has it. */
    PROBE_FAULTS(root_p, PROBE_READ, va + 12);
    seL4_CPtr copy = copy_cap(f, seL4_AllRights);
    REQUIRE(copy && map_pt(seL4_CapInitThreadVSpace, va), "copy");
    CHECK_OK(seL4_ARM_Page_Map(copy, seL4_CapInitThreadVSpace, va, seL4_CanRead, ATTR));
    CHECK(PROBE_OK(root_p, PROBE_READ, va + 12, 0) == 0x9009, "the root reads 0x%x", root_p->result);
}

static void vspace_deleting_an_asid_pool_takes_its_address_spaces_away(void)
{
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits), ut2 = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr pool = slot_alloc(), pool2 = slot_alloc();
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pd2 = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    REQUIRE(ut && ut2 && pool && pool2 && pd && pd2 && f && pt, "setup");
    seL4_Word va = VA(20);
    REQUIRE_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, ROOT_CNODE, pool, ROOT_DEPTH));
    REQUIRE_OK(seL4_ARM_ASIDPool_Assign(pool, pd));
    REQUIRE(map_pt(pd, va), "page table");
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, pool, ROOT_DEPTH));
    /* The page directory's ASID no longer names it: nothing maps into it (seL4 reports
     * the failed ASID lookup as FailedLookup). */
    CHECK_ERR(seL4_ARM_Page_Map(f, pd, va, RW, ATTR), seL4_FailedLookup);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, pd, va + SECTION, ATTR), seL4_FailedLookup);
    CHECK_ERR(seL4_ARM_PageDirectory_Clean_Data(pd, va, va + PAGE), seL4_FailedLookup);
    /* Its cap still counts as assigned. */
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd), seL4_InvalidCapability);
    /* The pool's place is free for a new pool. */
    CHECK_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut2, ROOT_CNODE, pool2, ROOT_DEPTH));
    CHECK_OK(seL4_ARM_ASIDPool_Assign(pool2, pd2));
    CHECK_OK(seL4_ARM_PageTable_Map(pt, pd2, va, ATTR));
    CHECK_OK(seL4_ARM_Page_Map(f, pd2, va, RW, ATTR));
}

static void vspace_thread_whose_asid_goes_faults_and_its_mappings_unmap_quietly(void)
{
    seL4_CPtr pool;
    prober_t *root_p = setup_root_prober();
    REQUIRE(root_p && (pool = new_pool()), "setup: the root's prober and a new ASID pool");
    seL4_CPtr pd = vspace_with_image(pool);
    REQUIRE(pd, "address space");
    prober_t *child = prober_start(1, pd);
    seL4_Word va = VA(23);
    seL4_CPtr pt = map_pt(pd, va);
    seL4_CPtr f = pt ? map_frame(seL4_ARM_SmallPageObject, pd, va) : 0;
    REQUIRE(child && f, "prober, page table and frame");
    PROBE_OK(child, PROBE_WRITE, va, 0x4242);
    /* The pool goes, and the ASID of the child's page directory with it. */
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, pool, ROOT_DEPTH));
    probe_outcome_t o = probe(child, PROBE_READ, va, 0);
    CHECK(o.faulted && o.label == seL4_Fault_VMFault && o.prefetch == seL4_InstructionFault,
          "a thread without an address space: faulted %d, label %u, prefetch %u", o.faulted, o.label,
          o.prefetch);
    CHECK_ERR(seL4_ARM_Page_Clean_Data(f, 0, PAGE), seL4_FailedLookup);
    /* Its frame and page table unmap without complaint and map again elsewhere. */
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    CHECK_OK(seL4_ARM_PageTable_Unmap(pt));
    CHECK_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR));
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK(PROBE_OK(root_p, PROBE_READ, va, 0) == 0x4242, "the frame holds 0x%x", root_p->result);
}

static seL4_CPtr doomed_pool;
static volatile seL4_Word ran_after_delete;

/* Deletes the pool that holds its own address space's ASID, then tries to go on. */
static void body_delete_own_pool(seL4_Word unused)
{
    (void)unused;
    seL4_CNode_Delete(ROOT_CNODE, doomed_pool, ROOT_DEPTH);
    ran_after_delete = 1;
}

static void vspace_thread_deleting_its_own_asid_pool_faults_at_once(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits);
    doomed_pool = slot_alloc();
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(ut && doomed_pool && ep, "setup");
    REQUIRE_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, ROOT_CNODE, doomed_pool, ROOT_DEPTH));
    seL4_CPtr pd = vspace_with_image(doomed_pool);
    seL4_CPtr fault_cap = mint_cap(ep, seL4_AllRights, 3);
    ran_after_delete = 0;
    test_thread_t *t = thread_new(HIGH, body_delete_own_pool, 0);
    REQUIRE(pd && fault_cap && t, "thread");
    REQUIRE_OK(seL4_TCB_SetSpace(t->tcb, fault_cap, ROOT_CNODE, 0, pd, 0));
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    CHECK_CAP(doomed_pool, CAP_NULL);
    /* seL4 switches the caller to no address space as the pool goes (deleteASIDPool ends
     * with setVMRoot of the current thread): its next instruction fetch faults. */
    CHECK(!ran_after_delete && !t->finished, "the thread ran on in the address space its pool took away");
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_NBRecv(ep, &badge);
    CHECK(badge == 3 && seL4_MessageInfo_get_label(info) == seL4_Fault_VMFault &&
              seL4_GetMR(seL4_VMFault_PrefetchFault) == seL4_InstructionFault,
          "no instruction fetch fault from the thread (badge %u, label %u)", badge,
          seL4_MessageInfo_get_label(info));
}

/* seL4 has 2^7 pools, one of them the root's (spec 6). */
#define N_ASID_POOLS (1u << seL4_NumASIDPoolsBits)

static void vspace_asid_pools_run_out_after_128(void)
{
    seL4_CPtr uts = slot_alloc_range(N_ASID_POOLS);
    seL4_CPtr pools = slot_alloc_range(N_ASID_POOLS);
    REQUIRE(uts && pools, "slots");
    REQUIRE_OK(retype_into(pool_untyped, seL4_UntypedObject, seL4_ASIDPoolBits, uts, N_ASID_POOLS));
    seL4_Word made = 0;
    seL4_Error err = seL4_NoError;
    for (seL4_Word i = 0; i < N_ASID_POOLS && err == seL4_NoError; i++) {
        err = seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, uts + i, ROOT_CNODE, pools + i, ROOT_DEPTH);
        if (err == seL4_NoError)
            made++;
    }
    CHECK(made == N_ASID_POOLS - 1, "made %u pools besides the root's, then %s", made, err_name(err));
    CHECK(err == seL4_DeleteFirst, "with every pool in use MakePool gave %s", err_name(err));
    /* Deleting a pool's cap frees its place. */
    REQUIRE(made > 3 && made < N_ASID_POOLS, "cannot go on after %u pools", made);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, pools + 3, ROOT_DEPTH));
    CHECK_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, uts + made, ROOT_CNODE, pools + made,
                                           ROOT_DEPTH));
}

const test_case_t asid_tests[] = {
    TEST_CASE(vspace_retype_makes_every_paging_object),
    TEST_CASE(vspace_asid_pool_assigns_a_page_directory_once),
    TEST_CASE(vspace_asid_control_make_pool_errors),
    TEST_CASE(vspace_made_pool_assigns_a_working_address_space),
    TEST_CASE(vspace_deleting_an_asid_pool_takes_its_address_spaces_away),
    TEST_CASE(vspace_thread_whose_asid_goes_faults_and_its_mappings_unmap_quietly),
    TEST_CASE(vspace_thread_deleting_its_own_asid_pool_faults_at_once),
    TEST_CASE(vspace_deleting_a_page_directory_frees_its_asid),
    TEST_CASE(vspace_asid_pools_run_out_after_128),
};
const unsigned asid_test_count = sizeof(asid_tests) / sizeof(asid_tests[0]);
