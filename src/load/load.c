/* load.c: building a network from a records file and an actors file.
 *
 * Loading rules (DESIGN.md, "Data model"): actors come first from the actors
 * file, in file order, then in order of first appearance in the records;
 * actors with no ties are kept. Records between one pair aggregate into one
 * tie (weight summed in file order, count kept); undirected pairs are
 * unordered. Ties are ordered by (source, target) actor index. Self-loops are
 * dropped and counted.
 *
 * Ids are interned through an open-addressing hash table, the records' ids
 * in prefetched batches (flush_pending); pairs are aggregated after reading
 * by a radix sort of the records' actor pairs, so loading is linear in the
 * size of the input. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bridgemap/load.h"
#include "internal.h"

void bm_load_options_init(bm_load_options *opt) { memset(opt, 0, sizeof *opt); }

static const char bm_empty[] = "";

/* ---- id table ------------------------------------------------------------ */

static bm_status grow_ids(bm_network *net, size_t *ids_cap)
{
    if (net->n_actors + 1 > *ids_cap) {
        size_t cap = *ids_cap ? *ids_cap * 2 : 1024;
        char **p = realloc(net->ids, cap * sizeof *p);
        if (!p)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        net->ids = p;
        *ids_cap = cap;
    }
    if ((net->n_actors + 1) * 2 > net->id_cap) {
        size_t cap = net->id_cap ? net->id_cap * 2 : 2048;
        bm_id_slot *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        for (size_t a = 0; a < net->n_actors; a++) {
            uint64_t hv = bm_hash_bytes(net->ids[a], strlen(net->ids[a]));
            size_t h = (size_t)hv & (cap - 1);
            while (slots[h].id)
                h = (h + 1) & (cap - 1);
            slots[h].id = net->ids[a];
            slots[h].actor = (uint32_t)a;
            slots[h].tag = (uint32_t)(hv >> 32);
        }
        free(net->id_slots);
        net->id_slots = slots;
        net->id_cap = cap;
    }
    return BM_OK;
}

/* Finds id (len bytes); when absent and add != 0, appends it. *idx is -1
 * when absent and not added. *added tells whether it was new. */
static bm_status intern_id_hashed(bm_network *net, size_t *ids_cap, const char *id, size_t len,
                                  uint64_t hv, int add, long *idx, int *added)
{
    uint32_t tag = (uint32_t)(hv >> 32);
    *added = 0;
    if (net->id_cap) {
        size_t h = (size_t)hv & (net->id_cap - 1);
        while (net->id_slots[h].id) {
            const bm_id_slot *s = &net->id_slots[h];
            if (s->tag == tag && memcmp(s->id, id, len) == 0 && s->id[len] == '\0') {
                *idx = (long)s->actor;
                return BM_OK;
            }
            h = (h + 1) & (net->id_cap - 1);
        }
    }
    if (!add) {
        *idx = -1;
        return BM_OK;
    }
    if (net->n_actors >= (size_t)INT32_MAX)
        return bm_error_set(BM_EINPUT, "more than 2^31 actors");
    bm_status st = grow_ids(net, ids_cap);
    if (st != BM_OK)
        return st;
    char *copy = bm_arena_strndup(&net->arena, id, len);
    if (!copy)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    size_t h = (size_t)hv & (net->id_cap - 1);
    while (net->id_slots[h].id)
        h = (h + 1) & (net->id_cap - 1);
    net->id_slots[h].id = copy;
    net->id_slots[h].actor = (uint32_t)net->n_actors;
    net->id_slots[h].tag = tag;
    net->ids[net->n_actors] = copy;
    *idx = (long)net->n_actors;
    net->n_actors++;
    *added = 1;
    return BM_OK;
}

static bm_status intern_id(bm_network *net, size_t *ids_cap, const char *id, size_t len, int add,
                           long *idx, int *added)
{
    return intern_id_hashed(net, ids_cap, id, len, bm_hash_bytes(id, len), add, idx, added);
}

bm_status bm_i_intern(bm_network *net, size_t *ids_cap, const char *id, size_t len, long *idx,
                      int *added)
{
    return intern_id(net, ids_cap, id, len, 1, idx, added);
}

long bm_network_find_actor(const bm_network *net, const char *id)
{
    if (!net->id_cap)
        return -1;
    size_t len = strlen(id);
    uint64_t hv = bm_hash_bytes(id, len);
    size_t h = (size_t)hv & (net->id_cap - 1);
    while (net->id_slots[h].id) {
        if (strcmp(net->id_slots[h].id, id) == 0)
            return (long)net->id_slots[h].actor;
        h = (h + 1) & (net->id_cap - 1);
    }
    return -1;
}


/* ---- actors file --------------------------------------------------------- */

typedef struct actors_ctx {
    bm_network *net;
    const bm_load_options *opt;
    const char *path;
    size_t *ids_cap;
    long id_col;
    size_t ncols;
    char **col_names;     /* header names (arena) */
    char ***vals;         /* [col][actor] growing with actors */
    size_t vals_cap;
    size_t n_listed;      /* actors read from the file */
} actors_ctx;

static bm_status actors_row(const bm_csv_record *rec, void *vctx)
{
    actors_ctx *c = vctx;
    bm_network *net = c->net;
    bm_status st;
    char loc[512];
    if (!c->col_names) { /* header */
        c->id_col = bm_header_pick(rec, c->opt->id_col, bm_syn_id);
        if (c->id_col < 0) {
            char cols[256], syn[128];
            if (c->opt->id_col)
                return bm_error_set(BM_EINPUT, "%s: no column '%s' (--id-col) in the header; it has %s",
                                    bm_loc(loc, sizeof loc, c->path, rec, -1), c->opt->id_col,
                                    bm_header_list(rec, cols, sizeof cols));
            return bm_error_set(BM_EINPUT, "%s: no id column in the header (looked for %s; it has %s); "
                                "name it with --id-col", bm_loc(loc, sizeof loc, c->path, rec, -1),
                                bm_syn_list(bm_syn_id, syn, sizeof syn),
                                bm_header_list(rec, cols, sizeof cols));
        }
        c->ncols = rec->nfields;
        c->col_names = calloc(rec->nfields, sizeof *c->col_names);
        c->vals = calloc(rec->nfields, sizeof *c->vals);
        if (!c->col_names || !c->vals)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        for (size_t i = 0; i < rec->nfields; i++) {
            char *f = rec->fields[i];
            size_t len = bm_i_trim(&f, rec->lens[i]);
            if (len == 0 && (long)i != c->id_col)
                return bm_error_set(BM_EINPUT, "%s: empty column name in the header",
                                    bm_loc(loc, sizeof loc, c->path, rec, (long)i));
            for (size_t j = 0; j < i; j++)
                if (c->col_names[j] && strlen(c->col_names[j]) == len &&
                    strncasecmp(c->col_names[j], f, len) == 0)
                    return bm_error_set(BM_EINPUT, "%s: column '%.*s' appears twice in the header",
                                        bm_loc(loc, sizeof loc, c->path, rec, (long)i), (int)len, f);
            c->col_names[i] = bm_arena_strndup(&net->arena, f, len);
            if (!c->col_names[i])
                return bm_error_set(BM_EINTERNAL, "out of memory");
        }
        return BM_OK;
    }
    if (rec->nfields > c->ncols)
        return bm_error_set(BM_EINPUT, "%s: %zu fields, but the header has %zu columns",
                            bm_loc(loc, sizeof loc, c->path, rec, (long)c->ncols), rec->nfields,
                            c->ncols);
    if ((size_t)c->id_col >= rec->nfields)
        return bm_error_set(BM_EINPUT, "%s: missing id", bm_loc(loc, sizeof loc, c->path, rec, c->id_col));
    char *id = rec->fields[c->id_col];
    size_t idlen = bm_i_trim(&id, rec->lens[c->id_col]);
    if (idlen == 0)
        return bm_error_set(BM_EINPUT, "%s: empty id", bm_loc(loc, sizeof loc, c->path, rec, c->id_col));
    if (idlen > BM_MAX_ID_BYTES)
        return bm_error_set(BM_EINPUT, "%s: id of %zu bytes; ids are at most %d bytes",
                            bm_loc(loc, sizeof loc, c->path, rec, c->id_col), idlen, BM_MAX_ID_BYTES);
    long idx;
    int added;
    if ((st = intern_id(net, c->ids_cap, id, idlen, 1, &idx, &added)) != BM_OK)
        return st;
    if (!added)
        return bm_error_set(BM_EINPUT, "%s: actor '%.*s' is listed twice",
                            bm_loc(loc, sizeof loc, c->path, rec, c->id_col), (int)idlen, id);
    if (net->n_actors > c->vals_cap) {
        size_t cap = c->vals_cap ? c->vals_cap * 2 : 256;
        for (size_t k = 0; k < c->ncols; k++) {
            char **p = realloc(c->vals[k], cap * sizeof *p);
            if (!p)
                return bm_error_set(BM_EINTERNAL, "out of memory");
            c->vals[k] = p;
        }
        c->vals_cap = cap;
    }
    c->n_listed = net->n_actors;
    for (size_t k = 0; k < c->ncols; k++) {
        char *v = k < rec->nfields ? rec->fields[k] : (char *)bm_empty;
        size_t len = k < rec->nfields ? bm_i_trim(&v, rec->lens[k]) : 0;
        if (len == 0) {
            c->vals[k][idx] = (char *)bm_empty;
        } else {
            c->vals[k][idx] = bm_arena_strndup(&net->arena, v, len);
            if (!c->vals[k][idx])
                return bm_error_set(BM_EINTERNAL, "out of memory");
        }
    }
    return BM_OK;
}

/* ---- records file -------------------------------------------------------- */

/* One kept record: its two actors (undirected: smaller index first) and
 * weight. Records are kept in file order and aggregated into ties after
 * reading (aggregate_ties), which touches memory sequentially; a pair hash
 * table updated per record cost a cache miss per record. */
typedef struct kept_record {
    uint64_t key;   /* (u << 32) | v */
    uint32_t rec;   /* index in file order */
} kept_record;

/* Sorts records by key, keeping file order among equal keys (so weights are
 * summed in file order): an LSD radix sort of the low key_bits bits, in
 * passes of at most 12 bits so that the counts stay in the L1 cache. */
static bm_status sort_records(kept_record **recs, size_t n, int key_bits)
{
    int passes = (key_bits + 11) / 12;
    int digit = passes ? (key_bits + passes - 1) / passes : 1;
    size_t buckets = (size_t)1 << digit;
    kept_record *a = *recs, *b = malloc((n ? n : 1) * sizeof *b);
    size_t *count = malloc(buckets * sizeof *count);
    if (!b || !count) {
        free(b);
        free(count);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (int shift = 0; shift < passes * digit; shift += digit) {
        uint64_t mask = buckets - 1;
        memset(count, 0, buckets * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[(a[i].key >> shift) & mask]++;
        if (n == 0 || count[(a[0].key >> shift) & mask] == n)
            continue; /* every key has this digit: nothing to reorder */
        size_t sum = 0;
        for (size_t d = 0; d < buckets; d++) {
            size_t c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            b[count[(a[i].key >> shift) & mask]++] = a[i];
        kept_record *t = a;
        a = b;
        b = t;
    }
    free(b);
    free(count);
    *recs = a;
    return BM_OK;
}

/* A record read but whose ids are not interned yet. Records are interned
 * in batches of BM_PENDING, in file order (so actors still come in order of
 * first appearance): each id's hash slot is prefetched first, then the id the
 * slot points to, then the ids are looked up. One lookup per id then waits
 * for no cache miss of its own; looked up one by one as they were read, the
 * two misses per id (slot and string) were a third of the load time at 1M
 * records. */
#define BM_PENDING 256
typedef struct pending_record {
    uint64_t hv[2];
    double w;
    uint32_t off[2], len[2]; /* of the two ids in pbuf */
    int keep;                /* 0: outside --from/--to, only its actors count */
    size_t line;             /* where it was read, for --strict */
} pending_record;

typedef struct records_ctx {
    bm_network *net;
    const bm_load_options *opt;
    const char *path;
    size_t *ids_cap;
    int header_done;
    int directed;              /* keep the records' direction */
    long c_src, c_tgt, c_w, c_date;
    const char *sheet, *item;  /* of the header's bm_csv_record, for locations */
    bm_date_format date_format;
    char date_from[11], date_to[11];
    size_t ncols;
    int decimal_comma;
    bm_numparser *np;
    kept_record *recs;
    double *rec_weight;
    size_t nrec, rec_cap;
    size_t n_records_kept;     /* recs[0 .. n_records_kept) came from records */
    pending_record pend[BM_PENDING];
    size_t npend;
    char *pbuf;                /* the pending records' ids, back to back */
    size_t pbuf_len, pbuf_cap;
    igraph_vector_int_t edges; /* 2 per tie */
    igraph_vector_t weight;
    igraph_vector_int_t count;
} records_ctx;

static bm_status pick_column(records_ctx *c, const bm_csv_record *rec, const char *what,
                             const char *explicit_name, const char *opt_name,
                             const char *const *syn, int required, long *col)
{
    char loc[512], cols[256], syn_text[160];
    *col = bm_header_pick(rec, explicit_name, syn);
    if (*col >= 0)
        return BM_OK;
    if (explicit_name)
        return bm_error_set(BM_EINPUT, "%s: no column '%s' (%s) in the header; it has %s",
                            bm_loc(loc, sizeof loc, c->path, rec, -1), explicit_name, opt_name,
                            bm_header_list(rec, cols, sizeof cols));
    if (!required)
        return BM_OK;
    return bm_error_set(BM_EINPUT, "%s: no %s column in the header (looked for %s; it has %s); "
                        "name it with %s", bm_loc(loc, sizeof loc, c->path, rec, -1), what,
                        bm_syn_list(syn, syn_text, sizeof syn_text),
                        bm_header_list(rec, cols, sizeof cols), opt_name);
}

static bm_status records_header(records_ctx *c, const bm_csv_record *rec)
{
    char loc[512];
    bm_status st;
    for (size_t i = 0; i < rec->nfields; i++) {
        char *f = rec->fields[i];
        size_t len = bm_i_trim(&f, rec->lens[i]);
        for (size_t j = 0; j < i && len; j++) {
            char *g = rec->fields[j];
            size_t glen = bm_i_trim(&g, rec->lens[j]);
            if (glen == len && strncasecmp(f, g, len) == 0)
                return bm_error_set(BM_EINPUT, "%s: column '%.*s' appears twice in the header",
                                    bm_loc(loc, sizeof loc, c->path, rec, (long)i), (int)len, f);
        }
    }
    const bm_load_options *o = c->opt;
    if ((st = pick_column(c, rec, "source", o->source_col, "--source-col", bm_syn_source, 1,
                          &c->c_src)) != BM_OK ||
        (st = pick_column(c, rec, "target", o->target_col, "--target-col", bm_syn_target, 1,
                          &c->c_tgt)) != BM_OK ||
        (st = pick_column(c, rec, "weight", o->weight_col, "--weight-col", bm_syn_weight, 0,
                          &c->c_w)) != BM_OK ||
        (st = pick_column(c, rec, "date", o->date_col, "--date-col", bm_syn_date, 0,
                          &c->c_date)) != BM_OK)
        return st;
    if (c->c_src == c->c_tgt)
        return bm_error_set(BM_EINPUT, "%s: source and target are the same column",
                            bm_loc(loc, sizeof loc, c->path, rec, c->c_src));
    if (o->unweighted)
        c->c_w = -1;
    c->ncols = rec->nfields;
    if ((o->date_from || o->date_to) && c->c_date < 0)
        return bm_error_set(BM_EINPUT, "%s: a date window (--from/--to, compare's --split-date) needs a "
                            "date column, and the header has none (name it with --date-col)",
                            bm_loc(loc, sizeof loc, c->path, rec, -1));
    c->sheet = rec->sheet;
    c->item = rec->item;
    c->net->has_date_column = c->c_date >= 0;
    c->header_done = 1;
    return BM_OK;
}

/* The thousands separator of a number like "1.234", "12,345.5" or
 * "1 234 567" (groups of exactly three digits after one to three leading
 * digits, the first not 0), or 0. decimal: the file's decimal separator. */
static char thousands_separator(const char *p, size_t len, char decimal)
{
    while (len && p[len - 1] == ' ')
        len--;
    size_t i = 0;
    if (i < len && (p[i] == '-' || p[i] == '+'))
        i++;
    size_t start = i;
    while (i < len && isdigit((unsigned char)p[i]))
        i++;
    size_t lead = i - start;
    if (lead < 1 || lead > 3 || p[start] == '0' || i >= len)
        return 0;
    char sep = p[i];
    if (sep == decimal || (sep != '.' && sep != ',' && sep != ' '))
        return 0;
    size_t groups = 0;
    while (i + 4 <= len && p[i] == sep && isdigit((unsigned char)p[i + 1]) &&
           isdigit((unsigned char)p[i + 2]) && isdigit((unsigned char)p[i + 3])) {
        i += 4;
        groups++;
        if (i < len && isdigit((unsigned char)p[i]))
            return 0; /* a group of four digits: not a thousands separator */
    }
    if (groups == 0)
        return 0;
    if (i == len)
        return sep;
    if (p[i] != decimal)
        return 0;
    for (i++; i < len; i++)
        if (!isdigit((unsigned char)p[i]))
            return 0;
    return sep;
}

/* Reads a weight cell. People's spreadsheets write thousands separators
 * ("1.234" in a decimal-comma file, "1,234" or "1 234"); those are refused,
 * not read as something else. */
static bm_status parse_weight(records_ctx *c, const bm_csv_record *rec, const char *f, double *w)
{
    char loc[512];
#define BM_WLOC bm_loc(loc, sizeof loc, c->path, rec, c->c_w)
    const char *p = f;
    while (*p == ' ')
        p++;
    char thousands = thousands_separator(p, strlen(p), c->decimal_comma ? ',' : '.');
    if (thousands)
        return bm_error_set(BM_EINPUT, "%s: weight '%s' has a thousands separator ('%c'); write the "
                            "number without it%s", BM_WLOC, f, thousands,
                            c->decimal_comma ? " (this file uses a decimal comma: 1,5)" : "");
    if (bm_parse_double(c->np, f, c->decimal_comma, w) != 0)
        return bm_error_set(BM_EINPUT, "%s: weight '%s' is not a number", BM_WLOC, f);
    if (!isfinite(*w) || *w <= 0.0)
        return bm_error_set(BM_EINPUT, "%s: weight '%s' must be a finite number > 0 "
                            "(weight is collaboration strength)", BM_WLOC, f);
    return BM_OK;
#undef BM_WLOC
}

/* Reads a date cell into iso ("" when empty). */
static bm_status parse_date(records_ctx *c, const bm_csv_record *rec, char iso[11])
{
    char loc[512];
    iso[0] = '\0';
    const char *d = (size_t)c->c_date < rec->nfields ? rec->fields[c->c_date] : "";
    size_t dlen = (size_t)c->c_date < rec->nfields ? rec->lens[c->c_date] : 0;
    while (dlen && (*d == ' ' || *d == '\t')) {
        d++;
        dlen--;
    }
    while (dlen && (d[dlen - 1] == ' ' || d[dlen - 1] == '\t'))
        dlen--;
    if (dlen == 0)
        return BM_OK;
    int r = bm_date_to_iso(d, dlen, c->date_format, iso);
    if (r == 0)
        return BM_OK;
    bm_loc(loc, sizeof loc, c->path, rec, c->c_date);
    if (r == -2)
        return bm_error_set(BM_EINPUT, "%s: date '%.*s' is not a day of the calendar", loc, (int)dlen, d);
    const char *guess = bm_date_guess(d, dlen);
    if (guess && c->date_format == BM_DATE_ISO)
        return bm_error_set(BM_EINPUT, "%s: date '%.*s' is not an ISO 8601 date (YYYY-MM-DD); if the "
                            "file writes dates as %s, give --date-format %s", loc, (int)dlen, d,
                            guess, guess);
    if (guess)
        return bm_error_set(BM_EINPUT, "%s: date '%.*s' does not have the form %s (--date-format); "
                            "it reads as --date-format %s", loc, (int)dlen, d,
                            bm_date_format_name(c->date_format), guess);
    return bm_error_set(BM_EINPUT, "%s: date '%.*s' does not have the form %s", loc, (int)dlen, d,
                        c->date_format == BM_DATE_ISO ? "YYYY-MM-DD" :
                        bm_date_format_name(c->date_format));
}

/* Interns the pending records' ids and keeps the records (see BM_PENDING). */
static bm_status flush_pending(records_ctx *c)
{
    bm_network *net = c->net;
    bm_status st;
    size_t n = c->npend;
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            pending_record *pr = &c->pend[i];
            pr->hv[k] = bm_hash_bytes(c->pbuf + pr->off[k], pr->len[k]);
            if (net->id_cap)
                __builtin_prefetch(&net->id_slots[(size_t)pr->hv[k] & (net->id_cap - 1)]);
        }
    if (net->id_cap)
        for (size_t i = 0; i < n; i++)
            for (int k = 0; k < 2; k++) {
                const char *id = net->id_slots[(size_t)c->pend[i].hv[k] & (net->id_cap - 1)].id;
                if (id)
                    __builtin_prefetch(id);
            }
    for (size_t i = 0; i < n; i++) {
        const pending_record *pr = &c->pend[i];
        long ends[2];
        for (int k = 0; k < 2; k++) {
            int added;
            if ((st = intern_id_hashed(net, c->ids_cap, c->pbuf + pr->off[k], pr->len[k], pr->hv[k],
                                       1, &ends[k], &added)) != BM_OK)
                return st;
            if (added && c->opt->strict && net->has_actors_file) {
                char loc[512];
                bm_csv_record at = {pr->line, 0, NULL, NULL, c->sheet, c->item};
                return bm_error_set(BM_EINPUT, "%s: actor '%.*s' is not in the actors file %s (--strict)",
                                    bm_loc(loc, sizeof loc, c->path, &at, k ? c->c_tgt : c->c_src),
                                    (int)pr->len[k], c->pbuf + pr->off[k], c->opt->actors_path);
            }
        }
        if (!pr->keep) {
            net->outside_window++;
            continue;
        }
        net->records++;
        long u = ends[0], v = ends[1];
        if (u == v) {
            net->self_loops++;
            continue;
        }
        if (!c->directed && u > v) {
            long t = u;
            u = v;
            v = t;
        }
        if (c->nrec == c->rec_cap) {
            size_t cap = c->rec_cap ? c->rec_cap * 2 : 4096;
            kept_record *r = realloc(c->recs, cap * sizeof *r);
            if (r)
                c->recs = r;
            double *rw = realloc(c->rec_weight, cap * sizeof *rw);
            if (rw)
                c->rec_weight = rw;
            if (!r || !rw || cap > UINT32_MAX)
                return bm_error_set(BM_EINTERNAL, "out of memory (or more than 2^32 records)");
            c->rec_cap = cap;
        }
        c->recs[c->nrec].key = ((uint64_t)u << 32) | (uint64_t)v;
        c->recs[c->nrec].rec = (uint32_t)c->nrec;
        c->rec_weight[c->nrec] = pr->w;
        c->nrec++;
    }
    c->npend = 0;
    c->pbuf_len = 0;
    return BM_OK;
}

static bm_status records_row(const bm_csv_record *rec, void *vctx)
{
    records_ctx *c = vctx;
    char loc[512];
    bm_status st;
    if (!c->header_done)
        return records_header(c, rec);
    if (rec->nfields > c->ncols)
        return bm_error_set(BM_EINPUT, "%s: %zu fields, but the header has %zu columns "
                            "(an unquoted separator inside a value?)",
                            bm_loc(loc, sizeof loc, c->path, rec, (long)c->ncols), rec->nfields,
                            c->ncols);
    char *idp[2];
    size_t idl[2];
    long cols[2] = {c->c_src, c->c_tgt};
    for (int k = 0; k < 2; k++) {
        if ((size_t)cols[k] >= rec->nfields) {
            /* a row written with another separator than the header reads as one field */
            const char *f0 = rec->nfields == 1 ? rec->fields[0] : "";
            int other = strchr(f0, ',') || strchr(f0, ';') || strchr(f0, '\t') || strchr(f0, '|');
            return bm_error_set(BM_EINPUT, "%s: missing %s (the row has %zu field%s%s)",
                                bm_loc(loc, sizeof loc, c->path, rec, cols[k]),
                                k ? "target" : "source", rec->nfields, rec->nfields == 1 ? "" : "s",
                                other ? "; is it separated by another character than the header?" : "");
        }
        idp[k] = rec->fields[cols[k]];
        idl[k] = bm_i_trim(&idp[k], rec->lens[cols[k]]);
        if (idl[k] == 0)
            return bm_error_set(BM_EINPUT, "%s: empty %s id", bm_loc(loc, sizeof loc, c->path, rec, cols[k]),
                                k ? "target" : "source");
        if (idl[k] > BM_MAX_ID_BYTES)
            return bm_error_set(BM_EINPUT, "%s: %s id of %zu bytes; ids are at most %d bytes",
                                bm_loc(loc, sizeof loc, c->path, rec, cols[k]), k ? "target" : "source",
                                idl[k], BM_MAX_ID_BYTES);
    }
    if (idl[0] + idl[1] > UINT32_MAX - c->pbuf_len)
        return bm_error_set(BM_EINPUT, "%s: ids too long", bm_loc(loc, sizeof loc, c->path, rec, -1));
    int keep = 1;
    double w = 1.0;
    if (c->c_w >= 0) {
        const char *f = (size_t)c->c_w < rec->nfields ? rec->fields[c->c_w] : "";
        const char *q = f;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == '\0')
            c->net->empty_weights++; /* weight 1, counted and reported */
        else if ((st = parse_weight(c, rec, f, &w)) != BM_OK)
            return st;
    }
    if (c->c_date >= 0) {
        char iso[11];
        if ((st = parse_date(c, rec, iso)) != BM_OK)
            return st;
        bm_network *net = c->net;
        if (iso[0] && (!net->date_min[0] || strcmp(iso, net->date_min) < 0))
            memcpy(net->date_min, iso, 11);
        if (iso[0] && (!net->date_max[0] || strcmp(iso, net->date_max) > 0))
            memcpy(net->date_max, iso, 11);
        if (!iso[0] && net->undated++ == 0)
            net->first_undated_line = rec->line;
        if (iso[0] == '\0') {
            if (c->opt->date_from || c->opt->date_to)
                return bm_error_set(BM_EINPUT, "%s: empty date, so the record cannot be placed in the "
                                    "--from/--to window", bm_loc(loc, sizeof loc, c->path, rec, c->c_date));
        } else if ((c->opt->date_from && strcmp(iso, c->date_from) < 0) ||
                   (c->opt->date_to && strcmp(iso, c->date_to) > 0)) {
            keep = 0;
        }
    }
    if (c->pbuf_len + idl[0] + idl[1] > c->pbuf_cap) {
        size_t cap = c->pbuf_cap ? c->pbuf_cap : 16384;
        while (cap < c->pbuf_len + idl[0] + idl[1])
            cap *= 2;
        char *p = realloc(c->pbuf, cap);
        if (!p)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        c->pbuf = p;
        c->pbuf_cap = cap;
    }
    pending_record *pr = &c->pend[c->npend++];
    for (int k = 0; k < 2; k++) {
        pr->off[k] = (uint32_t)c->pbuf_len;
        pr->len[k] = (uint32_t)idl[k];
        memcpy(c->pbuf + c->pbuf_len, idp[k], idl[k]);
        c->pbuf_len += idl[k];
    }
    pr->w = w;
    pr->keep = keep;
    pr->line = rec->line;
    return c->npend == BM_PENDING ? flush_pending(c) : BM_OK;
}

/* Turns the kept records into ties: one per distinct pair, in pair order
 * (source index, then target index), weight summed in file order, count.
 * Unweighted, every tie weighs 1 however many records it has. */
static bm_status aggregate_ties(records_ctx *c)
{
    int unweighted = c->opt->unweighted;
    /* Keys (u << 32 | v) become (u << bits | v), bits enough for every actor
     * index, so that the sort passes over 2 x bits bits and not 64. */
    int bits = 1;
    while (bits < 32 && ((size_t)1 << bits) < c->net->n_actors)
        bits++;
    for (size_t i = 0; i < c->nrec; i++) {
        uint64_t k = c->recs[i].key;
        c->recs[i].key = ((k >> 32) << bits) | (k & 0xffffffffu);
    }
    bm_status st = sort_records(&c->recs, c->nrec, 2 * bits);
    if (st != BM_OK)
        return st;
    size_t ties = 0;
    for (size_t i = 0; i < c->nrec; i++)
        ties += i == 0 || c->recs[i].key != c->recs[i - 1].key;
    if (igraph_vector_int_resize(&c->edges, 2 * (igraph_integer_t)ties) ||
        igraph_vector_resize(&c->weight, (igraph_integer_t)ties) ||
        igraph_vector_int_resize(&c->count, (igraph_integer_t)ties))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    if (c->net->has_affiliations &&
        igraph_vector_int_resize(&c->net->tie_activities, (igraph_integer_t)ties))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    igraph_integer_t e = -1;
    for (size_t i = 0; i < c->nrec; i++) {
        uint64_t key = c->recs[i].key;
        double w = c->rec_weight[c->recs[i].rec];
        /* records come first, co-participation pairs after them */
        int from_record = c->recs[i].rec < c->n_records_kept;
        if (i == 0 || key != c->recs[i - 1].key) {
            e++;
            VECTOR(c->edges)[2 * e] = (igraph_integer_t)(key >> bits);
            VECTOR(c->edges)[2 * e + 1] = (igraph_integer_t)(key & (((uint64_t)1 << bits) - 1));
            VECTOR(c->weight)[e] = w;
            VECTOR(c->count)[e] = from_record;
            if (c->net->has_affiliations)
                VECTOR(c->net->tie_activities)[e] = !from_record;
        } else {
            VECTOR(c->weight)[e] += unweighted ? 0.0 : w;
            VECTOR(c->count)[e] += from_record;
            if (c->net->has_affiliations)
                VECTOR(c->net->tie_activities)[e] += !from_record;
        }
    }
    return BM_OK;
}

/* Appends the co-participation pairs of net's activities to the kept records. */
static bm_status add_projection(records_ctx *c)
{
    bm_i_pair *pairs;
    size_t n;
    bm_status st = bm_i_project_affiliations(c->net, c->opt->projection == BM_PROJECT_NEWMAN, &pairs, &n);
    if (st != BM_OK)
        return st;
    c->n_records_kept = c->nrec;
    if (c->nrec + n > c->rec_cap) {
        size_t cap = c->nrec + n;
        kept_record *r = realloc(c->recs, (cap ? cap : 1) * sizeof *r);
        if (r)
            c->recs = r;
        double *rw = realloc(c->rec_weight, (cap ? cap : 1) * sizeof *rw);
        if (rw)
            c->rec_weight = rw;
        if (!r || !rw || cap > UINT32_MAX) {
            free(pairs);
            return bm_error_set(BM_EINTERNAL, "out of memory (or more than 2^32 records and pairs)");
        }
        c->rec_cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        c->recs[c->nrec].key = ((uint64_t)pairs[i].u << 32) | (uint64_t)pairs[i].v;
        c->recs[c->nrec].rec = (uint32_t)c->nrec;
        c->rec_weight[c->nrec] = c->opt->unweighted ? 1.0 : pairs[i].w;
        c->nrec++;
    }
    free(pairs);
    return BM_OK;
}

static bm_status check_date_option(const char *name, const char *d, char iso[11])
{
    iso[0] = '\0';
    if (d && (strlen(d) != 10 || bm_date_to_iso(d, 10, BM_DATE_ISO, iso) != 0))
        return bm_error_set(BM_EUSAGE, "%s '%s' is not a date (YYYY-MM-DD)", name, d);
    return BM_OK;
}

bm_status bm_i_read_table(const char *path, const char *sheet, const bm_load_options *opt,
                          bm_csv_callback cb, void *ctx, bm_csv_info *info)
{
    if (bm_file_is_zip(path))
        return bm_xlsx_read(path, sheet, cb, ctx, info);
    if (sheet)
        return bm_error_set(BM_EUSAGE, "%s is not an .xlsx workbook, so it has no sheet '%s'", path,
                            sheet);
    bm_csv_format fmt = {opt->delimiter, opt->encoding};
    return bm_csv_read_ex(path, &fmt, cb, ctx, info);
}

/* The sheet of the actors table when it is in the records' workbook and no
 * sheet was named: the one whose name says actors, else an error listing
 * the sheets (reading the records' sheet twice would be no actors table). */
static bm_status actors_sheet_of(const bm_load_options *opt, const char **sheet, char ***names)
{
    static const char *const syn[] = {"actors", "aktører", "aktorer", "aktører", "people",
                                      "personer", "persons", "ansatte", "employees", "deltagere",
                                      "participants", NULL};
    size_t count = 0;
    *sheet = opt->actors_sheet;
    *names = NULL;
    if (opt->actors_sheet || !opt->records_path || strcmp(opt->actors_path, opt->records_path) != 0 ||
        !bm_file_is_zip(opt->actors_path))
        return BM_OK;
    bm_status st = bm_xlsx_sheets(opt->actors_path, names, &count);
    if (st != BM_OK)
        return st;
    for (size_t k = 0; syn[k]; k++)
        for (size_t i = 0; i < count; i++) {
            char a[256], b[256];
            bm_header_norm((*names)[i], strlen((*names)[i]), a, sizeof a);
            bm_header_norm(syn[k], strlen(syn[k]), b, sizeof b);
            if (strcmp(a, b) == 0 && (!opt->records_sheet || strcmp((*names)[i], opt->records_sheet))) {
                *sheet = (*names)[i];
                return BM_OK;
            }
        }
    char list[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < count && used + 4 < sizeof list; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", (*names)[i]);
        if (w < 0 || (size_t)w >= sizeof list - used)
            break;
        used += (size_t)w;
    }
    return bm_error_set(BM_EUSAGE, "--actors names the records' workbook %s: say which sheet holds "
                        "the actors with --actors-sheet (the workbook has: %s)", opt->actors_path, list);
}

static int cmp_strp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Most of the actors named in the records are not in the actors file: the
 * two files do not share ids. Names an actors column holding most of the
 * unlisted ids, when there is one, so the user can pass --id-col. */
static bm_status check_shared_ids(const bm_network *net, const bm_load_options *opt,
                                  const actors_ctx *ac)
{
    size_t unlisted = net->n_actors - net->n_listed;
    if (unlisted == 0 || net->n_listed == 0)
        return BM_OK;
    /* actors named in the records: the unlisted ones and the listed ones with a tie */
    size_t named = unlisted;
    igraph_vector_int_t deg;
    if (igraph_vector_int_init(&deg, 0) ||
        igraph_degree(&net->graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS)) {
        igraph_vector_int_destroy(&deg);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    for (size_t a = 0; a < net->n_listed; a++)
        named += VECTOR(deg)[a] > 0;
    igraph_vector_int_destroy(&deg);
    if (2 * unlisted <= named)
        return BM_OK;
    /* which actors column holds the unlisted ids? Each column's values
     * sorted once, each unlisted id looked up: O((listed + unlisted) log). */
    long best_col = -1;
    size_t best = 0;
    char **sorted = malloc((net->n_listed ? net->n_listed : 1) * sizeof *sorted);
    for (size_t col = 0; sorted && col < ac->ncols; col++) {
        if ((long)col == ac->id_col)
            continue;
        memcpy(sorted, ac->vals[col], net->n_listed * sizeof *sorted);
        qsort(sorted, net->n_listed, sizeof *sorted, cmp_strp);
        size_t hits = 0;
        for (size_t u = net->n_listed; u < net->n_actors; u++) {
            const char *key = net->ids[u];
            hits += bsearch(&key, sorted, net->n_listed, sizeof *sorted, cmp_strp) != NULL;
        }
        if (hits > best) {
            best = hits;
            best_col = (long)col;
        }
    }
    free(sorted);
    char hint[512] = "";
    if (best_col >= 0 && 2 * best >= unlisted)
        snprintf(hint, sizeof hint, "; the actors file's column '%s' holds %zu of them: use --id-col %s",
                 ac->col_names[best_col], best, ac->col_names[best_col]);
    char first[256] = "";
    size_t used = 0;
    for (size_t u = net->n_listed; u < net->n_actors && u < net->n_listed + 3; u++) {
        int w = snprintf(first + used, sizeof first - used, "%s'%s'", used ? ", " : "", net->ids[u]);
        if (w < 0 || (size_t)w >= sizeof first - used)
            break;
        used += (size_t)w;
    }
    return bm_error_set(BM_EINPUT, "%s and %s do not share ids: %zu of the %zu actors named in the "
                        "records are not in the actors file's '%s' column (first: %s)%s",
                        opt->records_path ? opt->records_path : opt->affiliations_path,
                        opt->actors_path, unlisted, named,
                        ac->col_names[ac->id_col], first, hint);
}

/* ---- graph files (GraphML, GML, Pajek) ------------------------------------ */

/* With --actors, the graph's nodes only add actors: isolated nodes are kept,
 * nodes the actors file does not list are added and counted as records'
 * unlisted actors are; the nodes' own attributes are not read (the actors
 * file gives the attributes). */
typedef struct nodes_ctx {
    bm_network *net;
    const bm_load_options *opt;
    size_t *ids_cap;
    int header_seen;
} nodes_ctx;

static bm_status node_row(const bm_csv_record *rec, void *vctx)
{
    nodes_ctx *c = vctx;
    char loc[512];
    if (!c->header_seen) {
        c->header_seen = 1;
        return BM_OK;
    }
    char *id = rec->fields[0];
    size_t len = bm_i_trim(&id, rec->lens[0]);
    if (len == 0)
        return bm_error_set(BM_EINPUT, "%s: empty id",
                            bm_loc(loc, sizeof loc, c->opt->records_path, rec, 0));
    if (len > BM_MAX_ID_BYTES)
        return bm_error_set(BM_EINPUT, "%s: id of %zu bytes; ids are at most %d bytes",
                            bm_loc(loc, sizeof loc, c->opt->records_path, rec, 0), len,
                            BM_MAX_ID_BYTES);
    long idx;
    int added;
    bm_status st = intern_id(c->net, c->ids_cap, id, len, 1, &idx, &added);
    if (st == BM_OK && added && c->opt->strict)
        return bm_error_set(BM_EINPUT, "%s: actor '%.*s' is not in the actors file %s (--strict)",
                            bm_loc(loc, sizeof loc, c->opt->records_path, rec, 0), (int)len, id,
                            c->opt->actors_path);
    return st;
}

/* The edges of a graph file go to records_row once the file's direction is
 * known (bm_graph_read sets it before the first edge row). */
typedef struct edges_ctx {
    records_ctx *rc;
    const int *file_directed;
    const char *format;
} edges_ctx;

static bm_status edge_row(const bm_csv_record *rec, void *vctx)
{
    edges_ctx *g = vctx;
    records_ctx *rc = g->rc;
    if (!rc->header_done) {
        if (rc->opt->directed && !*g->file_directed)
            return bm_error_set(BM_EUSAGE, "%s: the %s graph is undirected; --directed cannot give "
                                "its edges a direction", rc->path, g->format);
        rc->directed = rc->opt->undirected ? 0 : *g->file_directed;
        rc->net->directed = rc->directed;
    }
    return records_row(rec, rc);
}

/* Options that name CSV or workbook columns or cells mean nothing for a
 * graph file: said, not ignored. */
static bm_status check_graph_options(const bm_load_options *opt, const char *format)
{
    const char *dates = opt->date_from ? "--from" : opt->date_to ? "--to" : NULL;
    if (dates)
        return bm_error_set(BM_EUSAGE, "%s is a %s file: its edges have no dates, so %s cannot "
                            "select them (give dated CSV or .xlsx records)", opt->records_path,
                            format, dates);
    const char *bad = opt->source_col ? "--source-col" : opt->target_col ? "--target-col"
                      : opt->weight_col ? "--weight-col" : opt->date_col ? "--date-col"
                      : opt->delimiter ? "--delimiter" : opt->encoding ? "--encoding"
                      : opt->records_sheet ? "--sheet" : NULL;
    if (bad)
        return bm_error_set(BM_EUSAGE, "%s is a %s file: %s applies to CSV and .xlsx tables only "
                            "(an edge attribute 'weight', when present, is the weight)",
                            opt->records_path, format, bad);
    return BM_OK;
}

bm_status bm_load(bm_network **out, const bm_load_options *opt)
{
    bm_status st = BM_OK;
    bm_network *net = NULL;
    size_t ids_cap = 0;
    actors_ctx ac;
    records_ctx rc;
    memset(&ac, 0, sizeof ac);
    memset(&rc, 0, sizeof rc);
    *out = NULL;
    bm_error_clear();

    if (!opt || (!opt->records_path && !opt->affiliations_path))
        return bm_error_set(BM_EUSAGE, "no records file given (nor an affiliations file)");
    if (opt->directed && opt->undirected)
        return bm_error_set(BM_EUSAGE, "directed and undirected exclude each other");
    if (opt->affiliations_path && opt->directed)
        return bm_error_set(BM_EUSAGE, "--affiliations makes undirected co-participation ties; it "
                            "cannot be combined with --directed");
    if ((st = check_date_option("--from", opt->date_from, rc.date_from)) != BM_OK ||
        (st = check_date_option("--to", opt->date_to, rc.date_to)) != BM_OK)
        return st;
    if (bm_date_format_parse(opt->date_format, &rc.date_format) != 0)
        return bm_error_set(BM_EUSAGE, "--date-format '%s' is not one of Y-m-d, d-m-Y, d.m.Y, d/m/Y, "
                            "m/d/Y, Y/m/d", opt->date_format);
    if (opt->delimiter && opt->delimiter != ',' && opt->delimiter != ';' && opt->delimiter != '\t' &&
        opt->delimiter != '|')
        return bm_error_set(BM_EUSAGE, "--delimiter must be one of , ; | or tab");
    if (opt->date_from && opt->date_to && strcmp(opt->date_from, opt->date_to) > 0)
        return bm_error_set(BM_EUSAGE, "--from %s is after --to %s", opt->date_from, opt->date_to);

    net = calloc(1, sizeof *net);
    if (!net)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    bm_arena_init(&net->arena);
    net->directed = opt->directed != 0;
    rc.directed = net->directed;
    if (igraph_vector_init(&net->weight, 0) || igraph_vector_int_init(&net->count, 0)) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }

    bm_graph_format gfmt = opt->records_path ? bm_graph_format_of(opt->records_path) : BM_GRAPH_NONE;
    const char *gname = bm_graph_format_name(gfmt);
    if (gfmt != BM_GRAPH_NONE && (st = check_graph_options(opt, gname)) != BM_OK)
        goto done;
    if (opt->actors_path) {
        bm_csv_info info;
        ac.net = net;
        ac.opt = opt;
        ac.path = opt->actors_path;
        ac.ids_cap = &ids_cap;
        net->has_actors_file = 1;
        const char *sheet;
        char **sheets = NULL;
        if ((st = actors_sheet_of(opt, &sheet, &sheets)) == BM_OK)
            st = bm_i_read_table(opt->actors_path, sheet, opt, actors_row, &ac, &info);
        free(sheets);
        if (st != BM_OK)
            goto done;
        if (!ac.col_names) {
            st = bm_error_set(BM_EINPUT, "%s:1: empty file (expected a header with an 'id' column)",
                              opt->actors_path);
            goto done;
        }
        net->n_listed = net->n_actors;
        net->input_path[net->n_inputs] = bm_arena_strndup(&net->arena, opt->actors_path,
                                                          strlen(opt->actors_path));
        memcpy(net->input_sha256[net->n_inputs], info.sha256, 65);
        net->n_inputs++;
    }

    rc.net = net;
    rc.opt = opt;
    rc.path = opt->records_path;
    rc.ids_cap = &ids_cap;
    rc.np = bm_numparser_new();
    if (!rc.np || igraph_vector_int_init(&rc.edges, 0) || igraph_vector_init(&rc.weight, 0) ||
        igraph_vector_int_init(&rc.count, 0)) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    if (gfmt != BM_GRAPH_NONE) {
        /* The nodes are the actors table unless --actors gives one. */
        bm_csv_info info;
        int file_directed = 0;
        nodes_ctx nc = {net, opt, &ids_cap, 0};
        edges_ctx ec = {&rc, &file_directed, gname};
        if (!opt->actors_path) {
            ac.net = net;
            ac.opt = opt;
            ac.path = opt->records_path;
            ac.ids_cap = &ids_cap;
            net->has_actors_file = 1;
        }
        st = opt->actors_path
             ? bm_graph_read(opt->records_path, gfmt, &file_directed, node_row, &nc, edge_row, &ec, &info)
             : bm_graph_read(opt->records_path, gfmt, &file_directed, actors_row, &ac, edge_row, &ec, &info);
        if (st != BM_OK || (st = flush_pending(&rc)) != BM_OK)
            goto done;
        if (!opt->actors_path)
            net->n_listed = ac.n_listed;
        net->records_format = gname;
        net->input_path[net->n_inputs] = bm_arena_strndup(&net->arena, opt->records_path,
                                                          strlen(opt->records_path));
        memcpy(net->input_sha256[net->n_inputs], info.sha256, 65);
        net->n_inputs++;
    } else if (opt->records_path) {
        bm_csv_info info;
        /* The delimiter is only known inside bm_csv_read; a semicolon file from
         * a decimal-comma locale is the common case, so we peek first. */
        FILE *f = fopen(opt->records_path, "rb");
        if (f) {
            char head[4096];
            size_t got = fread(head, 1, sizeof head - 1, f);
            fclose(f);
            head[got] = '\0';
            size_t semi = 0, comma = 0;
            for (size_t i = 0; i < got && head[i] != '\n'; i++) {
                semi += head[i] == ';';
                comma += head[i] == ',';
            }
            /* a workbook's numbers are numbers, not text in a locale */
            rc.decimal_comma = bm_file_is_zip(opt->records_path) ? 0
                               : opt->delimiter ? opt->delimiter == ';' : semi > comma;
        }
        if ((st = bm_i_read_table(opt->records_path, opt->records_sheet, opt, records_row, &rc, &info)) != BM_OK ||
            (st = flush_pending(&rc)) != BM_OK)
            goto done;
        if (!rc.header_done) {
            st = bm_error_set(BM_EINPUT, "%s:1: empty file (expected a header with source and "
                              "target columns)", opt->records_path);
            goto done;
        }
        net->records_format = bm_file_is_zip(opt->records_path) ? "xlsx" : "CSV";
        net->input_path[net->n_inputs] = bm_arena_strndup(&net->arena, opt->records_path,
                                                          strlen(opt->records_path));
        memcpy(net->input_sha256[net->n_inputs], info.sha256, 65);
        net->n_inputs++;
    }
    rc.n_records_kept = rc.nrec;
    if (opt->affiliations_path && net->directed) {
        st = bm_error_set(BM_EUSAGE, "%s is a directed %s graph and --affiliations makes undirected "
                          "co-participation ties; give --undirected to read its arcs as ties",
                          opt->records_path, gname);
        goto done;
    }
    if (opt->affiliations_path &&
        ((st = bm_i_read_affiliations(net, opt, &ids_cap, rc.date_from, rc.date_to)) != BM_OK ||
         (st = add_projection(&rc)) != BM_OK))
        goto done;
    if ((st = aggregate_ties(&rc)) != BM_OK)
        goto done;
    if (net->n_actors > (size_t)INT32_MAX) {
        st = bm_error_set(BM_EINPUT, "%s: more than 2^31 actors",
                          opt->records_path ? opt->records_path : opt->affiliations_path);
        goto done;
    }

    /* Attribute columns: every actors-file column except id, "" for actors
     * that only appear in records. */
    if (ac.col_names) {
        net->n_attr = ac.ncols - 1;
        net->attr_names = calloc(net->n_attr ? net->n_attr : 1, sizeof *net->attr_names);
        net->attr_values = calloc(net->n_attr ? net->n_attr : 1, sizeof *net->attr_values);
        if (!net->attr_names || !net->attr_values) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            goto done;
        }
        size_t k = 0;
        for (size_t col = 0; col < ac.ncols; col++) {
            if ((long)col == ac.id_col)
                continue;
            net->attr_names[k] = ac.col_names[col];
            char **vals = malloc((net->n_actors ? net->n_actors : 1) * sizeof *vals);
            if (!vals) {
                st = bm_error_set(BM_EINTERNAL, "out of memory");
                goto done;
            }
            /* actors of the actors file come first; the others have "" */
            for (size_t a = 0; a < net->n_actors; a++)
                vals[a] = a < ac.n_listed ? ac.vals[col][a] : (char *)bm_empty;
            net->attr_values[k] = vals;
            k++;
        }
    }

    if (igraph_create(&net->graph, &rc.edges, (igraph_integer_t)net->n_actors,
                      net->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS) {
        st = bm_igraph_fail(IGRAPH_FAILURE, "building the graph");
        goto done;
    }
    net->graph_ready = 1;
    if (ac.col_names && (st = check_shared_ids(net, opt, &ac)) != BM_OK)
        goto done;
    igraph_vector_swap(&net->weight, &rc.weight);
    igraph_vector_int_swap(&net->count, &rc.count);
    st = bm_i_network_finish(net);

done:
    if (ac.vals) {
        for (size_t col = 0; col < ac.ncols; col++)
            free(ac.vals[col]);
        free(ac.vals);
    }
    free(ac.col_names);
    free(rc.recs);
    free(rc.rec_weight);
    free(rc.pbuf);
    bm_numparser_free(rc.np);
    igraph_vector_int_destroy(&rc.edges);
    igraph_vector_destroy(&rc.weight);
    igraph_vector_int_destroy(&rc.count);
    if (st != BM_OK) {
        bm_network_free(net);
        return st;
    }
    *out = net;
    return BM_OK;
}
