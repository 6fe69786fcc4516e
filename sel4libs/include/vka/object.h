/*
 * sel4libs/include/vka/object.h - kernel objects through a VKA: a slot and an
 * object retyped into it, described by a vka_object_t (its cap, type and size).
 * One helper per object type, as seL4's libsel4vka has. Each returns 0 on success,
 * else an seL4_Error (NotEnoughMemory when slots or untyped memory ran out), and
 * leaves *result zeroed on failure. Partners: vka.h, object_capops.h.
 */
#ifndef SEL4LIBS_VKA_OBJECT_H
#define SEL4LIBS_VKA_OBJECT_H

#include <string.h>

#include <sel4/sel4.h>
#include <vka/vka.h>

typedef struct vka_object {
    seL4_CPtr cptr;      /* the cap to the object, in the allocator's CSpace */
    seL4_Word ut;        /* the allocator's cookie for it */
    seL4_Word type;      /* its seL4 object type */
    seL4_Word size_bits; /* its size (log2 bytes), for types whose size varies */
} vka_object_t;

/* log2 of the bytes an object of `type` takes (objSizeBits for the sized ones). */
static inline seL4_Word vka_get_object_size(seL4_Word type, seL4_Word objSizeBits)
{
    switch (type) {
    case seL4_UntypedObject: return objSizeBits;
    case seL4_TCBObject: return seL4_TCBBits;
    case seL4_EndpointObject: return seL4_EndpointBits;
    case seL4_NotificationObject: return seL4_NotificationBits;
    case seL4_CapTableObject: return seL4_SlotBits + objSizeBits;
    case seL4_ARM_SmallPageObject: return seL4_PageBits;
    case seL4_ARM_LargePageObject: return seL4_LargePageBits;
    case seL4_ARM_SectionObject: return seL4_SectionBits;
    case seL4_ARM_SuperSectionObject: return seL4_SuperSectionBits;
    case seL4_ARM_PageTableObject: return seL4_PageTableBits;
    case seL4_ARM_PageDirectoryObject: return seL4_PageDirBits;
    default: return 0;
    }
}

/* The frame type of 2^size_bits bytes, or (seL4_Word)-1 (which Retype refuses) if none. */
static inline seL4_Word vka_frame_type(seL4_Word size_bits)
{
    switch (size_bits) {
    case seL4_PageBits: return seL4_ARM_SmallPageObject;
    case seL4_LargePageBits: return seL4_ARM_LargePageObject;
    case seL4_SectionBits: return seL4_ARM_SectionObject;
    case seL4_SuperSectionBits: return seL4_ARM_SuperSectionObject;
    default: return (seL4_Word)-1;
    }
}

/* An object of `type` in a new slot, from device memory at paddr if can_use_dev
 * and paddr is not 0 (4 KiB frames only), else from ordinary untyped memory. */
static inline int vka_alloc_object_at_maybe_dev(vka_t *vka, seL4_Word type, seL4_Word size_bits, uintptr_t paddr,
                                                bool can_use_dev, vka_object_t *result)
{
    memset(result, 0, sizeof(*result));
    cspacepath_t path;
    int error = vka_cspace_alloc_path(vka, &path);
    if (error)
        return error;
    seL4_Word cookie = 0;
    if (paddr && can_use_dev)
        error = vka_utspace_alloc_at(vka, &path, type, size_bits, paddr, &cookie);
    else
        error = vka_utspace_alloc_maybe_device(vka, &path, type, size_bits, can_use_dev, &cookie);
    if (error) {
        vka_cspace_free(vka, path.capPtr);
        return error;
    }
    *result = (vka_object_t){.cptr = path.capPtr, .ut = cookie, .type = type, .size_bits = size_bits};
    return 0;
}

static inline int vka_alloc_object(vka_t *vka, seL4_Word type, seL4_Word size_bits, vka_object_t *result)
{
    return vka_alloc_object_at_maybe_dev(vka, type, size_bits, 0, false, result);
}

static inline int vka_alloc_object_at(vka_t *vka, seL4_Word type, seL4_Word size_bits, uintptr_t paddr,
                                      vka_object_t *result)
{
    return vka_alloc_object_at_maybe_dev(vka, type, size_bits, paddr, true, result);
}

/* Deletes the object's cap and gives its slot back; its memory stays used (libnumbat
 * never reuses untyped memory). */
void vka_free_object(vka_t *vka, vka_object_t *object);

static inline int vka_alloc_tcb(vka_t *vka, vka_object_t *result)
{
    return vka_alloc_object(vka, seL4_TCBObject, 0, result);
}

static inline int vka_alloc_endpoint(vka_t *vka, vka_object_t *result)
{
    return vka_alloc_object(vka, seL4_EndpointObject, 0, result);
}

static inline int vka_alloc_notification(vka_t *vka, vka_object_t *result)
{
    return vka_alloc_object(vka, seL4_NotificationObject, 0, result);
}

/* A CNode of 2^slot_bits slots. */
static inline int vka_alloc_cnode_object(vka_t *vka, seL4_Word slot_bits, vka_object_t *result)
{
    return vka_alloc_object(vka, seL4_CapTableObject, slot_bits, result);
}

static inline int vka_alloc_untyped(vka_t *vka, seL4_Word size_bits, vka_object_t *result)
{
    return vka_alloc_object(vka, seL4_UntypedObject, size_bits, result);
}

/* A frame of 2^size_bits bytes (12: 4 KiB, 16: 64 KiB, 20: 1 MiB, 24: 16 MiB). */
static inline int vka_alloc_frame(vka_t *vka, seL4_Word size_bits, vka_object_t *result)
{
    return vka_alloc_object(vka, vka_frame_type(size_bits), size_bits, result);
}

static inline int vka_alloc_frame_maybe_device(vka_t *vka, seL4_Word size_bits, bool can_use_dev,
                                               vka_object_t *result)
{
    return vka_alloc_object_at_maybe_dev(vka, vka_frame_type(size_bits), size_bits, 0, can_use_dev, result);
}

/* The frame at physical address paddr (a device's registers: 4 KiB frames only). */
static inline int vka_alloc_frame_at(vka_t *vka, seL4_Word size_bits, uintptr_t paddr, vka_object_t *result)
{
    return vka_alloc_object_at(vka, vka_frame_type(size_bits), size_bits, paddr, result);
}

static inline int vka_alloc_page_table(vka_t *vka, vka_object_t *result)
{
    return vka_alloc_object(vka, seL4_ARM_PageTableObject, 0, result);
}

static inline int vka_alloc_page_directory(vka_t *vka, vka_object_t *result)
{
    return vka_alloc_object(vka, seL4_ARM_PageDirectoryObject, 0, result);
}

static inline int vka_alloc_vspace_root(vka_t *vka, vka_object_t *result)
{
    return vka_alloc_page_directory(vka, result);
}

/* The object's cap as a path. */
static inline void vka_object_make_path(vka_t *vka, const vka_object_t *object, cspacepath_t *result)
{
    vka_cspace_make_path(vka, object->cptr, result);
}

#endif
