/*
 * tools/tt_bench.c - time travel figures for make bench (docs/time-travel.md): runs an
 * image for N instructions with and without checkpoints, then jumps back to points
 * spread over the run and times each jump. Prints lines for tools/bench.sh.
 * usage: tt-bench IMAGE INSTRUCTIONS INTERVAL JUMPS [MEM_MIB]
 * (MEM_MIB: the history's memory bound, as numbat-sim --checkpoint-mem; default its default)
 * Partners: sim/checkpoint.c, sim/timetravel.c, tools/bench.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../sim/board.h"

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void discard(void *ctx, uint8_t byte)
{
    (void)ctx;
    (void)byte;
}

static sim_board_t *boot(const elf_image_t *image, uint64_t insns)
{
    char err[256];
    sim_options_t o = {.ram_size = BOARD_RAM_DEFAULT, .max_insns = insns, .console = {discard, NULL}};
    sim_board_t *b = sim_board_create(&o, err, sizeof(err));
    if (!b || sim_board_load(b, image, err, sizeof(err)) != 0) {
        fprintf(stderr, "tt-bench: %s\n", err);
        exit(1);
    }
    return b;
}

/* Seconds for a run without checkpoints. */
static double plain_run(const elf_image_t *image, uint64_t insns)
{
    sim_board_t *plain = boot(image, insns);
    double t0 = seconds();
    sim_board_run(plain);
    double dt = seconds() - t0;
    sim_board_destroy(plain);
    return dt;
}

int main(int argc, char **argv)
{
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: tt-bench IMAGE INSTRUCTIONS INTERVAL JUMPS [MEM_MIB]\n");
        return 2;
    }
    uint64_t insns = strtoull(argv[2], NULL, 10), interval = strtoull(argv[3], NULL, 10);
    int jumps = atoi(argv[4]);
    size_t limit = argc == 6 ? (size_t)strtoull(argv[5], NULL, 10) << 20 : SIM_CHECKPOINT_MEM_DEFAULT;
    elf_image_t image;
    char err[256];
    if (elf_image_open(argv[1], &image, err, sizeof(err)) != 0) {
        fprintf(stderr, "tt-bench: %s\n", err);
        return 1;
    }
    /* The same run without and with checkpoints: what keeping them costs. The plain
       run goes before and after (the first board of a process pays Unicorn's start-up):
       the faster of the two counts. */
    double plain_s = plain_run(&image, insns);
    sim_board_t *b = boot(&image, insns);
    double t0 = seconds();
    sim_board_keep_history(b, interval);
    sim_board_limit_history(b, limit);
    sim_board_run(b);
    double kept_s = seconds() - t0;
    uint64_t ran = sim_board_icount(b);
    double again_s = plain_run(&image, insns);
    if (again_s < plain_s)
        plain_s = again_s;
    sim_history_stats_t s = sim_board_history_stats(b);
    printf("run %llu instructions: %.3f s plain, %.3f s keeping checkpoints every %llu (%.2fx)\n",
           (unsigned long long)ran, plain_s, kept_s, (unsigned long long)interval,
           kept_s / plain_s);
    printf("checkpoints %zu (%zu dropped to stay within %zu MiB), %.2f ms each on average, "
           "%zu RAM pages stored, %.1f MiB in all\n",
           s.checkpoints, s.thinned, limit >> 20,
           s.takes ? 1e3 * s.take_seconds / (double)s.takes : 0.0, s.page_copies,
           (double)s.bytes / (1 << 20));

    /* Jumps back from the end to points spread over the run, each mid-interval. */
    double worst = 0, total = 0, restore_worst = 0;
    for (int j = 0; j < jumps; j++) {
        uint64_t to = ran / 2 + (uint64_t)(j + 1) * (ran / 2) / (uint64_t)(jumps + 1);
        to = to / interval * interval + interval - 1000; /* the far end of an interval */
        if (to >= ran)
            to = ran - 1000;
        t0 = seconds();
        sim_board_travel_to(b, to);
        double dt = seconds() - t0;
        sim_history_stats_t r = sim_board_history_stats(b);
        if (r.restore_seconds > restore_worst)
            restore_worst = r.restore_seconds;
        total += dt;
        if (dt > worst)
            worst = dt;
        sim_board_travel_to(b, ran - 1); /* forward to the end again (timed with the rest) */
    }
    /* Jumps back from the end to points spread over the whole run, the old part too
       (where a bound leaves checkpoints sparse). */
    double any_worst = 0, any_total = 0;
    for (int j = 0; j < jumps; j++) {
        uint64_t to = (uint64_t)(2 * j + 1) * ran / (uint64_t)(2 * jumps);
        t0 = seconds();
        sim_board_travel_to(b, to);
        double dt = seconds() - t0;
        any_total += dt;
        if (dt > any_worst)
            any_worst = dt;
        sim_board_travel_to(b, ran - 1);
    }
    printf("jump back anywhere in the run %d times: %.1f ms on average, %.1f ms at worst\n", jumps,
           jumps ? 1e3 * any_total / jumps : 0.0, 1e3 * any_worst);
    t0 = seconds();
    sim_board_reverse_step(b);
    double step_s = seconds() - t0;
    /* As far back as it goes: the history starts at the first instruction. */
    t0 = seconds();
    sim_board_travel_to(b, interval - 1000);
    double start_s = seconds() - t0;
    printf("jump back %d times: %.1f ms on average, %.1f ms at worst (restore at worst %.1f ms); "
           "to the first interval %.1f ms; reverse-stepi %.1f ms\n",
           jumps, jumps ? 1e3 * total / jumps : 0.0, 1e3 * worst, 1e3 * restore_worst,
           1e3 * start_s, 1e3 * step_s);
    sim_board_destroy(b);
    elf_image_close(&image);
    return 0;
}
