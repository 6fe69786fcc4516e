/*
 * labs/06-interrupts/timer.h - the board's free timer, the device the lab's driver
 * runs. Its physical address and interrupt line come from libsel4's platform header
 * (sel4/plat/api/constants.h: seL4_PlatUserTimerPaddr, seL4_PlatUserTimerIRQ).
 *   - vexpress-a15 and numbat-sim: the second ARM SP804 dual timer (ARM DDI 0271,
 *     timers 2 and 3) at 0x1C120000, line 35 (SPI 3); the first SP804, line 34, is
 *     the kernel's tick. Its counters count down at 1 MHz; periodic mode reloads from
 *     LOAD at zero and raises the interrupt, which stays up until INTCLR is written.
 *   - Raspberry Pi 2 (raspi2): the BCM2835 system timer at 0x3F003000, compare 3,
 *     line 67: a free-running 1 MHz counter (CLO) and a compare register (C3); a match
 *     sets CS bit 3 and raises the interrupt until that bit is written with 1. It has
 *     no periodic mode: clearing re-arms the compare one period on.
 * The functions below are the register sequences of each: read the SP804 ones.
 * Register offsets are in 32-bit words from the start of the timer's 4 KiB page.
 */
#ifndef LAB6_TIMER_H
#define LAB6_TIMER_H

#include <sel4/plat/api/constants.h>
#include <sel4/sel4.h>

#define TIMER_PADDR seL4_PlatUserTimerPaddr
#define TIMER_IRQ seL4_PlatUserTimerIRQ

#if defined(seL4_PlatUserTimerSP804)
enum {
    SP804_LOAD = 0,    /* the value the counter (re)starts from */
    SP804_VALUE = 1,   /* the counter now (read only) */
    SP804_CONTROL = 2, /* the bits below */
    SP804_INTCLR = 3,  /* write anything: clears the interrupt */
    SP804_RIS = 4,     /* bit 0: the counter reached 0 (interrupt raised) */
    SP804_TIMER3 = 8,  /* add to reach the second timer's registers */
};
#define SP804_ENABLE (1u << 7)
#define SP804_PERIODIC (1u << 6) /* reload from LOAD at 0 (else free-running) */
#define SP804_INTEN (1u << 5)
#define SP804_32BIT (1u << 1)
#define SP804_ONESHOT (1u << 0)

/* Interrupts every `us` microseconds from now on. */
static inline void timer_start(volatile seL4_Uint32 *t, unsigned us)
{
    t[SP804_CONTROL] = 0;
    t[SP804_INTCLR] = 1;
    t[SP804_LOAD] = us * seL4_PlatUserTimerTicksPerUs;
    t[SP804_CONTROL] = SP804_ENABLE | SP804_PERIODIC | SP804_INTEN | SP804_32BIT;
}
/* Whether the timer is raising its interrupt. */
static inline int timer_interrupted(volatile seL4_Uint32 *t) { return (int)(t[SP804_RIS] & 1u); }
/* Lowers the interrupt (the next period is already running). */
static inline void timer_clear(volatile seL4_Uint32 *t) { t[SP804_INTCLR] = 1; }
/* No more interrupts. */
static inline void timer_stop(volatile seL4_Uint32 *t)
{
    t[SP804_CONTROL] = 0;
    t[SP804_INTCLR] = 1;
}
/* Waits `us` microseconds by polling the SP804's other timer, with no interrupt. */
static inline void timer_delay_us(volatile seL4_Uint32 *t, unsigned us)
{
    volatile seL4_Uint32 *t3 = t + SP804_TIMER3;
    t3[SP804_CONTROL] = 0;
    t3[SP804_LOAD] = us * seL4_PlatUserTimerTicksPerUs;
    t3[SP804_CONTROL] = SP804_ENABLE | SP804_ONESHOT | SP804_32BIT;
    while (!(t3[SP804_RIS] & 1u))
        ;
    t3[SP804_INTCLR] = 1;
    t3[SP804_CONTROL] = 0;
}

#elif defined(seL4_PlatUserTimerBCM2835SystemTimer)
enum { SYSTIMER_CS = 0, SYSTIMER_CLO = 1, SYSTIMER_CHI = 2, SYSTIMER_C0 = 3 };
#define SYSTIMER_MATCH (1u << seL4_PlatUserTimerCompare)
#define SYSTIMER_COMPARE (SYSTIMER_C0 + seL4_PlatUserTimerCompare)

static unsigned timer_period_us;

static inline void timer_start(volatile seL4_Uint32 *t, unsigned us)
{
    timer_period_us = us;
    t[SYSTIMER_CS] = SYSTIMER_MATCH;
    t[SYSTIMER_COMPARE] = t[SYSTIMER_CLO] + us * seL4_PlatUserTimerTicksPerUs;
}
static inline int timer_interrupted(volatile seL4_Uint32 *t) { return (t[SYSTIMER_CS] & SYSTIMER_MATCH) != 0; }
/* Lowers the interrupt and re-arms the compare one period on. */
static inline void timer_clear(volatile seL4_Uint32 *t)
{
    t[SYSTIMER_CS] = SYSTIMER_MATCH;
    t[SYSTIMER_COMPARE] = t[SYSTIMER_CLO] + timer_period_us * seL4_PlatUserTimerTicksPerUs;
}
/* The compare moves to the counter's far side (71 minutes away), the match is cleared. */
static inline void timer_stop(volatile seL4_Uint32 *t)
{
    t[SYSTIMER_COMPARE] = t[SYSTIMER_CLO] - 1;
    t[SYSTIMER_CS] = SYSTIMER_MATCH;
}
static inline void timer_delay_us(volatile seL4_Uint32 *t, unsigned us)
{
    seL4_Uint32 start = t[SYSTIMER_CLO];
    while (t[SYSTIMER_CLO] - start < us * seL4_PlatUserTimerTicksPerUs)
        ;
}

#else
#error "sel4/plat/api/constants.h names no user timer this lab can drive"
#endif

#endif
