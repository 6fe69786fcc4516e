/*
 * visualizer/layout_out.c - numbat-sim --screenshot FILE --layout-out TEXT: beside the
 * PNG, what the frame's layout put where, one item a line, so a test checks that the
 * selected cap's box is inside the tree pane, or which text a box carries at which
 * size, without reading pixels (docs/visualizer.md, "The layout file"). Rectangles
 * are x y w h in window pixels.
 *   window W H scale S zoom Z
 *   pane NAME X Y W H           (toolbar tree details tabs timeline console code)
 *   tree-area X Y W H           (where the tree's boxes go)
 *   selected X Y W H            (the selected cap's box; 0 0 0 0: none in the tree)
 *   followed X Y W H            (the box the view keeps in sight)
 *   box cap|run SLOT X Y W H    (a box drawn in the tree, cut to the pane)
 *   label full|short PX SLOT X Y W H TEXT   (text drawn on a box)
 *   arrow PX EVENT X Y W H TEXT (an IPC tab arrow's label; a click goes to EVENT)
 *   vrow FIRST X Y W H table|pages|ghost|fault|kernel ACCESS COUNT
 *                               (a VSpace tab row: its first address, TRACE_MAP_* bits
 *                               of its mappings, how many)
 * Partners: render.h (declares it), render_tree.c, render_ipc.c and render_vspace.c
 * (record what they draw),
 * app.c.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "render.h"

static void rect(FILE *f, const char *what, SDL_Rect r)
{
    fprintf(f, "%s %d %d %d %d\n", what, r.x, r.y, r.w, r.h);
}

int vis_layout_write(const vis_ui_t *ui, const char *path, char *err, size_t err_len)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, err_len, "--layout-out %s: %s", path, strerror(errno));
        return -1;
    }
    vis_panes_t p;
    vis_layout_panes(ui->width, ui->height, ui->scale, &p);
    if (ui->tab == VIS_TAB_IPC || ui->tab == VIS_TAB_VSPACE)
        vis_layout_tall_tabs(&p);
    fprintf(f, "window %d %d scale %.3f zoom %.3f\n", ui->width, ui->height, ui->scale, ui->zoom);
    rect(f, "pane toolbar", p.toolbar);
    rect(f, "pane tree", p.tree);
    rect(f, "pane details", p.details);
    rect(f, "pane tabs", p.tabs);
    rect(f, "pane timeline", p.timeline);
    rect(f, "pane console", p.console);
    rect(f, "pane code", p.code);
    rect(f, "tree-area", ui->tree_area);
    rect(f, "selected", ui->selected_box);
    rect(f, "followed", ui->followed_box);
    for (size_t i = 0; i < ui->hit_count; i++) {
        const vis_hit_t *h = &ui->hits[i];
        SDL_Rect in; /* the tree's boxes, not the CSpace tab's rows */
        if ((h->kind == VIS_HIT_CAP || h->kind == VIS_HIT_GROUP) &&
            SDL_IntersectRect(&h->rect, &ui->tree_area, &in) && in.w == h->rect.w &&
            in.h == h->rect.h)
            fprintf(f, "box %s %08x %d %d %d %d\n", h->kind == VIS_HIT_CAP ? "cap" : "run",
                    h->value, h->rect.x, h->rect.y, h->rect.w, h->rect.h);
    }
    for (size_t i = 0; i < ui->label_count; i++) {
        const vis_drawn_label_t *l = &ui->labels[i];
        if (l->kind == VIS_DRAWN_ARROW)
            fprintf(f, "arrow %d %u %d %d %d %d %s\n", l->px, l->slot, l->rect.x, l->rect.y,
                    l->rect.w, l->rect.h, l->text);
        else if (l->kind == VIS_DRAWN_VROW)
            fprintf(f, "vrow %08x %d %d %d %d %s\n", l->slot, l->rect.x, l->rect.y, l->rect.w,
                    l->rect.h, l->text);
        else
            fprintf(f, "label %s %d %08x %d %d %d %d %s\n", l->full ? "full" : "short", l->px,
                    l->slot, l->rect.x, l->rect.y, l->rect.w, l->rect.h, l->text);
    }
    if (fclose(f) != 0) {
        snprintf(err, err_len, "--layout-out %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}
