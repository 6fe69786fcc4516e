/*
 * tests/sim/test_simctl.c - the arm-sim control block and trace port registers
 * (docs/sim-devices.md).
 */
#include <criterion/criterion.h>

#include "../../arch/arm-sim/simdev.h"
#include "dev/simctl.h"

static sim_clock_t clock_;
static simctl_t *ctl;
static uint32_t panic_code;
static int panics;
static uint32_t frame[64];
static size_t frame_len;
static int frames;

static void on_panic(void *ctx, uint32_t code)
{
    (void)ctx;
    panics++;
    panic_code = code;
}

static void on_frame(void *ctx, const uint32_t *words, size_t count)
{
    (void)ctx;
    frames++;
    frame_len = count;
    for (size_t i = 0; i < count; i++)
        frame[i] = words[i];
}

static void setup(void)
{
    clock_.now = 0;
    panics = frames = 0;
    simctl_events_t ev = {on_panic, on_frame, NULL};
    ctl = simctl_create(&clock_, 64u << 20, ev);
    cr_assert_not_null(ctl);
}

static void teardown(void)
{
    simctl_destroy(ctl);
}

static uint32_t rd(sim_device_t d, uint32_t off) { return d.ops->read(d.self, off, 4); }
static void wr(sim_device_t d, uint32_t off, uint32_t v) { d.ops->write(d.self, off, 4, v); }

TestSuite(simctl, .init = setup, .fini = teardown);

Test(simctl, identifies_the_board_and_its_ram)
{
    sim_device_t d = simctl_control_device(ctl);
    cr_expect_eq(d.base, SIMCTL_BASE);
    cr_expect_eq(rd(d, SIMCTL_ID), SIMCTL_MAGIC);
    cr_expect_eq(rd(d, SIMCTL_VERSION), SIMCTL_VERSION_1);
    cr_expect_eq(rd(d, SIMCTL_RAM_SIZE), 64u << 20);
    cr_expect_eq(rd(d, SIMCTL_CPU_HZ), (uint32_t)SIM_CPU_HZ);
}

Test(simctl, instruction_count_high_word_is_latched_by_the_low_read)
{
    sim_device_t d = simctl_control_device(ctl);
    clock_.now = 0x00000002FFFFFFF0ull;
    cr_expect_eq(rd(d, SIMCTL_ICOUNT_LO), 0xFFFFFFF0u);
    clock_.now = 0x0000000300000010ull; /* time moves between the two reads */
    cr_expect_eq(rd(d, SIMCTL_ICOUNT_HI), 2u, "the high word belongs to the low read");
}

Test(simctl, panic_doorbell_reports_the_code)
{
    sim_device_t d = simctl_control_device(ctl);
    wr(d, SIMCTL_PANIC, 7);
    cr_expect_eq(panics, 1);
    cr_expect_eq(panic_code, 7);
    wr(d, SIMCTL_ID, 1); /* read-only registers ignore writes */
    cr_expect_eq(panics, 1);
    cr_expect_eq(rd(d, SIMCTL_ID), SIMCTL_MAGIC);
}

Test(simctl, trace_frames_are_delivered_on_commit)
{
    sim_device_t t = simctl_trace_device(ctl);
    cr_expect_eq(t.base, TRACEPORT_BASE);
    wr(t, TRACEPORT_DATA, 0x11);
    wr(t, TRACEPORT_DATA, 0x22);
    cr_expect_eq(frames, 0, "nothing until COMMIT");
    wr(t, TRACEPORT_COMMIT, 2);
    cr_expect_eq(frames, 1);
    cr_expect_eq(frame_len, 2);
    cr_expect_eq(frame[0], 0x11);
    cr_expect_eq(frame[1], 0x22);
    wr(t, TRACEPORT_COMMIT, 0);
    cr_expect_eq(frame_len, 0, "each COMMIT starts a new frame");
}

Test(simctl, trace_status_says_whether_recording)
{
    sim_device_t t = simctl_trace_device(ctl);
    cr_expect_eq(rd(t, TRACEPORT_STATUS), 0);
    simctl_set_recording(ctl, true);
    cr_expect_eq(rd(t, TRACEPORT_STATUS), 1);
}

Test(simctl, overlong_frames_are_cut_not_overflowed)
{
    sim_device_t t = simctl_trace_device(ctl);
    for (uint32_t i = 0; i < 100; i++)
        wr(t, TRACEPORT_DATA, i);
    wr(t, TRACEPORT_COMMIT, 100);
    cr_expect_eq(frame_len, 64);
    cr_expect_eq(frame[63], 63);
}
