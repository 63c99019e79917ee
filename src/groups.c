/* groups.c: the grouping-based measures (E-I index) and the group, tie and
 * network summary tables.
 *
 * E-I index: Krackhardt, D. & Stern, R. N. (1988). Informal networks and
 * organizational crises: an experimental simulation. Social Psychology
 * Quarterly 51(2):123-140. EI = (E - I) / (E + I), E ties to other groups,
 * I ties inside the group; -1 all ties inside, +1 all ties outside.
 * Conventions (MEASURES.md): ties are counted on the undirected view (a pair
 * with a tie in either direction is one tie, OR-symmetrised), unweighted;
 * actors whose group cell is empty are left out of every E-I count; the group
 * E-I is UCINET's members' side, where an internal tie counts once for each
 * member: (ext - 2 int) / (ext + 2 int) (Hanneman & Riddle 2005, ch. 8). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/measures.h"
#include "internal.h"

static double ei(double e, double i) { return e + i > 0 ? (e - i) / (e + i) : NAN; }

bm_status bm_i_actor_ei(const bm_network *net, const bm_grouping *grouping, double *out);

bm_status bm_i_actor_ei(const bm_network *net, const bm_grouping *grouping, double *out)
{
    bm_status st = BM_OK;
    igraph_t ug;
    igraph_vector_t w;
    size_t n = net->n_actors;
    double *ext = calloc(n ? n : 1, sizeof *ext), *in = calloc(n ? n : 1, sizeof *in);
    if (!ext || !in || igraph_vector_init(&w, 0)) {
        free(ext);
        free(in);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    if ((st = bm_undirected_view(net, &ug, &w)) != BM_OK)
        goto done;
    for (igraph_integer_t e = 0; e < igraph_ecount(&ug); e++) {
        size_t a = (size_t)IGRAPH_FROM(&ug, e), b = (size_t)IGRAPH_TO(&ug, e);
        long ga = grouping->of[a], gb = grouping->of[b];
        if (ga < 0 || gb < 0)
            continue;
        double *c = ga == gb ? in : ext;
        c[a] += 1;
        c[b] += 1;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = grouping->of[i] < 0 ? NAN : ei(ext[i], in[i]);
    igraph_destroy(&ug);
done:
    igraph_vector_destroy(&w);
    free(ext);
    free(in);
    return st;
}

/* Internal and external tie counts per group, and the network's totals. */
typedef struct ei_counts {
    double *internal, *external; /* per group */
    double within, between;      /* network */
} ei_counts;

static bm_status count_ties(const bm_network *net, const bm_grouping *grouping, ei_counts *c)
{
    bm_status st = BM_OK;
    igraph_t ug;
    igraph_vector_t w;
    size_t k = grouping->n_groups;
    c->internal = calloc(k ? k : 1, sizeof *c->internal);
    c->external = calloc(k ? k : 1, sizeof *c->external);
    c->within = c->between = 0;
    if (!c->internal || !c->external || igraph_vector_init(&w, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if ((st = bm_undirected_view(net, &ug, &w)) == BM_OK) {
        for (igraph_integer_t e = 0; e < igraph_ecount(&ug); e++) {
            long ga = grouping->of[IGRAPH_FROM(&ug, e)], gb = grouping->of[IGRAPH_TO(&ug, e)];
            if (ga < 0 || gb < 0)
                continue;
            if (ga == gb) {
                c->internal[ga] += 1;
                c->within += 1;
            } else {
                c->external[ga] += 1;
                c->external[gb] += 1;
                c->between += 1;
            }
        }
        igraph_destroy(&ug);
    }
    igraph_vector_destroy(&w);
    return st;
}

bm_status bm_measures_groups(bm_table **out, const bm_network *net, const bm_measure_options *opt)
{
    bm_status st = BM_OK;
    bm_table *t = NULL;
    ei_counts c = {0};
    double *col = NULL;
    *out = NULL;
    if (!opt || !opt->grouping)
        return bm_error_set(BM_EUSAGE, "group measures need a grouping (--group COLUMN)");
    const bm_grouping *g = opt->grouping;
    size_t k = g->n_groups;
    if ((st = count_ties(net, g, &c)) != BM_OK)
        goto done;
    if ((st = bm_table_new(&t, "groups", k)) != BM_OK)
        goto done;
    col = malloc((k ? k : 1) * sizeof *col);
    if (!col) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    if ((st = bm_table_add_text(t, "group", (const char *const *)g->names, "group name", "")) != BM_OK)
        goto done;
    for (size_t i = 0; i < k; i++)
        col[i] = (double)g->sizes[i];
    if ((st = bm_table_add_number(t, "size", col, "actors in the group", "")) != BM_OK ||
        (st = bm_table_add_number(t, "internal_ties", c.internal,
                                  "ties with both ends in the group", "")) != BM_OK ||
        (st = bm_table_add_number(t, "external_ties", c.external,
                                  "ties from a member to an actor of another group", "")) != BM_OK)
        goto done;
    /* Members' side (UCINET): each internal tie counts for both members. */
    for (size_t i = 0; i < k; i++)
        col[i] = ei(c.external[i], 2.0 * c.internal[i]);
    if ((st = bm_table_add_number(t, "ei_index", col,
                                  "(external - internal) / (external + internal) ties of the members",
                                  "Krackhardt & Stern (1988); UCINET members' side")) != BM_OK)
        goto done;
    for (size_t i = 0; i < k; i++) {
        double s = (double)g->sizes[i];
        col[i] = s >= 2 ? c.internal[i] / (s * (s - 1) / 2.0) : NAN;
    }
    if ((st = bm_table_add_number(t, "density", col,
                                  "internal ties / possible pairs inside the group", "")) != BM_OK)
        goto done;
done:
    free(col);
    free(c.internal);
    free(c.external);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t pair_key(igraph_integer_t a, igraph_integer_t b)
{
    return a < b ? ((uint64_t)a << 32) | (uint64_t)b : ((uint64_t)b << 32) | (uint64_t)a;
}

bm_status bm_measures_ties(bm_table **out, const bm_network *net, const bm_measure_options *opt)
{
    bm_status st = BM_OK;
    bm_table *t = NULL;
    size_t m = (size_t)igraph_ecount(&net->graph);
    char **src = NULL, **tgt = NULL;
    double *col = NULL;
    uint64_t *bridge_keys = NULL;
    igraph_vector_int_t bridges;
    igraph_t ug;
    igraph_vector_t w;
    *out = NULL;
    if (igraph_vector_int_init(&bridges, 0) || igraph_vector_init(&w, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    src = malloc((m ? m : 1) * sizeof *src);
    tgt = malloc((m ? m : 1) * sizeof *tgt);
    col = malloc((m ? m : 1) * sizeof *col);
    if (!src || !tgt || !col) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t e = 0; e < m; e++) {
        size_t a, b;
        bm_network_tie(net, e, &a, &b, NULL, NULL);
        src[e] = net->ids[a];
        tgt[e] = net->ids[b];
    }
    if ((st = bm_table_new(&t, "ties", m)) != BM_OK ||
        (st = bm_table_add_text(t, "source", (const char *const *)src, "actor id", "")) != BM_OK ||
        (st = bm_table_add_text(t, "target", (const char *const *)tgt, "actor id", "")) != BM_OK ||
        (st = bm_table_add_number(t, "weight", VECTOR(net->weight),
                                  "sum of the weights of the pair's records", "")) != BM_OK)
        goto done;
    for (size_t e = 0; e < m; e++)
        col[e] = (double)VECTOR(net->count)[e];
    if ((st = bm_table_add_number(t, "count", col, "number of records of the pair", "")) != BM_OK)
        goto done;
    const bm_grouping *g = opt ? opt->grouping : NULL;
    for (size_t e = 0; e < m; e++) {
        long ga = g ? g->of[IGRAPH_FROM(&net->graph, (igraph_integer_t)e)] : -1;
        long gb = g ? g->of[IGRAPH_TO(&net->graph, (igraph_integer_t)e)] : -1;
        col[e] = ga < 0 || gb < 0 ? NAN : (double)(ga != gb);
    }
    if ((st = bm_table_add_number(t, "cross_group", col,
                                  "1 when the two actors are in different groups", "")) != BM_OK)
        goto done;
    /* Bridge: a tie whose removal disconnects its component (Tarjan 1974),
     * on the undirected view. */
    if ((st = bm_undirected_view(net, &ug, &w)) != BM_OK)
        goto done;
    if (igraph_bridges(&ug, &bridges) != IGRAPH_SUCCESS) {
        igraph_destroy(&ug);
        st = bm_igraph_fail(IGRAPH_FAILURE, "bridges");
        goto done;
    }
    size_t nb = (size_t)igraph_vector_int_size(&bridges);
    bridge_keys = malloc((nb ? nb : 1) * sizeof *bridge_keys);
    if (!bridge_keys) {
        igraph_destroy(&ug);
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < nb; i++) {
        igraph_integer_t e = VECTOR(bridges)[i];
        bridge_keys[i] = pair_key(IGRAPH_FROM(&ug, e), IGRAPH_TO(&ug, e));
    }
    igraph_destroy(&ug);
    qsort(bridge_keys, nb, sizeof *bridge_keys, cmp_u64);
    for (size_t e = 0; e < m; e++) {
        uint64_t key = pair_key(IGRAPH_FROM(&net->graph, (igraph_integer_t)e),
                                IGRAPH_TO(&net->graph, (igraph_integer_t)e));
        col[e] = bsearch(&key, bridge_keys, nb, sizeof key, cmp_u64) != NULL;
    }
    if ((st = bm_table_add_number(t, "bridge", col,
                                  "1 when removing the tie disconnects its component",
                                  "Tarjan (1974); igraph_bridges")) != BM_OK)
        goto done;
done:
    igraph_vector_int_destroy(&bridges);
    igraph_vector_destroy(&w);
    free(bridge_keys);
    free(src);
    free(tgt);
    free(col);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}

/* ---- network summary ----------------------------------------------------- */

bm_status bm_measures_summary(bm_table **out, const bm_network *net, const bm_measure_options *opt)
{
    bm_status st = BM_OK;
    bm_table *t = NULL;
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g);
    int unweighted = opt && opt->unweighted;
    igraph_vector_t uw;
    igraph_vector_int_t memb, csize;
    igraph_t ug;
    int ug_ready = 0;
    ei_counts c = {0};
    double x;
    *out = NULL;
    if (igraph_vector_init(&uw, 0) ||
        igraph_vector_int_init(&memb, 0) || igraph_vector_int_init(&csize, 0))
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
    if ((st = bm_undirected_view(net, &ug, &uw)) != BM_OK)
        goto done;
    ug_ready = 1;
    x = NAN;
    BM_IG(igraph_transitivity_undirected(&ug, &x, IGRAPH_TRANSITIVITY_NAN), "transitivity");
    ADD("transitivity", x, "share of connected triples that are closed", "igraph_transitivity_undirected");
    /* Mean distance over ordered reachable pairs and diameter (the longest
     * of them), distance = 1/weight, from one all-pairs pass (paths.c). */
    {
        double mean = NAN, diam = NAN;
        if ((st = bm_i_path_measures(net, unweighted, NULL, NULL, &mean, &diam)) != BM_OK)
            goto done;
        ADD("mean_distance", mean, "mean shortest-path length over connected pairs (distance = 1/weight)",
            "igraph_average_path_length_dijkstra");
        ADD("diameter", diam, "longest shortest path between connected actors (distance = 1/weight)",
            "igraph_diameter_dijkstra");
    }

    if (opt && opt->grouping) {
        const bm_grouping *gr = opt->grouping;
        if ((st = count_ties(net, gr, &c)) != BM_OK)
            goto done;
        ADD("groups", (double)gr->n_groups, "groups of the grouping", "");
        ADD("ei_index", ei(c.between, c.within),
            "(ties between groups - ties within) / all ties between grouped actors",
            "Krackhardt & Stern (1988)");
        /* Expected E-I if ties fell at random: possible pairs between groups
         * against possible pairs within (UCINET's expected E-I). */
        double grouped = 0, p_int = 0;
        for (size_t k = 0; k < gr->n_groups; k++) {
            double s = (double)gr->sizes[k];
            grouped += s;
            p_int += s * (s - 1) / 2.0;
        }
        double p_ext = grouped * (grouped - 1) / 2.0 - p_int;
        ADD("ei_expected", ei(p_ext, p_int), "E-I index if ties fell at random given group sizes",
            "Krackhardt & Stern (1988); UCINET");
    }
#undef ADD
done:
    if (ug_ready)
        igraph_destroy(&ug);
    igraph_vector_destroy(&uw);
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&csize);
    free(c.internal);
    free(c.external);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}
