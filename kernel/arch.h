/*
 * kernel/arch.h - everything the portable kernel asks of the architecture and the
 * platform. Implemented in arch/arm/ (CPU, MMU, interrupt controller, timer) and in
 * the platform directories (arch/arm-sim/, plat/vexpress-a15/).
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include "kernel.h"
#include "thread.h"

/* Platform. */
const char *arch_platform_name(void);
uint32_t arch_ram_size(void);
void arch_console_putc(char c);
/* Shuts the board down; numbat-sim exits with `status`. */
NORETURN void arch_halt(uint32_t status);
/* Called by kpanic after its message: tells the board, then stops. */
NORETURN void arch_panic_stop(uint32_t code);

/* CPU, interrupts and the tick timer. */
void arch_init(void);
/* Starts the periodic tick and waits, interrupts masked, for `ticks` of them. */
void arch_timer_selftest(unsigned ticks);
/* The tick period in microseconds. */
uint32_t arch_tick_us(void);

/* Address spaces. vspace_t is an opaque page directory handle. */
typedef struct vspace vspace_t;
vspace_t *arch_vspace_create(uint32_t asid);
/* Maps the 4 KiB frame at physical `pa` at user address `va`; returns 0 or -1. */
int arch_vspace_map(vspace_t *vs, uint32_t va, uint32_t pa, bool writable, bool executable);
void arch_vspace_activate(vspace_t *vs);
/* A kernel pointer to the byte mapped at user address va in vs, or NULL. */
uint8_t *arch_vspace_kernel_ptr(vspace_t *vs, uint32_t va);
/* Drops the boot-time identity mapping of RAM once the kernel runs in its window. */
void arch_drop_identity_map(void);

/* Leaving the kernel: never return. */
NORETURN void arch_enter_thread(tcb_t *thread);
NORETURN void arch_enter_idle(void);

/* Boot memory: physical frames after the kernel image, handed out once. */
uint32_t arch_boot_alloc(uint32_t size, uint32_t align);
void *arch_phys_to_kernel(uint32_t pa);

#endif
