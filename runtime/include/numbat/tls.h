/*
 * runtime/include/numbat/tls.h - thread-local storage for the threads of a Numbat
 * program (ARM EABI variant I: the TLS register points at an 8-byte control block,
 * and the program's thread-local variables follow it). Every thread that sets its
 * own TLS base (seL4_TCB_SetTLSBase) has its own copy of them, libsel4's IPC buffer
 * pointer among them; a thread whose base was never set shares the initial
 * thread's. Partners: ../../tls.c, ../../user.ld.
 */
#ifndef NUMBAT_TLS_H
#define NUMBAT_TLS_H

#include <stddef.h>
#include <sel4/sel4.h>

/* Bytes a thread's TLS area needs (alignment slack included). */
size_t numbat_tls_size(void);
/*
 * Lays out a fresh copy of the thread-local variables (initial values) in `area`
 * of `size` bytes and returns the TLS base to give the thread with
 * seL4_TCB_SetTLSBase, or 0 if the area is too small.
 */
seL4_Word numbat_tls_setup(void *area, size_t size);
/* Where the thread-local variable `var` (as the calling thread sees it, e.g.
 * &__sel4_ipc_buffer) lives for the thread whose TLS base is `tls_base`. */
void *numbat_tls_address(seL4_Word tls_base, void *var);
/* Sets the IPC buffer pointer of the thread whose TLS base is `tls_base`. */
void numbat_tls_set_ipc_buffer(seL4_Word tls_base, seL4_IPCBuffer *buffer);

#endif
