/* bridgemap/export.h: the network, its actor attributes and measures, as one
 * file for other tools: GraphML (Gephi, yEd, NetworkX, igraph), GEXF 1.2
 * (Gephi, with colours and sizes) and Kumu's JSON import ("blueprint").
 *
 * Every format carries the same content: one node per actor (its id, a
 * label: the name-like column, else the id; the attribute columns; then
 * every measure column of the actors table, as actors.csv has them) and one
 * edge per tie (weight, count, cross_group, bridge, and with affiliations
 * activities and origin, as ties.csv has them), directed or undirected as
 * the network is. Numbers are written in the C locale in the shortest form
 * that reads back to the same double. Undefined values (NaN) and empty
 * attribute cells are left out of GraphML and GEXF (no <data>, no
 * <attvalue>); in JSON a NaN is null and an empty cell "". Column names
 * stay as they are, except that a name already used by an earlier column
 * or by the format itself (ASCII case ignored, as Gephi and Kumu ignore it)
 * gets _2 (then _3, ...) appended.
 *
 * Types: attributes are strings; degree, in_degree, out_degree, coreness,
 * community, count, activities and the brokerage counts are integers
 * (GraphML "int", GEXF "integer"); articulation, cross_group and bridge are
 * booleans (JSON true/false); other measures are doubles, text measures
 * (linked_groups) strings.
 *
 * The label is the format's own column ("label"; GEXF: the node's label
 * attribute): when the name-like column is itself called "label" it is not
 * written a second time; any other column called "label" becomes label_2.
 * Likewise Kumu's "type" and a grouping column called "type".
 *
 * GraphML: http://graphml.graphdrawing.org/xmlns, keys d0, d1, ... with
 * attr.name and attr.type (node key "label" first); edges e0, e1, ...
 *
 * GEXF: http://www.gexf.net/1.2draft with the viz namespace
 * http://www.gexf.net/1.2draft/viz, version="1.2". Columns are
 * <attributes class="node"> / class="edge" declarations; the tie weight is
 * the edge's weight attribute. viz:color is the actor's group colour, the
 * one every map gives it (bm_render_group_colour; white without a group).
 * viz:size is 5 + 45 x sqrt(value / largest value) of the size measure, so
 * that area grows with the measure as on the maps, from 5 to 50 (Gephi's
 * default node size is 10); a negative or undefined value, and a measure
 * that is 0 everywhere, give 5.
 *
 * Kumu: {"elements": [...], "connections": [...]}. An element has "id" (the
 * actor id), "label", "type" (its group's name; left out without one) and
 * the columns; a connection has "from" and "to" (element ids: labels may
 * repeat, ids do not), "direction" ("directed" or "undirected"), "strength"
 * (the weight, the field Kumu's guides use for tie strength) and the tie
 * columns.
 *
 * XML text is escaped (& < > " and tab, line feed, carriage return as
 * character references so that attribute values keep them); characters XML
 * 1.0 forbids (controls other than tab, LF, CR; U+FFFE, U+FFFF) and bytes
 * that are not UTF-8 become U+FFFD. Output is deterministic: actors and ties
 * in network order. */
#ifndef BRIDGEMAP_EXPORT_H
#define BRIDGEMAP_EXPORT_H

#include "bridgemap/common.h"
#include "bridgemap/network.h"
#include "bridgemap/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bm_export_format { BM_EXPORT_GRAPHML, BM_EXPORT_GEXF, BM_EXPORT_KUMU } bm_export_format;

/* name: "graphml", "gexf" or "kumu", or a file name ending in .graphml,
 * .gexf or .json (Kumu) (ASCII case ignored) -> *out. Returns 0, or -1 when
 * name is none of them (*out unchanged). */
int bm_export_format_parse(const char *name, bm_export_format *out);

/* Writes net to path in format fmt, to a temporary name first, renamed into
 * place when complete (on failure nothing is left at path).
 *   grouping  the colours (GEXF) and Kumu's "type"; NULL: none (one colour).
 *   actors    the actor table (bm_analysis_actors, bm_measures_actors): one
 *             row per actor in network order, "id" first; NULL: the
 *             attributes alone, no measures.
 *   ties      the tie table (bm_analysis_ties, bm_measures_ties), one row per
 *             tie in network order; NULL: weight and count alone.
 *   size_by   a number column of actors for GEXF's viz:size; NULL:
 *             "betweenness" when actors has it, else every node size 10.
 *             Not used by GraphML and Kumu.
 * BM_EUSAGE when size_by names no number column of actors, or when actors
 * or ties do not belong to net; BM_EINTERNAL when the file cannot be
 * written. Nothing is borrowed past the call. */
bm_status bm_export_write(const bm_network *net, const bm_grouping *grouping, const bm_table *actors,
                          const bm_table *ties, const char *size_by, bm_export_format fmt,
                          const char *path);

#ifdef __cplusplus
}
#endif
#endif
