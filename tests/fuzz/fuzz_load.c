/* fuzz_load.c: the CSV loaders against arbitrary bytes.
 *
 * Built two ways: with clang -fsanitize=fuzzer,address as a libFuzzer target
 * (see tests/fuzz/README.md), and with any compiler as a replay driver that
 * ctest runs over tests/fuzz/corpus/ (under ASan+UBSan in CI). Each input is
 * loaded as a records file (plain, directed with a window, and with d.m.Y
 * dates, semicolons and Windows-1252 forced), as an actors file and as an
 * affiliations file (alone and with records, both projections), and
 * measured, and must either load or fail with a message; never crash, leak
 * or read out of bounds. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bridgemap.h"

static char *write_file(const uint8_t *data, size_t size)
{
    char *path = strdup("/tmp/bm_fuzz_XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    if (size && write(fd, data, size) != (ssize_t)size)
        abort();
    close(fd);
    return path;
}

static void measure(bm_network *net)
{
    bm_grouping *g = NULL;
    bm_table *t = NULL;
    if (bm_network_attr_count(net) > 0)
        bm_grouping_new(&g, net, bm_network_attr_name(net, 0));
    bm_measure_options mo = {.grouping = g, .seed = 1, .permutations = 99};
    if (bm_measures_actors(&t, net, &mo) == BM_OK)
        bm_table_free(t);
    t = NULL;
    if (g && bm_measures_groups(&t, net, &mo) == BM_OK)
        bm_table_free(t);
    t = NULL;
    if (bm_measures_summary(&t, net, &mo) == BM_OK)
        bm_table_free(t);
    bm_grouping_free(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    static char *plain_records;
    if (!ready) {
        bm_init(1);
        const char *r = "source,target\na,b\n";
        plain_records = write_file((const uint8_t *)r, strlen(r));
        ready = 1;
    }
    char *path = write_file(data, size);
    bm_load_options o;
    bm_network *net = NULL;

    bm_load_options_init(&o);
    o.records_path = path;
    if (bm_load(&net, &o) == BM_OK) {
        measure(net);
        bm_network_free(net);
    } else if (bm_error_last()[0] == '\0') {
        abort(); /* a failure must say what is wrong */
    }

    o.directed = 1;
    o.date_from = "2020-01-01";
    if (bm_load(&net, &o) == BM_OK)
        bm_network_free(net);

    /* the spreadsheet forms: d.m.Y dates, semicolons forced, Windows-1252 forced */
    bm_load_options_init(&o);
    o.records_path = path;
    o.date_format = "d.m.Y";
    o.delimiter = ';';
    o.encoding = "windows-1252";
    if (bm_load(&net, &o) == BM_OK)
        bm_network_free(net);

    /* as an affiliations file, alone and with records, both projections */
    bm_load_options_init(&o);
    o.affiliations_path = path;
    if (bm_load(&net, &o) == BM_OK) {
        measure(net);
        bm_table *t = NULL;
        if (bm_measures_activities(&t, net, NULL) == BM_OK)
            bm_table_free(t);
        bm_network_free(net);
    } else if (bm_error_last()[0] == '\0') {
        abort();
    }
    o.records_path = plain_records;
    o.projection = BM_PROJECT_NEWMAN;
    o.date_from = "2020-01-01";
    if (bm_load(&net, &o) == BM_OK)
        bm_network_free(net);

    bm_load_options_init(&o);
    o.records_path = plain_records;
    o.actors_path = path;
    if (bm_load(&net, &o) == BM_OK) {
        measure(net);
        bm_network_free(net);
    }
    unlink(path);
    free(path);
    return 0;
}

#include "replay.h"
