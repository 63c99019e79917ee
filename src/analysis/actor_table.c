/* actor_table.c: the actor table: the actor's id and attributes, then every
 * actor measure, assembled from the standard centralities of igraph (called
 * here), the shortest-path pass (measure/paths.c), structural holes,
 * brokerage, composition and communities.
 *
 * Each igraph measure is one call; the comment beside it cites the
 * definition and says how weights and direction enter.
 * Collaboration weight is strength: path-based measures (betweenness,
 * closeness, harmonic) use distance = 1/weight; eigenvector and PageRank use
 * the weight itself. With --unweighted every tie counts 1. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/measures.h"
#include "internal.h"
#include "communities.h"
#include "holes.h"
#include "paths.h"


static bm_status add_vec(bm_table *t, const char *name, const igraph_vector_t *v,
                         const char *desc, const char *cite)
{
    return bm_table_add_number(t, name, VECTOR(*v), desc, cite);
}

bm_status bm_measures_actors(bm_table **out, const bm_network *net, const bm_measure_options *opt)
{
    return bm_i_actor_table(out, net, opt, NULL);
}

bm_status bm_i_actor_table(bm_table **out, const bm_network *net, const bm_measure_options *opt,
                           const bm_i_cache *cache)
{
    bm_status st = BM_OK;
    bm_table *t = NULL;
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g);
    int directed = net->directed;
    int unweighted = opt && opt->unweighted;
    igraph_vector_t res;
    igraph_vector_int_t ires;
    const igraph_t *ug = net->ug;
    const igraph_vector_t *w = unweighted ? NULL : &net->weight;
    double *tmp = NULL, *betweenness = NULL;
    bm_paths own_paths;
    const bm_paths *paths = cache ? cache->paths : NULL;
    memset(&own_paths, 0, sizeof own_paths);
    *out = NULL;

    if (igraph_vector_init(&res, n) || igraph_vector_int_init(&ires, n))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    tmp = malloc((size_t)(n ? n : 1) * sizeof *tmp);
    if (!tmp || (st = bm_table_new(&t, "actors", (size_t)n)) != BM_OK) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }

    /* id and attributes, as given */
    if ((st = bm_table_add_text(t, "id", (const char *const *)net->ids, "actor id", "")) != BM_OK)
        goto done;
    for (size_t k = 0; k < net->n_attr; k++)
        if ((st = bm_table_add_text(t, net->attr_names[k], (const char *const *)net->attr_values[k],
                                    "attribute from the actors file", "")) != BM_OK)
            goto done;

    /* Degree: number of ties; directed: in + out arcs (igraph mode ALL). */
    BM_IG(igraph_degree(g, &ires, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS), "degree");
    for (igraph_integer_t i = 0; i < n; i++)
        tmp[i] = (double)VECTOR(ires)[i];
    if ((st = bm_table_add_number(t, "degree", tmp, "number of ties (directed: in + out arcs)",
                                  "igraph_degree")) != BM_OK)
        goto done;
    if (directed) {
        BM_IG(igraph_degree(g, &ires, igraph_vss_all(), IGRAPH_IN, IGRAPH_NO_LOOPS), "in-degree");
        for (igraph_integer_t i = 0; i < n; i++)
            tmp[i] = (double)VECTOR(ires)[i];
        if ((st = bm_table_add_number(t, "in_degree", tmp, "arcs received", "igraph_degree")) != BM_OK)
            goto done;
        BM_IG(igraph_degree(g, &ires, igraph_vss_all(), IGRAPH_OUT, IGRAPH_NO_LOOPS), "out-degree");
        for (igraph_integer_t i = 0; i < n; i++)
            tmp[i] = (double)VECTOR(ires)[i];
        if ((st = bm_table_add_number(t, "out_degree", tmp, "arcs sent", "igraph_degree")) != BM_OK)
            goto done;
    } else if ((st = bm_table_add_number(t, "in_degree", NULL, "arcs received (directed only)",
                                         "igraph_degree")) != BM_OK ||
               (st = bm_table_add_number(t, "out_degree", NULL, "arcs sent (directed only)",
                                         "igraph_degree")) != BM_OK) {
        goto done;
    }

    /* Strength: sum of tie weights (Barrat et al. 2004), mode ALL. */
    BM_IG(igraph_strength(g, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, w), "strength");
    if ((st = add_vec(t, "strength", &res, "sum of tie weights (directed: in + out)",
                      "Barrat et al. (2004) PNAS 101:3747; igraph_strength")) != BM_OK)
        goto done;

    /* Betweenness: Brandes (2001) J. Math. Sociol. 25:163, shortest paths with
     * distance 1/weight; undirected pairs counted once. Normalised as
     * NetworkX does: x 2/((n-1)(n-2)) undirected, x 1/((n-1)(n-2)) directed.
     * Closeness: 1 / sum of distances to the actors reachable from i
     * (igraph 0.10 convention; directed: outgoing paths); NaN for isolates.
     * Freeman (1979) Social Networks 1:215. Harmonic centrality: sum over
     * others of 1/d, 0 when unreachable (Marchiori & Latora 2000, Physica A
     * 285:539); directed: outgoing. All three from one pass of searches
     * (measure/paths.c), exact or sampled with a stated error. */
    if (!paths) {
        if ((st = bm_i_paths_for(&own_paths, net, opt, 1, 1, 0, NULL, 0)) != BM_OK)
            goto done;
        paths = &own_paths;
    }
    {
        char bdesc[200], cdesc[200], hdesc[200];
        if (paths->sampled) {
            if (paths->betweenness_from_sources)
                snprintf(bdesc, sizeof bdesc,
                         "shortest paths through the actor (distance = 1/weight); estimated from %zu "
                         "sampled sources per component, within %g x n(n-1) with probability %g",
                         paths->source_sample, paths->epsilon, 1 - paths->delta);
            else
                snprintf(bdesc, sizeof bdesc,
                         "shortest paths through the actor (distance = 1/weight); estimated from %zu "
                         "sampled paths, within %g x n(n-1) with probability %g",
                         paths->betweenness_samples, paths->epsilon, 1 - paths->delta);
            snprintf(cdesc, sizeof cdesc,
                     "1 / sum of distances to reachable actors (distance = 1/weight); estimated from "
                     "%zu sampled sources per component", paths->source_sample);
            snprintf(hdesc, sizeof hdesc,
                     "sum of 1/distance to every other actor; estimated from %zu sampled sources per "
                     "component", paths->source_sample);
        } else {
            snprintf(bdesc, sizeof bdesc, "shortest paths through the actor (distance = 1/weight)");
            snprintf(cdesc, sizeof cdesc, "1 / sum of distances to reachable actors (distance = 1/weight)");
            snprintf(hdesc, sizeof hdesc, "sum of 1/distance to every other actor");
        }
        const char *bcite = !paths->sampled ? "Brandes (2001) J. Math. Sociol. 25:163"
                            : paths->betweenness_from_sources
                                ? "Brandes (2001); estimated as Brandes & Pich (2007) Int. J. Bifurcation "
                                  "and Chaos 17:2303, bound by Hoeffding (1963)"
                                : "Brandes (2001); estimated as Riondato & Kornaropoulos (2016) Data Min. "
                                  "Knowl. Disc. 30:438";
        if ((st = bm_table_add_number(t, "betweenness", paths->betweenness, bdesc, bcite)) != BM_OK)
            goto done;
        betweenness = malloc((size_t)(n ? n : 1) * sizeof *betweenness);
        if (!betweenness) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        for (igraph_integer_t i = 0; i < n; i++) {
            double scale = n > 2 ? (directed ? 1.0 : 2.0) / ((double)(n - 1) * (double)(n - 2)) : NAN;
            betweenness[i] = paths->betweenness[i];
            tmp[i] = paths->betweenness[i] * scale;
        }
        if ((st = bm_table_add_number(t, "betweenness_norm", tmp,
                                      "betweenness / number of pairs of other actors",
                                      "Freeman (1977) Sociometry 40:35; NetworkX normalized=True")) != BM_OK ||
            (st = bm_table_add_number(t, "closeness", paths->closeness, cdesc,
                                      paths->sampled ? "Freeman (1979); estimated as Eppstein & Wang (2004) "
                                                       "J. Graph Algorithms Appl. 8:39"
                                                     : "Freeman (1979) Social Networks 1:215; igraph_closeness")) != BM_OK ||
            (st = bm_table_add_number(t, "harmonic", paths->harmonic, hdesc,
                                      "Marchiori & Latora (2000) Physica A 285:539; "
                                      "igraph_harmonic_centrality")) != BM_OK)
            goto done;
    }

    /* Eigenvector centrality (Bonacich 1987, AJS 92:1170), weighted, scaled to
     * maximum 1 as igraph does; directed: in-edges (left eigenvector). */
    if (n > 0) {
        igraph_real_t value;
        igraph_arpack_options_t arpack;
        igraph_arpack_options_init(&arpack);
        BM_IG(igraph_eigenvector_centrality(g, &res, &value, directed, 1, w, &arpack), "eigenvector");
    }
    if ((st = add_vec(t, "eigenvector", &res, "leading eigenvector, scaled so the maximum is 1",
                      "Bonacich (1987) AJS 92:1170; igraph_eigenvector_centrality")) != BM_OK)
        goto done;

    /* PageRank (Brin & Page 1998), damping 0.85, weighted, PRPACK solver. */
    if (n > 0) {
        igraph_real_t value;
        BM_IG(igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                              directed, 0.85, w, NULL), "pagerank");
    }
    if ((st = add_vec(t, "pagerank", &res, "PageRank, damping 0.85, weighted",
                      "Brin & Page (1998); igraph_pagerank (PRPACK)")) != BM_OK)
        goto done;

    /* Coreness: k-core number (Batagelj & Zaversnik 2003, arXiv cs/0310049),
     * unweighted, on the undirected view: in a directed network a mutual pair
     * is one contact (igraph's mode ALL on the directed graph would count it
     * twice and give cores larger than the number of contacts). */
    BM_IG(igraph_coreness(ug, &ires, IGRAPH_ALL), "coreness");
    for (igraph_integer_t i = 0; i < n; i++)
        tmp[i] = (double)VECTOR(ires)[i];
    if ((st = bm_table_add_number(t, "coreness", tmp, "largest k such that the actor is in the k-core",
                                  "Batagelj & Zaversnik (2003); igraph_coreness")) != BM_OK)
        goto done;

    /* Local clustering (Watts & Strogatz 1998, Nature 393:440), unweighted,
     * on the undirected view; NaN with fewer than two neighbours. */
    BM_IG(igraph_transitivity_local_undirected(ug, &res, igraph_vss_all(), IGRAPH_TRANSITIVITY_NAN),
          "clustering");
    if ((st = add_vec(t, "clustering", &res, "share of pairs of the actor's contacts that are tied",
                      "Watts & Strogatz (1998) Nature 393:440; igraph_transitivity_local_undirected")) != BM_OK)
        goto done;

    /* Burt (1992) structural holes: constraint, effective size, efficiency,
     * hierarchy (holes.c). */
    {
        double *h = malloc(3 * (size_t)(n ? n : 1) * sizeof *h);
        if (!h) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        double *es = h, *ef = h + (n ? n : 1), *hi = h + 2 * (n ? n : 1);
        st = bm_i_structural_holes(net, unweighted, tmp, es, ef, hi);
        if (st == BM_OK)
            st = bm_table_add_number(t, "constraint", tmp,
                                     "how much the actor's contacts are tied to each other (Burt)",
                                     "Burt (1992) Structural Holes ch. 2");
        if (st == BM_OK)
            st = bm_table_add_number(t, "effective_size", es, "contacts that are not redundant",
                                     "Burt (1992); Borgatti (1997) Connections 20:35");
        if (st == BM_OK)
            st = bm_table_add_number(t, "efficiency", ef, "effective size / number of contacts",
                                     "Burt (1992)");
        if (st == BM_OK)
            st = bm_table_add_number(t, "hierarchy", hi,
                                     "how much the constraint comes from one contact",
                                     "Burt (1992) pp. 70-71");
        free(h);
        if (st != BM_OK)
            goto done;
    }

    /* E-I of the ego, participation, Blau, IQV (bridging.c). */
    if (opt && opt->grouping && (st = bm_i_add_composition_columns(t, net, opt->grouping, NULL)) != BM_OK)
        goto done;

    /* Bridging centrality (Hwang et al. 2006) and articulation points. */
    if ((st = bm_i_bridging_centrality(net, betweenness, tmp)) != BM_OK ||
        (st = bm_table_add_number(t, "bridging_centrality", tmp,
                                  "betweenness x bridging coefficient (low degree among high-degree contacts)",
                                  "Hwang et al. (2006)")) != BM_OK ||
        (st = bm_i_articulation(net, tmp)) != BM_OK ||
        (st = bm_table_add_number(t, "articulation", tmp,
                                  "1 when removing the actor disconnects its component",
                                  "Hopcroft & Tarjan (1973); igraph_articulation_points")) != BM_OK)
        goto done;

    /* Communities: Leiden optimising modularity, seeded (communities.c);
     * numbered by first appearance in actor order. */
    {
        long *memb = NULL;
        const long *found = cache ? cache->community : NULL;
        if (!found) {
            memb = malloc((size_t)(n ? n : 1) * sizeof *memb);
            if (!memb) {
                st = bm_error_set(BM_EINTERNAL, "out of memory");
                goto done;
            }
            size_t count = 0;
            st = bm_i_communities(net, opt ? opt->grouping : NULL, unweighted, opt ? opt->seed : 1, memb,
                                  &count, NULL, NULL);
            found = memb;
        }
        for (igraph_integer_t i = 0; i < n && st == BM_OK; i++)
            tmp[i] = (double)found[i];
        free(memb);
        if (st == BM_OK)
            st = bm_table_add_number(t, "community", tmp,
                                     "community found by Leiden (modularity), numbered from 0",
                                     "Traag, Waltman & van Eck (2019) Sci. Rep. 9:5233");
        if (st != BM_OK)
            goto done;
    }

    /* Gould-Fernandez brokerage roles for the grouping (brokerage.c). */
    if (opt && opt->grouping && (st = bm_i_add_brokerage_columns(t, net, opt->grouping, NULL)) != BM_OK)
        goto done;

done:
    igraph_vector_destroy(&res);
    igraph_vector_int_destroy(&ires);
    free(tmp);
    free(betweenness);
    bm_i_paths_free(&own_paths);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}
