/*
 * trace/names.h - names for numbers the host tools print: seL4's system calls,
 * keyed by libsel4's seL4_Sys* numbers, and its fault types (seL4_Fault_*). One
 * table for numbat-sim's --trace s, numbat-trace and the visualizer's labels.
 * Partners: names.c, sim/run.c, trace/text.c, visualizer/describe.c.
 */
#ifndef TRACE_NAMES_H
#define TRACE_NAMES_H

#include <stdbool.h>
#include <stdint.h>

/* "Call", "Yield", ... for a system call number as the kernel sees it in r7
 * (negative); "unknown" for any other number. */
const char *trace_syscall_name(int32_t number);
/* Is it a system call that sends or receives a message on an endpoint or
 * notification (Send, NBSend, Call, Reply, ReplyRecv, Recv, NBRecv)? Object
 * invocations are Calls and Sends too: the number cannot tell them apart. */
bool trace_syscall_is_ipc(int32_t number);
/* "VM fault", "cap fault", "unknown syscall", "user exception"; "fault" otherwise. */
const char *trace_fault_name(uint32_t type);
/* "CNode_Revoke", "Untyped_Retype", ... for a kernel object's invocation label
 * (libsel4's invocation_label, in seL4's API spelling); "label N" for another. */
const char *trace_invocation_name(uint32_t label);
/* "InvalidArgument", "NotEnoughMemory", ... for an seL4_Error; "error N" otherwise. */
const char *trace_error_name(uint32_t error);

#endif
