/* options.c: the command line's options, parsed and documented from one
 * table, so that --help of every subcommand and the parser cannot drift. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"

typedef enum { O_ACTORS, O_GROUP, O_OUT, O_DIRECTED, O_UNWEIGHTED, O_FROM, O_TO, O_SEED,
               O_SIZE_BY, O_LABEL_BY, O_TITLE, O_MAX_LABELS, O_PERMUTATIONS, O_TOP, O_NO_MAP, O_QUIET, O_HELP,
               O_JOBS, O_APPROX, O_EXACT, O_EPSILON, O_DELTA, O_SOURCE_COL, O_TARGET_COL,
               O_WEIGHT_COL, O_DATE_COL, O_ID_COL, O_DELIMITER, O_ENCODING, O_DATE_FORMAT,
               O_STRICT, O_AFFILIATIONS, O_PROJECTION, O_BY, O_SHEET, O_ACTORS_SHEET,
               O_AFF_SHEET, O_PROGRESS, O_UNDIRECTED, O_RAW_CSV, O_SHAPE_BY, O_VIEW, O_ACTOR,
               O_RADIUS, O_FORMAT, O_EXPORT, O_SPLIT_DATE, O_BEFORE_FROM, O_AFTER_TO } opt_id;

#define CMD_LOAD (CMD_ANALYZE | CMD_RENDER | CMD_SUGGEST | CMD_EGO | CMD_CONVERT | CMD_COMPARE)

typedef struct opt_spec {
    opt_id id;
    const char *name;   /* long name without -- */
    char short_name;
    const char *arg;    /* NULL: a flag */
    unsigned cmds;
    const char *help;
} opt_spec;

static const opt_spec specs[] = {
    {O_ACTORS, "actors", 'a', "FILE", CMD_LOAD,
     "actors CSV: an 'id' column and any attributes (sector, organisation, unit, level, name...); "
     "actors with no ties are kept"},
    {O_GROUP, "group", 'g', "COLUMN", CMD_ANALYZE | CMD_SUGGEST | CMD_CONVERT | CMD_COMPARE,
     "actor column that defines the groups (default: sector, when the actors file has it)"},
    {O_GROUP, "color-by", 'c', "COLUMN", CMD_RENDER | CMD_EGO,
     "actor column that colours the map (default: sector, when the actors file has it)"},
    {O_OUT, "output", 'o', "DIR", CMD_ANALYZE | CMD_COMPARE,
     "output directory (default out); created if needed; files in it are replaced whole"},
    {O_OUT, "output", 'o', "FILE", CMD_RENDER | CMD_EGO,
     "the map file; its extension picks the format: .svg .png .pdf or .dot (laid-out DOT)"},
    {O_OUT, "output", 'o', "FILE", CMD_CONVERT,
     "the export file; its extension picks the format unless --format does: .graphml (GraphML), "
     ".gexf (GEXF 1.2) or .json (Kumu)"},
    {O_FORMAT, "format", 0, "graphml|gexf|kumu", CMD_CONVERT,
     "the export format whatever the extension of -o: graphml, gexf or kumu (Kumu's JSON import)"},
    {O_ACTOR, "actor", 0, "ID", CMD_EGO, "the actor at the centre of the ego map (its id)"},
    {O_RADIUS, "radius", 0, "N", CMD_EGO,
     "draw everyone within N steps of the actor (default 1: the direct contacts and the ties "
     "among them; 2 adds their contacts)"},
    {O_VIEW, "view", 0, "network|silo|groups", CMD_RENDER,
     "network (default): every actor; silo: actors in one box per group, so a silo shows as a "
     "box with few lines leaving it; groups: one circle per group and one line per pair of "
     "groups with ties (width: ties, label: ties and density)"},
    {O_SHAPE_BY, "shape-by", 0, "COLUMN", CMD_ANALYZE | CMD_RENDER | CMD_EGO,
     "actor column that gives the shapes (e.g. --color-by unit --shape-by sector): circle, box, "
     "triangle, diamond, pentagon, hexagon, inverted triangle, octagon for its 8 largest "
     "values, a double circle for the rest"},
    {O_DIRECTED, "directed", 0, NULL, CMD_LOAD,
     "records are directed (source -> target); default: undirected (a GraphML, GML or Pajek "
     "file keeps its own direction)"},
    {O_UNDIRECTED, "undirected", 0, NULL, CMD_LOAD,
     "read a directed GraphML, GML or Pajek file's arcs as undirected ties (a->b and b->a add up)"},
    {O_UNWEIGHTED, "unweighted", 0, NULL, CMD_LOAD,
     "every tie weighs 1: the weight column and repeated records add no weight"},
    {O_FROM, "from", 0, "DATE", CMD_LOAD,
     "keep records dated on or after DATE (YYYY-MM-DD; needs a date column)"},
    {O_TO, "to", 0, "DATE", CMD_LOAD, "keep records dated on or before DATE"},
    {O_SOURCE_COL, "source-col", 0, "NAME", CMD_LOAD,
     "records column of the first actor (default: source, from, fra, sender, afsender; "
     "header names match case-insensitively)"},
    {O_TARGET_COL, "target-col", 0, "NAME", CMD_LOAD,
     "records column of the second actor (default: target, to, til, receiver, modtager)"},
    {O_WEIGHT_COL, "weight-col", 0, "NAME", CMD_LOAD,
     "records column of the weight (default: weight, vægt, vaegt, strength, styrke; none: "
     "every record weighs 1; an empty cell weighs 1 and is counted in a warning)"},
    {O_DATE_COL, "date-col", 0, "NAME", CMD_LOAD,
     "records column of the date (default: date, dato, timestamp, tidspunkt)"},
    {O_ID_COL, "id-col", 0, "NAME", CMD_LOAD,
     "actors column of the id that records name (default: id, actor, actor_id, aktør, person, "
     "person_id)"},
    {O_DATE_FORMAT, "date-format", 0, "FORM", CMD_LOAD,
     "how dates are written: Y-m-d (ISO 8601, the default), d-m-Y, d.m.Y, d/m/Y, m/d/Y or "
     "Y/m/d; day and month may have one digit"},
    {O_DELIMITER, "delimiter", 0, "CHAR", CMD_LOAD,
     "CSV field separator: , ; | or tab (default: the most frequent of , ; and tab in the "
     "header line); with ; a decimal comma is read (1,5)"},
    {O_ENCODING, "encoding", 0, "NAME", CMD_LOAD,
     "text encoding of the CSV files: utf-8, windows-1252, latin-1, iso-8859-15, utf-16 "
     "(default: UTF-16 by its byte-order mark, else UTF-8 when valid, else Windows-1252)"},
    {O_AFFILIATIONS, "affiliations", 0, "FILE", CMD_LOAD,
     "who took part in what: columns actor, activity[, date][, role]; each shared activity "
     "ties two participants (weights add to the records' weights; ties.csv says the origin); "
     "analyze writes activities.csv. The records file may then be left out"},
    {O_PROJECTION, "projection", 0, "count|newman", CMD_LOAD,
     "weight per shared activity: count (1; weight = shared activities; default) or newman "
     "(1/(n-1) for an activity of n participants, Newman 2001)"},
    {O_BY, "by", 0, "month|quarter|year", CMD_ANALYZE | CMD_COMPARE,
     "also measure each calendar period of the dated records: OUT/summary_by_period.csv (the "
     "summary's figures per period, every actor kept) and OUT/ei_by_period.svg (the E-I index "
     "over time against chance)"},
    {O_SHEET, "sheet", 0, "NAME", CMD_LOAD,
     "the records' sheet when RECORDS is an .xlsx workbook (default: the first sheet)"},
    {O_ACTORS_SHEET, "actors-sheet", 0, "NAME", CMD_LOAD,
     "the actors' sheet of an .xlsx --actors file (default: the first sheet; when --actors is "
     "the records' workbook, the sheet named actors, aktører, personer, people, ansatte ...)"},
    {O_AFF_SHEET, "affiliations-sheet", 0, "NAME", CMD_LOAD,
     "the sheet of an .xlsx --affiliations file (default: the first sheet)"},
    {O_STRICT, "strict", 0, NULL, CMD_LOAD,
     "stop when a record names an actor the actors file does not list (default: add it "
     "with no attributes and warn once)"},
    {O_SEED, "seed", 0, "N", CMD_ANALYZE | CMD_RENDER | CMD_EGO | CMD_CONVERT | CMD_COMPARE,
     "seed of every random step, the map layout included (default 1)"},
    {O_SIZE_BY, "size-by", 0, "MEASURE", CMD_ANALYZE | CMD_RENDER | CMD_EGO,
     "actor measure that sizes the circles (default betweenness; e.g. degree, strength, "
     "pagerank, eigenvector, harmonic)"},
    {O_SIZE_BY, "size-by", 0, "MEASURE", CMD_CONVERT,
     "GEXF: the actor measure behind each node's viz:size (default betweenness; e.g. degree, "
     "strength, pagerank)"},
    {O_LABEL_BY, "label-by", 0, "COLUMN", CMD_ANALYZE | CMD_RENDER | CMD_EGO | CMD_COMPARE,
     "actor column for labels (default: name, else id)"},
    {O_TITLE, "title", 0, "TEXT", CMD_ANALYZE | CMD_RENDER | CMD_EGO | CMD_COMPARE, "title written above the legend"},
    {O_MAX_LABELS, "max-labels", 0, "N", CMD_ANALYZE | CMD_RENDER | CMD_EGO,
     "label only the N largest actors (default: all up to 60 actors, else 30)"},
    {O_PERMUTATIONS, "permutations", 0, "N", CMD_ANALYZE | CMD_COMPARE,
     "label permutations of the E-I test (default 10000; the p-value's resolution is 1/(N+1))"},
    {O_TOP, "top", 'n', "N", CMD_ANALYZE | CMD_SUGGEST,
     "how many introductions to suggest (default 10)"},
    {O_RAW_CSV, "raw-csv", 0, NULL, CMD_ANALYZE | CMD_SUGGEST | CMD_COMPARE,
     "write CSV cells exactly as they are; by default a text cell starting with = + - @ tab "
     "or CR (which a spreadsheet would run as a formula, e.g. =HYPERLINK(...)) gets a ' in "
     "front, plain numbers such as -5 excepted"},
    {O_EXPORT, "export", 0, "graphml,gexf,kumu", CMD_ANALYZE,
     "also write the network with every attribute and measure as OUT/network.graphml (Gephi, "
     "yEd, NetworkX), OUT/network.gexf (Gephi, styled) and/or OUT/network.json (Kumu)"},
    {O_SPLIT_DATE, "split-date", 0, "DATE", CMD_COMPARE,
     "one dated records file split at DATE: before = its records dated before DATE, after = "
     "those on or after it (an undated record is an error)"},
    {O_BEFORE_FROM, "before-from", 0, "DATE", CMD_COMPARE,
     "with --split-date: the first period starts on DATE (e.g. for two windows of equal length)"},
    {O_AFTER_TO, "after-to", 0, "DATE", CMD_COMPARE,
     "with --split-date: the second period ends on DATE"},
    {O_NO_MAP, "no-map", 0, NULL, CMD_ANALYZE | CMD_COMPARE, "do not draw OUT/map.svg (faster on large networks)"},
    {O_JOBS, "jobs", 'j', "N", CMD_ANALYZE | CMD_RENDER | CMD_EGO | CMD_CONVERT | CMD_COMPARE,
     "worker processes for the shortest-path measures and the permutation test (default: one "
     "per core this process may use); the results are the same for every N. Under mpirun: "
     "per rank"},
    {O_APPROX, "approx", 0, NULL, CMD_ANALYZE | CMD_RENDER | CMD_EGO | CMD_COMPARE,
     "estimate betweenness, closeness, harmonic, distances and group betweenness by sampling, "
     "with the error bound of --epsilon/--delta (default above 10^10 actors x ties)"},
    {O_EXACT, "exact", 0, NULL, CMD_ANALYZE | CMD_RENDER | CMD_EGO | CMD_COMPARE,
     "compute the shortest-path measures exactly whatever the size"},
    {O_EPSILON, "epsilon", 0, "E", CMD_ANALYZE | CMD_RENDER | CMD_EGO | CMD_COMPARE,
     "sampled: the error bound: betweenness / (n(n-1)) within E of the exact value, and each "
     "actor's mean distance within E x diameter (default 0.05, looser when the sources it needs "
     "would scan more than 2 x 10^9 arcs: about 0.085 at 1M ties; the stderr line and summary.json "
     "say which)"},
    {O_DELTA, "delta", 0, "D", CMD_ANALYZE | CMD_RENDER | CMD_EGO | CMD_COMPARE,
     "sampled: the bounds hold together with probability at least 1 - D (default 0.1)"},
    {O_PROGRESS, "progress", 0, "auto|always|never", CMD_LOAD,
     "progress on stderr: auto (default) redraws one line on a terminal and otherwise logs "
     "each step that took a second or more; always logs every finished step; never is silent"},
    {O_QUIET, "quiet", 'q', NULL, CMD_LOAD,
     "print nothing but errors (no sentences, warnings or progress)"},
    {O_HELP, "help", 'h', NULL, CMD_LOAD, "show this help and exit"},
};

void cli_print_options(FILE *f, unsigned cmd)
{
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        const opt_spec *s = &specs[i];
        if (!(s->cmds & cmd))
            continue;
        char head[64];
        if (s->short_name)
            snprintf(head, sizeof head, "-%c, --%s%s%s", s->short_name, s->name, s->arg ? " " : "",
                     s->arg ? s->arg : "");
        else
            snprintf(head, sizeof head, "    --%s%s%s", s->name, s->arg ? " " : "", s->arg ? s->arg : "");
        fprintf(f, "  %-26s", head);
        /* wrap help at 78 columns */
        const char *p = s->help;
        size_t col = 28;
        if (strlen(head) > 24) {
            fprintf(f, "\n%28s", "");
        }
        int first = 1;
        while (*p) {
            const char *sp = strchr(p, ' ');
            size_t wl = sp ? (size_t)(sp - p) : strlen(p);
            if (!first && col + 1 + wl > 78) {
                fprintf(f, "\n%28s", "");
                col = 28;
            } else if (!first) {
                fputc(' ', f);
                col++;
            }
            fprintf(f, "%.*s", (int)wl, p);
            col += wl;
            p += wl;
            while (*p == ' ')
                p++;
            first = 0;
        }
        fputc('\n', f);
    }
}

static int usage_error(const char *cmd_name, const char *fmt, const char *what)
{
    if (!cli_leader())
        return 2;
    fprintf(stderr, "bridgemap: ");
    fprintf(stderr, fmt, what);
    fprintf(stderr, "\nTry 'bridgemap %s --help'.\n", cmd_name);
    return 2;
}

static int parse_count(const char *s, unsigned long *out)
{
    char *end;
    errno = 0;
    if (!s || *s == '-' || *s == '\0')
        return -1;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

static int parse_args(int argc, char **argv, unsigned cmd, const char *cmd_name, cli_opts *o);

int cli_parse(int argc, char **argv, unsigned cmd, const char *cmd_name, void (*help)(void),
              cli_opts *o)
{
    int rc = parse_args(argc, argv, cmd, cmd_name, o);
    if (rc)
        return rc;
    if (!cli_leader())
        o->quiet = 1; /* no progress, warnings or sentences from the other ranks */
    if (o->help) {
        if (cli_leader())
            help();
        return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 3;
    }
    return -1;
}

void cli_render_options(const cli_opts *o, const bm_grouping *grouping, const bm_table *actors,
                        bm_render_options *ro)
{
    bm_render_options_init(ro);
    ro->grouping = grouping;
    ro->actors = actors;
    ro->size_by = o->size_by ? o->size_by : "betweenness";
    ro->label_by = o->label_by;
    ro->title = o->title;
    ro->max_labels = o->max_labels;
    ro->seed = o->seed;
    if (o->view && strcmp(o->view, "silo") == 0)
        ro->view = BM_MAP_SILO;
    ro->radius = (unsigned)o->radius;
}

static int parse_args(int argc, char **argv, unsigned cmd, const char *cmd_name, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->cmd_name = cmd_name;
    o->seed = 1;
    o->top = 10;
    o->progress = 1;
    int only_positional = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_positional || a[0] != '-' || a[1] == '\0') {
            if (o->records && cmd == CMD_COMPARE && !o->records2) {
                o->records2 = a;
                continue;
            }
            if (o->records)
                return usage_error(cmd_name, cmd == CMD_COMPARE
                                   ? "unexpected argument '%s' (two records files at most: BEFORE AFTER)"
                                   : "unexpected argument '%s' (one records file only)", a);
            o->records = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_positional = 1;
            continue;
        }
        const opt_spec *s = NULL;
        const char *val = NULL;
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            for (size_t k = 0; k < sizeof specs / sizeof specs[0]; k++)
                if ((specs[k].cmds & cmd) && strlen(specs[k].name) == len &&
                    strncmp(specs[k].name, name, len) == 0)
                    s = &specs[k];
            if (eq)
                val = eq + 1;
        } else if (a[2] == '\0') {
            for (size_t k = 0; k < sizeof specs / sizeof specs[0]; k++)
                if ((specs[k].cmds & cmd) && specs[k].short_name == a[1])
                    s = &specs[k];
        }
        if (!s)
            return usage_error(cmd_name, "unknown option '%s'", a);
        if (s->arg && !val) {
            if (i + 1 >= argc)
                return usage_error(cmd_name, "option '%s' needs a value", a);
            val = argv[++i];
        } else if (!s->arg && val) {
            return usage_error(cmd_name, "option '%s' takes no value", a);
        }
        /* the library's rules for the values it takes (bridgemap/options.h) */
        const char *why = s->arg ? bm_options_check(s->name, val) : NULL;
        if (why) {
            char msg[256];
            snprintf(msg, sizeof msg, "--%s %s, not '%s'", s->name, why, val);
            return usage_error(cmd_name, "%s", msg);
        }
        unsigned long num = 0;
        switch (s->id) {
        case O_ACTORS: o->actors = val; break;
        case O_GROUP: o->group = val; break;
        case O_OUT: o->out = val; break;
        case O_DIRECTED: o->directed = 1; break;
        case O_UNDIRECTED: o->undirected = 1; break;
        case O_RAW_CSV: o->raw_csv = 1; break;
        case O_SHAPE_BY: o->shape_by = val; break;
        case O_SPLIT_DATE: o->split_date = val; break;
        case O_BEFORE_FROM: o->before_from = val; break;
        case O_AFTER_TO: o->after_to = val; break;
        case O_EXPORT: o->exports = val; break;
        case O_ACTOR: o->actor = val; break;
        case O_VIEW: o->view = val; break;
        case O_RADIUS:
            parse_count(val, &num);
            o->radius = (size_t)num;
            break;
        case O_UNWEIGHTED: o->unweighted = 1; break;
        case O_FROM: o->from = val; break;
        case O_TO: o->to = val; break;
        case O_SEED:
            parse_count(val, &num);
            o->seed = num;
            break;
        case O_SIZE_BY: o->size_by = val; break;
        case O_LABEL_BY: o->label_by = val; break;
        case O_TITLE: o->title = val; break;
        case O_MAX_LABELS:
            parse_count(val, &num);
            o->max_labels = (size_t)num;
            break;
        case O_PERMUTATIONS:
            parse_count(val, &num);
            o->permutations = (size_t)num;
            break;
        case O_TOP:
            parse_count(val, &num);
            o->top = (size_t)num;
            break;
        case O_NO_MAP: o->no_map = 1; break;
        case O_JOBS:
            parse_count(val, &num);
            o->jobs = (unsigned)num;
            break;
        case O_APPROX: o->paths = o->paths == BM_PATHS_EXACT ? -1 : BM_PATHS_SAMPLED; break;
        case O_EXACT: o->paths = o->paths == BM_PATHS_SAMPLED ? -1 : BM_PATHS_EXACT; break;
        case O_EPSILON:
        case O_DELTA: {
            double x = strtod(val, NULL);
            if (s->id == O_EPSILON)
                o->epsilon = x;
            else
                o->delta = x;
            break;
        }
        case O_SOURCE_COL: o->source_col = val; break;
        case O_TARGET_COL: o->target_col = val; break;
        case O_WEIGHT_COL: o->weight_col = val; break;
        case O_DATE_COL: o->date_col = val; break;
        case O_ID_COL: o->id_col = val; break;
        case O_DATE_FORMAT: o->date_format = val; break;
        case O_ENCODING: o->encoding = val; break;
        case O_STRICT: o->strict = 1; break;
        case O_AFFILIATIONS: o->affiliations = val; break;
        case O_SHEET: o->sheet = val; break;
        case O_ACTORS_SHEET: o->actors_sheet = val; break;
        case O_AFF_SHEET: o->aff_sheet = val; break;
        case O_BY: o->by = val; break;
        case O_PROJECTION:
            o->projection = strcmp(val, "newman") == 0 ? BM_PROJECT_NEWMAN : BM_PROJECT_COUNT;
            break;
        case O_DELIMITER:
            o->delimiter = strlen(val) == 1 && val[0] != '\t' ? val[0] : '\t'; /* , ; | or tab */
            break;
        case O_PROGRESS:
            if (strcmp(val, "auto") == 0)
                o->progress = 1;
            else if (strcmp(val, "always") == 0)
                o->progress = 2;
            else if (strcmp(val, "never") == 0)
                o->progress = 0;
            else
                return usage_error(cmd_name, "--progress must be auto, always or never, not '%s'", val);
            break;
        case O_FORMAT: {
            bm_export_format f;
            if (strchr(val, '.') || bm_export_format_parse(val, &f) != 0)
                return usage_error(cmd_name, "--format must be graphml, gexf or kumu, not '%s'", val);
            o->format = val;
            break;
        }
        case O_QUIET: o->quiet = 1; break;
        case O_HELP: o->help = 1; break;
        }
    }
    if (o->paths < 0)
        return usage_error(cmd_name, "%s", "--approx and --exact exclude each other");
    if (o->directed && o->undirected)
        return usage_error(cmd_name, "%s", "--directed and --undirected exclude each other");
    if (!o->help && !o->records && !o->affiliations)
        return usage_error(cmd_name, "%s", "no records file given (nor --affiliations)");
    return 0;
}

/* Progress (--progress): on a terminal one line redrawn as the percentage
 * moves ("bridgemap: Shortest paths 42%"); otherwise, and with always also on
 * a terminal, one line per finished step ("bridgemap: Shortest paths: done
 * in 12.3 s"), for auto only steps of a second or more, so a notebook or a
 * CI log is not left for minutes without a word and a short run stays quiet. */
typedef struct progress_state {
    int mode;            /* 0 never, 1 auto, 2 always */
    int tty;
    /* steps running, outermost first: a step may run inside another
     * (Brokerage inside Actor measures) */
    char step[8][128];
    double start[8];
    int depth;
    int last;            /* last percentage drawn */
    double min_seconds;  /* auto, not a terminal: log steps that took this long */
} progress_state;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Ends the innermost step. */
static void step_finished(progress_state *ps)
{
    int d = --ps->depth;
    double took = now_seconds() - ps->start[d];
    if (ps->tty)
        fprintf(stderr, "\r\033[K");
    if (ps->mode == 2 || (!ps->tty && took >= ps->min_seconds))
        fprintf(stderr, "bridgemap: %s: done in %.1f s\n", ps->step[d], took);
    ps->last = -1;
}

static void progress_report(const char *step, double percent, void *data)
{
    progress_state *ps = data;
    char name[128];
    size_t len = strlen(step);
    while (len && (step[len - 1] == ' ' || step[len - 1] == ':' || step[len - 1] == '.'))
        len--;
    if (len >= sizeof name)
        len = sizeof name - 1;
    memcpy(name, step, len);
    name[len] = '\0';
    int at = -1;
    for (int d = 0; d < ps->depth; d++)
        if (strcmp(ps->step[d], name) == 0)
            at = d;
    if (at < 0) { /* a new step, inside the running ones */
        if (ps->depth == 8)
            step_finished(ps);
        at = ps->depth++;
        snprintf(ps->step[at], sizeof ps->step[at], "%s", name);
        ps->start[at] = now_seconds();
    }
    int p = (int)percent;
    if (p >= 100) {
        while (ps->depth > at) /* steps inside it that never said 100% end with it */
            step_finished(ps);
    } else if (ps->tty && p != ps->last && at == ps->depth - 1) {
        ps->last = p;
        fprintf(stderr, "\rbridgemap: %s %d%%\033[K", name, p);
    }
    fflush(stderr);
}

void cli_progress(const cli_opts *o)
{
    static progress_state ps; /* the command runs one computation at a time */
    memset(&ps, 0, sizeof ps);
    ps.mode = o->progress;
    ps.tty = isatty(STDERR_FILENO);
    ps.last = -1;
    /* BRIDGEMAP_PROGRESS_MIN_SECONDS changes auto's one second (tests set it) */
    const char *min = getenv("BRIDGEMAP_PROGRESS_MIN_SECONDS");
    ps.min_seconds = min && *min ? atof(min) : 1.0;
    if (!o->quiet && ps.mode != 0 && (ps.tty || ps.mode >= 1))
        bm_set_progress(progress_report, &ps);
}

void cli_progress_step(const char *step, double percent)
{
    /* the command's own steps (loading) go through the same reporter */
    bm_progress_fn fn;
    void *data;
    bm_get_progress(&fn, &data);
    if (fn)
        fn(step, percent, data);
}

int cli_leader(void) { return bm_mpi_rank() == 0; }

int cli_fail(const cli_opts *o, bm_status status)
{
    if (!cli_leader())
        return (int)status;
    fprintf(stderr, "bridgemap: %s\n", bm_error_last());
    if (status == BM_EUSAGE)
        fprintf(stderr, "Try 'bridgemap %s --help'.\n", o->cmd_name);
    return (int)status;
}

int cli_check_map_options(const cli_opts *o, const bm_network *net, const bm_table *actors)
{
    if (o->size_by) {
        long c = bm_table_find(actors, o->size_by);
        if (c < 0 || bm_table_col_type(actors, (size_t)c) != BM_COL_NUMBER)
            return cli_fail(o, bm_error_set(BM_EUSAGE, "--size-by: no measure '%s' (try degree, "
                                            "strength, betweenness, pagerank, eigenvector, harmonic)",
                                            o->size_by));
    }
    if (o->label_by && bm_network_attr_find(net, o->label_by) < 0)
        return cli_fail(o, bm_error_set(BM_EUSAGE, "--label-by: no actor column '%s'", o->label_by));
    if (o->shape_by && bm_network_attr_find(net, o->shape_by) < 0)
        return cli_fail(o, bm_error_set(BM_EUSAGE, "--shape-by: no actor column '%s'", o->shape_by));
    return 0;
}

void cli_analysis_options(const cli_opts *o, bm_analysis_options *ao)
{
    bm_measure_options mo;
    cli_measure_options(o, &mo);
    bm_analysis_options_init(ao);
    ao->group = o->group;
    ao->unweighted = mo.unweighted;
    ao->seed = mo.seed;
    ao->permutations = mo.permutations;
    ao->top = o->top;
    ao->jobs = mo.jobs;
    ao->paths = mo.paths;
    ao->epsilon = mo.epsilon;
    ao->delta = mo.delta;
    ao->raw_csv = o->raw_csv;
    ao->exports = o->exports;
}

void cli_load_options(const cli_opts *o, bm_load_options *out)
{
    bm_load_options lo;
    bm_load_options_init(&lo);
    lo.records_path = o->records;
    lo.actors_path = o->actors;
    lo.directed = o->directed;
    lo.undirected = o->undirected;
    lo.unweighted = o->unweighted;
    lo.date_from = o->from;
    lo.date_to = o->to;
    lo.source_col = o->source_col;
    lo.target_col = o->target_col;
    lo.weight_col = o->weight_col;
    lo.date_col = o->date_col;
    lo.id_col = o->id_col;
    lo.date_format = o->date_format;
    lo.delimiter = o->delimiter;
    lo.encoding = o->encoding;
    lo.strict = o->strict;
    lo.affiliations_path = o->affiliations;
    lo.projection = (bm_projection)o->projection;
    lo.records_sheet = o->sheet;
    lo.actors_sheet = o->actors_sheet;
    lo.affiliations_sheet = o->aff_sheet;
    *out = lo;
}

int cli_load(const cli_opts *o, bm_network **net)
{
    bm_load_options lo;
    cli_load_options(o, &lo);
    cli_progress_step("Loading", 0.0);
    bm_status st = bm_load(net, &lo);
    if (st != BM_OK) {
        bm_set_progress(NULL, NULL); /* a failed step is not "done" */
        return cli_fail(o, st);
    }
    cli_progress_step("Loading", 100.0);
    /* The library builds a network of no ties (measures are defined on it);
     * for a person a records file with a header and nothing else is a mistake. */
    if (o->records && !o->affiliations && bm_network_record_count(*net) == 0 &&
        bm_network_records_outside_window(*net) == 0) {
        const char *fmt = bm_network_records_format(*net);
        int graph = fmt && strcmp(fmt, "CSV") && strcmp(fmt, "xlsx");
        bm_network_free(*net);
        *net = NULL;
        if (graph)
            return cli_fail(o, bm_error_set(BM_EINPUT, "%s: the graph has no edges (nothing to "
                                            "analyse)", o->records));
        return cli_fail(o, bm_error_set(BM_EINPUT, "%s: no records after the header (nothing to "
                                        "analyse)", o->records));
    }
    if (o->quiet)
        return 0;
    const bm_network *n = *net;
    if (bm_network_self_loops_dropped(n))
        fprintf(stderr, "bridgemap: warning: %zu records from an actor to itself were left out\n",
                bm_network_self_loops_dropped(n));
    if (bm_network_empty_weights(n))
        fprintf(stderr, "bridgemap: warning: %zu record%s an empty weight cell; each counted as "
                "weight 1\n", bm_network_empty_weights(n),
                bm_network_empty_weights(n) == 1 ? " has" : "s have");
    size_t unlisted = bm_network_unlisted_count(n);
    if (unlisted) {
        size_t first = bm_network_listed_count(n);
        fprintf(stderr, "bridgemap: warning: %zu actor%s named in %s %s not in %s (", unlisted,
                unlisted == 1 ? "" : "s",
                o->records && o->affiliations ? "the records and affiliations" :
                o->records ? o->records : o->affiliations,
                unlisted == 1 ? "is" : "are", o->actors);
        for (size_t k = 0; k < unlisted && k < 3; k++)
            fprintf(stderr, "%s'%s'", k ? ", " : "", bm_network_actor_id(n, first + k));
        fprintf(stderr, "%s); %s added with no attributes (--strict makes this an error)\n",
                unlisted > 3 ? ", ..." : "", unlisted == 1 ? "it was" : "they were");
    }
    return 0;
}

void cli_measure_options(const cli_opts *o, bm_measure_options *mo)
{
    memset(mo, 0, sizeof *mo);
    mo->unweighted = o->unweighted;
    mo->seed = o->seed;
    mo->permutations = o->permutations;
    mo->jobs = o->jobs;
    mo->paths = (bm_paths_method)o->paths;
    mo->epsilon = o->epsilon;
    mo->delta = o->delta;
}

void cli_grouping_hint(const cli_opts *o, const bm_network *net)
{
    if (o->quiet || o->group || bm_network_default_group(net) || bm_network_attr_count(net) == 0)
        return;
    /* columns that could group: 2 or more values, each shared by 2 actors on average */
    long label = bm_network_label_attr(net);
    char list[1024] = "";
    size_t used = 0, shown = 0;
    for (size_t c = 0; c < bm_network_attr_count(net); c++) {
        bm_grouping *g = NULL;
        if ((long)c == label || bm_grouping_new(&g, net, bm_network_attr_name(net, c)) != BM_OK)
            continue;
        size_t k = bm_grouping_count(g), members = 0;
        for (size_t i = 0; i < k; i++)
            members += bm_grouping_size(g, i);
        if (k >= 2 && 2 * k <= members) {
            int w = snprintf(list + used, sizeof list - used, "%s%s (%zu values)", shown ? ", " : "",
                             bm_network_attr_name(net, c), k);
            if (w > 0 && (size_t)w < sizeof list - used) {
                used += (size_t)w;
                shown++;
            }
        }
        bm_grouping_free(g);
    }
    if (shown)
        fprintf(stderr, "bridgemap: warning: no grouping: the actors file has no sector column; "
                "%s could take %s\n", strcmp(o->cmd_name, "render") == 0 ? "--color-by" : "--group",
                list);
    else
        fprintf(stderr, "bridgemap: warning: no grouping: the actors file has no sector column "
                "and no other column that groups actors; group measures are left out\n");
}

int cli_grouping(const cli_opts *o, const bm_network *net, bm_grouping **g)
{
    *g = NULL;
    const char *col = o->group;
    cli_grouping_hint(o, net);
    if (!col) {
        col = bm_network_default_group(net);
        if (!col)
            return 0;
    }
    bm_status st = bm_grouping_new(g, net, col);
    if (st != BM_OK)
        return cli_fail(o, st);
    return 0;
}
