/*
 * sel4/messageinfo.h — seL4_MessageInfo_t, the message tag carried in r1
 * (spec §4.1): label [31:12], capsUnwrapped [11:9], extraCaps [8:7],
 * length [6:0]. Pure C. Partners: bitfield.h (field access), syscalls.h and
 * invocations.h (build and read tags), faults.h (label = fault type).
 */
#ifndef SEL4_MESSAGEINFO_H
#define SEL4_MESSAGEINFO_H

#include <sel4/types.h>
#include <sel4/bitfield.h>
#include <sel4/constants.h>

/* A one-word struct, not a bare word, so tags and plain words cannot be mixed up. */
typedef struct seL4_MessageInfo {
    seL4_Word words[1];
} seL4_MessageInfo_t;

/* Field positions within words[0]. */
#define SEL4_MSGINFO_LENGTH_SHIFT        0
#define SEL4_MSGINFO_LENGTH_BITS         seL4_MsgLengthBits
#define SEL4_MSGINFO_EXTRACAPS_SHIFT     7
#define SEL4_MSGINFO_EXTRACAPS_BITS      seL4_MsgExtraCapBits
#define SEL4_MSGINFO_CAPSUNWRAPPED_SHIFT 9
#define SEL4_MSGINFO_CAPSUNWRAPPED_BITS  3
#define SEL4_MSGINFO_LABEL_SHIFT         12
#define SEL4_MSGINFO_LABEL_BITS          20

SEL4_COMPILE_ASSERT(msginfo_fields_fill_one_word,
                    SEL4_MSGINFO_LABEL_SHIFT + SEL4_MSGINFO_LABEL_BITS == seL4_WordBits &&
                    SEL4_MSGINFO_CAPSUNWRAPPED_SHIFT + SEL4_MSGINFO_CAPSUNWRAPPED_BITS == SEL4_MSGINFO_LABEL_SHIFT &&
                    SEL4_MSGINFO_EXTRACAPS_SHIFT + SEL4_MSGINFO_EXTRACAPS_BITS == SEL4_MSGINFO_CAPSUNWRAPPED_SHIFT &&
                    SEL4_MSGINFO_LENGTH_SHIFT + SEL4_MSGINFO_LENGTH_BITS == SEL4_MSGINFO_EXTRACAPS_SHIFT);

/* Values wider than their field are truncated to it, as seL4's generated code does. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t
seL4_MessageInfo_new(seL4_Word label, seL4_Word capsUnwrapped, seL4_Word extraCaps, seL4_Word length)
{
    seL4_MessageInfo_t info = { { 0 } };
    info.words[0] = sel4_field_set(info.words[0], SEL4_MSGINFO_LABEL_SHIFT, SEL4_MSGINFO_LABEL_BITS, label);
    info.words[0] = sel4_field_set(info.words[0], SEL4_MSGINFO_CAPSUNWRAPPED_SHIFT,
                                   SEL4_MSGINFO_CAPSUNWRAPPED_BITS, capsUnwrapped);
    info.words[0] = sel4_field_set(info.words[0], SEL4_MSGINFO_EXTRACAPS_SHIFT,
                                   SEL4_MSGINFO_EXTRACAPS_BITS, extraCaps);
    info.words[0] = sel4_field_set(info.words[0], SEL4_MSGINFO_LENGTH_SHIFT, SEL4_MSGINFO_LENGTH_BITS, length);
    return info;
}

/* --- label ---------------------------------------------------------------- */
LIBSEL4_INLINE_FUNC seL4_Word seL4_MessageInfo_get_label(seL4_MessageInfo_t info)
{
    return sel4_field_get(info.words[0], SEL4_MSGINFO_LABEL_SHIFT, SEL4_MSGINFO_LABEL_BITS);
}
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_set_label(seL4_MessageInfo_t info, seL4_Word v)
{
    info.words[0] = sel4_field_set(info.words[0], SEL4_MSGINFO_LABEL_SHIFT, SEL4_MSGINFO_LABEL_BITS, v);
    return info;
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_MessageInfo_ptr_get_label(seL4_MessageInfo_t *info)
{
    return seL4_MessageInfo_get_label(*info);
}
LIBSEL4_INLINE_FUNC void seL4_MessageInfo_ptr_set_label(seL4_MessageInfo_t *info, seL4_Word v)
{
    *info = seL4_MessageInfo_set_label(*info, v);
}

/* --- capsUnwrapped ------------------------------------------------------------ */
LIBSEL4_INLINE_FUNC seL4_Word seL4_MessageInfo_get_capsUnwrapped(seL4_MessageInfo_t info)
{
    return sel4_field_get(info.words[0], SEL4_MSGINFO_CAPSUNWRAPPED_SHIFT, SEL4_MSGINFO_CAPSUNWRAPPED_BITS);
}
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_set_capsUnwrapped(seL4_MessageInfo_t info, seL4_Word v)
{
    info.words[0] = sel4_field_set(info.words[0], SEL4_MSGINFO_CAPSUNWRAPPED_SHIFT,
                                   SEL4_MSGINFO_CAPSUNWRAPPED_BITS, v);
    return info;
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_MessageInfo_ptr_get_capsUnwrapped(seL4_MessageInfo_t *info)
{
    return seL4_MessageInfo_get_capsUnwrapped(*info);
}
LIBSEL4_INLINE_FUNC void seL4_MessageInfo_ptr_set_capsUnwrapped(seL4_MessageInfo_t *info, seL4_Word v)
{
    *info = seL4_MessageInfo_set_capsUnwrapped(*info, v);
}

/* --- extraCaps ---------------------------------------------------------------- */
LIBSEL4_INLINE_FUNC seL4_Word seL4_MessageInfo_get_extraCaps(seL4_MessageInfo_t info)
{
    return sel4_field_get(info.words[0], SEL4_MSGINFO_EXTRACAPS_SHIFT, SEL4_MSGINFO_EXTRACAPS_BITS);
}
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_set_extraCaps(seL4_MessageInfo_t info, seL4_Word v)
{
    info.words[0] = sel4_field_set(info.words[0], SEL4_MSGINFO_EXTRACAPS_SHIFT, SEL4_MSGINFO_EXTRACAPS_BITS, v);
    return info;
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_MessageInfo_ptr_get_extraCaps(seL4_MessageInfo_t *info)
{
    return seL4_MessageInfo_get_extraCaps(*info);
}
LIBSEL4_INLINE_FUNC void seL4_MessageInfo_ptr_set_extraCaps(seL4_MessageInfo_t *info, seL4_Word v)
{
    *info = seL4_MessageInfo_set_extraCaps(*info, v);
}

/* --- length ------------------------------------------------------------------- */
LIBSEL4_INLINE_FUNC seL4_Word seL4_MessageInfo_get_length(seL4_MessageInfo_t info)
{
    return sel4_field_get(info.words[0], SEL4_MSGINFO_LENGTH_SHIFT, SEL4_MSGINFO_LENGTH_BITS);
}
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_MessageInfo_set_length(seL4_MessageInfo_t info, seL4_Word v)
{
    info.words[0] = sel4_field_set(info.words[0], SEL4_MSGINFO_LENGTH_SHIFT, SEL4_MSGINFO_LENGTH_BITS, v);
    return info;
}
LIBSEL4_INLINE_FUNC seL4_Word seL4_MessageInfo_ptr_get_length(seL4_MessageInfo_t *info)
{
    return seL4_MessageInfo_get_length(*info);
}
LIBSEL4_INLINE_FUNC void seL4_MessageInfo_ptr_set_length(seL4_MessageInfo_t *info, seL4_Word v)
{
    *info = seL4_MessageInfo_set_length(*info, v);
}

#endif /* SEL4_MESSAGEINFO_H */
