/* bridgemap/load.h: building a network from CSV, .xlsx or graph files.
 *
 * Records file: a header row naming at least `source` and `target`; optional
 * `weight` (a number > 0, default 1; an empty cell counts as 1 and is
 * counted) and `date` (ISO 8601, YYYY-MM-DD..., or --date-format); other
 * columns are ignored. Actors file: a header row with `id` and any other
 * columns, kept as attributes (sector, organisation, unit, level, ...).
 *
 * Header names match case-insensitively (Æ Ø Å too), spaces around them
 * ignored, with synonyms: source = from, fra, sender, afsender; target = to,
 * til, receiver, modtager; weight = vægt, vaegt, strength, styrke; date =
 * dato, timestamp, tidspunkt; id = actor, actor_id, aktør, person,
 * person_id. The first synonym present wins; *_col options name a column
 * exactly. Ids have surrounding spaces and tabs trimmed.
 *
 * Records naming an actor the actors file does not list add that actor
 * (no attributes) and are counted (bm_network_unlisted_count); when more
 * than half of the actors the records name are unlisted, the two files do
 * not share ids and loading fails, naming the actors column that would
 * match if one does.
 *
 * Accepted CSV: comma, semicolon or tab separated (detected from the header),
 * UTF-8 with or without BOM, or Windows-1252 (converted to UTF-8), LF or CRLF
 * line ends, RFC 4180 quoting including separators and newlines inside quotes.
 * With semicolons a decimal comma is accepted in numbers ("1,5").
 *
 * Graph files: a records_path in GraphML, GML or Pajek .net (detected by
 * content, else by extension .graphml/.xml, .gml, .net/.paj) is read through
 * igraph's readers. Its nodes are the actors table (node attributes become
 * actor attributes; isolated nodes are kept) unless actors_path is given: then
 * the actors file gives the attributes, the nodes' own attributes are not
 * read, and nodes it does not list are added and counted as unlisted. An edge
 * attribute "weight" is the weight (Pajek: the value on the line, 1 when
 * none); other edge attributes are not read. The file's direction is kept
 * (GraphML edgedefault, GML directed, Pajek *Arcs) unless undirected is set.
 * Column, delimiter, encoding, sheet and date options are refused for a
 * graph file. Errors name "FILE: node N" / "FILE: edge N" (N 1-based in file
 * order) or FILE:LINE where the file's text is at fault.
 *
 * Errors name the place: "FILE:LINE:COLUMN: what is wrong", LINE where the
 * record starts (1-based, header = 1), COLUMN the 1-based field. */
#ifndef BRIDGEMAP_LOAD_H
#define BRIDGEMAP_LOAD_H

#include "bridgemap/common.h"
#include "bridgemap/network.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Weight of a co-participation tie per shared activity. */
typedef enum bm_projection {
    BM_PROJECT_COUNT = 0,  /* 1: weight = number of shared activities */
    BM_PROJECT_NEWMAN = 1  /* 1/(n-1) for an activity of n participants (Newman 2001) */
} bm_projection;

typedef struct bm_load_options {
    const char *records_path; /* required */
    const char *actors_path;  /* NULL: actors are the ids seen in records */
    int directed;             /* keep direction of records (a graph file: its own
                                 direction is kept anyway; an undirected one with
                                 directed set is an error) */
    int undirected;           /* a directed graph file's arcs become undirected ties
                                 (a->b and b->a add up); CSV and .xlsx records are
                                 undirected unless directed is set */
    int unweighted;           /* every tie weighs 1: the weight column and repeated
                                 records do not add weight (count still counts) */
    const char *date_from;    /* NULL, or keep records dated on/after YYYY-MM-DD */
    const char *date_to;      /* NULL, or keep records dated on/before YYYY-MM-DD */
    /* Columns by name (NULL: found by name and synonyms, see below). */
    const char *source_col, *target_col, *weight_col, *date_col;
    const char *id_col;       /* the actors file's id column */
    /* Text files: delimiter (0: detected: ',', ';' or '\t') and encoding
     * (NULL: detected; "utf-8", "windows-1252", "latin-1", "utf-16"). */
    char delimiter;
    const char *encoding;
    /* Dates: NULL or "Y-m-d" (ISO 8601), "d-m-Y", "d.m.Y", "d/m/Y", "m/d/Y", "Y/m/d". */
    const char *date_format;
    int strict;               /* a record naming an actor missing from the actors
                                 file is an error (default: added, counted) */
    /* Affiliations ("who took part in what"): actor, activity[, date][, role],
     * projected to co-participation ties that add to the records' ties
     * (records_path may then be NULL). */
    const char *affiliations_path;
    bm_projection projection;
    /* .xlsx workbooks: the sheet of each table (NULL: the first sheet). */
    const char *records_sheet, *actors_sheet, *affiliations_sheet;
} bm_load_options;

/* Initialises options to their defaults (all zero / NULL). */
void bm_load_options_init(bm_load_options *opt);

/* Reads the files and builds *out (caller frees with bm_network_free).
 * Returns BM_EINPUT with a FILE:LINE:COLUMN message on bad input. */
bm_status bm_load(bm_network **out, const bm_load_options *opt);

#ifdef __cplusplus
}
#endif
#endif
