/* test_paths.c: the shortest-path pass (src/measure/paths.c) split over
 * worker processes, and its sampled estimates against the exact values.
 *
 * - Parallel: jobs = 1, 2 and 3 give bit-identical results, exact and
 *   sampled, undirected and directed (chunks are fixed by the problem and
 *   added in chunk order).
 * - Sampled: on networks where the exact values are known (the exact pass,
 *   itself checked against NetworkX and python-igraph by the oracle tests,
 *   and by hand here on a path), over many seeds, the largest error stays
 *   within the stated bound: betweenness / (n(n-1)) within epsilon, from the
 *   sampled sources (Brandes & Pich, Hoeffding's bound) and, asked alone,
 *   from sampled paths (Riondato & Kornaropoulos); each actor's mean distance within epsilon x
 *   diameter (Eppstein & Wang), group betweenness within the reported
 *   group_betweenness_epsilon; a bound may fail with probability delta, so at
 *   most a delta share of seeds may miss it (none does in practice).
 * - A small component is searched from every actor, so its values are exact
 *   even when sampled.
 * The test networks are generated here with a fixed seed: four groups of
 * actors on a ring each, with chords and a few ties between groups, weights
 * 1, 2 and 4 (exact reciprocals). */
#define _GNU_SOURCE
#include <math.h>
#include <string.h>
#include "fixture.h"
#include "bridgemap.h"
#include "../../src/measure/paths.h"

static unsigned long lcg(unsigned long *x)
{
    *x = *x * 6364136223846793005UL + 1442695040888963407UL;
    return *x >> 33;
}

/* Records and actors of the generated network: groups of `size` actors. */
static bm_network *make_network(size_t groups, size_t size, int directed, int extra_triangle,
                                bm_grouping **g)
{
    size_t cap = 1 << 20;
    char *rec = malloc(cap), *act = malloc(cap);
    size_t r = (size_t)snprintf(rec, cap, "source,target,weight\n");
    size_t a = (size_t)snprintf(act, cap, "id,g\n");
    unsigned long x = 12345;
    size_t n = groups * size;
    static const int w[3] = {1, 2, 4};
    for (size_t i = 0; i < n; i++) {
        size_t gi = i / size, j = gi * size + (i % size + 1) % size;
        a += (size_t)snprintf(act + a, cap - a, "v%zu,G%zu\n", i, gi);
        r += (size_t)snprintf(rec + r, cap - r, "v%zu,v%zu,%d\n", i, j, w[lcg(&x) % 3]);
        if (directed) /* the ring both ways, so the network is strongly connected */
            r += (size_t)snprintf(rec + r, cap - r, "v%zu,v%zu,%d\n", j, i, w[lcg(&x) % 3]);
        size_t c = gi * size + lcg(&x) % size; /* a chord inside the group */
        if (c != i)
            r += (size_t)snprintf(rec + r, cap - r, "v%zu,v%zu,%d\n", i, c, w[lcg(&x) % 3]);
        if (lcg(&x) % 10 == 0) { /* a tie to another group */
            size_t o = lcg(&x) % n;
            if (o / size != gi)
                r += (size_t)snprintf(rec + r, cap - r, "v%zu,v%zu,%d\n", i, o, w[lcg(&x) % 3]);
        }
    }
    if (extra_triangle) {
        r += (size_t)snprintf(rec + r, cap - r, "t0,t1,1\nt1,t2,2\nt2,t0,1\n");
        a += (size_t)snprintf(act + a, cap - a, "t0,T\nt1,T\nt2,T\n");
    }
    bm_network *net = load_text(rec, act, directed, 0);
    *g = group_by(net, "g");
    free(rec);
    free(act);
    return net;
}

/* Every path measure, or (bc_only) betweenness alone, which takes
 * Riondato-Kornaropoulos' sampled paths instead of the sampled sources. */
static void compute_what(bm_paths *p, const bm_network *net, const bm_grouping *g, int sampled,
                         double eps, unsigned long seed, unsigned jobs, int bc_only)
{
    bm_paths_request req;
    memset(&req, 0, sizeof req);
    req.betweenness = 1;
    req.closeness = req.distances = !bc_only;
    req.groupings = &g;
    req.n_groupings = bc_only ? 0 : 1;
    req.sampled = sampled;
    req.epsilon = eps;
    req.delta = 0.1;
    req.seed = seed;
    req.jobs = jobs;
    if (bm_i_paths_compute(p, net, &req) != BM_OK) {
        fprintf(stderr, "paths failed: %s\n", bm_error_last());
        exit(99);
    }
}

static void compute(bm_paths *p, const bm_network *net, const bm_grouping *g, int sampled,
                    double eps, unsigned long seed, unsigned jobs)
{
    compute_what(p, net, g, sampled, eps, seed, jobs, 0);
}

static int same(const double *a, const double *b, size_t n)
{
    return memcmp(a, b, n * sizeof *a) == 0;
}

static void check_identical(const bm_network *net, const bm_grouping *g, int sampled)
{
    bm_paths p1, p2, p3;
    size_t n = bm_network_actor_count(net), k = bm_grouping_count(g);
    compute(&p1, net, g, sampled, 0.25, 7, 1);
    compute(&p2, net, g, sampled, 0.25, 7, 2);
    compute(&p3, net, g, sampled, 0.25, 7, 3);
    CHECK(same(p1.betweenness, p2.betweenness, n) && same(p1.betweenness, p3.betweenness, n));
    CHECK(same(p1.closeness, p2.closeness, n) && same(p1.closeness, p3.closeness, n));
    CHECK(same(p1.harmonic, p2.harmonic, n) && same(p1.harmonic, p3.harmonic, n));
    CHECK(same(p1.group_betweenness[0], p2.group_betweenness[0], k) &&
          same(p1.group_betweenness[0], p3.group_betweenness[0], k));
    CHECK(memcmp(&p1.mean_distance, &p2.mean_distance, sizeof(double)) == 0);
    CHECK(memcmp(&p1.diameter, &p3.diameter, sizeof(double)) == 0);
    bm_i_paths_free(&p1);
    bm_i_paths_free(&p2);
    bm_i_paths_free(&p3);
    if (sampled) { /* betweenness alone: Riondato-Kornaropoulos samples */
        compute_what(&p1, net, g, 1, 0.25, 7, 1, 1);
        compute_what(&p3, net, g, 1, 0.25, 7, 3, 1);
        CHECK(!p1.betweenness_from_sources && p1.betweenness_samples > 0);
        CHECK(same(p1.betweenness, p3.betweenness, n));
        bm_i_paths_free(&p1);
        bm_i_paths_free(&p3);
    }
}

/* Over `seeds` seeds: how many runs break each bound, and the largest
 * errors relative to their bounds. */
static void check_bounds(const bm_network *net, const bm_grouping *g, double eps, int seeds)
{
    size_t n = bm_network_actor_count(net), k = bm_grouping_count(g);
    int directed = bm_network_is_directed(net);
    bm_paths exact;
    compute(&exact, net, g, 0, 0, 0, 2);
    /* RK normalisation: raw betweenness over ordered pairs / (n (n-1)) */
    double pairs = (double)n * (double)(n - 1) / (directed ? 1.0 : 2.0);
    int miss_b = 0, miss_c = 0, miss_g = 0, miss_r = 0;
    double worst_b = 0, worst_c = 0, worst_g = 0, worst_r = 0;
    for (int seed = 1; seed <= seeds; seed++) {
        bm_paths s, r;
        compute(&s, net, g, 1, eps, (unsigned long)seed, 2);
        compute_what(&r, net, g, 1, eps, (unsigned long)seed, 2, 1);
        CHECK(s.sampled && s.betweenness_from_sources && s.source_sample < n);
        CHECK(r.sampled && !r.betweenness_from_sources && r.betweenness_samples > 0);
        double eb = 0, ec = 0, eg = 0, er = 0;
        for (size_t v = 0; v < n; v++) {
            eb = fmax(eb, fabs(s.betweenness[v] - exact.betweenness[v]) / pairs);
            er = fmax(er, fabs(r.betweenness[v] - exact.betweenness[v]) / pairs);
            /* mean distance to the n - 1 others (the network is connected) */
            double ms = 1.0 / s.closeness[v] / (double)(n - 1);
            double me = 1.0 / exact.closeness[v] / (double)(n - 1);
            ec = fmax(ec, fabs(ms - me) / exact.diameter);
        }
        for (size_t j = 0; j < k; j++)
            eg = fmax(eg, fabs(s.group_betweenness[0][j] - exact.group_betweenness[0][j]));
        miss_b += eb > eps;
        miss_r += er > eps;
        miss_c += ec > eps;
        miss_g += eg > s.group_betweenness_epsilon;
        worst_b = fmax(worst_b, eb / eps);
        worst_r = fmax(worst_r, er / eps);
        worst_c = fmax(worst_c, ec / eps);
        worst_g = fmax(worst_g, eg / s.group_betweenness_epsilon);
        bm_i_paths_free(&s);
        bm_i_paths_free(&r);
    }
    printf("  n=%zu %s eps=%g over %d seeds: worst error / bound: betweenness %.3f (sampled "
           "sources), %.3f (sampled paths), mean distance %.3f, group betweenness %.3f; misses %d "
           "%d %d %d\n",
           n, directed ? "directed" : "undirected", eps, seeds, worst_b, worst_r, worst_c, worst_g,
           miss_b, miss_r, miss_c, miss_g);
    /* delta = 0.1: at most a tenth of the seeds may miss a bound */
    CHECK(miss_b <= seeds / 10);
    CHECK(miss_r <= seeds / 10);
    CHECK(miss_c <= seeds / 10);
    CHECK(miss_g <= seeds / 10);
    bm_i_paths_free(&exact);
}

/* A path a - b - c - d, unweighted: betweenness b = c = 2 (pairs a-c, a-d /
 * b-d, a-d), closeness of a = 1/(1+2+3) = 1/6, harmonic of a = 1 + 1/2 +
 * 1/3, mean distance (2 (3 x 1 + 2 x 2 + 1 x 3)) / 12 = 20/12, diameter 3. */
static void test_path_by_hand(void)
{
    bm_network *net = load_text("source,target\na,b\nb,c\nc,d\n", "id,g\na,X\nb,X\nc,Y\nd,Y\n", 0, 0);
    bm_grouping *g = group_by(net, "g");
    bm_paths p;
    compute(&p, net, g, 0, 0, 0, 2);
    CHECK_NUM(p.betweenness[0], 0);
    CHECK_NUM(p.betweenness[1], 2);
    CHECK_NUM(p.betweenness[2], 2);
    CHECK_NUM(p.closeness[0], 1.0 / 6);
    CHECK_NUM(p.harmonic[0], 1 + 0.5 + 1.0 / 3);
    CHECK_NUM(p.mean_distance, 20.0 / 12);
    CHECK_NUM(p.diameter, 3);
    /* group X = {a, b}: outsider pairs (c, d) only, the path c-d avoids X */
    CHECK_NUM(p.group_betweenness[0][0], 0);
    bm_i_paths_free(&p);
    bm_grouping_free(g);
    bm_network_free(net);
}

/* With a component small enough to search from every actor, its actors'
 * sampled values equal the exact ones. */
static void test_small_component_exact(void)
{
    bm_grouping *g;
    bm_network *net = make_network(4, 60, 0, 1, &g);
    size_t n = bm_network_actor_count(net);
    bm_paths e, s;
    compute(&e, net, g, 0, 0, 0, 2);
    compute(&s, net, g, 1, 0.25, 3, 2);
    for (size_t v = n - 3; v < n; v++) {
        CHECK_NUM(s.closeness[v], e.closeness[v]);
        CHECK_NUM(s.harmonic[v], e.harmonic[v]);
    }
    bm_i_paths_free(&e);
    bm_i_paths_free(&s);
    bm_grouping_free(g);
    bm_network_free(net);
}

int main(void)
{
    bm_init(1);
    test_path_by_hand();
    for (int directed = 0; directed <= 1; directed++) {
        bm_grouping *g;
        bm_network *net = make_network(4, 100, directed, 0, &g);
        check_identical(net, g, 0);
        check_identical(net, g, 1);
        check_bounds(net, g, 0.25, 30);
        check_bounds(net, g, 0.15, 20);
        bm_grouping_free(g);
        bm_network_free(net);
    }
    test_small_component_exact();
    return check_done();
}
