/*
 * sel4/caprights.h — seL4_CapRights_t, the rights mask for CNode_Copy/Mint and
 * Page_Map (spec §5.1): bit 3 GrantReply, bit 2 Grant, bit 1 Read, bit 0 Write.
 * Pure C. Partners: bitfield.h, invocations.h (passes rights as one word).
 */
#ifndef SEL4_CAPRIGHTS_H
#define SEL4_CAPRIGHTS_H

#include <sel4/types.h>
#include <sel4/bitfield.h>
#include <sel4/constants.h>

typedef struct seL4_CapRights {
    seL4_Word words[1];
} seL4_CapRights_t;

/* One-bit fields; bit numbers are the ABI. */
#define SEL4_CAPRIGHTS_WRITE_BIT      0
#define SEL4_CAPRIGHTS_READ_BIT       1
#define SEL4_CAPRIGHTS_GRANT_BIT      2
#define SEL4_CAPRIGHTS_GRANTREPLY_BIT 3
#define SEL4_CAPRIGHTS_FLAG_BITS      1
SEL4_COMPILE_ASSERT(caprights_fit_in_rights_bits, SEL4_CAPRIGHTS_GRANTREPLY_BIT < seL4_CapRightsBits);

/* Argument order (GrantReply first) is seL4's; three-argument callers are out of scope. */
LIBSEL4_INLINE_FUNC seL4_CapRights_t
seL4_CapRights_new(seL4_Word capAllowGrantReply, seL4_Word capAllowGrant,
                   seL4_Word capAllowRead, seL4_Word capAllowWrite)
{
    seL4_CapRights_t r = { { 0 } };
    r.words[0] = sel4_field_set(r.words[0], SEL4_CAPRIGHTS_GRANTREPLY_BIT, SEL4_CAPRIGHTS_FLAG_BITS,
                                capAllowGrantReply);
    r.words[0] = sel4_field_set(r.words[0], SEL4_CAPRIGHTS_GRANT_BIT, SEL4_CAPRIGHTS_FLAG_BITS, capAllowGrant);
    r.words[0] = sel4_field_set(r.words[0], SEL4_CAPRIGHTS_READ_BIT, SEL4_CAPRIGHTS_FLAG_BITS, capAllowRead);
    r.words[0] = sel4_field_set(r.words[0], SEL4_CAPRIGHTS_WRITE_BIT, SEL4_CAPRIGHTS_FLAG_BITS, capAllowWrite);
    return r;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_CapRights_get_capAllowGrantReply(seL4_CapRights_t r)
{
    return sel4_field_get(r.words[0], SEL4_CAPRIGHTS_GRANTREPLY_BIT, SEL4_CAPRIGHTS_FLAG_BITS);
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_CapRights_get_capAllowGrant(seL4_CapRights_t r)
{
    return sel4_field_get(r.words[0], SEL4_CAPRIGHTS_GRANT_BIT, SEL4_CAPRIGHTS_FLAG_BITS);
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_CapRights_get_capAllowRead(seL4_CapRights_t r)
{
    return sel4_field_get(r.words[0], SEL4_CAPRIGHTS_READ_BIT, SEL4_CAPRIGHTS_FLAG_BITS);
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_CapRights_get_capAllowWrite(seL4_CapRights_t r)
{
    return sel4_field_get(r.words[0], SEL4_CAPRIGHTS_WRITE_BIT, SEL4_CAPRIGHTS_FLAG_BITS);
}

LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_set_capAllowGrantReply(seL4_CapRights_t r, seL4_Word v)
{
    r.words[0] = sel4_field_set(r.words[0], SEL4_CAPRIGHTS_GRANTREPLY_BIT, SEL4_CAPRIGHTS_FLAG_BITS, v);
    return r;
}
LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_set_capAllowGrant(seL4_CapRights_t r, seL4_Word v)
{
    r.words[0] = sel4_field_set(r.words[0], SEL4_CAPRIGHTS_GRANT_BIT, SEL4_CAPRIGHTS_FLAG_BITS, v);
    return r;
}
LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_set_capAllowRead(seL4_CapRights_t r, seL4_Word v)
{
    r.words[0] = sel4_field_set(r.words[0], SEL4_CAPRIGHTS_READ_BIT, SEL4_CAPRIGHTS_FLAG_BITS, v);
    return r;
}
LIBSEL4_INLINE_FUNC seL4_CapRights_t seL4_CapRights_set_capAllowWrite(seL4_CapRights_t r, seL4_Word v)
{
    r.words[0] = sel4_field_set(r.words[0], SEL4_CAPRIGHTS_WRITE_BIT, SEL4_CAPRIGHTS_FLAG_BITS, v);
    return r;
}

/*
 * The usual masks. Function-call expressions, as in seL4, so they work wherever
 * an seL4_CapRights_t value is expected (but not as static initialisers).
 */
#define seL4_NoWrite       seL4_CapRights_new(1, 1, 1, 0)
#define seL4_NoRead        seL4_CapRights_new(1, 1, 0, 1)
#define seL4_CanWrite      seL4_CapRights_new(0, 0, 0, 1)
#define seL4_CanRead       seL4_CapRights_new(0, 0, 1, 0)
#define seL4_CanGrant      seL4_CapRights_new(0, 1, 0, 0)
#define seL4_CanGrantReply seL4_CapRights_new(1, 0, 0, 0)
#define seL4_AllRights     seL4_CapRights_new(1, 1, 1, 1)
#define seL4_ReadWrite     seL4_CapRights_new(0, 0, 1, 1)
#define seL4_NoRights      seL4_CapRights_new(0, 0, 0, 0)

#endif /* SEL4_CAPRIGHTS_H */
