/*
 * tests/sim/test_board_devices.c - the board as numbat-sim builds it: both SP804 dual
 * timers at QEMU's vexpress-a15 addresses, each wired to its own GIC line (34 for
 * timers 0/1, the kernel's tick; 35 for timers 2/3, free for a user-level driver).
 * Partners: sim/board.c, sim/dev/sp804.c, sim/dev/gic.c,
 * arch/arm/include/arch/vexpress_map.h.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "board_internal.h"
#include "clock.h"

#define SP804_LOAD 0x00u
#define SP804_CONTROL 0x08u
#define SP804_MIS 0x14u
#define SP804_CONTROL_ONESHOT_IE_ENABLE 0xA3u /* one shot, 32-bit, interrupt, enabled */
#define GICD_ISPENDR 0x200u

static sim_board_t *board;

static void make_board(void)
{
    sim_options_t o = {.ram_size = BOARD_RAM_DEFAULT};
    char err[256];
    board = sim_board_create(&o, err, sizeof(err));
    cr_assert_not_null(board, "%s", err);
}

static void drop_board(void)
{
    sim_board_destroy(board);
}

TestSuite(board_devices, .init = make_board, .fini = drop_board);

static const sim_device_t *device_at(uint32_t base)
{
    for (size_t i = 0; i < board->window_count; i++)
        if (board->windows[i].dev.base == base)
            return &board->windows[i].dev;
    return NULL;
}

/* Whether GIC line `irq` is pending at the distributor. */
static bool line_pending(unsigned irq)
{
    const sim_device_t *dist = device_at(VEXPRESS_GIC_DIST_BASE);
    return (dist->ops->read(dist->self, GICD_ISPENDR + irq / 32 * 4, 4) >> (irq % 32)) & 1u;
}

static void fire_once(const sim_device_t *timer)
{
    timer->ops->write(timer->self, SP804_LOAD, 4, 10);
    timer->ops->write(timer->self, SP804_CONTROL, 4, SP804_CONTROL_ONESHOT_IE_ENABLE);
    board->clock.now += 1000000; /* long past ten ticks of any prescale */
    board_advance_devices(board);
}

Test(board_devices, timers_2_and_3_interrupt_on_line_35)
{
    const sim_device_t *t23 = device_at(VEXPRESS_TIMER23_BASE);
    cr_assert_not_null(t23, "no device at 0x%08x", VEXPRESS_TIMER23_BASE);
    cr_assert_str_eq(t23->name, "timer23");
    fire_once(t23);
    cr_assert_eq(t23->ops->read(t23->self, SP804_MIS, 4), 1, "timer 2 raised its interrupt");
    cr_assert(line_pending(VEXPRESS_IRQ_TIMER23));
    cr_assert_not(line_pending(VEXPRESS_IRQ_TIMER01), "only its own line");
}

Test(board_devices, timers_0_and_1_interrupt_on_line_34)
{
    const sim_device_t *t01 = device_at(VEXPRESS_TIMER01_BASE);
    cr_assert_not_null(t01);
    fire_once(t01);
    cr_assert(line_pending(VEXPRESS_IRQ_TIMER01));
    cr_assert_not(line_pending(VEXPRESS_IRQ_TIMER23));
}
