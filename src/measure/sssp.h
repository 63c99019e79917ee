/* sssp.h: single-source shortest paths on a compact adjacency, and the
 * shortest-path DAG with path counts: the engine under every path-based
 * measure (measure/paths.c: betweenness, closeness, harmonic, distances,
 * group betweenness, and their sampled estimates).
 *
 * igraph 0.10 exposes path counts only by materialising every path, and its
 * weighted betweenness runs a search per source that cannot be shared with
 * the other measures; one search here feeds all of them. BFS when arcs have
 * no lengths, Dijkstra with a binary heap otherwise. Equal lengths follow
 * igraph_cmp_epsilon: two path lengths are equal when they differ by less
 * than 1e-10 relative to their size (with 1/w distances, equal paths can
 * differ in the last bits of their float sums).
 *
 * Library-internal (src/ only). */
#ifndef BRIDGEMAP_SSSP_H
#define BRIDGEMAP_SSSP_H

#include <igraph.h>
#include "bridgemap/common.h"

typedef igraph_integer_t bm_vid;

#define BM_LEN_EPS 1e-10

/* -1, 0 or 1 as path length a is shorter than, equal to (within BM_LEN_EPS
 * relative to |a| + |b|, igraph_cmp_epsilon's rule) or longer than b. */
int bm_cmp_len(double a, double b);

/* Arcs of v are to[start[v] .. start[v+1]), with lengths len[] (NULL: every
 * arc has length 1). */
typedef struct bm_adj {
    bm_vid n;
    bm_vid *start, *to;
    double *len;
} bm_adj;

enum { BM_ARCS_OUT, BM_ARCS_IN, BM_ARCS_ALL };

/* Builds the arcs leaving each vertex (BM_ARCS_OUT), entering it (BM_ARCS_IN)
 * or both (BM_ARCS_ALL); an undirected edge is an arc each way in every mode.
 * dist (per edge id, or NULL) gives the lengths. Arcs keep edge-id order
 * within a vertex, so searches are deterministic. On failure a may be
 * partly allocated: bm_adj_free it. */
bm_status bm_adj_build(bm_adj *a, const igraph_t *graph, const igraph_vector_t *dist, int mode);
void bm_adj_free(bm_adj *a);

typedef struct bm_heap_item {
    double key;
    bm_vid v;
} bm_heap_item;

/* One reusable search. bm_search_run fills dist and order; bm_dag_build then
 * lays the shortest-path DAG out by position in order: the vertex at
 * position i has path count sigma[i], group grp[i] and DAG predecessors at
 * positions pred[pstart[i] .. pstart[i+1]), all < i. */
typedef struct bm_search {
    const bm_adj *out, *in; /* in: arcs entering a vertex (= out if undirected) */
    double *dist;           /* INFINITY: not reached */
    bm_vid *order;          /* reached vertices by distance, sources first */
    bm_vid reached;
    unsigned char *done;
    bm_heap_item *heap;
    bm_vid heap_n;
    bm_vid *pos;            /* position of a reached vertex in order */
    double *sigma;
    long *grp;
    bm_vid *pstart, *pred;
} bm_search;

/* in may be NULL when no DAG is needed. On failure bm_search_free s. */
bm_status bm_search_init(bm_search *s, const bm_adj *out, const bm_adj *in);
void bm_search_free(bm_search *s);

/* Distances from the nsrc sources (0 each) to every vertex they reach.
 * Afterwards order[0 .. reached) lists the reached vertices by distance,
 * sources first. */
void bm_search_run(bm_search *s, const bm_vid *src, bm_vid nsrc);

/* As bm_search_run from one source, but stops once target's distance is
 * final: order[0 .. reached) then holds every vertex closer than target (so
 * all of target's DAG predecessors) and target itself, last or nearly.
 * Returns 0 when target is not reachable (the search ran to the end). */
int bm_search_run_to(bm_search *s, bm_vid source, bm_vid target);

/* The shortest-path DAG of the last single-source run: p -> v is a DAG arc
 * when d(p) + len(p, v) equals d(v) within BM_LEN_EPS (and p comes before v
 * in order, which keeps it acyclic whatever the rounding). Path counts follow
 * the DAG: sigma(source) = 1, sigma(v) = sum over its DAG predecessors. of
 * (per vertex, or NULL) fills grp. */
void bm_dag_build(bm_search *s, const long *of);

#endif
