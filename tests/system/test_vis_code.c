/*
 * tests/system/test_vis_code.c - the visualizer's code and registers panes on a real
 * run of hello (visualizer/session.c): n stops at kernel entries and, after an exit,
 * at the first user instruction; the code pane shows the C source line around the
 * PC (kernel and user code) with its number, and the registers name the PC's symbol
 * as the code pane does. Partners: visualizer/source_text.c, sim/srcline.c.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <sel4/constants.h>

#include "../../visualizer/session.h"
#include "run_guest.h"

/* The symbol the code pane's heading names ("fmt_vformat+0x24:  ..."), or "". */
static void heading_symbol(const char *code, char *out, size_t len)
{
    size_t n = strcspn(code, ":\n");
    snprintf(out, len, "%.*s", code[n] == ':' ? (int)n : 0, code);
}

/* Does the code text mark a numbered source line as the current one ("> 53  ...")? */
static bool marks_a_source_line(const char *code)
{
    for (const char *p = code; (p = strstr(p, "\n>")) != NULL; p++) {
        int number;
        if (sscanf(p + 2, "%d", &number) == 1 && number > 0 && p[2] == ' ')
            return true;
    }
    return false;
}

Test(vis_code, n_shows_source_and_stops_at_the_first_user_instruction)
{
    static vis_session_t s;
    elf_image_t image;
    char err[256];
    cr_assert_eq(elf_image_open(IMAGE("arm-sim", "hello"), &image, err, sizeof(err)), 0, "%s", err);
    sim_options_t base = {.ram_size = BOARD_RAM_DEFAULT};
    cr_assert_eq(vis_session_start(&s, &base, &image, err, sizeof(err)), 0, "%s", err);
    unsigned exits = 0, user_source = 0, kernel_source = 0;
    for (int stops = 0; stops < 400 && !s.ended;) {
        if (!vis_session_run(&s, 1500000, VIS_STOP_ENTRY_EXIT))
            continue;
        stops++;
        vis_session_refresh_text(&s);
        uint32_t pc = sim_board_pc(s.board);
        bool user = pc < seL4_UserTop;
        if (s.stop_type == TRACE_KERNEL_EXIT) {
            exits++;
            cr_expect(user, "stop %d: after a kernel exit the PC %08x is not in user code", stops,
                      pc);
        }
        if (marks_a_source_line(s.code))
            user ? user_source++ : kernel_source++;
        char symbol[96], want[128];
        heading_symbol(s.code, symbol, sizeof(symbol));
        if (symbol[0]) {
            snprintf(want, sizeof(want), "is %s", symbol);
            cr_expect(strstr(s.registers, want) != NULL,
                      "stop %d: the code pane names %s, the registers do not:\n%s", stops, symbol,
                      s.registers);
        }
    }
    cr_expect_gt(exits, 5);
    cr_expect_gt(kernel_source, 5, "no kernel C source shown");
    cr_expect_gt(user_source, 5, "no user C source shown");
    vis_session_end(&s);
    elf_image_close(&image);
}
