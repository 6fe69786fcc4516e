/*
 * visualizer/steps.c - cutting the recording into readable steps and naming them
 * (steps.h says what a step is). Steps are found by scanning out from an event, a
 * bounded way: a kernel visit holds tens of events, a long revoke a few thousand.
 * Partners: steps.h, describe.c (the words for caps and slots), trace/names.c.
 */
#include "steps.h"

#include <stdio.h>
#include <string.h>

#include "../trace/names.h"
#include "describe.h"

/* The furthest a scan looks for a visit's entry or exit. */
#define SCAN_LIMIT 20000u

static unsigned type_at(const trace_record_t *r, size_t i)
{
    return trace_record_type(&r[i]);
}

/* The furthest a step reaches over the visits of one preempted revoke. */
#define VISIT_LIMIT 16

/* The first kernel exit at or after event i (the end of a visit), or count - 1. */
static size_t visit_exit(const trace_record_t *r, size_t count, size_t i)
{
    for (size_t k = i, seen = 0; k < count && seen < SCAN_LIMIT; k++, seen++)
        if (type_at(r, k) == TRACE_KERNEL_EXIT)
            return k;
    return count - 1;
}

/* The kernel entry that opens the visit holding event i, or SIZE_MAX when i is
 * outside any visit. */
static size_t visit_entry(const trace_record_t *r, size_t i)
{
    for (size_t k = i + 1, seen = 0; k-- > 0 && seen < SCAN_LIMIT; seen++) {
        unsigned t = type_at(r, k);
        if (t == TRACE_KERNEL_ENTRY)
            return k;
        if (t == TRACE_KERNEL_EXIT && k != i)
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

typedef enum revoke_state { NO_REVOKE, REVOKE_OPEN, REVOKE_DONE } revoke_state_t;

/* Does the visit first..last leave a revoke unfinished (preempted), finish one, or
 * neither? (A preempted revoke begins again in the visit that restarts it.) */
static revoke_state_t revoke_state(const trace_record_t *r, size_t first, size_t last)
{
    revoke_state_t state = NO_REVOKE;
    for (size_t k = first; k <= last; k++) {
        unsigned t = type_at(r, k);
        state = t == TRACE_REVOKE_BEGIN ? REVOKE_OPEN : t == TRACE_REVOKE_END ? REVOKE_DONE : state;
    }
    return state;
}

/* The earliest visit of the revoke the visit at `entry` continues: back over visits
 * (an interrupt's, the restarted revoke's own) to one that left a revoke open. */
static size_t chain_start(const trace_record_t *r, size_t entry)
{
    size_t start = entry, at = entry;
    for (int n = 0; n < VISIT_LIMIT && at > 0; n++) {
        size_t before = visit_entry(r, at - 1);
        if (before == SIZE_MAX)
            break;
        revoke_state_t state = revoke_state(r, before, at - 1);
        if (state == REVOKE_DONE)
            break;
        if (state == REVOKE_OPEN)
            start = before;
        at = before;
    }
    return start;
}

vis_step_t vis_step_of(const trace_record_t *r, size_t count, size_t i)
{
    vis_step_t s = {i, i};
    size_t entry = visit_entry(r, i);
    if (entry == SIZE_MAX)
        return s;
    s.first = chain_start(r, entry);
    s.last = visit_exit(r, count, i);
    /* A revoke left open runs on through the next visits to the one that ends it. */
    revoke_state_t state = revoke_state(r, s.first, s.last);
    for (int n = 0; n < VISIT_LIMIT && state == REVOKE_OPEN && s.last + 1 < count; n++) {
        size_t next = s.last + 1;
        if (type_at(r, next) != TRACE_KERNEL_ENTRY)
            break;
        s.last = visit_exit(r, count, next);
        revoke_state_t more = revoke_state(r, next, s.last);
        state = more == NO_REVOKE ? REVOKE_OPEN : more;
    }
    return s;
}

static bool is_cap_event(unsigned t)
{
    return t == TRACE_CAP_INSERT || t == TRACE_CAP_MOVE || t == TRACE_CAP_DELETE ||
           t == TRACE_CAP_SWAP || t == TRACE_CAP_UPDATE;
}

bool vis_step_changes_caps(const trace_record_t *r, vis_step_t s)
{
    for (size_t k = s.first; k <= s.last; k++)
        if (is_cap_event(type_at(r, k)))
            return true;
    return false;
}

size_t vis_step_deletions(const trace_record_t *r, vis_step_t s, size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t k = s.first; k <= s.last; k++)
        if (type_at(r, k) == TRACE_CAP_DELETE) {
            if (n < max)
                out[n] = k;
            n++;
        }
    return n;
}

size_t vis_next_cap_change(const trace_record_t *r, size_t count, size_t cursor)
{
    for (size_t i = cursor; i < count;) {
        vis_step_t s = vis_step_of(r, count, i);
        if (vis_step_changes_caps(r, s))
            return s.last + 1;
        i = s.last + 1;
    }
    return count;
}

/* ---- names ------------------------------------------------------------------------- */

/* The first event of `type` in the step, or SIZE_MAX. */
static size_t find(const trace_record_t *r, vis_step_t s, unsigned type)
{
    for (size_t k = s.first; k <= s.last; k++)
        if (type_at(r, k) == type)
            return k;
    return SIZE_MAX;
}

static size_t count_type(const trace_record_t *r, vis_step_t s, unsigned type)
{
    size_t n = 0;
    for (size_t k = s.first; k <= s.last; k++)
        n += type_at(r, k) == type;
    return n;
}

/* "[95]–[158]": the lowest and highest slot the step deleted from. */
static void deleted_range(const vis_model_t *m, const trace_record_t *r, vis_step_t s, char *out,
                          size_t len)
{
    uint32_t lo = UINT32_MAX, hi = 0;
    for (size_t k = s.first; k <= s.last; k++)
        if (type_at(r, k) == TRACE_CAP_DELETE) {
            uint32_t slot = r[k].words[1];
            lo = slot < lo ? slot : lo;
            hi = slot > hi ? slot : hi;
        }
    char a[48], b[48];
    vis_slot_name(m, lo, a, sizeof(a));
    vis_slot_name(m, hi, b, sizeof(b));
    if (lo == hi)
        snprintf(out, len, "%s", a);
    else
        snprintf(out, len, "%s–%s", a, b);
}

/* What a cap-changing invocation did, after its name: ": deleted 64 caps ([95]–[158])",
 * ": endpoint e00a2000 into [161]", ": made 64 endpoints". */
static void outcome(const vis_model_t *m, const trace_record_t *r, vis_step_t s, char *out,
                    size_t len)
{
    size_t deleted = count_type(r, s, TRACE_CAP_DELETE), made = count_type(r, s, TRACE_CAP_INSERT);
    size_t first = find(r, s, TRACE_CAP_INSERT);
    char range[100], label[96], where[48];
    out[0] = '\0';
    if (deleted) {
        deleted_range(m, r, s, range, sizeof(range));
        snprintf(out, len, ": deleted %zu cap%s (%s)", deleted, deleted == 1 ? "" : "s", range);
    } else if (made == 1) {
        vis_cap_t cap = {.slot = r[first].words[1], .w0 = r[first].words[2],
                         .w1 = r[first].words[3]};
        vis_cap_label(m, &cap, label, sizeof(label));
        vis_slot_name(m, cap.slot, where, sizeof(where));
        snprintf(out, len, ": %s into %s", label, where);
    } else if (made > 1) {
        snprintf(out, len, ": made %zu caps", made);
    }
}

/* "CNode_Revoke of [96]", "Call on endpoint [5]", "TCB_Resume of [1]" (failed: "... fails:
 * InvalidArgument"). */
static void invocation_words(const vis_model_t *m, const trace_record_t *r, vis_step_t s,
                             size_t inv, char *out, size_t len)
{
    const uint32_t *w = r[inv].words;
    char target[48], sys[24] = "Call";
    unsigned type = vis_cap_type(w[2]);
    size_t revoke = find(r, s, TRACE_REVOKE_BEGIN);
    vis_slot_name(m, revoke != SIZE_MAX ? r[revoke].words[1] : w[1], target, sizeof(target));
    if (r[s.first].words[1] == TRACE_ENTRY_SYSCALL && type_at(r, s.first) == TRACE_KERNEL_ENTRY)
        snprintf(sys, sizeof(sys), "%s", trace_syscall_name((int32_t)r[s.first].words[2]));
    if (type == TRACE_CAP_ENDPOINT || type == TRACE_CAP_NOTIFICATION || type == TRACE_CAP_REPLY)
        snprintf(out, len, "%s on %s %s", sys, vis_cap_type_name(type), target);
    else if (w[4])
        snprintf(out, len, "%s of %s fails: %s", trace_invocation_name(w[3]), target,
                 trace_error_name(w[4]));
    else
        snprintf(out, len, "%s of %s", trace_invocation_name(w[3]), target);
}

void vis_step_label(const vis_model_t *m, const trace_record_t *r, vis_step_t s, char *out,
                    size_t len)
{
    if (type_at(r, s.first) != TRACE_KERNEL_ENTRY) {
        vis_event_label(m, &r[s.last], out, len);
        return;
    }
    const uint32_t *entry = r[s.first].words;
    char who[32], what[160], done[200];
    vis_thread_label(m, entry[3], who, sizeof(who));
    size_t inv = find(r, s, TRACE_INVOCATION);
    if (inv != SIZE_MAX)
        invocation_words(m, r, s, inv, what, sizeof(what));
    else
        vis_entry_label(entry[1], entry[2], what, sizeof(what));
    outcome(m, r, s, done, sizeof(done));
    if (entry[3])
        snprintf(out, len, "%s: %s%s", who, what, done);
    else
        snprintf(out, len, "%s%s", what, done);
}
