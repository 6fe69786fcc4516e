/*
 * tests/system/sel4libs-processes/app - the program sel4libs-processes starts, as
 * seL4's "libraries-3" app: its first argument is the slot of a badged endpoint cap
 * its parent minted into its CSpace; it Calls with MSG_DATA and checks the reply.
 * Given a second argument "fault", it then touches memory it has no mapping for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <assert.h>

#include <sel4/sel4.h>
#include <sel4utils/process.h>

#include <utils/zf_log.h>
#include <sel4utils/sel4_zf_logif.h>

#define MSG_DATA 0x6161

int main(int argc, char **argv)
{
    seL4_MessageInfo_t tag;
    seL4_Word msg;

    printf("process_2: hey hey hey (%d args)\n", argc);
    tag = seL4_MessageInfo_new(0, 0, 0, 1);
    seL4_SetMR(0, MSG_DATA);

    ZF_LOGF_IF(argc < 1, "Missing arguments.\n");
    seL4_CPtr ep = (seL4_CPtr)atol(argv[0]);
    tag = seL4_Call(ep, tag);

    ZF_LOGF_IF(seL4_MessageInfo_get_length(tag) != 1, "Length of the reply was not what was expected.\n");
    msg = seL4_GetMR(0);
    ZF_LOGF_IF(msg != (seL4_Word)~MSG_DATA, "Unexpected response from root thread.\n");
    printf("process_2: got a reply: %#" PRIxPTR "\n", msg);

    if (argc > 1 && strcmp(argv[1], "fault") == 0)
        *(volatile int *)0x0badf000 = 1;
    return 0;
}
