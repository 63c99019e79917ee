/* summary_table.c: the one-row table of network-level figures
 * (summary.json): size, density, components, transitivity, distances,
 * centralisation, the E-I index against chance, modularity and assortativity
 * of the grouping, the communities found and how the path measures were
 * obtained. It assembles what the measure modules compute. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/measures.h"
#include "internal.h"
#include "communities.h"
#include "paths.h"

bm_status bm_measures_summary(bm_table **out, const bm_network *net, const bm_measure_options *opt)
{
    return bm_i_summary_table(out, net, opt, NULL);
}

bm_status bm_i_summary_table(bm_table **out, const bm_network *net, const bm_measure_options *opt,
                             const bm_i_cache *cache)
{
    bm_status st = BM_OK;
    bm_table *t = NULL;
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g);
    int unweighted = opt && opt->unweighted;
    igraph_vector_int_t memb, csize;
    const igraph_t *ug = net->ug;
    double x;
    *out = NULL;
    if (igraph_vector_int_init(&memb, 0) || igraph_vector_int_init(&csize, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if ((st = bm_table_new(&t, "summary", 1)) != BM_OK)
        goto done;
#define ADD(name, value, desc, cite)                                           \
    do {                                                                       \
        double v_ = (value);                                                   \
        if ((st = bm_table_add_number(t, name, &v_, desc, cite)) != BM_OK)     \
            goto done;                                                         \
    } while (0)

    ADD("nodes", (double)n, "actors", "");
    ADD("ties", (double)igraph_ecount(g), "ties (directed: arcs)", "");
    ADD("directed", net->directed ? 1.0 : 0.0, "1 when ties are directed", "");
    /* Density: ties / possible ties, n(n-1)/2 undirected, n(n-1) directed. */
    x = NAN;
    if (n > 1)
        BM_IG(igraph_density(g, &x, 0), "density");
    ADD("density", x, "ties / possible ties", "Wasserman & Faust (1994) 4.2");
    igraph_integer_t ncomp = 0;
    BM_IG(igraph_connected_components(g, &memb, &csize, &ncomp, IGRAPH_WEAK), "components");
    ADD("components", (double)ncomp, "connected components (directed: weak); isolates count", "");
    /* Transitivity: 3 x triangles / connected triples (Wasserman & Faust
     * 1994), on the undirected view; NaN without any connected triple. */
    x = NAN;
    BM_IG(igraph_transitivity_undirected(ug, &x, IGRAPH_TRANSITIVITY_NAN), "transitivity");
    ADD("transitivity", x, "share of connected triples that are closed", "igraph_transitivity_undirected");
    /* Mean distance over ordered reachable pairs and diameter (the longest
     * of them), distance = 1/weight, from the shortest-path pass (paths.c). */
    {
        bm_paths own;
        const bm_paths *p = cache ? cache->paths : NULL;
        memset(&own, 0, sizeof own);
        if (!p) {
            if ((st = bm_i_paths_for(&own, net, opt, 0, 0, 1, NULL, 0)) != BM_OK) {
                bm_i_paths_free(&own);
                goto done;
            }
            p = &own;
        }
        double mean = p->mean_distance, diam = p->diameter;
        int sampled_paths = p->sampled;
        double eps = p->epsilon, delta = p->delta, vd = p->vertex_diameter;
        double sources = (double)p->source_sample, samples = (double)p->betweenness_samples;
        int bc_sources = p->betweenness_from_sources;
        double geps = p->group_betweenness_epsilon;
        bm_i_paths_free(&own);
        ADD("mean_distance", mean,
            sampled_paths ? "mean shortest-path length over connected pairs (distance = 1/weight), "
                            "estimated from sampled sources"
                          : "mean shortest-path length over connected pairs (distance = 1/weight)",
            "igraph_average_path_length_dijkstra");
        ADD("diameter", diam,
            sampled_paths ? "longest shortest path the sampled searches met (a lower bound)"
                          : "longest shortest path between connected actors (distance = 1/weight)",
            "igraph_diameter_dijkstra");
        /* How the path measures were obtained (README, "Scale"): exact, or
         * sampled with the bound (epsilon, delta) and the sample sizes. */
        const char *method = sampled_paths ? "sampled" : "exact";
        if ((st = bm_table_add_text(t, "path_measures", &method,
                                    "exact, or sampled with the error bound below", "")) != BM_OK)
            goto done;
        ADD("epsilon", sampled_paths ? eps : NAN,
            "sampled: bound on the error of betweenness / (n(n-1)), of each actor's mean distance "
            "(x the component's diameter) and, as group_betweenness_epsilon, of group betweenness",
            "Riondato & Kornaropoulos (2016); Brandes & Pich (2007); Eppstein & Wang (2004)");
        ADD("delta", sampled_paths ? delta : NAN, "sampled: the bounds fail with probability at most delta", "");
        const char *bmethod = !sampled_paths ? "exact" : bc_sources ? "sampled sources" : "sampled paths";
        if ((st = bm_table_add_text(t, "betweenness_method", &bmethod,
                                    "exact; sampled sources: the dependencies of the sampled sources "
                                    "(below), weighted up; sampled paths: one shortest path per "
                                    "sampled pair",
                                    "Brandes & Pich (2007); Riondato & Kornaropoulos (2016)")) != BM_OK)
            goto done;
        ADD("betweenness_samples", sampled_paths ? (bc_sources ? sources : samples) : NAN,
            "sampled: sources searched per component (sampled sources) or shortest paths drawn "
            "(sampled paths) for betweenness",
            bc_sources ? "Brandes & Pich (2007), Hoeffding (1963)" : "Riondato & Kornaropoulos (2016)");
        ADD("vertex_diameter_bound", sampled_paths && !bc_sources ? vd : NAN,
            "sampled paths: the bound on the most actors on one shortest path that set "
            "betweenness_samples",
            "Riondato & Kornaropoulos (2016)");
        ADD("sources_per_component", sampled_paths ? sources : NAN,
            "sampled: searches per connected component for closeness, harmonic, distances and group "
            "betweenness (smaller components are searched from every actor)",
            "Eppstein & Wang (2004)");
        ADD("group_betweenness_epsilon", sampled_paths && opt && opt->grouping ? geps : NAN,
            "sampled: bound on the error of every group's group_betweenness", "Hoeffding (1963)");
    }

    /* Freeman (1979) centralisation: sum over actors of (max - value),
     * divided by its largest possible value (a star). Degree on the
     * undirected view: (n-1)(n-2). Betweenness (weighted, raw):
     * (n-1)^2 (n-2) / 2 undirected, (n-1)^2 (n-2) directed. NaN for n < 3. */
    {
        double dc = NAN, bc = NAN;
        if (n >= 3) {
            igraph_vector_int_t deg;
            igraph_vector_t btw;
            if (igraph_vector_int_init(&deg, 0) || igraph_vector_init(&btw, n)) {
                st = bm_error_set(BM_EINTERNAL, "out of memory");
                goto done;
            }
            igraph_error_t err = igraph_degree(ug, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
            long bcol = opt && opt->actors ? bm_table_find(opt->actors, "betweenness") : -1;
            if (!err && bcol >= 0) {
                for (igraph_integer_t i = 0; i < n; i++)
                    VECTOR(btw)[i] = bm_table_number(opt->actors, (size_t)bcol, (size_t)i);
            } else if (!err) {
                bm_paths bp;
                if ((st = bm_i_paths_for(&bp, net, opt, 1, 0, 0, NULL, 0)) == BM_OK)
                    for (igraph_integer_t i = 0; i < n; i++)
                        VECTOR(btw)[i] = bp.betweenness[i];
                bm_i_paths_free(&bp);
            }
            if (!err && st == BM_OK) {
                double dmax = (double)igraph_vector_int_max(&deg), bmax = igraph_vector_max(&btw);
                double dsum = 0, bsum = 0, nn = (double)n;
                for (igraph_integer_t i = 0; i < n; i++) {
                    dsum += dmax - (double)VECTOR(deg)[i];
                    bsum += bmax - VECTOR(btw)[i];
                }
                dc = dsum / ((nn - 1) * (nn - 2));
                bc = bsum / ((nn - 1) * (nn - 1) * (nn - 2) / (net->directed ? 1.0 : 2.0));
            }
            igraph_vector_int_destroy(&deg);
            igraph_vector_destroy(&btw);
            if (st != BM_OK)
                goto done;
            if (err) {
                st = bm_igraph_fail(err, "centralisation");
                goto done;
            }
        }
        ADD("degree_centralisation", dc, "how much one actor dominates the ties (star = 1)",
            "Freeman (1979) Social Networks 1:215");
        ADD("betweenness_centralisation", bc, "how much one actor dominates the shortest paths (star = 1)",
            "Freeman (1979) Social Networks 1:215");
    }

    if (opt && opt->grouping) {
        const bm_grouping *gr = opt->grouping;
        bm_ei_stats es;
        size_t perms = opt->permutations ? opt->permutations : 10000;
        if ((st = bm_i_ei_statistics(net, gr, opt->seed, perms, opt->jobs, &es)) != BM_OK)
            goto done;
        ADD("groups", (double)gr->n_groups, "groups of the grouping", "");
        ADD("ei_index", es.ei, "(ties between groups - ties within) / all ties between grouped actors",
            "Krackhardt & Stern (1988)");
        ADD("ei_rescaled", es.rescaled, "E-I placed in its attainable range given the ties and group sizes",
            "UCINET rescaled E-I");
        ADD("ei_expected", es.expected, "E-I index if ties fell at random given group sizes",
            "Krackhardt & Stern (1988); UCINET");
        ADD("ei_p_value", es.p_value,
            "share of label permutations with an E-I at most the observed (more closed than chance)",
            "UCINET E-I permutation test");
        ADD("ei_p_value_two_sided", es.p_value_two_sided,
            "share of permutations at least as far from their mean as the observed E-I",
            "UCINET E-I permutation test");
        ADD("permutations", (double)es.permutations, "label permutations of the E-I test", "");
        ADD("yules_q", es.yules_q, "Yule's Q of (tie, no tie) x (same, different group) over pairs",
            "Yule (1900)");
        double q = NAN, r = NAN;
        if ((st = bm_i_grouping_modularity(net, gr, unweighted, &q)) != BM_OK ||
            (st = bm_i_grouping_assortativity(net, gr, &r)) != BM_OK)
            goto done;
        ADD("modularity", q, "Newman modularity of the grouping, weighted", "Newman (2006) PNAS 103:8577");
        ADD("assortativity", r, "nominal assortativity of the grouping", "Newman (2003) Phys. Rev. E 67:026126");
    }
    /* Communities found by Leiden and their agreement with the grouping.
     * The same seed gives the same partition as the actors' community column. */
    {
        double nmi = NAN, ari = NAN;
        size_t count = 0;
        long *found = malloc((size_t)(n ? n : 1) * sizeof *found);
        if (!found) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        /* Reuse the actor table's community column when given (the same
         * seed gave it), rather than running Leiden a second time. */
        long ccol = opt && opt->actors && bm_table_rows(opt->actors) == (size_t)n
                        ? bm_table_find(opt->actors, "community")
                        : -1;
        if (cache && cache->community) {
            memcpy(found, cache->community, (size_t)n * sizeof *found);
            count = cache->n_communities;
            nmi = cache->nmi;
            ari = cache->ari;
        } else if (ccol >= 0) {
            for (igraph_integer_t i = 0; i < n; i++) {
                found[i] = (long)bm_table_number(opt->actors, (size_t)ccol, (size_t)i);
                if ((size_t)found[i] + 1 > count)
                    count = (size_t)found[i] + 1;
            }
            st = bm_i_compare_partition(found, (size_t)n, opt->grouping, &nmi, &ari);
        } else {
            st = bm_i_communities(net, opt ? opt->grouping : NULL, unweighted, opt ? opt->seed : 1,
                                  found, &count, &nmi, &ari);
        }
        free(found);
        if (st != BM_OK)
            goto done;
        ADD("communities", (double)count, "communities found by Leiden", "Traag et al. (2019)");
        if (opt && opt->grouping) {
            ADD("nmi_with_grouping", nmi, "normalised mutual information of communities and grouping",
                "Danon et al. (2005) J. Stat. Mech. P09008");
            ADD("ari_with_grouping", ari, "adjusted Rand index of communities and grouping",
                "Hubert & Arabie (1985) J. Classif. 2:193");
        }
    }
#undef ADD
done:
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&csize);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}
