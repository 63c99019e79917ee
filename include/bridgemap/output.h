/* bridgemap/output.h: writing tables to files, whole or not at all.
 *
 * Every file is first written under a temporary name in its final directory
 * and renamed into place when complete. An output set (bm_output) stages a
 * whole set of files in a temporary directory inside OUT and moves them into
 * OUT only on bm_output_commit, so a failure never leaves half an output. */
#ifndef BRIDGEMAP_OUTPUT_H
#define BRIDGEMAP_OUTPUT_H

#include <stdio.h>
#include "bridgemap/common.h"
#include "bridgemap/network.h"
#include "bridgemap/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes t as CSV (header row, comma separated, RFC 4180 quoting, LF).
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula, so an actor called =HYPERLINK(...) would
 * become a live link in Excel (OWASP, "CSV Injection"). By default a text
 * cell (header names included) that starts with one of = + - @ TAB CR gets
 * a single quote in front ('=HYPERLINK(...)), the escape OWASP recommends
 * and spreadsheets show as text; a cell that is a plain number ("-5",
 * "+3.5", "-1e3") is left as it is. Number columns are never touched.
 * BM_CSV_RAW writes every cell as it is. */
enum { BM_CSV_RAW = 1 };
bm_status bm_write_csv(const bm_table *t, const char *path);
bm_status bm_write_csv_stream(const bm_table *t, FILE *f);
bm_status bm_write_csv_ex(const bm_table *t, const char *path, unsigned flags);
bm_status bm_write_csv_stream_ex(const bm_table *t, FILE *f, unsigned flags);
/* Whether the default (guarded) writer puts a quote before text s. */
int bm_csv_needs_guard(const char *s);

/* Writes the one-row summary table as a JSON object, with "grouping" (or
 * null), "seed", "version" and "inputs" (file name and SHA-256 of each input)
 * taken from net and the arguments. NaN becomes null. */
bm_status bm_write_summary_json(const bm_table *summary, const bm_network *net,
                                const char *grouping, unsigned long seed, const char *path);

/* Writes t as a JSON array of objects, one per row. */
bm_status bm_write_json_rows(const bm_table *t, const char *path);

/* What the sentences are made of: tables from the measures (any may be NULL
 * but summary and actors), the grouping's column name (NULL: none), the
 * actors column that names people (NULL: the first of name, navn, label,
 * fullname; empty cells: the id), as the map names them. */
typedef struct bm_narrative {
    const bm_table *summary, *groups, *actors;
    const char *grouping, *label_by;
    const bm_table *activities;  /* which activities mixed the groups */
    const bm_table *dependence;  /* who holds each pair of groups together */
} bm_narrative;

/* Writes a few plain sentences on the silos, brokers, activities and single
 * points of failure found in the tables; an undefined figure is said in
 * words, never "nan". */
bm_status bm_write_narrative(FILE *f, const bm_narrative *n);

/* What OUT/report.html is made of: the narrative's tables, the block
 * image (group_pairs), suggestions and periods (any may be NULL), the
 * network (inputs, dates, names), the title (NULL: "Who works with whom"),
 * the seed, and the SVG maps to inline (paths; NULL: left out). */
typedef struct bm_report {
    const bm_narrative *narrative;
    const bm_table *group_pairs, *suggestions, *periods;
    const bm_network *net;
    const char *title;
    unsigned long seed;
    const char *svg_map, *svg_group_map, *svg_silo_map, *svg_periods;
} bm_report;

/* Writes one self-contained HTML page (inline CSS and SVG, no script, no
 * network access; a Content-Security-Policy forbids any): plain-language
 * findings, the maps, the block densities as a heatmap, groups, brokers per
 * role and per group, who holds the groups together, activities,
 * suggestions, periods, and the methods with each measure's definition and
 * citation. Every name and attribute is escaped. Written whole or not at all. */
bm_status bm_write_report(const bm_report *r, const char *path);

/* What compare's report.html is made of: the narrative (lines), the
 * change tables (any may be NULL), the change maps (paths; NULL: left out). */
typedef struct bm_change_report {
    const char *title, *before_label, *after_label;
    const char *narrative;
    const bm_table *summary, *groups, *pairs;
    const char *svg_before, *svg_after, *svg_group;
    unsigned long seed;
} bm_change_report;

/* The Change report: the findings in words, the change maps, groups and
 * pairs of groups before and after, the network figures; self-contained
 * and escaped as bm_write_report. */
bm_status bm_write_change_report(const bm_change_report *r, const char *path);

typedef struct bm_output bm_output;

/* Creates directory dir if needed and a staging directory inside it. */
bm_status bm_output_open(bm_output **out, const char *dir);
/* Path of file `name` inside the staging directory (owned by o, valid until
 * the next call). */
const char *bm_output_path(bm_output *o, const char *name);
/* Moves every staged file into the output directory and removes the staging
 * directory. */
bm_status bm_output_commit(bm_output *o);
/* Removes the staging directory and what is in it (when not committed), frees o. */
void bm_output_free(bm_output *o);

#ifdef __cplusplus
}
#endif
#endif
