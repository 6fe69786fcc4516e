/*
 * sel4libs/src/process.c - sel4utils processes over libnumbat's (see
 * sel4utils/process.h). Configuring loads the program (nb_process_load); spawning
 * writes the arguments and starts it (nb_process_set_args, nb_process_start). The
 * process's vspace_t maps into its address space through the spawner's allocator.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <sel4utils/process.h>
#include <sel4utils/sel4_zf_logif.h>
#include <vka/capops.h>

#include "internal.h"

/* The config asks for what libnumbat does: an ELF loaded into a new CSpace and VSpace. */
static bool supported(const sel4utils_process_config_t *config)
{
    return config->is_elf && config->do_elf_load && config->create_cspace && config->create_vspace &&
           config->image_name != NULL;
}

/* The fields of *process that describe the libnumbat process. */
static void describe(sel4utils_process_t *process, vka_t *vka, vspace_t *spawner)
{
    nb_process_t *p = &process->nb;
    process->pd = (vka_object_t){.cptr = p->pd, .type = seL4_ARM_PageDirectoryObject};
    process->cspace = (vka_object_t){.cptr = p->cnode, .type = seL4_CapTableObject,
                                     .size_bits = NB_PROCESS_CNODE_BITS};
    process->cspace_size = NB_PROCESS_CNODE_BITS;
    process->cspace_next_free = p->next_given;
    process->thread.tcb = (vka_object_t){.cptr = p->tcb, .type = seL4_TCBObject};
    process->thread.ipc_buffer_addr = p->ipc_va;
    process->entry_point = (void *)p->entry;
    process->own_vspace = process->own_cspace = true;
    process->data = (sel4utils_alloc_data_t){.vs = &p->vs, .vka = vka};
    process->vspace.data = &process->data;
    process->spawner = spawner;
}

int sel4utils_configure_process_custom(sel4utils_process_t *process, vka_t *target_vka,
                                       vspace_t *spawner_vspace, sel4utils_process_config_t config)
{
    memset(process, 0, sizeof(*process));
    if (!supported(&config)) {
        ZF_LOGE("only ELF programs of the image, loaded into a new CSpace and VSpace, are supported");
        return -1;
    }
    int error = 0;
    if (config.create_fault_endpoint)
        error = vka_alloc_endpoint(target_vka, &config.fault_endpoint);
    process->fault_endpoint = config.fault_endpoint;
    if (!error)
        error = nb_process_load(&process->nb, sel4libs_nb_vspace(spawner_vspace), config.image_name,
                                config.sched_params.priority, config.fault_endpoint.cptr);
    ZF_LOGE_IFERR(error, "making a process of program '%s'", config.image_name);
    if (error)
        return -1;
    describe(process, target_vka, spawner_vspace);
    return 0;
}

int sel4utils_configure_process(sel4utils_process_t *process, vka_t *vka, vspace_t *vspace,
                                const char *image_name)
{
    sel4utils_process_config_t config = process_config_default(image_name, seL4_CapInitThreadASIDPool);
    return sel4utils_configure_process_custom(process, vka, vspace, config);
}

int sel4utils_spawn_process_v(sel4utils_process_t *process, vka_t *vka, vspace_t *vspace, int argc,
                              char *argv[], int resume)
{
    (void)vka;
    int error = nb_process_set_args(&process->nb, sel4libs_nb_vspace(vspace), argc, (const char *const *)argv);
    if (!error && resume)
        error = nb_process_start(&process->nb);
    ZF_LOGE_IFERR(error, "spawning the process");
    return error ? -1 : 0;
}

int sel4utils_spawn_process(sel4utils_process_t *process, vka_t *vka, vspace_t *vspace, int argc, char *argv[],
                            int resume)
{
    return sel4utils_spawn_process_v(process, vka, vspace, argc, argv, resume);
}

seL4_CPtr sel4utils_mint_cap_to_process(sel4utils_process_t *process, cspacepath_t src, seL4_CapRights_t rights,
                                        seL4_Word data)
{
    if (src.root != seL4_CapInitThreadCNode) {
        ZF_LOGE("the cap must be in this program's root CNode");
        return 0;
    }
    seL4_CPtr slot = nb_process_give_cap(&process->nb, src.capPtr, rights, data);
    process->cspace_next_free = process->nb.next_given;
    return slot;
}

seL4_CPtr sel4utils_copy_path_to_process(sel4utils_process_t *process, cspacepath_t src)
{
    return sel4utils_mint_cap_to_process(process, src, seL4_AllRights, 0);
}

seL4_CPtr sel4utils_copy_cap_to_process(sel4utils_process_t *process, vka_t *vka, seL4_CPtr cap)
{
    cspacepath_t path;
    vka_cspace_make_path(vka, cap, &path);
    return sel4utils_copy_path_to_process(process, path);
}

void sel4utils_destroy_process(sel4utils_process_t *process, vka_t *vka)
{
    (void)vka;
    /* Its TCB, CNode and page directory go (libnumbat's teardown); the memory stays. */
    if (process->nb.tcb)
        nb_process_destroy(&process->nb);
}

void sel4utils_create_word_args(char strings[][WORD_STRING_SIZE], char *argv[], int argc, ...)
{
    va_list ap;
    va_start(ap, argc);
    for (int i = 0; i < argc; i++) {
        snprintf(strings[i], WORD_STRING_SIZE, "%" SEL4_PRIu_word, va_arg(ap, seL4_Word));
        argv[i] = strings[i];
    }
    va_end(ap);
}

seL4_CPtr sel4utils_process_init_cap(void *data, seL4_CPtr cap)
{
    (void)data;
    switch (cap) {
    case seL4_CapInitThreadTCB:
    case seL4_CapInitThreadCNode:
    case seL4_CapInitThreadVSpace:
        return cap; /* libnumbat puts them at seL4's initial slots */
    default:
        return 0;
    }
}
