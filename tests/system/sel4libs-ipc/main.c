/*
 * tests/system/sel4libs-ipc - seL4's "libraries-2" way of IPC between two threads,
 * through sel4libs: an IPC buffer frame from vka_alloc_frame mapped by hand
 * (seL4_ARCH_Page_Map fails for want of a page table, which vka_alloc_page_table
 * supplies), an endpoint and a badged copy (vka_mint_object), the new thread's TLS
 * from sel4runtime, then Call, Recv with the badge, and ReplyRecv.
 * test_sel4libs.c checks the output on numbat-sim and QEMU.
 */
#include <autoconf.h>

#include <stdio.h>
#include <assert.h>

#include <sel4/sel4.h>
#include <sel4runtime.h>
#include <sel4runtime/gen_config.h>

#include <simple/simple.h>
#include <simple-default/simple-default.h>

#include <vka/object.h>
#include <vka/object_capops.h>

#include <allocman/allocman.h>
#include <allocman/bootstrap.h>
#include <allocman/vka.h>

#include <vspace/vspace.h>

#include <sel4utils/vspace.h>
#include <sel4utils/mapping.h>

#include <utils/arith.h>
#include <utils/zf_log.h>
#include <sel4utils/sel4_zf_logif.h>

#include <sel4platsupport/bootinfo.h>

#define IPCBUF_FRAME_SIZE_BITS 12
#define IPCBUF_VADDR 0x7000000 /* free in the root task's address space */
#define EP_BADGE 0x61
#define MSG_DATA 0x6161

static seL4_BootInfo *info;
static simple_t simple;
static vka_t vka;
static allocman_t *allocman;

static vka_object_t ep_object;
static cspacepath_t ep_cap_path;

#define ALLOCATOR_STATIC_POOL_SIZE (BIT(seL4_PageBits) * 10)
static char allocator_mem_pool[ALLOCATOR_STATIC_POOL_SIZE];

#define THREAD_2_STACK_SIZE 512
static uint64_t thread_2_stack[THREAD_2_STACK_SIZE];

static char tls_region[CONFIG_SEL4RUNTIME_STATIC_TLS] = {0};

extern void name_thread(seL4_CPtr tcb, char *name);

static void thread_2(void)
{
    seL4_Word sender_badge = 0;
    seL4_MessageInfo_t tag;
    seL4_Word msg = 0;

    printf("thread_2: hallo wereld\n");
    tag = seL4_Recv(ep_object.cptr, &sender_badge);
    ZF_LOGF_IF(sender_badge != EP_BADGE, "Badge on the endpoint was not what was expected.\n");
    ZF_LOGF_IF(seL4_MessageInfo_get_length(tag) != 1, "Length of the data was not what was expected.\n");
    msg = seL4_GetMR(0);
    printf("thread_2: got a message %#" PRIxPTR " from %#" PRIxPTR "\n", msg, sender_badge);
    msg = ~msg;
    seL4_SetMR(0, msg);
    seL4_ReplyRecv(ep_object.cptr, tag, &sender_badge);
}

int main(void)
{
    UNUSED int error;

    info = platsupport_get_bootinfo();
    ZF_LOGF_IF(info == NULL, "Failed to get bootinfo.");
    zf_log_set_tag_prefix("sel4libs-ipc:");
    name_thread(seL4_CapInitThreadTCB, "sel4libs-ipc");

    simple_default_init_bootinfo(&simple, info);
    allocman = bootstrap_use_current_simple(&simple, ALLOCATOR_STATIC_POOL_SIZE, allocator_mem_pool);
    ZF_LOGF_IF(allocman == NULL, "Failed to initialize alloc manager.");
    allocman_make_vka(&vka, allocman);
    seL4_CPtr cspace_cap = simple_get_cnode(&simple);
    seL4_CPtr pd_cap = simple_get_pd(&simple);

    vka_object_t tcb_object = {0};
    error = vka_alloc_tcb(&vka, &tcb_object);
    ZF_LOGF_IFERR(error, "Failed to allocate new TCB.");

    /* The IPC buffer: a frame, mapped by hand with the page table it needs. */
    vka_object_t ipc_frame_object;
    error = vka_alloc_frame(&vka, IPCBUF_FRAME_SIZE_BITS, &ipc_frame_object);
    ZF_LOGF_IFERR(error, "Failed to alloc a frame for the IPC buffer.")
    seL4_Word ipc_buffer_vaddr = IPCBUF_VADDR;
    error = seL4_ARCH_Page_Map(ipc_frame_object.cptr, pd_cap, ipc_buffer_vaddr, seL4_AllRights,
                               seL4_ARCH_Default_VMAttributes);
    printf("first map: %s\n", sel4_strerror(error));
    if (error != 0) {
        vka_object_t pt_object;
        error = vka_alloc_page_table(&vka, &pt_object);
        ZF_LOGF_IFERR(error, "Failed to allocate new page table.\n");
        error = seL4_ARCH_PageTable_Map(pt_object.cptr, pd_cap, ipc_buffer_vaddr, seL4_ARCH_Default_VMAttributes);
        ZF_LOGF_IFERR(error, "Failed to map page table into VSpace.\n")
        error = seL4_ARCH_Page_Map(ipc_frame_object.cptr, pd_cap, ipc_buffer_vaddr, seL4_AllRights,
                                   seL4_ARCH_Default_VMAttributes);
        ZF_LOGF_IFERR(error, "Failed again to map the IPC buffer frame into the VSpace.\n");
        printf("second map: %s\n", sel4_strerror(error));
    }

    error = vka_alloc_endpoint(&vka, &ep_object);
    ZF_LOGF_IFERR(error, "Failed to allocate new endpoint object.\n");
    error = vka_mint_object(&vka, &ep_object, &ep_cap_path, seL4_AllRights, EP_BADGE);
    ZF_LOGF_IFERR(error, "Failed to mint new badged copy of IPC endpoint.\n");
    printf("badged copy: a new slot %s, endpoint tag %u\n", ep_cap_path.capPtr != ep_object.cptr ? "yes" : "no",
           seL4_DebugCapIdentify(ep_cap_path.capPtr));

    error = seL4_TCB_Configure(tcb_object.cptr, seL4_CapNull, cspace_cap, seL4_NilData, pd_cap, seL4_NilData,
                               ipc_buffer_vaddr, ipc_frame_object.cptr);
    ZF_LOGF_IFERR(error, "Failed to configure the new TCB object.\n");
    name_thread(tcb_object.cptr, "sel4libs-ipc: thread_2");

    seL4_UserContext regs = {0};
    size_t regs_size = sizeof(seL4_UserContext) / sizeof(seL4_Word);
    sel4utils_set_instruction_pointer(&regs, (seL4_Word)thread_2);
    uintptr_t thread_2_stack_top = (uintptr_t)thread_2_stack + sizeof(thread_2_stack);
    sel4utils_set_stack_pointer(&regs, thread_2_stack_top);
    error = seL4_TCB_WriteRegisters(tcb_object.cptr, 0, 0, regs_size, &regs);
    ZF_LOGF_IFERR(error, "Failed to write the new thread's register set.\n");

    /* Its own thread-local variables, with its IPC buffer in __sel4_ipc_buffer. */
    uintptr_t tls = sel4runtime_write_tls_image(tls_region);
    seL4_IPCBuffer *ipcbuf = (seL4_IPCBuffer *)ipc_buffer_vaddr;
    error = sel4runtime_set_tls_variable(tls, __sel4_ipc_buffer, ipcbuf);
    ZF_LOGF_IF(error, "Failed to set ipc buffer in TLS of new thread");
    error = seL4_TCB_SetTLSBase(tcb_object.cptr, tls);
    ZF_LOGF_IF(error, "Failed to set TLS base");

    error = seL4_TCB_Resume(tcb_object.cptr);
    ZF_LOGF_IFERR(error, "Failed to start new thread.\n");
    printf("main: hello world\n");

    seL4_Word msg = 0;
    seL4_MessageInfo_t tag = seL4_MessageInfo_new(0, 0, 0, 1);
    seL4_SetMR(0, MSG_DATA);
    tag = seL4_Call(ep_cap_path.capPtr, tag);
    msg = seL4_GetMR(0);
    ZF_LOGF_IF(seL4_MessageInfo_get_length(tag) != 1, "Response data from thread_2 was not the length expected.\n");
    ZF_LOGF_IF(msg != (seL4_Word)~MSG_DATA, "Response data from thread_2's content was not what was expected.\n");
    printf("main: got a reply: %#" PRIxPTR "\n", msg);
    printf("sel4libs-ipc: all done\n");
    return 0;
}
