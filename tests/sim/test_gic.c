/*
 * tests/sim/test_gic.c - Criterion tests for the GICv2 model: reset values and
 * behaviour of each distributor and CPU interface register, level/edge handling,
 * priority masking, preemption, acknowledge/EOI and the IRQ/FIQ outputs, checked
 * against QEMU 7.2's hw/intc/arm_gic.c. Partners: sim/dev/gic.c, sim/dev/gic.h.
 */
#include <criterion/criterion.h>

#include "dev/gic.h"

/* Distributor */
#define D_CTLR 0x000u
#define D_TYPER 0x004u
#define D_IIDR 0x008u
#define D_IGROUPR 0x080u
#define D_ISENABLER 0x100u
#define D_ICENABLER 0x180u
#define D_ISPENDR 0x200u
#define D_ICPENDR 0x280u
#define D_ISACTIVER 0x300u
#define D_ICACTIVER 0x380u
#define D_IPRIORITYR 0x400u
#define D_ITARGETSR 0x800u
#define D_ICFGR 0xc00u
#define D_SGIR 0xf00u
#define D_CPENDSGIR 0xf10u
#define D_SPENDSGIR 0xf20u
/* CPU interface */
#define C_CTLR 0x00u
#define C_PMR 0x04u
#define C_BPR 0x08u
#define C_IAR 0x0cu
#define C_EOIR 0x10u
#define C_RPR 0x14u
#define C_HPPIR 0x18u
#define C_ABPR 0x1cu
#define C_AIAR 0x20u
#define C_AEOIR 0x24u
#define C_AHPPIR 0x28u
#define C_APR0 0xd0u
#define C_NSAPR0 0xe0u
#define C_IIDR 0xfcu
#define C_DIR 0x1000u

#define CTLR_GRP0 0x1u
#define CTLR_GRP1 0x2u
#define CPU_ACKCTL 0x4u
#define CPU_FIQEN 0x8u
#define CPU_CBPR 0x10u
#define CPU_EOIMODE 0x200u

#define UART0_IRQ 37u
#define TIMER01_IRQ 34u
#define PPI_VTIMER 27u

static gic_t *gic;
static sim_device_t dist, cpu;

static void setup(void)
{
    gic = gic_create();
    cr_assert_not_null(gic);
    dist = gic_dist_device(gic, 0x2C001000u);
    cpu = gic_cpu_device(gic, 0x2C002000u);
}

static void teardown(void)
{
    gic_destroy(gic);
}

static uint32_t drd(uint32_t off) { return dist.ops->read(dist.self, off, 4); }
static void dwr(uint32_t off, uint32_t v) { dist.ops->write(dist.self, off, 4, v); }
static uint32_t crd(uint32_t off) { return cpu.ops->read(cpu.self, off, 4); }
static void cwr(uint32_t off, uint32_t v) { cpu.ops->write(cpu.self, off, 4, v); }

static uint32_t bank(uint32_t base, unsigned irq) { return base + 4u * (irq / 32u); }
static uint32_t bit(unsigned irq) { return 1u << (irq % 32u); }

static void set_priority(unsigned irq, uint8_t prio)
{
    dist.ops->write(dist.self, D_IPRIORITYR + irq, 1, prio);
}

/* Distributor and CPU interface on, PMR open, `irq` enabled at priority `prio`. */
static void open_gic_with(unsigned irq, uint8_t prio)
{
    dwr(D_CTLR, CTLR_GRP0 | CTLR_GRP1);
    cwr(C_CTLR, CTLR_GRP0 | CTLR_GRP1);
    cwr(C_PMR, 0xff);
    set_priority(irq, prio);
    dwr(bank(D_ISENABLER, irq), bit(irq));
}

static void make_edge(unsigned irq)
{
    uint32_t off = D_ICFGR + 4u * (irq / 16u);
    dwr(off, drd(off) | (2u << (2u * (irq % 16u))));
}

TestSuite(gic, .init = setup, .fini = teardown);

/* ---------------------------------------------------------------- windows */

Test(gic, windows_match_the_a15mpcore_layout)
{
    cr_assert_eq(dist.base, 0x2C001000u);
    cr_assert_eq(dist.size, 0x1000u);
    cr_assert_eq(cpu.base, 0x2C002000u);
    cr_assert_eq(cpu.size, 0x2000u, "GICv2 CPU interface includes GICC_DIR at 0x1000");
    cr_assert_eq(dist.ops->next_deadline(dist.self), SIM_NEVER);
    cr_assert_eq(cpu.ops->next_deadline(cpu.self), SIM_NEVER);
}

/* ------------------------------------------------------ distributor reset */

Test(gic, distributor_reset_values_match_qemu)
{
    cr_assert_eq(drd(D_CTLR), 0u);
    cr_assert_eq(drd(D_TYPER), GIC_NUM_IRQS / 32u - 1u, "ITLinesNumber, one CPU, no security");
    cr_assert_eq(drd(D_IIDR), 0x0000043bu);
    cr_assert_eq(drd(D_ISENABLER), 0x0000ffffu, "SGIs enabled, PPIs disabled");
    cr_assert_eq(drd(D_ICFGR), 0xaaaaaaaau, "SGIs edge-triggered");
    for (unsigned n = 0; n < GIC_NUM_IRQS / 32u; n++) {
        cr_assert_eq(drd(D_IGROUPR + 4 * n), 0u);
        if (n > 0)
            cr_assert_eq(drd(D_ISENABLER + 4 * n), 0u);
        cr_assert_eq(drd(D_ISPENDR + 4 * n), 0u);
        cr_assert_eq(drd(D_ISACTIVER + 4 * n), 0u);
    }
    for (unsigned n = 1; n < GIC_NUM_IRQS / 16u; n++)
        cr_assert_eq(drd(D_ICFGR + 4 * n), 0u, "PPIs and SPIs level-sensitive");
    for (unsigned irq = 0; irq < GIC_NUM_IRQS; irq += 4)
        cr_assert_eq(drd(D_IPRIORITYR + irq), 0u);
    cr_assert_eq(drd(D_CPENDSGIR), 0u);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cr_assert_not(gic_cpu_fiq_asserted(gic));
}

Test(gic, distributor_id_registers_read_gicv2_ids)
{
    static const uint32_t expect[] = {0x04, 0x00, 0x00, 0x00, 0x90, 0xb4,
                                      0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
    for (unsigned i = 0; i < 12; i++)
        cr_assert_eq(drd(0xfd0u + 4u * i), expect[i], "ID word at %#x", 0xfd0u + 4u * i);
}

Test(gic, registers_beyond_the_implemented_irqs_are_raz_wi)
{
    unsigned past = GIC_NUM_IRQS;
    dwr(bank(D_ISENABLER, past), 0xffffffffu);
    dwr(D_IPRIORITYR + past, 0xffffffffu);
    cr_assert_eq(drd(bank(D_ISENABLER, past)), 0u);
    cr_assert_eq(drd(D_IPRIORITYR + past), 0u);
    cr_assert_eq(drd(D_ICFGR + past / 4u), 0u);
    cr_assert_eq(drd(0x00cu), 0u);
    cr_assert_eq(drd(0xf30u), 0u);
}

/* ------------------------------------------------------ distributor regs */

Test(gic, ctlr_keeps_only_the_two_group_enables)
{
    dwr(D_CTLR, 0xffffffffu);
    cr_assert_eq(drd(D_CTLR), 3u);
    dwr(D_CTLR, 0u);
    cr_assert_eq(drd(D_CTLR), 0u);
}

Test(gic, typer_and_iidr_ignore_writes)
{
    dwr(D_TYPER, 0xffffffffu);
    dwr(D_IIDR, 0u);
    cr_assert_eq(drd(D_TYPER), GIC_NUM_IRQS / 32u - 1u);
    cr_assert_eq(drd(D_IIDR), 0x43bu);
}

Test(gic, igroupr_bits_read_back)
{
    dwr(D_IGROUPR + 4, 0x0000f00fu);
    cr_assert_eq(drd(D_IGROUPR + 4), 0x0000f00fu);
    dwr(D_IGROUPR, 0x80000001u);
    cr_assert_eq(drd(D_IGROUPR), 0x80000001u);
}

Test(gic, isenabler_and_icenabler_set_and_clear_spis)
{
    dwr(bank(D_ISENABLER, UART0_IRQ), bit(UART0_IRQ) | bit(TIMER01_IRQ));
    cr_assert_eq(drd(bank(D_ISENABLER, UART0_IRQ)), bit(UART0_IRQ) | bit(TIMER01_IRQ));
    cr_assert_eq(drd(bank(D_ICENABLER, UART0_IRQ)), bit(UART0_IRQ) | bit(TIMER01_IRQ),
                 "ICENABLER reads the same bits");
    dwr(bank(D_ICENABLER, UART0_IRQ), bit(TIMER01_IRQ));
    cr_assert_eq(drd(bank(D_ISENABLER, UART0_IRQ)), bit(UART0_IRQ));
}

Test(gic, sgis_cannot_be_disabled_but_ppis_can)
{
    dwr(D_ICENABLER, 0xffffffffu);
    cr_assert_eq(drd(D_ISENABLER), 0x0000ffffu);
    dwr(D_ISENABLER, bit(PPI_VTIMER));
    cr_assert_eq(drd(D_ISENABLER), 0x0000ffffu | bit(PPI_VTIMER));
    dwr(D_ICENABLER, bit(PPI_VTIMER));
    cr_assert_eq(drd(D_ISENABLER), 0x0000ffffu);
}

Test(gic, ispendr_and_icpendr_set_and_clear_spis_but_not_sgis)
{
    dwr(bank(D_ISPENDR, UART0_IRQ), bit(UART0_IRQ));
    cr_assert_eq(drd(bank(D_ISPENDR, UART0_IRQ)), bit(UART0_IRQ));
    cr_assert_eq(drd(bank(D_ICPENDR, UART0_IRQ)), bit(UART0_IRQ));
    dwr(bank(D_ICPENDR, UART0_IRQ), bit(UART0_IRQ));
    cr_assert_eq(drd(bank(D_ISPENDR, UART0_IRQ)), 0u);
    dwr(D_ISPENDR, 0x0000ffffu);
    cr_assert_eq(drd(D_ISPENDR), 0u, "SGI pending bits only via SGIR/SPENDSGIR");
}

Test(gic, isactiver_and_icactiver_set_and_clear)
{
    dwr(bank(D_ISACTIVER, UART0_IRQ), bit(UART0_IRQ));
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), bit(UART0_IRQ));
    cr_assert_eq(drd(bank(D_ICACTIVER, UART0_IRQ)), bit(UART0_IRQ));
    dwr(D_ISACTIVER, 0x3u);
    cr_assert_eq(drd(D_ISACTIVER), 0x3u, "SGIs can be made active");
    dwr(bank(D_ICACTIVER, UART0_IRQ), bit(UART0_IRQ));
    dwr(D_ICACTIVER, 0x1u);
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), 0u);
    cr_assert_eq(drd(D_ISACTIVER), 0x2u);
}

Test(gic, ipriorityr_is_byte_accessible_with_eight_bits)
{
    set_priority(UART0_IRQ, 0xa7);
    cr_assert_eq(dist.ops->read(dist.self, D_IPRIORITYR + UART0_IRQ, 1), 0xa7u);
    dwr(D_IPRIORITYR + 32, 0x11223344u);
    cr_assert_eq(drd(D_IPRIORITYR + 32), 0x11223344u);
    cr_assert_eq(dist.ops->read(dist.self, D_IPRIORITYR + 34, 2), 0x1122u);
    cr_assert_eq(drd(D_IPRIORITYR + 36), 0x000000a7u << 8, "ID 37 is byte 1 of word 9");
}

Test(gic, itargetsr_is_raz_wi_on_a_uniprocessor_gic)
{
    dwr(D_ITARGETSR + 32, 0x02020202u);
    cr_assert_eq(drd(D_ITARGETSR + 32), 0u);
    cr_assert_eq(drd(D_ITARGETSR), 0u, "even the banked SGI/PPI words");
}

Test(gic, icfgr_edge_bits_are_writable_except_for_sgis)
{
    dwr(D_ICFGR + 8, 0xffffffffu); /* IDs 32..47 */
    cr_assert_eq(drd(D_ICFGR + 8), 0xaaaaaaaau, "only the edge bit of each pair sticks");
    dwr(D_ICFGR, 0u);
    cr_assert_eq(drd(D_ICFGR), 0xaaaaaaaau, "SGIs stay edge-triggered");
    dwr(D_ICFGR + 4, 0x00000080u); /* PPI 19 edge */
    cr_assert_eq(drd(D_ICFGR + 4), 0x00000080u);
}

Test(gic, sgir_list_filter_pends_sgi_with_source_cpu)
{
    open_gic_with(3, 0x40);
    dwr(D_SGIR, (0u << 24) | (1u << 16) | 3u);
    cr_assert_eq(drd(D_ISPENDR) & 0xffffu, bit(3));
    cr_assert_eq(dist.ops->read(dist.self, D_SPENDSGIR + 3, 1), 0x1u, "source CPU 0");
    cr_assert(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_IAR), 3u, "CPUID field 0");
    cr_assert_eq(drd(D_ISPENDR) & 0xffffu, 0u);
}

Test(gic, sgir_filters_other_than_self_do_not_reach_cpu0)
{
    open_gic_with(5, 0x40);
    dwr(D_SGIR, (0u << 24) | (0xfeu << 16) | 5u);  /* list without CPU 0 */
    dwr(D_SGIR, (1u << 24) | 5u);                  /* all but self */
    cr_assert_eq(drd(D_ISPENDR) & 0xffffu, 0u);
    dwr(D_SGIR, (2u << 24) | 5u);                  /* self */
    cr_assert_eq(drd(D_ISPENDR) & 0xffffu, bit(5));
    dwr(D_SGIR, (3u << 24) | 6u);                  /* reserved: QEMU sends to all */
    cr_assert_eq(drd(D_ISPENDR) & 0xffffu, bit(5) | bit(6));
}

Test(gic, sgir_only_responds_to_word_writes_and_reads_zero)
{
    dist.ops->write(dist.self, D_SGIR, 2, (2u << 24) | 1u);
    dist.ops->write(dist.self, D_SGIR + 2, 2, 0x0200u);
    cr_assert_eq(drd(D_ISPENDR), 0u);
    dwr(D_SGIR, (2u << 24) | 1u);
    cr_assert_eq(drd(D_SGIR), 0u);
}

Test(gic, spendsgir_and_cpendsgir_track_sources)
{
    dist.ops->write(dist.self, D_SPENDSGIR + 2, 1, 0x05u);
    cr_assert_eq(drd(D_SPENDSGIR), 0x00050000u);
    cr_assert_eq(drd(D_CPENDSGIR), 0x00050000u, "both views read the source bits");
    cr_assert_eq(drd(D_ISPENDR), bit(2));
    dist.ops->write(dist.self, D_CPENDSGIR + 2, 1, 0x01u);
    cr_assert_eq(drd(D_ISPENDR), bit(2), "one source left");
    dist.ops->write(dist.self, D_CPENDSGIR + 2, 1, 0x04u);
    cr_assert_eq(drd(D_ISPENDR), 0u);
}

Test(gic, sgi_from_two_sources_is_acknowledged_once_per_source)
{
    open_gic_with(2, 0x10);
    dist.ops->write(dist.self, D_SPENDSGIR + 2, 1, 0x06u); /* CPUs 1 and 2 */
    cr_assert_eq(crd(C_IAR), 2u | (1u << 10));
    cwr(C_EOIR, 2u | (1u << 10));
    cr_assert_eq(crd(C_IAR), 2u | (2u << 10));
    cwr(C_EOIR, 2u | (2u << 10));
    cr_assert_eq(crd(C_IAR), 1023u);
}

/* --------------------------------------------------------- CPU interface */

Test(gic, cpu_interface_reset_values_match_qemu)
{
    cr_assert_eq(crd(C_CTLR), 0u);
    cr_assert_eq(crd(C_PMR), 0u);
    cr_assert_eq(crd(C_BPR), 0u);
    cr_assert_eq(crd(C_ABPR), 1u);
    cr_assert_eq(crd(C_RPR), 0xffu);
    cr_assert_eq(crd(C_HPPIR), 1023u);
    cr_assert_eq(crd(C_IAR), 1023u);
    cr_assert_eq(crd(C_IIDR), 0x0002043bu);
    for (unsigned i = 0; i < 4; i++) {
        cr_assert_eq(crd(C_APR0 + 4 * i), 0u);
        cr_assert_eq(crd(C_NSAPR0 + 4 * i), 0u);
    }
}

Test(gic, cpu_ctlr_keeps_the_gicv2_nonsecure_bits)
{
    cwr(C_CTLR, 0xffffffffu);
    cr_assert_eq(crd(C_CTLR), 0x21fu);
}

Test(gic, pmr_keeps_eight_bits)
{
    cwr(C_PMR, 0x1a5u);
    cr_assert_eq(crd(C_PMR), 0xa5u);
}

Test(gic, bpr_and_abpr_clamp_to_their_minimums)
{
    cwr(C_BPR, 0xfu);
    cr_assert_eq(crd(C_BPR), 7u);
    cwr(C_BPR, 0u);
    cr_assert_eq(crd(C_BPR), 0u);
    cwr(C_ABPR, 0u);
    cr_assert_eq(crd(C_ABPR), 1u);
    cwr(C_ABPR, 5u);
    cr_assert_eq(crd(C_ABPR), 5u);
}

Test(gic, aliased_ack_registers_are_not_implemented)
{
    open_gic_with(UART0_IRQ, 0x10);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_eq(crd(C_AIAR), 0u);
    cr_assert_eq(crd(C_AHPPIR), 0u);
    cwr(C_AEOIR, UART0_IRQ);
    cr_assert_eq(crd(C_IAR), UART0_IRQ, "AIAR read did not acknowledge");
}

Test(gic, read_only_cpu_registers_ignore_writes)
{
    cwr(C_RPR, 0x10u);
    cwr(C_HPPIR, 5u);
    cwr(C_IIDR, 0u);
    cr_assert_eq(crd(C_RPR), 0xffu);
    cr_assert_eq(crd(C_HPPIR), 1023u);
    cr_assert_eq(crd(C_IIDR), 0x0002043bu);
    cr_assert_eq(crd(C_EOIR), 0u);
}

/* ------------------------------------------------------------ signalling */

Test(gic, level_interrupt_asserts_irq_and_acknowledge_makes_it_active)
{
    open_gic_with(UART0_IRQ, 0x80);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_HPPIR), UART0_IRQ);
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cr_assert_not(gic_cpu_irq_asserted(gic), "active interrupts are not signalled");
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), bit(UART0_IRQ));
    cr_assert_eq(drd(bank(D_ISPENDR, UART0_IRQ)), bit(UART0_IRQ), "line still high");
    cr_assert_eq(crd(C_RPR), 0x80u);
    cr_assert_eq(crd(C_IAR), 1023u, "nothing else to take");
}

Test(gic, eoi_drops_priority_and_level_still_high_reasserts)
{
    open_gic_with(UART0_IRQ, 0x80);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cwr(C_EOIR, UART0_IRQ);
    cr_assert_eq(crd(C_RPR), 0xffu);
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), 0u);
    cr_assert(gic_cpu_irq_asserted(gic), "device did not lower its line");
    gic_set_line(gic, UART0_IRQ, false);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cr_assert_eq(drd(bank(D_ISPENDR, UART0_IRQ)), 0u);
}

Test(gic, level_interrupt_lowered_before_ack_is_no_longer_pending)
{
    open_gic_with(UART0_IRQ, 0x80);
    gic_set_line(gic, UART0_IRQ, true);
    gic_set_line(gic, UART0_IRQ, false);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_IAR), 1023u);
}

Test(gic, enabling_a_raised_level_interrupt_latches_it_pending)
{
    /* QEMU 7.2's GICD_ISENABLER write sets the pending latch for a high level line. */
    dwr(D_CTLR, 1);
    cwr(C_CTLR, 1);
    cwr(C_PMR, 0xff);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_not(gic_cpu_irq_asserted(gic), "disabled");
    dwr(bank(D_ISENABLER, UART0_IRQ), bit(UART0_IRQ));
    gic_set_line(gic, UART0_IRQ, false);
    cr_assert(gic_cpu_irq_asserted(gic), "latched, survives the line dropping");
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cwr(C_EOIR, UART0_IRQ);
    cr_assert_not(gic_cpu_irq_asserted(gic));
}

Test(gic, edge_interrupt_latches_and_can_pend_again_while_active)
{
    make_edge(TIMER01_IRQ);
    open_gic_with(TIMER01_IRQ, 0x40);
    gic_set_line(gic, TIMER01_IRQ, true);
    gic_set_line(gic, TIMER01_IRQ, false);
    cr_assert(gic_cpu_irq_asserted(gic), "edge stays pending after the pulse");
    cr_assert_eq(crd(C_IAR), TIMER01_IRQ);
    cr_assert_eq(drd(bank(D_ISPENDR, TIMER01_IRQ)), 0u);
    gic_set_line(gic, TIMER01_IRQ, true);
    cr_assert_eq(drd(bank(D_ISPENDR, TIMER01_IRQ)), bit(TIMER01_IRQ));
    cr_assert_not(gic_cpu_irq_asserted(gic), "active and pending: not re-signalled");
    cwr(C_EOIR, TIMER01_IRQ);
    cr_assert(gic_cpu_irq_asserted(gic));
}

Test(gic, repeated_same_level_input_is_ignored)
{
    make_edge(TIMER01_IRQ);
    open_gic_with(TIMER01_IRQ, 0x40);
    gic_set_line(gic, TIMER01_IRQ, true);
    cr_assert_eq(crd(C_IAR), TIMER01_IRQ);
    cwr(C_EOIR, TIMER01_IRQ);
    gic_set_line(gic, TIMER01_IRQ, true); /* no new edge */
    cr_assert_not(gic_cpu_irq_asserted(gic));
}

Test(gic, irq_input_adapter_drives_lines)
{
    open_gic_with(UART0_IRQ, 0x10);
    sim_irq_t line = {.set = gic_irq_input, .ctx = gic, .line = UART0_IRQ};
    sim_irq_set(&line, true);
    cr_assert(gic_cpu_irq_asserted(gic));
    sim_irq_set(&line, false);
    cr_assert_not(gic_cpu_irq_asserted(gic));
}

Test(gic, sgi_and_out_of_range_inputs_are_ignored)
{
    open_gic_with(3, 0x10);
    gic_set_line(gic, 3, true);
    gic_set_line(gic, GIC_NUM_IRQS, true);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cr_assert_eq(drd(D_ISPENDR), 0u);
}

Test(gic, ppi_input_is_banked_and_signalled)
{
    open_gic_with(PPI_VTIMER, 0x20);
    gic_set_line(gic, PPI_VTIMER, true);
    cr_assert(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_IAR), PPI_VTIMER);
}

Test(gic, pmr_masks_equal_or_lower_priorities)
{
    open_gic_with(UART0_IRQ, 0x80);
    cwr(C_PMR, 0x80);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_HPPIR), 1023u);
    cr_assert_eq(crd(C_IAR), 1023u);
    cwr(C_PMR, 0x81);
    cr_assert(gic_cpu_irq_asserted(gic));
}

Test(gic, disabled_distributor_or_cpu_interface_blocks_irq)
{
    open_gic_with(UART0_IRQ, 0x10);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert(gic_cpu_irq_asserted(gic));
    dwr(D_CTLR, 0);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_IAR), 1023u);
    dwr(D_CTLR, CTLR_GRP0);
    cwr(C_CTLR, 0);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cwr(C_CTLR, CTLR_GRP0);
    cr_assert(gic_cpu_irq_asserted(gic));
}

Test(gic, disabled_interrupt_is_not_signalled)
{
    open_gic_with(UART0_IRQ, 0x10);
    dwr(bank(D_ICENABLER, UART0_IRQ), bit(UART0_IRQ));
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cr_assert_eq(drd(bank(D_ISPENDR, UART0_IRQ)), bit(UART0_IRQ), "still pending");
}

Test(gic, highest_priority_wins_and_ties_go_to_lowest_id)
{
    open_gic_with(TIMER01_IRQ, 0x60);
    open_gic_with(UART0_IRQ, 0x40);
    open_gic_with(40, 0x40);
    dwr(bank(D_ISPENDR, 32), bit(TIMER01_IRQ) | bit(UART0_IRQ) | bit(40));
    cr_assert_eq(crd(C_HPPIR), UART0_IRQ);
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cr_assert_eq(crd(C_IAR), 1023u, "ID 40 has equal priority: no preemption");
    cwr(C_EOIR, UART0_IRQ);
    cr_assert_eq(crd(C_IAR), 40u);
    cwr(C_EOIR, 40u);
    cr_assert_eq(crd(C_IAR), TIMER01_IRQ);
}

Test(gic, higher_priority_preempts_running_interrupt)
{
    open_gic_with(TIMER01_IRQ, 0x80);
    open_gic_with(UART0_IRQ, 0x20);
    gic_set_line(gic, TIMER01_IRQ, true);
    cr_assert_eq(crd(C_IAR), TIMER01_IRQ);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cr_assert_eq(crd(C_RPR), 0x20u);
    /* Active priority bits: preemption level = priority >> 1, 32 levels per APR. */
    cr_assert_eq(crd(C_APR0), 1u << (0x20 >> 1));
    cr_assert_eq(crd(C_APR0 + 8), 1u << ((0x80 >> 1) - 64));
    cwr(C_EOIR, UART0_IRQ);
    cr_assert_eq(crd(C_RPR), 0x80u, "back to the preempted interrupt");
    cwr(C_EOIR, TIMER01_IRQ);
    cr_assert_eq(crd(C_RPR), 0xffu);
}

Test(gic, binary_point_groups_priorities_for_preemption)
{
    cwr(C_BPR, 3); /* group priority bits [7:4] */
    open_gic_with(TIMER01_IRQ, 0x48);
    open_gic_with(UART0_IRQ, 0x42);
    gic_set_line(gic, TIMER01_IRQ, true);
    cr_assert_eq(crd(C_IAR), TIMER01_IRQ);
    cr_assert_eq(crd(C_RPR), 0x40u, "running priority is the group priority");
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_eq(crd(C_HPPIR), UART0_IRQ, "visible as highest pending");
    cr_assert_not(gic_cpu_irq_asserted(gic), "same group priority: no preemption");
    cr_assert_eq(crd(C_IAR), 1023u);
}

Test(gic, sub_priority_preempts_when_bpr_is_zero)
{
    open_gic_with(TIMER01_IRQ, 0x48);
    open_gic_with(UART0_IRQ, 0x42);
    gic_set_line(gic, TIMER01_IRQ, true);
    cr_assert_eq(crd(C_IAR), TIMER01_IRQ);
    cr_assert_eq(crd(C_RPR), 0x48u);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
}

Test(gic, group1_interrupt_reads_1022_without_ackctl)
{
    open_gic_with(UART0_IRQ, 0x10);
    dwr(bank(D_IGROUPR, UART0_IRQ), bit(UART0_IRQ));
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert(gic_cpu_irq_asserted(gic));
    cr_assert_eq(crd(C_HPPIR), 1022u);
    cr_assert_eq(crd(C_IAR), 1022u);
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), 0u, "1022 acknowledges nothing");
    cwr(C_CTLR, CTLR_GRP0 | CTLR_GRP1 | CPU_ACKCTL);
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cr_assert_eq(crd(C_NSAPR0), 1u << (0x10 >> 1), "group 1 uses the NS active priorities");
}

Test(gic, group1_uses_abpr_unless_cbpr)
{
    open_gic_with(UART0_IRQ, 0x36);
    dwr(bank(D_IGROUPR, UART0_IRQ), bit(UART0_IRQ));
    cwr(C_CTLR, CTLR_GRP0 | CTLR_GRP1 | CPU_ACKCTL);
    cwr(C_ABPR, 4); /* group 1 binary point = ABPR - 1 = 3: bits [7:4] */
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cr_assert_eq(crd(C_RPR), 0x30u);
    cwr(C_EOIR, UART0_IRQ);
    cwr(C_CTLR, CTLR_GRP0 | CTLR_GRP1 | CPU_ACKCTL | CPU_CBPR);
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cr_assert_eq(crd(C_RPR), 0x36u, "CBPR: BPR (0) applies, bits [7:1]");
}

Test(gic, group_enable_bits_gate_each_group)
{
    open_gic_with(UART0_IRQ, 0x10);
    dwr(bank(D_IGROUPR, UART0_IRQ), bit(UART0_IRQ));
    dwr(D_CTLR, CTLR_GRP0);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_not(gic_cpu_irq_asserted(gic), "group 1 disabled in the distributor");
    cr_assert_eq(crd(C_HPPIR), 1022u, "but it is still the highest pending");
    dwr(D_CTLR, CTLR_GRP0 | CTLR_GRP1);
    cr_assert(gic_cpu_irq_asserted(gic));
}

Test(gic, group0_with_fiqen_signals_fiq_not_irq)
{
    open_gic_with(UART0_IRQ, 0x10);
    cwr(C_CTLR, CTLR_GRP0 | CTLR_GRP1 | CPU_FIQEN);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cr_assert(gic_cpu_fiq_asserted(gic));
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cr_assert_not(gic_cpu_fiq_asserted(gic));
}

Test(gic, eoimode_splits_priority_drop_and_deactivation)
{
    open_gic_with(UART0_IRQ, 0x30);
    cwr(C_CTLR, CTLR_GRP0 | CPU_EOIMODE);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cwr(C_EOIR, UART0_IRQ);
    cr_assert_eq(crd(C_RPR), 0xffu, "priority dropped");
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), bit(UART0_IRQ), "still active");
    cr_assert_not(gic_cpu_irq_asserted(gic));
    cwr(C_DIR, UART0_IRQ);
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), 0u);
    cr_assert(gic_cpu_irq_asserted(gic), "line still high");
}

Test(gic, dir_is_ignored_without_eoimode)
{
    open_gic_with(UART0_IRQ, 0x30);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_eq(crd(C_IAR), UART0_IRQ);
    cwr(C_DIR, UART0_IRQ);
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), bit(UART0_IRQ));
}

Test(gic, eoi_of_spurious_or_with_nothing_running_is_ignored)
{
    dwr(bank(D_ISACTIVER, UART0_IRQ), bit(UART0_IRQ));
    cwr(C_EOIR, UART0_IRQ); /* running priority idle */
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), bit(UART0_IRQ));
    cwr(C_EOIR, 1023u);
    cr_assert_eq(crd(C_RPR), 0xffu);
}

Test(gic, writing_apr_sets_running_priority)
{
    cwr(C_APR0, 1u << 8); /* preemption level 8 = priority 0x10 */
    cr_assert_eq(crd(C_APR0), 1u << 8);
    cr_assert_eq(crd(C_RPR), 0x10u);
    cwr(C_NSAPR0 + 4, 1u); /* level 32 = priority 0x40, lower than 0x10 */
    cr_assert_eq(crd(C_RPR), 0x10u);
    cwr(C_APR0, 0);
    cr_assert_eq(crd(C_RPR), 0x40u);
    cwr(C_NSAPR0 + 4, 0);
    cr_assert_eq(crd(C_RPR), 0xffu);
}

Test(gic, narrow_cpu_reads_return_low_bytes)
{
    open_gic_with(UART0_IRQ, 0x10);
    gic_set_line(gic, UART0_IRQ, true);
    cr_assert_eq(cpu.ops->read(cpu.self, C_IIDR, 2), 0x043bu);
    cr_assert_eq(cpu.ops->read(cpu.self, C_IAR, 1), UART0_IRQ, "a byte read still acknowledges");
    cr_assert_eq(drd(bank(D_ISACTIVER, UART0_IRQ)), bit(UART0_IRQ));
}
