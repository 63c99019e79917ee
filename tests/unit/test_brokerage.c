/* test_brokerage.c: Gould & Fernandez brokerage roles (src/brokerage.c) on
 * networks small enough to count by hand: one two-path per role, a closed
 * triad, direction of the closing arc, an undirected path, an actor without
 * a group, a complete graph, the null graph and a singleton. Expected counts
 * and z-scores follow R sna's brokerage(); the arithmetic is written beside
 * each expected value (and was checked against sna 2.7-1). */
#define _GNU_SOURCE
#include <unistd.h>
#include "fixture.h"
#include "bridgemap.h"
#include "../../src/measure/brokerage.h"

enum { MAXN = 8 };

typedef struct fixture {
    bm_network *net;
    bm_grouping *grouping;
    double cells[3][BM_BROKER_ROLES][MAXN];
    bm_brokerage_result r;
} fixture;

/* Loads records and actors (column "g"), runs bm_i_brokerage. */
static void run(fixture *f, const char *records, const char *actors, int directed)
{
    memset(f, 0, sizeof *f);
    f->net = load_text(records, actors, directed, 0);
    f->grouping = group_by(f->net, "g");
    if (bm_network_actor_count(f->net) > MAXN) {
        fprintf(stderr, "fixture too large\n");
        exit(99);
    }
    for (int k = 0; k < BM_BROKER_ROLES; k++) {
        f->r.count[k] = f->cells[0][k];
        f->r.expected[k] = f->cells[1][k];
        f->r.z[k] = f->cells[2][k];
    }
    if (bm_i_brokerage(f->net, f->grouping, &f->r) != BM_OK) {
        fprintf(stderr, "brokerage failed: %s\n", bm_error_last());
        exit(99);
    }
}

static void done(fixture *f)
{
    bm_grouping_free(f->grouping);
    bm_network_free(f->net);
}

static size_t at(const fixture *f, const char *id)
{
    long i = bm_network_find_actor(f->net, id);
    if (i < 0) {
        fprintf(stderr, "no actor %s\n", id);
        exit(99);
    }
    return (size_t)i;
}

/* Raw counts of actor id: coordinator, itinerant, representative,
 * gatekeeper, liaison (total checked as their sum). */
static void check_counts(const fixture *f, const char *id, double wI, double wO, double bIO,
                         double bOI, double bO, int line)
{
    size_t i = at(f, id);
    double want[BM_BROKER_ROLES] = {wI, wO, bIO, bOI, bO, wI + wO + bIO + bOI + bO};
    for (int k = 0; k < BM_BROKER_ROLES; k++) {
        check_count++;
        if (!check_close(f->r.count[k][i], want[k], 1e-12)) {
            check_failures++;
            fprintf(stderr, "%s:%d: actor %s role %d count %g, expected %g\n", __FILE__, line, id,
                    k, f->r.count[k][i], want[k]);
        }
    }
}
#define COUNTS(f, id, wI, wO, bIO, bOI, bO) check_counts(f, id, wI, wO, bIO, bOI, bO, __LINE__)

/* Three actors a, v, t and the arcs a->v, v->t: N = 3, m = 2, d = 2/6 = 1/3,
 * p = d^2 (1-d) = 2/27, q = d^3 (1-d)^3 = 8/729. */
static const char *PATH = "source,target\na,v\nv,t\n";

static void test_coordinator(void)
{
    fixture f;
    run(&f, PATH, "id,g\na,X\nv,X\nt,X\n", 1);
    COUNTS(&f, "v", 1, 0, 0, 0, 0);
    COUNTS(&f, "a", 0, 0, 0, 0, 0);
    COUNTS(&f, "t", 0, 0, 0, 0, 0);
    size_t v = at(&f, "v"), a = at(&f, "a");
    /* one group, n = 3. w_I: E = p (n-1)(n-2) = 4/27, V = E (1 - p) + 2 (n-1)(n-2)(n-3) q
     * = (4/27)(25/27) = 100/729, sd = 10/27: z(v) = (1 - 4/27)/(10/27) = 2.3,
     * z(a) = -0.4. total: E = p (N-1)(N-2) = 4/27, same V, so the same z. */
    CHECK_NUM(f.r.expected[BM_BROKER_COORDINATOR][v], 4.0 / 27);
    CHECK_NUM(f.r.z[BM_BROKER_COORDINATOR][v], 2.3);
    CHECK_NUM(f.r.z[BM_BROKER_COORDINATOR][a], -0.4);
    CHECK_NUM(f.r.expected[BM_BROKER_TOTAL][v], 4.0 / 27);
    CHECK_NUM(f.r.z[BM_BROKER_TOTAL][v], 2.3);
    /* no other group: every other role has E = 0 and V = 0, z = 0/0 = NaN (sna too) */
    for (int k = BM_BROKER_ITINERANT; k <= BM_BROKER_LIAISON; k++) {
        CHECK_NUM(f.r.expected[k][v], 0);
        CHECK_NUM(f.r.z[k][v], NAN);
    }
    done(&f);
}

static void test_itinerant(void)
{
    fixture f;
    run(&f, PATH, "id,g\na,X\nv,Y\nt,X\n", 1);
    COUNTS(&f, "v", 0, 1, 0, 0, 0);
    COUNTS(&f, "a", 0, 0, 0, 0, 0);
    /* v in Y (n_i = 1), other group X of 2: w_O E = p n_X (n_X - 1) = 4/27, V =
     * E (1-p) + 2 n_X (n_X-1)(n_X-2) q = 100/729: z = 2.3 */
    size_t v = at(&f, "v");
    CHECK_NUM(f.r.expected[BM_BROKER_ITINERANT][v], 4.0 / 27);
    CHECK_NUM(f.r.z[BM_BROKER_ITINERANT][v], 2.3);
    done(&f);
}

static void test_representative(void)
{
    fixture f;
    run(&f, PATH, "id,g\na,X\nv,X\nt,Y\n", 1);
    COUNTS(&f, "v", 0, 0, 1, 0, 0);
    /* v in X (n = 2): b_IO E = p (N-n)(n-1) = 2/27, V = E (1-p) +
     * 2 ((n-1) C(N-n, 2) + (N-n) C(n-1, 2)) q = (2/27)(25/27) = 50/729:
     * z = (25/27) / (sqrt(50)/27) = 25/sqrt(50). b_OI has the same E and V. */
    size_t v = at(&f, "v");
    CHECK_NUM(f.r.expected[BM_BROKER_REPRESENTATIVE][v], 2.0 / 27);
    CHECK_NUM(f.r.z[BM_BROKER_REPRESENTATIVE][v], 25 / sqrt(50));
    CHECK_NUM(f.r.expected[BM_BROKER_GATEKEEPER][v], 2.0 / 27);
    CHECK_NUM(f.r.z[BM_BROKER_GATEKEEPER][v], (0 - 2.0 / 27) / (sqrt(50) / 27));
    done(&f);
}

static void test_gatekeeper(void)
{
    fixture f;
    run(&f, PATH, "id,g\na,X\nv,Y\nt,Y\n", 1);
    COUNTS(&f, "v", 0, 0, 0, 1, 0);
    size_t v = at(&f, "v");
    CHECK_NUM(f.r.z[BM_BROKER_GATEKEEPER][v], 25 / sqrt(50));
    done(&f);
}

static void test_liaison(void)
{
    fixture f;
    run(&f, PATH, "id,g\na,X\nv,Y\nt,Z\n", 1);
    COUNTS(&f, "v", 0, 0, 0, 0, 1);
    /* three groups of 1: b_O E = p ((sum_{j!=i} n_j)^2 - sum_{j!=i} n_j^2) = p (4 - 2) =
     * 4/27, V = E (1-p) + 4 sum_{j!=i} n_j C(N - n_j - n_i, 2) q = 100/729 + 0: z = 2.3 */
    size_t v = at(&f, "v");
    CHECK_NUM(f.r.expected[BM_BROKER_LIAISON][v], 4.0 / 27);
    CHECK_NUM(f.r.z[BM_BROKER_LIAISON][v], 2.3);
    CHECK_NUM(f.r.z[BM_BROKER_COORDINATOR][v], NAN); /* group of 1: E = V = 0 */
    done(&f);
    /* the variance term of b_O: groups X {a}, Y {v}, Z {t, w}; N = 4, m = 2, d = 1/6,
     * p = 5/216, q = 125/46656. b_O of v: E = p ((1 + 2)^2 - (1 + 4)) = 5/54; pairs =
     * sum_{j!=Y} n_j C(N - n_j - 1, 2) = 1 C(2, 2) + 2 C(1, 2) = 1, V = E (1-p) + 4 q =
     * 4220/46656 + 500/46656 = 4720/46656: z = (49/54) / (sqrt(4720)/216) = 196/sqrt(4720) */
    run(&f, PATH, "id,g\na,X\nv,Y\nt,Z\nw,Z\n", 1);
    COUNTS(&f, "v", 0, 0, 0, 0, 1);
    v = at(&f, "v");
    CHECK_NUM(f.r.expected[BM_BROKER_LIAISON][v], 5.0 / 54);
    CHECK_NUM(f.r.z[BM_BROKER_LIAISON][v], 196 / sqrt(4720));
    done(&f);
}

static void test_variance_term(void)
{
    /* One group of 4, arcs a->v, v->t: N = n = 4, m = 2, d = 2/12 = 1/6,
     * p = (1/36)(5/6) = 5/216, q = (1/216)(125/216) = 125/46656.
     * w_I: E = p 3 2 = 5/36; V = E (1-p) + 2 (3)(2)(1) q = (5/36)(211/216) + 1500/46656
     * = 7830/46656; z(v) = (31/36) / (sqrt(7830)/216) = 186/sqrt(7830). */
    fixture f;
    run(&f, PATH, "id,g\na,X\nv,X\nt,X\nw,X\n", 1);
    COUNTS(&f, "v", 1, 0, 0, 0, 0);
    COUNTS(&f, "w", 0, 0, 0, 0, 0);
    size_t v = at(&f, "v"), w = at(&f, "w");
    CHECK_NUM(f.r.expected[BM_BROKER_COORDINATOR][v], 5.0 / 36);
    CHECK_NUM(f.r.z[BM_BROKER_COORDINATOR][v], 186 / sqrt(7830));
    CHECK_NUM(f.r.z[BM_BROKER_COORDINATOR][w], -30 / sqrt(7830));
    done(&f);
}

static void test_closed_triad(void)
{
    fixture f;
    /* a->t closes a->v->t: nothing counts for anyone */
    run(&f, "source,target\na,v\nv,t\na,t\n", "id,g\na,X\nv,X\nt,Y\n", 1);
    COUNTS(&f, "v", 0, 0, 0, 0, 0);
    COUNTS(&f, "a", 0, 0, 0, 0, 0);
    COUNTS(&f, "t", 0, 0, 0, 0, 0);
    done(&f);
    /* t->a does not close it (sna tests the arc a->t only). In the cycle a->v->t->a
     * (a, v in X, t in Y) each actor brokers one open path: a->v->t, [a v][t], is
     * representative for v; v->t->a, [v a][t], itinerant for t; t->a->v, [t][a v],
     * gatekeeper for a. */
    run(&f, "source,target\na,v\nv,t\nt,a\n", "id,g\na,X\nv,X\nt,Y\n", 1);
    COUNTS(&f, "v", 0, 0, 1, 0, 0);
    COUNTS(&f, "t", 0, 1, 0, 0, 0);
    COUNTS(&f, "a", 0, 0, 0, 1, 0);
    done(&f);
    /* a mutual tie a<->v and v->t: a->v->t counts; v->a->v returns to v (a == t):
     * not a path; t has no out-arc. */
    run(&f, "source,target\na,v\nv,a\nv,t\n", "id,g\na,X\nv,X\nt,X\n", 1);
    COUNTS(&f, "v", 1, 0, 0, 0, 0);
    COUNTS(&f, "a", 0, 0, 0, 0, 0);
    done(&f);
}

static void test_undirected(void)
{
    fixture f;
    /* a - v - t undirected: two arcs per tie, so v brokers a->v->t (representative: a, v
     * in X, t in Y) and t->v->a (gatekeeper); representative == gatekeeper.
     * m = 4 arcs, d = 4/6 = 2/3, p = (4/9)(1/3) = 4/27, q = (8/27)(1/27) = 8/729.
     * b_IO of v (n = 2): E = p (1)(1) = 4/27, V = (4/27)(23/27) = 92/729:
     * z = (23/27) / (sqrt(92)/27) = 23/sqrt(92). */
    run(&f, "source,target\na,v\nv,t\n", "id,g\na,X\nv,X\nt,Y\n", 0);
    COUNTS(&f, "v", 0, 0, 1, 1, 0);
    COUNTS(&f, "a", 0, 0, 0, 0, 0);
    size_t v = at(&f, "v");
    CHECK_NUM(f.r.expected[BM_BROKER_REPRESENTATIVE][v], 4.0 / 27);
    CHECK_NUM(f.r.z[BM_BROKER_REPRESENTATIVE][v], 23 / sqrt(92));
    CHECK_NUM(f.r.z[BM_BROKER_GATEKEEPER][v], 23 / sqrt(92));
    done(&f);
    /* complete triangle: no open path, d = 1, E = V = 0, every z NaN */
    run(&f, "source,target\na,v\nv,t\na,t\n", "id,g\na,X\nv,X\nt,Y\n", 0);
    for (size_t i = 0; i < 3; i++)
        for (int k = 0; k < BM_BROKER_ROLES; k++) {
            CHECK_NUM(f.r.count[k][i], 0);
            CHECK_NUM(f.r.expected[k][i], 0);
            CHECK_NUM(f.r.z[k][i], NAN);
        }
    done(&f);
}

static void test_without_group(void)
{
    fixture f;
    /* u has no group: the path u->v->t and the path a->v->u do not count, u's cells are
     * all NaN, and everything else is computed on the network of a, v, t alone
     * (N = 3, arcs a->v, v->t: m = 2, d = 1/3), so v's numbers are those of
     * test_coordinator: 1 coordinator role, z = 2.3. */
    run(&f, "source,target\na,v\nv,t\nu,v\nv,u\nu,a\n", "id,g\na,X\nv,X\nt,X\nu,\n", 1);
    COUNTS(&f, "v", 1, 0, 0, 0, 0);
    COUNTS(&f, "a", 0, 0, 0, 0, 0);
    size_t v = at(&f, "v"), u = at(&f, "u");
    CHECK_NUM(f.r.expected[BM_BROKER_COORDINATOR][v], 4.0 / 27);
    CHECK_NUM(f.r.z[BM_BROKER_COORDINATOR][v], 2.3);
    CHECK_NUM(f.r.z[BM_BROKER_TOTAL][v], 2.3);
    for (int k = 0; k < BM_BROKER_ROLES; k++) {
        CHECK_NUM(f.r.count[k][u], NAN);
        CHECK_NUM(f.r.expected[k][u], NAN);
        CHECK_NUM(f.r.z[k][u], NAN);
    }
    done(&f);
}

static void test_degenerate(void)
{
    fixture f;
    /* null graph: nothing to fill, no failure */
    run(&f, "source,target\n", "id,g\n", 0);
    CHECK(bm_network_actor_count(f.net) == 0);
    done(&f);
    /* singleton: count 0, d = 0/0 (sna: NaN), so expected and z NaN */
    run(&f, "source,target\n", "id,g\nx,X\n", 1);
    for (int k = 0; k < BM_BROKER_ROLES; k++) {
        CHECK_NUM(f.r.count[k][0], 0);
        CHECK_NUM(f.r.expected[k][0], NAN);
        CHECK_NUM(f.r.z[k][0], NAN);
    }
    /* a NULL output array is a usage error */
    f.r.z[BM_BROKER_TOTAL] = NULL;
    CHECK(bm_i_brokerage(f.net, f.grouping, &f.r) == BM_EUSAGE);
    done(&f);
}

int main(void)
{
    bm_init(1);
    test_coordinator();
    test_itinerant();
    test_representative();
    test_gatekeeper();
    test_liaison();
    test_variance_term();
    test_closed_triad();
    test_undirected();
    test_without_group();
    test_degenerate();
    return check_done();
}
