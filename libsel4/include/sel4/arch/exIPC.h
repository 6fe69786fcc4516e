/*
 * sel4/arch/exIPC.h — the pre-2017 names for the unknown-syscall and user
 * exception fault messages (SEL4_EXCEPT_IPC_LABEL, EXCEPT_IPC_SYS_MR_R0 and the rest,
 * seL4_ExceptIPC_Get/Set, ...), kept for old programs. They stand for today's
 * seL4_Fault_UnknownSyscall / seL4_Fault_UserException labels and the
 * unknown-syscall MR indices (seL4_UnknownSyscall_R0 ...) (spec 9.2). New code should use those.
 * Partners: ../faults.h, ../ipcbuffer.h, ../sel4_arch/exIPC.h.
 */
#ifndef SEL4_ARCH_EXIPC_H
#define SEL4_ARCH_EXIPC_H

#include <sel4/faults.h>
#include <sel4/ipcbuffer.h>
#include <sel4/messageinfo.h>

#define SEL4_EXCEPT_IPC_LABEL      seL4_Fault_UnknownSyscall
#define SEL4_USER_EXCEPTION_LABEL  seL4_Fault_UserException
#define SEL4_USER_EXCEPTION_LENGTH seL4_UserException_Length

/* MR indices of an unknown-syscall message, by their old names. */
typedef seL4_Word seL4_ExceptIPCRegister;
#define EXCEPT_IPC_SYS_MR_R0      seL4_UnknownSyscall_R0
#define EXCEPT_IPC_SYS_MR_R1      seL4_UnknownSyscall_R1
#define EXCEPT_IPC_SYS_MR_R2      seL4_UnknownSyscall_R2
#define EXCEPT_IPC_SYS_MR_R3      seL4_UnknownSyscall_R3
#define EXCEPT_IPC_SYS_MR_R4      seL4_UnknownSyscall_R4
#define EXCEPT_IPC_SYS_MR_R5      seL4_UnknownSyscall_R5
#define EXCEPT_IPC_SYS_MR_R6      seL4_UnknownSyscall_R6
#define EXCEPT_IPC_SYS_MR_R7      seL4_UnknownSyscall_R7
#define EXCEPT_IPC_SYS_MR_PC      seL4_UnknownSyscall_FaultIP
#define EXCEPT_IPC_SYS_MR_SP      seL4_UnknownSyscall_SP
#define EXCEPT_IPC_SYS_MR_LR      seL4_UnknownSyscall_LR
#define EXCEPT_IPC_SYS_MR_CPSR    seL4_UnknownSyscall_CPSR
#define EXCEPT_IPC_SYS_MR_SYSCALL seL4_UnknownSyscall_Syscall
#define SEL4_EXCEPT_IPC_LENGTH    seL4_UnknownSyscall_Length
#define EXCEPT_IPC_LENGTH         seL4_UnknownSyscall_Length

LIBSEL4_INLINE_FUNC seL4_Word seL4_isExceptIPC_Tag(seL4_MessageInfo_t tag)
{
    return seL4_isUnknownSyscall_tag(tag);
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_ExceptIPC_Get(seL4_Word mr)
{
    return seL4_GetMR((int)mr);
}

LIBSEL4_INLINE_FUNC void seL4_ExceptIPC_Set(seL4_Word index, seL4_Word val)
{
    seL4_SetMR((int)index, val);
}

/* Message-length tests: an unknown-syscall message has 13 words, a user
 * exception 5. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_IsArchSyscallFrom(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_length(tag) == seL4_UnknownSyscall_Length;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_IsArchExceptionFrom(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_length(tag) == seL4_UserException_Length;
}

#endif /* SEL4_ARCH_EXIPC_H */
