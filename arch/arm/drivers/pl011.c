/*
 * arch/arm/drivers/pl011.c - polled PL011 output: wait while the transmit FIFO is
 * full, then write the data register. Partner: drivers.h.
 */
#include <arch/cpu.h>

#include "drivers.h"

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_TXFF (1u << 5)

void pl011_putc(uintptr_t base, char c)
{
    while (mmio_read32(base + UART_FR) & UART_FR_TXFF)
        ;
    mmio_write32(base + UART_DR, (uint8_t)c);
}
