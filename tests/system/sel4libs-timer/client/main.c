/*
 * tests/system/sel4libs-timer/client - the program sel4libs-timer starts, as seL4's
 * "libraries-4" client: its endpoint cap is where sel4utils put the first given
 * cap (SEL4UTILS_FIRST_FREE); it asks its parent to wait TICKS milliseconds and
 * prints how long the parent's timer says that took, then tells the parent it is done.
 */
#include <stdio.h>
#include <assert.h>

#include <sel4/sel4.h>
#include <sel4utils/process.h>

#define EP_CPTR SEL4UTILS_FIRST_FREE
#define TICKS 50

int main(int argc, char **argv)
{
    (void)argv;
    printf("timer client: hey hey hey (%d args)\n", argc);
    seL4_MessageInfo_t tag = seL4_MessageInfo_new(0, 0, 0, 1);
    seL4_SetMR(0, TICKS);
    tag = seL4_Call(EP_CPTR, tag);
    assert(seL4_MessageInfo_get_length(tag) == 1);
    printf("timer client wakes up: %d ticks took at least %d ms: %s\n", TICKS, TICKS,
           seL4_GetMR(0) >= TICKS ? "yes" : "no");
    seL4_Send(EP_CPTR, seL4_MessageInfo_new(0, 0, 0, 0)); /* done: the parent may end the run */
    return 0;
}
