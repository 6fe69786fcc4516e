/*
 * labs/09-processes/upper - the "upper" service, a program of its own that the name
 * server starts as a process. It makes its own endpoint from the 4 KiB of untyped
 * memory its parent gave it, registers it with the name server under the name
 * "upper" (the cap travels with the message), and then answers every Call on it with
 * the string it was sent in capitals. The badge of each request says which client it
 * came from: the name server minted it into the cap the client looked up.
 */
#include <ctype.h>
#include <stdio.h>

#include "../protocol.h"

int main(int argc, char **argv)
{
    (void)argc;
    printf("upper: started as '%s'\n", argv[0]);
    /* Its own endpoint, retyped into the first free slot of its own CNode. */
    seL4_CPtr ep = SLOT_FREE;
    seL4_Error e = seL4_Untyped_Retype(SLOT_UNTYPED, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, 0, 0,
                                       ep, 1);
    if (e != seL4_NoError) {
        printf("upper: no endpoint: error %d\n", e);
        return 1;
    }
    /* Register: the name in the message, the endpoint cap as the one extra cap. */
    seL4_Word length = ns_put_name("upper");
    seL4_SetCap(0, ep);
    seL4_MessageInfo_t reply = seL4_Call(SLOT_NAME_SERVER, seL4_MessageInfo_new(NS_REGISTER, 0, 1, length));
    if (seL4_MessageInfo_get_length(reply) < 1 || seL4_GetMR(0) != NS_OK) {
        printf("upper: the name server refused to register me (error %u)\n", (unsigned)seL4_GetMR(0));
        return 1;
    }
    printf("upper: registered\n");

    /* Serve: each request is a string; the answer is the same string in capitals. */
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    for (;;) {
        char text[NS_NAME_MAX + 1];
        if (ns_get_name(seL4_MessageInfo_get_length(info), text) != 0) {
            printf("upper: a malformed request from badge %u\n", (unsigned)badge);
            seL4_SetMR(0, 0);
            info = seL4_ReplyRecv(ep, seL4_MessageInfo_new(NS_BAD_REQUEST, 0, 0, 1), &badge);
            continue;
        }
        printf("upper: request from badge %u: '%s'\n", (unsigned)badge, text);
        for (char *c = text; *c; c++)
            *c = (char)toupper((unsigned char)*c);
        length = ns_put_name(text);
        info = seL4_ReplyRecv(ep, seL4_MessageInfo_new(0, 0, 0, length), &badge);
    }
}
