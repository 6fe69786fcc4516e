/*
 * sel4/errors.h — seL4_Error, the result of every invocation stub and the label
 * of every error reply from the kernel (spec §2.2, §7). Pure C.
 * Partners: invocations.h (returns it), messageinfo.h (label carries it).
 */
#ifndef SEL4_ERRORS_H
#define SEL4_ERRORS_H

#include <sel4/macros.h>

typedef enum {
    seL4_NoError           = 0,
    seL4_InvalidArgument   = 1,
    seL4_InvalidCapability = 2,
    seL4_IllegalOperation  = 3,
    seL4_RangeError        = 4,
    seL4_AlignmentError    = 5,
    seL4_FailedLookup      = 6,
    seL4_TruncatedMessage  = 7,
    seL4_DeleteFirst       = 8,
    seL4_RevokeFirst       = 9,
    seL4_NotEnoughMemory   = 10,
    /* count of the values above, not an error */
    seL4_NumErrors         = 11,
    SEL4_FORCE_LONG_ENUM(seL4_Error),
} seL4_Error;

#endif /* SEL4_ERRORS_H */
