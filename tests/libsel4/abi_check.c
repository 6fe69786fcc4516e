/*
 * tests/libsel4/abi_check.c — one tiny function per syscall wrapper or stub,
 * called with constant arguments so that -O2 leaves plain immediate loads in
 * front of each `svc #0`. check_abi.py compiles this to assembly and verifies
 * r0-r5 and r7 at the trap against the register ABI of spec §3.2.
 * Partners: check_abi.py (expected register values), syscalls.h, invocations.h.
 */
#include <sel4/sel4.h>

void abi_send(void);
void abi_send(void)
{
    seL4_Word a = 1, b = 2, c = 3, d = 4;
    seL4_SendWithMRs(5, seL4_MessageInfo_new(0x42, 0, 0, 4), &a, &b, &c, &d);
}

void abi_nbsend(void);
void abi_nbsend(void)
{
    seL4_Word a = 1, b = 2, c = 3, d = 4;
    seL4_NBSendWithMRs(5, seL4_MessageInfo_new(0x42, 0, 0, 3), &a, &b, &c, &d);
}

seL4_Word abi_call(void);
seL4_Word abi_call(void)
{
    seL4_Word a = 10, b = 20;
    seL4_MessageInfo_t r = seL4_CallWithMRs(6, seL4_MessageInfo_new(1, 0, 0, 2), &a, &b, seL4_Null, seL4_Null);
    return r.words[0] + a + b;
}

void abi_reply(void);
void abi_reply(void)
{
    seL4_Word a = 7;
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0, 0, 0, 1), &a, seL4_Null, seL4_Null, seL4_Null);
}

seL4_Word abi_replyrecv(void);
seL4_Word abi_replyrecv(void)
{
    seL4_Word a = 7, badge;
    seL4_MessageInfo_t r = seL4_ReplyRecvWithMRs(9, seL4_MessageInfo_new(0, 0, 0, 1), &badge, &a, seL4_Null,
                                                 seL4_Null, seL4_Null);
    return r.words[0] + badge + a;
}

seL4_Word abi_recv(void);
seL4_Word abi_recv(void)
{
    seL4_Word badge, a;
    seL4_MessageInfo_t r = seL4_RecvWithMRs(4, &badge, &a, seL4_Null, seL4_Null, seL4_Null);
    return r.words[0] + badge + a;
}

seL4_Word abi_nbrecv(void);
seL4_Word abi_nbrecv(void)
{
    seL4_Word badge;
    return seL4_NBRecv(4, &badge).words[0] + badge;
}

void abi_yield(void);
void abi_yield(void)
{
    seL4_Yield();
}

void abi_signal(void);
void abi_signal(void)
{
    seL4_Signal(0x12);
}

void abi_putchar(void);
void abi_putchar(void)
{
    seL4_DebugPutChar('A');
}

void abi_dump(void);
void abi_dump(void)
{
    seL4_DebugDumpScheduler();
}

void abi_halt(void);
void abi_halt(void)
{
    seL4_DebugHalt();
}

seL4_Uint32 abi_identify(void);
seL4_Uint32 abi_identify(void)
{
    return seL4_DebugCapIdentify(3);
}

void abi_snapshot(void);
void abi_snapshot(void)
{
    seL4_DebugSnapshot();
}

void abi_namethread(void);
void abi_namethread(void)
{
    seL4_DebugNameThread(1, "x");
}

seL4_Error abi_mint(void);
seL4_Error abi_mint(void)
{
    return seL4_CNode_Mint(2, 100, 12, 2, 5, 12, seL4_AllRights, 0x1234);
}

seL4_Error abi_copyregs(void);
seL4_Error abi_copyregs(void)
{
    return seL4_TCB_CopyRegisters(1, 7, seL4_True, seL4_False, seL4_True, seL4_True, 0xAB);
}

seL4_Error abi_readregs(seL4_UserContext *regs);
seL4_Error abi_readregs(seL4_UserContext *regs)
{
    return seL4_TCB_ReadRegisters(3, seL4_True, 0xA5, 19, regs);
}

seL4_Error abi_retype(void);
seL4_Error abi_retype(void)
{
    return seL4_Untyped_Retype(20, seL4_EndpointObject, 4, 2, 0x30, 12, 100, 5);
}
