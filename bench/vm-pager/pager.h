/*
 * bench/vm-pager/pager.h - a user-level pager and the thread it serves, shared by
 * bench/vm-pager (timed on both boards) and bench/vm-paths (instructions counted).
 * The thread walks 2 * WINDOW pages of an unmapped region over and over, writing one
 * word to each; the pager (the root task) answers each VM fault by unmapping the
 * oldest of its WINDOW frames and mapping it at the faulting page, so every write
 * faults and memory stays constant however many rounds run.
 */
#ifndef BENCH_PAGER_H
#define BENCH_PAGER_H

#include <numbat/runtime.h>
#include <sel4/sel4.h>

#define WINDOW 16
#define REGION 0x50000000u

static char toucher_stack[2048] __attribute__((aligned(16)));
static seL4_CPtr pager_frames[WINDOW];

static void toucher(void)
{
    for (unsigned i = 0;; i++)
        *(volatile seL4_Word *)(REGION + (i % (2 * WINDOW)) * 4096u) = i;
}

static seL4_CPtr pager_untyped(const seL4_BootInfo *bi)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++)
        if (!bi->untypedList[s - bi->untyped.start].isDevice &&
            bi->untypedList[s - bi->untyped.start].sizeBits >= 20)
            return s;
    return 0;
}

/*
 * Makes the frames, a page table for REGION, a fault endpoint and the toucher
 * thread (started, one priority below the root); returns the endpoint. Uses slots
 * from *slot on. *tcb is the thread.
 */
static seL4_CPtr pager_setup(seL4_CPtr ut, seL4_CPtr *slot, seL4_CPtr *tcb)
{
    seL4_CPtr root = seL4_CapInitThreadCNode, ep = (*slot)++, pt = (*slot)++;
    *tcb = (*slot)++;
    seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, root, 0, 0, ep, 1);
    seL4_Untyped_Retype(ut, seL4_TCBObject, 0, root, 0, 0, *tcb, 1);
    seL4_Untyped_Retype(ut, seL4_ARM_PageTableObject, 0, root, 0, 0, pt, 1);
    seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, REGION, seL4_ARM_Default_VMAttributes);
    for (int i = 0; i < WINDOW; i++) {
        pager_frames[i] = (*slot)++;
        seL4_Untyped_Retype(ut, seL4_ARM_SmallPageObject, 0, root, 0, 0, pager_frames[i], 1);
    }
    seL4_TCB_Configure(*tcb, ep, root, 0, seL4_CapInitThreadVSpace, 0, 0, seL4_CapNull);
    seL4_TCB_SetPriority(*tcb, seL4_CapInitThreadTCB, 253);
    seL4_UserContext regs = {0};
    regs.pc = (seL4_Word)toucher;
    regs.sp = (seL4_Word)(toucher_stack + sizeof(toucher_stack));
    seL4_TCB_WriteRegisters(*tcb, 1, 0, 2, &regs);
    return ep;
}

/* Serves `faults` VM faults (the first already received in `info`). */
static unsigned pager_serve(seL4_CPtr ep, unsigned faults)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    unsigned wrong = 0;
    for (unsigned n = 0; n < faults; n++) {
        if (seL4_MessageInfo_get_label(info) != seL4_Fault_VMFault)
            wrong++;
        seL4_Word page = seL4_GetMR(seL4_VMFault_Addr) & ~0xFFFu;
        seL4_CPtr frame = pager_frames[n % WINDOW];
        seL4_ARM_Page_Unmap(frame);
        if (seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, page, seL4_ReadWrite,
                              seL4_ARM_Default_VMAttributes) != seL4_NoError)
            wrong++;
        if (n + 1 < faults)
            info = seL4_ReplyRecv(ep, seL4_MessageInfo_new(0, 0, 0, 0), &badge);
    }
    return wrong;
}

#endif
