/*
 * sim/device.h - the contract between the board and each simulated device. A device
 * is a register window plus, optionally, a notion of "when do I next need
 * attention" in virtual time and an interrupt line. Partners: board.c (maps the
 * windows), clock.c (deadlines, advance), the devices in sim/dev/.
 */
#ifndef SIM_DEVICE_H
#define SIM_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Virtual time is the retired instruction count; SIM_NEVER means "no deadline". */
typedef uint64_t sim_time_t;
#define SIM_NEVER UINT64_MAX

/* The simulated CPU retires this many instructions per virtual second. */
#define SIM_CPU_HZ 100000000ull

/* The board's clock: devices read `now` during register accesses. */
typedef struct sim_clock {
    sim_time_t now;
} sim_clock_t;

/* An interrupt output wired to one input of an interrupt controller. */
typedef struct sim_irq {
    void (*set)(void *ctx, unsigned line, bool level);
    void *ctx;
    unsigned line;
} sim_irq_t;

static inline void sim_irq_set(const sim_irq_t *irq, bool level)
{
    if (irq->set)
        irq->set(irq->ctx, irq->line, level);
}

/* A byte sink for character devices (the terminal, a capture buffer). */
typedef struct sim_chardev {
    void (*put)(void *ctx, uint8_t byte);
    void *ctx;
} sim_chardev_t;

/*
 * Register window operations. `offset` is relative to the window base, `size` is
 * 1, 2 or 4 bytes. Reads of unknown registers return 0 and writes to them are
 * ignored, as QEMU's models do (they log; we count them in the board).
 */
typedef struct sim_device_ops {
    uint32_t (*read)(void *self, uint32_t offset, unsigned size);
    void (*write)(void *self, uint32_t offset, unsigned size, uint32_t value);
    /* Virtual time at which the device next changes state by itself, or SIM_NEVER. */
    sim_time_t (*next_deadline)(void *self);
    /* Bring the device up to clock->now: raise or lower interrupt lines. */
    void (*advance)(void *self);
    /*
     * Checkpoints (sim/checkpoint.c): the device's state is state_size bytes that save
     * copies out and restore puts back. Wiring (the clock, interrupt lines, byte sinks)
     * is not state and survives a restore. A device with two windows gives these on
     * one of them only; 0 and NULL: nothing to save.
     */
    size_t state_size;
    void (*save)(const void *self, void *buf);
    void (*restore)(void *self, const void *buf);
} sim_device_ops_t;

typedef struct sim_device {
    const char *name;
    uint32_t base;
    uint32_t size;
    const sim_device_ops_t *ops;
    void *self;
} sim_device_t;

#endif
