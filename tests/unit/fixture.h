/* fixture.h: loading a network from CSV text written in a test. */
#ifndef BM_TEST_FIXTURE_H
#define BM_TEST_FIXTURE_H
#include <unistd.h>
#include "check.h"
#include "bridgemap.h"

/* Writes records (and actors, when not NULL) to temporary files, loads them
 * and removes the files; exits 99 with the library's message on failure. */
static bm_network *load_text(const char *records, const char *actors, int directed, int unweighted)
{
    bm_load_options o;
    bm_network *net = NULL;
    bm_load_options_init(&o);
    char *rp = write_temp(records), *ap = actors ? write_temp(actors) : NULL;
    o.records_path = rp;
    o.actors_path = ap;
    o.directed = directed;
    o.unweighted = unweighted;
    bm_status st = bm_load(&net, &o);
    unlink(rp);
    free(rp);
    if (ap) {
        unlink(ap);
        free(ap);
    }
    if (st != BM_OK) {
        fprintf(stderr, "load failed: %s\n", bm_error_last());
        exit(99);
    }
    return net;
}

/* load_text, then the grouping by column. */
static bm_grouping *group_by(const bm_network *net, const char *column)
{
    bm_grouping *g = NULL;
    if (bm_grouping_new(&g, net, column) != BM_OK) {
        fprintf(stderr, "grouping failed: %s\n", bm_error_last());
        exit(99);
    }
    return g;
}
#endif
