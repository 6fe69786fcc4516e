/*
 * tests/sel4test/test_vspace.c - ARM virtual memory (spec 6, 8.7, 9, 11.3): page
 * directories, page tables and frames of every size retyped, assigned, mapped, remapped
 * with fewer rights or ExecuteNever, unmapped and deleted; what a thread can then reach
 * is checked by a "prober" thread whose faults the root handles (an access that faults
 * is skipped, so one prober serves a whole test). Also: two address spaces, a user-level
 * pager paging in 1,000 pages, the root moving one of its own image frames, ASID pools
 * (MakePool, Assign, running out of pools and of ASIDs) and every error of spec 8.7.
 * Partners: helpers.h, main.c.
 */
#include "helpers.h"

#define ROOT_PRIO 100
#define HIGH 150

#define PAGE 4096u
#define LARGE (1u << seL4_LargePageBits)
#define SECTION (1u << seL4_SectionBits)
#define SUPERSECTION (1u << seL4_SuperSectionBits)
#define RW seL4_ReadWrite
#define ATTR seL4_ARM_Default_VMAttributes

/*
 * Virtual addresses the tests map at, far above the root's image (from 0x10000) and
 * its IPC buffer and BootInfo pages (right after the image). Each test has its own
 * 4 MiB, so a mapping a kernel failed to remove shows up in that test only.
 */
#define VA(test) (0x40000000u + (test) * 0x00400000u)
#define VA_SUPERSECTION 0x48000000u /* 16 MiB aligned */
#define VA_PAGER 0x50000000u

/* ---- the prober: a thread that reads, writes or executes where it is told ---------- */

enum probe_kind { PROBE_READ, PROBE_WRITE, PROBE_EXEC };

/* A prober thread and what it did last; the root handles its faults. */
typedef struct prober {
    test_thread_t *t;
    seL4_CPtr cmd;      /* the prober waits here for a command */
    seL4_CPtr fault_ep; /* the root receives the prober's faults here */
    volatile seL4_Word result;
    volatile unsigned completed;
} prober_t;

/* What one probe found: a VM fault's MRs when it faulted, else the word read. */
typedef struct probe_outcome {
    int faulted;
    seL4_Word label, length, ip, addr, prefetch, fsr;
    seL4_Word value;
    int lost; /* the prober neither finished nor faulted: it is not running */
} probe_outcome_t;

#define PROBER_FAULT_BADGE 0x5A
#define N_PROBERS 2
static prober_t probers[N_PROBERS];

/* One instruction each, so a handler can skip a faulting access with pc += 4. */
static seL4_Word __attribute__((noinline)) load_word(seL4_Word addr)
{
    seL4_Word v;
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(addr) : "memory");
    return v;
}

static void __attribute__((noinline)) store_word(seL4_Word addr, seL4_Word v)
{
    __asm__ volatile("str %1, [%0]" : : "r"(addr), "r"(v) : "memory");
}

/* Calls the code at addr (which must end in `bx lr`); a faulting fetch is skipped by
 * resuming at lr. */
static seL4_Word __attribute__((noinline)) exec_at(seL4_Word addr)
{
    register seL4_Word r0 __asm__("r0") = 0;
    __asm__ volatile("blx %1" : "+r"(r0) : "r"(addr) : "r1", "r2", "r3", "r12", "lr", "memory", "cc");
    return r0;
}

static void body_prober(seL4_Word idx)
{
    prober_t *p = &probers[idx];
    for (;;) {
        seL4_Word badge = 0, kind = 0, addr = 0, value = 0, unused = 0;
        seL4_RecvWithMRs(p->cmd, &badge, &kind, &addr, &value, &unused);
        switch (kind) {
        case PROBE_READ: p->result = load_word(addr); break;
        case PROBE_WRITE: store_word(addr, value); break;
        case PROBE_EXEC: p->result = exec_at(addr); break;
        default: break;
        }
        p->completed++;
    }
}

/* Starts prober `idx` in address space `vspace` (at HIGH, so it runs as soon as it is
 * told something); the root must run below HIGH. 0 after recording a failure. */
static prober_t *prober_start(unsigned idx, seL4_CPtr vspace)
{
    prober_t *p = &probers[idx];
    p->completed = 0;
    p->result = 0;
    p->cmd = new_object(seL4_EndpointObject, 0);
    p->fault_ep = new_object(seL4_EndpointObject, 0);
    if (!p->cmd || !p->fault_ep)
        return NULL;
    seL4_CPtr fault_cap = mint_cap(p->fault_ep, seL4_AllRights, PROBER_FAULT_BADGE);
    p->t = thread_new(HIGH, body_prober, idx);
    if (!fault_cap || !p->t)
        return NULL;
    seL4_Error err = seL4_TCB_SetSpace(p->t->tcb, fault_cap, ROOT_CNODE, 0, vspace, 0);
    if (err != seL4_NoError) {
        test_fail(__FILE__, __LINE__, "setup: prober TCB_SetSpace gave %s", err_name(err));
        return NULL;
    }
    err = seL4_TCB_Resume(p->t->tcb);
    if (err != seL4_NoError) {
        test_fail(__FILE__, __LINE__, "setup: prober TCB_Resume gave %s", err_name(err));
        return NULL;
    }
    return p;
}

/* Has the prober do one access and reports what happened. A fault is answered by
 * skipping the access (pc + 4, or back to lr for an instruction fetch). */
static probe_outcome_t probe(prober_t *p, enum probe_kind kind, seL4_Word addr, seL4_Word value)
{
    probe_outcome_t o;
    o.faulted = 0;
    o.label = o.length = o.ip = o.addr = o.prefetch = o.fsr = 0;
    unsigned before = p->completed;
    seL4_Word m0 = kind, m1 = addr, m2 = value, m3 = 0;
    /* NBSend: a prober that is not waiting (a kernel that lost it) cannot hang the root. */
    seL4_NBSendWithMRs(p->cmd, seL4_MessageInfo_new(0, 0, 0, 3), &m0, &m1, &m2, &m3);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_NBRecv(p->fault_ep, &badge);
    if (badge == PROBER_FAULT_BADGE) {
        o.faulted = 1;
        o.label = seL4_MessageInfo_get_label(info);
        o.length = seL4_MessageInfo_get_length(info);
        o.ip = seL4_GetMR(seL4_VMFault_IP);
        o.addr = seL4_GetMR(seL4_VMFault_Addr);
        o.prefetch = seL4_GetMR(seL4_VMFault_PrefetchFault);
        o.fsr = seL4_GetMR(seL4_VMFault_FSR);
        seL4_UserContext regs;
        if (seL4_TCB_ReadRegisters(p->t->tcb, seL4_False, 0, SEL4_USERCONTEXT_WORDS, &regs) ==
            seL4_NoError) {
            regs.pc = kind == PROBE_EXEC ? regs.r14 : regs.pc + 4;
            seL4_TCB_WriteRegisters(p->t->tcb, seL4_False, 0, SEL4_USERCONTEXT_WORDS, &regs);
        }
        seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    }
    o.lost = p->completed == before;
    o.value = p->result;
    return o;
}

/* Expect the access to work; evaluates to the word read (or returned by the code). */
#define PROBE_OK(p, kind, addr, value) probe_ok_at((p), (kind), (addr), (value), __FILE__, __LINE__)
static seL4_Word probe_ok_at(prober_t *p, enum probe_kind kind, seL4_Word addr, seL4_Word value,
                             const char *file, int line)
{
    static const char *const what[] = {"reading", "writing", "executing"};
    probe_outcome_t o = probe(p, kind, addr, value);
    if (o.faulted)
        test_fail(file, line, "%s 0x%x faulted (label %u, addr 0x%x, prefetch %u, FSR 0x%x)",
                  what[kind], addr, o.label, o.addr, o.prefetch, o.fsr);
    else if (o.lost)
        test_fail(file, line, "%s 0x%x: the prober did not run", what[kind], addr);
    return o.value;
}

/* The fault status of a DFSR/IFSR (short descriptors: FS[4] is bit 10) and the DFSR's
 * write-not-read bit, from the ARM architecture; seL4 passes the register as it is. */
#define FSR_STATUS(fsr) (((fsr) & 0xFu) | (((fsr) >> 6) & 0x10u))
#define FSR_WNR (1u << 11)
#define FS_TRANSLATION_SECTION 0x05u
#define FS_TRANSLATION_PAGE 0x07u
#define FS_PERMISSION_SECTION 0x0Du
#define FS_PERMISSION_PAGE 0x0Fu
static int fs_is_translation(seL4_Word fsr)
{
    return FSR_STATUS(fsr) == FS_TRANSLATION_SECTION || FSR_STATUS(fsr) == FS_TRANSLATION_PAGE;
}
static int fs_is_permission(seL4_Word fsr)
{
    return FSR_STATUS(fsr) == FS_PERMISSION_SECTION || FSR_STATUS(fsr) == FS_PERMISSION_PAGE;
}

/* The last fault PROBE_FAULTS saw, for checks of its FSR. */
static probe_outcome_t last_fault;

/* Expect a VM fault at addr: data (prefetch 0) for reads and writes, instruction
 * fetch (prefetch 1) for execution; a data fault's FSR says whether it was a write. */
#define PROBE_FAULTS(p, kind, addr) probe_faults_at((p), (kind), (addr), __FILE__, __LINE__)
static void probe_faults_at(prober_t *p, enum probe_kind kind, seL4_Word addr, const char *file, int line)
{
    static const char *const what[] = {"reading", "writing", "executing"};
    probe_outcome_t o = probe(p, kind, addr, 0x0BADF00D);
    seL4_Word want_prefetch = kind == PROBE_EXEC ? seL4_InstructionFault : seL4_DataFault;
    if (!o.faulted)
        test_fail(file, line, "%s 0x%x did not fault%s", what[kind], addr,
                  o.lost ? " (the prober did not run)" : "");
    else if (o.label != seL4_Fault_VMFault)
        test_fail(file, line, "%s 0x%x: fault label %u, expected VMFault", what[kind], addr, o.label);
    else if (o.addr != addr)
        test_fail(file, line, "%s 0x%x: VMFault Addr is 0x%x", what[kind], addr, o.addr);
    else if (o.prefetch != want_prefetch)
        test_fail(file, line, "%s 0x%x: VMFault PrefetchFault is %u, expected %u", what[kind], addr,
                  o.prefetch, want_prefetch);
    else if (o.length != seL4_VMFault_Length)
        test_fail(file, line, "%s 0x%x: VMFault message of %u words", what[kind], addr, o.length);
    else if (kind != PROBE_EXEC && !(o.fsr & FSR_WNR) != (kind == PROBE_READ))
        test_fail(file, line, "%s 0x%x: FSR 0x%x has WnR %s", what[kind], addr, o.fsr,
                  (o.fsr & FSR_WNR) ? "set" : "clear");
    last_fault = o;
}

/* ---- objects and mappings -------------------------------------------------------- */

/* The smallest RAM untyped of at least 2^bits bytes other than the pool, revoked after
 * the test; 0 if there is none. */
static seL4_CPtr ram_untyped(unsigned bits)
{
    seL4_CPtr best = 0;
    unsigned best_bits = 0;
    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        seL4_CPtr slot = bi->untyped.start + i;
        if (!d->isDevice && slot != pool_untyped && d->sizeBits >= bits &&
            (!best || d->sizeBits < best_bits)) {
            best = slot;
            best_bits = d->sizeBits;
        }
    }
    if (best)
        revoke_after_test(best);
    return best;
}

static seL4_Word untyped_paddr(seL4_CPtr ut)
{
    return bi->untypedList[ut - bi->untyped.start].paddr;
}

/* One object retyped from `ut` into a fresh slot; 0 after recording a failure. */
#define object_from(ut, type, bits) object_from_at((ut), (type), (bits), __FILE__, __LINE__)
static seL4_CPtr object_from_at(seL4_CPtr ut, seL4_Word type, seL4_Word bits, const char *file, int line)
{
    seL4_CPtr slot = slot_alloc_range_at(1, file, line);
    if (!slot)
        return 0;
    seL4_Error err = retype_into(ut, type, bits, slot, 1);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: Retype of type %u gave %s", type, err_name(err));
        return 0;
    }
    return slot;
}

/* A new page table mapped in `pd` for the megabyte holding va; 0 after a failure. */
#define map_pt(pd, va) map_pt_at((pd), (va), __FILE__, __LINE__)
static seL4_CPtr map_pt_at(seL4_CPtr pd, seL4_Word va, const char *file, int line)
{
    seL4_CPtr pt = new_object_at(seL4_ARM_PageTableObject, 0, file, line);
    if (!pt)
        return 0;
    seL4_Error err = seL4_ARM_PageTable_Map(pt, pd, va, ATTR);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: PageTable_Map at 0x%x gave %s", va, err_name(err));
        return 0;
    }
    return pt;
}

/* A new frame of `type` from the pool mapped read-write at va; 0 after a failure. */
#define map_frame(type, pd, va) map_frame_at((type), (pd), (va), __FILE__, __LINE__)
static seL4_CPtr map_frame_at(seL4_Word type, seL4_CPtr pd, seL4_Word va, const char *file, int line)
{
    seL4_CPtr f = new_object_at(type, 0, file, line);
    if (!f)
        return 0;
    seL4_Error err = seL4_ARM_Page_Map(f, pd, va, RW, ATTR);
    if (err != seL4_NoError) {
        test_fail(file, line, "setup: Page_Map at 0x%x gave %s", va, err_name(err));
        return 0;
    }
    return f;
}

/* The root at ROOT_PRIO and a prober in its address space. */
static prober_t *setup_root_prober(void)
{
    if (set_root_priority(ROOT_PRIO) != seL4_NoError)
        return NULL;
    return prober_start(0, seL4_CapInitThreadVSpace);
}

/* ---- a second address space running the root's program --------------------------- */

static seL4_Word image_frames(void)
{
    return bi->userImageFrames.end - bi->userImageFrames.start;
}

/* The image's first page: the frames come in address order and end where the IPC
 * buffer page begins (spec 10). */
static seL4_Word image_start(void)
{
    return (seL4_Word)bi->ipcBuffer - image_frames() * PAGE;
}

/*
 * A new page directory, assigned from `asid_pool`, in which the root's program can run:
 * copies of the image frame caps and of the IPC buffer cap mapped at the root's
 * addresses (so threads there share the root's code, data and stacks). 0 after a failure.
 */
static seL4_CPtr vspace_with_image(seL4_CPtr asid_pool)
{
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    if (!pd)
        return 0;
    seL4_Error err = seL4_ARM_ASIDPool_Assign(asid_pool, pd);
    if (err != seL4_NoError) {
        test_fail(__FILE__, __LINE__, "setup: ASIDPool_Assign gave %s", err_name(err));
        return 0;
    }
    seL4_Word start = image_start(), end = (seL4_Word)bi->ipcBuffer + PAGE;
    for (seL4_Word mb = start & ~(SECTION - 1); mb < end; mb += SECTION)
        if (!map_pt(pd, mb))
            return 0;
    for (seL4_Word i = 0; i <= image_frames(); i++) {
        seL4_CPtr src = i < image_frames() ? bi->userImageFrames.start + i : seL4_CapInitThreadIPCBuffer;
        seL4_CPtr copy = copy_cap(src, seL4_AllRights);
        if (!copy)
            return 0;
        err = seL4_ARM_Page_Map(copy, pd, start + i * PAGE, RW, ATTR);
        if (err != seL4_NoError) {
            test_fail(__FILE__, __LINE__, "setup: mapping image page 0x%x in a new PD gave %s",
                      start + i * PAGE, err_name(err));
            return 0;
        }
    }
    return pd;
}

/* ---- retype and assign --------------------------------------------------------------- */

static void vspace_retype_makes_every_paging_object(void)
{
    static const struct {
        seL4_Word type;
        seL4_Uint32 tag;
        const char *name;
    } objs[] = {
        {seL4_ARM_PageDirectoryObject, CAP_PAGE_DIRECTORY, "PageDirectory"},
        {seL4_ARM_PageTableObject, CAP_PAGE_TABLE, "PageTable"},
        {seL4_ARM_SmallPageObject, CAP_SMALL_FRAME, "SmallPage"},
        {seL4_ARM_LargePageObject, CAP_FRAME, "LargePage"},
        {seL4_ARM_SectionObject, CAP_FRAME, "Section"},
        {seL4_ARM_SuperSectionObject, CAP_FRAME, "SuperSection"},
    };
    seL4_CPtr big = ram_untyped(seL4_SuperSectionBits);
    REQUIRE(big, "no RAM untyped of 16 MiB for a supersection");
    for (unsigned i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
        seL4_CPtr ut = objs[i].type == seL4_ARM_SuperSectionObject ? big : pool_untyped;
        seL4_CPtr slot = slot_alloc();
        REQUIRE(slot, "slots");
        seL4_Error err = retype_into(ut, objs[i].type, 0, slot, 1);
        CHECK(err == seL4_NoError, "Retype of a %s gave %s", objs[i].name, err_name(err));
        seL4_Uint32 tag = seL4_DebugCapIdentify(slot);
        CHECK(tag == objs[i].tag, "a new %s is identified as 0x%x, expected 0x%x", objs[i].name, tag,
              objs[i].tag);
    }
}

static void vspace_asid_pool_assigns_a_page_directory_once(void)
{
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(pd && pt && frame && ep, "setup");
    CHECK_OK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd));
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* The root's own page directory has its ASID from boot. */
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, seL4_CapInitThreadVSpace),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pt), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, frame), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, ep), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* An assigned page directory can be copied and used as a thread's VSpace. */
    seL4_CPtr copy = copy_cap(pd, seL4_AllRights);
    CHECK_CAP(copy, CAP_PAGE_DIRECTORY);
}

static void vspace_unassigned_page_directory_cannot_be_used(void)
{
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr dest = slot_alloc();
    REQUIRE(pd && pt && frame && tcb && dest, "setup");
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, pd, VA(0), ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_Page_Map(frame, pd, VA(0), RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* Spec 8.3: a thread's VSpace must be an assigned page directory. */
    CHECK_ERR(seL4_TCB_SetSpace(tcb, 0, ROOT_CNODE, 0, pd, 0), seL4_IllegalOperation);
    /* Spec 5.4: page directories and tables are copied only once assigned / mapped. */
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dest, ROOT_DEPTH, ROOT_CNODE, pd, ROOT_DEPTH, seL4_AllRights),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_CNode_Copy(ROOT_CNODE, dest, ROOT_DEPTH, ROOT_CNODE, pt, ROOT_DEPTH, seL4_AllRights),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_PageDirectory_Clean_Data(pd, 0, PAGE), seL4_InvalidCapability);
    CHECK_MR(0, 0);
}

/* ---- mapping in the root's own address space ---------------------------------------- */

static void vspace_small_page_is_written_and_read_then_remapped_read_only(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(1) + 3 * PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va);
    REQUIRE(f, "frame");
    PROBE_OK(p, PROBE_WRITE, va + 8, 0x12345678);
    CHECK(PROBE_OK(p, PROBE_READ, va + 8, 0) == 0x12345678, "read back 0x%x", p->result);
    CHECK(PROBE_OK(p, PROBE_READ, va + PAGE - 4, 0) == 0, "a new frame is zeroed (0x%x)", p->result);
    REQUIRE(!probe(p, PROBE_READ, va, 0).faulted, "the root's own access would fault");
    CHECK(((volatile seL4_Word *)va)[2] == 0x12345678, "the root reads 0x%x",
          ((volatile seL4_Word *)va)[2]);

    /* Same cap, same address, fewer rights: a remap, after which writes fault. */
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, seL4_CanRead, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, va + 8, 0) == 0x12345678, "read-only page reads 0x%x", p->result);
    PROBE_FAULTS(p, PROBE_WRITE, va + 8);
    CHECK(fs_is_permission(last_fault.fsr), "FSR 0x%x is not a permission fault", last_fault.fsr);
    PROBE_FAULTS(p, PROBE_WRITE, va + PAGE - 4);
    CHECK(PROBE_OK(p, PROBE_READ, va + 8, 0) == 0x12345678, "the faulting write changed the page");
    /* And back to read-write. */
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    PROBE_OK(p, PROBE_WRITE, va + 8, 0x55);
    CHECK(PROBE_OK(p, PROBE_READ, va + 8, 0) == 0x55, "read 0x%x after remapping read-write", p->result);
}

static void vspace_mapping_rights_are_the_cap_rights_and_the_requested_ones(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(2);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(f, "frame");
    /* A read-only cap maps read-only whatever is asked for. */
    seL4_CPtr ro = copy_cap(f, seL4_CanRead);
    REQUIRE(ro, "copy");
    REQUIRE_OK(seL4_ARM_Page_Map(ro, seL4_CapInitThreadVSpace, va, RW, ATTR));
    PROBE_OK(p, PROBE_READ, va, 0);
    PROBE_FAULTS(p, PROBE_WRITE, va);
    /* Without Read the page is not accessible at all (spec 8.7). */
    seL4_CPtr wo = copy_cap(f, seL4_AllRights);
    REQUIRE(wo, "copy");
    REQUIRE_OK(seL4_ARM_Page_Map(wo, seL4_CapInitThreadVSpace, va + PAGE, seL4_CanWrite, ATTR));
    PROBE_FAULTS(p, PROBE_READ, va + PAGE);
    PROBE_FAULTS(p, PROBE_WRITE, va + PAGE);
    /* Attributes change caching, not access: an uncached mapping reads and writes. */
    seL4_CPtr unc = copy_cap(f, seL4_AllRights);
    REQUIRE(unc, "copy");
    REQUIRE_OK(seL4_ARM_Page_Map(unc, seL4_CapInitThreadVSpace, va + 2 * PAGE, RW, 0));
    PROBE_OK(p, PROBE_WRITE, va + 2 * PAGE, 0x3C3C);
    CHECK(PROBE_OK(p, PROBE_READ, va, 0) == 0x3C3C, "the cached mapping reads 0x%x", p->result);
}

/* mov r0, #42; bx lr */
static const seL4_Word code_return_42[] = {0xE3A0002Au, 0xE12FFF1Eu};

static void vspace_execute_never_page_faults_on_instruction_fetch(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(3) + PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va);
    REQUIRE(f, "frame");
    for (unsigned i = 0; i < 2; i++)
        PROBE_OK(p, PROBE_WRITE, va + 4 * i, code_return_42[i]);
    CHECK_OK(seL4_ARM_Page_Unify_Instruction(f, 0, sizeof(code_return_42)));
    CHECK(PROBE_OK(p, PROBE_EXEC, va, 0) == 42, "the code returned %u", p->result);

    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW,
                               seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever));
    PROBE_FAULTS(p, PROBE_EXEC, va);
    CHECK(fs_is_permission(last_fault.fsr), "IFSR 0x%x is not a permission fault", last_fault.fsr);
    CHECK(last_fault.ip == va, "VMFault IP 0x%x for a fetch at 0x%x", last_fault.ip, va);
    CHECK(PROBE_OK(p, PROBE_READ, va, 0) == code_return_42[0], "data reads still work (0x%x)", p->result);
    /* Executable again once remapped without ExecuteNever. */
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_EXEC, va, 0) == 42, "the code returned %u after the remap", p->result);
}

static void vspace_unmap_removes_the_translation_and_the_frame_keeps_its_contents(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(4), va2 = VA(4) + 5 * PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va);
    REQUIRE(f, "frame");
    PROBE_OK(p, PROBE_WRITE, va + 0x10, 0xCAFE);
    /* Read first, so that a stale TLB entry would exist if the kernel forgot to flush. */
    PROBE_OK(p, PROBE_READ, va + 0x10, 0);
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    PROBE_FAULTS(p, PROBE_READ, va + 0x10);
    CHECK(fs_is_translation(last_fault.fsr), "FSR 0x%x is not a translation fault", last_fault.fsr);
    PROBE_FAULTS(p, PROBE_WRITE, va);
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    /* An unmapped cap maps anywhere; the frame kept what was written. */
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va2, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, va2 + 0x10, 0) == 0xCAFE, "read 0x%x at the new address", p->result);
    PROBE_FAULTS(p, PROBE_READ, va + 0x10);
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, va + 0x10, 0) == 0xCAFE, "read 0x%x at the old address", p->result);
}

/* ---- every frame size ----------------------------------------------------------------- */

/* Maps `f` (of `size` bytes) at va, touches its first and last word, unmaps it. */
static void touch_and_unmap(prober_t *p, seL4_CPtr f, seL4_Word va, seL4_Word size)
{
    PROBE_OK(p, PROBE_WRITE, va, 0xF1457);
    PROBE_OK(p, PROBE_WRITE, va + size - 4, 0x1A57);
    CHECK(PROBE_OK(p, PROBE_READ, va, 0) == 0xF1457, "first word 0x%x", p->result);
    CHECK(PROBE_OK(p, PROBE_READ, va + size - 4, 0) == 0x1A57, "last word 0x%x", p->result);
    CHECK(PROBE_OK(p, PROBE_READ, va + size / 2, 0) == 0, "middle word 0x%x", p->result);
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    PROBE_FAULTS(p, PROBE_READ, va);
    PROBE_FAULTS(p, PROBE_READ, va + size - 4);
}

static void vspace_large_page_fills_sixteen_page_table_entries(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(5) + LARGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_LargePageObject, seL4_CapInitThreadVSpace, va);
    seL4_CPtr small = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(f && small, "frames");
    /* Each of the 16 entries is taken: a small page fits in none of them. */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va, RW, ATTR), seL4_DeleteFirst);
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + LARGE - PAGE, RW, ATTR),
              seL4_DeleteFirst);
    /* Just outside it there is room. */
    CHECK_OK(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + LARGE, RW, ATTR));
    for (seL4_Word off = 0; off < LARGE; off += PAGE)
        PROBE_OK(p, PROBE_READ, va + off, 0);
    touch_and_unmap(p, f, va, LARGE);
    PROBE_OK(p, PROBE_READ, va + LARGE, 0);
}

static void vspace_section_maps_a_megabyte_without_a_page_table(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(6) + SECTION;
    seL4_CPtr f = map_frame(seL4_ARM_SectionObject, seL4_CapInitThreadVSpace, va);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr small = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(f && pt && small, "setup");
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR), seL4_DeleteFirst);
    /* A 4K page there finds a section where its page table would be. */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + PAGE, RW, ATTR),
              seL4_FailedLookup);
    touch_and_unmap(p, f, va, SECTION);
    /* Once the section is gone the page directory entry is free again. */
    CHECK_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR));
}

static void vspace_supersection_maps_sixteen_megabytes(void)
{
    prober_t *p = setup_root_prober();
    seL4_CPtr big = ram_untyped(seL4_SuperSectionBits);
    REQUIRE(p && big, "setup (a 16 MiB RAM untyped)");
    seL4_Word va = VA_SUPERSECTION;
    seL4_CPtr f = object_from(big, seL4_ARM_SuperSectionObject, 0);
    seL4_CPtr section = new_object(seL4_ARM_SectionObject, 0);
    REQUIRE(f && section, "frames");
    CHECK_ERR(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va + SECTION, RW, ATTR),
              seL4_AlignmentError);
    REQUIRE_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    /* All 16 page directory entries are taken. */
    CHECK_ERR(seL4_ARM_Page_Map(section, seL4_CapInitThreadVSpace, va + 15 * SECTION, RW, ATTR),
              seL4_DeleteFirst);
    for (seL4_Word off = 0; off < SUPERSECTION; off += SECTION)
        PROBE_OK(p, PROBE_READ, va + off, 0);
    touch_and_unmap(p, f, va, SUPERSECTION);
}

/* ---- one frame, several caps -------------------------------------------------------- */

static void vspace_copies_of_a_frame_cap_share_the_frame_each_mapped_once(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word a = VA(7), b = VA(7) + 7 * PAGE, c = VA(7) + 9 * PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, a), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, a);
    REQUIRE(f, "frame");
    seL4_CPtr f2 = copy_cap(f, seL4_AllRights);
    REQUIRE(f2, "copy");
    /* A copy of a mapped frame cap is an unmapped cap (spec 5.4). */
    CHECK_OK(seL4_ARM_Page_Map(f2, seL4_CapInitThreadVSpace, b, RW, ATTR));
    PROBE_OK(p, PROBE_WRITE, a + 0x40, 0xAB);
    CHECK(PROBE_OK(p, PROBE_READ, b + 0x40, 0) == 0xAB, "read 0x%x through the second mapping", p->result);
    PROBE_OK(p, PROBE_WRITE, b + 0x44, 0xCD);
    CHECK(PROBE_OK(p, PROBE_READ, a + 0x44, 0) == 0xCD, "read 0x%x through the first mapping", p->result);

    /* One cap, one mapping: another address is refused, so is another address space. */
    CHECK_ERR(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, c, RW, ATTR), seL4_InvalidArgument);
    CHECK_MR(0, 0);
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    REQUIRE(pd, "page directory");
    REQUIRE_OK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd));
    REQUIRE(map_pt(pd, a), "page table in the second PD");
    CHECK_ERR(seL4_ARM_Page_Map(f, pd, a, RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    PROBE_FAULTS(p, PROBE_READ, c);
    /* After Unmap the cap maps elsewhere; the other copy's mapping stays. */
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, c, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, c + 0x40, 0) == 0xAB, "read 0x%x at the third address", p->result);
    CHECK(PROBE_OK(p, PROBE_READ, b + 0x40, 0) == 0xAB, "the copy's mapping went (0x%x)", p->result);
    PROBE_FAULTS(p, PROBE_READ, a);
}

/* ---- two address spaces ----------------------------------------------------------------- */

static void vspace_second_address_space_sees_only_what_is_mapped_in_it(void)
{
    prober_t *root_p = setup_root_prober();
    REQUIRE(root_p, "setup");
    seL4_CPtr pd = vspace_with_image(seL4_CapInitThreadASIDPool);
    REQUIRE(pd, "second address space");
    prober_t *child = prober_start(1, pd);
    REQUIRE(child, "prober in the second address space");
    /* The child runs the root's code from its own page tables. */
    CHECK(PROBE_OK(child, PROBE_READ, (seL4_Word)&code_return_42[0], 0) == code_return_42[0],
          "the child reads 0x%x from the shared image", child->result);

    seL4_Word x = VA(8), y = VA(8) + 2 * PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, x), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, x);
    REQUIRE(f, "frame");
    PROBE_OK(root_p, PROBE_WRITE, x, 0x600D);
    PROBE_FAULTS(child, PROBE_READ, x);

    /* Given a copy of the cap, mapped in its own page directory, it sees the page. */
    seL4_CPtr f2 = copy_cap(f, seL4_AllRights);
    REQUIRE(f2 && map_pt(pd, x), "copy and page table");
    CHECK_OK(seL4_ARM_Page_Map(f2, pd, x, RW, ATTR));
    CHECK(PROBE_OK(child, PROBE_READ, x, 0) == 0x600D, "the child reads 0x%x", child->result);
    PROBE_OK(child, PROBE_WRITE, x + 4, 0xBEEF);
    CHECK(PROBE_OK(root_p, PROBE_READ, x + 4, 0) == 0xBEEF, "the root reads 0x%x", root_p->result);

    /* One address, two frames: each space reaches its own (ASIDs keep them apart). */
    seL4_CPtr g = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, y);
    seL4_CPtr h = map_frame(seL4_ARM_SmallPageObject, pd, y);
    REQUIRE(g && h, "frames at y");
    PROBE_OK(root_p, PROBE_WRITE, y, 1);
    PROBE_OK(child, PROBE_WRITE, y, 2);
    CHECK(PROBE_OK(root_p, PROBE_READ, y, 0) == 1, "the root reads %u at y", root_p->result);
    CHECK(PROBE_OK(child, PROBE_READ, y, 0) == 2, "the child reads %u at y", child->result);
    /* Unmapping in one space leaves the other alone. */
    CHECK_OK(seL4_ARM_Page_Unmap(f2));
    PROBE_FAULTS(child, PROBE_READ, x);
    CHECK(PROBE_OK(root_p, PROBE_READ, x, 0) == 0x600D, "the root's mapping went (0x%x)", root_p->result);
}

/* ---- a user-level pager ---------------------------------------------------------------- */

#define PAGER_PAGES 1000u
#define PAGER_DONE_LABEL 0x77
static seL4_CPtr pager_fault_cap;

/* Writes two words in each of n pages, then tells the pager it is done. */
static void body_touch_pages(seL4_Word n)
{
    for (seL4_Word i = 0; i < n; i++) {
        volatile seL4_Word *page = (volatile seL4_Word *)(VA_PAGER + i * PAGE);
        page[0] = 0xA5000000u + i;
        page[PAGE / 4 - 1] = ~i;
    }
    seL4_Word m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_SendWithMRs(pager_fault_cap, seL4_MessageInfo_new(PAGER_DONE_LABEL, 0, 0, 0), &m0, &m1, &m2, &m3);
}

static void vspace_pager_maps_a_thousand_pages_on_demand(void)
{
    REQUIRE_OK(set_root_priority(ROOT_PRIO));
    seL4_CPtr ut = ram_untyped(23);
    if (!ut)
        ut = pool_untyped;
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(ep, "endpoint");
    pager_fault_cap = mint_cap(ep, seL4_AllRights, 1);
    test_thread_t *t = thread_new(HIGH, body_touch_pages, PAGER_PAGES);
    REQUIRE(pager_fault_cap && t, "setup");
    REQUIRE_OK(seL4_TCB_SetSpace(t->tcb, pager_fault_cap, ROOT_CNODE, 0, seL4_CapInitThreadVSpace, 0));
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));

    seL4_Word faults = 0, badge = 0;
    static int have_pt[(PAGER_PAGES * PAGE + SECTION - 1) / SECTION];
    for (unsigned i = 0; i < sizeof(have_pt) / sizeof(have_pt[0]); i++)
        have_pt[i] = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge);
    for (;;) {
        seL4_Word label = seL4_MessageInfo_get_label(info);
        if (label == PAGER_DONE_LABEL)
            break;
        REQUIRE(label == seL4_Fault_VMFault, "message label %u from the paged thread", label);
        seL4_Word addr = seL4_GetMR(seL4_VMFault_Addr);
        REQUIRE(addr >= VA_PAGER && addr < VA_PAGER + PAGER_PAGES * PAGE, "fault at 0x%x", addr);
        REQUIRE(faults < PAGER_PAGES, "more faults than pages (at 0x%x)", addr);
        seL4_Word page = addr & ~(PAGE - 1), mb = (page - VA_PAGER) / SECTION;
        if (!have_pt[mb]) {
            seL4_CPtr pt = object_from(ut, seL4_ARM_PageTableObject, 0);
            REQUIRE(pt, "page table");
            REQUIRE_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, page, ATTR));
            have_pt[mb] = 1;
        }
        seL4_CPtr f = object_from(ut, seL4_ARM_SmallPageObject, 0);
        REQUIRE(f, "frame %u", faults);
        REQUIRE_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, page, RW, ATTR));
        faults++;
        info = seL4_ReplyRecv(ep, seL4_MessageInfo_new(0, 0, 0, 0), &badge);
    }
    CHECK(faults == PAGER_PAGES, "%u faults for %u pages", faults, PAGER_PAGES);
    unsigned bad = 0, first_bad = 0;
    for (seL4_Word i = 0; i < PAGER_PAGES; i++) {
        volatile seL4_Word *page = (volatile seL4_Word *)(VA_PAGER + i * PAGE);
        if (page[0] != 0xA5000000u + i || page[PAGE / 4 - 1] != ~i || page[PAGE / 8] != 0) {
            if (bad++ == 0)
                first_bad = i;
        }
    }
    CHECK(bad == 0, "%u pages hold the wrong words, the first is page %u", bad, first_bad);
}

/* ---- deletion and revocation ------------------------------------------------------------- */

static void vspace_deleting_a_mapped_frame_cap_removes_its_mapping_only(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word a = VA(9), b = VA(9) + PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, a), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, a);
    seL4_CPtr f2 = f ? copy_cap(f, seL4_AllRights) : 0;
    REQUIRE(f2, "frame and copy");
    REQUIRE_OK(seL4_ARM_Page_Map(f2, seL4_CapInitThreadVSpace, b, RW, ATTR));
    PROBE_OK(p, PROBE_WRITE, a, 0x77);
    /* Not the last cap to the frame, but the one holding the mapping at a. */
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, f, ROOT_DEPTH));
    PROBE_FAULTS(p, PROBE_READ, a);
    CHECK(PROBE_OK(p, PROBE_READ, b, 0) == 0x77, "the copy's mapping reads 0x%x", p->result);
    /* The last cap. */
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, f2, ROOT_DEPTH));
    PROBE_FAULTS(p, PROBE_READ, b);
}

static void vspace_revoking_the_untyped_removes_the_mappings_of_its_frames(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(10);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr ut = new_untyped(seL4_LargePageBits + 1);
    REQUIRE(ut, "untyped");
    seL4_CPtr small = object_from(ut, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = object_from(ut, seL4_ARM_LargePageObject, 0);
    REQUIRE(small && large, "frames");
    REQUIRE_OK(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va, RW, ATTR));
    REQUIRE_OK(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, va + LARGE, RW, ATTR));
    PROBE_OK(p, PROBE_READ, va, 0);
    PROBE_OK(p, PROBE_READ, va + 2 * LARGE - 4, 0);
    CHECK_OK(seL4_CNode_Revoke(ROOT_CNODE, ut, ROOT_DEPTH));
    CHECK_CAP(small, CAP_NULL);
    CHECK_CAP(large, CAP_NULL);
    PROBE_FAULTS(p, PROBE_READ, va);
    PROBE_FAULTS(p, PROBE_READ, va + LARGE);
    PROBE_FAULTS(p, PROBE_READ, va + 2 * LARGE - 4);
}

static void vspace_deleting_a_mapped_page_table_removes_its_pages(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(11);
    seL4_CPtr pt = map_pt(seL4_CapInitThreadVSpace, va);
    REQUIRE(pt, "page table");
    seL4_CPtr f1 = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va);
    seL4_CPtr f2 = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va + 0xFF000);
    REQUIRE(f1 && f2, "frames");
    PROBE_OK(p, PROBE_WRITE, va, 0x1111);
    PROBE_OK(p, PROBE_READ, va + 0xFF000, 0);
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, pt, ROOT_DEPTH));
    PROBE_FAULTS(p, PROBE_READ, va);
    PROBE_FAULTS(p, PROBE_READ, va + 0xFF000);
    /* The frames' caps survive; unmapping them now finds nothing to do. */
    CHECK_CAP(f1, CAP_SMALL_FRAME);
    CHECK_OK(seL4_ARM_Page_Unmap(f1));
    CHECK_OK(seL4_ARM_Page_Unmap(f2));
    /* A new table in the same place, and the frame (with its contents) maps again. */
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "second page table");
    CHECK_OK(seL4_ARM_Page_Map(f1, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, va, 0) == 0x1111, "read 0x%x", p->result);
    PROBE_FAULTS(p, PROBE_READ, va + 0xFF000);
}

static void vspace_unmapping_a_page_table_removes_its_pages(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(12);
    seL4_CPtr pt = map_pt(seL4_CapInitThreadVSpace, va);
    REQUIRE(pt, "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va + PAGE);
    REQUIRE(f, "frame");
    PROBE_OK(p, PROBE_READ, va + PAGE, 0);
    /* With a copy of the cap around, Unmap refuses (spec 8.7, 11.9). */
    seL4_CPtr copy = copy_cap(pt, seL4_AllRights);
    REQUIRE(copy, "a mapped page table can be copied");
    CHECK_ERR(seL4_ARM_PageTable_Unmap(pt), seL4_RevokeFirst);
    CHECK_ERR(seL4_ARM_PageTable_Unmap(copy), seL4_RevokeFirst);
    PROBE_OK(p, PROBE_READ, va + PAGE, 0);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, copy, ROOT_DEPTH));
    PROBE_OK(p, PROBE_READ, va + PAGE, 0);
    CHECK_OK(seL4_ARM_PageTable_Unmap(pt));
    PROBE_FAULTS(p, PROBE_READ, va + PAGE);
    CHECK_OK(seL4_ARM_PageTable_Unmap(pt));
    /* The unmapped table maps again, empty: the page it held is gone (spec 8.7). */
    CHECK_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR));
    PROBE_FAULTS(p, PROBE_READ, va + PAGE);
}

/* Two pools' worth would take 32 MiB: one new pool is filled instead. */
#define ASIDS_PER_POOL (1u << seL4_ASIDPoolIndexBits)

static void vspace_deleting_a_page_directory_frees_its_asid(void)
{
    seL4_CPtr big = ram_untyped(seL4_ASIDPoolIndexBits + seL4_PageDirBits);
    REQUIRE(big, "no RAM untyped of 16 MiB for 1024 page directories");
    seL4_CPtr pool_ut = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr pool = slot_alloc();
    seL4_CPtr pds = slot_alloc_range(ASIDS_PER_POOL);
    seL4_CPtr extra = new_object(seL4_ARM_PageDirectoryObject, 0);
    REQUIRE(pool_ut && pool && pds && extra, "setup");
    REQUIRE_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, pool_ut, ROOT_CNODE, pool, ROOT_DEPTH));
    for (seL4_Word i = 0; i < ASIDS_PER_POOL; i += seL4_UntypedRetypeMaxObjects)
        REQUIRE_OK(retype_into(big, seL4_ARM_PageDirectoryObject, 0, pds + i, seL4_UntypedRetypeMaxObjects));
    seL4_Word assigned = 0;
    seL4_Error err = seL4_NoError;
    for (seL4_Word i = 0; i < ASIDS_PER_POOL && err == seL4_NoError; i++) {
        err = seL4_ARM_ASIDPool_Assign(pool, pds + i);
        if (err == seL4_NoError)
            assigned++;
    }
    CHECK(assigned == ASIDS_PER_POOL, "a new pool gave %u ASIDs, then %s", assigned, err_name(err));
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(pool, extra), seL4_DeleteFirst);
    /* The last cap to one page directory goes, and its ASID with it. */
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, pds + 7, ROOT_DEPTH));
    CHECK_OK(seL4_ARM_ASIDPool_Assign(pool, extra));
    seL4_CPtr another = new_object(seL4_ARM_PageDirectoryObject, 0);
    REQUIRE(another, "page directory");
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(pool, another), seL4_DeleteFirst);
    /* A copy is not the last cap: deleting it frees nothing. */
    seL4_CPtr copy = copy_cap(pds + 9, seL4_AllRights);
    REQUIRE(copy, "copy");
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, copy, ROOT_DEPTH));
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(pool, another), seL4_DeleteFirst);
}

static void vspace_get_address_gives_the_physical_address(void)
{
    /* The pool has no children at the start of a test, so retyping starts at its base. */
    seL4_Word base = untyped_paddr(pool_untyped);
    seL4_CPtr s1 = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr s2 = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = new_object(seL4_ARM_LargePageObject, 0);
    seL4_CPtr section = new_object(seL4_ARM_SectionObject, 0);
    REQUIRE(s1 && s2 && large && section, "frames");
    static const seL4_Word offset[] = {0, PAGE, LARGE, SECTION};
    seL4_CPtr caps[] = {s1, s2, large, section};
    for (unsigned i = 0; i < 4; i++) {
        seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(caps[i]);
        CHECK(r.error == seL4_NoError, "GetAddress of frame %u gave %s", i, err_name(r.error));
        CHECK(r.paddr == base + offset[i], "frame %u is at 0x%x, expected 0x%x", i, r.paddr, base + offset[i]);
    }
    /* Mapped or copied, the answer is the same. */
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, VA(13)), "page table");
    REQUIRE_OK(seL4_ARM_Page_Map(s2, seL4_CapInitThreadVSpace, VA(13), RW, ATTR));
    seL4_CPtr copy = copy_cap(s2, seL4_CanRead);
    REQUIRE(copy, "copy");
    CHECK(seL4_ARM_Page_GetAddress(s2).paddr == base + PAGE, "mapped frame moved");
    CHECK(seL4_ARM_Page_GetAddress(copy).paddr == base + PAGE, "the copy names another frame");
    /* A device frame names device memory: the device untyped's own address. */
    seL4_CPtr dev = find_device_untyped(seL4_PageBits);
    if (dev) {
        revoke_after_test(dev);
        seL4_CPtr df = slot_alloc();
        REQUIRE(df, "slot");
        REQUIRE_OK(retype_into(dev, seL4_ARM_SmallPageObject, 0, df, 1));
        seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(df);
        CHECK(r.error == seL4_NoError && r.paddr == untyped_paddr(dev), "device frame at 0x%x (%s), expected 0x%x",
              r.paddr, err_name(r.error), untyped_paddr(dev));
    }
}

/* ---- the root's own image ---------------------------------------------------------------- */

/* A page of the root's image that nothing else uses. */
static volatile seL4_Word moving_page[PAGE / sizeof(seL4_Word)] __attribute__((aligned(4096)));

static void vspace_root_moves_one_of_its_image_frames(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word home = (seL4_Word)moving_page, va = VA(14), check_va = VA(14) + PAGE;
    REQUIRE(home >= image_start() && home < (seL4_Word)bi->ipcBuffer, "page 0x%x outside the image", home);
    seL4_CPtr cap = bi->userImageFrames.start + (home - image_start()) / PAGE;
    for (unsigned i = 0; i < PAGE / sizeof(seL4_Word); i++)
        moving_page[i] = i * 7 + 3;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    /* First make sure this is the right cap: an (unmapped) copy shows the same data. */
    seL4_CPtr copy = copy_cap(cap, seL4_CanRead);
    REQUIRE(copy, "copy");
    REQUIRE_OK(seL4_ARM_Page_Map(copy, seL4_CapInitThreadVSpace, check_va, seL4_CanRead, ATTR));
    REQUIRE(PROBE_OK(p, PROBE_READ, check_va + 40, 0) == 10 * 7 + 3,
            "image frame cap %u does not hold 0x%x (read 0x%x)", cap, home, p->result);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, copy, ROOT_DEPTH));

    /* The boot caps of image frames hold their mappings (seL4 makes them mapped). */
    CHECK_OK(seL4_ARM_Page_Unmap(cap));
    PROBE_FAULTS(p, PROBE_READ, home);
    seL4_Error err = seL4_ARM_Page_Map(cap, seL4_CapInitThreadVSpace, va, RW, ATTR);
    CHECK(err == seL4_NoError, "mapping the image frame elsewhere gave %s", err_name(err));
    if (err == seL4_NoError && !probe(p, PROBE_READ, va, 0).faulted) {
        unsigned bad = 0;
        for (unsigned i = 0; i < PAGE / sizeof(seL4_Word); i++)
            bad += ((volatile seL4_Word *)va)[i] != i * 7 + 3;
        CHECK(bad == 0, "%u words differ at the new address", bad);
        ((volatile seL4_Word *)va)[5] = 0x5E5E;
    } else {
        CHECK(0, "the image frame is not readable at its new address");
    }
    /* Home again, so the image is whole for the tests that follow. */
    CHECK_OK(seL4_ARM_Page_Unmap(cap));
    CHECK_OK(seL4_ARM_Page_Map(cap, seL4_CapInitThreadVSpace, home, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, home + 20, 0) == 0x5E5E, "read 0x%x at home", p->result);
}

/* ---- errors of spec 8.7 ------------------------------------------------------------------ */

static void vspace_page_table_map_errors(void)
{
    seL4_Word va = VA(15);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr pt2 = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr frame = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(pt && pt2 && ep && frame, "setup");
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, ep, va, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, pt2, va, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, frame, va, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, seL4_UserTop, ATTR),
              seL4_InvalidArgument);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, 0xFFF00000u, ATTR),
              seL4_InvalidArgument);
    CHECK_MR(0, 0);
    CHECK_OK(seL4_ARM_PageTable_Unmap(pt)); /* not mapped: nothing to do */
    REQUIRE_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va + 0x1234, ATTR));
    /* Mapped already: at the same place or another. */
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va + SECTION, ATTR),
              seL4_InvalidCapability);
    CHECK_MR(0, 0);
    /* The page directory entry holds a table already (any vaddr in that megabyte). */
    CHECK_ERR(seL4_ARM_PageTable_Map(pt2, seL4_CapInitThreadVSpace, va + 0xFF000, ATTR), seL4_DeleteFirst);
    /* The root's image region has its boot page table. */
    CHECK_ERR(seL4_ARM_PageTable_Map(pt2, seL4_CapInitThreadVSpace, image_start(), ATTR), seL4_DeleteFirst);
    CHECK_OK(seL4_ARM_PageTable_Map(pt2, seL4_CapInitThreadVSpace, va + SECTION, ATTR));
}

static void vspace_page_map_errors(void)
{
    seL4_Word va = VA(16), no_pt = VA(16) + SECTION;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr small = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr small2 = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = new_object(seL4_ARM_LargePageObject, 0);
    seL4_CPtr section = new_object(seL4_ARM_SectionObject, 0);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    REQUIRE(small && small2 && large && section && ep && pt, "setup");
    /* Not a page directory. */
    CHECK_ERR(seL4_ARM_Page_Map(small, ep, va, RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_Page_Map(small, pt, va, RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_Page_Map(small, small2, va, RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* At or beyond seL4_UserTop. */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, seL4_UserTop, RW, ATTR),
              seL4_InvalidArgument);
    CHECK_MR(0, 0);
    CHECK_ERR(seL4_ARM_Page_Map(section, seL4_CapInitThreadVSpace, 0xFFF00000u, RW, ATTR),
              seL4_InvalidArgument);
    CHECK_MR(0, 0);
    /* Misaligned for the frame's size (a page table is there for the small ones). */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + 0x800, RW, ATTR), seL4_AlignmentError);
    CHECK_ERR(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, va + PAGE, RW, ATTR), seL4_AlignmentError);
    CHECK_ERR(seL4_ARM_Page_Map(section, seL4_CapInitThreadVSpace, no_pt + LARGE, RW, ATTR),
              seL4_AlignmentError);
    /* No page table for a 4K or 64K page. */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, no_pt, RW, ATTR), seL4_FailedLookup);
    CHECK(seL4_MappingFailedLookupLevel() == SEL4_MAPPING_LOOKUP_NO_PT, "lookup level %u, expected %u",
          seL4_MappingFailedLookupLevel(), SEL4_MAPPING_LOOKUP_NO_PT);
    CHECK_ERR(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, no_pt + LARGE, RW, ATTR), seL4_FailedLookup);
    CHECK(seL4_MappingFailedLookupLevel() == SEL4_MAPPING_LOOKUP_NO_PT, "lookup level %u for a large page",
          seL4_MappingFailedLookupLevel());
    /* A mapping of another kind is in the way. */
    REQUIRE_OK(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + 3 * PAGE, RW, ATTR), seL4_DeleteFirst);
    REQUIRE_OK(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + LARGE, RW, ATTR));
    REQUIRE_OK(seL4_ARM_Page_Unmap(large));
    CHECK_ERR(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, va + LARGE, RW, ATTR), seL4_DeleteFirst);
    CHECK_ERR(seL4_ARM_Page_Map(section, seL4_CapInitThreadVSpace, va, RW, ATTR), seL4_DeleteFirst);
    /* Unmapping an unmapped frame does nothing. */
    CHECK_OK(seL4_ARM_Page_Unmap(small2));
}

static void vspace_page_cache_operation_errors(void)
{
    seL4_Word va = VA(17);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = map_frame(seL4_ARM_LargePageObject, seL4_CapInitThreadVSpace, va + LARGE);
    REQUIRE(f && large, "frames");
    seL4_Error (*const ops[])(seL4_ARM_Page, seL4_Word, seL4_Word) = {
        seL4_ARM_Page_Clean_Data, seL4_ARM_Page_Invalidate_Data, seL4_ARM_Page_CleanInvalidate_Data,
        seL4_ARM_Page_Unify_Instruction};
    for (unsigned i = 0; i < 4; i++) {
        /* An unmapped frame: nothing to maintain, whatever the range. */
        seL4_Error err = ops[i](f, 0, PAGE);
        CHECK(err == seL4_IllegalOperation, "op %u on an unmapped frame gave %s", i, err_name(err));
    }
    REQUIRE_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    for (unsigned i = 0; i < 4; i++) {
        seL4_Error err = ops[i](f, 0, PAGE);
        CHECK(err == seL4_NoError, "op %u over the page gave %s", i, err_name(err));
        err = ops[i](f, 64, 128);
        CHECK(err == seL4_NoError, "op %u over [64, 128) gave %s", i, err_name(err));
        err = ops[i](f, 8, 8);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 1, "op %u, end = start: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
        err = ops[i](f, 100, 50);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 1, "op %u, end < start: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
        err = ops[i](f, 0, PAGE + 1);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 0, "op %u, end past the page: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
        err = ops[i](f, PAGE, PAGE + 4);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 0, "op %u, start past the page: %s MR0 %u",
              i, err_name(err), seL4_GetMR(0));
        /* The frame's size bounds the range. */
        err = ops[i](large, 0, LARGE);
        CHECK(err == seL4_NoError, "op %u over a large page gave %s", i, err_name(err));
        err = ops[i](large, 0, LARGE + 4);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 0, "op %u past a large page: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
    }
}

static void vspace_page_directory_cache_operation_errors(void)
{
    seL4_Word va = VA(18);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    REQUIRE(map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va + PAGE), "frame");
    seL4_Error (*const ops[])(seL4_ARM_PageDirectory, seL4_Word, seL4_Word) = {
        seL4_ARM_PageDirectory_Clean_Data, seL4_ARM_PageDirectory_Invalidate_Data,
        seL4_ARM_PageDirectory_CleanInvalidate_Data, seL4_ARM_PageDirectory_Unify_Instruction};
    seL4_CPtr pd = seL4_CapInitThreadVSpace;
    for (unsigned i = 0; i < 4; i++) {
        seL4_Error err = ops[i](pd, va + PAGE, va + 2 * PAGE);
        CHECK(err == seL4_NoError, "op %u over a mapped page gave %s", i, err_name(err));
        err = ops[i](pd, va + PAGE + 8, va + PAGE + 8);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 1, "op %u, end = start: %s MR0 %u", i,
              err_name(err), seL4_GetMR(0));
        err = ops[i](pd, seL4_UserTop - PAGE, seL4_UserTop + 4);
        CHECK(err == seL4_IllegalOperation, "op %u reaching seL4_UserTop gave %s", i, err_name(err));
        /* Nothing mapped at start: nothing can be cached, so success. */
        err = ops[i](pd, va + 3 * PAGE, va + 4 * PAGE);
        CHECK(err == seL4_NoError, "op %u over an unmapped page gave %s", i, err_name(err));
        /* A range leaving the page that holds start. */
        err = ops[i](pd, va + PAGE + 0xF00, va + 2 * PAGE + 0x100);
        CHECK(err == seL4_RangeError, "op %u across a page boundary gave %s", i, err_name(err));
        CHECK(err != seL4_RangeError || seL4_GetMR(1) == va + 2 * PAGE - 1,
              "op %u: RangeError allows up to 0x%x, expected 0x%x", i, seL4_GetMR(1), va + 2 * PAGE - 1);
    }
}

static void vspace_asid_control_make_pool_errors(void)
{
    seL4_CPtr ut8k = new_untyped(seL4_ASIDPoolBits + 1);
    seL4_CPtr ut2k = new_untyped(seL4_ASIDPoolBits - 1);
    seL4_CPtr parent = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr dest = slot_alloc(), child = slot_alloc();
    REQUIRE(ut8k && ut2k && parent && ep && dest && child, "setup");
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut8k, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut2k, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ep, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_InvalidCapability);
    CHECK_MR(0, 1);
    /* A device untyped of the right size. */
    seL4_CPtr dev = find_device_untyped(seL4_ASIDPoolBits);
    if (dev) {
        revoke_after_test(dev);
        seL4_CPtr dev4k = slot_alloc();
        REQUIRE(dev4k, "slot");
        REQUIRE_OK(retype_into(dev, seL4_UntypedObject, seL4_ASIDPoolBits, dev4k, 1));
        CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, dev4k, ROOT_CNODE, dest, ROOT_DEPTH),
                  seL4_InvalidCapability);
        CHECK_MR(0, 1);
    }
    /* An untyped with children. */
    REQUIRE_OK(retype_into(parent, seL4_EndpointObject, 0, child, 1));
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, parent, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_RevokeFirst);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, child, ROOT_DEPTH));
    /* The destination slot must be empty. */
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, parent, ROOT_CNODE, ep, ROOT_DEPTH),
              seL4_DeleteFirst);
    CHECK_CAP(ep, CAP_ENDPOINT);
    /* All well: a pool, and the untyped is used up (spec 8.7: marked full). */
    CHECK_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, parent, ROOT_CNODE, dest, ROOT_DEPTH));
    CHECK_CAP(dest, CAP_ASID_POOL);
    CHECK_ERR(retype_into(parent, seL4_EndpointObject, 0, child, 1), seL4_NotEnoughMemory);
}

static void vspace_made_pool_assigns_a_working_address_space(void)
{
    prober_t *root_p = setup_root_prober();
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr pool = slot_alloc();
    REQUIRE(root_p && ut && pool, "setup");
    REQUIRE_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, ROOT_CNODE, pool, ROOT_DEPTH));
    seL4_CPtr pd = vspace_with_image(pool);
    REQUIRE(pd, "address space from the new pool");
    prober_t *child = prober_start(1, pd);
    REQUIRE(child, "prober");
    seL4_Word va = VA(19);
    seL4_CPtr f = map_pt(pd, va) ? map_frame(seL4_ARM_SmallPageObject, pd, va) : 0;
    REQUIRE(f, "frame in the new space");
    PROBE_OK(child, PROBE_WRITE, va + 12, 0x9009);
    CHECK(PROBE_OK(child, PROBE_READ, va + 12, 0) == 0x9009, "the child reads 0x%x", child->result);
    /* Only the child's space has it. */
    PROBE_FAULTS(root_p, PROBE_READ, va + 12);
    seL4_CPtr copy = copy_cap(f, seL4_AllRights);
    REQUIRE(copy && map_pt(seL4_CapInitThreadVSpace, va), "copy");
    CHECK_OK(seL4_ARM_Page_Map(copy, seL4_CapInitThreadVSpace, va, seL4_CanRead, ATTR));
    CHECK(PROBE_OK(root_p, PROBE_READ, va + 12, 0) == 0x9009, "the root reads 0x%x", root_p->result);
}

static void vspace_deleting_an_asid_pool_takes_its_address_spaces_away(void)
{
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits), ut2 = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr pool = slot_alloc(), pool2 = slot_alloc();
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pd2 = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    REQUIRE(ut && ut2 && pool && pool2 && pd && pd2 && f && pt, "setup");
    seL4_Word va = VA(20);
    REQUIRE_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, ROOT_CNODE, pool, ROOT_DEPTH));
    REQUIRE_OK(seL4_ARM_ASIDPool_Assign(pool, pd));
    REQUIRE(map_pt(pd, va), "page table");
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, pool, ROOT_DEPTH));
    /* The page directory's ASID no longer names it: nothing maps into it (seL4 reports
     * the failed ASID lookup as FailedLookup). */
    CHECK_ERR(seL4_ARM_Page_Map(f, pd, va, RW, ATTR), seL4_FailedLookup);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, pd, va + SECTION, ATTR), seL4_FailedLookup);
    CHECK_ERR(seL4_ARM_PageDirectory_Clean_Data(pd, va, va + PAGE), seL4_FailedLookup);
    /* Its cap still counts as assigned. */
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd), seL4_InvalidCapability);
    /* The pool's place is free for a new pool. */
    CHECK_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut2, ROOT_CNODE, pool2, ROOT_DEPTH));
    CHECK_OK(seL4_ARM_ASIDPool_Assign(pool2, pd2));
    CHECK_OK(seL4_ARM_PageTable_Map(pt, pd2, va, ATTR));
    CHECK_OK(seL4_ARM_Page_Map(f, pd2, va, RW, ATTR));
}

/* ---- IPC between address spaces ------------------------------------------------------ */

#define ROUND_TRIPS 200u
#define ROOT_VALUE 0x12121212u
#define CHILD_VALUE 0x34343434u
#define CALL_BADGE 1
#define FAULT_BADGE 2
static seL4_CPtr rt_call_cap;
static volatile seL4_Word rt_bad, rt_calls;

/* Calls the root ROUND_TRIPS times (label 1 on the last); after each reply reads its
 * own page at va, which holds CHILD_VALUE only in its address space. */
static void body_caller(seL4_Word va)
{
    for (seL4_Word i = 0; i < ROUND_TRIPS; i++) {
        seL4_Word m0 = i, m1 = 0, m2 = 0, m3 = 0;
        seL4_CallWithMRs(rt_call_cap, seL4_MessageInfo_new(i + 1 == ROUND_TRIPS, 0, 0, 1), &m0, &m1, &m2,
                         &m3);
        rt_calls++;
        if (m0 != ROOT_VALUE || *(volatile seL4_Word *)va != CHILD_VALUE)
            rt_bad++;
    }
}

static void vspace_calls_between_address_spaces_switch_translations(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_CPtr pd = vspace_with_image(seL4_CapInitThreadASIDPool);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    REQUIRE(pd && ep, "second address space");
    seL4_Word va = VA(21), child_view = VA(21) + PAGE;
    seL4_CPtr mine = map_pt(seL4_CapInitThreadVSpace, va) ? map_frame(seL4_ARM_SmallPageObject,
                                                                     seL4_CapInitThreadVSpace, va) : 0;
    seL4_CPtr theirs = map_pt(pd, va) ? map_frame(seL4_ARM_SmallPageObject, pd, va) : 0;
    seL4_CPtr theirs_here = theirs ? copy_cap(theirs, seL4_AllRights) : 0;
    REQUIRE(mine && theirs_here, "frames");
    REQUIRE_OK(seL4_ARM_Page_Map(theirs_here, seL4_CapInitThreadVSpace, child_view, RW, ATTR));
    REQUIRE(!probe(p, PROBE_WRITE, va, ROOT_VALUE).faulted && !probe(p, PROBE_WRITE, child_view, CHILD_VALUE).faulted,
            "the root cannot write its pages");

    rt_bad = rt_calls = 0;
    rt_call_cap = mint_cap(ep, seL4_AllRights, CALL_BADGE);
    seL4_CPtr fault_cap = mint_cap(ep, seL4_AllRights, FAULT_BADGE);
    test_thread_t *t = thread_new(HIGH, body_caller, va);
    REQUIRE(rt_call_cap && fault_cap && t, "thread");
    REQUIRE_OK(seL4_TCB_SetSpace(t->tcb, fault_cap, ROOT_CNODE, 0, pd, 0));
    REQUIRE_OK(seL4_TCB_Resume(t->tcb));

    /* The root serves the calls (the IPC fastpath takes them where it is built in),
     * reading its own page at va before each reply. */
    seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0, root_bad = 0, served = 0;
    seL4_MessageInfo_t info = seL4_RecvWithMRs(ep, &badge, &m0, &m1, &m2, &m3);
    for (;;) {
        REQUIRE(badge == CALL_BADGE, "the caller faulted (label %u, addr 0x%x)",
                seL4_MessageInfo_get_label(info), m1);
        REQUIRE(m0 == served, "call %u carried %u", served, m0);
        m0 = *(volatile seL4_Word *)va;
        root_bad += m0 != ROOT_VALUE;
        served++;
        if (seL4_MessageInfo_get_label(info) == 1)
            break;
        info = seL4_ReplyRecvWithMRs(ep, seL4_MessageInfo_new(0, 0, 0, 1), &badge, &m0, &m1, &m2, &m3);
    }
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0, 0, 0, 1), &m0, &m1, &m2, &m3);
    CHECK(served == ROUND_TRIPS && rt_calls == ROUND_TRIPS && t->finished, "%u calls served, %u returned",
          served, rt_calls);
    CHECK(root_bad == 0, "the root read the caller's page %u times", root_bad);
    CHECK(rt_bad == 0, "the caller read the root's page or value %u times", rt_bad);
}

/*
 * Many address spaces, one at a time: more than the 255 hardware ASIDs, so the kernel
 * must recycle them (and flush what the previous owner left in the TLB). A tiny
 * hand-written program, mapped in each space, reads the word at X and Calls the root
 * with it; every space has its own frame at X holding its own number.
 */
#define N_SPACES 300u
/* loop: ldr r2, [r8]; mov r0, r9; mov r1, #1; mvn r7, #0 (seL4_SysCall); svc #0; b loop */
static const seL4_Word code_call_with_word_at_r8[] = {0xE5982000u, 0xE1A00009u, 0xE3A01001u,
                                                      0xE3E07000u, 0xEF000000u, 0xEAFFFFF9u};

static void vspace_more_address_spaces_than_hardware_asids_stay_apart(void)
{
    prober_t *p = setup_root_prober();
    seL4_CPtr big = ram_untyped(seL4_SuperSectionBits);
    REQUIRE(p && big, "setup (a 16 MiB RAM untyped)");
    seL4_Word code_va = VA(22), x = VA(22) + PAGE, window = VA(22) + 2 * PAGE;
    /* The root's own page at x, and the code, written through the root's mappings. */
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, code_va), "page table");
    seL4_CPtr code = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, code_va);
    REQUIRE(code && map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, x), "frames");
    for (unsigned i = 0; i < sizeof(code_call_with_word_at_r8) / sizeof(seL4_Word); i++)
        PROBE_OK(p, PROBE_WRITE, code_va + 4 * i, code_call_with_word_at_r8[i]);
    PROBE_OK(p, PROBE_WRITE, x, ROOT_VALUE);
    REQUIRE_OK(seL4_ARM_Page_Unify_Instruction(code, 0, sizeof(code_call_with_word_at_r8)));
    REQUIRE(!probe(p, PROBE_READ, x, 0).faulted, "the root cannot read x");

    seL4_CPtr pds = slot_alloc_range(N_SPACES), pts = slot_alloc_range(N_SPACES);
    seL4_CPtr data = slot_alloc_range(N_SPACES);
    seL4_CPtr ep = new_object(seL4_EndpointObject, 0);
    seL4_CPtr tcb = new_object(seL4_TCBObject, 0);
    REQUIRE(pds && pts && data && ep && tcb, "slots");
    seL4_CPtr call_cap = mint_cap(ep, seL4_AllRights, CALL_BADGE);
    seL4_CPtr fault_cap = mint_cap(ep, seL4_AllRights, FAULT_BADGE);
    REQUIRE(call_cap && fault_cap, "caps");
    for (seL4_Word i = 0; i < N_SPACES; i += seL4_UntypedRetypeMaxObjects) {
        seL4_Word n = N_SPACES - i < seL4_UntypedRetypeMaxObjects ? N_SPACES - i : seL4_UntypedRetypeMaxObjects;
        REQUIRE_OK(retype_into(big, seL4_ARM_PageDirectoryObject, 0, pds + i, n));
        REQUIRE_OK(retype_into(big, seL4_ARM_PageTableObject, 0, pts + i, n));
        REQUIRE_OK(retype_into(big, seL4_ARM_SmallPageObject, 0, data + i, n));
    }
    REQUIRE_OK(seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, HIGH));
    for (seL4_Word i = 0; i < N_SPACES; i++) {
        seL4_CPtr code_copy = copy_cap(code, seL4_CanRead), data_copy = copy_cap(data + i, seL4_AllRights);
        REQUIRE(code_copy && data_copy, "copies");
        REQUIRE_OK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pds + i));
        REQUIRE_OK(seL4_ARM_PageTable_Map(pts + i, pds + i, code_va, ATTR));
        REQUIRE_OK(seL4_ARM_Page_Map(code_copy, pds + i, code_va, seL4_CanRead, ATTR));
        REQUIRE_OK(seL4_ARM_Page_Map(data + i, pds + i, x, RW, ATTR));
        /* Its number, written through a window in the root's space. */
        REQUIRE_OK(seL4_ARM_Page_Map(data_copy, seL4_CapInitThreadVSpace, window, RW, ATTR));
        PROBE_OK(p, PROBE_WRITE, window, i);
        REQUIRE_OK(seL4_ARM_Page_Unmap(data_copy));
    }
    /* Each space in turn, then the first ones again (their hardware ASIDs were reused). */
    seL4_Word wrong = 0, first_wrong = 0, got_wrong = 0, root_wrong = 0;
    for (seL4_Word k = 0; k < N_SPACES + 8; k++) {
        seL4_Word i = k % N_SPACES;
        REQUIRE_OK(seL4_TCB_SetSpace(tcb, fault_cap, ROOT_CNODE, 0, pds + i, 0));
        seL4_UserContext regs;
        regs_clear(&regs);
        regs.pc = code_va;
        regs.r8 = x;
        regs.r9 = call_cap;
        REQUIRE_OK(seL4_TCB_WriteRegisters(tcb, seL4_True, 0, SEL4_USERCONTEXT_WORDS, &regs));
        seL4_Word badge = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        seL4_MessageInfo_t info = seL4_RecvWithMRs(ep, &badge, &m0, &m1, &m2, &m3);
        REQUIRE(badge == CALL_BADGE, "space %u: the program faulted (label %u, MR1 0x%x)", i,
                seL4_MessageInfo_get_label(info), m1);
        if (m0 != i && wrong++ == 0) {
            first_wrong = i;
            got_wrong = m0;
        }
        root_wrong += *(volatile seL4_Word *)x != ROOT_VALUE;
        REQUIRE_OK(seL4_TCB_Suspend(tcb));
    }
    CHECK(wrong == 0, "%u spaces read another's word at x: space %u read %u", wrong, first_wrong, got_wrong);
    CHECK(root_wrong == 0, "the root read a wrong word at x %u times", root_wrong);
}

static void vspace_thread_whose_asid_goes_faults_and_its_mappings_unmap_quietly(void)
{
    prober_t *root_p = setup_root_prober();
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr pool = slot_alloc();
    REQUIRE(root_p && ut && pool, "setup");
    REQUIRE_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, ROOT_CNODE, pool, ROOT_DEPTH));
    seL4_CPtr pd = vspace_with_image(pool);
    REQUIRE(pd, "address space");
    prober_t *child = prober_start(1, pd);
    seL4_Word va = VA(23);
    seL4_CPtr pt = map_pt(pd, va);
    seL4_CPtr f = pt ? map_frame(seL4_ARM_SmallPageObject, pd, va) : 0;
    REQUIRE(child && f, "prober, page table and frame");
    PROBE_OK(child, PROBE_WRITE, va, 0x4242);
    /* The pool goes, and the ASID of the child's page directory with it. */
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, pool, ROOT_DEPTH));
    probe_outcome_t o = probe(child, PROBE_READ, va, 0);
    CHECK(o.faulted && o.label == seL4_Fault_VMFault && o.prefetch == seL4_InstructionFault,
          "a thread without an address space: faulted %d, label %u, prefetch %u", o.faulted, o.label,
          o.prefetch);
    CHECK_ERR(seL4_ARM_Page_Clean_Data(f, 0, PAGE), seL4_FailedLookup);
    /* Its frame and page table unmap without complaint and map again elsewhere. */
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    CHECK_OK(seL4_ARM_PageTable_Unmap(pt));
    CHECK_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR));
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK(PROBE_OK(root_p, PROBE_READ, va, 0) == 0x4242, "the frame holds 0x%x", root_p->result);
}

static void vspace_the_last_page_below_user_top_maps(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word last = seL4_UserTop - PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, last), "page table below seL4_UserTop");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, last);
    seL4_CPtr large = new_object(seL4_ARM_LargePageObject, 0);
    REQUIRE(f && large, "frames");
    PROBE_OK(p, PROBE_WRITE, seL4_UserTop - 4, 0x70B);
    CHECK(PROBE_OK(p, PROBE_READ, seL4_UserTop - 4, 0) == 0x70B, "read 0x%x", p->result);
    CHECK_ERR(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, seL4_UserTop, RW, ATTR), seL4_InvalidArgument);
    CHECK_MR(0, 0);
}

/* Each VM method invoked on a cap of another type. */
static void vspace_methods_on_the_wrong_cap_type_are_illegal(void)
{
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr dest = slot_alloc();
    REQUIRE(pd && pt && f && ut && dest, "setup");
    REQUIRE_OK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd));
    CHECK_ERR(seL4_ARM_Page_Map(pt, pd, VA(24), RW, ATTR), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_Page_Unmap(pt), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_Page_Map(pd, pd, VA(24), RW, ATTR), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_PageTable_Map(f, pd, VA(24), ATTR), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_PageTable_Unmap(f), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_Page_Clean_Data(pd, 0, PAGE), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_PageDirectory_Clean_Data(f, 0, PAGE), seL4_IllegalOperation);
    seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(pt);
    CHECK(r.error == seL4_IllegalOperation, "GetAddress of a page table gave %s", err_name(r.error));
    CHECK_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapASIDControl, pd), seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapInitThreadASIDPool, ut, ROOT_CNODE, dest, ROOT_DEPTH),
              seL4_IllegalOperation);
    CHECK_ERR(seL4_ARM_ASIDControl_MakePool(ut, ut, ROOT_CNODE, dest, ROOT_DEPTH), seL4_IllegalOperation);
    CHECK_CAP(dest, CAP_NULL);
}

/* A VM invocation with fewer words or caps than its method takes; the reply label. */
static seL4_Error call_short(seL4_CPtr service, seL4_Word label, seL4_Word caps, seL4_Word words)
{
    seL4_Word m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    seL4_MessageInfo_t reply =
        seL4_CallWithMRs(service, seL4_MessageInfo_new(label, 0, caps, words), &m0, &m1, &m2, &m3);
    return (seL4_Error)seL4_MessageInfo_get_label(reply);
}

static void vspace_methods_given_too_few_arguments_are_truncated(void)
{
    seL4_Word va = VA(25);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr ut = new_untyped(seL4_ASIDPoolBits);
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    seL4_CPtr mapped = map_pt(seL4_CapInitThreadVSpace, va) ? map_frame(seL4_ARM_SmallPageObject,
                                                                       seL4_CapInitThreadVSpace, va) : 0;
    REQUIRE(pt && f && ut && pd && mapped, "setup");
    seL4_SetCap(0, seL4_CapInitThreadVSpace);
    CHECK_ERR(call_short(f, ARMPageMap, 1, 2), seL4_TruncatedMessage);
    CHECK_ERR(call_short(f, ARMPageMap, 0, 3), seL4_TruncatedMessage);
    CHECK_ERR(call_short(pt, ARMPageTableMap, 1, 1), seL4_TruncatedMessage);
    CHECK_ERR(call_short(pt, ARMPageTableMap, 0, 2), seL4_TruncatedMessage);
    CHECK_ERR(call_short(mapped, ARMPageClean_Data, 0, 1), seL4_TruncatedMessage);
    CHECK_ERR(call_short(seL4_CapInitThreadVSpace, ARMPDClean_Data, 0, 1), seL4_TruncatedMessage);
    CHECK_ERR(call_short(seL4_CapInitThreadASIDPool, ARMASIDPoolAssign, 0, 0), seL4_TruncatedMessage);
    seL4_SetCap(0, ut);
    seL4_SetCap(1, ROOT_CNODE);
    CHECK_ERR(call_short(seL4_CapASIDControl, ARMASIDControlMakePool, 2, 1), seL4_TruncatedMessage);
    CHECK_ERR(call_short(seL4_CapASIDControl, ARMASIDControlMakePool, 1, 2), seL4_TruncatedMessage);
    CHECK_CAP(pt, CAP_PAGE_TABLE);
    CHECK_ERR(seL4_ARM_PageTable_Unmap(pt), seL4_NoError);
    CHECK_ERR(seL4_ARM_Page_Unmap(f), seL4_NoError);
}

static void vspace_revoking_a_frame_cap_unmaps_its_copies(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word a = VA(26), b = VA(26) + PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, a), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, a);
    seL4_CPtr f2 = f ? copy_cap(f, seL4_AllRights) : 0;
    REQUIRE(f2, "frame and copy");
    REQUIRE_OK(seL4_ARM_Page_Map(f2, seL4_CapInitThreadVSpace, b, RW, ATTR));
    PROBE_OK(p, PROBE_READ, b, 0);
    /* The retyped cap is the original: revoking it deletes the copy and its mapping. */
    CHECK_OK(seL4_CNode_Revoke(ROOT_CNODE, f, ROOT_DEPTH));
    CHECK_CAP(f2, CAP_NULL);
    PROBE_FAULTS(p, PROBE_READ, b);
    PROBE_OK(p, PROBE_READ, a, 0);
}

static void vspace_a_moved_frame_cap_keeps_its_mapping(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word a = VA(27);
    seL4_CPtr pt = map_pt(seL4_CapInitThreadVSpace, a);
    seL4_CPtr f = pt ? map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, a) : 0;
    seL4_CPtr to = slot_alloc(), pt_to = slot_alloc();
    REQUIRE(f && to && pt_to, "setup");
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, to, ROOT_DEPTH, ROOT_CNODE, f, ROOT_DEPTH));
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, pt_to, ROOT_DEPTH, ROOT_CNODE, pt, ROOT_DEPTH));
    PROBE_OK(p, PROBE_WRITE, a, 0xE0E0);
    /* Still mapped at a: another address is refused; Unmap through the new slot works. */
    CHECK_ERR(seL4_ARM_Page_Map(to, seL4_CapInitThreadVSpace, a + PAGE, RW, ATTR), seL4_InvalidArgument);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt_to, seL4_CapInitThreadVSpace, a + SECTION, ATTR),
              seL4_InvalidCapability);
    CHECK_OK(seL4_ARM_Page_Unmap(to));
    PROBE_FAULTS(p, PROBE_READ, a);
    CHECK_OK(seL4_ARM_Page_Map(to, seL4_CapInitThreadVSpace, a, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, a, 0) == 0xE0E0, "read 0x%x", p->result);
    /* Deleting the moved page table takes the page away. */
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, pt_to, ROOT_DEPTH));
    PROBE_FAULTS(p, PROBE_READ, a);
}

/* Spec 10: the root's image frames, IPC buffer and BootInfo frames and the image's page
 * tables are mapped caps (seL4 hands them out mapped). Checked without unmapping them. */
static void vspace_boot_frame_and_page_table_caps_are_mapped(void)
{
    seL4_Word va = VA(28);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr frames[] = {bi->userImageFrames.start, bi->userImageFrames.end - 1, seL4_CapInitThreadIPCBuffer,
                          seL4_CapBootInfoFrame};
    for (unsigned i = 0; i < 4; i++) {
        CHECK_CAP(frames[i], CAP_SMALL_FRAME);
        seL4_Error err = seL4_ARM_Page_Map(frames[i], seL4_CapInitThreadVSpace, va, RW, ATTR);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 0,
              "mapping boot frame cap %u elsewhere gave %s (MR0 %u), expected InvalidArgument 0", frames[i],
              err_name(err), seL4_GetMR(0));
        CHECK_OK(seL4_ARM_Page_Clean_Data(frames[i], 0, PAGE));
    }
    seL4_Word n = bi->userImagePaging.end - bi->userImagePaging.start;
    CHECK(n >= 1, "BootInfo lists %u image page tables", n);
    for (seL4_Word i = 0; i < n; i++) {
        CHECK_CAP(bi->userImagePaging.start + i, CAP_PAGE_TABLE);
        CHECK_ERR(seL4_ARM_PageTable_Map(bi->userImagePaging.start + i, seL4_CapInitThreadVSpace, va + SECTION,
                                         ATTR),
                  seL4_InvalidCapability);
        CHECK_MR(0, 0);
    }
}

/* seL4 has 2^7 pools, one of them the root's (spec 6). */
#define N_ASID_POOLS (1u << seL4_NumASIDPoolsBits)

static void vspace_asid_pools_run_out_after_128(void)
{
    seL4_CPtr uts = slot_alloc_range(N_ASID_POOLS);
    seL4_CPtr pools = slot_alloc_range(N_ASID_POOLS);
    REQUIRE(uts && pools, "slots");
    REQUIRE_OK(retype_into(pool_untyped, seL4_UntypedObject, seL4_ASIDPoolBits, uts, N_ASID_POOLS));
    seL4_Word made = 0;
    seL4_Error err = seL4_NoError;
    for (seL4_Word i = 0; i < N_ASID_POOLS && err == seL4_NoError; i++) {
        err = seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, uts + i, ROOT_CNODE, pools + i, ROOT_DEPTH);
        if (err == seL4_NoError)
            made++;
    }
    CHECK(made == N_ASID_POOLS - 1, "made %u pools besides the root's, then %s", made, err_name(err));
    CHECK(err == seL4_DeleteFirst, "with every pool in use MakePool gave %s", err_name(err));
    /* Deleting a pool's cap frees its place. */
    REQUIRE(made > 3 && made < N_ASID_POOLS, "cannot go on after %u pools", made);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, pools + 3, ROOT_DEPTH));
    CHECK_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, uts + made, ROOT_CNODE, pools + made,
                                           ROOT_DEPTH));
}

const test_case_t vspace_tests[] = {
    TEST_CASE(vspace_retype_makes_every_paging_object),
    TEST_CASE(vspace_boot_frame_and_page_table_caps_are_mapped),
    TEST_CASE(vspace_asid_pool_assigns_a_page_directory_once),
    TEST_CASE(vspace_unassigned_page_directory_cannot_be_used),
    TEST_CASE(vspace_page_table_map_errors),
    TEST_CASE(vspace_page_map_errors),
    TEST_CASE(vspace_page_cache_operation_errors),
    TEST_CASE(vspace_page_directory_cache_operation_errors),
    TEST_CASE(vspace_asid_control_make_pool_errors),
    TEST_CASE(vspace_methods_on_the_wrong_cap_type_are_illegal),
    TEST_CASE(vspace_methods_given_too_few_arguments_are_truncated),
    TEST_CASE(vspace_the_last_page_below_user_top_maps),
    TEST_CASE(vspace_get_address_gives_the_physical_address),
    TEST_CASE(vspace_small_page_is_written_and_read_then_remapped_read_only),
    TEST_CASE(vspace_mapping_rights_are_the_cap_rights_and_the_requested_ones),
    TEST_CASE(vspace_execute_never_page_faults_on_instruction_fetch),
    TEST_CASE(vspace_unmap_removes_the_translation_and_the_frame_keeps_its_contents),
    TEST_CASE(vspace_large_page_fills_sixteen_page_table_entries),
    TEST_CASE(vspace_section_maps_a_megabyte_without_a_page_table),
    TEST_CASE(vspace_supersection_maps_sixteen_megabytes),
    TEST_CASE(vspace_copies_of_a_frame_cap_share_the_frame_each_mapped_once),
    TEST_CASE(vspace_deleting_a_mapped_frame_cap_removes_its_mapping_only),
    TEST_CASE(vspace_revoking_the_untyped_removes_the_mappings_of_its_frames),
    TEST_CASE(vspace_revoking_a_frame_cap_unmaps_its_copies),
    TEST_CASE(vspace_a_moved_frame_cap_keeps_its_mapping),
    TEST_CASE(vspace_deleting_a_mapped_page_table_removes_its_pages),
    TEST_CASE(vspace_unmapping_a_page_table_removes_its_pages),
    TEST_CASE(vspace_second_address_space_sees_only_what_is_mapped_in_it),
    TEST_CASE(vspace_made_pool_assigns_a_working_address_space),
    TEST_CASE(vspace_deleting_an_asid_pool_takes_its_address_spaces_away),
    TEST_CASE(vspace_thread_whose_asid_goes_faults_and_its_mappings_unmap_quietly),
    TEST_CASE(vspace_calls_between_address_spaces_switch_translations),
    TEST_CASE(vspace_more_address_spaces_than_hardware_asids_stay_apart),
    TEST_CASE(vspace_root_moves_one_of_its_image_frames),
    TEST_CASE(vspace_pager_maps_a_thousand_pages_on_demand),
    TEST_CASE(vspace_deleting_a_page_directory_frees_its_asid),
    TEST_CASE(vspace_asid_pools_run_out_after_128),
};
const unsigned vspace_test_count = sizeof(vspace_tests) / sizeof(vspace_tests[0]);
