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

NORETURN void arch_panic_stop(uint32_t code)
{
    (void)code;
    arch_halt(PANIC_STATUS);
}
