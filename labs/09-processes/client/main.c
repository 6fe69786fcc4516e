/*
 * labs/09-processes/client - a client of the upper service, a program the name
 * server starts as a process twice (client-1 and client-2). It looks the upper
 * service up at the name server, receives its endpoint cap, sends it a string,
 * prints the answer, tries a name nobody registered, and tells the name server it
 * exits.
 */
#include <stdio.h>

#include "../protocol.h"

/* Tells the name server this process is done; the name server tears it down, so
 * the Call never returns (unless the name server does not do that yet). */
static void ns_exit(const char *me, seL4_Word status)
{
    printf("%s: exiting with status %u\n", me, (unsigned)status);
    seL4_SetMR(0, status);
    seL4_Call(SLOT_NAME_SERVER, seL4_MessageInfo_new(NS_EXIT, 0, 0, 1));
    printf("%s: still here after exiting\n", me);
}

/* ---- LAB 9 EXERCISE 3 (the client's half): looking a name up --------------------- */
/* Looks `name` up; the endpoint cap that comes back lands in `slot` of this process's
 * CNode. Returns NS_OK or the name server's error. */
static seL4_Word lookup(const char *name, seL4_CPtr slot)
{
    /* LAB 9 EXERCISE 3: say where a received cap should land
     * (seL4_SetCapReceivePath: this process's CNode, seL4_CapInitThreadCNode, the
     * slot, depth seL4_WordBits), put the name in the message (ns_put_name) and
     * seL4_Call the name server (SLOT_NAME_SERVER) with label NS_LOOKUP. The answer
     * is NS_OK in MR0 with one extra cap (seL4_MessageInfo_get_extraCaps), or an
     * error in MR0. */
    (void)name;
    (void)slot;
    return NS_NOT_DONE;
}

int main(int argc, char **argv)
{
    (void)argc;
    const char *me = argv[0];
    printf("%s: started\n", me);

    seL4_CPtr upper = SLOT_FREE;
    seL4_Word error = lookup("upper", upper);
    if (error != NS_OK) {
        printf("%s: looking up 'upper' failed: error %u\n", me, (unsigned)error);
        ns_exit(me, 1);
        return 1;
    }
    printf("%s: 'upper' is in slot %u\n", me, (unsigned)upper);
    printf("%s: looking up 'lower': error %u\n", me, (unsigned)lookup("lower", SLOT_FREE + 1));
    char text[NS_NAME_MAX + 1];
    snprintf(text, sizeof(text), "hello from %s", me);
    /* LAB 9 EXERCISE 4: send `text` to the service through the cap you received (a
     * Call with the string in the message, as ns_put_name lays it out), and read the
     * answer back into `text`. */
    seL4_MessageInfo_t reply = seL4_MessageInfo_new(0, 0, 0, 0);
    if (ns_get_name(seL4_MessageInfo_get_length(reply), text) != 0) {
        printf("%s: upper's answer is malformed\n", me);
        ns_exit(me, 1);
        return 1;
    }
    printf("%s: upper answered '%s'\n", me, text);

    ns_exit(me, 0);
    return 0;
}
