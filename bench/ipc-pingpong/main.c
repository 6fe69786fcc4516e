/*
 * bench/ipc-pingpong - 100,000 Call/ReplyRecv round trips between the root and a
 * server thread, then exit. tools/bench.sh times it in numbat-sim and in QEMU (the
 * same program, built for each board) and reports round trips per second.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define ROUNDS 100000

static char server_stack[2048] __attribute__((aligned(16)));
static seL4_CPtr ep;

static void server(void)
{
    seL4_Word badge, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_RecvWithMRs(ep, &badge, &m0, &m1, &m2, &m3);
    for (;;) {
        m0++;
        seL4_ReplyRecvWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &badge, &m0, &m1, &m2, &m3);
    }
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
    seL4_Untyped_Retype(ut, seL4_TCBObject, 0, root, 0, 0, slot + 1, 1);
    ep = slot;
    seL4_TCB_Configure(slot + 1, 0, root, 0, seL4_CapInitThreadVSpace, 0, 0, seL4_CapNull);
    seL4_TCB_SetPriority(slot + 1, seL4_CapInitThreadTCB, 255);
    seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 254);
    seL4_UserContext regs;
    for (unsigned i = 0; i < sizeof(regs) / sizeof(seL4_Word); i++)
        ((seL4_Word *)&regs)[i] = 0;
    regs.pc = (seL4_Word)server;
    regs.sp = (seL4_Word)(server_stack + sizeof(server_stack));
    seL4_TCB_WriteRegisters(slot + 1, 1, 0, 2, &regs);

    seL4_Word m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    for (int i = 0; i < ROUNDS; i++)
        seL4_CallWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    printf("ipc-pingpong: %u round trips\n", m0);
    return m0 == ROUNDS ? 0 : 1;
}
