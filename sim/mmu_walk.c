/*
 * sim/mmu_walk.c - ARMv7-A short-descriptor translation (VMSAv7, ARM ARM DDI
 * 0406C chapter B3) as a Cortex-A15 does it with TTBCR.EAE = 0, and the fault
 * status values it reports. Partners: mmu_walk.h, tests/sim/test_mmu_walk.c,
 * docs/abort-decoding.md.
 *
 * The rules, in the order the checks happen (ARM ARM pseudocode MemA/MemU,
 * TranslateAddressV, TranslationTableWalkSD, CheckDomain, CheckPermission):
 *
 *  1. Alignment (mmu_data_abort only, checked on the start address): an access
 *     faults if start is not a multiple of align_always (LDM/STM, LDRD/STRD,
 *     LDREX*, SWP, LDC, VLDR/VLDM, an explicit Advanced SIMD :align), or if
 *     SCTLR.A = 1 and start is not a multiple of elem_size. FS = 00001, no
 *     domain, DFAR = start.
 *  2. MMU off (SCTLR.M = 0): VA = PA, no translation or permission faults.
 *     Data accesses are then Strongly-ordered, so rule 5 still applies.
 *  3. Walk. TTBCR.N = 0: TTBR0 for every VA. N > 0: VA[31:32-N] == 0 uses
 *     TTBR0 (table TTBR0[31:14-N], index VA[31-N:20]), else TTBR1 (table
 *     TTBR1[31:14], index VA[31:20]). TTBCR.PD0/PD1 forbid the walk: a level 1
 *     translation fault. A read callback failure is a synchronous external
 *     abort on the walk (FS 01100 at level 1, 01110 at level 2) with ExT = 1.
 *     L1 descriptor bits 1:0: 00 fault (FS 00101); 01 page table (domain 8:5,
 *     PXN bit 2); 1x section (bit 18 = 0, 1 MiB, domain 8:5) or supersection
 *     (bit 18 = 1, 16 MiB, domain 0, PA[39:32] from bits 8:5 and 23:20), with
 *     PXN bit 0, XN bit 4, AP[1:0] 11:10, AP[2] 15, TEX 14:12, C 3, B 2.
 *     L2 bits 1:0: 00 fault (FS 00111); 01 large page (64 KiB, XN bit 15, TEX
 *     14:12); 1x small page (4 KiB, XN bit 0, TEX 8:6); AP[1:0] 5:4, AP[2] 9.
 *  4. Access flag: SCTLR.AFE = 1 and AP[0] = 0 => Access flag fault (FS 00011
 *     section, 00110 page). It is part of the walk, so it comes before the
 *     domain check and happens in Manager domains too (the A15 has no
 *     hardware Access flag management).
 *  5. An unaligned access (allowed by rule 1) to Device or Strongly-ordered
 *     memory => Alignment fault (ARMv7 with the Virtualization Extensions).
 *     Memory type from TEX/C/B (TRE = 0) or PRRR (TRE = 1).
 *  6. Domain (DACR field of the descriptor's domain): 00 No access, and the
 *     reserved 10 => Domain fault (FS 01001 section, 01011 page); 11 Manager
 *     => no further checks, not even XN; 01 Client => rule 7.
 *  7. Permission (FS 01101 section, 01111 page). AP[2:0] (AFE = 0):
 *     000 none; 001 PL1 RW; 010 PL1 RW, PL0 RO; 011 RW; 100 reserved (none);
 *     101 PL1 RO; 110 and 111 RO. With AFE = 1 AP[0] reads as 1 (AP[2:1]:
 *     00 PL1 RW, 01 RW, 10 PL1 RO, 11 RO). An instruction fetch needs read
 *     permission at its PL and no XN; at PL1 also no PXN, no (WXN and
 *     PL1-writable), no (UWXN and PL0-writable); at PL0 no (WXN and
 *     PL0-writable).
 *
 * FSR: FS[3:0] in bits 3:0, FS[4] in bit 10, WnR bit 11 (DFSR only), ExT bit
 * 12 for external aborts. Domain (DFSR only, bits 7:4) is written where the
 * architecture defines it for an LPAE-capable core like the A15: Domain
 * faults, and level 2 translation, Access flag and walk external aborts;
 * elsewhere (including Permission faults) it is UNKNOWN and we write 0.
 * Multi-byte accesses are checked page by page upwards, so DFAR is the lowest
 * faulting address: an LDM's faulting word, or the first byte on the faulting
 * page of an unaligned access (MemU splits those into bytes). A swap checks
 * its read before its write.
 */
#include "mmu_walk.h"

#include <string.h>

#define MMU_SMALL_PAGE 0x1000u
#define MMU_LARGE_PAGE 0x10000u
#define MMU_SECTION 0x100000u
#define MMU_SUPERSECTION 0x1000000u

/* Level 1 descriptors. */
#define L1_TYPE_MASK 3u
#define L1_TYPE_FAULT 0u
#define L1_TYPE_TABLE 1u
#define L1_SECTION_PXN (1u << 0)
#define L1_TABLE_PXN (1u << 2)
#define L1_SECTION_XN (1u << 4)
#define L1_DOMAIN_SHIFT 5
#define L1_DOMAIN_MASK 0xFu
#define L1_SECTION_AP01_SHIFT 10
#define L1_SECTION_TEX_SHIFT 12
#define L1_SECTION_AP2 (1u << 15)
#define L1_SUPERSECTION (1u << 18)
#define L1_SUPER_PA35_32_SHIFT 20
#define L1_SUPER_PA39_36_SHIFT 5
#define L1_TABLE_BASE_MASK 0xFFFFFC00u
#define L1_SECTION_BASE_MASK 0xFFF00000u
#define L1_SUPER_BASE_MASK 0xFF000000u
#define TTBR1_BASE_MASK 0xFFFFC000u

/* Level 2 descriptors. */
#define L2_TYPE_MASK 3u
#define L2_TYPE_FAULT 0u
#define L2_TYPE_LARGE 1u
#define L2_SMALL_XN (1u << 0)
#define L2_AP01_SHIFT 4
#define L2_SMALL_TEX_SHIFT 6
#define L2_AP2 (1u << 9)
#define L2_LARGE_TEX_SHIFT 12
#define L2_LARGE_XN (1u << 15)
#define L2_LARGE_BASE_MASK 0xFFFF0000u
#define L2_SMALL_BASE_MASK 0xFFFFF000u

/* Shared by sections and pages. */
#define DESC_B (1u << 2)
#define DESC_C (1u << 3)
#define DESC_TEX_MASK 7u
#define DESC_AP01_MASK 3u
#define AP_ACCESS_FLAG 1u /* AP[0] under SCTLR.AFE = 1 */
#define AP2_SHIFT 2       /* position of AP[2] in the 3-bit AP value */

#define PRRR_TR_MASK 3u
enum { PRRR_SO = 0, PRRR_DEVICE = 1 };

/* What the walk found: the leaf mapping, normalized over its four kinds. */
typedef struct mmu_leaf {
    uint64_t paddr;
    uint32_t size;
    unsigned level, domain, ap, tex;
    bool xn, pxn, c, b;
} mmu_leaf_t;

/* Access rights that AP[2:0] grants. */
typedef struct mmu_perms {
    bool priv_r, priv_w, user_r, user_w;
} mmu_perms_t;

static bool fail(mmu_result_t *out, mmu_fault_t fault, unsigned level, unsigned domain,
                 mmu_access_t access)
{
    out->fault = fault;
    out->level = (uint8_t)level;
    out->domain = (uint8_t)domain;
    out->fsr = mmu_fsr_encode(fault, level, domain, access);
    return false;
}

/* Where the level 1 descriptor for va lives; false when PD0/PD1 forbid the walk. */
static bool l1_descriptor_address(const mmu_state_t *m, uint32_t va, uint32_t *addr)
{
    unsigned n = m->ttbcr & MMU_TTBCR_N_MASK;

    if (n == 0 || (va >> (32 - n)) == 0) {
        uint32_t base = m->ttbr0 & ~((1u << (14 - n)) - 1u); /* TTBR0[31:14-N] */
        uint32_t index = (va << n) >> (n + 20);               /* VA[31-N:20] */
        *addr = base | (index << 2);
        return !(m->ttbcr & MMU_TTBCR_PD0);
    }
    *addr = (m->ttbr1 & TTBR1_BASE_MASK) | ((va >> 20) << 2);
    return !(m->ttbcr & MMU_TTBCR_PD1);
}

static void decode_section(uint32_t desc, uint32_t va, mmu_leaf_t *leaf)
{
    leaf->level = 1;
    leaf->ap = ((desc >> L1_SECTION_AP01_SHIFT) & DESC_AP01_MASK) |
               ((desc & L1_SECTION_AP2) ? 1u << AP2_SHIFT : 0);
    leaf->tex = (desc >> L1_SECTION_TEX_SHIFT) & DESC_TEX_MASK;
    leaf->xn = desc & L1_SECTION_XN;
    leaf->pxn = desc & L1_SECTION_PXN;
    leaf->c = desc & DESC_C;
    leaf->b = desc & DESC_B;
    if (desc & L1_SUPERSECTION) {
        uint64_t high = ((desc >> L1_SUPER_PA35_32_SHIFT) & 0xFu) |
                        (((desc >> L1_SUPER_PA39_36_SHIFT) & 0xFu) << 4);
        leaf->size = MMU_SUPERSECTION;
        leaf->domain = 0; /* supersections always belong to domain 0 */
        leaf->paddr = (high << 32) | (desc & L1_SUPER_BASE_MASK) | (va & (MMU_SUPERSECTION - 1));
    } else {
        leaf->size = MMU_SECTION;
        leaf->domain = (desc >> L1_DOMAIN_SHIFT) & L1_DOMAIN_MASK;
        leaf->paddr = (desc & L1_SECTION_BASE_MASK) | (va & (MMU_SECTION - 1));
    }
}

static void decode_page(uint32_t desc, uint32_t va, mmu_leaf_t *leaf)
{
    leaf->level = 2;
    leaf->ap = ((desc >> L2_AP01_SHIFT) & DESC_AP01_MASK) |
               ((desc & L2_AP2) ? 1u << AP2_SHIFT : 0);
    leaf->c = desc & DESC_C;
    leaf->b = desc & DESC_B;
    if ((desc & L2_TYPE_MASK) == L2_TYPE_LARGE) {
        leaf->size = MMU_LARGE_PAGE;
        leaf->tex = (desc >> L2_LARGE_TEX_SHIFT) & DESC_TEX_MASK;
        leaf->xn = desc & L2_LARGE_XN;
        leaf->paddr = (desc & L2_LARGE_BASE_MASK) | (va & (MMU_LARGE_PAGE - 1));
    } else {
        leaf->size = MMU_SMALL_PAGE;
        leaf->tex = (desc >> L2_SMALL_TEX_SHIFT) & DESC_TEX_MASK;
        leaf->xn = desc & L2_SMALL_XN;
        leaf->paddr = (desc & L2_SMALL_BASE_MASK) | (va & (MMU_SMALL_PAGE - 1));
    }
}

/* Level 2 of the walk, below a page-table descriptor. */
static bool walk_l2(const mmu_state_t *m, uint32_t l1, uint32_t va, mmu_access_t access,
                    mmu_leaf_t *leaf, mmu_result_t *out)
{
    unsigned domain = (l1 >> L1_DOMAIN_SHIFT) & L1_DOMAIN_MASK;
    uint32_t addr = (l1 & L1_TABLE_BASE_MASK) | (((va >> 12) & 0xFFu) << 2);
    uint32_t desc;

    if (!m->read32(m->mem_ctx, addr, &desc))
        return fail(out, MMU_FAULT_WALK_EXTERNAL, 2, domain, access);
    if ((desc & L2_TYPE_MASK) == L2_TYPE_FAULT)
        return fail(out, MMU_FAULT_TRANSLATION, 2, domain, access);
    decode_page(desc, va, leaf);
    leaf->domain = domain;
    leaf->pxn = l1 & L1_TABLE_PXN; /* a table's PXN covers all its pages */
    return true;
}

/* The table walk proper: rules 3 and 4. */
static bool walk(const mmu_state_t *m, uint32_t va, mmu_access_t access,
                 mmu_leaf_t *leaf, mmu_result_t *out)
{
    uint32_t addr, desc;

    if (!l1_descriptor_address(m, va, &addr))
        return fail(out, MMU_FAULT_TRANSLATION, 1, 0, access);
    if (!m->read32(m->mem_ctx, addr, &desc))
        return fail(out, MMU_FAULT_WALK_EXTERNAL, 1, 0, access);
    switch (desc & L1_TYPE_MASK) {
    case L1_TYPE_FAULT:
        return fail(out, MMU_FAULT_TRANSLATION, 1, 0, access);
    case L1_TYPE_TABLE:
        if (!walk_l2(m, desc, va, access, leaf, out))
            return false;
        break;
    default:
        decode_section(desc, va, leaf);
        break;
    }
    if ((m->sctlr & MMU_SCTLR_AFE) && !(leaf->ap & AP_ACCESS_FLAG))
        return fail(out, MMU_FAULT_ACCESS_FLAG, leaf->level, leaf->domain, access);
    return true;
}

static mmu_mem_type_t memory_type(const mmu_state_t *m, const mmu_leaf_t *leaf)
{
    if (m->sctlr & MMU_SCTLR_TRE) { /* PRRR.TRn, n = TEX[0]:C:B */
        unsigned n = ((leaf->tex & 1u) << 2) | ((unsigned)leaf->c << 1) | leaf->b;
        unsigned tr = (m->prrr >> (2 * n)) & PRRR_TR_MASK;
        return tr == PRRR_SO ? MMU_MEM_STRONGLY_ORDERED
             : tr == PRRR_DEVICE ? MMU_MEM_DEVICE : MMU_MEM_NORMAL;
    }
    if (leaf->tex == 0 && !leaf->c) /* TEX 000 C 0: B selects SO or Device */
        return leaf->b ? MMU_MEM_DEVICE : MMU_MEM_STRONGLY_ORDERED;
    if (leaf->tex == 2 && !leaf->c && !leaf->b)
        return MMU_MEM_DEVICE; /* non-shareable Device */
    return MMU_MEM_NORMAL;
}

static mmu_perms_t decode_ap(unsigned ap, bool afe)
{
    mmu_perms_t p = { false, false, false, false };
    if (afe)
        ap |= AP_ACCESS_FLAG; /* simplified model: only AP[2:1] grant rights */
    switch (ap) {
    case 1: p.priv_r = p.priv_w = true; break;
    case 2: p.priv_r = p.priv_w = p.user_r = true; break;
    case 3: p.priv_r = p.priv_w = p.user_r = p.user_w = true; break;
    case 5: p.priv_r = true; break;
    case 6: case 7: p.priv_r = p.user_r = true; break;
    default: break; /* 000 no access, 100 reserved */
    }
    return p;
}

/* Rule 7, for a Client domain. */
static bool permitted(const mmu_state_t *m, const mmu_leaf_t *leaf, mmu_access_t access,
                      mmu_pl_t pl)
{
    mmu_perms_t p = decode_ap(leaf->ap, m->sctlr & MMU_SCTLR_AFE);
    bool priv = pl == MMU_PL1;
    bool r = priv ? p.priv_r : p.user_r, w = priv ? p.priv_w : p.user_w;

    if (access == MMU_ACCESS_READ)
        return r;
    if (access == MMU_ACCESS_WRITE)
        return w;
    if (!r || leaf->xn || ((m->sctlr & MMU_SCTLR_WXN) && w))
        return false;
    return !priv || !(leaf->pxn || ((m->sctlr & MMU_SCTLR_UWXN) && p.user_w));
}

/* mmu_translate plus rule 5, which needs to know whether the access is aligned. */
static bool translate(const mmu_state_t *m, uint32_t va, mmu_access_t access, mmu_pl_t pl,
                      bool unaligned, mmu_result_t *out)
{
    mmu_leaf_t leaf;

    memset(out, 0, sizeof *out);
    if (!(m->sctlr & MMU_SCTLR_M)) {
        out->paddr = va;
        out->mem_type = access == MMU_ACCESS_EXECUTE ? MMU_MEM_NORMAL : MMU_MEM_STRONGLY_ORDERED;
        if (unaligned && access != MMU_ACCESS_EXECUTE)
            return fail(out, MMU_FAULT_ALIGNMENT, 0, 0, access);
        return true;
    }
    if (!walk(m, va, access, &leaf, out))
        return false;
    out->paddr = leaf.paddr;
    out->block_size = leaf.size;
    out->level = (uint8_t)leaf.level;
    out->domain = (uint8_t)leaf.domain;
    out->mem_type = memory_type(m, &leaf);
    if (unaligned && out->mem_type != MMU_MEM_NORMAL && access != MMU_ACCESS_EXECUTE)
        return fail(out, MMU_FAULT_ALIGNMENT, 0, 0, access);

    unsigned dacr = (m->dacr >> (2 * leaf.domain)) & 3u;
    if (dacr != MMU_DACR_CLIENT && dacr != MMU_DACR_MANAGER)
        return fail(out, MMU_FAULT_DOMAIN, leaf.level, leaf.domain, access);
    if (dacr == MMU_DACR_CLIENT && !permitted(m, &leaf, access, pl))
        return fail(out, MMU_FAULT_PERMISSION, leaf.level, leaf.domain, access);
    return true;
}

bool mmu_translate(const mmu_state_t *mmu, uint32_t va, mmu_access_t access,
                   mmu_pl_t pl, mmu_result_t *out)
{
    return translate(mmu, va, access, pl, false, out);
}

/* FS[4:0] by fault and level (table B3-23). */
static unsigned fault_status(mmu_fault_t fault, unsigned level)
{
    bool l2 = level == 2;
    switch (fault) {
    case MMU_FAULT_ALIGNMENT: return MMU_FS_ALIGNMENT;
    case MMU_FAULT_TRANSLATION: return l2 ? MMU_FS_TRANSLATION_L2 : MMU_FS_TRANSLATION_L1;
    case MMU_FAULT_ACCESS_FLAG: return l2 ? MMU_FS_ACCESS_FLAG_L2 : MMU_FS_ACCESS_FLAG_L1;
    case MMU_FAULT_DOMAIN: return l2 ? MMU_FS_DOMAIN_L2 : MMU_FS_DOMAIN_L1;
    case MMU_FAULT_PERMISSION: return l2 ? MMU_FS_PERMISSION_L2 : MMU_FS_PERMISSION_L1;
    case MMU_FAULT_WALK_EXTERNAL: return l2 ? MMU_FS_WALK_EXTERNAL_L2 : MMU_FS_WALK_EXTERNAL_L1;
    case MMU_FAULT_EXTERNAL: return MMU_FS_EXTERNAL;
    default: return 0;
    }
}

/* Whether DFSR.Domain is defined for this fault on an LPAE-capable core. */
static bool domain_valid(mmu_fault_t fault, unsigned level)
{
    if (fault == MMU_FAULT_DOMAIN)
        return true;
    return level == 2 && (fault == MMU_FAULT_TRANSLATION || fault == MMU_FAULT_ACCESS_FLAG ||
                          fault == MMU_FAULT_WALK_EXTERNAL);
}

uint32_t mmu_fsr_encode(mmu_fault_t fault, unsigned level, unsigned domain,
                        mmu_access_t access)
{
    unsigned fs = fault_status(fault, level);
    uint32_t fsr = (fs & MMU_FSR_FS_LOW_MASK) | ((fs & 0x10u) ? MMU_FSR_FS4 : 0);

    if (fault == MMU_FAULT_NONE)
        return 0;
    if (fault == MMU_FAULT_WALK_EXTERNAL || fault == MMU_FAULT_EXTERNAL)
        fsr |= MMU_FSR_EXT; /* reported as SLVERR */
    if (access == MMU_ACCESS_EXECUTE)
        return fsr; /* IFSR: no Domain, no WnR */
    if (domain_valid(fault, level))
        fsr |= (domain & L1_DOMAIN_MASK) << MMU_FSR_DOMAIN_SHIFT;
    if (access == MMU_ACCESS_WRITE)
        fsr |= MMU_FSR_WNR;
    return fsr;
}

static bool report(mmu_abort_t *out, uint32_t far, mmu_fault_t fault, uint32_t fsr)
{
    out->fault = fault;
    out->far = far;
    out->fsr = fsr;
    return true;
}

/* Rule 1. Alignments are powers of two. */
static bool misaligned(const mmu_state_t *m, const mmu_data_access_t *a)
{
    if (a->align_always > 1 && (a->start & (a->align_always - 1)))
        return true;
    return (m->sctlr & MMU_SCTLR_A) && a->elem_size > 1 && (a->start & (a->elem_size - 1));
}

/* Every page the range touches, upwards; permissions are uniform within 4 KiB. */
static bool range_aborts(const mmu_state_t *m, const mmu_data_access_t *a,
                         mmu_access_t access, mmu_pl_t pl, bool unaligned, mmu_abort_t *out)
{
    uint64_t done = 0;

    while (done < a->length) {
        uint32_t va = a->start + (uint32_t)done; /* wraps at 4 GiB like the CPU */
        mmu_result_t r;
        if (!translate(m, va, access, pl, unaligned, &r))
            return report(out, va, r.fault, r.fsr);
        done += MMU_SMALL_PAGE - (va & (MMU_SMALL_PAGE - 1));
    }
    return false;
}

bool mmu_data_abort(const mmu_state_t *mmu, const mmu_data_access_t *access,
                    mmu_pl_t pl, mmu_abort_t *out)
{
    mmu_access_t first = access->is_read ? MMU_ACCESS_READ : MMU_ACCESS_WRITE;
    bool unaligned = access->elem_size > 1 && (access->start & (access->elem_size - 1));

    memset(out, 0, sizeof *out);
    if (access->is_hint || access->length == 0)
        return false;
    if (misaligned(mmu, access))
        return report(out, access->start, MMU_FAULT_ALIGNMENT,
                      mmu_fsr_encode(MMU_FAULT_ALIGNMENT, 0, 0, first));
    if (access->is_read && range_aborts(mmu, access, MMU_ACCESS_READ, pl, unaligned, out))
        return true;
    if (access->is_write && range_aborts(mmu, access, MMU_ACCESS_WRITE, pl, unaligned, out))
        return true;
    return false;
}

bool mmu_prefetch_abort(const mmu_state_t *mmu, uint32_t pc, mmu_pl_t pl, mmu_abort_t *out)
{
    mmu_result_t r;

    memset(out, 0, sizeof *out);
    if (translate(mmu, pc, MMU_ACCESS_EXECUTE, pl, false, &r))
        return false;
    return report(out, pc, r.fault, r.fsr);
}
