/*
 * arch/arm-sim/plat.c - the arm-sim board inside numbat-sim: vexpress-a15 devices
 * plus the simulator control block, which tells the RAM size and receives kernel
 * panics (numbat-sim then prints the CPU state and exits with status 3).
 * Partners: simdev.h, kernel/arch.h, plat/vexpress-a15/plat.c (its twin).
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "../../kernel/arch.h"
#include "../arm/drivers/drivers.h"
#include "simdev.h"
#include "../../trace/format.h"

/* boot_mmu.c maps the MiB the sim-only devices sit in at SIMDEV_VADDR(0). */
#define SIMDEV_SECTION_BASE (SIMDEV_BASE & ~(SECTION_SIZE - 1))
#define SIMCTL_VADDR SIMDEV_VADDR(SIMCTL_BASE - SIMDEV_SECTION_BASE)

const char *arch_platform_name(void)
{
    return "arm-sim";
}

uint32_t arch_ram_size(void)
{
    return mmio_read32(SIMCTL_VADDR + SIMCTL_RAM_SIZE);
}

#define TRACEPORT_VADDR SIMDEV_VADDR(TRACEPORT_BASE - SIMDEV_SECTION_BASE)

/* numbat-sim says once, at boot, whether it records; events cost nothing otherwise. */
bool arch_trace_enabled(void)
{
    static int recording = -1;
    if (recording < 0)
        recording = mmio_read32(TRACEPORT_VADDR + TRACEPORT_STATUS) & 1;
    return recording;
}

void arch_trace_emit(const uint32_t *words, unsigned count)
{
    for (unsigned i = 0; i < count; i++)
        mmio_write32(TRACEPORT_VADDR + TRACEPORT_DATA, words[i]);
    mmio_write32(TRACEPORT_VADDR + TRACEPORT_COMMIT, count);
}

uint32_t arch_trace_platform(void)
{
    return TRACE_PLATFORM_ARM_SIM;
}

NORETURN void arch_panic_stop(uint32_t code)
{
    cpu_irq_disable();
    mmio_write32(SIMCTL_VADDR + SIMCTL_PANIC, code);
    for (;;)
        cpu_wfi();
}
