/*
 * sel4libs/include/sel4utils/process.h - processes with sel4utils' names, over
 * libnumbat's (numbat/process.h): configure one from a program of the image (a
 * folder of the app, found by name), give it caps, then spawn it with string
 * arguments, which its main(argc, argv) gets as given (argv[0] is the first).
 * Its CSpace differs from seL4's sel4utils layout: its TCB, CNode and page
 * directory are at seL4's initial slots 1-3, its fault endpoint at 15, and the
 * caps given to it from 16 (the SEL4UTILS_*_SLOT names say where). Functions
 * returning int return 0 on success, -1 on failure (the reason logged).
 * Partners: process_config.h, vspace.h, thread.h, ../../src/process.c.
 */
#ifndef SEL4LIBS_SEL4UTILS_PROCESS_H
#define SEL4LIBS_SEL4UTILS_PROCESS_H

#include <autoconf.h>
#include <stdbool.h>

#include <numbat/process.h>
#include <sel4utils/process_config.h>
#include <sel4utils/thread.h>
#include <sel4utils/vspace.h>
#include <vka/vka.h>
#include <vspace/vspace.h>

/* Digits of the largest word, and a NUL. */
#define WORD_STRING_SIZE ((CONFIG_WORD_SIZE / 3) + 1)

typedef struct sel4utils_process {
    vka_object_t pd;
    vspace_t vspace;              /* its address space (vspace_new_pages maps there) */
    sel4utils_alloc_data_t data;
    vka_object_t cspace;
    uint32_t cspace_size;         /* log2 of its slots */
    uint32_t cspace_next_free;    /* where the next given cap lands */
    sel4utils_thread_t thread;    /* its one thread (tcb, ipc_buffer_addr) */
    vka_object_t fault_endpoint;
    void *entry_point;
    uintptr_t sysinfo;
    bool own_vspace;
    bool own_cspace;
    nb_process_t nb;              /* Numbat: the libnumbat process */
    vspace_t *spawner;            /* Numbat: the address space that made it */
} sel4utils_process_t;

enum sel4utils_cspace_layout {
    SEL4UTILS_NULL_SLOT = 0,
    SEL4UTILS_TCB_SLOT = seL4_CapInitThreadTCB,
    SEL4UTILS_CNODE_SLOT = seL4_CapInitThreadCNode,
    SEL4UTILS_PD_SLOT = seL4_CapInitThreadVSpace,
    SEL4UTILS_ENDPOINT_SLOT = NB_PROCESS_FAULT_EP,
    SEL4UTILS_FIRST_FREE = NB_PROCESS_FIRST_GIVEN,
};

/* Makes a process of program image_name (not yet running) with a new fault endpoint,
 * at priority 0. */
int sel4utils_configure_process(sel4utils_process_t *process, vka_t *vka, vspace_t *vspace,
                                const char *image_name);
/* The same as config says (see process_config.h for what must be asked for). */
int sel4utils_configure_process_custom(sel4utils_process_t *process, vka_t *target_vka,
                                       vspace_t *spawner_vspace, sel4utils_process_config_t config);

/* Gives the process its arguments (argc strings of argv, copied) and starts it if
 * `resume`. Once per process. */
int sel4utils_spawn_process(sel4utils_process_t *process, vka_t *vka, vspace_t *vspace, int argc, char *argv[],
                            int resume);
int sel4utils_spawn_process_v(sel4utils_process_t *process, vka_t *vka, vspace_t *vspace, int argc,
                              char *argv[], int resume);

/* A copy of the cap at src (a path in this program's CSpace) in the process's
 * CSpace, minted with `rights` and badge `data` (copied if data is 0); its slot
 * there, or 0 on failure. */
seL4_CPtr sel4utils_mint_cap_to_process(sel4utils_process_t *process, cspacepath_t src, seL4_CapRights_t rights,
                                        seL4_Word data);
seL4_CPtr sel4utils_copy_path_to_process(sel4utils_process_t *process, cspacepath_t src);
seL4_CPtr sel4utils_copy_cap_to_process(sel4utils_process_t *process, vka_t *vka, seL4_CPtr cap);

/* Stops the process for good and deletes its TCB, CNode and page directory
 * (nb_process_destroy); its memory and the caller's slots are not given back. */
void sel4utils_destroy_process(sel4utils_process_t *process, vka_t *vka);

/* Writes each of argc words (the variable arguments, seL4_Word each) in decimal
 * into strings[i] and points argv[i] at it. */
void sel4utils_create_word_args(char strings[][WORD_STRING_SIZE], char *argv[], int argc, ...);

/* Where initial cap `cap` (seL4_CapInitThreadTCB, CNode or VSpace) is in a process's
 * CSpace, or 0 if it has none there. */
seL4_CPtr sel4utils_process_init_cap(void *data, seL4_CPtr cap);

#endif
