# mk/image.mk - builds one bootable image: the kernel for $(PLAT) with the user
# program in $(APP) (every .c there, linked with libsel4 and the runtime) as its
# root task. Called by the top-level Makefile:  make -f mk/image.mk PLAT=.. APP=..
# Output: build/$(PLAT)/$(notdir $(APP)).elf; for raspi2 also the raw image a Pi's
# firmware loads at 0x8000 (kernel7.img), build/raspi2/$(notdir $(APP)).img

PLAT ?= arm-sim
APP ?= labs/00-hello
BUILD ?= build
CROSS ?= arm-none-eabi-

ifeq ($(filter $(PLAT),arm-sim vexpress-a15 raspi2),)
$(error PLAT must be arm-sim, vexpress-a15 or raspi2, not '$(PLAT)')
endif
ifeq ($(wildcard $(APP)/*.c),)
$(error APP=$(APP) has no .c files)
endif

CC := $(CROSS)gcc
# V=1 shows every command.
Q := $(if $(V),,@)
NAME := $(notdir $(abspath $(APP)))
# The board family: arm-sim and vexpress-a15 are one board (the Versatile Express
# A15) and share their kernel map, drivers and user programs; raspi2 (Raspberry Pi 2
# and 3) is another. BOARD_SRC is what the family's kernel has beyond the common
# arch/arm/ code; plat/$(BOARD_DIR)/include holds its plat/kernel_map.h.
ifeq ($(PLAT),raspi2)
BOARD_DIR := raspi2
BOARD_SRC := $(wildcard plat/raspi2/*.c) $(wildcard plat/raspi2/*.S) arch/arm/drivers/pl011.c \
    arch/arm/drivers/generic_timer.c
else
BOARD_DIR := vexpress-a15
BOARD_SRC := arch/arm/vexpress_family.c arch/arm/vexpress_irq.c arch/arm/drivers/gic.c \
    arch/arm/drivers/pl011.c arch/arm/drivers/sp804.c arch/arm/drivers/sysreg.c \
    $(if $(filter arm-sim,$(PLAT)),arch/arm-sim/plat.c,plat/vexpress-a15/plat.c)
endif
# The board's libsel4 constants (libsel4/sel4_plat_include/, seL4's layout) are
# the kernel's and the user programs'.
BOARD_FLAGS := -Iplat/$(BOARD_DIR)/include -Ilibsel4/sel4_plat_include/$(BOARD_DIR)

ARCH_FLAGS := -marm -march=armv7-a -mtune=cortex-a15 -mfloat-abi=soft
# The bare-metal toolchain makes (u)int32_t 'long'; Linux ARM and the host make it
# 'int'. Use 'int' everywhere so "%u" and "%x" are right for uint32_t in all builds.
INT32_AS_INT := -U__INT32_TYPE__ -D__INT32_TYPE__=int -U__UINT32_TYPE__ \
    '-D__UINT32_TYPE__=unsigned int'
COMMON_FLAGS := $(ARCH_FLAGS) $(INT32_AS_INT) -std=gnu11 -O2 -g -ffreestanding -fno-common \
    -fno-tree-loop-distribute-patterns -fno-stack-protector -Wall -Wextra -Werror \
    -Ilibsel4/include -MMD -MP
KERNEL_FLAGS := $(COMMON_FLAGS) -Iarch/arm/include $(BOARD_FLAGS) -DPLAT_NAME=\"$(PLAT)\"
# CHECKED=1: the kernel checks its invariants at every exit (kernel/invariants.c).
ifneq ($(CHECKED),)
KERNEL_FLAGS += -DNUMBAT_CHECK_INVARIANTS
endif
# FASTPATH=0: no IPC fastpath (kernel/fastpath.c); the image is NAME-nofastpath.elf.
FASTPATH ?= 1
NOFAST := $(filter 0,$(FASTPATH))
ifneq ($(NOFAST),)
KERNEL_FLAGS += -DNUMBAT_FASTPATH=0
endif
# TRACE=uart (vexpress-a15, raspi2): the kernel sends the trace stream out framed,
# on UART1 (vexpress-a15) or between the console's text on UART0 (raspi2), for
# `numbat-sim --attach` and `numbat-trace --uart`; the image is NAME-trace.elf. Without
# it nothing goes out, so QEMU and numbat-sim (which records only when asked) run the
# same guest work.
TRACE ?=
ifneq ($(TRACE),)
ifeq ($(filter uartvexpress-a15 uartraspi2,$(TRACE)$(PLAT)),)
$(error TRACE=uart is for PLAT=vexpress-a15 or raspi2 (numbat-sim records the trace with --trace-out); got TRACE=$(TRACE) PLAT=$(PLAT))
endif
KERNEL_FLAGS += -DNUMBAT_TRACE_UART
endif
# User programs: C with picolibc (README: why). -mtp=soft: thread-local variables
# (errno, libsel4's IPC buffer pointer) go through __aeabi_read_tp (runtime/tls.c),
# which reads TPIDRURW, the register seL4_TCB_SetTLSBase sets, not the kernel-owned
# TPIDRURO. Students' programs get warnings, not errors; the project's own programs
# (tests/ and bench/) build with STRICT=1, which makes them errors again.
# min-pagesize=0: a store to a constant address (*(int *)0x10, a lab's deliberate
# fault) is not an out-of-bounds access.
# The library is picolibc's ARMv7 (Thumb-2) build: it reaches its thread-local errno
# through __aeabi_read_tp, which the runtime provides. The v7-A build GCC would pick
# reads TPIDRURO inline, a register a thread cannot set for itself.
PICOLIBC := /usr/lib/picolibc/arm-none-eabi
LIBC_DIR := $(PICOLIBC)/lib/thumb/v7/nofp
USER_BASE_FLAGS := $(ARCH_FLAGS) $(INT32_AS_INT) -std=gnu11 -O2 -g -fno-common -fno-stack-protector \
    -Wall -Wextra --param=min-pagesize=0 --specs=picolibc.specs -mtp=soft -Ilibsel4/include \
    -Ilibsel4/sel4_plat_include/$(BOARD_DIR) \
    -Iruntime/include -Ilibnumbat/include -Isel4libs/include -MMD -MP
RUNTIME_FLAGS := $(USER_BASE_FLAGS) -Werror
STRICT ?= $(if $(filter tests/% bench/%,$(APP)),1)
APP_FLAGS := $(USER_BASE_FLAGS) $(if $(STRICT),-Werror)

SUFFIX := $(if $(NOFAST),-nofastpath)$(if $(TRACE),-trace)
KDIR := $(BUILD)/$(PLAT)/kernel$(if $(CHECKED),-checked)$(SUFFIX)
# User code is built once per board family (its constants differ): build/user for
# arm-sim and vexpress-a15, build/user-raspi2 for raspi2.
BOARD_SUFFIX := $(if $(filter raspi2,$(BOARD_DIR)),-raspi2)
UDIR := $(BUILD)/user$(BOARD_SUFFIX)
# Each app folder builds in a directory of its own, named for its path: a moved or
# renamed folder, or two folders of one name, never share objects or dependencies.
# The linked program is also copied to build/apps/NAME/NAME, for GDB (docs/gdb.md).
APP_KEY := $(shell printf '%s' '$(abspath $(APP))' | cksum | cut -d' ' -f1)
ADIR := $(BUILD)/apps/$(NAME)-$(APP_KEY)$(if $(SEL4TEST),-sel4test)$(BOARD_SUFFIX)
USER_ELF := $(BUILD)/apps$(BOARD_SUFFIX)/$(NAME)/$(NAME)

KERNEL_SRC := $(wildcard kernel/*.c) $(filter-out arch/arm/vexpress_%,$(wildcard arch/arm/*.c)) \
    $(wildcard arch/arm/*.S) lib/fmt.c lib/cpio.c lib/elf32.c $(BOARD_SRC)
RUNTIME_SRC := $(wildcard runtime/*.c) runtime/crt0.S $(wildcard libsel4/src/*.c)
# libnumbat (threads, memory, objects) is an archive: a program links what it uses.
LIBNUMBAT_SRC := $(wildcard libnumbat/src/*.c) lib/cpio.c lib/elf32.c
# sel4libs (seL4's library names: simple, vka, allocman, vspace, sel4utils) is one
# too, built on libnumbat.
SEL4LIBS_SRC := $(wildcard sel4libs/src/*.c)
APP_SRC := $(wildcard $(APP)/*.c)

# A kernel lab (labs/10-kernel): KERNEL_LAB=DIR names a folder inside APP whose .c files
# replace the kernel/ files of the same names (the student's version of a kernel part).
# That kernel builds in a directory of its own, and DIR is not one of the programs.
ifneq ($(KERNEL_LAB),)
LAB_KERNEL_SRC := $(wildcard $(APP)/$(KERNEL_LAB)/*.c)
KERNEL_SRC := $(filter-out $(patsubst %,kernel/%,$(notdir $(LAB_KERNEL_SRC))),$(KERNEL_SRC)) \
    $(LAB_KERNEL_SRC)
KDIR := $(KDIR)-lab-$(APP_KEY)
KERNEL_FLAGS += -iquote kernel
endif
# A handout (make handout) withholds the kernel files its kernel labs have students
# write (labs/*/kernel/*.c) and ships each compiled instead, per board:
# kernel/prebuilt/$(PLAT)/NAME.o stands in for an absent kernel/NAME.c, so every other
# lab links the kernel's own code without its source. A kernel lab's NAME.c replaces it.
PREBUILT_OBJ := $(foreach o,$(wildcard kernel/prebuilt/$(PLAT)/*.o),$(if \
    $(wildcard kernel/$(basename $(notdir $(o))).c)$(filter $(basename $(notdir $(o))).c,$(notdir \
    $(LAB_KERNEL_SRC))),,$(o)))

# SEL4TEST=1: the root task links the in-kernel suite's tests and helpers (tests/sel4test,
# without its main.c), for a lab that runs some of its test tables (labs/10-kernel).
ifneq ($(SEL4TEST),)
SUITE_SRC := $(filter-out tests/sel4test/main.c,$(wildcard tests/sel4test/*.c))
APP_FLAGS += -Itests/sel4test
endif

KERNEL_OBJ := $(patsubst %,$(KDIR)/%.o,$(KERNEL_SRC)) $(PREBUILT_OBJ)
RUNTIME_OBJ := $(patsubst %,$(UDIR)/%.o,$(RUNTIME_SRC))
LIBNUMBAT_OBJ := $(patsubst %,$(UDIR)/%.o,$(LIBNUMBAT_SRC))
LIBNUMBAT := $(UDIR)/libnumbat.a
SEL4LIBS_OBJ := $(patsubst %,$(UDIR)/%.o,$(SEL4LIBS_SRC))
SEL4LIBS := $(UDIR)/libsel4libs.a
APP_OBJ := $(patsubst %,$(ADIR)/%.o,$(notdir $(APP_SRC))) \
    $(patsubst tests/sel4test/%,$(ADIR)/sel4test/%.o,$(SUITE_SRC))

IMAGE := $(BUILD)/$(PLAT)/$(NAME)$(SUFFIX).elf
.DEFAULT_GOAL := $(IMAGE)

# Relink when the kernel variant (checked or not) or the app folder differs from the
# last link (two folders of one name make the same image file).
VARIANT_FILE := $(BUILD)/$(PLAT)/$(NAME)$(SUFFIX).variant
VARIANT := $(if $(CHECKED),checked,plain)-$(APP_KEY)$(if $(KERNEL_LAB),-lab)$(if $(SEL4TEST),-sel4test)
$(shell mkdir -p $(BUILD)/$(PLAT); [ "$$(cat $(VARIANT_FILE) 2>/dev/null)" = $(VARIANT) ] || \
    echo $(VARIANT) > $(VARIANT_FILE))

# The linker script takes the board's RAM base and load address from its
# plat/kernel_map.h (-undef: no predefined 'arm' to replace OUTPUT_ARCH's).
$(KDIR)/kernel.ld: arch/arm/kernel.ld plat/$(BOARD_DIR)/include/plat/kernel_map.h
	@mkdir -p $(dir $@)
	$(Q)$(CC) -E -P -undef -x c -D__LINKER__ $(BOARD_FLAGS) -o $@ $<

$(IMAGE): $(KERNEL_OBJ) $(ADIR)/archive.o $(KDIR)/kernel.ld $(VARIANT_FILE)
	@echo "  LD      $@"
	$(Q)$(CC) $(ARCH_FLAGS) -nostdlib -static -T $(KDIR)/kernel.ld -o $@ $(KERNEL_OBJ) \
	    $(ADIR)/archive.o -lgcc
	$(Q)mkdir -p $(dir $(USER_ELF)) && cp $(ADIR)/$(NAME) $(USER_ELF)
	$(Q)$(if $(filter raspi2,$(PLAT)),$(CROSS)objcopy -O binary $@ $(@:.elf=.img))

# The IPC fastpath (kernel/fastpath.c) runs without a stack (vectors.S enters it with
# SP_svc still in the caller's context): it never returns, so GCC saves no
# callee-saved register for it, except lr, r7 and r11 when it uses them (GCC 12);
# kept out of its reach, they cost it nothing. Without the invariant checks (which it
# calls), every build checks that it calls nothing and no instruction of it but its
# exit's (arch/fastpath.h) names SP; if one does (another GCC), it is built again with
# entry stubs that give it the kernel stack (NUMBAT_FASTPATH_STACK, arch/fastpath.h).
$(KDIR)/kernel/fastpath.c.o: KERNEL_FLAGS += -ffixed-lr -ffixed-r7 -ffixed-r11
FASTPATH_STACK_CHECK := $(if $(CHECKED)$(NOFAST),,1)

# Every object also depends on this file: the flags here are part of how it was built
# (a changed flag must not leave objects of the old flags behind).
$(KDIR)/%.o: % mk/image.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $< ($(PLAT))"
	$(Q)$(CC) $(KERNEL_FLAGS) -c $< -o $@
	$(Q)$(if $(and $(FASTPATH_STACK_CHECK),$(filter kernel/fastpath.c,$<)),$(CROSS)objdump -d $@ | \
	    awk '/\t(bl|blx|push|pop)\t|[^a-z]sp[^a-z]|[^a-z]sp$$/ && !/\t(add\tsp, r[0-9]+, #148|ldmdb\tsp, |rfeia\tsp!)/ \
	    { print "  NOTE    $<: uses the stack: " $$0; bad = 1 } END { exit bad }' || \
	    { echo "  NOTE    $<: built again with entry stubs that set the kernel stack"; \
	      $(CC) $(KERNEL_FLAGS) -DNUMBAT_FASTPATH_STACK -c $< -o $@; })

$(UDIR)/%.o: % mk/image.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $< (user)"
	$(Q)$(CC) $(RUNTIME_FLAGS) -c $< -o $@

$(ADIR)/%.c.o: $(APP)/%.c mk/image.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(APP_FLAGS) -c $< -o $@

$(ADIR)/sel4test/%.c.o: tests/sel4test/%.c mk/image.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(APP_FLAGS) -Werror -c $< -o $@

$(LIBNUMBAT): $(LIBNUMBAT_OBJ)
	$(Q)rm -f $@ && $(CROSS)ar rcs $@ $^

$(SEL4LIBS): $(SEL4LIBS_OBJ)
	$(Q)rm -f $@ && $(CROSS)ar rcs $@ $^

# A user program's link: its objects ($(1)), the runtime, sel4libs, libnumbat, the C library.
USER_LINK = $(CC) $(ARCH_FLAGS) -nostdlib -static -T runtime/user.ld -o $@ $(RUNTIME_OBJ) $(1) \
    $(SEL4LIBS) $(LIBNUMBAT) -L$(LIBC_DIR) -Wl,--start-group -lc -lm -lgcc -Wl,--end-group
USER_LINK_DEPS := $(RUNTIME_OBJ) $(SEL4LIBS) $(LIBNUMBAT) runtime/user.ld $(LIBC_DIR)/libc.a mk/image.mk

# The programs the root task can start as processes: each folder inside APP that holds
# .c files is one, named for the folder, built like the root task and packed into a
# cpio archive linked into the root task (libnumbat/process.c finds them there).
PROGRAMS := $(filter-out $(KERNEL_LAB),$(sort $(patsubst $(APP)/%/,%,$(dir $(wildcard $(APP)/*/*.c)))))
define program_rules
$(1)_OBJ := $$(patsubst $(APP)/$(1)/%.c,$(ADIR)/$(1)/%.c.o,$$(wildcard $(APP)/$(1)/*.c))
PROGRAM_OBJ += $$($(1)_OBJ)
$(ADIR)/$(1)/%.c.o: $(APP)/$(1)/%.c mk/image.mk
	@mkdir -p $$(dir $$@)
	@echo "  CC      $$<"
	$$(Q)$$(CC) $$(APP_FLAGS) -c $$< -o $$@
$(ADIR)/programs/$(1): $$($(1)_OBJ) $$(USER_LINK_DEPS)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(call USER_LINK,$$($(1)_OBJ))
endef
$(foreach p,$(PROGRAMS),$(eval $(call program_rules,$(p))))
PROGRAMS_OBJ := $(if $(PROGRAMS),$(ADIR)/programs.o)

$(ADIR)/programs.cpio: $(addprefix $(ADIR)/programs/,$(PROGRAMS))
	$(Q)cd $(ADIR)/programs && printf '%s\n' $(PROGRAMS) | cpio --quiet -o -H newc --reproducible > ../programs.cpio

$(ADIR)/programs.S: | $(ADIR)/programs.cpio
	$(Q)printf '\t.section .rodata.programs, "a"\n\t.balign 4\n\t.global __numbat_programs_start\n__numbat_programs_start:\n\t.incbin "%s"\n\t.global __numbat_programs_end\n__numbat_programs_end:\n' $(abspath $(ADIR)/programs.cpio) > $@

$(ADIR)/programs.o: $(ADIR)/programs.S $(ADIR)/programs.cpio
	$(Q)$(CC) $(ARCH_FLAGS) -c $< -o $@

# The root task, then a cpio newc archive holding it under its name.
$(ADIR)/$(NAME): $(APP_OBJ) $(PROGRAMS_OBJ) $(USER_LINK_DEPS)
	$(Q)$(call USER_LINK,$(APP_OBJ) $(PROGRAMS_OBJ))

$(ADIR)/archive.cpio: $(ADIR)/$(NAME)
	$(Q)cd $(ADIR) && echo $(NAME) | cpio --quiet -o -H newc --reproducible > archive.cpio

$(ADIR)/archive.S: | $(ADIR)/archive.cpio
	$(Q)printf '\t.section .archive, "a"\n\t.incbin "%s"\n' $(abspath $(ADIR)/archive.cpio) > $@

$(ADIR)/archive.o: $(ADIR)/archive.S $(ADIR)/archive.cpio
	$(Q)$(CC) $(ARCH_FLAGS) -c $< -o $@

-include $(KERNEL_OBJ:.o=.d) $(RUNTIME_OBJ:.o=.d) $(LIBNUMBAT_OBJ:.o=.d) $(SEL4LIBS_OBJ:.o=.d) $(APP_OBJ:.o=.d) \
    $(PROGRAM_OBJ:.o=.d)
