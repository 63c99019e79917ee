/* test_graphfile.c: the graph-file reader (load/graphfile.c) on the fixtures
 * of tests/data/graphs/. Every expected table is read off the fixture files
 * by hand (the comments say where a value comes from) or, for the
 * Florentine families, written by NetworkX (make_fixtures.py); none comes
 * from running the reader.
 *
 * Tables are compared as text, one line per row: "LINE:f1|f2|...". */
#define _GNU_SOURCE
#include <locale.h>
#include <nettle/sha2.h>
#include <stdint.h>
#include <unistd.h>
#include "check.h"
#include "internal.h"

#ifndef BM_GRAPH_DATA
#error "BM_GRAPH_DATA (the fixtures' directory) must be defined by the build"
#endif

static char fixture_buf[4096];

static const char *fx(const char *name)
{
    snprintf(fixture_buf, sizeof fixture_buf, "%s/%s", BM_GRAPH_DATA, name);
    return fixture_buf;
}

typedef struct rows {
    const char *item;  /* what every record must say it is */
    char text[8192];
    size_t len, n;
    int bad_record;    /* a record broke the reader's contract */
    size_t stop_at;    /* 0: never; else fail at the row with this index (header 1) */
    double wsum;       /* records: the weights added up (the C locale's strtod) */
    /* for the Florentine test: the rows themselves */
    char ids[64][48];
    char ends[64][2][48];
} rows;

static bm_status collect(const bm_csv_record *rec, void *ctx)
{
    rows *r = ctx;
    /* the header is line 0, then 1, 2, ... */
    if (rec->line != r->n || rec->sheet != NULL || !rec->item || strcmp(rec->item, r->item) != 0)
        r->bad_record = 1;
    for (size_t i = 0; i < rec->nfields; i++)
        if (strlen(rec->fields[i]) != rec->lens[i])
            r->bad_record = 1;
    if (r->n < 64 && rec->nfields >= 1)
        snprintf(r->ids[r->n], sizeof r->ids[0], "%s", rec->fields[0]);
    if (r->n < 64 && rec->nfields >= 2) {
        snprintf(r->ends[r->n][0], sizeof r->ends[0][0], "%s", rec->fields[0]);
        snprintf(r->ends[r->n][1], sizeof r->ends[0][1], "%s", rec->fields[1]);
    }
    if (rec->line > 0 && rec->nfields == 3 && strcmp(r->item, "edge") == 0)
        r->wsum += strtod(rec->fields[2], NULL);
    r->n++;
    size_t cap = sizeof r->text;
    if (r->len < cap)
        r->len += (size_t)snprintf(r->text + r->len, cap - r->len, "%zu:", rec->line);
    for (size_t i = 0; i < rec->nfields && r->len < cap; i++)
        r->len += (size_t)snprintf(r->text + r->len, cap - r->len, "%s%s", i ? "|" : "",
                                   rec->fields[i]);
    if (r->len < cap)
        r->len += (size_t)snprintf(r->text + r->len, cap - r->len, "\n");
    if (r->len >= cap)
        r->len = cap - 1;
    if (r->stop_at && r->n == r->stop_at)
        return bm_error_set(BM_EINPUT, "stopped by the test");
    return BM_OK;
}

static void rows_init(rows *a, rows *r)
{
    memset(a, 0, sizeof *a);
    memset(r, 0, sizeof *r);
    a->item = "node";
    r->item = "edge";
}

static bm_status read_as(const char *name, bm_graph_format fmt, rows *a, rows *r, int *directed,
                         bm_csv_info *info)
{
    rows_init(a, r);
    *directed = -1;
    return bm_graph_read(fx(name), fmt, directed, collect, a, collect, r, info);
}

/* The message after the path (the path itself checked too). */
static const char *after_path(const char *path)
{
    const char *m = bm_error_last();
    size_t n = strlen(path);
    if (strncmp(m, path, n) != 0)
        return "(message does not start with the path)";
    return m + n;
}

static void file_sha256(const char *path, char out[65])
{
    FILE *f = fopen(path, "rb");
    struct sha256_ctx sha;
    sha256_init(&sha);
    uint8_t buf[4096];
    size_t got;
    while (f && (got = fread(buf, 1, sizeof buf, f)) > 0)
        sha256_update(&sha, got, buf);
    if (f)
        fclose(f);
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&sha, SHA256_DIGEST_SIZE, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* ---- the same network in three formats ------------------------------------------- */

/* cross_sector.*: node lines of the files in order; the eight <edge>/edge/
 * *Edges lines in order. Undirected edges list first the end that comes
 * first in the node order: edge 7 is written bank-kommune (6 1) and edge 8
 * hospital-kommune (2 1), so both come out kommune first. */
static const char cross_records_graphml[] =
    "0:source|target|weight\n"
    "1:kommune|hospital|3\n2:kommune|redcross|2\n3:hospital|redcross|1.5\n4:redcross|church|4\n"
    "5:church|grocer|1\n6:grocer|bank|2.5\n7:kommune|bank|0.25\n8:kommune|hospital|1\n";

static void test_cross_sector_graphml(void)
{
    rows a, r;
    int dir;
    bm_csv_info info;
    memset(&info, 'x', sizeof info);
    CHECK(read_as("cross_sector.graphml", BM_GRAPH_GRAPHML, &a, &r, &dir, &info) == BM_OK);
    CHECK_NUM(r.wsum, 15.25); /* 3 + 2 + 1.5 + 4 + 1 + 2.5 + 0.25 + 1 */
    /* keys d0..d4 in file order; church has no staff (int: NaN, ""),
     * hospital no volunteers (boolean without <data> or <default>: missing, not igraph's FALSE) */
    CHECK_STR(a.text, "0:id|name|sector|staff|budget|volunteers\n"
                      "1:kommune|City Council|public|120|12.5|FALSE\n"
                      "2:hospital|Regional Hospital|public|800|300|\n"
                      "3:redcross|Red Cross|civil|12|0.75|TRUE\n"
                      "4:church|Parish Church|civil||0.1|TRUE\n"
                      "5:grocer|Corner Grocer|private|4|0.3|FALSE\n"
                      "6:bank|Savings Bank|private|35|48.25|FALSE\n");
    /* the string edge attribute "since" is left out */
    CHECK_STR(r.text, cross_records_graphml);
    CHECK(!a.bad_record && !r.bad_record);
    CHECK(dir == 0);
    char sha[65];
    file_sha256(fx("cross_sector.graphml"), sha);
    CHECK_STR(info.sha256, sha);
    CHECK(info.delimiter == 0 && info.converted_cp1252 == 0);
}

static void test_cross_sector_gml(void)
{
    rows a, r;
    int dir;
    CHECK(read_as("cross_sector.gml", BM_GRAPH_GML, &a, &r, &dir, NULL) == BM_OK);
    CHECK_NUM(r.wsum, 15.25); /* 3 + 2 + 1.5 + 4 + 1 + 2.5 + 0.25 + 1 */
    /* ids 1..6 in decimal; label becomes name (the file has no name);
     * volunteers is numeric in GML, missing for node 2 */
    CHECK_STR(a.text, "0:id|name|sector|staff|budget|volunteers\n"
                      "1:1|City Council|public|120|12.5|0\n"
                      "2:2|Regional Hospital|public|800|300|\n"
                      "3:3|Red Cross|civil|12|0.75|1\n"
                      "4:4|Parish Church|civil||0.1|1\n"
                      "5:5|Corner Grocer|private|4|0.3|0\n"
                      "6:6|Savings Bank|private|35|48.25|0\n");
    CHECK_STR(r.text, "0:source|target|weight\n"
                      "1:1|2|3\n2:1|3|2\n3:2|3|1.5\n4:3|4|4\n5:4|5|1\n6:5|6|2.5\n7:1|6|0.25\n"
                      "8:1|2|1\n");
    CHECK(!a.bad_record && !r.bad_record);
    CHECK(dir == 0);
}

static void test_cross_sector_pajek(void)
{
    rows a, r;
    int dir;
    CHECK(read_as("cross_sector.net", BM_GRAPH_PAJEK, &a, &r, &dir, NULL) == BM_OK);
    CHECK_NUM(r.wsum, 15.25); /* 3 + 2 + 1.5 + 4 + 1 + 2.5 + 0.25 + 1 */
    /* ids are the labels; the coordinates are igraph's x, y, z */
    CHECK_STR(a.text, "0:id|x|y|z\n"
                      "1:City Council|0.1|0.2|0.5\n"
                      "2:Regional Hospital|0.9|0.2|0.5\n"
                      "3:Red Cross|0.5|0.5|0.5\n"
                      "4:Parish Church|0.5|0.9|0.5\n"
                      "5:Corner Grocer|0.1|0.9|0.5\n"
                      "6:Savings Bank|0.9|0.9|0.5\n");
    CHECK_STR(r.text, "0:source|target|weight\n"
                      "1:City Council|Regional Hospital|3\n"
                      "2:City Council|Red Cross|2\n"
                      "3:Regional Hospital|Red Cross|1.5\n"
                      "4:Red Cross|Parish Church|4\n"
                      "5:Parish Church|Corner Grocer|1\n"
                      "6:Corner Grocer|Savings Bank|2.5\n"
                      "7:City Council|Savings Bank|0.25\n"
                      "8:City Council|Regional Hospital|1\n");
    CHECK(dir == 0);
    CHECK(!a.bad_record && !r.bad_record);
}

/* ---- direction, order, names ---------------------------------------------------------- */

static void test_directed_graphml(void)
{
    rows a, r;
    int dir;
    CHECK(read_as("advice_directed.graphml", BM_GRAPH_GRAPHML, &a, &r, &dir, NULL) == BM_OK);
    /* rows in <node> order although the first edge names dan before his
     * <node>; label becomes name; no weight key: no weight column; the
     * self-loop cy-cy is handed over (load.c drops it) */
    CHECK_STR(a.text, "0:id|name|unit\n1:ana|Ana Berg|sales\n2:ben|Ben Holm|sales\n"
                      "3:cy|Cy Lund|research\n4:dan|Dan Kjær|research\n");
    CHECK_STR(r.text, "0:source|target\n1:ana|dan\n2:dan|ana\n3:ben|ana\n4:cy|cy\n5:cy|dan\n");
    CHECK(dir == 1);
    CHECK(!a.bad_record && !r.bad_record);
}

/* bool_default.graphml: b has no <data> for either key; member has
 * <default>true</default> (GraphML 1.0 primer, section 2.4: the default
 * applies where a node has no data), paid has none: its value is unknown */
static void test_boolean_default(void)
{
    rows a, r;
    int dir;
    CHECK(read_as("bool_default.graphml", BM_GRAPH_GRAPHML, &a, &r, &dir, NULL) == BM_OK);
    CHECK_STR(a.text, "0:id|member|paid\n1:a|FALSE|TRUE\n2:b|TRUE|\n3:c|TRUE|FALSE\n");
    CHECK(dir == 0);
}

static void test_danish(void)
{
    /* the same three actors in UTF-8, ISO-8859-1 and Windows-1252 (expat
     * knows no windows-1252: graphfile.c maps it through iconv) */
    const char *names[] = {"danish.graphml", "danish_latin1.graphml", "danish_cp1252.graphml"};
    for (int k = 0; k < 3; k++) {
        rows a, r;
        int dir;
        CHECK(read_as(names[k], BM_GRAPH_GRAPHML, &a, &r, &dir, NULL) == BM_OK);
        CHECK_STR(a.text, "0:id|name|sektor\n1:S\xC3\xB8ren|S\xC3\xB8ren \xC3\x98rsted|kommune\n"
                          "2:\xC3\x85se|\xC3\x85se B\xC3\xA6k|forening\n"
                          "3:\xC3\x86r\xC3\xB8|\xC3\x86r\xC3\xB8 Havn \xE2\x80\x93 f\xC3\xA6rge|"
                          "virksomhed\n");
        CHECK_STR(r.text, "0:source|target|weight\n1:S\xC3\xB8ren|\xC3\x85se|2\n"
                          "2:\xC3\x85se|\xC3\x86r\xC3\xB8|1.5\n");
        CHECK(dir == 0);
    }
}

static void test_directed_gml_and_pajek(void)
{
    rows a, r;
    int dir;
    /* directed.gml: the file has name, so label keeps its name; weights
     * are quoted text, handed over as written; the third has none */
    CHECK(read_as("directed.gml", BM_GRAPH_GML, &a, &r, &dir, NULL) == BM_OK);
    CHECK_STR(a.text, "0:id|label|name\n1:10|Ten|ten\n2:20|Twenty|\n3:30||\n");
    CHECK_STR(r.text, "0:source|target|weight\n1:20|10|2\n2:10|30|0.5\n3:30|20|\n");
    CHECK(dir == 1);

    /* arcs_crlf.net: vertex 3 has no label (id "3"); the arc 3 1 has no
     * value (Pajek: 1) */
    CHECK(read_as("arcs_crlf.net", BM_GRAPH_PAJEK, &a, &r, &dir, NULL) == BM_OK);
    CHECK_STR(a.text, "0:id\n1:Ann\n2:Bo\n3:3\n");
    CHECK_STR(r.text, "0:source|target|weight\n1:Ann|Bo|2\n2:Bo|3|0.5\n3:3|Ann|1\n");
    CHECK(dir == 1);

    /* missing_values.net: values on the second line only; Pajek counts the
     * others as 1 (igraph 0.10.2 gives the first 0 and the last NaN) */
    CHECK(read_as("missing_values.net", BM_GRAPH_PAJEK, &a, &r, &dir, NULL) == BM_OK);
    CHECK_STR(r.text, "0:source|target|weight\n1:Ann|Bo|1\n2:Bo|Cy|2\n3:Ann|Cy|1\n");
    CHECK(dir == 0);

    /* two_graphs.graphml: the first graph (undirected a-b), not the second */
    CHECK(read_as("two_graphs.graphml", BM_GRAPH_GRAPHML, &a, &r, &dir, NULL) == BM_OK);
    CHECK_STR(a.text, "0:id\n1:a\n2:b\n");
    CHECK_STR(r.text, "0:source|target\n1:a|b\n");
    CHECK(dir == 0);
}

/* The null graph is an error (below); the singleton is a one-row table. */
static void test_singleton(void)
{
    const char *files[] = {
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"undirected\">"
        "<node id=\"solo\"/></graph></graphml>\n",
        "graph [ node [ id 7 label \"solo\" ] ]\n",
        "*Vertices 1\n1 \"solo\"\n"};
    const char *want[] = {"0:id\n1:solo\n", "0:id|name\n1:7|solo\n", "0:id\n1:solo\n"};
    for (int k = 0; k < 3; k++) {
        char *path = write_temp(files[k]);
        rows a, r;
        rows_init(&a, &r);
        int dir = -1;
        CHECK(bm_graph_read(path, BM_GRAPH_NONE, &dir, collect, &a, collect, &r, NULL) == BM_OK);
        CHECK_STR(a.text, want[k]);
        CHECK_STR(r.text, "0:source|target\n");
        CHECK(dir == 0);
        unlink(path);
        free(path);
    }
}

/* ---- errors ------------------------------------------------------------------------------ */

typedef struct bad_case {
    const char *file;
    const char *message; /* after the path */
} bad_case;

static void test_errors(void)
{
    /* line numbers counted in the files: line 1 is the XML declaration or
     * the first comment */
    static const bad_case cases[] = {
        {"bad_xml.graphml",
         ": not valid GraphML: Line 6: Opening and ending tag mismatch: node line 5 and graph"},
        {"bad_empty.graphml", ": not valid GraphML: the file is empty"},
        {"bad_no_graph.graphml", ": not valid GraphML: the file has no <graph> element inside <graphml>"},
        {"bad_double.graphml", ": not valid GraphML: Unexpected character 'h' while parsing real number"},
        {"bad_unknown_node.graphml", ":7: GraphML edge target 'zoe' is not a node of the graph"},
        {"bad_no_nodes.graphml", ": the graph has no nodes"},
        {"bad_text_weight.graphml",
         ": edge 2: weight 'strong' is not a number (the file's edge attribute 'weight' is text)"},
        {"bad_boolean_weight.graphml",
         ": the edge attribute 'weight' is boolean (true/false), not a number"},
        {"bad_hyperedge.graphml",
         ":7: GraphML hyperedges are not supported: bridgemap reads ties between two actors"},
        {"bad_nested.graphml",
         ":6: nested GraphML graphs are not supported (a graph inside node 'dept')"},
        {"bad_duplicate_node.graphml", ":6: GraphML node id 'a' appears twice (first on line 5)"},
        {"bad_mixed.graphml",
         ":7: GraphML edge has directed=\"true\" in a graph whose edgedefault is undirected; "
         "mixed graphs are not supported"},
        {"bad_entity.graphml",
         ":4: GraphML files with <!ENTITY> declarations ('n') are not supported: igraph does not "
         "expand them"},
        {"bad_syntax.gml",
         ": not valid GML: Parse error in GML file, line 6 (syntax error, unexpected end of file, "
         "expecting keyword or ])"},
        {"bad_duplicate_id.gml", ": not valid GML: Duplicate node id in GML file, line 4"},
        {"bad_unknown_target.gml",
         ": not valid GML: Unknown target node id found in an edge in GML file, line 4"},
        {"bad_no_id.gml", ": node 2: GML node has no id"},
        {"bad_no_nodes.gml", ": the graph has no nodes"},
        {"bad_text_weight.gml",
         ": edge 2: weight 'strong' is not a number (the file's edge attribute 'weight' is text)"},
        {"bad_syntax.net",
         ": not a Pajek file: Parse error in Pajek file, line 7 (syntax error, unexpected ALNUM, "
         "expecting number)"},
        {"bad_not_pajek.net",
         ": not a Pajek file: Parse error in Pajek file, line 1 (syntax error, unexpected ALNUM, "
         "expecting *vertices line)"},
        {"bad_out_of_range.net", ": not a Pajek file: Out-of-range vertex IDs when adding edges"},
        {"bad_mixed.net",
         ":8: this Pajek network has both *Arcs (line 6) and *Edges (line 8); mixed networks are "
         "not supported: write every tie as an arc, or every tie as an edge"},
        {"bad_duplicate_vertex.net", ":5: Pajek vertex 1 is listed twice"},
        {"bad_no_nodes.net", ": the graph has no nodes"},
        {"bad_list_then_params.net",
         ": cannot read this Pajek file: igraph 0.10 fails on edge values or parameters after "
         "an *Arcslist or *Edgeslist section (Invalid string attribute length); put the list "
         "section last, or write it as *Arcs or *Edges lines"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        rows a, r;
        int dir;
        char sha_before[65], sha_after[65];
        file_sha256(fx(cases[k].file), sha_before);
        bm_status st = read_as(cases[k].file, BM_GRAPH_NONE, &a, &r, &dir, NULL);
        CHECK(st == BM_EINPUT);
        char path[4096];
        snprintf(path, sizeof path, "%s", fx(cases[k].file));
        const char *got = after_path(path);
        if (strcmp(got, cases[k].message) != 0)
            fprintf(stderr, "  (%s)\n", cases[k].file);
        CHECK_STR(got, cases[k].message);
        /* only the weight errors come after the actors table */
        if (!strstr(cases[k].message, "weight 'strong'"))
            CHECK(a.n == 0);
        CHECK(r.n <= 2);
        file_sha256(fx(cases[k].file), sha_after);
        CHECK_STR(sha_after, sha_before); /* never modified */
    }

    /* unreadable, not a graph, and a graph file given the wrong format */
    rows a, r;
    int dir;
    rows_init(&a, &r);
    CHECK(bm_graph_read("/nonexistent/x.graphml", BM_GRAPH_NONE, &dir, collect, &a, collect, &r,
                        NULL) == BM_EINPUT);
    CHECK_STR(bm_error_last(), "/nonexistent/x.graphml: cannot open: No such file or directory");
    char *csv = write_temp("source,target\na,b\n");
    CHECK(bm_graph_read(csv, BM_GRAPH_NONE, &dir, collect, &a, collect, &r, NULL) == BM_EINPUT);
    CHECK_STR(after_path(csv), ": not a GraphML, GML or Pajek file");
    unlink(csv);
    free(csv);
    CHECK(read_as("cross_sector.gml", BM_GRAPH_PAJEK, &a, &r, &dir, NULL) == BM_EINPUT);
    CHECK(strncmp(after_path(fx("cross_sector.gml")), ": not a Pajek file: Parse error in Pajek file, line 1",
                  53) == 0);
    CHECK(read_as("cross_sector.net", BM_GRAPH_GRAPHML, &a, &r, &dir, NULL) == BM_EINPUT);
    CHECK(strncmp(after_path(fx("cross_sector.net")), ": not valid GraphML: ", 21) == 0);
    CHECK(read_as("cross_sector.graphml", BM_GRAPH_GML, &a, &r, &dir, NULL) == BM_EINPUT);
    CHECK(strncmp(after_path(fx("cross_sector.graphml")), ": not valid GML: ", 17) == 0);

    /* the file's text in a message: control characters as '?', cut after
     * 80 bytes */
    char *tab = write_temp("graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 weight "
                           "\"x\ty\" ] ]\n");
    CHECK(bm_graph_read(tab, BM_GRAPH_GML, &dir, collect, &a, collect, &r, NULL) == BM_EINPUT);
    CHECK_STR(after_path(tab), ": edge 1: weight 'x?y' is not a number (the file's edge attribute "
                               "'weight' is text)");
    unlink(tab);
    free(tab);
    char word[91], text[300], want[300];
    memset(word, 'w', 90);
    word[90] = '\0';
    snprintf(text, sizeof text, "graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 "
             "weight \"%s\" ] ]\n", word);
    char *longw = write_temp(text);
    CHECK(bm_graph_read(longw, BM_GRAPH_GML, &dir, collect, &a, collect, &r, NULL) == BM_EINPUT);
    snprintf(want, sizeof want, ": edge 1: weight '%.80s...' is not a number (the file's edge "
             "attribute 'weight' is text)", word);
    CHECK_STR(after_path(longw), want);
    unlink(longw);
    free(longw);

    /* a Pajek file declaring more vertices than bridgemap reads */
    char *big = write_temp("*Vertices 123456789\n");
    CHECK(bm_graph_read(big, BM_GRAPH_PAJEK, &dir, collect, &a, collect, &r, NULL) == BM_EINPUT);
    CHECK_STR(after_path(big), ":1: *Vertices 123456789: more than 10000000 vertices are not "
                               "supported");
    unlink(big);
    free(big);
}

/* A callback's failure stops the reading and is returned. */
static void test_callback_stops(void)
{
    rows a, r;
    rows_init(&a, &r);
    a.stop_at = 2; /* the header and one row */
    int dir;
    CHECK(bm_graph_read(fx("cross_sector.gml"), BM_GRAPH_GML, &dir, collect, &a, collect, &r,
                        NULL) == BM_EINPUT);
    CHECK_STR(bm_error_last(), "stopped by the test");
    CHECK(a.n == 2 && r.n == 0);
    /* records only */
    rows_init(&a, &r);
    CHECK(bm_graph_read(fx("cross_sector.graphml"), BM_GRAPH_NONE, NULL, NULL, NULL, collect, &r,
                        NULL) == BM_OK);
    CHECK_STR(r.text, cross_records_graphml);
}

/* ---- detection ---------------------------------------------------------------------------- */

static void test_detection(void)
{
    /* by extension, confirmed by content */
    CHECK(bm_graph_format_of(fx("cross_sector.graphml")) == BM_GRAPH_GRAPHML);
    CHECK(bm_graph_format_of(fx("cross_sector.gml")) == BM_GRAPH_GML);
    CHECK(bm_graph_format_of(fx("cross_sector.net")) == BM_GRAPH_PAJEK);
    CHECK(bm_graph_format_of(fx("arcs_crlf.net")) == BM_GRAPH_PAJEK);     /* *vertices, CRLF */
    CHECK(bm_graph_format_of(fx("danish_cp1252.graphml")) == BM_GRAPH_GRAPHML);
    /* by content: GraphML without declaration in a .txt */
    CHECK(bm_graph_format_of(fx("graphml_content.txt")) == BM_GRAPH_GRAPHML);
    rows a, r;
    int dir;
    CHECK(read_as("graphml_content.txt", BM_GRAPH_NONE, &a, &r, &dir, NULL) == BM_OK);
    CHECK_STR(a.text, "0:id\n1:p\n2:q\n");
    CHECK_STR(r.text, "0:source|target\n1:q|p\n");
    CHECK(dir == 1);
    /* by extension only: nothing to read, or content that says nothing */
    CHECK(bm_graph_format_of("/nonexistent/a.GraphML") == BM_GRAPH_GRAPHML);
    CHECK(bm_graph_format_of("/nonexistent/a.XML") == BM_GRAPH_GRAPHML);
    CHECK(bm_graph_format_of("/nonexistent/a.Gml") == BM_GRAPH_GML);
    CHECK(bm_graph_format_of("/nonexistent/a.NET") == BM_GRAPH_PAJEK);
    CHECK(bm_graph_format_of("/nonexistent/a.paj") == BM_GRAPH_PAJEK);
    CHECK(bm_graph_format_of("/nonexistent/a.csv") == BM_GRAPH_NONE);
    CHECK(bm_graph_format_of("/nonexistent/a.xlsx") == BM_GRAPH_NONE);
    CHECK(bm_graph_format_of(fx("bad_empty.graphml")) == BM_GRAPH_GRAPHML);
    CHECK(bm_graph_format_of(fx("bad_not_pajek.net")) == BM_GRAPH_PAJEK);
    /* content in files named .txt / .csv (write_temp names them .csv) */
    static const struct {
        const char *text;
        bm_graph_format want;
    } contents[] = {
        {"source,target\na,b\n", BM_GRAPH_NONE},
        {"id,sector\n<a>,x\n", BM_GRAPH_NONE},
        {"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<graphml/>\n", BM_GRAPH_GRAPHML},
        {"  <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"/>", BM_GRAPH_GRAPHML},
        {"# made by hand\nCreator \"me\"\nVersion 1\ngraph\n[ node [ id 1 ] ]\n", BM_GRAPH_GML},
        {"graph [ directed 1 ]", BM_GRAPH_GML},
        {"graphs [ ]", BM_GRAPH_NONE},
        {"% a comment\n\n*Network x\n*vertices 2\n", BM_GRAPH_PAJEK},
        {"*VERTICES 3\n", BM_GRAPH_PAJEK},
        {"*Edges\n1 2\n", BM_GRAPH_NONE},
    };
    for (size_t k = 0; k < sizeof contents / sizeof contents[0]; k++) {
        char *path = write_temp(contents[k].text);
        bm_graph_format got = bm_graph_format_of(path);
        if (got != contents[k].want)
            fprintf(stderr, "  (content %zu)\n", k);
        CHECK(got == contents[k].want);
        unlink(path);
        free(path);
    }
    CHECK_STR(bm_graph_format_name(BM_GRAPH_GRAPHML), "GraphML");
    CHECK_STR(bm_graph_format_name(BM_GRAPH_GML), "GML");
    CHECK_STR(bm_graph_format_name(BM_GRAPH_PAJEK), "Pajek");
}

/* ---- the classic network, written by NetworkX --------------------------------------------- */

static void test_florentine(void)
{
    /* florentine_marriage.expected: NetworkX's counts and degrees */
    FILE *f = fopen(fx("florentine_marriage.expected"), "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[256], names[64][48];
    long want_n = -1, want_m = -1, want_dir = -1, want_deg[64];
    size_t n_deg = 0;
    while (fgets(line, sizeof line, f)) {
        char name[48];
        long v;
        if (sscanf(line, "nodes %ld", &v) == 1)
            want_n = v;
        else if (sscanf(line, "edges %ld", &v) == 1)
            want_m = v;
        else if (sscanf(line, "directed %ld", &v) == 1)
            want_dir = v;
        else if (sscanf(line, "degree %47s %ld", name, &v) == 2 && n_deg < 64) {
            snprintf(names[n_deg], sizeof names[0], "%s", name);
            want_deg[n_deg++] = v;
        }
    }
    fclose(f);
    CHECK(want_n == 16 && want_m == 20 && n_deg == 16); /* datasets/README.md: 16 families, 20 ties */

    rows a, r;
    int dir;
    CHECK(read_as("florentine_marriage.graphml", BM_GRAPH_NONE, &a, &r, &dir, NULL) == BM_OK);
    CHECK((long)a.n - 1 == want_n);
    CHECK((long)r.n - 1 == want_m);
    CHECK(dir == want_dir);
    /* NetworkX writes the nodes in its order, which is the actors.csv order */
    for (size_t k = 0; k < n_deg && k + 1 < a.n; k++) {
        CHECK_STR(a.ids[k + 1], names[k]);
        long deg = 0;
        for (size_t e = 1; e < r.n; e++)
            deg += (strcmp(r.ends[e][0], names[k]) == 0) + (strcmp(r.ends[e][1], names[k]) == 0);
        if (deg != want_deg[k])
            fprintf(stderr, "  %s: degree %ld, NetworkX %ld\n", names[k], deg, want_deg[k]);
        CHECK(deg == want_deg[k]);
    }
    /* the attributes as datasets/florentine_marriage/actors.csv gives them
     * (NetworkX writes its keys last first) */
    CHECK(strstr(a.text, "0:id|total_ties|priorates|wealth\n") == a.text);
    CHECK(strstr(a.text, "\n9:Medici|54|53|103\n") != NULL);
    CHECK(strstr(a.text, "\n12:Pucci|1|0|3\n") != NULL);
}

/* ---- igraph's global state is left as it was ----------------------------------------------- */

static int test_handler_calls;
static void test_handler(const char *reason, const char *file, int line, igraph_error_t err)
{
    (void)reason;
    (void)file;
    (void)line;
    (void)err;
    test_handler_calls++;
    IGRAPH_FINALLY_FREE();
}

static void test_igraph_state(void)
{
    igraph_error_handler_t *saved = igraph_set_error_handler(test_handler);
    CHECK(!igraph_has_attribute_table());
    rows a, r;
    int dir;
    CHECK(read_as("cross_sector.graphml", BM_GRAPH_NONE, &a, &r, &dir, NULL) == BM_OK);
    CHECK(read_as("bad_xml.graphml", BM_GRAPH_NONE, &a, &r, &dir, NULL) == BM_EINPUT);
    CHECK(read_as("bad_syntax.gml", BM_GRAPH_NONE, &a, &r, &dir, NULL) == BM_EINPUT);
    CHECK(!igraph_has_attribute_table());
    CHECK(test_handler_calls == 0); /* igraph's errors went to graphfile.c's handler */
    CHECK(igraph_set_error_handler(saved) == test_handler);

    /* a table someone else installed stays */
    igraph_set_attribute_table(&igraph_cattribute_table);
    CHECK(read_as("cross_sector.net", BM_GRAPH_NONE, &a, &r, &dir, NULL) == BM_OK);
    CHECK(igraph_set_attribute_table(NULL) == &igraph_cattribute_table);
}

/* Numbers come out with a point under a decimal-comma locale. */
static void test_locale(void)
{
    const char *names[] = {"da_DK.UTF-8", "de_DE.UTF-8", "da_DK.utf8", "de_DE.utf8"};
    locale_t l = (locale_t)0;
    for (int k = 0; k < 4 && l == (locale_t)0; k++)
        l = newlocale(LC_NUMERIC_MASK, names[k], (locale_t)0);
    if (l == (locale_t)0) {
        printf("test_locale: no decimal-comma locale installed; skipped\n");
        return;
    }
    locale_t old = uselocale(l);
    rows a, r;
    int dir;
    CHECK(read_as("cross_sector.graphml", BM_GRAPH_NONE, &a, &r, &dir, NULL) == BM_OK);
    CHECK_STR(r.text, cross_records_graphml);
    uselocale(old);
    freelocale(l);
}

int main(void)
{
    bm_init(1);
    test_cross_sector_graphml();
    test_cross_sector_gml();
    test_cross_sector_pajek();
    test_directed_graphml();
    test_boolean_default();
    test_danish();
    test_directed_gml_and_pajek();
    test_singleton();
    test_errors();
    test_callback_stops();
    test_detection();
    test_florentine();
    test_igraph_state();
    test_locale();
    return check_done();
}
