/*
 * tests/fuzz-host/fuzz_trace_uart.c - libFuzzer harness for the UART frame decoder
 * (trace/decode.c): any bytes as vexpress-a15's UART1 stream, read as numbat-trace
 * --uart and numbat-sim --attach read it, each event printed and applied to a model
 * (trace_sink.c). Partners: trace/decode.h, trace_sink.h, corpus/trace-uart/,
 * docs/fuzzing-host.md.
 */
#include <stdlib.h>

#include "../../trace/decode.h"
#include "trace_sink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    trace_uart_decoder_t d = {0};
    trace_record_t rec;
    size_t frames = 0;
    sink_begin();
    for (size_t i = 0; i < size; i++) {
        if (trace_uart_feed(&d, data[i], &rec)) {
            sink_record(&rec);
            frames += 2 + 4 * (size_t)rec.count;
        }
        if (d.len > sizeof(d.buf))
            abort();
    }
    /* Every byte is in a frame, skipped, or still buffered. */
    if (frames + d.dropped_bytes + d.len != size)
        abort();
    sink_end();
    return 0;
}
