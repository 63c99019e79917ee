/* paths.c: the shortest-path measures, from one all-pairs pass.
 *
 * Closeness, harmonic centrality, mean distance and diameter all read the
 * same distances; igraph computes each with its own all-pairs search, which
 * on a large network means four passes of n Dijkstra runs. Here igraph's
 * Dijkstra (BFS when unweighted) runs once per source, in blocks of sources,
 * and every measure is read off the block. Distances are 1/weight.
 *
 * - closeness (Freeman 1979, igraph 0.10 convention): 1 / sum of distances to
 *   the actors reachable from i (directed: outgoing); NaN when none is.
 * - harmonic (Marchiori & Latora 2000): sum over j != i of 1/d(i, j), 0 for
 *   unreachable j.
 * - mean distance: mean of d(i, j) over ordered pairs i != j with a path
 *   (igraph_average_path_length_dijkstra with unconn = true); NaN without one.
 * - diameter: the largest finite d(i, j) (igraph_diameter_dijkstra with
 *   unconn = true): 0 for a network without ties, NaN for the null graph. */
#include <math.h>
#include <stdlib.h>
#include "internal.h"

#define BLOCK 64

bm_status bm_i_path_measures(const bm_network *net, int unweighted, double *closeness,
                             double *harmonic, double *mean_distance, double *diameter)
{
    bm_status st = BM_OK;
    igraph_integer_t n = igraph_vcount(&net->graph);
    igraph_matrix_t d;
    igraph_vector_t dist;
    double pairs = 0, total = 0, longest = n > 0 ? 0 : NAN;
    if (igraph_matrix_init(&d, 0, 0) || igraph_vector_init(&dist, 0))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if ((st = bm_distances(&net->weight, unweighted, &dist)) != BM_OK)
        goto done;
    for (igraph_integer_t from = 0; from < n; from += BLOCK) {
        igraph_integer_t to = from + BLOCK < n ? from + BLOCK : n;
        BM_IG(igraph_distances_dijkstra(&net->graph, &d, igraph_vss_range(from, to), igraph_vss_all(),
                                        unweighted ? NULL : &dist, IGRAPH_OUT),
              "shortest paths");
        for (igraph_integer_t r = 0; r < to - from; r++) {
            igraph_integer_t i = from + r;
            double sum = 0, inv = 0, reach = 0;
            for (igraph_integer_t j = 0; j < n; j++) {
                double x = MATRIX(d, r, j);
                if (j == i || !isfinite(x))
                    continue;
                sum += x;
                inv += 1.0 / x;
                reach += 1;
                if (x > longest)
                    longest = x;
            }
            if (closeness)
                closeness[i] = reach > 0 ? 1.0 / sum : NAN;
            if (harmonic)
                harmonic[i] = inv;
            pairs += reach;
            total += sum;
        }
        bm_i_progress("Shortest paths", 100.0 * (double)to / (double)n);
    }
    if (mean_distance)
        *mean_distance = pairs > 0 ? total / pairs : NAN;
    if (diameter)
        *diameter = longest;
done:
    igraph_matrix_destroy(&d);
    igraph_vector_destroy(&dist);
    return st;
}
