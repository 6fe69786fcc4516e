/*
 * kernel/syscall.h - the kernel's entry points, called by the architecture's
 * trap code once the current thread's registers are saved. None returns: each
 * ends by scheduling and leaving the kernel. Partners: syscall.c, fault.c,
 * interrupt.c, debug.c, arch/arm/traps.c.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "cnode.h"
#include "kernel.h"

/* seL4's system call numbers (spec 3.1). */
enum syscall_number {
    SYS_CALL = -1,
    SYS_REPLY_RECV = -2,
    SYS_SEND = -3,
    SYS_NB_SEND = -4,
    SYS_RECV = -5,
    SYS_REPLY = -6,
    SYS_YIELD = -7,
    SYS_NB_RECV = -8,
    SYS_DEBUG_PUTCHAR = -9,
    SYS_DEBUG_DUMP_SCHEDULER = -10,
    SYS_DEBUG_HALT = -11,
    SYS_DEBUG_CAP_IDENTIFY = -12,
    SYS_DEBUG_SNAPSHOT = -13,
    SYS_DEBUG_NAME_THREAD = -14,
};

typedef enum fault_kind {
    FAULT_CAP,            /* CapFault: a cptr could not be looked up */
    FAULT_VM_DATA,        /* data abort: VMFault, PrefetchFault = 0 */
    FAULT_VM_INSTRUCTION, /* prefetch abort: VMFault, PrefetchFault = 1 */
    FAULT_USER_EXCEPTION, /* undefined instruction */
    FAULT_UNKNOWN_SYSCALL,
    FAULT_UNIMPLEMENTED,  /* Numbat only: a system call this kernel cannot do yet */
} fault_kind_t;

typedef struct fault {
    fault_kind_t kind;
    uint32_t pc;      /* the instruction that faulted */
    uint32_t address; /* VMFault: the address; UnknownSyscall: the number; CapFault: the cptr */
    uint32_t status;  /* VMFault: DFSR or IFSR; CapFault: 1 if in a receive */
    lookup_fault_t lookup;
} fault_t;

NORETURN void handle_syscall(int32_t number);
NORETURN void handle_user_fault(const fault_t *fault);
/* The kernel's part of an interrupt the architecture has acknowledged. */
void interrupt_received(unsigned irq);

/* debug.c: seL4's debug system calls that print. */
void debug_dump_scheduler(void);
void debug_snapshot(void);

#endif
