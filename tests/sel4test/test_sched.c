/*
 * tests/sel4test/test_sched.c - the non-MCS scheduler (spec §11.8): the highest priority
 * runnable thread runs, a thread made runnable preempts only if strictly higher, Yield
 * rotates equal priorities, the timer round-robins threads that never yield. The root
 * runs these at ROOT_PRIO (cleanup restores 255). Partners: helpers.h, main.c.
 */
#include "helpers.h"

#define ROOT_PRIO 100
#define HIGHER_PRIO 150
#define LOWER_PRIO 50
#define SETTLE_YIELDS 8
/* Iterations of spin() that take longer than a timeslice (5 ticks of 2 ms, i.e. about
 * 1,000,000 instructions at numbat-sim's 100 MHz): preemption had its chance. */
#define SPIN_PAST_TIMESLICE 400000
/* Upper bound on waiting for the timer, in root loop iterations: about 80 timeslices in
 * numbat-sim, room enough for a faster or slower board; a working kernel ends the wait
 * after three timeslices (root, A, B). */
#define TIMER_WAIT_LIMIT 10000000
#define ALTERNATION_ROUNDS 4

static void sched_higher_priority_thread_runs_before_the_resumer_continues(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    test_thread_t *t = thread_new(HIGHER_PRIO, body_trace_once, 'T');
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    trace_add('R');
    CHECK(str_eq(trace_str(), "TR"), "events in order \"%s\", expected \"TR\"", trace_str());
}

static void sched_resumed_thread_of_equal_priority_does_not_preempt(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    /* The root's timeslice may end by chance right after the Resume (on QEMU the
     * timer is real time): then T runs first by round robin, which is right. A kernel
     * that preempts on the Resume does it every time, so three tries tell them apart. */
    int preempted_every_time = 1;
    for (int attempt = 0; attempt < 3 && preempted_every_time; attempt++) {
        test_thread_t *t = thread_new(ROOT_PRIO, body_trace_once, 'T');
        if (!t)
            return;
        trace_len = 0;
        REQUIRE_OK(seL4_TCB_Resume(t->tcb));
        trace_add('R');
        yield_n(SETTLE_YIELDS);
        preempted_every_time = !str_eq(trace_str(), "RT");
    }
    CHECK(!preempted_every_time, "events in order \"%s\", expected \"RT\"", trace_str());
}

static void sched_lower_priority_thread_waits_until_the_root_drops_below_it(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    test_thread_t *t = thread_new(LOWER_PRIO, body_count_once, 0);
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    /* Neither a timeslice running out nor a Yield hands the CPU to a lower priority. */
    spin(SPIN_PAST_TIMESLICE);
    CHECK(counter[0] == 0, "the lower-priority thread ran while the root spun");
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == 0, "the lower-priority thread ran when the root yielded");
    /* Dropping below it lets it run at once; it finishes and suspends itself. */
    REQUIRE_OK(set_root_priority(LOWER_PRIO - 1));
    CHECK(counter[0] == 1, "after the root dropped below it the thread had run %u times, expected 1",
          counter[0]);
}

static void sched_raising_a_thread_above_the_caller_preempts_it(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    test_thread_t *t = thread_new(LOWER_PRIO, body_count_once, 0);
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    CHECK(counter[0] == 0, "the lower-priority thread ran at once");
    REQUIRE_OK(seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, HIGHER_PRIO));
    CHECK(counter[0] == 1, "after SetPriority above the root the thread had run %u times, expected 1",
          counter[0]);
}

static void sched_set_sched_params_above_the_caller_preempts_it(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    test_thread_t *t = thread_new(LOWER_PRIO, body_count_once, 0);
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    REQUIRE_OK(seL4_TCB_SetSchedParams(t->tcb, seL4_CapInitThreadTCB, HIGHER_PRIO, HIGHER_PRIO));
    CHECK(counter[0] == 1, "after SetSchedParams above the root the thread had run %u times, expected 1",
          counter[0]);
}

static void sched_raising_a_thread_to_the_callers_priority_shares_the_cpu_on_yield(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    test_thread_t *t = thread_new(LOWER_PRIO, body_count_and_yield, 0);
    if (!t)
        return;
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] == 0, "the lower-priority thread ran");
    /* The root's timeslice may end by chance during the SetPriority (then the thread
     * runs by round robin, which is right): a kernel that preempts on the raise does
     * it every time, so three tries tell the two apart. */
    int preempted_every_time = 1;
    for (int attempt = 0; attempt < 3 && preempted_every_time; attempt++) {
        REQUIRE_OK(seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, LOWER_PRIO));
        seL4_Word before = counter[0];
        REQUIRE_OK(seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, ROOT_PRIO));
        preempted_every_time = counter[0] != before;
    }
    CHECK(!preempted_every_time, "raising the thread to the root's priority preempted the root");
    yield_n(SETTLE_YIELDS);
    CHECK(counter[0] >= SETTLE_YIELDS / 2, "the thread counted only %u times in %u root yields",
          counter[0], SETTLE_YIELDS);
}

static void body_alternate(seL4_Word letter)
{
    for (unsigned i = 0; i < ALTERNATION_ROUNDS; i++) {
        trace_add((char)letter);
        seL4_Yield();
    }
}

static void sched_equal_priority_threads_alternate_on_yield(void)
{
    /* Both threads are queued before either can run: the root stays above them
     * until then, so a timer tick between the two Resumes cannot reorder them. */
    REQUIRE_OK(set_root_priority(ROOT_PRIO + 1));
    test_thread_t *a = thread_new(ROOT_PRIO, body_alternate, 'A');
    test_thread_t *b = thread_new(ROOT_PRIO, body_alternate, 'B');
    if (!a || !b)
        return;
    REQUIRE_OK(seL4_TCB_Resume(a->tcb));
    REQUIRE_OK(seL4_TCB_Resume(b->tcb));
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    /* Each root Yield goes to the back of the queue, behind A and then B. */
    for (unsigned i = 0; i < 10 * ALTERNATION_ROUNDS && !(a->finished && b->finished); i++)
        seL4_Yield();
    CHECK(a->finished && b->finished, "the threads did not finish (trace \"%s\")", trace_str());
    CHECK(str_eq(trace_str(), "ABABABAB"), "events in order \"%s\", expected \"ABABABAB\"", trace_str());
}

static void sched_timer_preempts_equal_priority_threads_that_never_yield(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    test_thread_t *a = thread_new(ROOT_PRIO, body_count_spinning, 0);
    test_thread_t *b = thread_new(ROOT_PRIO, body_count_spinning, 1);
    if (!a || !b)
        return;
    REQUIRE_OK(seL4_TCB_Resume(a->tcb));
    REQUIRE_OK(seL4_TCB_Resume(b->tcb));
    /* The root spins too and never yields: only timeslices ending can let A and B in,
     * and only their timeslices ending can bring the root back. */
    unsigned i = 0;
    while (i < TIMER_WAIT_LIMIT && (counter[0] == 0 || counter[1] == 0))
        i++;
    REQUIRE(counter[0] > 0 && counter[1] > 0, "after %u root iterations A counted %u, B %u", i,
            counter[0], counter[1]);
    /* And it goes on round after round. */
    seL4_Word a_before = counter[0], b_before = counter[1];
    i = 0;
    while (i < TIMER_WAIT_LIMIT && (counter[0] == a_before || counter[1] == b_before))
        i++;
    CHECK(counter[0] > a_before && counter[1] > b_before, "in the second round A counted %u -> %u, B %u -> %u",
          a_before, counter[0], b_before, counter[1]);
}

const test_case_t sched_tests[] = {
    TEST_CASE(sched_higher_priority_thread_runs_before_the_resumer_continues),
    TEST_CASE(sched_resumed_thread_of_equal_priority_does_not_preempt),
    TEST_CASE(sched_lower_priority_thread_waits_until_the_root_drops_below_it),
    TEST_CASE(sched_raising_a_thread_above_the_caller_preempts_it),
    TEST_CASE(sched_set_sched_params_above_the_caller_preempts_it),
    TEST_CASE(sched_raising_a_thread_to_the_callers_priority_shares_the_cpu_on_yield),
    TEST_CASE(sched_equal_priority_threads_alternate_on_yield),
    TEST_CASE(sched_timer_preempts_equal_priority_threads_that_never_yield),
};
const unsigned sched_test_count = sizeof(sched_tests) / sizeof(sched_tests[0]);
