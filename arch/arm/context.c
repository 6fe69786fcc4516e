/*
 * arch/arm/context.c - printing a thread's saved registers for the console reports
 * the kernel makes when a thread stops (kernel/fault.c). Plain C: the host unit
 * tests link it too. Partners: context.h, kernel/arch.h.
 */
#include <arch/context.h>

#include "../../kernel/arch.h"

void arch_print_context(const arch_context_t *c)
{
    kprintf("  r0 %08x r1 %08x r2 %08x r3 %08x sp %08x lr %08x cpsr %08x\n", c->r[0], c->r[1],
            c->r[2], c->r[3], c->sp, c->lr, c->cpsr);
}
