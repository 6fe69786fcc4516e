/*
 * sim/dev/pl011.h - Arm PrimeCell PL011 UART as QEMU's vexpress-a15 models it.
 * Transmit is instantaneous (bytes go straight to the chardev); received bytes wait
 * in a 16-entry FIFO. Partners: pl011.c, tests/sim/test_pl011.c.
 */
#ifndef SIM_DEV_PL011_H
#define SIM_DEV_PL011_H

#include "../device.h"

typedef struct pl011 pl011_t;

/* Creates a UART whose output goes to `out` and whose interrupt drives `irq`. */
pl011_t *pl011_create(const sim_clock_t *clock, sim_irq_t irq, sim_chardev_t out);
void pl011_destroy(pl011_t *uart);
/* Feeds one received byte; returns false (byte dropped) when the FIFO is full. */
bool pl011_receive(pl011_t *uart, uint8_t byte);
/* True when the receive FIFO has room (the host should offer more input). */
bool pl011_can_receive(const pl011_t *uart);
sim_device_t pl011_device(pl011_t *uart, const char *name, uint32_t base);

#endif
