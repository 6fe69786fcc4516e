/*
 * tests/system/test_cli.c - numbat-sim's answers to bad options and bad images:
 * one clear line and exit status 2, never a crash. Partner: run_guest.c.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "run_guest.h"

static void expect_usage_error(const char *const argv[], const char *message)
{
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(r.status, 2, "status %d for %s", r.status, argv[1]);
    cr_expect(strstr(r.err, message) != NULL, "expected '%s' in: %s", message, r.err);
    /* One line saying what is wrong (a usage error adds a hint in parentheses). */
    cr_expect(strncmp(r.err, "numbat-sim: ", 12) == 0, "%s", r.err);
    cr_expect_eq(count_occurrences(r.err, "\nnumbat-sim: "), 0, "one line wanted: %s", r.err);
    run_result_free(&r);
}

Test(cli, missing_image_file)
{
    const char *argv[] = {SIM_PATH, "no/such/image.elf", NULL};
    expect_usage_error(argv, "no/such/image.elf: No such file or directory");
}

Test(cli, not_an_elf)
{
    const char *argv[] = {SIM_PATH, "Makefile", NULL};
    expect_usage_error(argv, "Makefile: not an ELF file");
}

Test(cli, wrong_architecture)
{
    /* The simulator itself is a host (x86-64 or other) ELF. */
    const char *argv[] = {SIM_PATH, SIM_PATH, NULL};
    expect_usage_error(argv, "not a 32-bit ARM ELF");
}

/* Writes a minimal ELF32 ARM executable with one segment at physical `paddr`. */
static void write_elf(const char *path, uint32_t paddr)
{
    unsigned char f[0x60] = {0x7F, 'E', 'L', 'F', 1, 1, 1};
    uint16_t *h16 = (uint16_t *)f;
    uint32_t *h32 = (uint32_t *)f;
    h16[8] = 2;              /* e_type ET_EXEC */
    h16[9] = 40;             /* e_machine EM_ARM */
    h32[5] = 1;              /* e_version */
    h32[6] = paddr;          /* e_entry */
    h32[7] = 0x34;           /* e_phoff */
    h16[20] = 0x34;          /* e_ehsize */
    h16[21] = 0x20;          /* e_phentsize */
    h16[22] = 1;             /* e_phnum */
    uint32_t *ph = (uint32_t *)(f + 0x34);
    ph[0] = 1;               /* PT_LOAD */
    ph[1] = 0x54;            /* offset */
    ph[2] = paddr;           /* vaddr */
    ph[3] = paddr;           /* paddr */
    ph[4] = 4;               /* filesz */
    ph[5] = 4;               /* memsz */
    ph[6] = 5;               /* R X */
    FILE *out = fopen(path, "wb");
    cr_assert_not_null(out);
    fwrite(f, 1, 0x58, out);
    fclose(out);
}

Test(cli, segment_outside_ram)
{
    char path[] = "/tmp/numbat-test-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    write_elf(path, 0x00001000);
    const char *argv[] = {SIM_PATH, path, NULL};
    expect_usage_error(argv, "lies outside RAM");
    unlink(path);
}

Test(cli, unknown_option)
{
    const char *argv[] = {SIM_PATH, "--frobnicate", "x.elf", NULL};
    expect_usage_error(argv, "unknown or incomplete option '--frobnicate'");
}

Test(cli, bad_mem_size)
{
    const char *argv[] = {SIM_PATH, "--mem", "3M", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--mem 3M");
}

Test(cli, bad_trace_letter)
{
    const char *argv[] = {SIM_PATH, "--trace", "kz", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--trace kz");
}

Test(cli, unknown_tab)
{
    const char *argv[] = {SIM_PATH, "--screenshot", "/tmp/x.png", "--tab", "queues",
                          IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--tab queues");
}

Test(cli, no_image)
{
    const char *argv[] = {SIM_PATH, NULL};
    expect_usage_error(argv, "no image given");
}

Test(cli, help_exits_zero)
{
    const char *argv[] = {SIM_PATH, "--help", NULL};
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(r.status, 0);
    cr_expect(strstr(r.out, "usage: numbat-sim") != NULL);
    run_result_free(&r);
}
