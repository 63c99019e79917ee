/* render.c: stakeholder maps through Graphviz used as a library.
 *
 * The map is built with cgraph (agopen/agnode/agedge/agsafeset), laid out
 * and rendered with gvc (gvLayout, gvRenderFilename, gvFreeLayout); nothing
 * is shelled out and no DOT text is printed by hand. Node names are internal
 * ("n17"); what people read goes into labels, where Graphviz's own escapes
 * (\N, \n, \l, ...) make a backslash special, so it is doubled. The legend is
 * an HTML-like label, where & < > " are written as entities.
 *
 * Colours: the Okabe & Ito (2008) colour-blind-safe palette, "Color Universal
 * Design", assigned to groups by size (largest first); groups past the
 * seventh share grey, named "other groups" in the legend. */
#define _GNU_SOURCE
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bridgemap/render.h"
#include "internal.h"
#include "gv.h"

/* Okabe & Ito (2008) first, then Paul Tol's "muted" scheme (Tol 2021,
 * "Colour Schemes", SRON/EPS/TN/09-002, fig. 4), each colour-blind safe
 * within itself; past the 16th largest group, grey "other". */
static const char *const palette[] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2",
                                      "#D55E00", "#CC79A7", "#332288", "#88CCEE", "#117733",
                                      "#DDCC77", "#CC6677", "#AA4499", "#44AA99", "#999933",
                                      "#882255"};
#define PALETTE_N 16
#define OTHER_COLOUR "#BBBBBB"
#define NOGROUP_COLOUR "#FFFFFF"
/* Above this many actors the map draws the BM_MAP_MAX_ACTORS largest (by
 * the size measure, else by number of ties) and the ties among them, and
 * says so in the legend: a hairball of 200,000 actors would take Graphviz
 * hours and show nothing. */
#define BM_MAP_MAX_ACTORS 1000

void bm_render_options_init(bm_render_options *opt) { memset(opt, 0, sizeof *opt); }

/* Groups rank by size, larger first, then by index (first seen). */
const char *bm_render_group_colour(const bm_grouping *g, long k)
{
    if (!g)
        return palette[4];
    if (k < 0 || (size_t)k >= g->n_groups)
        return NOGROUP_COLOUR;
    size_t rank = 0;
    for (size_t j = 0; j < g->n_groups; j++)
        if (g->sizes[j] > g->sizes[k] || (g->sizes[j] == g->sizes[k] && j < (size_t)k))
            rank++;
    return rank < PALETTE_N ? palette[rank] : OTHER_COLOUR;
}

static _Thread_local char gv_message[512];

int bm_i_gv_error_sink(char *msg)
{
    /* Keep the first line of Graphviz's last message for our error text. */
    snprintf(gv_message, sizeof gv_message, "%s", msg);
    char *nl = strchr(gv_message, '\n');
    if (nl)
        *nl = '\0';
    return 0;
}

/* Growable string for labels. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_str(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

/* Text for a Graphviz label attribute: backslashes doubled, so that a name
 * like "A\B" is not read as an escape sequence. */
static void sb_label(sbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            sb_put(b, "\\\\", 2);
        else
            sb_put(b, s, 1);
    }
}

/* Text inside an HTML-like label: XML entities for & < > " '. */
static void sb_html(sbuf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': sb_str(b, "&amp;"); break;
        case '<': sb_str(b, "&lt;"); break;
        case '>': sb_str(b, "&gt;"); break;
        case '"': sb_str(b, "&quot;"); break;
        case '\'': sb_str(b, "&#39;"); break;
        default: sb_put(b, s, 1);
        }
    }
}

typedef struct rank_item {
    double key, key2; /* larger first: key, then key2, then the lower index */
    size_t idx;
} rank_item;

static int cmp_rank_desc(const void *a, const void *b)
{
    const rank_item *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    if (x->key2 != y->key2)
        return x->key2 > y->key2 ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

const char *bm_i_gv_format(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return NULL;
    if (strcasecmp(dot, ".svg") == 0)
        return "svg";
    if (strcasecmp(dot, ".png") == 0)
        return "png";
    if (strcasecmp(dot, ".pdf") == 0)
        return "pdf";
    if (strcasecmp(dot, ".dot") == 0 || strcasecmp(dot, ".gv") == 0)
        return "dot";
    return NULL;
}

bm_status bm_i_gv_write(GVC_t *gvc, Agraph_t *g, const char *engine, const char *path)
{
    bm_status st = BM_OK;
    const char *format = bm_i_gv_format(path);
    char *tmp = NULL;
    if (!format)
        return bm_error_set(BM_EUSAGE, "%s: unknown format (use .svg, .png, .pdf or .dot)", path);
    if (gvLayout(gvc, g, engine) != 0)
        return bm_error_set(BM_EINTERNAL, "Graphviz layout (%s) failed: %s", engine, gv_message);
    size_t plen = strlen(path) + 16;
    tmp = malloc(plen);
    if (!tmp) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    snprintf(tmp, plen, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        st = bm_error_set(BM_EINTERNAL, "%s: cannot create: %s", path, strerror(errno));
        goto done;
    }
    close(fd);
    if (gvRenderFilename(gvc, g, format, tmp) != 0) {
        st = bm_error_set(BM_EINTERNAL, "%s: Graphviz could not render %s: %s", path, format,
                          gv_message[0] ? gv_message : "no renderer for this format");
        unlink(tmp);
        goto done;
    }
    if (chmod(tmp, 0644) != 0 || rename(tmp, path) != 0) {
        st = bm_error_set(BM_EINTERNAL, "%s: cannot move into place: %s", path, strerror(errno));
        unlink(tmp);
    }
done:
    gvFreeLayout(gvc, g);
    free(tmp);
    return st;
}

bm_status bm_render_map(const bm_network *net, const bm_render_options *opt, const char *path)
{
    bm_status st = BM_OK;
    const char *format = bm_i_gv_format(path);
    if (!format)
        return bm_error_set(BM_EUSAGE, "%s: unknown map format (use .svg, .png, .pdf or .dot)", path);
    size_t n = net->n_actors;
    size_t m = (size_t)igraph_ecount(&net->graph);
    const bm_grouping *gr = opt->grouping;
    GVC_t *gvc = NULL;
    Agraph_t *g = NULL;
    Agnode_t **nodes = NULL;
    double *size = NULL;
    rank_item *rank = NULL;
    long *colour_of_group = NULL;
    char *drawn = NULL;
    sbuf b = {0};
    char buf[128];

    nodes = calloc(n ? n : 1, sizeof *nodes);
    size = malloc((n ? n : 1) * sizeof *size);
    rank = malloc((n ? n : 1) * sizeof *rank);
    if (!nodes || !size || !rank) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }

    /* Node size from the chosen measure, scaled by the square root so that
     * area grows with the measure; NaN and missing count as 0. */
    long size_col = -1;
    if (opt->size_by) {
        if (!opt->actors || (size_col = bm_table_find(opt->actors, opt->size_by)) < 0 ||
            bm_table_col_type(opt->actors, (size_t)size_col) != BM_COL_NUMBER) {
            st = bm_error_set(BM_EUSAGE, "--size-by: no measure column '%s'", opt->size_by);
            goto done;
        }
    }
    double maxv = 0;
    igraph_vector_int_t deg;
    if (igraph_vector_int_init(&deg, 0) ||
        igraph_degree(&net->graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&deg);
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        double v = size_col >= 0 ? bm_table_number(opt->actors, (size_t)size_col, i) : 0;
        size[i] = isfinite(v) && v > 0 ? v : 0;
        if (size[i] > maxv)
            maxv = size[i];
        /* equal sizes rank by degree: the labels, and the drawn subset of a
         * large network, go to the best-connected actors */
        rank[i].key = size[i];
        rank[i].key2 = (double)VECTOR(deg)[i];
        rank[i].idx = i;
    }
    qsort(rank, n, sizeof *rank, cmp_rank_desc);
    igraph_vector_int_destroy(&deg);
    /* a large network: only the top BM_MAP_MAX_ACTORS are drawn */
    size_t drawn_n = n > BM_MAP_MAX_ACTORS ? BM_MAP_MAX_ACTORS : n;
    drawn = calloc(n ? n : 1, 1);
    if (!drawn) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t r = 0; r < drawn_n; r++)
        drawn[rank[r].idx] = 1;
    size_t max_labels = opt->max_labels ? opt->max_labels : (n <= 60 ? n : 30);
    if (size_col < 0)
        max_labels = opt->max_labels ? opt->max_labels : (n <= BM_MAP_MAX_ACTORS ? n : 30);

    long label_col = -1;
    if (opt->label_by) {
        label_col = bm_network_attr_find(net, opt->label_by);
        if (label_col < 0) {
            st = bm_error_set(BM_EUSAGE, "--label-by: no actor column '%s'", opt->label_by);
            goto done;
        }
    } else {
        label_col = bm_network_label_attr(net);
    }

    /* Colours: groups ranked by size, then name. */
    size_t k = gr ? gr->n_groups : 0;
    colour_of_group = malloc((k ? k : 1) * sizeof *colour_of_group);
    rank_item *grank = malloc((k ? k : 1) * sizeof *grank);
    if (!colour_of_group || !grank) {
        free(grank);
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < k; i++) {
        grank[i].key = (double)gr->sizes[i];
        grank[i].key2 = 0;
        grank[i].idx = i;
    }
    qsort(grank, k, sizeof *grank, cmp_rank_desc);
    for (size_t r = 0; r < k; r++)
        colour_of_group[grank[r].idx] = r < PALETTE_N ? (long)r : -1;

    agseterrf(bm_i_gv_error_sink);
    agseterr(AGERR);
    gv_message[0] = '\0';
    gvc = gvContext();
    g = agopen("bridgemap", net->directed ? Agdirected : Agundirected, NULL);
    if (!gvc || !g) {
        st = bm_error_set(BM_EINTERNAL, "Graphviz: cannot create a graph");
        goto done;
    }
    const char *engine = "neato"; /* at most BM_MAP_MAX_ACTORS nodes */
    snprintf(buf, sizeof buf, "%lu", opt->seed);
    agattr(g, AGRAPH, "start", buf);
    agattr(g, AGRAPH, "overlap", "false");
    agattr(g, AGRAPH, "sep", "+6");
    agattr(g, AGRAPH, "splines", "false");
    agattr(g, AGRAPH, "outputorder", "edgesfirst");
    agattr(g, AGRAPH, "bgcolor", "white");
    agattr(g, AGRAPH, "pad", "0.4");
    agattr(g, AGRAPH, "fontname", "DejaVu Sans");
    agattr(g, AGRAPH, "fontsize", "12");
    agattr(g, AGRAPH, "forcelabels", "true");
    agattr(g, AGRAPH, "labelloc", "b");
    agattr(g, AGRAPH, "labeljust", "l");
    agattr(g, AGRAPH, "mode", "major");
    agattr(g, AGRAPH, "epsilon", "0.0001");
    if (strcmp(format, "png") == 0)
        agattr(g, AGRAPH, "dpi", "150");
    agattr(g, AGRAPH, "label", "");
    agattr(g, AGNODE, "shape", "circle");
    agattr(g, AGNODE, "fixedsize", "true");
    agattr(g, AGNODE, "style", "filled");
    agattr(g, AGNODE, "color", "#333333");
    agattr(g, AGNODE, "penwidth", "0.6");
    agattr(g, AGNODE, "fontname", "DejaVu Sans");
    agattr(g, AGNODE, "fontsize", "9");
    agattr(g, AGNODE, "fontcolor", "#222222");
    agattr(g, AGNODE, "label", "");
    agattr(g, AGNODE, "xlabel", "");
    agattr(g, AGNODE, "tooltip", "");
    agattr(g, AGNODE, "width", "0.15");
    agattr(g, AGNODE, "fillcolor", OTHER_COLOUR);
    agattr(g, AGEDGE, "color", "#99999980");
    agattr(g, AGEDGE, "penwidth", "0.8");
    agattr(g, AGEDGE, "arrowsize", "0.4");

    char *labelled = calloc(n ? n : 1, 1);
    if (!labelled) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t r = 0; r < n && r < max_labels; r++)
        labelled[rank[r].idx] = 1;
    for (size_t i = 0; i < n; i++) {
        if (!drawn[i])
            continue;
        snprintf(buf, sizeof buf, "n%zu", i);
        nodes[i] = agnode(g, buf, 1);
        double w = 0.14 + (maxv > 0 ? 0.56 * sqrt(size[i] / maxv) : 0.08);
        snprintf(buf, sizeof buf, "%.3f", w);
        agsafeset(nodes[i], "width", buf, "");
        const char *text = label_col >= 0 && net->attr_values[label_col][i][0]
                               ? net->attr_values[label_col][i]
                               : net->ids[i];
        b.len = 0;
        sb_label(&b, text);
        if (b.oom)
            break;
        if (labelled[i])
            agsafeset(nodes[i], "xlabel", b.s, "");
        long grp = gr ? gr->of[i] : -1;
        const char *fill = !gr ? palette[4]
                         : grp < 0 ? NOGROUP_COLOUR
                         : colour_of_group[grp] >= 0 ? palette[colour_of_group[grp]] : OTHER_COLOUR;
        agsafeset(nodes[i], "fillcolor", (char *)fill, "");
        if (gr && grp >= 0) {
            sb_str(&b, " (");
            sb_label(&b, gr->names[grp]);
            sb_str(&b, ")");
        }
        if (!b.oom)
            agsafeset(nodes[i], "tooltip", b.s, "");
    }
    free(labelled);
    if (b.oom) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }

    double maxw = 0;
    for (size_t e = 0; e < m; e++)
        if (VECTOR(net->weight)[e] > maxw)
            maxw = VECTOR(net->weight)[e];
    for (size_t e = 0; e < m; e++) {
        size_t a = (size_t)IGRAPH_FROM(&net->graph, (igraph_integer_t)e);
        size_t c = (size_t)IGRAPH_TO(&net->graph, (igraph_integer_t)e);
        if (!drawn[a] || !drawn[c])
            continue;
        Agedge_t *edge = agedge(g, nodes[a], nodes[c], NULL, 1);
        double w = VECTOR(net->weight)[e];
        double pw = 0.6 + (maxw > 1 ? 2.4 * log1p(w) / log1p(maxw) : 0.6);
        snprintf(buf, sizeof buf, "%.2f", pw);
        agsafeset(edge, "penwidth", buf, "");
        long ga = gr ? gr->of[a] : -1, gc = gr ? gr->of[c] : -1;
        if (ga >= 0 && gc >= 0) {
            if (ga == gc) {
                const char *col = colour_of_group[ga] >= 0 ? palette[colour_of_group[ga]] : "#999999";
                snprintf(buf, sizeof buf, "%s90", col);
            } else {
                snprintf(buf, sizeof buf, "#303030C0");
            }
            agsafeset(edge, "color", buf, "");
        }
    }

    /* Legend: an HTML-like table in the graph label. */
    b.len = 0;
    sb_str(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">");
    if (opt->title) {
        sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>");
        sb_html(&b, opt->title);
        sb_str(&b, "</B></FONT></TD></TR>");
    }
    if (gr) {
        sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><B>Colour: ");
        sb_html(&b, gr->column);
        sb_str(&b, "</B></TD></TR>");
        /* One cell per entry, a coloured disc glyph (U+25CF) before the name:
         * a two-column table would spread its columns to the legend's width. */
        size_t other = 0, nogroup = 0;
        for (size_t r = 0; r < k; r++) {
            size_t gi = grank[r].idx;
            if (colour_of_group[gi] < 0) {
                other += gr->sizes[gi];
                continue;
            }
            sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"");
            sb_str(&b, palette[colour_of_group[gi]]);
            sb_str(&b, "\" POINT-SIZE=\"16\">\xE2\x97\x8F&#160;</FONT>");
            sb_html(&b, gr->names[gi]);
            snprintf(buf, sizeof buf, " (%zu)", gr->sizes[gi]);
            sb_str(&b, buf);
            sb_str(&b, "</TD></TR>");
        }
        for (size_t i = 0; i < n; i++)
            nogroup += gr->of[i] < 0;
        if (other) {
            snprintf(buf, sizeof buf, "other groups (%zu)", other);
            sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" OTHER_COLOUR "\" POINT-SIZE=\"16\">\xE2\x97\x8F&#160;</FONT>");
            sb_str(&b, buf);
            sb_str(&b, "</TD></TR>");
        }
        if (nogroup) {
            snprintf(buf, sizeof buf, "no %s given (%zu)", "value", nogroup);
            sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"#333333\" POINT-SIZE=\"16\">\xE2\x97\x8B&#160;</FONT>");
            sb_str(&b, buf);
            sb_str(&b, "</TD></TR>");
        }
        sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Dark lines: ties across groups; "
                   "coloured lines: ties inside a group</FONT></TD></TR>");
    }
    if (drawn_n < n) {
        snprintf(buf, sizeof buf, "Showing the %zu of %zu actors with the largest ", drawn_n, n);
        sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">");
        sb_str(&b, buf);
        sb_html(&b, size_col >= 0 ? opt->size_by : "number of ties");
        sb_str(&b, ", and the ties among them; group counts are of all actors</FONT></TD></TR>");
    }
    if (size_col >= 0) {
        sb_str(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Circle size: ");
        sb_html(&b, opt->size_by);
        sb_str(&b, "; line width: tie weight</FONT></TD></TR>");
    }
    sb_str(&b, "</TABLE>");
    free(grank);
    grank = NULL;
    if (b.oom) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    agset(g, "label", agstrdup_html(g, b.s));

    st = bm_i_gv_write(gvc, g, engine, path);

done:
    if (g)
        agclose(g);
    if (gvc)
        gvFreeContext(gvc);
    free(b.s);
    free(nodes);
    free(size);
    free(rank);
    free(drawn);
    free(colour_of_group);
    return st;
}
