/*
 * tests/sim/test_mmu_walk.c - tests of the short-descriptor walk and the
 * DFAR/DFSR/IFAR/IFSR it computes (sim/mmu_walk.c), on page tables built in a
 * fake physical memory. Descriptors are built here from the ARM ARM bit
 * layouts (DDI 0406C B3.5.1) and FSR values are written out as numbers.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "mmu_walk.h"

#define MEM_SIZE 0x100000u /* 1 MiB of RAM at PA 0; reads beyond it abort */
#define L1_BASE 0x4000u    /* TTBR0 table (16 KiB aligned) */
#define L1_BASE_1 0x8000u  /* TTBR1 table */
#define L2_A 0xC000u       /* level 2 tables, 1 KiB each */
#define L2_B 0xC400u
#define NO_MEMORY 0x40000000u

static uint32_t mem[MEM_SIZE / 4];
static mmu_state_t mmu;

static bool mem_read(void *ctx, uint32_t pa, uint32_t *value)
{
    (void)ctx;
    if (pa >= MEM_SIZE || (pa & 3u))
        return false;
    *value = mem[pa / 4];
    return true;
}

static void setup(void)
{
    memset(mem, 0, sizeof mem);
    mmu = (mmu_state_t){
        .sctlr = MMU_SCTLR_M,
        .ttbr0 = L1_BASE,
        .ttbr1 = L1_BASE_1,
        .dacr = 0x55555555u, /* every domain Client */
        .read32 = mem_read,
    };
}

TestSuite(mmu_walk, .init = setup);

/* ---- descriptor builders, from the ARM ARM layouts ---- */

#define XN_SECTION (1u << 4)
#define PXN_SECTION (1u << 0)
#define SECT_B (1u << 2)
#define SECT_C (1u << 3)
#define SECT_TEX(t) ((uint32_t)(t) << 12)

/* AP[2:0] as one number: AP[2] goes to bit 15 (section) or 9 (page). */
static uint32_t section(uint32_t pa, unsigned ap, unsigned domain, uint32_t extra)
{
    return (pa & 0xFFF00000u) | ((uint32_t)(ap >> 2) << 15) | ((ap & 3u) << 10) |
           (domain << 5) | extra | 0x2u;
}

static uint32_t supersection(uint64_t pa, unsigned ap, uint32_t extra)
{
    return ((uint32_t)pa & 0xFF000000u) | (uint32_t)(((pa >> 32) & 0xF) << 20) |
           (uint32_t)(((pa >> 36) & 0xF) << 5) | ((uint32_t)(ap >> 2) << 15) |
           ((ap & 3u) << 10) | (1u << 18) | extra | 0x2u;
}

static uint32_t page_table(uint32_t l2, unsigned domain, bool pxn)
{
    return (l2 & 0xFFFFFC00u) | (domain << 5) | (pxn ? 1u << 2 : 0) | 0x1u;
}

static uint32_t small_page(uint32_t pa, unsigned ap, bool xn)
{
    return (pa & 0xFFFFF000u) | ((uint32_t)(ap >> 2) << 9) | ((ap & 3u) << 4) | 0x2u |
           (xn ? 1u : 0);
}

static uint32_t large_page(uint32_t pa, unsigned ap, bool xn)
{
    return (pa & 0xFFFF0000u) | (xn ? 1u << 15 : 0) | ((uint32_t)(ap >> 2) << 9) |
           ((ap & 3u) << 4) | 0x1u;
}

static void set_l1(uint32_t table, uint32_t va, uint32_t desc) { mem[(table + (va >> 20) * 4) / 4] = desc; }
/* A supersection's descriptor is repeated in all 16 entries of its 16 MiB. */
static void set_super(uint32_t table, uint32_t va, uint32_t desc)
{
    for (uint32_t i = 0; i < 16; i++)
        set_l1(table, (va & 0xFF000000u) + (i << 20), desc);
}

static void set_l2(uint32_t table, uint32_t va, uint32_t desc) { mem[(table + ((va >> 12) & 0xFF) * 4) / 4] = desc; }

/* ---- expectations ---- */

static void expect_pa(uint32_t va, mmu_access_t access, mmu_pl_t pl, uint64_t pa)
{
    mmu_result_t r;
    cr_expect(mmu_translate(&mmu, va, access, pl, &r), "va %#x: fault, fsr %#x", va, r.fsr);
    cr_expect_eq(r.fault, MMU_FAULT_NONE);
    cr_expect_eq(r.paddr, pa, "va %#x -> %#llx, want %#llx", va, (unsigned long long)r.paddr,
                 (unsigned long long)pa);
    cr_expect_eq(r.fsr, 0);
}

static void expect_fault(uint32_t va, mmu_access_t access, mmu_pl_t pl, mmu_fault_t fault,
                         uint32_t fsr)
{
    mmu_result_t r;
    cr_expect_not(mmu_translate(&mmu, va, access, pl, &r), "va %#x translated", va);
    cr_expect_eq(r.fault, fault, "va %#x: fault %d, want %d", va, r.fault, fault);
    cr_expect_eq(r.fsr, fsr, "va %#x: fsr %#x, want %#x", va, r.fsr, fsr);
}

#define R MMU_ACCESS_READ
#define W MMU_ACCESS_WRITE
#define X MMU_ACCESS_EXECUTE
#define PL0 MMU_PL0
#define PL1 MMU_PL1

/* ---- translations ---- */

Test(mmu_walk, mmu_off_is_flat_and_never_faults)
{
    mmu.sctlr = 0;
    mmu.ttbr0 = NO_MEMORY; /* not even read */
    mmu_result_t r;
    cr_assert(mmu_translate(&mmu, 0x12345678, W, PL0, &r));
    cr_expect_eq(r.paddr, 0x12345678);
    cr_expect_eq(r.block_size, 0);
    cr_expect_eq(r.mem_type, MMU_MEM_STRONGLY_ORDERED);
    cr_assert(mmu_translate(&mmu, 0xFFFFFFFC, X, PL0, &r));
    cr_expect_eq(r.mem_type, MMU_MEM_NORMAL);
}

Test(mmu_walk, section)
{
    set_l1(L1_BASE, 0x00100000, section(0x00300000, 3, 7, 0));
    expect_pa(0x00123456, R, PL0, 0x00323456);
    expect_pa(0x001FFFFF, W, PL1, 0x003FFFFF);
    mmu_result_t r;
    mmu_translate(&mmu, 0x00100000, X, PL0, &r);
    cr_expect_eq(r.level, 1);
    cr_expect_eq(r.domain, 7);
    cr_expect_eq(r.block_size, 0x100000);
}

Test(mmu_walk, supersection_reaches_past_4gib)
{
    /* PA 0x3_45000000: PA[35:32] = 3 in bits 23:20, PA[39:36] = 0 */
    set_super(L1_BASE, 0x01000000, supersection(0x345000000ull, 3, 0));
    expect_pa(0x01ABCDEF, R, PL0, 0x345ABCDEFull);
    set_super(L1_BASE, 0x02000000, supersection(0xA200000000ull, 3, 0));
    expect_pa(0x02123456, R, PL0, 0xA200123456ull);
    mmu_result_t r;
    mmu_translate(&mmu, 0x01F00000, R, PL0, &r);
    cr_expect_eq(r.block_size, 0x1000000);
    cr_expect_eq(r.domain, 0); /* bits 8:5 are PA[39:36], not a domain */
}

Test(mmu_walk, small_and_large_pages)
{
    set_l1(L1_BASE, 0x00200000, page_table(L2_A, 3, false));
    set_l2(L2_A, 0x00201000, small_page(0x00050000, 3, false));
    for (uint32_t i = 0; i < 16; i++) /* a large page fills 16 entries */
        set_l2(L2_A, 0x00210000 + i * 0x1000, large_page(0x00060000, 3, false));
    expect_pa(0x00201ABC, R, PL0, 0x00050ABC);
    expect_pa(0x0021F123, W, PL0, 0x0006F123);
    mmu_result_t r;
    mmu_translate(&mmu, 0x00201000, R, PL0, &r);
    cr_expect_eq(r.level, 2);
    cr_expect_eq(r.domain, 3);
    cr_expect_eq(r.block_size, 0x1000);
    mmu_translate(&mmu, 0x00210000, R, PL0, &r);
    cr_expect_eq(r.block_size, 0x10000);
}

Test(mmu_walk, ttbcr_n_splits_between_ttbr0_and_ttbr1)
{
    mmu.ttbcr = 2;                /* TTBR0 covers VA < 1 GiB with a 4 KiB table */
    mmu.ttbr0 = 0x0000504A;       /* base 0x5000: bits 31:12; low bits are attributes */
    mmu.ttbr1 = L1_BASE_1 | 0x4A; /* bits 13:0 are not address */
    mem[(0x5000 + 0x3FF * 4) / 4] = section(0x00700000, 3, 0, 0);
    set_l1(L1_BASE_1, 0xC0000000, section(0x00800000, 3, 0, 0));
    set_l1(L1_BASE_1, 0x40000000, section(0x00900000, 3, 0, 0));
    expect_pa(0x3FF00010, R, PL1, 0x00700010);
    expect_pa(0xC0000020, R, PL1, 0x00800020);
    expect_pa(0x40000030, R, PL1, 0x00900030);
    /* N = 0: everything through TTBR0, indexed by VA[31:20] */
    mmu.ttbcr = 0;
    mmu.ttbr0 = L1_BASE;
    set_l1(L1_BASE, 0xC0000000, section(0x00A00000, 3, 0, 0));
    expect_pa(0xC0000040, R, PL1, 0x00A00040);
}

Test(mmu_walk, pd0_and_pd1_make_translation_faults)
{
    mmu.ttbcr = 1 | MMU_TTBCR_PD1;
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 3, 0, 0));
    set_l1(L1_BASE_1, 0x80000000, section(0x00100000, 3, 0, 0));
    expect_pa(0x00100000, R, PL1, 0x00100000);
    expect_fault(0x80000000, R, PL1, MMU_FAULT_TRANSLATION, 0x005);
    mmu.ttbcr = 1 | MMU_TTBCR_PD0;
    expect_fault(0x00100000, W, PL1, MMU_FAULT_TRANSLATION, 0x805);
    expect_pa(0x80000000, R, PL1, 0x00100000);
}

/* ---- faults ---- */

Test(mmu_walk, translation_faults)
{
    expect_fault(0x00500000, R, PL1, MMU_FAULT_TRANSLATION, 0x005);
    expect_fault(0x00500000, W, PL0, MMU_FAULT_TRANSLATION, 0x805);
    /* level 2: the domain (3) is reported */
    set_l1(L1_BASE, 0x00200000, page_table(L2_A, 3, false));
    expect_fault(0x00203000, R, PL1, MMU_FAULT_TRANSLATION, 0x037);
    expect_fault(0x00203000, W, PL1, MMU_FAULT_TRANSLATION, 0x837);
    /* an instruction fetch gets the IFSR format: no domain, no WnR */
    expect_fault(0x00203000, X, PL1, MMU_FAULT_TRANSLATION, 0x007);
}

Test(mmu_walk, access_flag_faults)
{
    mmu.sctlr |= MMU_SCTLR_AFE;
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 2, 4, 0)); /* AP[0] = AF = 0 */
    set_l1(L1_BASE, 0x00300000, section(0x00300000, 3, 4, 0)); /* AF = 1 */
    set_l1(L1_BASE, 0x00200000, page_table(L2_A, 5, false));
    set_l2(L2_A, 0x00200000, small_page(0x00040000, 2, false));
    expect_fault(0x00100000, R, PL1, MMU_FAULT_ACCESS_FLAG, 0x003); /* L1: no domain */
    expect_fault(0x00100000, W, PL1, MMU_FAULT_ACCESS_FLAG, 0x803);
    expect_fault(0x00200000, R, PL0, MMU_FAULT_ACCESS_FLAG, 0x056); /* L2: domain 5 */
    expect_pa(0x00300000, W, PL0, 0x00300000);
}

Test(mmu_walk, access_flag_comes_before_domain_and_ignores_manager)
{
    mmu.sctlr |= MMU_SCTLR_AFE;
    mmu.dacr = MMU_DACR(4, MMU_DACR_NO_ACCESS) | MMU_DACR(6, MMU_DACR_MANAGER);
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 2, 4, 0));
    set_l1(L1_BASE, 0x00300000, section(0x00300000, 2, 6, 0));
    expect_fault(0x00100000, R, PL1, MMU_FAULT_ACCESS_FLAG, 0x003);
    expect_fault(0x00300000, R, PL1, MMU_FAULT_ACCESS_FLAG, 0x003);
}

Test(mmu_walk, domain_faults)
{
    mmu.dacr = MMU_DACR(0, MMU_DACR_CLIENT) | MMU_DACR(3, 2u); /* 2: reserved */
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 3, 2, 0));
    set_l1(L1_BASE, 0x00300000, section(0x00300000, 3, 3, 0));
    set_l1(L1_BASE, 0x00200000, page_table(L2_A, 4, false));
    set_l2(L2_A, 0x00200000, small_page(0x00040000, 3, false));
    expect_fault(0x00100000, R, PL1, MMU_FAULT_DOMAIN, 0x029);
    expect_fault(0x00100000, W, PL1, MMU_FAULT_DOMAIN, 0x829);
    expect_fault(0x00300000, R, PL1, MMU_FAULT_DOMAIN, 0x039);
    expect_fault(0x00200000, W, PL0, MMU_FAULT_DOMAIN, 0x84B);
    expect_fault(0x00200000, X, PL1, MMU_FAULT_DOMAIN, 0x00B);
}

Test(mmu_walk, translation_fault_comes_before_domain_fault)
{
    /* QEMU checks the domain before it reads the level 2 entry; ARM does not */
    mmu.dacr = 0;
    set_l1(L1_BASE, 0x00200000, page_table(L2_A, 9, false));
    expect_fault(0x00205000, R, PL1, MMU_FAULT_TRANSLATION, 0x097);
}

Test(mmu_walk, manager_domain_skips_permission_and_xn)
{
    mmu.dacr = MMU_DACR(1, MMU_DACR_MANAGER);
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 0, 1, XN_SECTION | PXN_SECTION));
    expect_pa(0x00100004, W, PL0, 0x00100004);
    expect_pa(0x00100004, X, PL1, 0x00100004);
}

Test(mmu_walk, domain_fault_comes_before_permission_fault)
{
    mmu.dacr = 0;
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 0, 0, 0));
    expect_fault(0x00100000, W, PL0, MMU_FAULT_DOMAIN, 0x809);
}

/* AP[2:0] -> {PL1 read, PL1 write, PL0 read, PL0 write}, ARM ARM table B3-8. */
static const bool ap_rights[8][4] = {
    { 0, 0, 0, 0 }, /* 000 no access */
    { 1, 1, 0, 0 }, /* 001 PL1 RW */
    { 1, 1, 1, 0 }, /* 010 PL1 RW, PL0 RO */
    { 1, 1, 1, 1 }, /* 011 full */
    { 0, 0, 0, 0 }, /* 100 reserved */
    { 1, 0, 0, 0 }, /* 101 PL1 RO */
    { 1, 0, 1, 0 }, /* 110 RO (deprecated) */
    { 1, 0, 1, 0 }, /* 111 RO */
};

Test(mmu_walk, permission_faults_for_every_ap_value)
{
    set_l1(L1_BASE, 0x00900000, page_table(L2_B, 2, false));
    for (unsigned ap = 0; ap < 8; ap++) {
        uint32_t va = 0x00100000 * (ap + 1); /* a section per AP value ... */
        set_l1(L1_BASE, va, section(va, ap, 2, 0));
        /* ... and a small page: VA 0x00900000 + ap pages -> PA ap pages */
        set_l2(L2_B, 0x00900000 + ap * 0x1000, small_page(0x1000 * ap, ap, false));
        for (unsigned i = 0; i < 4; i++) {
            mmu_access_t acc = (i & 1) ? W : R;
            mmu_pl_t pl = (i & 2) ? PL0 : PL1;
            uint32_t wnr = acc == W ? 0x800 : 0;
            if (ap_rights[ap][i]) {
                expect_pa(va + 8, acc, pl, va + 8);
                expect_pa(0x00900008 + ap * 0x1000, acc, pl, 0x1000 * ap + 8);
            } else { /* Permission faults report no domain on an LPAE core */
                expect_fault(va + 8, acc, pl, MMU_FAULT_PERMISSION, wnr | 0x00D);
                expect_fault(0x00900008 + ap * 0x1000, acc, pl, MMU_FAULT_PERMISSION, wnr | 0x00F);
            }
        }
    }
}

Test(mmu_walk, simplified_access_permissions_with_afe)
{
    /* AFE = 1: AP[2:1] 00 PL1 RW, 01 RW, 10 PL1 RO, 11 RO; AP[0] is the AF */
    static const bool rights[4][4] = {
        { 1, 1, 0, 0 }, { 1, 1, 1, 1 }, { 1, 0, 0, 0 }, { 1, 0, 1, 0 },
    };
    mmu.sctlr |= MMU_SCTLR_AFE;
    for (unsigned ap21 = 0; ap21 < 4; ap21++) {
        uint32_t va = 0x00100000 * (ap21 + 1);
        set_l1(L1_BASE, va, section(va, (ap21 << 1) | 1, 0, 0));
        for (unsigned i = 0; i < 4; i++) {
            mmu_access_t acc = (i & 1) ? W : R;
            mmu_pl_t pl = (i & 2) ? PL0 : PL1;
            if (rights[ap21][i])
                expect_pa(va, acc, pl, va);
            else
                expect_fault(va, acc, pl, MMU_FAULT_PERMISSION, (acc == W ? 0x800 : 0) | 0x00D);
        }
    }
}

Test(mmu_walk, execute_never_and_privileged_execute_never)
{
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 3, 0, XN_SECTION));
    set_l1(L1_BASE, 0x00200000, section(0x00200000, 3, 0, PXN_SECTION));
    set_l1(L1_BASE, 0x00300000, page_table(L2_A, 0, true)); /* table PXN */
    set_l2(L2_A, 0x00300000, small_page(0x00030000, 3, false));
    set_l2(L2_A, 0x00301000, small_page(0x00031000, 3, true));
    expect_fault(0x00100000, X, PL0, MMU_FAULT_PERMISSION, 0x00D);
    expect_pa(0x00100000, R, PL0, 0x00100000); /* XN only stops fetches */
    expect_fault(0x00200000, X, PL1, MMU_FAULT_PERMISSION, 0x00D);
    expect_pa(0x00200000, X, PL0, 0x00200000);
    expect_fault(0x00300000, X, PL1, MMU_FAULT_PERMISSION, 0x00F);
    expect_pa(0x00300000, X, PL0, 0x00030000);
    expect_fault(0x00301000, X, PL0, MMU_FAULT_PERMISSION, 0x00F);
}

Test(mmu_walk, fetch_needs_read_permission)
{
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 1, 0, 0)); /* PL1 RW only */
    expect_fault(0x00100000, X, PL0, MMU_FAULT_PERMISSION, 0x00D);
    expect_pa(0x00100000, X, PL1, 0x00100000);
}

Test(mmu_walk, wxn_and_uwxn)
{
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 3, 0, 0)); /* RW everywhere */
    set_l1(L1_BASE, 0x00200000, section(0x00200000, 7, 0, 0)); /* RO */
    set_l1(L1_BASE, 0x00300000, section(0x00300000, 2, 0, 0)); /* PL1 RW, PL0 RO */
    mmu.sctlr |= MMU_SCTLR_WXN;
    expect_fault(0x00100000, X, PL1, MMU_FAULT_PERMISSION, 0x00D);
    expect_fault(0x00100000, X, PL0, MMU_FAULT_PERMISSION, 0x00D);
    expect_pa(0x00200000, X, PL1, 0x00200000);
    expect_fault(0x00300000, X, PL1, MMU_FAULT_PERMISSION, 0x00D);
    expect_pa(0x00300000, X, PL0, 0x00300000); /* not writable at PL0 */
    mmu.sctlr = MMU_SCTLR_M | MMU_SCTLR_UWXN;
    expect_fault(0x00100000, X, PL1, MMU_FAULT_PERMISSION, 0x00D);
    expect_pa(0x00100000, X, PL0, 0x00100000);
    expect_pa(0x00300000, X, PL1, 0x00300000);
}

Test(mmu_walk, external_aborts_on_the_walk)
{
    mmu.ttbr0 = NO_MEMORY;
    expect_fault(0x00100000, R, PL1, MMU_FAULT_WALK_EXTERNAL, 0x100C);
    expect_fault(0x00100000, W, PL1, MMU_FAULT_WALK_EXTERNAL, 0x180C);
    mmu.ttbr0 = L1_BASE;
    set_l1(L1_BASE, 0x00200000, page_table(NO_MEMORY, 6, false));
    expect_fault(0x00200000, R, PL1, MMU_FAULT_WALK_EXTERNAL, 0x106E);
    expect_fault(0x00200000, X, PL1, MMU_FAULT_WALK_EXTERNAL, 0x100E);
}

Test(mmu_walk, fsr_encoding)
{
    cr_expect_eq(mmu_fsr_encode(MMU_FAULT_NONE, 1, 3, W), 0);
    cr_expect_eq(mmu_fsr_encode(MMU_FAULT_EXTERNAL, 0, 3, R), 0x1008);
    cr_expect_eq(mmu_fsr_encode(MMU_FAULT_EXTERNAL, 0, 3, W), 0x1808);
    cr_expect_eq(mmu_fsr_encode(MMU_FAULT_ALIGNMENT, 0, 3, W), 0x801);
    cr_expect_eq(mmu_fsr_encode(MMU_FAULT_DOMAIN, 2, 15, W), 0x8FB);
    cr_expect_eq(mmu_fsr_encode(MMU_FAULT_DOMAIN, 2, 15, X), 0x00B);
}

/* ---- data aborts over a decoded range ---- */

static mmu_data_access_t data(uint32_t start, uint32_t length, uint32_t elem, uint32_t align,
                              bool rd, bool wr)
{
    return (mmu_data_access_t){ .start = start, .length = length, .elem_size = elem,
                                .align_always = align, .is_read = rd, .is_write = wr };
}

static void expect_abort(mmu_data_access_t a, mmu_pl_t pl, mmu_fault_t fault, uint32_t far,
                         uint32_t fsr)
{
    mmu_abort_t ab;
    cr_expect(mmu_data_abort(&mmu, &a, pl, &ab), "[%#x, +%u) did not abort", a.start, a.length);
    cr_expect_eq(ab.fault, fault, "fault %d, want %d", ab.fault, fault);
    cr_expect_eq(ab.far, far, "far %#x, want %#x", ab.far, far);
    cr_expect_eq(ab.fsr, fsr, "fsr %#x, want %#x", ab.fsr, fsr);
}

static void expect_no_abort(mmu_data_access_t a, mmu_pl_t pl)
{
    mmu_abort_t ab;
    cr_expect_not(mmu_data_abort(&mmu, &a, pl, &ab), "[%#x, +%u): fsr %#x far %#x", a.start,
                  a.length, ab.fsr, ab.far);
    cr_expect_eq(ab.fault, MMU_FAULT_NONE);
}

/* Normal memory at 0x00100000-0x001FFFFF; small pages at 0x00200000 (RW) and
 * 0x00201000 (none: translation fault); 0x00202000 read-only. */
static void map_ranges(void)
{
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 3, 0, SECT_TEX(1) | SECT_C | SECT_B));
    set_l1(L1_BASE, 0x00200000, page_table(L2_A, 1, false));
    set_l2(L2_A, 0x00200000, small_page(0x00020000, 3, false) | SECT_C | SECT_B);
    set_l2(L2_A, 0x00202000, small_page(0x00022000, 7, false) | SECT_C | SECT_B);
}

Test(mmu_walk, alignment_faults_come_first)
{
    map_ranges();
    /* ldr at an odd address with SCTLR.A = 1, in unmapped memory: alignment wins */
    mmu.sctlr |= MMU_SCTLR_A;
    expect_abort(data(0x00500002, 4, 4, 1, true, false), PL1, MMU_FAULT_ALIGNMENT, 0x00500002, 0x001);
    expect_abort(data(0x00100001, 2, 2, 1, false, true), PL1, MMU_FAULT_ALIGNMENT, 0x00100001, 0x801);
    expect_no_abort(data(0x00100001, 1, 1, 1, true, false), PL1); /* bytes are never unaligned */
    /* LDM/LDRD need word alignment even with SCTLR.A = 0 */
    mmu.sctlr &= ~MMU_SCTLR_A;
    expect_abort(data(0x00100002, 8, 4, 4, true, false), PL1, MMU_FAULT_ALIGNMENT, 0x00100002, 0x001);
    expect_no_abort(data(0x00100002, 4, 4, 1, true, false), PL1);
    /* LDREXD: doubleword */
    expect_abort(data(0x00100004, 8, 8, 8, true, false), PL1, MMU_FAULT_ALIGNMENT, 0x00100004, 0x001);
}

Test(mmu_walk, multiple_reports_the_first_faulting_word)
{
    map_ranges();
    /* ldm of 4 words from 0x00200FF8: words 3 and 4 are on the unmapped page */
    expect_abort(data(0x00200FF8, 16, 4, 4, true, false), PL1, MMU_FAULT_TRANSLATION, 0x00201000,
                 0x017);
    /* stm into the read-only page after a writable one */
    set_l2(L2_A, 0x00201000, small_page(0x00021000, 3, false) | SECT_C | SECT_B);
    expect_abort(data(0x00201FFC, 8, 4, 4, false, true), PL1, MMU_FAULT_PERMISSION, 0x00202000,
                 0x80F);
    expect_no_abort(data(0x00200000, 0x2000, 4, 4, true, true), PL1);
}

Test(mmu_walk, unaligned_access_faults_at_first_byte_of_faulting_page)
{
    map_ranges();
    expect_abort(data(0x00200FFE, 4, 4, 1, true, false), PL1, MMU_FAULT_TRANSLATION, 0x00201000,
                 0x017);
    expect_no_abort(data(0x001FFFFE, 2, 2, 1, true, false), PL1); /* section, Normal */
}

Test(mmu_walk, unaligned_access_to_device_or_strongly_ordered_memory)
{
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 3, 0, SECT_B));     /* Device */
    set_l1(L1_BASE, 0x00300000, section(0x00300000, 3, 0, 0));          /* SO */
    set_l1(L1_BASE, 0x00400000, section(0x00400000, 3, 0, SECT_TEX(2))); /* Device */
    expect_abort(data(0x00100002, 4, 4, 1, true, false), PL1, MMU_FAULT_ALIGNMENT, 0x00100002, 0x001);
    expect_abort(data(0x00300001, 2, 2, 1, false, true), PL1, MMU_FAULT_ALIGNMENT, 0x00300001, 0x801);
    expect_abort(data(0x00400002, 4, 4, 1, true, false), PL1, MMU_FAULT_ALIGNMENT, 0x00400002, 0x001);
    expect_no_abort(data(0x00100004, 4, 4, 1, true, false), PL1);
    /* before the permission check: PL0 has no access here */
    set_l1(L1_BASE, 0x00500000, section(0x00500000, 1, 0, SECT_B));
    expect_abort(data(0x00500002, 4, 4, 1, true, false), PL0, MMU_FAULT_ALIGNMENT, 0x00500002, 0x001);
    /* MMU off: data is Strongly-ordered */
    mmu.sctlr = 0;
    expect_abort(data(0x00000002, 4, 4, 1, true, false), PL1, MMU_FAULT_ALIGNMENT, 0x00000002, 0x001);
    expect_no_abort(data(0x00000004, 4, 4, 1, true, false), PL1);
}

Test(mmu_walk, tex_remap_takes_memory_type_from_prrr)
{
    /* TEX[0]:C:B = 0:1:1 (n = 3): make it Device (01) in PRRR, everything else Normal */
    mmu.sctlr |= MMU_SCTLR_TRE;
    mmu.prrr = 0xAAAAAAAAu & ~(3u << 6);
    mmu.prrr |= 1u << 6;
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 3, 0, SECT_C | SECT_B));
    set_l1(L1_BASE, 0x00200000, section(0x00200000, 3, 0, 0)); /* n = 0: Normal here */
    expect_abort(data(0x00100002, 4, 4, 1, true, false), PL1, MMU_FAULT_ALIGNMENT, 0x00100002, 0x001);
    expect_no_abort(data(0x00200002, 4, 4, 1, true, false), PL1);
}

Test(mmu_walk, swap_checks_the_read_before_the_write)
{
    map_ranges();
    expect_abort(data(0x00202000, 4, 4, 4, true, true), PL1, MMU_FAULT_PERMISSION, 0x00202000, 0x80F);
    expect_abort(data(0x00201000, 4, 4, 4, true, true), PL1, MMU_FAULT_TRANSLATION, 0x00201000, 0x017);
    expect_abort(data(0x00201002, 4, 4, 4, true, true), PL1, MMU_FAULT_ALIGNMENT, 0x00201002, 0x001);
}

Test(mmu_walk, unprivileged_access_is_checked_at_pl0)
{
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 1, 5, 0)); /* PL1 only */
    expect_no_abort(data(0x00100000, 4, 4, 1, true, false), PL1);
    expect_abort(data(0x00100000, 4, 4, 1, true, false), PL0, MMU_FAULT_PERMISSION, 0x00100000, 0x00D);
}

Test(mmu_walk, hints_never_abort)
{
    mmu_data_access_t a = data(0x00700000, 1, 1, 1, true, false);
    a.is_hint = true;
    expect_no_abort(a, PL0);
}

Test(mmu_walk, range_wraps_at_4gib)
{
    set_l1(L1_BASE, 0xFFF00000, section(0x00100000, 3, 0, SECT_C | SECT_B));
    expect_abort(data(0xFFFFFFF8, 16, 4, 4, true, false), PL1, MMU_FAULT_TRANSLATION, 0x00000000,
                 0x005);
}

/* ---- prefetch aborts ---- */

Test(mmu_walk, prefetch_abort_reports_pc_and_ifsr)
{
    mmu_abort_t ab;
    set_l1(L1_BASE, 0x00100000, section(0x00100000, 3, 2, XN_SECTION));
    set_l1(L1_BASE, 0x00200000, page_table(L2_A, 2, false));
    cr_assert(mmu_prefetch_abort(&mmu, 0x00500010, PL1, &ab));
    cr_expect_eq(ab.far, 0x00500010);
    cr_expect_eq(ab.fsr, 0x005);
    cr_assert(mmu_prefetch_abort(&mmu, 0x00100020, PL0, &ab));
    cr_expect_eq(ab.far, 0x00100020);
    cr_expect_eq(ab.fsr, 0x00D);
    cr_assert(mmu_prefetch_abort(&mmu, 0x00200040, PL0, &ab));
    cr_expect_eq(ab.fsr, 0x007); /* IFSR has no domain field */
    set_l2(L2_A, 0x00200000, small_page(0x00020000, 3, false));
    cr_expect_not(mmu_prefetch_abort(&mmu, 0x00200040, PL0, &ab));
    cr_expect_eq(ab.fault, MMU_FAULT_NONE);
}
