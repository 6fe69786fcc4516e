/*
 * trace/decode.c - host-side reading and writing of the trace stream
 * (trace/format.h): files and UART frames; text.c puts records into words. All
 * integers are little-endian, which is also the host's on every machine the project
 * runs on; files are read and written through explicit byte order all the same.
 * Partner: decode.h.
 */
#include "decode.h"

#include <errno.h>
#include <string.h>

/* Payload words each event carries (header excluded). */
static const uint8_t payload_words[TRACE_EVENT_COUNT] = {
    [TRACE_BOOT] = 4,           [TRACE_OBJECT_CREATE] = 4, [TRACE_OBJECT_DELETE] = 2,
    [TRACE_CAP_INSERT] = 6,     [TRACE_CAP_MOVE] = 5,      [TRACE_CAP_DELETE] = 4,
    [TRACE_REVOKE_BEGIN] = 1,   [TRACE_REVOKE_END] = 1,    [TRACE_THREAD_STATE] = 2,
    [TRACE_THREAD_PRIORITY] = 3, [TRACE_THREAD_NAME] = 5,  [TRACE_SWITCH] = 2,
    [TRACE_KERNEL_ENTRY] = 4,   [TRACE_KERNEL_EXIT] = 1,   [TRACE_IPC_SEND] = 6,
    [TRACE_IPC_RECV] = 6,       [TRACE_IPC_REPLY] = 5,     [TRACE_SIGNAL] = 3,
    [TRACE_MAP] = 6,            [TRACE_UNMAP] = 4,         [TRACE_FAULT] = 4,
    [TRACE_IRQ] = 1,            [TRACE_CAP_SWAP] = 6,      [TRACE_CAP_UPDATE] = 3,
    [TRACE_THREAD_BLOCKED_EVENT] = 4, [TRACE_INVOCATION] = 4,
};

/* The IPC events of versions 3 and 4 end after the length (format.h). */
static unsigned older_payload_words(unsigned type)
{
    switch (type) {
    case TRACE_IPC_SEND:
    case TRACE_IPC_RECV: return TRACE_IPC_WORDS_V4;
    case TRACE_IPC_REPLY: return TRACE_IPC_WORDS_V4 - 1;
    default: return payload_words[type];
    }
}

/* A header a reader accepts: a known type, its length (today's, or an older
 * version's), and the reserved bits 0. */
static bool header_valid(uint32_t header)
{
    unsigned type = TRACE_HEADER_TYPE(header), count = TRACE_HEADER_WORDS(header);
    return type > 0 && type < TRACE_EVENT_COUNT &&
           (payload_words[type] + 1u == count || older_payload_words(type) + 1u == count) &&
           (header & 0xFFFFu) == 0;
}

bool trace_record_has_message_info(const trace_record_t *r)
{
    unsigned type = trace_record_type(r);
    return (type == TRACE_IPC_SEND || type == TRACE_IPC_RECV || type == TRACE_IPC_REPLY) &&
           r->count == payload_words[type] + 1u;
}

bool trace_record_valid(const uint32_t *words, unsigned count)
{
    return count > 0 && count <= TRACE_MAX_WORDS && header_valid(words[0]) &&
           TRACE_HEADER_WORDS(words[0]) == count;
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

int trace_file_open(trace_file_t *tf, const char *path, char *err, size_t err_len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        tf->f = NULL;
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        return -1;
    }
    return trace_file_open_stream(tf, f, path, err, err_len);
}

int trace_file_open_stream(trace_file_t *tf, FILE *f, const char *name, char *err,
                           size_t err_len)
{
    uint8_t head[12];
    tf->f = f;
    size_t got = fread(head, 1, sizeof(head), tf->f);
    if (got != sizeof(head) && ferror(tf->f)) {
        snprintf(err, err_len, "%s: %s", name, strerror(errno)); /* a directory, say */
    } else if (got != sizeof(head) || memcmp(head, TRACE_FILE_MAGIC, 8)) {
        snprintf(err, err_len, "%s: not a Numbat trace file", name);
    } else if ((tf->version = get32(head + 8)) > TRACE_VERSION ||
               tf->version < TRACE_VERSION_OLDEST_READ) {
        snprintf(err, err_len, "%s: trace format version %u; this program reads versions %u to %u",
                 name, tf->version, TRACE_VERSION_OLDEST_READ, TRACE_VERSION);
    } else {
        return 0;
    }
    fclose(tf->f);
    tf->f = NULL;
    return -1;
}

int trace_file_next(trace_file_t *tf, trace_record_t *rec, char *err, size_t err_len)
{
    uint8_t buf[8 + 4 * TRACE_MAX_WORDS];
    size_t got = fread(buf, 1, 12, tf->f);
    if (got == 0)
        return 0;
    if (got != 12) {
        snprintf(err, err_len, "trace ends inside a record");
        return -1;
    }
    rec->icount = (uint64_t)get32(buf) | ((uint64_t)get32(buf + 4) << 32);
    rec->words[0] = get32(buf + 8);
    rec->count = TRACE_HEADER_WORDS(rec->words[0]);
    if (rec->count == 0 || rec->count > TRACE_MAX_WORDS ||
        fread(buf + 12, 4, rec->count - 1, tf->f) != rec->count - 1) {
        snprintf(err, err_len, "damaged record at instruction %llu",
                 (unsigned long long)rec->icount);
        return -1;
    }
    for (unsigned i = 1; i < rec->count; i++)
        rec->words[i] = get32(buf + 8 + 4 * i);
    if (!trace_record_valid(rec->words, rec->count)) {
        snprintf(err, err_len, "unknown or malformed event (header 0x%08x)", rec->words[0]);
        return -1;
    }
    return 1;
}

void trace_file_close(trace_file_t *tf)
{
    if (tf->f)
        fclose(tf->f);
    tf->f = NULL;
}

int trace_file_write_header(FILE *f)
{
    uint8_t v[4];
    put32(v, TRACE_VERSION);
    return fwrite(TRACE_FILE_MAGIC, 1, 8, f) == 8 && fwrite(v, 1, 4, f) == 4 ? 0 : -1;
}

int trace_file_write_record(FILE *f, uint64_t icount, const uint32_t *words, unsigned count)
{
    uint8_t buf[8 + 4 * TRACE_MAX_WORDS];
    if (count == 0 || count > TRACE_MAX_WORDS)
        return -1;
    put32(buf, (uint32_t)icount);
    put32(buf + 4, (uint32_t)(icount >> 32));
    for (unsigned i = 0; i < count; i++)
        put32(buf + 8 + 4 * i, words[i]);
    return fwrite(buf, 1, 8 + 4 * count, f) == 8 + 4 * count ? 0 : -1;
}

size_t trace_uart_encode(const uint32_t *words, unsigned count, uint8_t *out)
{
    uint8_t check = 0;
    out[0] = TRACE_UART_SYNC;
    for (unsigned i = 0; i < count; i++)
        put32(out + 1 + 4 * i, words[i]);
    for (unsigned i = 0; i < 4 * count; i++)
        check ^= out[1 + i];
    out[1 + 4 * count] = check;
    return 2 + 4 * (size_t)count;
}

/* Drops the first byte of the buffer and looks for the next sync byte. */
/* Bytes outside frames: text for a decoder that has a text sink, else dropped. */
static void skipped(trace_uart_decoder_t *d, const uint8_t *bytes, size_t n)
{
    if (!d->text) {
        d->dropped_bytes += n;
        return;
    }
    for (size_t i = 0; i < n; i++)
        d->text(d->text_ctx, bytes[i]);
}

static void resync(trace_uart_decoder_t *d)
{
    size_t skip = 1;
    while (skip < d->len && d->buf[skip] != TRACE_UART_SYNC)
        skip++;
    skipped(d, d->buf, skip);
    memmove(d->buf, d->buf + skip, d->len - skip);
    d->len -= skip;
}

bool trace_uart_feed(trace_uart_decoder_t *d, uint8_t byte, trace_record_t *rec)
{
    if (d->len == 0 && byte != TRACE_UART_SYNC) {
        skipped(d, &byte, 1);
        return false;
    }
    d->buf[d->len++] = byte;
    while (d->len >= 5) {
        uint32_t header = get32(d->buf + 1);
        unsigned count = TRACE_HEADER_WORDS(header);
        /* The same check as a file's records: a frame whose header has a reserved
           bit set was once passed on, though a file reader refuses it. */
        if (!header_valid(header)) {
            resync(d);
            continue;
        }
        size_t frame = 2 + 4 * (size_t)count;
        if (d->len < frame)
            return false;
        uint8_t check = 0;
        for (size_t i = 1; i < frame - 1; i++)
            check ^= d->buf[i];
        if (check != d->buf[frame - 1]) {
            resync(d);
            continue;
        }
        rec->icount = 0;
        rec->count = count;
        for (unsigned i = 0; i < count; i++)
            rec->words[i] = get32(d->buf + 1 + 4 * i);
        memmove(d->buf, d->buf + frame, d->len - frame);
        d->len -= frame;
        return true;
    }
    return false;
}

void trace_uart_end(trace_uart_decoder_t *d)
{
    skipped(d, d->buf, d->len);
    d->len = 0;
}
