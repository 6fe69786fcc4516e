/*
 * tests/fuzz-host/fuzz_trace_file.c - libFuzzer harness for the trace file decoder
 * (trace/decode.c): any bytes as a file numbat-trace or the visualizer reads, each
 * record it accepts printed and applied to a model (trace_sink.c). Partners:
 * trace/decode.h, trace_sink.h, corpus/trace-file/, docs/fuzzing-host.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../trace/decode.h"
#include "trace_sink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    trace_file_t tf;
    trace_record_t rec;
    char err[256];
    /* fmemopen refuses a buffer of 0 bytes: an empty file is 1 byte of it unread. */
    FILE *f = fmemopen((void *)data, size ? size : 1, "rb");
    if (!f)
        abort();
    if (size == 0)
        fgetc(f);
    if (trace_file_open_stream(&tf, f, "fuzz.trace", err, sizeof(err)) != 0) {
        if (strchr(err, '\n'))
            abort();
        return 0;
    }
    sink_begin();
    int r;
    while ((r = trace_file_next(&tf, &rec, err, sizeof(err))) == 1)
        sink_record(&rec);
    if (r < 0 && (err[0] == '\0' || strchr(err, '\n')))
        abort(); /* numbat-trace prints err as its one line */
    trace_file_close(&tf);
    sink_end();
    return 0;
}
