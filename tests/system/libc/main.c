/*
 * tests/system/libc - a user program that uses the C library as any C program does:
 * malloc, realloc and free over the runtime's heap (until it runs out), string.h,
 * snprintf and printf with full formatting (64-bit and floating point), strtol with
 * errno, qsort, and assert. It prints what it found; test_libc.c checks every line,
 * on numbat-sim and QEMU.
 */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sel4/sel4.h>

static int by_value(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* Allocates 1 KiB blocks until malloc says no; frees them; returns how many. */
static unsigned exhaust_heap(void)
{
    void *blocks[1024];
    unsigned n = 0;
    while (n < 1024 && (blocks[n] = malloc(1024)) != NULL) {
        memset(blocks[n], (int)n, 1024);
        n++;
    }
    for (unsigned i = 0; i < n; i++)
        assert(((unsigned char *)blocks[i])[1023] == (unsigned char)i);
    for (unsigned i = 0; i < n; i++)
        free(blocks[i]);
    return n;
}

int main(void)
{
    seL4_UserContext regs = {0}; /* zero-initialised structs need memset */
    printf("regs.pc %lu\n", (unsigned long)regs.pc);

    char *s = malloc(16);
    strcpy(s, "numbat");
    s = realloc(s, 4096);
    strcat(s, " kernel");
    printf("string '%s' length %zu, cmp %d, chr '%s'\n", s, strlen(s), strcmp(s, "numbat kernel"),
           strchr(s, 'k'));
    free(s);

    char buf[96];
    int n = snprintf(buf, sizeof(buf), "%08x|%-6s|%lld|%.3f|%5.1e|%c|%%", 0xbeefu, "ab",
                     (long long)INT64_MIN, 3.14159, 12345.678, 'z');
    printf("formatted %d: %s\n", n, buf);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation" /* truncating is what is tried */
    n = snprintf(buf, 5, "%s", "abcdefgh");
#pragma GCC diagnostic pop
    printf("truncated to %d: '%s'\n", n, buf);
    printf("sqrt(2) %.6f, sin(pi/6) %.3f\n", sqrt(2.0), sin(M_PI / 6));

    errno = 0;
    long big = strtol("99999999999", NULL, 10);
    printf("strtol overflow: %ld, errno %s\n", big, errno == ERANGE ? "ERANGE" : "not set");

    int v[] = {5, 3, 9, 1, 7};
    qsort(v, 5, sizeof(v[0]), by_value);
    printf("sorted %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);

    unsigned first = exhaust_heap(), again = exhaust_heap();
    printf("heap: %u KiB blocks, then %u after freeing them all\n", first, again);
    assert(first == again && first > 100);
    fprintf(stderr, "stderr works too\n");
    puts("libc: all done");
    return 0;
}
