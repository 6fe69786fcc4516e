/*
 * tests/sim/test_vis_vspace_render.c - the VSpace tab: what its layout (visualizer/
 * vspace_layout.c) puts where for spaces built from hand-made events (rows in address
 * order, runs, page tables' boxes, sections, faults, ghosts, the kernel window, the
 * overview bar, the selection and scrolling, which space is shown), and that the window
 * draws it in the right-hand column in the access colours with clickable pages
 * (visualizer/render_vspace.c), as --tab vspace shows it.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <SDL2/SDL.h>
#include <sel4/faults.h>

#include "../../visualizer/app.h"
#include "../../visualizer/describe.h"
#include "../../visualizer/draw.h"
#include "../../visualizer/layout.h"
#include "../../visualizer/render.h"
#include "../../visualizer/vspace_layout.h"
#include "../../visualizer/vspace_links.h"
#include "vis_events.h"

#define PD 0xE0100000u  /* the root's page directory, ASID 1 */
#define PD2 0xE0104000u /* the child's, ASID 2 */
#define ROOT 0xE0050000u
#define CHILD 0xE0050400u
#define CNODE 0xE0040000u
#define SLOT(i) (CNODE + 0x10u * (i))
#define IMAGE_PA 0x80200000u
#define PT_PA 0x80300000u
#define SHARED_PA 0x80400000u
#define RX (TRACE_MAP_READ | TRACE_MAP_CACHEABLE)
#define RW (TRACE_MAP_READ | TRACE_MAP_WRITE | TRACE_MAP_EXECUTE_NEVER | TRACE_MAP_CACHEABLE)
#define RO (TRACE_MAP_READ | TRACE_MAP_EXECUTE_NEVER | TRACE_MAP_CACHEABLE)

static vis_model_t m;
static trace_record_t records[512];
static size_t record_count;
static vis_vspace_layout_t l;

static void event(uint32_t type, unsigned n, const uint32_t *payload)
{
    cr_assert_lt(record_count, sizeof(records) / sizeof(records[0]));
    trace_record_t *r = &records[record_count++];
    *r = vis_test_record(1000u + 10u * record_count, type, n, payload);
    vis_model_apply(&m, r);
}

static void name_thread(uint32_t tcb, const char *name)
{
    uint32_t w[4] = {0};
    memcpy(w, name, strlen(name));
    EV(TRACE_OBJECT_CREATE, 1, tcb, 0, 0);
    EV(TRACE_THREAD_NAME, tcb, w[0], w[1], w[2], w[3]);
}

/* A frame cap in slot i mapped at vaddr in asid, and its map event. */
static void map_frame(uint32_t pd, uint32_t asid, unsigned i, uint32_t vaddr, uint32_t paddr,
                      unsigned size, uint32_t access)
{
    uint32_t w0 = capw_word0(TRACE_CAP_FRAME, paddr), w1 = capw_frame(size, 3);
    capw_frame_set_mapping(&w0, &w1, asid, vaddr);
    EV(TRACE_CAP_INSERT, SLOT(i), w0, w1, 0, TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
    EV(TRACE_MAP, pd, vaddr, paddr, capw_frame_size_bits(size), access, SLOT(i));
}

static void map_table(uint32_t pd, uint32_t asid, unsigned i, uint32_t vaddr, uint32_t paddr)
{
    EV(TRACE_CAP_INSERT, SLOT(i), capw_word0(TRACE_CAP_PAGE_TABLE, 0xE0200000u + 0x400u * i),
       capw_pt(true, asid, vaddr), 0, TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
    EV(TRACE_MAP, pd, vaddr, paddr, 10, 0, SLOT(i));
}

/* Events that are not changes: they age what came before (the glow, the ghosts). */
static void age(void)
{
    for (int i = 0; i < 10; i++)
        EV(TRACE_THREAD_PRIORITY, ROOT, 200u + i, 255);
}

/*
 * The root (ASID 1): its image at 0x10000 through a page table (8 pages of code, 3 of
 * data, the IPC buffer), a page table at 0x40000000 with one page of a frame the child
 * also maps, a 1 MiB section and a 16 MiB supersection. The child (ASID 2): that shared
 * frame at 0x20000. Both run in their own page directory.
 */
static void setup(void)
{
    vis_model_init(&m);
    record_count = 0;
    name_thread(ROOT, "rootserver");
    name_thread(CHILD, "child");
    EV(TRACE_CAP_INSERT, SLOT(1), capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD), capw_pd(true, 1), 0,
       TRACE_CAPF_REVOCABLE, TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, ROOT + 16, capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD), capw_pd(true, 1),
       SLOT(1), 0, TRACE_CAUSE_BOOT);
    EV(TRACE_CAP_INSERT, SLOT(2), capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD2), capw_pd(true, 2), 0,
       TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
    EV(TRACE_CAP_INSERT, CHILD + 16, capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD2), capw_pd(true, 2),
       SLOT(2), 0, TRACE_CAUSE_TCB_CONFIGURE);
    EV(TRACE_SWITCH, 0, ROOT);
    map_table(PD, 1, 9, 0, PT_PA);
    for (unsigned i = 0; i < 8; i++)
        map_frame(PD, 1, 10 + i, 0x10000 + 0x1000 * i, IMAGE_PA + 0x1000 * i, 0, RX);
    for (unsigned i = 0; i < 3; i++)
        map_frame(PD, 1, 20 + i, 0x18000 + 0x1000 * i, IMAGE_PA + 0x8000 + 0x1000 * i, 0, RW);
    map_frame(PD, 1, 23, 0x1c000, IMAGE_PA + 0xb000, 0, RW); /* after a gap: the IPC buffer */
    map_table(PD, 1, 30, 0x40000000, PT_PA + 0x400);
    map_frame(PD, 1, 31, 0x40000000, SHARED_PA, 0, RW);
    map_frame(PD, 1, 32, 0x50000000, 0x80500000, 2, RO);
    map_frame(PD, 1, 33, 0x41000000, 0x81000000, 3, RW);
    map_frame(PD2, 2, 40, 0x20000, SHARED_PA, 0, RO);
    age();
}

static void teardown(void)
{
    vis_model_free(&m);
}

TestSuite(vis_vspace_render, .init = setup, .fini = teardown);

/* A tab of 600 x 560 pixels: rows of 20, cells of 10, an address column of 90. */
static vis_vspace_params_t params(uint32_t pd)
{
    return (vis_vspace_params_t){.area = {1000, 100, 600, 560}, .line_h = 22, .bar_h = 20,
                                 .row_h = 20, .indent = 10, .addr_w = 90, .cell_w = 10,
                                 .label_min_w = 200, .bottom_h = 80, .pd = pd,
                                 .ghosts_from = m.events};
}

static void lay_out(const vis_vspace_params_t *p)
{
    vis_vspace_layout(&l, &m, p);
}

/* The rows of one kind, in order. */
static int rows_of(vis_vrow_kind_t kind, const vis_vrow_t **out, int max)
{
    int n = 0;
    for (int i = 0; i < l.row_count; i++)
        if (l.rows[i].kind == kind && n < max)
            out[n++] = &l.rows[i];
    return n;
}

Test(vis_vspace_render, rows_go_in_address_order_with_the_kernel_window_last)
{
    vis_vspace_params_t p = params(PD);
    lay_out(&p);
    cr_expect_eq(l.pd, PD);
    cr_expect_eq(l.asid, 1);
    cr_expect_eq(l.mappings, 17);
    cr_assert_gt(l.row_count, 2);
    for (int i = 1; i < l.row_count; i++)
        cr_expect_leq(l.rows[i - 1].first, l.rows[i].first, "row %d before row %d", i - 1, i);
    const vis_vrow_t *last = &l.rows[l.row_count - 1];
    cr_expect_eq(last->kind, VIS_VROW_KERNEL);
    cr_expect_eq(last->first, VIS_USER_TOP);
    cr_expect_eq(last->end, 1ull << 32);
}

Test(vis_vspace_render, adjacent_pages_with_the_same_rights_are_one_row)
{
    vis_vspace_params_t p = params(PD);
    lay_out(&p);
    const vis_vrow_t *runs[16];
    int n = rows_of(VIS_VROW_PAGES, runs, 16);
    /* code, data, the IPC buffer, the page at 0x40000000, the supersection, the section */
    cr_assert_eq(n, 6);
    cr_expect(runs[0]->first == 0x10000 && runs[0]->count == 8 && runs[0]->access == RX);
    cr_expect(runs[1]->first == 0x18000 && runs[1]->count == 3 && runs[1]->access == RW);
    cr_expect(runs[2]->first == 0x1c000 && runs[2]->count == 1, "a gap ends a run");
    cr_expect_eq(runs[3]->first, 0x40000000);
    cr_expect(runs[4]->first == 0x41000000 && runs[4]->size_bits == 24);
    cr_expect(runs[5]->first == 0x50000000 && runs[5]->size_bits == 20);
    cr_expect_eq(runs[0]->cap, SLOT(10), "a run's row selects its first page's cap");
}

Test(vis_vspace_render, pages_of_a_page_table_sit_in_its_box_and_sections_do_not)
{
    vis_vspace_params_t p = params(PD);
    lay_out(&p);
    const vis_vrow_t *tables[4], *runs[16];
    cr_assert_eq(rows_of(VIS_VROW_TABLE, tables, 4), 2);
    rows_of(VIS_VROW_PAGES, runs, 16);
    cr_expect(tables[0]->first == 0 && tables[0]->end == 0x100000);
    cr_expect_eq(tables[0]->pages_in, 12);
    cr_expect_eq(tables[0]->cap, SLOT(9), "a table's row selects its page-table cap");
    cr_expect_eq(tables[1]->pages_in, 1);
    cr_expect(runs[0]->in_table && runs[1]->in_table && runs[2]->in_table && runs[3]->in_table);
    cr_expect(!runs[4]->in_table && !runs[5]->in_table, "sections are not in a table");
    cr_expect(!tables[0]->in_table);
    /* In view, a row in a box is indented by the indent on both sides. */
    cr_expect_eq(runs[0]->rect.x, p.area.x + p.indent);
    cr_expect_eq(runs[4]->rect.x, p.area.x);
}

Test(vis_vspace_render, a_run_longer_than_a_row_holds_goes_on_in_the_next_row)
{
    for (unsigned i = 0; i < 70; i++)
        map_frame(PD, 1, 100 + i, 0x60000000 + 0x1000 * i, 0x82000000 + 0x1000 * i, 0, RO);
    vis_vspace_params_t p = params(PD);
    lay_out(&p);
    cr_expect_eq(l.cells_per_row, (600 - 20 - 90 - 200) / 10);
    int pages = 0, rows = 0;
    for (int i = 0; i < l.row_count; i++)
        if (l.rows[i].first >= 0x60000000 && l.rows[i].first < 0x61000000 &&
            l.rows[i].kind == VIS_VROW_PAGES) {
            cr_expect_leq(l.rows[i].count, l.cells_per_row);
            pages += l.rows[i].count;
            rows++;
        }
    cr_expect_eq(pages, 70);
    cr_expect_eq(rows, (70 + l.cells_per_row - 1) / l.cells_per_row);
}

Test(vis_vspace_render, cells_are_one_per_page_each_linked_to_its_frame_cap)
{
    vis_vspace_params_t p = params(PD);
    lay_out(&p);
    const vis_vrow_t *runs[16];
    rows_of(VIS_VROW_PAGES, runs, 16);
    cr_assert_eq(runs[0]->cell_count, 8);
    for (int k = 0; k < 8; k++) {
        const vis_vcell_t *c = &l.cells[runs[0]->cell_first + k];
        cr_expect_eq(c->cap, SLOT(10 + k));
        cr_expect_eq(c->map.vaddr, 0x10000u + 0x1000u * k);
        cr_expect_eq(c->rect.x, runs[0]->strip.x + 10 * k);
        cr_expect_gt(c->rect.w, 0);
    }
}

Test(vis_vspace_render, a_vm_fault_is_a_row_at_its_address_and_marks_the_page_it_hit)
{
    EV(TRACE_FAULT, ROOT, seL4_Fault_VMFault, 0x19004, 0x10230); /* a data page */
    EV(TRACE_FAULT, ROOT, seL4_Fault_VMFault, 0x00000000, 0x10300); /* nothing there */
    EV(TRACE_FAULT, CHILD, seL4_Fault_VMFault, 0x30000, 0x10300);   /* the child's space */
    vis_vspace_params_t p = params(PD);
    lay_out(&p);
    const vis_vrow_t *faults[4];
    cr_assert_eq(rows_of(VIS_VROW_FAULT, faults, 4), 2, "only this space's faults");
    cr_expect_eq(faults[0]->first, 0);
    cr_expect_eq(faults[0]->fault.pc, 0x10300);
    cr_expect(faults[0]->in_table, "address 0 is in the first table's MiB");
    cr_expect_eq(faults[1]->first, 0x19004);
    int at = (int)(faults[1] - l.rows);
    cr_expect_eq(l.rows[at - 1].first, 0x18000, "right after the run it hit");
    cr_expect(l.rows[at - 1].hit);
    int hit_cells = 0;
    for (int i = 0; i < l.cell_count; i++)
        if (l.cells[i].faulted) {
            hit_cells++;
            cr_expect_eq(l.cells[i].map.vaddr, 0x19000);
        }
    cr_expect_eq(hit_cells, 1);
}

Test(vis_vspace_render, an_unmap_leaves_a_ghost_row_until_it_is_old)
{
    EV(TRACE_UNMAP, PD, 0x40000000, 12, SLOT(31));
    vis_vspace_params_t p = params(PD);
    p.ghosts_from = m.events - 1;
    lay_out(&p);
    const vis_vrow_t *ghosts[4];
    cr_assert_eq(rows_of(VIS_VROW_GHOST, ghosts, 4), 1);
    cr_expect_eq(ghosts[0]->first, 0x40000000);
    cr_expect(ghosts[0]->in_table, "its table is still there");
    cr_expect_eq(ghosts[0]->died, m.events - 1);
    age();
    p.ghosts_from = m.events;
    lay_out(&p);
    cr_expect_eq(rows_of(VIS_VROW_GHOST, ghosts, 4), 0);
    /* Unmapping the table flashes it and its page's ghost stays outside any box. */
    EV(TRACE_UNMAP, PD, 0x40000000, 10, SLOT(30));
    p.ghosts_from = m.events - 1;
    lay_out(&p);
    cr_expect_eq(rows_of(VIS_VROW_GHOST, ghosts, 4), 1, "the table (its page went before)");
    cr_expect_eq(ghosts[0]->size_bits, 10);
}

Test(vis_vspace_render, the_selected_frames_page_is_marked_and_so_are_other_maps_of_its_frame)
{
    vis_vspace_params_t p = params(PD2);
    p.selected = SLOT(31); /* the root's cap to the shared frame */
    lay_out(&p);
    cr_expect_eq(l.selected_row, -1, "the selected cap is mapped in the other space");
    cr_assert_eq(l.cell_count, 1);
    cr_expect(l.cells[0].same_frame && !l.cells[0].selected);
    p = params(PD);
    p.selected = SLOT(31);
    lay_out(&p);
    cr_assert_geq(l.selected_row, 0);
    cr_expect_eq(l.rows[l.selected_row].first, 0x40000000);
    cr_expect(l.rows[l.selected_row].selected);
    bool marked = false;
    for (int i = 0; i < l.mark_count; i++)
        marked |= l.marks[i].selected && l.marks[i].row == l.selected_row;
    cr_expect(marked, "its mark on the bar is marked too");
}

Test(vis_vspace_render, following_the_selection_scrolls_its_row_into_view)
{
    for (unsigned i = 0; i < 40; i++) /* 40 rows of single pages with gaps */
        map_frame(PD, 1, 200 + i, 0x70000000 + 0x2000 * i, 0x83000000 + 0x1000 * i, 0, RO);
    vis_vspace_params_t p = params(PD);
    lay_out(&p);
    cr_assert_gt(l.row_count, l.fit);
    cr_expect_eq(l.scroll, 0);
    cr_expect_eq(l.rows[l.fit].rect.h, 0, "rows past the list are not placed");
    p.selected = SLOT(235);
    p.follow = true;
    lay_out(&p);
    cr_assert_geq(l.selected_row, 0);
    cr_expect(l.selected_row >= l.scroll && l.selected_row < l.scroll + l.fit);
    cr_expect_gt(l.rows[l.selected_row].rect.h, 0);
    p.follow = false;
    p.scroll = 10000;
    lay_out(&p);
    cr_expect_eq(l.scroll, l.row_count - l.fit, "scrolling stops at the last row");
    cr_expect_gt(l.rows[l.row_count - 1].rect.h, 0);
}

Test(vis_vspace_render, the_bar_is_the_whole_space_to_scale_with_every_mapping_visible)
{
    vis_vspace_params_t p = params(PD);
    lay_out(&p);
    cr_expect_eq(l.bar.w, 600 - 2 * 10);
    cr_expect_eq(l.kernel.x, l.bar.x + l.bar.w * 7 / 8, "the kernel window is the top eighth");
    cr_expect_eq(l.kernel.x + l.kernel.w, l.bar.x + l.bar.w);
    cr_expect_eq(vis_vspace_bar_x(&l, 0x40000000), l.bar.x + l.bar.w / 4);
    cr_expect_eq(l.mark_count, l.row_count - 1, "a mark for every row but the kernel's");
    for (int i = 0; i < l.mark_count; i++)
        cr_expect_geq(l.marks[i].rect.w, 3, "mark %d", i);
    cr_expect_gt(l.view.w, 0, "the rows in view are shown under the bar");
    cr_expect(l.list.y > l.bar.y + l.bar.h && l.list.y + l.list.h <= l.bottom.y);
    cr_expect_eq(l.space_count, 2, "the title offers both spaces");
    cr_expect_eq(l.space_pds[0], PD);
    cr_expect_eq(l.space_pds[1], PD2);
}

Test(vis_vspace_render, the_space_shown_follows_the_selection)
{
    cr_expect_eq(vis_vspace_shown(&m, CHILD, 0, 0), PD2, "a selected thread's");
    cr_expect_eq(vis_vspace_shown(&m, 0, SLOT(40), 0), PD2, "a selected frame cap's");
    cr_expect_eq(vis_vspace_shown(&m, 0, SLOT(2), 0), PD2, "a selected page directory cap's");
    cr_expect_eq(vis_vspace_shown(&m, 0, SLOT(9), PD2), PD, "a selected page table's");
    cr_expect_eq(vis_vspace_shown(&m, 0, SLOT(1) + 0x1000, PD2), PD2, "else the last shown");
    cr_expect_eq(vis_vspace_shown(&m, 0, 0, 0), PD, "else the running thread's");
    EV(TRACE_OBJECT_DELETE, TRACE_CAP_PAGE_DIRECTORY, PD2);
    EV(TRACE_CAP_DELETE, CHILD + 16, capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD2), capw_pd(true, 2),
       TRACE_CAUSE_DELETE);
    EV(TRACE_CAP_DELETE, SLOT(2), capw_word0(TRACE_CAP_PAGE_DIRECTORY, PD2), capw_pd(true, 2),
       TRACE_CAUSE_DELETE);
    cr_expect_eq(vis_vspace_shown(&m, 0, 0, PD2), PD, "a space that went is not kept");
}

Test(vis_vspace_render, the_words_for_a_frame_say_where_it_and_its_other_caps_are_mapped)
{
    char where[256], others[256];
    cr_assert(vis_cap_mapping_words(&m, vis_model_cap_at(&m, SLOT(31)), where, others,
                                    sizeof(where)));
    cr_expect_str_eq(where, "at 40000000 in rootserver (ASID 1), RW XN");
    cr_expect_str_eq(others, "slot e0040280 at 00020000 in child (ASID 2)");
    vis_cap_mapping_words(&m, vis_model_cap_at(&m, SLOT(10)), where, others, sizeof(where));
    cr_expect_str_eq(where, "at 00010000 in rootserver (ASID 1), R X");
    cr_expect_str_eq(others, "", "no other cap maps it");
    vis_cap_mapping_words(&m, vis_model_cap_at(&m, SLOT(9)), where, others, sizeof(where));
    cr_expect_str_eq(where, "covers 00000000–000fffff in rootserver (ASID 1)");
    vis_cap_mapping_words(&m, vis_model_cap_at(&m, SLOT(2)), where, others, sizeof(where));
    cr_expect_str_eq(where, "ASID 2: child, 1 entry mapped");
    EV(TRACE_CAP_INSERT, SLOT(60), capw_word0(TRACE_CAP_ENDPOINT, 0xE0300000u), 0, 0,
       TRACE_CAPF_REVOCABLE, TRACE_CAUSE_RETYPE);
    cr_expect_not(vis_cap_mapping_words(&m, vis_model_cap_at(&m, SLOT(60)), where, others,
                                        sizeof(where)));
    uint32_t w0 = capw_word0(TRACE_CAP_FRAME, SHARED_PA), w1 = capw_frame(0, 3);
    EV(TRACE_CAP_INSERT, SLOT(61), w0, w1, SLOT(31), 0, TRACE_CAUSE_COPY);
    vis_cap_mapping_words(&m, vis_model_cap_at(&m, SLOT(61)), where, others, sizeof(where));
    cr_expect_str_eq(where, "not mapped");
    cr_expect(strstr(others, "at 40000000 in rootserver") && strstr(others, "in child"), "%s",
              others);
}

/* ---- drawn in the window ------------------------------------------------------------- */

static bool inside(SDL_Rect r, SDL_Rect area)
{
    return r.x >= area.x && r.y >= area.y && r.x + r.w <= area.x + area.w &&
           r.y + r.h <= area.y + area.h;
}

/* Pixels of exactly this colour inside r. */
static size_t count_color(SDL_Surface *s, SDL_Rect r, SDL_Color c)
{
    uint32_t want = SDL_MapRGB(s->format, c.r, c.g, c.b) & 0x00FFFFFFu;
    size_t n = 0;
    for (int y = r.y; y < r.y + r.h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch);
        for (int x = r.x; x < r.x + r.w; x++)
            n += (row[x] & 0x00FFFFFFu) == want;
    }
    return n;
}

static SDL_Surface *draw(vis_ui_t *ui)
{
    char err[256] = "";
    ui->records = records;
    ui->record_count = ui->cursor = record_count;
    SDL_Surface *s = vis_render_surface(&m, ui, err, sizeof(err));
    cr_assert_not_null(s, "offscreen render failed: %s", err);
    return s;
}

static SDL_Rect right_column(const vis_ui_t *ui)
{
    vis_panes_t panes;
    vis_layout_panes(ui->width, ui->height, ui->scale, &panes);
    return (SDL_Rect){panes.details.x, panes.details.y, panes.details.w,
                      panes.tabs.y + panes.tabs.h - panes.details.y};
}

Test(vis_vspace_render, the_tab_draws_access_colours_and_its_pages_select_their_frame_caps)
{
    EV(TRACE_FAULT, ROOT, seL4_Fault_VMFault, 0x0, 0x10300);
    vis_ui_t ui;
    vis_ui_init(&ui, VIS_DEFAULT_WIDTH, VIS_DEFAULT_HEIGHT);
    ui.tab = VIS_TAB_VSPACE;
    SDL_Surface *s = draw(&ui);
    SDL_Rect column = right_column(&ui);
    cr_expect_gt(count_color(s, column, VIS_RGB(0x2E, 0x7D, 0x32)), 100, "read-write green");
    cr_expect_gt(count_color(s, column, VIS_RGB(0x15, 0x65, 0xC0)), 100, "read-only blue");
    cr_expect_gt(count_color(s, column, VIS_RGB(0xCF, 0xD8, 0xDC)), 1000, "the kernel window");
    cr_expect_gt(count_color(s, column, VIS_RGB(0xC6, 0x28, 0x28)), 20, "the fault");
    cr_expect_gt(count_color(s, column, vis_type_color(TRACE_CAP_PAGE_TABLE)), 100,
                 "the page tables' boxes");
    SDL_FreeSurface(s);
    bool code = false, table = false, pane_above_tabs = false;
    vis_panes_t panes;
    vis_layout_panes(ui.width, ui.height, ui.scale, &panes);
    for (size_t i = 0; i < ui.hit_count; i++) {
        const vis_hit_t *h = &ui.hits[i];
        if (h->kind == VIS_HIT_CAP && inside(h->rect, column)) {
            code |= h->value == SLOT(13);
            table |= h->value == SLOT(30);
        }
        pane_above_tabs |= h->kind == VIS_HIT_TAB_PANE && h->rect.y < panes.tabs.y;
    }
    cr_expect(code, "a page of the code can be clicked");
    cr_expect(table, "a page table can be clicked");
    cr_expect(pane_above_tabs, "the VSpace tab takes the details pane's place too");
    cr_expect_eq(ui.vspace_pd, PD);
    vis_ui_free(&ui);
}

Test(vis_vspace_render, a_click_on_a_page_hits_its_frame_cap_at_1024x768_and_at_scale_2)
{
    for (int pass = 0; pass < 2; pass++) {
        vis_ui_t ui;
        vis_ui_init(&ui, pass ? VIS_DEFAULT_WIDTH : 1024, pass ? VIS_DEFAULT_HEIGHT : 768);
        ui.scale = pass ? 2.0f : 1.0f;
        ui.tab = VIS_TAB_VSPACE;
        ui.selected = SLOT(21);
        SDL_Surface *s = draw(&ui);
        SDL_FreeSurface(s);
        const vis_hit_t *found = NULL;
        for (size_t i = 0; i < ui.hit_count && !found; i++)
            if (ui.hits[i].kind == VIS_HIT_CAP && ui.hits[i].value == SLOT(21) &&
                ui.hits[i].rect.w <= 40)
                found = &ui.hits[i];
        cr_assert_not_null(found, "scale %d: the selected page's cell is drawn", pass + 1);
        const vis_hit_t *h = vis_hit_at(&ui, found->rect.x + found->rect.w / 2,
                                        found->rect.y + found->rect.h / 2);
        cr_assert_not_null(h);
        cr_expect(h->kind == VIS_HIT_CAP && h->value == SLOT(21));
        cr_expect_geq(found->rect.w, 4, "big enough to click");
        vis_ui_free(&ui);
    }
}

Test(vis_vspace_render, too_low_a_tab_keeps_its_rows_and_drops_the_bar_and_the_legend)
{
    vis_vspace_params_t p = params(PD);
    p.area.h = 22 + 4 * 20;
    lay_out(&p);
    cr_expect_eq(l.bar.w, 0);
    cr_expect_eq(l.bottom.h, 0);
    cr_expect_eq(l.fit, 4);
    vis_ui_t ui;
    vis_ui_init(&ui, 1024, 768);
    ui.scale = 2.0f;
    ui.tab = VIS_TAB_VSPACE;
    SDL_FreeSurface(draw(&ui)); /* no room for much: it still draws */
    vis_ui_free(&ui);
}

Test(vis_vspace_render, a_new_mapping_glows_and_an_unmapped_one_flashes_red)
{
    vis_ui_t ui;
    vis_ui_init(&ui, VIS_DEFAULT_WIDTH, VIS_DEFAULT_HEIGHT);
    ui.tab = VIS_TAB_VSPACE;
    SDL_Surface *s = draw(&ui);
    SDL_Rect column = right_column(&ui);
    size_t ghost_before = count_color(s, column, VIS_COLOR_GHOST);
    SDL_FreeSurface(s);
    map_frame(PD, 1, 50, 0x1d000, IMAGE_PA + 0xc000, 0, RW);
    EV(TRACE_UNMAP, PD, 0x50000000, 20, SLOT(32));
    s = draw(&ui);
    cr_expect_gt(count_color(s, column, VIS_COLOR_GHOST), ghost_before + 20, "the ghost");
    SDL_FreeSurface(s);
    vis_ui_free(&ui);
}

Test(vis_vspace_render, the_tab_is_named_vspace_and_a_space_without_threads_is_shown_by_address)
{
    cr_expect_str_eq(vis_tab_name(VIS_TAB_VSPACE), "VSpace");
    cr_expect_eq(vis_app_tab_named("vspace"), VIS_TAB_VSPACE);
    char label[64];
    vis_space_label(&m, 0xE0108000u, label, sizeof(label));
    cr_expect_str_eq(label, "page directory e0108000");
}

Test(vis_vspace_render, the_timeline_names_map_and_unmap_events)
{
    char text[200];
    const uint32_t map[] = {PD, 0x40000000, SHARED_PA, 12, RW, SLOT(31)};
    const uint32_t table[] = {PD, 0x40000000, PT_PA, 10, 0, SLOT(30)};
    const uint32_t unmap[] = {PD2, 0x20000, 12, 0};
    trace_record_t r = vis_test_record(0, TRACE_MAP, 6, map);
    vis_event_label(&m, &r, text, sizeof(text));
    cr_expect_str_eq(text, "map: 4 KiB page 80400000 at 40000000 in rootserver (ASID 1), RW XN");
    r = vis_test_record(0, TRACE_MAP, 6, table);
    vis_event_label(&m, &r, text, sizeof(text));
    cr_expect_str_eq(text, "map: page table 80300000 at 40000000 in rootserver (ASID 1)");
    r = vis_test_record(0, TRACE_UNMAP, 4, unmap);
    vis_event_label(&m, &r, text, sizeof(text));
    cr_expect_str_eq(text, "unmap: 4 KiB page at 00020000 from child (ASID 2)");
}
