/*
 * sim/dev/vexpress_sysreg.h - the Versatile Express motherboard system registers
 * (ID, LEDs, counters, flags, and the SYS_CFG interface through which software asks
 * the board to shut down or reboot). Partners: vexpress_sysreg.c,
 * tests/sim/test_sysreg.c.
 */
#ifndef SIM_DEV_VEXPRESS_SYSREG_H
#define SIM_DEV_VEXPRESS_SYSREG_H

#include "../device.h"

/* What the board does when software uses SYS_CFG shutdown (with SYS_CFGDATA) or reboot. */
typedef struct sim_power {
    void (*shutdown)(void *ctx, uint32_t status);
    void (*reboot)(void *ctx);
    void *ctx;
} sim_power_t;

typedef struct vexpress_sysreg vexpress_sysreg_t;

vexpress_sysreg_t *vexpress_sysreg_create(const sim_clock_t *clock, sim_power_t power);
void vexpress_sysreg_destroy(vexpress_sysreg_t *sysreg);
sim_device_t vexpress_sysreg_device(vexpress_sysreg_t *sysreg, uint32_t base);

#endif
