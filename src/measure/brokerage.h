/* brokerage.h: Gould & Fernandez (1989) brokerage roles per actor, as R sna's
 * brokerage() computes them (raw counts, expected counts, z-scores).
 *
 * Library-internal (src/ only): the CLI reaches these numbers through the
 * actors table (columns brokerage_*). Needs only the public headers, so a
 * unit test can include it without internal.h. */
#ifndef BRIDGEMAP_BROKERAGE_H
#define BRIDGEMAP_BROKERAGE_H

#include "bridgemap/common.h"
#include "bridgemap/network.h"

/* Roles in sna's column order (raw.nli: w_I, w_O, b_IO, b_OI, b_O, t). For
 * an open two-path a -> v -> t through broker v:
 *   COORDINATOR     w_I   a, v, t in one group
 *   ITINERANT       w_O   a and t in one group, v in another (consultant)
 *   REPRESENTATIVE  b_IO  a and v in one group, t in another
 *   GATEKEEPER      b_OI  v and t in one group, a in another
 *   LIAISON         b_O   a, v, t in three different groups
 *   TOTAL           t     the sum of the five */
enum {
    BM_BROKER_COORDINATOR,
    BM_BROKER_ITINERANT,
    BM_BROKER_REPRESENTATIVE,
    BM_BROKER_GATEKEEPER,
    BM_BROKER_LIAISON,
    BM_BROKER_TOTAL,
    BM_BROKER_ROLES
};

/* Output columns. Every pointer is an array of n actors allocated by the
 * caller; all 18 must be non-NULL. */
typedef struct bm_brokerage_result {
    double *count[BM_BROKER_ROLES];    /* sna raw.nli */
    double *expected[BM_BROKER_ROLES]; /* sna exp.nli */
    double *z[BM_BROKER_ROLES];        /* sna z.nli */
} bm_brokerage_result;

/* Fills out for every actor of net. Directed networks use their arcs;
 * undirected ties count as two arcs. An actor whose group is -1 gets NaN in
 * every column, and the analysis runs on the network induced by the grouped
 * actors (see brokerage.c). Returns BM_EUSAGE when grouping is NULL or out
 * has a NULL array, BM_EINTERNAL when memory runs out. */
bm_status bm_i_brokerage(const bm_network *net, const bm_grouping *grouping,
                         bm_brokerage_result *out);

#endif
