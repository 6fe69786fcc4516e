/*
 * trace/names.c - the system call, fault, invocation and error names of
 * trace/names.h, keyed by libsel4's own numbers (sel4/syscall.h, sel4/faults.h,
 * sel4/invocation.h, sel4/errors.h), so a renumbering there cannot leave a name behind.
 * Partners: names.h, libsel4/include/sel4/syscall.h.
 */
#include "names.h"

#include <stddef.h>
#include <stdio.h>

#include <sel4/errors.h>
#include <sel4/faults.h>
#include <sel4/invocation.h>
#include <sel4/syscall.h>

/* seL4's system call numbers are negative: the table is indexed by -number. */
static const char *const syscall_names[] = {
    [-seL4_SysCall] = "Call",
    [-seL4_SysReplyRecv] = "ReplyRecv",
    [-seL4_SysSend] = "Send",
    [-seL4_SysNBSend] = "NBSend",
    [-seL4_SysRecv] = "Recv",
    [-seL4_SysReply] = "Reply",
    [-seL4_SysYield] = "Yield",
    [-seL4_SysNBRecv] = "NBRecv",
    [-seL4_SysDebugPutChar] = "DebugPutChar",
    [-seL4_SysDebugDumpScheduler] = "DebugDumpScheduler",
    [-seL4_SysDebugHalt] = "DebugHalt",
    [-seL4_SysDebugCapIdentify] = "DebugCapIdentify",
    [-seL4_SysDebugSnapshot] = "DebugSnapshot",
    [-seL4_SysDebugNameThread] = "DebugNameThread",
};
#define SYSCALL_NAMES (sizeof(syscall_names) / sizeof(syscall_names[0]))
_Static_assert(SYSCALL_NAMES == 1 - seL4_SysDebugNameThread,
               "every system call of sel4/syscall.h has a name, the last one included");

const char *trace_syscall_name(int32_t number)
{
    int64_t i = -(int64_t)number;
    if (i <= 0 || i >= (int64_t)SYSCALL_NAMES || !syscall_names[i])
        return "unknown";
    return syscall_names[i];
}

bool trace_syscall_is_ipc(int32_t number)
{
    switch (number) {
    case seL4_SysSend:
    case seL4_SysNBSend:
    case seL4_SysCall:
    case seL4_SysReply:
    case seL4_SysReplyRecv:
    case seL4_SysRecv:
    case seL4_SysNBRecv: return true;
    default: return false;
    }
}

const char *trace_fault_name(uint32_t type)
{
    switch (type) {
    case seL4_Fault_CapFault: return "cap fault";
    case seL4_Fault_UnknownSyscall: return "unknown syscall";
    case seL4_Fault_UserException: return "user exception";
    case seL4_Fault_VMFault: return "VM fault";
    default: return "fault";
    }
}

/* seL4's API spelling: the object, an underscore, the method. */
static const char *const invocation_names[] = {
    [UntypedRetype] = "Untyped_Retype",
    [TCBReadRegisters] = "TCB_ReadRegisters",
    [TCBWriteRegisters] = "TCB_WriteRegisters",
    [TCBCopyRegisters] = "TCB_CopyRegisters",
    [TCBConfigure] = "TCB_Configure",
    [TCBSetPriority] = "TCB_SetPriority",
    [TCBSetMCPriority] = "TCB_SetMCPriority",
    [TCBSetSchedParams] = "TCB_SetSchedParams",
    [TCBSetIPCBuffer] = "TCB_SetIPCBuffer",
    [TCBSetSpace] = "TCB_SetSpace",
    [TCBSuspend] = "TCB_Suspend",
    [TCBResume] = "TCB_Resume",
    [TCBBindNotification] = "TCB_BindNotification",
    [TCBUnbindNotification] = "TCB_UnbindNotification",
    [TCBSetTLSBase] = "TCB_SetTLSBase",
    [TCBSetFlags] = "TCB_SetFlags",
    [CNodeRevoke] = "CNode_Revoke",
    [CNodeDelete] = "CNode_Delete",
    [CNodeCancelBadgedSends] = "CNode_CancelBadgedSends",
    [CNodeCopy] = "CNode_Copy",
    [CNodeMint] = "CNode_Mint",
    [CNodeMove] = "CNode_Move",
    [CNodeMutate] = "CNode_Mutate",
    [CNodeRotate] = "CNode_Rotate",
    [CNodeSaveCaller] = "CNode_SaveCaller",
    [IRQIssueIRQHandler] = "IRQControl_Get",
    [IRQAckIRQ] = "IRQHandler_Ack",
    [IRQSetIRQHandler] = "IRQHandler_SetNotification",
    [IRQClearIRQHandler] = "IRQHandler_Clear",
    [DomainSetSet] = "DomainSet_Set",
    [DomainScheduleConfigure] = "DomainSet_ScheduleConfigure",
    [DomainScheduleSetStart] = "DomainSet_ScheduleSetStart",
    [ARMPDClean_Data] = "ARM_PageDirectory_Clean_Data",
    [ARMPDInvalidate_Data] = "ARM_PageDirectory_Invalidate_Data",
    [ARMPDCleanInvalidate_Data] = "ARM_PageDirectory_CleanInvalidate_Data",
    [ARMPDUnify_Instruction] = "ARM_PageDirectory_Unify_Instruction",
    [ARMPageTableMap] = "ARM_PageTable_Map",
    [ARMPageTableUnmap] = "ARM_PageTable_Unmap",
    [ARMPageMap] = "ARM_Page_Map",
    [ARMPageUnmap] = "ARM_Page_Unmap",
    [ARMPageClean_Data] = "ARM_Page_Clean_Data",
    [ARMPageInvalidate_Data] = "ARM_Page_Invalidate_Data",
    [ARMPageCleanInvalidate_Data] = "ARM_Page_CleanInvalidate_Data",
    [ARMPageUnify_Instruction] = "ARM_Page_Unify_Instruction",
    [ARMPageGetAddress] = "ARM_Page_GetAddress",
    [ARMASIDControlMakePool] = "ARM_ASIDControl_MakePool",
    [ARMASIDPoolAssign] = "ARM_ASIDPool_Assign",
    [ARMIRQIssueIRQHandlerTrigger] = "IRQControl_GetTrigger",
    [ARMIRQIssueSGISignal] = "IRQControl_IssueSGISignal",
};
#define INVOCATION_NAMES (sizeof(invocation_names) / sizeof(invocation_names[0]))
_Static_assert(INVOCATION_NAMES == nArchInvocationLabels,
               "every invocation label of sel4/invocation.h has a name, the last one included");

const char *trace_invocation_name(uint32_t label)
{
    static char other[24];
    if (label < INVOCATION_NAMES && invocation_names[label])
        return invocation_names[label];
    snprintf(other, sizeof(other), "label %u", label);
    return other;
}

const char *trace_error_name(uint32_t error)
{
    static const char *const names[] = {
        [seL4_NoError] = "NoError",
        [seL4_InvalidArgument] = "InvalidArgument",
        [seL4_InvalidCapability] = "InvalidCapability",
        [seL4_IllegalOperation] = "IllegalOperation",
        [seL4_RangeError] = "RangeError",
        [seL4_AlignmentError] = "AlignmentError",
        [seL4_FailedLookup] = "FailedLookup",
        [seL4_TruncatedMessage] = "TruncatedMessage",
        [seL4_DeleteFirst] = "DeleteFirst",
        [seL4_RevokeFirst] = "RevokeFirst",
        [seL4_NotEnoughMemory] = "NotEnoughMemory",
    };
    _Static_assert(sizeof(names) / sizeof(names[0]) == seL4_NumErrors, "every seL4_Error named");
    static char other[24];
    if (error < seL4_NumErrors)
        return names[error];
    snprintf(other, sizeof(other), "error %u", error);
    return other;
}
