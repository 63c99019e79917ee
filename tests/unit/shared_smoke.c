/* shared_smoke.c: the shared library links and answers (a build test). */
#include <stdio.h>
#include <string.h>
#include "bridgemap.h"

int main(void)
{
    bm_init(1);
    bm_table *t = NULL;
    if (bm_table_new(&t, "x", 2) != BM_OK)
        return 1;
    double v[2] = {1.5, 2};
    int ok = bm_table_add_number(t, "a", v, "", "") == BM_OK && bm_table_number(t, 0, 1) == 2.0 &&
             strcmp(bm_version(), "") != 0;
    bm_table_free(t);
    puts(ok ? "1 passed, 0 failed" : "0 passed, 1 failed");
    return ok ? 0 : 1;
}
