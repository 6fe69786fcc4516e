/*
 * tests/sel4test/test_tcb.c - TCB methods (spec §8.3): priorities against an authority's
 * MCP, Read/Write/CopyRegisters and SetTLSBase on idle threads, then threads started by
 * WriteRegisters + Resume in the root's address space and stopped by Suspend or deletion.
 * Wrong-type cap arguments are in test_badcaps.c. Partners: helpers.h, main.c.
 */
#include "helpers.h"

#define REGS_COUNT (sizeof(seL4_UserContext) / sizeof(seL4_Word))
/* The root runs its thread tests at this priority, test threads at the same one. */
#define TEST_PRIO 100
/* Yields that give every equal-priority thread several turns. */
#define SETTLE_YIELDS 8

/* CPSR as WriteRegisters leaves it (spec §8.3): N,Z,C,V,Q kept, user mode, ARM state. */
#define CPSR_FLAGS_MASK 0xF8000000u
#define CPSR_USER_MODE 0x10u

/* A register set whose words all differ, as seL4_UserContext fields in ABI order. */
static void distinct_regs(seL4_UserContext *r, seL4_Word seed)
{
    seL4_Word *w = (seL4_Word *)r;
    for (unsigned i = 0; i < REGS_COUNT; i++)
        w[i] = seed + 0x1010u * (i + 1);
    r->cpsr = CPSR_FLAGS_MASK | CPSR_USER_MODE; /* already sanitised: reads back as is */
}

static const char *const reg_names[REGS_COUNT] = {
    "pc", "sp", "cpsr", "r0", "r1", "r8", "r9", "r10", "r11", "r12",
    "r2", "r3", "r4", "r5", "r6", "r7", "r14", "tpidrurw", "tpidruro",
};

/* Compares registers [from, to) of two contexts, recording the first difference. */
#define CHECK_REGS(got, want, from, to) \
    do { \
        const seL4_Word *g_ = (const seL4_Word *)(got), *w_ = (const seL4_Word *)(want); \
        for (unsigned i_ = (from); i_ < (to); i_++) \
            CHECK(g_[i_] == w_[i_], "register %s is 0x%x, expected 0x%x", reg_names[i_], g_[i_], \
                  w_[i_]); \
    } while (0)

/* ---- priorities ---------------------------------------------------------------------- */

static void tcb_new_thread_has_mcp_zero(void)
{
    seL4_CPtr fresh = new_object(seL4_TCBObject, 0);
    seL4_CPtr target = new_object(seL4_TCBObject, 0);
    if (!fresh || !target)
        return;
    CHECK_ERR(seL4_TCB_SetPriority(target, fresh, 1), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, 0);
    CHECK_OK(seL4_TCB_SetPriority(target, fresh, 0));
}

static void tcb_priority_above_the_authority_mcp_is_range_error(void)
{
    seL4_CPtr auth = new_object(seL4_TCBObject, 0);
    seL4_CPtr target = new_object(seL4_TCBObject, 0);
    if (!auth || !target)
        return;
    REQUIRE_OK(seL4_TCB_SetMCPriority(auth, seL4_CapInitThreadTCB, 10));
    CHECK_ERR(seL4_TCB_SetPriority(target, auth, 11), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, 10);
    CHECK_ERR(seL4_TCB_SetMCPriority(target, auth, 11), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, 10);
    CHECK_ERR(seL4_TCB_SetSchedParams(target, auth, 11, 10), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, 10);
    CHECK_ERR(seL4_TCB_SetSchedParams(target, auth, 10, 11), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, 10);
    /* Up to the MCP is fine, including for the authority itself. */
    CHECK_OK(seL4_TCB_SetPriority(target, auth, 10));
    CHECK_OK(seL4_TCB_SetMCPriority(target, auth, 10));
    CHECK_OK(seL4_TCB_SetSchedParams(target, auth, 10, 10));
    CHECK_OK(seL4_TCB_SetPriority(auth, auth, 10));
}

static void tcb_priority_above_255_is_range_error(void)
{
    seL4_CPtr target = new_object(seL4_TCBObject, 0);
    if (!target)
        return;
    CHECK_ERR(seL4_TCB_SetPriority(target, seL4_CapInitThreadTCB, seL4_MaxPrio + 1), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, seL4_MaxPrio);
    CHECK_OK(seL4_TCB_SetPriority(target, seL4_CapInitThreadTCB, seL4_MaxPrio));
    CHECK_OK(seL4_TCB_SetMCPriority(target, seL4_CapInitThreadTCB, seL4_MaxPrio));
}

static void tcb_mcp_given_by_set_sched_params_bounds_later_requests(void)
{
    seL4_CPtr auth = new_object(seL4_TCBObject, 0);
    seL4_CPtr target = new_object(seL4_TCBObject, 0);
    if (!auth || !target)
        return;
    REQUIRE_OK(seL4_TCB_SetSchedParams(auth, seL4_CapInitThreadTCB, 20, 5));
    CHECK_OK(seL4_TCB_SetPriority(target, auth, 20));
    CHECK_ERR(seL4_TCB_SetPriority(target, auth, 21), seL4_RangeError);
    CHECK_MR(1, 20);
}

/* ---- registers of threads that do not run ---------------------------------------------- */

static void tcb_read_registers_returns_what_was_written(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    seL4_UserContext in, out;
    regs_clear(&out);
    distinct_regs(&in, 0x00010000);
    REQUIRE_OK(seL4_TCB_WriteRegisters(tcb, seL4_False, 0, REGS_COUNT, &in));
    REQUIRE_OK(seL4_TCB_ReadRegisters(tcb, seL4_False, 0, REGS_COUNT, &out));
    CHECK_REGS(&out, &in, 0, REGS_COUNT);
}

static void tcb_write_registers_sanitises_cpsr(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    seL4_UserContext in, out;
    regs_clear(&out);
    distinct_regs(&in, 0x00020000);
    /* System mode, Thumb, masked interrupts and async aborts: none may reach the thread. */
    in.cpsr = 0xF80001FFu;
    REQUIRE_OK(seL4_TCB_WriteRegisters(tcb, seL4_False, 0, REGS_COUNT, &in));
    REQUIRE_OK(seL4_TCB_ReadRegisters(tcb, seL4_False, 0, REGS_COUNT, &out));
    CHECK(out.cpsr == (CPSR_FLAGS_MASK | CPSR_USER_MODE), "cpsr reads 0x%x, expected 0x%x", out.cpsr,
          CPSR_FLAGS_MASK | CPSR_USER_MODE);
    in.cpsr = 0;
    REQUIRE_OK(seL4_TCB_WriteRegisters(tcb, seL4_False, 0, REGS_COUNT, &in));
    REQUIRE_OK(seL4_TCB_ReadRegisters(tcb, seL4_False, 0, REGS_COUNT, &out));
    CHECK(out.cpsr == CPSR_USER_MODE, "cpsr reads 0x%x, expected 0x%x", out.cpsr, CPSR_USER_MODE);
}

static void tcb_write_registers_changes_only_the_first_count(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    seL4_UserContext first, second, out;
    regs_clear(&out);
    distinct_regs(&first, 0x00030000);
    distinct_regs(&second, 0x00040000);
    REQUIRE_OK(seL4_TCB_WriteRegisters(tcb, seL4_False, 0, REGS_COUNT, &first));
    REQUIRE_OK(seL4_TCB_WriteRegisters(tcb, seL4_False, 0, 4, &second)); /* pc, sp, cpsr, r0 */
    REQUIRE_OK(seL4_TCB_ReadRegisters(tcb, seL4_False, 0, REGS_COUNT, &out));
    CHECK_REGS(&out, &second, 0, 4);
    CHECK_REGS(&out, &first, 4, REGS_COUNT);
}

static void tcb_read_registers_count_must_be_1_to_19(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    seL4_UserContext out;
    CHECK_ERR(seL4_TCB_ReadRegisters(tcb, seL4_False, 0, 0, &out), seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, REGS_COUNT);
    CHECK_ERR(seL4_TCB_ReadRegisters(tcb, seL4_False, 0, REGS_COUNT + 1, &out), seL4_RangeError);
    CHECK_MR(0, 1);
    CHECK_MR(1, REGS_COUNT);
    CHECK_OK(seL4_TCB_ReadRegisters(tcb, seL4_False, 0, 1, &out));
}

static void tcb_read_registers_replies_with_count_words(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    seL4_UserContext in;
    distinct_regs(&in, 0x00050000);
    REQUIRE_OK(seL4_TCB_WriteRegisters(tcb, seL4_False, 0, REGS_COUNT, &in));
    /* By hand, to see the reply's length: flags 0, count 3. */
    seL4_SetMR(0, 0);
    seL4_SetMR(1, 3);
    seL4_MessageInfo_t reply = seL4_Call(tcb, seL4_MessageInfo_new(TCBReadRegisters, 0, 0, 2));
    CHECK(seL4_MessageInfo_get_label(reply) == seL4_NoError, "ReadRegisters gave %s",
          err_name(seL4_MessageInfo_get_label(reply)));
    CHECK(seL4_MessageInfo_get_length(reply) == 3, "reply has %u words, expected 3",
          seL4_MessageInfo_get_length(reply));
    CHECK_MR(0, in.pc);
    CHECK_MR(1, in.sp);
    CHECK_MR(2, in.cpsr);
}

/* If the kernel wrongly lets the root rewrite its own pc, the root lands here and
 * jumps back into the test (its stack is intact: only pc was written). */
static void *self_write_landing[5];

static void __attribute__((noreturn, noinline)) root_pc_was_rewritten(void)
{
    __builtin_longjmp(self_write_landing, 1);
}

static void tcb_registers_of_the_calling_thread_are_off_limits(void)
{
    seL4_UserContext regs;
    regs_clear(&regs);
    CHECK_ERR(seL4_TCB_ReadRegisters(seL4_CapInitThreadTCB, seL4_False, 0, REGS_COUNT, &regs),
              seL4_IllegalOperation);
    regs.pc = (seL4_Word)root_pc_was_rewritten;
    if (__builtin_setjmp(self_write_landing) == 0) {
        /* Only pc (count 1), so that a write carried out lands in root_pc_was_rewritten. */
        CHECK_ERR(seL4_TCB_WriteRegisters(seL4_CapInitThreadTCB, seL4_False, 0, 1, &regs),
                  seL4_IllegalOperation);
    } else {
        test_fail(__FILE__, __LINE__, "WriteRegisters on the calling thread moved its pc");
    }
}

static void tcb_copy_registers_copies_frame_and_integer_groups_separately(void)
{
    seL4_CPtr src = new_object(seL4_TCBObject, 0);
    seL4_CPtr dst = new_object(seL4_TCBObject, 0);
    if (!src || !dst)
        return;
    seL4_UserContext s, d, out;
    regs_clear(&out);
    distinct_regs(&s, 0x00060000);
    distinct_regs(&d, 0x00070000);
    REQUIRE_OK(seL4_TCB_WriteRegisters(src, seL4_False, 0, REGS_COUNT, &s));
    REQUIRE_OK(seL4_TCB_WriteRegisters(dst, seL4_False, 0, REGS_COUNT, &d));
    /* Frame group: pc .. r12, the first ten words. */
    REQUIRE_OK(seL4_TCB_CopyRegisters(dst, src, seL4_False, seL4_False, seL4_True, seL4_False, 0));
    REQUIRE_OK(seL4_TCB_ReadRegisters(dst, seL4_False, 0, REGS_COUNT, &out));
    CHECK_REGS(&out, &s, 0, SEL4_USERCONTEXT_FRAME_WORDS);
    CHECK_REGS(&out, &d, SEL4_USERCONTEXT_FRAME_WORDS, REGS_COUNT);
    /* Integer group: r2 .. tpidruro, the other nine. */
    REQUIRE_OK(seL4_TCB_CopyRegisters(dst, src, seL4_False, seL4_False, seL4_False, seL4_True, 0));
    REQUIRE_OK(seL4_TCB_ReadRegisters(dst, seL4_False, 0, REGS_COUNT, &out));
    CHECK_REGS(&out, &s, 0, REGS_COUNT);
}

static void tcb_set_tls_base_sets_tpidrurw(void)
{
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    if (!tcb)
        return;
    seL4_UserContext out;
    regs_clear(&out);
    REQUIRE_OK(seL4_TCB_SetTLSBase(tcb, 0x00ABC120));
    REQUIRE_OK(seL4_TCB_ReadRegisters(tcb, seL4_False, 0, REGS_COUNT, &out));
    CHECK(out.tpidrurw == 0x00ABC120, "tpidrurw is 0x%x", out.tpidrurw);
}

/* ---- running threads ------------------------------------------------------------------ */

static void tcb_written_thread_runs_only_once_resumed(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, body_count_once, 0);
    if (!t)
        return;
    /* Registers written, priority equal to the root's, but still inactive. */
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == 0, "the thread ran %u times before Resume", counter[0]);
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == 1, "the thread ran %u times after Resume, expected 1", counter[0]);
    CHECK(t->finished, "the thread did not return from its function");
}

static void record_argument(seL4_Word arg)
{
    thread_arg_seen = arg;
}

static void tcb_thread_starts_at_pc_with_its_argument_in_r0(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, record_argument, 0x5EED1234);
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    yield_n(SETTLE_YIELDS);
    CHECK(thread_arg_seen == 0x5EED1234, "the thread saw argument 0x%x", thread_arg_seen);
}

static void tcb_write_registers_with_resume_starts_the_thread(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, body_count_once, 1);
    if (!t)
        return;
    seL4_UserContext regs;
    thread_initial_regs(t, &regs);
    REQUIRE_OK(seL4_TCB_WriteRegisters(t->tcb, seL4_True, 0, REGS_COUNT, &regs));
    yield_n(SETTLE_YIELDS);
    CHECK(counter[1] == 1, "the thread ran %u times, expected 1", counter[1]);
}

static void tcb_suspend_stops_a_running_thread_and_resume_continues_it(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, body_count_and_yield, 0);
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    yield_n(SETTLE_YIELDS);
    REQUIRE(counter[0] > 0, "the thread never ran");
    REQUIRE_OK(seL4_TCB_Suspend(t->tcb));
    seL4_Word stopped_at = counter[0];
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == stopped_at, "the suspended thread counted on (%u -> %u)", stopped_at, counter[0]);
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] > stopped_at, "the resumed thread did not count on");
}

static void tcb_read_registers_can_suspend_the_source(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, body_count_and_yield, 0);
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    yield_n(SETTLE_YIELDS);
    REQUIRE(counter[0] > 0, "the thread never ran");
    seL4_UserContext regs;
    regs_clear(&regs);
    REQUIRE_OK(seL4_TCB_ReadRegisters(t->tcb, seL4_True, 0, REGS_COUNT, &regs));
    seL4_Word stopped_at = counter[0];
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == stopped_at, "the thread counted on after ReadRegisters(suspend)");
    /* It stopped inside its own stack. */
    CHECK(regs.sp <= t->stack_top && regs.sp > t->stack_top - THREAD_STACK_BYTES,
          "sp 0x%x is off its stack (top 0x%x)", regs.sp, t->stack_top);
}

static void tcb_copy_registers_can_clone_and_start_a_thread(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    /* The template is never resumed: its registers start body_count_once(2). */
    test_thread_t *tmpl = thread_new(TEST_PRIO, body_count_once, 2);
    seL4_CPtr clone = new_object(seL4_TCBObject, 0);
    if (!tmpl || !clone)
        return;
    REQUIRE_OK(seL4_TCB_Configure(clone, 0, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0, 0, seL4_CapNull));
    REQUIRE_OK(seL4_TCB_SetPriority(clone, seL4_CapInitThreadTCB, TEST_PRIO));
    REQUIRE_OK(seL4_TCB_CopyRegisters(clone, tmpl->tcb, seL4_False, seL4_True, seL4_True, seL4_True, 0));
    yield_n(SETTLE_YIELDS);
    CHECK(counter[2] == 1, "the clone ran body_count_once %u times, expected 1", counter[2]);
}

static void tcb_copy_registers_can_suspend_the_source(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, body_count_and_yield, 0);
    seL4_CPtr dst = new_object(seL4_TCBObject, 0);
    if (!t || !dst)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    yield_n(SETTLE_YIELDS);
    REQUIRE(counter[0] > 0, "the thread never ran");
    REQUIRE_OK(seL4_TCB_CopyRegisters(dst, t->tcb, seL4_True, seL4_False, seL4_True, seL4_True, 0));
    seL4_Word stopped_at = counter[0];
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == stopped_at, "the source counted on after CopyRegisters(suspend_source)");
}

static void tcb_delete_of_the_last_cap_stops_a_running_thread(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, body_count_and_yield, 0);
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    yield_n(SETTLE_YIELDS);
    REQUIRE(counter[0] > 0, "the thread never ran");
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, t->tcb, ROOT_DEPTH));
    CHECK_CAP(t->tcb, CAP_NULL);
    seL4_Word stopped_at = counter[0];
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == stopped_at, "the thread counted on after its TCB was deleted (%u -> %u)",
          stopped_at, counter[0]);
}

static void tcb_revoke_of_its_untyped_stops_a_running_thread(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, body_count_and_yield, 0);
    if (!t)
        return;
    seL4_CPtr copy = copy_cap(t->tcb, seL4_AllRights);
    if (!copy)
        return;
    REQUIRE_OK(seL4_TCB_Resume(copy));
    yield_n(SETTLE_YIELDS);
    REQUIRE(counter[0] > 0, "the thread never ran");
    /* The pool untyped is the TCB's parent: Revoke deletes both caps to it. */
    REQUIRE_OK(seL4_CNode_Revoke(ROOT_CNODE, pool_untyped, ROOT_DEPTH));
    CHECK_CAP(t->tcb, CAP_NULL);
    CHECK_CAP(copy, CAP_NULL);
    seL4_Word stopped_at = counter[0];
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == stopped_at, "the thread counted on after its TCB was revoked");
}

static void tcb_delete_of_a_copy_leaves_the_thread_running(void)
{
    REQUIRE_OK(set_root_priority(TEST_PRIO));
    test_thread_t *t = thread_new(TEST_PRIO, body_count_and_yield, 0);
    if (!t)
        return;
    seL4_CPtr copy = copy_cap(t->tcb, seL4_AllRights);
    if (!copy)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, copy, ROOT_DEPTH));
    yield_n(SETTLE_YIELDS);
    seL4_Word before = counter[0];
    yield_n(SETTLE_YIELDS);
    CHECK(before > 0 && counter[0] > before, "the thread stopped when a copy of its cap went away");
}

/* ---- notification binding ------------------------------------------------------ */

static void tcb_bind_notification_is_one_to_one(void)
{
    seL4_CPtr a = new_object(seL4_TCBObject, 0);
    seL4_CPtr b = new_object(seL4_TCBObject, 0);
    seL4_CPtr n = new_object(seL4_NotificationObject, 0);
    seL4_CPtr n2 = new_object(seL4_NotificationObject, 0);
    if (!a || !b || !n || !n2)
        return;
    CHECK_ERR(seL4_TCB_UnbindNotification(a), seL4_IllegalOperation);
    CHECK_OK(seL4_TCB_BindNotification(a, n));
    CHECK_ERR(seL4_TCB_BindNotification(a, n2), seL4_IllegalOperation); /* a is bound */
    CHECK_ERR(seL4_TCB_BindNotification(b, n), seL4_IllegalOperation); /* n is bound */
    CHECK_OK(seL4_TCB_UnbindNotification(a));
    CHECK_OK(seL4_TCB_BindNotification(b, n));
}

static void tcb_bind_needs_a_notification_cap_with_read(void)
{
    seL4_CPtr t = new_object(seL4_TCBObject, 0);
    seL4_CPtr n = new_object(seL4_NotificationObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    if (!t || !n || !ep)
        return;
    seL4_CPtr write_only = copy_cap(n, seL4_CanWrite);
    if (!write_only)
        return;
    CHECK_ERR(seL4_TCB_BindNotification(t, ep), seL4_IllegalOperation);
    CHECK_ERR(seL4_TCB_BindNotification(t, write_only), seL4_IllegalOperation);
    CHECK_OK(seL4_TCB_BindNotification(t, n));
}

static void tcb_deleting_a_bound_notification_unbinds_the_thread(void)
{
    seL4_CPtr t = new_object(seL4_TCBObject, 0);
    seL4_CPtr n = new_object(seL4_NotificationObject, 0);
    seL4_CPtr n2 = new_object(seL4_NotificationObject, 0);
    if (!t || !n || !n2)
        return;
    CHECK_OK(seL4_TCB_BindNotification(t, n));
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, n, ROOT_DEPTH));
    CHECK_ERR(seL4_TCB_UnbindNotification(t), seL4_IllegalOperation); /* nothing bound now */
    CHECK_OK(seL4_TCB_BindNotification(t, n2));
}

static void tcb_deleting_a_bound_thread_frees_the_notification(void)
{
    seL4_CPtr t = new_object(seL4_TCBObject, 0);
    seL4_CPtr t2 = new_object(seL4_TCBObject, 0);
    seL4_CPtr n = new_object(seL4_NotificationObject, 0);
    if (!t || !t2 || !n)
        return;
    CHECK_OK(seL4_TCB_BindNotification(t, n));
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, t, ROOT_DEPTH));
    CHECK_OK(seL4_TCB_BindNotification(t2, n));
}

const test_case_t tcb_tests[] = {
    TEST_CASE(tcb_new_thread_has_mcp_zero),
    TEST_CASE(tcb_priority_above_the_authority_mcp_is_range_error),
    TEST_CASE(tcb_priority_above_255_is_range_error),
    TEST_CASE(tcb_mcp_given_by_set_sched_params_bounds_later_requests),
    TEST_CASE(tcb_read_registers_returns_what_was_written),
    TEST_CASE(tcb_write_registers_sanitises_cpsr),
    TEST_CASE(tcb_write_registers_changes_only_the_first_count),
    TEST_CASE(tcb_read_registers_count_must_be_1_to_19),
    TEST_CASE(tcb_read_registers_replies_with_count_words),
    TEST_CASE(tcb_registers_of_the_calling_thread_are_off_limits),
    TEST_CASE(tcb_copy_registers_copies_frame_and_integer_groups_separately),
    TEST_CASE(tcb_set_tls_base_sets_tpidrurw),
    TEST_CASE(tcb_written_thread_runs_only_once_resumed),
    TEST_CASE(tcb_thread_starts_at_pc_with_its_argument_in_r0),
    TEST_CASE(tcb_write_registers_with_resume_starts_the_thread),
    TEST_CASE(tcb_suspend_stops_a_running_thread_and_resume_continues_it),
    TEST_CASE(tcb_read_registers_can_suspend_the_source),
    TEST_CASE(tcb_copy_registers_can_clone_and_start_a_thread),
    TEST_CASE(tcb_copy_registers_can_suspend_the_source),
    TEST_CASE(tcb_delete_of_the_last_cap_stops_a_running_thread),
    TEST_CASE(tcb_revoke_of_its_untyped_stops_a_running_thread),
    TEST_CASE(tcb_delete_of_a_copy_leaves_the_thread_running),
    TEST_CASE(tcb_bind_notification_is_one_to_one),
    TEST_CASE(tcb_bind_needs_a_notification_cap_with_read),
    TEST_CASE(tcb_deleting_a_bound_notification_unbinds_the_thread),
    TEST_CASE(tcb_deleting_a_bound_thread_frees_the_notification),
};
const unsigned tcb_test_count = sizeof(tcb_tests) / sizeof(tcb_tests[0]);
