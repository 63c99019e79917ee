/* eistats.c: the network E-I index against chance: its expected value, the
 * rescaled index, a permutation test, and Yule's Q of the same 2x2 table.
 *
 * Counts are ties of the undirected view between actors that have a group
 * (MEASURES.md): W ties within groups, B between, out of P_int possible pairs
 * within and P_ext across. The permutation test shuffles the group labels
 * among the grouped actors (group sizes kept, Fisher-Yates with a
 * generator seeded from the options and the permutation's number) and recounts W on the fixed edge list, so no
 * graph is rebuilt per permutation: O(permutations x ties). */
#include <math.h>
#include <stdlib.h>
#include "internal.h"
#include "parallel.h"

static double ei(double e, double i);

/* The permutation test's chunks: chunk c runs permutations c, c + C, ...
 * Labels are one byte when there are at most 255 groups (the usual case),
 * so that the shuffled labels of a million actors stay in the core's cache
 * while every tie looks both ends up; the draws are the same either way. */
typedef struct perm_ctx {
    const int32_t *label, *ea, *eb;
    size_t ng, m, permutations, chunks;
    unsigned long seed;
    int narrow; /* labels fit uint8_t */
} perm_ctx;

static void *perm_scratch_new(void *ctx)
{
    const perm_ctx *pc = ctx;
    return malloc((pc->ng ? pc->ng : 1) * sizeof(int32_t));
}

/* One permutation into perm (of type T): Fisher-Yates, a uniform
 * permutation of the labels, sizes kept; in = the ties left inside. */
#define PERMUTE_AND_COUNT(T, perm, pc, rng, in)                                                 \
    do {                                                                                        \
        for (size_t i_ = 0; i_ < (pc)->ng; i_++)                                                \
            (perm)[i_] = (T)(pc)->label[i_];                                                    \
        for (size_t i_ = (pc)->ng - 1; i_ > 0; i_--) {                                          \
            size_t j_ = (size_t)bm_rng_below(rng, (uint64_t)i_ + 1);                            \
            T t_ = (perm)[i_];                                                                  \
            (perm)[i_] = (perm)[j_];                                                            \
            (perm)[j_] = t_;                                                                    \
        }                                                                                       \
        for (size_t e_ = 0; e_ < (pc)->m; e_++)                                                 \
            (in) += (perm)[(pc)->ea[e_]] == (perm)[(pc)->eb[e_]];                               \
    } while (0)

static bm_status perm_chunk(void *ctx, void *scr, size_t chunk, double *slot)
{
    const perm_ctx *pc = ctx;
    double mm = (double)pc->m;
    for (size_t p = chunk, k = 0; p < pc->permutations; p += pc->chunks, k++) {
        bm_rng rng;
        bm_rng_seed(&rng, pc->seed, 0x5045524d00000000ULL + p); /* "PERM" stream */
        size_t in = 0;
        if (pc->narrow) {
            uint8_t *perm = scr;
            PERMUTE_AND_COUNT(uint8_t, perm, pc, &rng, in);
        } else {
            int32_t *perm = scr;
            PERMUTE_AND_COUNT(int32_t, perm, pc, &rng, in);
        }
        slot[k] = ei(mm - (double)in, (double)in);
    }
    return BM_OK;
}

static double ei(double e, double i) { return e + i > 0 ? (e - i) / (e + i) : NAN; }

bm_status bm_i_ei_statistics(const bm_network *net, const bm_grouping *g, unsigned long seed,
                             size_t permutations, unsigned jobs, bm_ei_stats *out)
{
    bm_status st = BM_OK;
    const igraph_t *ug = net->ug;
    int32_t *ea = NULL, *eb = NULL, *label = NULL;
    size_t *members = NULL;

    /* Edges between grouped actors, as indices into the list of grouped
     * actors. */
    size_t n = net->n_actors, ng = 0, m = 0;
    members = malloc((n ? n : 1) * sizeof *members);
    size_t *pos = NULL;
    ea = malloc(((size_t)igraph_ecount(ug) + 1) * sizeof *ea);
    eb = malloc(((size_t)igraph_ecount(ug) + 1) * sizeof *eb);
    pos = malloc((n ? n : 1) * sizeof *pos);
    if (!members || !ea || !eb || !pos) {
        free(pos);
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (g->of[i] >= 0) {
            pos[i] = ng;
            members[ng++] = i;
        }
    double within = 0, between = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(ug); e++) {
        igraph_integer_t a = IGRAPH_FROM(ug, e), b = IGRAPH_TO(ug, e);
        if (g->of[a] < 0 || g->of[b] < 0)
            continue;
        ea[m] = (int32_t)pos[a];
        eb[m] = (int32_t)pos[b];
        m++;
        if (g->of[a] == g->of[b])
            within += 1;
        else
            between += 1;
    }
    free(pos);
    double p_int = 0;
    for (size_t k = 0; k < g->n_groups; k++)
        p_int += (double)g->sizes[k] * ((double)g->sizes[k] - 1) / 2.0;
    double p_ext = (double)ng * ((double)ng - 1) / 2.0 - p_int;
    double mm = (double)m;

    out->ei = ei(between, within);
    /* Expected E-I if ties fell at random given the group sizes (UCINET). */
    out->expected = ei(p_ext, p_int);
    /* Rescaled E-I: the observed E-I placed in its attainable range given m
     * ties, P_int and P_ext (MEASURES.md; UCINET's rescaled E-I): the lowest
     * E-I puts min(m, P_int) ties inside, the highest min(m, P_ext) outside. */
    {
        double i_min = fmin(mm, p_int), e_max = fmin(mm, p_ext);
        double lo = ei(mm - i_min, i_min), hi = ei(e_max, mm - e_max);
        out->rescaled = m > 0 && hi > lo ? -1.0 + 2.0 * (out->ei - lo) / (hi - lo) : NAN;
    }
    /* Yule's Q of (tie / no tie) x (same / different group) over all pairs of
     * grouped actors (Yule 1900): (ad - bc) / (ad + bc). */
    {
        double a = within, b = p_int - within, c = between, d = p_ext - between;
        double den = a * d + b * c;
        out->yules_q = den > 0 ? (a * d - b * c) / den : NAN;
    }

    /* Permutation test (UCINET's E-I permutation test): one-sided p for
     * "more closed than chance" = (1 + #{EI_perm <= EI_obs}) / (1 + N);
     * two-sided = (1 + #{|EI_perm - mean| >= |EI_obs - mean|}) / (1 + N),
     * mean the permutations' average. Comparisons allow 1e-12 so that equal
     * counts compare equal. */
    out->permutations = permutations;
    out->p_value = out->p_value_two_sided = NAN;
    if (m == 0 || permutations == 0 || g->n_groups < 2)
        goto done;
    label = malloc(ng * sizeof *label);
    double *sample = malloc(permutations * sizeof *sample);
    if (!label || !sample) {
        free(sample);
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < ng; i++)
        label[i] = (int32_t)g->of[members[i]];
    /* Permutations in chunks over worker processes (parallel.h): permutation
     * p shuffles with its own generator (seed, p), so the sample and the
     * p-values do not depend on the number of workers. */
    perm_ctx pc = {label, ea, eb, ng, m, permutations, 0, seed, g->n_groups <= 255};
    pc.chunks = permutations < 64 ? permutations : 64;
    size_t per_chunk = (permutations + pc.chunks - 1) / pc.chunks;
    bm_chunk_job job = {.chunks = pc.chunks, .slot_len = per_chunk, .worker_new = perm_scratch_new,
                        .worker_free = free, .run = perm_chunk, .ctx = &pc,
                        .step = "E-I permutation test"}; /* slots only: nothing disjoint */
    double *slots = NULL;
    if ((st = bm_run_chunks(&job, jobs, &slots)) != BM_OK) {
        free(sample);
        goto done;
    }
    for (size_t p = 0; p < permutations; p++)
        sample[p] = slots[(p % pc.chunks) * per_chunk + p / pc.chunks];
    bm_shared_free(slots, bm_chunk_slots_bytes(&job));
    double sum = 0;
    for (size_t p = 0; p < permutations; p++)
        sum += sample[p];
    double mean = sum / (double)permutations, tol = 1e-12;
    size_t low = 0, extreme = 0;
    for (size_t p = 0; p < permutations; p++) {
        low += sample[p] <= out->ei + tol;
        extreme += fabs(sample[p] - mean) >= fabs(out->ei - mean) - tol;
    }
    out->p_value = (1.0 + (double)low) / (1.0 + (double)permutations);
    out->p_value_two_sided = (1.0 + (double)extreme) / (1.0 + (double)permutations);
    free(sample);
done:
    free(ea);
    free(eb);
    free(label);
    free(members);
    return st;
}
