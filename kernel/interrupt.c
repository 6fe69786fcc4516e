/*
 * kernel/interrupt.c - interrupts as the kernel sees them once the architecture
 * has acknowledged one: the tick charges the scheduler, any other goes to the
 * notification its IRQHandler cap set (irq.c).
 * Partners: interrupt.h, arch/arm/entry.c, sched.c, irq.c.
 */
#include "interrupt.h"

#include "arch.h"
#include "irq.h"
#include "sched.h"

/* Ticks since boot; read by the scheduler once it has timeslices. */
uint64_t kernel_ticks;

void interrupt_received(unsigned irq)
{
    if (!arch_irq_reserved(irq)) {
        irq_received(irq); /* a device's, for a user-level driver */
        return;
    }
    kernel_ticks++;
    sched_tick();
}

