/*
 * sel4/config.h — build configuration of Numbat's libsel4 (the CONFIG_* switches
 * that seL4 programs test with #ifdef). Partners: constants.h, bootinfo.h and
 * syscalls.h read these values. Every value can be overridden with -D before
 * inclusion; the defaults describe the one configuration we support.
 */
#ifndef SEL4_CONFIG_H
#define SEL4_CONFIG_H

/* Architecture: ARMv7-A, AArch32, 32-bit words (spec §1). */
#ifndef CONFIG_ARCH_ARM
#define CONFIG_ARCH_ARM 1
#endif
#ifndef CONFIG_ARCH_AARCH32
#define CONFIG_ARCH_AARCH32 1
#endif
#ifndef CONFIG_WORD_SIZE
#define CONFIG_WORD_SIZE 32
#endif

/* Debug syscalls −9…−14 are always compiled in: labs rely on DebugPutChar. */
#ifndef CONFIG_PRINTING
#define CONFIG_PRINTING 1
#endif
#ifndef CONFIG_DEBUG_BUILD
#define CONFIG_DEBUG_BUILD 1
#endif

/* Kernel parameters that are visible in the user API (spec §2.3, §5.3, §10, §11.8). */
#ifndef CONFIG_NUM_PRIORITIES
#define CONFIG_NUM_PRIORITIES 256
#endif
#ifndef CONFIG_RETYPE_FAN_OUT_LIMIT
#define CONFIG_RETYPE_FAN_OUT_LIMIT 256
#endif
#ifndef CONFIG_ROOT_CNODE_SIZE_BITS
#define CONFIG_ROOT_CNODE_SIZE_BITS 12
#endif
#ifndef CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS
#define CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS 230
#endif
#ifndef CONFIG_NUM_DOMAINS
#define CONFIG_NUM_DOMAINS 1
#endif
#ifndef CONFIG_TIME_SLICE
#define CONFIG_TIME_SLICE 5
#endif
#ifndef CONFIG_TIMER_TICK_MS
#define CONFIG_TIMER_TICK_MS 2
#endif
#ifndef CONFIG_MAX_NUM_NODES
#define CONFIG_MAX_NUM_NODES 1
#endif
/* __sel4_ipc_buffer is thread-local, as seL4's default (see ipcbuffer.h). Define it
 * to 0 for a plain global. */
#ifndef CONFIG_LIB_SEL4_USE_THREAD_LOCALS
#define CONFIG_LIB_SEL4_USE_THREAD_LOCALS 1
#endif

/*
 * Deliberately NOT defined: CONFIG_KERNEL_MCS, CONFIG_ENABLE_SMP_SUPPORT,
 * CONFIG_ARM_HYPERVISOR_SUPPORT, CONFIG_HARDWARE_DEBUG_API, CONFIG_TK1_SMMU,
 * CONFIG_ARM_SMMU, CONFIG_ENABLE_BENCHMARKS and CONFIG_DANGEROUS_CODE_INJECTION.
 */

#endif /* SEL4_CONFIG_H */
