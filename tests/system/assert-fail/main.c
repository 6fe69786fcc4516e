/*
 * tests/system/assert-fail - a failed assert: the C library prints the expression,
 * file, line and function, and the program ends as abort() ends it (status 134).
 */
#include <assert.h>
#include <stdio.h>

int main(void)
{
    int answer = 41;
    printf("checking the answer\n");
    assert(answer == 42);
    printf("not reached\n");
    return 0;
}
