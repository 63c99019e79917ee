/* render.c: `bridgemap render` and `bridgemap ego`: one map, written whole. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void help(void)
{
    printf("Usage: bridgemap render RECORDS [--actors ACTORS] [--color-by COLUMN]\n"
           "                        [--shape-by COLUMN] [--size-by MEASURE]\n"
           "                        [--view network|silo|groups] -o MAP.svg|png|pdf|dot\n"
           "\n"
           "Draws the network with Graphviz. The network view: circles coloured by group\n"
           "(the Okabe-Ito colour-blind-safe palette, then Tol's muted one; groups past the\n"
           "16th largest share grey), shaped by a second column (--shape-by), sized by a\n"
           "measure, the largest labelled; ties inside a group thin in its colour, ties\n"
           "across groups dark; a legend with colours, shapes, the size scale and a caption\n"
           "(files, date range, size). Above 1,000 actors it draws a backbone of 1,000,\n"
           "grown from the largest along ties, and says so. The silo view puts each group in\n"
           "a box. The groups view draws one circle per group and one line per pair of\n"
           "groups with ties: the picture to show first. The same input and --seed give the\n"
           "same bytes.\n"
           "\n"
           "Options:\n");
    cli_print_options(stdout, CMD_RENDER);
}

static void ego_help(void)
{
    printf("Usage: bridgemap ego RECORDS [--actors ACTORS] --actor ID [--radius N]\n"
           "                     [--color-by COLUMN] -o EGO.svg|png|pdf|dot\n"
           "\n"
           "Draws one stakeholder and their world: everyone within --radius steps (default\n"
           "1), coloured by group, the actor in the middle outlined, ties among the others\n"
           "dashed, and in the caption the actor's contacts and brokerage roles (Gould &\n"
           "Fernandez 1989: coordinator, itinerant, representative, gatekeeper, liaison,\n"
           "with the z-score against chance; 1.96 or more marks a broker).\n"
           "\n"
           "Options:\n");
    cli_print_options(stdout, CMD_EGO);
}

static int draw(int argc, char **argv, unsigned cmd)
{
    const char *name = cmd == CMD_EGO ? "ego" : "render";
    cli_opts o;
    int rc = cli_parse(argc, argv, cmd, name, cmd == CMD_EGO ? ego_help : help, &o);
    if (rc >= 0)
        return rc;
    rc = 0;
    if (!o.out) {
        if (cli_leader())
            fprintf(stderr, "bridgemap: %s needs -o MAP.svg|png|pdf|dot\nTry 'bridgemap %s --help'.\n",
                    name, name);
        return 2;
    }
    if (cmd == CMD_EGO && !o.actor) {
        if (cli_leader())
            fprintf(stderr, "bridgemap: ego needs --actor ID\nTry 'bridgemap ego --help'.\n");
        return 2;
    }
    int groups_view = o.view && strcmp(o.view, "groups") == 0;
    bm_network *net = NULL;
    bm_grouping *grouping = NULL, *shapes = NULL;
    bm_table *actors = NULL;
    bm_status st;
    bm_init(o.seed);
    cli_progress(&o);
    if ((rc = cli_load(&o, &net)) != 0 || (rc = cli_grouping(&o, net, &grouping)) != 0)
        goto done;
    long focus = -1;
    if (cmd == CMD_EGO && (focus = bm_network_find_actor(net, o.actor)) < 0) {
        rc = cli_fail(&o, bm_error_set(BM_EUSAGE, "--actor: no actor '%s' in the network", o.actor));
        goto done;
    }
    if (groups_view && !grouping) {
        rc = cli_fail(&o, bm_error_set(BM_EUSAGE, "--view groups needs a grouping: --color-by "
                                       "COLUMN (the actors file has no sector column)"));
        goto done;
    }
    bm_measure_options mo;
    cli_measure_options(&o, &mo);
    mo.grouping = grouping;
    /* the group map needs no actor measures, nor does a large network's
     * map without --size-by: it is sized by number of ties (computing every
     * measure of 200,000 actors would take minutes for a picture of 1,000) */
    int need_measures = !groups_view && (cmd == CMD_EGO || o.size_by ||
                                         bm_network_actor_count(net) <= BM_MAP_MAX_ACTORS);
    if (need_measures && (st = bm_measures_actors(&actors, net, &mo)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (need_measures && (rc = cli_check_map_options(&o, net, actors)) != 0)
        goto done;
    if (o.shape_by && (st = bm_grouping_new(&shapes, net, o.shape_by)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    bm_render_options ro;
    cli_render_options(&o, grouping, actors, &ro);
    ro.shapes = shapes;
    ro.focus = focus;
    if (!actors)
        ro.size_by = NULL;
    if (!cli_leader())
        goto done; /* under mpirun rank 0 draws the map, once */
    st = groups_view ? bm_render_group_map(net, &ro, o.out) : bm_render_map(net, &ro, o.out);
    if (st != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!o.quiet)
        fprintf(stderr, "bridgemap: wrote %s\n", o.out);
done:
    bm_table_free(actors);
    bm_grouping_free(shapes);
    bm_grouping_free(grouping);
    bm_network_free(net);
    return rc;
}

int cmd_render(int argc, char **argv) { return draw(argc, argv, CMD_RENDER); }

int cmd_ego(int argc, char **argv) { return draw(argc, argv, CMD_EGO); }
