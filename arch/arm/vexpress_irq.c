/*
 * arch/arm/vexpress_irq.c - the interrupt side of arm-sim and vexpress-a15: the
 * GIC-400, whose interrupt IDs are the kernel's interrupt numbers, and SP804 timer
 * 0 as the tick. Partners: board_irq.h, drivers/gic.c, drivers/sp804.c.
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "board_irq.h"
#include "drivers/drivers.h"

void board_irq_init(void)
{
    gic_init(GIC_DIST_VADDR, GIC_CPU_VADDR);
}

unsigned board_irq_acknowledge(void)
{
    unsigned irq = gic_acknowledge(GIC_CPU_VADDR);
    return irq == GIC_SPURIOUS_IRQ ? BOARD_IRQ_NONE : irq;
}

void board_irq_finish(unsigned irq)
{
    if (irq == IRQ_TICK)
        sp804_clear_interrupt(TIMER01_VADDR);
    else
        gic_disable_irq(GIC_DIST_VADDR, irq); /* a device's: masked until its handler acks */
    gic_end_of_interrupt(GIC_CPU_VADDR, irq);
}

bool board_irq_pending(void)
{
    return gic_highest_pending(GIC_CPU_VADDR) != GIC_SPURIOUS_IRQ;
}

void board_irq_set_masked(unsigned irq, bool masked)
{
    if (masked)
        gic_disable_irq(GIC_DIST_VADDR, irq);
    else
        gic_enable_irq(GIC_DIST_VADDR, irq);
}

void board_tick_start(uint32_t us)
{
    gic_enable_irq(GIC_DIST_VADDR, IRQ_TICK);
    sp804_start_periodic(TIMER01_VADDR, us);
}
