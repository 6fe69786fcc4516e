/*
 * tests/libsel4/compile_all.c — compile-only conformance test of libsel4 against
 * /work/shared/spec/sel4-api.md: names every wrapper, stub, constant and type and
 * pins numeric values with _Static_assert. Partners: the headers in
 * libsel4/include/sel4, check_coverage.sh (proves every name is used), run.sh.
 */
/*
 * Build (must stay warning-free):
 *   arm-none-eabi-gcc -std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -nostdlib \
 *     -marm -march=armv7-a -mfloat-abi=soft -Ilibsel4/include -c tests/libsel4/compile_all.c
 */
#include <sel4/sel4.h>
/* The compatibility names must also work on their own. */
#include <sel4/simple_types.h>
#include <sel4/functions.h>
/* seL4's per-architecture header paths (AArch32 programs include these directly). */
#include <sel4/arch/constants.h>
#include <sel4/arch/deprecated.h>
#include <sel4/arch/exIPC.h>
#include <sel4/arch/functions.h>
#include <sel4/arch/invocation.h>
#include <sel4/arch/mapping.h>
#include <sel4/arch/objecttype.h>
#include <sel4/arch/pfIPC.h>
#include <sel4/arch/shared_types.h>
#include <sel4/arch/simple_types.h>
#include <sel4/arch/syscalls.h>
#include <sel4/arch/types.h>
#include <sel4/sel4_arch/constants.h>
#include <sel4/sel4_arch/deprecated.h>
#include <sel4/sel4_arch/exIPC.h>
#include <sel4/sel4_arch/faults.h>
#include <sel4/sel4_arch/functions.h>
#include <sel4/sel4_arch/invocation.h>
#include <sel4/sel4_arch/mapping.h>
#include <sel4/sel4_arch/objecttype.h>
#include <sel4/sel4_arch/simple_types.h>
#include <sel4/sel4_arch/syscalls.h>
#include <sel4/sel4_arch/types.h>

#define SA(expr) _Static_assert((expr), #expr)

/*
 * Values that come out of inline functions are not constant expressions, so
 * they are checked with a call to an undefined `error` function that -O2 must
 * prove dead: a wrong value fails the build at compile time. Skipped at -O0 and
 * -Os, where GCC does not inline far enough to fold the values; test_packing.c
 * checks the same values at run time.
 */
#if defined(__OPTIMIZE__) && !defined(__OPTIMIZE_SIZE__)
extern void libsel4_value_check_failed(void) __attribute__((error("libsel4 value check failed")));
#define CHECK(cond) do { if (!(cond)) { libsel4_value_check_failed(); } } while (0)
#else
#define CHECK(cond) do { (void)(cond); } while (0)
#endif

/* ---------------------------------------------------------------- §2.1 types */
SA(sizeof(seL4_Int8) == 1 && sizeof(seL4_Int16) == 2 && sizeof(seL4_Int32) == 4 && sizeof(seL4_Int64) == 8);
SA(sizeof(seL4_Uint8) == 1 && sizeof(seL4_Uint16) == 2 && sizeof(seL4_Uint32) == 4 && sizeof(seL4_Uint64) == 8);
SA((seL4_Int8)-1 < 0 && (seL4_Int16)-1 < 0 && (seL4_Int32)-1 < 0 && (seL4_Int64)-1 < 0);
SA((seL4_Uint8)-1 > 0 && (seL4_Uint16)-1 > 0 && (seL4_Uint32)-1 > 0 && (seL4_Uint64)-1 > 0);
SA(sizeof(seL4_Word) == 4 && (seL4_Word)-1 > 0);
SA(sizeof(seL4_CPtr) == 4 && sizeof(seL4_NodeId) == 4 && sizeof(seL4_PAddr) == 4);
SA(sizeof(seL4_Domain) == 4 && sizeof(seL4_SlotPos) == 4 && sizeof(seL4_Time) == 8);
SA(sizeof(seL4_Bool) == 1 && (seL4_Bool)-1 < 0 && seL4_True == 1 && seL4_False == 0);
SA(sizeof(seL4_CNode) == 4 && sizeof(seL4_TCB) == 4 && sizeof(seL4_Untyped) == 4);
SA(sizeof(seL4_IRQControl) == 4 && sizeof(seL4_IRQHandler) == 4 && sizeof(seL4_DomainSet) == 4);
SA(sizeof(seL4_ARM_Page) == 4 && sizeof(seL4_ARM_PageTable) == 4 && sizeof(seL4_ARM_PageDirectory) == 4);
SA(sizeof(seL4_ARM_ASIDControl) == 4 && sizeof(seL4_ARM_ASIDPool) == 4);
/* libsel4 enums are word-sized. */
SA(sizeof(seL4_Error) == 4 && sizeof(seL4_Syscall_ID) == 4 && sizeof(seL4_ObjectType) == 4);
SA(sizeof(seL4_ArchObjectType) == 4 && sizeof(seL4_ModeObjectType) == 4 && sizeof(seL4_LookupFailureType) == 4);
SA(sizeof(seL4_Fault_tag_t) == 4 && sizeof(seL4_ARM_VMAttributes) == 4 && sizeof(seL4_ARM_CacheType) == 4);
SA(sizeof(seL4_BootInfoID) == 4 && sizeof(seL4_TCBFlag) == 4);

/* ---------------------------------------------------------------- §2.2 errors */
SA(seL4_NoError == 0);
SA(seL4_InvalidArgument == 1);
SA(seL4_InvalidCapability == 2);
SA(seL4_IllegalOperation == 3);
SA(seL4_RangeError == 4);
SA(seL4_AlignmentError == 5);
SA(seL4_FailedLookup == 6);
SA(seL4_TruncatedMessage == 7);
SA(seL4_DeleteFirst == 8);
SA(seL4_RevokeFirst == 9);
SA(seL4_NotEnoughMemory == 10);
SA(seL4_NumErrors == 11);

/* ---------------------------------------------------------------- §2.3 constants */
SA(seL4_WordBits == 32 && seL4_WordSizeBits == 2);
SA(seL4_MsgLengthBits == 7 && seL4_MsgMaxLength == 120);
SA(seL4_MsgExtraCapBits == 2 && seL4_MsgMaxExtraCaps == 3);
SA(seL4_FastMessageRegisters == 4 && seL4_IPCBufferSizeBits == 9);
SA(seL4_CapRightsBits == 4 && seL4_BadgeBits == 28);
SA(seL4_GuardBits == 18 && seL4_GuardSizeBits == 5);
SA(seL4_MinPrio == 0 && seL4_MaxPrio == 255 && seL4_InvalidPrio == -1 && seL4_NilData == 0);
SA(seL4_UntypedRetypeMaxObjects == 256);
SA(seL4_UserTop == 0xE0000000u);
SA(seL4_NoFailure == 0 && seL4_InvalidRoot == 1 && seL4_MissingCapability == 2);
SA(seL4_DepthMismatch == 3 && seL4_GuardMismatch == 4);
SA(CONFIG_NUM_PRIORITIES == 256 && CONFIG_RETYPE_FAN_OUT_LIMIT == 256 && CONFIG_ROOT_CNODE_SIZE_BITS == 12);
#if !defined(CONFIG_PRINTING) || !defined(CONFIG_DEBUG_BUILD) || defined(CONFIG_KERNEL_MCS)
#error "configuration switches are not the ones Numbat supports"
#endif
/* Size constants are usable by the preprocessor, as in seL4. */
#if seL4_PageBits != 12 || seL4_WordBits != 32 || seL4_MsgMaxLength != 120
#error "size constants not usable in #if"
#endif

/* ---------------------------------------------------------------- §3.1 syscall numbers */
SA(seL4_SysCall == -1);
SA(seL4_SysReplyRecv == -2);
SA(seL4_SysSend == -3);
SA(seL4_SysNBSend == -4);
SA(seL4_SysRecv == -5);
SA(seL4_SysReply == -6);
SA(seL4_SysYield == -7);
SA(seL4_SysNBRecv == -8);
SA(seL4_SysDebugPutChar == -9);
SA(seL4_SysDebugDumpScheduler == -10);
SA(seL4_SysDebugHalt == -11);
SA(seL4_SysDebugCapIdentify == -12);
SA(seL4_SysDebugSnapshot == -13);
SA(seL4_SysDebugNameThread == -14);

/* ---------------------------------------------------------------- §4 messages */
SA(sizeof(seL4_MessageInfo_t) == 4);
SA(sizeof(seL4_IPCBuffer) == 512 && _Alignof(seL4_IPCBuffer) == 512);
SA(__builtin_offsetof(seL4_IPCBuffer, tag) == 0 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, msg) == 1 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, msg[3]) == 4 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, msg[119]) == 120 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, userData) == 121 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, caps_or_badges) == 122 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, caps_or_badges[2]) == 124 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, receiveCNode) == 125 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, receiveIndex) == 126 * 4);
SA(__builtin_offsetof(seL4_IPCBuffer, receiveDepth) == 127 * 4);
SA(sizeof(((seL4_IPCBuffer *)0)->msg) == 120 * 4 && sizeof(((seL4_IPCBuffer *)0)->caps_or_badges) == 3 * 4);

/* ---------------------------------------------------------------- §5 capability words */
SA(sizeof(seL4_CapRights_t) == 4 && sizeof(seL4_CNode_CapData_t) == 4);

/* ---------------------------------------------------------------- §6 object types and sizes */
SA(seL4_UntypedObject == 0);
SA(seL4_TCBObject == 1);
SA(seL4_EndpointObject == 2);
SA(seL4_NotificationObject == 3);
SA(seL4_CapTableObject == 4);
SA(seL4_NonArchObjectTypeCount == 5);
SA(seL4_ARM_PageDirectoryObject == 5);
SA(seL4_ModeObjectTypeCount == 6);
SA(seL4_ARM_SmallPageObject == 6);
SA(seL4_ARM_LargePageObject == 7);
SA(seL4_ARM_SectionObject == 8);
SA(seL4_ARM_SuperSectionObject == 9);
SA(seL4_ARM_PageTableObject == 10);
SA(seL4_ObjectTypeCount == 11);
SA(seL4_ARM_VCPUObject == 0xFFFE && seL4_ARM_IOPageTableObject == 0xFFFF);
SA(seL4_AsyncEndpointObject == 3);
SA(seL4_TCBBits == 10 && seL4_SlotBits == 4 && seL4_EndpointBits == 4 && seL4_NotificationBits == 4);
SA(seL4_PageBits == 12 && seL4_LargePageBits == 16 && seL4_SectionBits == 20 && seL4_SuperSectionBits == 24);
SA(seL4_PageTableBits == 10 && seL4_PageTableEntryBits == 2 && seL4_PageTableIndexBits == 8);
SA(seL4_PageDirBits == 14 && seL4_PageDirEntryBits == 2 && seL4_PageDirIndexBits == 12 && seL4_VSpaceBits == 14);
SA(seL4_ASIDPoolBits == 12 && seL4_ASIDPoolIndexBits == 10 && seL4_NumASIDPoolsBits == 7);
SA(seL4_MinUntypedBits == 4 && seL4_MaxUntypedBits == 29);
SA(seL4_ARM_PageCacheable == 1 && seL4_ARM_ParityEnabled == 2);
SA(seL4_ARM_Default_VMAttributes == 3 && seL4_ARM_ExecuteNever == 4);
SA(seL4_ARM_CacheI == 1 && seL4_ARM_CacheD == 2 && seL4_ARM_CacheID == 3);

/* ---------------------------------------------------------------- §8.1 invocation labels */
SA(InvalidInvocation == 0);
SA(UntypedRetype == 1);
SA(TCBReadRegisters == 2);
SA(TCBWriteRegisters == 3);
SA(TCBCopyRegisters == 4);
SA(TCBConfigure == 5);
SA(TCBSetPriority == 6);
SA(TCBSetMCPriority == 7);
SA(TCBSetSchedParams == 8);
SA(TCBSetIPCBuffer == 9);
SA(TCBSetSpace == 10);
SA(TCBSuspend == 11);
SA(TCBResume == 12);
SA(TCBBindNotification == 13);
SA(TCBUnbindNotification == 14);
SA(TCBSetTLSBase == 15);
SA(TCBSetFlags == 16);
SA(CNodeRevoke == 17);
SA(CNodeDelete == 18);
SA(CNodeCancelBadgedSends == 19);
SA(CNodeCopy == 20);
SA(CNodeMint == 21);
SA(CNodeMove == 22);
SA(CNodeMutate == 23);
SA(CNodeRotate == 24);
SA(CNodeSaveCaller == 25);
SA(IRQIssueIRQHandler == 26);
SA(IRQAckIRQ == 27);
SA(IRQSetIRQHandler == 28);
SA(IRQClearIRQHandler == 29);
SA(DomainSetSet == 30);
SA(DomainScheduleConfigure == 31);
SA(DomainScheduleSetStart == 32);
SA(nInvocationLabels == 33);
SA(ARMPDClean_Data == 33);
SA(ARMPDInvalidate_Data == 34);
SA(ARMPDCleanInvalidate_Data == 35);
SA(ARMPDUnify_Instruction == 36);
SA(nSeL4ArchInvocationLabels == 37);
SA(ARMPageTableMap == 37);
SA(ARMPageTableUnmap == 38);
SA(ARMPageMap == 39);
SA(ARMPageUnmap == 40);
SA(ARMPageClean_Data == 41);
SA(ARMPageInvalidate_Data == 42);
SA(ARMPageCleanInvalidate_Data == 43);
SA(ARMPageUnify_Instruction == 44);
SA(ARMPageGetAddress == 45);
SA(ARMASIDControlMakePool == 46);
SA(ARMASIDPoolAssign == 47);
SA(ARMIRQIssueIRQHandlerTrigger == 48);
SA(ARMIRQIssueSGISignal == 49);
SA(nArchInvocationLabels == 50);

/* ---------------------------------------------------------------- §8.3 / §8.8 */
SA(seL4_TCBFlag_NoFlag == 0 && seL4_TCBFlag_fpuDisabled == 1 && seL4_TCBFlag_MASK == 1);
SA(sizeof(seL4_UserContext) == 19 * sizeof(seL4_Word));
SA(__builtin_offsetof(seL4_UserContext, pc) == 0 * 4);
SA(__builtin_offsetof(seL4_UserContext, sp) == 1 * 4);
SA(__builtin_offsetof(seL4_UserContext, cpsr) == 2 * 4);
SA(__builtin_offsetof(seL4_UserContext, r0) == 3 * 4);
SA(__builtin_offsetof(seL4_UserContext, r1) == 4 * 4);
SA(__builtin_offsetof(seL4_UserContext, r8) == 5 * 4);
SA(__builtin_offsetof(seL4_UserContext, r9) == 6 * 4);
SA(__builtin_offsetof(seL4_UserContext, r10) == 7 * 4);
SA(__builtin_offsetof(seL4_UserContext, r11) == 8 * 4);
SA(__builtin_offsetof(seL4_UserContext, r12) == 9 * 4);
SA(__builtin_offsetof(seL4_UserContext, r2) == 10 * 4);
SA(__builtin_offsetof(seL4_UserContext, r3) == 11 * 4);
SA(__builtin_offsetof(seL4_UserContext, r4) == 12 * 4);
SA(__builtin_offsetof(seL4_UserContext, r5) == 13 * 4);
SA(__builtin_offsetof(seL4_UserContext, r6) == 14 * 4);
SA(__builtin_offsetof(seL4_UserContext, r7) == 15 * 4);
SA(__builtin_offsetof(seL4_UserContext, r14) == 16 * 4);
SA(__builtin_offsetof(seL4_UserContext, tpidrurw) == 17 * 4);
SA(__builtin_offsetof(seL4_UserContext, tpidruro) == 18 * 4);
SA(SEL4_MAPPING_LOOKUP_LEVEL == 2 && SEL4_MAPPING_LOOKUP_NO_PT == 20);

/* ---------------------------------------------------------------- §9 faults */
SA(seL4_Fault_NullFault == 0 && seL4_Fault_CapFault == 1 && seL4_Fault_UnknownSyscall == 2);
SA(seL4_Fault_UserException == 3 && seL4_Fault_VMFault == 5);
SA(seL4_CapFault_IP == 0 && seL4_CapFault_Addr == 1 && seL4_CapFault_InRecvPhase == 2);
SA(seL4_CapFault_LookupFailureType == 3 && seL4_CapFault_BitsLeft == 4);
SA(seL4_CapFault_DepthMismatch_BitsFound == 5 && seL4_CapFault_GuardMismatch_GuardFound == 5);
SA(seL4_CapFault_GuardMismatch_BitsFound == 6);
SA(seL4_UnknownSyscall_R0 == 0 && seL4_UnknownSyscall_R1 == 1 && seL4_UnknownSyscall_R2 == 2);
SA(seL4_UnknownSyscall_R3 == 3 && seL4_UnknownSyscall_R4 == 4 && seL4_UnknownSyscall_R5 == 5);
SA(seL4_UnknownSyscall_R6 == 6 && seL4_UnknownSyscall_R7 == 7 && seL4_UnknownSyscall_FaultIP == 8);
SA(seL4_UnknownSyscall_SP == 9 && seL4_UnknownSyscall_LR == 10 && seL4_UnknownSyscall_CPSR == 11);
SA(seL4_UnknownSyscall_Syscall == 12 && seL4_UnknownSyscall_Length == 13);
SA(seL4_UserException_FaultIP == 0 && seL4_UserException_SP == 1 && seL4_UserException_CPSR == 2);
SA(seL4_UserException_Number == 3 && seL4_UserException_Code == 4 && seL4_UserException_Length == 5);
SA(seL4_VMFault_IP == 0 && seL4_VMFault_Addr == 1 && seL4_VMFault_PrefetchFault == 2);
SA(seL4_VMFault_FSR == 3 && seL4_VMFault_Length == 4);
SA(seL4_DataFault == 0 && seL4_InstructionFault == 1);
SA(sizeof(seL4_CapFault_Msg) == 4 && sizeof(seL4_UnknownSyscall_Msg) == 4);
SA(sizeof(seL4_UserException_Msg) == 4 && sizeof(seL4_VMFault_Msg) == 4);

/* ---------------------------------------------------------------- old fault-message names */
/* sel4/arch/pfIPC.h and exIPC.h: the pre-2017 spellings stand for today's names. */
SA(SEL4_PFIPC_LABEL == seL4_Fault_VMFault && SEL4_PFIPC_LENGTH == seL4_VMFault_Length);
SA(SEL4_PFIPC_FAULT_IP == 0 && SEL4_PFIPC_FAULT_ADDR == 1 && SEL4_PFIPC_PREFETCH_FAULT == 2 && SEL4_PFIPC_FSR == 3);
SA(SEL4_EXCEPT_IPC_LABEL == seL4_Fault_UnknownSyscall && SEL4_EXCEPT_IPC_LENGTH == 13);
SA(SEL4_USER_EXCEPTION_LABEL == seL4_Fault_UserException && SEL4_USER_EXCEPTION_LENGTH == 5);
SA(EXCEPT_IPC_SYS_MR_R0 == 0 && EXCEPT_IPC_SYS_MR_R1 == 1 && EXCEPT_IPC_SYS_MR_R2 == 2 && EXCEPT_IPC_SYS_MR_R3 == 3);
SA(EXCEPT_IPC_SYS_MR_R4 == 4 && EXCEPT_IPC_SYS_MR_R5 == 5 && EXCEPT_IPC_SYS_MR_R6 == 6 && EXCEPT_IPC_SYS_MR_R7 == 7);
SA(EXCEPT_IPC_SYS_MR_PC == 8 && EXCEPT_IPC_SYS_MR_SP == 9 && EXCEPT_IPC_SYS_MR_LR == 10);
SA(EXCEPT_IPC_SYS_MR_CPSR == 11 && EXCEPT_IPC_SYS_MR_SYSCALL == 12 && EXCEPT_IPC_LENGTH == 13);
SA(sizeof(seL4_ExceptIPCRegister) == 4);
/* Capability typedefs of configurations we leave out, and the word-sized object type. */
SA(sizeof(seL4_ARM_VCPU) == 4 && sizeof(seL4_ARM_IOSpace) == 4 && sizeof(seL4_ARM_IOPageTable) == 4);
SA(sizeof(seL4_ARM_SIDControl) == 4 && sizeof(seL4_ARM_SID) == 4 && sizeof(seL4_ARM_CBControl) == 4);
SA(sizeof(seL4_ARM_CB) == 4 && sizeof(object_t) == 4);
void use_old_fault_names(seL4_MessageInfo_t tag);
void use_old_fault_names(seL4_MessageInfo_t tag)
{
    seL4_Word acc = seL4_PF_FIP() + seL4_PF_Addr() + seL4_isPageFault_Tag(tag) + seL4_isPageFault_MSG();
    acc += seL4_isExceptIPC_Tag(tag) + seL4_ExceptIPC_Get(EXCEPT_IPC_SYS_MR_PC);
    acc += seL4_IsArchSyscallFrom(tag) + seL4_IsArchExceptionFrom(tag);
    seL4_ExceptIPC_Set(EXCEPT_IPC_SYS_MR_R0, acc);
}

/* ---------------------------------------------------------------- §10 boot interface */
SA(seL4_CapNull == 0);
SA(seL4_CapInitThreadTCB == 1);
SA(seL4_CapInitThreadCNode == 2);
SA(seL4_CapInitThreadVSpace == 3 && seL4_CapInitThreadPD == 3);
SA(seL4_CapIRQControl == 4);
SA(seL4_CapASIDControl == 5);
SA(seL4_CapInitThreadASIDPool == 6);
SA(seL4_CapIOPortControl == 7);
SA(seL4_CapIOSpace == 8);
SA(seL4_CapBootInfoFrame == 9);
SA(seL4_CapInitThreadIPCBuffer == 10);
SA(seL4_CapDomain == 11);
SA(seL4_CapSMMUSIDControl == 12);
SA(seL4_CapSMMUCBControl == 13);
SA(seL4_CapInitThreadSC == 14);
SA(seL4_CapSMC == 15);
SA(seL4_NumInitialCaps == 16);
SA(sizeof(enum seL4_RootCNodeCapSlots) == 4);
SA(sizeof(enum invocation_label) == 4 && sizeof(enum sel4_arch_invocation_label) == 4);
SA(sizeof(enum arch_invocation_label) == 4 && sizeof(enum priorityConstants) == 4);
SA(CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS == 230);
SA(seL4_BootInfoFrameBits == 12 && seL4_BootInfoFrameSize == 4096);
SA(sizeof(seL4_SlotRegion) == 8 && sizeof(seL4_UntypedDesc) == 8 && sizeof(seL4_BootInfoHeader) == 8);
SA(__builtin_offsetof(seL4_SlotRegion, start) == 0 && __builtin_offsetof(seL4_SlotRegion, end) == 4);
SA(__builtin_offsetof(seL4_UntypedDesc, paddr) == 0 && __builtin_offsetof(seL4_UntypedDesc, sizeBits) == 4);
SA(__builtin_offsetof(seL4_UntypedDesc, isDevice) == 5 && __builtin_offsetof(seL4_UntypedDesc, padding) == 6);
SA(__builtin_offsetof(seL4_BootInfoHeader, id) == 0 && __builtin_offsetof(seL4_BootInfoHeader, len) == 4);
SA(__builtin_offsetof(seL4_BootInfo, extraLen) == 0);
SA(__builtin_offsetof(seL4_BootInfo, nodeID) == 4);
SA(__builtin_offsetof(seL4_BootInfo, numNodes) == 8);
SA(__builtin_offsetof(seL4_BootInfo, numIOPTLevels) == 12);
SA(__builtin_offsetof(seL4_BootInfo, ipcBuffer) == 16);
SA(__builtin_offsetof(seL4_BootInfo, empty) == 20);
SA(__builtin_offsetof(seL4_BootInfo, sharedFrames) == 28);
SA(__builtin_offsetof(seL4_BootInfo, userImageFrames) == 36);
SA(__builtin_offsetof(seL4_BootInfo, userImagePaging) == 44);
SA(__builtin_offsetof(seL4_BootInfo, ioSpaceCaps) == 52);
SA(__builtin_offsetof(seL4_BootInfo, extraBIPages) == 60);
SA(__builtin_offsetof(seL4_BootInfo, initThreadCNodeSizeBits) == 68);
SA(__builtin_offsetof(seL4_BootInfo, initThreadDomain) == 72);
SA(__builtin_offsetof(seL4_BootInfo, untyped) == 76);
SA(__builtin_offsetof(seL4_BootInfo, untypedList) == 84);
SA(sizeof(seL4_BootInfo) == 84 + 230 * 8 && sizeof(seL4_BootInfo) <= seL4_BootInfoFrameSize);
SA(SEL4_BOOTINFO_HEADER_PADDING == 0 && SEL4_BOOTINFO_HEADER_X86_VBE == 1);
SA(SEL4_BOOTINFO_HEADER_X86_MBMMAP == 2 && SEL4_BOOTINFO_HEADER_X86_ACPI_RSDP == 3);
SA(SEL4_BOOTINFO_HEADER_X86_FRAMEBUFFER == 4 && SEL4_BOOTINFO_HEADER_X86_TSC_FREQ == 5);
SA(SEL4_BOOTINFO_HEADER_FDT == 6 && SEL4_BOOTINFO_HEADER_NUM == 7);

/* ---------------------------------------------------------------- result structs (§7) */
SA(__builtin_offsetof(seL4_ARM_Page_GetAddress_t, error) == 0);
SA(__builtin_offsetof(seL4_ARM_Page_GetAddress_t, paddr) == 4);
SA(__builtin_offsetof(seL4_TCB_SetFlags_t, error) == 0 && __builtin_offsetof(seL4_TCB_SetFlags_t, flags) == 4);

/* ========================================================================== */
/* Values computed by inline functions, pinned at compile time (see CHECK). */
void check_pure_values(void);
void check_pure_values(void)
{
    /* §4.1 message info layout */
    CHECK(seL4_MessageInfo_new(0xFFFFF, 0, 0, 0).words[0] == 0xFFFFF000u);
    CHECK(seL4_MessageInfo_new(0, 7, 0, 0).words[0] == 0x00000E00u);
    CHECK(seL4_MessageInfo_new(0, 0, 3, 0).words[0] == 0x00000180u);
    CHECK(seL4_MessageInfo_new(0, 0, 0, 127).words[0] == 0x0000007Fu);
    CHECK(seL4_MessageInfo_new(21, 0, 1, 6).words[0] == 0x00015086u);
    CHECK(seL4_MessageInfo_get_label(seL4_MessageInfo_new(0x12345, 5, 2, 99)) == 0x12345);
    CHECK(seL4_MessageInfo_get_capsUnwrapped(seL4_MessageInfo_new(0x12345, 5, 2, 99)) == 5);
    CHECK(seL4_MessageInfo_get_extraCaps(seL4_MessageInfo_new(0x12345, 5, 2, 99)) == 2);
    CHECK(seL4_MessageInfo_get_length(seL4_MessageInfo_new(0x12345, 5, 2, 99)) == 99);
    /* §5.1 rights words */
    CHECK(seL4_AllRights.words[0] == 0xF);
    CHECK(seL4_ReadWrite.words[0] == 0x3);
    CHECK(seL4_CanRead.words[0] == 0x2);
    CHECK(seL4_CanWrite.words[0] == 0x1);
    CHECK(seL4_NoRights.words[0] == 0x0);
    CHECK(seL4_CanGrant.words[0] == 0x4);
    CHECK(seL4_CanGrantReply.words[0] == 0x8);
    CHECK(seL4_NoWrite.words[0] == 0xE);
    CHECK(seL4_NoRead.words[0] == 0xD);
    /* §5.3 CNode cap data */
    CHECK(seL4_CNode_CapData_new(0, 20).words[0] == (20u << 3));
    CHECK(seL4_CNode_CapData_new(0x3FFFF, 31).words[0] == ((0x3FFFFu << 8) | (31u << 3)));
    /* §5.2 badge truncation helper */
    CHECK(numbat_badge_truncate(0xFFFFFFFFu) == 0x0FFFFFFFu);
}

/* ========================================================================== */
/* Every remaining name, referenced once. Sinks keep the compiler from caring. */
volatile seL4_Word sink_word;
volatile int sink_int;

static void sink(seL4_Word w)
{
    sink_word = w;
}

void use_types_and_constants(void);
void use_types_and_constants(void)
{
    seL4_Int8 i8 = 0; seL4_Int16 i16 = 0; seL4_Int32 i32 = 0; seL4_Int64 i64 = 0;
    seL4_Uint8 u8 = 0; seL4_Uint16 u16 = 0; seL4_Uint32 u32 = 0; seL4_Uint64 u64 = 0;
    seL4_NodeId node = 0; seL4_PAddr pa = 0; seL4_Domain dom = 0; seL4_SlotPos pos = 0; seL4_Time t = 0;
    seL4_Bool b = seL4_True;
    void *np = seL4_Null;
    sink((seL4_Word)(i8 + i16 + i32 + (seL4_Word)i64 + u8 + u16 + u32 + (seL4_Word)u64));
    sink(node + pa + dom + pos + (seL4_Word)t + (seL4_Word)b + (seL4_Word)seL4_False + (np == 0));
    seL4_Error e = seL4_NoError;
    seL4_Syscall_ID sys = seL4_SysCall;
    seL4_ObjectType ot = seL4_UntypedObject;
    seL4_ModeObjectType mot = seL4_ARM_PageDirectoryObject;
    seL4_ArchObjectType aot = seL4_ARM_SmallPageObject;
    seL4_LookupFailureType lft = seL4_NoFailure;
    seL4_ARM_VMAttributes attr = seL4_ARM_Default_VMAttributes;
    seL4_ARM_CacheType ct = seL4_ARM_CacheID;
    seL4_TCBFlag tf = seL4_TCBFlag_fpuDisabled;
    seL4_Fault_tag_t ft = seL4_Fault_VMFault;
    seL4_CapFault_Msg cfm = seL4_CapFault_IP;
    seL4_UnknownSyscall_Msg usm = seL4_UnknownSyscall_R0;
    seL4_UserException_Msg uem = seL4_UserException_FaultIP;
    seL4_VMFault_Msg vfm = seL4_VMFault_IP;
    seL4_BootInfoID bid = SEL4_BOOTINFO_HEADER_FDT;
    enum seL4_RootCNodeCapSlots slot = seL4_CapInitThreadTCB;
    enum invocation_label il = UntypedRetype;
    enum sel4_arch_invocation_label sal = ARMPDClean_Data;
    enum arch_invocation_label al = ARMPageMap;
    enum priorityConstants pc = seL4_MaxPrio;
    sink((seL4_Word)e + (seL4_Word)sys + (seL4_Word)ot + (seL4_Word)mot + (seL4_Word)aot + (seL4_Word)lft);
    sink((seL4_Word)attr + (seL4_Word)ct + (seL4_Word)tf + (seL4_Word)ft + (seL4_Word)cfm + (seL4_Word)usm);
    sink((seL4_Word)uem + (seL4_Word)vfm + (seL4_Word)bid + (seL4_Word)slot + (seL4_Word)il + (seL4_Word)sal);
    sink((seL4_Word)al + (seL4_Word)pc);
    sink(seL4_ARM_PageCacheable | seL4_ARM_ParityEnabled | seL4_ARM_ExecuteNever | seL4_ARM_CacheI | seL4_ARM_CacheD);
    sink(seL4_SysDebugPutChar + seL4_SysDebugDumpScheduler + seL4_SysDebugHalt + seL4_SysDebugCapIdentify);
    sink(seL4_SysDebugSnapshot + seL4_SysDebugNameThread + seL4_SysReplyRecv + seL4_SysSend + seL4_SysNBSend);
    sink(seL4_SysRecv + seL4_SysReply + seL4_SysYield + seL4_SysNBRecv);
    sink(seL4_InvalidArgument + seL4_InvalidCapability + seL4_IllegalOperation + seL4_RangeError);
    sink(seL4_AlignmentError + seL4_FailedLookup + seL4_TruncatedMessage + seL4_DeleteFirst + seL4_RevokeFirst);
    sink(seL4_NotEnoughMemory + seL4_NumErrors);
    sink(seL4_TCBObject + seL4_EndpointObject + seL4_NotificationObject + seL4_CapTableObject);
    sink(seL4_ARM_LargePageObject + seL4_ARM_SectionObject + seL4_ARM_SuperSectionObject + seL4_ARM_PageTableObject);
    sink(seL4_ObjectTypeCount + seL4_ARM_VCPUObject + seL4_ARM_IOPageTableObject + seL4_AsyncEndpointObject);
    sink(seL4_NonArchObjectTypeCount + seL4_ModeObjectTypeCount);
    sink(seL4_InvalidRoot + seL4_MissingCapability + seL4_DepthMismatch + seL4_GuardMismatch);
    sink(seL4_TCBFlag_NoFlag + seL4_TCBFlag_MASK + seL4_MinPrio + (seL4_Word)seL4_InvalidPrio + seL4_NilData);
    sink(seL4_WordBits + seL4_WordSizeBits + seL4_MsgLengthBits + seL4_MsgExtraCapBits + seL4_MsgMaxLength);
    sink(seL4_MsgMaxExtraCaps + seL4_FastMessageRegisters + seL4_IPCBufferSizeBits + seL4_CapRightsBits);
    sink(seL4_BadgeBits + seL4_GuardBits + seL4_GuardSizeBits + seL4_UntypedRetypeMaxObjects + seL4_UserTop);
    sink(seL4_TCBBits + seL4_SlotBits + seL4_EndpointBits + seL4_NotificationBits + seL4_PageBits);
    sink(seL4_LargePageBits + seL4_SectionBits + seL4_SuperSectionBits + seL4_PageTableBits);
    sink(seL4_PageTableEntryBits + seL4_PageTableIndexBits + seL4_PageDirBits + seL4_PageDirEntryBits);
    sink(seL4_PageDirIndexBits + seL4_VSpaceBits + seL4_ASIDPoolBits + seL4_ASIDPoolIndexBits);
    sink(seL4_NumASIDPoolsBits + seL4_MinUntypedBits + seL4_MaxUntypedBits);
    sink(seL4_CapNull + seL4_CapInitThreadCNode + seL4_CapInitThreadVSpace + seL4_CapInitThreadPD);
    sink(seL4_CapIRQControl + seL4_CapASIDControl + seL4_CapInitThreadASIDPool + seL4_CapIOPortControl);
    sink(seL4_CapIOSpace + seL4_CapBootInfoFrame + seL4_CapInitThreadIPCBuffer + seL4_CapDomain);
    sink(seL4_CapSMMUSIDControl + seL4_CapSMMUCBControl + seL4_CapInitThreadSC + seL4_CapSMC + seL4_NumInitialCaps);
    sink(seL4_BootInfoFrameBits + seL4_BootInfoFrameSize + SEL4_BOOTINFO_HEADER_PADDING);
    sink(SEL4_BOOTINFO_HEADER_X86_VBE + SEL4_BOOTINFO_HEADER_X86_MBMMAP + SEL4_BOOTINFO_HEADER_X86_ACPI_RSDP);
    sink(SEL4_BOOTINFO_HEADER_X86_FRAMEBUFFER + SEL4_BOOTINFO_HEADER_X86_TSC_FREQ + SEL4_BOOTINFO_HEADER_NUM);
    sink(seL4_Fault_NullFault + seL4_Fault_CapFault + seL4_Fault_UnknownSyscall + seL4_Fault_UserException);
    sink(seL4_DataFault + seL4_InstructionFault);
    sink(seL4_CapFault_Addr + seL4_CapFault_InRecvPhase + seL4_CapFault_LookupFailureType + seL4_CapFault_BitsLeft);
    sink(seL4_CapFault_DepthMismatch_BitsFound + seL4_CapFault_GuardMismatch_GuardFound);
    sink(seL4_CapFault_GuardMismatch_BitsFound + seL4_UnknownSyscall_R1 + seL4_UnknownSyscall_R2);
    sink(seL4_UnknownSyscall_R3 + seL4_UnknownSyscall_R4 + seL4_UnknownSyscall_R5 + seL4_UnknownSyscall_R6);
    sink(seL4_UnknownSyscall_R7 + seL4_UnknownSyscall_FaultIP + seL4_UnknownSyscall_SP + seL4_UnknownSyscall_LR);
    sink(seL4_UnknownSyscall_CPSR + seL4_UnknownSyscall_Syscall + seL4_UnknownSyscall_Length);
    sink(seL4_UserException_SP + seL4_UserException_CPSR + seL4_UserException_Number + seL4_UserException_Code);
    sink(seL4_UserException_Length + seL4_VMFault_Addr + seL4_VMFault_PrefetchFault + seL4_VMFault_FSR);
    sink(seL4_VMFault_Length + SEL4_MAPPING_LOOKUP_LEVEL + SEL4_MAPPING_LOOKUP_NO_PT);
    sink(LIBSEL4_BIT(3) + CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS);
}

/* §4.1, §5: every accessor of the packed words. */
void use_packed_words(seL4_MessageInfo_t *mi, seL4_CapRights_t *cr, seL4_CNode_CapData_t *cd);
void use_packed_words(seL4_MessageInfo_t *mi, seL4_CapRights_t *cr, seL4_CNode_CapData_t *cd)
{
    seL4_MessageInfo_t m = seL4_MessageInfo_new(1, 2, 3, 4);
    m = seL4_MessageInfo_set_label(m, 5);
    m = seL4_MessageInfo_set_capsUnwrapped(m, 1);
    m = seL4_MessageInfo_set_extraCaps(m, 1);
    m = seL4_MessageInfo_set_length(m, 9);
    sink(seL4_MessageInfo_get_label(m) + seL4_MessageInfo_get_capsUnwrapped(m));
    sink(seL4_MessageInfo_get_extraCaps(m) + seL4_MessageInfo_get_length(m));
    seL4_MessageInfo_ptr_set_label(mi, 7);
    seL4_MessageInfo_ptr_set_capsUnwrapped(mi, 1);
    seL4_MessageInfo_ptr_set_extraCaps(mi, 2);
    seL4_MessageInfo_ptr_set_length(mi, 3);
    sink(seL4_MessageInfo_ptr_get_label(mi) + seL4_MessageInfo_ptr_get_capsUnwrapped(mi));
    sink(seL4_MessageInfo_ptr_get_extraCaps(mi) + seL4_MessageInfo_ptr_get_length(mi));

    seL4_CapRights_t r = seL4_CapRights_new(1, 0, 1, 0);
    r = seL4_CapRights_set_capAllowGrantReply(r, 0);
    r = seL4_CapRights_set_capAllowGrant(r, 1);
    r = seL4_CapRights_set_capAllowRead(r, 1);
    r = seL4_CapRights_set_capAllowWrite(r, 1);
    *cr = r;
    sink(seL4_CapRights_get_capAllowGrantReply(r) + seL4_CapRights_get_capAllowGrant(r));
    sink(seL4_CapRights_get_capAllowRead(r) + seL4_CapRights_get_capAllowWrite(r));

    seL4_CNode_CapData_t d = seL4_CNode_CapData_new(3, 20);
    d = seL4_CNode_CapData_set_guard(d, 1);
    d = seL4_CNode_CapData_set_guardSize(d, 12);
    *cd = d;
    sink(seL4_CNode_CapData_get_guard(d) + seL4_CNode_CapData_get_guardSize(d));
}

/* §4.3: IPC buffer accessors. */
void use_ipc_buffer(seL4_IPCBuffer *buf);
void use_ipc_buffer(seL4_IPCBuffer *buf)
{
    seL4_SetIPCBuffer(buf);
    seL4_IPCBuffer *p = seL4_GetIPCBuffer();
    sink(p->tag.words[0] + p->userData + p->receiveCNode + p->receiveIndex + p->receiveDepth);
    seL4_SetMR(5, 6);
    sink(seL4_GetMR(5));
    seL4_SetUserData(1);
    sink(seL4_GetUserData());
    seL4_SetCap(0, 10);
    sink(seL4_GetCap(0) + seL4_GetBadge(0));
    seL4_SetCapReceivePath(seL4_CapInitThreadCNode, 100, seL4_WordBits);
    seL4_CPtr cn, idx;
    seL4_Word depth;
    seL4_GetCapReceivePath(&cn, &idx, &depth);
    seL4_GetCapReceivePath(seL4_Null, seL4_Null, seL4_Null);
    sink(cn + idx + depth + p->caps_or_badges[0] + p->msg[0]);
    sink(seL4_MappingFailedLookupLevel());
}

/* §10: boot info. */
void use_bootinfo(seL4_BootInfo *bi);
void use_bootinfo(seL4_BootInfo *bi)
{
    seL4_InitBootInfo(bi);
    seL4_BootInfo *b = seL4_GetBootInfo();
    seL4_SlotRegion r = b->empty;
    seL4_UntypedDesc u = b->untypedList[0];
    seL4_BootInfoHeader h = { SEL4_BOOTINFO_HEADER_FDT, sizeof(seL4_BootInfoHeader) };
    sink(b->extraLen + b->nodeID + b->numNodes + b->numIOPTLevels + (seL4_Word)(b->ipcBuffer != 0));
    sink(r.start + r.end + b->sharedFrames.end + b->userImageFrames.end + b->userImagePaging.end);
    sink(b->ioSpaceCaps.end + b->extraBIPages.end + b->initThreadCNodeSizeBits + b->initThreadDomain);
    sink(b->untyped.start + u.paddr + u.sizeBits + u.isDevice + u.padding[0] + h.id + h.len);
}

/* §9: fault helpers. */
void use_faults(seL4_MessageInfo_t tag);
void use_faults(seL4_MessageInfo_t tag)
{
    seL4_Fault_t f = seL4_getFault(tag);
    sink(seL4_Fault_get_seL4_FaultType(f) + seL4_Fault_ptr_get_seL4_FaultType(&f));
    sink((seL4_Word)seL4_isNullFault_tag(tag) + (seL4_Word)seL4_isCapFault_tag(tag));
    sink((seL4_Word)seL4_isUnknownSyscall_tag(tag) + (seL4_Word)seL4_isUserException_tag(tag));
    sink((seL4_Word)seL4_isVMFault_tag(tag));
    f = seL4_Fault_NullFault_new();
    f = seL4_Fault_CapFault_new(1, 2, 3, 4, 5, 6, 7);
    sink(seL4_Fault_CapFault_get_IP(f) + seL4_Fault_CapFault_get_Addr(f) + seL4_Fault_CapFault_get_InRecvPhase(f));
    sink(seL4_Fault_CapFault_get_LookupFailureType(f) + seL4_Fault_CapFault_get_MR4(f));
    sink(seL4_Fault_CapFault_get_MR5(f) + seL4_Fault_CapFault_get_MR6(f));
    f = seL4_Fault_UnknownSyscall_new(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    sink(seL4_Fault_UnknownSyscall_get_R0(f) + seL4_Fault_UnknownSyscall_get_R1(f));
    sink(seL4_Fault_UnknownSyscall_get_R2(f) + seL4_Fault_UnknownSyscall_get_R3(f));
    sink(seL4_Fault_UnknownSyscall_get_R4(f) + seL4_Fault_UnknownSyscall_get_R5(f));
    sink(seL4_Fault_UnknownSyscall_get_R6(f) + seL4_Fault_UnknownSyscall_get_R7(f));
    sink(seL4_Fault_UnknownSyscall_get_FaultIP(f) + seL4_Fault_UnknownSyscall_get_SP(f));
    sink(seL4_Fault_UnknownSyscall_get_LR(f) + seL4_Fault_UnknownSyscall_get_CPSR(f));
    sink(seL4_Fault_UnknownSyscall_get_Syscall(f));
    f = seL4_Fault_UserException_new(1, 2, 3, 4, 5);
    sink(seL4_Fault_UserException_get_FaultIP(f) + seL4_Fault_UserException_get_Stack(f));
    sink(seL4_Fault_UserException_get_CPSR(f) + seL4_Fault_UserException_get_Number(f));
    sink(seL4_Fault_UserException_get_Code(f));
    f = seL4_Fault_VMFault_new(1, 2, 1, 4);
    sink(seL4_Fault_VMFault_get_IP(f) + seL4_Fault_VMFault_get_Addr(f));
    sink(seL4_Fault_VMFault_get_PrefetchFault(f) + seL4_Fault_VMFault_get_FSR(f));
}

/* §3.3-3.4: every system-call wrapper, with seL4's exact parameter types. */
void use_syscalls(seL4_CPtr ep, seL4_MessageInfo_t info);
void use_syscalls(seL4_CPtr ep, seL4_MessageInfo_t info)
{
    seL4_Word badge, m0 = 1, m1 = 2, m2 = 3, m3 = 4;
    seL4_Send(ep, info);
    seL4_NBSend(ep, info);
    seL4_SendWithMRs(ep, info, &m0, &m1, &m2, &m3);
    seL4_NBSendWithMRs(ep, info, &m0, seL4_Null, seL4_Null, seL4_Null);
    info = seL4_Call(ep, info);
    info = seL4_CallWithMRs(ep, info, &m0, &m1, &m2, &m3);
    info = seL4_Recv(ep, &badge);
    info = seL4_Recv(ep, seL4_Null);
    info = seL4_RecvWithMRs(ep, &badge, &m0, &m1, &m2, &m3);
    info = seL4_NBRecv(ep, &badge);
    seL4_Reply(info);
    seL4_ReplyWithMRs(info, &m0, &m1, &m2, &m3);
    info = seL4_ReplyRecv(ep, info, &badge);
    info = seL4_ReplyRecvWithMRs(ep, info, &badge, &m0, &m1, &m2, &m3);
    seL4_Yield();
    seL4_Signal(ep);
    seL4_Wait(ep, &badge);
    info = seL4_Poll(ep, &badge);
    sink(badge + m0 + m1 + m2 + m3 + info.words[0]);

    char name[] = "hello";
    seL4_DebugPutChar('x');
    seL4_DebugPutString(name);
    seL4_DebugDumpScheduler();
    sink(seL4_DebugCapIdentify(seL4_CapInitThreadTCB));
    seL4_DebugSnapshot();
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "root");
    seL4_DebugHalt();
}

/* §8: every invocation stub, with seL4's exact signatures (checked by assignment). */
void use_invocations(seL4_UserContext *regs);
void use_invocations(seL4_UserContext *regs)
{
    seL4_Error (*retype)(seL4_Untyped, seL4_Word, seL4_Word, seL4_CNode, seL4_Word, seL4_Word, seL4_Word,
                         seL4_Word) = seL4_Untyped_Retype;
    seL4_Error (*readregs)(seL4_TCB, seL4_Bool, seL4_Uint8, seL4_Word, seL4_UserContext *) = seL4_TCB_ReadRegisters;
    seL4_Error (*writeregs)(seL4_TCB, seL4_Bool, seL4_Uint8, seL4_Word, seL4_UserContext *) =
        seL4_TCB_WriteRegisters;
    seL4_Error (*copyregs)(seL4_TCB, seL4_TCB, seL4_Bool, seL4_Bool, seL4_Bool, seL4_Bool, seL4_Uint8) =
        seL4_TCB_CopyRegisters;
    seL4_Error (*configure)(seL4_TCB, seL4_Word, seL4_CNode, seL4_Word, seL4_CPtr, seL4_Word, seL4_Word,
                            seL4_CPtr) = seL4_TCB_Configure;
    seL4_Error (*setprio)(seL4_TCB, seL4_TCB, seL4_Word) = seL4_TCB_SetPriority;
    seL4_Error (*setmcp)(seL4_TCB, seL4_TCB, seL4_Word) = seL4_TCB_SetMCPriority;
    seL4_Error (*setsched)(seL4_TCB, seL4_TCB, seL4_Word, seL4_Word) = seL4_TCB_SetSchedParams;
    seL4_Error (*setipc)(seL4_TCB, seL4_Word, seL4_CPtr) = seL4_TCB_SetIPCBuffer;
    seL4_Error (*setspace)(seL4_TCB, seL4_Word, seL4_CNode, seL4_Word, seL4_CPtr, seL4_Word) = seL4_TCB_SetSpace;
    seL4_Error (*suspend)(seL4_TCB) = seL4_TCB_Suspend;
    seL4_Error (*resume)(seL4_TCB) = seL4_TCB_Resume;
    seL4_Error (*bind)(seL4_TCB, seL4_CPtr) = seL4_TCB_BindNotification;
    seL4_Error (*unbind)(seL4_TCB) = seL4_TCB_UnbindNotification;
    seL4_Error (*tls)(seL4_TCB, seL4_Word) = seL4_TCB_SetTLSBase;
    seL4_TCB_SetFlags_t (*setflags)(seL4_TCB, seL4_Word, seL4_Word) = seL4_TCB_SetFlags;
    seL4_Error (*revoke)(seL4_CNode, seL4_Word, seL4_Uint8) = seL4_CNode_Revoke;
    seL4_Error (*del)(seL4_CNode, seL4_Word, seL4_Uint8) = seL4_CNode_Delete;
    seL4_Error (*cancel)(seL4_CNode, seL4_Word, seL4_Uint8) = seL4_CNode_CancelBadgedSends;
    seL4_Error (*copy)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_CNode, seL4_Word, seL4_Uint8, seL4_CapRights_t) =
        seL4_CNode_Copy;
    seL4_Error (*mint)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_CNode, seL4_Word, seL4_Uint8, seL4_CapRights_t,
                       seL4_Word) = seL4_CNode_Mint;
    seL4_Error (*move)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_CNode, seL4_Word, seL4_Uint8) = seL4_CNode_Move;
    seL4_Error (*mutate)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_CNode, seL4_Word, seL4_Uint8, seL4_Word) =
        seL4_CNode_Mutate;
    seL4_Error (*rotate)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_Word, seL4_CNode, seL4_Word, seL4_Uint8,
                         seL4_Word, seL4_CNode, seL4_Word, seL4_Uint8) = seL4_CNode_Rotate;
    seL4_Error (*savecaller)(seL4_CNode, seL4_Word, seL4_Uint8) = seL4_CNode_SaveCaller;
    seL4_Error (*irqget)(seL4_IRQControl, seL4_Word, seL4_CNode, seL4_Word, seL4_Uint8) = seL4_IRQControl_Get;
    seL4_Error (*irqtrig)(seL4_IRQControl, seL4_Word, seL4_Word, seL4_CNode, seL4_Word, seL4_Uint8) =
        seL4_IRQControl_GetTrigger;
    seL4_Error (*ack)(seL4_IRQHandler) = seL4_IRQHandler_Ack;
    seL4_Error (*setntfn)(seL4_IRQHandler, seL4_CPtr) = seL4_IRQHandler_SetNotification;
    seL4_Error (*clear)(seL4_IRQHandler) = seL4_IRQHandler_Clear;
    seL4_Error (*domset)(seL4_DomainSet, seL4_Uint8, seL4_TCB) = seL4_DomainSet_Set;
    seL4_Error (*pdclean)(seL4_ARM_PageDirectory, seL4_Word, seL4_Word) = seL4_ARM_PageDirectory_Clean_Data;
    seL4_Error (*pdinv)(seL4_ARM_PageDirectory, seL4_Word, seL4_Word) = seL4_ARM_PageDirectory_Invalidate_Data;
    seL4_Error (*pdcinv)(seL4_ARM_PageDirectory, seL4_Word, seL4_Word) =
        seL4_ARM_PageDirectory_CleanInvalidate_Data;
    seL4_Error (*pdunify)(seL4_ARM_PageDirectory, seL4_Word, seL4_Word) = seL4_ARM_PageDirectory_Unify_Instruction;
    seL4_Error (*ptmap)(seL4_ARM_PageTable, seL4_CPtr, seL4_Word, seL4_ARM_VMAttributes) = seL4_ARM_PageTable_Map;
    seL4_Error (*ptunmap)(seL4_ARM_PageTable) = seL4_ARM_PageTable_Unmap;
    seL4_Error (*pmap)(seL4_ARM_Page, seL4_CPtr, seL4_Word, seL4_CapRights_t, seL4_ARM_VMAttributes) =
        seL4_ARM_Page_Map;
    seL4_Error (*punmap)(seL4_ARM_Page) = seL4_ARM_Page_Unmap;
    seL4_Error (*pclean)(seL4_ARM_Page, seL4_Word, seL4_Word) = seL4_ARM_Page_Clean_Data;
    seL4_Error (*pinv)(seL4_ARM_Page, seL4_Word, seL4_Word) = seL4_ARM_Page_Invalidate_Data;
    seL4_Error (*pcinv)(seL4_ARM_Page, seL4_Word, seL4_Word) = seL4_ARM_Page_CleanInvalidate_Data;
    seL4_Error (*punify)(seL4_ARM_Page, seL4_Word, seL4_Word) = seL4_ARM_Page_Unify_Instruction;
    seL4_ARM_Page_GetAddress_t (*getaddr)(seL4_ARM_Page) = seL4_ARM_Page_GetAddress;
    seL4_Error (*makepool)(seL4_ARM_ASIDControl, seL4_Untyped, seL4_CNode, seL4_Word, seL4_Uint8) =
        seL4_ARM_ASIDControl_MakePool;
    seL4_Error (*assign)(seL4_ARM_ASIDPool, seL4_CPtr) = seL4_ARM_ASIDPool_Assign;

    /* And call them, so their bodies are compiled for the target too. */
    seL4_Word acc = 0;
    acc += retype(1, seL4_TCBObject, 0, 2, 0, 0, 20, 1);
    acc += readregs(1, seL4_True, 0, 19, regs);
    acc += writeregs(1, seL4_False, 0, 19, regs);
    acc += copyregs(1, 2, seL4_True, seL4_True, seL4_True, seL4_True, 0);
    acc += configure(1, 0, 2, 0, 3, 0, 0x1000, 10);
    acc += setprio(1, 1, 100) + setmcp(1, 1, 100) + setsched(1, 1, 100, 100);
    acc += setipc(1, 0x1000, 10) + setspace(1, 0, 2, 0, 3, 0);
    acc += suspend(1) + resume(1) + bind(1, 5) + unbind(1) + tls(1, 0);
    seL4_TCB_SetFlags_t sf = setflags(1, 0, seL4_TCBFlag_fpuDisabled);
    acc += (seL4_Word)sf.error + sf.flags;
    acc += revoke(2, 20, 32) + del(2, 20, 32) + cancel(2, 20, 32);
    acc += copy(2, 21, 32, 2, 20, 32, seL4_AllRights);
    acc += mint(2, 21, 32, 2, 20, 32, seL4_CanRead, 7);
    acc += move(2, 21, 32, 2, 20, 32) + mutate(2, 21, 32, 2, 20, 32, 0);
    acc += rotate(2, 21, 32, 1, 2, 22, 32, 2, 2, 20, 32) + savecaller(2, 23, 32);
    acc += irqget(4, 27, 2, 24, 32) + irqtrig(4, 27, 1, 2, 24, 32);
    acc += ack(24) + setntfn(24, 5) + clear(24) + domset(11, 0, 1);
    acc += pdclean(3, 0, 4096) + pdinv(3, 0, 4096) + pdcinv(3, 0, 4096) + pdunify(3, 0, 4096);
    acc += ptmap(30, 3, 0x10000000, seL4_ARM_Default_VMAttributes) + ptunmap(30);
    acc += pmap(31, 3, 0x10000000, seL4_ReadWrite, seL4_ARM_Default_VMAttributes) + punmap(31);
    acc += pclean(31, 0, 64) + pinv(31, 0, 64) + pcinv(31, 0, 64) + punify(31, 0, 64);
    seL4_ARM_Page_GetAddress_t ga = getaddr(31);
    acc += (seL4_Word)ga.error + ga.paddr;
    acc += makepool(5, 40, 2, 41, 32) + assign(6, 3);
    sink(acc);

    /* Direct calls too (the usual way programs spell them). */
    sink(seL4_Untyped_Retype(1, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, 0, 0, 20, 1));
    sink(seL4_CNode_Copy(seL4_CapInitThreadCNode, 21, seL4_WordBits, seL4_CapInitThreadCNode, 20, seL4_WordBits,
                         seL4_AllRights));
    sink(seL4_TCB_Configure(1, 0, seL4_CapInitThreadCNode,
                            seL4_CNode_CapData_new(0, seL4_WordBits - CONFIG_ROOT_CNODE_SIZE_BITS).words[0],
                            seL4_CapInitThreadVSpace, seL4_NilData, 0, seL4_CapNull));
    sink(seL4_ARM_Page_GetAddress(31).paddr);
}

/* The word format macros must match seL4_Word's type: -Wformat (in -Wall) checks them. */
int snprintf(char *buf, unsigned long size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void use_word_formats(char *buf, seL4_Word w);
void use_word_formats(char *buf, seL4_Word w)
{
    snprintf(buf, 64, "%" SEL4_PRIu_word " %" SEL4_PRIx_word " %" SEL4_PRIX_word " %" SEL4_PRIo_word,
             w, w, w, w);
    snprintf(buf, 64, "%" SEL4_PRId_word " %" SEL4_PRIi_word, (int)w, (int)w);
}
