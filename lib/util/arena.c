/* SPDX-License-Identifier: Apache-2.0 */
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

#define ARENA_CHUNK_MIN ((size_t)16 * 1024)

struct chunk {
	struct chunk *next;
	size_t size; /* bytes in data */
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

struct tplx_arena {
	struct chunk *head;
	size_t total;
};

struct tplx_arena *tplx_arena_new(void)
{
	return tplx_calloc(1, sizeof(struct tplx_arena));
}

void tplx_arena_free(struct tplx_arena *arena)
{
	struct chunk *c, *next;

	if (arena == NULL)
		return;
	for (c = arena->head; c != NULL; c = next) {
		next = c->next;
		tplx_free(c);
	}
	tplx_free(arena);
}

void tplx_arena_reset(struct tplx_arena *arena)
{
	struct chunk *c, *next, *keep;
	size_t want = 0;

	if (arena == NULL || arena->head == NULL)
		return;
	for (c = arena->head; c != NULL; c = c->next)
		want += c->size;
	keep = arena->head;
	if (keep->next != NULL) {
		/* Several chunks: one of their total size serves the next
		 * record like this one; keep the old head if malloc fails. */
		c = tplx_malloc(sizeof(*c) + want);
		if (c != NULL) {
			c->size = want;
			keep = c;
		}
		for (c = arena->head; c != NULL; c = next) {
			next = c->next;
			if (c != keep)
				tplx_free(c);
		}
	}
	keep->next = NULL;
	keep->used = 0;
	arena->head = keep;
	arena->total = 0;
}

/* size bytes aligned to align (a power of two), not zeroed. */
static void *bump(struct tplx_arena *arena, size_t size, size_t align)
{
	struct chunk *c = arena->head;
	size_t start = 0, chunk_size;
	void *p;

	if (size > SIZE_MAX - ARENA_CHUNK_MIN - sizeof(*c))
		return NULL;
	if (size == 0)
		size = 1;
	if (c != NULL)
		start = (c->used + align - 1) & ~(align - 1);
	if (c == NULL || start > c->size || c->size - start < size) {
		chunk_size = size > ARENA_CHUNK_MIN ? size : ARENA_CHUNK_MIN;
		c = tplx_malloc(sizeof(*c) + chunk_size);
		if (c == NULL)
			return NULL;
		c->size = chunk_size;
		c->used = 0;
		start = 0;
		/* Keep a nearly full chunk at the head only if the new one
		 * is a one-off big allocation. */
		if (arena->head != NULL && size >= ARENA_CHUNK_MIN) {
			c->next = arena->head->next;
			arena->head->next = c;
		} else {
			c->next = arena->head;
			arena->head = c;
		}
	}
	p = c->data + start;
	c->used = start + size;
	arena->total += size;
	return p;
}

void *tplx_arena_alloc(struct tplx_arena *arena, size_t size)
{
	void *p = bump(arena, size, alignof(max_align_t));

	if (p != NULL)
		memset(p, 0, size);
	return p;
}

void *tplx_arena_array(struct tplx_arena *arena, size_t count, size_t size)
{
	size_t total;

	if (tplx_mul_overflow(count, size, &total))
		return NULL;
	return tplx_arena_alloc(arena, total);
}

char *tplx_arena_strndup(struct tplx_arena *arena, const char *s, size_t len)
{
	char *copy;

	if (len == SIZE_MAX)
		return NULL;
	copy = bump(arena, len + 1, 1); /* strings need no alignment */
	if (copy == NULL)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *tplx_arena_strdup(struct tplx_arena *arena, const char *s)
{
	return tplx_arena_strndup(arena, s, strlen(s));
}

char *tplx_arena_printf(struct tplx_arena *arena, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	s = tplx_arena_alloc(arena, (size_t)n + 1);
	if (s == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

size_t tplx_arena_used(const struct tplx_arena *arena)
{
	return arena->total;
}
