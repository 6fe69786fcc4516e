# labs/03-untyped/grade.py - lab 3's grader (`make grade LAB=3`): the objects the
# program retypes must show in the trace (object-create events from the right untyped),
# the watermarks it predicts must be the ones the kernel recorded (cap-update events on
# the untyped's cap), and the revoke must delete exactly the untyped's children.
from gradelib import test, expect, expect_line, expect_clean_end

MAX_INSNS = 20 * 1000 * 1000
SLOT = 16
# seL4's ARM object type numbers (libsel4 objecttype.h).
UNTYPED, TCB, ENDPOINT, NOTIFICATION, CNODE, SMALL_PAGE = 0, 1, 2, 3, 4, 6


def watermark(e):
    """Bytes used of an untyped, from its cap's word 1 (cap-update, cap-insert)."""
    return (e.w1 >> 6) * 16


def split(run):
    """(the big untyped's slot, [the slots of the 4 KiB untypeds cut from it])."""
    made = [e for e in run.trace.of("object-create", type=UNTYPED) if e.untyped]
    expect(made, "the trace shows no untyped retyped into smaller untypeds")
    big = made[0].untyped
    small = [e.slot for e in run.trace.of("cap-insert", cause=2, parent=big)
             if e.cap_type == "untyped"]
    return big, small


def after_revoke(run, slot):
    """The events after the last revoke-end of slot, and the events of that revoke."""
    events = run.trace.events
    begins = [i for i, e in enumerate(events) if e.name == "revoke-begin" and e.slot == slot]
    ends = [i for i, e in enumerate(events) if e.name == "revoke-end" and e.slot == slot]
    expect(begins and ends, "the second small untyped was never revoked")
    return events[begins[0]:ends[-1]], events[ends[-1]:]


@test(10, "runs to the end and shuts down cleanly")
def _(run):
    expect_line(run, r"^lab 3 done$")
    expect_clean_end(run)


@test(20, "exercise 1: four 4 KiB untypeds split off")
def _(run):
    big, small = split(run)
    made = [e for e in run.trace.of("object-create", type=UNTYPED) if e.untyped == big]
    expect(len(made) == 4 and all(e.size_bits == 12 for e in made),
           "the untyped was split into %s; expected four 4 KiB (2^12) untypeds"
           % ["2^%d" % e.size_bits for e in made])
    expect(len(small) == 4, "%d untyped caps were made from it, not 4" % len(small))
    expect_line(run, r"^split: 0 \(seL4_NoError\)$")


@test(25, "exercise 2: objects from one untyped, the watermark predicted")
def _(run):
    _, small = split(run)
    expect(small, "no small untypeds")
    made = [(e.type, e.size_bits) for e in run.trace.of("object-create", untyped=small[0])]
    want = [(ENDPOINT, 0)] * 3 + [(TCB, 0)] + [(NOTIFICATION, 0)] * 2 + [(CNODE, 4)]
    expect(made == want, "objects made from the first small untyped (type, size bits): %s; "
           "expected %s" % (made, want))
    marks = []
    for e in run.trace.of("cap-update", slot=small[0]):
        if watermark(e) and (not marks or marks[-1] != watermark(e)):
            marks.append(watermark(e))
    printed = [int(m.group(1)) for m in run.findall(r"^watermark after .*: (\d+)$")]
    expect(printed == marks, "printed watermarks %s; the kernel's were %s" % (printed, marks))


@test(20, "exercise 3: TCBs until seL4_NotEnoughMemory")
def _(run):
    _, small = split(run)
    expect(len(small) > 1, "no second small untyped")
    tcbs = run.trace.count("object-create", type=TCB, untyped=small[1])
    m = expect_line(run, r"^made (\d+) TCBs from 4 KiB, then error (\d+) \((\w+)\)$")
    expect(int(m.group(1)) == tcbs and tcbs == 4,
           "printed %s TCBs; the trace shows %d made from the second small untyped (4 fit)"
           % (m.group(1), tcbs))
    expect(m.group(2, 3) == ("10", "seL4_NotEnoughMemory"),
           "the error was %s (%s), not seL4_NotEnoughMemory (10)" % m.group(2, 3))


@test(25, "exercise 4: revoke the untyped, use it again from the start")
def _(run):
    _, small = split(run)
    expect(len(small) > 1, "no second small untyped")
    during, after = after_revoke(run, small[1])
    before = run.trace.events[:run.trace.events.index(during[0])]
    children = {e.slot for e in before if e.name == "cap-insert" and e.cause == 2 and
                e.parent == small[1]}
    tcbs = [e.addr for e in run.trace.of("object-create", type=TCB, untyped=small[1])]
    deleted = {e.slot for e in during if e.name == "cap-delete" and e.cause == 9}
    # A TCB's own slots (its CSpace and VSpace roots ...) go with it.
    own = {s for s in deleted if any(a <= s < a + 1024 for a in tcbs)}
    expect(children and deleted - own == children,
           "the revoke deleted %d caps; the untyped had %d children"
           % (len(deleted - own), len(children)))
    gone = [e for e in during if e.name == "object-delete" and e.cap_type == 6]  # 6: thread
    expect(len(gone) == len(children), "%d TCBs went; %d were made" % (len(gone), len(children)))
    expect_line(run, r"^TCB caps left: 0$")
    base = [e.w0 & ~0xF for e in run.trace.of("cap-insert", slot=small[1])][0]
    frames = [e for e in after if e.name == "object-create" and e.untyped == small[1]]
    expect(frames and frames[0].type == SMALL_PAGE,
           "no 4 KiB frame (seL4_ARM_SmallPageObject) was made from it after the revoke")
    expect(frames[0].addr == base, "the frame is at 0x%x, not at the start of the untyped "
           "(0x%x)" % (frames[0].addr, base))
    expect_line(run, r"^a frame after the revoke: 0 \(seL4_NoError\)$")
