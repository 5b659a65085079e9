/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hash of in-memory tables (interned strings, rule keys): eight bytes
 * a step, so a 150-byte key costs a few dozen cycles, not one multiply per
 * byte.  Not for anything an adversary's collisions could break; they can
 * only make their own lookups slower.
 */
#ifndef TPLX_UTIL_HASH_H
#define TPLX_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TPLX_HASH_SEED 0x243f6a8885a308d3ULL

static inline uint64_t tplx_hash_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

/* Continue hash h over len bytes at p. */
static inline uint64_t tplx_hash_bytes(uint64_t h, const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t w = 0;

	h = tplx_hash_mix(h, len);
	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = tplx_hash_mix(h, w);
	}
	if (len > 0) {
		w = 0;
		memcpy(&w, s, len);
		h = tplx_hash_mix(h, w);
	}
	h ^= h >> 32;
	return h * 0xd6e8feb86659fd93ULL ^ (h >> 28);
}

static inline uint64_t tplx_hash_str(const char *s)
{
	return tplx_hash_bytes(TPLX_HASH_SEED, s, strlen(s));
}

#endif
