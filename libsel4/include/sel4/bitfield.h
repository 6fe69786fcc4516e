/*
 * sel4/bitfield.h — the two helpers every packed word in libsel4 is built from:
 * read and write a field given its shift and width. Pure C.
 * Partners: messageinfo.h, caprights.h, cnode_capdata.h, invocations.h — each
 * names its field positions as constants and goes through these, so no header
 * scatters raw shifts. Internal (sel4_ prefix is not part of seL4's API).
 */
#ifndef SEL4_BITFIELD_H
#define SEL4_BITFIELD_H

#include <sel4/types.h>

/* Low-aligned mask of a field `bits` wide (1..32). Written to avoid shifting by 32. */
static inline seL4_Word sel4_field_mask(unsigned bits)
{
    return bits >= 32u ? ~(seL4_Word)0 : (((seL4_Word)1 << bits) - 1u);
}

static inline seL4_Word sel4_field_get(seL4_Word word, unsigned shift, unsigned bits)
{
    return (word >> shift) & sel4_field_mask(bits);
}

/* Returns `word` with the field replaced; excess high bits of `value` are dropped. */
static inline seL4_Word sel4_field_set(seL4_Word word, unsigned shift, unsigned bits, seL4_Word value)
{
    seL4_Word mask = sel4_field_mask(bits) << shift;
    return (word & ~mask) | ((value << shift) & mask);
}

#endif /* SEL4_BITFIELD_H */
