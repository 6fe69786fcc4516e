/*
 * sel4libs/include/simple-default/simple-default.h - "simple" over the BootInfo the
 * kernel gives the root task (or libnumbat gives a process). Partners:
 * ../simple/simple.h, ../../src/simple.c.
 */
#ifndef SEL4LIBS_SIMPLE_DEFAULT_H
#define SEL4LIBS_SIMPLE_DEFAULT_H

#include <sel4/sel4.h>
#include <simple/simple.h>

/* Makes *simple describe BootInfo `bi`, which must outlive it. */
void simple_default_init_bootinfo(simple_t *simple, seL4_BootInfo *bi);

#endif
