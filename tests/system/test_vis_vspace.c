/*
 * tests/system/test_vis_vspace.c - the visualizer's VSpace tab on a real run of
 * tests/system/vspace: the address spaces (visualizer/vspace_model.c) rebuilt from a
 * recording made by numbat-sim --trace-out, their links to frame caps
 * (vspace_links.c), the tab's layout of them (vspace_layout.c), and the tab drawn by
 * numbat-sim --screenshot --tab vspace, read back from the PNG.
 * Partners: run_guest.c, tests/system/vspace/main.c, tests/sim/test_vis_vspace_*.c.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <SDL2/SDL_rect.h>
#include <sel4/faults.h>

#include "../../trace/decode.h"
#include "../../visualizer/model.h"
#include "../../visualizer/vspace_layout.h"
#include "../../visualizer/vspace_links.h"
#include "run_guest.h"

#define VSPACE_IMAGE IMAGE("arm-sim", "vspace")
#define TABLE_VA 0x40000000u
#define PAGE 4096u

static vis_model_t m;

/* Runs vspace.elf with --trace-out and replays the recording into m. */
static void record_and_replay(void)
{
    char path[] = "/tmp/numbat-vis-vspace-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    const char *extra[] = {"--trace-out", path, NULL};
    run_result_t run = run_sim(VSPACE_IMAGE, extra);
    cr_assert_eq(run.status, 0, "%s\n%s", run.out, run.err);
    cr_assert(strstr(run.out, "child: VM fault at 0x50000000"), "%s", run.out);
    run_result_free(&run);
    trace_file_t tf;
    trace_record_t rec;
    char err[256];
    cr_assert_eq(trace_file_open(&tf, path, err, sizeof(err)), 0, "%s", err);
    vis_model_init(&m);
    int got;
    while ((got = trace_file_next(&tf, &rec, err, sizeof(err))) == 1)
        vis_model_apply(&m, &rec);
    cr_assert_eq(got, 0, "%s", err);
    trace_file_close(&tf);
    unlink(path);
}

static uint32_t thread_named(const char *name)
{
    for (size_t i = 0; i < m.thread_count; i++)
        if (strcmp(m.threads[i].name, name) == 0)
            return m.threads[i].tcb;
    return 0;
}

/* Every mapping of the space is linked to a cap whose words say the same place. */
static void expect_linked(uint32_t pd)
{
    size_t n;
    const vis_mapping_t *maps = vis_vspace_of(&m.vspace, pd, &n);
    for (size_t i = 0; i < n; i++) {
        const vis_cap_t *cap = vis_mapping_cap(&m, NULL, &maps[i]);
        cr_assert_not_null(cap, "mapping at %08x has no cap", maps[i].vaddr);
        uint32_t at_pd, asid, vaddr;
        cr_assert(vis_cap_mapped_at(&m, cap, &at_pd, &asid, &vaddr));
        cr_expect(at_pd == pd && vaddr == maps[i].vaddr, "%08x: its cap says %08x in %08x",
                  maps[i].vaddr, vaddr, at_pd);
        cr_expect_eq(cap->slot, maps[i].slot, "%08x: the map event's slot", maps[i].vaddr);
        if (!vis_mapping_is_table(&maps[i]))
            cr_expect_eq(vis_cap_addr(cap->w0), maps[i].paddr);
    }
}

Test(vis_vspace, recording_rebuilds_both_spaces_with_their_frame_caps)
{
    record_and_replay();
    cr_expect_eq(m.unknown_events, 0);
    uint32_t root = thread_named("rootserver"), child = thread_named("child");
    uint32_t root_pd = vis_thread_pd(&m, root), child_pd = vis_thread_pd(&m, child);
    cr_assert(root_pd && child_pd && root_pd != child_pd);
    cr_expect_eq(vis_pd_asid(&m, root_pd), 1);
    cr_expect_gt(vis_pd_asid(&m, child_pd), 1);
    /* The root: its image at 0x10000 through a table at 0, code read-only. */
    const vis_mapping_t *code = vis_vspace_lookup(&m.vspace, root_pd, 0x10000);
    cr_assert_not_null(code);
    cr_expect_eq(code->access & (TRACE_MAP_READ | TRACE_MAP_WRITE | TRACE_MAP_EXECUTE_NEVER),
                 TRACE_MAP_READ, "code is read-only and executable");
    cr_expect_not_null(vis_vspace_table(&m.vspace, root_pd, 0x10000));
    /* The page remapped read-only, its alias, the kernel-only page, the unmapped one. */
    const vis_mapping_t *page = vis_vspace_lookup(&m.vspace, root_pd, TABLE_VA);
    const vis_mapping_t *alias = vis_vspace_lookup(&m.vspace, root_pd, TABLE_VA + PAGE);
    cr_assert(page && alias);
    cr_expect_eq(vis_access_kind(page->access), VIS_ACCESS_RO, "remapped read-only");
    cr_expect_eq(alias->paddr, page->paddr, "two caps, one frame");
    char where[256], also[256];
    vis_cap_mapping_words(&m, vis_mapping_cap(&m, NULL, page), where, also, sizeof(where));
    cr_expect_str_eq(where, "at 40000000 in rootserver, writer (ASID 1), R XN");
    cr_expect(strstr(also, "at 40001000 in rootserver, writer (ASID 1)"), "%s", also);
    const vis_mapping_t *kernel_only = vis_vspace_lookup(&m.vspace, root_pd, TABLE_VA + 2 * PAGE);
    cr_assert_not_null(kernel_only);
    cr_expect_eq(vis_access_kind(kernel_only->access), VIS_ACCESS_NONE);
    cr_expect_null(vis_vspace_lookup(&m.vspace, root_pd, TABLE_VA + 3 * PAGE), "unmapped");
    cr_expect_eq(vis_vspace_lookup(&m.vspace, root_pd, 0x4001ffff)->size_bits, 16);
    cr_expect_eq(vis_vspace_lookup(&m.vspace, root_pd, 0x401fffff)->size_bits, 20);
    cr_expect_eq(vis_vspace_lookup(&m.vspace, root_pd, 0x41ffffff)->size_bits, 24);
    /* The child: the root's code frames, through copies of their caps. */
    const vis_mapping_t *child_code = vis_vspace_lookup(&m.vspace, child_pd, 0x10000);
    cr_assert_not_null(child_code);
    cr_expect_eq(child_code->paddr, code->paddr);
    const vis_cap_t *root_code_cap = vis_mapping_cap(&m, NULL, code), *others[4];
    cr_assert_not_null(root_code_cap);
    cr_assert_eq(vis_frame_other_mappings(&m, root_code_cap, others, 4), 1);
    cr_expect_eq(vis_cap_space(&m, others[0]), child_pd, "its other mapping is the child's");
    expect_linked(root_pd);
    expect_linked(child_pd);
    /* The writer's VM fault on the read-only page, in the root's space; the child's in
     * the child's. */
    cr_assert_eq(m.vspace.fault_count, 2);
    const vis_vm_fault_t *w = &m.vspace.faults[0], *f = &m.vspace.faults[1];
    cr_expect(w->tcb == thread_named("writer") && w->pd == root_pd && w->address == TABLE_VA);
    cr_expect_eq(vis_thread_pd(&m, w->tcb), root_pd, "the writer runs in the root's space");
    cr_expect(f->tcb == child && f->pd == child_pd && f->address == 0x50000000);
    cr_expect(vis_vspace_lookup(&m.vspace, child_pd, f->pc), "its PC is in its code");
    vis_model_free(&m);
}

Test(vis_vspace, the_tabs_layout_of_the_childs_space_has_its_fault_and_its_table_boxes)
{
    record_and_replay();
    uint32_t child = thread_named("child");
    cr_expect_eq(vis_vspace_shown(&m, child, 0, 0), vis_thread_pd(&m, child));
    static vis_vspace_layout_t l;
    vis_vspace_params_t p = {.area = {0, 0, 600, 600}, .line_h = 22, .bar_h = 20, .row_h = 20,
                             .indent = 10, .addr_w = 90, .cell_w = 9, .label_min_w = 170,
                             .pd = vis_thread_pd(&m, child), .ghosts_from = m.events};
    vis_vspace_layout(&l, &m, &p);
    int tables = 0, faults = 0, pages = 0;
    for (int i = 0; i < l.row_count; i++) {
        const vis_vrow_t *r = &l.rows[i];
        tables += r->kind == VIS_VROW_TABLE;
        pages += r->kind == VIS_VROW_PAGES ? r->count : 0;
        if (r->kind == VIS_VROW_FAULT) {
            faults++;
            cr_expect_eq(r->first, 0x50000000);
            cr_expect(!r->in_table, "no table maps the MiB it hit");
        }
        if (r->kind == VIS_VROW_PAGES)
            cr_expect(r->in_table, "the child's pages all go through its tables");
    }
    cr_expect_eq(tables, 2, "the image's table and the stack's");
    cr_expect_eq(faults, 1);
    cr_expect_eq(pages, (int)l.mappings - 2);
    cr_expect_eq(l.rows[l.row_count - 1].kind, VIS_VROW_KERNEL);
    vis_model_free(&m);
}

/*
 * The VSpace tab in a screenshot, read through --layout-out (visualizer/layout_out.c):
 * the screenshot selects the newest cap, the page mapped last in the child's space, so
 * the tab shows that space: its two page tables, read-only code and read-write pages in
 * them, the child's VM fault at 0x50000000 and the kernel window last, every row inside
 * the tab's pane.
 */
Test(vis_vspace, screenshot_of_the_vspace_tab_shows_the_childs_space_and_its_fault)
{
    char path[] = "/tmp/numbat-vspace-shot-XXXXXX.png", layout[64];
    int fd = mkstemps(path, 4);
    cr_assert_geq(fd, 0);
    close(fd);
    snprintf(layout, sizeof(layout), "%s.layout", path);
    const char *extra[] = {"--screenshot", path, "--tab", "vspace", "--layout-out", layout, NULL};
    run_result_t r = run_sim(VSPACE_IMAGE, extra);
    cr_assert_eq(r.status, 0, "status %d: %s", r.status, r.err);
    run_result_free(&r);
    FILE *f = fopen(layout, "r");
    cr_assert_not_null(f, "no layout file");
    char line[512], kind[16];
    SDL_Rect pane = {0}, row;
    unsigned first, access;
    int count, tables = 0, read_only = 0, read_write = 0, faults = 0, rows = 0, outside = 0;
    bool kernel_last = false;
    while (fgets(line, sizeof(line), f)) {
        if (sscanf(line, "pane tabs %d %d %d %d", &pane.x, &pane.y, &pane.w, &pane.h) == 4)
            continue;
        if (sscanf(line, "vrow %x %d %d %d %d %15s %u %d", &first, &row.x, &row.y, &row.w, &row.h,
                   kind, &access, &count) != 8)
            continue;
        rows++;
        outside += !(row.w > 0 && row.x >= pane.x && row.y >= pane.y &&
                     row.x + row.w <= pane.x + pane.w && row.y + row.h <= pane.y + pane.h);
        kernel_last = strcmp(kind, "kernel") == 0;
        tables += strcmp(kind, "table") == 0;
        faults += strcmp(kind, "fault") == 0 && first == 0x50000000u;
        if (strcmp(kind, "pages") == 0 && (access & TRACE_MAP_READ)) {
            read_only += !(access & TRACE_MAP_WRITE);
            read_write += (access & TRACE_MAP_WRITE) != 0;
        }
    }
    fclose(f);
    cr_expect_gt(rows, 0, "no VSpace rows drawn");
    cr_expect_eq(outside, 0, "%d rows leave the tab's pane", outside);
    cr_expect_eq(tables, 2, "the image's table and the stack's");
    cr_expect_eq(faults, 1, "the child's VM fault at 0x50000000");
    cr_expect_gt(read_only, 0, "no read-only code");
    cr_expect_gt(read_write, 0, "no read-write page");
    cr_expect(kernel_last, "the kernel window is not the last row");
    unlink(layout);
    unlink(path);
}
