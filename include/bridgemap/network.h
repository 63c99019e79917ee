/* bridgemap/network.h: the collaboration network and its actor table.
 *
 * A network is a simple graph (no self-loops, no multi-edges) of actors and
 * ties. Many records between one pair aggregate into one tie: weight is the sum
 * of record weights, count the number of records. Actors keep the columns of
 * the actors file as string attributes ("" when missing). The igraph graph
 * behind it is not exposed here, so that callers (the CLI, the Python binding)
 * do not depend on igraph's API. */
#ifndef BRIDGEMAP_NETWORK_H
#define BRIDGEMAP_NETWORK_H

#include <stddef.h>
#include "bridgemap/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bm_network bm_network;

void bm_network_free(bm_network *net);

size_t bm_network_actor_count(const bm_network *net);
size_t bm_network_tie_count(const bm_network *net);
int bm_network_is_directed(const bm_network *net);

/* The attribute column people's names are in: the first of name, navn,
 * label, fullname, full_name present (any case), or -1 (then ids are the
 * labels). Maps, sentences and reports all label actors by it. */
long bm_network_label_attr(const bm_network *net);

/* Actor i's id (0 <= i < actor count). The string is owned by net. */
const char *bm_network_actor_id(const bm_network *net, size_t i);
/* Index of the actor with this id, or -1. */
long bm_network_find_actor(const bm_network *net, const char *id);

/* Attribute columns of the actors file, in file order, without "id". */
size_t bm_network_attr_count(const bm_network *net);
const char *bm_network_attr_name(const bm_network *net, size_t col);
/* Column index of the attribute with this name (ASCII case-insensitive), or -1. */
long bm_network_attr_find(const bm_network *net, const char *name);
/* Value of attribute col for actor i; "" when missing. Owned by net. */
const char *bm_network_attr_value(const bm_network *net, size_t col, size_t i);

/* Tie e: its two actors (source, target for directed networks), weight, count. */
void bm_network_tie(const bm_network *net, size_t e, size_t *from, size_t *to,
                    double *weight, long *count);

/* Loading statistics: records read (after the date window), records dropped
 * as self-loops, and records outside the date window. */
size_t bm_network_record_count(const bm_network *net);
size_t bm_network_self_loops_dropped(const bm_network *net);
size_t bm_network_records_outside_window(const bm_network *net);

/* With an actors file: how many actors the records named that the actors
 * file does not list (they come after the listed ones: actor indexes
 * listed .. listed + unlisted - 1), and how many the file lists. 0 without
 * an actors file. */
size_t bm_network_unlisted_count(const bm_network *net);
size_t bm_network_listed_count(const bm_network *net);
/* The first and last date of the dated records read (before the --from/--to
 * window), "" when none; whether the records have a date column, and how
 * many records leave it empty. */
const char *bm_network_first_date(const bm_network *net);
const char *bm_network_last_date(const bm_network *net);
int bm_network_has_dates(const bm_network *net);
size_t bm_network_undated_count(const bm_network *net);

/* Records whose weight cell was empty, counted as weight 1. */
size_t bm_network_empty_weights(const bm_network *net);

/* Affiliations (bm_load_options.affiliations_path): activities in order of
 * first appearance, each with its participants (actor indexes, ascending)
 * and the dates of its first and last dated participation ("" when none).
 * Per tie: how many activities the pair shares (0 without affiliations). */
/* The records file's format: "CSV", "xlsx", "GraphML", "GML" or "Pajek"
 * (NULL when the network comes from affiliations alone). */
const char *bm_network_records_format(const bm_network *net);
int bm_network_has_affiliations(const bm_network *net);
size_t bm_network_activity_count(const bm_network *net);
const char *bm_network_activity_name(const bm_network *net, size_t k);
size_t bm_network_activity_size(const bm_network *net, size_t k);
size_t bm_network_activity_member(const bm_network *net, size_t k, size_t j);
const char *bm_network_activity_first_date(const bm_network *net, size_t k);
const char *bm_network_activity_last_date(const bm_network *net, size_t k);
long bm_network_tie_activities(const bm_network *net, size_t e);
/* Participations read (inside the date window) and left outside it. */
size_t bm_network_participation_count(const bm_network *net);
size_t bm_network_participations_outside_window(const bm_network *net);

/* Input files that built the network, with their SHA-256 (hex). */
size_t bm_network_input_count(const bm_network *net);
const char *bm_network_input_path(const bm_network *net, size_t k);
const char *bm_network_input_sha256(const bm_network *net, size_t k);

/* The grouping used when none is named: the actors column sector (or
 * Sektor, any case), NULL when there is none. */
const char *bm_network_default_group(const bm_network *net);

/* A grouping: a categorical actor column split into groups.
 * Groups are sorted by name (byte order) so output is deterministic. Actors
 * whose cell is empty belong to no group (group index -1). */
typedef struct bm_grouping bm_grouping;

/* Builds the grouping for attribute column `column` (a name). Fails with
 * BM_EUSAGE when the network has no such column. */
bm_status bm_grouping_new(bm_grouping **out, const bm_network *net, const char *column);
void bm_grouping_free(bm_grouping *g);
const char *bm_grouping_column(const bm_grouping *g);
size_t bm_grouping_count(const bm_grouping *g);
const char *bm_grouping_name(const bm_grouping *g, size_t k);
size_t bm_grouping_size(const bm_grouping *g, size_t k);
/* Group index of actor i, or -1 when its cell is empty. */
long bm_grouping_of(const bm_grouping *g, size_t i);

#ifdef __cplusplus
}
#endif
#endif
