/*
 * sim/dev/gic.h - GICv2 (GIC-400 as in the Cortex-A15 MPCore) for one CPU, without
 * security extensions, as QEMU's vexpress-a15 has it when EL3 is off: a distributor
 * window and a CPU interface window over one state. Partners: gic.c,
 * tests/sim/test_gic.c.
 */
#ifndef SIM_DEV_GIC_H
#define SIM_DEV_GIC_H

#include "../device.h"

#define GIC_NUM_IRQS 160 /* 16 SGIs, 16 PPIs, 128 SPIs: as QEMU's vexpress-a15 */
#define GIC_SPURIOUS 1023

typedef struct gic gic_t;

gic_t *gic_create(void);
void gic_destroy(gic_t *gic);
/* Drives interrupt input `irq` (an interrupt ID, 0..GIC_NUM_IRQS-1). */
void gic_set_line(gic_t *gic, unsigned irq, bool level);
/* Suitable as sim_irq_t.set with ctx = the gic. */
void gic_irq_input(void *gic, unsigned irq, bool level);
/* True while the CPU interface asserts IRQ to the core. */
bool gic_cpu_irq_asserted(const gic_t *gic);
/* True while it asserts FIQ instead (Group 0 interrupt with GICC_CTLR.FIQEn set). */
bool gic_cpu_fiq_asserted(const gic_t *gic);
sim_device_t gic_dist_device(gic_t *gic, uint32_t base);
sim_device_t gic_cpu_device(gic_t *gic, uint32_t base);

#endif
