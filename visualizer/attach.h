/*
 * visualizer/attach.h - numbat-sim --attach HOST:PORT: follow the trace stream of a
 * kernel running under QEMU (vexpress-a15's UART1 on a TCP serial port) with a
 * session that has no board, as text or as a source for the window (source.h).
 * Partners: attach.c (socket, decoding, text mode), session.c (the recording and
 * model), source.h, cli/numbat-sim.c (which picks the mode).
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
    const char *where; /* HOST:PORT as given */
    trace_uart_decoder_t decoder;
    bool closed; /* the peer closed the connection (QEMU exited) */
    bool print;  /* text mode: each event to stdout as it is decoded */
    size_t max_events; /* --at N with --screenshot: keep no more (0: no limit) */
} vis_attach_t;

/* Connects to HOST:PORT. Returns 0, or -1 with a one-line reason in err. */
int vis_attach_open(vis_attach_t *a, const char *where, char *err, size_t err_len);
void vis_attach_close(vis_attach_t *a);
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
