/* mpi.c: every MPI call of bridgemap: joining the job (bridgemap/mpi.h),
 * the exchange of chunk results that bm_run_chunks asks for (parallel.h),
 * and the exit code the ranks agree on.
 *
 * Why it is kept here: a build without MPI (BM_HAVE_MPI undefined) turns this
 * file into no-ops, so parallel.c and the command have no #ifdef; and
 * parallel.c calls MPI only in the parent, after its forked workers are
 * reaped, so a worker never touches MPI.
 *
 * Why the state below: MPI itself is process-wide state. The flags only say
 * whether bm_mpi_start joined the job (an MPI program that did not ask for
 * it analyses on each rank alone) and whether it owns MPI_Init.
 *
 * Waiting: the collectives are non-blocking ones completed by polling with
 * short sleeps, so a rank that waits for its peers leaves the cores to the
 * worker processes of the ranks on the same machine instead of spinning.
 * The exit agreement uses point-to-point messages, which never match a
 * collective (MPI 3.1, section 5.1): a rank that failed alone can ask for
 * the verdict while the others still wait inside a split computation, and
 * give up after a while instead of hanging the job. */
#ifdef BM_HAVE_MPI
#include <mpi.h>
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bridgemap/mpi.h"
#include "parallel.h"
#include "internal.h"

/* How long a failing rank waits for the others' exit codes (bm_mpi_agree). */
#define PATIENCE_SECONDS 10.0

static int bm_mpi_joined; /* bm_mpi_start joined an MPI job */
static int bm_mpi_my_rank, bm_mpi_ranks = 1;

/* The launcher's environment: Open MPI's mpirun sets OMPI_COMM_WORLD_*,
 * PMIx launchers (srun --mpi=pmix, prterun) PMIX_RANK, PMI-1/2 ones PMI_*. */
static int launched(void)
{
    return getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMIX_RANK") || getenv("PMI_RANK");
}

int bm_mpi_rank(void) { return bm_mpi_my_rank; }
int bm_mpi_size(void) { return bm_mpi_ranks; }

int bm_i_mpi_split(int *rank, int *size)
{
    *rank = bm_mpi_my_rank;
    *size = bm_mpi_ranks;
    return bm_mpi_joined && bm_mpi_ranks > 1;
}

#ifndef BM_HAVE_MPI

static int env_number(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? atoi(v) : -1;
}

static int launcher_rank(void)
{
    int r = env_number("OMPI_COMM_WORLD_RANK");
    if (r < 0)
        r = env_number("PMIX_RANK");
    if (r < 0)
        r = env_number("PMI_RANK");
    return r < 0 ? 0 : r;
}

static int launcher_size(void)
{
    int n = env_number("OMPI_COMM_WORLD_SIZE");
    if (n < 0)
        n = env_number("PMI_SIZE");
    return n;
}

bm_status bm_mpi_start(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!launched())
        return BM_OK;
    /* Each process would compute and write everything on its own: refuse,
     * and let only the first one say why. */
    bm_mpi_my_rank = launcher_rank();
    if (launcher_size() > 1 || bm_mpi_my_rank > 0)
        return bm_error_set(BM_EUSAGE, "started by mpirun, but this bridgemap was built without MPI: "
                                       "install libopenmpi-dev and rebuild, or run it without mpirun");
    return BM_OK;
}

int bm_mpi_agree(int *code, int *first)
{
    *first = *code ? bm_mpi_my_rank : -1;
    return 1;
}

void bm_mpi_abort(int code) { (void)code; }
void bm_mpi_finish(void) {}

bm_status bm_i_mpi_agree_status(bm_status st) { return st; }

bm_status bm_i_mpi_share(const bm_chunk_job *job, double *slots)
{
    (void)job;
    (void)slots;
    return BM_OK;
}

#else /* BM_HAVE_MPI */

/* Largest piece of one message: MPI counts are ints. */
#define PIECE_DOUBLES ((size_t)1 << 26) /* 512 MiB */
#define PIECE_BYTES ((size_t)1 << 29)
/* Requests in flight at once while sharing the slots. */
#define BATCH 64
/* Tags of the exit agreement. */
#define TAG_CODE 0x424d
#define TAG_VERDICT 0x424e

static int bm_mpi_owns_init; /* bm_mpi_start called MPI_Init itself */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Completes n requests, polling; 0 when patience (seconds) ran out first. */
static int wait_gently(int n, MPI_Request *req, double patience)
{
    double until = now() + patience;
    long nap = 10 * 1000; /* 10 us, growing to 5 ms */
    for (;;) {
        int done = 0;
        MPI_Testall(n, req, &done, MPI_STATUSES_IGNORE);
        if (done)
            return 1;
        if (now() > until)
            return 0;
        struct timespec ts = {0, nap};
        nanosleep(&ts, NULL);
        if (nap < 5 * 1000 * 1000)
            nap *= 2;
    }
}

bm_status bm_mpi_start(int *argc, char ***argv)
{
    int inited = 0, finalized = 0;
    if (!launched())
        return BM_OK;
    MPI_Initialized(&inited);
    MPI_Finalized(&finalized);
    if (finalized)
        return bm_error_set(BM_EUSAGE, "bm_mpi_start: MPI was already finalised");
    if (!inited) {
        if (MPI_Init(argc, argv) != MPI_SUCCESS)
            return bm_error_set(BM_EINTERNAL, "MPI_Init failed");
        bm_mpi_owns_init = 1;
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &bm_mpi_my_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &bm_mpi_ranks);
    bm_mpi_joined = 1;
    return BM_OK;
}

void bm_mpi_finish(void)
{
    int finalized = 0;
    if (!bm_mpi_joined)
        return; /* a plain run never calls MPI */
    MPI_Finalized(&finalized);
    if (bm_mpi_owns_init && !finalized)
        MPI_Finalize();
    bm_mpi_joined = bm_mpi_owns_init = 0;
    bm_mpi_my_rank = 0;
    bm_mpi_ranks = 1;
}

void bm_mpi_abort(int code)
{
    if (bm_mpi_joined)
        MPI_Abort(MPI_COMM_WORLD, code);
}

/* Rank 0 gathers every code and sends back [code, first] of the lowest
 * failing rank; the others send theirs and wait for that verdict. */
int bm_mpi_agree(int *code, int *first)
{
    int me = bm_mpi_my_rank, n = bm_mpi_ranks;
    double patience = *code ? PATIENCE_SECONDS : INFINITY;
    int verdict[2] = {0, -1};
    if (!bm_mpi_joined || n < 2) {
        *first = *code ? me : -1;
        return 1;
    }
    if (me != 0) {
        MPI_Request req[2];
        MPI_Isend(code, 1, MPI_INT, 0, TAG_CODE, MPI_COMM_WORLD, &req[0]);
        MPI_Irecv(verdict, 2, MPI_INT, 0, TAG_VERDICT, MPI_COMM_WORLD, &req[1]);
        if (!wait_gently(2, req, patience))
            return 0;
    } else {
        int *codes = calloc((size_t)n, sizeof *codes);
        MPI_Request *req = calloc((size_t)n, sizeof *req);
        if (!codes || !req) {
            free(codes);
            free(req);
            return 0; /* the caller aborts the job: nobody waits forever */
        }
        codes[0] = *code;
        for (int r = 1; r < n; r++)
            MPI_Irecv(&codes[r], 1, MPI_INT, r, TAG_CODE, MPI_COMM_WORLD, &req[r - 1]);
        int answered = wait_gently(n - 1, req, patience);
        for (int r = 0; answered && r < n && verdict[1] < 0; r++)
            if (codes[r] != 0) {
                verdict[0] = codes[r];
                verdict[1] = r;
            }
        if (answered) {
            for (int r = 1; r < n; r++)
                MPI_Isend(verdict, 2, MPI_INT, r, TAG_VERDICT, MPI_COMM_WORLD, &req[r - 1]);
            wait_gently(n - 1, req, INFINITY);
        }
        free(codes);
        free(req);
        if (!answered)
            return 0;
    }
    *code = verdict[0];
    *first = verdict[1];
    return 1;
}

bm_status bm_i_mpi_agree_status(bm_status st)
{
    int me = bm_mpi_my_rank, n = bm_mpi_ranks;
    int mine = st != BM_OK ? me : n, first = n;
    MPI_Request req;
    struct {
        int status;
        char message[1024];
    } m;
    MPI_Iallreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD, &req);
    wait_gently(1, &req, INFINITY);
    if (first == n)
        return BM_OK;
    memset(&m, 0, sizeof m);
    if (me == first) {
        m.status = (int)st;
        snprintf(m.message, sizeof m.message, "%s", bm_error_last());
    }
    MPI_Ibcast(&m, (int)sizeof m, MPI_BYTE, first, MPI_COMM_WORLD, &req);
    wait_gently(1, &req, INFINITY);
    return bm_error_set(m.status > 0 ? (bm_status)m.status : BM_EINTERNAL, "%s (MPI rank %d)",
                        m.message, first);
}

bm_status bm_i_mpi_share(const bm_chunk_job *job, double *slots)
{
    int n = bm_mpi_ranks;
    MPI_Request req[BATCH];
    int pending = 0;
    /* Every rank posts the same broadcasts in the same order (chunk, then
     * piece), in batches of BATCH, so they match whatever the ranks' speed. */
    for (size_t c = 0; c < job->chunks; c++) {
        int owner = (int)(c % (size_t)n);
        double *slot = slots + c * job->slot_len;
        for (size_t at = 0; at < job->slot_len; at += PIECE_DOUBLES) {
            size_t len = job->slot_len - at < PIECE_DOUBLES ? job->slot_len - at : PIECE_DOUBLES;
            MPI_Ibcast(slot + at, (int)len, MPI_DOUBLE, owner, MPI_COMM_WORLD, &req[pending++]);
            if (pending == BATCH) {
                wait_gently(pending, req, INFINITY);
                pending = 0;
            }
        }
    }
    wait_gently(pending, req, INFINITY);
    for (size_t i = 0; i < 2; i++) {
        unsigned char *bytes = (unsigned char *)job->disjoint[i];
        size_t total = job->disjoint[i] ? job->disjoint_len[i] * sizeof(double) : 0;
        for (size_t at = 0; at < total; at += PIECE_BYTES) {
            size_t len = total - at < PIECE_BYTES ? total - at : PIECE_BYTES;
            MPI_Iallreduce(MPI_IN_PLACE, bytes + at, (int)len, MPI_BYTE, MPI_BOR, MPI_COMM_WORLD,
                           &req[0]);
            wait_gently(1, req, INFINITY);
        }
    }
    return BM_OK;
}

#endif /* BM_HAVE_MPI */
