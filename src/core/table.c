/* table.c: named, typed columns; the one shape every measure returns and
 * every writer reads (DESIGN.md, "Table"). */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/table.h"

typedef struct column {
    char *name, *description, *citation;
    bm_column_type type;
    double *num;
    char **text;
} column;

struct bm_table {
    char *name;
    size_t rows, ncols, cap;
    column *cols;
};

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

bm_status bm_table_new(bm_table **out, const char *name, size_t rows)
{
    bm_table *t = calloc(1, sizeof *t);
    *out = NULL;
    if (!t || !(t->name = dup_or_empty(name))) {
        free(t);
        return bm_error_set(BM_EINTERNAL, "out of memory");
    }
    t->rows = rows;
    *out = t;
    return BM_OK;
}

void bm_table_free(bm_table *t)
{
    if (!t)
        return;
    for (size_t c = 0; c < t->ncols; c++) {
        column *col = &t->cols[c];
        free(col->name);
        free(col->description);
        free(col->citation);
        free(col->num);
        if (col->text)
            for (size_t r = 0; r < t->rows; r++)
                free(col->text[r]);
        free(col->text);
    }
    free(t->cols);
    free(t->name);
    free(t);
}

static column *add_column(bm_table *t, const char *name, const char *description,
                          const char *citation, bm_column_type type)
{
    if (t->ncols == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        column *c = realloc(t->cols, cap * sizeof *c);
        if (!c)
            return NULL;
        t->cols = c;
        t->cap = cap;
    }
    column *col = &t->cols[t->ncols];
    memset(col, 0, sizeof *col);
    col->type = type;
    col->name = dup_or_empty(name);
    col->description = dup_or_empty(description);
    col->citation = dup_or_empty(citation);
    if (!col->name || !col->description || !col->citation) {
        free(col->name);
        free(col->description);
        free(col->citation);
        return NULL;
    }
    t->ncols++;
    return col;
}

bm_status bm_table_add_number(bm_table *t, const char *name, const double *values,
                              const char *description, const char *citation)
{
    column *col = add_column(t, name, description, citation, BM_COL_NUMBER);
    if (!col || !(col->num = malloc((t->rows ? t->rows : 1) * sizeof *col->num)))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (size_t r = 0; r < t->rows; r++)
        col->num[r] = values ? values[r] : NAN;
    return BM_OK;
}

bm_status bm_table_add_text(bm_table *t, const char *name, const char *const *values,
                            const char *description, const char *citation)
{
    column *col = add_column(t, name, description, citation, BM_COL_TEXT);
    if (!col || !(col->text = calloc(t->rows ? t->rows : 1, sizeof *col->text)))
        return bm_error_set(BM_EINTERNAL, "out of memory");
    for (size_t r = 0; r < t->rows; r++)
        if (!(col->text[r] = dup_or_empty(values ? values[r] : NULL)))
            return bm_error_set(BM_EINTERNAL, "out of memory");
    return BM_OK;
}

const char *bm_table_name(const bm_table *t) { return t->name; }
size_t bm_table_rows(const bm_table *t) { return t->rows; }
size_t bm_table_cols(const bm_table *t) { return t->ncols; }
const char *bm_table_col_name(const bm_table *t, size_t c) { return t->cols[c].name; }
const char *bm_table_col_description(const bm_table *t, size_t c) { return t->cols[c].description; }
const char *bm_table_col_citation(const bm_table *t, size_t c) { return t->cols[c].citation; }
bm_column_type bm_table_col_type(const bm_table *t, size_t c) { return t->cols[c].type; }

long bm_table_find(const bm_table *t, const char *name)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->cols[c].name, name) == 0)
            return (long)c;
    return -1;
}

double bm_table_number(const bm_table *t, size_t c, size_t row)
{
    return t->cols[c].type == BM_COL_NUMBER ? t->cols[c].num[row] : NAN;
}

void bm_table_copy_numbers(const bm_table *t, size_t c, double *out)
{
    for (size_t r = 0; r < t->rows; r++)
        out[r] = t->cols[c].type == BM_COL_NUMBER ? t->cols[c].num[r] : NAN;
}

bm_status bm_table_copy_texts(const bm_table *t, size_t c, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    size_t n = 0;
    for (size_t r = 0; r < t->rows; r++) {
        size_t k = t->cols[c].type == BM_COL_TEXT ? strlen(t->cols[c].text[r]) : 0;
        if (n > SIZE_MAX - k - 1)
            return bm_error_set(BM_EINTERNAL, "table column too large");
        n += k + 1;
    }
    char *buf = malloc(n ? n : 1);
    if (!buf)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    char *p = buf;
    for (size_t r = 0; r < t->rows; r++) {
        const char *s = t->cols[c].type == BM_COL_TEXT ? t->cols[c].text[r] : "";
        size_t k = strlen(s);
        memcpy(p, s, k + 1);
        p += k + 1;
    }
    *out = buf;
    *len = n;
    return BM_OK;
}

const char *bm_table_text(const bm_table *t, size_t c, size_t row)
{
    return t->cols[c].type == BM_COL_TEXT ? t->cols[c].text[row] : "";
}

/* Shortest of %.15g, %.16g, %.17g that reads back to x: round-trips
 * (IEEE 754 doubles need at most 17 significant digits) without printing
 * 0.1 as 0.10000000000000001. The library never calls setlocale, and a
 * comma from a host program's locale is turned back into a point. */
void bm_format_number(char buf[32], double x)
{
    if (isnan(x)) {
        buf[0] = '\0';
        return;
    }
    if (isinf(x)) {
        strcpy(buf, x > 0 ? "inf" : "-inf");
        return;
    }
    if (x == 0.0) {
        strcpy(buf, "0");
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, x);
        for (char *p = buf; *p; p++)
            if (*p == ',')
                *p = '.';
        if (strtod(buf, NULL) == x)
            break;
    }
}
