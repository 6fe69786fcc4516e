/*
 * tests/kernel/test_ipc.c - the IPC machinery below the system calls: message
 * transfer (lengths, buffers, the receiver's write right), endpoint queues and
 * states, reply caps in the CDT, restarts that rewind the PC, notification words.
 * Partners: kernel/message.c, kernel/endpoint.c, kernel/reply.c,
 * kernel/notification.c, kernel/thread.c, harness.c.
 */
#include <string.h>

#include <sel4/messageinfo.h>

#include "harness.h"
#include "fastpath.h"
#include "message.h"

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

static void run_fastpath_call(void *unused)
{
    (void)unused;
    fastpath_call();
    /* It returned: the slow path would run now. Leave as the slow path's caller would. */
    arch_halt(0xF0);
}

/* A server waiting in Recv on the endpoint in P(0), and a caller whose CSpace is a
 * CNode whose 28-bit guard makes cptr i name slot i of `pool` (radix 4). */
static tcb_t *fastpath_setup(tcb_t **server, uint32_t length)
{
    pool = harness_cnode(4, 28, 0);
    endpoint_t *ep = harness_endpoint();
    harness_place(P(0), cap_endpoint(ep, 3, RIGHTS_ALL), true);
    tcb_t *caller = sender(6);
    harness_place(&caller->slots[TCB_SLOT_CSPACE], pool, true);
    cap_t pd = cap_page_directory(harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits), true, 1);
    *server = harness_tcb();
    harness_place(&(*server)->slots[TCB_SLOT_VSPACE], pd, true);
    thread_set_priority(*server, 10);
    ep_receive(*server, P(0)->cap, true);
    arch_set_cap_register(&caller->context, 0);
    arch_set_msg_info(&caller->context, seL4_MessageInfo_new(6, 0, 0, length).words[0]);
    for (unsigned i = 0; i < ARCH_MSG_REGISTERS; i++)
        arch_set_mr(&caller->context, i, 40 + i);
    caller->state = THREAD_RUNNING;
    current_thread = caller;
    return caller;
}

Test(ipc, fastpath_call_switches_straight_to_the_waiting_server)
{
    tcb_t *server, *caller = fastpath_setup(&server, 2);
    uint32_t status = 0;
    cr_assert_eq(harness_run_to_exit(run_fastpath_call, NULL, &status), server,
                 "the fastpath left the kernel to the server (status %u)", status);
    cr_assert_eq(current_thread, server);
    cr_assert_eq(caller->state, THREAD_BLOCKED_ON_REPLY);
    cr_assert_eq(server->state, THREAD_RUNNING);
    cr_assert_eq(seL4_MessageInfo_get_label(info_of(server)), 6);
    cr_assert_eq(seL4_MessageInfo_get_length(info_of(server)), 2);
    cr_assert_eq(arch_get_mr(&server->context, 1), 41);
    cr_assert_eq(arch_get_cap_register(&server->context), 3, "the badge");
    cr_assert(cdt_is_parent(&caller->slots[TCB_SLOT_REPLY], &server->slots[TCB_SLOT_CALLER]));
}

Test(ipc, fastpath_call_leaves_a_long_message_to_the_slow_path)
{
    tcb_t *server, *caller = fastpath_setup(&server, 5);
    uint32_t status = 0;
    cr_assert_null(harness_run_to_exit(run_fastpath_call, NULL, &status));
    cr_assert_eq(status, 0xF0, "the fastpath returned");
    cr_assert_eq(caller->state, THREAD_RUNNING, "and changed nothing");
    cr_assert_eq(server->state, THREAD_BLOCKED_ON_RECV);
}
