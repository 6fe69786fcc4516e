/*
 * tests/system/test_gdb.c - numbat-sim's GDB stub (--gdb) driven by gdb-multiarch
 * in batch mode and by a raw remote-protocol client, and --break without GDB.
 * Every wait is bounded and every child is killed. Partners: sim/gdbstub.c,
 * run_guest.c, docs/gdb.md.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run_guest.h"

#define HELLO IMAGE("arm-sim", "hello")
#define HELLO_APP "build/apps/hello/hello"
#define GDB_TIMEOUT 60

/* A numbat-sim waiting for GDB: its pid, port and output files. */
typedef struct sim_child {
    pid_t pid;
    unsigned port;
    char out_path[64], err_path[64];
} sim_child_t;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    char *text = calloc(1, 1 << 16);
    cr_assert_not_null(text);
    if (f) {
        size_t n = fread(text, 1, (1 << 16) - 1, f);
        text[n] = '\0';
        fclose(f);
    }
    return text;
}

/* Extra numbat-sim options for the next start_sim (a test sets them, e.g. --max-insns). */
static const char *sim_extra[2];

static pid_t spawn_sim(sim_child_t *c, const char *image)
{
    char port[16];
    snprintf(port, sizeof(port), "%u", c->port);
    pid_t pid = fork();
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        int out = open(c->out_path, O_WRONLY | O_TRUNC);
        int err = open(c->err_path, O_WRONLY | O_TRUNC);
        dup2(in, STDIN_FILENO);
        dup2(out, STDOUT_FILENO);
        dup2(err, STDERR_FILENO);
        const char *argv[8] = {SIM_PATH, "--gdb", port};
        size_t n = 3;
        for (size_t i = 0; i < 2 && sim_extra[i]; i++)
            argv[n++] = sim_extra[i];
        argv[n++] = image;
        execv(SIM_PATH, (char *const *)argv);
        _exit(127);
    }
    return pid;
}

/* Waits until the child listens (true) or exits (false, e.g. the port is taken). */
static bool wait_listening(sim_child_t *c)
{
    for (int tries = 0; tries < 200; tries++) {
        char *err = slurp(c->err_path);
        bool ready = strstr(err, "waiting for GDB on") != NULL;
        free(err);
        if (ready)
            return true;
        if (waitpid(c->pid, NULL, WNOHANG) == c->pid)
            return false;
        usleep(50 * 1000);
    }
    return false;
}

/* Starts numbat-sim --gdb on a random free high port, retrying taken ones. */
static void start_sim(sim_child_t *c, const char *image)
{
    strcpy(c->out_path, "/tmp/numbat-gdb-out-XXXXXX");
    strcpy(c->err_path, "/tmp/numbat-gdb-err-XXXXXX");
    close(mkstemp(c->out_path));
    close(mkstemp(c->err_path));
    srand((unsigned)time(NULL) ^ (unsigned)getpid());
    for (int attempt = 0; attempt < 10; attempt++) {
        c->port = 20000 + (unsigned)rand() % 40000;
        c->pid = spawn_sim(c, image);
        cr_assert_gt(c->pid, 0);
        if (wait_listening(c))
            return;
        kill(c->pid, SIGKILL);
        waitpid(c->pid, NULL, 0);
    }
    cr_assert_fail("numbat-sim --gdb never listened");
}

/* Waits (bounded) for the simulator to exit; returns its status, or -1 if killed. */
static int finish_sim(sim_child_t *c)
{
    int wstatus = 0;
    for (int tries = 0; tries < 200; tries++) {
        if (waitpid(c->pid, &wstatus, WNOHANG) == c->pid)
            return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
        usleep(50 * 1000);
    }
    kill(c->pid, SIGKILL);
    waitpid(c->pid, NULL, 0);
    return -1;
}

static void remove_files(sim_child_t *c)
{
    unlink(c->out_path);
    unlink(c->err_path);
}

/* gdb-multiarch -batch on `image` with the -ex commands in cmds (NULL-terminated). */
static run_result_t run_gdb(const sim_child_t *c, const char *image, const char *const cmds[])
{
    static char target[64];
    snprintf(target, sizeof(target), "target remote 127.0.0.1:%u", c->port);
    const char *argv[64] = {"gdb-multiarch", "-batch", "-nx", "-ex", "set architecture armv7",
                            "-ex", target};
    size_t n = 7;
    for (size_t i = 0; cmds[i] && n < 60; i++) {
        argv[n++] = "-ex";
        argv[n++] = cmds[i];
    }
    argv[n++] = image;
    argv[n] = NULL;
    return run_command(argv, GDB_TIMEOUT);
}

/* The value on the n-th (0-based) "name   0x..." line of `info registers` output. */
static bool register_line(const char *text, const char *name, int nth, unsigned long *value)
{
    char key[32];
    snprintf(key, sizeof(key), "\n%s ", name);
    const char *p = text;
    for (int i = 0; (p = strstr(p, key)) != NULL; i++, p++) {
        if (i == nth)
            return sscanf(p + strlen(key), " 0x%lx", value) == 1;
    }
    return false;
}

Test(gdb, kernel_breakpoint_and_stepi, .timeout = 120)
{
    sim_child_t sim;
    start_sim(&sim, HELLO);
    const char *cmds[] = {"break kernel_main", "continue", "info registers pc", "x/i $pc",
                          "stepi", "info registers pc", "kill", NULL};
    run_result_t r = run_gdb(&sim, HELLO, cmds);
    int sim_status = finish_sim(&sim);

    unsigned long bp = 0, pc0 = 0, pc1 = 0;
    const char *at = strstr(r.out, "Breakpoint 1 at ");
    cr_assert_not_null(at, "no breakpoint set: %s\n%s", r.out, r.err);
    cr_assert_eq(sscanf(at, "Breakpoint 1 at 0x%lx", &bp), 1);
    cr_expect(strstr(r.out, "Breakpoint 1, kernel_main") != NULL, "not hit: %s", r.out);
    cr_assert(register_line(r.out, "pc", 0, &pc0) && register_line(r.out, "pc", 1, &pc1),
              "no pc lines: %s", r.out);
    cr_expect_eq(pc0, bp, "stopped at 0x%lx, breakpoint at 0x%lx", pc0, bp);
    cr_expect_eq(pc1, bp + 4, "stepi went from 0x%lx to 0x%lx", pc0, pc1);
    cr_expect(strstr(r.out, "=> 0x") != NULL, "x/i $pc printed nothing: %s", r.out);
    char *err = slurp(sim.err_path);
    cr_expect_eq(sim_status, 0, "numbat-sim status %d: %s", sim_status, err);
    cr_expect(strstr(err, "killed by the debugger") != NULL, "%s", err);
    free(err);
    run_result_free(&r);
    remove_files(&sim);
}

Test(gdb, user_breakpoint_in_user_mode, .timeout = 120)
{
    sim_child_t sim;
    start_sim(&sim, HELLO);
    const char *cmds[] = {"add-symbol-file " HELLO_APP " 0x10000", "break main", "continue",
                          "info registers cpsr", "continue", NULL};
    run_result_t r = run_gdb(&sim, HELLO, cmds);
    int sim_status = finish_sim(&sim);

    unsigned long cpsr = 0;
    cr_expect(strstr(r.out, "Breakpoint 1, main ()") != NULL, "not hit: %s\n%s", r.out, r.err);
    cr_assert(register_line(r.out, "cpsr", 0, &cpsr), "no cpsr: %s", r.out);
    cr_expect_eq(cpsr & 0x1F, 0x10, "cpsr 0x%lx is not user mode", cpsr);
    /* Continuing runs the program to its end: the guest's shutdown is GDB's exit. */
    cr_expect(strstr(r.out, "exited normally") != NULL, "%s", r.out);
    char *out = slurp(sim.out_path);
    cr_expect(strstr(out, "Hello from the Numbat root task!") != NULL, "%s", out);
    cr_expect_eq(sim_status, 0);
    free(out);
    run_result_free(&r);
    remove_files(&sim);
}

/* `set $cpsr = 0` from User mode once aborted numbat-sim inside Unicorn (status 134). */
Test(gdb, invalid_cpsr_mode_is_refused, .timeout = 120)
{
    sim_child_t sim;
    start_sim(&sim, HELLO);
    const char *cmds[] = {"set $cpsr = 0x10", "set $cpsr = 0", "info registers cpsr", "stepi",
                          "info registers cpsr", "kill", NULL};
    run_result_t r = run_gdb(&sim, HELLO, cmds);
    int sim_status = finish_sim(&sim);

    unsigned long cpsr0 = 0, cpsr1 = 0;
    cr_expect(strstr(r.err, "Could not write register \"cpsr\"") != NULL, "%s", r.err);
    cr_assert(register_line(r.out, "cpsr", 0, &cpsr0) && register_line(r.out, "cpsr", 1, &cpsr1),
              "no cpsr lines: %s\n%s", r.out, r.err);
    cr_expect_eq(cpsr0, 0x10, "the refused write changed cpsr to 0x%lx", cpsr0);
    cr_expect_eq(cpsr1 & 0x1F, 0x10, "still in User mode after a step: 0x%lx", cpsr1);
    char *err = slurp(sim.err_path);
    cr_expect_eq(sim_status, 0, "numbat-sim status %d: %s", sim_status, err);
    cr_expect(strstr(err, "killed by the debugger") != NULL, "%s", err);
    free(err);
    run_result_free(&r);
    remove_files(&sim);
}

/* ---- a raw remote-protocol client: Ctrl-C, s, checksums -------------------------- */

static int connect_to(unsigned port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    cr_assert_geq(fd, 0);
    cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof(a)), 0, "cannot connect");
    return fd;
}

/* The next byte, waiting at most 10 s; -1 on timeout or end. */
static int get_byte(int fd)
{
    struct pollfd p = {.fd = fd, .events = POLLIN};
    unsigned char c;
    if (poll(&p, 1, 10000) <= 0 || read(fd, &c, 1) != 1)
        return -1;
    return c;
}

/* Reads one packet's data into buf (and acks it); false on timeout. */
static bool get_packet(int fd, char *buf, size_t cap)
{
    int c;
    while ((c = get_byte(fd)) >= 0 && c != '$')
        ;
    size_t n = 0;
    while ((c = get_byte(fd)) >= 0 && c != '#')
        if (n + 1 < cap)
            buf[n++] = (char)c;
    buf[n] = '\0';
    bool ok = c == '#' && get_byte(fd) >= 0 && get_byte(fd) >= 0;
    return ok && write(fd, "+", 1) == 1;
}

static void put_packet(int fd, const char *data)
{
    char frame[256];
    unsigned sum = 0;
    for (const char *p = data; *p; p++)
        sum += (unsigned char)*p;
    int n = snprintf(frame, sizeof(frame), "$%s#%02x", data, sum & 0xFF);
    cr_assert_eq(write(fd, frame, (size_t)n), n);
    cr_assert_eq(get_byte(fd), '+', "no ack for %s", data);
}

static void exchange(int fd, const char *request, char *reply, size_t cap)
{
    put_packet(fd, request);
    cr_assert(get_packet(fd, reply, cap), "no reply to %s", request);
}

Test(gdb, raw_protocol_step_and_interrupt, .timeout = 120)
{
    sim_child_t sim;
    char reply[512];
    /* The in-kernel suite runs for seconds even on Unicorn 2.1 (preempt, 33 million
       instructions, ends in 0.25 s there, before the Ctrl-C): long enough to interrupt. */
    start_sim(&sim, IMAGE("arm-sim", "sel4test"));
    int fd = connect_to(sim.port);
    cr_assert_eq(write(fd, "$g#00", 5), 5);
    cr_expect_eq(get_byte(fd), '-', "a bad checksum wants a NAK");
    exchange(fd, "qSupported:swbreak+", reply, sizeof(reply));
    cr_expect(strstr(reply, "qXfer:features:read+") != NULL, "%s", reply);
    exchange(fd, "s", reply, sizeof(reply));
    cr_expect_eq(strncmp(reply, "T05", 3), 0, "%s", reply);
    exchange(fd, "pf", reply, sizeof(reply));
    cr_expect_str_eq(reply, "04000080", "one step from the entry 0x80000000 (the image's first byte)");
    put_packet(fd, "c");
    usleep(300 * 1000);
    cr_assert_eq(write(fd, "\x03", 1), 1);
    cr_assert(get_packet(fd, reply, sizeof(reply)), "no stop after Ctrl-C");
    cr_expect_eq(strncmp(reply, "T02", 3), 0, "Ctrl-C is SIGINT: %s", reply);
    exchange(fd, "vKill;1", reply, sizeof(reply));
    cr_expect_str_eq(reply, "OK");
    close(fd);
    cr_expect_eq(finish_sim(&sim), 0);
    remove_files(&sim);
}

/* ---- --break without GDB ---------------------------------------------------------- */

Test(gdb, break_option_reports_and_goes_on, .timeout = 120)
{
    const char *plain_args[] = {NULL};
    const char *break_args[] = {"--break", "kernel_main", "--break", "0x10000", NULL};
    run_result_t plain = run_sim(HELLO, plain_args);
    run_result_t r = run_sim(HELLO, break_args);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.err, "numbat-sim: breakpoint at kernel_main\n") != NULL, "%s", r.err);
    cr_expect(strstr(r.err, "is kernel_main+0x0") != NULL, "registers not reported: %s", r.err);
    cr_expect(strstr(r.err, "numbat-sim: breakpoint at 0x10000\n") != NULL, "%s", r.err);
    cr_expect(strstr(r.err, "(mode usr") != NULL, "user breakpoint not in user mode: %s", r.err);
    /* Breakpoints change nothing the guest can see. */
    cr_expect_str_eq(r.out, plain.out);
    run_result_free(&plain);
    run_result_free(&r);
}

Test(gdb, break_option_unknown_symbol, .timeout = 60)
{
    const char *args[] = {"--break", "no_such_function", NULL};
    run_result_t r = run_sim(HELLO, args);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "--break no_such_function: no such symbol") != NULL, "%s", r.err);
    run_result_free(&r);
}

/* The text after the first `marker` in GDB's output (empty if none). */
static const char *after(const char *text, const char *marker)
{
    const char *at = strstr(text, marker);
    return at ? at + strlen(marker) : "";
}

/*
 * Going back in time through GDB (docs/time-travel.md): from a stop the guest cannot go
 * on from (here --max-insns, reported as SIGXCPU), reverse-continue stops at the
 * breakpoint reached last (twice here: the last system call may sit just before the
 * --max-insns stop, leaving no room to step forward); reverse-stepi undoes a stepi;
 * going back to the first
 * instruction and running forward again reaches the same stop with the same registers.
 */
Test(gdb, reverse_continue_and_reverse_stepi, .timeout = 120)
{
    sim_child_t sim;
    sim_extra[0] = "--max-insns";
    sim_extra[1] = "712000";
    start_sim(&sim, HELLO);
    sim_extra[0] = sim_extra[1] = NULL;
    const char *cmds[] = {"continue", "echo ==crash\\n", "info registers",
                          "break arch_handle_syscall", "reverse-continue", "reverse-continue",
                          "echo ==back\\n", "info registers pc",
                          "stepi", "echo ==step1\\n", "info registers pc",
                          "stepi", "echo ==stepped\\n", "info registers pc",
                          "reverse-stepi", "echo ==reversed\\n", "info registers pc",
                          "delete", "break _start", "reverse-continue", "echo ==start\\n",
                          "info registers pc", "reverse-continue", "delete", "continue",
                          "echo ==again\\n", "info registers", "kill", NULL};
    run_result_t r = run_gdb(&sim, HELLO, cmds);
    int sim_status = finish_sim(&sim);

    cr_assert(strstr(r.out, "SIGXCPU") != NULL, "no stop at --max-insns: %s\n%s", r.out, r.err);
    unsigned long bp = 0, pc = 0, step1 = 0, stepped = 0, reversed = 0, start = 0, sym = 0;
    const char *at = strstr(r.out, "Breakpoint 1 at ");
    cr_assert(at && sscanf(at, "Breakpoint 1 at 0x%lx", &bp) == 1, "%s", r.out);
    cr_expect(strstr(r.out, "Breakpoint 1, arch_handle_syscall") != NULL, "%s", r.out);
    cr_assert(register_line(after(r.out, "==back"), "pc", 0, &pc), "%s", r.out);
    cr_expect_eq(pc, bp, "reverse-continue stopped at 0x%lx, breakpoint at 0x%lx", pc, bp);
    /* The code after the breakpoint may branch: reverse-stepi must land where the
       first stepi did, whatever that is. */
    cr_assert(register_line(after(r.out, "==step1"), "pc", 0, &step1), "%s", r.out);
    cr_assert(register_line(after(r.out, "==stepped"), "pc", 0, &stepped), "%s", r.out);
    cr_assert(register_line(after(r.out, "==reversed"), "pc", 0, &reversed), "%s", r.out);
    cr_expect_neq(step1, bp, "stepi did not move from 0x%lx", bp);
    cr_expect_neq(stepped, step1, "the second stepi did not move from 0x%lx", step1);
    cr_expect_eq(reversed, step1, "reverse-stepi went back to 0x%lx, not 0x%lx", reversed, step1);
    at = strstr(r.out, "Breakpoint 2 at ");
    cr_assert(at && sscanf(at, "Breakpoint 2 at 0x%lx", &sym) == 1, "%s", r.out);
    cr_assert(register_line(after(r.out, "==start"), "pc", 0, &start), "%s", r.out);
    cr_expect_eq(start, sym, "back at 0x%lx, _start is 0x%lx", start, sym);
    cr_expect(strstr(r.out, "No more reverse-execution history") != NULL, "%s", r.out);
    /* Forward from the first instruction: the same stop, with the same registers. */
    char *first = strdup(after(r.out, "==crash"));
    char *end = strstr(first, "Breakpoint 1 at");
    if (end)
        *end = '\0';
    const char *again = after(r.out, "==again");
    cr_expect(strncmp(first, again, strlen(first)) == 0, "registers differ:\n%s\n---\n%s", first,
              again);
    free(first);
    char *out = slurp(sim.out_path);
    cr_expect_eq(count_occurrences(out, "Hello from the Numbat root task!"), 1,
                 "the console shows each line once: %s", out);
    free(out);
    cr_expect_eq(sim_status, 4, "kill after the --max-insns stop ends the run as that stop");
    run_result_free(&r);
    remove_files(&sim);
}

/* The n-th (0-based) "<label> value = (tcb_t *) 0x..." after `from`; 0 if none. */
static unsigned long nth_value(const char *from, const char *label, int n)
{
    char key[32];
    snprintf(key, sizeof(key), "%s value = (tcb_t *) ", label);
    const char *p = from;
    unsigned long v = 0;
    for (int i = 0; i <= n; i++) {
        p = strstr(p, key);
        if (!p)
            return 0;
        p += strlen(key);
    }
    sscanf(p, "0x%lx", &v);
    return v;
}

/*
 * Watchpoints (docs/gdb.md, docs/time-travel.md): `watch` on the kernel's current
 * thread in the ipc image, which switches between two threads. Three continues stop
 * at three stores (GDB shows the old and new value after stepping over each); then
 * reverse-continue goes back to the last store and to the one before, each time
 * before its instruction, with the value as it was before that store.
 */
Test(gdb, watch_then_reverse_continue_to_the_previous_hit, .timeout = 120)
{
    sim_child_t sim;
    start_sim(&sim, IMAGE("arm-sim", "ipc"));
    const char *cmds[] = {"watch current_thread", "continue", "continue", "continue",
                          "echo ==third\\n", "info registers pc", "reverse-continue",
                          "echo ==back1\\n", "info registers pc", "reverse-continue",
                          "echo ==back2\\n", "info registers pc", "kill", NULL};
    run_result_t r = run_gdb(&sim, IMAGE("arm-sim", "ipc"), cmds);
    finish_sim(&sim);

    cr_assert(strstr(r.out, "Hardware watchpoint 1: current_thread") != NULL,
              "GDB did not take a hardware watchpoint: %s\n%s", r.out, r.err);
    /* Forward: stores 0, 1, 2, each "Old value" the "New value" before it. */
    unsigned long old[3], new[3];
    for (int i = 0; i < 3; i++) {
        old[i] = nth_value(r.out, "Old", i);
        new[i] = nth_value(r.out, "New", i);
        cr_expect_neq(old[i], new[i], "store %d changed nothing: %s", i, r.out);
    }
    cr_expect_eq(old[1], new[0], "%s", r.out);
    cr_expect_eq(old[2], new[1], "%s", r.out);
    unsigned long third = 0, back1 = 0, back2 = 0; /* back2: parsed, so GDB stopped there */
    cr_assert(register_line(after(r.out, "==third"), "pc", 0, &third), "%s", r.out);
    cr_assert(register_line(after(r.out, "==back1"), "pc", 0, &back1), "%s", r.out);
    cr_assert(register_line(after(r.out, "==back2"), "pc", 0, &back2), "%s", r.out);
    /* Back over store 2: its value is undone, and GDB stands before the store (the
       forward stop was after it, the store being one ARM instruction). */
    const char *b1 = after(r.out, "==third");
    cr_expect_eq(nth_value(b1, "Old", 0), new[2], "%s", b1);
    cr_expect_eq(nth_value(b1, "New", 0), old[2], "%s", b1);
    cr_expect_eq(back1 + 4, third, "back at 0x%lx, the stop after the store at 0x%lx", back1, third);
    /* And back over store 1, the previous hit. */
    const char *b2 = after(r.out, "==back1");
    cr_expect_eq(nth_value(b2, "Old", 0), new[1], "%s", b2);
    cr_expect_eq(nth_value(b2, "New", 0), old[1], "%s", b2);
    run_result_free(&r);
    remove_files(&sim);
}

/*
 * From a stop the guest cannot go on from (--max-insns, SIGXCPU), reverse-continue stops
 * at the watched store made last: before it, with the value it replaced.
 */
Test(gdb, reverse_continue_from_the_end_stops_at_the_last_watched_store, .timeout = 120)
{
    sim_child_t sim;
    sim_extra[0] = "--max-insns";
    sim_extra[1] = "740000";
    start_sim(&sim, IMAGE("arm-sim", "ipc"));
    sim_extra[0] = sim_extra[1] = NULL;
    const char *cmds[] = {"continue", "watch current_thread", "reverse-continue",
                          "echo ==back\\n", "info registers pc", "kill", NULL};
    run_result_t r = run_gdb(&sim, IMAGE("arm-sim", "ipc"), cmds);
    finish_sim(&sim);

    cr_assert(strstr(r.out, "SIGXCPU") != NULL, "no stop at --max-insns: %s\n%s", r.out, r.err);
    const char *back = after(r.out, "SIGXCPU");
    cr_expect(strstr(back, "Hardware watchpoint 1: current_thread") != NULL, "%s", back);
    cr_expect(nth_value(back, "Old", 0) != 0, "the store replaced a thread: %s", back);
    cr_expect(strstr(back, "New value = (tcb_t *) 0x0") != NULL, "undone, it is NULL: %s", back);
    cr_expect(strstr(after(back, "==back"), "<schedule_and_exit") != NULL,
              "stopped at the store in the scheduler: %s", back);
    cr_expect(strstr(back, "No more reverse-execution history") == NULL, "%s", back);
    run_result_free(&r);
    remove_files(&sim);
}
