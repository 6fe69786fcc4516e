/*
 * kernel/rootserver.c - creating the root task at boot: its address space, its
 * image (the first program in the built-in archive), its IPC buffer and BootInfo
 * pages right after the image (spec §10), and its thread, ready to run with
 * r0 = the BootInfo address. Partners: rootserver.h, archive.c, elf.c, boot.c.
 */
#include "rootserver.h"

#include <sel4/bootinfo.h>

#include "arch.h"
#include "archive.h"
#include "elf.h"

#define ROOT_ASID 1
#define ROOT_CNODE_SIZE_BITS 12

static tcb_t root_tcb;

static uint32_t page_down(uint32_t a) { return a & ~(PAGE_SIZE_USER - 1); }
static uint32_t page_up(uint32_t a) { return (a + PAGE_SIZE_USER - 1) & ~(PAGE_SIZE_USER - 1); }

/* Maps fresh zeroed frames over [start, end) and returns nothing; panics if out of memory. */
static void map_zeroed(vspace_t *vs, uint32_t start, uint32_t end, bool writable, bool exec)
{
    for (uint32_t va = page_down(start); va < end; va += PAGE_SIZE_USER) {
        uint32_t pa = arch_boot_alloc(PAGE_SIZE_USER, PAGE_SIZE_USER);
        kmemset(arch_phys_to_kernel(pa), 0, PAGE_SIZE_USER);
        if (arch_vspace_map(vs, va, pa, writable, exec) != 0)
            kpanic("cannot map the root task at 0x%08x", va);
    }
}

/* Copies bytes into the user address space being built (not yet active). */
static void copy_to_user(vspace_t *vs, uint32_t va, const uint8_t *src, size_t len)
{
    while (len > 0) {
        uint8_t *dst = arch_vspace_kernel_ptr(vs, va);
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

/* Loads every PT_LOAD segment; returns the page-aligned end of the image. */
static uint32_t load_segments(vspace_t *vs, const elf32_header_t *eh, size_t size,
                              uint32_t *image_start)
{
    uint32_t image_end = 0;
    *image_start = USER_TOP_ADDR;
    for (unsigned i = 0; i < eh->phnum; i++) {
        const elf32_phdr_t *ph = elf_phdr(eh, size, i);
        if (!ph)
            kpanic("root task: program header %u is outside the file", i);
        if (ph->type != ELF_PT_LOAD || ph->memsz == 0)
            continue;
        if (ph->vaddr + ph->memsz > USER_TOP_ADDR || ph->offset + ph->filesz > size)
            kpanic("root task: segment %u does not fit user space", i);
        map_zeroed(vs, ph->vaddr, ph->vaddr + ph->memsz, ph->flags & ELF_PF_W, ph->flags & ELF_PF_X);
        copy_to_user(vs, ph->vaddr, (const uint8_t *)eh + ph->offset, ph->filesz);
        if (page_down(ph->vaddr) < *image_start)
            *image_start = page_down(ph->vaddr);
        if (page_up(ph->vaddr + ph->memsz) > image_end)
            image_end = page_up(ph->vaddr + ph->memsz);
    }
    return image_end;
}

tcb_t *rootserver_create(void)
{
    archive_file_t file;
    if (!archive_file(0, &file))
        kpanic("the image holds no user program");
    const elf32_header_t *eh = elf_check(file.data, file.size);
    if (!eh)
        kpanic("root task '%s' is not an ARM ELF32 executable", file.name);

    vspace_t *vs = arch_vspace_create(ROOT_ASID);
    uint32_t image_start;
    uint32_t image_end = load_segments(vs, eh, file.size, &image_start);
    if (image_end == 0)
        kpanic("root task '%s' has nothing to load", file.name);
    uint32_t ipc_buffer = image_end;
    uint32_t bootinfo = image_end + PAGE_SIZE_USER;
    map_zeroed(vs, ipc_buffer, bootinfo + PAGE_SIZE_USER, true, false);

    seL4_BootInfo bi;
    kmemset(&bi, 0, sizeof(bi));
    bi.numNodes = 1;
    bi.ipcBuffer = (seL4_IPCBuffer *)ipc_buffer;
    bi.initThreadCNodeSizeBits = ROOT_CNODE_SIZE_BITS;
    copy_to_user(vs, bootinfo, (const uint8_t *)&bi, sizeof(bi));

    tcb_t *t = &root_tcb;
    kmemset(t, 0, sizeof(*t));
    thread_set_name(t, "rootserver");
    t->vspace = vs;
    t->ipc_buffer = ipc_buffer;
    t->context.pc = eh->entry;
    t->context.cpsr = CPSR_USER_MODE;
    t->context.r[0] = bootinfo;
    thread_make_runnable(t);
    kprintf("numbat: root task '%s': image 0x%08x-0x%08x, entry 0x%08x\n", file.name,
            image_start, image_end, eh->entry);
    return t;
}
