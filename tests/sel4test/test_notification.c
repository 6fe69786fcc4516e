/*
 * tests/sel4test/test_notification.c - notifications (spec 11.7): Signal ORs badges
 * into the word, Wait returns and clears it or blocks, Poll never blocks, waiters wake
 * in FIFO order with the signalling badge, a bound notification wakes its thread out
 * of an endpoint Recv and is delivered before an endpoint message, only the bound
 * thread may wait on it, and deleting a notification restarts its waiters.
 * Partners: helpers.h, main.c, kernel/notification.c.
 */
#include "helpers.h"

#define ROOT_PRIO 100
#define HIGH 150
#define LOW 50

static seL4_CPtr ntfn_cap, ep_cap;
static volatile seL4_Word seen[3];

static void body_wait(seL4_Word idx)
{
    seL4_Word badge = 0;
    seL4_Wait(ntfn_cap, &badge);
    seen[idx] = badge;
    trace_add((char)('a' + idx));
}

/* Receives on ep_cap (its bound notification may answer instead). */
static void body_recv_ep(seL4_Word idx)
{
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    seen[idx] = badge;
}

static int setup(void)
{
    if (set_root_priority(ROOT_PRIO) != seL4_NoError)
        return 0;
    ntfn_cap = new_object(seL4_NotificationObject, 0);
    ep_cap = new_object(seL4_EndpointObject, 0);
    return ntfn_cap && ep_cap;
}

static void ntfn_signals_or_their_badges_until_a_wait(void)
{
    REQUIRE(setup(), "setup");
    seL4_CPtr one = mint_cap(ntfn_cap, seL4_AllRights, 0x1);
    seL4_CPtr four = mint_cap(ntfn_cap, seL4_AllRights, 0x4);
    seL4_Signal(one);
    seL4_Signal(four);
    seL4_Signal(one);
    seL4_Word badge = 0;
    seL4_Wait(ntfn_cap, &badge);
    CHECK(badge == 0x5, "Wait returned 0x%x, expected 0x5", badge);
    badge = 9;
    seL4_Poll(ntfn_cap, &badge);
    CHECK(badge == 0, "Poll after the Wait returned 0x%x: the word was not cleared", badge);
}

static void ntfn_wait_blocks_until_a_signal(void)
{
    REQUIRE(setup(), "setup");
    test_thread_t *t = thread_start(HIGH, body_wait, 0);
    REQUIRE(t, "waiter");
    CHECK(!t->finished, "Wait on an idle notification blocks");
    seL4_Signal(mint_cap(ntfn_cap, seL4_AllRights, 0x8));
    CHECK(t->finished && seen[0] == 0x8, "the waiter woke with 0x%x", seen[0]);
}

static void ntfn_a_signal_with_badge_0_is_still_pending(void)
{
    REQUIRE(setup(), "setup");
    seL4_Signal(ntfn_cap);
    test_thread_t *t = thread_start(HIGH, body_wait, 0);
    REQUIRE(t, "waiter");
    CHECK(t->finished, "Wait after an unbadged signal blocked");
}

static void ntfn_waiters_wake_in_fifo_order_with_the_signalling_badge(void)
{
    REQUIRE(setup(), "setup");
    REQUIRE(thread_start(HIGH, body_wait, 0), "waiter a");
    REQUIRE(thread_start(HIGH, body_wait, 1), "waiter b");
    seL4_Signal(mint_cap(ntfn_cap, seL4_AllRights, 0x10));
    seL4_Signal(mint_cap(ntfn_cap, seL4_AllRights, 0x20));
    CHECK(str_eq(trace_str(), "ab"), "waiters woke in the order \"%s\"", trace_str());
    CHECK(seen[0] == 0x10 && seen[1] == 0x20, "badges 0x%x 0x%x", seen[0], seen[1]);
}

static void ntfn_poll_returns_at_once(void)
{
    REQUIRE(setup(), "setup");
    seL4_Word badge = 7;
    seL4_Poll(ntfn_cap, &badge);
    CHECK(badge == 0, "Poll of an idle notification gave 0x%x", badge);
    seL4_Signal(mint_cap(ntfn_cap, seL4_AllRights, 0x3));
    seL4_Poll(ntfn_cap, &badge);
    CHECK(badge == 0x3, "Poll of a signalled notification gave 0x%x", badge);
}

static void ntfn_bound_signal_ends_a_receive_on_an_endpoint(void)
{
    REQUIRE(setup(), "setup");
    test_thread_t *t = thread_new(HIGH, body_recv_ep, 0);
    REQUIRE(t, "thread");
    REQUIRE_OK(seL4_TCB_BindNotification(t->tcb, ntfn_cap));
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    CHECK(!t->finished, "the thread waits on the endpoint");
    seL4_Signal(mint_cap(ntfn_cap, seL4_AllRights, 0x40));
    CHECK(t->finished && seen[0] == 0x40, "the endpoint Recv returned badge 0x%x", seen[0]);
}

static void ntfn_pending_bound_signal_comes_before_the_endpoint(void)
{
    REQUIRE(setup(), "setup");
    test_thread_t *t = thread_new(HIGH, body_recv_ep, 0);
    REQUIRE(t, "thread");
    REQUIRE_OK(seL4_TCB_BindNotification(t->tcb, ntfn_cap));
    seL4_Signal(mint_cap(ntfn_cap, seL4_AllRights, 0x80));
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    CHECK(t->finished && seen[0] == 0x80, "Recv returned badge 0x%x at once", seen[0]);
}

static void ntfn_binding_is_refused_while_threads_wait(void)
{
    REQUIRE(setup(), "setup");
    REQUIRE(thread_start(HIGH, body_wait, 0), "waiter");
    test_thread_t *t = thread_new(HIGH, body_recv_ep, 1);
    REQUIRE(t, "thread");
    CHECK_ERR(seL4_TCB_BindNotification(t->tcb, ntfn_cap), seL4_IllegalOperation);
}

static void ntfn_deleting_it_restarts_its_waiters(void)
{
    REQUIRE(setup(), "setup");
    seL4_CPtr thread_slot = copy_cap(ntfn_cap, seL4_AllRights);
    seL4_CPtr saved_ntfn = ntfn_cap;
    ntfn_cap = thread_slot;
    test_thread_t *t = thread_start(LOW, body_wait, 0);
    REQUIRE(t, "waiter");
    REQUIRE_OK(set_root_priority(LOW - 1)); /* the waiter runs and blocks */
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    CHECK(!t->finished, "the waiter waits");
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, thread_slot, ROOT_DEPTH));
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, saved_ntfn, ROOT_DEPTH));
    /* A fresh, signalled notification where the waiter's cap was: its restarted
     * Wait returns at once. */
    seL4_CPtr fresh = new_object(seL4_NotificationObject, 0);
    REQUIRE_OK(seL4_CNode_Mint(ROOT_CNODE, thread_slot, ROOT_DEPTH, ROOT_CNODE, fresh, ROOT_DEPTH,
                               seL4_AllRights, 0x11));
    seL4_Signal(thread_slot);
    REQUIRE_OK(set_root_priority(LOW - 1));
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    CHECK(t->finished && seen[0] == 0x11, "the restarted Wait returned 0x%x", seen[0]);
}

const test_case_t ntfn_tests[] = {
    TEST_CASE(ntfn_signals_or_their_badges_until_a_wait),
    TEST_CASE(ntfn_wait_blocks_until_a_signal),
    TEST_CASE(ntfn_a_signal_with_badge_0_is_still_pending),
    TEST_CASE(ntfn_waiters_wake_in_fifo_order_with_the_signalling_badge),
    TEST_CASE(ntfn_poll_returns_at_once),
    TEST_CASE(ntfn_bound_signal_ends_a_receive_on_an_endpoint),
    TEST_CASE(ntfn_pending_bound_signal_comes_before_the_endpoint),
    TEST_CASE(ntfn_binding_is_refused_while_threads_wait),
    TEST_CASE(ntfn_deleting_it_restarts_its_waiters),
};
const unsigned ntfn_test_count = sizeof(ntfn_tests) / sizeof(ntfn_tests[0]);
