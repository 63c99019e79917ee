/* communities.h: how well a declared grouping matches the network's own
 * clustering: modularity and nominal assortativity of the grouping, and
 * Leiden communities compared with the grouping (NMI, ARI).
 *
 * Library-internal (src/ only): the CLI reaches these numbers through the
 * summary table (modularity, assortativity, communities, nmi_with_grouping,
 * ari_with_grouping) and the actors table (community). Needs only the public
 * headers, so a unit test can include it without internal.h.
 *
 * Actors without a group (bm_grouping_of == -1) are left out of every
 * grouping measure here, as everywhere else in bridgemap: modularity and
 * assortativity are computed on the network induced by the grouped actors,
 * and NMI/ARI compare the two partitions restricted to the grouped actors.
 * Leiden itself runs on the whole network, so every actor gets a community.
 * Undefined values are NaN (see communities.c for each case). */
#ifndef BRIDGEMAP_COMMUNITIES_H
#define BRIDGEMAP_COMMUNITIES_H

#include <stddef.h>
#include "bridgemap/common.h"
#include "bridgemap/network.h"

/* Newman (2006) modularity of the declared grouping, resolution 1, weighted
 * by strength (unweighted: every tie counts 1), on the undirected view
 * (OR-symmetrised, weights of both directions summed) induced by the grouped
 * actors. NaN when that subgraph has no tie. BM_EUSAGE when g is NULL. */
bm_status bm_i_grouping_modularity(const bm_network *net, const bm_grouping *g, int unweighted,
                                   double *q);

/* Newman (2003) nominal assortativity coefficient r of the grouping
 * (igraph_assortativity_nominal, normalised), counting ties (igraph 0.10 has
 * no weighted variant), directed as the network is, on the network induced
 * by the grouped actors. NaN when there is no tie among grouped actors or
 * every tie end is in one group (0/0). BM_EUSAGE when g is NULL. */
bm_status bm_i_grouping_assortativity(const bm_network *net, const bm_grouping *g, double *r);

/* Leiden (Traag et al. 2019) optimising modularity on the undirected view
 * (directed networks collapsed first), seeded with seed right before the
 * call, BM_LEIDEN_ITERATIONS iterations (each one refines the previous
 * partition), beta 0.01: the result depends only on the network, the
 * weighting and the seed. membership: n_actors longs allocated
 * by the caller, communities numbered 0, 1, ... in order of first appearance
 * by actor index; *count the number of communities. A network without ties
 * puts every actor in its own community.
 * nmi, ari: normalised mutual information (Danon et al. 2005) and adjusted
 * Rand index (Hubert & Arabie 1985) between the communities and g over the
 * grouped actors; NaN when g is NULL, when fewer than two actors have a
 * group, or when the value is 0/0 (both partitions one block; for the ARI
 * also both all singletons). Any of membership, count, nmi, ari may be NULL. */
#define BM_LEIDEN_ITERATIONS 10
bm_status bm_i_communities(const bm_network *net, const bm_grouping *g, int unweighted,
                           unsigned long seed, long *membership, size_t *count, double *nmi,
                           double *ari);

/* NMI and ARI between a given partition (n actors) and the grouping, over
 * the grouped actors, with the same conventions as bm_i_communities. */
bm_status bm_i_compare_partition(const long *membership, size_t n, const bm_grouping *g, double *nmi,
                                 double *ari);

#endif
