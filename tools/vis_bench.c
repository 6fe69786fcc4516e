/*
 * tools/vis_bench.c - the visualizer's figures for `make bench`: replays a trace
 * file into the model (events per second), then draws the whole window offscreen
 * with the same code as the live window, at the final state and at states spread
 * over the recording as a scrubber dragged forward shows them (frames per second), and
 * reports the peak memory.
 * Usage: vis-bench TRACE-FILE [MAX-EVENTS]
 */
#include <SDL2/SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "../trace/decode.h"
#include "../visualizer/font.h"
#include "../visualizer/model.h"
#include "../visualizer/render.h"

#define FRAMES 60

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t load(const char *path, size_t max, trace_record_t **out)
{
    trace_file_t tf;
    char err[256];
    if (trace_file_open(&tf, path, err, sizeof(err)) != 0) {
        fprintf(stderr, "vis-bench: %s\n", err);
        exit(2);
    }
    trace_record_t *recs = malloc(max * sizeof(*recs));
    size_t n = 0;
    while (n < max && trace_file_next(&tf, &recs[n], err, sizeof(err)) == 1)
        n++;
    trace_file_close(&tf);
    *out = recs;
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: vis-bench TRACE-FILE [MAX-EVENTS]\n");
        return 2;
    }
    size_t max = argc > 2 ? strtoul(argv[2], NULL, 0) : 100000;
    trace_record_t *recs;
    size_t n = load(argv[1], max, &recs);

    vis_model_t m;
    vis_model_init(&m);
    double t0 = now_s();
    for (size_t i = 0; i < n; i++)
        vis_model_apply(&m, &recs[i]);
    double replay = now_s() - t0;

    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 1600, 900, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    char err[256];
    vis_fonts_t *fonts = r ? vis_fonts_open(r, err, sizeof(err)) : NULL;
    if (!fonts) {
        fprintf(stderr, "vis-bench: cannot draw offscreen: %s\n", r ? err : SDL_GetError());
        return 1;
    }
    vis_ui_t ui;
    vis_ui_init(&ui, 1600, 900);
    ui.records = recs;
    ui.record_count = n;
    ui.cursor = n;
    ui.icount = m.icount;
    t0 = now_s();
    for (int f = 0; f < FRAMES; f++)
        vis_render(r, fonts, &m, &ui);
    double draw = now_s() - t0;

    /* Dragging the scrubber forward: each frame replays up to the next point and draws
     * it there (the timeline caption names the step, the tree its state). */
    vis_model_t scrub;
    vis_model_init(&scrub);
    size_t applied = 0;
    t0 = now_s();
    for (int f = 1; f <= FRAMES; f++) {
        size_t to = n * (size_t)f / FRAMES;
        while (applied < to)
            vis_model_apply(&scrub, &recs[applied++]);
        ui.cursor = to;
        vis_render(r, fonts, &scrub, &ui);
    }
    double scrubbing = now_s() - t0;
    vis_model_free(&scrub);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%-52s %zu events, %.0f events/s\n", "visualizer model: replaying the trace", n,
           replay > 0 ? (double)n / replay : 0.0);
    printf("%-52s %.1f frames/s (1600x900, software renderer, %zu caps)\n",
           "visualizer drawing the final state", FRAMES / draw, m.cap_count);
    printf("%-52s %.1f frames/s (%d points across the trace, replayed and drawn)\n",
           "visualizer scrubbing forward through the trace", FRAMES / scrubbing, FRAMES);
    printf("%-52s %ld MiB\n", "visualizer peak memory (events + model + frame)",
           ru.ru_maxrss / 1024);
    vis_ui_free(&ui);
    vis_fonts_close(fonts);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    vis_model_free(&m);
    free(recs);
    return 0;
}
