/*
 * visualizer/describe.c - labels and names for caps, slots, threads and events, all
 * read from the model's public fields and the cap words (trace/cap_words.h).
 * Partners: describe.h, model.h.
 */
#include "describe.h"

#include <stdio.h>
#include <string.h>

#include <sel4/objecttype.h>

#include "../trace/names.h"
#include "../trace/text.h"
#include "vspace_links.h"

uint64_t vis_cap_object_bytes(const vis_cap_t *c)
{
    switch (vis_cap_type(c->w0)) {
    case TRACE_CAP_UNTYPED: return 1ull << vis_untyped_size_bits(c->w1);
    case TRACE_CAP_ENDPOINT: return 1ull << seL4_EndpointBits;
    case TRACE_CAP_NOTIFICATION: return 1ull << seL4_NotificationBits;
    case TRACE_CAP_CNODE: return (uint64_t)VIS_SLOT_BYTES << vis_cnode_radix(c->w1);
    case TRACE_CAP_THREAD: return 1ull << seL4_TCBBits;
    case TRACE_CAP_FRAME: return 1ull << capw_frame_size_bits(capw_frame_size(c->w1));
    case TRACE_CAP_PAGE_TABLE: return 1ull << seL4_PageTableBits;
    case TRACE_CAP_PAGE_DIRECTORY: return 1ull << seL4_PageDirBits;
    default: return 0;
    }
}

bool vis_cap_rights_of(const vis_cap_t *c, uint32_t *rights)
{
    switch (vis_cap_type(c->w0)) {
    case TRACE_CAP_ENDPOINT:
    case TRACE_CAP_NOTIFICATION: *rights = vis_cap_rights(c->w1); return true;
    case TRACE_CAP_FRAME: *rights = capw_frame_rights(c->w1); return true;
    default: return false;
    }
}

bool vis_cap_badged(const vis_cap_t *c, uint32_t *badge)
{
    unsigned type = vis_cap_type(c->w0);
    if (type != TRACE_CAP_ENDPOINT && type != TRACE_CAP_NOTIFICATION)
        return false;
    *badge = vis_cap_badge(c->w1);
    return *badge != 0;
}

void vis_thread_label(const vis_model_t *m, uint32_t tcb, char *out, size_t len)
{
    const vis_thread_t *t = vis_model_thread(m, tcb);
    if (t && t->name[0])
        snprintf(out, len, "%s", t->name);
    else
        snprintf(out, len, "tcb %08x", tcb);
}

void vis_cap_label(const vis_model_t *m, const vis_cap_t *c, char *out, size_t len)
{
    unsigned type = vis_cap_type(c->w0);
    uint32_t addr = vis_cap_addr(c->w0);
    char extra[40] = "";
    if (type == TRACE_CAP_UNTYPED || type == TRACE_CAP_FRAME) {
        vis_size_label(vis_cap_object_bytes(c), extra, sizeof(extra));
        if (type == TRACE_CAP_UNTYPED && vis_untyped_device(c->w1))
            strncat(extra, " device", sizeof(extra) - strlen(extra) - 1);
    } else if (type == TRACE_CAP_CNODE) {
        snprintf(extra, sizeof(extra), "%u slots", 1u << vis_cnode_radix(c->w1));
    } else if (type == TRACE_CAP_THREAD) {
        const vis_thread_t *t = vis_model_thread(m, addr);
        if (t && t->name[0])
            snprintf(extra, sizeof(extra), "%s", t->name);
    }
    bool has_addr = type != TRACE_CAP_IRQ_CONTROL && type != TRACE_CAP_DOMAIN &&
                    type != TRACE_CAP_ASID_CONTROL && type != TRACE_CAP_NULL;
    if (has_addr)
        snprintf(out, len, "%s %08x%s%s", vis_cap_type_name(type), addr, extra[0] ? " " : "",
                 extra);
    else
        snprintf(out, len, "%s", vis_cap_type_name(type));
}

/* Does the CNode cap c name an object holding slot? */
static bool cnode_holds(const vis_cap_t *c, uint32_t slot)
{
    if (vis_cap_type(c->w0) != TRACE_CAP_CNODE)
        return false;
    uint64_t base = vis_cap_addr(c->w0);
    return slot >= base && slot < base + vis_cap_object_bytes(c);
}

const vis_cap_t *vis_slot_home(const vis_model_t *m, uint32_t slot, uint32_t *index, uint32_t *tcb)
{
    *tcb = 0;
    for (size_t i = 0; i < m->cap_count; i++)
        if (cnode_holds(&m->caps[i], slot)) {
            *index = (slot - vis_cap_addr(m->caps[i].w0)) / VIS_SLOT_BYTES;
            return &m->caps[i];
        }
    for (size_t i = 0; i < m->thread_count; i++) {
        uint32_t base = m->threads[i].tcb;
        if (slot >= base && slot < base + VIS_TCB_SLOTS * VIS_SLOT_BYTES) {
            *tcb = base;
            *index = (slot - base) / VIS_SLOT_BYTES;
            return NULL;
        }
    }
    return NULL;
}

const vis_cap_t *vis_thread_cspace(const vis_model_t *m, uint32_t tcb)
{
    const vis_cap_t *c = vis_model_cap_at(m, tcb);
    return c && vis_cap_type(c->w0) == TRACE_CAP_CNODE ? c : NULL;
}

/* The CNode most slot names are relative to: the running (or first) thread's CSpace. */
static uint32_t home_cnode(const vis_model_t *m)
{
    const vis_cap_t *c = vis_thread_cspace(m, m->current_tcb);
    if (!c && m->thread_count)
        c = vis_thread_cspace(m, m->threads[0].tcb);
    return c ? vis_cap_addr(c->w0) : 0;
}

void vis_slot_name(const vis_model_t *m, uint32_t slot, char *out, size_t len)
{
    static const char *const tcb_slots[VIS_TCB_SLOTS] = {"cspace", "vspace", "ipcbuf"};
    uint32_t index, tcb;
    const vis_cap_t *cnode = vis_slot_home(m, slot, &index, &tcb);
    if (cnode && vis_cap_addr(cnode->w0) == home_cnode(m)) {
        snprintf(out, len, "[%u]", index);
    } else if (cnode) {
        snprintf(out, len, "CNode %08x [%u]", vis_cap_addr(cnode->w0), index);
    } else if (tcb) {
        char name[32];
        vis_thread_label(m, tcb, name, sizeof(name));
        snprintf(out, len, "%s.%s", name, tcb_slots[index]);
    } else {
        snprintf(out, len, "slot %08x", slot);
    }
}

unsigned vis_object_cap_type(uint32_t object_type)
{
    static const unsigned map[] = {
        [seL4_UntypedObject] = TRACE_CAP_UNTYPED,
        [seL4_TCBObject] = TRACE_CAP_THREAD,
        [seL4_EndpointObject] = TRACE_CAP_ENDPOINT,
        [seL4_NotificationObject] = TRACE_CAP_NOTIFICATION,
        [seL4_CapTableObject] = TRACE_CAP_CNODE,
        [seL4_ARM_PageDirectoryObject] = TRACE_CAP_PAGE_DIRECTORY,
        [seL4_ARM_SmallPageObject] = TRACE_CAP_FRAME,
        [seL4_ARM_LargePageObject] = TRACE_CAP_FRAME,
        [seL4_ARM_SectionObject] = TRACE_CAP_FRAME,
        [seL4_ARM_SuperSectionObject] = TRACE_CAP_FRAME,
        [seL4_ARM_PageTableObject] = TRACE_CAP_PAGE_TABLE,
    };
    return object_type < sizeof(map) / sizeof(map[0]) ? map[object_type] : TRACE_CAP_NULL;
}

const char *vis_cause_name(uint32_t cause)
{
    static const char *const names[] = {
        "?",      "boot",   "retype", "copy",   "mint",          "move",
        "mutate", "rotate", "delete", "revoke", "TCB configure", "IPC transfer",
    };
    return cause < sizeof(names) / sizeof(names[0]) ? names[cause] : "?";
}

const char *vis_thread_state_name(uint32_t state)
{
    static const char *const names[] = {
        "inactive",           "runnable",           "blocked",
        "blocked on receive", "blocked on send",    "blocked on reply",
        "blocked on notification",
    };
    return state < sizeof(names) / sizeof(names[0]) ? names[state] : "?";
}

void vis_entry_label(uint32_t cause, uint32_t detail, char *out, size_t len)
{
    switch (cause) {
    case TRACE_ENTRY_SYSCALL:
        snprintf(out, len, "syscall %s", trace_syscall_name((int32_t)detail));
        break;
    case TRACE_ENTRY_INTERRUPT: snprintf(out, len, "interrupt %u", detail); break;
    case TRACE_ENTRY_FAULT: snprintf(out, len, "fault (kind %u)", detail); break;
    default: snprintf(out, len, "none yet"); break;
    }
}

void vis_size_label(uint64_t bytes, char *out, size_t len)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB"};
    unsigned u = 0;
    while (u < 3 && bytes >= 1024 && bytes % 1024 == 0) {
        bytes /= 1024;
        u++;
    }
    snprintf(out, len, "%llu %s", (unsigned long long)bytes, units[u]);
}

void vis_count_label(uint64_t n, char *out, size_t len)
{
    char digits[32];
    int d = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)n);
    size_t o = 0;
    for (int i = 0; i < d && o + 2 < len; i++) {
        if (i > 0 && (d - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

void vis_rights_label(uint32_t rights, char *out, size_t len)
{
    static const char *const letters[] = {"R", "W", "G", "GR"};
    static const uint32_t bits[] = {CAPW_RIGHT_READ, CAPW_RIGHT_WRITE, CAPW_RIGHT_GRANT,
                                    CAPW_RIGHT_GRANT_REPLY};
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < 4 && n + 4 < len; i++)
        if (rights & bits[i])
            n += (size_t)snprintf(out + n, len - n, "%s%s", n ? " " : "", letters[i]);
    if (!n)
        snprintf(out, len, "none");
}

/* Cap events: what went where, and why. */
static void cap_event_label(const vis_model_t *m, const trace_record_t *r, char *out, size_t len)
{
    const uint32_t *w = r->words;
    unsigned type = trace_record_type(r);
    char label[96], where[48], to[48];
    /* The cap words sit after one slot, or two for a move. */
    vis_cap_t cap = {.slot = w[1],
                     .w0 = w[type == TRACE_CAP_MOVE ? 3 : 2],
                     .w1 = w[type == TRACE_CAP_MOVE ? 4 : 3]};
    vis_cap_label(m, &cap, label, sizeof(label));
    vis_slot_name(m, w[1], where, sizeof(where));
    const char *name = trace_event_name(type);
    if (type == TRACE_CAP_INSERT)
        snprintf(out, len, "%s: %s into %s by %s", name, label, where, vis_cause_name(w[6]));
    else if (type == TRACE_CAP_DELETE)
        snprintf(out, len, "%s: %s from %s by %s", name, label, where, vis_cause_name(w[4]));
    else if (type == TRACE_CAP_MOVE) {
        vis_slot_name(m, w[2], to, sizeof(to));
        snprintf(out, len, "%s: %s from %s to %s by %s", name, label, where, to,
                 vis_cause_name(w[5]));
    } else
        snprintf(out, len, "%s: %s in %s", name, label, where);
}

static void thread_event_label(const vis_model_t *m, const trace_record_t *r, char *out, size_t len)
{
    const uint32_t *w = r->words;
    unsigned type = trace_record_type(r);
    char a[32], b[48];
    vis_thread_label(m, type == TRACE_KERNEL_ENTRY ? w[3] : w[1], a, sizeof(a));
    const char *name = trace_event_name(type);
    switch (type) {
    case TRACE_KERNEL_ENTRY:
        vis_entry_label(w[1], w[2], b, sizeof(b));
        snprintf(out, len, "%s: %s from %s at pc %08x", name, b, a, w[4]);
        break;
    case TRACE_KERNEL_EXIT: snprintf(out, len, "%s: back to %s", name, a); break;
    case TRACE_SWITCH:
        vis_thread_label(m, w[2], b, sizeof(b));
        snprintf(out, len, "%s: %s → %s", name, w[1] ? a : "none", b);
        break;
    case TRACE_THREAD_STATE:
        snprintf(out, len, "%s: %s is %s", name, a, vis_thread_state_name(w[2]));
        break;
    case TRACE_THREAD_PRIORITY:
        snprintf(out, len, "%s: %s priority %u, MCP %u", name, a, w[2], w[3]);
        break;
    default: snprintf(out, len, "%s: %s", name, a); break;
    }
}

/* An IPC event's ", label 3" and ", 1 cap" (each "" when not known or no cap came). */
static void message_info(const trace_record_t *r, const uint32_t *info, char *label, char *caps)
{
    char text[40];
    label[0] = caps[0] = '\0';
    if (!trace_record_has_message_info(r))
        return;
    snprintf(label, 24, ", label %u", info[0]);
    if (trace_caps_text(info[1], text, sizeof(text)) > 0)
        snprintf(caps, 48, ", %s", text);
}

/* IPC events, with threads by name: "ipc-send: rootserver → endpoint e0060000, badge 7,
 * label 3, 1 word, 1 cap". */
static void ipc_event_label(const vis_model_t *m, const trace_record_t *r, char *out, size_t len)
{
    const uint32_t *w = r->words;
    unsigned type = trace_record_type(r);
    char a[32], b[32], label[24], caps[48];
    const char *name = trace_event_name(type);
    vis_thread_label(m, type == TRACE_IPC_SEND || type == TRACE_IPC_RECV ? w[2] : w[1], a,
                     sizeof(a));
    switch (type) {
    case TRACE_THREAD_BLOCKED_EVENT:
        snprintf(out, len, "%s: %s is %s on %08x", name, a, vis_thread_state_name(w[2]), w[3]);
        break;
    case TRACE_IPC_SEND:
    case TRACE_IPC_RECV:
        message_info(r, &w[5], label, caps);
        snprintf(out, len, "%s: %s %s endpoint %08x, badge %u%s, %u word%s%s", name, a,
                 type == TRACE_IPC_SEND ? "→" : "←", w[1], w[3], label, w[4],
                 w[4] == 1 ? "" : "s", caps);
        break;
    case TRACE_IPC_REPLY:
        vis_thread_label(m, w[2], b, sizeof(b));
        message_info(r, &w[4], label, caps);
        snprintf(out, len, "%s: %s → %s%s, %u word%s%s", name, a, b, label, w[3],
                 w[3] == 1 ? "" : "s", caps);
        break;
    case TRACE_SIGNAL:
        vis_thread_label(m, w[3], b, sizeof(b));
        snprintf(out, len, "%s: badge 0x%x to notification %08x, %s%s", name, w[2], w[1],
                 w[3] ? "wakes " : "nobody waits (pending)", w[3] ? b : "");
        break;
    default: /* TRACE_FAULT */
        snprintf(out, len, "%s: %s, %s at %08x, pc %08x", name, a, trace_fault_name(w[2]), w[3],
                 w[4]);
        break;
    }
}

/* "map: 4 KiB page 80400000 at 40000000 in rootserver (ASID 1), RW XN", "unmap: page
 * table at 40000000 from child (ASID 2)". */
static void vspace_event_label(const vis_model_t *m, const trace_record_t *r, char *out,
                               size_t len)
{
    const uint32_t *w = r->words;
    char space[96], access[48];
    vis_space_asid_label(m, w[1], space, sizeof(space));
    if (trace_record_type(r) == TRACE_UNMAP) {
        snprintf(out, len, "unmap: %s at %08x from %s", vis_mapping_kind_name(w[3]), w[2], space);
        return;
    }
    if (w[4] == VIS_MAP_TABLE_BITS) {
        snprintf(out, len, "map: page table %08x at %08x in %s", w[3], w[2], space);
        return;
    }
    vis_access_label(w[5], access, sizeof(access));
    snprintf(out, len, "map: %s %08x at %08x in %s, %s", vis_mapping_kind_name(w[4]), w[3], w[2],
             space, access);
}

void vis_event_label(const vis_model_t *m, const trace_record_t *r, char *out, size_t len)
{
    unsigned type = trace_record_type(r);
    const uint32_t *w = r->words;
    char where[48];
    switch (type) {
    case TRACE_CAP_INSERT:
    case TRACE_CAP_DELETE:
    case TRACE_CAP_MOVE:
    case TRACE_CAP_UPDATE: cap_event_label(m, r, out, len); return;
    case TRACE_KERNEL_ENTRY:
    case TRACE_KERNEL_EXIT:
    case TRACE_SWITCH:
    case TRACE_THREAD_STATE:
    case TRACE_THREAD_PRIORITY:
    case TRACE_THREAD_NAME: thread_event_label(m, r, out, len); return;
    case TRACE_THREAD_BLOCKED_EVENT:
    case TRACE_IPC_SEND:
    case TRACE_IPC_RECV:
    case TRACE_IPC_REPLY:
    case TRACE_SIGNAL:
    case TRACE_FAULT: ipc_event_label(m, r, out, len); return;
    case TRACE_MAP:
    case TRACE_UNMAP: vspace_event_label(m, r, out, len); return;
    case TRACE_OBJECT_CREATE:
        vis_slot_name(m, w[4], where, sizeof(where));
        snprintf(out, len, "object-create: %s at %08x%s%s",
                 vis_cap_type_name(vis_object_cap_type(w[1])), w[2],
                 w[4] ? " from untyped in " : " at boot", w[4] ? where : "");
        return;
    case TRACE_OBJECT_DELETE:
        snprintf(out, len, "object-delete: %s at %08x", vis_cap_type_name(w[1]), w[2]);
        return;
    case TRACE_BOOT: {
        char ram[24];
        vis_size_label(w[4], ram, sizeof(ram));
        snprintf(out, len, "boot: trace version %u, %s, %s of RAM at %08x", w[1],
                 w[2] == TRACE_PLATFORM_ARM_SIM       ? "arm-sim"
                 : w[2] == TRACE_PLATFORM_VEXPRESS_A15 ? "vexpress-a15"
                                                       : "platform ?",
                 ram, w[3]);
        return;
    }
    case TRACE_INVOCATION:
        vis_slot_name(m, w[1], where, sizeof(where));
        snprintf(out, len, "invocation: %s through %s%s%s",
                 vis_cap_type(w[2]) == TRACE_CAP_ENDPOINT ||
                         vis_cap_type(w[2]) == TRACE_CAP_NOTIFICATION
                     ? "a message"
                     : trace_invocation_name(w[3]),
                 where, w[4] ? ", fails: " : "", w[4] ? trace_error_name(w[4]) : "");
        return;
    case TRACE_REVOKE_BEGIN:
    case TRACE_REVOKE_END:
        vis_slot_name(m, w[1], where, sizeof(where));
        snprintf(out, len, "%s: the children of %s", trace_event_name(type), where);
        return;
    default: {
        /* Anything else as numbat-trace prints it, less the instruction count. */
        char raw[200];
        trace_format(r, raw, sizeof(raw));
        const char *p = raw;
        while (*p == ' ' || (*p >= '0' && *p <= '9'))
            p++;
        snprintf(out, len, "%s", p);
    }
    }
}
