/* narrative.c: the few sentences a leader reads first.
 *
 * A writer: it reads the summary, group and actor tables and says in plain
 * words where the silos are, who brokers between groups and where the network
 * hangs on one person. It computes no measure; it only ranks and words what
 * the tables hold. Numbers are rounded for reading; the tables keep them
 * whole. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/output.h"

static double num(const bm_table *t, const char *col, size_t row)
{
    long c = t ? bm_table_find(t, col) : -1;
    return c < 0 ? NAN : bm_table_number(t, (size_t)c, row);
}

static const char *text(const bm_table *t, const char *col, size_t row)
{
    long c = t ? bm_table_find(t, col) : -1;
    return c < 0 ? "" : bm_table_text(t, (size_t)c, row);
}

/* The name of actor row r: the "name" column when filled, else the id. */
static const char *who(const bm_table *actors, size_t r)
{
    const char *n = text(actors, "name", r);
    return n[0] ? n : text(actors, "id", r);
}

typedef struct ranked {
    double key;
    size_t row;
} ranked;

static int by_key_desc(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* Rows of t sorted by column col, largest first, NaN left out. */
static size_t rank_rows(const bm_table *t, const char *col, ranked *out)
{
    size_t k = 0;
    for (size_t r = 0; r < bm_table_rows(t); r++) {
        double v = num(t, col, r);
        if (!isnan(v)) {
            out[k].key = v;
            out[k].row = r;
            k++;
        }
    }
    qsort(out, k, sizeof *out, by_key_desc);
    return k;
}

bm_status bm_write_narrative(FILE *f, const bm_table *summary, const bm_table *groups,
                             const bm_table *actors, const char *grouping)
{
    size_t na = actors ? bm_table_rows(actors) : 0, ng = groups ? bm_table_rows(groups) : 0;
    ranked *rk = malloc(((na > ng ? na : ng) + 1) * sizeof *rk);
    if (!rk)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    double nodes = num(summary, "nodes", 0), ties = num(summary, "ties", 0);
    double comps = num(summary, "components", 0);
    size_t isolates = 0;
    for (size_t r = 0; r < na; r++)
        isolates += num(actors, "degree", r) == 0;
    fprintf(f, "%.0f actors, %.0f ties, %.0f connected part%s", nodes, ties, comps, comps == 1 ? "" : "s");
    if (isolates)
        fprintf(f, " (%zu actor%s without any tie)", isolates, isolates == 1 ? "" : "s");
    fprintf(f, ".\n");

    if (grouping && groups) {
        double ei = num(summary, "ei_index", 0), exp = num(summary, "ei_expected", 0);
        double p = num(summary, "ei_p_value", 0);
        fprintf(f, "Grouped by %s (%zu groups). E-I index %+.2f, where chance would give %+.2f", grouping,
                ng, ei, exp);
        if (!isnan(p) && p < 0.001)
            fprintf(f, " (p < 0.001)");
        else if (!isnan(p))
            fprintf(f, " (p = %.3f)", p);
        if (isnan(ei))
            fprintf(f, ": no ties between grouped actors.\n");
        else if (ei < exp && p <= 0.05)
            fprintf(f, ": the groups keep to themselves more than chance would.\n");
        else if (ei > exp && !isnan(p) && p >= 0.95)
            fprintf(f, ": the groups mix more than chance would.\n");
        else
            fprintf(f, ": no clear difference from chance.\n");

        size_t k = rank_rows(groups, "silo_score", rk), shown = 0, more = 0;
        for (size_t i = 0; i < k; i++) {
            if (rk[i].key < 50)
                break;
            if (shown == 5) {
                more++;
                continue;
            }
            size_t r = rk[i].row;
            fprintf(f, "%s %s (%.0f: %.0f ties inside, %.0f out)",
                    shown ? "," : "Silos (silo score, 100 = closed):",
                    text(groups, "group", r), rk[i].key, num(groups, "internal_ties", r),
                    num(groups, "external_ties", r));
            shown++;
        }
        if (more)
            fprintf(f, ", and %zu more with a score of 50 or more", more);
        if (shown)
            fprintf(f, ".\n");
        else
            fprintf(f, "No group scores 50 or more on the silo score (0 = mixes as chance would, 100 = closed).\n");

        for (size_t r = 0; r < ng; r++) {
            double share = num(groups, "top_broker_share", r), ext = num(groups, "external_ties", r);
            long idx = -1;
            const char *id = text(groups, "top_broker", r);
            for (size_t a = 0; a < na && idx < 0; a++)
                if (strcmp(text(actors, "id", a), id) == 0)
                    idx = (long)a;
            if (share >= 0.5 && ext >= 2 && idx >= 0)
                fprintf(f, "%s's ties to other groups hang on one person: %s carries %.0f%% of them.\n",
                        text(groups, "group", r), who(actors, (size_t)idx), 100 * share);
        }
    }

    size_t k = rank_rows(actors, "betweenness", rk);
    if (k && rk[0].key > 0) {
        fprintf(f, "Brokers (on most shortest paths between others):");
        for (size_t i = 0; i < k && i < 5 && rk[i].key > 0; i++) {
            size_t r = rk[i].row;
            const char *grp = grouping ? text(actors, grouping, r) : "";
            fprintf(f, "%s %s%s%s%s", i ? "," : "", who(actors, r), grp[0] ? " (" : "", grp,
                    grp[0] ? ")" : "");
        }
        fprintf(f, ".\n");
    }
    size_t cut = 0;
    for (size_t r = 0; r < na; r++)
        cut += num(actors, "articulation", r) == 1;
    if (cut) {
        fprintf(f, "%zu actor%s hold%s parts of the network together: without %s, someone is cut off",
                cut, cut == 1 ? "" : "s", cut == 1 ? "s" : "", cut == 1 ? "this actor" : "any one of them");
        size_t shown = 0;
        k = rank_rows(actors, "betweenness", rk);
        for (size_t i = 0; i < k && shown < 5; i++)
            if (num(actors, "articulation", rk[i].row) == 1)
                fprintf(f, "%s %s", shown++ ? "," : " (e.g.", who(actors, rk[i].row));
        fprintf(f, "%s.\n", shown ? ")" : "");
    }
    free(rk);
    if (ferror(f))
        return bm_error_set(BM_EINTERNAL, "writing the summary failed");
    return BM_OK;
}
