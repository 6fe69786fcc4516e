/*
 * plat/raspi2/boot_firmware.c - what the firmware says about RAM, read at boot with
 * the MMU off (the device tree may lie above the kernel window): the ATAG list or
 * flattened device tree whose address a Pi's firmware passes in r2; failing both
 * (QEMU's raspi2b passes nothing to an ELF image), the VideoCore mailbox's "ARM
 * memory" property, which real firmware and QEMU both answer. Linked at physical
 * addresses (.boot.*), like arch/arm/boot_mmu.c: it calls nothing outside them.
 * Partners: entry.S (the caller), plat.c (reads boot_firmware_ram),
 * docs/raspi.md.
 */
#include <stdint.h>

#include <plat/bcm2836_map.h>

#include "boot_firmware.h"

#define BOOT __attribute__((section(".boot.text")))
/* Constants too must be in .boot: .rodata lies in the kernel window, unmapped now. */
#define BOOT_RODATA __attribute__((section(".boot.rodata")))

boot_firmware_ram_t boot_firmware_ram __attribute__((section(".boot.data"))) = {0, 0, RAM_FROM_NOWHERE};

/* ATAGs: (size in words, tag) headers; the list starts with CORE and ends with NONE. */
#define ATAG_NONE 0u
#define ATAG_CORE 0x54410001u
#define ATAG_MEM 0x54410002u

BOOT static int read_atags(const volatile uint32_t *t)
{
    if (t[1] != ATAG_CORE)
        return 0;
    for (unsigned n = 0; n < 64 && t[0] >= 2; n++, t += t[0]) {
        if (t[1] == ATAG_NONE)
            break;
        if (t[1] == ATAG_MEM && t[0] >= 4) {
            boot_firmware_ram = (boot_firmware_ram_t){t[3], t[2], RAM_FROM_ATAGS};
            return 1;
        }
    }
    return 0;
}

/* Flattened device tree (big-endian): the first "memory" node under the root, its
 * "reg" read with the root's #address-cells and #size-cells (1 and 1 on a Pi). */
#define FDT_MAGIC 0xD00DFEEDu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u

BOOT static uint32_t be32(const volatile uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Whether the NUL-terminated string at s is `word` or starts with `word` then '@'. */
BOOT static int names(const volatile uint8_t *s, const char *word)
{
    while (*word)
        if (*s++ != (uint8_t)*word++)
            return 0;
    return *s == 0 || *s == '@';
}

static const char name_memory[] BOOT_RODATA = "memory";
static const char name_address_cells[] BOOT_RODATA = "#address-cells";
static const char name_size_cells[] BOOT_RODATA = "#size-cells";
static const char name_reg[] BOOT_RODATA = "reg";

BOOT static int read_fdt(const volatile uint8_t *fdt)
{
    if (be32(fdt) != FDT_MAGIC)
        return 0;
    uint32_t total = be32(fdt + 4);
    const volatile uint8_t *p = fdt + be32(fdt + 8), *strings = fdt + be32(fdt + 12);
    const volatile uint8_t *end = fdt + total;
    uint32_t address_cells = 2, size_cells = 1;
    int depth = 0, in_memory = 0;
    while (p < end) {
        uint32_t token = be32(p);
        p += 4;
        if (token == FDT_BEGIN_NODE) {
            depth++;
            in_memory = depth == 2 && names(p, name_memory);
            while (*p++)
                ;
            p = (const volatile uint8_t *)(((uintptr_t)p + 3) & ~3u);
        } else if (token == FDT_END_NODE) {
            depth--;
            in_memory = 0;
        } else if (token == FDT_PROP) {
            uint32_t len = be32(p), name = be32(p + 4);
            const volatile uint8_t *value = p + 8;
            p = (const volatile uint8_t *)(((uintptr_t)value + len + 3) & ~3u);
            if (depth == 1 && names(strings + name, name_address_cells))
                address_cells = be32(value);
            else if (depth == 1 && names(strings + name, name_size_cells))
                size_cells = be32(value);
            else if (in_memory && names(strings + name, name_reg) && address_cells >= 1 &&
                     size_cells >= 1 && len >= 4 * (address_cells + size_cells)) {
                /* The low word of each (a 32-bit system has no more). */
                boot_firmware_ram = (boot_firmware_ram_t){be32(value + 4 * (address_cells - 1)),
                    be32(value + 4 * (address_cells + size_cells - 1)), RAM_FROM_DEVICE_TREE};
                return 1;
            }
        } else if (token != FDT_NOP) {
            return 0; /* FDT_END, or not a tree we understand */
        }
    }
    return 0;
}

/* The mailbox's property channel: a request buffer, 16-byte aligned, passed by its
 * VideoCore bus address (RAM is at 0xC0000000 there, uncached). */
#define MBOX_READ 0x00u
#define MBOX_STATUS 0x18u
#define MBOX_WRITE 0x20u
#define MBOX_FULL (1u << 31)
#define MBOX_EMPTY (1u << 30)
#define MBOX_CHANNEL_PROPERTY 8u
#define TAG_GET_ARM_MEMORY 0x00010005u
#define MBOX_RESPONSE_OK 0x80000000u
#define MBOX_SPINS 1000000u

static volatile uint32_t mbox_buffer[8] __attribute__((section(".boot.data"), aligned(16)));

BOOT static int read_mailbox(void)
{
    volatile uint32_t *mbox = (volatile uint32_t *)(BCM_ARMCTRL_BASE + BCM_MAILBOX_OFFSET);
    /* Size, request, one tag (id, value bytes, request length, base, size), end. */
    mbox_buffer[0] = sizeof(mbox_buffer);
    mbox_buffer[1] = 0;
    mbox_buffer[2] = TAG_GET_ARM_MEMORY;
    mbox_buffer[3] = 8;
    for (unsigned i = 4; i < 8; i++)
        mbox_buffer[i] = 0;
    uint32_t message = ((uint32_t)(uintptr_t)mbox_buffer | 0xC0000000u) | MBOX_CHANNEL_PROPERTY;
    unsigned spins = 0;
    while (mbox[MBOX_STATUS / 4] & MBOX_FULL)
        if (++spins > MBOX_SPINS)
            return 0;
    mbox[MBOX_WRITE / 4] = message;
    for (;;) {
        while (mbox[MBOX_STATUS / 4] & MBOX_EMPTY)
            if (++spins > MBOX_SPINS)
                return 0;
        if (mbox[MBOX_READ / 4] == message)
            break;
    }
    if (mbox_buffer[1] != MBOX_RESPONSE_OK || mbox_buffer[6] == 0)
        return 0;
    boot_firmware_ram = (boot_firmware_ram_t){mbox_buffer[5], mbox_buffer[6], RAM_FROM_MAILBOX};
    return 1;
}

/* r2 at entry: 0 (nothing), or the physical address of ATAGs or a device tree. */
BOOT void boot_read_firmware_memory(uint32_t r2)
{
    if (r2 && !(r2 & 3) && r2 < BCM_PERIPH_BASE) {
        if (read_atags((const volatile uint32_t *)(uintptr_t)r2) ||
            read_fdt((const volatile uint8_t *)(uintptr_t)r2))
            return;
    }
    read_mailbox();
}
