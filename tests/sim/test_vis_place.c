/*
 * tests/sim/test_vis_place.c - the tree's stable placement (visualizer/place.c) and
 * the nodes read from it (layout.c): children one column right of their parent, runs
 * of like siblings folded into one cell, deleted caps kept struck through until the
 * next kernel entry, and, on a recorded trace, no box ever moving while it lives.
 * Partners: visualizer/place.c, visualizer/layout.c, vis_events.h, data/ipc.trace.
 */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "../../visualizer/layout.h"
#include "vis_events.h"

#define CNODE 0xE0040000u /* radix 8: slots of 16 bytes */
#define SLOT(i) (CNODE + 0x10u * (i))
#define UT_PADDR 0x80100000u
#define EP_ADDR 0x80100000u

static vis_model_t m;

static void event(uint32_t type, unsigned n, const uint32_t *payload)
{
    trace_record_t r = vis_test_record(1000u + m.events, type, n, payload);
    vis_model_apply(&m, &r);
}

static void setup(void)
{
    vis_model_init(&m);
    EV(TRACE_CAP_INSERT, SLOT(1), CNODE | TRACE_CAP_CNODE, 8u, 0, TRACE_CAPF_REVOCABLE,
       TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, SLOT(2), UT_PADDR | TRACE_CAP_UNTYPED, 16u, 0, TRACE_CAPF_REVOCABLE,
       TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, SLOT(3), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u, SLOT(2),
       TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
}

static void teardown(void)
{
    vis_model_free(&m);
}

TestSuite(vis_place, .init = setup, .fini = teardown);

static void copies(unsigned first, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        EV(TRACE_CAP_INSERT, SLOT(first + i), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u, SLOT(3), 0,
           TRACE_CAUSE_COPY);
}

static const vis_node_t *node_for(const vis_tree_t *t, uint32_t slot)
{
    int k = vis_tree_node_of(t, &m, slot);
    cr_assert_geq(k, 0, "slot %08x has no node", slot);
    return &t->nodes[k];
}

Test(vis_place, a_child_sits_one_column_right_at_or_below_its_parent)
{
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    const vis_node_t *ut = node_for(&t, SLOT(2)), *ep = node_for(&t, SLOT(3));
    cr_expect_eq(ep->depth, ut->depth + 1);
    cr_expect_geq(ep->row, ut->row);
    cr_expect_eq(&t.nodes[ep->parent], ut, "the edge comes from the untyped");
    vis_tree_free(&t);
}

Test(vis_place, sixty_four_copies_fold_into_one_cell_with_their_slot_range)
{
    copies(95, 64);
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    const vis_node_t *run = node_for(&t, SLOT(95));
    cr_expect_eq(run->kind, VIS_NODE_GROUP);
    cr_expect_eq(run->members, 64);
    cr_expect_eq(run->first_slot, SLOT(95));
    cr_expect_eq(run->last_slot, SLOT(158));
    cr_expect_eq(node_for(&t, SLOT(158)), run, "every copy is in the run");
    vis_tree_free(&t);
}

Test(vis_place, badged_mints_each_keep_their_own_cell)
{
    for (uint32_t i = 0; i < 4; i++)
        EV(TRACE_CAP_INSERT, SLOT(10 + i), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u | (i + 1),
           SLOT(3), TRACE_CAPF_REVOCABLE | TRACE_CAPF_FIRST_BADGED, TRACE_CAUSE_MINT);
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    for (uint32_t i = 0; i < 4; i++)
        cr_expect_eq(node_for(&t, SLOT(10 + i))->kind, VIS_NODE_CAP, "badge %u was folded", i + 1);
    vis_tree_free(&t);
}

Test(vis_place, a_run_member_with_a_child_leaves_the_run_and_nothing_moves)
{
    copies(20, 5);
    vis_tree_t before = {0}, after = {0};
    vis_tree_build(&before, &m);
    int run_row = node_for(&before, SLOT(20))->row;
    EV(TRACE_CAP_INSERT, SLOT(40), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u, SLOT(22), 0,
       TRACE_CAUSE_COPY);
    vis_tree_build(&after, &m);
    cr_expect_eq(node_for(&after, SLOT(20))->row, run_row, "the run moved");
    cr_expect_eq(node_for(&after, SLOT(20))->members, 4);
    const vis_node_t *own = node_for(&after, SLOT(22)), *child = node_for(&after, SLOT(40));
    cr_expect_eq(own->kind, VIS_NODE_CAP);
    cr_expect_eq(&after.nodes[child->parent], own);
    vis_tree_free(&before);
    vis_tree_free(&after);
}

Test(vis_place, deleted_caps_stay_struck_through_until_the_next_kernel_entry)
{
    copies(20, 3);
    EV(TRACE_REVOKE_BEGIN, SLOT(3));
    for (unsigned i = 0; i < 3; i++)
        EV(TRACE_CAP_DELETE, SLOT(20 + i), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u,
           TRACE_CAUSE_REVOKE);
    EV(TRACE_REVOKE_END, SLOT(3));
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    size_t ghosts = 0;
    for (size_t i = 0; i < t.count; i++)
        if (t.nodes[i].kind == VIS_NODE_GHOST) {
            ghosts++;
            cr_expect_eq(t.nodes[i].ghosts, 3);
        }
    cr_expect_eq(ghosts, 1, "the revoked run is not shown as deleted");
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)-1, 0, 0);
    vis_tree_build(&t, &m);
    for (size_t i = 0; i < t.count; i++)
        cr_expect_neq(t.nodes[i].kind, VIS_NODE_GHOST, "a ghost outlived its step");
    vis_tree_free(&t);
}

/* ---- stability on a recorded trace ----------------------------------------------- */

typedef struct seen {
    uint32_t serial;
    int depth, row;
} seen_t;

static int by_serial(const void *a, const void *b)
{
    uint32_t x = ((const seen_t *)a)->serial, y = ((const seen_t *)b)->serial;
    return x < y ? -1 : x > y;
}

/* Replays a trace; after every event each node still there is where it was before. */
static size_t check_no_node_moves(const char *path)
{
    trace_file_t tf;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0, "%s", err);
    vis_model_t r;
    vis_model_init(&r);
    vis_tree_t t = {0};
    seen_t *prev = NULL;
    size_t prev_n = 0, events = 0, checked = 0;
    trace_record_t rec;
    while (trace_file_next(&tf, &rec, err, sizeof(err)) == 1) {
        vis_model_apply(&r, &rec);
        events++;
        vis_tree_build(&t, &r);
        seen_t *now = malloc((t.count + 1) * sizeof(*now));
        for (size_t i = 0; i < t.count; i++)
            now[i] = (seen_t){t.nodes[i].serial, t.nodes[i].depth, t.nodes[i].row};
        qsort(now, t.count, sizeof(*now), by_serial);
        for (size_t i = 0; i < prev_n; i++) {
            seen_t *same = bsearch(&prev[i], now, t.count, sizeof(*now), by_serial);
            if (!same)
                continue;
            checked++;
            cr_assert(same->depth == prev[i].depth && same->row == prev[i].row,
                      "event %zu moved node %u from (%d, %d) to (%d, %d)", events,
                      prev[i].serial, prev[i].depth, prev[i].row, same->depth, same->row);
        }
        free(prev);
        prev = now;
        prev_n = t.count;
    }
    free(prev);
    vis_tree_free(&t);
    vis_model_free(&r);
    trace_file_close(&tf);
    cr_expect_gt(events, 100);
    return checked;
}

Test(vis_place, no_node_moves_while_the_ipc_trace_replays)
{
    cr_expect_gt(check_no_node_moves("tests/sim/data/ipc.trace"), 1000);
}

Test(vis_place, no_node_moves_while_cap_churn_copies_and_revokes)
{
    cr_expect_gt(check_no_node_moves("tests/sim/data/cap-churn.trace"), 10000);
}
