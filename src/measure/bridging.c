/* bridging.c: actor-level measures of reaching across groups, and the
 * structural flags that say who holds a network together.
 *
 * All count ties on the undirected view (a pair tied in either direction is
 * one contact), unweighted, as MEASURES.md's counting convention says;
 * contacts without a group are left out of the group-based ones, and an
 * actor without a group, or without grouped contacts, gets NaN. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "bridgemap/measures.h"
#include "internal.h"
#include "brokerage.h"

bm_status bm_i_actor_ei(const bm_network *net, const bm_grouping *grouping, double *ei);

bm_status bm_i_actor_composition(const bm_network *net, const bm_grouping *g, double *participation,
                                 double *blau, double *iqv)
{
    bm_status st = BM_OK;
    size_t n = net->n_actors, k = g->n_groups;
    const igraph_t *ug = net->ug;
    igraph_adjlist_t adj;
    int adj_ready = 0;
    double *count = calloc(k ? k : 1, sizeof *count);
    size_t *touched = malloc((k ? k : 1) * sizeof *touched);
    if (!count || !touched) {
        free(count);
        free(touched);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    BM_IG(igraph_adjlist_init(ug, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE), "adjacency");
    adj_ready = 1;
    for (size_t i = 0; i < n; i++) {
        igraph_vector_int_t *nb = igraph_adjlist_get(&adj, i);
        size_t nt = 0;
        double total = 0;
        for (igraph_integer_t x = 0; x < igraph_vector_int_size(nb); x++) {
            long gj = g->of[VECTOR(*nb)[x]];
            if (gj < 0)
                continue;
            if (count[gj] == 0)
                touched[nt++] = (size_t)gj;
            count[gj] += 1;
            total += 1;
        }
        double sumsq = 0;
        for (size_t t = 0; t < nt; t++) {
            double p = count[touched[t]] / total;
            sumsq += p * p;
            count[touched[t]] = 0;
        }
        double h = g->of[i] >= 0 && total > 0 ? 1.0 - sumsq : NAN;
        /* Participation coefficient (Guimera & Amaral 2005, Nature 433:895):
         * 1 - sum_s (k_is / k_i)^2 over groups s, own group included. */
        if (participation)
            participation[i] = h;
        /* Blau (1977) heterogeneity of the ego's contacts, 1 - sum_s p_s^2,
         * and its normalised form IQV = Blau / (1 - 1/K) (Agresti & Agresti
         * 1978), K groups in the network. Counting one tie per contact, Blau
         * equals the participation coefficient: Guimera & Amaral define it
         * over links, Blau over alters. */
        if (blau)
            blau[i] = h;
        if (iqv)
            iqv[i] = k >= 2 ? h / (1.0 - 1.0 / (double)k) : NAN;
    }
done:
    if (adj_ready)
        igraph_adjlist_destroy(&adj);
    free(count);
    free(touched);
    return st;
}

bm_status bm_i_articulation(const bm_network *net, double *flag)
{
    bm_status st = BM_OK;
    const igraph_t *ug = net->ug;
    igraph_vector_int_t points;
    if (igraph_vector_int_init(&points, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    /* Articulation point: removing the actor disconnects its component
     * (Hopcroft & Tarjan 1973), on the undirected view. */
    BM_IG(igraph_articulation_points(ug, &points), "articulation points");
    for (size_t i = 0; i < net->n_actors; i++)
        flag[i] = 0;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(&points); k++)
        flag[VECTOR(points)[k]] = 1;
done:
    igraph_vector_int_destroy(&points);
    return st;
}

bm_status bm_i_bridging_centrality(const bm_network *net, const double *betweenness, double *out)
{
    bm_status st = BM_OK;
    const igraph_t *ug = net->ug;
    igraph_vector_int_t deg;
    double *inv = NULL;
    if (igraph_vector_int_init(&deg, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    BM_IG(igraph_degree(ug, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS), "degree");
    size_t n = net->n_actors;
    inv = calloc(n ? n : 1, sizeof *inv);
    if (!inv) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    /* Bridging centrality (Hwang, Cho, Zhang & Ramanathan 2006, "Bridging
     * centrality: identifying bridging nodes in scale-free networks"):
     * betweenness x BR(v), BR(v) = (1/d(v)) / sum_{i in N(v)} 1/d(i), with
     * d the number of contacts; NaN for an isolate. */
    for (igraph_integer_t e = 0; e < igraph_ecount(ug); e++) {
        igraph_integer_t a = IGRAPH_FROM(ug, e), b = IGRAPH_TO(ug, e);
        inv[a] += 1.0 / (double)VECTOR(deg)[b];
        inv[b] += 1.0 / (double)VECTOR(deg)[a];
    }
    for (size_t i = 0; i < n; i++) {
        double d = (double)VECTOR(deg)[i];
        out[i] = d > 0 ? betweenness[i] * ((1.0 / d) / inv[i]) : NAN;
    }
done:
    igraph_vector_int_destroy(&deg);
    free(inv);
    return st;
}

/* name, or name_suffix when a suffix is given (several grouping levels). */
static const char *col_name(char *buf, size_t size, const char *name, const char *suffix)
{
    if (!suffix)
        return name;
    snprintf(buf, size, "%s_%s", name, suffix);
    return buf;
}

typedef struct group_count {
    size_t n;
    long group;
} group_count;

static int by_count_then_name(const void *a, const void *b)
{
    const group_count *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->group < y->group ? -1 : x->group > y->group; /* groups are sorted by name */
}

/* For each actor, the other groups among its contacts, most contacts first:
 * "private (3), civil (1)"; "" for an actor without a group or without
 * contacts in other groups. Strings in one block *block (free it). */
static bm_status linked_groups(const bm_network *net, const bm_grouping *g, char **out, char **block)
{
    bm_status st = BM_OK;
    size_t n = net->n_actors, k = g->n_groups, cap = 4096, used = 0;
    igraph_adjlist_t adj;
    int adj_ready = 0;
    size_t *count = calloc(k ? k : 1, sizeof *count);
    group_count *touched = malloc((k ? k : 1) * sizeof *touched);
    size_t *offset = malloc((n ? n : 1) * sizeof *offset);
    char *buf = malloc(cap);
    if (!count || !touched || !offset || !buf) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    BM_IG(igraph_adjlist_init(net->ug, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE), "adjacency");
    adj_ready = 1;
    for (size_t i = 0; i < n; i++) {
        offset[i] = used;
        long gi = g->of[i];
        size_t nt = 0;
        igraph_vector_int_t *nb = igraph_adjlist_get(&adj, (igraph_integer_t)i);
        for (igraph_integer_t x = 0; gi >= 0 && x < igraph_vector_int_size(nb); x++) {
            long gj = g->of[VECTOR(*nb)[x]];
            if (gj < 0 || gj == gi)
                continue;
            if (count[gj]++ == 0)
                touched[nt++].group = gj;
        }
        for (size_t t = 0; t < nt; t++)
            touched[t].n = count[touched[t].group];
        qsort(touched, nt, sizeof *touched, by_count_then_name);
        for (size_t t = 0; t <= nt; t++) {
            char item[600] = "";
            if (t < nt)
                snprintf(item, sizeof item, "%s%s (%zu)", t ? ", " : "", g->names[touched[t].group],
                         touched[t].n);
            size_t len = strlen(item) + (t == nt); /* the NUL after the last */
            while (used + len > cap) {
                char *nbuf = realloc(buf, cap * 2);
                if (!nbuf) {
                    st = bm_error_set(BM_EINTERNAL, "out of memory");
                    goto done;
                }
                buf = nbuf;
                cap *= 2;
            }
            memcpy(buf + used, item, len);
            used += len;
            if (t < nt)
                count[touched[t].group] = 0;
        }
    }
    for (size_t i = 0; i < n; i++)
        out[i] = buf + offset[i];
    *block = buf;
    buf = NULL;
done:
    if (adj_ready)
        igraph_adjlist_destroy(&adj);
    free(count);
    free(touched);
    free(offset);
    free(buf);
    return st;
}

bm_status bm_i_add_composition_columns(bm_table *t, const bm_network *net, const bm_grouping *g,
                                       const char *suffix)
{
    bm_status st = BM_OK;
    size_t n = net->n_actors;
    char name[256];
    double *a = malloc((n ? n : 1) * sizeof *a), *b = malloc((n ? n : 1) * sizeof *b);
    double *c = malloc((n ? n : 1) * sizeof *c);
    if (!a || !b || !c) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    /* E-I index of the ego (Krackhardt & Stern 1988, groups.c). */
    if ((st = bm_i_actor_ei(net, g, a)) != BM_OK ||
        (st = bm_table_add_number(t, col_name(name, sizeof name, "ei_index", suffix), a,
                                  "(external - internal) / (external + internal) contacts of the actor",
                                  "Krackhardt & Stern (1988) Soc. Psychol. Q. 51:123")) != BM_OK)
        goto done;
    if ((st = bm_i_actor_composition(net, g, a, b, c)) != BM_OK ||
        (st = bm_table_add_number(t, col_name(name, sizeof name, "participation", suffix), a,
                                  "1 - sum over groups of (share of the actor's contacts in it)^2",
                                  "Guimera & Amaral (2005) Nature 433:895")) != BM_OK ||
        (st = bm_table_add_number(t, col_name(name, sizeof name, "blau", suffix), b,
                                  "heterogeneity of the actor's contacts' groups, 1 - sum p^2",
                                  "Blau (1977) Inequality and Heterogeneity")) != BM_OK ||
        (st = bm_table_add_number(t, col_name(name, sizeof name, "iqv", suffix), c,
                                  "blau / (1 - 1/K), K groups: 1 = contacts spread evenly over all groups",
                                  "Agresti & Agresti (1978)")) != BM_OK)
        goto done;
    {
        char **lg = malloc((n ? n : 1) * sizeof *lg), *block = NULL;
        if (!lg) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        if ((st = linked_groups(net, g, lg, &block)) == BM_OK)
            st = bm_table_add_text(t, col_name(name, sizeof name, "linked_groups", suffix),
                                   (const char *const *)lg,
                                   "the other groups among the actor's contacts, most contacts first", "");
        free(lg);
        free(block);
        if (st != BM_OK)
            goto done;
    }
done:
    free(a);
    free(b);
    free(c);
    return st;
}

bm_status bm_i_add_brokerage_columns(bm_table *t, const bm_network *net, const bm_grouping *g,
                                     const char *suffix)
{
    static const char *const roles[BM_BROKER_ROLES] = {"coordinator", "itinerant", "representative",
                                                       "gatekeeper", "liaison", "total"};
    static const char *const what[BM_BROKER_ROLES] = {
        "open two-paths the actor brokers inside its own group",
        "open two-paths between two members of another group (consultant)",
        "open two-paths from its own group out to another group",
        "open two-paths from another group into its own group",
        "open two-paths between two different other groups",
        "all open two-paths the actor brokers"};
    bm_status st = BM_OK;
    size_t n = net->n_actors;
    bm_brokerage_result res;
    double *block = malloc(3 * BM_BROKER_ROLES * (n ? n : 1) * sizeof *block);
    char name[256], base[64];
    if (!block)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (int r = 0; r < BM_BROKER_ROLES; r++) {
        res.count[r] = block + (size_t)(3 * r) * (n ? n : 1);
        res.expected[r] = block + (size_t)(3 * r + 1) * (n ? n : 1);
        res.z[r] = block + (size_t)(3 * r + 2) * (n ? n : 1);
    }
    /* Gould & Fernandez (1989) Sociological Methodology 19:89, as R sna's
     * brokerage() computes counts, expected values and z-scores. */
    if ((st = bm_i_brokerage(net, g, &res)) != BM_OK)
        goto done;
    for (int r = 0; r < BM_BROKER_ROLES && st == BM_OK; r++) {
        snprintf(base, sizeof base, "brokerage_%s", roles[r]);
        st = bm_table_add_number(t, col_name(name, sizeof name, base, suffix), res.count[r], what[r],
                                 "Gould & Fernandez (1989); R sna brokerage()");
    }
    for (int r = 0; r < BM_BROKER_ROLES && st == BM_OK; r++) {
        snprintf(base, sizeof base, "brokerage_%s_expected", roles[r]);
        st = bm_table_add_number(t, col_name(name, sizeof name, base, suffix), res.expected[r],
                                 "expected count given group sizes and density",
                                 "Gould & Fernandez (1989); R sna brokerage()");
        if (st != BM_OK)
            break;
        snprintf(base, sizeof base, "brokerage_%s_z", roles[r]);
        st = bm_table_add_number(t, col_name(name, sizeof name, base, suffix), res.z[r],
                                 "(count - expected) / standard deviation",
                                 "Gould & Fernandez (1989); R sna brokerage()");
    }
done:
    free(block);
    return st;
}

bm_status bm_measures_actors_level(bm_table *actors, const bm_network *net, const bm_grouping *g)
{
    if (!actors || !g)
        return bm_error_set(BM_EUSAGE, "a grouping level needs an actor table and a grouping");
    bm_status st = bm_i_add_composition_columns(actors, net, g, bm_grouping_column(g));
    if (st == BM_OK)
        st = bm_i_add_brokerage_columns(actors, net, g, bm_grouping_column(g));
    return st;
}
