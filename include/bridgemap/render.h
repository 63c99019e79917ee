/* bridgemap/render.h: stakeholder maps through Graphviz (cgraph + gvc).
 *
 * Actors are drawn as circles coloured by group (the Okabe-Ito colour-blind-safe
 * palette, then Tol's muted scheme; groups past the 16th largest share grey "other"; a group's
 * colour follows its rank by number of actors in the grouping, which the
 * actors file alone decides, so runs on one actors file agree), sized by a
 * measure column, labelled by name (or id); ties inside a group take the
 * group's colour, ties across groups are dark. A legend names every group.
 * Layout is Graphviz neato seeded from opt->seed, so the same input and seed
 * give the same picture. A network of more than 1,000 actors is drawn as a
 * backbone of 1,000: grown from the largest actor (by size_by, else by number
 * of ties) along ties, always taking the largest actor tied to those drawn,
 * with the ties among them; the legend says so. */
#ifndef BRIDGEMAP_RENDER_H
#define BRIDGEMAP_RENDER_H

#include "bridgemap/common.h"
#include "bridgemap/network.h"
#include "bridgemap/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Above this many actors the network map draws a backbone of
 * BM_MAP_MAX_ACTORS (above) and the ties among them, and says so in the
 * legend: a hairball of 200,000 actors would take
 * Graphviz hours and show nothing. analyze draws the silo view only up to
 * this size; the group map has no limit. */
#define BM_MAP_MAX_ACTORS 1000

typedef enum bm_map_view {
    BM_MAP_NETWORK = 0, /* every actor (up to the large-network limit), laid out by neato */
    BM_MAP_SILO = 1     /* actors in one box (Graphviz cluster) per group, laid out by fdp */
} bm_map_view;

typedef struct bm_render_options {
    const bm_grouping *grouping; /* colour; NULL: one colour */
    const bm_grouping *shapes;   /* shape by a second attribute (circle, box, triangle,
                                    diamond, pentagon, hexagon, inverted triangle, octagon
                                    for the 8 largest values; a double circle for the rest);
                                    NULL: circles */
    bm_map_view view;
    const char *caption;         /* NULL: the input files, the date range, actors and ties */
    long focus;                  /* ego map: the actor (index) drawn with everyone within
                                    radius steps, and its brokerage roles in the caption;
                                    -1 (bm_render_options_init): no focus */
    unsigned radius;             /* ego map: steps (0: 1) */
    const bm_table *actors;      /* actor measures (from bm_measures_actors), for size-by */
    const char *size_by;         /* a number column of actors; NULL: number of ties */
    const char *label_by;        /* an attribute column; NULL: "name" if present, else id */
    const char *title;           /* NULL: no title */
    size_t max_labels;           /* label only the largest N actors (0: automatic) */
    unsigned long seed;
} bm_render_options;

void bm_render_options_init(bm_render_options *opt);

/* The colour of group k of g on every map ("#RRGGBB"; g NULL: the single
 * colour; k -1: the no-group colour, white): the same in maps, report and
 * exports. */
const char *bm_render_group_colour(const bm_grouping *g, long k);

/* Draws the map to path; the format follows the extension: .svg .png .pdf
 * .dot/.gv (laid-out DOT). Written to a temporary name, then renamed. */
bm_status bm_render_map(const bm_network *net, const bm_render_options *opt, const char *path);

/* Draws the group summary map: one circle per group of opt->grouping
 * (required; area by actors, inside density in the label), one line per
 * pair of groups with ties between them (width by ties, labelled with the
 * count and the block density of group_pairs.csv). Uses grouping, title,
 * caption and seed of opt. Fast at any size (one pass over the ties). */
bm_status bm_render_group_map(const bm_network *net, const bm_render_options *opt, const char *path);

/* Two periods of one set of actors, for the change maps of compare. */
typedef struct bm_change_map {
    size_t n;                          /* actors (the union of both periods) */
    const char *const *label;          /* per actor: name or id */
    const long *group;                 /* per actor: group index, -1 none */
    const int *active_b, *active_a;    /* per actor: has a tie in the period */
    size_t n_groups;
    const char *const *group_name, *const *group_colour;
    size_t m;                          /* pairs tied in either period */
    const size_t *u, *v;               /* their actors */
    const int *label_of;               /* 1 before only, 2 after only, 3 both */
    const char *title, *before_label, *after_label;
    unsigned long seed;
} bm_change_map;

/* Both periods with the same actor positions (the union laid out once by
 * neato, then each period drawn pinned): in the second, ties gained across
 * groups thick and dark, gained inside a group thick in its colour, kept
 * thin, lost dashed and pale; in the first, the ties that end dashed; an
 * actor without a tie in the period hollow. */
bm_status bm_render_change_maps(const bm_change_map *cm, const char *before_path, const char *after_path);
/* One circle per group (area: group_size), one line per pair of groups
 * tied in either period (ties_before / ties_after: k x k, upper triangle and
 * diagonal), labelled "before -> after", green where ties rose. */
bm_status bm_render_change_group_map(const bm_change_map *cm, const size_t *group_size,
                                     const double *ties_before, const double *ties_after,
                                     const char *path);

/* Draws the E-I index per period of a summary_by_period table
 * (bm_periods_summary) as a line chart, with the E-I index chance would
 * give (the permutation test's expected value) dashed, and periods where
 * the observed value differs from chance (two-sided p < 0.05) marked.
 * Format by extension as bm_render_map; title may be NULL. */
bm_status bm_render_period_chart(const bm_table *periods, const char *title, const char *path);

#ifdef __cplusplus
}
#endif
#endif
