/*
 * tests/system/test_vis_ipc.c - the visualizer's IPC view on real runs of
 * tests/system/ipc: the model (visualizer/ipc_model.c) rebuilt from a recording made
 * by numbat-sim --trace-out, and "next IPC" (visualizer/session.c) driving a board.
 * Partners: run_guest.c, tests/system/ipc/main.c, tests/sim/test_vis_ipc_model.c.
 */
#include <SDL2/SDL_rect.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sel4/syscall.h>

#include "../../sim/elf_image.h"
#include "../../trace/cap_words.h"
#include "../../trace/decode.h"
#include "../../trace/names.h"
#include "../../visualizer/model.h"
#include "../../visualizer/session.h"
#include "run_guest.h"

#define IPC_IMAGE IMAGE("arm-sim", "ipc")

/* What the replay saw on the way, besides the final model. */
typedef struct seen {
    uint32_t server, ep, ntfn;
    bool server_alone_in_recv;  /* the endpoint's queue held exactly the server */
    unsigned callers_waiting;   /* times the root waited for a reply with an open Call */
} seen_t;

static void check_step(const vis_model_t *m, const trace_record_t *rec, seen_t *s)
{
    const uint32_t *w = rec->words;
    if (trace_record_type(rec) != TRACE_THREAD_BLOCKED_EVENT)
        return;
    const vis_ipc_waiter_t *q[4];
    if (w[2] == TRACE_THREAD_BLOCKED_ON_RECV) {
        s->server = w[1];
        s->ep = w[3];
        s->server_alone_in_recv |= vis_ipc_queue(&m->ipc, w[3], q, 4) == 1 && q[0]->tcb == w[1];
    } else if (w[2] == TRACE_THREAD_BLOCKED_ON_REPLY) {
        const vis_ipc_msg_t *call = vis_ipc_open_call(&m->ipc, w[1]);
        s->callers_waiting += call && call->to == s->server && call->object == w[3] &&
                              vis_model_thread(m, w[1])->waiting_on == w[3];
    } else if (w[2] == TRACE_THREAD_BLOCKED_ON_NOTIFICATION) {
        s->ntfn = w[3];
    }
}

/* Runs ipc.elf with --trace-out and replays the recording into m, checking as it goes. */
static void record_and_replay(vis_model_t *m, seen_t *s)
{
    char path[] = "/tmp/numbat-vis-ipc-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    const char *extra[] = {"--trace-out", path, NULL};
    run_result_t run = run_sim(IPC_IMAGE, extra);
    cr_assert_eq(run.status, 0, "%s\n%s", run.out, run.err);
    run_result_free(&run);
    trace_file_t tf;
    trace_record_t rec;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0, "%s", err);
    vis_model_init(m);
    int got;
    while ((got = trace_file_next(&tf, &rec, err, sizeof(err))) == 1) {
        vis_model_apply(m, &rec);
        check_step(m, &rec, s);
    }
    cr_assert_eq(got, 0, "%s", err);
    trace_file_close(&tf);
    unlink(path);
}

Test(vis_ipc, recording_of_a_client_and_server_rebuilds_calls_replies_and_queues)
{
    static vis_model_t m;
    seen_t s = {0};
    record_and_replay(&m, &s);
    cr_expect_eq(m.unknown_events, 0);
    cr_expect(s.server_alone_in_recv, "the server never waited alone in the endpoint's queue");
    cr_expect_eq(s.callers_waiting, 3, "each Call leaves the root waiting for its reply");
    /* Three Calls, each answered; one signal. */
    unsigned calls = 0, replies = 0, signals = 0;
    for (uint32_t seq = vis_ipc_oldest(&m.ipc); seq && seq <= m.ipc.count; seq++) {
        const vis_ipc_msg_t *e = vis_ipc_entry(&m.ipc, seq);
        const vis_ipc_msg_t *other = vis_ipc_entry(&m.ipc, e->link);
        if (e->kind == VIS_IPC_SEND) {
            calls++;
            cr_expect(e->call);
            cr_expect_eq(e->to, s.server);
            cr_expect_eq(e->object, s.ep);
            cr_expect_eq(e->badge, 7);
            cr_expect_eq(e->length, 1);
            cr_assert_not_null(other, "Call %u has no reply", seq);
            cr_expect_eq(other->kind, VIS_IPC_REPLY);
            cr_expect_eq(other->link, seq);
            cr_expect_eq(other->from, s.server);
            cr_expect_eq(other->to, e->from);
        } else if (e->kind == VIS_IPC_REPLY) {
            replies++;
        } else if (e->kind == VIS_IPC_SIGNAL) {
            signals++;
            cr_expect_eq(e->badge, 0x10);
            cr_expect_eq(e->to, s.server, "the signal woke the server");
            cr_expect_eq(e->object, s.ntfn);
            cr_expect_neq(e->from, 0);
        }
    }
    cr_expect(calls == 3 && replies == 3 && signals == 1, "%u calls, %u replies, %u signals",
              calls, replies, signals);
    /* At the end the server waits on the notification again, alone in its queue. */
    const vis_thread_t *server = vis_model_thread(&m, s.server);
    cr_assert_not_null(server);
    cr_expect_str_eq(server->name, "server");
    cr_expect_eq(server->state, TRACE_THREAD_BLOCKED_ON_NOTIFICATION);
    cr_expect_eq(server->waiting_on, s.ntfn);
    const vis_ipc_waiter_t *q[4];
    cr_expect_eq(vis_ipc_queue(&m.ipc, s.ntfn, q, 4), 1);
    cr_expect_eq(vis_ipc_queue(&m.ipc, s.ep, q, 4), 0);
    vis_model_free(&m);
}

/* ---- next IPC on a board ---------------------------------------------------------- */

static bool sends_a_cap(int32_t number)
{
    return number == seL4_SysSend || number == seL4_SysNBSend || number == seL4_SysCall;
}

/* Whether record i of a finished recording is the kernel entry of a message or signal,
 * decided from the recording alone: an IPC system call, and for Send, NBSend and Call
 * the invocation event after it names an endpoint or notification cap. */
static bool is_ipc_entry(const vis_session_t *s, size_t i)
{
    const uint32_t *w = s->records[i].words;
    if (TRACE_HEADER_TYPE(w[0]) != TRACE_KERNEL_ENTRY || w[1] != TRACE_ENTRY_SYSCALL ||
        !trace_syscall_is_ipc((int32_t)w[2]))
        return false;
    if (!sends_a_cap((int32_t)w[2]))
        return true;
    for (size_t k = i + 1; k < s->count; k++) {
        const uint32_t *v = s->records[k].words;
        unsigned type = TRACE_HEADER_TYPE(v[0]);
        if (type == TRACE_INVOCATION)
            return capw_type(v[2]) == TRACE_CAP_ENDPOINT || capw_type(v[2]) == TRACE_CAP_NOTIFICATION;
        if (type == TRACE_KERNEL_ENTRY || type == TRACE_KERNEL_EXIT)
            return false;
    }
    return false;
}

/* Runs to the next IPC entry, a frame's budget at a time as the window does; false
 * when the run ended first. */
static bool next_ipc(vis_session_t *s)
{
    while (!s->ended)
        if (vis_session_run(s, 1500000, VIS_STOP_IPC_ENTRY))
            return true;
    return false;
}

/* A session on tests/system/ipc, as the window starts one. */
static void start_ipc_session(vis_session_t *s, elf_image_t *image)
{
    char err[256];
    cr_assert_eq(elf_image_open(IPC_IMAGE, image, err, sizeof(err)), 0, "%s", err);
    sim_options_t base = {.ram_size = BOARD_RAM_DEFAULT};
    cr_assert_eq(vis_session_start(s, &base, image, err, sizeof(err)), 0, "%s", err);
}

/* The next trace event (e): its record. */
static const trace_record_t *next_event(vis_session_t *s)
{
    while (!s->ended)
        if (vis_session_run(s, 1500000, VIS_STOP_ANY_EVENT))
            return &s->records[s->count - 1];
    return NULL;
}

Test(vis_ipc, next_ipc_stops_at_the_kernel_entry_of_each_message_and_signal_not_at_invocations)
{
    static vis_session_t s;
    elf_image_t image;
    start_ipc_session(&s, &image);
    /* Checkpoints, as in the window: a Send or Call is known to be IPC only at its
     * invocation event, and the session goes back to its entry from there. */
    cr_assert(sim_board_keep_history(s.board, SIM_CHECKPOINT_INTERVAL));
    unsigned stops = 0, calls = 0, sends = 0, reply_recvs = 0, replies = 0, recvs = 0;
    uint64_t last_icount = 0;
    while (next_ipc(&s)) {
        stops++;
        cr_assert_not(s.ipc_stop_late, "stop %u: not taken back to the entry", stops);
        /* The newest recorded event is the entry itself, and the CPU is just after it. */
        const trace_record_t *entry = &s.records[s.count - 1];
        const uint32_t *w = entry->words;
        int32_t number = (int32_t)w[2];
        cr_assert_eq(TRACE_HEADER_TYPE(w[0]), TRACE_KERNEL_ENTRY, "stop %u: %08x", stops, w[0]);
        cr_assert_eq(w[1], TRACE_ENTRY_SYSCALL);
        cr_assert(trace_syscall_is_ipc(number), "stop %u: %s", stops, trace_syscall_name(number));
        cr_expect_gt(entry->icount, last_icount, "stop %u is later than the one before", stops);
        last_icount = entry->icount;
        cr_expect_eq(sim_board_trace_position(s.board), s.count);
        cr_expect(s.live.in_kernel, "stop %u: not in the kernel", stops);
        vis_session_refresh_text(&s);
        cr_expect_eq(s.cpu_mode, 1, "stop %u: the CPU is not in a kernel mode", stops);
        if (sends_a_cap(number)) {
            /* e from here: the kernel's decode names an endpoint or notification. */
            const trace_record_t *inv = next_event(&s);
            cr_assert_not_null(inv);
            cr_assert_eq(trace_record_type(inv), TRACE_INVOCATION, "stop %u: the event after a %s",
                         stops, trace_syscall_name(number));
            unsigned type = capw_type(inv->words[2]);
            cr_expect(type == TRACE_CAP_ENDPOINT || type == TRACE_CAP_NOTIFICATION,
                      "stop %u: %s of a cap of type %u", stops, trace_syscall_name(number), type);
        }
        calls += number == seL4_SysCall;
        sends += number == seL4_SysSend;
        reply_recvs += number == seL4_SysReplyRecv;
        replies += number == seL4_SysReply;
        recvs += number == seL4_SysRecv;
    }
    cr_expect_eq(s.result.kind, SIM_EXIT_HALT, "%s", s.result.reason);
    /* The root's three Calls to the server and its Signal (a Send on the notification);
     * the server's first Recv, two ReplyRecvs, its Reply and its Waits (Recv on the
     * notification). Not the root's object invocations, Calls as well. */
    cr_expect_eq(calls, 3);
    cr_expect_eq(sends, 1);
    cr_expect_eq(reply_recvs, 2);
    cr_expect_eq(replies, 1);
    cr_expect_geq(recvs, 2);
    unsigned expected = 0, invocations = 0;
    for (size_t i = 0; i < s.count; i++) {
        expected += is_ipc_entry(&s, i);
        const uint32_t *w = s.records[i].words;
        invocations += TRACE_HEADER_TYPE(w[0]) == TRACE_INVOCATION &&
                       capw_type(w[2]) != TRACE_CAP_ENDPOINT &&
                       capw_type(w[2]) != TRACE_CAP_NOTIFICATION;
    }
    cr_expect_eq(invocations, 10, "three Retypes, two Mints, Configure, three SetPriority, "
                                  "WriteRegisters: %u", invocations);
    cr_expect_eq(stops, expected, "every message's and signal's entry was a stop, nothing else");
    vis_session_end(&s);
    elf_image_close(&image);
}

Test(vis_ipc, without_checkpoints_next_ipc_stops_at_the_invocation_of_a_send_or_call)
{
    static vis_session_t s;
    elf_image_t image;
    start_ipc_session(&s, &image);
    bool saw_call = false;
    while (!saw_call && next_ipc(&s)) {
        const uint32_t *w = s.records[s.count - 1].words;
        if (!s.ipc_stop_late)
            continue; /* a Recv or ReplyRecv: its entry needs no going back */
        cr_assert_eq(TRACE_HEADER_TYPE(w[0]), TRACE_INVOCATION);
        cr_expect_eq(capw_type(w[2]), TRACE_CAP_ENDPOINT, "the root's first Call");
        cr_expect(s.live.in_kernel);
        saw_call = true;
    }
    cr_expect(saw_call);
    vis_session_end(&s);
    elf_image_close(&image);
}

/* ---- the IPC tab in a screenshot ---------------------------------------------------- */

/*
 * The IPC tab in a screenshot, read through --layout-out (visualizer/layout_out.c): an
 * arrow per message of tests/system/ipc's run, each labelled inside the tab's pane at
 * 14 px or more, the root's Calls with their badge and the notification's signal among
 * them.
 */
Test(vis_ipc, screenshot_with_the_ipc_tab_draws_a_labelled_arrow_per_message)
{
    char png[] = "/tmp/numbat-ipc-shot-XXXXXX.png", layout[64];
    int fd = mkstemps(png, 4);
    cr_assert_geq(fd, 0);
    close(fd);
    snprintf(layout, sizeof(layout), "%s.layout", png);
    const char *extra[] = {"--screenshot", png, "--tab", "IPC", "--layout-out", layout, NULL};
    run_result_t r = run_sim(IPC_IMAGE, extra);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    FILE *f = fopen(layout, "r");
    cr_assert_not_null(f, "no layout file");
    char line[512], text[200];
    SDL_Rect pane = {0}, t;
    int px;
    unsigned event, last_event = 0;
    size_t arrows = 0, calls = 0, badged = 0, signals = 0, outside = 0, small = 0;
    while (fgets(line, sizeof(line), f)) {
        if (sscanf(line, "pane tabs %d %d %d %d", &pane.x, &pane.y, &pane.w, &pane.h) == 4)
            continue;
        if (sscanf(line, "arrow %d %u %d %d %d %d %199[^\n]", &px, &event, &t.x, &t.y, &t.w, &t.h,
                   text) != 7)
            continue;
        arrows++;
        cr_expect_gt(event, last_event, "arrows out of the recording's order: %s", line);
        last_event = event;
        outside += !(t.w > 0 && t.x >= pane.x && t.y >= pane.y && t.x + t.w <= pane.x + pane.w &&
                     t.y + t.h <= pane.y + pane.h);
        small += px < 14;
        calls += strstr(text, "Call") != NULL;
        badged += strstr(text, "Call") != NULL && strstr(text, "badge") != NULL;
        signals += strstr(text, "Signal") != NULL || strstr(text, "signal") != NULL;
    }
    fclose(f);
    cr_expect_geq(arrows, 7, "%zu arrows", arrows);
    cr_expect_eq(outside, 0, "%zu arrow labels leave the IPC pane", outside);
    cr_expect_eq(small, 0, "%zu arrow labels under 14 px", small);
    cr_expect_geq(calls, 3, "%zu Calls labelled", calls);
    cr_expect_geq(badged, 3, "%zu Calls name their badge", badged);
    cr_expect_geq(signals, 1, "no signal labelled");
    unlink(png);
    unlink(layout);
    run_result_free(&r);
}
