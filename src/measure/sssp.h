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

#include <stdint.h>
#include <igraph.h>
#include "bridgemap/common.h"

/* Vertex ids and positions are 32-bit (half the memory traffic of
 * igraph_integer_t in the inner loops; bm_adj_build refuses networks of
 * 2^31 actors or more); arc indices are 64-bit. */
typedef int32_t bm_vid;
typedef int64_t bm_arc;
#define BM_VID_MAX INT32_MAX

#define BM_LEN_EPS 1e-10

/* Whether the non-negative path lengths a and b are equal: within
 * BM_LEN_EPS relative to a + b (igraph_cmp_epsilon's rule). */
static inline int bm_same_len(double a, double b)
{
    double diff = a > b ? a - b : b - a;
    return a == b || (a != 0 && b != 0 && diff < BM_LEN_EPS * (a + b));
}

/* Arcs of v are to[start[v] .. start[v+1]), with lengths len[] (NULL: every
 * arc has length 1). */
typedef struct bm_adj {
    bm_vid n;
    bm_arc *start;
    bm_vid *to;
    double *len;
} bm_adj;

/* graph's vertex count as a bm_vid into *n; BM_EINTERNAL from 2^31 on. */
bm_status bm_vertex_count(const igraph_t *graph, bm_vid *n);

enum { BM_ARCS_OUT, BM_ARCS_IN, BM_ARCS_ALL };

/* Builds the arcs leaving each vertex (BM_ARCS_OUT), entering it (BM_ARCS_IN)
 * or both (BM_ARCS_ALL); an undirected edge is an arc each way in every mode.
 * dist (per edge id, or NULL) gives the lengths. Arcs keep edge-id order
 * within a vertex, so searches are deterministic. BM_EINTERNAL for 2^31
 * vertices or more. On failure a may be partly allocated: bm_adj_free it. */
bm_status bm_adj_build(bm_adj *a, const igraph_t *graph, const igraph_vector_t *dist, int mode);
void bm_adj_free(bm_adj *a);

typedef struct bm_heap_item {
    double key;
    bm_vid v;
} bm_heap_item;

/* Per vertex, what a DAG search looks up of a neighbour that precedes it:
 * one cache line for both. */
typedef struct bm_mark {
    double sigma; /* path count */
    bm_vid pos;   /* position in order */
} bm_mark;

/* One reusable search. bm_search_run fills dist and order; bm_search_dag
 * and bm_search_dag_to also lay the shortest-path DAG out by position in
 * order: the vertex at position i has path count sigma[i] and DAG
 * predecessors at positions pred[pstart[i] .. pstart[i+1]), all < i.
 * There is no "settled" flag: when Dijkstra settles v every unsettled
 * vertex has a tentative distance >= d(v), so a neighbour closer than v is
 * settled, and a heap entry whose key is not its vertex's distance is stale
 * (keys only ever decrease, one push each). */
typedef struct bm_search {
    const bm_adj *out, *in; /* in: arcs entering a vertex (= out if undirected) */
    double *dist;           /* INFINITY: not reached */
    bm_vid *order;          /* reached vertices by distance, sources first */
    bm_vid reached;
    bm_heap_item *heap;
    bm_arc heap_n;
    bm_mark *mark;          /* [vertex], DAG searches: valid for reached vertices */
    double *sigma;          /* [position] path counts */
    bm_arc *pstart;
    bm_vid *pred;
} bm_search;

/* in may be NULL when no DAG is needed. On failure bm_search_free s. */
bm_status bm_search_init(bm_search *s, const bm_adj *out, const bm_adj *in);
void bm_search_free(bm_search *s);

/* Distances from the nsrc sources (0 each) to every vertex they reach.
 * Afterwards order[0 .. reached) lists the reached vertices by distance,
 * sources first. */
void bm_search_run(bm_search *s, const bm_vid *src, bm_vid nsrc);

/* The shortest paths from one source and their DAG, built while the search
 * settles each vertex: p -> v is a DAG arc when p was settled before v and
 * d(p) + len(p, v) equals d(v) within BM_LEN_EPS (so the DAG is acyclic
 * whatever the rounding). Path counts follow the DAG: sigma(source) = 1,
 * sigma(v) = the sum over its DAG predecessors, in arc order. Needs the in
 * arcs (bm_search_init with in). */
void bm_search_dag(bm_search *s, bm_vid source);

/* As bm_search_dag, but stops once target is settled: order[0 .. reached)
 * then holds every vertex closer than target (so all of target's DAG
 * predecessors) and target itself, whose DAG and path count are complete.
 * Returns 0 when target is not reachable (the search ran to the end). */
int bm_search_dag_to(bm_search *s, bm_vid source, bm_vid target);

#endif
