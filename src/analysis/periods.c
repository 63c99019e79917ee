/* periods.c: the network's figures period by period (analyze --by).
 *
 * The records' date range is cut into calendar months, quarters or years;
 * each period's network is loaded from the same files with the period as
 * its --from/--to window (clipped to the user's window), so it has every
 * actor (actors listed in the actors file or named in any record, whatever
 * their date: one denominator for every period's density) and the ties of
 * that period's records only. Its summary is the one summary.json has for
 * the whole network (bm_measures_summary: density, components, E-I with its
 * expected value and permutation p-value, modularity, assortativity, ...),
 * with the same grouping, seed and permutations. compare --by adds each
 * period's change test against the period before. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/analysis.h"
#include "bridgemap/compare.h"
#include "bridgemap/load.h"
#include "internal.h"

int bm_period_unit_parse(const char *s, bm_period_unit *out)
{
    if (strcmp(s, "month") == 0)
        *out = BM_PERIOD_MONTH;
    else if (strcmp(s, "quarter") == 0)
        *out = BM_PERIOD_QUARTER;
    else if (strcmp(s, "year") == 0)
        *out = BM_PERIOD_YEAR;
    else
        return -1;
    return 0;
}

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* Period k of unit starting from the period holding (y0, m0). */
static void period_of(bm_period_unit unit, int y0, int m0, size_t k, char label[16], char from[11],
                      char to[11])
{
    int months = unit == BM_PERIOD_MONTH ? 1 : unit == BM_PERIOD_QUARTER ? 3 : 12;
    int first = unit == BM_PERIOD_MONTH ? m0 : unit == BM_PERIOD_QUARTER ? (m0 - 1) / 3 * 3 + 1 : 1;
    long idx = (long)y0 * 12 + (first - 1) + (long)k * months;
    int y = (int)(idx / 12), m = (int)(idx % 12) + 1;
    int ye = (int)((idx + months - 1) / 12), me = (int)((idx + months - 1) % 12) + 1;
    if (unit == BM_PERIOD_MONTH)
        snprintf(label, 16, "%04d-%02d", y % 10000, m);
    else if (unit == BM_PERIOD_QUARTER)
        snprintf(label, 16, "%04d-Q%d", y % 10000, (m - 1) / 3 + 1);
    else
        snprintf(label, 16, "%04d", y % 10000);
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-01", y, m);
    memcpy(from, buf, 10);
    from[10] = '\0';
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", ye, me, days_in(ye, me));
    memcpy(to, buf, 10);
    to[10] = '\0';
}

bm_status bm_periods_summary(bm_table **out, const bm_load_options *lo, const char *group,
                             const bm_measure_options *mo_in, bm_period_unit unit,
                             const char *first_date, const char *last_date)
{
    bm_status st = BM_OK;
    *out = NULL;
    if (!first_date || !first_date[0])
        return bm_error_set(BM_EUSAGE, "--by needs dated records (a date column with dates)");
    /* the user's window clips the range */
    char lo_date[11], hi_date[11];
    snprintf(lo_date, sizeof lo_date, "%s", lo->date_from && strcmp(lo->date_from, first_date) > 0
                                                 ? lo->date_from : first_date);
    snprintf(hi_date, sizeof hi_date, "%s", lo->date_to && strcmp(lo->date_to, last_date) < 0
                                                 ? lo->date_to : last_date);
    if (strcmp(lo_date, hi_date) > 0)
        return bm_error_set(BM_EUSAGE, "--by: no dated record inside --from/--to");
    int y0 = atoi(lo_date), m0 = atoi(lo_date + 5);
    int y1 = atoi(hi_date), m1 = atoi(hi_date + 5);
    int months = unit == BM_PERIOD_MONTH ? 1 : unit == BM_PERIOD_QUARTER ? 3 : 12;
    int first = unit == BM_PERIOD_MONTH ? m0 : unit == BM_PERIOD_QUARTER ? (m0 - 1) / 3 * 3 + 1 : 1;
    long span = ((long)y1 * 12 + m1 - 1) - ((long)y0 * 12 + first - 1);
    size_t np = (size_t)(span / months) + 1;
    if (np > 1200)
        return bm_error_set(BM_EUSAGE, "--by: %zu periods from %s to %s; at most 1,200 (use a "
                            "longer period or --from/--to)", np, lo_date, hi_date);

    char (*label)[16] = calloc(np, sizeof *label);
    char (*from)[11] = calloc(np, sizeof *from);
    char (*to)[11] = calloc(np, sizeof *to);
    double *records = calloc(np, sizeof *records);
    bm_table **sums = calloc(np, sizeof *sums);
    bm_table *t = NULL;
    bm_network *pnet = NULL;
    bm_grouping *pg = NULL;
    if (!label || !from || !to || !records || !sums) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < np; k++) {
        period_of(unit, y0, m0, k, label[k], from[k], to[k]);
        bm_load_options plo = *lo;
        /* clip to the user's window (the records' range needs no clipping) */
        char wfrom[11], wto[11];
        snprintf(wfrom, sizeof wfrom, "%s", lo->date_from && strcmp(lo->date_from, from[k]) > 0
                                                ? lo->date_from : from[k]);
        snprintf(wto, sizeof wto, "%s", lo->date_to && strcmp(lo->date_to, to[k]) < 0 ? lo->date_to
                                                                                     : to[k]);
        plo.date_from = wfrom;
        plo.date_to = wto;
        bm_i_progress("Periods", 100.0 * (double)k / (double)np);
        bm_i_progress_mute(1);
        st = bm_load(&pnet, &plo);
        bm_i_progress_mute(0);
        if (st != BM_OK)
            goto done;
        bm_measure_options mo = *mo_in;
        mo.actors = NULL;
        mo.grouping = NULL;
        if (group && (st = bm_grouping_new(&pg, pnet, group)) != BM_OK)
            goto done;
        mo.grouping = pg;
        bm_i_progress_mute(1);
        st = bm_measures_summary(&sums[k], pnet, &mo);
        bm_i_progress_mute(0);
        if (st != BM_OK)
            goto done;
        records[k] = (double)bm_network_record_count(pnet);
        bm_grouping_free(pg);
        pg = NULL;
        bm_network_free(pnet);
        pnet = NULL;
    }
    bm_i_progress("Periods", 100.0);
    {
        const char **lp = malloc(np * sizeof *lp), **fp = malloc(np * sizeof *fp),
                   **tp = malloc(np * sizeof *tp), **txt = malloc(np * sizeof *txt);
        double *num = malloc(np * sizeof *num);
        if (!lp || !fp || !tp || !txt || !num) {
            free(lp), free(fp), free(tp), free(txt), free(num);
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        for (size_t k = 0; k < np; k++) {
            lp[k] = label[k];
            fp[k] = from[k];
            tp[k] = to[k];
        }
        if ((st = bm_table_new(&t, "summary_by_period", np)) == BM_OK &&
            (st = bm_table_add_text(t, "period", lp, "calendar month, quarter or year", "")) == BM_OK &&
            (st = bm_table_add_text(t, "from", fp, "first day of the period", "")) == BM_OK &&
            (st = bm_table_add_text(t, "to", tp, "last day of the period", "")) == BM_OK)
            st = bm_table_add_number(t, "records", records, "records dated in the period", "");
        const bm_table *s0 = sums[0];
        for (size_t c = 0; st == BM_OK && c < bm_table_cols(s0); c++) {
            const char *name = bm_table_col_name(s0, c);
            for (size_t k = 0; k < np; k++) {
                long ck = bm_table_find(sums[k], name);
                if (bm_table_col_type(s0, c) == BM_COL_TEXT)
                    txt[k] = ck >= 0 ? bm_table_text(sums[k], (size_t)ck, 0) : "";
                else
                    num[k] = ck >= 0 ? bm_table_number(sums[k], (size_t)ck, 0) : NAN;
            }
            if (bm_table_col_type(s0, c) == BM_COL_TEXT)
                st = bm_table_add_text(t, name, txt, bm_table_col_description(s0, c),
                                       bm_table_col_citation(s0, c));
            else
                st = bm_table_add_number(t, name, num, bm_table_col_description(s0, c),
                                         bm_table_col_citation(s0, c));
        }
        free(lp), free(fp), free(tp), free(txt), free(num);
    }
done:
    bm_grouping_free(pg);
    bm_network_free(pnet);
    for (size_t k = 0; sums && k < np; k++)
        bm_table_free(sums[k]);
    free(sums);
    free(label);
    free(from);
    free(to);
    free(records);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}

/* compare --by (bridgemap/compare.h): the periods above, and each period's
 * change test against the one before (bm_compare, as compare runs it on
 * two periods). */
bm_status bm_compare_by_period(bm_table **out, const bm_load_options *lo, const bm_compare_options *co,
                               bm_period_unit unit)
{
    bm_status st;
    bm_network *all = NULL, *prev = NULL;
    bm_table *periods = NULL;
    double *share = NULL, *change = NULL, *pval = NULL;
    *out = NULL;
    if ((st = bm_load(&all, lo)) != BM_OK)
        goto done;
    const char *name = lo->records_path ? lo->records_path : lo->affiliations_path;
    if (!bm_network_has_dates(all)) {
        st = bm_error_set(BM_EUSAGE, "%s: --by needs a date column in the records (named date, dato, "
                          "timestamp or tidspunkt, or given with --date-col)", name);
        goto done;
    }
    if (bm_network_undated_count(all)) {
        st = bm_error_set(BM_EINPUT, "%s: %zu records have no date, and --by places every record in "
                          "a period", name, bm_network_undated_count(all));
        goto done;
    }
    bm_measure_options mo = bm_i_measure_options_of(&co->analysis);
    const char *group = co->analysis.group ? co->analysis.group : bm_network_default_group(all);
    if ((st = bm_periods_summary(&periods, lo, group, &mo, unit, bm_network_first_date(all),
                                 bm_network_last_date(all))) != BM_OK)
        goto done;
    size_t n = bm_table_rows(periods);
    share = malloc((n ? n : 1) * sizeof *share);
    change = malloc((n ? n : 1) * sizeof *change);
    pval = malloc((n ? n : 1) * sizeof *pval);
    if (!share || !change || !pval) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    long cf = bm_table_find(periods, "from"), ct = bm_table_find(periods, "to");
    for (size_t k = 0; k < n; k++) {
        bm_load_options lk = *lo;
        lk.date_from = bm_table_text(periods, (size_t)cf, k);
        lk.date_to = bm_table_text(periods, (size_t)ct, k);
        bm_network *cur = NULL;
        if ((st = bm_load(&cur, &lk)) != BM_OK)
            goto done;
        share[k] = change[k] = pval[k] = NAN;
        if (prev && group) {
            bm_compare_options ck = *co;
            ck.analysis.group = group;
            bm_compare *cmp = NULL;
            st = bm_compare_new(&cmp, prev, cur, &ck);
            if (st == BM_OK)
                st = bm_compare_run(cmp);
            if (st == BM_OK) {
                const bm_change_test *t = bm_compare_test(cmp);
                share[k] = t->share_after;
                change[k] = t->change;
                pval[k] = t->p_value;
                if (k == 1)
                    share[0] = t->share_before;
            }
            bm_compare_free(cmp);
        }
        bm_network_free(prev);
        prev = cur;
        if (st != BM_OK)
            goto done;
    }
    if ((st = bm_table_add_number(periods, "cross_group_share", share,
                                  "share of the ties between grouped actors that cross groups", "")) != BM_OK ||
        (st = bm_table_add_number(periods, "cross_group_share_change", change,
                                  "change from the period before", "")) != BM_OK ||
        (st = bm_table_add_number(periods, "change_p_value", pval,
                                  "two-sided permutation p-value of that change (pairs' period patterns "
                                  "permuted; as compare)", "Good (2005) ch. 3")) != BM_OK)
        goto done;
    *out = periods;
    periods = NULL;
done:
    bm_network_free(prev);
    bm_network_free(all);
    bm_table_free(periods);
    free(share);
    free(change);
    free(pval);
    return st;
}
