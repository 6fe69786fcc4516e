/*
 * trace/text.h - trace records in words, for people: event names, and the line
 * numbat-trace prints for a record (instruction count, event, payload in hex, and
 * for thread, IPC, signal, fault and kernel-entry events what the words mean).
 * Partners: text.c, decode.h (the records), names.h, tests/sim/test_trace_text.c.
 */
#ifndef TRACE_TEXT_H
#define TRACE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* "cap-insert", "ipc-send", ...; "unknown" for a type this program does not know. */
const char *trace_event_name(unsigned type);
/* "runnable", "blocked on receive", ... for a thread-state's state. */
const char *trace_thread_state_name(uint32_t state);
/* An IPC event's caps word (TRACE_IPC_CAPS) in words: "1 cap", "2 caps, 1 unwrapped";
 * "" (and 0) when no cap came. Returns the length it needed. */
int trace_caps_text(uint32_t caps, char *out, size_t len);
/* One line describing the record (no newline); returns the length it needed. */
int trace_format(const trace_record_t *rec, char *out, size_t out_len);

#endif
