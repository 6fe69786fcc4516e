/*
 * sel4libs/src/ltimer_sp804.c - the default ltimer on the vexpress board (arm-sim,
 * vexpress-a15): the second SP804 dual timer (see platsupport/ltimer.h). Its first
 * timer counts down the timeouts and interrupts; its second counts down from
 * 2^32 - 1 for ever, so the time since start is how far it has counted, at 1 MHz.
 * ltimer_systimer.c is the Raspberry Pi's; the board's sel4/plat/api/constants.h
 * picks one. Partners: platsupport/plat/timer.h, ltimer_systimer.c.
 */
#include <sel4/plat/api/constants.h>

#ifdef seL4_PlatUserTimerSP804
#include <stdlib.h>

#include <platsupport/ltimer.h>
#include <platsupport/plat/timer.h>
#include <sel4/sel4.h>
#include <utils/util.h>

/* One SP804 timer's registers (the second timer's follow at +0x20). */
typedef struct sp804_regs {
    uint32_t load, value, control, intclr, ris, mis, bgload, reserved;
} sp804_regs_t;

#define SP804_32BIT (1u << 1)
#define SP804_ONESHOT (1u << 0)
#define SP804_INTEN (1u << 5)
#define SP804_PERIODIC (1u << 6)
#define SP804_ENABLE (1u << 7)

typedef struct sp804_ltimer {
    volatile sp804_regs_t *timeout, *clock;
    ps_io_ops_t ops;
    irq_id_t irq;
    ltimer_callback_fn_t callback;
    void *token;
} sp804_ltimer_t;

static void start_clock(sp804_ltimer_t *t)
{
    t->clock->control = 0;
    t->clock->load = UINT32_MAX;
    t->clock->control = SP804_ENABLE | SP804_PERIODIC | SP804_32BIT;
}

static void timer_irq(void *data, ps_irq_acknowledge_fn_t acknowledge_fn, void *ack_data)
{
    sp804_ltimer_t *t = data;
    t->timeout->intclr = 1;
    acknowledge_fn(ack_data);
    if (t->callback)
        t->callback(t->token, LTIMER_TIMEOUT_EVENT);
}

int ltimer_default_init(ltimer_t *timer, ps_io_ops_t ops, ltimer_callback_fn_t callback, void *callback_token)
{
    sp804_ltimer_t *t = calloc(1, sizeof(*t));
    if (!t)
        return -1;
    t->ops = ops;
    t->callback = callback;
    t->token = callback_token;
    char *regs = ps_io_map(&t->ops.io_mapper, SP804_TIMER23_PADDR, BIT(seL4_PageBits), 0, PS_MEM_NORMAL);
    if (!regs) {
        free(t);
        return -1;
    }
    t->timeout = (volatile sp804_regs_t *)regs;
    t->clock = (volatile sp804_regs_t *)(regs + sizeof(sp804_regs_t));
    t->timeout->control = 0;
    t->timeout->intclr = 1;
    ps_irq_t irq = {.type = PS_INTERRUPT, .irq = {.number = SP804_TIMER23_IRQ}};
    t->irq = t->ops.irq_ops.cookie ? ps_irq_register(&t->ops.irq_ops, irq, timer_irq, t) : -1;
    start_clock(t);
    timer->data = t;
    return 0;
}

int ltimer_get_time(ltimer_t *timer, uint64_t *time)
{
    sp804_ltimer_t *t = timer->data;
    *time = (uint64_t)(UINT32_MAX - t->clock->value) * NS_IN_US / SP804_TICKS_PER_US;
    return 0;
}

int ltimer_set_timeout(ltimer_t *timer, uint64_t ns, timeout_type_t type)
{
    sp804_ltimer_t *t = timer->data;
    if (type == TIMEOUT_ABSOLUTE) {
        uint64_t now;
        ltimer_get_time(timer, &now);
        ns = ns > now ? ns - now : 0;
    }
    uint64_t ticks = ns * SP804_TICKS_PER_US / NS_IN_US;
    if (ticks > UINT32_MAX)
        return -1;
    t->timeout->control = 0;
    t->timeout->intclr = 1;
    t->timeout->load = ticks ? (uint32_t)ticks : 1;
    t->timeout->control = SP804_ENABLE | SP804_INTEN | SP804_32BIT |
                          (type == TIMEOUT_PERIODIC ? SP804_PERIODIC : SP804_ONESHOT);
    return 0;
}

int ltimer_get_resolution(ltimer_t *timer, uint64_t *resolution)
{
    (void)timer;
    *resolution = NS_IN_US / SP804_TICKS_PER_US;
    return 0;
}

int ltimer_reset(ltimer_t *timer)
{
    sp804_ltimer_t *t = timer->data;
    t->timeout->control = 0;
    t->timeout->intclr = 1;
    start_clock(t);
    return 0;
}

void ltimer_destroy(ltimer_t *timer)
{
    sp804_ltimer_t *t = timer->data;
    if (!t)
        return;
    t->timeout->control = 0;
    t->timeout->intclr = 1;
    t->clock->control = 0;
    if (t->irq >= 0)
        ps_irq_unregister(&t->ops.irq_ops, t->irq);
    timer->data = NULL;
    /* t stays allocated: its io mapping is not given back either */
}
#endif
