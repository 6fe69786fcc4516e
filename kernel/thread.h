/*
 * kernel/thread.h - threads: the TCB object and what the rest of the kernel does
 * to a thread (make it runnable, stop it, name it, find its CSpace and IPC
 * buffer). A TCB object is 1 KiB of untyped memory (seL4_TCBBits): the tcb_t
 * below, which begins with the TCB's own small CNode holding its CSpace root,
 * VSpace root and IPC buffer frame caps.
 * Partners: thread.c, sched.h (ready queues), tcb.h (TCB invocations).
 */
#ifndef KERNEL_THREAD_H
#define KERNEL_THREAD_H

#include <arch/context.h>
#include <sel4/constants.h>
#include <sel4/ipcbuffer.h>

#include "kernel.h"
#include "slot.h"

typedef enum thread_state {
    THREAD_INACTIVE, /* not runnable until resumed (also: stopped by an unhandled fault) */
    THREAD_RUNNING,  /* runnable: current or in a ready queue */
} thread_state_t;

enum tcb_slot {
    TCB_SLOT_CSPACE,
    TCB_SLOT_VSPACE,
    TCB_SLOT_IPC_BUFFER,
    TCB_SLOT_COUNT
};

#define THREAD_NAME_MAX 16
#define TIMESLICE_TICKS 5 /* seL4's CONFIG_TIME_SLICE */

typedef struct tcb {
    cte_t slots[TCB_SLOT_COUNT];
    arch_context_t context; /* saved user registers, TLS included */
    thread_state_t state;
    uint32_t priority;
    uint32_t mcp;           /* maximum controlled priority */
    uint32_t timeslice;     /* ticks left */
    struct tcb *queue_prev, *queue_next; /* ready queue links */
    bool queued;
    uint32_t ipc_buffer;    /* user address, 0 if none */
    uint32_t fault_ep;      /* cptr, resolved in the thread's CSpace at fault time */
    uint32_t flags;         /* seL4_TCBFlag bits */
    struct notification *bound_notification;
    struct tcb *all_next, *all_prev; /* every TCB, for DebugDumpScheduler */
    char name[THREAD_NAME_MAX];
} tcb_t;

_Static_assert(sizeof(tcb_t) <= (1u << seL4_TCBBits), "a TCB fits its object");

/* The thread whose context the kernel saved on entry (sched.c). */
extern tcb_t *current_thread;
/* Every TCB that exists, newest first. */
extern tcb_t *all_threads;

/* A new TCB in zeroed memory: inactive, priority 0, user mode. */
void thread_init(tcb_t *t);
void thread_set_name(tcb_t *t, const char *name);
cap_t thread_cspace(const tcb_t *t);
/* The thread's IPC buffer as a kernel pointer, or NULL if it has none mapped. */
seL4_IPCBuffer *thread_ipc_buffer(const tcb_t *t);
/* Makes t runnable (queued by priority); from INACTIVE it resumes at its saved PC. */
void thread_resume(tcb_t *t);
/* Makes t inactive and takes it out of the ready queues. */
void thread_suspend(tcb_t *t);
void thread_set_priority(tcb_t *t, uint32_t priority);
/* Deleting a TCB: it must not run, be queued or be listed again. */
void thread_destroy(tcb_t *t);

#endif
