/*
 * sel4libs/src/zf_log.c - the log line behind the ZF_LOG macros and the names of
 * seL4's errors. A line is "PREFIX func@file:line message" on stderr (the kernel's
 * console, as stdout). Partners: include/utils/zf_log.h, include/sel4utils/strerror.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <sel4/sel4.h>
#include <sel4utils/strerror.h>
#include <utils/zf_log.h>

static const char *tag_prefix;

void zf_log_set_tag_prefix(const char *prefix)
{
    tag_prefix = prefix;
}

void zf_log_write(int level, const char *func, const char *file, int line, const char *fmt, ...)
{
    (void)level;
    const char *base = strrchr(file, '/');
    if (tag_prefix)
        fprintf(stderr, "%s ", tag_prefix);
    fprintf(stderr, "%s@%s:%d ", func, base ? base + 1 : file, line);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* In seL4_Error's order (sel4/errors.h). */
static const char *const error_names[] = {
    "seL4_NoError",         "seL4_InvalidArgument", "seL4_InvalidCapability", "seL4_IllegalOperation",
    "seL4_RangeError",      "seL4_AlignmentError",  "seL4_FailedLookup",      "seL4_TruncatedMessage",
    "seL4_DeleteFirst",     "seL4_RevokeFirst",     "seL4_NotEnoughMemory",
};
_Static_assert(sizeof(error_names) / sizeof(error_names[0]) == seL4_NumErrors, "a name for every error");

const char *sel4_strerror(int errcode)
{
    if (errcode < 0 || errcode >= seL4_NumErrors)
        return "unknown error";
    return error_names[errcode];
}
