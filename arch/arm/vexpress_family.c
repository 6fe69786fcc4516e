/*
 * arch/arm/vexpress_family.c - what arm-sim and vexpress-a15 do the same way:
 * the console on UART0 and shutdown through the system registers. The platform
 * files hold only what differs. Partners: drivers/, arch/arm-sim/plat.c,
 * plat/vexpress-a15/plat.c, include/arch/vexpress_map.h (the addresses).
 */
#include <arch/cpu.h>
#include <arch/memory.h>
#include <arch/vexpress_map.h>

#include "../../kernel/arch.h"
#include "drivers/drivers.h"

/* plat/kernel_map.h names each device's virtual address by its section and its
 * offset there; both must match the physical map (vexpress_map.h). */
#define SECTION_OF(pa) ((pa) & ~(SECTION_SIZE - 1))
#define MAPPED_AT(vaddr, section, pa) \
    ((vaddr) == DEV_VADDR((section), (pa) & (SECTION_SIZE - 1)))
_Static_assert(MAPPED_AT(SYSREG_VADDR, DEV_SECTION_MB_PERIPH, VEXPRESS_SYSREG_BASE) &&
                   MAPPED_AT(UART0_VADDR, DEV_SECTION_MB_PERIPH, VEXPRESS_UART0_BASE) &&
                   MAPPED_AT(UART1_VADDR, DEV_SECTION_MB_PERIPH, VEXPRESS_UART1_BASE) &&
                   SECTION_OF(VEXPRESS_UART1_BASE) == SECTION_OF(VEXPRESS_SYSREG_BASE),
               "system registers and UARTs");
_Static_assert(MAPPED_AT(TIMER01_VADDR, DEV_SECTION_TIMERS, VEXPRESS_TIMER01_BASE),
               "SP804 timers 0 and 1");
_Static_assert(MAPPED_AT(GIC_DIST_VADDR, DEV_SECTION_GIC, VEXPRESS_GIC_DIST_BASE) &&
                   MAPPED_AT(GIC_CPU_VADDR, DEV_SECTION_GIC, VEXPRESS_GIC_CPU_BASE),
               "GIC distributor and CPU interface");
_Static_assert(SECTION_OF(SIMCTL_BASE) == SECTION_OF(TRACEPORT_BASE), "arm-sim's devices share one section");
_Static_assert(PHYS_RAM_BASE == VEXPRESS_RAM_BASE, "RAM");
_Static_assert(IRQ_TIMER01 == VEXPRESS_IRQ_TIMER01 && IRQ_UART0 == VEXPRESS_IRQ_UART0 &&
                   IRQ_TICK == IRQ_TIMER01 && seL4_PlatUART0IRQ == IRQ_UART0 &&
                   seL4_PlatUserTimerIRQ == VEXPRESS_IRQ_TIMER23 &&
                   seL4_PlatUserTimerPaddr == VEXPRESS_TIMER23_BASE,
               "the devices' GIC interrupt IDs (the kernel's and libsel4's)");

/*
 * Physical memory that is neither RAM nor used by the kernel: handed to the root
 * task as device untyped memory, so user-level drivers can map other devices
 * (UART1-3 for the trace stream, timer 2/3, ...). The holes are the pages of the
 * devices the kernel drives and the arm-sim control block and trace port.
 */
#define PAGE_AT(base) {(base), (base) + VEXPRESS_DEVICE_PAGE}
static const uint32_t kernel_device_pages[][2] = { /* in address order */
    PAGE_AT(VEXPRESS_SYSREG_BASE),  /* system registers */
    PAGE_AT(VEXPRESS_UART0_BASE),   /* UART0 */
    PAGE_AT(VEXPRESS_UART1_BASE),   /* UART1: the trace stream on vexpress-a15 */
    PAGE_AT(VEXPRESS_TIMER01_BASE), /* SP804 timers 0 and 1 */
    {SIMDEV_BASE, SIMDEV_END},      /* arm-sim control block and trace port */
    {VEXPRESS_GIC_BASE, VEXPRESS_GIC_END}, /* GIC */
};
#define DEVICE_SPACE_END VEXPRESS_RAM_BASE /* RAM starts here */

bool arch_device_range(unsigned i, uint32_t *start, uint32_t *end)
{
    unsigned n = sizeof(kernel_device_pages) / sizeof(kernel_device_pages[0]);
    if (i > n)
        return false;
    *start = i == 0 ? 0 : kernel_device_pages[i - 1][1];
    *end = i == n ? DEVICE_SPACE_END : kernel_device_pages[i][0];
    return true;
}

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
