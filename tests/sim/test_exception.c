/*
 * tests/sim/test_exception.c - ARMv7-A exception entry as sim/exception.c performs
 * it, checked against the architecture's rules (ARM DDI 0406C, B1.8): first the
 * pure rules (vector, CPSR, LR), then entries on a real Unicorn CPU, register by
 * register: target mode, banked SP and LR, SPSR, masks, PC, and the round trip
 * back through the guest's own exception return.
 */
#include <criterion/criterion.h>

#include "exception.h"

#define VBAR 0x00000000u
#define USER_CODE 0x00001000u
#define USER_SP 0x00004000u
#define SVC_SP 0x00008000u
#define HANDLER 0x00000100u

/* A32 encodings used below. */
#define A32_SVC0 0xEF000000u
#define A32_UDF0 0xE7F000F0u
#define A32_NOP 0xE320F000u
#define A32_WFI 0xE320F003u
#define A32_MOVS_PC_LR 0xE1B0F00Eu
#define A32_MOV_R0_1 0xE3A00001u
#define A32_B_SELF 0xEAFFFFFEu

static uint32_t branch(uint32_t from, uint32_t to)
{
    return 0xEA000000u | (((to - from - 8) >> 2) & 0x00FFFFFFu);
}

/* ---- the pure rules ---- */

Test(exception_rules, vectors_use_vbar_or_high_vectors)
{
    cr_expect_eq(arm_vector_address(ARM_EXC_SVC, 0, 0x80001000u), 0x80001008u);
    cr_expect_eq(arm_vector_address(ARM_EXC_DABT, 0, 0x80001000u), 0x80001010u);
    cr_expect_eq(arm_vector_address(ARM_EXC_IRQ, 0, 0x80001000u), 0x80001018u);
    /* VBAR[4:0] are reserved: the base is 32-byte aligned. */
    cr_expect_eq(arm_vector_address(ARM_EXC_UNDEF, 0, 0x8000101Fu), 0x80001004u);
    cr_expect_eq(arm_vector_address(ARM_EXC_PABT, SCTLR_V, 0x80001000u), 0xFFFF000Cu);
    cr_expect_eq(arm_vector_address(ARM_EXC_FIQ, SCTLR_V, 0), 0xFFFF001Cu);
    cr_expect_eq(arm_vector_address(ARM_EXC_RESET, SCTLR_V, 0x1000), 0xFFFF0000u);
}

Test(exception_rules, cpsr_mode_and_masks_for_each_kind)
{
    const uint32_t user = 0xF0000010u; /* NZCV set, user mode, nothing masked */
    struct { arm_exception_t kind; uint32_t mode, masks; } cases[] = {
        {ARM_EXC_UNDEF, ARM_MODE_UND, CPSR_I},
        {ARM_EXC_SVC, ARM_MODE_SVC, CPSR_I},
        {ARM_EXC_PABT, ARM_MODE_ABT, CPSR_I | CPSR_A},
        {ARM_EXC_DABT, ARM_MODE_ABT, CPSR_I | CPSR_A},
        {ARM_EXC_IRQ, ARM_MODE_IRQ, CPSR_I | CPSR_A},
        {ARM_EXC_FIQ, ARM_MODE_FIQ, CPSR_I | CPSR_A | CPSR_F},
        {ARM_EXC_RESET, ARM_MODE_SVC, CPSR_I | CPSR_A | CPSR_F},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint32_t c = arm_exception_cpsr(cases[i].kind, user, 0);
        cr_expect_eq(c & CPSR_MODE_MASK, cases[i].mode, "%s", arm_exception_name(cases[i].kind));
        cr_expect_eq(c & (CPSR_I | CPSR_A | CPSR_F), cases[i].masks, "%s",
                     arm_exception_name(cases[i].kind));
        cr_expect_eq(c & 0xF0000000u, 0xF0000000u, "condition flags are kept");
    }
}

Test(exception_rules, masks_already_set_stay_set)
{
    uint32_t c = arm_exception_cpsr(ARM_EXC_SVC, 0x10u | CPSR_F | CPSR_A, 0);
    cr_expect(c & CPSR_F);
    cr_expect(c & CPSR_A);
}

Test(exception_rules, state_comes_from_sctlr_and_it_bits_clear)
{
    uint32_t thumb_in_it_block = 0x10u | CPSR_T | CPSR_IT_LOW_MASK | CPSR_IT_HIGH_MASK | CPSR_J;
    uint32_t c = arm_exception_cpsr(ARM_EXC_IRQ, thumb_in_it_block, 0);
    cr_expect_eq(c & (CPSR_T | CPSR_IT_LOW_MASK | CPSR_IT_HIGH_MASK | CPSR_J), 0);
    c = arm_exception_cpsr(ARM_EXC_IRQ, 0x10u, SCTLR_TE | SCTLR_EE);
    cr_expect(c & CPSR_T, "SCTLR.TE selects Thumb handlers");
    cr_expect(c & CPSR_E, "SCTLR.EE selects big-endian handlers");
}

Test(exception_rules, lr_offsets_in_arm_and_thumb_state)
{
    /* pc: faulting instruction (UNDEF, PABT, DABT), next instruction (SVC, IRQ, FIQ). */
    cr_expect_eq(arm_exception_lr(ARM_EXC_UNDEF, 0x1000, 0x10), 0x1004);
    cr_expect_eq(arm_exception_lr(ARM_EXC_UNDEF, 0x1000, 0x10 | CPSR_T), 0x1002);
    cr_expect_eq(arm_exception_lr(ARM_EXC_SVC, 0x1004, 0x10), 0x1004);
    cr_expect_eq(arm_exception_lr(ARM_EXC_SVC, 0x1002, 0x10 | CPSR_T), 0x1002);
    cr_expect_eq(arm_exception_lr(ARM_EXC_PABT, 0x1000, 0x10), 0x1004);
    cr_expect_eq(arm_exception_lr(ARM_EXC_PABT, 0x1000, 0x10 | CPSR_T), 0x1004);
    cr_expect_eq(arm_exception_lr(ARM_EXC_DABT, 0x1000, 0x10), 0x1008);
    cr_expect_eq(arm_exception_lr(ARM_EXC_DABT, 0x1000, 0x10 | CPSR_T), 0x1008);
    cr_expect_eq(arm_exception_lr(ARM_EXC_IRQ, 0x1000, 0x10), 0x1004);
    cr_expect_eq(arm_exception_lr(ARM_EXC_FIQ, 0x1000, 0x10 | CPSR_T), 0x1004);
}

/* ---- entries on a Unicorn CPU ---- */

typedef struct cpu {
    uc_engine *uc;
    int svc_count, undef_count;
} cpu_t;

static cpu_t cpu;

static void on_intr(uc_engine *uc, uint32_t intno, void *data)
{
    cpu_t *c = data;
    if (intno == 2) { /* SVC: the PC is already past it */
        c->svc_count++;
        arm_take_exception(uc, ARM_EXC_SVC, arm_reg(uc, UC_ARM_REG_PC));
    }
}

static bool on_invalid(uc_engine *uc, void *data)
{
    cpu_t *c = data;
    c->undef_count++;
    arm_take_exception(uc, ARM_EXC_UNDEF, arm_reg(uc, UC_ARM_REG_PC));
    return true;
}

static void write_words(uint32_t addr, const uint32_t *words, size_t n)
{
    cr_assert_eq(uc_mem_write(cpu.uc, addr, words, n * 4), UC_ERR_OK);
}

/* A CPU with RAM at 0, vectors branching to HANDLER, SVC-mode SP set, now in user mode. */
static void setup(void)
{
    uc_hook h;
    cr_assert_eq(uc_open(UC_ARCH_ARM, UC_MODE_ARM, &cpu.uc), UC_ERR_OK);
    cr_assert_eq(uc_ctl_set_cpu_model(cpu.uc, UC_CPU_ARM_CORTEX_A15), UC_ERR_OK);
    cr_assert_eq(uc_mem_map(cpu.uc, 0, 0x10000, UC_PROT_ALL), UC_ERR_OK);
    for (uint32_t v = 0; v < 8; v++) {
        uint32_t b = branch(v * 4, HANDLER);
        write_words(v * 4, &b, 1);
    }
    arm_set_reg(cpu.uc, UC_ARM_REG_SP, SVC_SP); /* starts in SVC mode */
    arm_set_reg(cpu.uc, UC_ARM_REG_CPSR, 0x10);
    arm_set_reg(cpu.uc, UC_ARM_REG_SP, USER_SP);
    arm_set_reg(cpu.uc, UC_ARM_REG_LR, 0x1111);
    uc_hook_add(cpu.uc, &h, UC_HOOK_INTR, on_intr, &cpu, 1, 0);
    uc_hook_add(cpu.uc, &h, UC_HOOK_INSN_INVALID, on_invalid, &cpu, 1, 0);
    cpu.svc_count = cpu.undef_count = 0;
}

static void teardown(void)
{
    uc_close(cpu.uc);
}

/* Runs from `start` until the handler's WFI (Unicorn returns after a WFI). */
static void run_to_wfi(uint32_t start)
{
    uint32_t pc = start;
    for (int i = 0; i < 4; i++) { /* an undefined-instruction entry stops Unicorn once */
        cr_assert_eq(uc_emu_start(cpu.uc, pc, 0xFFFFFFFFull, 0, 1000), UC_ERR_OK);
        pc = arm_reg(cpu.uc, UC_ARM_REG_PC);
        uint32_t prev = 0;
        uc_mem_read(cpu.uc, pc - 4, &prev, 4);
        if (prev == A32_WFI)
            return;
    }
    cr_assert_fail("the handler's WFI was never reached (pc 0x%x)", pc);
}

Test(exception_entry, svc_from_user_banks_registers, .init = setup, .fini = teardown)
{
    uint32_t user[] = {A32_NOP, A32_SVC0, A32_NOP};
    uint32_t handler[] = {A32_WFI};
    write_words(USER_CODE, user, 3);
    write_words(HANDLER, handler, 1);
    run_to_wfi(USER_CODE);
    cr_expect_eq(cpu.svc_count, 1);
    uint32_t cpsr = arm_reg(cpu.uc, UC_ARM_REG_CPSR);
    cr_expect_eq(cpsr & CPSR_MODE_MASK, ARM_MODE_SVC);
    cr_expect(cpsr & CPSR_I);
    cr_expect_not(cpsr & CPSR_A, "SVC leaves A as it was");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_LR), USER_CODE + 8, "LR_svc: the instruction after SVC");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_SPSR), 0x10, "SPSR_svc: the user CPSR");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_SP), SVC_SP, "SP_svc is the SVC bank's");
    /* Back to user mode: the user bank is untouched. */
    arm_set_reg(cpu.uc, UC_ARM_REG_CPSR, 0x10);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_SP), USER_SP);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_LR), 0x1111);
}

Test(exception_entry, undefined_instruction_from_user, .init = setup, .fini = teardown)
{
    uint32_t user[] = {A32_NOP, A32_UDF0};
    uint32_t handler[] = {A32_WFI};
    write_words(USER_CODE, user, 2);
    write_words(HANDLER, handler, 1);
    run_to_wfi(USER_CODE);
    cr_expect_eq(cpu.undef_count, 1);
    uint32_t cpsr = arm_reg(cpu.uc, UC_ARM_REG_CPSR);
    cr_expect_eq(cpsr & CPSR_MODE_MASK, ARM_MODE_UND);
    cr_expect(cpsr & CPSR_I);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_LR), USER_CODE + 4 + 4, "LR_und: the UDF + 4");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_SPSR), 0x10);
}

Test(exception_entry, irq_entry_and_return_resume_the_interrupted_code, .init = setup,
     .fini = teardown)
{
    /* The handler returns at once; the user code then sets r0 and stops. */
    uint32_t user[] = {A32_NOP, A32_MOV_R0_1, A32_WFI};
    uint32_t handler[] = {0xE25EF004u /* subs pc, lr, #4 */};
    write_words(USER_CODE, user, 3);
    write_words(HANDLER, handler, 1);
    arm_set_reg(cpu.uc, UC_ARM_REG_R0, 0);
    /* Take the IRQ as the board does: before the instruction at USER_CODE + 4 runs. */
    arm_set_reg(cpu.uc, UC_ARM_REG_PC, USER_CODE + 4);
    arm_take_exception(cpu.uc, ARM_EXC_IRQ, USER_CODE + 4);
    uint32_t cpsr = arm_reg(cpu.uc, UC_ARM_REG_CPSR);
    cr_expect_eq(cpsr & CPSR_MODE_MASK, ARM_MODE_IRQ);
    cr_expect_eq(cpsr & (CPSR_I | CPSR_A | CPSR_F), CPSR_I | CPSR_A, "IRQ sets I and A, not F");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_LR), USER_CODE + 8);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_SPSR), 0x10);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_PC), VBAR + 0x18);
    run_to_wfi(arm_reg(cpu.uc, UC_ARM_REG_PC));
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_R0), 1, "the interrupted instruction ran once");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_CPSR) & CPSR_MODE_MASK, ARM_MODE_USR);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_SP), USER_SP);
}

Test(exception_entry, svc_round_trip_with_movs_returns_to_user, .init = setup, .fini = teardown)
{
    uint32_t user[] = {A32_SVC0, A32_MOV_R0_1, A32_WFI};
    uint32_t handler[] = {A32_MOVS_PC_LR};
    write_words(USER_CODE, user, 3);
    write_words(HANDLER, handler, 1);
    arm_set_reg(cpu.uc, UC_ARM_REG_R0, 0);
    run_to_wfi(USER_CODE);
    cr_expect_eq(cpu.svc_count, 1);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_R0), 1);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_CPSR) & CPSR_MODE_MASK, ARM_MODE_USR);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_PC), USER_CODE + 12);
}

Test(exception_entry, high_vectors_when_sctlr_v_is_set, .init = setup, .fini = teardown)
{
    arm_set_reg(cpu.uc, UC_ARM_REG_CPSR, 0x13);
    arm_set_cp15(cpu.uc, CP15_SCTLR, arm_cp15(cpu.uc, CP15_SCTLR) | SCTLR_V);
    arm_set_reg(cpu.uc, UC_ARM_REG_CPSR, 0x10);
    arm_take_exception(cpu.uc, ARM_EXC_SVC, USER_CODE + 4);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_PC), 0xFFFF0008u);
}

Test(exception_entry, vbar_moves_the_vectors, .init = setup, .fini = teardown)
{
    arm_set_cp15(cpu.uc, CP15_VBAR, 0x2000);
    arm_take_exception(cpu.uc, ARM_EXC_DABT, USER_CODE);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_PC), 0x2010u);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_LR), USER_CODE + 8);
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_CPSR) & CPSR_MODE_MASK, ARM_MODE_ABT);
}

/*
 * The guest itself moves the vectors and changes SCTLR between system calls (MCR in its
 * handlers): each SVC must be taken with the values of that moment, never remembered
 * ones (issue 13: the entry reads SCTLR and VBAR on every exception, as no hook sees an
 * AArch32 MCR). 1st SVC: VBAR 0, the handler moves VBAR to 0x2000. 2nd: taken at
 * 0x2008, that handler sets SCTLR.TE and moves VBAR to 0x3000. 3rd: taken at 0x3008 in
 * Thumb state.
 */
#define A32_MOV_R1_0x2000 0xE3A01A02u
#define A32_MOV_R1_0x3000 0xE3A01A03u
#define A32_MCR_VBAR_R1 0xEE0C1F10u   /* mcr p15, 0, r1, c12, c0, 0 */
#define A32_MRC_SCTLR_R2 0xEE112F10u  /* mrc p15, 0, r2, c1, c0, 0 */
#define A32_ORR_R2_TE 0xE3822101u     /* orr r2, r2, #0x40000000 */
#define A32_MCR_SCTLR_R2 0xEE012F10u  /* mcr p15, 0, r2, c1, c0, 0 */
#define A32_MOV_R0_2 0xE3A00002u
#define T32_MOVS_R0_3_B_SELF 0xE7FE2003u /* movs r0, #3; b . (two halfwords) */

Test(exception_entry, guest_rewriting_vbar_and_sctlr_between_svcs, .init = setup, .fini = teardown)
{
    uint32_t user[] = {A32_SVC0, A32_SVC0, A32_SVC0, A32_B_SELF};
    uint32_t first[] = {A32_MOV_R1_0x2000, A32_MCR_VBAR_R1, A32_MOVS_PC_LR};
    uint32_t second[] = {A32_MRC_SCTLR_R2, A32_ORR_R2_TE, A32_MCR_SCTLR_R2, A32_MOV_R1_0x3000,
                         A32_MCR_VBAR_R1, A32_MOV_R0_2, A32_MOVS_PC_LR};
    uint32_t to_second = branch(0x2008, 0x2100);
    uint32_t third = T32_MOVS_R0_3_B_SELF;
    write_words(USER_CODE, user, 4);
    write_words(HANDLER, first, 3);
    write_words(0x2008, &to_second, 1);
    write_words(0x2100, second, 7);
    write_words(0x3008, &third, 1);
    arm_set_reg(cpu.uc, UC_ARM_REG_R0, 0);
    cr_assert_eq(uc_emu_start(cpu.uc, USER_CODE, 0xFFFFFFFFull, 0, 60), UC_ERR_OK);

    cr_expect_eq(cpu.svc_count, 3);
    cr_expect_eq(arm_cp15(cpu.uc, CP15_VBAR), 0x3000u);
    cr_expect(arm_cp15(cpu.uc, CP15_SCTLR) & SCTLR_TE);
    uint32_t cpsr = arm_reg(cpu.uc, UC_ARM_REG_CPSR);
    cr_expect_eq(cpsr & CPSR_MODE_MASK, ARM_MODE_SVC);
    cr_expect(cpsr & CPSR_T, "SCTLR.TE as the guest set it: the handler runs in Thumb state");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_R0), 3, "the third SVC ran the handler at 0x3008");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_PC), 0x300Au, "spinning on the Thumb b .");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_LR), USER_CODE + 12, "LR_svc: after the third SVC");
    cr_expect_eq(arm_reg(cpu.uc, UC_ARM_REG_SPSR), 0x10, "SPSR_svc: user mode, ARM state");
}
