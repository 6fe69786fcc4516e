/*
 * bench/kernel-paths - repeats kernel operations between markers so that
 * tools/bench.sh can read their cost from numbat-sim's system-call trace: each
 * phase starts with seL4_DebugPutChar('<' + phase) and ends with '>' ; the
 * instruction count between the two, divided by the repetitions, is the cost
 * of one operation including its user-level stub and loop.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define REPS 1000
#define CHAIN 100

static seL4_CPtr free_slot;
static char partner_stack[2048] __attribute__((aligned(16)));

/* The other half of the context-switch measurement: yields forever. */
static void partner(void)
{
    for (;;)
        seL4_Yield();
}
static seL4_CPtr ut;

static void mark(char c)
{
    seL4_DebugPutChar(c);
}

static void find_untyped(const seL4_BootInfo *bi)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++)
        if (bi->untypedList[s - bi->untyped.start].sizeBits >= 20) {
            ut = s;
            return;
        }
}

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr root = seL4_CapInitThreadCNode;
    free_slot = bi->empty.start;
    find_untyped(bi);
    seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, root, 0, 0, free_slot, 1);
    seL4_CPtr ep = free_slot++, copy = free_slot++;

    mark('a'); /* null system call: an unknown-label invocation would fault; use Yield */
    for (int i = 0; i < REPS; i++)
        seL4_Yield();
    mark('A');

    mark('b'); /* CNode_Copy then Delete, measured together and apart below */
    for (int i = 0; i < REPS; i++) {
        seL4_CNode_Copy(root, copy, seL4_WordBits, root, ep, seL4_WordBits, seL4_AllRights);
        seL4_CNode_Delete(root, copy, seL4_WordBits);
    }
    mark('B');

    mark('c'); /* delete alone: copy outside the window is not possible, so measure pairs twice */
    for (int i = 0; i < REPS; i++)
        seL4_CNode_Delete(root, copy, seL4_WordBits);
    mark('C');

    seL4_CPtr tcb_ut = free_slot++;
    seL4_Untyped_Retype(ut, seL4_UntypedObject, 16, root, 0, 0, tcb_ut, 1);
    mark('d'); /* Retype one TCB, then revoke the untyped for the next round */
    for (int i = 0; i < REPS / 10; i++) {
        seL4_Untyped_Retype(tcb_ut, seL4_TCBObject, 0, root, 0, 0, free_slot, 1);
        seL4_CNode_Revoke(root, tcb_ut, seL4_WordBits);
    }
    mark('D');

    /* A 100-cap derivation tree: a badged Mint, then copies of it. */
    seL4_CNode_Mint(root, free_slot, seL4_WordBits, root, ep, seL4_WordBits, seL4_AllRights, 5);
    seL4_CPtr top = free_slot++;
    mark('e');
    for (int round = 0; round < 10; round++) {
        for (int i = 0; i < CHAIN; i++)
            seL4_CNode_Copy(root, free_slot + i, seL4_WordBits, root, top, seL4_WordBits,
                            seL4_AllRights);
        mark('|');
        seL4_CNode_Revoke(root, top, seL4_WordBits);
        mark('/');
    }
    mark('E');

    /* Context switch: a second thread at the root's priority, both yielding. */
    seL4_CPtr tcb = free_slot + CHAIN;
    seL4_Untyped_Retype(ut, seL4_TCBObject, 0, root, 0, 0, tcb, 1);
    seL4_TCB_Configure(tcb, 0, root, 0, seL4_CapInitThreadVSpace, 0, 0, seL4_CapNull);
    seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 255);
    seL4_UserContext regs = {0};
    regs.pc = (seL4_Word)partner;
    regs.sp = (seL4_Word)(partner_stack + sizeof(partner_stack));
    seL4_TCB_WriteRegisters(tcb, 1, 0, 2, &regs);
    mark('f');
    for (int i = 0; i < REPS; i++)
        seL4_Yield();
    mark('F');
    seL4_TCB_Suspend(tcb);
    printf("\nbench done\n");
    return 0;
}
