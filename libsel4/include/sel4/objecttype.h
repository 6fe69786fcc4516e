/*
 * sel4/objecttype.h — object types accepted by Untyped_Retype (spec §6):
 * the generic types, then the AArch32 "mode" type (page directory), then the
 * ARM types, numbered on from one another exactly as seL4 chains its three enums.
 * Pure C. Partners: constants.h (sizes), invocations.h (Untyped_Retype).
 */
#ifndef SEL4_OBJECTTYPE_H
#define SEL4_OBJECTTYPE_H

#include <sel4/macros.h>
#include <sel4/types.h>

/* Architecture-independent objects. */
typedef enum api_object {
    seL4_UntypedObject      = 0,
    seL4_TCBObject          = 1,
    seL4_EndpointObject     = 2,
    seL4_NotificationObject = 3,
    seL4_CapTableObject     = 4,
    seL4_NonArchObjectTypeCount,
    SEL4_FORCE_LONG_ENUM(api_object),
} seL4_ObjectType;

/* Mode (AArch32) objects: the top-level paging structure. */
typedef enum _mode_object {
    seL4_ARM_PageDirectoryObject = seL4_NonArchObjectTypeCount,
    seL4_ModeObjectTypeCount,
    SEL4_FORCE_LONG_ENUM(_mode_object),
} seL4_ModeObjectType;

/* ARM objects. No hypervisor and no SMMU, so VCPU/IOPageTable are placeholders. */
typedef enum _object {
    seL4_ARM_SmallPageObject = seL4_ModeObjectTypeCount,
    seL4_ARM_LargePageObject,
    seL4_ARM_SectionObject,
    seL4_ARM_SuperSectionObject,
    seL4_ARM_PageTableObject,
    seL4_ObjectTypeCount,
    /* Out-of-range values so code naming them compiles but Retype rejects them. */
    seL4_ARM_VCPUObject        = 0xFFFE,
    seL4_ARM_IOPageTableObject = 0xFFFF,
    SEL4_FORCE_LONG_ENUM(_object),
} seL4_ArchObjectType;

/* seL4's ARM name for an object-type value held in a word. */
typedef seL4_Word object_t;

/* Pre-"notification" name of the same object type. */
#define seL4_AsyncEndpointObject seL4_NotificationObject

#endif /* SEL4_OBJECTTYPE_H */
