/*
 * visualizer/attach_serial.c - numbat-sim --attach DEVICE: the trace stream from a
 * serial line, e.g. a USB-serial adapter on a Raspberry Pi's UART (/dev/ttyUSB0),
 * or a pseudo-terminal. A terminal is set raw (no echo, no line editing, no
 * CR/LF translation: trace frames are binary) at the baud rate given; anything
 * else that can be opened and read (a FIFO, a file of captured bytes) is read as
 * it is. Partners: attach.c (which calls vis_attach_open_serial), attach.h.
 */
#include "attach.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* The termios speed for a rate in baud; B0 for one it does not have. */
static speed_t baud_speed(unsigned baud)
{
    static const struct { unsigned baud; speed_t speed; } rates[] = {
        {9600, B9600},     {19200, B19200},   {38400, B38400},     {57600, B57600},
        {115200, B115200}, {230400, B230400}, {460800, B460800},   {500000, B500000},
        {921600, B921600}, {1000000, B1000000}, {1500000, B1500000}, {2000000, B2000000},
    };
    for (size_t i = 0; i < sizeof(rates) / sizeof(rates[0]); i++)
        if (rates[i].baud == baud)
            return rates[i].speed;
    return B0;
}

bool vis_attach_baud_supported(unsigned baud)
{
    return baud_speed(baud) != B0;
}

int vis_attach_open_serial(vis_attach_t *a, const char *path, unsigned baud, char *err, size_t err_len)
{
    int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 && (errno == EACCES || errno == EROFS))
        fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC); /* a capture file, read-only */
    if (fd < 0) {
        snprintf(err, err_len, "--attach %s: cannot open: %s%s", path, strerror(errno),
                 errno == EACCES ? " (is your user in the dialout group?)" : "");
        return -1;
    }
    if (isatty(fd)) {
        struct termios t;
        if (tcgetattr(fd, &t) != 0 || (cfmakeraw(&t), t.c_cflag |= CLOCAL | CREAD,
                                       cfsetspeed(&t, baud_speed(baud))) != 0 ||
            tcsetattr(fd, TCSANOW, &t) != 0) {
            snprintf(err, err_len, "--attach %s: cannot set %u baud, raw: %s", path, baud,
                     strerror(errno));
            close(fd);
            return -1;
        }
    }
    a->fd = fd;
    return 0;
}
