/*
 * labs/05-ipc/server.c - lab 5: the root task is a server. It makes an endpoint,
 * starts two clients (the program in ./client, as processes with their own CSpace
 * and address space), answers their calls with per-client state found by the badge
 * of the cap each one calls through, hands each a notification cap in a reply, and
 * prints what it saw. README.md walks through the exercises; `make grade LAB=5`
 * scores them.
 */
#include <stdio.h>

#include <numbat/process.h>

#include "protocol.h"

#define CLIENTS 2

/* What the server knows about a client: the badge that names it and its account. */
struct client {
    const char *calls;   /* its argv[1]: how many ADD calls it makes */
    seL4_Word badge;     /* the badge of its endpoint cap */
    seL4_Word adds;      /* ADD calls received */
    seL4_Word total;     /* the sum of their MR0s */
    int said_bye;        /* a BYE came */
    seL4_Word bye_total, bye_calls; /* what the BYE said */
    seL4_CPtr ntfn_cap;  /* the badged notification cap made for it (0: none yet) */
};

static struct client clients[CLIENTS] = {
    {.calls = "100", .badge = 7},
    {.calls = "50", .badge = 8},
};

static nb_alloc_t alloc;
static seL4_CPtr ntfn; /* the notification whose badged caps the clients get */

/* The client a badge names, or NULL. */
static struct client *client_by_badge(seL4_Word badge)
{
    for (int i = 0; i < CLIENTS; i++)
        if (clients[i].badge == badge)
            return &clients[i];
    return NULL;
}

/* Serves the clients until each has said BYE. */
static void serve(seL4_CPtr ep)
{
    (void)ep;
    (void)client_by_badge;
    /* LAB 5 EXERCISE 2: the server loop. Wait for the first message with
     * seL4_Recv(ep, &badge); then, for each message, find the sender with
     * client_by_badge(badge) and look at the label (seL4_MessageInfo_get_label):
     *   ADD:  add MR0 to the client's total, count the call in `adds`, and answer
     *         with label 0, length 1, MR0 = the new total;
     *   GET_NTFN: exercise 4 (until then answer with no words);
     *   BYE:  note said_bye, bye_total = MR0 and bye_calls = MR1; a BYE is not a
     *         call, so there is nobody to answer;
     *   anything else (or an unknown badge): answer with label seL4_IllegalOperation.
     * Answer and wait for the next message in one system call, seL4_ReplyRecv(ep,
     * reply_info, &badge); after a BYE, when there is nothing to answer, wait with
     * seL4_Recv. Return when every client has said BYE. */

    /* LAB 5 EXERCISE 4 (server side): answer GET_NTFN with a cap. Make the client a
     * copy of `ntfn` badged with its own badge (a free slot from nb_alloc_slot(&alloc),
     * seL4_CNode_Mint with seL4_AllRights), keep it in ntfn_cap, put it in the
     * message with seL4_SetCap(0, cap) and reply with extraCaps 1 and no words. */
}

int main(void)
{
    nb_vspace_t vs;
    nb_alloc_init(&alloc, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &alloc);
    seL4_CPtr ep = nb_alloc_object(&alloc, seL4_EndpointObject, 0);
    ntfn = nb_alloc_object(&alloc, seL4_NotificationObject, 0);
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "server");

    nb_process_t p[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
        const char *argv[] = {"client", clients[i].calls};
        seL4_Error e = nb_process_create(&p[i], &vs, "client", 100, 0, 2, argv);
        seL4_CPtr client_ep = ep;
        /* LAB 5 EXERCISE 1: give client i a badged cap instead of the server's own
         * endpoint cap: seL4_CNode_Mint a copy of `ep` into a free slot
         * (nb_alloc_slot(&alloc)) of the root CNode (depth seL4_WordBits), badged with
         * clients[i].badge, with the rights a client needs and no more: Write (to send)
         * and GrantReply (so that its Call gets a reply cap), not Read or Grant
         * (seL4_CapRights_new(grant_reply, grant, read, write)). Give that cap instead. */
        seL4_CPtr at = nb_process_give_cap(&p[i], client_ep, seL4_AllRights, 0);
        if (e != seL4_NoError || at != CLIENT_EP) {
            printf("server: client %d could not be made (error %d)\n", i, e);
            return 1;
        }
        seL4_DebugNameThread(p[i].tcb, i == 0 ? "client-a" : "client-b");
    }
    printf("server: two clients, badges %u and %u\n", (unsigned)clients[0].badge,
           (unsigned)clients[1].badge);
    for (int i = 0; i < CLIENTS; i++)
        nb_process_start(&p[i]);

    serve(ep);

    for (int i = 0; i < CLIENTS; i++)
        printf("server: badge %u: %u adds, total %u\n", (unsigned)clients[i].badge,
               (unsigned)clients[i].adds, (unsigned)clients[i].total);
    for (int i = 0; i < CLIENTS; i++)
        if (clients[i].said_bye)
            printf("server: badge %u said bye: %u calls, last reply %u\n", (unsigned)clients[i].badge,
                   (unsigned)clients[i].bye_calls, (unsigned)clients[i].bye_total);
        else
            printf("server: badge %u never said bye\n", (unsigned)clients[i].badge);
    /* Each client signalled the notification through its own badged cap: the
     * notification's word is the OR of the badges that came (lab 6). */
    seL4_Word word = 0;
    seL4_Poll(ntfn, &word);
    printf("server: notification word 0x%x\n", (unsigned)word);
    return 0;
}
