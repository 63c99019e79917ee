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
 * How group betweenness is computed (in paths.c, whose searches serve the
 * actors' betweenness too). sigma_st(C) = sigma_st - (shortest s-t
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
#include "sssp.h"
#include "paths.h"


/* Share of outsiders tied to a member (in- or out-tie). */
static void group_degree(const bm_adj *all, const long *of, size_t k, const bm_vid *size,
                         bm_vid *stamp, double *out)
{
    bm_vid n = all->n;
    for (size_t j = 0; j < k; j++) {
        stamp[j] = -1;
        out[j] = 0;
    }
    for (bm_vid v = 0; v < n; v++) /* v is the outsider, u the member */
        for (bm_arc a = all->start[v]; a < all->start[v + 1]; a++) {
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
static void group_closeness(bm_search *s, const long *of, size_t k, const bm_vid *size,
                            const bm_vid *first, const bm_vid *members, double *out)
{
    bm_vid n = s->out->n;
    for (size_t j = 0; j < k; j++) {
        double sum = 0;
        bm_search_run(s, members + first[j], size[j]);
        for (bm_vid i = 0; i < s->reached; i++) {
            bm_vid v = s->order[i];
            if (of[v] != (long)j)
                sum += s->dist[v];
        }
        out[j] = n - size[j] > 0 && sum > 0 ? (double)(n - size[j]) / sum : NAN;
    }
}

bm_status bm_i_group_centralities(const bm_network *net, const bm_grouping *g, int unweighted,
                                  double *group_degree_out, double *group_closeness_out,
                                  double *group_betweenness_out)
{
    bm_status st = BM_OK;
    bm_adj out_arcs = {0}, all_arcs = {0};
    bm_search s;
    igraph_vector_t dist;
    bm_vid *size = NULL, *first = NULL, *members = NULL, *scratch = NULL;
    if (!net || !g)
        return bm_error_set(BM_EUSAGE, "group centralities need a network and a grouping");
    const igraph_t *graph = &net->graph;
    bm_vid n;
    if ((st = bm_vertex_count(graph, &n)) != BM_OK)
        return st;
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
    for (bm_vid v = 0; v < n; v++)
        if (g->of[v] >= 0)
            size[g->of[v]]++;
    for (size_t j = 0; j < k; j++)
        first[j + 1] = first[j] + size[j];
    memcpy(scratch, first, k * sizeof *scratch);
    for (bm_vid v = 0; v < n; v++)
        if (g->of[v] >= 0)
            members[scratch[g->of[v]]++] = v;

    if (group_degree_out) {
        if ((st = bm_adj_build(&all_arcs, graph, NULL, BM_ARCS_ALL)) != BM_OK)
            goto done;
        group_degree(&all_arcs, g->of, k, size, scratch, group_degree_out);
        bm_adj_free(&all_arcs);
        memset(&all_arcs, 0, sizeof all_arcs);
    }
    if (group_closeness_out) {
        const igraph_vector_t *len = unweighted ? NULL : &dist;
        if ((st = bm_distances(&net->weight, unweighted, &dist)) != BM_OK ||
            (st = bm_adj_build(&out_arcs, graph, len, BM_ARCS_OUT)) != BM_OK ||
            (st = bm_search_init(&s, &out_arcs, NULL)) != BM_OK)
            goto done;
        group_closeness(&s, g->of, k, size, first, members, group_closeness_out);
    }
    /* Group betweenness is counted in the shortest-path pass (paths.c),
     * which shares its searches with the actors' betweenness. */
    if (group_betweenness_out) {
        bm_paths p;
        bm_paths_request req;
        memset(&req, 0, sizeof req);
        req.unweighted = unweighted;
        req.groupings = &g;
        req.n_groupings = 1;
        req.jobs = 1;
        if ((st = bm_i_paths_compute(&p, net, &req)) == BM_OK)
            memcpy(group_betweenness_out, p.group_betweenness[0], kk * sizeof *group_betweenness_out);
        bm_i_paths_free(&p);
    }
done:
    bm_search_free(&s);
    bm_adj_free(&out_arcs);
    bm_adj_free(&all_arcs);
    igraph_vector_destroy(&dist);
    free(size);
    free(first);
    free(members);
    free(scratch);
    return st;
}
