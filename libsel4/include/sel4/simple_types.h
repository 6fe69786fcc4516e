/*
 * sel4/simple_types.h — compatibility name: seL4 keeps its scalar typedefs in
 * this file; ours live in types.h, which this simply includes.
 * Partner: types.h.
 */
#ifndef SEL4_SIMPLE_TYPES_H
#define SEL4_SIMPLE_TYPES_H
#include <sel4/types.h>
#endif /* SEL4_SIMPLE_TYPES_H */
