/* paths.h: every shortest-path measure from one pass of searches, exact or
 * sampled with a stated error, split over worker processes.
 *
 * One search per source (sssp.c) feeds betweenness (Brandes 2001), closeness
 * and harmonic centrality, mean distance and diameter, and the group
 * betweenness of every group of every grouping level, so a network is
 * searched n times instead of once per measure. Distances are 1/weight (1
 * with unweighted). Sampled, the measures come from a stratified sample of
 * sources (Eppstein & Wang 2004; betweenness: Brandes & Pich 2007), and
 * betweenness asked alone from sampled paths (Riondato & Kornaropoulos
 * 2016); paths.c gives the estimators and their bounds.
 *
 * Library-internal (src/ only). */
#ifndef BRIDGEMAP_PATHS_H
#define BRIDGEMAP_PATHS_H

#include <stddef.h>
#include "bridgemap/common.h"
#include "bridgemap/network.h"

typedef struct bm_paths_request {
    int unweighted;
    int betweenness;                     /* compute betweenness */
    int closeness;                       /* closeness and harmonic */
    int distances;                       /* mean distance and diameter */
    const bm_grouping *const *groupings; /* group betweenness for each */
    size_t n_groupings;
    int sampled;                         /* estimate instead of exact */
    double epsilon, delta;               /* sampled: the error bound asked for */
    unsigned long seed;                  /* sampled: seeds every draw */
    unsigned jobs;                       /* worker processes; 0: every core */
} bm_paths_request;

typedef struct bm_paths {
    size_t n;
    double *betweenness;        /* raw, undirected pairs once (igraph's scale); NULL if not asked */
    double *closeness, *harmonic;
    double mean_distance, diameter;
    size_t n_groupings;
    double **group_betweenness; /* [level][group], normalised as groupcent.h says */
    /* how the numbers were obtained */
    int sampled;
    double epsilon, delta;
    size_t sources;             /* searches from sources (n when exact) */
    size_t source_sample;       /* sampled: sources drawn per large component (k) */
    int betweenness_from_sources; /* sampled: betweenness from the sampled sources */
    size_t betweenness_samples; /* sampled, not from sources: Riondato-Kornaropoulos path samples (r) */
    double vertex_diameter;     /* sampled, not from sources: the bound on the vertex diameter r used */
    double group_betweenness_epsilon; /* sampled: the largest bound over groups */
} bm_paths;

/* Fills *out (bm_i_paths_free releases it; it may be partly filled on
 * failure). With sampled = 0 every value is exact. With sampled != 0:
 * - betweenness: with probability >= 1 - delta, every actor's
 *   betweenness / (n (n - 1)) over ordered pairs (Riondato & Kornaropoulos'
 *   normalisation) is within epsilon of the exact value;
 * - closeness and harmonic: with probability >= 1 - delta, for every actor
 *   the mean of its distances to the others of its component is within
 *   epsilon x (the component's diameter) of the exact mean (and likewise
 *   the mean of 1/distance within epsilon x the largest 1/distance);
 * - group betweenness: with probability >= 1 - delta, every group's value is
 *   within group_betweenness_epsilon of the exact one;
 * - mean distance is an estimate and diameter a lower bound. */
bm_status bm_i_paths_compute(bm_paths *out, const bm_network *net, const bm_paths_request *req);
void bm_i_paths_free(bm_paths *p);

#endif
