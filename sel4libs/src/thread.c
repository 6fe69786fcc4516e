/*
 * sel4libs/src/thread.c - sel4utils threads over libnumbat's (see
 * sel4utils/thread.h). libnumbat makes the TCB, stack, IPC buffer and TLS; starting
 * writes the registers for entry(arg0, arg1, ipc_buf), with the link register at
 * thread_return, so that a returning entry suspends the thread (it finds its TCB
 * in a thread-local variable set before it starts).
 */
#include <string.h>

#include <numbat/thread.h>
#include <numbat/tls.h>
#include <sel4utils/sel4_zf_logif.h>
#include <sel4utils/thread.h>

#include "internal.h"

static __thread seL4_CPtr own_tcb;

static void thread_return(void)
{
    seL4_TCB_Suspend(own_tcb);
}

int sel4utils_configure_thread_config(vka_t *vka, vspace_t *parent, vspace_t *alloc,
                                      sel4utils_thread_config_t config, sel4utils_thread_t *res)
{
    (void)vka; /* libnumbat allocates through the vspace's allocator, the same one */
    memset(res, 0, sizeof(*res));
    if (alloc != parent) {
        ZF_LOGE("a thread in another address space is not supported");
        return -1;
    }
    nb_thread_t t;
    int error = nb_thread_configure(&t, sel4libs_nb_vspace(alloc), config.cspace, config.sched_params.priority,
                                    config.fault_endpoint);
    if (!error && config.cspace_root_data != seL4_NilData)
        error = seL4_TCB_SetSpace(t.tcb, config.fault_endpoint, config.cspace, config.cspace_root_data,
                                  sel4libs_nb_vspace(alloc)->pd, seL4_NilData);
    ZF_LOGE_IFERR(error, "making the thread");
    if (error)
        return -1;
    res->tcb = (vka_object_t){.cptr = t.tcb, .type = seL4_TCBObject};
    res->stack_top = (void *)t.stack_top;
    res->initial_stack_pointer = (void *)t.stack_top;
    res->stack_size = NB_THREAD_STACK_PAGES * BIT(seL4_PageBits);
    res->ipc_buffer = t.ipc_frame;
    res->ipc_buffer_addr = (seL4_Word)t.ipc_buffer;
    res->tls_base = t.tls_base;
    return 0;
}

int sel4utils_configure_thread(vka_t *vka, vspace_t *parent, vspace_t *alloc, seL4_CPtr fault_endpoint,
                               seL4_CNode cspace, seL4_Word cspace_root_data, sel4utils_thread_t *res)
{
    sel4utils_thread_config_t config = {0};
    config = thread_config_fault_endpoint(config, fault_endpoint);
    config = thread_config_cspace(config, cspace, cspace_root_data);
    return sel4utils_configure_thread_config(vka, parent, alloc, config, res);
}

int sel4utils_start_thread(sel4utils_thread_t *thread, sel4utils_thread_entry_fn entry_point, void *arg0,
                           void *arg1, int resume)
{
    *(seL4_CPtr *)numbat_tls_address(thread->tls_base, &own_tcb) = thread->tcb.cptr;
    seL4_UserContext regs;
    memset(&regs, 0, sizeof(regs));
    sel4utils_set_instruction_pointer(&regs, (seL4_Word)entry_point);
    sel4utils_set_stack_pointer(&regs, (seL4_Word)thread->initial_stack_pointer);
    sel4utils_set_arg0(&regs, (seL4_Word)arg0);
    sel4utils_set_arg1(&regs, (seL4_Word)arg1);
    sel4utils_set_arg2(&regs, thread->ipc_buffer_addr);
    regs.r14 = (seL4_Word)thread_return;
    regs.tpidrurw = thread->tls_base;
    int error = seL4_TCB_WriteRegisters(thread->tcb.cptr, resume != 0, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    ZF_LOGE_IFERR(error, "starting the thread");
    return error ? -1 : 0;
}

void sel4utils_clean_up_thread(vka_t *vka, vspace_t *alloc, sel4utils_thread_t *thread)
{
    (void)vka, (void)alloc;
    if (thread->tcb.cptr)
        seL4_TCB_Suspend(thread->tcb.cptr);
    memset(thread, 0, sizeof(*thread));
}
