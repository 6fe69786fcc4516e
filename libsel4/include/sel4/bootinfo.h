/*
 * sel4/bootinfo.h — what the kernel hands the root task (spec §10): the
 * seL4_BootInfo frame whose address arrives in r0, its slot regions and untyped
 * descriptors, and the extra-bootinfo chunk headers. Pure C. Partners:
 * ../../src/bootinfo.c (seL4_InitBootInfo/seL4_GetBootInfo), constants.h (the
 * root CNode slots), ipcbuffer.h (bi->ipcBuffer).
 */
#ifndef SEL4_BOOTINFO_H
#define SEL4_BOOTINFO_H

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/ipcbuffer.h>

/* The bootinfo structure occupies exactly one small page. */
#define seL4_BootInfoFrameBits seL4_PageBits
#define seL4_BootInfoFrameSize LIBSEL4_BIT(seL4_BootInfoFrameBits)

/* Slots start .. end-1 of the root CNode. */
typedef struct seL4_SlotRegion {
    seL4_SlotPos start;
    seL4_SlotPos end;
} seL4_SlotRegion;

typedef struct seL4_UntypedDesc {
    seL4_Word  paddr;      /* physical base of the region */
    seL4_Uint8 sizeBits;   /* region is 2^sizeBits bytes */
    seL4_Uint8 isDevice;   /* 1: device memory, frames/untypeds only */
    seL4_Uint8 padding[sizeof(seL4_Word) - 2 * sizeof(seL4_Uint8)];
} seL4_UntypedDesc;

typedef struct seL4_BootInfo {
    seL4_Word        extraLen;                /* bytes of extra bootinfo after this frame */
    seL4_NodeId      nodeID;                  /* 0: single core */
    seL4_Word        numNodes;                /* 1 */
    seL4_Word        numIOPTLevels;           /* 0: no IOMMU */
    seL4_IPCBuffer  *ipcBuffer;               /* root task's IPC buffer */
    seL4_SlotRegion  empty;                   /* free slots of the root CNode */
    seL4_SlotRegion  sharedFrames;            /* always empty here */
    seL4_SlotRegion  userImageFrames;         /* image frames, in address order */
    seL4_SlotRegion  userImagePaging;         /* image page tables */
    seL4_SlotRegion  ioSpaceCaps;             /* always empty here */
    seL4_SlotRegion  extraBIPages;            /* frames holding extra bootinfo */
    seL4_Word        initThreadCNodeSizeBits; /* root CNode radix */
    seL4_Domain      initThreadDomain;        /* 0 */
    seL4_SlotRegion  untyped;                 /* untyped caps */
    /* untypedList[i] describes slot untyped.start + i */
    seL4_UntypedDesc untypedList[CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS];
} seL4_BootInfo;

/* Header of each extra-bootinfo chunk; len includes the header itself. */
typedef struct seL4_BootInfoHeader {
    seL4_Word id;
    seL4_Word len;
} seL4_BootInfoHeader;

typedef enum {
    SEL4_BOOTINFO_HEADER_PADDING         = 0,
    SEL4_BOOTINFO_HEADER_X86_VBE         = 1,
    SEL4_BOOTINFO_HEADER_X86_MBMMAP      = 2,
    SEL4_BOOTINFO_HEADER_X86_ACPI_RSDP   = 3,
    SEL4_BOOTINFO_HEADER_X86_FRAMEBUFFER = 4,
    SEL4_BOOTINFO_HEADER_X86_TSC_FREQ    = 5,
    SEL4_BOOTINFO_HEADER_FDT             = 6,
    SEL4_BOOTINFO_HEADER_NUM,
    SEL4_FORCE_LONG_ENUM(seL4_BootInfoID),
} seL4_BootInfoID;

/* Layout checks that hold on every compiler. */
SEL4_COMPILE_ASSERT(untypeddesc_is_two_words, sizeof(seL4_UntypedDesc) == 2 * sizeof(seL4_Word));
SEL4_COMPILE_ASSERT(slotregion_is_two_words, sizeof(seL4_SlotRegion) == 2 * sizeof(seL4_Word));
SEL4_COMPILE_ASSERT(bootinfo_fits_its_frame, sizeof(seL4_BootInfo) <= seL4_BootInfoFrameSize);

/*
 * Byte offsets of spec §10.2. They assume 4-byte pointers (ipcBuffer is one), so
 * they are checked only on the 32-bit target, not in 64-bit host unit tests.
 */
#if __SIZEOF_POINTER__ == 4
#define SEL4_BOOTINFO_CHECK_OFFSET(field, off) \
    SEL4_COMPILE_ASSERT(bootinfo_##field##_at_##off, SEL4_OFFSETOF(seL4_BootInfo, field) == (off))
SEL4_BOOTINFO_CHECK_OFFSET(extraLen, 0);
SEL4_BOOTINFO_CHECK_OFFSET(nodeID, 4);
SEL4_BOOTINFO_CHECK_OFFSET(numNodes, 8);
SEL4_BOOTINFO_CHECK_OFFSET(numIOPTLevels, 12);
SEL4_BOOTINFO_CHECK_OFFSET(ipcBuffer, 16);
SEL4_BOOTINFO_CHECK_OFFSET(empty, 20);
SEL4_BOOTINFO_CHECK_OFFSET(sharedFrames, 28);
SEL4_BOOTINFO_CHECK_OFFSET(userImageFrames, 36);
SEL4_BOOTINFO_CHECK_OFFSET(userImagePaging, 44);
SEL4_BOOTINFO_CHECK_OFFSET(ioSpaceCaps, 52);
SEL4_BOOTINFO_CHECK_OFFSET(extraBIPages, 60);
SEL4_BOOTINFO_CHECK_OFFSET(initThreadCNodeSizeBits, 68);
SEL4_BOOTINFO_CHECK_OFFSET(initThreadDomain, 72);
SEL4_BOOTINFO_CHECK_OFFSET(untyped, 76);
SEL4_BOOTINFO_CHECK_OFFSET(untypedList, 84);
SEL4_COMPILE_ASSERT(bootinfo_size, sizeof(seL4_BootInfo) == 84 + 8 * CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS);
#endif

/*
 * Deprecated seL4 helpers that merely remember the pointer the root task got in
 * r0. Defined in libsel4/src/bootinfo.c (a global cannot live in a header).
 * Not marked with a deprecated attribute: a warning would break programs built
 * with -Werror, and "compiles unchanged" is the point of this library.
 */
void seL4_InitBootInfo(seL4_BootInfo *bi);
seL4_BootInfo *seL4_GetBootInfo(void);

#endif /* SEL4_BOOTINFO_H */
