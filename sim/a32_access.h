/*
 * sim/a32_access.h - decodes one A32 (ARM-state) instruction word into the data
 * memory range it accesses, so the simulator can compute DFAR/DFSR on an abort.
 * Partners: a32_access.c, mmu_walk.h (which turns the range into DFAR/DFSR),
 * tests/sim/test_a32_access.c, docs/abort-decoding.md.
 */
#ifndef SIM_A32_ACCESS_H
#define SIM_A32_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

/* Instruction family, for diagnostics and tests; the range fields are what count. */
typedef enum a32_kind {
    A32_KIND_NONE = 0,
    A32_KIND_WORD_BYTE,  /* LDR/STR/LDRB/STRB and their T forms, PUSH/POP of one reg */
    A32_KIND_HALF_SIGNED,/* LDRH/STRH/LDRSH/LDRSB and their T forms */
    A32_KIND_DUAL,       /* LDRD/STRD */
    A32_KIND_EXCLUSIVE,  /* LDREX{B,H,D}/STREX{B,H,D} */
    A32_KIND_SWAP,       /* SWP/SWPB: read, then write, of one location */
    A32_KIND_MULTIPLE,   /* LDM/STM in all modes, ^ forms, PUSH/POP */
    A32_KIND_RFE_SRS,    /* RFE (loads 2 words), SRS (stores 2 words) */
    A32_KIND_COPROC,     /* LDC/STC/LDC2/STC2 */
    A32_KIND_VFP,        /* VLDR/VSTR/VLDM/VSTM/VPUSH/VPOP */
    A32_KIND_NEON,       /* VLD1-4/VST1-4 element and structure forms */
    A32_KIND_HINT,       /* PLD/PLDW/PLI: never fault, move no data */
} a32_kind_t;

/*
 * What one instruction accesses. Every A32 instruction that touches several
 * locations does so in ascending address order (the ARM ARM pseudocode walks
 * upwards even for the DA/DB forms), so the range is contiguous and the first
 * access is at `start`.
 */
typedef struct a32_access {
    a32_kind_t kind;
    uint32_t start;        /* lowest byte address accessed */
    uint32_t length;       /* bytes in [start, start + length), modulo 2^32 */
    uint32_t first_addr;   /* address of the first access made: what DFAR holds
                              when that one faults; equals start (see above) */
    uint8_t elem_size;     /* bytes per single access (1, 2, 4, 8): the
                              alignment checked when SCTLR.A = 1 */
    uint8_t align_always;  /* alignment checked whatever SCTLR.A says (1: none):
                              4 for LDM/LDRD/LDC/VLDR, size for LDREX, ... */
    bool is_read;          /* loads data */
    bool is_write;         /* stores data; both set only for SWP/SWPB, where the
                              read comes first and a fault on it has WnR = 0 */
    bool unprivileged;     /* LDRT family: permission-checked as PL0 */
    bool is_exclusive;     /* LDREX/STREX family (STREX checks even if it fails) */
    bool is_hint;          /* PLD/PLDW/PLI: architecturally never abort */
    bool uses_carry;       /* RRX offset: the address depends on APSR.C */
    bool writeback;        /* the base register is updated */
    uint8_t base_reg;      /* Rn (13 for SRS, whose base is SP of srs_mode) */
    uint32_t wb_value;     /* new base value when writeback */
    uint8_t srs_mode;      /* SRS only: the mode whose SP is the base; the
                              range was computed from regs[13], so the caller
                              must redo it with that mode's SP if it differs */
} a32_access_t;

/*
 * Decodes `insn`. regs[0..14] are the current mode's registers and regs[15] is
 * the instruction's address + 8, as an A32 instruction reads the PC. The
 * condition field is ignored (the caller knows the instruction executed) except
 * that 0b1111 selects the unconditional space. Returns false, leaving *out
 * zeroed, when the word is not a data memory access or its encoding is
 * UNDEFINED or UNPREDICTABLE (e.g. LDRD with odd Rt).
 * a32_decode_access assumes APSR.C = 0; out->uses_carry says when that mattered.
 */
bool a32_decode_access(uint32_t insn, const uint32_t regs[16], a32_access_t *out);
bool a32_decode_access_c(uint32_t insn, const uint32_t regs[16], bool carry,
                         a32_access_t *out);

/* Short name of a kind, for log lines. */
const char *a32_kind_name(a32_kind_t kind);

#endif
