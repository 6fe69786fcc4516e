/*
 * visualizer/grow.h - the growing arrays the visualizer's model keeps (caps, objects,
 * threads, IPC objects and waiters): doubled when full, and the process stops if
 * memory runs out, as the model has no way to go on without it.
 * Partners: model.c, ipc_model.c.
 */
#ifndef VIS_GROW_H
#define VIS_GROW_H

#include <stdlib.h>

/* Room for one more item of `size` bytes in array (holding count of *cap). */
static inline void *vis_grow(void *array, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return array;
    *cap = *cap ? *cap * 2 : 16;
    void *bigger = realloc(array, *cap * size);
    if (!bigger)
        abort();
    return bigger;
}

#endif
