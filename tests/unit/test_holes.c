/* test_holes.c: Burt's structural-hole measures (src/holes.c) on networks
 * small enough to compute by hand: a star, a triangle, a path, a kite (the
 * hierarchy case), isolates, a weighted triangle, a directed network with a
 * mutual pair (unweighted and weighted), a hub large enough to take the
 * binary-search branch, the null graph and a singleton.
 *
 * Notation (holes.c): w_ij = a_ij + a_ji, s_i = sum_k w_ik, p_ij = w_ij / s_i,
 * m_jq = w_jq / max_k w_jk; c_ij = (p_ij + sum_q p_iq p_qj)^2, C = sum_j c_ij,
 * E = sum_j (1 - sum_q p_iq m_jq), efficiency = E / N,
 * H = sum_j r_j ln r_j / (N ln N) with r_j = N c_ij / C. The arithmetic is
 * written beside each expected value; all of it agrees with NetworkX 2.8
 * (nx.constraint, nx.effective_size, nx.local_constraint). */
#define _GNU_SOURCE
#include <unistd.h>
#include "check.h"
#include "bridgemap.h"
#include "../../src/measure/holes.h"

enum { MAXN = 72 };

typedef struct fixture {
    bm_network *net;
    double c[MAXN], e[MAXN], f[MAXN], h[MAXN];
} fixture;

/* Loads records (and actors, may be NULL), runs bm_i_structural_holes. */
static void run(fixture *fx, const char *records, const char *actors, int directed, int unweighted)
{
    memset(fx, 0, sizeof *fx);
    bm_load_options o;
    bm_load_options_init(&o);
    char *rp = write_temp(records), *ap = actors ? write_temp(actors) : NULL;
    o.records_path = rp;
    o.actors_path = ap;
    o.directed = directed;
    if (bm_load(&fx->net, &o) != BM_OK) {
        fprintf(stderr, "load failed: %s\n", bm_error_last());
        exit(99);
    }
    unlink(rp);
    free(rp);
    if (ap) {
        unlink(ap);
        free(ap);
    }
    if (bm_network_actor_count(fx->net) > MAXN) {
        fprintf(stderr, "fixture too large\n");
        exit(99);
    }
    if (bm_i_structural_holes(fx->net, unweighted, fx->c, fx->e, fx->f, fx->h) != BM_OK) {
        fprintf(stderr, "structural holes failed: %s\n", bm_error_last());
        exit(99);
    }
}

static size_t ix(const fixture *fx, const char *id)
{
    long i = bm_network_find_actor(fx->net, id);
    if (i < 0) {
        fprintf(stderr, "no actor %s\n", id);
        exit(99);
    }
    return (size_t)i;
}

/* Checks the four measures of actor id. */
#define CHECK_HOLES(fx, id, C, E, F, H)         \
    do {                                        \
        size_t i_ = ix(&(fx), id);              \
        CHECK_NUM((fx).c[i_], (C));             \
        CHECK_NUM((fx).e[i_], (E));             \
        CHECK_NUM((fx).f[i_], (F));             \
        CHECK_NUM((fx).h[i_], (H));             \
    } while (0)

/* H for two contacts with r_1 + r_2 = 2. */
static double h2(double r1, double r2)
{
    return (r1 * log(r1) + r2 * log(r2)) / (2 * log(2.0));
}

static void test_star(void)
{
    /* Centre o, leaves a b c d, no ties between leaves.
     * o: p_oj = 1/4, no q tied to j: c_oj = 1/16, C = 4/16 = 1/4; nothing
     *    redundant: E = 4, efficiency 1; equal c_oj: r_j = 1, H = 0.
     * leaf: one contact, p = 1: C = 1; E = 1 - (empty sum) = 1; efficiency 1;
     *    H = 0/0: NaN (fewer than two contacts). */
    fixture fx;
    run(&fx, "source,target\no,a\no,b\no,c\no,d\n", NULL, 0, 0);
    CHECK_HOLES(fx, "o", 0.25, 4, 1, 0);
    CHECK_HOLES(fx, "a", 1, 1, 1, NAN);
    CHECK_HOLES(fx, "d", 1, 1, 1, NAN);
    bm_network_free(fx.net);
}

static void test_triangle(void)
{
    /* a b c all tied: p = 1/2 everywhere.
     * c_ab = (p_ab + p_ac p_cb)^2 = (1/2 + 1/4)^2 = 9/16, C = 2 x 9/16 = 9/8.
     * E: for j = b, 1 - p_ac m_bc = 1 - 1/2 x 1 = 1/2; twice: E = 1
     *    (Borgatti: n - 2t/n = 2 - 2/2 = 1); efficiency 1/2. H = 0. */
    fixture fx;
    run(&fx, "source,target\na,b\nb,c\nc,a\n", NULL, 0, 0);
    CHECK_HOLES(fx, "a", 9.0 / 8, 1, 0.5, 0);
    CHECK_HOLES(fx, "b", 9.0 / 8, 1, 0.5, 0);
    CHECK_HOLES(fx, "c", 9.0 / 8, 1, 0.5, 0);
    bm_network_free(fx.net);
}

static void test_path(void)
{
    /* a - b - c - d.
     * a: one contact: C = 1, E = 1, efficiency 1, H NaN (d likewise).
     * b: contacts a, c with p = 1/2, not tied to each other:
     *    c_ba = c_bc = 1/4, C = 1/2; E = 2, efficiency 1; H = 0 (c likewise). */
    fixture fx;
    run(&fx, "source,target\na,b\nb,c\nc,d\n", NULL, 0, 0);
    CHECK_HOLES(fx, "a", 1, 1, 1, NAN);
    CHECK_HOLES(fx, "b", 0.5, 2, 1, 0);
    CHECK_HOLES(fx, "c", 0.5, 2, 1, 0);
    CHECK_HOLES(fx, "d", 1, 1, 1, NAN);
    bm_network_free(fx.net);
}

static void test_kite_hierarchy(void)
{
    /* Triangle a b c plus d hanging on a. s_a = 3, s_b = s_c = 2, s_d = 1.
     * a: p_ab = p_ac = p_ad = 1/3.
     *    c_ab = (1/3 + p_ac p_cb + p_ad p_db)^2 = (1/3 + 1/3 x 1/2 + 0)^2 = 1/4
     *    c_ac = 1/4 likewise; c_ad = (1/3 + 0)^2 = 1/9; C = 1/2 + 1/9 = 11/18.
     *    E: b: 1 - p_ac m_bc = 1 - 1/3 = 2/3; c: 2/3; d: 1 - 0 = 1; E = 7/3
     *    (Borgatti: 3 - 2 x 1/3 = 7/3); efficiency 7/9.
     *    H: C/N = 11/54; r_b = r_c = (1/4)(54/11) = 27/22, r_d = (1/9)(54/11)
     *    = 6/11 (sum 3); H = (2 (27/22) ln(27/22) + (6/11) ln(6/11)) / (3 ln 3)
     *    = 0.05220...
     * b: p_ba = p_bc = 1/2. c_ba = (1/2 + p_bc p_ca)^2 = (1/2 + 1/4)^2 = 9/16;
     *    c_bc = (1/2 + p_ba p_ac)^2 = (1/2 + 1/6)^2 = 4/9; C = 9/16 + 4/9
     *    = 145/144. E: a: 1 - p_bc m_ac = 1/2; c: 1 - p_ba m_ca = 1/2; E = 1,
     *    efficiency 1/2. H: r_a = (9/16)(288/145) = 162/145, r_c = (4/9)
     *    (288/145) = 128/145; H = h2(162/145, 128/145).
     * d: C = 1, E = 1, efficiency 1, H NaN. */
    fixture fx;
    run(&fx, "source,target\na,b\nb,c\nc,a\na,d\n", NULL, 0, 0);
    double ha = (2 * (27.0 / 22) * log(27.0 / 22) + (6.0 / 11) * log(6.0 / 11)) / (3 * log(3.0));
    CHECK(ha > 0.052 && ha < 0.0523);
    CHECK_HOLES(fx, "a", 11.0 / 18, 7.0 / 3, 7.0 / 9, ha);
    CHECK_HOLES(fx, "b", 145.0 / 144, 1, 0.5, h2(162.0 / 145, 128.0 / 145));
    CHECK_HOLES(fx, "c", 145.0 / 144, 1, 0.5, h2(162.0 / 145, 128.0 / 145));
    CHECK_HOLES(fx, "d", 1, 1, 1, NAN);
    bm_network_free(fx.net);
}

static void test_isolates(void)
{
    /* x - y plus isolates z (actors file only): z has no contacts, so all
     * four measures are undefined (NaN), as igraph and NetworkX say for
     * constraint and effective size. */
    fixture fx;
    run(&fx, "source,target\nx,y\n", "id\nx\ny\nz\n", 0, 0);
    CHECK_HOLES(fx, "x", 1, 1, 1, NAN);
    CHECK_HOLES(fx, "z", NAN, NAN, NAN, NAN);
    bm_network_free(fx.net);

    /* Directed: z isolated too. */
    run(&fx, "source,target\nx,y\n", "id\nx\ny\nz\n", 1, 0);
    CHECK_HOLES(fx, "z", NAN, NAN, NAN, NAN);
    bm_network_free(fx.net);
}

static void test_weighted(void)
{
    /* Triangle with w_ab = 3 (records 1 + 2 add up), w_ac = 1, w_bc = 2.
     * s_a = 4, s_b = 5, s_c = 3; max: a 3, b 3, c 2.
     * p_ab = 3/4, p_ac = 1/4; p_ba = 3/5, p_bc = 2/5; p_ca = 1/3, p_cb = 2/3.
     * a: c_ab = (3/4 + 1/4 x 2/3)^2 = (11/12)^2 = 121/144;
     *    c_ac = (1/4 + 3/4 x 2/5)^2 = (11/20)^2 = 121/400;
     *    C = 121/144 + 121/400.
     *    E: b: 1 - p_ac m_bc = 1 - 1/4 x 2/3 = 5/6; c: 1 - p_ab m_cb
     *    = 1 - 3/4 x 2/2 = 1/4; E = 13/12, efficiency 13/24.
     *    H: r_b = 2 (1/144) / (1/144 + 1/400) = 800/544 = 25/17, r_c = 9/17.
     * b: c_ba = (3/5 + 2/5 x 1/3)^2 = (11/15)^2 = 121/225;
     *    c_bc = (2/5 + 3/5 x 1/4)^2 = (11/20)^2 = 121/400.
     *    E: a: 1 - p_bc m_ac = 1 - 2/5 x 1/3 = 13/15; c: 1 - p_ba m_ca
     *    = 1 - 3/5 x 1/2 = 7/10; E = 47/30.
     *    H: r_a = 2 (1/225) / (1/225 + 1/400) = 800/625 = 32/25, r_c = 18/25.
     * c: c_ca = (1/3 + 2/3 x 3/5)^2 = (11/15)^2; c_cb = (2/3 + 1/3 x 3/4)^2
     *    = (11/12)^2; C = 121/225 + 121/144.
     *    E: a: 1 - p_cb m_ab = 1 - 2/3 x 3/3 = 1/3; b: 1 - p_ca m_ba
     *    = 1 - 1/3 x 1 = 2/3; E = 1, efficiency 1/2.
     *    H: r_a = 2 (1/225)/(1/225 + 1/144) = 288/369 = 32/41, r_b = 50/41. */
    const char *rec = "source,target,weight\na,b,1\nb,a,2\na,c,1\nb,c,2\n";
    fixture fx;
    run(&fx, rec, NULL, 0, 0);
    CHECK_HOLES(fx, "a", 121.0 / 144 + 121.0 / 400, 13.0 / 12, 13.0 / 24, h2(25.0 / 17, 9.0 / 17));
    CHECK_HOLES(fx, "b", 121.0 / 225 + 121.0 / 400, 47.0 / 30, 47.0 / 60, h2(32.0 / 25, 18.0 / 25));
    CHECK_HOLES(fx, "c", 121.0 / 225 + 121.0 / 144, 1, 0.5, h2(32.0 / 41, 50.0 / 41));
    bm_network_free(fx.net);

    /* The same records with unweighted: a plain triangle (test_triangle). */
    run(&fx, rec, NULL, 0, 1);
    CHECK_HOLES(fx, "a", 9.0 / 8, 1, 0.5, 0);
    CHECK_HOLES(fx, "c", 9.0 / 8, 1, 0.5, 0);
    bm_network_free(fx.net);
}

static void test_directed_mutual(void)
{
    /* Arcs a->b, b->a (mutual), a->c, c->b; and x->y apart.
     * Unweighted, each arc counts 1: w_ab = 2, w_ac = 1, w_bc = 1.
     * s_a = s_b = 3, s_c = 2; max: a 2, b 2, c 1.
     * p_ab = 2/3, p_ac = 1/3; p_ba = 2/3, p_bc = 1/3; p_ca = p_cb = 1/2.
     * a: c_ab = (2/3 + 1/3 x 1/2)^2 = 25/36; c_ac = (1/3 + 2/3 x 1/3)^2
     *    = 25/81; C = 25/36 + 25/81 = 325/324.
     *    E: b: 1 - p_ac m_bc = 1 - 1/3 x 1/2 = 5/6; c: 1 - p_ab m_cb
     *    = 1 - 2/3 x 1 = 1/3; E = 7/6; efficiency 7/12 (2 contacts, though
     *    a has 3 arcs). H: r_b = 2 (1/36) / (1/36 + 1/81) = 162/117 = 18/13,
     *    r_c = 8/13.
     * b: the same numbers as a (w_ba = 2, w_bc = 1; c -> b instead of a -> c
     *    does not matter: only w counts).
     * c: c_ca = (1/2 + 1/2 x 2/3)^2 = 25/36 = c_cb; C = 25/18.
     *    E: a: 1 - p_cb m_ab = 1 - 1/2 x 2/2 = 1/2; b: 1/2; E = 1; H = 0.
     * y only receives an arc: still one contact, C = 1, E = 1 (NetworkX's
     * DiGraph code calls it an isolate and says NaN; see the oracle). */
    const char *rec = "source,target,weight\na,b,1\nb,a,2\na,c,1\nc,b,3\nx,y,1\n";
    fixture fx;
    run(&fx, rec, NULL, 1, 1);
    CHECK_HOLES(fx, "a", 325.0 / 324, 7.0 / 6, 7.0 / 12, h2(18.0 / 13, 8.0 / 13));
    CHECK_HOLES(fx, "b", 325.0 / 324, 7.0 / 6, 7.0 / 12, h2(18.0 / 13, 8.0 / 13));
    CHECK_HOLES(fx, "c", 25.0 / 18, 1, 0.5, 0);
    CHECK_HOLES(fx, "x", 1, 1, 1, NAN);
    CHECK_HOLES(fx, "y", 1, 1, 1, NAN);
    bm_network_free(fx.net);

    /* Weighted: w_ab = a_ab + a_ba = 1 + 2 = 3, w_ac = 1, w_bc = 3.
     * s_a = 4, s_b = 6, s_c = 4; max: a 3, b 3, c 3.
     * p_ab = 3/4, p_ac = 1/4; p_ba = p_bc = 1/2; p_ca = 1/4, p_cb = 3/4.
     * a: c_ab = (3/4 + 1/4 x 3/4)^2 = (15/16)^2 = 225/256; c_ac = (1/4 +
     *    3/4 x 1/2)^2 = (5/8)^2 = 100/256; C = 325/256.
     *    E: b: 1 - p_ac m_bc = 1 - 1/4 x 3/3 = 3/4; c: 1 - p_ab m_cb
     *    = 1 - 3/4 x 3/3 = 1/4; E = 1, efficiency 1/2.
     *    H: r_b = 2 x 225/325 = 18/13, r_c = 8/13.
     * b: c_ba = (1/2 + 1/2 x 1/4)^2 = 25/64 = c_bc; C = 25/32.
     *    E: a: 1 - p_bc m_ac = 1 - 1/2 x 1/3 = 5/6; c: 5/6; E = 5/3; H = 0.
     * c: c_ca = (1/4 + 3/4 x 1/2)^2 = 100/256; c_cb = (3/4 + 1/4 x 3/4)^2
     *    = 225/256; C = 325/256. E: a: 1 - 3/4 x 1 = 1/4; b: 1 - 1/4 x 1
     *    = 3/4; E = 1. H as for a. */
    run(&fx, rec, NULL, 1, 0);
    CHECK_HOLES(fx, "a", 325.0 / 256, 1, 0.5, h2(18.0 / 13, 8.0 / 13));
    CHECK_HOLES(fx, "b", 25.0 / 32, 5.0 / 3, 5.0 / 6, 0);
    CHECK_HOLES(fx, "c", 325.0 / 256, 1, 0.5, h2(18.0 / 13, 8.0 / 13));
    bm_network_free(fx.net);
}

static void test_hub(void)
{
    /* Hub h tied to 64 leaves x0..x63, leaves paired x0-x1, x2-x3, ...
     * A leaf has 2 contacts and the hub 64 > 16 x 2, so the leaf's pair with
     * the hub takes the binary-search branch of holes.c.
     * leaf x0: p = 1/2 each; s_h = 64, s_x = 2.
     *    c_{x0,h} = (1/2 + p_{x0,x1} p_{x1,h})^2 = (1/2 + 1/4)^2 = 9/16
     *    c_{x0,x1} = (1/2 + p_{x0,h} p_{h,x1})^2 = (1/2 + 1/128)^2
     *    = 4225/16384; C = 9216/16384 + 4225/16384 = 13441/16384.
     *    E: h: 1 - p_{x0,x1} m_{h,x1} = 1/2; x1: 1 - p_{x0,h} m_{x1,h} = 1/2;
     *    E = 1. H: r_h = 2 x 9216/13441, r_x1 = 2 x 4225/13441.
     * hub: p = 1/64; c_{h,x0} = (1/64 + 1/64 x 1/2)^2 = (3/128)^2 = 9/16384;
     *    C = 64 x 9/16384 = 9/256; E = 64 (1 - 1/64) = 63 (Borgatti:
     *    64 - 2 x 32/64 = 63); efficiency 63/64; H = 0. */
    char rec[4096] = "source,target\n";
    size_t len = strlen(rec);
    for (int k = 0; k < 64; k++)
        len += (size_t)snprintf(rec + len, sizeof rec - len, "h,x%d\n", k);
    for (int k = 0; k < 64; k += 2)
        len += (size_t)snprintf(rec + len, sizeof rec - len, "x%d,x%d\n", k, k + 1);
    CHECK(len < sizeof rec - 1);
    fixture fx;
    run(&fx, rec, NULL, 0, 0);
    CHECK_HOLES(fx, "h", 9.0 / 256, 63, 63.0 / 64, 0);
    CHECK_HOLES(fx, "x0", 13441.0 / 16384, 1, 0.5, h2(18432.0 / 13441, 8450.0 / 13441));
    CHECK_HOLES(fx, "x63", 13441.0 / 16384, 1, 0.5, h2(18432.0 / 13441, 8450.0 / 13441));
    bm_network_free(fx.net);
}

static void test_null_singleton_and_null_outputs(void)
{
    fixture fx;
    /* The null graph: nothing to compute, and no failure. */
    run(&fx, "source,target\n", NULL, 0, 0);
    CHECK(bm_network_actor_count(fx.net) == 0);
    bm_network_free(fx.net);

    /* A singleton: undefined everywhere. */
    run(&fx, "source,target\n", "id\nz\n", 0, 0);
    CHECK(bm_network_actor_count(fx.net) == 1);
    CHECK_HOLES(fx, "z", NAN, NAN, NAN, NAN);
    bm_network_free(fx.net);

    /* Any output may be NULL; the others are unchanged by that. */
    run(&fx, "source,target\na,b\nb,c\nc,a\na,d\n", NULL, 0, 0);
    double only[MAXN];
    CHECK(bm_i_structural_holes(fx.net, 0, NULL, NULL, NULL, NULL) == BM_OK);
    CHECK(bm_i_structural_holes(fx.net, 0, NULL, NULL, NULL, only) == BM_OK);
    CHECK_NUM(only[ix(&fx, "a")], fx.h[ix(&fx, "a")]);
    CHECK(bm_i_structural_holes(fx.net, 0, only, NULL, NULL, NULL) == BM_OK);
    CHECK_NUM(only[ix(&fx, "b")], 145.0 / 144);
    bm_network_free(fx.net);
}

int main(void)
{
    bm_init(1);
    test_star();
    test_triangle();
    test_path();
    test_kite_hierarchy();
    test_isolates();
    test_weighted();
    test_directed_mutual();
    test_hub();
    test_null_singleton_and_null_outputs();
    return check_done();
}
