/*
 * sel4libs/include/sel4utils/process_config.h - how a process is to be made, built
 * up by small functions that return a changed copy (seL4's process_config_*). Here
 * a process is always an ELF program of the image, loaded in full into a new
 * address space with a new CNode of 2^CONFIG_SEL4UTILS_CSPACE_SIZE_BITS slots
 * (libnumbat/process.h): configs asking otherwise are refused by
 * sel4utils_configure_process_custom. Partners: process.h, thread_config.h.
 */
#ifndef SEL4LIBS_SEL4UTILS_PROCESS_CONFIG_H
#define SEL4LIBS_SEL4UTILS_PROCESS_CONFIG_H

#include <autoconf.h>
#include <stdbool.h>
#include <stdint.h>

#include <sel4/sel4.h>
#include <sel4utils/thread_config.h>
#include <simple/simple.h>
#include <vka/object.h>
#include <vspace/vspace.h>

typedef struct sel4utils_process_config {
    bool is_elf;                   /* must be true */
    const char *image_name;        /* the program (a folder of the app) */
    bool do_elf_load;              /* must be true */
    bool create_cspace;            /* must be true */
    int one_level_cspace_size_bits;
    bool create_vspace;            /* must be true */
    bool create_fault_endpoint;    /* make one (else fault_endpoint, 0 for none) */
    vka_object_t fault_endpoint;
    sched_params_t sched_params;   /* its priority */
    seL4_CPtr asid_pool;           /* kept; libnumbat uses the root task's pool */
} sel4utils_process_config_t;

static inline sel4utils_process_config_t process_config_asid_pool(sel4utils_process_config_t config,
                                                                  seL4_CPtr asid_pool)
{
    config.asid_pool = asid_pool;
    return config;
}

static inline sel4utils_process_config_t process_config_auth(sel4utils_process_config_t config, seL4_CPtr auth)
{
    config.sched_params.auth = auth;
    return config;
}

static inline sel4utils_process_config_t process_config_new(simple_t *simple)
{
    sel4utils_process_config_t config = {0};
    config = process_config_auth(config, simple_get_tcb(simple));
    return process_config_asid_pool(config, simple_get_init_cap(simple, seL4_CapInitThreadASIDPool));
}

static inline sel4utils_process_config_t process_config_elf(sel4utils_process_config_t config,
                                                            const char *image_name, bool preload)
{
    config.is_elf = true;
    config.image_name = image_name;
    config.do_elf_load = preload;
    return config;
}

static inline sel4utils_process_config_t process_config_create_cnode(sel4utils_process_config_t config,
                                                                     int size_bits)
{
    config.create_cspace = true;
    config.one_level_cspace_size_bits = size_bits;
    return config;
}

static inline sel4utils_process_config_t process_config_create_vspace(sel4utils_process_config_t config,
                                                                      void *reservations, int num_reservations)
{
    (void)reservations, (void)num_reservations; /* nothing below the image is kept free */
    config.create_vspace = true;
    return config;
}

static inline sel4utils_process_config_t process_config_priority(sel4utils_process_config_t config,
                                                                 uint8_t priority)
{
    config.sched_params.priority = priority;
    return config;
}

static inline sel4utils_process_config_t process_config_mcp(sel4utils_process_config_t config, uint8_t mcp)
{
    config.sched_params.mcp = mcp;
    return config;
}

static inline sel4utils_process_config_t process_config_create_fault_endpoint(sel4utils_process_config_t config)
{
    config.create_fault_endpoint = true;
    return config;
}

static inline sel4utils_process_config_t process_config_fault_endpoint(sel4utils_process_config_t config,
                                                                       vka_object_t fault_endpoint)
{
    config.fault_endpoint = fault_endpoint;
    config.create_fault_endpoint = false;
    return config;
}

static inline sel4utils_process_config_t process_config_fault_cptr(sel4utils_process_config_t config,
                                                                   seL4_CPtr fault_cptr)
{
    config.fault_endpoint.cptr = fault_cptr;
    config.create_fault_endpoint = false;
    return config;
}

/* An ELF program loaded into a new CSpace and VSpace, with a new fault endpoint. */
static inline sel4utils_process_config_t process_config_default(const char *image_name, seL4_CPtr asid_pool)
{
    sel4utils_process_config_t config = {0};
    config = process_config_asid_pool(config, asid_pool);
    config = process_config_elf(config, image_name, true);
    config = process_config_create_cnode(config, CONFIG_SEL4UTILS_CSPACE_SIZE_BITS);
    config = process_config_create_vspace(config, NULL, 0);
    return process_config_create_fault_endpoint(config);
}

/* The same at priority prio, with simple's TCB as the authority. */
static inline sel4utils_process_config_t process_config_default_simple(simple_t *simple, const char *image_name,
                                                                       uint8_t prio)
{
    sel4utils_process_config_t config = process_config_new(simple);
    config = process_config_elf(config, image_name, true);
    config = process_config_create_cnode(config, CONFIG_SEL4UTILS_CSPACE_SIZE_BITS);
    config = process_config_create_vspace(config, NULL, 0);
    config = process_config_create_fault_endpoint(config);
    return process_config_priority(config, prio);
}

#endif
