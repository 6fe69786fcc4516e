/*
 * kernel/thread.h - threads: the TCB object and what the rest of the kernel does
 * to a thread (make it runnable, stop it, name it, find its CSpace and IPC
 * buffer). A TCB object is 1 KiB of untyped memory (seL4_TCBBits): the tcb_t
 * below, which begins with the TCB's own small CNode holding its CSpace root,
 * VSpace root and IPC buffer frame caps.
 * Partners: thread.c, sched.h (ready queues), tcb.h (TCB invocations), endpoint.h
 * and notification.h (IPC queues).
 */
#ifndef KERNEL_THREAD_H
#define KERNEL_THREAD_H

#include <arch/context.h>
#include <sel4/constants.h>
#include <sel4/ipcbuffer.h>

#include "fault.h"
#include "kernel.h"
#include "slot.h"

typedef enum thread_state {
    THREAD_INACTIVE,           /* not runnable until resumed (also: an unhandled fault) */
    THREAD_RUNNING,            /* runnable: current or in a ready queue */
    THREAD_BLOCKED_ON_RECV,    /* in an endpoint's receive queue */
    THREAD_BLOCKED_ON_SEND,    /* in an endpoint's send queue (Send or Call) */
    THREAD_BLOCKED_ON_REPLY,   /* its Call was delivered; a reply cap names it */
    THREAD_BLOCKED_ON_NOTIFICATION, /* waiting on a notification */
} thread_state_t;

static inline bool thread_state_blocked(thread_state_t s) { return s >= THREAD_BLOCKED_ON_RECV; }

/* The TCB's own slots (seL4's TCB CNode). The master reply cap is the CDT parent
 * of the reply cap a receiver gets for this thread's Call; the caller slot holds
 * the reply cap this thread got as a receiver, until it replies or saves it. */
enum tcb_slot {
    TCB_SLOT_CSPACE,
    TCB_SLOT_VSPACE,
    TCB_SLOT_IPC_BUFFER,
    TCB_SLOT_REPLY,
    TCB_SLOT_CALLER,
    TCB_SLOT_COUNT
};

/* What a thread blocked in IPC is waiting with (valid while it is blocked). */
typedef struct ipc_wait {
    uint32_t object;        /* the endpoint or notification it is queued on */
    uint32_t badge;         /* send: the badge of the cap it sent with */
    bool can_grant;         /* send: the cap has Grant; receive: likewise (for reply caps) */
    bool can_grant_reply;   /* send: the cap has GrantReply */
    bool is_call;           /* send: a Call, which waits for a reply */
    bool is_fault;          /* send: the message is the thread's fault (tcb_t.fault) */
} ipc_wait_t;

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
    struct tcb *ipc_prev, *ipc_next;     /* endpoint or notification queue links */
    ipc_wait_t ipc;
    fault_t fault;          /* the fault being delivered or answered, while ipc.is_fault */
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
static inline cap_t thread_cspace(const tcb_t *t) { return t->slots[TCB_SLOT_CSPACE].cap; }
/*
 * The thread's IPC buffer as a kernel pointer, or NULL if it has none: reached
 * through the frame cap in its IPC buffer slot at (address mod frame size), as
 * seL4 does, never through whatever its address space maps there. `write`: the
 * kernel is about to write into it (a receive), which needs the frame's Write
 * right.
 */
seL4_IPCBuffer *thread_ipc_buffer(const tcb_t *t, bool write);
/* Sets t's state (and traces it); RUNNING also queues it if it is not current. */
void thread_set_state(tcb_t *t, thread_state_t state);
/* TCB_Resume: an inactive thread runs on from its saved PC; one waiting for a
 * reply stops waiting and makes its Call again (seL4's restart). */
void thread_resume(tcb_t *t);
/* TCB_Suspend: takes t out of any IPC it is blocked in (it will make that system
 * call again when resumed) and out of the ready queues; it becomes inactive. */
void thread_suspend(tcb_t *t);
/* A thread blocked in IPC is made to try again: out of its queue, runnable, PC
 * back at its svc (or, for a fault it was sending, at the faulting instruction):
 * endpoint deleted, badged sends cancelled. */
void thread_restart(tcb_t *t);
/* Takes a blocked thread out of its endpoint or notification queue, or deletes
 * the reply cap that names it; leaves its state alone. Returns whether it was
 * blocked. */
bool thread_cancel_ipc(tcb_t *t);
void thread_set_priority(tcb_t *t, uint32_t priority);
/* Deleting a TCB: it must not run, be queued or be listed again. */
void thread_destroy(tcb_t *t);

#endif
