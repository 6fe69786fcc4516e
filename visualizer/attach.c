/*
 * visualizer/attach.c - numbat-sim --attach: a TCP client to QEMU's serial port that
 * carries UART1, whose bytes are trace frames (docs/trace-format.md), or a reader of
 * a serial device (attach_serial.c); on raspi2 the frames come between console
 * text, which goes to stdout. Each decoded event goes into a board-less session, as
 * the board's feed does in a normal run; printed as text, or shown by the window
 * through the source interface (source.h).
 * Partners: attach.h, attach_serial.c, trace/decode.c (framing), session.c, source.h.
 */
#include "attach.h"

#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../trace/text.h"

/* Splits HOST:PORT at its last colon; an IPv6 host goes in brackets: [::1]:4444. */
static int split_where(const char *where, char *host, size_t host_len, const char **port)
{
    const char *colon = strrchr(where, ':');
    if (!colon || colon == where || !colon[1] || (size_t)(colon - where) >= host_len)
        return -1;
    const char *start = where, *end = colon;
    if (*start == '[' && end[-1] == ']')
        start++, end--; /* [::1]:1234 */
    memcpy(host, start, (size_t)(end - start));
    host[end - start] = '\0';
    char *stop;
    long n = strtol(colon + 1, &stop, 10);
    if (*stop || n <= 0 || n > 65535)
        return -1;
    *port = colon + 1;
    return 0;
}

static void flush_text(vis_attach_t *a)
{
    fwrite(a->text, 1, a->text_len, stdout);
    a->text_len = 0;
}

/* Console text between the frames: out a line at a time (each character of a user
 * program's line is a system call, whose events come between the characters). */
static void print_text(void *ctx, uint8_t byte)
{
    vis_attach_t *a = ctx;
    if (a->session)
        vis_session_console_text(a->session, byte); /* the window's console pane */
    a->text[a->text_len++] = (char)byte;
    if (byte == '\n' || a->text_len == sizeof(a->text))
        flush_text(a);
}

int vis_attach_connect(const char *where, const char *option, int retry_ms, char *err,
                       size_t err_len)
{
    char host[256];
    const char *port;
    if (split_where(where, host, sizeof(host), &port) != 0) {
        snprintf(err, err_len, "%s %s: give HOST:PORT, e.g. 127.0.0.1:4444", option, where);
        return -1;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *list;
    int rc = getaddrinfo(host, port, &hints, &list);
    if (rc != 0) {
        snprintf(err, err_len, "%s %s: %s", option, where, gai_strerror(rc));
        return -1;
    }
    int fd = -1, saved = 0;
    for (int waited = 0;; waited += 100) {
        for (struct addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next) {
            int s = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
            if (s >= 0 && connect(s, ai->ai_addr, ai->ai_addrlen) == 0)
                fd = s;
            else if (s >= 0) {
                saved = errno;
                close(s);
            }
        }
        if (fd >= 0 || saved != ECONNREFUSED || waited >= retry_ms)
            break;
        usleep(100 * 1000); /* QEMU is still starting */
    }
    freeaddrinfo(list);
    if (fd < 0)
        snprintf(err, err_len, "%s %s: cannot connect: %s", option, where, strerror(saved));
    return fd;
}

static int attach_open(vis_attach_t *a, const char *where, unsigned baud, int retry_ms, char *err,
                       size_t err_len)
{
    memset(a, 0, sizeof(*a));
    a->fd = a->monitor_fd = -1;
    a->where = where;
    a->decoder.text = print_text;
    a->decoder.text_ctx = a;
    if (strchr(where, '/'))
        return vis_attach_open_serial(a, where, baud, err, err_len);
    char host[256];
    const char *port;
    if (split_where(where, host, sizeof(host), &port) != 0) {
        snprintf(err, err_len, "--attach %s: give HOST:PORT, e.g. 127.0.0.1:4444, or a serial "
                 "device, e.g. /dev/ttyUSB0", where);
        return -1;
    }
    a->fd = vis_attach_connect(where, "--attach", retry_ms, err, err_len);
    return a->fd < 0 ? -1 : 0;
}

int vis_attach_open(vis_attach_t *a, const char *where, unsigned baud, char *err, size_t err_len)
{
    return attach_open(a, where, baud, 0, err, err_len);
}

int vis_attach_open_stopped(vis_attach_t *a, const char *where, const char *monitor, char *err,
                            size_t err_len)
{
    if (attach_open(a, where, 0, VIS_ATTACH_RETRY_MS, err, err_len) != 0)
        return -1;
    return vis_attach_open_monitor(a, monitor, err, err_len);
}

void vis_attach_close(vis_attach_t *a)
{
    if (a->fd >= 0)
        close(a->fd);
    if (a->monitor_fd >= 0)
        close(a->monitor_fd);
    a->fd = a->monitor_fd = -1;
}

static void feed_bytes(vis_attach_t *a, vis_session_t *s, const uint8_t *bytes, size_t n)
{
    trace_record_t rec;
    a->session = s;
    for (size_t i = 0; i < n; i++) {
        if (a->max_events && s->count >= a->max_events)
            return; /* --at N: the screenshot shows exactly N events */
        if (!trace_uart_feed(&a->decoder, bytes[i], &rec))
            continue;
        vis_session_feed(s, &rec);
        if (a->print) {
            char line[256];
            trace_format(&rec, line, sizeof(line));
            printf("%s\n", line);
        }
    }
}

size_t vis_attach_read(vis_attach_t *a, vis_session_t *s, int timeout_ms)
{
    size_t before = s->count;
    struct pollfd p = {.fd = a->fd, .events = POLLIN};
    /* After the first wait, take only what has already arrived: the window's frame
     * must not stall on a slow guest. */
    while (!a->closed && poll(&p, 1, timeout_ms) > 0) {
        uint8_t buf[4096];
        ssize_t n = read(a->fd, buf, sizeof(buf));
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0) {
            a->closed = true; /* QEMU exited (or reset the connection; a tty hung up) */
            trace_uart_end(&a->decoder);
            flush_text(a);
            break;
        }
        feed_bytes(a, s, buf, (size_t)n);
        timeout_ms = 0;
    }
    fflush(stdout); /* console text, and events in text mode */
    return s->count - before;
}

/* ---- as a source of the window and the screenshot (source.h) ------------------ */

static int source_start(void *self, vis_session_t *s, bool screenshot, uint64_t at, char *err,
                        size_t err_len)
{
    vis_attach_t *a = self;
    a->max_events = screenshot ? at : 0; /* --at N: the screenshot shows exactly N events */
    vis_session_start_attached(s, a->where);
    /* The screenshot reads from here on: QEMU may go. The window waits for its
     * first frame (source_follow). */
    return screenshot ? vis_attach_release(a, err, err_len) : 0;
}

static bool source_follow(void *self, vis_session_t *s, char *status, size_t len)
{
    vis_attach_t *a = self;
    char err[200];
    /* Called before each frame is drawn: at the second, the window is up. */
    if (a->monitor_fd >= 0 && !a->released && ++a->follows >= 2 &&
        vis_attach_release(a, err, sizeof(err)) != 0) {
        snprintf(status, len, "%s", err);
        return false;
    }
    vis_attach_read(a, s, 0);
    bool device = strchr(a->where, '/') != NULL; /* a board's serial line, not QEMU */
    snprintf(status, len, "%s %s: %zu events",
             a->closed ? (device ? "closed" : "QEMU closed") : (device ? "following" : "following QEMU at"),
             a->where, s->count);
    return !a->closed;
}

/* Reads to the end of the stream, or to --at N events. */
static void source_finish(void *self, vis_session_t *s, char *status, size_t len)
{
    vis_attach_t *a = self;
    while (!a->closed && !(a->max_events && s->count >= a->max_events))
        vis_attach_read(a, s, -1);
    snprintf(status, len, "attached to %s: %s after %zu events", a->where,
             a->closed ? (strchr(a->where, '/') ? "closed" : "QEMU closed") : "stopped at --at",
             s->count);
}

static const vis_source_ops_t attach_ops = {
    .start = source_start,
    .follow = source_follow,
    .finish = source_finish,
};

vis_source_t vis_attach_source(vis_attach_t *a)
{
    const char *label = strchr(a->where, '/') ? "following the board" : "following QEMU";
    return (vis_source_t){.ops = &attach_ops, .self = a, .label = label};
}

/* ---- text mode ------------------------------------------------------------------- */

void vis_attach_print(vis_attach_t *a, size_t *events, size_t *caps)
{
    static vis_session_t s;
    char err[200];
    vis_session_start_attached(&s, a->where);
    a->print = true;
    if (vis_attach_release(a, err, sizeof(err)) != 0) {
        fprintf(stderr, "numbat-sim: %s\n", err);
        a->closed = true;
    }
    while (!a->closed)
        vis_attach_read(a, &s, -1);
    *events = s.count;
    *caps = s.live.cap_count;
    vis_session_end(&s);
}
