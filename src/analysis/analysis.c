/* analysis.c: the analysis pipeline as one object (bridgemap/analysis.h).
 *
 * The order of work: groupings (one per level); one pass of shortest-path
 * searches for every path measure and the group betweenness of every level
 * (measure/paths.c, on worker processes, exact or sampled); the communities;
 * then the tables, each assembled from those shared intermediates rather than
 * recomputing them; finally the writers. The CLI's `analyze` is this object
 * plus option parsing and the sentences on stdout. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bridgemap/analysis.h"
#include "bridgemap/export.h"
#include "bridgemap/output.h"
#include "internal.h"
#include "communities.h"
#include "paths.h"

struct bm_analysis {
    const bm_network *net;
    bm_analysis_options opt;
    size_t levels;
    bm_grouping *grouping[BM_MAX_LEVELS];
    bm_paths paths;
    long *community;
    size_t n_communities;
    double nmi, ari;
    bm_table *actors, *ties, *summary, *suggestions, *activities, *periods, *dependence;
    bm_table *groups[BM_MAX_LEVELS], *pairs[BM_MAX_LEVELS];
    int ran;
    char *exports; /* a copy of opt.exports */
};

void bm_analysis_options_init(bm_analysis_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->seed = 1;
}

int bm_measures_sampled(const bm_network *net, const bm_measure_options *opt)
{
    bm_paths_method m = opt ? opt->paths : BM_PATHS_AUTO;
    if (m == BM_PATHS_AUTO)
        return (double)bm_network_actor_count(net) * (double)bm_network_tie_count(net) > BM_EXACT_LIMIT;
    return m == BM_PATHS_SAMPLED;
}

double bm_measures_epsilon(const bm_network *net, const bm_measure_options *opt)
{
    if (opt && opt->epsilon > 0)
        return opt->epsilon;
    /* k = 1 + ceil(ln(2n/delta) / (2 eps^2)) sources (paths.c) scan 2 x ties
     * arcs each (a directed network's reversed search included); at most
     * BM_SAMPLE_WORK in all, so eps >= sqrt(ln(2n/delta) / (2 (k - 1))) */
    double n = (double)bm_network_actor_count(net), arcs = 2.0 * (double)bm_network_tie_count(net);
    double delta = opt && opt->delta > 0 ? opt->delta : BM_DEFAULT_DELTA;
    double k = arcs > 0 ? floor(BM_SAMPLE_WORK / arcs) : INFINITY;
    if (k < 2)
        k = 2;
    double eps = n >= 2 ? sqrt(log(2.0 * n / delta) / (2.0 * (k - 1))) : 0;
    return eps > BM_DEFAULT_EPSILON ? (eps < 0.5 ? eps : 0.5) : BM_DEFAULT_EPSILON;
}

bm_status bm_i_paths_for(bm_paths *paths, const bm_network *net, const bm_measure_options *opt,
                         int betweenness, int closeness, int distances,
                         const bm_grouping *const *groupings, size_t n_groupings)
{
    bm_paths_request req;
    memset(&req, 0, sizeof req);
    req.unweighted = opt && opt->unweighted;
    req.betweenness = betweenness;
    req.closeness = closeness;
    req.distances = distances;
    req.groupings = groupings;
    req.n_groupings = n_groupings;
    req.sampled = bm_measures_sampled(net, opt);
    req.epsilon = bm_measures_epsilon(net, opt);
    req.delta = opt && opt->delta > 0 ? opt->delta : BM_DEFAULT_DELTA;
    req.seed = opt ? opt->seed : 1;
    req.jobs = opt ? opt->jobs : 0;
    return bm_i_paths_compute(paths, net, &req);
}

/* "a, b ,c" -> the levels' groupings. */
static bm_status parse_levels(bm_analysis *a, const char *spec)
{
    char buf[1024];
    if (strlen(spec) >= sizeof buf)
        return bm_error_set(BM_EUSAGE, "--group: the list of levels is too long");
    snprintf(buf, sizeof buf, "%s", spec);
    char *p = buf;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        while (*p == ' ')
            p++;
        size_t len = strlen(p);
        while (len && p[len - 1] == ' ')
            p[--len] = '\0';
        if (len == 0)
            return bm_error_set(BM_EUSAGE, "--group: an empty level name");
        if (a->levels == BM_MAX_LEVELS)
            return bm_error_set(BM_EUSAGE, "--group: at most %d levels", BM_MAX_LEVELS);
        bm_status st = bm_grouping_new(&a->grouping[a->levels], a->net, p);
        if (st != BM_OK)
            return st;
        a->levels++;
        if (!comma)
            return BM_OK;
        p = comma + 1;
    }
}

bm_status bm_analysis_new(bm_analysis **out, const bm_network *net, const bm_analysis_options *opt)
{
    *out = NULL;
    if (!net)
        return bm_error_set(BM_EUSAGE, "bm_analysis_new: no network");
    bm_analysis *a = calloc(1, sizeof *a);
    if (!a)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    a->net = net;
    if (opt)
        a->opt = *opt;
    else
        bm_analysis_options_init(&a->opt);
    a->opt.group = NULL; /* the caller's strings need not outlive this call */
    a->opt.exports = NULL;
    if (opt && opt->exports && !(a->exports = strdup(opt->exports))) {
        free(a);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    a->opt.exports = a->exports;
    bm_status st = BM_OK;
    if (opt && opt->group)
        st = parse_levels(a, opt->group);
    else if (bm_network_default_group(net))
        st = parse_levels(a, bm_network_default_group(net));
    if (st != BM_OK) {
        bm_analysis_free(a);
        return st;
    }
    *out = a;
    return BM_OK;
}

void bm_analysis_free(bm_analysis *a)
{
    if (!a)
        return;
    free(a->exports);
    for (size_t l = 0; l < a->levels; l++) {
        bm_grouping_free(a->grouping[l]);
        bm_table_free(a->groups[l]);
        bm_table_free(a->pairs[l]);
    }
    bm_i_paths_free(&a->paths);
    free(a->community);
    bm_table_free(a->actors);
    bm_table_free(a->ties);
    bm_table_free(a->activities);
    bm_table_free(a->periods);
    bm_table_free(a->dependence);
    bm_table_free(a->summary);
    bm_table_free(a->suggestions);
    free(a);
}

bm_measure_options bm_i_measure_options_of(const bm_analysis_options *ao)
{
    bm_measure_options mo;
    memset(&mo, 0, sizeof mo);
    mo.unweighted = ao->unweighted;
    mo.seed = ao->seed;
    mo.permutations = ao->permutations;
    mo.jobs = ao->jobs;
    mo.paths = ao->paths;
    mo.epsilon = ao->epsilon;
    mo.delta = ao->delta;
    return mo;
}

static bm_measure_options measure_options(const bm_analysis *a, size_t level)
{
    bm_measure_options mo = bm_i_measure_options_of(&a->opt);
    mo.grouping = a->levels ? a->grouping[level] : NULL;
    mo.actors = a->actors;
    return mo;
}

bm_status bm_analysis_run(bm_analysis *a)
{
    bm_status st;
    const bm_network *net = a->net;
    size_t n = bm_network_actor_count(net);
    if (a->ran)
        return BM_OK;
    bm_measure_options mo = measure_options(a, 0);

    /* One pass of searches: every path measure, every level's group betweenness. */
    if ((st = bm_i_paths_for(&a->paths, net, &mo, 1, 1, 1, (const bm_grouping *const *)a->grouping,
                             a->levels)) != BM_OK)
        return st;
    /* Communities, once: the actor column and the summary share them. */
    if (!(a->community = malloc((n ? n : 1) * sizeof *a->community)))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    a->nmi = a->ari = NAN;
    bm_i_progress("Communities", 0.0);
    if ((st = bm_i_communities(net, mo.grouping, mo.unweighted, mo.seed, a->community,
                               &a->n_communities, &a->nmi, &a->ari)) != BM_OK)
        return st;
    bm_i_progress("Communities", 100.0);
    bm_i_cache cache = {&a->paths, 0, a->community, a->n_communities, a->nmi, a->ari};

    bm_i_progress("Actor measures", 0.0);
    if ((st = bm_i_actor_table(&a->actors, net, &mo, &cache)) != BM_OK)
        return st;
    bm_i_progress("Actor measures", 100.0);
    for (size_t l = 1; l < a->levels; l++)
        if ((st = bm_measures_actors_level(a->actors, net, a->grouping[l])) != BM_OK)
            return st;
    mo.actors = a->actors;
    bm_i_progress("Group measures", 0.0);
    for (size_t l = 0; l < a->levels; l++) {
        bm_measure_options lo = measure_options(a, l);
        bm_i_cache lc = cache;
        lc.level = l;
        if ((st = bm_i_groups_table(&a->groups[l], net, &lo, &lc)) != BM_OK ||
            (st = bm_measures_group_pairs(&a->pairs[l], net, &lo)) != BM_OK)
            return st;
    }
    if (a->levels &&
        ((st = bm_measures_suggestions(&a->suggestions, net, &mo, a->opt.top ? a->opt.top : 10)) != BM_OK ||
         (st = bm_measures_group_pair_dependence(&a->dependence, net, a->grouping[0])) != BM_OK))
        return st;
    bm_i_progress("Group measures", 100.0);
    bm_i_progress("Ties and summary", 0.0);
    if ((st = bm_measures_ties(&a->ties, net, &mo)) != BM_OK ||
        (st = bm_i_summary_table(&a->summary, net, &mo, &cache)) != BM_OK)
        return st;
    if (bm_network_has_affiliations(net) &&
        (st = bm_measures_activities(&a->activities, net, a->levels ? a->grouping[0] : NULL)) != BM_OK)
        return st;
    bm_i_progress("Ties and summary", 100.0);
    a->ran = 1;
    return BM_OK;
}

size_t bm_analysis_levels(const bm_analysis *a) { return a->levels; }
const bm_grouping *bm_analysis_grouping(const bm_analysis *a, size_t level)
{
    return level < a->levels ? a->grouping[level] : NULL;
}
int bm_analysis_sampled(const bm_analysis *a) { return a->paths.sampled; }
const bm_network *bm_analysis_network(const bm_analysis *a) { return a->net; }
const bm_table *bm_analysis_actors(const bm_analysis *a) { return a->actors; }
const bm_table *bm_analysis_groups(const bm_analysis *a, size_t level)
{
    return level < a->levels ? a->groups[level] : NULL;
}
const bm_table *bm_analysis_group_pairs(const bm_analysis *a, size_t level)
{
    return level < a->levels ? a->pairs[level] : NULL;
}
const bm_table *bm_analysis_ties(const bm_analysis *a) { return a->ties; }
const bm_table *bm_analysis_summary(const bm_analysis *a) { return a->summary; }
const bm_table *bm_analysis_suggestions(const bm_analysis *a) { return a->suggestions; }
const bm_table *bm_analysis_activities(const bm_analysis *a) { return a->activities; }
const bm_table *bm_analysis_periods(const bm_analysis *a) { return a->periods; }
const bm_table *bm_analysis_dependence(const bm_analysis *a) { return a->dependence; }

bm_status bm_analysis_write_narrative(const bm_analysis *a, FILE *f, const char *label_by)
{
    bm_narrative n = {bm_analysis_summary(a), bm_analysis_groups(a, 0), bm_analysis_actors(a),
                      a->levels ? bm_grouping_column(a->grouping[0]) : NULL, label_by,
                      a->activities, a->dependence};
    return bm_write_narrative(f, &n);
}

bm_status bm_analysis_add_periods(bm_analysis *a, const bm_load_options *lo, bm_period_unit unit)
{
    const bm_network *net = a->net;
    if (!a->ran)
        return bm_error_set(BM_EUSAGE, "bm_analysis_add_periods: run the analysis first");
    if (!bm_network_has_dates(net))
        return bm_error_set(BM_EUSAGE, "--by needs a date column in the records (named date, dato, "
                            "timestamp or tidspunkt, or given with --date-col)");
    if (bm_network_undated_count(net))
        return bm_error_set(BM_EINPUT, "%s:%zu: %zu record%s no date, and --by places every record "
                            "in a period", lo->records_path, net->first_undated_line,
                            bm_network_undated_count(net),
                            bm_network_undated_count(net) == 1 ? " has" : "s have");
    bm_measure_options mo = measure_options(a, 0);
    bm_table_free(a->periods);
    a->periods = NULL;
    return bm_periods_summary(&a->periods, lo, a->levels ? bm_grouping_column(a->grouping[0]) : NULL,
                              &mo, unit, bm_network_first_date(net), bm_network_last_date(net));
}

/* A file name for a grouping level: letters, digits, - and _ kept, anything
 * else (spaces, slashes, non-ASCII) becomes _. */
static void level_file(char *buf, size_t size, const char *prefix, const char *level)
{
    size_t k = (size_t)snprintf(buf, size, "%s_", prefix);
    for (const char *p = level; *p && k + 5 < size; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_';
        buf[k++] = ok ? c : '_';
    }
    snprintf(buf + k, size - k, ".csv");
}

bm_status bm_analysis_write(const bm_analysis *a, const char *dir, const bm_render_options *map)
{
    bm_status st;
    bm_output *output = NULL;
    char name[300];
    unsigned csvf = a->opt.raw_csv ? BM_CSV_RAW : 0;
    if (!a->ran)
        return bm_error_set(BM_EUSAGE, "bm_analysis_write: run the analysis first");
    if ((st = bm_output_open(&output, dir)) != BM_OK)
        return st;
    bm_i_progress(map ? "Writing the tables and the map" : "Writing the tables", 0.0);
    for (size_t l = 0; l < a->levels; l++) {
        if (l == 0 &&
            ((st = bm_write_csv_ex(a->groups[0], bm_output_path(output, "groups.csv"), csvf)) != BM_OK ||
             (st = bm_write_csv_ex(a->pairs[0], bm_output_path(output, "group_pairs.csv"), csvf)) != BM_OK))
            goto done;
        if (a->levels > 1) {
            const char *col = bm_grouping_column(a->grouping[l]);
            level_file(name, sizeof name, "groups", col);
            if ((st = bm_write_csv_ex(a->groups[l], bm_output_path(output, name), csvf)) != BM_OK)
                goto done;
            level_file(name, sizeof name, "group_pairs", col);
            if ((st = bm_write_csv_ex(a->pairs[l], bm_output_path(output, name), csvf)) != BM_OK)
                goto done;
        }
    }
    if (a->suggestions &&
        (st = bm_write_csv_ex(a->suggestions, bm_output_path(output, "suggestions.csv"), csvf)) != BM_OK)
        goto done;
    if (a->activities &&
        (st = bm_write_csv_ex(a->activities, bm_output_path(output, "activities.csv"), csvf)) != BM_OK)
        goto done;
    if (a->dependence &&
        (st = bm_write_csv_ex(a->dependence, bm_output_path(output, "group_pair_dependence.csv"), csvf)) != BM_OK)
        goto done;
    if (a->periods &&
        ((st = bm_write_csv_ex(a->periods, bm_output_path(output, "summary_by_period.csv"), csvf)) != BM_OK ||
         (bm_table_find(a->periods, "ei_index") >= 0 && /* the E-I index needs a grouping */
          (st = bm_render_period_chart(a->periods, map ? map->title : NULL,
                                       bm_output_path(output, "ei_by_period.svg"))) != BM_OK)))
        goto done;
    if ((st = bm_write_csv_ex(a->actors, bm_output_path(output, "actors.csv"), csvf)) != BM_OK ||
        (st = bm_write_csv_ex(a->ties, bm_output_path(output, "ties.csv"), csvf)) != BM_OK ||
        (st = bm_write_summary_json(a->summary, a->net,
                                    a->levels ? bm_grouping_column(a->grouping[0]) : NULL, a->opt.seed,
                                    bm_output_path(output, "summary.json"))) != BM_OK)
        goto done;
    if (map) {
        bm_render_options ro = *map;
        if (!ro.grouping && a->levels)
            ro.grouping = a->grouping[0];
        if (!ro.actors)
            ro.actors = a->actors;
        if ((st = bm_render_map(a->net, &ro, bm_output_path(output, "map.svg"))) != BM_OK)
            goto done;
        if (ro.grouping) {
            if ((st = bm_render_group_map(a->net, &ro, bm_output_path(output, "group_map.svg"))) != BM_OK)
                goto done;
            ro.view = BM_MAP_SILO;
            if (bm_network_actor_count(a->net) <= BM_MAP_MAX_ACTORS &&
                (st = bm_render_map(a->net, &ro, bm_output_path(output, "silo_map.svg"))) != BM_OK)
                goto done;
        }
    }
    for (const char *e = a->opt.exports; e && *e;) {
        size_t len = strcspn(e, ",");
        char fmtname[32];
        snprintf(fmtname, sizeof fmtname, "%.*s", (int)(len < 31 ? len : 31), e);
        bm_export_format fmt;
        if (bm_export_format_parse(fmtname, &fmt) != 0) {
            st = bm_error_set(BM_EUSAGE, "--export: '%s' is not graphml, gexf or kumu", fmtname);
            goto done;
        }
        const char *file = fmt == BM_EXPORT_GRAPHML ? "network.graphml"
                         : fmt == BM_EXPORT_GEXF ? "network.gexf" : "network.json";
        if ((st = bm_export_write(a->net, a->levels ? a->grouping[0] : NULL, a->actors, a->ties,
                                  map ? map->size_by : NULL, fmt, bm_output_path(output, file))) != BM_OK)
            goto done;
        e += len;
        if (*e == ',')
            e++;
    }
    {
        /* report.html last: it inlines the maps just written */
        bm_narrative nar = {a->summary, a->levels ? a->groups[0] : NULL, a->actors,
                            a->levels ? bm_grouping_column(a->grouping[0]) : NULL,
                            map ? map->label_by : NULL, a->activities, a->dependence};
        bm_report rep;
        memset(&rep, 0, sizeof rep);
        rep.narrative = &nar;
        rep.group_pairs = a->levels ? a->pairs[0] : NULL;
        rep.suggestions = a->suggestions;
        rep.periods = a->periods;
        rep.net = a->net;
        rep.title = map ? map->title : NULL;
        rep.seed = a->opt.seed;
        char *svgs[4] = {NULL, NULL, NULL, NULL};
        const char *names[4] = {"map.svg", "group_map.svg", "silo_map.svg", "ei_by_period.svg"};
        for (int k = 0; k < 4; k++) {
            const char *p = bm_output_path(output, names[k]);
            if (p && access(p, R_OK) == 0 && !(svgs[k] = strdup(p))) {
                st = bm_error_set(BM_EINTERNAL, "out of memory");
                break;
            }
        }
        rep.svg_map = svgs[0];
        rep.svg_group_map = svgs[1];
        rep.svg_silo_map = svgs[2];
        rep.svg_periods = svgs[3];
        if (st == BM_OK)
            st = bm_write_report(&rep, bm_output_path(output, "report.html"));
        for (int k = 0; k < 4; k++)
            free(svgs[k]);
        if (st != BM_OK)
            goto done;
    }
    st = bm_output_commit(output);
    bm_i_progress(map ? "Writing the tables and the map" : "Writing the tables", 100.0);
done:
    bm_output_free(output);
    return st;
}
