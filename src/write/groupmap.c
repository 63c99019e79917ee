/* groupmap.c: the group summary map, one node per group.
 *
 * The picture a leader reads in five seconds: each group a circle (area by
 * its number of actors, colour as on every other map, its inside density in
 * the label), each pair of groups with ties between them a line (width by
 * the number of ties, label the number and the block density). Counts and
 * densities are those of group_pairs.csv: the undirected view, density =
 * ties / (n_a n_b) between groups and ties / (n_a (n_a - 1) / 2) inside
 * (White, Boorman & Breiger 1976, the block image). It is drawn from the
 * network in one pass over the ties, so it costs seconds at millions of ties
 * and stays small however many actors there are; past BM_GROUP_MAP_MAX
 * groups only the largest are drawn, and the legend says so. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/render.h"
#include "internal.h"
#include "gv.h"

#define BM_GROUP_MAP_MAX 60

static int cmp_size_desc(const void *a, const void *b, void *arg)
{
    const bm_grouping *g = arg;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (g->sizes[x] != g->sizes[y])
        return g->sizes[x] > g->sizes[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

static void density_text(char *buf, size_t cap, double d)
{
    if (!isfinite(d))
        snprintf(buf, cap, "-");
    else if (d >= 0.1 || d == 0)
        snprintf(buf, cap, "%.2f", d);
    else
        snprintf(buf, cap, "%.2g", d);
}

bm_status bm_render_group_map(const bm_network *net, const bm_render_options *opt, const char *path)
{
    const char *format = bm_i_gv_format(path);
    if (!format)
        return bm_error_set(BM_EUSAGE, "%s: unknown map format (use .svg, .png, .pdf or .dot)", path);
    const bm_grouping *g = opt->grouping;
    if (!g)
        return bm_error_set(BM_EUSAGE, "the group map needs a grouping (--group COLUMN)");
    bm_status st = BM_OK;
    size_t k = g->n_groups;
    const igraph_t *ug = net->ug;
    double *ties = calloc(k ? k * k : 1, sizeof *ties);
    size_t *order = malloc((k ? k : 1) * sizeof *order);
    Agnode_t **nodes = calloc(k ? k : 1, sizeof *nodes);
    GVC_t *gvc = NULL;
    Agraph_t *gv = NULL;
    bm_sbuf b = {0};
    char buf[256], d1[32];
    if (!ties || !order || !nodes) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    size_t cross = 0, inside = 0, nogroup_ties = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(ug); e++) {
        long x = g->of[IGRAPH_FROM(ug, e)], y = g->of[IGRAPH_TO(ug, e)];
        if (x < 0 || y < 0) {
            nogroup_ties++;
            continue;
        }
        size_t lo = (size_t)(x < y ? x : y), hi = (size_t)(x < y ? y : x);
        ties[lo * k + hi] += 1;
        if (x == y)
            inside++;
        else
            cross++;
    }
    for (size_t i = 0; i < k; i++)
        order[i] = i;
    qsort_r(order, k, sizeof *order, cmp_size_desc, (void *)g);
    size_t shown = k > BM_GROUP_MAP_MAX ? BM_GROUP_MAP_MAX : k;
    size_t maxsize = k ? g->sizes[order[0]] : 0;
    double maxties = 0;
    for (size_t x = 0; x < k; x++)
        for (size_t y = x + 1; y < k; y++)
            if (ties[x * k + y] > maxties)
                maxties = ties[x * k + y];

    agseterrf(bm_i_gv_error_sink);
    agseterr(AGERR);
    gvc = bm_i_gv_context();
    gv = bm_i_gv_open("groups", Agundirected);
    if (!gvc || !gv) {
        st = bm_error_set(BM_EINTERNAL, "Graphviz: cannot create a graph");
        goto done;
    }
    snprintf(buf, sizeof buf, "%lu", opt->seed);
    agattr(gv, AGRAPH, "start", buf);
    agattr(gv, AGRAPH, "overlap", "false");
    agattr(gv, AGRAPH, "sep", "+24");
    agattr(gv, AGRAPH, "esep", "+12");
    agattr(gv, AGRAPH, "splines", "true");
    agattr(gv, AGRAPH, "outputorder", "edgesfirst");
    agattr(gv, AGRAPH, "bgcolor", "white");
    agattr(gv, AGRAPH, "pad", "0.4");
    agattr(gv, AGRAPH, "fontname", BM_MAP_FONT);
    agattr(gv, AGRAPH, "fontsize", "12");
    agattr(gv, AGRAPH, "labelloc", "b");
    agattr(gv, AGRAPH, "labeljust", "l");
    agattr(gv, AGRAPH, "mode", "major");
    agattr(gv, AGRAPH, "epsilon", "0.0001");
    if (strcmp(format, "png") == 0)
        agattr(gv, AGRAPH, "dpi", "150");
    agattr(gv, AGRAPH, "label", "");
    agattr(gv, AGNODE, "shape", "circle");
    agattr(gv, AGNODE, "fixedsize", "true");
    agattr(gv, AGNODE, "style", "filled");
    agattr(gv, AGNODE, "color", "#333333");
    agattr(gv, AGNODE, "penwidth", "0.8");
    agattr(gv, AGNODE, "fontname", BM_MAP_FONT);
    agattr(gv, AGNODE, "fontsize", "10");
    agattr(gv, AGNODE, "fontcolor", "#111111");
    agattr(gv, AGNODE, "label", "");
    agattr(gv, AGNODE, "xlabel", "");
    agattr(gv, AGNODE, "tooltip", "");
    agattr(gv, AGNODE, "width", "0.5");
    agattr(gv, AGNODE, "height", "0.5");
    agattr(gv, AGNODE, "fillcolor", "#BBBBBB");
    agattr(gv, AGEDGE, "color", "#303030A0");
    agattr(gv, AGEDGE, "penwidth", "1");
    agattr(gv, AGEDGE, "fontname", BM_MAP_FONT);
    agattr(gv, AGEDGE, "fontsize", "9");
    agattr(gv, AGEDGE, "fontcolor", "#333333");
    agattr(gv, AGEDGE, "label", "");
    agattr(gv, AGEDGE, "tooltip", "");
    agattr(gv, AGEDGE, "len", "2.2");

    for (size_t r = 0; r < shown; r++) {
        size_t x = order[r];
        snprintf(buf, sizeof buf, "g%zu", x);
        nodes[x] = agnode(gv, buf, 1);
        /* area by number of actors: 0.5 to 1.8 inch across */
        double w = 0.5 + (maxsize ? 1.3 * sqrt((double)g->sizes[x] / (double)maxsize) : 0);
        snprintf(buf, sizeof buf, "%.3f", w);
        agsafeset(nodes[x], "width", buf, "");
        agsafeset(nodes[x], "height", buf, "");
        agsafeset(nodes[x], "fillcolor", (char *)bm_render_group_colour(g, (long)x), "");
        double n = (double)g->sizes[x];
        double possible = n * (n - 1) / 2.0;
        density_text(d1, sizeof d1, possible > 0 ? ties[x * k + x] / possible : NAN);
        b.len = 0;
        bm_i_sb_label(&b, g->names[x]);
        bm_i_sb_printf(&b, "\n%zu actors, %.0f inside\ndensity %s", g->sizes[x], ties[x * k + x], d1);
        if (b.oom)
            break;
        agsafeset(nodes[x], "xlabel", b.s, "");
        agsafeset(nodes[x], "tooltip", b.s, "");
    }
    for (size_t r = 0; r < shown && !b.oom; r++)
        for (size_t q = r + 1; q < shown; q++) {
            size_t x = order[r] < order[q] ? order[r] : order[q];
            size_t y = order[r] < order[q] ? order[q] : order[r];
            double t = ties[x * k + y];
            if (t <= 0)
                continue;
            Agedge_t *e = agedge(gv, nodes[order[r]], nodes[order[q]], NULL, 1);
            double pw = 0.8 + (maxties > 0 ? 7.2 * sqrt(t / maxties) : 0);
            snprintf(buf, sizeof buf, "%.2f", pw);
            agsafeset(e, "penwidth", buf, "");
            density_text(d1, sizeof d1, t / ((double)g->sizes[x] * (double)g->sizes[y]));
            snprintf(buf, sizeof buf, "%.0f tie%s\nd %s", t, t == 1 ? "" : "s", d1);
            agsafeset(e, "label", buf, "");
            b.len = 0;
            bm_i_sb_label(&b, g->names[x]);
            bm_i_sb_str(&b, " - ");
            bm_i_sb_label(&b, g->names[y]);
            bm_i_sb_printf(&b, ": %.0f tie%s, density %s", t, t == 1 ? "" : "s", d1);
            if (!b.oom)
                agsafeset(e, "tooltip", b.s, "");
        }

    /* legend */
    b.len = 0;
    bm_i_sb_str(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">");
    bm_i_sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>");
    if (opt->title) {
        bm_i_sb_html(&b, opt->title);
        bm_i_sb_str(&b, ": ");
    }
    bm_i_sb_str(&b, "groups by ");
    bm_i_sb_html(&b, g->column);
    bm_i_sb_str(&b, "</B></FONT></TD></TR>");
    bm_i_sb_printf(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">One circle per group (area: "
                   "actors; the density of ties inside in its label); a line per pair of groups "
                   "with ties</FONT></TD></TR><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">"
                   "(width: ties; d: density, the ties over the possible pairs). %zu ties "
                   "across groups, %zu inside groups", cross, inside);
    if (nogroup_ties)
        bm_i_sb_printf(&b, ", %zu with an actor of no group", nogroup_ties);
    bm_i_sb_str(&b, ".</FONT></TD></TR>");
    if (shown < k)
        bm_i_sb_printf(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Showing the %zu largest "
                       "of %zu groups.</FONT></TD></TR>", shown, k);
    bm_i_sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"#555555\">");
    if (opt->caption) {
        bm_i_sb_html(&b, opt->caption);
    } else {
        size_t ni = bm_network_input_count(net);
        for (size_t q = 0; q < ni; q++) {
            const char *p = bm_network_input_path(net, q);
            const char *base = strrchr(p, '/');
            bm_i_sb_str(&b, q ? ", " : "");
            bm_i_sb_html(&b, base ? base + 1 : p);
        }
        const char *da = bm_network_first_date(net), *db = bm_network_last_date(net);
        if (da && db && da[0])
            bm_i_sb_printf(&b, "; %s to %s", da, db);
        bm_i_sb_printf(&b, "; %zu actors, %zu ties", net->n_actors,
                       (size_t)igraph_ecount(&net->graph));
    }
    bm_i_sb_str(&b, "</FONT></TD></TR></TABLE>");
    if (b.oom) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    agset(gv, "label", agstrdup_html(gv, b.s));
    st = bm_i_gv_write(gvc, gv, "neato", path);
done:
    if (gv)
        agclose(gv);
    free(b.s);
    free(ties);
    free(order);
    free(nodes);
    return st;
}
