/*
 * libnumbat/src/thread.c - starting a thread of the calling program (see
 * numbat/thread.h). The TLS block sits at the top of the new stack; the thread's
 * first instruction is thread_entry, which calls fn(arg) and then suspends the
 * thread through its own TCB cap (passed in r2).
 */
#include <numbat/thread.h>
#include <numbat/tls.h>

#include <string.h>

#define PAGE (1u << seL4_PageBits)

static void thread_entry(void (*fn)(void *), void *arg, seL4_CPtr tcb)
{
    fn(arg);
    seL4_TCB_Suspend(tcb);
}

/* Stack pages above one guard page that stays unmapped; the top, or 0. */
static seL4_Word new_stack(nb_vspace_t *vs)
{
    seL4_Word guard = nb_vspace_reserve(vs, PAGE, PAGE);
    if (!guard)
        return 0;
    char *stack = nb_vspace_new_pages(vs, NB_THREAD_STACK_PAGES, seL4_ReadWrite, NULL);
    if (!stack || (seL4_Word)stack != guard + PAGE)
        return 0;
    return (seL4_Word)stack + NB_THREAD_STACK_PAGES * PAGE;
}

seL4_Error nb_thread_configure(nb_thread_t *t, nb_vspace_t *vs, seL4_CPtr cspace, seL4_Word prio,
                               seL4_CPtr fault_ep)
{
    memset(t, 0, sizeof(*t));
    t->tcb = nb_alloc_object(vs->alloc, seL4_TCBObject, 0);
    seL4_Word top = t->tcb ? new_stack(vs) : 0;
    t->ipc_buffer = top ? nb_vspace_new_pages(vs, 1, seL4_ReadWrite, &t->ipc_frame) : NULL;
    if (!t->ipc_buffer)
        return vs->alloc->last_error != seL4_NoError ? vs->alloc->last_error : seL4_NotEnoughMemory;

    /* Thread-local variables at the top of the stack, the stack below them. */
    size_t tls_size = (numbat_tls_size() + 7) & ~(size_t)7;
    t->tls_base = numbat_tls_setup((void *)(top - tls_size), tls_size);
    numbat_tls_set_ipc_buffer(t->tls_base, t->ipc_buffer);
    t->stack_top = (top - tls_size) & ~(seL4_Word)7;

    seL4_Error e = seL4_TCB_Configure(t->tcb, fault_ep, cspace, 0, vs->pd, 0,
                                      (seL4_Word)t->ipc_buffer, t->ipc_frame);
    if (e == seL4_NoError)
        e = seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, prio);
    return e;
}

seL4_Error nb_thread_start(nb_thread_t *t, nb_vspace_t *vs, seL4_CPtr cspace, seL4_Word prio,
                           seL4_CPtr fault_ep, void (*fn)(void *), void *arg)
{
    seL4_Error e = nb_thread_configure(t, vs, cspace, prio, fault_ep);
    if (e != seL4_NoError)
        return e;
    seL4_UserContext regs;
    memset(&regs, 0, sizeof(regs));
    regs.pc = (seL4_Word)thread_entry;
    regs.sp = t->stack_top;
    regs.r0 = (seL4_Word)fn;
    regs.r1 = (seL4_Word)arg;
    regs.r2 = t->tcb;
    regs.tpidrurw = t->tls_base; /* what seL4_TCB_SetTLSBase would set */
    return seL4_TCB_WriteRegisters(t->tcb, 1, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
}
