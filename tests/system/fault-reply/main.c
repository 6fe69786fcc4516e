/*
 * tests/system/fault-reply - a fault handler answers an unknown system call: a thread
 * makes system call 0x50 with r1 = 0x55, the root task (its fault handler) replies
 * with the 12 register words of the fault message, r0 set to 42 and FaultIP moved
 * past the svc, and the thread goes on with r0 = 42 and its r1 unchanged.
 * test_trace.c checks that the trace's ipc-reply for it says 12 words (the length the
 * handler sent), not whatever the restored r1 (the message-info register) holds.
 */
#include <stdio.h>

#include <numbat/thread.h>

static seL4_CPtr ep;

static void caller(void *arg)
{
    (void)arg;
    register seL4_Word r0 __asm__("r0") = 0;
    register seL4_Word r1 __asm__("r1") = 0x55;
    register seL4_Word r7 __asm__("r7") = 0x50;
    __asm__ volatile("svc #0" : "+r"(r0), "+r"(r1) : "r"(r7) : "memory");
    printf("caller: r0 %u, r1 0x%x\n", (unsigned)r0, (unsigned)r1);
    seL4_Send(ep, seL4_MessageInfo_new(1, 0, 0, 0));
}

int main(void)
{
    nb_alloc_t a;
    nb_vspace_t vs;
    nb_thread_t t;
    nb_alloc_init(&a, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &a);
    ep = nb_alloc_object(&a, seL4_EndpointObject, 0);
    nb_thread_start(&t, &vs, seL4_CapInitThreadCNode, 100, ep, caller, NULL);
    seL4_MessageInfo_t info = seL4_Recv(ep, NULL);
    printf("handler: label %u, length %u, syscall 0x%x\n", (unsigned)seL4_MessageInfo_get_label(info),
           (unsigned)seL4_MessageInfo_get_length(info), (unsigned)seL4_GetMR(seL4_UnknownSyscall_Syscall));
    seL4_SetMR(seL4_UnknownSyscall_R0, 42);
    seL4_SetMR(seL4_UnknownSyscall_FaultIP, seL4_GetMR(seL4_UnknownSyscall_FaultIP) + 4);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, seL4_UnknownSyscall_Syscall));
    info = seL4_Recv(ep, NULL);
    printf("fault-reply: done (label %u)\n", (unsigned)seL4_MessageInfo_get_label(info));
    return 0;
}
