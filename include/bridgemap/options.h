/* bridgemap/options.h: every option by name, for bindings to other languages.
 *
 * The option structs (bm_load_options, bm_analysis_options,
 * bm_render_options, bm_compare_options) grow as the library does; a
 * binding that mirrored their layout (Python's ctypes, say) would break
 * silently when a field is added. A bm_options holds all of them behind
 * one opaque handle, set field by field with a name and a string value,
 * checked as the command line checks it, and owns the strings it is given.
 * The functions below run the library's own calls (bm_load,
 * bm_analysis_new, bm_render_map, bm_compare_new, ...) with those structs,
 * so a binding computes exactly what the command line does.
 *
 * Names are the command line's long options with '_' or '-' alike
 * (source_col = source-col); a NULL value restores the default.
 *   loading   records, actors, affiliations, directed, undirected, unweighted,
 *             from, to, source_col, target_col, weight_col, date_col, id_col,
 *             delimiter (, ; | tab), encoding, date_format, strict,
 *             projection (count, newman), sheet, actors_sheet, affiliations_sheet
 *   analysis  group (also color_by), seed, permutations, top, jobs,
 *             paths (auto, exact, sampled), epsilon, delta, raw_csv,
 *             export (graphml,gexf,kumu), by (month, quarter, year)
 *   maps      view (network, silo, groups), shape_by, size_by, label_by, title,
 *             caption, max_labels, actor (the ego map's actor id), radius,
 *             no_map (analysis and comparison outputs without maps)
 *   compare   before_label, after_label
 * Flags (directed, strict, raw_csv, no_map, ...) take "1"/"0" (also
 * true/false, yes/no, in any case). */
#ifndef BRIDGEMAP_OPTIONS_H
#define BRIDGEMAP_OPTIONS_H

#include "bridgemap/analysis.h"
#include "bridgemap/common.h"
#include "bridgemap/compare.h"
#include "bridgemap/load.h"
#include "bridgemap/network.h"
#include "bridgemap/render.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bm_options bm_options;

/* A set of options at their defaults (seed 1, as the command line). */
bm_status bm_options_new(bm_options **out);
void bm_options_free(bm_options *o);

/* Sets option `name` to value (copied). BM_EUSAGE with a message naming
 * the option for an unknown name or a value the option does not take. */
bm_status bm_options_set(bm_options *o, const char *name, const char *value);

/* NULL when value suits option `name`, or when name is not one of these
 * options; else what the option needs ("needs a whole number >= 0"), a
 * static string. The command line checks its values with it, so both take
 * the same values and say the same of a bad one. */
const char *bm_options_check(const char *name, const char *value);

/* The structs the options fill in (owned by o; their strings are valid until
 * o is freed or that option is set again). The render options' grouping, actors table and shapes are
 * left NULL: bm_options_render fills them in from an analysis. */
const bm_load_options *bm_options_load(const bm_options *o);
const bm_analysis_options *bm_options_analysis(const bm_options *o);
const bm_compare_options *bm_options_compare(const bm_options *o);

/* bm_load with o's loading options; as the command line, a records file
 * with no record (a header only, a graph without edges) is BM_EINPUT. */
bm_status bm_options_load_network(bm_network **out, const bm_options *o);

/* bm_analysis_new and bm_analysis_run with o's analysis options, and with
 * `by` set bm_analysis_add_periods over o's loading options. The analysis
 * borrows net (which must outlive it) and copies what it keeps of o: o may be
 * set again or freed. The same holds for a comparison and its networks. */
bm_status bm_options_run_analysis(bm_analysis **out, const bm_network *net, const bm_options *o);

/* Draws a's network to path (format by extension) as `bridgemap render`
 * does: view network or silo (bm_render_map) or groups
 * (bm_render_group_map), coloured by the analysis's first grouping (or
 * color_by when it names another column), shaped by shape_by, sized by
 * size_by (default betweenness) from a's actor table, and with `actor` the
 * ego map of that actor within radius steps. */
bm_status bm_options_render(const bm_analysis *a, const bm_options *o, const char *path);

/* bm_analysis_write into dir, with maps unless no_map (drawn with o's map
 * options as analyze draws them: view, actor and radius are render's). */
bm_status bm_options_write_analysis(const bm_analysis *a, const bm_options *o, const char *dir);

/* bm_compare_new and bm_compare_run of two networks with o's analysis and
 * compare options (borrowing before and after). BM_EUSAGE with `by` set. */
bm_status bm_options_run_compare(bm_compare **out, const bm_network *before,
                                 const bm_network *after, const bm_options *o);
/* compare --by: bm_compare_by_period of o's records with o's compare
 * options and o's `by` (BM_EUSAGE when by is not set); *out is the
 * caller's (bm_table_free). */
bm_status bm_options_compare_by_period(bm_table **out, const bm_options *o);
/* bm_compare_write into dir, with the change maps unless no_map. */
bm_status bm_options_write_compare(const bm_compare *c, const bm_options *o, const char *dir);

/* The sentences of analyze and compare as one string (caller frees with
 * bm_string_free), actors named by o's label_by. */
bm_status bm_options_narrative(const bm_analysis *a, const bm_options *o, char **out);
bm_status bm_options_compare_narrative(const bm_compare *c, const bm_options *o, char **out);
void bm_string_free(char *s);

/* A field of the change test by name: share_before, share_after,
 * ties_before, ties_after, change, p_value, permutations, seed (NaN for
 * an unknown name, or without a grouping). */
double bm_compare_test_value(const bm_compare *c, const char *name);

#ifdef __cplusplus
}
#endif
#endif
