/* gv.h: what the Graphviz drawings (render.c, chart.c) share. */
#ifndef BM_WRITE_GV_H
#define BM_WRITE_GV_H
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stddef.h>
#include "bridgemap/common.h"

/* The font of every drawing: DejaVu Sans covers Danish, the other Latin
 * letters, Greek and Cyrillic (Debian's fonts-dejavu-core, which
 * scripts/deps.sh installs); chosen explicitly, not left to fontconfig. */
#define BM_MAP_FONT "DejaVu Sans"

/* A growable string (sbuf.c); oom is set once an allocation failed. */
typedef struct bm_sbuf {
    char *s;
    size_t len, cap;
    int oom;
} bm_sbuf;
void bm_i_sb_put(bm_sbuf *b, const char *s, size_t n);
void bm_i_sb_str(bm_sbuf *b, const char *s);
void bm_i_sb_printf(bm_sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Graphviz label text (backslashes doubled). */
void bm_i_sb_label(bm_sbuf *b, const char *s);
/* HTML/XML text: & < > " ' as entities, control characters dropped. */
void bm_i_sb_html(bm_sbuf *b, const char *s);

/* "svg", "png", "pdf" or "dot" from path's extension; NULL when unknown. */
const char *bm_i_gv_format(const char *path);
/* agseterrf sink keeping Graphviz's last message for our errors. */
int bm_i_gv_error_sink(char *msg);
/* The process's one Graphviz context (never freed: Graphviz 2.42's pango
 * plugin keeps pointers into it). */
GVC_t *bm_i_gv_context(void);
/* agopen with bridgemap's ID discipline (sbuf.c): objects and clusters
 * iterate in creation order, not in the heap order of their names, so a
 * layout does not change from run to run. */
Agraph_t *bm_i_gv_open(const char *name, Agdesc_t desc);
/* The defaults every actor map shares (render.c): seeded neato settings,
 * the font, filled fixed-size circles, thin grey ties; format may be NULL. */
void bm_i_gv_map_defaults(Agraph_t *g, unsigned long seed, const char *format);
/* Lays g out with engine and renders it to path (format by extension),
 * through a temporary file renamed into place; frees the layout. */
bm_status bm_i_gv_write(GVC_t *gvc, Agraph_t *g, const char *engine, const char *path);
#endif
