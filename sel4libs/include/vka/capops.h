/*
 * sel4libs/include/vka/capops.h - CNode invocations on cspacepath_t's (seL4's
 * vka_cnode_*): each passes a path's root, address and depth to the seL4_CNode_*
 * call of the same name and returns its seL4_Error. Partners: cspacepath_t.h.
 */
#ifndef SEL4LIBS_VKA_CAPOPS_H
#define SEL4LIBS_VKA_CAPOPS_H

#include <sel4/sel4.h>
#include <vka/cspacepath_t.h>

/* Copies src into the empty slot dest, with at most `rights`. */
static inline int vka_cnode_copy(const cspacepath_t *dest, const cspacepath_t *src, seL4_CapRights_t rights)
{
    return seL4_CNode_Copy(dest->root, dest->capPtr, (seL4_Uint8)dest->capDepth, src->root, src->capPtr,
                           (seL4_Uint8)src->capDepth, rights);
}

/* As vka_cnode_copy, and the copy gets `badge` (an endpoint or notification). */
static inline int vka_cnode_mint(const cspacepath_t *dest, const cspacepath_t *src, seL4_CapRights_t rights,
                                 seL4_Word badge)
{
    return seL4_CNode_Mint(dest->root, dest->capPtr, (seL4_Uint8)dest->capDepth, src->root, src->capPtr,
                           (seL4_Uint8)src->capDepth, rights, badge);
}

/* Moves src into the empty slot dest. */
static inline int vka_cnode_move(const cspacepath_t *dest, const cspacepath_t *src)
{
    return seL4_CNode_Move(dest->root, dest->capPtr, (seL4_Uint8)dest->capDepth, src->root, src->capPtr,
                           (seL4_Uint8)src->capDepth);
}

/* Moves src into dest, setting its badge (or guard) to `badge`. */
static inline int vka_cnode_mutate(const cspacepath_t *dest, const cspacepath_t *src, seL4_Word badge)
{
    return seL4_CNode_Mutate(dest->root, dest->capPtr, (seL4_Uint8)dest->capDepth, src->root, src->capPtr,
                             (seL4_Uint8)src->capDepth, badge);
}

static inline int vka_cnode_delete(const cspacepath_t *src)
{
    return seL4_CNode_Delete(src->root, src->capPtr, (seL4_Uint8)src->capDepth);
}

static inline int vka_cnode_revoke(const cspacepath_t *src)
{
    return seL4_CNode_Revoke(src->root, src->capPtr, (seL4_Uint8)src->capDepth);
}

static inline int vka_cnode_cancelBadgedSends(const cspacepath_t *src)
{
    return seL4_CNode_CancelBadgedSends(src->root, src->capPtr, (seL4_Uint8)src->capDepth);
}

/* Moves this thread's reply cap into the empty slot src. */
static inline int vka_cnode_saveCaller(const cspacepath_t *src)
{
    return seL4_CNode_SaveCaller(src->root, src->capPtr, (seL4_Uint8)src->capDepth);
}

#endif
