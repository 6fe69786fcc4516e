#!/usr/bin/env python3
# tools/grade/grade.py - `make grade LAB=n`: builds a lab (the student's folder, or with
# --solution the folder with solutions/ laid over it), runs it once headless on
# numbat-sim or QEMU, recording the trace, and scores the tests in the lab's grade.py.
# Partner: gradelib.py (what grade.py files are written with); docs/grading.md.
#
# Exit status: 0 full marks, 1 some test failed, 2 the lab could not be built or run.
import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gradelib  # noqa: E402

PLATS = ("arm-sim", "vexpress-a15", "raspi2")
# The boards QEMU runs, each with its kernel's trace sent on a UART (TRACE=uart).
QEMU_PLATS = ("vexpress-a15", "raspi2")


def die(message):
    print("grade: " + message, file=sys.stderr)
    sys.exit(2)


def find_lab(name):
    """labs/NN-name for '5', '05', '05-ipc' or 'labs/05-ipc'."""
    labs = sorted(d for d in os.listdir(os.path.join(ROOT, "labs"))
                  if os.path.isfile(os.path.join(ROOT, "labs", d, "grade.py")))
    base = os.path.basename(name.rstrip("/"))
    for d in labs:
        if d == base or (base.isdigit() and d.split("-")[0].isdigit()
                         and int(d.split("-")[0]) == int(base)):
            return d
    die("no lab '%s' (labs with a grader: %s)" % (name, ", ".join(labs) or "none"))


def solution_tree(lab, build):
    """The lab folder with solutions/LAB laid over it, in build/grade/LAB-solution."""
    sol = os.path.join(ROOT, "solutions", lab)
    if not os.path.isdir(sol):
        die("no solutions/%s (a handout has no solutions)" % lab)
    dst = os.path.join(build, "grade", lab + "-solution")
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "labs", lab), dst)
    shutil.copytree(sol, dst, dirs_exist_ok=True)
    return dst


def lab_image(lab, plat, solution, build):
    """Builds a lab (with its solution laid over it when solution is true) for plat and
    returns (image path or None if it does not build, the lab's grader module)."""
    grader = load_grader(os.path.join(ROOT, "labs", lab, "grade.py"))
    app = solution_tree(lab, build) if solution else os.path.join("labs", lab)
    image = build_image(os.path.relpath(app, ROOT), plat, build, getattr(grader, "MAKE_VARS", {}))
    return image, grader


def load_grader(path):
    spec = importlib.util.spec_from_file_location("lab_grade", path)
    module = importlib.util.module_from_spec(spec)
    del gradelib.TESTS[:]
    spec.loader.exec_module(module)
    return module


def build_image(app, plat, build, make_vars):
    name = os.path.basename(app)
    cmd = ["make", "--no-print-directory", "-f", "mk/image.mk", "PLAT=" + plat, "APP=" + app,
           "BUILD=" + build] + ["%s=%s" % kv for kv in make_vars.items()]
    if plat in QEMU_PLATS:
        cmd.append("TRACE=uart")
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        sys.stdout.write(p.stdout)
        print("grade: the lab does not build (above): every test scores 0")
        return None
    suffix = "-trace" if plat in QEMU_PLATS else ""
    for var, value in make_vars.items():
        if var == "FASTPATH" and value == "0":
            suffix = "-nofastpath" + suffix
    return os.path.join(build, plat, name + suffix + ".elf")


def how_it_ended(console, status):
    if "numbat: kernel panic" in console:
        return "panic"
    if "numbat: deadlock" in console:
        return "deadlock"
    if status == 4:
        return "out of instructions"
    if status == 3:
        return "crash"
    return "shutdown"


def run_sim(image, out, sim, tool, max_insns, timeout):
    trace_file = out + ".trace"
    cmd = [sim, "--stats", "--trace-out", trace_file, "--max-insns", str(max_insns), image]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return gradelib.Run("", None, "timeout", gradelib.Trace(""))
    console = p.stdout.decode("utf-8", "replace")
    if p.returncode == 2:
        die("numbat-sim refused the image: " + p.stderr.decode("utf-8", "replace").strip())
    insns = None
    for line in p.stderr.decode("utf-8", "replace").splitlines():
        if line.startswith("stats: "):
            insns = int(line.split()[1])
    text = subprocess.run([tool, trace_file], stdout=subprocess.PIPE, text=True).stdout
    return gradelib.Run(console, p.returncode, how_it_ended(console, p.returncode),
                        gradelib.Trace(text), insns)


# QEMU's clocks follow the host's unless told otherwise, so a loaded machine changes
# what a lab sees (a periodic timer fires again before the driver stops it). With
# -icount virtual time is the instruction count (8 ns each) and an idle guest skips
# ahead (sleep=off): the same image gives the same run, as on numbat-sim.
QEMU_DETERMINISTIC = ["-icount", "shift=3,sleep=off"]


def run_qemu(image, out, tool, timeout, plat="vexpress-a15"):
    trace_file = out + ".uart"
    if plat == "raspi2":
        # One UART carries the console and the trace frames (docs/raspi.md): QEMU
        # writes it all to the file, numbat-trace --console takes the text back out.
        cmd = ["qemu-system-arm", "-M", "raspi2b", "-display", "none", "-monitor", "none",
               "-no-reboot", "-serial", "file:" + trace_file, "-kernel", image] + QEMU_DETERMINISTIC
    else:
        cmd = ["qemu-system-arm", "-M", "vexpress-a15", "-m", "128M", "-display", "none",
               "-monitor", "none", "-audiodev", "none,id=none", "-no-reboot", "-serial", "stdio",
               "-serial", "file:" + trace_file, "-kernel", image] + QEMU_DETERMINISTIC
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        console = p.stdout.decode("utf-8", "replace")
        ended = how_it_ended(console, None)
    except subprocess.TimeoutExpired as e:
        console = (e.stdout or b"").decode("utf-8", "replace")
        ended = "timeout"
    if plat == "raspi2":
        console = subprocess.run([tool, "--console", trace_file], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL).stdout.decode("utf-8", "replace")
        ended = how_it_ended(console, None) if ended != "timeout" else ended
    text = subprocess.run([tool, "--uart", trace_file], stdout=subprocess.PIPE, text=True,
                          stderr=subprocess.DEVNULL).stdout
    # QEMU does not report the guest's shutdown status: a clean end counts as 0.
    return gradelib.Run(console, 0 if ended == "shutdown" else None, ended, gradelib.Trace(text))


def score(tests, run, verbose):
    got = total = 0
    width = max([len(t) for _, t, _ in tests] + [20])
    for points, title, f in tests:
        total += points
        try:
            f(run)
            ok, why = True, ""
        except (gradelib.Fail, AssertionError) as e:
            ok, why = False, str(e) or "assertion failed"
        except Exception as e:  # a grader bug must not hide the other tests
            ok, why = False, "grader error: %s: %s" % (type(e).__name__, e)
        got += points if ok else 0
        print("  %-*s  %s %3d/%d" % (width, title, "OK  " if ok else "FAIL", points if ok else 0,
                                       points))
        if why:
            print("      " + why)
    return got, total


def grade_lab(lab, plat, solution, build, sim, tool, verbose=False):
    """Builds, runs and scores one lab, printing its report; returns a dict with its
    score (got, total), tests, instructions (None on QEMU), run_seconds (the guest's run)
    and seconds (the whole grader: build, run and scoring)."""
    began = time.time()
    what = "solution" if solution else "your code"
    print("== lab %s (%s) on %s" % (lab, what, plat), flush=True)
    image, grader = lab_image(lab, plat, solution, build)
    tests = list(gradelib.TESTS)
    if not tests:
        die("labs/%s/grade.py declares no tests" % lab)
    if image is None:
        run = gradelib.Run("", None, "not built", gradelib.Trace(""))
        seconds = 0.0
    else:
        out_dir = os.path.join(build, "grade", "runs")
        os.makedirs(out_dir, exist_ok=True)
        out = os.path.join(out_dir, "%s%s-%s" % (lab, "-solution" if solution else "", plat))
        start = time.time()
        if plat == "arm-sim":
            run = run_sim(image, out, sim, tool, getattr(grader, "MAX_INSNS", 200 * 1000 * 1000),
                          600)
        else:
            run = run_qemu(image, out, tool, getattr(grader, "QEMU_TIMEOUT", 60), plat)
        seconds = time.time() - start
        with open(out + ".console", "w") as f:
            f.write(run.console)
    if verbose:
        sys.stdout.write(run.console)
        sys.stdout.flush()
    insns = "%d instructions, " % run.instructions if run.instructions is not None else ""
    print("   %s%.1f s, %d trace events, ended: %s%s" % (
        insns, seconds, len(run.trace.events), run.ended,
        "" if run.status is None else " (status %d)" % run.status))
    got, total = score(tests, run, verbose)
    print("Score: %d/%d" % (got, total), flush=True)
    return {"lab": lab, "got": got, "total": total, "tests": len(tests),
            "instructions": run.instructions, "run_seconds": seconds,
            "seconds": time.time() - began, "ended": run.ended}


def print_table(results, plat, solution):
    """The figures for the course notes: per lab, points, tests, instructions and wall
    time, as a Markdown table."""
    print()
    print("== every lab (%s) on %s" % ("solution" if solution else "your code", plat))
    print("| lab | points | tests | score | instructions | run (s) | grader (s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print("| %s | %d | %d | %d/%d | %s | %.2f | %.1f |" % (
            r["lab"], r["total"], r["tests"], r["got"], r["total"],
            "-" if r["instructions"] is None else "{:,}".format(r["instructions"]),
            r["run_seconds"], r["seconds"]))
    got = sum(r["got"] for r in results)
    total = sum(r["total"] for r in results)
    insns = [r["instructions"] for r in results if r["instructions"] is not None]
    print("| all %d labs | %d | %d | %d/%d | %s | %.2f | %.1f |" % (
        len(results), total, sum(r["tests"] for r in results), got, total,
        "{:,}".format(sum(insns)) if insns else "-",
        sum(r["run_seconds"] for r in results), sum(r["seconds"] for r in results)))
    print("(run: the guest's run alone; grader: building, running and scoring it)")


def all_labs():
    return sorted(d for d in os.listdir(os.path.join(ROOT, "labs"))
                  if os.path.isfile(os.path.join(ROOT, "labs", d, "grade.py")))


def main():
    ap = argparse.ArgumentParser(description="Build, run and score a Numbat lab.")
    ap.add_argument("lab", nargs="?", help="lab number or folder, e.g. 5 or labs/05-ipc")
    ap.add_argument("--all", action="store_true",
                    help="every lab in turn, then a table of points, tests, instructions and time")
    ap.add_argument("--plat", default="arm-sim", choices=PLATS)
    ap.add_argument("--solution", action="store_true", help="grade the reference solution")
    ap.add_argument("--build", default="build")
    ap.add_argument("--sim", default="build/bin/numbat-sim")
    ap.add_argument("--trace-tool", default="build/bin/numbat-trace")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the console too")
    args = ap.parse_args()
    os.chdir(ROOT)
    if args.all == (args.lab is not None):
        ap.error("give a lab or --all")
    labs = all_labs() if args.all else [find_lab(args.lab)]
    results = [grade_lab(lab, args.plat, args.solution, args.build, args.sim, args.trace_tool,
                         args.verbose) for lab in labs]
    if args.all:
        print_table(results, args.plat, args.solution)
    sys.exit(0 if all(r["got"] == r["total"] for r in results) else 1)


if __name__ == "__main__":
    main()
