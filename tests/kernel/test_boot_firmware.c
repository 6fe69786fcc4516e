/*
 * tests/kernel/test_boot_firmware.c - the Raspberry Pi's boot-time RAM probe
 * (plat/raspi2/boot_firmware.c) on the host: a device tree's memory node (with the
 * root's cell sizes), an ATAG list's MEM tag, and things that are neither. QEMU's
 * raspi2b passes neither to an ELF image, so only these tests see those paths.
 * The source is included: its readers are static. Partner: plat/raspi2/boot_firmware.c.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "../../plat/raspi2/boot_firmware.c"

/* A flattened device tree built the way dtc lays one out (big-endian). */
typedef struct fdt_builder {
    uint8_t structure[512], strings[128], blob[768];
    size_t s_len, str_len;
} fdt_builder_t;

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

static void token(fdt_builder_t *b, uint32_t t)
{
    put32(b->structure + b->s_len, t);
    b->s_len += 4;
}

static void bytes(fdt_builder_t *b, const void *data, size_t n)
{
    memcpy(b->structure + b->s_len, data, n);
    b->s_len = (b->s_len + n + 3) & ~(size_t)3; /* padded with the zeros already there */
}

static void begin_node(fdt_builder_t *b, const char *name)
{
    token(b, FDT_BEGIN_NODE);
    bytes(b, name, strlen(name) + 1);
}

static void prop(fdt_builder_t *b, const char *name, const uint32_t *cells, unsigned n)
{
    token(b, FDT_PROP);
    token(b, 4 * n);
    token(b, (uint32_t)b->str_len);
    memcpy(b->strings + b->str_len, name, strlen(name) + 1);
    b->str_len += strlen(name) + 1;
    for (unsigned i = 0; i < n; i++)
        token(b, cells[i]);
}

static const uint8_t *finish(fdt_builder_t *b)
{
    token(b, FDT_END);
    size_t header = 40, rsvmap = 16;
    put32(b->blob, FDT_MAGIC);
    put32(b->blob + 4, (uint32_t)(header + rsvmap + b->s_len + b->str_len));
    put32(b->blob + 8, (uint32_t)(header + rsvmap));
    put32(b->blob + 12, (uint32_t)(header + rsvmap + b->s_len));
    memcpy(b->blob + header + rsvmap, b->structure, b->s_len);
    memcpy(b->blob + header + rsvmap + b->s_len, b->strings, b->str_len);
    return b->blob;
}

static void reset(void)
{
    boot_firmware_ram = (boot_firmware_ram_t){0, 0, RAM_FROM_NOWHERE};
}

TestSuite(boot_firmware, .init = reset);

/* A Pi's tree: the firmware fills in memory@0's size (here 948 MiB). */
Test(boot_firmware, device_tree_memory_node_gives_the_ram)
{
    static fdt_builder_t b;
    const uint32_t one = 1, reg[] = {0, 948u << 20};
    begin_node(&b, "");
    prop(&b, "#address-cells", &one, 1);
    prop(&b, "#size-cells", &one, 1);
    begin_node(&b, "chosen");
    prop(&b, "reg", reg, 1); /* not a memory node: ignored */
    token(&b, FDT_END_NODE);
    begin_node(&b, "memory@0");
    prop(&b, "reg", reg, 2);
    token(&b, FDT_END_NODE);
    token(&b, FDT_END_NODE);
    cr_assert(read_fdt(finish(&b)));
    cr_expect_eq(boot_firmware_ram.base, 0);
    cr_expect_eq(boot_firmware_ram.size, 948u << 20);
    cr_expect_eq(boot_firmware_ram.source, RAM_FROM_DEVICE_TREE);
}

/* Two address cells and two size cells: the low word of each. */
Test(boot_firmware, device_tree_with_64_bit_cells)
{
    static fdt_builder_t b;
    const uint32_t two = 2, reg[] = {0, 0x1000, 0, 0x20000000};
    begin_node(&b, "");
    prop(&b, "#address-cells", &two, 1);
    prop(&b, "#size-cells", &two, 1);
    begin_node(&b, "memory");
    prop(&b, "reg", reg, 4);
    token(&b, FDT_END_NODE);
    token(&b, FDT_END_NODE);
    cr_assert(read_fdt(finish(&b)));
    cr_expect_eq(boot_firmware_ram.base, 0x1000);
    cr_expect_eq(boot_firmware_ram.size, 0x20000000);
}

/* A node named "memoryx" is not memory; a tree without memory says nothing. */
Test(boot_firmware, device_tree_without_memory_node)
{
    static fdt_builder_t b;
    const uint32_t reg[] = {0, 0x1000};
    begin_node(&b, "");
    begin_node(&b, "memoryx");
    prop(&b, "reg", reg, 2);
    token(&b, FDT_END_NODE);
    token(&b, FDT_END_NODE);
    cr_expect_not(read_fdt(finish(&b)));
    cr_expect_eq(boot_firmware_ram.source, RAM_FROM_NOWHERE);
}

Test(boot_firmware, atag_list_mem_tag_gives_the_ram)
{
    const uint32_t atags[] = {5, ATAG_CORE, 0, 0, 0, 4, ATAG_MEM, 512u << 20, 0, 0, ATAG_NONE};
    cr_assert(read_atags(atags));
    cr_expect_eq(boot_firmware_ram.size, 512u << 20);
    cr_expect_eq(boot_firmware_ram.base, 0);
    cr_expect_eq(boot_firmware_ram.source, RAM_FROM_ATAGS);
}

Test(boot_firmware, neither_atags_nor_a_tree_is_refused)
{
    const uint32_t junk[] = {0xE3A00000, 0xE1A0F00E, 0, 0, 0, 0, 0, 0};
    cr_expect_not(read_atags(junk));
    cr_expect_not(read_fdt((const uint8_t *)junk));
    cr_expect_eq(boot_firmware_ram.source, RAM_FROM_NOWHERE);
}
