/*
 * tests/sim/test_sp804.c - Criterion tests for the SP804 dual timer model: every
 * register's reset value and behaviour, the three counting modes, prescaling,
 * interrupts and deadlines, checked against QEMU 7.2's arm_timer.c/ptimer.c.
 * Partners: sim/dev/sp804.c, sim/dev/sp804.h.
 */
#include <criterion/criterion.h>

#include "dev/sp804.h"

#define T0 0x00u /* timer 1 block */
#define T1 0x20u /* timer 2 block */
#define LOAD 0x00u
#define VALUE 0x04u
#define CONTROL 0x08u
#define INTCLR 0x0cu
#define RIS 0x10u
#define MIS 0x14u
#define BGLOAD 0x18u

#define CTRL_ONESHOT 0x01u
#define CTRL_32BIT 0x02u
#define CTRL_DIV16 0x04u
#define CTRL_DIV256 0x08u
#define CTRL_DIV_UNDEFINED 0x0cu
#define CTRL_IE 0x20u
#define CTRL_PERIODIC 0x40u
#define CTRL_ENABLE 0x80u
#define CTRL_PERIODIC_RUN (CTRL_ENABLE | CTRL_PERIODIC | CTRL_IE | CTRL_32BIT)

/* One tick of the undivided 1 MHz clock lasts this many instructions. */
#define INSNS_PER_US (SIM_CPU_HZ / 1000000u)

typedef struct irq_probe {
    bool level;
    unsigned edges; /* number of calls to set() */
} irq_probe_t;

static sim_clock_t clk;
static irq_probe_t probe;
static sp804_t *tmr;
static sim_device_t dev;

static void probe_set(void *ctx, unsigned line, bool level)
{
    irq_probe_t *p = ctx;
    cr_assert_eq(line, 34u, "SP804 timer01 drives GIC interrupt 34");
    p->level = level;
    p->edges++;
}

static void setup(void)
{
    clk.now = 0;
    probe = (irq_probe_t){0};
    sim_irq_t irq = {.set = probe_set, .ctx = &probe, .line = 34};
    tmr = sp804_create(&clk, irq);
    cr_assert_not_null(tmr);
    dev = sp804_device(tmr, "timer01", 0x1C110000u);
}

static void teardown(void)
{
    sp804_destroy(tmr);
}

static uint32_t rd(uint32_t off)
{
    return dev.ops->read(dev.self, off, 4);
}

static void wr(uint32_t off, uint32_t v)
{
    dev.ops->write(dev.self, off, 4, v);
}

static void run_to(sim_time_t t)
{
    clk.now = t;
    dev.ops->advance(dev.self);
}

TestSuite(sp804, .init = setup, .fini = teardown);

Test(sp804, device_window_describes_the_timer)
{
    cr_assert_eq(dev.base, 0x1C110000u);
    cr_assert_eq(dev.size, 0x1000u);
    cr_assert_str_eq(dev.name, "timer01");
    cr_assert_eq(dev.self, tmr);
}

Test(sp804, create_rejects_missing_clock)
{
    sim_irq_t irq = {0};
    cr_assert_null(sp804_create(NULL, irq));
}

Test(sp804, reset_values_match_qemu)
{
    for (uint32_t base = T0; base <= T1; base += T1) {
        cr_assert_eq(rd(base + LOAD), 0u);
        cr_assert_eq(rd(base + VALUE), 0u);
        cr_assert_eq(rd(base + CONTROL), 0x20u, "Control resets to IntEnable only");
        cr_assert_eq(rd(base + RIS), 0u);
        cr_assert_eq(rd(base + MIS), 0u);
        cr_assert_eq(rd(base + BGLOAD), 0u);
    }
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER);
    cr_assert_eq(probe.edges, 0u);
}

Test(sp804, id_registers_read_periph_and_primecell_ids)
{
    static const uint32_t expect[] = {0x04, 0x18, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
    for (unsigned i = 0; i < 8; i++)
        cr_assert_eq(rd(0xfe0u + 4u * i), expect[i], "ID word %u", i);
}

Test(sp804, unimplemented_offsets_read_zero_and_ignore_writes)
{
    wr(0xf00u, 1u); /* TimerITCR */
    wr(0x40u, 0x1234u);
    cr_assert_eq(rd(0xf00u), 0u);
    cr_assert_eq(rd(0xf04u), 0u);
    cr_assert_eq(rd(0x40u), 0u);
    cr_assert_eq(rd(T0 + INTCLR), 0u, "IntClr is write-only");
    cr_assert_eq(rd(T0 + 0x1cu), 0u);
    cr_assert_eq(rd(T0 + LOAD), 0u);
}

Test(sp804, load_write_in_free_running_mode_resets_value_to_counter_width)
{
    /* Reset Control (0x20) selects free-running 16-bit mode, where QEMU reloads 0xffff. */
    wr(T0 + LOAD, 1234u);
    cr_assert_eq(rd(T0 + LOAD), 1234u);
    cr_assert_eq(rd(T0 + VALUE), 0xffffu);
    wr(T0 + CONTROL, CTRL_32BIT | CTRL_IE);
    wr(T0 + LOAD, 1234u);
    cr_assert_eq(rd(T0 + VALUE), 0xffffffffu);
}

Test(sp804, load_write_sets_load_bgload_and_stopped_value)
{
    wr(T0 + CONTROL, CTRL_PERIODIC | CTRL_IE);
    wr(T0 + LOAD, 0x12345678u);
    cr_assert_eq(rd(T0 + LOAD), 0x12345678u);
    cr_assert_eq(rd(T0 + BGLOAD), 0x12345678u, "BGLoad reads the same reload register");
    cr_assert_eq(rd(T0 + VALUE), 0x12345678u, "Load resets the stopped counter");
    cr_assert_eq(rd(T1 + LOAD), 0u, "timer 2 is independent");
}

Test(sp804, bgload_write_sets_load_but_not_the_count)
{
    wr(T0 + CONTROL, CTRL_PERIODIC | CTRL_IE);
    wr(T0 + LOAD, 500u);
    wr(T0 + BGLOAD, 900u);
    cr_assert_eq(rd(T0 + LOAD), 900u);
    cr_assert_eq(rd(T0 + BGLOAD), 900u);
    cr_assert_eq(rd(T0 + VALUE), 500u);
}

Test(sp804, value_register_ignores_writes)
{
    wr(T0 + CONTROL, CTRL_ONESHOT | CTRL_IE);
    wr(T0 + LOAD, 77u);
    wr(T0 + VALUE, 5u);
    cr_assert_eq(rd(T0 + VALUE), 77u);
}

Test(sp804, control_register_reads_back_whole_value)
{
    wr(T0 + CONTROL, 0x6eu); /* everything but Enable */
    cr_assert_eq(rd(T0 + CONTROL), 0x6eu);
    wr(T0 + CONTROL, 0xffffff00u);
    cr_assert_eq(rd(T0 + CONTROL), 0xffffff00u, "QEMU stores the whole word");
}

Test(sp804, value_counts_down_once_per_microsecond)
{
    clk.now = 1000;
    wr(T0 + LOAD, 100u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    cr_assert_eq(rd(T0 + VALUE), 100u);
    clk.now = 1001;
    cr_assert_eq(rd(T0 + VALUE), 99u, "QEMU rounds the remaining time down");
    clk.now = 1000 + INSNS_PER_US;
    cr_assert_eq(rd(T0 + VALUE), 99u);
    clk.now = 1000 + INSNS_PER_US + 1;
    cr_assert_eq(rd(T0 + VALUE), 98u);
    clk.now = 1000 + 50 * INSNS_PER_US;
    cr_assert_eq(rd(T0 + VALUE), 50u);
}

Test(sp804, periodic_reload_raises_interrupt_each_period)
{
    const sim_time_t period = 100 * INSNS_PER_US;
    wr(T0 + LOAD, 100u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    cr_assert_eq(dev.ops->next_deadline(dev.self), period);

    run_to(period - 1);
    cr_assert_eq(rd(T0 + RIS), 0u);
    cr_assert_not(probe.level);

    run_to(period);
    cr_assert_eq(rd(T0 + RIS), 1u);
    cr_assert_eq(rd(T0 + MIS), 1u);
    cr_assert(probe.level);
    cr_assert_eq(rd(T0 + VALUE), 100u, "reloaded from Load");
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER, "line already high");

    wr(T0 + INTCLR, 0u);
    cr_assert_not(probe.level);
    cr_assert_eq(rd(T0 + RIS), 0u);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 2 * period);
    run_to(2 * period);
    cr_assert(probe.level);
    cr_assert_eq(probe.edges, 3u, "high, low, high");
}

Test(sp804, late_advance_stays_on_the_period_grid)
{
    const sim_time_t period = 10 * INSNS_PER_US;
    wr(T0 + LOAD, 10u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    run_to(3 * period + 250); /* three expiries passed unobserved */
    cr_assert(probe.level);
    cr_assert_eq(probe.edges, 1u, "the interrupt is a level, latched once");
    cr_assert_eq(rd(T0 + VALUE), 7u, "750 instructions left before the 4th expiry");
    wr(T0 + INTCLR, 0u);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 4 * period);
}

Test(sp804, oneshot_fires_once_and_stops_at_zero)
{
    wr(T0 + LOAD, 20u);
    wr(T0 + CONTROL, CTRL_ENABLE | CTRL_ONESHOT | CTRL_IE | CTRL_32BIT);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 20 * INSNS_PER_US);
    run_to(20 * INSNS_PER_US);
    cr_assert(probe.level);
    cr_assert_eq(rd(T0 + VALUE), 0u);
    wr(T0 + INTCLR, 0u);
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER);
    run_to(1000 * INSNS_PER_US);
    cr_assert_eq(rd(T0 + RIS), 0u, "no second expiry");
    cr_assert_eq(rd(T0 + VALUE), 0u);
    cr_assert(rd(T0 + CONTROL) & CTRL_ENABLE, "Enable stays set, as in QEMU");
}

Test(sp804, oneshot_counts_from_load_even_without_periodic_bit)
{
    wr(T0 + LOAD, 5u);
    wr(T0 + CONTROL, CTRL_ENABLE | CTRL_ONESHOT | CTRL_IE);
    cr_assert_eq(rd(T0 + VALUE), 5u);
}

Test(sp804, free_running_16bit_ignores_load_and_wraps_at_0xffff)
{
    wr(T0 + LOAD, 10u);
    wr(T0 + CONTROL, CTRL_ENABLE | CTRL_IE); /* free-running, 16-bit */
    cr_assert_eq(rd(T0 + VALUE), 0xffffu);
    cr_assert_eq(rd(T0 + LOAD), 10u, "Load keeps the written value");
    const sim_time_t wrap = 0xffffull * INSNS_PER_US;
    cr_assert_eq(dev.ops->next_deadline(dev.self), wrap);
    run_to(wrap);
    cr_assert(probe.level, "free-running wrap raises the interrupt");
    cr_assert_eq(rd(T0 + VALUE), 0xffffu, "reloads to the counter width");
}

Test(sp804, free_running_32bit_starts_at_0xffffffff)
{
    wr(T0 + CONTROL, CTRL_ENABLE | CTRL_IE | CTRL_32BIT);
    cr_assert_eq(rd(T0 + VALUE), 0xffffffffu);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 0xffffffffull * INSNS_PER_US);
}

Test(sp804, sixteen_bit_periodic_counts_the_full_load_value)
{
    /* QEMU only applies the 16-bit width to free-running mode. */
    wr(T0 + LOAD, 0x12345u);
    wr(T0 + CONTROL, CTRL_ENABLE | CTRL_PERIODIC | CTRL_IE);
    cr_assert_eq(rd(T0 + VALUE), 0x12345u);
}

Test(sp804, prescale_16_divides_the_clock)
{
    wr(T0 + LOAD, 3u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN | CTRL_DIV16);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 3 * 16 * INSNS_PER_US);
    clk.now = 16 * INSNS_PER_US;
    cr_assert_eq(rd(T0 + VALUE), 2u);
    clk.now = 16 * INSNS_PER_US + 1;
    cr_assert_eq(rd(T0 + VALUE), 1u);
}

Test(sp804, prescale_256_uses_qemus_3906_hz_clock)
{
    /*
     * QEMU divides the integer frequency: 1000000 >> 8 = 3906 Hz, one count every
     * 256016.38 ns. Ten counts end at 2560160 + floor(0.385 * 10) = 2560163 ns, so
     * the first instruction at or after that is 256017.
     */
    wr(T0 + LOAD, 10u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN | CTRL_DIV256);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 256017u);
    clk.now = 25602; /* 256020 ns: 2304143 ns remain, just under 9 periods */
    cr_assert_eq(rd(T0 + VALUE), 8u, "9 periods minus a fraction rounds down to 8");
    clk.now = 25601; /* 256010 ns: 2304153 ns remain, just over 9 periods */
    cr_assert_eq(rd(T0 + VALUE), 9u);
    run_to(256016);
    cr_assert_not(probe.level);
    run_to(256017);
    cr_assert(probe.level);
}

Test(sp804, prescale_256_value_never_rounds_up_near_a_count_boundary)
{
    /*
     * Here 74226062468 ns remain, 289926.99999 counts of 256016.38 ns. QEMU divides
     * by a divisor rounded up in its last bit, so Value is 289926, never 289927.
     */
    wr(T0 + LOAD, 0xffffffffu);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN | CTRL_DIV256);
    clk.now = 109950777470558ull;
    cr_assert_eq(rd(T0 + VALUE), 289926u);
}

Test(sp804, undefined_prescale_value_counts_undivided)
{
    wr(T0 + LOAD, 4u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN | CTRL_DIV_UNDEFINED);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 4 * INSNS_PER_US);
}

Test(sp804, mis_is_ris_masked_by_interrupt_enable)
{
    wr(T0 + LOAD, 2u);
    wr(T0 + CONTROL, CTRL_ENABLE | CTRL_PERIODIC | CTRL_32BIT); /* IE clear */
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER, "no interrupt to raise");
    clk.now = 2 * INSNS_PER_US;
    cr_assert_eq(rd(T0 + RIS), 1u, "RIS is computed on demand");
    cr_assert_eq(rd(T0 + MIS), 0u);
    cr_assert_not(probe.level);
    /* Setting IE without Enable stops the counter but exposes the latched RIS. */
    wr(T0 + CONTROL, CTRL_PERIODIC | CTRL_IE | CTRL_32BIT);
    cr_assert_eq(rd(T0 + MIS), 1u);
    cr_assert(probe.level);
}

Test(sp804, intclr_clears_whatever_value_is_written)
{
    wr(T0 + LOAD, 1u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    run_to(INSNS_PER_US);
    cr_assert_eq(rd(T0 + RIS), 1u);
    wr(T0 + INTCLR, 0xdeadbeefu);
    cr_assert_eq(rd(T0 + RIS), 0u);
}

Test(sp804, load_write_while_running_restarts_from_new_value)
{
    wr(T0 + LOAD, 1000u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    clk.now = 300 * INSNS_PER_US;
    cr_assert_eq(rd(T0 + VALUE), 700u);
    wr(T0 + LOAD, 50u);
    cr_assert_eq(rd(T0 + VALUE), 50u);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 350 * INSNS_PER_US);
}

Test(sp804, bgload_write_while_running_applies_at_next_reload)
{
    wr(T0 + LOAD, 100u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    clk.now = 40 * INSNS_PER_US;
    wr(T0 + BGLOAD, 10u);
    cr_assert_eq(rd(T0 + VALUE), 60u, "current period unaffected");
    run_to(100 * INSNS_PER_US);
    cr_assert(probe.level);
    cr_assert_eq(rd(T0 + VALUE), 10u);
    wr(T0 + INTCLR, 0u);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 110 * INSNS_PER_US);
}

Test(sp804, zero_load_fires_immediately_and_stops)
{
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN); /* Load is 0 */
    cr_assert_eq(rd(T0 + RIS), 1u, "QEMU triggers on a zero count at start");
    cr_assert(probe.level);
    wr(T0 + INTCLR, 0u);
    run_to(1000000);
    cr_assert_eq(rd(T0 + RIS), 0u, "and then disables the counter");
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER);
}

Test(sp804, zero_bgload_stops_periodic_timer_after_one_more_interrupt)
{
    wr(T0 + LOAD, 5u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    wr(T0 + BGLOAD, 0u);
    run_to(5 * INSNS_PER_US);
    cr_assert(probe.level);
    wr(T0 + INTCLR, 0u);
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER);
    cr_assert_eq(rd(T0 + VALUE), 0u);
}

Test(sp804, disabling_freezes_value_and_reenabling_restarts_from_load)
{
    wr(T0 + LOAD, 100u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    clk.now = 30 * INSNS_PER_US;
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN & ~CTRL_ENABLE);
    clk.now = 90 * INSNS_PER_US;
    cr_assert_eq(rd(T0 + VALUE), 70u, "paused");
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    cr_assert_eq(rd(T0 + VALUE), 100u, "QEMU reloads on enable rather than resuming");
    cr_assert_eq(dev.ops->next_deadline(dev.self), 190 * INSNS_PER_US);
}

Test(sp804, rewriting_control_while_running_restarts_the_count)
{
    wr(T0 + LOAD, 100u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    clk.now = 60 * INSNS_PER_US;
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    cr_assert_eq(rd(T0 + VALUE), 100u);
}

Test(sp804, irq_line_is_or_of_both_timers)
{
    wr(T0 + LOAD, 10u);
    wr(T1 + LOAD, 20u);
    wr(T0 + CONTROL, CTRL_PERIODIC_RUN);
    wr(T1 + CONTROL, CTRL_PERIODIC_RUN);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 10 * INSNS_PER_US);
    run_to(10 * INSNS_PER_US);
    cr_assert(probe.level);
    cr_assert_eq(dev.ops->next_deadline(dev.self), 20 * INSNS_PER_US, "timer 2 still pending");
    run_to(20 * INSNS_PER_US);
    cr_assert_eq(rd(T1 + MIS), 1u);
    wr(T0 + INTCLR, 0u);
    cr_assert(probe.level, "timer 2 keeps the line high");
    wr(T1 + INTCLR, 0u);
    cr_assert_not(probe.level);
}

Test(sp804, timers_count_independently)
{
    wr(T1 + LOAD, 40u);
    wr(T1 + CONTROL, CTRL_PERIODIC_RUN);
    clk.now = 15 * INSNS_PER_US;
    cr_assert_eq(rd(T1 + VALUE), 25u);
    cr_assert_eq(rd(T0 + VALUE), 0u);
    cr_assert_eq(rd(T0 + CONTROL), 0x20u);
}

Test(sp804, narrow_reads_return_the_low_bytes)
{
    wr(T0 + LOAD, 0xa1b2c3d4u);
    cr_assert_eq(dev.ops->read(dev.self, T0 + LOAD, 1), 0xd4u);
    cr_assert_eq(dev.ops->read(dev.self, T0 + LOAD, 2), 0xc3d4u);
    dev.ops->write(dev.self, T0 + BGLOAD, 1, 0x1ffu);
    cr_assert_eq(rd(T0 + LOAD), 0xffu, "a byte write stores only the byte");
}

Test(sp804, results_depend_only_on_the_clock)
{
    /* The same access sequence at the same virtual times gives the same values. */
    uint32_t first[3];
    for (int pass = 0; pass < 2; pass++) {
        sp804_destroy(tmr);
        setup();
        wr(T0 + LOAD, 333u);
        wr(T0 + CONTROL, CTRL_PERIODIC_RUN | CTRL_DIV16);
        clk.now = 123457;
        uint32_t got[3] = {rd(T0 + VALUE), rd(T0 + RIS), (uint32_t)dev.ops->next_deadline(dev.self)};
        if (pass == 0) {
            for (int i = 0; i < 3; i++)
                first[i] = got[i];
        } else {
            for (int i = 0; i < 3; i++)
                cr_assert_eq(got[i], first[i]);
        }
    }
    cr_assert_eq(first[0], 333u - 123457u / (16u * INSNS_PER_US) - 1u);
}
