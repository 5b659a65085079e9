/* SPDX-License-Identifier: Apache-2.0 */
/* Open addressing on the string's hash, half of it kept in the slot: a
 * probe that meets another string compares that, and strcmp runs only
 * when it agrees. */
#include <string.h>

#include "tplc/error.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/intern.h"

void tplx_intern_init(struct tplx_intern *t)
{
	memset(t, 0, sizeof(*t));
}

void tplx_intern_free(struct tplx_intern *t)
{
	tplx_free(t->slots);
	tplx_free(t->strings.items);
	tplx_arena_free(t->arena);
	tplx_intern_init(t);
}

/* The slot of s, or the empty one where it goes; s NULL: the first empty
 * one (when rehashing, all strings are distinct). */
static struct tplx_intern_slot *probe(const struct tplx_intern *t,
                                      uint64_t hash, const char *s)
{
	size_t h;

	for (h = hash & t->mask; t->slots[h].id != 0; h = (h + 1) & t->mask)
		if (s != NULL && t->slots[h].hash == (uint32_t)(hash >> 32) &&
		    strcmp(tplx_intern_string(t, t->slots[h].id - 1), s) == 0)
			break;
	return &t->slots[h];
}

/* Twice the slots, at most half of them used: short probes. */
static int grow(struct tplx_intern *t)
{
	size_t size = t->slots != NULL ? 2 * (t->mask + 1) : 64, i;
	struct tplx_intern_slot *old = t->slots;
	size_t old_size = old != NULL ? t->mask + 1 : 0;

	t->slots = tplx_calloc(size, sizeof(*t->slots));
	if (t->slots == NULL) {
		t->slots = old;
		return TPLC_ENOMEM;
	}
	t->mask = size - 1;
	for (i = 0; i < old_size; i++)
		if (old[i].id != 0) {
			const char *s = tplx_intern_string(t, old[i].id - 1);

			*probe(t, tplx_hash_str(s), NULL) = old[i];
		}
	tplx_free(old);
	return 0;
}

bool tplx_intern_find(const struct tplx_intern *t, const char *s, size_t *id)
{
	const struct tplx_intern_slot *slot;

	if (t->slots == NULL)
		return false;
	slot = probe(t, tplx_hash_str(s), s);
	if (slot->id != 0)
		*id = slot->id - 1;
	return slot->id != 0;
}

int tplx_intern_add(struct tplx_intern *t, const char *s, size_t *id,
                    const char **copy)
{
	uint64_t hash = tplx_hash_str(s);
	struct tplx_intern_slot *slot;
	const char **string;
	char *dup;

	if (t->strings.count >= UINT32_MAX - 1)
		return TPLC_ENOMEM;
	if (t->arena == NULL && (t->arena = tplx_arena_new()) == NULL)
		return TPLC_ENOMEM;
	if (2 * (t->strings.count + 1) > (t->slots ? t->mask + 1 : 0) &&
	    grow(t) < 0)
		return TPLC_ENOMEM;
	slot = probe(t, hash, s);
	if (slot->id == 0) {
		dup = tplx_arena_strdup(t->arena, s);
		string = dup != NULL
		                 ? tplx_vec_push(&t->strings, sizeof(*string))
		                 : NULL;
		if (string == NULL)
			return TPLC_ENOMEM; /* the copy stays in the arena */
		*string = dup;
		slot->hash = (uint32_t)(hash >> 32);
		slot->id = (uint32_t)t->strings.count;
	}
	*id = slot->id - 1;
	*copy = tplx_intern_string(t, *id);
	return 0;
}
