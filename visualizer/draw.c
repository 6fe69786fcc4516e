/*
 * visualizer/draw.c - the theme and the drawing helpers every pane uses: colours per
 * cap type (families share a hue: paging is purple, interrupts red, ASIDs brown),
 * boxes, tags, pane frames, click regions, and how recent an event is.
 * Partners: draw.h, render.c, render_tree.c, render_side.c, render_ipc.c.
 */
#include "draw.h"

#include <stdio.h>

SDL_Color vis_type_color(unsigned cap_type)
{
    static const SDL_Color colors[] = {
        [TRACE_CAP_NULL] = VIS_RGB(0x9E, 0x9E, 0x9E),
        [TRACE_CAP_UNTYPED] = VIS_RGB(0x78, 0x90, 0x9C),
        [TRACE_CAP_ENDPOINT] = VIS_RGB(0x1E, 0x88, 0xE5),
        [TRACE_CAP_NOTIFICATION] = VIS_RGB(0x00, 0xAC, 0xC1),
        [TRACE_CAP_REPLY] = VIS_RGB(0x39, 0x49, 0xAB),
        [TRACE_CAP_CNODE] = VIS_RGB(0x43, 0xA0, 0x47),
        [TRACE_CAP_THREAD] = VIS_RGB(0xFB, 0x8C, 0x00),
        [TRACE_CAP_IRQ_CONTROL] = VIS_RGB(0xC6, 0x28, 0x28),
        [TRACE_CAP_IRQ_HANDLER] = VIS_RGB(0xEC, 0x40, 0x7A),
        [TRACE_CAP_DOMAIN] = VIS_RGB(0x54, 0x6E, 0x7A),
        [TRACE_CAP_FRAME] = VIS_RGB(0xAF, 0xB4, 0x2B),
        [TRACE_CAP_PAGE_TABLE] = VIS_RGB(0xAB, 0x47, 0xBC),
        [TRACE_CAP_PAGE_DIRECTORY] = VIS_RGB(0x6A, 0x1B, 0x9A),
        [TRACE_CAP_ASID_CONTROL] = VIS_RGB(0x6D, 0x4C, 0x41),
        [TRACE_CAP_ASID_POOL] = VIS_RGB(0xA1, 0x88, 0x7F),
    };
    return cap_type < sizeof(colors) / sizeof(colors[0]) ? colors[cap_type] : colors[0];
}

SDL_Color vis_state_color(uint32_t state)
{
    switch (state) {
    case TRACE_THREAD_INACTIVE: return VIS_RGB(0x9E, 0x9E, 0x9E);
    case TRACE_THREAD_RUNNABLE: return VIS_RGB(0x2E, 0x7D, 0x32);
    case TRACE_THREAD_BLOCKED_ON_REPLY: return VIS_RGB(0xBF, 0x36, 0x0C);
    case TRACE_THREAD_BLOCKED_ON_NOTIFICATION: return VIS_RGB(0x00, 0x83, 0x8F);
    default: return VIS_RGB(0xEF, 0x6C, 0x00);
    }
}

int vis_px(const vis_ctx_t *c, int px)
{
    return (int)(px * c->s + 0.5f);
}

SDL_Color vis_mix(SDL_Color a, SDL_Color b, float t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return (SDL_Color){(Uint8)(a.r + (b.r - a.r) * t), (Uint8)(a.g + (b.g - a.g) * t),
                       (Uint8)(a.b + (b.b - a.b) * t), (Uint8)(a.a + (b.a - a.a) * t)};
}

SDL_Color vis_pastel(unsigned cap_type)
{
    return vis_mix(vis_type_color(cap_type), VIS_RGB(0xFF, 0xFF, 0xFF), 0.78f);
}

void vis_fill(const vis_ctx_t *c, SDL_Rect r, SDL_Color color)
{
    SDL_SetRenderDrawColor(c->r, color.r, color.g, color.b, color.a);
    SDL_RenderFillRect(c->r, &r);
}

void vis_outline(const vis_ctx_t *c, SDL_Rect r, int t, SDL_Color color)
{
    vis_fill(c, (SDL_Rect){r.x, r.y, r.w, t}, color);
    vis_fill(c, (SDL_Rect){r.x, r.y + r.h - t, r.w, t}, color);
    vis_fill(c, (SDL_Rect){r.x, r.y, t, r.h}, color);
    vis_fill(c, (SDL_Rect){r.x + r.w - t, r.y, t, r.h}, color);
}

void vis_dashed(const vis_ctx_t *c, SDL_Rect r, int t, SDL_Color color)
{
    int dash = vis_px(c, 6);
    for (int x = r.x; x < r.x + r.w; x += 2 * dash) {
        int w = x + dash > r.x + r.w ? r.x + r.w - x : dash;
        vis_fill(c, (SDL_Rect){x, r.y, w, t}, color);
        vis_fill(c, (SDL_Rect){x, r.y + r.h - t, w, t}, color);
    }
    for (int y = r.y; y < r.y + r.h; y += 2 * dash) {
        int h = y + dash > r.y + r.h ? r.y + r.h - y : dash;
        vis_fill(c, (SDL_Rect){r.x, y, t, h}, color);
        vis_fill(c, (SDL_Rect){r.x + r.w - t, y, t, h}, color);
    }
}

int vis_tag_width(const vis_ctx_t *c, int px, const char *text)
{
    return vis_text_width(c->f, VIS_FACE_BOLD, px, text) + 2 * (px / 3);
}

int vis_tag(const vis_ctx_t *c, int x, int y, int px, SDL_Color bg, SDL_Color fg, const char *text)
{
    int w = vis_tag_width(c, px, text), h = vis_line_height(c->f, VIS_FACE_BOLD, px);
    vis_fill(c, (SDL_Rect){x, y, w, h}, bg);
    vis_text(c->f, VIS_FACE_BOLD, px, fg, x + px / 3, y, text);
    return w;
}

int vis_swatch(const vis_ctx_t *c, int x, int y, unsigned cap_type, const char *name)
{
    int px = vis_px(c, VIS_PX_BODY), line = vis_line_height(c->f, VIS_FACE_SANS, px);
    int box = vis_px(c, 12), gap = vis_px(c, 5);
    SDL_Rect sq = {x, y + (line - box) / 2, box, box};
    vis_fill(c, sq, vis_type_color(cap_type));
    return box + gap + vis_text(c->f, VIS_FACE_SANS, px, VIS_COLOR_TEXT, x + box + gap, y, name);
}

int vis_begin_pane(vis_ctx_t *c, SDL_Rect pane, const char *title)
{
    int gap = vis_px(c, 3);
    SDL_Rect inner = {pane.x + gap, pane.y + gap, pane.w - 2 * gap, pane.h - 2 * gap};
    vis_fill(c, inner, VIS_COLOR_PANE);
    vis_outline(c, inner, 1, VIS_COLOR_BORDER);
    c->clip = inner;
    SDL_RenderSetClipRect(c->r, &inner);
    int pad = vis_px(c, 8);
    if (!title)
        return inner.y + pad;
    int px = vis_px(c, VIS_PX_TITLE);
    vis_text(c->f, VIS_FACE_BOLD, px, VIS_COLOR_MUTED, inner.x + pad, inner.y + vis_px(c, 4),
             title);
    return inner.y + vis_px(c, 4) + vis_line_height(c->f, VIS_FACE_BOLD, px) + vis_px(c, 2);
}

void vis_end_pane(vis_ctx_t *c)
{
    SDL_RenderSetClipRect(c->r, NULL);
    c->clip = (SDL_Rect){0, 0, c->ui->width, c->ui->height};
}

void vis_add_hit(vis_ctx_t *c, SDL_Rect r, vis_hit_kind_t kind, uint32_t value)
{
    SDL_Rect cut;
    vis_ui_t *ui = c->ui;
    if (ui->hit_count == VIS_MAX_HITS || !SDL_IntersectRect(&r, &c->clip, &cut))
        return;
    ui->hits[ui->hit_count++] = (vis_hit_t){cut, kind, value};
}

/* Kernel entries and exits come hundreds a second: they do not make a change "old". */
static bool structural(const vis_ui_t *ui, size_t i)
{
    if (!ui->records || i >= ui->record_count)
        return true;
    unsigned type = trace_record_type(&ui->records[i]);
    return type != TRACE_KERNEL_ENTRY && type != TRACE_KERNEL_EXIT && type != TRACE_IRQ;
}

/* Headless: 1 for the newest change, falling over the last few structural events. */
static float recency_by_events(const vis_ctx_t *c, uint32_t event)
{
    if (event < c->recent_from)
        return 0; /* known old: no need to count the events since */
    unsigned age = 0;
    for (uint32_t i = event + 1; i < c->m->events && age <= VIS_RECENT_EVENTS; i++)
        age += structural(c->ui, i);
    return age >= VIS_RECENT_EVENTS ? 0.0f : 1.0f - (float)age / VIS_RECENT_EVENTS;
}

float vis_recency(const vis_ctx_t *c, uint32_t event)
{
    const vis_ui_t *ui = c->ui;
    if (event >= c->m->events)
        return 0;
    if (!ui->event_ms || event >= ui->record_count)
        return recency_by_events(c, event);
    uint32_t when = ui->event_ms[event];
    /* Stepping back or forward makes the event at the cursor new again. */
    if (ui->cursor < ui->record_count && event + 1 == ui->cursor && ui->cursor_ms > when)
        when = ui->cursor_ms;
    uint32_t age = ui->now_ms - when;
    return age >= VIS_FADE_MS ? 0.0f : 1.0f - (float)age / VIS_FADE_MS;
}

uint32_t vis_recent_from(const vis_ctx_t *c)
{
    uint32_t e = c->m->events;
    if (!c->ui->event_ms || c->ui->record_count < e) {
        /* Back over the events while fewer than VIS_RECENT_EVENTS structural ones
         * follow: the same rule as recency_by_events, in one pass. */
        unsigned age = 0;
        for (; e > 0 && age < VIS_RECENT_EVENTS; e--)
            age += structural(c->ui, e - 1);
        return e;
    }
    /* Bounded: at full speed thousands of events can be "recent"; those are enough. */
    for (unsigned seen = 0; e > 0 && seen < 4096; seen++, e--)
        if (vis_recency(c, e - 1) <= 0)
            break;
    return e;
}
