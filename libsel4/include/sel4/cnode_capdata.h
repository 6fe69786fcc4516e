/*
 * sel4/cnode_capdata.h — seL4_CNode_CapData_t, the word that sets a CNode cap's
 * guard in TCB_Configure/SetSpace (cspace_root_data) and CNode_Mint/Mutate
 * (spec §5.3): guard in [25:8], guard size in [7:3]. Pure C.
 * Partners: bitfield.h; programs pass `.words[0]` of the result as a seL4_Word.
 */
#ifndef SEL4_CNODE_CAPDATA_H
#define SEL4_CNODE_CAPDATA_H

#include <sel4/types.h>
#include <sel4/bitfield.h>
#include <sel4/constants.h>

typedef struct seL4_CNode_CapData {
    seL4_Word words[1];
} seL4_CNode_CapData_t;

#define SEL4_CNODE_CAPDATA_GUARDSIZE_SHIFT 3
#define SEL4_CNODE_CAPDATA_GUARDSIZE_BITS  seL4_GuardSizeBits
#define SEL4_CNODE_CAPDATA_GUARD_SHIFT     8
#define SEL4_CNODE_CAPDATA_GUARD_BITS      seL4_GuardBits

/*
 * The library only packs: guard is cut to its 18-bit field. Cutting it further to
 * guardSize bits and rejecting guardSize + radix > 32 is the kernel's job (§5.3, §8.4).
 */
LIBSEL4_INLINE_FUNC seL4_CNode_CapData_t seL4_CNode_CapData_new(seL4_Word guard, seL4_Word guardSize)
{
    seL4_CNode_CapData_t d = { { 0 } };
    d.words[0] = sel4_field_set(d.words[0], SEL4_CNODE_CAPDATA_GUARD_SHIFT, SEL4_CNODE_CAPDATA_GUARD_BITS, guard);
    d.words[0] = sel4_field_set(d.words[0], SEL4_CNODE_CAPDATA_GUARDSIZE_SHIFT,
                                SEL4_CNODE_CAPDATA_GUARDSIZE_BITS, guardSize);
    return d;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_CNode_CapData_get_guard(seL4_CNode_CapData_t d)
{
    return sel4_field_get(d.words[0], SEL4_CNODE_CAPDATA_GUARD_SHIFT, SEL4_CNODE_CAPDATA_GUARD_BITS);
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_CNode_CapData_get_guardSize(seL4_CNode_CapData_t d)
{
    return sel4_field_get(d.words[0], SEL4_CNODE_CAPDATA_GUARDSIZE_SHIFT, SEL4_CNODE_CAPDATA_GUARDSIZE_BITS);
}
LIBSEL4_INLINE_FUNC seL4_CNode_CapData_t seL4_CNode_CapData_set_guard(seL4_CNode_CapData_t d, seL4_Word v)
{
    d.words[0] = sel4_field_set(d.words[0], SEL4_CNODE_CAPDATA_GUARD_SHIFT, SEL4_CNODE_CAPDATA_GUARD_BITS, v);
    return d;
}
LIBSEL4_INLINE_FUNC seL4_CNode_CapData_t seL4_CNode_CapData_set_guardSize(seL4_CNode_CapData_t d, seL4_Word v)
{
    d.words[0] = sel4_field_set(d.words[0], SEL4_CNODE_CAPDATA_GUARDSIZE_SHIFT,
                                SEL4_CNODE_CAPDATA_GUARDSIZE_BITS, v);
    return d;
}

#endif /* SEL4_CNODE_CAPDATA_H */
