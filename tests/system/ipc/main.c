/*
 * tests/system/ipc - a client and a server: the root task Calls a server thread three
 * times through a badged endpoint cap (the server answers with ReplyRecv, the last
 * time with Reply), then signals a notification the server waits on. The recorded
 * trace of this run is what tests/system/test_trace.c checks the IPC events against,
 * on numbat-sim and on QEMU's UART stream.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define CALLS 3
#define BADGE 7
#define SIGNAL_BADGE 0x10

static char server_stack[2048] __attribute__((aligned(16)));
static seL4_CPtr ep, ntfn;
static volatile seL4_Word signalled;

/* Answers each call with MR0 * 10, then waits for the notification. */
static void server(void)
{
    seL4_Word badge, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep, &badge, &m0, &m1, &m2, &m3);
    for (int i = 1; i < CALLS; i++) {
        m0 *= 10;
        seL4_ReplyRecvWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &badge, &m0, &m1, &m2, &m3);
    }
    m0 *= 10;
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    seL4_Wait(ntfn, &badge);
    signalled = badge;
    for (;;) /* nothing more will come: the root task ends the run */
        seL4_Wait(ntfn, &badge);
}

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr root = seL4_CapInitThreadCNode, slot = bi->empty.start, ut = 0;
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end && !ut; s++)
        if (!bi->untypedList[s - bi->untyped.start].isDevice &&
            bi->untypedList[s - bi->untyped.start].sizeBits >= 16)
            ut = s;
    seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, root, 0, 0, slot, 1);
    seL4_Untyped_Retype(ut, seL4_NotificationObject, 0, root, 0, 0, slot + 1, 1);
    seL4_Untyped_Retype(ut, seL4_TCBObject, 0, root, 0, 0, slot + 2, 1);
    ep = slot;
    ntfn = slot + 1;
    seL4_CPtr tcb = slot + 2, badged = slot + 3;
    seL4_CNode_Mint(root, badged, seL4_WordBits, root, ep, seL4_WordBits, seL4_AllRights, BADGE);
    seL4_TCB_Configure(tcb, 0, root, 0, seL4_CapInitThreadVSpace, 0, 0, seL4_CapNull);
    seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 255);
    seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 254);
    seL4_DebugNameThread(tcb, "server");
    seL4_UserContext regs;
    for (unsigned i = 0; i < sizeof(regs) / sizeof(seL4_Word); i++)
        ((seL4_Word *)&regs)[i] = 0;
    regs.pc = (seL4_Word)server;
    regs.sp = (seL4_Word)(server_stack + sizeof(server_stack));
    seL4_TCB_WriteRegisters(tcb, 1, 0, 2, &regs);

    for (seL4_Word i = 1; i <= CALLS; i++) {
        seL4_Word m0 = i, m1 = 0, m2 = 0, m3 = 0;
        seL4_CallWithMRs(badged, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
        printf("call %u: reply %u\n", i, m0);
    }
    seL4_CPtr sig = slot + 4;
    seL4_CNode_Mint(root, sig, seL4_WordBits, root, ntfn, seL4_WordBits, seL4_AllRights, SIGNAL_BADGE);
    seL4_Signal(sig);
    printf("server saw signal 0x%x\n", signalled);
    return signalled == SIGNAL_BADGE ? 0 : 1;
}
