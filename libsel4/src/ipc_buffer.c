/*
 * libsel4/src/ipc_buffer.c — the single definition of __sel4_ipc_buffer, the
 * pointer behind seL4_GetIPCBuffer()/seL4_SetIPCBuffer(). Partner:
 * include/sel4/ipcbuffer.h, which declares it extern and explains why it is a
 * plain global rather than seL4's default thread-local. Link into every program.
 */
#include <sel4/ipcbuffer.h>

/* NULL until the runtime (or the program) calls seL4_SetIPCBuffer(). */
seL4_IPCBuffer *__sel4_ipc_buffer = seL4_Null;
