/*
 * tests/system/vspace - two address spaces for the visualizer's VSpace tab. The root
 * task maps into its own space, through a page table at 0x40000000: a page read-write
 * and then remapped read-only, a second cap to that frame read-only, a kernel-only page,
 * a page mapped and unmapped again, a 64 KiB page; and a 1 MiB section and a 16 MiB
 * supersection. A second thread in the root's space writes to the read-only page and
 * faults. Then the root builds a space for a child thread (its code: copies of the
 * root's image frame caps; its stack: a fresh page), which faults at 0x50000000; the
 * root takes each fault message, and at last maps one more page into the child's space.
 * Partners: tests/system/test_vis_vspace.c, docs/address-space-view.md.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>
#include <stdbool.h>

#define TABLE_VA 0x40000000u
#define SECTION_VA 0x40100000u
#define SUPERSECTION_VA 0x41000000u
#define CHILD_STACK_VA 0x30000000u
#define CHILD_FAULT_VA 0x50000000u
#define IMAGE_VA 0x10000u
#define PAGE 4096u
#define XN (seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever)

static seL4_CPtr next_slot;
static int failures;
/* In .data: the image's pages below its page are code and read-only data. */
static volatile int data_marker = 1;

static void check(seL4_Error e, const char *what)
{
    if (e != seL4_NoError) {
        printf("%s: error %d\n", what, (int)e);
        failures++;
    }
}

/* A non-device untyped of at least 2^bits bytes, other than `not`. */
static seL4_CPtr untyped(const seL4_BootInfo *bi, unsigned bits, seL4_CPtr not)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++) {
        const seL4_UntypedDesc *d = &bi->untypedList[s - bi->untyped.start];
        if (!d->isDevice && d->sizeBits >= bits && s != not)
            return s;
    }
    printf("no untyped of 2^%u bytes\n", bits);
    exit(2);
}

static seL4_CPtr make(seL4_CPtr ut, seL4_Word type, seL4_Word size_bits)
{
    seL4_CPtr slot = next_slot++;
    check(seL4_Untyped_Retype(ut, type, size_bits, seL4_CapInitThreadCNode, 0, 0, slot, 1),
          "retype");
    return slot;
}

static seL4_CPtr copy(seL4_CPtr from)
{
    seL4_CPtr slot = next_slot++;
    check(seL4_CNode_Copy(seL4_CapInitThreadCNode, slot, seL4_WordBits, seL4_CapInitThreadCNode,
                          from, seL4_WordBits, seL4_AllRights),
          "copy");
    return slot;
}

/* The root's own space: every kind of mapping, a remap and an unmap. */
static void map_own(seL4_CPtr ut, seL4_CPtr big)
{
    seL4_CPtr vs = seL4_CapInitThreadVSpace;
    check(seL4_ARM_PageTable_Map(make(ut, seL4_ARM_PageTableObject, 0), vs, TABLE_VA,
                                 seL4_ARM_Default_VMAttributes),
          "page table");
    seL4_CPtr page = make(ut, seL4_ARM_SmallPageObject, 0);
    check(seL4_ARM_Page_Map(page, vs, TABLE_VA, seL4_ReadWrite, XN), "page");
    *(volatile seL4_Word *)TABLE_VA = 42;
    seL4_CPtr alias = copy(page);
    check(seL4_ARM_Page_Map(alias, vs, TABLE_VA + PAGE, seL4_CanRead, XN), "alias");
    printf("the alias reads %u\n", (unsigned)*(volatile seL4_Word *)(TABLE_VA + PAGE));
    check(seL4_ARM_Page_Map(page, vs, TABLE_VA, seL4_CanRead, XN), "remap read-only");
    check(seL4_ARM_Page_Map(make(ut, seL4_ARM_SmallPageObject, 0), vs, TABLE_VA + 2 * PAGE,
                            seL4_NoRights, XN),
          "kernel-only page");
    seL4_CPtr gone = make(ut, seL4_ARM_SmallPageObject, 0);
    check(seL4_ARM_Page_Map(gone, vs, TABLE_VA + 3 * PAGE, seL4_ReadWrite, XN), "page to unmap");
    check(seL4_ARM_Page_Unmap(gone), "unmap");
    check(seL4_ARM_Page_Map(make(ut, seL4_ARM_LargePageObject, 0), vs, TABLE_VA + 16 * PAGE,
                            seL4_ReadWrite, seL4_ARM_Default_VMAttributes),
          "64 KiB page");
    check(seL4_ARM_Page_Map(make(ut, seL4_ARM_SectionObject, 0), vs, SECTION_VA, seL4_ReadWrite,
                            XN),
          "section");
    *(volatile seL4_Word *)SECTION_VA = 1;
    check(seL4_ARM_Page_Map(make(big, seL4_ARM_SuperSectionObject, 0), vs, SUPERSECTION_VA,
                            seL4_CanRead, seL4_ARM_Default_VMAttributes),
          "supersection");
}

/* A thread of the root's space: writes to the page mapped read-only. */
static char writer_stack[1024] __attribute__((aligned(16)));
static void writer(void)
{
    *(volatile seL4_Word *)TABLE_VA = 7;
    for (;;)
        ;
}

/* The child runs the root's code in its own space and writes where nothing is mapped. */
static void child(void)
{
    *(volatile seL4_Word *)CHILD_FAULT_VA = 1;
    for (;;)
        ;
}

/* A page directory with an ASID, the root's image (copies of its frame caps, code
 * read-only) and a stack page. */
static seL4_CPtr child_space(const seL4_BootInfo *bi, seL4_CPtr ut)
{
    seL4_CPtr pd = make(ut, seL4_ARM_PageDirectoryObject, 0);
    check(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd), "assign");
    check(seL4_ARM_PageTable_Map(make(ut, seL4_ARM_PageTableObject, 0), pd, 0,
                                 seL4_ARM_Default_VMAttributes),
          "child's image table");
    seL4_Word data = (seL4_Word)&data_marker & ~(seL4_Word)(PAGE - 1);
    for (seL4_CPtr f = bi->userImageFrames.start; f < bi->userImageFrames.end; f++) {
        seL4_Word va = IMAGE_VA + (f - bi->userImageFrames.start) * PAGE;
        check(seL4_ARM_Page_Map(copy(f), pd, va, va < data ? seL4_CanRead : seL4_ReadWrite,
                                va < data ? seL4_ARM_Default_VMAttributes : XN),
              "child's image");
    }
    check(seL4_ARM_PageTable_Map(make(ut, seL4_ARM_PageTableObject, 0), pd, CHILD_STACK_VA,
                                 seL4_ARM_Default_VMAttributes),
          "child's stack table");
    check(seL4_ARM_Page_Map(make(ut, seL4_ARM_SmallPageObject, 0), pd, CHILD_STACK_VA,
                            seL4_ReadWrite, XN),
          "child's stack");
    return pd;
}

/* Starts a thread at pc on sp in space vspace, above the root's priority, with faults
 * going to fault_ep; it runs at once. */
static void start(seL4_CPtr ut, seL4_CPtr fault_ep, seL4_CPtr vspace, const char *name,
                  void (*pc)(void), seL4_Word sp)
{
    seL4_CPtr tcb = make(ut, seL4_TCBObject, 0);
    check(seL4_TCB_Configure(tcb, fault_ep, seL4_CapInitThreadCNode, 0, vspace, 0, 0,
                             seL4_CapNull),
          "configure");
    seL4_DebugNameThread(tcb, name);
    check(seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 255), "priority");
    seL4_UserContext regs;
    for (unsigned i = 0; i < sizeof(regs) / sizeof(seL4_Word); i++)
        ((seL4_Word *)&regs)[i] = 0;
    regs.pc = (seL4_Word)pc;
    regs.sp = sp;
    check(seL4_TCB_WriteRegisters(tcb, 1, 0, 2, &regs), "start");
}

/* Takes a thread's VM fault message; true when it is one at `expected`. */
static bool vm_fault_at(seL4_CPtr fault_ep, const char *who, seL4_Word expected)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(fault_ep, &badge);
    seL4_Word address = seL4_GetMR(seL4_VMFault_Addr);
    printf("%s: VM fault at 0x%08x\n", who, (unsigned)address);
    return seL4_MessageInfo_get_label(info) == seL4_Fault_VMFault && address == expected;
}

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    next_slot = bi->empty.start;
    seL4_CPtr big = untyped(bi, 24, 0), ut = untyped(bi, 23, big);
    map_own(ut, big);

    seL4_CPtr fault_ep = make(ut, seL4_EndpointObject, 0);
    check(seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 254), "priority");
    start(ut, fault_ep, seL4_CapInitThreadVSpace, "writer", writer,
          (seL4_Word)(writer_stack + sizeof(writer_stack)));
    failures += !vm_fault_at(fault_ep, "writer", TABLE_VA);

    seL4_CPtr pd = child_space(bi, ut);
    start(ut, fault_ep, pd, "child", child, CHILD_STACK_VA + PAGE);
    failures += !vm_fault_at(fault_ep, "child", CHILD_FAULT_VA);
    /* The last cap made: a screenshot at the end selects it and shows the child's space. */
    check(seL4_ARM_Page_Map(make(ut, seL4_ARM_SmallPageObject, 0), pd, CHILD_STACK_VA + PAGE,
                            seL4_ReadWrite, XN),
          "one more page for the child");
    printf("%s\n", failures ? "failed" : "done");
    return failures;
}
