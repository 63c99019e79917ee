/* arena.c: a bump allocator for the many small strings of a network (ids,
 * attribute values), freed all at once with the network. One malloc per
 * 64 KiB instead of one per string keeps loading a million actors fast. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct bm_arena_block {
    bm_arena_block *next;
    size_t used, cap;
    char data[];
};

void bm_arena_init(bm_arena *a) { a->head = NULL; }

char *bm_arena_strndup(bm_arena *a, const char *s, size_t len)
{
    size_t need = len + 1;
    bm_arena_block *b = a->head;
    if (!b || b->cap - b->used < need) {
        size_t cap = need > 65536 ? need : 65536;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    char *p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = '\0';
    b->used += need;
    return p;
}

void bm_arena_free(bm_arena *a)
{
    bm_arena_block *b = a->head;
    while (b) {
        bm_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* FNV-1a, 64 bit (Fowler, Noll, Vo): short ids hash fast and well enough for
 * open addressing with a power-of-two table. */
uint64_t bm_hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
}
