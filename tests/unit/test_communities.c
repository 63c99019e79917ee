/* test_communities.c: modularity and nominal assortativity of a grouping,
 * Leiden communities and their NMI/ARI with the grouping (src/communities.c),
 * on networks small enough to compute by hand; the arithmetic is written
 * beside each expected value. Covers two triangles joined by a bridge
 * (unweighted, weighted, directed), an actor without a group, one group,
 * every actor its own group, no ties, a singleton and the null graph, and
 * that Leiden's result depends only on the seed. */
#define _GNU_SOURCE
#include <unistd.h>
#include "fixture.h"
#include "bridgemap.h"
#include "../../src/measure/communities.h"

enum { MAXN = 256 };

typedef struct fixture {
    bm_network *net;
    bm_grouping *grouping;
    size_t n;
    double q, r, nmi, ari;
    long memb[MAXN];
    size_t count;
} fixture;

/* Loads records and actors (column "g"), runs the three functions with the
 * given seed. */
static void run(fixture *f, const char *records, const char *actors, int directed,
                int unweighted, unsigned long seed)
{
    memset(f, 0, sizeof *f);
    f->net = load_text(records, actors, directed, unweighted);
    f->grouping = group_by(f->net, "g");
    f->n = bm_network_actor_count(f->net);
    if (f->n > MAXN) {
        fprintf(stderr, "fixture too large\n");
        exit(99);
    }
    if (bm_i_grouping_modularity(f->net, f->grouping, unweighted, &f->q) != BM_OK ||
        bm_i_grouping_assortativity(f->net, f->grouping, &f->r) != BM_OK ||
        bm_i_communities(f->net, f->grouping, unweighted, seed, f->memb, &f->count, &f->nmi,
                         &f->ari) != BM_OK) {
        fprintf(stderr, "communities failed: %s\n", bm_error_last());
        exit(99);
    }
}

static void done(fixture *f)
{
    bm_grouping_free(f->grouping);
    bm_network_free(f->net);
}

static long memb_of(const fixture *f, const char *id)
{
    long i = bm_network_find_actor(f->net, id);
    return i < 0 ? -99 : f->memb[i];
}

/* Communities numbered 0, 1, ... in order of first appearance by actor. */
static int first_appearance_order(const fixture *f)
{
    long next = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->memb[i] > next || f->memb[i] < 0)
            return 0;
        if (f->memb[i] == next)
            next++;
    }
    return (size_t)next == f->count;
}

static const char *TRIANGLES = "source,target\na,b\nb,c\na,c\nd,e\ne,f\nd,f\nc,d\n";
static const char *TRIANGLE_GROUPS = "id,g\na,A\nb,A\nc,A\nd,B\ne,B\nf,B\n";

/* Two triangles {a,b,c}, {d,e,f} joined by c-d, grouped as the triangles.
 * m = 7, degrees a2 b2 c3 d3 e2 f2, group degree sums 7 and 7.
 * Modularity (Newman 2006, Q = sum_g [L_g/m - (d_g/2m)^2]):
 *   2 x (3/7 - (7/14)^2) = 6/7 - 1/2 = 5/14.
 * Assortativity (Newman 2003, each tie counted both ways, 14 tie ends):
 *   e_AA = e_BB = 6/14, e_AB = e_BA = 1/14, a_A = b_A = a_B = b_B = 1/2;
 *   r = (12/14 - 1/2) / (1 - 1/2) = 5/7.
 * Leiden: the triangles are the best split (splitting into {a,b},{c,d},{e,f}
 * gives 3/7 - (16+36+16)/196 = 0.08), so NMI = ARI = 1. */
static void test_two_triangles(void)
{
    fixture f;
    run(&f, TRIANGLES, TRIANGLE_GROUPS, 0, 0, 1);
    CHECK_NUM(f.q, 5.0 / 14.0);
    CHECK_NUM(f.r, 5.0 / 7.0);
    CHECK(f.count == 2);
    CHECK(memb_of(&f, "a") == 0 && memb_of(&f, "b") == 0 && memb_of(&f, "c") == 0);
    CHECK(memb_of(&f, "d") == 1 && memb_of(&f, "e") == 1 && memb_of(&f, "f") == 1);
    CHECK_NUM(f.nmi, 1.0);
    CHECK_NUM(f.ari, 1.0);
    done(&f);
}

/* The same triangles, bridge c-d of weight 4 (triangle ties weight 1).
 * m = 6 + 4 = 10; strengths a2 b2 c6 d6 e2 f2, group sums 10 and 10.
 * Grouping: Q = 2 x (3/10 - (10/20)^2) = 0.1.
 * Assortativity counts ties (no weights in igraph 0.10): still 5/7.
 * Leiden: {a,b},{c,d},{e,f} gives 6/10 - (4^2 + 12^2 + 4^2)/20^2 = 0.16, more
 * than the triangles (0.1), {a,b,c,d},{e,f} (0.8 - 272/400 = 0.12) or one
 * community (0): the heavy bridge is a community of its own.
 * NMI against {a,b,c},{d,e,f} (n = 6): H(C) = ln 3, H(G) = ln 2; cells
 * ({a,b},A) = 2/6 and ({e,f},B) = 2/6 contribute (1/3) ln((1/3)/((1/3)(1/2)))
 * = (1/3) ln 2 each, the {c,d} cells 0, so I = (2/3) ln 2 and
 * NMI = 2 I / (H(C) + H(G)) = (4/3) ln 2 / ln 6.
 * ARI (Hubert & Arabie): sum C(n_ij, 2) = 1 + 1 = 2, sum C(a_i, 2) = 3,
 * sum C(b_j, 2) = 6, C(6, 2) = 15: expected 3 x 6 / 15 = 1.2, max 4.5,
 * ARI = (2 - 1.2) / (4.5 - 1.2) = 8/33.
 * --unweighted gives back the triangles' figures. */
static void test_weighted(void)
{
    const char *rec = "source,target,weight\na,b,1\nb,c,1\na,c,1\nd,e,1\ne,f,1\nd,f,1\nc,d,4\n";
    fixture f;
    run(&f, rec, TRIANGLE_GROUPS, 0, 0, 1);
    CHECK_NUM(f.q, 0.1);
    CHECK_NUM(f.r, 5.0 / 7.0);
    CHECK(f.count == 3);
    CHECK(memb_of(&f, "a") == 0 && memb_of(&f, "b") == 0);
    CHECK(memb_of(&f, "c") == 1 && memb_of(&f, "d") == 1);
    CHECK(memb_of(&f, "e") == 2 && memb_of(&f, "f") == 2);
    CHECK_NUM(f.nmi, (4.0 / 3.0) * log(2.0) / log(6.0));
    CHECK_NUM(f.ari, 8.0 / 33.0);
    done(&f);

    run(&f, rec, TRIANGLE_GROUPS, 0, 1, 1);
    CHECK_NUM(f.q, 5.0 / 14.0);
    CHECK(f.count == 2);
    CHECK_NUM(f.nmi, 1.0);
    CHECK_NUM(f.ari, 1.0);
    done(&f);
}

/* Directed: cycles a->b->c->a and d->e->f->d, bridge c->d, plus b->a.
 * Assortativity on arcs (8): e_AA = 4/8, e_BB = 3/8, e_AB = 1/8, e_BA = 0;
 * out-shares a_A = 5/8, a_B = 3/8, in-shares b_A = 4/8, b_B = 4/8;
 * sum a_i b_i = 20/64 + 12/64 = 1/2; r = (7/8 - 1/2) / (1 - 1/2) = 3/4.
 * Modularity on the undirected view: a-b carries both arcs (weight 2), m = 8,
 * strengths a3 b3 c3 d3 e2 f2, group A: internal 4, strength 9; B: 3 and 7.
 * Q = (4/8 - (9/16)^2) + (3/8 - (7/16)^2) = 7/8 - 130/256 = 47/128. */
static void test_directed(void)
{
    const char *rec = "source,target\na,b\nb,c\nc,a\nd,e\ne,f\nf,d\nc,d\nb,a\n";
    fixture f;
    run(&f, rec, TRIANGLE_GROUPS, 1, 0, 1);
    CHECK_NUM(f.r, 0.75);
    CHECK_NUM(f.q, 47.0 / 128.0);
    CHECK(f.count == 2);
    CHECK_NUM(f.nmi, 1.0);
    CHECK_NUM(f.ari, 1.0);
    done(&f);
}

/* Actor g has no group and ties to a and d: grouping measures use the
 * network induced by the grouped actors, so modularity and assortativity are
 * the triangles' (5/14, 5/7). Leiden still places g (every actor gets a
 * community); NMI/ARI over the grouped actors stay 1. */
static void test_ungrouped_actor(void)
{
    char rec[256];
    snprintf(rec, sizeof rec, "%sa,g\nd,g\n", TRIANGLES);
    fixture f;
    run(&f, rec, "id,g\na,A\nb,A\nc,A\nd,B\ne,B\nf,B\ng,\n", 0, 0, 1);
    CHECK_NUM(f.q, 5.0 / 14.0);
    CHECK_NUM(f.r, 5.0 / 7.0);
    CHECK(f.count == 2);
    CHECK(memb_of(&f, "g") == 0 || memb_of(&f, "g") == 1);
    CHECK_NUM(f.nmi, 1.0);
    CHECK_NUM(f.ari, 1.0);
    CHECK(first_appearance_order(&f));
    done(&f);
}

/* One group for everyone. Modularity 1 - (14/14)^2 = 0 (defined).
 * Assortativity (1 - 1) / (1 - 1): NaN. Leiden finds the two triangles:
 * NMI = 2 I / (H(C) + 0) with I = 0 (the grouping says nothing): 0; ARI:
 * expected = index, so 0 / (max - expected) = 0.
 * A single triangle in one group: Leiden keeps one community; both
 * partitions are one block, NMI = 0/0 (igraph would say 1) and ARI = 0/0:
 * NaN. */
static void test_one_group(void)
{
    fixture f;
    run(&f, TRIANGLES, "id,g\na,x\nb,x\nc,x\nd,x\ne,x\nf,x\n", 0, 0, 1);
    CHECK_NUM(f.q, 0.0);
    CHECK_NUM(f.r, NAN);
    CHECK(f.count == 2);
    CHECK_NUM(f.nmi, 0.0);
    CHECK_NUM(f.ari, 0.0);
    done(&f);

    run(&f, "source,target\na,b\nb,c\na,c\n", "id,g\na,x\nb,x\nc,x\n", 0, 0, 1);
    CHECK_NUM(f.q, 0.0);
    CHECK_NUM(f.r, NAN);
    CHECK(f.count == 1);
    CHECK_NUM(f.nmi, NAN);
    CHECK_NUM(f.ari, NAN);
    done(&f);
}

/* Every actor its own group (two triangles). Modularity: no tie inside a
 * group, Q = -sum_i (k_i/14)^2 = -(4 x 4 + 2 x 9)/196 = -17/98.
 * Assortativity: sum e_ii = 0, sum a_i b_i = 34/196, r = -(34/196)/(162/196)
 * = -17/81. NMI against the triangles: H(G) = ln 6, H(C) = ln 2 and
 * I = H(C) (communities are a function of the groups): 2 ln 2 / ln 12.
 * ARI: no pair shares a group, index 0 = expected: 0. */
static void test_every_actor_own_group(void)
{
    fixture f;
    run(&f, TRIANGLES, "id,g\na,1\nb,2\nc,3\nd,4\ne,5\nf,6\n", 0, 0, 1);
    CHECK_NUM(f.q, -17.0 / 98.0);
    CHECK_NUM(f.r, -17.0 / 81.0);
    CHECK(f.count == 2);
    CHECK_NUM(f.nmi, 2.0 * log(2.0) / log(12.0));
    CHECK_NUM(f.ari, 0.0);
    done(&f);
}

/* No ties: modularity and assortativity have no tie to count (m = 0): NaN.
 * Every actor is its own community (count = n). NMI and ARI stay as the
 * formulas give them. Groups {a,b},{c,d}: H(C) = ln 4, H(G) = ln 2,
 * I = H(G): NMI = 2 ln 2 / (ln 4 + ln 2) = 2/3; ARI: index 0, expected 0,
 * max (0 + 2)/2: 0. Every actor its own group too: the partitions coincide,
 * NMI = 2 ln 4 / (2 ln 4) = 1, ARI = 0/0 (both all singletons): NaN. */
static void test_no_ties(void)
{
    fixture f;
    run(&f, "source,target\n", "id,g\na,A\nb,A\nc,B\nd,B\n", 0, 0, 1);
    CHECK_NUM(f.q, NAN);
    CHECK_NUM(f.r, NAN);
    CHECK(f.count == 4);
    for (size_t i = 0; i < 4; i++)
        CHECK(f.memb[i] == (long)i);
    CHECK_NUM(f.nmi, 2.0 / 3.0);
    CHECK_NUM(f.ari, 0.0);
    done(&f);

    run(&f, "source,target\n", "id,g\na,A\nb,B\nc,C\nd,D\n", 1, 0, 1);
    CHECK_NUM(f.q, NAN);
    CHECK_NUM(f.r, NAN);
    CHECK(f.count == 4);
    CHECK_NUM(f.nmi, 1.0);
    CHECK_NUM(f.ari, NAN);
    done(&f);
}

/* Singleton and null graph: nothing is defined; the null graph has no
 * community, the singleton one. */
static void test_singleton_and_null(void)
{
    fixture f;
    run(&f, "source,target\n", "id,g\na,A\n", 0, 0, 1);
    CHECK_NUM(f.q, NAN);
    CHECK_NUM(f.r, NAN);
    CHECK(f.count == 1 && f.memb[0] == 0);
    CHECK_NUM(f.nmi, NAN);
    CHECK_NUM(f.ari, NAN);
    done(&f);

    run(&f, "source,target\n", "id,g\n", 0, 0, 1);
    CHECK(f.n == 0);
    CHECK_NUM(f.q, NAN);
    CHECK_NUM(f.r, NAN);
    CHECK(f.count == 0);
    CHECK_NUM(f.nmi, NAN);
    CHECK_NUM(f.ari, NAN);
    done(&f);
}

/* Grouping NULL: communities still come out, NMI/ARI are NaN; modularity
 * and assortativity refuse. */
static void test_no_grouping(void)
{
    fixture f;
    run(&f, TRIANGLES, TRIANGLE_GROUPS, 0, 0, 1);
    size_t count = 0;
    double nmi = 0, ari = 0, q = 0;
    CHECK(bm_i_communities(f.net, NULL, 0, 1, f.memb, &count, &nmi, &ari) == BM_OK);
    CHECK(count == 2);
    CHECK_NUM(nmi, NAN);
    CHECK_NUM(ari, NAN);
    CHECK(bm_i_grouping_modularity(f.net, NULL, 0, &q) == BM_EUSAGE);
    CHECK(bm_i_grouping_assortativity(f.net, NULL, &q) == BM_EUSAGE);
    done(&f);
}

/* Determinism: a planted partition large enough for Leiden's random node
 * order to matter (12 groups of 16, dense inside, sparse between, from a
 * fixed LCG). The same seed gives the same membership, also after other
 * seeds have used igraph's global RNG in between; numbering is by first
 * appearance. The planted groups are recovered well (NMI > 0.9). */
static void test_determinism(void)
{
    static char rec[200000], act[8192];
    size_t len = 0, alen = 0;
    unsigned long x = 12345;
    enum { GROUPS = 12, SIZE = 16, N = GROUPS * SIZE };
    len += (size_t)snprintf(rec + len, sizeof rec - len, "source,target\n");
    alen += (size_t)snprintf(act + alen, sizeof act - alen, "id,g\n");
    for (int i = 0; i < N; i++)
        alen += (size_t)snprintf(act + alen, sizeof act - alen, "v%03d,g%02d\n", i, i / SIZE);
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) {
            x = (x * 6364136223846793005UL + 1442695040888963407UL) & 0xffffffffffffUL;
            double u = (double)(x >> 16) / 4294967296.0;
            if (u < (i / SIZE == j / SIZE ? 0.5 : 0.02))
                len += (size_t)snprintf(rec + len, sizeof rec - len, "v%03d,v%03d\n", i, j);
        }
    fixture a, b;
    run(&a, rec, act, 0, 0, 7);
    run(&b, rec, act, 0, 0, 8); /* another seed uses the RNG */
    done(&b);
    run(&b, rec, act, 0, 0, 7);
    CHECK(a.n == N && b.n == N);
    CHECK(a.count == b.count);
    CHECK(memcmp(a.memb, b.memb, N * sizeof a.memb[0]) == 0);
    CHECK(a.nmi == b.nmi && a.ari == b.ari);
    CHECK(first_appearance_order(&a));
    CHECK(a.nmi > 0.9);
    CHECK(a.ari > 0.8);
    done(&a);
    done(&b);
}

int main(void)
{
    bm_init(1);
    test_two_triangles();
    test_weighted();
    test_directed();
    test_ungrouped_actor();
    test_one_group();
    test_every_actor_own_group();
    test_no_ties();
    test_singleton_and_null();
    test_no_grouping();
    test_determinism();
    return check_done();
}
