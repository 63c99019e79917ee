/* test_measures.c: measures on graphs small enough to compute by hand; the
 * hand computation is written beside each expected value. Includes the null
 * graph, a singleton, an isolate and a disconnected network. */
#define _GNU_SOURCE
#include <unistd.h>
#include "fixture.h"
#include "bridgemap.h"

typedef struct fixture {
    bm_network *net;
    bm_grouping *grouping;
    bm_table *actors, *groups, *ties, *summary;
} fixture;

static void setup(fixture *f, const char *records, const char *actors, const char *group,
                  int directed)
{
    memset(f, 0, sizeof *f);
    f->net = load_text(records, actors, directed, 0);
    if (group)
        f->grouping = group_by(f->net, group);
    bm_measure_options mo = {.grouping = f->grouping, .seed = 1, .permutations = 999};
    if (bm_measures_actors(&f->actors, f->net, &mo) != BM_OK ||
        bm_measures_ties(&f->ties, f->net, &mo) != BM_OK ||
        bm_measures_summary(&f->summary, f->net, &mo) != BM_OK ||
        (f->grouping && bm_measures_groups(&f->groups, f->net, &mo) != BM_OK)) {
        fprintf(stderr, "measures failed: %s\n", bm_error_last());
        exit(99);
    }
}

static void teardown(fixture *f)
{
    bm_table_free(f->actors);
    bm_table_free(f->groups);
    bm_table_free(f->ties);
    bm_table_free(f->summary);
    bm_grouping_free(f->grouping);
    bm_network_free(f->net);
}

static double get(const bm_table *t, const char *col, size_t row)
{
    long c = bm_table_find(t, col);
    if (c < 0) {
        fprintf(stderr, "no column %s in %s\n", col, bm_table_name(t));
        check_failures++;
        return NAN;
    }
    return bm_table_number(t, (size_t)c, row);
}

static void test_null_graph(void)
{
    fixture f;
    setup(&f, "source,target\n", NULL, NULL, 0);
    CHECK(bm_table_rows(f.actors) == 0);
    CHECK(bm_table_rows(f.ties) == 0);
    CHECK_NUM(get(f.summary, "nodes", 0), 0);
    CHECK_NUM(get(f.summary, "ties", 0), 0);
    CHECK_NUM(get(f.summary, "density", 0), NAN);
    CHECK_NUM(get(f.summary, "components", 0), 0);
    CHECK_NUM(get(f.summary, "mean_distance", 0), NAN);
    CHECK_NUM(get(f.summary, "diameter", 0), NAN);
    CHECK_NUM(get(f.summary, "transitivity", 0), NAN);
    teardown(&f);
}

static void test_singleton(void)
{
    fixture f;
    setup(&f, "source,target\n", "id,sector\nsolo,public\n", "sector", 0);
    CHECK(bm_table_rows(f.actors) == 1);
    CHECK_NUM(get(f.actors, "degree", 0), 0);
    CHECK_NUM(get(f.actors, "betweenness", 0), 0);
    CHECK_NUM(get(f.actors, "betweenness_norm", 0), NAN); /* n < 3 */
    CHECK_NUM(get(f.actors, "closeness", 0), NAN);        /* reaches nobody */
    CHECK_NUM(get(f.actors, "harmonic", 0), 0);
    CHECK_NUM(get(f.actors, "clustering", 0), NAN);
    CHECK_NUM(get(f.actors, "ei_index", 0), NAN);         /* no ties */
    CHECK_NUM(get(f.summary, "components", 0), 1);
    CHECK_NUM(get(f.summary, "density", 0), NAN);
    CHECK_NUM(get(f.groups, "ei_index", 0), NAN);
    CHECK_NUM(get(f.groups, "density", 0), NAN);
    teardown(&f);
}

static void test_path(void)
{
    /* Path a -2- b -1- c (weights 2 and 1; distances 0.5 and 1). */
    fixture f;
    setup(&f, "source,target,weight\na,b,2\nb,c,1\n", NULL, NULL, 0);
    CHECK_NUM(get(f.actors, "degree", 1), 2);
    CHECK_NUM(get(f.actors, "strength", 1), 3);
    CHECK_NUM(get(f.actors, "in_degree", 1), NAN); /* undirected: does not apply */
    /* b lies on the only a-c path */
    CHECK_NUM(get(f.actors, "betweenness", 0), 0);
    CHECK_NUM(get(f.actors, "betweenness", 1), 1);
    CHECK_NUM(get(f.actors, "betweenness_norm", 1), 1); /* 1 x 2/((3-1)(3-2)) */
    /* closeness a: 1/(0.5 + 1.5); b: 1/(0.5 + 1); c: 1/(1 + 1.5) */
    CHECK_NUM(get(f.actors, "closeness", 0), 0.5);
    CHECK_NUM(get(f.actors, "closeness", 1), 1 / 1.5);
    CHECK_NUM(get(f.actors, "closeness", 2), 0.4);
    /* harmonic a: 1/0.5 + 1/1.5 */
    CHECK_NUM(get(f.actors, "harmonic", 0), 2 + 1 / 1.5);
    CHECK_NUM(get(f.actors, "clustering", 0), NAN);
    CHECK_NUM(get(f.actors, "clustering", 1), 0);
    CHECK_NUM(get(f.actors, "coreness", 1), 1);
    /* summary: density 2/3; one component; mean distance over 6 ordered
     * pairs (0.5, 1, 1.5 each twice) = 1; diameter 1.5 */
    CHECK_NUM(get(f.summary, "density", 0), 2.0 / 3.0);
    CHECK_NUM(get(f.summary, "components", 0), 1);
    CHECK_NUM(get(f.summary, "mean_distance", 0), 1);
    CHECK_NUM(get(f.summary, "diameter", 0), 1.5);
    CHECK_NUM(get(f.summary, "transitivity", 0), 0);
    /* both ties are bridges */
    CHECK_NUM(get(f.ties, "bridge", 0), 1);
    CHECK_NUM(get(f.ties, "bridge", 1), 1);
    teardown(&f);

    /* Unweighted path P3: PageRank solves a = 0.05 + 0.85 b/2,
     * b = 0.05 + 0.85 (a + c), a = c: a = 0.07125/0.2775. Eigenvector
     * (1, sqrt 2, 1) scaled to max 1. */
    setup(&f, "source,target\na,b\nb,c\n", NULL, NULL, 0);
    double a = 0.07125 / 0.2775;
    CHECK(check_close(get(f.actors, "pagerank", 0), a, 1e-6));
    CHECK(check_close(get(f.actors, "pagerank", 1), 1 - 2 * a, 1e-6));
    CHECK(check_close(get(f.actors, "eigenvector", 0), 1 / sqrt(2.0), 1e-6));
    CHECK(check_close(get(f.actors, "eigenvector", 1), 1, 1e-6));
    teardown(&f);
}

static void test_disconnected_with_isolate(void)
{
    /* Triangle a,b,c; pair d-e; isolate f (actors file only). */
    fixture f;
    setup(&f, "source,target\na,b\nb,c\nc,a\nd,e\n", "id\na\nb\nc\nd\ne\nf\n", NULL, 0);
    CHECK_NUM(get(f.summary, "components", 0), 3);
    CHECK_NUM(get(f.summary, "nodes", 0), 6);
    CHECK_NUM(get(f.summary, "density", 0), 4.0 / 15.0);
    /* transitivity: 3 closed triples (triangle) of 3 connected triples */
    CHECK_NUM(get(f.summary, "transitivity", 0), 1);
    /* mean distance: 6 ordered pairs in the triangle + 2 in the pair, all 1 */
    CHECK_NUM(get(f.summary, "mean_distance", 0), 1);
    CHECK_NUM(get(f.actors, "degree", 5), 0);
    CHECK_NUM(get(f.actors, "closeness", 5), NAN);
    CHECK_NUM(get(f.actors, "harmonic", 5), 0);
    CHECK_NUM(get(f.actors, "clustering", 0), 1);
    CHECK_NUM(get(f.actors, "coreness", 0), 2);
    CHECK_NUM(get(f.actors, "coreness", 5), 0);
    /* closeness of d: reaches only e at distance 1 */
    CHECK_NUM(get(f.actors, "closeness", 3), 1);
    CHECK_NUM(get(f.ties, "bridge", 0), 0);
    CHECK_NUM(get(f.ties, "bridge", 3), 1);
    teardown(&f);
}

static void test_ei(void)
{
    /* a, b in X; c in Y; d without a group. Ties a-b, a-c, b-c, c-d.
     * a: E 1 (c), I 1 (b) -> 0. c: E 2 (a, b), I 0 -> 1 (d left out). d: NaN.
     * Group X: internal 1, external 2 -> (2 - 2x1)/(2 + 2x1) = 0.
     * Group Y: internal 0, external 2 -> 1. Network: between 2, within 1
     * -> 1/3. Expected: 3 grouped actors, 1 possible pair inside, 2 across
     * -> (2 - 1)/3. */
    fixture f;
    setup(&f, "source,target\na,b\na,c\nb,c\nc,d\n", "id,team\na,X\nb,X\nc,Y\nd,\n", "team", 0);
    CHECK_NUM(get(f.actors, "ei_index", 0), 0);
    CHECK_NUM(get(f.actors, "ei_index", 2), 1);
    CHECK_NUM(get(f.actors, "ei_index", 3), NAN);
    CHECK(bm_table_rows(f.groups) == 2);
    CHECK_STR(bm_table_text(f.groups, 0, 0), "X");
    CHECK_NUM(get(f.groups, "size", 0), 2);
    CHECK_NUM(get(f.groups, "internal_ties", 0), 1);
    CHECK_NUM(get(f.groups, "external_ties", 0), 2);
    CHECK_NUM(get(f.groups, "ei_index", 0), 0);
    CHECK_NUM(get(f.groups, "ei_index", 1), 1);
    CHECK_NUM(get(f.groups, "density", 0), 1);
    CHECK_NUM(get(f.summary, "ei_index", 0), 1.0 / 3.0);
    CHECK_NUM(get(f.summary, "ei_expected", 0), 1.0 / 3.0);
    CHECK_NUM(get(f.summary, "groups", 0), 2);
    /* ties: a-b inside, a-c across, c-d unknown */
    CHECK_NUM(get(f.ties, "cross_group", 0), 0);
    CHECK_NUM(get(f.ties, "cross_group", 1), 1);
    CHECK_NUM(get(f.ties, "cross_group", 3), NAN);
    teardown(&f);

    /* Directed: a->b and b->a are one tie for E-I (OR-symmetrised). */
    setup(&f, "source,target\na,b\nb,a\na,c\n", "id,team\na,X\nb,X\nc,Y\n", "team", 1);
    CHECK_NUM(get(f.summary, "ei_index", 0), 0); /* 1 between, 1 within */
    CHECK_NUM(get(f.groups, "internal_ties", 0), 1);
    CHECK_NUM(get(f.actors, "in_degree", 0), 1);
    CHECK_NUM(get(f.actors, "out_degree", 0), 2);
    CHECK_NUM(get(f.actors, "degree", 0), 3);
    /* coreness on the undirected view: a star a-b, a-c is a 1-core (the
     * mutual pair a<->b is one contact, not two) */
    CHECK_NUM(get(f.actors, "coreness", 0), 1);
    CHECK_NUM(get(f.actors, "coreness", 1), 1);
    teardown(&f);
}

static void test_bridging(void)
{
    /* The E-I fixture again: a, b in X; c in Y; d without a group; ties a-b,
     * a-c, b-c, c-d. */
    fixture f;
    setup(&f, "source,target\na,b\na,c\nb,c\nc,d\n", "id,team\na,X\nb,X\nc,Y\nd,\n", "team", 0);
    /* participation a: grouped contacts b (X), c (Y): 1 - (1/4 + 1/4) = 1/2;
     * c: a, b both X (d has no group): 0; d: no group: NaN. IQV a: 0.5 / (1 - 1/2) */
    CHECK_NUM(get(f.actors, "participation", 0), 0.5);
    CHECK_NUM(get(f.actors, "participation", 2), 0);
    CHECK_NUM(get(f.actors, "participation", 3), NAN);
    CHECK_NUM(get(f.actors, "blau", 0), 0.5);
    CHECK_NUM(get(f.actors, "iqv", 0), 1);
    /* articulation: only c (its removal cuts d off) */
    CHECK_NUM(get(f.actors, "articulation", 0), 0);
    CHECK_NUM(get(f.actors, "articulation", 2), 1);
    CHECK_NUM(get(f.actors, "articulation", 3), 0);
    /* bridging centrality of c: betweenness 2 (d-a, d-b) x (1/3) / (1/2 + 1/2 + 1/1) */
    CHECK_NUM(get(f.actors, "bridging_centrality", 2), 2.0 * (1.0 / 3.0) / 2.0);
    CHECK_NUM(get(f.actors, "bridging_centrality", 0), 0);
    /* top broker: X: a and b carry one external tie each; a comes first: 1/2.
     * Y: c carries both. */
    CHECK_STR(bm_table_text(f.groups, (size_t)bm_table_find(f.groups, "top_broker"), 0), "a");
    CHECK_NUM(get(f.groups, "top_broker_share", 0), 0.5);
    CHECK_STR(bm_table_text(f.groups, (size_t)bm_table_find(f.groups, "top_broker"), 1), "c");
    CHECK_NUM(get(f.groups, "top_broker_share", 1), 1);
    /* silo score, n = 3 grouped: X: EI_exp = (3 - 4 + 1)/2 = 0, EI 0 -> 0;
     * Y: EI_exp = (3 - 2 + 1)/2 = 1, EI 1 -> 0 */
    CHECK_NUM(get(f.groups, "silo_score", 0), 0);
    CHECK_NUM(get(f.groups, "silo_score", 1), 0);
    teardown(&f);

    /* A closed group: X = {a, b, c} a triangle, Y = {d, e} with tie d-e, and
     * no tie between them. X: EI = -1, n = 5, EI_exp = (5 - 6 + 1)/4 = 0:
     * silo 100 (0 + 1)/(0 + 1) = 100. Y: EI_exp = (5 - 4 + 1)/4 = 1/2:
     * 100 (1/2 + 1)/(3/2) = 100. */
    setup(&f, "source,target\na,b\nb,c\nc,a\nd,e\n", "id,team\na,X\nb,X\nc,X\nd,Y\ne,Y\n", "team", 0);
    CHECK_NUM(get(f.groups, "silo_score", 0), 100);
    CHECK_NUM(get(f.groups, "silo_score", 1), 100);
    CHECK_NUM(get(f.groups, "top_broker_share", 0), NAN);
    teardown(&f);
}

static void test_ei_against_chance(void)
{
    /* X = {a, b}, Y = {c, d}; ties a-b, a-c, a-d, b-c, c-d. Within 2 (a-b,
     * c-d), between 3; P_int = 2, P_ext = 4. EI = (3 - 2)/5 = 0.2.
     * EI_min: 2 inside, 3 outside = 0.2; EI_max: 4 outside, 1 inside = 0.6;
     * rescaled = -1 + 2 (0.2 - 0.2)/0.4 = -1. Yule's Q: a = 2, b = 0, c = 3,
     * d = 1: (2 - 0)/(2 + 0) = 1. Permutations: the 6 labelings give within
     * 2, 1, 2 (twice each): EI 0.2 with probability 2/3, 0.6 with 1/3, so
     * p(EI <= 0.2) ~ 2/3; their mean is 1/3 and both values lie at least
     * |0.2 - 1/3| from it: two-sided p = 1. */
    fixture f;
    setup(&f, "source,target\na,b\na,c\na,d\nb,c\nc,d\n", "id,team\na,X\nb,X\nc,Y\nd,Y\n", "team", 0);
    CHECK_NUM(get(f.summary, "ei_index", 0), 0.2);
    CHECK_NUM(get(f.summary, "ei_rescaled", 0), -1);
    CHECK_NUM(get(f.summary, "yules_q", 0), 1);
    CHECK_NUM(get(f.summary, "permutations", 0), 999);
    CHECK(fabs(get(f.summary, "ei_p_value", 0) - 2.0 / 3.0) < 0.05);
    CHECK_NUM(get(f.summary, "ei_p_value_two_sided", 0), 1);
    /* block image: X-X 1 tie of 1 pair, X-Y 3 of 4, Y-Y 1 of 1 */
    bm_table *pairs = NULL;
    bm_measure_options mo = {.grouping = f.grouping, .seed = 1};
    CHECK(bm_measures_group_pairs(&pairs, f.net, &mo) == BM_OK);
    CHECK(bm_table_rows(pairs) == 3);
    CHECK_STR(bm_table_text(pairs, 1, 1), "Y"); /* row 1: X-Y */
    CHECK_NUM(get(pairs, "ties", 1), 3);
    CHECK_NUM(get(pairs, "density", 1), 0.75);
    CHECK_NUM(get(pairs, "density", 0), 1);
    bm_table_free(pairs);
    teardown(&f);
}

/* The permutation test keeps labels in one byte up to 255 groups and in
 * four above: both, on networks of `pairs` two-actor groups.
 * - Only the tie inside each pair: EI = -1, and a permutation keeps all
 *   `pairs` ties inside only if it maps pairs onto pairs (probability about
 *   pairs! 2^pairs / (2 pairs)! < 1e-300), so none of the 999 reaches the
 *   observed value: p = 1/1000, two-sided too (their mean is near
 *   -1 + 2 (1 - 1/(2 pairs - 1)), far from -1).
 * - Only ties across pairs (first actor of pair i to the second of i + 1):
 *   EI = +1, the largest value, so every permutation is <= it: p = 1. */
static void check_ei_pairs(size_t pairs)
{
    size_t cap = 64 * pairs + 64;
    char *inside = malloc(cap), *across = malloc(cap), *act = malloc(cap);
    size_t li = (size_t)snprintf(inside, cap, "source,target\n");
    size_t la = (size_t)snprintf(across, cap, "source,target\n");
    size_t lc = (size_t)snprintf(act, cap, "id,team\n");
    for (size_t i = 0; i < pairs; i++) {
        li += (size_t)snprintf(inside + li, cap - li, "p%zua,p%zub\n", i, i);
        la += (size_t)snprintf(across + la, cap - la, "p%zua,p%zub\n", i, (i + 1) % pairs);
        lc += (size_t)snprintf(act + lc, cap - lc, "p%zua,T%zu\np%zub,T%zu\n", i, i, i, i);
    }
    fixture f;
    setup(&f, inside, act, "team", 0);
    CHECK(bm_grouping_count(f.grouping) == pairs);
    CHECK_NUM(get(f.summary, "ei_index", 0), -1);
    CHECK_NUM(get(f.summary, "ei_p_value", 0), 1.0 / 1000);
    CHECK_NUM(get(f.summary, "ei_p_value_two_sided", 0), 1.0 / 1000);
    teardown(&f);
    setup(&f, across, act, "team", 0);
    CHECK_NUM(get(f.summary, "ei_index", 0), 1);
    CHECK_NUM(get(f.summary, "ei_p_value", 0), 1);
    teardown(&f);
    free(inside);
    free(across);
    free(act);
}

static void test_ei_permutations_many_groups(void)
{
    check_ei_pairs(200); /* one-byte labels */
    check_ei_pairs(300); /* four-byte labels */
}

static void test_degenerate_groupings(void)
{
    /* One group: every tie is inside. EI = -1; expected: no pair across, so
     * (0 - P_int)/P_int = -1; the attainable range is a single point, so the
     * rescaled E-I is undefined; Yule's Q has no "different group" row: NaN.
     * Silo: n = n_g = 3, EI_exp = (3 - 6 + 1)/2 = -1, so 100 (-1 + 1)/0: NaN.
     * Brokerage: only coordinators; b brokers a-c (open): 2 (both ways). */
    fixture f;
    setup(&f, "source,target\na,b\nb,c\n", "id,team\na,X\nb,X\nc,X\n", "team", 0);
    CHECK_NUM(get(f.summary, "ei_index", 0), -1);
    CHECK_NUM(get(f.summary, "ei_expected", 0), -1);
    CHECK_NUM(get(f.summary, "ei_rescaled", 0), NAN);
    CHECK_NUM(get(f.summary, "yules_q", 0), NAN);
    CHECK_NUM(get(f.summary, "ei_p_value", 0), NAN); /* nothing to permute */
    CHECK_NUM(get(f.groups, "silo_score", 0), NAN);
    CHECK_NUM(get(f.actors, "brokerage_coordinator", 1), 2);
    CHECK_NUM(get(f.actors, "brokerage_liaison", 1), 0);
    CHECK_NUM(get(f.actors, "participation", 1), 0);
    CHECK_NUM(get(f.actors, "iqv", 1), NAN); /* K = 1 */
    teardown(&f);

    /* Every actor its own group: every tie is across. EI = +1, expected +1
     * (no pair inside), each group has density NaN (one member) and silo
     * score 0 (EI_exp = (3 - 2 + 1)/2 = 1 = EI). Brokerage: b brokers a-c
     * between two other groups: liaison 2. */
    setup(&f, "source,target\na,b\nb,c\n", "id,team\na,X\nb,Y\nc,Z\n", "team", 0);
    CHECK_NUM(get(f.summary, "ei_index", 0), 1);
    CHECK_NUM(get(f.summary, "ei_expected", 0), 1);
    CHECK_NUM(get(f.groups, "density", 1), NAN);
    CHECK_NUM(get(f.groups, "silo_score", 1), 0);
    CHECK_NUM(get(f.actors, "brokerage_liaison", 1), 2);
    CHECK_NUM(get(f.actors, "brokerage_coordinator", 1), 0);
    CHECK_NUM(get(f.actors, "participation", 1), 0.5);
    teardown(&f);
}

static void test_centralisation(void)
{
    /* Star a-b, a-c, a-d: degree (3 - d_i) sums to 6 over (n-1)(n-2) = 6;
     * betweenness a = 3, sum of (3 - b_i) = 9 over (n-1)^2 (n-2)/2 = 9. */
    fixture f;
    setup(&f, "source,target\na,b\na,c\na,d\n", NULL, NULL, 0);
    CHECK_NUM(get(f.summary, "degree_centralisation", 0), 1);
    CHECK_NUM(get(f.summary, "betweenness_centralisation", 0), 1);
    teardown(&f);
    /* Triangle: everyone equal */
    setup(&f, "source,target\na,b\nb,c\nc,a\n", NULL, NULL, 0);
    CHECK_NUM(get(f.summary, "degree_centralisation", 0), 0);
    CHECK_NUM(get(f.summary, "betweenness_centralisation", 0), 0);
    teardown(&f);
    /* Directed path a->b->c: b lies on one of (n-1)(n-2) = 2 ordered pairs'
     * paths; max sum (n-1)^2 (n-2) = 4: (1 - 0) + (1 - 0) = 2 -> 1/2 */
    setup(&f, "source,target\na,b\nb,c\n", NULL, NULL, 1);
    CHECK_NUM(get(f.summary, "betweenness_centralisation", 0), 0.5);
    teardown(&f);
}

static void test_suggestions(void)
{
    /* A = {a1..a4}, a star around a1; B = {b1, b2, b3}, a path b1-b2-b3; no
     * tie between A and B, so no cross pair is within two steps. Introducing
     * a1 to b2 brings (x, b2) for x in N[a1] = {a1, a2, a3, a4} and (a1, y)
     * for y in N[b2] = {b1, b2, b3}: 4 + 3 - 1 (a1-b2 twice) = 6 pairs.
     * a1-b1: 4 + 2 - 1 = 5, and a1-b3 likewise 5; a2-b2: N[a2] = {a1, a2}:
     * 2 + 3 - 1 = 4. With at most two suggestions per actor, the list is
     * a1-b2 (6), a1-b1 (5), then a leaf with b2 (4). */
    fixture f;
    setup(&f, "source,target\na1,a2\na1,a3\na1,a4\nb1,b2\nb2,b3\n",
          "id,team\na1,A\na2,A\na3,A\na4,A\nb1,B\nb2,B\nb3,B\n", "team", 0);
    bm_table *sg = NULL;
    bm_measure_options mo = {.grouping = f.grouping, .seed = 1};
    CHECK(bm_measures_suggestions(&sg, f.net, &mo, 3) == BM_OK);
    CHECK(bm_table_rows(sg) == 3);
    CHECK_STR(bm_table_text(sg, 1, 0), "a1");
    CHECK_STR(bm_table_text(sg, 2, 0), "b2");
    CHECK_NUM(get(sg, "score", 0), 6);
    CHECK_STR(bm_table_text(sg, 1, 1), "a1");
    CHECK_STR(bm_table_text(sg, 2, 1), "b1");
    CHECK_NUM(get(sg, "score", 1), 5);
    /* a1 is used twice now; every score is against today's network, so
     * a2-b2 scores (a2, b2), (a1, b2), (a2, b1), (a2, b3) = 4 */
    CHECK_NUM(get(sg, "score", 2), 4);
    CHECK_STR(bm_table_text(sg, 2, 2), "b2");
    bm_table_free(sg);
    teardown(&f);
}

static void test_format_number(void)
{
    char buf[32];
    bm_format_number(buf, 0.1);
    CHECK_STR(buf, "0.1");
    bm_format_number(buf, 1.0 / 3.0);
    CHECK(strtod(buf, NULL) == 1.0 / 3.0);
    bm_format_number(buf, 42);
    CHECK_STR(buf, "42");
    bm_format_number(buf, NAN);
    CHECK_STR(buf, "");
}

/* The formula guard (OWASP "CSV Injection"): text cells starting with
 * = + - @ TAB CR get a ' in front (inside the CSV quotes); plain numbers
 * written as text and number columns do not. Expected text by hand. */
static void test_csv_guard(void)
{
    const char *text[] = {"=1+1", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-5", "+2.5",
                          "-1e3", "-", "+", "-.", "1-2", "a=b", "", "-e5", "=\"q\""};
    size_t n = sizeof text / sizeof *text;
    double num[sizeof text / sizeof *text];
    for (size_t i = 0; i < n; i++)
        num[i] = -(double)i;
    bm_table *t = NULL;
    CHECK(bm_table_new(&t, "guard", n) == BM_OK);
    CHECK(bm_table_add_text(t, "=name", text, "", "") == BM_OK);
    CHECK(bm_table_add_number(t, "x", num, "", "") == BM_OK);
    const char *want_guarded =
        "\"'=name\",x\n\"'=1+1\",0\n\"'+1+1\",-1\n\"'-2+3\",-2\n\"'@SUM(A1)\",-3\n\"'\t=1\",-4\n"
        "\"'\r=1\",-5\n-5,-6\n+2.5,-7\n-1e3,-8\n\"'-\",-9\n\"'+\",-10\n\"'-.\",-11\n1-2,-12\n"
        "a=b,-13\n,-14\n\"'-e5\",-15\n\"'=\"\"q\"\"\",-16\n";
    const char *want_raw =
        "=name,x\n=1+1,0\n+1+1,-1\n-2+3,-2\n@SUM(A1),-3\n\t=1,-4\n\"\r=1\",-5\n-5,-6\n+2.5,-7\n"
        "-1e3,-8\n-,-9\n+,-10\n-.,-11\n1-2,-12\na=b,-13\n,-14\n-e5,-15\n\"=\"\"q\"\"\",-16\n";
    for (int raw = 0; raw < 2; raw++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        CHECK(f && bm_write_csv_stream_ex(t, f, raw ? BM_CSV_RAW : 0) == BM_OK);
        fclose(f);
        CHECK_STR(buf, raw ? want_raw : want_guarded);
        free(buf);
    }
    CHECK(bm_csv_needs_guard("=x") && !bm_csv_needs_guard("-0.5") && !bm_csv_needs_guard(NULL));
    bm_table_free(t);
}

int main(void)
{
    bm_init(1);
    test_null_graph();
    test_singleton();
    test_path();
    test_disconnected_with_isolate();
    test_ei();
    test_bridging();
    test_ei_against_chance();
    test_ei_permutations_many_groups();
    test_centralisation();
    test_degenerate_groupings();
    test_suggestions();
    test_format_number();
    test_csv_guard();
    return check_done();
}
