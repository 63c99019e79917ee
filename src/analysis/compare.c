/* compare.c: two periods side by side, and whether mixing changed (see
 * bridgemap/compare.h for the tables and the change test). */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/compare.h"
#include "bridgemap/output.h"
#include "internal.h"
#include "parallel.h"

#define PERMS_PER_CHUNK 250
#define LABEL_BEFORE 1
#define LABEL_AFTER 2

void bm_compare_options_init(bm_compare_options *opt)
{
    memset(opt, 0, sizeof *opt);
    bm_analysis_options_init(&opt->analysis);
}

/* A pair of union actors tied in either period. */
typedef struct cpair {
    size_t u, v;      /* union actor indices, u < v */
    double wb, wa;    /* weight before / after (0: no tie) */
    int label;        /* LABEL_BEFORE | LABEL_AFTER */
    long gu, gv;      /* union group indices, -1: none */
} cpair;

struct bm_compare {
    const bm_network *nb, *na;
    bm_compare_options opt;  /* labels point at label_b / label_a; group, exports NULL */
    char *label_b, *label_a;
    bm_analysis *ab, *aa;
    /* the union of actors, matched by id */
    size_t n_union;
    const char **uid;
    long *in_b, *in_a;      /* union -> index in before / after, -1 none */
    long *ugroup;           /* union -> union group, -1 none */
    size_t n_groups;
    const char **gname;
    cpair *pairs;
    size_t n_pairs, cap_pairs;
    size_t *slots;          /* hash of (u, v): index + 1 */
    size_t n_slots;
    bm_table *summary, *groups, *gpairs, *actors, *ties;
    bm_change_test test;
    double *group_p;        /* per union group: p of the E-I change, NaN when undefined */
    double *group_ei_b, *group_ei_a;
    int ran;
};

/* ---- the union of actors and of pairs ------------------------------------------- */

static long group_index(bm_compare *c, const char *name)
{
    if (!name || !name[0])
        return -1;
    for (size_t k = 0; k < c->n_groups; k++)
        if (strcmp(c->gname[k], name) == 0)
            return (long)k;
    const char **p = realloc(c->gname, (c->n_groups + 1) * sizeof *p);
    if (!p)
        return -2;
    c->gname = p;
    c->gname[c->n_groups] = name;
    return (long)c->n_groups++;
}

static bm_status build_union(bm_compare *c)
{
    size_t nb = bm_network_actor_count(c->nb), na = bm_network_actor_count(c->na);
    size_t cap = nb + na + 1;
    c->uid = malloc(cap * sizeof *c->uid);
    c->in_b = malloc(cap * sizeof *c->in_b);
    c->in_a = malloc(cap * sizeof *c->in_a);
    c->ugroup = malloc(cap * sizeof *c->ugroup);
    if (!c->uid || !c->in_b || !c->in_a || !c->ugroup)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (size_t i = 0; i < nb; i++) {
        c->uid[i] = bm_network_actor_id(c->nb, i);
        c->in_b[i] = (long)i;
        c->in_a[i] = bm_network_find_actor(c->na, c->uid[i]);
    }
    c->n_union = nb;
    for (size_t j = 0; j < na; j++) {
        const char *id = bm_network_actor_id(c->na, j);
        if (bm_network_find_actor(c->nb, id) >= 0)
            continue;
        c->uid[c->n_union] = id;
        c->in_b[c->n_union] = -1;
        c->in_a[c->n_union] = (long)j;
        c->n_union++;
    }
    const bm_grouping *gb = bm_analysis_grouping(c->ab, 0), *ga = bm_analysis_grouping(c->aa, 0);
    for (size_t u = 0; u < c->n_union; u++) {
        const char *name = NULL;
        if (gb && c->in_b[u] >= 0 && bm_grouping_of(gb, (size_t)c->in_b[u]) >= 0)
            name = bm_grouping_name(gb, (size_t)bm_grouping_of(gb, (size_t)c->in_b[u]));
        else if (ga && c->in_a[u] >= 0 && bm_grouping_of(ga, (size_t)c->in_a[u]) >= 0)
            name = bm_grouping_name(ga, (size_t)bm_grouping_of(ga, (size_t)c->in_a[u]));
        c->ugroup[u] = gb || ga ? group_index(c, name) : -1;
        if (c->ugroup[u] == -2)
            return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    /* groups with no actor in either network still get a row, in the
     * before grouping's order */
    for (size_t k = 0; gb && k < bm_grouping_count(gb); k++)
        if (group_index(c, bm_grouping_name(gb, k)) == -2)
            return bm_error_set(BM_EINTERNAL, "out of memory");
    return BM_OK;
}

static int pairs_grow(bm_compare *c)
{
    size_t cap = c->n_slots ? c->n_slots * 2 : 1024;
    size_t *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t k = 0; k < c->n_pairs; k++) {
        uint64_t key = (uint64_t)c->pairs[k].u * 0x9E3779B97F4A7C15ULL ^ (uint64_t)c->pairs[k].v;
        size_t h = (size_t)(key ^ key >> 29) & (cap - 1);
        while (s[h])
            h = (h + 1) & (cap - 1);
        s[h] = k + 1;
    }
    free(c->slots);
    c->slots = s;
    c->n_slots = cap;
    return 0;
}

static cpair *pair_of(bm_compare *c, size_t u, size_t v)
{
    if (u > v) {
        size_t t = u;
        u = v;
        v = t;
    }
    if ((c->n_pairs + 1) * 2 > c->n_slots && pairs_grow(c) != 0)
        return NULL;
    uint64_t key = (uint64_t)u * 0x9E3779B97F4A7C15ULL ^ (uint64_t)v;
    size_t h = (size_t)(key ^ key >> 29) & (c->n_slots - 1);
    while (c->slots[h]) {
        cpair *p = &c->pairs[c->slots[h] - 1];
        if (p->u == u && p->v == v)
            return p;
        h = (h + 1) & (c->n_slots - 1);
    }
    if (c->n_pairs == c->cap_pairs) {
        size_t cap = c->cap_pairs ? c->cap_pairs * 2 : 1024;
        cpair *p = realloc(c->pairs, cap * sizeof *p);
        if (!p)
            return NULL;
        c->pairs = p;
        c->cap_pairs = cap;
    }
    cpair *p = &c->pairs[c->n_pairs];
    memset(p, 0, sizeof *p);
    p->u = u;
    p->v = v;
    p->gu = c->ugroup[u];
    p->gv = c->ugroup[v];
    c->slots[h] = ++c->n_pairs;
    return p;
}

/* The undirected view of each period: distinct pairs, weights summed over
 * both directions. */
static bm_status build_pairs(bm_compare *c)
{
    for (int period = 0; period < 2; period++) {
        const bm_network *net = period ? c->na : c->nb;
        const igraph_t *ug = net->ug;
        const igraph_vector_t *uw = net->uw;
        size_t n = bm_network_actor_count(net);
        long *to_union = malloc((n ? n : 1) * sizeof *to_union);
        if (!to_union)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        for (size_t i = 0; i < n; i++) {
            long k = period ? bm_network_find_actor(c->nb, bm_network_actor_id(net, i)) : (long)i;
            if (k < 0) /* after-only: its union index */
                for (size_t u = bm_network_actor_count(c->nb); u < c->n_union; u++)
                    if (c->in_a[u] == (long)i) {
                        k = (long)u;
                        break;
                    }
            to_union[i] = k;
        }
        for (igraph_integer_t e = 0; e < igraph_ecount(ug); e++) {
            size_t a = (size_t)IGRAPH_FROM(ug, e), b = (size_t)IGRAPH_TO(ug, e);
            if (a == b)
                continue;
            cpair *p = pair_of(c, (size_t)to_union[a], (size_t)to_union[b]);
            if (!p) {
                free(to_union);
                return bm_error_set(BM_EINTERNAL, "out of memory");
            }
            p->label |= period ? LABEL_AFTER : LABEL_BEFORE;
            if (period)
                p->wa += VECTOR(*uw)[e];
            else
                p->wb += VECTOR(*uw)[e];
        }
        free(to_union);
    }
    return BM_OK;
}

/* ---- the change test --------------------------------------------------------------- */

typedef struct mix {
    double cross_b, all_b, cross_a, all_a;
    double *ext_b, *int_b, *ext_a, *int_a; /* per group, members' side */
} mix;

/* Mixing of the grouped pairs under labels lab (one per grouped pair). */
static void mixing(const bm_compare *c, const size_t *grouped, size_t ng, const int *lab, mix *m)
{
    m->cross_b = m->all_b = m->cross_a = m->all_a = 0;
    memset(m->ext_b, 0, c->n_groups * sizeof *m->ext_b);
    memset(m->int_b, 0, c->n_groups * sizeof *m->int_b);
    memset(m->ext_a, 0, c->n_groups * sizeof *m->ext_a);
    memset(m->int_a, 0, c->n_groups * sizeof *m->int_a);
    for (size_t q = 0; q < ng; q++) {
        const cpair *p = &c->pairs[grouped[q]];
        int cross = p->gu != p->gv;
        for (int period = 0; period < 2; period++) {
            if (!(lab[q] & (period ? LABEL_AFTER : LABEL_BEFORE)))
                continue;
            double *ext = period ? m->ext_a : m->ext_b, *in = period ? m->int_a : m->int_b;
            if (period) {
                m->all_a += 1;
                m->cross_a += cross;
            } else {
                m->all_b += 1;
                m->cross_b += cross;
            }
            if (cross) {
                ext[p->gu] += 1;
                ext[p->gv] += 1;
            } else {
                in[p->gu] += 2;
            }
        }
    }
}

static double share_change(const mix *m)
{
    if (m->all_b <= 0 || m->all_a <= 0)
        return NAN;
    return m->cross_a / m->all_a - m->cross_b / m->all_b;
}

static double ei(double ext, double in) { return ext + in > 0 ? (ext - in) / (ext + in) : NAN; }

typedef struct perm_ctx {
    const bm_compare *c;
    const size_t *grouped;
    size_t ng;
    const int *labels;
    double obs_net;
    const double *obs_group; /* per group, NaN: not tested */
    size_t perms;
    unsigned long seed;
} perm_ctx;

typedef struct perm_scratch {
    int *lab;
    mix m;
} perm_scratch;

static void *perm_worker_new(void *ctx)
{
    perm_ctx *pc = ctx;
    perm_scratch *s = calloc(1, sizeof *s);
    size_t k = pc->c->n_groups ? pc->c->n_groups : 1;
    if (!s)
        return NULL;
    s->lab = malloc((pc->ng ? pc->ng : 1) * sizeof *s->lab);
    s->m.ext_b = calloc(k, sizeof(double));
    s->m.int_b = calloc(k, sizeof(double));
    s->m.ext_a = calloc(k, sizeof(double));
    s->m.int_a = calloc(k, sizeof(double));
    if (!s->lab || !s->m.ext_b || !s->m.int_b || !s->m.ext_a || !s->m.int_a) {
        free(s->lab);
        free(s->m.ext_b);
        free(s->m.int_b);
        free(s->m.ext_a);
        free(s->m.int_a);
        free(s);
        return NULL;
    }
    return s;
}

static void perm_worker_free(void *p)
{
    perm_scratch *s = p;
    if (!s)
        return;
    free(s->lab);
    free(s->m.ext_b);
    free(s->m.int_b);
    free(s->m.ext_a);
    free(s->m.int_a);
    free(s);
}

/* Slot: [0] permutations with |change| >= observed; [1 + g] the same for
 * group g's E-I change. */
static bm_status perm_run(void *ctx, void *scratch, size_t chunk, double *slot)
{
    perm_ctx *pc = ctx;
    perm_scratch *s = scratch;
    const bm_compare *c = pc->c;
    bm_rng rng;
    bm_rng_seed(&rng, (uint64_t)pc->seed, (uint64_t)chunk + 0xC0FFEEULL);
    size_t first = chunk * PERMS_PER_CHUNK;
    size_t last = first + PERMS_PER_CHUNK < pc->perms ? first + PERMS_PER_CHUNK : pc->perms;
    const double tol = 1e-12;
    for (size_t t = first; t < last; t++) {
        memcpy(s->lab, pc->labels, pc->ng * sizeof *s->lab);
        for (size_t q = pc->ng; q > 1; q--) { /* Fisher-Yates */
            size_t j = (size_t)bm_rng_below(&rng, q);
            int tmp = s->lab[q - 1];
            s->lab[q - 1] = s->lab[j];
            s->lab[j] = tmp;
        }
        mixing(c, pc->grouped, pc->ng, s->lab, &s->m);
        double d = share_change(&s->m);
        if (isfinite(d) && fabs(d) >= fabs(pc->obs_net) - tol)
            slot[0] += 1;
        for (size_t g = 0; g < c->n_groups; g++) {
            if (!isfinite(pc->obs_group[g]))
                continue;
            double dg = ei(s->m.ext_a[g], s->m.int_a[g]) - ei(s->m.ext_b[g], s->m.int_b[g]);
            if (isfinite(dg) && fabs(dg) >= fabs(pc->obs_group[g]) - tol)
                slot[1 + g] += 1;
        }
    }
    return BM_OK;
}

static bm_status change_test(bm_compare *c)
{
    bm_status st = BM_OK;
    size_t k = c->n_groups;
    size_t *grouped = malloc((c->n_pairs ? c->n_pairs : 1) * sizeof *grouped);
    int *labels = malloc((c->n_pairs ? c->n_pairs : 1) * sizeof *labels);
    double *obs_group = malloc((k ? k : 1) * sizeof *obs_group);
    mix m = {0, 0, 0, 0, calloc(k ? k : 1, sizeof(double)), calloc(k ? k : 1, sizeof(double)),
             calloc(k ? k : 1, sizeof(double)), calloc(k ? k : 1, sizeof(double))};
    c->group_p = malloc((k ? k : 1) * sizeof *c->group_p);
    c->group_ei_b = malloc((k ? k : 1) * sizeof *c->group_ei_b);
    c->group_ei_a = malloc((k ? k : 1) * sizeof *c->group_ei_a);
    double *slots = NULL;
    if (!grouped || !labels || !obs_group || !m.ext_b || !m.int_b || !m.ext_a || !m.int_a ||
        !c->group_p || !c->group_ei_b || !c->group_ei_a) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    size_t ng = 0;
    for (size_t q = 0; q < c->n_pairs; q++)
        if (c->pairs[q].gu >= 0 && c->pairs[q].gv >= 0) {
            grouped[ng] = q;
            labels[ng++] = c->pairs[q].label;
        }
    mixing(c, grouped, ng, labels, &m);
    c->test.ties_before = (size_t)m.all_b;
    c->test.ties_after = (size_t)m.all_a;
    c->test.share_before = m.all_b > 0 ? m.cross_b / m.all_b : NAN;
    c->test.share_after = m.all_a > 0 ? m.cross_a / m.all_a : NAN;
    c->test.change = share_change(&m);
    size_t perms = c->opt.analysis.permutations ? c->opt.analysis.permutations : 10000;
    c->test.permutations = perms;
    c->test.seed = c->opt.analysis.seed;
    for (size_t g = 0; g < k; g++) {
        c->group_ei_b[g] = ei(m.ext_b[g], m.int_b[g]);
        c->group_ei_a[g] = ei(m.ext_a[g], m.int_a[g]);
        obs_group[g] = c->group_ei_a[g] - c->group_ei_b[g];
        c->group_p[g] = NAN;
    }
    c->test.p_value = NAN;
    if (!k || !isfinite(c->test.change))
        goto done;
    perm_ctx pc = {c, grouped, ng, labels, c->test.change, obs_group, perms, c->opt.analysis.seed};
    bm_chunk_job job;
    memset(&job, 0, sizeof job);
    job.chunks = (perms + PERMS_PER_CHUNK - 1) / PERMS_PER_CHUNK;
    job.slot_len = 1 + k;
    job.worker_new = perm_worker_new;
    job.worker_free = perm_worker_free;
    job.run = perm_run;
    job.ctx = &pc;
    job.step = "Testing the change (permutations)";
    if ((st = bm_run_chunks(&job, c->opt.analysis.jobs, &slots)) != BM_OK)
        goto done;
    double count = 0;
    for (size_t ch = 0; ch < job.chunks; ch++)
        count += slots[ch * job.slot_len];
    c->test.p_value = (1.0 + count) / (1.0 + (double)perms);
    for (size_t g = 0; g < k; g++) {
        if (!isfinite(obs_group[g]))
            continue;
        double cg = 0;
        for (size_t ch = 0; ch < job.chunks; ch++)
            cg += slots[ch * job.slot_len + 1 + g];
        c->group_p[g] = (1.0 + cg) / (1.0 + (double)perms);
    }
    bm_shared_free(slots, bm_chunk_slots_bytes(&job));
done:
    free(grouped);
    free(labels);
    free(obs_group);
    free(m.ext_b);
    free(m.int_b);
    free(m.ext_a);
    free(m.int_a);
    return st;
}

/* ---- tables -------------------------------------------------------------------------- */

/* Appends `before`, `after` and `change` columns for every number column of
 * tb (rows matched by row_b / row_a: -1 none). */
static bm_status side_by_side(bm_table *t, const bm_table *tb, const bm_table *ta, size_t rows,
                              const long *row_b, const long *row_a, const char *const *skip)
{
    bm_status st = BM_OK;
    double *vb = malloc((rows ? rows : 1) * sizeof *vb), *va = malloc((rows ? rows : 1) * sizeof *va),
           *vd = malloc((rows ? rows : 1) * sizeof *vd);
    if (!vb || !va || !vd) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t col = 0; col < bm_table_cols(tb) && st == BM_OK; col++) {
        if (bm_table_col_type(tb, col) != BM_COL_NUMBER)
            continue;
        const char *name = bm_table_col_name(tb, col);
        int skipped = 0;
        for (size_t s = 0; skip && skip[s]; s++)
            skipped |= strcmp(skip[s], name) == 0;
        if (skipped)
            continue;
        long ca = bm_table_find(ta, name);
        for (size_t r = 0; r < rows; r++) {
            vb[r] = row_b[r] >= 0 ? bm_table_number(tb, col, (size_t)row_b[r]) : NAN;
            va[r] = row_a[r] >= 0 && ca >= 0 ? bm_table_number(ta, (size_t)ca, (size_t)row_a[r]) : NAN;
            vd[r] = va[r] - vb[r];
        }
        char nb[160], na[160], nd[160], desc[400];
        snprintf(nb, sizeof nb, "%s_before", name);
        snprintf(na, sizeof na, "%s_after", name);
        snprintf(nd, sizeof nd, "%s_change", name);
        snprintf(desc, sizeof desc, "%s (after - before)", bm_table_col_description(tb, col));
        if ((st = bm_table_add_number(t, nb, vb, bm_table_col_description(tb, col),
                                      bm_table_col_citation(tb, col))) != BM_OK ||
            (st = bm_table_add_number(t, na, va, bm_table_col_description(tb, col),
                                      bm_table_col_citation(tb, col))) != BM_OK ||
            (st = bm_table_add_number(t, nd, vd, desc, bm_table_col_citation(tb, col))) != BM_OK)
            break;
    }
done:
    free(vb);
    free(va);
    free(vd);
    return st;
}

static bm_status summary_table(bm_compare *c)
{
    const bm_table *sb = bm_analysis_summary(c->ab), *sa = bm_analysis_summary(c->aa);
    static const char *const skip[] = {"seed", "permutations", NULL};
    size_t nc = bm_table_cols(sb), rows = 0;
    for (size_t col = 0; col < nc; col++)
        rows += bm_table_col_type(sb, col) == BM_COL_NUMBER;
    rows += 1; /* cross_group_share */
    const char **names = calloc(rows, sizeof *names);
    double *vb = calloc(rows, sizeof *vb), *va = calloc(rows, sizeof *va), *vd = calloc(rows, sizeof *vd),
           *vp = calloc(rows, sizeof *vp);
    bm_status st = BM_OK;
    if (!names || !vb || !va || !vd || !vp) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    size_t r = 0;
    names[r] = "cross_group_share";
    vb[r] = c->test.share_before;
    va[r] = c->test.share_after;
    vd[r] = c->test.change;
    vp[r++] = c->test.p_value;
    for (size_t col = 0; col < nc; col++) {
        if (bm_table_col_type(sb, col) != BM_COL_NUMBER)
            continue;
        const char *name = bm_table_col_name(sb, col);
        int skipped = 0;
        for (size_t s = 0; skip[s]; s++)
            skipped |= strcmp(skip[s], name) == 0;
        if (skipped)
            continue;
        long ca = bm_table_find(sa, name);
        names[r] = name;
        vb[r] = bm_table_number(sb, col, 0);
        va[r] = ca >= 0 ? bm_table_number(sa, (size_t)ca, 0) : NAN;
        vd[r] = va[r] - vb[r];
        /* the network E-I index is 2 x share - 1: the same test */
        vp[r] = strcmp(name, "ei_index") == 0 ? c->test.p_value : NAN;
        r++;
    }
    if ((st = bm_table_new(&c->summary, "compare_summary", r)) != BM_OK ||
        (st = bm_table_add_text(c->summary, "measure", names, "the network figure (summary.json)", "")) != BM_OK ||
        (st = bm_table_add_number(c->summary, "before", vb, "in the first period", "")) != BM_OK ||
        (st = bm_table_add_number(c->summary, "after", va, "in the second period", "")) != BM_OK ||
        (st = bm_table_add_number(c->summary, "change", vd, "after - before", "")) != BM_OK ||
        (st = bm_table_add_number(c->summary, "p_value", vp,
                                  "two-sided permutation p-value of the change in cross-group mixing "
                                  "(pairs' period patterns permuted)",
                                  "Good (2005) ch. 3; Krackhardt & Stern (1988)")) != BM_OK)
        goto done;
done:
    free(names);
    free(vb);
    free(va);
    free(vd);
    free(vp);
    return st;
}

static long row_of_group(const bm_table *t, const char *name)
{
    long col = t ? bm_table_find(t, "group") : -1;
    for (size_t r = 0; col >= 0 && r < bm_table_rows(t); r++)
        if (strcmp(bm_table_text(t, (size_t)col, r), name) == 0)
            return (long)r;
    return -1;
}

static bm_status groups_table(bm_compare *c)
{
    const bm_table *gb = bm_analysis_groups(c->ab, 0), *ga = bm_analysis_groups(c->aa, 0);
    if (!gb || !ga)
        return BM_OK;
    size_t k = c->n_groups;
    bm_status st = BM_OK;
    long *rb = malloc((k ? k : 1) * sizeof *rb), *ra = malloc((k ? k : 1) * sizeof *ra);
    double *col[6];
    for (int i = 0; i < 6; i++)
        col[i] = calloc(k ? k : 1, sizeof(double));
    const char **tb = calloc(k ? k : 1, sizeof *tb), **ta = calloc(k ? k : 1, sizeof *ta);
    if (!rb || !ra || !col[0] || !col[1] || !col[2] || !col[3] || !col[4] || !col[5] || !tb || !ta) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t g = 0; g < k; g++) {
        rb[g] = row_of_group(gb, c->gname[g]);
        ra[g] = row_of_group(ga, c->gname[g]);
        long cb = bm_table_find(gb, "top_broker"), cta = bm_table_find(ga, "top_broker");
        tb[g] = rb[g] >= 0 && cb >= 0 ? bm_table_text(gb, (size_t)cb, (size_t)rb[g]) : "";
        ta[g] = ra[g] >= 0 && cta >= 0 ? bm_table_text(ga, (size_t)cta, (size_t)ra[g]) : "";
    }
    /* ties gained / lost / kept, inside the group and across (a tie across
     * counts for both its groups) */
    for (size_t q = 0; q < c->n_pairs; q++) {
        const cpair *p = &c->pairs[q];
        if (p->gu < 0 || p->gv < 0)
            continue;
        int kind = p->label == (LABEL_BEFORE | LABEL_AFTER) ? 2 : p->label == LABEL_AFTER ? 0 : 1;
        int base = p->gu == p->gv ? 0 : 3;
        col[base + kind][p->gu] += 1;
        if (p->gu != p->gv)
            col[base + kind][p->gv] += 1;
    }
    if ((st = bm_table_new(&c->groups, "compare_groups", k)) != BM_OK ||
        (st = bm_table_add_text(c->groups, "group", c->gname, "group", "")) != BM_OK ||
        (st = bm_table_add_number(c->groups, "ei_index_before", c->group_ei_b,
                                  "E-I index of the members' ties (members' side) in the first period",
                                  "Krackhardt & Stern (1988)")) != BM_OK ||
        (st = bm_table_add_number(c->groups, "ei_index_after", c->group_ei_a,
                                  "E-I index of the members' ties in the second period",
                                  "Krackhardt & Stern (1988)")) != BM_OK)
        goto done;
    {
        double *d = malloc((k ? k : 1) * sizeof *d);
        if (!d) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        for (size_t g = 0; g < k; g++)
            d[g] = c->group_ei_a[g] - c->group_ei_b[g];
        st = bm_table_add_number(c->groups, "ei_index_change", d, "after - before", "");
        free(d);
        if (st != BM_OK)
            goto done;
    }
    static const char *const names[6] = {"ties_gained_inside", "ties_lost_inside", "ties_kept_inside",
                                         "ties_gained_across", "ties_lost_across", "ties_kept_across"};
    static const char *const descs[6] = {
        "pairs inside the group tied in the second period only",
        "pairs inside the group tied in the first period only", "pairs inside the group tied in both",
        "pairs from the group to another group tied in the second period only",
        "pairs from the group to another group tied in the first period only",
        "pairs from the group to another group tied in both"};
    if ((st = bm_table_add_number(c->groups, "ei_index_p_value", c->group_p,
                                  "two-sided permutation p-value of the E-I change (pairs' period "
                                  "patterns permuted)", "Good (2005) ch. 3")) != BM_OK)
        goto done;
    for (int i = 0; i < 6; i++)
        if ((st = bm_table_add_number(c->groups, names[i], col[i], descs[i], "")) != BM_OK)
            goto done;
    if ((st = bm_table_add_text(c->groups, "top_broker_before", tb, "member with most ties to other "
                                "groups, first period", "")) != BM_OK ||
        (st = bm_table_add_text(c->groups, "top_broker_after", ta, "the same, second period", "")) != BM_OK)
        goto done;
    static const char *const skip[] = {"ei_index", NULL};
    st = side_by_side(c->groups, gb, ga, k, rb, ra, skip);
done:
    free(rb);
    free(ra);
    for (int i = 0; i < 6; i++)
        free(col[i]);
    free(tb);
    free(ta);
    return st;
}

static bm_status pairs_table(bm_compare *c)
{
    size_t k = c->n_groups;
    if (!bm_analysis_grouping(c->ab, 0))
        return BM_OK;
    size_t rows = k * (k - 1) / 2 + (k == 0);
    if (k == 0)
        rows = 0;
    double *tb = calloc(k * k + 1, sizeof *tb), *ta = calloc(k * k + 1, sizeof *ta);
    const char **na = malloc((rows ? rows : 1) * sizeof *na), **nb = malloc((rows ? rows : 1) * sizeof *nb);
    const char **status = malloc((rows ? rows : 1) * sizeof *status);
    double *cb = malloc((rows ? rows : 1) * sizeof *cb), *ca = malloc((rows ? rows : 1) * sizeof *ca),
           *cd = malloc((rows ? rows : 1) * sizeof *cd);
    bm_status st = BM_OK;
    if (!tb || !ta || !na || !nb || !status || !cb || !ca || !cd) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t q = 0; q < c->n_pairs; q++) {
        const cpair *p = &c->pairs[q];
        if (p->gu < 0 || p->gv < 0 || p->gu == p->gv)
            continue;
        size_t x = (size_t)(p->gu < p->gv ? p->gu : p->gv), y = (size_t)(p->gu < p->gv ? p->gv : p->gu);
        if (p->label & LABEL_BEFORE)
            tb[x * k + y] += 1;
        if (p->label & LABEL_AFTER)
            ta[x * k + y] += 1;
    }
    size_t r = 0;
    for (size_t x = 0; x < k; x++)
        for (size_t y = x + 1; y < k; y++, r++) {
            na[r] = c->gname[x];
            nb[r] = c->gname[y];
            cb[r] = tb[x * k + y];
            ca[r] = ta[x * k + y];
            cd[r] = ca[r] - cb[r];
            status[r] = cb[r] == 0 && ca[r] > 0 ? "new" : cb[r] > 0 && ca[r] == 0 ? "gone"
                      : cb[r] > 0 ? "kept" : "none";
        }
    if ((st = bm_table_new(&c->gpairs, "compare_group_pairs", rows)) != BM_OK ||
        (st = bm_table_add_text(c->gpairs, "group_a", na, "group", "")) != BM_OK ||
        (st = bm_table_add_text(c->gpairs, "group_b", nb, "group", "")) != BM_OK ||
        (st = bm_table_add_number(c->gpairs, "ties_before", cb, "ties between the two groups, first period", "")) != BM_OK ||
        (st = bm_table_add_number(c->gpairs, "ties_after", ca, "ties between the two groups, second period", "")) != BM_OK ||
        (st = bm_table_add_number(c->gpairs, "change", cd, "after - before", "")) != BM_OK)
        goto done;
    st = bm_table_add_text(c->gpairs, "status", status,
                           "new: no tie before, some after; gone: the reverse; kept; none", "");
done:
    free(tb);
    free(ta);
    free(na);
    free(nb);
    free(status);
    free(cb);
    free(ca);
    free(cd);
    return st;
}

static const char *const roles[] = {"coordinator", "itinerant", "representative", "gatekeeper", "liaison"};

/* The roles (z >= 1.96) of row r of actors table t, comma separated, into buf. */
static void broker_roles(const bm_table *t, long r, char *buf, size_t cap, unsigned *mask)
{
    buf[0] = '\0';
    *mask = 0;
    if (r < 0)
        return;
    for (int q = 0; q < 5; q++) {
        char name[64];
        snprintf(name, sizeof name, "brokerage_%s_z", roles[q]);
        long col = bm_table_find(t, name);
        if (col < 0)
            continue;
        double z = bm_table_number(t, (size_t)col, (size_t)r);
        if (isfinite(z) && z >= 1.96) {
            *mask |= 1u << q;
            size_t len = strlen(buf);
            snprintf(buf + len, cap - len, "%s%s", len ? ", " : "", roles[q]);
        }
    }
}

static void roles_text(unsigned mask, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (int q = 0; q < 5; q++)
        if (mask & (1u << q)) {
            size_t len = strlen(buf);
            snprintf(buf + len, cap - len, "%s%s", len ? ", " : "", roles[q]);
        }
}

static bm_status actors_table(bm_compare *c)
{
    const bm_table *tb = bm_analysis_actors(c->ab), *ta = bm_analysis_actors(c->aa);
    size_t n = c->n_union;
    bm_status st = BM_OK;
    char **texts = calloc(4 * (n ? n : 1), sizeof *texts);
    const char **status = calloc(n ? n : 1, sizeof *status), **group = calloc(n ? n : 1, sizeof *group);
    long *rb = malloc((n ? n : 1) * sizeof *rb), *ra = malloc((n ? n : 1) * sizeof *ra);
    int *act_b = calloc(n ? n : 1, sizeof *act_b), *act_a = calloc(n ? n : 1, sizeof *act_a);
    if (!texts || !status || !group || !rb || !ra || !act_b || !act_a) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t q = 0; q < c->n_pairs; q++) {
        const cpair *p = &c->pairs[q];
        if (p->label & LABEL_BEFORE)
            act_b[p->u] = act_b[p->v] = 1;
        if (p->label & LABEL_AFTER)
            act_a[p->u] = act_a[p->v] = 1;
    }
    for (size_t u = 0; u < n; u++) {
        rb[u] = c->in_b[u];
        ra[u] = c->in_a[u];
        status[u] = act_b[u] && act_a[u] ? "both" : act_a[u] ? "joined" : act_b[u] ? "left" : "neither";
        group[u] = c->ugroup[u] >= 0 ? c->gname[c->ugroup[u]] : "";
        char b1[128], b2[128], b3[128], b4[128];
        unsigned mb, ma;
        broker_roles(tb, rb[u], b1, sizeof b1, &mb);
        broker_roles(ta, ra[u], b2, sizeof b2, &ma);
        roles_text(ma & ~mb, b3, sizeof b3);
        roles_text(mb & ~ma, b4, sizeof b4);
        if (!(texts[4 * u] = strdup(b1)) || !(texts[4 * u + 1] = strdup(b2)) ||
            !(texts[4 * u + 2] = strdup(b3)) || !(texts[4 * u + 3] = strdup(b4))) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
    }
    if ((st = bm_table_new(&c->actors, "compare_actors", n)) != BM_OK ||
        (st = bm_table_add_text(c->actors, "id", c->uid, "actor id", "")) != BM_OK ||
        (st = bm_table_add_text(c->actors, "group", group, "the actor's group", "")) != BM_OK ||
        (st = bm_table_add_text(c->actors, "status", status,
                                "both: ties in both periods; joined: in the second only; left: in "
                                "the first only; neither", "")) != BM_OK)
        goto done;
    {
        static const char *const names[4] = {"broker_roles_before", "broker_roles_after",
                                             "broker_roles_gained", "broker_roles_lost"};
        static const char *const descs[4] = {
            "brokerage roles with a z-score of 1.96 or more, first period",
            "the same, second period", "roles held after but not before", "roles held before but not after"};
        const char **v = malloc((n ? n : 1) * sizeof *v);
        if (!v) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        for (int k = 0; k < 4 && st == BM_OK; k++) {
            for (size_t u = 0; u < n; u++)
                v[u] = texts[4 * u + k];
            st = bm_table_add_text(c->actors, names[k], v, descs[k], "Gould & Fernandez (1989)");
        }
        free(v);
        if (st != BM_OK)
            goto done;
    }
    st = side_by_side(c->actors, tb, ta, n, rb, ra, NULL);
done:
    for (size_t i = 0; texts && i < 4 * n; i++)
        free(texts[i]);
    free(texts);
    free(status);
    free(group);
    free(rb);
    free(ra);
    free(act_b);
    free(act_a);
    return st;
}

static bm_status ties_table(bm_compare *c)
{
    size_t m = c->n_pairs;
    const char **src = malloc((m ? m : 1) * sizeof *src), **dst = malloc((m ? m : 1) * sizeof *dst);
    const char **status = malloc((m ? m : 1) * sizeof *status), **kind = malloc((m ? m : 1) * sizeof *kind);
    double *wb = malloc((m ? m : 1) * sizeof *wb), *wa = malloc((m ? m : 1) * sizeof *wa);
    bm_status st = BM_OK;
    if (!src || !dst || !status || !kind || !wb || !wa) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t q = 0; q < m; q++) {
        const cpair *p = &c->pairs[q];
        src[q] = c->uid[p->u];
        dst[q] = c->uid[p->v];
        status[q] = p->label == (LABEL_BEFORE | LABEL_AFTER) ? "kept" : p->label == LABEL_AFTER ? "gained" : "lost";
        kind[q] = p->gu < 0 || p->gv < 0 ? "" : p->gu == p->gv ? "internal" : "external";
        wb[q] = p->wb;
        wa[q] = p->wa;
    }
    if ((st = bm_table_new(&c->ties, "compare_ties", m)) != BM_OK ||
        (st = bm_table_add_text(c->ties, "source", src, "actor", "")) != BM_OK ||
        (st = bm_table_add_text(c->ties, "target", dst, "actor", "")) != BM_OK ||
        (st = bm_table_add_text(c->ties, "status", status,
                                "gained: tied in the second period only; lost: first only; kept: both", "")) != BM_OK ||
        (st = bm_table_add_text(c->ties, "type", kind,
                                "internal: both in one group; external: across groups; empty: an "
                                "actor without a group", "")) != BM_OK ||
        (st = bm_table_add_number(c->ties, "weight_before", wb, "tie weight in the first period (0: no tie)", "")) != BM_OK)
        goto done;
    st = bm_table_add_number(c->ties, "weight_after", wa, "tie weight in the second period (0: no tie)", "");
done:
    free(src);
    free(dst);
    free(status);
    free(kind);
    free(wb);
    free(wa);
    return st;
}

/* ---- the object ------------------------------------------------------------------------ */

bm_status bm_compare_new(bm_compare **out, const bm_network *before, const bm_network *after,
                         const bm_compare_options *opt)
{
    *out = NULL;
    bm_compare *c = calloc(1, sizeof *c);
    if (!c)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    c->nb = before;
    c->na = after;
    if (opt)
        c->opt = *opt;
    else
        bm_compare_options_init(&c->opt);
    /* the caller's labels need not outlive this call */
    c->opt.before_label = c->opt.after_label = NULL;
    if ((opt && opt->before_label && !(c->opt.before_label = c->label_b = strdup(opt->before_label))) ||
        (opt && opt->after_label && !(c->opt.after_label = c->label_a = strdup(opt->after_label)))) {
        bm_compare_free(c);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    bm_status st;
    if ((st = bm_analysis_new(&c->ab, before, &c->opt.analysis)) != BM_OK ||
        (st = bm_analysis_new(&c->aa, after, &c->opt.analysis)) != BM_OK) {
        bm_compare_free(c);
        return st;
    }
    c->opt.analysis.group = NULL; /* the analyses hold their own copies */
    c->opt.analysis.exports = NULL;
    if (bm_analysis_levels(c->ab) != bm_analysis_levels(c->aa)) {
        bm_compare_free(c);
        return bm_error_set(BM_EUSAGE, "the two periods do not have the same grouping column");
    }
    *out = c;
    return BM_OK;
}

void bm_compare_free(bm_compare *c)
{
    if (!c)
        return;
    bm_analysis_free(c->ab);
    bm_analysis_free(c->aa);
    free(c->label_b);
    free(c->label_a);
    free(c->uid);
    free(c->in_b);
    free(c->in_a);
    free(c->ugroup);
    free(c->gname);
    free(c->pairs);
    free(c->slots);
    free(c->group_p);
    free(c->group_ei_b);
    free(c->group_ei_a);
    bm_table_free(c->summary);
    bm_table_free(c->groups);
    bm_table_free(c->gpairs);
    bm_table_free(c->actors);
    bm_table_free(c->ties);
    free(c);
}

bm_status bm_compare_run(bm_compare *c)
{
    bm_status st;
    bm_i_progress("Analysing the first period", 0.0);
    if ((st = bm_analysis_run(c->ab)) != BM_OK)
        return st;
    bm_i_progress("Analysing the second period", 0.0);
    if ((st = bm_analysis_run(c->aa)) != BM_OK || (st = build_union(c)) != BM_OK ||
        (st = build_pairs(c)) != BM_OK || (st = change_test(c)) != BM_OK ||
        (st = summary_table(c)) != BM_OK || (st = groups_table(c)) != BM_OK ||
        (st = pairs_table(c)) != BM_OK || (st = actors_table(c)) != BM_OK ||
        (st = ties_table(c)) != BM_OK)
        return st;
    c->ran = 1;
    return BM_OK;
}

const bm_analysis *bm_compare_before(const bm_compare *c) { return c->ab; }
const bm_analysis *bm_compare_after(const bm_compare *c) { return c->aa; }
const bm_table *bm_compare_summary(const bm_compare *c) { return c->summary; }
const bm_table *bm_compare_groups(const bm_compare *c) { return c->groups; }
const bm_table *bm_compare_pairs(const bm_compare *c) { return c->gpairs; }
const bm_table *bm_compare_actors(const bm_compare *c) { return c->actors; }
const bm_table *bm_compare_ties(const bm_compare *c) { return c->ties; }
const bm_change_test *bm_compare_test(const bm_compare *c) { return &c->test; }

/* ---- words --------------------------------------------------------------------------------- */

static void p_text(char *buf, size_t cap, double p, size_t perms)
{
    if (!isfinite(p))
        snprintf(buf, cap, "no test");
    else if (p <= 1.0 / ((double)perms + 1.0) + 1e-15)
        snprintf(buf, cap, "p < %.2g", 1.0 / (double)perms > 0.001 ? 1.0 / (double)perms : 0.001);
    else if (p < 0.001)
        snprintf(buf, cap, "p < 0.001");
    else
        snprintf(buf, cap, "p = %.3f", p);
}

/* 10000 -> "10,000" */
static void thousands(char *buf, size_t cap, size_t n)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%zu", n);
    size_t len = strlen(digits), k = 0;
    for (size_t i = 0; i < len && k + 2 < cap; i++) {
        if (i && (len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}

static void verdict(const bm_compare *c, char *buf, size_t cap)
{
    const bm_change_test *t = &c->test;
    if (!isfinite(t->change)) {
        snprintf(buf, cap, "No test of the change in mixing: %s.",
                 !c->n_groups ? "there is no grouping" : "a period has no tie between grouped actors");
        return;
    }
    char p[48], perms[32];
    p_text(p, sizeof p, t->p_value, t->permutations);
    thousands(perms, sizeof perms, t->permutations);
    const char *dir = t->change > 0 ? "rose" : t->change < 0 ? "fell" : "stayed";
    int signif = t->p_value < 0.05;
    snprintf(buf, cap,
             "Ties across groups %s from %.1f%% of %zu ties to %.1f%% of %zu (E-I index %+.2f to %+.2f); "
             "%s in %s reshuffles of which period each pair's records fall in: %s",
             dir, 100 * t->share_before, t->ties_before, 100 * t->share_after, t->ties_after,
             2 * t->share_before - 1, 2 * t->share_after - 1, p, perms,
             signif ? (t->change > 0 ? "the groups mix more than before, and by more than chance would give."
                                     : "the groups mix less than before, by more than chance would give.")
                    : "the change is within what chance would give.");
}

bm_status bm_compare_write_narrative(const bm_compare *c, FILE *f, const char *label_by)
{
    char v[1024];
    verdict(c, v, sizeof v);
    fprintf(f, "%s\n", v);
    size_t joined = 0, left = 0;
    long cs = c->actors ? bm_table_find(c->actors, "status") : -1;
    for (size_t u = 0; cs >= 0 && u < c->n_union; u++) {
        const char *s = bm_table_text(c->actors, (size_t)cs, u);
        joined += strcmp(s, "joined") == 0;
        left += strcmp(s, "left") == 0;
    }
    size_t gained = 0, lost = 0, kept = 0;
    for (size_t q = 0; q < c->n_pairs; q++) {
        gained += c->pairs[q].label == LABEL_AFTER;
        lost += c->pairs[q].label == LABEL_BEFORE;
        kept += c->pairs[q].label == (LABEL_BEFORE | LABEL_AFTER);
    }
    fprintf(f, "%zu ties gained, %zu lost, %zu kept; %zu actors joined (a tie in the second period "
               "only), %zu left.\n", gained, lost, kept, joined, left);
    /* the groups whose E-I moved most, with their test */
    if (c->groups) {
        size_t k = c->n_groups, shown = 0;
        char *used = calloc(k ? k : 1, 1);
        if (!used)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        while (shown < 3) {
            long best = -1;
            for (size_t g = 0; g < k; g++) {
                double d = c->group_ei_a[g] - c->group_ei_b[g];
                if (!used[g] && isfinite(d) &&
                    (best < 0 || fabs(d) > fabs(c->group_ei_a[best] - c->group_ei_b[best])))
                    best = (long)g;
            }
            if (best < 0)
                break;
            used[best] = 1;
            char p[48];
            p_text(p, sizeof p, c->group_p[best], c->test.permutations);
            fprintf(f, "The E-I index of %s moved from %+.2f to %+.2f (%s).\n", c->gname[best],
                    c->group_ei_b[best], c->group_ei_a[best], p);
            shown++;
        }
        free(used);
    }
    if (c->gpairs) {
        long cd = bm_table_find(c->gpairs, "change");
        long best = -1;
        for (size_t r = 0; r < bm_table_rows(c->gpairs); r++)
            if (best < 0 || bm_table_number(c->gpairs, (size_t)cd, r) >
                                bm_table_number(c->gpairs, (size_t)cd, (size_t)best))
                best = (long)r;
        if (best >= 0 && bm_table_number(c->gpairs, (size_t)cd, (size_t)best) > 0)
            fprintf(f, "Ties between %s and %s rose from %.0f to %.0f.\n",
                    bm_table_text(c->gpairs, 0, (size_t)best), bm_table_text(c->gpairs, 1, (size_t)best),
                    bm_table_number(c->gpairs, 2, (size_t)best), bm_table_number(c->gpairs, 3, (size_t)best));
        size_t fresh = 0;
        long cst = bm_table_find(c->gpairs, "status");
        for (size_t r = 0; r < bm_table_rows(c->gpairs); r++)
            fresh += strcmp(bm_table_text(c->gpairs, (size_t)cst, r), "new") == 0;
        if (fresh)
            fprintf(f, "%zu pair%s of groups with no tie before %s one after.\n", fresh,
                    fresh == 1 ? "" : "s", fresh == 1 ? "has" : "have");
    }
    if (c->actors) {
        long cg = bm_table_find(c->actors, "broker_roles_gained"), cl = bm_table_find(c->actors, "broker_roles_lost");
        size_t ng = 0, nl = 0;
        const char *first = NULL;
        for (size_t u = 0; cg >= 0 && u < c->n_union; u++) {
            if (bm_table_text(c->actors, (size_t)cg, u)[0]) {
                ng++;
                if (!first) {
                    const bm_network *net = c->in_a[u] >= 0 ? c->na : c->nb;
                    long row = c->in_a[u] >= 0 ? c->in_a[u] : c->in_b[u];
                    long col = label_by ? bm_network_attr_find(net, label_by) : bm_network_label_attr(net);
                    const char *t = col >= 0 ? bm_network_attr_value(net, (size_t)col, (size_t)row) : NULL;
                    first = t && t[0] ? t : c->uid[u];
                }
            }
            nl += bm_table_text(c->actors, (size_t)cl, u)[0] != '\0';
        }
        if (ng || nl)
            fprintf(f, "%zu actors took on a broker role they did not have (e.g. %s), %zu lost one "
                       "(compare_actors.csv: broker_roles_*).\n", ng, first ? first : "-", nl);
    }
    return ferror(f) ? bm_error_set(BM_EINTERNAL, "writing failed") : BM_OK;
}

/* ---- files ------------------------------------------------------------------------------- */

static cJSON *jnum(double x) { return isfinite(x) ? cJSON_CreateNumber(x) : cJSON_CreateNull(); }

static bm_status write_json(const bm_compare *c, const char *path)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    char v[1024];
    verdict(c, v, sizeof v);
    cJSON_AddStringToObject(root, "verdict", v);
    cJSON *t = cJSON_AddObjectToObject(root, "test");
    cJSON_AddStringToObject(t, "statistic", "change in the share of ties (distinct pairs of grouped "
                                            "actors) that cross groups, after - before");
    cJSON_AddStringToObject(t, "null_model", "the pairs' period patterns (before only, after only, both) "
                                             "permuted across pairs; each pair's records stay together");
    cJSON_AddItemToObject(t, "share_before", jnum(c->test.share_before));
    cJSON_AddItemToObject(t, "share_after", jnum(c->test.share_after));
    cJSON_AddNumberToObject(t, "ties_before", (double)c->test.ties_before);
    cJSON_AddNumberToObject(t, "ties_after", (double)c->test.ties_after);
    cJSON_AddItemToObject(t, "change", jnum(c->test.change));
    cJSON_AddItemToObject(t, "ei_before", jnum(2 * c->test.share_before - 1));
    cJSON_AddItemToObject(t, "ei_after", jnum(2 * c->test.share_after - 1));
    cJSON_AddItemToObject(t, "p_value", jnum(c->test.p_value));
    cJSON_AddNumberToObject(t, "permutations", (double)c->test.permutations);
    cJSON_AddNumberToObject(t, "seed", (double)c->test.seed);
    cJSON *gr = cJSON_AddArrayToObject(root, "groups");
    for (size_t g = 0; g < c->n_groups && c->groups; g++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "group", c->gname[g]);
        cJSON_AddItemToObject(o, "ei_before", jnum(c->group_ei_b[g]));
        cJSON_AddItemToObject(o, "ei_after", jnum(c->group_ei_a[g]));
        cJSON_AddItemToObject(o, "p_value", jnum(c->group_p[g]));
        cJSON_AddItemToArray(gr, o);
    }
    for (int period = 0; period < 2; period++) {
        const bm_network *net = period ? c->na : c->nb;
        cJSON *p = cJSON_AddObjectToObject(root, period ? "after" : "before");
        const char *label = period ? c->opt.after_label : c->opt.before_label;
        cJSON_AddStringToObject(p, "label", label ? label : period ? "after" : "before");
        const char *d0 = bm_network_first_date(net), *d1 = bm_network_last_date(net);
        cJSON_AddItemToObject(p, "first_date", d0 && d0[0] ? cJSON_CreateString(d0) : cJSON_CreateNull());
        cJSON_AddItemToObject(p, "last_date", d1 && d1[0] ? cJSON_CreateString(d1) : cJSON_CreateNull());
        cJSON_AddNumberToObject(p, "actors", (double)bm_network_actor_count(net));
        cJSON_AddNumberToObject(p, "ties", (double)bm_network_tie_count(net));
        cJSON_AddNumberToObject(p, "records", (double)bm_network_record_count(net));
        cJSON *in = cJSON_AddArrayToObject(p, "inputs");
        for (size_t k = 0; k < bm_network_input_count(net); k++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "path", bm_network_input_path(net, k));
            cJSON_AddStringToObject(o, "sha256", bm_network_input_sha256(net, k));
            cJSON_AddItemToArray(in, o);
        }
    }
    cJSON_AddStringToObject(root, "version", bm_version());
    bm_status st = bm_i_write_cjson(root, path);
    cJSON_Delete(root);
    return st;
}

/* The change maps: both periods with the same positions, and the groups. */
static bm_status change_maps(const bm_compare *c, bm_output *o, const bm_render_options *map)
{
    size_t n = c->n_union, m = c->n_pairs, k = c->n_groups;
    bm_status st = BM_OK;
    const char **label = malloc((n ? n : 1) * sizeof *label);
    int *act_b = calloc(n ? n : 1, sizeof *act_b), *act_a = calloc(n ? n : 1, sizeof *act_a);
    size_t *u = malloc((m ? m : 1) * sizeof *u), *v = malloc((m ? m : 1) * sizeof *v);
    int *lab = malloc((m ? m : 1) * sizeof *lab);
    const char **colour = malloc((k ? k : 1) * sizeof *colour);
    size_t *gsize = calloc(k ? k : 1, sizeof *gsize);
    double *tb = calloc(k * k + 1, sizeof *tb), *ta = calloc(k * k + 1, sizeof *ta);
    if (!label || !act_b || !act_a || !u || !v || !lab || !colour || !gsize || !tb || !ta) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    long lb = map && map->label_by ? bm_network_attr_find(c->nb, map->label_by) : bm_network_label_attr(c->nb);
    long la = map && map->label_by ? bm_network_attr_find(c->na, map->label_by) : bm_network_label_attr(c->na);
    for (size_t i = 0; i < n; i++) {
        const char *t = NULL;
        if (c->in_b[i] >= 0 && lb >= 0)
            t = bm_network_attr_value(c->nb, (size_t)lb, (size_t)c->in_b[i]);
        else if (c->in_a[i] >= 0 && la >= 0)
            t = bm_network_attr_value(c->na, (size_t)la, (size_t)c->in_a[i]);
        label[i] = t && t[0] ? t : c->uid[i];
        if (c->ugroup[i] >= 0)
            gsize[c->ugroup[i]]++;
    }
    for (size_t q = 0; q < m; q++) {
        const cpair *p = &c->pairs[q];
        u[q] = p->u;
        v[q] = p->v;
        lab[q] = p->label;
        if (p->label & LABEL_BEFORE)
            act_b[p->u] = act_b[p->v] = 1;
        if (p->label & LABEL_AFTER)
            act_a[p->u] = act_a[p->v] = 1;
        if (p->gu >= 0 && p->gv >= 0) {
            size_t x = (size_t)(p->gu < p->gv ? p->gu : p->gv), y = (size_t)(p->gu < p->gv ? p->gv : p->gu);
            if (p->label & LABEL_BEFORE)
                tb[x * k + y] += 1;
            if (p->label & LABEL_AFTER)
                ta[x * k + y] += 1;
        }
    }
    const bm_grouping *gb = bm_analysis_grouping(c->ab, 0), *ga = bm_analysis_grouping(c->aa, 0);
    for (size_t g = 0; g < k; g++) {
        colour[g] = "#BBBBBB";
        for (int side = 0; side < 2; side++) {
            const bm_grouping *gr = side ? ga : gb;
            for (size_t j = 0; gr && j < bm_grouping_count(gr); j++)
                if (strcmp(bm_grouping_name(gr, j), c->gname[g]) == 0) {
                    colour[g] = bm_render_group_colour(gr, (long)j);
                    side = 2;
                    break;
                }
        }
    }
    bm_change_map cm = {n, label, c->ugroup, act_b, act_a, k, c->gname, colour, m, u, v, lab,
                        map->title, c->opt.before_label ? c->opt.before_label : "before",
                        c->opt.after_label ? c->opt.after_label : "after", c->opt.analysis.seed};
    char *pb = strdup(bm_output_path(o, "change_map_before.svg"));
    char *pa = pb ? strdup(bm_output_path(o, "change_map_after.svg")) : NULL;
    if (!pb || !pa)
        st = bm_error_set(BM_EINTERNAL, "out of memory");
    else
        st = bm_render_change_maps(&cm, pb, pa);
    free(pb);
    free(pa);
    if (st == BM_OK && k)
        st = bm_render_change_group_map(&cm, gsize, tb, ta, bm_output_path(o, "change_group_map.svg"));
done:
    free(label);
    free(act_b);
    free(act_a);
    free(u);
    free(v);
    free(lab);
    free(colour);
    free(gsize);
    free(tb);
    free(ta);
    return st;
}

bm_status bm_compare_write(const bm_compare *c, const char *dir, const bm_render_options *map)
{
    if (!c->ran)
        return bm_error_set(BM_EUSAGE, "bm_compare_write: run the comparison first");
    bm_output *o = NULL;
    bm_status st = bm_output_open(&o, dir);
    if (st != BM_OK)
        return st;
    unsigned flags = c->opt.analysis.raw_csv ? BM_CSV_RAW : 0;
    if ((st = bm_write_csv_ex(c->summary, bm_output_path(o, "compare_summary.csv"), flags)) != BM_OK ||
        (c->groups && (st = bm_write_csv_ex(c->groups, bm_output_path(o, "compare_groups.csv"), flags)) != BM_OK) ||
        (c->gpairs && (st = bm_write_csv_ex(c->gpairs, bm_output_path(o, "compare_group_pairs.csv"), flags)) != BM_OK) ||
        (st = bm_write_csv_ex(c->actors, bm_output_path(o, "compare_actors.csv"), flags)) != BM_OK ||
        (st = bm_write_csv_ex(c->ties, bm_output_path(o, "compare_ties.csv"), flags)) != BM_OK ||
        (st = write_json(c, bm_output_path(o, "compare.json"))) != BM_OK ||
        (map && (st = change_maps(c, o, map)) != BM_OK))
        goto done;
    {
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        if (!f) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        st = bm_compare_write_narrative(c, f, map ? map->label_by : NULL);
        fclose(f);
        char *paths[3] = {NULL, NULL, NULL};
        const char *names[3] = {"change_map_before.svg", "change_map_after.svg", "change_group_map.svg"};
        for (int k = 0; k < 3 && st == BM_OK && map; k++)
            if (!(paths[k] = strdup(bm_output_path(o, names[k]))))
                st = bm_error_set(BM_EINTERNAL, "out of memory");
        bm_change_report rep = {map ? map->title : NULL,
                                c->opt.before_label ? c->opt.before_label : "before",
                                c->opt.after_label ? c->opt.after_label : "after", text, c->summary,
                                c->groups, c->gpairs, paths[0], paths[1], c->groups ? paths[2] : NULL,
                                c->opt.analysis.seed};
        if (st == BM_OK)
            st = bm_write_change_report(&rep, bm_output_path(o, "report.html"));
        for (int k = 0; k < 3; k++)
            free(paths[k]);
        free(text);
        if (st != BM_OK)
            goto done;
    }
    st = bm_output_commit(o);
done:
    bm_output_free(o);
    return st;
}
