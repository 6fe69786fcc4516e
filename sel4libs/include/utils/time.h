/*
 * sel4libs/include/utils/time.h - units of time as seL4's libutils names them.
 * Partner: platsupport/ltimer.h.
 */
#ifndef SEL4LIBS_UTILS_TIME_H
#define SEL4LIBS_UTILS_TIME_H

#define NS_IN_US 1000ull
#define NS_IN_MS 1000000ull
#define NS_IN_S 1000000000ull
#define US_IN_MS 1000ull
#define US_IN_S 1000000ull
#define MS_IN_S 1000ull

#endif
