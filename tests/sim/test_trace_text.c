/*
 * tests/sim/test_trace_text.c - records as numbat-trace prints them (trace/text.c):
 * the event's name and payload in hex, and a plain reading of thread states, blocks,
 * messages, replies, signals, faults and system call entries.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <sel4/errors.h>
#include <sel4/invocation.h>
#include <sel4/syscall.h>

#include "../../trace/names.h"
#include "../../trace/text.h"

/* The line for one record of type `type` with the payload given. */
static const char *line_for(unsigned type, unsigned n, const uint32_t *payload)
{
    static char line[256];
    trace_record_t r = {.icount = 624022, .count = n + 1};
    r.words[0] = TRACE_HEADER(type, n + 1);
    memcpy(&r.words[1], payload, n * sizeof(uint32_t));
    cr_assert_lt(trace_format(&r, line, sizeof(line)), (int)sizeof(line));
    return line;
}

#define LINE(type, ...)                                                                            \
    line_for(type, sizeof((const uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t),                    \
             (const uint32_t[]){__VA_ARGS__})

#define EXPECT_HAS(line, text) cr_expect(strstr(line, text) != NULL, "'%s' lacks '%s'", line, text)

Test(trace_text, every_line_has_the_count_the_name_and_the_payload_in_hex)
{
    const char *l = LINE(TRACE_IRQ, 34);
    EXPECT_HAS(l, "624022");
    EXPECT_HAS(l, "irq");
    EXPECT_HAS(l, "00000022");
    cr_expect_str_eq(trace_event_name(TRACE_CAP_SWAP), "cap-swap");
    cr_expect_str_eq(trace_event_name(TRACE_THREAD_BLOCKED_EVENT), "thread-blocked");
    cr_expect_str_eq(trace_event_name(200), "unknown");
}

Test(trace_text, thread_states_of_version_2_are_named)
{
    EXPECT_HAS(LINE(TRACE_THREAD_STATE, 0xe0050000, TRACE_THREAD_BLOCKED_ON_REPLY),
               "e0050000 blocked on reply");
    EXPECT_HAS(LINE(TRACE_THREAD_STATE, 0xe0050000, TRACE_THREAD_RUNNABLE), "e0050000 runnable");
    cr_expect_str_eq(trace_thread_state_name(TRACE_THREAD_BLOCKED_ON_NOTIFICATION),
                     "blocked on notification");
    cr_expect_str_eq(trace_thread_state_name(99), "state ?");
}

Test(trace_text, thread_blocked_says_what_is_waited_on)
{
    const char *l = LINE(TRACE_THREAD_BLOCKED_EVENT, 0xe0050000, TRACE_THREAD_BLOCKED_ON_REPLY,
                         0xe0060000, 7);
    EXPECT_HAS(l, "00000005 e0060000 00000007");
    EXPECT_HAS(l, "e0050000 blocked on reply (endpoint e0060000, badge 7)");
    EXPECT_HAS(LINE(TRACE_THREAD_BLOCKED_EVENT, 0xe0060400, TRACE_THREAD_BLOCKED_ON_NOTIFICATION,
                    0xe0060010, 0),
               "blocked on notification (notification e0060010)");
}

Test(trace_text, messages_replies_signals_and_faults_read_as_sentences)
{
    EXPECT_HAS(LINE(TRACE_IPC_SEND, 0xe0060000, 0xe0050000, 7, 1),
               "e0050000 sends 1 word through endpoint e0060000, badge 7");
    EXPECT_HAS(LINE(TRACE_IPC_RECV, 0xe0060000, 0xe0060400, 7, 3),
               "e0060400 receives 3 words from endpoint e0060000, badge 7");
    EXPECT_HAS(LINE(TRACE_IPC_REPLY, 0xe0060400, 0xe0050000, 1), "e0060400 replies 1 word to e0050000");
    EXPECT_HAS(LINE(TRACE_SIGNAL, 0xe0060010, 0x10, 0xe0060400),
               "badge 0x10 to notification e0060010 wakes e0060400");
    EXPECT_HAS(LINE(TRACE_SIGNAL, 0xe0060010, 0x10, 0), "nobody waits, pending");
    EXPECT_HAS(LINE(TRACE_FAULT, 0xe0060400, 5, 0xdead0000, 0x10040),
               "e0060400: VM fault, address dead0000, pc 00010040");
}

Test(trace_text, version_5_messages_read_with_their_label_and_caps)
{
    const char *l = LINE(TRACE_IPC_SEND, 0xe0060000, 0xe0050000, 7, 1, 42, TRACE_IPC_CAPS(1, 0));
    EXPECT_HAS(l, "00000007 00000001 0000002a 00000001");
    EXPECT_HAS(l, "e0050000 sends 1 word through endpoint e0060000, badge 7, label 42, 1 cap");
    EXPECT_HAS(LINE(TRACE_IPC_RECV, 0xe0060000, 0xe0060400, 7, 3, 0, TRACE_IPC_CAPS(2, 3)),
               "receives 3 words from endpoint e0060000, badge 7, label 0, 2 caps unwrapped");
    EXPECT_HAS(LINE(TRACE_IPC_RECV, 0xe0060000, 0xe0060400, 7, 3, 0, TRACE_IPC_CAPS(3, 1)),
               "badge 7, label 0, 3 caps, 1 unwrapped");
    l = LINE(TRACE_IPC_REPLY, 0xe0060400, 0xe0050000, 1, 9, 0);
    EXPECT_HAS(l, "e0060400 replies 1 word to e0050000, label 9");
    cr_expect(strstr(l, "cap") == NULL, "no caps came: '%s'", l);
    char caps[40];
    cr_expect_eq(trace_caps_text(0, caps, sizeof(caps)), 0);
    cr_expect_str_eq(caps, "");
    trace_caps_text(TRACE_IPC_CAPS(2, 0), caps, sizeof(caps));
    cr_expect_str_eq(caps, "2 caps");
}

Test(trace_text, system_call_entries_name_the_call)
{
    EXPECT_HAS(LINE(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)seL4_SysReplyRecv,
                    0xe0060400, 0x10bd0),
               "syscall ReplyRecv from e0060400 at 00010bd0");
    EXPECT_HAS(LINE(TRACE_KERNEL_ENTRY, TRACE_ENTRY_INTERRUPT, 34, 0xe0050000, 0x1005c),
               "interrupt 34");
}

Test(trace_text, invocations_are_named_with_their_result)
{
    EXPECT_HAS(LINE(TRACE_INVOCATION, 0xe0090020, 0xe0090005, CNodeRevoke, seL4_NoError),
               "CNode_Revoke of slot e0090020");
    EXPECT_HAS(LINE(TRACE_INVOCATION, 0xe0090590, 0x800a2001, UntypedRetype, seL4_NotEnoughMemory),
               "Untyped_Retype of slot e0090590 fails: NotEnoughMemory");
    cr_expect_str_eq(trace_invocation_name(ARMASIDPoolAssign), "ARM_ASIDPool_Assign");
    cr_expect_str_eq(trace_invocation_name(999), "label 999");
}

Test(trace_text, ipc_system_calls_are_told_from_the_others)
{
    const int32_t ipc[] = {seL4_SysSend, seL4_SysNBSend, seL4_SysCall, seL4_SysReply,
                           seL4_SysReplyRecv, seL4_SysRecv, seL4_SysNBRecv};
    for (size_t i = 0; i < sizeof(ipc) / sizeof(ipc[0]); i++)
        cr_expect(trace_syscall_is_ipc(ipc[i]), "%s", trace_syscall_name(ipc[i]));
    cr_expect_not(trace_syscall_is_ipc(seL4_SysYield));
    cr_expect_not(trace_syscall_is_ipc(seL4_SysDebugPutChar));
    cr_expect_not(trace_syscall_is_ipc(0));
}
