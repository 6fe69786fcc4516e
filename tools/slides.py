#!/usr/bin/env python3
# tools/slides.py - `make slides`: renders each slides/NN-name.md to a self-contained
# HTML deck in build/slides/ with pandoc (dzslides: styles, script and pictures inside
# the page, nothing fetched). Figures come from `make figures` (labs/*/figures/), and a
# line `<!-- table: NAME -->` becomes a table measured now by numbat-sim:
#   ipc-paths     kernel instructions and stores per IPC path (bench/ipc-paths) and
#                 per interrupt delivered to a handler thread (bench/irq-paths)
#   kernel-paths  instructions per system call path (bench/kernel-paths)
#   vm-paths      kernel instructions per mapping call, and a VM fault's round trip
#                 through a user pager (bench/vm-paths, built here if missing)
# so no number on a slide is older than the code. Needs numbat-sim and those images.
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SIM = "build/bin/numbat-sim"


def sim_trace(flags, image):
    p = subprocess.run([SIM, "--trace", flags, image], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return p.stderr


def gawk(script, text, *assigns):
    args = ["gawk"]
    for a in assigns:
        args += ["-v", a]
    return subprocess.run(args + ["-f", script], input=text, stdout=subprocess.PIPE,
                          text=True, check=True).stdout


def rows(text):
    """'name   figure' lines (two or more spaces between) as (name, figure) pairs."""
    return [tuple(re.split(r"\s{2,}", line.strip(), maxsplit=1)) for line in text.splitlines()
            if re.search(r"\S\s{2,}\S", line)]


def table_ipc_paths():
    fast = gawk("tools/ipc-paths.awk", sim_trace("ks", "build/arm-sim/ipc-paths.elf"),
                "path=fastpath", "all=1")
    slow = gawk("tools/ipc-paths.awk", sim_trace("ks", "build/arm-sim/ipc-paths-nofastpath.elf"),
                "path=slow path", "all=0")
    irq = subprocess.run(["tools/irq-paths.sh", "build/arm-sim/irq-paths.elf"],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    return ("| path | cost |", sorted(rows(fast)) + sorted(rows(slow)) + sorted(rows(irq)))


def table_kernel_paths():
    lines = []
    for line in sim_trace("s", "build/arm-sim/kernel-paths.elf").splitlines():
        line = re.sub(r"^\[ *", "", line).replace("]", "", 1)
        words = line.split()
        if len(words) > 1:
            words[1] = words[0]
        lines.append(" ".join(words))
    return ("| system call | instructions |",
            rows(gawk("tools/kernel-paths.awk", "\n".join(lines) + "\n")))


def table_vm_paths():
    image = "build/arm-sim/vm-paths.elf"
    if not os.path.exists(image):
        subprocess.run(["make", "--no-print-directory", "-f", "mk/image.mk", "PLAT=arm-sim",
                        "APP=bench/vm-paths"], check=True, stdout=subprocess.DEVNULL)
    text = gawk("tools/ipc-paths.awk", sim_trace("ks", image), "path=vm", "all=1",
                "whole_spec=f:200:VM fault round trip via a user pager (Unmap + Map)")
    return ("| operation | cost |", sorted(rows(text)))


TABLES = {"ipc-paths": table_ipc_paths, "kernel-paths": table_kernel_paths, "vm-paths": table_vm_paths}


def render_table(name, where):
    if name not in TABLES:
        sys.exit("slides: %s asks for table '%s'; known: %s" % (where, name, ", ".join(TABLES)))
    head, body = TABLES[name]()
    if not body:
        sys.exit("slides: table '%s' came out empty (are the bench images built?)" % name)
    out = [head, "| --- | --- |"] + ["| %s | %s |" % r for r in body]
    return "\n".join(out) + "\n\n*Measured by `make slides` on numbat-sim.*\n"


def main():
    os.chdir(ROOT)
    os.makedirs("build/slides", exist_ok=True)
    for deck in sorted(f for f in os.listdir("slides") if f.endswith(".md")):
        text = open(os.path.join("slides", deck)).read()
        text = re.sub(r"^<!-- table: ([\w-]+) -->$",
                      lambda m: render_table(m.group(1), "slides/" + deck), text, flags=re.M)
        src = os.path.join("build/slides", deck)
        with open(src, "w") as f:
            f.write(text)
        out = os.path.join("build/slides", deck[:-3] + ".html")
        # Relative picture paths are the deck's own (slides/), as in the Markdown.
        subprocess.run(["pandoc", "-t", "dzslides", "--standalone", "--self-contained",
                        "--resource-path=slides", "-o", out, src], check=True)
        print("  SLIDES  " + out)


if __name__ == "__main__":
    main()
