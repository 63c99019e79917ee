/* csv.c: reading the CSV files people really have, through libcsv.
 *
 * The whole file is read into memory (inputs are never opened for writing),
 * hashed (SHA-256, for the summary's provenance), converted to UTF-8 when it
 * is UTF-16 (Excel's "Unicode text") or not valid UTF-8 (then read as
 * Windows-1252, Excel's default "CSV" on Western Windows), stripped of a BOM,
 * and parsed with libcsv's streaming callbacks. The delimiter (comma,
 * semicolon or tab) is the most frequent of the three in the header line,
 * outside quotes.
 *
 * libcsv reports no positions, so the text is fed one physical line at a time:
 * a record starts on the first non-blank line after the previous record ended,
 * which gives error messages the line where the record starts even when a
 * quoted field spans several lines. */
#define _GNU_SOURCE
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <math.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "internal.h"

/* ---- number parsing ------------------------------------------------------ */

struct bm_numparser {
    locale_t c_locale;
};

bm_numparser *bm_numparser_new(void)
{
    bm_numparser *p = malloc(sizeof *p);
    if (!p)
        return NULL;
    p->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (p->c_locale == (locale_t)0) {
        free(p);
        return NULL;
    }
    return p;
}

void bm_numparser_free(bm_numparser *p)
{
    if (!p)
        return;
    freelocale(p->c_locale);
    free(p);
}

int bm_parse_double(bm_numparser *p, const char *s, int decimal_comma, double *out)
{
    while (*s == ' ' || *s == '\t')
        s++;
    /* Fast path: plain integers of up to 15 digits convert exactly. */
    {
        const char *q = s;
        int neg = 0;
        if (*q == '-' || *q == '+')
            neg = (*q++ == '-');
        uint64_t v = 0;
        int digits = 0;
        while (*q >= '0' && *q <= '9' && digits < 16) {
            v = v * 10 + (uint64_t)(*q - '0');
            q++;
            digits++;
        }
        const char *r = q;
        while (*r == ' ' || *r == '\t')
            r++;
        if (digits > 0 && digits <= 15 && *r == '\0') {
            *out = neg ? -(double)v : (double)v;
            return 0;
        }
    }
    char buf[64];
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (decimal_comma) {
        char *comma = strchr(buf, ',');
        if (comma && !strchr(buf, '.') && !strchr(comma + 1, ','))
            *comma = '.';
    }
    char *end = NULL;
    errno = 0;
    double v = strtod_l(buf, &end, p->c_locale);
    if (end == buf || *end != '\0')
        return -1;
    if (errno == ERANGE && isfinite(v) && v != 0.0)
        return -1;
    *out = v;
    return 0;
}

void bm_i_sha256_hex(const void *bytes, size_t n, char hex[65])
{
    struct sha256_ctx sha;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&sha);
    sha256_update(&sha, n, (const uint8_t *)bytes);
    sha256_digest(&sha, SHA256_DIGEST_SIZE, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

/* ---- locations ------------------------------------------------------------ */

const char *bm_loc(char *buf, size_t cap, const char *path, const bm_csv_record *rec, long col)
{
    if (rec->item) {
        snprintf(buf, cap, "%s: %s %zu", path, rec->item, rec->line);
    } else if (rec->sheet) {
        if (col < 0) {
            snprintf(buf, cap, "%s:%s row %zu", path, rec->sheet, rec->line);
        } else {
            char letters[8];
            int n = 0;
            unsigned long c = (unsigned long)col + 1; /* bijective base 26: A..Z, AA.. */
            char rev[8];
            while (c > 0 && n < 7) {
                rev[n++] = (char)('A' + (c - 1) % 26);
                c = (c - 1) / 26;
            }
            for (int i = 0; i < n; i++)
                letters[i] = rev[n - 1 - i];
            letters[n] = '\0';
            snprintf(buf, cap, "%s:%s!%s%zu", path, rec->sheet, letters, rec->line);
        }
    } else if (col < 0) {
        snprintf(buf, cap, "%s:%zu", path, rec->line);
    } else {
        snprintf(buf, cap, "%s:%zu:%ld", path, rec->line, col + 1);
    }
    return buf;
}

/* ---- reading the file ---------------------------------------------------- */

/* Offset of the first byte that is not valid UTF-8, or n when all are. */
static size_t first_invalid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return n;
}

static int is_valid_utf8(const unsigned char *s, size_t n) { return first_invalid_utf8(s, n) == n; }

/* Converts buf (n bytes, encoding `from`) to UTF-8 with iconv; the result is a
 * new malloc'd buffer. Returns 0, or -1 with errno-like failure. */
static int convert_to_utf8(const char *from, const char *buf, size_t n, char **out, size_t *out_n)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    size_t cap = n * 3 + 16;
    char *dst = malloc(cap);
    if (!dst) {
        iconv_close(cd);
        return -1;
    }
    char *in = (char *)buf;
    size_t in_left = n;
    char *o = dst;
    size_t o_left = cap;
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(dst);
        return -1;
    }
    *out = dst;
    *out_n = cap - o_left;
    return 0;
}

bm_status bm_i_text_to_utf8(const char *path, char **buf, size_t *n, int *converted)
{
    *converted = 0;
    if (is_valid_utf8((const unsigned char *)*buf, *n))
        return BM_OK;
    char *out = NULL;
    size_t out_n = 0;
    /* Windows-1252 leaves five bytes undefined; ISO-8859-1 maps them all */
    if (convert_to_utf8("WINDOWS-1252", *buf, *n, &out, &out_n) != 0 &&
        convert_to_utf8("ISO-8859-1", *buf, *n, &out, &out_n) != 0)
        return bm_error_set(BM_EINTERNAL, "%s: out of memory converting the text to UTF-8", path);
    out[out_n] = '\0'; /* room: the conversion is at most 3n of its 3n + 16 bytes */
    free(*buf);
    *buf = out;
    *n = out_n;
    *converted = 1;
    return BM_OK;
}

typedef struct reader {
    const char *path;
    bm_csv_callback cb;
    void *ctx;
    bm_status st;         /* first failure from cb or from memory */
    char *fbuf;           /* current record's field bytes */
    size_t flen, fcap;
    size_t *offs, *lens;  /* per field */
    size_t nf, ofcap;
    char **ptrs;
    size_t ptrcap;
    size_t line;          /* line being fed */
    size_t rec_start;
    int at_boundary;
} reader;

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->st != BM_OK)
        return;
    if (r->nf == r->ofcap) {
        size_t cap = r->ofcap ? r->ofcap * 2 : 16;
        size_t *o = realloc(r->offs, cap * sizeof *o);
        if (o)
            r->offs = o;
        size_t *l = realloc(r->lens, cap * sizeof *l);
        if (l)
            r->lens = l;
        if (!o || !l) {
            r->st = bm_error_set(BM_EINTERNAL, "%s: out of memory", r->path);
            return;
        }
        r->ofcap = cap;
    }
    if (r->flen + len + 1 > r->fcap) {
        size_t cap = r->fcap ? r->fcap : 256;
        while (cap < r->flen + len + 1)
            cap *= 2;
        char *b = realloc(r->fbuf, cap);
        if (!b) {
            r->st = bm_error_set(BM_EINTERNAL, "%s: out of memory", r->path);
            return;
        }
        r->fbuf = b;
        r->fcap = cap;
    }
    if (len)
        memcpy(r->fbuf + r->flen, s, len);
    r->fbuf[r->flen + len] = '\0';
    r->offs[r->nf] = r->flen;
    r->lens[r->nf] = len;
    r->flen += len + 1;
    r->nf++;
}

static void on_row(int c, void *data)
{
    (void)c;
    reader *r = data;
    r->at_boundary = 1;
    if (r->st != BM_OK) {
        r->nf = r->flen = 0;
        return;
    }
    int blank = 1;
    for (size_t i = 0; i < r->nf; i++)
        if (r->lens[i] != 0)
            blank = 0;
    if (!blank) {
        if (r->nf > r->ptrcap) {
            char **p = realloc(r->ptrs, r->nf * sizeof *p);
            if (!p) {
                r->st = bm_error_set(BM_EINTERNAL, "%s: out of memory", r->path);
                return;
            }
            r->ptrs = p;
            r->ptrcap = r->nf;
        }
        for (size_t i = 0; i < r->nf; i++)
            r->ptrs[i] = r->fbuf + r->offs[i];
        bm_csv_record rec = {r->rec_start, r->nf, r->ptrs, r->lens, NULL, NULL};
        r->st = r->cb(&rec, r->ctx);
    }
    r->nf = r->flen = 0;
}

static int space_only(unsigned char c) { return c == ' '; }
static int space_or_tab(unsigned char c) { return c == ' ' || c == '\t'; }

static char detect_delimiter(const char *s, size_t n)
{
    size_t comma = 0, semi = 0, tab = 0;
    int quoted = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            comma++;
        else if (!quoted && c == ';')
            semi++;
        else if (!quoted && c == '\t')
            tab++;
    }
    if (semi > comma && semi >= tab)
        return ';';
    if (tab > comma && tab > semi)
        return '\t';
    return ',';
}

bm_status bm_i_read_file(const char *path, char **out, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return bm_error_set(BM_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return bm_error_set(BM_EINPUT, "%s: not a regular file", path);
    }
    size_t size = (size_t)sb.st_size;
    char *buf = malloc(size + 1);
    if (!buf) {
        fclose(f);
        return bm_error_set(BM_EINTERNAL, "%s: out of memory reading %zu bytes", path, size);
    }
    size_t got = fread(buf, 1, size, f);
    int err = ferror(f);
    fclose(f);
    if (err || got != size) {
        free(buf);
        return bm_error_set(BM_EINPUT, "%s: read error", path);
    }
    buf[size] = '\0';
    *out = buf;
    *n = size;
    return BM_OK;
}

bm_status bm_csv_read(const char *path, bm_csv_callback cb, void *ctx, bm_csv_info *info)
{
    return bm_csv_read_ex(path, NULL, cb, ctx, info);
}

/* The iconv name of an --encoding value, or NULL when unknown. */
static const char *encoding_name(const char *e)
{
    static const struct {
        const char *given, *iconv;
    } names[] = {{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"windows-1252", "WINDOWS-1252"},
                 {"cp1252", "WINDOWS-1252"}, {"latin-1", "ISO-8859-1"}, {"latin1", "ISO-8859-1"},
                 {"iso-8859-1", "ISO-8859-1"}, {"iso-8859-15", "ISO-8859-15"},
                 {"utf-16", "UTF-16"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(e, names[i].given) == 0)
            return names[i].iconv;
    return NULL;
}

bm_status bm_csv_read_ex(const char *path, const bm_csv_format *fmt, bm_csv_callback cb, void *ctx,
                         bm_csv_info *info)
{
    bm_status st = BM_OK;
    char *raw = NULL, *conv = NULL;
    size_t n = 0;
    struct csv_parser parser;
    int parser_ready = 0;
    reader r;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.cb = cb;
    r.ctx = ctx;
    r.line = 1;
    r.at_boundary = 1;

    if ((st = bm_i_read_file(path, &raw, &n)) != BM_OK)
        goto done;

    if (info) {
        bm_i_sha256_hex(raw, n, info->sha256);
        info->converted_cp1252 = 0;
    }

    const char *text = raw;
    size_t len = n;
    if (n >= 4 && memcmp(raw, "PK\x03\x04", 4) == 0) {
        st = bm_error_set(BM_EINPUT, "%s:1: this is a zip file (an Excel .xlsx workbook?); "
                          "save it as CSV (File > Save As > CSV UTF-8)", path);
        goto done;
    }
    {
        /* other files people pick by mistake, by their first bytes */
        static const struct {
            const char *magic;
            size_t len;
            const char *what;
        } kinds[] = {{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
                      "an old Excel .xls workbook or a password-protected .xlsx; save it as .xlsx "
                      "or CSV"},
                     {"%PDF", 4, "a PDF document, not a table"},
                     {"\x89PNG", 4, "a PNG image, not a table"},
                     {"\xFF\xD8\xFF", 3, "a JPEG image, not a table"},
                     {"\x1F\x8B", 2, "a gzip-compressed file; decompress it first (gunzip)"},
                     {"\x7F" "ELF", 4, "a program, not a table"}};
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            if (n >= kinds[k].len && memcmp(raw, kinds[k].magic, kinds[k].len) == 0) {
                st = bm_error_set(BM_EINPUT, "%s:1: this is %s", path, kinds[k].what);
                goto done;
            }
    }
    const char *forced = NULL;
    if (fmt && fmt->encoding) {
        if (!(forced = encoding_name(fmt->encoding))) {
            st = bm_error_set(BM_EUSAGE, "--encoding '%s' is not one of utf-8, windows-1252, latin-1, "
                              "iso-8859-15, utf-16, utf-16le, utf-16be", fmt->encoding);
            goto done;
        }
    }
    if (forced && strcmp(forced, "UTF-8") == 0) {
        if (!is_valid_utf8((const unsigned char *)raw, n)) {
            size_t line = 1, bad = first_invalid_utf8((const unsigned char *)raw, n);
            for (size_t i = 0; i < bad; i++)
                line += raw[i] == '\n';
            st = bm_error_set(BM_EINPUT, "%s:%zu: not valid UTF-8 (byte %zu of the file; --encoding "
                              "utf-8 was given)", path, line, bad + 1);
            goto done;
        }
    } else if (forced) {
        const char *from = forced;
        const char *src = raw;
        size_t srclen = n;
        if (strcmp(forced, "UTF-16") == 0 && n >= 2) {
            /* the BOM decides; without one, little-endian (what Windows writes) */
            if ((unsigned char)raw[0] == 0xFE && (unsigned char)raw[1] == 0xFF) {
                from = "UTF-16BE";
                src += 2;
                srclen -= 2;
            } else {
                from = "UTF-16LE";
                if ((unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE) {
                    src += 2;
                    srclen -= 2;
                }
            }
        }
        if (convert_to_utf8(from, src, srclen, &conv, &len) != 0) {
            st = bm_error_set(BM_EINPUT, "%s: not valid %s text (--encoding %s)", path, fmt->encoding,
                              fmt->encoding);
            goto done;
        }
        text = conv;
        if (info)
            info->converted_cp1252 = strcmp(forced, "WINDOWS-1252") == 0;
    } else if (n >= 2 && ((unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE)) {
        if (convert_to_utf8("UTF-16LE", raw + 2, n - 2, &conv, &len) != 0) {
            st = bm_error_set(BM_EINPUT, "%s: invalid UTF-16 text", path);
            goto done;
        }
        text = conv;
    } else if (n >= 2 && ((unsigned char)raw[0] == 0xFE && (unsigned char)raw[1] == 0xFF)) {
        if (convert_to_utf8("UTF-16BE", raw + 2, n - 2, &conv, &len) != 0) {
            st = bm_error_set(BM_EINPUT, "%s: invalid UTF-16 text", path);
            goto done;
        }
        text = conv;
    } else if (!is_valid_utf8((const unsigned char *)raw, n)) {
        if (convert_to_utf8("WINDOWS-1252", raw, n, &conv, &len) != 0) {
            st = bm_error_set(BM_EINPUT, "%s: not text (neither UTF-8 nor Windows-1252): binary "
                              "data, or a table in another encoding (give --encoding)", path);
            goto done;
        }
        text = conv;
        if (info)
            info->converted_cp1252 = 1;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (memchr(text, '\0', len)) {
        st = bm_error_set(BM_EINPUT, "%s: contains NUL bytes; not a text CSV file", path);
        goto done;
    }

    char delim = fmt && fmt->delimiter ? fmt->delimiter : detect_delimiter(text, len);
    if (info)
        info->delimiter = delim;
    if (csv_init(&parser, CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) {
        st = bm_error_set(BM_EINTERNAL, "%s: out of memory", path);
        goto done;
    }
    parser_ready = 1;
    csv_set_delim(&parser, (unsigned char)delim);
    /* libcsv grows a field's buffer by a fixed block (128 bytes by default):
     * a 10 MB field took 80,000 reallocations, quadratic when each copies */
    csv_set_blk_size(&parser, (size_t)1 << 20);
    csv_set_space_func(&parser, delim == '\t' ? space_only : space_or_tab);

    size_t pos = 0;
    while (pos < len && r.st == BM_OK) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        if (r.at_boundary) {
            r.rec_start = r.line;
            for (size_t i = pos; i < end; i++) {
                char c = text[i];
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    r.at_boundary = 0;
                    break;
                }
            }
        }
        if (csv_parse(&parser, text + pos, end - pos, on_field, on_row, &r) != end - pos) {
            st = bm_error_set(BM_EINPUT, "%s:%zu: %s", path, r.rec_start,
                              csv_strerror(csv_error(&parser)));
            goto done;
        }
        pos = end;
        r.line++;
    }
    /* libcsv only reports an unclosed quote in strict mode, which would also
     * refuse the stray quotes of hand-typed files (5" screen), so look at
     * its state: pstate 2 (FIELD_BEGUN in libcsv.c) inside a quoted field
     * means the closing quote never came. */
    if (r.st == BM_OK && parser.pstate == 2 && parser.quoted) {
        st = bm_error_set(BM_EINPUT, "%s:%zu: a quoted field is never closed (missing \")",
                          path, r.rec_start);
        goto done;
    }
    if (r.st == BM_OK && csv_fini(&parser, on_field, on_row, &r) != 0) {
        st = bm_error_set(BM_EINPUT, "%s:%zu: a quoted field is never closed (missing \")",
                          path, r.rec_start);
        goto done;
    }
    st = r.st;

done:
    if (parser_ready)
        csv_free(&parser);
    free(r.fbuf);
    free(r.offs);
    free(r.lens);
    free(r.ptrs);
    free(conv);
    free(raw);
    return st;
}
