/*
 * tests/system/expect_prints.h - the check most system tests of user programs make:
 * run an app's image on numbat-sim (which must exit 0) or QEMU and expect each of a
 * list of strings in its console output (lines end in CR LF: the kernel's console).
 * Partners: expect_prints.c, run_guest.h.
 */
#ifndef TESTS_EXPECT_PRINTS_H
#define TESTS_EXPECT_PRINTS_H

#include <stddef.h>

void expect_sim_prints(const char *app, const char *const *want, size_t n);
void expect_qemu_prints(const char *app, const char *const *want, size_t n);

#define SIM_PRINTS(app, want) expect_sim_prints((app), (want), sizeof(want) / sizeof((want)[0]))
#define QEMU_PRINTS(app, want) expect_qemu_prints((app), (want), sizeof(want) / sizeof((want)[0]))

#endif
