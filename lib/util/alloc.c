/* SPDX-License-Identifier: Apache-2.0 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/*
 * Failure injection for tests; negative means "never fail".  Atomic: a
 * scan or an import allocates on several threads, and each allocation
 * must count once.
 */
static _Atomic long fail_countdown = -1;

void tplx_alloc_fail_after(long n)
{
	atomic_store(&fail_countdown, n);
}

static int should_fail(void)
{
	long n = atomic_load_explicit(&fail_countdown, memory_order_relaxed);

	while (n > 0 && !atomic_compare_exchange_weak_explicit(
	                        &fail_countdown, &n, n - 1,
	                        memory_order_relaxed, memory_order_relaxed))
		;
	return n == 0;
}

void *tplx_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size == 0 ? 1 : size);
}

void *tplx_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	if (count == 0 || size == 0)
		count = size = 1;
	return calloc(count, size);
}

void *tplx_realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size == 0 ? 1 : size);
}

void *tplx_reallocarray(void *ptr, size_t count, size_t size)
{
	size_t total;

	if (tplx_mul_overflow(count, size, &total))
		return NULL;
	return tplx_realloc(ptr, total);
}

void *tplx_malloc_unchecked(size_t size)
{
	return malloc(size == 0 ? 1 : size);
}

void *tplx_realloc_unchecked(void *ptr, size_t size)
{
	return realloc(ptr, size == 0 ? 1 : size);
}

void tplx_free(void *ptr)
{
	free(ptr);
}

char *tplx_strndup(const char *s, size_t len)
{
	char *copy;

	if (len == SIZE_MAX)
		return NULL;
	copy = tplx_malloc(len + 1);
	if (copy == NULL)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *tplx_strdup(const char *s)
{
	return tplx_strndup(s, strlen(s));
}

int tplx_mul_overflow(size_t a, size_t b, size_t *out)
{
	return __builtin_mul_overflow(a, b, out);
}

int tplx_add_overflow(size_t a, size_t b, size_t *out)
{
	return __builtin_add_overflow(a, b, out);
}

void *tplx_vec_push(struct tplx_vec *v, size_t size)
{
	if (v->count == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 64;
		void *items = tplx_reallocarray(v->items, cap, size);

		if (items == NULL)
			return NULL;
		v->items = items;
		v->cap = cap;
	}
	return (char *)v->items + size * v->count++;
}
