/*
 * tests/sim/test_sysreg.c - Criterion tests for the Versatile Express system
 * registers: every register's value and write behaviour, the 24 MHz counter, and
 * the SYS_CFGCTRL protocol (oscillators, voltages, shutdown, reboot, errors),
 * checked against QEMU 7.2's arm_sysctl.c. Partners: sim/dev/vexpress_sysreg.c/.h.
 */
#include <criterion/criterion.h>

#include "dev/vexpress_sysreg.h"

#define ID 0x00u
#define SW 0x04u
#define LED 0x08u
#define OSC0 0x0cu
#define LOCK 0x20u
#define HZ100 0x24u
#define CFGDATA1 0x28u
#define CFGDATA2 0x2cu
#define FLAGS 0x30u
#define FLAGSSET 0x30u
#define FLAGSCLR 0x34u
#define NVFLAGS 0x38u
#define NVFLAGSSET 0x38u
#define NVFLAGSCLR 0x3cu
#define RESETCTL 0x40u
#define PCICTL 0x44u
#define MCI 0x48u
#define FLASH 0x4cu
#define CLCD 0x50u
#define CLCDSER 0x54u
#define BOOTCS 0x58u
#define MHZ24 0x5cu
#define MISC 0x60u
#define PROCID0 0x84u
#define PROCID1 0x88u
#define CFGDATA 0xa0u
#define CFGCTRL 0xa4u
#define CFGSTAT 0xa8u

#define START (1u << 31)
#define WRITE (1u << 30)
#define FUNC(f) ((uint32_t)(f) << 20)
#define SITE(s) ((uint32_t)(s) << 16)
#define POS(p) ((uint32_t)(p) << 12)
#define DCC(d) ((uint32_t)(d) << 26)
#define F_OSC 1u
#define F_VOLT 2u
#define F_TEMP 4u
#define F_MUXFPGA 7u
#define F_SHUTDOWN 8u
#define F_REBOOT 9u
#define F_DVIMODE 11u
#define SITE_MB 0u
#define SITE_DB1 1u
#define SITE_DB2 2u
#define COMPLETE 1u
#define ERROR 2u

typedef struct power_log {
    unsigned shutdowns;
    unsigned reboots;
    uint32_t status;
} power_log_t;

static sim_clock_t clk;
static power_log_t power_log;
static vexpress_sysreg_t *sys;
static sim_device_t dev;

static void on_shutdown(void *ctx, uint32_t status)
{
    power_log_t *p = ctx;
    p->shutdowns++;
    p->status = status;
}

static void on_reboot(void *ctx)
{
    power_log_t *p = ctx;
    p->reboots++;
}

static void setup(void)
{
    clk.now = 0;
    power_log = (power_log_t){0};
    sim_power_t power = {.shutdown = on_shutdown, .reboot = on_reboot, .ctx = &power_log};
    sys = vexpress_sysreg_create(&clk, power);
    cr_assert_not_null(sys);
    dev = vexpress_sysreg_device(sys, 0x1C010000u);
}

static void teardown(void)
{
    vexpress_sysreg_destroy(sys);
}

static uint32_t rd(uint32_t off) { return dev.ops->read(dev.self, off, 4); }
static void wr(uint32_t off, uint32_t v) { dev.ops->write(dev.self, off, 4, v); }

/* Run one SYS_CFG transaction; returns SYS_CFGSTAT. */
static uint32_t cfg(uint32_t ctrl, uint32_t data)
{
    wr(CFGSTAT, 0);
    wr(CFGDATA, data);
    wr(CFGCTRL, START | ctrl);
    return rd(CFGSTAT);
}

TestSuite(sysreg, .init = setup, .fini = teardown);

Test(sysreg, device_window_is_the_motherboard_sysreg_block)
{
    cr_assert_eq(dev.base, 0x1C010000u);
    cr_assert_eq(dev.size, 0x1000u);
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER);
}

Test(sysreg, create_rejects_missing_clock)
{
    sim_power_t none = {0};
    cr_assert_null(vexpress_sysreg_create(NULL, none));
}

Test(sysreg, id_registers_identify_vexpress_a15)
{
    cr_assert_eq(rd(ID), 0x1190f500u, "board 0x190, rev B, FPGA build");
    cr_assert_eq(rd(PROCID0), 0x14000237u, "CoreTile Express A15x2");
    cr_assert_eq(rd(PROCID1), 0xff000000u, "no second tile");
    wr(ID, 0);
    wr(PROCID0, 0);
    wr(PROCID1, 0);
    cr_assert_eq(rd(ID), 0x1190f500u);
    cr_assert_eq(rd(PROCID0), 0x14000237u);
    cr_assert_eq(rd(PROCID1), 0xff000000u);
}

Test(sysreg, switches_read_zero)
{
    wr(SW, 0xffu);
    cr_assert_eq(rd(SW), 0u);
}

Test(sysreg, leds_read_back_all_32_bits)
{
    cr_assert_eq(rd(LED), 0u);
    wr(LED, 0xdeadbeefu);
    cr_assert_eq(rd(LED), 0xdeadbeefu);
}

Test(sysreg, oscillator_and_misc_registers_read_zero)
{
    static const uint32_t zero[] = {OSC0, 0x10, 0x14, 0x18, 0x1c, RESETCTL, MCI, FLASH,
                                    CLCD, CLCDSER, BOOTCS, MISC, 0x64, 0x70, 0x74, 0x80,
                                    0x8c, 0x9c, 0xc0, 0xd0, 0xfc, 0x02};
    for (unsigned i = 0; i < sizeof(zero) / sizeof(zero[0]); i++) {
        wr(zero[i], 0xffffffffu);
        cr_assert_eq(rd(zero[i]), 0u, "offset %#x", zero[i]);
    }
}

Test(sysreg, pcictl_reads_one)
{
    wr(PCICTL, 0u);
    cr_assert_eq(rd(PCICTL), 1u);
}

Test(sysreg, lock_keeps_the_key_or_fifteen_bits)
{
    cr_assert_eq(rd(LOCK), 0u);
    wr(LOCK, 0xa05fu);
    cr_assert_eq(rd(LOCK), 0xa05fu);
    wr(LOCK, 0x1ffffu);
    cr_assert_eq(rd(LOCK), 0x7fffu);
}

Test(sysreg, counter_100hz_is_not_implemented_in_qemu)
{
    clk.now = 5 * SIM_CPU_HZ; /* five seconds */
    cr_assert_eq(rd(HZ100), 0u);
}

Test(sysreg, counter_24mhz_follows_virtual_time)
{
    cr_assert_eq(rd(MHZ24), 0u);
    clk.now = SIM_CPU_HZ / 1000000u; /* 1 us */
    cr_assert_eq(rd(MHZ24), 24u);
    clk.now = SIM_CPU_HZ; /* 1 s */
    cr_assert_eq(rd(MHZ24), 24000000u);
    clk.now = 4; /* 40 ns = 0.96 ticks */
    cr_assert_eq(rd(MHZ24), 0u, "rounded down");
    clk.now = 5; /* 50 ns = 1.2 ticks */
    cr_assert_eq(rd(MHZ24), 1u);
}

Test(sysreg, counter_24mhz_wraps_at_32_bits)
{
    /* 2^32 ticks at 24 MHz = 178.956970666 s; 25 instructions = 6 ticks exactly. */
    clk.now = (1ull << 32) / 6u * 25u + 25u;
    cr_assert_eq(rd(MHZ24), (uint32_t)(((1ull << 32) / 6u * 6u) + 6u));
}

Test(sysreg, cfgdata1_and_cfgdata2_read_back)
{
    wr(CFGDATA1, 0x11111111u);
    wr(CFGDATA2, 0x22222222u);
    cr_assert_eq(rd(CFGDATA1), 0x11111111u);
    cr_assert_eq(rd(CFGDATA2), 0x22222222u);
}

Test(sysreg, flags_set_and_clear_through_separate_registers)
{
    cr_assert_eq(rd(FLAGS), 0u);
    wr(FLAGSSET, 0x0000ff00u);
    wr(FLAGSSET, 0x00000003u);
    cr_assert_eq(rd(FLAGS), 0x0000ff03u);
    wr(FLAGSCLR, 0x00000f01u);
    cr_assert_eq(rd(FLAGS), 0x0000f002u);
    cr_assert_eq(rd(FLAGSCLR), 0u, "FLAGSCLR is write-only");
}

Test(sysreg, nvflags_set_and_clear_through_separate_registers)
{
    cr_assert_eq(rd(NVFLAGS), 0u);
    wr(NVFLAGSSET, 0x80000001u);
    wr(NVFLAGSCLR, 0x00000001u);
    cr_assert_eq(rd(NVFLAGS), 0x80000000u);
    cr_assert_eq(rd(NVFLAGSCLR), 0u);
    cr_assert_eq(rd(FLAGS), 0u, "independent of FLAGS");
}

Test(sysreg, cfg_registers_reset_to_zero)
{
    cr_assert_eq(rd(CFGDATA), 0u);
    cr_assert_eq(rd(CFGCTRL), 0u);
    cr_assert_eq(rd(CFGSTAT), 0u);
}

Test(sysreg, cfgctrl_start_and_undefined_bits_read_zero)
{
    wr(CFGCTRL, 0xffffffffu & ~START);
    cr_assert_eq(rd(CFGCTRL), 0x7ff3ffffu, "bits 31 and 19:18 read as zero");
    cr_assert_eq(rd(CFGSTAT), 0u, "no Start, no transaction");
}

Test(sysreg, cfgstat_keeps_two_bits)
{
    wr(CFGSTAT, 0xffffffffu);
    cr_assert_eq(rd(CFGSTAT), 3u);
}

Test(sysreg, shutdown_passes_cfgdata_as_exit_status)
{
    cr_assert_eq(cfg(WRITE | FUNC(F_SHUTDOWN) | SITE(SITE_MB), 42u), COMPLETE);
    cr_assert_eq(power_log.shutdowns, 1u);
    cr_assert_eq(power_log.status, 42u);
    cr_assert_eq(power_log.reboots, 0u);
    cr_assert_eq(rd(CFGCTRL), WRITE | FUNC(F_SHUTDOWN), "Start bit self-clears");
}

Test(sysreg, reboot_requests_a_reset)
{
    cr_assert_eq(cfg(WRITE | FUNC(F_REBOOT) | SITE(SITE_MB), 7u), COMPLETE);
    cr_assert_eq(power_log.reboots, 1u);
    cr_assert_eq(power_log.shutdowns, 0u);
}

Test(sysreg, shutdown_elsewhere_than_motherboard_device_0_is_an_error)
{
    cr_assert_eq(cfg(WRITE | FUNC(F_SHUTDOWN) | SITE(SITE_DB1), 1u), COMPLETE | ERROR);
    cr_assert_eq(cfg(WRITE | FUNC(F_SHUTDOWN) | SITE(SITE_MB) | 1u, 1u), COMPLETE | ERROR);
    cr_assert_eq(cfg(WRITE | FUNC(F_REBOOT) | SITE(SITE_MB) | POS(1), 1u), COMPLETE | ERROR);
    cr_assert_eq(power_log.shutdowns + power_log.reboots, 0u);
}

Test(sysreg, reading_shutdown_is_an_error_and_does_nothing)
{
    cr_assert_eq(cfg(FUNC(F_SHUTDOWN) | SITE(SITE_MB), 9u), COMPLETE | ERROR);
    cr_assert_eq(power_log.shutdowns, 0u);
    cr_assert_eq(rd(CFGDATA), 9u, "failed reads leave CFGDATA alone");
}

Test(sysreg, power_functions_without_handlers_still_complete)
{
    sim_power_t none = {0};
    vexpress_sysreg_t *s = vexpress_sysreg_create(&clk, none);
    cr_assert_not_null(s);
    sim_device_t d = vexpress_sysreg_device(s, 0x1C010000u);
    d.ops->write(d.self, CFGCTRL, 4, START | WRITE | FUNC(F_SHUTDOWN));
    cr_assert_eq(d.ops->read(d.self, CFGSTAT, 4), COMPLETE);
    vexpress_sysreg_destroy(s);
}

Test(sysreg, motherboard_oscillators_read_their_reset_frequencies)
{
    static const uint32_t hz[] = {50000000, 23750000, 24000000, 24000000, 24000000, 24000000};
    for (uint32_t dev_no = 0; dev_no < 6; dev_no++) {
        cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_MB) | dev_no, 0u), COMPLETE);
        cr_assert_eq(rd(CFGDATA), hz[dev_no], "OSCCLK%u", dev_no);
    }
    cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_MB) | 6u, 0u), COMPLETE | ERROR);
}

Test(sysreg, daughterboard_oscillators_read_a15_frequencies)
{
    static const uint32_t hz[] = {60000000, 0, 0, 0, 40000000, 23750000,
                                  50000000, 60000000, 40000000};
    for (uint32_t dev_no = 0; dev_no < 9; dev_no++) {
        cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_DB1) | dev_no, 0u), COMPLETE);
        cr_assert_eq(rd(CFGDATA), hz[dev_no], "DB OSCCLK%u", dev_no);
    }
    cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_DB1) | 9u, 0u), COMPLETE | ERROR);
}

Test(sysreg, oscillator_writes_are_remembered)
{
    cr_assert_eq(cfg(WRITE | FUNC(F_OSC) | SITE(SITE_MB) | 1u, 25175000u), COMPLETE);
    cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_MB) | 1u, 0u), COMPLETE);
    cr_assert_eq(rd(CFGDATA), 25175000u);
    cr_assert_eq(cfg(WRITE | FUNC(F_OSC) | SITE(SITE_DB1) | 5u, 65000000u), COMPLETE);
    cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_DB1) | 5u, 0u), COMPLETE);
    cr_assert_eq(rd(CFGDATA), 65000000u);
    cr_assert_eq(cfg(WRITE | FUNC(F_OSC) | SITE(SITE_DB1) | 9u, 1u), COMPLETE | ERROR);
}

Test(sysreg, voltages_read_vio_and_a15_vcore)
{
    cr_assert_eq(cfg(FUNC(F_VOLT) | SITE(SITE_MB), 0u), COMPLETE);
    cr_assert_eq(rd(CFGDATA), 3300000u, "VIO 3.3 V");
    cr_assert_eq(cfg(FUNC(F_VOLT) | SITE(SITE_DB1), 0u), COMPLETE);
    cr_assert_eq(rd(CFGDATA), 900000u, "Vcore 0.9 V");
    cr_assert_eq(cfg(FUNC(F_VOLT) | SITE(SITE_DB1) | 1u, 0u), COMPLETE | ERROR);
    cr_assert_eq(cfg(FUNC(F_VOLT) | SITE(SITE_MB) | 1u, 0u), COMPLETE | ERROR);
    cr_assert_eq(cfg(WRITE | FUNC(F_VOLT) | SITE(SITE_MB), 0u), COMPLETE | ERROR,
                 "voltages are read-only");
}

Test(sysreg, muxfpga_and_dvimode_writes_succeed_without_effect)
{
    cr_assert_eq(cfg(WRITE | FUNC(F_MUXFPGA) | SITE(SITE_MB), 1u), COMPLETE);
    cr_assert_eq(cfg(WRITE | FUNC(F_DVIMODE) | SITE(SITE_MB), 2u), COMPLETE);
    cr_assert_eq(cfg(WRITE | FUNC(F_DVIMODE) | SITE(SITE_DB1), 2u), COMPLETE | ERROR);
    cr_assert_eq(power_log.shutdowns + power_log.reboots, 0u);
}

Test(sysreg, unsupported_functions_sites_and_dcc_report_error)
{
    cr_assert_eq(cfg(FUNC(F_TEMP) | SITE(SITE_DB1), 0u), COMPLETE | ERROR);
    cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_DB2), 0u), COMPLETE | ERROR);
    cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_MB) | DCC(1), 0u), COMPLETE | ERROR);
    cr_assert_eq(cfg(FUNC(F_OSC) | SITE(SITE_MB) | POS(2), 0u), COMPLETE | ERROR);
}

Test(sysreg, undefined_cfgctrl_bits_do_not_change_the_request)
{
    cr_assert_eq(cfg((3u << 18) | FUNC(F_OSC) | SITE(SITE_MB) | 2u, 0u), COMPLETE);
    cr_assert_eq(rd(CFGDATA), 24000000u);
}

Test(sysreg, narrow_reads_return_low_bytes)
{
    cr_assert_eq(dev.ops->read(dev.self, ID, 1), 0x00u);
    cr_assert_eq(dev.ops->read(dev.self, ID, 2), 0xf500u);
    dev.ops->write(dev.self, LED, 1, 0x1abu);
    cr_assert_eq(rd(LED), 0xabu);
}
