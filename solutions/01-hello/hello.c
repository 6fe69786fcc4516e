/*
 * solutions/01-hello/hello.c - the reference solution of lab 1 (labs/01-hello): the
 * root task reports its untyped memory and free slots and names itself "lab1".
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

int main(void)
{
    seL4_BootInfo *info = seL4_GetBootInfo();
    printf("Hello from the Numbat root task!\n");
    printf("My IPC buffer is at %p and my BootInfo at %p.\n", (void *)info->ipcBuffer,
           (void *)info);

    /* Exercise 1: count the untyped caps, add up the RAM ones. */
    seL4_Word caps = info->untyped.end - info->untyped.start;
    unsigned long long ram = 0;
    for (seL4_Word i = 0; i < caps; i++)
        if (!info->untypedList[i].isDevice)
            ram += 1ULL << info->untypedList[i].sizeBits;
    printf("untyped: %u caps, %llu KiB of RAM\n", (unsigned)caps, ram / 1024);

    /* Exercise 2: the free slots of the root CNode. */
    printf("empty slots: %u to %u\n", (unsigned)info->empty.start,
           (unsigned)info->empty.end - 1);

    /* Exercise 3: name the root thread. */
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "lab1");
    return 0;
}
