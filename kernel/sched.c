/*
 * kernel/sched.c - choosing what runs next. This first slice keeps a small table
 * of threads and runs them round robin; priorities, run queues and timeslices
 * arrive with TCB objects. When no thread can ever run again (all inactive, and
 * nothing blocked that an interrupt could wake) the kernel halts the board rather
 * than idle forever, so a lab whose last thread died ends visibly.
 * Partners: thread.h, arch.h (arch_enter_thread, arch_enter_idle).
 */
#include "arch.h"
#include "thread.h"

#define MAX_THREADS 8

/* The status the board halts with when every thread has stopped. */
#define HALT_STATUS_NO_THREADS 1

tcb_t *current_thread;
static tcb_t *threads[MAX_THREADS];
static unsigned thread_count;
static tcb_t *yielded; /* the thread that last called Yield, until the next schedule */

void thread_set_name(tcb_t *t, const char *name)
{
    size_t i = 0;
    for (; name[i] && i < THREAD_NAME_MAX - 1; i++)
        t->name[i] = name[i];
    t->name[i] = '\0';
}

static void remember(tcb_t *t)
{
    for (unsigned i = 0; i < thread_count; i++)
        if (threads[i] == t)
            return;
    kassert(thread_count < MAX_THREADS);
    threads[thread_count++] = t;
}

void thread_make_runnable(tcb_t *t)
{
    remember(t);
    t->state = THREAD_RUNNABLE;
}

void thread_stop(tcb_t *t)
{
    t->state = THREAD_INACTIVE;
}

void thread_yield(tcb_t *t)
{
    yielded = t;
}

/* The next runnable thread after `from` in table order, wrapping; NULL if none. */
static tcb_t *next_runnable(tcb_t *from)
{
    unsigned start = 0;
    for (unsigned i = 0; i < thread_count; i++)
        if (threads[i] == from)
            start = i + 1;
    for (unsigned k = 0; k < thread_count; k++) {
        tcb_t *t = threads[(start + k) % thread_count];
        if (t->state == THREAD_RUNNABLE)
            return t;
    }
    return NULL;
}

NORETURN void schedule_and_exit(void)
{
    bool keep = current_thread && current_thread->state == THREAD_RUNNABLE &&
                current_thread != yielded;
    tcb_t *next = keep ? current_thread : next_runnable(current_thread);
    yielded = NULL;
    if (!next) {
        kprintf("numbat: no thread can run any more; halting\n");
        arch_halt(HALT_STATUS_NO_THREADS);
    }
    current_thread = next;
    arch_enter_thread(next);
}
