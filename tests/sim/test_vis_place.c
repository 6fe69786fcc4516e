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
#include "../../visualizer/session.h"
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

/* ---- unfolding a run in the tree ------------------------------------------------- */

static size_t snapshot(const vis_model_t *model, seen_t **out)
{
    vis_tree_t t = {0};
    vis_tree_build(&t, model);
    seen_t *s = malloc((t.count + 1) * sizeof(*s));
    for (size_t i = 0; i < t.count; i++)
        s[i] = (seen_t){t.nodes[i].serial, t.nodes[i].depth, t.nodes[i].row};
    qsort(s, t.count, sizeof(*s), by_serial);
    size_t n = t.count;
    vis_tree_free(&t);
    *out = s;
    return n;
}

/* Every node of `before` is in `after` at the same column and row. */
static void expect_none_moved(const seen_t *before, size_t nb, const seen_t *after, size_t na,
                              const char *what)
{
    for (size_t i = 0; i < nb; i++) {
        const seen_t *same = bsearch(&before[i], after, na, sizeof(*after), by_serial);
        cr_assert_not_null(same, "%s: node %u is gone", what, before[i].serial);
        cr_assert(same->depth == before[i].depth && same->row == before[i].row,
                  "%s moved node %u from (%d, %d) to (%d, %d)", what, before[i].serial,
                  before[i].depth, before[i].row, same->depth, same->row);
    }
}

/* The run of 64 copies with neighbours: badged mints after it in its column, caps
 * under a copy of its own, a second run further down. */
static void run_with_neighbours(void)
{
    copies(95, 64);
    for (uint32_t i = 0; i < 3; i++)
        EV(TRACE_CAP_INSERT, SLOT(170 + i), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u | (i + 1),
           SLOT(3), TRACE_CAPF_REVOCABLE | TRACE_CAPF_FIRST_BADGED, TRACE_CAUSE_MINT);
    EV(TRACE_CAP_INSERT, SLOT(180), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000001u, SLOT(170), 0,
       TRACE_CAUSE_COPY);
    EV(TRACE_CAP_INSERT, SLOT(2 + 200), UT_PADDR | TRACE_CAP_UNTYPED, 12u, 0, TRACE_CAPF_REVOCABLE,
       TRACE_CAUSE_BOOT);
}

Test(vis_place, unfolding_a_run_gives_each_copy_a_box_and_moves_nothing_else)
{
    run_with_neighbours();
    seen_t *before;
    size_t nb = snapshot(&m, &before);
    int run = vis_place_cell_of(&m.place, SLOT(95));
    int run_row = m.place.cells[run].row;
    cr_assert(vis_place_unfold(&m.place, run, m.events));
    seen_t *after;
    size_t na = snapshot(&m, &after);
    expect_none_moved(before, nb, after, na, "unfolding");
    cr_expect_eq(na, nb + 63, "63 copies get boxes of their own");
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    const vis_node_t *first = node_for(&t, SLOT(95));
    cr_expect_eq(first->kind, VIS_NODE_CAP);
    cr_expect_eq(first->row, run_row, "the first copy stays in the run's row");
    cr_expect(first->unfolded);
    for (unsigned i = 1; i < 64; i++) {
        const vis_node_t *n = node_for(&t, SLOT(95 + i));
        cr_expect_eq(n->kind, VIS_NODE_CAP, "copy %u", i);
        cr_expect_eq(n->depth, first->depth, "copy %u is in the run's column", i);
        cr_expect_gt(n->row, run_row, "copy %u is below the run", i);
        cr_expect(n->unfolded);
        cr_expect_eq(&t.nodes[n->parent], node_for(&t, SLOT(3)), "edge from the endpoint");
    }
    cr_expect_eq(vis_place_run_of(&m.place, vis_place_cell_of(&m.place, SLOT(130))), run);
    vis_tree_free(&t);
    free(before);
    free(after);
}

Test(vis_place, folding_puts_the_copies_back_and_moves_nothing_else)
{
    run_with_neighbours();
    int run = vis_place_cell_of(&m.place, SLOT(95));
    cr_assert(vis_place_unfold(&m.place, run, m.events));
    /* A copy gets a child while unfolded: it keeps its box when the run folds. */
    EV(TRACE_CAP_INSERT, SLOT(190), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u, SLOT(100), 0,
       TRACE_CAUSE_COPY);
    seen_t *before;
    size_t nb = snapshot(&m, &before);
    cr_assert(vis_place_fold(&m.place, run));
    cr_expect_not(vis_place_fold(&m.place, run), "folded twice");
    seen_t *after;
    size_t na = snapshot(&m, &after);
    cr_expect_eq(na, nb - 62, "62 boxes fold back into the run");
    /* Everything still drawn is where it was. */
    for (size_t i = 0; i < na; i++) {
        const seen_t *same = bsearch(&after[i], before, nb, sizeof(*before), by_serial);
        cr_assert_not_null(same, "node %u is new after folding", after[i].serial);
        cr_expect(same->depth == after[i].depth && same->row == after[i].row,
                  "folding moved node %u", after[i].serial);
    }
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    const vis_node_t *n = node_for(&t, SLOT(95));
    cr_expect_eq(n->kind, VIS_NODE_GROUP);
    cr_expect_eq(n->members, 63);
    cr_expect_not(n->unfolded);
    cr_expect_eq(node_for(&t, SLOT(100))->kind, VIS_NODE_CAP, "the copy with a child stays out");
    vis_tree_free(&t);
    free(before);
    free(after);
}

Test(vis_place, a_copy_made_while_a_run_is_unfolded_gets_a_box_then_folds_in)
{
    copies(95, 8);
    int run = vis_place_cell_of(&m.place, SLOT(95));
    cr_assert(vis_place_unfold(&m.place, run, m.events));
    copies(103, 1);
    vis_tree_t t = {0};
    vis_tree_build(&t, &m);
    cr_expect_eq(node_for(&t, SLOT(103))->kind, VIS_NODE_CAP);
    cr_expect(node_for(&t, SLOT(103))->unfolded, "it joins the unfolded run");
    cr_assert(vis_place_fold(&m.place, run));
    vis_tree_build(&t, &m);
    cr_expect_eq(node_for(&t, SLOT(103)), node_for(&t, SLOT(95)));
    cr_expect_eq(node_for(&t, SLOT(95))->members, 9);
    vis_tree_free(&t);
}

Test(vis_place, a_replay_keeps_an_unfolded_run_unfolded)
{
    vis_model_t again;
    vis_model_init(&again);
    size_t first = m.events;
    copies(95, 16);
    cr_assert(vis_place_unfold(&m.place, vis_place_cell_of(&m.place, SLOT(95)), m.events));
    vis_place_copy_open(&again.place, &m.place);
    /* The same events again, as going back replays them. */
    uint32_t e = 0;
    (void)first;
    for (; e < 3; e++) {
        static const uint32_t boot[3][6] = {
            {SLOT(1), CNODE | TRACE_CAP_CNODE, 8u, 0, TRACE_CAPF_REVOCABLE, TRACE_CAUSE_BOOT},
            {SLOT(2), UT_PADDR | TRACE_CAP_UNTYPED, 16u, 0, TRACE_CAPF_REVOCABLE, TRACE_CAUSE_BOOT},
            {SLOT(3), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u, SLOT(2), TRACE_CAPF_REVOCABLE,
             TRACE_CAUSE_RETYPE}};
        trace_record_t r = vis_test_record(1000u + e, TRACE_CAP_INSERT, 6, boot[e]);
        vis_model_apply(&again, &r);
    }
    for (unsigned i = 0; i < 16; i++) {
        uint32_t w[6] = {SLOT(95 + i), EP_ADDR | TRACE_CAP_ENDPOINT, 0xF0000000u, SLOT(3), 0,
                         TRACE_CAUSE_COPY};
        trace_record_t r = vis_test_record(1003u + i, TRACE_CAP_INSERT, 6, w);
        vis_model_apply(&again, &r);
    }
    vis_tree_t t = {0};
    vis_tree_build(&t, &again);
    size_t unfolded = 0;
    for (size_t i = 0; i < t.count; i++)
        unfolded += t.nodes[i].unfolded && t.nodes[i].kind == VIS_NODE_CAP;
    cr_expect_eq(unfolded, 16, "the replayed run is not unfolded (%zu boxes)", unfolded);
    vis_tree_free(&t);
    vis_model_free(&again);
}

/* Replays cap-churn unfolding the largest run every 100 events and folding it 50
 * events later: no node that stays drawn ever moves, on an unfold or fold or between. */
Test(vis_place, no_node_moves_when_runs_unfold_and_fold_during_cap_churn)
{
    trace_file_t tf;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, "tests/sim/data/cap-churn.trace", err, sizeof(err)), 0, "%s",
                 err);
    vis_model_t r;
    vis_model_init(&r);
    seen_t *prev = NULL;
    size_t prev_n = 0, events = 0, unfolds = 0, folds = 0;
    int open = -1;
    trace_record_t rec;
    while (trace_file_next(&tf, &rec, err, sizeof(err)) == 1 && events < 20000) {
        vis_model_apply(&r, &rec);
        events++;
        if (events % 100 == 0 && open < 0) {
            vis_tree_t t = {0};
            vis_tree_build(&t, &r);
            int best = -1;
            for (size_t i = 0; i < t.count; i++)
                if (t.nodes[i].kind == VIS_NODE_GROUP &&
                    (best < 0 || t.nodes[i].members > t.nodes[best].members))
                    best = (int)i;
            if (best >= 0 && vis_place_unfold(&r.place, t.nodes[best].cell, r.events)) {
                open = t.nodes[best].cell;
                unfolds++;
            }
            vis_tree_free(&t);
        } else if (events % 100 == 50 && open >= 0) {
            folds += vis_place_fold(&r.place, open);
            open = -1;
        }
        seen_t *now;
        size_t n = snapshot(&r, &now);
        for (size_t i = 0; i < prev_n; i++) {
            const seen_t *same = bsearch(&prev[i], now, n, sizeof(*now), by_serial);
            if (same)
                cr_assert(same->depth == prev[i].depth && same->row == prev[i].row,
                          "event %zu moved node %u from (%d, %d) to (%d, %d)", events,
                          prev[i].serial, prev[i].depth, prev[i].row, same->depth, same->row);
        }
        free(prev);
        prev = now;
        prev_n = n;
    }
    free(prev);
    vis_model_free(&r);
    trace_file_close(&tf);
    cr_expect_gt(unfolds, 5, "only %zu unfolds", unfolds);
    cr_expect_gt(folds, 3, "only %zu folds", folds);
}

/* ---- the window's toggle (session.c): the run stays unfolded when going back ----- */

Test(vis_place, a_run_unfolded_in_the_window_stays_unfolded_looking_back)
{
    static vis_session_t s;
    vis_session_start_attached(&s, "test");
    trace_file_t tf;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, "tests/sim/data/cap-churn.trace", err, sizeof(err)), 0, "%s",
                 err);
    trace_record_t rec;
    while (s.count < 3000 && trace_file_next(&tf, &rec, err, sizeof(err)) == 1)
        vis_session_feed(&s, &rec);
    trace_file_close(&tf);
    /* The boot's 72 frames: a run from the start. */
    vis_tree_t t = {0};
    vis_tree_build(&t, &s.live);
    int best = -1;
    for (size_t i = 0; i < t.count; i++)
        if (t.nodes[i].kind == VIS_NODE_GROUP && (best < 0 || t.nodes[i].members > t.nodes[best].members))
            best = (int)i;
    cr_assert_geq(best, 0);
    uint32_t first = t.nodes[best].first_slot;
    unsigned members = t.nodes[best].members;
    cr_expect_eq(vis_session_toggle_run(&s, s.count, first), 1, "not unfolded");
    vis_tree_build(&t, &s.live);
    cr_expect_eq(t.nodes[vis_tree_node_of(&t, &s.live, first)].kind, VIS_NODE_CAP);
    /* Back to just after the run was complete: the replayed tree has it unfolded. */
    size_t back = s.count / 2;
    const vis_model_t *past = vis_session_model_at(&s, back);
    vis_tree_build(&t, past);
    size_t unfolded = 0;
    for (size_t i = 0; i < t.count; i++)
        unfolded += t.nodes[i].unfolded && t.nodes[i].kind == VIS_NODE_CAP;
    cr_expect_eq(unfolded, members, "%zu of %u caps unfolded at event %zu", unfolded, members, back);
    /* Folding there folds the live tree too. */
    cr_expect_eq(vis_session_toggle_run(&s, back, first), 0, "not folded");
    vis_tree_build(&t, &s.live);
    cr_expect_eq(t.nodes[vis_tree_node_of(&t, &s.live, first)].kind, VIS_NODE_GROUP);
    cr_expect_eq(vis_session_toggle_run(&s, s.count, SLOT(4000)), -1, "a slot in no run");
    vis_tree_free(&t);
    vis_session_end(&s);
}
