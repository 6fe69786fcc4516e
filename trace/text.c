/*
 * trace/text.c - records as text. The payload is always printed in hex, so lines
 * can be compared word for word; events whose hex is hard to read get a plain
 * reading after it ("e0050000 blocked on reply (endpoint e0060000, badge 7)").
 * Objects and threads are named by address: a line knows nothing of earlier ones.
 * Partners: text.h, names.c, dump.c (numbat-trace), visualizer/describe.c.
 */
#include "text.h"

#include <stdio.h>

#include "names.h"

static const char *const event_names[TRACE_EVENT_COUNT] = {
    [TRACE_BOOT] = "boot",
    [TRACE_OBJECT_CREATE] = "object-create",
    [TRACE_OBJECT_DELETE] = "object-delete",
    [TRACE_CAP_INSERT] = "cap-insert",
    [TRACE_CAP_MOVE] = "cap-move",
    [TRACE_CAP_DELETE] = "cap-delete",
    [TRACE_REVOKE_BEGIN] = "revoke-begin",
    [TRACE_REVOKE_END] = "revoke-end",
    [TRACE_THREAD_STATE] = "thread-state",
    [TRACE_THREAD_PRIORITY] = "thread-priority",
    [TRACE_THREAD_NAME] = "thread-name",
    [TRACE_SWITCH] = "switch",
    [TRACE_KERNEL_ENTRY] = "kernel-entry",
    [TRACE_KERNEL_EXIT] = "kernel-exit",
    [TRACE_IPC_SEND] = "ipc-send",
    [TRACE_IPC_RECV] = "ipc-recv",
    [TRACE_IPC_REPLY] = "ipc-reply",
    [TRACE_SIGNAL] = "signal",
    [TRACE_MAP] = "map",
    [TRACE_UNMAP] = "unmap",
    [TRACE_FAULT] = "fault",
    [TRACE_IRQ] = "irq",
    [TRACE_CAP_SWAP] = "cap-swap",
    [TRACE_CAP_UPDATE] = "cap-update",
    [TRACE_THREAD_BLOCKED_EVENT] = "thread-blocked",
    [TRACE_INVOCATION] = "invocation",
};

const char *trace_event_name(unsigned type)
{
    return type < TRACE_EVENT_COUNT && event_names[type] ? event_names[type] : "unknown";
}

const char *trace_thread_state_name(uint32_t state)
{
    static const char *const names[] = {
        [TRACE_THREAD_INACTIVE] = "inactive",
        [TRACE_THREAD_RUNNABLE] = "runnable",
        [TRACE_THREAD_BLOCKED] = "blocked",
        [TRACE_THREAD_BLOCKED_ON_RECV] = "blocked on receive",
        [TRACE_THREAD_BLOCKED_ON_SEND] = "blocked on send",
        [TRACE_THREAD_BLOCKED_ON_REPLY] = "blocked on reply",
        [TRACE_THREAD_BLOCKED_ON_NOTIFICATION] = "blocked on notification",
    };
    return state < sizeof(names) / sizeof(names[0]) ? names[state] : "state ?";
}

static const char *words(uint32_t n)
{
    return n == 1 ? "word" : "words";
}

int trace_caps_text(uint32_t caps, char *out, size_t len)
{
    uint32_t n = TRACE_IPC_CAPS_COUNT(caps), unwrapped = TRACE_IPC_CAPS_UNWRAPPED(caps);
    unsigned u = (unwrapped & 1u) + ((unwrapped >> 1) & 1u) + ((unwrapped >> 2) & 1u);
    if (len)
        out[0] = '\0';
    if (!n)
        return 0;
    if (!u)
        return snprintf(out, len, "%u cap%s", n, n == 1 ? "" : "s");
    if (u == n)
        return snprintf(out, len, "%u cap%s unwrapped", n, n == 1 ? "" : "s");
    return snprintf(out, len, "%u caps, %u unwrapped", n, u);
}

/* ", label 3, 1 cap" for an IPC event that has its message info; "" for older ones. */
static void message_info(const trace_record_t *rec, const uint32_t *info, char *out, size_t len)
{
    char caps[40];
    out[0] = '\0';
    if (!trace_record_has_message_info(rec))
        return;
    trace_caps_text(info[1], caps, sizeof(caps));
    snprintf(out, len, ", label %u%s%s", info[0], caps[0] ? ", " : "", caps);
}

/* A blocked thread and what it waits on: the endpoint (or, for a reply, the one its
 * Call went through) or the notification. */
static int explain_blocked(const uint32_t *w, char *out, size_t len)
{
    const char *what = w[2] == TRACE_THREAD_BLOCKED_ON_NOTIFICATION ? "notification" : "endpoint";
    if (w[2] == TRACE_THREAD_BLOCKED_ON_SEND || w[2] == TRACE_THREAD_BLOCKED_ON_REPLY)
        return snprintf(out, len, "%08x %s (%s %08x, badge %u)", w[1],
                        trace_thread_state_name(w[2]), what, w[3], w[4]);
    return snprintf(out, len, "%08x %s (%s %08x)", w[1], trace_thread_state_name(w[2]), what,
                    w[3]);
}

static int explain_entry(const uint32_t *w, char *out, size_t len)
{
    switch (w[1]) {
    case TRACE_ENTRY_SYSCALL:
        return snprintf(out, len, "syscall %s from %08x at %08x",
                        trace_syscall_name((int32_t)w[2]), w[3], w[4]);
    case TRACE_ENTRY_INTERRUPT: return snprintf(out, len, "interrupt %u", w[2]);
    case TRACE_ENTRY_FAULT: return snprintf(out, len, "fault from %08x at %08x", w[3], w[4]);
    default: return snprintf(out, len, "cause %u", w[1]);
    }
}

/* What the payload means, for the events that have a reading; 0 for the others. */
static int explain(const trace_record_t *rec, char *out, size_t len)
{
    const uint32_t *w = rec->words;
    char info[64];
    switch (trace_record_type(rec)) {
    case TRACE_THREAD_STATE:
        return snprintf(out, len, "%08x %s", w[1], trace_thread_state_name(w[2]));
    case TRACE_THREAD_BLOCKED_EVENT: return explain_blocked(w, out, len);
    case TRACE_KERNEL_ENTRY: return explain_entry(w, out, len);
    case TRACE_INVOCATION:
        if (w[4])
            return snprintf(out, len, "%s of slot %08x fails: %s", trace_invocation_name(w[3]),
                            w[1], trace_error_name(w[4]));
        return snprintf(out, len, "%s of slot %08x", trace_invocation_name(w[3]), w[1]);
    case TRACE_IPC_SEND:
        message_info(rec, &w[5], info, sizeof(info));
        return snprintf(out, len, "%08x sends %u %s through endpoint %08x, badge %u%s", w[2],
                        w[4], words(w[4]), w[1], w[3], info);
    case TRACE_IPC_RECV:
        message_info(rec, &w[5], info, sizeof(info));
        return snprintf(out, len, "%08x receives %u %s from endpoint %08x, badge %u%s", w[2],
                        w[4], words(w[4]), w[1], w[3], info);
    case TRACE_IPC_REPLY:
        message_info(rec, &w[4], info, sizeof(info));
        return snprintf(out, len, "%08x replies %u %s to %08x%s", w[1], w[3], words(w[3]), w[2],
                        info);
    case TRACE_SIGNAL:
        if (!w[3])
            return snprintf(out, len, "badge 0x%x to notification %08x: nobody waits, pending",
                            w[2], w[1]);
        return snprintf(out, len, "badge 0x%x to notification %08x wakes %08x", w[2], w[1], w[3]);
    case TRACE_FAULT:
        return snprintf(out, len, "%08x: %s, address %08x, pc %08x", w[1], trace_fault_name(w[2]),
                        w[3], w[4]);
    default: return 0;
    }
}

int trace_format(const trace_record_t *rec, char *out, size_t out_len)
{
    char reading[200];
    int n = snprintf(out, out_len, "%12llu %-15s", (unsigned long long)rec->icount,
                     trace_event_name(trace_record_type(rec)));
    for (unsigned i = 1; i < rec->count && n >= 0 && (size_t)n < out_len; i++)
        n += snprintf(out + n, out_len - (size_t)n, " %08x", rec->words[i]);
    if (explain(rec, reading, sizeof(reading)) <= 0 || n < 0 || (size_t)n >= out_len)
        return n;
    /* The readings line up after four payload words, where most of these events end. */
    int pad = 4 - (int)rec->count + 1;
    return n + snprintf(out + n, out_len - (size_t)n, "%*s   %s", pad > 0 ? 9 * pad : 0, "",
                        reading);
}
