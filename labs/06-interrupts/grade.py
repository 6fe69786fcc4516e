# labs/06-interrupts/grade.py - lab 6's grader (`make grade LAB=6`): what the program
# prints about its notifications and its timer must match the kernel's trace: the
# signals and the badges they carried, who they woke, the device frame mapped, the
# IRQ handler cap, and one interrupt and one signal per tick printed.
import re

from gradelib import test, expect, expect_line, expect_in_order, expect_clean_end

MAX_INSNS = 20 * 1000 * 1000
TICKS = 10
# The board's free timer (timer.h, libsel4's seL4_PlatUserTimerPaddr/IRQ) by the boot
# event's platform: 1 arm-sim, 2 vexpress-a15 (the second SP804), 3 raspi2 (the
# BCM2835 system timer, compare 3).
TIMERS = {1: (0x1C120000, 35), 2: (0x1C120000, 35), 3: (0x3F003000, 67)}
SYS_NBRECV = 0xFFFFFFF8  # seL4_Poll
MAP_WRITE, MAP_DEVICE = 1, 16
IRQ_ACK, IRQ_SET_NOTIFICATION = 27, 28  # libsel4's invocation labels IRQAckIRQ, IRQSetIRQHandler


def thread(run, name):
    tcb = run.trace.thread(name)
    expect(tcb is not None, "the trace names no thread '%s'" % name)
    return tcb


def timer(run):
    """(physical address, interrupt line) of the board's free timer."""
    boot = run.trace.of("boot")
    expect(boot and boot[0].platform in TIMERS, "the trace names no board this lab knows")
    return TIMERS[boot[0].platform]


def irq_signals(run):
    """[(irq event, the signal event that followed it, or None)] for the timer's line."""
    out, pending = [], None
    line = timer(run)[1]
    for e in run.trace.events:
        if e.name == "irq" and e.irq == line:
            if pending is not None:
                out.append((pending, None))
            pending = e
        elif e.name == "signal" and pending is not None:
            out.append((pending, e))
            pending = None
    if pending is not None:
        out.append((pending, None))
    return out


@test(10, "boots, runs both parts and ends cleanly")
def _(run):
    expect_line(run, r"^lab6: done$")
    expect_clean_end(run)


@test(15, "exercise 1: two badged signals OR-ed into one wait, then an empty poll")
def _(run):
    pending = {}
    for e in run.trace.of("signal", woken=0):
        pending.setdefault(e.notification, set()).add(e.badge)
    ntfns = [n for n, badges in pending.items() if {1, 2} <= badges]
    expect(ntfns, "no notification got signals with badges 0x1 and 0x2 while nobody waited "
           "(badges seen: %s)" % {("%08x" % n): sorted(b) for n, b in pending.items()})
    m = expect_line(run, r"^wait: word 0x([0-9a-f]+)$")
    expect(int(m.group(1), 16) == 3, "printed wait word 0x%s; the signals OR up to 0x3" % m.group(1))
    m = expect_line(run, r"^poll: word 0x([0-9a-f]+)$")
    expect(int(m.group(1), 16) == 0, "printed poll word 0x%s; nothing was pending" % m.group(1))
    polls = run.trace.count("kernel-entry", cause=1, detail=SYS_NBRECV, tcb=thread(run, "driver"))
    expect(polls >= 1, "the driver thread never called seL4_Poll")


@test(15, "exercise 2: a signal on its bound notification ends the worker's endpoint receive")
def _(run):
    worker = thread(run, "worker")
    woke = run.trace.of("signal", badge=0x40, woken=worker)
    expect(woke, "no signal with badge 0x40 woke the worker")
    # Event order, not .time: QEMU's trace has no instruction counts.
    upto = run.trace.events[:run.trace.events.index(woke[0])]
    before = [e for e in upto if e.name == "thread-blocked" and e.tcb == worker]
    expect(before and before[-1].state == 3,
           "the worker was not blocked receiving on its endpoint when the signal came")
    expect_line(run, r"^worker: woken by its notification, word 0x40$")


@test(15, "exercise 3: the timer's registers mapped from its device frame")
def _(run):
    paddr = timer(run)[0]
    maps = [e for e in run.trace.of("map", paddr=paddr, size_bits=12)]
    expect(maps, "no 4 KiB frame at the timer's physical address 0x%x was mapped" % paddr)
    expect(maps[-1].access & MAP_WRITE and maps[-1].access & MAP_DEVICE,
           "the timer's frame is mapped with access 0x%x; it needs write and device memory"
           % maps[-1].access)
    m = expect_line(run, r"^timer: registers at 0x([0-9a-f]+)$")
    expect(int(m.group(1), 16) in [e.vaddr for e in maps],
           "printed 0x%s; the trace mapped the frame at %s" % (m.group(1), ", ".join("0x%x" % e.vaddr for e in maps)))


@test(15, "exercise 4: an IRQ handler for the timer's line whose interrupt signals a notification")
def _(run):
    line = timer(run)[1]
    caps = [e for e in run.trace.of("cap-insert") if e.cap_type == "irq-handler"]
    expect(caps, "no IRQ handler cap was made")
    lines = sorted({e.w1 & 0x3FF for e in caps})
    expect(line in lines, "IRQ handler caps for lines %s; the timer's is %d" % (lines, line))
    slots = [e.slot for e in caps if e.w1 & 0x3FF == line]
    for label, what in ((IRQ_SET_NOTIFICATION, "seL4_IRQHandler_SetNotification"),
                        (IRQ_ACK, "seL4_IRQHandler_Ack")):
        expect(any(run.trace.count("invocation", slot=s, label=label, error=0) for s in slots),
               "no successful %s on the line-%d handler cap" % (what, line))
    pairs = irq_signals(run)
    expect(not pairs or pairs[0][1] is not None, "interrupt %d signalled no notification" % line)


@test(30, "exercise 5: exactly 10 timer interrupts, each signalled, acked and printed, then stopped")
def _(run):
    line = timer(run)[1]
    pairs = irq_signals(run)
    expect(len(pairs) == TICKS, "the trace has %d interrupts on line %d; expected exactly %d "
           "(fewer: a missing Ack or clear; more: the timer was not stopped)" % (len(pairs), line, TICKS))
    expect(all(s is not None for _, s in pairs), "an interrupt was not followed by its signal")
    expect(len({s.notification for _, s in pairs}) == 1, "the interrupts signalled different notifications")
    ticks = [int(m.group(1)) for m in run.findall(r"^tick (\d+)$")]
    expect(ticks == list(range(1, TICKS + 1)),
           "printed tick lines %s; the trace has %d interrupts" % (ticks or "none", len(pairs)))
    expect_in_order(run, [r"^tick %d$" % TICKS, r"^timer: %d ticks, stopped$" % TICKS])
