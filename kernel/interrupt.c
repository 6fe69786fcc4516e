/*
 * kernel/interrupt.c - interrupts as the kernel sees them once the architecture
 * has acknowledged one. Only the tick exists so far; IRQ handler capabilities
 * that signal notifications come with the capability work.
 * Partners: syscall.h, arch/arm/traps.c, arch/arm/drivers/sp804.c.
 */
#include "syscall.h"

#include "arch.h"
#include "thread.h"

/* Ticks since boot; read by the scheduler once it has timeslices. */
uint64_t kernel_ticks;

void interrupt_received(unsigned irq)
{
    (void)irq; /* only the tick is enabled */
    kernel_ticks++;
    sched_tick();
}

