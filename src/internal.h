/* internal.h: what the library's own files share and callers never see.
 *
 * The definition of bm_network (an igraph graph plus the actor table), the
 * igraph glue (error conversion, weight vectors), a string arena and the
 * streaming CSV reader. Only src/ includes this header. */
#ifndef BRIDGEMAP_INTERNAL_H
#define BRIDGEMAP_INTERNAL_H

#include <igraph.h>
#include <stdint.h>
#include <stdio.h>
#include "bridgemap/common.h"
#include "bridgemap/network.h"
#include "bridgemap/load.h"

#define BM_VERSION "0.1.0"

/* ---- string arena: many small strings freed at once ---------------------- */
typedef struct bm_arena_block bm_arena_block;
typedef struct bm_arena {
    bm_arena_block *head;
} bm_arena;
void bm_arena_init(bm_arena *a);
/* Copies len bytes of s plus a NUL; NULL when out of memory. */
char *bm_arena_strndup(bm_arena *a, const char *s, size_t len);
void bm_arena_free(bm_arena *a);

/* ---- the network --------------------------------------------------------- */
typedef struct bm_id_slot {
    const char *id;  /* NULL: empty slot */
    uint32_t actor;
    uint32_t tag;    /* high bits of the id's hash */
} bm_id_slot;

struct bm_network {
    igraph_t graph;            /* simple; directed when directed != 0 */
    igraph_vector_t weight;    /* per edge id: summed record weights */
    igraph_vector_int_t count; /* per edge id: number of records */
    int directed;
    int graph_ready;           /* graph, weight and count are initialised */
    /* The undirected simple view (OR-symmetrised: a pair with a tie in either
     * direction is one edge, weight = summed weight of both directions),
     * built once when the network is built. For an undirected network ug and
     * uw are the graph and weights themselves; for a directed one they point
     * at uview_graph / uview_weight. */
    const igraph_t *ug;
    const igraph_vector_t *uw;
    igraph_t uview_graph;
    igraph_vector_t uview_weight;
    int uview_ready;           /* uview_graph and uview_weight are initialised */
    size_t n_actors;
    char **ids;                /* n_actors ids, in arena */
    size_t n_attr;
    char **attr_names;         /* n_attr names, in arena */
    char ***attr_values;       /* [col][actor], in arena or the shared "" */
    size_t records, self_loops, outside_window;
    size_t n_listed;           /* actors from the actors file (the first n_listed) */
    int has_actors_file;
    size_t empty_weights;      /* records with an empty weight cell (weight 1) */
    char date_min[11], date_max[11]; /* of the dated records read ("" when none) */
    size_t undated, first_undated_line; /* records with an empty date (with a date column) */
    int has_date_column;
    const char *records_format; /* static: "CSV", "xlsx", "GraphML", "GML", "Pajek"; NULL
                                   without a records file */
    /* Affiliations (load/affiliations.c): activities, each with its
     * participants act_members[act_off[k] .. act_off[k+1]) ascending, and
     * per tie the number of activities the pair shares. */
    int has_affiliations;
    size_t n_activities;
    char **act_names;          /* in arena */
    char (*act_first)[11], (*act_last)[11]; /* ISO dates, "" when undated */
    size_t *act_off;
    uint32_t *act_members;
    size_t participations, aff_outside_window;
    igraph_vector_int_t tie_activities; /* initialised when has_affiliations */
    size_t n_inputs;
    char *input_path[4];
    char input_sha256[4][65];
    /* id -> actor index hash (open addressing, linear probing, power-of-two
     * size); a slot keeps the string and a hash tag so that a lookup touches
     * one slot and one string, not the ids array too */
    bm_id_slot *id_slots;
    size_t id_cap;
    bm_arena arena;
};

struct bm_grouping {
    char *column;
    size_t n_groups;
    char **names;        /* sorted by strcmp */
    size_t *sizes;
    long *of;            /* per actor: group index or -1 */
};

uint64_t bm_hash_bytes(const char *s, size_t len);

/* ---- igraph glue (core/igraph_glue.c) ----------------------------------------------- */
/* Turns an igraph error code into a bm_status with message "what: reason". */
bm_status bm_igraph_fail(igraph_error_t err, const char *what);
#define BM_IG(call, what)                                            \
    do {                                                             \
        igraph_error_t bm_ig_err_ = (call);                          \
        if (bm_ig_err_ != IGRAPH_SUCCESS) {                          \
            st = bm_igraph_fail(bm_ig_err_, what);                   \
            goto done;                                               \
        }                                                            \
    } while (0)

/* Completes a network whose graph, weight and count are set: builds its
 * undirected view (net->ug, net->uw; an alias for undirected networks). Every
 * builder of a bm_network calls it once. */
bm_status bm_i_network_finish(bm_network *net);

/* ---- intermediates shared by the tables of one analysis ------------------- */
/* analysis/analysis.c builds them once; the table builders take them, or
 * compute what they need themselves when cache is NULL (the bm_measures_*
 * functions of measures.h). */
struct bm_paths;
typedef struct bm_i_cache {
    const struct bm_paths *paths; /* path measures, group betweenness per level */
    size_t level;                 /* the level of the table's grouping in paths */
    const long *community;        /* Leiden membership per actor, or NULL */
    size_t n_communities;
    double nmi, ari;              /* of community against the first grouping */
} bm_i_cache;

struct bm_table;
struct bm_measure_options;
bm_status bm_i_actor_table(struct bm_table **out, const bm_network *net,
                           const struct bm_measure_options *opt, const bm_i_cache *cache);
bm_status bm_i_groups_table(struct bm_table **out, const bm_network *net,
                            const struct bm_measure_options *opt, const bm_i_cache *cache);
bm_status bm_i_summary_table(struct bm_table **out, const bm_network *net,
                             const struct bm_measure_options *opt, const bm_i_cache *cache);
/* The measure options of analysis options ao (seed, permutations, jobs,
 * paths, error bound, unweighted; no grouping, no actor table). */
struct bm_analysis_options;
struct bm_measure_options bm_i_measure_options_of(const struct bm_analysis_options *ao);

/* Computes the path measures opt asks for (method, error bound, jobs from
 * opt) into *paths, with group betweenness for the n_groupings groupings. */
bm_status bm_i_paths_for(struct bm_paths *paths, const bm_network *net,
                         const struct bm_measure_options *opt, int betweenness, int closeness,
                         int distances, const bm_grouping *const *groupings, size_t n_groupings);

/* Actor-level grouping measures (bridging.c); output arrays of n actors. */
bm_status bm_i_actor_composition(const bm_network *net, const bm_grouping *g, double *participation,
                                 double *blau, double *iqv);
bm_status bm_i_articulation(const bm_network *net, double *flag);
/* Appends the grouping-based actor columns (ei_index, participation, blau,
 * iqv), named NAME_suffix when suffix is not NULL. */
struct bm_table;
bm_status bm_i_add_composition_columns(struct bm_table *t, const bm_network *net,
                                       const bm_grouping *g, const char *suffix);
/* Appends the Gould-Fernandez brokerage columns (counts, then _expected and
 * _z per role), suffixed likewise. */
bm_status bm_i_add_brokerage_columns(struct bm_table *t, const bm_network *net,
                                     const bm_grouping *g, const char *suffix);
bm_status bm_i_bridging_centrality(const bm_network *net, const double *betweenness, double *out);

/* The network E-I index against chance (eistats.c). */
typedef struct bm_ei_stats {
    double ei, expected, rescaled, yules_q;
    double p_value, p_value_two_sided; /* NaN without a test */
    size_t permutations;
} bm_ei_stats;
bm_status bm_i_ei_statistics(const bm_network *net, const bm_grouping *g, unsigned long seed,
                             size_t permutations, unsigned jobs, bm_ei_stats *out);

/* Reports progress of our own long loops to the bm_set_progress callback. */
void bm_i_progress(const char *step, double percent);
/* mute 1 / 0: silences / restores progress reports (nested: counted), so a
 * step made of whole sub-analyses (periods) reports as one. */
void bm_i_progress_mute(int mute);

/* distance = 1/weight per edge (or NULL-equivalent when unweighted: fills 1). */
bm_status bm_distances(const igraph_vector_t *weight, int unweighted, igraph_vector_t *dist);

/* ---- table readers (load/csv.c, load/xlsx.c, load/graphfile.c) ----------------- */
/* One row of a table, whatever file it came from. Every reader calls back
 * with these, the header row first, so load.c has one set of loading rules
 * for CSV, .xlsx and graph files. */
typedef struct bm_csv_record {
    size_t line;          /* CSV: physical line where the record starts (1-based);
                             xlsx: the sheet's row number; graph file: node or edge
                             number (1-based, 0 for the made-up header) */
    size_t nfields;
    char **fields;        /* NUL-terminated, UTF-8 */
    size_t *lens;
    const char *sheet;    /* xlsx: the sheet's name; NULL otherwise */
    const char *item;     /* graph files: "node" or "edge"; NULL otherwise */
} bm_csv_record;

/* Formats where a field is, for error messages, without a trailing colon:
 * CSV "PATH:LINE:COLUMN" (COLUMN 1-based), xlsx "PATH:SHEET!C14" (column
 * letters), graph files "PATH: edge 12". col < 0: the row alone ("PATH:LINE",
 * "PATH:SHEET row 14", "PATH: edge 12"). Returns buf. */
const char *bm_loc(char *buf, size_t cap, const char *path, const bm_csv_record *rec, long col);

/* ---- graph files (load/graphfile.c) ------------------------------------------------ */
/* GraphML, GML and Pajek .net files, read through igraph's readers and
 * handed over as an actors table and a records table (the rows csv.c
 * gives), so that load.c applies one set of loading rules. The callback and
 * info types are spelled out because their typedefs follow below. */
typedef enum {
    BM_GRAPH_NONE = 0, /* not a graph file: CSV or .xlsx */
    BM_GRAPH_GRAPHML,
    BM_GRAPH_GML,
    BM_GRAPH_PAJEK
} bm_graph_format;
/* The format of path: by its first 64 KiB when they say (GraphML: "<?xml",
 * or "<graphml" in the first 4 KiB; GML: a top-level "graph [" after
 * comments and key-value pairs such as Creator; Pajek: "*Vertices", any
 * case, after comments and *Network), else by the extension (.graphml,
 * .xml; .gml; .net, .paj; any case), else BM_GRAPH_NONE. A file that cannot
 * be opened goes by its extension. */
bm_graph_format bm_graph_format_of(const char *path);
/* "GraphML", "GML", "Pajek" ("graph" for BM_GRAPH_NONE). */
const char *bm_graph_format_name(bm_graph_format fmt);
/* Reads path as fmt (BM_GRAPH_NONE: detected as above) and calls actors_cb
 * with the actors table, then records_cb with the records table, each
 * header first (rec->line 0); either callback may be NULL.
 *   actors: "id", then one column per node attribute, one row per node
 *     (rec->item "node", rec->line the 1-based row). GraphML: rows in the
 *     order of the <node> elements, id the node's id attribute. GML: file
 *     order, id the numeric id in decimal. Pajek: vertex order, id the
 *     label (the vertex number when it has none). A "label" attribute is
 *     called "name" when the file has no "name" (GraphML, GML), so the map
 *     can show it. Numbers in shortest round-trip form, booleans TRUE/FALSE,
 *     NaN and missing values "" (igraph reads a missing boolean as FALSE).
 *   records: "source,target", plus "weight" when edges have a "weight"
 *     attribute (Pajek: the line values, 1 when absent); other edge
 *     attributes are left out; one row per edge in file order (rec->item
 *     "edge"). Undirected edges name first the end that comes first in the
 *     actors table.
 * *directed (when not NULL): GraphML edgedefault="directed", GML directed 1,
 * Pajek *Arcs / *Arcslist / *Matrix. Only the first graph of a file is read
 * (GraphML: igraph's index 0; GML: the first graph list; a second Pajek
 * network is a syntax error). info: SHA-256 of the file's bytes, delimiter 0.
 * Errors: "PATH: not valid GraphML: REASON", "PATH: not valid GML: REASON",
 * "PATH: not a Pajek file: REASON" with igraph's reason; the checks of
 * graphfile.c name "PATH:LINE:" or "PATH: node N" / "PATH: edge N". */
struct bm_csv_info;
bm_status bm_graph_read(const char *path, bm_graph_format fmt, int *directed,
                        bm_status (*actors_cb)(const bm_csv_record *rec, void *ctx),
                        void *actors_ctx,
                        bm_status (*records_cb)(const bm_csv_record *rec, void *ctx),
                        void *records_ctx, struct bm_csv_info *info);

/* Called for each non-blank record (the header included, line 1 normally).
 * Return BM_OK to continue; any other status stops reading and is returned. */
typedef bm_status (*bm_csv_callback)(const bm_csv_record *rec, void *ctx);

typedef struct bm_csv_info {
    char delimiter;       /* detected: ',', ';' or '\t' */
    int converted_cp1252; /* input was not UTF-8 and was read as Windows-1252 */
    char sha256[65];      /* of the raw file bytes */
} bm_csv_info;

/* Reads a regular file whole into *out (malloc'd, NUL-terminated; inputs are
 * only ever opened for reading); errors name path. */
bm_status bm_i_read_file(const char *path, char **out, size_t *n);
/* *buf (*n bytes, malloc'd) as UTF-8: unchanged when it is valid UTF-8, else
 * read as Windows-1252 (ISO-8859-1 when it has bytes 1252 leaves undefined)
 * and replaced by its conversion, with *converted set. */
bm_status bm_i_text_to_utf8(const char *path, char **buf, size_t *n, int *converted);
/* The SHA-256 of n bytes as 64 lowercase hex digits and a NUL. */
void bm_i_sha256_hex(const void *bytes, size_t n, char hex[65]);

/* Reads path whole, detects encoding and delimiter, strips a UTF-8 BOM and
 * calls cb for every record. Errors name path (and line). */
bm_status bm_csv_read(const char *path, bm_csv_callback cb, void *ctx, bm_csv_info *info);
/* The same with the delimiter and encoding given (--delimiter, --encoding);
 * fmt NULL or its fields 0/NULL: detected. */
typedef struct bm_csv_format {
    char delimiter;
    const char *encoding;
} bm_csv_format;
bm_status bm_csv_read_ex(const char *path, const bm_csv_format *fmt, bm_csv_callback cb, void *ctx,
                         bm_csv_info *info);

/* ---- .xlsx workbooks (load/xlsx.c) ------------------------------------------------ */
/* Reads one sheet of an .xlsx workbook and calls cb for every non-empty row,
 * the header row first, as bm_csv_read does: rec->line is the sheet's row
 * number (1-based, as Excel shows it), rec->sheet the sheet's name,
 * rec->item NULL; fields are UTF-8, one per column from A to the row's last
 * non-empty cell (gaps ""). Numbers are written in the shortest form that
 * reads back (3, 2.5), cells with a date format as YYYY-MM-DD (with
 * THH:MM:SS when the time is not midnight), booleans TRUE/FALSE, errors as
 * Excel shows them (#N/A). sheet NULL: the first worksheet in workbook order
 * (sheet names match exactly, else ignoring ASCII case). info: SHA-256 of
 * the file, delimiter 0, converted_cp1252 0. Errors (BM_EINPUT) name path. */
bm_status bm_xlsx_read(const char *path, const char *sheet, bm_csv_callback cb, void *ctx,
                       bm_csv_info *info);
/* The workbook's sheet names in workbook order: *names is one malloc'd block
 * (the NULL-terminated array and the strings; free(*names) frees it all). */
bm_status bm_xlsx_sheets(const char *path, char ***names, size_t *count);
/* Whether the first bytes of path are a zip's (PK\3\4); 0 when unreadable. */
int bm_file_is_zip(const char *path);
/* Any table: a zip (or an OLE file: .xls, encrypted .xlsx, for its message)
 * through bm_xlsx_read, anything else through bm_csv_read; then sheet must be
 * NULL, else BM_EUSAGE "--sheet only applies to .xlsx workbooks". */
bm_status bm_table_read(const char *path, const char *sheet, bm_csv_callback cb, void *ctx,
                        bm_csv_info *info);
/* Zip-bomb limits: no member may inflate past max_bytes, nor past max_ratio
 * times its compressed size once it passes ratio_floor bytes (0: no ratio
 * limit). Enforced on the bytes actually inflated, whatever the headers say. */
typedef struct bm_xlsx_limits {
    uint64_t max_bytes, max_ratio, ratio_floor;
} bm_xlsx_limits;
#define BM_XLSX_MAX_BYTES ((uint64_t)512 << 20)
#define BM_XLSX_MAX_RATIO 200
#define BM_XLSX_RATIO_FLOOR ((uint64_t)1 << 20)
/* bm_xlsx_read on bytes in memory (path only names them in messages; no
 * SHA); lim NULL: the defaults above. For tests and the fuzzer. */
bm_status bm_i_xlsx_read_mem(const char *path, const void *bytes, size_t n, const char *sheet,
                             const bm_xlsx_limits *lim, bm_csv_callback cb, void *ctx);
bm_status bm_i_xlsx_sheets_mem(const char *path, const void *bytes, size_t n, char ***names,
                               size_t *count);

/* Longest actor id accepted (bytes): a 10 MB "id" is a broken file, not a name. */
#define BM_MAX_ID_BYTES 4096

/* ---- loading internals (load/load.c, load/affiliations.c) ------------------------ */
/* Finds or adds actor id (len bytes) in net; *added tells whether it is new. */
bm_status bm_i_intern(bm_network *net, size_t *ids_cap, const char *id, size_t len, long *idx,
                      int *added);
/* Reads a table file (CSV, or one sheet of an .xlsx workbook) with the
 * options' delimiter and encoding. sheet: NULL for the first sheet. */
bm_status bm_i_read_table(const char *path, const char *sheet, const bm_load_options *opt,
                          bm_csv_callback cb, void *ctx, bm_csv_info *info);
/* Reads opt->affiliations_path into net's activities (actors interned, the
 * unlisted counted as for records). date_from/date_to: ISO or "". */
bm_status bm_i_read_affiliations(bm_network *net, const bm_load_options *opt, size_t *ids_cap,
                                 const char *date_from, const char *date_to);
typedef struct bm_i_pair {
    uint32_t u, v; /* u < v */
    double w;
} bm_i_pair;
/* The co-participation pairs of net's activities, one per pair and shared
 * activity, weight 1 or (newman) 1/(participants - 1). */
bm_status bm_i_project_affiliations(const bm_network *net, int newman, bm_i_pair **out, size_t *n);

/* ---- header names (load/columns.c) ------------------------------------------------ */
/* Synonym lists, NULL-terminated, most canonical first. */
extern const char *const bm_syn_source[], *const bm_syn_target[], *const bm_syn_weight[],
    *const bm_syn_date[], *const bm_syn_id[], *const bm_syn_name[], *const bm_syn_activity[],
    *const bm_syn_role[], *const bm_syn_sector[];
/* Trims spaces and tabs (and a trailing CR) from both ends of a field of len
 * bytes: moves *s, returns the new length. */
size_t bm_i_trim(char **s, size_t len);
/* Header name normalised (spaces trimmed, ASCII and Latin-1 capitals folded)
 * into out; returns its length. */
size_t bm_header_norm(const char *s, size_t len, char *out, size_t cap);
/* The column named explicit_name (when not NULL), else the first synonym in
 * the header; -1 when none. */
long bm_header_pick(const bm_csv_record *hdr, const char *explicit_name, const char *const *syn);
/* "'a', 'b', 'c'": the header's names, for messages. Returns buf. */
const char *bm_header_list(const bm_csv_record *hdr, char *buf, size_t cap);
/* Index of the first of names (n of them) that is one of the synonyms syn,
 * in the synonyms' order of preference; -1 when none. */
long bm_i_pick_name(const char *const *names, size_t n, const char *const *syn);
/* "a, b, c": a synonym list, for messages. Returns buf. */
const char *bm_syn_list(const char *const *syn, char *buf, size_t cap);

/* ---- dates (load/dates.c) ------------------------------------------------------- */
typedef enum {
    BM_DATE_ISO = 0, /* Y-m-d */
    BM_DATE_DMY_DASH,
    BM_DATE_DMY_DOT,
    BM_DATE_DMY_SLASH,
    BM_DATE_MDY_SLASH,
    BM_DATE_YMD_SLASH
} bm_date_format;
/* spec: NULL (ISO) or "Y-m-d", "iso", "d-m-Y", "d.m.Y", "d/m/Y", "m/d/Y", "Y/m/d".
 * Returns 0, or -1 for an unknown spec. */
int bm_date_format_parse(const char *spec, bm_date_format *out);
const char *bm_date_format_name(bm_date_format f);
int bm_date_valid(int y, int m, int d);
/* The date at the start of s (len bytes; a time may follow after 'T' or ' ')
 * as "YYYY-MM-DD". Returns 0; -1 when s has not the form; -2 when it has the
 * form but is no calendar date (2024-02-30). */
int bm_date_to_iso(const char *s, size_t len, bm_date_format f, char iso[11]);
/* The --date-format that would read s, for a hint; NULL when none. */
const char *bm_date_guess(const char *s, size_t len);

/* Locale-free number parsing (C locale whatever setlocale says); with
 * decimal_comma "1,5" reads as 1.5. Returns 0 when the whole string (spaces
 * around it allowed) is a number, -1 otherwise. Infinities and NaN parse
 * (as such); callers decide whether they are allowed. */
typedef struct bm_numparser bm_numparser;
bm_numparser *bm_numparser_new(void);
void bm_numparser_free(bm_numparser *p);
int bm_parse_double(bm_numparser *p, const char *s, int decimal_comma, double *out);

/* Writes code point cp as UTF-8 into o (room for 4 bytes); returns the
 * number of bytes (load/xlsx.c). */
size_t bm_i_put_utf8(char *o, unsigned long cp);

/* ---- output files (write/output.c) ---------------------------------------------- */
/* Opens a temporary file next to path (path.tmp-XXXXXX, mode 0644) for
 * writing; *tmp receives its malloc'd name. On failure nothing is left. */
bm_status bm_i_open_temp(const char *path, char **tmp, FILE **f);
/* Closes f and renames tmp to path when st is BM_OK and everything reached
 * the disk; removes tmp otherwise. Frees tmp; returns the final status. */
bm_status bm_i_close_temp(bm_status st, const char *path, char *tmp, FILE *f);
/* Writes the len bytes of data to path through a temporary file. */
bm_status bm_i_write_whole(const char *path, const char *data, size_t len);
/* Writes a cJSON tree (struct cJSON) as indented JSON, whole or not at all. */
struct cJSON;
bm_status bm_i_write_cjson(struct cJSON *root, const char *path);

#endif
