/*
 * tests/sel4test/test_irq.c - IRQControl and IRQHandler invocations (spec 8.5): one
 * handler cap per line, the kernel's timer line refused, range errors, setting a
 * notification (which must be one, with Write), Ack and Clear, a deleted handler
 * freeing its line, and delivery to a user-level driver of the board's user timer
 * (sel4/plat/api/constants.h: the second SP804 on vexpress, the system timer on a
 * Raspberry Pi), which maps the timer's registers from device untyped memory.
 * Partners: helpers.h, main.c, kernel/irq.c.
 */
#include <sel4/plat/api/constants.h>

#include "helpers.h"

/* GIC SPI 68 on vexpress, GPU interrupt 36 on a Pi: no device drives it, on
 * numbat-sim or QEMU. */
#define FREE_LINE 100u
#define TIMER_LINE ((seL4_Word)seL4_PlatKernelTimerIRQ)
#define MAX_LINE ((seL4_Word)seL4_PlatMaxIRQ)
#define DRIVER_VADDR 0x70000000u
#define TICKS 3
#define PERIOD_US 1000u

/* The user timer, periodic every PERIOD_US: start, is it interrupting, clear (and
 * re-arm), stop. Registers as word offsets. */
#if defined(seL4_PlatUserTimerSP804)
enum { SP804_LOAD, SP804_VALUE, SP804_CONTROL, SP804_INTCLR, SP804_RIS };
#define SP804_ENABLE (1u << 7)
#define SP804_PERIODIC (1u << 6)
#define SP804_INTEN (1u << 5)
#define SP804_32BIT (1u << 1)

static void timer_start(volatile seL4_Uint32 *timer)
{
    timer[SP804_CONTROL] = 0;
    timer[SP804_INTCLR] = 1;
    timer[SP804_LOAD] = PERIOD_US * seL4_PlatUserTimerTicksPerUs;
    timer[SP804_CONTROL] = SP804_ENABLE | SP804_PERIODIC | SP804_INTEN | SP804_32BIT;
}
static int timer_interrupted(volatile seL4_Uint32 *timer) { return (int)(timer[SP804_RIS] & 1u); }
static void timer_clear(volatile seL4_Uint32 *timer) { timer[SP804_INTCLR] = 1; }
static void timer_stop(volatile seL4_Uint32 *timer)
{
    timer[SP804_CONTROL] = 0;
    timer[SP804_INTCLR] = 1;
}
#elif defined(seL4_PlatUserTimerBCM2835SystemTimer)
enum { SYSTIMER_CS, SYSTIMER_CLO, SYSTIMER_CHI, SYSTIMER_C0 };
#define SYSTIMER_MATCH (1u << seL4_PlatUserTimerCompare)
#define SYSTIMER_COMPARE (SYSTIMER_C0 + seL4_PlatUserTimerCompare)

static void timer_clear(volatile seL4_Uint32 *timer)
{
    timer[SYSTIMER_CS] = SYSTIMER_MATCH;
    timer[SYSTIMER_COMPARE] = timer[SYSTIMER_CLO] + PERIOD_US * seL4_PlatUserTimerTicksPerUs;
}
static void timer_start(volatile seL4_Uint32 *timer) { timer_clear(timer); }
static int timer_interrupted(volatile seL4_Uint32 *timer) { return (timer[SYSTIMER_CS] & SYSTIMER_MATCH) != 0; }
static void timer_stop(volatile seL4_Uint32 *timer) { timer[SYSTIMER_CS] = SYSTIMER_MATCH; }
#else
#error "sel4/plat/api/constants.h names no user timer this test can drive"
#endif

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

/* The device untyped holding physical address pa, or 0. */
static seL4_CPtr device_untyped_at(seL4_Word pa, seL4_Word *base)
{
    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (d->isDevice && pa >= d->paddr && pa - d->paddr < (1ul << d->sizeBits)) {
            *base = d->paddr;
            return bi->untyped.start + i;
        }
    }
    return 0;
}

/* A frame cap for the 4 KiB device page at pa: untyped children fill the gap below
 * it, largest first, so the next object lands on it. */
static seL4_CPtr device_frame_at(seL4_Word pa)
{
    seL4_Word base;
    seL4_CPtr ut = device_untyped_at(pa, &base);
    if (!ut)
        return 0;
    revoke_after_test(ut);
    seL4_Word gap = pa - base;
    for (int bit = 31; bit >= 4; bit--)
        if (gap & (1ul << bit))
            if (retype_into(ut, seL4_UntypedObject, bit, slot_alloc(), 1) != seL4_NoError)
                return 0;
    seL4_CPtr frame = slot_alloc();
    return retype_into(ut, seL4_ARM_SmallPageObject, 0, frame, 1) == seL4_NoError ? frame : 0;
}

static void irq_delivery_to_a_user_level_timer_driver(void)
{
    seL4_CPtr frame = device_frame_at(seL4_PlatUserTimerPaddr);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    REQUIRE(frame && pt, "setup: the timer's frame and a page table");
    seL4_ARM_Page_GetAddress_t where = seL4_ARM_Page_GetAddress(frame);
    CHECK_OK(where.error);
    CHECK(where.paddr == seL4_PlatUserTimerPaddr, "the frame is at 0x%x", (unsigned)where.paddr);
    REQUIRE_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, DRIVER_VADDR,
                                      seL4_ARM_Default_VMAttributes));
    REQUIRE_OK(seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, DRIVER_VADDR, seL4_ReadWrite, 0));
    volatile seL4_Uint32 *timer = (volatile seL4_Uint32 *)DRIVER_VADDR;

    seL4_CPtr h = slot_alloc(), ntfn = new_object(seL4_NotificationObject, 0);
    REQUIRE(ntfn, "setup");
    REQUIRE_OK(get(seL4_PlatUserTimerIRQ, h));
    REQUIRE_OK(seL4_IRQHandler_SetNotification(h, ntfn));
    REQUIRE_OK(seL4_IRQHandler_Ack(h));
    timer_start(timer);
    for (int i = 0; i < TICKS; i++) {
        seL4_Word badge = ~0ul;
        seL4_Wait(ntfn, &badge);
        CHECK(badge == 0, "tick %d: badge %" SEL4_PRIu_word " (the notification's cap is unbadged)", i, badge);
        CHECK(timer_interrupted(timer), "tick %d: the timer says it interrupted", i);
        timer_clear(timer);
        CHECK_OK(seL4_IRQHandler_Ack(h));
    }
    timer_stop(timer);
    CHECK_OK(seL4_IRQHandler_Clear(h));
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
    TEST_CASE(irq_delivery_to_a_user_level_timer_driver),
};
const unsigned irq_test_count = sizeof(irq_tests) / sizeof(irq_tests[0]);
