/*
 * sel4libs/src/ltimer_systimer.c - the default ltimer on a Raspberry Pi 2/3 (and
 * QEMU's raspi2b): the BCM2835 system timer (see platsupport/ltimer.h). Its 64-bit
 * counter runs at 1 MHz from power-on and is the time; compare register 3 (0 and 2
 * are the VideoCore firmware's) makes the timeouts: it matches when the counter's
 * low word reaches it, sets CS bit 3 and interrupts until that bit is cleared.
 * Periodic timeouts move the compare on by one period at each interrupt.
 * ltimer_sp804.c is the vexpress board's. Partners: platsupport/plat/timer.h,
 * ltimer_sp804.c, docs/raspi.md.
 */
#include <sel4/plat/api/constants.h>

#ifdef seL4_PlatUserTimerBCM2835SystemTimer
#include <stdlib.h>

#include <platsupport/ltimer.h>
#include <platsupport/plat/timer.h>
#include <sel4/sel4.h>
#include <utils/util.h>

typedef struct systimer_regs {
    uint32_t cs, clo, chi, compare[4];
} systimer_regs_t;

#define MATCH_BIT (1u << seL4_PlatUserTimerCompare)

typedef struct systimer_ltimer {
    volatile systimer_regs_t *regs;
    ps_io_ops_t ops;
    irq_id_t irq;
    ltimer_callback_fn_t callback;
    void *token;
    uint64_t start;  /* counter value at init or reset: the time is counted from it */
    uint32_t period; /* ticks of a periodic timeout, 0 for one-shot or none */
    bool armed;      /* a timeout is pending (a match when disarmed is ignored) */
} systimer_ltimer_t;

static uint64_t counter(volatile systimer_regs_t *r)
{
    uint32_t hi, lo;
    do {
        hi = r->chi;
        lo = r->clo;
    } while (r->chi != hi);
    return (uint64_t)hi << 32 | lo;
}

/* Puts the compare as far behind the counter as it goes: no match for 2^32 us. */
static void disarm(systimer_ltimer_t *t)
{
    t->armed = false;
    t->period = 0;
    t->regs->compare[seL4_PlatUserTimerCompare] = t->regs->clo - 1;
    t->regs->cs = MATCH_BIT;
}

static void timer_irq(void *data, ps_irq_acknowledge_fn_t acknowledge_fn, void *ack_data)
{
    systimer_ltimer_t *t = data;
    t->regs->cs = MATCH_BIT;
    /* Only a match of the timeout now set counts (not one left from before it). */
    uint32_t compare = t->regs->compare[seL4_PlatUserTimerCompare];
    bool fire = t->armed && (int32_t)(t->regs->clo - compare) >= 0;
    if (t->period && fire) {
        /* The next period from the last match; from now if that is already past. */
        uint32_t next = compare + t->period;
        if ((int32_t)(next - t->regs->clo) <= 0)
            next = t->regs->clo + t->period;
        t->regs->compare[seL4_PlatUserTimerCompare] = next;
    } else if (fire) {
        t->armed = false;
    }
    acknowledge_fn(ack_data);
    if (fire && t->callback)
        t->callback(t->token, LTIMER_TIMEOUT_EVENT);
}

int ltimer_default_init(ltimer_t *timer, ps_io_ops_t ops, ltimer_callback_fn_t callback, void *callback_token)
{
    systimer_ltimer_t *t = calloc(1, sizeof(*t));
    if (!t)
        return -1;
    t->ops = ops;
    t->callback = callback;
    t->token = callback_token;
    t->regs = ps_io_map(&t->ops.io_mapper, USER_TIMER_PADDR, BIT(seL4_PageBits), 0, PS_MEM_NORMAL);
    if (!t->regs) {
        free(t);
        return -1;
    }
    disarm(t);
    ps_irq_t irq = {.type = PS_INTERRUPT, .irq = {.number = USER_TIMER_IRQ}};
    t->irq = t->ops.irq_ops.cookie ? ps_irq_register(&t->ops.irq_ops, irq, timer_irq, t) : -1;
    t->start = counter(t->regs);
    timer->data = t;
    return 0;
}

int ltimer_get_time(ltimer_t *timer, uint64_t *time)
{
    systimer_ltimer_t *t = timer->data;
    *time = (counter(t->regs) - t->start) * NS_IN_US / USER_TIMER_TICKS_PER_US;
    return 0;
}

int ltimer_set_timeout(ltimer_t *timer, uint64_t ns, timeout_type_t type)
{
    systimer_ltimer_t *t = timer->data;
    if (type == TIMEOUT_ABSOLUTE) {
        uint64_t now;
        ltimer_get_time(timer, &now);
        ns = ns > now ? ns - now : 0;
    }
    uint64_t ticks = ns * USER_TIMER_TICKS_PER_US / NS_IN_US;
    if (ticks > INT32_MAX) /* the compare sees only the counter's low word */
        return -1;
    if (!ticks)
        ticks = 1;
    disarm(t);
    t->period = type == TIMEOUT_PERIODIC ? (uint32_t)ticks : 0;
    t->regs->compare[seL4_PlatUserTimerCompare] = t->regs->clo + (uint32_t)ticks;
    t->armed = true;
    return 0;
}

int ltimer_get_resolution(ltimer_t *timer, uint64_t *resolution)
{
    (void)timer;
    *resolution = NS_IN_US / USER_TIMER_TICKS_PER_US;
    return 0;
}

int ltimer_reset(ltimer_t *timer)
{
    systimer_ltimer_t *t = timer->data;
    disarm(t);
    t->start = counter(t->regs);
    return 0;
}

void ltimer_destroy(ltimer_t *timer)
{
    systimer_ltimer_t *t = timer->data;
    if (!t)
        return;
    disarm(t);
    if (t->irq >= 0)
        ps_irq_unregister(&t->ops.irq_ops, t->irq);
    timer->data = NULL;
    /* t stays allocated: its io mapping is not given back either */
}
#endif
