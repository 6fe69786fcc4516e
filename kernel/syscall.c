/*
 * kernel/syscall.c - system call decoding. The first slice provides seL4's debug
 * calls DebugPutChar and DebugHalt; any other number is an UnknownSyscall fault,
 * as seL4 defines it (spec §3.1). Registers follow the AArch32 ABI: r7 holds the
 * number, r0 the argument. Partners: syscall.h, fault.c.
 */
#include "syscall.h"

#include "arch.h"
#include "thread.h"

NORETURN void handle_syscall(int32_t number)
{
    arch_context_t *ctx = &current_thread->context;
    switch (number) {
    case SYS_YIELD:
        thread_yield(current_thread);
        break;
    case SYS_DEBUG_PUTCHAR:
        kputc((char)ctx->r[0]);
        break;
    case SYS_DEBUG_HALT:
        /* seL4's DebugHalt has no argument; Numbat's runtime passes main's status in r0. */
        arch_halt(ctx->r[0]);
    default: {
        /* The fault reports the svc itself: restarting re-executes it (spec §9.1). */
        fault_t f = {FAULT_UNKNOWN_SYSCALL, ctx->pc - 4, (uint32_t)number, 0};
        handle_user_fault(&f);
    }
    }
    schedule_and_exit();
}
