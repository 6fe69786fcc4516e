#!/usr/bin/env python3
# tools/grade/figures.py - `make figures`: every figure of the lab handouts, drawn by
# numbat-sim from a real run of the lab's reference solution. labs/NN-name/figures.txt
# lists them, one per line, `NAME.png numbat-sim options...` (for example
# `calls.png --tab ipc --at-console "server: two clients" --then-events 800`: the
# screenshot after the first console line containing the text, and 800 trace events more);
# each becomes labs/NN-name/figures/NAME.png. Never `--at N`: an instruction count moves
# whenever the kernel's code changes.
# The PNGs are never checked in (.gitignore): a figure is always what the code does now.
# --check: only verify that every figure a README or slide deck shows is listed here.
import os
import re
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import grade  # noqa: E402

ROOT = grade.ROOT


def listed(lab):
    """[(name, [options])] from labs/LAB/figures.txt."""
    path = os.path.join(ROOT, "labs", lab, "figures.txt")
    if not os.path.exists(path):
        return []
    out = []
    for line in open(path):
        line = line.split("#", 1)[0].strip()
        if line:
            words = shlex.split(line)
            out.append((words[0], words[1:]))
    return out


def shown():
    """[(file that shows it, lab, figure name)] for every figures/ image in the labs'
    READMEs and the slide decks."""
    refs = []
    for lab in sorted(os.listdir(os.path.join(ROOT, "labs"))):
        readme = os.path.join("labs", lab, "README.md")
        if os.path.exists(os.path.join(ROOT, readme)):
            for name in re.findall(r"\]\(figures/([^)\s]+)\)", open(os.path.join(ROOT, readme)).read()):
                refs.append((readme, lab, name))
    for deck in sorted(os.listdir(os.path.join(ROOT, "slides"))):
        if deck.endswith(".md"):
            text = open(os.path.join(ROOT, "slides", deck)).read()
            for lab, name in re.findall(r"\]\(\.\./labs/([^/)]+)/figures/([^)\s]+)\)", text):
                refs.append(("slides/" + deck, lab, name))
    return refs


def pinned():
    """[(lab, figure name)] for figures anchored to an instruction count (--at N), which
    any change to the kernel's code moves: figures.txt uses --at-console instead."""
    return [(lab, name) for lab in sorted(os.listdir(os.path.join(ROOT, "labs")))
            for name, options in listed(lab) if "--at" in options]


def main():
    check_only = "--check" in sys.argv
    os.chdir(ROOT)
    for lab, name in pinned():
        print("figures: labs/%s/figures.txt pins %s to an instruction count (--at N); anchor it "
              "to a console line instead (--at-console TEXT [--then-events N])" % (lab, name),
              file=sys.stderr)
    if pinned():
        sys.exit(1)
    missing = [(where, lab, name) for where, lab, name in shown()
               if name not in [n for n, _ in listed(lab)]]
    for where, lab, name in missing:
        print("figures: %s shows labs/%s/figures/%s, which labs/%s/figures.txt does not list"
              % (where, lab, name, lab), file=sys.stderr)
    if missing:
        sys.exit(1)
    if check_only:
        return
    made = 0
    for lab in sorted(os.listdir("labs")):
        figures = listed(lab)
        if not figures:
            continue
        image, _ = grade.lab_image(lab, "arm-sim", True, "build")
        if image is None:
            sys.exit("figures: labs/%s does not build" % lab)
        os.makedirs(os.path.join("labs", lab, "figures"), exist_ok=True)
        for name, options in figures:
            out = os.path.join("labs", lab, "figures", name)
            cmd = ["build/bin/numbat-sim", "--screenshot", out] + options + [image]
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if not os.path.exists(out) or p.returncode not in (0, 4):
                sys.exit("figures: %s failed (status %d): %s" % (" ".join(cmd), p.returncode,
                                                                 p.stderr.strip()))
            print("  FIGURE  " + out)
            made += 1
    print("figures: %d made" % made)


if __name__ == "__main__":
    main()
