/*
 * visualizer/attach_release.c - numbat-sim --attach HOST:PORT --release MHOST:MPORT:
 * following QEMU from its first instruction. QEMU starts stopped (-S) with its human
 * monitor on a TCP port (-monitor tcp:MHOST:MPORT,server=on,wait=off); numbat-sim
 * connects to the trace port and the monitor, and types `cont` at the monitor once it
 * is ready to read: when the window has drawn its first frame, or at once for a
 * screenshot or text. Nothing is lost before then, and nothing runs before then.
 * Partners: attach.c (calls these), attach.h, cli/numbat-sim.c, Makefile (make follow).
 */
#include "attach.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

int vis_attach_open_monitor(vis_attach_t *a, const char *where, char *err, size_t err_len)
{
    a->release = where;
    a->released = false;
    a->monitor_fd = vis_attach_connect(where, "--release", VIS_ATTACH_RETRY_MS, err, err_len);
    return a->monitor_fd < 0 ? -1 : 0;
}

int vis_attach_release(vis_attach_t *a, char *err, size_t err_len)
{
    if (a->monitor_fd < 0 || a->released)
        return 0;
    /* The monitor takes a command a line at a time, after its banner or not; what it
     * answers is left unread (a line or two: the socket holds it). */
    static const char cont[] = "cont\n";
    size_t done = 0;
    while (done < sizeof(cont) - 1) {
        ssize_t n = send(a->monitor_fd, cont + done, sizeof(cont) - 1 - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            snprintf(err, err_len, "--release %s: cannot send cont: %s", a->release,
                     n < 0 ? strerror(errno) : "closed");
            return -1;
        }
        done += (size_t)n;
    }
    a->released = true;
    return 0;
}
