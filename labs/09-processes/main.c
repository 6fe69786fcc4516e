/*
 * labs/09-processes/main.c - lab 9: the root task starts three programs of the image
 * as processes (the upper service in upper/ and two clients from client/), each
 * with a badged cap to the root's endpoint, and serves as their name server:
 * services register a name with their endpoint cap, clients look names up and get
 * the endpoint back, minted with their own badge. When a client says it exits, the
 * root tears it down; when both have gone, the service too. README.md in this
 * folder walks through the exercises; `make grade LAB=9` scores them.
 */
#include <stdio.h>
#include <string.h>

#include <numbat/process.h>

#include "protocol.h"

#define MAX_NAMES 8

/* The processes this root task starts: the program, its name (argv[0] and its
 * thread's name), the badge on its cap to the name server, and its priority. */
typedef struct proc {
    const char *program, *name;
    seL4_Word badge, prio;
    nb_process_t p;
    int running;
} proc_t;

static proc_t procs[] = {
    {"upper", "upper", 1, 200, {0}, 0},
    {"client", "client-1", 2, 120, {0}, 0},
    {"client", "client-2", 3, 110, {0}, 0},
};
#define NPROCS (sizeof(procs) / sizeof(procs[0]))
#define CLIENTS 2

/* The name table: each name with the slot of the endpoint cap registered for it. */
static struct {
    char name[NS_NAME_MAX + 1];
    seL4_CPtr ep;
} table[MAX_NAMES];
static unsigned names;

static nb_alloc_t alloc;
static nb_vspace_t vs;
static seL4_CPtr ns_ep;     /* the name server's endpoint (the original, unbadged) */
static seL4_CPtr recv_slot; /* where the next cap sent to the name server lands */
static seL4_CPtr scratch;   /* where lookups mint the cap they send back */

/* ---- LAB 9 EXERCISE 1: starting a process ------------------------------------- */
/* Starts pr as a process of its program; returns 0, or -1 if it could not. */
static int spawn(proc_t *pr)
{
    /* LAB 9 EXERCISE 1: make the process with nb_process_create (program
     * pr->program, priority pr->prio, no fault endpoint, one argument: pr->name),
     * give it a cap to ns_ep badged pr->badge (nb_process_give_cap: it must land in
     * its slot SLOT_NAME_SERVER), and to the upper program also 4 KiB of untyped
     * memory (nb_alloc_object(&alloc, seL4_UntypedObject, 12), landing in
     * SLOT_UNTYPED). Name its thread pr->name (seL4_DebugNameThread on pr->p.tcb),
     * start it, set pr->running and return 0. */
    (void)pr;
    return -1;
}

/* ---- LAB 9 EXERCISE 2: registering a name ---------------------------------------- */
/* A register request from `from`: remember the endpoint cap that came with it (in
 * recv_slot) under the name; returns the reply. */
static seL4_MessageInfo_t do_register(proc_t *from, seL4_MessageInfo_t info)
{
    /* LAB 9 EXERCISE 2: read the name (ns_get_name) and check that exactly one cap
     * came with the message and was not unwrapped (seL4_MessageInfo_get_extraCaps,
     * _get_capsUnwrapped): then it is in recv_slot. Record the name and the slot in
     * table[names], print
     *     ns: %s registered '%s', endpoint in slot %u
     * (the caller's name, the name, the slot), and take a fresh recv_slot
     * (nb_alloc_slot, seL4_SetCapReceivePath) so the next cap does not land on it.
     * Reply NS_OK in MR0 (NS_BAD_REQUEST or NS_FULL when it cannot be done). */
    (void)from;
    (void)info;
    seL4_SetMR(0, NS_NOT_DONE);
    return seL4_MessageInfo_new(0, 0, 0, 1);
}

/* ---- LAB 9 EXERCISE 3 (the server's half; the client's is in client/) ---------- */
/* A lookup from `from`: the registered endpoint, minted with the caller's badge, goes
 * back with the reply; returns the reply. */
static seL4_MessageInfo_t do_lookup(proc_t *from, seL4_MessageInfo_t info)
{
    /* LAB 9 EXERCISE 3: find the name in the table. Found: mint the registered cap
     * into `scratch` (delete what an earlier lookup left there first) with the
     * caller's badge, from->badge, and the rights a client needs (Write and
     * GrantReply: seL4_CapRights_new(1, 0, 0, 1)); print
     *     ns: %s looked up '%s': endpoint with badge %u
     * and reply NS_OK with the minted cap as the one extra cap (seL4_SetCap(0, ...)).
     * Not found: print
     *     ns: %s looked up '%s': not found
     * and reply NS_NOT_FOUND. */
    (void)from;
    (void)info;
    seL4_SetMR(0, NS_NOT_DONE);
    return seL4_MessageInfo_new(0, 0, 0, 1);
}

/* ---- LAB 9 EXERCISE 5: tearing a process down --------------------------------------- */
static void destroy(proc_t *pr)
{
    /* LAB 9 EXERCISE 5: tear the process down with nb_process_destroy, clear
     * pr->running and print
     *     ns: %s destroyed (error %d)
     */
    printf("ns: %s is not destroyed (exercise 5)\n", pr->name);
}

static proc_t *by_badge(seL4_Word badge)
{
    for (unsigned i = 0; i < NPROCS; i++)
        if (procs[i].badge == badge)
            return &procs[i];
    return NULL;
}

int main(void)
{
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "ns");
    nb_alloc_init(&alloc, seL4_GetBootInfo());
    nb_vspace_init_root(&vs, &alloc);
    ns_ep = nb_alloc_object(&alloc, seL4_EndpointObject, 0);
    recv_slot = nb_alloc_slot(&alloc);
    scratch = nb_alloc_slot(&alloc);
    seL4_SetCapReceivePath(seL4_CapInitThreadCNode, recv_slot, seL4_WordBits);
    for (unsigned i = 0; i < NPROCS; i++) {
        if (spawn(&procs[i]) != 0) {
            printf("ns: could not start %s (exercise 1)\n", procs[i].name);
            return 0;
        }
        printf("ns: started %s (badge %u, priority %u)\n", procs[i].name, (unsigned)procs[i].badge,
               (unsigned)procs[i].prio);
    }

    /* The name server: one request at a time, each answered before the next. */
    unsigned exited = 0;
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(ns_ep, &badge);
    for (;;) {
        proc_t *from = by_badge(badge);
        seL4_MessageInfo_t reply;
        if (!from) {
            printf("ns: a message with badge %u from nobody I started\n", (unsigned)badge);
            seL4_SetMR(0, NS_BAD_REQUEST);
            reply = seL4_MessageInfo_new(0, 0, 0, 1);
        } else if (seL4_MessageInfo_get_label(info) == NS_REGISTER) {
            reply = do_register(from, info);
        } else if (seL4_MessageInfo_get_label(info) == NS_LOOKUP) {
            reply = do_lookup(from, info);
        } else if (seL4_MessageInfo_get_label(info) == NS_EXIT) {
            printf("ns: %s exits with status %u\n", from->name, (unsigned)seL4_GetMR(0));
            destroy(from);
            if (++exited == CLIENTS)
                break;
            info = seL4_Recv(ns_ep, &badge); /* no reply: the caller is gone */
            continue;
        } else {
            seL4_SetMR(0, NS_BAD_REQUEST);
            reply = seL4_MessageInfo_new(0, 0, 0, 1);
        }
        info = seL4_ReplyRecv(ns_ep, reply, &badge);
    }
    for (unsigned i = 0; i < NPROCS; i++)
        if (procs[i].running)
            destroy(&procs[i]); /* the service */
    printf("ns: all clients gone; %u name%s registered\n", names, names == 1 ? "" : "s");
    return 0;
}
