/*
 * sim/dev/sp804.c - Arm SP804 dual timer as QEMU 7.2 models it (hw/timer/arm_timer.c
 * over a "legacy" policy ptimer), with counter values computed from virtual time
 * instead of host timers. Partners: sp804.h, tests/sim/test_sp804.c, docs/devices.md.
 */
#include "sp804.h"

#include <stdlib.h>
#include <string.h>

/* Window layout: two timer blocks, then the identification registers. */
#define SP804_WINDOW_SIZE 0x1000u
#define SP804_TIMER_STRIDE 0x20u
#define SP804_TIMER_COUNT 2u
#define SP804_TIMERS_END (SP804_TIMER_STRIDE * SP804_TIMER_COUNT)
#define SP804_ID_FIRST 0xfe0u
#define SP804_ID_LAST 0xffcu

/* Register index (offset / 4) inside one timer block. */
#define SP804_REG_LOAD 0u    /* 0x00 TimerXLoad */
#define SP804_REG_VALUE 1u   /* 0x04 TimerXValue */
#define SP804_REG_CONTROL 2u /* 0x08 TimerXControl */
#define SP804_REG_INTCLR 3u  /* 0x0c TimerXIntClr (write only) */
#define SP804_REG_RIS 4u     /* 0x10 TimerXRIS */
#define SP804_REG_MIS 5u     /* 0x14 TimerXMIS */
#define SP804_REG_BGLOAD 6u  /* 0x18 TimerXBGLoad */

/* TimerXControl bits. */
#define SP804_CTRL_ONESHOT (1u << 0)
#define SP804_CTRL_32BIT (1u << 1)
#define SP804_CTRL_PRESCALE_SHIFT 2u
#define SP804_CTRL_PRESCALE_MASK 3u
#define SP804_CTRL_IE (1u << 5)
#define SP804_CTRL_PERIODIC (1u << 6)
#define SP804_CTRL_ENABLE (1u << 7)
/* QEMU resets Control to IntEnable only (the TRM says 0x20 too). */
#define SP804_CTRL_RESET SP804_CTRL_IE

/* Prescale field values; 3 is "undefined" and QEMU leaves the clock undivided. */
#define SP804_PRESCALE_16 1u
#define SP804_PRESCALE_256 2u
#define SP804_PRESCALE_16_SHIFT 4u
#define SP804_PRESCALE_256_SHIFT 8u

/* Free-running mode ignores Load and wraps at the counter width. */
#define SP804_FREERUN_LIMIT_32 0xffffffffull
#define SP804_FREERUN_LIMIT_16 0xffffull

/* TimerPeriphID0-3 then TimerPCellID0-3, one byte per word from 0xfe0. */
static const uint8_t sp804_id_bytes[] = {0x04, 0x18, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

/* QEMU's timers tick in nanoseconds; we derive them from the instruction count. */
#define SP804_NS_PER_SEC 1000000000ull
#define SP804_NS_PER_INSN (SP804_NS_PER_SEC / SIM_CPU_HZ)
_Static_assert(SP804_NS_PER_SEC % SIM_CPU_HZ == 0, "instruction time must be whole ns");

#define SP804_FRAC_BITS 32u

/* What the down-counter is doing (ptimer's "enabled": 0, 1 or 2). */
typedef enum sp804_run {
    SP804_RUN_STOPPED = 0,
    SP804_RUN_PERIODIC = 1,
    SP804_RUN_ONESHOT = 2,
} sp804_run_t;

typedef struct sp804_timer {
    uint32_t control;
    uint32_t load;  /* the value TimerXLoad and TimerXBGLoad read back */
    bool int_level; /* TimerXRIS */
    /* Down-counter, mirroring the fields of QEMU's ptimer_state. */
    sp804_run_t run;
    uint64_t limit;       /* value reloaded at each wrap */
    uint64_t delta;       /* count while stopped, or count at the last reload */
    uint64_t period_ns;   /* integer part of one count, in ns */
    uint32_t period_frac; /* fractional part, in 1/2^32 ns */
    uint64_t next_event;  /* virtual ns at which the count reaches zero */
} sp804_timer_t;

struct sp804 {
    const sim_clock_t *clock;
    sim_irq_t irq;
    bool irq_level;
    sp804_timer_t timer[SP804_TIMER_COUNT];
};

static uint64_t sp804_now_ns(const sp804_t *s)
{
    return s->clock->now * SP804_NS_PER_INSN;
}

static uint32_t sp804_size_mask(unsigned size)
{
    return size >= 4 ? UINT32_MAX : (1u << (size * 8u)) - 1u;
}

static unsigned sp804_clz64(uint64_t v)
{
    return v == 0 ? 64u : (unsigned)__builtin_clzll(v);
}

/* Nanoseconds covered by `count` ticks, rounded as ptimer_reload() does. */
static uint64_t sp804_span_ns(const sp804_timer_t *t, uint64_t count)
{
    return count * t->period_ns + (((uint64_t)t->period_frac * count) >> SP804_FRAC_BITS);
}

/*
 * rem / (period_ns + period_frac / 2^32), rounded down. QEMU scales both operands up
 * to 64 bits and rounds the divisor up so the counter never appears to run backwards;
 * we do the same so Value reads match it bit for bit.
 */
static uint64_t sp804_div_period(uint64_t rem, uint64_t period, uint32_t frac)
{
    unsigned clz_rem = sp804_clz64(rem);
    unsigned clz_div = sp804_clz64(period);
    unsigned shift = clz_rem < clz_div ? clz_rem : clz_div;
    uint64_t div = period << shift;

    rem <<= shift;
    if (shift >= SP804_FRAC_BITS) {
        div |= (uint64_t)frac << (shift - SP804_FRAC_BITS);
    } else {
        if (shift != 0)
            div |= frac >> (SP804_FRAC_BITS - shift);
        if ((uint32_t)(frac << shift) != 0)
            div += 1;
    }
    return rem / div;
}

/* ptimer_get_count(): the value TimerXValue shows at virtual time `now`. */
static uint64_t sp804_count(const sp804_timer_t *t, uint64_t now)
{
    if (t->run == SP804_RUN_STOPPED || t->delta == 0)
        return t->delta;
    if (now >= t->next_event)
        return 0;
    return sp804_div_period(t->next_event - now, t->period_ns, t->period_frac);
}

/*
 * Start counting `delta` down from `now` (ptimer_reload() for a start or a count
 * write). A zero count fires at once; if the reload value is zero too the counter
 * cannot run, and QEMU stops it ("Timer with delta zero, disabling").
 */
static void sp804_restart(sp804_timer_t *t, uint64_t now)
{
    if (t->delta == 0) {
        t->int_level = true;
        t->delta = t->limit;
    }
    if (t->period_ns == 0 || t->delta == 0) {
        t->run = SP804_RUN_STOPPED;
        return;
    }
    t->next_event = now + sp804_span_ns(t, t->delta);
}

/*
 * Process every expiry up to `now`. Periodic reloads are phase-locked to the previous
 * expiry (next = last + period), so a late catch-up lands on the same grid as ticking
 * each period would, and the interrupt is simply latched once.
 */
static void sp804_expire(sp804_timer_t *t, uint64_t now)
{
    if (t->run == SP804_RUN_STOPPED || now < t->next_event)
        return;
    t->int_level = true;
    if (t->run == SP804_RUN_ONESHOT || t->limit == 0) {
        /* One-shot ends at zero; a periodic timer with a zero reload value stops. */
        t->delta = 0;
        t->run = SP804_RUN_STOPPED;
        return;
    }
    uint64_t step = sp804_span_ns(t, t->limit);
    uint64_t missed = (now - t->next_event) / step + 1;
    t->next_event += missed * step;
    t->delta = t->limit;
}

static void sp804_update_irq(sp804_t *s)
{
    bool level = false;

    for (unsigned i = 0; i < SP804_TIMER_COUNT; i++) {
        const sp804_timer_t *t = &s->timer[i];
        level = level || (t->int_level && (t->control & SP804_CTRL_IE));
    }
    if (level != s->irq_level) {
        s->irq_level = level;
        sim_irq_set(&s->irq, level);
    }
}

/* Bring both counters up to clock->now before any register access. */
static void sp804_sync(sp804_t *s)
{
    uint64_t now = sp804_now_ns(s);

    for (unsigned i = 0; i < SP804_TIMER_COUNT; i++)
        sp804_expire(&s->timer[i], now);
}

/* arm_timer_recalibrate(): free-running mode counts from the full counter width. */
static void sp804_recalibrate(sp804_timer_t *t, bool reload)
{
    if ((t->control & (SP804_CTRL_PERIODIC | SP804_CTRL_ONESHOT)) == 0)
        t->limit = (t->control & SP804_CTRL_32BIT) ? SP804_FREERUN_LIMIT_32
                                                   : SP804_FREERUN_LIMIT_16;
    else
        t->limit = t->load;
    if (reload)
        t->delta = t->limit;
}

static uint32_t sp804_prescaled_hz(uint32_t control)
{
    uint32_t prescale = (control >> SP804_CTRL_PRESCALE_SHIFT) & SP804_CTRL_PRESCALE_MASK;

    if (prescale == SP804_PRESCALE_16)
        return SP804_CLOCK_HZ >> SP804_PRESCALE_16_SHIFT;
    if (prescale == SP804_PRESCALE_256)
        return SP804_CLOCK_HZ >> SP804_PRESCALE_256_SHIFT;
    return SP804_CLOCK_HZ;
}

/* ptimer_set_freq(): the period is kept as 64.32 fixed-point nanoseconds. */
static void sp804_set_freq(sp804_timer_t *t, uint32_t hz)
{
    t->period_ns = SP804_NS_PER_SEC / hz;
    t->period_frac = (uint32_t)((SP804_NS_PER_SEC << SP804_FRAC_BITS) / hz);
}

/*
 * TimerXControl write. Like QEMU, a running timer is paused, reconfigured and, if
 * Enable is (still) set, restarted from its reload value: rewriting Control restarts
 * the count rather than resuming it.
 */
static void sp804_write_control(sp804_timer_t *t, uint32_t value, uint64_t now)
{
    if ((t->control & SP804_CTRL_ENABLE) && t->run != SP804_RUN_STOPPED) {
        t->delta = sp804_count(t, now);
        t->run = SP804_RUN_STOPPED;
    }
    t->control = value;
    sp804_recalibrate(t, (value & SP804_CTRL_ENABLE) != 0);
    sp804_set_freq(t, sp804_prescaled_hz(value));
    if ((value & SP804_CTRL_ENABLE) && t->period_ns != 0) {
        t->run = (value & SP804_CTRL_ONESHOT) ? SP804_RUN_ONESHOT : SP804_RUN_PERIODIC;
        sp804_restart(t, now);
    }
}

static uint32_t sp804_timer_read(const sp804_timer_t *t, uint32_t offset, uint64_t now)
{
    switch (offset >> 2) {
    case SP804_REG_LOAD:
    case SP804_REG_BGLOAD:
        return t->load;
    case SP804_REG_VALUE:
        /* The counter is 64-bit inside QEMU but never exceeds 32 bits of reload. */
        return (uint32_t)sp804_count(t, now);
    case SP804_REG_CONTROL:
        return t->control;
    case SP804_REG_RIS:
        return t->int_level;
    case SP804_REG_MIS:
        return (t->control & SP804_CTRL_IE) ? t->int_level : 0u;
    default:
        return 0;
    }
}

static void sp804_timer_write(sp804_timer_t *t, uint32_t offset, uint32_t value, uint64_t now)
{
    switch (offset >> 2) {
    case SP804_REG_LOAD:
        /* Load also resets the count; a running timer restarts from it at once. */
        t->load = value;
        sp804_recalibrate(t, true);
        if (t->run != SP804_RUN_STOPPED)
            sp804_restart(t, now);
        break;
    case SP804_REG_CONTROL:
        sp804_write_control(t, value, now);
        break;
    case SP804_REG_INTCLR:
        t->int_level = false;
        break;
    case SP804_REG_BGLOAD:
        /* Only the next reload sees the new value. */
        t->load = value;
        sp804_recalibrate(t, false);
        break;
    default:
        /* TimerXValue is read-only (Linux writes it; QEMU ignores that), RIS/MIS too. */
        break;
    }
}

static uint32_t sp804_read(void *self, uint32_t offset, unsigned size)
{
    sp804_t *s = self;
    uint32_t value = 0;

    sp804_sync(s);
    sp804_update_irq(s);
    if (offset < SP804_TIMERS_END)
        value = sp804_timer_read(&s->timer[offset / SP804_TIMER_STRIDE],
                                 offset % SP804_TIMER_STRIDE, sp804_now_ns(s));
    else if (offset >= SP804_ID_FIRST && offset <= SP804_ID_LAST)
        value = sp804_id_bytes[(offset - SP804_ID_FIRST) >> 2];
    /* Everything else, including TimerITCR/TimerITOP, reads as zero in QEMU. */
    return value & sp804_size_mask(size);
}

static void sp804_write(void *self, uint32_t offset, unsigned size, uint32_t value)
{
    sp804_t *s = self;

    sp804_sync(s);
    if (offset < SP804_TIMERS_END)
        sp804_timer_write(&s->timer[offset / SP804_TIMER_STRIDE], offset % SP804_TIMER_STRIDE,
                          value & sp804_size_mask(size), sp804_now_ns(s));
    sp804_update_irq(s);
}

/*
 * Earliest instruction count at which a timer whose interrupt is enabled and not
 * already raised reaches zero. Other expiries only change RIS, which register
 * reads compute on demand, so they need no deadline.
 */
static sim_time_t sp804_next_deadline(void *self)
{
    const sp804_t *s = self;
    sim_time_t best = SIM_NEVER;

    for (unsigned i = 0; i < SP804_TIMER_COUNT; i++) {
        const sp804_timer_t *t = &s->timer[i];
        if (t->run == SP804_RUN_STOPPED || t->int_level || !(t->control & SP804_CTRL_IE))
            continue;
        /* First instruction whose start time is at or after the expiry. */
        sim_time_t at = (t->next_event + SP804_NS_PER_INSN - 1) / SP804_NS_PER_INSN;
        if (at < best)
            best = at;
    }
    return best;
}

static void sp804_advance(void *self)
{
    sp804_t *s = self;

    sp804_sync(s);
    sp804_update_irq(s);
}

/* Checkpoints: everything but the wiring (clock, interrupt line). */
static void sp804_save(const void *self, void *buf)
{
    memcpy(buf, self, sizeof(sp804_t));
}

static void sp804_restore(void *self, const void *buf)
{
    sp804_t *s = self;
    sp804_t wiring = *s;
    memcpy(s, buf, sizeof(*s));
    s->clock = wiring.clock;
    s->irq = wiring.irq;
}

static const sim_device_ops_t sp804_ops = {
    .read = sp804_read,
    .write = sp804_write,
    .next_deadline = sp804_next_deadline,
    .advance = sp804_advance,
    .state_size = sizeof(sp804_t),
    .save = sp804_save,
    .restore = sp804_restore,
};

sp804_t *sp804_create(const sim_clock_t *clock, sim_irq_t irq)
{
    if (clock == NULL)
        return NULL;
    sp804_t *s = calloc(1, sizeof(*s));
    if (s == NULL)
        return NULL;
    s->clock = clock;
    s->irq = irq;
    for (unsigned i = 0; i < SP804_TIMER_COUNT; i++)
        s->timer[i].control = SP804_CTRL_RESET;
    return s;
}

void sp804_destroy(sp804_t *timer)
{
    free(timer);
}

sim_device_t sp804_device(sp804_t *timer, const char *name, uint32_t base)
{
    sim_device_t dev = {
        .name = name,
        .base = base,
        .size = SP804_WINDOW_SIZE,
        .ops = &sp804_ops,
        .self = timer,
    };
    return dev;
}
