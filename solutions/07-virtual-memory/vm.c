/*
 * solutions/07-virtual-memory/vm.c - lab 7's reference solution: the root task maps memory by hand, builds a
 * second address space (a page directory with an ASID), runs a thread in it, shares a
 * page with that thread through a copy of the page's frame cap, then unmaps the page
 * from the thread's side and receives the fault that follows. README.md walks through
 * the exercises; `make grade LAB=7` scores them.
 */
#include <stdio.h>

#include <numbat/alloc.h>

#define ROOT_SHARED 0x40000000u /* the shared page, in the root task's address space */
#define PEER_SHARED 0x50000000u /* the same page, in the peer's */
#define PEER_STACK 0x30000000u  /* the peer's stack page */
#define IMAGE_BASE 0x10000u     /* the first page of this program (runtime/user.ld) */
#define PEER_BADGE 1            /* the peer's messages come with this badge ... */
#define FAULT_BADGE 2           /* ... and its faults with this one */
#define MAGIC 0xC0DEu           /* the shared value is the page's physical address ^ MAGIC */

static nb_alloc_t alloc;

/*
 * The peer: runs in the second address space, where only its code page, its stack
 * page and (after exercise 3) the shared page are mapped. It must touch no global
 * variable and call no function: the root's data is not mapped there, and neither is
 * any code but this page's (hence aligned to a page of its own). It has no IPC buffer,
 * so it sends short messages in registers only (seL4_CallWithMRs).
 */
__attribute__((noinline, noclone, aligned(4096), used))
static void peer(volatile seL4_Word *shared, seL4_CPtr ep)
{
    seL4_Word seen = shared[0];
    shared[1] = seen + 1;
    seL4_Word m0 = seen, m1 = 0, m2 = 0, m3 = 0;
    seL4_CallWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    /* The root has answered. Read the shared page again: if it has been unmapped
     * meanwhile, this load faults and the kernel tells the fault endpoint. */
    m0 = shared[0];
    seL4_CallWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    for (;;)
        seL4_Yield();
}

/*
 * Maps `frame` at `vaddr` in page directory `pd` with `rights` and `attr`. Returns the
 * kernel's error.
 */
static seL4_Error map_page(seL4_CPtr pd, seL4_CPtr frame, seL4_Word vaddr, seL4_CapRights_t rights,
                           seL4_ARM_VMAttributes attr)
{
    seL4_Error e = seL4_ARM_Page_Map(frame, pd, vaddr, rights, attr);
    /* Exercise 1: no page table: make one, map it, try again. */
    if (e == seL4_FailedLookup) {
        printf("map_page: no page table for 0x%x, making one\n", (unsigned)vaddr);
        seL4_CPtr pt = nb_alloc_object(&alloc, seL4_ARM_PageTableObject, 0);
        if (!pt)
            return alloc.last_error;
        e = seL4_ARM_PageTable_Map(pt, pd, vaddr, seL4_ARM_Default_VMAttributes);
        if (e == seL4_NoError)
            e = seL4_ARM_Page_Map(frame, pd, vaddr, rights, attr);
    }
    return e;
}

int main(void)
{
    nb_alloc_init(&alloc, seL4_GetBootInfo());
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "root");

    /* Step 1: a page of the root's own, at ROOT_SHARED. */
    seL4_CPtr frame = nb_alloc_object(&alloc, seL4_ARM_SmallPageObject, 0);
    seL4_Error e = map_page(seL4_CapInitThreadVSpace, frame, ROOT_SHARED, seL4_ReadWrite,
                            seL4_ARM_Default_VMAttributes);
    if (e != seL4_NoError) {
        printf("root: mapping 0x%x failed with error %d\n", ROOT_SHARED, e);
        printf("lab7: done\n");
        return 0;
    }
    seL4_Word paddr = seL4_ARM_Page_GetAddress(frame).paddr;
    volatile seL4_Word *shared = (volatile seL4_Word *)ROOT_SHARED;
    shared[0] = paddr ^ MAGIC;
    printf("root: 0x%x maps physical 0x%x; wrote 0x%x\n", ROOT_SHARED, (unsigned)paddr,
           (unsigned)shared[0]);

    /* Step 2: the peer's address space. */
    seL4_CPtr pd = nb_alloc_object(&alloc, seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr code = seL4_GetBootInfo()->userImageFrames.start + (((seL4_Word)peer - IMAGE_BASE) >> 12);
    seL4_CPtr stack = nb_alloc_object(&alloc, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr code_copy = nb_alloc_slot(&alloc);
    seL4_CNode_Copy(seL4_CapInitThreadCNode, code_copy, seL4_WordBits, seL4_CapInitThreadCNode, code,
                    seL4_WordBits, seL4_AllRights);
    int ready = 0;
    /* Exercise 2: no ASID, no mappings; then assign one and map code and stack. */
    e = map_page(pd, stack, PEER_STACK, seL4_ReadWrite, seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever);
    printf("map into a new page directory: error %d\n", e);
    if (seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd) == seL4_NoError &&
        map_page(pd, code_copy, (seL4_Word)peer & ~0xFFFu, seL4_CanRead, seL4_ARM_Default_VMAttributes) ==
            seL4_NoError &&
        map_page(pd, stack, PEER_STACK, seL4_ReadWrite, seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever) ==
            seL4_NoError)
        ready = 1;
    if (!ready) {
        printf("root: no address space for the peer\n");
        printf("lab7: done\n");
        return 0;
    }

    /* The peer thread: this CSpace, the new address space, no IPC buffer; its faults
     * go to the endpoint it calls, with another badge. */
    seL4_CPtr ep = nb_alloc_object(&alloc, seL4_EndpointObject, 0), tcb = nb_alloc_object(&alloc, seL4_TCBObject, 0);
    seL4_CPtr peer_ep = nb_alloc_slot(&alloc), fault_ep = nb_alloc_slot(&alloc);
    seL4_CNode_Mint(seL4_CapInitThreadCNode, peer_ep, seL4_WordBits, seL4_CapInitThreadCNode, ep, seL4_WordBits,
                    seL4_AllRights, PEER_BADGE);
    seL4_CNode_Mint(seL4_CapInitThreadCNode, fault_ep, seL4_WordBits, seL4_CapInitThreadCNode, ep, seL4_WordBits,
                    seL4_AllRights, FAULT_BADGE);
    seL4_TCB_Configure(tcb, fault_ep, seL4_CapInitThreadCNode, 0, pd, 0, 0, seL4_CapNull);
    seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 100);
    seL4_DebugNameThread(tcb, "peer");
    /* Step 3: share the page. */
    seL4_CPtr frame_copy = nb_alloc_slot(&alloc);
    /* Exercise 3: a second cap to the same frame, mapped in the peer's space. */
    seL4_CNode_Copy(seL4_CapInitThreadCNode, frame_copy, seL4_WordBits, seL4_CapInitThreadCNode, frame,
                    seL4_WordBits, seL4_AllRights);
    map_page(pd, frame_copy, PEER_SHARED, seL4_ReadWrite, seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever);

    printf("root: the peer runs with code at 0x%x (read-only), its stack at 0x%x, the shared page at 0x%x\n",
           (unsigned)((seL4_Word)peer & ~0xFFFu), PEER_STACK, PEER_SHARED);
    seL4_UserContext regs = {0};
    regs.pc = (seL4_Word)peer;
    regs.sp = PEER_STACK + 4096;
    regs.r0 = PEER_SHARED;
    regs.r1 = peer_ep;
    seL4_TCB_WriteRegisters(tcb, 1, 0, sizeof(regs) / sizeof(seL4_Word), &regs);

    for (int round = 1;; round++) {
        seL4_Word badge = 0;
        seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
        if (badge == FAULT_BADGE && seL4_MessageInfo_get_label(info) == seL4_Fault_VMFault) {
            printf("root: the peer faulted at 0x%x (pc 0x%x)\n", (unsigned)seL4_GetMR(seL4_VMFault_Addr),
                   (unsigned)seL4_GetMR(seL4_VMFault_IP));
            break;
        }
        if (badge != PEER_BADGE) {
            printf("root: unexpected message, badge %u label %u\n", (unsigned)badge,
                   (unsigned)seL4_MessageInfo_get_label(info));
            break;
        }
        if (round == 1) {
            printf("root: the peer read 0x%x at 0x%x and wrote 0x%x\n", (unsigned)seL4_GetMR(0), PEER_SHARED,
                   (unsigned)shared[1]);
            /* Exercise 4: unmap the peer's view of the page. */
            if (seL4_ARM_Page_Unmap(frame_copy) == seL4_NoError)
                printf("root: unmapped 0x%x from the peer\n", PEER_SHARED);
        } else {
            printf("root: the peer read 0x%x again: the page is still mapped\n", (unsigned)seL4_GetMR(0));
            break;
        }
        seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    }
    printf("root: 0x%x still holds 0x%x\n", ROOT_SHARED, (unsigned)shared[0]);
    seL4_TCB_Suspend(tcb);
    printf("lab7: done\n");
    return 0;
}
