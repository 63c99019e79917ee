/* chart.c: the E-I index over time, drawn through Graphviz.
 *
 * A small line chart (analyze --by: OUT/ei_by_period.svg) built as a
 * cgraph graph whose nodes sit at fixed positions (pos "x,y!", in points)
 * and laid out with Graphviz's "nop2" engine (neato -n2: keep the positions,
 * draw the edges straight). Points are nodes, line segments are edges, axis
 * labels are plain-text nodes. Observed E-I: a solid line, a point filled
 * where the two-sided permutation p-value is below 0.05; what chance would
 * give (the permutation test's expected E-I): a dashed grey line. A period
 * whose E-I is undefined (no ties between grouped actors) breaks the line. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/render.h"
#include "internal.h"
#include "gv.h"

#define CHART_W 560.0  /* plot area, points */
#define CHART_H 220.0
#define LEFT 70.0
#define BOTTOM 60.0

static double ypos(double ei) { return BOTTOM + (ei + 1.0) / 2.0 * CHART_H; }

static Agnode_t *pinned(Agraph_t *g, const char *name, double x, double y)
{
    Agnode_t *n = agnode(g, (char *)name, 1);
    char pos[64];
    snprintf(pos, sizeof pos, "%.2f,%.2f!", x, y);
    agsafeset(n, "pos", pos, "");
    return n;
}

static Agnode_t *text(Agraph_t *g, const char *name, double x, double y, const char *label,
                      const char *size)
{
    Agnode_t *n = pinned(g, name, x, y);
    agsafeset(n, "shape", "plaintext", "");
    agsafeset(n, "width", "0.01", "");
    agsafeset(n, "height", "0.01", "");
    agsafeset(n, "fixedsize", "false", "");
    agsafeset(n, "label", (char *)label, "");
    agsafeset(n, "fontsize", (char *)size, "");
    return n;
}

static void line(Agraph_t *g, Agnode_t *a, Agnode_t *b, const char *colour, const char *style,
                 const char *width)
{
    Agedge_t *e = agedge(g, a, b, NULL, 1);
    agsafeset(e, "color", (char *)colour, "");
    agsafeset(e, "style", (char *)style, "");
    agsafeset(e, "penwidth", (char *)width, "");
    agsafeset(e, "arrowhead", "none", "");
}

bm_status bm_render_period_chart(const bm_table *t, const char *title, const char *path)
{
    bm_status st = BM_OK;
    long c_period = bm_table_find(t, "period"), c_ei = bm_table_find(t, "ei_index");
    long c_exp = bm_table_find(t, "ei_expected"), c_p = bm_table_find(t, "ei_p_value_two_sided");
    if (c_period < 0 || c_ei < 0 || c_exp < 0)
        return bm_error_set(BM_EUSAGE, "the E-I chart needs a summary_by_period table");
    size_t np = bm_table_rows(t);
    if (!bm_i_gv_format(path))
        return bm_error_set(BM_EUSAGE, "%s: unknown format (use .svg, .png, .pdf or .dot)", path);
    agseterrf(bm_i_gv_error_sink);
    GVC_t *gvc = bm_i_gv_context();
    Agraph_t *g = bm_i_gv_open("ei_by_period", Agundirected);
    if (!gvc || !g) {
        st = bm_error_set(BM_EINTERNAL, "Graphviz: out of memory");
        goto done;
    }
    agattr(g, AGRAPH, "bgcolor", "white");
    agattr(g, AGRAPH, "pad", "0.3");
    agattr(g, AGRAPH, "fontname", "DejaVu Sans");
    agattr(g, AGRAPH, "fontsize", "13");
    agattr(g, AGRAPH, "labelloc", "t");
    agattr(g, AGRAPH, "splines", "line");
    agattr(g, AGNODE, "fontname", "DejaVu Sans");
    agattr(g, AGNODE, "fontcolor", "#222222");
    agattr(g, AGNODE, "shape", "point");
    agattr(g, AGNODE, "width", "0.02");
    agattr(g, AGNODE, "fixedsize", "true");
    agattr(g, AGNODE, "label", "");
    agattr(g, AGNODE, "color", "#777777");
    agattr(g, AGEDGE, "color", "#777777");
    {
        char label[512];
        snprintf(label, sizeof label, "%s%sE-I index by period (-1: every tie inside its group, "
                 "+1: every tie across groups)", title ? title : "", title ? "\n" : "");
        agsafeset(g, "label", label, "");
    }
    char name[64], lab[64];
    /* axes and grid: E-I from -1 to +1 */
    for (int k = -2; k <= 2; k++) {
        double v = k / 2.0, y = ypos(v);
        snprintf(name, sizeof name, "yl%d", k);
        snprintf(lab, sizeof lab, "%+.1f", v);
        text(g, name, LEFT - 22, y, k == 0 ? "0" : lab, "10");
        Agnode_t *a = pinned(g, (snprintf(name, sizeof name, "ga%d", k), name), LEFT, y);
        Agnode_t *b = pinned(g, (snprintf(name, sizeof name, "gb%d", k), name), LEFT + CHART_W, y);
        agsafeset(a, "style", "invis", "");
        agsafeset(b, "style", "invis", "");
        line(g, a, b, k == 0 ? "#888888" : "#DDDDDD", "solid", k == 0 ? "1" : "0.6");
    }
    double step = np > 1 ? CHART_W / (double)(np - 1) : 0;
    size_t every = np > 12 ? (np + 11) / 12 : 1; /* at most about 12 period labels */
    Agnode_t *prev = NULL, *prev_exp = NULL;
    for (size_t k = 0; k < np; k++) {
        double x = LEFT + (np > 1 ? step * (double)k : CHART_W / 2);
        if (k % every == 0 || k + 1 == np) {
            snprintf(name, sizeof name, "xl%zu", k);
            text(g, name, x, BOTTOM - 16, bm_table_text(t, (size_t)c_period, k), "10");
        }
        double ei = bm_table_number(t, (size_t)c_ei, k), ex = bm_table_number(t, (size_t)c_exp, k);
        double p = c_p >= 0 ? bm_table_number(t, (size_t)c_p, k) : NAN;
        if (isfinite(ex)) {
            snprintf(name, sizeof name, "e%zu", k);
            Agnode_t *n = pinned(g, name, x, ypos(ex));
            agsafeset(n, "style", "invis", "");
            if (prev_exp)
                line(g, prev_exp, n, "#999999", "dashed", "1.2");
            prev_exp = n;
        } else {
            prev_exp = NULL;
        }
        if (isfinite(ei)) {
            snprintf(name, sizeof name, "p%zu", k);
            Agnode_t *n = pinned(g, name, x, ypos(ei));
            agsafeset(n, "shape", "circle", "");
            agsafeset(n, "width", "0.11", "");
            agsafeset(n, "color", "#0072B2", "");
            agsafeset(n, "style", "filled", "");
            agsafeset(n, "fillcolor", isfinite(p) && p < 0.05 ? "#0072B2" : "white", "");
            char tip[96];
            snprintf(tip, sizeof tip, "%s: E-I %+.2f, chance %+.2f", bm_table_text(t, (size_t)c_period, k),
                     ei, ex);
            agsafeset(n, "tooltip", tip, "");
            if (prev)
                line(g, prev, n, "#0072B2", "solid", "2");
            prev = n;
        } else {
            prev = NULL;
        }
    }
    /* legend under the axis */
    text(g, "legend", LEFT + CHART_W / 2, BOTTOM - 40,
         "solid blue: observed E-I (filled: differs from chance, permutation test p < 0.05);  "
         "dashed grey: E-I if ties fell at random", "9");
    st = bm_i_gv_write(gvc, g, "nop2", path);
done:
    if (g)
        agclose(g);
    return st;
}
