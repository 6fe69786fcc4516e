/*
 * sel4libs/include/sel4platsupport/io.h - ps_io_ops_t parts for seL4 programs:
 * device memory mapped through a vspace_t and vka_t, malloc from the C library, and
 * no device tree. Partners: ../platsupport/io.h, ../../src/platsupport.c.
 */
#ifndef SEL4LIBS_SEL4PLATSUPPORT_IO_H
#define SEL4LIBS_SEL4PLATSUPPORT_IO_H

#include <platsupport/io.h>
#include <simple/simple.h>
#include <vka/vka.h>
#include <vspace/vspace.h>

/* Each returns 0, or -1 when it could not allocate its state. */
int sel4platsupport_new_io_mapper(vspace_t *vspace, vka_t *vka, ps_io_mapper_t *io_mapper);
int sel4platsupport_new_malloc_ops(ps_malloc_ops_t *ops);
int sel4platsupport_new_fdt_ops(ps_io_fdt_t *io_fdt, simple_t *simple, ps_malloc_ops_t *malloc_ops);
/* The mapper, malloc and fdt parts of *io_ops (not the interrupts: irq.h). */
int sel4platsupport_new_io_ops(vspace_t *vspace, vka_t *vka, simple_t *simple, ps_io_ops_t *io_ops);

#endif
