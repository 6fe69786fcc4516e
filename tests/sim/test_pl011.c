/*
 * tests/sim/test_pl011.c - Criterion tests for the PL011 UART model: reset values
 * and read/write behaviour of every register, transmit, the receive FIFO in both
 * FIFO modes, and the interrupt line, checked against QEMU 7.2's hw/char/pl011.c.
 * Partners: sim/dev/pl011.c, sim/dev/pl011.h.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "dev/pl011.h"

#define DR 0x000u
#define RSR 0x004u
#define ECR 0x004u
#define FR 0x018u
#define ILPR 0x020u
#define IBRD 0x024u
#define FBRD 0x028u
#define LCR_H 0x02cu
#define CR 0x030u
#define IFLS 0x034u
#define IMSC 0x038u
#define RIS 0x03cu
#define MIS 0x040u
#define ICR 0x044u
#define DMACR 0x048u

#define FR_RXFE 0x10u
#define FR_RXFF 0x40u
#define FR_TXFE 0x80u
#define INT_RX 0x10u
#define INT_TX 0x20u
#define LCR_H_FEN 0x10u

typedef struct sink {
    uint8_t bytes[64];
    unsigned len;
} sink_t;

typedef struct irq_probe {
    bool level;
    unsigned calls;
} irq_probe_t;

static sim_clock_t clk;
static sink_t sink;
static irq_probe_t probe;
static pl011_t *uart;
static sim_device_t dev;

static void sink_put(void *ctx, uint8_t byte)
{
    sink_t *k = ctx;
    cr_assert_lt(k->len, sizeof(k->bytes));
    k->bytes[k->len++] = byte;
}

static void probe_set(void *ctx, unsigned line, bool level)
{
    irq_probe_t *p = ctx;
    cr_assert_eq(line, 37u, "UART0 drives GIC interrupt 37");
    p->level = level;
    p->calls++;
}

static void setup(void)
{
    memset(&sink, 0, sizeof(sink));
    probe = (irq_probe_t){0};
    sim_irq_t irq = {.set = probe_set, .ctx = &probe, .line = 37};
    sim_chardev_t out = {.put = sink_put, .ctx = &sink};
    uart = pl011_create(&clk, irq, out);
    cr_assert_not_null(uart);
    dev = pl011_device(uart, "uart0", 0x1C090000u);
}

static void teardown(void)
{
    pl011_destroy(uart);
}

static uint32_t rd(uint32_t off)
{
    return dev.ops->read(dev.self, off, 4);
}

static void wr(uint32_t off, uint32_t v)
{
    dev.ops->write(dev.self, off, 4, v);
}

TestSuite(pl011, .init = setup, .fini = teardown);

Test(pl011, device_window_describes_the_uart)
{
    cr_assert_eq(dev.base, 0x1C090000u);
    cr_assert_eq(dev.size, 0x1000u);
    cr_assert_str_eq(dev.name, "uart0");
    cr_assert_eq(dev.ops->next_deadline(dev.self), SIM_NEVER);
}

Test(pl011, reset_values_match_qemu)
{
    cr_assert_eq(rd(FR), 0x90u, "TXFE | RXFE");
    cr_assert_eq(rd(CR), 0x300u, "TXE | RXE");
    cr_assert_eq(rd(IFLS), 0x12u);
    cr_assert_eq(rd(RSR), 0u);
    cr_assert_eq(rd(ILPR), 0u);
    cr_assert_eq(rd(IBRD), 0u);
    cr_assert_eq(rd(FBRD), 0u);
    cr_assert_eq(rd(LCR_H), 0u);
    cr_assert_eq(rd(IMSC), 0u);
    cr_assert_eq(rd(RIS), 0u);
    cr_assert_eq(rd(MIS), 0u);
    cr_assert_eq(rd(DMACR), 0u);
    cr_assert_eq(probe.calls, 0u);
}

Test(pl011, id_registers_read_arm_pl011_ids)
{
    static const uint32_t expect[] = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
    for (unsigned i = 0; i < 8; i++)
        cr_assert_eq(rd(0xfe0u + 4u * i), expect[i], "ID word %u", i);
}

Test(pl011, unknown_offsets_read_zero_and_ignore_writes)
{
    static const uint32_t holes[] = {0x008u, 0x00cu, 0x010u, 0x014u, 0x01cu, 0x04cu, 0xfdcu};
    for (unsigned i = 0; i < sizeof(holes) / sizeof(holes[0]); i++) {
        wr(holes[i], 0xffffffffu);
        cr_assert_eq(rd(holes[i]), 0u, "offset %#x", holes[i]);
    }
    cr_assert_eq(rd(ICR), 0u, "ICR is write-only");
    cr_assert_eq(sink.len, 0u);
}

Test(pl011, dr_write_sends_byte_to_chardev_immediately)
{
    wr(DR, 'h');
    wr(DR, 0x169u); /* only the low byte goes out */
    cr_assert_eq(sink.len, 2u);
    cr_assert_eq(sink.bytes[0], 'h');
    cr_assert_eq(sink.bytes[1], 0x69u);
    cr_assert_eq(rd(FR) & FR_TXFE, FR_TXFE, "transmit FIFO always reads empty");
}

Test(pl011, dr_write_without_chardev_still_raises_tx)
{
    sim_irq_t irq = {0};
    sim_chardev_t none = {0};
    pl011_t *u = pl011_create(&clk, irq, none);
    cr_assert_not_null(u);
    sim_device_t d = pl011_device(u, "uart1", 0x1C0A0000u);
    d.ops->write(d.self, DR, 4, 'x');
    cr_assert_eq(d.ops->read(d.self, RIS, 4), INT_TX);
    pl011_destroy(u);
}

Test(pl011, tx_interrupt_raised_on_every_write_when_unmasked)
{
    wr(DR, 'a');
    cr_assert_eq(rd(RIS), INT_TX);
    cr_assert_eq(rd(MIS), 0u);
    cr_assert_not(probe.level, "masked by IMSC");
    wr(IMSC, INT_TX);
    cr_assert(probe.level);
    cr_assert_eq(rd(MIS), INT_TX);
    wr(ICR, INT_TX);
    cr_assert_not(probe.level);
    cr_assert_eq(rd(RIS), 0u);
    wr(DR, 'b');
    cr_assert(probe.level, "the next write raises TX again");
}

Test(pl011, imsc_stores_any_bits_and_mis_is_ris_and_imsc)
{
    wr(IMSC, 0xffffffffu);
    cr_assert_eq(rd(IMSC), 0xffffffffu);
    cr_assert_eq(rd(MIS), 0u);
    pl011_receive(uart, 'r');
    cr_assert_eq(rd(MIS), INT_RX);
    wr(IMSC, INT_TX);
    cr_assert_eq(rd(MIS), 0u);
    cr_assert_eq(rd(RIS), INT_RX);
    cr_assert_not(probe.level);
}

Test(pl011, icr_clears_only_the_written_bits)
{
    wr(DR, 'x');
    pl011_receive(uart, 'y');
    cr_assert_eq(rd(RIS), INT_RX | INT_TX);
    wr(ICR, INT_RX);
    cr_assert_eq(rd(RIS), INT_TX);
}

Test(pl011, fr_ignores_writes)
{
    wr(FR, 0u);
    cr_assert_eq(rd(FR), 0x90u);
}

Test(pl011, receive_makes_byte_readable_and_raises_rx)
{
    wr(IMSC, INT_RX);
    cr_assert(pl011_receive(uart, 'Q'));
    cr_assert_eq(rd(FR) & FR_RXFE, 0u);
    cr_assert_eq(rd(RIS), INT_RX);
    cr_assert(probe.level);
    cr_assert_eq(rd(DR), 'Q');
    cr_assert_eq(rd(FR) & FR_RXFE, FR_RXFE);
    cr_assert_eq(rd(RIS), 0u, "RX clears when the FIFO drains");
    cr_assert_not(probe.level);
}

Test(pl011, fifo_disabled_holds_one_byte)
{
    cr_assert(pl011_can_receive(uart));
    cr_assert(pl011_receive(uart, '1'));
    cr_assert_eq(rd(FR) & FR_RXFF, FR_RXFF, "one byte fills the 1-deep holding register");
    cr_assert_not(pl011_can_receive(uart));
    cr_assert_not(pl011_receive(uart, '2'), "second byte dropped");
    cr_assert_eq(rd(DR), '1');
    cr_assert_eq(rd(FR) & (FR_RXFF | FR_RXFE), FR_RXFE);
    cr_assert(pl011_can_receive(uart));
}

Test(pl011, fifo_enabled_holds_sixteen_bytes_in_order)
{
    wr(LCR_H, LCR_H_FEN);
    for (unsigned i = 0; i < 16; i++) {
        cr_assert(pl011_receive(uart, (uint8_t)('a' + i)));
        cr_assert_eq(rd(FR) & FR_RXFF, i == 15 ? FR_RXFF : 0u, "after %u bytes", i + 1);
    }
    cr_assert_not(pl011_can_receive(uart));
    cr_assert_not(pl011_receive(uart, 'z'));
    for (unsigned i = 0; i < 16; i++) {
        cr_assert_eq(rd(DR), 'a' + i);
        cr_assert_eq(rd(FR) & FR_RXFF, 0u);
    }
    cr_assert_eq(rd(FR) & FR_RXFE, FR_RXFE);
}

Test(pl011, fifo_wraps_around_its_ring)
{
    wr(LCR_H, LCR_H_FEN);
    for (unsigned round = 0; round < 3; round++) {
        for (unsigned i = 0; i < 10; i++)
            cr_assert(pl011_receive(uart, (uint8_t)(round * 10 + i)));
        for (unsigned i = 0; i < 10; i++)
            cr_assert_eq(rd(DR), round * 10 + i);
    }
}

Test(pl011, rx_interrupt_fires_on_first_byte_only)
{
    wr(LCR_H, LCR_H_FEN);
    wr(IMSC, INT_RX);
    pl011_receive(uart, 1);
    pl011_receive(uart, 2);
    wr(ICR, INT_RX);
    cr_assert_not(probe.level);
    pl011_receive(uart, 3);
    cr_assert_not(probe.level, "QEMU's trigger level is one byte, reached only from empty");
    rd(DR);
    rd(DR);
    rd(DR);
    pl011_receive(uart, 4);
    cr_assert(probe.level, "empty to one byte raises RX again");
}

Test(pl011, reading_empty_fifo_keeps_rxfe_and_returns_last_slot)
{
    cr_assert_eq(rd(DR), 0u, "nothing ever received");
    pl011_receive(uart, 0x5a);
    cr_assert_eq(rd(DR), 0x5au);
    cr_assert_eq(rd(DR), 0u, "next slot still holds its reset value");
    cr_assert_eq(rd(FR) & FR_RXFE, FR_RXFE);
}

Test(pl011, toggling_fifo_enable_discards_received_bytes)
{
    wr(LCR_H, LCR_H_FEN);
    pl011_receive(uart, 'a');
    pl011_receive(uart, 'b');
    wr(LCR_H, 0u);
    cr_assert(pl011_can_receive(uart), "count reset to zero");
    cr_assert(pl011_receive(uart, 'c'));
    cr_assert_eq(rd(DR), 'c');
}

Test(pl011, rewriting_lcr_h_without_fen_change_keeps_fifo)
{
    wr(LCR_H, LCR_H_FEN);
    pl011_receive(uart, 'k');
    wr(LCR_H, LCR_H_FEN | 0x60u); /* 8-bit words */
    cr_assert_eq(rd(LCR_H), LCR_H_FEN | 0x60u);
    cr_assert_eq(rd(DR), 'k');
}

Test(pl011, rsr_reads_zero_and_ecr_write_clears_it)
{
    pl011_receive(uart, 0xff);
    rd(DR);
    cr_assert_eq(rd(RSR), 0u, "a clean byte has no error bits");
    wr(ECR, 0xffu);
    cr_assert_eq(rd(RSR), 0u, "ECR writes never store");
}

Test(pl011, control_and_config_registers_read_back_as_written)
{
    static const uint32_t regs[] = {ILPR, IBRD, FBRD, CR, IFLS, DMACR};
    for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
        wr(regs[i], 0xa5a5a5a5u);
        cr_assert_eq(rd(regs[i]), 0xa5a5a5a5u, "offset %#x keeps all 32 bits in QEMU 7.2", regs[i]);
    }
    wr(LCR_H, 0x7eu);
    cr_assert_eq(rd(LCR_H), 0x7eu);
}

Test(pl011, control_register_does_not_gate_transmit)
{
    wr(CR, 0u); /* UARTEN and TXE clear: QEMU still sends */
    wr(DR, 'z');
    cr_assert_eq(sink.len, 1u);
}

Test(pl011, irq_line_only_changes_on_transitions)
{
    wr(IMSC, INT_TX | INT_RX);
    wr(DR, 'a');
    pl011_receive(uart, 'b');
    wr(DR, 'c');
    cr_assert_eq(probe.calls, 1u);
    wr(ICR, INT_TX);
    cr_assert_eq(probe.calls, 1u, "RX still holds the line");
    rd(DR);
    cr_assert_eq(probe.calls, 2u);
    cr_assert_not(probe.level);
}

Test(pl011, narrow_accesses_decode_by_word)
{
    wr(IBRD, 0x1234u);
    cr_assert_eq(dev.ops->read(dev.self, IBRD, 1), 0x34u);
    cr_assert_eq(dev.ops->read(dev.self, IBRD, 2), 0x1234u);
    dev.ops->write(dev.self, FBRD, 1, 0x3ffu);
    cr_assert_eq(rd(FBRD), 0xffu);
    dev.ops->write(dev.self, DR, 1, 'q');
    cr_assert_eq(sink.bytes[0], 'q');
}
