/*
 * tests/sim/test_vis_ipc_render.c - the IPC tab: what its layout (visualizer/
 * ipc_layout.c) puts where for models built from hand-made events (lanes, arrows
 * and their ends, Call/Reply pairs, signals, faults, the rows that fit, scrolling,
 * queues), and that the window draws it in the right-hand column with clickable
 * lanes (visualizer/render_ipc.c), as --tab ipc shows it.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "../../visualizer/describe.h"
#include "../../visualizer/ipc_layout.h"
#include "../../visualizer/layout.h"
#include "../../visualizer/render.h"
#include "vis_events.h"

#define EP 0xE0060000u
#define NTFN 0xE0060010u
#define ROOT 0xE0050000u
#define SERVER 0xE0060400u
#define OTHER(i) (0xE0100000u + 0x400u * (i))

static vis_model_t m;
static vis_ipc_layout_t l;

static void event(uint32_t type, unsigned n, const uint32_t *payload)
{
    trace_record_t r = vis_test_record(1000u + m.events, type, n, payload);
    vis_model_apply(&m, &r);
}


static void thread(uint32_t tcb, const char *name)
{
    uint32_t w[4] = {0};
    memcpy(w, name, strlen(name) < 16 ? strlen(name) : 16);
    EV(TRACE_OBJECT_CREATE, 1, tcb, 0, 0);
    EV(TRACE_THREAD_NAME, tcb, w[0], w[1], w[2], w[3]);
    EV(TRACE_THREAD_STATE, tcb, TRACE_THREAD_RUNNABLE);
}

static void block(uint32_t t, uint32_t state, uint32_t object, uint32_t badge)
{
    EV(TRACE_THREAD_STATE, t, state);
    EV(TRACE_THREAD_BLOCKED_EVENT, t, state, object, badge);
}

/* One Call from `client` answered by the server, as tests/system/ipc does it. */
static void round_trip(uint32_t client, uint32_t badge)
{
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)-1, client, 0x10000);
    EV(TRACE_THREAD_STATE, SERVER, TRACE_THREAD_RUNNABLE);
    EV(TRACE_IPC_SEND, EP, client, badge, 1);
    EV(TRACE_IPC_RECV, EP, SERVER, badge, 1);
    block(client, TRACE_THREAD_BLOCKED_ON_REPLY, EP, badge);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)-2, SERVER, 0x10100);
    EV(TRACE_IPC_REPLY, SERVER, client, 1);
    EV(TRACE_THREAD_STATE, client, TRACE_THREAD_RUNNABLE);
}

static void setup(void)
{
    vis_model_init(&m);
    thread(ROOT, "rootserver");
    thread(SERVER, "server");
}

static void teardown(void)
{
    vis_model_free(&m);
}

/* A tab of 600 x 500 pixels with rows of 30: headers 40, queue lines 24. */
static vis_ipc_params_t params(void)
{
    return (vis_ipc_params_t){.area = {1000, 100, 600, 500}, .head_h = 40, .row_h = 30,
                              .line_h = 24, .min_lane_w = 110, .max_queues = 4};
}

static void lay_out(const vis_ipc_params_t *p)
{
    vis_ipc_layout(&l, &m, p);
}

static bool inside(SDL_Rect inner, SDL_Rect outer)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}

TestSuite(vis_ipc_render, .init = setup, .fini = teardown);

Test(vis_ipc_render, each_thread_has_a_lane_with_its_header_on_top)
{
    vis_ipc_params_t p = params();
    lay_out(&p);
    cr_assert_eq(l.lane_count, 2);
    const vis_ipc_lane_t *root = vis_ipc_lane_of(&l, ROOT), *server = vis_ipc_lane_of(&l, SERVER);
    cr_assert(root && server);
    cr_expect_lt(root->x, server->x, "lanes follow the model's thread order");
    cr_expect(inside(root->head, l.heads) && inside(server->head, l.heads));
    cr_expect_eq(l.heads.y, p.area.y);
    cr_expect_eq(l.chart.y, l.heads.y + l.heads.h, "the chart starts under the headers");
    cr_expect(inside(l.chart, p.area) && inside(l.queues, p.area));
    cr_expect_str_eq(vis_ipc_state_word(TRACE_THREAD_BLOCKED_ON_REPLY), "reply");
}

Test(vis_ipc_render, a_call_and_its_reply_are_arrows_between_lanes_paired_alike)
{
    round_trip(ROOT, 7);
    vis_ipc_params_t p = params();
    lay_out(&p);
    cr_assert_eq(l.row_count, 2);
    const vis_ipc_row_t *call = &l.rows[0], *reply = &l.rows[1];
    int root_x = vis_ipc_lane_of(&l, ROOT)->x, server_x = vis_ipc_lane_of(&l, SERVER)->x;
    cr_expect(call->x_from == root_x && call->x_to == server_x, "the Call goes root → server");
    cr_expect(reply->x_from == server_x && reply->x_to == root_x, "the Reply comes back");
    cr_expect_lt(call->y, reply->y, "time runs downwards");
    cr_expect_neq(call->pair, 0);
    cr_expect_eq(call->pair, reply->pair, "a Call and its Reply share a colour");
    cr_expect_not(call->dashed || reply->dashed || call->mark);
    cr_expect_str_eq(call->label, "#1 Call · 1 word · badge 7");
    cr_expect_str_eq(reply->label, "#2 Reply to #1 · 1 word");
    cr_expect(inside(call->rect, l.chart) && inside(reply->rect, l.chart));
}

Test(vis_ipc_render, an_arrow_is_labelled_with_the_label_length_badge_and_caps_of_its_message)
{
    block(SERVER, TRACE_THREAD_BLOCKED_ON_RECV, EP, 0);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)-1, ROOT, 0x10000);
    EV(TRACE_THREAD_STATE, SERVER, TRACE_THREAD_RUNNABLE);
    EV(TRACE_IPC_SEND, EP, ROOT, 7, 2, 42, TRACE_IPC_CAPS(1, 0));
    EV(TRACE_IPC_RECV, EP, SERVER, 7, 2, 42, TRACE_IPC_CAPS(1, 0));
    block(ROOT, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 7);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)-2, SERVER, 0x10100);
    EV(TRACE_IPC_REPLY, SERVER, ROOT, 1, 0, TRACE_IPC_CAPS(3, 5));
    EV(TRACE_THREAD_STATE, ROOT, TRACE_THREAD_RUNNABLE);
    vis_ipc_params_t p = params();
    lay_out(&p);
    cr_assert_eq(l.row_count, 2);
    cr_expect_str_eq(l.rows[0].label, "#1 Call · label 42 · 2 words · badge 7 · 1 cap");
    cr_expect_str_eq(l.rows[1].label, "#2 Reply to #1 · label 0 · 1 word · 3 caps, 2 unwrapped");
    const vis_ipc_msg_t *call = vis_ipc_entry(&m.ipc, 1), *reply = vis_ipc_entry(&m.ipc, 2);
    cr_expect_eq(l.rows[0].event, call->event + 1, "a click on the Call goes to its ipc-recv");
    cr_expect_eq(l.rows[1].event, reply->event);
}

Test(vis_ipc_render, the_kernels_message_for_a_fault_is_labelled_with_the_fault)
{
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_FAULT, 0, ROOT, 0x10200);
    EV(TRACE_FAULT, ROOT, 5, 0xdead0000u, 0x10200);
    EV(TRACE_IPC_SEND, EP, ROOT, 0, 4, 5, 0);
    EV(TRACE_IPC_RECV, EP, SERVER, 0, 4, 5, 0);
    vis_ipc_params_t p = params();
    lay_out(&p);
    cr_assert_eq(l.row_count, 2);
    cr_expect_str_eq(l.rows[1].label, "#2 Fault message · VM fault · 4 words");
}

Test(vis_ipc_render, signals_are_dashed_and_faults_are_marks_on_their_lane)
{
    block(SERVER, TRACE_THREAD_BLOCKED_ON_NOTIFICATION, NTFN, 0);
    EV(TRACE_KERNEL_ENTRY, TRACE_ENTRY_SYSCALL, (uint32_t)-3, ROOT, 0x10000);
    EV(TRACE_THREAD_STATE, SERVER, TRACE_THREAD_RUNNABLE);
    EV(TRACE_SIGNAL, NTFN, 0x10, SERVER);
    EV(TRACE_SIGNAL, NTFN, 0x4, 0);
    EV(TRACE_FAULT, SERVER, 5, 0xDEAD0000u, 0x10040);
    vis_ipc_params_t p = params();
    lay_out(&p);
    cr_assert_eq(l.row_count, 3);
    int root_x = vis_ipc_lane_of(&l, ROOT)->x, server_x = vis_ipc_lane_of(&l, SERVER)->x;
    cr_expect(l.rows[0].dashed);
    cr_expect_eq(l.rows[0].pair, 0);
    cr_expect(l.rows[0].x_from == root_x && l.rows[0].x_to == server_x);
    cr_expect_str_eq(l.rows[0].label, "#1 Signal 0x10");
    cr_expect(l.rows[1].dashed);
    cr_expect(l.rows[1].x_to > root_x && l.rows[1].x_to < server_x,
              "a signal nobody took stops short: it is pending");
    cr_expect(strstr(l.rows[1].label, "pending") != NULL, "%s", l.rows[1].label);
    cr_expect(l.rows[2].mark);
    cr_expect(l.rows[2].x_from == server_x && l.rows[2].x_to == server_x);
    cr_expect(strstr(l.rows[2].label, "VM fault at dead0000") != NULL, "%s", l.rows[2].label);
}

Test(vis_ipc_render, a_long_history_shows_the_newest_rows_that_fit)
{
    for (int i = 0; i < 60; i++)
        round_trip(ROOT, 7);
    vis_ipc_params_t p = params();
    lay_out(&p);
    int fit = (l.chart.h - p.line_h) / p.row_h; /* the note takes a line */
    cr_assert_eq(l.row_count, fit);
    cr_expect_gt(l.note.h, 0, "a note says rows are above");
    cr_expect_eq(l.older, 120u - (uint32_t)fit);
    cr_expect_eq(l.newer, 0);
    cr_expect_eq(l.rows[l.row_count - 1].msg.seq, 120, "the newest is the last row");
    for (int i = 0; i < l.row_count; i++) {
        cr_expect(inside(l.rows[i].rect, l.chart), "row %d leaves the chart", i);
        cr_expect_geq(l.rows[i].rect.y, l.note.y + l.note.h, "row %d under the note", i);
        cr_expect_eq(l.rows[i].rect.h, p.row_h);
    }
}

Test(vis_ipc_render, scrolling_back_shows_older_rows_and_stops_at_the_oldest_kept)
{
    for (int i = 0; i < 60; i++)
        round_trip(ROOT, 7);
    vis_ipc_params_t p = params();
    p.back = 5;
    lay_out(&p);
    cr_expect_eq(l.rows[l.row_count - 1].msg.seq, 115);
    cr_expect_eq(l.newer, 5);
    p.back = 100000;
    lay_out(&p);
    cr_expect_eq(l.rows[0].msg.seq, 1, "scrolled to the top");
    cr_expect_eq(l.older, 0);
    cr_expect_eq(l.back, 120 - l.row_count, "kept within what can be scrolled");
}

Test(vis_ipc_render, forgotten_entries_are_counted_in_the_note)
{
    for (uint32_t i = 0; i < VIS_IPC_HISTORY / 2 + 10; i++)
        round_trip(ROOT, 7);
    vis_ipc_params_t p = params();
    p.back = 100000;
    lay_out(&p);
    cr_expect_eq(l.forgotten, 20);
    cr_expect_eq(l.rows[0].msg.seq, 21, "the oldest kept entry");
    cr_expect_gt(l.note.h, 0);
}

Test(vis_ipc_render, with_more_threads_than_lanes_those_in_the_rows_and_waiting_win)
{
    for (uint32_t i = 0; i < 10; i++)
        thread(OTHER(i), "idle");
    block(OTHER(9), TRACE_THREAD_BLOCKED_ON_SEND, EP, 3);
    round_trip(OTHER(7), 1);
    vis_ipc_params_t p = params();
    p.min_lane_w = 150; /* four lanes in 600 pixels */
    lay_out(&p);
    cr_assert_eq(l.lane_count, 4);
    cr_expect_eq(l.threads_left_out, 8);
    cr_expect_not_null(vis_ipc_lane_of(&l, SERVER));
    cr_expect_not_null(vis_ipc_lane_of(&l, OTHER(7)), "the client in the rows");
    cr_expect_not_null(vis_ipc_lane_of(&l, OTHER(9)), "the waiting sender");
    for (int i = 1; i < l.lane_count; i++)
        cr_expect_lt(l.lanes[i - 1].x, l.lanes[i].x);
}

Test(vis_ipc_render, queues_list_their_waiters_head_first_and_callers_awaiting_replies)
{
    thread(OTHER(0), "a");
    thread(OTHER(1), "b");
    block(OTHER(0), TRACE_THREAD_BLOCKED_ON_SEND, EP, 1);
    block(OTHER(1), TRACE_THREAD_BLOCKED_ON_SEND, EP, 2);
    block(ROOT, TRACE_THREAD_BLOCKED_ON_REPLY, EP, 7);
    block(SERVER, TRACE_THREAD_BLOCKED_ON_NOTIFICATION, NTFN, 0);
    vis_ipc_params_t p = params();
    lay_out(&p);
    cr_assert_geq(l.queue_count, 2);
    const vis_ipc_queue_row_t *ep = NULL, *ntfn = NULL;
    for (int i = 0; i < l.queue_count; i++) {
        ep = l.queue_rows[i].object == EP ? &l.queue_rows[i] : ep;
        ntfn = l.queue_rows[i].object == NTFN ? &l.queue_rows[i] : ntfn;
        cr_expect(inside(l.queue_rows[i].rect, l.queues));
    }
    cr_assert(ep && ntfn);
    cr_expect_eq(ep->waiting, 2);
    cr_expect(ep->first[0].tcb == OTHER(0) && ep->first[1].tcb == OTHER(1), "FIFO, head first");
    cr_expect_not(ep->notification);
    cr_expect_eq(ep->awaiting_reply, 1, "the root waits for a reply through it, not in it");
    cr_expect(ntfn->notification);
    cr_expect_eq(ntfn->first[0].tcb, SERVER);
}

Test(vis_ipc_render, the_timeline_names_ipc_events_with_thread_names)
{
    round_trip(ROOT, 7);
    char text[200];
    trace_record_t r = {.count = 4, .words = {TRACE_HEADER(TRACE_IPC_REPLY, 4), SERVER, ROOT, 1}};
    vis_event_label(&m, &r, text, sizeof(text));
    cr_expect_str_eq(text, "ipc-reply: server → rootserver, 1 word");
    r = (trace_record_t){.count = 6,
                         .words = {TRACE_HEADER(TRACE_IPC_REPLY, 6), SERVER, ROOT, 1, 9,
                                   TRACE_IPC_CAPS(1, 0)}};
    vis_event_label(&m, &r, text, sizeof(text));
    cr_expect_str_eq(text, "ipc-reply: server → rootserver, label 9, 1 word, 1 cap");
    r = (trace_record_t){.count = 7,
                         .words = {TRACE_HEADER(TRACE_IPC_SEND, 7), EP, ROOT, 7, 2, 42, 0}};
    vis_event_label(&m, &r, text, sizeof(text));
    cr_expect_str_eq(text, "ipc-send: rootserver → endpoint e0060000, badge 7, label 42, 2 words");
    r = (trace_record_t){.count = 5,
                         .words = {TRACE_HEADER(TRACE_THREAD_BLOCKED_EVENT, 5), ROOT,
                                   TRACE_THREAD_BLOCKED_ON_REPLY, EP, 7}};
    vis_event_label(&m, &r, text, sizeof(text));
    cr_expect_str_eq(text, "thread-blocked: rootserver is blocked on reply on e0060000");
}

/* ---- drawn in the window ------------------------------------------------------------- */

Test(vis_ipc_render, the_ipc_tab_takes_the_right_column_and_its_lanes_and_rows_can_be_clicked)
{
    round_trip(ROOT, 7);
    vis_ui_t ui;
    char err[256] = "";
    vis_ui_init(&ui, VIS_DEFAULT_WIDTH, VIS_DEFAULT_HEIGHT);
    ui.tab = VIS_TAB_IPC;
    ui.cursor = m.events;
    SDL_Surface *s = vis_render_surface(&m, &ui, err, sizeof(err));
    cr_assert_not_null(s, "%s", err);
    SDL_FreeSurface(s);
    vis_panes_t panes;
    vis_layout_panes(ui.width, ui.height, ui.scale, &panes);
    SDL_Rect column = {panes.details.x, panes.details.y, panes.details.w,
                       panes.tabs.y + panes.tabs.h - panes.details.y};
    bool lanes[2] = {false, false}, pane_above_tabs = false, rows[2] = {false, false};
    for (size_t i = 0; i < ui.hit_count; i++) {
        const vis_hit_t *h = &ui.hits[i];
        if (h->kind == VIS_HIT_EVENT && inside(h->rect, column)) {
            rows[0] |= h->value == vis_ipc_entry(&m.ipc, 1)->event + 1;
            rows[1] |= h->value == vis_ipc_entry(&m.ipc, 2)->event;
        }
        if (h->kind == VIS_HIT_THREAD && inside(h->rect, column)) {
            lanes[0] |= h->value == ROOT;
            lanes[1] |= h->value == SERVER;
        }
        pane_above_tabs |= h->kind == VIS_HIT_TAB_PANE && h->rect.y < panes.tabs.y;
    }
    cr_expect(lanes[0] && lanes[1], "both lanes are clickable in the right-hand column");
    cr_expect(rows[0] && rows[1], "a click on the Call or the Reply goes to its event");
    cr_expect(pane_above_tabs, "the IPC tab reaches up into the details pane's place");
    cr_expect_str_eq(vis_tab_name(VIS_TAB_IPC), "IPC");
    vis_ui_free(&ui);
}
