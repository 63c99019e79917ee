/* affiliations.c: "who took part in what" records, projected to
 * co-participation ties.
 *
 * An affiliations file has one row per participation: actor, activity
 * (a bootcamp, a sprint team, a project), optionally date and role. It is a
 * two-mode network; its one-mode projection ties two actors once per
 * activity they share (Breiger 1974, "The duality of persons and groups",
 * Social Forces 53:181). Weight per shared activity: 1 (the count of shared
 * activities, NetworkX's bipartite.weighted_projected_graph) or, with
 * --projection newman, 1/(n-1) for an activity of n participants (Newman
 * 2001, "Scientific collaboration networks II", Phys. Rev. E 64:016132;
 * NetworkX's collaboration_weighted_projected_graph). An actor listed twice
 * in one activity takes part once; an activity of one participant makes no
 * tie but is kept (activities.csv lists it). Participations dated outside
 * --from/--to are left out. The role column is read and not used yet. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static const char *const syn_actor[] = {"actor", "id", "actor_id", "aktør", "aktor", "person",
                                        "person_id", "participant", "deltager", "deltaker", NULL};

typedef struct aff_ctx {
    bm_network *net;
    const bm_load_options *opt;
    const char *path;
    size_t *ids_cap;
    int header_done;
    size_t ncols;
    long c_actor, c_act, c_date;
    bm_date_format date_format;
    const char *date_from, *date_to; /* ISO or "" */
    /* activity names: an open-addressing table of indexes into names */
    char **names;
    size_t n_names, names_cap;
    uint32_t *slots; /* index + 1; 0 empty */
    size_t slot_cap;
    char (*first)[11], (*last)[11];
    uint64_t *pairs; /* activity << 32 | actor */
    size_t n_pairs, pairs_cap;
} aff_ctx;

static bm_status activity_index(aff_ctx *c, const char *s, size_t len, uint32_t *out)
{
    uint64_t hv = bm_hash_bytes(s, len);
    if (c->slot_cap) {
        size_t h = (size_t)hv & (c->slot_cap - 1);
        while (c->slots[h]) {
            const char *n = c->names[c->slots[h] - 1];
            if (strncmp(n, s, len) == 0 && n[len] == '\0') {
                *out = c->slots[h] - 1;
                return BM_OK;
            }
            h = (h + 1) & (c->slot_cap - 1);
        }
    }
    if (c->n_names >= UINT32_MAX - 1)
        return bm_error_set(BM_EINPUT, "%s: more than 2^32 activities", c->path);
    if (c->n_names == c->names_cap) {
        size_t cap = c->names_cap ? 2 * c->names_cap : 64;
        char **nm = realloc(c->names, cap * sizeof *nm);
        if (nm)
            c->names = nm;
        char(*f)[11] = realloc(c->first, cap * sizeof *f);
        if (f)
            c->first = f;
        char(*l)[11] = realloc(c->last, cap * sizeof *l);
        if (l)
            c->last = l;
        if (!nm || !f || !l)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        c->names_cap = cap;
    }
    if (2 * (c->n_names + 1) > c->slot_cap) {
        size_t cap = c->slot_cap ? 2 * c->slot_cap : 128;
        uint32_t *sl = calloc(cap, sizeof *sl);
        if (!sl)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        for (size_t k = 0; k < c->n_names; k++) {
            size_t h = (size_t)bm_hash_bytes(c->names[k], strlen(c->names[k])) & (cap - 1);
            while (sl[h])
                h = (h + 1) & (cap - 1);
            sl[h] = (uint32_t)k + 1;
        }
        free(c->slots);
        c->slots = sl;
        c->slot_cap = cap;
    }
    char *copy = bm_arena_strndup(&c->net->arena, s, len);
    if (!copy)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    size_t h = (size_t)hv & (c->slot_cap - 1);
    while (c->slots[h])
        h = (h + 1) & (c->slot_cap - 1);
    c->slots[h] = (uint32_t)c->n_names + 1;
    c->names[c->n_names] = copy;
    c->first[c->n_names][0] = '\0';
    c->last[c->n_names][0] = '\0';
    *out = (uint32_t)c->n_names++;
    return BM_OK;
}


static bm_status aff_header(aff_ctx *c, const bm_csv_record *rec)
{
    char loc[512], cols[256], syn[200];
    c->c_actor = bm_header_pick(rec, NULL, syn_actor);
    c->c_act = bm_header_pick(rec, NULL, bm_syn_activity);
    c->c_date = bm_header_pick(rec, NULL, bm_syn_date);
    if (c->c_actor < 0)
        return bm_error_set(BM_EINPUT, "%s: no actor column in the header (looked for %s; it has %s)",
                            bm_loc(loc, sizeof loc, c->path, rec, -1),
                            bm_syn_list(syn_actor, syn, sizeof syn),
                            bm_header_list(rec, cols, sizeof cols));
    if (c->c_act < 0)
        return bm_error_set(BM_EINPUT, "%s: no activity column in the header (looked for %s; it has %s)",
                            bm_loc(loc, sizeof loc, c->path, rec, -1),
                            bm_syn_list(bm_syn_activity, syn, sizeof syn),
                            bm_header_list(rec, cols, sizeof cols));
    c->ncols = rec->nfields;
    c->header_done = 1;
    return BM_OK;
}

static bm_status aff_row(const bm_csv_record *rec, void *vctx)
{
    aff_ctx *c = vctx;
    char loc[512];
    bm_status st;
    if (!c->header_done)
        return aff_header(c, rec);
    if (rec->nfields > c->ncols)
        return bm_error_set(BM_EINPUT, "%s: %zu fields, but the header has %zu columns",
                            bm_loc(loc, sizeof loc, c->path, rec, (long)c->ncols), rec->nfields,
                            c->ncols);
    char *actor = (size_t)c->c_actor < rec->nfields ? rec->fields[c->c_actor] : (char *)"";
    size_t alen = bm_i_trim(&actor, (size_t)c->c_actor < rec->nfields ? rec->lens[c->c_actor] : 0);
    char *act = (size_t)c->c_act < rec->nfields ? rec->fields[c->c_act] : (char *)"";
    size_t blen = bm_i_trim(&act, (size_t)c->c_act < rec->nfields ? rec->lens[c->c_act] : 0);
    if (alen == 0)
        return bm_error_set(BM_EINPUT, "%s: empty actor id", bm_loc(loc, sizeof loc, c->path, rec, c->c_actor));
    if (blen == 0)
        return bm_error_set(BM_EINPUT, "%s: empty activity", bm_loc(loc, sizeof loc, c->path, rec, c->c_act));
    if (alen > BM_MAX_ID_BYTES)
        return bm_error_set(BM_EINPUT, "%s: actor id of %zu bytes; ids are at most %d bytes",
                            bm_loc(loc, sizeof loc, c->path, rec, c->c_actor), alen, BM_MAX_ID_BYTES);
    char iso[11] = "";
    if (c->c_date >= 0 && (size_t)c->c_date < rec->nfields) {
        char *d = rec->fields[c->c_date];
        size_t dlen = bm_i_trim(&d, rec->lens[c->c_date]);
        if (dlen) {
            int r = bm_date_to_iso(d, dlen, c->date_format, iso);
            if (r != 0)
                return bm_error_set(BM_EINPUT, r == -2 ? "%s: date '%.*s' is not a day of the calendar"
                                                      : "%s: date '%.*s' does not have the form %s",
                                    bm_loc(loc, sizeof loc, c->path, rec, c->c_date), (int)dlen, d,
                                    bm_date_format_name(c->date_format));
        }
    }
    if ((c->date_from[0] || c->date_to[0]) && c->c_date >= 0) {
        if (iso[0] == '\0')
            return bm_error_set(BM_EINPUT, "%s: empty date, so the participation cannot be placed in "
                                "the --from/--to window", bm_loc(loc, sizeof loc, c->path, rec, c->c_date));
        if ((c->date_from[0] && strcmp(iso, c->date_from) < 0) ||
            (c->date_to[0] && strcmp(iso, c->date_to) > 0)) {
            c->net->aff_outside_window++;
            return BM_OK;
        }
    }
    long idx;
    int added;
    if ((st = bm_i_intern(c->net, c->ids_cap, actor, alen, &idx, &added)) != BM_OK)
        return st;
    if (added && c->opt->strict && c->net->has_actors_file)
        return bm_error_set(BM_EINPUT, "%s: actor '%.*s' is not in the actors file %s (--strict)",
                            bm_loc(loc, sizeof loc, c->path, rec, c->c_actor), (int)alen, actor,
                            c->opt->actors_path);
    uint32_t a = 0;
    if ((st = activity_index(c, act, blen, &a)) != BM_OK)
        return st;
    if (iso[0]) {
        if (!c->first[a][0] || strcmp(iso, c->first[a]) < 0)
            memcpy(c->first[a], iso, 11);
        if (!c->last[a][0] || strcmp(iso, c->last[a]) > 0)
            memcpy(c->last[a], iso, 11);
    }
    if (c->n_pairs == c->pairs_cap) {
        size_t cap = c->pairs_cap ? 2 * c->pairs_cap : 1024;
        uint64_t *p = realloc(c->pairs, cap * sizeof *p);
        if (!p)
            return bm_error_set(BM_EINTERNAL, "out of memory");
        c->pairs = p;
        c->pairs_cap = cap;
    }
    c->pairs[c->n_pairs++] = ((uint64_t)a << 32) | (uint64_t)idx;
    c->net->participations++;
    return BM_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

bm_status bm_i_read_affiliations(bm_network *net, const bm_load_options *opt, size_t *ids_cap,
                                 const char *date_from, const char *date_to)
{
    bm_status st = BM_OK;
    aff_ctx c;
    memset(&c, 0, sizeof c);
    c.net = net;
    c.opt = opt;
    c.path = opt->affiliations_path;
    c.ids_cap = ids_cap;
    c.date_from = date_from;
    c.date_to = date_to;
    if (bm_date_format_parse(opt->date_format, &c.date_format) != 0)
        return bm_error_set(BM_EUSAGE, "--date-format '%s' is not known", opt->date_format);
    bm_csv_info info;
    if ((st = bm_i_read_table(c.path, opt->affiliations_sheet, opt, aff_row, &c, &info)) != BM_OK)
        goto done;
    if (!c.header_done) {
        st = bm_error_set(BM_EINPUT, "%s:1: empty file (expected a header with actor and activity "
                          "columns)", c.path);
        goto done;
    }
    if ((date_from[0] || date_to[0]) && c.c_date < 0) {
        st = bm_error_set(BM_EINPUT, "%s:1: --from/--to and --by place participations by date, "
                          "and the header has no date column (leave --affiliations out of a --by "
                          "run, or date them)", c.path);
        goto done;
    }
    /* group by activity, each activity's actors ascending, once each */
    if (c.n_pairs) /* qsort of NULL is undefined even for 0 elements */
        qsort(c.pairs, c.n_pairs, sizeof *c.pairs, cmp_u64);
    size_t m = 0;
    for (size_t i = 0; i < c.n_pairs; i++)
        if (i == 0 || c.pairs[i] != c.pairs[i - 1])
            c.pairs[m++] = c.pairs[i];
    net->n_activities = c.n_names;
    net->act_names = malloc((c.n_names ? c.n_names : 1) * sizeof *net->act_names);
    net->act_first = malloc((c.n_names ? c.n_names : 1) * sizeof *net->act_first);
    net->act_last = malloc((c.n_names ? c.n_names : 1) * sizeof *net->act_last);
    net->act_off = calloc(c.n_names + 1, sizeof *net->act_off);
    net->act_members = malloc((m ? m : 1) * sizeof *net->act_members);
    if (!net->act_names || !net->act_first || !net->act_last || !net->act_off || !net->act_members) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < c.n_names; k++) {
        net->act_names[k] = c.names[k];
        memcpy(net->act_first[k], c.first[k], 11);
        memcpy(net->act_last[k], c.last[k], 11);
    }
    for (size_t i = 0; i < m; i++) {
        net->act_off[(c.pairs[i] >> 32) + 1]++;
        net->act_members[i] = (uint32_t)(c.pairs[i] & 0xffffffffu);
    }
    for (size_t k = 0; k < c.n_names; k++)
        net->act_off[k + 1] += net->act_off[k];
    if (igraph_vector_int_init(&net->tie_activities, 0)) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    net->has_affiliations = 1;
    net->input_path[net->n_inputs] = bm_arena_strndup(&net->arena, c.path, strlen(c.path));
    memcpy(net->input_sha256[net->n_inputs], info.sha256, 65);
    net->n_inputs++;
done:
    free(c.names);
    free(c.slots);
    free(c.first);
    free(c.last);
    free(c.pairs);
    return st;
}

bm_status bm_i_project_affiliations(const bm_network *net, int newman, bm_i_pair **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t total = 0;
    for (size_t k = 0; k < net->n_activities; k++) {
        size_t p = net->act_off[k + 1] - net->act_off[k];
        if (p > 65536 || total + p * (p - 1) / 2 > ((size_t)1 << 31))
            return bm_error_set(BM_EINPUT, "%s: activity '%s' has %zu participants; its %zu "
                                "co-participation pairs (with the other activities') are more than "
                                "this projection takes (2^31)", net->input_path[net->n_inputs - 1],
                                net->act_names[k], p, p * (p - 1) / 2);
        total += p * (p - 1) / 2;
    }
    bm_i_pair *pairs = malloc((total ? total : 1) * sizeof *pairs);
    if (!pairs)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    size_t at = 0;
    for (size_t k = 0; k < net->n_activities; k++) {
        size_t lo = net->act_off[k], hi = net->act_off[k + 1], p = hi - lo;
        if (p < 2)
            continue;
        double w = newman ? 1.0 / (double)(p - 1) : 1.0;
        for (size_t i = lo; i < hi; i++)
            for (size_t j = i + 1; j < hi; j++) {
                pairs[at].u = net->act_members[i];
                pairs[at].v = net->act_members[j];
                pairs[at].w = w;
                at++;
            }
    }
    *out = pairs;
    *n = at;
    return BM_OK;
}
