/*
 * tests/system/run_guest.h - running numbat-sim or QEMU as a child process for
 * the system tests: capture stdout and stderr, bound the time, report the status.
 * Partners: run_guest.c, test_*.c in this folder.
 */
#ifndef TESTS_RUN_GUEST_H
#define TESTS_RUN_GUEST_H

#include <stddef.h>

/* The programs under test; `make SAN=1` builds the tests with its own (mk/tests.mk). */
#ifndef SIM_PATH
#define SIM_PATH "build/bin/numbat-sim"
#endif
#ifndef TRACE_PATH
#define TRACE_PATH "build/bin/numbat-trace"
#endif
/* run_command's time limits are multiplied by this: numbat-sim under ASan (make SAN=1)
   runs the in-kernel suite about 5 times slower (docs/fuzzing-host.md). */
#ifndef RUN_TIMEOUT_SCALE
#define RUN_TIMEOUT_SCALE 1
#endif
#define IMAGE(plat, app) "build/" plat "/" app ".elf"

typedef struct run_result {
    int status;  /* exit status, or 128 + signal */
    char *out;   /* stdout, NUL-terminated */
    char *err;   /* stderr, NUL-terminated */
} run_result_t;

/* Runs argv (NULL-terminated) with stdin from /dev/null, killed after timeout_s
 * (times RUN_TIMEOUT_SCALE). */
run_result_t run_command(const char *const argv[], unsigned timeout_s);
/* numbat-sim with the given extra arguments (NULL-terminated list), then the image. */
run_result_t run_sim(const char *image, const char *const extra[]);
/* qemu-system-arm -M vexpress-a15 on the image, as `make run PLAT=vexpress-a15` does. */
run_result_t run_qemu(const char *image);
/* qemu-system-arm -M raspi2b on an ELF image, as `make run PLAT=raspi2` does; and
 * on the raw binary (kernel7.img) loaded at 0x8000, as a Pi's firmware loads it. */
run_result_t run_qemu_raspi2(const char *image);
run_result_t run_qemu_raspi2_binary(const char *binary);
void run_result_free(run_result_t *r);
/* Number of non-overlapping occurrences of needle in haystack. */
size_t count_occurrences(const char *haystack, const char *needle);
/* The text without its first line that contains `needle` (a fresh string). */
char *drop_line_containing(const char *text, const char *needle);

#endif
