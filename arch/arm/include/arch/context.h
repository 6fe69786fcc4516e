/*
 * arch/arm/include/arch/context.h - a thread's saved user registers, and the roles
 * seL4's AArch32 system call ABI gives them (seL4's capRegister, msgInfoRegister,
 * msgRegisters, badgeRegister). The portable kernel reaches registers only through
 * the accessors here. The entry code in vectors.S stores straight into this
 * structure: while a thread runs, SP_svc points just past `cpsr`, so an exception
 * from user mode pushes PC and CPSR (srsdb) and then r0-r14 (stmdb ^) into place.
 * Partners: vectors.S (the layout), entry.c (TLS, entry and exit), kernel/tcb.c.
 */
#ifndef ARCH_CONTEXT_H
#define ARCH_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

#include <sel4/types.h>

typedef struct arch_context {
    uint32_t tpidrurw; /* TLS registers: user read/write (saved at entry) */
    uint32_t tpidruro; /* and user read-only (set by the kernel) */
    uint32_t r[13];    /* r0-r12 */
    uint32_t sp;
    uint32_t lr;
    uint32_t pc;   /* where the thread resumes */
    uint32_t cpsr; /* its CPSR (user mode) */
} arch_context_t;

/* vectors.S saves and restores around the saved PC: TPIDRURW is CONTEXT_PC_OFFSET
 * bytes below it, and r0 to cpsr are contiguous. */
#define CONTEXT_PC_OFFSET 68
_Static_assert(offsetof(arch_context_t, pc) == CONTEXT_PC_OFFSET && offsetof(arch_context_t, tpidrurw) == 0,
               "vectors.S relies on this");
_Static_assert(offsetof(arch_context_t, cpsr) - offsetof(arch_context_t, r) == 16 * 4,
               "vectors.S saves r0-r14, pc, cpsr as 17 consecutive words");

#define CPSR_USER_MODE 0x10u
#define CPSR_MODE_MASK 0x1Fu
/* The flags a user may set through WriteRegisters: N, Z, C, V, Q. */
#define CPSR_USER_FLAGS 0xF8000000u
/* Mode and the A, I, F masks: never taken from a saved user context. */
#define CPSR_KERNEL_CONTROLLED (CPSR_MODE_MASK | 0x1C0u)

/* ---- register roles of a system call (seL4 AArch32 ABI) ---- */
#define ARCH_MSG_REGISTERS 4 /* MR0-MR3 travel in r2-r5 (seL4_FastMessageRegisters) */
#define ARCH_SVC_SIZE 4      /* an A32 svc: the saved PC is this far past it */

static inline uint32_t arch_get_syscall_number(const arch_context_t *c) { return c->r[7]; }
/* The invoked cap (Call, Send, Recv) and, on return from Recv/Call, the badge. */
static inline uint32_t arch_get_cap_register(const arch_context_t *c) { return c->r[0]; }
static inline void arch_set_badge_register(arch_context_t *c, uint32_t v) { c->r[0] = v; }
static inline uint32_t arch_get_msg_info(const arch_context_t *c) { return c->r[1]; }
static inline void arch_set_msg_info(arch_context_t *c, uint32_t v) { c->r[1] = v; }
/* Message register i < ARCH_MSG_REGISTERS. */
static inline uint32_t arch_get_mr(const arch_context_t *c, unsigned i) { return c->r[2 + i]; }
static inline void arch_set_mr(arch_context_t *c, unsigned i, uint32_t v) { c->r[2 + i] = v; }
/* The first argument of a debug call (DebugPutChar's char, DebugHalt's status),
 * and its result (DebugCapIdentify). */
static inline uint32_t arch_get_arg0(const arch_context_t *c) { return c->r[0]; }
static inline void arch_set_result(arch_context_t *c, uint32_t v) { c->r[0] = v; }

static inline uint32_t arch_get_pc(const arch_context_t *c) { return c->pc; }
static inline void arch_set_pc(arch_context_t *c, uint32_t pc) { c->pc = pc; }
static inline void arch_set_sp(arch_context_t *c, uint32_t sp) { c->sp = sp; }
/* seL4_TCB_SetTLSBase: the user read/write thread-ID register. */
static inline void arch_set_tls_base(arch_context_t *c, uint32_t v) { c->tpidrurw = v; }
/* The root task's one argument (its BootInfo address) goes where a cap would. */
static inline void arch_set_cap_register(arch_context_t *c, uint32_t v) { c->r[0] = v; }
/* The address of the svc a system call came from (the saved PC is past it). */
static inline uint32_t arch_syscall_pc(const arch_context_t *c) { return c->pc - ARCH_SVC_SIZE; }
/* Makes the thread execute its svc again (a preempted or restarted system call). */
static inline void arch_restart_syscall(arch_context_t *c) { c->pc -= ARCH_SVC_SIZE; }

/* A new thread: user mode, ARM state, everything else zero. */
static inline void arch_context_init(arch_context_t *c) { c->cpsr = CPSR_USER_MODE; }
/* After a user wrote registers: keep only the condition flags it may set. */
static inline void arch_sanitise_context(arch_context_t *c)
{
    c->cpsr = (c->cpsr & CPSR_USER_FLAGS) | CPSR_USER_MODE;
}

/* ---- seL4_UserContext (spec 8.8), for Read/Write/CopyRegisters ---- */
/* Its first SEL4_USERCONTEXT_FRAME_WORDS words are CopyRegisters' "frame" group. */
#define ARCH_USER_CONTEXT_WORDS (sizeof(seL4_UserContext) / sizeof(seL4_Word))

/* Word i of seL4_UserContext, as a pointer into the saved context. */
static inline uint32_t *arch_user_context_word(arch_context_t *c, unsigned i)
{
    /* seL4_UserContext's order: pc, sp, cpsr, r0, r1, r8-r12, r2-r7, r14, TLS. */
    static const uint8_t offset[] = {
        offsetof(arch_context_t, pc),    offsetof(arch_context_t, sp),
        offsetof(arch_context_t, cpsr),  offsetof(arch_context_t, r[0]),
        offsetof(arch_context_t, r[1]),  offsetof(arch_context_t, r[8]),
        offsetof(arch_context_t, r[9]),  offsetof(arch_context_t, r[10]),
        offsetof(arch_context_t, r[11]), offsetof(arch_context_t, r[12]),
        offsetof(arch_context_t, r[2]),  offsetof(arch_context_t, r[3]),
        offsetof(arch_context_t, r[4]),  offsetof(arch_context_t, r[5]),
        offsetof(arch_context_t, r[6]),  offsetof(arch_context_t, r[7]),
        offsetof(arch_context_t, lr),    offsetof(arch_context_t, tpidrurw),
        offsetof(arch_context_t, tpidruro),
    };
    _Static_assert(sizeof(offset) == ARCH_USER_CONTEXT_WORDS, "one offset per word");
    return (uint32_t *)((uint8_t *)c + offset[i]);
}

/* ---- the registers fault messages carry (spec 9.2) ---- */
/* UnknownSyscall: r0-r7, then FaultIP (the saved PC, which a thread sending a fault
 * has at its svc), SP, LR, CPSR. */
#define ARCH_SYSCALL_FAULT_REGS 12u
static inline uint32_t *arch_syscall_fault_reg(arch_context_t *c, unsigned i)
{
    static const uint8_t offset[ARCH_SYSCALL_FAULT_REGS] = {
        offsetof(arch_context_t, r[0]), offsetof(arch_context_t, r[1]),
        offsetof(arch_context_t, r[2]), offsetof(arch_context_t, r[3]),
        offsetof(arch_context_t, r[4]), offsetof(arch_context_t, r[5]),
        offsetof(arch_context_t, r[6]), offsetof(arch_context_t, r[7]),
        offsetof(arch_context_t, pc),   offsetof(arch_context_t, sp),
        offsetof(arch_context_t, lr),   offsetof(arch_context_t, cpsr),
    };
    return (uint32_t *)((uint8_t *)c + offset[i]);
}
static inline uint32_t arch_get_sp(const arch_context_t *c) { return c->sp; }
static inline uint32_t arch_get_cpsr(const arch_context_t *c) { return c->cpsr; }
static inline void arch_set_cpsr(arch_context_t *c, uint32_t v) { c->cpsr = v; }

#endif
