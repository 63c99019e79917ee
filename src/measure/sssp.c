/* sssp.c: single-source shortest paths and the shortest-path DAG (see
 * sssp.h). Moved out of groupcent.c so that one search per source serves
 * every path-based measure. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "sssp.h"
#include "internal.h"

int bm_cmp_len(double a, double b)
{
    if (a == b)
        return 0;
    double diff = a - b;
    if (a != 0 && b != 0 && fabs(diff) / (fabs(a) + fabs(b)) < BM_LEN_EPS)
        return 0;
    return diff < 0 ? -1 : 1;
}

/* ---- compact adjacency ------------------------------------------------------ */

void bm_adj_free(bm_adj *a)
{
    free(a->start);
    free(a->to);
    free(a->len);
}

bm_status bm_adj_build(bm_adj *a, const igraph_t *graph, const igraph_vector_t *dist, int mode)
{
    bm_vid n = igraph_vcount(graph), m = igraph_ecount(graph);
    int directed = igraph_is_directed(graph);
    int fwd = !directed || mode != BM_ARCS_IN, back = !directed || mode != BM_ARCS_OUT;
    bm_vid arcs = (fwd + back) * m;
    memset(a, 0, sizeof *a);
    a->n = n;
    a->start = calloc((size_t)n + 1, sizeof *a->start);
    a->to = malloc((arcs ? (size_t)arcs : 1) * sizeof *a->to);
    if (dist)
        a->len = malloc((arcs ? (size_t)arcs : 1) * sizeof *a->len);
    if (!a->start || !a->to || (dist && !a->len))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (bm_vid e = 0; e < m; e++) {
        if (fwd)
            a->start[IGRAPH_FROM(graph, e) + 1]++;
        if (back)
            a->start[IGRAPH_TO(graph, e) + 1]++;
    }
    for (bm_vid v = 0; v < n; v++)
        a->start[v + 1] += a->start[v];
    /* start[v] runs forward while filling, then is shifted back */
    for (bm_vid e = 0; e < m; e++) {
        bm_vid u = IGRAPH_FROM(graph, e), w = IGRAPH_TO(graph, e), i;
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
    bm_vid n = out->n, arcs = out->start[n];
    memset(s, 0, sizeof *s);
    s->out = out;
    s->in = in;
    size_t nn = n ? (size_t)n : 1, na = arcs ? (size_t)arcs : 1;
    s->dist = malloc(nn * sizeof *s->dist);
    s->order = malloc(nn * sizeof *s->order);
    s->done = calloc(nn, 1);
    s->heap = malloc((nn + na) * sizeof *s->heap); /* one push per source and per arc */
    if (!s->dist || !s->order || !s->done || !s->heap)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (in) {
        s->pos = malloc(nn * sizeof *s->pos);
        s->sigma = malloc(nn * sizeof *s->sigma);
        s->grp = malloc(nn * sizeof *s->grp);
        s->pstart = malloc((nn + 1) * sizeof *s->pstart);
        s->pred = malloc((in->start[n] ? (size_t)in->start[n] : 1) * sizeof *s->pred);
        if (!s->pos || !s->sigma || !s->grp || !s->pstart || !s->pred)
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
    free(s->done);
    free(s->heap);
    free(s->pos);
    free(s->sigma);
    free(s->grp);
    free(s->pstart);
    free(s->pred);
}

static void heap_push(bm_search *s, double key, bm_vid v)
{
    bm_vid i = s->heap_n++;
    while (i > 0) {
        bm_vid parent = (i - 1) / 2;
        if (s->heap[parent].key <= key)
            break;
        s->heap[i] = s->heap[parent];
        i = parent;
    }
    s->heap[i].key = key;
    s->heap[i].v = v;
}

static bm_vid heap_pop(bm_search *s)
{
    bm_vid top = s->heap[0].v, i = 0, n = --s->heap_n;
    bm_heap_item last = s->heap[n];
    for (;;) {
        bm_vid c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && s->heap[c + 1].key < s->heap[c].key)
            c++;
        if (last.key <= s->heap[c].key)
            break;
        s->heap[i] = s->heap[c];
        i = c;
    }
    if (n > 0)
        s->heap[i] = last;
    return top;
}

/* Forgets the previous run: only the vertices it reached were touched. */
static void search_reset(bm_search *s)
{
    for (bm_vid i = 0; i < s->reached; i++) {
        s->dist[s->order[i]] = INFINITY;
        s->done[s->order[i]] = 0;
    }
    s->reached = s->heap_n = 0;
}

/* Dijkstra's step from the settled vertex v: shorter tentative distances of
 * its unsettled neighbours go on the heap. */
static void relax(bm_search *s, bm_vid v)
{
    const bm_adj *adj = s->out;
    for (bm_vid a = adj->start[v]; a < adj->start[v + 1]; a++) {
        bm_vid w = adj->to[a];
        double alt = s->dist[v] + adj->len[a];
        if (!s->done[w] && alt < s->dist[w]) {
            s->dist[w] = alt;
            heap_push(s, alt, w);
        }
    }
}

/* Distances from the nsrc sources (0 each) to every vertex they reach: BFS
 * when the arcs have no lengths, Dijkstra (binary heap, lazy deletion)
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
            for (bm_vid a = adj->start[v]; a < adj->start[v + 1]; a++)
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
    while (s->heap_n > 0) {
        bm_vid v = heap_pop(s);
        if (s->done[v])
            continue; /* a stale entry: v was settled from a shorter one */
        s->done[v] = 1;
        s->order[s->reached++] = v;
        relax(s, v);
    }
}

int bm_search_run_to(bm_search *s, bm_vid source, bm_vid target)
{
    const bm_adj *adj = s->out;
    search_reset(s);
    s->dist[source] = 0;
    s->order[s->reached++] = source;
    if (source == target)
        return 1;
    if (!adj->len) {
        /* BFS: when target is found at level L every vertex of level L - 1
         * (its possible predecessors) is already in order, and so are theirs */
        for (bm_vid head = 0; head < s->reached; head++) {
            bm_vid v = s->order[head];
            double d = s->dist[v] + 1;
            for (bm_vid a = adj->start[v]; a < adj->start[v + 1]; a++)
                if (isinf(s->dist[adj->to[a]])) {
                    s->dist[adj->to[a]] = d;
                    s->order[s->reached++] = adj->to[a];
                    if (adj->to[a] == target)
                        return 1;
                }
        }
        return 0;
    }
    s->reached = 0;
    heap_push(s, 0, source);
    int found = 0;
    while (s->heap_n > 0) {
        bm_vid v = heap_pop(s);
        if (s->done[v])
            continue;
        s->done[v] = 1;
        s->order[s->reached++] = v;
        if (v == target) {
            found = 1; /* every vertex closer than target is settled */
            break;
        }
        relax(s, v);
    }
    /* Vertices left with a tentative distance are not in order: forget them,
     * so that the DAG and the next run see only settled ones. Each of them
     * is still in the heap (every tentative distance was pushed). */
    for (bm_vid i = 0; i < s->heap_n; i++)
        if (!s->done[s->heap[i].v])
            s->dist[s->heap[i].v] = INFINITY;
    s->heap_n = 0;
    return found;
}

/* The shortest-path DAG of the last single-source run: p -> v is a DAG arc
 * when d(p) + len(p, v) equals d(v) within BM_LEN_EPS (and p comes before v in
 * order, which keeps it acyclic whatever the rounding). Path counts follow
 * the DAG: sigma(source) = 1, sigma(v) = sum over its DAG predecessors. Every
 * reached vertex but the source has a predecessor: the vertex whose arc gave
 * it its distance. */
void bm_dag_build(bm_search *s, const long *of)
{
    const bm_adj *in = s->in;
    bm_vid np = 0;
    for (bm_vid i = 0; i < s->reached; i++)
        s->pos[s->order[i]] = i;
    for (bm_vid i = 0; i < s->reached; i++) {
        bm_vid v = s->order[i];
        double dv = s->dist[v], sig = i == 0 ? 1 : 0;
        s->pstart[i] = np;
        s->grp[i] = of ? of[v] : -1;
        if (i > 0)
            for (bm_vid a = in->start[v]; a < in->start[v + 1]; a++) {
                bm_vid p = in->to[a];
                if (isinf(s->dist[p]) || s->pos[p] >= i ||
                    bm_cmp_len(s->dist[p] + (in->len ? in->len[a] : 1.0), dv) != 0)
                    continue;
                s->pred[np++] = s->pos[p];
                sig += s->sigma[s->pos[p]];
            }
        s->sigma[i] = sig;
    }
    s->pstart[s->reached] = np;
}

/* ---- the measures ----------------------------------------------------------------- */
