#!/usr/bin/env bash
# tools/bench.sh - the benchmark table `make bench` prints. Figures, not tests:
# nothing here passes or fails on a number. Needs the images and numbat-sim built.
# --quick (make bench-quick, run by CI): every figure once, not the best of several,
# so that the table is computed on every change and cannot break unnoticed.
set -euo pipefail
QUICK=0
[ "${1:-}" = --quick ] && QUICK=1
# The Makefile names the programs of the build in use (build/uc-X.Y.Z/ under UNICORN_PREFIX).
SIM=${SIM:-build/bin/numbat-sim}
VIS_BENCH=${VIS_BENCH:-build/bin/vis-bench}
TT_BENCH=${TT_BENCH:-build/bin/tt-bench}
QEMU=(qemu-system-arm -M vexpress-a15 -m 128M -nographic -audiodev none,id=none -no-reboot)

stat_field() { # $1 = stats line, $2 = field number (1 insns, 3 seconds, 5 MIPS)
    echo "$1" | sed 's/^stats: //; s/,//g' | awk -v f="$2" '{print $f}'
}

run_stats() { # $@ = numbat-sim arguments; prints the stats line
    "$SIM" --stats "$@" 2>&1 >/dev/null </dev/null | grep '^stats:' | tail -1
}

runs() { # $1 = how many runs the full table takes the best of
    if [ "$QUICK" = 1 ]; then echo 1; else echo "$1"; fi
}

best_of() { # $1 = runs, rest = command; prints the best wall time in seconds
    local runs=$1 best=""
    shift
    for _ in $(seq "$runs"); do
        local t0 t1 dt
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1 </dev/null || true
        t1=$(date +%s.%N)
        dt=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc -l)" = 1 ]; then best=$dt; fi
    done
    printf '%.3f' "$best"
}

printf '%-52s %s\n' "benchmark" "figure"
printf '%-52s %s\n' "---------" "------"

# ---- the Unicorn in use (mk/unicorn.mk): every figure below depends on it ----
printf '%-52s %s\n' "Unicorn engine in use (numbat-sim --version)" \
    "$("$SIM" --version | sed -n 's/^Unicorn //p'), $SIM"
# ---- end of the Unicorn block ----

spin=$(run_stats build/arm-sim/spin.elf)
printf '%-52s %s MIPS (%s instructions in %s s)\n' "simulator speed, compute loop (tests/system/spin)" \
    "$(stat_field "$spin" 5)" "$(stat_field "$spin" 1)" "$(stat_field "$spin" 3)"

y=$(run_stats build/arm-sim/yield-loop.elf)
e=$(run_stats build/arm-sim/yield-baseline.elf)
per_call=$(( ($(stat_field "$y" 1) - $(stat_field "$e" 1)) / 100000 ))
svc_rate=$(echo "100000 / $(stat_field "$y" 3)" | bc -l)
printf '%-52s %s instructions per call (user + kernel)\n' "seL4_Yield round trip (bench/yield-loop)" "$per_call"
printf '%-52s %.0f per second\n' "emulated SVC round trips" "$svc_rate"

# Kernel paths: instruction counts (user stub and loop included), from the trace.
"$SIM" --trace s build/arm-sim/kernel-paths.elf 2>&1 >/dev/null </dev/null |
    sed 's/^\[ *//; s/\]//' | awk '{ $2 = $1; print }' | gawk -f tools/kernel-paths.awk

# IPC paths: kernel instructions from svc to the return to user mode, and stores.
"$SIM" --trace ks build/arm-sim/ipc-paths.elf 2>&1 >/dev/null </dev/null |
    gawk -v path=fastpath -v all=1 -f tools/ipc-paths.awk | sort
"$SIM" --trace ks build/arm-sim/ipc-paths-nofastpath.elf 2>&1 >/dev/null </dev/null |
    gawk -v path="slow path" -v all=0 -f tools/ipc-paths.awk | sort
printf '%-52s %s\n' "  for comparison" "seL4 on Cortex-A9 (published): Call 367, ReplyRecv 352 cycles; L4 on i486: 250 cycles"
"$SIM" --trace ks build/arm-sim/vm-paths.elf 2>&1 >/dev/null </dev/null |
    gawk -v path=vm -v all=1 -v whole_spec="f:200:VM fault round trip via a user pager (Unmap + Map)" \
        -f tools/ipc-paths.awk | sort
"$SIM" --trace s build/arm-sim/spawn.elf 2>&1 >/dev/null </dev/null |
    gawk -v all=1 -v whole_spec="s:1:creating a process (libnumbat, bench/spawn)" -f tools/ipc-paths.awk

calls=$(run_stats build/arm-sim/hello.elf)
insns=$(stat_field "$calls" 1)
syscalls=$("$SIM" --trace s build/arm-sim/hello.elf 2>&1 >/dev/null </dev/null | grep -c 'syscall ')
printf '%-52s %s system calls, %s instructions in all\n' "hello: system calls and instructions" \
    "$syscalls" "$insns"

boot=$("$SIM" --trace u --max-insns 3000000 build/arm-sim/hello.elf 2>&1 >/dev/null </dev/null \
    | grep -m1 ' user ' | sed 's/^\[ *\([0-9]*\)\].*/\1/' || true)
printf '%-52s %s instructions (includes the 2-tick timer self-test)\n' \
    "boot to first user instruction" "${boot:-?}"

# The visualizer: replaying 100,000 events, drawing, memory; and the simulator's speed
# with a visualizer session attached (every event fed to the model) against headless.
trace=$(mktemp)
"$SIM" --trace-out "$trace" build/arm-sim/cap-churn.elf >/dev/null </dev/null
"$VIS_BENCH" "$trace" 100000
rm -f "$trace"
headless_t=$(best_of "$(runs 3)" "$SIM" build/arm-sim/cap-churn.elf)
shot=$(mktemp --suffix=.png)
attached_t=$(best_of "$(runs 3)" "$SIM" --screenshot "$shot" build/arm-sim/cap-churn.elf)
rm -f "$shot"
printf '%-52s %s s headless, %s s with the visualizer model (%.2fx)\n' \
    "bench/cap-churn (105,000 events)" "$headless_t" "$attached_t" \
    "$(echo "$attached_t / $headless_t" | bc -l)"

sim_t=$(best_of "$(runs 5)" "$SIM" build/arm-sim/hello.elf)
qemu_t=$(best_of "$(runs 3)" "${QEMU[@]}" -kernel build/vexpress-a15/hello.elf)
printf '%-52s %s s\n' "hello, numbat-sim wall time (best of $(runs 5))" "$sim_t"
printf '%-52s %s s\n' "hello, qemu-system-arm wall time (best of $(runs 3))" "$qemu_t"
printf '%-52s %.1fx\n' "qemu / numbat-sim wall time on hello" "$(echo "$qemu_t / $sim_t" | bc -l)"

# IPC ping-pong: 100,000 round trips; boot and exit (hello's time) subtracted.
pp_sim=$(best_of "$(runs 3)" "$SIM" build/arm-sim/ipc-pingpong.elf)
pp_qemu=$(best_of "$(runs 3)" "${QEMU[@]}" -kernel build/vexpress-a15/ipc-pingpong.elf)
rate() { echo "100000 / ($1 - $2)" | bc -l; }
printf '%-52s %.0f round trips/s (numbat-sim), %.0f (qemu), ratio %.2f\n' \
    "IPC ping-pong, Call + ReplyRecv" "$(rate "$pp_sim" "$sim_t")" "$(rate "$pp_qemu" "$qemu_t")" \
    "$(echo "($pp_qemu - $qemu_t) / ($pp_sim - $sim_t)" | bc -l)"

# A user-level pager: 20,000 VM faults, each answered with an Unmap and a Map.
vm_sim=$(best_of "$(runs 3)" "$SIM" build/arm-sim/vm-pager.elf)
vm_qemu=$(best_of "$(runs 3)" "${QEMU[@]}" -kernel build/vexpress-a15/vm-pager.elf)
faults() { echo "20000 / ($1 - $2)" | bc -l; }
printf '%-52s %.0f faults/s (numbat-sim), %.0f (qemu), ratio %.2f\n' \
    "VM faults through a user pager (bench/vm-pager)" "$(faults "$vm_sim" "$sim_t")" \
    "$(faults "$vm_qemu" "$qemu_t")" "$(echo "($vm_qemu - $qemu_t) / ($vm_sim - $sim_t)" | bc -l)"

# Time travel (docs/time-travel.md): sel4test for 100 M instructions (10 M in quick mode)
# with a checkpoint every 1 Mi instructions: the cost of keeping them, their memory, and
# jumps back from the end to points spread over the second half and over the whole run
# (target: under 200 ms), within the default memory bound (--checkpoint-mem) and, in the
# full run, within 11 MiB, where old checkpoints are thinned.
if [ "$QUICK" = 1 ]; then tt_insns=10000000 tt_jumps=3; else tt_insns=100000000 tt_jumps=10; fi
"$TT_BENCH" build/arm-sim/sel4test.elf "$tt_insns" 1048576 "$tt_jumps" |
    while IFS= read -r line; do printf '%-52s %s\n' "time travel (sel4test)" "$line"; done
if [ "$QUICK" = 0 ]; then
    "$TT_BENCH" build/arm-sim/sel4test.elf "$tt_insns" 1048576 "$tt_jumps" 11 |
        while IFS= read -r line; do printf '%-52s %s\n' "time travel (sel4test, 11 MiB)" "$line"; done
fi

# ---- Unicorn 2.0.1 against 2.1 (make bench only; mk/unicorn.mk sets SIM_UNICORN21 when
# build/unicorn-2.1 is there, make bench-unicorn prints this block alone) ----
if [ "$QUICK" = 0 ] && [ -n "${SIM_UNICORN21:-}" ]; then
    echo
    tools/bench-unicorn.sh "$SIM" "$SIM_UNICORN21" "${BENCH_RUNS:-3}"
fi
# ---- end of the Unicorn comparison ----
