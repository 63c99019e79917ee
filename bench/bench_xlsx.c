/* bench_xlsx: time bridgemap's .xlsx reader (bm_xlsx_read) on a workbook.
 *
 * Usage: bench_xlsx FILE.xlsx [--sheet NAME] [--repeat N]
 *
 * Reads the sheet (default: the first) N times (default 3) with a callback
 * that only counts, and prints the best wall time (CLOCK_MONOTONIC), which
 * includes reading the file and its SHA-256, as loading does:
 *
 *   xlsx_seconds 0.123456
 *   rows 100001
 *   cells 400004
 *
 * Compare with bench/peer_openpyxl.py read FILE.xlsx (same counts), and make
 * the workbook with bench/peer_openpyxl.py make FILE.xlsx --rows 100000.
 * Exit status: 0, or bridgemap's status code when reading fails. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

typedef struct counts {
    size_t rows, cells;
} counts;

static bm_status count(const bm_csv_record *rec, void *ctx)
{
    counts *c = ctx;
    c->rows++;
    for (size_t i = 0; i < rec->nfields; i++)
        if (rec->lens[i] > 0)
            c->cells++;
    return BM_OK;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void usage(void)
{
    fputs("usage: bench_xlsx FILE.xlsx [--sheet NAME] [--repeat N]\n", stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *path = NULL, *sheet = NULL;
    long repeat = 3;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--sheet") == 0) {
            if (++i >= argc) usage();
            sheet = argv[i];
        } else if (strcmp(a, "--repeat") == 0) {
            if (++i >= argc) usage();
            char *end = NULL;
            repeat = strtol(argv[i], &end, 10);
            if (end == argv[i] || *end || repeat < 1) usage();
        } else if (a[0] == '-' && a[1] != '\0') {
            usage();
        } else if (!path) {
            path = a;
        } else {
            usage();
        }
    }
    if (!path) usage();

    double best = -1.0;
    counts c = {0, 0};
    for (long r = 0; r < repeat; r++) {
        bm_csv_info info;
        c.rows = c.cells = 0;
        double t0 = now_seconds();
        bm_status st = bm_xlsx_read(path, sheet, count, &c, &info);
        double t = now_seconds() - t0;
        if (st != BM_OK) {
            fprintf(stderr, "bench_xlsx: %s\n", bm_error_last());
            return (int)st;
        }
        if (best < 0.0 || t < best) best = t;
    }
    printf("xlsx_seconds %.6f\n", best);
    printf("rows %zu\n", c.rows);
    printf("cells %zu\n", c.cells);
    return 0;
}
