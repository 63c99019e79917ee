/* groupcent.h: Everett & Borgatti (1999) group centralities, one value per
 * group of a grouping (group degree, group closeness, group betweenness), as
 * NetworkX defines them (see groupcent.c for the conventions).
 *
 * Library-internal (src/ only): the CLI reaches these numbers through the
 * groups table (columns group_degree, group_closeness, group_betweenness).
 * Needs only the public headers, so a unit test can include it without
 * internal.h. */
#ifndef BRIDGEMAP_GROUPCENT_H
#define BRIDGEMAP_GROUPCENT_H

#include "bridgemap/common.h"
#include "bridgemap/network.h"

/* Fills, for every group k of g (0 <= k < bm_grouping_count(g)):
 *   group_degree[k]      |N(C) \ C| / (n - |C|), neighbours in and out
 *   group_closeness[k]   (n - |C|) / sum of d(C, v) over outsiders v that C
 *                        reaches, d(C, v) = min over members of the distance
 *                        from the member to v (directed: outgoing paths)
 *   group_betweenness[k] sum over ordered pairs s != t outside C of the share
 *                        of shortest s-t paths through a member of C,
 *                        / ((n - |C|)(n - |C| - 1))
 * with C the members of k, n all actors (actors without a group are outside
 * every C) and distance 1/weight (1 when unweighted != 0). Undefined values
 * are NaN: every measure when n - |C| = 0, closeness when C reaches no
 * outsider, betweenness when n - |C| < 2.
 * The arrays hold bm_grouping_count(g) values, are allocated by the caller
 * and any of them may be NULL (that measure is skipped; betweenness is the
 * expensive one, O(n m log n + n K m) for K groups).
 * Returns BM_EUSAGE when net or g is NULL, BM_EINTERNAL when memory runs out. */
bm_status bm_i_group_centralities(const bm_network *net, const bm_grouping *g, int unweighted,
                                  double *group_degree, double *group_closeness,
                                  double *group_betweenness);

#endif
