/* convert.c: `bridgemap convert`: the network with its attributes and every
 * measure as one GraphML, GEXF or Kumu JSON file (bridgemap/export.h), for
 * Gephi, yEd, NetworkX or Kumu. It loads and measures as analyze does (the
 * library's bm_analysis), then writes the one file, whole or not at all. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void help(void)
{
    printf("Usage: bridgemap convert RECORDS.csv [--actors ACTORS.csv] [--group COLUMN]\n"
           "                         -o OUT.graphml|OUT.gexf|OUT.json\n"
           "                         [--format graphml|gexf|kumu] [--size-by MEASURE]\n"
           "\n"
           "Writes the network with its actors' attributes and measures (the columns of\n"
           "analyze's actors.csv) and its ties (the columns of ties.csv) as one file:\n"
           "  .graphml  GraphML for Gephi, yEd, NetworkX, igraph: typed data keys (string,\n"
           "            int, double, boolean), a label key (the name column, else the id)\n"
           "  .gexf     GEXF 1.2 for Gephi: node colours by group (the maps' colours) and\n"
           "            sizes by --size-by (viz:size = 5 + 45 x sqrt(value / largest value),\n"
           "            from 5 to 50), edge weights\n"
           "  .json     Kumu's JSON import: elements (id, label, type = the group, the\n"
           "            columns) and connections (from, to = element ids, direction,\n"
           "            strength = weight, the tie columns)\n"
           "--format picks the format whatever the extension. Ties are directed or\n"
           "undirected as the network is. An undefined value (closeness of an isolate) and\n"
           "an empty attribute cell are left out of GraphML and GEXF; in JSON they are null\n"
           "and \"\". A column name that repeats an earlier one or the format's own (id,\n"
           "label, type in Kumu), ignoring case, gets _2 appended.\n"
           "Loading, measures and grouping are those of bridgemap analyze (see its --help).\n"
           "\n"
           "Options:\n");
    cli_print_options(stdout, CMD_CONVERT);
}

int cmd_convert(int argc, char **argv)
{
    cli_opts o;
    int rc = cli_parse(argc, argv, CMD_CONVERT, "convert", help, &o);
    if (rc >= 0)
        return rc;
    rc = 0;
    bm_export_format fmt;
    if (!o.out) {
        if (cli_leader())
            fprintf(stderr, "bridgemap: convert needs -o OUT.graphml, OUT.gexf or OUT.json\n"
                            "Try 'bridgemap convert --help'.\n");
        return 2;
    }
    if (o.format ? bm_export_format_parse(o.format, &fmt) != 0 : bm_export_format_parse(o.out, &fmt) != 0) {
        /* cli_parse has checked --format; here the extension says nothing */
        if (cli_leader())
            fprintf(stderr, "bridgemap: cannot tell the format of '%s' from its extension (.graphml, "
                            ".gexf or .json); give --format graphml, gexf or kumu\n"
                            "Try 'bridgemap convert --help'.\n", o.out);
        return 2;
    }
    bm_network *net = NULL;
    bm_analysis *an = NULL;
    bm_status st;
    bm_analysis_options ao;
    bm_measure_options mo;

    bm_init(o.seed);
    cli_progress(&o);
    if ((rc = cli_load(&o, &net)) != 0)
        goto done;
    cli_measure_options(&o, &mo);
    cli_grouping_hint(&o, net);
    cli_analysis_options(&o, &ao);
    ao.exports = NULL;
    if ((st = bm_analysis_new(&an, net, &ao)) != BM_OK || (st = bm_analysis_run(an)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    const bm_table *actors = bm_analysis_actors(an);
    if ((rc = cli_check_map_options(&o, net, actors)) != 0)
        goto done;
    if (!cli_leader())
        goto done; /* under mpirun rank 0 writes the file, once */
    if ((st = bm_export_write(net, bm_analysis_grouping(an, 0), actors, bm_analysis_ties(an), o.size_by,
                              fmt, o.out)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!o.quiet)
        fprintf(stderr, "bridgemap: %zu actors, %zu ties; wrote %s\n", bm_network_actor_count(net),
                bm_network_tie_count(net), o.out);
done:
    bm_analysis_free(an);
    bm_network_free(net);
    return rc;
}
