/*
 * solutions/05-ipc/client/main.c - lab 5's reference client: a client of the lab's server, started as a process by
 * the root task (server.c): argv[1] says how many ADD calls to make. Its CSpace holds
 * one cap of the parent's, the endpoint, at CLIENT_EP. It prints nothing: the server
 * reports for everybody, so the console reads the same however the two clients'
 * turns interleave.
 */
#include <stdlib.h>

#include <sel4/sel4.h>

#include "../protocol.h"

int main(int argc, char **argv)
{
    seL4_Word calls = argc > 1 ? (seL4_Word)atoi(argv[1]) : 0;
    seL4_Word total = 0;

    /* Exercise 3: the calls. */
    for (seL4_Word i = 1; i <= calls; i++) {
        seL4_SetMR(0, i);
        seL4_Call(CLIENT_EP, seL4_MessageInfo_new(ADD, 0, 0, 1));
        total = seL4_GetMR(0);
    }

    /* Exercise 4: receive a notification cap in a reply and use it. */
    seL4_SetCapReceivePath(seL4_CapInitThreadCNode, CLIENT_RECV_SLOT, seL4_WordBits);
    seL4_MessageInfo_t info = seL4_Call(CLIENT_EP, seL4_MessageInfo_new(GET_NTFN, 0, 0, 0));
    if (seL4_MessageInfo_get_extraCaps(info) == 1)
        seL4_Signal(CLIENT_RECV_SLOT);

    /* Exercise 5: goodbye, without blocking. */
    seL4_SetMR(0, total);
    seL4_SetMR(1, calls);
    seL4_NBSend(CLIENT_EP, seL4_MessageInfo_new(BYE, 0, 0, 2));
    return 0; /* a process suspends itself when main returns */
}
