/*
 * sim/dev/simctl.c - the simulator control block and trace port of the arm-sim
 * board. Neither exists on vexpress-a15; the kernel uses them only on arm-sim.
 * Partners: simctl.h, arch/arm-sim/simdev.h, docs/sim-devices.md.
 */
#include "simctl.h"

#include <stdlib.h>
#include <string.h>

#include "../../arch/arm-sim/simdev.h"
#include "../../trace/format.h"

/* A frame longer than this is cut; the kernel's frames are a few words. */
#define TRACE_FRAME_MAX 64
_Static_assert(TRACE_FRAME_MAX >= TRACE_MAX_WORDS, "every valid trace event fits a frame");

struct simctl {
    const sim_clock_t *clock;
    uint32_t ram_size;
    simctl_events_t events;
    uint32_t icount_hi_latch;
    bool recording;
    uint32_t frame[TRACE_FRAME_MAX];
    size_t frame_len;
};

simctl_t *simctl_create(const sim_clock_t *clock, uint32_t ram_size, simctl_events_t events)
{
    simctl_t *ctl = calloc(1, sizeof(*ctl));
    if (!ctl)
        return NULL;
    ctl->clock = clock;
    ctl->ram_size = ram_size;
    ctl->events = events;
    return ctl;
}

void simctl_destroy(simctl_t *ctl)
{
    free(ctl);
}

void simctl_set_recording(simctl_t *ctl, bool recording)
{
    ctl->recording = recording;
}

static uint32_t control_read(void *self, uint32_t offset, unsigned size)
{
    simctl_t *ctl = self;
    (void)size;
    switch (offset) {
    case SIMCTL_ID: return SIMCTL_MAGIC;
    case SIMCTL_VERSION: return SIMCTL_VERSION_1;
    case SIMCTL_RAM_SIZE: return ctl->ram_size;
    case SIMCTL_CPU_HZ: return (uint32_t)SIM_CPU_HZ;
    case SIMCTL_ICOUNT_LO:
        /* Latch the high word so a LO-then-HI read pair is consistent. */
        ctl->icount_hi_latch = (uint32_t)(ctl->clock->now >> 32);
        return (uint32_t)ctl->clock->now;
    case SIMCTL_ICOUNT_HI: return ctl->icount_hi_latch;
    default: return 0;
    }
}

static void control_write(void *self, uint32_t offset, unsigned size, uint32_t value)
{
    simctl_t *ctl = self;
    (void)size;
    if (offset == SIMCTL_PANIC && ctl->events.panic)
        ctl->events.panic(ctl->events.ctx, value);
}

static uint32_t trace_read(void *self, uint32_t offset, unsigned size)
{
    simctl_t *ctl = self;
    (void)size;
    return offset == TRACEPORT_STATUS ? (uint32_t)ctl->recording : 0;
}

static void trace_write(void *self, uint32_t offset, unsigned size, uint32_t value)
{
    simctl_t *ctl = self;
    (void)size;
    if (offset == TRACEPORT_DATA) {
        if (ctl->frame_len < TRACE_FRAME_MAX)
            ctl->frame[ctl->frame_len++] = value;
    } else if (offset == TRACEPORT_COMMIT) {
        if (ctl->events.trace_frame)
            ctl->events.trace_frame(ctl->events.ctx, ctl->frame, ctl->frame_len);
        ctl->frame_len = 0;
    }
}

/* Checkpoints: the latch and a frame half sent; the wiring (clock, RAM size, event
   callbacks, whether anyone records) survives a restore. */
static void simctl_save(const void *self, void *buf)
{
    memcpy(buf, self, sizeof(simctl_t));
}

static void simctl_restore(void *self, const void *buf)
{
    simctl_t *ctl = self;
    simctl_t wiring = *ctl;
    memcpy(ctl, buf, sizeof(*ctl));
    ctl->clock = wiring.clock;
    ctl->ram_size = wiring.ram_size;
    ctl->events = wiring.events;
    ctl->recording = wiring.recording;
}

static const sim_device_ops_t control_ops = {.read = control_read,
                                             .write = control_write,
                                             .state_size = sizeof(simctl_t),
                                             .save = simctl_save,
                                             .restore = simctl_restore};
static const sim_device_ops_t trace_ops = {.read = trace_read, .write = trace_write};

sim_device_t simctl_control_device(simctl_t *ctl)
{
    return (sim_device_t){"simctl", SIMCTL_BASE, VEXPRESS_DEVICE_PAGE, &control_ops, ctl};
}

sim_device_t simctl_trace_device(simctl_t *ctl)
{
    return (sim_device_t){"traceport", TRACEPORT_BASE, VEXPRESS_DEVICE_PAGE, &trace_ops, ctl};
}
