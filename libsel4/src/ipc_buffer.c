/*
 * libsel4/src/ipc_buffer.c — the single definition of __sel4_ipc_buffer, the
 * pointer behind seL4_GetIPCBuffer()/seL4_SetIPCBuffer(), one per thread. Partner:
 * include/sel4/ipcbuffer.h. Link into every program.
 */
#include <sel4/ipcbuffer.h>

/* NULL until the runtime (or the program) calls seL4_SetIPCBuffer(). */
#if CONFIG_LIB_SEL4_USE_THREAD_LOCALS
__thread seL4_IPCBuffer *__sel4_ipc_buffer = seL4_Null;
#else
seL4_IPCBuffer *__sel4_ipc_buffer = seL4_Null;
#endif
