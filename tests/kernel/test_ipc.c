/*
 * tests/kernel/test_ipc.c - the IPC machinery below the system calls: message
 * transfer (lengths, buffers, the receiver's write right), endpoint queues and
 * states, reply caps in the CDT, restarts that rewind the PC, notification words.
 * Partners: kernel/message.c, kernel/endpoint.c, kernel/reply.c,
 * kernel/notification.c, kernel/thread.c, harness.c.
 */
#include <string.h>

#include <sel4/messageinfo.h>
#include <sel4/syscall.h>

#include "harness.h"
#include "fastpath.h"
#include "message.h"
#include "ready_queue.h"
#include "syscall.h"

#define RESUME_PC 0x8004u /* a blocked thread's saved PC: just past its svc */

static cap_t pool;
static invocation_t inv;

static void ipc_init(void)
{
    harness_init();
    pool = harness_cnode(4, 0, 0);
}

TestSuite(ipc, .init = ipc_init, .fini = harness_fini);

static cte_t *P(unsigned i)
{
    return harness_slot(pool, i);
}

static tcb_t *thread_with_buffer(uint32_t rights, uint32_t **buffer)
{
    tcb_t *t = harness_tcb();
    *buffer = harness_alloc(1u << seL4_PageBits, seL4_PageBits);
    harness_give_ipc_buffer(t, *buffer, rights);
    arch_set_pc(&t->context, RESUME_PC);
    return t;
}

/* Loads t's registers and buffer with a message of `length` words: word i is 100 + i. */
static void load_message(tcb_t *t, uint32_t *buffer, uint32_t label, uint32_t length)
{
    arch_set_msg_info(&t->context, seL4_MessageInfo_new(label, 0, 0, length).words[0]);
    for (uint32_t i = 0; i < length && i < seL4_MsgMaxLength; i++) {
        if (i < ARCH_MSG_REGISTERS)
            arch_set_mr(&t->context, i, 100 + i);
        else if (buffer)
            ((seL4_IPCBuffer *)buffer)->msg[i] = 100 + i;
    }
}

static seL4_MessageInfo_t info_of(const tcb_t *t)
{
    return (seL4_MessageInfo_t){{arch_get_msg_info(&t->context)}};
}

Test(ipc, transfer_copies_registers_and_buffer_words)
{
    uint32_t *sb, *rb;
    tcb_t *s = thread_with_buffer(RIGHTS_ALL, &sb), *r = thread_with_buffer(RIGHTS_ALL, &rb);
    load_message(s, sb, 7, 10);
    message_transfer(s, r, 0x55, false, 0);
    cr_assert_eq(seL4_MessageInfo_get_label(info_of(r)), 7);
    cr_assert_eq(seL4_MessageInfo_get_length(info_of(r)), 10);
    cr_assert_eq(arch_get_cap_register(&r->context), 0x55, "the badge");
    for (uint32_t i = 0; i < ARCH_MSG_REGISTERS; i++)
        cr_assert_eq(arch_get_mr(&r->context, i), 100 + i);
    for (uint32_t i = ARCH_MSG_REGISTERS; i < 10; i++)
        cr_assert_eq(((seL4_IPCBuffer *)rb)->msg[i], 100 + i);
}

Test(ipc, transfer_clamps_the_length_to_120)
{
    uint32_t *sb, *rb;
    tcb_t *s = thread_with_buffer(RIGHTS_ALL, &sb), *r = thread_with_buffer(RIGHTS_ALL, &rb);
    load_message(s, sb, 0, 127);
    message_transfer(s, r, 0, false, 0);
    cr_assert_eq(seL4_MessageInfo_get_length(info_of(r)), seL4_MsgMaxLength);
}

Test(ipc, transfer_without_a_receive_buffer_keeps_four_words)
{
    uint32_t *sb;
    tcb_t *s = thread_with_buffer(RIGHTS_ALL, &sb), *r = harness_tcb();
    load_message(s, sb, 0, 10);
    message_transfer(s, r, 0, false, 0);
    cr_assert_eq(seL4_MessageInfo_get_length(info_of(r)), ARCH_MSG_REGISTERS);
    cr_assert_eq(arch_get_mr(&r->context, 3), 103);
}

Test(ipc, transfer_never_writes_a_read_only_buffer,
     .description = "a receiver whose IPC buffer frame cap lacks Write gets only the register "
                    "words: the kernel does not write into memory the thread may only read")
{
    uint32_t *sb, *rb;
    tcb_t *s = thread_with_buffer(RIGHTS_ALL, &sb), *r = thread_with_buffer(RIGHT_READ, &rb);
    memset(rb, 0xEE, 1u << seL4_IPCBufferSizeBits);
    load_message(s, sb, 0, 10);
    message_transfer(s, r, 0, false, 0);
    cr_assert_eq(seL4_MessageInfo_get_length(info_of(r)), ARCH_MSG_REGISTERS);
    for (unsigned i = 0; i < (1u << seL4_IPCBufferSizeBits) / 4; i++)
        cr_assert_eq(rb[i], 0xEEEEEEEEu, "word %u of the read-only buffer was written", i);
}

/* Sends on the endpoint cap in `slot` as thread t (Send or Call). */
static void send_as(tcb_t *t, cte_t *slot, bool call)
{
    tcb_t *saved = harness_caller;
    harness_caller = t;
    harness_build_invocation(&inv, slot, 0, NO_MRS, NO_CAPS);
    inv.call = call;
    inv.blocking = true;
    object_op_t op;
    cr_assert_eq(object_decode(&inv, &op), seL4_NoError);
    cr_assert_eq(object_invoke(&inv, &op), INVOKE_DONE);
    harness_caller = saved;
}

static tcb_t *sender(uint32_t label)
{
    tcb_t *t = harness_tcb();
    arch_set_pc(&t->context, RESUME_PC);
    arch_set_msg_info(&t->context, seL4_MessageInfo_new(label, 0, 0, 0).words[0]);
    return t;
}

Test(ipc, senders_queue_in_order_and_a_receive_takes_the_first)
{
    endpoint_t *ep = harness_endpoint();
    harness_place(P(0), cap_endpoint(ep, 0, RIGHTS_ALL), true);
    cdt_insert(cap_endpoint(ep, 7, RIGHTS_ALL), P(0), P(1), true);
    tcb_t *a = sender(1), *b = sender(2), *r = harness_tcb();
    send_as(a, P(1), false);
    send_as(b, P(0), false);
    cr_assert_eq(a->state, THREAD_BLOCKED_ON_SEND);
    cr_assert_eq(ep->state, EP_SENDING);
    cr_assert_eq(tcbq_head(&ep->queue), a);
    ep_receive(r, P(0)->cap, true);
    cr_assert_eq(seL4_MessageInfo_get_label(info_of(r)), 1, "the first sender's message");
    cr_assert_eq(arch_get_cap_register(&r->context), 7, "with its badge");
    cr_assert_eq(a->state, THREAD_RUNNING);
    cr_assert_eq(b->state, THREAD_BLOCKED_ON_SEND);
    ep_receive(r, P(0)->cap, true);
    cr_assert_eq(seL4_MessageInfo_get_label(info_of(r)), 2);
    cr_assert_eq(ep->state, EP_IDLE);
    cr_assert(tcbq_empty(&ep->queue));
}

Test(ipc, a_delivered_call_makes_a_reply_cap_under_the_callers_master)
{
    endpoint_t *ep = harness_endpoint();
    harness_place(P(0), cap_endpoint(ep, 0, RIGHTS_ALL), true);
    tcb_t *caller = sender(4), *server = harness_tcb();
    send_as(caller, P(0), true);
    ep_receive(server, P(0)->cap, true);
    cte_t *reply = &server->slots[TCB_SLOT_CALLER];
    cr_assert_eq(caller->state, THREAD_BLOCKED_ON_REPLY);
    cr_assert_eq(cap_type(reply->cap), CAP_REPLY);
    cr_assert_eq(cap_ptr(reply->cap), caller);
    cr_assert(cdt_is_parent(&caller->slots[TCB_SLOT_REPLY], reply), "a child of the master");
    arch_set_msg_info(&server->context, seL4_MessageInfo_new(9, 0, 0, 0).words[0]);
    reply_send(server, reply);
    check_empty(reply);
    cr_assert_eq(caller->state, THREAD_RUNNING);
    cr_assert_eq(seL4_MessageInfo_get_label(info_of(caller)), 9);
    cr_assert_eq(arch_get_cap_register(&caller->context), 0, "replies carry no badge");
}

/* The kernel's trace events of one type since harness_init, the n-th of them. */
static const harness_trace_event_t *traced(unsigned type, unsigned n)
{
    for (unsigned i = 0; i < harness_trace.count; i++)
        if (TRACE_HEADER_TYPE(harness_trace.events[i].words[0]) == type && n-- == 0)
            return &harness_trace.events[i];
    return NULL;
}

/* The IPC events carry the message info the receiver got: label, and the caps that came
 * (trace version 5). The sender Calls with label 42, two words and one extra cap, the
 * very endpoint's badged cap, which the kernel unwraps into its badge. */
Test(ipc, traced_messages_and_replies_carry_label_and_caps)
{
    endpoint_t *ep = harness_endpoint();
    cap_t cspace = harness_cnode(4, 28, 0); /* a 32-bit CPtr i names slot i */
    harness_place(harness_slot(cspace, 1), cap_endpoint(ep, 5, RIGHTS_ALL), true);
    uint32_t *cb, *sb;
    tcb_t *caller = thread_with_buffer(RIGHTS_ALL, &cb), *server = thread_with_buffer(RIGHTS_ALL, &sb);
    harness_place(&caller->slots[TCB_SLOT_CSPACE], cspace, false);
    trace_enabled = true;
    ep_receive(server, harness_slot(cspace, 1)->cap, true);
    load_message(caller, cb, 42, 2);
    arch_set_msg_info(&caller->context, seL4_MessageInfo_new(42, 0, 1, 2).words[0]);
    ((seL4_IPCBuffer *)cb)->caps_or_badges[0] = 1;
    send_as(caller, harness_slot(cspace, 1), true);
    cr_assert_eq(seL4_MessageInfo_get_extraCaps(info_of(server)), 1);
    cr_assert_eq(seL4_MessageInfo_get_capsUnwrapped(info_of(server)), 1);
    const harness_trace_event_t *send = traced(TRACE_IPC_SEND, 0), *recv = traced(TRACE_IPC_RECV, 0);
    cr_assert(send && recv);
    cr_assert_eq(send->count, 7, "header and six words");
    cr_assert_eq(send->words[4], 2, "length");
    cr_assert_eq(send->words[5], 42, "label");
    cr_assert_eq(send->words[6], TRACE_IPC_CAPS(1, 1), "one cap, unwrapped");
    cr_assert_arr_eq(&recv->words[3], &send->words[3], 4 * sizeof(uint32_t),
                     "the receive says the same badge, length, label and caps");
    /* The reply: label 9, no caps (the server's cap register is no concern of it). */
    arch_set_msg_info(&server->context, seL4_MessageInfo_new(9, 0, 0, 1).words[0]);
    reply_send(server, &server->slots[TCB_SLOT_CALLER]);
    const harness_trace_event_t *reply = traced(TRACE_IPC_REPLY, 0);
    cr_assert_not_null(reply);
    cr_assert_eq(reply->count, 6);
    cr_assert_eq(reply->words[3], 1, "length");
    cr_assert_eq(reply->words[4], 9, "label");
    cr_assert_eq(reply->words[5], 0, "no caps");
}

Test(ipc, suspending_a_caller_deletes_its_reply_cap_and_rewinds_it)
{
    endpoint_t *ep = harness_endpoint();
    harness_place(P(0), cap_endpoint(ep, 0, RIGHTS_ALL), true);
    tcb_t *caller = sender(4), *server = harness_tcb();
    send_as(caller, P(0), true);
    ep_receive(server, P(0)->cap, true);
    thread_suspend(caller);
    check_empty(&server->slots[TCB_SLOT_CALLER]);
    cr_assert_eq(caller->state, THREAD_INACTIVE);
    cr_assert_eq(arch_get_pc(&caller->context), RESUME_PC - ARCH_SVC_SIZE,
                 "resumed, it makes its Call again");
}

Test(ipc, destroying_an_endpoint_restarts_every_queued_thread)
{
    endpoint_t *ep = harness_endpoint();
    harness_place(P(0), cap_endpoint(ep, 0, RIGHTS_ALL), true);
    tcb_t *a = sender(1), *b = sender(2);
    send_as(a, P(0), false);
    send_as(b, P(0), true);
    cdt_delete(P(0), false);
    for (tcb_t **t = (tcb_t *[]){a, b, NULL}; *t; t++) {
        cr_assert_eq((*t)->state, THREAD_RUNNING);
        cr_assert_eq(arch_get_pc(&(*t)->context), RESUME_PC - ARCH_SVC_SIZE);
        cr_assert_null((*t)->ipc_next);
    }
}

Test(ipc, signals_or_into_the_word_until_a_wait_takes_it)
{
    notification_t *n = harness_endpoint(); /* the same 16 bytes */
    harness_place(P(0), cap_notification(n, 0, RIGHTS_ALL), true);
    cdt_insert(cap_notification(n, 0x1, RIGHTS_ALL), P(0), P(1), true);
    cdt_insert(cap_notification(n, 0x6, RIGHTS_ALL), P(0), P(2), true);
    tcb_t *t = harness_tcb();
    send_as(t, P(1), false);
    send_as(t, P(2), false);
    cr_assert(ntfn_active(n));
    cr_assert_eq(n->word, 0x7);
    ntfn_receive(n, t, true);
    cr_assert_eq(arch_get_cap_register(&t->context), 0x7);
    cr_assert_not(ntfn_active(n));
    cr_assert_eq(t->state, THREAD_INACTIVE, "a wait on an active notification does not block");
}

/* ---- the fastpath (kernel/fastpath.c) ----------------------------------------------- */

/* Enters as vectors.S does: the cap and message info registers and the thread. */
static void run_fastpath_call(void *unused)
{
    (void)unused;
    fastpath_call(arch_get_cap_register(&current_thread->context),
                  arch_get_msg_info(&current_thread->context), current_thread);
}

static void run_fastpath_reply_recv(void *unused)
{
    (void)unused;
    fastpath_reply_recv(arch_get_cap_register(&current_thread->context),
                        arch_get_msg_info(&current_thread->context), current_thread);
}

/* The slow path for the same system call (the number in the saved r7). */
static void run_slow_path(void *unused)
{
    (void)unused;
    handle_syscall((int32_t)arch_get_syscall_number(&current_thread->context));
}

/* A call's registers: cap 0 (the endpoint), a message of `length` words 40, 41, ...
 * with label 6, and the system call number where the svc leaves it (r7). */
static void load_call(tcb_t *t, int32_t number, uint32_t length)
{
    arch_set_cap_register(&t->context, 0);
    arch_set_msg_info(&t->context, seL4_MessageInfo_new(6, 0, 0, length).words[0]);
    for (unsigned i = 0; i < ARCH_MSG_REGISTERS; i++)
        arch_set_mr(&t->context, i, 40 + i);
    t->context.r[7] = (uint32_t)number;
}

typedef struct fp_world {
    cap_t pool;
    endpoint_t *ep;
    tcb_t *caller, *server;
} fp_world_t;

/* A server (priority 10) waiting in Recv on the endpoint in slot 0 of a CNode whose
 * 28-bit guard makes cptr i name slot i (radix 4), both threads' CSpace; a caller
 * (priority 5, current) about to Call it with `length` words. */
static fp_world_t fastpath_world(uint32_t length)
{
    fp_world_t w;
    w.pool = harness_cnode(4, 28, 0);
    w.ep = harness_endpoint();
    harness_place(harness_slot(w.pool, 0), cap_endpoint(w.ep, 3, RIGHTS_ALL), true);
    w.caller = sender(6);
    harness_place(&w.caller->slots[TCB_SLOT_CSPACE], w.pool, false);
    thread_set_priority(w.caller, 5);
    cap_t pd = cap_page_directory(harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits), true, 1);
    w.server = harness_tcb();
    harness_place(&w.server->slots[TCB_SLOT_VSPACE], pd, true);
    harness_place(&w.server->slots[TCB_SLOT_CSPACE], w.pool, false);
    arch_set_pc(&w.server->context, RESUME_PC);
    thread_set_priority(w.server, 10);
    for (unsigned i = 0; i < ARCH_MSG_REGISTERS; i++)
        arch_set_mr(&w.server->context, i, 90 + i); /* what the server's MRs held */
    ep_receive(w.server, harness_slot(w.pool, 0)->cap, true);
    load_call(w.caller, seL4_SysCall, length);
    w.caller->state = THREAD_RUNNING;
    current_thread = w.caller;
    return w;
}

/* Where a pointer leads, as a role in the world, so two worlds compare. */
static uint32_t role(const fp_world_t *w, uintptr_t p)
{
    if (p == 0)
        return 0;
    if (p == (uintptr_t)w->caller)
        return 1;
    if (p == (uintptr_t)w->server)
        return 2;
    if (p == (uintptr_t)&w->caller->slots[TCB_SLOT_REPLY])
        return 3;
    if (p == (uintptr_t)&w->server->slots[TCB_SLOT_CALLER])
        return 4;
    if (p == (uintptr_t)w->ep)
        return 5;
    return 0xBAD;
}

/* Everything a Call or ReplyRecv may change, pointers as roles. */
typedef struct fp_shape {
    uint32_t entered, current, caller_state, server_state, highest_ready;
    uint32_t caller_regs[13], server_regs[13], caller_pc, server_pc;
    uint32_t ep_head, ep_tail, ep_state;
    uint32_t caller_links[2], server_links[2], caller_is_fault;
    uint32_t server_ipc[3]; /* object, badge, the flags as bytes */
    uint32_t reply_cap[2], reply_prev, reply_next, master_next;
} fp_shape_t;

static fp_shape_t shape(const fp_world_t *w, const tcb_t *entered)
{
    fp_shape_t s;
    memset(&s, 0, sizeof(s));
    const cte_t *reply = &w->server->slots[TCB_SLOT_CALLER];
    const cte_t *master = &w->caller->slots[TCB_SLOT_REPLY];
    s.entered = role(w, (uintptr_t)entered);
    s.current = role(w, (uintptr_t)current_thread);
    s.caller_state = w->caller->state;
    s.server_state = w->server->state;
    s.highest_ready = (uint32_t)ready_highest();
    memcpy(s.caller_regs, w->caller->context.r, sizeof(s.caller_regs));
    memcpy(s.server_regs, w->server->context.r, sizeof(s.server_regs));
    s.caller_pc = w->caller->context.pc;
    s.server_pc = w->server->context.pc;
    s.ep_head = role(w, w->ep->queue.head);
    s.ep_tail = role(w, w->ep->queue.tail);
    s.ep_state = w->ep->state;
    s.caller_links[0] = role(w, (uintptr_t)w->caller->ipc_prev);
    s.caller_links[1] = role(w, (uintptr_t)w->caller->ipc_next);
    s.server_links[0] = role(w, (uintptr_t)w->server->ipc_prev);
    s.server_links[1] = role(w, (uintptr_t)w->server->ipc_next);
    s.caller_is_fault = w->caller->ipc.is_fault;
    s.server_ipc[0] = role(w, w->server->ipc.object);
    s.server_ipc[1] = w->server->ipc.badge;
    s.server_ipc[2] = (uint32_t)w->server->ipc.can_grant | (uint32_t)w->server->ipc.can_grant_reply << 8 |
                      (uint32_t)w->server->ipc.is_call << 16 | (uint32_t)w->server->ipc.is_fault << 24;
    s.reply_cap[0] = cap_type(reply->cap) | role(w, (uintptr_t)cap_ptr(reply->cap)) << 4;
    s.reply_cap[1] = reply->cap.words[1];
    s.reply_prev = role(w, reply->prev);
    s.reply_next = role(w, mdb_next(reply) ? (uintptr_t)mdb_next(reply) : 0) | (reply->next & MDB_FLAGS) << 8;
    s.master_next = role(w, (uintptr_t)mdb_next(master)) | (master->next & MDB_FLAGS) << 8;
    return s;
}

static void assert_same_shape(const fp_shape_t *fast, const fp_shape_t *slow)
{
    const uint32_t *a = (const uint32_t *)fast, *b = (const uint32_t *)slow;
    for (unsigned i = 0; i < sizeof(*fast) / sizeof(uint32_t); i++)
        cr_assert_eq(a[i], b[i], "word %u of the shape: fastpath 0x%x, slow path 0x%x", i, a[i], b[i]);
}

Test(ipc, fastpath_call_switches_straight_to_the_waiting_server)
{
    fp_world_t w = fastpath_world(2);
    uint32_t status = 0;
    cr_assert_eq(harness_run_to_exit(run_fastpath_call, NULL, &status), w.server,
                 "the fastpath left the kernel to the server (status %u)", status);
    cr_assert_eq(harness_fastpath_exits, 1, "through the fastpath's own exit");
    cr_assert_eq(current_thread, w.server);
    cr_assert_eq(w.caller->state, THREAD_BLOCKED_ON_REPLY);
    cr_assert_eq(w.server->state, THREAD_RUNNING);
    cr_assert_eq(seL4_MessageInfo_get_label(info_of(w.server)), 6);
    cr_assert_eq(seL4_MessageInfo_get_length(info_of(w.server)), 2);
    cr_assert_eq(arch_get_mr(&w.server->context, 1), 41);
    cr_assert_eq(arch_get_mr(&w.server->context, 2), 92, "MRs past the length keep their values");
    cr_assert_eq(arch_get_cap_register(&w.server->context), 3, "the badge");
    cr_assert(cdt_is_parent(&w.caller->slots[TCB_SLOT_REPLY], &w.server->slots[TCB_SLOT_CALLER]));
}

/* The same Call in two identical worlds, one through the fastpath and one through
 * the slow path, then the server's ReplyRecv likewise: the same state after each. */
Test(ipc, fastpath_call_and_replyrecv_leave_what_the_slow_path_leaves)
{
    for (uint32_t length = 0; length <= ARCH_MSG_REGISTERS; length++) {
        fp_world_t fast = fastpath_world(length), slow = fastpath_world(length);
        current_thread = fast.caller;
        tcb_t *entered = harness_run_to_exit(run_fastpath_call, NULL, NULL);
        fp_shape_t after_fast = shape(&fast, entered);
        current_thread = slow.caller;
        entered = harness_run_to_exit(run_slow_path, NULL, NULL);
        fp_shape_t after_slow = shape(&slow, entered);
        cr_assert_eq(harness_fastpath_exits, 1, "length %u: the Call took the fastpath", length);
        assert_same_shape(&after_fast, &after_slow);

        /* The server answers with ReplyRecv on the same endpoint. */
        load_call(fast.server, seL4_SysReplyRecv, length);
        load_call(slow.server, seL4_SysReplyRecv, length);
        current_thread = fast.server;
        entered = harness_run_to_exit(run_fastpath_reply_recv, NULL, NULL);
        after_fast = shape(&fast, entered);
        current_thread = slow.server;
        entered = harness_run_to_exit(run_slow_path, NULL, NULL);
        after_slow = shape(&slow, entered);
        cr_assert_eq(harness_fastpath_exits, 2, "length %u: the ReplyRecv took the fastpath", length);
        cr_assert_eq(fast.caller->state, THREAD_RUNNING);
        cr_assert_eq(fast.server->state, THREAD_BLOCKED_ON_RECV);
        assert_same_shape(&after_fast, &after_slow);
        harness_fastpath_exits = 0;
    }
}

Test(ipc, fastpath_call_leaves_a_long_message_to_the_slow_path)
{
    fp_world_t w = fastpath_world(5);
    cr_assert_eq(harness_run_to_exit(run_fastpath_call, NULL, NULL), w.server);
    cr_assert_eq(harness_fastpath_fallbacks, 1, "the fastpath went on to the slow path");
    cr_assert_eq(harness_fastpath_exits, 0);
    cr_assert_eq(w.caller->state, THREAD_BLOCKED_ON_REPLY, "which made the Call");
    cr_assert_eq(seL4_MessageInfo_get_length(info_of(w.server)), ARCH_MSG_REGISTERS,
                 "clamped: the caller has no IPC buffer");
}

/* A thread of the server's priority is ready: it has waited longer, so the
 * scheduler runs it first (FIFO among equals), and the fastpath must not switch. */
Test(ipc, fastpath_call_leaves_a_tie_with_a_ready_thread_to_the_slow_path)
{
    fp_world_t w = fastpath_world(1);
    tcb_t *other = harness_tcb();
    thread_set_priority(other, 10);
    thread_set_state(other, THREAD_RUNNING);
    cr_assert_eq(harness_run_to_exit(run_fastpath_call, NULL, NULL), other,
                 "the ready thread of equal priority runs first");
    cr_assert_eq(harness_fastpath_fallbacks, 1);
    cr_assert_eq(w.server->state, THREAD_RUNNING, "the server got the message and waits its turn");
    cr_assert(w.server->queued);
    cr_assert_eq(arch_get_mr(&w.server->context, 0), 40);
}

/* A server whose reply goes to a caller of its own priority with an equal thread
 * ready: the slow path queues the caller behind it. */
Test(ipc, fastpath_replyrecv_leaves_a_tie_with_a_ready_thread_to_the_slow_path)
{
    fp_world_t w = fastpath_world(1);
    harness_run_to_exit(run_fastpath_call, NULL, NULL);
    cr_assert_eq(harness_fastpath_exits, 1);
    tcb_t *other = harness_tcb();
    thread_set_priority(other, 5);
    thread_set_state(other, THREAD_RUNNING);
    load_call(w.server, seL4_SysReplyRecv, 1);
    cr_assert_eq(harness_run_to_exit(run_fastpath_reply_recv, NULL, NULL), other);
    cr_assert_eq(harness_fastpath_fallbacks, 1);
    cr_assert_eq(w.caller->state, THREAD_RUNNING, "the reply arrived");
    cr_assert(w.caller->queued, "behind the thread that was ready first");
    cr_assert_eq(w.server->state, THREAD_BLOCKED_ON_RECV);
}

/* Only a ready thread at or above the partner's priority sends the call the slow way. */
Test(ipc, fastpath_takes_a_call_with_a_lower_ready_thread)
{
    fp_world_t w = fastpath_world(1);
    tcb_t *other = harness_tcb();
    thread_set_priority(other, 9);
    thread_set_state(other, THREAD_RUNNING);
    cr_assert_eq(harness_run_to_exit(run_fastpath_call, NULL, NULL), w.server);
    cr_assert_eq(harness_fastpath_exits, 1, "a lower ready thread does not stop the fastpath");
    cr_assert(other->queued);
}

/* t's CSpace becomes a CNode of radix 4 whose 28-bit guard is `guard`, holding the
 * endpoint in slot 3: cptr guard << 4 | 3 names it. */
static void give_guarded_cspace(tcb_t *t, endpoint_t *ep, uint32_t guard)
{
    cap_t cnode = harness_cnode(4, 28, guard);
    harness_place(harness_slot(cnode, 3), cap_endpoint(ep, 3, RIGHTS_ALL), true);
    t->slots[TCB_SLOT_CSPACE] = (cte_t){cap_null(), 0, 0};
    harness_place(&t->slots[TCB_SLOT_CSPACE], cnode, false);
}

/* The fastpath's lookup takes the guard out of the cptr to leave the slot's index. */
Test(ipc, fastpath_call_finds_the_slot_below_a_nonzero_guard)
{
    fp_world_t w = fastpath_world(1);
    give_guarded_cspace(w.caller, w.ep, 0xA5A5);
    arch_set_cap_register(&w.caller->context, 0xA5A5u << 4 | 3);
    cr_assert_eq(harness_run_to_exit(run_fastpath_call, NULL, NULL), w.server);
    cr_assert_eq(harness_fastpath_exits, 1, "through the fastpath");
    cr_assert_eq(arch_get_mr(&w.server->context, 0), 40, "the message arrived");
}

/* A cptr whose bits above the radix are not the guard goes the slow way, which finds
 * no endpoint there: nothing reaches the server. */
Test(ipc, fastpath_call_leaves_a_guard_mismatch_to_the_slow_path)
{
    fp_world_t w = fastpath_world(1);
    give_guarded_cspace(w.caller, w.ep, 0xA5A5);
    arch_set_cap_register(&w.caller->context, 0xA5A4u << 4 | 3);
    harness_run_to_exit(run_fastpath_call, NULL, NULL);
    cr_assert_eq(harness_fastpath_fallbacks, 1, "the slow path took it");
    cr_assert_eq(harness_fastpath_exits, 0);
    cr_assert_eq(w.server->state, THREAD_BLOCKED_ON_RECV, "the server still waits");
    cr_assert_eq(arch_get_mr(&w.server->context, 0), 90, "its MR0 untouched");
}
