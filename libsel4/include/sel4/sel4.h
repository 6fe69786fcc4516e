/*
 * sel4/sel4.h — the one header seL4 programs include: pulls in the whole
 * libsel4 API (types, constants, messages, IPC buffer, bootinfo, faults,
 * syscalls, invocation stubs). Partners: every other file in this directory;
 * link ../../src/ipc_buffer.c (and src/bootinfo.c if seL4_GetBootInfo is used).
 * Needs an AArch32 ARM-state compiler (see syscalls.h for host unit tests).
 */
#ifndef SEL4_SEL4_H
#define SEL4_SEL4_H

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/syscall.h>
#include <sel4/objecttype.h>
#include <sel4/messageinfo.h>
#include <sel4/caprights.h>
#include <sel4/cnode_capdata.h>
#include <sel4/ipcbuffer.h>
#include <sel4/bootinfo.h>
#include <sel4/faults.h>
#include <sel4/mapping.h>
#include <sel4/invocation.h>
#include <sel4/syscalls.h>
#include <sel4/invocations.h>

#endif /* SEL4_SEL4_H */
