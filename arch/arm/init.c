/*
 * arch/arm/init.c - bringing up the CPU side of the kernel: vector base, the small
 * stacks of the exception modes, the GIC and the tick. Partners: vectors.S,
 * entry.c, drivers/, kernel/arch.h.
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "../../kernel/arch.h"
#include "drivers/drivers.h"

#define TICK_US 2000u /* seL4's default CONFIG_TIMER_TICK_MS of 2 */
#define GIC_MAX_IRQ 159u /* the vexpress-a15's GIC-400 has 160 interrupt lines (QEMU too) */
#define EXCEPTION_STACK_SIZE 256

extern uint8_t arch_vector_table[], arch_vector_table_traced[];
extern uint8_t exception_stacks_top[];

/* Gives the IRQ, abort and undefined modes their stacks (used only on kernel faults). */
static void set_exception_stacks(void)
{
    uintptr_t top = (uintptr_t)exception_stacks_top;
    __asm__ volatile("cps #0x12\n\tmov sp, %0\n\t"
                     "cps #0x17\n\tmov sp, %1\n\t"
                     "cps #0x1b\n\tmov sp, %2\n\t"
                     "cps #0x13" ::"r"(top),
                     "r"(top - EXCEPTION_STACK_SIZE), "r"(top - 2 * EXCEPTION_STACK_SIZE)
                     : "memory");
}

void arch_init(void)
{
    /* Recording the trace: the vectors without the IPC fastpath (vectors.S). */
    uint8_t *vectors = arch_trace_enabled() ? arch_vector_table_traced : arch_vector_table;
    cpu_write_vbar((uint32_t)(uintptr_t)vectors);
    cpu_isb();
    set_exception_stacks();
    gic_init(GIC_DIST_VADDR, GIC_CPU_VADDR);
}

bool arch_interrupt_pending(void)
{
    return gic_highest_pending(GIC_CPU_VADDR) != GIC_SPURIOUS_IRQ;
}

uint32_t arch_tick_us(void)
{
    return TICK_US;
}

unsigned arch_max_irq(void)
{
    return GIC_MAX_IRQ;
}

bool arch_irq_reserved(unsigned irq)
{
    return irq == IRQ_TIMER01;
}

void arch_irq_set_masked(unsigned irq, bool masked)
{
    if (masked)
        gic_disable_irq(GIC_DIST_VADDR, irq);
    else
        gic_enable_irq(GIC_DIST_VADDR, irq);
}

/*
 * Polls for the tick with interrupts masked: WFI wakes on a pending interrupt
 * even when CPSR.I is set, and the GIC acknowledge/EOI sequence is the same one
 * the IRQ vector uses, so this checks timer, GIC and their wiring.
 */
void arch_timer_selftest(unsigned ticks)
{
    gic_enable_irq(GIC_DIST_VADDR, IRQ_TIMER01);
    sp804_start_periodic(TIMER01_VADDR, TICK_US);
    unsigned seen = 0, spins = 0;
    while (seen < ticks) {
        cpu_wfi();
        unsigned irq = gic_acknowledge(GIC_CPU_VADDR);
        if (irq == GIC_SPURIOUS_IRQ) {
            if (++spins > 1000000)
                kpanic("no timer interrupt arrived");
            continue;
        }
        if (irq == IRQ_TIMER01) {
            sp804_clear_interrupt(TIMER01_VADDR);
            seen++;
        }
        gic_end_of_interrupt(GIC_CPU_VADDR, irq);
    }
}
