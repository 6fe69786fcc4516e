/*
 * tests/sim/test_vis_model.c - the visualizer's model (visualizer/model.c) fed with
 * hand-made trace events: caps and their CDT parents through insert, move, swap,
 * delete and revoke; objects and untyped regions; threads.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "../../visualizer/model.h"
#include "vis_events.h"

#define UT_SLOT 0xE0040100u
#define EP_SLOT 0xE0040200u
#define MINT_SLOT 0xE0040210u
#define COPY_SLOT 0xE0040220u
#define EP_ADDR 0x80100000u
#define UT_PADDR 0x80100000u
#define TCB_ADDR 0xE0050000u

static vis_model_t m;

static void event(uint32_t type, unsigned n, const uint32_t *payload)
{
    trace_record_t r = vis_test_record(m.events * 10u, type, n, payload);
    vis_model_apply(&m, &r);
}


/* An untyped of 2^20 bytes at UT_SLOT; an endpoint retyped from it; a badged mint
 * (child of the endpoint) and a copy of the mint (its sibling: parent = endpoint). */
static void setup(void)
{
    vis_model_init(&m);
    EV(TRACE_CAP_INSERT, UT_SLOT, UT_PADDR | 1u, 20u | (0u << 6), 0, TRACE_CAPF_REVOCABLE, TRACE_CAUSE_BOOT);
    EV(TRACE_OBJECT_CREATE, 2, EP_ADDR, 0, UT_SLOT);
    EV(TRACE_CAP_INSERT, EP_SLOT, EP_ADDR | 2u, 0xF0000000u, UT_SLOT, TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
    EV(TRACE_CAP_UPDATE, UT_SLOT, UT_PADDR | 1u, 20u | ((16u >> 4) << 6));
    EV(TRACE_CAP_INSERT, MINT_SLOT, EP_ADDR | 2u, 0xF000002Au, EP_SLOT,
       TRACE_CAPF_REVOCABLE | TRACE_CAPF_FIRST_BADGED, TRACE_CAUSE_MINT);
    EV(TRACE_CAP_INSERT, COPY_SLOT, EP_ADDR | 2u, 0x3000002Au, MINT_SLOT, 0, TRACE_CAUSE_COPY);
}

static void teardown(void)
{
    vis_model_free(&m);
}

TestSuite(vis_model, .init = setup, .fini = teardown);

Test(vis_model, inserted_caps_hang_under_their_cdt_parents)
{
    const vis_cap_t *kids[4];
    cr_assert_eq(vis_model_children(&m, 0, kids, 4), 1, "one root: the untyped");
    cr_expect_eq(kids[0]->slot, UT_SLOT);
    cr_assert_eq(vis_model_children(&m, UT_SLOT, kids, 4), 1);
    cr_expect_eq(kids[0]->slot, EP_SLOT);
    cr_expect_eq(vis_model_children(&m, MINT_SLOT, kids, 4), 1);
    const vis_cap_t *c = vis_model_cap_at(&m, COPY_SLOT);
    cr_assert_not_null(c);
    cr_expect_eq(vis_cap_badge(c->w1), 42);
    char rights[8];
    vis_rights_string(vis_cap_rights(c->w1), rights);
    cr_expect_str_eq(rights, "RW");
    cr_expect_str_eq(vis_cap_type_name(vis_cap_type(c->w0)), "endpoint");
}

Test(vis_model, untyped_watermark_and_objects_carved_from_it)
{
    const vis_cap_t *ut = vis_model_cap_at(&m, UT_SLOT);
    cr_assert_not_null(ut);
    cr_expect_eq(vis_untyped_watermark(ut->w1), 16);
    cr_expect_eq(vis_untyped_size_bits(ut->w1), 20);
    const vis_object_t *objs[4];
    cr_assert_eq(vis_model_objects_from(&m, UT_SLOT, objs, 4), 1);
    cr_expect_eq(objs[0]->addr, EP_ADDR);
}

Test(vis_model, deleting_a_parent_hands_its_children_up)
{
    EV(TRACE_CAP_DELETE, MINT_SLOT, EP_ADDR | 2u, 0xF000002Au, TRACE_CAUSE_DELETE);
    cr_expect_null(vis_model_cap_at(&m, MINT_SLOT));
    cr_expect_eq(vis_model_cap_at(&m, COPY_SLOT)->parent, EP_SLOT);
    cr_expect_eq(m.ghost_count, 1, "the deleted cap is kept briefly to flash");
    cr_expect_eq(m.ghosts[0].cap.slot, MINT_SLOT);
}

Test(vis_model, a_moved_cap_takes_its_children)
{
    EV(TRACE_CAP_MOVE, MINT_SLOT, 0xE0040300u, EP_ADDR | 2u, 0xF000002Au, TRACE_CAUSE_MOVE);
    cr_expect_null(vis_model_cap_at(&m, MINT_SLOT));
    const vis_cap_t *moved = vis_model_cap_at(&m, 0xE0040300u);
    cr_assert_not_null(moved);
    cr_expect_eq(moved->parent, EP_SLOT);
    cr_expect_eq(vis_model_cap_at(&m, COPY_SLOT)->parent, 0xE0040300u);
}

Test(vis_model, a_swap_exchanges_caps_and_their_places)
{
    EV(TRACE_CAP_SWAP, EP_SLOT, COPY_SLOT, EP_ADDR | 2u, 0x3000002Au, EP_ADDR | 2u, 0xF0000000u);
    const vis_cap_t *a = vis_model_cap_at(&m, EP_SLOT), *b = vis_model_cap_at(&m, COPY_SLOT);
    cr_expect_eq(vis_cap_badge(a->w1), 42, "the copy now sits in the endpoint's slot");
    cr_expect_eq(vis_cap_badge(b->w1), 0);
    cr_expect_eq(b->parent, UT_SLOT, "the original's CDT place moved with it");
    cr_expect_eq(vis_model_cap_at(&m, MINT_SLOT)->parent, COPY_SLOT);
}

Test(vis_model, revoking_the_untyped_removes_everything_below)
{
    EV(TRACE_REVOKE_BEGIN, UT_SLOT);
    EV(TRACE_CAP_DELETE, COPY_SLOT, 0, 0, TRACE_CAUSE_REVOKE);
    EV(TRACE_CAP_DELETE, MINT_SLOT, 0, 0, TRACE_CAUSE_REVOKE);
    EV(TRACE_CAP_DELETE, EP_SLOT, 0, 0, TRACE_CAUSE_REVOKE);
    EV(TRACE_OBJECT_DELETE, TRACE_CAP_ENDPOINT, EP_ADDR);
    EV(TRACE_REVOKE_END, UT_SLOT);
    const vis_cap_t *kids[4];
    cr_expect_eq(vis_model_children(&m, UT_SLOT, kids, 4), 0);
    cr_expect_eq(m.cap_count, 1);
    const vis_object_t *objs[4];
    cr_expect_eq(vis_model_objects_from(&m, UT_SLOT, objs, 4), 0);
}

Test(vis_model, threads_follow_creation_state_priority_name_and_switches)
{
    EV(TRACE_OBJECT_CREATE, 1, TCB_ADDR, 0, UT_SLOT);
    const vis_thread_t *t = vis_model_thread(&m, TCB_ADDR);
    cr_assert_not_null(t, "a TCB object makes a thread");
    cr_expect_eq(t->state, TRACE_THREAD_INACTIVE);
    EV(TRACE_THREAD_PRIORITY, TCB_ADDR, 100, 50);
    EV(TRACE_THREAD_STATE, TCB_ADDR, TRACE_THREAD_RUNNABLE);
    EV(TRACE_THREAD_NAME, TCB_ADDR, 0x6b726f77u /* "work" */, 0x00007265u /* "er" */, 0, 0);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)-7, 0, 0);
    cr_expect(m.in_kernel);
    EV(TRACE_SWITCH, 0, TCB_ADDR);
    EV(TRACE_KERNEL_EXIT, TCB_ADDR);
    t = vis_model_thread(&m, TCB_ADDR);
    cr_expect_eq(t->priority, 100);
    cr_expect_eq(t->mcp, 50);
    cr_expect_eq(t->state, TRACE_THREAD_RUNNABLE);
    cr_expect_str_eq(t->name, "worker");
    cr_expect_eq(m.current_tcb, TCB_ADDR);
    cr_expect_not(m.in_kernel);
    EV(TRACE_OBJECT_DELETE, TRACE_CAP_THREAD, TCB_ADDR);
    cr_expect_null(vis_model_thread(&m, TCB_ADDR));
    cr_expect_eq(m.current_tcb, 0);
}

Test(vis_model, cnode_slots_are_found_by_address_range)
{
    const vis_cap_t *slots[8];
    cr_expect_eq(vis_model_slots_in(&m, 0xE0040200u, 5, slots, 8), 2, "32 bytes: two slots");
    cr_expect_eq(slots[0]->slot, EP_SLOT);
    cr_expect_eq(slots[1]->slot, MINT_SLOT);
}

Test(vis_model, unknown_events_are_counted_not_fatal)
{
    trace_record_t r = {.count = 1, .words = {TRACE_HEADER(TRACE_EVENT_COUNT + 5, 1)}};
    vis_model_apply(&m, &r);
    cr_expect_eq(m.unknown_events, 1);
}
