/* holes.h: Burt's (1992) structural-hole measures per actor: constraint,
 * effective size, efficiency and hierarchy.
 *
 * Library-internal (src/ only): the CLI reaches these numbers through the
 * actors table (columns constraint, effective_size, efficiency, hierarchy).
 * Needs only the public headers, so a unit test can include it without
 * internal.h. Definitions and conventions: holes.c and shared/MEASURES.md. */
#ifndef BRIDGEMAP_HOLES_H
#define BRIDGEMAP_HOLES_H

#include "bridgemap/common.h"
#include "bridgemap/network.h"

/* Fills, for every actor of net, each output array that is not NULL (arrays
 * of n actors, allocated by the caller):
 *   constraint      Burt's aggregate constraint c_i
 *   effective_size  Burt's effective size (as nx.effective_size)
 *   efficiency      effective_size / number of distinct contacts
 *   hierarchy       Burt's concentration of constraint (Coleman-Theil)
 * With unweighted != 0 every arc / tie counts 1. In a directed network the
 * contacts of i are its in- and out-neighbours, and a pair's strength is
 * a_ij + a_ji (a mutual pair counts both arcs). An actor without contacts
 * gets NaN in all four; hierarchy is NaN with fewer than two contacts.
 * Returns BM_EINTERNAL when memory runs out or igraph fails. */
bm_status bm_i_structural_holes(const bm_network *net, int unweighted, double *constraint,
                                double *effective_size, double *efficiency, double *hierarchy);

#endif
