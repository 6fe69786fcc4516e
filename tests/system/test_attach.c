/*
 * tests/system/test_attach.c - numbat-sim --attach: QEMU runs tests/system/caps with
 * UART1 on a TCP port, numbat-sim follows the trace stream and draws the PNG; QEMU
 * started stopped (-S) is released by numbat-sim (--release: `cont` at its monitor)
 * and followed from its first event; and a refused connection is one line and exit
 * status 2. Partners: run_guest.c,
 * visualizer/attach.c.
 */
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run_guest.h"

/* A port nobody listens on now: bind to 0, read it back, close. */
static unsigned free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(sa);
    cr_assert(bind(fd, (struct sockaddr *)&sa, len) == 0 &&
              getsockname(fd, (struct sockaddr *)&sa, &len) == 0);
    close(fd);
    return ntohs(sa.sin_port);
}

/* QEMU waits (wait=on) for the first client on the port, then runs caps.elf. */
static pid_t start_qemu(unsigned port)
{
    char serial[64];
    snprintf(serial, sizeof(serial), "tcp:127.0.0.1:%u,server=on,wait=on", port);
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "r", stdin);
        freopen("/dev/null", "w", stdout);
        alarm(60); /* bounded even if nobody connects */
        execlp("qemu-system-arm", "qemu-system-arm", "-M", "vexpress-a15", "-m", "128M",
               "-nographic", "-audiodev", "none,id=none", "-no-reboot", "-serial", "mon:stdio",
               "-serial", serial, "-kernel", "build/vexpress-a15/caps-trace.elf", (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Runs numbat-sim --attach, again while QEMU is not yet listening (up to ~10 s). */
static run_result_t attach_with_retries(const char *where, const char *png)
{
    const char *argv[] = {SIM_PATH, "--attach", where, "--screenshot", png, NULL};
    time_t give_up = time(NULL) + 10;
    for (;;) {
        run_result_t r = run_command(argv, 60);
        if (r.status != 2 || !strstr(r.err, "refused") || time(NULL) >= give_up)
            return r;
        run_result_free(&r);
        usleep(200 * 1000);
    }
}

Test(attach, follows_qemu_and_draws_the_screenshot)
{
    unsigned port = free_port();
    char where[32], png[64];
    snprintf(where, sizeof(where), "127.0.0.1:%u", port);
    snprintf(png, sizeof(png), "/tmp/numbat-attach-%d.png", (int)getpid());
    unlink(png);
    pid_t qemu = start_qemu(port);
    run_result_t r = attach_with_retries(where, png);
    kill(qemu, SIGKILL); /* normally gone already: the guest halted (-no-reboot) */
    waitpid(qemu, NULL, 0);
    cr_assert_eq(r.status, 0, "status %d: %s", r.status, r.err);
    unsigned events = 0, caps = 0;
    const char *line = strstr(r.err, "numbat-sim: attached to ");
    cr_assert_not_null(line, "%s", r.err);
    cr_assert_eq(sscanf(strchr(line + 24, ' ') + 1, "%u events, %u caps", &events, &caps), 2,
                 "%s", line);
    cr_expect_gt(events, 100, "%s", line);
    cr_expect_gt(caps, 50, "%s", line);
    FILE *f = fopen(png, "rb");
    cr_assert_not_null(f, "no %s", png);
    unsigned char h[24] = {0};
    size_t got = fread(h, 1, sizeof(h), f);
    fclose(f);
    unlink(png);
    cr_assert_eq(got, sizeof(h));
    cr_expect(memcmp(h, "\x89PNG\r\n\x1a\n", 8) == 0, "not a PNG");
    unsigned width = (unsigned)h[16] << 24 | h[17] << 16 | h[18] << 8 | h[19];
    cr_expect_eq(width, 1600);
    run_result_free(&r);
}

Test(attach, refused_connection_is_one_line_and_status_2)
{
    char where[32];
    snprintf(where, sizeof(where), "127.0.0.1:%u", free_port());
    const char *argv[] = {SIM_PATH, "--attach", where, NULL};
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(r.status, 2, "status %d: %s", r.status, r.err);
    cr_expect(strncmp(r.err, "numbat-sim: ", 12) == 0, "%s", r.err);
    cr_expect_eq(count_occurrences(r.err, "\n"), 1, "one line wanted: %s", r.err);
    run_result_free(&r);
}

/* QEMU stopped (-S) with its monitor on mport (0: no monitor); UART1 on sport without
 * waiting for a client (wait=off): anything it sent before numbat-sim connected would be
 * lost. */
static pid_t start_qemu_stopped(unsigned sport, unsigned mport)
{
    char serial[64], monitor[64] = "none";
    snprintf(serial, sizeof(serial), "tcp:127.0.0.1:%u,server=on,wait=off", sport);
    if (mport)
        snprintf(monitor, sizeof(monitor), "tcp:127.0.0.1:%u,server=on,wait=off", mport);
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "r", stdin);
        freopen("/dev/null", "w", stdout);
        alarm(60);
        execlp("qemu-system-arm", "qemu-system-arm", "-M", "vexpress-a15", "-m", "128M",
               "-nographic", "-audiodev", "none,id=none", "-no-reboot", "-S", "-monitor", monitor,
               "-serial", "null", "-serial", serial, "-kernel", "build/vexpress-a15/caps-trace.elf",
               (char *)NULL);
        _exit(127);
    }
    return pid;
}

Test(attach, qemu_started_stopped_is_released_and_followed_from_its_boot_event)
{
    unsigned sport = free_port(), mport = free_port();
    char where[32], monitor[32];
    snprintf(where, sizeof(where), "127.0.0.1:%u", sport);
    snprintf(monitor, sizeof(monitor), "127.0.0.1:%u", mport);
    pid_t qemu = start_qemu_stopped(sport, mport);
    /* Had QEMU run meanwhile, its first events would be gone (nobody was connected). */
    sleep(1);
    const char *argv[] = {SIM_PATH, "--attach", where, "--release", monitor, NULL};
    run_result_t r = run_command(argv, 60);
    kill(qemu, SIGKILL);
    waitpid(qemu, NULL, 0);
    cr_assert_eq(r.status, 0, "status %d: %s", r.status, r.err);
    /* Text mode: one event a line, the first one the kernel's boot event. */
    char first[64] = "";
    cr_assert_eq(sscanf(r.out, "%*s %63s", first), 1, "%s", r.out);
    cr_expect_str_eq(first, "boot", "the first event seen: %s", first);
    unsigned events = 0, caps = 0;
    const char *line = strstr(r.err, "numbat-sim: attached to ");
    cr_assert_not_null(line, "%s", r.err);
    cr_assert_eq(sscanf(strchr(line + 24, ' ') + 1, "%u events, %u caps", &events, &caps), 2,
                 "%s", line);
    cr_expect_gt(events, 100, "%s", line);
    run_result_free(&r);
}

Test(attach, release_without_a_monitor_is_one_line_and_status_2)
{
    unsigned sport = free_port(), mport = free_port();
    char where[32], monitor[32];
    snprintf(where, sizeof(where), "127.0.0.1:%u", sport);
    snprintf(monitor, sizeof(monitor), "127.0.0.1:%u", mport);
    /* The trace port listens; nothing listens on the monitor's. */
    pid_t qemu = start_qemu_stopped(sport, 0);
    const char *argv[] = {SIM_PATH, "--attach", where, "--release", monitor, NULL};
    run_result_t r = run_command(argv, 60);
    kill(qemu, SIGKILL);
    waitpid(qemu, NULL, 0);
    cr_expect_eq(r.status, 2, "status %d: %s", r.status, r.err);
    cr_expect(strstr(r.err, "--release") != NULL, "%s", r.err);
    cr_expect_eq(count_occurrences(r.err, "\n"), 1, "one line wanted: %s", r.err);
    run_result_free(&r);
}

/* The window (SDL's offscreen driver stands in for a display) releases QEMU once it
 * has drawn a frame: the guest then runs to its halt and QEMU exits by itself
 * (-no-reboot), well before the 60 s alarm that would kill a QEMU left stopped. */
Test(attach, the_window_releases_qemu_started_stopped, .timeout = 120)
{
    unsigned sport = free_port(), mport = free_port();
    char where[32], monitor[32];
    snprintf(where, sizeof(where), "127.0.0.1:%u", sport);
    snprintf(monitor, sizeof(monitor), "127.0.0.1:%u", mport);
    pid_t qemu = start_qemu_stopped(sport, mport);
    pid_t sim = fork();
    if (sim == 0) {
        freopen("/dev/null", "r", stdin);
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        alarm(90);
        execl(SIM_PATH, SIM_PATH, "--attach", where, "--release", monitor, "--gui", (char *)NULL);
        _exit(127);
    }
    int status = 0;
    cr_assert_eq(waitpid(qemu, &status, 0), qemu);
    kill(sim, SIGKILL); /* the window stays open after the run ends, until closed */
    int sim_status = 0;
    waitpid(sim, &sim_status, 0);
    cr_expect(WIFSIGNALED(sim_status) && WTERMSIG(sim_status) == SIGKILL,
              "numbat-sim ended before it was closed (status %#x)", sim_status);
    cr_expect(WIFEXITED(status), "QEMU was never released (killed by signal %d)",
              WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
