/*
 * sim/dev/pl011.c - Arm PrimeCell PL011 UART as QEMU 7.2 models it (hw/char/pl011.c):
 * instant transmit, a 16-entry receive FIFO (1 entry when LCR_H.FEN is clear) and
 * one combined interrupt line. Partners: pl011.h, tests/sim/test_pl011.c,
 * docs/devices.md.
 */
#include "pl011.h"

#include <stdlib.h>
#include <string.h>

#define PL011_WINDOW_SIZE 0x1000u

/* Register index (offset / 4); QEMU decodes offset >> 2 the same way. */
#define PL011_REG_DR 0u     /* 0x000 data */
#define PL011_REG_RSR 1u    /* 0x004 receive status (read) / error clear (write) */
#define PL011_REG_FR 6u     /* 0x018 flags */
#define PL011_REG_ILPR 8u   /* 0x020 IrDA low-power counter */
#define PL011_REG_IBRD 9u   /* 0x024 integer baud divisor */
#define PL011_REG_FBRD 10u  /* 0x028 fractional baud divisor */
#define PL011_REG_LCR_H 11u /* 0x02c line control */
#define PL011_REG_CR 12u    /* 0x030 control */
#define PL011_REG_IFLS 13u  /* 0x034 FIFO level select */
#define PL011_REG_IMSC 14u  /* 0x038 interrupt mask set/clear */
#define PL011_REG_RIS 15u   /* 0x03c raw interrupt status */
#define PL011_REG_MIS 16u   /* 0x040 masked interrupt status */
#define PL011_REG_ICR 17u   /* 0x044 interrupt clear (write only) */
#define PL011_REG_DMACR 18u /* 0x048 DMA control */
#define PL011_REG_ID_FIRST 0x3f8u /* 0xfe0 UARTPeriphID0 */
#define PL011_REG_ID_LAST 0x3ffu  /* 0xffc UARTPCellID3 */

/* UARTFR bits that QEMU maintains. */
#define PL011_FR_RXFE (1u << 4)
#define PL011_FR_RXFF (1u << 6)
#define PL011_FR_TXFE (1u << 7)

/* UARTRIS/MIS/IMSC/ICR bits. */
#define PL011_INT_RX (1u << 4)
#define PL011_INT_TX (1u << 5)
/* Every source the combined UARTINTR line ORs: OE BE PE FE RT TX RX DSR DCD CTS RI. */
#define PL011_INT_ALL 0x7ffu

#define PL011_LCR_H_FEN (1u << 4)

/* A received word keeps error flags above the data byte; RSR shows them. */
#define PL011_DR_ERROR_SHIFT 8u

/* Reset values from QEMU's pl011_init(). */
#define PL011_RESET_FR (PL011_FR_TXFE | PL011_FR_RXFE) /* 0x90 */
#define PL011_RESET_CR 0x300u                          /* TXE | RXE */
#define PL011_RESET_IFLS 0x12u                         /* both FIFOs at 1/2 */

#define PL011_FIFO_DEPTH 16u
/*
 * QEMU raises RXINTR when the FIFO reaches one entry, not the IFLS level: Linux only
 * drains the FIFO from the interrupt handler, so a higher threshold stalls input.
 */
#define PL011_RX_TRIGGER 1u

/* UARTPeriphID0-3 then UARTPCellID0-3 (the Arm variant, not Luminary's). */
static const uint8_t pl011_id_bytes[] = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

struct pl011 {
    const sim_clock_t *clock; /* unused by QEMU's model: transmit takes no time */
    sim_irq_t irq;
    sim_chardev_t out;
    bool irq_level;
    uint32_t flags;
    uint32_t lcr;
    uint32_t rsr;
    uint32_t cr;
    uint32_t dmacr;
    uint32_t int_enabled;
    uint32_t int_level;
    uint32_t ilpr;
    uint32_t ibrd;
    uint32_t fbrd;
    uint32_t ifl;
    uint32_t read_fifo[PL011_FIFO_DEPTH];
    unsigned read_pos;
    unsigned read_count;
};

static uint32_t pl011_size_mask(unsigned size)
{
    return size >= 4 ? UINT32_MAX : (1u << (size * 8u)) - 1u;
}

static unsigned pl011_fifo_depth(const pl011_t *s)
{
    return (s->lcr & PL011_LCR_H_FEN) ? PL011_FIFO_DEPTH : 1u;
}

static void pl011_update_irq(pl011_t *s)
{
    bool level = (s->int_level & s->int_enabled & PL011_INT_ALL) != 0;

    if (level != s->irq_level) {
        s->irq_level = level;
        sim_irq_set(&s->irq, level);
    }
}

/*
 * UARTDR read: pop one entry. An empty FIFO returns whatever the slot at the read
 * position last held (zero before anything arrived), as in QEMU.
 */
static uint32_t pl011_read_dr(pl011_t *s)
{
    uint32_t c = s->read_fifo[s->read_pos];

    s->flags &= ~PL011_FR_RXFF;
    if (s->read_count > 0) {
        s->read_count--;
        s->read_pos = (s->read_pos + 1) % PL011_FIFO_DEPTH;
    }
    if (s->read_count == 0)
        s->flags |= PL011_FR_RXFE;
    if (s->read_count == PL011_RX_TRIGGER - 1)
        s->int_level &= ~PL011_INT_RX;
    s->rsr = c >> PL011_DR_ERROR_SHIFT;
    pl011_update_irq(s);
    return c;
}

static uint32_t pl011_read(void *self, uint32_t offset, unsigned size)
{
    pl011_t *s = self;
    uint32_t index = offset >> 2;
    uint32_t r;

    switch (index) {
    case PL011_REG_DR:    r = pl011_read_dr(s); break;
    case PL011_REG_RSR:   r = s->rsr; break;
    case PL011_REG_FR:    r = s->flags; break;
    case PL011_REG_ILPR:  r = s->ilpr; break;
    case PL011_REG_IBRD:  r = s->ibrd; break;
    case PL011_REG_FBRD:  r = s->fbrd; break;
    case PL011_REG_LCR_H: r = s->lcr; break;
    case PL011_REG_CR:    r = s->cr; break;
    case PL011_REG_IFLS:  r = s->ifl; break;
    case PL011_REG_IMSC:  r = s->int_enabled; break;
    case PL011_REG_RIS:   r = s->int_level; break;
    case PL011_REG_MIS:   r = s->int_level & s->int_enabled; break;
    case PL011_REG_DMACR: r = s->dmacr; break;
    default:
        if (index >= PL011_REG_ID_FIRST && index <= PL011_REG_ID_LAST)
            r = pl011_id_bytes[index - PL011_REG_ID_FIRST];
        else
            r = 0; /* unknown offsets (and write-only ICR) read as zero */
        break;
    }
    return r & pl011_size_mask(size);
}

/* UARTDR write: the byte leaves at once and TXRIS is set, as QEMU does. */
static void pl011_write_dr(pl011_t *s, uint32_t value)
{
    if (s->out.put)
        s->out.put(s->out.ctx, (uint8_t)value);
    s->int_level |= PL011_INT_TX;
    pl011_update_irq(s);
}

/*
 * UARTLCR_H write: toggling FEN discards the receive FIFO. QEMU 7.2 resets only the
 * count and position here, leaving FR's RXFE/RXFF as they were.
 */
static void pl011_write_lcr_h(pl011_t *s, uint32_t value)
{
    if ((s->lcr ^ value) & PL011_LCR_H_FEN) {
        s->read_count = 0;
        s->read_pos = 0;
    }
    s->lcr = value;
}

static void pl011_write(void *self, uint32_t offset, unsigned size, uint32_t value)
{
    pl011_t *s = self;

    value &= pl011_size_mask(size);
    switch (offset >> 2) {
    case PL011_REG_DR:    pl011_write_dr(s, value); break;
    case PL011_REG_RSR:   s->rsr = 0; break; /* UARTECR: any write clears errors */
    case PL011_REG_ILPR:  s->ilpr = value; break;
    case PL011_REG_IBRD:  s->ibrd = value; break; /* 7.2 keeps all 32 bits */
    case PL011_REG_FBRD:  s->fbrd = value; break;
    case PL011_REG_LCR_H: pl011_write_lcr_h(s, value); break;
    case PL011_REG_CR:    s->cr = value; break; /* enables and loopback not modelled */
    case PL011_REG_IFLS:  s->ifl = value; break;
    case PL011_REG_IMSC:
        s->int_enabled = value;
        pl011_update_irq(s);
        break;
    case PL011_REG_ICR:
        s->int_level &= ~value;
        pl011_update_irq(s);
        break;
    case PL011_REG_DMACR: s->dmacr = value; break; /* DMA is not modelled */
    default:
        break; /* FR, RIS, MIS, IDs and unknown offsets ignore writes */
    }
}

bool pl011_can_receive(const pl011_t *uart)
{
    return uart->read_count < pl011_fifo_depth(uart);
}

bool pl011_receive(pl011_t *uart, uint8_t byte)
{
    if (!pl011_can_receive(uart))
        return false;
    unsigned slot = (uart->read_pos + uart->read_count) % PL011_FIFO_DEPTH;
    uart->read_fifo[slot] = byte;
    uart->read_count++;
    uart->flags &= ~PL011_FR_RXFE;
    if (!(uart->lcr & PL011_LCR_H_FEN) || uart->read_count == PL011_FIFO_DEPTH)
        uart->flags |= PL011_FR_RXFF;
    if (uart->read_count == PL011_RX_TRIGGER) {
        uart->int_level |= PL011_INT_RX;
        pl011_update_irq(uart);
    }
    return true;
}

static sim_time_t pl011_next_deadline(void *self)
{
    (void)self; /* nothing happens by itself: transmit is instantaneous */
    return SIM_NEVER;
}

static void pl011_advance(void *self)
{
    (void)self;
}

/* Checkpoints: everything but the wiring (clock, interrupt line, output sink). */
static void pl011_save(const void *self, void *buf)
{
    memcpy(buf, self, sizeof(pl011_t));
}

static void pl011_restore(void *self, const void *buf)
{
    pl011_t *s = self;
    pl011_t wiring = *s;
    memcpy(s, buf, sizeof(*s));
    s->clock = wiring.clock;
    s->irq = wiring.irq;
    s->out = wiring.out;
}

static const sim_device_ops_t pl011_ops = {
    .read = pl011_read,
    .write = pl011_write,
    .next_deadline = pl011_next_deadline,
    .advance = pl011_advance,
    .state_size = sizeof(pl011_t),
    .save = pl011_save,
    .restore = pl011_restore,
};

pl011_t *pl011_create(const sim_clock_t *clock, sim_irq_t irq, sim_chardev_t out)
{
    pl011_t *s = calloc(1, sizeof(*s));
    if (s == NULL)
        return NULL;
    s->clock = clock;
    s->irq = irq;
    s->out = out;
    s->flags = PL011_RESET_FR;
    s->cr = PL011_RESET_CR;
    s->ifl = PL011_RESET_IFLS;
    return s;
}

void pl011_destroy(pl011_t *uart)
{
    free(uart);
}

sim_device_t pl011_device(pl011_t *uart, const char *name, uint32_t base)
{
    sim_device_t dev = {
        .name = name,
        .base = base,
        .size = PL011_WINDOW_SIZE,
        .ops = &pl011_ops,
        .self = uart,
    };
    return dev;
}
