/* columns.c: finding a table's columns by their header names.
 *
 * People's headers vary: "Source", "from", Danish "Fra", "VÆGT". A column is
 * found by its exact name given on the command line (--source-col ...) or by
 * the first of a list of synonyms present in the header. Names compare after
 * trimming spaces, folding ASCII case and the Danish/Norwegian capitals
 * Æ Ø Å to æ ø å. */
#include <string.h>
#include "internal.h"

const char *const bm_syn_source[] = {"source", "from", "fra", "sender", "afsender", "source_id", NULL};
const char *const bm_syn_target[] = {"target", "to", "til", "receiver", "modtager", "target_id", NULL};
const char *const bm_syn_weight[] = {"weight", "vægt", "vaegt", "strength", "styrke", NULL};
const char *const bm_syn_date[] = {"date", "dato", "timestamp", "tidspunkt", NULL};
const char *const bm_syn_id[] = {"id", "actor", "actor_id", "aktør", "aktor", "person",
                                 "person_id", NULL};
const char *const bm_syn_name[] = {"name", "navn", "label", "fullname", "full_name", NULL};
const char *const bm_syn_activity[] = {"activity", "aktivitet", "event", "project", "projekt",
                                       "team", "meeting", "møde", NULL};
const char *const bm_syn_role[] = {"role", "rolle", NULL};

size_t bm_i_trim(char **s, size_t len)
{
    char *p = *s;
    while (len && (*p == ' ' || *p == '\t')) {
        p++;
        len--;
    }
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r'))
        len--;
    *s = p;
    return len;
}

size_t bm_header_norm(const char *s, size_t len, char *out, size_t cap)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
        } else if (c == 0xC3 && i + 1 < len) {
            /* U+00C5 Å, U+00C6 Æ, U+00D8 Ø: lower case is +0x20 in the
             * second byte, as for every Latin-1 capital from U+00C0 to U+00DE
             * except U+00D7 (multiplication sign) */
            unsigned char d = (unsigned char)s[i + 1];
            if (d >= 0x80 && d <= 0x9E && d != 0x97)
                d = (unsigned char)(d + 0x20);
            if (n + 2 >= cap)
                break;
            out[n++] = (char)c;
            out[n++] = (char)d;
            i++;
            continue;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

/* Whether header field f names name (both normalised). */
static int header_eq(const char *f, size_t flen, const char *name)
{
    char a[256], b[256];
    bm_header_norm(f, flen, a, sizeof a);
    bm_header_norm(name, strlen(name), b, sizeof b);
    return strcmp(a, b) == 0;
}

long bm_header_pick(const bm_csv_record *hdr, const char *explicit_name, const char *const *syn)
{
    if (explicit_name) {
        for (size_t i = 0; i < hdr->nfields; i++)
            if (header_eq(hdr->fields[i], hdr->lens[i], explicit_name))
                return (long)i;
        return -1;
    }
    for (size_t k = 0; syn && syn[k]; k++)
        for (size_t i = 0; i < hdr->nfields; i++)
            if (header_eq(hdr->fields[i], hdr->lens[i], syn[k]))
                return (long)i;
    return -1;
}

const char *bm_header_list(const bm_csv_record *hdr, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < hdr->nfields && used + 4 < cap; i++) {
        int k = snprintf(buf + used, cap - used, "%s'%s'", i ? ", " : "", hdr->fields[i]);
        if (k < 0)
            break;
        used += (size_t)k;
        if (used >= cap) {
            used = cap - 1;
            if (cap > 4)
                memcpy(buf + cap - 4, "...", 4);
        }
    }
    return buf;
}

const char *bm_syn_list(const char *const *syn, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; syn[k] && used + 4 < cap; k++) {
        int w = snprintf(buf + used, cap - used, "%s%s", k ? ", " : "", syn[k]);
        if (w < 0)
            break;
        used += (size_t)w;
        if (used >= cap)
            used = cap - 1;
    }
    return buf;
}

long bm_i_pick_name(const char *const *names, size_t n, const char *const *syn)
{
    char a[256], b[256];
    for (size_t k = 0; syn[k]; k++) {
        bm_header_norm(syn[k], strlen(syn[k]), b, sizeof b);
        for (size_t i = 0; i < n; i++) {
            bm_header_norm(names[i], strlen(names[i]), a, sizeof a);
            if (strcmp(a, b) == 0)
                return (long)i;
        }
    }
    return -1;
}

long bm_network_label_attr(const bm_network *net)
{
    return bm_i_pick_name((const char *const *)net->attr_names, net->n_attr, bm_syn_name);
}

const char *const bm_syn_sector[] = {"sector", "sektor", "sectors", "sektorer", NULL};

const char *bm_network_default_group(const bm_network *net)
{
    long c = bm_i_pick_name((const char *const *)net->attr_names, net->n_attr, bm_syn_sector);
    return c >= 0 ? net->attr_names[c] : NULL;
}
