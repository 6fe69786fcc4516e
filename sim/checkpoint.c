/*
 * sim/checkpoint.c - checkpoints of the whole board, for going back in time.
 *
 * A checkpoint holds the CPU (uc_context_save: every register, bank and CP15 value),
 * each device's state (sim_device_ops_t.save), the board's own positions (clock,
 * where the CPU resumes, console bytes and trace events so far, terminal input
 * consumed) and the RAM pages that changed since the checkpoint before it.
 *
 * Which pages changed: Unicorn 2.0.1 has no usable dirty tracking (its dirty bitmap
 * is stubbed, docs/unicorn-notes.md), so the history keeps a shadow copy of RAM as
 * of the current base checkpoint and compares the pages the host has ever backed
 * (mincore) against it. Untouched guest RAM costs neither time nor memory.
 * Each RAM page keeps its versions (checkpoint index, 4 KiB copy) in order; the
 * content at checkpoint i is the last version at or before i, or zeros.
 *
 * Checkpoints after the one restored stay: replay is deterministic, so the future
 * they describe comes again, and the replay only moves the base past them.
 * Partners: checkpoint.h, timetravel.c, run.c, clock.c, debug.c.
 */
#include "checkpoint.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "arm_cpu.h"
#include "clock.h"
#include "debug.h"

#define PAGE 4096u

typedef struct page_version {
    uint32_t checkpoint; /* the serial number of the checkpoint it belongs to */
    uint8_t *data;
} page_version_t;

typedef struct page_history {
    page_version_t *v;
    uint32_t count, cap;
} page_history_t;

typedef struct checkpoint {
    uint32_t serial; /* numbers checkpoints for good: indices move when one is dropped */
    sim_time_t icount;
    unsigned clock_bytes;
    uint32_t next_pc;
    uint32_t block_start, block_end;
    uint64_t console_pos, trace_pos;
    size_t input_pos;
    uc_context *cpu;
    uint8_t *devices;  /* every device's state, one after the other */
    uint32_t *pages;   /* RAM pages changed since the checkpoint before */
    size_t page_count;
} checkpoint_t;

struct sim_history {
    uint64_t interval;
    size_t ram_pages;
    uint8_t *shadow;        /* RAM as of checkpoint `base` */
    page_history_t *pages;  /* per RAM page */
    unsigned char *resident; /* mincore's answer */
    uint8_t *mark;          /* per page: already in the set being built */
    uint32_t *set;          /* pages in that set */
    size_t device_bytes;
    size_t context_bytes;   /* one uc_context */
    checkpoint_t *cps;
    size_t count, cap;
    size_t base;            /* the checkpoint the machine last passed or came back to */
    uint32_t next_serial;
    size_t limit;           /* thin the history when it holds more bytes (0: never) */
    size_t thinned;         /* checkpoints dropped to keep under the limit */
    size_t page_copies;
    double take_seconds, restore_seconds;
    size_t takes;
};

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* ---- the set of pages a step works on ------------------------------------------- */

static size_t set_add(sim_history_t *h, size_t n, uint32_t page)
{
    if (!h->mark[page]) {
        h->mark[page] = 1;
        h->set[n++] = page;
    }
    return n;
}

static void set_clear(sim_history_t *h, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h->mark[h->set[i]] = 0;
}

/* Adds the pages whose content differs from the shadow (written since the base). */
static size_t add_dirty(sim_history_t *h, const sim_board_t *board, size_t n)
{
    if (mincore(board->ram, h->ram_pages * (size_t)PAGE, h->resident) != 0)
        memset(h->resident, 1, h->ram_pages); /* cannot tell: compare them all */
    for (size_t p = 0; p < h->ram_pages; p++)
        if ((h->resident[p] & 1) && !h->mark[p] &&
            memcmp(board->ram + p * PAGE, h->shadow + p * PAGE, PAGE) != 0)
            n = set_add(h, n, (uint32_t)p);
    return n;
}

/* ---- page versions ---------------------------------------------------------------- */

static bool add_version(sim_history_t *h, uint32_t page, uint32_t serial, const uint8_t *src)
{
    page_history_t *ph = &h->pages[page];
    if (ph->count == ph->cap) {
        uint32_t cap = ph->cap ? 2 * ph->cap : 4;
        page_version_t *more = realloc(ph->v, cap * sizeof(*more));
        if (!more)
            return false;
        ph->v = more;
        ph->cap = cap;
    }
    uint8_t *data = malloc(PAGE);
    if (!data)
        return false;
    memcpy(data, src, PAGE);
    ph->v[ph->count++] = (page_version_t){serial, data};
    h->page_copies++;
    return true;
}

/* How many versions of the page belong to checkpoints up to serial number `serial`. */
static size_t versions_upto(const page_history_t *ph, uint32_t serial)
{
    size_t lo = 0, hi = ph->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ph->v[mid].checkpoint <= serial)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The page's content at checkpoint i; NULL means zeros. */
static const uint8_t *version_at(const sim_history_t *h, uint32_t page, size_t i)
{
    const page_history_t *ph = &h->pages[page];
    size_t lo = versions_upto(ph, h->cps[i].serial); /* the last version at or before i */
    return lo ? ph->v[lo - 1].data : NULL;
}

/* ---- the board's state beside RAM --------------------------------------------------- */

static void save_devices(const sim_board_t *board, uint8_t *buf)
{
    for (size_t i = 0; i < board->window_count; i++) {
        const sim_device_t *d = &board->windows[i].dev;
        if (d->ops->save) {
            d->ops->save(d->self, buf);
            buf += d->ops->state_size;
        }
    }
}

static void restore_devices(sim_board_t *board, const uint8_t *buf)
{
    for (size_t i = 0; i < board->window_count; i++) {
        const sim_device_t *d = &board->windows[i].dev;
        if (d->ops->restore) {
            d->ops->restore(d->self, buf);
            buf += d->ops->state_size;
        }
    }
}

static size_t devices_size(const sim_board_t *board)
{
    size_t n = 0;
    for (size_t i = 0; i < board->window_count; i++)
        n += board->windows[i].dev.ops->state_size;
    return n;
}

static bool save_board(sim_history_t *h, const sim_board_t *board, checkpoint_t *cp)
{
    cp->icount = board->clock.now;
    cp->clock_bytes = board->clock_bytes;
    cp->next_pc = board->next_pc;
    cp->block_start = board->block_start;
    cp->block_end = board->block_end;
    cp->console_pos = board->console_pos;
    cp->trace_pos = board->trace_pos;
    cp->input_pos = board->input_pos;
    cp->devices = malloc(h->device_bytes ? h->device_bytes : 1);
    if (!cp->devices || uc_context_alloc(board->uc, &cp->cpu) != UC_ERR_OK) {
        cp->cpu = NULL; /* free_checkpoint frees the rest */
        return false;
    }
    save_devices(board, cp->devices);
    return uc_context_save(board->uc, cp->cpu) == UC_ERR_OK;
}

/* ---- memory, and thinning to a limit ---------------------------------------------- */

/* Host memory for everything but the shadow of RAM. */
static size_t bytes_beside_shadow(const sim_history_t *h)
{
    size_t n = h->page_copies * (PAGE + sizeof(page_version_t)) +
               h->count * (sizeof(checkpoint_t) + h->device_bytes + h->context_bytes) +
               h->ram_pages * (sizeof(page_history_t) + 2 + sizeof(uint32_t));
    for (size_t i = 0; i < h->count; i++)
        n += h->cps[i].page_count * sizeof(uint32_t);
    return n;
}

/* The shadow costs the pages the host backs (RAM the guest touched). */
static size_t shadow_bytes(const sim_history_t *h)
{
    size_t pages = 0;
    unsigned char *vec = malloc(h->ram_pages);
    if (vec && mincore(h->shadow, h->ram_pages * (size_t)PAGE, vec) == 0)
        for (size_t p = 0; p < h->ram_pages; p++)
            pages += vec[p] & 1;
    free(vec);
    return pages * PAGE;
}

static void free_checkpoint(checkpoint_t *cp);

/*
 * Drops checkpoint k (0 < k < base) and merges its RAM delta into the next one's, so
 * every checkpoint left restores exactly as before: a page version of k is needed by
 * k + 1 unless k + 1 has its own version of that page; then it is freed, else it
 * becomes k + 1's. False (nothing changed) when out of memory.
 */
static bool drop(sim_history_t *h, size_t k)
{
    checkpoint_t *cp = &h->cps[k], *next = &h->cps[k + 1];
    uint32_t *pages = realloc(next->pages, (next->page_count + cp->page_count + 1) * sizeof(uint32_t));
    if (!pages)
        return false;
    next->pages = pages;
    for (size_t i = 0; i < cp->page_count; i++) {
        page_history_t *ph = &h->pages[cp->pages[i]];
        size_t v = versions_upto(ph, cp->serial) - 1; /* k's own version of the page */
        if (v + 1 < ph->count && ph->v[v + 1].checkpoint == next->serial) {
            free(ph->v[v].data);
            memmove(&ph->v[v], &ph->v[v + 1], (ph->count - v - 1) * sizeof(ph->v[0]));
            ph->count--;
            h->page_copies--;
        } else {
            ph->v[v].checkpoint = next->serial;
            next->pages[next->page_count++] = cp->pages[i];
        }
    }
    free_checkpoint(cp);
    memmove(cp, cp + 1, (h->count - k - 1) * sizeof(*cp));
    h->count--;
    h->base--;
    h->thinned++;
    return true;
}

/*
 * Which checkpoint to drop: the one whose gap, once merged (from the checkpoint before
 * it to the one after), is smallest against its age. So recent checkpoints stay dense
 * and old ones grow sparse, the gaps about proportional to how long ago they are. The
 * first checkpoint stays (going back reaches the start of the run), and so do the base
 * and those after it. 0: none can go.
 */
static size_t victim(const sim_history_t *h)
{
    size_t best = 0;
    double best_score = 0;
    sim_time_t now = h->cps[h->base].icount;
    for (size_t k = 1; k < h->base; k++) {
        double gap = (double)(h->cps[k + 1].icount - h->cps[k - 1].icount);
        double age = (double)(now - h->cps[k].icount);
        double score = gap / age;
        if (best == 0 || score < best_score) {
            best = k;
            best_score = score;
        }
    }
    return best;
}

/* Keeps the history under its limit, as far as dropping checkpoints can. */
static void thin(sim_history_t *h)
{
    if (!h->limit || h->count < 3)
        return;
    size_t shadow = shadow_bytes(h);
    while (shadow + bytes_beside_shadow(h) > h->limit) {
        size_t k = victim(h);
        if (k == 0 || !drop(h, k))
            return;
    }
}

void sim_history_set_limit(sim_history_t *h, size_t bytes)
{
    h->limit = bytes;
    thin(h);
}

/* ---- taking, passing and restoring -------------------------------------------------- */

static void free_checkpoint(checkpoint_t *cp)
{
    if (cp->cpu)
        uc_context_free(cp->cpu);
    free(cp->devices);
    free(cp->pages);
}

/* Appends a checkpoint of the machine as it is now. Precondition: base is the last. */
static bool take(sim_history_t *h, sim_board_t *board)
{
    double t0 = seconds();
    if (h->count == h->cap) {
        size_t cap = h->cap ? 2 * h->cap : 64;
        checkpoint_t *more = realloc(h->cps, cap * sizeof(*more));
        if (!more)
            return false;
        h->cps = more;
        h->cap = cap;
    }
    checkpoint_t *cp = &h->cps[h->count];
    memset(cp, 0, sizeof(*cp));
    cp->serial = h->next_serial;
    size_t n = add_dirty(h, board, 0);
    cp->pages = malloc((n ? n : 1) * sizeof(uint32_t));
    bool ok = cp->pages && save_board(h, board, cp);
    size_t done = 0;
    while (ok && done < n) {
        uint32_t p = h->set[done];
        ok = add_version(h, p, cp->serial, board->ram + (size_t)p * PAGE);
        done += ok;
    }
    if (!ok) {
        /* Out of memory: no checkpoint here, and nothing of it left behind. */
        while (done > 0) {
            page_history_t *ph = &h->pages[h->set[--done]];
            free(ph->v[--ph->count].data);
            h->page_copies--;
        }
        set_clear(h, n);
        free_checkpoint(cp);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        size_t off = (size_t)h->set[i] * PAGE;
        memcpy(h->shadow + off, board->ram + off, PAGE);
        cp->pages[i] = h->set[i];
    }
    cp->page_count = n;
    set_clear(h, n);
    h->base = h->count++;
    h->next_serial++;
    thin(h);
    h->take_seconds += seconds() - t0;
    h->takes++;
    return true;
}

/* A replay reached checkpoint base + 1 again: the shadow follows the machine. */
static void pass(sim_history_t *h, sim_board_t *board)
{
    size_t n = add_dirty(h, board, 0);
    for (size_t i = 0; i < n; i++) {
        size_t off = (size_t)h->set[i] * PAGE;
        memcpy(h->shadow + off, board->ram + off, PAGE);
    }
    set_clear(h, n);
    h->base++;
}

sim_time_t sim_history_next(const sim_history_t *h)
{
    if (!h)
        return SIM_NEVER;
    if (h->base + 1 < h->count)
        return h->cps[h->base + 1].icount;
    return h->cps[h->base].icount + h->interval;
}

void sim_history_tick(sim_board_t *board)
{
    sim_history_t *h = board->history;
    if (board->clock.now < sim_history_next(h))
        return;
    if (h->base + 1 < h->count) {
        if (h->cps[h->base + 1].icount == board->clock.now &&
            h->cps[h->base + 1].next_pc == board->next_pc) {
            pass(h, board);
            return;
        }
        /* Not where the recorded future was: it no longer holds. */
        sim_history_forget_future(board);
    }
    take(h, board); /* out of memory: no checkpoint here, going back just replays more */
}

/* Puts back RAM, the CPU, devices and positions of checkpoint i. */
void sim_history_restore(sim_board_t *board, size_t i)
{
    sim_history_t *h = board->history;
    double t0 = seconds();
    size_t n = add_dirty(h, board, 0);
    size_t lo = i < h->base ? i : h->base, hi = i < h->base ? h->base : i;
    for (size_t j = lo + 1; j <= hi; j++)
        for (size_t k = 0; k < h->cps[j].page_count; k++)
            n = set_add(h, n, h->cps[j].pages[k]);
    static const uint8_t zeros[PAGE];
    size_t changed = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t p = h->set[k];
        const uint8_t *src = version_at(h, p, i);
        size_t off = (size_t)p * PAGE;
        if (!src)
            src = zeros;
        if (memcmp(board->ram + off, src, PAGE) != 0) {
            memcpy(board->ram + off, src, PAGE);
            h->set[changed++] = p; /* code translated from it must go (below) */
        }
        memcpy(h->shadow + off, src, PAGE);
        h->mark[p] = 0;
    }
    const checkpoint_t *cp = &h->cps[i];
    uc_context_restore(board->uc, cp->cpu);
    board_forget_phys_code(board, h->set, changed);
    restore_devices(board, cp->devices);
    board->clock.now = cp->icount;
    board->clock_bytes = cp->clock_bytes;
    board->next_pc = cp->next_pc;
    board->block_start = cp->block_start;
    board->block_end = cp->block_end;
    board->console_pos = cp->console_pos;
    board->trace_pos = cp->trace_pos;
    board->input_pos = cp->input_pos;
    board->stop = STOP_NONE;
    board->block_stopped = false;
    board->resume_mid_block = false;
    board->watch_pending = false;
    memset(&board->result, 0, sizeof(board->result));
    h->base = i;
    board_update_deadline(board);
    h->restore_seconds = seconds() - t0;
}

void sim_history_forget_future(sim_board_t *board)
{
    sim_history_t *h = board->history;
    if (!h)
        return;
    while (h->count > h->base + 1) {
        checkpoint_t *cp = &h->cps[--h->count];
        for (size_t k = 0; k < cp->page_count; k++) {
            page_history_t *ph = &h->pages[cp->pages[k]];
            free(ph->v[--ph->count].data); /* the newest version is this checkpoint's */
            h->page_copies--;
        }
        free_checkpoint(cp);
    }
    /* What this new timeline prints and records is new. */
    board->console_shown = board->console_pos;
    board->trace_shown = board->trace_pos;
    board->input_count = board->input_pos;
    board->input_frontier = board->clock.now;
}

sim_history_t *sim_history_create(sim_board_t *board, uint64_t interval)
{
    sim_history_t *h = calloc(1, sizeof(*h));
    if (!h)
        return NULL;
    h->interval = interval ? interval : 1;
    h->limit = SIM_CHECKPOINT_MEM_DEFAULT;
    h->ram_pages = board->options.ram_size / PAGE;
    h->device_bytes = devices_size(board);
    h->context_bytes = uc_context_size(board->uc);
    h->shadow = mmap(NULL, h->ram_pages * (size_t)PAGE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (h->shadow == MAP_FAILED)
        h->shadow = NULL;
    h->pages = calloc(h->ram_pages, sizeof(*h->pages));
    h->resident = calloc(h->ram_pages, 1);
    h->mark = calloc(h->ram_pages, 1);
    h->set = calloc(h->ram_pages, sizeof(uint32_t));
    if (!h->shadow || !h->pages || !h->resident || !h->mark || !h->set || !take(h, board)) {
        sim_history_destroy(h);
        return NULL;
    }
    return h;
}

void sim_history_destroy(sim_history_t *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->count; i++)
        free_checkpoint(&h->cps[i]);
    free(h->cps);
    if (h->pages)
        for (size_t p = 0; p < h->ram_pages; p++) {
            for (uint32_t k = 0; k < h->pages[p].count; k++)
                free(h->pages[p].v[k].data);
            free(h->pages[p].v);
        }
    free(h->pages);
    if (h->shadow)
        munmap(h->shadow, h->ram_pages * (size_t)PAGE);
    free(h->resident);
    free(h->mark);
    free(h->set);
    free(h);
}

size_t sim_history_count(const sim_history_t *h)
{
    return h ? h->count : 0;
}

sim_time_t sim_history_icount(const sim_history_t *h, size_t i)
{
    return h->cps[i].icount;
}

uint32_t sim_history_pc(const sim_history_t *h, size_t i)
{
    return h->cps[i].next_pc;
}

size_t sim_history_before(const sim_history_t *h, sim_time_t icount)
{
    size_t lo = 0, hi = h->count; /* the last checkpoint with icount < the given one */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (h->cps[mid].icount < icount)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

sim_history_stats_t sim_board_history_stats(const sim_board_t *board)
{
    const sim_history_t *h = board->history;
    sim_history_stats_t s = {0};
    if (!h)
        return s;
    s.checkpoints = h->count;
    s.page_copies = h->page_copies;
    s.bytes = shadow_bytes(h) + bytes_beside_shadow(h);
    s.thinned = h->thinned;
    s.take_seconds = h->take_seconds;
    s.takes = h->takes;
    s.restore_seconds = h->restore_seconds;
    return s;
}
