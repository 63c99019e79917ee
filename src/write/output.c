/* output.c: CSV and JSON writers and the whole-or-nothing output directory.
 *
 * Writers read tables and never compute. Every file goes to a temporary name
 * in its own directory first and is renamed into place when fully written
 * and flushed, so a reader never sees half a file; bm_output stages a set of
 * files in a temporary directory inside OUT and moves them in together.
 * JSON goes through cJSON (escaping, and NaN written as null). */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include "bridgemap/output.h"
#include "internal.h"

/* ---- CSV ----------------------------------------------------------------- */

/* OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection):
 * cells starting with = + - @ TAB CR; a plain number is no formula. */
int bm_csv_needs_guard(const char *s)
{
    if (!s || s[0] == '\0' || !strchr("=+-@\t\r", s[0]))
        return 0;
    if (s[0] == '+' || s[0] == '-') {
        const char *p = s + 1;
        int digits = 0;
        while (*p >= '0' && *p <= '9')
            p++, digits++;
        if (*p == '.')
            for (p++; *p >= '0' && *p <= '9'; p++)
                digits++;
        if (digits && (*p == 'e' || *p == 'E')) {
            const char *q = p + 1;
            if (*q == '+' || *q == '-')
                q++;
            if (*q >= '0' && *q <= '9') {
                while (*q >= '0' && *q <= '9')
                    q++;
                p = q;
            }
        }
        if (digits && *p == '\0')
            return 0;
    }
    return 1;
}

static int put_csv_text(FILE *f, const char *s, unsigned flags)
{
    int guard = !(flags & BM_CSV_RAW) && bm_csv_needs_guard(s);
    if (!guard && strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ' &&
        (s[0] == '\0' || s[strlen(s) - 1] != ' '))
        return fputs(s, f) < 0 ? -1 : 0;
    /* a guarded cell is quoted, its ' inside the quotes before the text */
    if (fputc('"', f) == EOF || (guard && fputc('\'', f) == EOF))
        return -1;
    for (const char *p = s; *p; p++) {
        if (*p == '"' && fputc('"', f) == EOF)
            return -1;
        if (fputc(*p, f) == EOF)
            return -1;
    }
    return fputc('"', f) == EOF ? -1 : 0;
}

bm_status bm_write_csv_stream(const bm_table *t, FILE *f)
{
    return bm_write_csv_stream_ex(t, f, 0);
}

bm_status bm_write_csv_stream_ex(const bm_table *t, FILE *f, unsigned flags)
{
    size_t nc = bm_table_cols(t), nr = bm_table_rows(t);
    char num[32];
    int bad = 0;
    for (size_t c = 0; c < nc; c++) {
        if (c && fputc(',', f) == EOF)
            bad = 1;
        bad |= put_csv_text(f, bm_table_col_name(t, c), flags) != 0;
    }
    bad |= fputc('\n', f) == EOF;
    for (size_t r = 0; r < nr && !bad; r++) {
        for (size_t c = 0; c < nc; c++) {
            if (c && fputc(',', f) == EOF)
                bad = 1;
            if (bm_table_col_type(t, c) == BM_COL_TEXT) {
                bad |= put_csv_text(f, bm_table_text(t, c, r), flags) != 0;
            } else {
                bm_format_number(num, bm_table_number(t, c, r));
                bad |= fputs(num, f) < 0;
            }
        }
        bad |= fputc('\n', f) == EOF;
    }
    if (bad || ferror(f))
        return bm_error_set(BM_EINTERNAL, "writing %s: %s", bm_table_name(t), strerror(errno));
    return BM_OK;
}

/* Opens a temporary file next to path; *tmp receives its malloc'd name
 * (internal.h: shared with export.c). */
bm_status bm_i_open_temp(const char *path, char **tmp, FILE **f)
{
    size_t len = strlen(path) + 32;
    *tmp = malloc(len);
    if (!*tmp)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    snprintf(*tmp, len, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(*tmp);
    if (fd < 0) {
        bm_status st = bm_error_set(BM_EINTERNAL, "%s: cannot create: %s", path, strerror(errno));
        free(*tmp);
        *tmp = NULL;
        return st;
    }
    fchmod(fd, 0644);
    *f = fdopen(fd, "w");
    if (!*f) {
        close(fd);
        unlink(*tmp);
        free(*tmp);
        *tmp = NULL;
        return bm_error_set(BM_EINTERNAL, "%s: cannot open: %s", path, strerror(errno));
    }
    return BM_OK;
}

/* Closes f and renames tmp to path when st is BM_OK and everything reached
 * the disk; removes tmp otherwise. */
bm_status bm_i_close_temp(bm_status st, const char *path, char *tmp, FILE *f)
{
    if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0) {
        if (st == BM_OK)
            st = bm_error_set(BM_EINTERNAL, "%s: write failed: %s", path, strerror(errno));
    }
    if (fclose(f) != 0 && st == BM_OK)
        st = bm_error_set(BM_EINTERNAL, "%s: write failed: %s", path, strerror(errno));
    if (st == BM_OK && rename(tmp, path) != 0)
        st = bm_error_set(BM_EINTERNAL, "%s: cannot rename into place: %s", path, strerror(errno));
    if (st != BM_OK)
        unlink(tmp);
    free(tmp);
    return st;
}

bm_status bm_write_csv(const bm_table *t, const char *path)
{
    return bm_write_csv_ex(t, path, 0);
}

bm_status bm_write_csv_ex(const bm_table *t, const char *path, unsigned flags)
{
    char *tmp;
    FILE *f;
    bm_status st = bm_i_open_temp(path, &tmp, &f);
    if (st != BM_OK)
        return st;
    st = bm_write_csv_stream_ex(t, f, flags);
    if (st != BM_OK)
        bm_error_set(st, "%s: %s", path, bm_error_last());
    return bm_i_close_temp(st, path, tmp, f);
}

/* ---- JSON ---------------------------------------------------------------- */

bm_status bm_i_write_whole(const char *path, const char *data, size_t len)
{
    char *tmp;
    FILE *f;
    bm_status st = bm_i_open_temp(path, &tmp, &f);
    if (st != BM_OK)
        return st;
    if (fwrite(data, 1, len, f) != len)
        st = bm_error_set(BM_EINTERNAL, "%s: write failed: %s", path, strerror(errno));
    return bm_i_close_temp(st, path, tmp, f);
}

/* root as indented JSON with a final newline (internal.h). */
bm_status bm_i_write_cjson(cJSON *root, const char *path)
{
    char *text = cJSON_Print(root);
    if (!text)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    size_t len = strlen(text);
    char *withnl = realloc(text, len + 2);
    if (!withnl) {
        cJSON_free(text);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    withnl[len] = '\n';
    withnl[len + 1] = '\0';
    bm_status st = bm_i_write_whole(path, withnl, len + 1);
    free(withnl);
    return st;
}

static cJSON *json_number(double x)
{
    return isfinite(x) ? cJSON_CreateNumber(x) : cJSON_CreateNull();
}

static cJSON *row_object(const bm_table *t, size_t r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    for (size_t c = 0; c < bm_table_cols(t); c++) {
        cJSON *v = bm_table_col_type(t, c) == BM_COL_TEXT
                       ? cJSON_CreateString(bm_table_text(t, c, r))
                       : json_number(bm_table_number(t, c, r));
        if (!v || !cJSON_AddItemToObject(o, bm_table_col_name(t, c), v)) {
            cJSON_Delete(v);
            cJSON_Delete(o);
            return NULL;
        }
    }
    return o;
}

bm_status bm_write_json_rows(const bm_table *t, const char *path)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (size_t r = 0; r < bm_table_rows(t); r++) {
        cJSON *o = row_object(t, r);
        if (!o) {
            cJSON_Delete(arr);
            return bm_error_set(BM_EINTERNAL, "out of memory");
        }
        cJSON_AddItemToArray(arr, o);
    }
    bm_status st = bm_i_write_cjson(arr, path);
    cJSON_Delete(arr);
    return st;
}

bm_status bm_write_summary_json(const bm_table *summary, const bm_network *net,
                                const char *grouping, unsigned long seed, const char *path)
{
    bm_status st = BM_OK;
    cJSON *o = bm_table_rows(summary) ? row_object(summary, 0) : cJSON_CreateObject();
    if (!o)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    /* "directed" is a yes/no fact: a JSON boolean, not 0/1. */
    cJSON *dir = cJSON_GetObjectItemCaseSensitive(o, "directed");
    if (dir)
        cJSON_ReplaceItemInObjectCaseSensitive(o, "directed", cJSON_CreateBool(dir->valuedouble != 0));
    cJSON_AddItemToObject(o, "grouping", grouping ? cJSON_CreateString(grouping) : cJSON_CreateNull());
    cJSON_AddNumberToObject(o, "seed", (double)seed);
    cJSON_AddStringToObject(o, "version", bm_version());
    cJSON *inputs = cJSON_AddArrayToObject(o, "inputs");
    for (size_t k = 0; inputs && k < bm_network_input_count(net); k++) {
        cJSON *in = cJSON_CreateObject();
        const char *p = bm_network_input_path(net, k);
        const char *base = strrchr(p, '/');
        cJSON_AddStringToObject(in, "file", base ? base + 1 : p);
        cJSON_AddStringToObject(in, "path", p);
        cJSON_AddStringToObject(in, "sha256", bm_network_input_sha256(net, k));
        cJSON_AddItemToArray(inputs, in);
    }
    /* what loading did to the records, so a reader can check nothing was lost silently */
    cJSON *ld = cJSON_AddObjectToObject(o, "loading");
    if (ld) {
        if (bm_network_records_format(net))
            cJSON_AddStringToObject(ld, "format", bm_network_records_format(net));
        cJSON_AddNumberToObject(ld, "records", (double)bm_network_record_count(net));
        cJSON_AddNumberToObject(ld, "records_outside_window",
                                (double)bm_network_records_outside_window(net));
        cJSON_AddNumberToObject(ld, "self_loops_dropped", (double)bm_network_self_loops_dropped(net));
        cJSON_AddNumberToObject(ld, "empty_weights", (double)bm_network_empty_weights(net));
        cJSON_AddNumberToObject(ld, "unlisted_actors", (double)bm_network_unlisted_count(net));
        if (bm_network_has_affiliations(net)) {
            cJSON_AddNumberToObject(ld, "participations", (double)bm_network_participation_count(net));
            cJSON_AddNumberToObject(ld, "participations_outside_window",
                                    (double)bm_network_participations_outside_window(net));
            cJSON_AddNumberToObject(ld, "activities", (double)bm_network_activity_count(net));
        }
    }
    st = bm_i_write_cjson(o, path);
    cJSON_Delete(o);
    return st;
}

/* ---- staged output directory -------------------------------------------- */

struct bm_output {
    char *dir, *stage;
    char *path;       /* scratch for bm_output_path */
    int committed;
};

bm_status bm_output_open(bm_output **out, const char *dir)
{
    *out = NULL;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return bm_error_set(BM_EINTERNAL, "%s: cannot create directory: %s", dir, strerror(errno));
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return bm_error_set(BM_EINTERNAL, "%s: not a directory", dir);
    bm_output *o = calloc(1, sizeof *o);
    if (!o)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    size_t len = strlen(dir) + 40;
    o->dir = strdup(dir);
    o->stage = malloc(len);
    if (!o->dir || !o->stage) {
        bm_output_free(o);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    snprintf(o->stage, len, "%s/.bridgemap-staging-XXXXXX", dir);
    if (!mkdtemp(o->stage)) {
        bm_status st = bm_error_set(BM_EINTERNAL, "%s: cannot create a staging directory: %s", dir,
                                    strerror(errno));
        free(o->stage);
        o->stage = NULL;
        bm_output_free(o);
        return st;
    }
    *out = o;
    return BM_OK;
}

const char *bm_output_path(bm_output *o, const char *name)
{
    free(o->path);
    size_t len = strlen(o->stage) + strlen(name) + 2;
    o->path = malloc(len);
    if (!o->path)
        return NULL;
    snprintf(o->path, len, "%s/%s", o->stage, name);
    return o->path;
}

static char *join(const char *dir, const char *name, const char *prefix)
{
    size_t len = strlen(dir) + strlen(prefix) + strlen(name) + 2;
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s/%s%s", dir, prefix, name);
    return p;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Moves the staged files into the output directory as one step: it checks
 * first that nothing is in the way (a directory with an output's name), keeps
 * each file it replaces under a hidden name in the staging directory, and
 * when a move fails puts every file back as it was. */
bm_status bm_output_commit(bm_output *o)
{
    bm_status st = BM_OK;
    char **names = NULL;
    size_t n = 0, cap = 0, moved = 0;
    int *had_old = NULL;
    DIR *d = opendir(o->stage);
    if (!d)
        return bm_error_set(BM_EINTERNAL, "%s: %s", o->stage, strerror(errno));
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                st = bm_error_set(BM_EINTERNAL, "out of memory");
                break;
            }
            names = p;
        }
        if (!(names[n] = strdup(ent->d_name))) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
            break;
        }
        n++;
    }
    closedir(d);
    if (st != BM_OK)
        goto done;
    qsort(names, n, sizeof *names, cmp_name);
    had_old = calloc(n ? n : 1, sizeof *had_old);
    if (!had_old) {
        st = bm_error_set(BM_EINTERNAL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n && st == BM_OK; i++) {
        char *to = join(o->dir, names[i], "");
        struct stat sb;
        if (!to)
            st = bm_error_set(BM_EINTERNAL, "out of memory");
        else if (lstat(to, &sb) == 0 && S_ISDIR(sb.st_mode))
            st = bm_error_set(BM_EINTERNAL, "%s: a directory is in the way of this output file", to);
        free(to);
    }
    for (; moved < n && st == BM_OK; moved++) {
        char *from = join(o->stage, names[moved], ""), *to = join(o->dir, names[moved], "");
        char *old = join(o->stage, names[moved], ".old-");
        if (!from || !to || !old) {
            st = bm_error_set(BM_EINTERNAL, "out of memory");
        } else {
            had_old[moved] = rename(to, old) == 0;
            if (rename(from, to) != 0) {
                st = bm_error_set(BM_EINTERNAL, "%s: cannot move into place: %s", to, strerror(errno));
                if (had_old[moved])
                    rename(old, to);
            }
        }
        free(from);
        free(to);
        free(old);
        if (st != BM_OK)
            break;
    }
    /* on failure, undo the moves already made: new files back to the
     * staging directory (removed with it), old files back into place */
    for (size_t i = 0; i < n && i < moved && st != BM_OK; i++) {
        char *from = join(o->stage, names[i], ""), *to = join(o->dir, names[i], "");
        char *old = join(o->stage, names[i], ".old-");
        if (from && to && old) {
            rename(to, from);
            if (had_old[i])
                rename(old, to);
        }
        free(from);
        free(to);
        free(old);
    }
    if (st == BM_OK) {
        for (size_t i = 0; i < n; i++) {
            char *old = join(o->stage, names[i], ".old-");
            if (old && had_old[i])
                unlink(old);
            free(old);
        }
        rmdir(o->stage);
        o->committed = 1;
    }
done:
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(had_old);
    return st;
}

void bm_output_free(bm_output *o)
{
    if (!o)
        return;
    if (o->stage && !o->committed) {
        DIR *d = opendir(o->stage);
        if (d) {
            struct dirent *ent;
            while ((ent = readdir(d)) != NULL) {
                if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
                    continue;
                size_t l = strlen(o->stage) + strlen(ent->d_name) + 2;
                char *p = malloc(l);
                if (p) {
                    snprintf(p, l, "%s/%s", o->stage, ent->d_name);
                    unlink(p);
                    free(p);
                }
            }
            closedir(d);
        }
        rmdir(o->stage);
    }
    free(o->dir);
    free(o->stage);
    free(o->path);
    free(o);
}
