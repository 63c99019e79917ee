/* test_options.c: options by name (bridgemap/options.h), the flat API of the
 * Python binding. Each name lands in the right field of the structs, a bad
 * value gets the command line's message, and the runners give the figures
 * computed by hand below. Run under ASan/LSan by make test-sanitize, so every
 * object the runners hand out is freed by its own function. */
#define _GNU_SOURCE /* mkstemps, mkdtemp */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "bridgemap.h"

static bm_options *opts(const char *const *kv)
{
    bm_options *o = NULL;
    CHECK(bm_options_new(&o) == BM_OK);
    for (; kv && kv[0]; kv += 2)
        if (bm_options_set(o, kv[0], kv[1]) != BM_OK)
            fprintf(stderr, "set %s=%s: %s\n", kv[0], kv[1], bm_error_last());
    return o;
}

static void test_fields(void)
{
    const char *kv[] = {"records", "r.csv", "actors", "a.csv", "source-col", "Fra",
                        "delimiter", "tab", "projection", "newman", "from", "2024-01-01",
                        "to", "2024-06-30", "strict", "true", "sheet", "Ark1",
                        "color_by", "unit", "seed", "42", "permutations", "99", "jobs", "1",
                        "paths", "exact", "raw_csv", "yes", "before_label", "T0", NULL};
    bm_options *o = opts(kv);
    const bm_load_options *lo = bm_options_load(o);
    CHECK_STR(lo->records_path, "r.csv");
    CHECK_STR(lo->actors_path, "a.csv");
    CHECK_STR(lo->source_col, "Fra");
    CHECK(lo->delimiter == '\t');
    CHECK(lo->projection == BM_PROJECT_NEWMAN);
    CHECK_STR(lo->date_from, "2024-01-01");
    CHECK_STR(lo->date_to, "2024-06-30");
    CHECK(lo->strict == 1);
    CHECK_STR(lo->records_sheet, "Ark1");
    CHECK(lo->target_col == NULL && lo->directed == 0);
    const bm_analysis_options *ao = bm_options_analysis(o);
    CHECK_STR(ao->group, "unit");
    CHECK(ao->seed == 42 && ao->permutations == 99 && ao->jobs == 1);
    CHECK(ao->paths == BM_PATHS_EXACT && ao->raw_csv == 1 && ao->top == 10);
    const bm_compare_options *co = bm_options_compare(o);
    CHECK_STR(co->before_label, "T0");
    CHECK(co->after_label == NULL && co->analysis.seed == 42);
    /* NULL restores the default */
    CHECK(bm_options_set(o, "seed", NULL) == BM_OK);
    CHECK(bm_options_analysis(o)->seed == 1);
    CHECK(bm_options_set(o, "delimiter", ";") == BM_OK);
    CHECK(bm_options_load(o)->delimiter == ';');
    bm_options_free(o);

    bm_options_free(NULL);
    CHECK(bm_options_new(&o) == BM_OK);
    CHECK(bm_options_analysis(o)->seed == 1 && bm_options_load(o)->records_path == NULL);
    /* refused values, with the command line's wording */
    CHECK(bm_options_set(o, "seed", "-3") == BM_EUSAGE);
    CHECK_STR(bm_error_last(), "seed needs a whole number >= 0, not '-3'");
    CHECK(bm_options_set(o, "jobs", "0") == BM_EUSAGE);
    CHECK_STR(bm_error_last(), "jobs needs a whole number from 1 to 4096, not '0'");
    CHECK(bm_options_set(o, "view", "map") == BM_EUSAGE);
    CHECK_STR(bm_error_last(), "view must be network, silo or groups, not 'map'");
    CHECK(bm_options_set(o, "export", "graphml,csv") == BM_EUSAGE);
    CHECK(bm_options_set(o, "epsilon", "1") == BM_EUSAGE);
    CHECK(bm_options_set(o, "directed", "maybe") == BM_EUSAGE);
    CHECK(bm_options_set(o, "colour", "x") == BM_EUSAGE);
    CHECK_STR(bm_error_last(), "unknown option 'colour'");
    CHECK(bm_options_set(o, "a_name_longer_than_any_option_there_is", "x") == BM_EUSAGE);
    /* a refused value leaves the option as it was */
    CHECK(bm_options_analysis(o)->seed == 1);
    bm_network *net = NULL;
    CHECK(bm_options_load_network(&net, o) == BM_EUSAGE && net == NULL);
    bm_options_free(o);
}

/* Four actors, X = {a, b}, Y = {c, d}.
 * Before: a-b, c-d (both inside): cross-group share 0/2, network E-I -1.
 * After:  a-b, b-c, a-d: share 2/3; E-I (2 - 1)/3 = 1/3. */
static const char *ACTORS = "id,name,g\na,Ann,X\nb,Bo,X\nc,Cy,Y\nd,Di,Y\n";
static const char *BEFORE = "source,target\na,b\nc,d\n";
static const char *AFTER = "source,target\na,b\nb,c\na,d\n";

static double summary_number(const bm_table *t, const char *col)
{
    long c = bm_table_find(t, col);
    return c < 0 ? -99 : bm_table_number(t, (size_t)c, 0);
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    closedir(d);
    rmdir(dir);
}

static void test_runners(void)
{
    char *ap = write_temp(ACTORS), *bp = write_temp(BEFORE), *fp = write_temp(AFTER);
    const char *kv[] = {"records", bp, "actors", ap, "group", "g", "permutations", "199", "jobs", "1", NULL};
    bm_options *ob = opts(kv), *oa = opts(kv);
    CHECK(bm_options_set(oa, "records", fp) == BM_OK);
    bm_network *nb = NULL, *na = NULL;
    CHECK(bm_options_load_network(&nb, ob) == BM_OK);
    CHECK(bm_options_load_network(&na, oa) == BM_OK);
    CHECK(bm_network_tie_count(nb) == 2 && bm_network_tie_count(na) == 3);

    bm_analysis *a = NULL;
    CHECK(bm_options_run_analysis(&a, na, oa) == BM_OK);
    CHECK(bm_analysis_network(a) == na);
    CHECK_STR(bm_grouping_column(bm_analysis_grouping(a, 0)), "g");
    CHECK_NUM(summary_number(bm_analysis_summary(a), "ei_index"), 1.0 / 3);
    /* the column copy gives what the cell getter gives */
    const bm_table *at = bm_analysis_actors(a);
    long deg = bm_table_find(at, "degree");
    double got[4];
    CHECK(deg >= 0);
    bm_table_copy_numbers(at, (size_t)deg, got);
    CHECK_NUM(got[0] + got[1] + got[2] + got[3], 6); /* 2 x 3 ties */
    bm_table_copy_numbers(at, 0, got);               /* id: a text column */
    CHECK(isnan(got[0]));
    char *texts = NULL;
    size_t len = 0;
    CHECK(bm_table_copy_texts(at, 0, &texts, &len) == BM_OK);
    CHECK(len == 8 && texts && memcmp(texts, "a\0b\0c\0d\0", 8) == 0);
    free(texts);
    CHECK(bm_table_copy_texts(at, (size_t)deg, &texts, &len) == BM_OK); /* a number column */
    CHECK(len == 4 && texts && memcmp(texts, "\0\0\0\0", 4) == 0);
    free(texts);

    char *text = NULL;
    CHECK(bm_options_narrative(a, oa, &text) == BM_OK && text && strstr(text, "E-I index"));
    bm_string_free(text);

    char dir[] = "/tmp/bm_options_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[600];
    snprintf(path, sizeof path, "%s/map.dot", dir);
    CHECK(bm_options_render(a, oa, path) == BM_OK && access(path, F_OK) == 0);
    CHECK(bm_options_set(oa, "actor", "zz") == BM_OK);
    CHECK(bm_options_render(a, oa, path) == BM_EUSAGE);
    CHECK_STR(bm_error_last(), "actor: no actor 'zz' in the network");
    CHECK(bm_options_set(oa, "actor", NULL) == BM_OK);
    CHECK(bm_options_set(oa, "size_by", "nosuch") == BM_OK);
    CHECK(bm_options_render(a, oa, path) == BM_EUSAGE);
    CHECK(bm_options_set(oa, "size_by", NULL) == BM_OK);
    CHECK(bm_options_set(oa, "view", "groups") == BM_OK);
    CHECK(bm_options_render(a, oa, path) == BM_OK);
    /* colour by another column than the analysis's grouping, or by one that does not exist */
    CHECK(bm_options_set(oa, "view", NULL) == BM_OK);
    CHECK(bm_options_set(oa, "color_by", "name") == BM_OK);
    CHECK(bm_options_render(a, oa, path) == BM_OK);
    CHECK(bm_options_set(oa, "color_by", "nosuch") == BM_OK);
    CHECK(bm_options_render(a, oa, path) == BM_EUSAGE);
    CHECK(bm_options_set(oa, "color_by", "g") == BM_OK);
    snprintf(path, sizeof path, "%s/out", dir);
    CHECK(bm_options_set(oa, "no_map", "TRUE") == BM_OK);
    CHECK(bm_options_write_analysis(a, oa, path) == BM_OK);
    snprintf(path, sizeof path, "%s/out/actors.csv", dir);
    CHECK(access(path, F_OK) == 0);
    snprintf(path, sizeof path, "%s/out/map.svg", dir);
    CHECK(access(path, F_OK) != 0); /* no_map */
    bm_analysis_free(a);

    /* what an analysis keeps of its options is its own: set them again and
     * write (ASan would see a use after free) */
    CHECK(bm_options_set(oa, "export", "graphml") == BM_OK);
    CHECK(bm_options_run_analysis(&a, na, oa) == BM_OK);
    CHECK(bm_options_set(oa, "export", "kumu") == BM_OK);
    snprintf(path, sizeof path, "%s/ex", dir);
    CHECK(bm_options_write_analysis(a, oa, path) == BM_OK);
    snprintf(path, sizeof path, "%s/ex/network.graphml", dir);
    CHECK(access(path, F_OK) == 0);
    snprintf(path, sizeof path, "%s/ex/network.json", dir);
    CHECK(access(path, F_OK) != 0);
    bm_analysis_free(a);
    CHECK(bm_options_set(oa, "export", NULL) == BM_OK);

    bm_compare *c = NULL;
    CHECK(bm_options_set(ob, "before_label", "T0") == BM_OK);
    CHECK(bm_options_run_compare(&c, nb, na, ob) == BM_OK);
    CHECK(bm_options_set(ob, "before_label", "changed") == BM_OK); /* c keeps "T0" */
    CHECK_NUM(bm_compare_test_value(c, "share_before"), 0);
    CHECK_NUM(bm_compare_test_value(c, "share_after"), 2.0 / 3);
    CHECK_NUM(bm_compare_test_value(c, "change"), 2.0 / 3);
    CHECK_NUM(bm_compare_test_value(c, "ties_before"), 2);
    CHECK_NUM(bm_compare_test_value(c, "ties_after"), 3);
    CHECK_NUM(bm_compare_test_value(c, "permutations"), 199);
    CHECK(isnan(bm_compare_test_value(c, "nosuch")));
    double p = bm_compare_test_value(c, "p_value");
    CHECK(p > 0 && p <= 1);
    CHECK(bm_options_compare_narrative(c, ob, &text) == BM_OK && text && *text);
    bm_string_free(text);
    snprintf(path, sizeof path, "%s/cmp", dir);
    CHECK(bm_options_write_compare(c, ob, path) == BM_OK);
    snprintf(path, sizeof path, "%s/cmp/compare_summary.csv", dir);
    CHECK(access(path, F_OK) == 0);
    snprintf(path, sizeof path, "%s/cmp/compare.json", dir);
    FILE *jf = fopen(path, "r");
    char json[8192] = "";
    CHECK(jf && fread(json, 1, sizeof json - 1, jf) > 0);
    if (jf)
        fclose(jf);
    CHECK(strstr(json, "\"T0\"") != NULL && strstr(json, "changed") == NULL);
    bm_compare_free(c);
    CHECK(bm_options_set(ob, "by", "year") == BM_OK);
    CHECK(bm_options_run_compare(&c, nb, na, ob) == BM_EUSAGE && c == NULL);
    CHECK(bm_options_set(ob, "by", NULL) == BM_OK);

    /* a header and no record: refused as the command line refuses it */
    char *empty = write_temp("source,target\n");
    CHECK(bm_options_set(ob, "records", empty) == BM_OK);
    bm_network *ne = NULL;
    CHECK(bm_options_load_network(&ne, ob) == BM_EINPUT && ne == NULL);
    char want_empty[160];
    snprintf(want_empty, sizeof want_empty, "%s: no records after the header (nothing to analyse)", empty);
    CHECK_STR(bm_error_last(), want_empty);
    unlink(empty);
    free(empty);

    /* bad input: the loader's FILE:LINE:COLUMN message comes through */
    char *bad = write_temp("source,target,weight\na,b,x\n");
    CHECK(bm_options_set(ob, "records", bad) == BM_OK);
    bm_network *nx = NULL;
    CHECK(bm_options_load_network(&nx, ob) == BM_EINPUT && nx == NULL);
    char want[128];
    snprintf(want, sizeof want, "%s:2:3:", bad);
    CHECK(strncmp(bm_error_last(), want, strlen(want)) == 0);

    snprintf(path, sizeof path, "%s/out", dir);
    remove_tree(path);
    snprintf(path, sizeof path, "%s/cmp", dir);
    remove_tree(path);
    snprintf(path, sizeof path, "%s/ex", dir);
    remove_tree(path);
    remove_tree(dir);
    bm_network_free(nb);
    bm_network_free(na);
    bm_options_free(ob);
    bm_options_free(oa);
    unlink(bad);
    unlink(ap);
    unlink(bp);
    unlink(fp);
    free(bad);
    free(ap);
    free(bp);
    free(fp);
}

int main(void)
{
    bm_init(1);
    test_fields();
    test_runners();
    return check_done();
}
