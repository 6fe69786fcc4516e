# Numbat: one entry point. `make help` lists the targets.
#   make            the simulator and the hello image for every board
#   make deps       install the Debian packages the build needs
#   make run        boot labs/01-hello: numbat-sim, in a window given a display (vexpress-a15,
#                   raspi2: QEMU)
#   make debug      the same under gdb-multiarch, stopped at the first instruction
#   make test       every test: host unit tests, system tests, QEMU differential, host fuzzers,
#                   the syscall fuzzer
#   make fuzz SEED=1 CALLS=100000 [PLAT=vexpress-a15|raspi2] [REPLAY=k] [VERBOSE=k] [SKIP=lo-hi,...]
#                   the syscall fuzzer on a checked kernel (docs/fuzzing.md)
#   make bench      the benchmark table (bench-quick: each figure once, as CI runs it);
#                   make slides renders slides/ to build/slides/ (after make figures)
#   make image APP=path/to/dir [PLAT=...]   build a lab into build/PLAT/<dir>.elf
#   make sdcard [APP=...] a Raspberry Pi 2/3 boot folder: build/sdcard/kernel7.img, config.txt
#   make grade LAB=n [SOLUTION=1] [PLAT=vexpress-a15|raspi2]   score lab n (no LAB: every lab)
#   make handout    the student tree without solutions/, in build/handout/numbat
#   make SAN=1 ...  numbat-sim, numbat-trace and the system tests with ASan and UBSan
#   make UNICORN_PREFIX=/path ...   the host programs against another Unicorn, in build/uc-X.Y.Z/
#                   (without it: pkg-config's unicorn, PKG_CONFIG_PATH=... picks another);
#                   make unicorn-2.1 unpacks Debian 13's 2.1.1 (faster stores) into build/unicorn-2.1/
#                   (docs/unicorn-notes.md); make bench-unicorn compares the two; make
#                   test-unicorn-2.1 runs the sim units and system tests on 2.1.1 (CI does)
#   make fuzz-host  each host-input fuzzer for FUZZ_SECONDS (60) (docs/fuzzing-host.md)

PLAT ?= arm-sim
APP ?= labs/01-hello
BUILD := build
# SAN=1: the host programs (numbat-sim, numbat-trace, the system tests) are built with
# AddressSanitizer and UndefinedBehaviorSanitizer in build/asan/, apart from the normal
# build; the guest images are the same and shared. Any report ends the program.
, := ,
# UNICORN_PREFIX=/path, or a unicorn.pc outside /usr/lib* (mk/unicorn.mk): UNICORN_OUT is
# build/uc-X.Y.Z instead of build.
include mk/unicorn.mk
HOST_OUT := $(UNICORN_OUT)$(if $(SAN),/asan)
HOST_SAN := $(if $(SAN),-fsanitize=address$(,)undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer)
SIM := $(HOST_OUT)/bin/numbat-sim
TRACE_TOOL := $(HOST_OUT)/bin/numbat-trace
HOST_CC ?= gcc
APP_NAME = $(notdir $(abspath $(APP)))

.PHONY: all deps check-deps sim images image sdcard run follow debug test unit-tests system-tests bench bench-quick \
    slides clean help fuzz fuzz-tests grade handout figures
.DEFAULT_GOAL := all

all: check-deps sim images

help:
	@sed -n '1,/^$$/p' Makefile | sed '/^$$/d; s/^# \{0,1\}//'

# ---- dependencies --------------------------------------------------------------
# Debian packages, and why each is needed, are listed in README.md.
DEB_PACKAGES := make gcc libc6-dev pkg-config gcc-arm-none-eabi picolibc-arm-none-eabi \
    libunicorn-dev libelf-dev libdw-dev libcapstone-dev libsdl2-dev libsdl2-ttf-dev \
    libsdl2-image-dev fonts-dejavu-core libcriterion-dev qemu-system-arm gdb-multiarch cpio \
    pandoc python3 bc gawk clang libclang-rt-dev curl ca-certificates
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MISSING = $(shell for p in $(DEB_PACKAGES); do \
    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done)

deps:
	@missing="$(MISSING)"; if [ -z "$$missing" ]; then echo "deps: all packages present"; \
	else echo "deps: will run: $(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing"; \
	$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; fi

# Installs only when something is missing, so a ready machine pays one dpkg query.
check-deps:
	@[ -z "$(MISSING)" ] || $(MAKE) --no-print-directory deps

# ---- the simulator ---------------------------------------------------------------
HOST_WARN := -Wall -Wextra -Werror
# libsel4's headers are plain C: the host side takes object sizes and system call
# numbers from them, as user programs do.
HOST_CFLAGS := -std=gnu11 -O2 -g $(HOST_WARN) $(HOST_SAN) -MMD -MP -Ilibsel4/include $(UNICORN_CFLAGS)
# numbat-sim is three layers: the simulator library (sim/, with the trace decoder and names),
# the visualizer built on it, and the command line (cli/), which only the program links.
SIM_LIB_SRC := $(wildcard sim/*.c) $(wildcard sim/dev/*.c) trace/decode.c trace/text.c trace/names.c
VIS_SRC := $(wildcard visualizer/*.c)
CLI_SRC := cli/numbat-sim.c cli/options.c cli/printable.c
SIM_SRC := $(CLI_SRC) $(SIM_LIB_SRC) $(VIS_SRC)
SIM_OBJ := $(patsubst %.c,$(HOST_OUT)/host/%.o,$(SIM_SRC))
# The visualizer (visualizer/): SDL2 for the window, SDL2_ttf for text, SDL2_image for
# PNG screenshots, Capstone for the disassembly pane.
# Expanded when a link runs (=, not :=): on a fresh machine `make test` installs
# the packages (check-deps) after this file was read, and pkg-config is one of them.
SIM_LIBS = $(UNICORN_LIBS) -lelf -ldw -lpthread -lm \
    $(shell pkg-config --libs sdl2 SDL2_ttf SDL2_image capstone 2>/dev/null)

sim: $(SIM) $(TRACE_TOOL)

# numbat-trace: prints a recorded trace as text, one event a line.
$(TRACE_TOOL): $(HOST_OUT)/host/trace/dump.o $(HOST_OUT)/host/trace/decode.o $(HOST_OUT)/host/cli/printable.o \
    $(HOST_OUT)/host/trace/text.o $(HOST_OUT)/host/trace/names.o
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(HOST_CC) $(HOST_SAN) -o $@ $^

Q := $(if $(V),,@)

$(SIM): $(SIM_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(HOST_CC) $(HOST_SAN) -o $@ $^ $(SIM_LIBS)

$(HOST_OUT)/host/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -c $< -o $@

-include $(SIM_OBJ:.o=.d)

# --version prints the version the kernel prints at boot: kernel/boot.c holds the one copy.
NUMBAT_VERSION := $(shell sed -n 's/^\#define NUMBAT_VERSION "\(.*\)"/\1/p' kernel/boot.c)
$(HOST_OUT)/host/cli/numbat-sim.o: HOST_CFLAGS += -DNUMBAT_VERSION='"$(NUMBAT_VERSION)"'
$(HOST_OUT)/host/cli/numbat-sim.o: kernel/boot.c

# vis-bench: the visualizer's replay and drawing speed (make bench). It links the
# model and the drawing only, named one by one: the window, sessions and --attach
# need the board and a socket (a wildcard once pulled attach.c in without them).
VIS_DRAW_SRC := $(addprefix visualizer/,model.c place.c steps.c ipc_model.c ipc_layout.c describe.c layout.c draw.c \
    font.c render.c render_ipc.c render_side.c render_tree.c vspace_model.c vspace_links.c \
    vspace_layout.c render_vspace.c)
VIS_BENCH_OBJ := $(patsubst %.c,$(HOST_OUT)/host/%.o,tools/vis_bench.c trace/decode.c trace/text.c trace/names.c \
    $(VIS_DRAW_SRC))
-include $(VIS_BENCH_OBJ:.o=.d)
$(HOST_OUT)/bin/vis-bench: $(VIS_BENCH_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(HOST_CC) $(HOST_SAN) -o $@ $^ $(SIM_LIBS)

# tt-bench: what going back in time costs (make bench, docs/time-travel.md).
TT_BENCH_OBJ := $(patsubst %.c,$(HOST_OUT)/host/%.o,tools/tt_bench.c $(SIM_LIB_SRC))
$(HOST_OUT)/bin/tt-bench: $(TT_BENCH_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(HOST_CC) $(HOST_SAN) -o $@ $^ $(SIM_LIBS)

# ---- images ---------------------------------------------------------------------
# Each image is built by mk/image.mk; it tracks its own dependencies.
images:
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=labs/01-hello
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=vexpress-a15 APP=labs/01-hello
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=raspi2 APP=labs/01-hello

image: check-deps
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=$(PLAT) APP=$(APP)

# The files to copy onto a Raspberry Pi's SD card, beside the firmware's own
# (README, "On a Raspberry Pi"): the raspi2 image as raw binary, and config.txt.
SDCARD := $(BUILD)/sdcard
sdcard: check-deps
	@[ "$(PLAT)" = arm-sim ] || [ "$(PLAT)" = raspi2 ] || { echo "make sdcard is for PLAT=raspi2"; exit 2; }
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=raspi2 APP=$(APP)
	@mkdir -p $(SDCARD)
	@cp $(BUILD)/raspi2/$(APP_NAME).img $(SDCARD)/kernel7.img
	@cp plat/raspi2/config.txt $(SDCARD)/config.txt
	@echo "sdcard: $(SDCARD)/kernel7.img ($(APP)) and $(SDCARD)/config.txt; add bootcode.bin," \
	    "start.elf, fixup.dat (and overlays/disable-bt.dtbo for a Pi 3) from a Raspberry Pi boot partition"

# ---- running --------------------------------------------------------------------
QEMU := qemu-system-arm -M vexpress-a15 -m 128M -nographic -audiodev none,id=none -no-reboot
# raspi2b: serial0 is UART0, the console; the watchdog reset at shutdown ends QEMU.
QEMU_RASPI2 := qemu-system-arm -M raspi2b -nographic -monitor none -serial stdio -no-reboot

# With a display, make run opens the visualizer window; without one it stays headless.
RUN_GUI := $(if $(DISPLAY)$(WAYLAND_DISPLAY),--gui)

run: check-deps sim
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=$(PLAT) APP=$(APP)
ifeq ($(PLAT),vexpress-a15)
	$(QEMU) -kernel $(BUILD)/$(PLAT)/$(APP_NAME).elf
else ifeq ($(PLAT),raspi2)
	$(QEMU_RASPI2) -kernel $(BUILD)/$(PLAT)/$(APP_NAME).elf
else
	$(SIM) $(RUN_GUI) $(BUILD)/$(PLAT)/$(APP_NAME).elf
endif

# make follow: QEMU (vexpress-a15) runs APP's TRACE=uart image and the visualizer follows
# it from its first instruction: QEMU starts stopped (-S) with its monitor and UART1 on
# TCP ports; numbat-sim --attach takes the trace and types cont at the monitor
# (--release) once its window is up (without a display: prints the events). UART0,
# the console, is this terminal. docs/visualizer.md, "Following QEMU".
FOLLOW_PORT ?= 4444
MONITOR_PORT ?= 4445
follow: check-deps sim
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=vexpress-a15 APP=$(APP) TRACE=uart
	@trap : INT; \
	$(QEMU) -S -monitor tcp:127.0.0.1:$(MONITOR_PORT),server=on,wait=off -serial stdio \
	    -serial tcp:127.0.0.1:$(FOLLOW_PORT),server=on,wait=off \
	    -kernel $(BUILD)/vexpress-a15/$(APP_NAME)-trace.elf & qemu=$$!; \
	$(SIM) --attach 127.0.0.1:$(FOLLOW_PORT) --release 127.0.0.1:$(MONITOR_PORT) $(RUN_GUI); \
	status=$$?; kill $$qemu 2>/dev/null; wait $$qemu 2>/dev/null; exit $$status

# ---- labs ----------------------------------------------------------------------
# make grade LAB=5 builds labs/05-*, runs it headless and scores it (tools/grade/,
# docs/grading.md); SOLUTION=1 grades it with solutions/05-* laid over it. Without LAB,
# every lab in turn, then a table of each one's points, tests, instructions and wall
# time (the course notes' figures). The exit status is 0 only for full marks.
GRADE = python3 tools/grade/grade.py --plat $(PLAT) $(if $(SOLUTION),--solution) \
    --sim $(SIM) --trace-tool $(TRACE_TOOL)
grade: check-deps sim
ifneq ($(LAB),)
	@$(GRADE) $(LAB)
else
	@$(GRADE) --all
endif

# The tree students get: every tracked file but the solutions (git ls-files), and
# without the kernel files a kernel lab has students write (labs/*/kernel/*.c, e.g.
# lab 10's kernel/ready_queue.c): each is shipped compiled instead, for every board
# (kernel/prebuilt/PLAT/NAME.o, which mk/image.mk links when kernel/NAME.c is absent)
# and for the host's kernel unit tests (kernel/prebuilt/host/, mk/tests.mk). The
# objects carry symbols but no debugging information (no source lines).
HANDOUT_WITHHELD := $(sort $(addprefix kernel/,$(notdir $(wildcard labs/*/kernel/*.c))))
HANDOUT_PLATS := arm-sim vexpress-a15 raspi2
handout:
	@rm -rf $(BUILD)/handout && mkdir -p $(BUILD)/handout/numbat
	@git ls-files -z | grep -zv '^solutions/' $(if $(HANDOUT_WITHHELD),| grep -zvxF \
	    $(foreach f,$(HANDOUT_WITHHELD),-e $(f))) | xargs -0 cp --parents -t $(BUILD)/handout/numbat
	@set -e; for f in $(HANDOUT_WITHHELD); do \
	    name=$$(basename $$f .c); \
	    for plat in $(HANDOUT_PLATS); do \
	        obj=$(BUILD)/$$plat/kernel/$$f.o; \
	        $(MAKE) --no-print-directory -f mk/image.mk PLAT=$$plat APP=labs/01-hello BUILD=$(BUILD) $$obj; \
	        mkdir -p $(BUILD)/handout/numbat/kernel/prebuilt/$$plat; \
	        arm-none-eabi-objcopy --strip-debug $$obj $(BUILD)/handout/numbat/kernel/prebuilt/$$plat/$$name.o; \
	    done; \
	    mkdir -p $(BUILD)/handout/numbat/kernel/prebuilt/host; \
	    $(HOST_CC) $(KUNIT_PREBUILT_CFLAGS) -c $$f -o $(BUILD)/handout/numbat/kernel/prebuilt/host/$$name.o; \
	done
	@tar -C $(BUILD)/handout -czf $(BUILD)/handout/numbat.tar.gz numbat
	@echo "handout: $(BUILD)/handout/numbat and numbat.tar.gz ($$(find $(BUILD)/handout/numbat -type f | wc -l) files, no solutions/; compiled only: $(HANDOUT_WITHHELD))"

# ---- debugging ------------------------------------------------------------------
# numbat-sim waits for GDB (docs/gdb.md), which starts with the kernel's symbols and
# the root task's (linked at 0x10000). The simulator gets its own session (setsid)
# so a Ctrl-C typed at GDB reaches only GDB, which interrupts the guest; the
# recipe's shell traps it too and stays until GDB quits. arm-sim only.
GDB_PORT ?= 1234
GDB_APP_ELF = $(BUILD)/apps/$(APP_NAME)/$(APP_NAME)

debug: check-deps sim
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=$(APP)
	@trap : INT; \
	setsid $(SIM) --gdb $(GDB_PORT) $(BUILD)/arm-sim/$(APP_NAME).elf & sim=$$!; \
	gdb-multiarch -q -ex 'set architecture armv7' -ex 'target remote 127.0.0.1:$(GDB_PORT)' \
	    -ex 'set confirm off' -ex 'add-symbol-file $(GDB_APP_ELF) 0x10000' -ex 'set confirm on' \
	    $(BUILD)/arm-sim/$(APP_NAME).elf; \
	kill $$sim 2>/dev/null; wait $$sim 2>/dev/null; true

# ---- tests ----------------------------------------------------------------------
include mk/tests.mk

# The fuzzer runs after the other tests, never beside them under -j (its image build
# shares the runtime's objects with theirs, and it takes a CPU for minutes).
test: check-deps all unit-tests system-tests fuzz-host-quick
	@$(MAKE) --no-print-directory fuzz-tests

# The syscall fuzzer (docs/fuzzing.md): seeds and call count from the command line;
# SEED may list several. REPLAY=k runs calls 0..k with numbat-sim's system call trace
# in build/syscall-fuzz/PLAT-seed-S.trace; VERBOSE=k prints each call's number from call k on;
# SKIP=lo-hi,... leaves calls out (tools/fuzz-minimise.py finds the failing call and
# the calls that matter); EPOCH=n sets the calls per sandbox (default 2000).
SEED ?= 1
CALLS ?= 100000
fuzz: check-deps sim
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=$(PLAT) APP=tests/fuzz CHECKED=1
	@SIM=$(SIM) tools/fuzz.sh -p $(PLAT) -n $(CALLS) $(if $(REPLAY),-r $(REPLAY)) \
	    $(if $(VERBOSE),-v $(VERBOSE)) $(if $(SKIP),-k $(SKIP)) $(if $(EPOCH),-e $(EPOCH)) $(SEED)

# make bench compares the two Unicorns when 2.1.1 was unpacked and no UNICORN_PREFIX is given.
BENCH_UNICORN21 = $(if $(filter bench,$@),$(if $(UNICORN_PREFIX),,$(UNICORN21_HERE)))
bench bench-quick: check-deps all system-images
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/yield-loop
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/yield-baseline
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/kernel-paths
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/cap-churn
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/ipc-paths
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/ipc-paths FASTPATH=0
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/irq-paths
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/irq-paths FASTPATH=0
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/vm-paths
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/spawn
	@for plat in arm-sim vexpress-a15; do \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=$$plat APP=bench/ipc-pingpong || exit 1; \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=$$plat APP=bench/vm-pager || exit 1; done
	@$(MAKE) --no-print-directory $(HOST_OUT)/bin/vis-bench $(HOST_OUT)/bin/tt-bench
	@# ---- Unicorn 2.1 comparison (mk/unicorn.mk): the full table only, when build/unicorn-2.1 is there
	$(if $(BENCH_UNICORN21),@$(MAKE) --no-print-directory UNICORN_PREFIX=$(UNICORN21_DIR)/usr sim)
	@SIM=$(SIM) VIS_BENCH=$(HOST_OUT)/bin/vis-bench TT_BENCH=$(HOST_OUT)/bin/tt-bench \
	    $(if $(BENCH_UNICORN21),SIM_UNICORN21=$(UNICORN21_SIM) BENCH_RUNS=$(BENCH_RUNS)) \
	    tools/bench.sh $(if $(filter bench-quick,$@),--quick)

# Lecture slides: Markdown in slides/, rendered by pandoc into self-contained HTML
# (tools/slides.py): figures from make figures, tables measured on numbat-sim now.
slides: check-deps sim figures
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/ipc-paths
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/ipc-paths FASTPATH=0
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/kernel-paths
	@$(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=bench/irq-paths
	@python3 tools/slides.py

# The labs' figures: screenshots of their reference solutions (labs/*/figures.txt).
figures: check-deps sim
	@python3 tools/grade/figures.py

clean:
	rm -rf $(BUILD)
