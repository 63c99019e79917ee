/* fuzz_xlsx.c: the .xlsx reader (load/xlsx.c) against arbitrary bytes.
 *
 * Built two ways, like fuzz_load.c: as a libFuzzer target, and with any
 * compiler as a replay driver that ctest runs over tests/fuzz/corpus_xlsx/
 * (fuzz.replay_xlsx, under ASan+UBSan in the sanitizer build). The input is
 * read from memory (bm_i_xlsx_read_mem, no temporary file): the first sheet
 * as given; then, with the CRCs of stored members made right (so that a
 * mutation inside one does not always end in a CRC error), the sheet list,
 * each named sheet (up to four), the first sheet, and the first sheet under
 * tight zip-bomb limits. Each read must succeed or fail with a message,
 * and every row must keep the reader's contract (rows ascending, 1 to
 * 16384 fields, the last non-empty, lengths matching the NUL-terminated
 * text, the sheet's name); never crash, leak or read out of bounds.
 *
 * libFuzzer build (clang; the library instrumented for coverage too):
 *
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
 *     -DBRIDGEMAP_SANITIZE=ON -DBRIDGEMAP_BENCH=OFF -DBRIDGEMAP_TESTS=OFF \
 *     -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link
 *   cmake --build build-fuzz -j2 --target bridgemap_static
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DBM_LIBFUZZER -Iinclude -Isrc \
 *     $(pkg-config --cflags igraph) tests/fuzz/fuzz_xlsx.c build-fuzz/libbridgemap.a \
 *     $(pkg-config --libs igraph libcgraph libgvc libcjson nettle libzip expat) -lcsv -lm \
 *     -o /tmp/fuzz_xlsx
 *   mkdir -p /tmp/fuzz-xlsx && /tmp/fuzz_xlsx -max_total_time=600 -rss_limit_mb=4096 \
 *     /tmp/fuzz-xlsx tests/fuzz/corpus_xlsx
 *
 * Add every input that crashed (after the fix) to corpus_xlsx/ with a name
 * that says what it is. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

typedef struct seen {
    size_t rows, last_line;
    const char *sheet;
} seen;

static bm_status check_row(const bm_csv_record *rec, void *ctx)
{
    seen *s = ctx;
    if (rec->nfields == 0 || rec->nfields > 16384 || rec->item != NULL || rec->sheet == NULL)
        abort();
    if (s->rows > 0 && rec->line <= s->last_line)
        abort(); /* rows ascend */
    if (rec->line < 1 || rec->line > 1048576)
        abort();
    if (s->sheet && strcmp(s->sheet, rec->sheet) != 0)
        abort();
    for (size_t i = 0; i < rec->nfields; i++)
        if (strlen(rec->fields[i]) != rec->lens[i])
            abort();
    if (rec->lens[rec->nfields - 1] == 0)
        abort(); /* the last field is the last non-empty cell */
    s->rows++;
    s->last_line = rec->line;
    return BM_OK;
}

static void read_sheet(const uint8_t *data, size_t size, const char *sheet,
                       const bm_xlsx_limits *lim)
{
    seen s = {0, 0, sheet};
    bm_error_clear();
    if (bm_i_xlsx_read_mem("fuzz.xlsx", data, size, sheet, lim, check_row, &s) != BM_OK &&
        bm_error_last()[0] == '\0')
        abort(); /* a failure must say what is wrong */
}

static uint32_t rd16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t rd32(const uint8_t *p) { return rd16(p) | rd16(p + 2) << 16; }
static void wr32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t crc32_of(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

/* Rewrites the CRC-32 of every stored (uncompressed) member in place, so
 * that mutated XML inside one is read to the end, and the members after it
 * are read too, instead of every mutation ending in a CRC error. Entries
 * that do not add up are left alone. */
static void fix_stored_crcs(uint8_t *d, size_t n)
{
    if (n < 22)
        return;
    size_t eocd = n - 22, stop = n > 65557 ? n - 65557 : 0;
    while (rd32(d + eocd) != 0x06054b50u) {
        if (eocd == stop)
            return;
        eocd--;
    }
    size_t count = rd16(d + eocd + 10), cd = rd32(d + eocd + 16);
    for (size_t e = 0; e < count; e++) {
        if (cd > n || n - cd < 46 || rd32(d + cd) != 0x02014b50u)
            return;
        size_t method = rd16(d + cd + 10), comp = rd32(d + cd + 20), off = rd32(d + cd + 42);
        size_t next = cd + 46 + rd16(d + cd + 28) + rd16(d + cd + 30) + rd16(d + cd + 32);
        if (method == 0 && off <= n && n - off >= 30 && rd32(d + off) == 0x04034b50u) {
            size_t start = off + 30 + rd16(d + off + 26) + rd16(d + off + 28);
            if (start <= n && comp <= n - start) {
                uint32_t crc = crc32_of(d + start, comp);
                wr32(d + cd + 16, crc);
                wr32(d + off + 14, crc);
            }
        }
        cd = next;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* as given: every path to an error, CRC errors included */
    read_sheet(data, size, NULL, NULL);

    /* with the stored members' CRCs made right: each sheet, tight limits */
    uint8_t *fixed = malloc(size ? size : 1);
    if (!fixed)
        return 0;
    if (size)
        memcpy(fixed, data, size);
    fix_stored_crcs(fixed, size);
    char **names = NULL;
    size_t n = 0;
    bm_error_clear();
    if (bm_i_xlsx_sheets_mem("fuzz.xlsx", fixed, size, &names, &n) == BM_OK) {
        if (names[n] != NULL)
            abort();
        for (size_t i = 0; i < n && i < 4; i++)
            read_sheet(fixed, size, names[i], NULL);
    } else if (bm_error_last()[0] == '\0') {
        abort();
    }
    free(names);
    read_sheet(fixed, size, NULL, NULL);
    bm_xlsx_limits tight = {256 << 10, 20, 16 << 10};
    read_sheet(fixed, size, NULL, &tight);
    free(fixed);
    return 0;
}

#include "replay.h"
