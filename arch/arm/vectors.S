/*
 * arch/arm/vectors.S - the exception vectors and the kernel's entry and exit.
 *
 * One kernel stack, event-driven: every entry from user mode saves the thread's
 * registers into its arch_context_t (SP_svc points at the end of it while the
 * thread runs), switches to the kernel stack and calls a C handler that never
 * returns; the kernel leaves through arch_restore_user() or arch_idle().
 * Exceptions in kernel mode other than an IRQ in the idle loop are kernel bugs:
 * they save what they can on their mode's small stack and panic.
 * Partners: entry.c (the C handlers), context.h (the layout), kernel/sched.c.
 */
#define MODE_USR 0x10
#define MODE_SVC 0x13
#define MODE_MASK 0x1f
#define CONTEXT_PC_OFFSET 68       /* context.h: TLS words, r0-r14, then pc, cpsr */
#define TCB_PC_OFFSET 148          /* the saved PC in a tcb_t (arch/fastpath.h checks) */
#define SYSCALL_CALL -1            /* seL4_SysCall (sel4/syscall.h; entry.c checks): */
#define SYSCALL_REPLY_RECV -2      /* seL4_SysReplyRecv, one below it: one cmn tells both */
#ifndef NUMBAT_FASTPATH
#define NUMBAT_FASTPATH 1          /* as kernel/fastpath.h: FASTPATH=0 builds without */
#endif

    .section .vectors, "ax"
    .arm
@ Two tables, alike but for SVC: arch_init picks the one without the IPC fastpath
@ when a trace recorder listens (decided once, at boot, as trace_enabled is), since
@ only the slow path emits trace events. The fastpath need not test for it.
.macro vector_table svc
    b   vector_reset
    b   vector_undefined
    b   \svc
    b   vector_prefetch_abort
    b   vector_data_abort
    b   vector_reserved
    b   vector_irq
    b   vector_fiq
.endm
    .align 5
    .global arch_vector_table
arch_vector_table:
    vector_table vector_svc
    .align 5
    .global arch_vector_table_traced
arch_vector_table_traced:
    vector_table vector_svc_slow

    .text

@ Branches to \kernel_path when the exception came from a privileged mode.
@ Uses the exception mode's own small stack for one scratch register.
.macro from_kernel_goto kernel_path
    push {r0}
    mrs r0, spsr
    and r0, r0, #MODE_MASK
    cmp r0, #MODE_USR
    pop {r0}
    bne \kernel_path
.endm

@ Saves the user registers below SP_svc, which points at the saved PC in the
@ context (srsdb put PC and CPSR there): r0-r14, then TPIDRURW, the TLS register
@ user mode can write. ARMv7 needs no nop after an STM of user registers (ARMv5
@ did; seL4 and Linux on ARMv7 go straight on). Clobbers r8 (saved already).
.macro save_user_registers
    stmdb sp, {r0-r14}^            @ user r0-r14 -> context r0..lr
    mrc p15, 0, r8, c13, c0, 2
    str r8, [sp, #-CONTEXT_PC_OFFSET] @ -> context tpidrurw
.endm

@ Saves a user thread's registers into its context (PC = lr of this mode, already
@ adjusted to the resume address) and calls \handler with r0 = \kind.
.macro save_user_and_call handler, kind
    srsdb sp!, #MODE_SVC           @ lr, spsr -> context pc, cpsr; SP_svc -= 8
    cps #MODE_SVC
    save_user_registers
    ldr sp, =kernel_stack_top
    mov r0, #\kind
    b \handler
.endm

@ Saves r0-r12, the faulting pc and spsr on this mode's stack and panics.
.macro kernel_fault kind
    sub sp, sp, #(15 * 4)
    stmia sp, {r0-r12}
    str lr, [sp, #(13 * 4)]
    mrs r0, spsr
    str r0, [sp, #(14 * 4)]
    mov r0, sp
    mov r1, #\kind
    b arch_kernel_fault
.endm

@ Exception kinds passed to C (enum arch_trap in entry.c).
#define TRAP_UNDEFINED 0
#define TRAP_PREFETCH_ABORT 1
#define TRAP_DATA_ABORT 2

vector_undefined:
    sub lr, lr, #4                  @ resume at the undefined instruction itself
    from_kernel_goto undefined_in_kernel
    save_user_and_call arch_handle_user_trap, TRAP_UNDEFINED
undefined_in_kernel:
    kernel_fault TRAP_UNDEFINED

vector_prefetch_abort:
    sub lr, lr, #4                  @ the instruction that could not be fetched
    from_kernel_goto prefetch_in_kernel
    save_user_and_call arch_handle_user_trap, TRAP_PREFETCH_ABORT
prefetch_in_kernel:
    kernel_fault TRAP_PREFETCH_ABORT

vector_data_abort:
    sub lr, lr, #8                  @ the instruction that faulted
    from_kernel_goto data_abort_in_kernel
    save_user_and_call arch_handle_user_trap, TRAP_DATA_ABORT
data_abort_in_kernel:
    kernel_fault TRAP_DATA_ABORT

@ SVC comes only from user mode (the kernel makes no system calls), and SP_svc is
@ then the end of the current thread's context: save straight into it. Call and
@ ReplyRecv go to the IPC fastpath (kernel/fastpath.c) with the cap and message
@ info registers as its arguments, still in r0 and r1, as seL4 does; the number is
@ in r7 (not banked, so still the user's).
@ The fastpath runs without a stack: it calls nothing and GCC keeps nothing on the
@ stack for it (mk/image.mk checks both on every build, and otherwise builds it with
@ entry stubs that set the kernel stack), so SP_svc may still point into the
@ caller's context there; its ways out set SP_svc themselves. A checked kernel's
@ fastpath calls the invariant checker, which needs the kernel stack.
vector_svc:
    srsdb sp!, #MODE_SVC
    save_user_registers
#if NUMBAT_FASTPATH
    sub r2, sp, #TCB_PC_OFFSET      @ the thread's TCB, the fastpath's third argument
#ifdef NUMBAT_CHECK_INVARIANTS
    ldr sp, =kernel_stack_top
#endif
    cmn r7, #-SYSCALL_REPLY_RECV    @ r7 + 2: 1 with carry for Call, 0 with carry for
    bhi fastpath_call               @ ReplyRecv, no carry for every other number
    beq fastpath_reply_recv
#endif
    ldr sp, =kernel_stack_top
    b arch_handle_syscall

@ The fastpath's ways out other than its own (arch/fastpath.h): on to the slow path,
@ or to the general exit for a thread of another address space. Its stack frame is
@ dead: the kernel stack starts afresh, as aligned as C expects at a call.
    .global arch_fastpath_to_slowpath
arch_fastpath_to_slowpath:
    ldr sp, =kernel_stack_top
    b arch_handle_syscall

    .global arch_fastpath_to_enter_thread
arch_fastpath_to_enter_thread:      @ r0: the thread
    ldr sp, =kernel_stack_top
    b arch_enter_thread

@ The same without the fastpath (arch_vector_table_traced).
vector_svc_slow:
    srsdb sp!, #MODE_SVC
    save_user_registers
    ldr sp, =kernel_stack_top
    b arch_handle_syscall

vector_irq:
    sub lr, lr, #4                  @ resume at the interrupted instruction
    from_kernel_goto irq_in_idle
    save_user_and_call arch_handle_interrupt, 0
irq_in_idle:
    @ Only the idle loop runs privileged with IRQs unmasked; it keeps no state.
    cps #MODE_SVC
    ldr sp, =kernel_stack_top
    mov r0, #0
    b arch_handle_interrupt

vector_reset:
vector_reserved:
vector_fiq:
    mov r0, #0
    b arch_unexpected_vector

@ void arch_restore_user(arch_context_t *ctx): resumes a user thread; no return.
@ (No nop after the LDM of user registers: ARMv7 does not need one, as for STM.)
    .global arch_restore_user
arch_restore_user:
    add sp, r0, #CONTEXT_PC_OFFSET
    ldmdb sp, {r0-r14}^             @ context r0..lr, just below the saved PC
    rfeia sp!                       @ pc, cpsr from the context; SP_svc = its end

@ void arch_idle_loop(void): waits for interrupts with IRQs unmasked; no return.
    .global arch_idle_loop
arch_idle_loop:
    ldr sp, =kernel_stack_top
    cpsie i
1:  wfi
    b 1b

    .section .kstack, "aw", %nobits
    .align 12
kernel_stack:
    .space 8192
    .global kernel_stack_top
kernel_stack_top:

@ Small stacks for the exception modes' kernel-fault path.
    .bss
    .align 3
exception_stacks:
    .space 3 * 256
    .global exception_stacks_top
exception_stacks_top:
