/* bridgemap/load.h: building a network from CSV files.
 *
 * Records file: a header row naming at least `source` and `target`; optional
 * `weight` (a number > 0, default 1) and `date` (ISO 8601, YYYY-MM-DD...);
 * other columns are ignored. Actors file: a header row with `id` and any
 * other columns, kept as attributes (sector, organisation, unit, level, ...).
 *
 * Accepted CSV: comma, semicolon or tab separated (detected from the header),
 * UTF-8 with or without BOM, or Windows-1252 (converted to UTF-8), LF or CRLF
 * line ends, RFC 4180 quoting including separators and newlines inside quotes.
 * With semicolons a decimal comma is accepted in numbers ("1,5").
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

typedef struct bm_load_options {
    const char *records_path; /* required */
    const char *actors_path;  /* NULL: actors are the ids seen in records */
    int directed;             /* keep direction of records */
    int unweighted;           /* every tie weighs 1: the weight column and repeated
                                 records do not add weight (count still counts) */
    const char *date_from;    /* NULL, or keep records dated on/after YYYY-MM-DD */
    const char *date_to;      /* NULL, or keep records dated on/before YYYY-MM-DD */
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
