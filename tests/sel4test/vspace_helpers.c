/*
 * tests/sel4test/vspace_helpers.c - the address-space tests' fixtures: the prober
 * thread and the root's side of its faults, page tables and frames mapped in one call,
 * untyped picking, and a second address space with the root's image in it.
 * Partners: vspace_helpers.h, helpers.c.
 */
#include "vspace_helpers.h"

#define PROBER_FAULT_BADGE 0x5A
static prober_t probers[N_PROBERS];

/* ---- the prober ------------------------------------------------------------------- */

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

/* A word read with LDREX (then CLREX): an address that is not word aligned faults
 * whatever SCTLR.A says. (LDM would too on the architecture and QEMU, but Unicorn
 * 2.0.1 does not check it: docs/unicorn-notes.md.) */
static seL4_Word __attribute__((noinline)) load_exclusive(seL4_Word addr)
{
    seL4_Word v;
    __asm__ volatile("ldrex %0, [%1]\n\tclrex" : "=r"(v) : "r"(addr) : "memory");
    return v;
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
        case PROBE_READ_EXCLUSIVE: p->result = load_exclusive(addr); break;
        default: break;
        }
        p->completed++;
    }
}

/* Starts prober `idx` in address space `vspace` (at HIGH, so it runs as soon as it is
 * told something); the root must run below HIGH. 0 after recording a failure. */
prober_t *prober_start(unsigned idx, seL4_CPtr vspace)
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
probe_outcome_t probe(prober_t *p, enum probe_kind kind, seL4_Word addr, seL4_Word value)
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
seL4_Word probe_ok_at(prober_t *p, enum probe_kind kind, seL4_Word addr, seL4_Word value,
                             const char *file, int line)
{
    static const char *const what[] = {"reading", "writing", "executing", "reading exclusively"};
    probe_outcome_t o = probe(p, kind, addr, value);
    if (o.faulted)
        test_fail(file, line, "%s 0x%x faulted (label %u, addr 0x%x, prefetch %u, FSR 0x%x)",
                  what[kind], addr, o.label, o.addr, o.prefetch, o.fsr);
    else if (o.lost)
        test_fail(file, line, "%s 0x%x: the prober did not run", what[kind], addr);
    return o.value;
}

/* Short-descriptor fault status values (ARM DDI 0406C, B3.13.3). */
#define FS_TRANSLATION_SECTION 0x05u
#define FS_TRANSLATION_PAGE 0x07u
#define FS_PERMISSION_SECTION 0x0Du
#define FS_PERMISSION_PAGE 0x0Fu
int fs_is_translation(seL4_Word fsr)
{
    return FSR_STATUS(fsr) == FS_TRANSLATION_SECTION || FSR_STATUS(fsr) == FS_TRANSLATION_PAGE;
}
int fs_is_permission(seL4_Word fsr)
{
    return FSR_STATUS(fsr) == FS_PERMISSION_SECTION || FSR_STATUS(fsr) == FS_PERMISSION_PAGE;
}

/* The last fault PROBE_FAULTS saw, for checks of its FSR. */
probe_outcome_t last_fault;

/* Expect a VM fault at addr: data (prefetch 0) for reads and writes, instruction
 * fetch (prefetch 1) for execution; a data fault's FSR says whether it was a write. */
void probe_faults_at(prober_t *p, enum probe_kind kind, seL4_Word addr, const char *file, int line)
{
    static const char *const what[] = {"reading", "writing", "executing", "reading exclusively"};
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
    else if (kind != PROBE_EXEC && !(o.fsr & FSR_WNR) != (kind == PROBE_READ || kind == PROBE_READ_EXCLUSIVE))
        test_fail(file, line, "%s 0x%x: FSR 0x%x has WnR %s", what[kind], addr, o.fsr,
                  (o.fsr & FSR_WNR) ? "set" : "clear");
    last_fault = o;
}

/* ---- objects and mappings -------------------------------------------------------- */

/* The smallest RAM untyped of at least 2^bits bytes other than the pool, revoked after
 * the test; 0 if there is none. */
seL4_CPtr ram_untyped(unsigned bits)
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

seL4_Word untyped_paddr(seL4_CPtr ut)
{
    return bi->untypedList[ut - bi->untyped.start].paddr;
}

/* One object retyped from `ut` into a fresh slot; 0 after recording a failure. */
seL4_CPtr object_from_at(seL4_CPtr ut, seL4_Word type, seL4_Word bits, const char *file, int line)
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
seL4_CPtr map_pt_at(seL4_CPtr pd, seL4_Word va, const char *file, int line)
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
seL4_CPtr map_frame_at(seL4_Word type, seL4_CPtr pd, seL4_Word va, const char *file, int line)
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
prober_t *setup_root_prober(void)
{
    if (set_root_priority(ROOT_PRIO) != seL4_NoError)
        return NULL;
    return prober_start(0, seL4_CapInitThreadVSpace);
}

/* ---- a second address space running the root's program --------------------------- */

seL4_Word image_frames(void)
{
    return bi->userImageFrames.end - bi->userImageFrames.start;
}

/* The image's first page: the frames come in address order and end where the IPC
 * buffer page begins (spec 10). */
seL4_Word image_start(void)
{
    return (seL4_Word)bi->ipcBuffer - image_frames() * PAGE;
}

/*
 * A new page directory, assigned from `asid_pool`, in which the root's program can run:
 * copies of the image frame caps and of the IPC buffer cap mapped at the root's
 * addresses (so threads there share the root's code, data and stacks). 0 after a failure.
 */
seL4_CPtr vspace_with_image(seL4_CPtr asid_pool)
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
