/*
 * visualizer/font.h - text for the visualizer: DejaVu Sans (regular, bold) and DejaVu
 * Sans Mono through SDL2_ttf, opened at whatever pixel sizes the scale asks for, with
 * rendered strings cached as textures so a frame of a few hundred labels stays cheap.
 * Partners: font.c, draw.c and render*.c (its users), tools/vis_bench.c.
 */
#ifndef VIS_FONT_H
#define VIS_FONT_H

#include <stddef.h>

#include <SDL2/SDL.h>

typedef enum vis_face {
    VIS_FACE_SANS,
    VIS_FACE_BOLD,
    VIS_FACE_MONO,
    VIS_FACE_COUNT
} vis_face_t;

typedef struct vis_fonts vis_fonts_t;

/* Where the fonts are looked for: Debian's fonts-dejavu-core. */
#define VIS_FONT_DIR "/usr/share/fonts/truetype/dejavu"

/*
 * Starts SDL2_ttf and checks the three font files open. Text is drawn into `r`.
 * Returns NULL with a one-line reason in err (a missing font names its package).
 */
vis_fonts_t *vis_fonts_open(SDL_Renderer *r, char *err, size_t err_len);
void vis_fonts_close(vis_fonts_t *f);

/* Draws UTF-8 text with its top-left corner at (x, y); returns its width in pixels. */
int vis_text(vis_fonts_t *f, vis_face_t face, int px, SDL_Color color, int x, int y,
             const char *text);
/* Width of the text in pixels, without drawing it. */
int vis_text_width(vis_fonts_t *f, vis_face_t face, int px, const char *text);
/* Distance between baselines of consecutive lines. */
int vis_line_height(vis_fonts_t *f, vis_face_t face, int px);
/*
 * Like vis_text, but cut to at most max_w pixels, ending in "…" when it was cut.
 * Returns the width drawn.
 */
int vis_text_fit(vis_fonts_t *f, vis_face_t face, int px, SDL_Color color, int x, int y, int max_w,
                 const char *text);

#endif
