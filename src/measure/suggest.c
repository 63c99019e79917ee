/* suggest.c: introductions that would most reduce the separation of groups.
 *
 * The score of introducing u (group A) to v (group B), not yet tied: the
 * number of pairs of actors in different groups that the new tie brings
 * within two steps of each other and that were further apart before. Two
 * steps is the reach of a contact's contact, where Granovetter (1973, "The
 * strength of weak ties") places the information that weak ties carry and
 * Burt (1992, Structural Holes; 2004, "Structural holes and good ideas")
 * places brokerage: a tie across a structural hole puts the two sides'
 * neighbourhoods one broker apart. After adding u-v the new two-step pairs are
 * exactly (x, v) for x in u's closed neighbourhood and (u, y) for y in v's,
 * so the score is counted without recomputing distances:
 *     score(u, v) = |{(x, y) : (x in N[u], y = v) or (x = u, y in N[v]),
 *                     group(x) != group(y), both grouped, d(x, y) > 2}|.
 * Ties count on the undirected view, unweighted. Candidates are the 30 actors
 * with most contacts in each group (every member of smaller groups): the
 * score grows with both neighbourhoods, so the best introductions are found
 * among them, and the work stays O(K^2 30^2 d^2) for K groups. Ranked by
 * score (then actor order), with each actor in at most two suggestions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/measures.h"
#include "internal.h"

#define CANDIDATES_PER_GROUP 30
#define MAX_PER_ACTOR 2

typedef struct sugg {
    double score;
    size_t u, v;
} sugg;

static int by_score(const void *a, const void *b)
{
    const sugg *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->u != y->u)
        return x->u < y->u ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v;
}

static int adjacent(const igraph_vector_int_t *nb, igraph_integer_t y)
{
    igraph_integer_t lo = 0, hi = igraph_vector_int_size(nb);
    while (lo < hi) {
        igraph_integer_t mid = lo + (hi - lo) / 2;
        if (VECTOR(*nb)[mid] == y)
            return 1;
        if (VECTOR(*nb)[mid] < y)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* d(x, y) <= 2 on the sorted adjacency lists: tied, or a common contact. */
static int within_two(igraph_adjlist_t *adj, igraph_integer_t x, igraph_integer_t y)
{
    if (x == y)
        return 1;
    igraph_vector_int_t *a = igraph_adjlist_get(adj, x), *b = igraph_adjlist_get(adj, y);
    if (adjacent(a, y))
        return 1;
    igraph_integer_t i = 0, j = 0, na = igraph_vector_int_size(a), nb = igraph_vector_int_size(b);
    while (i < na && j < nb) {
        if (VECTOR(*a)[i] == VECTOR(*b)[j])
            return 1;
        if (VECTOR(*a)[i] < VECTOR(*b)[j])
            i++;
        else
            j++;
    }
    return 0;
}

static int counts(const bm_grouping *g, igraph_adjlist_t *adj, igraph_integer_t x, igraph_integer_t y)
{
    long gx = g->of[x], gy = g->of[y];
    return gx >= 0 && gy >= 0 && gx != gy && !within_two(adj, x, y);
}

static double score_pair(const bm_grouping *g, igraph_adjlist_t *adj, igraph_integer_t u, igraph_integer_t v)
{
    double s = counts(g, adj, u, v); /* the pair itself */
    igraph_vector_int_t *nu = igraph_adjlist_get(adj, u), *nv = igraph_adjlist_get(adj, v);
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(nu); k++)
        s += counts(g, adj, VECTOR(*nu)[k], v);
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(nv); k++)
        s += counts(g, adj, u, VECTOR(*nv)[k]);
    return s;
}

static int by_degree(const void *a, const void *b)
{
    const sugg *x = a, *y = b; /* score = degree, u = actor */
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->u < y->u ? -1 : x->u > y->u;
}

bm_status bm_measures_suggestions(bm_table **out, const bm_network *net, const bm_measure_options *opt,
                                  size_t top)
{
    bm_status st = BM_OK;
    bm_table *t = NULL;
    const igraph_t *ug = net->ug;
    igraph_adjlist_t adj;
    int adj_ready = 0;
    sugg *cand = NULL, *best = NULL;
    size_t *chosen = NULL, nchosen = 0, nbest = 0, cap = 0;
    const char **ca = NULL, **cb = NULL, **ga = NULL, **gb = NULL;
    char **reason = NULL;
    double *col = NULL;
    *out = NULL;
    if (!opt || !opt->grouping)
        return bm_error_set(BM_EUSAGE, "suggestions need a grouping (--group COLUMN)");
    const bm_grouping *g = opt->grouping;
    size_t n = net->n_actors;
    BM_IG(igraph_adjlist_init(ug, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE), "adjacency");
    adj_ready = 1;

    /* candidates: the best-connected members of each group */
    cand = malloc((n ? n : 1) * sizeof *cand);
    chosen = malloc((n ? n : 1) * sizeof *chosen);
    if (!cand || !chosen) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < g->n_groups; k++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (g->of[i] == (long)k) {
                cand[m].score = (double)igraph_vector_int_size(igraph_adjlist_get(&adj, i));
                cand[m].u = i;
                m++;
            }
        qsort(cand, m, sizeof *cand, by_degree);
        for (size_t i = 0; i < m && i < CANDIDATES_PER_GROUP; i++)
            chosen[nchosen++] = cand[i].u;
    }
    for (size_t i = 0; i < nchosen; i++)
        for (size_t j = i + 1; j < nchosen; j++) {
            size_t u = chosen[i] < chosen[j] ? chosen[i] : chosen[j];
            size_t v = chosen[i] < chosen[j] ? chosen[j] : chosen[i];
            if (g->of[u] == g->of[v] || adjacent(igraph_adjlist_get(&adj, u), (igraph_integer_t)v))
                continue;
            double s = score_pair(g, &adj, (igraph_integer_t)u, (igraph_integer_t)v);
            if (s <= 0)
                continue;
            if (nbest == cap) {
                cap = cap ? 2 * cap : 256;
                sugg *p = realloc(best, cap * sizeof *p);
                if (!p) {
                    st = bm_error_set(BM_EINTERNAL, "out of memory");
                    goto done;
                }
                best = p;
            }
            best[nbest].score = s;
            best[nbest].u = u;
            best[nbest].v = v;
            nbest++;
        }
    if (nbest)
        qsort(best, nbest, sizeof *best, by_score);
    /* Keep the list varied: an actor appears in at most two suggestions, so
     * one well-connected person does not fill the whole list. */
    {
        unsigned char *used = calloc(n ? n : 1, 1);
        if (!used) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        size_t kept = 0;
        for (size_t i = 0; i < nbest && kept < top; i++) {
            if (used[best[i].u] >= MAX_PER_ACTOR || used[best[i].v] >= MAX_PER_ACTOR)
                continue;
            used[best[i].u]++;
            used[best[i].v]++;
            best[kept++] = best[i];
        }
        free(used);
        nbest = kept;
    }
    size_t rows = nbest < top ? nbest : top;
    long name_col = bm_network_attr_find(net, "name");
    ca = calloc(rows + 1, sizeof *ca);
    cb = calloc(rows + 1, sizeof *cb);
    ga = calloc(rows + 1, sizeof *ga);
    gb = calloc(rows + 1, sizeof *gb);
    reason = calloc(rows + 1, sizeof *reason);
    col = malloc((rows + 1) * sizeof *col);
    if (!ca || !cb || !ga || !gb || !reason || !col) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t r = 0; r < rows; r++) {
        size_t u = best[r].u, v = best[r].v;
        ca[r] = net->ids[u];
        cb[r] = net->ids[v];
        ga[r] = g->names[g->of[u]];
        gb[r] = g->names[g->of[v]];
        const char *nu = name_col >= 0 && net->attr_values[name_col][u][0] ? net->attr_values[name_col][u]
                                                                            : net->ids[u];
        const char *nv = name_col >= 0 && net->attr_values[name_col][v][0] ? net->attr_values[name_col][v]
                                                                            : net->ids[v];
        size_t du = (size_t)igraph_vector_int_size(igraph_adjlist_get(&adj, u));
        size_t dv = (size_t)igraph_vector_int_size(igraph_adjlist_get(&adj, v));
        int len = snprintf(NULL, 0, "introduce %s (%s, %zu contacts) to %s (%s, %zu contacts): "
                           "%.0f pairs across the groups come within two steps",
                           nu, ga[r], du, nv, gb[r], dv, best[r].score);
        reason[r] = malloc((size_t)len + 1);
        if (!reason[r]) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        snprintf(reason[r], (size_t)len + 1, "introduce %s (%s, %zu contacts) to %s (%s, %zu contacts): "
                 "%.0f pairs across the groups come within two steps",
                 nu, ga[r], du, nv, gb[r], dv, best[r].score);
    }
    if ((st = bm_table_new(&t, "suggestions", rows)) != BM_OK)
        goto done;
    for (size_t r = 0; r < rows; r++)
        col[r] = (double)(r + 1);
    if ((st = bm_table_add_number(t, "rank", col, "1 = the best introduction", "")) != BM_OK ||
        (st = bm_table_add_text(t, "actor_a", ca, "actor id", "")) != BM_OK ||
        (st = bm_table_add_text(t, "actor_b", cb, "actor id", "")) != BM_OK ||
        (st = bm_table_add_text(t, "group_a", ga, "group of actor_a", "")) != BM_OK ||
        (st = bm_table_add_text(t, "group_b", gb, "group of actor_b", "")) != BM_OK)
        goto done;
    for (size_t r = 0; r < rows; r++)
        col[r] = best[r].score;
    if ((st = bm_table_add_number(t, "score", col,
                                  "pairs in different groups newly within two steps of each other",
                                  "bridgemap; after Granovetter (1973) and Burt (1992)")) != BM_OK ||
        (st = bm_table_add_text(t, "reason", (const char *const *)reason, "in words", "")) != BM_OK)
        goto done;
done:
    if (adj_ready)
        igraph_adjlist_destroy(&adj);
    if (reason)
        for (size_t r = 0; reason[r]; r++)
            free(reason[r]);
    free(reason);
    free(ca);
    free(cb);
    free(ga);
    free(gb);
    free(col);
    free(cand);
    free(chosen);
    free(best);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}
