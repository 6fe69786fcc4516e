/*
 * tests/kernel/test_syscall.c - the system call path from handle_syscall() to the
 * reply (spec 3, 7): the invoked cap and the extra caps looked up in the caller's
 * CSpace, the dispatcher, the reply written into the caller's registers and IPC
 * buffer, cap faults, NBSend's silence, a preempted call re-executing its svc,
 * and the debug calls that read the caller's state.
 * Partners: kernel/syscall.c, kernel/invocation.c, kernel/object.c, harness.c.
 */
#include <string.h>

#include <sel4/messageinfo.h>
#include <sel4/syscall.h>

#include "harness.h"
#include "syscall.h"

#define SVC_PC 0x8000u /* where the caller's svc is; its saved PC is past it */

static cap_t cspace;
static tcb_t *caller;

/* The caller's CSpace: one CNode whose 28-bit guard of zeros makes cptr i name slot i. */
static void syscall_init(void)
{
    harness_init();
    caller = harness_caller;
    cspace = harness_cnode(4, 28, 0);
    harness_place(&caller->slots[TCB_SLOT_CSPACE], cspace, true);
    /* Slot 1 holds a copy of the root (a CDT child, so neither copy is final). */
    cdt_insert(cspace, &caller->slots[TCB_SLOT_CSPACE], harness_slot(cspace, 1), false);
    cap_t pd = cap_page_directory(harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits), true, 1);
    harness_place(&caller->slots[TCB_SLOT_VSPACE], pd, true);
    caller->state = THREAD_RUNNING;
    current_thread = caller;
}

TestSuite(syscall, .init = syscall_init, .fini = harness_fini);

static cte_t *C(unsigned i)
{
    return harness_slot(cspace, i);
}

static seL4_IPCBuffer *buffer(void)
{
    return (seL4_IPCBuffer *)harness_ipc_buffer;
}

/* Loads the caller's registers and IPC buffer as libsel4 would for an invocation. */
static void message(uint32_t cptr, uint32_t label, unsigned extra, unsigned n, const uint32_t *mr)
{
    arch_context_t *c = &caller->context;
    arch_set_pc(c, SVC_PC + ARCH_SVC_SIZE);
    arch_set_cap_register(c, cptr);
    arch_set_msg_info(c, seL4_MessageInfo_new(label, 0, extra, n).words[0]);
    for (unsigned i = 0; i < n; i++) {
        if (i < ARCH_MSG_REGISTERS)
            arch_set_mr(c, i, mr[i]);
        else
            buffer()->msg[i] = mr[i];
    }
}

static void enter(void *number)
{
    handle_syscall(*(int32_t *)number);
}

/* Makes the system call; returns the thread the kernel left to (NULL: it halted). */
static tcb_t *syscall(int32_t number)
{
    return harness_run_to_exit(enter, &number, NULL);
}

static seL4_MessageInfo_t reply_info(void)
{
    return (seL4_MessageInfo_t){{arch_get_msg_info(&caller->context)}};
}

/* CNode_Copy of the endpoint in slot 2 to `dest` at `depth`, with a source root of slot 1. */
static void copy_message(uint32_t dest, uint32_t depth)
{
    buffer()->caps_or_badges[0] = 1;
    message(1, CNodeCopy, 1, 5, (const uint32_t[]){dest, depth, 2, 32, RIGHTS_ALL});
}

Test(syscall, call_invokes_the_cap_and_replies_success)
{
    harness_place(C(2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    copy_message(3, 32);
    cr_assert_eq(syscall(seL4_SysCall), caller);
    cr_assert_eq(cap_type(C(3)->cap), CAP_ENDPOINT);
    CHECK_CDT_ORDER(C(2), C(3));
    cr_assert_eq(seL4_MessageInfo_get_label(reply_info()), seL4_NoError);
    cr_assert_eq(seL4_MessageInfo_get_length(reply_info()), 0);
    cr_assert_eq(arch_get_cap_register(&caller->context), 0, "kernel replies carry no badge");
    cr_assert_eq(arch_get_pc(&caller->context), SVC_PC + ARCH_SVC_SIZE, "resumes after the svc");
}

Test(syscall, an_error_reply_carries_the_error_and_its_words)
{
    harness_place(C(2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    copy_message(3, 33);
    cr_assert_eq(syscall(seL4_SysCall), caller);
    cr_assert_eq(seL4_MessageInfo_get_label(reply_info()), seL4_RangeError);
    cr_assert_eq(seL4_MessageInfo_get_length(reply_info()), 2);
    cr_assert_eq(arch_get_mr(&caller->context, 0), 1, "the smallest depth");
    cr_assert_eq(arch_get_mr(&caller->context, 1), 32, "the largest depth");
    check_empty(C(3));
}

Test(syscall, send_performs_the_invocation_without_a_reply)
{
    harness_place(C(2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    copy_message(3, 32);
    uint32_t info = arch_get_msg_info(&caller->context);
    cr_assert_eq(syscall(seL4_SysSend), caller);
    cr_assert_eq(cap_type(C(3)->cap), CAP_ENDPOINT);
    cr_assert_eq(arch_get_msg_info(&caller->context), info, "Send leaves the registers alone");
}

Test(syscall, a_failed_lookup_of_the_invoked_cap_is_a_cap_fault)
{
    message(0xF0000001u, CNodeDelete, 0, 2, (const uint32_t[]){2, 32});
    cr_assert_null(syscall(seL4_SysCall), "no thread is left to run");
    cr_assert_eq(caller->state, THREAD_INACTIVE);
    cr_assert_not_null(strstr(harness_console(), "capability fault on cptr 0xf0000001 (guard mismatch"),
                       "console: %s", harness_console());
    cr_assert_not_null(strstr(harness_console(), "pc 0x00008000"), "the fault names the svc: %s",
                       harness_console());
}

Test(syscall, nbsend_fails_a_lookup_silently)
{
    message(0xF0000001u, CNodeDelete, 0, 2, (const uint32_t[]){2, 32});
    uint32_t info = arch_get_msg_info(&caller->context);
    cr_assert_eq(syscall(seL4_SysNBSend), caller);
    cr_assert_eq(caller->state, THREAD_RUNNING);
    cr_assert_eq(arch_get_msg_info(&caller->context), info);
    cr_assert_eq(strstr(harness_console(), "fault"), NULL, "console: %s", harness_console());
}

Test(syscall, a_failed_extra_cap_lookup_is_a_cap_fault_naming_that_cptr)
{
    harness_place(C(2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    copy_message(3, 32);
    buffer()->caps_or_badges[0] = 0xF0000002u;
    cr_assert_null(syscall(seL4_SysCall));
    cr_assert_not_null(strstr(harness_console(), "cptr 0xf0000002"), "console: %s",
                       harness_console());
    check_empty(C(3));
}

Test(syscall, a_preempted_call_runs_its_svc_again)
{
    harness_place(C(2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    for (unsigned i = 3; i < 10; i++)
        cdt_insert(C(2)->cap, C(2), C(i), false);
    message(1, CNodeRevoke, 0, 2, (const uint32_t[]){2, 32});
    uint32_t info = arch_get_msg_info(&caller->context);
    harness_interrupt_after(0);
    cr_assert_eq(syscall(seL4_SysCall), caller);
    cr_assert_eq(harness_interrupts_taken, 1, "the pending interrupt is taken");
    cr_assert_eq(arch_get_pc(&caller->context), SVC_PC, "the thread will execute its svc again");
    cr_assert_eq(arch_get_msg_info(&caller->context), info, "no reply yet");
    cr_assert(cdt_has_children(C(2)), "the revoke stopped part way");
    /* The restarted call finishes the job and replies. */
    arch_set_pc(&caller->context, SVC_PC + ARCH_SVC_SIZE);
    cr_assert_eq(syscall(seL4_SysCall), caller);
    CHECK_CDT_ORDER(C(2));
    cr_assert_eq(seL4_MessageInfo_get_label(reply_info()), seL4_NoError);
}

Test(syscall, a_lone_call_to_an_endpoint_blocks_and_is_reported_as_a_deadlock)
{
    harness_place(C(2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    message(2, 0, 0, 0, NULL);
    uint32_t status = 0;
    int32_t number = seL4_SysCall;
    cr_assert_null(harness_run_to_exit(enter, &number, &status));
    cr_assert_eq(caller->state, THREAD_BLOCKED_ON_SEND);
    cr_assert_eq(status, 3, "a deadlock halts with status 3");
    cr_assert_not_null(strstr(harness_console(), "deadlock"), "console: %s", harness_console());
    cr_assert_not_null(strstr(harness_console(), "BlockedOnSend"), "console: %s",
                       harness_console());
}

Test(syscall, an_unknown_number_is_an_unknown_syscall_fault_at_the_svc)
{
    message(0, 0, 0, 0, NULL);
    cr_assert_null(syscall(-99));
    cr_assert_not_null(strstr(harness_console(), "unknown system call -99, pc 0x00008000"),
                       "console: %s", harness_console());
}

Test(syscall, cap_identify_returns_the_type_tag)
{
    harness_place(C(2), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    message(2, 0, 0, 0, NULL);
    cr_assert_eq(syscall(seL4_SysDebugCapIdentify), caller);
    cr_assert_eq(arch_get_cap_register(&caller->context), 4, "seL4's endpoint tag");
}

Test(syscall, snapshot_of_a_thread_without_a_cspace_says_so,
     .description = "DebugSnapshot with an empty CSpace root reports it instead of walking a "
                    "null cap as a CNode at address 0")
{
    cdt_delete(&caller->slots[TCB_SLOT_CSPACE], false);
    cr_assert_eq(syscall(seL4_SysDebugSnapshot), caller);
    cr_assert_not_null(strstr(harness_console(), "has no CSpace"), "console: %s",
                       harness_console());
}
