/*
 * visualizer/source_text.h - the C source around a line, for the code pane: the file
 * the DWARF line table names (sim/srcline.h) read once and kept while the PC stays in
 * it, a few lines cut out with their numbers, the current one marked with '>' as the
 * pane marks the PC's instruction. Partners: source_text.c, session.c (fills the code
 * pane), render.c (draws it), tests/sim/test_vis_source_text.c.
 */
#ifndef VIS_SOURCE_TEXT_H
#define VIS_SOURCE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The last file read. Zero it to start; vis_source_file_free releases it. */
typedef struct vis_source_file {
    char path[512];
    char *text; /* NULL: not readable */
    size_t len;
} vis_source_file_t;

void vis_source_file_free(vis_source_file_t *f);

/*
 * Appends lines line-before .. line+after of the file at `path` to out (at most len
 * bytes in all, out stays terminated), one per line as "  52  text", the line itself
 * as "> 53  text", their common indentation removed. Returns the bytes appended, 0
 * when the file cannot be read or has no such line.
 */
size_t vis_source_excerpt(vis_source_file_t *f, const char *path, int line, int before, int after,
                          char *out, size_t len);

#endif
