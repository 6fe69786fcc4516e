# mk/unicorn.mk - which Unicorn the host programs link, included by the Makefile before
# HOST_OUT is set (docs/unicorn-notes.md, "Unicorn 2.1").
#   (default)              pkg-config's unicorn (Debian 12's libunicorn-dev 2.0.1 here;
#                          a source build's make install with PKG_CONFIG_PATH=<its
#                          lib/pkgconfig>), or plain -lunicorn without a unicorn.pc. A
#                          library outside /usr/lib* and /lib* is linked with an rpath,
#                          and its host objects and programs go to build/uc-X.Y.Z/ (X.Y.Z
#                          from the .pc), as with UNICORN_PREFIX.
#   UNICORN_PREFIX=/path   /path/include/unicorn/unicorn.h and /path/lib[64][/<triplet>]/
#                          libunicorn.so, with an rpath to that library so the programs
#                          run without LD_LIBRARY_PATH. Host objects and programs go to
#                          build/uc-X.Y.Z/ (X.Y.Z from the prefix's unicorn.h), so the two
#                          builds never mix; the guest images are shared.
#   make unicorn-2.1       Debian 13's 2.1.1 (its two .debs, checked, unpacked, never
#                          installed) into build/unicorn-2.1/; then
#                          make UNICORN_PREFIX=build/unicorn-2.1/usr ...
# Everything that links Unicorn takes UNICORN_CFLAGS and UNICORN_LIBS: numbat-sim, the
# test runners (mk/tests.mk), the host fuzzers, vis-bench and tt-bench.

UNICORN_PREFIX ?=
ifeq ($(strip $(UNICORN_PREFIX)),)
UNICORN_PC_LIBDIR := $(shell pkg-config --variable=libdir unicorn 2>/dev/null)
ifeq ($(UNICORN_PC_LIBDIR),)
UNICORN_OUT := $(BUILD)
UNICORN_CFLAGS :=
UNICORN_LIBS := -lunicorn
else
UNICORN_CFLAGS := $(shell pkg-config --cflags unicorn)
UNICORN_LIBS := $(shell pkg-config --libs unicorn)
ifneq ($(filter /usr/lib /usr/lib/% /usr/lib64 /usr/lib64/% /lib /lib/% /lib64 /lib64/%,$(UNICORN_PC_LIBDIR)),)
UNICORN_OUT := $(BUILD)
else
# Not the distribution's: kept apart from the default build like a UNICORN_PREFIX one.
UNICORN_VERSION := $(shell pkg-config --modversion unicorn)
UNICORN_OUT := $(BUILD)/uc-$(UNICORN_VERSION)
UNICORN_LIBS += -Wl,-rpath,$(UNICORN_PC_LIBDIR)
UNICORN_STAMP := $(UNICORN_OUT)/unicorn-prefix
UNICORN_STAMPED := $(shell cat $(UNICORN_STAMP) 2>/dev/null)
ifeq ($(UNICORN_STAMPED),)
$(shell mkdir -p $(UNICORN_OUT) && echo 'pkg-config:$(UNICORN_PC_LIBDIR)' > $(UNICORN_STAMP))
else ifneq ($(UNICORN_STAMPED),pkg-config:$(UNICORN_PC_LIBDIR))
$(error $(UNICORN_OUT)/ was built against $(UNICORN_STAMPED), not pkg-config's $(UNICORN_PC_LIBDIR): remove $(UNICORN_OUT)/ first)
endif
endif
endif
else
UNICORN_ROOT := $(abspath $(UNICORN_PREFIX))
UNICORN_HEADER := $(UNICORN_ROOT)/include/unicorn/unicorn.h
# Debian puts the library in lib/<triplet>/, a source build's `make install` in lib/ or lib64/.
UNICORN_LIBDIR := $(patsubst %/,%,$(dir $(firstword $(wildcard $(UNICORN_ROOT)/lib/libunicorn.so \
    $(UNICORN_ROOT)/lib64/libunicorn.so $(UNICORN_ROOT)/lib/*/libunicorn.so))))
# The unpacking target itself may run before the prefix exists.
UNICORN_FETCH_ONLY := $(and $(MAKECMDGOALS),$(if $(filter-out unicorn-2.1 clean help,$(MAKECMDGOALS)),,yes))
ifneq ($(UNICORN_FETCH_ONLY),)
else ifeq ($(wildcard $(UNICORN_HEADER)),)
$(error UNICORN_PREFIX=$(UNICORN_PREFIX): no include/unicorn/unicorn.h there (make unicorn-2.1 unpacks 2.1.1 into build/unicorn-2.1/usr))
else ifeq ($(UNICORN_LIBDIR),)
$(error UNICORN_PREFIX=$(UNICORN_PREFIX): no libunicorn.so in lib/, lib64/ or lib/<triplet>/ there)
endif
UNICORN_VERSION := $(shell sed -n 's/^\#define UC_API_\(MAJOR\|MINOR\|PATCH\) *\([0-9]*\).*/\2/p' \
    $(UNICORN_HEADER) 2>/dev/null | paste -sd.)
UNICORN_OUT := $(BUILD)/uc-$(UNICORN_VERSION)
UNICORN_CFLAGS := -I$(UNICORN_ROOT)/include
UNICORN_LIBS := -L$(UNICORN_LIBDIR) -Wl,-rpath,$(UNICORN_LIBDIR) -lunicorn
# One prefix per output folder: two prefixes of the same version would otherwise share
# objects. The first build records its prefix; another one is refused, not mixed in.
UNICORN_STAMP := $(UNICORN_OUT)/unicorn-prefix
UNICORN_STAMPED := $(shell cat $(UNICORN_STAMP) 2>/dev/null)
ifneq ($(UNICORN_FETCH_ONLY),)
else ifeq ($(UNICORN_STAMPED),)
$(shell mkdir -p $(UNICORN_OUT) && echo '$(UNICORN_ROOT)' > $(UNICORN_STAMP))
else ifneq ($(UNICORN_STAMPED),$(UNICORN_ROOT))
$(error $(UNICORN_OUT)/ was built against $(UNICORN_STAMPED), not $(UNICORN_ROOT): remove $(UNICORN_OUT)/ first)
endif
endif

# ---- Debian 13's Unicorn 2.1.1, unpacked into a private prefix --------------------
# libunicorn2t64 needs only libc6 >= 2.34 (Debian 12 has 2.36), so its library runs
# here as it is. The .debs are checked against these SHA256 sums before unpacking; a
# second run finds the prefix and does nothing (no network).
UNICORN21_DIR := $(BUILD)/unicorn-2.1
UNICORN21_POOL := https://deb.debian.org/debian/pool/main/u/unicorn-engine
UNICORN21_DEBS := libunicorn2t64_2.1.1-2+b2_amd64.deb:3f760a28c65a93662edbcb21fceb2e0a1c0ab0e8277564fc572e6532949e3e3f \
    libunicorn-dev_2.1.1-2+b2_amd64.deb:479613e244a6023c03708951a5f0e00fc96c83a4b74b4d74c9fe7d3a9050208b

.PHONY: unicorn-2.1
unicorn-2.1:
	@if [ -f $(UNICORN21_DIR)/usr/include/unicorn/unicorn.h ] && \
	    [ -e $(UNICORN21_DIR)/usr/lib/x86_64-linux-gnu/libunicorn.so.2 ]; then \
	    echo "unicorn-2.1: $(UNICORN21_DIR)/usr is there (make UNICORN_PREFIX=$(UNICORN21_DIR)/usr ...)"; \
	    exit 0; fi; \
	[ "$$(dpkg --print-architecture 2>/dev/null)" = amd64 ] || { \
	    echo "unicorn-2.1: only the amd64 packages are pinned here; build Unicorn 2.1 from source" \
	        "and give its prefix as UNICORN_PREFIX"; exit 1; }; \
	mkdir -p $(UNICORN21_DIR)/debs && \
	for entry in $(UNICORN21_DEBS); do \
	    deb=$${entry%%:*}; sum=$${entry##*:}; file=$(UNICORN21_DIR)/debs/$$deb; \
	    if ! echo "$$sum  $$file" | sha256sum -c --status 2>/dev/null; then \
	        echo "  CURL    $(UNICORN21_POOL)/$$deb"; \
	        curl -fsSL --retry 2 -o $$file.part "$(UNICORN21_POOL)/$$deb" || { rm -f $$file.part; \
	            echo "unicorn-2.1: could not download $$deb from deb.debian.org (offline?)." \
	                 "Nothing changed; the build stays on the system's Unicorn."; exit 1; }; \
	        echo "$$sum  $$file.part" | sha256sum -c --status || { rm -f $$file.part; \
	            echo "unicorn-2.1: $$deb does not have the expected SHA256; not unpacked"; exit 1; }; \
	        mv $$file.part $$file; \
	    fi; \
	done && \
	for entry in $(UNICORN21_DEBS); do dpkg-deb -x $(UNICORN21_DIR)/debs/$${entry%%:*} $(UNICORN21_DIR) || exit 1; done && \
	echo "unicorn-2.1: Unicorn 2.1.1 in $(UNICORN21_DIR)/usr; build with make UNICORN_PREFIX=$(UNICORN21_DIR)/usr ..."

# ---- make bench-unicorn: numbat-sim on the system's Unicorn against 2.1.1 -----------
# The same images on both builds (tools/bench-unicorn.sh); make bench prints the same
# comparison at its end whenever build/unicorn-2.1 is there. BENCH_RUNS: best of how many.
UNICORN21_SIM = $(UNICORN21_OUT)/bin/numbat-sim
UNICORN21_HERE := $(wildcard $(UNICORN21_DIR)/usr/include/unicorn/unicorn.h)
UNICORN_BENCH_APPS := bench/yield-loop bench/yield-baseline bench/ipc-pingpong bench/cap-churn
BENCH_RUNS ?= 3

.PHONY: bench-unicorn unicorn-bench-images
unicorn-bench-images: system-images
	@for app in $(UNICORN_BENCH_APPS); do \
	    $(MAKE) --no-print-directory -f mk/image.mk PLAT=arm-sim APP=$$app || exit 1; done

bench-unicorn: check-deps images unicorn-bench-images unicorn-2.1
	@$(MAKE) --no-print-directory UNICORN_PREFIX= sim
	@$(MAKE) --no-print-directory UNICORN_PREFIX=$(UNICORN21_DIR)/usr sim
	@tools/bench-unicorn.sh $(BUILD)/bin/numbat-sim $(UNICORN21_SIM) $(BENCH_RUNS)

# ---- make test-unicorn-2.1: the tests that drive the engine, on Unicorn 2.1.1 -------
# CI runs it after make test (.ci/run): the sim units and every system test but those that
# run make themselves (labs, build: they use the default build), against 2.1.1 built in
# build/uc-2.1.1/. The images are the default build's.
UNICORN21_OUT := $(BUILD)/uc-2.1.1
UNICORN21_SYSTEM_FILTER := !(labs|build)/*

.PHONY: test-unicorn-2.1
test-unicorn-2.1: check-deps images system-images unicorn-2.1
	@$(MAKE) --no-print-directory UNICORN_PREFIX=$(UNICORN21_DIR)/usr sim $(UNICORN21_OUT)/tests/system \
	    $(UNICORN21_OUT)/tests/sim-units
	$(UNICORN21_OUT)/bin/numbat-sim --version
	$(TEST_ENV) $(UNICORN21_OUT)/tests/sim-units $(CRITERION_FLAGS)
	$(UNICORN21_OUT)/tests/system --jobs 1 --filter '$(UNICORN21_SYSTEM_FILTER)'
