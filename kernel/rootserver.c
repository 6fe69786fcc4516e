/*
 * kernel/rootserver.c - creating the root task at boot (spec 10): its address
 * space with the image (the first program in the built-in archive), the IPC
 * buffer and BootInfo pages right after the image, its TCB and root CNode with
 * the initial caps at seL4's fixed slots, a frame cap per image page, and all
 * remaining RAM as untyped caps. Partners: rootserver.h, archive.c, elf.c, boot.c.
 */
#include "rootserver.h"

#include <sel4/bootinfo.h>
#include <sel4/objecttype.h>

#include "arch.h"
#include "archive.h"
#include "../lib/elf32.h"
#include "cdt.h"
#include "reply.h"
#include "trace.h"
#include "vspace.h"

#define ROOT_ASID 1
#define ROOT_CNODE_BITS 12
#define ROOT_PRIORITY 255
#define MAX_IMAGE_PAGES 2048 /* 8 MiB; each page also takes a root CNode slot */

/* What boot learns while building the address space, for the caps it then makes. */
typedef struct boot_state {
    void *pd;
    cte_t *cnode;
    uint32_t image_start, image_end;
    struct image_page {
        uint32_t pa, va, access; /* access: TRACE_MAP_* */
    } image_frames[MAX_IMAGE_PAGES]; /* in address order */
    uint32_t image_pages;
    uint32_t ipc_buffer_pa, bootinfo_pa;
    uint32_t ipc_buffer_va, bootinfo_va;
    seL4_SlotPos next_slot;
} boot_state_t;

static uint32_t page_down(uint32_t a) { return a & ~(PAGE_SIZE_USER - 1); }
static uint32_t page_up(uint32_t a) { return (a + PAGE_SIZE_USER - 1) & ~(PAGE_SIZE_USER - 1); }

/* A zeroed frame from boot memory, mapped at va; returns its physical address. */
static uint32_t map_zeroed(void *pd, uint32_t va, bool writable, bool exec)
{
    uint32_t pa = arch_boot_alloc(PAGE_SIZE_USER, PAGE_SIZE_USER);
    kmemset(arch_phys_to_kernel(pa), 0, PAGE_SIZE_USER);
    if (arch_vspace_map(pd, va, pa, writable, exec) != 0)
        kpanic("cannot map the root task at 0x%08x", va);
    return pa;
}

/* A boot mapping's access, as the trace's map events give it. */
static uint32_t boot_access(bool writable, bool executable)
{
    return TRACE_MAP_READ | (writable ? TRACE_MAP_WRITE : 0) |
           (executable ? 0 : TRACE_MAP_EXECUTE_NEVER) | TRACE_MAP_CACHEABLE;
}

/* Copies bytes into the user address space being built (not yet active). */
static void copy_to_user(void *pd, uint32_t va, const uint8_t *src, size_t len)
{
    while (len > 0) {
        uint8_t *dst = arch_vspace_kernel_ptr(pd, va);
        size_t chunk = PAGE_SIZE_USER - (va & (PAGE_SIZE_USER - 1));
        if (!dst)
            kpanic("root task: 0x%08x is not mapped", va);
        if (chunk > len)
            chunk = len;
        kmemcpy(dst, src, chunk);
        va += chunk;
        src += chunk;
        len -= chunk;
    }
}

/* Loads every PT_LOAD segment, page by page, recording the frames. */
static void load_segments(boot_state_t *b, const elf32_header_t *eh, size_t size)
{
    b->image_start = USER_TOP_ADDR;
    for (unsigned i = 0; i < eh->phnum; i++) {
        const elf32_phdr_t *ph = elf_phdr(eh, size, i);
        if (!ph)
            kpanic("root task: program header %u is outside the file", i);
        if (ph->type != ELF_PT_LOAD || ph->memsz == 0)
            continue;
        if (ph->vaddr + ph->memsz > USER_TOP_ADDR || ph->offset + ph->filesz > size ||
            page_down(ph->vaddr) < b->image_end)
            kpanic("root task: segment %u does not fit user space in order", i);
        for (uint32_t va = page_down(ph->vaddr); va < ph->vaddr + ph->memsz; va += PAGE_SIZE_USER) {
            if (b->image_pages == MAX_IMAGE_PAGES)
                kpanic("root task image larger than %u pages", MAX_IMAGE_PAGES);
            bool w = ph->flags & ELF_PF_W, x = ph->flags & ELF_PF_X;
            b->image_frames[b->image_pages++] = (struct image_page){
                map_zeroed(b->pd, va, w, x), va, boot_access(w, x)};
        }
        copy_to_user(b->pd, ph->vaddr, (const uint8_t *)eh + ph->offset, ph->filesz);
        if (page_down(ph->vaddr) < b->image_start)
            b->image_start = page_down(ph->vaddr);
        b->image_end = page_up(ph->vaddr + ph->memsz);
    }
    if (b->image_pages == 0)
        kpanic("root task has nothing to load");
}

/* Puts an original cap (no CDT parent) in the next root CNode slot. */
static seL4_SlotPos provide(boot_state_t *b, seL4_SlotPos slot, cap_t cap)
{
    cdt_place_original(cap, &b->cnode[slot]);
    return slot;
}

/* The cap of a 4 KiB frame the root task has mapped at va (so it can unmap it). */
static void provide_mapped_frame(boot_state_t *b, seL4_SlotPos slot, uint32_t pa, uint32_t va,
                                 uint32_t access)
{
    provide(b, slot, frame_with_mapping(cap_frame(pa, FRAME_SMALL, RIGHTS_ALL), ROOT_ASID, va));
    trace_map(b->pd, va, pa, seL4_PageBits, access, &b->cnode[slot]);
}

static void provide_fixed_caps(boot_state_t *b, tcb_t *t)
{
    cap_t cnode = cap_cnode(b->cnode, ROOT_CNODE_BITS, 32 - ROOT_CNODE_BITS, 0);
    void *pool = arch_phys_to_kernel(arch_boot_alloc(1u << seL4_ASIDPoolBits, 1u << seL4_ASIDPoolBits));
    kmemset(pool, 0, 1u << seL4_ASIDPoolBits);
    provide(b, seL4_CapInitThreadTCB, cap_thread(t));
    provide(b, seL4_CapInitThreadCNode, cnode);
    provide(b, seL4_CapInitThreadVSpace, cap_page_directory(b->pd, true, ROOT_ASID));
    provide(b, seL4_CapIRQControl, cap_simple(CAP_IRQ_CONTROL));
    provide(b, seL4_CapASIDControl, cap_simple(CAP_ASID_CONTROL));
    provide(b, seL4_CapInitThreadASIDPool, cap_asid_pool(pool, 0));
    asid_boot(pool, b->pd, ROOT_ASID);
    provide_mapped_frame(b, seL4_CapBootInfoFrame, b->bootinfo_pa, b->bootinfo_va, boot_access(true, false));
    provide_mapped_frame(b, seL4_CapInitThreadIPCBuffer, b->ipc_buffer_pa, b->ipc_buffer_va,
                         boot_access(true, false));
    provide(b, seL4_CapDomain, cap_simple(CAP_DOMAIN));
    /* The thread's own slots hold copies, children of the caps above (the IPC
     * buffer's an unmapped copy, as every copy of a frame cap is). */
    cdt_insert(cnode, &b->cnode[seL4_CapInitThreadCNode], &t->slots[TCB_SLOT_CSPACE], false);
    cdt_insert(b->cnode[seL4_CapInitThreadVSpace].cap, &b->cnode[seL4_CapInitThreadVSpace],
               &t->slots[TCB_SLOT_VSPACE], false);
    cap_t buffer = frame_with_mapping(b->cnode[seL4_CapInitThreadIPCBuffer].cap, 0, 0);
    cdt_insert(buffer, &b->cnode[seL4_CapInitThreadIPCBuffer], &t->slots[TCB_SLOT_IPC_BUFFER], false);
    b->next_slot = seL4_NumInitialCaps;
}

/* The page tables boot made for the image, IPC buffer and BootInfo, in address
 * order (BootInfo's userImagePaging): the root task can unmap them too. */
static void provide_page_tables(boot_state_t *b, seL4_BootInfo *bi)
{
    bi->userImagePaging.start = b->next_slot;
    for (uint32_t va = b->image_start & ~((1u << seL4_SectionBits) - 1); va < b->bootinfo_va + PAGE_SIZE_USER;
         va += (1u << seL4_SectionBits)) {
        void *pt = arch_vspace_page_table(b->pd, va);
        if (pt) {
            seL4_SlotPos slot = provide(b, b->next_slot++, cap_page_table(pt, true, ROOT_ASID, va));
            trace_map(b->pd, va, arch_kernel_to_phys(pt), seL4_PageTableBits, 0, &b->cnode[slot]);
        }
    }
    bi->userImagePaging.end = b->next_slot;
}

/* Adds untyped caps covering [at, end) in naturally aligned powers of two
 * (spec 10.2: 2^4..2^29); returns how many BootInfo entries are now used. */
static unsigned provide_range(boot_state_t *b, seL4_BootInfo *bi, unsigned n, uint32_t at,
                              uint32_t end, bool device)
{
    unsigned min_bits = device ? seL4_PageBits : seL4_MinUntypedBits;
    while (end - at >= (1u << min_bits) && n < CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS) {
        unsigned bits = seL4_MaxUntypedBits;
        while (bits > min_bits && ((at & ((1u << bits) - 1)) || (1u << bits) > end - at))
            bits--;
        /* Boot untypeds start full, so their first retype clears them (spec 10.2). */
        provide(b, b->next_slot++, cap_untyped(at, bits, device, 1u << bits));
        bi->untypedList[n++] =
            (seL4_UntypedDesc){.paddr = at, .sizeBits = (seL4_Uint8)bits, .isDevice = device};
        at += 1u << bits;
    }
    return n;
}

/* All RAM not used at boot, then the device space the kernel does not use. */
static void provide_untyped(boot_state_t *b, seL4_BootInfo *bi)
{
    uint32_t start, end;
    bi->untyped.start = b->next_slot;
    unsigned n = provide_range(b, bi, 0, (arch_boot_alloc_end() + 15u) & ~15u,
                               arch_usable_ram_end(), false);
    for (unsigned i = 0; arch_device_range(i, &start, &end); i++)
        n = provide_range(b, bi, n, start, end, true);
    bi->untyped.end = b->next_slot;
}

static void write_bootinfo(boot_state_t *b, uint32_t ipc_buffer_va)
{
    seL4_BootInfo *bi = arch_phys_to_kernel(b->bootinfo_pa);
    kmemset(bi, 0, sizeof(*bi));
    bi->numNodes = 1;
    bi->ipcBuffer = (seL4_IPCBuffer *)(uintptr_t)ipc_buffer_va;
    bi->initThreadCNodeSizeBits = ROOT_CNODE_BITS;
    bi->userImageFrames.start = b->next_slot;
    for (uint32_t i = 0; i < b->image_pages; i++) {
        const struct image_page *p = &b->image_frames[i];
        provide_mapped_frame(b, b->next_slot++, p->pa, p->va, p->access);
    }
    bi->userImageFrames.end = b->next_slot;
    provide_page_tables(b, bi);
    provide_untyped(b, bi);
    bi->empty.start = b->next_slot;
    bi->empty.end = 1u << ROOT_CNODE_BITS;
}

tcb_t *rootserver_create(void)
{
    static boot_state_t b;
    archive_file_t file;
    if (!archive_file(0, &file))
        kpanic("the image holds no user program");
    const elf32_header_t *eh = elf_check(file.data, file.size);
    if (!eh)
        kpanic("root task '%s' is not an ARM ELF32 executable", file.name);

    b.pd = arch_boot_pd_create();
    load_segments(&b, eh, file.size);
    uint32_t ipc_buffer_va = b.image_end, bootinfo_va = b.image_end + PAGE_SIZE_USER;
    b.ipc_buffer_va = ipc_buffer_va;
    b.bootinfo_va = bootinfo_va;
    b.ipc_buffer_pa = map_zeroed(b.pd, ipc_buffer_va, true, false);
    b.bootinfo_pa = map_zeroed(b.pd, bootinfo_va, true, false);

    uint32_t cnode_bytes = 1u << (ROOT_CNODE_BITS + seL4_SlotBits);
    b.cnode = arch_phys_to_kernel(arch_boot_alloc(cnode_bytes, cnode_bytes));
    kmemset(b.cnode, 0, cnode_bytes);
    tcb_t *t = arch_phys_to_kernel(arch_boot_alloc(1u << seL4_TCBBits, 1u << seL4_TCBBits));
    thread_init(t);
    trace_cause = TRACE_CAUSE_BOOT;
    trace_object_create(seL4_CapTableObject, (uint32_t)(uintptr_t)b.cnode, ROOT_CNODE_BITS, NULL);
    trace_object_create(seL4_TCBObject, (uint32_t)(uintptr_t)t, 0, NULL);
    reply_make_master(t);
    provide_fixed_caps(&b, t);
    write_bootinfo(&b, ipc_buffer_va);

    thread_set_name(t, "rootserver");
    t->priority = t->mcp = ROOT_PRIORITY;
    trace_thread_priority(t);
    t->ipc_buffer = ipc_buffer_va;
    arch_set_pc(&t->context, eh->entry);
    arch_set_cap_register(&t->context, bootinfo_va);
    thread_resume(t);
    kprintf("numbat: root task '%s': image 0x%08x-0x%08x, entry 0x%08x\n", file.name,
            b.image_start, b.image_end, eh->entry);
    return t;
}
