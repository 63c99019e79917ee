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
     * into memory from bm_shared_alloc that ctx points to. */
    bm_status (*run)(void *ctx, void *scratch, size_t chunk, double *slot);
    void *ctx;
    const char *step; /* progress name, or NULL */
} bm_chunk_job;

/* Runs every chunk of job on up to `jobs` processes (0: bm_default_jobs()).
 * On BM_OK *slots holds chunks x slot_len doubles (chunk c at c * slot_len),
 * to be freed with bm_shared_free(*slots, bm_chunk_slots_bytes(job)). A
 * failing chunk's status and message are returned; a worker that dies
 * (signal, out of memory) is BM_EINTERNAL. */
bm_status bm_run_chunks(const bm_chunk_job *job, unsigned jobs, double **slots);
size_t bm_chunk_slots_bytes(const bm_chunk_job *job);

/* The number of online processors (at least 1). */
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
