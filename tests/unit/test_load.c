/* test_load.c: loading rules and input errors, on inputs written here.
 * Expected values are read off the inputs by hand. */
#define _GNU_SOURCE
#include <unistd.h>
#include "check.h"
#include "bridgemap.h"

static bm_network *load_opts(const char *records, const char *actors, bm_load_options *o,
                             bm_status *st)
{
    char *rp = write_temp(records);
    char *ap = actors ? write_temp(actors) : NULL;
    o->records_path = rp;
    o->actors_path = ap;
    bm_network *net = NULL;
    *st = bm_load(&net, o);
    unlink(rp);
    free(rp);
    if (ap) {
        unlink(ap);
        free(ap);
    }
    return net;
}

static bm_network *load(const char *records, const char *actors, int directed, bm_status *st)
{
    bm_load_options o;
    bm_load_options_init(&o);
    o.directed = directed;
    return load_opts(records, actors, &o, st);
}

/* Error message without the temporary file name: from the first ':'. */
static const char *where(void)
{
    const char *m = bm_error_last();
    const char *c = strchr(m, ':');
    return c ? c : m;
}

static void test_null_and_singleton(void)
{
    bm_status st;
    bm_network *net = load("source,target\n", NULL, 0, &st);
    CHECK(st == BM_OK);
    CHECK(bm_network_actor_count(net) == 0);
    CHECK(bm_network_tie_count(net) == 0);
    bm_network_free(net);

    net = load("source,target\n", "id,sector\nsolo,public\n", 0, &st);
    CHECK(st == BM_OK);
    CHECK(bm_network_actor_count(net) == 1);
    CHECK_STR(bm_network_actor_id(net, 0), "solo");
    CHECK_STR(bm_network_attr_value(net, 0, 0), "public");
    bm_network_free(net);
}

static void test_aggregation_and_order(void)
{
    bm_status st;
    /* a-b three times (one reversed), weights 1 + 2 + 0.5; b-c once; c-c is
     * a self-loop; d appears only in the actors file (an isolate); a and e
     * only in records (2 of the 4 actors the records name: not "most"). */
    bm_network *net = load("source,target,weight\na,b,1\nb,c,4\nb,a,2\nc,c,1\na,b,0.5\nc,e,1\n",
                           "id,unit\nd,x\nc,y\nb,z\n", 0, &st);
    CHECK(st == BM_OK);
    CHECK(bm_network_actor_count(net) == 5);
    /* actors file first (d, c, b), then records in order of appearance (a, e) */
    CHECK_STR(bm_network_actor_id(net, 0), "d");
    CHECK_STR(bm_network_actor_id(net, 1), "c");
    CHECK_STR(bm_network_actor_id(net, 2), "b");
    CHECK_STR(bm_network_actor_id(net, 3), "a");
    CHECK_STR(bm_network_actor_id(net, 4), "e");
    CHECK_STR(bm_network_attr_value(net, 0, 3), ""); /* a has no unit */
    CHECK(bm_network_listed_count(net) == 3);
    CHECK(bm_network_unlisted_count(net) == 2);
    CHECK(bm_network_tie_count(net) == 3);
    CHECK(bm_network_self_loops_dropped(net) == 1);
    CHECK(bm_network_record_count(net) == 6);
    size_t u, v;
    double w;
    long count;
    /* ties in (smaller index, larger index) order: c-b (1,2), c-e (1,4), b-a (2,3) */
    bm_network_tie(net, 0, &u, &v, &w, &count);
    CHECK(u == 1 && v == 2 && w == 4.0 && count == 1);
    bm_network_tie(net, 1, &u, &v, &w, &count);
    CHECK(u == 1 && v == 4);
    bm_network_tie(net, 2, &u, &v, &w, &count);
    CHECK(u == 2 && v == 3);
    CHECK_NUM(w, 3.5);
    CHECK(count == 3);
    bm_network_free(net);

    /* directed: a->b and b->a are two arcs */
    net = load("source,target\na,b\nb,a\na,b\n", NULL, 1, &st);
    CHECK(st == BM_OK);
    CHECK(bm_network_tie_count(net) == 2);
    bm_network_tie(net, 0, &u, &v, &w, &count);
    CHECK(u == 0 && v == 1 && w == 2.0 && count == 2);
    bm_network_free(net);
}

static void test_formats(void)
{
    bm_status st;
    /* Excel in a decimal-comma locale: BOM, semicolons, CRLF, "1,5". */
    bm_network *net = load("\xEF\xBB\xBFsource;target;weight\r\nA;B;1,5\r\n\"C;D\";A;2\r\n", NULL, 0, &st);
    CHECK(st == BM_OK);
    CHECK(bm_network_actor_count(net) == 3);
    CHECK_STR(bm_network_actor_id(net, 2), "C;D");
    double w;
    bm_network_tie(net, 0, NULL, NULL, &w, NULL);
    CHECK_NUM(w, 1.5);
    bm_network_free(net);

    /* Windows-1252 "Bjørn Ås" becomes UTF-8; quoted newline inside a name */
    net = load("source,target\nx,y\n", "id,name\nx,\"Bj\xf8rn\n\xc5s\"\ny,plain\n", 0, &st);
    CHECK(st == BM_OK);
    CHECK_STR(bm_network_attr_value(net, 0, 0), "Bj\xc3\xb8rn\n\xc3\x85s");
    bm_network_free(net);

    /* tab separated, header names in any case, extra columns ignored */
    net = load("Source\tTARGET\tnote\nx\ty\tsome, text\n", NULL, 0, &st);
    CHECK(st == BM_OK);
    CHECK(bm_network_tie_count(net) == 1);
    bm_network_free(net);
}

static void test_errors(void)
{
    bm_status st;
    bm_network *net = load("van,naar\na,b\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT && net == NULL);
    CHECK_STR(where(), ":1: no source column in the header (looked for source, from, fra, sender, "
                       "afsender, source_id; it has 'van', 'naar'); name it with --source-col");

    /* the bad record starts on line 4: record 2 spans lines 2-3 */
    net = load("source,target,weight\n\"a\nb\",c,1\nx,y,zz\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT);
    CHECK(strncmp(where(), ":4:3: weight 'zz' is not a number", 33) == 0);

    /* blank lines do not shift the line number */
    net = load("source,target,weight\n\n\nx,y,0\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT);
    CHECK(strncmp(where(), ":4:3: weight '0' must be a finite number > 0", 44) == 0);

    net = load("source,target,weight\nx,y,-2\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT && strncmp(where(), ":2:3:", 5) == 0);
    net = load("source,target,weight\nx,y,inf\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT && strncmp(where(), ":2:3:", 5) == 0);
    net = load("source,target,weight\nx,y,nan\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT && strncmp(where(), ":2:3:", 5) == 0);

    net = load("source,target\nx,y\n ,y\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT);
    CHECK(strncmp(where(), ":3:1: empty source id", 21) == 0);

    net = load("source,target\nx,y,z\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT && strncmp(where(), ":2:3:", 5) == 0);

    net = load("source,target\nx,y\n\"unclosed,z\nq,r\n", NULL, 0, &st);
    CHECK(st == BM_EINPUT && strncmp(where(), ":3: a quoted field is never closed", 34) == 0);

    net = load("source,target\nx,y\n", "id,sector\nx,a\nx,b\n", 0, &st);
    CHECK(st == BM_EINPUT && strncmp(where(), ":3:1: actor 'x' is listed twice", 31) == 0);

    bm_load_options o;
    bm_load_options_init(&o);
    o.records_path = "/nonexistent/records.csv";
    CHECK(bm_load(&net, &o) == BM_EINPUT);
    CHECK(strstr(bm_error_last(), "/nonexistent/records.csv: cannot open") != NULL);
}


/* Header synonyms (Danish, any case), named columns, date forms, thousands
 * separators, empty weights and ids the actors file does not list. */
static void test_real_world_headers(void)
{
    bm_status st;
    bm_load_options o;
    bm_load_options_init(&o);
    /* Danish header in capitals, semicolons, decimal comma, d.m.Y dates */
    o.date_format = "d.m.Y";
    o.date_from = "2024-02-01";
    bm_network *net = load_opts("FRA; TIL; VÆGT; Dato\nAnne;Bo;1,5;1.2.2024\nBo;Carl;2;31.1.2024\n",
                                NULL, &o, &st);
    CHECK(st == BM_OK);
    if (net) {
        CHECK(bm_network_tie_count(net) == 1);
        CHECK(bm_network_records_outside_window(net) == 1);
        double w;
        bm_network_tie(net, 0, NULL, NULL, &w, NULL);
        CHECK_NUM(w, 1.5);
        bm_network_free(net);
    }
    /* explicit column names beat synonyms */
    bm_load_options_init(&o);
    o.source_col = "giver";
    o.target_col = "taker";
    net = load_opts("source,giver,taker\nx,a,b\n", NULL, &o, &st);
    CHECK(st == BM_OK && net && strcmp(bm_network_actor_id(net, 0), "a") == 0);
    bm_network_free(net);
    o.source_col = "nope";
    net = load_opts("source,giver,taker\nx,a,b\n", NULL, &o, &st);
    CHECK(st == BM_EINPUT);
    CHECK_STR(where(), ":1: no column 'nope' (--source-col) in the header; it has 'source', "
                       "'giver', 'taker'");
    /* dates: a hint for d.m.Y, a non-day refused */
    bm_load_options_init(&o);
    net = load_opts("source,target,date\na,b,24.12.2024\n", NULL, &o, &st);
    CHECK(st == BM_EINPUT);
    CHECK_STR(where(), ":2:3: date '24.12.2024' is not an ISO 8601 date (YYYY-MM-DD); if the file "
                       "writes dates as d.m.Y, give --date-format d.m.Y");
    net = load_opts("source,target,date\na,b,2024-02-30\n", NULL, &o, &st);
    CHECK(st == BM_EINPUT);
    CHECK_STR(where(), ":2:3: date '2024-02-30' is not a day of the calendar");
    net = load_opts("source,target,date\na,b,2024-02-29\nb,c,1900-03-01\n", NULL, &o, &st);
    CHECK(st == BM_OK); /* 2024 is a leap year */
    bm_network_free(net);
    net = load_opts("source,target,date\na,b,1900-02-29\n", NULL, &o, &st);
    CHECK(st == BM_EINPUT); /* 1900 is not (divisible by 100, not by 400) */
    /* thousands separators are refused; a decimal point in a comma file is fine */
    net = load_opts("source;target;weight\na;b;1.234\n", NULL, &o, &st);
    CHECK(st == BM_EINPUT);
    CHECK_STR(where(), ":2:3: weight '1.234' has a thousands separator ('.'); write the number "
                       "without it (this file uses a decimal comma: 1,5)");
    net = load_opts("source,target,weight\na,b,\"12,500\"\n", NULL, &o, &st);
    CHECK(st == BM_EINPUT && strstr(where(), "thousands separator (',')") != NULL);
    net = load_opts("source;target;weight\na;b;2.5\nb;c;0.125\n", NULL, &o, &st);
    CHECK(st == BM_OK);
    bm_network_free(net);
    /* empty weights weigh 1 and are counted */
    net = load_opts("source,target,weight\na,b,\nb,c,  \nc,d,2\n", NULL, &o, &st);
    CHECK(st == BM_OK && net && bm_network_empty_weights(net) == 2);
    bm_network_free(net);
    /* the actors' id column by synonym; one unlisted id */
    net = load_opts("source,target\nA1,A2\nA2,A9\n", "Aktør,Navn\nA1,Anne\nA2,Bo\n", &o, &st);
    CHECK(st == BM_OK && net && bm_network_unlisted_count(net) == 1 &&
          strcmp(bm_network_actor_id(net, 2), "A9") == 0);
    bm_network_free(net);
    o.strict = 1;
    net = load_opts("source,target\nA1,A2\nA2,A9\n", "Aktør,Navn\nA1,Anne\nA2,Bo\n", &o, &st);
    CHECK(st == BM_EINPUT && strstr(where(), ":3:2: actor 'A9' is not in the actors file ") != NULL);
    o.strict = 0;
    /* records by name, actors by id: the files do not share ids */
    net = load_opts("source,target\nAnne,Bo\nBo,Carl\n", "id,name\n1,Anne\n2,Bo\n3,Carl\n", &o,
                    &st);
    CHECK(st == BM_EINPUT);
    CHECK(strstr(bm_error_last(), " do not share ids: 3 of the 3 actors named in the records are "
                                  "not in the actors file's 'id' column (first: 'Anne', 'Bo', "
                                  "'Carl'); the actors file's column 'name' holds 3 of them: use "
                                  "--id-col name") != NULL);
    o.id_col = "name";
    net = load_opts("source,target\nAnne,Bo\nBo,Carl\n", "id,name\n1,Anne\n2,Bo\n3,Carl\n", &o,
                    &st);
    CHECK(st == BM_OK && net && bm_network_unlisted_count(net) == 0 &&
          bm_network_tie_count(net) == 2);
    bm_network_free(net);
}

/* More records than one interning batch (256) and more actors than the
 * first hash table holds: actor order, windowing, self-loops and summed
 * weights against a direct count written here. Record i joins s(i % 301)
 * and s((i * 7) % 1013); every third record is dated before the window and
 * its actors still count (DESIGN.md: actors appear in order of first
 * appearance in the records, whatever the window). */
static void test_many_records(void)
{
    enum { N = 5000, IDS = 1400 };
    size_t cap = 64 * N, used = 0;
    char *text = malloc(cap);
    used += (size_t)snprintf(text + used, cap - used, "source,target,weight,date\n");
    static int first[IDS]; /* order of first appearance, -1 unseen */
    int order[IDS], n_seen = 0, kept = 0, loops = 0, outside = 0;
    static double wsum[IDS][IDS];
    for (int a = 0; a < IDS; a++)
        first[a] = -1;
    for (int i = 0; i < N; i++) {
        int u = i % 301, v = (i * 7) % 1013 + 300;
        if (i % 13 == 0)
            v = u;
        double w = 1 + i % 4;
        int out = i % 3 == 0;
        used += (size_t)snprintf(text + used, cap - used, "s%d,s%d,%g,%s\n", u, v, w,
                                 out ? "2019-12-31" : "2020-06-01");
        int ends[2] = {u, v};
        for (int k = 0; k < 2; k++)
            if (first[ends[k]] < 0) {
                first[ends[k]] = n_seen;
                order[n_seen++] = ends[k];
            }
        if (out) {
            outside++;
            continue;
        }
        if (u == v) {
            loops++;
            continue;
        }
        kept++;
        wsum[u < v ? u : v][u < v ? v : u] += w;
    }
    size_t ties = 0;
    for (int a = 0; a < IDS; a++)
        for (int b = 0; b < IDS; b++)
            ties += wsum[a][b] > 0;
    char *rp = write_temp(text);
    bm_load_options o;
    bm_load_options_init(&o);
    o.records_path = rp;
    o.date_from = "2020-01-01";
    bm_network *net = NULL;
    CHECK(bm_load(&net, &o) == BM_OK);
    unlink(rp);
    free(rp);
    free(text);
    if (!net)
        return;
    CHECK(bm_network_actor_count(net) == (size_t)n_seen);
    int order_ok = 1;
    for (int k = 0; k < n_seen; k++) {
        char want[16];
        snprintf(want, sizeof want, "s%d", order[k]);
        order_ok &= strcmp(bm_network_actor_id(net, (size_t)k), want) == 0;
    }
    CHECK(order_ok);
    CHECK(bm_network_records_outside_window(net) == (size_t)outside);
    CHECK(bm_network_self_loops_dropped(net) == (size_t)loops);
    CHECK(bm_network_record_count(net) == (size_t)(kept + loops));
    CHECK(bm_network_tie_count(net) == ties);
    int weights_ok = 1;
    for (size_t e = 0; e < bm_network_tie_count(net); e++) {
        size_t a, b;
        double w;
        bm_network_tie(net, e, &a, &b, &w, NULL);
        int ia = atoi(bm_network_actor_id(net, a) + 1), ib = atoi(bm_network_actor_id(net, b) + 1);
        weights_ok &= w == wsum[ia < ib ? ia : ib][ia < ib ? ib : ia];
    }
    CHECK(weights_ok);
    int sorted = 1;
    for (size_t e = 1; e < bm_network_tie_count(net); e++) {
        size_t a0, b0, a1, b1;
        bm_network_tie(net, e - 1, &a0, &b0, NULL, NULL);
        bm_network_tie(net, e, &a1, &b1, NULL, NULL);
        sorted &= a0 < a1 || (a0 == a1 && b0 < b1);
    }
    CHECK(sorted);
    bm_network_free(net);
}

int main(void)
{
    bm_init(1);
    test_null_and_singleton();
    test_aggregation_and_order();
    test_formats();
    test_errors();
    test_many_records();
    test_real_world_headers();
    return check_done();
}
