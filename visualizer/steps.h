/*
 * visualizer/steps.h - the recording cut into steps a person reads as one thing: a
 * kernel visit (a kernel entry up to its exit: one system call, interrupt or fault,
 * with everything it changed), a revoke preempted and restarted counted as one visit
 * from its first entry to the exit after its end, and each event outside any visit
 * (the boot's) on its own. A step is named by what was invoked ("CNode_Revoke of
 * [96]: deleted 64 caps"); [ and ] move by steps and c jumps to the next that
 * changes caps. Partners: steps.c, render.c (the timeline caption), render_side.c
 * (what a step deleted), app.c (the keys), tests/sim/test_vis_steps.c.
 */
#ifndef VIS_STEPS_H
#define VIS_STEPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* A step: the events first..last of the recording (indices, both included). */
typedef struct vis_step {
    size_t first, last;
} vis_step_t;

/* The step holding event i (i < count). */
vis_step_t vis_step_of(const trace_record_t *r, size_t count, size_t i);
/* Does the step insert, move, delete or change a cap? */
bool vis_step_changes_caps(const trace_record_t *r, vis_step_t s);
/*
 * The step in words, its slots named in model m (the state after it):
 * "rootserver: CNode_Revoke of [96]: deleted 64 caps ([95]–[158])",
 * "rootserver: CNode_Copy: endpoint e00a2000 into [161]", "rootserver: DebugPutChar".
 */
void vis_step_label(const vis_model_t *m, const trace_record_t *r, vis_step_t s, char *out,
                    size_t len);
/* The caps the step deleted: the indices of its cap-delete events; returns how many
 * (stores up to max). */
size_t vis_step_deletions(const trace_record_t *r, vis_step_t s, size_t *out, size_t max);
/* The cursor (events applied) after the next step from `cursor` that changes caps, or
 * count when there is none. */
size_t vis_next_cap_change(const trace_record_t *r, size_t count, size_t cursor);

#endif
