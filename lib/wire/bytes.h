/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_WIRE_BYTES_H
#define TPLX_WIRE_BYTES_H

/*
 * The one bounded reader over untrusted packet bytes.  Every read checks
 * the length first; a read past the end returns 0 (or NULL), sets bad and
 * leaves pos at len, so a parser can read a whole header and check bad
 * once at the end.  Nothing here ever reads outside p[0..len).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tplx_bytes {
	const uint8_t *p;
	size_t len, pos;
	bool bad;
};

static inline struct tplx_bytes tplx_bytes_make(const uint8_t *p, size_t len)
{
	struct tplx_bytes b = { p, len, 0, false };
	return b;
}

static inline void tplx_bytes_init(struct tplx_bytes *b, const uint8_t *p,
                                   size_t len)
{
	b->p = p;
	b->len = len;
	b->pos = 0;
	b->bad = false;
}

/* Bytes not read yet. */
static inline size_t tplx_bytes_left(const struct tplx_bytes *b)
{
	return b->pos <= b->len ? b->len - b->pos : 0;
}

/* True when n more bytes can be read; false (bad not set) otherwise. */
static inline bool tplx_bytes_has(const struct tplx_bytes *b, size_t n)
{
	return tplx_bytes_left(b) >= n;
}

/* Mark the reader bad and exhausted. */
static inline void tplx_bytes_fail(struct tplx_bytes *b)
{
	b->bad = true;
	b->pos = b->len;
}

static inline uint8_t tplx_bytes_u8(struct tplx_bytes *b)
{
	if (!tplx_bytes_has(b, 1)) {
		tplx_bytes_fail(b);
		return 0;
	}
	return b->p[b->pos++];
}

static inline uint16_t tplx_bytes_be16(struct tplx_bytes *b)
{
	if (!tplx_bytes_has(b, 2)) {
		tplx_bytes_fail(b);
		return 0;
	}
	const uint8_t *q = b->p + b->pos;
	b->pos += 2;
	return (uint16_t)((unsigned)q[0] << 8 | q[1]);
}

static inline uint32_t tplx_bytes_be32(struct tplx_bytes *b)
{
	if (!tplx_bytes_has(b, 4)) {
		tplx_bytes_fail(b);
		return 0;
	}
	const uint8_t *q = b->p + b->pos;
	b->pos += 4;
	return (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 |
	       (uint32_t)q[2] << 8 | q[3];
}

static inline uint16_t tplx_bytes_le16(struct tplx_bytes *b)
{
	if (!tplx_bytes_has(b, 2)) {
		tplx_bytes_fail(b);
		return 0;
	}
	const uint8_t *q = b->p + b->pos;
	b->pos += 2;
	return (uint16_t)((unsigned)q[1] << 8 | q[0]);
}

static inline uint32_t tplx_bytes_le32(struct tplx_bytes *b)
{
	if (!tplx_bytes_has(b, 4)) {
		tplx_bytes_fail(b);
		return 0;
	}
	const uint8_t *q = b->p + b->pos;
	b->pos += 4;
	return (uint32_t)q[3] << 24 | (uint32_t)q[2] << 16 |
	       (uint32_t)q[1] << 8 | q[0];
}

/* Skip n bytes; past the end sets bad. */
static inline void tplx_bytes_skip(struct tplx_bytes *b, size_t n)
{
	if (!tplx_bytes_has(b, n)) {
		tplx_bytes_fail(b);
		return;
	}
	b->pos += n;
}

/* A pointer to the next n bytes, consumed; NULL (and bad) if fewer left. */
static inline const uint8_t *tplx_bytes_take(struct tplx_bytes *b, size_t n)
{
	if (!tplx_bytes_has(b, n)) {
		tplx_bytes_fail(b);
		return NULL;
	}
	const uint8_t *q = b->p + b->pos;
	b->pos += n;
	return q;
}

/* Copy the next n bytes into dst; on a short read dst is zeroed. */
static inline bool tplx_bytes_copy(struct tplx_bytes *b, void *dst, size_t n)
{
	const uint8_t *q = tplx_bytes_take(b, n);
	uint8_t *d = dst;
	for (size_t i = 0; i < n; i++)
		d[i] = q ? q[i] : 0;
	return q != NULL;
}

/* The byte at pos + off without consuming it; 0 (bad not set) if none. */
static inline uint8_t tplx_bytes_peek(const struct tplx_bytes *b, size_t off)
{
	return tplx_bytes_has(b, off + 1) ? b->p[b->pos + off] : 0;
}

/* A sub-reader over the next n bytes (consumed); bad if fewer left. */
static inline struct tplx_bytes tplx_bytes_sub(struct tplx_bytes *b, size_t n)
{
	const uint8_t *q = tplx_bytes_take(b, n);
	struct tplx_bytes s = { q, q ? n : 0, 0, q == NULL };
	return s;
}

/*
 * FNV-1a over len bytes, continuing from h (TPLX_FNV1A_INIT to start):
 * the one hash the packet tables (fragments, hosts, DNS names) key on.
 */
#define TPLX_FNV1A_INIT 2166136261u
static inline uint32_t tplx_fnv1a(uint32_t h, const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

#endif
