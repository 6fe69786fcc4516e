/*
 * sim/dev/vexpress_sysreg.c - Versatile Express motherboard system registers as
 * QEMU 7.2's hw/misc/arm_sysctl.c models them for vexpress-a15, including the
 * SYS_CFGCTRL protocol; shutdown additionally reports SYS_CFGDATA as an exit
 * status. Partners: vexpress_sysreg.h, tests/sim/test_sysreg.c, docs/devices.md.
 */
#include "vexpress_sysreg.h"

#include <stdlib.h>
#include <string.h>

#define SYSREG_WINDOW_SIZE 0x1000u

/* Register offsets with behaviour (QEMU decodes exact byte offsets). */
#define SYS_ID 0x00u
#define SYS_LED 0x08u
#define SYS_LOCK 0x20u
#define SYS_CFGDATA1 0x28u
#define SYS_CFGDATA2 0x2cu
#define SYS_FLAGS 0x30u /* read: FLAGS, write: FLAGSSET */
#define SYS_FLAGSCLR 0x34u
#define SYS_NVFLAGS 0x38u /* read: NVFLAGS, write: NVFLAGSSET */
#define SYS_NVFLAGSCLR 0x3cu
#define SYS_PCICTL 0x44u
#define SYS_24MHZ 0x5cu
#define SYS_PROCID0 0x84u
#define SYS_PROCID1 0x88u
#define SYS_CFGDATA 0xa0u
#define SYS_CFGCTRL 0xa4u
#define SYS_CFGSTAT 0xa8u

/* Values QEMU's vexpress.c gives the vexpress-a15 machine. */
#define SYS_ID_VEXPRESS 0x1190f500u
#define SYS_PROCID0_A15 0x14000237u
#define SYS_PROCID1_VALUE 0xff000000u
#define SYS_PCICTL_VALUE 1u

/* SYS_LOCK: the unlock key reads back whole; anything else keeps 15 bits. */
#define SYS_LOCK_KEY 0xa05fu
#define SYS_LOCK_VALUE_MASK 0x7fffu

/* SYS_24MHZ counts 24 MHz ticks of virtual time: 24000000 / 1e9 = 24 / 1000 per ns. */
#define SYS_24MHZ_TICKS_PER_US 24u
#define SYS_NS_PER_US 1000u
#define SYS_NS_PER_INSN (1000000000ull / SIM_CPU_HZ)
_Static_assert(1000000000ull % SIM_CPU_HZ == 0, "instruction time must be whole ns");

/* SYS_CFGCTRL fields. */
#define CFGCTRL_START (1u << 31)
#define CFGCTRL_WRITE (1u << 30)
#define CFGCTRL_DCC_SHIFT 26u
#define CFGCTRL_DCC_MASK 0xfu
#define CFGCTRL_FUNC_SHIFT 20u
#define CFGCTRL_FUNC_MASK 0x3fu
#define CFGCTRL_RAZ_BITS (3u << 18) /* bits [19:18] are undefined: RAZ/WI */
#define CFGCTRL_SITE_SHIFT 16u
#define CFGCTRL_SITE_MASK 3u
#define CFGCTRL_POS_SHIFT 12u
#define CFGCTRL_POS_MASK 0xfu
#define CFGCTRL_DEVICE_MASK 0xfffu

/* SYS_CFGSTAT bits. */
#define CFGSTAT_COMPLETE 1u
#define CFGSTAT_ERROR 2u
#define CFGSTAT_MASK (CFGSTAT_COMPLETE | CFGSTAT_ERROR)

/* SYS_CFGCTRL function numbers that QEMU answers. */
#define CFG_FUNC_OSC 1u
#define CFG_FUNC_VOLT 2u
#define CFG_FUNC_MUXFPGA 7u
#define CFG_FUNC_SHUTDOWN 8u
#define CFG_FUNC_REBOOT 9u
#define CFG_FUNC_DVIMODE 11u

#define CFG_SITE_MB 0u
#define CFG_SITE_DB1 1u

/* The one motherboard voltage sensor, VIO, in microvolts. */
#define CFG_MB_VIO_UV 3300000u

#define MB_CLOCKS 6u
#define DB_CLOCKS 9u
#define DB_VOLTAGES 1u

/* Motherboard oscillator reset values (Hz), from arm_sysctl_reset(). */
static const uint32_t mb_clock_reset[MB_CLOCKS] = {
    50000000, /* OSCCLK0: static memory */
    23750000, /* OSCCLK1: motherboard CLCD */
    24000000, /* OSCCLK2: IO FPGA peripherals */
    24000000, /* OSCCLK3: IO FPGA reserved */
    24000000, /* OSCCLK4: system bus global clock */
    24000000, /* OSCCLK5: IO FPGA reserved */
};

/* vexpress-a15 daughterboard oscillators (Hz) and its one voltage (uV). */
static const uint32_t db_clock_reset[DB_CLOCKS] = {
    60000000, /* OSCCLK0: CPU_CLK reference */
    0,        /* OSCCLK1-3: reserved */
    0, 0,
    40000000, /* OSCCLK4: external AXI master clock */
    23750000, /* OSCCLK5: HDLCD PLL reference */
    50000000, /* OSCCLK6: static memory controller */
    60000000, /* OSCCLK7: SYSCLK reference */
    40000000, /* OSCCLK8: DDR2 PLL reference */
};
static const uint32_t db_voltage[DB_VOLTAGES] = {900000}; /* Vcore */

struct vexpress_sysreg {
    const sim_clock_t *clock;
    sim_power_t power;
    uint32_t leds;
    uint32_t lockval;
    uint32_t cfgdata1;
    uint32_t cfgdata2;
    uint32_t flags;
    uint32_t nvflags;
    uint32_t cfgdata;
    uint32_t cfgctrl;
    uint32_t cfgstat;
    uint32_t mb_clock[MB_CLOCKS];
    uint32_t db_clock[DB_CLOCKS];
};

/* A decoded SYS_CFGCTRL request. */
typedef struct cfg_request {
    uint32_t dcc;
    uint32_t function;
    uint32_t site;
    uint32_t position;
    uint32_t device;
} cfg_request_t;

static uint32_t sysreg_size_mask(unsigned size)
{
    return size >= 4 ? UINT32_MAX : (1u << (size * 8u)) - 1u;
}

/* muldiv64(ns, 24000000, 1e9) truncated to 32 bits, without overflowing. */
static uint32_t sysreg_24mhz(const vexpress_sysreg_t *s)
{
    uint64_t ns = s->clock->now * SYS_NS_PER_INSN;
    uint64_t ticks = (ns / SYS_NS_PER_US) * SYS_24MHZ_TICKS_PER_US +
                     (ns % SYS_NS_PER_US) * SYS_24MHZ_TICKS_PER_US / SYS_NS_PER_US;
    return (uint32_t)ticks;
}

/*
 * Registers with a fixed value. Everything else that is not stored reads as zero in
 * QEMU: SW, OSC0-4, 100HZ (not implemented there), RESETCTL and CLCD (RAZ/WI on
 * VExpress), MCI (no SD card), FLASH, CLCDSER, BOOTCS, MISC, DMAPSR0-2, IOSEL,
 * PLDCTL, BUSID, OSCRESET0-4, TEST_OSC0-4, and unknown or unaligned offsets.
 */
static uint32_t sysreg_constant(uint32_t offset)
{
    switch (offset) {
    case SYS_ID:      return SYS_ID_VEXPRESS;
    case SYS_PCICTL:  return SYS_PCICTL_VALUE;
    case SYS_PROCID0: return SYS_PROCID0_A15;
    case SYS_PROCID1: return SYS_PROCID1_VALUE;
    default:          return 0;
    }
}

static uint32_t sysreg_read(void *self, uint32_t offset, unsigned size)
{
    const vexpress_sysreg_t *s = self;
    uint32_t value;

    switch (offset) {
    case SYS_LED:      value = s->leds; break;
    case SYS_LOCK:     value = s->lockval; break;
    case SYS_CFGDATA1: value = s->cfgdata1; break;
    case SYS_CFGDATA2: value = s->cfgdata2; break;
    case SYS_FLAGS:    value = s->flags; break;
    case SYS_NVFLAGS:  value = s->nvflags; break;
    case SYS_24MHZ:    value = sysreg_24mhz(s); break;
    case SYS_CFGDATA:  value = s->cfgdata; break;
    case SYS_CFGCTRL:  value = s->cfgctrl; break;
    case SYS_CFGSTAT:  value = s->cfgstat; break;
    default:           value = sysreg_constant(offset); break;
    }
    return value & sysreg_size_mask(size);
}

static cfg_request_t sysreg_decode_cfgctrl(uint32_t ctrl)
{
    cfg_request_t req = {
        .dcc = (ctrl >> CFGCTRL_DCC_SHIFT) & CFGCTRL_DCC_MASK,
        .function = (ctrl >> CFGCTRL_FUNC_SHIFT) & CFGCTRL_FUNC_MASK,
        .site = (ctrl >> CFGCTRL_SITE_SHIFT) & CFGCTRL_SITE_MASK,
        .position = (ctrl >> CFGCTRL_POS_SHIFT) & CFGCTRL_POS_MASK,
        .device = ctrl & CFGCTRL_DEVICE_MASK,
    };
    return req;
}

/* Only DCC 0, stack position 0, on the motherboard or daughterboard 1 exist. */
static bool sysreg_cfg_addressable(const cfg_request_t *req)
{
    return req->dcc == 0 && req->position == 0 &&
           (req->site == CFG_SITE_MB || req->site == CFG_SITE_DB1);
}

/* The oscillator a request names, or NULL (QEMU's vexpress_cfgctrl_read/write). */
static uint32_t *sysreg_cfg_osc(vexpress_sysreg_t *s, const cfg_request_t *req)
{
    if (req->site == CFG_SITE_MB && req->device < MB_CLOCKS)
        return &s->mb_clock[req->device];
    if (req->site == CFG_SITE_DB1 && req->device < DB_CLOCKS)
        return &s->db_clock[req->device];
    return NULL;
}

static bool sysreg_cfg_read(vexpress_sysreg_t *s, const cfg_request_t *req, uint32_t *val)
{
    if (!sysreg_cfg_addressable(req))
        return false;
    if (req->function == CFG_FUNC_VOLT) {
        if (req->site == CFG_SITE_DB1 && req->device < DB_VOLTAGES) {
            *val = db_voltage[req->device];
            return true;
        }
        if (req->site == CFG_SITE_MB && req->device == 0) {
            *val = CFG_MB_VIO_UV;
            return true;
        }
        return false;
    }
    if (req->function == CFG_FUNC_OSC) {
        const uint32_t *osc = sysreg_cfg_osc(s, req);
        if (osc != NULL)
            *val = *osc;
        return osc != NULL;
    }
    return false;
}

/*
 * Motherboard-only functions. QEMU requests a shutdown and ignores SYS_CFGDATA; we
 * hand SYS_CFGDATA to the board as the guest's exit status.
 */
static bool sysreg_cfg_mb_action(vexpress_sysreg_t *s, uint32_t function)
{
    switch (function) {
    case CFG_FUNC_SHUTDOWN:
        if (s->power.shutdown)
            s->power.shutdown(s->power.ctx, s->cfgdata);
        return true;
    case CFG_FUNC_REBOOT:
        if (s->power.reboot)
            s->power.reboot(s->power.ctx);
        return true;
    case CFG_FUNC_MUXFPGA: /* video output mux: accepted and ignored */
    case CFG_FUNC_DVIMODE: /* DVI mode: meaningless for a model */
        return true;
    default:
        return false;
    }
}

static bool sysreg_cfg_write(vexpress_sysreg_t *s, const cfg_request_t *req)
{
    if (!sysreg_cfg_addressable(req))
        return false;
    if (req->function == CFG_FUNC_OSC) {
        uint32_t *osc = sysreg_cfg_osc(s, req);
        if (osc != NULL)
            *osc = s->cfgdata;
        return osc != NULL;
    }
    if (req->site == CFG_SITE_MB && req->device == 0)
        return sysreg_cfg_mb_action(s, req->function);
    return false;
}

/*
 * SYS_CFGCTRL write: Start runs the request at once, so SYS_CFGSTAT shows Complete
 * (plus Error if QEMU has no such function) before the guest polls it.
 */
static void sysreg_write_cfgctrl(vexpress_sysreg_t *s, uint32_t value)
{
    s->cfgctrl = value & ~(CFGCTRL_RAZ_BITS | CFGCTRL_START);
    if (!(value & CFGCTRL_START))
        return;
    cfg_request_t req = sysreg_decode_cfgctrl(s->cfgctrl);
    s->cfgstat = CFGSTAT_COMPLETE;
    if (s->cfgctrl & CFGCTRL_WRITE) {
        if (!sysreg_cfg_write(s, &req))
            s->cfgstat |= CFGSTAT_ERROR;
    } else {
        uint32_t val = 0;
        if (sysreg_cfg_read(s, &req, &val))
            s->cfgdata = val;
        else
            s->cfgstat |= CFGSTAT_ERROR;
    }
}

static void sysreg_write(void *self, uint32_t offset, unsigned size, uint32_t value)
{
    vexpress_sysreg_t *s = self;

    value &= sysreg_size_mask(size);
    switch (offset) {
    case SYS_LED:        s->leds = value; break;
    case SYS_LOCK:
        s->lockval = value == SYS_LOCK_KEY ? value : (value & SYS_LOCK_VALUE_MASK);
        break;
    case SYS_CFGDATA1:   s->cfgdata1 = value; break;
    case SYS_CFGDATA2:   s->cfgdata2 = value; break;
    case SYS_FLAGS:      s->flags |= value; break;
    case SYS_FLAGSCLR:   s->flags &= ~value; break;
    case SYS_NVFLAGS:    s->nvflags |= value; break;
    case SYS_NVFLAGSCLR: s->nvflags &= ~value; break;
    case SYS_CFGDATA:    s->cfgdata = value; break;
    case SYS_CFGCTRL:    sysreg_write_cfgctrl(s, value); break;
    case SYS_CFGSTAT:    s->cfgstat = value & CFGSTAT_MASK; break;
    default:
        break; /* ID, SW, OSCx, RESETCTL, CLCD (RAZ/WI on VExpress), PROCIDx, ... */
    }
}

static sim_time_t sysreg_next_deadline(void *self)
{
    (void)self; /* the counters are computed from clock->now when read */
    return SIM_NEVER;
}

static void sysreg_advance(void *self)
{
    (void)self;
}

/* Checkpoints: everything but the wiring (clock, power callbacks). */
static void sysreg_save(const void *self, void *buf)
{
    memcpy(buf, self, sizeof(vexpress_sysreg_t));
}

static void sysreg_restore(void *self, const void *buf)
{
    vexpress_sysreg_t *s = self;
    vexpress_sysreg_t wiring = *s;
    memcpy(s, buf, sizeof(*s));
    s->clock = wiring.clock;
    s->power = wiring.power;
}

static const sim_device_ops_t sysreg_ops = {
    .read = sysreg_read,
    .write = sysreg_write,
    .next_deadline = sysreg_next_deadline,
    .advance = sysreg_advance,
    .state_size = sizeof(vexpress_sysreg_t),
    .save = sysreg_save,
    .restore = sysreg_restore,
};

vexpress_sysreg_t *vexpress_sysreg_create(const sim_clock_t *clock, sim_power_t power)
{
    if (clock == NULL)
        return NULL;
    vexpress_sysreg_t *s = calloc(1, sizeof(*s));
    if (s == NULL)
        return NULL;
    s->clock = clock;
    s->power = power;
    for (unsigned i = 0; i < MB_CLOCKS; i++)
        s->mb_clock[i] = mb_clock_reset[i];
    for (unsigned i = 0; i < DB_CLOCKS; i++)
        s->db_clock[i] = db_clock_reset[i];
    return s;
}

void vexpress_sysreg_destroy(vexpress_sysreg_t *sysreg)
{
    free(sysreg);
}

sim_device_t vexpress_sysreg_device(vexpress_sysreg_t *sysreg, uint32_t base)
{
    sim_device_t dev = {
        .name = "sysreg",
        .base = base,
        .size = SYSREG_WINDOW_SIZE,
        .ops = &sysreg_ops,
        .self = sysreg,
    };
    return dev;
}
