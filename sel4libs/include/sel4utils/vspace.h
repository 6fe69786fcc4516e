/*
 * sel4libs/include/sel4utils/vspace.h - making a vspace_t (vspace/vspace.h) for the
 * program's own address space. Its free addresses are libnumbat's library range
 * (NB_VSPACE_BASE up to seL4_UserTop), away from the image and from addresses a lab
 * maps by hand, so nothing there needs reserving first. "Leaky": nothing is freed.
 * Partners: ../vspace/vspace.h, ../../src/vspace.c.
 */
#ifndef SEL4LIBS_SEL4UTILS_VSPACE_H
#define SEL4LIBS_SEL4UTILS_VSPACE_H

#include <autoconf.h>
#include <numbat/vspace.h>
#include <sel4utils/util.h>
#include <vka/vka.h>
#include <vspace/vspace.h>

/* What a vspace_t made here is: an address space, its allocator, its frames. */
typedef struct sel4utils_alloc_data {
    nb_vspace_t own;        /* the address space, when it is the program's own */
    nb_vspace_t *vs;        /* the one in use (own, or a process's) */
    vka_t *vka;
    struct sel4utils_mapped *mapped; /* pages mapped through this vspace (vspace_get_cap) */
} sel4utils_alloc_data_t;

/* The program's own address space (page directory `page_directory`), allocating
 * with vka (made by allocman_make_vka); `info` is its BootInfo. Returns 0. */
int sel4utils_bootstrap_vspace_with_bootinfo_leaky(vspace_t *vspace, sel4utils_alloc_data_t *data,
                                                   seL4_CPtr page_directory, vka_t *vka, seL4_BootInfo *info);
/* The same, under the name seL4 gives the form that keeps its own bookkeeping in memory
 * it can free: here both keep it in `data`, which the caller owns, so they are one. */
int sel4utils_bootstrap_vspace_with_bootinfo(vspace_t *vspace, sel4utils_alloc_data_t *data,
                                             seL4_CPtr page_directory, vka_t *vka, seL4_BootInfo *info);
/* The same without a BootInfo (existing_frames, a list of mapped addresses that
 * must stay, lies below the free range here and is not needed). */
int sel4utils_bootstrap_vspace_leaky(vspace_t *vspace, sel4utils_alloc_data_t *data, seL4_CPtr page_directory,
                                     vka_t *vka, void *existing_frames[]);

#endif
