/*
 * sel4libs/include/platsupport/ltimer.h - seL4's "ltimer": a board's timer for
 * timeouts (an interrupt after a time, once or periodically) and the current time.
 * On Numbat the default one is the board's user timer (platsupport/plat/timer.h).
 * On vexpress it is the second SP804 (../../src/ltimer_sp804.c): its first timer
 * makes the timeouts, its second runs free for ltimer_get_time, which therefore
 * wraps after 2^32 us (about 71 minutes). On a Raspberry Pi it is the system timer
 * (../../src/ltimer_systimer.c): a 64-bit 1 MHz counter and compare 3. Functions
 * return 0 or an error (< 0 or an seL4_Error). Partners: io.h.
 */
#ifndef SEL4LIBS_PLATSUPPORT_LTIMER_H
#define SEL4LIBS_PLATSUPPORT_LTIMER_H

#include <stdint.h>

#include <platsupport/io.h>
#include <utils/time.h>

typedef enum timeout_type { TIMEOUT_PERIODIC, TIMEOUT_RELATIVE, TIMEOUT_ABSOLUTE } timeout_type_t;
typedef enum ltimer_event { LTIMER_TIMEOUT_EVENT, LTIMER_OVERFLOW_EVENT } ltimer_event_t;
typedef void (*ltimer_callback_fn_t)(void *token, ltimer_event_t event);

typedef struct ltimer {
    void *data; /* the driver's state */
} ltimer_t;

/* Maps the timer through ops.io_mapper, registers its interrupt through ops.irq_ops
 * and starts the clock; callback(token, event) (may be NULL) runs at each timeout. */
int ltimer_default_init(ltimer_t *timer, ps_io_ops_t ops, ltimer_callback_fn_t callback, void *callback_token);
/* Nanoseconds since the timer started. */
int ltimer_get_time(ltimer_t *timer, uint64_t *time);
/* A timeout after ns nanoseconds (TIMEOUT_RELATIVE), every ns (TIMEOUT_PERIODIC), or
 * when ltimer_get_time reaches ns (TIMEOUT_ABSOLUTE). */
int ltimer_set_timeout(ltimer_t *timer, uint64_t ns, timeout_type_t type);
/* The smallest step of time it tells, in nanoseconds. */
int ltimer_get_resolution(ltimer_t *timer, uint64_t *resolution);
/* Cancels the timeout and restarts the clock from 0. */
int ltimer_reset(ltimer_t *timer);
/* Stops both timers and the interrupt. */
void ltimer_destroy(ltimer_t *timer);

#endif
