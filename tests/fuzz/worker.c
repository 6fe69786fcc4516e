/*
 * tests/fuzz/worker.c - what a fuzzing thread does: take the next call number, derive
 * every choice of that call from (seed, number), and make it: any system call number,
 * any invocation label (mostly with arguments shaped for the label), cptrs into the
 * sandbox or invalid ones, random message infos, extra caps and receive paths.
 * Workers may run in an address space where the image is read-only, so nothing here
 * writes a global: all state is on the stack or in the worker's own frame.
 * Partners: fuzz.h, main.c.
 */
#include "fuzz.h"

typedef struct rng {
    seL4_Uint64 s;
} rng_t;

static seL4_Word next(rng_t *r)
{
    r->s = fuzz_mix(r->s);
    return (seL4_Word)(r->s >> 32);
}

/* A number in [0, n). */
static seL4_Word below(rng_t *r, seL4_Word n)
{
    return n ? next(r) % n : 0;
}

/* True with probability num/den. */
static int chance(rng_t *r, seL4_Word num, seL4_Word den)
{
    return below(r, den) < num;
}

/* ---- argument values --------------------------------------------------------------- */

static const seL4_Word interesting[] = {
    0,          1,          2,          3,          4,          5,          7,
    8,          12,         16,         20,         24,         28,         29,
    31,         32,         33,         64,         120,        121,        255,
    256,        0x1FF,      0x200,      0xFFF,      0x1000,     0x10000,    0x100000,
    0x7FFFFFFF, 0x80000000, 0xDFFFF000, 0xE0000000, 0xFFFFF000, 0xFFFFFFFE, 0xFFFFFFFF,
};
#define N_INTERESTING (sizeof(interesting) / sizeof(interesting[0]))

static seL4_Word any_word(rng_t *r)
{
    switch (below(r, 4)) {
    case 0: return next(r);
    case 1: return below(r, 64);
    default: return interesting[below(r, N_INTERESTING)];
    }
}

/* A slot index of the sandbox: a populated one, any one, or something invalid. */
static seL4_Word slot(rng_t *r)
{
    seL4_Word p = below(r, 20);
    if (p < 14 && n_populated)
        return populated[below(r, n_populated < MAX_POPULATED ? n_populated : MAX_POPULATED)];
    if (p < 17)
        return below(r, SANDBOX_SLOTS);
    if (p < 18)
        return 0;
    if (p < 19)
        return below(r, SANDBOX_SLOTS) | (1u << (SANDBOX_RADIX + below(r, 32 - SANDBOX_RADIX)));
    return next(r);
}

/* A cptr as a system call sees it (depth 32): the same choices as a slot. */
#define cptr(r) slot(r)

static seL4_Word depth(rng_t *r)
{
    switch (below(r, 10)) {
    case 0: case 1: case 2: case 3: case 4: return 32;
    case 5: case 6: return 1 + below(r, SANDBOX_RADIX);
    case 7: return 0;
    case 8: return below(r, 41);
    default: return any_word(r);
    }
}

static seL4_Word vaddr(rng_t *r)
{
    switch (below(r, 8)) {
    case 0: return any_word(r);
    case 1: return OUTER_PAGE_VA + below(r, 16) * 0x1000u; /* a worker's own frame */
    case 2: return 0x10000u + below(r, 64) * 0x1000u;      /* the image */
    case 3: return FUZZ_VA_BASE + below(r, FUZZ_VA_SPAN);  /* unaligned */
    default: {
        /* Aligned for one of the four frame sizes, inside the sandbox's range. */
        static const seL4_Word align[] = {0x1000u, 0x10000u, 0x100000u, 0x1000000u};
        seL4_Word a = align[below(r, 4)];
        return FUZZ_VA_BASE + (below(r, FUZZ_VA_SPAN) & ~(a - 1));
    }
    }
}

/* One message word of the given kind. */
enum arg {
    A_WORD, A_SLOT, A_DEPTH, A_TYPE, A_BITS, A_COUNT, A_RIGHTS, A_BADGE, A_VADDR, A_ATTR, A_PRIO,
    A_FLAGS, A_IRQ, A_NREGS, A_BUFFER, A_OFFSET, A_DATA,
};

static seL4_Word arg(rng_t *r, enum arg kind)
{
    if (chance(r, 1, 16))
        return any_word(r);
    switch (kind) {
    case A_SLOT: return slot(r);
    case A_DEPTH: return depth(r);
    case A_TYPE: return below(r, seL4_ObjectTypeCount + 2);
    case A_BITS: return chance(r, 1, 2) ? below(r, 12) : below(r, 33);
    case A_COUNT: return chance(r, 3, 4) ? 1 + below(r, 4) : below(r, 300);
    case A_RIGHTS: return below(r, 16);
    case A_BADGE: return chance(r, 1, 4) ? 0 : next(r);
    case A_VADDR: return vaddr(r);
    case A_ATTR: return below(r, 8);
    case A_PRIO: return chance(r, 3, 4) ? 90 + below(r, 20) : below(r, 300);
    case A_FLAGS: return below(r, 16);
    case A_IRQ: return below(r, 200);
    case A_NREGS: return below(r, 22);
    case A_BUFFER: return chance(r, 1, 4) ? 0 : OUTER_PAGE_VA + below(r, 128) * 0x200u;
    case A_OFFSET: return chance(r, 3, 4) ? below(r, 0x2000) & ~3u : any_word(r);
    case A_DATA: return chance(r, 1, 3) ? 0 : (below(r, 1u << 18) << 8) | (below(r, 32) << 3);
    case A_WORD: break;
    }
    return any_word(r);
}

/* ---- the shape of each invocation (spec §8), by label ------------------------------- */

#define MAX_ARGS 8
typedef struct shape {
    unsigned char n_args, n_caps;
    unsigned char args[MAX_ARGS];
    unsigned char caps[seL4_MsgMaxExtraCaps]; /* enum cap_kind of c0, c1, c2 */
} shape_t;

static const shape_t shapes[nArchInvocationLabels] = {
    [UntypedRetype] = {6, 1, {A_TYPE, A_BITS, A_SLOT, A_DEPTH, A_SLOT, A_COUNT}, {K_CNODE}},
    [TCBReadRegisters] = {2, 0, {A_FLAGS, A_NREGS}},
    [TCBWriteRegisters] = {2, 0, {A_FLAGS, A_NREGS}}, /* plus register words */
    [TCBCopyRegisters] = {1, 1, {A_FLAGS}, {K_TCB}},
    [TCBConfigure] = {4, 3, {A_SLOT, A_DATA, A_WORD, A_BUFFER}, {K_CNODE, K_PD, K_FRAME}},
    [TCBSetPriority] = {1, 1, {A_PRIO}, {K_TCB}},
    [TCBSetMCPriority] = {1, 1, {A_PRIO}, {K_TCB}},
    [TCBSetSchedParams] = {2, 1, {A_PRIO, A_PRIO}, {K_TCB}},
    [TCBSetIPCBuffer] = {1, 1, {A_BUFFER}, {K_FRAME}},
    [TCBSetSpace] = {3, 2, {A_SLOT, A_DATA, A_WORD}, {K_CNODE, K_PD}},
    [TCBSuspend] = {0, 0, {0}},
    [TCBResume] = {0, 0, {0}},
    [TCBBindNotification] = {0, 1, {0}, {K_NTFN}},
    [TCBUnbindNotification] = {0, 0, {0}},
    [TCBSetTLSBase] = {1, 0, {A_WORD}},
    [TCBSetFlags] = {2, 0, {A_WORD, A_WORD}},
    [CNodeRevoke] = {2, 0, {A_SLOT, A_DEPTH}},
    [CNodeDelete] = {2, 0, {A_SLOT, A_DEPTH}},
    [CNodeCancelBadgedSends] = {2, 0, {A_SLOT, A_DEPTH}},
    [CNodeCopy] = {5, 1, {A_SLOT, A_DEPTH, A_SLOT, A_DEPTH, A_RIGHTS}, {K_CNODE}},
    [CNodeMint] = {6, 1, {A_SLOT, A_DEPTH, A_SLOT, A_DEPTH, A_RIGHTS, A_BADGE}, {K_CNODE}},
    [CNodeMove] = {4, 1, {A_SLOT, A_DEPTH, A_SLOT, A_DEPTH}, {K_CNODE}},
    [CNodeMutate] = {5, 1, {A_SLOT, A_DEPTH, A_SLOT, A_DEPTH, A_DATA}, {K_CNODE}},
    [CNodeRotate] = {8, 2, {A_SLOT, A_DEPTH, A_BADGE, A_SLOT, A_DEPTH, A_BADGE, A_SLOT, A_DEPTH}, {K_CNODE, K_CNODE}},
    [CNodeSaveCaller] = {2, 0, {A_SLOT, A_DEPTH}},
    [IRQIssueIRQHandler] = {3, 1, {A_IRQ, A_SLOT, A_DEPTH}, {K_CNODE}},
    [IRQAckIRQ] = {0, 0, {0}},
    [IRQSetIRQHandler] = {0, 1, {0}, {K_NTFN}},
    [IRQClearIRQHandler] = {0, 0, {0}},
    [DomainSetSet] = {1, 1, {A_COUNT}, {K_TCB}},
    [DomainScheduleConfigure] = {2, 0, {A_WORD, A_WORD}},
    [DomainScheduleSetStart] = {1, 0, {A_WORD}},
    [ARMPDClean_Data] = {2, 0, {A_VADDR, A_VADDR}},
    [ARMPDInvalidate_Data] = {2, 0, {A_VADDR, A_VADDR}},
    [ARMPDCleanInvalidate_Data] = {2, 0, {A_VADDR, A_VADDR}},
    [ARMPDUnify_Instruction] = {2, 0, {A_VADDR, A_VADDR}},
    [ARMPageTableMap] = {2, 1, {A_VADDR, A_ATTR}, {K_PD}},
    [ARMPageTableUnmap] = {0, 0, {0}},
    [ARMPageMap] = {3, 1, {A_VADDR, A_RIGHTS, A_ATTR}, {K_PD}},
    [ARMPageUnmap] = {0, 0, {0}},
    [ARMPageClean_Data] = {2, 0, {A_OFFSET, A_OFFSET}},
    [ARMPageInvalidate_Data] = {2, 0, {A_OFFSET, A_OFFSET}},
    [ARMPageCleanInvalidate_Data] = {2, 0, {A_OFFSET, A_OFFSET}},
    [ARMPageUnify_Instruction] = {2, 0, {A_OFFSET, A_OFFSET}},
    [ARMPageGetAddress] = {0, 0, {0}},
    [ARMASIDControlMakePool] = {2, 2, {A_SLOT, A_DEPTH}, {K_UNTYPED, K_CNODE}},
    [ARMASIDPoolAssign] = {0, 1, {0}, {K_PD}},
    [ARMIRQIssueIRQHandlerTrigger] = {4, 1, {A_IRQ, A_WORD, A_SLOT, A_DEPTH}, {K_CNODE}},
    [ARMIRQIssueSGISignal] = {4, 1, {A_WORD, A_WORD, A_SLOT, A_DEPTH}, {K_CNODE}},
};

/*
 * A register value for WriteRegisters (seL4_UserContext order: pc, sp, cpsr, r0, ...):
 * half the time anything, else what starts a thread as a worker of an outer address
 * space - pc at worker_main, r0 at the context every outer worker's frame holds, and
 * a stack below the owner's - so idle sandbox TCBs given a space by Configure become
 * extra fuzzing threads whose only TCB cap is in the sandbox.
 */
static seL4_Word reg(rng_t *r, unsigned i)
{
    if (chance(r, 1, 2))
        return any_word(r);
    switch (i) {
    case 0: return (seL4_Word)worker_main;
    case 1: return OUTER_PAGE_VA + WORKER_PAGE_SIZE - (1 + below(r, 4)) * 0x3000u;
    case 2: return 0x10; /* user mode */
    case 3: return OUTER_PAGE_VA + CTX_OFFSET;
    default: return below(r, 256);
    }
}

/* ---- the call ------------------------------------------------------------------------ */

/* The system call with r0..r5 in and out; r6 carries the call number for traces. */
static void svc(seL4_Word number, seL4_Word *regs, seL4_Word tag)
{
    register seL4_Word r0 __asm__("r0") = regs[0];
    register seL4_Word r1 __asm__("r1") = regs[1];
    register seL4_Word r2 __asm__("r2") = regs[2];
    register seL4_Word r3 __asm__("r3") = regs[3];
    register seL4_Word r4 __asm__("r4") = regs[4];
    register seL4_Word r5 __asm__("r5") = regs[5];
    register seL4_Word r6 __asm__("r6") = tag;
    register seL4_Word r7 __asm__("r7") = number;
    __asm__ volatile("svc #0"
                     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5)
                     : "r"(r6), "r"(r7)
                     : "memory");
    regs[0] = r0;
    regs[1] = r1;
    regs[2] = r2;
    regs[3] = r3;
    regs[4] = r4;
    regs[5] = r5;
}

/* Which system call: mostly invocations, every number of spec 3.1 but DebugHalt
 * (which would end the run), and numbers no kernel knows (UnknownSyscall faults). */
static seL4_Word syscall_number(rng_t *r)
{
    seL4_Word p = below(r, 1000);
    if (p < 500) return (seL4_Word)seL4_SysCall;
    if (p < 570) return (seL4_Word)seL4_SysSend;
    if (p < 640) return (seL4_Word)seL4_SysNBSend;
    if (p < 690) return (seL4_Word)seL4_SysRecv;
    if (p < 770) return (seL4_Word)seL4_SysNBRecv;
    if (p < 810) return (seL4_Word)seL4_SysReply;
    if (p < 850) return (seL4_Word)seL4_SysReplyRecv;
    if (p < 900) return (seL4_Word)seL4_SysYield;
    if (p < 950) return (seL4_Word)seL4_SysDebugCapIdentify;
    if (p < 952) return (seL4_Word)seL4_SysDebugNameThread;
    if (p < 963) return (seL4_Word)seL4_SysDebugPutChar;
    if (p < 995) return (seL4_Word)-15 - below(r, 21); /* unknown here: -15..-35 */
    if (p < 999) return below(r, 3) == 0 ? 0 : next(r) | 0x80000000u;
    /* The printing calls, rarely: their output would drown the log. */
    if (below(r, 16) == 0)
        return below(r, 8) == 0 ? (seL4_Word)seL4_SysDebugSnapshot : (seL4_Word)seL4_SysDebugDumpScheduler;
    return (seL4_Word)seL4_SysDebugCapIdentify;
}

/* A label for a cap of DebugCapIdentify tag `tag`: one of its type's methods. */
static seL4_Word label_for(rng_t *r, seL4_Word tag)
{
    switch (tag) {
    case 2: return UntypedRetype;
    case 12: return TCBReadRegisters + below(r, TCBSetFlags - TCBReadRegisters + 1);
    case 10: return CNodeRevoke + below(r, CNodeSaveCaller - CNodeRevoke + 1);
    case 0x0E: return below(r, 2) ? IRQIssueIRQHandler : ARMIRQIssueIRQHandlerTrigger;
    case 0x1E: return IRQAckIRQ + below(r, 3);
    case 0x3E: return DomainSetSet;
    case 9: return ARMPDClean_Data + below(r, 4);
    case 7: return ARMPageTableMap + below(r, 2);
    case 1: case 3: return ARMPageMap + below(r, ARMPageGetAddress - ARMPageMap + 1);
    case 11: return ARMASIDControlMakePool;
    case 5: return ARMASIDPoolAssign;
    default: return below(r, nArchInvocationLabels);
    }
}

/* The message: a label (for a cap of `tag` mostly, any other time), words
 * shaped for it mostly, extra caps. */
static void fill_message(rng_t *r, seL4_Word *regs, seL4_IPCBuffer *buf, seL4_Word tag)
{
    seL4_Word label = chance(r, 3, 4) ? label_for(r, tag) : chance(r, 7, 8) ? below(r, nArchInvocationLabels) : next(r);
    const shape_t *shape = label < nArchInvocationLabels ? &shapes[label] : &shapes[0];
    int shaped = chance(r, 7, 8);
    seL4_Word words[seL4_MsgMaxLength];
    seL4_Word n_words = shape->n_args;
    for (unsigned i = 0; i < shape->n_args; i++)
        words[i] = arg(r, (enum arg)shape->args[i]);
    if (label == TCBWriteRegisters) {
        for (unsigned i = 0; i < SEL4_USERCONTEXT_WORDS; i++)
            words[2 + i] = reg(r, i);
        n_words = 2 + SEL4_USERCONTEXT_WORDS;
    }
    seL4_Word n_caps = shape->n_caps;
    if (!shaped) {
        /* Any length (the kernel clamps above 120), any extra caps. */
        n_words = chance(r, 1, 2) ? below(r, 8) : below(r, 128);
        for (unsigned i = shape->n_args; i < n_words && i < seL4_MsgMaxLength; i++)
            words[i] = any_word(r);
        n_caps = below(r, 4);
    } else if (chance(r, 1, 8) && n_words > 0) {
        n_words--; /* one word short: TruncatedMessage */
    }
    regs[1] = seL4_MessageInfo_new(label, below(r, 8) == 0 ? below(r, 8) : 0, n_caps, n_words).words[0];
    for (unsigned i = 0; i < n_words && i < seL4_MsgMaxLength; i++) {
        if (i < seL4_FastMessageRegisters)
            regs[2 + i] = words[i];
        buf->msg[i] = words[i];
    }
    /* Cap arguments: any cptr, or (mostly) a slot the root filled with a cap of
     * the kind the method wants there. */
    for (unsigned i = 0; i < seL4_MsgMaxExtraCaps; i++) {
        enum cap_kind kind = (enum cap_kind)shape->caps[i];
        seL4_Word n = n_of_kind[kind] < MAX_OF_KIND ? n_of_kind[kind] : MAX_OF_KIND;
        buf->caps_or_badges[i] = i < shape->n_caps && n && chance(r, 3, 4)
                                     ? kind_slots[kind][chance(r, 1, 2) ? 0 : below(r, n)]
                                     : cptr(r);
    }
}

/* Where received caps go: usually the sandbox itself at a random slot. */
static void fill_receive_path(rng_t *r, seL4_IPCBuffer *buf)
{
    buf->receiveCNode = chance(r, 3, 4) ? 0 : cptr(r);
    buf->receiveIndex = slot(r);
    buf->receiveDepth = depth(r);
}

/* An outer worker's cptr for what the generator chose as a slot number (spec 5.3;
 * fuzz.h): shifted, and sometimes with low bits that reach into a CNode there. */
static seL4_Word widen(rng_t *r, const fuzz_worker_t *w, seL4_Word c)
{
    if (!w->outer || c >= SANDBOX_SLOTS)
        return c;
    return (c << OUTER_CPTR_SHIFT) | (chance(r, 1, 4) ? below(r, 1u << OUTER_CPTR_SHIFT) : 0);
}

/* Makes call number k. */
static void fuzz_call(fuzz_worker_t *w, seL4_Word k)
{
    rng_t r = {fuzz_mix(((seL4_Uint64)cfg.seed << 32) ^ k)};
    seL4_IPCBuffer *buf = (seL4_IPCBuffer *)w->base;
    seL4_Word regs[6] = {0, 0, 0, 0, 0, 0};
    seL4_Word number = syscall_number(&r);
    regs[0] = cptr(&r);
    if (chance(&r, 1, 4)) {
        /* A cap of a kind picked first: CNodes and TCBs are few among the slots. */
        enum cap_kind kind = (enum cap_kind)below(&r, N_KINDS);
        seL4_Word n = n_of_kind[kind] < MAX_OF_KIND ? n_of_kind[kind] : MAX_OF_KIND;
        if (n)
            regs[0] = kind_slots[kind][below(&r, n)];
    }
    regs[0] = widen(&r, w, regs[0]);
    /* Mostly the label fits the cap's type, so invocations get past the
     * first check (the type is asked first: not a fuzzed call). */
    seL4_Word tag = chance(&r, 3, 4) ? seL4_DebugCapIdentify(regs[0]) : 0;
    fill_message(&r, regs, buf, tag);
    fill_receive_path(&r, buf);
    for (unsigned i = 0; i < seL4_MsgMaxExtraCaps; i++)
        buf->caps_or_badges[i] = widen(&r, w, buf->caps_or_badges[i]);
    buf->receiveCNode = widen(&r, w, buf->receiveCNode);
    if (!w->outer) {
        /* A fault would stop a worker in the root's address space (it has no fault
         * handler: a handler's reply could point it anywhere in the root's memory),
         * so these receive on an endpoint or notification the root made, use valid
         * cptrs and make no unknown system calls; the outer workers do all of that. */
        seL4_Word n = number;
        if (n == (seL4_Word)seL4_SysRecv || n == (seL4_Word)seL4_SysNBRecv || n == (seL4_Word)seL4_SysReplyRecv)
            regs[0] = n_receivable ? receivable[below(&r, n_receivable)] : 0;
        else
            regs[0] %= SANDBOX_SLOTS;
        for (unsigned i = 0; i < seL4_MsgMaxExtraCaps; i++)
            buf->caps_or_badges[i] %= SANDBOX_SLOTS;
        if ((seL4_Int32)n < (seL4_Int32)seL4_SysDebugNameThread || (seL4_Int32)n >= 0)
            number = (seL4_Word)seL4_SysYield;
    }
    switch ((seL4_Syscall_ID)number) {
    case seL4_SysDebugPutChar:
        regs[0] = '!' + below(&r, 90); /* printable, never a newline */
        break;
    case seL4_SysDebugNameThread: {
        /* A short name, or (rarely) one with no terminator in the buffer. */
        char *name = (char *)buf->msg;
        unsigned len = chance(&r, 1, 16) ? sizeof(buf->msg) : 1 + below(&r, 12);
        for (unsigned i = 0; i < len; i++)
            name[i] = (char)('a' + below(&r, 26));
        if (len < sizeof(buf->msg))
            name[len] = '\0';
        break;
    }
    default:
        break;
    }
    seL4_Word label = seL4_MessageInfo_get_label((seL4_MessageInfo_t){{regs[1]}});
    seL4_Word cap = regs[0];
    svc(number, regs, k);
    if (number == (seL4_Word)seL4_SysCall) {
        /* Only replies from the kernel have an seL4_Error label of length <= 3
         * words and no caps; a partner thread's reply may look the same, rarely. */
        seL4_Word err = seL4_MessageInfo_get_label((seL4_MessageInfo_t){{regs[1]}});
        if (err == 0 && label < nArchInvocationLabels) {
            /* Not an answer from an endpoint's receiver or to a reply cap (racy:
             * another worker may have changed the slot since; rare). */
            tag = seL4_DebugCapIdentify(cap);
            if (tag != 0 && tag != 4 && tag != 6 && tag != 8)
                w->ok[label]++;
        }
        else if (err < seL4_NumErrors)
            w->errors[err]++;
    }
}

/* ---- the loop ---------------------------------------------------------------------- */

static void put_string(const char *s)
{
    for (; *s; s++)
        seL4_DebugPutChar(*s);
}

static void put_decimal(seL4_Word v)
{
    char digits[12];
    unsigned n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        seL4_DebugPutChar(digits[--n]);
}

static int skipped(seL4_Word k)
{
    for (seL4_Word i = 0; i < cfg.n_skips && i < FUZZ_MAX_SKIPS; i++)
        if (k >= cfg.skips[i][0] && k < cfg.skips[i][1])
            return 1;
    return 0;
}

void worker_main(fuzz_worker_t *w)
{
    for (;;) {
        seL4_Word k = __atomic_fetch_add(w->counter, 1, __ATOMIC_RELAXED);
        if (k >= cfg.calls) {
            /* Every call number is taken: wait for the root to end the run. */
            for (;;)
                seL4_Yield();
        }
        w->last = k;
        if (!skipped(k)) {
            if (k >= cfg.verbose_from) {
                put_string("fuzz: call ");
                put_decimal(k);
                put_string(" by worker ");
                put_decimal(w->id);
                put_string("\n");
            }
            fuzz_call(w, k);
        }
        w->done++;
    }
}
