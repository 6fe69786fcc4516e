/*
 * sel4libs/include/vka/object_capops.h - new caps to an object a VKA made: a copy
 * or a badged copy in a fresh slot. Each returns 0 or an seL4_Error, and gives the
 * slot back on failure. Partners: object.h, capops.h.
 */
#ifndef SEL4LIBS_VKA_OBJECT_CAPOPS_H
#define SEL4LIBS_VKA_OBJECT_CAPOPS_H

#include <vka/capops.h>
#include <vka/object.h>

/* A copy of object's cap with `rights` and `badge` in a new slot (*result). */
static inline int vka_mint_object(vka_t *vka, vka_object_t *object, cspacepath_t *result, seL4_CapRights_t rights,
                                  seL4_Word badge)
{
    int error = vka_cspace_alloc_path(vka, result);
    if (error)
        return error;
    cspacepath_t src;
    vka_cspace_make_path(vka, object->cptr, &src);
    error = vka_cnode_mint(result, &src, rights, badge);
    if (error)
        vka_cspace_free(vka, result->capPtr);
    return error;
}

/* A copy of object's cap with `rights` in a new slot (*result). */
static inline int vka_copy_object(vka_t *vka, vka_object_t *object, cspacepath_t *result, seL4_CapRights_t rights)
{
    int error = vka_cspace_alloc_path(vka, result);
    if (error)
        return error;
    cspacepath_t src;
    vka_cspace_make_path(vka, object->cptr, &src);
    error = vka_cnode_copy(result, &src, rights);
    if (error)
        vka_cspace_free(vka, result->capPtr);
    return error;
}

#endif
