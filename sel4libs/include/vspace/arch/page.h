/*
 * sel4libs/include/vspace/arch/page.h - seL4's architecture-neutral names for
 * mapping calls and page objects (seL4_ARCH_*), here all ARM's. Partner: ../vspace.h.
 */
#ifndef SEL4LIBS_VSPACE_ARCH_PAGE_H
#define SEL4LIBS_VSPACE_ARCH_PAGE_H

#include <sel4/sel4.h>

#define seL4_ARCH_Page_Map seL4_ARM_Page_Map
#define seL4_ARCH_Page_Unmap seL4_ARM_Page_Unmap
#define seL4_ARCH_Page_GetAddress seL4_ARM_Page_GetAddress
#define seL4_ARCH_Page_GetAddress_t seL4_ARM_Page_GetAddress_t
#define seL4_ARCH_PageTable_Map seL4_ARM_PageTable_Map
#define seL4_ARCH_PageTable_Unmap seL4_ARM_PageTable_Unmap
#define seL4_ARCH_ASIDPool_Assign seL4_ARM_ASIDPool_Assign
#define seL4_ARCH_VMAttributes seL4_ARM_VMAttributes
#define seL4_ARCH_Default_VMAttributes seL4_ARM_Default_VMAttributes
#define seL4_ARCH_Uncached_VMAttributes ((seL4_ARM_VMAttributes)0)
#define seL4_ARCH_4KPage seL4_ARM_SmallPageObject
#define seL4_ARCH_LargePageObject seL4_ARM_LargePageObject
#define seL4_ARCH_PageTableObject seL4_ARM_PageTableObject
#define seL4_ARCH_VSpaceObject seL4_ARM_PageDirectoryObject

#endif
