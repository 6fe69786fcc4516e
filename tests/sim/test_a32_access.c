/*
 * tests/sim/test_a32_access.c - table-driven tests of the A32 load/store
 * decoder (sim/a32_access.c). Words were encoded by hand from the ARM ARM
 * (DDI 0406C, A5/A7); a32_access.table_words_match_assembler re-assembles the
 * table's text with arm-none-eabi-as, when installed, and compares.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "a32_access.h"

/* The register file every row runs with: r3/r5/r9 exercise the shifts. */
static const uint32_t regs[16] = {
    0x00001000, 0x00002000, 0x00000010, 0x80000004, /* r0-r3 */
    0x00003000, 0x00000003, 0x00006000, 0x00000008, /* r4-r7 */
    0x00008000, 0xFFFFFFF0, 0x0000A000, 0x0000B000, /* r8-r11 */
    0x0000C000, 0x0000D000, 0x0000E000, 0x00010008, /* r12, sp, lr, pc = 0x10000 + 8 */
};

enum { RD = 1, WR = 2 };                   /* direction */
enum { UNPRIV = 1, EXCL = 2, HINT = 4 };   /* flags */

/* Strings are arrays, not pointers: Criterion may run each parameter in a
 * re-executed process where pointers into the parent's image are invalid. */
#define A32_TEXT_MAX 64

typedef struct a32_case {
    char text[A32_TEXT_MAX]; /* GNU as, unified syntax */
    uint32_t insn;
    a32_kind_t kind;
    uint32_t start, length;
    unsigned dir, elem, align, flags;
    bool wb;
    uint32_t wb_value;
} a32_case_t;

#define NOWB false, 0
#define WB(v) true, (v)
#define K_WB A32_KIND_WORD_BYTE
#define K_HS A32_KIND_HALF_SIGNED
#define K_DUAL A32_KIND_DUAL
#define K_EX A32_KIND_EXCLUSIVE
#define K_SWP A32_KIND_SWAP
#define K_LDM A32_KIND_MULTIPLE
#define K_RFE A32_KIND_RFE_SRS
#define K_CP A32_KIND_COPROC
#define K_VFP A32_KIND_VFP
#define K_NEON A32_KIND_NEON
#define K_HINT A32_KIND_HINT

static const a32_case_t cases[] = {
    /* LDR/STR/LDRB/STRB immediate: offset, pre-index!, post-index, up/down */
    { "ldr r2, [r0, #4]", 0xE5902004, K_WB, 0x1004, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, #-4]", 0xE5102004, K_WB, 0x0FFC, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, #8]!", 0xE5B02008, K_WB, 0x1008, 4, RD, 4, 1, 0, WB(0x1008) },
    { "ldr r2, [r0], #8", 0xE4902008, K_WB, 0x1000, 4, RD, 4, 1, 0, WB(0x1008) },
    { "ldr r2, [r0], #-8", 0xE4102008, K_WB, 0x1000, 4, RD, 4, 1, 0, WB(0x0FF8) },
    { "str r2, [r1, #12]", 0xE581200C, K_WB, 0x200C, 4, WR, 4, 1, 0, NOWB },
    { "ldrb r2, [r0, #1]", 0xE5D02001, K_WB, 0x1001, 1, RD, 1, 1, 0, NOWB },
    { "strb r2, [r1, #-1]!", 0xE5612001, K_WB, 0x1FFF, 1, WR, 1, 1, 0, WB(0x1FFF) },
    { "ldr r2, [pc, #-8]", 0xE51F2008, K_WB, 0x10000, 4, RD, 4, 1, 0, NOWB },
    { "ldrne r2, [r0, #4]", 0x15902004, K_WB, 0x1004, 4, RD, 4, 1, 0, NOWB },
    /* register and scaled register offsets: LSL/LSR/ASR/ROR/RRX, #32 forms */
    { "ldr r2, [r0, r7]", 0xE7902007, K_WB, 0x1008, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, -r7]", 0xE7102007, K_WB, 0x0FF8, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, r5, lsl #2]", 0xE7902105, K_WB, 0x100C, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, r3, lsr #4]!", 0xE7B02223, K_WB, 0x08001000, 4, RD, 4, 1, 0, WB(0x08001000) },
    { "ldr r2, [r0, r9, asr #2]", 0xE7902149, K_WB, 0x0FFC, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, r9, asr #32]", 0xE7902049, K_WB, 0x0FFF, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, r3, lsr #32]", 0xE7902023, K_WB, 0x1000, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, r5, ror #1]", 0xE79020E5, K_WB, 0x80001001, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0, r5, rrx]", 0xE7902065, K_WB, 0x1001, 4, RD, 4, 1, 0, NOWB },
    { "ldr r2, [r0], -r5, lsl #3", 0xE6102185, K_WB, 0x1000, 4, RD, 4, 1, 0, WB(0x0FE8) },
    { "strb r2, [r1, r7]!", 0xE7E12007, K_WB, 0x2008, 1, WR, 1, 1, 0, WB(0x2008) },
    /* LDRT/STRT/LDRBT/STRBT: always post-indexed, checked as PL0 */
    { "ldrt r2, [r0], #4", 0xE4B02004, K_WB, 0x1000, 4, RD, 4, 1, UNPRIV, WB(0x1004) },
    { "strt r2, [r1], #-4", 0xE4212004, K_WB, 0x2000, 4, WR, 4, 1, UNPRIV, WB(0x1FFC) },
    { "ldrbt r2, [r0], r7", 0xE6F02007, K_WB, 0x1000, 1, RD, 1, 1, UNPRIV, WB(0x1008) },
    { "strbt r2, [r1], #1", 0xE4E12001, K_WB, 0x2000, 1, WR, 1, 1, UNPRIV, WB(0x2001) },
    { "ldrt r2, [r0], r5, lsl #2", 0xE6B02105, K_WB, 0x1000, 4, RD, 4, 1, UNPRIV, WB(0x100C) },
    /* single-register PUSH/POP are STR/LDR */
    { "push {r2}", 0xE52D2004, K_WB, 0xCFFC, 4, WR, 4, 1, 0, WB(0xCFFC) },
    { "pop {r2}", 0xE49D2004, K_WB, 0xD000, 4, RD, 4, 1, 0, WB(0xD004) },
    /* halfword and signed, immediate and register, T forms */
    { "ldrh r2, [r0, #6]", 0xE1D020B6, K_HS, 0x1006, 2, RD, 2, 1, 0, NOWB },
    { "strh r2, [r1, #-0x22]!", 0xE16122B2, K_HS, 0x1FDE, 2, WR, 2, 1, 0, WB(0x1FDE) },
    { "ldrh r2, [r0], #2", 0xE0D020B2, K_HS, 0x1000, 2, RD, 2, 1, 0, WB(0x1002) },
    { "ldrh r2, [r0, r7]", 0xE19020B7, K_HS, 0x1008, 2, RD, 2, 1, 0, NOWB },
    { "strh r2, [r1], -r7", 0xE00120B7, K_HS, 0x2000, 2, WR, 2, 1, 0, WB(0x1FF8) },
    { "ldrsb r2, [r0, #-1]", 0xE15020D1, K_HS, 0x0FFF, 1, RD, 1, 1, 0, NOWB },
    { "ldrsh r2, [r0, r7]!", 0xE1B020F7, K_HS, 0x1008, 2, RD, 2, 1, 0, WB(0x1008) },
    { "ldrsb r2, [r0], r7", 0xE09020D7, K_HS, 0x1000, 1, RD, 1, 1, 0, WB(0x1008) },
    { "ldrh r2, [pc, #-16]", 0xE15F21B0, K_HS, 0xFFF8, 2, RD, 2, 1, 0, NOWB },
    { "ldrht r2, [r0], #2", 0xE0F020B2, K_HS, 0x1000, 2, RD, 2, 1, UNPRIV, WB(0x1002) },
    { "strht r2, [r1], #-2", 0xE06120B2, K_HS, 0x2000, 2, WR, 2, 1, UNPRIV, WB(0x1FFE) },
    { "ldrsbt r2, [r0], r7", 0xE0B020D7, K_HS, 0x1000, 1, RD, 1, 1, UNPRIV, WB(0x1008) },
    { "ldrsht r2, [r0], #-4", 0xE07020F4, K_HS, 0x1000, 2, RD, 2, 1, UNPRIV, WB(0x0FFC) },
    /* dual: two words, word alignment required whatever SCTLR.A */
    { "ldrd r2, r3, [r0, #8]", 0xE1C020D8, K_DUAL, 0x1008, 8, RD, 4, 4, 0, NOWB },
    { "strd r2, r3, [r1, #-8]!", 0xE16120F8, K_DUAL, 0x1FF8, 8, WR, 4, 4, 0, WB(0x1FF8) },
    { "ldrd r4, r5, [r0], r7", 0xE08040D7, K_DUAL, 0x1000, 8, RD, 4, 4, 0, WB(0x1008) },
    { "strd r2, r3, [r1, -r7]", 0xE10120F7, K_DUAL, 0x1FF8, 8, WR, 4, 4, 0, NOWB },
    { "ldrd r2, r3, [pc, #-8]", 0xE14F20D8, K_DUAL, 0x10000, 8, RD, 4, 4, 0, NOWB },
    /* exclusives: aligned to their size always */
    { "ldrex r2, [r0]", 0xE1902F9F, K_EX, 0x1000, 4, RD, 4, 4, EXCL, NOWB },
    { "strex r2, r3, [r1]", 0xE1812F93, K_EX, 0x2000, 4, WR, 4, 4, EXCL, NOWB },
    { "ldrexb r2, [r0]", 0xE1D02F9F, K_EX, 0x1000, 1, RD, 1, 1, EXCL, NOWB },
    { "strexb r2, r3, [r1]", 0xE1C12F93, K_EX, 0x2000, 1, WR, 1, 1, EXCL, NOWB },
    { "ldrexh r2, [r0]", 0xE1F02F9F, K_EX, 0x1000, 2, RD, 2, 2, EXCL, NOWB },
    { "strexh r2, r3, [r1]", 0xE1E12F93, K_EX, 0x2000, 2, WR, 2, 2, EXCL, NOWB },
    { "ldrexd r2, r3, [r0]", 0xE1B02F9F, K_EX, 0x1000, 8, RD, 8, 8, EXCL, NOWB },
    { "strexd r6, r2, r3, [r1]", 0xE1A16F92, K_EX, 0x2000, 8, WR, 8, 8, EXCL, NOWB },
    /* swap: read then write */
    { "swp r2, r3, [r0]", 0xE1002093, K_SWP, 0x1000, 4, RD | WR, 4, 4, 0, NOWB },
    { "swpb r2, r3, [r0]", 0xE1402093, K_SWP, 0x1000, 1, RD | WR, 1, 1, 0, NOWB },
    /* LDM/STM: IA/IB/DA/DB, with and without writeback, ^ forms, PC, PUSH/POP */
    { "ldmia r0, {r2-r4}", 0xE890001C, K_LDM, 0x1000, 12, RD, 4, 4, 0, NOWB },
    { "ldmib r0!, {r2-r4}", 0xE9B0001C, K_LDM, 0x1004, 12, RD, 4, 4, 0, WB(0x100C) },
    { "ldmda r0, {r2-r4}", 0xE810001C, K_LDM, 0x0FF8, 12, RD, 4, 4, 0, NOWB },
    { "ldmdb r0!, {r2-r4}", 0xE930001C, K_LDM, 0x0FF4, 12, RD, 4, 4, 0, WB(0x0FF4) },
    { "stmia r1!, {r2, r3}", 0xE8A1000C, K_LDM, 0x2000, 8, WR, 4, 4, 0, WB(0x2008) },
    { "stmib r1, {r0-r3}", 0xE981000F, K_LDM, 0x2004, 16, WR, 4, 4, 0, NOWB },
    { "stmda r1!, {r2}", 0xE8210004, K_LDM, 0x2000, 4, WR, 4, 4, 0, WB(0x1FFC) },
    { "stmdb r1, {r2-r5}", 0xE901003C, K_LDM, 0x1FF0, 16, WR, 4, 4, 0, NOWB },
    { "push {r4-r6, lr}", 0xE92D4070, K_LDM, 0xCFF0, 16, WR, 4, 4, 0, WB(0xCFF0) },
    { "pop {r4-r6, pc}", 0xE8BD8070, K_LDM, 0xD000, 16, RD, 4, 4, 0, WB(0xD010) },
    { "stmdb sp, {r0-r1}^", 0xE94D0003, K_LDM, 0xCFF8, 8, WR, 4, 4, 0, NOWB },
    { "ldmia r0, {r2, r3}^", 0xE8D0000C, K_LDM, 0x1000, 8, RD, 4, 4, 0, NOWB },
    { "ldmia sp!, {r0, pc}^", 0xE8FD8001, K_LDM, 0xD000, 8, RD, 4, 4, 0, WB(0xD008) },
    { "ldmia r0, {pc}", 0xE8908000, K_LDM, 0x1000, 4, RD, 4, 4, 0, NOWB },
    { "stmia r1, {r0-r12, sp, lr, pc}", 0xE881FFFF, K_LDM, 0x2000, 64, WR, 4, 4, 0, NOWB },
    /* LDC/STC(2): offset, post-index, unindexed, pre-index!, long */
    { "ldc p14, c5, [r0, #4]", 0xED905E01, K_CP, 0x1004, 4, RD, 4, 4, 0, NOWB },
    { "stc p14, c5, [r1], #-8", 0xEC215E02, K_CP, 0x2000, 4, WR, 4, 4, 0, WB(0x1FF8) },
    { "ldc p14, c5, [r0], {7}", 0xEC905E07, K_CP, 0x1000, 4, RD, 4, 4, 0, NOWB },
    { "ldc2 p7, c5, [r0, #-8]!", 0xFD305702, K_CP, 0x0FF8, 4, RD, 4, 4, 0, WB(0x0FF8) },
    { "stcl p14, c5, [r1, #4]", 0xEDC15E01, K_CP, 0x2004, 4, WR, 4, 4, 0, NOWB },
    /* VFP: VLDR/VSTR (S and D, literal), VLDM/VSTM IA/DB!, VPUSH/VPOP, FLDMX */
    { "vldr d0, [r0, #8]", 0xED900B02, K_VFP, 0x1008, 8, RD, 4, 4, 0, NOWB },
    { "vstr s1, [r1, #-4]", 0xED410A01, K_VFP, 0x1FFC, 4, WR, 4, 4, 0, NOWB },
    { "vldr s2, [pc, #-8]", 0xED1F1A02, K_VFP, 0x10000, 4, RD, 4, 4, 0, NOWB },
    { "vldmia r0, {d0-d3}", 0xEC900B08, K_VFP, 0x1000, 32, RD, 4, 4, 0, NOWB },
    { "vldmia r0!, {s4-s6}", 0xECB02A03, K_VFP, 0x1000, 12, RD, 4, 4, 0, WB(0x100C) },
    { "vstmdb r1!, {d8-d9}", 0xED218B04, K_VFP, 0x1FF0, 16, WR, 4, 4, 0, WB(0x1FF0) },
    { "vpush {d8-d15}", 0xED2D8B10, K_VFP, 0xCFC0, 64, WR, 4, 4, 0, WB(0xCFC0) },
    { "vpop {s0-s1}", 0xECBD0A02, K_VFP, 0xD000, 8, RD, 4, 4, 0, WB(0xD008) },
    { "vldmia r0, {d16-d17}", 0xECD00B04, K_VFP, 0x1000, 16, RD, 4, 4, 0, NOWB },
    { "fldmiax r0!, {d0-d1}", 0xECB00B05, K_VFP, 0x1000, 16, RD, 4, 4, 0, WB(0x1014) },
    { "fstmdbx r1!, {d0}", 0xED210B03, K_VFP, 0x1FF4, 8, WR, 4, 4, 0, WB(0x1FF4) },
    /* Advanced SIMD element/structure: multiple, one lane, all lanes */
    { "vld1.8 {d0}, [r0]", 0xF420070F, K_NEON, 0x1000, 8, RD, 1, 1, 0, NOWB },
    { "vld1.32 {d0-d1}, [r0:128]!", 0xF4200AAD, K_NEON, 0x1000, 16, RD, 4, 16, 0, WB(0x1010) },
    { "vst1.16 {d0-d3}, [r1], r7", 0xF4010247, K_NEON, 0x2000, 32, WR, 2, 1, 0, WB(0x2008) },
    { "vld2.16 {d0-d1}, [r0]", 0xF420084F, K_NEON, 0x1000, 16, RD, 2, 1, 0, NOWB },
    { "vld3.8 {d0, d2, d4}, [r0]!", 0xF420050D, K_NEON, 0x1000, 24, RD, 1, 1, 0, WB(0x1018) },
    { "vld4.32 {d0-d3}, [r0:256]", 0xF42000BF, K_NEON, 0x1000, 32, RD, 4, 32, 0, NOWB },
    { "vld1.32 {d0[1]}, [r0:32]", 0xF4A008BF, K_NEON, 0x1000, 4, RD, 4, 4, 0, NOWB },
    { "vst2.16 {d0[2], d1[2]}, [r1]", 0xF481058F, K_NEON, 0x2000, 4, WR, 2, 1, 0, NOWB },
    { "vld4.8 {d0[3], d1[3], d2[3], d3[3]}, [r0:32]", 0xF4A0037F, K_NEON, 0x1000, 4, RD, 1, 4, 0, NOWB },
    { "vld1.16 {d0[]}, [r0:16]", 0xF4A00C5F, K_NEON, 0x1000, 2, RD, 2, 2, 0, NOWB },
    { "vld4.32 {d0[], d1[], d2[], d3[]}, [r0:64]", 0xF4A00F9F, K_NEON, 0x1000, 16, RD, 4, 8, 0, NOWB },
    { "vld3.16 {d0[], d2[], d4[]}, [r0], r7", 0xF4A00E67, K_NEON, 0x1000, 6, RD, 2, 1, 0, WB(0x1008) },
    /* preload hints: decoded, but never fault */
    { "pld [r0, #64]", 0xF5D0F040, K_HINT, 0x1040, 1, RD, 1, 1, HINT, NOWB },
    { "pldw [r0, #-4]", 0xF510F004, K_HINT, 0x0FFC, 1, WR, 1, 1, HINT, NOWB },
    { "pli [r0, #8]", 0xF4D0F008, K_HINT, 0x1008, 1, RD, 1, 1, HINT, NOWB },
    { "pld [r0, r7, lsl #1]", 0xF7D0F087, K_HINT, 0x1010, 1, RD, 1, 1, HINT, NOWB },
    { "pli [r0, -r7]", 0xF650F007, K_HINT, 0x0FF8, 1, RD, 1, 1, HINT, NOWB },
    { "pld [pc, #-8]", 0xF55FF008, K_HINT, 0x10000, 1, RD, 1, 1, HINT, NOWB },
    /* RFE loads two words, SRS stores two to SP of the named mode */
    { "rfeia r0!", 0xF8B00A00, K_RFE, 0x1000, 8, RD, 4, 4, 0, WB(0x1008) },
    { "rfedb sp", 0xF91D0A00, K_RFE, 0xCFF8, 8, RD, 4, 4, 0, NOWB },
    { "rfeda r0", 0xF8100A00, K_RFE, 0x0FFC, 8, RD, 4, 4, 0, NOWB },
    { "srsdb sp!, #19", 0xF96D0513, K_RFE, 0xCFF8, 8, WR, 4, 4, 0, WB(0xCFF8) },
    { "srsia sp, #18", 0xF8CD0512, K_RFE, 0xD000, 8, WR, 4, 4, 0, NOWB },
    { "srsib sp, #31", 0xF9CD051F, K_RFE, 0xD004, 8, WR, 4, 4, 0, NOWB },
};

#define N_CASES (sizeof cases / sizeof cases[0])

ParameterizedTestParameters(a32_access, decodes_table)
{
    return cr_make_param_array(a32_case_t, cases, N_CASES);
}

ParameterizedTest(const a32_case_t *c, a32_access, decodes_table)
{
    a32_access_t a;

    cr_assert(a32_decode_access(c->insn, regs, &a), "%s: not decoded", c->text);
    cr_expect_eq(a.kind, c->kind, "%s: kind %s", c->text, a32_kind_name(a.kind));
    cr_expect_eq(a.start, c->start, "%s: start %#x", c->text, a.start);
    cr_expect_eq(a.first_addr, c->start, "%s: first_addr %#x", c->text, a.first_addr);
    cr_expect_eq(a.length, c->length, "%s: length %u", c->text, a.length);
    cr_expect_eq(a.is_read, (c->dir & RD) != 0, "%s: is_read", c->text);
    cr_expect_eq(a.is_write, (c->dir & WR) != 0, "%s: is_write", c->text);
    cr_expect_eq(a.elem_size, c->elem, "%s: elem_size %u", c->text, a.elem_size);
    cr_expect_eq(a.align_always, c->align, "%s: align_always %u", c->text, a.align_always);
    cr_expect_eq(a.unprivileged, (c->flags & UNPRIV) != 0, "%s: unprivileged", c->text);
    cr_expect_eq(a.is_exclusive, (c->flags & EXCL) != 0, "%s: is_exclusive", c->text);
    cr_expect_eq(a.is_hint, (c->flags & HINT) != 0, "%s: is_hint", c->text);
    cr_expect_eq(a.writeback, c->wb, "%s: writeback", c->text);
    if (c->wb)
        cr_expect_eq(a.wb_value, c->wb_value, "%s: wb_value %#x", c->text, a.wb_value);
}

/* UNPREDICTABLE/UNDEFINED encodings and non-memory instructions. */
typedef struct a32_reject {
    char why[A32_TEXT_MAX];
    uint32_t insn;
} a32_reject_t;

static const a32_reject_t rejects[] = {
    { "ldrd r1, r2, [r0] (odd Rt)", 0xE1C010D0 },
    { "ldrd r14, pc, [r0] (Rt2 = PC)", 0xE1C0E0D0 },
    { "ldrd r2, r3, [r0], #8 with W = 1 (P = 0)", 0xE0E020D8 },
    { "ldrd r2, r3, [r0, r2] (Rm = Rt)", 0xE18020D2 },
    { "strd r2, r3, [r2, #8]! (wback, Rn = Rt)", 0xE1E220F8 },
    { "ldr r0, [r0, #4]! (wback, Rn = Rt)", 0xE5B00004 },
    { "ldr r2, [pc, #4]! (wback, Rn = PC)", 0xE5BF2004 },
    { "ldr r2, [r0, pc] (Rm = PC)", 0xE790200F },
    { "ldrb pc, [r0]", 0xE5D0F000 },
    { "ldrt r0, [r0], #4 (Rn = Rt)", 0xE4B00004 },
    { "ldrh r2, [r0, r7] with imm4H != 0", 0xE19021B7 },
    { "ldrh pc, [r0]", 0xE1D0F0B0 },
    { "ldrsb pc, [r0]", 0xE1D0F0D0 },
    { "ldm r0!, {r0, r1} (wback, base loaded)", 0xE8B00003 },
    { "ldm r0, {} (empty list)", 0xE8900000 },
    { "ldm pc, {r0}", 0xE89F0001 },
    { "stmia r1!, {r0}^ (user bank with wback)", 0xE8E10001 },
    { "ldrex r2, [pc]", 0xE19F2F9F },
    { "strex r0, r0, [r1] (Rd = Rt)", 0xE1810F90 },
    { "strex r1, r2, [r1] (Rd = Rn)", 0xE1811F92 },
    { "ldrexd r3, r4, [r0] (odd Rt)", 0xE1B03F9F },
    { "lda r2, [r0] (ARMv8, not v7)", 0xE1902C9F },
    { "swp r0, r1, [r0] (Rn = Rt)", 0xE1000091 },
    { "vldmia r0, {d0-d16} (17 registers)", 0xEC900B22 },
    { "vldmia r0, {} (imm8 = 0)", 0xEC900B00 },
    { "vldmia pc!, {d0}", 0xECBF0B02 },
    { "vstmia with P = U = 1 and W = 1", 0xEDA10B02 },
    { "ldc p14, c5, [pc, #4]!", 0xEDBF5E01 },
    { "ldc2 p10 (VFP numbers in the unconditional space)", 0xFD900A01 },
    { "ldc2 p14, c5, [r0] (CP14 has no LDC2)", 0xFD905E00 },
    { "ldc p14, c6, [r0] (CP14 loads only c5)", 0xED906E00 },
    { "stc p15, c0, [r0] (CP15 has no loads/stores)", 0xED800F00 },
    { "vldr.16 s0, [r0] (ARMv8.2: LDC to reserved p9 in v7)", 0xED900900 },
    { "vld1.8 {d0}, [pc]", 0xF42F070F },
    { "vld2 with size 11", 0xF42008CF },
    { "vld1 type 1011", 0xF4200B0F },
    { "vst to all lanes", 0xF4800C0F },
    { "vld1.8 {d31-d32}: past d31", 0xF460FA0F },
    { "pldw [pc, #4]", 0xF59FF004 },
    { "pld [r0, pc]", 0xF7D0F00F },
    { "srs to mode 5", 0xF96D0505 },
    { "rfeia pc", 0xF89F0A00 },
    { "add r0, r1, r2", 0xE0810002 },
    { "mul r0, r1, r2", 0xE0000291 },
    { "uxtb r0, r1 (media space)", 0xE6EF0071 },
    { "b .", 0xEAFFFFFE },
    { "svc #0", 0xEF000000 },
    { "bkpt #0", 0xE1200070 },
    { "mrc p15, 0, r0, c1, c0, 0", 0xEE110F10 },
    { "mcrr p15, 0, r0, r1, c2", 0xEC410F02 },
    { "vmov d0, r0, r1", 0xEC410B10 },
    { "dmb sy", 0xF57FF05F },
    { "clrex", 0xF57FF01F },
    { "cps #19", 0xF1020013 },
};

#define N_REJECTS (sizeof rejects / sizeof rejects[0])

ParameterizedTestParameters(a32_access, rejects_table)
{
    return cr_make_param_array(a32_reject_t, rejects, N_REJECTS);
}

ParameterizedTest(const a32_reject_t *r, a32_access, rejects_table)
{
    static const a32_access_t zero;
    a32_access_t a;

    memset(&a, 0xA5, sizeof a);
    cr_expect_not(a32_decode_access(r->insn, regs, &a), "%s: decoded", r->why);
    cr_expect(memcmp(&a, &zero, sizeof a) == 0, "%s: output not zeroed", r->why);
}

Test(a32_access, ldr_register_scaled_pre_index_writeback)
{
    a32_access_t a;
    /* ldr r2, [r0, r5, lsl #2]! : P=1 U=1 W=1, imm5=2 LSL, Rm=r5 (3) */
    cr_assert(a32_decode_access(0xE7B02105, regs, &a));
    cr_expect_eq(a.start, 0x100C);
    cr_expect_eq(a.length, 4);
    cr_expect(a.writeback);
    cr_expect_eq(a.base_reg, 0);
    cr_expect_eq(a.wb_value, 0x100C);
    cr_expect_not(a.uses_carry);
}

Test(a32_access, rrx_offset_depends_on_carry)
{
    a32_access_t a;
    /* ldr r2, [r0, r5, rrx]: r5 = 3 -> 1, plus C in bit 31 */
    cr_assert(a32_decode_access_c(0xE7902065, regs, false, &a));
    cr_expect_eq(a.start, 0x1001);
    cr_expect(a.uses_carry);
    cr_assert(a32_decode_access_c(0xE7902065, regs, true, &a));
    cr_expect_eq(a.start, 0x80001001);
    cr_expect(a.uses_carry);
    /* pld [r0, r5, rrx] uses it too */
    cr_assert(a32_decode_access_c(0xF7D0F065, regs, true, &a));
    cr_expect_eq(a.start, 0x80001001);
}

/* Every condition 0000-1110 decodes the same; 1111 is another space. */
Test(a32_access, condition_field_is_ignored)
{
    for (size_t i = 0; i < N_CASES; i++) {
        a32_access_t want, got;
        if ((cases[i].insn >> 28) == 0xF)
            continue;
        cr_assert(a32_decode_access(cases[i].insn, regs, &want));
        for (uint32_t cond = 0; cond < 0xF; cond++) {
            uint32_t insn = (cases[i].insn & 0x0FFFFFFFu) | (cond << 28);
            cr_assert(a32_decode_access(insn, regs, &got), "%s cond %u", cases[i].text, cond);
            cr_expect(memcmp(&want, &got, sizeof got) == 0, "%s cond %u", cases[i].text, cond);
        }
    }
    /* the same bits with cond 1111 are PLDW space, whose bits 15:12 must be 1111 */
    a32_access_t a;
    cr_expect_not(a32_decode_access(0xF5902004, regs, &a));
}

Test(a32_access, descending_multiple_wraps_below_zero)
{
    uint32_t low[16];
    memcpy(low, regs, sizeof low);
    low[0] = 4;
    a32_access_t a;
    /* ldmdb r0, {r2-r4}: 12 bytes below 4 */
    cr_assert(a32_decode_access(0xE910001C, low, &a));
    cr_expect_eq(a.start, 0xFFFFFFF8);
    cr_expect_eq(a.length, 12);
}

Test(a32_access, srs_reports_the_mode_whose_sp_is_the_base)
{
    a32_access_t a;
    cr_assert(a32_decode_access(0xF96D0513, regs, &a)); /* srsdb sp!, #19 */
    cr_expect_eq(a.srs_mode, 0x13);
    cr_expect_eq(a.base_reg, 13);
    cr_assert(a32_decode_access(0xF8B00A00, regs, &a)); /* rfeia r0! */
    cr_expect_eq(a.srs_mode, 0);
}

Test(a32_access, swap_is_read_then_write_of_one_location)
{
    a32_access_t a;
    cr_assert(a32_decode_access(0xE1002093, regs, &a)); /* swp r2, r3, [r0] */
    cr_expect(a.is_read && a.is_write);
    cr_expect_eq(a.first_addr, 0x1000);
    cr_expect_eq(a.length, 4);
}

Test(a32_access, kind_names)
{
    cr_expect_str_eq(a32_kind_name(A32_KIND_MULTIPLE), "multiple");
    cr_expect_str_eq(a32_kind_name(A32_KIND_HINT), "hint");
    cr_expect_str_eq(a32_kind_name((a32_kind_t)99), "?");
}

#define AS_PATH "/usr/bin/arm-none-eabi-as"
#define OBJCOPY_PATH "/usr/bin/arm-none-eabi-objcopy"

/* Assembles every table row and returns how many words it read back. */
static size_t assemble_table(const char *dir, uint32_t *words, size_t max)
{
    char path[256], cmd[1024];
    snprintf(path, sizeof path, "%s/t.s", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, ".syntax unified\n.arch armv7-a\n.arch_extension mp\n"
               ".arch_extension sec\n.arch_extension virt\n.fpu neon-vfpv4\n.arm\n");
    for (size_t i = 0; i < N_CASES; i++)
        fprintf(f, "%s\n", cases[i].text);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             AS_PATH " -W -mno-warn-deprecated -o %s/t.o %s/t.s && " OBJCOPY_PATH " -O binary -j .text %s/t.o %s/t.bin",
             dir, dir, dir, dir);
    cr_assert_eq(system(cmd), 0, "assembling the table failed");
    snprintf(path, sizeof path, "%s/t.bin", dir);
    f = fopen(path, "rb");
    cr_assert_not_null(f);
    size_t n = 0;
    unsigned char b[4];
    while (n < max && fread(b, 1, 4, f) == 4)
        words[n++] = b[0] | (b[1] << 8) | (b[2] << 16) | ((uint32_t)b[3] << 24);
    fclose(f);
    return n;
}

Test(a32_access, table_words_match_assembler)
{
    if (access(AS_PATH, X_OK) != 0 || access(OBJCOPY_PATH, X_OK) != 0)
        cr_skip_test("arm-none-eabi binutils not installed");
    char dir[] = "/tmp/a32_access_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    uint32_t words[N_CASES + 1];
    size_t n = assemble_table(dir, words, N_CASES + 1);
    cr_expect_eq(n, N_CASES, "assembler produced %zu words", n);
    for (size_t i = 0; i < n && i < N_CASES; i++)
        cr_expect_eq(words[i], cases[i].insn, "%s: table %#010x, as %#010x", cases[i].text,
                     cases[i].insn, words[i]);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_expect_eq(system(cmd), 0);
}
