/* options.c: every option by name (bridgemap/options.h), for bindings.
 *
 * A bm_options keeps one string per option name (copied, so a binding may
 * pass temporaries) and fills the library's option structs from them; the
 * runners below make the same calls, in the same order, as the subcommands
 * of the command line (src/cli/), so a binding's tables equal the CLI's.
 * Values are checked here with the command line's rules and messages,
 * naming the option without its dashes. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bridgemap/analysis.h"
#include "bridgemap/compare.h"
#include "bridgemap/options.h"
#include "bridgemap/output.h"
#include "bridgemap/render.h"

/* The option names, in the header's order. */
enum {
    K_RECORDS, K_ACTORS, K_AFFILIATIONS, K_DIRECTED, K_UNDIRECTED, K_UNWEIGHTED, K_FROM, K_TO,
    K_SOURCE_COL, K_TARGET_COL, K_WEIGHT_COL, K_DATE_COL, K_ID_COL, K_DELIMITER, K_ENCODING,
    K_DATE_FORMAT, K_STRICT, K_PROJECTION, K_SHEET, K_ACTORS_SHEET, K_AFF_SHEET,
    K_GROUP, K_SEED, K_PERMUTATIONS, K_TOP, K_JOBS, K_PATHS, K_EPSILON, K_DELTA, K_RAW_CSV,
    K_EXPORT, K_BY,
    K_VIEW, K_SHAPE_BY, K_SIZE_BY, K_LABEL_BY, K_TITLE, K_CAPTION, K_MAX_LABELS, K_ACTOR,
    K_RADIUS, K_NO_MAP,
    K_BEFORE_LABEL, K_AFTER_LABEL,
    K_COUNT
};

static const char *const key_names[K_COUNT] = {
    "records", "actors", "affiliations", "directed", "undirected", "unweighted", "from", "to",
    "source_col", "target_col", "weight_col", "date_col", "id_col", "delimiter", "encoding",
    "date_format", "strict", "projection", "sheet", "actors_sheet", "affiliations_sheet",
    "group", "seed", "permutations", "top", "jobs", "paths", "epsilon", "delta", "raw_csv",
    "export", "by",
    "view", "shape_by", "size_by", "label_by", "title", "caption", "max_labels", "actor",
    "radius", "no_map",
    "before_label", "after_label"};

struct bm_options {
    char *value[K_COUNT];          /* NULL: the default */
    bm_load_options load;
    bm_analysis_options analysis;
    bm_compare_options compare;
    bm_render_options render;      /* grouping, actors, shapes, focus filled in per call */
    bm_period_unit by;
    int has_by, no_map;
};

static long find_key(const char *name)
{
    char norm[32];
    size_t n = strlen(name);
    if (n >= sizeof norm)
        return -1;
    for (size_t i = 0; i <= n; i++)
        norm[i] = name[i] == '-' ? '_' : name[i];
    if (strcmp(norm, "color_by") == 0)
        return K_GROUP;
    for (long k = 0; k < K_COUNT; k++)
        if (strcmp(norm, key_names[k]) == 0)
            return k;
    return -1;
}

/* A whole number of at most `max`, digits only. */
static int parse_count(const char *s, unsigned long max, unsigned long *out)
{
    if (!*s)
        return -1;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p))
            return -1;
    errno = 0;
    unsigned long x = strtoul(s, NULL, 10);
    if (errno || x > max)
        return -1;
    *out = x;
    return 0;
}

static int parse_flag(const char *s, int *out)
{
    static const char *const yes[] = {"1", "true", "yes", "on"}, *const no[] = {"0", "false", "no", "off", ""};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    return -1;
}

static int one_of(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, words[i]) == 0)
            return (int)i;
    return -1;
}

/* Fills the structs from the strings; the value of k has been checked. */
static void apply(bm_options *o)
{
    char *const *v = o->value;
    bm_load_options *lo = &o->load;
    bm_load_options_init(lo);
    lo->records_path = v[K_RECORDS];
    lo->actors_path = v[K_ACTORS];
    lo->affiliations_path = v[K_AFFILIATIONS];
    lo->date_from = v[K_FROM];
    lo->date_to = v[K_TO];
    lo->source_col = v[K_SOURCE_COL];
    lo->target_col = v[K_TARGET_COL];
    lo->weight_col = v[K_WEIGHT_COL];
    lo->date_col = v[K_DATE_COL];
    lo->id_col = v[K_ID_COL];
    lo->encoding = v[K_ENCODING];
    lo->date_format = v[K_DATE_FORMAT];
    lo->records_sheet = v[K_SHEET];
    lo->actors_sheet = v[K_ACTORS_SHEET];
    lo->affiliations_sheet = v[K_AFF_SHEET];
    int flag = 0;
    if (v[K_DIRECTED] && parse_flag(v[K_DIRECTED], &flag) == 0)
        lo->directed = flag;
    if (v[K_UNDIRECTED] && parse_flag(v[K_UNDIRECTED], &flag) == 0)
        lo->undirected = flag;
    if (v[K_UNWEIGHTED] && parse_flag(v[K_UNWEIGHTED], &flag) == 0)
        lo->unweighted = flag;
    if (v[K_STRICT] && parse_flag(v[K_STRICT], &flag) == 0)
        lo->strict = flag;
    if (v[K_DELIMITER])
        lo->delimiter = strlen(v[K_DELIMITER]) == 1 && v[K_DELIMITER][0] != '\t' ? v[K_DELIMITER][0] : '\t';
    lo->projection = v[K_PROJECTION] && strcmp(v[K_PROJECTION], "newman") == 0 ? BM_PROJECT_NEWMAN
                                                                                : BM_PROJECT_COUNT;

    bm_analysis_options *ao = &o->analysis;
    unsigned long num;
    bm_analysis_options_init(ao);
    ao->group = v[K_GROUP];
    ao->unweighted = lo->unweighted;
    if (v[K_SEED] && parse_count(v[K_SEED], ~0UL, &num) == 0)
        ao->seed = num;
    if (v[K_PERMUTATIONS] && parse_count(v[K_PERMUTATIONS], ~0UL, &num) == 0)
        ao->permutations = (size_t)num;
    ao->top = 10;
    if (v[K_TOP] && parse_count(v[K_TOP], ~0UL, &num) == 0)
        ao->top = (size_t)num;
    if (v[K_JOBS] && parse_count(v[K_JOBS], 4096, &num) == 0)
        ao->jobs = (unsigned)num;
    static const char *const paths[] = {"auto", "exact", "sampled"};
    static const bm_paths_method methods[] = {BM_PATHS_AUTO, BM_PATHS_EXACT, BM_PATHS_SAMPLED};
    if (v[K_PATHS])
        ao->paths = methods[one_of(v[K_PATHS], paths, 3)];
    if (v[K_EPSILON])
        ao->epsilon = strtod(v[K_EPSILON], NULL);
    if (v[K_DELTA])
        ao->delta = strtod(v[K_DELTA], NULL);
    if (v[K_RAW_CSV] && parse_flag(v[K_RAW_CSV], &flag) == 0)
        ao->raw_csv = flag;
    ao->exports = v[K_EXPORT];
    o->has_by = v[K_BY] && bm_period_unit_parse(v[K_BY], &o->by) == 0;

    bm_compare_options_init(&o->compare);
    o->compare.analysis = *ao;
    o->compare.before_label = v[K_BEFORE_LABEL];
    o->compare.after_label = v[K_AFTER_LABEL];

    /* as analyze and render draw (cli_render_options) */
    bm_render_options *ro = &o->render;
    bm_render_options_init(ro);
    ro->size_by = v[K_SIZE_BY] ? v[K_SIZE_BY] : "betweenness";
    ro->label_by = v[K_LABEL_BY];
    ro->title = v[K_TITLE];
    ro->caption = v[K_CAPTION];
    ro->seed = ao->seed;
    if (v[K_MAX_LABELS] && parse_count(v[K_MAX_LABELS], ~0UL, &num) == 0)
        ro->max_labels = (size_t)num;
    ro->view = v[K_VIEW] && strcmp(v[K_VIEW], "silo") == 0 ? BM_MAP_SILO : BM_MAP_NETWORK;
    if (v[K_RADIUS] && parse_count(v[K_RADIUS], 10, &num) == 0)
        ro->radius = (unsigned)num;
    o->no_map = 0;
    if (v[K_NO_MAP] && parse_flag(v[K_NO_MAP], &flag) == 0)
        o->no_map = flag;
}

/* NULL when value suits option k, else what it must be. */
static const char *check(long k, const char *value)
{
    unsigned long num;
    int flag;
    switch (k) {
    case K_DIRECTED: case K_UNDIRECTED: case K_UNWEIGHTED: case K_STRICT: case K_RAW_CSV: case K_NO_MAP:
        return parse_flag(value, &flag) == 0 ? NULL : "must be 1 or 0 (true/false, yes/no)";
    case K_SEED:
        return parse_count(value, ~0UL, &num) == 0 ? NULL : "needs a whole number >= 0";
    case K_MAX_LABELS:
        return parse_count(value, ~0UL, &num) == 0 ? NULL : "needs a whole number";
    case K_PERMUTATIONS: case K_TOP:
        return parse_count(value, ~0UL, &num) == 0 && num > 0 ? NULL : "needs a whole number >= 1";
    case K_JOBS:
        return parse_count(value, 4096, &num) == 0 && num > 0 ? NULL
                                                               : "needs a whole number from 1 to 4096";
    case K_RADIUS:
        return parse_count(value, 10, &num) == 0 && num > 0 ? NULL : "must be a whole number from 1 to 10";
    case K_EPSILON: case K_DELTA: {
        char *end;
        double x = strtod(value, &end);
        return *value && !*end && x > 0 && x < 1 ? NULL : "needs a number between 0 and 1";
    }
    case K_PATHS: {
        static const char *const w[] = {"auto", "exact", "sampled"};
        return one_of(value, w, 3) >= 0 ? NULL : "must be auto, exact or sampled";
    }
    case K_PROJECTION: {
        static const char *const w[] = {"count", "newman"};
        return one_of(value, w, 2) >= 0 ? NULL : "must be count or newman";
    }
    case K_VIEW: {
        static const char *const w[] = {"network", "silo", "groups"};
        return one_of(value, w, 3) >= 0 ? NULL : "must be network, silo or groups";
    }
    case K_BY: {
        bm_period_unit u;
        return bm_period_unit_parse(value, &u) == 0 ? NULL : "must be month, quarter or year";
    }
    case K_DELIMITER: {
        static const char *const w[] = {",", ";", "|", "tab", "\\t", "\t"};
        return one_of(value, w, 6) >= 0 ? NULL : "must be one of , ; | or tab";
    }
    case K_EXPORT:
        for (const char *e = value; *e;) {
            size_t len = strcspn(e, ",");
            if (!((len == 7 && strncmp(e, "graphml", 7) == 0) || (len == 4 && strncmp(e, "gexf", 4) == 0) ||
                  (len == 4 && strncmp(e, "kumu", 4) == 0)))
                return "takes graphml, gexf and/or kumu, comma separated";
            e += len;
            if (*e == ',')
                e++;
        }
        return NULL;
    default:
        return NULL;
    }
}

const char *bm_options_check(const char *name, const char *value)
{
    long k = name && value ? find_key(name) : -1;
    return k < 0 ? NULL : check(k, value);
}

bm_status bm_options_new(bm_options **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    apply(*out);
    return BM_OK;
}

void bm_options_free(bm_options *o)
{
    if (!o)
        return;
    for (size_t k = 0; k < K_COUNT; k++)
        free(o->value[k]);
    free(o);
}

bm_status bm_options_set(bm_options *o, const char *name, const char *value)
{
    long k = name ? find_key(name) : -1;
    if (k < 0)
        return bm_error_set(BM_EUSAGE, "unknown option '%s'", name ? name : "(null)");
    const char *why = value ? check(k, value) : NULL;
    if (why)
        return bm_error_set(BM_EUSAGE, "%s %s, not '%s'", key_names[k], why, value);
    char *copy = NULL;
    if (value && !(copy = strdup(value)))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    free(o->value[k]);
    o->value[k] = copy;
    apply(o);
    return BM_OK;
}

const bm_load_options *bm_options_load(const bm_options *o) { return &o->load; }
const bm_analysis_options *bm_options_analysis(const bm_options *o) { return &o->analysis; }
const bm_compare_options *bm_options_compare(const bm_options *o) { return &o->compare; }

bm_status bm_options_load_network(bm_network **out, const bm_options *o)
{
    *out = NULL;
    const bm_load_options *lo = &o->load;
    if (lo->directed && lo->undirected)
        return bm_error_set(BM_EUSAGE, "directed and undirected exclude each other");
    if (!lo->records_path && !lo->affiliations_path)
        return bm_error_set(BM_EUSAGE, "no records file given (nor affiliations)");
    bm_network *net = NULL;
    bm_status st = bm_load(&net, lo);
    if (st != BM_OK)
        return st;
    /* as the command line: the library builds a network of no ties (the
     * measures are defined on it), but a records file with a header and
     * nothing else is a person's mistake */
    if (lo->records_path && !lo->affiliations_path && bm_network_record_count(net) == 0 &&
        bm_network_records_outside_window(net) == 0) {
        const char *fmt = bm_network_records_format(net);
        int graph = fmt && strcmp(fmt, "CSV") && strcmp(fmt, "xlsx");
        bm_network_free(net);
        return bm_error_set(BM_EINPUT, graph ? "%s: the graph has no edges (nothing to analyse)"
                                             : "%s: no records after the header (nothing to analyse)",
                            lo->records_path);
    }
    *out = net;
    return BM_OK;
}

bm_status bm_options_run_analysis(bm_analysis **out, const bm_network *net, const bm_options *o)
{
    bm_analysis *a = NULL;
    bm_status st = bm_analysis_new(&a, net, &o->analysis);
    if (st == BM_OK)
        st = bm_analysis_run(a);
    if (st == BM_OK && o->has_by)
        st = bm_analysis_add_periods(a, &o->load, o->by);
    if (st != BM_OK) {
        bm_analysis_free(a);
        a = NULL;
    }
    *out = a;
    return st;
}

/* The analysis's grouping that group (color_by) names: a level's column, or
 * the levels as the analysis was asked for them ("sector,unit": the first);
 * NULL when group names none of them. */
static const bm_grouping *named_level(const bm_analysis *a, const char *group)
{
    size_t levels = bm_analysis_levels(a);
    char joined[1024] = "";
    size_t used = 0;
    for (size_t k = 0; k < levels; k++) {
        const char *col = bm_grouping_column(bm_analysis_grouping(a, k));
        if (strcmp(col, group) == 0)
            return bm_analysis_grouping(a, k);
        int w = snprintf(joined + used, sizeof joined - used, "%s%s", k ? "," : "", col);
        if (w > 0)
            used = used + (size_t)w < sizeof joined ? used + (size_t)w : sizeof joined - 1;
    }
    return levels && strcmp(joined, group) == 0 ? bm_analysis_grouping(a, 0) : NULL;
}

/* The map options of o for a: coloured by the analysis's first grouping, or
 * by color_by when it names another column (built into *colour), the actor
 * table, the shapes (built into *shapes). The caller frees *colour and
 * *shapes. Checks the columns as the command line does. */
static bm_status map_options(const bm_analysis *a, const bm_network *net, const bm_options *o,
                             bm_render_options *ro, bm_grouping **colour, bm_grouping **shapes)
{
    const char *const *v = (const char *const *)o->value;
    const bm_table *actors = bm_analysis_actors(a);
    *ro = o->render;
    ro->grouping = bm_analysis_grouping(a, 0);
    ro->actors = actors;
    *shapes = *colour = NULL;
    if (v[K_GROUP] && !(ro->grouping = named_level(a, v[K_GROUP]))) {
        bm_status st = bm_grouping_new(colour, net, v[K_GROUP]);
        if (st != BM_OK)
            return st;
        ro->grouping = *colour;
    }
    if (v[K_SIZE_BY]) {
        long c = actors ? bm_table_find(actors, v[K_SIZE_BY]) : -1;
        if (c < 0 || bm_table_col_type(actors, (size_t)c) != BM_COL_NUMBER)
            return bm_error_set(BM_EUSAGE, "size_by: no measure '%s' (try degree, strength, "
                                "betweenness, pagerank, eigenvector, harmonic)", v[K_SIZE_BY]);
    }
    if (v[K_LABEL_BY] && bm_network_attr_find(net, v[K_LABEL_BY]) < 0)
        return bm_error_set(BM_EUSAGE, "label_by: no actor column '%s'", v[K_LABEL_BY]);
    if (v[K_SHAPE_BY])
        return bm_grouping_new(shapes, net, v[K_SHAPE_BY]);
    return BM_OK;
}

bm_status bm_options_render(const bm_analysis *a, const bm_options *o, const char *path)
{
    const bm_network *net = bm_analysis_network(a);
    const char *const *v = (const char *const *)o->value;
    bm_render_options ro;
    bm_grouping *shapes = NULL, *colour = NULL;
    bm_status st = map_options(a, net, o, &ro, &colour, &shapes);
    if (st != BM_OK)
        goto done;
    ro.shapes = shapes;
    if (v[K_ACTOR] && (ro.focus = bm_network_find_actor(net, v[K_ACTOR])) < 0) {
        st = bm_error_set(BM_EUSAGE, "actor: no actor '%s' in the network", v[K_ACTOR]);
        goto done;
    }
    if (v[K_VIEW] && strcmp(v[K_VIEW], "groups") == 0) {
        if (!ro.grouping)
            st = bm_error_set(BM_EUSAGE, "view groups needs a grouping: color_by COLUMN (the actors "
                              "file has no sector column)");
        else
            st = bm_render_group_map(net, &ro, path);
    } else {
        st = bm_render_map(net, &ro, path);
    }
done:
    bm_grouping_free(shapes);
    bm_grouping_free(colour);
    return st;
}

bm_status bm_options_write_analysis(const bm_analysis *a, const bm_options *o, const char *dir)
{
    if (o->no_map)
        return bm_analysis_write(a, dir, NULL);
    bm_render_options ro;
    bm_grouping *shapes = NULL, *colour = NULL;
    bm_status st = map_options(a, bm_analysis_network(a), o, &ro, &colour, &shapes);
    ro.shapes = shapes;
    ro.view = BM_MAP_NETWORK; /* analyze draws every view itself; no ego map */
    ro.focus = -1;
    ro.radius = 0;
    if (st == BM_OK)
        st = bm_analysis_write(a, dir, &ro);
    bm_grouping_free(shapes);
    bm_grouping_free(colour);
    return st;
}

bm_status bm_options_run_compare(bm_compare **out, const bm_network *before, const bm_network *after,
                                 const bm_options *o)
{
    bm_compare *c = NULL;
    *out = NULL;
    if (o->has_by)
        return bm_error_set(BM_EUSAGE, "by makes a trend of one records file "
                            "(bm_options_compare_by_period), not a comparison of two");
    bm_status st = bm_compare_new(&c, before, after, &o->compare);
    if (st == BM_OK)
        st = bm_compare_run(c);
    if (st != BM_OK) {
        bm_compare_free(c);
        c = NULL;
    }
    *out = c;
    return st;
}

bm_status bm_options_compare_by_period(bm_table **out, const bm_options *o)
{
    *out = NULL;
    if (!o->has_by)
        return bm_error_set(BM_EUSAGE, "a trend needs by (month, quarter or year)");
    if (!o->load.records_path)
        return bm_error_set(BM_EUSAGE, "a trend needs a dated records file");
    return bm_compare_by_period(out, &o->load, &o->compare, o->by);
}

bm_status bm_options_write_compare(const bm_compare *c, const bm_options *o, const char *dir)
{
    /* as compare draws: title, labels and seed; the rest comes from c */
    bm_render_options ro;
    bm_render_options_init(&ro);
    ro.title = o->render.title;
    ro.label_by = o->render.label_by;
    ro.seed = o->render.seed;
    return bm_compare_write(c, dir, o->no_map ? NULL : &ro);
}

/* Runs write(x, f, label_by) into a string. */
static bm_status to_string(bm_status (*write)(const void *, FILE *, const char *), const void *x,
                           const char *label_by, char **out)
{
    char *buf = NULL;
    size_t len = 0;
    *out = NULL;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    bm_status st = write(x, f, label_by);
    if (fclose(f) != 0 && st == BM_OK)
        st = bm_error_set(BM_EINTERNAL, "out of memory");
    if (st != BM_OK) {
        free(buf);
        return st;
    }
    *out = buf;
    return BM_OK;
}

static bm_status write_analysis_narrative(const void *a, FILE *f, const char *label_by)
{
    return bm_analysis_write_narrative(a, f, label_by);
}

static bm_status write_compare_narrative(const void *c, FILE *f, const char *label_by)
{
    return bm_compare_write_narrative(c, f, label_by);
}

bm_status bm_options_narrative(const bm_analysis *a, const bm_options *o, char **out)
{
    return to_string(write_analysis_narrative, a, o->render.label_by, out);
}

bm_status bm_options_compare_narrative(const bm_compare *c, const bm_options *o, char **out)
{
    return to_string(write_compare_narrative, c, o->render.label_by, out);
}

void bm_string_free(char *s) { free(s); }

double bm_compare_test_value(const bm_compare *c, const char *name)
{
    const bm_change_test *t = c ? bm_compare_test(c) : NULL;
    if (!t || !name)
        return NAN;
    if (strcmp(name, "share_before") == 0) return t->share_before;
    if (strcmp(name, "share_after") == 0) return t->share_after;
    if (strcmp(name, "ties_before") == 0) return (double)t->ties_before;
    if (strcmp(name, "ties_after") == 0) return (double)t->ties_after;
    if (strcmp(name, "change") == 0) return t->change;
    if (strcmp(name, "p_value") == 0) return t->p_value;
    if (strcmp(name, "permutations") == 0) return (double)t->permutations;
    if (strcmp(name, "seed") == 0) return (double)t->seed;
    return NAN;
}
