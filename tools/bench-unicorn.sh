#!/usr/bin/env bash
# tools/bench-unicorn.sh SIM_A SIM_B [RUNS] - the same arm-sim images on two numbat-sim
# builds that differ only in their Unicorn (make bench-unicorn; make bench runs it at its
# end when build/unicorn-2.1 is there): host microseconds per Yield and per IPC round
# trip, wall and CPU times, the ratios A/B, and whether instruction counts and output
# agree. They must: the guest runs the same instructions whatever the engine, only faster
# or slower. Each figure is the best of RUNS runs (default 3). Figures, not tests: the
# exit status is 1 only when an instruction count or an output differs.
# Partners: tools/bench.sh, mk/unicorn.mk (the builds), docs/unicorn-notes.md (the figures).
set -euo pipefail
SIM_A=$1 SIM_B=$2 RUNS=${3:-3}

engine() { "$1" --version | sed -n 's/^Unicorn \([^ ]*\).*/\1/p'; }
VA=$(engine "$SIM_A")
VB=$(engine "$SIM_B")

# measure SIM IMAGE OUT: prints "wall cpu instructions", the best wall time and the best
# CPU time (user + system) in seconds over RUNS runs. The count comes from --stats and
# must be the same every run (virtual time is deterministic). Per-call figures use the
# CPU time: on a shared machine it moves less than the wall time when others run.
# The guest's output (the console) goes to OUT, to be compared between the builds.
measure() {
    local sim=$1 image=$2 output=$3 wall="" cpu="" insns="" i out r u s c n
    for i in $(seq "$RUNS"); do
        out=$( { TIMEFORMAT='%R %U %S'; time "$sim" --stats "$image" >"$output" 2>"$TMP_ERR" </dev/null \
            || true; } 2>&1 )
        read -r r u s <<<"$out"
        c=$(echo "$u + $s" | bc -l)
        n=$(grep '^stats:' "$TMP_ERR" | tail -1 | sed 's/^stats: //; s/,//g' | awk '{print $1}')
        if [ -n "$insns" ] && [ "$n" != "$insns" ]; then n="varies"; fi
        insns=${n:-?}
        if [ -z "$wall" ] || [ "$(echo "$r < $wall" | bc -l)" = 1 ]; then wall=$r; fi
        if [ -z "$cpu" ] || [ "$(echo "$c < $cpu" | bc -l)" = 1 ]; then cpu=$c; fi
    done
    echo "$wall $cpu $insns"
}
TMP=$(mktemp -d)
TMP_ERR=$TMP/stderr
trap 'rm -rf "$TMP"' EXIT

declare -A WALL_A WALL_B CPU_A CPU_B INSN_A INSN_B
IMAGES=(hello yield-loop yield-baseline ipc-pingpong cap-churn sel4test)
for img in "${IMAGES[@]}"; do
    read -r "WALL_A[$img]" "CPU_A[$img]" "INSN_A[$img]" < <(measure "$SIM_A" "build/arm-sim/$img.elf" "$TMP/$img.a")
    read -r "WALL_B[$img]" "CPU_B[$img]" "INSN_B[$img]" < <(measure "$SIM_B" "build/arm-sim/$img.elf" "$TMP/$img.b")
done

same() { # $@ = images: "identical" when every count and every output agrees between the builds
    local img
    for img in "$@"; do
        if [ "${INSN_A[$img]}" != "${INSN_B[$img]}" ] || [ "${INSN_A[$img]}" = varies ] ||
            ! cmp -s "$TMP/$img.a" "$TMP/$img.b"; then
            echo "DIFFER"; return; fi
    done
    echo "identical"
}
ratio() { printf '%.1fx' "$(echo "$1 / $2" | bc -l)"; }
row() { # label, wall A, wall B, CPU A, CPU B, then the images whose counts must agree
    local label=$1 wa=$2 wb=$3 ca=$4 cb=$5
    shift 5
    printf '  %-44s %8.3f %8.3f %6s   %8.3f %8.3f %6s   %s\n' "$label" "$wa" "$wb" "$(ratio "$wa" "$wb")" \
        "$ca" "$cb" "$(ratio "$ca" "$cb")" "$(same "$@")"
}
# Per call: 100,000 calls in each loop, so microseconds = (t1 - t0) * 10.
per_call() { echo "10 * ($1 - $2)" | bc -l; }
delta_row() { # label, image, image subtracted
    row "$1" "$(per_call "${WALL_A[$2]}" "${WALL_A[$3]}")" "$(per_call "${WALL_B[$2]}" "${WALL_B[$3]}")" \
        "$(per_call "${CPU_A[$2]}" "${CPU_A[$3]}")" "$(per_call "${CPU_B[$2]}" "${CPU_B[$3]}")" "$2" "$3"
}

echo "numbat-sim on Unicorn $VA ($SIM_A) against $VB ($SIM_B): the same images, best of $RUNS"
printf '  %-44s %24s   %24s\n' "" "wall time" "CPU time (user + system)"
printf '  %-44s %8s %8s %6s   %8s %8s %6s   %s\n' "" "$VA" "$VB" "ratio" "$VA" "$VB" "ratio" "instructions, output"
# The baseline loop runs the same code as yield-loop without the svc.
delta_row "us per seL4_Yield (yield-loop - baseline)" yield-loop yield-baseline
# Call + ReplyRecv; boot and exit (hello's time) subtracted, as bench.sh does.
delta_row "us per IPC round trip (ipc-pingpong - hello)" ipc-pingpong hello
for img in hello sel4test cap-churn; do
    row "$img, seconds" "${WALL_A[$img]}" "${WALL_B[$img]}" "${CPU_A[$img]}" "${CPU_B[$img]}" "$img"
done
verdict=$(same "${IMAGES[@]}")
printf '  %-44s %s (%s)\n' "instruction counts and output" "$verdict" \
    "$(for img in "${IMAGES[@]}"; do printf '%s %s; ' "$img" "${INSN_A[$img]}"; done | sed 's/; $//')"
if [ "$verdict" != identical ]; then
    for img in "${IMAGES[@]}"; do
        printf '    %-16s %s: %s  %s: %s  output %s\n' "$img" "$VA" "${INSN_A[$img]}" "$VB" "${INSN_B[$img]}" \
            "$(cmp -s "$TMP/$img.a" "$TMP/$img.b" && echo same || echo differs)"
    done
    exit 1
fi
