# labs/02-capabilities/grade.py - lab 2's grader (`make grade LAB=2`): the caps the
# program copies, mints, moves, mutates, deletes and revokes must show in the kernel's
# trace as cap events with the right cause, parent, badge and rights, and the error
# codes it prints for its deliberate mistakes must be seL4's.
from gradelib import test, expect, expect_line, expect_in_order, expect_clean_end

MAX_INSNS = 20 * 1000 * 1000
SLOT = 16  # bytes per CNode slot
ERRORS = {"seL4_NoError": 0, "seL4_IllegalOperation": 3, "seL4_FailedLookup": 6,
          "seL4_DeleteFirst": 8}
RIGHTS_ALL, RIGHTS_READ = 0xF, 0x2


def root_cnode(run):
    """(address, radix) of the root CNode: the boot cap in slot 2 that names itself."""
    for e in run.trace.of("cap-insert", cause=1):
        if e.cap_type == "cnode" and e.slot == (e.w0 & ~0xF) + 2 * SLOT:
            return e.w0 & ~0xF, e.w1 & 0x1F
    raise AssertionError("the trace has no root CNode")


def made(run, object_type):
    """(object address, slot) of the first object of that seL4 type the program retyped."""
    for e in run.trace.of("object-create", type=object_type):
        if e.untyped:
            for c in run.trace.of("cap-insert", cause=2):
                if c.w0 & ~0xF == e.addr:
                    return e.addr, c.slot
    raise AssertionError("the trace shows no retype of object type %d" % object_type)


def ntfn(run):
    return made(run, 3)


def caps_to(run, addr, name, **where):
    """Cap events of that name for caps to the object at addr."""
    return [e for e in run.trace.of(name, **where) if e.w0 & ~0xF == addr]


def index(run, slot):
    base, _ = root_cnode(run)
    return (slot - base) // SLOT


def error_line(run, what, name):
    m = expect_line(run, r"^%s: (-?\d+)" % what, "a report of '%s'" % what)
    expect(int(m.group(1)) == ERRORS[name],
           "'%s' printed %s; seL4 says %s (%d)" % (what, m.group(1), name, ERRORS[name]))


class Cdt:
    """The derivation tree as the trace builds it up to event number until (events are
    counted, not timed: QEMU's trace has no instruction counts): live slot -> parent."""

    def __init__(self, run, until):
        self.parent = {}
        for e in run.trace.events[:until]:
            if e.name == "cap-insert":
                self.parent[e.slot] = e.parent
            elif e.name == "cap-move":
                self.parent[e.to_slot] = self.parent.pop(e.from_slot, 0)
                for s, p in self.parent.items():
                    if p == e.from_slot:
                        self.parent[s] = e.to_slot
            elif e.name == "cap-delete":
                self.parent.pop(e.slot, None)

    def descendants(self, slot):
        found, todo = set(), [slot]
        while todo:
            s = todo.pop()
            for c, p in self.parent.items():
                if p == s and c not in found:
                    found.add(c)
                    todo.append(c)
        return found


@test(10, "runs to the end and shuts down cleanly")
def _(run):
    expect_line(run, r"^lab 2 done$")
    expect_clean_end(run)


@test(20, "exercise 1: a copy, and seL4's errors for three mistakes")
def _(run):
    addr, slot = ntfn(run)
    copies = [e for e in caps_to(run, addr, "cap-insert", cause=3) if e.parent == slot]
    expect(copies, "the trace has no copy of the notification cap (cap-insert, cause copy, "
                   "parent the notification's slot)")
    error_line(run, "copy", "seL4_NoError")
    error_line(run, "copy into a full slot", "seL4_DeleteFirst")
    error_line(run, "copy from an empty slot", "seL4_FailedLookup")
    error_line(run, "copy with depth 12", "seL4_FailedLookup")
    expect(run.trace.count("cap-insert", slot=copies[0].slot) == 1,
           "something was inserted into the copy's slot again: a full slot must be refused")


@test(20, "exercise 2: badges and rights (mint, signal, poll)")
def _(run):
    addr, slot = ntfn(run)
    mints = [e for e in caps_to(run, addr, "cap-insert", cause=4) if e.parent == slot]
    five = [e for e in mints if e.badge == 5 and e.w1 >> 28 == RIGHTS_ALL]
    nine = [e for e in mints if e.badge == 9 and e.w1 >> 28 == RIGHTS_READ]
    expect(five, "no mint of the notification with badge 5 and all rights (parent the "
                 "original): mints seen %s" % [(e.badge, e.w1 >> 28) for e in mints])
    expect(nine, "no read-only mint of the notification with badge 9 (parent the original)")
    error_line(run, "re-badge a badged cap", "seL4_IllegalOperation")
    signals = run.trace.of("signal", notification=addr)
    expect([s for s in signals if s.badge == 5], "no signal with badge 5 reached the notification")
    expect(not [s for s in signals if s.badge == 9],
           "a signal through the read-only cap (badge 9) reached the notification")
    sends = run.trace.count("kernel-entry", cause=1, detail=0xFFFFFFFD)  # seL4_SysSend
    expect(sends >= 2, "%d seL4_Signal calls; signal through both minted caps" % sends)
    expect_in_order(run, [r"^signal through the read-only cap, poll: badge 0$",
                          r"^signal through the badged cap, poll: badge 5$"])
    grand = [e for e in caps_to(run, addr, "cap-insert", cause=3) if e.parent == five[0].slot]
    expect(grand and grand[0].badge == 5,
           "no copy of the badged cap (a cap-insert whose parent is the badge-5 cap)")


@test(10, "exercise 3: move the badged cap, delete the copy")
def _(run):
    addr, slot = ntfn(run)
    moves = [e for e in caps_to(run, addr, "cap-move", cause=5) if e.badge == 5]
    expect(moves, "the trace has no move of the badge-5 cap")
    m = expect_line(run, r"^after the move: slot (\d+) holds type (\d+), slot (\d+) type (\d+)$")
    got = tuple(int(g) for g in m.groups())
    want = (index(run, moves[0].from_slot), 0, index(run, moves[0].to_slot), 6)
    expect(got == want, "printed slots and types %s; the move went from slot %d to %d, "
           "so expected %s" % (got, want[0], want[2], want))
    copies = [e for e in caps_to(run, addr, "cap-insert", cause=3) if e.parent == slot]
    expect(copies and run.trace.of("cap-delete", slot=copies[0].slot, cause=8),
           "the copy of exercise 1 was not deleted with seL4_CNode_Delete")


@test(20, "exercise 4: a second CNode, by depth and by guard")
def _(run):
    addr, slot = ntfn(run)
    cnode, cnode_slot = made(run, 4)
    inside = {(e.slot - cnode) // SLOT for e in caps_to(run, addr, "cap-insert", cause=3)
              if cnode <= e.slot < cnode + 16 * SLOT}
    expect(3 in inside, "nothing was copied into slot 3 of the second CNode")
    mutated = [e for e in caps_to(run, cnode, "cap-move", cause=6)]
    expect(mutated, "the CNode cap was never mutated")
    g = mutated[0].w1
    expect((g >> 5) & 0x1F == 28 and g >> 10 == 0,
           "the mutated CNode cap has a guard of %d bits, value %d; expected 28 bits of 0"
           % ((g >> 5) & 0x1F, g >> 10))
    expect(5 in inside, "nothing was copied into slot 5 of the second CNode (through the "
                        "guarded cap)")
    expect(6 not in inside, "a copy reached slot 6 of the second CNode: those were mistakes")
    error_line(run, "copy with depth 4 now", "seL4_FailedLookup")
    error_line(run, "copy with a wrong guard", "seL4_FailedLookup")


@test(20, "exercise 5: revoke deletes exactly the derived caps")
def _(run):
    addr, slot = ntfn(run)
    begins = run.trace.of("revoke-begin", slot=slot)
    ends = run.trace.of("revoke-end", slot=slot)
    expect(begins and ends, "the notification's original cap was never revoked")
    events = run.trace.events
    start = events.index(begins[0])
    end = max(i for i, e in enumerate(events) if e is ends[-1])
    deleted = {e.slot for e in events[start:end] if e.name == "cap-delete" and e.cause == 9}
    derived = Cdt(run, start).descendants(slot)
    expect(len(derived) >= 4, "only %d caps were derived from the original before the "
                              "revoke; the exercises make at least 4" % len(derived))
    expect(deleted == derived, "the revoke deleted %d caps; %d were derived from the original"
           % (len(deleted), len(derived)))
    m = expect_line(run, r"^caps in the root CNode's slots (\d+) to (\d+): (\d+) before the "
                         r"revoke, (\d+) after$")
    lo, hi, before, after = (int(g) for g in m.groups())
    in_root = len([s for s in deleted if lo <= index(run, s) <= hi and
                   index(run, s) < (1 << root_cnode(run)[1])])
    expect(before - after == in_root, "printed %d before and %d after; the revoke deleted %d "
           "caps in those slots" % (before, after, in_root))
    expect(run.trace.of("cap-delete", slot=slot, cause=8) and
           run.trace.of("object-delete", addr=addr),
           "the original was not deleted afterwards (the notification object should go)")
