/*
 * tests/system/test_raspi2.c - the Raspberry Pi 2/3 build under QEMU's raspi2b:
 * the same programs print what the arm-sim build prints on numbat-sim (given the
 * 256 MiB the raspi2 kernel window holds), the banner line aside; the in-kernel
 * suite passes; the raw kernel7.img boots from 0x8000 as a Pi's firmware starts it;
 * the banner names what differs between a Pi 2 and a Pi 3; the early entry drops
 * from HYP mode (a Pi's firmware enters there, raspi2b does not) to SVC; with
 * TRACE=uart the trace frames come between the console text on UART0, and
 * numbat-sim --attach reads both from a serial device (a pseudo-terminal here).
 * Partners: run_guest.c, test_qemu.c (the same for vexpress-a15),
 * raspi2_hyp_probe.S, docs/raspi.md.
 */
#define _GNU_SOURCE /* posix_openpt, ptsname */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "run_guest.h"

#define BANNER "Numbat 0.1 on "
/* numbat-sim with the RAM the raspi2 kernel uses (its window's 256 MiB of the
 * board's 960), so untyped sizes match. */
static const char *const sim_ram[] = {"--mem", "256M", NULL};

/* The console without the banner, and without `also_drop` (a line that names a
 * board difference) if given. */
static char *console_text(const char *out, const char *also_drop)
{
    char *text = drop_line_containing(out, BANNER);
    if (also_drop) {
        char *t = drop_line_containing(text, also_drop);
        free(text);
        text = t;
    }
    return text;
}

static void expect_same_console_but(const char *app, const char *also_drop)
{
    char sim_image[128], pi_image[128];
    snprintf(sim_image, sizeof(sim_image), "build/arm-sim/%s.elf", app);
    snprintf(pi_image, sizeof(pi_image), "build/raspi2/%s.elf", app);
    run_result_t s = run_sim(sim_image, sim_ram);
    run_result_t q = run_qemu_raspi2(pi_image);
    cr_assert(strstr(q.out, BANNER "raspi2") != NULL, "QEMU printed:\n%s\n%s", q.out, q.err);
    char *sim_text = console_text(s.out, also_drop), *pi_text = console_text(q.out, also_drop);
    cr_expect_str_eq(sim_text, pi_text, "%s differs:\n--- numbat-sim\n%s\n--- qemu raspi2b\n%s", app,
                     sim_text, pi_text);
    free(sim_text);
    free(pi_text);
    run_result_free(&s);
    run_result_free(&q);
}

static void expect_same_console(const char *app)
{
    expect_same_console_but(app, NULL);
}

Test(raspi2, hello_prints_the_same)
{
    expect_same_console("hello");
}

Test(raspi2, spin_prints_the_same)
{
    expect_same_console("spin");
}

Test(raspi2, null_deref_report_is_the_same)
{
    expect_same_console("null-deref");
}

Test(raspi2, undefined_instruction_report_is_the_same)
{
    expect_same_console("undefined-insn");
}

Test(raspi2, unknown_syscall_report_is_the_same)
{
    expect_same_console("bad-syscall");
}

Test(raspi2, yield_prints_the_same)
{
    expect_same_console("yield");
}

/* The number of untyped caps follows the board's device space, which differs. */
Test(raspi2, capability_tour_prints_the_same_but_the_untyped_count)
{
    expect_same_console_but("caps", "untyped caps: ");
}

Test(raspi2, preemption_results_are_the_same)
{
    expect_same_console("preempt");
}

Test(raspi2, ipc_client_and_server_print_the_same)
{
    expect_same_console("ipc");
}

/* sel4libs' default ltimer is the system timer here (ltimer_systimer.c), the second
 * SP804 on numbat-sim: the program cannot tell, but its image holds the other driver,
 * so the kernel's line with the image's bounds may differ. */
Test(raspi2, sel4libs_timer_prints_the_same)
{
    expect_same_console_but("sel4libs-timer", "numbat: root task 'sel4libs-timer': image ");
}

Test(raspi2, in_kernel_suite_passes_on_raspi2b)
{
    run_result_t q = run_qemu_raspi2("build/raspi2/sel4test.elf");
    const char *line = strstr(q.out, " passed, ");
    cr_assert_not_null(line, "no summary from QEMU:\n%s\n%s", q.out, q.err);
    while (line > q.out && line[-1] != '\n')
        line--;
    unsigned passed = 0, failed = 0;
    cr_assert_eq(sscanf(line, "%u passed, %u failed", &passed, &failed), 2);
    printf("sel4test on qemu raspi2b: %u passed, %u failed\n", passed, failed);
    cr_expect_eq(failed, 0, "failures:\n%s", q.out);
    cr_expect_geq(passed, 100);
    run_result_free(&q);
}

Test(raspi2, kernel7_img_boots_from_0x8000)
{
    run_result_t q = run_qemu_raspi2_binary("build/raspi2/hello.img");
    cr_expect(strstr(q.out, "Hello from the Numbat root task!") != NULL, "QEMU printed:\n%s\n%s",
              q.out, q.err);
    run_result_free(&q);
}

/* CPU model (MIDR), timer frequency (CNTFRQ) and RAM (the firmware's answer) are
 * read at boot: QEMU's raspi2b is a Cortex-A7 r0p5 with a 62.5 MHz generic timer and
 * gives the ARM 960 of its 1024 MiB. */
Test(raspi2, banner_names_cpu_timer_and_ram_read_at_boot)
{
    run_result_t q = run_qemu_raspi2("build/raspi2/hello.elf");
    cr_expect(strstr(q.out, BANNER "raspi2 (Cortex-A7 r0p5, 62.5 MHz timer), 960 MiB RAM\r\n") != NULL,
              "QEMU printed:\n%s", q.out);
    run_result_free(&q);
}

/* virt with virtualization=on enters an ELF in HYP mode (0x1a); board_early_entry
 * must come back in SVC mode (0x13) with A, I and F masked. */
Test(raspi2, early_entry_drops_from_hyp_to_svc)
{
    const char *probe = "build/raspi2/hyp_probe.elf";
    const char *const cc[] = {"arm-none-eabi-gcc", "-march=armv7-a", "-nostdlib",
                              "-Wl,-Ttext=0x40010000", "-Wl,--section-start=.boot.text=0x40020000",
                              "-o", probe, "tests/system/raspi2_hyp_probe.S",
                              "plat/raspi2/entry.S", NULL};
    run_result_t b = run_command(cc, 60);
    cr_assert_eq(b.status, 0, "probe build failed:\n%s", b.err);
    run_result_free(&b);
    /* The probe spins when done: the time limit ends QEMU. */
    const char *const qemu[] = {"qemu-system-arm", "-M", "virt,virtualization=on", "-cpu",
                                "cortex-a15", "-nographic", "-monitor", "none", "-serial",
                                "stdio", "-kernel", probe, NULL};
    run_result_t q = run_command(qemu, 2);
    unsigned before = 0, after = 0;
    cr_assert_eq(sscanf(q.out, "%x %x", &before, &after), 2, "QEMU printed:\n%s\n%s", q.out, q.err);
    cr_expect_eq(before & 0x1fu, 0x1au, "entered in mode 0x%x, not HYP", before & 0x1fu);
    cr_expect_eq(after & 0x1ffu, 0x1d3u, "left in CPSR 0x%x, not SVC with A, I, F masked", after);
    run_result_free(&q);
}

/* ---- TRACE=uart: trace and console on one UART, read from a serial device ---- */

typedef struct pty_feed {
    int master;
    const char *bytes;
    size_t len;
} pty_feed_t;

/* Plays the captured UART bytes into the pseudo-terminal, as a board would, then
 * hangs up (numbat-sim sees the end of the stream). */
static void *feed_pty(void *arg)
{
    pty_feed_t *f = arg;
    usleep(300 * 1000); /* numbat-sim opens the device */
    for (size_t done = 0; done < f->len;) {
        ssize_t n = write(f->master, f->bytes + done, f->len - done);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    usleep(1000 * 1000); /* numbat-sim drains it */
    close(f->master);
    return NULL;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = malloc(1 << 20);
    *len = fread(data, 1, 1 << 20, f);
    fclose(f);
    return data;
}

Test(raspi2, trace_and_console_share_uart0_and_attach_reads_a_serial_device)
{
    /* QEMU writes everything UART0 sends to a file: text and frames. */
    const char *capture = "build/raspi2/caps-trace.uart";
    const char *const qemu[] = {"qemu-system-arm", "-M", "raspi2b", "-nographic", "-monitor", "none",
                                "-serial", "file:build/raspi2/caps-trace.uart", "-no-reboot",
                                "-kernel", "build/raspi2/caps-trace.elf", NULL};
    run_result_t q = run_command(qemu, 60);
    cr_assert_eq(q.status, 0, "QEMU: %s", q.err);
    run_result_free(&q);
    size_t len = 0;
    char *bytes = read_file(capture, &len);
    cr_assert(bytes && len > 1000, "nothing captured in %s", capture);

    /* A pseudo-terminal stands in for /dev/ttyUSB0; kept raw from the start, so no
     * line discipline touches bytes written before numbat-sim sets it up. */
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC); /* not numbat-sim's too */
    cr_assert(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0);
    char device[128];
    snprintf(device, sizeof(device), "%s", ptsname(master));
    int slave = open(device, O_RDWR | O_NOCTTY | O_CLOEXEC);
    struct termios t;
    cr_assert(slave >= 0 && tcgetattr(slave, &t) == 0);
    cfmakeraw(&t);
    cr_assert_eq(tcsetattr(slave, TCSANOW, &t), 0);

    pty_feed_t feed = {master, bytes, len};
    pthread_t writer;
    cr_assert_eq(pthread_create(&writer, NULL, feed_pty, &feed), 0);
    const char *const attach[] = {SIM_PATH, "--attach", device, "--baud", "115200", NULL};
    run_result_t r = run_command(attach, 30);
    pthread_join(writer, NULL);
    close(slave);

    /* The console text, whole lines between the event lines, and every event. */
    cr_expect(strstr(r.out, BANNER "raspi2 (") != NULL, "numbat-sim printed:\n%.2000s", r.out);
    cr_expect(strstr(r.out, "\nmint badge 42: 0, identify: 4\r\n") != NULL,
              "numbat-sim printed:\n%.4000s", r.out);
    cr_expect(strstr(r.out, " boot ") != NULL, "no boot event:\n%.2000s", r.out);
    unsigned events = 0, caps = 0;
    const char *line = strstr(r.err, "attached to ");
    cr_assert_not_null(line, "stderr: %s", r.err);
    cr_assert_eq(sscanf(strchr(line + strlen("attached to "), ' '), " %u events, %u caps", &events,
                        &caps), 2, "stderr: %s", r.err);
    /* The same capture read as a file gives the same events. */
    const char *const again[] = {SIM_PATH, "--attach", "./build/raspi2/caps-trace.uart", NULL};
    run_result_t f = run_command(again, 30);
    cr_expect(strstr(f.err, "events") != NULL && strstr(r.err, strchr(strstr(f.err, "attached to "), ':')),
              "device: %s file: %s", r.err, f.err);
    cr_expect_gt(events, 500, "stderr: %s", r.err);
    printf("raspi2 caps over one UART: %u events, %u caps, %zu bytes\n", events, caps, len);
    run_result_free(&f);
    run_result_free(&r);
    free(bytes);
}
