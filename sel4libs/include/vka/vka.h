/*
 * sel4libs/include/vka/vka.h - seL4's VKA: the one interface through which
 * libraries get CSpace slots and kernel objects, whatever allocator is behind it.
 * A vka_t is a table of the allocator's functions and its data; the vka_* helpers
 * call through it. Here the allocator is allocman (allocman/vka.h), over libnumbat.
 * Functions returning int return 0 on success, else an seL4_Error.
 * Partners: object.h (objects of a type), capops.h (CNode operations on paths).
 */
#ifndef SEL4LIBS_VKA_VKA_H
#define SEL4LIBS_VKA_VKA_H

#include <stdbool.h>
#include <stdint.h>

#include <sel4/sel4.h>
#include <utils/util.h>
#include <vka/cspacepath_t.h>

typedef int (*vka_cspace_alloc_fn)(void *data, seL4_CPtr *res);
typedef void (*vka_cspace_make_path_fn)(void *data, seL4_CPtr slot, cspacepath_t *res);
typedef void (*vka_cspace_free_fn)(void *data, seL4_CPtr slot);
/* Retypes an object into slot *dest; *res gets a cookie for utspace_free. */
typedef int (*vka_utspace_alloc_fn)(void *data, const cspacepath_t *dest, seL4_Word type, seL4_Word size_bits,
                                    seL4_Word *res);
typedef int (*vka_utspace_alloc_maybe_device_fn)(void *data, const cspacepath_t *dest, seL4_Word type,
                                                 seL4_Word size_bits, bool can_use_dev, seL4_Word *res);
/* The same, at physical address paddr (device memory). */
typedef int (*vka_utspace_alloc_at_fn)(void *data, const cspacepath_t *dest, seL4_Word type, seL4_Word size_bits,
                                       uintptr_t paddr, seL4_Word *cookie);
typedef void (*vka_utspace_free_fn)(void *data, seL4_Word type, seL4_Word size_bits, seL4_Word target);
typedef uintptr_t (*vka_utspace_paddr_fn)(void *data, seL4_Word target, seL4_Word type, seL4_Word size_bits);

typedef struct vka {
    void *data;
    vka_cspace_alloc_fn cspace_alloc;
    vka_cspace_make_path_fn cspace_make_path;
    vka_utspace_alloc_fn utspace_alloc;
    vka_utspace_alloc_maybe_device_fn utspace_alloc_maybe_device;
    vka_utspace_alloc_at_fn utspace_alloc_at;
    vka_cspace_free_fn cspace_free;
    vka_utspace_free_fn utspace_free;
    vka_utspace_paddr_fn utspace_paddr;
} vka_t;

/* A free slot of the allocator's CSpace in *res. */
static inline int vka_cspace_alloc(vka_t *vka, seL4_CPtr *res)
{
    return vka->cspace_alloc(vka->data, res);
}

/* Fills *res with the path to `slot` (a slot of the allocator's CSpace). */
static inline void vka_cspace_make_path(vka_t *vka, seL4_CPtr slot, cspacepath_t *res)
{
    vka->cspace_make_path(vka->data, slot, res);
}

/* A free slot, as a path. */
static inline int vka_cspace_alloc_path(vka_t *vka, cspacepath_t *res)
{
    seL4_CPtr slot;
    int error = vka_cspace_alloc(vka, &slot);
    if (error == 0)
        vka_cspace_make_path(vka, slot, res);
    return error;
}

static inline void vka_cspace_free(vka_t *vka, seL4_CPtr slot)
{
    vka->cspace_free(vka->data, slot);
}

static inline void vka_cspace_free_path(vka_t *vka, cspacepath_t path)
{
    vka_cspace_free(vka, path.capPtr);
}

static inline int vka_utspace_alloc(vka_t *vka, const cspacepath_t *dest, seL4_Word type, seL4_Word size_bits,
                                    seL4_Word *res)
{
    return vka->utspace_alloc(vka->data, dest, type, size_bits, res);
}

static inline int vka_utspace_alloc_maybe_device(vka_t *vka, const cspacepath_t *dest, seL4_Word type,
                                                 seL4_Word size_bits, bool can_use_dev, seL4_Word *res)
{
    return vka->utspace_alloc_maybe_device(vka->data, dest, type, size_bits, can_use_dev, res);
}

static inline int vka_utspace_alloc_at(vka_t *vka, const cspacepath_t *dest, seL4_Word type, seL4_Word size_bits,
                                       uintptr_t paddr, seL4_Word *cookie)
{
    return vka->utspace_alloc_at(vka->data, dest, type, size_bits, paddr, cookie);
}

static inline void vka_utspace_free(vka_t *vka, seL4_Word type, seL4_Word size_bits, seL4_Word target)
{
    vka->utspace_free(vka->data, type, size_bits, target);
}

static inline uintptr_t vka_utspace_paddr(vka_t *vka, seL4_Word target, seL4_Word type, seL4_Word size_bits)
{
    return vka->utspace_paddr(vka->data, target, type, size_bits);
}

#endif
