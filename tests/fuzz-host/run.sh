#!/bin/sh
# tests/fuzz-host/run.sh DIR NAME SECONDS - runs the libFuzzer harness DIR/bin/fuzz_NAME
# on its checked-in corpus (tests/fuzz-host/corpus/NAME), then fuzzes for SECONDS more.
# Prints one line of figures; on a crash, leak, timeout or sanitizer report, the end of
# the log and the failing input's path, and exits 1. Called by mk/tests.mk.
set -u
dir=$1 name=$2 seconds=$3
bin=$dir/bin/fuzz_$name
seeds=tests/fuzz-host/corpus/$name
work=$dir/corpus/$name
artifacts=$dir/artifacts/$name/
log=$dir/logs/$name.log
mkdir -p "$work" "$artifacts" "$(dirname "$log")"
# New inputs go to $work (the first directory); the seeds are only read.
# -timeout: one input taking 10 s is a hang; -rss_limit_mb: Unicorn's code buffer is
# reserved, not used, so the default 2 GB limit holds. lsan.supp names the one leak
# inside Unicorn itself.
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/fuzz-host/lsan.supp "$bin" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$work" "$seeds" >"$log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
units=$(ls "$seeds" | wc -l)
if [ $rc -ne 0 ]; then
    tail -n 40 "$log"
    echo "fuzz_$name: FAILED (status $rc); input in $artifacts, log $log"
    exit 1
fi
echo "fuzz_$name: ${runs:-?} runs, ${rate:-?}/s, $units seeds, ${seconds} s: no failure"
