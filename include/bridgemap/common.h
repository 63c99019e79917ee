/* bridgemap/common.h: status codes, error messages and library set-up.
 *
 * Every fallible function of libbridgemap returns a bm_status. On failure a
 * human-readable message (without the "bridgemap: " prefix) can be fetched with
 * bm_error_last(). The message of bad input names FILE:LINE:COLUMN.
 *
 * libbridgemap is not thread-safe: igraph keeps a global error handler and
 * random number generator, and Debian builds it without thread-local storage.
 * Run parallel work in separate processes. */
#ifndef BRIDGEMAP_COMMON_H
#define BRIDGEMAP_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Values double as the command-line exit codes (see README, "Exit codes"). */
typedef enum bm_status {
    BM_OK = 0,
    BM_EINPUT = 1,    /* bad or unreadable input */
    BM_EUSAGE = 2,    /* bad use of the API or the command line */
    BM_EINTERNAL = 3  /* internal, resource or output error */
} bm_status;

/* The message of the last failure in this thread; "" when none. Never NULL. */
const char *bm_error_last(void);

/* Sets the message of the last failure (printf-style) and returns status. */
bm_status bm_error_set(bm_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Clears the last error message. */
void bm_error_clear(void);

/* Version string, e.g. "0.1.0". */
const char *bm_version(void);

/* Installs bridgemap's igraph error and warning handlers (igraph's default
 * handler aborts the process) and seeds igraph's default RNG with seed.
 * Call once before any other function; calling it again re-seeds. */
void bm_init(unsigned long seed);

/* Number of igraph warnings seen since bm_init (they are not printed). */
size_t bm_warning_count(void);

/* Progress of long computations (betweenness, closeness, ... on large
 * networks): fn is called with the step's name and the percentage done.
 * NULL, the default, reports nothing. */
typedef void (*bm_progress_fn)(const char *step, double percent, void *data);
void bm_set_progress(bm_progress_fn fn, void *data);
/* The reporter bm_set_progress installed (NULL when none). */
void bm_get_progress(bm_progress_fn *fn, void **data);

#ifdef __cplusplus
}
#endif
#endif
