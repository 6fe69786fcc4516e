/*
 * solutions/05-ipc/server.c - lab 5's reference solution: the root task is a server. It makes an endpoint,
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
    /* Exercise 2: Recv once, then ReplyRecv for every call and Recv after a BYE. */
    int byes = 0;
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    for (;;) {
        struct client *c = client_by_badge(badge);
        seL4_MessageInfo_t reply = seL4_MessageInfo_new(seL4_IllegalOperation, 0, 0, 0);
        int answer = 1;
        switch (c ? seL4_MessageInfo_get_label(info) : 0) {
        case ADD:
            c->adds++;
            c->total += seL4_GetMR(0);
            seL4_SetMR(0, c->total);
            reply = seL4_MessageInfo_new(0, 0, 0, 1);
            break;
        case GET_NTFN:
            /* Exercise 4: a notification cap badged for this client, in the reply. */
            if (!c->ntfn_cap) {
                c->ntfn_cap = nb_alloc_slot(&alloc);
                seL4_CNode_Mint(seL4_CapInitThreadCNode, c->ntfn_cap, seL4_WordBits,
                                seL4_CapInitThreadCNode, ntfn, seL4_WordBits, seL4_AllRights, c->badge);
            }
            seL4_SetCap(0, c->ntfn_cap);
            reply = seL4_MessageInfo_new(0, 0, 1, 0);
            break;
        case BYE:
            c->said_bye = 1;
            c->bye_total = seL4_GetMR(0);
            c->bye_calls = seL4_GetMR(1);
            byes++;
            answer = 0;
            break;
        }
        if (byes == CLIENTS)
            return;
        info = answer ? seL4_ReplyRecv(ep, reply, &badge) : seL4_Recv(ep, &badge);
    }
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
        /* Exercise 1: a badged copy with Write and GrantReply only. */
        seL4_CPtr client_ep = nb_alloc_slot(&alloc);
        seL4_CNode_Mint(seL4_CapInitThreadCNode, client_ep, seL4_WordBits, seL4_CapInitThreadCNode, ep,
                        seL4_WordBits, seL4_CapRights_new(1, 0, 0, 1), clients[i].badge);
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
