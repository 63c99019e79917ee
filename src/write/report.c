/* report.c: OUT/report.html, the analysis for a municipal leader.
 *
 * One self-contained file (inline CSS, the maps as inline SVG, no script,
 * no font or image from the network), so it opens from a USB stick and in
 * any browser. Findings in plain words first (the sentences analyze prints,
 * and the closest groups, who carries the ties between groups and which
 * introductions would connect them), then the maps, the block densities as
 * a heatmap, the tables a leader asks for (groups, top brokers per role and
 * per group, who holds the groups together, activities, suggestions), and a
 * methods section written from the tables' own column descriptions and
 * citations. Every name and attribute goes through bm_i_sb_html. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridgemap/output.h"
#include "internal.h"
#include "gv.h"

/* ---- small helpers ------------------------------------------------------------- */

static double num(const bm_table *t, const char *col, size_t r)
{
    long c = t ? bm_table_find(t, col) : -1;
    return c >= 0 && bm_table_col_type(t, (size_t)c) == BM_COL_NUMBER ? bm_table_number(t, (size_t)c, r)
                                                                       : NAN;
}

static const char *text(const bm_table *t, const char *col, size_t r)
{
    long c = t ? bm_table_find(t, col) : -1;
    return c >= 0 && bm_table_col_type(t, (size_t)c) == BM_COL_TEXT ? bm_table_text(t, (size_t)c, r) : "";
}

static void put_num(bm_sbuf *b, double x, int digits)
{
    if (!isfinite(x))
        bm_i_sb_str(b, "&#8211;");
    else
        bm_i_sb_printf(b, "%.*f", digits, x);
}

/* The actor's display name: the label column (name-like) or the id. */
typedef struct namer {
    const bm_network *net;
    long col;
    const bm_table *actors;
} namer;

static const char *actor_name(const namer *nm, size_t i)
{
    if (nm->col >= 0) {
        const char *v = bm_network_attr_value(nm->net, (size_t)nm->col, i);
        if (v && v[0])
            return v;
    }
    return bm_network_actor_id(nm->net, i);
}

static long actor_of_id(const namer *nm, const char *id)
{
    return bm_network_find_actor(nm->net, id);
}

static void put_actor_id(bm_sbuf *b, const namer *nm, const char *id)
{
    long i = actor_of_id(nm, id);
    bm_i_sb_html(b, i >= 0 ? actor_name(nm, (size_t)i) : id);
}

/* ---- the page ------------------------------------------------------------------- */

static const char css[] =
    "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#222;margin:0;background:#fafafa}"
    "main{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff}"
    "h1{font-size:28px;margin:8px 0 4px}h2{font-size:21px;margin-top:36px;border-bottom:2px solid "
    "#0072B2;padding-bottom:4px}h3{font-size:16px;margin-top:22px}"
    ".caption{color:#555;font-size:14px}"
    ".cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}"
    ".card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:130px}"
    ".card b{display:block;font-size:22px}.card span{font-size:12px;color:#555}"
    ".findings li{margin:6px 0;line-height:1.45}"
    "figure{margin:18px 0}figure svg{max-width:100%;height:auto;border:1px solid #eee}"
    "figcaption{font-size:13px;color:#555}"
    "table{border-collapse:collapse;font-size:13px;margin:8px 0}"
    "th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "table.heat td{text-align:center;min-width:54px}"
    ".methods dt{font-weight:bold;margin-top:8px}.methods dd{margin:2px 0 0 18px}"
    ".small{font-size:12px;color:#666}"
    "@media print{main{max-width:none}figure{break-inside:avoid}}";

/* The page up to the title: a Content-Security-Policy forbids scripts and fetches. */
static void page_head(bm_sbuf *b, const char *title)
{
    bm_i_sb_str(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\"><title>");
    bm_i_sb_html(b, title);
    bm_i_sb_str(b, "</title><style>");
    bm_i_sb_str(b, css);
    bm_i_sb_str(b, "</style></head><body><main><h1>");
    bm_i_sb_html(b, title);
}

static void cards(bm_sbuf *b, const bm_report *r)
{
    const bm_table *s = r->narrative->summary;
    bm_i_sb_str(b, "<div class=\"cards\">");
    bm_i_sb_printf(b, "<div class=\"card\"><b>%.0f</b><span>actors</span></div>", num(s, "nodes", 0));
    bm_i_sb_printf(b, "<div class=\"card\"><b>%.0f</b><span>ties</span></div>", num(s, "ties", 0));
    bm_i_sb_str(b, "<div class=\"card\"><b>");
    put_num(b, num(s, "density", 0), 3);
    bm_i_sb_str(b, "</b><span>density (ties / possible pairs)</span></div>");
    bm_i_sb_printf(b, "<div class=\"card\"><b>%.0f</b><span>connected parts</span></div>",
                   num(s, "components", 0));
    if (r->narrative->grouping) {
        bm_i_sb_str(b, "<div class=\"card\"><b>");
        put_num(b, num(s, "ei_index", 0), 2);
        bm_i_sb_str(b, "</b><span>E-I index (chance: ");
        put_num(b, num(s, "ei_expected", 0), 2);
        double p = num(s, "ei_p_value_two_sided", 0);
        if (isfinite(p)) {
            if (p < 0.001)
                bm_i_sb_str(b, "; p &lt; 0.001");
            else
                bm_i_sb_printf(b, "; p = %.3f", p);
        }
        bm_i_sb_str(b, ")</span></div>");
        bm_i_sb_str(b, "<div class=\"card\"><b>");
        put_num(b, num(s, "modularity", 0), 2);
        bm_i_sb_str(b, "</b><span>modularity of the grouping</span></div>");
    }
    bm_i_sb_str(b, "</div>");
}

/* The sentences of bm_write_narrative, one list item per line (the
 * indented lines belong to the line before). */
static bm_status narrative_items(bm_sbuf *b, const bm_report *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return bm_error_set(BM_EINTERNAL, "out of memory");
    bm_status st = bm_write_narrative(f, r->narrative);
    if (fclose(f) != 0 && st == BM_OK)
        st = bm_error_set(BM_EINTERNAL, "out of memory");
    if (st != BM_OK) {
        free(buf);
        return st;
    }
    int in_sub = 0;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        int sub = line[0] == ' ';
        if (sub && !in_sub)
            bm_i_sb_str(b, "<ul>");
        if (!sub && in_sub)
            bm_i_sb_str(b, "</ul></li>");
        else if (!sub && line != buf)
            bm_i_sb_str(b, "</li>");
        bm_i_sb_str(b, "<li>");
        const char *t = line;
        while (*t == ' ' || *t == '-')
            t++;
        bm_i_sb_html(b, t);
        if (sub)
            bm_i_sb_str(b, "</li>");
        in_sub = sub;
        line = nl ? nl + 1 : NULL;
    }
    if (in_sub)
        bm_i_sb_str(b, "</ul>");
    if (buf && buf[0])
        bm_i_sb_str(b, "</li>");
    free(buf);
    return BM_OK;
}

/* "Jobbsenteret keeps 91% of its ties inside (E-I -0.82), ..." for the
 * three most closed groups with any tie. */
static void closed_groups(bm_sbuf *b, const bm_report *r)
{
    const bm_table *g = r->narrative->groups;
    if (!g)
        return;
    size_t n = bm_table_rows(g);
    size_t order[3];
    size_t k = 0;
    for (size_t pass = 0; pass < 3; pass++) {
        long best = -1;
        for (size_t i = 0; i < n; i++) {
            double in = num(g, "internal_ties", i), out = num(g, "external_ties", i);
            double ei = num(g, "ei_index", i);
            if (!(in + out > 0) || !isfinite(ei) || ei >= 0)
                continue;
            int used = 0;
            for (size_t j = 0; j < k; j++)
                used |= order[j] == i;
            if (!used && (best < 0 || ei < num(g, "ei_index", (size_t)best)))
                best = (long)i;
        }
        if (best < 0)
            break;
        order[k++] = (size_t)best;
    }
    for (size_t j = 0; j < k; j++) {
        size_t i = order[j];
        double in = num(g, "internal_ties", i), out = num(g, "external_ties", i);
        bm_i_sb_str(b, "<li><b>");
        bm_i_sb_html(b, text(g, "group", i));
        /* members' side (Krackhardt & Stern 1988, as groups.csv): a tie inside
         * counts for both its members, so the share inside is (1 - E-I) / 2 */
        double ei = num(g, "ei_index", i);
        bm_i_sb_printf(b, "</b> has %.0f%% of its members' ties inside the group (E-I %.2f; %.0f "
                       "ties inside, %.0f to other groups)", 100.0 * (1.0 - ei) / 2.0, ei, in, out);
        double silo = num(g, "silo_score", i);
        if (isfinite(silo))
            bm_i_sb_printf(b, "; silo score %.0f of 100, where 0 mixes as chance would", silo);
        bm_i_sb_str(b, ".</li>");
    }
}

/* "3 people carry 70% of the ties between public and private." */
static void carriers(bm_sbuf *b, const bm_report *r, const namer *nm)
{
    const bm_table *d = r->narrative->dependence;
    if (!d || !bm_table_rows(d))
        return;
    size_t n = bm_table_rows(d);
    long best = -1;
    for (size_t i = 0; i < n; i++)
        if (best < 0 || num(d, "ties", i) > num(d, "ties", (size_t)best))
            best = (long)i;
    size_t i = (size_t)best;
    bm_i_sb_str(b, "<li>Between <b>");
    bm_i_sb_html(b, text(d, "group_a", i));
    bm_i_sb_str(b, "</b> and <b>");
    bm_i_sb_html(b, text(d, "group_b", i));
    bm_i_sb_printf(b, "</b>, the pair of groups with most ties between them (%.0f), ", num(d, "ties", i));
    double carriers_n = num(d, "carriers", i), share = num(d, "top_carrier_share", i);
    bm_i_sb_printf(b, "%.0f people carry the ties; the busiest, ", carriers_n);
    put_actor_id(b, nm, text(d, "top_carrier", i));
    bm_i_sb_printf(b, ", carries %.0f%% of them.</li>", 100.0 * (isfinite(share) ? share : 0));
}

static void introductions(bm_sbuf *b, const bm_report *r)
{
    const bm_table *s = r->suggestions;
    if (!s)
        return;
    size_t n = bm_table_rows(s) < 3 ? bm_table_rows(s) : 3;
    for (size_t i = 0; i < n; i++) {
        const char *why = text(s, "reason", i);
        if (!why[0])
            continue;
        bm_i_sb_str(b, "<li>Suggested: ");
        bm_i_sb_html(b, why);
        bm_i_sb_str(b, ".</li>");
    }
}

/* An SVG file the analysis wrote, inlined without its XML prologue. */
static void figure(bm_sbuf *b, const char *path, const char *heading, const char *caption)
{
    if (!path)
        return;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            size_t nc = cap ? cap * 2 : 1 << 17;
            char *p = realloc(data, nc + 1);
            if (!p) {
                b->oom = 1;
                break;
            }
            data = p;
            cap = nc;
        }
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    fclose(f);
    if (!data)
        return;
    data[len] = '\0';
    char *svg = strstr(data, "<svg");
    if (svg) {
        bm_i_sb_str(b, "<figure><h3>");
        bm_i_sb_html(b, heading);
        bm_i_sb_str(b, "</h3>");
        bm_i_sb_put(b, svg, len - (size_t)(svg - data));
        bm_i_sb_str(b, "<figcaption>");
        bm_i_sb_html(b, caption);
        bm_i_sb_str(b, "</figcaption></figure>");
    }
    free(data);
}

/* Block densities between groups as a heatmap: one hue (blue), darker
 * for denser; the number in each cell, so no one needs the colour. */
static void heatmap(bm_sbuf *b, const bm_report *r)
{
    const bm_table *p = r->group_pairs, *g = r->narrative->groups;
    if (!p || !g)
        return;
    size_t k = bm_table_rows(g), rows = bm_table_rows(p);
    if (k == 0 || k > 40)
        return;
    double *d = malloc(k * k * sizeof *d);
    if (!d) {
        b->oom = 1;
        return;
    }
    double maxd = 0;
    for (size_t i = 0; i < k * k; i++)
        d[i] = NAN;
    for (size_t r2 = 0; r2 < rows; r2++) {
        long x = -1, y = -1;
        for (size_t i = 0; i < k; i++) {
            if (strcmp(text(g, "group", i), text(p, "group_a", r2)) == 0)
                x = (long)i;
            if (strcmp(text(g, "group", i), text(p, "group_b", r2)) == 0)
                y = (long)i;
        }
        if (x < 0 || y < 0)
            continue;
        double v = num(p, "density", r2);
        d[x * (long)k + y] = d[y * (long)k + x] = v;
        if (isfinite(v) && v > maxd)
            maxd = v;
    }
    bm_i_sb_str(b, "<h2 id=\"blocks\">Density of ties within and between groups</h2>"
                   "<p>Each cell is the share of possible pairs that have a tie (the block image; "
                   "White, Boorman &amp; Breiger 1976); the diagonal is inside each group. Darker "
                   "is denser.</p><table class=\"heat\"><tr><th></th>");
    for (size_t j = 0; j < k; j++) {
        bm_i_sb_str(b, "<th>");
        bm_i_sb_html(b, text(g, "group", j));
        bm_i_sb_str(b, "</th>");
    }
    bm_i_sb_str(b, "</tr>");
    for (size_t i = 0; i < k; i++) {
        bm_i_sb_str(b, "<tr><th>");
        bm_i_sb_html(b, text(g, "group", i));
        bm_i_sb_str(b, "</th>");
        for (size_t j = 0; j < k; j++) {
            double v = d[i * k + j];
            double t = isfinite(v) && maxd > 0 ? sqrt(v / maxd) : 0;
            /* from #f7fbff to #08306b (ColorBrewer Blues) */
            int rr = (int)lround(247 - t * (247 - 8)), gg = (int)lround(251 - t * (251 - 48)),
                bb = (int)lround(255 - t * (255 - 107));
            bm_i_sb_printf(b, "<td style=\"background:#%02x%02x%02x;color:%s\">", rr, gg, bb,
                           t > 0.55 ? "#fff" : "#222");
            if (isfinite(v))
                bm_i_sb_printf(b, v >= 0.1 || v == 0 ? "%.2f" : "%.3f", v);
            else
                bm_i_sb_str(b, "&#8211;");
            bm_i_sb_str(b, "</td>");
        }
        bm_i_sb_str(b, "</tr>");
    }
    bm_i_sb_str(b, "</table>");
    free(d);
}

static void groups_table(bm_sbuf *b, const bm_report *r, const namer *nm)
{
    const bm_table *g = r->narrative->groups;
    if (!g)
        return;
    bm_i_sb_str(b, "<h2 id=\"groups\">Groups</h2><p>The E-I index runs from &#8722;1 (every tie inside "
                   "the group) to +1 (every tie to other groups); the silo score is 0 when the group "
                   "mixes as chance would and 100 when it is closed.</p><table><tr><th>group</th>"
                   "<th>actors</th><th>ties inside</th><th>ties out</th><th>E-I</th><th>density "
                   "inside</th><th>silo score</th><th>top broker</th><th>share of ties out</th></tr>");
    for (size_t i = 0; i < bm_table_rows(g); i++) {
        bm_i_sb_str(b, "<tr><td>");
        bm_i_sb_html(b, text(g, "group", i));
        bm_i_sb_printf(b, "</td><td class=\"n\">%.0f</td><td class=\"n\">%.0f</td><td class=\"n\">%.0f"
                       "</td><td class=\"n\">", num(g, "size", i), num(g, "internal_ties", i),
                       num(g, "external_ties", i));
        put_num(b, num(g, "ei_index", i), 2);
        bm_i_sb_str(b, "</td><td class=\"n\">");
        put_num(b, num(g, "density", i), 3);
        bm_i_sb_str(b, "</td><td class=\"n\">");
        put_num(b, num(g, "silo_score", i), 0);
        bm_i_sb_str(b, "</td><td>");
        if (text(g, "top_broker", i)[0])
            put_actor_id(b, nm, text(g, "top_broker", i));
        bm_i_sb_str(b, "</td><td class=\"n\">");
        double sh = num(g, "top_broker_share", i);
        if (isfinite(sh))
            bm_i_sb_printf(b, "%.0f%%", 100 * sh);
        bm_i_sb_str(b, "</td></tr>");
    }
    bm_i_sb_str(b, "</table>");
}

typedef struct ranked {
    double key;
    size_t i;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static void brokers(bm_sbuf *b, const bm_report *r, const namer *nm)
{
    static const char *const roles[] = {"coordinator", "itinerant", "representative", "gatekeeper",
                                        "liaison"};
    static const char *const what[] = {
        "brokers inside their own group", "connect two members of another group",
        "pass their group's contacts out", "let other groups' contacts into their group",
        "connect two other groups"};
    const bm_table *a = r->narrative->actors;
    const char *gcol = r->narrative->grouping;
    long gattr = gcol ? bm_network_attr_find(nm->net, gcol) : -1;
    if (!a || bm_table_find(a, "brokerage_liaison_z") < 0)
        return;
    size_t n = bm_table_rows(a);
    ranked *rk = malloc((n ? n : 1) * sizeof *rk);
    if (!rk) {
        b->oom = 1;
        return;
    }
    bm_i_sb_str(b, "<h2 id=\"brokers\">Brokers</h2><p>The five brokerage roles of Gould &amp; Fernandez "
                   "(1989): how often an actor stands between two others who are not tied, by the "
                   "groups of the three. The z-score compares the count with what chance would give "
                   "(1.96 or more: a broker). Top five per role.</p>");
    for (size_t q = 0; q < 5; q++) {
        char cc[64], cz[64];
        snprintf(cc, sizeof cc, "brokerage_%s", roles[q]);
        snprintf(cz, sizeof cz, "brokerage_%s_z", roles[q]);
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            double z = num(a, cz, i);
            if (isfinite(z) && z >= 1.96)
                rk[m++] = (ranked){z, i};
        }
        qsort(rk, m, sizeof *rk, cmp_ranked);
        bm_i_sb_printf(b, "<h3>%c%s: %s</h3>", roles[q][0] - 32, roles[q] + 1, what[q]);
        if (!m) {
            bm_i_sb_str(b, "<p class=\"small\">No actor above chance in this role.</p>");
            continue;
        }
        bm_i_sb_str(b, "<table><tr><th>actor</th><th>group</th><th>times in the role</th><th>z</th></tr>");
        for (size_t j = 0; j < m && j < 5; j++) {
            size_t i = rk[j].i;
            bm_i_sb_str(b, "<tr><td>");
            bm_i_sb_html(b, actor_name(nm, i));
            bm_i_sb_str(b, "</td><td>");
            if (gattr >= 0)
                bm_i_sb_html(b, bm_network_attr_value(nm->net, (size_t)gattr, i));
            bm_i_sb_printf(b, "</td><td class=\"n\">%.0f</td><td class=\"n\">%.1f</td></tr>",
                           num(a, cc, i), rk[j].key);
        }
        bm_i_sb_str(b, "</table>");
    }
    /* per group: the three with most brokerage in all roles */
    const bm_table *g = r->narrative->groups;
    if (g && gattr >= 0) {
        bm_i_sb_str(b, "<h3>Top brokers in each group</h3><table><tr><th>group</th><th>brokers "
                       "(times in any role; betweenness)</th></tr>");
        for (size_t k = 0; k < bm_table_rows(g); k++) {
            const char *gname = text(g, "group", k);
            size_t m = 0;
            for (size_t i = 0; i < n; i++) {
                double t = num(a, "brokerage_total", i);
                if (strcmp(bm_network_attr_value(nm->net, (size_t)gattr, i), gname) == 0 &&
                    isfinite(t) && t > 0)
                    rk[m++] = (ranked){t, i};
            }
            qsort(rk, m, sizeof *rk, cmp_ranked);
            bm_i_sb_str(b, "<tr><td>");
            bm_i_sb_html(b, gname);
            bm_i_sb_str(b, "</td><td>");
            for (size_t j = 0; j < m && j < 3; j++) {
                bm_i_sb_str(b, j ? "; " : "");
                bm_i_sb_html(b, actor_name(nm, rk[j].i));
                bm_i_sb_printf(b, " (%.0f; %.0f)", rk[j].key, num(a, "betweenness", rk[j].i));
            }
            if (!m)
                bm_i_sb_str(b, "<span class=\"small\">none</span>");
            bm_i_sb_str(b, "</td></tr>");
        }
        bm_i_sb_str(b, "</table>");
    }
    free(rk);
}

static void dependence(bm_sbuf *b, const bm_report *r, const namer *nm)
{
    const bm_table *d = r->narrative->dependence;
    if (!d || !bm_table_rows(d))
        return;
    bm_i_sb_str(b, "<h2 id=\"holders\">Who holds the groups together</h2><p>For each pair of groups "
                   "with ties between them: how many people carry those ties, the one who carries "
                   "most, and whether the two groups stay connected without that person.</p>"
                   "<table><tr><th>groups</th><th>ties</th><th>people carrying them</th>"
                   "<th>carries most</th><th>share</th><th>connected without them</th></tr>");
    for (size_t i = 0; i < bm_table_rows(d); i++) {
        bm_i_sb_str(b, "<tr><td>");
        bm_i_sb_html(b, text(d, "group_a", i));
        bm_i_sb_str(b, " &#8211; ");
        bm_i_sb_html(b, text(d, "group_b", i));
        bm_i_sb_printf(b, "</td><td class=\"n\">%.0f</td><td class=\"n\">%.0f</td><td>",
                       num(d, "ties", i), num(d, "carriers", i));
        put_actor_id(b, nm, text(d, "top_carrier", i));
        bm_i_sb_printf(b, "</td><td class=\"n\">%.0f%%</td><td>%s</td></tr>",
                       100 * num(d, "top_carrier_share", i),
                       num(d, "connected_without_top_carrier", i) > 0 ? "yes" : "<b>no</b>");
    }
    bm_i_sb_str(b, "</table>");
}

/* Any table, whole, with its header as in the CSV file. */
static void plain_table(bm_sbuf *b, const bm_table *t, size_t max_rows)
{
    size_t nc = bm_table_cols(t), nr = bm_table_rows(t);
    bm_i_sb_str(b, "<table><tr>");
    for (size_t c = 0; c < nc; c++) {
        bm_i_sb_str(b, "<th>");
        bm_i_sb_html(b, bm_table_col_name(t, c));
        bm_i_sb_str(b, "</th>");
    }
    bm_i_sb_str(b, "</tr>");
    for (size_t r = 0; r < nr && r < max_rows; r++) {
        bm_i_sb_str(b, "<tr>");
        for (size_t c = 0; c < nc; c++) {
            if (bm_table_col_type(t, c) == BM_COL_TEXT) {
                bm_i_sb_str(b, "<td>");
                bm_i_sb_html(b, bm_table_text(t, c, r));
            } else {
                char nb[32];
                double x = bm_table_number(t, c, r);
                bm_i_sb_str(b, "<td class=\"n\">");
                if (isfinite(x) && x != floor(x))
                    bm_i_sb_printf(b, "%.3g", x);
                else {
                    bm_format_number(nb, x);
                    bm_i_sb_str(b, nb);
                }
            }
            bm_i_sb_str(b, "</td>");
        }
        bm_i_sb_str(b, "</tr>");
    }
    bm_i_sb_str(b, "</table>");
    if (nr > max_rows)
        bm_i_sb_printf(b, "<p class=\"small\">First %zu of %zu rows; all in %s.csv.</p>", max_rows, nr,
                       bm_table_name(t));
}

static void methods_of(bm_sbuf *b, const bm_table *t, char *seen, size_t seen_cap)
{
    if (!t)
        return;
    for (size_t c = 0; c < bm_table_cols(t); c++) {
        const char *d = bm_table_col_description(t, c), *cit = bm_table_col_citation(t, c);
        if (!d || !d[0] || !cit || !cit[0])
            continue;
        const char *name = bm_table_col_name(t, c);
        /* each measure once, by name: seen is "|a|b|" */
        char key[160];
        snprintf(key, sizeof key, "|%s|", name);
        if (strstr(seen, key) || strlen(seen) + strlen(name) + 2 >= seen_cap)
            continue;
        strcat(seen, key + 1);
        bm_i_sb_str(b, "<dt>");
        bm_i_sb_html(b, name);
        bm_i_sb_str(b, " <span class=\"small\">(");
        bm_i_sb_html(b, bm_table_name(t));
        bm_i_sb_str(b, ".csv)</span></dt><dd>");
        bm_i_sb_html(b, d);
        bm_i_sb_str(b, ". <i>");
        bm_i_sb_html(b, cit);
        bm_i_sb_str(b, "</i></dd>");
    }
}

static void inputs(bm_sbuf *b, const bm_report *r)
{
    const bm_network *net = r->net;
    bm_i_sb_str(b, "<h3>Inputs</h3><table><tr><th>file</th><th>SHA-256</th></tr>");
    for (size_t k = 0; k < bm_network_input_count(net); k++) {
        const char *p = bm_network_input_path(net, k), *base = strrchr(p, '/');
        bm_i_sb_str(b, "<tr><td>");
        bm_i_sb_html(b, base ? base + 1 : p);
        bm_i_sb_str(b, "</td><td><code>");
        bm_i_sb_html(b, bm_network_input_sha256(net, k));
        bm_i_sb_str(b, "</code></td></tr>");
    }
    bm_i_sb_str(b, "</table>");
}

bm_status bm_write_report(const bm_report *r, const char *path)
{
    const bm_narrative *n = r->narrative;
    if (!n || !n->summary || !n->actors || !r->net)
        return bm_error_set(BM_EUSAGE, "bm_write_report: the summary, actors and network are needed");
    bm_sbuf b = {0};
    namer nm = {r->net, -1, n->actors};
    nm.col = n->label_by ? bm_network_attr_find(r->net, n->label_by) : bm_network_label_attr(r->net);
    bm_status st = BM_OK;
    const char *title = r->title ? r->title : "Who works with whom";

    page_head(&b, title);
    bm_i_sb_str(&b, "</h1><p class=\"caption\">");
    for (size_t k = 0; k < bm_network_input_count(r->net); k++) {
        const char *p = bm_network_input_path(r->net, k), *base = strrchr(p, '/');
        bm_i_sb_str(&b, k ? ", " : "Data: ");
        bm_i_sb_html(&b, base ? base + 1 : p);
    }
    const char *d0 = bm_network_first_date(r->net), *d1 = bm_network_last_date(r->net);
    if (d0 && d1 && d0[0]) {
        bm_i_sb_str(&b, "; records from ");
        bm_i_sb_html(&b, d0);
        bm_i_sb_str(&b, " to ");
        bm_i_sb_html(&b, d1);
    }
    if (n->grouping) {
        bm_i_sb_str(&b, "; groups by ");
        bm_i_sb_html(&b, n->grouping);
    }
    bm_i_sb_str(&b, ".</p>");
    cards(&b, r);

    bm_i_sb_str(&b, "<h2 id=\"findings\">Findings</h2><ul class=\"findings\">");
    if ((st = narrative_items(&b, r)) != BM_OK)
        goto done;
    closed_groups(&b, r);
    carriers(&b, r, &nm);
    introductions(&b, r);
    bm_i_sb_str(&b, "</ul>");

    if (r->svg_group_map || r->svg_map || r->svg_silo_map || r->svg_periods) {
        bm_i_sb_str(&b, "<h2 id=\"maps\">Maps</h2>");
        figure(&b, r->svg_group_map, "The groups",
               "One circle per group (area: actors); a line per pair of groups with ties (width: "
               "ties; d: density).");
        figure(&b, r->svg_silo_map, "Silos: one box per group",
               "A group with few lines leaving its box keeps to itself.");
        figure(&b, r->svg_map, "Everyone",
               "Colour: group; size: betweenness (how often an actor is on the shortest paths "
               "between others); dark lines cross groups.");
        figure(&b, r->svg_periods, "Mixing over time",
               "The E-I index per period against what chance would give.");
    }
    heatmap(&b, r);
    groups_table(&b, r, &nm);
    brokers(&b, r, &nm);
    dependence(&b, r, &nm);
    if (n->activities && bm_table_rows(n->activities)) {
        bm_i_sb_str(&b, "<h2 id=\"activities\">Activities</h2><p>Which bootcamp, sprint or project "
                        "mixed the groups: participants, the number of groups among them, the Blau "
                        "index (0: one group; higher: more mixed), and the pairs across groups it "
                        "created.</p>");
        plain_table(&b, n->activities, 50);
    }
    if (r->suggestions && bm_table_rows(r->suggestions)) {
        bm_i_sb_str(&b, "<h2 id=\"suggestions\">Introductions that would connect the groups</h2>");
        plain_table(&b, r->suggestions, 20);
    }
    if (r->periods && bm_table_rows(r->periods)) {
        bm_i_sb_str(&b, "<h2 id=\"periods\">Per period</h2>");
        plain_table(&b, r->periods, 60);
    }

    bm_i_sb_str(&b, "<h2 id=\"methods\">Methods</h2><p>Ties are collaboration records between two "
                    "actors; many records between a pair make one tie whose weight is their sum. "
                    "Weight is strength: for the path-based measures (betweenness, closeness, "
                    "harmonic, distances) a tie's length is 1/weight, so strong ties are short. "
                    "Each measure below with its definition and source; the CSV files hold every "
                    "value.</p><dl class=\"methods\">");
    {
        char seen[16384] = "|";
        methods_of(&b, n->summary, seen, sizeof seen);
        methods_of(&b, n->actors, seen, sizeof seen);
        methods_of(&b, n->groups, seen, sizeof seen);
        methods_of(&b, r->group_pairs, seen, sizeof seen);
        methods_of(&b, n->dependence, seen, sizeof seen);
        methods_of(&b, n->activities, seen, sizeof seen);
    }
    bm_i_sb_str(&b, "</dl>");
    inputs(&b, r);
    bm_i_sb_printf(&b, "<p class=\"small\">Written by bridgemap %s with seed %lu; the same inputs "
                   "and seed give the same report.</p></main></body></html>\n",
                   BM_VERSION, r->seed);
done:
    if (st == BM_OK && b.oom)
        st = bm_error_set(BM_EINTERNAL, "out of memory writing the report");
    if (st == BM_OK)
        st = bm_i_write_whole(path, b.s, b.len);
    free(b.s);
    return st;
}

/* ---- the Change report (compare) ------------------------------------------------------ */

bm_status bm_write_change_report(const bm_change_report *r, const char *path)
{
    bm_sbuf b = {0};
    bm_status st = BM_OK;
    const char *title = r->title ? r->title : "Did it change?";
    page_head(&b, title);
    bm_i_sb_str(&b, "</h1><p class=\"caption\">");
    bm_i_sb_html(&b, r->before_label);
    bm_i_sb_str(&b, " compared with ");
    bm_i_sb_html(&b, r->after_label);
    bm_i_sb_str(&b, ".</p><h2 id=\"change\">Change</h2><ul class=\"findings\">");
    /* one finding per line of the compare narrative */
    for (const char *line = r->narrative; line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        char *one = strndup(line, len);
        if (!one) {
            b.oom = 1;
            break;
        }
        bm_i_sb_str(&b, "<li>");
        bm_i_sb_html(&b, one);
        bm_i_sb_str(&b, "</li>");
        free(one);
        line = nl ? nl + 1 : NULL;
    }
    bm_i_sb_str(&b, "</ul><p class=\"small\">The test permutes which period each pair's records "
                    "fall in (before only, after only, both), keeping a pair's records together "
                    "and each period's number of ties; the p-value is the share of permutations "
                    "with a change at least as large (two-sided). It assumes pairs are "
                    "exchangeable when nothing changed: pairs that share a very active actor are "
                    "not independent. Fisher-Pitman permutation test (Good 2005, ch. 3), after the "
                    "label permutations of Krackhardt &amp; Stern (1988).</p>");
    if (r->svg_group || r->svg_before || r->svg_after) {
        bm_i_sb_str(&b, "<h2 id=\"maps\">Maps</h2>");
        figure(&b, r->svg_group, "Ties between groups, before and after",
               "A line per pair of groups tied in either period, labelled before and after; "
               "green: more ties.");
        figure(&b, r->svg_before, r->before_label,
               "Dashed: ties that end. Positions are the same in both maps.");
        figure(&b, r->svg_after, r->after_label,
               "Thick dark: ties gained across groups; thick coloured: gained inside a group; "
               "dashed pale: lost; hollow: no tie in this period.");
    }
    if (r->groups) {
        bm_i_sb_str(&b, "<h2 id=\"groups\">Groups before and after</h2><table><tr><th>group</th>"
                        "<th>E-I before</th><th>E-I after</th><th>p</th><th>gained inside</th>"
                        "<th>lost inside</th><th>gained across</th><th>lost across</th></tr>");
        const bm_table *g = r->groups;
        for (size_t i = 0; i < bm_table_rows(g); i++) {
            bm_i_sb_str(&b, "<tr><td>");
            bm_i_sb_html(&b, text(g, "group", i));
            bm_i_sb_str(&b, "</td><td class=\"n\">");
            put_num(&b, num(g, "ei_index_before", i), 2);
            bm_i_sb_str(&b, "</td><td class=\"n\">");
            put_num(&b, num(g, "ei_index_after", i), 2);
            bm_i_sb_str(&b, "</td><td class=\"n\">");
            put_num(&b, num(g, "ei_index_p_value", i), 3);
            bm_i_sb_printf(&b, "</td><td class=\"n\">%.0f</td><td class=\"n\">%.0f</td><td class=\"n\">"
                           "%.0f</td><td class=\"n\">%.0f</td></tr>", num(g, "ties_gained_inside", i),
                           num(g, "ties_lost_inside", i), num(g, "ties_gained_across", i),
                           num(g, "ties_lost_across", i));
        }
        bm_i_sb_str(&b, "</table>");
    }
    if (r->pairs && bm_table_rows(r->pairs)) {
        bm_i_sb_str(&b, "<h2 id=\"pairs\">Pairs of groups</h2>");
        plain_table(&b, r->pairs, 200);
    }
    if (r->summary) {
        bm_i_sb_str(&b, "<h2 id=\"figures\">Network figures</h2>");
        plain_table(&b, r->summary, 200);
    }
    bm_i_sb_printf(&b, "<p class=\"small\">Written by bridgemap %s with seed %lu; every table is "
                   "in the compare_*.csv files.</p></main></body></html>\n", BM_VERSION, r->seed);
    if (b.oom)
        st = bm_error_set(BM_EINTERNAL, "out of memory writing the report");
    if (st == BM_OK)
        st = bm_i_write_whole(path, b.s, b.len);
    free(b.s);
    return st;
}
