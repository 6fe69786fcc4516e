/*
 * bench/ipc-paths - IPC operations repeated between markers, for tools/bench.sh to
 * count the kernel instructions (and stores) of each system call from numbat-sim's
 * `--trace ks` output (tools/ipc-paths.awk): Call and ReplyRecv between the root
 * and a higher-priority server thread, Send to it waiting, Signal and Wait on a
 * notification. A marker is seL4_DebugPutChar('<' phase letter).
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define REPS 200

static char server_stack[2048] __attribute__((aligned(16)));
static seL4_CPtr ep;

static void mark(char c)
{
    seL4_DebugPutChar(c);
}

/* Answers every Call with MR0 + 1 (after a plain Send the reply goes nowhere and
 * it just receives again). */
static void server(void)
{
    seL4_Word badge, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep, &badge, &m0, &m1, &m2, &m3);
    for (;;) {
        m0++;
        seL4_ReplyRecvWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &badge, &m0, &m1, &m2, &m3);
    }
}

static seL4_CPtr first_untyped(const seL4_BootInfo *bi)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++)
        if (!bi->untypedList[s - bi->untyped.start].isDevice &&
            bi->untypedList[s - bi->untyped.start].sizeBits >= 16)
            return s;
    return 0;
}

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr root = seL4_CapInitThreadCNode, slot = bi->empty.start;
    seL4_CPtr ut = first_untyped(bi);
    seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, root, 0, 0, slot, 1);
    seL4_Untyped_Retype(ut, seL4_NotificationObject, 0, root, 0, 0, slot + 1, 1);
    seL4_Untyped_Retype(ut, seL4_TCBObject, 0, root, 0, 0, slot + 2, 1);
    ep = slot;
    seL4_CPtr ntfn = slot + 1, tcb = slot + 2;
    seL4_TCB_Configure(tcb, 0, root, 0, seL4_CapInitThreadVSpace, 0, 0, seL4_CapNull);
    seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 255);
    seL4_UserContext regs;
    for (unsigned i = 0; i < sizeof(regs) / sizeof(seL4_Word); i++)
        ((seL4_Word *)&regs)[i] = 0;
    regs.pc = (seL4_Word)server;
    regs.sp = (seL4_Word)(server_stack + sizeof(server_stack));
    /* The server runs above the root: it waits in its Recv whenever the root runs. */
    seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 254);
    seL4_TCB_WriteRegisters(tcb, 1, 0, 2, &regs);

    seL4_Word m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    mark('a'); /* Call and ReplyRecv: one round trip each time */
    for (int i = 0; i < REPS; i++)
        seL4_CallWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    mark('A');

    mark('c'); /* Send to the waiting server (which receives again, nothing to reply) */
    for (int i = 0; i < REPS; i++)
        seL4_SendWithMRs(ep, seL4_MessageInfo_new(1, 0, 0, 1), &m0, &m1, &m2, &m3);
    mark('C');

    mark('b'); /* Signal with nobody waiting, then Wait that finds it pending */
    for (int i = 0; i < REPS; i++) {
        seL4_Signal(ntfn);
        seL4_Wait(ntfn, NULL);
    }
    mark('B');
    printf("\nipc-paths done (%u)\n", m0);
    return 0;
}
