/*
 * libnumbat/src/process.c - processes from the image's programs (see
 * numbat/process.h). The programs are a cpio archive the build links into the root
 * task (mk/image.mk: __numbat_programs_start/end); each is an ARM ELF32 executable
 * linked like the root task, so it is laid out the way the kernel lays out the root
 * task: its segments page by page, then the IPC buffer page, then the BootInfo page
 * (which also holds its arguments). Every page is a new frame, filled through one
 * scratch page of the parent's address space, then mapped into the process's.
 */
#include <numbat/process.h>

#include <string.h>

#include "../../lib/cpio.h"
#include "../../lib/elf32.h"

#define PAGE (1u << seL4_PageBits)
#define ARGS_AT 2048u /* where the arguments start in the BootInfo page */
_Static_assert(sizeof(seL4_BootInfo) <= ARGS_AT, "BootInfo leaves room for the arguments");

/* Present when the app has programs; weak, so an app without them links too. */
extern const uint8_t __numbat_programs_start[] __attribute__((weak));
extern const uint8_t __numbat_programs_end[] __attribute__((weak));

const void *nb_program_find(const char *name, size_t *size)
{
    if (!__numbat_programs_start)
        return NULL;
    size_t total = (size_t)(__numbat_programs_end - __numbat_programs_start), len = strlen(name);
    cpio_file_t f;
    for (unsigned i = 0; cpio_file(__numbat_programs_start, total, i, &f); i++)
        if (f.name_len == len && memcmp(f.name, name, len) == 0) {
            *size = f.size;
            return f.data;
        }
    return NULL;
}

/* One new frame, filled through the parent's scratch page: `len` bytes of `src` at
 * `offset` (the rest stays zero, as a new frame is), then mapped at va in the process. */
typedef struct loader {
    nb_process_t *p;
    nb_vspace_t *parent;
    seL4_Word scratch; /* a reserved page of the parent's address space */
} loader_t;

static seL4_Error new_page(loader_t *l, seL4_Word va, const void *src, size_t offset, size_t len,
                           seL4_CapRights_t rights, seL4_ARM_VMAttributes attr, seL4_CPtr *frame_out)
{
    seL4_CPtr frame = nb_alloc_object(l->parent->alloc, seL4_ARM_SmallPageObject, 0);
    if (!frame)
        return l->parent->alloc->last_error;
    if (len) {
        seL4_Error e = nb_vspace_map(l->parent, frame, l->scratch, seL4_ReadWrite, seL4_ARM_Default_VMAttributes);
        if (e != seL4_NoError)
            return e;
        memcpy((char *)l->scratch + offset, src, len);
        seL4_ARM_Page_Unmap(frame);
    }
    if (frame_out)
        *frame_out = frame;
    return nb_vspace_map(&l->p->vs, frame, va, rights, attr);
}

/* Copies every loadable segment in, page by page; *end gets the first page after. */
static seL4_Error load_segments(loader_t *l, const elf32_header_t *eh, size_t size, seL4_Word *end)
{
    *end = 0;
    for (unsigned i = 0; i < eh->phnum; i++) {
        const elf32_phdr_t *ph = elf_phdr(eh, size, i);
        if (!ph || ph->offset + ph->filesz > size || ph->filesz > ph->memsz)
            return seL4_InvalidArgument;
        if (ph->type != ELF_PT_LOAD || ph->memsz == 0)
            continue;
        seL4_Word first = ph->vaddr & ~(seL4_Word)(PAGE - 1);
        if (first < *end || ph->vaddr + ph->memsz > NB_VSPACE_BASE)
            return seL4_InvalidArgument; /* segments overlap, or reach the library's range */
        seL4_CapRights_t rights = (ph->flags & ELF_PF_W) ? seL4_ReadWrite : seL4_CanRead;
        seL4_ARM_VMAttributes attr =
            seL4_ARM_Default_VMAttributes | ((ph->flags & ELF_PF_X) ? 0 : seL4_ARM_ExecuteNever);
        for (seL4_Word va = first; va < ph->vaddr + ph->memsz; va += PAGE) {
            /* The part of the file that lands on this page. */
            seL4_Word from = va > ph->vaddr ? va : ph->vaddr, to = ph->vaddr + ph->filesz;
            if (to > va + PAGE)
                to = va + PAGE;
            const uint8_t *src = (const uint8_t *)eh + ph->offset + (from - ph->vaddr);
            seL4_Error e = new_page(l, va, src, from - va, to > from ? to - from : 0, rights, attr, NULL);
            if (e != seL4_NoError)
                return e;
        }
        *end = (ph->vaddr + ph->memsz + PAGE - 1) & ~(seL4_Word)(PAGE - 1);
    }
    return *end ? seL4_NoError : seL4_InvalidArgument;
}

/* The BootInfo page's contents: the process's IPC buffer, its CNode, its free slots,
 * and its arguments (argv pointers, then the strings) from ARGS_AT. */
static seL4_Error bootinfo_page(loader_t *l, seL4_Word bi_va, seL4_Word ipc_va, int argc,
                                const char *const argv[], seL4_CPtr *frame)
{
    static uint8_t page[PAGE];
    memset(page, 0, sizeof(page));
    seL4_BootInfo *bi = (seL4_BootInfo *)page;
    bi->numNodes = 1;
    bi->ipcBuffer = (seL4_IPCBuffer *)ipc_va;
    bi->initThreadCNodeSizeBits = NB_PROCESS_CNODE_BITS;
    bi->empty = (seL4_SlotRegion){NB_PROCESS_FIRST_FREE, 1u << NB_PROCESS_CNODE_BITS};
    seL4_Word *args = (seL4_Word *)(page + ARGS_AT);
    size_t text = ARGS_AT + (NB_PROCESS_MAX_ARGS + 1) * sizeof(seL4_Word);
    for (int i = 0; i < argc; i++) {
        size_t len = strlen(argv[i]) + 1;
        if (i >= NB_PROCESS_MAX_ARGS || text + len > PAGE)
            return seL4_RangeError;
        memcpy(page + text, argv[i], len);
        args[i] = bi_va + text;
        text += len;
    }
    return new_page(l, bi_va, page, 0, PAGE, seL4_ReadWrite,
                    seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever, frame);
}

/* Copies a cap of the parent's into slot `slot` of the process's CNode. */
static seL4_Error place(nb_process_t *p, seL4_CPtr slot, seL4_CPtr cap, seL4_CapRights_t rights,
                        seL4_Word badge)
{
    if (badge)
        return seL4_CNode_Mint(p->cnode, slot, NB_PROCESS_CNODE_BITS, seL4_CapInitThreadCNode, cap,
                               seL4_WordBits, rights, badge);
    return seL4_CNode_Copy(p->cnode, slot, NB_PROCESS_CNODE_BITS, seL4_CapInitThreadCNode, cap,
                           seL4_WordBits, rights);
}

/* The objects: page directory with an ASID, CNode, TCB. */
static seL4_Error make_objects(nb_process_t *p, nb_alloc_t *a)
{
    p->pd = nb_alloc_object(a, seL4_ARM_PageDirectoryObject, 0);
    p->cnode = p->pd ? nb_alloc_object(a, seL4_CapTableObject, NB_PROCESS_CNODE_BITS) : 0;
    p->tcb = p->cnode ? nb_alloc_object(a, seL4_TCBObject, 0) : 0;
    if (!p->tcb)
        return a->last_error;
    p->next_given = NB_PROCESS_FIRST_GIVEN;
    return seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, p->pd);
}

/* A loader whose scratch page is a newly reserved page of the parent's space. */
static loader_t loader(nb_process_t *p, nb_vspace_t *parent_vs)
{
    return (loader_t){p, parent_vs, nb_vspace_reserve(parent_vs, PAGE, PAGE)};
}

seL4_Error nb_process_load(nb_process_t *p, nb_vspace_t *parent_vs, const char *name, seL4_Word prio,
                           seL4_CPtr fault_ep)
{
    size_t size;
    const void *image = nb_program_find(name, &size);
    const elf32_header_t *eh = image ? elf_check(image, size) : NULL;
    if (!eh)
        return seL4_FailedLookup;
    memset(p, 0, sizeof(*p));
    seL4_Error e = make_objects(p, parent_vs->alloc);
    if (e != seL4_NoError)
        return e;
    nb_vspace_init(&p->vs, parent_vs->alloc, p->pd, NB_VSPACE_BASE, seL4_UserTop);
    loader_t l = loader(p, parent_vs);
    seL4_Word end;
    seL4_CPtr ipc_frame = 0;
    e = l.scratch ? load_segments(&l, eh, size, &end) : seL4_NotEnoughMemory;
    if (e == seL4_NoError)
        e = new_page(&l, end, NULL, 0, 0, seL4_ReadWrite,
                     seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever, &ipc_frame);
    if (e != seL4_NoError)
        return e;
    p->entry = eh->entry;
    p->ipc_va = end;
    /* Its own caps at seL4's fixed slots; its CNode with a guard, so that its
     * 32-bit addresses reach its 2^8 slots. */
    seL4_Word guard = seL4_CNode_CapData_new(0, seL4_WordBits - NB_PROCESS_CNODE_BITS).words[0];
    e = place(p, seL4_CapInitThreadTCB, p->tcb, seL4_AllRights, 0);
    if (e == seL4_NoError)
        e = seL4_CNode_Mint(p->cnode, seL4_CapInitThreadCNode, NB_PROCESS_CNODE_BITS,
                            seL4_CapInitThreadCNode, p->cnode, seL4_WordBits, seL4_AllRights, guard);
    if (e == seL4_NoError)
        e = place(p, seL4_CapInitThreadVSpace, p->pd, seL4_AllRights, 0);
    if (e == seL4_NoError)
        e = place(p, seL4_CapInitThreadIPCBuffer, ipc_frame, seL4_AllRights, 0);
    if (e == seL4_NoError && fault_ep)
        e = place(p, NB_PROCESS_FAULT_EP, fault_ep, seL4_AllRights, 0);
    if (e != seL4_NoError)
        return e;
    /* The TCB's CSpace root: a guarded cap to the new CNode (the copy in its slot 2). */
    e = seL4_TCB_Configure(p->tcb, fault_ep ? NB_PROCESS_FAULT_EP : 0, p->cnode, guard, p->pd, 0, end,
                           ipc_frame);
    if (e == seL4_NoError)
        e = seL4_TCB_SetPriority(p->tcb, seL4_CapInitThreadTCB, prio);
    return e;
}

seL4_Error nb_process_set_args(nb_process_t *p, nb_vspace_t *parent_vs, int argc, const char *const argv[])
{
    loader_t l = loader(p, parent_vs);
    seL4_Word bi_va = p->ipc_va + PAGE;
    seL4_CPtr bi_frame = 0;
    seL4_Error e = l.scratch ? bootinfo_page(&l, bi_va, p->ipc_va, argc, argv, &bi_frame) : seL4_NotEnoughMemory;
    if (e == seL4_NoError)
        e = place(p, seL4_CapBootInfoFrame, bi_frame, seL4_AllRights, 0);
    if (e != seL4_NoError)
        return e;
    seL4_UserContext regs;
    memset(&regs, 0, sizeof(regs));
    regs.pc = p->entry;
    regs.r0 = bi_va;                 /* its BootInfo */
    regs.r1 = (seL4_Word)argc;
    regs.r2 = bi_va + ARGS_AT;       /* argv */
    return seL4_TCB_WriteRegisters(p->tcb, 0, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
}

seL4_Error nb_process_create(nb_process_t *p, nb_vspace_t *parent_vs, const char *name, seL4_Word prio,
                             seL4_CPtr fault_ep, int argc, const char *const argv[])
{
    seL4_Error e = nb_process_load(p, parent_vs, name, prio, fault_ep);
    return e == seL4_NoError ? nb_process_set_args(p, parent_vs, argc, argv) : e;
}

seL4_CPtr nb_process_give_cap(nb_process_t *p, seL4_CPtr cap, seL4_CapRights_t rights, seL4_Word badge)
{
    if (p->next_given >= NB_PROCESS_FIRST_FREE || place(p, p->next_given, cap, rights, badge) != seL4_NoError)
        return 0;
    return p->next_given++;
}

seL4_Error nb_process_start(nb_process_t *p)
{
    return seL4_TCB_Resume(p->tcb);
}

seL4_Error nb_process_destroy(nb_process_t *p)
{
    seL4_Error e = seL4_TCB_Suspend(p->tcb);
    seL4_CPtr caps[] = {p->tcb, p->cnode, p->pd};
    for (unsigned i = 0; i < sizeof(caps) / sizeof(caps[0]) && e == seL4_NoError; i++) {
        e = seL4_CNode_Revoke(seL4_CapInitThreadCNode, caps[i], seL4_WordBits);
        if (e == seL4_NoError)
            e = seL4_CNode_Delete(seL4_CapInitThreadCNode, caps[i], seL4_WordBits);
    }
    if (e == seL4_NoError)
        p->tcb = p->cnode = p->pd = 0;
    return e;
}
