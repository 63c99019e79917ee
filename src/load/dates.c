/* dates.c: record dates in the forms spreadsheets write them.
 *
 * A date is kept as ISO 8601 text (YYYY-MM-DD), which sorts as it reads.
 * Besides ISO, --date-format accepts day-month-year with '-', '.' or '/'
 * ("d-m-Y", "d.m.Y", "d/m/Y"), month/day/year ("m/d/Y") and "Y/m/d"; day and
 * month may have one or two digits, the year has four. A time after the
 * date ("T10:30" or " 10:30") is allowed and ignored. Calendar: proleptic
 * Gregorian (a leap year is divisible by 4 and not by 100, or by 400). */
#include <ctype.h>
#include <string.h>
#include "internal.h"

int bm_date_format_parse(const char *spec, bm_date_format *out)
{
    static const struct {
        const char *spec;
        bm_date_format f;
    } known[] = {{"Y-m-d", BM_DATE_ISO}, {"iso", BM_DATE_ISO}, {"d-m-Y", BM_DATE_DMY_DASH},
                 {"d.m.Y", BM_DATE_DMY_DOT}, {"d/m/Y", BM_DATE_DMY_SLASH},
                 {"m/d/Y", BM_DATE_MDY_SLASH}, {"Y/m/d", BM_DATE_YMD_SLASH}};
    if (!spec) {
        *out = BM_DATE_ISO;
        return 0;
    }
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(spec, known[i].spec) == 0) {
            *out = known[i].f;
            return 0;
        }
    return -1;
}

const char *bm_date_format_name(bm_date_format f)
{
    switch (f) {
    case BM_DATE_DMY_DASH: return "d-m-Y";
    case BM_DATE_DMY_DOT: return "d.m.Y";
    case BM_DATE_DMY_SLASH: return "d/m/Y";
    case BM_DATE_MDY_SLASH: return "m/d/Y";
    case BM_DATE_YMD_SLASH: return "Y/m/d";
    default: return "Y-m-d";
    }
}

int bm_date_valid(int y, int m, int d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] && !(m == 2 && d == 29 && !leap);
}

/* Reads 1..max digits at *p; returns the number or -1. */
static int digits(const char **p, const char *end, int min, int max)
{
    int v = 0, n = 0;
    while (*p < end && n < max && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n >= min ? v : -1;
}

int bm_date_to_iso(const char *s, size_t len, bm_date_format f, char iso[11])
{
    const char *p = s, *end = s + len;
    int y, m, d;
    char sep;
    if (f == BM_DATE_ISO || f == BM_DATE_YMD_SLASH) {
        sep = f == BM_DATE_ISO ? '-' : '/';
        /* ISO insists on two-digit month and day */
        int two = f == BM_DATE_ISO ? 2 : 1;
        if ((y = digits(&p, end, 4, 4)) < 0 || p >= end || *p++ != sep ||
            (m = digits(&p, end, two, 2)) < 0 || p >= end || *p++ != sep ||
            (d = digits(&p, end, two, 2)) < 0)
            return -1;
    } else {
        sep = f == BM_DATE_DMY_DASH ? '-' : f == BM_DATE_DMY_DOT ? '.' : '/';
        int a, b;
        if ((a = digits(&p, end, 1, 2)) < 0 || p >= end || *p++ != sep ||
            (b = digits(&p, end, 1, 2)) < 0 || p >= end || *p++ != sep ||
            (y = digits(&p, end, 4, 4)) < 0)
            return -1;
        d = f == BM_DATE_MDY_SLASH ? b : a;
        m = f == BM_DATE_MDY_SLASH ? a : b;
    }
    if (p < end && *p != 'T' && *p != ' ')
        return -1;
    if (!bm_date_valid(y, m, d))
        return -2;
    /* y has four digits, m and d at most two: checked above */
    iso[0] = (char)('0' + y / 1000);
    iso[1] = (char)('0' + y / 100 % 10);
    iso[2] = (char)('0' + y / 10 % 10);
    iso[3] = (char)('0' + y % 10);
    iso[4] = '-';
    iso[5] = (char)('0' + m / 10);
    iso[6] = (char)('0' + m % 10);
    iso[7] = '-';
    iso[8] = (char)('0' + d / 10);
    iso[9] = (char)('0' + d % 10);
    iso[10] = '\0';
    return 0;
}

const char *bm_date_guess(const char *s, size_t len)
{
    static const bm_date_format order[] = {BM_DATE_DMY_DOT, BM_DATE_DMY_DASH, BM_DATE_DMY_SLASH,
                                           BM_DATE_YMD_SLASH};
    char iso[11];
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (bm_date_to_iso(s, len, order[i], iso) == 0)
            return bm_date_format_name(order[i]);
    if (bm_date_to_iso(s, len, BM_DATE_MDY_SLASH, iso) == 0)
        return "m/d/Y";
    return NULL;
}
