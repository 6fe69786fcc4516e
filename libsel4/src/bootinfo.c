/*
 * libsel4/src/bootinfo.c — storage behind the deprecated seL4_InitBootInfo() /
 * seL4_GetBootInfo() pair. Partner: include/sel4/bootinfo.h (declarations).
 * A root task that uses them links this file; new code should keep the r0
 * pointer itself.
 */
#include <sel4/bootinfo.h>

static seL4_BootInfo *bootinfo;

void seL4_InitBootInfo(seL4_BootInfo *bi)
{
    bootinfo = bi;
}

seL4_BootInfo *seL4_GetBootInfo(void)
{
    return bootinfo;
}
