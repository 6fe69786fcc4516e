/*
 * tests/system/run_guest.c - child-process plumbing for the system tests. Output
 * is gathered with poll() from both pipes so neither can fill and block the child.
 * Partner: run_guest.h.
 */
#include "run_guest.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct buf {
    char *data;
    size_t len, cap;
} buf_t;

static void buf_append(buf_t *b, const char *src, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, src, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static pid_t spawn(const char *const argv[], int out_fd[2], int err_fd[2])
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        dup2(null, STDIN_FILENO);
        dup2(out_fd[1], STDOUT_FILENO);
        dup2(err_fd[1], STDERR_FILENO);
        close(out_fd[0]);
        close(err_fd[0]);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(out_fd[1]);
    close(err_fd[1]);
    return pid;
}

run_result_t run_command(const char *const argv[], unsigned timeout_s)
{
    int out_fd[2], err_fd[2];
    buf_t out = {0}, err = {0};
    buf_append(&out, "", 0);
    buf_append(&err, "", 0);
    if (pipe(out_fd) != 0 || pipe(err_fd) != 0)
        abort();
    pid_t pid = spawn(argv, out_fd, err_fd);
    time_t deadline = time(NULL) + (time_t)timeout_s * RUN_TIMEOUT_SCALE;
    struct pollfd fds[2] = {{out_fd[0], POLLIN, 0}, {err_fd[0], POLLIN, 0}};
    int open_fds = 2;
    while (open_fds > 0 && time(NULL) < deadline) {
        if (poll(fds, 2, 1000) <= 0)
            continue;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            char chunk[4096];
            ssize_t n = read(fds[i].fd, chunk, sizeof(chunk));
            if (n > 0) {
                buf_append(i == 0 ? &out : &err, chunk, (size_t)n);
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    if (open_fds > 0)
        kill(pid, SIGKILL);
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    int status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    return (run_result_t){status, out.data, err.data};
}

run_result_t run_sim(const char *image, const char *const extra[])
{
    const char *argv[32] = {SIM_PATH};
    size_t n = 1;
    for (size_t i = 0; extra && extra[i] && n < 30; i++)
        argv[n++] = extra[i];
    argv[n++] = image;
    argv[n] = NULL;
    return run_command(argv, 120);
}

run_result_t run_qemu(const char *image)
{
    const char *argv[] = {"qemu-system-arm", "-M", "vexpress-a15", "-m", "128M", "-nographic",
                          "-audiodev", "none,id=none", "-no-reboot", "-kernel", image, NULL};
    return run_command(argv, 60);
}

/* raspi2b's serial0 is UART0, the PL011 the kernel's console uses; the watchdog
 * reset at shutdown ends QEMU (-no-reboot). */
run_result_t run_qemu_raspi2(const char *image)
{
    const char *argv[] = {"qemu-system-arm", "-M", "raspi2b", "-nographic", "-monitor", "none",
                          "-serial", "stdio", "-no-reboot", "-kernel", image, NULL};
    return run_command(argv, 60);
}

/* The raw image as a Pi's firmware loads kernel7.img: at 0x8000, core 0 started there. */
run_result_t run_qemu_raspi2_binary(const char *binary)
{
    char loader[512];
    snprintf(loader, sizeof(loader), "loader,file=%s,addr=0x8000,cpu-num=0", binary);
    const char *argv[] = {"qemu-system-arm", "-M", "raspi2b", "-nographic", "-monitor", "none",
                          "-serial", "stdio", "-no-reboot", "-device", loader, NULL};
    return run_command(argv, 60);
}

void run_result_free(run_result_t *r)
{
    free(r->out);
    free(r->err);
}

size_t count_occurrences(const char *haystack, const char *needle)
{
    size_t count = 0, len = strlen(needle);
    for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += len)
        count++;
    return count;
}

char *drop_line_containing(const char *text, const char *needle)
{
    char *copy = strdup(text);
    char *hit = strstr(copy, needle);
    if (!hit)
        return copy;
    char *start = hit;
    while (start > copy && start[-1] != '\n')
        start--;
    char *end = strchr(hit, '\n');
    end = end ? end + 1 : hit + strlen(hit);
    memmove(start, end, strlen(end) + 1);
    return copy;
}
