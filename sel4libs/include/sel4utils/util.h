/*
 * sel4libs/include/sel4utils/util.h - a thread's registers by role: where it starts
 * (pc), its stack (sp), its first arguments (r0-r2), on AArch32.
 * Partners: thread.h, libsel4's seL4_UserContext.
 */
#ifndef SEL4LIBS_SEL4UTILS_UTIL_H
#define SEL4LIBS_SEL4UTILS_UTIL_H

#include <sel4/sel4.h>
#include <utils/util.h>

static inline void sel4utils_set_instruction_pointer(seL4_UserContext *regs, seL4_Word value)
{
    regs->pc = value;
}

static inline seL4_Word sel4utils_get_instruction_pointer(seL4_UserContext regs)
{
    return regs.pc;
}

static inline void sel4utils_set_stack_pointer(seL4_UserContext *regs, seL4_Word value)
{
    regs->sp = value;
}

static inline seL4_Word sel4utils_get_sp(seL4_UserContext regs)
{
    return regs.sp;
}

static inline void sel4utils_set_arg0(seL4_UserContext *regs, seL4_Word value)
{
    regs->r0 = value;
}

static inline void sel4utils_set_arg1(seL4_UserContext *regs, seL4_Word value)
{
    regs->r1 = value;
}

static inline void sel4utils_set_arg2(seL4_UserContext *regs, seL4_Word value)
{
    regs->r2 = value;
}

#endif
