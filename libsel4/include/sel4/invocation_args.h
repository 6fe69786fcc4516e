/*
 * sel4/invocation_args.h — how invocations pack sub-word arguments into message
 * registers (spec §7): one definition, used by the library's stubs (invocations.h)
 * and the kernel's decoders. Pure C. Partners: invocations.h, kernel/tcb.c.
 */
#ifndef SEL4_INVOCATION_ARGS_H
#define SEL4_INVOCATION_ARGS_H

#include <sel4/types.h>

/* ---------------------------------------------------------------------------
 * Packing of sub-word arguments (spec §7). Only the TCB register methods share
 * a word between arguments; a lone Uint8 (a CNode depth, a domain) sits in
 * bits [7:0] of its own MR.
 * ------------------------------------------------------------------------- */
#define SEL4_ARG_BOOL_BITS  1
#define SEL4_ARG_UINT8_BITS 8
#define SEL4_ARG_UINT8_SHIFT 0

/* Read/WriteRegisters MR0: the Bool in bit 0, arch_flags in [15:8]. */
#define SEL4_TCB_REGS_BOOL_SHIFT      0
#define SEL4_TCB_REGS_ARCHFLAGS_SHIFT 8

/* CopyRegisters MR0: four Bools in bits 0-3, arch_flags in [15:8]. */
#define SEL4_TCB_COPY_SUSPEND_SOURCE_SHIFT   0
#define SEL4_TCB_COPY_RESUME_TARGET_SHIFT    1
#define SEL4_TCB_COPY_TRANSFER_FRAME_SHIFT   2
#define SEL4_TCB_COPY_TRANSFER_INTEGER_SHIFT 3
#define SEL4_TCB_COPY_ARCHFLAGS_SHIFT        8

/* seL4_UserContext travels as 19 consecutive words after the two header words. */
#define SEL4_USERCONTEXT_WORDS (sizeof(seL4_UserContext) / sizeof(seL4_Word))
#define SEL4_TCB_REGS_HEADER_WORDS 2

#endif /* SEL4_INVOCATION_ARGS_H */
