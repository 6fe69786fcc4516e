/*
 * sel4libs/include/platsupport/io.h - what a device driver is given (ps_io_ops_t):
 * a way to map device memory, to allocate, a device tree (none on Numbat: drivers
 * know their addresses) and interrupts. sel4platsupport/io.h fills them in.
 * Partners: irq.h, ../sel4platsupport/io.h, ../../src/platsupport.c.
 */
#ifndef SEL4LIBS_PLATSUPPORT_IO_H
#define SEL4LIBS_PLATSUPPORT_IO_H

#include <stddef.h>
#include <stdint.h>

#include <platsupport/irq.h>

typedef enum ps_mem_flags { PS_MEM_NORMAL, PS_MEM_HR, PS_MEM_HW } ps_mem_flags_t;

typedef struct ps_io_mapper {
    void *cookie; /* the vspace and vka to map with */
} ps_io_mapper_t;

typedef struct ps_malloc_ops {
    void *cookie; /* unused: the C library's malloc */
} ps_malloc_ops_t;

typedef struct ps_io_fdt {
    void *cookie; /* no device tree on Numbat */
} ps_io_fdt_t;

typedef struct ps_io_ops {
    ps_io_mapper_t io_mapper;
    ps_malloc_ops_t malloc_ops;
    ps_io_fdt_t io_fdt;
    ps_irq_ops_t irq_ops;
} ps_io_ops_t;

/* Maps `size` bytes of device memory at physical address paddr (uncached unless
 * `cached`); their address, or NULL. */
void *ps_io_map(ps_io_mapper_t *io_mapper, uintptr_t paddr, size_t size, int cached, ps_mem_flags_t flags);
/* Unmaps what ps_io_map mapped at vaddr. */
void ps_io_unmap(ps_io_mapper_t *io_mapper, void *vaddr, size_t size);

#endif
