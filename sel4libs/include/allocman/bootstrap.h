/*
 * sel4libs/include/allocman/bootstrap.h - making the first allocman of a program
 * from its boot environment. The allocman lives at the start of the static pool
 * the caller gives (which must hold sizeof(allocman_t)). Partners: allocman.h,
 * ../../src/allocman.c.
 */
#ifndef SEL4LIBS_ALLOCMAN_BOOTSTRAP_H
#define SEL4LIBS_ALLOCMAN_BOOTSTRAP_H

#include <stddef.h>
#include <stdint.h>

#include <allocman/allocman.h>
#include <simple/simple.h>

/* An allocman over simple's free slots and untyped memory, or NULL if the pool is
 * too small or NULL. */
allocman_t *bootstrap_use_current_simple(simple_t *simple, uint32_t pool_size, char *pool);
/* The same over a BootInfo. */
allocman_t *bootstrap_use_bootinfo(seL4_BootInfo *bi, size_t pool_size, void *pool);

/* Gives the allocman virtual memory for its books: accepted and kept, as this
 * allocman needs none. Returns 0. */
int bootstrap_configure_virtual_pool(allocman_t *alloc, void *vstart, size_t vsize, seL4_CPtr pd);

#endif
