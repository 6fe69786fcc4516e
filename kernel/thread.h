/*
 * kernel/thread.h - threads as the first kernel slice has them: a saved user
 * context, a state, an address space and a name. Capabilities, priorities and
 * IPC state join when TCBs become objects retyped from untyped memory.
 * Partners: sched.c, syscall.c, fault.c.
 */
#ifndef KERNEL_THREAD_H
#define KERNEL_THREAD_H

#include <arch/context.h>

#include "kernel.h"

typedef enum thread_state {
    THREAD_INACTIVE, /* not runnable until resumed (also: stopped by an unhandled fault) */
    THREAD_RUNNABLE,
} thread_state_t;

struct vspace;

#define THREAD_NAME_MAX 16

typedef struct tcb {
    arch_context_t context; /* saved user registers */
    thread_state_t state;
    struct vspace *vspace;
    uint32_t ipc_buffer;    /* user address, 0 if none */
    char name[THREAD_NAME_MAX];
} tcb_t;

/* The thread whose context the kernel saved on entry; NULL while idle. */
extern tcb_t *current_thread;

void thread_set_name(tcb_t *t, const char *name);
void thread_make_runnable(tcb_t *t);
void thread_stop(tcb_t *t);
/* The next schedule_and_exit() prefers any other runnable thread over t. */
void thread_yield(tcb_t *t);

/* Picks the next thread and leaves the kernel to it; never returns. */
NORETURN void schedule_and_exit(void);

#endif
