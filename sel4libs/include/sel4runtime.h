/*
 * sel4libs/include/sel4runtime.h - seL4's runtime interface, over Numbat's runtime
 * (runtime/: crt0, TLS, start): the BootInfo, and thread-local storage for threads a
 * program starts by hand (write a TLS image into a region, set a variable such as
 * __sel4_ipc_buffer in it, give its address to seL4_TCB_SetTLSBase).
 * Partners: ../src/runtime.c, runtime/include/numbat/tls.h.
 */
#ifndef SEL4LIBS_SEL4RUNTIME_H
#define SEL4LIBS_SEL4RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#include <sel4/sel4.h>
#include <sel4runtime/gen_config.h>
#include <numbat/tls.h>

/* The BootInfo the kernel (or a parent process) gave this program. */
static inline const seL4_BootInfo *sel4runtime_bootinfo(void)
{
    return seL4_GetBootInfo();
}

/* Bytes a TLS region must have for sel4runtime_write_tls_image. */
static inline size_t sel4runtime_get_tls_size(void)
{
    return numbat_tls_size();
}

/* Writes a fresh copy of the thread-local variables into tls_memory (at least
 * sel4runtime_get_tls_size() bytes, CONFIG_SEL4RUNTIME_STATIC_TLS for a static
 * region) and returns the thread pointer to give seL4_TCB_SetTLSBase, or 0. */
uintptr_t sel4runtime_write_tls_image(void *tls_memory);

/* Sets thread-local `variable` (as this thread names it) in the TLS of thread
 * pointer `thread_pointer` to `value`; 0 on success, -1 without a thread pointer. */
#define sel4runtime_set_tls_variable(thread_pointer, variable, value)                               \
    ((thread_pointer) == 0 ? -1                                                                    \
                           : (*(__typeof__(variable) *)numbat_tls_address((seL4_Word)(thread_pointer), \
                                                                           &(variable)) = (value), \
                              0))

#endif
