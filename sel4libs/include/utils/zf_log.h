/*
 * sel4libs/include/utils/zf_log.h - the logging macros seL4 programs use (zf_log's
 * names): ZF_LOGV, D, I, W, E print a line "PREFIX func@file:line message" on
 * stderr when their level is at least ZF_LOG_LEVEL (define it before including this
 * header; the default is ZF_LOG_INFO); ZF_LOGF prints at any level and ends the
 * program (abort: status 134). The _IF forms (zf_log_if.h) test a condition first.
 * Partners: zf_log_if.h, ../../src/zf_log.c.
 */
#ifndef SEL4LIBS_UTILS_ZF_LOG_H
#define SEL4LIBS_UTILS_ZF_LOG_H

#include <stdlib.h>

#define ZF_LOG_VERBOSE 1
#define ZF_LOG_DEBUG 2
#define ZF_LOG_INFO 3
#define ZF_LOG_WARN 4
#define ZF_LOG_ERROR 5
#define ZF_LOG_FATAL 6
#define ZF_LOG_NONE 0xFF

#ifndef ZF_LOG_LEVEL
#define ZF_LOG_LEVEL ZF_LOG_INFO
#endif

/* Printed before every log line (the program's name, say); NULL for none. */
void zf_log_set_tag_prefix(const char *prefix);

/* Prints one log line; the macros below supply where it comes from. */
void zf_log_write(int level, const char *func, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#define ZF_LOG_WRITE(level, ...)                                                                   \
    do {                                                                                           \
        if ((level) >= ZF_LOG_LEVEL)                                                               \
            zf_log_write((level), __func__, __FILE__, __LINE__, __VA_ARGS__);                      \
    } while (0)

#define ZF_LOGV(...) ZF_LOG_WRITE(ZF_LOG_VERBOSE, __VA_ARGS__)
#define ZF_LOGD(...) ZF_LOG_WRITE(ZF_LOG_DEBUG, __VA_ARGS__)
#define ZF_LOGI(...) ZF_LOG_WRITE(ZF_LOG_INFO, __VA_ARGS__)
#define ZF_LOGW(...) ZF_LOG_WRITE(ZF_LOG_WARN, __VA_ARGS__)
#define ZF_LOGE(...) ZF_LOG_WRITE(ZF_LOG_ERROR, __VA_ARGS__)
/* Fatal: always printed, then the program ends. */
#define ZF_LOGF(...)                                                                               \
    do {                                                                                           \
        zf_log_write(ZF_LOG_FATAL, __func__, __FILE__, __LINE__, __VA_ARGS__);                     \
        abort();                                                                                   \
    } while (0)

#include <utils/zf_log_if.h>

#endif
