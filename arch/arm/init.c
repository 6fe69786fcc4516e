/*
 * arch/arm/init.c - bringing up the CPU side of the kernel: vector base, the small
 * stacks of the exception modes, the interrupt controller and the tick.
 * Partners: vectors.S, entry.c, board_irq.h (the board's controller and timer),
 * kernel/arch.h.
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "../../kernel/arch.h"
#include "board_irq.h"

#define TICK_US 2000u /* seL4's default CONFIG_TIMER_TICK_MS of 2 */
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
    board_irq_init();
}

bool arch_interrupt_pending(void)
{
    return board_irq_pending();
}

uint32_t arch_tick_us(void)
{
    return TICK_US;
}

unsigned arch_max_irq(void)
{
    return BOARD_MAX_IRQ;
}

bool arch_irq_reserved(unsigned irq)
{
    return irq == IRQ_TICK;
}

void arch_irq_set_masked(unsigned irq, bool masked)
{
    board_irq_set_masked(irq, masked);
}

/*
 * Polls for the tick with interrupts masked: WFI wakes on a pending interrupt
 * even when CPSR.I is set, and the acknowledge/finish sequence is the same one
 * the IRQ vector uses, so this checks timer, controller and their wiring.
 */
void arch_timer_selftest(unsigned ticks)
{
    board_tick_start(TICK_US);
    unsigned seen = 0, spins = 0;
    while (seen < ticks) {
        cpu_wfi();
        unsigned irq = board_irq_acknowledge();
        if (irq == BOARD_IRQ_NONE) {
            if (++spins > 1000000)
                kpanic("no timer interrupt arrived");
            continue;
        }
        if (irq == IRQ_TICK)
            seen++;
        board_irq_finish(irq);
    }
}
