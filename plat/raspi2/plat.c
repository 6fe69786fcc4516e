/*
 * plat/raspi2/plat.c - the Raspberry Pi 2 (BCM2836, Cortex-A7) and Pi 3 (BCM2837,
 * Cortex-A53 in AArch32), and QEMU's raspi2b: the console on UART0 (a PL011 on GPIO
 * 14/15), RAM as the firmware reported it at boot, shutdown through the watchdog,
 * the device space handed to the root task. The banner's board line is read from
 * the CPU, never assumed, since a Pi 2 and a Pi 3 differ there.
 * Partners: kernel/arch.h, boot_firmware.c, interrupts.c, plat/kernel_map.h,
 * plat/vexpress-a15/plat.c (its vexpress twin), docs/raspi.md.
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "../../kernel/arch.h"
#include "../../arch/arm/drivers/drivers.h"
#include "../../lib/fmt.h"
#include "../../trace/format.h"
#include "boot_firmware.h"

#define PANIC_STATUS 3

/* ---- the board line of the banner ---- */

static const char *cpu_model(uint32_t midr)
{
    switch ((midr >> 4) & 0xFFFu) { /* the primary part number */
    case 0xC07: return "Cortex-A7";
    case 0xD03: return "Cortex-A53";
    case 0xC0F: return "Cortex-A15";
    case 0xD08: return "Cortex-A72";
    default: return "unknown CPU";
    }
}

typedef struct text_sink {
    char *at, *end;
} text_sink_t;

static void sink_putc(void *ctx, char c)
{
    text_sink_t *s = ctx;
    if (s->at < s->end - 1)
        *s->at++ = c;
}

static void text_format(char *buf, size_t size, const char *fmt, ...)
{
    text_sink_t s = {buf, buf + size};
    va_list ap;
    va_start(ap, fmt);
    fmt_vformat(sink_putc, &s, fmt, ap);
    va_end(ap);
    *s.at = 0;
}

/* "raspi2 (Cortex-A7 r0p5, 62.5 MHz timer)": the CPU from MIDR, the generic timer's
 * frequency from CNTFRQ (the firmware sets 19.2 MHz on a Pi, QEMU 62.5 MHz). */
const char *arch_platform_name(void)
{
    static char name[64];
    if (!name[0]) {
        uint32_t midr = CP15_READ(c0, 0, c0, 0), hz = gtimer_frequency();
        text_format(name, sizeof(name), "raspi2 (%s r%up%u, %u.%u MHz timer)", cpu_model(midr),
                    (midr >> 20) & 0xFu, midr & 0xFu, hz / 1000000u, hz / 100000u % 10u);
    }
    return name;
}

/* ---- RAM ---- */

static const boot_firmware_ram_t *firmware_ram(void)
{
    return (const boot_firmware_ram_t *)PHYS_TO_KVIRT((uint32_t)(uintptr_t)&boot_firmware_ram);
}

/* The RAM from 0 the firmware reported; the kernel window's worth if it said nothing. */
uint32_t arch_ram_size(void)
{
    const boot_firmware_ram_t *r = firmware_ram();
    if (r->source == RAM_FROM_NOWHERE || r->base != PHYS_RAM_BASE || r->size < (16u << 20))
        return KERNEL_WINDOW_SIZE;
    return r->size;
}

/* ---- console: UART0 on GPIO 14 and 15 ---- */

#define GPFSEL1 0x04u
#define GPFSEL1_PINS_14_15 (077u << 12)
#define GPFSEL1_ALT0_14_15 (044u << 12)
#define UART_IBRD 0x24u
#define UART_FBRD 0x28u
#define UART_LCRH 0x2Cu
#define UART_CR 0x30u
#define UART_IMSC 0x38u
#define UART_ICR 0x44u
#define UART_LCRH_8N1_FIFO 0x70u
#define UART_CR_ENABLE_TX_RX 0x301u
/* 115200 baud from the 48 MHz UART clock config.txt asks for (init_uart_clock):
 * 48e6 / (16 * 115200) = 26 + 3/64. */
#define UART_IBRD_115200 26u
#define UART_FBRD_115200 3u

/* The firmware may have set the UART up for its own messages, or not (enable_uart):
 * set pins, baud rate and format once, before the first character. */
static void console_init(void)
{
    uint32_t sel = mmio_read32(GPIO_VADDR + GPFSEL1);
    mmio_write32(GPIO_VADDR + GPFSEL1, (sel & ~GPFSEL1_PINS_14_15) | GPFSEL1_ALT0_14_15);
    mmio_write32(UART0_VADDR + UART_CR, 0);
    mmio_write32(UART0_VADDR + UART_ICR, 0x7FFu);
    mmio_write32(UART0_VADDR + UART_IBRD, UART_IBRD_115200);
    mmio_write32(UART0_VADDR + UART_FBRD, UART_FBRD_115200);
    mmio_write32(UART0_VADDR + UART_LCRH, UART_LCRH_8N1_FIFO);
    mmio_write32(UART0_VADDR + UART_IMSC, 0);
    mmio_write32(UART0_VADDR + UART_CR, UART_CR_ENABLE_TX_RX);
}

void arch_console_putc(char c)
{
    static bool ready;
    if (!ready) {
        console_init();
        ready = true;
    }
    pl011_putc(UART0_VADDR, c);
}

/* ---- shutdown ---- */

/* The watchdog resets the board in a few ticks; reset status partition 63 tells a
 * Pi's firmware to halt rather than boot again (Linux's power-off does the same).
 * QEMU's raspi2b (run with -no-reboot) exits. */
#define PM_PASSWORD 0x5A000000u
#define PM_RSTC 0x1Cu
#define PM_RSTS 0x20u
#define PM_WDOG 0x24u
#define PM_RSTC_WRCFG_MASK 0x30u
#define PM_RSTC_FULL_RESET 0x20u
#define PM_RSTS_PARTITION_BITS 0x555u /* partition 63, spread over every other bit */
#define PM_WDOG_TICKS 10u

NORETURN void arch_halt(uint32_t status)
{
    (void)status; /* neither the board nor QEMU's raspi2b has a place for it */
    cpu_irq_disable();
    uint32_t rsts = mmio_read32(PM_VADDR + PM_RSTS);
    mmio_write32(PM_VADDR + PM_RSTS, PM_PASSWORD | (rsts & ~0xFFFu) | PM_RSTS_PARTITION_BITS);
    mmio_write32(PM_VADDR + PM_WDOG, PM_PASSWORD | PM_WDOG_TICKS);
    uint32_t rstc = mmio_read32(PM_VADDR + PM_RSTC);
    mmio_write32(PM_VADDR + PM_RSTC, PM_PASSWORD | (rstc & ~PM_RSTC_WRCFG_MASK) | PM_RSTC_FULL_RESET);
    for (;;)
        cpu_wfi();
}

NORETURN void arch_panic_stop(uint32_t code)
{
    (void)code;
    arch_halt(PANIC_STATUS);
}

/* ---- device space for the root task ---- */

/* The peripherals, less the pages the kernel drives: ARMCTRL (interrupts, ARM timer,
 * mailboxes), the watchdog, UART0; the local controller stays the kernel's too. */
#define PAGE_AT(base) {(base), (base) + BCM_DEVICE_PAGE}
static const uint32_t kernel_device_pages[][2] = { /* in address order */
    PAGE_AT(BCM_ARMCTRL_BASE),
    PAGE_AT(BCM_PM_BASE),
    PAGE_AT(BCM_UART0_BASE),
};

bool arch_device_range(unsigned i, uint32_t *start, uint32_t *end)
{
    unsigned n = sizeof(kernel_device_pages) / sizeof(kernel_device_pages[0]);
    if (i > n)
        return false;
    *start = i == 0 ? BCM_PERIPH_BASE : kernel_device_pages[i - 1][1];
    *end = i == n ? BCM_PERIPH_END : kernel_device_pages[i][0];
    return true;
}

/* ---- the trace stream ---- */

/* With TRACE=uart, trace events go out framed (trace/format.h) on UART0 between
 * the console's characters, so one cable carries both; a reader takes the bytes
 * outside frames as console text (numbat-sim --attach). */
bool arch_trace_enabled(void)
{
#ifdef NUMBAT_TRACE_UART
    return true;
#else
    return false;
#endif
}

void arch_trace_emit(const uint32_t *words, unsigned count)
{
    uint8_t check = 0;
    arch_console_putc((char)TRACE_UART_SYNC);
    for (unsigned i = 0; i < count; i++) {
        for (unsigned b = 0; b < 4; b++) {
            uint8_t byte = (uint8_t)(words[i] >> (8 * b));
            check ^= byte;
            arch_console_putc((char)byte);
        }
    }
    arch_console_putc((char)check);
}

uint32_t arch_trace_platform(void)
{
    return TRACE_PLATFORM_RASPI2;
}
