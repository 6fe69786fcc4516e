/*
 * labs/05-ipc/client/main.c - a client of the lab's server, started as a process by
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
    (void)calls;

    /* LAB 5 EXERCISE 3: make `calls` ADD calls through CLIENT_EP, the i-th (i = 1 to
     * calls) with MR0 = i: seL4_SetMR(0, i), then seL4_Call with a message info of
     * label ADD and length 1 (seL4_MessageInfo_new(ADD, 0, 0, 1)). The call blocks
     * until the server replies; keep the reply's MR0 (seL4_GetMR(0)) in `total`. */

    /* LAB 5 EXERCISE 4 (client side): ask the server for a notification cap. First
     * say where a received cap goes: seL4_SetCapReceivePath(seL4_CapInitThreadCNode,
     * CLIENT_RECV_SLOT, seL4_WordBits). Then Call with label GET_NTFN and no words. If
     * the reply's message info says one cap came (seL4_MessageInfo_get_extraCaps),
     * signal the notification through it: seL4_Signal(CLIENT_RECV_SLOT). */

    /* LAB 5 EXERCISE 5: say goodbye without waiting for an answer: put `total` in MR0
     * and `calls` in MR1 and seL4_NBSend a message of label BYE, length 2. */

    (void)total;
    return 0; /* a process suspends itself when main returns */
}
