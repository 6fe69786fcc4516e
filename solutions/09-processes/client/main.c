/*
 * solutions/09-processes/client - the reference solution's client: it looks the
 * upper service up at the name server, receives its endpoint cap, sends it a
 * string, prints the answer, tries a name nobody registered, and tells the name
 * server it exits.
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
    seL4_SetCapReceivePath(seL4_CapInitThreadCNode, slot, seL4_WordBits);
    seL4_Word length = ns_put_name(name);
    seL4_MessageInfo_t reply = seL4_Call(SLOT_NAME_SERVER, seL4_MessageInfo_new(NS_LOOKUP, 0, 0, length));
    if (seL4_MessageInfo_get_length(reply) < 1)
        return NS_BAD_REQUEST;
    if (seL4_GetMR(0) != NS_OK)
        return seL4_GetMR(0);
    return seL4_MessageInfo_get_extraCaps(reply) == 1 ? NS_OK : NS_BAD_REQUEST;
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
    seL4_Word length = ns_put_name(text);
    seL4_MessageInfo_t reply = seL4_Call(upper, seL4_MessageInfo_new(0, 0, 0, length));
    if (ns_get_name(seL4_MessageInfo_get_length(reply), text) != 0) {
        printf("%s: upper's answer is malformed\n", me);
        ns_exit(me, 1);
        return 1;
    }
    printf("%s: upper answered '%s'\n", me, text);

    ns_exit(me, 0);
    return 0;
}
