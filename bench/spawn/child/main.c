/*
 * bench/spawn/child - the program bench/spawn starts as a process: it does nothing
 * and returns (which suspends it).
 */
int main(void)
{
    return 0;
}
