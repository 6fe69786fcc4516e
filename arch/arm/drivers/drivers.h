/*
 * arch/arm/drivers/drivers.h - the kernel's drivers for devices more than one board
 * has: PL011 UART, SP804 timer, GICv2, the Versatile Express system registers, the
 * ARM generic timer. Partners: pl011.c, sp804.c, gic.c, sysreg.c, generic_timer.c.
 */
#ifndef ARCH_DRIVERS_H
#define ARCH_DRIVERS_H

#include <stdint.h>

void pl011_putc(uintptr_t base, char c);

/* Starts timer 0 of the SP804 at base periodic, interrupting every `us` microseconds. */
void sp804_start_periodic(uintptr_t base, uint32_t us);
void sp804_clear_interrupt(uintptr_t base);

void gic_init(uintptr_t dist, uintptr_t cpu);
void gic_enable_irq(uintptr_t dist, unsigned irq);
void gic_disable_irq(uintptr_t dist, unsigned irq);
/* Acknowledges the highest-priority pending interrupt; GIC_SPURIOUS_IRQ if none. */
unsigned gic_acknowledge(uintptr_t cpu);
void gic_end_of_interrupt(uintptr_t cpu, unsigned irq);
/* The highest-priority pending interrupt without acknowledging it (GIC_SPURIOUS_IRQ if none). */
unsigned gic_highest_pending(uintptr_t cpu);
#define GIC_SPURIOUS_IRQ 1023u

/* Asks the board to shut down with the status left in SYS_CFGDATA. */
void sysreg_shutdown(uintptr_t base, uint32_t status);

/* The generic timer: CNTFRQ, and the virtual timer counting down `ticks` of it. */
uint32_t gtimer_frequency(void);
void gtimer_virt_countdown(uint32_t ticks);

#endif
