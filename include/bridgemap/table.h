/* bridgemap/table.h: the result of a measure, in named, typed columns.
 *
 * A table has a fixed number of rows and columns of numbers (double; NaN means
 * "undefined" and is written as an empty CSV cell / JSON null) or text. Each
 * column carries a one-line description and the citation of its definition,
 * so every writer (CSV, JSON, report) can write any table. */
#ifndef BRIDGEMAP_TABLE_H
#define BRIDGEMAP_TABLE_H

#include <stddef.h>
#include "bridgemap/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bm_table bm_table;

typedef enum bm_column_type { BM_COL_NUMBER = 0, BM_COL_TEXT = 1 } bm_column_type;

bm_status bm_table_new(bm_table **out, const char *name, size_t rows);
void bm_table_free(bm_table *t);

/* Adds a column; values are copied (NULL values: a column of NaN / ""). */
bm_status bm_table_add_number(bm_table *t, const char *name, const double *values,
                              const char *description, const char *citation);
bm_status bm_table_add_text(bm_table *t, const char *name, const char *const *values,
                            const char *description, const char *citation);

const char *bm_table_name(const bm_table *t);
size_t bm_table_rows(const bm_table *t);
size_t bm_table_cols(const bm_table *t);
const char *bm_table_col_name(const bm_table *t, size_t c);
const char *bm_table_col_description(const bm_table *t, size_t c);
const char *bm_table_col_citation(const bm_table *t, size_t c);
bm_column_type bm_table_col_type(const bm_table *t, size_t c);
/* Column index by exact name, or -1. */
long bm_table_find(const bm_table *t, const char *name);
double bm_table_number(const bm_table *t, size_t c, size_t row);
const char *bm_table_text(const bm_table *t, size_t c, size_t row);
/* Column c's numbers into out (rows values; NaN for a text column), in one
 * call: a binding reads a million-row column without a million calls. */
void bm_table_copy_numbers(const bm_table *t, size_t c, double *out);
/* Column c's texts one after another, each ended by its NUL ("" for a number
 * column), in *out (len bytes in all; the caller frees it with free(), or from
 * another language with bm_string_free of bridgemap/options.h). */
bm_status bm_table_copy_texts(const bm_table *t, size_t c, char **out, size_t *len);

/* Formats x in the shortest form that reads back to the same double, in the
 * C locale ("" for NaN, "inf"/"-inf" for infinities). buf needs 32 bytes. */
void bm_format_number(char buf[32], double x);

#ifdef __cplusplus
}
#endif
#endif
