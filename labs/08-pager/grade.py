# labs/08-pager/grade.py - lab 8's grader (`make grade LAB=8`): every VM fault the
# kernel recorded for the worker must reach the pager (badge 8), be printed as it
# happened, and be followed by a map of that page before the worker runs on; the
# faults must be exactly the pages the worker's access pattern touches (computed
# here the way pager.c computes it), the checksum right, the worker's own system call
# answered with the pages mapped so far, and the write past the array refused.
import re

from gradelib import test, expect, expect_line, expect_no_line, expect_clean_end

MAX_INSNS = 50 * 1000 * 1000

ARRAY_START, ARRAY_PAGES, TOUCHES = 0x40000000, 4096, 48
ARRAY_END = ARRAY_START + ARRAY_PAGES * 4096
WORKER_BADGE = 8
MASK = 0xFFFFFFFF


def expected():
    """(the pages the worker touches, in first-touch order; its checksum), as the
    worker in pager.c computes them."""
    x, words, index, pages = 12345, {}, [], []
    for k in range(TOUCHES):
        x = (x * 1103515245 + 12345) & MASK
        page = (x >> 8) % ARRAY_PAGES
        i = page * 1024 + (k * 37) % 1024
        index.append(i)
        words[i] = (words.get(i, 0) + (k + 1) * 2654435761) & MASK
        if page not in pages:
            pages.append(page)
    checksum = 0
    for i in index:
        checksum = (checksum * 31 + words[i]) & MASK
    return [ARRAY_START + p * 4096 for p in pages], checksum


def worker(run):
    tcb = run.trace.thread("worker")
    expect(tcb is not None, "the trace has no thread named worker")
    return tcb


def worker_faults(run, kind=5):
    """The worker's faults of seL4 fault type kind (5: VM, 2: unknown system call)."""
    return run.trace.of("fault", tcb=worker(run), fault_type=kind)


def in_array(addr):
    return ARRAY_START <= addr < ARRAY_END


@test(10, "boots, makes the worker and ends cleanly")
def _(run):
    expect_line(run, r"^pager: the worker's array is 0x40000000 to 0x41000000")
    expect_clean_end(run)


@test(15, "exercise 1: the worker's faults reach the pager with badge 8")
def _(run):
    faults = run.trace.of("fault", tcb=worker(run))
    expect(faults, "the worker never faulted (did it start? does it have a fault endpoint?)")
    pager = run.trace.thread("pager")
    got = run.trace.of("ipc-recv", receiver=pager, badge=WORKER_BADGE)
    expect(len(got) == len(faults),
           "the worker faulted %d times; the pager received %d messages with badge %d"
           % (len(faults), len(got), WORKER_BADGE))
    vm = run.trace.of("ipc-recv", receiver=pager, badge=WORKER_BADGE, length=4)
    expect(len(vm) == len(worker_faults(run)), "the VM fault messages are not 4 words long")


@test(15, "exercise 2: each VM fault printed with its address and pc")
def _(run):
    faults = worker_faults(run)
    printed = run.findall(r"^pager: fault (\d+) at 0x([0-9a-f]{8}) \((data|instruction), pc 0x([0-9a-f]{8})\)$")
    expect(faults, "the worker never faulted")
    expect(len(printed) == len(faults),
           "printed %d fault lines; the kernel recorded %d VM faults" % (len(printed), len(faults)))
    for n, (m, e) in enumerate(zip(printed, faults), 1):
        got = (int(m.group(1)), int(m.group(2), 16), int(m.group(4), 16))
        expect(e.fault_type == 5, "fault %d is of type %d, not a VM fault (5)" % (n, e.fault_type))
        expect(got == (n, e.addr, e.pc),
               "printed fault %d at 0x%08x pc 0x%08x; the kernel's fault %d was at 0x%08x pc 0x%08x"
               % (got[0], got[1], got[2], n, e.addr, e.pc))
        expect(m.group(3) == "data", "fault %d was a data access" % n)


@test(30, "exercise 3: every fault in the array followed by a map of its page, checksum right")
def _(run):
    pages, checksum = expected()
    tcb = worker(run)
    events = run.trace.events
    faults = [i for i, e in enumerate(events) if e.name == "fault" and e.tcb == tcb]
    in_arr = [i for i in faults if in_array(events[i].addr)]
    expect(in_arr, "the worker never faulted in the array")
    pd = None
    for n, i in enumerate(in_arr):
        page = events[i].addr & ~0xFFF
        end = faults[faults.index(i) + 1] if faults.index(i) + 1 < len(faults) else len(events)
        maps = [e for e in events[i:end] if e.name == "map" and e.size_bits == 12 and e.vaddr == page]
        expect(maps, "fault %d at 0x%08x: no frame was mapped at 0x%08x before the worker went on"
               % (n + 1, events[i].addr, page))
        expect(maps[0].access & 3 == 3, "the page at 0x%08x was not mapped read-write" % page)
        pd = pd or maps[0].pd
        expect(maps[0].pd == pd, "the pages were mapped into different page directories")
    got = [events[i].addr & ~0xFFF for i in in_arr]
    expect(got == pages, "the worker faulted on %d array pages; its accesses touch %d pages, "
           "each should fault once (first difference at fault %d)"
           % (len(got), len(pages), next((k + 1 for k, (a, b) in enumerate(zip(got, pages)) if a != b),
                                         min(len(got), len(pages)) + 1)))
    m = expect_line(run, r"^worker: (\d+) words updated, checksum 0x([0-9a-f]{8})$", "the worker's result")
    expect(int(m.group(1)) == TOUCHES and int(m.group(2), 16) == checksum,
           "the worker printed checksum 0x%s; with every page its own frame it is 0x%08x"
           % (m.group(2), checksum))
    # Page tables: one per MiB of the array the worker touched, each reported.
    mibs = sorted({p & ~0xFFFFF for p in pages})
    tables = sorted(e.vaddr & ~0xFFFFF for e in run.trace.of("map", size_bits=10, pd=pd)
                    if in_array(e.vaddr))
    expect(tables == mibs, "page tables were mapped for %d MiBs of the array; the worker touched %d"
           % (len(tables), len(mibs)))
    said = sorted(a for a in (int(m.group(1), 16) for m in
                              run.findall(r"^pager: new page table for 0x([0-9a-f]{8})$")) if in_array(a))
    expect(said == mibs, "printed %d 'new page table' lines for the %d page tables mapped"
           % (len(said), len(mibs)))
    m = expect_line(run, r"^pager: (\d+) faults, (\d+) frames, (\d+) page tables$", "the pager's summary")
    # Counted over every page and MiB the worker faulted on (the page past the array too,
    # if the pager served it: exercise 4's test deals with that).
    faulted = {events[i].addr & ~0xFFF for i in faults if events[i].fault_type == 5}
    frames = len([e for e in run.trace.of("map", size_bits=12, pd=pd) if e.vaddr in faulted])
    tables = len([e for e in run.trace.of("map", size_bits=10, pd=pd)
                  if e.vaddr & ~0xFFFFF in {a & ~0xFFFFF for a in faulted}])
    expect((int(m.group(2)), int(m.group(3))) == (frames, tables),
           "the summary says %s frames and %s page tables; the trace has %d and %d"
           % (m.group(2), m.group(3), frames, tables))


@test(15, "exercise 4: the worker's own system call answered by the pager")
def _(run):
    calls = worker_faults(run, kind=2)
    expect(calls, "the worker's system call never reached the kernel as an unknown system call")
    expect(len(calls) == 1, "the worker's system call faulted %d times: did the reply move its PC "
           "past the svc?" % len(calls))
    events = run.trace.events
    at = events.index(calls[0])
    pager, tcb = run.trace.thread("pager"), worker(run)
    mapped = len([e for e in events[:at] if e.name == "map" and e.size_bits == 12 and in_array(e.vaddr)])
    expect(any(e.name == "ipc-reply" and e.replier == pager and e.caller == tcb and e.length >= 9
               for e in events[at:]), "the pager never replied to the system call with the registers "
           "up to FaultIP (at least 9 words)")
    m = expect_line(run, r"^pager: system call 0x50 from the worker: (\d+) pages$")
    expect(int(m.group(1)) == mapped, "the pager says %s pages; %d were mapped in the array by then"
           % (m.group(1), mapped))
    m = expect_line(run, r"^worker: the pager says (-?\d+) pages are mapped for me$")
    expect(int(m.group(1)) == mapped, "the worker got %s in r0; %d pages were mapped" % (m.group(1), mapped))


@test(15, "exercise 5: the write past the array refused and the worker stopped")
def _(run):
    tcb = worker(run)
    events = run.trace.events
    past = [i for i, e in enumerate(events) if e.name == "fault" and e.tcb == tcb and e.addr == ARRAY_END]
    expect(past, "the worker never faulted at 0x%08x (the word past the array)" % ARRAY_END)
    expect(not run.trace.of("map", vaddr=ARRAY_END),
           "the page past the array (0x%08x) was mapped" % ARRAY_END)
    expect_no_line(run, r"^worker: the word past the array was writable")
    expect(any(e.name == "thread-state" and e.tcb == tcb and e.state == 0 for e in events[past[0]:]),
           "the worker was not suspended after its fault at 0x%08x" % ARRAY_END)
    expect_line(run, r"^pager: refusing the fault at 0x%08x: outside the array; the worker is stopped$"
                % ARRAY_END)
    m = expect_line(run, r"^pager: (\d+) faults, (\d+) frames, (\d+) page tables$", "the pager's summary")
    n = len(worker_faults(run))
    expect(int(m.group(1)) == n, "the summary says %s faults; the worker faulted %d times" % (m.group(1), n))
