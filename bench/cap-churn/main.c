/*
 * bench/cap-churn - a trace-heavy program for the visualizer benchmark: it copies
 * an endpoint cap into 64 slots and deletes the copies, over and over, so the
 * trace has well over 100,000 capability and kernel entry/exit events.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define ROUNDS 400
#define SLOTS 64

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr root = seL4_CapInitThreadCNode, free_slot = bi->empty.start, ut = 0;
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end && !ut; s++)
        if (!bi->untypedList[s - bi->untyped.start].isDevice)
            ut = s;
    seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, root, 0, 0, free_slot, 1);
    seL4_CPtr ep = free_slot++;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < SLOTS; i++)
            seL4_CNode_Copy(root, free_slot + i, seL4_WordBits, root, ep, seL4_WordBits,
                            seL4_AllRights);
        seL4_CNode_Revoke(root, ep, seL4_WordBits);
    }
    printf("%d rounds of %d copies\n", ROUNDS, SLOTS);
    return 0;
}
