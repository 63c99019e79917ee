/* communities.c: does the declared grouping follow the network's own
 * clusters? Modularity and nominal assortativity of the grouping, Leiden
 * communities, and their agreement with the grouping (NMI, ARI).
 *
 * Modularity: Newman, M. E. J. (2006). Modularity and community structure in
 * networks. PNAS 103(23):8577-8582. Q = 1/(2m) sum_ij (A_ij - k_i k_j/(2m))
 * delta(g_i, g_j), weighted: A_ij tie weight, k_i strength, m total weight.
 * Assortativity: Newman, M. E. J. (2003). Mixing patterns in networks.
 * Phys. Rev. E 67:026126, eq. 2: r = (sum_i e_ii - sum_i a_i b_i) /
 * (1 - sum_i a_i b_i) over the fractions e of tie ends between groups.
 * Leiden: Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to
 * Leiden: guaranteeing well-connected communities. Sci. Rep. 9:5233.
 * NMI: Danon, L., Diaz-Guilera, A., Duch, J. & Arenas, A. (2005). Comparing
 * community structure identification. J. Stat. Mech. P09008.
 * ARI: Hubert, L. & Arabie, P. (1985). Comparing partitions. Journal of
 * Classification 2:193-218.
 *
 * Conventions (MEASURES.md): actors without a group are left out of the
 * grouping measures, so modularity and assortativity are computed on the
 * network induced by the grouped actors (m = their ties only; a tie to an
 * ungrouped actor neither helps nor hurts the grouping), and NMI/ARI compare
 * the partitions restricted to the grouped actors. Leiden runs on the whole
 * undirected view, so every actor has a community.
 *
 * Undefined is NaN: modularity and assortativity without any tie among the
 * grouped actors (igraph returns NaN itself); assortativity of a single
 * group (0/0); NMI/ARI with fewer than two grouped actors; NMI when both
 * partitions are one block (H1 + H2 = 0: igraph 0.10.2 returns 1 there by
 * convention, we return NaN, matching the ARI, which igraph leaves at 0/0);
 * ARI when both are one block or both all singletons (1 - expected = 0).
 * Values that are defined stay as the formulas give them: modularity of a
 * single group is 0; NMI of a single group against several communities is 0;
 * a network without ties has every actor in its own community and NMI/ARI
 * of those singletons against the grouping (NMI favours fine partitions:
 * 4 isolates in groups {a,b},{c,d} give NMI 2/3, ARI 0).
 *
 * igraph 0.10.2 traps (MEASURES.md): its Leiden's default objective is CPM, so
 * modularity is obtained with node weights = strength and resolution 1/(2m);
 * a negative iteration count ("until stable") can hang, so we run a fixed
 * count (BM_LEIDEN_ITERATIONS; why 10: see bm_i_communities). */
#include <math.h>
#include <stdlib.h>
#include "communities.h"
#include "internal.h"

/* Randomness of Leiden's refinement step (python-igraph's and R igraph's
 * default; Traag et al. 2019 use 0.01 too). */
#define LEIDEN_BETA 0.01

/* Builds the subgraph of src induced by the actors with a group, vertices in
 * actor order, with its edge weights (from w, parallel to src's edges) and
 * the group of each vertex. sub is initialised on BM_OK only; sw and types
 * must be initialised vectors (resized here). */
static bm_status grouped_subgraph(const igraph_t *src, const igraph_vector_t *w,
                                  const bm_grouping *g, igraph_t *sub, igraph_vector_t *sw,
                                  igraph_vector_int_t *types)
{
    bm_status st = BM_OK;
    igraph_integer_t n = igraph_vcount(src), m = igraph_ecount(src), ng = 0;
    igraph_vector_int_t pos, edges;
    if (igraph_vector_int_init(&pos, n))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (igraph_vector_int_init(&edges, 0)) {
        igraph_vector_int_destroy(&pos);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    igraph_vector_int_clear(types);
    igraph_vector_clear(sw);
    for (igraph_integer_t i = 0; i < n; i++) {
        VECTOR(pos)[i] = g->of[i] >= 0 ? ng++ : -1;
        if (g->of[i] >= 0 && igraph_vector_int_push_back(types, (igraph_integer_t)g->of[i])) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = VECTOR(pos)[IGRAPH_FROM(src, e)], b = VECTOR(pos)[IGRAPH_TO(src, e)];
        if (a < 0 || b < 0)
            continue;
        if (igraph_vector_int_push_back(&edges, a) || igraph_vector_int_push_back(&edges, b) ||
            igraph_vector_push_back(sw, VECTOR(*w)[e])) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
    }
    BM_IG(igraph_create(sub, &edges, ng, igraph_is_directed(src)), "grouped subgraph");
done:
    igraph_vector_int_destroy(&pos);
    igraph_vector_int_destroy(&edges);
    return st;
}

static double nan_if_nan(double x) { return isnan(x) ? NAN : x; }

bm_status bm_i_grouping_modularity(const bm_network *net, const bm_grouping *g, int unweighted,
                                   double *q)
{
    bm_status st = BM_OK;
    igraph_t sub;
    const igraph_t *ug = net->ug;
    int sub_ready = 0;
    igraph_vector_t w, sw;
    igraph_vector_int_t types;
    if (!g)
        return bm_error_set(BM_EUSAGE, "modularity needs a grouping");
    *q = NAN;
    if (igraph_vector_init(&w, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (igraph_vector_init(&sw, 0)) {
        igraph_vector_destroy(&w);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    if (igraph_vector_int_init(&types, 0)) {
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&sw);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    if (igraph_vector_update(&w, net->uw) != IGRAPH_SUCCESS) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    if ((st = grouped_subgraph(ug, &w, g, &sub, &sw, &types)) != BM_OK)
        goto done;
    sub_ready = 1;
    /* Undirected formula on the undirected view; NaN without ties (igraph). */
    double x = NAN;
    BM_IG(igraph_modularity(&sub, &types, unweighted ? NULL : &sw, 1.0, 0, &x), "modularity");
    *q = nan_if_nan(x);
done:
    if (sub_ready)
        igraph_destroy(&sub);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&sw);
    igraph_vector_int_destroy(&types);
    return st;
}

bm_status bm_i_grouping_assortativity(const bm_network *net, const bm_grouping *g, double *r)
{
    bm_status st = BM_OK;
    igraph_t sub;
    int sub_ready = 0;
    igraph_vector_t sw;
    igraph_vector_int_t types;
    if (!g)
        return bm_error_set(BM_EUSAGE, "assortativity needs a grouping");
    *r = NAN;
    if (igraph_vector_init(&sw, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (igraph_vector_int_init(&types, 0)) {
        igraph_vector_destroy(&sw);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    if ((st = grouped_subgraph(&net->graph, &net->weight, g, &sub, &sw, &types)) != BM_OK)
        goto done;
    sub_ready = 1;
    /* Directed networks: arcs, e_ij the fraction of arcs from group i to
     * group j; undirected: each tie counts in both directions (igraph, and
     * NetworkX's attribute_assortativity_coefficient, do the same). */
    double x = NAN;
    BM_IG(igraph_assortativity_nominal(&sub, &types, &x, net->directed != 0, 1), "assortativity");
    *r = nan_if_nan(x);
done:
    if (sub_ready)
        igraph_destroy(&sub);
    igraph_vector_destroy(&sw);
    igraph_vector_int_destroy(&types);
    return st;
}

/* Renumbers a membership vector 0, 1, ... in order of first appearance.
 * scratch: at least as many entries as the largest label + 1 (labels are
 * below n); returns the number of communities. */
static igraph_integer_t first_appearance(igraph_vector_int_t *memb, igraph_integer_t *scratch)
{
    igraph_integer_t n = igraph_vector_int_size(memb), k = 0;
    for (igraph_integer_t i = 0; i < n; i++)
        scratch[i] = -1;
    for (igraph_integer_t i = 0; i < n; i++) {
        igraph_integer_t c = VECTOR(*memb)[i];
        if (scratch[c] < 0)
            scratch[c] = k++;
        VECTOR(*memb)[i] = scratch[c];
    }
    return k;
}

/* NMI and ARI between communities and grouping over the grouped actors. */
static bm_status compare_with_grouping(const igraph_vector_int_t *memb, const bm_grouping *g,
                                       double *nmi, double *ari)
{
    bm_status st = BM_OK;
    igraph_integer_t n = igraph_vector_int_size(memb);
    igraph_vector_int_t c1, c2;
    *nmi = *ari = NAN;
    if (!g)
        return BM_OK;
    if (igraph_vector_int_init(&c1, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (igraph_vector_int_init(&c2, 0)) {
        igraph_vector_int_destroy(&c1);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (igraph_integer_t i = 0; i < n; i++) {
        if (g->of[i] < 0)
            continue;
        if (igraph_vector_int_push_back(&c1, VECTOR(*memb)[i]) ||
            igraph_vector_int_push_back(&c2, (igraph_integer_t)g->of[i])) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
    }
    igraph_integer_t ng = igraph_vector_int_size(&c1);
    /* Fewer than two grouped actors: no pair to agree on (igraph's Rand
     * index refuses them) and both partitions are trivially one block. */
    if (ng < 2)
        goto done;
    int one1 = igraph_vector_int_min(&c1) == igraph_vector_int_max(&c1);
    int one2 = igraph_vector_int_min(&c2) == igraph_vector_int_max(&c2);
    double x = NAN, y = NAN;
    BM_IG(igraph_compare_communities(&c1, &c2, &x, IGRAPH_COMMCMP_NMI), "NMI");
    BM_IG(igraph_compare_communities(&c1, &c2, &y, IGRAPH_COMMCMP_ADJUSTED_RAND), "ARI");
    /* NMI = 2 I / (H1 + H2): 0/0 when both partitions are one block (igraph
     * returns 1 there; undefined is NaN in bridgemap). The ARI's
     * 1 - expected is 0 when both are one block or both all singletons, and
     * igraph's division then gives NaN already. */
    *nmi = one1 && one2 ? NAN : nan_if_nan(x);
    *ari = nan_if_nan(y);
done:
    igraph_vector_int_destroy(&c1);
    igraph_vector_int_destroy(&c2);
    return st;
}

bm_status bm_i_communities(const bm_network *net, const bm_grouping *g, int unweighted,
                           unsigned long seed, long *membership, size_t *count, double *nmi,
                           double *ari)
{
    bm_status st = BM_OK;
    const igraph_t *ug = net->ug;
    igraph_vector_t w, strength;
    igraph_vector_int_t memb;
    igraph_integer_t *scratch = NULL, n = (igraph_integer_t)net->n_actors, k = 0;
    double nmi_v = NAN, ari_v = NAN;
    if (igraph_vector_init(&w, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (igraph_vector_init(&strength, 0)) {
        igraph_vector_destroy(&w);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    if (igraph_vector_int_init(&memb, n)) {
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&strength);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    scratch = malloc((size_t)(n ? n : 1) * sizeof *scratch);
    if (!scratch) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    if (igraph_vector_update(&w, net->uw) != IGRAPH_SUCCESS) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    if (unweighted)
        igraph_vector_fill(&w, 1.0);
    double total = igraph_vector_sum(&w);

    if (total > 0) {
        /* Modularity through igraph's CPM objective: with node weights k_i
         * (strength) and resolution 1/(2m), CPM's sum_ij (A_ij - gamma k_i k_j)
         * delta is 2m Q (Traag et al. 2019; igraph_community_leiden docs). */
        BM_IG(igraph_strength(ug, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w),
              "strength");
        double resolution = 1.0 / (2.0 * total);
        /* A fixed 10 iterations, each restarting from the previous partition
         * (one call with n_iterations = 10). Not "until stable" (an iteration
         * that moves no node): on small networks that stops after 2-6
         * iterations although later ones, exploring nodes in another random
         * order, still improve (Lazega advice, seed 1: Q 0.2984 when stable
         * after 2, 0.3059 after 10); at 1M ties it took 51 iterations and
         * 45-60 s for Q 0.81713, against 0.81686 and ~10 s after 10. A fixed
         * count also bounds the time and avoids 0.10.2's hang with
         * n_iterations < 0. Seeding here makes the result depend only on the
         * seed, not on whatever used igraph's global RNG before. */
        igraph_integer_t nc = 0;
        igraph_real_t quality = 0;
        igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
        BM_IG(igraph_community_leiden(ug, &w, &strength, resolution, LEIDEN_BETA, 0,
                                      BM_LEIDEN_ITERATIONS, &memb, &nc, &quality),
              "Leiden communities");
        k = first_appearance(&memb, scratch);
    } else {
        /* No tie (or the null graph): nothing to join, every actor is its own
         * community, as Leiden would leave them (resolution 1/(2m) would be
         * infinite). */
        for (igraph_integer_t i = 0; i < n; i++)
            VECTOR(memb)[i] = i;
        k = n;
    }
    if ((st = compare_with_grouping(&memb, g, &nmi_v, &ari_v)) != BM_OK)
        goto done;
    if (membership)
        for (igraph_integer_t i = 0; i < n; i++)
            membership[i] = (long)VECTOR(memb)[i];
    if (count)
        *count = (size_t)k;
    if (nmi)
        *nmi = nmi_v;
    if (ari)
        *ari = ari_v;
done:
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&strength);
    igraph_vector_int_destroy(&memb);
    free(scratch);
    return st;
}

bm_status bm_i_compare_partition(const long *membership, size_t n, const bm_grouping *g, double *nmi,
                                 double *ari)
{
    igraph_vector_int_t memb;
    if (igraph_vector_int_init(&memb, (igraph_integer_t)n))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (size_t i = 0; i < n; i++)
        VECTOR(memb)[i] = (igraph_integer_t)membership[i];
    bm_status st = compare_with_grouping(&memb, g, nmi, ari);
    igraph_vector_int_destroy(&memb);
    return st;
}
