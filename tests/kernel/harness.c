/*
 * tests/kernel/harness.c - the host side of the kernel unit tests: the arch
 * interface (kernel/arch.h) and the console/library half of kernel.h stubbed over
 * a MAP_32BIT arena, so kernel objects have 32-bit addresses as on the target.
 * A kernel panic fails the test; arch_enter_thread/arch_halt jump back into it.
 * Partners: harness.h, test_*.c, lib/fmt.c (kprintf's formatter, as on target).
 */
#define _GNU_SOURCE
/* mk/tests.mk renames the kernel's sched_yield; libc's keeps its name. */
#pragma push_macro("sched_yield")
#undef sched_yield
#include <pthread.h>
#pragma pop_macro("sched_yield")
#include <sanitizer/asan_interface.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "harness.h"

#include "interrupt.h"
#include "syscall.h"

#include "../../lib/fmt.h"

#define HALF (ARENA_SIZE / 2)
#define KSTACK_SIZE (1u << 20)
#define KSTACK_GUARD 4096u
#define KSTACK_PAINT 0xA5
#define REDZONE 16u
#define CDT_WALK_LIMIT (1u << 20)

tcb_t *harness_caller;
uint32_t *harness_ipc_buffer;
char harness_panic_message[256];

static void *map_base;
static size_t map_len;
static uint8_t *arena;
static uint32_t obj_next; /* offset of the next hand-made object (lower half) */
static uint32_t ut_next;  /* offset of the next untyped region (upper half) */
/* Device memory: a mapping of its own, outside the arena (so outside "RAM":
 * arch_usable_ram_end), as device space lies outside RAM on the boards. */
#define DEVICE_SPACE_SIZE (16u << 20)
static uint8_t *device_space;
static uint32_t device_next;
static void *kstack;

static __thread bool on_kstack; /* this thread runs on the kernel stack */
static jmp_buf kstack_panic;
static uint32_t kstack_depth; /* high-water mark of the last kernel call */
static long interrupt_countdown; /* calls left before an interrupt is pending; -1: never */

static char console[1u << 16];
static size_t console_len;

/* ---- the arena ------------------------------------------------------------------ */

static uint32_t align_to(uint32_t v, unsigned bits)
{
    uint32_t mask = (1u << bits) - 1;
    return (v + mask) & ~mask;
}

static bool in_arena(const void *p, size_t size)
{
    const uint8_t *b = p;
    return b >= arena && b + size <= arena + ARENA_SIZE;
}

void harness_init(void)
{
    harness_vm = (harness_vm_counts_t){0};
    harness_fastpath_exits = harness_fastpath_fallbacks = 0;
    harness_trace.count = 0;
    trace_enabled = false;
    device_next = 0;
    device_space = mmap(NULL, DEVICE_SPACE_SIZE, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    cr_assert_neq(device_space, MAP_FAILED, "mmap of the device space failed");
    map_len = 2 * (size_t)ARENA_SIZE;
    map_base = mmap(NULL, map_len, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    cr_assert_neq(map_base, MAP_FAILED, "mmap of the MAP_32BIT arena failed");
    uintptr_t base = ((uintptr_t)map_base + ARENA_SIZE - 1) & ~(uintptr_t)(ARENA_SIZE - 1);
    cr_assert_leq(base + ARENA_SIZE, (uintptr_t)1 << 32, "arena must lie below 4 GiB");
    arena = (uint8_t *)base;
    /* Give back what alignment did not need. */
    size_t head = base - (uintptr_t)map_base;
    if (head)
        munmap(map_base, head);
    size_t tail = map_len - head - ARENA_SIZE;
    if (tail)
        munmap(arena + ARENA_SIZE, tail);
    map_base = arena;
    map_len = ARENA_SIZE;
    ASAN_POISON_MEMORY_REGION(arena, ARENA_SIZE);
    obj_next = REDZONE; /* nothing at the arena's first byte */
    ut_next = HALF;
    console_len = 0;
    console[0] = '\0';
    /* The kernel stack, with an inaccessible page below it to stop an overflow. */
    uint8_t *guard = harness_alloc(KSTACK_GUARD + KSTACK_SIZE, 12);
    cr_assert_eq(mprotect(guard, KSTACK_GUARD, PROT_NONE), 0);
    kstack = guard + KSTACK_GUARD;
    interrupt_countdown = -1;
    harness_interrupts_taken = 0;
    harness_caller = harness_tcb();
    thread_set_name(harness_caller, "caller");
    /* The caller's IPC buffer: a page of its own, reached through a frame cap as the
     * kernel reaches every IPC buffer (thread_ipc_buffer). */
    harness_ipc_buffer = harness_alloc(1u << seL4_PageBits, seL4_PageBits);
    harness_give_ipc_buffer(harness_caller, harness_ipc_buffer, RIGHTS_ALL);
}

void harness_fini(void)
{
    if (map_base) {
        mprotect(map_base, map_len, PROT_READ | PROT_WRITE);
        ASAN_UNPOISON_MEMORY_REGION(map_base, map_len);
        munmap(map_base, map_len);
    }
    map_base = NULL;
    arena = NULL;
    if (device_space)
        munmap(device_space, DEVICE_SPACE_SIZE);
    device_space = NULL;
}

void *harness_alloc(uint32_t size, unsigned align_bits)
{
    if (align_bits < 4)
        align_bits = 4;
    uint32_t start = align_to(obj_next, align_bits);
    cr_assert_leq((uint64_t)start + size, HALF, "test arena exhausted (%u bytes asked)", size);
    obj_next = start + align_to(size, 4) + REDZONE; /* the gap stays poisoned */
    ASAN_UNPOISON_MEMORY_REGION(arena + start, size);
    memset(arena + start, 0, size);
    return arena + start;
}

uint32_t harness_untyped_region(unsigned size_bits)
{
    cr_assert(size_bits >= 4 && size_bits < ARENA_BITS, "untyped of 2^%u bytes", size_bits);
    uint32_t start = align_to(ut_next, size_bits);
    cr_assert_leq((uint64_t)start + (1u << size_bits), ARENA_SIZE, "untyped half of the arena exhausted");
    ut_next = start + (1u << size_bits);
    ASAN_UNPOISON_MEMORY_REGION(arena + start, 1u << size_bits);
    memset(arena + start, 0, 1u << size_bits);
    return (uint32_t)(uintptr_t)(arena + start);
}


uint32_t harness_device_region(unsigned size_bits)
{
    uintptr_t base = (uintptr_t)device_space, size = (uintptr_t)1 << size_bits;
    uintptr_t start = (base + device_next + size - 1) & ~(size - 1);
    cr_assert_leq(start + size, base + DEVICE_SPACE_SIZE, "device space exhausted");
    device_next = (uint32_t)(start + size - base);
    return (uint32_t)start;
}

cap_t harness_untyped(unsigned size_bits, bool device)
{
    uint32_t base = device ? harness_device_region(size_bits) : harness_untyped_region(size_bits);
    return cap_untyped(base, size_bits, device, 0);
}

cap_t harness_cnode(unsigned radix, unsigned guard_size, uint32_t guard)
{
    void *slots = harness_alloc((1u << radix) * sizeof(cte_t), radix + seL4_SlotBits);
    return cap_cnode(slots, radix, guard_size, guard);
}

cte_t *harness_slot(cap_t cnode, uint32_t index)
{
    cr_assert_eq(cap_type(cnode), CAP_CNODE);
    cr_assert_lt(index, 1u << cnode_radix(cnode), "slot %u of a radix-%u CNode", index,
                 cnode_radix(cnode));
    return &cnode_slots(cnode)[index];
}

void *harness_endpoint(void)
{
    return harness_alloc(1u << seL4_EndpointBits, seL4_EndpointBits);
}

void harness_give_ipc_buffer(tcb_t *t, void *page, uint32_t rights)
{
    uint32_t addr = (uint32_t)(uintptr_t)page;
    cte_t *slot = &t->slots[TCB_SLOT_IPC_BUFFER];
    if (!cap_is_null(slot->cap))
        cdt_delete(slot, false);
    harness_place(slot, cap_frame(addr, FRAME_SMALL, rights), true);
    t->ipc_buffer = addr;
}

tcb_t *harness_tcb(void)
{
    tcb_t *t = harness_alloc(1u << seL4_TCBBits, seL4_TCBBits);
    thread_init(t);
    reply_make_master(t);
    return t;
}

void harness_place(cte_t *slot, cap_t cap, bool revocable)
{
    cr_assert(cap_is_null(slot->cap), "harness_place into an occupied slot");
    bool badged = cap_type(cap) == CAP_ENDPOINT || cap_type(cap) == CAP_NOTIFICATION;
    slot->cap = cap;
    slot->prev = 0;
    slot->next = 0;
    mdb_set_flags(slot, revocable, revocable && badged);
}

/* ---- kernel.h: console, panics, string functions ---------------------------------- */

static void console_putc(void *ctx, char c)
{
    (void)ctx;
    if (console_len + 1 < sizeof(console)) {
        console[console_len++] = c;
        console[console_len] = '\0';
    }
}

const char *harness_console(void)
{
    return console;
}

void kputc(char c)
{
    console_putc(NULL, c);
}

void kputs(const char *s)
{
    while (*s)
        kputc(*s++);
}

int kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = fmt_vformat(console_putc, NULL, fmt, ap);
    va_end(ap);
    return n;
}

typedef struct panic_buf {
    size_t len;
} panic_buf_t;

static void panic_putc(void *ctx, char c)
{
    panic_buf_t *b = ctx;
    if (b->len + 1 < sizeof(harness_panic_message)) {
        harness_panic_message[b->len++] = c;
        harness_panic_message[b->len] = '\0';
    }
}

NORETURN void kpanic_at(const char *function, const char *fmt, ...)
{
    panic_buf_t b = {0};
    harness_panic_message[0] = '\0';
    for (const char *f = function; *f; f++)
        panic_putc(&b, *f);
    panic_putc(&b, ':');
    panic_putc(&b, ' ');
    va_list ap;
    va_start(ap, fmt);
    fmt_vformat(panic_putc, &b, fmt, ap);
    va_end(ap);
    if (on_kstack)
        longjmp(kstack_panic, 1);
    cr_assert_fail("kernel panic in %s", harness_panic_message);
    abort();
}

void *kmemset(void *dst, int c, size_t n)
{
    return memset(dst, c, n);
}

void *kmemcpy(void *dst, const void *src, size_t n)
{
    return memcpy(dst, src, n);
}

int kstrcmp(const char *a, const char *b)
{
    return strcmp(a, b);
}

size_t kstrlen(const char *s)
{
    return strlen(s);
}

/* ---- arch.h ------------------------------------------------------------------------ */

void *arch_phys_to_kernel(uint32_t pa)
{
    return (void *)(uintptr_t)pa;
}

uint32_t arch_kernel_to_phys(const void *p)
{
    if ((uintptr_t)p > UINT32_MAX)
        kpanic("kernel pointer %p does not fit 32 bits", p);
    return (uint32_t)(uintptr_t)p;
}

/* Address spaces: the host has no MMU; TLB flushes are counted for the tests. */
harness_vm_counts_t harness_vm;

void arch_tlb_flush_page(uint32_t asid, uint32_t vaddr)
{
    (void)asid;
    (void)vaddr;
    harness_vm.tlb_page_flushes++;
}

void arch_tlb_flush_asid(uint32_t asid)
{
    (void)asid;
    harness_vm.tlb_asid_flushes++;
}

void arch_page_table_written(const void *entries, uint32_t bytes)
{
    (void)entries;
    (void)bytes;
}

void arch_cache_maintain(arch_cache_op_t op, uint32_t start, uint32_t end)
{
    (void)op;
    harness_vm.cache_ops++;
    harness_vm.cache_bytes += end - start;
}

/* All of the arena counts as RAM (frames are made in its untyped half). */
uint32_t arch_ram_base(void)
{
    return (uint32_t)(uintptr_t)arena;
}

uint32_t arch_usable_ram_end(void)
{
    return (uint32_t)(uintptr_t)arena + ARENA_SIZE;
}

void arch_pd_init(void *pd)
{
    memset(pd, 0, 1u << seL4_PageDirBits);
}

void harness_interrupt_after(unsigned calls)
{
    interrupt_countdown = calls;
}

void harness_clear_interrupt(void)
{
    interrupt_countdown = -1;
}

bool arch_interrupt_pending(void)
{
    if (interrupt_countdown < 0)
        return false;
    if (interrupt_countdown > 0) {
        interrupt_countdown--;
        return false;
    }
    return true;
}

uint32_t harness_kstack_depth(void)
{
    return kstack_depth;
}

/* The trace stream (kernel/trace.c): nobody listens on the host, unless a test turns
 * trace_enabled on; then the newest events are kept (harness_trace). */
bool arch_trace_enabled(void)
{
    return false;
}

harness_trace_t harness_trace;

void arch_trace_emit(const uint32_t *words, unsigned count)
{
    if (harness_trace.count == HARNESS_TRACE_EVENTS || count > TRACE_MAX_WORDS)
        return;
    harness_trace_event_t *e = &harness_trace.events[harness_trace.count++];
    e->count = count;
    memcpy(e->words, words, count * sizeof(uint32_t));
}

uint32_t arch_trace_platform(void)
{
    return 0;
}

unsigned harness_interrupts_taken;

/* A preempted system call hands the pending interrupt to the kernel (entry.c on
 * the target); here it is the tick, and it stops being pending. */
void arch_take_pending_interrupt(void)
{
    harness_interrupts_taken++;
    harness_clear_interrupt();
    interrupt_received(0);
}

static jmp_buf exit_env;
static bool exit_armed;
static tcb_t *entered;
static uint32_t halted_with;

NORETURN void arch_enter_thread(tcb_t *thread)
{
    if (!exit_armed || on_kstack) {
        cr_assert_fail("arch_enter_thread(%p) outside harness_run_to_exit", (void *)thread);
        abort();
    }
    entered = thread;
    longjmp(exit_env, 1);
}

bool harness_idled;
unsigned harness_fastpath_exits, harness_fastpath_fallbacks;

NORETURN void arch_fastpath_exit(tcb_t *t, const tcb_t *from, uint32_t badge, uint32_t info)
{
    (void)from;
    harness_fastpath_exits++;
    arch_set_badge_register(&t->context, badge);
    arch_set_msg_info(&t->context, info);
    arch_enter_thread(t);
}

NORETURN void arch_fastpath_fallback(void)
{
    harness_fastpath_fallbacks++;
    handle_syscall((int32_t)arch_get_syscall_number(&current_thread->context));
}

/* The idle loop: ends the kernel call like a halt, with harness_idled set. */
NORETURN void arch_enter_idle(void)
{
    if (!exit_armed || on_kstack) {
        cr_assert_fail("arch_enter_idle outside harness_run_to_exit");
        abort();
    }
    harness_idled = true;
    halted_with = 0;
    longjmp(exit_env, 2);
}

unsigned arch_max_irq(void)
{
    return HARNESS_MAX_IRQ;
}

bool arch_irq_reserved(unsigned irq)
{
    return irq == HARNESS_TICK_IRQ;
}

bool harness_irq_masked[HARNESS_MAX_IRQ + 1];

void arch_irq_set_masked(unsigned irq, bool masked)
{
    cr_assert_leq(irq, HARNESS_MAX_IRQ);
    harness_irq_masked[irq] = masked;
}

NORETURN void arch_halt(uint32_t status)
{
    if (!exit_armed || on_kstack) {
        cr_assert_fail("arch_halt(%u) outside harness_run_to_exit", status);
        abort();
    }
    halted_with = status;
    longjmp(exit_env, 2);
}

tcb_t *harness_run_to_exit(void (*fn)(void *), void *arg, uint32_t *halt_status)
{
    entered = NULL;
    harness_idled = false;
    halted_with = 0;
    exit_armed = true;
    int how = setjmp(exit_env);
    if (how == 0) {
        fn(arg);
        exit_armed = false;
        cr_assert_fail("a noreturn kernel path returned");
    }
    exit_armed = false;
    if (halt_status)
        *halt_status = how == 2 ? halted_with : 0;
    return how == 1 ? entered : NULL;
}

static void call_schedule(void *arg)
{
    (void)arg;
    schedule_and_exit();
}

tcb_t *harness_schedule(uint32_t *halt_status)
{
    return harness_run_to_exit(call_schedule, NULL, halt_status);
}

/* ---- the kernel stack --------------------------------------------------------------- */

typedef struct kcall {
    void (*fn)(void *);
    void *arg;
    bool panicked;
} kcall_t;

static void *kstack_main(void *p)
{
    kcall_t *k = p;
    on_kstack = true;
    if (setjmp(kstack_panic) == 0)
        k->fn(k->arg);
    else
        k->panicked = true;
    return NULL;
}

bool harness_kernel_call(void (*fn)(void *), void *arg)
{
    kcall_t k = {fn, arg, false};
    pthread_attr_t attr;
    pthread_t th;
    ASAN_UNPOISON_MEMORY_REGION(kstack, KSTACK_SIZE);
    memset(kstack, KSTACK_PAINT, KSTACK_SIZE); /* to find how deep the call went */
    cr_assert_eq(pthread_attr_init(&attr), 0);
    cr_assert_eq(pthread_attr_setstack(&attr, kstack, KSTACK_SIZE), 0);
    cr_assert_eq(pthread_create(&th, &attr, kstack_main, &k), 0);
    cr_assert_eq(pthread_join(th, NULL), 0);
    pthread_attr_destroy(&attr);
    ASAN_UNPOISON_MEMORY_REGION(kstack, KSTACK_SIZE);
    const uint8_t *b = kstack;
    uint32_t untouched = 0;
    while (untouched < KSTACK_SIZE && b[untouched] == KSTACK_PAINT)
        untouched++;
    kstack_depth = KSTACK_SIZE - untouched;
    return k.panicked;
}

typedef struct invoke_call {
    invocation_t *inv;
    seL4_Error err;
    invoke_status_t status;
} invoke_call_t;

/* The kernel's own dispatcher: decode, then (if that succeeded) invoke. */
static void run_invocation(void *p)
{
    invoke_call_t *c = p;
    object_op_t op;
    c->err = object_decode(c->inv, &op);
    c->status = INVOKE_DONE;
    if (c->err == seL4_NoError)
        c->status = object_invoke(c->inv, &op);
}

void harness_build_invocation(invocation_t *inv, cte_t *slot, uint32_t label, unsigned nmr,
                              const uint32_t *mr, unsigned ncaps, cte_t *const *caps)
{
    cr_assert_leq(ncaps, 3u);
    cr_assert_leq(nmr, (unsigned)seL4_MsgMaxLength);
    memset(inv, 0, sizeof(*inv));
    inv->caller = harness_caller;
    inv->slot = slot;
    inv->cap = slot->cap;
    inv->label = label;
    inv->length = nmr;
    inv->buffer = (seL4_IPCBuffer *)harness_ipc_buffer;
    for (unsigned i = 0; i < ARCH_MSG_REGISTERS; i++)
        arch_set_mr(&harness_caller->context, i, 0);
    for (unsigned i = 0; i < nmr; i++) {
        if (i < ARCH_MSG_REGISTERS)
            arch_set_mr(&harness_caller->context, i, mr[i]);
        else
            inv->buffer->msg[i] = mr[i];
    }
    inv->extra_count = ncaps;
    for (unsigned i = 0; i < ncaps; i++)
        inv->extra_slot[i] = caps[i];
}

seL4_Error harness_invoke(invocation_t *inv, cte_t *slot, uint32_t label, unsigned nmr,
                          const uint32_t *mr, unsigned ncaps, cte_t *const *caps)
{
    harness_build_invocation(inv, slot, label, nmr, mr, ncaps, caps);
    invoke_call_t c = {inv, seL4_NoError, INVOKE_DONE};
    if (harness_kernel_call(run_invocation, &c))
        cr_assert_fail("kernel panic during invocation %u: %s", label, harness_panic_message);
    return c.status == INVOKE_PREEMPTED ? HARNESS_PREEMPTED : c.err;
}

typedef struct decode_call {
    invocation_t *inv;
    object_op_t *op;
    seL4_Error err;
} decode_call_t;

static void run_decode(void *p)
{
    decode_call_t *d = p;
    d->err = object_decode(d->inv, d->op);
}

seL4_Error harness_decode(invocation_t *inv, object_op_t *op, cte_t *slot, uint32_t label,
                          unsigned nmr, const uint32_t *mr, unsigned ncaps, cte_t *const *caps)
{
    harness_build_invocation(inv, slot, label, nmr, mr, ncaps, caps);
    decode_call_t d = {inv, op, seL4_NoError};
    if (harness_kernel_call(run_decode, &d))
        cr_assert_fail("kernel panic during decode %u: %s", label, harness_panic_message);
    return d.err;
}

/* ---- the CDT checker ------------------------------------------------------------------ */

static void check_link(const cte_t *from, const cte_t *to, const char *which)
{
    cr_assert(in_arena(to, sizeof(cte_t)), "CDT: %s link of slot %p is %p, outside the arena",
              which, (const void *)from, (const void *)to);
    cr_assert_eq((uintptr_t)to % sizeof(cte_t), 0, "CDT: %s link of slot %p is %p, not a slot",
                 which, (const void *)from, (const void *)to);
}

static const cte_t *cdt_head(const cte_t *member)
{
    const cte_t *head = member;
    unsigned steps = 0;
    while (mdb_prev(head)) {
        const cte_t *p = mdb_prev(head);
        check_link(head, p, "prev");
        cr_assert_eq(mdb_next(p), head, "CDT: slot %p has prev %p whose next is %p",
                     (const void *)head, (const void *)p, (const void *)mdb_next(p));
        head = p;
        cr_assert_lt(++steps, CDT_WALK_LIMIT, "CDT: prev links loop");
    }
    return head;
}

unsigned check_cdt(const cte_t *member)
{
    cr_assert(!cap_is_null(member->cap), "check_cdt of an empty slot %p", (const void *)member);
    const cte_t *head = cdt_head(member);
    unsigned count = 0;
    bool seen = false;
    for (const cte_t *n = head; n; n = mdb_next(n)) {
        cr_assert_lt(++count, CDT_WALK_LIMIT, "CDT: next links loop");
        cr_assert(!cap_is_null(n->cap), "CDT: empty slot %p is linked in", (const void *)n);
        cr_assert_eq(n->next & MDB_FLAGS & ~(MDB_REVOCABLE | MDB_FIRST_BADGED), 0,
                     "CDT: slot %p has stray flag bits 0x%x", (const void *)n, n->next & MDB_FLAGS);
        seen = seen || n == member;
        const cte_t *next = mdb_next(n);
        if (next) {
            check_link(n, next, "next");
            cr_assert_eq(mdb_prev(next), n, "CDT: slot %p has next %p whose prev is %p",
                         (const void *)n, (const void *)next, (const void *)mdb_prev(next));
        }
    }
    cr_assert(seen, "CDT: slot %p not reachable from its head", (const void *)member);
    return count;
}

void check_cdt_order(cte_t *const *order, unsigned n)
{
    unsigned count = check_cdt(order[0]);
    cr_assert_null(mdb_prev(order[0]), "CDT: %p is not the head of its list", (void *)order[0]);
    const cte_t *s = order[0];
    for (unsigned i = 0; i < n; i++, s = mdb_next(s))
        cr_assert_eq(s, order[i], "CDT position %u: expected slot %p, found %p", i,
                     (void *)order[i], (const void *)s);
    cr_assert_eq(count, n, "CDT has %u slots, expected %u", count, n);
}

void check_empty(const cte_t *slot)
{
    cr_assert(cap_is_null(slot->cap), "slot %p should be empty", (const void *)slot);
    cr_assert_eq(slot->prev, 0, "empty slot %p keeps prev 0x%x", (const void *)slot, slot->prev);
    cr_assert_eq(slot->next, 0, "empty slot %p keeps next 0x%x", (const void *)slot, slot->next);
}
