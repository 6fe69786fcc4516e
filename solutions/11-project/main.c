/*
 * solutions/11-project/main.c - the reference solution's root task for the final
 * project (labs/11-project): it starts the file server and its two clients as
 * processes, gives each client a badged cap to the server's endpoint and a shared
 * buffer page mapped in both the client and the server, and waits until both clients
 * say they are done.
 */
#include <stdio.h>
#include <string.h>

#include <numbat/process.h>

#include "protocol.h"

static nb_alloc_t alloc;
static nb_vspace_t vs;

/* LAB 11 PART 1: one shared page for the client with `badge`, mapped read-write at
 * CLIENT_BUFFER in the client and at FS_BUFFER(badge) in the server. Returns the
 * client's address of it, or 0 if there is none. */
static seL4_Word share_buffer(nb_process_t *client, nb_process_t *server, seL4_Word badge)
{
    seL4_CPtr frame = nb_alloc_object(&alloc, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr copy = frame ? nb_alloc_slot(&alloc) : 0;
    if (!copy || seL4_CNode_Copy(seL4_CapInitThreadCNode, copy, seL4_WordBits, seL4_CapInitThreadCNode, frame,
                                 seL4_WordBits, seL4_AllRights) != seL4_NoError)
        return 0;
    seL4_ARM_VMAttributes attr = seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever;
    if (nb_vspace_map(&client->vs, frame, CLIENT_BUFFER, seL4_ReadWrite, attr) != seL4_NoError ||
        nb_vspace_map(&server->vs, copy, FS_BUFFER(badge), seL4_ReadWrite, attr) != seL4_NoError)
        return 0;
    return CLIENT_BUFFER;
}

int main(void)
{
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "root");
    nb_alloc_init(&alloc, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &alloc);
    seL4_CPtr fs_ep = nb_alloc_object(&alloc, seL4_EndpointObject, 0);
    seL4_CPtr done_ep = nb_alloc_object(&alloc, seL4_EndpointObject, 0);

    /* The file server, with the original cap to its endpoint. */
    nb_process_t fs, clients[FS_CLIENTS];
    const char *fs_argv[] = {"fs"};
    if (nb_process_create(&fs, &vs, "fs", 200, 0, 1, fs_argv) != seL4_NoError ||
        nb_process_give_cap(&fs, fs_ep, seL4_AllRights, 0) != SLOT_FS_EP) {
        printf("root: could not make the file server\n");
        return 1;
    }
    seL4_DebugNameThread(fs.tcb, "fs");

    /* The clients: client-a (badge 1) before client-b (badge 2). */
    static const char *names[FS_CLIENTS] = {"client-a", "client-b"};
    for (seL4_Word badge = 1; badge <= FS_CLIENTS; badge++) {
        nb_process_t *c = &clients[badge - 1];
        if (nb_process_load(c, &vs, "client", 130 - 10 * badge, 0) != seL4_NoError) {
            printf("root: could not make %s\n", names[badge - 1]);
            return 1;
        }
        /* The client learns where its buffer is from its second argument. */
        char buffer[16];
        snprintf(buffer, sizeof(buffer), "0x%x", (unsigned)share_buffer(c, &fs, badge));
        const char *argv[] = {names[badge - 1], buffer};
        if (nb_process_set_args(c, &vs, 2, argv) != seL4_NoError ||
            nb_process_give_cap(c, fs_ep, seL4_CapRights_new(1, 0, 0, 1), badge) != SLOT_FS_EP ||
            nb_process_give_cap(c, done_ep, seL4_CanWrite, badge) != SLOT_DONE_EP) {
            printf("root: could not make %s\n", names[badge - 1]);
            return 1;
        }
        seL4_DebugNameThread(c->tcb, names[badge - 1]);
    }
    nb_process_start(&fs);
    for (int i = 0; i < FS_CLIENTS; i++)
        nb_process_start(&clients[i]);
    printf("root: started fs, client-a and client-b\n");

    for (int done = 0; done < FS_CLIENTS; done++) {
        seL4_Word badge;
        seL4_Recv(done_ep, &badge);
        printf("root: %s is done (status %u)\n", badge >= 1 && badge <= FS_CLIENTS ? names[badge - 1] : "?",
               (unsigned)seL4_GetMR(0));
    }
    printf("root: both clients done\n");
    return 0;
}
