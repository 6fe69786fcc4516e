/*
 * sel4libs/src/simple.c - simple over a BootInfo (see simple/simple.h). The
 * program's own caps sit at seL4's fixed initial slots; the rest is read from the
 * BootInfo's regions.
 */
#include <stdio.h>

#include <simple-default/simple-default.h>

static seL4_BootInfo *bootinfo(simple_t *simple)
{
    return (seL4_BootInfo *)simple->data;
}

void simple_default_init_bootinfo(simple_t *simple, seL4_BootInfo *bi)
{
    simple->data = bi;
}

seL4_CPtr simple_get_cnode(simple_t *simple)
{
    (void)simple;
    return seL4_CapInitThreadCNode;
}

seL4_CPtr simple_get_pd(simple_t *simple)
{
    (void)simple;
    return seL4_CapInitThreadVSpace;
}

seL4_CPtr simple_get_tcb(simple_t *simple)
{
    (void)simple;
    return seL4_CapInitThreadTCB;
}

seL4_CPtr simple_get_init_cap(simple_t *simple, seL4_CPtr cap)
{
    (void)simple;
    return cap;
}

seL4_CPtr simple_get_irq_ctrl(simple_t *simple)
{
    (void)simple;
    return seL4_CapIRQControl;
}

seL4_Word simple_get_cnode_size_bits(simple_t *simple)
{
    return bootinfo(simple)->initThreadCNodeSizeBits;
}

int simple_get_core_count(simple_t *simple)
{
    return (int)bootinfo(simple)->numNodes;
}

int simple_get_untyped_count(simple_t *simple)
{
    const seL4_SlotRegion *r = &bootinfo(simple)->untyped;
    return (int)(r->end - r->start);
}

seL4_CPtr simple_get_nth_untyped(simple_t *simple, int n, size_t *size_bits, uintptr_t *paddr, bool *device)
{
    seL4_BootInfo *bi = bootinfo(simple);
    if (n < 0 || n >= simple_get_untyped_count(simple))
        return 0;
    const seL4_UntypedDesc *d = &bi->untypedList[n];
    if (size_bits)
        *size_bits = d->sizeBits;
    if (paddr)
        *paddr = d->paddr;
    if (device)
        *device = d->isDevice;
    return bi->untyped.start + (seL4_CPtr)n;
}

int simple_get_userimage_count(simple_t *simple)
{
    const seL4_SlotRegion *r = &bootinfo(simple)->userImageFrames;
    return (int)(r->end - r->start);
}

seL4_CPtr simple_get_nth_userimage(simple_t *simple, int n)
{
    if (n < 0 || n >= simple_get_userimage_count(simple))
        return 0;
    return bootinfo(simple)->userImageFrames.start + (seL4_CPtr)n;
}

static void print_region(const char *name, seL4_SlotRegion r)
{
    printf("%-17s[%" SEL4_PRIu_word " --> %" SEL4_PRIu_word ")\n", name, r.start, r.end);
}

void simple_print(simple_t *simple)
{
    seL4_BootInfo *bi = bootinfo(simple);
    printf("Node %" SEL4_PRIu_word " of %" SEL4_PRIu_word "\n", (seL4_Word)bi->nodeID, bi->numNodes);
    printf("IOPT levels:     %" SEL4_PRIu_word "\n", bi->numIOPTLevels);
    printf("IPC buffer:      %p\n", (void *)bi->ipcBuffer);
    print_region("Empty slots:", bi->empty);
    print_region("sharedFrames:", bi->sharedFrames);
    print_region("userImageFrames:", bi->userImageFrames);
    print_region("userImagePaging:", bi->userImagePaging);
    print_region("untypeds:", bi->untyped);
    printf("Initial thread domain: %" SEL4_PRIu_word "\n", (seL4_Word)bi->initThreadDomain);
    printf("Initial thread cnode size: %" SEL4_PRIu_word "\n", bi->initThreadCNodeSizeBits);
}
