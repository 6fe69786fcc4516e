/*
 * tests/sim/test_debug.c - breakpoints as sim/debug.c keeps them: the error values
 * sim_board_set_breakpoint returns (sim_error_t) and the table left unchanged by a
 * refused call. Unicorn's own failures (a hook or a cache flush refused) cannot be
 * caused from here: 2.0.1 answers UC_ERR_OK to every call the board makes.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "board_internal.h"

static sim_board_t *board;

static void make_board(void)
{
    sim_options_t o = {.ram_size = BOARD_RAM_DEFAULT};
    char err[256];
    board = sim_board_create(&o, err, sizeof(err));
    cr_assert_not_null(board, "%s", err);
}

static void drop_board(void)
{
    sim_board_destroy(board);
}

TestSuite(breakpoints, .init = make_board, .fini = drop_board);

Test(breakpoints, setting_twice_or_removing_an_absent_one_is_no_error)
{
    cr_expect_eq(sim_board_set_breakpoint(board, BOARD_RAM_BASE, true), SIM_OK);
    cr_expect_eq(sim_board_set_breakpoint(board, BOARD_RAM_BASE, true), SIM_OK);
    cr_expect_eq(sim_board_set_breakpoint(board, BOARD_RAM_BASE, false), SIM_OK);
    cr_expect_eq(sim_board_set_breakpoint(board, BOARD_RAM_BASE, false), SIM_OK);
    cr_expect_eq(sim_board_set_breakpoint(board, 0x1234u, false), SIM_OK);
}

Test(breakpoints, a_full_table_refuses_one_more_and_keeps_the_rest)
{
    uint32_t n = 0;
    while (sim_board_set_breakpoint(board, BOARD_RAM_BASE + 4 * n, true) == SIM_OK)
        n++;
    cr_assert_eq(n, BOARD_MAX_BREAKPOINTS, "the table took %u breakpoints", n);
    cr_expect_eq(sim_board_set_breakpoint(board, BOARD_RAM_BASE + 4 * n, true),
                 SIM_ERR_TOO_MANY_BREAKPOINTS);
    /* Each of them is still there: setting it again changes nothing. */
    for (uint32_t i = 0; i < n; i++)
        cr_expect_eq(sim_board_set_breakpoint(board, BOARD_RAM_BASE + 4 * i, true), SIM_OK);
    /* One removed makes room for the refused one. */
    cr_expect_eq(sim_board_set_breakpoint(board, BOARD_RAM_BASE, false), SIM_OK);
    cr_expect_eq(sim_board_set_breakpoint(board, BOARD_RAM_BASE + 4 * n, true), SIM_OK);
}

Test(breakpoints, every_error_has_a_line_of_text)
{
    cr_expect_str_eq(sim_error_text(SIM_ERR_TOO_MANY_BREAKPOINTS),
                     "no room for another breakpoint");
    cr_expect(strstr(sim_error_text(SIM_ERR_HOOK), "hook") != NULL);
    cr_expect(strstr(sim_error_text(SIM_ERR_CODE_CACHE), "uc_ctl_remove_cache") != NULL);
}
