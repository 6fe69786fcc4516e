/*
 * arch/arm-sim/simdev.h - register layout of the two sim-only devices of the
 * arm-sim board: the simulator control block and the trace port. Shared by the
 * kernel's arm-sim platform code (plat.c) and by numbat-sim (sim/dev/simctl.c),
 * since both sides must agree on it. Documented in docs/sim-devices.md.
 * Partners: plat.c, sim/dev/simctl.c, arch/arm/include/arch/vexpress_map.h.
 */
#ifndef ARM_SIM_SIMDEV_H
#define ARM_SIM_SIMDEV_H

/* Where they sit (SIMCTL_BASE, TRACEPORT_BASE): the board's map. */
#include "../arm/include/arch/vexpress_map.h"

/* Simulator control block. */
#define SIMCTL_ID 0x00         /* RO: SIMCTL_MAGIC */
#define SIMCTL_VERSION 0x04    /* RO: SIMCTL_VERSION_1 */
#define SIMCTL_RAM_SIZE 0x08   /* RO: bytes of RAM at 0x80000000 (--mem) */
#define SIMCTL_CPU_HZ 0x0C     /* RO: virtual instructions per second */
#define SIMCTL_ICOUNT_LO 0x10  /* RO: retired instructions, low word (reading latches high) */
#define SIMCTL_ICOUNT_HI 0x14  /* RO: high word latched by the last ICOUNT_LO read */
#define SIMCTL_PANIC 0x18      /* WO: the kernel panicked; value = its code */
#define SIMCTL_MAGIC 0x4E4D4254u /* "NMBT" */
#define SIMCTL_VERSION_1 1u

/* Trace port: the kernel writes event words; each frame ends with a write to COMMIT. */
#define TRACEPORT_DATA 0x00    /* WO: next word of the frame being built */
#define TRACEPORT_COMMIT 0x04  /* WO: the frame is complete; value = frame length in words */
#define TRACEPORT_STATUS 0x08  /* RO: bit 0 = a consumer is recording */

#endif
