# labs/07-virtual-memory/grade.py - lab 7's grader (`make grade LAB=7`): the mappings
# the program reports must be the ones in the kernel's trace (map and unmap events with
# their page directory, virtual and physical address, size and access bits), the value
# the peer reports must be the one the root wrote in the physical page both map, and
# the fault must follow the unmap.
from gradelib import test, expect, expect_line, expect_clean_end

MAX_INSNS = 20 * 1000 * 1000
ROOT_SHARED, PEER_SHARED, PEER_STACK = 0x40000000, 0x50000000, 0x30000000
MAGIC = 0xC0DE
WRITE, READ, XN = 1, 2, 4          # map event access bits
VM_FAULT = 5
INVALID_CAPABILITY = 2             # seL4_InvalidCapability
FAILED_LOOKUP = 6                  # seL4_FailedLookup


def root_pd(run):
    maps = run.trace.of("map")
    expect(maps, "the trace has no map events")
    return maps[0].pd              # the kernel maps the root task's image first


def frame_at(run, pd, vaddr):
    """The last 4 KiB map event of vaddr in pd, or None."""
    maps = run.trace.of("map", pd=pd, vaddr=vaddr, size_bits=12)
    return maps[-1] if maps else None


def peer_pd(run):
    """The page directory, not the root's, that was given an ASID."""
    root = root_pd(run)
    pds = [e.w0 & ~0xF for e in run.trace.events if e.name in ("cap-update", "cap-insert")
           and e.cap_type == "page-directory" and e.w1 & 1 and e.w0 & ~0xF != root]
    expect(pds, "no page directory besides the root's was assigned an ASID")
    return pds[0]


def shared_paddr(run):
    m = frame_at(run, root_pd(run), ROOT_SHARED)
    expect(m is not None, "nothing is mapped at 0x%x in the root's page directory" % ROOT_SHARED)
    return m.paddr


@test(10, "boots and ends cleanly")
def _(run):
    expect_line(run, r"^lab7: done$")
    expect_clean_end(run)


@test(20, "exercise 1: a page table, then a read-write page at 0x40000000")
def _(run):
    pd = root_pd(run)
    pts = [e for e in run.trace.of("map", pd=pd, size_bits=10) if e.vaddr >> 20 == ROOT_SHARED >> 20]
    expect(pts, "no page table was mapped for the MiB at 0x%x" % ROOT_SHARED)
    page = frame_at(run, pd, ROOT_SHARED)
    expect(page is not None, "no 4 KiB page was mapped at 0x%x" % ROOT_SHARED)
    expect(page.access & (READ | WRITE) == READ | WRITE,
           "the page at 0x%x has access 0x%x: not read-write" % (ROOT_SHARED, page.access))
    expect(run.trace.count("invocation", slot=page.slot, error=FAILED_LOOKUP) >= 1,
           "the frame mapped at 0x%x was never refused with seL4_FailedLookup first" % ROOT_SHARED)
    expect_line(run, r"^map_page: no page table for 0x40000000, making one$")
    m = expect_line(run, r"^root: 0x40000000 maps physical 0x([0-9a-f]+); wrote 0x([0-9a-f]+)$")
    expect(int(m.group(1), 16) == page.paddr,
           "printed physical 0x%s; the trace mapped 0x%x" % (m.group(1), page.paddr))


@test(20, "exercise 2: a second page directory with an ASID, the peer's code read-only and stack")
def _(run):
    m = expect_line(run, r"^map into a new page directory: error (\d+)$")
    expect(int(m.group(1)) == INVALID_CAPABILITY, "printed error %s; mapping into a page directory "
           "without an ASID is seL4_InvalidCapability (%d)" % (m.group(1), INVALID_CAPABILITY))
    root, pd = root_pd(run), peer_pd(run)
    code = [e for e in run.trace.of("map", pd=pd, size_bits=12) if e.vaddr < 0x01000000]
    expect(code, "no code page was mapped in the peer's page directory")
    for e in code:
        mine = frame_at(run, root, e.vaddr)
        expect(mine is not None and mine.paddr == e.paddr,
               "the peer's page at 0x%x is not the root's code page there" % e.vaddr)
        expect(e.access & READ and not e.access & (WRITE | XN),
               "the peer's code page at 0x%x has access 0x%x: it should be read-only and executable"
               % (e.vaddr, e.access))
    stack = frame_at(run, pd, PEER_STACK)
    expect(stack is not None, "no stack page at 0x%x in the peer's page directory" % PEER_STACK)
    refused = [e.error for e in run.trace.of("invocation", slot=stack.slot) if e.error]
    expect(refused and refused[0] == int(m.group(1)),
           "printed error %s; the kernel's first refusal of the stack page's frame cap was %s"
           % (m.group(1), refused[0] if refused else "none"))
    expect(stack.access & (WRITE | XN) == WRITE | XN,
           "the peer's stack has access 0x%x: it should be writable and never executable" % stack.access)
    peer = run.trace.thread("peer")
    expect(peer is not None and run.trace.count("switch", to_tcb=peer) >= 1, "the peer thread never ran")


@test(25, "exercise 3: one physical page at 0x40000000 for the root and 0x50000000 for the peer")
def _(run):
    paddr, pd = shared_paddr(run), peer_pd(run)
    theirs = frame_at(run, pd, PEER_SHARED)
    expect(theirs is not None, "nothing is mapped at 0x%x in the peer's page directory" % PEER_SHARED)
    expect(theirs.paddr == paddr, "the peer's 0x%x maps physical 0x%x, the root's 0x%x maps 0x%x"
           % (PEER_SHARED, theirs.paddr, ROOT_SHARED, paddr))
    expect(theirs.access & (READ | WRITE) == READ | WRITE, "the peer's shared page is not read-write")
    value = paddr ^ MAGIC
    expect_line(run, r"^root: 0x40000000 maps physical 0x%x; wrote 0x%x$" % (paddr, value))
    expect_line(run, r"^root: the peer read 0x%x at 0x50000000 and wrote 0x%x$" % (value, value + 1))


@test(25, "exercise 4: the peer's mapping unmapped, its next read faults, the root's stays")
def _(run):
    paddr, pd, root = shared_paddr(run), peer_pd(run), root_pd(run)
    events = run.trace.events
    unmaps = [i for i, e in enumerate(events) if e.name == "unmap" and e.pd == pd and e.vaddr == PEER_SHARED]
    expect(unmaps, "0x%x was never unmapped from the peer's page directory" % PEER_SHARED)
    peer = run.trace.thread("peer")
    faults = [e for e in events[unmaps[0]:] if e.name == "fault" and e.tcb == peer]
    expect(faults, "the peer did not fault after the unmap")
    f = faults[0]
    expect(f.fault_type == VM_FAULT and f.addr == PEER_SHARED,
           "the peer's fault is of type %d at 0x%x; expected a VM fault at 0x%x"
           % (f.fault_type, f.addr, PEER_SHARED))
    expect(not any(e.name == "unmap" and e.pd == root and e.vaddr == ROOT_SHARED for e in events),
           "the root's own page at 0x%x was unmapped too" % ROOT_SHARED)
    expect_line(run, r"^root: unmapped 0x50000000 from the peer$")
    expect_line(run, r"^root: the peer faulted at 0x50000000 \(pc 0x%x\)$" % f.pc)
    expect_line(run, r"^root: 0x40000000 still holds 0x%x$" % (paddr ^ MAGIC))
