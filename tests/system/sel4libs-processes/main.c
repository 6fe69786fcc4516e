/*
 * tests/system/sel4libs-processes - seL4's "libraries-3" way of starting a process,
 * through sel4libs: the root's vspace_t (sel4utils_bootstrap_vspace_with_bootinfo_leaky)
 * with reserved ranges and new pages, a process of ./app configured from
 * process_config_default_simple, a badged endpoint minted into its CSpace, word
 * arguments, spawning, IPC across the two CSpaces, and a fault arriving on the
 * fault endpoint the config made. Also the refusals: a program that is not there,
 * a config asking for what Numbat does not do. test_sel4libs.c checks the output.
 */
#include <autoconf.h>

#include <stdio.h>
#include <assert.h>

#include <sel4/sel4.h>

#include <simple/simple.h>
#include <simple-default/simple-default.h>

#include <vka/object.h>

#include <allocman/allocman.h>
#include <allocman/bootstrap.h>
#include <allocman/vka.h>

#include <vspace/vspace.h>

#include <sel4utils/vspace.h>
#include <sel4utils/mapping.h>
#include <sel4utils/process.h>

#include <utils/arith.h>
#include <utils/zf_log.h>
#include <sel4utils/sel4_zf_logif.h>

#include <sel4platsupport/bootinfo.h>

#define EP_BADGE 0x61
#define MSG_DATA 0x6161

/* Below the root task's 255, so the process runs only while the root waits and
 * their lines never interleave (the tutorial uses seL4_MaxPrio). */
#define APP_PRIORITY (seL4_MaxPrio - 1)
#define APP_IMAGE_NAME "app"

static seL4_BootInfo *info;
static simple_t simple;
static vka_t vka;
static allocman_t *allocman;
static vspace_t vspace;

#define ALLOCATOR_STATIC_POOL_SIZE (BIT(seL4_PageBits) * 10)
static char allocator_mem_pool[ALLOCATOR_STATIC_POOL_SIZE];
#define ALLOCATOR_VIRTUAL_POOL_SIZE (BIT(seL4_PageBits) * 100)
static sel4utils_alloc_data_t data;

/* Reserved ranges and new pages in the root's own address space. */
static void check_vspace(void)
{
    void *vaddr;
    reservation_t r = vspace_reserve_range_aligned(&vspace, BIT(20), 20, seL4_AllRights, 1, &vaddr);
    printf("1 MiB aligned reservation: %s, aligned %s\n", r.res ? "yes" : "no",
           IS_ALIGNED((uintptr_t)vaddr, 20) ? "yes" : "no");
    int error = vspace_new_pages_at_vaddr(&vspace, vaddr, 2, seL4_PageBits, r);
    ((volatile int *)vaddr)[1024] = 7;
    printf("pages in it: %d, wrote %d\n", error, ((volatile int *)vaddr)[1024]);

    int *pages = vspace_new_pages(&vspace, seL4_AllRights, 4, seL4_PageBits);
    ZF_LOGF_IF(pages == NULL, "Failed to make new pages.");
    pages[3 * 1024] = 42;
    seL4_CPtr cap = vspace_get_cap(&vspace, &pages[3 * 1024]);
    printf("new pages: zeroed %s, last page frame tag %u, paddr found %s\n", pages[0] == 0 ? "yes" : "no",
           seL4_DebugCapIdentify(cap), vka_utspace_paddr(&vka, cap, seL4_ARM_SmallPageObject, 12) ? "yes" : "no");
    printf("not mapped here: cap %" SEL4_PRIu_word "; root is the pd %s\n", vspace_get_cap(&vspace, (void *)0x1000),
           vspace_get_root(&vspace) == simple_get_pd(&simple) ? "yes" : "no");
}

/* Configs Numbat refuses, and a program the image lacks. */
static void check_refusals(void)
{
    sel4utils_process_t p;
    sel4utils_process_config_t config = process_config_default_simple(&simple, "nothing", APP_PRIORITY);
    printf("unknown program: %d\n", sel4utils_configure_process_custom(&p, &vka, &vspace, config));
    config = process_config_elf(process_config_new(&simple), APP_IMAGE_NAME, false);
    printf("not preloaded: %d\n", sel4utils_configure_process_custom(&p, &vka, &vspace, config));
}

int main(void)
{
    UNUSED int error = 0;

    info = platsupport_get_bootinfo();
    ZF_LOGF_IF(info == NULL, "Failed to get bootinfo.");
    zf_log_set_tag_prefix("sel4libs-processes:");
    NAME_THREAD(seL4_CapInitThreadTCB, "sel4libs-processes");

    simple_default_init_bootinfo(&simple, info);
    allocman = bootstrap_use_current_simple(&simple, ALLOCATOR_STATIC_POOL_SIZE, allocator_mem_pool);
    ZF_LOGF_IF(allocman == NULL, "Failed to initialize allocator.");
    allocman_make_vka(&vka, allocman);

    error = sel4utils_bootstrap_vspace_with_bootinfo_leaky(&vspace, &data, simple_get_pd(&simple), &vka, info);
    ZF_LOGF_IFERR(error, "Failed to prepare root thread's VSpace for use.");

    void *vaddr;
    UNUSED reservation_t virtual_reservation;
    virtual_reservation = vspace_reserve_range(&vspace, ALLOCATOR_VIRTUAL_POOL_SIZE, seL4_AllRights, 1, &vaddr);
    ZF_LOGF_IF(virtual_reservation.res == NULL, "Failed to reserve a chunk of memory.\n");
    bootstrap_configure_virtual_pool(allocman, vaddr, ALLOCATOR_VIRTUAL_POOL_SIZE, simple_get_pd(&simple));
    check_vspace();
    check_refusals();

    sel4utils_process_t new_process;
    sel4utils_process_config_t config = process_config_default_simple(&simple, APP_IMAGE_NAME, APP_PRIORITY);
    error = sel4utils_configure_process_custom(&new_process, &vka, &vspace, config);
    ZF_LOGF_IFERR(error, "Failed to spawn a new thread.\n");
    NAME_THREAD(new_process.thread.tcb.cptr, "sel4libs-processes: process_2");
    printf("process: tcb tag %u, cspace tag %u, pd tag %u, fault endpoint tag %u\n",
           seL4_DebugCapIdentify(new_process.thread.tcb.cptr), seL4_DebugCapIdentify(new_process.cspace.cptr),
           seL4_DebugCapIdentify(new_process.pd.cptr), seL4_DebugCapIdentify(new_process.fault_endpoint.cptr));

    vka_object_t ep_object = {0};
    error = vka_alloc_endpoint(&vka, &ep_object);
    ZF_LOGF_IFERR(error, "Failed to allocate new endpoint object.\n");

    cspacepath_t ep_cap_path;
    seL4_CPtr new_ep_cap = 0;
    vka_cspace_make_path(&vka, ep_object.cptr, &ep_cap_path);
    new_ep_cap = sel4utils_mint_cap_to_process(&new_process, ep_cap_path, seL4_AllRights, EP_BADGE);
    ZF_LOGF_IF(new_ep_cap == 0, "Failed to mint a badged copy of the IPC endpoint into the new thread's CSpace.\n");
    printf("NEW CAP SLOT: %" PRIxPTR ".\n", new_ep_cap);

    seL4_Word argc = 2;
    char string_args[argc][WORD_STRING_SIZE];
    char *argv[argc];
    sel4utils_create_word_args(string_args, argv, 1, new_ep_cap);
    argv[1] = "fault";
    error = sel4utils_spawn_process_v(&new_process, &vka, &vspace, argc, (char **)&argv, 1);
    ZF_LOGF_IFERR(error, "Failed to spawn and start the new thread.\n");
    printf("main: hello world\n");

    seL4_Word sender_badge = 0;
    seL4_MessageInfo_t tag = seL4_Recv(ep_cap_path.capPtr, &sender_badge);
    ZF_LOGF_IF(sender_badge != EP_BADGE, "The badge we received from the new thread didn't match our expectation.\n");
    ZF_LOGF_IF(seL4_MessageInfo_get_length(tag) != 1, "Response data from the new process was not the length expected.\n");
    seL4_Word msg = seL4_GetMR(0);
    printf("main: got a message %#" PRIxPTR " from %#" PRIxPTR "\n", msg, sender_badge);
    seL4_SetMR(0, ~msg);
    seL4_Reply(tag);

    tag = seL4_Recv(new_process.fault_endpoint.cptr, NULL);
    printf("main: fault %u at %#" PRIxPTR "\n", (unsigned)seL4_MessageInfo_get_label(tag),
           seL4_GetMR(seL4_VMFault_Addr));
    sel4utils_destroy_process(&new_process, &vka);
    printf("sel4libs-processes: all done\n");
    return 0;
}
