/*
 * plat/raspi2/boot_firmware.h - the RAM the firmware reported at boot
 * (boot_firmware.c, run with the MMU off), and where the answer came from.
 * Partners: boot_firmware.c, plat.c.
 */
#ifndef PLAT_RASPI2_BOOT_FIRMWARE_H
#define PLAT_RASPI2_BOOT_FIRMWARE_H

#include <stdint.h>

typedef enum ram_source {
    RAM_FROM_NOWHERE,
    RAM_FROM_ATAGS,
    RAM_FROM_DEVICE_TREE,
    RAM_FROM_MAILBOX,
} ram_source_t;

typedef struct boot_firmware_ram {
    uint32_t base, size;
    ram_source_t source;
} boot_firmware_ram_t;

/* A physical address (.boot.data): read it through the kernel window once the
 * identity map is gone. */
extern boot_firmware_ram_t boot_firmware_ram;

void boot_read_firmware_memory(uint32_t r2);

#endif
