/* fuzz_graphfile.c: the graph-file reader (load/graphfile.c) against
 * arbitrary bytes.
 *
 * Built two ways, like fuzz_load.c: as a libFuzzer target, and with any
 * compiler as a replay driver that ctest runs over tests/fuzz/corpus_graph/
 * (fuzz.replay_graphfile, under ASan+UBSan in the sanitizer build). The
 * input is written to a temporary file and read as GraphML, as GML, as
 * Pajek and as detected (bm_graph_format_of too). Each read must succeed or
 * fail with a message naming the file, and every row must keep the reader's
 * contract (header first with line 0, then lines 1, 2, ...; item "node" or
 * "edge"; "id" first in the actors header, "source,target[,weight]" in the
 * records header; as many fields as the header; lengths matching the
 * NUL-terminated text); never crash, leak or read out of bounds, inside
 * igraph, libxml2 and expat included.
 *
 * libFuzzer build (clang; the library instrumented for coverage too):
 *
 *   REPO=$PWD; tests/fuzz/build.sh /tmp/bm-fuzz graphfile
 *   mkdir -p /tmp/bm-fuzz/corpus_graph
 *   cd /tmp/bm-fuzz && ./fuzz_graphfile -max_total_time=600 -max_len=65536 -timeout=20 \
 *     -rss_limit_mb=4096 corpus_graph "$REPO"/tests/fuzz/corpus_graph
 *
 * (the first directory collects what the run finds; the second, the seeds,
 * is only read)
 *
 * (build.sh compiles every library source with the fuzzer's coverage; the
 * igraph, libxml2 and expat of Debian are not instrumented, so their crashes
 * show as ASan reports or signals, not as coverage.)
 *
 * Runs of 2026-12-02 (2-core VM, other work running; Debian igraph 0.10.2,
 * libxml2 2.9.14, expat 2.5): 994,564 executions in 610 s from the
 * fixtures; then, with a dictionary of GraphML tags, GML keys and Pajek
 * section words (-dict), 375,562 executions in 616 s. No crash, leak or
 * sanitizer report in graphfile.c, igraph, libxml2 or expat; no
 * disagreement between the GraphML check and igraph on the nodes. One
 * false finding of the harness itself (igraph's reason quoted the words it
 * looked for from the file; now reason_quotes_file_text.graphml). Slowest
 * inputs: "*Vertices 9939626" (under the 10,000,000 cap), 17 s for the two
 * reads under ASan, 1.7 s and 320 MB in a release build. Found while
 * writing the reader rather than by the fuzzer, and worked around there:
 * igraph 0.10.2 adds GraphML nodes that only edges name, merges repeated
 * node ids, skips hyperedges and nested graphs, reads mixed Pajek networks
 * as their last section, weighs Pajek edges without a value 0 or NaN, and
 * fails with "Invalid string/numeric attribute length" on values after an
 * *Arcslist or *Edgeslist section (missing_values.net,
 * bad_list_then_params.net and the bad_*.graphml fixtures).
 *
 * Add every input that crashed (after the fix or the workaround) to
 * corpus_graph/ with a name that says what it is. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

typedef struct seen {
    const char *item;
    size_t rows, header_fields;
} seen;

static bm_status check_row(const bm_csv_record *rec, void *ctx)
{
    seen *s = ctx;
    if (!rec->item || strcmp(rec->item, s->item) != 0 || rec->sheet != NULL)
        abort();
    if (rec->line != s->rows || rec->nfields == 0)
        abort();
    for (size_t i = 0; i < rec->nfields; i++)
        if (!rec->fields[i] || strlen(rec->fields[i]) != rec->lens[i])
            abort();
    if (s->rows == 0) {
        int edges = strcmp(s->item, "edge") == 0;
        if (!edges && strcmp(rec->fields[0], "id") != 0)
            abort();
        if (edges && (rec->nfields < 2 || rec->nfields > 3 || strcmp(rec->fields[0], "source") ||
                      strcmp(rec->fields[1], "target") ||
                      (rec->nfields == 3 && strcmp(rec->fields[2], "weight"))))
            abort();
        for (size_t i = 1; i < rec->nfields; i++) {
            if (rec->lens[i] == 0)
                abort(); /* load.c refuses empty and repeated column names */
            for (size_t j = 0; j < i; j++)
                if (strcasecmp(rec->fields[i], rec->fields[j]) == 0)
                    abort();
        }
        s->header_fields = rec->nfields;
    } else if (rec->nfields != s->header_fields) {
        abort();
    }
    s->rows++;
    return BM_OK;
}

static void read_as(const char *path, bm_graph_format fmt)
{
    seen a = {"node", 0, 0}, r = {"edge", 0, 0};
    int directed = -1;
    bm_csv_info info;
    bm_error_clear();
    bm_status st = bm_graph_read(path, fmt, &directed, check_row, &a, check_row, &r, &info);
    if (st != BM_OK) {
        if (strncmp(bm_error_last(), path, strlen(path)) != 0)
            abort(); /* a failure must say what is wrong, and where */
        if (st == BM_EINTERNAL && strncmp(bm_error_last() + strlen(path), ": igraph read ", 14) == 0)
            abort(); /* graphfile.c's GraphML check and igraph disagree on the nodes */
    } else if (a.rows < 2 || r.rows < 1 || (directed != 0 && directed != 1) ||
               strlen(info.sha256) != 64) {
        abort(); /* a read that succeeds has nodes, a records header, a direction */
    }
}

static char *path;

static void remove_temp(void)
{
    if (path)
        unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path) {
        bm_init(1);
        path = strdup("/tmp/bm_fuzz_graph_XXXXXX");
        int fd = path ? mkstemp(path) : -1;
        if (fd < 0)
            abort();
        close(fd);
        atexit(remove_temp);
    }
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        abort();
    read_as(path, BM_GRAPH_GRAPHML);
    read_as(path, BM_GRAPH_GML);
    read_as(path, BM_GRAPH_PAJEK);
    bm_graph_format fmt = bm_graph_format_of(path);
    if (fmt != BM_GRAPH_NONE)
        read_as(path, fmt);
    return 0;
}

#include "replay.h"
