# mk/tests.mk - the test runners, included by the Makefile. Each prints its own
# Criterion summary:
#   build/tests/sim-units      sim parts (devices, decoder, walk, exceptions)
#   build/tests/kernel-units   the portable kernel built for the host (tests/kernel/)
#   tests/libsel4/run.sh       the user API: target compile, coverage, ABI, host units
#   build/tests/system         boots images in numbat-sim and QEMU and checks them
#   tools/fuzz.sh              the syscall fuzzer on a checked kernel, both boards
# Host unit tests are built with AddressSanitizer and UndefinedBehaviorSanitizer.

# (SAN_FLAGS, not SAN: `make SAN=1` would replace a variable of that name.)
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer
TEST_CFLAGS := -std=gnu11 -O1 -g $(HOST_WARN) $(SAN_FLAGS) -MMD -MP $(UNICORN_CFLAGS)
TEST_ENV := ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
CRITERION_FLAGS := --jobs 2

SIM_UNIT_SRC := $(wildcard tests/sim/*.c) $(SIM_LIB_SRC) $(VIS_SRC)
# Objects that include unicorn.h, and the programs linking it, live under UNICORN_OUT
# (build/, or build/uc-X.Y.Z/ under UNICORN_PREFIX=, mk/unicorn.mk).
SIM_UNIT_OBJ := $(patsubst %.c,$(UNICORN_OUT)/san/%.o,$(SIM_UNIT_SRC))
SYSTEM_SRC := $(wildcard tests/system/*.c)
# The trace tests read recordings with the decoder and the visualizer's model (and the
# VSpace tab's layout, which only computes rectangles); the visualizer's session runs a
# board in-process (next IPC), so the simulator library comes too. No drawing: SDL2_image
# only reads the PNGs numbat-sim --screenshot writes (test_vis_vspace.c).
SYSTEM_OBJ := $(patsubst %.c,$(HOST_OUT)/host/%.o,$(SYSTEM_SRC) $(SIM_LIB_SRC) \
    visualizer/model.c visualizer/place.c visualizer/ipc_model.c visualizer/session.c \
    visualizer/source_text.c visualizer/describe.c \
    visualizer/vspace_model.c visualizer/vspace_links.c visualizer/vspace_layout.c)
SYSTEM_LIBS = -lcriterion $(UNICORN_LIBS) -lelf -ldw -lpthread -lm \
    $(shell pkg-config --libs capstone SDL2_image 2>/dev/null)
# Each folder under tests/system/ is a user program the system tests boot.
SYSTEM_APPS := $(patsubst %/,%,$(dir $(wildcard tests/system/*/*.c)))
# Apps test_raspi2.c runs on QEMU's raspi2b as well.
RASPI2_APPS := $(addprefix tests/system/,hello spin null-deref undefined-insn bad-syscall yield caps \
    preempt ipc sel4libs-timer)
# Apps whose QEMU runs the trace and attach tests follow (built with TRACE=uart too).
TRACE_APPS := tests/system/caps tests/system/ipc

$(UNICORN_OUT)/san/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (sanitized)"
	$(Q)$(HOST_CC) $(TEST_CFLAGS) -Isim -Ilibsel4/include -c $< -o $@

$(UNICORN_OUT)/tests/sim-units: $(SIM_UNIT_OBJ)
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(SAN_FLAGS) -o $@ $^ $(SIM_LIBS) -lcriterion

$(HOST_OUT)/tests/system: $(SYSTEM_OBJ)
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(HOST_SAN) -o $@ $^ $(SYSTEM_LIBS)

# The system tests run the programs of this build (run_guest.h): build/asan/bin under SAN=1.
# Under ASan numbat-sim is about 5 times slower (Unicorn's allocations go through ASan's
# allocator): the tests' time limits grow to match.
$(HOST_OUT)/host/tests/system/%.o: HOST_CFLAGS += -DSIM_PATH='"$(SIM)"' -DTRACE_PATH='"$(TRACE_TOOL)"' \
    $(if $(SAN),-DRUN_TIMEOUT_SCALE=5)

# The kernel's portable logic (capabilities, CDT, retype, CNode ops, scheduler, the
# system call path and invocation dispatch) compiled for the host and linked with
# tests/kernel/harness.c, which stubs arch.h. No console.c (it defines memset/memcpy),
# boot, the root task's loader or arch/ code beyond the plain-C context printer.
KUNIT_KERNEL_SRC := $(filter-out kernel/boot.c kernel/console.c kernel/rootserver.c \
    kernel/archive.c kernel/elf.c, $(wildcard kernel/*.c)) arch/arm/context.c arch/arm/asid.c \
    arch/arm/vspace.c lib/fmt.c
KUNIT_SRC := $(wildcard tests/kernel/*.c) $(KUNIT_KERNEL_SRC)
# In a handout a kernel file that lab 10 has students write is absent; make handout put
# it there compiled for the host (kernel/prebuilt/host/NAME.o, plain, no sanitizers).
KUNIT_PREBUILT := $(foreach o,$(wildcard kernel/prebuilt/host/*.o),$(if \
    $(wildcard kernel/$(basename $(notdir $(o))).c),,$(o)))
KUNIT_OBJ := $(patsubst %.c,$(BUILD)/hostk/%.o,$(KUNIT_SRC)) $(KUNIT_PREBUILT)
# -iquote: kernel/sched.h must not stand in for the C library's <sched.h>.
# tests/kernel/include first: its <arch/fastpath.h> stands in for the target's.
KUNIT_INC := -iquote kernel -Ilibsel4/include -Itests/kernel/include -Iarch/arm/include \
    -Iplat/vexpress-a15/include -Ilibsel4/sel4_plat_include/vexpress-a15 -Iplat/raspi2/include
# The kernel's sched_yield(tcb_t *) would replace POSIX sched_yield() in the host
# binary (libc, ASan and Criterion may call that): rename it in every host object.
KUNIT_DEFS := -Dsched_yield=numbat_sched_yield
# Not position independent: the kernel's own slots in static storage (the IRQ table)
# must have 32-bit addresses, as CDT links are 32 bits wide (they are, in the
# kernel window, on the target).
KUNIT_PIE := -fno-pie
KUNIT_PREBUILT_CFLAGS = -std=gnu11 -O1 $(HOST_WARN) $(KUNIT_PIE) $(KUNIT_INC) $(KUNIT_DEFS)

$(BUILD)/hostk/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (host kernel, sanitized)"
	$(Q)$(HOST_CC) $(TEST_CFLAGS) $(KUNIT_PIE) $(KUNIT_INC) $(KUNIT_DEFS) -c $< -o $@

$(BUILD)/tests/kernel-units: $(KUNIT_OBJ)
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(SAN_FLAGS) -no-pie -o $@ $^ -lcriterion -lpthread

-include $(SIM_UNIT_OBJ:.o=.d) $(SYSTEM_OBJ:.o=.d) $(KUNIT_OBJ:.o=.d)

.PHONY: system-images
system-images:
	@for app in $(SYSTEM_APPS); do for plat in arm-sim vexpress-a15; do \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=$$plat APP=$$app || exit 1; \
	done; done
	@# The trace tests follow QEMU's UART1 stream: images that send it.
	@for app in $(TRACE_APPS); do \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=vexpress-a15 APP=$$app TRACE=uart || exit 1; \
	done
	@# QEMU's raspi2b runs the differential tests' programs (test_raspi2.c).
	@for app in $(RASPI2_APPS); do \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=raspi2 APP=$$app || exit 1; \
	done
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=raspi2 APP=tests/sel4test CHECKED=1
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=raspi2 APP=tests/system/caps TRACE=uart
	@# The in-kernel suite runs on a kernel that checks its invariants at every exit.
	@for plat in arm-sim vexpress-a15; do \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=$$plat APP=tests/sel4test CHECKED=1 || exit 1; \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=$$plat APP=tests/sel4test CHECKED=1 \
	        FASTPATH=0 || exit 1; \
	done

# libsel4's run.sh adds the target compile test, header coverage and the register
# ABI check of the inline assembly to its Criterion suite.
# The kernel units run last, so a failing kernel test still lets the others run.
unit-tests: $(UNICORN_OUT)/tests/sim-units $(BUILD)/tests/kernel-units
	$(TEST_ENV) $(UNICORN_OUT)/tests/sim-units $(CRITERION_FLAGS)
	sh tests/libsel4/run.sh
	$(TEST_ENV) $(BUILD)/tests/kernel-units $(CRITERION_FLAGS)

system-tests: sim images system-images $(HOST_OUT)/tests/system
	$(HOST_OUT)/tests/system --jobs 1

# ---- fuzzing the host tools (docs/fuzzing-host.md) --------------------------------
# libFuzzer harnesses in tests/fuzz-host/, one per input a user can hand the host tools:
# ELF images, trace files, UART trace streams, GDB's packets, numbat-sim's options.
# Everything they link is built with clang's coverage, ASan and UBSan in build/fuzz/.
# make fuzz-host runs each for FUZZ_SECONDS; make test runs each on its checked-in
# corpus, then fuzzes FUZZ_QUICK_SECONDS more. New inputs go to build/fuzz/corpus/,
# a failing input to build/fuzz/artifacts/, never into the checked-in corpus.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_QUICK_SECONDS ?= 5
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=gnu11 -O1 -g $(HOST_WARN) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -MMD -MP \
    -Ilibsel4/include $(UNICORN_CFLAGS)
FUZZ_HARNESSES := elf trace_file trace_uart gdb cli
FUZZ_LIB_OBJ := $(patsubst %.c,$(UNICORN_OUT)/fuzz/%.o,$(SIM_LIB_SRC) $(VIS_SRC) cli/options.c cli/printable.c \
    tests/fuzz-host/trace_sink.c)
FUZZ_BINS := $(patsubst %,$(UNICORN_OUT)/fuzz/bin/fuzz_%,$(FUZZ_HARNESSES))

$(UNICORN_OUT)/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (fuzzing)"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(UNICORN_OUT)/fuzz/bin/fuzz_%: $(UNICORN_OUT)/fuzz/tests/fuzz-host/fuzz_%.o $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(SIM_LIBS)

.SECONDARY: $(FUZZ_LIB_OBJ) $(patsubst %,$(UNICORN_OUT)/fuzz/tests/fuzz-host/fuzz_%.o,$(FUZZ_HARNESSES))
-include $(FUZZ_LIB_OBJ:.o=.d) $(patsubst %,$(UNICORN_OUT)/fuzz/tests/fuzz-host/fuzz_%.d,$(FUZZ_HARNESSES))

.PHONY: fuzz-host fuzz-host-quick fuzz-host-bins
fuzz-host-bins: $(FUZZ_BINS)

fuzz-host: check-deps fuzz-host-bins
	@for h in $(FUZZ_HARNESSES); do \
	    sh tests/fuzz-host/run.sh $(UNICORN_OUT)/fuzz $$h $(FUZZ_SECONDS) || exit 1; done

fuzz-host-quick: fuzz-host-bins
	@for h in $(FUZZ_HARNESSES); do \
	    sh tests/fuzz-host/run.sh $(UNICORN_OUT)/fuzz $$h $(FUZZ_QUICK_SECONDS) || exit 1; done

# The syscall fuzzer (tests/fuzz, docs/fuzzing.md): three seeds of 100,000 calls on
# numbat-sim and one on each QEMU board, each on a kernel that checks its invariants at
# every exit.
FUZZ_TEST_SEEDS := 1 2 3
FUZZ_TEST_CALLS := 100000
fuzz-tests: sim
	@for plat in arm-sim vexpress-a15 raspi2; do \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=$$plat APP=tests/fuzz CHECKED=1 || exit 1; \
	done
	SIM=$(SIM) tools/fuzz.sh -n $(FUZZ_TEST_CALLS) $(FUZZ_TEST_SEEDS)
	tools/fuzz.sh -p vexpress-a15 -n $(FUZZ_TEST_CALLS) $(firstword $(FUZZ_TEST_SEEDS))
	tools/fuzz.sh -p raspi2 -n $(FUZZ_TEST_CALLS) $(firstword $(FUZZ_TEST_SEEDS))
