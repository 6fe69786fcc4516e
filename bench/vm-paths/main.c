/*
 * bench/vm-paths - address-space operations repeated between markers, for
 * tools/bench.sh to count kernel instructions per call from numbat-sim's `--trace ks`
 * output (tools/ipc-paths.awk): PageTable_Map (phase p) and Unmap (q), Page_Map (m)
 * and Unmap (u), and 200 VM faults through the user-level pager of
 * bench/vm-pager (phase f, counted whole: fault, pager, unmap, map, reply).
 * A marker is seL4_DebugPutChar(phase letter), upper case to end a phase.
 */
#include "../vm-pager/pager.h"

#define REPS 200
#define SPOT 0x60000000u

static void mark(char c)
{
    seL4_DebugPutChar(c);
}

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr root = seL4_CapInitThreadCNode, slot = bi->empty.start, tcb;
    seL4_CPtr ut = pager_untyped(bi), vspace = seL4_CapInitThreadVSpace;
    seL4_CPtr pt = slot++, frame = slot++;
    seL4_Untyped_Retype(ut, seL4_ARM_PageTableObject, 0, root, 0, 0, pt, 1);
    seL4_Untyped_Retype(ut, seL4_ARM_SmallPageObject, 0, root, 0, 0, frame, 1);
    for (int i = 0; i < REPS; i++) {
        mark('p');
        seL4_ARM_PageTable_Map(pt, vspace, SPOT, seL4_ARM_Default_VMAttributes);
        mark('q');
        seL4_ARM_PageTable_Unmap(pt);
        mark('Q');
    }
    seL4_ARM_PageTable_Map(pt, vspace, SPOT, seL4_ARM_Default_VMAttributes);
    for (int i = 0; i < REPS; i++) {
        mark('m');
        seL4_ARM_Page_Map(frame, vspace, SPOT, seL4_ReadWrite, seL4_ARM_Default_VMAttributes);
        mark('u');
        seL4_ARM_Page_Unmap(frame);
        mark('U');
    }
    seL4_CPtr ep = pager_setup(ut, &slot, &tcb);
    mark('f');
    unsigned wrong = pager_serve(ep, REPS);
    mark('F');
    seL4_TCB_Suspend(tcb);
    printf("\nvm-paths done (%u wrong)\n", wrong);
    return wrong != 0;
}
