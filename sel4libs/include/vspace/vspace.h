/*
 * sel4libs/include/vspace/vspace.h - seL4's vspace interface: an address space in
 * which to reserve ranges of virtual addresses and map pages, new or given. A
 * vspace_t is made by sel4utils (sel4utils/vspace.h for the program's own, the
 * process's in sel4utils/process.h); here the functions are the one implementation,
 * over libnumbat's virtual ranges (numbat/vspace.h). Only 4 KiB pages
 * (size_bits 12). Addresses are handed out upwards and never given back.
 * Partners: ../sel4utils/vspace.h, ../../src/vspace.c.
 */
#ifndef SEL4LIBS_VSPACE_VSPACE_H
#define SEL4LIBS_VSPACE_VSPACE_H

#include <stddef.h>
#include <stdint.h>

#include <sel4/sel4.h>
#include <utils/util.h>
#include <vka/object.h>
#include <vspace/arch/page.h>

typedef struct vspace {
    void *data; /* a sel4utils_alloc_data_t */
} vspace_t;

/* A range of reserved addresses (res is NULL if reserving failed). */
typedef struct reservation {
    void *res;
} reservation_t;

/* `bytes` of free addresses aligned to 2^size_bits, to be mapped with `rights`,
 * cached if `cacheable`; *vaddr gets the start. */
reservation_t vspace_reserve_range_aligned(vspace_t *vspace, size_t bytes, size_t size_bits,
                                           seL4_CapRights_t rights, int cacheable, void **vaddr);
/* The same, page aligned. */
reservation_t vspace_reserve_range(vspace_t *vspace, size_t bytes, seL4_CapRights_t rights, int cacheable,
                                   void **vaddr);
/* The range [vaddr, vaddr + bytes): below the library's free range (the program's
 * image, addresses a lab uses by hand) it is the caller's to know it is free; in the
 * free range the addresses up to its end are skipped. */
reservation_t vspace_reserve_range_at(vspace_t *vspace, void *vaddr, size_t bytes, seL4_CapRights_t rights,
                                      int cacheable);
/* Forgets the reservation (its addresses are not reused). */
void vspace_free_reservation(vspace_t *vspace, reservation_t reservation);

/* `num_pages` new zeroed pages mapped together with `rights`; NULL on failure. */
void *vspace_new_pages(vspace_t *vspace, seL4_CapRights_t rights, size_t num_pages, size_t size_bits);
/* New pages at vaddr, inside `reservation` (mapped with its rights); 0 or an error. */
int vspace_new_pages_at_vaddr(vspace_t *vspace, void *vaddr, size_t num_pages, size_t size_bits,
                              reservation_t reservation);
/* Maps the frames caps[0..num_pages) at a new range; its start or NULL. cookies
 * may be NULL. */
void *vspace_map_pages(vspace_t *vspace, seL4_CPtr caps[], uintptr_t cookies[], seL4_CapRights_t rights,
                       size_t num_pages, size_t size_bits, int cacheable);
/* Maps the frames at vaddr, inside `reservation`; 0 or an error. */
int vspace_map_pages_at_vaddr(vspace_t *vspace, seL4_CPtr caps[], uintptr_t cookies[], void *vaddr,
                              size_t num_pages, size_t size_bits, reservation_t reservation);
/* Unmaps frames mapped at vaddr (their caps are the caller's). */
void vspace_unmap_pages(vspace_t *vspace, void *vaddr, size_t num_pages, size_t size_bits, vka_t *vka);

/* A new page for an IPC buffer; *page gets its frame cap. */
void *vspace_new_ipc_buffer(vspace_t *vspace, seL4_CPtr *page);
/* A new stack of n_pages pages above an unmapped guard page; its top, or NULL. */
void *vspace_new_sized_stack(vspace_t *vspace, size_t n_pages);
/* A stack of CONFIG_SEL4UTILS_STACK_SIZE bytes. */
void *vspace_new_stack(vspace_t *vspace);

/* The frame cap mapped at vaddr by this vspace, or 0 (only pages this library
 * mapped are known). */
seL4_CPtr vspace_get_cap(vspace_t *vspace, void *vaddr);
/* The address space's page directory. */
seL4_CPtr vspace_get_root(vspace_t *vspace);

#endif
