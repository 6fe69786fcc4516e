/*
 * tests/system/sel4libs-timer - seL4's "libraries-4" way of using a timer, through
 * sel4libs: ps_io_ops_t filled in by sel4platsupport (an I/O mapper over the vspace,
 * the mini IRQ interface on one notification), the default ltimer (the board's
 * user timer: the second SP804, or a Pi's system timer), periodic and one-shot
 * timeouts handled with sel4platsupport_irq_handle, and the time from ltimer_get_time, answering a client
 * process that asks to wait. test_sel4libs.c checks the output.
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

#include <sel4platsupport/io.h>
#include <sel4platsupport/irq.h>
#include <sel4platsupport/arch/io.h>
#include <sel4platsupport/bootinfo.h>
#include <platsupport/plat/timer.h>
#include <platsupport/ltimer.h>

#define EP_BADGE 0x61
/* Below the root task, so the client runs only while the root waits. */
#define APP_PRIORITY (seL4_MaxPrio - 1)
#define APP_IMAGE_NAME "client"

static seL4_BootInfo *info;
static simple_t simple;
static vka_t vka;
static allocman_t *allocman;
static vspace_t vspace;
static ltimer_t timer;

#define ALLOCATOR_STATIC_POOL_SIZE (BIT(seL4_PageBits) * 10)
static char allocator_mem_pool[ALLOCATOR_STATIC_POOL_SIZE];
static sel4utils_alloc_data_t data;

static unsigned callbacks;

static void on_timeout(void *token, ltimer_event_t event)
{
    if (token == &timer && event == LTIMER_TIMEOUT_EVENT)
        callbacks++;
}

static uint64_t now(void)
{
    uint64_t time = 0;
    ltimer_get_time(&timer, &time);
    return time;
}

int main(void)
{
    int error;

    info = platsupport_get_bootinfo();
    simple_default_init_bootinfo(&simple, info);
    allocman = bootstrap_use_current_simple(&simple, ALLOCATOR_STATIC_POOL_SIZE, allocator_mem_pool);
    assert(allocman);
    allocman_make_vka(&vka, allocman);
    error = sel4utils_bootstrap_vspace_with_bootinfo_leaky(&vspace, &data, simple_get_pd(&simple), &vka, info);
    assert(error == 0);

    sel4utils_process_t new_process;
    sel4utils_process_config_t config = process_config_default_simple(&simple, APP_IMAGE_NAME, APP_PRIORITY);
    config = process_config_auth(config, simple_get_tcb(&simple));
    error = sel4utils_configure_process_custom(&new_process, &vka, &vspace, config);
    assert(error == 0);
    vka_object_t ep_object = {0};
    error = vka_alloc_endpoint(&vka, &ep_object);
    assert(error == 0);
    cspacepath_t ep_cap_path;
    vka_cspace_make_path(&vka, ep_object.cptr, &ep_cap_path);
    seL4_CPtr new_ep_cap = sel4utils_mint_cap_to_process(&new_process, ep_cap_path, seL4_AllRights, EP_BADGE);
    printf("client's endpoint at SEL4UTILS_FIRST_FREE: %s\n", new_ep_cap == SEL4UTILS_FIRST_FREE ? "yes" : "no");
    error = sel4utils_spawn_process_v(&new_process, &vka, &vspace, 0, NULL, 1);
    assert(error == 0);

    /* The timer's interrupts arrive on one notification. */
    vka_object_t ntfn_object = {0};
    error = vka_alloc_notification(&vka, &ntfn_object);
    assert(error == 0);
    ps_io_ops_t ops = {0}; /* the tutorial's {{0}} is a -Wmissing-field-initializers warning */
    error = sel4platsupport_new_malloc_ops(&ops.malloc_ops);
    assert(error == 0);
    error = sel4platsupport_new_io_mapper(&vspace, &vka, &ops.io_mapper);
    assert(error == 0);
    error = sel4platsupport_new_fdt_ops(&ops.io_fdt, &simple, &ops.malloc_ops);
    assert(error == 0);
    error = sel4platsupport_new_mini_irq_ops(&ops.irq_ops, &vka, &simple, &ops.malloc_ops, ntfn_object.cptr,
                                             MASK(seL4_BadgeBits));
    assert(error == 0);
    error = sel4platsupport_new_arch_ops(&ops, &simple, &vka);
    assert(error == 0);
    error = ltimer_default_init(&timer, ops, on_timeout, &timer);
    printf("ltimer_default_init: %d\n", error);
    uint64_t resolution = 0;
    ltimer_get_resolution(&timer, &resolution);
    printf("resolution: %u ns\n", (unsigned)resolution);
    printf("main: hello world\n");

    seL4_Word sender_badge;
    seL4_MessageInfo_t tag = seL4_Recv(ep_cap_path.capPtr, &sender_badge);
    assert(sender_badge == EP_BADGE && seL4_MessageInfo_get_length(tag) == 1);
    seL4_Word msg = seL4_GetMR(0);
    printf("main: got a message from %#" PRIxPTR " to wait %" SEL4_PRIu_word " ms\n", sender_badge, msg);

    /* Periodic: one interrupt a millisecond. */
    uint64_t start = now();
    error = ltimer_set_timeout(&timer, NS_IN_MS, TIMEOUT_PERIODIC);
    assert(error == 0);
    for (seL4_Word count = 0; count < msg; count++) {
        seL4_Word badge;
        seL4_Wait(ntfn_object.cptr, &badge);
        sel4platsupport_irq_handle(&ops.irq_ops, MINI_IRQ_INTERFACE_NTFN_ID, badge);
    }
    uint64_t periodic_ms = (now() - start) / NS_IN_MS;
    printf("periodic: %u callbacks, at least %" SEL4_PRIu_word " ms passed: %s\n", callbacks, msg,
           periodic_ms >= msg ? "yes" : "no");

    /* One shot, 5 ms from now. First stop the periodic timeouts and take an interrupt
     * that came after the last one handled (printing can take longer than a period
     * when the host is busy), or the wait below would return at once for it. */
    ltimer_reset(&timer);
    seL4_Word stale = 0;
    seL4_Poll(ntfn_object.cptr, &stale);
    if (stale)
        sel4platsupport_irq_handle(&ops.irq_ops, MINI_IRQ_INTERFACE_NTFN_ID, stale);
    start = now();
    error = ltimer_set_timeout(&timer, 5 * NS_IN_MS, TIMEOUT_RELATIVE);
    assert(error == 0);
    seL4_Word badge;
    seL4_Wait(ntfn_object.cptr, &badge);
    sel4platsupport_irq_handle(&ops.irq_ops, MINI_IRQ_INTERFACE_NTFN_ID, badge);
    printf("one shot: badge %#" PRIxPTR ", at least 5 ms passed: %s\n", badge,
           now() - start >= 5 * NS_IN_MS ? "yes" : "no");
    ltimer_destroy(&timer);

    seL4_SetMR(0, (seL4_Word)periodic_ms);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
    seL4_Recv(ep_cap_path.capPtr, &sender_badge); /* the client's last word, once it has printed */
    printf("sel4libs-timer: all done\n");
    return 0;
}
