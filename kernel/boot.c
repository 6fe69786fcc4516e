/*
 * kernel/boot.c - kernel_main, reached from arch/arm/head.S with the MMU on and
 * the kernel running in its window. Brings up the console, the CPU's exception
 * handling, the interrupt controller and the tick (checked by waiting for two
 * ticks), creates the root task and leaves the kernel to it.
 * Partners: arch.h, rootserver.c, sched.c.
 */
#include "arch.h"
#include "rootserver.h"
#include "sched.h"
#include "trace.h"

#define NUMBAT_VERSION "0.1"
#define SELFTEST_TICKS 2

extern uint8_t __bss_start[], __bss_end[];

NORETURN void kernel_main(void);

NORETURN void kernel_main(void)
{
    kmemset(__bss_start, 0, (size_t)(__bss_end - __bss_start));
    kprintf("\nNumbat %s on %s, %u MiB RAM\n", NUMBAT_VERSION, arch_platform_name(),
            arch_ram_size() >> 20);
    arch_init();
    arch_drop_identity_map();
    trace_init();
    trace_boot(arch_ram_base(), arch_ram_size());
    arch_timer_selftest(SELFTEST_TICKS);
    kprintf("numbat: timer interrupts working (%u us tick)\n", arch_tick_us());
    rootserver_create();
    schedule_and_exit();
}
