/* bridgemap/analysis.h: the whole analysis of a network as one object.
 *
 * bm_analysis is what `bridgemap analyze` runs, and what compare and the
 * Python binding call: it owns the groupings (one per level) and the
 * intermediates every table shares (the undirected view, the distances, one
 * pass of shortest-path searches feeding betweenness, closeness, harmonic,
 * distances and group betweenness of every level, the communities), computes
 * each once, and yields every table of the output contract (README,
 * "Output"). Path measures run on `jobs` worker processes with results that
 * do not depend on jobs; above BM_EXACT_LIMIT (or when asked) they are
 * sampled with the error bound that summary.json states.
 *
 * Usage:
 *   bm_analysis *a;
 *   bm_analysis_options o;
 *   bm_analysis_options_init(&o);
 *   o.group = "sector,unit";
 *   if (bm_analysis_new(&a, net, &o) == BM_OK && bm_analysis_run(a) == BM_OK)
 *       bm_analysis_write(a, "out", NULL);
 *   bm_analysis_free(a);   (then bm_network_free(net): a borrows net) */
#ifndef BRIDGEMAP_ANALYSIS_H
#define BRIDGEMAP_ANALYSIS_H

#include <stddef.h>
#include <stdio.h>
#include "bridgemap/common.h"
#include "bridgemap/load.h"
#include "bridgemap/measures.h"
#include "bridgemap/network.h"
#include "bridgemap/render.h"
#include "bridgemap/table.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BM_MAX_LEVELS 8

typedef struct bm_analysis_options {
    /* Grouping column, or nested levels "sector,organisation,unit" (at most
     * BM_MAX_LEVELS); NULL: "sector" when the actors have that column, else
     * no grouping. */
    const char *group;
    int unweighted;          /* every tie weighs 1 */
    unsigned long seed;      /* every random step (default 1) */
    size_t permutations;     /* E-I permutation test; 0: 10,000 */
    size_t top;              /* suggestions; 0: 10 */
    unsigned jobs;           /* worker processes; 0: one per core */
    bm_paths_method paths;   /* AUTO (default), EXACT or SAMPLED */
    double epsilon, delta;   /* sampled: error bound; 0: BM_DEFAULT_EPSILON, BM_DEFAULT_DELTA */
    int raw_csv;             /* write CSV cells as they are (BM_CSV_RAW): no formula guard */
    const char *exports;     /* also write the network as "graphml", "gexf", "kumu" (comma
                                separated): network.graphml, network.gexf, network.json */
} bm_analysis_options;

void bm_analysis_options_init(bm_analysis_options *opt);

typedef struct bm_analysis bm_analysis;

/* Prepares the analysis of net (borrowed: it must outlive the analysis) and
 * builds its groupings. BM_EUSAGE when a grouping column does not exist. */
bm_status bm_analysis_new(bm_analysis **out, const bm_network *net, const bm_analysis_options *opt);
void bm_analysis_free(bm_analysis *a);

/* Computes every table. */
bm_status bm_analysis_run(bm_analysis *a);

/* Grouping levels (0 without a grouping) and the grouping of each. */
size_t bm_analysis_levels(const bm_analysis *a);
const bm_grouping *bm_analysis_grouping(const bm_analysis *a, size_t level);
/* Whether the path measures were sampled (valid after bm_analysis_run). */
int bm_analysis_sampled(const bm_analysis *a);
/* The network a analyses (borrowed at bm_analysis_new). */
const bm_network *bm_analysis_network(const bm_analysis *a);

/* The tables, owned by a (NULL before bm_analysis_run; groups, group pairs
 * and suggestions NULL without a grouping). */
const bm_table *bm_analysis_actors(const bm_analysis *a);
const bm_table *bm_analysis_groups(const bm_analysis *a, size_t level);
const bm_table *bm_analysis_group_pairs(const bm_analysis *a, size_t level);
const bm_table *bm_analysis_ties(const bm_analysis *a);
const bm_table *bm_analysis_summary(const bm_analysis *a);
const bm_table *bm_analysis_suggestions(const bm_analysis *a);
/* Who holds each pair of groups together (first level; NULL without a grouping). */
const bm_table *bm_analysis_dependence(const bm_analysis *a);
/* The sentences of `analyze` on stdout (bm_write_narrative over a's tables),
 * actors named by label_by (NULL: the name-like column). */
bm_status bm_analysis_write_narrative(const bm_analysis *a, FILE *f, const char *label_by);
/* One row per activity when the network has affiliations, else NULL. */
const bm_table *bm_analysis_activities(const bm_analysis *a);

/* Periods (analyze --by): calendar months, quarters or years. */
typedef enum bm_period_unit { BM_PERIOD_MONTH, BM_PERIOD_QUARTER, BM_PERIOD_YEAR } bm_period_unit;
/* "month", "quarter", "year" -> *out; returns 0, or -1 when s is none of them. */
int bm_period_unit_parse(const char *s, bm_period_unit *out);

/* One row per period from the period of first_date to that of last_date
 * (the records' date range, bm_network_first_date / last_date), clipped to
 * lo's --from/--to: period, from, to, records, then the columns of
 * bm_measures_summary for the network of that period's records (all actors
 * kept), grouped by column group (NULL: none), with mo's seed, permutations,
 * jobs and path method. Loads the files of lo once per period. */
bm_status bm_periods_summary(bm_table **out, const bm_load_options *lo, const char *group,
                             const bm_measure_options *mo, bm_period_unit unit,
                             const char *first_date, const char *last_date);

/* Adds the periods table to the analysis (after bm_analysis_run): written
 * by bm_analysis_write as summary_by_period.csv, with the E-I index per
 * period drawn in ei_by_period.svg. The network must come from lo. */
bm_status bm_analysis_add_periods(bm_analysis *a, const bm_load_options *lo, bm_period_unit unit);
const bm_table *bm_analysis_periods(const bm_analysis *a);

/* Writes the output set into directory dir, whole or not at all: actors.csv,
 * ties.csv, summary.json, and with a grouping groups.csv, group_pairs.csv,
 * suggestions.csv, group_pair_dependence.csv, with affiliations activities.csv (and groups_LEVEL.csv, group_pairs_LEVEL.csv with several
 * levels), and map.svg, group_map.svg and silo_map.svg drawn with map (NULL:
 * no maps; its grouping and actors are filled in from a when NULL), report.html,
 * and the exports the options name. */
bm_status bm_analysis_write(const bm_analysis *a, const char *dir, const bm_render_options *map);

#ifdef __cplusplus
}
#endif
#endif
