/*
 * arch/arm/entry.c - the C side of vectors.S, both ways: entering the kernel turns a
 * saved user context into a kernel event (system call, fault, interrupt); leaving
 * it activates the next thread's address space and TLS and restores its registers
 * (the IPC fastpath leaves through arch/fastpath.h, the same steps inline).
 * Exceptions taken in kernel mode are kernel bugs and are reported here.
 * Partners: vectors.S, context.h, kernel/syscall.h, kernel/sched.c.
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "../../kernel/arch.h"
#include <sel4/syscall.h>

#include "../../kernel/fault.h"
#include "../../kernel/interrupt.h"
#include "../../kernel/sched.h"
#include "../../kernel/syscall.h"
#include "../../kernel/trace.h"
#include "board_irq.h"
#include "mmu.h"

enum arch_trap { TRAP_UNDEFINED, TRAP_PREFETCH_ABORT, TRAP_DATA_ABORT };

NORETURN void arch_handle_syscall(void);
NORETURN void arch_handle_user_trap(enum arch_trap kind);
NORETURN void arch_handle_interrupt(void);
NORETURN void arch_kernel_fault(const uint32_t *frame, enum arch_trap kind);
NORETURN void arch_unexpected_vector(void);
NORETURN void arch_restore_user(arch_context_t *ctx);
NORETURN void arch_idle_loop(void);

/* vectors.S tells Call and ReplyRecv apart by these numbers, to try the fastpath. */
_Static_assert(seL4_SysCall == -1 && seL4_SysReplyRecv == -2, "vectors.S relies on this");

/* vectors.S has saved the registers, TPIDRURW included. Call and ReplyRecv went to
 * the IPC fastpath instead where it is built in (kernel/fastpath.c), which goes on
 * to handle_syscall itself when it cannot take them. */
NORETURN void arch_handle_syscall(void)
{
    uint32_t number = arch_get_syscall_number(&current_thread->context);
    trace_kernel_entry(TRACE_ENTRY_SYSCALL, number);
    handle_syscall((int32_t)number);
}

NORETURN void arch_handle_user_trap(enum arch_trap kind)
{
    trace_kernel_entry(TRACE_ENTRY_FAULT, kind);
    fault_t f = {.pc = arch_get_pc(&current_thread->context)};
    switch (kind) {
    case TRAP_DATA_ABORT:
        f.kind = FAULT_VM_DATA;
        f.address = cpu_read_dfar();
        f.status = cpu_read_dfsr();
        break;
    case TRAP_PREFETCH_ABORT:
        f.kind = FAULT_VM_INSTRUCTION;
        f.address = cpu_read_ifar();
        f.status = cpu_read_ifsr();
        break;
    case TRAP_UNDEFINED:
        f.kind = FAULT_USER_EXCEPTION;
        break;
    }
    handle_user_fault(&f);
}

void arch_take_pending_interrupt(void)
{
    unsigned irq = board_irq_acknowledge();
    if (irq == BOARD_IRQ_NONE)
        return;
    board_irq_finish(irq); /* the tick cleared; a device's masked until its handler acks */
    trace_kernel_entry(TRACE_ENTRY_INTERRUPT, irq);
    interrupt_received(irq);
}

NORETURN void arch_handle_interrupt(void)
{
    arch_take_pending_interrupt();
    schedule_and_exit();
}

NORETURN void arch_enter_thread(tcb_t *thread)
{
    /* A thread without a usable address space (no VSpace cap, an unassigned page
     * directory, or one whose ASID was taken away) runs on the kernel-only
     * directory: its first instruction fetch faults, and that fault is reported. */
    mmu_activate(thread);
    arch_context_t *c = &thread->context;
    CP15_WRITE(c13, 0, c0, 2, c->tpidrurw);
    CP15_WRITE(c13, 0, c0, 3, c->tpidruro);
    /*
     * The thread resumes in user mode with interrupts unmasked. Everything else in
     * its CPSR (flags, GE, and the T and IT bits of Thumb code such as libgcc's
     * division helpers) is its own and must survive being interrupted. Every saved
     * CPSR already is so (arch/fastpath.h says why; the invariant checker checks):
     * this only keeps a future writer that forgets from running a thread privileged.
     */
    c->cpsr = (c->cpsr & ~CPSR_KERNEL_CONTROLLED) | CPSR_USER_MODE;
    arch_restore_user(c);
}

NORETURN void arch_enter_idle(void)
{
    arch_idle_loop();
}

/* frame: r0-r12, the faulting pc, spsr (vectors.S kernel_fault). */
NORETURN void arch_kernel_fault(const uint32_t *frame, enum arch_trap kind)
{
    static const char *names[] = {"undefined instruction", "prefetch abort", "data abort"};
    kprintf("numbat: %s in kernel mode at pc 0x%08x (spsr 0x%08x)\n", names[kind], frame[13],
            frame[14]);
    if (kind == TRAP_DATA_ABORT)
        kprintf("  address 0x%08x, DFSR 0x%03x\n", cpu_read_dfar(), cpu_read_dfsr());
    if (kind == TRAP_PREFETCH_ABORT)
        kprintf("  address 0x%08x, IFSR 0x%03x\n", cpu_read_ifar(), cpu_read_ifsr());
    for (int i = 0; i < 13; i += 4)
        kprintf("  r%d-r%d: %08x %08x %08x %08x\n", i, i + 3, frame[i], frame[i + 1],
                i + 2 < 13 ? frame[i + 2] : 0, i + 3 < 13 ? frame[i + 3] : 0);
    kpanic("exception in kernel mode");
}

NORETURN void arch_unexpected_vector(void)
{
    kpanic("reset, FIQ or reserved vector taken");
}
