/*
 * runtime/crt0.S - where a Numbat user program starts. seL4 gives the root task
 * no stack (spec §10): set one up, then call the C runtime with r0 still holding
 * the BootInfo address (and r1, r2 argc and argv: 0 for the root task, a process's
 * arguments from libnumbat/process.c). Partners: start.c, user.ld.
 */
    .section .text.start, "ax"
    .arm
    .global _start
_start:
    ldr sp, =__stack_top
    mov fp, #0
    bl numbat_runtime_start
1:  b 1b                            @ numbat_runtime_start does not return

    .bss
    .align 3
    .space 16384
__stack_top:
