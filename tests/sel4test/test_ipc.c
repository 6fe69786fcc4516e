/*
 * tests/sel4test/test_ipc.c - endpoint IPC (spec 4.4, 11.3-11.6): delivery of label,
 * length, badge and message registers; blocking in both directions; FIFO order of
 * senders and receivers; Call, Reply, ReplyRecv and reply caps (SaveCaller, one use,
 * dropped by a new receive, gone with their caller); rights; NBSend and NBRecv;
 * suspension, CancelBadgedSends and deletion restarting blocked threads. Test threads
 * have no IPC buffer, so they use the register-only ...WithMRs calls.
 * Partners: helpers.h, main.c, kernel/endpoint.c, kernel/reply.c.
 */
#include "helpers.h"

#define ROOT_PRIO 100
#define HIGH 150 /* runs as soon as it can: before the root continues */
#define LOW 50   /* runs only once the root lowers itself */

/* What the threads work on, set by each test before it resumes them. */
static seL4_CPtr ep_cap;
static seL4_Word send_badge_cap[3];
/* What a receiving thread saw: badge, label, length, MR0..MR3. */
static volatile seL4_Word got[3][7];
static volatile unsigned received;

static void record(unsigned i, seL4_Word badge, seL4_MessageInfo_t info, seL4_Word m0,
                   seL4_Word m1, seL4_Word m2, seL4_Word m3)
{
    got[i][0] = badge;
    got[i][1] = seL4_MessageInfo_get_label(info);
    got[i][2] = seL4_MessageInfo_get_length(info);
    got[i][3] = m0;
    got[i][4] = m1;
    got[i][5] = m2;
    got[i][6] = m3;
}

/* Receives one message on ep_cap and records it in got[idx]; trace letter 'a' + idx. */
static void body_recv(seL4_Word idx)
{
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_MessageInfo_t info = seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    record(idx, badge, info, m0, m1, m2, m3);
    trace_add((char)('a' + idx));
    received++;
}

/* Sends one message (label 3, MR0 = 100 + idx) on send_badge_cap[idx]. */
static void body_send(seL4_Word idx)
{
    seL4_Word m0 = 100 + idx, m1 = 0, m2 = 0, m3 = 0;
    seL4_SendWithMRs(send_badge_cap[idx], seL4_MessageInfo_new(3, 0, 0, 1), &m0, &m1, &m2, &m3);
    trace_add((char)('A' + idx));
}

/* Calls ep_cap with MR0 = 41 + idx and records the reply in got[idx]. */
static void body_call(seL4_Word idx)
{
    seL4_Word m0 = 41 + idx, m1 = 0, m2 = 0, m3 = 0;
    seL4_MessageInfo_t info =
        seL4_CallWithMRs(send_badge_cap[idx], seL4_MessageInfo_new(9, 0, 0, 1), &m0, &m1, &m2, &m3);
    record(idx, 0, info, m0, m1, m2, m3);
    received++;
}

/* A server: answers every call on ep_cap with MR0 * 2 and label 5, forever. */
static void body_server(seL4_Word unused)
{
    (void)unused;
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    for (;;) {
        m0 *= 2;
        counter[0]++;
        seL4_ReplyRecvWithMRs(ep_cap, seL4_MessageInfo_new(5, 0, 0, 1), &badge, &m0, &m1, &m2, &m3);
    }
}

static int setup(void)
{
    received = 0;
    if (set_root_priority(ROOT_PRIO) != seL4_NoError)
        return 0;
    ep_cap = new_object(seL4_EndpointObject, 0);
    return ep_cap != 0;
}

static void ipc_send_to_a_waiting_receiver_delivers_label_badge_and_mrs(void)
{
    REQUIRE(setup(), "setup");
    test_thread_t *t = thread_start(HIGH, body_recv, 0);
    REQUIRE(t, "thread");
    CHECK(!t->finished, "the receiver waits for a message");
    seL4_CPtr badged = mint_cap(ep_cap, seL4_AllRights, 0x42);
    seL4_Word m0 = 10, m1 = 11, m2 = 12, m3 = 13;
    seL4_SendWithMRs(badged, seL4_MessageInfo_new(7, 0, 0, 4), &m0, &m1, &m2, &m3);
    CHECK(t->finished, "the higher-priority receiver ran as soon as the message arrived");
    CHECK(got[0][0] == 0x42, "badge 0x%x, expected 0x42", got[0][0]);
    CHECK(got[0][1] == 7 && got[0][2] == 4, "label %u length %u, expected 7 and 4", got[0][1],
          got[0][2]);
    CHECK(got[0][3] == 10 && got[0][4] == 11 && got[0][5] == 12 && got[0][6] == 13,
          "MRs %u %u %u %u", got[0][3], got[0][4], got[0][5], got[0][6]);
}

static void ipc_send_blocks_until_a_receiver_comes(void)
{
    REQUIRE(setup(), "setup");
    send_badge_cap[0] = mint_cap(ep_cap, seL4_AllRights, 9);
    test_thread_t *t = thread_start(HIGH, body_send, 0);
    REQUIRE(t, "thread");
    CHECK(!t->finished, "Send blocks while nobody receives");
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_MessageInfo_t info = seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    CHECK(badge == 9 && m0 == 100, "badge %u MR0 %u, expected 9 and 100", badge, m0);
    CHECK(seL4_MessageInfo_get_label(info) == 3 && seL4_MessageInfo_get_length(info) == 1,
          "label %u length %u", seL4_MessageInfo_get_label(info), seL4_MessageInfo_get_length(info));
    CHECK(t->finished, "the sender went on once its message was taken");
}

static void ipc_senders_are_served_in_fifo_order(void)
{
    REQUIRE(setup(), "setup");
    for (unsigned i = 0; i < 3; i++) {
        send_badge_cap[i] = mint_cap(ep_cap, seL4_AllRights, 1 + i);
        REQUIRE(thread_start(HIGH, body_send, i), "thread %u", i);
    }
    for (unsigned i = 0; i < 3; i++) {
        seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
        CHECK(badge == 1 + i && m0 == 100 + i, "message %u came from badge %u (MR0 %u)", i, badge, m0);
    }
    CHECK(str_eq(trace_str(), "ABC"), "senders went on in the order \"%s\"", trace_str());
}

static void ipc_receivers_are_served_in_fifo_order(void)
{
    REQUIRE(setup(), "setup");
    for (unsigned i = 0; i < 3; i++)
        REQUIRE(thread_start(HIGH, body_recv, i), "thread %u", i);
    for (unsigned i = 0; i < 3; i++) {
        seL4_Word m0 = 20 + i, m1 = 0, m2 = 0, m3 = 0;
        seL4_SendWithMRs(ep_cap, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    }
    CHECK(str_eq(trace_str(), "abc"), "receivers woke in the order \"%s\"", trace_str());
    for (unsigned i = 0; i < 3; i++)
        CHECK(got[i][3] == 20 + i, "receiver %u got MR0 %u", i, got[i][3]);
}

static void ipc_call_and_replyrecv_serve_many_calls(void)
{
    REQUIRE(setup(), "setup");
    REQUIRE(thread_start(HIGH, body_server, 0), "server");
    for (seL4_Word i = 1; i <= 10; i++) {
        seL4_Word m0 = i, m1 = 0, m2 = 0, m3 = 0;
        seL4_MessageInfo_t info =
            seL4_CallWithMRs(ep_cap, seL4_MessageInfo_new(1, 0, 0, 1), &m0, &m1, &m2, &m3);
        CHECK(seL4_MessageInfo_get_label(info) == 5 && seL4_MessageInfo_get_length(info) == 1,
              "reply %u: label %u length %u", i, seL4_MessageInfo_get_label(info),
              seL4_MessageInfo_get_length(info));
        CHECK(m0 == 2 * i, "reply %u: MR0 %u", i, m0);
    }
    CHECK(counter[0] == 10, "the server answered %u calls", counter[0]);
}

/* A server that notes each call it takes ('S') and answers it with MR0 + 1. */
static void body_tracing_server(seL4_Word unused)
{
    (void)unused;
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    for (;;) {
        trace_add('S');
        m0++;
        seL4_ReplyRecvWithMRs(ep_cap, seL4_MessageInfo_new(0, 0, 0, 1), &badge, &m0, &m1, &m2, &m3);
    }
}

/* The Call makes the server runnable beside a ready thread of its own priority: that
 * thread has waited longer and runs first (the IPC fastpath must not switch). */
static void ipc_a_call_to_a_server_tied_with_a_ready_thread_runs_that_thread_first(void)
{
    REQUIRE(setup(), "setup");
    REQUIRE(thread_start(LOW, body_tracing_server, 0), "server");
    REQUIRE_OK(set_root_priority(LOW - 1)); /* the server runs and waits in Recv */
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    REQUIRE(thread_start(LOW, body_trace_once, 'O'), "a ready thread of the server's priority");
    CHECK(str_eq(trace_str(), ""), "nothing ran yet: \"%s\"", trace_str());
    seL4_Word m0 = 7, m1 = 0, m2 = 0, m3 = 0;
    seL4_CallWithMRs(ep_cap, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    CHECK(m0 == 8, "the reply's MR0 is %u", m0);
    CHECK(str_eq(trace_str(), "OS"), "ran in the order \"%s\", expected \"OS\"", trace_str());
}

/* The server's ReplyRecv makes the caller runnable beside a ready thread of the
 * caller's priority: that thread runs first. */
static void ipc_a_reply_to_a_caller_tied_with_a_ready_thread_runs_that_thread_first(void)
{
    REQUIRE(setup(), "setup");
    REQUIRE(thread_start(HIGH, body_tracing_server, 0), "server"); /* waits in Recv */
    REQUIRE(thread_start(ROOT_PRIO, body_trace_once, 'O'), "a ready thread of the root's priority");
    seL4_Word m0 = 7, m1 = 0, m2 = 0, m3 = 0;
    seL4_CallWithMRs(ep_cap, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    CHECK(m0 == 8, "the reply's MR0 is %u", m0);
    CHECK(str_eq(trace_str(), "SO"), "ran in the order \"%s\", expected \"SO\"", trace_str());
}

static void ipc_saved_reply_cap_answers_once(void)
{
    REQUIRE(setup(), "setup");
    send_badge_cap[0] = mint_cap(ep_cap, seL4_AllRights, 0);
    test_thread_t *t = thread_start(HIGH, body_call, 0);
    REQUIRE(t, "client");
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    CHECK(m0 == 41, "the call carried MR0 %u", m0);
    seL4_CPtr saved = slot_alloc();
    REQUIRE_OK(seL4_CNode_SaveCaller(ROOT_CNODE, saved, ROOT_DEPTH));
    CHECK_CAP(saved, CAP_REPLY);
    CHECK(!t->finished, "the client still waits for its reply");
    m0 = 77;
    seL4_SendWithMRs(saved, seL4_MessageInfo_new(2, 0, 0, 1), &m0, &m1, &m2, &m3);
    CHECK(received == 1, "the client got its reply");
    CHECK(got[0][1] == 2 && got[0][3] == 77, "reply label %u MR0 %u", got[0][1], got[0][3]);
    CHECK_CAP(saved, CAP_NULL);
}

static void ipc_call_without_grant_leaves_the_caller_inactive(void)
{
    REQUIRE(setup(), "setup");
    send_badge_cap[0] = mint_cap(ep_cap, seL4_CanWrite, 0);
    test_thread_t *t = thread_start(HIGH, body_call, 0);
    REQUIRE(t, "client");
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    CHECK(m0 == 41, "the message arrived (MR0 %u)", m0);
    seL4_CPtr saved = slot_alloc();
    REQUIRE_OK(seL4_CNode_SaveCaller(ROOT_CNODE, saved, ROOT_DEPTH));
    CHECK_CAP(saved, CAP_NULL);
    yield_n(4);
    CHECK(received == 0 && !t->finished, "the caller went on without a reply");
}

static void ipc_a_new_receive_drops_an_unsaved_reply_cap(void)
{
    REQUIRE(setup(), "setup");
    send_badge_cap[0] = mint_cap(ep_cap, seL4_AllRights, 0);
    test_thread_t *t = thread_start(HIGH, body_call, 0);
    REQUIRE(t, "client");
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    /* A second receive (nothing to receive: NBRecv) drops the reply cap. */
    badge = 1;
    seL4_NBRecv(ep_cap, &badge);
    CHECK(badge == 0, "NBRecv with no sender gives badge %u", badge);
    m0 = 1;
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    yield_n(4);
    CHECK(received == 0, "the reply reached a caller whose reply cap was dropped");
    seL4_CPtr saved = slot_alloc();
    REQUIRE_OK(seL4_CNode_SaveCaller(ROOT_CNODE, saved, ROOT_DEPTH));
    CHECK_CAP(saved, CAP_NULL);
}

static void ipc_deleting_the_caller_deletes_its_saved_reply_cap(void)
{
    REQUIRE(setup(), "setup");
    send_badge_cap[0] = mint_cap(ep_cap, seL4_AllRights, 0);
    test_thread_t *t = thread_start(HIGH, body_call, 0);
    REQUIRE(t, "client");
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    seL4_CPtr saved = slot_alloc();
    REQUIRE_OK(seL4_CNode_SaveCaller(ROOT_CNODE, saved, ROOT_DEPTH));
    CHECK_CAP(saved, CAP_REPLY);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, t->tcb, ROOT_DEPTH));
    CHECK_CAP(saved, CAP_NULL);
}

static void ipc_rights_send_needs_write_and_call_reports_it(void)
{
    REQUIRE(setup(), "setup");
    seL4_CPtr read_only = mint_cap(ep_cap, seL4_CanRead, 0);
    /* Send without Write is silently ignored: it must not block. */
    seL4_Send(read_only, seL4_MessageInfo_new(0, 0, 0, 0));
    seL4_MessageInfo_t info = seL4_Call(read_only, seL4_MessageInfo_new(0, 0, 0, 0));
    CHECK(seL4_MessageInfo_get_label(info) == seL4_InvalidCapability,
          "Call without Write gave %s", err_name(seL4_MessageInfo_get_label(info)));
}

static void ipc_nbsend_without_a_receiver_drops_the_message(void)
{
    REQUIRE(setup(), "setup");
    seL4_Word m0 = 5, m1 = 0, m2 = 0, m3 = 0;
    seL4_NBSendWithMRs(ep_cap, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    test_thread_t *t = thread_start(HIGH, body_recv, 0);
    REQUIRE(t, "receiver");
    CHECK(!t->finished, "a dropped message was received");
    m0 = 6;
    seL4_NBSendWithMRs(ep_cap, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    CHECK(t->finished && got[0][3] == 6, "NBSend to a waiting receiver delivers (MR0 %u)", got[0][3]);
}

static void ipc_suspended_receiver_receives_again_when_resumed(void)
{
    REQUIRE(setup(), "setup");
    test_thread_t *t = thread_start(HIGH, body_recv, 0);
    REQUIRE(t, "receiver");
    REQUIRE_OK(seL4_TCB_Suspend(t->tcb));
    seL4_Word m0 = 5, m1 = 0, m2 = 0, m3 = 0;
    seL4_NBSendWithMRs(ep_cap, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    CHECK(!t->finished, "a suspended thread received a message");
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    CHECK(!t->finished, "the resumed thread waits in its Recv again");
    m0 = 6;
    seL4_SendWithMRs(ep_cap, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    CHECK(t->finished && got[0][3] == 6, "the resumed receiver got MR0 %u", got[0][3]);
}

static void ipc_cancel_badged_sends_restarts_only_that_badge(void)
{
    REQUIRE(setup(), "setup");
    send_badge_cap[0] = mint_cap(ep_cap, seL4_AllRights, 1);
    send_badge_cap[1] = mint_cap(ep_cap, seL4_AllRights, 2);
    REQUIRE(thread_start(HIGH, body_send, 0), "sender 1");
    REQUIRE(thread_start(HIGH, body_send, 1), "sender 2");
    /* Sender 1 makes its Send again and queues behind sender 2. */
    REQUIRE_OK(seL4_CNode_CancelBadgedSends(ROOT_CNODE, send_badge_cap[0], ROOT_DEPTH));
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    CHECK(badge == 2, "first message after the cancel has badge %u, expected 2", badge);
    seL4_RecvWithMRs(ep_cap, &badge, &m0, &m1, &m2, &m3);
    CHECK(badge == 1, "second message has badge %u, expected 1", badge);
}

static void ipc_deleting_an_endpoint_restarts_its_blocked_sender(void)
{
    REQUIRE(setup(), "setup");
    seL4_CPtr thread_slot = mint_cap(ep_cap, seL4_AllRights, 0);
    send_badge_cap[0] = thread_slot;
    test_thread_t *t = thread_start(LOW, body_send, 0);
    REQUIRE(t, "sender");
    REQUIRE_OK(set_root_priority(LOW - 1)); /* the sender runs and blocks */
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    CHECK(!t->finished, "the sender waits");
    /* Destroy the endpoint, then put a fresh one, with a receiver, where its cap was. */
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, thread_slot, ROOT_DEPTH));
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, ep_cap, ROOT_DEPTH));
    seL4_CPtr fresh = new_object(seL4_EndpointObject, 0);
    REQUIRE_OK(seL4_CNode_Copy(ROOT_CNODE, thread_slot, ROOT_DEPTH, ROOT_CNODE, fresh, ROOT_DEPTH,
                               seL4_AllRights));
    ep_cap = fresh;
    test_thread_t *r = thread_start(HIGH, body_recv, 0);
    REQUIRE(r, "receiver");
    /* The restarted Send goes to the fresh endpoint. */
    REQUIRE_OK(set_root_priority(LOW - 1));
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    CHECK(t->finished && r->finished, "sender %d receiver %d finished", t->finished, r->finished);
    CHECK(got[0][3] == 100, "the receiver got MR0 %u", got[0][3]);
}

#define PINGPONG_ROUNDS 100000u

/* A long run with the invariant checker on at every kernel exit (sel4test is built
 * CHECKED=1): 100,000 Call/ReplyRecv round trips, each reply checked. */
static void ipc_pingpong_of_100000_round_trips(void)
{
    REQUIRE(setup(), "setup");
    REQUIRE(thread_start(HIGH, body_server, 0), "server");
    unsigned wrong = 0;
    for (seL4_Word i = 0; i < PINGPONG_ROUNDS; i++) {
        seL4_Word m0 = i, m1 = 0, m2 = 0, m3 = 0;
        seL4_CallWithMRs(ep_cap, seL4_MessageInfo_new(1, 0, 0, 1), &m0, &m1, &m2, &m3);
        wrong += m0 != 2 * i;
    }
    CHECK(wrong == 0, "%u of %u replies were wrong", wrong, PINGPONG_ROUNDS);
    CHECK(counter[0] == PINGPONG_ROUNDS, "the server answered %u calls", counter[0]);
}

/* ---- capability transfer (spec 4.4): the sender needs an IPC buffer of its own ---- */

/* A page of the root's image serves as one test thread's IPC buffer: the kernel
 * reaches it through the image frame cap given to TCB_SetIPCBuffer, the thread
 * through its own (thread-local) libsel4 buffer pointer. */
static seL4_IPCBuffer sender_buffer __attribute__((aligned(4096)));
extern char _start[]; /* the first byte of the image (runtime/user.ld) */

/* The image frame cap of the page holding `p` (BootInfo lists them in address order). */
static seL4_CPtr image_frame_of(const void *p)
{
    seL4_Word page = ((seL4_Word)p - (seL4_Word)_start) >> seL4_PageBits;
    return bi->userImageFrames.start + page;
}

static seL4_CPtr cap_to_send;

/* Sends one message on send_badge_cap[0] carrying cap_to_send as extra cap 0. */
static void body_send_cap(seL4_Word unused)
{
    (void)unused;
    seL4_SetIPCBuffer(&sender_buffer); /* this thread's pointer only */
    seL4_SetCap(0, cap_to_send);
    seL4_SetMR(0, 1);
    seL4_Send(send_badge_cap[0], seL4_MessageInfo_new(0, 0, 1, 1));
}

#define LONG_MESSAGE 9

/* Sends a message of LONG_MESSAGE words (word i is 500 + i) through its own buffer. */
static void body_send_long(seL4_Word unused)
{
    (void)unused;
    seL4_SetIPCBuffer(&sender_buffer);
    for (int i = 0; i < LONG_MESSAGE; i++)
        seL4_SetMR(i, 500 + i);
    seL4_Send(send_badge_cap[0], seL4_MessageInfo_new(0, 0, 0, LONG_MESSAGE));
}

/* Starts the cap sender (it blocks in its Send), then receives into `slot`. */
static seL4_MessageInfo_t receive_cap(seL4_CapRights_t rights, seL4_CPtr slot)
{
    send_badge_cap[0] = mint_cap(ep_cap, rights, 0);
    test_thread_t *t = thread_new(HIGH, body_send_cap, 0);
    if (!t || seL4_TCB_SetIPCBuffer(t->tcb, (seL4_Word)&sender_buffer,
                                    image_frame_of(&sender_buffer)) != seL4_NoError ||
        seL4_TCB_Resume(t->tcb) != seL4_NoError) {
        CHECK(0, "setting up the sending thread");
        return seL4_MessageInfo_new(0, 0, 0, 0);
    }
    seL4_SetCapReceivePath(ROOT_CNODE, slot, ROOT_DEPTH);
    seL4_Word badge = 0;
    return seL4_Recv(ep_cap, &badge);
}

static void ipc_grant_moves_a_cap_into_the_receive_slot(void)
{
    REQUIRE(setup(), "setup");
    cap_to_send = new_object(seL4_NotificationObject, 0);
    seL4_CPtr slot = slot_alloc();
    seL4_MessageInfo_t info = receive_cap(seL4_AllRights, slot);
    CHECK(seL4_MessageInfo_get_extraCaps(info) == 1, "extraCaps %u",
          seL4_MessageInfo_get_extraCaps(info));
    CHECK(seL4_MessageInfo_get_capsUnwrapped(info) == 0, "nothing unwrapped");
    CHECK(seL4_GetMR(0) == 1, "the message came too (MR0 %u)", seL4_GetMR(0));
    CHECK_CAP(slot, CAP_NOTIFICATION);
}

static void ipc_without_grant_only_the_message_arrives(void)
{
    REQUIRE(setup(), "setup");
    cap_to_send = new_object(seL4_NotificationObject, 0);
    seL4_CPtr slot = slot_alloc();
    seL4_MessageInfo_t info = receive_cap(seL4_CapRights_new(1, 0, 1, 1), slot);
    CHECK(seL4_MessageInfo_get_extraCaps(info) == 0, "extraCaps %u without Grant",
          seL4_MessageInfo_get_extraCaps(info));
    CHECK(seL4_GetMR(0) == 1, "the message arrived (MR0 %u)", seL4_GetMR(0));
    CHECK_CAP(slot, CAP_NULL);
}

static void ipc_a_cap_to_the_same_endpoint_is_unwrapped_into_its_badge(void)
{
    REQUIRE(setup(), "setup");
    cap_to_send = mint_cap(ep_cap, seL4_AllRights, 0x77);
    seL4_CPtr slot = slot_alloc();
    seL4_MessageInfo_t info = receive_cap(seL4_AllRights, slot);
    CHECK(seL4_MessageInfo_get_extraCaps(info) == 1 &&
              seL4_MessageInfo_get_capsUnwrapped(info) == 1,
          "extraCaps %u unwrapped 0x%x", seL4_MessageInfo_get_extraCaps(info),
          seL4_MessageInfo_get_capsUnwrapped(info));
    CHECK(seL4_GetBadge(0) == 0x77, "badge 0x%x", seL4_GetBadge(0));
    CHECK_CAP(slot, CAP_NULL);
}

static void ipc_an_occupied_receive_slot_stops_the_transfer(void)
{
    REQUIRE(setup(), "setup");
    cap_to_send = new_object(seL4_NotificationObject, 0);
    seL4_CPtr slot = copy_cap(ep_cap, seL4_AllRights);
    seL4_MessageInfo_t info = receive_cap(seL4_AllRights, slot);
    CHECK(seL4_MessageInfo_get_extraCaps(info) == 0, "extraCaps %u into a full slot",
          seL4_MessageInfo_get_extraCaps(info));
    CHECK(seL4_GetMR(0) == 1, "the message arrived (MR0 %u)", seL4_GetMR(0));
    CHECK_CAP(slot, CAP_ENDPOINT);
}

static void ipc_each_thread_has_its_own_ipc_buffer(void)
{
    REQUIRE(setup(), "setup");
    seL4_IPCBuffer *mine = seL4_GetIPCBuffer();
    send_badge_cap[0] = mint_cap(ep_cap, seL4_AllRights, 0);
    test_thread_t *t = thread_new(HIGH, body_send_long, 0);
    REQUIRE(t, "thread");
    REQUIRE_OK(seL4_TCB_SetIPCBuffer(t->tcb, (seL4_Word)&sender_buffer,
                                     image_frame_of(&sender_buffer)));
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));
    CHECK(seL4_GetIPCBuffer() == mine, "the thread's seL4_SetIPCBuffer changed the root's pointer");
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep_cap, &badge);
    CHECK(seL4_MessageInfo_get_length(info) == LONG_MESSAGE, "length %u",
          seL4_MessageInfo_get_length(info));
    for (int i = 0; i < LONG_MESSAGE; i++)
        CHECK(seL4_GetMR(i) == (seL4_Word)(500 + i), "MR%d is %u", i, seL4_GetMR(i));
}

const test_case_t ipc_tests[] = {
    TEST_CASE(ipc_send_to_a_waiting_receiver_delivers_label_badge_and_mrs),
    TEST_CASE(ipc_send_blocks_until_a_receiver_comes),
    TEST_CASE(ipc_senders_are_served_in_fifo_order),
    TEST_CASE(ipc_receivers_are_served_in_fifo_order),
    TEST_CASE(ipc_call_and_replyrecv_serve_many_calls),
    TEST_CASE(ipc_a_call_to_a_server_tied_with_a_ready_thread_runs_that_thread_first),
    TEST_CASE(ipc_a_reply_to_a_caller_tied_with_a_ready_thread_runs_that_thread_first),
    TEST_CASE(ipc_saved_reply_cap_answers_once),
    TEST_CASE(ipc_call_without_grant_leaves_the_caller_inactive),
    TEST_CASE(ipc_a_new_receive_drops_an_unsaved_reply_cap),
    TEST_CASE(ipc_deleting_the_caller_deletes_its_saved_reply_cap),
    TEST_CASE(ipc_rights_send_needs_write_and_call_reports_it),
    TEST_CASE(ipc_nbsend_without_a_receiver_drops_the_message),
    TEST_CASE(ipc_suspended_receiver_receives_again_when_resumed),
    TEST_CASE(ipc_cancel_badged_sends_restarts_only_that_badge),
    TEST_CASE(ipc_deleting_an_endpoint_restarts_its_blocked_sender),
    TEST_CASE(ipc_grant_moves_a_cap_into_the_receive_slot),
    TEST_CASE(ipc_without_grant_only_the_message_arrives),
    TEST_CASE(ipc_a_cap_to_the_same_endpoint_is_unwrapped_into_its_badge),
    TEST_CASE(ipc_an_occupied_receive_slot_stops_the_transfer),
    TEST_CASE(ipc_each_thread_has_its_own_ipc_buffer),
    TEST_CASE(ipc_pingpong_of_100000_round_trips),
};
const unsigned ipc_test_count = sizeof(ipc_tests) / sizeof(ipc_tests[0]);
