/*
 * arch/arm/vexpress_family.c - what arm-sim and vexpress-a15 do the same way:
 * the console on UART0 and shutdown through the system registers. The platform
 * files hold only what differs. Partners: drivers/, arch/arm-sim/plat.c,
 * plat/vexpress-a15/plat.c.
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "../../kernel/arch.h"
#include "drivers/drivers.h"

void arch_console_putc(char c)
{
    pl011_putc(UART0_VADDR, c);
}

NORETURN void arch_halt(uint32_t status)
{
    cpu_irq_disable();
    sysreg_shutdown(SYSREG_VADDR, status);
    for (;;)
        cpu_wfi();
}
