/*
 * plat/vexpress-a15/plat.c - the Versatile Express A15 board as QEMU models it
 * (`qemu-system-arm -M vexpress-a15`). RAM size is not discoverable without a
 * device tree, so the kernel uses the 128 MiB that `make run PLAT=vexpress-a15`
 * gives QEMU. A panic shuts the board down (QEMU's exit status does not carry it).
 * Partners: kernel/arch.h, arch/arm-sim/plat.c (its twin).
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "../../kernel/arch.h"
#include "../../arch/arm/drivers/drivers.h"
#include "../../trace/format.h"

#define VEXPRESS_RAM_SIZE (128u << 20)
#define PANIC_STATUS 3

const char *arch_platform_name(void)
{
    return "vexpress-a15";
}

uint32_t arch_ram_size(void)
{
    return VEXPRESS_RAM_SIZE;
}

/* With TRACE=uart, trace events go out on UART1, framed (trace/format.h): QEMU's
 * -serial for it can be a socket or file that the visualizer reads. */
bool arch_trace_enabled(void)
{
#ifdef NUMBAT_TRACE_UART
    return true;
#else
    return false;
#endif
}

void arch_trace_emit(const uint32_t *words, unsigned count)
{
    uint8_t check = 0;
    pl011_putc(UART1_VADDR, (char)TRACE_UART_SYNC);
    for (unsigned i = 0; i < count; i++) {
        for (unsigned b = 0; b < 4; b++) {
            uint8_t byte = (uint8_t)(words[i] >> (8 * b));
            check ^= byte;
            pl011_putc(UART1_VADDR, (char)byte);
        }
    }
    pl011_putc(UART1_VADDR, (char)check);
}

uint32_t arch_trace_platform(void)
{
    return TRACE_PLATFORM_VEXPRESS_A15;
}

NORETURN void arch_panic_stop(uint32_t code)
{
    (void)code;
    arch_halt(PANIC_STATUS);
}
