/*
 * tests/sel4test/test_irq.c - IRQControl and IRQHandler invocations (spec 8.5): one
 * handler cap per line, the kernel's timer line refused, range errors, setting a
 * notification (which must be one, with Write), Ack and Clear, and a deleted handler
 * freeing its line. Delivery to a user-level driver needs the driver to map its
 * device, which comes with frame mapping; the host tests cover delivery.
 * Partners: helpers.h, main.c, kernel/irq.c.
 */
#include "helpers.h"

#define FREE_LINE 100u  /* SPI 68: no device drives it, on numbat-sim or QEMU */
#define TIMER_LINE 34u  /* SP804 timers 0/1: the kernel's tick */
#define MAX_LINE 159u   /* the GIC-400 of the vexpress-a15 has 160 lines */

static seL4_Error get(seL4_Word irq, seL4_CPtr slot)
{
    return seL4_IRQControl_Get(seL4_CapIRQControl, irq, ROOT_CNODE, slot, ROOT_DEPTH);
}

static void irq_get_makes_one_handler_per_line(void)
{
    seL4_CPtr a = slot_alloc(), b = slot_alloc();
    REQUIRE_OK(get(FREE_LINE, a));
    CHECK_CAP(a, CAP_IRQ_HANDLER);
    CHECK_ERR(get(FREE_LINE, b), seL4_RevokeFirst);
    CHECK_CAP(b, CAP_NULL);
    /* Deleting the handler frees the line. */
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, a, ROOT_DEPTH));
    CHECK_OK(get(FREE_LINE, b));
}

static void irq_get_refuses_the_kernel_timer_and_lines_past_the_last(void)
{
    seL4_CPtr a = slot_alloc();
    CHECK_ERR(get(TIMER_LINE, a), seL4_RevokeFirst);
    CHECK_ERR(get(MAX_LINE + 1, a), seL4_RangeError);
    CHECK_MR(0, 0);
    CHECK_MR(1, MAX_LINE);
    CHECK_CAP(a, CAP_NULL);
}

static void irq_get_into_an_occupied_slot_is_delete_first(void)
{
    seL4_CPtr a = new_object(seL4_EndpointObject, 0);
    REQUIRE(a, "setup");
    CHECK_ERR(get(FREE_LINE, a), seL4_DeleteFirst);
}

static void irq_handler_takes_a_notification_with_write(void)
{
    seL4_CPtr h = slot_alloc();
    REQUIRE_OK(get(FREE_LINE, h));
    seL4_CPtr ntfn = new_object(seL4_NotificationObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(ntfn && ep, "setup");
    CHECK_ERR(seL4_IRQHandler_SetNotification(h, ep), seL4_InvalidCapability);
    CHECK_ERR(seL4_IRQHandler_SetNotification(h, copy_cap(ntfn, seL4_CanRead)),
              seL4_InvalidCapability);
    CHECK_OK(seL4_IRQHandler_SetNotification(h, ntfn));
    CHECK_OK(seL4_IRQHandler_Ack(h));
    CHECK_OK(seL4_IRQHandler_Clear(h));
    CHECK_OK(seL4_IRQHandler_Clear(h)); /* nothing to clear: still fine */
}

static void irq_control_cannot_be_copied(void)
{
    seL4_CPtr a = slot_alloc();
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, a, ROOT_DEPTH, ROOT_CNODE, seL4_CapIRQControl, ROOT_DEPTH,
                              seL4_AllRights),
              seL4_IllegalOperation);
}

const test_case_t irq_tests[] = {
    TEST_CASE(irq_get_makes_one_handler_per_line),
    TEST_CASE(irq_get_refuses_the_kernel_timer_and_lines_past_the_last),
    TEST_CASE(irq_get_into_an_occupied_slot_is_delete_first),
    TEST_CASE(irq_handler_takes_a_notification_with_write),
    TEST_CASE(irq_control_cannot_be_copied),
};
const unsigned irq_test_count = sizeof(irq_tests) / sizeof(irq_tests[0]);
