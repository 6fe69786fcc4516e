/*
 * tests/kernel/test_vspace.c - address spaces as capabilities (spec 8.7) on the
 * host: ASIDControl_MakePool, ASIDPool_Assign, PageTable_Map/Unmap, Page_Map/
 * Unmap/GetAddress and cache maintenance, checked against the page-table entries
 * they write, seL4's error for every refused case, that decoding changes nothing,
 * and what deleting each kind of cap undoes.
 * Partners: arch/arm/vspace.c, arch/arm/asid.c, harness.c (TLB flushes counted).
 */
#include <string.h>

#include <arch/pagetable.h>
#include <sel4/constants.h>
#include <sel4/invocation.h>

#include "harness.h"

/* Slots of the test CNode. */
enum {
    ASID_CONTROL = 0,
    UNTYPED = 1, /* 4 KiB, for a pool */
    POOL = 2,
    PD = 3,
    PT = 4,
    FRAME = 5,
    FRAME_COPY = 6,
    SPARE = 7,
    ROOT = 15, /* the CNode's own cap: MakePool's root argument */
};

#define VADDR 0x40000000u
#define SECTION_SIZE (1u << seL4_SectionBits)
#define RW (RIGHT_READ | RIGHT_WRITE)

static cap_t node;
static invocation_t inv;
static uint32_t *pd, *pt;
static uint32_t frame_pa;

static cte_t *S(unsigned i)
{
    return harness_slot(node, i);
}

static seL4_Error make_pool(unsigned untyped, unsigned dest)
{
    return harness_invoke(&inv, S(ASID_CONTROL), ARMASIDControlMakePool, MRS(dest, 4),
                          CAPS(S(untyped), S(ROOT)));
}

static seL4_Error assign(unsigned pool, unsigned pd_slot)
{
    return harness_invoke(&inv, S(pool), ARMASIDPoolAssign, NO_MRS, CAPS(S(pd_slot)));
}

static seL4_Error pt_map(unsigned pt_slot, unsigned pd_slot, uint32_t vaddr)
{
    return harness_invoke(&inv, S(pt_slot), ARMPageTableMap,
                          MRS(vaddr, seL4_ARM_Default_VMAttributes), CAPS(S(pd_slot)));
}

static seL4_Error page_map(unsigned frame, unsigned pd_slot, uint32_t vaddr, uint32_t rights,
                           uint32_t attr)
{
    return harness_invoke(&inv, S(frame), ARMPageMap, MRS(vaddr, rights, attr), CAPS(S(pd_slot)));
}

static uint32_t pte(uint32_t vaddr)
{
    return pt[(vaddr >> 12) & 0xFFu];
}

/* An ASID pool, an assigned page directory, an unmapped page table and a frame. */
static void vspace_init(void)
{
    harness_init();
    node = harness_cnode(4, 0, 0);
    harness_place(S(ASID_CONTROL), cap_simple(CAP_ASID_CONTROL), true);
    cdt_insert(node, S(ASID_CONTROL), S(ROOT), false);
    harness_place(S(UNTYPED), harness_untyped(seL4_ASIDPoolBits, false), true);
    cr_assert_eq(make_pool(UNTYPED, POOL), seL4_NoError);
    pd = harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits);
    harness_place(S(PD), cap_page_directory(pd, false, 0), true);
    cr_assert_eq(assign(POOL, PD), seL4_NoError);
    pt = harness_alloc(1u << seL4_PageTableBits, seL4_PageTableBits);
    harness_place(S(PT), cap_page_table(pt, false, 0, 0), true);
    frame_pa = harness_untyped_region(seL4_PageBits);
    harness_place(S(FRAME), cap_frame(frame_pa, FRAME_SMALL, false, RIGHTS_ALL), true);
}

TestSuite(vspace, .init = vspace_init, .fini = harness_fini);

Test(vspace, make_pool_and_assign_give_the_directory_an_asid)
{
    cr_assert_eq(cap_type(S(POOL)->cap), CAP_ASID_POOL);
    cr_assert(cdt_is_parent(S(UNTYPED), S(POOL)), "the pool is a child of its untyped");
    cr_assert_eq(untyped_free_bytes(S(UNTYPED)->cap), 1u << seL4_ASIDPoolBits, "untyped marked full");
    cr_assert(pd_is_assigned(S(PD)->cap));
    uint32_t asid = pd_asid(S(PD)->cap);
    cr_assert_neq(asid, 0, "ASID 0 is never given out");
    cr_assert_eq(asid_find_pd(asid), pd);
    cr_assert_eq(assign(POOL, PD), seL4_InvalidCapability, "already assigned");
    cr_assert_eq(inv.reply[0], 1);
}

Test(vspace, a_pool_gives_each_directory_its_own_asid_and_reuses_a_freed_one)
{
    uint32_t *pd2 = harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits);
    harness_place(S(SPARE), cap_page_directory(pd2, false, 0), true);
    cr_assert_eq(assign(POOL, SPARE), seL4_NoError);
    uint32_t a1 = pd_asid(S(PD)->cap), a2 = pd_asid(S(SPARE)->cap);
    cr_assert_neq(a1, a2);
    cr_assert(cdt_delete(S(PD), false));
    cr_assert_null(asid_find_pd(a1), "deleting the last PD cap releases its ASID");
    cr_assert_geq(harness_vm.tlb_asid_flushes, 1, "and flushes its TLB entries");
    uint32_t *pd3 = harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits);
    harness_place(S(PD), cap_page_directory(pd3, false, 0), true);
    cr_assert_eq(assign(POOL, PD), seL4_NoError);
    cr_assert_eq(pd_asid(S(PD)->cap), a1, "the first free ASID is reused");
    cr_assert_eq(asid_find_pd(a1), pd3);
}

Test(vspace, make_pool_errors)
{
    cr_assert_eq(harness_invoke(&inv, S(ASID_CONTROL), ARMASIDControlMakePool, MRS(SPARE, 4),
                                CAPS(S(UNTYPED))),
                 seL4_TruncatedMessage);
    harness_place(S(SPARE), harness_untyped(seL4_ASIDPoolBits + 1, false), true);
    cr_assert_eq(make_pool(SPARE, 8), seL4_InvalidCapability, "wrong size");
    cr_assert_eq(inv.reply[0], 1);
    cr_assert(cdt_delete(S(SPARE), false));
    harness_place(S(SPARE), harness_untyped(seL4_ASIDPoolBits, true), true);
    cr_assert_eq(make_pool(SPARE, 8), seL4_InvalidCapability, "device memory");
    cr_assert(cdt_delete(S(SPARE), false));
    cr_assert_eq(make_pool(PD, 8), seL4_InvalidCapability, "not an untyped");
    harness_place(S(SPARE), harness_untyped(seL4_ASIDPoolBits, false), true);
    cr_assert_eq(make_pool(SPARE, PD), seL4_DeleteFirst, "destination occupied");
    cr_assert_eq(make_pool(UNTYPED, 8), seL4_RevokeFirst, "the untyped has a child (the pool)");
    check_empty(harness_slot(node, 8));
}

Test(vspace, make_pool_runs_out_after_32_pools)
{
    /* Pool 0 is made in init; 31 more fill the table (15-bit ASIDs). A CNode of 128
     * slots: untypeds in 0-31, pools from 64, its own cap in 127. */
    cap_t more = harness_cnode(7, 0, 0);
    cte_t *self = harness_slot(more, 127);
    cdt_insert(more, S(ROOT), self, false);
    for (unsigned i = 0; i < 32; i++) {
        harness_place(harness_slot(more, i), harness_untyped(seL4_ASIDPoolBits, false), true);
        seL4_Error e = harness_invoke(&inv, S(ASID_CONTROL), ARMASIDControlMakePool, MRS(64 + i, 7),
                                      CAPS(harness_slot(more, i), self));
        cr_assert_eq(e, i < 31 ? seL4_NoError : seL4_DeleteFirst, "pool %u", i + 1);
    }
    check_empty(harness_slot(more, 64 + 31));
}

Test(vspace, page_table_and_page_map_write_the_entries)
{
    cr_assert_eq(pt_map(PT, PD, VADDR + 0x1234), seL4_NoError);
    uint32_t pde = pd[VADDR >> 20];
    cr_assert_eq(pde_kind(pde), PT_TABLE);
    cr_assert_eq(pt_entry_base(pde, PT_TABLE), (uint32_t)(uintptr_t)pt);
    cr_assert(pt_is_mapped(S(PT)->cap));
    cr_assert_eq(pt_mapped_vaddr(S(PT)->cap), VADDR, "the MiB it covers");
    cr_assert_eq(pt_mapped_asid(S(PT)->cap), pd_asid(S(PD)->cap));

    cr_assert_eq(page_map(FRAME, PD, VADDR + 0x3000, RW, seL4_ARM_Default_VMAttributes), seL4_NoError);
    uint32_t e = pte(VADDR + 0x3000);
    cr_assert_eq(pte_kind(e), PT_SMALL);
    cr_assert_eq(pt_entry_base(e, PT_SMALL), frame_pa);
    cr_assert_eq(e & PTE_AP2, 0, "writable");
    cr_assert_eq(e & PTE_XN, 0, "executable");
    cr_assert(e & PTE_NG, "belongs to one ASID");
    cr_assert_eq(frame_mapped_asid(S(FRAME)->cap), pd_asid(S(PD)->cap));
    cr_assert_eq(frame_mapped_vaddr(S(FRAME)->cap), VADDR + 0x3000);
    cr_assert_eq(cap_addr(S(FRAME)->cap), frame_pa, "the mapping does not change the address");

    harness_invoke(&inv, S(FRAME), ARMPageGetAddress, NO_MRS, NO_CAPS);
    cr_assert_eq(inv.reply_length, 1);
    cr_assert_eq(inv.reply[0], frame_pa);
}

Test(vspace, remap_with_fewer_rights_and_attributes)
{
    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, 0), seL4_NoError);
    unsigned flushes = harness_vm.tlb_page_flushes;
    cr_assert_eq(page_map(FRAME, PD, VADDR, RIGHT_READ, seL4_ARM_ExecuteNever), seL4_NoError);
    uint32_t e = pte(VADDR);
    cr_assert(e & PTE_AP2, "read-only");
    cr_assert(e & PTE_XN, "execute-never");
    cr_assert_eq(harness_vm.tlb_page_flushes, flushes + 1, "the old translation is flushed");
    /* A cap without Read maps kernel-only: user accesses fault. */
    cr_assert_eq(page_map(FRAME, PD, VADDR, RIGHT_WRITE, 0), seL4_NoError);
    e = pte(VADDR);
    cr_assert_eq((e >> PTE_AP_SHIFT) & 3u, AP_PL1_ONLY);
    /* Rights cannot grow beyond the cap's. */
    S(FRAME)->cap = cap_mask_rights(S(FRAME)->cap, RIGHT_READ);
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, 0), seL4_NoError);
    cr_assert(pte(VADDR) & PTE_AP2, "a read-only cap maps read-only whatever is asked");
}

Test(vspace, page_map_errors_in_order)
{
    harness_place(S(SPARE), cap_page_directory(harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits),
                                               false, 0), true);
    cr_assert_eq(harness_invoke(&inv, S(FRAME), ARMPageMap, MRS(VADDR, RW), CAPS(S(PD))),
                 seL4_TruncatedMessage);
    cr_assert_eq(page_map(FRAME, SPARE, VADDR, RW, 0), seL4_InvalidCapability, "unassigned PD");
    cr_assert_eq(inv.reply[0], 1);
    cr_assert_eq(page_map(FRAME, PT, VADDR, RW, 0), seL4_InvalidCapability, "not a PD");
    cr_assert_eq(page_map(FRAME, PD, seL4_UserTop, RW, 0), seL4_InvalidArgument, "kernel window");
    cr_assert_eq(inv.reply[0], 0);
    cr_assert_eq(page_map(FRAME, PD, seL4_UserTop - 0x1000, RW, 0), seL4_FailedLookup,
                 "the last user page is fine (it only lacks a page table)");
    cr_assert_eq(page_map(FRAME, PD, VADDR + 0x800, RW, 0), seL4_AlignmentError);
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, 0), seL4_FailedLookup, "no page table");
    cr_assert_eq(inv.reply[0], 0, "not the source");
    cr_assert_eq(inv.reply[1], seL4_MissingCapability);
    cr_assert_eq(inv.reply[2], SEL4_MAPPING_LOOKUP_NO_PT);
    cr_assert_eq(frame_mapped_asid(S(FRAME)->cap), 0, "nothing mapped");

    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, 0), seL4_NoError);
    cr_assert_eq(page_map(FRAME, PD, VADDR + 0x1000, RW, 0), seL4_InvalidArgument,
                 "a mapped cap maps in one place");
    cr_assert_eq(inv.reply[0], 0);
    uint32_t *pd2 = harness_alloc(1u << seL4_PageDirBits, seL4_PageDirBits);
    cdt_delete(S(SPARE), false);
    harness_place(S(SPARE), cap_page_directory(pd2, false, 0), true);
    cr_assert_eq(assign(POOL, SPARE), seL4_NoError);
    cr_assert_eq(page_map(FRAME, SPARE, VADDR, RW, 0), seL4_InvalidCapability,
                 "mapped in another address space");
    cr_assert_eq(inv.reply[0], 1);
    /* A copy is unmapped and maps on its own, but not over another mapping. */
    cdt_insert(frame_with_mapping(S(FRAME)->cap, 0, 0), S(FRAME), S(FRAME_COPY), false);
    cr_assert_eq(page_map(FRAME_COPY, PD, VADDR, RW, 0), seL4_DeleteFirst, "the entry is in use");
    cr_assert_eq(page_map(FRAME_COPY, PD, VADDR + 0x1000, RW, 0), seL4_NoError);
    cr_assert_eq(pt_entry_base(pte(VADDR + 0x1000), PT_SMALL), frame_pa, "two places, one frame");
}

Test(vspace, decoding_a_map_changes_nothing)
{
    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    uint8_t pd_before[1u << seL4_PageDirBits], pt_before[1u << seL4_PageTableBits];
    memcpy(pd_before, pd, sizeof(pd_before));
    memcpy(pt_before, pt, sizeof(pt_before));
    cte_t frame_before = *S(FRAME);
    object_op_t op;
    cr_assert_eq(harness_decode(&inv, &op, S(FRAME), ARMPageMap, MRS(VADDR, RW, 0), CAPS(S(PD))),
                 seL4_NoError);
    cr_assert_eq(memcmp(pd_before, pd, sizeof(pd_before)), 0);
    cr_assert_eq(memcmp(pt_before, pt, sizeof(pt_before)), 0);
    cr_assert_eq(memcmp(&frame_before, S(FRAME), sizeof(cte_t)), 0);
    cte_t pt_slot_before = *S(PT);
    harness_place(S(SPARE), cap_page_table(harness_alloc(1u << seL4_PageTableBits, seL4_PageTableBits),
                                           false, 0, 0), true);
    cte_t spare_before = *S(SPARE);
    cr_assert_eq(harness_decode(&inv, &op, S(SPARE), ARMPageTableMap, MRS(VADDR + SECTION_SIZE, 0),
                                CAPS(S(PD))),
                 seL4_NoError);
    cr_assert_eq(memcmp(pd_before, pd, sizeof(pd_before)), 0);
    cr_assert_eq(memcmp(&spare_before, S(SPARE), sizeof(cte_t)), 0);
    cr_assert_eq(memcmp(&pt_slot_before, S(PT), sizeof(cte_t)), 0);
}

Test(vspace, every_frame_size_fills_its_entries)
{
    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    harness_place(S(SPARE), cap_frame(0x01000000u, FRAME_LARGE, false, RIGHTS_ALL), true);
    cr_assert_eq(page_map(SPARE, PD, VADDR + 0x8000, RW, 0), seL4_AlignmentError, "64 KiB aligned");
    cr_assert_eq(page_map(SPARE, PD, VADDR + 0x10000, RW, 0), seL4_NoError);
    for (unsigned i = 0; i < 16; i++) {
        cr_assert_eq(pte_kind(pte(VADDR + 0x10000 + i * 0x1000)), PT_LARGE);
        cr_assert_eq(pt_entry_base(pte(VADDR + 0x10000 + i * 0x1000), PT_LARGE), 0x01000000u);
    }
    cr_assert_eq(pte(VADDR + 0x20000), 0, "nothing past the large page");
    cr_assert_eq(page_map(FRAME, PD, VADDR + 0x13000, RW, 0), seL4_DeleteFirst, "inside the large page");

    harness_place(S(8), cap_frame(0x02000000u, FRAME_SECTION, false, RIGHTS_ALL), true);
    cr_assert_eq(page_map(8, PD, VADDR, RW, 0), seL4_DeleteFirst, "a page table is there");
    cr_assert_eq(page_map(8, PD, VADDR + SECTION_SIZE, RW, 0), seL4_NoError, "no page table needed");
    cr_assert_eq(pde_kind(pd[(VADDR >> 20) + 1]), PT_SECTION);
    cr_assert_eq(pt_entry_base(pd[(VADDR >> 20) + 1], PT_SECTION), 0x02000000u);

    harness_place(S(9), cap_frame(0x03000000u, FRAME_SUPERSECTION, false, RIGHTS_ALL), true);
    cr_assert_eq(page_map(9, PD, 0x41100000u, RW, 0), seL4_AlignmentError, "16 MiB aligned");
    cr_assert_eq(page_map(9, PD, 0x42000000u, RW, 0), seL4_NoError);
    for (unsigned i = 0; i < 16; i++)
        cr_assert_eq(pde_kind(pd[(0x42000000u >> 20) + i]), PT_SUPERSECTION);
    cr_assert_eq(pt_entry_base(pd[0x42F], PT_SUPERSECTION), 0x03000000u);
    cr_assert_eq(page_map(9, PD, 0xD0000000u, RW, 0), seL4_InvalidArgument, "mapped elsewhere");

    cr_assert_eq(harness_invoke(&inv, S(9), ARMPageUnmap, NO_MRS, NO_CAPS), seL4_NoError);
    for (unsigned i = 0; i < 16; i++)
        cr_assert_eq(pd[(0x42000000u >> 20) + i], 0);
    cr_assert_eq(frame_mapped_asid(S(9)->cap), 0);
}

Test(vspace, page_table_errors)
{
    cr_assert_eq(harness_invoke(&inv, S(PT), ARMPageTableMap, MRS(VADDR), CAPS(S(PD))),
                 seL4_TruncatedMessage);
    cr_assert_eq(pt_map(PT, FRAME, VADDR), seL4_InvalidCapability, "not a PD");
    cr_assert_eq(inv.reply[0], 1);
    cr_assert_eq(pt_map(PT, PD, seL4_UserTop), seL4_InvalidArgument);
    cr_assert_eq(inv.reply[0], 0);
    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    cr_assert_eq(pt_map(PT, PD, VADDR + SECTION_SIZE), seL4_InvalidCapability, "already mapped");
    cr_assert_eq(inv.reply[0], 0);
    harness_place(S(SPARE), cap_page_table(harness_alloc(1u << seL4_PageTableBits, seL4_PageTableBits),
                                           false, 0, 0), true);
    cr_assert_eq(pt_map(SPARE, PD, VADDR + 0x5000), seL4_DeleteFirst, "that MiB has a table");
    /* Unmap with a copy around is refused; without, it empties the table. */
    cdt_insert(S(PT)->cap, S(PT), S(8), false);
    cr_assert_eq(harness_invoke(&inv, S(PT), ARMPageTableUnmap, NO_MRS, NO_CAPS), seL4_RevokeFirst);
    cr_assert(cdt_delete(S(8), false));
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, 0), seL4_NoError);
    cr_assert_eq(harness_invoke(&inv, S(PT), ARMPageTableUnmap, NO_MRS, NO_CAPS), seL4_NoError);
    cr_assert_eq(pd[VADDR >> 20], 0);
    cr_assert_eq(pt[0], 0, "an unmapped table is empty");
    cr_assert_not(pt_is_mapped(S(PT)->cap));
    cr_assert_eq(harness_invoke(&inv, S(PT), ARMPageTableUnmap, NO_MRS, NO_CAPS), seL4_NoError,
                 "unmapping an unmapped table is fine");
    /* The frame cap still says where it was; unmapping it finds no table and is fine. */
    cr_assert_eq(harness_invoke(&inv, S(FRAME), ARMPageUnmap, NO_MRS, NO_CAPS), seL4_NoError);
    cr_assert_eq(frame_mapped_asid(S(FRAME)->cap), 0);
}

Test(vspace, copying_a_page_table_or_directory_needs_a_mapping)
{
    cr_assert_eq(harness_invoke(&inv, S(ROOT), CNodeCopy, MRS(SPARE, 4, PT, 4, RIGHTS_ALL),
                                CAPS(S(ROOT))),
                 seL4_IllegalOperation);
    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    cr_assert_eq(harness_invoke(&inv, S(ROOT), CNodeCopy, MRS(SPARE, 4, PT, 4, RIGHTS_ALL),
                                CAPS(S(ROOT))),
                 seL4_NoError);
    cr_assert_eq(harness_invoke(&inv, S(ROOT), CNodeCopy, MRS(8, 4, PD, 4, RIGHTS_ALL), CAPS(S(ROOT))),
                 seL4_NoError);
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, 0), seL4_NoError);
    cr_assert_eq(harness_invoke(&inv, S(ROOT), CNodeCopy, MRS(9, 4, FRAME, 4, RIGHTS_ALL),
                                CAPS(S(ROOT))),
                 seL4_NoError);
    cr_assert_eq(frame_mapped_asid(S(9)->cap), 0, "a copied frame cap is not mapped");
    cr_assert(cdt_delete(S(9), false));
    cr_assert_eq(pt_entry_base(pte(VADDR), PT_SMALL), frame_pa, "deleting the copy leaves the mapping");
}

Test(vspace, deleting_caps_takes_their_mappings)
{
    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, 0), seL4_NoError);
    cdt_insert(frame_with_mapping(S(FRAME)->cap, 0, 0), S(FRAME), S(FRAME_COPY), false);
    cr_assert_eq(page_map(FRAME_COPY, PD, VADDR + 0x1000, RW, 0), seL4_NoError);
    unsigned flushes = harness_vm.tlb_page_flushes;
    /* Not the last cap of the frame, but it held a mapping: that goes. */
    cr_assert(cdt_delete(S(FRAME), false));
    cr_assert_eq(pte(VADDR), 0);
    cr_assert_neq(pte(VADDR + 0x1000), 0, "the copy's mapping stays");
    cr_assert_eq(harness_vm.tlb_page_flushes, flushes + 1);
    /* The last cap of the page table takes the table out of the directory. */
    cr_assert(cdt_delete(S(PT), false));
    cr_assert_eq(pd[VADDR >> 20], 0);
    /* The copy's record is now stale: deleting it must not write anywhere. */
    cr_assert(cdt_delete(S(FRAME_COPY), false));
}

Test(vspace, deleting_the_pool_releases_its_asids)
{
    uint32_t asid = pd_asid(S(PD)->cap);
    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    cr_assert(cdt_delete(S(POOL), false));
    cr_assert_null(asid_find_pd(asid));
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, 0), seL4_FailedLookup,
                 "the directory's ASID names nothing now");
    cr_assert_eq(inv.reply[1], seL4_InvalidRoot);
    /* Revoking the untyped after deleting the pool is fine; a new pool can be made. */
    cr_assert(cdt_revoke(S(UNTYPED), false));
    cr_assert_eq(make_pool(UNTYPED, POOL), seL4_NoError);
}

Test(vspace, cache_maintenance_checks)
{
    cr_assert_eq(harness_invoke(&inv, S(FRAME), ARMPageClean_Data, MRS(0, 64), NO_CAPS),
                 seL4_IllegalOperation, "an unmapped frame");
    cr_assert_eq(pt_map(PT, PD, VADDR), seL4_NoError);
    cr_assert_eq(page_map(FRAME, PD, VADDR, RW, seL4_ARM_Default_VMAttributes), seL4_NoError);
    cr_assert_eq(harness_invoke(&inv, S(FRAME), ARMPageClean_Data, MRS(64), NO_CAPS),
                 seL4_TruncatedMessage);
    cr_assert_eq(harness_invoke(&inv, S(FRAME), ARMPageClean_Data, MRS(64, 64), NO_CAPS),
                 seL4_InvalidArgument);
    cr_assert_eq(inv.reply[0], 1, "end <= start");
    cr_assert_eq(harness_invoke(&inv, S(FRAME), ARMPageInvalidate_Data, MRS(0, 0x1001), NO_CAPS),
                 seL4_InvalidArgument);
    cr_assert_eq(inv.reply[0], 0, "outside the frame");
    unsigned ops = harness_vm.cache_ops;
    cr_assert_eq(harness_invoke(&inv, S(FRAME), ARMPageCleanInvalidate_Data, MRS(0, 0x1000), NO_CAPS),
                 seL4_NoError);
    cr_assert_eq(harness_vm.cache_ops, ops + 1);
    cr_assert_eq(harness_vm.cache_bytes, 0x1000);

    /* The page directory's: by virtual address, within one page. */
    cr_assert_eq(harness_invoke(&inv, S(PD), ARMPDClean_Data, MRS(VADDR + 8, VADDR + 8), NO_CAPS),
                 seL4_InvalidArgument);
    cr_assert_eq(harness_invoke(&inv, S(PD), ARMPDClean_Data, MRS(VADDR, seL4_UserTop + 1), NO_CAPS),
                 seL4_IllegalOperation);
    cr_assert_eq(harness_invoke(&inv, S(PD), ARMPDClean_Data, MRS(VADDR + 0x800, VADDR + 0x1800),
                                NO_CAPS),
                 seL4_RangeError, "crosses the end of the page");
    cr_assert_eq(harness_invoke(&inv, S(PD), ARMPDUnify_Instruction, MRS(VADDR + 0x100, VADDR + 0x200),
                                NO_CAPS),
                 seL4_NoError);
    cr_assert_eq(harness_vm.cache_bytes, 0x1100);
    cr_assert_eq(harness_invoke(&inv, S(PD), ARMPDClean_Data, MRS(0x50000000u, 0x50001000u), NO_CAPS),
                 seL4_NoError, "nothing mapped there: nothing to do");
}
