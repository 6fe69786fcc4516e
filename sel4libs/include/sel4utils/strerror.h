/*
 * sel4libs/include/sel4utils/strerror.h - the name of an seL4_Error
 * ("seL4_InvalidCapability"), for messages. Partner: ../../src/zf_log.c.
 */
#ifndef SEL4LIBS_SEL4UTILS_STRERROR_H
#define SEL4LIBS_SEL4UTILS_STRERROR_H

/* The error's name, or "unknown error" outside seL4_Error's range. */
const char *sel4_strerror(int errcode);

#endif
