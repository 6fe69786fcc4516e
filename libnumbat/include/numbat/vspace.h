/*
 * libnumbat/include/numbat/vspace.h - mapping memory into an address space: a range
 * of free virtual addresses handed out in order (nb_vspace_reserve), frames mapped
 * with the page tables they need made on the way (nb_vspace_map), and fresh zeroed
 * pages in one call (nb_vspace_new_pages). The root task's library range is
 * NB_VSPACE_BASE..seL4_UserTop, away from its image (0x10000 up) and from addresses
 * a lab maps by hand below it. Partners: ../../src/vspace.c, alloc.h.
 */
#ifndef NUMBAT_VSPACE_H
#define NUMBAT_VSPACE_H

#include <numbat/alloc.h>

#define NB_VSPACE_BASE 0xA0000000u

typedef struct nb_vspace {
    seL4_CPtr pd;          /* the page directory (an assigned one) */
    nb_alloc_t *alloc;     /* where page tables and frames come from */
    seL4_Word next, end;   /* free virtual addresses: next .. end - 1 */
} nb_vspace_t;

/* An address space whose free range is [start, end). */
void nb_vspace_init(nb_vspace_t *vs, nb_alloc_t *a, seL4_CPtr pd, seL4_Word start, seL4_Word end);
/* The root task's own address space, free from NB_VSPACE_BASE to seL4_UserTop. */
void nb_vspace_init_root(nb_vspace_t *vs, nb_alloc_t *a);

/* `bytes` of free virtual addresses aligned to `align` (a power of two, at least a
 * page); 0 when the range is used up. Nothing is mapped there yet. */
seL4_Word nb_vspace_reserve(nb_vspace_t *vs, seL4_Word bytes, seL4_Word align);

/* Maps `frame` at va (Page_Map), first making and mapping a page table when the
 * kernel says one is missing. Returns the kernel's error. */
seL4_Error nb_vspace_map(nb_vspace_t *vs, seL4_CPtr frame, seL4_Word va, seL4_CapRights_t rights,
                         seL4_ARM_VMAttributes attr);

/* `pages` new 4 KiB pages (zeroed, as new frames are) mapped together at a reserved
 * address with `rights`; their address, or NULL when memory, slots or addresses ran
 * out. *first_frame (if not NULL) gets the first page's frame cap (the IPC buffer of a
 * thread, say). */
void *nb_vspace_new_pages(nb_vspace_t *vs, unsigned pages, seL4_CapRights_t rights,
                          seL4_CPtr *first_frame);

#endif
