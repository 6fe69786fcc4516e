/*
 * sel4libs/include/utils/zf_log_if.h - log only when a condition holds:
 * ZF_LOGx_IF(cond, fmt, ...) prints "[Cond failed: cond]" and the message on the
 * next line (ZF_LOGF_IF then ends the program). fmt must be a string literal. Each
 * is a complete if-statement, so seL4 code that leaves out the semicolon compiles.
 * Partner: zf_log.h.
 */
#ifndef SEL4LIBS_UTILS_ZF_LOG_IF_H
#define SEL4LIBS_UTILS_ZF_LOG_IF_H

#include <utils/zf_log.h>

#define ZF_LOG_IF(log, cond, fmt, ...)                                                             \
    if (cond) {                                                                                    \
        log("[Cond failed: %s]\n\t" fmt, #cond, ##__VA_ARGS__);                                    \
    }

#define ZF_LOGV_IF(cond, fmt, ...) ZF_LOG_IF(ZF_LOGV, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGD_IF(cond, fmt, ...) ZF_LOG_IF(ZF_LOGD, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGI_IF(cond, fmt, ...) ZF_LOG_IF(ZF_LOGI, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGW_IF(cond, fmt, ...) ZF_LOG_IF(ZF_LOGW, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGE_IF(cond, fmt, ...) ZF_LOG_IF(ZF_LOGE, cond, fmt, ##__VA_ARGS__)
#define ZF_LOGF_IF(cond, fmt, ...) ZF_LOG_IF(ZF_LOGF, cond, fmt, ##__VA_ARGS__)

#endif
