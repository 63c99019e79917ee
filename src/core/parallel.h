/* parallel.h: work split into chunks and run in forked worker processes.
 *
 * Debian's igraph is built without thread-safety (its error handler and RNG
 * are global), so bridgemap parallelises with processes: the parent forks
 * `jobs` workers that share an anonymous memory map, each takes the next
 * unclaimed chunk, and writes the chunk's partial result into the chunk's own
 * slot of the map. The parent combines the slots in chunk order. Because the
 * chunking depends only on the problem (never on the number of workers) and
 * the slots are combined in a fixed order, every `jobs` gives bit-identical
 * results, and jobs = 1 runs the same chunks in the calling process.
 *
 * Randomness inside a chunk must come from bm_rng seeded from the chunk (or
 * item) index, never from igraph's global RNG, for the same reason.
 *
 * Across machines (bridgemap/mpi.h): after bm_mpi_start joined an MPI job
 * of P > 1 ranks, rank r runs only chunks r, r + P, ... (on its own `jobs`
 * workers), and then every rank receives every chunk's slot from the rank
 * that computed it, so each ends with the same slots as one process would.
 * bm_run_chunks is then collective: every rank must make the same calls in
 * the same order, which holds because everything around it is deterministic.
 *
 * Library-internal (src/ only). */
#ifndef BRIDGEMAP_PARALLEL_H
#define BRIDGEMAP_PARALLEL_H

#include <stddef.h>
#include <stdint.h>
#include "bridgemap/common.h"

/* Memory shared with forked workers (MAP_SHARED | MAP_ANONYMOUS), zeroed.
 * NULL when out of memory; free with bm_shared_free and the same size. */
void *bm_shared_alloc(size_t bytes);
void bm_shared_free(void *p, size_t bytes);

typedef struct bm_chunk_job {
    size_t chunks;    /* number of chunks */
    size_t slot_len;  /* doubles of each chunk's slot (zeroed before the run) */
    /* Per-process scratch (search arrays, ...), made once in each worker.
     * NULL worker_new: none. A NULL return is out of memory. */
    void *(*worker_new)(void *ctx);
    void (*worker_free)(void *scratch);
    /* Computes chunk c into slot (slot_len doubles). Shared results that
     * need no combining (one value per source, say) may also be written
     * into memory from bm_shared_alloc that ctx points to; such memory must
     * be named in disjoint below, or MPI ranks would miss other ranks' parts. */
    bm_status (*run)(void *ctx, void *scratch, size_t chunk, double *slot);
    void *ctx;
    const char *step; /* progress name, or NULL */
    /* Zero-initialised shared arrays (bm_shared_alloc) in which each entry
     * is written by at most one chunk, disjoint_len[i] doubles each (NULL:
     * none). Under MPI they are combined across ranks entry by entry, exact
     * because every rank but the writer still holds the zero bits: by a
     * bitwise OR of the bytes rather than a sum, which would be exact too
     * but would turn a written -0.0 into +0.0 (NaN survives either way). */
    double *disjoint[2];
    size_t disjoint_len[2];
} bm_chunk_job;

/* Runs every chunk of job on up to `jobs` processes (0: bm_default_jobs()).
 * On BM_OK *slots holds chunks x slot_len doubles (chunk c at c * slot_len),
 * to be freed with bm_shared_free(*slots, bm_chunk_slots_bytes(job)). A
 * failing chunk's status and message are returned; a worker that dies
 * (signal, out of memory) is BM_EINTERNAL. */
bm_status bm_run_chunks(const bm_chunk_job *job, unsigned jobs, double **slots);
size_t bm_chunk_slots_bytes(const bm_chunk_job *job);

/* ---- chunks across MPI ranks (mpi.c; no-ops in a build without MPI) ---- */

/* 1 when chunked work is split over MPI ranks (bm_mpi_start joined a job of
 * more than one rank), with this process's *rank of *size; else 0. */
int bm_i_mpi_split(int *rank, int *size);
/* Collective. The status and message of the lowest-numbered rank whose st
 * is not BM_OK become every rank's (the message names that rank); BM_OK when
 * every rank's st is. */
bm_status bm_i_mpi_agree_status(bm_status st);
/* Collective, after every rank computed its chunks into slots: each chunk's
 * slot from its rank (chunk % size) to all, then job's disjoint arrays
 * combined. Every rank then holds the same bits. */
bm_status bm_i_mpi_share(const bm_chunk_job *job, double *slots);

/* The number of processors this process may run on (its CPU affinity,
 * which mpirun, taskset and cgroups narrow), at least 1. */
unsigned bm_default_jobs(void);

/* xoshiro256** (Blackman & Vigna 2021, ACM TOMS 47(4):36), seeded through
 * splitmix64 as its authors recommend: small, fast, and reproducible from a
 * (seed, stream) pair, so that item i of a sampled computation draws the same
 * numbers whichever process runs it. */
typedef struct bm_rng {
    uint64_t s[4];
} bm_rng;
void bm_rng_seed(bm_rng *r, uint64_t seed, uint64_t stream);
uint64_t bm_rng_next(bm_rng *r);
/* Uniform in [0, bound) without modulo bias (Lemire 2019, ACM TOMACS 29:3); bound > 0. */
uint64_t bm_rng_below(bm_rng *r, uint64_t bound);
/* Uniform double in [0, 1), 53 random bits. */
double bm_rng_unit(bm_rng *r);

#endif
