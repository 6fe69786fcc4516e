/*
 * kernel/interrupt.c - interrupts as the kernel sees them once the architecture
 * has acknowledged one. Only the tick exists so far; IRQ handler capabilities
 * that signal notifications come with the capability work.
 * Partners: interrupt.h, arch/arm/entry.c, sched.c.
 */
#include "interrupt.h"

#include "sched.h"

/* Ticks since boot; read by the scheduler once it has timeslices. */
uint64_t kernel_ticks;

void interrupt_received(unsigned irq)
{
    (void)irq; /* only the tick is enabled */
    kernel_ticks++;
    sched_tick();
}

