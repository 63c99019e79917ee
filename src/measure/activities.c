/* activities.c: which activities actually mixed the groups.
 *
 * One row per activity of the affiliations file (bm_network activities):
 * how many took part, how many groups they came from, the Blau index of
 * their groups (Blau 1977, Inequality and Heterogeneity: 1 - sum_g p_g^2,
 * p_g the share of the grouped participants in group g; 0 = all from one
 * group), the co-participation pairs it made and how many of them join two
 * different groups, and how many of those pairs had no collaboration record
 * (the cross-group contacts the activity added, when records are loaded
 * too). Participants without a group count in participants and pairs only. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/measures.h"
#include "internal.h"

/* Whether actors u and v have a tie with at least one record. */
static int has_record_tie(const bm_network *net, size_t u, size_t v)
{
    igraph_integer_t e;
    if (igraph_get_eid(&net->graph, &e, (igraph_integer_t)u, (igraph_integer_t)v, IGRAPH_UNDIRECTED,
                       /*error=*/0) != IGRAPH_SUCCESS || e < 0)
        return 0;
    return VECTOR(net->count)[e] > 0;
}

bm_status bm_measures_activities(bm_table **out, const bm_network *net, const bm_grouping *g)
{
    bm_status st = BM_OK;
    size_t n = net->n_activities;
    bm_table *t = NULL;
    *out = NULL;
    if (!net->has_affiliations)
        return bm_error_set(BM_EUSAGE, "the network was loaded without affiliations");
    size_t ng = g ? g->n_groups : 0;
    double *col[8];
    const char **name = malloc((n ? n : 1) * sizeof *name);
    const char **first = malloc((n ? n : 1) * sizeof *first);
    const char **last = malloc((n ? n : 1) * sizeof *last);
    double *count = calloc(ng ? ng : 1, sizeof *count);
    for (int k = 0; k < 8; k++)
        col[k] = malloc((n ? n : 1) * sizeof *col[k]);
    for (int k = 0; k < 8; k++)
        if (!col[k])
            st = BM_EINTERNAL;
    if (!name || !first || !last || !count || st != BM_OK) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    double *participants = col[0], *groups = col[1], *blau = col[2], *pairs = col[3],
           *cross = col[4], *cross_share = col[5], *cross_new = col[6], *ungrouped = col[7];
    for (size_t a = 0; a < n; a++) {
        size_t lo = net->act_off[a], hi = net->act_off[a + 1], p = hi - lo;
        name[a] = net->act_names[a];
        first[a] = net->act_first[a];
        last[a] = net->act_last[a];
        participants[a] = (double)p;
        pairs[a] = (double)p * (double)(p - (p > 0)) / 2.0;
        size_t grouped = 0, distinct = 0;
        if (g) {
            for (size_t i = lo; i < hi; i++) {
                long gi = g->of[net->act_members[i]];
                if (gi < 0)
                    continue;
                distinct += count[gi] == 0;
                count[gi] += 1;
                grouped++;
            }
            double sumsq = 0, same = 0;
            for (size_t i = lo; i < hi; i++) {
                long gi = g->of[net->act_members[i]];
                if (gi < 0 || count[gi] == 0)
                    continue;
                double share = count[gi] / (double)grouped;
                sumsq += share * share;
                same += count[gi] * (count[gi] - 1) / 2.0;
                count[gi] = 0; /* each group once */
            }
            groups[a] = (double)distinct;
            blau[a] = grouped ? 1.0 - sumsq : NAN;
            /* pairs of grouped participants in different groups */
            double gp = (double)grouped * (double)(grouped - (grouped > 0)) / 2.0;
            cross[a] = gp - same;
            cross_share[a] = pairs[a] > 0 ? cross[a] / pairs[a] : NAN;
            size_t fresh = 0;
            for (size_t i = lo; i < hi; i++)
                for (size_t j = i + 1; j < hi; j++) {
                    long gi = g->of[net->act_members[i]], gj = g->of[net->act_members[j]];
                    if (gi >= 0 && gj >= 0 && gi != gj &&
                        !has_record_tie(net, net->act_members[i], net->act_members[j]))
                        fresh++;
                }
            cross_new[a] = (double)fresh;
        } else {
            groups[a] = blau[a] = cross[a] = cross_share[a] = cross_new[a] = NAN;
        }
        ungrouped[a] = g ? (double)(p - grouped) : NAN;
    }
    static const char *blau_cite = "Blau (1977) Inequality and Heterogeneity";
    if ((st = bm_table_new(&t, "activities", n)) != BM_OK ||
        (st = bm_table_add_text(t, "activity", name, "the activity, as the affiliations file names it", "")) != BM_OK ||
        (st = bm_table_add_number(t, "participants", participants, "actors who took part", "")) != BM_OK ||
        (st = bm_table_add_number(t, "groups", groups, "groups the participants come from", "")) != BM_OK ||
        (st = bm_table_add_number(t, "blau", blau,
                                  "1 - sum over groups of (share of the grouped participants)^2: 0 = one group",
                                  blau_cite)) != BM_OK ||
        (st = bm_table_add_number(t, "pairs", pairs, "pairs of participants: n(n-1)/2", "")) != BM_OK ||
        (st = bm_table_add_number(t, "cross_group_pairs", cross,
                                  "pairs of participants from two different groups", "")) != BM_OK ||
        (st = bm_table_add_number(t, "cross_group_share", cross_share,
                                  "cross_group_pairs / pairs", "")) != BM_OK ||
        (st = bm_table_add_number(t, "cross_group_pairs_without_records", cross_new,
                                  "cross-group pairs with no collaboration record between them: "
                                  "the contacts across groups the activity added", "")) != BM_OK ||
        (st = bm_table_add_number(t, "ungrouped", ungrouped, "participants in no group", "")) != BM_OK ||
        (st = bm_table_add_text(t, "first_date", first, "first dated participation", "")) != BM_OK ||
        (st = bm_table_add_text(t, "last_date", last, "last dated participation", "")) != BM_OK)
        goto done;
done:
    for (int k = 0; k < 8; k++)
        free(col[k]);
    free(name);
    free(first);
    free(last);
    free(count);
    if (st != BM_OK) {
        bm_table_free(t);
        return st;
    }
    *out = t;
    return BM_OK;
}
