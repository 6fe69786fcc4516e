/*
 * sim/a32_access.c - A32 load/store decoder: from an instruction word and the
 * registers to the byte range the instruction accesses. Encodings and the
 * UNPREDICTABLE/UNDEFINED rules follow the ARM ARM ARMv7-A/R (DDI 0406C),
 * chapters A5 (ARM encodings) and A7.6/A7.7 (VFP and Advanced SIMD loads and
 * stores). Partners: a32_access.h, tests/sim/test_a32_access.c.
 */
#include "a32_access.h"

#include <string.h>

#define A32_SP 13u
#define A32_LR 14u
#define A32_PC 15u
#define A32_COND_UNCONDITIONAL 0xFu
#define A32_WORD 4u

/* Bits shared by the load/store classes (named as in the ARM ARM). */
#define A32_BIT_REG_FORM 25 /* word/byte class: register offset */
#define A32_BIT_P 24        /* pre-index (or offset) addressing */
#define A32_BIT_U 23        /* add the offset (up) */
#define A32_BIT_22 22       /* B, I (imm form of extra ld/st), S (LDM/STM ^), D (VFP) */
#define A32_BIT_W 21        /* write back */
#define A32_BIT_L 20        /* load */
#define A32_BIT_NEON_L 21   /* load, in the Advanced SIMD element/structure space */

/* Shift types of a register offset (imm5 == 0 changes LSR/ASR/ROR meaning). */
enum { A32_SHIFT_LSL, A32_SHIFT_LSR, A32_SHIFT_ASR, A32_SHIFT_ROR };

/* One decode in progress. */
typedef struct a32_decoder {
    uint32_t insn;
    const uint32_t *regs;
    bool carry;
    a32_access_t *out;
} a32_decoder_t;

/* Bits hi..lo of `v`, as the ARM ARM writes v<hi:lo>; widths are below 32. */
static inline uint32_t field(uint32_t v, unsigned hi, unsigned lo)
{
    return (v >> lo) & ((1u << (hi - lo + 1u)) - 1u);
}

static inline bool flag(uint32_t v, unsigned bit)
{
    return (v >> bit) & 1u;
}

static inline unsigned insn_rn(uint32_t insn) { return field(insn, 19, 16); }
static inline unsigned insn_rt(uint32_t insn) { return field(insn, 15, 12); }
static inline unsigned insn_rm(uint32_t insn) { return field(insn, 3, 0); }
static inline bool insn_p(uint32_t insn) { return flag(insn, A32_BIT_P); }
static inline bool insn_u(uint32_t insn) { return flag(insn, A32_BIT_U); }
static inline bool insn_w(uint32_t insn) { return flag(insn, A32_BIT_W); }
static inline bool insn_l(uint32_t insn) { return flag(insn, A32_BIT_L); }

/* The 8-bit immediate of the extra load/stores is split imm4H (11:8), imm4L (3:0). */
static inline uint32_t insn_split_imm8(uint32_t insn)
{
    return (field(insn, 11, 8) << 4) | field(insn, 3, 0);
}

/* A base register as an address: PC-relative forms use Align(PC, 4). */
static uint32_t base_value(const a32_decoder_t *d, unsigned n)
{
    return n == A32_PC ? d->regs[A32_PC] & ~3u : d->regs[n];
}

static void set_range(a32_access_t *out, a32_kind_t kind, uint32_t start,
                      uint32_t length, unsigned elem_size, unsigned align_always)
{
    out->kind = kind;
    out->start = start;
    out->first_addr = start;
    out->length = length;
    out->elem_size = (uint8_t)elem_size;
    out->align_always = (uint8_t)align_always;
}

static void set_direction(a32_access_t *out, bool load)
{
    out->is_read = load;
    out->is_write = !load;
}

/* Arithmetic shift right by 1..32 without relying on signed shifts. */
static uint32_t asr32(uint32_t value, unsigned amount)
{
    uint32_t sign = (value & 0x80000000u) ? 0xFFFFFFFFu : 0;
    if (amount >= 32)
        return sign;
    return (value >> amount) | (sign << (32 - amount));
}

/* Rm shifted by imm5 (bits 11:7) of type bits 6:5: DecodeImmShift + Shift. */
static uint32_t shifted_offset(a32_decoder_t *d)
{
    uint32_t value = d->regs[insn_rm(d->insn)];
    unsigned imm5 = field(d->insn, 11, 7);
    switch (field(d->insn, 6, 5)) {
    case A32_SHIFT_LSL:
        return value << imm5;
    case A32_SHIFT_LSR:
        return imm5 == 0 ? 0 : value >> imm5; /* imm5 == 0 encodes LSR #32 */
    case A32_SHIFT_ASR:
        return asr32(value, imm5 == 0 ? 32 : imm5);
    default:
        if (imm5 == 0) { /* RRX: the carry flag rotates in at the top */
            d->out->uses_carry = true;
            return ((uint32_t)d->carry << 31) | (value >> 1);
        }
        return (value >> imm5) | (value << (32 - imm5));
    }
}

/*
 * P/U addressing of the single transfers: P = 1 uses Rn +/- offset (offset or
 * pre-indexed), P = 0 uses Rn and the offset only feeds the write-back.
 */
static uint32_t indexed_address(a32_decoder_t *d, uint32_t offset, bool wback)
{
    unsigned n = insn_rn(d->insn);
    uint32_t base = base_value(d, n);
    uint32_t offset_addr = insn_u(d->insn) ? base + offset : base - offset;

    d->out->base_reg = (uint8_t)n;
    d->out->writeback = wback;
    if (wback)
        d->out->wb_value = offset_addr;
    return insn_p(d->insn) ? offset_addr : base;
}

/* ---- A5.3: LDR/STR/LDRB/STRB, LDRT/STRT/LDRBT/STRBT ---- */

static bool decode_word_byte(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    unsigned n = insn_rn(insn), t = insn_rt(insn);
    bool is_reg = flag(insn, A32_BIT_REG_FORM), is_byte = flag(insn, A32_BIT_22);
    bool load = insn_l(insn);
    bool unpriv = !insn_p(insn) && insn_w(insn); /* P = 0, W = 1: the T forms */
    bool wback = !insn_p(insn) || insn_w(insn);

    if (is_reg && insn_rm(insn) == A32_PC)
        return false;
    if (wback && (n == A32_PC || n == t)) /* includes literal forms with wback */
        return false;
    if (t == A32_PC && (is_byte || (unpriv && load)))
        return false;

    uint32_t offset = is_reg ? shifted_offset(d) : field(insn, 11, 0);
    uint32_t addr = indexed_address(d, offset, wback);
    unsigned size = is_byte ? 1 : A32_WORD;
    set_range(d->out, A32_KIND_WORD_BYTE, addr, size, size, 1);
    set_direction(d->out, load);
    d->out->unprivileged = unpriv;
    return true;
}

/* ---- A5.2.8/A5.2.9: extra load/stores (halfword, signed, dual) ---- */

/* op2 (bits 6:5) values in the extra load/store space. */
enum { A32_EXTRA_HALF = 1, A32_EXTRA_DUAL_LDRSB = 2, A32_EXTRA_DUAL_LDRSH = 3 };

static bool decode_dual(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    unsigned n = insn_rn(insn), t = insn_rt(insn), m = insn_rm(insn);
    bool is_imm = flag(insn, A32_BIT_22);
    bool load = field(insn, 6, 5) == A32_EXTRA_DUAL_LDRSB; /* LDRD: op2 10, L = 0 */
    bool wback = !insn_p(insn) || insn_w(insn);

    if ((t & 1u) || t == A32_LR) /* Rt must be even and Rt2 = Rt + 1 not PC */
        return false;
    if (!insn_p(insn) && insn_w(insn))
        return false;
    if (!is_imm && (field(insn, 11, 8) != 0 || m == A32_PC))
        return false;
    if (!is_imm && load && (m == t || m == t + 1))
        return false;
    if (wback && (n == A32_PC || n == t || n == t + 1))
        return false;

    uint32_t offset = is_imm ? insn_split_imm8(insn) : d->regs[m];
    uint32_t addr = indexed_address(d, offset, wback);
    /* Two word accesses (one 64-bit access when doubleword aligned on LPAE
     * cores); word alignment is required even with SCTLR.A = 0. */
    set_range(d->out, A32_KIND_DUAL, addr, 8, A32_WORD, A32_WORD);
    set_direction(d->out, load);
    return true;
}

static bool decode_extra(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    unsigned op2 = field(insn, 6, 5), n = insn_rn(insn), t = insn_rt(insn);
    bool load = insn_l(insn), is_imm = flag(insn, A32_BIT_22);
    bool unpriv = !insn_p(insn) && insn_w(insn);
    bool wback = !insn_p(insn) || insn_w(insn);

    if (op2 != A32_EXTRA_HALF && !load)
        return decode_dual(d);
    if (!is_imm && (field(insn, 11, 8) != 0 || insn_rm(insn) == A32_PC))
        return false;
    if (t == A32_PC || (wback && (n == A32_PC || n == t)))
        return false;

    uint32_t offset = is_imm ? insn_split_imm8(insn) : d->regs[insn_rm(insn)];
    uint32_t addr = indexed_address(d, offset, wback);
    unsigned size = op2 == A32_EXTRA_DUAL_LDRSB ? 1 : 2;
    set_range(d->out, A32_KIND_HALF_SIGNED, addr, size, size, 1);
    set_direction(d->out, load);
    d->out->unprivileged = unpriv;
    return true;
}

/* ---- A5.2.10: synchronization primitives ---- */

static bool decode_swap(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    unsigned n = insn_rn(insn), t = insn_rt(insn), t2 = insn_rm(insn);

    if (field(insn, 21, 20) != 0 || field(insn, 11, 8) != 0)
        return false;
    if (n == A32_PC || t == A32_PC || t2 == A32_PC || n == t || n == t2)
        return false;

    unsigned size = flag(insn, A32_BIT_22) ? 1 : A32_WORD;
    set_range(d->out, A32_KIND_SWAP, d->regs[n], size, size, size);
    d->out->is_read = true; /* the read is made first: a fault on it has WnR = 0 */
    d->out->is_write = true;
    d->out->base_reg = (uint8_t)n;
    return true;
}

/* LDREX/STREX bits 22:21: 00 word, 01 doubleword, 10 byte, 11 halfword. */
static const uint8_t a32_exclusive_size[4] = { 4, 8, 1, 2 };

static bool decode_exclusive(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    unsigned size = a32_exclusive_size[field(insn, 22, 21)];
    bool load = insn_l(insn);
    unsigned n = insn_rn(insn), t = load ? insn_rt(insn) : insn_rm(insn);
    unsigned status = insn_rt(insn); /* STREX's Rd */

    /* ARMv7 requires the (1) bits; ARMv8's LDA/STL family reuses other values. */
    if (field(insn, 11, 8) != 0xF || (load && field(insn, 3, 0) != 0xF))
        return false;
    if (n == A32_PC || (size == 8 ? ((t & 1u) || t == A32_LR) : t == A32_PC))
        return false;
    if (!load && (status == A32_PC || status == n || status == t ||
                  (size == 8 && status == t + 1)))
        return false;

    /* Exclusives fault on any misalignment, and STREX checks its translation
     * and permissions even when the monitor makes it fail. */
    set_range(d->out, A32_KIND_EXCLUSIVE, d->regs[n], size, size, size);
    set_direction(d->out, load);
    d->out->is_exclusive = true;
    d->out->base_reg = (uint8_t)n;
    return true;
}

/* bits 27:25 = 000: only bit7 = bit4 = 1 holds memory accesses. */
static bool decode_space_000(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    if (!flag(insn, 7) || !flag(insn, 4))
        return false; /* data-processing, miscellaneous */
    if (field(insn, 6, 5) != 0)
        return decode_extra(d);
    if (!flag(insn, A32_BIT_P))
        return false; /* multiply */
    return flag(insn, A32_BIT_U) ? decode_exclusive(d) : decode_swap(d);
}

/* ---- A5.5: LDM/STM (all modes, ^ forms, PUSH/POP) ---- */

static bool decode_multiple(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    unsigned n = insn_rn(insn);
    uint32_t list = field(insn, 15, 0);
    uint32_t bytes = A32_WORD * (uint32_t)__builtin_popcount(list);
    bool load = insn_l(insn), wback = insn_w(insn), user_bank = flag(insn, A32_BIT_22);
    bool exception_return = user_bank && load && flag(list, A32_PC);

    if (n == A32_PC || list == 0)
        return false;
    if (user_bank && !exception_return && wback)
        return false; /* LDM/STM (user registers) have W = (0) */
    if (load && wback && flag(list, n))
        return false; /* ARMv7: loading the written-back base is UNPREDICTABLE */

    uint32_t base = d->regs[n];
    uint32_t lowest = insn_u(insn) ? base : base - bytes;
    if (insn_p(insn) == insn_u(insn)) /* IB starts one word up, DA one word up from DB */
        lowest += A32_WORD;
    set_range(d->out, A32_KIND_MULTIPLE, lowest, bytes, A32_WORD, A32_WORD);
    set_direction(d->out, load);
    d->out->base_reg = (uint8_t)n;
    d->out->writeback = wback;
    if (wback)
        d->out->wb_value = insn_u(insn) ? base + bytes : base - bytes;
    return true;
}

/* ---- A7.6 (VFP) and A5.6 (LDC/STC) ---- */

static bool decode_vldr(a32_decoder_t *d)
{
    uint32_t addr = indexed_address(d, field(d->insn, 7, 0) * A32_WORD, false);
    unsigned size = flag(d->insn, 8) ? 8 : A32_WORD; /* bit 8: D register */
    set_range(d->out, A32_KIND_VFP, addr, size, A32_WORD, A32_WORD);
    set_direction(d->out, insn_l(d->insn));
    return true;
}

static bool decode_vfp(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    unsigned n = insn_rn(insn), imm8 = field(insn, 7, 0), regs, first;
    bool doubles = flag(insn, 8), wback = insn_w(insn);
    uint32_t bytes;

    if (insn_p(insn) && !wback)
        return decode_vldr(d);
    if (insn_p(insn) == insn_u(insn) || (n == A32_PC && wback))
        return false; /* only IA and DB! exist */
    if (doubles) { /* odd imm8 is FLDMX/FSTMX: one extra word skipped, not accessed */
        regs = imm8 / 2;
        first = (flag(insn, A32_BIT_22) << 4) | insn_rt(insn);
        bytes = regs * 8;
    } else {
        regs = imm8;
        first = (insn_rt(insn) << 1) | flag(insn, A32_BIT_22);
        bytes = regs * A32_WORD;
    }
    if (regs == 0 || regs > 32 - first || (doubles && regs > 16))
        return false;

    uint32_t base = d->regs[n], imm32 = imm8 * A32_WORD;
    set_range(d->out, A32_KIND_VFP, insn_u(insn) ? base : base - imm32, bytes,
              A32_WORD, A32_WORD);
    set_direction(d->out, insn_l(insn));
    d->out->base_reg = (uint8_t)n;
    d->out->writeback = wback;
    if (wback)
        d->out->wb_value = insn_u(insn) ? base + imm32 : base - imm32;
    return true;
}

/*
 * Which coprocessors take LDC/STC: 0-7 are IMPLEMENTATION DEFINED (none on a
 * Cortex-A15, so those never execute), 8, 9, 12, 13 are reserved, CP15 has no
 * loads/stores, and CP14 only has LDC/STC (not LDC2/STC2) to c5, DBGDTR.
 */
#define A32_CP_DEBUG 14u
#define A32_CP_DEBUG_DTR 5u
#define A32_CP_IMPDEF_LAST 7u

static bool ldc_coprocessor_ok(uint32_t insn, bool unconditional)
{
    unsigned cp = field(insn, 11, 8);
    if (cp == A32_CP_DEBUG)
        return !unconditional && insn_rt(insn) == A32_CP_DEBUG_DTR;
    return cp <= A32_CP_IMPDEF_LAST;
}

static bool decode_ldc(a32_decoder_t *d, bool unconditional)
{
    bool wback = insn_w(d->insn); /* P = 0, W = 0 is "unindexed": no write-back */
    if (!ldc_coprocessor_ok(d->insn, unconditional))
        return false;
    if (wback && insn_rn(d->insn) == A32_PC)
        return false;

    uint32_t addr = indexed_address(d, field(d->insn, 7, 0) * A32_WORD, wback);
    /* How many words move is the coprocessor's business; the only transfer
     * ARMv7 defines (CP14 DBGDTRRXint/DBGDTRTXint) moves one. */
    set_range(d->out, A32_KIND_COPROC, addr, A32_WORD, A32_WORD, A32_WORD);
    set_direction(d->out, insn_l(d->insn));
    return true;
}

/* bits 27:25 = 110. Coprocessors 10 and 11 are the VFP (not in the 1111 space). */
static bool decode_space_110(a32_decoder_t *d, bool unconditional)
{
    uint32_t insn = d->insn;
    if (!insn_p(insn) && !insn_u(insn) && !insn_w(insn))
        return false; /* MCRR/MRRC, 64-bit VMOV, UNDEFINED */
    if ((field(insn, 11, 8) & 0xEu) == 0xAu)
        return !unconditional && decode_vfp(d);
    return decode_ldc(d, unconditional);
}

/* ---- A7.7: Advanced SIMD element and structure loads/stores ---- */

typedef struct a32_neon_shape {
    uint32_t bytes;     /* memory transferred */
    unsigned ebytes;    /* element size */
    unsigned alignment; /* from the align field; checked whatever SCTLR.A */
    unsigned span;      /* D registers from the first to the last one used */
} a32_neon_shape_t;

/* Multiple structures, by type (bits 11:8): structures, D registers, span. */
typedef struct a32_neon_type {
    uint8_t structs, regs, span;
} a32_neon_type_t;

static const a32_neon_type_t a32_neon_types[16] = {
    [0x0] = { 4, 4, 4 }, [0x1] = { 4, 4, 7 }, [0x2] = { 1, 4, 4 }, [0x3] = { 2, 4, 4 },
    [0x4] = { 3, 3, 3 }, [0x5] = { 3, 3, 5 }, [0x6] = { 1, 3, 3 }, [0x7] = { 1, 1, 1 },
    [0x8] = { 2, 2, 2 }, [0x9] = { 2, 2, 3 }, [0xA] = { 1, 2, 2 },
};

static bool neon_multiple(uint32_t insn, a32_neon_shape_t *s)
{
    unsigned type = field(insn, 11, 8), size = field(insn, 7, 6), align = field(insn, 5, 4);
    a32_neon_type_t t = a32_neon_types[type];

    if (t.structs == 0 || (t.structs > 1 && size == 3))
        return false;
    if ((type == 0x7 || type == 0x6 || t.structs == 3) && (align & 2u))
        return false;
    if ((type == 0xA || type == 0x8 || type == 0x9) && align == 3)
        return false;
    s->bytes = 8u * t.regs;
    s->ebytes = 1u << size;
    s->alignment = align == 0 ? 1 : 4u << align;
    s->span = t.span;
    return true;
}

/* index_align (bits 7:4) values that ARMv7 makes UNDEFINED, per structure count. */
static bool neon_lane_fields_valid(unsigned nstruct, unsigned size, unsigned ia)
{
    switch (nstruct) {
    case 1:
        return size == 0 ? !(ia & 1u)
             : size == 1 ? !(ia & 2u)
                         : !(ia & 4u) && ((ia & 3u) == 0 || (ia & 3u) == 3);
    case 2:
        return size != 2 || !(ia & 2u);
    case 3:
        return size == 2 ? (ia & 3u) == 0 : !(ia & 1u);
    default:
        return size != 2 || (ia & 3u) != 3;
    }
}

static bool neon_one_lane(uint32_t insn, a32_neon_shape_t *s)
{
    unsigned size = field(insn, 11, 10), nstruct = field(insn, 9, 8) + 1;
    unsigned ia = field(insn, 7, 4);
    unsigned align_bits = size == 2 ? ia & 3u : ia & 1u;
    bool spaced = size != 0 && flag(ia, size); /* registers two apart */

    if (!neon_lane_fields_valid(nstruct, size, ia))
        return false;
    s->ebytes = 1u << size;
    s->bytes = nstruct * s->ebytes;
    s->span = 1 + (nstruct - 1) * (spaced ? 2 : 1);
    if (align_bits == 0)
        s->alignment = 1;
    else
        s->alignment = (nstruct == 4 && size == 2) ? 4u << align_bits : s->bytes;
    return true;
}

static bool neon_all_lanes(uint32_t insn, a32_neon_shape_t *s)
{
    unsigned nstruct = field(insn, 9, 8) + 1, size = field(insn, 7, 6);
    bool spaced = flag(insn, 5), a = flag(insn, 4);

    if (!flag(insn, A32_BIT_NEON_L) || (size == 3 && !(nstruct == 4 && a)))
        return false; /* no store form; 64-bit elements only as VLD4 :128 */
    if ((nstruct == 1 && size == 0 && a) || (nstruct == 3 && a))
        return false;
    s->ebytes = size == 3 ? 4 : 1u << size;
    s->bytes = nstruct * s->ebytes;
    s->span = nstruct == 1 ? (spaced ? 2 : 1) : 1 + (nstruct - 1) * (spaced ? 2 : 1);
    if (!a)
        s->alignment = 1;
    else if (nstruct == 4)
        s->alignment = size == 3 ? 16 : size == 2 ? 8 : 4 * s->ebytes;
    else
        s->alignment = nstruct * s->ebytes;
    return true;
}

static bool decode_neon(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    unsigned n = insn_rn(insn), m = insn_rm(insn);
    unsigned first = (flag(insn, A32_BIT_22) << 4) | insn_rt(insn);
    a32_neon_shape_t s;
    bool ok;

    if (!flag(insn, A32_BIT_U)) /* bit 23 = A: multiple structures when 0 */
        ok = neon_multiple(insn, &s);
    else if (field(insn, 11, 10) == 3)
        ok = neon_all_lanes(insn, &s);
    else
        ok = neon_one_lane(insn, &s);
    if (!ok || n == A32_PC || first + s.span > 32)
        return false;

    uint32_t base = d->regs[n];
    set_range(d->out, A32_KIND_NEON, base, s.bytes, s.ebytes, s.alignment);
    set_direction(d->out, flag(insn, A32_BIT_NEON_L));
    d->out->base_reg = (uint8_t)n;
    d->out->writeback = m != A32_PC; /* Rm = 13: by the transfer size */
    if (d->out->writeback)
        d->out->wb_value = base + (m == A32_SP ? s.bytes : d->regs[m]);
    return true;
}

/* ---- A5.7: the unconditional space (cond = 1111) ---- */

/* PLI (1111 0100 U101 / 0110 U101) and PLD/PLDW (1111 0101 UR01 / 0111 UR01). */
static bool decode_preload(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    bool is_reg = flag(insn, A32_BIT_REG_FORM), is_pli = !flag(insn, A32_BIT_P);
    bool is_pldw = !is_pli && !flag(insn, A32_BIT_22);
    unsigned n = insn_rn(insn);

    if (field(insn, 21, 20) != 1 || field(insn, 15, 12) != 0xF)
        return false; /* barriers, CLREX, unallocated hints */
    if (is_pli && !flag(insn, A32_BIT_22))
        return false; /* 1111 0100 x001: unallocated memory hint, a NOP */
    if ((is_reg && (flag(insn, 4) || insn_rm(insn) == A32_PC)) || (is_pldw && n == A32_PC))
        return false;

    uint32_t offset = is_reg ? shifted_offset(d) : field(insn, 11, 0);
    uint32_t base = base_value(d, n);
    set_range(d->out, A32_KIND_HINT, insn_u(insn) ? base + offset : base - offset, 1, 1, 1);
    d->out->is_hint = true; /* never aborts: a fault just cancels the preload */
    d->out->is_read = !is_pldw;
    d->out->is_write = is_pldw;
    d->out->base_reg = (uint8_t)n;
    return true;
}

static bool a32_mode_valid(unsigned mode)
{
    switch (mode) {
    case 0x10: case 0x11: case 0x12: case 0x13: case 0x16:
    case 0x17: case 0x1A: case 0x1B: case 0x1F:
        return true;
    default:
        return false;
    }
}

/* SRS: 1111 100P U1W0 1101 0000 0101 000 mode; RFE: 1111 100P U0W1 Rn 0000 1010 0000 0000. */
static bool decode_rfe_srs(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    bool is_srs = flag(insn, A32_BIT_22);
    unsigned n = is_srs ? A32_SP : insn_rn(insn), mode = field(insn, 4, 0);

    if (is_srs == insn_l(insn))
        return false;
    if (is_srs && (insn_rn(insn) != A32_SP || (field(insn, 15, 0) & ~0x1Fu) != 0x0500u ||
                   !a32_mode_valid(mode)))
        return false;
    if (!is_srs && (field(insn, 15, 0) != 0x0A00u || n == A32_PC))
        return false;

    uint32_t base = d->regs[n];
    uint32_t lowest = (insn_u(insn) ? base : base - 8) + (insn_p(insn) == insn_u(insn) ? 4 : 0);
    set_range(d->out, A32_KIND_RFE_SRS, lowest, 8, A32_WORD, A32_WORD);
    set_direction(d->out, !is_srs);
    d->out->base_reg = (uint8_t)n;
    d->out->writeback = insn_w(insn);
    if (d->out->writeback)
        d->out->wb_value = insn_u(insn) ? base + 8 : base - 8;
    d->out->srs_mode = is_srs ? (uint8_t)mode : 0;
    return true;
}

static bool decode_unconditional(a32_decoder_t *d)
{
    uint32_t insn = d->insn;
    switch (field(insn, 27, 25)) {
    case 2: /* 1111 0100 xxx0 is Advanced SIMD element/structure load/store */
        if (field(insn, 27, 24) == 0x4 && !insn_l(insn))
            return decode_neon(d);
        return decode_preload(d);
    case 3:
        return !flag(insn, 4) && decode_preload(d);
    case 4:
        return decode_rfe_srs(d);
    case 6:
        return decode_space_110(d, true); /* LDC2/STC2 */
    default:
        return false; /* CPS, SETEND, Advanced SIMD data-processing, BLX, MCR2... */
    }
}

static bool decode_conditional(a32_decoder_t *d)
{
    switch (field(d->insn, 27, 25)) {
    case 0:
        return decode_space_000(d);
    case 2:
        return decode_word_byte(d);
    case 3: /* bit 4 = 1 here is the media instruction space */
        return !flag(d->insn, 4) && decode_word_byte(d);
    case 4:
        return decode_multiple(d);
    case 6:
        return decode_space_110(d, false);
    default:
        return false; /* data-processing immediate, branches, SVC, MCR/MRC, CDP */
    }
}

bool a32_decode_access_c(uint32_t insn, const uint32_t regs[16], bool carry,
                         a32_access_t *out)
{
    a32_decoder_t d = { .insn = insn, .regs = regs, .carry = carry, .out = out };
    bool ok;

    memset(out, 0, sizeof *out);
    if (field(insn, 31, 28) == A32_COND_UNCONDITIONAL)
        ok = decode_unconditional(&d);
    else
        ok = decode_conditional(&d);
    if (!ok)
        memset(out, 0, sizeof *out);
    return ok;
}

bool a32_decode_access(uint32_t insn, const uint32_t regs[16], a32_access_t *out)
{
    return a32_decode_access_c(insn, regs, false, out);
}

const char *a32_kind_name(a32_kind_t kind)
{
    static const char *const names[] = {
        [A32_KIND_NONE] = "none",           [A32_KIND_WORD_BYTE] = "word/byte",
        [A32_KIND_HALF_SIGNED] = "half/signed", [A32_KIND_DUAL] = "dual",
        [A32_KIND_EXCLUSIVE] = "exclusive", [A32_KIND_SWAP] = "swap",
        [A32_KIND_MULTIPLE] = "multiple",   [A32_KIND_RFE_SRS] = "rfe/srs",
        [A32_KIND_COPROC] = "coproc",       [A32_KIND_VFP] = "vfp",
        [A32_KIND_NEON] = "neon",           [A32_KIND_HINT] = "hint",
    };
    if ((unsigned)kind >= sizeof names / sizeof names[0])
        return "?";
    return names[kind];
}
