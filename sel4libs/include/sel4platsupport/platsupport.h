/*
 * sel4libs/include/sel4platsupport/platsupport.h - seL4's platform support entry
 * points a program calls at start. Numbat's console needs no set-up (printf goes
 * through seL4_DebugPutChar), so the serial set-up calls succeed doing nothing.
 * Partner: bootinfo.h.
 */
#ifndef SEL4LIBS_SEL4PLATSUPPORT_PLATSUPPORT_H
#define SEL4LIBS_SEL4PLATSUPPORT_PLATSUPPORT_H

#include <sel4platsupport/bootinfo.h>
#include <simple/simple.h>
#include <vka/vka.h>
#include <vspace/vspace.h>

static inline int platsupport_serial_setup_simple(vspace_t *vspace, simple_t *simple, vka_t *vka)
{
    (void)vspace, (void)simple, (void)vka;
    return 0;
}

static inline int platsupport_serial_setup_bootinfo_failsafe(void)
{
    return 0;
}

#endif
