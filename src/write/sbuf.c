/* sbuf.c: the growable string the drawings and the report build text in.
 * An allocation failure sets oom once; later calls do nothing, so a caller
 * checks oom at the end instead of after every piece. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gv.h"

void bm_i_sb_put(bm_sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void bm_i_sb_str(bm_sbuf *b, const char *s) { bm_i_sb_put(b, s, strlen(s)); }

void bm_i_sb_printf(bm_sbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        bm_i_sb_put(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    bm_i_sb_put(b, big, (size_t)n);
    free(big);
}

/* Graphviz label text: backslashes doubled, so that "A\B" is no escape. */
void bm_i_sb_label(bm_sbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            bm_i_sb_put(b, "\\\\", 2);
        else
            bm_i_sb_put(b, s, 1);
    }
}

/* Text for HTML, SVG or a Graphviz HTML-like label: & < > " ' as
 * entities; control characters other than tab and newline (which XML 1.0
 * forbids) dropped. */
void bm_i_sb_html(bm_sbuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': bm_i_sb_str(b, "&amp;"); break;
        case '<': bm_i_sb_str(b, "&lt;"); break;
        case '>': bm_i_sb_str(b, "&gt;"); break;
        case '"': bm_i_sb_str(b, "&quot;"); break;
        case '\'': bm_i_sb_str(b, "&#39;"); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n')
                bm_i_sb_put(b, s, 1);
        }
    }
}

/* ---- a deterministic object-ID discipline for cgraph -------------------------
 *
 * cgraph's default discipline (AgIdDisc, lib/cgraph/id.c) makes a named
 * object's ID the address of its interned name, and keeps subgraphs in ID
 * order: the order of clusters, and with it the silo view's layout, would
 * follow the heap. Here a name's ID is 2 x (1 + the order it was first
 * seen), so every iteration follows creation order; anonymous objects
 * (edges) take odd IDs from a counter, as in the default. */
#include "internal.h"

typedef struct gvid {
    char **names;
    size_t n, cap;
    size_t *slots; /* index + 1, 0 empty */
    size_t n_slots;
    IDTYPE odd;
} gvid;

static void *gvid_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)g;
    (void)disc;
    gvid *s = calloc(1, sizeof *s);
    if (s)
        s->odd = 1;
    return s;
}

static int gvid_grow(gvid *s)
{
    size_t cap = s->n_slots ? s->n_slots * 2 : 256;
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t k = 0; k < s->n; k++) {
        size_t h = (size_t)bm_hash_bytes(s->names[k], strlen(s->names[k])) & (cap - 1);
        while (slots[h])
            h = (h + 1) & (cap - 1);
        slots[h] = k + 1;
    }
    free(s->slots);
    s->slots = slots;
    s->n_slots = cap;
    return 0;
}

static long gvid_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    (void)objtype;
    gvid *s = state;
    if (!str) {
        *id = s->odd;
        s->odd += 2;
        return 1;
    }
    if ((s->n + 1) * 2 > s->n_slots && gvid_grow(s) != 0)
        return 0;
    size_t len = strlen(str);
    size_t h = (size_t)bm_hash_bytes(str, len) & (s->n_slots - 1);
    while (s->slots[h]) {
        size_t k = s->slots[h] - 1;
        if (strcmp(s->names[k], str) == 0) {
            *id = (IDTYPE)(2 * (k + 1));
            return 1;
        }
        h = (h + 1) & (s->n_slots - 1);
    }
    if (!createflag)
        return 0;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        char **p = realloc(s->names, cap * sizeof *p);
        if (!p)
            return 0;
        s->names = p;
        s->cap = cap;
    }
    /* a refstr, as cgraph's own names are: its writers read the string's
     * header (aghtmlstr), which a plain strdup does not have */
    char *copy = agstrdup(NULL, str);
    if (!copy)
        return 0;
    s->names[s->n] = copy;
    s->slots[h] = ++s->n;
    *id = (IDTYPE)(2 * s->n);
    return 1;
}

static long gvid_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    return id % 2 == 0; /* as AgIdDisc: a caller may claim an even (named) ID */
}

static void gvid_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id; /* names live until the graph closes */
}

static char *gvid_print(void *state, int objtype, IDTYPE id)
{
    (void)objtype;
    gvid *s = state;
    if (id % 2 != 0 || id == 0 || id / 2 > s->n)
        return NULL;
    return s->names[id / 2 - 1];
}

static void gvid_close(void *state)
{
    gvid *s = state;
    if (!s)
        return;
    for (size_t k = 0; k < s->n; k++)
        agstrfree(NULL, s->names[k]);
    free(s->names);
    free(s->slots);
    free(s);
}

static void gvid_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t gvid_disc = {gvid_open, gvid_map, gvid_alloc, gvid_free, gvid_print, gvid_close,
                               gvid_register};
static Agdisc_t gv_disc = {&AgMemDisc, &gvid_disc, &AgIoDisc};

Agraph_t *bm_i_gv_open(const char *name, Agdesc_t desc)
{
    return agopen((char *)name, desc, &gv_disc);
}
