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
#include <time.h>
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

void bm_render_options_init(bm_render_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->focus = -1;
}

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

/* cairo writes the time of rendering into a PDF's /CreationDate (and
 * /ModDate): the same map would differ byte for byte on every run. The
 * date is replaced in place, same length, so the cross-reference offsets
 * stay right, by SOURCE_DATE_EPOCH when set (reproducible-builds.org), else
 * by 1970-01-01T00:00:00Z. */
static bm_status pdf_fix_dates(const char *file)
{
    FILE *f = fopen(file, "r+b");
    if (!f)
        return bm_error_set(BM_EINTERNAL, "%s: cannot reopen: %s", file, strerror(errno));
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            size_t nc = cap ? cap * 2 : 1 << 16;
            char *p = realloc(data, nc);
            if (!p) {
                free(data);
                fclose(f);
                return bm_error_set(BM_EINTERNAL, "out of memory");
            }
            data = p;
            cap = nc;
        }
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    time_t when = 0;
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (!*end && v >= 0)
            when = (time_t)v;
    }
    struct tm tmv;
    gmtime_r(&when, &tmv);
    char stamp[16];
    strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tmv);
    static const char *const keys[] = {"/CreationDate (D:", "/ModDate (D:"};
    int changed = 0;
    for (int k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        for (size_t i = 0; i + kl + 14 < len; i++) {
            if (memcmp(data + i, keys[k], kl) != 0)
                continue;
            char *d = data + i + kl;
            memcpy(d, stamp, 14);
            /* a time-zone offset (+01'00') becomes +00'00' */
            if (d[14] == '+' || d[14] == '-') {
                d[14] = '+';
                for (size_t j = 15; i + kl + j < len && d[j] != ')'; j++)
                    if (d[j] >= '0' && d[j] <= '9')
                        d[j] = '0';
            }
            changed = 1;
        }
    }
    bm_status st = BM_OK;
    if (changed && (fseek(f, 0, SEEK_SET) != 0 || fwrite(data, 1, len, f) != len))
        st = bm_error_set(BM_EINTERNAL, "%s: cannot rewrite: %s", file, strerror(errno));
    if (fclose(f) != 0 && st == BM_OK)
        st = bm_error_set(BM_EINTERNAL, "%s: cannot rewrite: %s", file, strerror(errno));
    free(data);
    return st;
}

/* One Graphviz context for the whole process, never freed. Graphviz 2.42
 * keeps the fonts it met in its context (textspan.c's font dictionary),
 * and its pango plugin (gvtextlayout_pango.c) caches a pointer to the last
 * font name it measured: with a context per drawing, the second drawing of
 * a process compared against the first context's freed name (a heap use
 * after free that AddressSanitizer reports). */
static bm_status gv_write(GVC_t *gvc, Agraph_t *g, const char *engine, const char *path);

GVC_t *bm_i_gv_context(void)
{
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

bm_status bm_i_gv_write(GVC_t *gvc, Agraph_t *g, const char *engine, const char *path)
{
    return gv_write(gvc, g, engine, path);
}

static bm_status gv_write(GVC_t *gvc, Agraph_t *g, const char *engine, const char *path)
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
    /* PDF writes coordinates with six decimals, where Graphviz 2.42's
     * placement of outside labels (xlabels) shows floating-point noise from
     * run to run; the layout is therefore written as DOT (two decimals, as
     * SVG), read back and rendered from those positions (nop2: no layout). */
    Agraph_t *fixed = NULL;
    if (strcmp(format, "pdf") == 0) {
        char *dot = NULL;
        unsigned dlen = 0;
        if (gvRenderData(gvc, g, "dot", &dot, &dlen) == 0 && dot) {
            fixed = agmemread(dot);
            gvFreeRenderData(dot);
            /* cgraph writes no empty label, and reads a missing one as the
             * node's name: give every node its label back */
            Agsym_t *gl = agattr(g, AGNODE, "label", NULL);
            Agsym_t *fl = fixed && gl ? agattr(fixed, AGNODE, "label", gl->defval) : NULL;
            for (Agnode_t *n = fl ? agfstnode(fixed) : NULL; n; n = agnxtnode(fixed, n)) {
                Agnode_t *orig = agnode(g, agnameof(n), 0);
                agxset(n, fl, orig ? agxget(orig, gl) : gl->defval);
            }
        }
        if (!fixed || gvLayout(gvc, fixed, "nop2") != 0) {
            if (fixed)
                agclose(fixed);
            unlink(tmp);
            st = bm_error_set(BM_EINTERNAL, "Graphviz: cannot re-read the laid-out map: %s", gv_message);
            goto done;
        }
    }
    int rendered = gvRenderFilename(gvc, fixed ? fixed : g, format, tmp);
    if (fixed) {
        gvFreeLayout(gvc, fixed);
        agclose(fixed);
    }
    if (rendered != 0) {
        st = bm_error_set(BM_EINTERNAL, "%s: Graphviz could not render %s: %s", path, format,
                          gv_message[0] ? gv_message : "no renderer for this format");
        unlink(tmp);
        goto done;
    }
    if (strcmp(format, "pdf") == 0 && (st = pdf_fix_dates(tmp)) != BM_OK) {
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

/* ---- the actor map ----------------------------------------------------------------- */

/* Shapes for a second attribute (--shape-by), by the same size rank as the
 * colours; past the eighth largest value, "other" (a double circle). */
static const char *const shapes[] = {"circle", "box", "triangle", "diamond",
                                     "pentagon", "hexagon", "invtriangle", "octagon"};
#define SHAPES_N 8
#define OTHER_SHAPE "doublecircle"
/* The legend shows a shape with a glyph: ● ■ ▲ ◆ ⬟ ⬢ ▼ ⯃ and ◎. */
static const char *const shape_glyphs[] = {"\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x96\xB2",
                                           "\xE2\x97\x86", "\xE2\xAC\x9F", "\xE2\xAC\xA2",
                                           "\xE2\x96\xBC", "\xE2\xAF\x83"};
#define OTHER_GLYPH "\xE2\x97\x8E"

static size_t group_rank(const bm_grouping *g, size_t k)
{
    size_t rank = 0;
    for (size_t j = 0; j < g->n_groups; j++)
        if (g->sizes[j] > g->sizes[k] || (g->sizes[j] == g->sizes[k] && j < k))
            rank++;
    return rank;
}

/* Groups in rank order (largest first); the caller frees. */
static size_t *groups_by_rank(const bm_grouping *g)
{
    size_t k = g ? g->n_groups : 0;
    size_t *order = malloc((k ? k : 1) * sizeof *order);
    if (!order)
        return NULL;
    for (size_t i = 0; i < k; i++)
        order[group_rank(g, i)] = i;
    return order;
}

/* The map's state while it is built. */
typedef struct mapctx {
    const bm_network *net;
    const bm_render_options *opt;
    const bm_grouping *gr, *sh;
    size_t n, m;
    double *size, maxv;
    long size_col, label_col;
    rank_item *rank;
    char *drawn;       /* 1: on the map */
    size_t drawn_n;
    long *hops;        /* ego map: steps from the focus, -1 beyond the radius */
    size_t cross_drawn, inside_drawn;
    bm_sbuf b;
} mapctx;

/* Node size from the chosen measure, scaled by the square root so that area
 * grows with the measure; NaN and missing count as 0. Ranks the actors by
 * size, then by number of ties. */
static bm_status map_sizes(mapctx *c)
{
    const bm_render_options *opt = c->opt;
    c->size_col = -1;
    if (opt->size_by) {
        if (!opt->actors || (c->size_col = bm_table_find(opt->actors, opt->size_by)) < 0 ||
            bm_table_col_type(opt->actors, (size_t)c->size_col) != BM_COL_NUMBER)
            return bm_error_set(BM_EUSAGE, "--size-by: no measure column '%s'", opt->size_by);
    }
    igraph_vector_int_t deg;
    if (igraph_vector_int_init(&deg, 0) ||
        igraph_degree(&c->net->graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) !=
            IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&deg);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    c->maxv = 0;
    for (size_t i = 0; i < c->n; i++) {
        /* without a measure: sized by number of ties */
        double v = c->size_col >= 0 ? bm_table_number(opt->actors, (size_t)c->size_col, i)
                                    : (double)VECTOR(deg)[i];
        c->size[i] = isfinite(v) && v > 0 ? v : 0;
        if (c->size[i] > c->maxv)
            c->maxv = c->size[i];
        /* equal sizes rank by degree: the labels, and the drawn subset of a
         * large network, go to the best-connected actors */
        c->rank[i].key = c->size[i];
        c->rank[i].key2 = (double)VECTOR(deg)[i];
        c->rank[i].idx = i;
    }
    igraph_vector_int_destroy(&deg);
    qsort(c->rank, c->n, sizeof *c->rank, cmp_rank_desc);
    return BM_OK;
}

/* Min-heap of rank positions (the frontier of the backbone). */
static void heap_push(size_t *h, size_t *n, size_t x)
{
    size_t i = (*n)++;
    while (i > 0 && h[(i - 1) / 2] > x) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = x;
}

static size_t heap_pop(size_t *h, size_t *n)
{
    size_t top = h[0], x = h[--(*n)], i = 0;
    for (;;) {
        size_t k = 2 * i + 1;
        if (k >= *n)
            break;
        if (k + 1 < *n && h[k + 1] < h[k])
            k++;
        if (h[k] >= x)
            break;
        h[i] = h[k];
        i = k;
    }
    if (*n)
        h[i] = x;
    return top;
}

/* The backbone of a large network: BM_MAP_MAX_ACTORS actors grown from the
 * largest one along ties, always taking the largest actor tied to those
 * already drawn (Prim's order on ranks), and starting again from the
 * largest actor not drawn when its part of the network is used up. The
 * 1,000 largest actors of 200,000 are mostly strangers to each other and
 * would be drawn as scattered dots; grown this way, every drawn actor
 * except the start of a part has a drawn tie. */
static bm_status map_backbone(mapctx *c)
{
    size_t n = c->n;
    size_t *pos = malloc(n * sizeof *pos), *heap = malloc(n * sizeof *heap);
    char *queued = calloc(n, 1);
    igraph_vector_int_t nb;
    if (!pos || !heap || !queued || igraph_vector_int_init(&nb, 0)) {
        free(pos), free(heap), free(queued);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (size_t r = 0; r < n; r++)
        pos[c->rank[r].idx] = r;
    bm_status st = BM_OK;
    size_t hn = 0, seed = 0;
    c->drawn_n = 0;
    while (c->drawn_n < BM_MAP_MAX_ACTORS) {
        if (hn == 0) {
            while (seed < n && c->drawn[c->rank[seed].idx])
                seed++;
            if (seed == n)
                break;
            heap_push(heap, &hn, seed);
            queued[c->rank[seed].idx] = 1;
        }
        size_t v = c->rank[heap_pop(heap, &hn)].idx;
        c->drawn[v] = 1;
        c->drawn_n++;
        if (igraph_neighbors(&c->net->graph, &nb, (igraph_integer_t)v, IGRAPH_ALL)) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            break;
        }
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(&nb); j++) {
            size_t u = (size_t)VECTOR(nb)[j];
            if (!queued[u]) {
                queued[u] = 1;
                heap_push(heap, &hn, pos[u]);
            }
        }
    }
    igraph_vector_int_destroy(&nb);
    free(pos);
    free(heap);
    free(queued);
    return st;
}

/* Which actors are drawn: the focus's neighbourhood (ego map), else all, or
 * the backbone of a large network (map_backbone). */
static bm_status map_select(mapctx *c)
{
    const bm_render_options *opt = c->opt;
    if (opt->focus >= 0) {
        if ((size_t)opt->focus >= c->n)
            return bm_error_set(BM_EUSAGE, "ego map: actor %ld is not in the network", opt->focus);
        c->hops = malloc(c->n * sizeof *c->hops);
        size_t *queue = malloc(c->n * sizeof *queue);
        if (!c->hops || !queue) {
            free(queue);
            return bm_error_set(BM_EINTERNAL, "out of memory");
        }
        for (size_t i = 0; i < c->n; i++)
            c->hops[i] = -1;
        long radius = opt->radius ? (long)opt->radius : 1;
        igraph_vector_int_t nb;
        if (igraph_vector_int_init(&nb, 0)) {
            free(queue);
            return bm_error_set(BM_EINTERNAL, "out of memory");
        }
        size_t head = 0, tail = 0;
        queue[tail++] = (size_t)opt->focus;
        c->hops[opt->focus] = 0;
        bm_status st = BM_OK;
        while (head < tail) {
            size_t v = queue[head++];
            if (c->hops[v] >= radius)
                continue;
            if (igraph_neighbors(&c->net->graph, &nb, (igraph_integer_t)v, IGRAPH_ALL)) {
                st = bm_error_set(BM_EINTERNAL, "out of memory");
                break;
            }
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(&nb); j++) {
                size_t u = (size_t)VECTOR(nb)[j];
                if (c->hops[u] < 0) {
                    c->hops[u] = c->hops[v] + 1;
                    queue[tail++] = u;
                }
            }
        }
        igraph_vector_int_destroy(&nb);
        free(queue);
        if (st != BM_OK)
            return st;
        /* the largest BM_MAP_MAX_ACTORS of the neighbourhood, the focus always */
        c->drawn_n = 0;
        for (size_t r = 0; r < c->n; r++) {
            size_t i = c->rank[r].idx;
            if (c->hops[i] >= 0 && (c->drawn_n < BM_MAP_MAX_ACTORS - 1 || (long)i == opt->focus)) {
                c->drawn[i] = 1;
                c->drawn_n++;
            }
        }
        if (!c->drawn[opt->focus]) {
            c->drawn[opt->focus] = 1;
            c->drawn_n++;
        }
        return BM_OK;
    }
    if (c->n <= BM_MAP_MAX_ACTORS) {
        c->drawn_n = c->n;
        memset(c->drawn, 1, c->n);
        return BM_OK;
    }
    return map_backbone(c);
}

void bm_i_gv_map_defaults(Agraph_t *g, unsigned long seed, const char *format)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%lu", seed);
    agattr(g, AGRAPH, "start", buf);
    agattr(g, AGRAPH, "overlap", "false");
    agattr(g, AGRAPH, "sep", "+6");
    agattr(g, AGRAPH, "splines", "false");
    agattr(g, AGRAPH, "outputorder", "edgesfirst");
    agattr(g, AGRAPH, "bgcolor", "white");
    agattr(g, AGRAPH, "pad", "0.4");
    /* DejaVu Sans covers Danish and the other Latin letters (fonts-dejavu-core) */
    agattr(g, AGRAPH, "fontname", BM_MAP_FONT);
    agattr(g, AGRAPH, "fontsize", "12");
    agattr(g, AGRAPH, "labelloc", "b");
    agattr(g, AGRAPH, "labeljust", "l");
    agattr(g, AGRAPH, "mode", "major");
    agattr(g, AGRAPH, "fontcolor", "#222222");
    agattr(g, AGRAPH, "epsilon", "0.0001");
    if (format && strcmp(format, "png") == 0)
        agattr(g, AGRAPH, "dpi", "150");
    agattr(g, AGRAPH, "label", "");
    agattr(g, AGNODE, "shape", "circle");
    agattr(g, AGNODE, "fixedsize", "true");
    agattr(g, AGNODE, "style", "filled");
    agattr(g, AGNODE, "color", "#333333");
    agattr(g, AGNODE, "penwidth", "0.6");
    agattr(g, AGNODE, "fontname", BM_MAP_FONT);
    agattr(g, AGNODE, "fontsize", "9");
    agattr(g, AGNODE, "fontcolor", "#222222");
    agattr(g, AGNODE, "label", "");
    agattr(g, AGNODE, "xlabel", "");
    agattr(g, AGNODE, "tooltip", "");
    agattr(g, AGNODE, "width", "0.15");
    agattr(g, AGNODE, "height", "0.15");
    agattr(g, AGNODE, "fillcolor", OTHER_COLOUR);
    agattr(g, AGEDGE, "color", "#99999980");
    agattr(g, AGEDGE, "penwidth", "0.8");
    agattr(g, AGEDGE, "style", "solid");
}

static void map_graph_attributes(Agraph_t *g, const bm_render_options *opt, const char *format,
                                 int silo)
{
    bm_i_gv_map_defaults(g, opt->seed, format);
    agattr(g, AGRAPH, "forcelabels", "true");
    if (silo) {
        agattr(g, AGRAPH, "K", "0.6");
        agattr(g, AGRAPH, "style", "rounded,filled");
        agattr(g, AGRAPH, "color", "#888888");
        agattr(g, AGRAPH, "fillcolor", "#FFFFFF");
        agattr(g, AGRAPH, "penwidth", "1.2");
        agattr(g, AGRAPH, "nodesep", "0.12");
        agattr(g, AGRAPH, "ranksep", "0.3");
        agattr(g, AGRAPH, "newrank", "true");
    }
    agattr(g, AGEDGE, "arrowsize", "0.4");
}

static const char *actor_text(const mapctx *c, size_t i)
{
    return c->label_col >= 0 && c->net->attr_values[c->label_col][i][0]
               ? c->net->attr_values[c->label_col][i]
               : c->net->ids[i];
}

static double node_width(const mapctx *c, size_t i)
{
    return 0.14 + (c->maxv > 0 ? 0.56 * sqrt(c->size[i] / c->maxv) : 0.08);
}

/* The nodes, inside one cluster per group for the silo view. */
static bm_status map_nodes(mapctx *c, Agraph_t *g, Agnode_t **nodes)
{
    const bm_render_options *opt = c->opt;
    char buf[128];
    size_t max_labels = opt->max_labels ? opt->max_labels : c->drawn_n <= 60 ? c->drawn_n : 30;
    size_t k = c->gr ? c->gr->n_groups : 0;
    Agraph_t **cluster = NULL;
    if (opt->view == BM_MAP_SILO && k) {
        if (!(cluster = calloc(k, sizeof *cluster)))
            return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    size_t labelled = 0;
    bm_status st = BM_OK;
    for (size_t r = 0; r < c->n; r++) {
        size_t i = c->rank[r].idx;
        if (!c->drawn[i])
            continue;
        long grp = c->gr ? c->gr->of[i] : -1;
        Agraph_t *home = g;
        if (cluster && grp >= 0) {
            if (!cluster[grp]) {
                snprintf(buf, sizeof buf, "cluster_%ld", grp);
                cluster[grp] = agsubg(g, buf, 1);
                c->b.len = 0;
                bm_i_sb_label(&c->b, c->gr->names[grp]);
                if (c->b.oom)
                    break;
                agsafeset(cluster[grp], "label", c->b.s, "");
                agsafeset(cluster[grp], "labelloc", "t", "");
                agsafeset(cluster[grp], "fontsize", "14", "");
                snprintf(buf, sizeof buf, "%s", bm_render_group_colour(c->gr, grp));
                agsafeset(cluster[grp], "color", buf, "");
                snprintf(buf, sizeof buf, "%s18", bm_render_group_colour(c->gr, grp));
                agsafeset(cluster[grp], "fillcolor", buf, "");
            }
            home = cluster[grp];
        }
        snprintf(buf, sizeof buf, "n%zu", i);
        nodes[i] = agnode(home, buf, 1);
        double w = node_width(c, i);
        if (opt->focus >= 0 && (long)i == opt->focus && w < 0.45)
            w = 0.45;
        snprintf(buf, sizeof buf, "%.3f", w);
        agsafeset(nodes[i], "width", buf, "");
        agsafeset(nodes[i], "height", buf, "");
        if (c->sh) {
            long sg = c->sh->of[i];
            size_t sr = sg >= 0 ? group_rank(c->sh, (size_t)sg) : SHAPES_N;
            agsafeset(nodes[i], "shape", (char *)(sg < 0 ? "circle" : sr < SHAPES_N ? shapes[sr] : OTHER_SHAPE), "");
        }
        agsafeset(nodes[i], "fillcolor", (char *)bm_render_group_colour(c->gr, grp), "");
        if (opt->focus >= 0 && (long)i == opt->focus) {
            agsafeset(nodes[i], "penwidth", "2.5", "");
            agsafeset(nodes[i], "color", "#000000", "");
        }
        c->b.len = 0;
        bm_i_sb_label(&c->b, actor_text(c, i));
        if (labelled < max_labels || (opt->focus >= 0 && (long)i == opt->focus)) {
            agsafeset(nodes[i], "xlabel", c->b.s, "");
            labelled++;
        }
        if (c->gr && grp >= 0) {
            bm_i_sb_str(&c->b, " (");
            bm_i_sb_label(&c->b, c->gr->names[grp]);
            bm_i_sb_str(&c->b, ")");
        }
        if (c->b.oom)
            break;
        agsafeset(nodes[i], "tooltip", c->b.s, "");
    }
    if (c->b.oom)
        st = bm_error_set(BM_EINTERNAL, "out of memory");
    free(cluster);
    return st;
}

/* Ties: width by weight (log scale); inside a group its colour, thin;
 * across groups dark and solid, so they stand out; ego map: ties beyond
 * the focus's own dashed and light. */
static void map_edges(mapctx *c, Agraph_t *g, Agnode_t **nodes)
{
    const igraph_t *ig = &c->net->graph;
    char buf[64];
    double maxw = 0;
    for (size_t e = 0; e < c->m; e++)
        if (VECTOR(c->net->weight)[e] > maxw)
            maxw = VECTOR(c->net->weight)[e];
    for (size_t e = 0; e < c->m; e++) {
        size_t a = (size_t)IGRAPH_FROM(ig, (igraph_integer_t)e);
        size_t b = (size_t)IGRAPH_TO(ig, (igraph_integer_t)e);
        if (!c->drawn[a] || !c->drawn[b])
            continue;
        Agedge_t *edge = agedge(g, nodes[a], nodes[b], NULL, 1);
        double w = VECTOR(c->net->weight)[e];
        double pw = 0.6 + (maxw > 1 ? 2.4 * log1p(w) / log1p(maxw) : 0.6);
        long ga = c->gr ? c->gr->of[a] : -1, gb = c->gr ? c->gr->of[b] : -1;
        if (ga >= 0 && gb >= 0) {
            if (ga == gb) {
                const char *col = bm_render_group_colour(c->gr, ga);
                snprintf(buf, sizeof buf, "%s90", strcmp(col, OTHER_COLOUR) ? col : "#999999");
                pw *= 0.8;
                c->inside_drawn++;
            } else {
                snprintf(buf, sizeof buf, "#202020D0");
                pw += 0.4;
                c->cross_drawn++;
            }
            agsafeset(edge, "color", buf, "");
        }
        if (c->opt->focus >= 0 && (long)a != c->opt->focus && (long)b != c->opt->focus) {
            agsafeset(edge, "style", "dashed", "");
            pw *= 0.7;
        }
        snprintf(buf, sizeof buf, "%.2f", pw);
        agsafeset(edge, "penwidth", buf, "");
    }
}

static void legend_row(bm_sbuf *b, const char *glyph_colour, const char *glyph, const char *text_html)
{
    bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\">");
    if (glyph) {
        bm_i_sb_printf(b, "<FONT COLOR=\"%s\" POINT-SIZE=\"16\">%s&#160;</FONT>", glyph_colour, glyph);
    }
    bm_i_sb_str(b, text_html);
    bm_i_sb_str(b, "</TD></TR>");
}

/* The automatic caption: the inputs, the date range, the size. */
static void caption(bm_sbuf *b, const bm_network *net)
{
    size_t ni = bm_network_input_count(net);
    for (size_t k = 0; k < ni; k++) {
        const char *p = bm_network_input_path(net, k);
        const char *base = strrchr(p, '/');
        bm_i_sb_str(b, k ? ", " : "");
        bm_i_sb_html(b, base ? base + 1 : p);
    }
    const char *d0 = bm_network_first_date(net), *d1 = bm_network_last_date(net);
    if (d0 && d1 && d0[0])
        bm_i_sb_printf(b, "%s%s to %s", ni ? "; " : "", d0, d1);
    bm_i_sb_printf(b, "%s%zu actors, %zu ties", ni || (d0 && d0[0]) ? "; " : "", net->n_actors,
                   (size_t)igraph_ecount(&net->graph));
}

/* The roles an ego plays (Gould & Fernandez 1989), from the actors table. */
static void ego_roles(bm_sbuf *b, const mapctx *c)
{
    static const char *const roles[] = {"coordinator", "itinerant", "representative",
                                        "gatekeeper", "liaison"};
    const bm_table *t = c->opt->actors;
    size_t i = (size_t)c->opt->focus;
    size_t direct = 0, reach = 0;
    for (size_t v = 0; v < c->n; v++) {
        direct += c->hops[v] == 1;
        reach += c->hops[v] > 0;
    }
    bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\"><B>");
    bm_i_sb_html(b, actor_text(c, i));
    bm_i_sb_str(b, "</B>");
    if (c->gr && c->gr->of[i] >= 0) {
        bm_i_sb_str(b, "&#160;(");
        bm_i_sb_html(b, c->gr->names[c->gr->of[i]]);
        bm_i_sb_str(b, ")");
    }
    unsigned radius = c->opt->radius ? c->opt->radius : 1;
    bm_i_sb_printf(b, ": %zu direct contact%s, %zu actor%s within %u step%s</TD></TR>", direct,
                   direct == 1 ? "" : "s", reach, reach == 1 ? "" : "s", radius, radius == 1 ? "" : "s");
    if (!t || bm_table_find(t, "brokerage_liaison") < 0)
        return;
    bm_sbuf line = {0};
    int strong = 0;
    for (size_t r = 0; r < 5; r++) {
        char name[64];
        snprintf(name, sizeof name, "brokerage_%s", roles[r]);
        long cc = bm_table_find(t, name);
        snprintf(name, sizeof name, "brokerage_%s_z", roles[r]);
        long cz = bm_table_find(t, name);
        if (cc < 0)
            continue;
        double v = bm_table_number(t, (size_t)cc, i);
        double z = cz >= 0 ? bm_table_number(t, (size_t)cz, i) : NAN;
        bm_i_sb_printf(&line, "%s%s %.0f", r ? ", " : "", roles[r], isfinite(v) ? v : 0);
        if (isfinite(z) && z >= 1.96) {
            bm_i_sb_printf(&line, " (z %.1f)", z);
            strong++;
        }
    }
    if (!line.oom && line.s) {
        bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Brokerage roles (Gould &amp; "
                       "Fernandez 1989; a z-score of 1.96 or more marks a broker):</FONT></TD></TR>"
                       "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">");
        bm_i_sb_str(b, line.s);
        bm_i_sb_str(b, strong ? "" : "; no role above chance");
        bm_i_sb_str(b, "</FONT></TD></TR>");
    }
    b->oom |= line.oom;
    free(line.s);
}

/* Legend: an HTML-like table in the graph label. One cell per entry, a
 * glyph before the name: a two-column table would spread its columns to
 * the legend's width. */
static void map_legend(mapctx *c)
{
    const bm_render_options *opt = c->opt;
    bm_sbuf *b = &c->b;
    b->len = 0;
    bm_i_sb_str(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">");
    if (opt->title) {
        bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>");
        bm_i_sb_html(b, opt->title);
        bm_i_sb_str(b, "</B></FONT></TD></TR>");
    }
    bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"#555555\">");
    if (opt->caption)
        bm_i_sb_html(b, opt->caption);
    else
        caption(b, c->net);
    if (opt->view == BM_MAP_SILO)
        bm_i_sb_str(b, "; silo view: one box per group");
    bm_i_sb_str(b, "</FONT></TD></TR>");
    if (opt->focus >= 0)
        ego_roles(b, c);
    bm_sbuf t = {0};
    if (c->gr) {
        const bm_grouping *gr = c->gr;
        size_t *order = groups_by_rank(gr);
        if (!order) {
            b->oom = 1;
            return;
        }
        bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\"><B>Colour: ");
        bm_i_sb_html(b, gr->column);
        bm_i_sb_str(b, "</B></TD></TR>");
        size_t other = 0, others = 0, nogroup = 0;
        for (size_t r = 0; r < gr->n_groups; r++) {
            size_t gi = order[r];
            if (r >= PALETTE_N) {
                other += gr->sizes[gi];
                others++;
                continue;
            }
            t.len = 0;
            bm_i_sb_html(&t, gr->names[gi]);
            bm_i_sb_printf(&t, " (%zu)", gr->sizes[gi]);
            if (!t.oom)
                legend_row(b, bm_render_group_colour(gr, (long)gi), "\xE2\x97\x8F", t.s);
        }
        free(order);
        for (size_t i = 0; i < c->n; i++)
            nogroup += gr->of[i] < 0;
        if (other) {
            t.len = 0;
            bm_i_sb_printf(&t, "%zu other groups (%zu actors)", others, other);
            legend_row(b, OTHER_COLOUR, "\xE2\x97\x8F", t.s);
        }
        if (nogroup) {
            t.len = 0;
            bm_i_sb_printf(&t, "no ");
            bm_i_sb_html(&t, gr->column);
            bm_i_sb_printf(&t, " given (%zu)", nogroup);
            legend_row(b, "#333333", "\xE2\x97\x8B", t.s);
        }
        bm_i_sb_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Dark lines: %zu ties "
                       "across groups; coloured lines: %zu ties inside a group</FONT></TD></TR>",
                       c->cross_drawn, c->inside_drawn);
    }
    if (c->sh) {
        const bm_grouping *sh = c->sh;
        size_t *order = groups_by_rank(sh);
        if (!order) {
            b->oom = 1;
            free(t.s);
            return;
        }
        bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\"><B>Shape: ");
        bm_i_sb_html(b, sh->column);
        bm_i_sb_str(b, "</B></TD></TR>");
        size_t other = 0;
        for (size_t r = 0; r < sh->n_groups; r++) {
            size_t gi = order[r];
            if (r >= SHAPES_N) {
                other += sh->sizes[gi];
                continue;
            }
            t.len = 0;
            bm_i_sb_html(&t, sh->names[gi]);
            bm_i_sb_printf(&t, " (%zu)", sh->sizes[gi]);
            if (!t.oom)
                legend_row(b, "#444444", shape_glyphs[r], t.s);
        }
        free(order);
        if (other) {
            t.len = 0;
            bm_i_sb_printf(&t, "other values (%zu)", other);
            legend_row(b, "#444444", OTHER_GLYPH, t.s);
        }
    }
    if (c->maxv > 0) {
        /* three reference sizes: the largest value, a quarter and a
         * sixteenth of it (circle widths 0.70, 0.42 and 0.28 inch at 72
         * points per inch; the disc glyph is about 0.62 em wide) */
        bm_i_sb_str(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Circle size: ");
        bm_i_sb_html(b, c->size_col >= 0 ? opt->size_by : "number of ties");
        bm_i_sb_str(b, " (area); line width: tie weight</FONT></TD></TR><TR><TD ALIGN=\"LEFT\">");
        const double frac[3] = {1.0, 0.25, 0.0625};
        for (int s = 0; s < 3; s++) {
            double wv = 0.14 + 0.56 * sqrt(frac[s]);
            char num[32];
            bm_format_number(num, frac[s] * c->maxv);
            bm_i_sb_printf(b, "<FONT COLOR=\"#777777\" POINT-SIZE=\"%.0f\">\xE2\x97\x8F</FONT>"
                           "<FONT POINT-SIZE=\"9\">&#160;%.4g&#160;&#160;</FONT>",
                           wv * 72.0 / 0.62, strtod(num, NULL));
        }
        bm_i_sb_str(b, "</TD></TR>");
    }
    if (c->drawn_n < c->n && opt->focus < 0) {
        bm_i_sb_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">Showing %zu of %zu "
                       "actors: grown from the one with the largest ", c->drawn_n, c->n);
        bm_i_sb_html(b, c->size_col >= 0 ? opt->size_by : "number of ties");
        bm_i_sb_str(b, " along ties, the largest next, and the ties among them (a map of every "
                       "actor would be a hairball; see the group map); group counts are of all "
                       "actors</FONT></TD></TR>");
    }
    bm_i_sb_str(b, "</TABLE>");
    b->oom |= t.oom;
    free(t.s);
}

bm_status bm_render_map(const bm_network *net, const bm_render_options *opt, const char *path)
{
    bm_status st = BM_OK;
    const char *format = bm_i_gv_format(path);
    if (!format)
        return bm_error_set(BM_EUSAGE, "%s: unknown map format (use .svg, .png, .pdf or .dot)", path);
    mapctx c;
    memset(&c, 0, sizeof c);
    c.net = net;
    c.opt = opt;
    c.gr = opt->grouping;
    c.sh = opt->shapes;
    c.n = net->n_actors;
    c.m = (size_t)igraph_ecount(&net->graph);
    GVC_t *gvc = NULL;
    Agraph_t *g = NULL;
    size_t n1 = c.n ? c.n : 1;
    Agnode_t **nodes = calloc(n1, sizeof *nodes);
    c.size = malloc(n1 * sizeof *c.size);
    c.rank = malloc(n1 * sizeof *c.rank);
    c.drawn = calloc(n1, 1);
    if (!nodes || !c.size || !c.rank || !c.drawn) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    if ((st = map_sizes(&c)) != BM_OK || (st = map_select(&c)) != BM_OK)
        goto done;
    if (opt->label_by) {
        if ((c.label_col = bm_network_attr_find(net, opt->label_by)) < 0) {
            st = bm_error_set(BM_EUSAGE, "--label-by: no actor column '%s'", opt->label_by);
            goto done;
        }
    } else {
        c.label_col = bm_network_label_attr(net);
    }
    int silo = opt->view == BM_MAP_SILO && c.gr;
    agseterrf(bm_i_gv_error_sink);
    agseterr(AGERR);
    gv_message[0] = '\0';
    gvc = bm_i_gv_context();
    g = bm_i_gv_open("bridgemap", net->directed ? Agdirected : Agundirected);
    if (!gvc || !g) {
        st = bm_error_set(BM_EINTERNAL, "Graphviz: cannot create a graph");
        goto done;
    }
    map_graph_attributes(g, opt, format, silo);
    if ((st = map_nodes(&c, g, nodes)) != BM_OK)
        goto done;
    map_edges(&c, g, nodes);
    map_legend(&c);
    if (c.b.oom) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    agset(g, "label", agstrdup_html(g, c.b.s));
    /* neato for the whole map and the ego map (at most BM_MAP_MAX_ACTORS
     * nodes); dot, which draws clusters, for the silo view (fdp draws them
     * too, but Graphviz 2.42's fdp gives another layout on each run, even
     * with start set) */
    st = bm_i_gv_write(gvc, g, silo ? "dot" : "neato", path);
done:
    if (g)
        agclose(g);
    free(c.b.s);
    free(nodes);
    free(c.size);
    free(c.rank);
    free(c.drawn);
    free(c.hops);
    return st;
}
