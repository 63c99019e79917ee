/* test_xlsx.c: the .xlsx reader (load/xlsx.c) on the fixtures of
 * tests/data/xlsx/, written by make_fixtures.py there. Every expected value
 * is read off that script (the XML it writes, the values it gives openpyxl)
 * or worked out by hand in the comments; none comes from running the reader.
 *
 * Rows are compared as text, one line per row: "LINE:f1|f2|...". */
#define _GNU_SOURCE
#include <nettle/sha2.h>
#include <stdint.h>
#include <unistd.h>
#include "check.h"
#include "internal.h"

#ifndef BM_XLSX_DATA
#error "BM_XLSX_DATA (the fixtures' directory) must be defined by the build"
#endif

static char fixture_buf[4096];

static const char *fx(const char *name)
{
    snprintf(fixture_buf, sizeof fixture_buf, "%s/%s", BM_XLSX_DATA, name);
    return fixture_buf;
}

typedef struct rows {
    char text[8192];
    size_t len, n;
    int bad_record; /* a record broke the reader's contract */
    char sheet[64];   /* of the last row ("(none)" for CSV) */
    size_t stop_after; /* 0: never; else the callback fails at that row */
} rows;

static bm_status collect(const bm_csv_record *rec, void *ctx)
{
    rows *r = ctx;
    r->n++;
    if (rec->item != NULL || rec->nfields == 0 || rec->lens[rec->nfields - 1] == 0)
        r->bad_record = 1;
    snprintf(r->sheet, sizeof r->sheet, "%s", rec->sheet ? rec->sheet : "(none)");
    for (size_t i = 0; i < rec->nfields; i++)
        if (strlen(rec->fields[i]) != rec->lens[i])
            r->bad_record = 1;
    size_t cap = sizeof r->text;
    r->len += (size_t)snprintf(r->text + r->len, cap - r->len, "%zu:", rec->line);
    if (rec->nfields > 20) {
        /* a wide row: all empty but the last */
        for (size_t i = 0; i + 1 < rec->nfields; i++)
            if (rec->lens[i] != 0)
                r->bad_record = 1;
        r->len += (size_t)snprintf(r->text + r->len, cap - r->len, "[%zu fields]|%s\n",
                                   rec->nfields, rec->fields[rec->nfields - 1]);
    } else {
        for (size_t i = 0; i < rec->nfields; i++)
            r->len += (size_t)snprintf(r->text + r->len, cap - r->len, "%s%s", i ? "|" : "",
                                       rec->fields[i]);
        r->len += (size_t)snprintf(r->text + r->len, cap - r->len, "\n");
    }
    if (r->len >= cap)
        r->len = cap - 1;
    if (r->stop_after && r->n == r->stop_after)
        return bm_error_set(BM_EINPUT, "stopped at row %zu", rec->line);
    return BM_OK;
}

static bm_status read_rows(const char *name, const char *sheet, rows *r)
{
    memset(r, 0, sizeof *r);
    return bm_xlsx_read(fx(name), sheet, collect, r, NULL);
}

/* The message after "PATH" (which it must start with). */
static const char *after_path(const char *path)
{
    const char *m = bm_error_last();
    size_t n = strlen(path);
    return strncmp(m, path, n) == 0 ? m + n : m;
}

static void check_error(const char *name, const char *sheet, bm_status want, const char *message)
{
    rows r;
    bm_status st = read_rows(name, sheet, &r);
    CHECK(st == want);
    if (st != want)
        fprintf(stderr, "  %s: status %d, message: %s\n", name, st, bm_error_last());
    CHECK_STR(after_path(fx(name)), message);
}

static void test_cell_types(void)
{
    rows r;
    CHECK(read_rows("types.xlsx", NULL, &r) == BM_OK);
    CHECK(!r.bad_record);
    CHECK_STR(r.sheet, "Typer");
    /* row 1: shared string 0, an inline string, a formula's string result.
     * row 2: 3, 2.5, Excel's 0.1+0.2 (needs 17 digits to read back), 1E-3,
     *   -7, 100.0 (an integer: no ".0"), 2.50 in style "0.00" (no date),
     *   1/3 at 16 digits, 123456789012345678 (past 2^53: the double
     *   nearest, 123456789012345680, prints as %.17g 1.2345678901234568e+17),
     *   0.0001 (%g's last fixed-point form), 0.00001 (%g: 1e-05), -0 (0),
     *   .5 (0.5), 007 (7), 15 digits as they are, 16 digits (%.15g would
     *   round them: %.16g), " 12 " (spaces around a number: 12), "1,5" (no
     *   number: as written).
     * row 3: booleans, errors as Excel shows them, an ISO date cell.
     * row 4: rich text "Kø" + "benhavn" without the phonetic run; "a_x000D_b"
     *   is a CR between a and b; "_x005F_x0041_" is the literal text
     *   "_x0041_"; spaces kept; an empty shared string (F4 ends the row, but
     *   E4 is empty: the row has 6 fields); &lt;&amp;&gt;.
     * row 5: A and D (runs "y" + "z", phonetic "no" left out), B and C
     *   filled with ""; E5 has no value and F5 is the empty string: not
     *   counted. row 6 has no values: not reported; row 7 is absent.
     * row 8: p, 1 (cells without r= after A, B), then E8 = 5, F8 = 6.
     * row 9 (no r=, after row 8), row 12 (no r=, its cell says B12),
     * row 13: one cell in XFD, column 16384. */
    CHECK_STR(r.text, "1:navn|værdi|formel\n"
                      "2:3|2.5|0.30000000000000004|0.001|-7|100|2.5|0.3333333333333333|"
                      "1.2345678901234568e+17|0.0001|1e-05|0|0.5|7|123456789012345|"
                      "1234567890123456|12|1,5\n"
                      "3:TRUE|FALSE|#N/A|#DIV/0!|2024-03-05T10:00:00\n"
                      "4:København|a\rb|_x0041_| Æble og ål ||<&>\n"
                      "5:x|||yz\n"
                      "8:p|1|||5|6\n"
                      "9:ni\n"
                      "12:|tolv\n"
                      "13:[16384 fields]|sidst\n");
    CHECK(r.n == 9);
}

static void test_dates_1900(void)
{
    rows r;
    CHECK(read_rows("dates1900.xlsx", "Datoer", &r) == BM_OK);
    CHECK(!r.bad_record);
    /* make_fixtures.py make_dates_1900, row by row. Python datetime:
     *   date(1899,12,30) + timedelta(45292) = 2024-01-01, + 43831 = 2020-01-01,
     *   + 61 = 1900-03-01, + 2958465 = 9999-12-31;
     *   date(1899,12,31) + timedelta(1) = 1900-01-01, + 59 = 1900-02-28;
     *   serial 60 is Excel's 1900-02-29. Fractions: .5 = 12:00, .75 = 18:00,
     *   .25 = 06:00; 45292.99999999 is 0.86 ms before midnight: the next day.
     *   0.5: day 0, the day before 1900-01-01, at noon.
     * Rows 10, 11, 15-18: formats that are no dates (quoted " d", [Red]0.00,
     * General, #,##0 \k\r, built-in 14 redefined as 0.00, no style 99), the
     * number. Row 13: built-in 2 (0.00). Rows 19, 23: no date Excel shows. */
    CHECK_STR(r.text, "1:dato\n"
                      "2:2024-01-01\n"
                      "3:2020-01-01\n"
                      "4:1900-01-01\n"
                      "5:1900-02-28\n"
                      "6:1900-02-29\n"
                      "7:1900-03-01\n"
                      "8:2024-01-01T12:00:00\n"
                      "9:2024-01-01T18:00:00\n"
                      "10:45292\n"
                      "11:45292\n"
                      "12:2024-01-01\n"
                      "13:2.5\n"
                      "14:1900-01-01T06:00:00\n"
                      "15:45292\n"
                      "16:45292\n"
                      "17:45292\n"
                      "18:45292\n"
                      "19:-1\n"
                      "20:2024-01-02\n"
                      "21:1899-12-31T12:00:00\n"
                      "22:9999-12-31\n"
                      "23:2958466\n");
}

static void test_dates_1904(void)
{
    rows r;
    /* date1904="true"; serial n is date(1904,1,1) + timedelta(n):
     * 0 = 1904-01-01; 1461 = 1908-01-01 (366 + 3 * 365 days); 1462 =
     * 1908-01-02; 42369 = 2020-01-01; 60 = 1904-03-01 (1904-02-29 is real,
     * day 59); 0.25 = 06:00. */
    CHECK(read_rows("dates1904.xlsx", NULL, &r) == BM_OK);
    CHECK_STR(r.text, "1:dato\n2:1904-01-01\n3:1908-01-01\n4:1908-01-02\n5:2020-01-01\n"
                      "6:1904-03-01\n7:1904-01-01T06:00:00\n");
    /* openpyxl's 1904 workbook (date1904="1"): the dates it was given */
    CHECK(read_rows("epoch1904.xlsx", NULL, &r) == BM_OK);
    CHECK_STR(r.sheet, "Mac");
    CHECK_STR(r.text, "1:dato\n2:1904-01-01\n3:2020-01-01\n4:2024-01-01T12:00:00\n");
}

static void sha256_file(const char *path, char out[65])
{
    FILE *f = fopen(path, "rb");
    struct sha256_ctx sha;
    uint8_t digest[SHA256_DIGEST_SIZE], b[4096];
    size_t n;
    sha256_init(&sha);
    while (f && (n = fread(b, 1, sizeof b, f)) > 0)
        sha256_update(&sha, n, b);
    if (f)
        fclose(f);
    sha256_digest(&sha, SHA256_DIGEST_SIZE, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

static void test_book(void)
{
    rows r;
    /* the first sheet by default: openpyxl's records (inline strings,
     * numbers, dates with its yyyy-mm-dd and yyyy-mm-dd h:mm:ss formats) */
    memset(&r, 0, sizeof r);
    bm_csv_info info;
    memset(&info, 'z', sizeof info);
    CHECK(bm_xlsx_read(fx("book.xlsx"), NULL, collect, &r, &info) == BM_OK);
    CHECK(!r.bad_record);
    CHECK_STR(r.sheet, "records");
    CHECK_STR(r.text, "1:fra|til|vægt|dato\n"
                      "2:Søren|Åse|2|2024-01-15\n"
                      "3:Åse|Ærø Kommune|1.5|2024-02-29\n"
                      "4:Ærø Kommune|Søren|3|2023-12-31\n"
                      "5:Bjørn|Søren|1|2024-03-01T09:30:00\n");
    char sha[65];
    sha256_file(fx("book.xlsx"), sha);
    CHECK_STR(info.sha256, sha);
    CHECK(info.delimiter == 0);
    CHECK(info.converted_cp1252 == 0);

    CHECK(read_rows("book.xlsx", "actors", &r) == BM_OK);
    CHECK_STR(r.sheet, "actors");
    CHECK_STR(r.text, "1:id|navn|sektor\n"
                      "2:Søren|Søren Ø. Hansen|offentlig\n"
                      "3:Åse|Åse Æbelø|privat\n"
                      "4:Ærø Kommune|Ærø Kommune|offentlig\n"
                      "5:Bjørn|Bjørn Måge|frivillig\n");
    /* Ark1: rows 2..19 are a{i}, b{i}, i; C14 is the text x */
    CHECK(read_rows("book.xlsx", "ark1", &r) == BM_OK); /* sheet names ignore case */
    CHECK_STR(r.sheet, "Ark1");
    CHECK(r.n == 19);
    CHECK(strstr(r.text, "\n13:a13|b13|13\n14:a14|b14|x\n15:a15|b15|15\n") != NULL);
    CHECK(strstr(r.text, "\n19:a19|b19|19\n") != NULL);

    char **names = NULL;
    size_t n = 0;
    CHECK(bm_xlsx_sheets(fx("book.xlsx"), &names, &n) == BM_OK);
    CHECK(n == 3);
    if (n == 3) {
        CHECK_STR(names[0], "records");
        CHECK_STR(names[1], "actors");
        CHECK_STR(names[2], "Ark1");
        CHECK(names[3] == NULL);
    }
    free(names);
}

static void test_targets(void)
{
    rows r;
    /* workbook order Første (rId7 -> /xl/worksheets/data.xml), Anden (rId3 ->
     * ../xl/worksheets/sheet2.xml), Tredje (rId1 -> ./worksheets/../worksheets/
     * sheet1.xml); the elements have an x: prefix; there are no shared
     * strings or styles parts. */
    CHECK(read_rows("targets.xlsx", NULL, &r) == BM_OK);
    CHECK_STR(r.sheet, "Første");
    CHECK_STR(r.text, "1:første\n");
    CHECK(read_rows("targets.xlsx", "Anden", &r) == BM_OK);
    CHECK_STR(r.text, "1:anden\n");
    CHECK(read_rows("targets.xlsx", "Tredje", &r) == BM_OK);
    CHECK_STR(r.text, "1:tredje\n");
    check_error("targets.xlsx", "Diagram", BM_EINPUT,
                ": sheet 'Diagram' is a chart, not a table of cells");
    check_error("targets.xlsx", "Væk", BM_EINPUT,
                ": sheet 'Væk' is missing from the workbook (no xl/worksheets/gone.xml)");
    check_error("targets.xlsx", "Uden", BM_EINPUT,
                ": sheet 'Uden' has no part (relationship rId9 is missing); the workbook is "
                "damaged");
    check_error("targets.xlsx", "Ark9", BM_EINPUT,
                ": no sheet named 'Ark9' (the workbook has: Første, Anden, Tredje, Diagram, Væk, "
                "Uden)");
    /* the workbook part is /data/bog.xml, named by _rels/.rels; B2 = 42 */
    CHECK(read_rows("moved.xlsx", NULL, &r) == BM_OK);
    CHECK_STR(r.text, "2:|42\n");
}

static void test_errors(void)
{
    check_error("book.xlsx", "Ark2", BM_EINPUT,
                ": no sheet named 'Ark2' (the workbook has: records, actors, Ark1)");
    const char *not_zip = ": not an .xlsx workbook (corrupt or not a zip file)";
    check_error("not_zip.xlsx", NULL, BM_EINPUT, not_zip);
    check_error("truncated.xlsx", NULL, BM_EINPUT, not_zip);
    check_error("not_workbook.xlsx", NULL, BM_EINPUT,
                ": a zip file but not an .xlsx workbook (no xl/workbook.xml)");
    check_error("legacy.xls", NULL, BM_EINPUT,
                ": an Excel 97-2003 .xls workbook or a password-protected .xlsx, which bridgemap "
                "cannot read; save it without a password as Excel Workbook (.xlsx) or CSV UTF-8");
    /* zlib's message for the damaged deflate stream */
    check_error("corrupt_member.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml: corrupt member of the workbook (Zlib error: data "
                "error)");
    /* expat's message for <c> closed by </row> */
    check_error("bad_xml.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml line 3: mismatched tag");
    check_error("doctype.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml line 2: has a DTD (<!DOCTYPE>), which workbooks never "
                "have; refusing");
    check_error("rows_order.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml line 5: row 3 comes after row 5 (rows out of order)");
    check_error("cells_order.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml line 4: cell B2 comes after C2 (cells out of order)");
    check_error("too_wide.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml line 3: cell XFE1 is past column XFD, Excel's last "
                "(16384 columns)");
    check_error("bad_sst.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml line 3: cell B1 refers to shared string '7', but the "
                "workbook has 1");
    check_error("no_such_file.xlsx", NULL, BM_EINPUT, ": cannot open: No such file or directory");

    /* the rows before a failure were delivered, in order */
    rows r;
    CHECK(read_rows("rows_order.xlsx", NULL, &r) == BM_EINPUT);
    CHECK_STR(r.text, "1:1\n5:5\n");
}

static void test_bombs(void)
{
    /* 600 MiB of spaces, bzip2'd to 2 KB, its header honest: refused by size */
    check_error("bomb.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml expands to more than 512 MiB; refusing (zip bomb?)");
    /* 20 MiB of spaces deflated to about 20 KB, the headers claiming 1000
     * bytes: refused while inflating, once past 1 MiB at more than 200:1 */
    check_error("bomb_lying.xlsx", NULL, BM_EINPUT,
                ": xl/worksheets/sheet1.xml expands to more than 200 times its compressed size; "
                "refusing (zip bomb?)");
    /* the size limit counts inflated bytes too: 2 MiB, no ratio limit */
    FILE *f = fopen(fx("bomb_lying.xlsx"), "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    static char bytes[1 << 16];
    size_t n = fread(bytes, 1, sizeof bytes, f);
    fclose(f);
    bm_xlsx_limits lim = {(uint64_t)2 << 20, 0, 0};
    rows r;
    memset(&r, 0, sizeof r);
    CHECK(bm_i_xlsx_read_mem("bomb", bytes, n, NULL, &lim, collect, &r) == BM_EINPUT);
    CHECK_STR(bm_error_last(),
              "bomb: xl/worksheets/sheet1.xml expands to more than 2 MiB; refusing (zip bomb?)");
    /* with room enough it is a sheet of spaces: no rows */
    bm_xlsx_limits roomy = {(uint64_t)64 << 20, 0, 0};
    CHECK(bm_i_xlsx_read_mem("bomb", bytes, n, NULL, &roomy, collect, &r) == BM_OK);
    CHECK(r.n == 0);
}

static void test_from_memory_and_callback(void)
{
    FILE *f = fopen(fx("types.xlsx"), "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    static char bytes[1 << 16];
    size_t n = fread(bytes, 1, sizeof bytes, f);
    fclose(f);
    rows a, b;
    CHECK(read_rows("types.xlsx", NULL, &a) == BM_OK);
    memset(&b, 0, sizeof b);
    CHECK(bm_i_xlsx_read_mem("mem", bytes, n, NULL, NULL, collect, &b) == BM_OK);
    CHECK_STR(b.text, a.text);
    /* empty input */
    CHECK(bm_i_xlsx_read_mem("mem", bytes, 0, NULL, NULL, collect, &b) == BM_EINPUT);
    CHECK_STR(bm_error_last(), "mem: not an .xlsx workbook (corrupt or not a zip file)");
    /* a callback's failure stops reading and is returned, its message intact */
    memset(&b, 0, sizeof b);
    b.stop_after = 2;
    CHECK(bm_i_xlsx_read_mem("mem", bytes, n, NULL, NULL, collect, &b) == BM_EINPUT);
    CHECK_STR(bm_error_last(), "stopped at row 2");
    CHECK(b.n == 2);
}

static void test_table_read(void)
{
    rows r;
    char *csv = write_temp("fra;til\nSøren;Åse\n");
    CHECK(bm_file_is_zip(csv) == 0);
    CHECK(bm_file_is_zip(fx("book.xlsx")) == 1);
    CHECK(bm_file_is_zip(fx("legacy.xls")) == 0);
    CHECK(bm_file_is_zip(fx("no_such_file.xlsx")) == 0);

    /* CSV through bm_csv_read: no sheet, the delimiter detected */
    memset(&r, 0, sizeof r);
    bm_csv_info info;
    CHECK(bm_table_read(csv, NULL, collect, &r, &info) == BM_OK);
    CHECK_STR(r.sheet, "(none)");
    CHECK(info.delimiter == ';');
    CHECK_STR(r.text, "1:fra|til\n2:Søren|Åse\n");
    memset(&r, 0, sizeof r);
    CHECK(bm_table_read(csv, "Ark1", collect, &r, &info) == BM_EUSAGE);
    CHECK_STR(bm_error_last(), "--sheet only applies to .xlsx workbooks");
    CHECK(r.n == 0);

    /* a workbook through bm_xlsx_read, with and without a sheet */
    memset(&r, 0, sizeof r);
    CHECK(bm_table_read(fx("book.xlsx"), "actors", collect, &r, &info) == BM_OK);
    CHECK_STR(r.sheet, "actors");
    CHECK(info.delimiter == 0);
    CHECK(r.n == 5);
    memset(&r, 0, sizeof r);
    CHECK(bm_table_read(fx("book.xlsx"), NULL, collect, &r, &info) == BM_OK);
    CHECK_STR(r.sheet, "records");
    /* an .xls gets the workbook reader's message, not CSV's */
    CHECK(bm_table_read(fx("legacy.xls"), NULL, collect, &r, &info) == BM_EINPUT);
    CHECK(strstr(bm_error_last(), ": an Excel 97-2003 .xls workbook") != NULL);
    /* a file that is not there: the CSV reader says so, even with a sheet */
    CHECK(bm_table_read(fx("no_such_file.xlsx"), "Ark1", collect, &r, &info) == BM_EINPUT);
    CHECK_STR(after_path(fx("no_such_file.xlsx")), ": cannot open: No such file or directory");
    unlink(csv);
    free(csv);
}

int main(void)
{
    (void)check_close;
    test_cell_types();
    test_dates_1900();
    test_dates_1904();
    test_book();
    test_targets();
    test_errors();
    test_bombs();
    test_from_memory_and_callback();
    test_table_read();
    return check_done();
}
