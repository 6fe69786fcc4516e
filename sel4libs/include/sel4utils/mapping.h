/*
 * sel4libs/include/sel4utils/mapping.h - mapping one frame with the page table it
 * needs, and the seL4_ARCH_* names of the mapping calls. Partners:
 * ../vspace/arch/page.h, ../../src/vspace.c.
 */
#ifndef SEL4LIBS_SEL4UTILS_MAPPING_H
#define SEL4LIBS_SEL4UTILS_MAPPING_H

#include <sel4utils/util.h>
#include <vka/object.h>
#include <vspace/arch/page.h>

/* Maps `frame` at vaddr in page directory pd; if a page table is missing, makes one
 * with vka and records it in objects[0] (*num_objects counts what was made; it may
 * be NULL when objects is). Returns 0 or an seL4_Error. */
int sel4utils_map_page(vka_t *vka, seL4_CPtr pd, seL4_CPtr frame, void *vaddr, seL4_CapRights_t rights,
                       int cacheable, vka_object_t *objects, int *num_objects);

#endif
