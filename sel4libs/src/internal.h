/*
 * sel4libs/src/internal.h - what the library's files share and programs do not
 * see: the libnumbat allocator and address space behind a VKA and a vspace_t.
 * Partners: allocman.c, vspace.c, thread.c, process.c.
 */
#ifndef SEL4LIBS_INTERNAL_H
#define SEL4LIBS_INTERNAL_H

#include <numbat/vspace.h>
#include <vka/vka.h>
#include <vspace/vspace.h>

/* The allocator of a VKA made by allocman_make_vka. */
nb_alloc_t *sel4libs_vka_alloc(vka_t *vka);
/* The address space of a vspace_t made by this library. */
nb_vspace_t *sel4libs_nb_vspace(vspace_t *vspace);

#endif
