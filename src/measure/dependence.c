/* dependence.c: who holds two groups together.
 *
 * For each pair of groups (A, B) with at least one tie between them, on the
 * undirected view: the ties between A and B; how many actors carry them (an
 * end of at least one); the carrier with the most of them and its share
 * (its A-B ties / all A-B ties); how many A-B ties are left without that
 * carrier; and whether A and B are still connected without it, by any path
 * through any actors (a multi-source breadth-first search from A's members
 * other than the carrier, not passing through the carrier). A share of 1
 * means every tie between the groups runs through one person; "not
 * connected without" means that person is a cut point between the two
 * groups (a vertex separator of size 1 between the groups' members, as in
 * Menger's theorem). Actors without a group count only as intermediaries. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/measures.h"
#include "internal.h"

typedef struct xtie {
    size_t pair;
    igraph_integer_t u, v;
} xtie;

static int by_pair(const void *p, const void *q)
{
    const xtie *a = p, *b = q;
    if (a->pair != b->pair)
        return a->pair < b->pair ? -1 : 1;
    return a->u < b->u ? -1 : a->u > b->u ? 1 : (a->v < b->v ? -1 : a->v > b->v);
}

/* Above this many actor-and-tie visits in all (pairs x (actors + ties)) the
 * connectivity column is left undefined rather than taking hours. */
#define BM_DEPENDENCE_WORK 2e9

/* Whether some member of group a reaches some member of group b without
 * passing through actor skip. */
static int reaches(const igraph_adjlist_t *adj, const bm_grouping *g, long a, long b, size_t n,
                   long skip, unsigned char *seen, igraph_integer_t *queue)
{
    size_t head = 0, tail = 0;
    memset(seen, 0, n);
    if (skip >= 0)
        seen[skip] = 1;
    for (size_t i = 0; i < n; i++)
        if (g->of[i] == a && !seen[i]) {
            seen[i] = 1;
            queue[tail++] = (igraph_integer_t)i;
        }
    while (head < tail) {
        igraph_integer_t v = queue[head++];
        if (g->of[v] == b)
            return 1;
        igraph_vector_int_t *nb = igraph_adjlist_get(adj, v);
        for (igraph_integer_t x = 0; x < igraph_vector_int_size(nb); x++) {
            igraph_integer_t w = VECTOR(*nb)[x];
            if (!seen[w]) {
                seen[w] = 1;
                queue[tail++] = w;
            }
        }
    }
    return 0;
}

bm_status bm_measures_group_pair_dependence(bm_table **out, const bm_network *net, const bm_grouping *g)
{
    bm_status st = BM_OK;
    *out = NULL;
    if (!g)
        return bm_error_set(BM_EUSAGE, "group pair dependence needs a grouping");
    size_t n = net->n_actors, k = g->n_groups;
    const igraph_t *ug = net->ug;
    size_t m = (size_t)igraph_ecount(ug);
    igraph_adjlist_t adj;
    int adj_ready = 0;
    bm_table *t = NULL;
    /* ties between each pair of groups, and per actor and other group */
    size_t npairs = k * (k > 0 ? k - 1 : 0) / 2;
    double *pair_ties = calloc(npairs ? npairs : 1, sizeof *pair_ties);
    long *pa = malloc((npairs ? npairs : 1) * sizeof *pa), *pb = malloc((npairs ? npairs : 1) * sizeof *pb);
    unsigned char *seen = malloc(n ? n : 1);
    igraph_integer_t *queue = malloc((n ? n : 1) * sizeof *queue);
    /* per cross-group tie: its ends, sorted by pair */
    xtie *x = malloc((m ? m : 1) * sizeof *x);
    size_t nx = 0;
    if (!pair_ties || !pa || !pb || !seen || !queue || !x) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
#define PAIR_INDEX(a, b) ((size_t)(a) * (2 * k - (size_t)(a) - 1) / 2 + (size_t)((b) - (a) - 1))
    for (size_t e = 0; e < m; e++) {
        igraph_integer_t u = IGRAPH_FROM(ug, (igraph_integer_t)e), v = IGRAPH_TO(ug, (igraph_integer_t)e);
        long gu = g->of[u], gv = g->of[v];
        if (gu < 0 || gv < 0 || gu == gv)
            continue;
        long a = gu < gv ? gu : gv, b = gu < gv ? gv : gu;
        x[nx].pair = PAIR_INDEX(a, b);
        x[nx].u = u;
        x[nx].v = v;
        nx++;
        pair_ties[PAIR_INDEX(a, b)] += 1;
    }
    if (nx)
        qsort(x, nx, sizeof *x, by_pair);
    size_t rows = 0;
    for (long a = 0; a < (long)k; a++)
        for (long b = a + 1; b < (long)k; b++)
            if (pair_ties[PAIR_INDEX(a, b)] > 0) {
                pa[rows] = a;
                pb[rows] = b;
                rows++;
            }
    BM_IG(igraph_adjlist_init(ug, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE), "adjacency");
    adj_ready = 1;
    {
        const char **ga = malloc((rows ? rows : 1) * sizeof *ga), **gb = malloc((rows ? rows : 1) * sizeof *gb);
        const char **top = malloc((rows ? rows : 1) * sizeof *top);
        double *ties = malloc((rows ? rows : 1) * sizeof *ties), *carriers = malloc((rows ? rows : 1) * sizeof *carriers);
        double *share = malloc((rows ? rows : 1) * sizeof *share), *left = malloc((rows ? rows : 1) * sizeof *left);
        double *conn = malloc((rows ? rows : 1) * sizeof *conn);
        size_t *count = calloc(n ? n : 1, sizeof *count);
        igraph_integer_t *touched = malloc((2 * nx + 1) * sizeof *touched);
        if (!ga || !gb || !top || !ties || !carriers || !share || !left || !conn || !count || !touched) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
        } else {
            int search = (double)rows * (double)(n + 2 * m) <= BM_DEPENDENCE_WORK;
            size_t at = 0; /* x is sorted by pair, as the rows are */
            for (size_t r = 0; r < rows; r++) {
                size_t p = PAIR_INDEX(pa[r], pb[r]);
                size_t nt = 0;
                for (; at < nx && x[at].pair == p; at++) {
                    size_t i = at;
                    if (count[x[i].u]++ == 0)
                        touched[nt++] = x[i].u;
                    if (count[x[i].v]++ == 0)
                        touched[nt++] = x[i].v;
                }
                long best = -1;
                for (size_t j = 0; j < nt; j++) /* most ties; then the lower index */
                    if (best < 0 || count[touched[j]] > count[best] ||
                        (count[touched[j]] == count[best] && touched[j] < best))
                        best = touched[j];
                ga[r] = g->names[pa[r]];
                gb[r] = g->names[pb[r]];
                ties[r] = pair_ties[p];
                carriers[r] = (double)nt;
                top[r] = net->ids[best];
                share[r] = (double)count[best] / pair_ties[p];
                left[r] = pair_ties[p] - (double)count[best];
                conn[r] = search ? (double)reaches(&adj, g, pa[r], pb[r], n, best, seen, queue) : (double)NAN;
                for (size_t j = 0; j < nt; j++)
                    count[touched[j]] = 0;
            }
            if ((st = bm_table_new(&t, "group_pair_dependence", rows)) == BM_OK &&
                (st = bm_table_add_text(t, "group_a", ga, "group", "")) == BM_OK &&
                (st = bm_table_add_text(t, "group_b", gb, "group", "")) == BM_OK &&
                (st = bm_table_add_number(t, "ties", ties, "ties between the two groups", "")) == BM_OK &&
                (st = bm_table_add_number(t, "carriers", carriers,
                                          "actors with at least one tie between the groups", "")) == BM_OK &&
                (st = bm_table_add_text(t, "top_carrier", top,
                                        "the actor with the most ties between the groups", "")) == BM_OK &&
                (st = bm_table_add_number(t, "top_carrier_share", share,
                                          "the top carrier's share of the ties between the groups", "")) == BM_OK &&
                (st = bm_table_add_number(t, "ties_without_top_carrier", left,
                                          "ties between the groups that do not involve the top carrier", "")) == BM_OK)
                st = bm_table_add_number(t, "connected_without_top_carrier", conn,
                                         "1 when some path still joins the groups without the top carrier",
                                         "vertex separators: Menger (1927)");
        }
        free(ga);
        free(gb);
        free(top);
        free(ties);
        free(carriers);
        free(share);
        free(left);
        free(conn);
        free(count);
        free(touched);
    }
#undef PAIR_INDEX
done:
    if (adj_ready)
        igraph_adjlist_destroy(&adj);
    free(pair_ties);
    free(pa);
    free(pb);
    free(seen);
    free(queue);
    free(x);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}
