/*
 * sel4libs/include/sel4utils/thread_config.h - how a thread is to be made (fault
 * endpoint, CSpace, priority, stack size), built up by small functions that each
 * return a changed copy, as seL4's sel4utils has them. Partners: thread.h.
 */
#ifndef SEL4LIBS_SEL4UTILS_THREAD_CONFIG_H
#define SEL4LIBS_SEL4UTILS_THREAD_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include <sel4/sel4.h>
#include <simple/simple.h>

/* Scheduling: priority and maximum controlled priority, set with authority `auth`
 * (a TCB whose MCP allows them). Numbat is not MCS: no scheduling contexts. */
typedef struct sched_params {
    seL4_CPtr auth;
    uint8_t priority;
    uint8_t mcp;
} sched_params_t;

typedef struct sel4utils_thread_config {
    seL4_CPtr fault_endpoint;   /* 0: none */
    seL4_CNode cspace;          /* its CSpace root */
    seL4_Word cspace_root_data; /* guard for that root (seL4_NilData: as it is) */
    bool custom_stack_size;
    seL4_Word stack_size;       /* in pages, if custom_stack_size */
    sched_params_t sched_params;
} sel4utils_thread_config_t;

static inline sel4utils_thread_config_t thread_config_new(simple_t *simple)
{
    sel4utils_thread_config_t config = {0};
    config.sched_params.auth = simple_get_tcb(simple);
    return config;
}

static inline sel4utils_thread_config_t thread_config_priority(sel4utils_thread_config_t config, uint8_t priority)
{
    config.sched_params.priority = priority;
    return config;
}

static inline sel4utils_thread_config_t thread_config_mcp(sel4utils_thread_config_t config, uint8_t mcp)
{
    config.sched_params.mcp = mcp;
    return config;
}

static inline sel4utils_thread_config_t thread_config_auth(sel4utils_thread_config_t config, seL4_CPtr auth)
{
    config.sched_params.auth = auth;
    return config;
}

static inline sel4utils_thread_config_t thread_config_cspace(sel4utils_thread_config_t config, seL4_CPtr cspace_root,
                                                             seL4_Word cspace_root_data)
{
    config.cspace = cspace_root;
    config.cspace_root_data = cspace_root_data;
    return config;
}

static inline sel4utils_thread_config_t thread_config_fault_endpoint(sel4utils_thread_config_t config,
                                                                     seL4_CPtr fault_ep)
{
    config.fault_endpoint = fault_ep;
    return config;
}

static inline sel4utils_thread_config_t thread_config_stack_size(sel4utils_thread_config_t config, seL4_Word pages)
{
    config.custom_stack_size = true;
    config.stack_size = pages;
    return config;
}

static inline sel4utils_thread_config_t thread_config_default(simple_t *simple, seL4_CPtr cnode,
                                                              seL4_Word data, seL4_CPtr fault_ep, uint8_t prio)
{
    sel4utils_thread_config_t config = thread_config_new(simple);
    config = thread_config_cspace(config, cnode, data);
    config = thread_config_fault_endpoint(config, fault_ep);
    return thread_config_priority(config, prio);
}

#endif
