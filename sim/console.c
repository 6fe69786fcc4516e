/*
 * sim/console.c - stdout/stdin behind UART0. Output is flushed at each newline so
 * a student sees lines as the guest prints them. A terminal on stdin is put in
 * non-canonical, no-echo mode (the guest echoes), keeping Ctrl-C working.
 * Partner: console.h.
 */
#include "console.h"

#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static bool termios_saved;

static void put_stdout(void *ctx, uint8_t byte)
{
    (void)ctx;
    putchar(byte);
    if (byte == '\n')
        fflush(stdout);
}

sim_chardev_t console_output(void)
{
    return (sim_chardev_t){put_stdout, NULL};
}

void console_flush(void)
{
    fflush(stdout);
}

static void restore_terminal(void)
{
    if (termios_saved)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}

static int poll_stdin(void *ctx, bool wait)
{
    (void)ctx;
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    int ready = poll(&p, 1, wait ? -1 : 0);
    if (ready < 0)
        return -2;
    if (ready == 0)
        return -1;
    unsigned char c;
    ssize_t n = read(STDIN_FILENO, &c, 1);
    return n == 1 ? c : -2;
}

sim_input_t console_input(void)
{
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) {
        struct termios raw = saved_termios;
        raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0) {
            termios_saved = true;
            atexit(restore_terminal);
        }
    }
    return (sim_input_t){poll_stdin, NULL};
}
