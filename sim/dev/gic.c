/*
 * sim/dev/gic.c - GICv2 distributor and CPU interface for one CPU, no security or
 * virtualization extensions, as QEMU 7.2's hw/intc/arm_gic.c behaves on
 * vexpress-a15 (revision 2, num-cpu 1). Partners: gic.h, tests/sim/test_gic.c,
 * docs/devices.md.
 */
#include "gic.h"

#include <stdlib.h>
#include <string.h>

#define GIC_DIST_WINDOW_SIZE 0x1000u
#define GIC_CPU_WINDOW_SIZE 0x2000u /* GICv2: GICC_DIR lives at 0x1000 */

#define GIC_NR_SGIS 16u
#define GIC_INTERNAL 32u /* SGIs + PPIs, banked per CPU */
#define GIC_MAXIRQ 1020u /* IDs from here up are special (1022, 1023) */
#define GIC_ID_NONE_GROUP1 1022u
_Static_assert(GIC_NUM_IRQS % 32 == 0 && GIC_NUM_IRQS <= GIC_MAXIRQ, "GIC size");

/*
 * QEMU keeps one bit per CPU (8 CPUs) in each per-interrupt state byte and sets all
 * eight for shared interrupts. We are CPU 0; keeping the same bytes reproduces the
 * few places where bits for absent CPUs leak into register reads.
 */
#define GIC_CPU0 0x01u
#define GIC_ALL_CPUS 0xffu
/* On a uniprocessor GIC every interrupt targets the sole CPU (GIC_DIST_TARGET). */
#define GIC_TARGET GIC_CPU0

/* Distributor offsets (byte addresses; QEMU decodes the distributor bytewise). */
#define GICD_CTLR 0x000u
#define GICD_TYPER 0x004u
#define GICD_IIDR 0x008u
#define GICD_ID_REGS_END 0x00cu
#define GICD_IGROUPR 0x080u
#define GICD_ISENABLER 0x100u
#define GICD_ICENABLER 0x180u
#define GICD_ISPENDR 0x200u
#define GICD_ICPENDR 0x280u
#define GICD_ISACTIVER 0x300u
#define GICD_ICACTIVER 0x380u
#define GICD_IPRIORITYR 0x400u
#define GICD_ITARGETSR 0x800u
#define GICD_ICFGR 0xc00u
#define GICD_SGIR 0xf00u
#define GICD_CPENDSGIR 0xf10u
#define GICD_SPENDSGIR 0xf20u
#define GICD_SGI_REGS_END 0xf30u
#define GICD_PIDR4 0xfd0u
#define GICD_WINDOW_END 0x1000u

#define GICD_CTLR_EN_GRP0 (1u << 0)
#define GICD_CTLR_EN_GRP1 (1u << 1)
#define GICD_CTLR_MASK (GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1)
/* GICD_TYPER byte 1 holds SecurityExtn (bit 10): zero here. */
#define GICD_TYPER_CPUS_SHIFT 5u
#define GICD_IIDR_BYTE0 0x3bu /* Arm's JEP106 code, 0x43b */
#define GICD_IIDR_BYTE1 0x04u

/* GICD_ICFGR: two bits per interrupt; bit 1 of each pair selects edge. */
#define GICD_ICFGR_EDGE 2u
#define GICD_ICFGR_SGI_FORCE 0xaau /* SGIs always read as edge-triggered */

/* GICD_SGIR fields. */
#define GICD_SGIR_INTID_MASK 0xfu
#define GICD_SGIR_TARGETS_SHIFT 16u
#define GICD_SGIR_FILTER_SHIFT 24u
#define GICD_SGIR_FILTER_MASK 3u
#define GICD_SGIR_FILTER_LIST 0u
#define GICD_SGIR_FILTER_OTHERS 1u
#define GICD_SGIR_FILTER_SELF 2u

/* CPU interface offsets. */
#define GICC_CTLR 0x00u
#define GICC_PMR 0x04u
#define GICC_BPR 0x08u
#define GICC_IAR 0x0cu
#define GICC_EOIR 0x10u
#define GICC_RPR 0x14u
#define GICC_HPPIR 0x18u
#define GICC_ABPR 0x1cu
#define GICC_APR0 0xd0u
#define GICC_NSAPR0 0xe0u
#define GICC_IIDR 0xfcu
#define GICC_DIR 0x1000u

#define GICC_CTLR_EN_GRP0 (1u << 0)
#define GICC_CTLR_EN_GRP1 (1u << 1)
#define GICC_CTLR_ACK_CTL (1u << 2)
#define GICC_CTLR_FIQ_EN (1u << 3)
#define GICC_CTLR_CBPR (1u << 4)
#define GICC_CTLR_EOIMODE (1u << 9)
#define GICC_CTLR_V2_MASK 0x21fu /* writable bits without security extensions */
#define GICC_IIDR_VALUE 0x0002043bu /* architecture v2, Arm implementation */
#define GICC_EOI_ID_MASK 0x3ffu
#define GICC_IAR_CPUID_SHIFT 10u
#define GICC_IAR_CPUID_MASK 7u

#define GIC_PRIO_IDLE 0x100u /* running priority with nothing active */
#define GIC_PRIO_RPR_IDLE 0xffu
#define GIC_PRIO_MASK 0xffu /* QEMU's default of 8 priority bits */
#define GIC_BPR_MASK 7u
#define GIC_MIN_BPR 0u
#define GIC_MIN_ABPR 1u
#define GIC_NR_APRS 4u /* 128 preemption levels / 32 */
#define GIC_APR_STRIDE 4u

/* GICD_PIDR4..7, PIDR0..3, CIDR0..3, one byte per word from 0xfd0. */
static const uint8_t gic_id_bytes[] = {0x04, 0x00, 0x00, 0x00, 0x90, 0xb4,
                                       0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

struct gic {
    /* Distributor */
    uint32_t ctlr;
    uint8_t enabled[GIC_NUM_IRQS];
    uint8_t pending[GIC_NUM_IRQS];
    uint8_t active[GIC_NUM_IRQS];
    uint8_t level[GIC_NUM_IRQS];
    uint8_t group[GIC_NUM_IRQS];
    bool edge[GIC_NUM_IRQS];
    uint8_t priority[GIC_NUM_IRQS];
    uint8_t sgi_pending[GIC_NR_SGIS]; /* source-CPU bitmap per SGI, for CPU 0 */
    /* CPU interface */
    uint32_t cpu_ctlr;
    uint32_t priority_mask;
    uint32_t bpr;
    uint32_t abpr;
    uint32_t running_priority;
    uint32_t current_pending;
    uint32_t apr[GIC_NR_APRS];
    uint32_t nsapr[GIC_NR_APRS];
    /* Outputs to the core */
    bool irq_out;
    bool fiq_out;
};

static uint32_t gic_size_mask(unsigned size)
{
    return size >= 4 ? UINT32_MAX : (1u << (size * 8u)) - 1u;
}

/* Per-CPU (banked) state for SGIs/PPIs, all-CPU state for SPIs. */
static uint8_t gic_bank_mask(unsigned irq)
{
    return irq < GIC_INTERNAL ? GIC_CPU0 : GIC_ALL_CPUS;
}

/*
 * Pending as the CPU sees it: the latch, or for a level-triggered interrupt the
 * input line itself, so a level interrupt stays pending while its line is high.
 */
static bool gic_test_pending(const gic_t *g, unsigned irq, uint8_t mask)
{
    return (g->pending[irq] & mask) || (!g->edge[irq] && (g->level[irq] & mask));
}

static bool gic_in_group1(const gic_t *g, unsigned irq)
{
    return (g->group[irq] & GIC_CPU0) != 0;
}

/* Highest-priority enabled, pending, inactive interrupt; ties go to the lowest ID. */
static unsigned gic_best_irq(const gic_t *g, uint32_t *prio)
{
    unsigned best = GIC_SPURIOUS;

    *prio = GIC_PRIO_IDLE;
    for (unsigned irq = 0; irq < GIC_NUM_IRQS; irq++) {
        if ((g->enabled[irq] & GIC_CPU0) && gic_test_pending(g, irq, GIC_CPU0) &&
            !(g->active[irq] & GIC_CPU0) && g->priority[irq] < *prio) {
            *prio = g->priority[irq];
            best = irq;
        }
    }
    return best;
}

/* gic_update(): recompute the interrupt the CPU would take and the IRQ/FIQ lines. */
static void gic_update(gic_t *g)
{
    uint32_t both = GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1;
    uint32_t prio;

    g->current_pending = GIC_SPURIOUS;
    g->irq_out = false;
    g->fiq_out = false;
    if (!(g->ctlr & both) || !(g->cpu_ctlr & both))
        return;
    unsigned best = gic_best_irq(g, &prio);
    if (prio >= g->priority_mask)
        return;
    g->current_pending = best;
    if (prio >= g->running_priority)
        return; /* masked by the running priority: visible in HPPIR, not signalled */
    uint32_t group_bit = gic_in_group1(g, best) ? GICD_CTLR_EN_GRP1 : GICD_CTLR_EN_GRP0;
    if (!(g->ctlr & group_bit) || !(g->cpu_ctlr & group_bit))
        return;
    if (group_bit == GICD_CTLR_EN_GRP0 && (g->cpu_ctlr & GICC_CTLR_FIQ_EN))
        g->fiq_out = true;
    else
        g->irq_out = true;
}

/* ------------------------------------------------------------------ inputs */

void gic_set_line(gic_t *gic, unsigned irq, bool level)
{
    /* SGIs have no input line (QEMU asserts); out-of-range IDs do not exist. */
    if (gic == NULL || irq < GIC_NR_SGIS || irq >= GIC_NUM_IRQS)
        return;
    uint8_t cm = gic_bank_mask(irq);
    if (level == ((gic->level[irq] & cm) != 0))
        return;
    if (level) {
        gic->level[irq] |= cm;
        /* Edges latch; a level input is pending only while it stays high. */
        if (gic->edge[irq])
            gic->pending[irq] |= GIC_TARGET;
    } else {
        gic->level[irq] &= (uint8_t)~cm;
    }
    gic_update(gic);
}

void gic_irq_input(void *gic, unsigned irq, bool level)
{
    gic_set_line(gic, irq, level);
}

bool gic_cpu_irq_asserted(const gic_t *gic)
{
    return gic->irq_out;
}

bool gic_cpu_fiq_asserted(const gic_t *gic)
{
    return gic->fiq_out;
}

/* ------------------------------------------------------------ distributor */

/* One byte of a one-bit-per-interrupt register (IGROUPR, IS/ICENABLER, ...). */
static uint8_t gic_read_bits(const gic_t *g, uint32_t offset, uint32_t base)
{
    unsigned irq = (offset - base) * 8u;
    uint8_t res = 0;

    if (irq >= GIC_NUM_IRQS)
        return 0;
    for (unsigned i = 0; i < 8; i++) {
        unsigned n = irq + i;
        uint8_t mask = gic_bank_mask(irq);
        bool bit;
        if (base == GICD_IGROUPR)
            bit = g->group[n] & GIC_CPU0;
        else if (base == GICD_ISENABLER || base == GICD_ICENABLER)
            bit = g->enabled[n] & GIC_CPU0;
        else if (base == GICD_ISPENDR || base == GICD_ICPENDR)
            bit = gic_test_pending(g, n, mask);
        else
            bit = g->active[n] & mask;
        res |= (uint8_t)(bit << i);
    }
    return res;
}

static uint8_t gic_read_cfg(const gic_t *g, uint32_t offset)
{
    unsigned irq = (offset - GICD_ICFGR) * 4u;
    uint8_t res = 0;

    if (irq >= GIC_NUM_IRQS)
        return 0;
    for (unsigned i = 0; i < 4; i++) {
        if (g->edge[irq + i])
            res |= (uint8_t)(GICD_ICFGR_EDGE << (i * 2));
    }
    return res;
}

static uint8_t gic_read_header(const gic_t *g, uint32_t offset)
{
    switch (offset) {
    case GICD_CTLR:
        return (uint8_t)g->ctlr;
    case GICD_TYPER:
        /* ITLinesNumber, CPUNumber = 0 (one CPU) */
        return (uint8_t)((GIC_NUM_IRQS / 32u - 1u) | (0u << GICD_TYPER_CPUS_SHIFT));
    case GICD_IIDR:
        return GICD_IIDR_BYTE0;
    case GICD_IIDR + 1:
        return GICD_IIDR_BYTE1;
    default:
        return 0; /* the rest of CTLR/TYPER/IIDR and the reserved words are RAZ */
    }
}

static uint8_t gic_dist_readb(const gic_t *g, uint32_t offset)
{
    if (offset < GICD_IGROUPR)
        return gic_read_header(g, offset);
    if (offset < GICD_IPRIORITYR) {
        uint32_t base = offset & ~0x7fu; /* each bitmap bank is 0x80 bytes */
        return gic_read_bits(g, offset, base);
    }
    if (offset < GICD_ITARGETSR) {
        unsigned irq = offset - GICD_IPRIORITYR;
        return irq < GIC_NUM_IRQS ? g->priority[irq] : 0;
    }
    if (offset < GICD_ICFGR)
        return 0; /* ITARGETSR: RAZ/WI on a uniprocessor GIC */
    if (offset < GICD_SGIR)
        return gic_read_cfg(g, offset);
    if (offset >= GICD_CPENDSGIR && offset < GICD_SGI_REGS_END)
        return g->sgi_pending[(offset - GICD_CPENDSGIR) % GIC_NR_SGIS];
    if (offset >= GICD_PIDR4 && offset < GICD_WINDOW_END && (offset & 3u) == 0)
        return gic_id_bytes[(offset - GICD_PIDR4) >> 2];
    return 0;
}

static void gic_write_group(gic_t *g, unsigned irq, uint8_t value)
{
    for (unsigned i = 0; i < 8; i++) {
        uint8_t cm = gic_bank_mask(irq);
        if (value & (1u << i))
            g->group[irq + i] |= cm;
        else
            g->group[irq + i] &= (uint8_t)~cm;
    }
}

static void gic_write_set_enable(gic_t *g, unsigned irq, uint8_t value)
{
    if (irq < GIC_NR_SGIS)
        value = 0xff; /* SGIs cannot be disabled; any write re-enables them */
    for (unsigned i = 0; i < 8; i++) {
        if (!(value & (1u << i)))
            continue;
        unsigned n = irq + i;
        uint8_t target = irq < GIC_INTERNAL ? GIC_CPU0 : GIC_TARGET;
        g->enabled[n] |= gic_bank_mask(irq);
        /* QEMU 7.2 latches a level interrupt whose line is already high. */
        if ((g->level[n] & target) && !g->edge[n])
            g->pending[n] |= target;
    }
}

/* Bitmap writes: ICENABLER, ISPENDR, ICPENDR, ISACTIVER, ICACTIVER. */
static void gic_write_bits(gic_t *g, uint32_t base, unsigned irq, uint8_t value)
{
    bool sgi = irq < GIC_NR_SGIS;
    uint8_t cm = gic_bank_mask(irq);

    for (unsigned i = 0; i < 8; i++) {
        unsigned n = irq + i;
        if (!(value & (1u << i)))
            continue;
        if (base == GICD_ICENABLER && !sgi)
            g->enabled[n] &= (uint8_t)~cm;
        else if (base == GICD_ISPENDR && !sgi)
            g->pending[n] |= GIC_TARGET;
        else if (base == GICD_ICPENDR && !sgi)
            g->pending[n] = 0; /* QEMU clears it for every CPU */
        else if (base == GICD_ISACTIVER)
            g->active[n] |= cm;
        else if (base == GICD_ICACTIVER)
            g->active[n] &= (uint8_t)~cm;
    }
}

static void gic_write_cfg(gic_t *g, uint32_t offset, uint8_t value)
{
    unsigned irq = (offset - GICD_ICFGR) * 4u;

    if (irq >= GIC_NUM_IRQS)
        return;
    if (irq < GIC_NR_SGIS)
        value |= GICD_ICFGR_SGI_FORCE;
    for (unsigned i = 0; i < 4; i++)
        g->edge[irq + i] = (value & (GICD_ICFGR_EDGE << (i * 2))) != 0;
}

static void gic_write_sgi_pending(gic_t *g, uint32_t offset, uint8_t value)
{
    if (offset < GICD_SPENDSGIR) {
        unsigned irq = offset - GICD_CPENDSGIR;
        g->sgi_pending[irq] &= (uint8_t)~value;
        if (g->sgi_pending[irq] == 0)
            g->pending[irq] &= (uint8_t)~GIC_CPU0;
    } else {
        unsigned irq = offset - GICD_SPENDSGIR;
        g->pending[irq] |= GIC_CPU0;
        g->sgi_pending[irq] |= value;
    }
}

/* Writes to the one-bit-per-interrupt banks between 0x080 and 0x3ff. */
static void gic_write_bitmap_bank(gic_t *g, uint32_t offset, uint8_t value)
{
    uint32_t base = offset & ~0x7fu;
    unsigned irq = (offset - base) * 8u;

    if (irq >= GIC_NUM_IRQS)
        return;
    if (base == GICD_IGROUPR)
        gic_write_group(g, irq, value);
    else if (base == GICD_ISENABLER)
        gic_write_set_enable(g, irq, value);
    else
        gic_write_bits(g, base, irq, value);
}

static void gic_dist_writeb(gic_t *g, uint32_t offset, uint8_t value)
{
    if (offset == GICD_CTLR) {
        g->ctlr = value & GICD_CTLR_MASK;
    } else if (offset >= GICD_IGROUPR && offset < GICD_IPRIORITYR) {
        gic_write_bitmap_bank(g, offset, value);
    } else if (offset >= GICD_IPRIORITYR && offset < GICD_ITARGETSR) {
        unsigned irq = offset - GICD_IPRIORITYR;
        if (irq < GIC_NUM_IRQS)
            g->priority[irq] = value & GIC_PRIO_MASK;
    } else if (offset >= GICD_ICFGR && offset < GICD_SGIR) {
        gic_write_cfg(g, offset, value);
    } else if (offset >= GICD_CPENDSGIR && offset < GICD_SGI_REGS_END) {
        gic_write_sgi_pending(g, offset, value);
    }
    /* Everything else (TYPER, IIDR, ITARGETSR, IDs, byte writes to SGIR) is WI. */
}

/*
 * GICD_SGIR: only a 32-bit write reaches it. With one CPU, "all but self" targets
 * nobody, and the reserved filter value 3 is treated by QEMU as "all CPUs".
 */
static void gic_write_sgir(gic_t *g, uint32_t value)
{
    unsigned irq = value & GICD_SGIR_INTID_MASK;
    uint32_t filter = (value >> GICD_SGIR_FILTER_SHIFT) & GICD_SGIR_FILTER_MASK;
    uint32_t targets;

    if (filter == GICD_SGIR_FILTER_LIST)
        targets = (value >> GICD_SGIR_TARGETS_SHIFT) & GIC_ALL_CPUS;
    else if (filter == GICD_SGIR_FILTER_OTHERS)
        targets = GIC_ALL_CPUS & ~GIC_CPU0;
    else if (filter == GICD_SGIR_FILTER_SELF)
        targets = GIC_CPU0;
    else
        targets = GIC_ALL_CPUS;
    g->pending[irq] |= (uint8_t)targets;
    if (targets & GIC_CPU0)
        g->sgi_pending[irq] |= GIC_CPU0; /* the source is CPU 0 */
}

static uint32_t gic_dist_read(void *self, uint32_t offset, unsigned size)
{
    const gic_t *g = self;
    uint32_t value = 0;

    for (unsigned i = 0; i < size && i < 4; i++) {
        if (offset + i < GICD_WINDOW_END)
            value |= (uint32_t)gic_dist_readb(g, offset + i) << (8u * i);
    }
    return value;
}

static void gic_dist_write(void *self, uint32_t offset, unsigned size, uint32_t value)
{
    gic_t *g = self;

    if (size == 4 && offset == GICD_SGIR) {
        gic_write_sgir(g, value);
    } else {
        for (unsigned i = 0; i < size && i < 4; i++) {
            if (offset + i < GICD_WINDOW_END)
                gic_dist_writeb(g, offset + i, (uint8_t)(value >> (8u * i)));
        }
    }
    gic_update(g);
}

/* ---------------------------------------------------------- CPU interface */

/* HPPIR/IAR view: without AckCtl a Group 1 interrupt shows as 1022. */
static uint32_t gic_pending_for_ack(const gic_t *g)
{
    uint32_t irq = g->current_pending;

    if (irq < GIC_MAXIRQ && gic_in_group1(g, irq) && !(g->cpu_ctlr & GICC_CTLR_ACK_CTL))
        return GIC_ID_NONE_GROUP1;
    return irq;
}

/* Priority with the sub-priority bits (per the binary point) cleared. */
static uint32_t gic_group_priority(const gic_t *g, unsigned irq)
{
    uint32_t bpr = g->bpr;

    if (!(g->cpu_ctlr & GICC_CTLR_CBPR) && gic_in_group1(g, irq))
        bpr = g->abpr - 1u;
    return g->priority[irq] & (~0u << ((bpr & GIC_BPR_MASK) + 1u));
}

static uint32_t gic_prio_from_apr(const gic_t *g)
{
    for (unsigned i = 0; i < GIC_NR_APRS; i++) {
        uint32_t bits = g->apr[i] | g->nsapr[i];
        if (bits != 0)
            return (i * 32u + (uint32_t)__builtin_ctz(bits)) << (GIC_MIN_BPR + 1u);
    }
    return GIC_PRIO_IDLE;
}

/* Mark `irq` active and raise the running priority to its group priority. */
static void gic_activate(gic_t *g, unsigned irq)
{
    uint32_t prio = gic_group_priority(g, irq);
    uint32_t preemption = prio >> (GIC_MIN_BPR + 1u);
    uint32_t *apr = gic_in_group1(g, irq) ? g->nsapr : g->apr;

    apr[preemption / 32u] |= 1u << (preemption % 32u);
    g->running_priority = prio;
    g->active[irq] |= GIC_CPU0;
}

/*
 * Consume one source of a pending SGI; the ID read from IAR carries the source CPU.
 * (QEMU asserts a source exists; one set pending through SPENDSGIR with no source
 * bits would abort it, and here acknowledges as coming from CPU 0.)
 */
static uint32_t gic_ack_sgi(gic_t *g, unsigned irq)
{
    unsigned src = g->sgi_pending[irq] ? (unsigned)__builtin_ctz(g->sgi_pending[irq]) : 0u;

    g->sgi_pending[irq] &= (uint8_t)~(1u << src);
    if (g->sgi_pending[irq] == 0)
        g->pending[irq] &= (uint8_t)~GIC_CPU0;
    return irq | ((src & GICC_IAR_CPUID_MASK) << GICC_IAR_CPUID_SHIFT);
}

/* GICC_IAR read: acknowledge the highest-priority pending interrupt. */
static uint32_t gic_acknowledge(gic_t *g)
{
    uint32_t irq = gic_pending_for_ack(g);
    uint32_t ret;

    if (irq >= GIC_MAXIRQ)
        return irq;
    if (g->priority[irq] >= g->running_priority)
        return GIC_SPURIOUS;
    gic_activate(g, irq);
    if (irq < GIC_NR_SGIS) {
        ret = gic_ack_sgi(g, irq);
    } else {
        /* A level interrupt whose line is still high stays pending (gic_test_pending). */
        g->pending[irq] &= (uint8_t)~GIC_CPU0;
        ret = irq;
    }
    gic_update(g);
    return ret;
}

/* GICC_EOIR write: drop the running priority and, unless EOImode, deactivate. */
static void gic_end_of_interrupt(gic_t *g, uint32_t irq)
{
    if (irq >= GIC_NUM_IRQS || g->running_priority == GIC_PRIO_IDLE)
        return;
    uint32_t *apr = gic_in_group1(g, irq) ? g->nsapr : g->apr;
    for (unsigned i = 0; i < GIC_NR_APRS; i++) {
        if (apr[i] != 0) {
            apr[i] &= apr[i] - 1u; /* highest active priority = lowest set bit */
            break;
        }
    }
    g->running_priority = gic_prio_from_apr(g);
    if (!(g->cpu_ctlr & GICC_CTLR_EOIMODE))
        g->active[irq] &= (uint8_t)~GIC_CPU0;
}

/* GICC_DIR write: deactivate, only meaningful when EOImode splits the two steps. */
static void gic_deactivate(gic_t *g, uint32_t irq)
{
    if (irq >= GIC_NUM_IRQS || !(g->cpu_ctlr & GICC_CTLR_EOIMODE))
        return;
    g->active[irq] &= (uint8_t)~GIC_CPU0;
}

static uint32_t gic_read_apr(const gic_t *g, uint32_t offset)
{
    if (offset >= GICC_NSAPR0)
        return g->nsapr[(offset - GICC_NSAPR0) / GIC_APR_STRIDE];
    return g->apr[(offset - GICC_APR0) / GIC_APR_STRIDE];
}

static uint32_t gic_cpu_read(void *self, uint32_t offset, unsigned size)
{
    gic_t *g = self;
    uint32_t value;

    switch (offset) {
    case GICC_CTLR:  value = g->cpu_ctlr; break;
    case GICC_PMR:   value = g->priority_mask; break;
    case GICC_BPR:   value = g->bpr; break;
    case GICC_IAR:   value = gic_acknowledge(g); break;
    case GICC_RPR:
        value = g->running_priority > GIC_PRIO_RPR_IDLE ? GIC_PRIO_RPR_IDLE
                                                        : g->running_priority;
        break;
    case GICC_HPPIR: value = gic_pending_for_ack(g); break;
    case GICC_ABPR:  value = g->abpr; break;
    case GICC_APR0: case GICC_APR0 + 4: case GICC_APR0 + 8: case GICC_APR0 + 12:
    case GICC_NSAPR0: case GICC_NSAPR0 + 4: case GICC_NSAPR0 + 8: case GICC_NSAPR0 + 12:
        value = gic_read_apr(g, offset);
        break;
    case GICC_IIDR:  value = GICC_IIDR_VALUE; break;
    default:         value = 0; break; /* EOIR, DIR, AIAR/AEOIR/AHPPIR: RAZ in QEMU */
    }
    return value & gic_size_mask(size);
}

static void gic_write_apr(gic_t *g, uint32_t offset, uint32_t value)
{
    if (offset >= GICC_NSAPR0)
        g->nsapr[(offset - GICC_NSAPR0) / GIC_APR_STRIDE] = value;
    else
        g->apr[(offset - GICC_APR0) / GIC_APR_STRIDE] = value;
    g->running_priority = gic_prio_from_apr(g);
}

static void gic_cpu_write(void *self, uint32_t offset, unsigned size, uint32_t value)
{
    gic_t *g = self;

    value &= gic_size_mask(size);
    switch (offset) {
    case GICC_CTLR: g->cpu_ctlr = value & GICC_CTLR_V2_MASK; break;
    case GICC_PMR:  g->priority_mask = value & GIC_PRIO_MASK; break;
    case GICC_BPR:  g->bpr = value & GIC_BPR_MASK; break; /* minimum is 0 */
    case GICC_EOIR: gic_end_of_interrupt(g, value & GICC_EOI_ID_MASK); break;
    case GICC_ABPR: {
        uint32_t abpr = value & GIC_BPR_MASK;
        g->abpr = abpr < GIC_MIN_ABPR ? GIC_MIN_ABPR : abpr;
        break;
    }
    case GICC_APR0: case GICC_APR0 + 4: case GICC_APR0 + 8: case GICC_APR0 + 12:
    case GICC_NSAPR0: case GICC_NSAPR0 + 4: case GICC_NSAPR0 + 8: case GICC_NSAPR0 + 12:
        gic_write_apr(g, offset, value);
        break;
    case GICC_DIR:  gic_deactivate(g, value & GICC_EOI_ID_MASK); break;
    default:        break; /* read-only and unknown registers ignore writes */
    }
    gic_update(g);
}

/* Nothing in the GIC changes with time; only register accesses and inputs do. */
static sim_time_t gic_next_deadline(void *self)
{
    (void)self;
    return SIM_NEVER;
}

static void gic_advance(void *self)
{
    (void)self;
}

/* Checkpoints: the GIC has no wiring (the CPU polls its outputs), so all of it is state. */
static void gic_save(const void *self, void *buf)
{
    memcpy(buf, self, sizeof(gic_t));
}

static void gic_restore(void *self, const void *buf)
{
    memcpy(self, buf, sizeof(gic_t));
}

static const sim_device_ops_t gic_dist_ops = {
    .read = gic_dist_read,
    .write = gic_dist_write,
    .next_deadline = gic_next_deadline,
    .advance = gic_advance,
    .state_size = sizeof(gic_t),
    .save = gic_save,
    .restore = gic_restore,
};

static const sim_device_ops_t gic_cpu_ops = {
    .read = gic_cpu_read,
    .write = gic_cpu_write,
    .next_deadline = gic_next_deadline,
    .advance = gic_advance,
};

/* Reset as arm_gic_common_reset() does without security extensions. */
gic_t *gic_create(void)
{
    gic_t *g = calloc(1, sizeof(*g));
    if (g == NULL)
        return NULL;
    for (unsigned irq = 0; irq < GIC_NR_SGIS; irq++) {
        g->enabled[irq] = GIC_ALL_CPUS;
        g->edge[irq] = true;
    }
    g->bpr = GIC_MIN_BPR;
    g->abpr = GIC_MIN_ABPR;
    g->running_priority = GIC_PRIO_IDLE;
    g->current_pending = GIC_SPURIOUS;
    return g;
}

void gic_destroy(gic_t *gic)
{
    free(gic);
}

sim_device_t gic_dist_device(gic_t *gic, uint32_t base)
{
    sim_device_t dev = {
        .name = "gic-dist",
        .base = base,
        .size = GIC_DIST_WINDOW_SIZE,
        .ops = &gic_dist_ops,
        .self = gic,
    };
    return dev;
}

sim_device_t gic_cpu_device(gic_t *gic, uint32_t base)
{
    sim_device_t dev = {
        .name = "gic-cpu",
        .base = base,
        .size = GIC_CPU_WINDOW_SIZE,
        .ops = &gic_cpu_ops,
        .self = gic,
    };
    return dev;
}
