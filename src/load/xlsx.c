/* xlsx.c: one sheet of an Excel .xlsx workbook, read as rows of text.
 *
 * Consultants keep their records in Excel. This reads the workbook itself, so
 * no one has to export CSV first, and hands load.c the same rows csv.c does
 * (bm_csv_record, header first), so that there is one set of loading rules.
 *
 * An .xlsx file is a zip (read with libzip, from the bytes already read for
 * the SHA-256) of XML parts (read with expat, streamed 64 KiB at a time; no
 * tree is ever built). xl/workbook.xml lists the sheets by name, its
 * relationships (xl/_rels/workbook.xml.rels) say which part holds each one,
 * xl/sharedStrings.xml holds the text of most cells and xl/styles.xml says
 * which number formats show dates. Memory is the shared-strings table plus
 * one row. Every member is inflated through a counter, so a zip bomb stops
 * at the limit whatever its headers claim; DTDs, which workbooks never have,
 * are refused (no entity expansion).
 *
 * ECMA-376 (5th edition) Part 1, Office Open XML, SpreadsheetML:
 *   §18.3.1.4  c (Cell): r (reference, "C14"; when absent the cell follows
 *              the previous one), s (index into cellXfs), t (b, d, e,
 *              inlineStr, n, s, str); children f, v, is
 *   §18.4      shared strings: <si> is a <t> or rich-text runs <r><t>, whose
 *              texts concatenate; <rPh> phonetic runs are not part of it
 *   §18.8.30   numFmt (numFmtId, formatCode) and the built-in format ids;
 *              the date ones are 14-22, 27-36, 45-47 and 50-58
 *   §18.17.4.1 date systems: 1900 (serial 1 = 1900-01-01) and 1904
 *              (serial 0 = 1904-01-01, <workbookPr date1904="1"/>)
 *   §22.9.2.19 ST_Xstring: characters XML cannot carry are written _xHHHH_
 * Excel's 1900 system keeps Lotus 1-2-3's leap-year bug: it counts a
 * 1900-02-29 that never was as serial 60, so serials 1-59 count from
 * 1899-12-31 and serials from 61 on count from 1899-12-30. */
#define _GNU_SOURCE
#include <errno.h>
#include <expat.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>
#include "bridgemap/table.h"
#include "internal.h"

#define XLSX_CHUNK 65536
#define XLSX_MAX_COLS 16384   /* XFD, Excel's last column */
#define XLSX_MAX_ROWS 1048576 /* Excel's last row */

static const bm_xlsx_limits default_limits = {BM_XLSX_MAX_BYTES, BM_XLSX_MAX_RATIO,
                                              BM_XLSX_RATIO_FLOOR};

/* ---- small growable things ----------------------------------------------- */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static int buf_reserve(buf *b, size_t extra)
{
    if (b->cap - b->len > extra)
        return 0;
    if (extra > SIZE_MAX / 4 - b->len)
        return -1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

static int buf_add(buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n) != 0)
        return -1;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

/* Grows *arr (elements of size sz) so that it holds n + 1; 0 or -1. */
static int grow(void *arr, size_t *cap, size_t n, size_t sz)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    if (c > SIZE_MAX / sz)
        return -1;
    void *p = realloc(*(void **)arr, c * sz);
    if (!p)
        return -1;
    *(void **)arr = p;
    *cap = c;
    return 0;
}

/* ---- the reader's state --------------------------------------------------- */

enum { REL_OTHER, REL_WORKSHEET, REL_CHARTSHEET, REL_STRINGS, REL_STYLES, REL_OFFICE };
enum { T_N, T_S, T_STR, T_INLINE, T_B, T_E, T_D };

typedef struct rel {
    const char *id, *target; /* target: the zip member, resolved */
    int kind;
} rel;

typedef struct sheet_ref {
    const char *name, *rid;
} sheet_ref;

typedef struct numfmt {
    unsigned long id;
    int date;
} numfmt;

typedef struct xlsx {
    const char *path;
    const bm_xlsx_limits *lim;
    zip_t *za;
    bm_arena arena;
    bm_status st;        /* the first failure inside an expat handler */
    XML_Parser parser;   /* of the member being read */
    const char *member;  /* its name, for messages */
    const char *rels_dir; /* directory the relationships being read resolve against */

    rel *rels;
    size_t nrels, rels_cap;
    sheet_ref *sheets;
    size_t nsheets, sheets_cap;
    int date1904;
    int in_sheets;

    /* shared strings: string i is pool + off[i], NUL-terminated */
    buf pool;
    uint32_t *off;
    size_t nsst, sst_cap;
    int in_si, in_t, rph;
    buf cur;              /* text of the string or cell being read */

    /* styles: per cellXfs entry, whether its number format shows a date */
    numfmt *fmts;
    size_t nfmts, fmts_cap;
    unsigned long *xf_fmt;
    unsigned char *xf_date;
    size_t nxf, xf_cap;
    int in_numfmts, in_cellxfs;

    /* the sheet */
    bm_csv_callback cb;
    void *ctx;
    const char *sheet_name;
    bm_numparser *np;
    int in_data, in_row, in_c, in_v, in_is;
    int row_given;        /* the row has r= */
    size_t row, prev_row; /* 1-based; prev_row 0 before the first */
    long col;             /* of the current cell (0-based); -1 before the first */
    int ctype;
    unsigned long cstyle;
    buf rowbuf;           /* the row's fields, each NUL-terminated */
    size_t *offs, *lens;
    char **ptrs;
    size_t nf, nf_cap, ptr_cap;
    size_t last_full;     /* fields up to the last non-empty one */
} xlsx;

static const char *local_name(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(local_name(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* Stops the parser with "PATH: MEMBER line L: what". */
static void xml_fail(xlsx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void xml_fail(xlsx *x, const char *fmt, ...)
{
    if (x->st != BM_OK)
        return;
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    x->st = bm_error_set(BM_EINPUT, "%s: %s line %lu: %s", x->path, x->member,
                         (unsigned long)XML_GetCurrentLineNumber(x->parser), what);
    XML_StopParser(x->parser, XML_FALSE);
}

static void xml_oom(xlsx *x)
{
    if (x->st != BM_OK)
        return;
    x->st = bm_error_set(BM_EINTERNAL, "%s: out of memory reading %s", x->path, x->member);
    XML_StopParser(x->parser, XML_FALSE);
}

static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sys, const XML_Char *pub,
                       int internal)
{
    (void)name, (void)sys, (void)pub, (void)internal;
    xml_fail(ud, "has a DTD (<!DOCTYPE>), which workbooks never have; refusing");
}

/* ---- members ------------------------------------------------------------- */

static zip_int64_t locate(xlsx *x, const char *name)
{
    zip_int64_t i = zip_name_locate(x->za, name, 0);
    return i >= 0 ? i : zip_name_locate(x->za, name, ZIP_FL_NOCASE);
}

static bm_status refuse_bomb(xlsx *x, const char *name, int ratio)
{
    if (ratio)
        return bm_error_set(BM_EINPUT, "%s: %s expands to more than %lu times its compressed "
                            "size; refusing (zip bomb?)", x->path, name,
                            (unsigned long)x->lim->max_ratio);
    return bm_error_set(BM_EINPUT, "%s: %s expands to more than %lu MiB; refusing (zip bomb?)",
                        x->path, name, (unsigned long)(x->lim->max_bytes >> 20));
}

static bm_status corrupt(xlsx *x, const char *name, const char *why)
{
    return bm_error_set(BM_EINPUT, "%s: %s: corrupt member of the workbook (%s)", x->path, name,
                        why);
}

static int too_big(const bm_xlsx_limits *lim, uint64_t size, uint64_t comp, int *ratio)
{
    *ratio = 0;
    if (size > lim->max_bytes)
        return 1;
    if (lim->max_ratio && size > lim->ratio_floor && size / lim->max_ratio > comp) {
        *ratio = 1;
        return 1;
    }
    return 0;
}

/* Streams member `name` through expat with the handlers given (user data x).
 * A member that is not there is BM_OK when !required (nothing is called).
 * Inflated bytes are counted as they come: past the limits reading stops. */
static bm_status parse_member(xlsx *x, const char *name, int required,
                              XML_StartElementHandler on_start, XML_EndElementHandler on_end,
                              XML_CharacterDataHandler on_text)
{
    bm_status st = BM_OK;
    zip_file_t *zf = NULL;
    XML_Parser p = NULL;
    zip_int64_t idx = locate(x, name);
    if (idx < 0) {
        if (required)
            st = bm_error_set(BM_EINPUT, "%s: %s is missing; the workbook is damaged", x->path,
                              name);
        goto done;
    }
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &zs) != 0) {
        st = corrupt(x, name, zip_strerror(x->za));
        goto done;
    }
    uint64_t comp = (zs.valid & ZIP_STAT_COMP_SIZE) ? zs.comp_size : 0;
    int ratio;
    if ((zs.valid & ZIP_STAT_SIZE) && too_big(x->lim, zs.size, comp, &ratio)) {
        st = refuse_bomb(x, name, ratio);
        goto done;
    }
    if (!(zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0))) {
        zip_error_t *ze = zip_get_error(x->za);
        int code = zip_error_code_zip(ze);
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD)
            st = bm_error_set(BM_EINPUT, "%s: %s is encrypted; save the workbook without a "
                              "password, as Excel Workbook (.xlsx) or CSV UTF-8", x->path, name);
        else
            st = corrupt(x, name, zip_error_strerror(ze));
        goto done;
    }
    if (!(p = XML_ParserCreate(NULL))) {
        st = bm_error_set(BM_EINTERNAL, "%s: out of memory", x->path);
        goto done;
    }
    XML_SetUserData(p, x);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    x->parser = p;
    x->member = name;
    x->st = BM_OK;
    uint64_t total = 0;
    for (;;) {
        /* inflate straight into expat's buffer: no copy in between */
        void *dst = XML_GetBuffer(p, XLSX_CHUNK);
        if (!dst) {
            st = bm_error_set(BM_EINTERNAL, "%s: out of memory reading %s", x->path, name);
            goto done;
        }
        zip_int64_t got = zip_fread(zf, dst, XLSX_CHUNK);
        if (got < 0) {
            st = corrupt(x, name, zip_file_strerror(zf));
            goto done;
        }
        total += (uint64_t)got;
        if (too_big(x->lim, total, comp, &ratio)) {
            st = refuse_bomb(x, name, ratio);
            goto done;
        }
        if (XML_ParseBuffer(p, (int)got, got == 0) != XML_STATUS_OK) {
            if (x->st != BM_OK)
                st = x->st;
            else
                st = bm_error_set(BM_EINPUT, "%s: %s line %lu: %s", x->path, name,
                                  (unsigned long)XML_GetCurrentLineNumber(p),
                                  XML_ErrorString(XML_GetErrorCode(p)));
            goto done;
        }
        if (got == 0)
            break;
    }
done:
    x->parser = NULL;
    if (p)
        XML_ParserFree(p);
    if (zf)
        zip_fclose(zf);
    return st;
}

/* ---- relationships and the workbook -------------------------------------- */

/* The member a relationship target names: absolute ("/xl/worksheets/s.xml")
 * or relative to dir ("xl/"), with "." and ".." segments resolved. */
static char *resolve_target(bm_arena *a, const char *dir, const char *target)
{
    size_t dl = target[0] == '/' ? 0 : strlen(dir), tl = strlen(target);
    char *joined = malloc(dl + tl + 1), *out = malloc(dl + tl + 1);
    char *res = NULL;
    if (!joined || !out)
        goto done;
    memcpy(joined, dir, dl);
    memcpy(joined + dl, target, tl + 1);
    size_t n = 0;
    for (char *seg = joined; *seg;) {
        char *end = strchr(seg, '/');
        size_t len = end ? (size_t)(end - seg) : strlen(seg);
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--; /* the slash before the dropped segment */
            while (n > 0 && out[n - 1] != '/')
                n--;
        } else if (len > 0 && !(len == 1 && seg[0] == '.')) {
            memcpy(out + n, seg, len);
            n += len;
            if (end)
                out[n++] = '/';
        }
        seg = end ? end + 1 : seg + len;
    }
    res = bm_arena_strndup(a, out, n);
done:
    free(joined);
    free(out);
    return res;
}

static int rel_kind(const char *type)
{
    static const struct {
        const char *suffix;
        int kind;
    } kinds[] = {{"/worksheet", REL_WORKSHEET}, {"/chartsheet", REL_CHARTSHEET},
                 {"/sharedStrings", REL_STRINGS}, {"/styles", REL_STYLES},
                 {"/officeDocument", REL_OFFICE}};
    size_t tl = strlen(type);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t sl = strlen(kinds[i].suffix);
        if (tl >= sl && strcmp(type + tl - sl, kinds[i].suffix) == 0)
            return kinds[i].kind;
    }
    return REL_OTHER;
}

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    if (strcmp(local_name(name), "Relationship") != 0)
        return;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
    const char *mode = attr(atts, "TargetMode");
    if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
        return;
    if (grow(&x->rels, &x->rels_cap, x->nrels, sizeof *x->rels) != 0) {
        xml_oom(x);
        return;
    }
    rel *r = &x->rels[x->nrels];
    r->id = bm_arena_strndup(&x->arena, id, strlen(id));
    r->target = resolve_target(&x->arena, x->rels_dir, target);
    r->kind = rel_kind(type);
    if (!r->id || !r->target) {
        xml_oom(x);
        return;
    }
    x->nrels++;
}

static void no_end(void *ud, const XML_Char *name) { (void)ud, (void)name; }
static void no_text(void *ud, const XML_Char *s, int len) { (void)ud, (void)s, (void)len; }

static void workbook_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    const char *n = local_name(name);
    if (strcmp(n, "workbookPr") == 0) {
        const char *d = attr(atts, "date1904");
        x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (strcmp(n, "sheets") == 0) {
        x->in_sheets = 1;
    } else if (x->in_sheets && strcmp(n, "sheet") == 0) {
        const char *sn = attr(atts, "name"), *rid = attr(atts, "id");
        if (!sn || !rid) {
            xml_fail(x, "a <sheet> without a name or r:id");
            return;
        }
        if (grow(&x->sheets, &x->sheets_cap, x->nsheets, sizeof *x->sheets) != 0) {
            xml_oom(x);
            return;
        }
        sheet_ref *s = &x->sheets[x->nsheets];
        s->name = bm_arena_strndup(&x->arena, sn, strlen(sn));
        s->rid = bm_arena_strndup(&x->arena, rid, strlen(rid));
        if (!s->name || !s->rid) {
            xml_oom(x);
            return;
        }
        x->nsheets++;
    }
}

static void workbook_end(void *ud, const XML_Char *name)
{
    xlsx *x = ud;
    if (strcmp(local_name(name), "sheets") == 0)
        x->in_sheets = 0;
}

static const rel *find_rel_id(const xlsx *x, const char *id)
{
    for (size_t i = 0; i < x->nrels; i++)
        if (strcmp(x->rels[i].id, id) == 0)
            return &x->rels[i];
    return NULL;
}

static const rel *find_rel_kind(const xlsx *x, int kind)
{
    for (size_t i = 0; i < x->nrels; i++)
        if (x->rels[i].kind == kind)
            return &x->rels[i];
    return NULL;
}

static bm_status not_zip(const char *path)
{
    return bm_error_set(BM_EINPUT, "%s: not an .xlsx workbook (corrupt or not a zip file)", path);
}

/* Opens the zip and reads the workbook's sheet list and relationships. */
static bm_status open_workbook(xlsx *x, const char *path, const void *bytes, size_t n,
                               const bm_xlsx_limits *lim)
{
    x->path = path;
    x->lim = lim ? lim : &default_limits;
    x->col = -1;
    bm_arena_init(&x->arena);
    if (n >= 8 && memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return bm_error_set(BM_EINPUT, "%s: an Excel 97-2003 .xls workbook or a password-protected "
                            ".xlsx, which bridgemap cannot read; save it without a password as "
                            "Excel Workbook (.xlsx) or CSV UTF-8", path);
    /* a zip starts with a member (or, empty, with its end record); libzip
     * would take an empty file for an empty archive */
    if (n < 4 || (memcmp(bytes, "PK\x03\x04", 4) != 0 && memcmp(bytes, "PK\x05\x06", 4) != 0))
        return not_zip(path);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(n ? bytes : "", n, 0, &ze);
    if (src && !(x->za = zip_open_from_source(src, ZIP_RDONLY, &ze)))
        zip_source_free(src);
    zip_error_fini(&ze);
    if (!x->za)
        return not_zip(path);

    const char *wb = "xl/workbook.xml";
    bm_status st;
    if (locate(x, wb) < 0) {
        /* the package's root relationships name the workbook part */
        x->rels_dir = "";
        if ((st = parse_member(x, "_rels/.rels", 0, rels_start, no_end, no_text)) != BM_OK)
            return st;
        const rel *r = find_rel_kind(x, REL_OFFICE);
        if (r && locate(x, r->target) >= 0) {
            wb = r->target;
        } else if (locate(x, "xl/workbook.bin") >= 0) {
            return bm_error_set(BM_EINPUT, "%s: a binary workbook (.xlsb), which bridgemap cannot "
                                "read; save it as Excel Workbook (.xlsx) or CSV UTF-8", path);
        } else {
            return bm_error_set(BM_EINPUT, "%s: a zip file but not an .xlsx workbook (no "
                                "xl/workbook.xml)", path);
        }
        x->nrels = 0;
    }
    /* OPC: the relationships of DIR/NAME are DIR/_rels/NAME.rels, targets relative to DIR/ */
    const char *slash = strrchr(wb, '/');
    size_t dl = slash ? (size_t)(slash - wb) + 1 : 0;
    char *dir = bm_arena_strndup(&x->arena, wb, dl);
    size_t rl = dl + strlen(wb + dl) + 12;
    char *rels = malloc(rl);
    if (!dir || !rels) {
        free(rels);
        return bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
    }
    snprintf(rels, rl, "%s_rels/%s.rels", dir, wb + dl);
    x->rels_dir = dir;
    st = parse_member(x, rels, 1, rels_start, no_end, no_text);
    free(rels);
    if (st != BM_OK)
        return st;
    return parse_member(x, wb, 1, workbook_start, workbook_end, no_text);
}

static void close_workbook(xlsx *x)
{
    if (x->za)
        zip_discard(x->za);
    bm_arena_free(&x->arena);
    free(x->rels);
    free(x->sheets);
    free(x->pool.p);
    free(x->off);
    free(x->cur.p);
    free(x->fmts);
    free(x->xf_fmt);
    free(x->xf_date);
    free(x->rowbuf.p);
    free(x->offs);
    free(x->lens);
    free(x->ptrs);
    bm_numparser_free(x->np);
}

/* "Ark1, Ark2": the sheet names, for messages. */
static const char *sheet_list(const xlsx *x, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < x->nsheets; i++) {
        size_t l = strlen(x->sheets[i].name);
        if (n + l + 8 > cap) {
            snprintf(out + n, cap - n, "%s...", i ? ", " : "");
            break;
        }
        n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? ", " : "", x->sheets[i].name);
    }
    return out;
}

/* The member holding sheet `name` (NULL: the first worksheet). */
static bm_status pick_sheet(xlsx *x, const char *name, const char **member)
{
    char list[400];
    const sheet_ref *s = NULL;
    if (name) {
        for (size_t i = 0; i < x->nsheets && !s; i++)
            if (strcmp(x->sheets[i].name, name) == 0)
                s = &x->sheets[i];
        for (size_t i = 0; i < x->nsheets && !s; i++) /* Excel's names ignore case */
            if (strcasecmp(x->sheets[i].name, name) == 0)
                s = &x->sheets[i];
        if (!s)
            return bm_error_set(BM_EINPUT, "%s: no sheet named '%s' (the workbook has: %s)",
                                x->path, name,
                                x->nsheets ? sheet_list(x, list, sizeof list) : "no sheets");
    } else {
        for (size_t i = 0; i < x->nsheets && !s; i++) {
            const rel *r = find_rel_id(x, x->sheets[i].rid);
            if (r && r->kind == REL_WORKSHEET)
                s = &x->sheets[i];
        }
        if (!s)
            return bm_error_set(BM_EINPUT, "%s: the workbook has no worksheet%s%s%s", x->path,
                                x->nsheets ? " (only: " : "",
                                x->nsheets ? sheet_list(x, list, sizeof list) : "",
                                x->nsheets ? ")" : "");
    }
    const rel *r = find_rel_id(x, s->rid);
    if (!r)
        return bm_error_set(BM_EINPUT, "%s: sheet '%s' has no part (relationship %s is missing); "
                            "the workbook is damaged", x->path, s->name, s->rid);
    if (r->kind == REL_CHARTSHEET)
        return bm_error_set(BM_EINPUT, "%s: sheet '%s' is a chart, not a table of cells", x->path,
                            s->name);
    if (locate(x, r->target) < 0)
        return bm_error_set(BM_EINPUT, "%s: sheet '%s' is missing from the workbook (no %s)",
                            x->path, s->name, r->target);
    x->sheet_name = s->name;
    *member = r->target;
    return BM_OK;
}

/* ---- shared strings ------------------------------------------------------ */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* U+HHHH of an _xHHHH_ escape at s (7 bytes there), or -1. */
static long xescape(const char *s, size_t left)
{
    if (left < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* cp as UTF-8 into o (up to 4 bytes); returns the byte count (internal.h). */
size_t bm_i_put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes ST_Xstring escapes in place (the text only shrinks). U+0000 and
 * lone surrogates stay as written. Returns the new length. */
static size_t unescape_x(char *s, size_t n)
{
    if (!memchr(s, '_', n))
        return n;
    size_t i = 0, o = 0;
    while (i < n) {
        long cp = s[i] == '_' ? xescape(s + i, n - i) : -1;
        size_t used = 7;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            long lo = xescape(s + i + 7, n - i - 7);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                used = 14;
            } else {
                cp = -1;
            }
        } else if (cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) {
            cp = -1;
        }
        if (cp < 0) {
            s[o++] = s[i++];
        } else {
            o += bm_i_put_utf8(s + o, (unsigned long)cp);
            i += used;
        }
    }
    return o;
}

static void sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    xlsx *x = ud;
    const char *n = local_name(name);
    if (strcmp(n, "si") == 0) {
        x->in_si = 1;
        x->rph = 0;
        x->cur.len = 0;
    } else if (x->in_si && strcmp(n, "rPh") == 0) {
        x->rph++;
    } else if (x->in_si && x->rph == 0 && strcmp(n, "t") == 0) {
        x->in_t = 1;
    }
}

static void sst_end(void *ud, const XML_Char *name)
{
    xlsx *x = ud;
    const char *n = local_name(name);
    if (strcmp(n, "t") == 0) {
        x->in_t = 0;
    } else if (strcmp(n, "rPh") == 0) {
        if (x->rph > 0)
            x->rph--;
    } else if (strcmp(n, "si") == 0 && x->in_si) {
        x->in_si = 0;
        size_t len = unescape_x(x->cur.p, x->cur.len);
        if (x->pool.len + len + 1 > UINT32_MAX) {
            xml_fail(x, "the shared strings pass 4 GiB");
            return;
        }
        if (grow(&x->off, &x->sst_cap, x->nsst, sizeof *x->off) != 0 ||
            buf_reserve(&x->pool, len + 1) != 0) {
                xml_oom(x);
                return;
            }
        x->off[x->nsst++] = (uint32_t)x->pool.len;
        buf_add(&x->pool, x->cur.p, len);
        x->pool.p[x->pool.len++] = '\0';
    }
}

static void sst_text(void *ud, const XML_Char *s, int len)
{
    xlsx *x = ud;
    if (x->in_t && x->rph == 0 && buf_add(&x->cur, s, (size_t)len) != 0)
        xml_oom(x);
}

/* ---- styles: which cells show dates --------------------------------------- */

/* Whether a number format code shows a date or time: it has d, m, y, h or s
 * outside quoted text, [brackets] (colours, locales, conditions) and
 * escaped (\x) or spacing (_x, *x) characters. "[h]" and friends (elapsed
 * time) count as time. */
static int format_is_date(const char *code)
{
    for (const char *p = code; *p; p++) {
        switch (*p) {
        case '"': {
            const char *q = strchr(p + 1, '"');
            if (!q)
                return 0;
            p = q;
            break;
        }
        case '\\': case '_': case '*':
            if (p[1])
                p++;
            break;
        case '[': {
            const char *q = strchr(p + 1, ']');
            if (!q)
                return 0;
            char c = (char)(p[1] | 0x20);
            size_t inner = (size_t)(q - p - 1);
            if (inner > 0 && (c == 'h' || c == 'm' || c == 's') && strspn(p + 1, "hHmMsS") == inner)
                return 1;
            p = q;
            break;
        }
        case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
        case 'h': case 'H': case 's': case 'S':
            return 1;
        default:
            break;
        }
    }
    return 0;
}

static int builtin_is_date(unsigned long id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

static int parse_ulong(const char *s, unsigned long *out)
{
    if (!s || *s < '0' || *s > '9')
        return -1;
    unsigned long v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (v > (ULONG_MAX - 9) / 10)
            return -1;
        v = v * 10 + (unsigned long)(*s - '0');
    }
    return *s ? -1 : (*out = v, 0);
}

static void styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    const char *n = local_name(name);
    unsigned long id;
    if (strcmp(n, "numFmts") == 0) {
        x->in_numfmts = 1;
    } else if (strcmp(n, "cellXfs") == 0) {
        x->in_cellxfs = 1;
    } else if (x->in_numfmts && strcmp(n, "numFmt") == 0) {
        const char *code = attr(atts, "formatCode");
        if (parse_ulong(attr(atts, "numFmtId"), &id) != 0 || !code)
            return;
        if (grow(&x->fmts, &x->fmts_cap, x->nfmts, sizeof *x->fmts) != 0) {
            xml_oom(x);
            return;
        }
        x->fmts[x->nfmts].id = id;
        x->fmts[x->nfmts++].date = format_is_date(code);
    } else if (x->in_cellxfs && strcmp(n, "xf") == 0) {
        if (parse_ulong(attr(atts, "numFmtId"), &id) != 0)
            id = 0;
        if (grow(&x->xf_fmt, &x->xf_cap, x->nxf, sizeof *x->xf_fmt) != 0) {
            xml_oom(x);
            return;
        }
        x->xf_fmt[x->nxf++] = id;
    }
}

static void styles_end(void *ud, const XML_Char *name)
{
    xlsx *x = ud;
    const char *n = local_name(name);
    if (strcmp(n, "numFmts") == 0)
        x->in_numfmts = 0;
    else if (strcmp(n, "cellXfs") == 0)
        x->in_cellxfs = 0;
}

static int cmp_fmt(const void *a, const void *b)
{
    const numfmt *p = a, *q = b;
    return p->id < q->id ? -1 : p->id > q->id;
}

/* xf_date[i]: cellXfs entry i shows a date (a custom format of the same id
 * overrides the built-in one; the last of duplicates wins). */
static bm_status finish_styles(xlsx *x)
{
    if (x->nxf == 0)
        return BM_OK;
    if (!(x->xf_date = malloc(x->nxf)))
        return bm_error_set(BM_EINTERNAL, "%s: out of memory", x->path);
    if (x->nfmts)
        qsort(x->fmts, x->nfmts, sizeof *x->fmts, cmp_fmt);
    for (size_t i = 0; i < x->nxf; i++) {
        unsigned long id = x->xf_fmt[i];
        size_t lo = 0, hi = x->nfmts; /* past the last custom format with this id */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (x->fmts[mid].id <= id)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0 && x->fmts[lo - 1].id == id)
            x->xf_date[i] = (unsigned char)x->fmts[lo - 1].date;
        else
            x->xf_date[i] = (unsigned char)builtin_is_date(id);
    }
    return BM_OK;
}

/* Column letters of 0-based col: A, ..., Z, AA, ... */
static void col_letters(long col, char out[8])
{
    char rev[8];
    int n = 0;
    for (unsigned long c = (unsigned long)col + 1; c > 0 && n < 7; c = (c - 1) / 26)
        rev[n++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
}

/* ---- cell values ----------------------------------------------------------- */

/* Days since 1970-01-01 to a civil date (H. Hinnant's civil_from_days). */
static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* A date serial as "YYYY-MM-DD", with "THH:MM:SS" when its time of day,
 * rounded to the second, is not midnight. Returns the length, or 0 when the
 * serial is no date Excel shows (negative, past 9999-12-31, not finite). */
static size_t serial_to_iso(double v, int date1904, char out[32])
{
    if (!(v >= 0.0) || v >= 2958466.0)
        return 0;
    double whole = floor(v);
    long day = (long)whole;
    long secs = lround((v - whole) * 86400.0);
    if (secs >= 86400) {
        day++;
        secs -= 86400;
    }
    long y;
    int m, d;
    if (date1904) {
        civil_from_days(day - 24107, &y, &m, &d); /* 1904-01-01 is 24107 days before 1970 */
    } else if (day == 60) {
        y = 1900, m = 2, d = 29; /* Excel's 1900-02-29 */
    } else {
        /* 1899-12-30 is 25569 days before 1970-01-01 */
        civil_from_days(day - (day < 60 ? 25568 : 25569), &y, &m, &d);
    }
    if (y > 9999)
        return 0;
    /* by hand rather than snprintf: one date cell per record is common */
    long parts[6] = {y, m, d, secs / 3600, secs / 60 % 60, secs % 60};
    static const char sep[] = "--T::";
    size_t n = 0;
    for (int i = 0; i < (secs ? 6 : 3); i++) {
        if (i > 0)
            out[n++] = sep[i - 1];
        if (i == 0) {
            out[n++] = (char)('0' + y / 1000);
            out[n++] = (char)('0' + y / 100 % 10);
        }
        out[n++] = (char)('0' + parts[i] / 10 % 10);
        out[n++] = (char)('0' + parts[i] % 10);
    }
    out[n] = '\0';
    return n;
}

/* Whether s (len bytes) is already the shortest text that reads back as its
 * number, as bm_format_number would print it (%.15g), so that it can be
 * copied as it is: the common "3", "-7", "2.5", "0.125". That holds for
 * -?(0|[1-9][0-9]*)(.[0-9]*[1-9])? with at most 15 significant digits
 * (15 decimal digits survive a trip through a double), at most 15 before
 * the point and, below 1, at most three zeros after it (%g turns to an
 * exponent from 1e15 and below 1e-4). */
static int plain_number(const char *s, size_t len)
{
    size_t i = s[0] == '-', int_digits = 0, sig = 0;
    int zero = 0; /* the integer part is 0 */
    if (i == len)
        return 0;
    if (s[i] == '0') {
        zero = 1;
        i++;
        if (i < len && s[i] != '.')
            return 0; /* a leading zero */
    }
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
        int_digits++;
    if (!zero && int_digits == 0)
        return 0; /* ".5" */
    sig = int_digits;
    if (i < len) {
        if (s[i] != '.' || i + 1 == len || s[len - 1] == '0')
            return 0;
        size_t zeros = 0;
        for (i++; i < len; i++) {
            if (s[i] < '0' || s[i] > '9')
                return 0;
            if (sig == 0 && s[i] == '0')
                zeros++;
            else
                sig++;
        }
        if (int_digits == 0 && zeros > 3)
            return 0;
    }
    if (sig == 0 && s[0] == '-')
        return 0; /* "-0" is printed "0" */
    return int_digits <= 15 && sig <= 15;
}

/* The text of the current cell, from x->cur, into *val and *vlen (pointing into
 * cur, the shared strings, a literal or tmp). Returns -1 after xml_fail. */
static int cell_text(xlsx *x, char tmp[32], const char **val, size_t *vlen)
{
    char *s = x->cur.p ? x->cur.p : tmp;
    size_t len = x->cur.len;
    if (!x->cur.p)
        tmp[0] = '\0';
    else
        s[len] = '\0'; /* buf_add leaves room (buf_reserve keeps one spare byte) */
    *val = s;
    *vlen = len;
    switch (x->ctype) {
    case T_S: {
        unsigned long i;
        const char *q = s;
        while (*q == ' ')
            q++;
        if (len == 0)
            return 0;
        if (parse_ulong(q, &i) != 0 || i >= x->nsst) {
            char a[8];
            col_letters(x->col, a);
            xml_fail(x, "cell %s%zu refers to shared string '%s', but the workbook has %zu", a,
                     x->row, s, x->nsst);
            return -1;
        }
        *val = x->pool.p + x->off[i];
        *vlen = (i + 1 < x->nsst ? x->off[i + 1] : (uint32_t)x->pool.len) - x->off[i] - 1;
        return 0;
    }
    case T_INLINE: case T_STR:
        *vlen = unescape_x(s, len);
        s[*vlen] = '\0';
        return 0;
    case T_B:
        if (len == 1 && (s[0] == '0' || s[0] == '1')) {
            *val = s[0] == '1' ? "TRUE" : "FALSE";
            *vlen = s[0] == '1' ? 4 : 5;
        }
        return 0;
    case T_E: case T_D:
        return 0;
    default:
        break;
    }
    /* a number */
    if (len == 0)
        return 0;
    int date = x->cstyle < x->nxf && x->xf_date[x->cstyle];
    if (!date && plain_number(s, len))
        return 0;
    double v;
    if (bm_parse_double(x->np, s, 0, &v) != 0 || !isfinite(v))
        return 0; /* not a number: as written */
    size_t n = date ? serial_to_iso(v, x->date1904, tmp) : 0;
    if (n == 0) {
        bm_format_number(tmp, v);
        n = strlen(tmp);
    }
    *val = tmp;
    *vlen = n;
    return 0;
}

/* ---- the sheet ------------------------------------------------------------- */

static int add_field(xlsx *x, const char *s, size_t len)
{
    if (grow(&x->offs, &x->nf_cap, x->nf, sizeof *x->offs) != 0 ||
        buf_reserve(&x->rowbuf, len + 1) != 0)
        return -1;
    x->offs[x->nf++] = x->rowbuf.len;
    buf_add(&x->rowbuf, s, len);
    x->rowbuf.p[x->rowbuf.len++] = '\0';
    return 0;
}

/* Row number r: 1 to Excel's last row, after the previous row. */
static int take_row(xlsx *x, unsigned long r, const char *text)
{
    if (r < 1 || r > XLSX_MAX_ROWS) {
        xml_fail(x, "row number '%s' is not one of Excel's rows (1 to %d)", text, XLSX_MAX_ROWS);
        return -1;
    }
    if (r <= x->prev_row) {
        xml_fail(x, "row %lu comes after row %zu (rows out of order)", r, x->prev_row);
        return -1;
    }
    x->row = r;
    return 0;
}

static void sheet_cell_start(xlsx *x, const XML_Char **atts)
{
    if (x->in_c) {
        xml_fail(x, "a cell inside a cell");
        return;
    }
    const char *ref = NULL, *t = NULL, *s = NULL;
    for (size_t i = 0; atts[i]; i += 2) {
        const char *a = local_name(atts[i]);
        if (a[0] == 'r' && a[1] == '\0')
            ref = atts[i + 1];
        else if (a[0] == 't' && a[1] == '\0')
            t = atts[i + 1];
        else if (a[0] == 's' && a[1] == '\0')
            s = atts[i + 1];
    }
    long col = x->col + 1;
    if (ref) {
        const char *p = ref;
        unsigned long c = 0;
        for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++)
            if (c <= XLSX_MAX_COLS)
                c = c * 26 + (unsigned long)((*p | 0x20) - 'a' + 1);
        unsigned long r = 0;
        if (p == ref || (*p && parse_ulong(p, &r) != 0) || (*p == '0')) {
            xml_fail(x, "cell reference '%s' is not a cell", ref);
            return;
        }
        if (c > XLSX_MAX_COLS) {
            xml_fail(x, "cell %s is past column XFD, Excel's last (%d columns)", ref,
                     XLSX_MAX_COLS);
            return;
        }
        if (*p && !x->row_given && x->col < 0) {
            if (take_row(x, r, p) != 0) /* the row had no r=: the cell says which it is */
                return;
        }
        col = (long)c - 1;
    }
    if (col >= XLSX_MAX_COLS) {
        xml_fail(x, "row %zu has a cell past column XFD, Excel's last (%d columns)", x->row,
                 XLSX_MAX_COLS);
        return;
    }
    if (col <= x->col) {
        char a[8], b[8];
        col_letters(col, a);
        col_letters(x->col, b);
        xml_fail(x, "cell %s%zu comes after %s%zu (cells out of order)", a, x->row, b, x->row);
        return;
    }
    x->col = col;
    x->in_c = 1;
    x->in_v = x->in_is = x->in_t = 0;
    x->rph = 0;
    x->cur.len = 0;
    x->ctype = T_N;
    if (t) {
        static const char *const names[] = {"n", "s", "str", "inlineStr", "b", "e", "d"};
        x->ctype = T_STR; /* unknown types: the value as written */
        for (int i = 0; i < 7; i++)
            if (strcmp(t, names[i]) == 0)
                x->ctype = i;
    }
    if (!s || parse_ulong(s, &x->cstyle) != 0)
        x->cstyle = 0;
}

static void sheet_cell_end(xlsx *x)
{
    x->in_c = x->in_v = x->in_is = x->in_t = 0;
    char tmp[32];
    const char *val;
    size_t len;
    if (buf_reserve(&x->cur, 1) != 0) {
        xml_oom(x);
        return;
    }
    if (cell_text(x, tmp, &val, &len) != 0)
        return;
    if (len == 0)
        return;
    while (x->nf < (size_t)x->col) {
        if (add_field(x, "", 0) != 0) {
            xml_oom(x);
            return;
        }
    }
    if (add_field(x, val, len) != 0) {
        xml_oom(x);
        return;
    }
    x->last_full = x->nf;
}

static void sheet_row_end(xlsx *x)
{
    x->in_row = 0;
    x->prev_row = x->row;
    if (x->last_full == 0)
        return;
    size_t nf = x->last_full;
    if (nf > x->ptr_cap) {
        char **p = realloc(x->ptrs, nf * sizeof *p);
        size_t *l = p ? realloc(x->lens, nf * sizeof *l) : NULL;
        if (p)
            x->ptrs = p;
        if (!l) {
            xml_oom(x);
            return;
        }
        x->lens = l;
        x->ptr_cap = nf;
    }
    for (size_t i = 0; i < nf; i++) {
        x->ptrs[i] = x->rowbuf.p + x->offs[i];
        x->lens[i] = (i + 1 < x->nf ? x->offs[i + 1] : x->rowbuf.len) - x->offs[i] - 1;
    }
    bm_csv_record rec = {x->row, nf, x->ptrs, x->lens, x->sheet_name, NULL};
    bm_status st = x->cb(&rec, x->ctx);
    if (st != BM_OK) {
        x->st = st;
        XML_StopParser(x->parser, XML_FALSE);
    }
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx *x = ud;
    const char *n = local_name(name);
    if (!x->in_data) {
        if (strcmp(n, "sheetData") == 0)
            x->in_data = 1;
        return;
    }
    if (n[0] == 'c' && n[1] == '\0') {
        if (x->in_row)
            sheet_cell_start(x, atts);
    } else if (!x->in_c) {
        if (strcmp(n, "row") == 0) {
            if (x->in_row) {
                xml_fail(x, "a row inside a row");
                return;
            }
            x->in_row = 1;
            x->col = -1;
            x->nf = x->last_full = 0;
            x->rowbuf.len = 0;
            const char *r = attr(atts, "r");
            unsigned long rn;
            x->row_given = r != NULL;
            if (r) {
                if (parse_ulong(r, &rn) != 0)
                    rn = 0;
                take_row(x, rn, r);
            } else {
                x->row = x->prev_row + 1;
                if (x->row > XLSX_MAX_ROWS)
                    xml_fail(x, "more than %d rows, Excel's limit", XLSX_MAX_ROWS);
            }
        }
    } else if (n[0] == 'v' && n[1] == '\0') {
        x->in_v = 1;
    } else if (strcmp(n, "is") == 0) {
        x->in_is = 1;
    } else if (x->in_is && strcmp(n, "rPh") == 0) {
        x->rph++;
    } else if (x->in_is && x->rph == 0 && n[0] == 't' && n[1] == '\0') {
        x->in_t = 1;
    }
}

static void sheet_end(void *ud, const XML_Char *name)
{
    xlsx *x = ud;
    const char *n = local_name(name);
    if (!x->in_data)
        return;
    if (n[0] == 'c' && n[1] == '\0') {
        if (x->in_c)
            sheet_cell_end(x);
    } else if (n[0] == 'v' && n[1] == '\0') {
        x->in_v = 0;
    } else if (n[0] == 't' && n[1] == '\0') {
        x->in_t = 0;
    } else if (strcmp(n, "rPh") == 0) {
        if (x->rph > 0)
            x->rph--;
    } else if (strcmp(n, "is") == 0) {
        x->in_is = 0;
    } else if (strcmp(n, "row") == 0) {
        if (x->in_row)
            sheet_row_end(x);
    } else if (strcmp(n, "sheetData") == 0) {
        x->in_data = 0;
    }
}

static void sheet_text(void *ud, const XML_Char *s, int len)
{
    xlsx *x = ud;
    if (!x->in_c)
        return;
    int take = x->ctype == T_INLINE ? (x->in_is && x->in_t && x->rph == 0) : x->in_v;
    if (take && buf_add(&x->cur, s, (size_t)len) != 0)
        xml_oom(x);
}

/* ---- entry points ---------------------------------------------------------- */

bm_status bm_i_xlsx_read_mem(const char *path, const void *bytes, size_t n, const char *sheet,
                             const bm_xlsx_limits *lim, bm_csv_callback cb, void *ctx)
{
    xlsx x;
    memset(&x, 0, sizeof x);
    x.cb = cb;
    x.ctx = ctx;
    const char *member = NULL;
    const rel *r;
    bm_status st = open_workbook(&x, path, bytes, n, lim);
    if (st == BM_OK)
        st = pick_sheet(&x, sheet, &member);
    if (st == BM_OK) {
        r = find_rel_kind(&x, REL_STRINGS);
        st = parse_member(&x, r ? r->target : "xl/sharedStrings.xml", 0, sst_start, sst_end,
                          sst_text);
    }
    if (st == BM_OK) {
        r = find_rel_kind(&x, REL_STYLES);
        st = parse_member(&x, r ? r->target : "xl/styles.xml", 0, styles_start, styles_end,
                          no_text);
    }
    if (st == BM_OK)
        st = finish_styles(&x);
    if (st == BM_OK && !(x.np = bm_numparser_new()))
        st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
    if (st == BM_OK)
        st = parse_member(&x, member, 1, sheet_start, sheet_end, sheet_text);
    close_workbook(&x);
    return st;
}

bm_status bm_i_xlsx_sheets_mem(const char *path, const void *bytes, size_t n, char ***names,
                               size_t *count)
{
    xlsx x;
    memset(&x, 0, sizeof x);
    *names = NULL;
    *count = 0;
    bm_status st = open_workbook(&x, path, bytes, n, NULL);
    if (st == BM_OK) {
        size_t total = (x.nsheets + 1) * sizeof(char *);
        for (size_t i = 0; i < x.nsheets; i++)
            total += strlen(x.sheets[i].name) + 1;
        char **out = malloc(total);
        if (!out) {
            st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
        } else {
            char *s = (char *)(out + x.nsheets + 1);
            for (size_t i = 0; i < x.nsheets; i++) {
                size_t l = strlen(x.sheets[i].name) + 1;
                out[i] = memcpy(s, x.sheets[i].name, l);
                s += l;
            }
            out[x.nsheets] = NULL;
            *names = out;
            *count = x.nsheets;
        }
    }
    close_workbook(&x);
    return st;
}

bm_status bm_xlsx_read(const char *path, const char *sheet, bm_csv_callback cb, void *ctx,
                       bm_csv_info *info)
{
    char *bytes = NULL;
    size_t n = 0;
    bm_status st = bm_i_read_file(path, &bytes, &n);
    if (st != BM_OK)
        return st;
    if (info) {
        bm_i_sha256_hex(bytes, n, info->sha256);
        info->delimiter = 0;
        info->converted_cp1252 = 0;
    }
    st = bm_i_xlsx_read_mem(path, bytes, n, sheet, NULL, cb, ctx);
    free(bytes);
    return st;
}

bm_status bm_xlsx_sheets(const char *path, char ***names, size_t *count)
{
    char *bytes = NULL;
    size_t n = 0;
    *names = NULL;
    *count = 0;
    bm_status st = bm_i_read_file(path, &bytes, &n);
    if (st == BM_OK)
        st = bm_i_xlsx_sheets_mem(path, bytes, n, names, count);
    free(bytes);
    return st;
}

/* 1: zip, 2: OLE compound file (.xls, or an encrypted .xlsx), 0: other,
 * -1: cannot be read. */
static int sniff(const char *path)
{
    unsigned char m[8];
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t got = fread(m, 1, sizeof m, f);
    fclose(f);
    if (got >= 4 && memcmp(m, "PK\x03\x04", 4) == 0)
        return 1;
    if (got == 8 && memcmp(m, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return 2;
    return 0;
}

int bm_file_is_zip(const char *path) { return sniff(path) == 1; }

bm_status bm_table_read(const char *path, const char *sheet, bm_csv_callback cb, void *ctx,
                        bm_csv_info *info)
{
    int kind = sniff(path);
    if (kind > 0)
        return bm_xlsx_read(path, sheet, cb, ctx, info);
    if (sheet && kind == 0)
        return bm_error_set(BM_EUSAGE, "--sheet only applies to .xlsx workbooks");
    return bm_csv_read(path, cb, ctx, info); /* says why it cannot be opened */
}
