/* paths.c: the shortest-path measures, from one pass of searches (paths.h).
 *
 * Exact. For every source s one search (BFS, or Dijkstra on 1/w) and its
 * shortest-path DAG (sssp.c) give:
 * - betweenness (Brandes 2001, J. Math. Sociol. 25:163): the dependencies
 *   delta(p) += sigma(p)/sigma(v) (1 + delta(v)) over the DAG in reverse
 *   order, summed over sources; undirected pairs are met from both ends, so
 *   the sum is halved (igraph's and NetworkX's raw scale);
 * - closeness (Freeman 1979, igraph 0.10 convention): 1 / sum of distances to
 *   the actors reachable from s (directed: outgoing), NaN when none is;
 *   harmonic (Marchiori & Latora 2000): sum of 1/d(s, j), 0 if unreachable;
 * - mean distance over ordered reachable pairs and diameter, the longest
 *   finite distance (igraph_average_path_length_dijkstra and
 *   igraph_diameter_dijkstra with unconn = true);
 * - group betweenness of every group (Everett & Borgatti 1999; groupcent.c
 *   explains the count of paths that avoid the group).
 * Sources are split into chunks by index (s = c, c + C, ...); chunks run in
 * worker processes and their partial sums are added in chunk order, so any
 * number of workers gives the same bits (parallel.h).
 *
 * Sampled (the error bounds are those of paths.h):
 * - betweenness, when the sampled sources below are searched anyway (for
 *   closeness, distances or groups): Brandes & Pich's source sampling
 *   (Brandes, U. & Pich, C. 2007. Centrality estimation in large networks.
 *   Int. J. Bifurcation and Chaos 17(7):2303; also Bader et al. 2007, WAW):
 *   the dependencies delta_s(v) of the k_C sources drawn in v's component C,
 *   weighted |C|/k_C, estimate v's betweenness over ordered pairs without
 *   bias. Each |C| delta_s(v) lies in [0, |C|(|C| - 2)], so Hoeffding's
 *   bound for sampling without replacement (Hoeffding 1963, section 6) gives
 *   P(|error| >= eps n(n-1)) <= 2 exp(-2 k eps^2), and the union over the n
 *   actors is delta with the same k as closeness: the (eps, delta) guarantee
 *   of Riondato & Kornaropoulos below, from searches already made, instead
 *   of r more.
 * - betweenness alone: Riondato, M. & Kornaropoulos, E. M. (2016). Fast
 *   approximation of betweenness centrality through sampling. Data Min.
 *   Knowl. Disc. 30(2):438-475. r = (c / eps^2)(floor(log2(VD - 2)) + 1 +
 *   ln(1/delta)) ordered pairs (u, v) are drawn uniformly; for each, one
 *   shortest u-v path is drawn uniformly (walking back from v, predecessor p
 *   with probability sigma(p)/sigma(t)) and each inner actor gains 1/r.
 *   c = 0.5 as the authors take it from Loeffler & Phillips (2009); it is an
 *   empirical value of the VC "universal constant", not a proven one
 *   (NetworKit's ApproxBetweenness defaults to 1 for that reason). VD bounds
 *   the vertex diameter (most actors on a shortest path): on an undirected
 *   network, from one search per component, the two largest distances d1, d2
 *   from its first actor bound every distance by d1 + d2, so a shortest path
 *   has at most 1 + (d1 + d2) / (shortest tie length) actors (unweighted:
 *   RK's own 2-approximation); at most the component's size, which is the
 *   bound RK give for directed networks. NetworKit's KADABRA (Borassi &
 *   Natale 2016) needs fewer samples, but only on unweighted undirected
 *   graphs, hence RK here.
 * - closeness, harmonic, mean distance, group betweenness: in every weakly
 *   connected component C, k_C = min(|C|, k) sources are drawn without
 *   replacement, k = 1 + ceil(ln(2n/delta) / (2 eps^2)) (Eppstein & Wang
 *   2004, J. Graph Algorithms Appl. 8:39, with Hoeffding's bound and a union
 *   bound over the n actors; Hoeffding 1963 holds without replacement). An
 *   actor's sum of distances is estimated as (|C| - 1)/k' times the sum over
 *   the k' sampled sources other than itself (distances to it: the search
 *   runs on reversed arcs when directed); a component with |C| <= k is
 *   searched from every actor, so small components are exact. Group
 *   betweenness weights each sampled source by |C|/k_C; its bound is
 *   Hoeffding's for that weighted sum, eps_g = sqrt(R ln(2K/delta) / 2) with
 *   R = sum over sampled components of |C|^2 / (k_C (n - n_g)^2), K groups.
 *   The diameter is the longest distance the searches met: a lower bound. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "paths.h"
#include "internal.h"
#include "parallel.h"
#include "sssp.h"

#define RK_CONSTANT 0.5
#define MAX_CHUNKS 64
#define MAX_SLOT_BYTES ((size_t)512 << 20)

void bm_i_paths_free(bm_paths *p)
{
    if (!p)
        return;
    free(p->betweenness);
    free(p->closeness);
    free(p->harmonic);
    if (p->group_betweenness)
        for (size_t l = 0; l < p->n_groupings; l++)
            free(p->group_betweenness[l]);
    free(p->group_betweenness);
    memset(p, 0, sizeof *p);
}

/* Chunks for `items` work items with slots of slot_len doubles: up to 64,
 * fewer when the slots would pass 512 MB. Depends on the problem only. */
static size_t choose_chunks(size_t items, size_t slot_len)
{
    size_t c = items < MAX_CHUNKS ? items : MAX_CHUNKS;
    while (c > 1 && c * slot_len * sizeof(double) > MAX_SLOT_BYTES)
        c /= 2;
    return c ? c : 1;
}

/* ---- what every pass shares ------------------------------------------------ */

typedef struct pass {
    const bm_network *net;
    const bm_paths_request *req;
    bm_vid n;
    bm_adj out, in;          /* in: only for directed networks */
    const bm_adj *in_arcs;   /* &in, or &out when undirected */
    size_t levels, total_groups;
    const long **of;         /* [level] group of each actor */
    size_t *group_offset;    /* [level] first slot of the level's groups */
    /* exact and sampled source passes */
    const bm_vid *sources;   /* NULL: every actor is a source */
    const double *source_weight; /* NULL: 1 */
    size_t n_sources;
    size_t chunks;
    size_t off_bc, off_sumd, off_suminv, off_group, off_tail, slot_len;
    double *closeness, *harmonic; /* exact: shared, written per source */
    int dag;                 /* the pass needs DAGs (betweenness or groups) */
    int source_bc;           /* betweenness from the source pass (exact, or sampled sources) */
    /* the RK pass */
    size_t rk_samples;
} pass;

typedef struct scratch {
    bm_search fwd, rev;      /* rev: reversed arcs (directed closeness, sampled) */
    double *delta, *avoid;
    bm_vid *at;
} scratch;

static void scratch_free(void *p)
{
    scratch *w = p;
    if (!w)
        return;
    bm_search_free(&w->fwd);
    bm_search_free(&w->rev);
    free(w->delta);
    free(w->avoid);
    free(w->at);
    free(w);
}

static void *scratch_new(void *ctx)
{
    pass *ps = ctx;
    scratch *w = calloc(1, sizeof *w);
    size_t nn = ps->n ? (size_t)ps->n : 1;
    if (!w)
        return NULL;
    if (bm_search_init(&w->fwd, &ps->out, ps->dag || ps->rk_samples ? ps->in_arcs : NULL) != BM_OK ||
        (ps->req->sampled && ps->net->directed && bm_search_init(&w->rev, &ps->in, NULL) != BM_OK)) {
        scratch_free(w);
        return NULL;
    }
    w->delta = malloc(nn * sizeof *w->delta);
    w->avoid = malloc(nn * sizeof *w->avoid);
    w->at = malloc((ps->total_groups ? ps->total_groups : 1) * sizeof *w->at);
    if (!w->delta || !w->avoid || !w->at) {
        scratch_free(w);
        return NULL;
    }
    return w;
}

/* Brandes' dependency accumulation over the DAG of the last search; adds
 * weight x delta_s(v) to bc[v] for every reached v but the source. */
static void accumulate_betweenness(const bm_search *s, double *delta, double weight, double *bc)
{
    for (bm_vid i = 0; i < s->reached; i++)
        delta[i] = 0;
    for (bm_vid i = s->reached - 1; i > 0; i--) {
        double coeff = (1.0 + delta[i]) / s->sigma[i];
        for (bm_arc e = s->pstart[i]; e < s->pstart[i + 1]; e++) {
            bm_vid p = s->pred[e];
            delta[p] += s->sigma[p] * coeff;
        }
        bc[s->order[i]] += weight * delta[i];
    }
}

/* For each group j (of level l) not containing the source: the sum over
 * reached outsiders t of the share of shortest source-t paths through j,
 * times weight, added to out[j]. */
static void accumulate_groups(const pass *ps, const bm_search *s, scratch *w, double weight,
                              double *out)
{
    bm_vid src = s->order[0];
    for (size_t l = 0; l < ps->levels; l++) {
        const long *of = ps->of[l];
        size_t k = ps->group_offset[l + 1] - ps->group_offset[l];
        bm_vid *at = w->at + ps->group_offset[l];
        double *res = out + ps->group_offset[l];
        /* at[j]: position of the first member of group j reached */
        for (size_t j = 0; j < k; j++)
            at[j] = -1;
        for (bm_vid i = 1; i < s->reached; i++) {
            long gi = of[s->order[i]];
            if (gi >= 0 && at[gi] < 0)
                at[gi] = i;
        }
        for (size_t j = 0; j < k; j++) {
            if (at[j] < 0 || of[src] == (long)j)
                continue; /* no member reached, or the source is a member */
            /* avoid[i]: shortest paths from the source to position i that
             * pass no member; before the first member, all of them */
            double sum = 0;
            memcpy(w->avoid, s->sigma, (size_t)at[j] * sizeof *w->avoid);
            for (bm_vid i = at[j]; i < s->reached; i++) {
                if (of[s->order[i]] == (long)j) {
                    w->avoid[i] = 0;
                    continue;
                }
                double a = 0;
                for (bm_arc e = s->pstart[i]; e < s->pstart[i + 1]; e++)
                    a += w->avoid[s->pred[e]];
                w->avoid[i] = a;
                sum += 1 - a / s->sigma[i];
            }
            res[j] += weight * sum;
        }
    }
}

/* One chunk of the source pass (exact or sampled). Slot: [off_bc, +n)
 * betweenness, [off_sumd, +n) and [off_suminv, +n) sampled sums of d and
 * 1/d towards each actor, [off_group, +K) group sums, then at off_tail the
 * (weighted) reachable pairs, their summed distance and the longest one. */
static bm_status source_chunk(void *ctx, void *scr, size_t chunk, double *slot)
{
    pass *ps = ctx;
    scratch *w = scr;
    bm_search *s = &w->fwd;
    int sampled = ps->req->sampled, directed = ps->net->directed;
    double *tail = slot + ps->off_tail;
    for (size_t k = chunk; k < ps->n_sources; k += ps->chunks) {
        bm_vid src = ps->sources ? ps->sources[k] : (bm_vid)k;
        double weight = ps->source_weight ? ps->source_weight[k] : 1.0;
        if (ps->dag)
            bm_search_dag(s, src);
        else
            bm_search_run(s, &src, 1);
        double sum = 0, inv = 0, reach = 0;
        for (bm_vid i = 1; i < s->reached; i++) {
            double x = s->dist[s->order[i]];
            sum += x;
            inv += 1.0 / x;
            reach += 1;
            if (x > tail[2])
                tail[2] = x;
        }
        tail[0] += weight * reach;
        tail[1] += weight * sum;
        if (ps->req->closeness) {
            if (!sampled) {
                ps->closeness[src] = reach > 0 ? 1.0 / sum : NAN;
                ps->harmonic[src] = inv;
            } else {
                /* distances towards src: the same search when undirected */
                const bm_search *r = s;
                if (directed) {
                    bm_search_run(&w->rev, &src, 1);
                    r = &w->rev;
                }
                for (bm_vid i = 1; i < r->reached; i++) {
                    bm_vid v = r->order[i];
                    slot[ps->off_sumd + (size_t)v] += r->dist[v];
                    slot[ps->off_suminv + (size_t)v] += 1.0 / r->dist[v];
                }
            }
        }
        if (ps->dag) {
            if (ps->source_bc)
                accumulate_betweenness(s, w->delta, weight, slot + ps->off_bc);
            if (ps->levels)
                accumulate_groups(ps, s, w, weight, slot + ps->off_group);
        }
    }
    return BM_OK;
}

/* One chunk of Riondato-Kornaropoulos samples: sample i draws from its own
 * generator (seed, i), so the result does not depend on the chunking. */
static bm_status rk_chunk(void *ctx, void *scr, size_t chunk, double *slot)
{
    pass *ps = ctx;
    scratch *w = scr;
    bm_search *s = &w->fwd;
    uint64_t n = (uint64_t)ps->n;
    for (size_t i = chunk; i < ps->rk_samples; i += ps->chunks) {
        bm_rng rng;
        bm_rng_seed(&rng, ps->req->seed, 0x524b000000000000ULL + i); /* "RK" stream */
        bm_vid u = (bm_vid)bm_rng_below(&rng, n);
        bm_vid v = (bm_vid)bm_rng_below(&rng, n - 1);
        if (v >= u)
            v++;
        if (!bm_search_dag_to(s, u, v))
            continue; /* no path: the pair adds nothing */
        bm_vid t = s->reached - 1; /* v, settled last */
        while (t > 0) {
            /* predecessor p with probability sigma(p) / sigma(t) */
            double x = bm_rng_unit(&rng) * s->sigma[t], acc = 0;
            bm_arc e = s->pstart[t], last = s->pstart[t + 1] - 1;
            for (; e < last; e++) {
                acc += s->sigma[s->pred[e]];
                if (x < acc)
                    break;
            }
            t = s->pred[e];
            if (t > 0)
                slot[s->order[t]] += 1;
        }
    }
    return BM_OK;
}

/* ---- set-up ------------------------------------------------------------------ */

static bm_status pass_init(pass *ps, const bm_network *net, const bm_paths_request *req,
                           igraph_vector_t *dist)
{
    memset(ps, 0, sizeof *ps);
    ps->net = net;
    ps->req = req;
    bm_status st;
    if ((st = bm_vertex_count(&net->graph, &ps->n)) != BM_OK)
        return st;
    const igraph_vector_t *len = req->unweighted ? NULL : dist;
    if ((st = bm_distances(&net->weight, req->unweighted, dist)) != BM_OK ||
        (st = bm_adj_build(&ps->out, &net->graph, len, BM_ARCS_OUT)) != BM_OK)
        return st;
    ps->in_arcs = &ps->out;
    if (net->directed) {
        if ((st = bm_adj_build(&ps->in, &net->graph, len, BM_ARCS_IN)) != BM_OK)
            return st;
        ps->in_arcs = &ps->in;
    }
    ps->levels = req->n_groupings;
    ps->of = calloc(ps->levels ? ps->levels : 1, sizeof *ps->of);
    ps->group_offset = calloc(ps->levels + 1, sizeof *ps->group_offset);
    if (!ps->of || !ps->group_offset)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (size_t l = 0; l < ps->levels; l++) {
        ps->of[l] = req->groupings[l]->of;
        ps->group_offset[l + 1] = ps->group_offset[l] + req->groupings[l]->n_groups;
    }
    ps->total_groups = ps->group_offset[ps->levels];
    return BM_OK;
}

static void pass_free(pass *ps)
{
    bm_adj_free(&ps->out);
    bm_adj_free(&ps->in);
    free(ps->of);
    free(ps->group_offset);
}

/* Slot layout of the source pass. Betweenness comes from it when exact,
 * and when sampled if the sampled sources are searched anyway. */
static void layout(pass *ps)
{
    size_t n = (size_t)ps->n, at = 0;
    const bm_paths_request *req = ps->req;
    ps->source_bc = req->betweenness && (!req->sampled || req->closeness || req->distances || ps->levels);
    ps->off_bc = at;
    if (ps->source_bc)
        at += n;
    ps->off_sumd = at;
    ps->off_suminv = at + (ps->req->sampled && ps->req->closeness ? n : 0);
    if (ps->req->sampled && ps->req->closeness)
        at += 2 * n;
    ps->off_group = at;
    at += ps->total_groups;
    ps->off_tail = at;
    ps->slot_len = at + 3;
    ps->dag = ps->source_bc || ps->levels > 0;
}

static bm_status alloc_results(bm_paths *out, const pass *ps)
{
    size_t nn = ps->n ? (size_t)ps->n : 1;
    const bm_paths_request *req = ps->req;
    out->n = (size_t)ps->n;
    if (req->betweenness && !(out->betweenness = calloc(nn, sizeof *out->betweenness)))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (req->closeness && (!(out->closeness = malloc(nn * sizeof *out->closeness)) ||
                           !(out->harmonic = malloc(nn * sizeof *out->harmonic))))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    out->n_groupings = req->n_groupings;
    if (req->n_groupings) {
        out->group_betweenness = calloc(req->n_groupings, sizeof *out->group_betweenness);
        if (!out->group_betweenness)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        for (size_t l = 0; l < req->n_groupings; l++) {
            size_t k = req->groupings[l]->n_groups;
            if (!(out->group_betweenness[l] = calloc(k ? k : 1, sizeof **out->group_betweenness)))
                return bm_error_set(BM_EINTERNAL, "out of memory");
        }
    }
    return BM_OK;
}

/* The source pass's betweenness sums (ordered pairs) -> igraph's raw scale,
 * which counts undirected pairs once. */
static void finish_betweenness(bm_paths *out, const pass *ps, const double *sums)
{
    for (size_t v = 0; v < (size_t)ps->n; v++)
        out->betweenness[v] = ps->net->directed ? sums[v] : sums[v] / 2;
}

/* Group sums -> Everett-Borgatti's normalised group betweenness. */
static void finish_groups(bm_paths *out, const pass *ps, const double *sums)
{
    for (size_t l = 0; l < ps->levels; l++) {
        const bm_grouping *g = ps->req->groupings[l];
        for (size_t j = 0; j < g->n_groups; j++) {
            double rest = (double)ps->n - (double)g->sizes[j];
            out->group_betweenness[l][j] =
                rest >= 2 ? sums[ps->group_offset[l] + j] / (rest * (rest - 1)) : NAN;
        }
    }
}

/* The source pass's slots combined in chunk order (the same bits for any
 * number of jobs): sums, except the longest distance, a maximum. *sum is
 * slot_len doubles for the caller to free. */
static bm_status combine_slots(const pass *ps, const double *slots, double **sum_out)
{
    double *sum = calloc(ps->slot_len, sizeof *sum);
    *sum_out = sum;
    if (!sum)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (size_t c = 0; c < ps->chunks; c++) {
        const double *slot = slots + c * ps->slot_len;
        for (size_t i = 0; i < ps->off_tail + 2; i++)
            sum[i] += slot[i];
        if (slot[ps->off_tail + 2] > sum[ps->off_tail + 2])
            sum[ps->off_tail + 2] = slot[ps->off_tail + 2];
    }
    return BM_OK;
}

/* ---- exact -------------------------------------------------------------------- */

static bm_status exact(bm_paths *out, pass *ps)
{
    bm_status st;
    size_t n = (size_t)ps->n, nn = n ? n : 1;
    double *slots = NULL, *sum = NULL;
    ps->n_sources = n;
    layout(ps);
    ps->chunks = choose_chunks(n, ps->slot_len);
    if (ps->req->closeness) {
        ps->closeness = bm_shared_alloc(nn * sizeof(double));
        ps->harmonic = bm_shared_alloc(nn * sizeof(double));
        if (!ps->closeness || !ps->harmonic) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
    }
    /* closeness and harmonic: one entry per source, each written by the
     * source's chunk; under MPI the ranks' parts are merged (parallel.h) */
    bm_chunk_job job = {.chunks = ps->chunks, .slot_len = ps->slot_len, .worker_new = scratch_new,
                        .worker_free = scratch_free, .run = source_chunk, .ctx = ps,
                        .step = "Shortest paths", .disjoint = {ps->closeness, ps->harmonic},
                        .disjoint_len = {nn, nn}};
    if ((st = bm_run_chunks(&job, ps->req->jobs, &slots)) != BM_OK)
        goto done;
    if ((st = combine_slots(ps, slots, &sum)) != BM_OK)
        goto done;
    if (out->betweenness)
        finish_betweenness(out, ps, sum + ps->off_bc);
    if (out->closeness) {
        memcpy(out->closeness, ps->closeness, n * sizeof(double));
        memcpy(out->harmonic, ps->harmonic, n * sizeof(double));
    }
    double pairs = sum[ps->off_tail], total = sum[ps->off_tail + 1];
    out->mean_distance = pairs > 0 ? total / pairs : NAN;
    out->diameter = n > 0 ? sum[ps->off_tail + 2] : NAN;
    finish_groups(out, ps, sum + ps->off_group);
    out->sources = n;
done:
    bm_shared_free(slots, ps->chunks * ps->slot_len * sizeof(double));
    bm_shared_free(ps->closeness, nn * sizeof(double));
    bm_shared_free(ps->harmonic, nn * sizeof(double));
    ps->closeness = ps->harmonic = NULL;
    free(sum);
    return st;
}

/* ---- sampled ------------------------------------------------------------------ */

/* Riondato & Kornaropoulos' bound on the vertex diameter (see the top). */
static bm_status vertex_diameter_bound(const pass *ps, const igraph_vector_int_t *memb,
                                       const igraph_vector_int_t *csize, double *vd)
{
    bm_vid n = ps->n;
    igraph_integer_t ncomp = igraph_vector_int_size(csize);
    double best = 0;
    if (ps->net->directed) {
        for (igraph_integer_t c = 0; c < ncomp; c++)
            if ((double)VECTOR(*csize)[c] > best)
                best = (double)VECTOR(*csize)[c];
        *vd = best;
        return BM_OK;
    }
    double lmin = 1;
    if (ps->out.len) {
        lmin = INFINITY;
        for (bm_arc a = 0; a < ps->out.start[n]; a++)
            if (ps->out.len[a] < lmin)
                lmin = ps->out.len[a];
    }
    bm_search s;
    bm_status st = bm_search_init(&s, &ps->out, NULL);
    unsigned char *seen = calloc((size_t)ncomp + 1, 1);
    if (st != BM_OK || !seen) {
        bm_search_free(&s);
        free(seen);
        return st != BM_OK ? st : bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (bm_vid v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(*memb)[v];
        if (seen[c])
            continue;
        seen[c] = 1;
        double size = (double)VECTOR(*csize)[c], bound = size;
        if (size > 2) {
            bm_search_run(&s, &v, 1);
            double d1 = 0, d2 = 0;
            for (bm_vid i = 1; i < s.reached; i++) {
                double x = s.dist[s.order[i]];
                if (x > d1) {
                    d2 = d1;
                    d1 = x;
                } else if (x > d2) {
                    d2 = x;
                }
            }
            /* a shortest path of h ties has length >= h lmin, <= d1 + d2 */
            double hops = floor((d1 + d2) / lmin * (1 + 1e-9));
            if (hops + 1 < bound)
                bound = hops + 1;
        }
        if (bound > best)
            best = bound;
    }
    bm_search_free(&s);
    free(seen);
    *vd = best;
    return BM_OK;
}

static bm_status sampled(bm_paths *out, pass *ps)
{
    bm_status st = BM_OK;
    const bm_paths_request *req = ps->req;
    size_t n = (size_t)ps->n, nn = n ? n : 1;
    double eps = req->epsilon, delta = req->delta;
    double *slots = NULL, *sum = NULL, *rk = NULL;
    bm_vid *sources = NULL, *members = NULL, *first = NULL;
    double *weight = NULL;
    size_t *k_of = NULL;
    unsigned char *picked = NULL;
    size_t rk_chunks = 0;
    igraph_vector_int_t memb, csize;
    igraph_integer_t ncomp = 0;
    if (igraph_vector_int_init(&memb, 0) || igraph_vector_int_init(&csize, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    BM_IG(igraph_connected_components(ps->net->ug, &memb, &csize, &ncomp, IGRAPH_WEAK), "components");
    out->epsilon = eps;
    out->delta = delta;

    /* Sources: k_C per component, drawn without replacement (a partial
     * Fisher-Yates shuffle of the component's actors, seeded per component). */
    double kd = 1 + ceil(log(2.0 * (double)nn / delta) / (2 * eps * eps));
    size_t k = kd > (double)nn ? nn : (size_t)kd;
    out->source_sample = k;
    members = malloc(nn * sizeof *members);
    first = calloc((size_t)ncomp + 1, sizeof *first);
    k_of = calloc((size_t)ncomp + 1, sizeof *k_of);
    sources = malloc(nn * sizeof *sources);
    weight = malloc(nn * sizeof *weight);
    picked = calloc(nn, 1);
    if (!members || !first || !k_of || !sources || !weight || !picked) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (igraph_integer_t c = 0; c < ncomp; c++)
        first[c + 1] = first[c] + (bm_vid)VECTOR(csize)[c]; /* n < 2^31 (pass_init) */
    {
        bm_vid *fill = malloc(((size_t)ncomp + 1) * sizeof *fill);
        if (!fill) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        memcpy(fill, first, ((size_t)ncomp + 1) * sizeof *fill);
        for (size_t v = 0; v < n; v++)
            members[fill[VECTOR(memb)[v]]++] = (bm_vid)v;
        free(fill);
    }
    size_t ns = 0;
    double R = 0; /* sum over sampled components of |C|^2 / k_C */
    for (igraph_integer_t c = 0; c < ncomp; c++) {
        size_t size = (size_t)VECTOR(csize)[c], kc = size < k ? size : k;
        bm_vid *m = members + first[c];
        bm_rng rng;
        bm_rng_seed(&rng, req->seed, 0x5352430000000000ULL + (uint64_t)c); /* "SRC" stream */
        for (size_t i = 0; i < kc; i++) {
            size_t j = i + (size_t)bm_rng_below(&rng, size - i);
            bm_vid t = m[i];
            m[i] = m[j];
            m[j] = t;
            sources[ns] = m[i];
            weight[ns] = (double)size / (double)kc;
            picked[m[i]] = 1;
            ns++;
        }
        k_of[c] = kc;
        if (kc < size)
            R += (double)size * (double)size / (double)kc;
    }
    ps->sources = sources;
    ps->source_weight = weight;
    ps->n_sources = ns;
    out->sources = ns;
    layout(ps);

    if (req->closeness || req->distances || ps->levels) {
        ps->chunks = choose_chunks(ns, ps->slot_len);
        bm_chunk_job job = {.chunks = ps->chunks, .slot_len = ps->slot_len, .worker_new = scratch_new,
                            .worker_free = scratch_free, .run = source_chunk, .ctx = ps,
                            .step = "Sampled shortest paths"};
        if ((st = bm_run_chunks(&job, req->jobs, &slots)) != BM_OK)
            goto done;
        if ((st = combine_slots(ps, slots, &sum)) != BM_OK)
            goto done;
        if (ps->source_bc) {
            finish_betweenness(out, ps, sum + ps->off_bc);
            out->betweenness_from_sources = 1;
        }
        if (req->closeness)
            for (size_t v = 0; v < n; v++) {
                igraph_integer_t c = VECTOR(memb)[v];
                double size = (double)VECTOR(csize)[c];
                double kv = (double)k_of[c] - (picked[v] ? 1 : 0);
                double scale = kv > 0 ? (size - 1) / kv : NAN;
                double s = scale * sum[ps->off_sumd + v];
                out->closeness[v] = kv > 0 && s > 0 ? 1.0 / s : NAN;
                out->harmonic[v] = kv > 0 ? scale * sum[ps->off_suminv + v] : 0;
            }
        double pairs = sum[ps->off_tail], total = sum[ps->off_tail + 1];
        out->mean_distance = pairs > 0 ? total / pairs : NAN;
        out->diameter = n > 0 ? sum[ps->off_tail + 2] : NAN;
        finish_groups(out, ps, sum + ps->off_group);
        /* Hoeffding's bound of the weighted sum, per group, union over all groups */
        double worst = 0;
        for (size_t l = 0; l < ps->levels; l++) {
            const bm_grouping *g = req->groupings[l];
            for (size_t j = 0; j < g->n_groups; j++) {
                double rest = (double)n - (double)g->sizes[j];
                if (rest < 2 || R == 0)
                    continue;
                double e = sqrt(R / (rest * rest) * log(2.0 * (double)ps->total_groups / delta) / 2);
                if (e > worst)
                    worst = e;
            }
        }
        out->group_betweenness_epsilon = worst;
        bm_shared_free(slots, ps->chunks * ps->slot_len * sizeof(double));
        slots = NULL;
    }

    if (req->betweenness && !ps->source_bc && n >= 3) {
        double vd = 0;
        if ((st = vertex_diameter_bound(ps, &memb, &csize, &vd)) != BM_OK)
            goto done;
        out->vertex_diameter = vd;
        size_t r = 0;
        if (vd > 2)
            r = (size_t)ceil(RK_CONSTANT / (eps * eps) * (floor(log2(vd - 2)) + 1 + log(1 / delta)));
        out->betweenness_samples = r;
        if (r > 0) {
            ps->rk_samples = r;
            ps->dag = 1;
            rk_chunks = choose_chunks(r, n);
            ps->chunks = rk_chunks;
            bm_chunk_job job = {.chunks = rk_chunks, .slot_len = n, .worker_new = scratch_new,
                                .worker_free = scratch_free, .run = rk_chunk, .ctx = ps,
                                .step = "Betweenness samples"};
            if ((st = bm_run_chunks(&job, req->jobs, &rk)) != BM_OK)
                goto done;
            /* counts / r estimate betweenness over ordered pairs / (n (n-1));
             * igraph's raw scale counts undirected pairs once */
            double scale = (double)n * (double)(n - 1) / (ps->net->directed ? 1.0 : 2.0) / (double)r;
            for (size_t c = 0; c < rk_chunks; c++)
                for (size_t v = 0; v < n; v++)
                    out->betweenness[v] += rk[c * n + v];
            for (size_t v = 0; v < n; v++)
                out->betweenness[v] *= scale;
        }
    }
done:
    bm_shared_free(slots, ps->chunks * ps->slot_len * sizeof(double));
    bm_shared_free(rk, rk_chunks * n * sizeof(double));
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&csize);
    free(sum);
    free(members);
    free(first);
    free(k_of);
    free(sources);
    free(weight);
    free(picked);
    ps->sources = NULL;
    ps->source_weight = NULL;
    return st;
}

bm_status bm_i_paths_compute(bm_paths *out, const bm_network *net, const bm_paths_request *req)
{
    bm_status st;
    pass ps;
    igraph_vector_t dist;
    memset(out, 0, sizeof *out);
    out->mean_distance = out->diameter = NAN;
    if (req->sampled && !(req->epsilon > 0 && req->epsilon < 1 && req->delta > 0 && req->delta < 1))
        return bm_error_set(BM_EUSAGE, "sampling needs 0 < epsilon < 1 and 0 < delta < 1");
    if (igraph_vector_init(&dist, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if ((st = pass_init(&ps, net, req, &dist)) == BM_OK && (st = alloc_results(out, &ps)) == BM_OK) {
        out->sampled = req->sampled;
        st = req->sampled ? sampled(out, &ps) : exact(out, &ps);
    }
    pass_free(&ps);
    igraph_vector_destroy(&dist);
    return st;
}
