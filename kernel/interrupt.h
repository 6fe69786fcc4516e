/*
 * kernel/interrupt.h - the kernel's part of an interrupt, once the architecture
 * has acknowledged it. Partners: interrupt.c, arch/arm/entry.c.
 */
#ifndef KERNEL_INTERRUPT_H
#define KERNEL_INTERRUPT_H

#include "kernel.h"

void interrupt_received(unsigned irq);

#endif
