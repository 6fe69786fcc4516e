/*
 * sel4libs/src/runtime.c - sel4runtime's TLS image for threads a program starts by
 * hand (see sel4runtime.h), and the tutorials' name_thread helper.
 */
#include <sel4runtime.h>

uintptr_t sel4runtime_write_tls_image(void *tls_memory)
{
    return numbat_tls_setup(tls_memory, CONFIG_SEL4RUNTIME_STATIC_TLS);
}

/* seL4's tutorials name threads with this (libsel4tutorials); they declare it. */
void name_thread(seL4_CPtr tcb, char *name);
void name_thread(seL4_CPtr tcb, char *name)
{
    seL4_DebugNameThread(tcb, name);
}
