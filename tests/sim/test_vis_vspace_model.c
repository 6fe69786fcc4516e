/*
 * tests/sim/test_vis_vspace_model.c - address spaces in the visualizer's model
 * (visualizer/vspace_model.c) and their links to caps (vspace_links.c), fed with
 * hand-made trace events: mappings per page directory after map, remap, unmap, a page
 * table's unmap and a directory's deletion; ghosts of what went; VM faults in the
 * faulting thread's space; a mapping's frame cap found from the cap's words.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <sel4/faults.h>

#include "../../visualizer/model.h"
#include "../../visualizer/vspace_links.h"
#include "vis_events.h"

#define PD 0xE0100000u       /* the root's page directory, ASID 1 */
#define PD2 0xE0104000u      /* another, ASID 2 */
#define TCB 0xE0050000u      /* its VSpace slot is TCB + 16 */
#define TCB2 0xE0050400u
#define CNODE 0xE0040000u
#define SLOT(i) (CNODE + 0x10u * (i))
#define FRAME_PA 0x80200000u
#define PT_PA 0x80300000u

static vis_model_t m;

static void event(uint32_t type, unsigned n, const uint32_t *payload)
{
    trace_record_t r = vis_test_record(m.events * 10u, type, n, payload);
    vis_model_apply(&m, &r);
}

static void map(uint32_t pd, uint32_t vaddr, uint32_t paddr, uint32_t bits, uint32_t access,
                uint32_t slot)
{
    EV(TRACE_MAP, pd, vaddr, paddr, bits, access, slot);
}

/* A frame cap (4 KiB unless size says otherwise) mapped at vaddr in asid (0: not). */
static void frame_cap(uint32_t slot, uint32_t paddr, unsigned size, uint32_t asid, uint32_t vaddr)
{
    uint32_t w0 = capw_word0(TRACE_CAP_FRAME, paddr), w1 = capw_frame(size, 3);
    capw_frame_set_mapping(&w0, &w1, asid, vaddr);
    EV(TRACE_CAP_INSERT, slot, w0, w1, 0, TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
}

/* Two threads: the root in PD (ASID 1), a child in PD2 (ASID 2). */
static void setup(void)
{
    vis_model_init(&m);
    EV(TRACE_OBJECT_CREATE, 1, TCB, 0, 0);
    EV(TRACE_OBJECT_CREATE, 1, TCB2, 0, 0);
    EV(TRACE_CAP_INSERT, SLOT(3), capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD), capw_pd(true, 1), 0,
       TRACE_CAPF_REVOCABLE, TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, TCB + 16, capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD), capw_pd(true, 1),
       SLOT(3), 0, TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, TCB2 + 16, capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD2), capw_pd(true, 2),
       0, 0, TRACE_CAUSE_TCB_CONFIGURE);
}

static void teardown(void)
{
    vis_model_free(&m);
}

TestSuite(vis_vspace, .init = setup, .fini = teardown);

static size_t count_in(uint32_t pd)
{
    size_t n;
    vis_vspace_of(&m.vspace, pd, &n);
    return n;
}

Test(vis_vspace, a_map_puts_the_page_in_its_directory_only)
{
    map(PD, 0x10000, FRAME_PA, 12, TRACE_MAP_READ, SLOT(10));
    cr_expect_eq(count_in(PD), 1);
    cr_expect_eq(count_in(PD2), 0);
    const vis_mapping_t *mp = vis_vspace_lookup(&m.vspace, PD, 0x10abc);
    cr_assert_not_null(mp);
    cr_expect_eq(mp->paddr, FRAME_PA);
    cr_expect_eq(mp->access, TRACE_MAP_READ);
    cr_expect_eq(mp->slot, SLOT(10));
    cr_expect_null(vis_vspace_lookup(&m.vspace, PD, 0x11000));
    cr_expect_null(vis_vspace_lookup(&m.vspace, PD2, 0x10000));
    cr_expect_eq(m.unknown_events, 0, "map and unmap are events the model knows");
}

Test(vis_vspace, a_remap_changes_the_rights_in_place)
{
    map(PD, 0x10000, FRAME_PA, 12, TRACE_MAP_READ | TRACE_MAP_WRITE, SLOT(10));
    uint32_t first = vis_vspace_lookup(&m.vspace, PD, 0x10000)->born;
    map(PD, 0x10000, FRAME_PA, 12, TRACE_MAP_READ | TRACE_MAP_EXECUTE_NEVER, SLOT(10));
    cr_expect_eq(count_in(PD), 1);
    const vis_mapping_t *mp = vis_vspace_lookup(&m.vspace, PD, 0x10000);
    cr_expect_eq(mp->access, TRACE_MAP_READ | TRACE_MAP_EXECUTE_NEVER);
    cr_expect_gt(mp->born, first, "a remap is a change the view animates");
    cr_expect_eq(m.vspace.ghost_count, 0, "a remap is not an unmap");
}

Test(vis_vspace, sizes_cover_their_span_and_misaligned_addresses_are_aligned)
{
    map(PD, 0x40010000, FRAME_PA, 16, 3, 0);
    map(PD, 0x41000000, 0x81000000, 24, 3, 0);
    map(PD, 0x50000000, 0x82000000, 20, 3, 0);
    cr_expect_not_null(vis_vspace_lookup(&m.vspace, PD, 0x4001ffff));
    cr_expect_null(vis_vspace_lookup(&m.vspace, PD, 0x40020000));
    cr_expect_not_null(vis_vspace_lookup(&m.vspace, PD, 0x41ffffff));
    cr_expect_not_null(vis_vspace_lookup(&m.vspace, PD, 0x500fffff));
    cr_expect_null(vis_vspace_lookup(&m.vspace, PD, 0x50100000));
    map(PD, 0x60001234, FRAME_PA, 12, 3, 0);
    cr_expect_eq(vis_vspace_lookup(&m.vspace, PD, 0x60001000)->vaddr, 0x60001000);
    map(PD, 0x70000000, FRAME_PA, 13, 3, 0); /* no frame is 8 KiB: ignored */
    cr_expect_eq(count_in(PD), 4);
}

Test(vis_vspace, a_space_is_in_address_order_with_a_table_before_its_pages)
{
    map(PD, 0x00012000, FRAME_PA + 0x2000, 12, 3, 0);
    map(PD, 0x40000000, FRAME_PA + 0x9000, 12, 3, 0);
    map(PD, 0x00010000, FRAME_PA, 12, 3, 0);
    map(PD, 0x00000000, PT_PA, 10, 0, 0);
    map(PD, 0x40000000, PT_PA + 0x400, 10, 0, 0);
    size_t n;
    const vis_mapping_t *maps = vis_vspace_of(&m.vspace, PD, &n);
    cr_assert_eq(n, 5);
    cr_expect(vis_mapping_is_table(&maps[0]) && maps[0].vaddr == 0);
    cr_expect_eq(maps[1].vaddr, 0x10000);
    cr_expect_eq(maps[2].vaddr, 0x12000);
    cr_expect(vis_mapping_is_table(&maps[3]) && maps[3].vaddr == 0x40000000,
              "the table at 0x40000000 comes before the page there");
    cr_expect(!vis_mapping_is_table(&maps[4]) && maps[4].vaddr == 0x40000000);
    cr_expect_eq(vis_mapping_span(&maps[0]), 1u << 20);
    cr_expect_not_null(vis_vspace_table(&m.vspace, PD, 0x000fffff));
    cr_expect_null(vis_vspace_table(&m.vspace, PD, 0x00100000));
}

Test(vis_vspace, an_unmap_removes_that_page_and_leaves_a_ghost)
{
    map(PD, 0x10000, FRAME_PA, 12, 3, SLOT(10));
    map(PD, 0x11000, FRAME_PA + 0x1000, 12, 3, SLOT(11));
    map(PD2, 0x10000, FRAME_PA, 12, 3, SLOT(12));
    EV(TRACE_UNMAP, PD, 0x10000, 12, SLOT(10));
    cr_expect_null(vis_vspace_lookup(&m.vspace, PD, 0x10000));
    cr_expect_not_null(vis_vspace_lookup(&m.vspace, PD, 0x11000));
    cr_expect_not_null(vis_vspace_lookup(&m.vspace, PD2, 0x10000), "the other space keeps it");
    cr_assert_eq(m.vspace.ghost_count, 1);
    cr_expect_eq(m.vspace.ghosts[0].map.vaddr, 0x10000);
    cr_expect_eq(m.vspace.ghosts[0].map.pd, PD);
    cr_expect_eq(m.vspace.ghosts[0].died, m.events - 1);
}

Test(vis_vspace, unmapping_a_page_table_takes_the_pages_in_its_mib_only)
{
    map(PD, 0x40000000, PT_PA, 10, 0, SLOT(20));
    map(PD, 0x40000000, FRAME_PA, 12, 3, 0);
    map(PD, 0x40010000, FRAME_PA + 0x10000, 16, 3, 0);
    map(PD, 0x400ff000, FRAME_PA + 0x1000, 12, 3, 0);
    map(PD, 0x40100000, FRAME_PA + 0x2000, 12, 3, 0);  /* the next MiB */
    map(PD, 0x41000000, 0x81000000, 24, 3, 0);          /* a supersection */
    map(PD2, 0x40000000, FRAME_PA, 12, 3, 0);          /* another space */
    EV(TRACE_UNMAP, PD, 0x40000000, 10, SLOT(20));
    cr_expect_null(vis_vspace_table(&m.vspace, PD, 0x40000000));
    cr_expect_null(vis_vspace_lookup(&m.vspace, PD, 0x40000000));
    cr_expect_null(vis_vspace_lookup(&m.vspace, PD, 0x40010000));
    cr_expect_null(vis_vspace_lookup(&m.vspace, PD, 0x400ff000));
    cr_expect_not_null(vis_vspace_lookup(&m.vspace, PD, 0x40100000));
    cr_expect_not_null(vis_vspace_lookup(&m.vspace, PD, 0x41000000));
    cr_expect_not_null(vis_vspace_lookup(&m.vspace, PD2, 0x40000000));
    cr_expect_eq(count_in(PD), 2);
    cr_expect_eq(m.vspace.ghost_count, 4, "the table and its three pages flash");
}

Test(vis_vspace, deleting_a_page_directory_takes_its_whole_space)
{
    map(PD, 0x00000000, PT_PA, 10, 0, 0);
    map(PD, 0x10000, FRAME_PA, 12, 3, 0);
    map(PD, 0x50000000, 0x82000000, 20, 3, 0);
    map(PD2, 0x10000, FRAME_PA, 12, 3, 0);
    EV(TRACE_OBJECT_DELETE, TRACE_CAP_PAGE_DIRECTORY, PD);
    cr_expect_eq(count_in(PD), 0);
    cr_expect_eq(count_in(PD2), 1);
    uint32_t pds[4];
    cr_expect_eq(vis_vspace_pds(&m.vspace, pds, 4), 1);
    cr_expect_eq(pds[0], PD2);
    cr_expect_eq(m.vspace.ghost_count, 3);
}

Test(vis_vspace, deleting_a_frame_unmaps_it_everywhere)
{
    map(PD, 0x10000, FRAME_PA, 12, 3, 0);
    map(PD2, 0x20000, FRAME_PA, 12, 3, 0);
    map(PD2, 0x21000, FRAME_PA + 0x1000, 12, 3, 0);
    EV(TRACE_OBJECT_DELETE, TRACE_CAP_FRAME, FRAME_PA);
    cr_expect_eq(count_in(PD), 0);
    cr_expect_eq(count_in(PD2), 1);
}

Test(vis_vspace, vm_faults_are_kept_in_the_faulting_threads_space)
{
    EV(TRACE_FAULT, TCB2, seL4_Fault_VMFault, 0x00000004, 0x10230);
    EV(TRACE_FAULT, TCB, seL4_Fault_UserException, 0, 0x10300);
    cr_assert_eq(m.vspace.fault_count, 1, "only VM faults have an address in the space");
    const vis_vm_fault_t *f = &m.vspace.faults[0];
    cr_expect_eq(f->tcb, TCB2);
    cr_expect_eq(f->pd, PD2);
    cr_expect_eq(f->address, 4);
    cr_expect_eq(f->pc, 0x10230);
    EV(TRACE_OBJECT_DELETE, TRACE_CAP_PAGE_DIRECTORY, PD2);
    cr_expect_eq(m.vspace.faults[0].pd, 0, "a deleted space shows no faults");
}

/* ---- links to caps ------------------------------------------------------------------ */

Test(vis_vspace, threads_spaces_and_asids_come_from_page_directory_caps)
{
    cr_expect_eq(vis_thread_pd(&m, TCB), PD);
    cr_expect_eq(vis_thread_pd(&m, TCB2), PD2);
    cr_expect_eq(vis_thread_pd(&m, 0xE0099000u), 0);
    cr_expect_eq(vis_pd_asid(&m, PD), 1);
    cr_expect_eq(vis_pd_asid(&m, PD2), 2);
    cr_expect_eq(vis_asid_pd(&m, 2), PD2);
    cr_expect_eq(vis_asid_pd(&m, 0), 0);
    uint32_t tcbs[2];
    cr_expect_eq(vis_pd_threads(&m, PD, tcbs, 2), 1);
    cr_expect_eq(tcbs[0], TCB);
}

Test(vis_vspace, a_mappings_cap_is_the_frame_cap_mapped_there_even_after_a_move)
{
    frame_cap(SLOT(10), FRAME_PA, 0, 1, 0x10000);
    map(PD, 0x10000, FRAME_PA, 12, 3, SLOT(10));
    const vis_cap_t *cap = vis_model_cap_at(&m, SLOT(10));
    EV(TRACE_CAP_MOVE, SLOT(10), SLOT(30), cap->w0, cap->w1, TRACE_CAUSE_MOVE);
    const vis_mapping_t *mp = vis_vspace_lookup(&m.vspace, PD, 0x10000);
    const vis_cap_t *found = vis_mapping_cap(&m, NULL, mp);
    cr_assert_not_null(found);
    cr_expect_eq(found->slot, SLOT(30), "found by its words, not the stale slot");
    vis_map_index_t ix;
    vis_map_index_build(&ix, &m, vis_pd_asid(&m, PD));
    cr_expect_eq(vis_mapping_cap(&m, &ix, mp), found, "the index finds the same cap");
    vis_map_index_free(&ix);
    uint32_t pd, asid, vaddr;
    cr_assert(vis_cap_mapped_at(&m, found, &pd, &asid, &vaddr));
    cr_expect(pd == PD && asid == 1 && vaddr == 0x10000);
    cr_expect_eq(vis_cap_space(&m, found), PD);
}

Test(vis_vspace, without_cap_words_the_map_events_slot_is_the_link)
{
    frame_cap(SLOT(10), FRAME_PA, 0, 0, 0); /* words say unmapped (an older stream) */
    map(PD, 0x10000, FRAME_PA, 12, 3, SLOT(10));
    map(PD, 0x11000, FRAME_PA + 0x5000, 12, 3, SLOT(10)); /* the slot names another frame */
    const vis_cap_t *c = vis_mapping_cap(&m, NULL, vis_vspace_lookup(&m.vspace, PD, 0x10000));
    cr_assert_not_null(c);
    cr_expect_eq(c->slot, SLOT(10));
    cr_expect_null(vis_mapping_cap(&m, NULL, vis_vspace_lookup(&m.vspace, PD, 0x11000)));
}

Test(vis_vspace, a_page_tables_cap_is_the_table_cap_mapped_at_that_mib)
{
    EV(TRACE_CAP_INSERT, SLOT(20), capw_word0(TRACE_CAP_PAGE_TABLE, 0xE0200000u),
       capw_pt(true, 1, 0x40000000), 0, TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
    map(PD, 0x40000000, PT_PA, 10, 0, SLOT(20));
    frame_cap(SLOT(21), FRAME_PA, 0, 1, 0x40000000);
    map(PD, 0x40000000, FRAME_PA, 12, 3, SLOT(21));
    const vis_cap_t *t = vis_mapping_cap(&m, NULL, vis_vspace_table(&m.vspace, PD, 0x40000000));
    const vis_cap_t *f = vis_mapping_cap(&m, NULL, vis_vspace_lookup(&m.vspace, PD, 0x40000000));
    cr_assert(t && f);
    cr_expect_eq(t->slot, SLOT(20));
    cr_expect_eq(f->slot, SLOT(21), "the page at the same address has its own cap");
    cr_expect_eq(vis_cap_space(&m, t), PD);
}

Test(vis_vspace, a_frames_other_mappings_are_its_other_mapped_caps)
{
    frame_cap(SLOT(10), FRAME_PA, 0, 1, 0x10000);
    frame_cap(SLOT(11), FRAME_PA, 0, 2, 0x20000); /* a copy, mapped in the child */
    frame_cap(SLOT(12), FRAME_PA, 0, 0, 0);       /* a copy, not mapped */
    frame_cap(SLOT(13), FRAME_PA + 0x1000, 0, 1, 0x11000);
    const vis_cap_t *others[4];
    cr_assert_eq(vis_frame_other_mappings(&m, vis_model_cap_at(&m, SLOT(10)), others, 4), 1);
    cr_expect_eq(others[0]->slot, SLOT(11));
    cr_expect_eq(vis_cap_space(&m, others[0]), PD2);
    cr_expect_eq(vis_frame_other_mappings(&m, vis_model_cap_at(&m, SLOT(12)), others, 4), 2);
}

Test(vis_vspace, a_frame_cap_whose_table_went_says_the_space_no_longer_maps_it)
{
    frame_cap(SLOT(21), FRAME_PA, 0, 1, 0x40000000);
    map(PD, 0x40000000, PT_PA, 10, 0, SLOT(20));
    map(PD, 0x40000000, FRAME_PA, 12, TRACE_MAP_READ, SLOT(21));
    char where[256], others[256];
    vis_cap_mapping_words(&m, vis_model_cap_at(&m, SLOT(21)), where, others, sizeof(where));
    cr_expect_str_eq(where, "at 40000000 in tcb e0050000 (ASID 1), R X, uncached");
    EV(TRACE_UNMAP, PD, 0x40000000, 10, SLOT(20)); /* the cap keeps its record, as in seL4 */
    vis_cap_mapping_words(&m, vis_model_cap_at(&m, SLOT(21)), where, others, sizeof(where));
    cr_expect_str_eq(where,
                     "at 40000000 in tcb e0050000 (ASID 1), but that space no longer maps it");
}
