/*
 * sel4/syscall.h — system-call numbers, placed in r7 before `svc #0`
 * (spec §3.1). Pure C. Partner: syscalls.h uses these in its wrappers.
 * Numbers follow seL4 16.0.0: one consecutive negative list, so entries that are
 * configured out (SMP, benchmarking, MCS, ...) leave gaps rather than renumbering.
 */
#ifndef SEL4_SYSCALL_H
#define SEL4_SYSCALL_H

#include <sel4/config.h>
#include <sel4/macros.h>

typedef enum {
    seL4_SysCall               = -1,
    seL4_SysReplyRecv          = -2,
    seL4_SysSend               = -3,
    seL4_SysNBSend             = -4,
    seL4_SysRecv               = -5,
    seL4_SysReply              = -6,
    seL4_SysYield              = -7,
    seL4_SysNBRecv             = -8,
#if defined(CONFIG_PRINTING)
    seL4_SysDebugPutChar       = -9,
    seL4_SysDebugDumpScheduler = -10,
#endif
#if defined(CONFIG_DEBUG_BUILD)
    seL4_SysDebugHalt          = -11,
    seL4_SysDebugCapIdentify   = -12,
    seL4_SysDebugSnapshot      = -13,
    seL4_SysDebugNameThread    = -14,
#endif
    /* −15…−30 (SMP debug, DebugRun, benchmarks, x86, SetTLSBase) are out of scope. */
    SEL4_FORCE_LONG_ENUM(seL4_Syscall_ID),
} seL4_Syscall_ID;

#endif /* SEL4_SYSCALL_H */
