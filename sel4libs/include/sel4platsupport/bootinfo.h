/*
 * sel4libs/include/sel4platsupport/bootinfo.h - the BootInfo of this program, as
 * seL4's platform support library hands it out. Numbat's runtime has already set
 * the IPC buffer before main. Partner: runtime/start.c.
 */
#ifndef SEL4LIBS_SEL4PLATSUPPORT_BOOTINFO_H
#define SEL4LIBS_SEL4PLATSUPPORT_BOOTINFO_H

#include <sel4/sel4.h>

/* The BootInfo (never NULL on Numbat). */
static inline seL4_BootInfo *platsupport_get_bootinfo(void)
{
    return seL4_GetBootInfo();
}

#endif
