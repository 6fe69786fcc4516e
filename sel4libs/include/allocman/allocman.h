/*
 * sel4libs/include/allocman/allocman.h - seL4's allocman, the allocator behind a
 * VKA: here a libnumbat allocator (numbat/alloc.h) of the root CNode's free slots
 * and BootInfo's untyped memory. It keeps no book of its own, so it needs no
 * memory pool beyond its own struct, and it never reuses untyped memory.
 * Partners: bootstrap.h (making one), vka.h (its VKA), ../../src/allocman.c.
 */
#ifndef SEL4LIBS_ALLOCMAN_ALLOCMAN_H
#define SEL4LIBS_ALLOCMAN_ALLOCMAN_H

#include <stddef.h>

#include <numbat/alloc.h>

typedef struct allocman {
    nb_alloc_t alloc;     /* slots and objects */
    void *vpool_start;    /* the virtual pool given (kept, not needed) */
    size_t vpool_size;
} allocman_t;

#endif
