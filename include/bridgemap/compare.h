/* bridgemap/compare.h: "did it change?", two periods or snapshots side by side.
 *
 * A comparison holds the analysis of each period (bm_analysis, the same call
 * analyze makes, so each period's measures equal analyze on that period's
 * records alone) and what changed between them:
 *   summary   every network figure before, after and its change, with the
 *             change test's p-value on the mixing rows;
 *   groups    per group every group figure before/after/change, the E-I
 *             change with its p-value, ties gained, lost and kept inside the
 *             group and across;
 *   pairs     per pair of groups the ties before and after, and whether the
 *             pair is new (no tie before) or gone;
 *   actors    per actor (the union of both periods' actors, matched by id)
 *             whether it was active (had a tie) in each period, every actor
 *             measure before/after/change, and its brokerage roles (a broker
 *             has a Gould-Fernandez z-score of 1.96 or more in the role)
 *             before and after, gained and lost;
 *   ties      every pair tied in either period: gained, lost or kept, inside
 *             a group or across, its weight in each.
 *
 * The change test: is the change in cross-group mixing more than noise?
 * The statistic is the change in the share of ties (distinct pairs of
 * grouped actors, undirected view) that cross groups, after minus before
 * (equivalently in the network E-I index, which is 2 x share - 1), and per
 * group the change in its E-I index (members' side). Under the null
 * hypothesis that mixing did not change, which period a pair's records fall
 * in is exchangeable across pairs: the test permutes the pairs' period
 * patterns (before only, after only, both), keeping every pair's records
 * together and the number of ties in each period fixed, and counts the
 * permutations with a change at least as large in absolute value (two-sided;
 * p = (1 + count) / (1 + permutations)). This is a Fisher-Pitman
 * permutation test of two proportions (Good 2005, Permutation, Parametric
 * and Bootstrap Tests of Hypotheses, ch. 3), the pair-level analogue of the
 * period-label permutations of Krackhardt & Stern (1988)'s E-I test.
 * Assumptions: pairs are exchangeable under the null (it ignores that pairs
 * sharing an actor are dependent, as QAP would not; a few very active
 * actors can make p too small), the grouping is the same in both periods,
 * and actors are matched by id. Seeded (options seed), run in chunks on
 * worker processes with results that do not depend on jobs. */
#ifndef BRIDGEMAP_COMPARE_H
#define BRIDGEMAP_COMPARE_H

#include <stdio.h>
#include "bridgemap/analysis.h"
#include "bridgemap/common.h"
#include "bridgemap/network.h"
#include "bridgemap/render.h"
#include "bridgemap/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bm_compare_options {
    bm_analysis_options analysis; /* grouping, seed, permutations (also of the change
                                     test; 0: 10,000), jobs, path method, ... */
    const char *before_label;     /* NULL: "before" */
    const char *after_label;      /* NULL: "after" */
} bm_compare_options;

void bm_compare_options_init(bm_compare_options *opt);

typedef struct bm_compare bm_compare;

/* Prepares the comparison of two networks (borrowed; they must outlive it).
 * The grouping column must exist in both. */
bm_status bm_compare_new(bm_compare **out, const bm_network *before, const bm_network *after,
                         const bm_compare_options *opt);
void bm_compare_free(bm_compare *c);
/* Analyses both periods and computes the change tables and the test. */
bm_status bm_compare_run(bm_compare *c);

const bm_analysis *bm_compare_before(const bm_compare *c);
const bm_analysis *bm_compare_after(const bm_compare *c);
const bm_table *bm_compare_summary(const bm_compare *c);
const bm_table *bm_compare_groups(const bm_compare *c);   /* NULL without a grouping */
const bm_table *bm_compare_pairs(const bm_compare *c);    /* NULL without a grouping */
const bm_table *bm_compare_actors(const bm_compare *c);
const bm_table *bm_compare_ties(const bm_compare *c);

/* The change test (valid after bm_compare_run; NaN without a grouping). */
typedef struct bm_change_test {
    double share_before, share_after; /* cross-group share of the grouped ties */
    size_t ties_before, ties_after;   /* grouped ties (distinct pairs) */
    double change;                    /* share_after - share_before */
    double p_value;                   /* two-sided */
    size_t permutations;
    unsigned long seed;
} bm_change_test;
const bm_change_test *bm_compare_test(const bm_compare *c);

/* compare --by: the table of bm_periods_summary for lo's records, grouped by
 * co's group (NULL: the default grouping), with three more columns: the
 * cross-group share of each period, its change from the period before and
 * the change test's p-value (bm_compare of the two periods with co). Every
 * record needs a date (BM_EINPUT when some have none, BM_EUSAGE without a
 * date column). Loads lo's files once per period. */
bm_status bm_compare_by_period(bm_table **out, const bm_load_options *lo, const bm_compare_options *co,
                               bm_period_unit unit);

/* A few plain sentences on what changed (the verdict first). */
bm_status bm_compare_write_narrative(const bm_compare *c, FILE *f, const char *label_by);

/* Writes OUT, whole or not at all: compare_summary.csv, compare_groups.csv,
 * compare_group_pairs.csv, compare_actors.csv, compare_ties.csv,
 * compare.json (the test, its verdict, both periods' inputs and windows),
 * and with map options the change maps. */
bm_status bm_compare_write(const bm_compare *c, const char *dir, const bm_render_options *map);

#ifdef __cplusplus
}
#endif
#endif
