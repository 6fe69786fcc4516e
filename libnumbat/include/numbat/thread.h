/*
 * libnumbat/include/numbat/thread.h - a new thread of the calling program: its TCB,
 * a stack of fresh pages (with an unmapped guard page below it, so an overflow
 * faults instead of overwriting something), an IPC buffer page, and its own
 * thread-local variables (so __sel4_ipc_buffer and errno are its own). It runs
 * fn(arg) in the caller's CSpace and the given address space; when fn returns the
 * thread suspends itself. Partners: ../../src/thread.c, vspace.h, runtime's tls.h.
 */
#ifndef NUMBAT_THREAD_H
#define NUMBAT_THREAD_H

#include <numbat/vspace.h>

#define NB_THREAD_STACK_PAGES 4

typedef struct nb_thread {
    seL4_CPtr tcb;
    seL4_CPtr ipc_frame;        /* the IPC buffer's frame cap */
    seL4_IPCBuffer *ipc_buffer; /* where the thread sees its IPC buffer */
    seL4_Word stack_top;        /* its initial stack pointer */
    seL4_Word tls_base;         /* its TLS register (TPIDRURW) */
} nb_thread_t;

/*
 * Makes thread *t as nb_thread_start does (TCB, stack, IPC buffer, TLS, configured
 * and at priority `prio`) but does not start it: the caller writes its registers
 * (sp from t->stack_top, tpidrurw from t->tls_base) and resumes it. For libraries
 * whose threads begin elsewhere than fn(arg) (sel4libs/). Returns the first error.
 */
seL4_Error nb_thread_configure(nb_thread_t *t, nb_vspace_t *vs, seL4_CPtr cspace, seL4_Word prio,
                               seL4_CPtr fault_ep);

/*
 * Makes thread *t in address space vs (which must be the caller's own: the stack, IPC
 * buffer and TLS are written through the caller's mappings) and CSpace `cspace`, at
 * priority `prio` (the root task's TCB is the authority), faults going to `fault_ep`
 * (0: none), and starts it at fn(arg). Returns the first error on the way; t->tcb is
 * set as soon as the TCB exists.
 */
seL4_Error nb_thread_start(nb_thread_t *t, nb_vspace_t *vs, seL4_CPtr cspace, seL4_Word prio,
                           seL4_CPtr fault_ep, void (*fn)(void *), void *arg);

#endif
