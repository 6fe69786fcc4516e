/*
 * tests/system/processes - the root task starts the program in ./echo twice as
 * processes (libnumbat/process.h), each with its own arguments and a badged cap to
 * one endpoint, answers their Calls, and receives the second one's VM fault on the
 * fault endpoint it gave it. The processes cannot see the root's memory: the root's
 * secret is at an address they have no mapping for. Then it destroys both (one
 * suspended at its end, one waiting on its fault) and replies to the faulted one's
 * gone reply cap. test_libnumbat.c checks the output on numbat-sim and QEMU.
 */
#include <stdio.h>

#include <numbat/process.h>

int main(void)
{
    nb_alloc_t a;
    nb_vspace_t vs;
    nb_alloc_init(&a, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &a);
    seL4_CPtr ep = nb_alloc_object(&a, seL4_EndpointObject, 0);
    seL4_CPtr fault_ep = nb_alloc_object(&a, seL4_EndpointObject, 0);
    size_t size = 0;
    printf("program echo: %s; program nothing: %s\n", nb_program_find("echo", &size) ? "found" : "missing",
           nb_program_find("nothing", &size) ? "found" : "missing");

    nb_process_t p[2];
    for (int i = 0; i < 2; i++) {
        char number[4];
        snprintf(number, sizeof(number), "%d", i);
        const char *args[] = {"echo", number, "hello world"};
        seL4_Error e = nb_process_create(&p[i], &vs, "echo", 100, fault_ep, 3, args);
        seL4_CPtr given = nb_process_give_cap(&p[i], ep, seL4_AllRights, 10 + (seL4_Word)i);
        printf("process %d: create %u, endpoint at %u\n", i, e, given);
    }
    printf("unknown program: %u\n", nb_process_create(&p[0], &vs, "nothing", 100, 0, 0, NULL));
    for (int i = 0; i < 2; i++)
        nb_process_start(&p[i]);
    for (int i = 0; i < 2; i++) {
        seL4_Word badge;
        seL4_Recv(ep, &badge);
        printf("root: call from badge %u: echo %u, sum %u\n", badge, seL4_GetMR(0), seL4_GetMR(1));
        seL4_SetMR(0, 1000 + seL4_GetMR(0));
        seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
    }
    seL4_MessageInfo_t info = seL4_Recv(fault_ep, NULL);
    printf("root: fault %u at 0x%x\n", seL4_MessageInfo_get_label(info), seL4_GetMR(seL4_VMFault_Addr));
    seL4_CPtr tcb = p[1].tcb;
    seL4_Error d0 = nb_process_destroy(&p[0]), d1 = nb_process_destroy(&p[1]);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0)); /* to a thread that is gone: nothing happens */
    printf("root: destroyed %u %u, tcb slot tag %u, endpoint tag %u\n", d0, d1,
           seL4_DebugCapIdentify(tcb), seL4_DebugCapIdentify(ep));
    printf("processes: all done\n");
    return 0;
}
