/*
 * sel4libs/include/sel4utils/sel4_zf_logif.h - log when an seL4 call failed:
 * ZF_LOGx_IFERR(err, fmt, ...) prints "[Err seL4_...]:" and the message when err is
 * not seL4_NoError (ZF_LOGF_IFERR then ends the program). Complete if-statements,
 * like the _IF forms. Partners: utils/zf_log_if.h, strerror.h.
 */
#ifndef SEL4LIBS_SEL4UTILS_SEL4_ZF_LOGIF_H
#define SEL4LIBS_SEL4UTILS_SEL4_ZF_LOGIF_H

#include <sel4/sel4.h>
#include <sel4utils/strerror.h>
#include <utils/zf_log_if.h>

#define ZF_LOG_IFERR(log, err, fmt, ...)                                                           \
    if ((err) != seL4_NoError) {                                                                   \
        log("[Err %s]:\n\t" fmt, sel4_strerror(err), ##__VA_ARGS__);                               \
    }

#define ZF_LOGV_IFERR(err, fmt, ...) ZF_LOG_IFERR(ZF_LOGV, err, fmt, ##__VA_ARGS__)
#define ZF_LOGD_IFERR(err, fmt, ...) ZF_LOG_IFERR(ZF_LOGD, err, fmt, ##__VA_ARGS__)
#define ZF_LOGI_IFERR(err, fmt, ...) ZF_LOG_IFERR(ZF_LOGI, err, fmt, ##__VA_ARGS__)
#define ZF_LOGW_IFERR(err, fmt, ...) ZF_LOG_IFERR(ZF_LOGW, err, fmt, ##__VA_ARGS__)
#define ZF_LOGE_IFERR(err, fmt, ...) ZF_LOG_IFERR(ZF_LOGE, err, fmt, ##__VA_ARGS__)
#define ZF_LOGF_IFERR(err, fmt, ...) ZF_LOG_IFERR(ZF_LOGF, err, fmt, ##__VA_ARGS__)

#endif
