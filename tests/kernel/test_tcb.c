/*
 * tests/kernel/test_tcb.c - the TCB invocations that put caps into a TCB's own
 * slots (spec 8.3): SetSpace and SetIPCBuffer, their errors, and what the
 * installed copies do to the CDT. (Priorities are in test_sched.c.)
 * Partners: kernel/tcb.c, kernel/cdt.c, harness.c.
 */
#include "harness.h"

static cap_t pool;
static tcb_t *t;
static invocation_t inv;

static void tcb_init(void)
{
    harness_init();
    pool = harness_cnode(4, 0, 0);
    t = harness_tcb();
    harness_place(harness_slot(pool, 0), cap_thread(t), true);
}

TestSuite(tcb, .init = tcb_init, .fini = harness_fini);

static cte_t *P(unsigned i)
{
    return harness_slot(pool, i);
}

static cap_t assigned_pd(void)
{
    return cap_page_directory(harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits), true, 1);
}

static seL4_Error set_space(cte_t *cspace, uint32_t data, cte_t *vspace)
{
    return harness_invoke(&inv, P(0), TCBSetSpace, MRS(0, data, 0), CAPS(cspace, vspace));
}

static seL4_Error set_ipc_buffer(uint32_t addr, cte_t *frame)
{
    return harness_invoke(&inv, P(0), TCBSetIPCBuffer, MRS(addr), CAPS(frame));
}

Test(tcb, set_space_installs_copies_and_replaces_the_old_caps)
{
    harness_place(P(1), harness_cnode(3, 0, 0), true);
    harness_place(P(2), assigned_pd(), true);
    cr_assert_eq(set_space(P(1), cnode_capdata(0, 29), P(2)), seL4_NoError);
    cte_t *cs = &t->slots[TCB_SLOT_CSPACE], *vs = &t->slots[TCB_SLOT_VSPACE];
    cr_assert_eq(cap_addr(cs->cap), cap_addr(P(1)->cap));
    cr_assert_eq(cnode_guard_size(cs->cap), 29, "cspace_root_data sets the guard");
    cr_assert_eq(cnode_guard_size(P(1)->cap), 0, "the source keeps its own");
    cr_assert_not(mdb_revocable(cs));
    CHECK_CDT_ORDER(P(1), cs);
    CHECK_CDT_ORDER(P(2), vs);
    /* A second SetSpace deletes the installed copies first. */
    harness_place(P(3), harness_cnode(2, 0, 0), true);
    cr_assert_eq(set_space(P(3), 0, P(2)), seL4_NoError);
    CHECK_CDT_ORDER(P(1));
    CHECK_CDT_ORDER(P(3), cs);
    CHECK_CDT_ORDER(P(2), vs);
}

Test(tcb, set_space_errors)
{
    harness_place(P(1), harness_cnode(3, 0, 0), true);
    harness_place(P(2), assigned_pd(), true);
    harness_place(P(3), cap_page_directory(harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits),
                                           false, 0), true);
    harness_place(P(4), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    cr_assert_eq(set_space(P(4), 0, P(2)), seL4_IllegalOperation, "CSpace root not a CNode");
    cr_assert_eq(set_space(P(1), 0, P(3)), seL4_IllegalOperation, "PD without an ASID");
    cr_assert_eq(set_space(P(1), 0, P(4)), seL4_IllegalOperation, "VSpace root not a PD");
    cr_assert_eq(set_space(P(1), cnode_capdata(0, 30), P(2)), seL4_IllegalOperation,
                 "guard size + radix > 32");
    cr_assert_eq(harness_invoke(&inv, P(0), TCBSetSpace, MRS(0, 0, 0), CAPS(P(1))),
                 seL4_TruncatedMessage);
    cr_assert_eq(harness_invoke(&inv, P(0), TCBSetSpace, MRS(0, 0), CAPS(P(1), P(2))),
                 seL4_TruncatedMessage);
    for (unsigned i = 0; i < TCB_SLOT_COUNT; i++)
        if (i != TCB_SLOT_REPLY)
            check_empty(&t->slots[i]);
    CHECK_CDT_ORDER(P(1));
}

Test(tcb, set_ipc_buffer_checks_frame_and_alignment)
{
    uint32_t frame = harness_untyped_region(12);
    harness_place(P(1), cap_frame(frame, FRAME_SMALL, RIGHTS_ALL), true);
    harness_place(P(2), cap_frame(harness_device_region(12), FRAME_SMALL, RIGHTS_ALL), true);
    harness_place(P(3), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    cr_assert_eq(set_ipc_buffer(0x10100, P(2)), seL4_IllegalOperation, "a device frame");
    cr_assert_eq(set_ipc_buffer(0x10100, P(3)), seL4_IllegalOperation, "not a frame");
    cr_assert_eq(set_ipc_buffer(0x10100, P(1)), seL4_AlignmentError);
    cr_assert_eq(t->ipc_buffer, 0);
    check_empty(&t->slots[TCB_SLOT_IPC_BUFFER]);
    cr_assert_eq(set_ipc_buffer(0x10200, P(1)), seL4_NoError);
    cr_assert_eq(t->ipc_buffer, 0x10200);
    CHECK_CDT_ORDER(P(1), &t->slots[TCB_SLOT_IPC_BUFFER]);
    /* Address 0: no buffer, whatever c0 is. */
    cr_assert_eq(set_ipc_buffer(0, P(3)), seL4_NoError);
    cr_assert_eq(t->ipc_buffer, 0);
    check_empty(&t->slots[TCB_SLOT_IPC_BUFFER]);
    CHECK_CDT_ORDER(P(1));
}

Test(tcb, set_space_whose_new_caps_live_in_the_old_cspace_keeps_the_cdt_sound,
     .description = "installing a new CSpace whose caps lived in the old one keeps the CDT "
                    "sound (a copy is made only if the source still holds the same object)")
{
    /* The thread's CSpace root X is known only to the thread; it switches to Y,
     * whose only cap is in X. */
    cap_t x = harness_cnode(2, 0, 0);
    harness_place(&t->slots[TCB_SLOT_CSPACE], x, true);
    cap_t y = harness_cnode(3, 0, 0);
    harness_place(harness_slot(x, 1), y, true);
    harness_place(harness_slot(x, 2), assigned_pd(), true);
    cr_assert_eq(set_space(harness_slot(x, 1), 0, harness_slot(x, 2)), seL4_NoError);
    /* X is gone, and with it the only cap to Y. */
    check_empty(harness_slot(x, 1));
    check_empty(harness_slot(x, 2));
    cte_t *cs = &t->slots[TCB_SLOT_CSPACE];
    if (!cap_is_null(cs->cap))
        check_cdt(cs);
    cr_assert(cap_is_null(cs->cap), "the TCB's CSpace names destroyed CNode %p",
              cap_ptr(cs->cap));
}

Test(tcb, set_space_that_destroys_the_tcb_installs_nothing,
     .description = "a thread whose only TCB cap lives in its old CSpace replaces that CSpace: "
                    "the TCB is destroyed, and the new caps are not written into it")
{
    /* u's only cap is in X, and X's only cap is u's CSpace root. */
    tcb_t *u = harness_tcb();
    cap_t x = harness_cnode(2, 0, 0);
    harness_place(harness_slot(x, 0), cap_thread(u), true);
    harness_place(&u->slots[TCB_SLOT_CSPACE], x, true);
    harness_place(P(1), harness_cnode(3, 0, 0), true);
    harness_place(P(2), assigned_pd(), true);
    cr_assert_eq(harness_invoke(&inv, harness_slot(x, 0), TCBSetSpace, MRS(0, 0, 0),
                                CAPS(P(1), P(2))),
                 seL4_NoError);
    check_empty(harness_slot(x, 0));
    for (unsigned i = 0; i < TCB_SLOT_COUNT; i++)
        check_empty(&u->slots[i]);
    CHECK_CDT_ORDER(P(1));
    CHECK_CDT_ORDER(P(2));
    for (tcb_t *l = all_threads; l; l = l->all_next)
        cr_assert_neq(l, u, "the destroyed TCB is still listed");
}

Test(tcb, set_space_deletes_the_old_cspace_preemptibly,
     .description = "replacing a CSpace root whose CNode must be emptied stops at a pending "
                    "interrupt, and the same call made again finishes the job")
{
    cap_t x = harness_cnode(3, 0, 0);
    harness_place(&t->slots[TCB_SLOT_CSPACE], x, true);
    for (unsigned i = 0; i < 8; i++)
        harness_place(harness_slot(x, i), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    harness_place(P(1), harness_cnode(3, 0, 0), true);
    harness_place(P(2), assigned_pd(), true);
    harness_interrupt_after(2);
    cr_assert_eq(set_space(P(1), 0, P(2)), HARNESS_PREEMPTED);
    cr_assert_eq(cap_addr(t->slots[TCB_SLOT_CSPACE].cap), cap_addr(x), "the old root stays");
    cr_assert(cap_is_null(harness_slot(x, 0)->cap), "emptying it began");
    cr_assert_not(cap_is_null(harness_slot(x, 7)->cap), "and is not finished");
    harness_clear_interrupt();
    cr_assert_eq(set_space(P(1), 0, P(2)), seL4_NoError);
    cr_assert_eq(cap_addr(t->slots[TCB_SLOT_CSPACE].cap), cap_addr(P(1)->cap));
    for (unsigned i = 0; i < 8; i++)
        check_empty(harness_slot(x, i));
    CHECK_CDT_ORDER(P(1), &t->slots[TCB_SLOT_CSPACE]);
}
