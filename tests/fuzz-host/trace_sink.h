/*
 * tests/fuzz-host/trace_sink.h - what the fuzzed trace harnesses do with each decoded
 * record: what numbat-trace prints (trace/text.c) and what numbat-sim --attach and
 * the visualizer build from it (a board-less session, its model, the labels of the
 * panes). Partners: trace_sink.c, fuzz_trace_file.c, fuzz_trace_uart.c.
 */
#ifndef FUZZ_TRACE_SINK_H
#define FUZZ_TRACE_SINK_H

#include "../../trace/decode.h"

void sink_begin(void);
/* One decoded record; the decoders promise it is well formed (abort() if not). */
void sink_record(const trace_record_t *rec);
/* Reads the model back as the panes do, then frees it all. */
void sink_end(void);

#endif
