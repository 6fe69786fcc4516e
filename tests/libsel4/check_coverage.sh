#!/bin/sh
# tests/libsel4/check_coverage.sh — proves that compile_all.c names every public
# identifier libsel4 defines (seL4_*, the invocation labels, SEL4_BOOTINFO_*,
# SEL4_MAPPING_* and the old fault-message names) in sel4/, sel4/arch/ and
# sel4/sel4_arch/, so a name added to a header without a test fails here.
# Partners: compile_all.c, libsel4/include/sel4/*.h, run.sh. Usage: from the repo root.
set -eu
hdr=libsel4/include/sel4
test_file=tests/libsel4/compile_all.c

# Names defined by the headers: seL4_ words, label enumerators, a few upper-case families.
names=$( {
    grep -ohE '\bseL4_[A-Za-z0-9_]+' "$hdr"/*.h "$hdr"/arch/*.h "$hdr"/sel4_arch/*.h
    sed -n 's/^ *\([A-Za-z][A-Za-z0-9_]*\)\( *=[^,]*\)\?,\?\( *\/\*.*\)\?$/\1/p' "$hdr"/invocation.h
    grep -ohE '\bSEL4_(BOOTINFO_HEADER|MAPPING_LOOKUP|PFIPC|EXCEPT_IPC|USER_EXCEPTION)_[A-Z0-9_]+' "$hdr"/*.h "$hdr"/arch/*.h \
        "$hdr"/sel4_arch/*.h
    grep -ohE '\bEXCEPT_IPC_[A-Z0-9_]+' "$hdr"/arch/*.h
} | sort -u )

# Struct tags and the padding enumerators are not API names programs use.
skip='^(seL4_IPCBuffer_|seL4_UserContext_|seL4_MessageInfo|seL4_CapRights|seL4_CNode_CapData|seL4_Fault|seL4_SlotRegion|seL4_UntypedDesc|seL4_BootInfo|seL4_BootInfoHeader|seL4_ARM_Page_GetAddress|seL4_TCB_SetFlags|seL4_FaultKind|SEL4_FORCE_LONG_ENUM)$'

missing=0
count=0
for n in $names; do
    if echo "$n" | grep -qE "$skip"; then
        continue
    fi
    count=$((count + 1))
    if ! grep -qw "$n" "$test_file"; then
        echo "not referenced by compile_all.c: $n"
        missing=$((missing + 1))
    fi
done
echo "coverage: $count public names checked, $missing missing"
[ "$missing" -eq 0 ]
