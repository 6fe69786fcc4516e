/*
 * tests/sel4test/test_boot.c - what the root task finds at boot: the BootInfo fields
 * (spec §10) and the type of every initial capability as seL4_DebugCapIdentify
 * reports it (spec §3.4, §10.1). Partners: helpers.h, main.c.
 */
#include "helpers.h"

static void bootinfo_describes_one_node_and_the_root_cnode(void)
{
    CHECK(bi->nodeID == 0, "nodeID is %u", bi->nodeID);
    CHECK(bi->numNodes == 1, "numNodes is %u", bi->numNodes);
    CHECK(bi->numIOPTLevels == 0, "numIOPTLevels is %u", bi->numIOPTLevels);
    CHECK(bi->initThreadDomain == 0, "initThreadDomain is %u", bi->initThreadDomain);
    CHECK(((seL4_Word)bi->ipcBuffer & ((1u << seL4_IPCBufferSizeBits) - 1)) == 0,
          "ipcBuffer %p is not 512-aligned", (void *)bi->ipcBuffer);
    CHECK(bi->sharedFrames.start == bi->sharedFrames.end, "sharedFrames is not empty");
    CHECK(bi->ioSpaceCaps.start == bi->ioSpaceCaps.end, "ioSpaceCaps is not empty");
    CHECK(bi->untyped.start >= seL4_NumInitialCaps && bi->untyped.start <= bi->untyped.end,
          "untyped region %u..%u", bi->untyped.start, bi->untyped.end);
    CHECK(bi->untyped.end - bi->untyped.start <= CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS,
          "%u untypeds do not fit untypedList", bi->untyped.end - bi->untyped.start);
    CHECK(bi->userImageFrames.start < bi->userImageFrames.end, "no userImageFrames");
}

static void bootinfo_untypeds_have_valid_sizes(void)
{
    seL4_Word n = bi->untyped.end - bi->untyped.start;
    for (seL4_Word i = 0; i < n && i < CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        CHECK(d->sizeBits >= seL4_MinUntypedBits && d->sizeBits <= seL4_MaxUntypedBits,
              "untyped %u has sizeBits %u", i, d->sizeBits);
        CHECK(d->isDevice <= 1, "untyped %u has isDevice %u", i, d->isDevice);
        /* Untyped regions are naturally aligned to their size. */
        CHECK((d->paddr & ((1u << d->sizeBits) - 1)) == 0, "untyped %u at 0x%x is not 2^%u-aligned",
              i, d->paddr, d->sizeBits);
    }
}

static void identify_names_every_initial_cap(void)
{
    static const struct {
        seL4_CPtr slot;
        seL4_Uint32 tag;
    } expected[] = {
        {seL4_CapNull, CAP_NULL},
        {seL4_CapInitThreadTCB, CAP_THREAD},
        {seL4_CapInitThreadCNode, CAP_CNODE},
        {seL4_CapInitThreadVSpace, CAP_PAGE_DIRECTORY},
        {seL4_CapIRQControl, CAP_IRQ_CONTROL},
        {seL4_CapASIDControl, CAP_ASID_CONTROL},
        {seL4_CapInitThreadASIDPool, CAP_ASID_POOL},
        {seL4_CapIOPortControl, CAP_NULL},
        {seL4_CapIOSpace, CAP_NULL},
        {seL4_CapBootInfoFrame, CAP_SMALL_FRAME},
        {seL4_CapInitThreadIPCBuffer, CAP_SMALL_FRAME},
        {seL4_CapDomain, CAP_DOMAIN},
        {seL4_CapSMMUSIDControl, CAP_NULL},
        {seL4_CapSMMUCBControl, CAP_NULL},
        {seL4_CapInitThreadSC, CAP_NULL},
        {seL4_CapSMC, CAP_NULL},
    };
    for (unsigned i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
        seL4_Uint32 tag = seL4_DebugCapIdentify(expected[i].slot);
        CHECK(tag == expected[i].tag, "initial slot %u holds type 0x%x, expected 0x%x", expected[i].slot,
              tag, expected[i].tag);
    }
}

static void identify_names_every_boot_untyped(void)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++)
        CHECK_CAP(s, CAP_UNTYPED);
}

static void identify_names_the_image_frames_and_page_tables(void)
{
    /* The image is mapped with 4 KiB pages (spec §10); on AArch32 its paging caps are
     * page tables, the page directory being seL4_CapInitThreadVSpace. */
    for (seL4_CPtr s = bi->userImageFrames.start; s < bi->userImageFrames.end; s++)
        CHECK_CAP(s, CAP_SMALL_FRAME);
    for (seL4_CPtr s = bi->userImagePaging.start; s < bi->userImagePaging.end; s++)
        CHECK_CAP(s, CAP_PAGE_TABLE);
    for (seL4_CPtr s = bi->extraBIPages.start; s < bi->extraBIPages.end; s++)
        CHECK_CAP(s, CAP_SMALL_FRAME);
}

static void identify_returns_zero_for_every_free_slot(void)
{
    for (seL4_CPtr s = bi->empty.start; s < bi->empty.end; s++)
        CHECK_CAP(s, CAP_NULL);
}

static void identify_returns_zero_for_an_unresolvable_cptr(void)
{
    /* Bits above the radix must match the root CNode's all-zero guard (spec §5.3). */
    CHECK_CAP(1u << root_radix, CAP_NULL);
    CHECK_CAP((1u << root_radix) | seL4_CapInitThreadTCB, CAP_NULL);
    CHECK_CAP(0xFFFFFFFFu, CAP_NULL);
}

const test_case_t boot_tests[] = {
    TEST_CASE(bootinfo_describes_one_node_and_the_root_cnode),
    TEST_CASE(bootinfo_untypeds_have_valid_sizes),
    TEST_CASE(identify_names_every_initial_cap),
    TEST_CASE(identify_names_every_boot_untyped),
    TEST_CASE(identify_names_the_image_frames_and_page_tables),
    TEST_CASE(identify_returns_zero_for_every_free_slot),
    TEST_CASE(identify_returns_zero_for_an_unresolvable_cptr),
};
const unsigned boot_test_count = sizeof(boot_tests) / sizeof(boot_tests[0]);
