/*
 * tests/system/test_trace.c - the trace stream end to end: numbat-sim records a
 * real run of tests/system/caps, and the visualizer's model rebuilt from the
 * recording must show what the program did (caps derived and revoked, a thread
 * created with its priority, the untyped it came from). Partners: run_guest.c,
 * trace/decode.c, visualizer/model.c, tests/system/caps/main.c.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../trace/decode.h"
#include "../../visualizer/model.h"
#include "run_guest.h"

#define SEL4_TCB_OBJECT 1
#define SEL4_ENDPOINT_OBJECT 2

typedef struct replay {
    vis_model_t model;
    uint32_t records;
    uint32_t endpoint_children_after_mint, endpoint_children_after_revoke;
    bool saw_revoke_end;
} replay_t;

/* Runs caps.elf with --trace-out and replays the file into r->model. */
static void record_and_replay(replay_t *r)
{
    char path[] = "/tmp/numbat-caps-trace-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    const char *extra[] = {"--trace-out", path, NULL};
    run_result_t run = run_sim("build/arm-sim/caps.elf", extra);
    cr_assert_eq(run.status, 0, "%s", run.err);
    run_result_free(&run);

    trace_file_t tf;
    trace_record_t rec;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0, "%s", err);
    vis_model_init(&r->model);
    int got;
    while ((got = trace_file_next(&tf, &rec, err, sizeof(err))) == 1) {
        vis_model_apply(&r->model, &rec);
        r->records++;
        if (trace_record_type(&rec) == TRACE_REVOKE_END)
            r->saw_revoke_end = true;
    }
    cr_assert_eq(got, 0, "%s", err);
    trace_file_close(&tf);
    unlink(path);
}

Test(trace, recording_of_a_real_run_rebuilds_caps_objects_and_threads)
{
    replay_t r = {0};
    record_and_replay(&r);
    vis_model_t *m = &r.model;
    cr_expect_gt(r.records, 100);
    cr_expect_eq(m->unknown_events, 0);
    cr_expect_eq(m->platform, TRACE_PLATFORM_ARM_SIM);
    cr_expect(r.saw_revoke_end);

    /* The endpoint and its badged mint were revoked away: no endpoint caps remain. */
    for (size_t i = 0; i < m->cap_count; i++)
        cr_expect_neq(vis_cap_type(m->caps[i].w0), TRACE_CAP_ENDPOINT, "endpoint cap left at 0x%x",
                      m->caps[i].slot);

    /* Two threads: the root (renamed by boot; the test lowers it to priority 100, then
     * the runtime's exit to 0, to let others run first) and the child. */
    cr_assert_eq(m->thread_count, 2);
    const vis_thread_t *root = NULL, *child = NULL;
    for (size_t i = 0; i < m->thread_count; i++) {
        if (strcmp(m->threads[i].name, "rootserver") == 0)
            root = &m->threads[i];
        else
            child = &m->threads[i];
    }
    cr_assert_not_null(root);
    cr_assert_not_null(child);
    cr_expect_eq(root->priority, 0);
    cr_expect_eq(child->priority, 254);
    cr_expect_eq(child->state, TRACE_THREAD_INACTIVE, "the child suspended itself");

    /* The child's TCB object came from an untyped whose watermark covers it. */
    const vis_object_t *tcb = NULL;
    for (size_t i = 0; i < m->object_count; i++)
        if (m->objects[i].type == SEL4_TCB_OBJECT && m->objects[i].addr == child->tcb)
            tcb = &m->objects[i];
    cr_assert_not_null(tcb);
    const vis_cap_t *ut = vis_model_cap_at(m, tcb->untyped);
    cr_assert_not_null(ut, "the untyped the TCB came from");
    cr_expect_eq(vis_cap_type(ut->w0), TRACE_CAP_UNTYPED);
    cr_expect_geq(vis_untyped_watermark(ut->w1), 1024u);
    vis_model_free(m);
}

/* Runs `image` in QEMU with UART1 (the trace stream) captured into a new file whose
 * mkstemp template is `path`. */
static void capture_qemu_uart1(const char *image, char *path)
{
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    char serial[64];
    snprintf(serial, sizeof(serial), "file:%s", path);
    const char *argv[] = {"qemu-system-arm", "-M", "vexpress-a15", "-m", "128M", "-nographic",
                          "-audiodev", "none,id=none", "-no-reboot", "-serial", "mon:stdio",
                          "-serial", serial, "-kernel", image, NULL};
    run_result_t q = run_command(argv, 60);
    run_result_free(&q);
}

/* Replays a UART1 capture (vexpress-a15 under QEMU) into a model. */
static uint32_t replay_uart(const char *path, vis_model_t *m)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    trace_uart_decoder_t d = {0};
    trace_record_t rec;
    uint32_t n = 0;
    int c;
    vis_model_init(m);
    while ((c = fgetc(f)) != EOF)
        if (trace_uart_feed(&d, (uint8_t)c, &rec)) {
            vis_model_apply(m, &rec);
            n++;
        }
    fclose(f);
    return n;
}

Test(trace, qemu_uart1_is_silent_unless_the_image_was_built_with_trace_uart)
{
    char path[] = "/tmp/numbat-uart1-quiet-XXXXXX";
    capture_qemu_uart1("build/vexpress-a15/caps.elf", path);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    unlink(path);
    cr_expect_eq(st.st_size, 0, "UART1 carried %lld bytes", (long long)st.st_size);
}

Test(trace, qemu_uart1_stream_gives_the_same_caps_as_numbat_sim)
{
    replay_t sim = {0};
    record_and_replay(&sim);
    char path[] = "/tmp/numbat-uart1-XXXXXX";
    capture_qemu_uart1("build/vexpress-a15/caps-trace.elf", path);
    vis_model_t qm;
    cr_expect_gt(replay_uart(path, &qm), 100);
    unlink(path);
    /* Timing differs (kernel entries), capabilities must not. */
    cr_expect_eq(qm.platform, TRACE_PLATFORM_VEXPRESS_A15);
    cr_assert_eq(qm.cap_count, sim.model.cap_count);
    for (size_t i = 0; i < qm.cap_count; i++) {
        cr_expect_eq(qm.caps[i].slot, sim.model.caps[i].slot);
        cr_expect_eq(qm.caps[i].w0, sim.model.caps[i].w0, "slot 0x%x", qm.caps[i].slot);
        cr_expect_eq(qm.caps[i].parent, sim.model.caps[i].parent, "slot 0x%x", qm.caps[i].slot);
    }
    vis_model_free(&qm);
    vis_model_free(&sim.model);
}

/* ---- IPC events (tests/system/ipc) ----------------------------------------------- */

#define MAX_IPC_EVENTS 128

/* The IPC-related events of a run, in order, words and all. */
typedef struct ipc_events {
    trace_record_t rec[MAX_IPC_EVENTS];
    unsigned count;
} ipc_events_t;

/* The events both boards must send alike: IPC, and the root task's mappings. */
static void keep_if_ipc(ipc_events_t *e, const trace_record_t *rec)
{
    switch (trace_record_type(rec)) {
    case TRACE_MAP:
    case TRACE_UNMAP:
    case TRACE_IPC_SEND:
    case TRACE_IPC_RECV:
    case TRACE_IPC_REPLY:
    case TRACE_SIGNAL:
    case TRACE_THREAD_BLOCKED_EVENT:
        cr_assert_lt(e->count, MAX_IPC_EVENTS);
        e->rec[e->count++] = *rec;
        break;
    default:
        break;
    }
}

static unsigned count_type(const ipc_events_t *e, unsigned type)
{
    unsigned n = 0;
    for (unsigned i = 0; i < e->count; i++)
        n += trace_record_type(&e->rec[i]) == type;
    return n;
}

static void record_ipc_run(ipc_events_t *e)
{
    char path[] = "/tmp/numbat-ipc-trace-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    const char *extra[] = {"--trace-out", path, NULL};
    run_result_t run = run_sim("build/arm-sim/ipc.elf", extra);
    cr_assert_eq(run.status, 0, "%s\n%s", run.out, run.err);
    run_result_free(&run);
    trace_file_t tf;
    trace_record_t rec;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0, "%s", err);
    int got;
    while ((got = trace_file_next(&tf, &rec, err, sizeof(err))) == 1)
        keep_if_ipc(e, &rec);
    cr_assert_eq(got, 0, "%s", err);
    trace_file_close(&tf);
    unlink(path);
}

Test(trace, ipc_events_of_a_client_and_server)
{
    static ipc_events_t e;
    record_ipc_run(&e);
    cr_expect_eq(count_type(&e, TRACE_IPC_SEND), 3, "one message per Call");
    cr_expect_eq(count_type(&e, TRACE_IPC_RECV), 3);
    cr_expect_eq(count_type(&e, TRACE_IPC_REPLY), 3);
    cr_expect_eq(count_type(&e, TRACE_SIGNAL), 1);
    uint32_t ep = 0;
    for (unsigned i = 0; i < e.count; i++) {
        const trace_record_t *r = &e.rec[i];
        switch (trace_record_type(r)) {
        case TRACE_IPC_SEND:
            cr_expect_eq(r->words[3], 7, "the Call's badge");
            cr_expect_eq(r->words[4], 1, "one word");
            cr_expect(trace_record_has_message_info(r), "version 5: label and caps words");
            cr_expect_eq(r->words[5], 0, "label 0 (seL4_MessageInfo_new(0, 0, 0, 1))");
            cr_expect_eq(r->words[6], 0, "no caps");
            ep = r->words[1];
            cr_expect_eq(trace_record_type(&e.rec[i + 1]), TRACE_IPC_RECV, "send, then recv");
            break;
        case TRACE_SIGNAL:
            cr_expect_eq(r->words[2], 0x10, "the signal's badge");
            cr_expect_neq(r->words[3], 0, "it woke the waiting server");
            break;
        default:
            break;
        }
    }
    /* The server blocked in Recv on the endpoint at least once, and waited for the
     * notification at the end. */
    bool on_ep = false, on_ntfn = false;
    for (unsigned i = 0; i < e.count; i++) {
        const trace_record_t *r = &e.rec[i];
        if (trace_record_type(r) != TRACE_THREAD_BLOCKED_EVENT)
            continue;
        on_ep |= r->words[2] == TRACE_THREAD_BLOCKED_ON_RECV && r->words[3] == ep;
        on_ntfn |= r->words[2] == TRACE_THREAD_BLOCKED_ON_NOTIFICATION;
    }
    cr_expect(on_ep && on_ntfn, "blocked on the endpoint %d, on the notification %d", on_ep, on_ntfn);
}

Test(trace, qemu_uart1_stream_gives_the_same_ipc_events_as_numbat_sim)
{
    static ipc_events_t sim, qemu;
    record_ipc_run(&sim);
    char path[] = "/tmp/numbat-uart1-ipc-XXXXXX";
    capture_qemu_uart1("build/vexpress-a15/ipc-trace.elf", path);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    trace_uart_decoder_t d = {0};
    trace_record_t rec;
    int c;
    while ((c = fgetc(f)) != EOF)
        if (trace_uart_feed(&d, (uint8_t)c, &rec))
            keep_if_ipc(&qemu, &rec);
    fclose(f);
    unlink(path);
    cr_expect_gt(count_type(&sim, TRACE_MAP), 4, "the root task's pages and page table");
    cr_assert_eq(qemu.count, sim.count);
    for (unsigned i = 0; i < sim.count; i++) {
        cr_assert_eq(qemu.rec[i].count, sim.rec[i].count, "event %u", i);
        for (unsigned w = 0; w < sim.rec[i].count; w++)
            cr_expect_eq(qemu.rec[i].words[w], sim.rec[i].words[w], "event %u word %u", i, w);
    }
}

/* A fault handler's reply restores the faulter's registers instead of delivering a
 * message: its ipc-reply must say how many words the handler sent (12 here), not
 * what the faulter's restored message-info register (r1 = 0x55) happens to hold. */
Test(trace, a_fault_reply_records_the_length_the_handler_sent)
{
    char path[] = "/tmp/numbat-fault-reply-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    const char *extra[] = {"--trace-out", path, NULL};
    run_result_t run = run_sim("build/arm-sim/fault-reply.elf", extra);
    cr_assert_eq(run.status, 0, "%s\n%s", run.out, run.err);
    cr_expect(strstr(run.out, "caller: r0 42, r1 0x55") != NULL, "%s", run.out);
    run_result_free(&run);
    trace_file_t tf;
    trace_record_t rec;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0, "%s", err);
    unsigned replies = 0;
    int got;
    while ((got = trace_file_next(&tf, &rec, err, sizeof(err))) == 1)
        if (trace_record_type(&rec) == TRACE_IPC_REPLY) {
            cr_expect_eq(rec.words[3], 12, "the reply's length: %u", rec.words[3]);
            replies++;
        }
    cr_assert_eq(got, 0, "%s", err);
    trace_file_close(&tf);
    unlink(path);
    cr_expect_eq(replies, 1);
}
