/* bridgemap/measures.h: measures over a network, returned as tables.
 *
 * Conventions (README "Measures" and MEASURES.md give them in full):
 * - weight is collaboration strength; path-based measures (betweenness,
 *   closeness, harmonic, distances, diameter) use distance = 1/weight;
 * - undefined values are NaN, never 0;
 * - grouping-based measures (E-I) count ties on the undirected view of the
 *   network (a pair with a tie in either direction is one tie).
 * All randomness is seeded from bm_init(). */
#ifndef BRIDGEMAP_MEASURES_H
#define BRIDGEMAP_MEASURES_H

#include "bridgemap/common.h"
#include "bridgemap/network.h"
#include "bridgemap/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How the shortest-path measures (betweenness, closeness, harmonic, mean
 * distance, diameter, group betweenness) are computed. AUTO: exact up to
 * BM_EXACT_LIMIT actors x ties, sampled with a stated error above. */
typedef enum bm_paths_method {
    BM_PATHS_AUTO = 0,
    BM_PATHS_EXACT = 1,
    BM_PATHS_SAMPLED = 2
} bm_paths_method;

/* Above this many actors x ties AUTO samples (e.g. 200,000 actors with
 * 1,000,000 ties; exact there is O(actors x ties) searches' worth of work). */
#define BM_EXACT_LIMIT 1e10
/* The default error bound of sampled path measures (README, "Scale"):
 * epsilon 0.05, loosened on networks so large that the k sources it needs
 * would scan more than BM_SAMPLE_WORK arcs (k x 2 x ties): the default then
 * takes the k that fits, and epsilon is what k sources guarantee
 * (bm_measures_epsilon). About a minute of searches on two cores; an
 * explicit epsilon is always honoured. */
#define BM_DEFAULT_EPSILON 0.05
#define BM_DEFAULT_DELTA 0.1
#define BM_SAMPLE_WORK 2e9

typedef struct bm_measure_options {
    const bm_grouping *grouping; /* NULL: no grouping-based measures */
    int unweighted;              /* ignore tie weights in every measure */
    unsigned long seed;          /* seeds every random step (permutations, communities, samples) */
    size_t permutations;         /* E-I permutation test; 0: the default 10,000 */
    const bm_table *actors;      /* optional: actor measures already computed
                                  * (bm_measures_actors), reused by the summary */
    unsigned jobs;               /* worker processes; 0: one per core. Results do not depend on it */
    bm_paths_method paths;       /* exact or sampled path measures (default AUTO) */
    double epsilon, delta;       /* sampled: error bound; 0: BM_DEFAULT_EPSILON, BM_DEFAULT_DELTA */
} bm_measure_options;

/* Whether opt (NULL: defaults) samples the path measures of net. */
int bm_measures_sampled(const bm_network *net, const bm_measure_options *opt);
/* The epsilon sampling uses on net: opt->epsilon when set, else the
 * default above (BM_DEFAULT_EPSILON, or looser on very large networks). */
double bm_measures_epsilon(const bm_network *net, const bm_measure_options *opt);

/* One row per actor: id, the actor's attribute columns, then the measures
 * (degree, in_degree, out_degree, strength, betweenness, betweenness_norm,
 * closeness, harmonic, eigenvector, pagerank, coreness, clustering, ei_index). */
bm_status bm_measures_actors(bm_table **out, const bm_network *net, const bm_measure_options *opt);

/* Appends to an actor table (from bm_measures_actors) the grouping-based
 * columns for a further grouping level, named with the level as suffix
 * (ei_index_unit, participation_unit, ...). */
bm_status bm_measures_actors_level(bm_table *actors, const bm_network *net, const bm_grouping *g);

/* One row per group of opt->grouping: group, size, internal_ties,
 * external_ties, ei_index, density. Needs a grouping. */
bm_status bm_measures_groups(bm_table **out, const bm_network *net, const bm_measure_options *opt);

/* The block image in long form, one row per pair of groups (a <= b, the
 * diagonal included): group_a, group_b, ties, density. Needs a grouping. */
bm_status bm_measures_group_pairs(bm_table **out, const bm_network *net, const bm_measure_options *opt);

/* The top introductions between actors of different groups, best first:
 * rank, actor_a, actor_b, group_a, group_b, score, reason. The score counts
 * the pairs of actors in different groups that the new tie brings within two
 * steps (README, "Suggestions"). Needs a grouping. */
bm_status bm_measures_suggestions(bm_table **out, const bm_network *net, const bm_measure_options *opt,
                                  size_t top);

/* One row per activity of the affiliations (bm_network_has_affiliations):
 * activity, participants, groups, blau, pairs, cross_group_pairs,
 * cross_group_share, cross_group_pairs_without_records, ungrouped,
 * first_date, last_date. g may be NULL (the group columns are then NaN). */
bm_status bm_measures_activities(bm_table **out, const bm_network *net, const bm_grouping *g);

/* Who holds two groups together: one row per pair of groups of g with a tie
 * between them: group_a, group_b, ties, carriers, top_carrier,
 * top_carrier_share, ties_without_top_carrier, connected_without_top_carrier
 * (undefined above 2 x 10^9 pairs x (actors + ties)). */
bm_status bm_measures_group_pair_dependence(bm_table **out, const bm_network *net, const bm_grouping *g);

/* One row per tie: source, target, weight, count, cross_group, bridge; with
 * affiliations also activities and origin (records, affiliations, both). */
bm_status bm_measures_ties(bm_table **out, const bm_network *net, const bm_measure_options *opt);

/* One row of network-level figures: nodes, ties, directed, density,
 * components, transitivity, mean_distance, diameter, groups, ei_index,
 * ei_expected. (grouping, seed, version and inputs are added by the writer.) */
bm_status bm_measures_summary(bm_table **out, const bm_network *net, const bm_measure_options *opt);

#ifdef __cplusplus
}
#endif
#endif
