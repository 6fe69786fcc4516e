/*
 * visualizer/render_vspace.c - the VSpace tab: one thread's address space as
 * vspace_layout.c lays it out. Mappings are coloured by access (read-write green,
 * read-only blue, kernel-only grey; execute-never striped), page tables outlined in
 * the page-table colour, the kernel window shaded, faults red; new mappings glow and
 * unmapped ones flash red and dashed, as caps do in the tree. Clicking a page selects
 * its frame cap. Text is never below VIS_PX_SMALL.
 * Partners: vspace_layout.c, vspace_links.c, render_side.c (calls vis_draw_vspace), draw.c.
 */
#include <stdio.h>
#include <string.h>

#include "describe.h"
#include "draw.h"
#include "vspace_layout.h"
#include "vspace_links.h"

void vis_draw_vspace(vis_ctx_t *c, SDL_Rect area);

#define COLOR_RW VIS_RGB(0x2E, 0x7D, 0x32)
#define COLOR_RO VIS_RGB(0x15, 0x65, 0xC0)
#define COLOR_NONE VIS_RGB(0x78, 0x90, 0x9C)
#define COLOR_FAULT VIS_RGB(0xC6, 0x28, 0x28)
#define COLOR_KERNEL VIS_RGB(0xCF, 0xD8, 0xDC)
#define COLOR_EMPTY VIS_RGB(0xF3, 0xF5, 0xF7)
#define COLOR_SELECTED_ROW VIS_RGB(0xFF, 0xF3, 0xC4)
#define COLOR_GLOW VIS_RGB(0xFF, 0xE0, 0x82)

static SDL_Color access_color(uint32_t access)
{
    switch (vis_access_kind(access)) {
    case VIS_ACCESS_RW: return COLOR_RW;
    case VIS_ACCESS_RO: return COLOR_RO;
    default: return COLOR_NONE;
    }
}

static SDL_Color table_color(void)
{
    return vis_type_color(TRACE_CAP_PAGE_TABLE);
}

static int thin(const vis_ctx_t *c, int px)
{
    return vis_px(c, px) > 0 ? vis_px(c, px) : 1;
}

/* A mapping's box: solid in its access colour, or striped when execute-never (a light
 * fill crossed by vertical lines of the colour). Glows while new. */
static void access_box(vis_ctx_t *c, SDL_Rect r, uint32_t access, float fresh)
{
    SDL_Color color = vis_mix(access_color(access), VIS_COLOR_NEW, fresh * 0.8f);
    if (!(access & TRACE_MAP_EXECUTE_NEVER) || vis_access_kind(access) == VIS_ACCESS_NONE) {
        vis_fill(c, r, color);
        return;
    }
    vis_fill(c, r, vis_mix(color, VIS_RGB(0xFF, 0xFF, 0xFF), 0.6f));
    int step = vis_px(c, 4) > 2 ? vis_px(c, 4) : 3, t = thin(c, 2);
    for (int x = r.x; x < r.x + r.w; x += step)
        vis_fill(c, (SDL_Rect){x, r.y, x + t > r.x + r.w ? r.x + r.w - x : t, r.h}, color);
}

/* A small diamond: where a fault hit. */
static void diamond(vis_ctx_t *c, int x, int y, int radius, SDL_Color color)
{
    float r = (float)radius;
    SDL_Vertex v[4] = {{{x - r, (float)y}, color, {0, 0}}, {{(float)x, y - r}, color, {0, 0}},
                       {{x + r, (float)y}, color, {0, 0}}, {{(float)x, y + r}, color, {0, 0}}};
    int order[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(c->r, NULL, v, 4, order, 6);
}

/* Ghosts blink in the window, as deleted caps do; a screenshot simply shows them. */
static bool ghost_visible(const vis_ctx_t *c, uint32_t died)
{
    const vis_ui_t *ui = c->ui;
    return !ui->event_ms || (ui->now_ms / 250) % 2 == 0 || vis_recency(c, died) <= 0.5f;
}

/* The sizes of the layout from the fonts at this scale. */
static vis_vspace_params_t params_for(vis_ctx_t *c, SDL_Rect area, int bottom_h, uint32_t pd)
{
    int small = vis_px(c, VIS_PX_SMALL), body = vis_px(c, VIS_PX_BODY);
    vis_ui_t *ui = c->ui;
    return (vis_vspace_params_t){
        .area = area,
        .line_h = vis_line_height(c->f, VIS_FACE_SANS, body) + vis_px(c, 6),
        .bar_h = vis_px(c, 22),
        .row_h = vis_line_height(c->f, VIS_FACE_SANS, small) + vis_px(c, 5),
        .indent = vis_px(c, 10),
        .addr_w = vis_text_width(c->f, VIS_FACE_MONO, small, "00000000") + vis_px(c, 16),
        .cell_w = vis_px(c, 9),
        .label_min_w = vis_px(c, 200),
        .bottom_h = bottom_h,
        .scrollbar_w = vis_px(c, 6),
        .scroll = ui->tab_scroll,
        .pd = pd,
        .selected = ui->selected,
        .follow = ui->selected &&
                  (ui->followed != ui->selected || ui->followed_tab != VIS_TAB_VSPACE),
        .ghosts_from = c->recent_from,
    };
}

/* ---- the title: the spaces to pick, and this one ------------------------------------ */

/* One space as a tag (this one filled): a click selects its first thread, or with none
 * a cap to its page directory. Returns the width used. */
static int space_tag(vis_ctx_t *c, const vis_vspace_layout_t *l, uint32_t pd, int x, int y)
{
    char label[64];
    uint32_t tcb = 0;
    int small = vis_px(c, VIS_PX_SMALL);
    SDL_Color pd_color = vis_type_color(TRACE_CAP_PAGE_DIRECTORY);
    bool on = pd == l->pd;
    vis_space_label(c->m, pd, label, sizeof(label));
    int w = vis_tag(c, x, y, small, on ? pd_color : COLOR_EMPTY,
                    on ? VIS_RGB(0xFF, 0xFF, 0xFF) : VIS_COLOR_TEXT, label);
    SDL_Rect r = {x, y, w, vis_line_height(c->f, VIS_FACE_BOLD, small)};
    vis_outline(c, r, 1, pd_color);
    if (vis_pd_threads(c->m, pd, &tcb, 1))
        vis_add_hit(c, r, VIS_HIT_THREAD, tcb);
    for (size_t k = 0; !tcb && k < c->m->cap_count; k++)
        if (vis_cap_type(c->m->caps[k].w0) == TRACE_CAP_PAGE_DIRECTORY &&
            vis_cap_addr(c->m->caps[k].w0) == pd) {
            vis_add_hit(c, r, VIS_HIT_CAP, c->m->caps[k].slot);
            break;
        }
    return w + vis_px(c, 6);
}

static void draw_head(vis_ctx_t *c, const vis_vspace_layout_t *l)
{
    char text[128];
    int small = vis_px(c, VIS_PX_SMALL), x = l->head.x + vis_px(c, 8);
    int y = l->head.y + (l->head.h - vis_line_height(c->f, VIS_FACE_BOLD, small)) / 2;
    int right = l->head.x + l->head.w - vis_px(c, 8);
    x += space_tag(c, l, l->pd, x, y);
    for (int i = 0; i < l->space_count; i++)
        if (l->space_pds[i] != l->pd && x < right)
            x += space_tag(c, l, l->space_pds[i], x, y);
    snprintf(text, sizeof(text), "ASID %u · page directory %08x · %zu entr%s", l->asid, l->pd,
             l->mappings, l->mappings == 1 ? "y" : "ies");
    if (x + vis_px(c, 4) < right)
        vis_text_fit(c->f, VIS_FACE_SANS, small, VIS_COLOR_MUTED, x + vis_px(c, 4), y,
                     right - x - vis_px(c, 4), text);
}

/* ---- the overview bar ------------------------------------------------------------------ */

static void draw_mark(vis_ctx_t *c, const vis_vspace_layout_t *l, const vis_vmark_t *mk)
{
    const vis_vrow_t *r = &l->rows[mk->row];
    SDL_Rect b = mk->rect;
    float fresh = r->kind == VIS_VROW_GHOST ? 0 : vis_recency(c, r->born);
    if (fresh > 0) {
        int g = vis_px(c, 3);
        vis_fill(c, (SDL_Rect){b.x - g, b.y - g, b.w + 2 * g, b.h + 2 * g},
                 vis_mix(VIS_COLOR_PANE, VIS_COLOR_NEW, fresh));
    }
    switch (r->kind) {
    case VIS_VROW_TABLE: vis_outline(c, b, thin(c, 2), table_color()); break;
    case VIS_VROW_PAGES:
        access_box(c, (SDL_Rect){b.x, b.y + b.h / 4, b.w, b.h - b.h / 2}, r->access, fresh);
        break;
    case VIS_VROW_GHOST:
        if (ghost_visible(c, r->died))
            vis_dashed(c, b, 2, VIS_COLOR_GHOST);
        break;
    case VIS_VROW_FAULT: {
        int x = b.x + 1, d = vis_px(c, 6);
        vis_fill(c, (SDL_Rect){x - vis_px(c, 1), b.y, thin(c, 2), b.h}, COLOR_FAULT);
        diamond(c, x, b.y, d, COLOR_FAULT);
        vis_add_hit(c, (SDL_Rect){x - d, b.y - d, 2 * d, b.h + d}, VIS_HIT_THREAD, r->fault.tcb);
        return;
    }
    default: break;
    }
    if (mk->selected)
        vis_outline(c, (SDL_Rect){b.x - 2, b.y - 2, b.w + 4, b.h + 4}, 2, VIS_COLOR_SELECT);
    if (r->cap)
        vis_add_hit(c, b, VIS_HIT_CAP, r->cap);
}

/* "0", "1 GiB", "2 GiB", "3 GiB", "kernel" under the bar, none over another. */
static void draw_ruler(vis_ctx_t *c, const vis_vspace_layout_t *l)
{
    static const struct {
        uint64_t at;
        const char *label;
    } ticks[] = {
        {0, "0"},
        {1ull << 30, "1 GiB"},
        {2ull << 30, "2 GiB"},
        {3ull << 30, "3 GiB"},
        {VIS_USER_TOP, "kernel"},
    };
    int small = vis_px(c, VIS_PX_SMALL), free_x = l->ruler.x, right = l->bar.x + l->bar.w;
    for (size_t i = 0; i < sizeof(ticks) / sizeof(ticks[0]); i++) {
        int x = vis_vspace_bar_x(l, ticks[i].at);
        int w = vis_text_width(c->f, VIS_FACE_SANS, small, ticks[i].label);
        vis_fill(c, (SDL_Rect){x, l->bar.y + l->bar.h, 1, vis_px(c, 5)}, VIS_COLOR_MUTED);
        int tx = x + w > right ? right - w : x;
        if (tx < free_x)
            continue;
        vis_text(c->f, VIS_FACE_SANS, small, VIS_COLOR_MUTED, tx, l->ruler.y + vis_px(c, 4),
                 ticks[i].label);
        free_x = tx + w + vis_px(c, 8);
    }
}

static void draw_bar(vis_ctx_t *c, const vis_vspace_layout_t *l)
{
    if (!l->bar.w)
        return;
    vis_fill(c, l->bar, COLOR_EMPTY);
    vis_fill(c, l->kernel, COLOR_KERNEL);
    int step = vis_px(c, 6) > 1 ? vis_px(c, 6) : 2;
    for (int x = l->kernel.x; x < l->kernel.x + l->kernel.w; x += step)
        vis_fill(c, (SDL_Rect){x, l->kernel.y, 1, l->kernel.h}, VIS_COLOR_MUTED);
    for (int i = 0; i < l->mark_count; i++)
        draw_mark(c, l, &l->marks[i]);
    vis_outline(c, l->bar, 1, VIS_COLOR_BORDER);
    /* Under the bar: what the rows in view cover. */
    if (l->view.w)
        vis_fill(c, (SDL_Rect){l->view.x, l->bar.y + l->bar.h + 1, l->view.w, vis_px(c, 3)},
                 VIS_COLOR_TEXT);
    draw_ruler(c, l);
}

/* ---- the rows ------------------------------------------------------------------------ */

/* The address column: the row's first address in the mono face. */
static void row_address(vis_ctx_t *c, const vis_vrow_t *r, SDL_Color color)
{
    char addr[16];
    int small = vis_px(c, VIS_PX_SMALL);
    snprintf(addr, sizeof(addr), "%08x", r->first);
    vis_text(c->f, VIS_FACE_MONO, small, color, r->rect.x + vis_px(c, 8),
             r->rect.y + (r->rect.h - vis_line_height(c->f, VIS_FACE_MONO, small)) / 2, addr);
}

/* The row's words, from x to its right edge. */
static void row_words(vis_ctx_t *c, const vis_vrow_t *r, int x, vis_face_t face, SDL_Color color,
                      const char *text)
{
    int small = vis_px(c, VIS_PX_SMALL), right = r->rect.x + r->rect.w - vis_px(c, 6);
    if (x < right)
        vis_text_fit(c->f, face, small, color, x,
                     r->rect.y + (r->rect.h - vis_line_height(c->f, face, small)) / 2, right - x,
                     text);
}

/* A row's background: the selection's, or the glow of a new mapping. */
static void row_background(vis_ctx_t *c, const vis_vrow_t *r)
{
    float fresh = vis_recency(c, r->born);
    if (r->selected)
        vis_fill(c, r->rect, COLOR_SELECTED_ROW);
    else if (fresh > 0)
        vis_fill(c, r->rect, vis_mix(VIS_COLOR_PANE, COLOR_GLOW, fresh));
    if (r->cap)
        vis_add_hit(c, r->rect, VIS_HIT_CAP, r->cap);
}

static SDL_Rect around(SDL_Rect r, int by)
{
    return (SDL_Rect){r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by};
}

static void draw_cells(vis_ctx_t *c, const vis_vspace_layout_t *l, const vis_vrow_t *r)
{
    for (int k = 0; k < r->cell_count; k++) {
        const vis_vcell_t *cell = &l->cells[r->cell_first + k];
        access_box(c, cell->rect, cell->map.access, vis_recency(c, cell->map.born));
        if (cell->faulted)
            vis_outline(c, cell->rect, thin(c, 2), COLOR_FAULT);
        if (cell->selected)
            vis_outline(c, around(cell->rect, 2), 2, VIS_COLOR_SELECT);
        else if (cell->same_frame)
            vis_dashed(c, around(cell->rect, 2), 1, VIS_COLOR_SELECT);
        else if (cell->cap && cell->cap == c->ui->hover)
            vis_outline(c, cell->rect, 1, VIS_COLOR_SELECT);
        if (cell->cap)
            vis_add_hit(c, cell->rect, VIS_HIT_CAP, cell->cap);
    }
}

/* "8 × 4 KiB = 32 KiB · R X", or "1 MiB section · RW XN". */
static void pages_words(const vis_vrow_t *r, char *out, size_t len)
{
    char access[48], one[24], total[24];
    vis_access_label(r->access, access, sizeof(access));
    vis_size_label(1ull << r->size_bits, one, sizeof(one));
    vis_size_label(r->end - r->first, total, sizeof(total));
    if (r->count == 1)
        snprintf(out, len, "%s · %s%s", vis_mapping_kind_name(r->size_bits), access,
                 r->hit ? " · faulted" : "");
    else
        snprintf(out, len, "%d × %s = %s · %s%s", r->count, one, total, access,
                 r->hit ? " · faulted" : "");
}

static void draw_pages(vis_ctx_t *c, const vis_vspace_layout_t *l, const vis_vrow_t *r)
{
    char text[128];
    row_background(c, r);
    row_address(c, r, VIS_COLOR_TEXT);
    draw_cells(c, l, r);
    pages_words(r, text, sizeof(text));
    row_words(c, r, r->strip.x + r->strip.w + vis_px(c, 8),
              r->selected ? VIS_FACE_BOLD : VIS_FACE_SANS, VIS_COLOR_TEXT, text);
}

static void draw_table_row(vis_ctx_t *c, const vis_vspace_layout_t *l, const vis_vrow_t *r)
{
    char text[96];
    row_background(c, r);
    row_address(c, r, table_color());
    snprintf(text, sizeof(text), "page table · 1 MiB · %d page%s", r->pages_in,
             r->pages_in == 1 ? "" : "s");
    row_words(c, r, r->rect.x + l->addr_w, VIS_FACE_BOLD, table_color(), text);
}

/* A page table's box: its row and the rows inside it that are in view. */
static void draw_table_boxes(vis_ctx_t *c, const vis_vspace_layout_t *l)
{
    for (int t = 0; t < l->row_count; t++) {
        if (l->rows[t].kind != VIS_VROW_TABLE)
            continue;
        int u = t;
        while (u + 1 < l->row_count && l->rows[u + 1].in_table)
            u++;
        int top = -1, bottom = -1;
        for (int i = t; i <= u; i++)
            if (l->rows[i].rect.h) {
                top = top < 0 ? l->rows[i].rect.y : top;
                bottom = l->rows[i].rect.y + l->rows[i].rect.h;
            }
        if (top < 0)
            continue;
        SDL_Rect box = {l->list.x + vis_px(c, 3), top, l->list.w - vis_px(c, 6), bottom - top};
        vis_outline(c, box, thin(c, 2), table_color());
    }
}

static void draw_ghost(vis_ctx_t *c, const vis_vspace_layout_t *l, const vis_vrow_t *r)
{
    char text[96];
    if (!ghost_visible(c, r->died))
        return;
    SDL_Rect box = {r->rect.x + vis_px(c, 2), r->rect.y + 1, r->rect.w - vis_px(c, 4),
                    r->rect.h - 2};
    vis_fill(c, box, VIS_RGB(0xFF, 0xEB, 0xEE));
    vis_dashed(c, box, 2, VIS_COLOR_GHOST);
    row_address(c, r, VIS_COLOR_GHOST);
    snprintf(text, sizeof(text), "unmapped %s", vis_mapping_kind_name(r->size_bits));
    row_words(c, r, r->rect.x + l->addr_w, VIS_FACE_BOLD, VIS_COLOR_GHOST, text);
}

static void draw_fault(vis_ctx_t *c, const vis_vspace_layout_t *l, const vis_vrow_t *r)
{
    char text[128], name[32];
    float fresh = vis_recency(c, r->born);
    vis_fill(c, r->rect, vis_mix(VIS_RGB(0xFF, 0xEB, 0xEE), VIS_RGB(0xFF, 0xCD, 0xD2), fresh));
    row_address(c, r, COLOR_FAULT);
    int x = r->rect.x + l->addr_w;
    diamond(c, x + vis_px(c, 6), r->rect.y + r->rect.h / 2, vis_px(c, 6), COLOR_FAULT);
    vis_thread_label(c->m, r->fault.tcb, name, sizeof(name));
    snprintf(text, sizeof(text), "VM fault · %s · pc %08x", name, r->fault.pc);
    row_words(c, r, x + vis_px(c, 18), VIS_FACE_BOLD, COLOR_FAULT, text);
    vis_add_hit(c, r->rect, VIS_HIT_THREAD, r->fault.tcb);
}

static void draw_kernel_row(vis_ctx_t *c, const vis_vspace_layout_t *l, const vis_vrow_t *r)
{
    vis_fill(c, r->rect, COLOR_KERNEL);
    row_address(c, r, VIS_COLOR_MUTED);
    row_words(c, r, r->rect.x + l->addr_w, VIS_FACE_SANS, VIS_COLOR_MUTED,
              "kernel window · 512 MiB · no user access");
}

/* --layout-out: notes a row drawn. */
static void record_row(vis_ctx_t *c, const vis_vrow_t *r)
{
    static const char *const kinds[] = {[VIS_VROW_TABLE] = "table", [VIS_VROW_PAGES] = "pages",
                                        [VIS_VROW_GHOST] = "ghost", [VIS_VROW_FAULT] = "fault",
                                        [VIS_VROW_KERNEL] = "kernel"};
    if (!c->ui->record_labels)
        return;
    vis_drawn_label_t d = {.kind = VIS_DRAWN_VROW, .rect = r->rect, .box = r->rect,
                           .full = true, .slot = r->first};
    snprintf(d.text, sizeof(d.text), "%s %u %d", kinds[r->kind], r->access, r->count);
    vis_record_label(c->ui, &d);
}

static void draw_rows(vis_ctx_t *c, const vis_vspace_layout_t *l)
{
    for (int i = 0; i < l->row_count; i++) {
        const vis_vrow_t *r = &l->rows[i];
        if (!r->rect.h)
            continue;
        record_row(c, r);
        switch (r->kind) {
        case VIS_VROW_TABLE: draw_table_row(c, l, r); break;
        case VIS_VROW_PAGES: draw_pages(c, l, r); break;
        case VIS_VROW_GHOST: draw_ghost(c, l, r); break;
        case VIS_VROW_FAULT: draw_fault(c, l, r); break;
        case VIS_VROW_KERNEL: draw_kernel_row(c, l, r); break;
        }
    }
    draw_table_boxes(c, l);
    if (l->scrollbar.w) {
        vis_fill(c, l->scrollbar, COLOR_EMPTY);
        vis_fill(c, l->thumb, VIS_COLOR_MUTED);
    }
}

/* ---- below the list: the selection and the legend ------------------------------------- */

/* One legend entry: a sample and its word; wraps within area. Returns the next x. */
static int legend_entry(vis_ctx_t *c, SDL_Rect area, int x, int *y, int kind, const char *name,
                        bool draw)
{
    int small = vis_px(c, VIS_PX_SMALL), line = vis_line_height(c->f, VIS_FACE_SANS, small);
    int sq = vis_px(c, 12);
    int w = sq + vis_px(c, 5) + vis_text_width(c->f, VIS_FACE_SANS, small, name);
    if (x + w > area.x + area.w - vis_px(c, 8)) {
        x = area.x + vis_px(c, 8);
        *y += line + vis_px(c, 2);
    }
    if (draw) {
        SDL_Rect s = {x, *y + (line - sq) / 2, sq, sq};
        switch (kind) {
        case 0: access_box(c, s, TRACE_MAP_READ | TRACE_MAP_WRITE, 0); break;
        case 1: access_box(c, s, TRACE_MAP_READ, 0); break;
        case 2: access_box(c, s, 0, 0); break;
        case 3: access_box(c, s, TRACE_MAP_READ | TRACE_MAP_EXECUTE_NEVER, 0); break;
        case 4: vis_outline(c, s, 2, table_color()); break;
        default: diamond(c, s.x + sq / 2, s.y + sq / 2, sq / 2, COLOR_FAULT); break;
        }
        vis_text(c->f, VIS_FACE_SANS, small, VIS_COLOR_TEXT, x + sq + vis_px(c, 5), *y, name);
    }
    return x + w + vis_px(c, 12);
}

/* Returns the legend's height; draws it with its top at y when draw is set. New and
 * unmapped look as new and deleted caps do in the tree, whose legend says so. */
static int legend(vis_ctx_t *c, SDL_Rect area, int y, bool draw)
{
    static const char *const names[] = {"read-write", "read-only", "kernel only",
                                        "execute-never", "page table", "VM fault"};
    int top = y, x = area.x + vis_px(c, 8);
    for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
        x = legend_entry(c, area, x, &y, i, names[i], draw);
    return y - top + vis_line_height(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_SMALL));
}

/* The longest start of text, ending before a space, no wider than w; the whole text
 * when it fits or has no space early enough. */
static size_t fitting_prefix(vis_ctx_t *c, vis_face_t face, int px, int w, const char *text)
{
    char buf[512];
    size_t len = strlen(text), cut = 0;
    if (vis_text_width(c->f, face, px, text) <= w)
        return len;
    for (size_t i = 1; i < len && i < sizeof(buf); i++) {
        if (text[i] != ' ')
            continue;
        snprintf(buf, sizeof(buf), "%.*s", (int)i, text);
        if (vis_text_width(c->f, face, px, buf) > w)
            break;
        cut = i;
    }
    return cut ? cut : len;
}

/* Text wrapped at spaces into lines at most w wide, at most max of them (the last cut
 * with "…"). Returns the lines it takes; draws them from y when draw is set. */
static int wrapped(vis_ctx_t *c, int x, int y, int w, int line_h, int max, const char *text,
                   bool draw)
{
    int px = vis_px(c, VIS_PX_SMALL), lines = 0;
    char buf[800];
    while (*text && lines < max) {
        size_t cut = lines + 1 < max ? fitting_prefix(c, VIS_FACE_SANS, px, w, text)
                                     : strlen(text);
        snprintf(buf, sizeof(buf), "%.*s", (int)cut, text);
        if (draw)
            vis_text_fit(c->f, VIS_FACE_SANS, px, VIS_COLOR_TEXT, x, y + lines * line_h, w, buf);
        lines++;
        text += cut;
        while (*text == ' ')
            text++;
    }
    return lines;
}

/* The selection in words: which cap, where it is mapped, where its frame is mapped too.
 * Empty when the selection is no frame, page table or page directory. */
static void selection_words(vis_ctx_t *c, char *out, size_t len)
{
    char where[256], others[256], head[96];
    const vis_cap_t *cap = c->ui->selected ? vis_model_cap_at(c->m, c->ui->selected) : NULL;
    out[0] = '\0';
    if (!cap || !vis_cap_mapping_words(c->m, cap, where, others, sizeof(where)))
        return;
    vis_cap_label(c->m, cap, head, sizeof(head));
    if (vis_cap_type(cap->w0) != TRACE_CAP_FRAME)
        snprintf(out, len, "%s: %s", head, where);
    else if (others[0])
        snprintf(out, len, "%s: %s; also mapped by %s", head, where, others);
    else
        snprintf(out, len, "%s: %s; no other cap to it is mapped", head, where);
}

#define SELECTION_LINES 3

/* The selection's lines under the list; returns their height (drawn when draw is set). */
static int draw_selection(vis_ctx_t *c, SDL_Rect area, int line_h, bool draw)
{
    char text[800];
    int x = area.x + vis_px(c, 8), w = area.w - vis_px(c, 16), top = vis_px(c, 5);
    selection_words(c, text, sizeof(text));
    if (draw)
        vis_fill(c, (SDL_Rect){area.x, area.y, area.w, 1}, VIS_COLOR_BORDER);
    if (!text[0]) {
        if (draw)
            vis_text_fit(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_SMALL), VIS_COLOR_MUTED, x,
                         area.y + top, w,
                         "Click a page or a mark on the bar: its frame cap is selected.");
        return top + line_h;
    }
    return top + line_h * wrapped(c, x, area.y + top, w, line_h, SELECTION_LINES, text, draw);
}

void vis_draw_vspace(vis_ctx_t *c, SDL_Rect area)
{
    static vis_vspace_layout_t l; /* large; one frame is drawn at a time */
    vis_ui_t *ui = c->ui;
    int line_h = vis_line_height(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_SMALL)) + vis_px(c, 2);
    int selection_h = draw_selection(c, area, line_h, false);
    int legend_h = legend(c, area, 0, false);
    uint32_t pd = vis_vspace_shown(c->m, ui->selected_tcb, ui->selected, ui->vspace_pd);
    if (!pd) {
        vis_text(c->f, VIS_FACE_SANS, vis_px(c, VIS_PX_BODY), VIS_COLOR_MUTED,
                 area.x + vis_px(c, 12), area.y + vis_px(c, 8),
                 "No address space yet: no thread has a page directory.");
        return;
    }
    vis_vspace_params_t p = params_for(c, area, selection_h + vis_px(c, 6) + legend_h, pd);
    vis_vspace_layout(&l, c->m, &p);
    ui->tab_scroll = l.scroll;
    ui->vspace_pd = pd;
    if (p.follow && l.selected_row >= 0) {
        ui->followed = ui->selected;
        ui->followed_tab = VIS_TAB_VSPACE;
    }
    draw_head(c, &l);
    draw_bar(c, &l);
    draw_rows(c, &l);
    if (l.bottom.h) {
        draw_selection(c, l.bottom, line_h, true);
        legend(c, area, l.bottom.y + selection_h + vis_px(c, 6), true);
    }
}
