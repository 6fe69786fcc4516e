/*
 * visualizer/source_text.c - cutting a few numbered lines out of a C source file for
 * the code pane (source_text.h). The file is read whole on first use and kept until
 * the PC moves to another one: the pane is refreshed every frame.
 * Partner: source_text.h.
 */
#include "source_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vis_source_file_free(vis_source_file_t *f)
{
    free(f->text);
    memset(f, 0, sizeof(*f));
}

/* Makes f hold the file at path (or nothing, if it cannot be read). */
static void load(vis_source_file_t *f, const char *path)
{
    if (f->path[0] && strcmp(f->path, path) == 0)
        return;
    vis_source_file_free(f);
    snprintf(f->path, sizeof(f->path), "%s", path);
    FILE *file = fopen(path, "rb");
    if (!file)
        return;
    size_t cap = 0, n;
    char chunk[8192];
    while ((n = fread(chunk, 1, sizeof(chunk), file)) > 0) {
        char *bigger = realloc(f->text, cap + n + 1);
        if (!bigger)
            break;
        f->text = bigger;
        memcpy(f->text + cap, chunk, n);
        cap += n;
        f->text[cap] = '\0';
    }
    fclose(file);
    f->len = f->text ? cap : 0;
}

/* The start of 1-based line `want`, or NULL past the end. */
static const char *line_start(const vis_source_file_t *f, int want)
{
    const char *p = f->text, *end = f->text + f->len;
    for (int n = 1; n < want && p < end; p++)
        if (*p == '\n')
            n++;
    return p < end ? p : NULL;
}

/* Leading blanks of a line (tabs as four), or -1 for an empty line. */
static int indent_of(const char *p)
{
    int n = 0;
    for (; *p == ' ' || *p == '\t'; p++)
        n += *p == '\t' ? 4 : 1;
    return *p == '\n' || *p == '\r' || *p == '\0' ? -1 : n;
}

/* Skips `cut` columns of a line's leading blanks. */
static const char *skip_indent(const char *p, int cut)
{
    for (int n = 0; n < cut && (*p == ' ' || *p == '\t'); p++)
        n += *p == '\t' ? 4 : 1;
    return p;
}

size_t vis_source_excerpt(vis_source_file_t *f, const char *path, int line, int before, int after,
                          char *out, size_t len)
{
    load(f, path);
    int first = line - before > 1 ? line - before : 1;
    if (!f->text || line < 1 || !line_start(f, line))
        return 0;
    int cut = -1;
    for (int n = first; n <= line + after; n++) {
        const char *p = line_start(f, n);
        int in = p ? indent_of(p) : -1;
        if (in >= 0 && (cut < 0 || in < cut))
            cut = in;
    }
    size_t used = strlen(out), start = used;
    for (int n = first; n <= line + after && used + 1 < len; n++) {
        const char *p = line_start(f, n);
        if (!p)
            break;
        p = skip_indent(p, cut > 0 ? cut : 0);
        size_t w = strcspn(p, "\r\n");
        int wrote = snprintf(out + used, len - used, "%c %4d  %.*s\n", n == line ? '>' : ' ', n,
                             (int)w, p);
        if (wrote < 0 || (size_t)wrote >= len - used) {
            out[used] = '\0';
            break;
        }
        used += (size_t)wrote;
    }
    return used - start;
}
