/*
 * visualizer/session.c - running the board for the visualizer. Each kernel event is
 * recorded and applied to the live model as it is emitted; one the user waits for
 * makes the board end its slice there (sim_board_stop_at), so the CPU stops after
 * that event's block. Going back replays the recording into a second model.
 * An attached session (--attach) has no board; its events come from attach.c.
 * Partners: session.h, sim/board.h, board_source.c and attach.c (the sources that
 * start sessions), app.c.
 */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <capstone/capstone.h>
#include <sel4/constants.h>
#include <sel4/syscall.h>

#include "../sim/srcline.h"
#include "../trace/cap_words.h"
#include "../trace/names.h"
#include "source_text.h"

static void console_put(void *ctx, uint8_t byte)
{
    vis_session_t *s = ctx;
    /* After going back in time the pane takes replayed bytes again; the terminal
       has them already. */
    bool again = s->console_len < s->console_echoed;
    if (!again)
        s->console_echoed = s->console_len + 1;
    if (s->echo && !again) {
        putchar(byte);
        if (byte == '\n')
            fflush(stdout);
    }
    if (s->console_len + 1 >= s->console_capacity) {
        size_t cap = s->console_capacity ? s->console_capacity * 2 : 4096;
        char *bigger = realloc(s->console, cap);
        if (!bigger)
            return; /* the pane misses output; the run goes on */
        s->console = bigger;
        s->console_capacity = cap;
    }
    s->console[s->console_len++] = (char)byte;
    s->console[s->console_len] = '\0';
    if (byte == '\n') {
        if (s->stop_text && !s->text_hit && s->board &&
            strstr(s->console + s->line_start, s->stop_text)) {
            s->text_hit = s->stop_hit = true;
            s->text_icount = sim_board_icount(s->board);
            s->text_event = s->count;
            sim_board_stop_at(s->board, s->text_icount);
        }
        s->line_start = s->console_len;
    }
}

/* Send, NBSend and Call invoke a cap: an endpoint or notification (a message, a
 * signal) or any other object (an object invocation). Their kernel entry cannot tell;
 * the invocation event that follows it can. */
static bool invokes_a_cap(int32_t number)
{
    return number == seL4_SysSend || number == seL4_SysNBSend || number == seL4_SysCall;
}

static bool syscall_entry(const uint32_t *words)
{
    return TRACE_HEADER_TYPE(words[0]) == TRACE_KERNEL_ENTRY && words[1] == TRACE_ENTRY_SYSCALL;
}

/* An invocation event whose cap is an endpoint or a notification. */
static bool ipc_invocation(const uint32_t *words)
{
    unsigned type = capw_type(words[2]);
    return TRACE_HEADER_TYPE(words[0]) == TRACE_INVOCATION &&
           (type == TRACE_CAP_ENDPOINT || type == TRACE_CAP_NOTIFICATION);
}

/* The kernel entry of an IPC system call that needs no cap looked up: it is IPC. */
static bool ipc_entry(const uint32_t *words)
{
    return syscall_entry(words) && trace_syscall_is_ipc((int32_t)words[2]) &&
           !invokes_a_cap((int32_t)words[2]);
}

static bool wanted(vis_stop_on_t stop_on, const uint32_t *words)
{
    unsigned type = TRACE_HEADER_TYPE(words[0]);
    bool entry_exit = type == TRACE_KERNEL_ENTRY || type == TRACE_KERNEL_EXIT;
    switch (stop_on) {
    case VIS_STOP_ANY_EVENT: return true;
    case VIS_STOP_ENTRY_EXIT: return entry_exit;
    case VIS_STOP_IPC_ENTRY: return ipc_entry(words);
    case VIS_STOP_CHANGE: return !entry_exit && type != TRACE_IRQ;
    default: return false;
    }
}

/* Follows Send/NBSend/Call entries to their invocation event (the event just recorded
 * is s->records[s->count - 1]); true when it shows the entry was a message or signal.
 * The run then goes back to that entry (rewind_to). */
static bool late_ipc_entry(vis_session_t *s, const uint32_t *words)
{
    unsigned type = TRACE_HEADER_TYPE(words[0]);
    if (syscall_entry(words) && invokes_a_cap((int32_t)words[2])) {
        s->send_entry = s->count; /* index + 1 */
        return false;
    }
    if (type != TRACE_INVOCATION && type != TRACE_KERNEL_ENTRY && type != TRACE_KERNEL_EXIT)
        return false;
    size_t entry = s->send_entry;
    s->send_entry = 0; /* decided, or the kernel left without invoking (a failed lookup) */
    if (!entry || !ipc_invocation(words))
        return false;
    s->rewind_to = entry;
    return true;
}

static bool record(vis_session_t *s, uint64_t icount, const uint32_t *words, unsigned count)
{
    if (s->count == s->capacity) {
        size_t cap = s->capacity ? s->capacity * 2 : 1024;
        trace_record_t *r = realloc(s->records, cap * sizeof(*r));
        if (r)
            s->records = r;
        uint32_t *ms = r ? realloc(s->event_ms, cap * sizeof(*ms)) : NULL;
        if (!ms) {
            s->out_of_memory = true;
            return false;
        }
        s->event_ms = ms;
        s->capacity = cap;
    }
    trace_record_t *rec = &s->records[s->count];
    memset(rec, 0, sizeof(*rec));
    rec->icount = icount;
    rec->count = count;
    memcpy(rec->words, words, count * sizeof(uint32_t));
    s->event_ms[s->count++] = s->clock_ms ? s->clock_ms() : 0;
    return true;
}

/* The board's trace feed (sim_options_t.trace_event). */
static void on_trace_event(void *ctx, uint64_t icount, const uint32_t *words, unsigned count)
{
    vis_session_t *s = ctx;
    if (!record(s, icount, words, count))
        return;
    vis_model_apply(&s->live, &s->records[s->count - 1]);
    bool late = late_ipc_entry(s, words) && s->stop_on == VIS_STOP_IPC_ENTRY;
    if (!s->stop_hit && (wanted(s->stop_on, words) || late)) {
        s->stop_hit = true;
        s->stop_type = TRACE_HEADER_TYPE(words[0]);
        sim_board_stop_at(s->board, icount);
    }
}

/* GUI input must never block the window: waiting becomes polling. */
static const sim_input_t *wrapped_input;

static int poll_without_waiting(void *ctx, bool wait)
{
    (void)wait;
    return wrapped_input->poll(ctx, false);
}

/* Line tables and the root task's symbols for the code pane; best effort. */
static void open_lines(vis_session_t *s)
{
    const uint8_t *bytes;
    size_t size;
    char err[128];
    s->kernel_lines = srcline_open(s->image->file, s->image->file_size);
    if (elf_image_root_task(s->image, &bytes, &size) &&
        elf_image_from_memory(bytes, size, &s->user_image, err, sizeof(err)) == 0) {
        s->have_user_image = true;
        s->user_lines = srcline_open(s->user_image.file, s->user_image.file_size);
    }
}

/* In the window (clock_ms set) the board keeps checkpoints for going back in time;
   replayed output comes to the session again (vis_session_back cuts its copies). */
static void keep_history(vis_session_t *s)
{
    if (s->clock_ms && !sim_board_keep_history(s->board, SIM_CHECKPOINT_INTERVAL))
        fprintf(stderr, "numbat-sim: out of memory for checkpoints: going back is off\n");
}

int vis_session_start(vis_session_t *s, const sim_options_t *base, const elf_image_t *image,
                      char *err, size_t err_len)
{
    bool echo = s->echo;
    uint32_t (*clock_ms)(void) = s->clock_ms;
    memset(s, 0, sizeof(*s));
    s->echo = echo;
    s->clock_ms = clock_ms;
    s->image = image;
    s->options = *base;
    s->options.console = (sim_chardev_t){console_put, s};
    s->options.trace_event = on_trace_event;
    s->options.trace_event_ctx = s;
    s->options.feed_replays = true;
    if (base->input.poll) {
        wrapped_input = &base->input;
        s->options.input.poll = poll_without_waiting;
    }
    vis_model_init(&s->live);
    vis_model_init(&s->past);
    s->board = sim_board_create(&s->options, err, err_len);
    if (!s->board)
        return -1;
    if (sim_board_load(s->board, image, err, err_len) != 0) {
        sim_board_destroy(s->board);
        s->board = NULL;
        return -1;
    }
    open_lines(s);
    keep_history(s);
    return 0;
}

void vis_session_start_attached(vis_session_t *s, const char *where)
{
    uint32_t (*clock_ms)(void) = s->clock_ms;
    memset(s, 0, sizeof(*s)); /* echo off: QEMU prints UART0 itself (mon:stdio) */
    s->clock_ms = clock_ms;
    vis_model_init(&s->live);
    vis_model_init(&s->past);
    /* The panes that read the CPU or UART0 say why they are empty. */
    char note[200];
    snprintf(note, sizeof(note),
             "(attached to QEMU at %s: the console is not available here;\n"
             " UART0 is QEMU's own terminal)\n", where);
    for (const char *c = note; *c; c++)
        console_put(s, (uint8_t)*c);
    snprintf(s->code, sizeof(s->code), "(attached to QEMU: no CPU here to disassemble)\n");
    snprintf(s->registers, sizeof(s->registers), "(not available when attached)\n");
    s->cpu_mode = -1;
}

void vis_session_console_text(vis_session_t *s, uint8_t byte)
{
    if (!s->console_attached) {
        s->console_attached = true;
        s->console_len = 0; /* drop the "not available" note */
    }
    console_put(s, byte);
}

void vis_session_feed(vis_session_t *s, const trace_record_t *rec)
{
    if (record(s, rec->icount, rec->words, rec->count))
        vis_model_apply(&s->live, &s->records[s->count - 1]);
}

void vis_session_end(vis_session_t *s)
{
    vis_source_file_free(&s->source);
    srcline_close(s->kernel_lines);
    srcline_close(s->user_lines);
    if (s->have_user_image)
        elf_image_close(&s->user_image);
    sim_board_destroy(s->board);
    vis_model_free(&s->live);
    vis_model_free(&s->past);
    free(s->records);
    free(s->event_ms);
    free(s->console);
    memset(s, 0, sizeof(*s));
}

static bool budget_spent(void *ctx)
{
    vis_session_t *s = ctx;
    return s->stop_hit || sim_board_icount(s->board) >= s->stop_icount;
}

static void note_stop(vis_session_t *s, sim_stop_t why)
{
    if (why == SIM_STOP_EXITED) {
        s->ended = true;
        s->result = sim_board_result(s->board);
    }
    s->last_stop = why;
}

/* The most single steps from a kernel exit's event to the first user instruction
 * (the rest of the exit path: restoring registers, the return); more means the
 * kernel went idle instead. */
#define EXIT_STEPS 4096

/* After a kernel exit's event the CPU is still in the kernel: step on to the first
 * instruction of user code, so n shows what the thread does next. */
static void step_to_user(vis_session_t *s)
{
    for (int i = 0; i < EXIT_STEPS && !s->ended && sim_board_pc(s->board) >= seL4_UserTop; i++)
        vis_session_step(s);
}

/* A Send or Call found to be IPC at its invocation event: the machine goes back to
 * just after its kernel entry (docs/time-travel.md), so `i` always stops at the entry.
 * Without checkpoints it stays at the invocation, after decode, before the message
 * moves. */
static void back_to_send_entry(vis_session_t *s)
{
    size_t entry = s->rewind_to - 1;
    s->ipc_stop_late = vis_session_back(s, VIS_BACK_TO_EVENT, entry) == SIM_TRAVEL_NO_HISTORY;
    if (!s->ipc_stop_late)
        s->stop_type = TRACE_KERNEL_ENTRY;
}

bool vis_session_run(vis_session_t *s, uint64_t budget, vis_stop_on_t stop_on)
{
    if (s->ended || !s->board)
        return false;
    s->stop_on = stop_on;
    s->stop_hit = false;
    s->stop_icount = sim_board_icount(s->board) + budget;
    sim_board_stop_at(s->board, s->stop_icount);
    note_stop(s, sim_board_resume(s->board, false, budget_spent, s));
    sim_board_stop_at(s->board, 0);
    s->stop_on = VIS_STOP_NEVER;
    if (s->stop_hit && stop_on == VIS_STOP_ENTRY_EXIT && s->stop_type == TRACE_KERNEL_EXIT)
        step_to_user(s);
    bool hit = s->stop_hit;
    if (hit && stop_on == VIS_STOP_IPC_ENTRY && s->stop_type == TRACE_INVOCATION)
        back_to_send_entry(s);
    else if (hit && stop_on == VIS_STOP_IPC_ENTRY)
        s->ipc_stop_late = false;
    s->rewind_to = 0;
    return hit;
}

void vis_session_step(vis_session_t *s)
{
    if (s->ended || !s->board)
        return;
    /* A stop point in the past would end every slice before its first instruction. */
    sim_board_stop_at(s->board, 0);
    note_stop(s, sim_board_resume(s->board, true, NULL, NULL));
}

const char *vis_session_status(const vis_session_t *s, char *buf, size_t len)
{
    if (s->ended) {
        const sim_result_t *r = &s->result;
        if (r->kind == SIM_EXIT_HALT)
            snprintf(buf, len, "the guest halted (status %u)", r->status & 0xFF);
        else
            snprintf(buf, len, "ended: %s", r->reason);
        return buf;
    }
    if (s->board && s->last_stop == SIM_STOP_BREAKPOINT) {
        snprintf(buf, len, "breakpoint at %08x", sim_board_pc(s->board));
        return buf;
    }
    return NULL;
}

const vis_model_t *vis_session_model_at(vis_session_t *s, size_t events)
{
    if (events >= s->count)
        return &s->live;
    if (events < s->past_events) {
        vis_model_free(&s->past);
        vis_model_init(&s->past);
        s->past_events = 0;
    }
    if (s->past_events == 0) /* the replay unfolds what the live tree has unfolded */
        vis_place_copy_open(&s->past.place, &s->live.place);
    while (s->past_events < events)
        vis_model_apply(&s->past, &s->records[s->past_events++]);
    return &s->past;
}

/* Unfolds or folds `run` (a cell of m) as `open` asks. */
static bool set_run(vis_model_t *m, int run, bool open)
{
    return open ? vis_place_unfold(&m->place, run, m->events) : vis_place_fold(&m->place, run);
}

int vis_session_toggle_run(vis_session_t *s, size_t events, uint32_t slot)
{
    vis_model_t *m = (vis_model_t *)vis_session_model_at(s, events);
    int run = vis_place_run_of(&m->place, vis_place_cell_of(&m->place, slot));
    if (run < 0)
        return -1;
    bool open = !m->place.cells[run].open;
    uint32_t born = m->place.cells[run].born;
    int depth = m->place.cells[run].depth;
    if (!set_run(m, run, open))
        return -1;
    if (m != &s->live) { /* the live tree too, and the list a later replay starts from */
        int there = vis_place_find_run(&s->live.place, born, depth);
        if (there >= 0 && s->live.place.cells[there].open != open)
            set_run(&s->live, there, open);
        vis_place_copy_open(&s->live.place, &m->place);
    }
    return open;
}

/* The registers as the crash report prints them, less its heading line. */
static void refresh_registers(vis_session_t *s)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return;
    sim_board_report(s->board, f);
    fclose(f);
    const char *body = strchr(text, '\n');
    snprintf(s->registers, sizeof(s->registers), "%s", body ? body + 1 : text);
    unsigned cpsr;
    const char *at = strstr(text, "cpsr ");
    if (at && sscanf(at, "cpsr %x", &cpsr) == 1)
        s->cpu_mode = (cpsr & 0x1Fu) != 0x10u; /* 0x10: User mode (ARM DDI 0406C B1.3.1) */
    free(text);
}

/* "fmt_vformat+0x24" for an address: kernel ones from the image, user ones from the
 * root task's ELF (other user programs have no symbols here); false if none. */
static bool symbol_name(const vis_session_t *s, uint32_t addr, char *out, size_t len)
{
    uint32_t offset = 0;
    bool user = addr < seL4_UserTop; /* below it is user space */
    const elf_image_t *img = user ? (s->have_user_image ? &s->user_image : NULL) : s->image;
    const elf_symbol_t *sym = img ? elf_image_symbol_at(img, addr, &offset) : NULL;
    if (!sym || !(offset < sym->size || (sym->size == 0 && offset < 256)))
        return false;
    snprintf(out, len, "%s+0x%x", sym->name, offset);
    return true;
}

/* The line tables for an address: the kernel's or the root task's. */
static srcline_t *lines_for(const vis_session_t *s, uint32_t addr)
{
    return addr < seL4_UserTop ? s->user_lines : s->kernel_lines;
}

/* The symbol that contains pc and its C source line, as the pane's heading. */
static void code_heading(const vis_session_t *s, uint32_t pc, char *out, size_t len)
{
    char name[96], where[160] = "";
    if (srcline_find(lines_for(s, pc), pc, where + 2, sizeof(where) - 2)) {
        where[0] = ' ';
        where[1] = ' ';
    }
    if (symbol_name(s, pc, name, sizeof(name)))
        snprintf(out, len, "%s:%s\n", name, where);
    else
        snprintf(out, len, "%08x (no symbol)%s\n", pc, where);
}

/* The report names symbols from the kernel image only: name user addresses (pc, lr)
 * from the root task too, so the registers agree with the code pane. */
static void name_user_addresses(vis_session_t *s)
{
    char *line = strstr(s->registers, "has no symbol");
    while (line) {
        char *start = line;
        while (start > s->registers && start[-1] != '\n')
            start--;
        char label[8], name[96];
        unsigned addr;
        char *end = strchr(line, '\n');
        if (sscanf(start, " %7s 0x%x", label, &addr) == 2 && symbol_name(s, addr, name, sizeof(name))) {
            char rest[sizeof(s->registers)];
            snprintf(rest, sizeof(rest), "%s", end ? end : "");
            size_t at = (size_t)(start - s->registers);
            int indent = (int)strspn(start, " ");
            snprintf(start, sizeof(s->registers) - at, "%*s%s 0x%08x is %s%s", indent, "", label,
                     addr, name, rest);
        }
        /* On past this line, rewritten or not. */
        char *next = strchr(start, '\n');
        line = next ? strstr(next, "has no symbol") : NULL;
    }
}

void vis_session_refresh_text(vis_session_t *s)
{
    if (!s->board)
        return; /* attached: the notes of vis_session_start_attached stay */
    refresh_registers(s);
    name_user_addresses(s);
    uint32_t pc = sim_board_pc(s->board);
    code_heading(s, pc, s->code, sizeof(s->code));
    /* The C source around the line (three lines), then the instructions around the PC. */
    char path[512];
    int line;
    bool source = srcline_locate(lines_for(s, pc), pc, path, sizeof(path), &line) &&
                  vis_source_excerpt(&s->source, path, line, 1, 1, s->code, sizeof(s->code)) > 0;
    size_t used = strlen(s->code);
    csh cs;
    if (cs_open(CS_ARCH_ARM, CS_MODE_ARM, &cs) != CS_ERR_OK)
        return;
    uint32_t from = source ? pc - 8 : pc - 16, to = source ? pc + 12 : pc + 24;
    for (uint32_t a = from; a != to && used < sizeof(s->code) - 96; a += 4) {
        uint8_t bytes[4] = {0};
        cs_insn *insn = NULL;
        bool ok = sim_board_read_virt(s->board, a, bytes, 4);
        size_t n = ok ? cs_disasm(cs, bytes, 4, a, 1, &insn) : 0;
        char raw[16];
        snprintf(raw, sizeof(raw), ok ? "0x%02x%02x%02x%02x" : "(unmapped)", bytes[3], bytes[2],
                 bytes[1], bytes[0]);
        used += (size_t)snprintf(s->code + used, sizeof(s->code) - used, "%c %08x  %s %s\n",
                                 a == pc ? '>' : ' ', a,
                                 n    ? insn->mnemonic
                                 : ok ? ".word"
                                      : "",
                                 n ? insn->op_str : raw);
        if (n)
            cs_free(insn, n);
    }
    cs_close(&cs);
}

/* ---- going back in time (docs/time-travel.md) ------------------------------------- */

/* The recording, the live model and the console pane, cut back to the machine. */
static void cut_back(vis_session_t *s)
{
    size_t events = (size_t)sim_board_trace_position(s->board);
    if (events < s->count) {
        s->count = events;
        vis_place_t kept; /* the runs unfolded in the tree stay unfolded */
        vis_place_init(&kept);
        vis_place_copy_open(&kept, &s->live.place);
        vis_model_free(&s->live);
        vis_model_init(&s->live);
        vis_place_copy_open(&s->live.place, &kept);
        vis_place_free(&kept);
        for (size_t i = 0; i < events; i++)
            vis_model_apply(&s->live, &s->records[i]);
        if (s->past_events > events) {
            vis_model_free(&s->past);
            vis_model_init(&s->past);
            s->past_events = 0;
        }
    }
    size_t console = (size_t)sim_board_console_position(s->board);
    if (console < s->console_len) {
        s->console_len = console;
        s->console[console] = '\0';
        if (s->line_start > console)
            s->line_start = console; /* a line cut back: it begins again at most here */
    }
    if (s->send_entry > s->count)
        s->send_entry = 0;
    s->ended = false;
    s->stop_hit = false;
}

sim_travel_t vis_session_back(vis_session_t *s, vis_back_t how, size_t event)
{
    if (!s->board)
        return SIM_TRAVEL_NO_HISTORY;
    sim_board_stop_at(s->board, 0);
    sim_travel_t t = SIM_TRAVEL_NO_HISTORY;
    switch (how) {
    case VIS_BACK_STEP: t = sim_board_reverse_step(s->board); break;
    case VIS_BACK_ENTRY: t = sim_board_reverse_to_entry(s->board); break;
    case VIS_BACK_TO_EVENT:
        if (event < s->count)
            t = sim_board_travel_to(s->board, s->records[event].icount);
        break;
    }
    if (t != SIM_TRAVEL_NO_HISTORY)
        cut_back(s);
    s->last_stop = SIM_STOP_STEPPED;
    return t;
}
