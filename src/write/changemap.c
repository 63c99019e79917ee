/* changemap.c: the change maps of `compare`.
 *
 * Both periods are drawn with the same actor positions: the union of the
 * two networks (every pair tied in either period) is laid out once by
 * neato (seeded), the positions are read back, and each period is drawn
 * with the actors pinned there (Graphviz's nop engine: no layout). In the
 * second period's map the ties gained across groups are thick and dark,
 * ties gained inside a group thick in its colour, kept ties thin, and ties
 * lost since the first period dashed and pale; in the first period's map
 * the ties that will be lost are dashed. An actor with no tie in a period is
 * drawn hollow. Above BM_MAP_MAX_ACTORS actors the largest by ties in either
 * period are drawn. The group change map draws one circle per group and one
 * line per pair of groups tied in either period, labelled "before -> after",
 * green where ties rose, dashed where they fell. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/render.h"
#include "internal.h"
#include "gv.h"

#define RISE_COLOUR "#009E73"
#define FALL_COLOUR "#999999"

/* The maps' defaults (render.c), and what the change maps add: pinned
 * positions, and labels and tooltips on ties. */
static void common_attrs(Agraph_t *g, const bm_change_map *cm, const char *format)
{
    bm_i_gv_map_defaults(g, cm->seed, format);
    agattr(g, AGNODE, "pos", "");
    agattr(g, AGEDGE, "tooltip", "");
    agattr(g, AGEDGE, "label", "");
    agattr(g, AGEDGE, "fontname", BM_MAP_FONT);
    agattr(g, AGEDGE, "fontsize", "9");
}

typedef struct rk {
    double key;
    size_t i;
} rk;

static int cmp_rk(const void *a, const void *b)
{
    const rk *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static void legend(bm_sbuf *b, const bm_change_map *cm, int period, size_t drawn, size_t active,
                   size_t counts[6])
{
    bm_i_sb_str(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">"
                   "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>");
    if (cm->title) {
        bm_i_sb_html(b, cm->title);
        bm_i_sb_str(b, ": ");
    }
    bm_i_sb_html(b, period ? cm->after_label : cm->before_label);
    bm_i_sb_str(b, "</B></FONT></TD></TR>");
    bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">The same positions in both "
                   "periods' maps; a hollow circle had no tie in this period.</FONT></TD></TR>");
    if (period)
        bm_i_sb_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Thick dark lines: %zu ties "
                       "gained across groups; thick coloured: %zu gained inside a group; thin: %zu "
                       "kept; dashed pale: %zu lost since the first period</FONT></TD></TR>",
                       counts[0], counts[1], counts[2], counts[3]);
    else
        bm_i_sb_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Thin lines: %zu ties kept "
                       "into the second period; dashed: %zu ties that end</FONT></TD></TR>",
                       counts[2], counts[3]);
    for (size_t k = 0; k < cm->n_groups; k++) {
        bm_i_sb_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\" POINT-SIZE=\"16\">\xE2\x97\x8F&#160;"
                       "</FONT>", cm->group_colour[k]);
        bm_i_sb_html(b, cm->group_name[k]);
        bm_i_sb_str(b, "</TD></TR>");
    }
    if (drawn < active)
        bm_i_sb_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Showing the %zu of %zu actors "
                       "with most ties in either period.</FONT></TD></TR>", drawn, active);
    if (active < cm->n)
        bm_i_sb_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">%zu actor%s with no tie in "
                       "either period left out.</FONT></TD></TR>", cm->n - active,
                       cm->n - active == 1 ? "" : "s");
    bm_i_sb_str(b, "</TABLE>");
}

bm_status bm_render_change_maps(const bm_change_map *cm, const char *before_path, const char *after_path)
{
    const char *fb = bm_i_gv_format(before_path), *fa = bm_i_gv_format(after_path);
    if (!fb || !fa)
        return bm_error_set(BM_EUSAGE, "change maps: unknown format (use .svg, .png, .pdf or .dot)");
    bm_status st = BM_OK;
    size_t n = cm->n, m = cm->m;
    double *deg = calloc(n ? n : 1, sizeof *deg);
    rk *rank = malloc((n ? n : 1) * sizeof *rank);
    char *drawn = calloc(n ? n : 1, 1);
    double *px = malloc((n ? n : 1) * sizeof *px), *py = malloc((n ? n : 1) * sizeof *py);
    Agnode_t **nodes = calloc(n ? n : 1, sizeof *nodes);
    Agraph_t *g = NULL;
    bm_sbuf b = {0};
    char buf[128];
    GVC_t *gvc = bm_i_gv_context();
    if (!deg || !rank || !drawn || !px || !py || !nodes || !gvc) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t e = 0; e < m; e++) {
        deg[cm->u[e]] += 1;
        deg[cm->v[e]] += 1;
    }
    size_t active = 0;
    for (size_t i = 0; i < n; i++) {
        rank[i] = (rk){deg[i], i};
        active += deg[i] > 0;
    }
    qsort(rank, n, sizeof *rank, cmp_rk);
    size_t nd = active < BM_MAP_MAX_ACTORS ? active : BM_MAP_MAX_ACTORS;
    for (size_t r = 0; r < nd; r++)
        drawn[rank[r].i] = 1;
    double maxdeg = n ? rank[0].key : 0;

    /* 1. the union, laid out once */
    agseterrf(bm_i_gv_error_sink);
    agseterr(AGERR);
    g = bm_i_gv_open("union", Agundirected);
    if (!g) {
        st = bm_error_set(BM_EINTERNAL, "Graphviz: cannot create a graph");
        goto done;
    }
    common_attrs(g, cm, NULL);
    for (size_t i = 0; i < n; i++) {
        if (!drawn[i])
            continue;
        snprintf(buf, sizeof buf, "n%zu", i);
        nodes[i] = agnode(g, buf, 1);
        double w = 0.14 + (maxdeg > 0 ? 0.4 * sqrt(deg[i] / maxdeg) : 0);
        snprintf(buf, sizeof buf, "%.3f", w);
        agsafeset(nodes[i], "width", buf, "");
        agsafeset(nodes[i], "height", buf, "");
    }
    for (size_t e = 0; e < m; e++)
        if (drawn[cm->u[e]] && drawn[cm->v[e]])
            agedge(g, nodes[cm->u[e]], nodes[cm->v[e]], NULL, 1);
    if (gvLayout(gvc, g, "neato") != 0) {
        st = bm_error_set(BM_EINTERNAL, "Graphviz layout of the change map failed");
        goto done;
    }
    {
        char *dot = NULL;
        unsigned len = 0;
        if (gvRenderData(gvc, g, "dot", &dot, &len) == 0) /* attaches "pos" */
            gvFreeRenderData(dot);
    }
    for (size_t i = 0; i < n; i++) {
        px[i] = py[i] = 0;
        if (drawn[i]) {
            const char *pos = agget(nodes[i], "pos");
            if (!pos || sscanf(pos, "%lf,%lf", &px[i], &py[i]) != 2)
                px[i] = py[i] = 0;
        }
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    g = NULL;

    /* 2. each period, pinned */
    for (int period = 0; period < 2 && st == BM_OK; period++) {
        const char *path = period ? after_path : before_path;
        int mine = period ? 2 : 1;
        size_t counts[6] = {0};
        memset(nodes, 0, n * sizeof *nodes);
        g = bm_i_gv_open(period ? "after" : "before", Agundirected);
        if (!g) {
            st = bm_error_set(BM_EINTERNAL, "Graphviz: cannot create a graph");
            break;
        }
        common_attrs(g, cm, period ? fa : fb);
        agattr(g, AGRAPH, "notranslate", "true");
        for (size_t i = 0; i < n; i++) {
            if (!drawn[i])
                continue;
            snprintf(buf, sizeof buf, "n%zu", i);
            nodes[i] = agnode(g, buf, 1);
            snprintf(buf, sizeof buf, "%.2f,%.2f!", px[i], py[i]);
            agsafeset(nodes[i], "pos", buf, "");
            double w = 0.14 + (maxdeg > 0 ? 0.4 * sqrt(deg[i] / maxdeg) : 0);
            snprintf(buf, sizeof buf, "%.3f", w);
            agsafeset(nodes[i], "width", buf, "");
            agsafeset(nodes[i], "height", buf, "");
            const char *col = cm->group[i] >= 0 ? cm->group_colour[cm->group[i]] : "#FFFFFF";
            int on = period ? cm->active_a[i] : cm->active_b[i];
            if (on) {
                agsafeset(nodes[i], "fillcolor", (char *)col, "");
            } else {
                agsafeset(nodes[i], "fillcolor", "#FFFFFF", "");
                agsafeset(nodes[i], "color", (char *)(cm->group[i] >= 0 ? col : "#999999"), "");
                agsafeset(nodes[i], "penwidth", "1.2", "");
            }
            b.len = 0;
            bm_i_sb_label(&b, cm->label[i]);
            if (cm->group[i] >= 0) {
                bm_i_sb_str(&b, " (");
                bm_i_sb_label(&b, cm->group_name[cm->group[i]]);
                bm_i_sb_str(&b, ")");
            }
            if (!b.oom)
                agsafeset(nodes[i], "tooltip", b.s, "");
        }
        for (size_t e = 0; e < m; e++) {
            size_t a = cm->u[e], c = cm->v[e];
            int lab = cm->label_of[e];
            if (!drawn[a] || !drawn[c])
                continue;
            int kept = lab == 3, gained = lab == 2, lost = lab == 1;
            if (!period && gained)
                continue;
            Agedge_t *ed = agedge(g, nodes[a], nodes[c], NULL, 1);
            long ga = cm->group[a], gc = cm->group[c];
            int cross = ga >= 0 && gc >= 0 && ga != gc;
            const char *gcol = ga >= 0 && ga == gc ? cm->group_colour[ga] : "#777777";
            if (lost) {
                agsafeset(ed, "style", "dashed", "");
                if (period)
                    snprintf(buf, sizeof buf, "#BBBBBB90");
                else
                    snprintf(buf, sizeof buf, "%s90", ga >= 0 && ga == gc ? gcol : "#555555");
                agsafeset(ed, "color", buf, "");
                agsafeset(ed, "penwidth", "0.8", "");
                counts[3]++;
            } else if (kept) {
                snprintf(buf, sizeof buf, cross ? "#303030A0" : "%s90", gcol);
                agsafeset(ed, "color", buf, "");
                agsafeset(ed, "penwidth", "0.8", "");
                counts[2]++;
            } else if (gained && mine == 2) {
                if (cross) {
                    agsafeset(ed, "color", "#111111", "");
                    agsafeset(ed, "penwidth", "2.6", "");
                    counts[0]++;
                } else {
                    agsafeset(ed, "color", (char *)gcol, "");
                    agsafeset(ed, "penwidth", "2.0", "");
                    counts[1]++;
                }
            }
        }
        b.len = 0;
        legend(&b, cm, period, nd, active, counts);
        if (b.oom) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            break;
        }
        agset(g, "label", agstrdup_html(g, b.s));
        st = bm_i_gv_write(gvc, g, "nop", path);
        agclose(g);
        g = NULL;
    }
done:
    if (g)
        agclose(g);
    free(b.s);
    free(deg);
    free(rank);
    free(drawn);
    free(px);
    free(py);
    free(nodes);
    return st;
}

bm_status bm_render_change_group_map(const bm_change_map *cm, const size_t *group_size,
                                     const double *ties_before, const double *ties_after,
                                     const char *path)
{
    const char *format = bm_i_gv_format(path);
    if (!format)
        return bm_error_set(BM_EUSAGE, "%s: unknown map format", path);
    size_t k = cm->n_groups;
    bm_status st = BM_OK;
    Agnode_t **nodes = calloc(k ? k : 1, sizeof *nodes);
    bm_sbuf b = {0};
    char buf[160];
    GVC_t *gvc = bm_i_gv_context();
    Agraph_t *g = NULL;
    if (!nodes || !gvc) {
        free(nodes);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    agseterrf(bm_i_gv_error_sink);
    agseterr(AGERR);
    g = bm_i_gv_open("group_change", Agundirected);
    if (!g) {
        free(nodes);
        return bm_error_set(BM_EINTERNAL, "Graphviz: cannot create a graph");
    }
    common_attrs(g, cm, format);
    agattr(g, AGRAPH, "sep", "+24");
    agattr(g, AGRAPH, "splines", "true");
    agattr(g, AGEDGE, "len", "2.2");
    size_t maxsize = 1;
    double maxt = 0;
    for (size_t x = 0; x < k; x++) {
        if (group_size[x] > maxsize)
            maxsize = group_size[x];
        for (size_t y = x + 1; y < k; y++) {
            double t = fmax(ties_before[x * k + y], ties_after[x * k + y]);
            if (t > maxt)
                maxt = t;
        }
    }
    for (size_t x = 0; x < k && x < 60; x++) {
        snprintf(buf, sizeof buf, "g%zu", x);
        nodes[x] = agnode(g, buf, 1);
        double w = 0.5 + 1.3 * sqrt((double)group_size[x] / (double)maxsize);
        snprintf(buf, sizeof buf, "%.3f", w);
        agsafeset(nodes[x], "width", buf, "");
        agsafeset(nodes[x], "height", buf, "");
        agsafeset(nodes[x], "fillcolor", (char *)cm->group_colour[x], "");
        b.len = 0;
        bm_i_sb_label(&b, cm->group_name[x]);
        bm_i_sb_printf(&b, "\n%.0f \xE2\x86\x92 %.0f inside", ties_before[x * k + x], ties_after[x * k + x]);
        if (b.oom)
            break;
        agsafeset(nodes[x], "xlabel", b.s, "");
        agsafeset(nodes[x], "tooltip", b.s, "");
    }
    for (size_t x = 0; x < k && x < 60 && !b.oom; x++)
        for (size_t y = x + 1; y < k && y < 60; y++) {
            double tb = ties_before[x * k + y], ta = ties_after[x * k + y];
            if (tb <= 0 && ta <= 0)
                continue;
            Agedge_t *e = agedge(g, nodes[x], nodes[y], NULL, 1);
            snprintf(buf, sizeof buf, "%.2f", 0.8 + (maxt > 0 ? 7.2 * sqrt(fmax(ta, 0.5) / maxt) : 0));
            agsafeset(e, "penwidth", buf, "");
            agsafeset(e, "color", ta > tb ? RISE_COLOUR : ta < tb ? FALL_COLOUR : "#555555", "");
            if (ta < tb)
                agsafeset(e, "style", "dashed", "");
            snprintf(buf, sizeof buf, "%.0f \xE2\x86\x92 %.0f", tb, ta);
            agsafeset(e, "label", buf, "");
            b.len = 0;
            bm_i_sb_label(&b, cm->group_name[x]);
            bm_i_sb_str(&b, " - ");
            bm_i_sb_label(&b, cm->group_name[y]);
            bm_i_sb_printf(&b, ": %.0f ties before, %.0f after", tb, ta);
            if (!b.oom)
                agsafeset(e, "tooltip", b.s, "");
        }
    b.len = 0;
    bm_i_sb_str(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">"
                    "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>");
    if (cm->title) {
        bm_i_sb_html(&b, cm->title);
        bm_i_sb_str(&b, ": ");
    }
    bm_i_sb_str(&b, "ties between groups, ");
    bm_i_sb_html(&b, cm->before_label);
    bm_i_sb_str(&b, " \xE2\x86\x92 ");
    bm_i_sb_html(&b, cm->after_label);
    bm_i_sb_str(&b, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">One circle per "
                    "group (area: actors); a line per pair of groups tied in either period, labelled "
                    "before \xE2\x86\x92 after, its width the ties after; green: more ties, dashed grey: "
                    "fewer.</FONT></TD></TR></TABLE>");
    if (b.oom)
        st = bm_error_set(BM_EINTERNAL, "out of memory");
    else {
        agset(g, "label", agstrdup_html(g, b.s));
        st = bm_i_gv_write(gvc, g, "neato", path);
    }
    agclose(g);
    free(b.s);
    free(nodes);
    return st;
}
