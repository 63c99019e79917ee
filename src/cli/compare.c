/* compare.c: `bridgemap compare`: did it change? Two snapshots, or one dated
 * records file split at a date, side by side with a test of the change in
 * cross-group mixing (bridgemap/compare.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static void help(void)
{
    printf("Usage: bridgemap compare BEFORE AFTER [--actors ACTORS] [--group COLUMN] -o OUT\n"
           "       bridgemap compare RECORDS --split-date DATE [--before-from DATE]\n"
           "                         [--after-to DATE] [--actors ACTORS] -o OUT\n"
           "       bridgemap compare RECORDS --by month|quarter|year [--actors ACTORS]\n"
           "                         -o OUT\n"
           "\n"
           "Did the bootcamp, the sprint teams or the co-creation change who works with\n"
           "whom? Analyses both periods exactly as analyze does and writes, whole or not at\n"
           "all:\n"
           "  OUT/compare_summary.csv     every network figure before, after, change; the\n"
           "                              test's p-value on cross_group_share and ei_index\n"
           "  OUT/compare_groups.csv      per group: E-I before/after/change with its\n"
           "                              p-value, ties gained, lost and kept inside and\n"
           "                              across, and every figure of groups.csv\n"
           "                              before/after/change\n"
           "  OUT/compare_group_pairs.csv per pair of groups: ties before and after,\n"
           "                              new/gone\n"
           "  OUT/compare_actors.csv      per actor: status (both, joined, left), broker\n"
           "                              roles before/after/gained/lost (z of 1.96 or\n"
           "                              more), every measure of actors.csv\n"
           "                              before/after/change\n"
           "  OUT/compare_ties.csv        every pair tied in either period: gained, lost,\n"
           "                              kept; internal or external; weight before and\n"
           "                              after\n"
           "  OUT/compare.json            the test, its verdict, both periods' inputs\n"
           "On stdout: the verdict and what moved (--quiet: nothing).\n"
           "\n"
           "The test: is the change in the share of ties that cross groups more than noise?\n"
           "It permutes which period each pair's records fall in (before only, after only,\n"
           "both), keeping a pair's records together and each period's number of ties, and\n"
           "gives the two-sided p-value (Fisher-Pitman permutation test; --permutations,\n"
           "default 10,000; --seed). It assumes pairs are exchangeable when nothing changed\n"
           "(pairs sharing a very active actor are not independent), the same grouping in\n"
           "both periods, and actors matched by id.\n"
           "\n"
           "--split-date D: before = the records dated before D, after = those dated D or\n"
           "later; --before-from and --after-to trim the two windows (e.g. to equal length).\n"
           "--by P: the trend, OUT/compare_by_period.csv (analyze --by's figures per period,\n"
           "the cross-group share, its change from the period before and that change's\n"
           "p-value) and OUT/ei_by_period.svg.\n"
           "\n"
           "Options:\n");
    cli_print_options(stdout, CMD_COMPARE);
}

/* The day before an ISO date (YYYY-MM-DD) into out; -1 when date is not one. */
static int day_before(const char *date, char out[11])
{
    int y, m, d;
    char tail;
    if (strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || date[4] != '-' ||
        date[7] != '-')
        return -1;
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > (m == 2 && leap ? 29 : dim[m - 1]))
        return -1;
    if (--d == 0) {
        if (--m == 0) {
            m = 12;
            y--;
        }
        leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        d = m == 2 && leap ? 29 : dim[m - 1];
    }
    if (y < 0 || y > 9999)
        return -1;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return 0;
}

/* compare --by: the summary per calendar period (as analyze --by), and for
 * each period after the first the change test against the one before. */
static int trend(const cli_opts *o, const char *out_dir)
{
    int rc = 0;
    bm_table *periods = NULL;
    bm_output *out = NULL;
    bm_status st;
    bm_period_unit unit;
    bm_init(o->seed);
    cli_progress(o);
    bm_period_unit_parse(o->by, &unit); /* cli_parse checked it */
    bm_load_options lo;
    cli_load_options(o, &lo);
    bm_compare_options co;
    bm_compare_options_init(&co);
    cli_analysis_options(o, &co.analysis);
    if ((st = bm_compare_by_period(&periods, &lo, &co, unit)) != BM_OK ||
        (st = bm_output_open(&out, out_dir)) != BM_OK ||
        (st = bm_write_csv_ex(periods, bm_output_path(out, "compare_by_period.csv"),
                              o->raw_csv ? BM_CSV_RAW : 0)) != BM_OK ||
        (bm_table_find(periods, "ei_index") >= 0 && !o->no_map &&
         (st = bm_render_period_chart(periods, o->title, bm_output_path(out, "ei_by_period.svg"))) != BM_OK) ||
        (st = bm_output_commit(out)) != BM_OK) {
        rc = cli_fail(o, st);
        goto done;
    }
    if (!o->quiet) {
        size_t n = bm_table_rows(periods);
        size_t cp = (size_t)bm_table_find(periods, "period");
        size_t cs = (size_t)bm_table_find(periods, "cross_group_share");
        size_t cc = (size_t)bm_table_find(periods, "cross_group_share_change");
        size_t cv = (size_t)bm_table_find(periods, "change_p_value");
        for (size_t k = 1; k < n; k++) {
            double change = bm_table_number(periods, cc, k), p = bm_table_number(periods, cv, k);
            if (!isfinite(change))
                continue;
            printf("%s: %.1f%% of ties across groups (%+.1f points from %s, %s%.3f)\n",
                   bm_table_text(periods, cp, k), 100 * bm_table_number(periods, cs, k), 100 * change,
                   bm_table_text(periods, cp, k - 1), p < 0.001 ? "p < " : "p = ", p < 0.001 ? 0.001 : p);
        }
        fprintf(stderr, "bridgemap: %zu periods; wrote %s/\n", n, out_dir);
    }
done:
    bm_output_free(out);
    bm_table_free(periods);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    cli_opts o;
    int rc = cli_parse(argc, argv, CMD_COMPARE, "compare", help, &o);
    if (rc >= 0)
        return rc;
    rc = 0;
    const char *usage = NULL;
    char before_to[11];
    if (!o.records)
        usage = "compare needs BEFORE and AFTER records files, or RECORDS with --split-date";
    else if (o.split_date && o.records2)
        usage = "--split-date splits one records file; give RECORDS --split-date DATE, or BEFORE AFTER";
    else if (!o.split_date && !o.records2 && !o.by)
        usage = "compare needs a second records file (BEFORE AFTER), --split-date DATE or --by PERIOD";
    else if ((o.before_from || o.after_to) && !o.split_date)
        usage = "--before-from and --after-to go with --split-date";
    else if (o.by && (o.before_from || o.after_to))
        usage = "--before-from and --after-to go with --split-date";
    else if (o.split_date && (o.from || o.to))
        usage = "with --split-date, give the windows with --before-from and --after-to, not --from/--to";
    else if (o.split_date && day_before(o.split_date, before_to) != 0)
        usage = "--split-date needs a date YYYY-MM-DD";
    else if (o.affiliations)
        usage = "compare reads records files; --affiliations is not supported yet (run analyze "
                "--affiliations with --from/--to per period)";
    else if (o.by && (o.records2 || o.split_date))
        usage = "--by makes a trend of one dated records file; give RECORDS --by quarter";
    if (usage) {
        if (cli_leader())
            fprintf(stderr, "bridgemap: %s\nTry 'bridgemap compare --help'.\n", usage);
        return 2;
    }
    const char *out_dir = o.out ? o.out : "out";
    if (o.by)
        return trend(&o, out_dir);
    bm_network *nb = NULL, *na = NULL;
    bm_compare *cmp = NULL;
    bm_status st;
    bm_init(o.seed);
    cli_progress(&o);
    cli_opts ob = o, oa = o;
    char label_b[64], label_a[64];
    if (o.split_date) {
        ob.from = o.before_from;
        ob.to = before_to;
        oa.from = o.split_date;
        oa.to = o.after_to;
        snprintf(label_b, sizeof label_b, "before %s", o.split_date);
        snprintf(label_a, sizeof label_a, "from %s", o.split_date);
    } else {
        oa.records = o.records2;
        snprintf(label_b, sizeof label_b, "before");
        snprintf(label_a, sizeof label_a, "after");
    }
    if ((rc = cli_load(&ob, &nb)) != 0 || (rc = cli_load(&oa, &na)) != 0)
        goto done;
    bm_compare_options co;
    bm_compare_options_init(&co);
    cli_analysis_options(&o, &co.analysis);
    co.before_label = label_b;
    co.after_label = label_a;
    if ((st = bm_compare_new(&cmp, nb, na, &co)) != BM_OK || (st = bm_compare_run(cmp)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!cli_leader())
        goto done;
    bm_render_options ro;
    bm_render_options_init(&ro);
    ro.title = o.title;
    ro.label_by = o.label_by;
    ro.seed = o.seed;
    if ((st = bm_compare_write(cmp, out_dir, o.no_map ? NULL : &ro)) != BM_OK) {
        rc = cli_fail(&o, st);
        goto done;
    }
    if (!o.quiet) {
        if ((st = bm_compare_write_narrative(cmp, stdout, o.label_by)) != BM_OK || fflush(stdout) != 0) {
            rc = cli_fail(&o, BM_EINTERNAL);
            goto done;
        }
        fprintf(stderr, "bridgemap: %s: %zu ties, %s: %zu ties; wrote %s/\n", label_b,
                bm_network_tie_count(nb), label_a, bm_network_tie_count(na), out_dir);
    }
done:
    bm_compare_free(cmp);
    bm_network_free(nb);
    bm_network_free(na);
    return rc;
}
