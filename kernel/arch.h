/*
 * kernel/arch.h - everything the portable kernel asks of the architecture and the
 * platform. Implemented in arch/arm/ (CPU, MMU, interrupt controller, timer, entry
 * and exit), arch/arm/include/arch/context.h (register roles, inline) and the
 * platform directories (arch/arm-sim/, plat/vexpress-a15/).
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include "kernel.h"
#include "thread.h"

/* Platform. */
const char *arch_platform_name(void);
/* Physical address and size of the board's RAM. */
uint32_t arch_ram_base(void);
uint32_t arch_ram_size(void);
void arch_console_putc(char c);
/* Shuts the board down; numbat-sim exits with `status`. */
NORETURN void arch_halt(uint32_t status);
/* Called by kpanic after its message: tells the board, then stops. */
NORETURN void arch_panic_stop(uint32_t code);

/* Trace output (kernel/trace.c): whether anyone listens, and one event's words. */
bool arch_trace_enabled(void);
void arch_trace_emit(const uint32_t *words, unsigned count);
uint32_t arch_trace_platform(void); /* TRACE_PLATFORM_* */

/* CPU, interrupts and the tick timer. */
void arch_init(void);
/* Starts the periodic tick and waits, interrupts masked, for `ticks` of them. */
void arch_timer_selftest(unsigned ticks);
/* Acknowledges and handles a pending interrupt from inside the kernel (after a
 * preemption point); the kernel's interrupt_received() is called for it. */
void arch_take_pending_interrupt(void);
/* Whether an interrupt is pending at the interrupt controller (preemption points). */
bool arch_interrupt_pending(void);
/* The tick period in microseconds. */
uint32_t arch_tick_us(void);
/* The highest interrupt number of the board's interrupt controller, and whether the
 * kernel uses an interrupt itself (the tick): no user handler can have it. */
unsigned arch_max_irq(void);
bool arch_irq_reserved(unsigned irq);
/* Masks or unmasks one interrupt at the interrupt controller. A user interrupt is
 * masked when taken (arch_take_pending_interrupt) until its handler acknowledges it. */
void arch_irq_set_masked(unsigned irq, bool masked);

/* Address spaces: a page directory (16 KiB, 16 KiB aligned) per address space. */
/* Prepares a new page directory: no user mappings, the kernel window shared. */
void arch_pd_init(void *pd);
/* A page directory made from boot memory (for the root task). */
void *arch_boot_pd_create(void);
/* Maps the 4 KiB frame at physical `pa` at user address `va`, page tables taken
 * from boot memory (boot time only); returns 0 or -1. */
int arch_vspace_map(void *pd, uint32_t va, uint32_t pa, bool writable, bool executable);
/* The page table covering va in pd (kernel address), or NULL. */
void *arch_vspace_page_table(void *pd, uint32_t va);
/* A kernel pointer to the byte mapped at user address va in pd, or NULL. */
uint8_t *arch_vspace_kernel_ptr(void *pd, uint32_t va);
/* TLB maintenance for user mappings: one page (any address inside a large page or
 * section) of an ASID, or everything of an ASID (it is going away or a page table
 * went). */
void arch_tlb_flush_page(uint32_t asid, uint32_t vaddr);
void arch_tlb_flush_asid(uint32_t asid);
/* Page-table entries were written: make them visible to the table walker. */
void arch_page_table_written(const void *entries, uint32_t bytes);
/* Cache maintenance of [start, end), kernel virtual addresses (an empty range: none). */
typedef enum arch_cache_op { CACHE_CLEAN, CACHE_INVALIDATE, CACHE_CLEAN_INVALIDATE, CACHE_UNIFY } arch_cache_op_t;
void arch_cache_maintain(arch_cache_op_t op, uint32_t start, uint32_t end);
/* Drops the boot-time identity mapping of RAM once the kernel runs in its window. */
void arch_drop_identity_map(void);

/* Thread registers: the roles of the system call ABI and seL4_UserContext are
 * arch/context.h's (included through thread.h); this prints them for reports. */
void arch_print_context(const arch_context_t *context);

/* Leaving the kernel: never return. */
NORETURN void arch_enter_thread(tcb_t *thread);
NORETURN void arch_enter_idle(void);

/* Boot memory: physical frames after the kernel image, handed out once. */
uint32_t arch_boot_alloc(uint32_t size, uint32_t align);
/* The first physical address boot allocation has not used, and the end of the
 * RAM the kernel window covers: what becomes the root task's untyped memory. */
uint32_t arch_boot_alloc_end(void);
uint32_t arch_usable_ram_end(void);
/* The i-th range of physical addresses that is device space the kernel does not
 * use (for device untyped caps); false past the last. */
bool arch_device_range(unsigned i, uint32_t *start, uint32_t *end);
void *arch_phys_to_kernel(uint32_t pa);
uint32_t arch_kernel_to_phys(const void *p);

#endif
