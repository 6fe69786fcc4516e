/*
 * tests/system/test_srcline.c - source lines and symbols for kernel and user
 * addresses of a built image (sim/srcline.c): the kernel's from the image's own
 * DWARF, the root task's from its ELF carried inside the image's archive.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "../../sim/elf_image.h"
#include "../../sim/srcline.h"
#include "run_guest.h"

Test(srcline, kernel_address_maps_to_its_c_line)
{
    elf_image_t img;
    char err[256], line[256];
    uint32_t addr;
    cr_assert_eq(elf_image_open(IMAGE("arm-sim", "hello"), &img, err, sizeof(err)), 0, "%s", err);
    cr_assert_eq(elf_image_symbol_address(&img, "kernel_main", &addr), 0);
    srcline_t *s = srcline_open(img.file, img.file_size);
    cr_assert_not_null(s, "no line tables in the image");
    cr_assert(srcline_find(s, addr, line, sizeof(line)));
    cr_expect(strstr(line, "kernel/boot.c:") != NULL, "%s", line);
    srcline_close(s);
    elf_image_close(&img);
}

Test(srcline, root_task_found_in_the_image_with_symbols_and_lines)
{
    elf_image_t img, user;
    char err[256], line[256];
    const uint8_t *bytes;
    size_t size;
    uint32_t main_addr;
    cr_assert_eq(elf_image_open(IMAGE("arm-sim", "hello"), &img, err, sizeof(err)), 0, "%s", err);
    cr_assert(elf_image_root_task(&img, &bytes, &size), "no root task in the archive");
    cr_assert_eq(elf_image_from_memory(bytes, size, &user, err, sizeof(err)), 0, "%s", err);
    cr_assert_eq(elf_image_symbol_address(&user, "main", &main_addr), 0);
    cr_expect_lt(main_addr, 0xE0000000u, "user code lies below the kernel window");
    srcline_t *s = srcline_open(user.file, user.file_size);
    cr_assert_not_null(s);
    cr_assert(srcline_find(s, main_addr, line, sizeof(line)));
    cr_expect(strstr(line, "tests/system/hello/hello.c:") != NULL, "%s", line);
    srcline_close(s);
    elf_image_close(&user);
    elf_image_close(&img);
}
