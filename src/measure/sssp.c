/* sssp.c: single-source shortest paths and the shortest-path DAG (see
 * sssp.h). Moved out of groupcent.c so that one search per source serves
 * every path-based measure. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "sssp.h"
#include "internal.h"

/* ---- compact adjacency ------------------------------------------------------ */

void bm_adj_free(bm_adj *a)
{
    free(a->start);
    free(a->to);
    free(a->len);
}

bm_status bm_vertex_count(const igraph_t *graph, bm_vid *n)
{
    igraph_integer_t nv = igraph_vcount(graph);
    if (nv > BM_VID_MAX)
        return bm_error_set(BM_EINTERNAL, "%" IGRAPH_PRId " actors: the path measures take at most %d",
                            nv, BM_VID_MAX);
    *n = (bm_vid)nv;
    return BM_OK;
}

bm_status bm_adj_build(bm_adj *a, const igraph_t *graph, const igraph_vector_t *dist, int mode)
{
    igraph_integer_t m = igraph_ecount(graph);
    int directed = igraph_is_directed(graph);
    int fwd = !directed || mode != BM_ARCS_IN, back = !directed || mode != BM_ARCS_OUT;
    bm_arc arcs = (fwd + back) * m;
    bm_vid n;
    memset(a, 0, sizeof *a);
    bm_status st = bm_vertex_count(graph, &n);
    if (st != BM_OK)
        return st;
    a->n = n;
    a->start = calloc((size_t)n + 1, sizeof *a->start);
    a->to = malloc((arcs ? (size_t)arcs : 1) * sizeof *a->to);
    if (dist)
        a->len = malloc((arcs ? (size_t)arcs : 1) * sizeof *a->len);
    if (!a->start || !a->to || (dist && !a->len))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (igraph_integer_t e = 0; e < m; e++) {
        if (fwd)
            a->start[IGRAPH_FROM(graph, e) + 1]++;
        if (back)
            a->start[IGRAPH_TO(graph, e) + 1]++;
    }
    for (bm_vid v = 0; v < n; v++)
        a->start[v + 1] += a->start[v];
    /* start[v] runs forward while filling, then is shifted back */
    for (igraph_integer_t e = 0; e < m; e++) {
        bm_vid u = (bm_vid)IGRAPH_FROM(graph, e), w = (bm_vid)IGRAPH_TO(graph, e);
        bm_arc i;
        if (fwd) {
            i = a->start[u]++;
            a->to[i] = w;
            if (dist)
                a->len[i] = VECTOR(*dist)[e];
        }
        if (back) {
            i = a->start[w]++;
            a->to[i] = u;
            if (dist)
                a->len[i] = VECTOR(*dist)[e];
        }
    }
    for (bm_vid v = n; v > 0; v--)
        a->start[v] = a->start[v - 1];
    a->start[0] = 0;
    return BM_OK;
}

/* ---- shortest paths from a set of sources, and their DAG ----------------------- */

bm_status bm_search_init(bm_search *s, const bm_adj *out, const bm_adj *in)
{
    bm_vid n = out->n;
    bm_arc arcs = out->start[n];
    memset(s, 0, sizeof *s);
    s->out = out;
    s->in = in;
    size_t nn = n ? (size_t)n : 1, na = arcs ? (size_t)arcs : 1;
    s->dist = malloc(nn * sizeof *s->dist);
    s->order = malloc(nn * sizeof *s->order);
    s->heap = malloc((nn + na) * sizeof *s->heap); /* one push per source and per arc */
    if (!s->dist || !s->order || !s->heap)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (in) {
        s->mark = malloc(nn * sizeof *s->mark);
        s->sigma = malloc(nn * sizeof *s->sigma);
        s->pstart = malloc((nn + 1) * sizeof *s->pstart);
        s->pred = malloc((in->start[n] ? (size_t)in->start[n] : 1) * sizeof *s->pred);
        if (!s->mark || !s->sigma || !s->pstart || !s->pred)
            return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (bm_vid v = 0; v < n; v++)
        s->dist[v] = INFINITY;
    return BM_OK;
}

void bm_search_free(bm_search *s)
{
    free(s->dist);
    free(s->order);
    free(s->heap);
    free(s->mark);
    free(s->sigma);
    free(s->pstart);
    free(s->pred);
}

/* A 4-ary min-heap of (tentative distance, vertex) with lazy deletion: a
 * vertex is pushed again when its distance drops, and stale entries are
 * skipped when popped. Four children share a cache line, and the heap is
 * half as deep as a binary one (Johnson 1975; LaMarca & Ladner 1996). */
static inline void heap_push(bm_search *s, double key, bm_vid v)
{
    bm_arc i = s->heap_n++;
    while (i > 0) {
        bm_arc parent = (i - 1) / 4;
        if (s->heap[parent].key <= key)
            break;
        s->heap[i] = s->heap[parent];
        i = parent;
    }
    s->heap[i].key = key;
    s->heap[i].v = v;
}

static inline bm_heap_item heap_pop(bm_search *s)
{
    bm_heap_item *h = s->heap;
    bm_heap_item top = h[0];
    bm_arc i = 0, n = --s->heap_n;
    bm_heap_item last = h[n];
    for (;;) {
        bm_arc c = 4 * i + 1, best = c;
        if (c + 4 <= n) { /* four children: a tournament the compiler makes branch-free */
            bm_arc b01 = h[c + 1].key < h[c].key ? c + 1 : c;
            bm_arc b23 = h[c + 3].key < h[c + 2].key ? c + 3 : c + 2;
            best = h[b23].key < h[b01].key ? b23 : b01;
        } else if (c >= n) {
            break;
        } else {
            for (bm_arc k = c + 1; k < n; k++)
                if (h[k].key < h[best].key)
                    best = k;
        }
        if (last.key <= h[best].key)
            break;
        h[i] = h[best];
        i = best;
    }
    if (n > 0)
        h[i] = last;
    return top;
}

/* The next vertex Dijkstra settles, or -1 when the heap is empty: an entry
 * whose key is no longer its vertex's distance is stale (the vertex got a
 * shorter one) and is skipped. */
static inline bm_vid next_settled(bm_search *s)
{
    while (s->heap_n > 0) {
        bm_heap_item top = heap_pop(s);
        if (top.key == s->dist[top.v])
            return top.v;
    }
    return -1;
}

/* Forgets the previous run: only the vertices it reached were touched. */
static void search_reset(bm_search *s)
{
    for (bm_vid i = 0; i < s->reached; i++)
        s->dist[s->order[i]] = INFINITY;
    s->reached = 0;
    s->heap_n = 0;
}

/* Dijkstra's step from the settled vertex v: shorter tentative distances of
 * its neighbours go on the heap (a settled neighbour is at most d(v) away,
 * so never shorter). */
static inline void relax(bm_search *s, bm_vid v)
{
    const bm_adj *adj = s->out;
    double dv = s->dist[v];
    for (bm_arc a = adj->start[v]; a < adj->start[v + 1]; a++) {
        bm_vid w = adj->to[a];
        double alt = dv + adj->len[a];
        if (alt < s->dist[w]) {
            s->dist[w] = alt;
            heap_push(s, alt, w);
        }
    }
}

/* Distances from the nsrc sources (0 each) to every vertex they reach: BFS
 * when the arcs have no lengths, Dijkstra (4-ary heap, lazy deletion)
 * otherwise. Afterwards order[0 .. reached) lists the reached vertices by
 * distance, sources first. */
void bm_search_run(bm_search *s, const bm_vid *src, bm_vid nsrc)
{
    const bm_adj *adj = s->out;
    search_reset(s);
    if (!adj->len) { /* order doubles as the queue */
        for (bm_vid i = 0; i < nsrc; i++)
            if (s->dist[src[i]] != 0) {
                s->dist[src[i]] = 0;
                s->order[s->reached++] = src[i];
            }
        for (bm_vid head = 0; head < s->reached; head++) {
            bm_vid v = s->order[head];
            double d = s->dist[v] + 1;
            for (bm_arc a = adj->start[v]; a < adj->start[v + 1]; a++)
                if (isinf(s->dist[adj->to[a]])) {
                    s->dist[adj->to[a]] = d;
                    s->order[s->reached++] = adj->to[a];
                }
        }
        return;
    }
    for (bm_vid i = 0; i < nsrc; i++)
        if (s->dist[src[i]] != 0) {
            s->dist[src[i]] = 0;
            heap_push(s, 0, src[i]);
        }
    for (bm_vid v; (v = next_settled(s)) >= 0;) {
        s->order[s->reached++] = v;
        relax(s, v);
    }
}

/* DAG arc p -> v: p's position joins v's row, its paths v's count. */
#define DAG_ARC(s, p, k, sig)                                                                    \
    do {                                                                                         \
        const bm_mark *m_ = &(s)->mark[p];                                                       \
        (s)->pred[(k)++] = m_->pos;                                                              \
        (sig) += m_->sigma;                                                                      \
    } while (0)

/* The vertex v settled at position i, path count sig. */
static inline void dag_row_end(bm_search *s, bm_vid v, bm_vid i, double sig)
{
    s->sigma[i] = sig;
    s->mark[v].sigma = sig;
}

/* Dijkstra's step for the vertex v just settled at position i, with its DAG
 * row: its predecessors are the in-neighbours p settled before it, closer
 * than v, at d(p) + len = d(v). Undirected, in and out arcs are the same,
 * so one loop finds the predecessors and relaxes the rest. */
static inline void settle_dag(bm_search *s, bm_vid v, bm_vid i, bm_arc *np)
{
    const bm_adj *out = s->out, *in = s->in;
    double dv = s->dist[v], sig = i == 0 ? 1 : 0;
    bm_arc k = *np;
    s->pstart[i] = k;
    s->mark[v].pos = i;
    if (in == out) {
        for (bm_arc a = out->start[v]; a < out->start[v + 1]; a++) {
            bm_vid w = out->to[a];
            double len = out->len[a], dw = s->dist[w], alt = dv + len;
            if (dw < dv) {
                if (bm_same_len(dw + len, dv))
                    DAG_ARC(s, w, k, sig);
            } else if (alt < dw) {
                s->dist[w] = alt;
                heap_push(s, alt, w);
            }
        }
    } else {
        for (bm_arc a = in->start[v]; a < in->start[v + 1]; a++) {
            bm_vid p = in->to[a];
            double dp = s->dist[p];
            if (dp < dv && bm_same_len(dp + in->len[a], dv))
                DAG_ARC(s, p, k, sig);
        }
        relax(s, v);
    }
    dag_row_end(s, v, i, sig);
    *np = k;
}

/* BFS's step for the vertex v dequeued at position i, with its DAG row: its
 * predecessors are the in-neighbours one level closer, all dequeued before
 * it. Newly found neighbours join the queue (order) with their position. */
static inline void visit_dag(bm_search *s, bm_vid v, bm_vid i, bm_arc *np)
{
    const bm_adj *out = s->out, *in = s->in;
    double dv = s->dist[v], up = dv - 1, sig = i == 0 ? 1 : 0;
    bm_arc k = *np;
    s->pstart[i] = k;
    if (in != out)
        for (bm_arc a = in->start[v]; a < in->start[v + 1]; a++)
            if (s->dist[in->to[a]] == up)
                DAG_ARC(s, in->to[a], k, sig);
    for (bm_arc a = out->start[v]; a < out->start[v + 1]; a++) {
        bm_vid w = out->to[a];
        if (isinf(s->dist[w])) {
            s->dist[w] = dv + 1;
            s->mark[w].pos = s->reached;
            s->order[s->reached++] = w;
        } else if (in == out && s->dist[w] == up) {
            DAG_ARC(s, w, k, sig);
        }
    }
    dag_row_end(s, v, i, sig);
    *np = k;
}

/* The search with its DAG (bm_search_dag, bm_search_dag_to); target < 0:
 * to the end. */
static int search_dag(bm_search *s, bm_vid source, bm_vid target)
{
    bm_arc np = 0;
    int found = 0;
    search_reset(s);
    s->dist[source] = 0;
    if (!s->out->len) {
        s->mark[source].pos = 0;
        s->order[s->reached++] = source;
        for (bm_vid head = 0; head < s->reached; head++) {
            bm_vid v = s->order[head];
            visit_dag(s, v, head, &np);
            if (v == target) {
                /* queued vertices after the target leave the run */
                for (bm_vid j = head + 1; j < s->reached; j++)
                    s->dist[s->order[j]] = INFINITY;
                s->reached = head + 1;
                found = 1;
                break;
            }
        }
    } else {
        heap_push(s, 0, source);
        for (bm_vid v; (v = next_settled(s)) >= 0;) {
            bm_vid i = s->reached++;
            s->order[i] = v;
            settle_dag(s, v, i, &np);
            if (v == target) {
                found = 1; /* every vertex closer than target is settled */
                break;
            }
        }
        /* Vertices left with a tentative distance are not in order: forget
         * them, so that the next run sees only settled ones. Each of them is
         * still in the heap with its distance as key (a settled vertex's
         * entry with that key was popped; other entries are stale). */
        for (bm_arc h = 0; h < s->heap_n; h++)
            if (s->heap[h].key == s->dist[s->heap[h].v])
                s->dist[s->heap[h].v] = INFINITY;
        s->heap_n = 0;
    }
    s->pstart[s->reached] = np;
    return found || target < 0;
}

void bm_search_dag(bm_search *s, bm_vid source)
{
    search_dag(s, source, -1);
}

int bm_search_dag_to(bm_search *s, bm_vid source, bm_vid target)
{
    return search_dag(s, source, target);
}

/* ---- the measures ----------------------------------------------------------------- */
