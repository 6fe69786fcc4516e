/*
 * sel4/faults.h — fault messages as a fault handler receives them (spec §9):
 * the fault tags (message labels), the MR index of every field, and seL4_Fault_t
 * with constructors, getters, predicates and seL4_getFault() to decode one from
 * the received MRs. Pure C. Partners: messageinfo.h (label), ipcbuffer.h (MRs).
 */
#ifndef SEL4_FAULTS_H
#define SEL4_FAULTS_H

#include <sel4/macros.h>
#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/messageinfo.h>
#include <sel4/ipcbuffer.h>

/* Label of a fault message. 4 (DebugException) needs the hardware-debug API: absent. */
typedef enum {
    seL4_Fault_NullFault      = 0,
    seL4_Fault_CapFault       = 1,
    seL4_Fault_UnknownSyscall = 2,
    seL4_Fault_UserException  = 3,
    seL4_Fault_VMFault        = 5,
    SEL4_FORCE_LONG_ENUM(seL4_Fault_tag_t),
} seL4_Fault_tag_t;

/* --- MR indices (spec §9.2): the enum value is the message register number. */
typedef enum {
    seL4_CapFault_IP                        = 0,
    seL4_CapFault_Addr                      = 1,
    seL4_CapFault_InRecvPhase               = 2,
    seL4_CapFault_LookupFailureType         = 3,
    seL4_CapFault_BitsLeft                  = 4,
    seL4_CapFault_DepthMismatch_BitsFound   = 5,
    seL4_CapFault_GuardMismatch_GuardFound  = seL4_CapFault_DepthMismatch_BitsFound,
    seL4_CapFault_GuardMismatch_BitsFound   = 6,
    SEL4_FORCE_LONG_ENUM(seL4_CapFault_Msg),
} seL4_CapFault_Msg;

typedef enum {
    seL4_UnknownSyscall_R0      = 0,
    seL4_UnknownSyscall_R1      = 1,
    seL4_UnknownSyscall_R2      = 2,
    seL4_UnknownSyscall_R3      = 3,
    seL4_UnknownSyscall_R4      = 4,
    seL4_UnknownSyscall_R5      = 5,
    seL4_UnknownSyscall_R6      = 6,
    seL4_UnknownSyscall_R7      = 7,
    seL4_UnknownSyscall_FaultIP = 8,
    seL4_UnknownSyscall_SP      = 9,
    seL4_UnknownSyscall_LR      = 10,
    seL4_UnknownSyscall_CPSR    = 11,
    seL4_UnknownSyscall_Syscall = 12,
    seL4_UnknownSyscall_Length  = 13,
    SEL4_FORCE_LONG_ENUM(seL4_UnknownSyscall_Msg),
} seL4_UnknownSyscall_Msg;

typedef enum {
    seL4_UserException_FaultIP = 0,
    seL4_UserException_SP      = 1,
    seL4_UserException_CPSR    = 2,
    seL4_UserException_Number  = 3,
    seL4_UserException_Code    = 4,
    seL4_UserException_Length  = 5,
    SEL4_FORCE_LONG_ENUM(seL4_UserException_Msg),
} seL4_UserException_Msg;

typedef enum {
    seL4_VMFault_IP            = 0,
    seL4_VMFault_Addr          = 1,
    seL4_VMFault_PrefetchFault = 2,
    seL4_VMFault_FSR           = 3,
    seL4_VMFault_Length        = 4,
    SEL4_FORCE_LONG_ENUM(seL4_VMFault_Msg),
} seL4_VMFault_Msg;

/* Values of seL4_VMFault_PrefetchFault. */
enum {
    seL4_DataFault        = 0,
    seL4_InstructionFault = 1,
    SEL4_FORCE_LONG_ENUM(seL4_FaultKind),
};

/*
 * A decoded fault. Field k of a fault lives in words[k] (k = its MR index, so the
 * enums above double as field positions); the tag is kept in the last word.
 * The representation is private: use the functions below.
 */
#define SEL4_FAULT_PAYLOAD_WORDS seL4_UnknownSyscall_Length
#define SEL4_FAULT_TAG_WORD      SEL4_FAULT_PAYLOAD_WORDS
typedef struct seL4_Fault {
    seL4_Word words[SEL4_FAULT_PAYLOAD_WORDS + 1];
} seL4_Fault_t;

LIBSEL4_INLINE_FUNC seL4_Fault_t sel4_fault_empty(seL4_Fault_tag_t tag)
{
    seL4_Fault_t f;
    for (int i = 0; i < SEL4_FAULT_PAYLOAD_WORDS; i++) {
        f.words[i] = 0;
    }
    f.words[SEL4_FAULT_TAG_WORD] = (seL4_Word)tag;
    return f;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_get_seL4_FaultType(seL4_Fault_t f)
{
    return f.words[SEL4_FAULT_TAG_WORD];
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_ptr_get_seL4_FaultType(seL4_Fault_t *f)
{
    return f->words[SEL4_FAULT_TAG_WORD];
}

/* --- NullFault --------------------------------------------------------------- */
LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_Fault_NullFault_new(void)
{
    return sel4_fault_empty(seL4_Fault_NullFault);
}

/* --- CapFault: MR4..MR6 mean different things per lookup failure (§9.2). ----- */
LIBSEL4_INLINE_FUNC seL4_Fault_t
seL4_Fault_CapFault_new(seL4_Word IP, seL4_Word Addr, seL4_Word InRecvPhase, seL4_Word LookupFailureType,
                        seL4_Word MR4, seL4_Word MR5, seL4_Word MR6)
{
    seL4_Fault_t f = sel4_fault_empty(seL4_Fault_CapFault);
    f.words[seL4_CapFault_IP] = IP;
    f.words[seL4_CapFault_Addr] = Addr;
    f.words[seL4_CapFault_InRecvPhase] = InRecvPhase;
    f.words[seL4_CapFault_LookupFailureType] = LookupFailureType;
    f.words[seL4_CapFault_BitsLeft] = MR4;
    f.words[seL4_CapFault_DepthMismatch_BitsFound] = MR5;
    f.words[seL4_CapFault_GuardMismatch_BitsFound] = MR6;
    return f;
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_CapFault_get_IP(seL4_Fault_t f)
{
    return f.words[seL4_CapFault_IP];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_CapFault_get_Addr(seL4_Fault_t f)
{
    return f.words[seL4_CapFault_Addr];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_CapFault_get_InRecvPhase(seL4_Fault_t f)
{
    return f.words[seL4_CapFault_InRecvPhase];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_CapFault_get_LookupFailureType(seL4_Fault_t f)
{
    return f.words[seL4_CapFault_LookupFailureType];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_CapFault_get_MR4(seL4_Fault_t f)
{
    return f.words[seL4_CapFault_BitsLeft];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_CapFault_get_MR5(seL4_Fault_t f)
{
    return f.words[seL4_CapFault_DepthMismatch_BitsFound];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_CapFault_get_MR6(seL4_Fault_t f)
{
    return f.words[seL4_CapFault_GuardMismatch_BitsFound];
}

/* --- UnknownSyscall ----------------------------------------------------------- */
LIBSEL4_INLINE_FUNC seL4_Fault_t
seL4_Fault_UnknownSyscall_new(seL4_Word R0, seL4_Word R1, seL4_Word R2, seL4_Word R3,
                              seL4_Word R4, seL4_Word R5, seL4_Word R6, seL4_Word R7,
                              seL4_Word FaultIP, seL4_Word SP, seL4_Word LR, seL4_Word CPSR,
                              seL4_Word Syscall)
{
    seL4_Fault_t f = sel4_fault_empty(seL4_Fault_UnknownSyscall);
    f.words[seL4_UnknownSyscall_R0] = R0;
    f.words[seL4_UnknownSyscall_R1] = R1;
    f.words[seL4_UnknownSyscall_R2] = R2;
    f.words[seL4_UnknownSyscall_R3] = R3;
    f.words[seL4_UnknownSyscall_R4] = R4;
    f.words[seL4_UnknownSyscall_R5] = R5;
    f.words[seL4_UnknownSyscall_R6] = R6;
    f.words[seL4_UnknownSyscall_R7] = R7;
    f.words[seL4_UnknownSyscall_FaultIP] = FaultIP;
    f.words[seL4_UnknownSyscall_SP] = SP;
    f.words[seL4_UnknownSyscall_LR] = LR;
    f.words[seL4_UnknownSyscall_CPSR] = CPSR;
    f.words[seL4_UnknownSyscall_Syscall] = Syscall;
    return f;
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_R0(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_R0];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_R1(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_R1];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_R2(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_R2];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_R3(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_R3];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_R4(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_R4];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_R5(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_R5];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_R6(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_R6];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_R7(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_R7];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_FaultIP(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_FaultIP];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_SP(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_SP];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_LR(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_LR];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_CPSR(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_CPSR];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UnknownSyscall_get_Syscall(seL4_Fault_t f)
{
    return f.words[seL4_UnknownSyscall_Syscall];
}

/* --- UserException (the constructor's "Stack" is the SP word) ------------------ */
LIBSEL4_INLINE_FUNC seL4_Fault_t
seL4_Fault_UserException_new(seL4_Word FaultIP, seL4_Word Stack, seL4_Word CPSR, seL4_Word Number, seL4_Word Code)
{
    seL4_Fault_t f = sel4_fault_empty(seL4_Fault_UserException);
    f.words[seL4_UserException_FaultIP] = FaultIP;
    f.words[seL4_UserException_SP] = Stack;
    f.words[seL4_UserException_CPSR] = CPSR;
    f.words[seL4_UserException_Number] = Number;
    f.words[seL4_UserException_Code] = Code;
    return f;
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UserException_get_FaultIP(seL4_Fault_t f)
{
    return f.words[seL4_UserException_FaultIP];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UserException_get_Stack(seL4_Fault_t f)
{
    return f.words[seL4_UserException_SP];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UserException_get_CPSR(seL4_Fault_t f)
{
    return f.words[seL4_UserException_CPSR];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UserException_get_Number(seL4_Fault_t f)
{
    return f.words[seL4_UserException_Number];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_UserException_get_Code(seL4_Fault_t f)
{
    return f.words[seL4_UserException_Code];
}

/* --- VMFault ------------------------------------------------------------------ */
LIBSEL4_INLINE_FUNC seL4_Fault_t
seL4_Fault_VMFault_new(seL4_Word IP, seL4_Word Addr, seL4_Word PrefetchFault, seL4_Word FSR)
{
    seL4_Fault_t f = sel4_fault_empty(seL4_Fault_VMFault);
    f.words[seL4_VMFault_IP] = IP;
    f.words[seL4_VMFault_Addr] = Addr;
    f.words[seL4_VMFault_PrefetchFault] = PrefetchFault;
    f.words[seL4_VMFault_FSR] = FSR;
    return f;
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_VMFault_get_IP(seL4_Fault_t f)
{
    return f.words[seL4_VMFault_IP];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_VMFault_get_Addr(seL4_Fault_t f)
{
    return f.words[seL4_VMFault_Addr];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_VMFault_get_PrefetchFault(seL4_Fault_t f)
{
    return f.words[seL4_VMFault_PrefetchFault];
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_Fault_VMFault_get_FSR(seL4_Fault_t f)
{
    return f.words[seL4_VMFault_FSR];
}

/* --- Predicates on a received message's tag ------------------------------------ */
LIBSEL4_INLINE_FUNC seL4_Bool seL4_isNullFault_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_NullFault;
}
LIBSEL4_INLINE_FUNC seL4_Bool seL4_isCapFault_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_CapFault;
}
LIBSEL4_INLINE_FUNC seL4_Bool seL4_isUnknownSyscall_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_UnknownSyscall;
}
LIBSEL4_INLINE_FUNC seL4_Bool seL4_isUserException_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_UserException;
}
LIBSEL4_INLINE_FUNC seL4_Bool seL4_isVMFault_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_VMFault;
}

/*
 * Decode the fault just received (tag = what Recv returned; MRs already in the
 * IPC buffer, where Recv spilled r2-r5). Like seL4 it reads every field of the
 * fault kind whatever the length (a 4-word CapFault leaves MR4-6 stale); an
 * unknown label decodes as NullFault.
 */
LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_getFault(seL4_MessageInfo_t tag)
{
    switch (seL4_MessageInfo_get_label(tag)) {
    case seL4_Fault_CapFault:
        return seL4_Fault_CapFault_new(seL4_GetMR(seL4_CapFault_IP),
                                       seL4_GetMR(seL4_CapFault_Addr),
                                       seL4_GetMR(seL4_CapFault_InRecvPhase),
                                       seL4_GetMR(seL4_CapFault_LookupFailureType),
                                       seL4_GetMR(seL4_CapFault_BitsLeft),
                                       seL4_GetMR(seL4_CapFault_DepthMismatch_BitsFound),
                                       seL4_GetMR(seL4_CapFault_GuardMismatch_BitsFound));
    case seL4_Fault_UnknownSyscall:
        return seL4_Fault_UnknownSyscall_new(seL4_GetMR(seL4_UnknownSyscall_R0),
                                             seL4_GetMR(seL4_UnknownSyscall_R1),
                                             seL4_GetMR(seL4_UnknownSyscall_R2),
                                             seL4_GetMR(seL4_UnknownSyscall_R3),
                                             seL4_GetMR(seL4_UnknownSyscall_R4),
                                             seL4_GetMR(seL4_UnknownSyscall_R5),
                                             seL4_GetMR(seL4_UnknownSyscall_R6),
                                             seL4_GetMR(seL4_UnknownSyscall_R7),
                                             seL4_GetMR(seL4_UnknownSyscall_FaultIP),
                                             seL4_GetMR(seL4_UnknownSyscall_SP),
                                             seL4_GetMR(seL4_UnknownSyscall_LR),
                                             seL4_GetMR(seL4_UnknownSyscall_CPSR),
                                             seL4_GetMR(seL4_UnknownSyscall_Syscall));
    case seL4_Fault_UserException:
        return seL4_Fault_UserException_new(seL4_GetMR(seL4_UserException_FaultIP),
                                            seL4_GetMR(seL4_UserException_SP),
                                            seL4_GetMR(seL4_UserException_CPSR),
                                            seL4_GetMR(seL4_UserException_Number),
                                            seL4_GetMR(seL4_UserException_Code));
    case seL4_Fault_VMFault:
        return seL4_Fault_VMFault_new(seL4_GetMR(seL4_VMFault_IP),
                                      seL4_GetMR(seL4_VMFault_Addr),
                                      seL4_GetMR(seL4_VMFault_PrefetchFault),
                                      seL4_GetMR(seL4_VMFault_FSR));
    default:
        return seL4_Fault_NullFault_new();
    }
}

#endif /* SEL4_FAULTS_H */
