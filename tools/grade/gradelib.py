# tools/grade/gradelib.py - what a lab's grade.py is written with: tests that check one
# run of the lab (its console lines, how it ended, its trace events), each worth points.
# tools/grade/grade.py builds and runs the lab and calls the tests; docs/grading.md
# describes both. Graders check behaviour, never timings.
import re

# ---- the trace stream (docs/trace-format.md), as numbat-trace prints it -------------
# Field names for each event's payload words, in order.
FIELDS = {
    "boot": ("version", "platform", "ram_base", "ram_size"),
    "object-create": ("type", "addr", "size_bits", "untyped"),
    "object-delete": ("cap_type", "addr"),
    "cap-insert": ("slot", "w0", "w1", "parent", "flags", "cause"),
    "cap-move": ("from_slot", "to_slot", "w0", "w1", "cause"),
    "cap-delete": ("slot", "w0", "w1", "cause"),
    "revoke-begin": ("slot",),
    "revoke-end": ("slot",),
    "thread-state": ("tcb", "state"),
    "thread-priority": ("tcb", "priority", "mcp"),
    "thread-name": ("tcb",),
    "switch": ("from_tcb", "to_tcb"),
    "kernel-entry": ("cause", "detail", "tcb", "pc"),
    "kernel-exit": ("tcb",),
    "ipc-send": ("endpoint", "sender", "badge", "length", "label", "caps"),
    "ipc-recv": ("endpoint", "receiver", "badge", "length", "label", "caps"),
    "ipc-reply": ("replier", "caller", "length", "label", "caps"),
    "signal": ("notification", "badge", "woken"),
    "map": ("pd", "vaddr", "paddr", "size_bits", "access", "slot"),
    "unmap": ("pd", "vaddr", "size_bits", "slot"),
    "fault": ("tcb", "fault_type", "addr", "pc"),
    "irq": ("irq",),
    "cap-swap": ("slot_a", "slot_b", "a_w0", "a_w1", "b_w0", "b_w1"),
    "cap-update": ("slot", "w0", "w1"),
    "thread-blocked": ("tcb", "state", "object", "badge"),
    "invocation": ("slot", "cap_word0", "label", "error"),
}

# Cap types in cap word 0 bits 3:0, and the causes of cap events (trace/cap_words.h,
# trace/format.h).
CAP_TYPES = ("null", "untyped", "endpoint", "notification", "reply", "cnode", "thread",
             "irq-control", "irq-handler", "domain", "frame", "page-table",
             "page-directory", "asid-control", "asid-pool", "zombie")
CAUSES = {1: "boot", 2: "retype", 3: "copy", 4: "mint", 5: "move", 6: "mutate",
          7: "rotate", 8: "delete", 9: "revoke", 10: "tcb-configure", 11: "ipc-transfer"}
# seL4 object types in object-create (libsel4's sel4/objecttype.h, AArch32 numbering).
OBJECT_TYPES = {0: "untyped", 1: "thread", 2: "endpoint", 3: "notification", 4: "cnode",
                5: "page-directory", 6: "small-page", 7: "large-page", 8: "section",
                9: "supersection", 10: "page-table"}
THREAD_STATES = {0: "inactive", 1: "runnable", 3: "blocked-on-receive",
                 4: "blocked-on-send", 5: "blocked-on-reply", 6: "blocked-on-notification"}


class Event:
    """One trace event: .time (instructions), .name, .words, and each field by name
    (ev.badge, ev.slot ...). Cap events also have .cap_type and .cause_name."""

    def __init__(self, time, name, words):
        self.time, self.name, self.words = time, name, words
        for field, value in zip(FIELDS.get(name, ()), words):
            setattr(self, field, value)
        if hasattr(self, "w0"):
            self.cap_type = CAP_TYPES[self.w0 & 0xF]
            self.badge = self.w1 & 0x0FFFFFFF if self.cap_type in ("endpoint", "notification") \
                else None
        if hasattr(self, "cause") and name.startswith("cap-"):
            self.cause_name = CAUSES.get(self.cause, str(self.cause))
        if name == "object-create":
            self.type_name = OBJECT_TYPES.get(self.type, str(self.type))
        if name == "thread-name":
            raw = b"".join(w.to_bytes(4, "little") for w in words[1:])
            self.thread_name = raw.split(b"\0")[0].decode("ascii", "replace")

    def __repr__(self):
        return "%d %s %s" % (self.time, self.name, " ".join("%08x" % w for w in self.words))


class Trace:
    """The events of one run, in order."""

    def __init__(self, text):
        self.events = []
        for line in text.splitlines():
            parts = line.split()
            if len(parts) < 2 or not parts[0].isdigit():
                continue
            words = []
            for p in parts[2:]:
                if not re.fullmatch(r"[0-9a-f]{8}", p):
                    break
                words.append(int(p, 16))
            self.events.append(Event(int(parts[0]), parts[1], words))
        self.names = {e.tcb: e.thread_name for e in self.events if e.name == "thread-name"}

    def of(self, name, **where):
        """The events called name whose fields equal the given values, e.g.
        trace.of("ipc-recv", badge=7)."""
        return [e for e in self.events if e.name == name and
                all(getattr(e, k, None) == v for k, v in where.items())]

    def count(self, name, **where):
        return len(self.of(name, **where))

    def thread(self, name):
        """The TCB address of the thread the program named (seL4_DebugNameThread), or None."""
        for tcb, n in self.names.items():
            if n == name:
                return tcb
        return None


# ---- one run of a lab --------------------------------------------------------------
class Run:
    """What a grader sees: .console (the console text, LF line ends), .lines, .status
    (exit status), .ended ('shutdown', 'panic', 'deadlock', 'crash', 'out of
    instructions', 'timeout'), .trace (a Trace), .instructions (None on QEMU)."""

    def __init__(self, console, status, ended, trace, instructions=None):
        self.console = console.replace("\r\n", "\n")
        self.lines = self.console.splitlines()
        self.status, self.ended, self.trace = status, ended, trace
        self.instructions = instructions

    def find(self, pattern):
        """The first console line that pattern (a regular expression) matches, as a
        match object; None if no line does."""
        for line in self.lines:
            m = re.search(pattern, line)
            if m:
                return m
        return None

    def findall(self, pattern):
        return [m for m in (re.search(pattern, line) for line in self.lines) if m]


class Fail(Exception):
    """A check that did not hold: the message tells the student what was expected."""


def expect(cond, message):
    if not cond:
        raise Fail(message)


def expect_line(run, pattern, what=None):
    """The console has a line matching pattern; returns its match object."""
    m = run.find(pattern)
    if m is None:
        raise Fail("no console line matches /%s/%s" % (pattern, " (" + what + ")" if what else ""))
    return m


def expect_no_line(run, pattern):
    m = run.find(pattern)
    if m is not None:
        raise Fail("unexpected console line: %r" % m.string)


def expect_in_order(run, patterns):
    """Console lines match the patterns one after another (other lines may come between)."""
    i = 0
    for pattern in patterns:
        while i < len(run.lines) and not re.search(pattern, run.lines[i]):
            i += 1
        if i == len(run.lines):
            raise Fail("no console line matches /%s/ after the lines before it" % pattern)
        i += 1


def expect_clean_end(run):
    """The program shut the board down itself: no panic, deadlock or crash, status 0."""
    expect(run.ended == "shutdown" and run.status == 0,
           "the run ended with %s (status %s), not a clean shutdown" % (run.ended, run.status))


# ---- the tests a lab declares --------------------------------------------------------
TESTS = []


def test(points, title):
    """Decorator: f(run) is a test worth points; it passes when it returns without
    raising (Fail or AssertionError explain a failure)."""
    def register(f):
        TESTS.append((points, title, f))
        return f
    return register
