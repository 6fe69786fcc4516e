/*
 * runtime/include/numbat/runtime.h - what every Numbat user program has: the C
 * library (picolibc: stdio through the kernel's console, string.h, stdlib.h with
 * malloc and exit, assert). Including this header is the same as including those.
 * Partners: ../../start.c, ../../console.c, ../../user.ld (the heap).
 */
#ifndef NUMBAT_RUNTIME_H
#define NUMBAT_RUNTIME_H

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#endif
