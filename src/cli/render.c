/* render.c: `bridgemap render`: one stakeholder map, written whole. */
#include <stdio.h>
#include "cli.h"

static void help(void)
{
    printf("Usage: bridgemap render RECORDS.csv [--actors ACTORS.csv] [--color-by COLUMN]\n"
           "                        [--size-by MEASURE] -o MAP.svg|png|pdf|dot\n"
           "\n"
           "Draws the network with Graphviz: circles coloured by group (a colour-blind-safe\n"
           "palette; groups past the seventh largest share grey), sized by a measure, the\n"
           "largest labelled; ties inside a group take its colour, ties across groups are dark.\n"
           "The same input and --seed give the same map.\n"
           "\n"
           "Options:\n");
    cli_print_options(stdout, CMD_RENDER);
}

int cmd_render(int argc, char **argv)
{
    cli_opts o;
    int rc = cli_parse(argc, argv, CMD_RENDER, "render", help, &o);
    if (rc >= 0)
        return rc;
    rc = 0;
    if (!o.out) {
        if (cli_leader())
            fprintf(stderr, "bridgemap: render needs -o MAP.svg|png|pdf|dot\nTry 'bridgemap render --help'.\n");
        return 2;
    }
    bm_network *net = NULL;
    bm_grouping *grouping = NULL;
    bm_table *actors = NULL;
    bm_status st;
    bm_init(o.seed);
    cli_progress(&o);
    if ((rc = cli_load(&o, &net)) != 0 || (rc = cli_grouping(&o, net, &grouping)) != 0)
        goto done;
    bm_measure_options mo;
    cli_measure_options(&o, &mo);
    mo.grouping = grouping;
    if ((st = bm_measures_actors(&actors, net, &mo)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if ((rc = cli_check_map_options(&o, net, actors)) != 0)
        goto done;
    bm_render_options ro;
    cli_render_options(&o, grouping, actors, &ro);
    if (!cli_leader())
        goto done; /* under mpirun rank 0 draws the map, once */
    if ((st = bm_render_map(net, &ro, o.out)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!o.quiet)
        fprintf(stderr, "bridgemap: wrote %s\n", o.out);
done:
    bm_table_free(actors);
    bm_grouping_free(grouping);
    bm_network_free(net);
    return rc;
}
