/*
 * sel4libs/include/allocman/vka.h - the VKA interface of an allocman, the VKA every
 * other library here takes. Partners: ../vka/vka.h, ../../src/allocman.c.
 */
#ifndef SEL4LIBS_ALLOCMAN_VKA_H
#define SEL4LIBS_ALLOCMAN_VKA_H

#include <allocman/allocman.h>
#include <vka/vka.h>

/* Fills *vka with alloc's functions. */
void allocman_make_vka(vka_t *vka, allocman_t *alloc);

#endif
