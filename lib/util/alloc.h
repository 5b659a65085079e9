/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_ALLOC_H
#define TPLX_ALLOC_H

/*
 * All library allocation goes through these wrappers so that tests can
 * make the Nth allocation fail (tplx_alloc_fail_after) and prove that
 * every error path frees what it built.  Raw malloc is banned in lib/.
 */

#include <stddef.h>

void *tplx_malloc(size_t size);
void *tplx_calloc(size_t count, size_t size);
void *tplx_realloc(void *ptr, size_t size);
/* Grow an array of count elements of size bytes, overflow-checked. */
void *tplx_reallocarray(void *ptr, size_t count, size_t size);
void tplx_free(void *ptr);
/*
 * Never injected with failures: for libraries (yajl) that do not check
 * what their allocator returns, so a test cannot crash them on purpose.
 */
void *tplx_malloc_unchecked(size_t size);
void *tplx_realloc_unchecked(void *ptr, size_t size);
char *tplx_strdup(const char *s);
char *tplx_strndup(const char *s, size_t len);

/*
 * Test hook: after n more successful allocations, every allocation fails
 * until reset with a negative n.  Process-wide on purpose: it simulates
 * the machine running out of memory.
 */
void tplx_alloc_fail_after(long n);

/* A growable array of fixed-size items: zero it to start, free items. */
struct tplx_vec {
	void *items;
	size_t count, cap;
};

/* Room for one more item of size bytes at the end (count grows by one);
 * NULL when out of memory, the vector unchanged. */
void *tplx_vec_push(struct tplx_vec *v, size_t size);

/* a * b into *out, or nonzero when it would overflow. */
int tplx_mul_overflow(size_t a, size_t b, size_t *out);
int tplx_add_overflow(size_t a, size_t b, size_t *out);

#endif
