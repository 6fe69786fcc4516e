/*
 * sel4libs/include/sel4platsupport/arch/io.h - architecture parts of ps_io_ops_t:
 * none on ARM (x86 has I/O ports), so filling them in succeeds doing nothing.
 * Partner: ../io.h.
 */
#ifndef SEL4LIBS_SEL4PLATSUPPORT_ARCH_IO_H
#define SEL4LIBS_SEL4PLATSUPPORT_ARCH_IO_H

#include <platsupport/io.h>
#include <simple/simple.h>
#include <vka/vka.h>

static inline int sel4platsupport_new_arch_ops(ps_io_ops_t *ops, simple_t *simple, vka_t *vka)
{
    (void)ops, (void)simple, (void)vka;
    return 0;
}

#endif
