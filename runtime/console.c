/*
 * runtime/console.c - the C library's standard streams (picolibc's stdio calls one
 * function a character): output goes through seL4_DebugPutChar to the kernel's
 * console, so printing needs no driver; there is no input (reads see end of file).
 * Partners: start.c (exit, abort), include/numbat/runtime.h.
 */
#include <stdio.h>

#include <sel4/sel4.h>

static int console_put(char c, FILE *f)
{
    (void)f;
    seL4_DebugPutChar(c);
    return (unsigned char)c;
}

static int console_get(FILE *f)
{
    (void)f;
    return _FDEV_EOF;
}

static FILE console = FDEV_SETUP_STREAM(console_put, console_get, NULL, _FDEV_SETUP_RW);

FILE *const stdin = &console;
FILE *const stdout = &console;
FILE *const stderr = &console;
