/* groupcent.c: group centralities, one value per group of a grouping.
 *
 * Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups and
 * classes. Journal of Mathematical Sociology 23(3):181-201. A group C is
 * treated as one super-actor; its members' ties to each other do not count.
 * Definitions follow NetworkX 3.x (networkx/algorithms/centrality/group.py),
 * the reference the oracle test runs; bridgemap's own conventions where
 * NetworkX's differ are marked "(not nx)". n counts every actor: actors
 * without a group (of[i] == -1) lie outside every C, so they are counted among
 * the outsiders, reached, and can be endpoints of the paths a group lies on.
 *
 * - group degree: |N(C) \ C| / (n - |C|), the share of outsiders tied to a
 *   member. Directed networks (not nx): N is the union of in- and
 *   out-neighbours, bridgemap's rule for measures defined on undirected graphs
 *   (nx.group_degree_centrality on a DiGraph uses successors only; the union
 *   is nx's value on G.to_undirected()).
 * - group closeness: (n - |C|) / sum over outsiders v reached from C of
 *   d(C, v), d(C, v) = min over members u of d(u, v), distance 1/weight.
 *   As nx, an unreachable outsider adds nothing to the sum but still counts
 *   in n - |C|. Directed (not nx): d is measured FROM the group (outgoing
 *   paths), as bridgemap's actor closeness is; nx uses incoming distances, so
 *   our value is nx.group_closeness_centrality(G.reverse(), C). NaN (nx: 0)
 *   when C reaches no outsider.
 * - group betweenness: sum over ordered pairs (s, t), s != t, both outside C,
 *   of sigma_st(C) / sigma_st, the share of shortest s-t paths with a member
 *   of C on them, normalised by 1 / ((n - |C|)(n - |C| - 1)) as
 *   nx.group_betweenness_centrality(normalized=True, endpoints=False) does
 *   for directed and undirected graphs alike (undirected: each pair appears
 *   twice in the sum and twice in the normaliser, so the value is the share
 *   over unordered pairs; for C = {v} it equals v's betweenness_norm).
 *
 * How group betweenness is computed. sigma_st(C) = sigma_st - (shortest s-t
 * paths avoiding C). A path of G's shortest length that avoids C lies in the
 * shortest-path DAG from s, so one search per source s serves every group:
 * the search finds the distances, the DAG and sigma_sv follow from them; then
 * per group a pass over the vertices in order of distance counts the paths
 * that avoid the group, avoid(v) = sum of avoid(p) over DAG predecessors p,
 * with avoid = 0 at members. Cost: n searches, O(n m log n), plus
 * O(n K (n + m)) for the passes of K groups (on the generated 20,000-actor,
 * 95,000-tie network with 5 groups: about 2 minutes weighted, 1 unweighted,
 * a little less than igraph_betweenness takes for the actors). igraph 0.10 exposes
 * path counts only by materialising every path
 * (igraph_get_all_shortest_paths_dijkstra), so the searches (BFS when
 * unweighted, Dijkstra with a binary heap otherwise) are written here.
 * NetworkX 3.x's own group betweenness (Puzis et al.'s incremental
 * algorithm) is wrong for groups of 3+ members and on directed graphs that
 * are not strongly connected (networkx/networkx#8827, #8559); the oracle test
 * computes the definition directly and uses nx only where it is right.
 * Equal lengths: with distances 1/w, two paths of equal length can differ in
 * the last bits of their float sums; like igraph (igraph_cmp_epsilon, 1e-10)
 * lengths are equal when they differ by less than 1e-10 relative to their
 * size, so such paths are both counted. NetworkX compares with == and can drop
 * one of them, so the oracle uses exact rational distances. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "groupcent.h"
#include "internal.h"

typedef igraph_integer_t vid;

#define LEN_EPS 1e-10

/* -1, 0 or 1 as path length a is shorter than, equal to (within LEN_EPS
 * relative to |a| + |b|, igraph_cmp_epsilon's rule) or longer than b. */
static int cmp_len(double a, double b)
{
    if (a == b)
        return 0;
    double diff = a - b;
    if (a != 0 && b != 0 && fabs(diff) / (fabs(a) + fabs(b)) < LEN_EPS)
        return 0;
    return diff < 0 ? -1 : 1;
}

/* ---- compact adjacency ------------------------------------------------------ */

/* Arcs of v are to[start[v] .. start[v+1]), with lengths len[] (NULL: every
 * arc has length 1). */
typedef struct adjacency {
    vid n;
    vid *start, *to;
    double *len;
} adjacency;

enum { ARCS_OUT, ARCS_IN, ARCS_ALL };

static void adjacency_free(adjacency *a)
{
    free(a->start);
    free(a->to);
    free(a->len);
}

/* Builds the arcs leaving each vertex (ARCS_OUT), entering it (ARCS_IN) or
 * both (ARCS_ALL); an undirected edge is an arc each way in every mode. dist
 * (per edge id, or NULL) gives the lengths. Arcs keep edge-id order within a
 * vertex, so searches are deterministic. */
static bm_status adjacency_build(adjacency *a, const igraph_t *graph, const igraph_vector_t *dist,
                                 int mode)
{
    vid n = igraph_vcount(graph), m = igraph_ecount(graph);
    int directed = igraph_is_directed(graph);
    int fwd = !directed || mode != ARCS_IN, back = !directed || mode != ARCS_OUT;
    vid arcs = (fwd + back) * m;
    memset(a, 0, sizeof *a);
    a->n = n;
    a->start = calloc((size_t)n + 1, sizeof *a->start);
    a->to = malloc((arcs ? (size_t)arcs : 1) * sizeof *a->to);
    if (dist)
        a->len = malloc((arcs ? (size_t)arcs : 1) * sizeof *a->len);
    if (!a->start || !a->to || (dist && !a->len))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (vid e = 0; e < m; e++) {
        if (fwd)
            a->start[IGRAPH_FROM(graph, e) + 1]++;
        if (back)
            a->start[IGRAPH_TO(graph, e) + 1]++;
    }
    for (vid v = 0; v < n; v++)
        a->start[v + 1] += a->start[v];
    /* start[v] runs forward while filling, then is shifted back */
    for (vid e = 0; e < m; e++) {
        vid u = IGRAPH_FROM(graph, e), w = IGRAPH_TO(graph, e), i;
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
    for (vid v = n; v > 0; v--)
        a->start[v] = a->start[v - 1];
    a->start[0] = 0;
    return BM_OK;
}

/* ---- shortest paths from a set of sources, and their DAG ----------------------- */

typedef struct heap_item {
    double key;
    vid v;
} heap_item;

/* One reusable search. search_run fills dist and order; dag_build then lays
 * the shortest-path DAG out by position in order (so that the per-group
 * passes read arrays front to back): the vertex at position i has path count
 * sigma[i], group grp[i] and DAG predecessors at positions
 * pred[pstart[i] .. pstart[i+1]), all < i. */
typedef struct search {
    const adjacency *out, *in; /* in: arcs entering a vertex (= out if undirected) */
    double *dist;              /* INFINITY: not reached */
    vid *order;                /* reached vertices by distance, sources first */
    vid reached;
    unsigned char *done;
    heap_item *heap;
    vid heap_n;
    vid *pos;                  /* position of a reached vertex in order */
    double *sigma;
    long *grp;
    vid *pstart, *pred;
} search;

static bm_status search_init(search *s, const adjacency *out, const adjacency *in)
{
    vid n = out->n, arcs = out->start[n];
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
    for (vid v = 0; v < n; v++)
        s->dist[v] = INFINITY;
    return BM_OK;
}

static void search_free(search *s)
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

static void heap_push(search *s, double key, vid v)
{
    vid i = s->heap_n++;
    while (i > 0) {
        vid parent = (i - 1) / 2;
        if (s->heap[parent].key <= key)
            break;
        s->heap[i] = s->heap[parent];
        i = parent;
    }
    s->heap[i].key = key;
    s->heap[i].v = v;
}

static vid heap_pop(search *s)
{
    vid top = s->heap[0].v, i = 0, n = --s->heap_n;
    heap_item last = s->heap[n];
    for (;;) {
        vid c = 2 * i + 1;
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

/* Distances from the nsrc sources (0 each) to every vertex they reach: BFS
 * when the arcs have no lengths, Dijkstra (binary heap, lazy deletion)
 * otherwise. Afterwards order[0 .. reached) lists the reached vertices by
 * distance, sources first. */
static void search_run(search *s, const vid *src, vid nsrc)
{
    const adjacency *adj = s->out;
    for (vid i = 0; i < s->reached; i++) { /* undo the previous run */
        s->dist[s->order[i]] = INFINITY;
        s->done[s->order[i]] = 0;
    }
    s->reached = s->heap_n = 0;
    if (!adj->len) { /* order doubles as the queue */
        for (vid i = 0; i < nsrc; i++)
            if (s->dist[src[i]] != 0) {
                s->dist[src[i]] = 0;
                s->order[s->reached++] = src[i];
            }
        for (vid head = 0; head < s->reached; head++) {
            vid v = s->order[head];
            double d = s->dist[v] + 1;
            for (vid a = adj->start[v]; a < adj->start[v + 1]; a++)
                if (isinf(s->dist[adj->to[a]])) {
                    s->dist[adj->to[a]] = d;
                    s->order[s->reached++] = adj->to[a];
                }
        }
        return;
    }
    for (vid i = 0; i < nsrc; i++)
        if (s->dist[src[i]] != 0) {
            s->dist[src[i]] = 0;
            heap_push(s, 0, src[i]);
        }
    while (s->heap_n > 0) {
        vid v = heap_pop(s);
        if (s->done[v])
            continue; /* a stale entry: v was settled from a shorter one */
        s->done[v] = 1;
        s->order[s->reached++] = v;
        for (vid a = adj->start[v]; a < adj->start[v + 1]; a++) {
            vid w = adj->to[a];
            double alt = s->dist[v] + adj->len[a];
            if (!s->done[w] && alt < s->dist[w]) {
                s->dist[w] = alt;
                heap_push(s, alt, w);
            }
        }
    }
}

/* The shortest-path DAG of the last single-source run: p -> v is a DAG arc
 * when d(p) + len(p, v) equals d(v) within LEN_EPS (and p comes before v in
 * order, which keeps it acyclic whatever the rounding). Path counts follow
 * the DAG: sigma(source) = 1, sigma(v) = sum over its DAG predecessors. Every
 * reached vertex but the source has a predecessor: the vertex whose arc gave
 * it its distance. */
static void dag_build(search *s, const long *of)
{
    const adjacency *in = s->in;
    vid np = 0;
    for (vid i = 0; i < s->reached; i++)
        s->pos[s->order[i]] = i;
    for (vid i = 0; i < s->reached; i++) {
        vid v = s->order[i];
        double dv = s->dist[v], sig = i == 0 ? 1 : 0;
        s->pstart[i] = np;
        s->grp[i] = of[v];
        if (i > 0)
            for (vid a = in->start[v]; a < in->start[v + 1]; a++) {
                vid p = in->to[a];
                if (isinf(s->dist[p]) || s->pos[p] >= i ||
                    cmp_len(s->dist[p] + (in->len ? in->len[a] : 1.0), dv) != 0)
                    continue;
                s->pred[np++] = s->pos[p];
                sig += s->sigma[s->pos[p]];
            }
        s->sigma[i] = sig;
    }
    s->pstart[s->reached] = np;
}

/* ---- the measures ----------------------------------------------------------------- */

/* Share of outsiders tied to a member (in- or out-tie). */
static void group_degree(const adjacency *all, const long *of, size_t k, const vid *size,
                         vid *stamp, double *out)
{
    vid n = all->n;
    for (size_t j = 0; j < k; j++) {
        stamp[j] = -1;
        out[j] = 0;
    }
    for (vid v = 0; v < n; v++) /* v is the outsider, u the member */
        for (vid a = all->start[v]; a < all->start[v + 1]; a++) {
            long gu = of[all->to[a]];
            if (gu < 0 || gu == of[v] || stamp[gu] == v)
                continue;
            stamp[gu] = v;
            out[gu] += 1;
        }
    for (size_t j = 0; j < k; j++)
        out[j] = n - size[j] > 0 ? out[j] / (double)(n - size[j]) : NAN;
}

/* (n - |C|) / sum of distances from C to the outsiders it reaches. */
static void group_closeness(search *s, const long *of, size_t k, const vid *size,
                            const vid *first, const vid *members, double *out)
{
    vid n = s->out->n;
    for (size_t j = 0; j < k; j++) {
        double sum = 0;
        search_run(s, members + first[j], size[j]);
        for (vid i = 0; i < s->reached; i++) {
            vid v = s->order[i];
            if (of[v] != (long)j)
                sum += s->dist[v];
        }
        out[j] = n - size[j] > 0 && sum > 0 ? (double)(n - size[j]) / sum : NAN;
    }
}

/* Sum over ordered outsider pairs of the share of shortest paths through C,
 * normalised by (n - |C|)(n - |C| - 1). avoid: n doubles; at: k indices. */
static void group_betweenness(search *s, const long *of, size_t k, const vid *size, double *avoid,
                              vid *at, double *out)
{
    vid n = s->out->n;
    for (size_t j = 0; j < k; j++)
        out[j] = 0;
    for (vid src = 0; src < n; src++) {
        search_run(s, &src, 1);
        dag_build(s, of);
        /* at[j]: position of the first member of group j reached */
        for (size_t j = 0; j < k; j++)
            at[j] = -1;
        for (vid i = 1; i < s->reached; i++)
            if (s->grp[i] >= 0 && at[s->grp[i]] < 0)
                at[s->grp[i]] = i;
        for (size_t j = 0; j < k; j++) {
            if (at[j] < 0 || of[src] == (long)j)
                continue; /* no member reached, or the source is a member */
            /* avoid[i]: shortest paths from the source to position i that
             * pass no member; before the first member, all of them */
            double sum = 0;
            memcpy(avoid, s->sigma, (size_t)at[j] * sizeof *avoid);
            for (vid i = at[j]; i < s->reached; i++) {
                if (s->grp[i] == (long)j) {
                    avoid[i] = 0;
                    continue;
                }
                double a = 0;
                for (vid e = s->pstart[i]; e < s->pstart[i + 1]; e++)
                    a += avoid[s->pred[e]];
                avoid[i] = a;
                sum += 1 - a / s->sigma[i];
            }
            out[j] += sum;
        }
        if (src % 256 == 255)
            bm_i_progress("Group betweenness", 100.0 * (double)(src + 1) / (double)n);
    }
    for (size_t j = 0; j < k; j++) {
        double rest = (double)(n - size[j]);
        out[j] = rest >= 2 ? out[j] / (rest * (rest - 1)) : NAN;
    }
    if (n > 0)
        bm_i_progress("Group betweenness", 100.0);
}

bm_status bm_i_group_centralities(const bm_network *net, const bm_grouping *g, int unweighted,
                                  double *group_degree_out, double *group_closeness_out,
                                  double *group_betweenness_out)
{
    bm_status st = BM_OK;
    adjacency out_arcs = {0}, in_arcs = {0}, all_arcs = {0};
    search s;
    igraph_vector_t dist;
    vid *size = NULL, *first = NULL, *members = NULL, *scratch = NULL;
    double *avoid = NULL;
    if (!net || !g)
        return bm_error_set(BM_EUSAGE, "group centralities need a network and a grouping");
    const igraph_t *graph = &net->graph;
    vid n = igraph_vcount(graph);
    size_t k = g->n_groups, kk = k ? k : 1;
    memset(&s, 0, sizeof s);
    if (igraph_vector_init(&dist, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");

    /* members of each group, side by side: members[first[j] .. first[j] + size[j]) */
    size = calloc(kk, sizeof *size);
    first = calloc(kk + 1, sizeof *first);
    members = malloc((n ? (size_t)n : 1) * sizeof *members);
    scratch = malloc(kk * sizeof *scratch);
    if (!size || !first || !members || !scratch) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (vid v = 0; v < n; v++)
        if (g->of[v] >= 0)
            size[g->of[v]]++;
    for (size_t j = 0; j < k; j++)
        first[j + 1] = first[j] + size[j];
    memcpy(scratch, first, k * sizeof *scratch);
    for (vid v = 0; v < n; v++)
        if (g->of[v] >= 0)
            members[scratch[g->of[v]]++] = v;

    if (group_degree_out) {
        if ((st = adjacency_build(&all_arcs, graph, NULL, ARCS_ALL)) != BM_OK)
            goto done;
        group_degree(&all_arcs, g->of, k, size, scratch, group_degree_out);
        adjacency_free(&all_arcs);
        memset(&all_arcs, 0, sizeof all_arcs);
    }
    if (group_closeness_out || group_betweenness_out) {
        const igraph_vector_t *len = unweighted ? NULL : &dist;
        const adjacency *in = NULL;
        if ((st = bm_distances(&net->weight, unweighted, &dist)) != BM_OK ||
            (st = adjacency_build(&out_arcs, graph, len, ARCS_OUT)) != BM_OK)
            goto done;
        if (group_betweenness_out) {
            in = &out_arcs;
            if (net->directed) {
                if ((st = adjacency_build(&in_arcs, graph, len, ARCS_IN)) != BM_OK)
                    goto done;
                in = &in_arcs;
            }
        }
        if ((st = search_init(&s, &out_arcs, in)) != BM_OK)
            goto done;
    }
    if (group_closeness_out)
        group_closeness(&s, g->of, k, size, first, members, group_closeness_out);
    if (group_betweenness_out) {
        avoid = malloc((n ? (size_t)n : 1) * sizeof *avoid);
        if (!avoid) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        group_betweenness(&s, g->of, k, size, avoid, scratch, group_betweenness_out);
    }
done:
    search_free(&s);
    adjacency_free(&out_arcs);
    adjacency_free(&in_arcs);
    adjacency_free(&all_arcs);
    igraph_vector_destroy(&dist);
    free(size);
    free(first);
    free(members);
    free(scratch);
    free(avoid);
    return st;
}
