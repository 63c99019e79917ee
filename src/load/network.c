/* network.c: accessors of the network and its actor table, and groupings.
 *
 * A grouping turns one categorical actor column into groups. Groups are
 * sorted by name so that every table and map lists them in the same order
 * whatever the input order; an empty cell means "in no group". */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "internal.h"

void bm_network_free(bm_network *net)
{
    if (!net)
        return;
    if (net->graph_ready)
        igraph_destroy(&net->graph);
    if (net->uview_ready) {
        igraph_destroy(&net->uview_graph);
        igraph_vector_destroy(&net->uview_weight);
    }
    igraph_vector_destroy(&net->weight);
    igraph_vector_int_destroy(&net->count);
    if (net->has_affiliations)
        igraph_vector_int_destroy(&net->tie_activities);
    free(net->act_names);
    free(net->act_first);
    free(net->act_last);
    free(net->act_off);
    free(net->act_members);
    for (size_t k = 0; k < net->n_attr; k++)
        free(net->attr_values[k]);
    free(net->attr_values);
    free(net->attr_names);
    free(net->ids);
    free(net->id_slots);
    bm_arena_free(&net->arena);
    free(net);
}

size_t bm_network_actor_count(const bm_network *net) { return net->n_actors; }
size_t bm_network_tie_count(const bm_network *net) { return (size_t)igraph_ecount(&net->graph); }
int bm_network_is_directed(const bm_network *net) { return net->directed; }
const char *bm_network_actor_id(const bm_network *net, size_t i) { return net->ids[i]; }
size_t bm_network_attr_count(const bm_network *net) { return net->n_attr; }
const char *bm_network_attr_name(const bm_network *net, size_t col) { return net->attr_names[col]; }

long bm_network_attr_find(const bm_network *net, const char *name)
{
    for (size_t k = 0; k < net->n_attr; k++)
        if (strcasecmp(net->attr_names[k], name) == 0)
            return (long)k;
    return -1;
}

const char *bm_network_attr_value(const bm_network *net, size_t col, size_t i)
{
    return net->attr_values[col][i];
}

void bm_network_tie(const bm_network *net, size_t e, size_t *from, size_t *to, double *weight,
                    long *count)
{
    /* igraph stores an undirected edge with the larger id first; report
     * the smaller first, the order ties.csv uses too. */
    size_t a = (size_t)IGRAPH_FROM(&net->graph, (igraph_integer_t)e);
    size_t b = (size_t)IGRAPH_TO(&net->graph, (igraph_integer_t)e);
    if (!net->directed && a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    if (from)
        *from = a;
    if (to)
        *to = b;
    if (weight)
        *weight = VECTOR(net->weight)[e];
    if (count)
        *count = (long)VECTOR(net->count)[e];
}

size_t bm_network_record_count(const bm_network *net) { return net->records; }
size_t bm_network_self_loops_dropped(const bm_network *net) { return net->self_loops; }
size_t bm_network_records_outside_window(const bm_network *net) { return net->outside_window; }
size_t bm_network_unlisted_count(const bm_network *net)
{
    return net->has_actors_file ? net->n_actors - net->n_listed : 0;
}
size_t bm_network_listed_count(const bm_network *net) { return net->has_actors_file ? net->n_listed : 0; }
const char *bm_network_first_date(const bm_network *net) { return net->date_min; }
const char *bm_network_last_date(const bm_network *net) { return net->date_max; }
int bm_network_has_dates(const bm_network *net) { return net->has_date_column; }
const char *bm_network_records_format(const bm_network *net) { return net->records_format; }
size_t bm_network_undated_count(const bm_network *net) { return net->undated; }
size_t bm_network_empty_weights(const bm_network *net) { return net->empty_weights; }
int bm_network_has_affiliations(const bm_network *net) { return net->has_affiliations; }
size_t bm_network_activity_count(const bm_network *net) { return net->n_activities; }
const char *bm_network_activity_name(const bm_network *net, size_t k) { return net->act_names[k]; }
size_t bm_network_activity_size(const bm_network *net, size_t k)
{
    return net->act_off[k + 1] - net->act_off[k];
}
size_t bm_network_activity_member(const bm_network *net, size_t k, size_t j)
{
    return net->act_members[net->act_off[k] + j];
}
const char *bm_network_activity_first_date(const bm_network *net, size_t k) { return net->act_first[k]; }
const char *bm_network_activity_last_date(const bm_network *net, size_t k) { return net->act_last[k]; }
long bm_network_tie_activities(const bm_network *net, size_t e)
{
    return net->has_affiliations ? (long)VECTOR(net->tie_activities)[e] : 0;
}
size_t bm_network_participation_count(const bm_network *net) { return net->participations; }
size_t bm_network_participations_outside_window(const bm_network *net)
{
    return net->aff_outside_window;
}
size_t bm_network_input_count(const bm_network *net) { return net->n_inputs; }
const char *bm_network_input_path(const bm_network *net, size_t k) { return net->input_path[k]; }
const char *bm_network_input_sha256(const bm_network *net, size_t k) { return net->input_sha256[k]; }

/* ---- groupings ----------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bm_status bm_grouping_new(bm_grouping **out, const bm_network *net, const char *column)
{
    bm_status st = BM_OK;
    *out = NULL;
    long col = bm_network_attr_find(net, column);
    if (col < 0) {
        char cols[512] = "";
        size_t used = 0;
        for (size_t k = 0; k < net->n_attr && used + 8 < sizeof cols; k++) {
            int w = snprintf(cols + used, sizeof cols - used, "%s%s", k ? ", " : "", net->attr_names[k]);
            if (w < 0)
                break;
            used = used + (size_t)w < sizeof cols ? used + (size_t)w : sizeof cols - 1;
        }
        if (net->n_attr)
            return bm_error_set(BM_EUSAGE, "no actor column '%s' to group by (the actors file has: %s)",
                                column, cols);
        return bm_error_set(BM_EUSAGE, "no actor column '%s' to group by (give --actors with such a "
                            "column)", column);
    }
    size_t n = net->n_actors;
    bm_grouping *g = calloc(1, sizeof *g);
    char **distinct = NULL;
    if (!g)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    g->column = strdup(net->attr_names[col]);
    g->of = malloc((n ? n : 1) * sizeof *g->of);
    distinct = malloc((n ? n : 1) * sizeof *distinct);
    if (!g->column || !g->of || !distinct) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    size_t nd = 0;
    for (size_t i = 0; i < n; i++)
        if (net->attr_values[col][i][0] != '\0')
            distinct[nd++] = net->attr_values[col][i];
    qsort(distinct, nd, sizeof *distinct, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < nd; i++)
        if (k == 0 || strcmp(distinct[k - 1], distinct[i]) != 0)
            distinct[k++] = distinct[i];
    g->n_groups = k;
    g->names = malloc((k ? k : 1) * sizeof *g->names);
    g->sizes = calloc(k ? k : 1, sizeof *g->sizes);
    if (!g->names || !g->sizes) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < k; i++)
        g->names[i] = distinct[i]; /* strings owned by net's arena */
    for (size_t i = 0; i < n; i++) {
        const char *v = net->attr_values[col][i];
        g->of[i] = -1;
        if (v[0] == '\0')
            continue;
        char **hit = bsearch(&v, g->names, k, sizeof *g->names, cmp_str);
        g->of[i] = (long)(hit - g->names);
        g->sizes[g->of[i]]++;
    }
done:
    free(distinct);
    if (st != BM_OK) {
        bm_grouping_free(g);
        return st;
    }
    *out = g;
    return BM_OK;
}

void bm_grouping_free(bm_grouping *g)
{
    if (!g)
        return;
    free(g->column);
    free(g->names);
    free(g->sizes);
    free(g->of);
    free(g);
}

const char *bm_grouping_column(const bm_grouping *g) { return g->column; }
size_t bm_grouping_count(const bm_grouping *g) { return g->n_groups; }
const char *bm_grouping_name(const bm_grouping *g, size_t k) { return g->names[k]; }
size_t bm_grouping_size(const bm_grouping *g, size_t k) { return g->sizes[k]; }
long bm_grouping_of(const bm_grouping *g, size_t i) { return g->of[i]; }
