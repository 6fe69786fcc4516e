/*
 * labs/05-ipc/protocol.h - what the server and its clients say to each other: the
 * label of each message (seL4_MessageInfo's label) and what travels in the message
 * registers. Shared by server.c (the root task) and client/main.c (the clients).
 */
#ifndef LAB5_PROTOCOL_H
#define LAB5_PROTOCOL_H

#include <sel4/sel4.h>

/* Where the client finds its endpoint cap: the first cap its parent gave it. */
#define CLIENT_EP 16          /* NB_PROCESS_FIRST_GIVEN */
/* The free slot of the client's CNode where a cap sent to it lands. */
#define CLIENT_RECV_SLOT 32   /* NB_PROCESS_FIRST_FREE */

enum label {
    ADD = 1,      /* seL4_Call, MR0 = n: the server adds n to this client's total;
                   * reply label 0, MR0 = the new total */
    GET_NTFN = 2, /* seL4_Call, no words: the reply carries one cap (extraCaps 1), a
                   * notification cap badged with the client's badge */
    BYE = 3,      /* seL4_NBSend, MR0 = the last total the client got, MR1 = how many
                   * ADD calls it made: no reply */
};

#endif
