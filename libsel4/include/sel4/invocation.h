/*
 * sel4/invocation.h — invocation labels, the message label that selects a method
 * of a kernel object (spec §8.1, seL4 16.0.0 numbering for our configuration).
 * Three chained enums as in seL4: generic, then sel4_arch (AArch32), then arch
 * (ARM); each starts where the previous count ends. Pure C.
 * Partners: invocations.h (stubs use these), the kernel's decoder.
 */
#ifndef SEL4_INVOCATION_H
#define SEL4_INVOCATION_H

#include <sel4/macros.h>

enum invocation_label {
    InvalidInvocation,          /*  0 */
    UntypedRetype,              /*  1 */
    TCBReadRegisters,           /*  2 */
    TCBWriteRegisters,          /*  3 */
    TCBCopyRegisters,           /*  4 */
    TCBConfigure,               /*  5 */
    TCBSetPriority,             /*  6 */
    TCBSetMCPriority,           /*  7 */
    TCBSetSchedParams,          /*  8 */
    TCBSetIPCBuffer,            /*  9 */
    TCBSetSpace,                /* 10 */
    TCBSuspend,                 /* 11 */
    TCBResume,                  /* 12 */
    TCBBindNotification,        /* 13 */
    TCBUnbindNotification,      /* 14 */
    TCBSetTLSBase,              /* 15 */
    TCBSetFlags,                /* 16 (since 14.0.0) */
    CNodeRevoke,                /* 17 */
    CNodeDelete,                /* 18 */
    CNodeCancelBadgedSends,     /* 19 */
    CNodeCopy,                  /* 20 */
    CNodeMint,                  /* 21 */
    CNodeMove,                  /* 22 */
    CNodeMutate,                /* 23 */
    CNodeRotate,                /* 24 */
    CNodeSaveCaller,            /* 25 (non-MCS only) */
    IRQIssueIRQHandler,         /* 26 */
    IRQAckIRQ,                  /* 27 */
    IRQSetIRQHandler,           /* 28 */
    IRQClearIRQHandler,         /* 29 */
    DomainSetSet,               /* 30 */
    DomainScheduleConfigure,    /* 31 (since 15.0.0) */
    DomainScheduleSetStart,     /* 32 (since 15.0.0) */
    nInvocationLabels,          /* 33 */
    SEL4_FORCE_LONG_ENUM(invocation_label),
};

/* AArch32-only: page-directory cache maintenance (VCPU labels need the hypervisor). */
enum sel4_arch_invocation_label {
    ARMPDClean_Data = nInvocationLabels, /* 33 */
    ARMPDInvalidate_Data,                /* 34 */
    ARMPDCleanInvalidate_Data,           /* 35 */
    ARMPDUnify_Instruction,              /* 36 */
    nSeL4ArchInvocationLabels,           /* 37 */
    SEL4_FORCE_LONG_ENUM(sel4_arch_invocation_label),
};

/* ARM (both widths). SMMU, SMC, VCPU and SMP entries are configured out. */
enum arch_invocation_label {
    ARMPageTableMap = nSeL4ArchInvocationLabels, /* 37 */
    ARMPageTableUnmap,                           /* 38 */
    ARMPageMap,                                  /* 39 */
    ARMPageUnmap,                                /* 40 */
    ARMPageClean_Data,                           /* 41 */
    ARMPageInvalidate_Data,                      /* 42 */
    ARMPageCleanInvalidate_Data,                 /* 43 */
    ARMPageUnify_Instruction,                    /* 44 */
    ARMPageGetAddress,                           /* 45 */
    ARMASIDControlMakePool,                      /* 46 */
    ARMASIDPoolAssign,                           /* 47 */
    ARMIRQIssueIRQHandlerTrigger,                /* 48 */
    ARMIRQIssueSGISignal,                        /* 49 (optional in the kernel) */
    nArchInvocationLabels,                       /* 50 */
    SEL4_FORCE_LONG_ENUM(arch_invocation_label),
};

#endif /* SEL4_INVOCATION_H */
