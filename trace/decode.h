/*
 * trace/decode.h - reading and writing the trace stream on the host: trace files
 * (numbat-sim --trace-out), the framed byte stream of a UART (vexpress-a15's
 * UART1 under QEMU). Used by numbat-sim, numbat-trace and the visualizer; text.h
 * turns records into words. Partners: decode.c, format.h, tests/sim/test_trace_decode.c.
 */
#ifndef TRACE_DECODE_H
#define TRACE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "format.h"

typedef struct trace_record {
    uint64_t icount;                  /* when (instructions); 0 from a UART */
    uint32_t words[TRACE_MAX_WORDS];  /* header first */
    unsigned count;
} trace_record_t;

static inline unsigned trace_record_type(const trace_record_t *r) { return TRACE_HEADER_TYPE(r->words[0]); }

/* Files. */
typedef struct trace_file {
    FILE *f;
    uint32_t version;
} trace_file_t;

/* Opens and checks a trace file. Returns 0, or -1 with a one-line reason in err
 * (not a trace file, or a version this program does not read). */
int trace_file_open(trace_file_t *tf, const char *path, char *err, size_t err_len);
/* The same for a stream already open (bytes in memory: a fuzzer's, a test's); `name`
 * is for messages. The trace file owns f: trace_file_close closes it, and a failed
 * open has closed it already. */
int trace_file_open_stream(trace_file_t *tf, FILE *f, const char *name, char *err,
                           size_t err_len);
/* The next record: 1, 0 at the end, -1 on a damaged record (err says what). */
int trace_file_next(trace_file_t *tf, trace_record_t *rec, char *err, size_t err_len);
void trace_file_close(trace_file_t *tf);
/* Writing (numbat-sim, tests). */
int trace_file_write_header(FILE *f);
int trace_file_write_record(FILE *f, uint64_t icount, const uint32_t *words, unsigned count);

/* Checks a record's header: a known type and a length within limits (an IPC event
 * may have its version-4 length). */
bool trace_record_valid(const uint32_t *words, unsigned count);
/* An ipc-send, ipc-recv or ipc-reply with its label and caps words (version 5 on);
 * false for those of older streams and for every other event. */
bool trace_record_has_message_info(const trace_record_t *r);

/* UART framing. On a UART that carries console text too (raspi2's UART0), the
 * bytes that are not part of a checked frame are that text: set `text` and they go
 * there, in order, instead of being counted as dropped. (Text never forms a valid
 * header: a header's reserved low bytes are 0, and the console sends no NUL.) */
typedef void (*trace_uart_text_fn)(void *ctx, uint8_t byte);
typedef struct trace_uart_decoder {
    uint8_t buf[2 + 4 * TRACE_MAX_WORDS];
    size_t len;
    uint64_t dropped_bytes; /* bytes skipped to find a frame (no `text`) */
    trace_uart_text_fn text; /* NULL: skipped bytes are dropped */
    void *text_ctx;
} trace_uart_decoder_t;

/* Encodes one event as a UART frame into out (room for 2 + 4 * count bytes);
 * returns the frame's length. */
size_t trace_uart_encode(const uint32_t *words, unsigned count, uint8_t *out);
/* Feeds one byte; returns true when *rec now holds a complete, checked event. */
bool trace_uart_feed(trace_uart_decoder_t *d, uint8_t byte, trace_record_t *rec);
/* The stream ended: bytes held for a frame that never completed are skipped (text). */
void trace_uart_end(trace_uart_decoder_t *d);

#endif
