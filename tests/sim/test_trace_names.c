/*
 * tests/sim/test_trace_names.c - trace/names.c: system call names keyed by
 * libsel4's numbers, and "unknown" for every other number.
 */
#include <criterion/criterion.h>
#include <stdint.h>

#include <sel4/syscall.h>

#include "../../trace/names.h"

Test(trace_names, syscalls_are_named_by_libsel4_numbers)
{
    cr_expect_str_eq(trace_syscall_name(seL4_SysCall), "Call");
    cr_expect_str_eq(trace_syscall_name(seL4_SysYield), "Yield");
    cr_expect_str_eq(trace_syscall_name(seL4_SysNBRecv), "NBRecv");
    cr_expect_str_eq(trace_syscall_name(seL4_SysDebugNameThread), "DebugNameThread");
}

Test(trace_names, other_numbers_are_unknown)
{
    cr_expect_str_eq(trace_syscall_name(0), "unknown");
    cr_expect_str_eq(trace_syscall_name(99), "unknown");
    cr_expect_str_eq(trace_syscall_name(seL4_SysDebugNameThread - 1), "unknown");
    cr_expect_str_eq(trace_syscall_name(INT32_MIN), "unknown");
}
