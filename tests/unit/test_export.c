/* test_export.c: bm_export_format_parse and bm_export_write (export.h) on the
 * null graph, a singleton (undefined measures left out / null), a path written
 * without tables (the whole GraphML file, written out by hand below), and the
 * errors that must leave nothing at the path. NetworkX reads the exports of
 * real datasets in tests/oracle/test_export_oracle.py. */
#define _GNU_SOURCE
#include <unistd.h>
#include "fixture.h"
#include "bridgemap.h"

/* The file's text (malloc'd), or NULL when it does not exist. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = NULL;
    size_t n = 0, cap = 0, got;
    char buf[4096];
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        if (n + got + 1 > cap) {
            cap = 2 * (n + got + 1);
            s = realloc(s, cap);
        }
        memcpy(s + n, buf, got);
        n += got;
    }
    fclose(f);
    if (!s)
        s = calloc(1, 1);
    s[n] = '\0';
    return s;
}

static char dir[] = "/tmp/bm_export_XXXXXX";

static const char *out_path(const char *name)
{
    static char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

/* Exactly the files names (NULL-terminated; NULL: none) in the scratch
 * directory: no temporary file left behind. */
static void check_only(const char *const *names)
{
    size_t want = 0, found = 0;
    while (names && names[want])
        want++;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "ls -A %s", dir);
    FILE *p = popen(cmd, "r");
    char line[256];
    while (p && fgets(line, sizeof line, p)) {
        line[strcspn(line, "\n")] = '\0';
        int known = 0;
        for (size_t k = 0; k < want; k++)
            known |= strcmp(line, names[k]) == 0;
        found++;
        if (!known) {
            check_failures++;
            fprintf(stderr, "unexpected file %s in %s\n", line, dir);
        }
    }
    if (p)
        pclose(p);
    check_count++;
    if (found != want) {
        check_failures++;
        fprintf(stderr, "%zu files in %s, expected %zu\n", found, dir, want);
    }
}

static void test_format_parse(void)
{
    bm_export_format f = BM_EXPORT_KUMU;
    CHECK(bm_export_format_parse("graphml", &f) == 0 && f == BM_EXPORT_GRAPHML);
    CHECK(bm_export_format_parse("GEXF", &f) == 0 && f == BM_EXPORT_GEXF);
    CHECK(bm_export_format_parse("kumu", &f) == 0 && f == BM_EXPORT_KUMU);
    CHECK(bm_export_format_parse("out/net.GraphML", &f) == 0 && f == BM_EXPORT_GRAPHML);
    CHECK(bm_export_format_parse("a.b/net.gexf", &f) == 0 && f == BM_EXPORT_GEXF);
    CHECK(bm_export_format_parse("net.json", &f) == 0 && f == BM_EXPORT_KUMU);
    f = BM_EXPORT_GEXF;
    CHECK(bm_export_format_parse("json", &f) == -1 && f == BM_EXPORT_GEXF);
    CHECK(bm_export_format_parse("a.json/net", &f) == -1); /* the directory's dot is no extension */
    CHECK(bm_export_format_parse("net.xml", &f) == -1);
    CHECK(bm_export_format_parse("", &f) == -1);
    CHECK(bm_export_format_parse(NULL, &f) == -1);
}

static void test_null_graph(void)
{
    bm_network *net = load_text("source,target\n", NULL, 0, 0);
    CHECK(bm_export_write(net, NULL, NULL, NULL, NULL, BM_EXPORT_GRAPHML, out_path("n.graphml")) == BM_OK);
    char *s = slurp(out_path("n.graphml"));
    CHECK(s && strstr(s, "<graph id=\"G\" edgedefault=\"undirected\">\n  </graph>\n</graphml>\n"));
    CHECK(s && !strstr(s, "<node"));
    free(s);
    CHECK(bm_export_write(net, NULL, NULL, NULL, NULL, BM_EXPORT_KUMU, out_path("n.json")) == BM_OK);
    s = slurp(out_path("n.json"));
    CHECK_STR(s, "{\n\t\"elements\":\t[],\n\t\"connections\":\t[]\n}\n");
    free(s);
    CHECK(bm_export_write(net, NULL, NULL, NULL, NULL, BM_EXPORT_GEXF, out_path("n.gexf")) == BM_OK);
    s = slurp(out_path("n.gexf"));
    CHECK(s && strstr(s, "<nodes>\n    </nodes>\n    <edges>\n    </edges>"));
    free(s);
    unlink(out_path("n.graphml"));
    unlink(out_path("n.json"));
    unlink(out_path("n.gexf"));
    bm_network_free(net);
}

static void test_singleton(void)
{
    /* one actor, no ties: closeness and clustering are undefined (NaN), betweenness 0 */
    bm_network *net = load_text("source,target\n", "id,sector\nsolo,public\n", 0, 0);
    bm_grouping *g = group_by(net, "sector");
    bm_table *actors = NULL, *ties = NULL;
    bm_measure_options mo = {.grouping = g, .seed = 1, .permutations = 9};
    CHECK(bm_measures_actors(&actors, net, &mo) == BM_OK);
    CHECK(bm_measures_ties(&ties, net, &mo) == BM_OK);
    CHECK_NUM(bm_table_number(actors, (size_t)bm_table_find(actors, "closeness"), 0), NAN);
    CHECK(bm_export_write(net, g, actors, ties, NULL, BM_EXPORT_GRAPHML, out_path("s.graphml")) == BM_OK);
    char *s = slurp(out_path("s.graphml"));
    long kc = -1;
    /* the key of closeness is declared, but the node has no value for it */
    const char *key = s ? strstr(s, "attr.name=\"closeness\"") : NULL;
    CHECK(key != NULL);
    if (key) {
        const char *id = key;
        while (id > s && strncmp(id, "id=\"d", 5) != 0)
            id--;
        kc = strtol(id + 5, NULL, 10);
        char data[64];
        snprintf(data, sizeof data, "<data key=\"d%ld\">", kc);
        CHECK(strstr(s, data) == NULL);
    }
    CHECK(s && strstr(s, "<node id=\"solo\">\n      <data key=\"d0\">solo</data>\n"));
    free(s);
    /* GEXF: betweenness 0 everywhere: the smallest size; the largest group's colour */
    CHECK(bm_export_write(net, g, actors, ties, NULL, BM_EXPORT_GEXF, out_path("s.gexf")) == BM_OK);
    s = slurp(out_path("s.gexf"));
    CHECK(s && strstr(s, "<viz:size value=\"5\"/>"));
    CHECK(s && strstr(s, "<viz:color r=\"230\" g=\"159\" b=\"0\"/>")); /* #E69F00, Okabe-Ito orange */
    free(s);
    CHECK(bm_export_write(net, g, actors, ties, NULL, BM_EXPORT_KUMU, out_path("s.json")) == BM_OK);
    s = slurp(out_path("s.json"));
    CHECK(s && strstr(s, "\"closeness\":\tnull"));
    CHECK(s && strstr(s, "\"type\":\t\"public\""));
    CHECK(s && strstr(s, "\"articulation\":\tfalse"));
    free(s);
    unlink(out_path("s.graphml"));
    unlink(out_path("s.gexf"));
    unlink(out_path("s.json"));
    bm_table_free(actors);
    bm_table_free(ties);
    bm_grouping_free(g);
    bm_network_free(net);
}

static void test_path_without_tables(void)
{
    /* a -2- b (two records, weights 1.5 and 0.5) -1- c: without tables an
     * export has the ids, the label (= id, no name column) and the ties'
     * weight and count; the whole file, by hand: */
    bm_network *net = load_text("source,target,weight\na,b,1.5\nb,a,0.5\nb,c,1\n", NULL, 0, 0);
    char want[2048];
    snprintf(want, sizeof want,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<!-- written by bridgemap %s -->\n"
             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
             "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
             "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
             "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
             "  <key id=\"d1\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
             "  <key id=\"d2\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
             "  <graph id=\"G\" edgedefault=\"undirected\">\n"
             "    <node id=\"a\">\n      <data key=\"d0\">a</data>\n    </node>\n"
             "    <node id=\"b\">\n      <data key=\"d0\">b</data>\n    </node>\n"
             "    <node id=\"c\">\n      <data key=\"d0\">c</data>\n    </node>\n"
             "    <edge id=\"e0\" source=\"a\" target=\"b\">\n"
             "      <data key=\"d1\">2</data>\n      <data key=\"d2\">2</data>\n    </edge>\n"
             "    <edge id=\"e1\" source=\"b\" target=\"c\">\n"
             "      <data key=\"d1\">1</data>\n      <data key=\"d2\">1</data>\n    </edge>\n"
             "  </graph>\n</graphml>\n",
             bm_version());
    CHECK(bm_export_write(net, NULL, NULL, NULL, NULL, BM_EXPORT_GRAPHML, out_path("p.graphml")) == BM_OK);
    char *s = slurp(out_path("p.graphml"));
    CHECK_STR(s, want);
    free(s);
    /* GEXF without measures: every node the default size 10, the one colour */
    CHECK(bm_export_write(net, NULL, NULL, NULL, NULL, BM_EXPORT_GEXF, out_path("p.gexf")) == BM_OK);
    s = slurp(out_path("p.gexf"));
    CHECK(s && strstr(s, "<edge id=\"0\" source=\"a\" target=\"b\" weight=\"2\">"));
    CHECK(s && strstr(s, "<viz:size value=\"10\"/>"));
    CHECK(s && strstr(s, "<viz:color r=\"0\" g=\"114\" b=\"178\"/>")); /* #0072B2 */
    free(s);
    static const char *const both[] = {"p.graphml", "p.gexf", NULL};
    check_only(both);
    unlink(out_path("p.graphml"));
    unlink(out_path("p.gexf"));
    bm_network_free(net);
}

static void test_errors_write_nothing(void)
{
    bm_network *net = load_text("source,target\na,b\n", NULL, 0, 0);
    bm_network *other = load_text("source,target\nx,y\n", NULL, 0, 0);
    bm_table *actors = NULL, *ties = NULL;
    bm_measure_options mo = {.seed = 1, .permutations = 9};
    CHECK(bm_measures_actors(&actors, other, &mo) == BM_OK);
    CHECK(bm_measures_ties(&ties, other, &mo) == BM_OK);
    /* tables of another network */
    CHECK(bm_export_write(net, NULL, actors, NULL, NULL, BM_EXPORT_GEXF, out_path("e.gexf")) == BM_EUSAGE);
    CHECK(strstr(bm_error_last(), "actors table") != NULL);
    CHECK(bm_export_write(net, NULL, NULL, ties, NULL, BM_EXPORT_KUMU, out_path("e.json")) == BM_EUSAGE);
    CHECK(strstr(bm_error_last(), "ties table") != NULL);
    /* a size measure that is not there, or not a number */
    bm_table_free(actors);
    actors = NULL;
    CHECK(bm_measures_actors(&actors, net, &mo) == BM_OK);
    CHECK(bm_export_write(net, NULL, actors, NULL, "nosuch", BM_EXPORT_GEXF, out_path("e.gexf")) == BM_EUSAGE);
    CHECK(bm_export_write(net, NULL, actors, NULL, "id", BM_EXPORT_GEXF, out_path("e.gexf")) == BM_EUSAGE);
    CHECK(bm_export_write(net, NULL, NULL, NULL, "degree", BM_EXPORT_GEXF, out_path("e.gexf")) == BM_EUSAGE);
    /* an unknown format, a directory that does not exist */
    CHECK(bm_export_write(net, NULL, NULL, NULL, NULL, (bm_export_format)7, out_path("e.gexf")) == BM_EUSAGE);
    CHECK(bm_export_write(net, NULL, NULL, NULL, NULL, BM_EXPORT_GRAPHML, out_path("no/e.graphml")) ==
          BM_EINTERNAL);
    check_only(NULL);
    bm_table_free(actors);
    bm_table_free(ties);
    bm_network_free(other);
    bm_network_free(net);
}

int main(void)
{
    bm_init(1);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 99;
    }
    test_format_parse();
    test_null_graph();
    test_singleton();
    test_path_without_tables();
    test_errors_write_nothing();
    rmdir(dir);
    return check_done();
}
