/* tests/system/caps - a short tour of the capability system as a lab would take
 * it: retype an endpoint from untyped memory, copy and badge it, identify the
 * caps, revoke, and start a second thread. Prints what it sees; the system test
 * compares that with the expected text (and QEMU's run with numbat-sim's). */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

static volatile int child_ran;
static char child_stack[4096] __attribute__((aligned(16)));

static seL4_CPtr tcb_slot;

/* The second thread: says it ran, then stops itself. */
static void child_entry(void)
{
    child_ran = 1;
    seL4_TCB_Suspend(tcb_slot);
}

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr ut = 0;
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++)
        if (!bi->untypedList[s - bi->untyped.start].isDevice &&
            bi->untypedList[s - bi->untyped.start].sizeBits >= 16) {
            ut = s;
            break;
        }
    seL4_CPtr free = bi->empty.start;
    printf("untyped caps: %u, empty slots from %u\n", (unsigned)(bi->untyped.end - bi->untyped.start),
           (unsigned)free);
    int err = seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, 0, 0, free, 1);
    printf("retype endpoint: %d, identify: %u\n", err, (unsigned)seL4_DebugCapIdentify(free));
    err = seL4_CNode_Mint(seL4_CapInitThreadCNode, free + 1, seL4_WordBits, seL4_CapInitThreadCNode,
                          free, seL4_WordBits, seL4_AllRights, 42);
    printf("mint badge 42: %d, identify: %u\n", err, (unsigned)seL4_DebugCapIdentify(free + 1));
    err = seL4_CNode_Mint(seL4_CapInitThreadCNode, free + 2, seL4_WordBits, seL4_CapInitThreadCNode,
                          free + 1, seL4_WordBits, seL4_AllRights, 7);
    printf("re-mint a badged cap: %d (IllegalOperation is %d)\n", err, seL4_IllegalOperation);
    err = seL4_CNode_Copy(seL4_CapInitThreadCNode, free + 1, seL4_WordBits, seL4_CapInitThreadCNode,
                          free, seL4_WordBits, seL4_AllRights);
    printf("copy into an occupied slot: %d (DeleteFirst is %d)\n", err, seL4_DeleteFirst);
    err = seL4_CNode_Revoke(seL4_CapInitThreadCNode, free, seL4_WordBits);
    printf("revoke: %d, minted cap now: %u\n", err, (unsigned)seL4_DebugCapIdentify(free + 1));
    err = seL4_CNode_Revoke(seL4_CapInitThreadCNode, ut, seL4_WordBits);
    printf("revoke untyped: %d, endpoint now: %u\n", err, (unsigned)seL4_DebugCapIdentify(free));

    tcb_slot = free + 3;
    err = seL4_Untyped_Retype(ut, seL4_TCBObject, 0, seL4_CapInitThreadCNode, 0, 0, tcb_slot, 1);
    printf("retype TCB: %d, identify: %u\n", err, (unsigned)seL4_DebugCapIdentify(tcb_slot));
    err = seL4_TCB_Configure(tcb_slot, 0, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0,
                             0, seL4_CapNull);
    printf("configure: %d\n", err);
    err = seL4_TCB_SetPriority(tcb_slot, seL4_CapInitThreadTCB, 254);
    printf("priority 254: %d\n", err);
    seL4_UserContext regs = {0};
    regs.pc = (seL4_Word)child_entry;
    regs.sp = (seL4_Word)(child_stack + sizeof(child_stack));
    err = seL4_TCB_WriteRegisters(tcb_slot, 0, 0, 2, &regs);
    printf("write registers: %d, child ran before resume: %d\n", err, child_ran);
    err = seL4_TCB_Resume(tcb_slot);
    /* The root has priority 255: the child runs only when the root lets it. */
    printf("resume: %d, child ran: %d\n", err, child_ran);
    seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 100);
    printf("after lowering my priority, child ran: %d\n", child_ran);
    return 0;
}
