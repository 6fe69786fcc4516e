/*
 * tests/system/libnumbat - the user library (libnumbat/) as a program uses it:
 * objects and slots from the allocator, fresh pages, a device page by physical
 * address, threads with their own IPC buffers, TLS (errno) and stacks whose guard
 * page turns an overflow into a VM fault, and the allocator running out of memory
 * with an error instead of a crash. test_libnumbat.c checks each line it prints, on
 * numbat-sim and QEMU.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <numbat/thread.h>

#define THREADS 3
#define TIMER23_PADDR 0x1C120000u
#define SP804_PERIPH_ID0 (0xFE0u / 4)

static seL4_CPtr ep;

/* Each worker checks that its IPC buffer and errno are its own, then reports. */
static void worker(void *arg)
{
    seL4_Word n = (seL4_Word)arg;
    errno = (int)(100 + n);
    seL4_SetMR(0, n);
    seL4_SetMR(1, (seL4_Word)seL4_GetIPCBuffer());
    seL4_SetMR(2, (seL4_Word)errno);
    seL4_Send(ep, seL4_MessageInfo_new(0, 0, 0, 3));
}

/* Recurses until `limit` (never reached: the stack is 16 KiB). */
static unsigned recurse(unsigned depth, unsigned limit)
{
    volatile char frame[256];
    frame[0] = (char)depth;
    return depth == limit ? 0 : recurse(depth + 1, limit) + frame[0];
}

static void overflow(void *arg)
{
    recurse(0, (unsigned)(seL4_Word)arg);
}

int main(void)
{
    nb_alloc_t a;
    nb_vspace_t vs;
    nb_alloc_init(&a, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &a);

    ep = nb_alloc_object(&a, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = nb_alloc_object(&a, seL4_NotificationObject, 0);
    printf("objects: endpoint tag %u, notification tag %u\n", seL4_DebugCapIdentify(ep),
           seL4_DebugCapIdentify(ntfn));
    seL4_CPtr bad = nb_alloc_object(&a, 99, 0);
    printf("unknown type: cap %u, error %u\n", bad, a.last_error);

    seL4_Word *pages = nb_vspace_new_pages(&vs, 3, seL4_ReadWrite, NULL);
    pages[0] = 1;
    pages[3 * 1024 - 1] = 2;
    printf("pages at 0x%x: %u %u, zeroed between: %u\n", (unsigned)(seL4_Word)pages, pages[0],
           pages[3 * 1024 - 1], pages[1024]);
    printf("reserve 1 MiB aligned: 0x%x; everything: 0x%x\n",
           (unsigned)nb_vspace_reserve(&vs, 1u << 20, 1u << 20),
           (unsigned)nb_vspace_reserve(&vs, 0x80000000u, 4096));

    seL4_CPtr timer = nb_alloc_device_frame(&a, TIMER23_PADDR);
    volatile seL4_Word *regs = (volatile seL4_Word *)nb_vspace_reserve(&vs, 4096, 4096);
    seL4_Error e = nb_vspace_map(&vs, timer, (seL4_Word)regs, seL4_ReadWrite, 0);
    printf("device frame at 0x%x: map %u, SP804 periph id0 0x%x\n", (unsigned)nb_frame_paddr(timer),
           e, (unsigned)regs[SP804_PERIPH_ID0]);

    nb_thread_t t[THREADS];
    for (seL4_Word i = 0; i < THREADS; i++)
        e = nb_thread_start(&t[i], &vs, seL4_CapInitThreadCNode, 200, 0, worker, (void *)i);
    printf("threads started: %u\n", e);
    for (int i = 0; i < THREADS; i++) {
        seL4_Recv(ep, NULL);
        seL4_Word n = seL4_GetMR(0);
        printf("thread %u: own IPC buffer %s, errno %u\n", n,
               seL4_GetMR(1) == (seL4_Word)t[n].ipc_buffer ? "yes" : "no", seL4_GetMR(2));
    }
    printf("main's errno still %d\n", errno);

    seL4_CPtr fault_ep = nb_alloc_object(&a, seL4_EndpointObject, 0);
    nb_thread_t o;
    nb_thread_start(&o, &vs, seL4_CapInitThreadCNode, 200, fault_ep, overflow, (void *)1000000);
    seL4_MessageInfo_t info = seL4_Recv(fault_ep, NULL);
    seL4_Word addr = seL4_GetMR(seL4_VMFault_Addr);
    printf("stack overflow: fault %u, %s the guard page\n", seL4_MessageInfo_get_label(info),
           addr < o.stack_top - NB_THREAD_STACK_PAGES * 4096 &&
                   addr >= o.stack_top - (NB_THREAD_STACK_PAGES + 1) * 4096 - 4096
               ? "in"
               : "not in");
    seL4_TCB_Suspend(o.tcb);

    unsigned mib = 0;
    while (nb_alloc_object(&a, seL4_UntypedObject, 20))
        mib++;
    printf("untyped memory ran out after %s MiB: error %u\n", mib > 50 ? "many" : "few", a.last_error);
    printf("libnumbat: all done\n");
    return 0;
}
