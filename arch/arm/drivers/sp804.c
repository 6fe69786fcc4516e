/*
 * arch/arm/drivers/sp804.c - the SP804's first timer as the kernel tick: periodic,
 * 32-bit, no prescaler, clocked at 1 MHz on vexpress-a15. Partner: drivers.h.
 */
#include <arch/cpu.h>

#include "drivers.h"

#define TIMER_LOAD 0x00
#define TIMER_CONTROL 0x08
#define TIMER_INTCLR 0x0C
#define CTRL_32BIT (1u << 1)
#define CTRL_INTEN (1u << 5)
#define CTRL_PERIODIC (1u << 6)
#define CTRL_ENABLE (1u << 7)
#define TIMER_CLOCK_MHZ 1u

void sp804_start_periodic(uintptr_t base, uint32_t us)
{
    mmio_write32(base + TIMER_CONTROL, 0);
    mmio_write32(base + TIMER_INTCLR, 1);
    mmio_write32(base + TIMER_LOAD, us * TIMER_CLOCK_MHZ);
    mmio_write32(base + TIMER_CONTROL, CTRL_32BIT | CTRL_INTEN | CTRL_PERIODIC | CTRL_ENABLE);
}

void sp804_clear_interrupt(uintptr_t base)
{
    mmio_write32(base + TIMER_INTCLR, 1);
}
