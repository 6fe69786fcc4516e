/*
 * labs/01-hello/hello.c - lab 1: the root task, the first and only thread the kernel
 * starts, looks at what the kernel handed it (the BootInfo frame) and names itself.
 * README.md in this folder walks through the exercises; `make grade LAB=1` scores them.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

int main(void)
{
    seL4_BootInfo *info = seL4_GetBootInfo();
    printf("Hello from the Numbat root task!\n");
    printf("My IPC buffer is at %p and my BootInfo at %p.\n", (void *)info->ipcBuffer,
           (void *)info);

    /* LAB 1 EXERCISE 1: the kernel gave the root task every byte of free memory as
     * untyped capabilities, in slots info->untyped.start to info->untyped.end - 1, and
     * described each one in info->untypedList[]. Print one line:
     *     untyped: N caps, M KiB of RAM
     * where N counts the caps and M adds up the sizes (2^sizeBits bytes) of those that
     * are not device memory (isDevice == 0). */

    /* LAB 1 EXERCISE 2: the root CNode's free slots are info->empty.start to
     * info->empty.end - 1. Print one line:
     *     empty slots: S to E
     * with S = info->empty.start and E = info->empty.end - 1, in decimal. */

    /* LAB 1 EXERCISE 3: give this thread the name "lab1" with seL4_DebugNameThread()
     * on the capability to its own TCB (seL4_CapInitThreadTCB). The trace shows the
     * name, and so does the visualizer's Threads tab. */

    return 0;
}
