/*
 * tests/sim/test_trace_decode.c - the trace stream's host side (trace/decode.c):
 * file round trips, version and damage detection, UART framing with noise. The text
 * of records is test_trace_text.c's.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../trace/decode.h"

static const uint32_t insert_event[] = {
    TRACE_HEADER(TRACE_CAP_INSERT, 7), 0xe0040010, 0xe0050006, 0, 0, TRACE_CAPF_REVOCABLE,
    TRACE_CAUSE_BOOT,
};
static const uint32_t irq_event[] = {TRACE_HEADER(TRACE_IRQ, 2), 34};

static char path[] = "/tmp/numbat-trace-test-XXXXXX";

static FILE *new_file(void)
{
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "wb");
    cr_assert_not_null(f);
    return f;
}

static void remove_file(void)
{
    unlink(path);
    strcpy(path, "/tmp/numbat-trace-test-XXXXXX");
}

TestSuite(trace_decode, .fini = remove_file);

Test(trace_decode, file_round_trip_keeps_instruction_counts_and_words)
{
    FILE *f = new_file();
    cr_assert_eq(trace_file_write_header(f), 0);
    cr_assert_eq(trace_file_write_record(f, 1234567890123ull, insert_event, 7), 0);
    cr_assert_eq(trace_file_write_record(f, 42, irq_event, 2), 0);
    fclose(f);
    trace_file_t tf;
    trace_record_t r;
    char err[200];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0, "%s", err);
    cr_assert_eq(trace_file_next(&tf, &r, err, sizeof(err)), 1, "%s", err);
    cr_expect_eq(r.icount, 1234567890123ull);
    cr_expect_eq(r.count, 7);
    cr_expect_arr_eq(r.words, insert_event, sizeof(insert_event));
    cr_assert_eq(trace_file_next(&tf, &r, err, sizeof(err)), 1);
    cr_expect_eq(trace_record_type(&r), TRACE_IRQ);
    cr_expect_eq(r.words[1], 34);
    cr_expect_eq(trace_file_next(&tf, &r, err, sizeof(err)), 0, "end of file");
    trace_file_close(&tf);
}

Test(trace_decode, version_mismatch_says_which_versions)
{
    FILE *f = new_file();
    uint8_t header[12] = {'N', 'M', 'B', 'T', 'R', 'A', 'C', 'E', TRACE_VERSION + 1, 0, 0, 0};
    fwrite(header, 1, sizeof(header), f);
    fclose(f);
    trace_file_t tf;
    char err[200];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), -1);
    char want[80];
    snprintf(want, sizeof(want), "trace format version %u; this program reads versions %u to %u",
             TRACE_VERSION + 1, TRACE_VERSION_OLDEST_READ, TRACE_VERSION);
    cr_expect(strstr(err, want) != NULL, "%s", err);
}

Test(trace_decode, a_version_3_file_is_still_read)
{
    trace_file_t tf;
    char err[200];
    trace_record_t r;
    cr_assert_eq(trace_file_open(&tf, "tests/sim/data/ipc.trace", err, sizeof(err)), 0, "%s", err);
    cr_expect_eq(tf.version, 3);
    size_t n = 0;
    int got;
    while ((got = trace_file_next(&tf, &r, err, sizeof(err))) == 1)
        n++;
    cr_expect_eq(got, 0, "%s", err);
    cr_expect_gt(n, 100);
    trace_file_close(&tf);
}

Test(trace_decode, not_a_trace_file_is_refused)
{
    FILE *f = new_file();
    fputs("hello, world\n", f);
    fclose(f);
    trace_file_t tf;
    char err[200];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), -1);
    cr_expect(strstr(err, "not a Numbat trace file") != NULL, "%s", err);
}

Test(trace_decode, truncated_and_malformed_records_are_errors)
{
    FILE *f = new_file();
    trace_file_write_header(f);
    uint32_t bad[] = {TRACE_HEADER(TRACE_IRQ, 3), 34, 0}; /* IRQ has one payload word */
    trace_file_write_record(f, 1, bad, 3);
    fclose(f);
    trace_file_t tf;
    trace_record_t r;
    char err[200];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0);
    cr_expect_eq(trace_file_next(&tf, &r, err, sizeof(err)), -1);
    cr_expect(strstr(err, "malformed") != NULL, "%s", err);
    trace_file_close(&tf);
}

Test(trace_decode, record_validity_checks_type_and_length)
{
    cr_expect(trace_record_valid(insert_event, 7));
    cr_expect_not(trace_record_valid(insert_event, 6), "length disagrees with the header");
    uint32_t unknown[] = {TRACE_HEADER(TRACE_EVENT_COUNT, 1)};
    cr_expect_not(trace_record_valid(unknown, 1));
    uint32_t reserved[] = {TRACE_HEADER(TRACE_IRQ, 2) | 1u, 5};
    cr_expect_not(trace_record_valid(reserved, 2), "reserved header bits must be 0");
}

Test(trace_decode, ipc_events_have_label_and_caps_and_the_version_4_length_is_still_read)
{
    const uint32_t send5[] = {TRACE_HEADER(TRACE_IPC_SEND, 7), 0xe0060000, 0xe0050000, 7, 1, 42,
                              TRACE_IPC_CAPS(1, 0)};
    const uint32_t send4[] = {TRACE_HEADER(TRACE_IPC_SEND, 5), 0xe0060000, 0xe0050000, 7, 1};
    const uint32_t reply5[] = {TRACE_HEADER(TRACE_IPC_REPLY, 6), 0xe0060400, 0xe0050000, 1, 9, 0};
    const uint32_t reply4[] = {TRACE_HEADER(TRACE_IPC_REPLY, 4), 0xe0060400, 0xe0050000, 1};
    const uint32_t send_odd[] = {TRACE_HEADER(TRACE_IPC_SEND, 6), 0xe0060000, 0xe0050000, 7, 1, 42};
    cr_expect(trace_record_valid(send5, 7));
    cr_expect(trace_record_valid(send4, 5), "version 4's ipc-send");
    cr_expect(trace_record_valid(reply5, 6));
    cr_expect(trace_record_valid(reply4, 4), "version 4's ipc-reply");
    cr_expect_not(trace_record_valid(send_odd, 6), "a label without its caps word");
    FILE *f = new_file();
    cr_assert_eq(trace_file_write_header(f), 0);
    cr_assert_eq(trace_file_write_record(f, 10, send5, 7), 0);
    cr_assert_eq(trace_file_write_record(f, 11, reply4, 4), 0);
    fclose(f);
    trace_file_t tf;
    trace_record_t r;
    char err[200];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0, "%s", err);
    cr_expect_eq(tf.version, 5);
    cr_assert_eq(trace_file_next(&tf, &r, err, sizeof(err)), 1, "%s", err);
    cr_expect(trace_record_has_message_info(&r));
    cr_expect_eq(r.words[5], 42, "the label");
    cr_expect_eq(TRACE_IPC_CAPS_COUNT(r.words[6]), 1, "one cap came");
    cr_expect_eq(TRACE_IPC_CAPS_UNWRAPPED(r.words[6]), 0);
    cr_assert_eq(trace_file_next(&tf, &r, err, sizeof(err)), 1, "%s", err);
    cr_expect_eq(trace_record_type(&r), TRACE_IPC_REPLY);
    cr_expect_not(trace_record_has_message_info(&r), "a version 4 reply has no label");
    trace_file_close(&tf);
    /* The same over a UART. */
    uint8_t frame[2 + 4 * 7];
    size_t n = trace_uart_encode(send5, 7, frame);
    trace_uart_decoder_t d = {0};
    bool got = false;
    for (size_t i = 0; i < n; i++)
        got = trace_uart_feed(&d, frame[i], &r);
    cr_assert(got);
    cr_expect_arr_eq(r.words, send5, sizeof(send5));
}

Test(trace_decode, the_version_3_recordings_ipc_events_have_no_message_info)
{
    trace_file_t tf;
    char err[200];
    trace_record_t r;
    cr_assert_eq(trace_file_open(&tf, "tests/sim/data/ipc.trace", err, sizeof(err)), 0, "%s", err);
    unsigned ipc = 0;
    while (trace_file_next(&tf, &r, err, sizeof(err)) == 1) {
        unsigned t = trace_record_type(&r);
        if (t == TRACE_IPC_SEND || t == TRACE_IPC_RECV || t == TRACE_IPC_REPLY) {
            ipc++;
            cr_expect_not(trace_record_has_message_info(&r));
        }
    }
    cr_expect_gt(ipc, 0);
    trace_file_close(&tf);
}

/* Feeds bytes and collects decoded events. */
static unsigned feed(trace_uart_decoder_t *d, const uint8_t *bytes, size_t n, trace_record_t *out,
                     unsigned max)
{
    unsigned got = 0;
    for (size_t i = 0; i < n; i++)
        if (trace_uart_feed(d, bytes[i], &out[got]) && got < max - 1)
            got++;
    return got;
}

Test(trace_decode, uart_frames_decode_after_noise_and_a_corrupt_frame)
{
    uint8_t stream[256];
    size_t n = 0;
    const char noise[] = "console text\x7e\x01";
    memcpy(stream, noise, sizeof(noise) - 1);
    n += sizeof(noise) - 1;
    n += trace_uart_encode(insert_event, 7, stream + n);
    size_t corrupt_at = n + 3;
    n += trace_uart_encode(irq_event, 2, stream + n);
    stream[corrupt_at] ^= 0xFF; /* breaks the second frame's check byte */
    n += trace_uart_encode(irq_event, 2, stream + n);
    trace_uart_decoder_t d = {0};
    trace_record_t recs[4];
    unsigned got = feed(&d, stream, n, recs, 4);
    cr_assert_eq(got, 2, "the intact frames, not the corrupt one");
    cr_expect_arr_eq(recs[0].words, insert_event, sizeof(insert_event));
    cr_expect_eq(trace_record_type(&recs[1]), TRACE_IRQ);
    cr_expect_gt(d.dropped_bytes, 0);
}

/* Found by tests/fuzz-host/fuzz_trace_uart.c: a frame whose header had a reserved bit
   set was passed on (numbat-trace --uart printed it, --attach applied it), though a
   file reader refuses the same record. */
Test(trace_decode, uart_frame_with_reserved_header_bits_is_skipped)
{
    uint32_t bad[2] = {irq_event[0] | 0x1u, irq_event[1]};
    uint8_t stream[64];
    size_t n = trace_uart_encode(bad, 2, stream);
    n += trace_uart_encode(irq_event, 2, stream + n);
    trace_uart_decoder_t d = {0};
    trace_record_t recs[4];
    unsigned got = feed(&d, stream, n, recs, 4);
    cr_assert_eq(got, 1, "only the good frame");
    cr_expect(trace_record_valid(recs[0].words, recs[0].count));
    cr_expect_arr_eq(recs[0].words, irq_event, sizeof(irq_event));
}

typedef struct text_sink {
    char text[256];
    size_t len;
} text_sink_t;

static void collect_text(void *ctx, uint8_t byte)
{
    text_sink_t *t = ctx;
    if (t->len < sizeof(t->text) - 1)
        t->text[t->len++] = (char)byte;
}

/* raspi2's UART0: console text with frames between its characters, a '~' (the sync
   byte) in the text among them, and text cut off in the middle of a would-be frame
   at the end. Every byte outside the frames comes out as text, in order. */
Test(trace_decode, uart_text_between_frames_goes_to_the_text_sink)
{
    uint8_t stream[256];
    size_t n = 0;
    const char *parts[] = {"Numbat ~ on raspi2\r\n", "~x\r\n", "tail ~"};
    memcpy(stream + n, parts[0], strlen(parts[0]));
    n += strlen(parts[0]);
    n += trace_uart_encode(insert_event, 7, stream + n);
    memcpy(stream + n, parts[1], strlen(parts[1]));
    n += strlen(parts[1]);
    n += trace_uart_encode(irq_event, 2, stream + n);
    memcpy(stream + n, parts[2], strlen(parts[2]));
    n += strlen(parts[2]);
    text_sink_t text = {{0}, 0};
    trace_uart_decoder_t d = {.text = collect_text, .text_ctx = &text};
    trace_record_t recs[4];
    unsigned got = feed(&d, stream, n, recs, 4);
    trace_uart_end(&d);
    cr_assert_eq(got, 2);
    cr_expect_arr_eq(recs[0].words, insert_event, sizeof(insert_event));
    cr_expect_arr_eq(recs[1].words, irq_event, sizeof(irq_event));
    cr_expect_str_eq(text.text, "Numbat ~ on raspi2\r\n~x\r\ntail ~");
    cr_expect_eq(d.dropped_bytes, 0, "text is not dropped");
}
