/*
 * tests/sel4test/test_address_spaces.c - threads in several address spaces: a second
 * space sees only what is mapped in it, calls between spaces switch translations (with
 * and without the IPC fastpath), 300 spaces in turn outlast the 255 hardware ASIDs, and
 * a user-level pager maps 1,000 pages on demand. Partners: vspace_helpers.h, main.c.
 */
#include "vspace_helpers.h"

/* A word of the image, read from another address space. */
static const seL4_Word image_word = 0x1A6E5EEDu;

/* ---- two address spaces ----------------------------------------------------------------- */

static void vspace_second_address_space_sees_only_what_is_mapped_in_it(void)
{
    prober_t *root_p = setup_root_prober();
    REQUIRE(root_p, "setup");
    seL4_CPtr pd = vspace_with_image(seL4_CapInitThreadASIDPool);
    REQUIRE(pd, "second address space");
    prober_t *child = prober_start(1, pd);
    REQUIRE(child, "prober in the second address space");
    /* The child runs the root's code from its own page tables, and reads its data. */
    CHECK(PROBE_OK(child, PROBE_READ, (seL4_Word)&image_word, 0) == image_word,
          "the child reads 0x%x from the shared image", child->result);

    seL4_Word x = VA(8), y = VA(8) + 2 * PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, x), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, x);
    REQUIRE(f, "frame");
    PROBE_OK(root_p, PROBE_WRITE, x, 0x600D);
    PROBE_FAULTS(child, PROBE_READ, x);

    /* Given a copy of the cap, mapped in its own page directory, it sees the page. */
    seL4_CPtr f2 = copy_cap(f, seL4_AllRights);
    REQUIRE(f2 && map_pt(pd, x), "copy and page table");
    CHECK_OK(seL4_ARM_Page_Map(f2, pd, x, RW, ATTR));
    CHECK(PROBE_OK(child, PROBE_READ, x, 0) == 0x600D, "the child reads 0x%x", child->result);
    PROBE_OK(child, PROBE_WRITE, x + 4, 0xBEEF);
    CHECK(PROBE_OK(root_p, PROBE_READ, x + 4, 0) == 0xBEEF, "the root reads 0x%x", root_p->result);

    /* One address, two frames: each space reaches its own (ASIDs keep them apart). */
    seL4_CPtr g = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, y);
    seL4_CPtr h = map_frame(seL4_ARM_SmallPageObject, pd, y);
    REQUIRE(g && h, "frames at y");
    PROBE_OK(root_p, PROBE_WRITE, y, 1);
    PROBE_OK(child, PROBE_WRITE, y, 2);
    CHECK(PROBE_OK(root_p, PROBE_READ, y, 0) == 1, "the root reads %u at y", root_p->result);
    CHECK(PROBE_OK(child, PROBE_READ, y, 0) == 2, "the child reads %u at y", child->result);
    /* Unmapping in one space leaves the other alone. */
    CHECK_OK(seL4_ARM_Page_Unmap(f2));
    PROBE_FAULTS(child, PROBE_READ, x);
    CHECK(PROBE_OK(root_p, PROBE_READ, x, 0) == 0x600D, "the root's mapping went (0x%x)", root_p->result);
}

/* ---- a user-level pager ---------------------------------------------------------------- */

#define PAGER_PAGES 1000u
#define PAGER_DONE_LABEL 0x77
static seL4_CPtr pager_fault_cap;

/* Writes two words in each of n pages, then tells the pager it is done. */
static void body_touch_pages(seL4_Word n)
{
    for (seL4_Word i = 0; i < n; i++) {
        volatile seL4_Word *page = (volatile seL4_Word *)(VA_PAGER + i * PAGE);
        page[0] = 0xA5000000u + i;
        page[PAGE / 4 - 1] = ~i;
    }
    seL4_Word m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_SendWithMRs(pager_fault_cap, seL4_MessageInfo_new(PAGER_DONE_LABEL, 0, 0, 0), &m0, &m1, &m2, &m3);
}

static void vspace_pager_maps_a_thousand_pages_on_demand(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    seL4_CPtr ut = ram_untyped(23);
    if (!ut)
        ut = pool_untyped;
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(ep, "endpoint");
    pager_fault_cap = mint_cap(ep, seL4_AllRights, 1);
    test_thread_t *t = thread_new(HIGH, body_touch_pages, PAGER_PAGES);
    REQUIRE(pager_fault_cap && t, "setup");
    REQUIRE_OK(seL4_TCB_SetSpace(t->tcb, pager_fault_cap, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0));
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));

    seL4_Word faults = 0, badge = 0;
    static int have_pt[(PAGER_PAGES * PAGE + SECTION - 1) / SECTION];
    for (unsigned i = 0; i < sizeof(have_pt) / sizeof(have_pt[0]); i++)
        have_pt[i] = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    for (;;) {
        seL4_Word label = seL4_MessageInfo_get_label(info);
        if (label == PAGER_DONE_LABEL)
            break;
        REQUIRE(label == seL4_Fault_VMFault, "message label %u from the paged thread", label);
        seL4_Word addr = seL4_GetMR(seL4_VMFault_Addr);
        REQUIRE(addr >= VA_PAGER && addr < VA_PAGER + PAGER_PAGES * PAGE, "fault at 0x%x", addr);
        REQUIRE(faults < PAGER_PAGES, "more faults than pages (at 0x%x)", addr);
        seL4_Word page = addr & ~(PAGE - 1), mb = (page - VA_PAGER) / SECTION;
        if (!have_pt[mb]) {
            seL4_CPtr pt = object_from(ut, seL4_ARM_PageTableObject, 0);
            REQUIRE(pt, "page table");
            REQUIRE_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, page, ATTR));
            have_pt[mb] = 1;
        }
        seL4_CPtr f = object_from(ut, seL4_ARM_SmallPageObject, 0);
        REQUIRE(f, "frame %u", faults);
        REQUIRE_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, page, RW, ATTR));
        faults++;
        info = seL4_ReplyRecv(ep, seL4_MessageInfo_new(0, 0, 0, 0), &badge);
    }
    CHECK(faults == PAGER_PAGES, "%u faults for %u pages", faults, PAGER_PAGES);
    unsigned bad = 0, first_bad = 0;
    for (seL4_Word i = 0; i < PAGER_PAGES; i++) {
        volatile seL4_Word *page = (volatile seL4_Word *)(VA_PAGER + i * PAGE);
        if (page[0] != 0xA5000000u + i || page[PAGE / 4 - 1] != ~i || page[PAGE / 8] != 0) {
            if (bad++ == 0)
                first_bad = i;
        }
    }
    CHECK(bad == 0, "%u pages hold the wrong words, the first is page %u", bad, first_bad);
}

/* ---- IPC between address spaces ------------------------------------------------------ */

#define ROUND_TRIPS 200u
#define ROOT_VALUE 0x12121212u
#define CHILD_VALUE 0x34343434u
#define CALL_BADGE 1
#define FAULT_BADGE 2
static seL4_CPtr rt_call_cap;
static volatile seL4_Word rt_bad, rt_calls;

/* Calls the root ROUND_TRIPS times (label 1 on the last); after each reply reads its
 * own page at va, which holds CHILD_VALUE only in its address space. */
static void body_caller(seL4_Word va)
{
    for (seL4_Word i = 0; i < ROUND_TRIPS; i++) {
        seL4_Word m0 = i, m1 = 0, m2 = 0, m3 = 0;
        seL4_CallWithMRs(rt_call_cap, seL4_MessageInfo_new(i + 1 == ROUND_TRIPS, 0, 0, 1), &m0, &m1, &m2,
                         &m3);
        rt_calls++;
        if (m0 != ROOT_VALUE || *(volatile seL4_Word *)va != CHILD_VALUE)
            rt_bad++;
    }
}

static void vspace_calls_between_address_spaces_switch_translations(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_CPtr pd = vspace_with_image(seL4_CapInitThreadASIDPool);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(pd && ep, "second address space");
    seL4_Word va = VA(21), child_view = VA(21) + PAGE;
    seL4_CPtr mine = map_pt(seL4_CapInitThreadVSpace, va) ? map_frame(seL4_ARM_SmallPageObject,
                                                                     seL4_CapInitThreadVSpace, va) : 0;
    seL4_CPtr theirs = map_pt(pd, va) ? map_frame(seL4_ARM_SmallPageObject, pd, va) : 0;
    seL4_CPtr theirs_here = theirs ? copy_cap(theirs, seL4_AllRights) : 0;
    REQUIRE(mine && theirs_here, "frames");
    REQUIRE_OK(seL4_ARM_Page_Map(theirs_here, seL4_CapInitThreadVSpace, child_view, RW, ATTR));
    REQUIRE(!probe(p, PROBE_WRITE, va, ROOT_VALUE).faulted && !probe(p, PROBE_WRITE, child_view, CHILD_VALUE).faulted,
            "the root cannot write its pages");

    rt_bad = rt_calls = 0;
    rt_call_cap = mint_cap(ep, seL4_AllRights, CALL_BADGE);
    seL4_CPtr fault_cap = mint_cap(ep, seL4_AllRights, FAULT_BADGE);
    test_thread_t *t = thread_new(HIGH, body_caller, va);
    REQUIRE(rt_call_cap && fault_cap && t, "thread");
    REQUIRE_OK(seL4_TCB_SetSpace(t->tcb, fault_cap, ROOT_CNODE, 0, pd, 0));
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));

    /* The root serves the calls (the IPC fastpath takes them where it is built in),
     * reading its own page at va before each reply. */
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0, root_bad = 0, served = 0;
    seL4_MessageInfo_t info = seL4_RecvWithMRs(ep, &badge, &m0, &m1, &m2, &m3);
    for (;;) {
        REQUIRE(badge == CALL_BADGE, "the caller faulted (label %u, addr 0x%x)",
                seL4_MessageInfo_get_label(info), m1);
        REQUIRE(m0 == served, "call %u carried %u", served, m0);
        m0 = *(volatile seL4_Word *)va;
        root_bad += m0 != ROOT_VALUE;
        served++;
        if (seL4_MessageInfo_get_label(info) == 1)
            break;
        info = seL4_ReplyRecvWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &badge, &m0, &m1, &m2, &m3);
    }
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    CHECK(served == ROUND_TRIPS && rt_calls == ROUND_TRIPS && t->finished, "%u calls served, %u returned",
          served, rt_calls);
    CHECK(root_bad == 0, "the root read the caller's page %u times", root_bad);
    CHECK(rt_bad == 0, "the caller read the root's page or value %u times", rt_bad);
}

/*
 * The word program: a tiny hand-written program that reads the word at x and Calls the
 * root with it, forever. One TCB runs it in whichever address space it is given; each
 * space has the code (a read-only copy of one frame) and its own frame at x.
 */
/* loop: ldr r2, [r8]; mov r0, r9; mov r1, #1; mvn r7, #0 (seL4_SysCall); svc #0; b loop */
static const seL4_Word code_call_with_word_at_r8[] = {0xE5982000u, 0xE1A00009u, 0xE3A01001u,
                                                      0xE3E07000u, 0xEF000000u, 0xEAFFFFF9u};

typedef struct word_program {
    prober_t *p;
    seL4_Word code_va, x, window; /* window: where the root writes a space's word */
    seL4_CPtr code, ep, tcb, call_cap, fault_cap;
} word_program_t;

/* The code frame, written through the root's mapping at base, the root's own frame at
 * x = base + PAGE (holding ROOT_VALUE), the endpoint and the TCB. 0 after a failure. */
static int word_program_init(word_program_t *w, seL4_Word base)
{
    w->p = setup_root_prober();
    w->code_va = base;
    w->x = base + PAGE;
    w->window = base + 2 * PAGE;
    if (!w->p || !map_pt(seL4_CapInitThreadVSpace, base))
        return 0;
    w->code = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, w->code_va);
    if (!w->code || !map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, w->x))
        return 0;
    for (unsigned i = 0; i < sizeof(code_call_with_word_at_r8) / sizeof(seL4_Word); i++)
        PROBE_OK(w->p, PROBE_WRITE, w->code_va + 4 * i, code_call_with_word_at_r8[i]);
    PROBE_OK(w->p, PROBE_WRITE, w->x, ROOT_VALUE);
    if (seL4_ARM_Page_Unify_Instruction(w->code, 0, sizeof(code_call_with_word_at_r8)) != seL4_NoError ||
        probe(w->p, PROBE_READ, w->x, 0).faulted)
        return 0;
    w->ep = new_object(seL4_EndpointObject, 0);
    w->tcb = new_object(seL4_TCBObject, 0);
    if (!w->ep || !w->tcb)
        return 0;
    w->call_cap = mint_cap(w->ep, seL4_AllRights, CALL_BADGE);
    w->fault_cap = mint_cap(w->ep, seL4_AllRights, FAULT_BADGE);
    return w->call_cap && w->fault_cap &&
           seL4_TCB_SetPriority(w->tcb, seL4_CapInitThreadTCB, HIGH) == seL4_NoError;
}

/* Makes the assigned page directory pd ready for the program: page table pt, the code,
 * and frame `data` at x holding `value`. 0 after recording a failure. */
static int word_program_space(word_program_t *w, seL4_CPtr pd, seL4_CPtr pt, seL4_CPtr data, seL4_Word value)
{
    seL4_CPtr code_copy = copy_cap(w->code, seL4_CanRead), data_copy = copy_cap(data, seL4_AllRights);
    if (!code_copy || !data_copy)
        return 0;
    seL4_Error err = seL4_ARM_PageTable_Map(pt, pd, w->code_va, ATTR);
    if (err == seL4_NoError)
        err = seL4_ARM_Page_Map(code_copy, pd, w->code_va, seL4_CanRead, ATTR);
    if (err == seL4_NoError)
        err = seL4_ARM_Page_Map(data, pd, w->x, RW, ATTR);
    /* The word, written through a window in the root's space. */
    if (err == seL4_NoError)
        err = seL4_ARM_Page_Map(data_copy, seL4_CapInitThreadVSpace, w->window, RW, ATTR);
    if (err != seL4_NoError) {
        test_fail(__FILE__, __LINE__, "setup: mapping the program gave %s", err_name(err));
        return 0;
    }
    PROBE_OK(w->p, PROBE_WRITE, w->window, value);
    return seL4_ARM_Page_Unmap(data_copy) == seL4_NoError;
}

/* Runs the program once in pd: the word it read, or ~0 after recording its fault. */
static seL4_Word word_program_run(word_program_t *w, seL4_CPtr pd)
{
    seL4_UserContext regs;
    regs_clear(&regs);
    regs.pc = w->code_va;
    regs.r8 = w->x;
    regs.r9 = w->call_cap;
    seL4_Word badge = 0, m0 = ~0u, m1 = 0, m2 = 0, m3 = 0;
    if (seL4_TCB_SetSpace(w->tcb, w->fault_cap, ROOT_CNODE, 0, pd, 0) != seL4_NoError ||
        seL4_TCB_WriteRegisters(w->tcb, seL4_True, 0, SEL4_USERCONTEXT_WORDS, &regs) != seL4_NoError) {
        test_fail(__FILE__, __LINE__, "setup: starting the program failed");
        return ~0u;
    }
    seL4_MessageInfo_t info = seL4_RecvWithMRs(w->ep, &badge, &m0, &m1, &m2, &m3);
    seL4_TCB_Suspend(w->tcb);
    if (badge != CALL_BADGE) {
        test_fail(__FILE__, __LINE__, "the program faulted (label %u, address 0x%x)",
                  seL4_MessageInfo_get_label(info), m1);
        return ~0u;
    }
    return m0;
}

/*
 * Many address spaces, one at a time: more than the 255 hardware ASIDs, so the kernel
 * must recycle them (and flush what the previous owner left in the TLB).
 */
#define N_SPACES 300u

static void vspace_more_address_spaces_than_hardware_asids_stay_apart(void)
{
    word_program_t w;
    seL4_CPtr big = ram_untyped(seL4_SuperSectionBits);
    REQUIRE(big, "no 16 MiB RAM untyped");
    REQUIRE(word_program_init(&w, VA(22)), "the program");
    seL4_CPtr pds = slot_alloc_range(N_SPACES), pts = slot_alloc_range(N_SPACES);
    seL4_CPtr data = slot_alloc_range(N_SPACES);
    REQUIRE(pds && pts && data, "slots");
    for (seL4_Word i = 0; i < N_SPACES; i += seL4_UntypedRetypeMaxObjects) {
        seL4_Word n = N_SPACES - i < seL4_UntypedRetypeMaxObjects ? N_SPACES - i : seL4_UntypedRetypeMaxObjects;
        REQUIRE_OK(retype_into(big, seL4_ARM_PageDirectoryObject, 0, pds + i, n));
        REQUIRE_OK(retype_into(big, seL4_ARM_PageTableObject, 0, pts + i, n));
        REQUIRE_OK(retype_into(big, seL4_ARM_SmallPageObject, 0, data + i, n));
    }
    for (seL4_Word i = 0; i < N_SPACES; i++) {
        REQUIRE_OK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pds + i));
        REQUIRE(word_program_space(&w, pds + i, pts + i, data + i, i), "space %u", i);
    }
    /* Each space in turn, then the first ones again (their hardware ASIDs were reused). */
    seL4_Word wrong = 0, first_wrong = 0, got_wrong = 0, root_wrong = 0;
    for (seL4_Word k = 0; k < N_SPACES + 8; k++) {
        seL4_Word i = k % N_SPACES, got = word_program_run(&w, pds + i);
        REQUIRE(got != ~0u, "space %u", i);
        if (got != i && wrong++ == 0) {
            first_wrong = i;
            got_wrong = got;
        }
        root_wrong += *(volatile seL4_Word *)w.x != ROOT_VALUE;
    }
    CHECK(wrong == 0, "%u spaces read another's word at x: space %u read %u", wrong, first_wrong, got_wrong);
    CHECK(root_wrong == 0, "the root read a wrong word at x %u times", root_wrong);
}

/* An ASID given up and assigned again names only the new page directory: nothing the
 * old one left in the TLB under that ASID may be used. */
static void vspace_a_reused_asid_reaches_only_its_new_page_directory(void)
{
    word_program_t w;
    REQUIRE(word_program_init(&w, VA(29)), "the program");
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits), pool = slot_alloc();
    seL4_CPtr a = new_object(seL4_ARM_PageDirectoryObject, 0), b = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pt_a = new_object(seL4_ARM_PageTableObject, 0), pt_b = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr data_a = new_object(seL4_ARM_SmallPageObject, 0), data_b = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(ut && pool && a && b && pt_a && pt_b && data_a && data_b, "setup");
    REQUIRE_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, ROOT_CNODE, pool, ROOT_DEPTH));
    REQUIRE_OK(seL4_ARM_ASIDPool_Assign(pool, a));
    REQUIRE(word_program_space(&w, a, pt_a, data_a, 0xA), "space a");
    seL4_Word got = word_program_run(&w, a);
    CHECK(got == 0xA, "space a read 0x%x", got);
    /* The thread leaves a, a's last cap goes and its ASID with it; b gets an ASID from
     * the same pool (seL4 takes the first free one: a's). */
    REQUIRE_OK(seL4_TCB_SetSpace(w.tcb, w.fault_cap, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0));
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, a, ROOT_DEPTH));
    REQUIRE_OK(seL4_ARM_ASIDPool_Assign(pool, b));
    REQUIRE(word_program_space(&w, b, pt_b, data_b, 0xB), "space b");
    got = word_program_run(&w, b);
    CHECK(got == 0xB, "space b read 0x%x (0xA: a's frame through a stale translation)", got);
}

const test_case_t aspace_tests[] = {
    TEST_CASE(vspace_second_address_space_sees_only_what_is_mapped_in_it),
    TEST_CASE(vspace_calls_between_address_spaces_switch_translations),
    TEST_CASE(vspace_more_address_spaces_than_hardware_asids_stay_apart),
    TEST_CASE(vspace_a_reused_asid_reaches_only_its_new_page_directory),
    TEST_CASE(vspace_pager_maps_a_thousand_pages_on_demand),
};
const unsigned aspace_test_count = sizeof(aspace_tests) / sizeof(aspace_tests[0]);
