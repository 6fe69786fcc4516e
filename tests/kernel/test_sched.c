/*
 * tests/kernel/test_sched.c - the scheduler (spec 11.8): highest priority first,
 * FIFO and round robin within a priority, yield, 5-tick timeslices, suspend,
 * priority changes (directly and through TCB_SetPriority and friends), the
 * halt when nothing can run, and a faulting thread giving way.
 * Partners: kernel/sched.c, kernel/interrupt.c, kernel/fault.c, kernel/tcb.c,
 * harness.c (arch_enter_thread and arch_halt jump back into the test).
 */
#include <string.h>

#include "harness.h"
#include "fault.h"
#include "interrupt.h"
#include "syscall.h"

TestSuite(sched, .init = harness_init, .fini = harness_fini);

extern uint64_t kernel_ticks;

static tcb_t *thread(uint32_t priority, const char *name)
{
    tcb_t *t = harness_tcb();
    thread_set_name(t, name);
    thread_set_priority(t, priority);
    thread_resume(t);
    return t;
}

/* Leaves the kernel; returns the thread that runs next. */
static tcb_t *run_next(void)
{
    uint32_t status = 0;
    tcb_t *t = harness_schedule(&status);
    cr_assert_not_null(t, "the kernel halted (status %u) instead of running a thread", status);
    cr_assert_eq(current_thread, t, "the thread entered is not current_thread");
    cr_assert_not(t->queued, "the running thread is still queued");
    cr_assert_eq(t->state, THREAD_RUNNING);
    return t;
}

static void expect_next(tcb_t *t)
{
    tcb_t *got = run_next();
    cr_assert_eq(got, t, "'%s' ran, expected '%s'", got->name, t->name);
}

static void tick(void)
{
    interrupt_received(0);
}

Test(sched, highest_priority_runs_first)
{
    tcb_t *low = thread(10, "low"), *high = thread(200, "high"), *mid = thread(100, "mid");
    expect_next(high);
    thread_suspend(high);
    expect_next(mid);
    thread_suspend(mid);
    expect_next(low);
}

Test(sched, priorities_across_bitmap_words)
{
    static const uint32_t prios[] = {0, 31, 32, 63, 64, 255, 128, 127};
    tcb_t *t[ARRAY_SIZE(prios)];
    for (unsigned i = 0; i < ARRAY_SIZE(prios); i++)
        t[i] = thread(prios[i], "t");
    static const unsigned order[] = {5, 6, 7, 4, 3, 2, 1, 0};
    for (unsigned i = 0; i < ARRAY_SIZE(order); i++) {
        tcb_t *got = run_next();
        cr_assert_eq(got, t[order[i]], "step %u: priority %u ran, expected %u", i, got->priority,
                     prios[order[i]]);
        thread_suspend(got);
    }
}

Test(sched, fifo_and_round_robin_within_a_priority)
{
    tcb_t *a = thread(50, "a"), *b = thread(50, "b"), *c = thread(50, "c");
    expect_next(a);
    sched_yield(a);
    expect_next(b);
    sched_yield(b);
    expect_next(c);
    sched_yield(c);
    expect_next(a);
}

Test(sched, yield_puts_the_caller_behind_its_equals_only)
{
    tcb_t *a = thread(50, "a"), *b = thread(50, "b"), *c = thread(50, "c");
    tcb_t *low = thread(20, "low");
    expect_next(a);
    sched_yield(a);
    cr_assert(a->queued);
    cr_assert_null(current_thread, "after a yield no thread is current");
    expect_next(b);
    thread_suspend(b);
    expect_next(c);
    thread_suspend(c);
    expect_next(a);
    sched_yield(a);
    expect_next(a); /* alone at its priority: straight back, not to the lower one */
    (void)low;
}

Test(sched, the_current_thread_keeps_the_cpu_against_equals)
{
    tcb_t *a = thread(50, "a");
    expect_next(a);
    thread(50, "b");
    thread(49, "lower");
    expect_next(a);
    expect_next(a);
}

Test(sched, a_preempted_thread_runs_first_among_its_equals)
{
    tcb_t *a = thread(50, "a"), *b = thread(50, "b");
    expect_next(a);
    tcb_t *h = thread(51, "h");
    expect_next(h);
    cr_assert(a->queued, "the preempted thread went back to its queue");
    thread_suspend(h);
    expect_next(a);
    sched_yield(a);
    expect_next(b);
}

Test(sched, timeslice_ends_after_5_ticks)
{
    tcb_t *a = thread(50, "a"), *b = thread(50, "b");
    uint64_t ticks = kernel_ticks;
    expect_next(a);
    for (unsigned i = 1; i <= 4; i++) {
        tick();
        cr_assert_eq(a->timeslice, TIMESLICE_TICKS - i);
        expect_next(a);
    }
    tick();
    expect_next(b);
    cr_assert_eq(kernel_ticks, ticks + 5);
    cr_assert_eq(a->timeslice, TIMESLICE_TICKS, "a new timeslice for the next turn");
    cr_assert(a->queued);
    for (unsigned i = 0; i < 5; i++) {
        cr_assert_eq(current_thread, b);
        tick();
        run_next();
    }
    cr_assert_eq(current_thread, a, "round robin back to a");
}

Test(sched, a_preempted_thread_keeps_the_rest_of_its_timeslice)
{
    tcb_t *a = thread(50, "a"), *b = thread(50, "b");
    expect_next(a);
    tick();
    tick();
    tick();
    tcb_t *h = thread(60, "h");
    expect_next(h);
    thread_suspend(h);
    expect_next(a);
    cr_assert_eq(a->timeslice, 2);
    tick();
    expect_next(a);
    tick();
    expect_next(b);
}

Test(sched, a_tick_with_no_current_thread_changes_nothing)
{
    tcb_t *a = thread(50, "a");
    uint32_t slice = a->timeslice;
    tick();
    cr_assert_eq(a->timeslice, slice);
    expect_next(a);
}

Test(sched, suspend_takes_a_thread_out_of_its_queue)
{
    tcb_t *a = thread(50, "a"), *b = thread(50, "b"), *c = thread(50, "c");
    thread_suspend(b);
    cr_assert_not(b->queued);
    cr_assert_eq(b->state, THREAD_INACTIVE);
    expect_next(a);
    sched_yield(a);
    expect_next(c);
    sched_yield(c);
    expect_next(a);
    thread_resume(b);
    cr_assert(b->queued);
    sched_yield(a);
    expect_next(c);
    sched_yield(c);
    expect_next(b);
}

Test(sched, resuming_a_runnable_thread_changes_nothing)
{
    tcb_t *a = thread(50, "a"), *b = thread(50, "b");
    thread_resume(a);
    thread_resume(b);
    expect_next(a);
    thread_resume(a);
    cr_assert_not(a->queued, "resuming the current thread does not queue it");
    sched_yield(a);
    expect_next(b);
}

Test(sched, nothing_to_run_halts_the_board)
{
    tcb_t *a = thread(50, "a");
    expect_next(a);
    thread_suspend(a);
    uint32_t status = 0;
    cr_assert_null(harness_schedule(&status));
    cr_assert_eq(status, 1);
    cr_assert_not_null(strstr(harness_console(), "no thread can run"), "console: %s",
                       harness_console());
}

Test(sched, set_priority_requeues_at_the_tail_of_the_new_priority)
{
    tcb_t *x = thread(10, "x"), *a = thread(100, "a"), *b = thread(100, "b");
    thread_set_priority(x, 100);
    cr_assert(x->queued);
    expect_next(a);
    thread_suspend(a);
    expect_next(b);
    thread_suspend(b);
    expect_next(x);
}

Test(sched, raising_a_queued_thread_lets_it_preempt)
{
    tcb_t *a = thread(100, "a"), *x = thread(10, "x");
    expect_next(a);
    thread_set_priority(x, 101);
    expect_next(x);
    cr_assert(a->queued);
}

Test(sched, lowering_the_current_thread_lets_a_higher_one_run)
{
    tcb_t *a = thread(100, "a"), *b = thread(50, "b");
    expect_next(a);
    thread_set_priority(a, 10);
    cr_assert_not(a->queued, "the current thread is not queued by a priority change");
    expect_next(b);
    thread_suspend(b);
    expect_next(a);
}

Test(sched, set_priority_of_a_suspended_thread_does_not_queue_it)
{
    tcb_t *a = thread(50, "a"), *s = thread(60, "s");
    thread_suspend(s);
    thread_set_priority(s, 200);
    cr_assert_not(s->queued);
    expect_next(a);
    thread_resume(s);
    expect_next(s);
    cr_assert_eq(s->priority, 200);
}

Test(sched, deleting_the_current_threads_last_cap_schedules_another)
{
    cap_t pool = harness_cnode(2, 0, 0);
    tcb_t *a = thread(50, "a"), *b = thread(40, "b");
    harness_place(harness_slot(pool, 0), cap_thread(a), true);
    expect_next(a);
    cdt_delete(harness_slot(pool, 0), false);
    cr_assert_null(current_thread);
    expect_next(b);
}

static void fault_entry(void *f)
{
    handle_user_fault(f);
}

Test(sched, a_faulting_thread_stops_and_the_next_runs)
{
    tcb_t *a = thread(50, "faulty"), *b = thread(40, "b");
    expect_next(a);
    fault_t f = {.kind = FAULT_VM_DATA, .pc = 0x8000, .address = 0x10, .status = 0x5};
    cr_assert_eq(harness_run_to_exit(fault_entry, &f, NULL), b);
    cr_assert_eq(a->state, THREAD_INACTIVE);
    cr_assert_not(a->queued);
    cr_assert_not_null(strstr(harness_console(), "thread 'faulty' stopped: data fault"),
                       "console: %s", harness_console());
}

/* ---- the same through TCB invocations (spec 8.3) -------------------------------------------- */

static invocation_t inv;

static seL4_Error tcb_invoke(cte_t *target, uint32_t label, unsigned nmr, const uint32_t *mr,
                             cte_t *authority)
{
    cte_t *caps[1] = {authority};
    return harness_invoke(&inv, target, label, nmr, mr, authority ? 1 : 0, caps);
}

Test(sched, set_priority_needs_an_authority_with_enough_mcp)
{
    cap_t pool = harness_cnode(3, 0, 0);
    tcb_t *auth = harness_tcb(), *t = thread(10, "t"), *a = thread(100, "a");
    auth->mcp = 120;
    harness_place(harness_slot(pool, 0), cap_thread(t), true);
    harness_place(harness_slot(pool, 1), cap_thread(auth), true);
    harness_place(harness_slot(pool, 2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    cte_t *ts = harness_slot(pool, 0), *as = harness_slot(pool, 1), *es = harness_slot(pool, 2);

    cr_assert_eq(tcb_invoke(ts, TCBSetPriority, MRS(121), as), seL4_RangeError);
    cr_assert_eq(inv.reply_length, 2);
    cr_assert_eq(inv.reply[0], 0);
    cr_assert_eq(inv.reply[1], 120, "MR1 is the authority's MCP");
    cr_assert_eq(tcb_invoke(ts, TCBSetPriority, MRS(100), es), seL4_InvalidCapability);
    cr_assert_eq(inv.reply[0], 1, "c0 is not a TCB");
    cr_assert_eq(tcb_invoke(ts, TCBSetPriority, MRS(100), NULL), seL4_TruncatedMessage);
    cr_assert_eq(tcb_invoke(ts, TCBSetPriority, NO_MRS, as), seL4_TruncatedMessage);
    cr_assert_eq(t->priority, 10, "no error changes the priority");

    cr_assert_eq(tcb_invoke(ts, TCBSetPriority, MRS(120), as), seL4_NoError);
    cr_assert_eq(t->priority, 120);
    expect_next(t);
    (void)a;
}

Test(sched, set_mcp_and_sched_params_check_both_values)
{
    cap_t pool = harness_cnode(2, 0, 0);
    tcb_t *auth = harness_tcb(), *t = thread(10, "t");
    auth->mcp = 50;
    harness_place(harness_slot(pool, 0), cap_thread(t), true);
    harness_place(harness_slot(pool, 1), cap_thread(auth), true);
    cte_t *ts = harness_slot(pool, 0), *as = harness_slot(pool, 1);
    cr_assert_eq(tcb_invoke(ts, TCBSetMCPriority, MRS(51), as), seL4_RangeError);
    cr_assert_eq(inv.reply[1], 50);
    cr_assert_eq(tcb_invoke(ts, TCBSetMCPriority, MRS(50), as), seL4_NoError);
    cr_assert_eq(t->mcp, 50);
    cr_assert_eq(t->priority, 10);
    /* SetSchedParams: MR0 = MCP, MR1 = priority, both within the authority's MCP. */
    cr_assert_eq(tcb_invoke(ts, TCBSetSchedParams, MRS(40, 51), as), seL4_RangeError);
    cr_assert_eq(tcb_invoke(ts, TCBSetSchedParams, MRS(51, 40), as), seL4_RangeError);
    cr_assert_eq(t->mcp, 50);
    cr_assert_eq(t->priority, 10);
    cr_assert_eq(tcb_invoke(ts, TCBSetSchedParams, MRS(30, 45), as), seL4_NoError);
    cr_assert_eq(t->mcp, 30);
    cr_assert_eq(t->priority, 45);
    cr_assert(t->queued, "requeued at its new priority");
}

Test(sched, suspend_and_resume_invocations)
{
    cap_t pool = harness_cnode(1, 0, 0);
    tcb_t *t = thread(70, "t"), *other = thread(60, "other");
    harness_place(harness_slot(pool, 0), cap_thread(t), true);
    cr_assert_eq(tcb_invoke(harness_slot(pool, 0), TCBSuspend, NO_MRS, NULL), seL4_NoError);
    cr_assert_not(t->queued);
    expect_next(other);
    cr_assert_eq(tcb_invoke(harness_slot(pool, 0), TCBResume, NO_MRS, NULL), seL4_NoError);
    cr_assert(t->queued);
    expect_next(t);
}

/* The null system call: a Yield with no other thread ready leaves the caller current
   and queues nothing (what the full re-queue would end in, without the work). */
Test(sched, a_yield_with_nobody_else_ready_keeps_the_caller)
{
    tcb_t *a = thread(50, "a");
    expect_next(a);
    sched_yield(a);
    cr_assert_eq(current_thread, a);
    cr_assert_not(a->queued);
    cr_assert_eq(ready_words, 0u);
    expect_next(a);
    /* With a lower-priority thread ready the general path runs, to the same end. */
    thread(10, "low");
    sched_yield(a);
    expect_next(a);
}
