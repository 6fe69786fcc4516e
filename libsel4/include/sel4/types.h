/*
 * sel4/types.h — scalar types, capability typedefs, seL4_Bool/True/False/Null,
 * the ARM VM-attribute and cache-type enums and seL4_UserContext (spec §2.1,
 * §6, §8.8). Pure C: safe to include on a host compiler for unit tests.
 * Partners: simple_types.h (compat alias of this file), constants.h, invocations.h.
 */
#ifndef SEL4_TYPES_H
#define SEL4_TYPES_H

#include <sel4/config.h>
#include <sel4/macros.h>

/*
 * Fixed widths are spelled with the basic C types the spec names (AArch32 ILP32).
 * On an LP64 host "int" is still 32 bits, so seL4_Word stays 32 bits there too —
 * host tests then see exactly the target's packing.
 */
typedef signed char        seL4_Int8;
typedef signed short       seL4_Int16;
typedef signed int         seL4_Int32;
typedef signed long long   seL4_Int64;
typedef unsigned char      seL4_Uint8;
typedef unsigned short     seL4_Uint16;
typedef unsigned int       seL4_Uint32;
typedef unsigned long long seL4_Uint64;

SEL4_COMPILE_ASSERT(uint8_is_1_byte, sizeof(seL4_Uint8) == 1);
SEL4_COMPILE_ASSERT(uint16_is_2_bytes, sizeof(seL4_Uint16) == 2);
SEL4_COMPILE_ASSERT(uint32_is_4_bytes, sizeof(seL4_Uint32) == 4);
SEL4_COMPILE_ASSERT(uint64_is_8_bytes, sizeof(seL4_Uint64) == 8);

typedef seL4_Uint32 seL4_Word;
/* printf conversions for a seL4_Word (an unsigned int here): "%" SEL4_PRIx_word. */
#define SEL4_PRIu_word "u"
#define SEL4_PRIx_word "x"
#define SEL4_PRIX_word "X"
#define SEL4_PRIo_word "o"
#define SEL4_PRId_word "d"
#define SEL4_PRIi_word "i"
typedef seL4_Word   seL4_CPtr;
typedef seL4_Word   seL4_NodeId;
typedef seL4_Word   seL4_PAddr;
typedef seL4_Word   seL4_Domain;
typedef seL4_Word   seL4_SlotPos;
typedef seL4_Uint64 seL4_Time;

/* A signed byte, not C99 bool: invocation packing gives it exactly one bit (spec §7). */
typedef seL4_Int8 seL4_Bool;
#define seL4_True  ((seL4_Bool)1)
#define seL4_False ((seL4_Bool)0)
#define seL4_Null  ((void *)0)

/* Capability typedefs: all plain cptrs, named only to document intent. */
typedef seL4_CPtr seL4_CNode;
typedef seL4_CPtr seL4_TCB;
typedef seL4_CPtr seL4_Untyped;
typedef seL4_CPtr seL4_IRQControl;
typedef seL4_CPtr seL4_IRQHandler;
typedef seL4_CPtr seL4_DomainSet;
typedef seL4_CPtr seL4_ARM_Page;
typedef seL4_CPtr seL4_ARM_PageTable;
typedef seL4_CPtr seL4_ARM_PageDirectory;
typedef seL4_CPtr seL4_ARM_ASIDControl;
typedef seL4_CPtr seL4_ARM_ASIDPool;
/* Caps of configurations Numbat leaves out (hypervisor, SMMU); seL4 declares the
 * names whatever the configuration, so code that merely names them compiles. */
typedef seL4_CPtr seL4_ARM_VCPU;
typedef seL4_CPtr seL4_ARM_IOSpace;
typedef seL4_CPtr seL4_ARM_IOPageTable;
typedef seL4_CPtr seL4_ARM_SIDControl;
typedef seL4_CPtr seL4_ARM_SID;
typedef seL4_CPtr seL4_ARM_CBControl;
typedef seL4_CPtr seL4_ARM_CB;

/* Mapping attributes for Page_Map / PageTable_Map; values are OR-able bits (spec §6). */
typedef enum {
    seL4_ARM_PageCacheable        = 0x01,
    seL4_ARM_ParityEnabled        = 0x02,
    seL4_ARM_Default_VMAttributes = 0x03,
    seL4_ARM_ExecuteNever         = 0x04,
    SEL4_FORCE_LONG_ENUM(seL4_ARM_VMAttributes),
} seL4_ARM_VMAttributes;

typedef enum {
    seL4_ARM_CacheI  = 1,
    seL4_ARM_CacheD  = 2,
    seL4_ARM_CacheID = 3,
    SEL4_FORCE_LONG_ENUM(seL4_ARM_CacheType),
} seL4_ARM_CacheType;

/*
 * Register file as seen by TCB_ReadRegisters/WriteRegisters/CopyRegisters,
 * in the kernel's order (spec §8.8). The first ten words are the "frame"
 * group, the last nine the "integer" group; the order is ABI, never sort it.
 */
typedef struct seL4_UserContext_ {
    /* frame registers */
    seL4_Word pc, sp, cpsr, r0, r1, r8, r9, r10, r11, r12;
    /* integer registers */
    seL4_Word r2, r3, r4, r5, r6, r7, r14;
    /* thread-ID registers, saved and restored per thread */
    seL4_Word tpidrurw, tpidruro;
} seL4_UserContext;

/* Word counts of the two CopyRegisters groups; their sum is the struct size. */
#define SEL4_USERCONTEXT_FRAME_WORDS   10
#define SEL4_USERCONTEXT_INTEGER_WORDS 9
SEL4_COMPILE_ASSERT(usercontext_is_19_words,
                    sizeof(seL4_UserContext) ==
                    (SEL4_USERCONTEXT_FRAME_WORDS + SEL4_USERCONTEXT_INTEGER_WORDS) * sizeof(seL4_Word));

#endif /* SEL4_TYPES_H */
