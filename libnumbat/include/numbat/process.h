/*
 * libnumbat/include/numbat/process.h - a process: one of the image's programs (a
 * folder inside the app's folder, built as a program of its own: docs/user-programs.md)
 * running in a new CSpace and a new address space, with caps and string arguments
 * from its parent. The process starts like a root task: its runtime finds a
 * BootInfo page (its IPC buffer, its CNode's size and free slots) and calls
 * main(argc, argv). Its CSpace holds, at seL4's fixed slots, its own TCB (1), CNode
 * (2), page directory (3), BootInfo frame (9) and IPC buffer frame (10); the caps
 * its parent gives it follow from NB_PROCESS_FIRST_GIVEN, in the order given; its
 * free slots start at NB_PROCESS_FIRST_FREE. When it ends it only stops;
 * nb_process_destroy takes its TCB, CNode and page directory away.
 * Partners: ../../src/process.c, vspace.h, lib/elf32.h, lib/cpio.h.
 */
#ifndef NUMBAT_PROCESS_H
#define NUMBAT_PROCESS_H

#include <stddef.h>

#include <numbat/vspace.h>

#define NB_PROCESS_CNODE_BITS 8   /* 256 slots */
#define NB_PROCESS_FAULT_EP 15    /* where its fault endpoint cap is, if it has one */
#define NB_PROCESS_FIRST_GIVEN 16 /* caps given with nb_process_give_cap, in order */
#define NB_PROCESS_FIRST_FREE 32  /* its BootInfo's empty region starts here */
#define NB_PROCESS_MAX_ARGS 16

typedef struct nb_process {
    seL4_CPtr tcb, cnode, pd;  /* in the parent's CSpace */
    nb_vspace_t vs;            /* its address space (mapping through the parent's alloc) */
    seL4_CPtr next_given;      /* its next slot for a given cap */
    seL4_Word entry;           /* its first instruction */
    seL4_Word ipc_va;          /* its IPC buffer; its BootInfo page follows */
} nb_process_t;

/* The ELF of program `name` in this image, or NULL (*size gets its length). */
const void *nb_program_find(const char *name, size_t *size);

/*
 * Makes process *p of program `name`: its page directory (an ASID from the root
 * task's pool), CNode, TCB at `prio` (the root task's TCB is the authority), the
 * program's pages copied in through one page of the parent's address space
 * `parent_vs`, its IPC buffer and BootInfo pages, and `argc` strings of `argv`
 * (NB_PROCESS_MAX_ARGS at most, 1 KiB in all). Its faults go to `fault_ep` (a cap in
 * the parent's CSpace, copied to NB_PROCESS_FAULT_EP; 0: none). It does not run until
 * nb_process_start. Returns the first error on the way.
 */
seL4_Error nb_process_create(nb_process_t *p, nb_vspace_t *parent_vs, const char *name, seL4_Word prio,
                             seL4_CPtr fault_ep, int argc, const char *const argv[]);

/*
 * The two halves of nb_process_create, for callers that give caps before they know
 * the arguments (seL4's sel4utils: configure, mint caps, then spawn with argv):
 * nb_process_load makes everything but the BootInfo page; nb_process_set_args then
 * makes that page with the arguments and sets the registers main starts with. Call
 * nb_process_set_args once, before nb_process_start.
 */
seL4_Error nb_process_load(nb_process_t *p, nb_vspace_t *parent_vs, const char *name, seL4_Word prio,
                           seL4_CPtr fault_ep);
seL4_Error nb_process_set_args(nb_process_t *p, nb_vspace_t *parent_vs, int argc, const char *const argv[]);

/* Copies `cap` into the process's CSpace (minted with `badge` if it is not 0, with at
 * most `rights`); returns where it landed there, or 0. */
seL4_CPtr nb_process_give_cap(nb_process_t *p, seL4_CPtr cap, seL4_CapRights_t rights, seL4_Word badge);

/* Lets the process run. */
seL4_Error nb_process_start(nb_process_t *p);

/*
 * Tears the process down: suspends it, then for its TCB, CNode and page directory
 * revokes the parent's cap (deleting the copies the process held of it) and deletes
 * it, so each object goes with its last cap: the TCB leaves every queue it waits in,
 * the CNode's caps (the ones its parent gave it and the ones it received) are
 * deleted, and the page directory's ASID is given back, which ends its mappings. The
 * parent's slots for its frames and page tables, and the memory of all of it, stay
 * taken (nothing is freed; only revoking the untyped gives the memory back).
 * Returns the first error.
 */
seL4_Error nb_process_destroy(nb_process_t *p);

#endif
