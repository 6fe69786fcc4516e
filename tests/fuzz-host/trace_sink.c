/*
 * tests/fuzz-host/trace_sink.c - the consumers of decoded trace records, for the
 * trace harnesses: numbat-trace's line, the --attach session and its model, and the
 * visualizer's labels of caps, slots, threads and events. Partner: trace_sink.h.
 */
#include "trace_sink.h"

#include <stdlib.h>

#include "../../trace/text.h"
#include "../../visualizer/describe.h"
#include "../../visualizer/session.h"

static vis_session_t session;

void sink_begin(void)
{
    vis_session_start_attached(&session, "fuzz:1");
}

void sink_record(const trace_record_t *rec)
{
    char line[512], small[64];
    if (!trace_record_valid(rec->words, rec->count))
        abort(); /* the decoders pass on only well-formed events */
    trace_format(rec, line, sizeof(line));  /* numbat-trace's buffer */
    trace_format(rec, small, sizeof(small)); /* a line cut short */
    vis_session_feed(&session, rec);
    vis_event_label(&session.live, rec, line, sizeof(line));
}

/* Every cap, slot and thread named, as the CSpace and thread panes name them. */
static void read_model(const vis_model_t *m)
{
    char text[256];
    const vis_cap_t *kids[8];
    for (size_t i = 0; i < m->cap_count; i++) {
        const vis_cap_t *c = &m->caps[i];
        uint32_t v;
        vis_cap_label(m, c, text, sizeof(text));
        vis_slot_name(m, c->slot, text, sizeof(text));
        vis_cap_rights_of(c, &v);
        vis_cap_badged(c, &v);
        (void)vis_cap_object_bytes(c);
        (void)vis_model_children(m, c->slot, kids, 8);
    }
    for (size_t i = 0; i < m->thread_count; i++) {
        vis_thread_label(m, m->threads[i].tcb, text, sizeof(text));
        (void)vis_thread_cspace(m, m->threads[i].tcb);
    }
}

void sink_end(void)
{
    read_model(&session.live);
    read_model(vis_session_model_at(&session, session.count / 2)); /* going back */
    vis_session_end(&session);
}
