/*
 * sel4/constants.h — numeric constants of the user API: word and message sizes,
 * rights/badge/guard widths, priorities, object sizes, seL4_UserTop, the lookup
 * failure types, TCB flags and the root CNode's fixed slots (spec §2.3, §6, §8.3,
 * §10.1). Pure C. Partners: types.h, objecttype.h, bootinfo.h, messageinfo.h.
 * Size constants are #defines (usable in #if); named sets are enums.
 */
#ifndef SEL4_CONSTANTS_H
#define SEL4_CONSTANTS_H

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/types.h>

/* --- Words ------------------------------------------------------------- */
#define seL4_WordBits     32
#define seL4_WordSizeBits 2

/* --- Messages (spec §4) ------------------------------------------------ */
#define seL4_MsgLengthBits        7
#define seL4_MsgExtraCapBits      2
#define seL4_MsgMaxLength         120
#define seL4_MsgMaxExtraCaps      (LIBSEL4_BIT(seL4_MsgExtraCapBits) - 1)
/* MR0..MR3 travel in r2..r5; only the rest goes through the IPC buffer. */
#define seL4_FastMessageRegisters 4
#define seL4_IPCBufferSizeBits    9

/* --- Capability data widths (spec §5) ---------------------------------- */
#define seL4_CapRightsBits 4
#define seL4_BadgeBits     28
#define seL4_GuardBits     18
#define seL4_GuardSizeBits 5
#define seL4_NilData       0

/*
 * Numbat helper (not in seL4): the kernel keeps only the low seL4_BadgeBits of a
 * badge given to CNode_Mint (spec §5.2). Shared here so that the kernel and the
 * tests compute the truncation from the same mask.
 */
#define NUMBAT_BADGE_MASK ((seL4_Word)(LIBSEL4_BIT(seL4_BadgeBits) - 1u))
static inline seL4_Word numbat_badge_truncate(seL4_Word badge)
{
    return badge & NUMBAT_BADGE_MASK;
}

/* --- Priorities ---------------------------------------------------------- */
enum priorityConstants {
    seL4_InvalidPrio = -1,
    seL4_MinPrio     = 0,
    seL4_MaxPrio     = CONFIG_NUM_PRIORITIES - 1,
    SEL4_FORCE_LONG_ENUM(priorityConstants),
};

/* --- Untyped / retype ---------------------------------------------------- */
#define seL4_UntypedRetypeMaxObjects CONFIG_RETYPE_FAN_OUT_LIMIT
#define seL4_MinUntypedBits          4
#define seL4_MaxUntypedBits          29

/* --- Object sizes, log2 bytes (spec §6) -------------------------------- */
/* 10 = TCB with FPU context switching, our configuration. */
#define seL4_TCBBits            10
#define seL4_SlotBits           4
#define seL4_EndpointBits       4
#define seL4_NotificationBits   4
#define seL4_PageBits           12
#define seL4_LargePageBits      16
#define seL4_SectionBits        20
#define seL4_SuperSectionBits   24
#define seL4_PageTableEntryBits 2
#define seL4_PageTableIndexBits 8
#define seL4_PageTableBits      (seL4_PageTableEntryBits + seL4_PageTableIndexBits)
#define seL4_PageDirEntryBits   2
#define seL4_PageDirIndexBits   12
#define seL4_PageDirBits        (seL4_PageDirEntryBits + seL4_PageDirIndexBits)
#define seL4_VSpaceBits         seL4_PageDirBits
#define seL4_ASIDPoolIndexBits  10
#define seL4_ASIDPoolBits       12
#define seL4_NumASIDPoolsBits   7

/* First address user mappings may not reach (spec §2.3; vexpress-a15 value). */
#define seL4_UserTop 0xE0000000u

/* --- Page_Map lookup failure (spec §8.7) --------------------------------- */
/* Reply MR holding "bits left" when a 4K/64K page finds no page table. */
#define SEL4_MAPPING_LOOKUP_LEVEL 2
/* Its value in that case: the 20 low VA bits that a page table would have resolved. */
#define SEL4_MAPPING_LOOKUP_NO_PT 20

/* --- Capability lookup failures (spec §2.3, §9.2) ------------------------ */
typedef enum {
    seL4_NoFailure         = 0,
    seL4_InvalidRoot       = 1,
    seL4_MissingCapability = 2,
    seL4_DepthMismatch     = 3,
    seL4_GuardMismatch     = 4,
    SEL4_FORCE_LONG_ENUM(seL4_LookupFailureType),
} seL4_LookupFailureType;

/* --- TCB_SetFlags (spec §8.3, optional) -------------------------------- */
typedef enum {
    seL4_TCBFlag_NoFlag      = 0x0,
    seL4_TCBFlag_fpuDisabled = 0x1,
    seL4_TCBFlag_MASK        = 0x1,
    SEL4_FORCE_LONG_ENUM(seL4_TCBFlag),
} seL4_TCBFlag;

/* --- Root task's CNode (spec §10.1) -------------------------------------- */
enum seL4_RootCNodeCapSlots {
    seL4_CapNull                = 0,
    seL4_CapInitThreadTCB       = 1,
    seL4_CapInitThreadCNode     = 2,
    seL4_CapInitThreadVSpace    = 3,
    seL4_CapIRQControl          = 4,
    seL4_CapASIDControl         = 5,
    seL4_CapInitThreadASIDPool  = 6,
    seL4_CapIOPortControl       = 7,  /* null on ARM */
    seL4_CapIOSpace             = 8,  /* null: no IOMMU */
    seL4_CapBootInfoFrame       = 9,
    seL4_CapInitThreadIPCBuffer = 10,
    seL4_CapDomain              = 11,
    seL4_CapSMMUSIDControl      = 12, /* null */
    seL4_CapSMMUCBControl       = 13, /* null */
    seL4_CapInitThreadSC        = 14, /* null: non-MCS */
    seL4_CapSMC                 = 15, /* null */
    seL4_NumInitialCaps         = 16,
    SEL4_FORCE_LONG_ENUM(seL4_RootCNodeCapSlots),
};

/* Older name for the root VSpace slot; AArch32 programs still use it. */
#define seL4_CapInitThreadPD seL4_CapInitThreadVSpace

#endif /* SEL4_CONSTANTS_H */
