/* gv.h: what the Graphviz drawings (render.c, chart.c) share. */
#ifndef BM_WRITE_GV_H
#define BM_WRITE_GV_H
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include "bridgemap/common.h"

/* "svg", "png", "pdf" or "dot" from path's extension; NULL when unknown. */
const char *bm_i_gv_format(const char *path);
/* agseterrf sink keeping Graphviz's last message for our errors. */
int bm_i_gv_error_sink(char *msg);
/* Lays g out with engine and renders it to path (format by extension),
 * through a temporary file renamed into place; frees the layout. */
bm_status bm_i_gv_write(GVC_t *gvc, Agraph_t *g, const char *engine, const char *path);
#endif
