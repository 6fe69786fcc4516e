/*
 * tests/sim/test_vis_ipc_model.c - the IPC part of the visualizer's model
 * (visualizer/ipc_model.c) fed hand-made event sequences shaped like the kernel's
 * (kernel/endpoint.c, notification.c, fault.c emit them in this order): queues in
 * FIFO order, blocked states and what is waited on, Calls linked to Replies, signals,
 * faults, and the bounded history; then a stored recording of tests/system/ipc
 * (tests/sim/data/ipc.trace), with queues checked against thread states at every
 * event. tests/system/test_vis_ipc.c checks a fresh recording.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "../../visualizer/model.h"
#include "vis_events.h"

#define EP 0xE0060000u
#define NTFN 0xE0060010u
#define ROOT 0xE0050000u
#define SERVER 0xE0060400u
#define A 0xE0070000u
#define B 0xE0070400u
#define C 0xE0070800u

static vis_model_t m;

static void event(uint32_t type, unsigned n, const uint32_t *payload)
{
    trace_record_t r = vis_test_record(1000u + m.events, type, n, payload);
    vis_model_apply(&m, &r);
}


static void setup(void)
{
    vis_model_init(&m);
}

static void teardown(void)
{
    vis_model_free(&m);
}

/* t enters the kernel with system call `number`. */
static void syscall_entry(uint32_t t, int32_t number)
{
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)number, t, 0x10000);
}

/* t blocks in state `state` on object, as thread_set_state emits it. */
static void block(uint32_t t, uint32_t state, uint32_t object, uint32_t badge)
{
    EV(TRACE_THREAD_STATE, t, state);
    EV(TRACE_THREAD_BLOCKED_EVENT, t, state, object, badge);
}

/* A message from `from` to a receiver waiting on EP (send path: the receiver is
 * made runnable first, then the message moves). */
static void deliver(uint32_t from, uint32_t to, uint32_t badge, uint32_t len)
{
    EV(TRACE_THREAD_STATE, to, TRACE_THREAD_RUNNABLE);
    EV(TRACE_IPC_SEND, EP, from, badge, len);
    EV(TRACE_IPC_RECV, EP, to, badge, len);
}

/* The server waits in Recv; the root Calls it with badge 7. */
static void server_waits_root_calls(void)
{
    syscall_entry(SERVER, -5);
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    EV(TRACE_KERNEL_EXIT, ROOT);
    syscall_entry(ROOT, -1);
    deliver(ROOT, SERVER, 7, 1);
    block(ROOT, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 7);
    EV(TRACE_KERNEL_EXIT, SERVER);
}

static size_t queue(uint32_t object, uint32_t *tcbs, size_t max)
{
    const vis_ipc_waiter_t *w[8];
    size_t n = vis_ipc_queue(&m.ipc, object, w, 8);
    for (size_t i = 0; i < n && i < max; i++)
        tcbs[i] = w[i]->tcb;
    return n;
}

TestSuite(vis_ipc_model, .init = setup, .fini = teardown);

Test(vis_ipc_model, a_receiver_waits_in_the_endpoint_queue_until_a_call_comes)
{
    uint32_t q[4];
    syscall_entry(SERVER, -5);
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    cr_assert_eq(queue(EP, q, 4), 1);
    cr_expect_eq(q[0], SERVER);
    const vis_thread_t *t = vis_model_thread(&m, SERVER);
    cr_expect_eq(t->state, TRACE_THREAD_BLOCKED_ON_RECV);
    cr_expect_eq(t->waiting_on, EP);
    cr_expect_eq(vis_ipc_waiting(&m.ipc, SERVER)->state, TRACE_THREAD_BLOCKED_ON_RECV);
    EV(TRACE_KERNEL_EXIT, ROOT);
    syscall_entry(ROOT, -1);
    deliver(ROOT, SERVER, 7, 1);
    cr_expect_eq(queue(EP, q, 4), 0, "the receiver left the queue");
    cr_expect_eq(vis_model_thread(&m, SERVER)->waiting_on, 0);
    block(ROOT, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 7);
    cr_expect_eq(queue(EP, q, 4), 0, "a caller waiting for its reply is in no queue");
    t = vis_model_thread(&m, ROOT);
    cr_expect_eq(t->state, TRACE_THREAD_BLOCKED_ON_REPLY);
    cr_expect_eq(t->waiting_on, EP);
    cr_expect_eq(t->wait_badge, 7);
    cr_expect_null(vis_ipc_waiting(&m.ipc, ROOT));
}

Test(vis_ipc_model, a_message_names_sender_receiver_endpoint_badge_length_and_event)
{
    server_waits_root_calls();
    cr_assert_eq(m.ipc.count, 1);
    const vis_ipc_msg_t *e = vis_ipc_entry(&m.ipc, 1);
    cr_assert_not_null(e);
    cr_expect_eq(e->kind, VIS_IPC_SEND);
    cr_expect_eq(e->from, ROOT);
    cr_expect_eq(e->to, SERVER);
    cr_expect_eq(e->object, EP);
    cr_expect_eq(e->badge, 7);
    cr_expect_eq(e->length, 1);
    cr_expect_eq(e->event, 6, "the ipc-send is the seventh event");
    cr_expect(e->call, "the sender blocked on reply through the same endpoint: a Call");
    cr_expect_eq(vis_ipc_open_call(&m.ipc, ROOT), e);
}

Test(vis_ipc_model, version_5_events_give_each_message_its_label_and_caps)
{
    syscall_entry(SERVER, -5);
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    syscall_entry(ROOT, -1);
    EV(TRACE_THREAD_STATE, SERVER, TRACE_THREAD_RUNNABLE);
    /* label 42, 2 words; the sender offered 2 caps, the receiver got them, the second
     * unwrapped; the ipc-recv (what the receiver got) is what counts. */
    EV(TRACE_IPC_SEND, EP, ROOT, 7, 2, 42, TRACE_IPC_CAPS(2, 2));
    EV(TRACE_IPC_RECV, EP, SERVER, 7, 2, 42, TRACE_IPC_CAPS(2, 2));
    block(ROOT, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 7);
    syscall_entry(SERVER, -2);
    EV(TRACE_IPC_REPLY, SERVER, ROOT, 1, 3, TRACE_IPC_CAPS(1, 0));
    const vis_ipc_msg_t *call = vis_ipc_entry(&m.ipc, 1), *reply = vis_ipc_entry(&m.ipc, 2);
    cr_assert(call && reply);
    cr_expect(call->has_info);
    cr_expect_eq(call->label, 42);
    cr_expect_eq(TRACE_IPC_CAPS_COUNT(call->caps), 2);
    cr_expect_eq(TRACE_IPC_CAPS_UNWRAPPED(call->caps), 2, "the second cap was unwrapped");
    cr_expect(reply->has_info);
    cr_expect_eq(reply->label, 3);
    cr_expect_eq(TRACE_IPC_CAPS_COUNT(reply->caps), 1);
    cr_expect_eq(reply->link, 1);
}

Test(vis_ipc_model, version_4_events_have_no_label_or_caps)
{
    server_waits_root_calls(); /* events of the version 4 length */
    const vis_ipc_msg_t *e = vis_ipc_entry(&m.ipc, 1);
    cr_assert_not_null(e);
    cr_expect_not(e->has_info);
    cr_expect_eq(e->label, 0);
    cr_expect_eq(e->caps, 0);
    cr_expect_eq(e->length, 1);
}

Test(vis_ipc_model, a_reply_is_linked_to_the_call_it_answers)
{
    server_waits_root_calls();
    syscall_entry(SERVER, -2); /* ReplyRecv */
    EV(TRACE_IPC_REPLY, SERVER, ROOT, 1);
    EV(TRACE_THREAD_STATE, ROOT, TRACE_THREAD_RUNNABLE);
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    const vis_ipc_msg_t *call = vis_ipc_entry(&m.ipc, 1), *reply = vis_ipc_entry(&m.ipc, 2);
    cr_assert_not_null(reply);
    cr_expect_eq(reply->kind, VIS_IPC_REPLY);
    cr_expect_eq(reply->from, SERVER);
    cr_expect_eq(reply->to, ROOT);
    cr_expect_eq(reply->link, 1);
    cr_expect_eq(call->link, 2);
    cr_expect_null(vis_ipc_open_call(&m.ipc, ROOT), "answered");
    cr_expect_eq(vis_model_thread(&m, ROOT)->state, TRACE_THREAD_RUNNABLE);
    cr_expect_eq(vis_model_thread(&m, ROOT)->waiting_on, 0);
    uint32_t q[2];
    cr_expect_eq(queue(EP, q, 2), 1, "back in Recv");
}

Test(vis_ipc_model, a_reply_answers_the_newest_unanswered_message_from_that_caller)
{
    /* The server takes a Call from A, then one from B, and answers A first. */
    block(A, TRACE_THREAD_BLOCKED_ON_SEND, EP, 1);
    block(B, TRACE_THREAD_BLOCKED_ON_SEND, EP, 2);
    syscall_entry(SERVER, -5);
    EV(TRACE_IPC_SEND, EP, A, 1, 2);
    EV(TRACE_IPC_RECV, EP, SERVER, 1, 2);
    block(A, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 1);
    syscall_entry(SERVER, -5);
    EV(TRACE_IPC_SEND, EP, B, 2, 3);
    EV(TRACE_IPC_RECV, EP, SERVER, 2, 3);
    block(B, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 2);
    syscall_entry(SERVER, -6);
    EV(TRACE_IPC_REPLY, SERVER, A, 0);
    const vis_ipc_msg_t *reply = vis_ipc_entry(&m.ipc, 3);
    cr_assert_not_null(reply);
    cr_expect_eq(reply->link, 1, "A's message, not B's newer one");
    cr_expect_eq(vis_ipc_entry(&m.ipc, 2)->link, 0);
    cr_expect_eq(vis_ipc_open_call(&m.ipc, B)->seq, 2);
}

Test(vis_ipc_model, senders_queue_in_fifo_order_and_leave_from_anywhere)
{
    uint32_t q[4];
    block(A, TRACE_THREAD_BLOCKED_ON_SEND, EP, 1);
    block(B, TRACE_THREAD_BLOCKED_ON_SEND, EP, 2);
    block(C, TRACE_THREAD_BLOCKED_ON_SEND, EP, 3);
    cr_assert_eq(queue(EP, q, 4), 3);
    cr_expect(q[0] == A && q[1] == B && q[2] == C, "order %x %x %x", q[0], q[1], q[2]);
    cr_expect_eq(vis_ipc_waiting(&m.ipc, B)->badge, 2);
    /* The server receives: the head's message moves, then the head runs on (a Send). */
    syscall_entry(SERVER, -5);
    EV(TRACE_IPC_SEND, EP, A, 1, 0);
    EV(TRACE_IPC_RECV, EP, SERVER, 1, 0);
    EV(TRACE_THREAD_STATE, A, TRACE_THREAD_RUNNABLE);
    cr_assert_eq(queue(EP, q, 4), 2);
    cr_expect(q[0] == B && q[1] == C);
    cr_expect_not(vis_ipc_entry(&m.ipc, 1)->call, "A did not wait for a reply: a Send");
    /* B is cancelled (suspended) from the middle of the queue. */
    EV(TRACE_THREAD_STATE, B, TRACE_THREAD_INACTIVE);
    cr_assert_eq(queue(EP, q, 4), 1);
    cr_expect_eq(q[0], C);
    /* A joins again: at the tail. */
    block(A, TRACE_THREAD_BLOCKED_ON_SEND, EP, 1);
    cr_assert_eq(queue(EP, q, 4), 2);
    cr_expect(q[0] == C && q[1] == A);
}

Test(vis_ipc_model, a_signal_wakes_the_head_of_the_notification_queue)
{
    uint32_t q[4];
    block(A, TRACE_THREAD_BLOCKED_ON_NOTIFICATION, NTFN, 0);
    block(B, TRACE_THREAD_BLOCKED_ON_NOTIFICATION, NTFN, 0);
    cr_assert_eq(queue(NTFN, q, 4), 2);
    syscall_entry(ROOT, -3);
    EV(TRACE_THREAD_STATE, A, TRACE_THREAD_RUNNABLE);
    EV(TRACE_SIGNAL, NTFN, 0x10, A);
    cr_assert_eq(queue(NTFN, q, 4), 1);
    cr_expect_eq(q[0], B);
    const vis_ipc_msg_t *s = vis_ipc_entry(&m.ipc, 1);
    cr_expect_eq(s->kind, VIS_IPC_SIGNAL);
    cr_expect_eq(s->from, ROOT, "the thread in the kernel signalled");
    cr_expect_eq(s->to, A);
    cr_expect_eq(s->badge, 0x10);
    cr_expect_eq(s->object, NTFN);
    cr_expect_not(s->by_irq);
    bool notification = false;
    for (size_t i = 0; i < m.ipc.object_count; i++)
        notification |= m.ipc.objects[i].addr == NTFN && m.ipc.objects[i].notification;
    cr_expect(notification, "the object is known as a notification");
}

Test(vis_ipc_model, a_signal_nobody_waits_for_and_one_from_an_interrupt)
{
    syscall_entry(ROOT, -3);
    EV(TRACE_SIGNAL, NTFN, 0x4, 0);
    EV(TRACE_KERNEL_EXIT, ROOT);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_INTERRUPT, 35, ROOT, 0x10020);
    EV(TRACE_SIGNAL, NTFN, 0x1, 0);
    const vis_ipc_msg_t *pending = vis_ipc_entry(&m.ipc, 1), *irq = vis_ipc_entry(&m.ipc, 2);
    cr_expect_eq(pending->to, 0, "nobody woke: the badge is pending");
    cr_expect_eq(pending->from, ROOT);
    cr_expect(irq->by_irq);
    cr_expect_eq(irq->irq, 35);
    cr_expect_eq(irq->from, 0, "an interrupt, not the interrupted thread");
}

Test(vis_ipc_model, a_fault_is_linked_to_the_message_the_kernel_sends_for_it)
{
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_FAULT, 5, A, 0x10040);
    EV(TRACE_FAULT, A, 5, 0xDEAD0000u, 0x10040);
    deliver(A, SERVER, 9, 14);
    block(A, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 9);
    const vis_ipc_msg_t *fault = vis_ipc_entry(&m.ipc, 1), *msg = vis_ipc_entry(&m.ipc, 2);
    cr_expect_eq(fault->kind, VIS_IPC_FAULT);
    cr_expect_eq(fault->from, A);
    cr_expect_eq(fault->fault_type, 5);
    cr_expect_eq(fault->address, 0xDEAD0000u);
    cr_expect_eq(fault->pc, 0x10040);
    cr_expect_eq(fault->link, 2);
    cr_expect(msg->fault_msg);
    cr_expect(msg->call);
    /* A later ordinary message from A is not the fault's. */
    syscall_entry(SERVER, -6);
    EV(TRACE_IPC_REPLY, SERVER, A, 0);
    EV(TRACE_THREAD_STATE, A, TRACE_THREAD_RUNNABLE);
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    deliver(A, SERVER, 9, 1);
    cr_expect_not(vis_ipc_entry(&m.ipc, 4)->fault_msg);
}

Test(vis_ipc_model, a_fault_without_a_handler_sends_nothing)
{
    EV(TRACE_FAULT, A, 2, 0, 0x10040);
    EV(TRACE_THREAD_STATE, A, TRACE_THREAD_INACTIVE);
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    deliver(A, SERVER, 0, 1); /* resumed later, it sends an ordinary message */
    cr_expect(vis_ipc_entry(&m.ipc, 1)->unsent);
    cr_expect_eq(vis_ipc_entry(&m.ipc, 1)->link, 0);
    cr_expect_not(vis_ipc_entry(&m.ipc, 2)->fault_msg);
}

Test(vis_ipc_model, deleted_threads_and_endpoints_leave_the_queues)
{
    uint32_t q[4];
    block(A, TRACE_THREAD_BLOCKED_ON_SEND, EP, 1);
    block(B, TRACE_THREAD_BLOCKED_ON_SEND, EP, 2);
    EV(TRACE_OBJECT_DELETE, TRACE_CAP_THREAD, A);
    cr_assert_eq(queue(EP, q, 4), 1);
    cr_expect_eq(q[0], B);
    EV(TRACE_OBJECT_DELETE, TRACE_CAP_ENDPOINT, EP);
    cr_expect_eq(queue(EP, q, 4), 0);
    for (size_t i = 0; i < m.ipc.object_count; i++)
        cr_expect_neq(m.ipc.objects[i].addr, EP, "the deleted endpoint is forgotten");
}

Test(vis_ipc_model, the_history_keeps_the_newest_entries_only)
{
    const uint32_t calls = VIS_IPC_HISTORY / 2 + 20; /* a Call and a Reply each */
    for (uint32_t i = 0; i < calls; i++) {
        block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
        syscall_entry(ROOT, -1);
        deliver(ROOT, SERVER, 7, i);
        block(ROOT, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 7);
        EV(TRACE_IPC_REPLY, SERVER, ROOT, 1);
        EV(TRACE_THREAD_STATE, ROOT, TRACE_THREAD_RUNNABLE);
    }
    cr_expect_eq(m.ipc.count, 2 * calls);
    cr_expect_eq(vis_ipc_oldest(&m.ipc), 2 * calls - VIS_IPC_HISTORY + 1);
    cr_expect_null(vis_ipc_entry(&m.ipc, 1), "forgotten");
    cr_expect_null(vis_ipc_entry(&m.ipc, 2 * calls + 1), "not made yet");
    const vis_ipc_msg_t *last = vis_ipc_entry(&m.ipc, 2 * calls);
    cr_assert_not_null(last);
    cr_expect_eq(last->kind, VIS_IPC_REPLY);
    cr_expect_eq(vis_ipc_entry(&m.ipc, last->link)->length, calls - 1);
    /* A reply whose call was forgotten links to nothing rather than to a wrong one. */
    for (uint32_t i = 0; i < VIS_IPC_HISTORY; i++)
        EV(TRACE_SIGNAL, NTFN, 1, 0);
    EV(TRACE_IPC_REPLY, SERVER, ROOT, 1);
    cr_expect_eq(vis_ipc_entry(&m.ipc, m.ipc.count)->link, 0);
}

Test(vis_ipc_model, ipc_events_are_not_unknown_to_the_model)
{
    server_waits_root_calls();
    EV(TRACE_IPC_REPLY, SERVER, ROOT, 1);
    EV(TRACE_SIGNAL, NTFN, 1, 0);
    EV(TRACE_FAULT, A, 2, 0, 0);
    cr_expect_eq(m.unknown_events, 0);
}

/* ---- a real recording ----------------------------------------------------------------- */

/* tests/sim/data/ipc.trace was recorded from tests/system/ipc with
 *   build/bin/numbat-sim --trace-out tests/sim/data/ipc.trace build/arm-sim/ipc.elf
 * (record it again when the kernel's events change; tests/system/test_vis_ipc.c checks a
 * fresh recording the same way). */
#define RECORDING "tests/sim/data/ipc.trace"

/* Every thread blocked on an endpoint or notification is in that object's queue, once;
 * every queued thread is blocked on the object it is queued on. */
static void check_queues_match_states(uint32_t event)
{
    for (size_t i = 0; i < m.thread_count; i++) {
        const vis_thread_t *t = &m.threads[i];
        const vis_ipc_waiter_t *w = vis_ipc_waiting(&m.ipc, t->tcb);
        bool queued_state = t->state == TRACE_THREAD_BLOCKED_ON_RECV ||
                            t->state == TRACE_THREAD_BLOCKED_ON_SEND ||
                            t->state == TRACE_THREAD_BLOCKED_ON_NOTIFICATION;
        /* thread-state comes just before its thread-blocked: one event in between */
        if (queued_state && !t->waiting_on)
            continue;
        cr_assert_eq(w != NULL, queued_state, "event %u: thread %x state %u, queued %d", event,
                     t->tcb, t->state, w != NULL);
        if (w)
            cr_assert_eq(w->object, t->waiting_on, "event %u: thread %x", event, t->tcb);
    }
}

Test(vis_ipc_model, a_recording_of_tests_system_ipc_links_every_call_to_its_reply)
{
    trace_file_t tf;
    trace_record_t rec;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, RECORDING, err, sizeof(err)), 0, "%s", err);
    int got;
    while ((got = trace_file_next(&tf, &rec, err, sizeof(err))) == 1) {
        vis_model_apply(&m, &rec);
        check_queues_match_states(m.events - 1);
    }
    cr_assert_eq(got, 0, "%s", err);
    trace_file_close(&tf);
    cr_expect_eq(m.unknown_events, 0);
    /* Call, Reply three times, then the signal. */
    static const vis_ipc_kind_t kinds[] = {VIS_IPC_SEND, VIS_IPC_REPLY, VIS_IPC_SEND,
                                           VIS_IPC_REPLY, VIS_IPC_SEND, VIS_IPC_REPLY,
                                           VIS_IPC_SIGNAL};
    cr_assert_eq(m.ipc.count, 7);
    for (uint32_t seq = 1; seq <= 7; seq++) {
        const vis_ipc_msg_t *e = vis_ipc_entry(&m.ipc, seq);
        cr_expect_eq(e->kind, kinds[seq - 1], "entry %u", seq);
        if (e->kind == VIS_IPC_SEND) {
            cr_expect(e->call && e->link == seq + 1, "Call %u answered by %u", seq, e->link);
            cr_expect_eq(e->badge, 7);
            cr_expect_eq(e->length, 1);
        } else if (e->kind == VIS_IPC_REPLY) {
            cr_expect_eq(e->link, seq - 1);
        }
    }
    const vis_ipc_msg_t *signal = vis_ipc_entry(&m.ipc, 7), *call = vis_ipc_entry(&m.ipc, 1);
    cr_expect_eq(signal->badge, 0x10);
    cr_expect_eq(signal->from, call->from, "the root signals");
    cr_expect_eq(signal->to, call->to, "the server wakes");
    const vis_thread_t *server = vis_model_thread(&m, call->to);
    cr_assert_not_null(server);
    cr_expect_str_eq(server->name, "server");
    cr_expect_eq(server->state, TRACE_THREAD_BLOCKED_ON_NOTIFICATION);
    cr_expect_eq(server->waiting_on, signal->object);
}
