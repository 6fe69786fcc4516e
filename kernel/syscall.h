/*
 * kernel/syscall.h - the kernel's entry points, called by the architecture's
 * trap code once the current thread's registers are saved. None returns: each
 * ends by scheduling and leaving the kernel. Partners: syscall.c, fault.c,
 * interrupt.c, arch/arm/traps.c.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "kernel.h"

/* seL4's system call numbers (spec §3.1) that this kernel slice implements. */
enum syscall_number {
    SYS_YIELD = -7,
    SYS_DEBUG_PUTCHAR = -9,
    SYS_DEBUG_HALT = -11,
};

typedef enum fault_kind {
    FAULT_VM_DATA,        /* data abort: VMFault, PrefetchFault = 0 */
    FAULT_VM_INSTRUCTION, /* prefetch abort: VMFault, PrefetchFault = 1 */
    FAULT_USER_EXCEPTION, /* undefined instruction */
    FAULT_UNKNOWN_SYSCALL,
} fault_kind_t;

typedef struct fault {
    fault_kind_t kind;
    uint32_t pc;      /* the instruction that faulted */
    uint32_t address; /* VMFault: the faulting address; UnknownSyscall: the number */
    uint32_t status;  /* VMFault: DFSR or IFSR */
} fault_t;

NORETURN void handle_syscall(int32_t number);
NORETURN void handle_user_fault(const fault_t *fault);
NORETURN void handle_interrupt(unsigned irq);

#endif
