/*
 * tests/sim/vis_events.h - hand-made trace events for the visualizer's tests: a record
 * from a type and its payload words, and EV(type, words...), which hands one to the
 * test file's own event(type, n, payload) (apply it, keep it, or both).
 * Partners: test_vis_model.c, test_vis_render.c, test_vis_ipc_model.c,
 * test_vis_ipc_render.c, trace/format.h.
 */
#ifndef TESTS_SIM_VIS_EVENTS_H
#define TESTS_SIM_VIS_EVENTS_H

#include <stdint.h>
#include <string.h>

#include "../../trace/decode.h"

static inline trace_record_t vis_test_record(uint64_t icount, uint32_t type, unsigned n,
                                             const uint32_t *payload)
{
    trace_record_t r = {.icount = icount, .count = n + 1};
    r.words[0] = TRACE_HEADER(type, n + 1);
    memcpy(&r.words[1], payload, n * sizeof(uint32_t));
    return r;
}

#define EV(type, ...)                                                                              \
    do {                                                                                           \
        const uint32_t p_[] = {__VA_ARGS__};                                                       \
        event(type, sizeof(p_) / sizeof(uint32_t), p_);                                            \
    } while (0)

#endif
