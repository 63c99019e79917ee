/* analyze.c: `bridgemap analyze`: load, measure, and write the output set
 * (actors.csv, groups.csv, ties.csv, summary.json, map.svg) whole or not at
 * all. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void help(void)
{
    printf("Usage: bridgemap analyze RECORDS.csv [--actors ACTORS.csv] [--group COLUMN] [-o OUT]\n"
           "\n"
           "Measures the collaboration network and writes, whole or not at all:\n"
           "  OUT/actors.csv    one row per actor: id, its attributes, then degree, in_degree,\n"
           "                    out_degree, strength, betweenness, betweenness_norm, closeness,\n"
           "                    harmonic, eigenvector, pagerank, coreness, clustering, constraint,\n"
           "                    effective_size, efficiency, hierarchy, ei_index, participation,\n"
           "                    blau, iqv, bridging_centrality, articulation, community,\n"
           "                    brokerage_<role>, _expected, _z (Gould-Fernandez roles)\n"
           "  OUT/groups.csv    one row per group: group, size, internal_ties, external_ties,\n"
           "                    ei_index, density, group_degree, group_closeness,\n"
           "                    group_betweenness, top_broker, top_broker_share, silo_score\n"
           "  OUT/ties.csv      source, target, weight, count, cross_group, bridge\n"
           "  OUT/summary.json  network figures: nodes, ties, density, components,\n"
           "                    transitivity, mean_distance, diameter, centralisation, E-I index\n"
           "                    with expected value and permutation test, modularity,\n"
           "                    assortativity, Yule's Q, communities vs grouping, inputs...\n"
           "  OUT/group_pairs.csv the block image: group_a, group_b, ties, density\n"
           "  OUT/suggestions.csv introductions across groups (see bridgemap suggest --help)\n"
           "  OUT/map.svg       the stakeholder map, coloured by the grouping\n"
           "With --group a,b,c each level also gets groups_LEVEL.csv and group_pairs_LEVEL.csv,\n"
           "and its actor columns with the level as suffix (ei_index_unit, ...).\n"
           "On stdout: a few plain sentences on silos, brokers and cut points (--quiet: none).\n"
           "\n"
           "Weight is collaboration strength (the sum of the pair's record weights). Path-based\n"
           "measures (betweenness, closeness, harmonic, mean_distance, diameter) use distance\n"
           "1/weight, so strong ties are short. --unweighted counts every tie as 1.\n"
           "Undefined values (closeness of an isolate, clustering with < 2 contacts, E-I of an\n"
           "actor without grouped contacts) are empty cells in CSV and null in JSON.\n"
           "\n"
           "Input: RECORDS.csv needs columns source and target (any order, any case), and may\n"
           "have weight (> 0, default 1) and date (YYYY-MM-DD); repeated records of a pair add\n"
           "up to one tie. ACTORS.csv needs id; its other columns are kept as attributes.\n"
           "Comma, semicolon or tab; UTF-8 (BOM or not), UTF-16 or Windows-1252; CRLF; quoted\n"
           "fields may hold separators and line breaks. Bad input stops with FILE:LINE:COLUMN\n"
           "and writes nothing.\n"
           "\n"
           "Options:\n");
    cli_print_options(stdout, CMD_ANALYZE);
}

#define MAX_LEVELS 8

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

/* Writes groups and group pairs of one level: groups.csv / group_pairs.csv
 * for the first level, groups_LEVEL.csv / group_pairs_LEVEL.csv for every
 * level when there are several. */
static bm_status write_level(bm_output *output, const bm_network *net, bm_measure_options *mo,
                             size_t level, size_t levels, bm_table **groups_out)
{
    bm_table *groups = NULL, *pairs = NULL;
    bm_status st;
    char name[300];
    const char *col = bm_grouping_column(mo->grouping);
    if ((st = bm_measures_groups(&groups, net, mo)) != BM_OK ||
        (st = bm_measures_group_pairs(&pairs, net, mo)) != BM_OK)
        goto done;
    if (level == 0 && ((st = bm_write_csv(groups, bm_output_path(output, "groups.csv"))) != BM_OK ||
                       (st = bm_write_csv(pairs, bm_output_path(output, "group_pairs.csv"))) != BM_OK))
        goto done;
    if (levels > 1) {
        level_file(name, sizeof name, "groups", col);
        if ((st = bm_write_csv(groups, bm_output_path(output, name))) != BM_OK)
            goto done;
        level_file(name, sizeof name, "group_pairs", col);
        if ((st = bm_write_csv(pairs, bm_output_path(output, name))) != BM_OK)
            goto done;
    }
done:
    bm_table_free(pairs);
    if (st == BM_OK && level == 0)
        *groups_out = groups;
    else
        bm_table_free(groups);
    return st;
}

int cmd_analyze(int argc, char **argv)
{
    cli_opts o;
    int rc = cli_parse(argc, argv, CMD_ANALYZE, "analyze", help, &o);
    if (rc >= 0)
        return rc;
    rc = 0;
    const char *out_dir = o.out ? o.out : "out";
    bm_network *net = NULL;
    bm_grouping *levels[MAX_LEVELS] = {NULL};
    size_t nlevels = 0;
    bm_grouping *grouping = NULL;
    bm_table *actors = NULL, *groups = NULL, *ties = NULL, *summary = NULL;
    bm_output *output = NULL;
    bm_status st = BM_OK;

    bm_init(o.seed);
    cli_progress(&o);
    if ((rc = cli_load(&o, &net)) != 0)
        goto done;
    /* --group a,b,c: one grouping per level; the first is the main one. */
    if (o.group && strchr(o.group, ',')) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s", o.group);
        for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
            while (*tok == ' ')
                tok++;
            size_t len = strlen(tok);
            while (len && tok[len - 1] == ' ')
                tok[--len] = '\0';
            if (nlevels == MAX_LEVELS) {
                rc = cli_fail(&o, bm_error_set(BM_EUSAGE, "--group: at most %d levels", MAX_LEVELS));
                goto done;
            }
            if (len == 0 || (st = bm_grouping_new(&levels[nlevels], net, tok)) != BM_OK) {
                rc = cli_fail(&o, len ? st : bm_error_set(BM_EUSAGE, "--group: an empty level name"));
                goto done;
            }
            nlevels++;
        }
    } else {
        if ((rc = cli_grouping(&o, net, &levels[0])) != 0)
            goto done;
        nlevels = levels[0] ? 1 : 0;
    }
    grouping = levels[0];
    bm_measure_options mo = {.grouping = grouping, .unweighted = o.unweighted, .seed = o.seed,
                             .permutations = o.permutations};
    if ((st = bm_measures_actors(&actors, net, &mo)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!o.no_map && (rc = cli_check_map_options(&o, net, actors)) != 0)
        goto done;
    for (size_t l = 1; l < nlevels; l++)
        if ((st = bm_measures_actors_level(actors, net, levels[l])) != BM_OK) {
            rc = cli_fail(&o, st);
            goto done;
        }
    mo.actors = actors;
    if ((st = bm_output_open(&output, out_dir)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    for (size_t l = 0; l < nlevels; l++) {
        bm_measure_options lo = mo;
        lo.grouping = levels[l];
        if ((st = write_level(output, net, &lo, l, nlevels, &groups)) != BM_OK) {
            rc = cli_fail(&o, st);
            goto done;
        }
    }
    if (grouping) {
        bm_table *sugg = NULL;
        st = bm_measures_suggestions(&sugg, net, &mo, o.top);
        if (st == BM_OK)
            st = bm_write_csv(sugg, bm_output_path(output, "suggestions.csv"));
        bm_table_free(sugg);
        if (st != BM_OK) {
            rc = cli_fail(&o, st);
            goto done;
        }
    }
    if ((st = bm_measures_ties(&ties, net, &mo)) != BM_OK ||
        (st = bm_measures_summary(&summary, net, &mo)) != BM_OK ||
        (st = bm_write_csv(actors, bm_output_path(output, "actors.csv"))) != BM_OK ||
        (st = bm_write_csv(ties, bm_output_path(output, "ties.csv"))) != BM_OK ||
        (st = bm_write_summary_json(summary, net, grouping ? bm_grouping_column(grouping) : NULL,
                                    o.seed, bm_output_path(output, "summary.json"))) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!o.no_map) {
        bm_render_options ro;
        cli_render_options(&o, grouping, actors, &ro);
        if ((st = bm_render_map(net, &ro, bm_output_path(output, "map.svg"))) != BM_OK) {
            rc = cli_fail(&o, st);
            goto done;
        }
    }
    if ((st = bm_output_commit(output)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!o.quiet) {
        if ((st = bm_write_narrative(stdout, summary, groups, actors,
                                     grouping ? bm_grouping_column(grouping) : NULL)) != BM_OK ||
            fflush(stdout) != 0) {
            rc = cli_fail(&o, BM_EINTERNAL);
            goto done;
        }
    }
    if (!o.quiet)
        fprintf(stderr, "bridgemap: %zu actors, %zu ties%s%s; wrote %s/\n",
                bm_network_actor_count(net), bm_network_tie_count(net),
                grouping ? ", grouped by " : "", grouping ? bm_grouping_column(grouping) : "", out_dir);
done:
    bm_output_free(output);
    bm_table_free(actors);
    bm_table_free(groups);
    bm_table_free(ties);
    bm_table_free(summary);
    for (size_t l = 0; l < nlevels; l++)
        bm_grouping_free(levels[l]);
    bm_network_free(net);
    return rc;
}
