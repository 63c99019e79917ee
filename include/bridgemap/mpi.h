/* bridgemap/mpi.h: one analysis across machines, under Open MPI's mpirun.
 *
 * `mpirun -n P bridgemap analyze ...` starts P processes (ranks), on one
 * machine or many. Each rank runs the whole pipeline on the same input; the
 * chunked work (the shortest-path searches and the E-I permutations, see
 * README "Scale") is split so that rank r computes chunks r, r + P, ... on
 * its own `jobs` worker processes, and every rank then receives every
 * chunk's result, so all ranks hold the same bits as one process would
 * (README, "Across machines"). The caller decides who writes: the bridgemap
 * command writes its outputs and sentences on rank 0 only.
 *
 * A program that never calls bm_mpi_start runs as one process even if it
 * initialised MPI itself (each rank then analyses on its own), so that MPI
 * programs that run independent analyses per rank keep working.
 *
 * Usage (what the bridgemap command does):
 *   bm_mpi_start(&argc, &argv);
 *   ... compute on every rank, write on bm_mpi_rank() == 0 ...
 *   int code = rc, first;
 *   if (!bm_mpi_agree(&code, &first)) { report own failure; bm_mpi_abort(rc); }
 *   bm_mpi_finish();
 *   return code;
 *
 * Without MPI support in the build every function is a no-op (rank 0 of 1),
 * except that bm_mpi_start refuses a launch by mpirun of several processes. */
#ifndef BRIDGEMAP_MPI_H
#define BRIDGEMAP_MPI_H

#include "bridgemap/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Joins the MPI job when this process was started by mpirun (Open MPI or a
 * PMIx/PMI launcher such as srun: OMPI_COMM_WORLD_SIZE, PMIX_RANK or
 * PMI_RANK is set), initialising MPI unless the program already did, and
 * from then on splits chunked work over the ranks. Does nothing otherwise:
 * a plain run never touches MPI. BM_EUSAGE when started by mpirun with
 * several processes but built without MPI; BM_EINTERNAL when MPI_Init fails. */
bm_status bm_mpi_start(int *argc, char ***argv);

/* This process's rank and the number of ranks (0 and 1 when not started). */
int bm_mpi_rank(void);
int bm_mpi_size(void);

/* The exit code every rank agrees on. Every rank calls it once, after its
 * last computation, with its own exit code in *code. Returns 1 when all
 * ranks answered: *code becomes the code of the lowest-numbered failing
 * rank (0 when none failed) and *first that rank (-1 when none). Returns 0
 * when this rank failed and some rank did not answer within 10 seconds (it
 * is probably waiting for this one, say inside a split computation): the
 * caller reports its own failure and calls bm_mpi_abort. Ranks that
 * succeeded wait as long as it takes. Not started: returns 1, *first = 0
 * when *code != 0, else -1. */
int bm_mpi_agree(int *code, int *first);

/* Ends every rank of the job with exit code code (MPI_Abort); returns only
 * when not started. */
void bm_mpi_abort(int code);

/* Finalises MPI if bm_mpi_start initialised it. */
void bm_mpi_finish(void);

#ifdef __cplusplus
}
#endif
#endif
