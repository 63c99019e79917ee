/* test_groupcent.c: Everett & Borgatti group centralities (src/groupcent.c)
 * on networks small enough to compute by hand; the arithmetic is written
 * beside each expected value. A path with one group and actors without a
 * group, the same path with two groups, a star, a directed path (direction
 * of closeness, in- and out-neighbours), a weighted graph with three shortest
 * paths of equal length (weights 1, 2, 4: exact reciprocals), the same graph
 * unweighted, a weighted cycle whose two halves have equal length but float
 * sums that differ in the last bit (the 1e-10 tolerance), a group of all
 * actors, a group without ties, n - |C| = 1, NULL outputs, the null graph
 * and a singleton. */
#define _GNU_SOURCE
#include <unistd.h>
#include "fixture.h"
#include "bridgemap.h"
#include "../../src/measure/groupcent.h"

enum { MAXG = 8 };

typedef struct fixture {
    bm_network *net;
    bm_grouping *grouping;
    double degree[MAXG], closeness[MAXG], betweenness[MAXG];
} fixture;

/* Loads records and actors (group column "g") and computes all three. */
static void run(fixture *f, const char *records, const char *actors, int directed, int unweighted)
{
    memset(f, 0, sizeof *f);
    f->net = load_text(records, actors, directed, unweighted);
    f->grouping = group_by(f->net, "g");
    if (bm_grouping_count(f->grouping) > MAXG) {
        fprintf(stderr, "fixture has too many groups\n");
        exit(99);
    }
    for (int k = 0; k < MAXG; k++)
        f->degree[k] = f->closeness[k] = f->betweenness[k] = -1; /* not written */
    if (bm_i_group_centralities(f->net, f->grouping, unweighted, f->degree, f->closeness,
                                f->betweenness) != BM_OK) {
        fprintf(stderr, "group centralities failed: %s\n", bm_error_last());
        exit(99);
    }
}

static void done(fixture *f)
{
    bm_grouping_free(f->grouping);
    bm_network_free(f->net);
}

/* Index of group name (groups are sorted by name). */
static size_t grp(const fixture *f, const char *name)
{
    for (size_t k = 0; k < bm_grouping_count(f->grouping); k++)
        if (strcmp(bm_grouping_name(f->grouping, k), name) == 0)
            return k;
    fprintf(stderr, "no group %s\n", name);
    exit(99);
}

static void test_path_one_group(void)
{
    /* Path a-b-c-d, C = {b}; a, c, d have no group (outside C, n = 4).
     * degree: N(b) = {a, c}, 2 / (4 - 1) = 2/3.
     * closeness: d(b,a) = 1, d(b,c) = 1, d(b,d) = 2: 3 / 4.
     * betweenness: outsiders a, c, d, 3 x 2 = 6 ordered pairs; b lies on
     * a-c, c-a, a-d, d-a: 4 / 6 = 2/3, which is b's betweenness (2) x
     * 2 / ((n-1)(n-2)) = 4/6, its betweenness_norm. */
    fixture f;
    run(&f, "source,target\na,b\nb,c\nc,d\n", "id,g\na,\nb,B\nc,\nd,\n", 0, 0);
    CHECK(bm_grouping_count(f.grouping) == 1);
    CHECK_NUM(f.degree[0], 2.0 / 3.0);
    CHECK_NUM(f.closeness[0], 0.75);
    CHECK_NUM(f.betweenness[0], 2.0 / 3.0);
    done(&f);
}

static void test_path_two_groups(void)
{
    /* Path a-b-c-d, M = {b, c} (middle), E = {a, d} (ends).
     * M: outsiders a, d. degree: a ~ b, d ~ c: 2/2 = 1. closeness: d(M,a) =
     * d(M,d) = 1: 2/2 = 1. betweenness: pairs a-d, d-a, the only path runs
     * a-b-c-d through M: 2 / (2 x 1) = 1.
     * E: outsiders b, c. degree: b ~ a, c ~ d: 1. closeness: 2/2 = 1.
     * betweenness: b-c is a tie, no interior vertex: 0 / 2 = 0. */
    fixture f;
    run(&f, "source,target\na,b\nb,c\nc,d\n", "id,g\na,E\nb,M\nc,M\nd,E\n", 0, 0);
    size_t m = grp(&f, "M"), e = grp(&f, "E");
    CHECK_NUM(f.degree[m], 1);
    CHECK_NUM(f.closeness[m], 1);
    CHECK_NUM(f.betweenness[m], 1);
    CHECK_NUM(f.degree[e], 1);
    CHECK_NUM(f.closeness[e], 1);
    CHECK_NUM(f.betweenness[e], 0);
    done(&f);
}

static void test_star(void)
{
    /* Star h - l1, l2, l3, l4; groups H = {h}, L12 = {l1, l2}, L34 = {l3, l4}.
     * H: outsiders the 4 leaves. degree 4/4 = 1; closeness 4 / (1+1+1+1) = 1;
     * betweenness: all 4 x 3 ordered leaf pairs run through h: 12/12 = 1.
     * L12: outsiders h, l3, l4. degree: N = {h}: 1/3. closeness: d(L12,h) = 1,
     * d(L12,l3) = d(L12,l4) = 2: 3/5. betweenness: h-l3, h-l4 are ties,
     * l3-l4 runs through h only: 0. L34 is the mirror image. */
    fixture f;
    run(&f, "source,target\nh,l1\nh,l2\nh,l3\nh,l4\n",
        "id,g\nh,H\nl1,L12\nl2,L12\nl3,L34\nl4,L34\n", 0, 0);
    size_t h = grp(&f, "H"), a = grp(&f, "L12"), b = grp(&f, "L34");
    CHECK_NUM(f.degree[h], 1);
    CHECK_NUM(f.closeness[h], 1);
    CHECK_NUM(f.betweenness[h], 1);
    CHECK_NUM(f.degree[a], 1.0 / 3.0);
    CHECK_NUM(f.closeness[a], 0.6);
    CHECK_NUM(f.betweenness[a], 0);
    CHECK_NUM(f.degree[b], 1.0 / 3.0);
    CHECK_NUM(f.closeness[b], 0.6);
    CHECK_NUM(f.betweenness[b], 0);
    done(&f);
}

static void test_directed_path(void)
{
    /* a -> b -> c -> d, C = {b}, the rest without a group.
     * degree: in-neighbour a and out-neighbour c both count: 2/3 (out only,
     * as nx on a DiGraph, would be 1/3).
     * closeness FROM b: c at 1, d at 2, a unreachable (adds nothing, still
     * counted in n - |C|): 3 / 3 = 1 (towards b, as nx, would be 3/1 = 3).
     * betweenness: outsider pairs with a path: a->c (via b), a->d (via b, c),
     * c->d (a tie); through b: 2, / (3 x 2) = 1/3, b's directed
     * betweenness_norm 2 / ((n-1)(n-2)). */
    fixture f;
    run(&f, "source,target\na,b\nb,c\nc,d\n", "id,g\na,\nb,B\nc,\nd,\n", 1, 0);
    CHECK_NUM(f.degree[0], 2.0 / 3.0);
    CHECK_NUM(f.closeness[0], 1);
    CHECK_NUM(f.betweenness[0], 1.0 / 3.0);
    done(&f);
    /* reversed arcs: d -> c -> b -> a. From b only a is reachable (1):
     * closeness 3 / 1 = 3; betweenness: d->a, c->a via b: 2/6 again. */
    run(&f, "source,target\nb,a\nc,b\nd,c\n", "id,g\na,\nb,B\nc,\nd,\n", 1, 0);
    CHECK_NUM(f.degree[0], 2.0 / 3.0);
    CHECK_NUM(f.closeness[0], 3);
    CHECK_NUM(f.betweenness[0], 1.0 / 3.0);
    done(&f);
}

/* s-t (w 1), s-y-t (w 2, 2), s-p-q-t (w 4, 4, 2): distances 1; 0.5 + 0.5;
 * 0.25 + 0.25 + 0.5 -- three shortest s-t paths of length 1, exact in
 * binary. Groups Y = {y}, PQ = {p, q}; s and t have no group. */
static const char *three_paths = "source,target,weight\ns,t,1\ns,y,2\ny,t,2\ns,p,4\np,q,4\nq,t,2\n";
static const char *three_paths_actors = "id,g\ns,\nt,\ny,Y\np,PQ\nq,PQ\n";

static void test_weighted(void)
{
    /* Distances: s-p .25, p-q .25, s-q .5, q-t .5, s-y .5, y-t .5, p-t .75
     * (p-q-t), y-p .75 (y-s-p), y-q 1 (y-s-p-q and y-t-q).
     * Y: outsiders s, t, p, q (12 ordered pairs). Only s-t has a shortest
     * path through y: 1 of 3, both directions: (2/3) / 12 = 1/18 (= y's
     * betweenness 1/3 x 2 / (4 x 3)). degree: s, t: 2/4. closeness:
     * d(y,s) + d(y,t) + d(y,p) + d(y,q) = .5 + .5 + .75 + 1 = 2.75: 4/2.75.
     * PQ: outsiders s, t, y (6 ordered pairs). s-t: 1 path of 3 through p, q;
     * s-y and y-t are ties: (2/3) / 6 = 1/9. degree: s ~ p, t ~ q: 2/3.
     * closeness: d(PQ,s) = .25 (p), d(PQ,t) = .5 (q), d(PQ,y) = min(.75, 1):
     * 3 / 1.5 = 2. */
    fixture f;
    run(&f, three_paths, three_paths_actors, 0, 0);
    size_t y = grp(&f, "Y"), pq = grp(&f, "PQ");
    CHECK_NUM(f.betweenness[y], 1.0 / 18.0);
    CHECK_NUM(f.degree[y], 0.5);
    CHECK_NUM(f.closeness[y], 4 / 2.75);
    CHECK_NUM(f.betweenness[pq], 1.0 / 9.0);
    CHECK_NUM(f.degree[pq], 2.0 / 3.0);
    CHECK_NUM(f.closeness[pq], 2);
    done(&f);

    /* The same graph unweighted: s-t is a tie, so no outsider pair's
     * shortest path uses y (p-t: p-s-t or p-q-t; q-s: q-p-s or q-t-s) or
     * p, q (s, t, y form a triangle): betweenness 0 for both.
     * Y closeness: 1 + 1 + 2 + 2 = 6: 4/6. PQ closeness: s 1, t 1, y 2: 3/4.
     * Degrees do not depend on weights. */
    run(&f, three_paths, three_paths_actors, 0, 1);
    CHECK_NUM(f.betweenness[y], 0);
    CHECK_NUM(f.closeness[y], 4.0 / 6.0);
    CHECK_NUM(f.degree[y], 0.5);
    CHECK_NUM(f.betweenness[pq], 0);
    CHECK_NUM(f.closeness[pq], 0.75);
    CHECK_NUM(f.degree[pq], 2.0 / 3.0);
    done(&f);
}

static void test_tolerance(void)
{
    /* A cycle s-a-b-c-t-h-g-f-e-d-s with weights 2, 3, 2, 2, 6, 6, 4, 4, 2, 2:
     * both s-t halves are 11/6 long (1/2 + 1/3 + 1/2 + 1/2 and
     * 1/2 + 1/2 + 1/4 + 1/4 + 1/6 + 1/6), but their float sums from s are
     * 1.8333333333333333 and 1.8333333333333335. C = {b}, the rest without a
     * group (9 outsiders, 72 ordered pairs). Positions along the cycle in
     * twelfths: s 0, a 6, b 10, c 16, t 22, h 24, g 26, f 29, e 32, d 38,
     * perimeter 44. b is inside the shorter arc of s-c, a-c, a-t, a-h, a-g
     * (1 each); s-t and c-d (c 16, d 38) are halves, one of two paths: 1/2
     * each. Sum 6 per direction: 12 / 72 = 1/6. Without the tolerance the
     * two ties would count 0 or 1 depending on the direction of the sum. */
    fixture f;
    run(&f,
        "source,target,weight\ns,a,2\na,b,3\nb,c,2\nc,t,2\nt,h,6\nh,g,6\ng,f,4\nf,e,4\ne,d,2\nd,s,2\n",
        "id,g\ns,\na,\nb,B\nc,\nt,\nh,\ng,\nf,\ne,\nd,\n", 0, 0);
    CHECK_NUM(f.betweenness[0], 1.0 / 6.0);
    done(&f);
}

static void test_edge_cases(void)
{
    fixture f;
    /* A group of all actors: n - |C| = 0, every measure NaN. */
    run(&f, "source,target\na,b\nb,c\n", "id,g\na,X\nb,X\nc,X\n", 0, 0);
    CHECK_NUM(f.degree[0], NAN);
    CHECK_NUM(f.closeness[0], NAN);
    CHECK_NUM(f.betweenness[0], NAN);
    done(&f);

    /* A group without ties (isolate z in Z) beside a triangle in T:
     * Z: degree 0/3 = 0, closeness NaN (reaches no outsider; nx says 0),
     * betweenness 0 (on no path) / (3 x 2) = 0.
     * T: outsider z only: degree 0/1 = 0, closeness NaN (z unreachable),
     * betweenness NaN (n - |C| = 1, no pair). */
    run(&f, "source,target\na,b\nb,c\nc,a\n", "id,g\na,T\nb,T\nc,T\nz,Z\n", 0, 0);
    size_t z = grp(&f, "Z"), t = grp(&f, "T");
    CHECK_NUM(f.degree[z], 0);
    CHECK_NUM(f.closeness[z], NAN);
    CHECK_NUM(f.betweenness[z], 0);
    CHECK_NUM(f.degree[t], 0);
    CHECK_NUM(f.closeness[t], NAN);
    CHECK_NUM(f.betweenness[t], NAN);
    done(&f);

    /* n - |C| = 1 with a tie: path a-b, C = {a}: degree 1/1, closeness 1/1,
     * betweenness NaN. */
    run(&f, "source,target\na,b\n", "id,g\na,A\nb,\n", 0, 0);
    CHECK_NUM(f.degree[0], 1);
    CHECK_NUM(f.closeness[0], 1);
    CHECK_NUM(f.betweenness[0], NAN);
    done(&f);

    /* Any output may be NULL: the others are still computed. */
    run(&f, "source,target\na,b\nb,c\nc,d\n", "id,g\na,\nb,B\nc,\nd,\n", 0, 0);
    double d = -1, c = -1, b = -1;
    CHECK(bm_i_group_centralities(f.net, f.grouping, 0, &d, NULL, NULL) == BM_OK);
    CHECK_NUM(d, 2.0 / 3.0);
    CHECK(bm_i_group_centralities(f.net, f.grouping, 0, NULL, &c, NULL) == BM_OK);
    CHECK_NUM(c, 0.75);
    CHECK(bm_i_group_centralities(f.net, f.grouping, 0, NULL, NULL, &b) == BM_OK);
    CHECK_NUM(b, 2.0 / 3.0);
    CHECK(bm_i_group_centralities(f.net, f.grouping, 0, NULL, NULL, NULL) == BM_OK);
    CHECK(bm_i_group_centralities(NULL, f.grouping, 0, &d, &c, &b) == BM_EUSAGE);
    CHECK(bm_i_group_centralities(f.net, NULL, 0, &d, &c, &b) == BM_EUSAGE);
    done(&f);

    /* The null graph: no groups, nothing to fill, no failure. */
    run(&f, "source,target\n", "id,g\n", 0, 0);
    CHECK(bm_network_actor_count(f.net) == 0);
    CHECK(bm_grouping_count(f.grouping) == 0);
    CHECK_NUM(f.degree[0], -1); /* untouched */
    done(&f);

    /* A singleton in its own group: n - |C| = 0. */
    run(&f, "source,target\n", "id,g\nx,X\n", 1, 0);
    CHECK_NUM(f.degree[0], NAN);
    CHECK_NUM(f.closeness[0], NAN);
    CHECK_NUM(f.betweenness[0], NAN);
    done(&f);
}

int main(void)
{
    test_path_one_group();
    test_path_two_groups();
    test_star();
    test_directed_path();
    test_weighted();
    test_tolerance();
    test_edge_cases();
    return check_done();
}
