/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_ARENA_H
#define TPLX_ARENA_H

/*
 * A bump allocator for everything one parsed document owns: the tree,
 * its strings, the model records.  One tplx_arena_free releases it all.
 */

#include <stddef.h>

struct tplx_arena;

struct tplx_arena *tplx_arena_new(void);
void tplx_arena_free(struct tplx_arena *arena);
/*
 * Drop everything allocated so far but keep the memory: what a stream of
 * records does between records.  The chunks are merged into one that
 * holds what was used, so a steady stream stops calling malloc.
 */
void tplx_arena_reset(struct tplx_arena *arena);

/* Zeroed, aligned for any type; NULL when out of memory. */
void *tplx_arena_alloc(struct tplx_arena *arena, size_t size);
void *tplx_arena_array(struct tplx_arena *arena, size_t count, size_t size);
char *tplx_arena_strndup(struct tplx_arena *arena, const char *s, size_t len);
char *tplx_arena_strdup(struct tplx_arena *arena, const char *s);
/* printf into the arena. */
char *tplx_arena_printf(struct tplx_arena *arena, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Bytes handed out so far, for limits and statistics. */
size_t tplx_arena_used(const struct tplx_arena *arena);

#endif
