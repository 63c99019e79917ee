/* bench_load: time bridgemap's loader (bm_load) on a records file.
 *
 * Usage: bench_load RECORDS.csv [--actors ACTORS.csv] [--directed] [--repeat N]
 *
 * Loads the network N times (default 3), freeing it after each run, and
 * prints the best wall time (CLOCK_MONOTONIC) and the network's size:
 *
 *   load_seconds 0.123456
 *   actors 200000
 *   ties 950000
 *   records 1000000
 *
 * Exit status: 0, or bridgemap's status code when a load fails. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bridgemap/common.h"
#include "bridgemap/load.h"
#include "bridgemap/network.h"

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void usage(void)
{
    fputs("usage: bench_load RECORDS.csv [--actors ACTORS.csv] [--directed] [--repeat N]\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    bm_load_options opt;
    bm_load_options_init(&opt);
    long repeat = 3;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--actors") == 0) {
            if (++i >= argc) usage();
            opt.actors_path = argv[i];
        } else if (strcmp(a, "--directed") == 0) {
            opt.directed = 1;
        } else if (strcmp(a, "--repeat") == 0) {
            if (++i >= argc) usage();
            char *end = NULL;
            repeat = strtol(argv[i], &end, 10);
            if (end == argv[i] || *end || repeat < 1) usage();
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage();
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "bench_load: unknown option %s\n", a);
            usage();
        } else if (!opt.records_path) {
            opt.records_path = a;
        } else {
            usage();
        }
    }
    if (!opt.records_path) usage();

    bm_init(1);
    double best = -1.0;
    size_t actors = 0, ties = 0, records = 0;
    for (long r = 0; r < repeat; r++) {
        bm_network *net = NULL;
        double t0 = now_seconds();
        bm_status st = bm_load(&net, &opt);
        double t = now_seconds() - t0;
        if (st != BM_OK) {
            fprintf(stderr, "bench_load: %s\n", bm_error_last());
            return (int)st;
        }
        actors = bm_network_actor_count(net);
        ties = bm_network_tie_count(net);
        records = bm_network_record_count(net);
        bm_network_free(net);
        if (best < 0.0 || t < best) best = t;
    }
    printf("load_seconds %.6f\n", best);
    printf("actors %zu\n", actors);
    printf("ties %zu\n", ties);
    printf("records %zu\n", records);
    return 0;
}
