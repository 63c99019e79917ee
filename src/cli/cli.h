/* cli.h: what the subcommands of the bridgemap command share: the option
 * table (one source of truth for parsing and --help), and the steps every
 * subcommand takes (load, pick the grouping). The command uses only the public
 * library API. */
#ifndef BRIDGEMAP_CLI_H
#define BRIDGEMAP_CLI_H

#include <stddef.h>
#include <stdio.h>
#include "bridgemap.h"

enum {
    CMD_ANALYZE = 1 << 0,
    CMD_RENDER = 1 << 1,
    CMD_SUGGEST = 1 << 2,
    CMD_CONVERT = 1 << 3,
    CMD_EGO = 1 << 4,
    CMD_COMPARE = 1 << 5,
};

typedef struct cli_opts {
    const char *cmd_name;
    const char *records, *actors, *group, *out;
    const char *from, *to;
    const char *size_by, *label_by, *title;
    const char *format;     /* convert --format: graphml, gexf, kumu or NULL */
    int directed, undirected, unweighted, quiet, help, no_map, raw_csv;
    unsigned long seed;
    size_t max_labels;
    size_t permutations;
    size_t top;
    unsigned jobs;          /* 0: one per core */
    int paths;              /* bm_paths_method; -1 after both --approx and --exact */
    double epsilon, delta;  /* 0: the library's defaults */
    const char *source_col, *target_col, *weight_col, *date_col, *id_col;
    const char *date_format, *encoding;
    char delimiter;         /* 0: detected */
    int strict;
    int progress;           /* 0 never, 1 auto (default), 2 always */
    const char *affiliations;
    const char *by;         /* --by: month, quarter, year or NULL */
    const char *sheet, *actors_sheet, *aff_sheet;
    int projection;         /* bm_projection */
    const char *shape_by;   /* --shape-by COLUMN */
    const char *records2;   /* compare: the second (after) records file */
    const char *split_date, *before_from, *after_to; /* compare --split-date ... */
    const char *exports;    /* analyze --export graphml,gexf,kumu */
    const char *view;       /* render --view: network, silo, groups (NULL: network) */
    const char *actor;      /* ego --actor ID */
    size_t radius;          /* ego --radius (0: 1) */
} cli_opts;

/* Parses argv (after the subcommand name) for subcommand cmd. Returns -1 when
 * the command should go on; otherwise the exit code: 0 after printing --help
 * with help(), 2 after printing a usage error, 3 when stdout failed. On the
 * MPI ranks other than 0 it prints nothing and sets quiet. */
int cli_parse(int argc, char **argv, unsigned cmd, const char *cmd_name, void (*help)(void),
              cli_opts *o);

/* Map options from the command line (size, labels, title, seed). */
void cli_render_options(const cli_opts *o, const bm_grouping *grouping, const bm_table *actors,
                        bm_render_options *ro);
/* Prints the options of cmd, as in --help. */
void cli_print_options(FILE *f, unsigned cmd);

/* Loads the network of o (records, actors, direction, window); prints the
 * error and returns its exit code on failure. */
int cli_load(const cli_opts *o, bm_network **net);
/* The load options of o (paths, columns, formats, window). */
void cli_load_options(const cli_opts *o, bm_load_options *lo);
/* The analysis options of o (grouping, seed, permutations, jobs, paths, CSV, exports). */
void cli_analysis_options(const cli_opts *o, bm_analysis_options *ao);
/* The measure options of o (grouping left NULL). */
void cli_measure_options(const cli_opts *o, bm_measure_options *mo);

/* Builds the grouping named by o->group, or "sector" when the actors have that
 * column and o->group is NULL. *g stays NULL when there is none. */
int cli_grouping(const cli_opts *o, const bm_network *net, bm_grouping **g);
/* Without --group and without a sector column: warns that no grouping is
 * used and lists the actors columns --group could take. */
void cli_grouping_hint(const cli_opts *o, const bm_network *net);

/* Shows progress of long computations on stderr, when it is a terminal and
 * --quiet was not given. */
void cli_progress(const cli_opts *o);
/* Reports a step of the command itself (loading) as the library reports its own. */
void cli_progress_step(const char *step, double percent);

/* Whether this process writes the outputs and prints: yes, except on the
 * MPI ranks other than 0 (bridgemap/mpi.h), which compute the same results
 * and stay silent so that an output directory is written once and a
 * message is not printed once per rank. */
int cli_leader(void);

/* "bridgemap: message" (the library's last error) on stderr, plus the
 * "Try 'bridgemap CMD --help'." line for a usage error; returns status as the
 * exit code. Silent on the other MPI ranks (main.c reports a failure that
 * only such a rank had). */
int cli_fail(const cli_opts *o, bm_status status);

/* Checks --size-by and --label-by against the actor table and network before
 * anything is written; returns 0 or the exit code after printing the error. */
int cli_check_map_options(const cli_opts *o, const bm_network *net, const bm_table *actors);

int cmd_analyze(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_suggest(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_ego(int argc, char **argv);
int cmd_compare(int argc, char **argv);

#endif
