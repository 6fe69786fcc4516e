/*
 * tests/kernel/test_ready_queue.c - the ready queues on their own (kernel/ready_queue.c,
 * the part lab 10 has students write): FIFO at the tail, the head for preempted
 * threads, dequeue from anywhere, and the two-level bitmap agreeing with the queues.
 * Partners: kernel/ready_queue.c, harness.c; test_sched.c checks the scheduler on top.
 */
#include "harness.h"
#include "ready_queue.h"

TestSuite(ready_queue, .init = harness_init, .fini = harness_fini);

static tcb_t *tcb_at(uint32_t priority)
{
    tcb_t *t = harness_tcb();
    t->priority = priority;
    t->state = THREAD_RUNNING;
    return t;
}

/* Queue `prio` holds exactly the threads given, head first, linked both ways. */
static void expect_queue(uint32_t prio, tcb_t *const *want, unsigned n)
{
    tcb_t *prev = NULL, *t = ready_queues[prio].head;
    for (unsigned i = 0; i < n; i++, prev = t, t = t->queue_next) {
        cr_assert_eq(t, want[i], "priority %u, place %u: wrong thread", prio, i);
        cr_assert_eq(t->queue_prev, prev);
        cr_assert(t->queued);
    }
    cr_assert_null(t, "priority %u has more than %u threads", prio, n);
    cr_assert_eq(ready_queues[prio].tail, prev);
    bool bit = ready_bitmap[prio / 32] & (1u << (prio % 32));
    cr_assert_eq(bit, n > 0, "priority %u's bitmap bit is %d with %u threads", prio, bit, n);
    cr_assert_eq((ready_words >> (prio / 32)) & 1u, ready_bitmap[prio / 32] != 0);
}

Test(ready_queue, enqueue_keeps_fifo_order)
{
    tcb_t *a = tcb_at(7), *b = tcb_at(7), *c = tcb_at(7);
    ready_enqueue(a);
    ready_enqueue(b);
    ready_enqueue(c);
    expect_queue(7, (tcb_t *[]){a, b, c}, 3);
}

Test(ready_queue, enqueue_head_goes_before_its_equals)
{
    tcb_t *a = tcb_at(7), *b = tcb_at(7), *p = tcb_at(7);
    ready_enqueue(a);
    ready_enqueue(b);
    ready_enqueue_head(p);
    expect_queue(7, (tcb_t *[]){p, a, b}, 3);
}

Test(ready_queue, dequeue_from_the_middle_tail_head_and_alone)
{
    tcb_t *a = tcb_at(40), *b = tcb_at(40), *c = tcb_at(40), *d = tcb_at(40);
    ready_enqueue(a);
    ready_enqueue(b);
    ready_enqueue(c);
    ready_enqueue(d);
    ready_dequeue(b);
    expect_queue(40, (tcb_t *[]){a, c, d}, 3);
    ready_dequeue(d);
    expect_queue(40, (tcb_t *[]){a, c}, 2);
    ready_dequeue(a);
    expect_queue(40, (tcb_t *[]){c}, 1);
    ready_dequeue(c);
    expect_queue(40, NULL, 0);
    cr_assert_not(a->queued || b->queued || c->queued || d->queued);
}

Test(ready_queue, highest_across_the_bitmap_words)
{
    cr_assert_eq(ready_highest(), -1);
    static const uint32_t prios[] = {1, 31, 32, 63, 64, 200, 254, 255, 0};
    tcb_t *t[9];
    for (unsigned i = 0; i < 9; i++)
        ready_enqueue(t[i] = tcb_at(prios[i]));
    /* Taking out the highest each time walks down every word boundary. */
    static const int order[] = {255, 254, 200, 64, 63, 32, 31, 1, 0};
    for (unsigned i = 0; i < 9; i++) {
        int best = ready_highest();
        cr_assert_eq(best, order[i], "highest is %d, expected %d", best, order[i]);
        ready_dequeue(ready_queues[best].head);
    }
    cr_assert_eq(ready_highest(), -1);
    cr_assert_eq(ready_words, 0);
}
