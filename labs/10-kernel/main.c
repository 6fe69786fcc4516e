/*
 * labs/10-kernel/main.c - lab 10's root task, the bench for the ready queues you write
 * in kernel/ready_queue.c: four checks, one per exercise, each printing what order
 * the threads ran in (the grader compares it with the rule and with the kernel's
 * switch events), then part of the in-kernel suite (tests/sel4test: scheduling,
 * threads, IPC, notifications, faults). The kernel runs with its invariant checker on.
 * You do not need to change this file. Partners: tests/sel4test/helpers.h, grade.py.
 */
#include <stdio.h>

#include "helpers.h"

#define WORKER_PRIO 100
#define ROUNDS 3

/* What the worker threads share with the root: where they report when done. */
static seL4_CPtr done_ep;
static seL4_CPtr wake_ntfn;
/* The priorities of exercise 3's threads, in the order they ran. */
static volatile seL4_Word ran[8];
static volatile unsigned ran_count;

static test_thread_t *worker(seL4_Word prio, void (*body)(seL4_Word), char letter, const char *name)
{
    test_thread_t *t = thread_new(prio, body, letter);
    if (t)
        seL4_DebugNameThread(t->tcb, name);
    return t;
}

/* Tells the root this worker is done, and stays blocked on the reply that never comes:
 * a Call blocks the caller, so the root runs without preempting anyone. */
static void report_done(void)
{
    seL4_Word m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_CallWithMRs(done_ep, seL4_MessageInfo_new(0, 0, 0, 0), &m0, &m1, &m2, &m3);
}

/* The root waits for n workers to report. */
static void wait_for(unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        seL4_Word badge;
        seL4_Recv(done_ep, &badge);
    }
}

/* ROUNDS times: note the letter, let the equals run. */
static void body_rounds(seL4_Word letter)
{
    for (unsigned i = 0; i < ROUNDS; i++) {
        trace_add((char)letter);
        seL4_Yield();
    }
    report_done();
}

/* Exercise 1: three threads of one priority, resumed a, b, c, take turns in that order. */
static void lab10_fifo_within_a_priority(void)
{
    done_ep = new_object(seL4_EndpointObject, 0);
    test_thread_t *a = worker(WORKER_PRIO, body_rounds, 'a', "fifo-a");
    test_thread_t *b = worker(WORKER_PRIO, body_rounds, 'b', "fifo-b");
    test_thread_t *c = worker(WORKER_PRIO, body_rounds, 'c', "fifo-c");
    REQUIRE(done_ep && a && b && c, "setup failed");
    REQUIRE_OK(seL4_TCB_Resume(a->tcb));
    REQUIRE_OK(seL4_TCB_Resume(b->tcb));
    REQUIRE_OK(seL4_TCB_Resume(c->tcb));
    wait_for(3);
    printf("fifo: %s\n", trace_str());
    CHECK(str_eq(trace_str(), "abcabcabc"), "ran \"%s\", expected \"abcabcabc\"", trace_str());
}

/* Exercise 2: threads leave their queue from the middle, the tail and the head
 * (Suspend), and move to another queue (SetPriority) before any of them runs. */
static void lab10_dequeue_anywhere(void)
{
    done_ep = new_object(seL4_EndpointObject, 0);
    test_thread_t *a = worker(WORKER_PRIO, body_rounds, 'a', "deq-a");
    test_thread_t *b = worker(WORKER_PRIO, body_rounds, 'b', "deq-b");
    test_thread_t *c = worker(WORKER_PRIO, body_rounds, 'c', "deq-c");
    test_thread_t *d = worker(WORKER_PRIO, body_rounds, 'd', "deq-d");
    REQUIRE(done_ep && a && b && c && d, "setup failed");
    REQUIRE_OK(seL4_TCB_Resume(a->tcb));
    REQUIRE_OK(seL4_TCB_Resume(b->tcb));
    REQUIRE_OK(seL4_TCB_Resume(c->tcb));
    REQUIRE_OK(seL4_TCB_Resume(d->tcb)); /* queue 100: a b c d */
    REQUIRE_OK(seL4_TCB_Suspend(b->tcb)); /* the middle: a c d */
    REQUIRE_OK(seL4_TCB_Suspend(d->tcb)); /* the tail: a c */
    REQUIRE_OK(seL4_TCB_Suspend(a->tcb)); /* the head: c */
    REQUIRE_OK(seL4_TCB_Resume(d->tcb));
    REQUIRE_OK(seL4_TCB_Resume(a->tcb)); /* c d a */
    REQUIRE_OK(seL4_TCB_SetPriority(c->tcb, seL4_CapInitThreadTCB, WORKER_PRIO + 10));
    wait_for(3); /* c alone at 110, then d and a take turns; b never runs */
    printf("dequeue: %s\n", trace_str());
    CHECK(str_eq(trace_str(), "cccdadada"), "ran \"%s\", expected \"cccdadada\"", trace_str());
}

static void body_note_priority(seL4_Word prio)
{
    ran[ran_count++] = prio;
    report_done();
}

/* Exercise 3: eight threads, priorities spread over the bitmap's words, resumed in a
 * jumble, run highest first. */
static void lab10_highest_priority_first(void)
{
    static const seL4_Word prios[] = {63, 1, 200, 32, 254, 31, 100, 64};
    static const seL4_Word want[] = {254, 200, 100, 64, 63, 32, 31, 1};
    const unsigned n = sizeof(prios) / sizeof(prios[0]);
    ran_count = 0;
    done_ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(done_ep, "setup failed");
    test_thread_t *t[8];
    for (unsigned i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof(name), "prio-%u", prios[i]);
        t[i] = thread_new(prios[i], body_note_priority, prios[i]);
        REQUIRE(t[i], "setup failed");
        seL4_DebugNameThread(t[i]->tcb, name);
    }
    for (unsigned i = 0; i < n; i++)
        REQUIRE_OK(seL4_TCB_Resume(t[i]->tcb));
    wait_for(n);
    printf("highest:");
    for (unsigned i = 0; i < ran_count; i++)
        printf(" %u", ran[i]);
    printf("\n");
    int same = ran_count == n;
    for (unsigned i = 0; same && i < n; i++)
        same = ran[i] == want[i];
    CHECK(same, "threads did not run highest priority first");
}

/* Exercise 4's high thread: waits, notes 'h' when signalled, waits again for good. */
static void body_high(seL4_Word letter)
{
    seL4_Wait(wake_ntfn, NULL);
    trace_add((char)letter);
    seL4_Wait(wake_ntfn, NULL);
}

/* Exercise 4's a: runs, wakes the high thread (which preempts it), runs again. */
static void body_signaller(seL4_Word letter)
{
    trace_add((char)letter);
    seL4_Signal(wake_ntfn);
    trace_add((char)letter);
    report_done();
}

static void body_once(seL4_Word letter)
{
    trace_add((char)letter);
    report_done();
}

/* Exercise 4: a thread preempted by a higher priority runs again before its equals. */
static void lab10_preempted_thread_runs_first(void)
{
    done_ep = new_object(seL4_EndpointObject, 0);
    wake_ntfn = new_object(seL4_NotificationObject, 0);
    test_thread_t *h = worker(WORKER_PRIO + 50, body_high, 'h', "pre-h");
    test_thread_t *a = worker(WORKER_PRIO, body_signaller, 'a', "pre-a");
    test_thread_t *b = worker(WORKER_PRIO, body_once, 'b', "pre-b");
    REQUIRE(done_ep && wake_ntfn && h && a && b, "setup failed");
    REQUIRE_OK(seL4_TCB_Resume(h->tcb));
    REQUIRE_OK(seL4_TCB_Resume(a->tcb));
    REQUIRE_OK(seL4_TCB_Resume(b->tcb));
    wait_for(2); /* h waits; a runs, signals: h preempts a; then a again, then b */
    printf("preempt: %s\n", trace_str());
    CHECK(str_eq(trace_str(), "ahab"), "ran \"%s\", expected \"ahab\"", trace_str());
}

static const test_case_t lab_tests[] = {
    TEST_CASE(lab10_fifo_within_a_priority),
    TEST_CASE(lab10_dequeue_anywhere),
    TEST_CASE(lab10_highest_priority_first),
    TEST_CASE(lab10_preempted_thread_runs_first),
};

/* The suite's groups that lean on the scheduler, less one long test (100,000 IPC round
 * trips: with the checker on, about 1.8 billion instructions). */
typedef struct group {
    const test_case_t *tests;
    const unsigned *count;
} group_t;

static const group_t suite[] = {
    {sched_tests, &sched_test_count}, {tcb_tests, &tcb_test_count},
    {ipc_tests, &ipc_test_count},     {ntfn_tests, &ntfn_test_count},
    {fault_tests, &fault_test_count},
};

static const char *const too_long[] = {"ipc_pingpong_of_100000_round_trips"};

static int runs_here(const test_case_t *tc)
{
    for (unsigned i = 0; i < sizeof(too_long) / sizeof(too_long[0]); i++)
        if (str_eq(tc->name, too_long[i]))
            return 0;
    return 1;
}

int main(void)
{
    printf("lab 10: the ready queues\n");
    if (!suite_init())
        return 1;
    for (unsigned i = 0; i < sizeof(lab_tests) / sizeof(lab_tests[0]); i++)
        run_test(&lab_tests[i]);

    unsigned total = 0, passed = 0, failed = 0;
    for (unsigned g = 0; g < sizeof(suite) / sizeof(suite[0]); g++)
        for (unsigned i = 0; i < *suite[g].count; i++)
            total += runs_here(&suite[g].tests[i]);
    printf("sel4test: %u tests\n", total);
    for (unsigned g = 0; g < sizeof(suite) / sizeof(suite[0]); g++)
        for (unsigned i = 0; i < *suite[g].count; i++)
            switch (runs_here(&suite[g].tests[i]) ? run_test(&suite[g].tests[i]) : TEST_SKIPPED) {
            case TEST_PASSED: passed++; break;
            case TEST_FAILED: failed++; break;
            case TEST_SKIPPED: break;
            }
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
