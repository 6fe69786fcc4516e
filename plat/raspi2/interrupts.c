/*
 * plat/raspi2/interrupts.c - the Raspberry Pi 2/3's interrupts behind
 * arch/arm/board_irq.h. Two controllers: the BCM2836 local controller
 * (0x40000000) gives each core its generic timers, mailboxes and the GPU's
 * interrupt; the BCM2835 ARMCTRL (0x3F00B200) collects the peripherals' (basic
 * pending and two banks of 32 GPU interrupts) into that one GPU interrupt, routed
 * to core 0. Neither has an acknowledge: the next interrupt is the lowest numbered
 * one pending and enabled, in the numbering of plat/kernel_map.h. The tick is the
 * virtual generic timer (CNTV), which QEMU's raspi2b and a Pi both wire to the
 * local controller. Partners: board_irq.h, plat/kernel_map.h,
 * arch/arm/drivers/generic_timer.c, docs/raspi.md.
 */
#include <arch/cpu.h>
#include <arch/memory.h>

#include "../../arch/arm/board_irq.h"
#include "../../arch/arm/drivers/drivers.h"
#include "../../kernel/kernel.h"

/* The local controller, for core 0 (the only core that runs). */
#define LOCAL_GPU_ROUTING 0x0Cu   /* bits 1:0: core that gets the GPU IRQ */
#define LOCAL_TIMER_CONTROL 0x40u /* bits 3:0: IRQ enables of CNTPS, CNTPNS, CNTHP, CNTV */
#define LOCAL_MAILBOX_CONTROL 0x50u
#define LOCAL_IRQ_SOURCE 0x60u    /* bit n: local source n pending (enabled ones) */
#define LOCAL_TIMER_BITS 0xFu

/* The ARMCTRL controller, at +0x200 in its page. */
#define ARMCTRL_PENDING(bank) (0x200u + 4u * (bank)) /* bank 0: basic, 1-2: GPU */
#define ARMCTRL_ENABLE(bank) ((bank) == 0 ? 0x218u : 0x20Cu + 4u * (bank))
#define ARMCTRL_DISABLE(bank) ((bank) == 0 ? 0x224u : 0x218u + 4u * (bank))
#define ARMCTRL_BANKS 3
#define BASIC_OWN_BITS 0xFFu /* basic pending bits 0-7; 8 and up repeat GPU ones */

/* What the kernel has enabled: local sources (timers only) and each ARMCTRL bank.
 * Pending registers are read through these, whatever the hardware masks itself. */
static uint32_t local_enabled;
static uint32_t armctrl_enabled[ARMCTRL_BANKS];
static uint32_t tick_ticks;

void board_irq_init(void)
{
    for (unsigned bank = 0; bank < ARMCTRL_BANKS; bank++)
        mmio_write32(ARMCTRL_VADDR + ARMCTRL_DISABLE(bank), 0xFFFFFFFFu);
    mmio_write32(LOCAL_VADDR + LOCAL_GPU_ROUTING, 0); /* GPU IRQ to core 0 */
    mmio_write32(LOCAL_VADDR + LOCAL_TIMER_CONTROL, 0);
    mmio_write32(LOCAL_VADDR + LOCAL_MAILBOX_CONTROL, 0);
}

static unsigned lowest_bit(uint32_t bits)
{
    return (unsigned)__builtin_ctz(bits);
}

unsigned board_irq_acknowledge(void)
{
    uint32_t local = mmio_read32(LOCAL_VADDR + LOCAL_IRQ_SOURCE) & local_enabled;
    if (local)
        return lowest_bit(local);
    uint32_t basic = mmio_read32(ARMCTRL_VADDR + ARMCTRL_PENDING(0)) & armctrl_enabled[0];
    if (basic)
        return IRQ_BASIC_BASE + lowest_bit(basic);
    for (unsigned bank = 1; bank < ARMCTRL_BANKS; bank++) {
        uint32_t gpu = mmio_read32(ARMCTRL_VADDR + ARMCTRL_PENDING(bank)) & armctrl_enabled[bank];
        if (gpu)
            return IRQ_GPU_BASE + 32u * (bank - 1) + lowest_bit(gpu);
    }
    return BOARD_IRQ_NONE;
}

bool board_irq_pending(void)
{
    return board_irq_acknowledge() != BOARD_IRQ_NONE;
}

void board_irq_finish(unsigned irq)
{
    if (irq == IRQ_TICK)
        gtimer_virt_countdown(tick_ticks); /* lowers the timer's line */
    else
        board_irq_set_masked(irq, true); /* a device's: masked until its handler acks */
}

/* Local sources other than the timers (mailboxes, PMU, the cascaded GPU line) are
 * not given to handlers: masking them changes nothing. */
void board_irq_set_masked(unsigned irq, bool masked)
{
    if (irq < IRQ_BASIC_BASE) {
        uint32_t bit = (1u << irq) & LOCAL_TIMER_BITS;
        local_enabled = masked ? local_enabled & ~bit : local_enabled | bit;
        mmio_write32(LOCAL_VADDR + LOCAL_TIMER_CONTROL, local_enabled);
        return;
    }
    unsigned bank = irq < IRQ_GPU_BASE ? 0 : 1 + (irq - IRQ_GPU_BASE) / 32u;
    uint32_t bit = 1u << ((irq - IRQ_BASIC_BASE) % 32u);
    if (bank == 0)
        bit &= BASIC_OWN_BITS;
    if (!bit || bank >= ARMCTRL_BANKS)
        return;
    if (masked) {
        armctrl_enabled[bank] &= ~bit;
        mmio_write32(ARMCTRL_VADDR + ARMCTRL_DISABLE(bank), bit);
    } else {
        armctrl_enabled[bank] |= bit;
        mmio_write32(ARMCTRL_VADDR + ARMCTRL_ENABLE(bank), bit);
    }
}

void board_tick_start(uint32_t us)
{
    tick_ticks = (uint32_t)((uint64_t)gtimer_frequency() * us / 1000000u);
    gtimer_virt_countdown(tick_ticks);
    board_irq_set_masked(IRQ_TICK, false);
}
