/*
 * sim/dev/sp804.h - Arm SP804 dual timer (two down-counters, one interrupt line)
 * clocked at 1 MHz as on vexpress-a15. Counter values are computed from virtual
 * time on demand, so the timer costs nothing between accesses and deadlines.
 * Partners: sp804.c, tests/sim/test_sp804.c.
 */
#ifndef SIM_DEV_SP804_H
#define SIM_DEV_SP804_H

#include "../device.h"

#define SP804_CLOCK_HZ 1000000u

typedef struct sp804 sp804_t;

sp804_t *sp804_create(const sim_clock_t *clock, sim_irq_t irq);
void sp804_destroy(sp804_t *timer);
sim_device_t sp804_device(sp804_t *timer, const char *name, uint32_t base);

#endif
