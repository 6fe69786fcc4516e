/*
 * kernel/fault.h - a user thread's fault as the kernel records it (seL4's fault
 * types, spec 9), and what happens to the thread. Raised by the architecture's
 * entry code (aborts, undefined instructions) and by syscall.c (cap faults,
 * unknown system calls). Partners: fault.c, arch/arm/entry.c, syscall.c.
 */
#ifndef KERNEL_FAULT_H
#define KERNEL_FAULT_H

#include "cspace.h"
#include "kernel.h"

typedef enum fault_kind {
    FAULT_CAP,            /* CapFault: a cptr could not be looked up */
    FAULT_VM_DATA,        /* data abort: VMFault, PrefetchFault = 0 */
    FAULT_VM_INSTRUCTION, /* prefetch abort: VMFault, PrefetchFault = 1 */
    FAULT_USER_EXCEPTION, /* undefined instruction */
    FAULT_UNKNOWN_SYSCALL,
} fault_kind_t;

typedef struct fault {
    fault_kind_t kind;
    uint32_t pc;      /* the instruction that faulted */
    uint32_t address; /* VMFault: the address; UnknownSyscall: the number; CapFault: the cptr */
    uint32_t status;  /* VMFault: DFSR or IFSR; CapFault: 1 if in a receive */
    lookup_fault_t lookup;
} fault_t;

struct tcb;

/* The current thread faulted: the fault goes as a Call to its fault endpoint; with
 * no usable fault endpoint it stops (and the console says why). Then the kernel
 * schedules. */
NORETURN void handle_user_fault(const fault_t *fault);
/* The fault message of `faulter` (label, MRs in spec 9.2's layout) to receiver. */
void fault_transfer(struct tcb *faulter, struct tcb *receiver, uint32_t badge);
/* Applies a fault handler's reply to faulter's registers; returns whether the
 * thread restarts (spec 9.1's table). */
bool fault_reply(struct tcb *faulter, struct tcb *replier);

#endif
