/* igraph_glue.c: the thin layer between bridgemap and igraph.
 *
 * igraph's default error handler aborts the process; ours records igraph's
 * reason as bridgemap's last error and lets the call return its error code
 * (after freeing igraph's own temporaries, as igraph_error_handler_ignore
 * does). Warnings are counted, not printed. Keeping igraph calls in few files
 * makes the move from igraph 0.10 to 1.0 a day's work. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"

static _Thread_local char bm_igraph_reason[512];
static _Thread_local size_t bm_igraph_warnings;

static void bm_igraph_error_handler(const char *reason, const char *file, int line,
                                    igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    snprintf(bm_igraph_reason, sizeof bm_igraph_reason, "%s (%s)", reason,
             igraph_strerror(igraph_errno));
    IGRAPH_FINALLY_FREE();
}

static void bm_igraph_warning_handler(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
    bm_igraph_warnings++;
}

/* Debian's igraph runs PRPACK (PageRank) on OpenMP threads, whose partial
 * sums add up in a different order from run to run: the last digits of
 * PageRank changed between two runs of the same input. One OpenMP thread
 * makes it reproducible (and leaves the cores to bridgemap's own worker
 * processes). The symbol is weak: without libgomp there is nothing to set. */
extern void omp_set_num_threads(int) __attribute__((weak));

void bm_init(unsigned long seed)
{
    if (omp_set_num_threads)
        omp_set_num_threads(1);
    igraph_set_error_handler(bm_igraph_error_handler);
    igraph_set_warning_handler(bm_igraph_warning_handler);
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    bm_igraph_warnings = 0;
}

size_t bm_warning_count(void) { return bm_igraph_warnings; }

static _Thread_local bm_progress_fn bm_progress_cb;
static _Thread_local void *bm_progress_data;
static _Thread_local int bm_progress_muted;

static igraph_error_t bm_igraph_progress(const char *message, igraph_real_t percent, void *data)
{
    (void)data;
    if (bm_progress_cb && !bm_progress_muted)
        bm_progress_cb(message, percent, bm_progress_data);
    return IGRAPH_SUCCESS;
}

void bm_i_progress(const char *step, double percent)
{
    if (bm_progress_cb && !bm_progress_muted)
        bm_progress_cb(step, percent, bm_progress_data);
}

void bm_i_progress_mute(int mute) { bm_progress_muted += mute ? 1 : -1; }

void bm_get_progress(bm_progress_fn *fn, void **data)
{
    *fn = bm_progress_cb;
    *data = bm_progress_data;
}

void bm_set_progress(bm_progress_fn fn, void *data)
{
    bm_progress_cb = fn;
    bm_progress_data = data;
    igraph_set_progress_handler(fn ? bm_igraph_progress : NULL);
}

bm_status bm_igraph_fail(igraph_error_t err, const char *what)
{
    if (err == IGRAPH_ENOMEM)
        return bm_error_set(BM_EINTERNAL, "%s: out of memory", what);
    return bm_error_set(BM_EINTERNAL, "%s: igraph: %s", what,
                        bm_igraph_reason[0] ? bm_igraph_reason : igraph_strerror(err));
}

/* The directed network collapsed to its undirected simple view: g is
 * initialised by the call on BM_OK; w must be an initialised vector. */
static bm_status collapse_direction(const bm_network *net, igraph_t *g, igraph_vector_t *w)
{
    bm_status st = BM_OK;
    /* Without an attribute handler igraph_to_undirected cannot sum weights,
     * so collapse by hand: sort arcs by unordered pair. */
    igraph_integer_t m = igraph_ecount(&net->graph);
    igraph_vector_int_t edges;
    igraph_vector_int_t order;
    igraph_vector_t keys;
    BM_IG(igraph_vector_int_init(&edges, 0), "collapsing direction");
    if (igraph_vector_int_init(&order, 0) || igraph_vector_init(&keys, m)) {
        igraph_vector_int_destroy(&edges);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(&net->graph, e), b = IGRAPH_TO(&net->graph, e);
        if (a > b) {
            igraph_integer_t t = a;
            a = b;
            b = t;
        }
        VECTOR(keys)[e] = (double)a * 4294967296.0 + (double)b;
    }
    if (igraph_vector_qsort_ind(&keys, &order, IGRAPH_ASCENDING) != IGRAPH_SUCCESS ||
        igraph_vector_resize(w, 0) != IGRAPH_SUCCESS) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto undo;
    }
    for (igraph_integer_t k = 0; k < m; k++) {
        igraph_integer_t e = VECTOR(order)[k];
        if (k > 0 && VECTOR(keys)[e] == VECTOR(keys)[VECTOR(order)[k - 1]]) {
            VECTOR(*w)[igraph_vector_size(w) - 1] += VECTOR(net->weight)[e];
            continue;
        }
        igraph_integer_t a = IGRAPH_FROM(&net->graph, e), b = IGRAPH_TO(&net->graph, e);
        if (igraph_vector_int_push_back(&edges, a < b ? a : b) ||
            igraph_vector_int_push_back(&edges, a < b ? b : a) ||
            igraph_vector_push_back(w, VECTOR(net->weight)[e])) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto undo;
        }
    }
    if (igraph_create(g, &edges, igraph_vcount(&net->graph), IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        st = bm_igraph_fail(IGRAPH_FAILURE, "collapsing direction");
undo:
    igraph_vector_int_destroy(&edges);
    igraph_vector_int_destroy(&order);
    igraph_vector_destroy(&keys);
    return st;
done:
    return st;
}

bm_status bm_i_network_finish(bm_network *net)
{
    bm_status st;
    if (!net->directed) {
        net->ug = &net->graph;
        net->uw = &net->weight;
        return BM_OK;
    }
    if (igraph_vector_init(&net->uview_weight, 0) != IGRAPH_SUCCESS)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if ((st = collapse_direction(net, &net->uview_graph, &net->uview_weight)) != BM_OK) {
        igraph_vector_destroy(&net->uview_weight);
        return st;
    }
    net->uview_ready = 1;
    net->ug = &net->uview_graph;
    net->uw = &net->uview_weight;
    return BM_OK;
}

bm_status bm_distances(const igraph_vector_t *weight, int unweighted, igraph_vector_t *dist)
{
    igraph_integer_t m = igraph_vector_size(weight);
    if (igraph_vector_resize(dist, m) != IGRAPH_SUCCESS)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(*dist)[e] = unweighted ? 1.0 : 1.0 / VECTOR(*weight)[e];
    return BM_OK;
}
