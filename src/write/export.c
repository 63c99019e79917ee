/* export.c: the network with its attributes and measures as GraphML, GEXF
 * 1.2 or Kumu JSON, for Gephi, yEd, NetworkX and Kumu (bridgemap/export.h).
 *
 * A writer reads tables and never computes a measure: the columns come from
 * the actor and tie tables exactly as actors.csv and ties.csv have them, so
 * an export and the CSV files cannot disagree. Each format first turns the
 * columns into a list of output columns (unique names, a type each), then
 * writes one node per actor and one edge per tie in network order. XML is
 * written by hand, because no library on the dependency list writes it,
 * through one escaping function; JSON goes through cJSON (as output.c), its
 * numbers given as raw text in the shortest round-trip form. Every file goes
 * through a temporary name (bm_i_open_temp / bm_i_close_temp). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bridgemap/export.h"
#include "bridgemap/render.h"
#include "internal.h"

int bm_export_format_parse(const char *name, bm_export_format *out)
{
    static const struct {
        const char *name, *ext;
        bm_export_format fmt;
    } known[] = {{"graphml", ".graphml", BM_EXPORT_GRAPHML},
                 {"gexf", ".gexf", BM_EXPORT_GEXF},
                 {"kumu", ".json", BM_EXPORT_KUMU}};
    if (!name)
        return -1;
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash + 1 : name, '.');
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
        if (strcasecmp(name, known[k].name) == 0 || (dot && strcasecmp(dot, known[k].ext) == 0)) {
            *out = known[k].fmt;
            return 0;
        }
    return -1;
}

/* ---- output columns ------------------------------------------------------ */

typedef enum { K_STRING, K_INT, K_DOUBLE, K_BOOL } col_kind;
typedef enum {
    SRC_ID,          /* the actor id (Kumu's "id") */
    SRC_LABEL,       /* the name-like column, else the id */
    SRC_GROUP,       /* the grouping's group name; omitted without one */
    SRC_ATTR,        /* network attribute `index` (no actors table) */
    SRC_TABLE,       /* column `index` of table t */
    SRC_TIE_WEIGHT,  /* no ties table: the network's weight and count */
    SRC_TIE_COUNT
} col_source;

typedef struct out_col {
    char *name; /* unique (ASCII case ignored) among the columns of its set */
    col_source src;
    const bm_table *t;
    size_t index;
    col_kind kind;
} out_col;

typedef struct col_set {
    out_col *v;
    size_t n, cap;
} col_set;

static void cols_free(col_set *cs)
{
    for (size_t i = 0; i < cs->n; i++)
        free(cs->v[i].name);
    free(cs->v);
    memset(cs, 0, sizeof *cs);
}

static int name_taken(const col_set *cs, const char *const *reserved, const char *name)
{
    for (size_t i = 0; reserved && reserved[i]; i++)
        if (strcasecmp(reserved[i], name) == 0)
            return 1;
    for (size_t i = 0; i < cs->n; i++)
        if (strcasecmp(cs->v[i].name, name) == 0)
            return 1;
    return 0;
}

/* Appends a column named base, or base_2, base_3, ... when base is taken by
 * an earlier column or a reserved name of the format. */
static bm_status cols_add(col_set *cs, const char *const *reserved, const char *base, col_source src,
                          const bm_table *t, size_t index, col_kind kind)
{
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? 2 * cs->cap : 32;
        out_col *v = realloc(cs->v, cap * sizeof *v);
        if (!v)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        cs->v = v;
        cs->cap = cap;
    }
    size_t len = strlen(base) + 24;
    char *name = malloc(len);
    if (!name)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    snprintf(name, len, "%s", base);
    for (unsigned k = 2; name_taken(cs, reserved, name); k++)
        snprintf(name, len, "%s_%u", base, k);
    cs->v[cs->n++] = (out_col){name, src, t, index, kind};
    return BM_OK;
}

/* "_z" as a name part: brokerage_liaison_z, brokerage_liaison_z_unit. */
static int has_z_part(const char *name)
{
    for (const char *p = strstr(name, "_z"); p; p = strstr(p + 1, "_z"))
        if (p[2] == '\0' || p[2] == '_')
            return 1;
    return 0;
}

/* The type of number column c of t: integers for the counts, booleans for
 * the 0/1 facts, doubles otherwise; a column whose values do not fit its
 * type (a count that is not whole) falls back to double. */
static col_kind number_kind(const bm_table *t, size_t c)
{
    static const char *const ints[] = {"degree", "in_degree", "out_degree", "coreness", "community",
                                       "count", "activities", NULL};
    static const char *const bools[] = {"articulation", "cross_group", "bridge", NULL};
    const char *name = bm_table_col_name(t, c);
    col_kind k = K_DOUBLE;
    for (size_t i = 0; ints[i]; i++)
        if (strcmp(name, ints[i]) == 0)
            k = K_INT;
    for (size_t i = 0; bools[i]; i++)
        if (strcmp(name, bools[i]) == 0)
            k = K_BOOL;
    if (strncmp(name, "brokerage_", 10) == 0 && !strstr(name, "_expected") && !has_z_part(name))
        k = K_INT;
    for (size_t r = 0; r < bm_table_rows(t) && k != K_DOUBLE; r++) {
        double x = bm_table_number(t, c, r);
        if (isnan(x))
            continue;
        if (k == K_INT && (!(fabs(x) <= 9007199254740992.0) || x != floor(x)))
            k = K_DOUBLE;
        if (k == K_BOOL && x != 0 && x != 1)
            k = K_DOUBLE;
    }
    return k;
}

/* Which attribute (index) a column of the actors table is, or -1 (a measure). */
static long table_attr(const bm_network *net, const bm_table *actors, size_t c)
{
    size_t na = bm_network_attr_count(net);
    if (c >= 1 && c <= na && bm_table_col_type(actors, c) == BM_COL_TEXT &&
        strcmp(bm_table_col_name(actors, c), bm_network_attr_name(net, c - 1)) == 0)
        return (long)c - 1;
    return -1;
}

/* The node columns after the format's own (already in cs): every column of
 * actors but "id" (or the network's attributes without actors), leaving out
 * the attributes skip_a and skip_b (-1: none), which the format's own
 * columns already carry. */
static bm_status node_columns(col_set *cs, const char *const *reserved, const bm_network *net,
                              const bm_table *actors, long skip_a, long skip_b)
{
    bm_status st = BM_OK;
    if (!actors) {
        for (size_t a = 0; a < bm_network_attr_count(net) && st == BM_OK; a++)
            if ((long)a != skip_a && (long)a != skip_b)
                st = cols_add(cs, reserved, bm_network_attr_name(net, a), SRC_ATTR, NULL, a, K_STRING);
        return st;
    }
    for (size_t c = 1; c < bm_table_cols(actors) && st == BM_OK; c++) {
        long a = table_attr(net, actors, c);
        if (a >= 0 && (a == skip_a || a == skip_b))
            continue;
        col_kind k = bm_table_col_type(actors, c) == BM_COL_TEXT ? K_STRING : number_kind(actors, c);
        st = cols_add(cs, reserved, bm_table_col_name(actors, c), SRC_TABLE, actors, c, k);
    }
    return st;
}

/* The edge columns: every column of ties but source and target (and weight
 * when skip_weight: GEXF has it as an XML attribute), or weight and count. */
static bm_status edge_columns(col_set *cs, const char *const *reserved, const bm_table *ties,
                              int skip_weight)
{
    bm_status st = BM_OK;
    if (!ties) {
        if (!skip_weight)
            st = cols_add(cs, reserved, "weight", SRC_TIE_WEIGHT, NULL, 0, K_DOUBLE);
        if (st == BM_OK)
            st = cols_add(cs, reserved, "count", SRC_TIE_COUNT, NULL, 0, K_INT);
        return st;
    }
    for (size_t c = 0; c < bm_table_cols(ties) && st == BM_OK; c++) {
        const char *name = bm_table_col_name(ties, c);
        if (strcmp(name, "source") == 0 || strcmp(name, "target") == 0 ||
            (skip_weight && strcmp(name, "weight") == 0))
            continue;
        col_kind k = bm_table_col_type(ties, c) == BM_COL_TEXT ? K_STRING : number_kind(ties, c);
        st = cols_add(cs, reserved, name, SRC_TABLE, ties, c, k);
    }
    return st;
}

/* What the writers need besides the columns. */
typedef struct export_ctx {
    const bm_network *net;
    const bm_grouping *grouping;
    const bm_table *ties;
    long label_attr;  /* bm_network_label_attr */
    long weight_col;  /* of ties, or -1 */
    double *size;     /* GEXF: viz:size per actor; NULL otherwise */
} export_ctx;

static const char *actor_label(const export_ctx *x, size_t i)
{
    if (x->label_attr >= 0) {
        const char *v = bm_network_attr_value(x->net, (size_t)x->label_attr, i);
        if (v[0])
            return v;
    }
    return bm_network_actor_id(x->net, i);
}

static double tie_weight(const export_ctx *x, size_t e)
{
    if (x->weight_col >= 0)
        return bm_table_number(x->ties, (size_t)x->weight_col, e);
    size_t a, b;
    double w;
    long count;
    bm_network_tie(x->net, e, &a, &b, &w, &count);
    return w;
}

/* Column col of row r: text (kind K_STRING; NULL when left out: an empty
 * group) or a number (NaN when undefined). */
static const char *col_text(const export_ctx *x, const out_col *col, size_t r)
{
    switch (col->src) {
    case SRC_ID: return bm_network_actor_id(x->net, r);
    case SRC_LABEL: return actor_label(x, r);
    case SRC_GROUP: {
        long k = x->grouping ? bm_grouping_of(x->grouping, r) : -1;
        return k >= 0 ? bm_grouping_name(x->grouping, (size_t)k) : NULL;
    }
    case SRC_ATTR: return bm_network_attr_value(x->net, col->index, r);
    case SRC_TABLE: return bm_table_text(col->t, col->index, r);
    default: return NULL;
    }
}

static double col_number(const export_ctx *x, const out_col *col, size_t r)
{
    size_t a, b;
    double w;
    long count;
    switch (col->src) {
    case SRC_TABLE: return bm_table_number(col->t, col->index, r);
    case SRC_TIE_WEIGHT:
    case SRC_TIE_COUNT:
        bm_network_tie(x->net, r, &a, &b, &w, &count);
        return col->src == SRC_TIE_WEIGHT ? w : (double)count;
    default: return NAN;
    }
}

/* A number as its type writes it; "" for NaN (the caller leaves it out). */
static void format_value(char buf[32], col_kind kind, double x, int xml)
{
    if (isnan(x))
        buf[0] = '\0';
    else if (kind == K_BOOL)
        strcpy(buf, x != 0 ? "true" : "false");
    else if (kind == K_INT)
        snprintf(buf, 32, "%.0f", x);
    else if (isinf(x))
        strcpy(buf, xml ? (x > 0 ? "INF" : "-INF") : "");
    else
        bm_format_number(buf, x);
}

/* ---- XML ------------------------------------------------------------------ */

/* Writes s as XML text or attribute value: & < > " as entities, tab, LF and
 * CR as character references (attribute values would turn them into
 * spaces, and a parser turns a literal CR into LF); what XML 1.0 forbids
 * (other C0 controls, U+FFFE, U+FFFF) and bytes that are not UTF-8 become
 * U+FFFD. Write errors surface through ferror (bm_i_close_temp). */
static void xml_put(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *run = p;
    while (*p) {
        unsigned char c = *p;
        const char *rep = NULL;
        size_t n = 1;
        if (c < 0x80) {
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\t': rep = "&#9;"; break;
            case '\n': rep = "&#10;"; break;
            case '\r': rep = "&#13;"; break;
            default: rep = c < 0x20 ? "\xEF\xBF\xBD" : NULL; break;
            }
        } else {
            /* RFC 3629: the lead byte gives the length; E0, ED, F0, F4 bound
             * the second byte (no overlong forms, no surrogates, <= U+10FFFF) */
            unsigned char lo = 0x80, hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF)
                n = 2;
            else if (c >= 0xE0 && c <= 0xEF)
                n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            else if (c >= 0xF0 && c <= 0xF4)
                n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            else
                n = 0;
            for (size_t k = 1; k < n; k++)
                if (p[k] < (k == 1 ? lo : 0x80) || p[k] > (k == 1 ? hi : 0xBF))
                    n = 0;
            if (n == 3 && c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
                n = 0; /* U+FFFE, U+FFFF: not XML characters */
            if (n == 0) {
                rep = "\xEF\xBF\xBD";
                n = 1;
            }
        }
        if (rep) {
            fwrite(run, 1, (size_t)(p - run), f);
            fputs(rep, f);
            run = p + n;
        }
        p += n;
    }
    fwrite(run, 1, (size_t)(p - run), f);
}

static const char *xml_type(col_kind k, int gexf)
{
    switch (k) {
    case K_INT: return gexf ? "integer" : "int";
    case K_DOUBLE: return "double";
    case K_BOOL: return "boolean";
    default: return "string";
    }
}

/* The value of col for row r as XML text, or NULL when left out (NaN, an
 * empty cell). */
static const char *xml_value(const export_ctx *x, const out_col *col, size_t r, char buf[32])
{
    if (col->kind == K_STRING) {
        const char *s = col_text(x, col, r);
        return s && s[0] ? s : NULL;
    }
    format_value(buf, col->kind, col_number(x, col, r), 1);
    return buf[0] ? buf : NULL;
}

static void write_graphml(FILE *f, const export_ctx *x, const col_set *nodes, const col_set *edges)
{
    const bm_network *net = x->net;
    char buf[32];
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<!-- written by bridgemap %s -->\n"
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
               "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
            bm_version());
    for (size_t k = 0; k < nodes->n + edges->n; k++) {
        const out_col *col = k < nodes->n ? &nodes->v[k] : &edges->v[k - nodes->n];
        fprintf(f, "  <key id=\"d%zu\" for=\"%s\" attr.name=\"", k, k < nodes->n ? "node" : "edge");
        xml_put(f, col->name);
        fprintf(f, "\" attr.type=\"%s\"/>\n", xml_type(col->kind, 0));
    }
    fprintf(f, "  <graph id=\"G\" edgedefault=\"%s\">\n",
            bm_network_is_directed(net) ? "directed" : "undirected");
    for (size_t i = 0; i < bm_network_actor_count(net); i++) {
        fputs("    <node id=\"", f);
        xml_put(f, bm_network_actor_id(net, i));
        fputs("\">\n", f);
        for (size_t k = 0; k < nodes->n; k++) {
            const char *v = xml_value(x, &nodes->v[k], i, buf);
            if (!v)
                continue;
            fprintf(f, "      <data key=\"d%zu\">", k);
            xml_put(f, v);
            fputs("</data>\n", f);
        }
        fputs("    </node>\n", f);
    }
    for (size_t e = 0; e < bm_network_tie_count(net); e++) {
        size_t a, b;
        bm_network_tie(net, e, &a, &b, NULL, NULL);
        fprintf(f, "    <edge id=\"e%zu\" source=\"", e);
        xml_put(f, bm_network_actor_id(net, a));
        fputs("\" target=\"", f);
        xml_put(f, bm_network_actor_id(net, b));
        fputs("\">\n", f);
        for (size_t k = 0; k < edges->n; k++) {
            const char *v = xml_value(x, &edges->v[k], e, buf);
            if (!v)
                continue;
            fprintf(f, "      <data key=\"d%zu\">", nodes->n + k);
            xml_put(f, v);
            fputs("</data>\n", f);
        }
        fputs("    </edge>\n", f);
    }
    fputs("  </graph>\n</graphml>\n", f);
}

static void gexf_attvalues(FILE *f, const export_ctx *x, const col_set *cs, size_t id0, size_t r)
{
    char buf[32];
    int open = 0;
    for (size_t k = 0; k < cs->n; k++) {
        const char *v = xml_value(x, &cs->v[k], r, buf);
        if (!v)
            continue;
        if (!open)
            fputs("        <attvalues>\n", f);
        open = 1;
        fprintf(f, "          <attvalue for=\"%zu\" value=\"", id0 + k);
        xml_put(f, v);
        fputs("\"/>\n", f);
    }
    if (open)
        fputs("        </attvalues>\n", f);
}

static void write_gexf(FILE *f, const export_ctx *x, const col_set *nodes, const col_set *edges)
{
    const bm_network *net = x->net;
    char buf[32];
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
               "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
               "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
               "  <meta>\n    <creator>bridgemap %s</creator>\n  </meta>\n",
            bm_version());
    fprintf(f, "  <graph mode=\"static\" defaultedgetype=\"%s\">\n",
            bm_network_is_directed(net) ? "directed" : "undirected");
    /* attribute ids: 0 .. nodes-1 for nodes, then on for edges */
    for (int cls = 0; cls < 2; cls++) {
        const col_set *cs = cls ? edges : nodes;
        if (!cs->n)
            continue;
        fprintf(f, "    <attributes class=\"%s\" mode=\"static\">\n", cls ? "edge" : "node");
        for (size_t k = 0; k < cs->n; k++) {
            fprintf(f, "      <attribute id=\"%zu\" title=\"", (cls ? nodes->n : 0) + k);
            xml_put(f, cs->v[k].name);
            fprintf(f, "\" type=\"%s\"/>\n", xml_type(cs->v[k].kind, 1));
        }
        fputs("    </attributes>\n", f);
    }
    fputs("    <nodes>\n", f);
    for (size_t i = 0; i < bm_network_actor_count(net); i++) {
        fputs("      <node id=\"", f);
        xml_put(f, bm_network_actor_id(net, i));
        fputs("\" label=\"", f);
        xml_put(f, actor_label(x, i));
        fputs("\">\n", f);
        gexf_attvalues(f, x, nodes, 0, i);
        const char *hex = bm_render_group_colour(x->grouping,
                                                 x->grouping ? bm_grouping_of(x->grouping, i) : 0);
        unsigned r = 0, g = 0, b = 0;
        if (sscanf(hex, "#%2x%2x%2x", &r, &g, &b) == 3)
            fprintf(f, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", r, g, b);
        bm_format_number(buf, x->size[i]);
        fprintf(f, "        <viz:size value=\"%s\"/>\n      </node>\n", buf);
    }
    fputs("    </nodes>\n    <edges>\n", f);
    for (size_t e = 0; e < bm_network_tie_count(net); e++) {
        size_t a, b;
        bm_network_tie(net, e, &a, &b, NULL, NULL);
        fprintf(f, "      <edge id=\"%zu\" source=\"", e);
        xml_put(f, bm_network_actor_id(net, a));
        fputs("\" target=\"", f);
        xml_put(f, bm_network_actor_id(net, b));
        fputc('"', f);
        double w = tie_weight(x, e);
        if (isfinite(w)) {
            bm_format_number(buf, w);
            fprintf(f, " weight=\"%s\"", buf);
        }
        fputs(">\n", f);
        gexf_attvalues(f, x, edges, nodes->n, e);
        fputs("      </edge>\n", f);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
}

/* ---- Kumu JSON ------------------------------------------------------------ */

static cJSON *json_value(const export_ctx *x, const out_col *col, size_t r)
{
    char buf[32];
    if (col->kind == K_STRING) {
        const char *s = col_text(x, col, r);
        return s ? cJSON_CreateString(s) : NULL;
    }
    double v = col_number(x, col, r);
    if (!isfinite(v))
        return cJSON_CreateNull();
    if (col->kind == K_BOOL)
        return cJSON_CreateBool(v != 0);
    format_value(buf, col->kind, v, 0);
    return cJSON_CreateRaw(buf);
}

/* Adds the columns of cs for row r to object o; 0 when out of memory. A
 * NULL value (a group-less actor's type) is left out. */
static int json_fill(cJSON *o, const export_ctx *x, const col_set *cs, size_t r)
{
    for (size_t k = 0; k < cs->n; k++) {
        const out_col *col = &cs->v[k];
        if (col->kind == K_STRING && col->src == SRC_GROUP && !col_text(x, col, r))
            continue;
        cJSON *v = json_value(x, col, r);
        if (!v || !cJSON_AddItemToObject(o, col->name, v)) {
            cJSON_Delete(v);
            return 0;
        }
    }
    return 1;
}

static bm_status write_kumu(FILE *f, const char *path, const export_ctx *x, const col_set *nodes,
                            const col_set *edges)
{
    const bm_network *net = x->net;
    bm_status st = BM_OK;
    char *text = NULL;
    cJSON *root = cJSON_CreateObject();
    cJSON *els = root ? cJSON_AddArrayToObject(root, "elements") : NULL;
    cJSON *cons = els ? cJSON_AddArrayToObject(root, "connections") : NULL;
    const char *dir = bm_network_is_directed(net) ? "directed" : "undirected";
    if (!cons)
        goto oom;
    for (size_t i = 0; i < bm_network_actor_count(net); i++) {
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(els, o)) {
            cJSON_Delete(o);
            goto oom;
        }
        if (!json_fill(o, x, nodes, i))
            goto oom;
    }
    for (size_t e = 0; e < bm_network_tie_count(net); e++) {
        size_t a, b;
        char buf[32];
        double w = tie_weight(x, e);
        bm_network_tie(net, e, &a, &b, NULL, NULL);
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(cons, o)) {
            cJSON_Delete(o);
            goto oom;
        }
        bm_format_number(buf, w);
        if (!cJSON_AddStringToObject(o, "from", bm_network_actor_id(net, a)) ||
            !cJSON_AddStringToObject(o, "to", bm_network_actor_id(net, b)) ||
            !cJSON_AddStringToObject(o, "direction", dir) ||
            !(isfinite(w) ? cJSON_AddRawToObject(o, "strength", buf) : cJSON_AddNullToObject(o, "strength")) ||
            !json_fill(o, x, edges, e))
            goto oom;
    }
    if (!(text = cJSON_Print(root)))
        goto oom;
    fputs(text, f);
    fputc('\n', f);
    goto done;
oom:
    st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
done:
    cJSON_free(text);
    cJSON_Delete(root);
    return st;
}

/* ---- the entry point ------------------------------------------------------- */

/* The tables must be the network's: one row per actor / tie, in its order. */
static bm_status check_tables(const bm_network *net, const bm_table *actors, const bm_table *ties)
{
    size_t n = bm_network_actor_count(net), m = bm_network_tie_count(net);
    if (actors) {
        if (bm_table_rows(actors) != n || bm_table_cols(actors) == 0 ||
            bm_table_col_type(actors, 0) != BM_COL_TEXT || strcmp(bm_table_col_name(actors, 0), "id") != 0)
            return bm_error_set(BM_EUSAGE, "export: the actors table (%zu rows) is not the network's "
                                "(%zu actors, an 'id' column first)", bm_table_rows(actors), n);
        for (size_t i = 0; i < n; i++)
            if (strcmp(bm_table_text(actors, 0, i), bm_network_actor_id(net, i)) != 0)
                return bm_error_set(BM_EUSAGE, "export: row %zu of the actors table is '%s', not actor "
                                    "'%s'", i + 1, bm_table_text(actors, 0, i), bm_network_actor_id(net, i));
    }
    if (ties) {
        long s = bm_table_find(ties, "source"), t = bm_table_find(ties, "target");
        if (bm_table_rows(ties) != m || s < 0 || t < 0 || bm_table_col_type(ties, (size_t)s) != BM_COL_TEXT ||
            bm_table_col_type(ties, (size_t)t) != BM_COL_TEXT)
            return bm_error_set(BM_EUSAGE, "export: the ties table (%zu rows) is not the network's (%zu "
                                "ties, with source and target)", bm_table_rows(ties), m);
        for (size_t e = 0; e < m; e++) {
            size_t a, b;
            bm_network_tie(net, e, &a, &b, NULL, NULL);
            if (strcmp(bm_table_text(ties, (size_t)s, e), bm_network_actor_id(net, a)) != 0 ||
                strcmp(bm_table_text(ties, (size_t)t, e), bm_network_actor_id(net, b)) != 0)
                return bm_error_set(BM_EUSAGE, "export: row %zu of the ties table is not tie %zu of the "
                                    "network", e + 1, e + 1);
        }
    }
    return BM_OK;
}

/* GEXF sizes: 5 + 45 sqrt(v / max), area proportional to the measure as on
 * the maps (render.c); negative, undefined or all-zero: 5; no measure: 10. */
static bm_status node_sizes(export_ctx *x, const bm_table *actors, const char *size_by)
{
    size_t n = bm_network_actor_count(x->net);
    long c = -1;
    if (size_by) {
        if (!actors || (c = bm_table_find(actors, size_by)) < 0 ||
            bm_table_col_type(actors, (size_t)c) != BM_COL_NUMBER)
            return bm_error_set(BM_EUSAGE, "--size-by: no measure column '%s'", size_by);
    } else if (actors && (c = bm_table_find(actors, "betweenness")) >= 0 &&
               bm_table_col_type(actors, (size_t)c) != BM_COL_NUMBER) {
        c = -1;
    }
    if (!(x->size = malloc((n ? n : 1) * sizeof *x->size)))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    double maxv = 0;
    for (size_t i = 0; i < n; i++) {
        double v = c >= 0 ? bm_table_number(actors, (size_t)c, i) : 0;
        x->size[i] = isfinite(v) && v > 0 ? v : 0;
        if (x->size[i] > maxv)
            maxv = x->size[i];
    }
    for (size_t i = 0; i < n; i++) {
        double s = c < 0 ? 10 : maxv > 0 ? 5 + 45 * sqrt(x->size[i] / maxv) : 5;
        x->size[i] = round(s * 1000) / 1000;
    }
    return BM_OK;
}

bm_status bm_export_write(const bm_network *net, const bm_grouping *grouping, const bm_table *actors,
                          const bm_table *ties, const char *size_by, bm_export_format fmt,
                          const char *path)
{
    /* names the format has already: a column of that name gets _2 (GEXF:
     * NetworkX would let the node's label overwrite an attribute "label") */
    static const char *const gexf_nodes[] = {"label", NULL};
    static const char *const kumu_nodes[] = {"id", "label", "type", NULL};
    static const char *const kumu_edges[] = {"from", "to", "direction", "strength", NULL};
    bm_status st;
    col_set nodes = {0}, edges = {0};
    export_ctx x = {net, grouping, ties, bm_network_label_attr(net), -1, NULL};
    char *tmp = NULL;
    FILE *f = NULL;
    if (!net || !path)
        return bm_error_set(BM_EUSAGE, "export: no network or no path");
    if (fmt != BM_EXPORT_GRAPHML && fmt != BM_EXPORT_GEXF && fmt != BM_EXPORT_KUMU)
        return bm_error_set(BM_EUSAGE, "export: unknown format %d", (int)fmt);
    if ((st = check_tables(net, actors, ties)) != BM_OK)
        goto done;
    if (ties && (x.weight_col = bm_table_find(ties, "weight")) >= 0 &&
        bm_table_col_type(ties, (size_t)x.weight_col) != BM_COL_NUMBER)
        x.weight_col = -1;
    /* the name-like column called "label" is the label itself (with the id
     * where it is empty); so is, for Kumu, the grouping column called "type" */
    long label_self = x.label_attr >= 0 &&
                              strcasecmp(bm_network_attr_name(net, (size_t)x.label_attr), "label") == 0
                          ? x.label_attr : -1;
    long type_self = -1;
    if (grouping && strcasecmp(bm_grouping_column(grouping), "type") == 0)
        type_self = bm_network_attr_find(net, bm_grouping_column(grouping));
    switch (fmt) {
    case BM_EXPORT_GRAPHML:
        if ((st = cols_add(&nodes, NULL, "label", SRC_LABEL, NULL, 0, K_STRING)) == BM_OK &&
            (st = node_columns(&nodes, NULL, net, actors, label_self, -1)) == BM_OK)
            st = edge_columns(&edges, NULL, ties, 0);
        break;
    case BM_EXPORT_GEXF:
        if ((st = node_sizes(&x, actors, size_by)) == BM_OK &&
            (st = node_columns(&nodes, gexf_nodes, net, actors, label_self, -1)) == BM_OK)
            st = edge_columns(&edges, NULL, ties, 1);
        break;
    case BM_EXPORT_KUMU:
        if ((st = cols_add(&nodes, NULL, "id", SRC_ID, NULL, 0, K_STRING)) == BM_OK &&
            (st = cols_add(&nodes, NULL, "label", SRC_LABEL, NULL, 0, K_STRING)) == BM_OK &&
            (!grouping || (st = cols_add(&nodes, NULL, "type", SRC_GROUP, NULL, 0, K_STRING)) == BM_OK) &&
            (st = node_columns(&nodes, kumu_nodes, net, actors, label_self, type_self)) == BM_OK)
            st = edge_columns(&edges, kumu_edges, ties, 0);
        break;
    }
    if (st != BM_OK || (st = bm_i_open_temp(path, &tmp, &f)) != BM_OK)
        goto done;
    if (fmt == BM_EXPORT_GRAPHML)
        write_graphml(f, &x, &nodes, &edges);
    else if (fmt == BM_EXPORT_GEXF)
        write_gexf(f, &x, &nodes, &edges);
    else
        st = write_kumu(f, path, &x, &nodes, &edges);
    st = bm_i_close_temp(st, path, tmp, f);
done:
    cols_free(&nodes);
    cols_free(&edges);
    free(x.size);
    return st;
}
