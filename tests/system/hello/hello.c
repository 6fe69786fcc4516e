/*
 * tests/system/hello/hello.c - the smallest Numbat program: the root task greets the
 * world through the kernel's DebugPutChar system call and returns 0, which shuts
 * the board down with status 0. The system tests boot it; labs/01-hello is the lab
 * that starts from it.
 */
#include <numbat/runtime.h>
#include <sel4/sel4.h>

int main(void)
{
    seL4_BootInfo *info = seL4_GetBootInfo();
    printf("Hello from the Numbat root task!\n");
    printf("My IPC buffer is at %p and my BootInfo at %p.\n", (void *)info->ipcBuffer,
           (void *)info);
    return 0;
}
