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
#include "internal.h"

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

/* The label column of the actor table: label_by when given, else the
 * first name-like column (bm_network_label_attr's rule), else -1 (ids). */
static long label_column = -1;

/* The name of actor row r: its label when filled, else the id. */
static const char *who(const bm_table *actors, size_t r)
{
    const char *n = label_column >= 0 ? bm_table_text(actors, (size_t)label_column, r) : "";
    return n[0] ? n : text(actors, "id", r);
}

static void pick_label(const bm_table *actors, const char *label_by)
{
    label_column = -1;
    if (!actors)
        return;
    size_t nc = bm_table_cols(actors);
    const char **names = malloc((nc ? nc : 1) * sizeof *names);
    if (!names)
        return;
    for (size_t c = 0; c < nc; c++)
        names[c] = bm_table_col_name(actors, c);
    const char *one[2] = {label_by, NULL};
    long c = bm_i_pick_name(names, nc, label_by ? one : bm_syn_name);
    free(names);
    if (c >= 0 && bm_table_col_type(actors, (size_t)c) == BM_COL_TEXT)
        label_column = c;
}

/* The Gould-Fernandez roles that cross groups, as the sentences name them. */
static const char *const cross_roles[3] = {"liaison", "representative", "gatekeeper"};

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

bm_status bm_write_narrative(FILE *f, const bm_narrative *in)
{
    const bm_table *summary = in->summary, *groups = in->groups, *actors = in->actors;
    const bm_table *activities = in->activities, *dependence = in->dependence;
    const char *grouping = in->grouping, *label_by = in->label_by;
    pick_label(actors, label_by);
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
        if (isnan(ei)) {
            fprintf(f, "Grouped by %s (%zu group%s). The E-I index is undefined: there are no ties "
                    "between actors who both have a group.\n", grouping, ng, ng == 1 ? "" : "s");
        } else {
            fprintf(f, "Grouped by %s (%zu group%s). E-I index %+.2f", grouping, ng, ng == 1 ? "" : "s", ei);
            if (!isnan(exp))
                fprintf(f, ", where chance would give %+.2f", exp);
            if (!isnan(p) && p < 0.001)
                fprintf(f, " (p < 0.001)");
            else if (!isnan(p))
                fprintf(f, " (p = %.3f)", p);
            if (isnan(exp) || isnan(p))
                fprintf(f, ".\n");
            else if (ei < exp && p <= 0.05)
                fprintf(f, ": the groups keep to themselves more than chance would.\n");
            else if (ei > exp && p >= 0.95)
                fprintf(f, ": the groups mix more than chance would.\n");
            else
                fprintf(f, ": no clear difference from chance.\n");
        }

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

    /* Brokers across groups: the Gould-Fernandez roles that join groups,
     * with a z-score of at least 1.96 (more than chance given group sizes
     * and density), ranked by their largest such z. */
    size_t k = 0;
    if (grouping) {
        for (size_t r = 0; r < na; r++) {
            double best = NAN;
            for (int q = 0; q < 3; q++) {
                char col[64];
                snprintf(col, sizeof col, "brokerage_%s_z", cross_roles[q]);
                double z = num(actors, col, r);
                if (z >= 1.96 && !(best >= z))
                    best = z;
            }
            if (!isnan(best)) {
                rk[k].key = best;
                rk[k].row = r;
                k++;
            }
        }
        qsort(rk, k, sizeof *rk, by_key_desc);
        if (k == 0) {
            fprintf(f, "No one brokers between groups more than chance would (Gould-Fernandez "
                    "liaison, representative or gatekeeper z-score of 1.96 or more).\n");
        } else {
            fprintf(f, "Brokers between groups (Gould-Fernandez roles with a z-score of 1.96 or "
                    "more; %zu in all):\n", k);
            for (size_t i = 0; i < k && i < 5; i++) {
                size_t r = rk[i].row;
                const char *grp = text(actors, grouping, r);
                fprintf(f, "  - %s%s%s%s:", who(actors, r), grp[0] ? " (" : "", grp, grp[0] ? ")" : "");
                double z[3];
                for (int q = 0; q < 3; q++) {
                    char col[64];
                    snprintf(col, sizeof col, "brokerage_%s_z", cross_roles[q]);
                    z[q] = num(actors, col, r);
                }
                int first = 1;
                for (int q = 0; q < 3; q++) {
                    if (!(z[q] >= 1.96))
                        continue;
                    /* undirected, representative and gatekeeper are one role: say it once */
                    if (q == 2 && z[1] == z[2])
                        continue;
                    fprintf(f, "%s %s%s (z %.1f)", first ? "" : ",", cross_roles[q],
                            q == 1 && z[1] == z[2] ? " and gatekeeper" : "", z[q]);
                    first = 0;
                }
                double part = num(actors, "participation", r);
                if (!isnan(part))
                    fprintf(f, "; participation %.2f", part);
                const char *links = text(actors, "linked_groups", r);
                if (links[0])
                    fprintf(f, "; ties to %s", links);
                fprintf(f, "\n");
            }
            if (k > 5)
                fprintf(f, "  and %zu more (actors.csv: brokerage_*_z).\n", k - 5);
        }
    }
    k = rank_rows(actors, "betweenness", rk);
    if (k && rk[0].key > 0) {
        fprintf(f, "On most shortest paths between others (betweenness):");
        for (size_t i = 0; i < k && i < 3 && rk[i].key > 0; i++) {
            size_t r = rk[i].row;
            const char *grp = grouping ? text(actors, grouping, r) : "";
            fprintf(f, "%s %s%s%s%s", i ? "," : "", who(actors, r), grp[0] ? " (" : "", grp,
                    grp[0] ? ")" : "");
        }
        fprintf(f, ".\n");
    }
    /* Who holds pairs of groups together: pairs whose ties mostly run through one person. */
    if (grouping && dependence && bm_table_rows(dependence)) {
        size_t nd = bm_table_rows(dependence);
        ranked *dr = malloc((nd + 1) * sizeof *dr);
        if (dr) {
            size_t kd = 0;
            for (size_t r = 0; r < nd; r++) {
                double share = num(dependence, "top_carrier_share", r);
                if (share >= 0.5 && num(dependence, "ties", r) >= 2) {
                    dr[kd].key = share * 1e6 + num(dependence, "ties", r);
                    dr[kd].row = r;
                    kd++;
                }
            }
            qsort(dr, kd, sizeof *dr, by_key_desc);
            if (kd)
                fprintf(f, "Who holds the groups together:\n");
            for (size_t i = 0; i < kd && i < 5; i++) {
                size_t r = dr[i].row;
                const char *id = text(dependence, "top_carrier", r);
                long row = -1;
                for (size_t a = 0; a < na && row < 0; a++)
                    if (strcmp(text(actors, "id", a), id) == 0)
                        row = (long)a;
                double t = num(dependence, "ties", r), share = num(dependence, "top_carrier_share", r);
                double conn = num(dependence, "connected_without_top_carrier", r);
                fprintf(f, "  - %s carries %.0f%% of the %.0f ties between %s and %s", row >= 0 ?
                        who(actors, (size_t)row) : id, 100 * share, t, text(dependence, "group_a", r),
                        text(dependence, "group_b", r));
                if (conn == 0)
                    fprintf(f, "; without %s the two groups are not connected at all", row >= 0 ?
                            who(actors, (size_t)row) : id);
                else if (conn == 1 && share == 1)
                    fprintf(f, "; without them no tie is left, but a longer path through others is");
                fprintf(f, ".\n");
            }
            if (kd > 5)
                fprintf(f, "  and %zu more pairs (group_pair_dependence.csv).\n", kd - 5);
            free(dr);
        }
    }

    /* Activities (affiliations): which mixed the groups, which stayed inside one. */
    if (grouping && activities && bm_table_rows(activities)) {
        size_t nact = bm_table_rows(activities);
        ranked *ar = malloc((nact + 1) * sizeof *ar);
        if (ar) {
            size_t ka = rank_rows(activities, "cross_group_pairs", ar), shown = 0;
            for (size_t i = 0; i < ka && shown < 3; i++) {
                size_t r = ar[i].row;
                if (ar[i].key <= 0)
                    break;
                double fresh = num(activities, "cross_group_pairs_without_records", r);
                fprintf(f, "%s %s (%.0f groups, Blau %.2f, %.0f cross-group pairs",
                        shown ? ";" : "Activities that mixed the groups most:",
                        text(activities, "activity", r), num(activities, "groups", r),
                        num(activities, "blau", r), ar[i].key);
                if (!isnan(fresh))
                    fprintf(f, ", %.0f of them with no record otherwise", fresh);
                fprintf(f, ")");
                shown++;
            }
            if (shown)
                fprintf(f, ".\n");
            size_t closed = 0;
            for (size_t r = 0; r < nact; r++)
                closed += num(activities, "groups", r) == 1 && num(activities, "participants", r) >= 2;
            if (closed) {
                fprintf(f, "%zu activit%s stayed inside one group:", closed, closed == 1 ? "y" : "ies");
                size_t c = 0;
                for (size_t r = 0; r < nact && c < 5; r++)
                    if (num(activities, "groups", r) == 1 && num(activities, "participants", r) >= 2)
                        fprintf(f, "%s %s", c++ ? "," : "", text(activities, "activity", r));
                fprintf(f, "%s.\n", closed > 5 ? ", ..." : "");
            }
            free(ar);
        }
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
