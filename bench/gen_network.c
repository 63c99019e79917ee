/* gen_network: synthetic cross-sector collaboration networks for benchmarks.
 *
 * Usage: gen_network --ties M [--actors N] [--seed S] [--dup-rate R] OUTDIR
 *
 * Writes OUTDIR/records.csv (source,target,weight) and OUTDIR/actors.csv
 * (id,sector,organisation,unit,level). The network has planted structure:
 *
 *   sectors        public, private, voluntary, research, civil, of unequal size;
 *   organisations  inside sectors, of skewed size, each at one level
 *                  (local, regional, national);
 *   units          inside organisations (3..40 actors).
 *
 * Actors are numbered so that every sector, organisation and unit is a
 * contiguous index range. Each actor gets a Pareto "activity" (alpha 2.2);
 * both ends of a new tie are drawn in proportion to activity, which gives a
 * skewed degree distribution. The target lies in the source's unit (about 62%
 * of new ties), elsewhere in its organisation (20%), elsewhere in its sector
 * (12%) or in another sector (6%). About 5% of the records (--dup-rate) repeat
 * a pair already written, possibly in the other direction; the rest are
 * distinct pairs. No record is a self-loop. Weights are integers 1..5 or
 * halves (1.5 .. 4.5).
 *
 * The output depends only on the arguments (own xoshiro256** generator seeded
 * through splitmix64), not on the platform's rand(). M and N accept the
 * suffixes k and M (10k, 2M). Default N = M / 5 (at least 10). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ---------------------------------------------------------------- PRNG */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r)
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

static void rng_seed(rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
}

/* Uniform in [0, 1). */
static double rng_unif(rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

/* Uniform in [0, n), 0 < n < 2^32 (multiply-shift; bias below 2^-32 * n). */
static uint64_t rng_below(rng *r, uint64_t n)
{
    return ((rng_next(r) >> 32) * n) >> 32;
}

/* ------------------------------------------------------------ helpers */

static void die(const char *msg)
{
    fprintf(stderr, "gen_network: %s\n", msg);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory");
    return p;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) die("out of memory");
    return p;
}

/* Parses a positive count with an optional k/K (x1000) or m/M (x1000000) suffix. */
static int parse_count(const char *s, uint64_t *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s) return -1;
    if (*end == 'k' || *end == 'K') {
        v *= 1e3;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        v *= 1e6;
        end++;
    }
    if (*end != '\0' || !(v >= 1.0) || v > 4.0e9) return -1;
    *out = (uint64_t)llround(v);
    return 0;
}

/* ------------------------------------------------------------ structure */

enum { NSECTORS = 5 };
static const char *const SECTOR_NAME[NSECTORS] = {"public", "private", "voluntary", "research",
                                                  "civil"};
static const char *const SECTOR_ORG[NSECTORS] = {"Public Body", "Firm", "Charity", "Institute",
                                                 "Citizens Group"};
static const double SECTOR_SHARE[NSECTORS] = {0.34, 0.26, 0.18, 0.13, 0.09};
/* Mean organisation size per sector (public bodies and firms are larger). */
static const double SECTOR_ORG_MEAN[NSECTORS] = {160.0, 120.0, 45.0, 90.0, 25.0};
static const char *const LEVEL_NAME[3] = {"local", "regional", "national"};

typedef struct range {
    uint32_t lo, hi; /* [lo, hi) actor indices */
} range;

typedef struct org {
    range r;
    uint32_t sector;
    uint32_t number; /* within the sector, 1-based */
    uint32_t level;
} org;

typedef struct unit {
    range r;
    uint32_t org;
    uint32_t number; /* within the organisation, 1-based */
} unit;

typedef struct world {
    uint32_t n;
    range sector[NSECTORS];
    org *orgs;
    uint32_t norgs, orgcap;
    unit *units;
    uint32_t nunits, unitcap;
    uint32_t *unit_of; /* actor -> unit */
    double *cum;       /* cum[i] = activity of actors 0..i-1 (n + 1 entries) */
} world;

/* Draws a skewed positive size with the given mean (Pareto, alpha 1.8, min
 * chosen for the mean), at least lo. */
static uint32_t skewed_size(rng *r, double mean, uint32_t lo)
{
    const double alpha = 1.8;
    double xm = mean * (alpha - 1.0) / alpha;
    double u = rng_unif(r);
    double x = xm * pow(1.0 - u, -1.0 / alpha);
    if (x > mean * 25.0) x = mean * 25.0;
    uint32_t s = (uint32_t)x;
    return s < lo ? lo : s;
}

static void add_org(world *w, range rg, uint32_t sector, uint32_t number, uint32_t level)
{
    if (w->norgs == w->orgcap) {
        w->orgcap = w->orgcap ? 2 * w->orgcap : 64;
        w->orgs = realloc(w->orgs, (size_t)w->orgcap * sizeof *w->orgs);
        if (!w->orgs) die("out of memory");
    }
    w->orgs[w->norgs++] = (org){rg, sector, number, level};
}

static void add_unit(world *w, range rg, uint32_t orgi, uint32_t number)
{
    if (w->nunits == w->unitcap) {
        w->unitcap = w->unitcap ? 2 * w->unitcap : 256;
        w->units = realloc(w->units, (size_t)w->unitcap * sizeof *w->units);
        if (!w->units) die("out of memory");
    }
    w->units[w->nunits++] = (unit){rg, orgi, number};
}

static void build_world(world *w, uint32_t n, rng *r)
{
    memset(w, 0, sizeof *w);
    w->n = n;

    /* Sector ranges by share; every sector gets at least 2 actors. */
    uint32_t at = 0;
    for (uint32_t s = 0; s < NSECTORS; s++) {
        uint32_t size;
        if (s == NSECTORS - 1) {
            size = n - at;
        } else {
            size = (uint32_t)((double)n * SECTOR_SHARE[s]);
            if (size < 2) size = 2;
            if (n - at - size < 2 * (NSECTORS - 1 - s)) size = n - at - 2 * (NSECTORS - 1 - s);
        }
        w->sector[s] = (range){at, at + size};
        at += size;
    }

    /* Organisations inside sectors, units inside organisations. */
    for (uint32_t s = 0; s < NSECTORS; s++) {
        uint32_t lo = w->sector[s].lo, hi = w->sector[s].hi, number = 0;
        while (lo < hi) {
            uint32_t size = skewed_size(r, SECTOR_ORG_MEAN[s], 3);
            if (size > hi - lo || hi - lo - size < 3) size = hi - lo;
            double u = rng_unif(r);
            uint32_t level = u < 0.55 ? 0u : (u < 0.85 ? 1u : 2u);
            uint32_t orgi = w->norgs;
            add_org(w, (range){lo, lo + size}, s, ++number, level);

            uint32_t ulo = lo, uhi = lo + size, unumber = 0;
            while (ulo < uhi) {
                uint32_t us = 3 + (uint32_t)rng_below(r, 38); /* 3..40, mean 21.5 */
                if (us > uhi - ulo || uhi - ulo - us < 3) us = uhi - ulo;
                add_unit(w, (range){ulo, ulo + us}, orgi, ++unumber);
                ulo += us;
            }
            lo += size;
        }
    }

    w->unit_of = xmalloc((size_t)n * sizeof *w->unit_of);
    for (uint32_t u = 0; u < w->nunits; u++)
        for (uint32_t i = w->units[u].r.lo; i < w->units[u].r.hi; i++) w->unit_of[i] = u;

    /* Activities: Pareto(alpha 2.2, xm 1), capped; prefix sums. */
    w->cum = xmalloc(((size_t)n + 1) * sizeof *w->cum);
    w->cum[0] = 0.0;
    for (uint32_t i = 0; i < n; i++) {
        double a = pow(1.0 - rng_unif(r), -1.0 / 2.2);
        if (a > 200.0) a = 200.0;
        w->cum[i + 1] = w->cum[i] + a;
    }
}

/* An actor of [rg.lo, rg.hi) drawn in proportion to activity. */
static uint32_t pick_in(const world *w, range rg, rng *r)
{
    double a = w->cum[rg.lo], b = w->cum[rg.hi];
    double x = a + (b - a) * rng_unif(r);
    uint32_t lo = rg.lo, hi = rg.hi; /* find largest i in [lo, hi) with cum[i] <= x */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (w->cum[mid] <= x) lo = mid;
        else hi = mid;
    }
    return lo;
}

/* ------------------------------------------------------------ pair set */

typedef struct pairset {
    uint64_t *slot; /* 0 = empty; key + 1 otherwise */
    uint64_t mask;
} pairset;

static uint64_t pair_key(uint32_t a, uint32_t b)
{
    return a < b ? ((uint64_t)a << 32 | b) : ((uint64_t)b << 32 | a);
}

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 33)) * 0xff51afd7ed558ccdULL;
    z = (z ^ (z >> 33)) * 0xc4ceb9fe1a85ec53ULL;
    return z ^ (z >> 33);
}

/* Inserts key; returns 1 when it was new, 0 when already present. */
static int pairset_add(pairset *ps, uint64_t key)
{
    uint64_t k = key + 1, i = mix64(key) & ps->mask;
    while (ps->slot[i]) {
        if (ps->slot[i] == k) return 0;
        i = (i + 1) & ps->mask;
    }
    ps->slot[i] = k;
    return 1;
}

/* ------------------------------------------------------------ output */

/* Actor ids: "a" + a zero-padded number that is an affine bijection of the
 * index modulo 10^width, so ids look scattered but are unique. */
typedef struct idmap {
    uint64_t mod, mul, add;
    int width;
} idmap;

static void idmap_init(idmap *m, uint32_t n, rng *r)
{
    m->width = 6;
    m->mod = 1000000;
    while (m->mod < (uint64_t)n * 2) {
        m->mod *= 10;
        m->width++;
    }
    /* mul coprime with 10^k: odd and not divisible by 5. */
    do {
        m->mul = rng_below(r, m->mod);
    } while (m->mul % 2 == 0 || m->mul % 5 == 0 || m->mul < m->mod / 10);
    m->add = rng_below(r, m->mod);
}

/* Writes the id of actor i into buf (NUL-terminated); returns its length. */
static size_t format_id(char *buf, const idmap *m, uint32_t i)
{
    uint64_t v = (m->mul * (uint64_t)i + m->add) % m->mod;
    buf[0] = 'a';
    for (int k = m->width; k >= 1; k--) {
        buf[k] = (char)('0' + (char)(v % 10));
        v /= 10;
    }
    buf[m->width + 1] = '\0';
    return (size_t)m->width + 1;
}

static FILE *open_out(const char *dir, const char *name, char **buf)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = xmalloc(len);
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "gen_network: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    free(path);
    *buf = xmalloc(1 << 20);
    setvbuf(f, *buf, _IOFBF, 1 << 20);
    return f;
}

static void close_out(FILE *f, const char *name, char *buf)
{
    int bad = ferror(f);
    if (fclose(f) != 0) bad = 1;
    free(buf);
    if (bad) {
        fprintf(stderr, "gen_network: error writing %s\n", name);
        exit(1);
    }
}

/* Weight as text: 85% integers 1..5 skewed to low values, 15% halves 1.5..4.5. */
static const char *draw_weight(rng *r)
{
    static const char *const INTS[5] = {"1", "2", "3", "4", "5"};
    static const char *const HALVES[4] = {"1.5", "2.5", "3.5", "4.5"};
    double u = rng_unif(r);
    if (u < 0.15) return HALVES[rng_below(r, 4)];
    u = rng_unif(r);
    if (u < 0.36) return INTS[0];
    if (u < 0.62) return INTS[1];
    if (u < 0.82) return INTS[2];
    if (u < 0.93) return INTS[3];
    return INTS[4];
}

/* ------------------------------------------------------------ main */

static void usage(void)
{
    fputs("usage: gen_network --ties M [--actors N] [--seed S] [--dup-rate R] OUTDIR\n"
          "  M, N accept the suffixes k and M (10k, 2M); default N = M/5; seed 1;\n"
          "  dup-rate (share of records repeating an earlier pair) 0.05.\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    uint64_t ties = 0, actors = 0, seed = 1;
    double dup_rate = 0.05;
    const char *outdir = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) usage();
        if ((strcmp(a, "--ties") == 0 || strcmp(a, "--actors") == 0 || strcmp(a, "--seed") == 0 ||
             strcmp(a, "--dup-rate") == 0)) {
            if (i + 1 >= argc) usage();
            const char *v = argv[++i];
            if (strcmp(a, "--ties") == 0) {
                if (parse_count(v, &ties)) die("--ties: expected a positive count");
            } else if (strcmp(a, "--actors") == 0) {
                if (parse_count(v, &actors)) die("--actors: expected a positive count");
            } else if (strcmp(a, "--seed") == 0) {
                char *end = NULL;
                errno = 0;
                unsigned long long s = strtoull(v, &end, 10);
                if (errno || end == v || *end) die("--seed: expected a non-negative integer");
                seed = (uint64_t)s;
            } else {
                char *end = NULL;
                dup_rate = strtod(v, &end);
                if (end == v || *end || !(dup_rate >= 0.0 && dup_rate < 1.0))
                    die("--dup-rate: expected a number in [0, 1)");
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "gen_network: unknown option %s\n", a);
            usage();
        } else if (!outdir) {
            outdir = a;
        } else {
            usage();
        }
    }
    if (!outdir || ties == 0) usage();
    if (actors == 0) actors = ties / 5;
    if (actors < 10) actors = 10;
    if (actors > 100000000ULL) die("--actors: at most 100M");
    if (ties > 0xffffffffULL) die("--ties: too many");
    uint32_t n = (uint32_t)actors;
    uint32_t m = (uint32_t)ties;

    /* Distinct pairs needed must stay well below the possible pairs. */
    double possible = (double)n * (double)(n - 1) / 2.0;
    if ((double)m * (1.0 - dup_rate) > 0.25 * possible)
        die("too many ties for so few actors (distinct pairs would exceed 25% density)");

    if (mkdir(outdir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen_network: cannot create %s: %s\n", outdir, strerror(errno));
        return 1;
    }

    rng r;
    rng_seed(&r, seed);
    world w;
    build_world(&w, n, &r);
    idmap ids;
    idmap_init(&ids, n, &r);

    /* actors.csv */
    {
        char *buf;
        FILE *f = open_out(outdir, "actors.csv", &buf);
        fputs("id,sector,organisation,unit,level\n", f);
        char id[24];
        for (uint32_t i = 0; i < n; i++) {
            const unit *u = &w.units[w.unit_of[i]];
            const org *o = &w.orgs[u->org];
            format_id(id, &ids, i);
            fprintf(f, "%s,%s,%s %u,%s %u/U%u,%s\n", id, SECTOR_NAME[o->sector],
                    SECTOR_ORG[o->sector], o->number, SECTOR_ORG[o->sector], o->number, u->number,
                    LEVEL_NAME[o->level]);
        }
        close_out(f, "actors.csv", buf);
    }

    /* Ties. */
    uint32_t *src = xmalloc((size_t)m * sizeof *src);
    uint32_t *dst = xmalloc((size_t)m * sizeof *dst);
    pairset ps;
    {
        uint64_t cap = 1024;
        while (cap < (uint64_t)m * 2) cap <<= 1;
        ps.slot = xcalloc((size_t)cap, sizeof *ps.slot);
        ps.mask = cap - 1;
    }
    range all = {0, n};
    uint64_t repeats = 0, scope_count[4] = {0, 0, 0, 0};
    for (uint32_t e = 0; e < m; e++) {
        if (e > 0 && rng_unif(&r) < dup_rate) {
            uint32_t k = (uint32_t)rng_below(&r, e);
            if (rng_below(&r, 2)) {
                src[e] = src[k];
                dst[e] = dst[k];
            } else {
                src[e] = dst[k];
                dst[e] = src[k];
            }
            repeats++;
            continue;
        }
        /* A new distinct pair. Start at the drawn scope and widen it when the
         * source's neighbourhood there is (nearly) saturated. */
        double u = rng_unif(&r);
        int scope = u < 0.62 ? 0 : (u < 0.82 ? 1 : (u < 0.94 ? 2 : 3));
        uint32_t a = pick_in(&w, all, &r), b = 0;
        int found = 0;
        for (int tries = 0; !found; tries++) {
            if (tries > 0 && tries % 12 == 0 && scope < 3) scope++;
            const unit *un = &w.units[w.unit_of[a]];
            const org *o = &w.orgs[un->org];
            range rg;
            switch (scope) {
            case 0:
                rg = un->r;
                break;
            case 1:
                rg = o->r;
                break;
            case 2:
                rg = w.sector[o->sector];
                break;
            default: {
                uint32_t s = (uint32_t)rng_below(&r, NSECTORS - 1);
                if (s >= o->sector) s++;
                rg = w.sector[s];
            }
            }
            /* After many failures at the widest scope, fall back to uniform. */
            if (tries > 200) b = (uint32_t)rng_below(&r, n);
            else b = pick_in(&w, rg, &r);
            if (b == a) continue;
            /* Ties within organisation / sector should leave the narrower group. */
            if (scope == 1 && w.unit_of[b] == w.unit_of[a] && tries < 40) continue;
            if (scope == 2 && w.units[w.unit_of[b]].org == un->org && tries < 40) continue;
            if (pairset_add(&ps, pair_key(a, b))) found = 1;
        }
        scope_count[scope]++;
        if (rng_below(&r, 2)) {
            src[e] = a;
            dst[e] = b;
        } else {
            src[e] = b;
            dst[e] = a;
        }
    }

    /* records.csv */
    {
        char *buf;
        FILE *f = open_out(outdir, "records.csv", &buf);
        fputs("source,target,weight\n", f);
        char line[96];
        for (uint32_t e = 0; e < m; e++) {
            size_t len = format_id(line, &ids, src[e]);
            line[len++] = ',';
            len += format_id(line + len, &ids, dst[e]);
            line[len++] = ',';
            const char *wt = draw_weight(&r);
            size_t wl = strlen(wt);
            memcpy(line + len, wt, wl);
            len += wl;
            line[len++] = '\n';
            fwrite(line, 1, len, f);
        }
        close_out(f, "records.csv", buf);
    }

    fprintf(stderr,
            "gen_network: %u actors (%u organisations, %u units), %u records "
            "(%llu repeats; new pairs: %llu unit, %llu organisation, %llu sector, %llu cross)\n",
            n, w.norgs, w.nunits, m, (unsigned long long)repeats,
            (unsigned long long)scope_count[0], (unsigned long long)scope_count[1],
            (unsigned long long)scope_count[2], (unsigned long long)scope_count[3]);

    free(src);
    free(dst);
    free(ps.slot);
    free(w.orgs);
    free(w.units);
    free(w.unit_of);
    free(w.cum);
    return 0;
}
