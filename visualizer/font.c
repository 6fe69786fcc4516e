/*
 * visualizer/font.c - DejaVu fonts through SDL2_ttf, and a cache of rendered strings.
 * Fonts are opened lazily per (face, pixel size) because the scale key and the tree
 * zoom ask for new sizes at any time. The string cache is direct-mapped: a string
 * hashes to one entry, and a different string landing there replaces it.
 * Partner: font.h.
 */
#include "font.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL2/SDL_ttf.h>

#define MAX_SIZES 48
#define TEXT_CACHE 2048
#define MIN_PX 6
#define MAX_PX 200

static const char *const face_files[VIS_FACE_COUNT] = {
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSansMono.ttf",
};

typedef struct sized_font {
    vis_face_t face;
    int px;
    TTF_Font *font;
} sized_font_t;

typedef struct cached_text {
    char *text; /* NULL: empty entry */
    vis_face_t face;
    int px;
    uint32_t rgba;
    SDL_Texture *texture;
    int w, h;
} cached_text_t;

struct vis_fonts {
    SDL_Renderer *renderer;
    sized_font_t sizes[MAX_SIZES];
    size_t size_count;
    cached_text_t cache[TEXT_CACHE];
};

static void font_path(vis_face_t face, char *out, size_t len)
{
    snprintf(out, len, "%s/%s", VIS_FONT_DIR, face_files[face]);
}

vis_fonts_t *vis_fonts_open(SDL_Renderer *r, char *err, size_t err_len)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, err_len, "SDL2_ttf: %s", TTF_GetError());
        return NULL;
    }
    /* Open each face once now, so a missing package is reported at start. */
    for (int face = 0; face < VIS_FACE_COUNT; face++) {
        char path[256];
        font_path(face, path, sizeof(path));
        TTF_Font *probe = TTF_OpenFont(path, 14);
        if (!probe) {
            snprintf(err, err_len, "cannot open %s (Debian package fonts-dejavu-core): %s", path,
                     TTF_GetError());
            return NULL;
        }
        TTF_CloseFont(probe);
    }
    vis_fonts_t *f = calloc(1, sizeof(*f));
    if (!f) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    f->renderer = r;
    return f;
}

void vis_fonts_close(vis_fonts_t *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < TEXT_CACHE; i++) {
        free(f->cache[i].text);
        if (f->cache[i].texture)
            SDL_DestroyTexture(f->cache[i].texture);
    }
    for (size_t i = 0; i < f->size_count; i++)
        TTF_CloseFont(f->sizes[i].font);
    free(f);
}

/* The font for a face at a pixel size; NULL only if the file cannot be opened. */
static TTF_Font *font_at(vis_fonts_t *f, vis_face_t face, int px)
{
    px = px < MIN_PX ? MIN_PX : px > MAX_PX ? MAX_PX : px;
    for (size_t i = 0; i < f->size_count; i++)
        if (f->sizes[i].face == face && f->sizes[i].px == px)
            return f->sizes[i].font;
    char path[256];
    font_path(face, path, sizeof(path));
    TTF_Font *font = TTF_OpenFont(path, px);
    if (!font)
        return NULL;
    if (f->size_count == MAX_SIZES) {
        /* Many zoom levels visited: forget the oldest size (texts keep their textures). */
        TTF_CloseFont(f->sizes[0].font);
        memmove(&f->sizes[0], &f->sizes[1], (MAX_SIZES - 1) * sizeof(sized_font_t));
        f->size_count--;
    }
    f->sizes[f->size_count++] = (sized_font_t){face, px, font};
    return font;
}

static uint32_t text_hash(vis_face_t face, int px, uint32_t rgba, const char *text)
{
    uint32_t h = 2166136261u ^ (uint32_t)face ^ ((uint32_t)px << 8) ^ (rgba * 16777619u);
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        h = (h ^ *c) * 16777619u;
    return h;
}

/* The cached texture of a string, rendering it on a miss; NULL for empty text. */
static const cached_text_t *text_entry(vis_fonts_t *f, vis_face_t face, int px, SDL_Color color,
                                       const char *text)
{
    if (!text || !*text)
        return NULL;
    uint32_t rgba = (uint32_t)color.r << 24 | (uint32_t)color.g << 16 | color.b << 8 | color.a;
    cached_text_t *e = &f->cache[text_hash(face, px, rgba, text) % TEXT_CACHE];
    if (e->text && e->face == face && e->px == px && e->rgba == rgba && !strcmp(e->text, text))
        return e;
    TTF_Font *font = font_at(f, face, px);
    SDL_Surface *s = font ? TTF_RenderUTF8_Blended(font, text, color) : NULL;
    SDL_Texture *t = s ? SDL_CreateTextureFromSurface(f->renderer, s) : NULL;
    char *copy = t ? strdup(text) : NULL;
    if (!copy) {
        if (t)
            SDL_DestroyTexture(t);
        SDL_FreeSurface(s);
        return NULL;
    }
    free(e->text);
    if (e->texture)
        SDL_DestroyTexture(e->texture);
    *e = (cached_text_t){copy, face, px, rgba, t, s->w, s->h};
    SDL_FreeSurface(s);
    return e;
}

int vis_text(vis_fonts_t *f, vis_face_t face, int px, SDL_Color color, int x, int y,
             const char *text)
{
    const cached_text_t *e = text_entry(f, face, px, color, text);
    if (!e)
        return 0;
    SDL_Rect dst = {x, y, e->w, e->h};
    SDL_RenderCopy(f->renderer, e->texture, NULL, &dst);
    return e->w;
}

int vis_text_width(vis_fonts_t *f, vis_face_t face, int px, const char *text)
{
    TTF_Font *font = font_at(f, face, px);
    int w = 0, h = 0;
    if (!font || !text || !*text || TTF_SizeUTF8(font, text, &w, &h) != 0)
        return 0;
    return w;
}

int vis_line_height(vis_fonts_t *f, vis_face_t face, int px)
{
    TTF_Font *font = font_at(f, face, px);
    return font ? TTF_FontLineSkip(font) : px + px / 4;
}

/* Bytes of the longest UTF-8 prefix of text that, followed by "…", fits max_w. */
static size_t fitting_prefix(vis_fonts_t *f, vis_face_t face, int px, const char *text, int max_w)
{
    size_t lo = 0, hi = strlen(text);
    char buf[512];
    if (hi >= sizeof(buf) - 4)
        hi = sizeof(buf) - 5;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        while (mid > lo && ((unsigned char)text[mid] & 0xC0) == 0x80)
            mid--; /* never cut inside a character */
        if (mid == lo)
            break;
        memcpy(buf, text, mid);
        strcpy(buf + mid, "…");
        if (vis_text_width(f, face, px, buf) <= max_w)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

int vis_text_fit(vis_fonts_t *f, vis_face_t face, int px, SDL_Color color, int x, int y, int max_w,
                 const char *text)
{
    if (max_w <= 0 || !text)
        return 0;
    if (vis_text_width(f, face, px, text) <= max_w)
        return vis_text(f, face, px, color, x, y, text);
    char buf[512];
    size_t n = fitting_prefix(f, face, px, text, max_w);
    memcpy(buf, text, n);
    strcpy(buf + n, "…");
    return vis_text(f, face, px, color, x, y, buf);
}
