/*
 * trace/format.h - the Numbat trace stream, version 5 (2 added the blocked-thread
 * event and the blocked thread states, 3 the map and unmap events' slot and size
 * words and the mapping fields of frame and page-table caps, 4 the invocation event,
 * 5 the label and caps words at the end of ipc-send, ipc-recv and ipc-reply;
 * readers take version 3 and 4 files too: they have no invocations, and their IPC
 * events end after the length): what the kernel tells the
 * outside world about its objects, capabilities and threads as they change. The
 * kernel emits events; numbat-sim records them with the instruction count of each;
 * the visualizer rebuilds the kernel's state from them. It is a protocol, not
 * kernel internals. Partners: kernel/trace.c (emits), arch/arm-sim/plat.c and
 * plat/vexpress-a15/plat.c (send), decode.c (reads), cap_words.h (the cap words),
 * docs/trace-format.md (the full description).
 */
#ifndef TRACE_FORMAT_H
#define TRACE_FORMAT_H

#define TRACE_VERSION 5u
/* The oldest file version readers still take (every later version only added events,
 * or words at the end of an event: TRACE_IPC_WORDS_V4). */
#define TRACE_VERSION_OLDEST_READ 3u

/*
 * An event is a sequence of 32-bit words. Word 0 is the header:
 *   [31:24] event type (enum trace_event), [23:16] total length in words
 *   (header included, at most TRACE_MAX_WORDS), [15:0] reserved (0).
 * The payload words follow, as listed for each event below.
 */
#define TRACE_MAX_WORDS 16u
#define TRACE_HEADER(type, words) (((unsigned)(type) << 24) | ((unsigned)(words) << 16))
#define TRACE_HEADER_TYPE(h) ((h) >> 24)
#define TRACE_HEADER_WORDS(h) (((h) >> 16) & 0xFFu)

/* The access word of a map event. */
enum trace_map_access {
    TRACE_MAP_WRITE = 1u << 0, /* the same bits as cap rights */
    TRACE_MAP_READ = 1u << 1,
    TRACE_MAP_EXECUTE_NEVER = 1u << 2,
    TRACE_MAP_CACHEABLE = 1u << 3,
    TRACE_MAP_DEVICE = 1u << 4,
};

enum trace_event {
    /* Boot: version, platform (TRACE_PLATFORM_*), RAM base, RAM size. */
    TRACE_BOOT = 1,
    /* Object created by retype: seL4 object type, address (physical for untyped
     * and frames, kernel address otherwise), size bits, slot of the untyped cap. */
    TRACE_OBJECT_CREATE = 2,
    /* Object destroyed (its last cap deleted): cap type (TRACE_CAP_*), address. */
    TRACE_OBJECT_DELETE = 3,
    /* Cap placed in a slot: slot, cap word 0, cap word 1, CDT parent slot (0 for
     * none), flags (TRACE_CAPF_*), cause (TRACE_CAUSE_*). */
    TRACE_CAP_INSERT = 4,
    /* Cap moved: from slot, to slot, cap word 0, cap word 1 (after any data
     * change), cause (move, mutate, rotate). */
    TRACE_CAP_MOVE = 5,
    /* Cap removed from a slot: slot, cap word 0, cap word 1, cause. */
    TRACE_CAP_DELETE = 6,
    /* Revoke starts / ends on a slot: slot. */
    TRACE_REVOKE_BEGIN = 7,
    TRACE_REVOKE_END = 8,
    /* Thread state: TCB address, state (TRACE_THREAD_*). */
    TRACE_THREAD_STATE = 9,
    /* Thread priority: TCB address, priority, MCP. */
    TRACE_THREAD_PRIORITY = 10,
    /* Thread name: TCB address, then up to 16 bytes of name in 4 words. */
    TRACE_THREAD_NAME = 11,
    /* Context switch: from TCB (0 for none), to TCB. */
    TRACE_SWITCH = 12,
    /* Kernel entry: cause (TRACE_ENTRY_*), detail (syscall number, IRQ or
     * fault kind), current TCB, its PC. */
    TRACE_KERNEL_ENTRY = 13,
    /* Kernel exit: the TCB that runs next. */
    TRACE_KERNEL_EXIT = 14,
    /* Messages. The length, label and caps words are the message info the receiver got
     * (for a fault handler's reply, which restores registers: the handler's own); the
     * caps word is TRACE_IPC_CAPS below. Label and caps came in version 5. */
    TRACE_IPC_SEND = 15,  /* endpoint, sender TCB, badge, length, label, caps */
    TRACE_IPC_RECV = 16,  /* endpoint, receiver TCB, badge, length, label, caps */
    TRACE_IPC_REPLY = 17, /* replier TCB, caller TCB, length, label, caps */
    TRACE_SIGNAL = 18,    /* notification, badge, woken TCB (0 for none) */
    /* A frame or page table entered a page directory: page directory, virtual
     * address, physical address, size bits (12, 16, 20, 24 for frames; 10 for a
     * page table, covering the 1 MiB at the address), access (TRACE_MAP_*), the
     * slot of the cap it was mapped through. A remap repeats the event. */
    TRACE_MAP = 19,
    /* A mapping left a page directory: page directory, virtual address, size bits,
     * the slot of its cap (0 when the cap is not known: a page table's entries
     * cleared with it, a whole directory going). */
    TRACE_UNMAP = 20,
    TRACE_FAULT = 21,     /* TCB, fault type (seL4_Fault_tag_t), address, PC */
    TRACE_IRQ = 22,       /* interrupt number */
    /* Two slots exchange caps (Rotate with dest = src): slot A, slot B, then the
     * new cap of A (2 words) and the new cap of B (2 words). */
    TRACE_CAP_SWAP = 23,
    /* A cap changed in place (an untyped's watermark, say): slot, cap word 0, word 1. */
    TRACE_CAP_UPDATE = 24,
    /* A thread blocked in IPC (after its thread-state event): TCB, state
     * (TRACE_THREAD_BLOCKED_ON_*), the endpoint or notification it waits on (for a
     * reply: the endpoint its Call went through), the badge it sent with (0 for
     * receives). A thread blocked on send or receive is at the tail of that
     * endpoint's queue, one blocked on a notification at the tail of its waiters. */
    TRACE_THREAD_BLOCKED_EVENT = 25,
    /* An object invoked through Call or Send, after decoding and before it acts: the
     * slot of the invoked cap, its cap word 0, the message label (libsel4's
     * invocation_label for kernel objects; the user's own for endpoints and
     * notifications), and decode's result (seL4_Error; 0: it goes ahead) (version 4). */
    TRACE_INVOCATION = 26,
    TRACE_EVENT_COUNT
};

/*
 * The caps word of the IPC events: [1:0] how many caps came with the message (the
 * receiver's extraCaps: each arrived as a new cap in its receive slot, or unwrapped),
 * [4:2] which of them were unwrapped (capsUnwrapped: the receiver got the badge of a
 * cap to the very endpoint the message came through, not a cap). Bits 31:5 are 0.
 */
#define TRACE_IPC_CAPS(count, unwrapped) (((count) & 0x3u) | (((unwrapped) & 0x7u) << 2))
#define TRACE_IPC_CAPS_COUNT(w) ((w) & 0x3u)
#define TRACE_IPC_CAPS_UNWRAPPED(w) (((w) >> 2) & 0x7u)
/* Payload words of ipc-send and ipc-recv (ipc-reply: one fewer) before version 5. */
#define TRACE_IPC_WORDS_V4 4u

/* Cap types in cap word 0 bits 3:0 (the kernel's encoding, docs/trace-format.md). */
enum trace_cap_type {
    TRACE_CAP_NULL, TRACE_CAP_UNTYPED, TRACE_CAP_ENDPOINT, TRACE_CAP_NOTIFICATION,
    TRACE_CAP_REPLY, TRACE_CAP_CNODE, TRACE_CAP_THREAD, TRACE_CAP_IRQ_CONTROL,
    TRACE_CAP_IRQ_HANDLER, TRACE_CAP_DOMAIN, TRACE_CAP_FRAME, TRACE_CAP_PAGE_TABLE,
    TRACE_CAP_PAGE_DIRECTORY, TRACE_CAP_ASID_CONTROL, TRACE_CAP_ASID_POOL,
    /* A CNode or TCB whose deletion has begun: nothing can look through or invoke it. */
    TRACE_CAP_ZOMBIE,
};

#define TRACE_CAPF_REVOCABLE 0x1u
#define TRACE_CAPF_FIRST_BADGED 0x2u

enum trace_cause {
    TRACE_CAUSE_BOOT = 1, TRACE_CAUSE_RETYPE, TRACE_CAUSE_COPY, TRACE_CAUSE_MINT,
    TRACE_CAUSE_MOVE, TRACE_CAUSE_MUTATE, TRACE_CAUSE_ROTATE, TRACE_CAUSE_DELETE,
    TRACE_CAUSE_REVOKE, TRACE_CAUSE_TCB_CONFIGURE, TRACE_CAUSE_TRANSFER,
};

/* TRACE_THREAD_BLOCKED is the generic value of early kernels; today's say which. */
enum trace_thread_state {
    TRACE_THREAD_INACTIVE, TRACE_THREAD_RUNNABLE, TRACE_THREAD_BLOCKED,
    TRACE_THREAD_BLOCKED_ON_RECV, TRACE_THREAD_BLOCKED_ON_SEND, TRACE_THREAD_BLOCKED_ON_REPLY,
    TRACE_THREAD_BLOCKED_ON_NOTIFICATION,
};

enum trace_entry_cause { TRACE_ENTRY_SYSCALL = 1, TRACE_ENTRY_INTERRUPT, TRACE_ENTRY_FAULT };

enum trace_platform { TRACE_PLATFORM_ARM_SIM = 1, TRACE_PLATFORM_VEXPRESS_A15 = 2, TRACE_PLATFORM_RASPI2 = 3 };

/*
 * Files written by numbat-sim --trace-out: the 8 bytes "NMBTRACE", the version
 * (u32, little-endian), then one record per event: the instruction count (u64)
 * and the event's words (the header says how many). All little-endian.
 */
#define TRACE_FILE_MAGIC "NMBTRACE"

/*
 * On a UART (vexpress-a15's UART1): each event is sent as the byte 0x7E, the
 * event's words little-endian, and the XOR of those bytes. A reader that loses
 * sync scans for 0x7E and keeps the first frame whose header and check agree.
 */
#define TRACE_UART_SYNC 0x7Eu

#endif
