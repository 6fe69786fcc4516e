/*
 * arch/arm/board_irq.h - what each board gives arch/arm's interrupt code (init.c,
 * entry.c): its interrupt controller and its tick timer, in the kernel's interrupt
 * numbers (those of IRQHandler caps; plat/kernel_map.h names IRQ_TICK and
 * BOARD_MAX_IRQ). Implemented by vexpress_irq.c (GIC-400 and SP804 timer 0:
 * arm-sim, vexpress-a15) and plat/raspi2/interrupts.c (BCM2836 local and BCM2835
 * ARMCTRL controllers, the ARM generic timer).
 */
#ifndef ARCH_BOARD_IRQ_H
#define ARCH_BOARD_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#define BOARD_IRQ_NONE 0xFFFFFFFFu

/* Sets up the interrupt controller: every device interrupt masked. */
void board_irq_init(void);
/* Takes the interrupt to handle next (the GIC's acknowledge); BOARD_IRQ_NONE if none. */
unsigned board_irq_acknowledge(void);
/* Ends a taken interrupt: the tick's is cleared at the timer, any other is masked
 * until its handler acknowledges it; the controller can then deliver the next. */
void board_irq_finish(unsigned irq);
/* Whether an enabled interrupt is pending (preemption points). */
bool board_irq_pending(void);
void board_irq_set_masked(unsigned irq, bool masked);
/* Starts the tick: IRQ_TICK every `us` microseconds, unmasked at the controller. */
void board_tick_start(uint32_t us);

#endif
