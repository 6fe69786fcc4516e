/*
 * visualizer/vspace_links.h - what ties address spaces to capabilities: a thread's
 * page directory (the cap in its TCB's VSpace slot), a page directory's ASID (its cap's
 * word 1), the frame or page-table cap a mapping was made through and, the other way,
 * where a frame cap is mapped and which other caps to the same frame are mapped. Cap
 * words are read only through trace/cap_words.h. Partners: vspace_links.c,
 * vspace_model.h, vspace_layout.c, render_side.c (details), describe.c (event labels).
 */
#ifndef VIS_VSPACE_LINKS_H
#define VIS_VSPACE_LINKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* The page-directory cap in a thread's VSpace slot (TCB slot 1), or NULL. */
const vis_cap_t *vis_thread_vspace(const vis_model_t *m, uint32_t tcb);
/* The page directory a thread runs in, 0 when its VSpace slot holds none. */
uint32_t vis_thread_pd(const vis_model_t *m, uint32_t tcb);
/* The ASID page directory pd is assigned (some cap to it says so), 0 when none. */
uint32_t vis_pd_asid(const vis_model_t *m, uint32_t pd);
/* The page directory assigned ASID asid (0 never is), 0 when no cap says. */
uint32_t vis_asid_pd(const vis_model_t *m, uint32_t asid);
/* The threads whose VSpace is pd, in the model's order; returns how many (only the
 * first max are stored). */
size_t vis_pd_threads(const vis_model_t *m, uint32_t pd, uint32_t *tcbs, size_t max);
/* A space in words: "rootserver", "rootserver, writer", "rootserver, writer and 2 more",
 * or "page directory e0..." when no thread runs in it. */
void vis_space_label(const vis_model_t *m, uint32_t pd, char *out, size_t len);

/* The same with its ASID: "rootserver (ASID 1)" (no ASID: the label alone). */
void vis_space_asid_label(const vis_model_t *m, uint32_t pd, char *out, size_t len);

/*
 * Where a frame or page-table cap is mapped, from its words: true with the ASID, the
 * address (a table's MiB) and the page directory holding that ASID (0 when no cap
 * says which). False for an unmapped cap or another type.
 */
bool vis_cap_mapped_at(const vis_model_t *m, const vis_cap_t *cap, uint32_t *pd, uint32_t *asid,
                       uint32_t *vaddr);
/* The space a cap points to: a page directory's own, a mapped frame's or table's; 0. */
uint32_t vis_cap_space(const vis_model_t *m, const vis_cap_t *cap);
/* The other frame caps to cap's frame (the same physical address) that are mapped,
 * in slot order; returns how many (only the first max are stored). */
size_t vis_frame_other_mappings(const vis_model_t *m, const vis_cap_t *cap,
                                const vis_cap_t **out, size_t max);

/*
 * Where a frame, page-table or page-directory cap is mapped, in words for the details
 * pane and the VSpace tab: `where` says where this cap is mapped (with the mapping's
 * access as the space's map event gave it), `others` which other caps to the same
 * frame are mapped (empty: none, or not a frame). False (both empty) for other types.
 */
bool vis_cap_mapping_words(const vis_model_t *m, const vis_cap_t *cap, char *where, char *others,
                           size_t len);

/* The mapped frame and page-table caps of one ASID, sorted by address: finding the cap
 * of each mapping of a space without a search through every cap. */
typedef struct vis_map_index {
    uint32_t asid;
    const vis_cap_t **caps;
    size_t count;
} vis_map_index_t;

void vis_map_index_build(vis_map_index_t *ix, const vis_model_t *m, uint32_t asid);
void vis_map_index_free(vis_map_index_t *ix);
/*
 * The cap a mapping was made through: the frame cap (a page table's: the page-table
 * cap) whose words say it is mapped there; failing that, the cap in the map event's
 * slot when it names the same frame. NULL when no cap is known. ix may be NULL (then
 * every cap is looked at); built, it must be for the ASID of mp's page directory.
 */
const vis_cap_t *vis_mapping_cap(const vis_model_t *m, const vis_map_index_t *ix,
                                 const vis_mapping_t *mp);

#endif
