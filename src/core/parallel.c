/* parallel.c: chunks of work in forked worker processes (see parallel.h),
 * and the seeded random generator every parallel step draws from.
 *
 * Why processes: igraph 0.10 as Debian builds it keeps a global error
 * handler and RNG without thread-local storage, so threads calling it would
 * race. fork() gives each worker a copy-on-write image of the network and
 * the intermediates built before the run; only the chunk slots and the
 * chunk counter are shared. Workers leave with _exit so that no stdio
 * buffer or atexit handler of the parent runs twice.
 *
 * Under MPI (mpi.c) each rank runs its part of the chunks this way, then
 * the ranks exchange statuses and slots; only the parent process, after
 * its workers are reaped, takes part in that. */
/* MAP_ANONYMOUS is not POSIX 2008, nor sched_getaffinity: glibc shows
 * them with _GNU_SOURCE */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "parallel.h"
#include "internal.h"

void *bm_shared_alloc(size_t bytes)
{
    if (bytes == 0)
        bytes = 1;
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p; /* anonymous maps are zero-filled */
}

void bm_shared_free(void *p, size_t bytes)
{
    if (p)
        munmap(p, bytes ? bytes : 1);
}

unsigned bm_default_jobs(void)
{
    /* the processors this process may run on: under mpirun each rank is
     * bound to its share of the cores (and taskset, cgroups likewise), and
     * the workers inherit that binding */
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

size_t bm_chunk_slots_bytes(const bm_chunk_job *job)
{
    return job->chunks * job->slot_len * sizeof(double);
}

/* The chunks this process runs: first, first + stride, ... below
 * job->chunks (all of them, 0, 1, ..., without MPI), count of them. */
typedef struct part {
    size_t first, stride, count;
} part;

static part part_of(const bm_chunk_job *job, size_t first, size_t stride)
{
    part p = {first, stride, 0};
    if (first < job->chunks)
        p.count = (job->chunks - first + stride - 1) / stride;
    return p;
}

/* What the workers share besides the slots: the next chunk to claim (an
 * index into the part), how many are finished, and the first failure. */
typedef struct shared_state {
    size_t next, finished;
    int failed;
    bm_status status;
    char message[512];
} shared_state;

/* Claims and runs chunks of the part until none is left; returns the first
 * failure. */
static bm_status work(const bm_chunk_job *job, part p, shared_state *sh, double *slots)
{
    void *scratch = NULL;
    bm_status st = BM_OK;
    if (job->worker_new && !(scratch = job->worker_new(job->ctx)))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (;;) {
        if (__atomic_load_n(&sh->failed, __ATOMIC_ACQUIRE))
            break;
        size_t k = __atomic_fetch_add(&sh->next, 1, __ATOMIC_ACQ_REL);
        if (k >= p.count)
            break;
        size_t c = p.first + k * p.stride;
        if ((st = job->run(job->ctx, scratch, c, slots + c * job->slot_len)) != BM_OK)
            break;
        __atomic_fetch_add(&sh->finished, 1, __ATOMIC_ACQ_REL);
    }
    if (job->worker_free)
        job->worker_free(scratch);
    return st;
}

static void record_failure(shared_state *sh, bm_status st)
{
    int expected = 0;
    if (__atomic_compare_exchange_n(&sh->failed, &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        sh->status = st;
        snprintf(sh->message, sizeof sh->message, "%s", bm_error_last());
    }
}

static void report(const bm_chunk_job *job, part p, size_t done)
{
    if (job->step && p.count > 0)
        bm_i_progress(job->step, 100.0 * (double)done / (double)p.count);
}

/* The part in this process: what the workers would compute. */
static bm_status run_here(const bm_chunk_job *job, part p, double *slots)
{
    bm_status st = BM_OK;
    void *scratch = NULL;
    if (p.count == 0)
        return BM_OK;
    if (job->worker_new && !(scratch = job->worker_new(job->ctx)))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (size_t k = 0; k < p.count && st == BM_OK; k++) {
        size_t c = p.first + k * p.stride;
        st = job->run(job->ctx, scratch, c, slots + c * job->slot_len);
        report(job, p, k + 1);
    }
    if (job->worker_free)
        job->worker_free(scratch);
    return st;
}

/* The part on `jobs` (> 1) forked workers; returns when all are reaped. */
static bm_status run_forked(const bm_chunk_job *job, part p, unsigned jobs, double *slots)
{
    bm_status st = BM_OK;
    shared_state *sh = bm_shared_alloc(sizeof *sh);
    pid_t *pids = calloc(jobs, sizeof *pids);
    unsigned started = 0;
    if (!sh || !pids) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    fflush(NULL); /* nothing buffered is written twice by a worker */
    for (; started < jobs; started++) {
        pid_t pid = fork();
        if (pid < 0) {
            if (started == 0) {
                st = bm_error_set(BM_EINTERNAL, "cannot start a worker process: %s", strerror(errno));
                goto done;
            }
            break; /* fewer workers than asked: the others take more chunks */
        }
        if (pid == 0) {
            /* A worker only computes and leaves: no MPI call, no stdio,
             * no atexit handler of the parent (MPI's included), and no
             * progress, which the parent reports: the reporter may be a
             * binding's callback that cannot run in a forked child (Python's
             * lock may belong to a thread the fork did not copy). */
            bm_set_progress(NULL, NULL);
            bm_status wst = work(job, p, sh, slots);
            if (wst != BM_OK)
                record_failure(sh, wst);
            _exit(wst == BM_OK ? 0 : 1);
        }
        pids[started] = pid;
    }
    /* Wait for every worker, reporting progress as chunks finish. */
    {
        unsigned alive = started;
        size_t shown = (size_t)-1;
        while (alive > 0) {
            for (unsigned w = 0; w < started; w++) {
                int status;
                if (pids[w] <= 0)
                    continue;
                pid_t r = waitpid(pids[w], &status, WNOHANG);
                if (r == 0)
                    continue;
                if (r < 0 && errno == EINTR)
                    continue;
                pids[w] = 0;
                alive--;
                if (r > 0 && WIFSIGNALED(status)) {
                    int expected = 0;
                    if (__atomic_compare_exchange_n(&sh->failed, &expected, 1, 0, __ATOMIC_ACQ_REL,
                                                    __ATOMIC_ACQUIRE)) {
                        sh->status = BM_EINTERNAL;
                        snprintf(sh->message, sizeof sh->message,
                                 "a worker process died (signal %d%s)", WTERMSIG(status),
                                 WTERMSIG(status) == SIGKILL ? ", perhaps out of memory" : "");
                    }
                }
            }
            size_t done_now = __atomic_load_n(&sh->finished, __ATOMIC_ACQUIRE);
            if (done_now != shown) {
                report(job, p, done_now);
                shown = done_now;
            }
            if (alive > 0) {
                struct timespec ts = {0, 20 * 1000 * 1000};
                nanosleep(&ts, NULL);
            }
        }
    }
    if (sh->failed) {
        st = bm_error_set(sh->status ? sh->status : BM_EINTERNAL, "%s", sh->message);
    } else if (__atomic_load_n(&sh->finished, __ATOMIC_ACQUIRE) != p.count) {
        st = bm_error_set(BM_EINTERNAL, "worker processes finished %zu of %zu chunks",
                          sh->finished, p.count);
    }
done:
    free(pids);
    bm_shared_free(sh, sizeof *sh);
    return st;
}

bm_status bm_run_chunks(const bm_chunk_job *job, unsigned jobs, double **slots_out)
{
    bm_status st;
    double *slots = NULL;
    size_t bytes = 0;
    int rank = 0, size = 1;
    int split = bm_i_mpi_split(&rank, &size);
    part p = part_of(job, (size_t)rank, (size_t)size);
    *slots_out = NULL;
    if (jobs == 0)
        jobs = bm_default_jobs();
    if (jobs > p.count)
        jobs = p.count ? (unsigned)p.count : 1;
    /* Under MPI every rank reaches the exchange of statuses whatever
     * happened here, so that a failure on one rank cannot leave the others
     * waiting for its slots. */
    if (job->slot_len && job->chunks > SIZE_MAX / sizeof(double) / job->slot_len) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
    } else if (!(slots = bm_shared_alloc(bytes = bm_chunk_slots_bytes(job)))) {
        st = bm_error_set(BM_EINTERNAL, "out of memory (shared memory of %zu bytes)", bytes);
    } else {
        st = jobs <= 1 ? run_here(job, p, slots) : run_forked(job, p, jobs, slots);
    }
    if (split) {
        /* the workers are reaped: MPI is only ever called from here */
        st = bm_i_mpi_agree_status(st);
        if (st == BM_OK)
            st = bm_i_mpi_share(job, slots);
    }
    if (st != BM_OK) {
        bm_shared_free(slots, bytes);
        return st;
    }
    *slots_out = slots;
    return BM_OK;
}

/* ---- random numbers ------------------------------------------------------ */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void bm_rng_seed(bm_rng *r, uint64_t seed, uint64_t stream)
{
    /* mix the stream in first so that (seed, stream) pairs give unrelated
     * states, then fill the state from splitmix64 */
    uint64_t x = seed;
    uint64_t y = splitmix64(&x) ^ (stream * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&y);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t bm_rng_next(bm_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

__extension__ typedef unsigned __int128 bm_u128;

uint64_t bm_rng_below(bm_rng *r, uint64_t bound)
{
    bm_u128 m = (bm_u128)bm_rng_next(r) * bound;
    uint64_t low = (uint64_t)m;
    if (low < bound) {
        uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            m = (bm_u128)bm_rng_next(r) * bound;
            low = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

double bm_rng_unit(bm_rng *r) { return (double)(bm_rng_next(r) >> 11) * 0x1.0p-53; }
