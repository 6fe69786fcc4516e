/*
 * sel4/functions.h — compatibility name: seL4 declares the IPC-buffer pointer
 * and its accessors (GetMR, SetCap, ...) in this file; ours are in ipcbuffer.h.
 * Partner: ipcbuffer.h.
 */
#ifndef SEL4_FUNCTIONS_H
#define SEL4_FUNCTIONS_H
#include <sel4/ipcbuffer.h>
#endif /* SEL4_FUNCTIONS_H */
