/* suggest.c: `bridgemap suggest`: the introductions that would most reduce
 * the separation of groups, as CSV on stdout. */
#include <stdio.h>
#include "cli.h"

static void help(void)
{
    printf("Usage: bridgemap suggest RECORDS.csv --actors ACTORS.csv [--group COLUMN]\n"
           "                         [--top N]\n"
           "\n"
           "Ranks pairs of actors in different groups, not yet tied, by how many pairs of\n"
           "actors across groups their introduction would bring within two steps of each\n"
           "other (a contact's contact: where weak ties carry news and brokers work;\n"
           "Granovetter 1973, Burt 1992). Candidates are the 30 best-connected members of\n"
           "each group. Ties count on the undirected view, unweighted. Writes CSV to stdout:\n"
           "rank, actor_a, actor_b, group_a, group_b, score, reason.\n"
           "\n"
           "Options:\n");
    cli_print_options(stdout, CMD_SUGGEST);
}

int cmd_suggest(int argc, char **argv)
{
    cli_opts o;
    int rc = cli_parse(argc, argv, CMD_SUGGEST, "suggest", help, &o);
    if (rc >= 0)
        return rc;
    rc = 0;
    bm_network *net = NULL;
    bm_grouping *grouping = NULL;
    bm_table *sugg = NULL;
    bm_status st;
    bm_init(o.seed);
    if ((rc = cli_load(&o, &net)) != 0 || (rc = cli_grouping(&o, net, &grouping)) != 0)
        goto done;
    if (!grouping) {
        rc = cli_fail(&o, bm_error_set(BM_EUSAGE, "suggest needs a grouping: --group COLUMN (the "
                                       "actors file has no sector column)"));
        goto done;
    }
    bm_measure_options mo;
    cli_measure_options(&o, &mo);
    mo.grouping = grouping;
    if ((st = bm_measures_suggestions(&sugg, net, &mo, o.top)) != BM_OK ||
        (cli_leader() && (st = bm_write_csv_stream_ex(sugg, stdout, o.raw_csv ? BM_CSV_RAW : 0)) != BM_OK)) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (fflush(stdout) != 0 || ferror(stdout))
        rc = cli_fail(&o, bm_error_set(BM_EINTERNAL, "writing to stdout failed"));
done:
    bm_table_free(sugg);
    bm_grouping_free(grouping);
    bm_network_free(net);
    return rc;
}
