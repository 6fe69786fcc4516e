/*
 * solutions/08-pager/pager.c - the reference solution of lab 8 (labs/08-pager): the
 * root task is a user-level pager. Its worker thread touches a 16 MiB array that
 * nothing maps; every first touch of a page is a VM fault that the kernel sends to
 * the pager as a message, and the pager answers it with a fresh frame mapped at that
 * page. A write past the end of the array is refused and the worker is stopped.
 */
#include <stdio.h>

#include <numbat/thread.h>
#include <sel4/sel4.h>

/* ---- the address space the worker pages through -------------------------------- */
#define ARRAY_START 0x40000000u              /* nothing is mapped here at boot */
#define ARRAY_PAGES 4096u                    /* 16 MiB */
#define ARRAY_END (ARRAY_START + ARRAY_PAGES * 4096u)
#define ARRAY_WORDS (ARRAY_PAGES * 1024u)
#define TOUCHES 48u                          /* how many words the worker updates */

#define WORKER_BADGE 8                       /* the badge on the worker's fault endpoint */
#define MSG_DONE 0x100                       /* the worker's "I am finished" message */
#define PAGER_SYS_PAGES 0x50                 /* the pager's own system call: pages mapped */

static seL4_CPtr ep;          /* the pager's endpoint: faults and the worker's DONE */
static nb_alloc_t alloc;      /* free slots of the root CNode (nb_alloc_slot) */
static seL4_CPtr untyped;     /* the untyped memory frames and page tables come from */
static unsigned frames, page_tables;

/* ---- the worker: demand paging from the program's side --------------------------- */
/* A system call the kernel does not know: svc with the number in r7, as libsel4 makes
 * its own. The kernel turns it into a fault message to the pager; r0 is the answer. */
static seL4_Word pager_syscall(seL4_Word number, seL4_Word arg)
{
    register seL4_Word r0 __asm__("r0") = arg;
    register seL4_Word r7 __asm__("r7") = number;
    __asm__ volatile("svc #0" : "+r"(r0) : "r"(r7) : "memory");
    return r0;
}

static void worker(void *arg)
{
    seL4_CPtr me = (seL4_CPtr)arg; /* its own TCB */
    volatile seL4_Word *array = (volatile seL4_Word *)ARRAY_START;
    seL4_Word x = 12345, checksum = 0;
    seL4_Word index[TOUCHES];
    /* Update TOUCHES words on pseudo-random pages: each first touch of a page faults. */
    for (unsigned k = 0; k < TOUCHES; k++) {
        x = x * 1103515245u + 12345u;
        seL4_Word page = (x >> 8) % ARRAY_PAGES;
        index[k] = page * 1024u + (k * 37u) % 1024u;
        array[index[k]] += (k + 1) * 2654435761u;
    }
    /* Read them back: the pages are mapped now, so nothing faults. */
    for (unsigned k = 0; k < TOUCHES; k++)
        checksum = checksum * 31u + array[index[k]];
    printf("worker: %u words updated, checksum 0x%08x\n", TOUCHES, checksum);
    printf("worker: the pager says %d pages are mapped for me\n", (int)pager_syscall(PAGER_SYS_PAGES, 0));

    printf("worker: writing one word past the end of the array\n");
    array[ARRAY_WORDS] = 1;
    printf("worker: the word past the array was writable!\n");
    seL4_Send(ep, seL4_MessageInfo_new(MSG_DONE, 0, 0, 0));
    seL4_TCB_Suspend(me);
}

/* ---- LAB 8 EXERCISE 1: the worker's fault endpoint ------------------------------- */
/* Gives the worker's TCB a fault endpoint: a copy of `ep` badged WORKER_BADGE, in a
 * free slot of the root CNode. Returns that slot (0 if something failed). */
static seL4_CPtr give_fault_endpoint(seL4_CPtr worker_tcb)
{
    seL4_CPtr slot = nb_alloc_slot(&alloc);
    if (!slot)
        return 0;
    seL4_Error e = seL4_CNode_Mint(seL4_CapInitThreadCNode, slot, seL4_WordBits, seL4_CapInitThreadCNode,
                                   ep, seL4_WordBits, seL4_AllRights, WORKER_BADGE);
    if (e != seL4_NoError)
        return 0;
    e = seL4_TCB_SetSpace(worker_tcb, slot, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0);
    return e == seL4_NoError ? slot : 0;
}

/* ---- LAB 8 EXERCISE 2: what faulted ------------------------------------------------ */
typedef struct {
    seL4_Word addr;     /* the address the thread touched */
    seL4_Word pc;       /* the instruction that touched it */
    int instruction;    /* 1: an instruction fetch (prefetch abort), 0: a data access */
} vm_fault_t;

/* Fills *f from the message just received; returns 1 if it is a VM fault sent on the
 * worker's behalf (badge WORKER_BADGE), 0 otherwise. */
static int decode_fault(seL4_MessageInfo_t info, seL4_Word badge, vm_fault_t *f)
{
    if (badge != WORKER_BADGE || seL4_MessageInfo_get_label(info) != seL4_Fault_VMFault ||
        seL4_MessageInfo_get_length(info) != seL4_VMFault_Length)
        return 0;
    f->addr = seL4_GetMR(seL4_VMFault_Addr);
    f->pc = seL4_GetMR(seL4_VMFault_IP);
    f->instruction = seL4_GetMR(seL4_VMFault_PrefetchFault) == seL4_InstructionFault;
    return 1;
}

/* ---- LAB 8 EXERCISE 3: a frame for the faulting page ------------------------------ */
/* Retypes a new object of `type` from `untyped` into a free slot; returns it or 0. */
static seL4_CPtr new_object(seL4_Word type)
{
    seL4_CPtr slot = nb_alloc_slot(&alloc);
    if (!slot || seL4_Untyped_Retype(untyped, type, 0, seL4_CapInitThreadCNode, 0, 0, slot, 1) != seL4_NoError)
        return 0;
    return slot;
}

/* Maps a new frame at the page holding addr (with a page table first if that MiB has
 * none); returns 1 on success. */
static int map_page(seL4_Word addr)
{
    seL4_Word page = addr & ~(seL4_Word)0xFFF;
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject);
    if (!frame)
        return 0;
    seL4_Error e = seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, page, seL4_ReadWrite,
                                     seL4_ARM_Default_VMAttributes);
    if (e == seL4_FailedLookup) {
        seL4_CPtr pt = new_object(seL4_ARM_PageTableObject);
        if (!pt || seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, page,
                                          seL4_ARM_Default_VMAttributes) != seL4_NoError)
            return 0;
        page_tables++;
        printf("pager: new page table for 0x%08x\n", page & ~(seL4_Word)0xFFFFF);
        e = seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, page, seL4_ReadWrite,
                              seL4_ARM_Default_VMAttributes);
    }
    if (e != seL4_NoError)
        return 0;
    frames++;
    return 1;
}

/* ---- LAB 8 EXERCISE 4: a system call served by the pager -------------------------- */
/* The message just received is the worker's unknown system call. Serve
 * PAGER_SYS_PAGES: the answer (the frames mapped so far) goes back in r0, and the
 * worker must go on after its svc. Sets up the reply's message registers and returns
 * its length; returns 0 for a system call the pager does not serve. */
static seL4_Word serve_syscall(void)
{
    seL4_Word number = seL4_GetMR(seL4_UnknownSyscall_Syscall);
    if (number != PAGER_SYS_PAGES)
        return 0;
    printf("pager: system call 0x%x from the worker: %u pages\n", (unsigned)number, frames);
    /* The reply's words are the registers the worker resumes with, in the fault
     * message's order (r0-r7, FaultIP, SP, LR, CPSR); the received ones stay as
     * they are but r0 and the PC, which must skip the 4-byte svc or it runs again. */
    seL4_SetMR(seL4_UnknownSyscall_R0, frames);
    seL4_SetMR(seL4_UnknownSyscall_FaultIP, seL4_GetMR(seL4_UnknownSyscall_FaultIP) + 4);
    return seL4_UnknownSyscall_Syscall;
}

/* ---- LAB 8 EXERCISE 5: which faults the pager serves ------------------------------ */
/* 1 if the pager should map a page for a fault at addr. */
static int allowed(seL4_Word addr)
{
    return addr >= ARRAY_START && addr < ARRAY_END;
}

/* The root task's largest untyped region of RAM. */
static seL4_CPtr largest_untyped(const seL4_BootInfo *bi)
{
    seL4_CPtr best = 0;
    unsigned best_bits = 0;
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++) {
        const seL4_UntypedDesc *d = &bi->untypedList[s - bi->untyped.start];
        if (!d->isDevice && d->sizeBits > best_bits) {
            best = s;
            best_bits = d->sizeBits;
        }
    }
    return best;
}

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    nb_vspace_t vs;
    nb_thread_t t;
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "pager");
    nb_alloc_init(&alloc, bi);
    nb_vspace_init_root(&vs, &alloc);
    untyped = largest_untyped(bi);
    ep = nb_alloc_object(&alloc, seL4_EndpointObject, 0);
    if (!ep || nb_thread_configure(&t, &vs, seL4_CapInitThreadCNode, 100, 0) != seL4_NoError) {
        printf("pager: could not make the endpoint and the worker\n");
        return 1;
    }
    seL4_DebugNameThread(t.tcb, "worker");
    printf("pager: the worker's array is 0x%08x to 0x%08x, none of it mapped\n", ARRAY_START, ARRAY_END);

    if (!give_fault_endpoint(t.tcb)) {
        printf("pager: the worker has no fault endpoint (exercise 1), so it does not start\n");
        return 0;
    }
    /* Start the worker at worker(its TCB), at a priority below the pager's. */
    seL4_UserContext regs = {0};
    regs.pc = (seL4_Word)worker;
    regs.r0 = t.tcb;
    regs.sp = t.stack_top;
    regs.tpidrurw = t.tls_base;
    seL4_TCB_WriteRegisters(t.tcb, 1, 0, sizeof(regs) / sizeof(seL4_Word), &regs);

    unsigned faults = 0;
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    for (;;) {
        if (badge == 0 && seL4_MessageInfo_get_label(info) == MSG_DONE) {
            printf("pager: the worker is done\n");
            break;
        }
        if (badge == WORKER_BADGE && seL4_MessageInfo_get_label(info) == seL4_Fault_UnknownSyscall) {
            seL4_Word length = serve_syscall();
            if (!length) {
                printf("pager: system call %u from the worker not served (exercise 4)\n",
                       (unsigned)seL4_GetMR(seL4_UnknownSyscall_Syscall));
                break;
            }
            info = seL4_ReplyRecv(ep, seL4_MessageInfo_new(0, 0, 0, length), &badge);
            continue;
        }
        vm_fault_t f;
        if (!decode_fault(info, badge, &f)) {
            printf("pager: a message with label %u and badge %u that is not a fault I know (exercise 2)\n",
                   (unsigned)seL4_MessageInfo_get_label(info), (unsigned)badge);
            break;
        }
        faults++;
        printf("pager: fault %u at 0x%08x (%s, pc 0x%08x)\n", faults, f.addr,
               f.instruction ? "instruction" : "data", f.pc);
        if (!allowed(f.addr)) {
            printf("pager: refusing the fault at 0x%08x: outside the array; the worker is stopped\n", f.addr);
            seL4_TCB_Suspend(t.tcb);
            break;
        }
        if (!map_page(f.addr)) {
            printf("pager: no page mapped for 0x%08x (exercise 3)\n", f.addr);
            break;
        }
        info = seL4_ReplyRecv(ep, seL4_MessageInfo_new(0, 0, 0, 0), &badge);
    }
    printf("pager: %u faults, %u frames, %u page tables\n", faults, frames, page_tables);
    return 0;
}
