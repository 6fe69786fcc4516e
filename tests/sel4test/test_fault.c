/*
 * tests/sel4test/test_fault.c - faults as IPC (spec 9): a thread's VM fault, unknown
 * system call, undefined instruction and cap fault reach the handler waiting on its
 * fault endpoint in seL4's message layouts, with the fault endpoint cap's badge; the
 * handler's reply restarts the thread with the registers it set (or, for an unknown
 * syscall answered with a non-zero label, leaves it stopped); a fault endpoint cap
 * without Grant or GrantReply cannot carry faults. The root is the handler.
 * Partners: helpers.h, main.c, kernel/fault.c.
 */
#include "helpers.h"

#define ROOT_PRIO 100
#define HIGH 150
#define UNMAPPED_ADDRESS 0x10u /* page 0 is never mapped (runtime/user.ld) */
#define A32_UDF 0xE7F000F0u    /* a permanently undefined A32 instruction */
#define BOGUS_SYSCALL (-99)
#define ARM_INSN 4u

static volatile seL4_Word seen;

/* Through a volatile pointer: GCC's -Warray-bounds rejects a store to a constant
 * address it can see. */
static volatile seL4_Word *volatile unmapped = (volatile seL4_Word *)UNMAPPED_ADDRESS;

static void body_store_to_unmapped(seL4_Word unused)
{
    (void)unused;
    *unmapped = 5;
    counter[0]++;
}

static void body_bogus_syscall(seL4_Word unused)
{
    (void)unused;
    register seL4_Word r0 __asm__("r0") = 7;
    register seL4_Word r7 __asm__("r7") = (seL4_Word)BOGUS_SYSCALL;
    __asm__ volatile("svc #0" : "+r"(r0) : "r"(r7) : "memory", "r1", "r2", "r3", "r4", "r5");
    seen = r0;
    counter[0]++;
}

static void body_undefined(seL4_Word unused)
{
    (void)unused;
    __asm__ volatile(".word 0xE7F000F0" ::: "memory");
    counter[0]++;
}

static void body_bad_cptr(seL4_Word unused)
{
    (void)unused;
    seL4_Send(0xFFFFFFFFu, seL4_MessageInfo_new(0, 0, 0, 0));
    counter[0]++;
}

/* A thread whose faults go to `fault_ep` (a cptr in the root CSpace it shares). */
static test_thread_t *faulting_thread(void (*fn)(seL4_Word), seL4_CPtr fault_ep)
{
    test_thread_t *t = thread_new(HIGH, fn, 0);
    if (!t || seL4_TCB_SetSpace(t->tcb, fault_ep, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0) !=
                  seL4_NoError)
        return NULL;
    return seL4_TCB_Resume(t->tcb) == seL4_NoError ? t : NULL;
}

/* The fault endpoint: the root receives on `ep`, the thread faults through a badged
 * copy with the given rights. */
static seL4_CPtr ep;
static seL4_CPtr fault_cap(seL4_CapRights_t rights)
{
    if (set_root_priority(ROOT_PRIO) != seL4_NoError)
        return 0;
    ep = new_object(seL4_EndpointObject, 0);
    return ep ? mint_cap(ep, rights, 0x1F) : 0;
}

static void fault_vm_fault_reaches_the_handler_and_a_reply_restarts(void)
{
    seL4_CPtr fep = fault_cap(seL4_AllRights);
    REQUIRE(fep, "setup");
    test_thread_t *t = faulting_thread(body_store_to_unmapped, fep);
    REQUIRE(t, "thread");
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    CHECK(seL4_MessageInfo_get_label(info) == seL4_Fault_VMFault, "label %u",
          seL4_MessageInfo_get_label(info));
    CHECK(seL4_MessageInfo_get_length(info) == seL4_VMFault_Length, "length %u",
          seL4_MessageInfo_get_length(info));
    CHECK(badge == 0x1F, "badge 0x%x of the fault endpoint cap", badge);
    CHECK(seL4_GetMR(seL4_VMFault_Addr) == UNMAPPED_ADDRESS, "address 0x%x",
          seL4_GetMR(seL4_VMFault_Addr));
    CHECK(seL4_GetMR(seL4_VMFault_PrefetchFault) == seL4_DataFault, "a data fault");
    seL4_Word pc = seL4_GetMR(seL4_VMFault_IP);
    /* The handler moves the thread past the store, then any reply restarts it. */
    seL4_UserContext regs;
    REQUIRE_OK(seL4_TCB_ReadRegisters(t->tcb, seL4_False, 0, SEL4_USERCONTEXT_WORDS, &regs));
    CHECK(regs.pc == pc, "ReadRegisters shows pc 0x%x, the fault says 0x%x", regs.pc, pc);
    regs.pc = pc + ARM_INSN;
    REQUIRE_OK(seL4_TCB_WriteRegisters(t->tcb, seL4_False, 0, SEL4_USERCONTEXT_WORDS, &regs));
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    CHECK(counter[0] == 1 && t->finished, "the thread went on after the reply");
}

static void fault_unknown_syscall_carries_the_registers_and_a_reply_sets_them(void)
{
    seL4_CPtr fep = fault_cap(seL4_AllRights);
    REQUIRE(fep, "setup");
    test_thread_t *t = faulting_thread(body_bogus_syscall, fep);
    REQUIRE(t, "thread");
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    CHECK(seL4_MessageInfo_get_label(info) == seL4_Fault_UnknownSyscall, "label %u",
          seL4_MessageInfo_get_label(info));
    CHECK(seL4_MessageInfo_get_length(info) == seL4_UnknownSyscall_Length, "length %u",
          seL4_MessageInfo_get_length(info));
    CHECK(seL4_GetMR(seL4_UnknownSyscall_Syscall) == (seL4_Word)BOGUS_SYSCALL, "syscall %d",
          (int)seL4_GetMR(seL4_UnknownSyscall_Syscall));
    CHECK(seL4_GetMR(seL4_UnknownSyscall_R0) == 7, "R0 %u", seL4_GetMR(seL4_UnknownSyscall_R0));
    /* Emulate the call: R0 = 1234, and resume after the svc. Every word of the reply
     * sets a register, so the handler sends back what it got for the others. */
    seL4_SetMR(seL4_UnknownSyscall_R0, 1234);
    seL4_SetMR(seL4_UnknownSyscall_FaultIP, seL4_GetMR(seL4_UnknownSyscall_FaultIP) + ARM_INSN);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, seL4_UnknownSyscall_CPSR + 1));
    CHECK(t->finished && seen == 1234, "the thread went on with r0 = %u", seen);
}

static void fault_unknown_syscall_answered_with_a_label_stays_stopped(void)
{
    seL4_CPtr fep = fault_cap(seL4_AllRights);
    REQUIRE(fep, "setup");
    test_thread_t *t = faulting_thread(body_bogus_syscall, fep);
    REQUIRE(t, "thread");
    seL4_Word badge = 0;
    seL4_Recv(ep, &badge);
    seL4_Reply(seL4_MessageInfo_new(1, 0, 0, 0));
    yield_n(4);
    CHECK(!t->finished, "a reply with label 1 restarted the thread");
}

static void fault_undefined_instruction_is_a_user_exception(void)
{
    seL4_CPtr fep = fault_cap(seL4_AllRights);
    REQUIRE(fep, "setup");
    test_thread_t *t = faulting_thread(body_undefined, fep);
    REQUIRE(t, "thread");
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    CHECK(seL4_MessageInfo_get_label(info) == seL4_Fault_UserException, "label %u",
          seL4_MessageInfo_get_label(info));
    CHECK(seL4_MessageInfo_get_length(info) == seL4_UserException_Length, "length %u",
          seL4_MessageInfo_get_length(info));
    seL4_Word pc = seL4_GetMR(seL4_UserException_FaultIP);
    CHECK(*(volatile seL4_Word *)pc == A32_UDF, "FaultIP 0x%x is not the udf", pc);
    /* Reply FaultIP, SP, CPSR: skip the instruction. */
    seL4_SetMR(seL4_UserException_FaultIP, pc + ARM_INSN);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, seL4_UserException_CPSR + 1));
    CHECK(t->finished, "the thread went on past the undefined instruction");
}

static void fault_cap_fault_describes_the_failed_lookup(void)
{
    seL4_CPtr fep = fault_cap(seL4_AllRights);
    REQUIRE(fep, "setup");
    test_thread_t *t = faulting_thread(body_bad_cptr, fep);
    REQUIRE(t, "thread");
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    CHECK(seL4_MessageInfo_get_label(info) == seL4_Fault_CapFault, "label %u",
          seL4_MessageInfo_get_label(info));
    CHECK(seL4_GetMR(seL4_CapFault_Addr) == 0xFFFFFFFFu, "Addr 0x%x", seL4_GetMR(seL4_CapFault_Addr));
    CHECK(seL4_GetMR(seL4_CapFault_InRecvPhase) == 0, "not in a receive");
    CHECK(seL4_GetMR(seL4_CapFault_LookupFailureType) == seL4_GuardMismatch, "lookup failure %u",
          seL4_GetMR(seL4_CapFault_LookupFailureType));
    CHECK(seL4_MessageInfo_get_length(info) == seL4_CapFault_GuardMismatch_BitsFound + 1,
          "length %u", seL4_MessageInfo_get_length(info));
    CHECK(seL4_GetMR(seL4_CapFault_GuardMismatch_BitsFound) == 32 - root_radix,
          "guard size %u", seL4_GetMR(seL4_CapFault_GuardMismatch_BitsFound));
    CHECK(!t->finished, "the thread waits for its handler");
}

static void fault_endpoint_without_grant_cannot_take_faults(void)
{
    seL4_CPtr fep = fault_cap(seL4_CapRights_new(0, 0, 1, 1));
    REQUIRE(fep, "setup");
    test_thread_t *t = faulting_thread(body_undefined, fep);
    REQUIRE(t, "thread");
    seL4_Word badge = 1;
    seL4_NBRecv(ep, &badge);
    CHECK(badge == 0, "a fault arrived through a cap without Grant (badge 0x%x)", badge);
    CHECK(!t->finished, "the faulting thread went on");
}

const test_case_t fault_tests[] = {
    TEST_CASE(fault_vm_fault_reaches_the_handler_and_a_reply_restarts),
    TEST_CASE(fault_unknown_syscall_carries_the_registers_and_a_reply_sets_them),
    TEST_CASE(fault_unknown_syscall_answered_with_a_label_stays_stopped),
    TEST_CASE(fault_undefined_instruction_is_a_user_exception),
    TEST_CASE(fault_cap_fault_describes_the_failed_lookup),
    TEST_CASE(fault_endpoint_without_grant_cannot_take_faults),
};
const unsigned fault_test_count = sizeof(fault_tests) / sizeof(fault_tests[0]);
