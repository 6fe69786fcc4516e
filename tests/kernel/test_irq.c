/*
 * tests/kernel/test_irq.c - interrupts as capabilities (spec 8.5): IRQControl_Get
 * and its errors, a handler's notification signalled on delivery, Ack unmasking,
 * Clear, deletion freeing the line, revocation of the notification, and the idle
 * loop when only an interrupt can wake a thread.
 * Partners: kernel/irq.c, kernel/interrupt.c, kernel/sched.c, harness.c.
 */
#include "harness.h"
#include "interrupt.h"

#define LINE 40u

static cap_t pool;
static invocation_t inv;

static void irq_init(void)
{
    harness_init();
    pool = harness_cnode(4, 0, 0);
    harness_place(harness_slot(pool, 0), cap_simple(CAP_IRQ_CONTROL), true);
    /* Slot 15: the pool's own cap, the root CNode argument of IRQControl_Get. */
    cdt_insert(pool, harness_slot(pool, 0), harness_slot(pool, 15), false);
}

TestSuite(irq, .init = irq_init, .fini = harness_fini);

static cte_t *P(unsigned i)
{
    return harness_slot(pool, i);
}

static seL4_Error get(unsigned irq, unsigned slot)
{
    return harness_invoke(&inv, P(0), IRQIssueIRQHandler, MRS(irq, slot, 4), CAPS(P(15)));
}

/* A handler for LINE in slot 1 and a notification (badge 5 copy in slot 3). */
static notification_t *handler_with_notification(void)
{
    cr_assert_eq(get(LINE, 1), seL4_NoError);
    notification_t *n = harness_endpoint();
    harness_place(P(2), cap_notification(n, 0, RIGHTS_ALL), true);
    cdt_insert(cap_notification(n, 5, RIGHTS_ALL), P(2), P(3), true);
    cr_assert_eq(harness_invoke(&inv, P(1), IRQSetIRQHandler, NO_MRS, CAPS(P(3))), seL4_NoError);
    return n;
}

Test(irq, get_issues_one_handler_cap_per_line)
{
    cr_assert_eq(get(LINE, 1), seL4_NoError);
    cr_assert_eq(cap_type(P(1)->cap), CAP_IRQ_HANDLER);
    cr_assert_eq(irq_handler_irq(P(1)->cap), LINE);
    cr_assert(cdt_is_parent(P(0), P(1)), "a child of IRQControl");
    cr_assert_eq(get(LINE, 2), seL4_RevokeFirst, "a second handler for the same line");
    check_empty(P(2));
}

Test(irq, get_errors)
{
    cr_assert_eq(get(HARNESS_MAX_IRQ + 1, 1), seL4_RangeError);
    cr_assert_eq(inv.reply[0], 0);
    cr_assert_eq(inv.reply[1], HARNESS_MAX_IRQ);
    cr_assert_eq(get(HARNESS_TICK_IRQ, 1), seL4_RevokeFirst, "the kernel's own interrupt");
    harness_place(P(1), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    cr_assert_eq(get(LINE, 1), seL4_DeleteFirst);
    cr_assert_eq(harness_invoke(&inv, P(0), IRQIssueIRQHandler, MRS(LINE, 1), NO_CAPS),
                 seL4_TruncatedMessage);
    /* None of the failures used up the line. */
    cr_assert_eq(get(LINE, 2), seL4_NoError);
}

Test(irq, an_interrupt_signals_the_notification_with_its_badge)
{
    notification_t *n = handler_with_notification();
    interrupt_received(LINE);
    cr_assert(ntfn_active(n));
    cr_assert_eq(n->word, 5);
}

Test(irq, set_notification_needs_a_notification_with_write)
{
    cr_assert_eq(get(LINE, 1), seL4_NoError);
    notification_t *n = harness_endpoint();
    harness_place(P(2), cap_notification(n, 0, RIGHT_READ), true);
    cr_assert_eq(harness_invoke(&inv, P(1), IRQSetIRQHandler, NO_MRS, CAPS(P(2))),
                 seL4_InvalidCapability);
    harness_place(P(3), cap_endpoint(harness_endpoint(), 0, RIGHTS_ALL), true);
    cr_assert_eq(harness_invoke(&inv, P(1), IRQSetIRQHandler, NO_MRS, CAPS(P(3))),
                 seL4_InvalidCapability);
    interrupt_received(LINE);
    cr_assert_not(ntfn_active(n));
}

Test(irq, ack_unmasks_and_clear_removes_the_notification)
{
    notification_t *n = handler_with_notification();
    harness_irq_masked[LINE] = true; /* as the architecture leaves a line it delivered */
    cr_assert_eq(harness_invoke(&inv, P(1), IRQAckIRQ, NO_MRS, NO_CAPS), seL4_NoError);
    cr_assert_not(harness_irq_masked[LINE]);
    cr_assert_eq(harness_invoke(&inv, P(1), IRQClearIRQHandler, NO_MRS, NO_CAPS), seL4_NoError);
    interrupt_received(LINE);
    cr_assert_not(ntfn_active(n), "a cleared handler signals nothing");
    CHECK_CDT_ORDER(P(2), P(3));
}

Test(irq, deleting_the_handler_frees_the_line)
{
    notification_t *n = handler_with_notification();
    cdt_delete(P(1), false);
    cr_assert(harness_irq_masked[LINE], "the line is masked");
    interrupt_received(LINE);
    cr_assert_not(ntfn_active(n));
    CHECK_CDT_ORDER(P(2), P(3));
    cr_assert_eq(get(LINE, 4), seL4_NoError, "the line can be issued again");
}

Test(irq, revoking_the_notification_takes_it_from_the_interrupt)
{
    notification_t *n = handler_with_notification();
    cdt_revoke(P(2), false);
    interrupt_received(LINE);
    cr_assert_not(ntfn_active(n));
}

static void run_schedule(void *unused)
{
    (void)unused;
    schedule_and_exit();
}

Test(irq, with_only_an_interrupt_left_to_wake_a_waiter_the_kernel_idles)
{
    notification_t *n = handler_with_notification();
    tcb_t *t = harness_tcb();
    ntfn_receive(n, t, true);
    cr_assert_eq(t->state, THREAD_BLOCKED_ON_NOTIFICATION);
    uint32_t status = 0;
    cr_assert_null(harness_run_to_exit(run_schedule, NULL, &status));
    cr_assert(harness_idled, "the kernel went idle instead of halting (status %u)", status);
    interrupt_received(LINE);
    cr_assert_eq(t->state, THREAD_RUNNING, "the interrupt woke the waiter");
    cr_assert_eq(arch_get_cap_register(&t->context), 5);
}
