/*
 * tests/system/test_cli.c - numbat-sim's answers to bad options and bad images:
 * one clear line and exit status 2, never a crash; numbat-trace's to input it
 * cannot read; and both given mutated trace recordings and UART streams (numbat-trace
 * FILE, --uart, numbat-sim --attach). Partners: run_guest.c, tests/fuzz-host/ (the
 * same inputs fuzzed in-process).
 */
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../trace/decode.h"
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

/* A file name with control bytes is shown escaped, on one line, by both tools. */
Test(cli, image_name_with_a_newline_stays_on_one_line)
{
    const char *path = "/tmp/numbat bad\nname\x1b.elf";
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("not an image", f);
    fclose(f);
    const char *argv[] = {SIM_PATH, path, NULL};
    expect_usage_error(argv, "/tmp/numbat bad\\nname\\x1b.elf: not an ELF file");
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(count_occurrences(r.err, "\n"), 1, "one line: %s", r.err);
    run_result_free(&r);
    const char *trace_argv[] = {TRACE_PATH, path, NULL};
    r = run_command(trace_argv, 30);
    cr_expect_neq(r.status, 0);
    const char *want = "numbat-trace: /tmp/numbat bad\\nname\\x1b.elf: ";
    cr_expect(strncmp(r.err, want, strlen(want)) == 0, "%s", r.err);
    cr_expect_eq(count_occurrences(r.err, "\n"), 1, "one line: %s", r.err);
    run_result_free(&r);
    unlink(path);
}

Test(cli, wrong_architecture)
{
    /* The simulator itself is a host (x86-64 or other) ELF. */
    const char *argv[] = {SIM_PATH, SIM_PATH, NULL};
    expect_usage_error(argv, "a 64-bit ELF; numbat-sim runs 32-bit ARM images");
}

/*
 * A small ELF32 ARM executable built field by field, so each test can break one
 * thing: the header, two program headers (the second unused unless e_phnum = 2)
 * and 16 bytes of code (a branch to itself) at RAM_BASE, which is the entry.
 */
#define RAM_BASE 0x80000000u
#define E_IDENT_CLASS 4
#define E_IDENT_DATA 5
#define E_MACHINE 18
#define E_ENTRY 24
#define E_PHOFF 28
#define E_PHENTSIZE 42
#define E_PHNUM 44
#define PH(i, field) (0x34 + 0x20 * (i) + (field))
#define P_OFFSET 4
#define P_VADDR 8
#define P_PADDR 12
#define P_FILESZ 16
#define P_MEMSZ 20
#define CODE_OFFSET 0x74
#define IMAGE_SIZE (CODE_OFFSET + 16)

typedef struct test_image {
    uint8_t bytes[IMAGE_SIZE];
    size_t size; /* how much of it is written */
    char path[32];
} test_image_t;

static void put16(uint8_t *at, uint16_t v)
{
    at[0] = v & 0xFF;
    at[1] = v >> 8;
}

static void put32(uint8_t *at, uint32_t v)
{
    put16(at, v & 0xFFFF);
    put16(at + 2, v >> 16);
}

static void set_segment(test_image_t *img, int i, uint32_t offset, uint32_t paddr, uint32_t filesz,
                        uint32_t memsz)
{
    put32(img->bytes + PH(i, 0), 1); /* PT_LOAD */
    put32(img->bytes + PH(i, P_OFFSET), offset);
    put32(img->bytes + PH(i, P_VADDR), paddr);
    put32(img->bytes + PH(i, P_PADDR), paddr);
    put32(img->bytes + PH(i, P_FILESZ), filesz);
    put32(img->bytes + PH(i, P_MEMSZ), memsz);
    put32(img->bytes + PH(i, 24), 7); /* R W X */
    put32(img->bytes + PH(i, 28), 4); /* align */
}

static test_image_t good_image(void)
{
    static const uint8_t ident[] = {0x7F, 'E', 'L', 'F', 1 /* 32-bit */, 1 /* LE */, 1};
    test_image_t img = {.size = IMAGE_SIZE};
    memcpy(img.bytes, ident, sizeof(ident));
    put16(img.bytes + 16, 2);  /* ET_EXEC */
    put16(img.bytes + E_MACHINE, 40); /* EM_ARM */
    put32(img.bytes + 20, 1);  /* e_version */
    put32(img.bytes + E_ENTRY, RAM_BASE);
    put32(img.bytes + E_PHOFF, 0x34);
    put16(img.bytes + 40, 0x34); /* e_ehsize */
    put16(img.bytes + E_PHENTSIZE, 0x20);
    put16(img.bytes + E_PHNUM, 1);
    set_segment(&img, 0, CODE_OFFSET, RAM_BASE, 16, 16);
    for (int i = 0; i < 4; i++)
        put32(img.bytes + CODE_OFFSET + 4 * i, 0xEAFFFFFEu); /* b . */
    return img;
}

/* Writes the first img->size bytes to a fresh file in /tmp. */
static const char *write_image(test_image_t *img)
{
    strcpy(img->path, "/tmp/numbat-test-XXXXXX");
    int fd = mkstemp(img->path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, img->bytes, img->size), (ssize_t)img->size);
    close(fd);
    return img->path;
}

/* numbat-sim on the image must refuse it with `message`; the file goes again. */
static void expect_bad_image(test_image_t *img, const char *message)
{
    const char *argv[] = {SIM_PATH, write_image(img), NULL};
    expect_usage_error(argv, message);
    unlink(img->path);
}

Test(cli, the_test_image_itself_runs)
{
    test_image_t img = good_image();
    const char *argv[] = {SIM_PATH, "--max-insns", "1000", write_image(&img), NULL};
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(r.status, 4, "status %d: %s", r.status, r.err);
    run_result_free(&r);
    unlink(img.path);
}

Test(cli, segment_outside_ram)
{
    test_image_t img = good_image();
    set_segment(&img, 0, CODE_OFFSET, 0x00001000, 16, 16);
    put32(img.bytes + E_ENTRY, 0x00001000);
    expect_bad_image(&img, "segment 0 (0x00001000-0x0000100f) lies outside RAM");
}

Test(cli, entry_outside_every_segment)
{
    test_image_t img = good_image();
    put32(img.bytes + E_ENTRY, RAM_BASE + 0x100000);
    expect_bad_image(&img, "entry point 0x80100000 is outside every loadable segment");
}

Test(cli, overlapping_segments)
{
    test_image_t img = good_image();
    put16(img.bytes + E_PHNUM, 2);
    set_segment(&img, 1, CODE_OFFSET, RAM_BASE + 8, 8, 0x100);
    expect_bad_image(&img, "segments 0 (0x80000000-0x8000000f) and 1 (0x80000008-0x80000107) "
                           "overlap");
}

Test(cli, wrong_program_header_size)
{
    test_image_t img = good_image();
    put16(img.bytes + E_PHENTSIZE, 0x38); /* an ELF64 program header */
    expect_bad_image(&img, "program headers of 56 bytes (ELF32's are 32)");
}

Test(cli, directory_as_image)
{
    const char *argv[] = {SIM_PATH, "/tmp", NULL};
    expect_usage_error(argv, "/tmp: a directory, not an image file");
}

Test(cli, big_endian_image)
{
    test_image_t img = good_image();
    img.bytes[E_IDENT_DATA] = 2;
    expect_bad_image(&img, "big-endian ELF; the board is little-endian");
}

Test(cli, file_size_above_memory_size)
{
    test_image_t img = good_image();
    set_segment(&img, 0, CODE_OFFSET, RAM_BASE, 16, 8);
    expect_bad_image(&img, "segment 0 has more bytes in the file (0x10) than in memory (0x8)");
}

Test(cli, truncated_header)
{
    test_image_t img = good_image();
    img.size = 40;
    expect_bad_image(&img, "truncated: 40 bytes, shorter than an ELF32 header (52)");
}

Test(cli, truncated_segment)
{
    test_image_t img = good_image();
    img.size = IMAGE_SIZE - 4;
    expect_bad_image(&img, "segment 0 (file offset 0x74, 0x10 bytes) lies outside the file "
                           "(0x80 bytes)");
}

Test(cli, elf64_image)
{
    test_image_t img = good_image();
    img.bytes[E_IDENT_CLASS] = 2;
    expect_bad_image(&img, "a 64-bit ELF; numbat-sim runs 32-bit ARM images");
}

Test(cli, wrong_machine)
{
    test_image_t img = good_image();
    put16(img.bytes + E_MACHINE, 62); /* x86-64 */
    expect_bad_image(&img, "not an ARM ELF (machine 62)");
}

Test(cli, program_headers_past_the_end)
{
    test_image_t img = good_image();
    put32(img.bytes + E_PHOFF, 0x1000);
    expect_bad_image(&img, "program headers (file offset 0x1000, 1 of 32 bytes) lie outside "
                           "the file (0x84 bytes)");
}

Test(cli, segment_past_the_address_space)
{
    test_image_t img = good_image();
    set_segment(&img, 0, CODE_OFFSET, RAM_BASE, 16, 0xF0000000u);
    expect_bad_image(&img, "segment 0 (0x80000000, 0xf0000000 bytes) runs past the 32-bit "
                           "address space");
}

Test(cli, segment_bigger_than_the_file)
{
    test_image_t img = good_image();
    set_segment(&img, 0, CODE_OFFSET, RAM_BASE, 0x7FFFFFFFu, 0x7FFFFFFFu);
    expect_bad_image(&img, "segment 0 (file offset 0x74, 0x7fffffff bytes) lies outside the "
                           "file (0x84 bytes)");
}

Test(cli, segment_bigger_than_ram)
{
    test_image_t img = good_image();
    set_segment(&img, 0, CODE_OFFSET, RAM_BASE, 16, 0x40000000u);
    expect_bad_image(&img, "segment 0 (0x80000000-0xbfffffff) lies outside RAM");
}

Test(cli, empty_file)
{
    test_image_t img = good_image();
    img.size = 0;
    expect_bad_image(&img, "an empty file, not an ELF image");
}

Test(cli, dev_zero_as_image, .timeout = 60)
{
    const char *argv[] = {SIM_PATH, "/dev/zero", NULL};
    expect_usage_error(argv, "/dev/zero: a device, not an image file");
}

Test(cli, unknown_option)
{
    const char *argv[] = {SIM_PATH, "--frobnicate", "x.elf", NULL};
    expect_usage_error(argv, "unknown or incomplete option '--frobnicate'");
}

/* Found by tests/fuzz-host/fuzz_cli.c: inside a cluster such as -xy getopt has not
   moved past the argument yet, and the message named argv[0], the program itself. */
Test(cli, unknown_short_option_in_a_cluster_is_named)
{
    const char *argv[] = {SIM_PATH, "-xy", "x.elf", NULL};
    expect_usage_error(argv, "numbat-sim: unknown option '-x'");
}

/* Found by tests/fuzz-host/fuzz_cli.c: a value holding a newline split the message
   into two lines; control bytes are shown escaped, and a long value cut short. */
Test(cli, control_bytes_in_a_value_stay_on_one_line)
{
    const char *argv[] = {SIM_PATH, "--mem", "1\n2M\x1b", "x.elf", NULL};
    expect_usage_error(argv, "--mem 1\\n2M\\x1b: give a whole number of MiB");
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(count_occurrences(r.err, "\n"), 2, "the line and the hint: %s", r.err);
    run_result_free(&r);
    char long_value[400];
    memset(long_value, '9', sizeof(long_value) - 1);
    long_value[sizeof(long_value) - 1] = '\0';
    const char *long_argv[] = {SIM_PATH, "--mem", long_value, "x.elf", NULL};
    r = run_command(long_argv, 30);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "...: give a whole number") != NULL, "%s", r.err);
    cr_expect_lt(strlen(r.err), 250, "%s", r.err);
    run_result_free(&r);
}

Test(cli, bad_mem_size)
{
    const char *argv[] = {SIM_PATH, "--mem", "3M", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--mem 3M");
}

/* 2^44 MiB: shifted into bytes it wrapped to 128M and the run went on. */
Test(cli, mem_size_that_overflows)
{
    const char *argv[] = {SIM_PATH, "--mem", "17592186044544M", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--mem 17592186044544M: give a whole number of MiB from 16M to 1G");
}

/* strtoull skips the space and negates: " -1" was 2^64 - 1, no limit at all. */
Test(cli, max_insns_negative)
{
    const char *argv[] = {SIM_PATH, "--max-insns", " -1", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--max-insns  -1: give an instruction count from 1 to 10^18");
}

Test(cli, max_insns_that_overflows)
{
    const char *argv[] = {SIM_PATH, "--max-insns", "20000000000000G", IMAGE("arm-sim", "hello"),
                          NULL};
    expect_usage_error(argv, "--max-insns 20000000000000G: give an instruction count");
}

Test(cli, max_insns_beyond_the_limit)
{
    const char *argv[] = {SIM_PATH, "--max-insns", "18446744073709551615",
                          IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--max-insns 18446744073709551615: give an instruction count");
}

Test(cli, at_negative)
{
    const char *argv[] = {SIM_PATH, "--screenshot", "/tmp/numbat-test-never.png", "--at", " -1",
                          IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--at  -1: give a count from 1 to 10^18");
    unlink("/tmp/numbat-test-never.png"); /* in case it ran after all */
}

Test(cli, at_that_overflows)
{
    const char *argv[] = {SIM_PATH, "--screenshot", "/tmp/numbat-test-never.png", "--at",
                          "20000000000000G", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(argv, "--at 20000000000000G: give a count from 1 to 10^18");
    unlink("/tmp/numbat-test-never.png");
}

/* --at-console and --then-events: each misuse named, nothing run. */
Test(cli, at_console_misuse)
{
    const char *no_shot[] = {SIM_PATH, "--at-console", "hello", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(no_shot, "--at-console goes with --screenshot");
    const char *empty[] = {SIM_PATH, "--screenshot", "/tmp/numbat-test-never.png", "--at-console",
                           "", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(empty, "--at-console '': give text found within one console line");
    const char *two_lines[] = {SIM_PATH, "--screenshot", "/tmp/numbat-test-never.png",
                               "--at-console", "a\nb", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(two_lines, "give text found within one console line");
    const char *both[] = {SIM_PATH, "--screenshot", "/tmp/numbat-test-never.png", "--at", "1000",
                          "--at-console", "hello", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(both, "give --at or --at-console, not both");
    const char *attached[] = {SIM_PATH, "--attach", "127.0.0.1:1", "--screenshot",
                              "/tmp/numbat-test-never.png", "--at-console", "hello", NULL};
    expect_usage_error(attached, "--at-console needs an image");
    const char *alone[] = {SIM_PATH, "--screenshot", "/tmp/numbat-test-never.png",
                           "--then-events", "5", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(alone, "--then-events goes with --at-console");
    const char *zero[] = {SIM_PATH, "--screenshot", "/tmp/numbat-test-never.png", "--at-console",
                          "hello", "--then-events", "0", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(zero, "--then-events 0: give a count from 1 to 10^18");
    struct stat st;
    cr_expect_neq(stat("/tmp/numbat-test-never.png", &st), 0, "a refused run wrote a PNG");
    unlink("/tmp/numbat-test-never.png");
}

/* As floats these round into the range (3.0000001 is 3.0f); as written they are not. */
Test(cli, scale_just_outside_the_range)
{
    const char *too_big[] = {SIM_PATH, "--scale", "3.0000001", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(too_big, "--scale 3.0000001: give a number from 0.75 to 3");
    const char *too_small[] = {SIM_PATH, "--scale", "0.7499999999", IMAGE("arm-sim", "hello"),
                               NULL};
    expect_usage_error(too_small, "--scale 0.7499999999: give a number from 0.75 to 3");
}

Test(cli, scale_not_a_plain_number)
{
    const char *junk[] = {SIM_PATH, "--scale", "2x", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(junk, "--scale 2x: give a number from 0.75 to 3");
    const char *hex[] = {SIM_PATH, "--scale", "0x1p1", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(hex, "--scale 0x1p1: give a number from 0.75 to 3");
}

/* fopen opens a directory; the first read fails, and that was taken for the end. */
Test(cli, trace_uart_from_a_directory)
{
    const char *argv[] = {TRACE_PATH, "--uart", "/tmp", NULL};
    run_result_t r = run_command(argv, 30);
    cr_expect_neq(r.status, 0, "%s", r.err);
    cr_expect_str_eq(r.err, "numbat-trace: /tmp: Is a directory\n");
    run_result_free(&r);
}

Test(cli, trace_file_that_is_a_directory)
{
    const char *argv[] = {TRACE_PATH, "/tmp", NULL};
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(r.status, 2, "%s", r.err);
    cr_expect_str_eq(r.err, "numbat-trace: /tmp: Is a directory\n");
    run_result_free(&r);
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

/* The engine's version, as the loaded library reports it: make UNICORN_PREFIX=... builds
   differ only there, and the speed with it (docs/unicorn-notes.md). */
Test(cli, version_names_numbat_and_the_unicorn_in_use)
{
    const char *argv[] = {SIM_PATH, "--version", NULL};
    run_result_t r = run_command(argv, 30);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strncmp(r.out, "numbat-sim, Numbat 0.", 21) == 0, "%s", r.out);
    const char *engine = strstr(r.out, "\nUnicorn ");
    unsigned major = 0, minor = 0, patch = 0;
    cr_assert_not_null(engine, "%s", r.out);
    cr_expect_eq(sscanf(engine, "\nUnicorn %u.%u.%u", &major, &minor, &patch), 3, "%s", r.out);
    cr_expect_eq(major, 2, "%s", r.out);
    run_result_free(&r);
}

/* ---- mutated trace recordings ---------------------------------------------------- */

#define MUTANTS 60

typedef struct bytes {
    uint8_t *data;
    size_t len;
} bytes_t;

static bytes_t read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    bytes_t b = {malloc(1 << 20), 0};
    b.len = fread(b.data, 1, 1 << 20, f);
    fclose(f);
    return b;
}

static void write_file(const char *path, const uint8_t *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "%s", path);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* numbat-sim's recording of hello (a few hundred events), and it as UART1 frames. */
static bytes_t recording(bool as_frames)
{
    char path[64];
    snprintf(path, sizeof(path), "/tmp/numbat-test-recording-%d.trace", (int)getpid());
    const char *extra[] = {"--trace-out", path, NULL};
    run_result_t r = run_sim(IMAGE("arm-sim", "hello"), extra);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    bytes_t file = read_file(path);
    unlink(path);
    if (!as_frames)
        return file;
    trace_file_t tf;
    trace_record_t rec;
    char err[256];
    bytes_t frames = {malloc(1 << 20), 0};
    cr_assert_eq(trace_file_open_stream(&tf, fmemopen(file.data, file.len, "rb"), "hello", err,
                                        sizeof(err)), 0, "%s", err);
    while (trace_file_next(&tf, &rec, err, sizeof(err)) == 1)
        frames.len += trace_uart_encode(rec.words, rec.count, frames.data + frames.len);
    trace_file_close(&tf);
    free(file.data);
    return frames;
}

/* Mutant i: a few bytes changed, a header word's type or length bytes among them,
   and from every third one on cut short at a random place. */
static size_t mutate(const bytes_t *from, uint8_t *to, unsigned i)
{
    unsigned seed = 12345u + i;
    memcpy(to, from->data, from->len);
    for (int k = 0; k < 4; k++)
        to[12 + (size_t)rand_r(&seed) % (from->len - 12)] ^= (uint8_t)(1u + rand_r(&seed) % 255);
    return i % 3 == 2 ? 12 + (size_t)rand_r(&seed) % (from->len - 12) : from->len;
}

/* Whatever the damage: status 0, or status 1 with one line naming the file; no crash. */
Test(cli, numbat_trace_survives_mutated_recordings, .timeout = 120)
{
    bytes_t rec = recording(false);
    uint8_t *mutant = malloc(rec.len);
    char path[64];
    snprintf(path, sizeof(path), "/tmp/numbat-test-mutant-%d.trace", (int)getpid());
    unsigned damaged = 0;
    for (unsigned i = 0; i < MUTANTS; i++) {
        write_file(path, mutant, mutate(&rec, mutant, i));
        const char *argv[] = {TRACE_PATH, path, NULL};
        run_result_t r = run_command(argv, 30);
        cr_assert(r.status == 0 || r.status == 1, "mutant %u: status %d: %s", i, r.status, r.err);
        if (r.status == 1) {
            damaged++;
            cr_expect(strncmp(r.err, "numbat-trace: ", 14) == 0 &&
                      strncmp(r.err + 14, path, strlen(path)) == 0 &&
                      count_occurrences(r.err, "\n") == 1, "mutant %u: %s", i, r.err);
        }
        run_result_free(&r);
    }
    cr_expect_gt(damaged, MUTANTS / 2, "most mutants have a damaged record");
    unlink(path);
    free(mutant);
    free(rec.data);
}

Test(cli, numbat_trace_uart_survives_mutated_streams, .timeout = 120)
{
    bytes_t frames = recording(true);
    uint8_t *mutant = malloc(frames.len);
    char path[64];
    snprintf(path, sizeof(path), "/tmp/numbat-test-mutant-%d.bin", (int)getpid());
    for (unsigned i = 0; i < MUTANTS; i++) {
        write_file(path, mutant, mutate(&frames, mutant, i));
        const char *argv[] = {TRACE_PATH, "--uart", path, NULL};
        run_result_t r = run_command(argv, 30);
        cr_assert_eq(r.status, 0, "mutant %u: status %d: %s", i, r.status, r.err);
        cr_expect(r.err[0] == '\0' || (strstr(r.err, "bytes outside frames skipped\n") &&
                                       count_occurrences(r.err, "\n") == 1),
                  "mutant %u: %s", i, r.err);
        run_result_free(&r);
    }
    unlink(path);
    free(mutant);
    free(frames.data);
}

/* A one-shot server on 127.0.0.1 that sends `len` bytes to its first client and
   closes, as QEMU's serial port does when the guest ends. Returns its port. */
static unsigned serve_once(const uint8_t *data, size_t len, pid_t *child)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sa_len = sizeof(sa);
    cr_assert(bind(fd, (struct sockaddr *)&sa, sa_len) == 0 && listen(fd, 1) == 0 &&
              getsockname(fd, (struct sockaddr *)&sa, &sa_len) == 0);
    *child = fork();
    if (*child == 0) {
        alarm(30);
        int c = accept(fd, NULL, NULL);
        for (size_t at = 0; c >= 0 && at < len;) {
            ssize_t n = write(c, data + at, len - at);
            if (n <= 0)
                break;
            at += (size_t)n;
        }
        _exit(0);
    }
    close(fd);
    return ntohs(sa.sin_port);
}

/* --attach on a damaged stream: every event that checks is taken, the rest skipped. */
Test(cli, attach_survives_mutated_streams, .timeout = 120)
{
    bytes_t frames = recording(true);
    uint8_t *mutant = malloc(frames.len);
    for (unsigned i = 0; i < MUTANTS / 3; i++) {
        pid_t server;
        char where[32];
        snprintf(where, sizeof(where), "127.0.0.1:%u",
                 serve_once(mutant, mutate(&frames, mutant, i), &server));
        const char *argv[] = {SIM_PATH, "--attach", where, NULL};
        run_result_t r = run_command(argv, 30);
        waitpid(server, NULL, 0);
        cr_assert_eq(r.status, 0, "mutant %u: status %d: %s", i, r.status, r.err);
        cr_expect(strstr(r.err, "numbat-sim: attached to ") == r.err &&
                  count_occurrences(r.err, "\n") == 1, "mutant %u: %s", i, r.err);
        run_result_free(&r);
    }
    free(mutant);
    free(frames.data);
}

/* --baud is the speed of a serial device: a number termios knows, and only with
   --attach DEVICE (a path). */
Test(cli, baud_goes_with_attach_to_a_device)
{
    const char *const cases[][5] = {
        {SIM_PATH, "--attach", "/dev/null", "--baud", "12345"},
        {SIM_PATH, "--attach", "127.0.0.1:4444", "--baud", "115200"},
        {SIM_PATH, "--baud", "115200", IMAGE("arm-sim", "hello"), NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *argv[6] = {cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL};
        run_result_t r = run_command(argv, 10);
        cr_expect_eq(r.status, 2, "case %zu: status %d, stderr %s", i, r.status, r.err);
        cr_expect(strstr(r.err, "--baud") != NULL, "case %zu: %s", i, r.err);
        run_result_free(&r);
    }
}

/* --release HOST:PORT is QEMU's monitor: only with --attach HOST:PORT. */
Test(cli, release_goes_with_attach_to_qemu)
{
    const char *const cases[][5] = {
        {SIM_PATH, "--attach", "/dev/null", "--release", "127.0.0.1:4445"},
        {SIM_PATH, "--release", "127.0.0.1:4445", IMAGE("arm-sim", "hello"), NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *argv[6] = {cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL};
        run_result_t r = run_command(argv, 10);
        cr_expect_eq(r.status, 2, "case %zu: status %d, stderr %s", i, r.status, r.err);
        cr_expect(strstr(r.err, "--release goes with --attach HOST:PORT") != NULL, "case %zu: %s",
                  i, r.err);
        run_result_free(&r);
    }
}

Test(cli, checkpoints_take_a_count_or_zero)
{
    const char *bad[] = {SIM_PATH, "--checkpoints", "-5", IMAGE("arm-sim", "hello"), NULL};
    expect_usage_error(bad, "--checkpoints -5: give an instruction count from 0 to 10^18");
    /* With checkpoints kept (no debugger needs them here) the run is the same. */
    const char *on[] = {SIM_PATH, "--checkpoints", "64K", IMAGE("arm-sim", "hello"), NULL};
    run_result_t r = run_command(on, 60);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "Hello from the Numbat root task!") != NULL, "%s", r.out);
    run_result_free(&r);
}

Test(cli, checkpoint_mem_takes_a_number_of_mib)
{
    const char *bad[][6] = {
        {SIM_PATH, "--checkpoint-mem", "12x", IMAGE("arm-sim", "hello"), NULL},
        {SIM_PATH, "--checkpoint-mem", "-1", IMAGE("arm-sim", "hello"), NULL},
        {SIM_PATH, "--checkpoint-mem", "99999999999999999999", IMAGE("arm-sim", "hello"), NULL},
    };
    expect_usage_error(bad[0], "--checkpoint-mem 12x: give a number of MiB from 0 to 1048576");
    expect_usage_error(bad[1], "--checkpoint-mem -1: give a number of MiB from 0 to 1048576");
    expect_usage_error(bad[2], "give a number of MiB from 0 to 1048576");
    /* A bound so small that every checkpoint but the first and newest goes: the run is
       the same. */
    const char *on[] = {SIM_PATH, "--checkpoints", "16K", "--checkpoint-mem", "1",
                        IMAGE("arm-sim", "hello"), NULL};
    run_result_t r = run_command(on, 60);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "Hello from the Numbat root task!") != NULL, "%s", r.out);
    run_result_free(&r);
}
