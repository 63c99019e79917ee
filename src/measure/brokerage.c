/* brokerage.c: Gould & Fernandez brokerage roles per actor: how often an
 * actor is the middle of an open two-path, by the groups of the three ends,
 * and how that count compares with a random graph of the same density.
 *
 * Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal
 * approach to brokerage in transaction networks. Sociological Methodology
 * 19:89-126. Reference implementation, matched number for number: R package
 * sna 2.7-1 (Butts), brokerage() (R/gli.R) and its C part brokerage_R
 * (src/gli.c). Conventions, all sna's:
 *   - v brokers the ordered pair (a, t) when there are arcs a->v and v->t,
 *     a != t, and no arc a->t (an arc t->a does not close the path). Each
 *     (a, v, t) counts once; an undirected tie is two arcs, so in undirected
 *     networks representative == gatekeeper for every actor.
 *   - Roles by group: coordinator w_I [a v t]; itinerant (consultant) w_O
 *     [a t][v]; representative b_IO [a v][t]; gatekeeper b_OI [a][v t];
 *     liaison b_O [a][v][t]; total t = the sum of the five.
 *   - Expected counts and variances: Gould & Fernandez's formulas under a
 *     Bernoulli graph of density d = m / (N (N - 1)), m arcs, N actors, with
 *     the group sizes n_g; they depend only on the broker's group i:
 *       p = d^2 (1 - d), q = d^3 (1 - d)^3, E = p P, where P counts the
 *       ordered pairs (a, t) open to the role: w_I (n_i-1)(n_i-2); w_O
 *       sum_{j!=i} n_j(n_j-1); b_IO = b_OI (N-n_i)(n_i-1); b_O
 *       (sum_{j!=i} n_j)^2 - sum_{j!=i} n_j^2; t (N-1)(N-2); and
 *       V = E (1 - p) + C q, C a count of overlapping path pairs, term for
 *       term as sna writes it (role_moments below). The total's E and V are
 *       their own formulas, not sums over the roles.
 *     For undirected networks sna applies the same directed formulas to the
 *     symmetric arc set (d is then the undirected density), and so do we.
 *   - z = (count - expected) / sqrt(V) as R divides: 0/0 is NaN. V is 0 only
 *     when the role is impossible (e.g. coordinator in a group of 1 or 2,
 *     liaison with fewer than two other groups) or d is 0 or 1; the count is
 *     then 0 too, so z is NaN, never infinite. d is NaN with fewer than two
 *     grouped actors, and so are the expected values and z.
 * Actors without a group (of[] = -1): sna needs a membership for everyone
 * (given NA it counts NA as one more group, and every expected value but the
 * total's becomes NA). We leave them out: such an actor gets NaN in every
 * column, no path through or with it counts, and N, m, d and the group
 * sizes are those of the network induced by the grouped actors. The numbers
 * are therefore exactly sna's brokerage() on that induced subgraph.
 *
 * Cost: a marker array replaces the adjacency test. For each a, mark a's
 * out-neighbours, then walk every a->v->t: O(sum_v indeg(v) outdeg(v)) time,
 * O(n + m) memory. The expected values use power sums of the group sizes,
 * O(groups), exact in doubles while N^3 < 2^53 (N up to ~200,000). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "brokerage.h"
#include "internal.h"

/* R's x / y for the z-score: IEEE division without dividing by zero in C. */
static double r_divide(double x, double y)
{
    if (isnan(x) || isnan(y))
        return NAN;
    if (y != 0)
        return x / y;
    return x == 0 ? NAN : (x > 0 ? INFINITY : -INFINITY);
}

/* The out-arcs among grouped actors, compressed rows: the out-neighbours of
 * actor a are to[start[a] .. start[a + 1] - 1]. */
typedef struct arcs {
    igraph_integer_t *start, *to;
    igraph_integer_t m;
} arcs;

static bm_status build_arcs(const bm_network *net, const long *of, arcs *A)
{
    size_t n = net->n_actors;
    igraph_integer_t ne = igraph_ecount(&net->graph);
    int two = !net->directed;
    A->m = 0;
    if ((size_t)ne > SIZE_MAX / 2 / sizeof *A->to || n > SIZE_MAX / sizeof *A->start - 2)
        return bm_error_set(BM_EINTERNAL, "brokerage: network too large");
    A->start = calloc(n + 2, sizeof *A->start);
    A->to = malloc((size_t)(ne ? ne : 1) * (two ? 2 : 1) * sizeof *A->to);
    if (!A->start || !A->to)
        return bm_error_set(BM_EINTERNAL, "brokerage: out of memory");
    /* degrees into start[a + 2], prefix sums, then fill through start[a + 1] */
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t f = IGRAPH_FROM(&net->graph, e), t = IGRAPH_TO(&net->graph, e);
        if (of[f] < 0 || of[t] < 0)
            continue;
        A->start[f + 2]++;
        if (two)
            A->start[t + 2]++;
    }
    for (size_t i = 2; i < n + 2; i++)
        A->start[i] += A->start[i - 1];
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t f = IGRAPH_FROM(&net->graph, e), t = IGRAPH_TO(&net->graph, e);
        if (of[f] < 0 || of[t] < 0)
            continue;
        A->to[A->start[f + 1]++] = t;
        if (two)
            A->to[A->start[t + 1]++] = f;
    }
    A->m = A->start[n];
    return BM_OK;
}

/* Raw counts (sna's brokerage_R): for each a, every a -> v -> t with
 * t != a and no arc a -> t, classified by the groups of a, v, t. */
static void count_roles(size_t n, const long *of, const arcs *A, igraph_integer_t *mark,
                        double *const count[BM_BROKER_ROLES])
{
    for (size_t a = 0; a < n; a++) {
        if ((a & 4095) == 0)
            bm_i_progress("Brokerage", 100.0 * (double)a / (double)n);
        long ga = of[a];
        if (ga < 0)
            continue;
        igraph_integer_t ia = (igraph_integer_t)a;
        for (igraph_integer_t x = A->start[a]; x < A->start[a + 1]; x++)
            mark[A->to[x]] = ia;
        for (igraph_integer_t x = A->start[a]; x < A->start[a + 1]; x++) {
            igraph_integer_t v = A->to[x];
            long gv = of[v];
            double c[BM_BROKER_TOTAL] = {0};
            for (igraph_integer_t y = A->start[v]; y < A->start[v + 1]; y++) {
                igraph_integer_t t = A->to[y];
                if (t == ia || mark[t] == ia)
                    continue; /* back to a, or closed by a -> t */
                long gt = of[t];
                if (ga == gv)
                    c[gv == gt ? BM_BROKER_COORDINATOR : BM_BROKER_REPRESENTATIVE] += 1;
                else if (gv == gt)
                    c[BM_BROKER_GATEKEEPER] += 1;
                else if (ga == gt)
                    c[BM_BROKER_ITINERANT] += 1;
                else
                    c[BM_BROKER_LIAISON] += 1;
            }
            for (int r = 0; r < BM_BROKER_TOTAL; r++)
                count[r][v] += c[r];
        }
    }
    bm_i_progress("Brokerage", 100.0);
}

/* Expected value and variance of each role for a broker in a group of size
 * ni, as sna's brokerage() computes ebr and vbr (columns w_I, w_O, b_IO,
 * b_OI, b_O, t). N grouped actors, d density; s1, s2, s3 the sums of n_g,
 * n_g^2, n_g^3 and t2, t3 of n_g(n_g-1), n_g(n_g-1)(n_g-2) over all groups. */
static void role_moments(double ni, double N, double d, double s2, double s3, double t2,
                         double t3, double e[BM_BROKER_ROLES], double var[BM_BROKER_ROLES])
{
    double p = d * d * (1 - d), q = d * d * d * (1 - d) * (1 - d) * (1 - d), keep = 1 - p;
    double o1 = N - ni, o2 = s2 - ni * ni, o3 = s3 - ni * ni * ni; /* other groups */
    double ot2 = t2 - ni * (ni - 1), ot3 = t3 - ni * (ni - 1) * (ni - 2);
    /* choose(x, 2) as R's choose for the integers x >= 0 met here */
#define CHOOSE2(x) ((x) * ((x) - 1) / 2)
    e[BM_BROKER_COORDINATOR] = p * (ni - 1) * (ni - 2);
    var[BM_BROKER_COORDINATOR] =
        e[BM_BROKER_COORDINATOR] * keep + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q;
    e[BM_BROKER_ITINERANT] = p * ot2;
    var[BM_BROKER_ITINERANT] = e[BM_BROKER_ITINERANT] * keep + 2 * ot3 * q;
    e[BM_BROKER_REPRESENTATIVE] = p * o1 * (ni - 1);
    var[BM_BROKER_REPRESENTATIVE] =
        e[BM_BROKER_REPRESENTATIVE] * keep + 2 * ((ni - 1) * CHOOSE2(o1) + o1 * CHOOSE2(ni - 1)) * q;
    e[BM_BROKER_GATEKEEPER] = e[BM_BROKER_REPRESENTATIVE];
    var[BM_BROKER_GATEKEEPER] = var[BM_BROKER_REPRESENTATIVE];
    /* sna: 4 sum_{j != i} n_j choose(N - n_j - n_i, 2) d^3 (1-d)^3; with
     * M = N - n_i, sum_j n_j (M - n_j)(M - n_j - 1) expands into power sums */
    double M = o1, pairs = ((M * M - M) * o1 - (2 * M - 1) * o2 + o3) / 2;
    e[BM_BROKER_LIAISON] = p * (o1 * o1 - o2);
    var[BM_BROKER_LIAISON] = e[BM_BROKER_LIAISON] * keep + 4 * pairs * q;
    e[BM_BROKER_TOTAL] = p * (N - 1) * (N - 2);
    var[BM_BROKER_TOTAL] = e[BM_BROKER_TOTAL] * keep + 2 * (N - 1) * (N - 2) * (N - 3) * q;
#undef CHOOSE2
}

bm_status bm_i_brokerage(const bm_network *net, const bm_grouping *grouping,
                         bm_brokerage_result *out)
{
    bm_status st = BM_OK;
    arcs A = {0};
    igraph_integer_t *mark = NULL;
    double *size = NULL;
    size_t n = net ? net->n_actors : 0;
    if (!net || !grouping || !out)
        return bm_error_set(BM_EUSAGE, "brokerage: needs a network, a grouping and outputs");
    for (int r = 0; r < BM_BROKER_ROLES; r++)
        if (!out->count[r] || !out->expected[r] || !out->z[r])
            return bm_error_set(BM_EUSAGE, "brokerage: an output array is NULL");
    const long *of = grouping->of;
    size_t k = grouping->n_groups;
    size = calloc(k ? k : 1, sizeof *size);
    mark = malloc((n ? n : 1) * sizeof *mark);
    if (!size || !mark) {
        st = bm_error_set(BM_EINTERNAL, "brokerage: out of memory");
        goto done;
    }
    if ((st = build_arcs(net, of, &A)) != BM_OK)
        goto done;
    for (size_t i = 0; i < n; i++) {
        mark[i] = -1;
        for (int r = 0; r < BM_BROKER_ROLES; r++)
            out->count[r][i] = 0;
        if (of[i] >= 0)
            size[of[i]] += 1;
    }
    count_roles(n, of, &A, mark, out->count);

    double N = 0, s2 = 0, s3 = 0, t2 = 0, t3 = 0;
    for (size_t g = 0; g < k; g++) {
        double x = size[g];
        N += x;
        s2 += x * x;
        s3 += x * x * x;
        t2 += x * (x - 1);
        t3 += x * (x - 1) * (x - 2);
    }
    double d = N >= 2 ? (double)A.m / (N * (N - 1)) : NAN;
    for (size_t i = 0; i < n; i++) {
        if (of[i] < 0) {
            for (int r = 0; r < BM_BROKER_ROLES; r++)
                out->count[r][i] = out->expected[r][i] = out->z[r][i] = NAN;
            continue;
        }
        double e[BM_BROKER_ROLES], var[BM_BROKER_ROLES], *c = NULL;
        out->count[BM_BROKER_TOTAL][i] = 0;
        for (int r = 0; r < BM_BROKER_TOTAL; r++)
            out->count[BM_BROKER_TOTAL][i] += out->count[r][i];
        role_moments(size[of[i]], N, d, s2, s3, t2, t3, e, var);
        for (int r = 0; r < BM_BROKER_ROLES; r++) {
            c = out->count[r];
            out->expected[r][i] = e[r];
            out->z[r][i] = r_divide(c[i] - e[r], sqrt(var[r]));
        }
    }
done:
    free(A.start);
    free(A.to);
    free(mark);
    free(size);
    return st;
}
