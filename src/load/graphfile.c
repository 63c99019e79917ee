/* graphfile.c: GraphML, GML and Pajek files, read through igraph's readers
 * and handed to load.c as two tables (actors and records).
 *
 * Researchers bring networks in the formats their tools write. Rather than
 * build a bm_network here, the graph becomes the same rows a CSV or .xlsx
 * file gives (bm_csv_record, header first, rec->item "node" or "edge"), so
 * that one set of loading rules (repeated pairs aggregated, self-loops
 * dropped, weights checked, ids checked) applies whatever the file.
 *
 * The file is read into memory once (hashed for the summary's provenance,
 * never opened for writing) and given to igraph through fmemopen. Around the
 * read only, igraph's C attribute handler is installed (the readers keep
 * node and edge data as attributes) and our own error handler, which
 * records igraph's reason instead of aborting; both are restored afterwards,
 * the graph destroyed first because igraph_destroy frees attributes through
 * the table in force. The graph is copied into plain arrays before the
 * callbacks run, so load.c's own igraph calls see the project's handlers.
 *
 * igraph 0.10 reads some files silently wrong for us, so each format gets a
 * check of its own after igraph succeeds:
 *   GraphML: an edge naming an undeclared node id makes igraph add a node;
 *     a node id declared twice is merged; hyperedges and nested graphs are
 *     skipped; an edge's own directed="..." is ignored. A second pass over
 *     the XML with expat (already a dependency, for .xlsx) mirrors igraph's
 *     reading of the first <graph> and refuses those. It also gives the
 *     node ids in the order of the file's <node> elements (igraph numbers
 *     nodes by first mention, edges included) and the ids when a <data> key
 *     named "id" has overwritten igraph's "id" attribute.
 *   Pajek: a file with both *Arcs and *Edges is read as whichever came last;
 *     a vertex number listed twice keeps the second label; an edge line
 *     without a value weighs 0 before the first line with one and NaN after
 *     it (Pajek: 1). A line scan refuses the first two, notes which lines
 *     have values, and refuses *Vertices counts above GF_MAX_VERTICES
 *     before igraph allocates them.
 *   GML: a node without an id gets NaN; refused here.
 * Only the first graph of a file is read: igraph's GraphML reader takes the
 * graph of index 0 and its GML reader the first "graph" list; its Pajek
 * reader refuses a second *Network or *Vertices (a syntax error).
 *
 * References:
 *   U. Brandes, M. Eiglsperger, J. Lerner, C. Pich: "Graph Markup Language
 *     (GraphML)", in R. Tamassia (ed.), Handbook of Graph Drawing and
 *     Visualization, CRC Press 2013; and "The GraphML File Format" primer,
 *     http://graphml.graphdrawing.org/primer/graphml-primer.html
 *   M. Himsolt: "GML: A portable Graph File Format", Universität Passau, 1997.
 *   V. Batagelj, A. Mrvar: "Pajek: Program for Analysis and Visualization of
 *     Large Networks, Reference Manual" (the .net format: *Vertices, *Arcs,
 *     *Edges, *Arcslist, *Edgeslist, *Matrix), http://mrvar.fdv.uni-lj.si/pajek/
 *   igraph C reference manual 0.10, chapter "Reading and writing graphs from
 *     and to files", section "Foreign format readers"
 *     (igraph_read_graph_graphml, igraph_read_graph_gml, igraph_read_graph_pajek). */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <expat.h>
#include <iconv.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "bridgemap/table.h"
#include "internal.h"

/* Larger graphs are refused before igraph allocates them (a 20-byte Pajek
 * file can declare a billion vertices). Ten times the largest network the
 * benchmarks load. */
#define GF_MAX_VERTICES 10000000
#define GF_SNIFF_BYTES 65536
#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

static const char *const format_names[] = {"graph", "GraphML", "GML", "Pajek"};

/* ---- format detection ------------------------------------------------------ */

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static bm_graph_format format_by_extension(const char *path)
{
    if (ends_with(path, ".graphml") || ends_with(path, ".xml"))
        return BM_GRAPH_GRAPHML;
    if (ends_with(path, ".gml"))
        return BM_GRAPH_GML;
    if (ends_with(path, ".net") || ends_with(path, ".paj"))
        return BM_GRAPH_PAJEK;
    return BM_GRAPH_NONE;
}

static size_t skip_space(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

static size_t skip_line(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] != '\n')
        i++;
    return i;
}

static int looks_graphml(const char *s, size_t n)
{
    if (n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                   ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
        return n >= 4 && (s[2] == '<' || s[3] == '<'); /* UTF-16 XML */
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    i = skip_space(s, n, i);
    if (i >= n || s[i] != '<')
        return 0;
    if (n - i >= 5 && memcmp(s + i, "<?xml", 5) == 0)
        return 1;
    size_t lim = n < 4096 ? n : 4096;
    return memmem(s + i, lim - i, "<graphml", 8) != NULL;
}

/* GML (Himsolt 1997): key-value pairs; the file's graph is the value of a
 * top-level key "graph". Comments are lines starting with '#'. */
static int looks_gml(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (int pairs = 0; pairs < 64; pairs++) {
        i = skip_space(s, n, i);
        while (i < n && s[i] == '#') {
            i = skip_space(s, n, skip_line(s, n, i));
        }
        size_t k = i;
        if (k >= n || !(isalpha((unsigned char)s[k]) || s[k] == '_'))
            return 0;
        while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '_'))
            k++;
        int is_graph = k - i == 5 && memcmp(s + i, "graph", 5) == 0;
        i = skip_space(s, n, k);
        if (i >= n)
            return 0;
        if (s[i] == '[') {
            if (is_graph)
                return 1;
            int depth = 0; /* another top-level list (rare): skip it */
            for (; i < n; i++) {
                if (s[i] == '"') {
                    const char *q = memchr(s + i + 1, '"', n - i - 1);
                    if (!q)
                        return 0;
                    i = (size_t)(q - s);
                } else if (s[i] == '[') {
                    depth++;
                } else if (s[i] == ']' && --depth == 0) {
                    i++;
                    break;
                }
            }
        } else if (s[i] == '"') {
            const char *q = memchr(s + i + 1, '"', n - i - 1);
            if (!q)
                return 0;
            i = (size_t)(q - s) + 1;
        } else if (isdigit((unsigned char)s[i]) || s[i] == '-' || s[i] == '+' || s[i] == '.') {
            while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '+' ||
                             s[i] == '.'))
                i++;
        } else {
            return 0;
        }
    }
    return 0;
}

/* Pajek: comment lines ('%'), blank lines and a *Network line may come
 * before *Vertices. */
static int looks_pajek(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (;;) {
        i = skip_space(s, n, i);
        if (i >= n)
            return 0;
        if (s[i] == '%') {
            i = skip_line(s, n, i);
            continue;
        }
        if (n - i >= 9 && strncasecmp(s + i, "*vertices", 9) == 0)
            return 1;
        if (n - i >= 8 && strncasecmp(s + i, "*network", 8) == 0) {
            i = skip_line(s, n, i);
            continue;
        }
        return 0;
    }
}

static bm_graph_format format_by_content(const char *s, size_t n)
{
    if (looks_graphml(s, n))
        return BM_GRAPH_GRAPHML;
    if (looks_pajek(s, n))
        return BM_GRAPH_PAJEK;
    if (looks_gml(s, n))
        return BM_GRAPH_GML;
    return BM_GRAPH_NONE;
}

bm_graph_format bm_graph_format_of(const char *path)
{
    bm_graph_format by_ext = format_by_extension(path);
    FILE *f = fopen(path, "rb");
    if (!f)
        return by_ext; /* bm_graph_read or the CSV reader says why */
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return by_ext;
    }
    char *buf = malloc(GF_SNIFF_BYTES);
    if (!buf) {
        fclose(f);
        return by_ext;
    }
    size_t got = fread(buf, 1, GF_SNIFF_BYTES, f);
    fclose(f);
    bm_graph_format by_content = format_by_content(buf, got);
    free(buf);
    return by_content != BM_GRAPH_NONE ? by_content : by_ext;
}

const char *bm_graph_format_name(bm_graph_format fmt)
{
    return (unsigned)fmt < sizeof format_names / sizeof format_names[0] ? format_names[fmt]
                                                                         : format_names[0];
}

/* ---- the file ---------------------------------------------------------------- */

/* ---- the graph as plain arrays ------------------------------------------------ */

typedef struct gf_col {
    char *name;
    const char *attr;             /* igraph's attribute name */
    igraph_attribute_type_t type; /* NUMERIC, BOOLEAN or STRING */
    double *num;
    unsigned char *flag;          /* 0 false, 1 true, 2 missing (GraphML: no <data>, no default) */
    char **str;
} gf_col;

typedef struct gf_graph {
    bm_arena arena;
    size_t n, m;
    int directed;
    char **ids;        /* per igraph vertex */
    size_t ncols;
    gf_col *cols;      /* vertex attributes, in igraph's order */
    igraph_integer_t *ends; /* 2 per edge, igraph vertex indices */
    int wtype;         /* 0 no weight, 1 numeric (wnum), 2 text (wstr) */
    double *wnum;
    char **wstr;
    size_t *order;     /* actors row r is vertex order[r]; NULL: r */
    size_t *row_of;    /* inverse of order; NULL: identity */
    int id_key;        /* GraphML: a <data> key named "id" took igraph's "id" attribute */
} gf_graph;

static void gf_graph_free(gf_graph *g)
{
    for (size_t k = 0; k < g->ncols; k++) {
        free(g->cols[k].num);
        free(g->cols[k].flag);
        free(g->cols[k].str);
    }
    free(g->cols);
    free(g->ids);
    free(g->ends);
    free(g->wnum);
    free(g->wstr);
    free(g->order);
    free(g->row_of);
    bm_arena_free(&g->arena);
}

static char *gf_strdup(gf_graph *g, const char *s)
{
    return bm_arena_strndup(&g->arena, s, strlen(s));
}

/* Text values lose the white space around them: pretty-printed XML puts
 * newlines and indentation inside <data> elements. */
static char *gf_strdup_trim(gf_graph *g, const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
                   s[len - 1] == '\r'))
        len--;
    return bm_arena_strndup(&g->arena, s, len);
}

/* GML text writes characters outside ASCII (and & " themselves) as
 * entities: "&name;" with the ISO 8859-1 names of HTML 4 (Himsolt 1997,
 * section 2.2; "&#197;" as NetworkX's write_gml does). igraph 0.10's GML
 * reader leaves them as they are; decoded here in place (an entity is never
 * shorter than its UTF-8). An unknown "&...;" stays as written. */
static const char *const latin1_names[96] = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute",
    "ucirc", "uuml", "yacute", "thorn", "yuml"};

/* The code point of the entity body e[0 .. len) ("#197", "#xC5", "aring",
 * "amp"), or -1. */
static long entity_code(const char *e, size_t len)
{
    static const struct { const char *name; long cp; } basic[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    if (len >= 2 && e[0] == '#') {
        int hex = e[1] == 'x' || e[1] == 'X';
        size_t i = hex ? 2 : 1;
        if (i == len || len - i > 8)
            return -1;
        unsigned long cp = 0;
        for (; i < len; i++) {
            int d = isdigit((unsigned char)e[i]) ? e[i] - '0'
                    : hex && isxdigit((unsigned char)e[i]) ? tolower((unsigned char)e[i]) - 'a' + 10
                    : -1;
            if (d < 0)
                return -1;
            cp = cp * (hex ? 16u : 10u) + (unsigned long)d;
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return -1;
        return (long)cp;
    }
    for (size_t k = 0; k < sizeof basic / sizeof basic[0]; k++)
        if (strlen(basic[k].name) == len && memcmp(basic[k].name, e, len) == 0)
            return basic[k].cp;
    for (size_t k = 0; k < 96; k++)
        if (strlen(latin1_names[k]) == len && memcmp(latin1_names[k], e, len) == 0)
            return (long)(0xA0 + k);
    return -1;
}

static void gml_unescape(char *s)
{
    char *o = s;
    for (const char *p = s; *p;) {
        const char *semi = *p == '&' ? strchr(p + 1, ';') : NULL;
        long cp = semi && semi - p <= 10 ? entity_code(p + 1, (size_t)(semi - p - 1)) : -1;
        if (cp < 0) {
            *o++ = *p++;
            continue;
        }
        o += bm_i_put_utf8(o, (unsigned long)cp);
        p = semi + 1;
    }
    *o = '\0';
}

/* ---- messages ------------------------------------------------------------------ */

/* s for a message: control characters (which igraph's reasons and fuzzed
 * files carry) as '?', at most 80 bytes, cut at a character boundary, with
 * "..." when cut. Returns buf (cap >= 96). */
static const char *shown(char *buf, size_t cap, const char *s)
{
    size_t n = 0, max = cap - 4 < 80 ? cap - 4 : 80;
    for (; s[n] && n < max; n++)
        buf[n] = ((unsigned char)s[n] < 0x20 || s[n] == 0x7F) ? '?' : s[n];
    if (s[n]) {
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* not inside a UTF-8 sequence */
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

/* ---- igraph's errors ------------------------------------------------------------ */

/* igraph's error handler takes no context pointer, so the reasons of one
 * read are kept here (thread-local like igraph_glue.c's; bridgemap is not
 * thread-safe anyway, see common.h). */
static _Thread_local struct {
    char first[512]; /* the first non-empty reason: the most specific */
    char line[32];   /* "line N" from a later reason when the first has none */
} gf_reason;

static const char *find_line_number(const char *s, size_t *len)
{
    for (const char *p = s; (p = strcasestr(p, "line ")) != NULL; p += 5) {
        size_t k = 5;
        while (isdigit((unsigned char)p[k]))
            k++;
        if (k > 5) {
            *len = k;
            return p;
        }
    }
    return NULL;
}

static void gf_error_handler(const char *reason, const char *file, int line,
                             igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    (void)igraph_errno;
    if (reason && reason[0]) {
        if (!gf_reason.first[0]) {
            snprintf(gf_reason.first, sizeof gf_reason.first, "%s", reason);
        } else if (!gf_reason.line[0]) {
            size_t len;
            const char *l = find_line_number(gf_reason.first, &len);
            if (!l && (l = find_line_number(reason, &len)) != NULL)
                snprintf(gf_reason.line, sizeof gf_reason.line, "line %.*s", (int)(len - 5), l + 5);
        }
    }
    IGRAPH_FINALLY_FREE(); /* as igraph_error_handler_ignore does */
}

/* igraph's reason, trimmed of its full stop and trailing space, with the
 * line number a later reason gave. */
static const char *igraph_reason(char *buf, size_t cap, igraph_error_t err)
{
    const char *r = gf_reason.first[0] ? gf_reason.first : igraph_strerror(err);
    size_t len = strlen(r);
    while (len > 0 && (isspace((unsigned char)r[len - 1]) || r[len - 1] == '.'))
        len--;
    if (gf_reason.line[0])
        snprintf(buf, cap, "%.*s (%s)", (int)len, r, gf_reason.line);
    else
        snprintf(buf, cap, "%.*s", (int)len, r);
    for (char *p = buf; *p; p++) /* igraph quotes the file's bytes */
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = '?';
    return buf;
}

static const char *not_valid(bm_graph_format fmt)
{
    return fmt == BM_GRAPH_GRAPHML ? "not valid GraphML"
           : fmt == BM_GRAPH_GML   ? "not valid GML"
                                   : "not a Pajek file";
}

/* A problem a check found before or after igraph's read, reported only
 * when igraph read the file (igraph's own reason comes first). */
typedef struct gf_finding {
    bm_status st;
    char msg[1024];
} gf_finding;

static void gf_note(gf_finding *f, bm_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void gf_note(gf_finding *f, bm_status st, const char *fmt, ...)
{
    if (f->st != BM_OK)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
    f->st = st;
}

static bm_status gf_report(const gf_finding *f) { return bm_error_set(f->st, "%s", f->msg); }

/* ---- from igraph's graph to arrays ---------------------------------------------- */

static int find_name(const igraph_strvector_t *names, const char *name, int nocase)
{
    for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++) {
        const char *s = igraph_strvector_get(names, i);
        if (nocase ? strcasecmp(s, name) == 0 : strcmp(s, name) == 0)
            return (int)i;
    }
    return -1;
}

/* Column name for vertex attribute `name`: label becomes name when the file
 * has no name; a name repeating an earlier column or "id" (ignoring case,
 * as load.c compares headers) gets _2, _3, ...; an empty one attribute_K. */
static char *column_name(gf_graph *g, bm_graph_format fmt, const igraph_strvector_t *vnames,
                         const char *name, size_t k)
{
    char buf[600];
    if (fmt != BM_GRAPH_PAJEK && strcmp(name, "label") == 0 && find_name(vnames, "name", 0) < 0)
        name = "name";
    if (!name[0]) {
        snprintf(buf, sizeof buf, "attribute_%zu", k + 1);
        name = buf;
    }
    char cand[640];
    snprintf(cand, sizeof cand, "%s", name);
    for (int suffix = 2;; suffix++) {
        int taken = strcasecmp(cand, "id") == 0;
        for (size_t j = 0; j < g->ncols && !taken; j++)
            taken = strcasecmp(g->cols[j].name, cand) == 0;
        if (!taken)
            break;
        snprintf(cand, sizeof cand, "%.590s_%d", name, suffix);
    }
    return gf_strdup(g, cand);
}

static const char *number_text(char buf[32], double x)
{
    bm_format_number(buf, x);
    return buf;
}

/* Integral ids (GML) in decimal, whatever their size. */
static void id_text(char buf[32], double x)
{
    if (fabs(x) < 9.2e18 && x == floor(x))
        snprintf(buf, 32, "%.0f", x);
    else
        bm_format_number(buf, x);
}

#define GF_IG(call)                                                          \
    do {                                                                     \
        igraph_error_t gf_err_ = (call);                                     \
        if (gf_err_ != IGRAPH_SUCCESS) {                                     \
            char why_[600];                                                  \
            st = bm_error_set(gf_err_ == IGRAPH_ENOMEM ? BM_EINTERNAL : BM_EINPUT, \
                              "%s: %s", path, igraph_reason(why_, sizeof why_, gf_err_)); \
            goto done;                                                       \
        }                                                                    \
    } while (0)

/* Copies what bridgemap uses of igraph's graph into g: vertex attributes
 * except the one that is the id, the weight edge attribute, edge ends. */
static bm_status copy_graph(gf_graph *g, const igraph_t *ig, bm_graph_format fmt, const char *path)
{
    bm_status st = BM_OK;
    igraph_strvector_t gnames, vnames, enames, sv;
    igraph_vector_int_t gtypes, vtypes, etypes;
    igraph_vector_t nv;
    igraph_vector_bool_t bv;
    int ready = 0; /* how many of the nine are initialised, in this order */
    if (igraph_strvector_init(&gnames, 0) || (ready++, igraph_strvector_init(&vnames, 0)) ||
        (ready++, igraph_strvector_init(&enames, 0)) || (ready++, igraph_strvector_init(&sv, 0)) ||
        (ready++, igraph_vector_int_init(&gtypes, 0)) ||
        (ready++, igraph_vector_int_init(&vtypes, 0)) ||
        (ready++, igraph_vector_int_init(&etypes, 0)) || (ready++, igraph_vector_init(&nv, 0)) ||
        (ready++, igraph_vector_bool_init(&bv, 0))) {
        st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
        goto done;
    }
    ready++;
    g->n = (size_t)igraph_vcount(ig);
    g->m = (size_t)igraph_ecount(ig);
    g->directed = igraph_is_directed(ig);
    GF_IG(igraph_cattribute_list(ig, &gnames, &gtypes, &vnames, &vtypes, &enames, &etypes));

    size_t nva = (size_t)igraph_strvector_size(&vnames);
    g->cols = calloc(nva ? nva : 1, sizeof *g->cols);
    g->ids = calloc(g->n ? g->n : 1, sizeof *g->ids);
    g->ends = malloc((g->m ? g->m : 1) * 2 * sizeof *g->ends);
    if (!g->cols || !g->ids || !g->ends) {
        st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
        goto done;
    }

    /* ids */
    if (fmt == BM_GRAPH_GML) {
        int a = find_name(&vnames, "id", 0);
        if (a >= 0 && VECTOR(vtypes)[a] == IGRAPH_ATTRIBUTE_NUMERIC)
            GF_IG(igraph_cattribute_VANV(ig, "id", igraph_vss_all(), &nv));
        for (size_t v = 0; v < g->n; v++) {
            double x = a >= 0 && VECTOR(vtypes)[a] == IGRAPH_ATTRIBUTE_NUMERIC
                           ? VECTOR(nv)[(igraph_integer_t)v] : NAN;
            if (isnan(x)) {
                st = bm_error_set(BM_EINPUT, "%s: node %zu: GML node has no id", path, v + 1);
                goto done;
            }
            char buf[32];
            id_text(buf, x);
            if (!(g->ids[v] = gf_strdup(g, buf)))
                goto oom;
        }
    } else if (fmt == BM_GRAPH_PAJEK) {
        /* igraph 0.10 keeps the label in "id" and "name"; 1.0 in "name" only */
        int a = find_name(&vnames, "name", 0);
        if (a < 0 || VECTOR(vtypes)[a] != IGRAPH_ATTRIBUTE_STRING)
            a = find_name(&vnames, "id", 0);
        if (a >= 0 && VECTOR(vtypes)[a] == IGRAPH_ATTRIBUTE_STRING)
            GF_IG(igraph_cattribute_VASV(ig, igraph_strvector_get(&vnames, a), igraph_vss_all(),
                                         &sv));
        else
            a = -1;
        for (size_t v = 0; v < g->n; v++) {
            const char *label = a >= 0 ? igraph_strvector_get(&sv, (igraph_integer_t)v) : "";
            char buf[32];
            if (!label[strspn(label, " \t\r\n")]) {
                snprintf(buf, sizeof buf, "%zu", v + 1);
                label = buf;
            }
            if (!(g->ids[v] = gf_strdup_trim(g, label)))
                goto oom;
        }
    } /* GraphML: from the XML check, after this */

    /* vertex attributes */
    for (size_t k = 0; k < nva; k++) {
        const char *name = igraph_strvector_get(&vnames, (igraph_integer_t)k);
        igraph_attribute_type_t type = (igraph_attribute_type_t)VECTOR(vtypes)[(igraph_integer_t)k];
        if ((fmt == BM_GRAPH_GRAPHML && strcmp(name, "id") == 0 && !g->id_key) ||
            (fmt == BM_GRAPH_GML && strcmp(name, "id") == 0) ||
            (fmt == BM_GRAPH_PAJEK && (strcmp(name, "id") == 0 || strcmp(name, "name") == 0)))
            continue;
        if (type != IGRAPH_ATTRIBUTE_NUMERIC && type != IGRAPH_ATTRIBUTE_BOOLEAN &&
            type != IGRAPH_ATTRIBUTE_STRING)
            continue;
        gf_col *c = &g->cols[g->ncols];
        memset(c, 0, sizeof *c);
        c->type = type;
        if (!(c->name = column_name(g, fmt, &vnames, name, k)) || !(c->attr = gf_strdup(g, name)))
            goto oom;
        size_t n1 = g->n ? g->n : 1;
        if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
            GF_IG(igraph_cattribute_VANV(ig, name, igraph_vss_all(), &nv));
            if (!(c->num = malloc(n1 * sizeof *c->num)))
                goto oom;
            for (size_t v = 0; v < g->n; v++)
                c->num[v] = VECTOR(nv)[(igraph_integer_t)v];
        } else if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
            GF_IG(igraph_cattribute_VABV(ig, name, igraph_vss_all(), &bv));
            if (!(c->flag = malloc(n1)))
                goto oom;
            for (size_t v = 0; v < g->n; v++)
                c->flag[v] = VECTOR(bv)[(igraph_integer_t)v] ? 1 : 0;
        } else {
            GF_IG(igraph_cattribute_VASV(ig, name, igraph_vss_all(), &sv));
            if (!(c->str = malloc(n1 * sizeof *c->str)))
                goto oom;
            for (size_t v = 0; v < g->n; v++) {
                if (!(c->str[v] = gf_strdup_trim(g, igraph_strvector_get(&sv, (igraph_integer_t)v))))
                    goto oom;
                if (fmt == BM_GRAPH_GML)
                    gml_unescape(c->str[v]);
            }
        }
        g->ncols++;
    }

    /* edges and their weight */
    for (size_t e = 0; e < g->m; e++) {
        g->ends[2 * e] = IGRAPH_FROM(ig, (igraph_integer_t)e);
        g->ends[2 * e + 1] = IGRAPH_TO(ig, (igraph_integer_t)e);
    }
    int w = find_name(&enames, "weight", 0);
    if (w < 0)
        w = find_name(&enames, "weight", 1);
    if (w >= 0) {
        const char *wname = igraph_strvector_get(&enames, w);
        igraph_attribute_type_t type = (igraph_attribute_type_t)VECTOR(etypes)[w];
        size_t m1 = g->m ? g->m : 1;
        if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
            GF_IG(igraph_cattribute_EANV(ig, wname, igraph_ess_all(IGRAPH_EDGEORDER_ID), &nv));
            if (!(g->wnum = malloc(m1 * sizeof *g->wnum)))
                goto oom;
            for (size_t e = 0; e < g->m; e++) {
                double x = VECTOR(nv)[(igraph_integer_t)e];
                /* Pajek: "when the value is missing, 1 is assumed" */
                g->wnum[e] = fmt == BM_GRAPH_PAJEK && isnan(x) ? 1.0 : x;
            }
            g->wtype = 1;
        } else if (type == IGRAPH_ATTRIBUTE_STRING) {
            GF_IG(igraph_cattribute_EASV(ig, wname, igraph_ess_all(IGRAPH_EDGEORDER_ID), &sv));
            if (!(g->wstr = malloc(m1 * sizeof *g->wstr)))
                goto oom;
            for (size_t e = 0; e < g->m; e++)
                if (!(g->wstr[e] = gf_strdup_trim(g, igraph_strvector_get(&sv, (igraph_integer_t)e))))
                    goto oom;
            g->wtype = 2;
        } else if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
            char b[96];
            st = bm_error_set(BM_EINPUT, "%s: the edge attribute '%s' is boolean (true/false), not "
                              "a number", path, shown(b, sizeof b, wname));
            goto done;
        }
    }
    goto done;
oom:
    st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
done:
    switch (ready) { /* falls through: the last initialised first */
    case 9: igraph_vector_bool_destroy(&bv); /* fall through */
    case 8: igraph_vector_destroy(&nv); /* fall through */
    case 7: igraph_vector_int_destroy(&etypes); /* fall through */
    case 6: igraph_vector_int_destroy(&vtypes); /* fall through */
    case 5: igraph_vector_int_destroy(&gtypes); /* fall through */
    case 4: igraph_strvector_destroy(&sv); /* fall through */
    case 3: igraph_strvector_destroy(&enames); /* fall through */
    case 2: igraph_strvector_destroy(&vnames); /* fall through */
    case 1: igraph_strvector_destroy(&gnames); /* fall through */
    default: break;
    }
    return st;
}

/* Runs igraph's reader on the bytes, with the C attribute handler and our
 * error handler in force only for the read and the copy. */
static bm_status igraph_read(gf_graph *g, bm_graph_format fmt, const char *path, char *bytes,
                             size_t n)
{
    bm_status st = BM_OK;
    FILE *f = fmemopen(bytes, n, "r");
    if (!f)
        return bm_error_set(BM_EINTERNAL, "%s: cannot read from memory: %s", path, strerror(errno));
    igraph_attribute_table_t *old_table = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_error_handler_t *old_handler = igraph_set_error_handler(gf_error_handler);
    igraph_safelocale_t loc;
    int have_loc = igraph_enter_safelocale(&loc) == IGRAPH_SUCCESS;
    memset(&gf_reason, 0, sizeof gf_reason);
    igraph_t ig;
    igraph_error_t err;
    if (fmt == BM_GRAPH_GRAPHML)
        err = igraph_read_graph_graphml(&ig, f, 0);
    else if (fmt == BM_GRAPH_GML)
        err = igraph_read_graph_gml(&ig, f);
    else
        err = igraph_read_graph_pajek(&ig, f);
    if (have_loc)
        igraph_exit_safelocale(&loc);
    fclose(f);
    if (err == IGRAPH_UNIMPLEMENTED && fmt == BM_GRAPH_GRAPHML) {
        st = bm_error_set(BM_EINTERNAL, "%s: cannot read GraphML: this igraph library was built "
                          "without GraphML support (libxml2); convert the file to GML or Pajek, or "
                          "install Debian's libigraph3", path);
    } else if (err != IGRAPH_SUCCESS) {
        char why[600];
        igraph_reason(why, sizeof why, err);
        if (err == IGRAPH_ENOMEM)
            st = bm_error_set(BM_EINTERNAL, "%s: out of memory reading the graph", path);
        else if (fmt == BM_GRAPH_GRAPHML && strstr(why, "Graph index was too large"))
            st = bm_error_set(BM_EINPUT, "%s: not valid GraphML: the file has no <graph> element "
                              "inside <graphml>", path);
        else if (fmt == BM_GRAPH_PAJEK && strstr(why, "attribute length") &&
                 strcasestr(bytes, "list"))
            /* igraph 0.10.2: the *Arcslist and *Edgeslist lines add edges
             * without growing the edge attributes, and a later value or
             * c/l/p parameter finds an attribute too short */
            st = bm_error_set(BM_EINPUT, "%s: cannot read this Pajek file: igraph 0.10 fails on edge "
                              "values or parameters after an *Arcslist or *Edgeslist section "
                              "(%s); put the list section last, or write it as *Arcs or *Edges lines",
                              path, why);
        else
            st = bm_error_set(BM_EINPUT, "%s: %s: %s", path, not_valid(fmt), why);
    } else {
        st = copy_graph(g, &ig, fmt, path);
        igraph_destroy(&ig);
    }
    igraph_set_error_handler(old_handler);
    igraph_set_attribute_table(old_table);
    return st;
}

/* ---- GraphML: the second look, with expat ------------------------------------------ */

/* A node id the first <graph> mentions, in igraph's numbering (order of
 * first mention, by a <node> or by an edge end). */
typedef struct gx_id {
    const char *id;
    long node;          /* index among the <node> elements, -1 until declared */
    size_t node_line;
    size_t edge_line;   /* first edge naming it */
    int edge_end;       /* 0 source, 1 target */
} gx_id;

/* A <key for="node" attr.type="boolean">: igraph 0.10.2 reads a node
 * without its <data> as false; bridgemap writes it as missing (empty)
 * unless the key has a <default>. seen[k]: the k-th <node> has the data. */
typedef struct gx_bkey {
    const char *id, *name;
    int has_default;
    unsigned char *seen;
    size_t cap;
} gx_bkey;

typedef struct gx {
    XML_Parser p;
    const char *path;
    bm_arena *arena;
    gf_finding found;
    int lenient;        /* root without a namespace: igraph reads every name as GraphML */
    int depth;
    int graph_depth;    /* depth of the first <graph> while inside it, else 0 */
    int graphs;         /* <graph> elements under the root seen */
    int item;           /* inside the first graph, at graph_depth + 1: 1 node, 2 edge */
    char item_id[128];
    int edge_default;   /* 1 directed */
    gx_id *ids;
    size_t n_ids, cap_ids;
    size_t *slots;      /* hash: index + 1 into ids, 0 empty */
    size_t n_slots;
    size_t nodes;
    int id_key;         /* a <key for="node" attr.name="id"> */
    gx_bkey *bkeys;
    size_t n_bkeys;
    size_t in_bkey;     /* index + 1 of the boolean key being read, else 0 */
} gx;

static size_t gx_line(gx *x) { return (size_t)XML_GetCurrentLineNumber(x->p); }

static void gx_fail(gx *x, bm_status st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void gx_fail(gx *x, bm_status st, const char *fmt, ...)
{
    if (x->found.st == BM_OK) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(x->found.msg, sizeof x->found.msg, fmt, ap);
        va_end(ap);
        x->found.st = st;
    }
    XML_StopParser(x->p, XML_FALSE);
}

/* The local name of an element or attribute in GraphML's namespace (or in
 * none, where igraph accepts that), else NULL. expat gives names as
 * URI|local; a local name cannot contain '|', a URI might. */
static const char *gx_local(const gx *x, const char *name, int attribute)
{
    const char *bar = strrchr(name, '|');
    if (!bar)
        return (attribute || x->lenient || x->depth == 0) ? name : NULL;
    size_t ulen = (size_t)(bar - name);
    if (ulen == strlen(GRAPHML_NS) && memcmp(name, GRAPHML_NS, ulen) == 0)
        return bar + 1;
    return NULL;
}

static const char *gx_attr(const gx *x, const char **atts, const char *want)
{
    for (size_t i = 0; atts[i]; i += 2) {
        const char *l = gx_local(x, atts[i], 1);
        if (l && strcmp(l, want) == 0)
            return atts[i + 1];
    }
    return NULL;
}

static int gx_grow(gx *x)
{
    size_t cap = x->n_slots ? x->n_slots * 2 : 1024;
    size_t *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t k = 0; k < x->n_ids; k++) {
        size_t h = (size_t)bm_hash_bytes(x->ids[k].id, strlen(x->ids[k].id)) & (cap - 1);
        while (s[h])
            h = (h + 1) & (cap - 1);
        s[h] = k + 1;
    }
    free(x->slots);
    x->slots = s;
    x->n_slots = cap;
    return 0;
}

/* The entry of id, added (in mention order) when new; NULL when out of memory. */
static gx_id *gx_mention(gx *x, const char *id)
{
    size_t len = strlen(id);
    if (x->n_ids * 2 >= x->n_slots && gx_grow(x) != 0)
        return NULL;
    size_t h = (size_t)bm_hash_bytes(id, len) & (x->n_slots - 1);
    while (x->slots[h]) {
        gx_id *e = &x->ids[x->slots[h] - 1];
        if (strcmp(e->id, id) == 0)
            return e;
        h = (h + 1) & (x->n_slots - 1);
    }
    if (x->n_ids == x->cap_ids) {
        size_t cap = x->cap_ids ? x->cap_ids * 2 : 256;
        gx_id *p = realloc(x->ids, cap * sizeof *p);
        if (!p)
            return NULL;
        x->ids = p;
        x->cap_ids = cap;
    }
    gx_id *e = &x->ids[x->n_ids];
    if (!(e->id = bm_arena_strndup(x->arena, id, len)))
        return NULL;
    e->node = -1;
    e->node_line = e->edge_line = 0;
    e->edge_end = 0;
    x->slots[h] = ++x->n_ids;
    return e;
}

static void gx_node(gx *x, const char **atts)
{
    const char *id = gx_attr(x, atts, "id");
    if (!id)
        return; /* igraph refuses it */
    gx_id *e = gx_mention(x, id);
    if (!e) {
        gx_fail(x, BM_EINTERNAL, "%s: out of memory", x->path);
        return;
    }
    if (e->node >= 0) {
        char b[96];
        gx_fail(x, BM_EINPUT, "%s:%zu: GraphML node id '%s' appears twice (first on line %zu)",
                x->path, gx_line(x), shown(b, sizeof b, id), e->node_line);
        return;
    }
    e->node = (long)x->nodes++;
    e->node_line = gx_line(x);
    x->item = 1;
    shown(x->item_id, sizeof x->item_id, id);
}

static void gx_edge(gx *x, const char **atts)
{
    x->item = 2;
    /* igraph numbers the ends in the order of the attributes */
    for (size_t i = 0; atts[i]; i += 2) {
        const char *l = gx_local(x, atts[i], 1);
        if (!l || (strcmp(l, "source") != 0 && strcmp(l, "target") != 0))
            continue;
        gx_id *e = gx_mention(x, atts[i + 1]);
        if (!e) {
            gx_fail(x, BM_EINTERNAL, "%s: out of memory", x->path);
            return;
        }
        if (!e->edge_line) {
            e->edge_line = gx_line(x);
            e->edge_end = strcmp(l, "target") == 0;
        }
    }
    const char *d = gx_attr(x, atts, "directed");
    if (d) {
        int dir = strcmp(d, "true") == 0 || strcmp(d, "1") == 0;
        int undir = strcmp(d, "false") == 0 || strcmp(d, "0") == 0;
        if ((dir && !x->edge_default) || (undir && x->edge_default))
            gx_fail(x, BM_EINPUT, "%s:%zu: GraphML edge has directed=\"%s\" in a graph whose "
                    "edgedefault is %s; mixed graphs are not supported", x->path, gx_line(x), d,
                    x->edge_default ? "directed" : "undirected");
    }
}

static void gx_key(gx *x, const char **atts)
{
    const char *id = gx_attr(x, atts, "id"), *an = gx_attr(x, atts, "attr.name");
    const char *fo = gx_attr(x, atts, "for"), *ty = gx_attr(x, atts, "attr.type");
    x->in_bkey = 0;
    if (!id || !an || !fo || !ty || strcmp(fo, "node") != 0 || strcmp(ty, "boolean") != 0)
        return;
    gx_bkey *k = realloc(x->bkeys, (x->n_bkeys + 1) * sizeof *k);
    if (!k) {
        gx_fail(x, BM_EINTERNAL, "%s: out of memory", x->path);
        return;
    }
    x->bkeys = k;
    k = &x->bkeys[x->n_bkeys];
    memset(k, 0, sizeof *k);
    if (!(k->id = bm_arena_strndup(x->arena, id, strlen(id))) ||
        !(k->name = bm_arena_strndup(x->arena, an, strlen(an)))) {
        gx_fail(x, BM_EINTERNAL, "%s: out of memory", x->path);
        return;
    }
    x->in_bkey = ++x->n_bkeys;
}

/* A <data> inside the current <node> (x->nodes - 1): marks a boolean key seen. */
static void gx_data(gx *x, const char **atts)
{
    const char *key = gx_attr(x, atts, "key");
    if (!key || !x->nodes)
        return;
    size_t node = x->nodes - 1;
    for (size_t i = 0; i < x->n_bkeys; i++) {
        gx_bkey *k = &x->bkeys[i];
        if (strcmp(k->id, key) != 0)
            continue;
        if (node >= k->cap) {
            size_t cap = k->cap ? k->cap : 256;
            while (cap <= node)
                cap *= 2;
            unsigned char *s = realloc(k->seen, cap);
            if (!s) {
                gx_fail(x, BM_EINTERNAL, "%s: out of memory", x->path);
                return;
            }
            memset(s + k->cap, 0, cap - k->cap);
            k->seen = s;
            k->cap = cap;
        }
        k->seen[node] = 1;
    }
}

static void XMLCALL gx_start(void *data, const char *name, const char **atts)
{
    gx *x = data;
    const char *local = gx_local(x, name, 0);
    x->depth++;
    if (x->found.st != BM_OK)
        return;
    if (x->depth == 1) {
        if (local && strcmp(local, "graphml") == 0)
            x->lenient = strchr(name, '|') == NULL;
        else
            x->depth = -1000000; /* not GraphML: igraph finds no graph; nor do we */
        return;
    }
    if (!local)
        return;
    if (x->depth == 2 && strcmp(local, "key") == 0) {
        /* igraph ignores a key without attr.type */
        const char *an = gx_attr(x, atts, "attr.name"), *fo = gx_attr(x, atts, "for");
        if (an && strcmp(an, "id") == 0 && fo && strcmp(fo, "node") == 0 &&
            gx_attr(x, atts, "attr.type"))
            x->id_key = 1;
        gx_key(x, atts);
    } else if (x->depth == 3 && x->in_bkey && strcmp(local, "default") == 0) {
        x->bkeys[x->in_bkey - 1].has_default = 1;
    } else if (x->graph_depth && x->depth == x->graph_depth + 2 && x->item == 1 &&
               strcmp(local, "data") == 0) {
        gx_data(x, atts);
    } else if (x->depth == 2 && strcmp(local, "graph") == 0) {
        if (x->graphs++ == 0) {
            x->graph_depth = 2;
            const char *ed = gx_attr(x, atts, "edgedefault");
            x->edge_default = ed && strcmp(ed, "directed") == 0;
        }
    } else if (x->graph_depth && x->depth == x->graph_depth + 1) {
        x->item = 0;
        if (strcmp(local, "hyperedge") == 0)
            gx_fail(x, BM_EINPUT, "%s:%zu: GraphML hyperedges are not supported: bridgemap reads "
                    "ties between two actors", x->path, gx_line(x));
        else if (strcmp(local, "node") == 0)
            gx_node(x, atts);
        else if (strcmp(local, "edge") == 0)
            gx_edge(x, atts);
    } else if (x->graph_depth && x->depth == x->graph_depth + 2 && x->item &&
               strcmp(local, "graph") == 0) {
        if (x->item == 1)
            gx_fail(x, BM_EINPUT, "%s:%zu: nested GraphML graphs are not supported (a graph "
                    "inside node '%s')", x->path, gx_line(x), x->item_id);
        else
            gx_fail(x, BM_EINPUT, "%s:%zu: nested GraphML graphs are not supported (a graph "
                    "inside an edge)", x->path, gx_line(x));
    }
}

/* igraph does not expand entities declared in a DTD (it drops them from
 * text and refuses them in attributes); expat would, and could then see
 * nodes igraph does not. GraphML files have no need of them. */
static void XMLCALL gx_entity(void *data, const XML_Char *name, int is_parameter,
                              const XML_Char *value, int value_length, const XML_Char *base,
                              const XML_Char *system_id, const XML_Char *public_id,
                              const XML_Char *notation)
{
    (void)is_parameter;
    (void)value;
    (void)value_length;
    (void)base;
    (void)system_id;
    (void)public_id;
    (void)notation;
    gx *x = data;
    char b[96];
    gx_fail(x, BM_EINPUT, "%s:%zu: GraphML files with <!ENTITY> declarations ('%s') are not "
            "supported: igraph does not expand them", x->path, gx_line(x), shown(b, sizeof b, name));
}

static void XMLCALL gx_end(void *data, const char *name)
{
    (void)name;
    gx *x = data;
    if (x->graph_depth && x->depth == x->graph_depth + 1)
        x->item = 0;
    if (x->graph_depth && x->depth == x->graph_depth)
        x->graph_depth = 0;
    if (x->depth == 2)
        x->in_bkey = 0;
    x->depth--;
}

/* Encodings expat does not know itself (it knows UTF-8, UTF-16, ISO-8859-1
 * and US-ASCII; libxml2, igraph's parser, knows iconv's): single-byte ones
 * such as windows-1252, mapped through iconv. */
static int XMLCALL gx_encoding(void *data, const XML_Char *name, XML_Encoding *info)
{
    (void)data;
    iconv_t cd = iconv_open("UTF-32LE", name);
    if (cd == (iconv_t)-1)
        return XML_STATUS_ERROR;
    int ok = 1;
    for (int b = 0; b < 256 && ok; b++) {
        char in = (char)b;
        unsigned char out[8];
        char *ip = &in, *op = (char *)out;
        size_t il = 1, ol = sizeof out;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || ol != sizeof out - 4) {
            if (errno == EINVAL) /* an incomplete sequence: a multi-byte encoding */
                ok = 0;
            info->map[b] = -1;
        } else {
            info->map[b] = (int)((unsigned)out[0] | (unsigned)out[1] << 8 |
                                 (unsigned)out[2] << 16 | (unsigned)out[3] << 24);
        }
        /* expat reads the XML markup in these bytes as ASCII */
        if (((b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n' || b == '\r') &&
            info->map[b] != b && !strchr("$@\\^`{}~", b))
            ok = 0;
    }
    iconv_close(cd);
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return ok ? XML_STATUS_OK : XML_STATUS_ERROR;
}

/* Reads the XML with expat the way igraph reads the first <graph>: the
 * node ids in igraph's numbering, their <node> order, and what igraph would
 * read silently wrong (x->found). The caller frees x->ids and x->slots. */
static void graphml_scan(gx *x, const char *path, bm_arena *arena, const char *bytes, size_t n)
{
    memset(x, 0, sizeof *x);
    x->path = path;
    x->arena = arena;
    if (!(x->p = XML_ParserCreateNS(NULL, '|'))) {
        gf_note(&x->found, BM_EINTERNAL, "%s: out of memory", path);
        return;
    }
    XML_SetUserData(x->p, x);
    XML_SetElementHandler(x->p, gx_start, gx_end);
    XML_SetEntityDeclHandler(x->p, gx_entity);
    XML_SetUnknownEncodingHandler(x->p, gx_encoding, NULL);
    size_t pos = 0;
    do {
        size_t chunk = n - pos < ((size_t)1 << 20) ? n - pos : ((size_t)1 << 20);
        if (XML_Parse(x->p, bytes + pos, (int)chunk, pos + chunk == n) == XML_STATUS_ERROR) {
            gf_note(&x->found, BM_EINPUT, "%s: not valid GraphML: line %zu: %s", path, gx_line(x),
                    XML_ErrorString(XML_GetErrorCode(x->p)));
            break;
        }
        pos += chunk;
    } while (pos < n);
    XML_ParserFree(x->p);
    x->p = NULL;
    if (x->found.st != BM_OK)
        return;
    /* the first edge naming an undeclared node */
    const gx_id *bad = NULL;
    for (size_t k = 0; k < x->n_ids; k++)
        if (x->ids[k].node < 0 && (!bad || x->ids[k].edge_line < bad->edge_line))
            bad = &x->ids[k];
    char b[96];
    if (bad)
        gf_note(&x->found, BM_EINPUT, "%s:%zu: GraphML edge %s '%s' is not a node of the graph",
                path, bad->edge_line, bad->edge_end ? "target" : "source",
                shown(b, sizeof b, bad->id));
}

/* Sets g->ids (igraph's numbering) and g->order / g->row_of (<node> order)
 * from the scan. */
static bm_status graphml_ids(gf_graph *g, const char *path, const gx *x)
{
    if (x->n_ids != g->n)
        return bm_error_set(BM_EINTERNAL, "%s: igraph read %zu nodes and bridgemap's GraphML "
                            "check %zu; please report this file", path, g->n, x->n_ids);
    g->order = malloc((g->n ? g->n : 1) * sizeof *g->order);
    g->row_of = malloc((g->n ? g->n : 1) * sizeof *g->row_of);
    if (!g->order || !g->row_of)
        return bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
    for (size_t v = 0; v < g->n; v++) {
        g->ids[v] = (char *)x->ids[v].id;
        g->row_of[v] = (size_t)x->ids[v].node;
        g->order[x->ids[v].node] = v;
    }
    /* a boolean without its <data> and without a <default>: missing, not false */
    for (size_t c = 0; c < g->ncols; c++) {
        gf_col *col = &g->cols[c];
        if (col->type != IGRAPH_ATTRIBUTE_BOOLEAN)
            continue;
        for (size_t i = 0; i < x->n_bkeys; i++) {
            const gx_bkey *k = &x->bkeys[i];
            if (k->has_default || strcmp(k->name, col->attr) != 0)
                continue;
            for (size_t v = 0; v < g->n; v++) {
                size_t node = (size_t)x->ids[v].node;
                if (node >= k->cap || !k->seen[node])
                    col->flag[v] = 2;
            }
        }
    }
    return BM_OK;
}

/* ---- Pajek: a line scan ------------------------------------------------------------- */

/* Whether each edge, in igraph's order (the order of the lines), has a
 * value on its line. igraph 0.10.2 gives the edges before the first valued
 * one weight 0 and those after it NaN; Pajek's rule is 1 for both. */
typedef struct pajek_values {
    unsigned char *has;
    size_t n, cap;
} pajek_values;

static int push_value(pajek_values *pv, int has)
{
    if (pv->n == pv->cap) {
        size_t cap = pv->cap ? pv->cap * 2 : 1024;
        unsigned char *p = realloc(pv->has, cap);
        if (!p)
            return -1;
        pv->has = p;
        pv->cap = cap;
    }
    pv->has[pv->n++] = (unsigned char)has;
    return 0;
}

/* The next token of the line s[*k .. end), its length in *len (0 at the
 * end of the line); *k moves past it. */
static const char *next_token(const char *s, size_t end, size_t *k, size_t *len)
{
    while (*k < end && (s[*k] == ' ' || s[*k] == '\t' || s[*k] == '\r'))
        (*k)++;
    size_t start = *k;
    while (*k < end && s[*k] != ' ' && s[*k] != '\t' && s[*k] != '\r')
        (*k)++;
    *len = *k - start;
    return s + start;
}

static int token_integer(const char *t, size_t len)
{
    if (len == 0 || len > 12)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)t[i]))
            return 0;
    return 1;
}

/* 1 when the token is a number (locale-free), with its value in *v. */
static int token_number(bm_numparser *np, const char *t, size_t len, double *v)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, t, len);
    buf[len] = '\0';
    return bm_parse_double(np, buf, 0, v) == 0;
}

/* Finds mixed *Arcs and *Edges and vertex numbers listed twice (into found),
 * notes which edges have values (pv), and refuses at once more than
 * GF_MAX_VERTICES vertices, which igraph would allocate. */
static bm_status pajek_scan(const char *path, const char *s, size_t n, gf_finding *found,
                            pajek_values *pv)
{
    bm_status st = BM_OK;
    unsigned char *seen = NULL;
    size_t line = 0, i = 0, vertices = 0;
    enum { OTHER, VERTICES, PAIRS, LISTS, MATRIX } section = OTHER;
    int had_vertices = 0;
    size_t arcs_line = 0, edges_line = 0;
    char arcs_word[16] = "", edges_word[16] = "";
    bm_numparser *np = bm_numparser_new();
    if (!np)
        return bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
    while (i < n) {
        size_t end = i;
        while (end < n && s[end] != '\n')
            end++;
        line++;
        size_t k = i;
        while (k < end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
            k++;
        if (k < end && s[k] == '*') {
            char word[16];
            size_t w = 0;
            const char *start = s + k + 1;
            while (k + 1 + w < end && w < sizeof word - 1 && isalpha((unsigned char)start[w])) {
                word[w] = (char)tolower((unsigned char)start[w]);
                w++;
            }
            word[w] = '\0';
            section = OTHER;
            if (strcmp(word, "vertices") == 0 && !had_vertices) {
                section = VERTICES;
                had_vertices = 1;
                char num[24];
                size_t q = k + 1 + w, d = 0;
                while (q < end && (s[q] == ' ' || s[q] == '\t'))
                    q++;
                while (q < end && isdigit((unsigned char)s[q]) && d < sizeof num - 1)
                    num[d++] = s[q++];
                num[d] = '\0';
                unsigned long long v = strtoull(num, NULL, 10);
                if (d >= 12 || v > GF_MAX_VERTICES) {
                    st = bm_error_set(BM_EINPUT, "%s:%zu: *Vertices %s: more than %d vertices are "
                                      "not supported", path, line, num, GF_MAX_VERTICES);
                    goto done;
                }
                vertices = (size_t)v;
                if (!(seen = calloc(vertices + 1, 1))) {
                    st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
                    goto done;
                }
            } else if (strcmp(word, "arcs") == 0 || strcmp(word, "arcslist") == 0 ||
                       strcmp(word, "matrix") == 0) {
                section = word[0] == 'm' ? MATRIX : word[4] ? LISTS : PAIRS;
                if (!arcs_line) {
                    arcs_line = line;
                    snprintf(arcs_word, sizeof arcs_word, "%.*s", (int)w, start);
                }
            } else if (strcmp(word, "edges") == 0 || strcmp(word, "edgeslist") == 0) {
                section = word[5] ? LISTS : PAIRS;
                if (!edges_line) {
                    edges_line = line;
                    snprintf(edges_word, sizeof edges_word, "%.*s", (int)w, start);
                }
            }
        } else if (k < end && s[k] != '%') {
            size_t l1, l2, l3, l;
            const char *t1 = next_token(s, end, &k, &l1), *t2, *t3, *t;
            int ok = 1;
            double v;
            if (section == VERTICES && token_integer(t1, l1)) {
                size_t vx = (size_t)strtoull(t1, NULL, 10);
                if (vx >= 1 && vx <= vertices) {
                    if (seen[vx])
                        gf_note(found, BM_EINPUT, "%s:%zu: Pajek vertex %zu is listed twice", path,
                                line, vx);
                    seen[vx] = 1;
                }
            } else if (section == PAIRS && token_integer(t1, l1)) {
                t2 = next_token(s, end, &k, &l2);
                t3 = next_token(s, end, &k, &l3);
                if (token_integer(t2, l2))
                    ok = push_value(pv, token_number(np, t3, l3, &v)) == 0;
            } else if (section == LISTS && token_integer(t1, l1)) {
                while (ok && (t = next_token(s, end, &k, &l), l > 0) && token_integer(t, l))
                    ok = push_value(pv, 0) == 0;
            } else if (section == MATRIX) {
                for (t = t1, l = l1; ok && l > 0; t = next_token(s, end, &k, &l))
                    if (token_number(np, t, l, &v) && v != 0)
                        ok = push_value(pv, 1) == 0;
            }
            if (!ok) {
                st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
                goto done;
            }
        }
        i = end + 1;
    }
    if (arcs_line && edges_line) {
        size_t later = arcs_line > edges_line ? arcs_line : edges_line;
        gf_note(found, BM_EINPUT, "%s:%zu: this Pajek network has both *%s (line %zu) and *%s "
                "(line %zu); mixed networks are not supported: write every tie as an arc, or "
                "every tie as an edge", path, later, arcs_word, arcs_line, edges_word, edges_line);
    }
done:
    bm_numparser_free(np);
    free(seen);
    return st;
}

/* ---- the two tables --------------------------------------------------------------------- */

static bm_status emit(const gf_graph *g, const char *path, bm_csv_callback actors_cb,
                      void *actors_ctx, bm_csv_callback records_cb, void *records_ctx)
{
    bm_status st = BM_OK;
    size_t nf = 1 + g->ncols;
    if (nf < 3)
        nf = 3;
    char **fields = malloc(nf * sizeof *fields);
    size_t *lens = malloc(nf * sizeof *lens);
    char (*scratch)[32] = malloc(nf * sizeof *scratch);
    bm_numparser *np = g->wtype == 2 ? bm_numparser_new() : NULL;
    /* numbers printed with a point whatever the host program's locale */
    locale_t c_loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    locale_t old_loc = c_loc != (locale_t)0 ? uselocale(c_loc) : (locale_t)0;
    if (!fields || !lens || !scratch || (g->wtype == 2 && !np) || c_loc == (locale_t)0) {
        st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
        goto done;
    }
    bm_csv_record rec = {0, 0, fields, lens, NULL, "node"};
    if (actors_cb) {
        fields[0] = (char *)"id";
        for (size_t k = 0; k < g->ncols; k++)
            fields[1 + k] = g->cols[k].name;
        rec.nfields = 1 + g->ncols;
        for (size_t k = 0; k < rec.nfields; k++)
            lens[k] = strlen(fields[k]);
        if ((st = actors_cb(&rec, actors_ctx)) != BM_OK)
            goto done;
        for (size_t r = 0; r < g->n; r++) {
            size_t v = g->order ? g->order[r] : r;
            rec.line = r + 1;
            fields[0] = g->ids[v];
            for (size_t k = 0; k < g->ncols; k++) {
                const gf_col *c = &g->cols[k];
                if (c->type == IGRAPH_ATTRIBUTE_NUMERIC)
                    fields[1 + k] = (char *)number_text(scratch[1 + k], c->num[v]);
                else if (c->type == IGRAPH_ATTRIBUTE_BOOLEAN)
                    fields[1 + k] = (char *)(c->flag[v] == 2 ? "" : c->flag[v] ? "TRUE" : "FALSE");
                else
                    fields[1 + k] = c->str[v];
            }
            for (size_t k = 0; k < rec.nfields; k++)
                lens[k] = strlen(fields[k]);
            if ((st = actors_cb(&rec, actors_ctx)) != BM_OK)
                goto done;
        }
    }
    if (!records_cb)
        goto done;
    rec.item = "edge";
    rec.line = 0;
    fields[0] = (char *)"source";
    fields[1] = (char *)"target";
    fields[2] = (char *)"weight";
    rec.nfields = g->wtype ? 3 : 2;
    for (size_t k = 0; k < rec.nfields; k++)
        lens[k] = strlen(fields[k]);
    if ((st = records_cb(&rec, records_ctx)) != BM_OK)
        goto done;
    for (size_t e = 0; e < g->m; e++) {
        size_t a = (size_t)g->ends[2 * e], b = (size_t)g->ends[2 * e + 1];
        if (!g->directed) { /* the end that comes first in the actors table first */
            size_t ra = g->row_of ? g->row_of[a] : a, rb = g->row_of ? g->row_of[b] : b;
            if (rb < ra) {
                size_t t = a;
                a = b;
                b = t;
            }
        }
        rec.line = e + 1;
        fields[0] = g->ids[a];
        fields[1] = g->ids[b];
        if (g->wtype == 1) {
            fields[2] = (char *)number_text(scratch[2], g->wnum[e]);
        } else if (g->wtype == 2) {
            double w;
            const char *t = g->wstr[e];
            if (t[0] && bm_parse_double(np, t, 0, &w) != 0) {
                char loc[600], shown_w[96];
                st = bm_error_set(BM_EINPUT, "%s: weight '%s' is not a number (the file's edge "
                                  "attribute 'weight' is text)", bm_loc(loc, sizeof loc, path, &rec, -1),
                                  shown(shown_w, sizeof shown_w, t));
                goto done;
            }
            fields[2] = g->wstr[e];
        }
        for (size_t k = 0; k < rec.nfields; k++)
            lens[k] = strlen(fields[k]);
        if ((st = records_cb(&rec, records_ctx)) != BM_OK)
            goto done;
    }
done:
    if (old_loc != (locale_t)0)
        uselocale(old_loc);
    if (c_loc != (locale_t)0)
        freelocale(c_loc);
    bm_numparser_free(np);
    free(fields);
    free(lens);
    free(scratch);
    return st;
}

/* ---- the reader ----------------------------------------------------------------------- */

bm_status bm_graph_read(const char *path, bm_graph_format fmt, int *directed,
                        bm_csv_callback actors_cb, void *actors_ctx, bm_csv_callback records_cb,
                        void *records_ctx, bm_csv_info *info)
{
    bm_status st;
    char *bytes = NULL;
    size_t n = 0;
    gf_graph g;
    memset(&g, 0, sizeof g);
    bm_arena_init(&g.arena);
    gf_finding found;
    memset(&found, 0, sizeof found);
    gx x;
    memset(&x, 0, sizeof x);
    pajek_values pv = {NULL, 0, 0};

    if ((st = bm_i_read_file(path, &bytes, &n)) != BM_OK)
        goto done;
    if (info) {
        bm_i_sha256_hex(bytes, n, info->sha256);
        info->delimiter = 0;
        info->converted_cp1252 = 0;
    }
    if (fmt == BM_GRAPH_NONE) {
        fmt = format_by_content(bytes, n);
        if (fmt == BM_GRAPH_NONE)
            fmt = format_by_extension(path);
    }
    if (fmt != BM_GRAPH_GRAPHML && fmt != BM_GRAPH_GML && fmt != BM_GRAPH_PAJEK) {
        st = bm_error_set(BM_EINPUT, "%s: not a GraphML, GML or Pajek file", path);
        goto done;
    }
    if (n == 0) {
        st = bm_error_set(BM_EINPUT, "%s: %s: the file is empty", path, not_valid(fmt));
        goto done;
    }
    /* GML is ISO-8859-1 by its definition (Himsolt 1997) and Pajek files
     * from Windows are Windows-1252; GraphML says its encoding (expat and
     * libxml2 convert). Text that is not UTF-8 is read as Windows-1252. */
    if (fmt != BM_GRAPH_GRAPHML) {
        int converted = 0;
        if ((st = bm_i_text_to_utf8(path, &bytes, &n, &converted)) != BM_OK)
            goto done;
        if (info)
            info->converted_cp1252 = converted;
    }
    if (fmt == BM_GRAPH_PAJEK && (st = pajek_scan(path, bytes, n, &found, &pv)) != BM_OK)
        goto done;
    if (fmt == BM_GRAPH_GRAPHML) {
        /* before igraph: copy_graph needs to know whether a <data> key took
         * igraph's "id" attribute */
        graphml_scan(&x, path, &g.arena, bytes, n);
        found = x.found;
        g.id_key = x.id_key;
    }
    if ((st = igraph_read(&g, fmt, path, bytes, n)) != BM_OK)
        goto done;
    if (found.st != BM_OK) {
        st = gf_report(&found);
        goto done;
    }
    if (fmt == BM_GRAPH_PAJEK && g.wtype == 1 && pv.n == g.m) {
        for (size_t e = 0; e < g.m; e++)
            if (!pv.has[e])
                g.wnum[e] = 1.0; /* no value on the line: Pajek's 1, not igraph's 0 */
    }
    if (g.n == 0) {
        st = bm_error_set(BM_EINPUT, "%s: the graph has no nodes", path);
        goto done;
    }
    if (g.n > GF_MAX_VERTICES) {
        st = bm_error_set(BM_EINPUT, "%s: %zu nodes; more than %d are not supported", path, g.n,
                          GF_MAX_VERTICES);
        goto done;
    }
    if (fmt == BM_GRAPH_GRAPHML && (st = graphml_ids(&g, path, &x)) != BM_OK)
        goto done;
    if (directed)
        *directed = g.directed;
    st = emit(&g, path, actors_cb, actors_ctx, records_cb, records_ctx);
done:
    free(x.ids);
    free(x.slots);
    for (size_t i = 0; i < x.n_bkeys; i++)
        free(x.bkeys[i].seen);
    free(x.bkeys);
    free(pv.has);
    gf_graph_free(&g);
    free(bytes);
    return st;
}
