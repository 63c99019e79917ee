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
#include "communities.h"
#include "groupcent.h"
#include "paths.h"

static double ei(double e, double i) { return e + i > 0 ? (e - i) / (e + i) : NAN; }

bm_status bm_i_actor_ei(const bm_network *net, const bm_grouping *grouping, double *out);

bm_status bm_i_actor_ei(const bm_network *net, const bm_grouping *grouping, double *out)
{
    const igraph_t *ug = net->ug;
    size_t n = net->n_actors;
    double *ext = calloc(n ? n : 1, sizeof *ext), *in = calloc(n ? n : 1, sizeof *in);
    if (!ext || !in) {
        free(ext);
        free(in);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(ug); e++) {
        size_t a = (size_t)IGRAPH_FROM(ug, e), b = (size_t)IGRAPH_TO(ug, e);
        long ga = grouping->of[a], gb = grouping->of[b];
        if (ga < 0 || gb < 0)
            continue;
        double *c = ga == gb ? in : ext;
        c[a] += 1;
        c[b] += 1;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = grouping->of[i] < 0 ? NAN : ei(ext[i], in[i]);
    free(ext);
    free(in);
    return BM_OK;
}

/* Internal and external tie counts per group, and the network's totals. */
typedef struct ei_counts {
    double *internal, *external; /* per group */
    double *actor_external;      /* per actor: ties to other groups */
    double within, between;      /* network */
} ei_counts;

static bm_status count_ties(const bm_network *net, const bm_grouping *grouping, ei_counts *c)
{
    const igraph_t *ug = net->ug;
    size_t k = grouping->n_groups;
    c->internal = calloc(k ? k : 1, sizeof *c->internal);
    c->external = calloc(k ? k : 1, sizeof *c->external);
    c->actor_external = calloc(net->n_actors ? net->n_actors : 1, sizeof *c->actor_external);
    c->within = c->between = 0;
    if (!c->internal || !c->external || !c->actor_external)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (igraph_integer_t e = 0; e < igraph_ecount(ug); e++) {
        long ga = grouping->of[IGRAPH_FROM(ug, e)], gb = grouping->of[IGRAPH_TO(ug, e)];
        if (ga < 0 || gb < 0)
            continue;
        if (ga == gb) {
            c->internal[ga] += 1;
            c->within += 1;
        } else {
            c->external[ga] += 1;
            c->external[gb] += 1;
            c->actor_external[IGRAPH_FROM(ug, e)] += 1;
            c->actor_external[IGRAPH_TO(ug, e)] += 1;
            c->between += 1;
        }
    }
    return BM_OK;
}

bm_status bm_measures_groups(bm_table **out, const bm_network *net, const bm_measure_options *opt)
{
    return bm_i_groups_table(out, net, opt, NULL);
}

bm_status bm_i_groups_table(bm_table **out, const bm_network *net, const bm_measure_options *opt,
                            const bm_i_cache *cache)
{
    bm_status st = BM_OK;
    bm_table *t = NULL;
    ei_counts c = {0};
    double *col = NULL, *share = NULL;
    const char **top = NULL;
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

    /* Everett & Borgatti (1999) group degree, closeness and betweenness
     * (groupcent.c), as NetworkX defines them. */
    {
        double *gc = malloc(3 * (k ? k : 1) * sizeof *gc);
        if (!gc) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        double *gd = gc, *gcl = gc + (k ? k : 1), *gbt = gc + 2 * (k ? k : 1);
        /* group betweenness comes from the shortest-path pass (paths.c) */
        st = bm_i_group_centralities(net, g, opt->unweighted, gd, gcl, NULL);
        if (st == BM_OK && cache && cache->paths) {
            memcpy(gbt, cache->paths->group_betweenness[cache->level], (k ? k : 1) * sizeof *gbt);
        } else if (st == BM_OK) {
            bm_paths p;
            st = bm_i_paths_for(&p, net, opt, 0, 0, 0, &g, 1);
            if (st == BM_OK)
                memcpy(gbt, p.group_betweenness[0], (k ? k : 1) * sizeof *gbt);
            bm_i_paths_free(&p);
        }
        if (st == BM_OK)
            st = bm_table_add_number(t, "group_degree", gd,
                                     "share of non-members tied to a member",
                                     "Everett & Borgatti (1999) J. Math. Sociol. 23:181");
        if (st == BM_OK)
            st = bm_table_add_number(t, "group_closeness", gcl,
                                     "non-members / sum of their distances from the group (1/weight)",
                                     "Everett & Borgatti (1999)");
        if (st == BM_OK)
            st = bm_table_add_number(t, "group_betweenness", gbt,
                                     "share of shortest paths between non-members through the group",
                                     "Everett & Borgatti (1999)");
        free(gc);
        if (st != BM_OK)
            goto done;
    }

    /* Top broker: the member with most ties to other groups (first in actor
     * order on a tie), and the share of the group's external ties it
     * carries: near 1, the group's outside contact hangs on one person. */
    top = malloc((k ? k : 1) * sizeof *top);
    share = malloc((k ? k : 1) * sizeof *share);
    if (!top || !share) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < k; i++) {
        top[i] = NULL;
        share[i] = NAN;
    }
    for (size_t a = 0; a < net->n_actors; a++) {
        long ga = g->of[a];
        if (ga < 0 || c.actor_external[a] <= 0)
            continue;
        double cur = isnan(share[ga]) ? 0 : share[ga] * c.external[ga];
        if (c.actor_external[a] > cur) {
            top[ga] = net->ids[a];
            share[ga] = c.actor_external[a] / c.external[ga];
        }
    }
    if ((st = bm_table_add_text(t, "top_broker", top, "member with most ties to other groups", "")) != BM_OK ||
        (st = bm_table_add_number(t, "top_broker_share", share,
                                  "share of the group's external ties that the top broker carries",
                                  "")) != BM_OK)
        goto done;

    /* Silo score (MEASURES.md): 0-100, how far the group's E-I lies from
     * random mixing toward complete closure, 100 (EI_exp - EI) / (EI_exp + 1)
     * clipped to [0, 100], EI_exp = (n - 2 n_g + 1) / (n - 1) the members'-side
     * E-I expected if their ties fell at random among the n grouped actors. */
    {
        double ngrouped = 0;
        for (size_t i = 0; i < k; i++)
            ngrouped += (double)g->sizes[i];
        for (size_t i = 0; i < k; i++) {
            double e = ei(c.external[i], 2.0 * c.internal[i]);
            double expv = ngrouped > 1 ? (ngrouped - 2.0 * (double)g->sizes[i] + 1.0) / (ngrouped - 1.0) : NAN;
            double score = 100.0 * (expv - e) / (expv + 1.0);
            /* NaN when undefined: no ties, or the group is every grouped
             * actor (EI_exp = -1, nothing to compare with); fmax would
             * turn NaN into 0 */
            col[i] = isnan(score) ? NAN : fmin(100.0, fmax(0.0, score));
        }
        if ((st = bm_table_add_number(t, "silo_score", col,
                                      "0 = mixes at least as much as chance, 100 = no tie leaves the group",
                                      "bridgemap; from Krackhardt & Stern's E-I against chance")) != BM_OK)
            goto done;
    }
done:
    free(top);
    free(share);
    free(col);
    free(c.internal);
    free(c.external);
    free(c.actor_external);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}

bm_status bm_measures_group_pairs(bm_table **out, const bm_network *net, const bm_measure_options *opt)
{
    bm_status st = BM_OK;
    bm_table *t = NULL;
    const igraph_t *ug = net->ug;
    double *ties = NULL, *col = NULL;
    const char **ga = NULL, **gb = NULL;
    *out = NULL;
    if (!opt || !opt->grouping)
        return bm_error_set(BM_EUSAGE, "group pairs need a grouping (--group COLUMN)");
    const bm_grouping *g = opt->grouping;
    size_t k = g->n_groups, rows = k * (k + 1) / 2;
    ties = calloc(k ? k * k : 1, sizeof *ties);
    col = malloc((rows ? rows : 1) * sizeof *col);
    ga = malloc((rows ? rows : 1) * sizeof *ga);
    gb = malloc((rows ? rows : 1) * sizeof *gb);
    if (!ties || !col || !ga || !gb) {
        free(ties);
        free(col);
        free(ga);
        free(gb);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(ug); e++) {
        long x = g->of[IGRAPH_FROM(ug, e)], y = g->of[IGRAPH_TO(ug, e)];
        if (x < 0 || y < 0)
            continue;
        size_t lo = (size_t)(x < y ? x : y), hi = (size_t)(x < y ? y : x);
        ties[lo * k + hi] += 1;
    }
    /* The block image in long form (White, Boorman & Breiger 1976): ties
     * between groups a and b over n_a n_b possible pairs, n_a (n_a - 1) / 2 on
     * the diagonal; undirected view. */
    size_t r = 0;
    for (size_t x = 0; x < k; x++)
        for (size_t y = x; y < k; y++, r++) {
            ga[r] = g->names[x];
            gb[r] = g->names[y];
            col[r] = ties[x * k + y];
        }
    if ((st = bm_table_new(&t, "group_pairs", rows)) != BM_OK ||
        (st = bm_table_add_text(t, "group_a", ga, "group", "")) != BM_OK ||
        (st = bm_table_add_text(t, "group_b", gb, "group", "")) != BM_OK ||
        (st = bm_table_add_number(t, "ties", col, "ties between the two groups (inside, on the diagonal)",
                                  "")) != BM_OK)
        goto done;
    r = 0;
    for (size_t x = 0; x < k; x++)
        for (size_t y = x; y < k; y++, r++) {
            double nx = (double)g->sizes[x], ny = (double)g->sizes[y];
            double possible = x == y ? nx * (nx - 1) / 2.0 : nx * ny;
            col[r] = possible > 0 ? ties[x * k + y] / possible : NAN;
        }
    st = bm_table_add_number(t, "density", col, "ties / possible pairs between the two groups",
                             "White, Boorman & Breiger (1976) block image");
done:
    free(ties);
    free(col);
    free(ga);
    free(gb);
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
    const igraph_t *ug = net->ug;
    *out = NULL;
    if (igraph_vector_int_init(&bridges, 0))
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
    if (net->has_affiliations) {
        /* Affiliations: the tie's weight adds the records' weights and one
         * weight per shared activity (1, or 1/(n-1) with --projection newman). */
        for (size_t e = 0; e < m; e++)
            col[e] = (double)VECTOR(net->tie_activities)[e];
        if ((st = bm_table_add_number(t, "activities", col,
                                      "number of activities both actors took part in",
                                      "Breiger (1974) Social Forces 53:181")) != BM_OK)
            goto done;
        for (size_t e = 0; e < m; e++) {
            long rc = VECTOR(net->count)[e], ac = VECTOR(net->tie_activities)[e];
            src[e] = (char *)(rc && ac ? "both" : rc ? "records" : "affiliations");
        }
        if ((st = bm_table_add_text(t, "origin", (const char *const *)src,
                                    "where the tie comes from: records, affiliations or both", "")) != BM_OK)
            goto done;
    }
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
        if (igraph_bridges(ug, &bridges) != IGRAPH_SUCCESS) {
        st = bm_igraph_fail(IGRAPH_FAILURE, "bridges");
        goto done;
    }
    size_t nb = (size_t)igraph_vector_int_size(&bridges);
    bridge_keys = malloc((nb ? nb : 1) * sizeof *bridge_keys);
    if (!bridge_keys) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < nb; i++) {
        igraph_integer_t e = VECTOR(bridges)[i];
        bridge_keys[i] = pair_key(IGRAPH_FROM(ug, e), IGRAPH_TO(ug, e));
    }
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

