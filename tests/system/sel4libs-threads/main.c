/*
 * tests/system/sel4libs-threads - seL4's "libraries-1" way of starting a thread,
 * through sel4libs: BootInfo, simple, allocman and its VKA, a TCB from vka_alloc_tcb
 * set up by hand (shared CSpace and VSpace, a static stack, registers through
 * sel4utils_set_*), then a thread from sel4utils_configure_thread and
 * sel4utils_start_thread (its own stack, IPC buffer and errno), and the ZF_LOG
 * lines. test_sel4libs.c checks the output on numbat-sim and QEMU.
 */
#include <autoconf.h>

#include <errno.h>
#include <stdio.h>

#include <sel4/sel4.h>

#include <simple/simple.h>
#include <simple-default/simple-default.h>

#include <vka/object.h>

#include <allocman/allocman.h>
#include <allocman/bootstrap.h>
#include <allocman/vka.h>

#include <utils/arith.h>
#include <utils/zf_log.h>
#include <sel4utils/sel4_zf_logif.h>
#include <sel4utils/thread.h>
#include <sel4utils/vspace.h>

#include <sel4platsupport/bootinfo.h>

static seL4_BootInfo *info;
static simple_t simple;
static vka_t vka;
static allocman_t *allocman;
static vspace_t vspace;
static sel4utils_alloc_data_t vspace_data;
static vka_object_t done_ntfn;

#define ALLOCATOR_STATIC_POOL_SIZE (BIT(seL4_PageBits) * 10)
static char allocator_mem_pool[ALLOCATOR_STATIC_POOL_SIZE];

#define THREAD_2_STACK_SIZE 512
static uint64_t thread_2_stack[THREAD_2_STACK_SIZE];

/* Runs on the static stack in the root's CSpace and VSpace (no IPC buffer). */
static void thread_2(void)
{
    printf("thread_2: hallo wereld\n");
    seL4_Signal(done_ntfn.cptr);
    while (1)
        seL4_Yield();
}

/* Started by sel4utils: arg0, arg1, then its IPC buffer. */
static void worker(void *arg0, void *arg1, void *ipc_buf)
{
    errno = (int)(uintptr_t)arg1;
    printf("worker: %s, own IPC buffer %s, errno %d\n", (char *)arg0,
           ipc_buf == (void *)seL4_GetIPCBuffer() && ipc_buf != (void *)info->ipcBuffer ? "yes" : "no", errno);
    seL4_Signal(done_ntfn.cptr);
    /* returning suspends the thread */
}

int main(void)
{
    int error;

    info = platsupport_get_bootinfo();
    ZF_LOGF_IF(info == NULL, "Failed to get bootinfo.");
    zf_log_set_tag_prefix("sel4libs-threads:");
    NAME_THREAD(seL4_CapInitThreadTCB, "sel4libs-threads");

    simple_default_init_bootinfo(&simple, info);
    simple_print(&simple);

    allocman = bootstrap_use_current_simple(&simple, ALLOCATOR_STATIC_POOL_SIZE, allocator_mem_pool);
    ZF_LOGF_IF(allocman == NULL, "Failed to initialize alloc manager.");
    allocman_make_vka(&vka, allocman);
    printf("too small a pool: %s\n", bootstrap_use_current_simple(&simple, 4, allocator_mem_pool) ? "ok" : "NULL");

    seL4_CPtr cspace_cap = simple_get_cnode(&simple);
    seL4_CPtr pd_cap = simple_get_pd(&simple);
    printf("cnode %" SEL4_PRIu_word ", pd %" SEL4_PRIu_word ", tcb %" SEL4_PRIu_word ", cnode bits %" SEL4_PRIu_word
           ", untypeds %d\n",
           cspace_cap, pd_cap, simple_get_tcb(&simple), simple_get_cnode_size_bits(&simple),
           simple_get_untyped_count(&simple) > 0);

    error = vka_alloc_notification(&vka, &done_ntfn);
    ZF_LOGF_IFERR(error, "Failed to allocate a notification.");
    vka_object_t tcb_object = {0};
    error = vka_alloc_tcb(&vka, &tcb_object);
    ZF_LOGF_IFERR(error, "Failed to allocate new TCB.");
    printf("tcb: tag %u\n", seL4_DebugCapIdentify(tcb_object.cptr));

    error = seL4_TCB_Configure(tcb_object.cptr, seL4_CapNull, cspace_cap, seL4_NilData, pd_cap, seL4_NilData, 0, 0);
    ZF_LOGF_IFERR(error, "Failed to configure the new TCB object.");
    error = seL4_TCB_SetPriority(tcb_object.cptr, simple_get_tcb(&simple), 255);
    ZF_LOGF_IFERR(error, "Failed to set the priority for the new TCB object.");
    NAME_THREAD(tcb_object.cptr, "sel4libs-threads: thread_2");

    UNUSED seL4_UserContext regs = {0};
    sel4utils_set_instruction_pointer(&regs, (seL4_Word)thread_2);
    uintptr_t thread_2_stack_top = (uintptr_t)thread_2_stack + sizeof(thread_2_stack);
    ZF_LOGF_IF(thread_2_stack_top % (sizeof(seL4_Word) * 2) != 0, "Stack top isn't aligned.");
    sel4utils_set_stack_pointer(&regs, thread_2_stack_top);
    printf("registers: pc is thread_2 %s, sp is the stack top %s\n",
           sel4utils_get_instruction_pointer(regs) == (seL4_Word)thread_2 ? "yes" : "no",
           sel4utils_get_sp(regs) == thread_2_stack_top ? "yes" : "no");
    error = seL4_TCB_WriteRegisters(tcb_object.cptr, 0, 0, 2, &regs);
    ZF_LOGF_IFERR(error, "Failed to write the new thread's register set.");
    error = seL4_TCB_Resume(tcb_object.cptr);
    ZF_LOGF_IFERR(error, "Failed to start new thread.");
    seL4_Wait(done_ntfn.cptr, NULL);
    printf("main: hello world\n");
    seL4_TCB_Suspend(tcb_object.cptr);

    /* A thread with everything of its own, through sel4utils. */
    error = sel4utils_bootstrap_vspace_with_bootinfo(&vspace, &vspace_data, pd_cap, &vka, info);
    ZF_LOGF_IFERR(error, "Failed to bootstrap the vspace.");
    sel4utils_thread_t worker_thread;
    error = sel4utils_configure_thread(&vka, &vspace, &vspace, seL4_CapNull, cspace_cap, seL4_NilData,
                                       &worker_thread);
    ZF_LOGF_IF(error, "Failed to configure a thread.");
    error = sel4utils_start_thread(&worker_thread, worker, "started by sel4utils", (void *)42, 1);
    ZF_LOGF_IF(error, "Failed to start a thread.");
    seL4_Wait(done_ntfn.cptr, NULL); /* the worker is at priority 0: it runs now */
    printf("main: errno still %d\n", errno);

    /* Errors: a value back, and the log line naming it. */
    vka_object_t too_big;
    error = vka_alloc_untyped(&vka, 40, &too_big);
    ZF_LOGE_IFERR(error, "untyped of 2^%d bytes", 40);
    ZF_LOGE_IF(too_big.cptr != 0, "a failed allocation leaves a cap");
    ZF_LOGI("info %s", "shown");
    ZF_LOGD("debug %s", "hidden below ZF_LOG_INFO");
    printf("sel4libs-threads: all done\n");
    return 0;
}
