/*
 * arch/arm/drivers/gic.c - GICv2 for one CPU: every interrupt starts disabled,
 * enabled ones go to CPU 0 at one priority, and the CPU interface lets all
 * priorities through. Partner: drivers.h.
 */
#include <arch/cpu.h>

#include "drivers.h"

#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_ICENABLER 0x180
#define GICD_ISENABLER 0x100
#define GICD_ICPENDR 0x280
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_IAR 0x0C
#define GICC_EOIR 0x10
#define GICC_HPPIR 0x18

#define GIC_ENABLE 1u
#define GIC_IRQ_DEFAULT_PRIORITY 0xA0u
#define GIC_PMR_ALLOW_ALL 0xF0u
#define GIC_TARGET_CPU0 0x01u
#define GIC_IAR_ID_MASK 0x3FFu

static unsigned gic_line_count(uintptr_t dist)
{
    return 32 * ((mmio_read32(dist + GICD_TYPER) & 0x1Fu) + 1);
}

void gic_init(uintptr_t dist, uintptr_t cpu)
{
    unsigned lines = gic_line_count(dist);
    mmio_write32(dist + GICD_CTLR, 0);
    for (unsigned i = 0; i < lines; i += 32) {
        mmio_write32(dist + GICD_ICENABLER + i / 8, 0xFFFFFFFFu);
        mmio_write32(dist + GICD_ICPENDR + i / 8, 0xFFFFFFFFu);
    }
    mmio_write32(dist + GICD_CTLR, GIC_ENABLE);
    mmio_write32(cpu + GICC_PMR, GIC_PMR_ALLOW_ALL);
    mmio_write32(cpu + GICC_CTLR, GIC_ENABLE);
}

void gic_enable_irq(uintptr_t dist, unsigned irq)
{
    volatile uint8_t *prio = (volatile uint8_t *)(dist + GICD_IPRIORITYR);
    volatile uint8_t *target = (volatile uint8_t *)(dist + GICD_ITARGETSR);
    prio[irq] = GIC_IRQ_DEFAULT_PRIORITY;
    target[irq] = GIC_TARGET_CPU0; /* read-as-zero on a uniprocessor GIC; harmless */
    mmio_write32(dist + GICD_ISENABLER + (irq / 32) * 4, 1u << (irq % 32));
}

unsigned gic_acknowledge(uintptr_t cpu)
{
    return mmio_read32(cpu + GICC_IAR) & GIC_IAR_ID_MASK;
}

void gic_disable_irq(uintptr_t dist, unsigned irq)
{
    mmio_write32(dist + GICD_ICENABLER + (irq / 32) * 4, 1u << (irq % 32));
}

void gic_end_of_interrupt(uintptr_t cpu, unsigned irq)
{
    mmio_write32(cpu + GICC_EOIR, irq);
}

unsigned gic_highest_pending(uintptr_t cpu)
{
    return mmio_read32(cpu + GICC_HPPIR) & GIC_IAR_ID_MASK;
}
