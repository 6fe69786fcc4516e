/*
 * sim/dev/simctl.h - the arm-sim board's sim-only devices: the simulator control
 * block (identity, RAM size, virtual time, kernel panic doorbell) and the trace
 * port (framed event words from the kernel). Layout: arch/arm-sim/simdev.h.
 * Partners: simctl.c, tests/sim/test_simctl.c.
 */
#ifndef SIM_DEV_SIMCTL_H
#define SIM_DEV_SIMCTL_H

#include <stddef.h>

#include "../device.h"

typedef struct simctl_events {
    void (*panic)(void *ctx, uint32_t code);
    /* A complete trace frame; words are valid only during the call. */
    void (*trace_frame)(void *ctx, const uint32_t *words, size_t count);
    void *ctx;
} simctl_events_t;

typedef struct simctl simctl_t;

simctl_t *simctl_create(const sim_clock_t *clock, uint32_t ram_size, simctl_events_t events);
void simctl_destroy(simctl_t *ctl);
/* Tells the kernel (through TRACEPORT_STATUS) whether frames are being recorded. */
void simctl_set_recording(simctl_t *ctl, bool recording);
sim_device_t simctl_control_device(simctl_t *ctl);
sim_device_t simctl_trace_device(simctl_t *ctl);

#endif
