/*
 * arch/arm/include/arch/vexpress_map.h - the Versatile Express A15 physical memory
 * map (as QEMU models it), written once for the kernel of both boards and for
 * numbat-sim, whose arm-sim adds two devices. Plain #defines, for target and host.
 * Partners: arch/arm/boot_mmu.c, arch/arm/vexpress_family.c, arch/arm-sim/simdev.h,
 * sim/board.c, docs/numbat-sim.md (the same map as a table).
 */
#ifndef ARCH_VEXPRESS_MAP_H
#define ARCH_VEXPRESS_MAP_H

/* Motherboard peripherals, in the MiB at 0x1C000000. */
#define VEXPRESS_SYSREG_BASE 0x1C010000u /* system registers: ID, LEDs, SYS_CFG shutdown */
#define VEXPRESS_UART0_BASE 0x1C090000u  /* PL011: the console */
#define VEXPRESS_UART1_BASE 0x1C0A0000u  /* PL011: the trace stream on vexpress-a15 */
/* SP804 dual timers, in the next MiB: 0 and 1 (the kernel's tick), 2 and 3 (free
 * for a user-level driver). */
#define VEXPRESS_TIMER01_BASE 0x1C110000u
#define VEXPRESS_TIMER23_BASE 0x1C120000u

/* arm-sim only, in a MiB that vexpress-a15 leaves empty: numbat-sim's control
 * block and trace port (their registers: arch/arm-sim/simdev.h). */
#define SIMDEV_BASE 0x1D000000u
#define SIMCTL_BASE (SIMDEV_BASE + 0x0000u)
#define TRACEPORT_BASE (SIMDEV_BASE + 0x1000u)
#define SIMDEV_END (SIMDEV_BASE + 0x2000u)

/* The Cortex-A15's GIC-400: distributor, then CPU interface, in a 32 KiB window. */
#define VEXPRESS_GIC_BASE 0x2C000000u
#define VEXPRESS_GIC_DIST_BASE (VEXPRESS_GIC_BASE + 0x1000u)
#define VEXPRESS_GIC_CPU_BASE (VEXPRESS_GIC_BASE + 0x2000u)
#define VEXPRESS_GIC_END (VEXPRESS_GIC_BASE + 0x8000u)

/* RAM; how much there is, the board (or numbat-sim's --mem) decides. */
#define VEXPRESS_RAM_BASE 0x80000000u

/* Each of the devices above has one 4 KiB page of registers. */
#define VEXPRESS_DEVICE_PAGE 0x1000u

/* GIC interrupt IDs of the devices (shared peripheral interrupt n is ID 32 + n). */
#define VEXPRESS_IRQ_TIMER01 34
#define VEXPRESS_IRQ_TIMER23 35
#define VEXPRESS_IRQ_UART0 37

#endif
