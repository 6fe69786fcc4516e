/*
 * trace/names.c - the system call and fault names of trace/names.h, keyed by
 * libsel4's own numbers (sel4/syscall.h, sel4/faults.h), so a renumbering there
 * cannot leave a name behind.
 * Partners: names.h, libsel4/include/sel4/syscall.h.
 */
#include "names.h"

#include <stddef.h>

#include <sel4/faults.h>
#include <sel4/syscall.h>

/* seL4's system call numbers are negative: the table is indexed by -number. */
static const char *const syscall_names[] = {
    [-seL4_SysCall] = "Call",
    [-seL4_SysReplyRecv] = "ReplyRecv",
    [-seL4_SysSend] = "Send",
    [-seL4_SysNBSend] = "NBSend",
    [-seL4_SysRecv] = "Recv",
    [-seL4_SysReply] = "Reply",
    [-seL4_SysYield] = "Yield",
    [-seL4_SysNBRecv] = "NBRecv",
    [-seL4_SysDebugPutChar] = "DebugPutChar",
    [-seL4_SysDebugDumpScheduler] = "DebugDumpScheduler",
    [-seL4_SysDebugHalt] = "DebugHalt",
    [-seL4_SysDebugCapIdentify] = "DebugCapIdentify",
    [-seL4_SysDebugSnapshot] = "DebugSnapshot",
    [-seL4_SysDebugNameThread] = "DebugNameThread",
};
#define SYSCALL_NAMES (sizeof(syscall_names) / sizeof(syscall_names[0]))
_Static_assert(SYSCALL_NAMES == 1 - seL4_SysDebugNameThread,
               "every system call of sel4/syscall.h has a name, the last one included");

const char *trace_syscall_name(int32_t number)
{
    int64_t i = -(int64_t)number;
    if (i <= 0 || i >= (int64_t)SYSCALL_NAMES || !syscall_names[i])
        return "unknown";
    return syscall_names[i];
}

bool trace_syscall_is_ipc(int32_t number)
{
    switch (number) {
    case seL4_SysSend:
    case seL4_SysNBSend:
    case seL4_SysCall:
    case seL4_SysReply:
    case seL4_SysReplyRecv:
    case seL4_SysRecv:
    case seL4_SysNBRecv: return true;
    default: return false;
    }
}

const char *trace_fault_name(uint32_t type)
{
    switch (type) {
    case seL4_Fault_CapFault: return "cap fault";
    case seL4_Fault_UnknownSyscall: return "unknown syscall";
    case seL4_Fault_UserException: return "user exception";
    case seL4_Fault_VMFault: return "VM fault";
    default: return "fault";
    }
}
