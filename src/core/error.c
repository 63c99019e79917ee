/* error.c: the last error message, and the library's version.
 *
 * libbridgemap reports failures as a bm_status plus a message kept here. The
 * message buffer is thread-local so that the API stays usable from several
 * threads that do not share networks (igraph itself is not thread-safe,
 * see common.h). */
#include <stdarg.h>
#include <stdio.h>
#include "internal.h"

static _Thread_local char bm_last_error[1024];

const char *bm_error_last(void) { return bm_last_error; }

void bm_error_clear(void) { bm_last_error[0] = '\0'; }

bm_status bm_error_set(bm_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(bm_last_error, sizeof bm_last_error, fmt, ap);
    va_end(ap);
    return status;
}

const char *bm_version(void) { return BM_VERSION; }
