/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_INTERN_H
#define TPLX_INTERN_H

/*
 * A set of distinct strings, numbered 0, 1, ... in the order they were
 * first added.  Equal strings get one copy and one number, so callers
 * compare and group them by number or by pointer, never by strcmp, and
 * keep per-string data (a parsed form, a count) in a plain array.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/alloc.h"

struct tplx_arena;

/* Eight bytes: a table of 100,000 strings stays in the cache. */
struct tplx_intern_slot {
	uint32_t hash; /* the hash's high half: the low one is the slot */
	uint32_t id;   /* id + 1; 0: empty */
};

struct tplx_intern {
	struct tplx_arena *arena; /* the copies, packed: probes stay in cache */
	struct tplx_intern_slot *slots;
	size_t mask;
	struct tplx_vec strings; /* const char *, by number */
};

void tplx_intern_init(struct tplx_intern *t);
/* Free the table and the copies. */
void tplx_intern_free(struct tplx_intern *t);
/*
 * s's number in *id and its copy in *copy, added when new.  Returns 0, or
 * TPLC_ENOMEM with t unchanged (as for a set of 2^32 strings).
 */
int tplx_intern_add(struct tplx_intern *t, const char *s, size_t *id,
                    const char **copy);

/* Whether s is in t, and its number in *id if so. */
bool tplx_intern_find(const struct tplx_intern *t, const char *s, size_t *id);

static inline size_t tplx_intern_count(const struct tplx_intern *t)
{
	return t->strings.count;
}

static inline const char *tplx_intern_string(const struct tplx_intern *t,
                                             size_t id)
{
	return ((const char *const *)t->strings.items)[id];
}

#endif
