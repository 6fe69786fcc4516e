/*
 * arch/arm/drivers/generic_timer.c - the ARM generic timer's virtual timer (CNTV),
 * which PL1 can always use: its frequency (CNTFRQ, set by the firmware) and a
 * countdown that raises the core's CNTV interrupt when it reaches zero and keeps it
 * raised until the next countdown starts. Used by raspi2 for the tick.
 * Partner: drivers.h.
 */
#include <arch/cpu.h>

#include "drivers.h"

#define CNTV_CTL_ENABLE (1u << 0)

uint32_t gtimer_frequency(void)
{
    return CP15_READ(c14, 0, c0, 0); /* CNTFRQ */
}

void gtimer_virt_countdown(uint32_t ticks)
{
    CP15_WRITE(c14, 0, c3, 0, ticks);           /* CNTV_TVAL: compare = count + ticks */
    CP15_WRITE(c14, 0, c3, 1, CNTV_CTL_ENABLE); /* CNTV_CTL: enabled, not masked */
    cpu_isb();
}
