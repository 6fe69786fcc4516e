/*
 * labs/09-processes/protocol.h - the name server's protocol, shared by the root task
 * (the name server, main.c) and the programs it starts (upper/, client/). A name
 * travels in the message registers: MR0 its length (at most NS_NAME_MAX), then its
 * bytes four to a word. Every request is an seL4_Call on the caller's badged cap to
 * the name server's endpoint; the badge tells the server who is asking.
 *
 *   NS_REGISTER  name, one extra cap (the service's endpoint)  -> MR0 NS_OK or an error
 *   NS_LOOKUP    name                                          -> MR0 NS_OK and one extra
 *                                                                 cap (the service's
 *                                                                 endpoint, badged with
 *                                                                 the caller's badge), or
 *                                                                 MR0 NS_NOT_FOUND
 *   NS_EXIT      MR0 the exit status                           -> no reply: the name
 *                                                                 server tears the caller
 *                                                                 down
 *
 * The upper service's own protocol: a Call with a string (in the same layout as a
 * name, up to NS_NAME_MAX bytes) is answered with the string in capitals.
 */
#ifndef LAB9_PROTOCOL_H
#define LAB9_PROTOCOL_H

#include <string.h>

#include <sel4/sel4.h>

enum { NS_REGISTER = 1, NS_LOOKUP = 2, NS_EXIT = 3 };
enum { NS_OK = 0, NS_NOT_FOUND = 1, NS_BAD_REQUEST = 2, NS_FULL = 3, NS_NOT_DONE = 99 };

#define NS_NAME_MAX 32
#define NS_NAME_WORDS (1 + NS_NAME_MAX / 4)

/* Where each program finds the caps its parent gave it (libnumbat/process.h puts
 * them from slot 16 in the order given). */
#define SLOT_NAME_SERVER 16   /* every program: its badged cap to the name server */
#define SLOT_UNTYPED 17       /* the upper service: 4 KiB of untyped memory */
#define SLOT_FREE 32          /* the first free slot of a program's CNode */

/* Puts a name (or a string) into the message registers; returns the message length
 * in words. */
static inline seL4_Word ns_put_name(const char *name)
{
    seL4_Word len = strlen(name), words[NS_NAME_WORDS - 1] = {0};
    if (len > NS_NAME_MAX)
        len = NS_NAME_MAX;
    memcpy(words, name, len);
    seL4_SetMR(0, len);
    for (seL4_Word i = 0; i < (len + 3) / 4; i++)
        seL4_SetMR(1 + i, words[i]);
    return 1 + (len + 3) / 4;
}

/* Reads a name from the message registers of a message of `length` words into out
 * (NS_NAME_MAX + 1 bytes); returns 0, or -1 if the message is malformed. */
static inline int ns_get_name(seL4_Word length, char *out)
{
    seL4_Word len = length ? seL4_GetMR(0) : NS_NAME_MAX + 1, words[NS_NAME_WORDS - 1];
    if (len > NS_NAME_MAX || length < 1 + (len + 3) / 4)
        return -1;
    for (seL4_Word i = 0; i < (len + 3) / 4; i++)
        words[i] = seL4_GetMR(1 + i);
    memcpy(out, words, len);
    out[len] = '\0';
    return 0;
}

#endif
