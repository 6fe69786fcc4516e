/*
 * tests/fuzz/main.c - the syscall fuzzer's root task. It never makes a random call on
 * a cap of its own: each epoch it builds a sandbox (a CNode full of objects of every
 * type, retyped from one untyped), starts worker threads whose only CSpace is that
 * CNode (two in its own address space, two in address spaces of their own), watches
 * them, restarts stalled ones, and after cfg.epoch_calls calls revokes the untyped,
 * which destroys everything the workers could reach, and checks its own caps.
 * Prints "fuzz: seed S, N calls, E passed, F failed" (E, F: epochs whose checks
 * passed or failed). Partners: fuzz.h, worker.c, tools/fuzz.sh, docs/fuzzing.md.
 */
#include <numbat/runtime.h>

#include "fuzz.h"

/* Patched in the image file by tools/fuzz-config.py; read once at start. */
volatile fuzz_config_t fuzz_config = {
    FUZZ_MAGIC, 1, 100000, 0xFFFFFFFFu, 2000, 0, {{0, 0}},
};
fuzz_config_t cfg;
seL4_Word populated[MAX_POPULATED];
seL4_Word n_populated;
seL4_Word kind_slots[N_KINDS][MAX_OF_KIND];
seL4_Word n_of_kind[N_KINDS];
seL4_Word receivable[MAX_RECEIVABLE];
seL4_Word n_receivable;

#define ROOT_CNODE seL4_CapInitThreadCNode
#define ROOT_DEPTH 32
#define PRIO 100
#define STALL_TURNS 4         /* root turns without progress before a restart */
#define DEAD_TURNS 2000       /* turns without any progress: end the epoch */
#define PROGRESS_EVERY 1000u  /* calls between progress lines */
#define PAGE 0x1000u
#define SECTION 0x100000u

static seL4_BootInfo *bi;
static seL4_CPtr untyped, device_untyped;
static unsigned untyped_bits;
static seL4_CPtr slot_first, slot_next, slot_end;
static unsigned epoch_failures;

/* ---- small helpers --------------------------------------------------------------- */

static void fail(const char *what, seL4_Word err)
{
    printf("fuzz: FAIL %s (error %u)\n", what, err);
    epoch_failures++;
}

static seL4_CPtr slot_alloc(void)
{
    if (slot_next >= slot_end) {
        fail("out of root slots", 0);
        return 0;
    }
    return slot_next++;
}

/* One object from the epoch's untyped into a fresh root slot; 0 on failure. */
static seL4_CPtr retype(seL4_Word type, seL4_Word bits)
{
    seL4_CPtr s = slot_alloc();
    if (!s)
        return 0;
    seL4_Error err = seL4_Untyped_Retype(untyped, type, bits, ROOT_CNODE, 0, 0, s, 1);
    if (err != seL4_NoError) {
        fail("setup retype", err);
        return 0;
    }
    return s;
}

static seL4_CPtr copy(seL4_CPtr src, seL4_CapRights_t rights)
{
    seL4_CPtr s = slot_alloc();
    if (!s)
        return 0;
    seL4_Error err = seL4_CNode_Copy(ROOT_CNODE, s, ROOT_DEPTH, ROOT_CNODE, src, ROOT_DEPTH, rights);
    if (err != seL4_NoError) {
        fail("setup copy", err);
        return 0;
    }
    return s;
}

static void check(seL4_Error err, const char *what)
{
    if (err != seL4_NoError)
        fail(what, err);
}

/* ---- the sandbox ------------------------------------------------------------------- */

static seL4_CPtr sandbox;          /* the CNode (guard 0): for the root's own use, depth 8 */
static seL4_Word sandbox_data;     /* the guard workers see it with: cptr = slot index */
static seL4_Word sandbox_next;     /* next free sandbox slot */
static seL4_Word fault_ep_slot;    /* an endpoint in the sandbox: outer workers' fault handler */

static seL4_Word sandbox_slot(enum cap_kind kind)
{
    seL4_Word j = sandbox_next < SANDBOX_SLOTS ? sandbox_next++ : SANDBOX_SLOTS - 1;
    if (n_populated < MAX_POPULATED)
        populated[n_populated++] = j;
    if (n_of_kind[kind] < MAX_OF_KIND)
        kind_slots[kind][n_of_kind[kind]++] = j;
    return j;
}

static enum cap_kind kind_of_type(seL4_Word type)
{
    switch (type) {
    case seL4_UntypedObject: return K_UNTYPED;
    case seL4_TCBObject: return K_TCB;
    case seL4_NotificationObject: return K_NTFN;
    case seL4_CapTableObject: return K_CNODE;
    case seL4_ARM_SmallPageObject: case seL4_ARM_LargePageObject: case seL4_ARM_SectionObject:
        return K_FRAME;
    default: return K_OTHER;
    }
}

/* Moves a root-slot cap into the next sandbox slot; returns that slot. */
static seL4_Word give(seL4_CPtr s, enum cap_kind kind)
{
    seL4_Word j = sandbox_slot(kind);
    check(seL4_CNode_Move(sandbox, j, SANDBOX_RADIX, ROOT_CNODE, s, ROOT_DEPTH), "setup move");
    return j;
}

/* Copies a root-slot cap into the next sandbox slot (the root keeps its own). */
static seL4_Word give_copy(seL4_CPtr s, seL4_CapRights_t rights, enum cap_kind kind)
{
    seL4_Word j = sandbox_slot(kind);
    check(seL4_CNode_Copy(sandbox, j, SANDBOX_RADIX, ROOT_CNODE, s, ROOT_DEPTH, rights), "setup copy");
    return j;
}

/* n objects retyped straight into the sandbox: the workers hold their only caps. */
static seL4_Word sandbox_objects(seL4_Word type, seL4_Word bits, seL4_Word n)
{
    seL4_Word j = sandbox_next;
    if (j + n > SANDBOX_SLOTS)
        return 0;
    check(seL4_Untyped_Retype(untyped, type, bits, ROOT_CNODE, sandbox, ROOT_DEPTH, j, n),
          "setup sandbox retype");
    for (seL4_Word i = 0; i < n; i++)
        sandbox_slot(kind_of_type(type));
    return j;
}

/* Fills the sandbox with objects of every type, some of them mapped or assigned. */
static void fill_sandbox(seL4_CPtr pd_for_sandbox)
{
    static const unsigned untyped_sizes[] = {20, 16, 14, 12, 12, 12, 10, 5};
    /* First: the sandbox itself, as workers address it (K_CNODE's first slot). */
    seL4_Word j = sandbox_slot(K_CNODE);
    check(seL4_CNode_Mint(sandbox, j, SANDBOX_RADIX, ROOT_CNODE, sandbox, ROOT_DEPTH, seL4_AllRights,
                          sandbox_data), "setup mint");
    for (unsigned i = 0; i < sizeof(untyped_sizes) / sizeof(untyped_sizes[0]); i++)
        sandbox_objects(seL4_UntypedObject, untyped_sizes[i], 1);
    sandbox_objects(seL4_TCBObject, 0, 3);
    fault_ep_slot = sandbox_objects(seL4_EndpointObject, 0, 4);
    sandbox_objects(seL4_NotificationObject, 0, 3);
    for (seL4_Word j = fault_ep_slot; j < fault_ep_slot + 7 && n_receivable < MAX_RECEIVABLE; j++)
        receivable[n_receivable++] = j;
    sandbox_objects(seL4_CapTableObject, 2, 1);
    sandbox_objects(seL4_CapTableObject, 4, 1);
    sandbox_objects(seL4_ARM_PageDirectoryObject, 0, 1); /* unassigned */
    sandbox_objects(seL4_ARM_PageTableObject, 0, 2);
    sandbox_objects(seL4_ARM_SmallPageObject, 0, 3);
    sandbox_objects(seL4_ARM_LargePageObject, 0, 1);
    sandbox_objects(seL4_ARM_SectionObject, 0, 1);

    /* Badged copies of an endpoint and a notification. */
    j = sandbox_slot(K_OTHER);
    check(seL4_CNode_Mint(sandbox, j, SANDBOX_RADIX, sandbox, fault_ep_slot, SANDBOX_RADIX,
                          seL4_AllRights, 0x11), "setup mint");
    j = sandbox_slot(K_NTFN);
    check(seL4_CNode_Mint(sandbox, j, SANDBOX_RADIX, sandbox, fault_ep_slot + 4, SANDBOX_RADIX,
                          seL4_AllRights, 0x22), "setup mint");


    /* An assigned page directory with a page table and a frame mapped in it. */
    seL4_CPtr pd = retype(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pt = retype(seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = retype(seL4_ARM_SmallPageObject, 0);
    check(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd), "setup assign");
    check(seL4_ARM_PageTable_Map(pt, pd, FUZZ_VA_BASE, seL4_ARM_Default_VMAttributes), "setup pt map");
    check(seL4_ARM_Page_Map(frame, pd, FUZZ_VA_BASE, seL4_ReadWrite, seL4_ARM_Default_VMAttributes),
          "setup map");
    give(pd, K_PD);
    give(pt, K_OTHER);
    give(frame, K_FRAME);

    /* An ASID pool of its own, ASID control, the domain cap, a device untyped, two
     * image frames (read only) and the outer workers' page directory. */
    seL4_CPtr pool_ut = retype(seL4_UntypedObject, 12);
    seL4_CPtr pool = slot_alloc();
    check(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, pool_ut, ROOT_CNODE, pool, ROOT_DEPTH),
          "setup make pool");
    give(pool, K_OTHER);
    give_copy(seL4_CapASIDControl, seL4_AllRights, K_OTHER);
    give_copy(seL4_CapDomain, seL4_AllRights, K_OTHER);
    if (device_untyped)
        give_copy(device_untyped, seL4_AllRights, K_UNTYPED);
    give_copy(bi->userImageFrames.start, seL4_CanRead, K_FRAME);
    give_copy(bi->userImageFrames.end - 1, seL4_CanRead, K_FRAME);
    give_copy(pd_for_sandbox, seL4_AllRights, K_PD);
}

/* The root's own random calls: IRQ control is not copyable, so the root issues
 * handlers into the sandbox with random arguments (a few succeed each epoch). */
static void fuzz_irq_control(seL4_Word epoch)
{
    seL4_Uint64 s = fuzz_mix(((seL4_Uint64)cfg.seed << 32) ^ 0xFFFF0000u ^ epoch);
    for (unsigned i = 0; i < 4; i++) {
        s = fuzz_mix(s);
        seL4_Word irq = (seL4_Word)(s % 4 == 0 ? (s >> 8) % 1024 : 32 + (s >> 8) % 64);
        seL4_Word j = sandbox_next < SANDBOX_SLOTS ? sandbox_next : SANDBOX_SLOTS - 1;
        seL4_Error err = (s >> 40) % 2 ? seL4_IRQControl_Get(seL4_CapIRQControl, irq, sandbox, j, SANDBOX_RADIX)
                                       : seL4_IRQControl_GetTrigger(seL4_CapIRQControl, irq, (s >> 41) % 2,
                                                                    sandbox, j, SANDBOX_RADIX);
        if (err == seL4_NoError)
            sandbox_slot(K_OTHER);
    }
}

/* ---- workers ------------------------------------------------------------------------ */

typedef struct worker_caps {
    seL4_CPtr tcb, frame, vspace;
    seL4_Word base;        /* its frame as it sees it */
    fuzz_worker_t *ctx;    /* its context as the root sees it */
    seL4_Word last_done, stalled;
} worker_caps_t;

static worker_caps_t workers[N_WORKERS];

/* An address space for outer workers: the image read-only, the worker's frame and
 * the counter read-write. */
static seL4_CPtr outer_vspace(seL4_CPtr frame, seL4_CPtr counter)
{
    seL4_CPtr pd = retype(seL4_ARM_PageDirectoryObject, 0);
    check(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd), "outer assign");
    seL4_Word start = (seL4_Word)bi->ipcBuffer - (bi->userImageFrames.end - bi->userImageFrames.start) * PAGE;
    for (seL4_Word mb = start & ~(SECTION - 1); mb < (seL4_Word)bi->ipcBuffer; mb += SECTION)
        check(seL4_ARM_PageTable_Map(retype(seL4_ARM_PageTableObject, 0), pd, mb,
                                     seL4_ARM_Default_VMAttributes), "outer pt map");
    check(seL4_ARM_PageTable_Map(retype(seL4_ARM_PageTableObject, 0), pd, OUTER_PAGE_VA,
                                 seL4_ARM_Default_VMAttributes), "outer pt map");
    for (seL4_CPtr f = bi->userImageFrames.start; f < bi->userImageFrames.end; f++)
        check(seL4_ARM_Page_Map(copy(f, seL4_CanRead), pd, start + (f - bi->userImageFrames.start) * PAGE,
                                seL4_CanRead, seL4_ARM_Default_VMAttributes), "outer image map");
    check(seL4_ARM_Page_Map(copy(frame, seL4_AllRights), pd, OUTER_PAGE_VA, seL4_ReadWrite,
                            seL4_ARM_Default_VMAttributes), "outer frame map");
    check(seL4_ARM_Page_Map(copy(counter, seL4_AllRights), pd, OUTER_COUNTER_VA, seL4_ReadWrite,
                            seL4_ARM_Default_VMAttributes), "outer counter map");
    return pd;
}

/* Gives worker i its space, priority and registers, and resumes it. */
static void start_worker(unsigned i)
{
    worker_caps_t *w = &workers[i];
    int outer = i >= N_INNER;
    seL4_Word fault_ep = outer ? fault_ep_slot << OUTER_CPTR_SHIFT : 0;
    seL4_Word data = outer ? seL4_CNode_CapData_new(0, OUTER_GUARD_BITS).words[0] : sandbox_data;
    seL4_TCB_Suspend(w->tcb);
    check(seL4_TCB_Configure(w->tcb, fault_ep, sandbox, data, w->vspace, 0, w->base, w->frame),
          "worker configure");
    check(seL4_TCB_SetSchedParams(w->tcb, seL4_CapInitThreadTCB, PRIO, PRIO), "worker priority");
    seL4_UserContext regs;
    memset(&regs, 0, sizeof(regs));
    regs.pc = (seL4_Word)worker_main;
    regs.sp = w->base + WORKER_PAGE_SIZE;
    regs.r0 = w->base + CTX_OFFSET;
    check(seL4_TCB_WriteRegisters(w->tcb, seL4_True, 0, SEL4_USERCONTEXT_WORDS, &regs), "worker regs");
    w->stalled = 0;
}

/* The workers' frames (mapped in the root's window), the shared call counter, the
 * outer address spaces and the TCBs; outer workers' TCB and PD caps also go into the
 * sandbox, so the random calls reach them. Returns the first outer PD. */
static seL4_CPtr make_workers(void)
{
    check(seL4_ARM_PageTable_Map(retype(seL4_ARM_PageTableObject, 0), seL4_CapInitThreadVSpace,
                                 ROOT_WINDOW_VA, seL4_ARM_Default_VMAttributes), "window pt map");
    seL4_CPtr counter = retype(seL4_ARM_SmallPageObject, 0);
    check(seL4_ARM_Page_Map(counter, seL4_CapInitThreadVSpace, ROOT_COUNTER_VA, seL4_ReadWrite,
                            seL4_ARM_Default_VMAttributes), "counter map");
    seL4_CPtr first_outer_pd = 0;
    for (unsigned i = 0; i < N_WORKERS; i++) {
        worker_caps_t *w = &workers[i];
        int outer = i >= N_INNER;
        seL4_Word window = ROOT_WINDOW_VA + i * WORKER_PAGE_SIZE;
        w->frame = retype(seL4_ARM_LargePageObject, 0);
        check(seL4_ARM_Page_Map(w->frame, seL4_CapInitThreadVSpace, window, seL4_ReadWrite,
                                seL4_ARM_Default_VMAttributes), "worker frame map");
        w->vspace = outer ? outer_vspace(w->frame, counter) : seL4_CapInitThreadVSpace;
        if (outer && !first_outer_pd)
            first_outer_pd = w->vspace;
        w->base = outer ? OUTER_PAGE_VA : window;
        w->ctx = (fuzz_worker_t *)(window + CTX_OFFSET);
        w->ctx->id = i;
        w->ctx->outer = (seL4_Word)outer;
        w->ctx->base = w->base;
        w->ctx->counter = (volatile seL4_Word *)(outer ? OUTER_COUNTER_VA : ROOT_COUNTER_VA);
        w->ctx->done = 0;
        w->last_done = 0;
        w->tcb = retype(seL4_TCBObject, 0);
    }
    return first_outer_pd;
}

static volatile seL4_Word *const counter_word = (volatile seL4_Word *)ROOT_COUNTER_VA;

/* ---- an epoch ---------------------------------------------------------------------- */

static seL4_Word calls_made(void)
{
    seL4_Word c = *counter_word;
    return c < cfg.calls ? c : cfg.calls;
}

/* Runs the workers from call number `first` until the epoch's calls are taken, the
 * run's are, or nothing has moved for DEAD_TURNS turns. */
static void supervise(seL4_Word first, seL4_Word *next_progress)
{
    seL4_Word end = cfg.calls - first > cfg.epoch_calls ? first + cfg.epoch_calls : cfg.calls;
    unsigned quiet = 0;
    while (*counter_word < end && quiet < DEAD_TURNS) {
        seL4_Yield();
        int moved = 0;
        for (unsigned i = 0; i < N_WORKERS; i++) {
            worker_caps_t *w = &workers[i];
            seL4_Word done = w->ctx->done;
            if (done != w->last_done) {
                w->last_done = done;
                w->stalled = 0;
                moved = 1;
            } else if (++w->stalled > STALL_TURNS) {
                start_worker(i); /* blocked forever, faulted, suspended or starved */
            }
        }
        quiet = moved ? 0 : quiet + 1;
        if (calls_made() >= *next_progress) {
            printf("fuzz: %u calls\n", *next_progress);
            *next_progress += PROGRESS_EVERY;
        }
    }
}

/* Destroys everything the epoch made: every object from the untyped, then the
 * root's copies. On even epochs the workers are suspended first; on odd ones they
 * keep running, so when the revoke stops at a preemption point (a tick) that ends
 * the root's timeslice, they run on a half-destroyed sandbox: their CNode, TCBs,
 * frames and address spaces go while they use them. */
static void teardown(seL4_Word epoch)
{
    for (unsigned i = 0; i < N_WORKERS && epoch % 2 == 0; i++)
        if (workers[i].tcb)
            seL4_TCB_Suspend(workers[i].tcb);
    check(seL4_CNode_Revoke(ROOT_CNODE, untyped, ROOT_DEPTH), "revoke the epoch's untyped");
    if (device_untyped)
        check(seL4_CNode_Revoke(ROOT_CNODE, device_untyped, ROOT_DEPTH), "revoke the device untyped");
    for (seL4_CPtr s = slot_first; s < slot_next; s++)
        check(seL4_CNode_Delete(ROOT_CNODE, s, ROOT_DEPTH), "delete a root copy");
}

/* After the teardown: the root's own caps are what boot gave it, its slots are
 * empty again, and the untyped can be used again from its start. */
static void epoch_checks(void)
{
    static const struct { seL4_CPtr slot; seL4_Uint32 tag; } fixed[] = {
        {seL4_CapInitThreadTCB, 12}, {seL4_CapInitThreadCNode, 10}, {seL4_CapInitThreadVSpace, 9},
        {seL4_CapIRQControl, 0x0E}, {seL4_CapASIDControl, 11}, {seL4_CapInitThreadASIDPool, 5},
        {seL4_CapDomain, 0x3E},
    };
    for (unsigned i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
        if (seL4_DebugCapIdentify(fixed[i].slot) != fixed[i].tag)
            fail("a fixed root cap changed", fixed[i].slot);
    for (seL4_CPtr f = bi->userImageFrames.start; f < bi->userImageFrames.end; f++)
        if (seL4_DebugCapIdentify(f) != 1)
            fail("an image frame cap changed", f);
    if (seL4_DebugCapIdentify(untyped) != 2)
        fail("the untyped cap changed", untyped);
    for (seL4_CPtr s = slot_first; s < slot_next; s++)
        if (seL4_DebugCapIdentify(s) != 0)
            fail("a root slot is not empty after the teardown", s);
    /* Nothing is left of the epoch's objects: a retype of half the untyped works. */
    seL4_CPtr s = slot_first;
    seL4_Error err = seL4_Untyped_Retype(untyped, seL4_UntypedObject, untyped_bits - 1, ROOT_CNODE, 0, 0, s, 1);
    if (err != seL4_NoError)
        fail("the untyped is not free after its revoke", err);
    check(seL4_CNode_Revoke(ROOT_CNODE, untyped, ROOT_DEPTH), "revoke after the check");
}

/* What the kernel answered to the workers' seL4_Calls, over the whole run. */
static seL4_Word ok_by_label[nArchInvocationLabels];
static seL4_Word answers[seL4_NumErrors];

static void add_answers(void)
{
    for (unsigned i = 0; i < N_WORKERS; i++) {
        for (unsigned l = 0; l < nArchInvocationLabels; l++) {
            ok_by_label[l] += workers[i].ctx->ok[l];
            answers[seL4_NoError] += workers[i].ctx->ok[l];
        }
        for (unsigned e = 1; e < seL4_NumErrors; e++)
            answers[e] += workers[i].ctx->errors[e];
    }
}

static void print_answers(void)
{
    printf("fuzz: kernel answers to seL4_Call:");
    for (unsigned e = 0; e < seL4_NumErrors; e++)
        printf(" %u", answers[e]);
    printf(" (NoError .. NotEnoughMemory)\n");
    unsigned n = 0;
    for (unsigned l = 1; l < nArchInvocationLabels; l++)
        n += ok_by_label[l] != 0;
    printf("fuzz: %u of %u invocation labels succeeded at least once; never:", n,
           (unsigned)nArchInvocationLabels - 1);
    for (unsigned l = 1; l < nArchInvocationLabels; l++)
        if (!ok_by_label[l])
            printf(" %u", l);
    printf("\n");
}

/* One sandbox from call number `first`; returns the next call number. */
static seL4_Word run_epoch(seL4_Word epoch, seL4_Word first, seL4_Word *next_progress)
{
    slot_next = slot_first;
    n_populated = 0;
    n_receivable = 0;
    for (unsigned k = 0; k < N_KINDS; k++)
        n_of_kind[k] = 0;
    sandbox_next = 1;
    sandbox = retype(seL4_CapTableObject, SANDBOX_RADIX);
    sandbox_data = seL4_CNode_CapData_new(0, seL4_WordBits - SANDBOX_RADIX).words[0];
    seL4_CPtr outer_pd = make_workers();
    *counter_word = first;
    fill_sandbox(outer_pd);
    fuzz_irq_control(epoch);
    for (unsigned i = N_INNER; i < N_WORKERS; i++)
        give_copy(workers[i].tcb, seL4_AllRights, K_TCB);
    for (unsigned i = 0; i < N_WORKERS; i++)
        start_worker(i);
    supervise(first, next_progress);
    seL4_Word next = calls_made();
    add_answers();
    teardown(epoch);
    epoch_checks();
    return next;
}

/* The smallest RAM untyped of at least 2^23 bytes (else the largest), and the
 * smallest device untyped of at least a page. */
static int find_untypeds(void)
{
    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        seL4_CPtr s = bi->untyped.start + i;
        if (d->isDevice) {
            if (d->sizeBits >= 12 && (!device_untyped || d->sizeBits < bi->untypedList[device_untyped - bi->untyped.start].sizeBits))
                device_untyped = s;
            continue;
        }
        int better = !untyped || (d->sizeBits >= 23 ? untyped_bits < 23 || d->sizeBits < untyped_bits
                                                    : untyped_bits < 23 && d->sizeBits > untyped_bits);
        if (better) {
            untyped = s;
            untyped_bits = d->sizeBits;
        }
    }
    return untyped != 0 && untyped_bits >= 22;
}

int main(void)
{
    cfg = *(const fuzz_config_t *)&fuzz_config;
    bi = seL4_GetBootInfo();
    printf("fuzz: seed %u, %u calls, %u per epoch\n", cfg.seed, cfg.calls, cfg.epoch_calls);
    if (!find_untypeds()) {
        printf("fuzz: no untyped of 4 MiB or more\n0 passed, 1 failed\n");
        return 1;
    }
    slot_first = slot_next = bi->empty.start;
    slot_end = bi->empty.end;
    if (seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, PRIO) != seL4_NoError)
        printf("fuzz: could not set the root's priority\n");
    printf("fuzz: untyped 2^%u in slot %u, device untyped in slot %u, %u image frames\n", untyped_bits,
           untyped, device_untyped, bi->userImageFrames.end - bi->userImageFrames.start);

    unsigned passed = 0, failed = 0;
    seL4_Word next = 0, next_progress = PROGRESS_EVERY;
    for (seL4_Word epoch = 0; next < cfg.calls; epoch++) {
        epoch_failures = 0;
        seL4_Word first = next;
        next = run_epoch(epoch, first, &next_progress);
        if (next == first)
            fail("an epoch made no calls", epoch);
        if (epoch_failures) {
            printf("fuzz: epoch %u (calls %u..%u) failed its checks\n", epoch, first, next);
            failed++;
        } else {
            passed++;
        }
        if (next == first)
            break;
    }
    print_answers();
    printf("fuzz: seed %u, %u calls, %u passed, %u failed\n", cfg.seed, next, passed, failed);
    return failed ? 1 : 0;
}
