/* check.h: the few assertions our C unit tests need. Each failed check
 * prints where and what, and the test's exit code is the number of failures
 * (capped), so ctest reports it. Floats compare with a relative tolerance and
 * NaN equals NaN ("undefined" is a legitimate expected value). */
#ifndef BM_TEST_CHECK_H
#define BM_TEST_CHECK_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                \
    do {                                                                           \
        check_count++;                                                             \
        if (!(cond)) {                                                             \
            check_failures++;                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                          \
    } while (0)

static int check_close(double got, double want, double rel)
{
    if (isnan(want))
        return isnan(got);
    if (isnan(got))
        return 0;
    double scale = fabs(want) > 1 ? fabs(want) : 1;
    return fabs(got - want) <= rel * scale;
}

#define CHECK_NUM(got, want)                                                             \
    do {                                                                                 \
        double g_ = (got), w_ = (want);                                                  \
        check_count++;                                                                   \
        if (!check_close(g_, w_, 1e-9)) {                                                \
            check_failures++;                                                            \
            fprintf(stderr, "%s:%d: %s = %.17g, expected %.17g\n", __FILE__, __LINE__, #got, \
                    g_, w_);                                                             \
        }                                                                                \
    } while (0)

#define CHECK_STR(got, want)                                                                \
    do {                                                                                    \
        const char *g_ = (got), *w_ = (want);                                               \
        check_count++;                                                                      \
        if (!g_ || strcmp(g_, w_) != 0) {                                                   \
            check_failures++;                                                               \
            fprintf(stderr, "%s:%d: %s = \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #got, \
                    g_ ? g_ : "(null)", w_);                                                \
        }                                                                                   \
    } while (0)

static int check_done(void)
{
    printf("%d checks, %d failed\n", check_count, check_failures);
    return check_failures > 100 ? 100 : check_failures;
}

/* Writes text to a new temporary file and returns its malloc'd path. */
static char *write_temp(const char *text)
{
    char *path = strdup("/tmp/bm_unit_XXXXXX.csv");
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        perror("mkstemps");
        exit(99);
    }
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}
#endif
