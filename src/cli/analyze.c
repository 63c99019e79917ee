/* analyze.c: `bridgemap analyze`: options, then the library's analysis
 * (bm_analysis: load, measure, write the output set whole or not at all),
 * then the sentences on stdout. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void help(void)
{
    printf("Usage: bridgemap analyze RECORDS.csv [--actors ACTORS.csv] [--group COLUMN]\n"
           "                         [-o OUT]\n"
           "       bridgemap analyze [RECORDS.csv] --affiliations PARTICIPATION.csv\n"
           "                         [--actors ...]\n"
           "\n"
           "Measures the collaboration network and writes, whole or not at all:\n"
           "  OUT/actors.csv    one row per actor: id, its attributes, then degree,\n"
           "                    in_degree, out_degree, strength, betweenness,\n"
           "                    betweenness_norm, closeness, harmonic, eigenvector,\n"
           "                    pagerank, coreness, clustering, constraint, effective_size,\n"
           "                    efficiency, hierarchy, ei_index, participation, blau, iqv,\n"
           "                    linked_groups, bridging_centrality, articulation, community,\n"
           "                    brokerage_<role>, _expected, _z (Gould-Fernandez roles)\n"
           "  OUT/groups.csv    one row per group: group, size, internal_ties,\n"
           "                    external_ties, ei_index, density, group_degree,\n"
           "                    group_closeness, group_betweenness, top_broker,\n"
           "                    top_broker_share, silo_score\n"
           "  OUT/ties.csv      source, target, weight, count, cross_group, bridge (with\n"
           "                    --affiliations also activities and origin)\n"
           "  OUT/summary.json  network figures: nodes, ties, density, components,\n"
           "                    transitivity, mean_distance, diameter, centralisation, E-I\n"
           "                    index with expected value and permutation test, modularity,\n"
           "                    assortativity, Yule's Q, communities vs grouping, inputs...\n"
           "  OUT/group_pairs.csv the block image: group_a, group_b, ties, density\n"
           "  OUT/suggestions.csv introductions across groups (see bridgemap suggest --help)\n"
           "  OUT/group_pair_dependence.csv who holds each pair of groups together: the top\n"
           "                    carrier of their ties, its share, and whether the groups\n"
           "                    stay connected without it\n"
           "  OUT/map.svg       the stakeholder map, coloured by the grouping (above 1,000\n"
           "                    actors: a backbone of 1,000 grown from the largest along\n"
           "                    ties, and it says so)\n"
           "  OUT/group_map.svg one circle per group, one line per pair of groups with ties\n"
           "  OUT/silo_map.svg  every group in a box (up to 1,000 actors)\n"
           "  OUT/report.html   the report for a leader, one self-contained page: findings\n"
           "                    in words, the maps, block densities, groups, brokers, who\n"
           "                    holds the groups together, methods with citations (open in a\n"
           "                    browser)\n"
           "  OUT/network.graphml, .gexf, .json with --export: for Gephi, yEd, NetworkX,\n"
           "                    Kumu\n"
           "  OUT/activities.csv with --affiliations: per activity its participants, groups,\n"
           "                    Blau index, pairs and cross-group pairs (which ones mixed\n"
           "                    groups)\n"
           "  OUT/summary_by_period.csv, OUT/ei_by_period.svg with --by: the summary per\n"
           "                    period\n"
           "With --group a,b,c each level also gets groups_LEVEL.csv and\n"
           "group_pairs_LEVEL.csv, and its actor columns with the level as suffix\n"
           "(ei_index_unit, ...).\n"
           "CSV cells starting with = + - @ (a formula to a spreadsheet) get a ' in front;\n"
           "--raw-csv writes them as they are.\n"
           "On stdout: a few plain sentences on silos, brokers and cut points (--quiet:\n"
           "none).\n"
           "\n"
           "Weight is collaboration strength (the sum of the pair's record weights).\n"
           "Path-based measures (betweenness, closeness, harmonic, mean_distance, diameter)\n"
           "use distance 1/weight, so strong ties are short. --unweighted counts every tie\n"
           "as 1.\n"
           "Undefined values (closeness of an isolate, clustering with < 2 contacts, E-I of\n"
           "an actor without grouped contacts) are empty cells in CSV and null in JSON.\n"
           "\n");
    printf("Large networks: one search per actor feeds every shortest-path measure, on\n"
           "--jobs worker processes (the same results for any N). Above 10^10 actors x ties,\n"
           "or with --approx, betweenness, closeness, harmonic, distances and group\n"
           "betweenness come from k = 1 + ln(2n/delta)/(2 epsilon^2) sampled sources per\n"
           "component, with a stated bound: with probability 1 - delta, betweenness /\n"
           "(n(n-1)) is within epsilon of the exact value (Brandes & Pich 2007, with\n"
           "Hoeffding's bound) and each actor's mean distance within epsilon x diameter\n"
           "(Eppstein & Wang 2004); summary.json gives the method, bound and sample sizes.\n"
           "--exact computes them exactly at any size.\n"
           "\n"
           "Across machines (builds with Open MPI): mpirun -n P bridgemap analyze ... runs P\n"
           "processes (ranks) that share out the same chunks of searches and permutations\n"
           "and give byte for byte the output of one process; --jobs N worker processes run\n"
           "inside each rank, so use one rank per machine with its cores, e.g.\n"
           "  mpirun --hostfile HOSTS --map-by ppr:1:node:pe=CORES bridgemap analyze ...\n"
           "The input files must be readable under the same path on every machine (a shared\n"
           "filesystem); rank 0 alone writes OUT and prints. Every rank loads and measures\n"
           "the whole network, so each machine needs the memory of a single-process run.\n"
           "\n"
           "Input: RECORDS.csv needs columns source and target (any order, any case; also\n"
           "from/to, Danish fra/til, or named with --source-col/--target-col), and may have\n"
           "weight (> 0; an empty cell or no column: 1) and date (YYYY-MM-DD, or\n"
           "--date-format); repeated records of a pair add up to one tie. ACTORS.csv needs\n"
           "id (or actor, aktør, person, --id-col); its other columns are kept as\n"
           "attributes. Ids are trimmed of spaces. Actors named in records but not in\n"
           "ACTORS.csv are added and warned about once (--strict: an error); when most are\n"
           "missing the files do not share ids and nothing is written. Thousands separators\n"
           "(1.250) are refused, not misread.\n"
           "Comma, semicolon or tab; UTF-8 (BOM or not), UTF-16 or Windows-1252; CRLF;\n"
           "quoted fields may hold separators and line breaks. Bad input stops with\n"
           "FILE:LINE:COLUMN and writes nothing.\n"
           "\n"
           "Options:\n");
    cli_print_options(stdout, CMD_ANALYZE);
}

int cmd_analyze(int argc, char **argv)
{
    cli_opts o;
    int rc = cli_parse(argc, argv, CMD_ANALYZE, "analyze", help, &o);
    if (rc >= 0)
        return rc;
    const char *out_dir = o.out ? o.out : "out";
    bm_network *net = NULL;
    bm_analysis *an = NULL;
    bm_grouping *shapes = NULL;
    bm_status st = BM_OK;
    bm_analysis_options ao;
    bm_measure_options mo;

    bm_init(o.seed);
    cli_progress(&o);
    if ((rc = cli_load(&o, &net)) != 0)
        goto done;
    cli_measure_options(&o, &mo);
    cli_grouping_hint(&o, net);
    cli_analysis_options(&o, &ao);
    if ((st = bm_analysis_new(&an, net, &ao)) != BM_OK || (st = bm_analysis_run(an)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (o.by) {
        bm_load_options lo;
        bm_period_unit unit;
        cli_load_options(&o, &lo);
        bm_period_unit_parse(o.by, &unit);
        if ((st = bm_analysis_add_periods(an, &lo, unit)) != BM_OK) {
            rc = cli_fail(&o, st);
            goto done;
        }
    }
    const bm_grouping *grouping = bm_analysis_grouping(an, 0);
    const bm_table *actors = bm_analysis_actors(an);
    bm_render_options ro;
    if (!o.no_map) {
        if ((rc = cli_check_map_options(&o, net, actors)) != 0)
            goto done;
        cli_render_options(&o, grouping, actors, &ro);
        if (o.shape_by && (st = bm_grouping_new(&shapes, net, o.shape_by)) != BM_OK) {
            rc = cli_fail(&o, st);
            goto done;
        }
        ro.shapes = shapes;
    }
    /* Under mpirun every rank holds the same results; rank 0 writes them,
     * once (the library leaves that choice to its caller). */
    if (!cli_leader())
        goto done;
    if ((st = bm_analysis_write(an, out_dir, o.no_map ? NULL : &ro)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!o.quiet) {
        if ((st = bm_analysis_write_narrative(an, stdout, o.label_by)) != BM_OK ||
            fflush(stdout) != 0) {
            rc = cli_fail(&o, BM_EINTERNAL);
            goto done;
        }
        char how[160] = "";
        if (bm_analysis_sampled(an)) {
            double eps = bm_measures_epsilon(net, &mo);
            snprintf(how, sizeof how, ", path measures sampled with epsilon %.3g%s (summary.json states the bound)",
                     eps, mo.epsilon > 0 || eps <= BM_DEFAULT_EPSILON ? "" : ", the default at this size: --epsilon sets it");
        }
        fprintf(stderr, "bridgemap: %zu actors, %zu ties%s%s%s; wrote %s/\n",
                bm_network_actor_count(net), bm_network_tie_count(net),
                grouping ? ", grouped by " : "", grouping ? bm_grouping_column(grouping) : "", how,
                out_dir);
    }
done:
    bm_grouping_free(shapes);
    bm_analysis_free(an);
    bm_network_free(net);
    return rc;
}
