/*
 * sel4libs/include/sel4utils/thread.h - threads of this program with sel4utils'
 * names: configure one (TCB, stack with a guard page, IPC buffer, its own
 * thread-local variables: libnumbat's nb_thread_configure), then start it at
 * entry(arg0, arg1, ipc_buffer). A thread whose entry returns suspends itself.
 * Threads live in the caller's own address space (alloc must be parent).
 * Partners: thread_config.h, util.h, ../../src/thread.c, numbat/thread.h.
 */
#ifndef SEL4LIBS_SEL4UTILS_THREAD_H
#define SEL4LIBS_SEL4UTILS_THREAD_H

#include <autoconf.h>
#include <stdbool.h>

#include <sel4/sel4.h>
#include <sel4utils/thread_config.h>
#include <sel4utils/util.h>
#include <vka/vka.h>
#include <vka/object.h>
#include <vspace/vspace.h>

#define NAME_THREAD(_tcbcap, _name) seL4_DebugNameThread(_tcbcap, _name);

typedef struct sel4utils_thread {
    vka_object_t tcb;
    void *stack_top;
    void *initial_stack_pointer; /* below its thread-local variables */
    size_t stack_size;
    seL4_CPtr ipc_buffer;        /* the IPC buffer's frame cap */
    seL4_Word ipc_buffer_addr;
    seL4_Word tls_base;          /* Numbat: its TLS register */
} sel4utils_thread_t;

typedef void (*sel4utils_thread_entry_fn)(void *arg0, void *arg1, void *ipc_buf);

/* Makes a thread (not yet running) in CSpace `cspace` with fault endpoint
 * fault_endpoint (0: none), at priority 0. Returns 0, or -1 (the reason logged). */
int sel4utils_configure_thread(vka_t *vka, vspace_t *parent, vspace_t *alloc, seL4_CPtr fault_endpoint,
                               seL4_CNode cspace, seL4_Word cspace_root_data, sel4utils_thread_t *res);
/* The same from a config (priority, stack size, ...). */
int sel4utils_configure_thread_config(vka_t *vka, vspace_t *parent, vspace_t *alloc,
                                      sel4utils_thread_config_t config, sel4utils_thread_t *res);

/* Sets its registers to run entry_point(arg0, arg1, ipc buffer) on its stack, and
 * resumes it if `resume`. Returns 0 or -1. */
int sel4utils_start_thread(sel4utils_thread_t *thread, sel4utils_thread_entry_fn entry_point, void *arg0,
                           void *arg1, int resume);

/* Stops the thread for good (its memory and objects are not given back). */
void sel4utils_clean_up_thread(vka_t *vka, vspace_t *alloc, sel4utils_thread_t *thread);

static inline seL4_TCB sel4utils_get_tcb(sel4utils_thread_t *thread)
{
    return thread->tcb.cptr;
}

static inline int sel4utils_suspend_thread(sel4utils_thread_t *thread)
{
    return seL4_TCB_Suspend(thread->tcb.cptr);
}

#endif
