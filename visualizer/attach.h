/*
 * visualizer/attach.h - numbat-sim --attach HOST:PORT or DEVICE: follow the trace
 * stream of a kernel running under QEMU (vexpress-a15's UART1, or raspi2's UART0, on
 * a TCP serial port) or on a board (a serial device such as /dev/ttyUSB0) with a
 * session that has no board, as text or as a source for the window (source.h).
 * Bytes outside trace frames are the board's console text (raspi2 sends both on one
 * UART): they go to stdout a line at a time, so event lines do not split them.
 * Partners: attach.c (socket, decoding, text mode), attach_serial.c (devices),
 * session.c (the recording and model), source.h, cli/numbat-sim.c (which picks the
 * mode).
 */
#ifndef VIS_ATTACH_H
#define VIS_ATTACH_H

#include <stdbool.h>
#include <stddef.h>

#include "../trace/decode.h"
#include "session.h"
#include "source.h"

typedef struct vis_attach {
    int fd;
    const char *where; /* HOST:PORT or DEVICE as given */
    trace_uart_decoder_t decoder;
    bool closed; /* the peer closed the connection (QEMU exited) */
    bool print;  /* text mode: each event to stdout as it is decoded */
    size_t max_events; /* --at N with --screenshot: keep no more (0: no limit) */
    char text[256];    /* console text between frames, printed a whole line at a time */
    size_t text_len;
    vis_session_t *session; /* the session being fed: gets the console text too */
    /* --release HOST:PORT: QEMU was started stopped (-S); its monitor gets `cont`
     * once the window has drawn its first frame (a screenshot or text: at once). */
    const char *release;
    int monitor_fd;  /* the monitor's connection, -1 without --release */
    bool released;   /* `cont` sent */
    unsigned follows; /* window frames that took in the stream */
} vis_attach_t;

/* Connects to HOST:PORT, or opens DEVICE (a path: it has a '/') at `baud`. Returns
 * 0, or -1 with a one-line reason in err. */
int vis_attach_open(vis_attach_t *a, const char *where, unsigned baud, char *err, size_t err_len);
/* attach_serial.c: DEVICE, set raw at `baud` if it is a terminal. */
int vis_attach_open_serial(vis_attach_t *a, const char *path, unsigned baud, char *err, size_t err_len);
bool vis_attach_baud_supported(unsigned baud);
#define VIS_ATTACH_DEFAULT_BAUD 115200u
void vis_attach_close(vis_attach_t *a);
/* QEMU started stopped just now (make follow) may not listen yet: how long a refused
 * connection is tried again. */
#define VIS_ATTACH_RETRY_MS 5000
/* --attach HOST:PORT --release MONITOR: QEMU was started stopped (-S); connects to
 * both (retrying while QEMU starts), and releases QEMU when the reader is ready
 * (vis_attach_release). Returns 0, or -1 with a one-line reason in err. */
int vis_attach_open_stopped(vis_attach_t *a, const char *where, const char *monitor, char *err,
                            size_t err_len);
/*
 * --release HOST:PORT (attach_release.c): connects to QEMU's human monitor
 * (-monitor tcp:HOST:PORT,server=on,wait=off), retrying for VIS_ATTACH_RETRY_MS while
 * QEMU starts. Returns 0, or -1 with a one-line reason in err.
 */
int vis_attach_open_monitor(vis_attach_t *a, const char *where, char *err, size_t err_len);
/* Sends `cont` once (nothing without a monitor). Returns 0, or -1 with the reason. */
int vis_attach_release(vis_attach_t *a, char *err, size_t err_len);
/* A TCP connection to HOST:PORT (`option` names it in errors); with `retry_ms`, a
 * refused connection is tried again until then. Returns the socket, or -1. */
int vis_attach_connect(const char *where, const char *option, int retry_ms, char *err,
                       size_t err_len);
/* Waits up to timeout_ms (-1: for ever) for bytes, then decodes all that have arrived
 * into s. Returns the number of events added; sets a->closed at the end of the stream. */
size_t vis_attach_read(vis_attach_t *a, vis_session_t *s, int timeout_ms);

/* The window's or screenshot's source (app.h) that follows the connection; its
 * label is "following QEMU". */
vis_source_t vis_attach_source(vis_attach_t *a);
/* Text mode: prints each event on stdout until the peer closes; stores the events
 * received and the caps of the final model in *events and *caps. */
void vis_attach_print(vis_attach_t *a, size_t *events, size_t *caps);

#endif
