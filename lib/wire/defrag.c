/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fragment reassembly.  A datagram's bytes go into a buffer of
 * TPLX_DEFRAG_BYTES_MAX with a bitmap of the bytes seen, so overlaps keep
 * the first copy (RFC 5722 would drop such IPv6 datagrams; keeping the
 * first copy is what a passive monitor can afford) and completion is a
 * count.  Buffers stay with their slot and are reused.
 */
#include <string.h>

#include "tplc/error.h"
#include "util/alloc.h"
#include "wire/bytes.h"
#include "wire/defrag.h"

#define DGRAM_BITMAP (TPLX_DEFRAG_BYTES_MAX / 8 + 1)
#define DGRAM_ALLOC  ((size_t)TPLX_DEFRAG_BYTES_MAX + DGRAM_BITMAP)
/* Hash buckets over the datagrams in progress: twice the slots. */
#define DEFRAG_BUCKETS (2 * TPLX_DEFRAG_DGRAMS_MAX)
#define NONE           (-1)

struct dgram {
	bool used, total_known, overlapped;
	uint8_t version, proto, ttl;
	uint8_t src[16], dst[16];
	uint32_t id, hdr_len, total, received, max_end;
	uint32_t dirty; /* bitmap bytes the last use may have set */
	uint64_t first_ts;
	int32_t next;         /* hash chain, or the free list */
	int32_t older, newer; /* by first fragment's time */
	uint32_t bucket;
	uint8_t *buf; /* DGRAM_ALLOC: data, then the bitmap */
};

/*
 * Datagrams are found through a hash of (version, id, addresses) and
 * kept in the order their first fragment came, so that expiring and
 * evicting look only at the oldest: a capture full of fragments that never
 * complete costs a constant amount per fragment, not a walk of every
 * slot.
 */
struct tplx_defrag {
	struct dgram slots[TPLX_DEFRAG_DGRAMS_MAX];
	int32_t buckets[DEFRAG_BUCKETS];
	int32_t oldest, newest, free;
	size_t used;
	uint8_t *out;       /* the last completed datagram (swapped in) */
	uint32_t out_dirty; /* bitmap bytes out's last use as a slot set */
	struct tplx_defrag_stats stats;
};

int tplx_defrag_new(struct tplx_defrag **out)
{
	struct tplx_defrag *d = tplx_calloc(1, sizeof(*d));
	int32_t i;

	*out = d;
	if (d == NULL)
		return TPLC_ENOMEM;
	for (i = 0; i < DEFRAG_BUCKETS; i++)
		d->buckets[i] = NONE;
	for (i = 0; i < TPLX_DEFRAG_DGRAMS_MAX; i++)
		d->slots[i].next =
		        i + 1 < TPLX_DEFRAG_DGRAMS_MAX ? i + 1 : NONE;
	d->free = 0;
	d->oldest = d->newest = NONE;
	return 0;
}

void tplx_defrag_free(struct tplx_defrag *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < TPLX_DEFRAG_DGRAMS_MAX; i++)
		tplx_free(d->slots[i].buf);
	tplx_free(d->out);
	tplx_free(d);
}

void tplx_defrag_get_stats(const struct tplx_defrag *d,
                           struct tplx_defrag_stats *out)
{
	*out = d->stats;
	out->held = d->used;
}

static uint32_t hash(const struct tplx_defrag_frag *f, size_t alen)
{
	const uint8_t id[4] = { (uint8_t)f->id, (uint8_t)(f->id >> 8),
		                (uint8_t)(f->id >> 16),
		                (uint8_t)(f->id >> 24) };
	uint32_t h = tplx_fnv1a(TPLX_FNV1A_INIT, &f->version, 1);

	h = tplx_fnv1a(h, id, sizeof(id));
	h = tplx_fnv1a(h, f->src, alen);
	return tplx_fnv1a(h, f->dst, alen) % DEFRAG_BUCKETS;
}

static void drop(struct tplx_defrag *d, struct dgram *g)
{
	int32_t self = (int32_t)(g - d->slots), *link = &d->buckets[g->bucket];

	while (*link != self)
		link = &d->slots[*link].next;
	*link = g->next;
	if (g->older != NONE)
		d->slots[g->older].newer = g->newer;
	else
		d->oldest = g->newer;
	if (g->newer != NONE)
		d->slots[g->newer].older = g->older;
	else
		d->newest = g->older;
	g->used = false;
	g->next = d->free;
	d->free = self;
	d->used--;
}

static bool same(const struct dgram *g, const struct tplx_defrag_frag *f,
                 size_t alen)
{
	return g->used && g->version == f->version && g->id == f->id &&
	       (f->version == 6 || g->proto == f->proto) &&
	       memcmp(g->src, f->src, alen) == 0 &&
	       memcmp(g->dst, f->dst, alen) == 0;
}

/* Find the fragment's datagram, expiring old ones first. */
static struct dgram *find(struct tplx_defrag *d,
                          const struct tplx_defrag_frag *f, size_t alen,
                          uint32_t bucket)
{
	int32_t i;

	while (d->oldest != NONE) {
		struct dgram *g = &d->slots[d->oldest];

		if (!(f->ts_usec > g->first_ts &&
		      f->ts_usec - g->first_ts > TPLX_DEFRAG_TIMEOUT_USEC))
			break;
		drop(d, g);
		d->stats.expired++;
	}
	for (i = d->buckets[bucket]; i != NONE; i = d->slots[i].next)
		if (same(&d->slots[i], f, alen))
			return &d->slots[i];
	return NULL;
}

/* A free slot, evicting the oldest datagram when all are in use. */
static struct dgram *take_slot(struct tplx_defrag *d)
{
	struct dgram *g;

	if (d->free == NONE) {
		drop(d, &d->slots[d->oldest]);
		d->stats.evicted++;
	}
	g = &d->slots[d->free];
	d->free = g->next;
	return g;
}

static int start(struct tplx_defrag *d, const struct tplx_defrag_frag *f,
                 size_t alen, uint32_t bucket, struct dgram **out)
{
	struct dgram *g = take_slot(d);
	int32_t self = (int32_t)(g - d->slots);
	uint8_t *buf = g->buf;
	uint32_t dirty = g->dirty;

	if (buf == NULL) {
		buf = tplx_malloc(DGRAM_ALLOC);
		if (buf == NULL) {
			g->next = d->free; /* give the slot back */
			d->free = self;
			return TPLC_ENOMEM;
		}
		dirty = DGRAM_BITMAP;
	}
	/* clear only the part of the bitmap the last use could have set */
	memset(buf + TPLX_DEFRAG_BYTES_MAX, 0, dirty);
	memset(g, 0, sizeof(*g));
	g->buf = buf;
	g->used = true;
	g->version = f->version;
	g->proto = f->proto;
	g->ttl = f->ttl;
	g->hdr_len = f->hdr_len;
	g->id = f->id;
	g->first_ts = f->ts_usec;
	memcpy(g->src, f->src, alen);
	memcpy(g->dst, f->dst, alen);
	g->bucket = bucket;
	g->next = d->buckets[bucket];
	d->buckets[bucket] = self;
	g->older = d->newest;
	g->newer = NONE;
	if (d->newest != NONE)
		d->slots[d->newest].newer = self;
	else
		d->oldest = self;
	d->newest = self;
	d->used++;
	*out = g;
	return 0;
}

/* Copy the bytes not seen yet: the first copy of a byte wins. */
static void fill(struct tplx_defrag *d, struct dgram *g,
                 const struct tplx_defrag_frag *f)
{
	uint8_t *bits = g->buf + TPLX_DEFRAG_BYTES_MAX;
	bool overlap = false;

	for (uint32_t i = 0; i < f->len; i++) {
		uint32_t at = f->offset + i;
		uint8_t mask = (uint8_t)(1u << (at & 7));

		if (bits[at >> 3] & mask) {
			overlap = true;
			continue;
		}
		bits[at >> 3] |= mask;
		g->buf[at] = f->data[i];
		g->received++;
	}
	if (overlap)
		d->stats.overlaps++;
	if ((f->offset + f->len) / 8 + 1 > g->dirty)
		g->dirty = (f->offset + f->len) / 8 + 1;
}

int tplx_defrag_add(struct tplx_defrag *d, const struct tplx_defrag_frag *f,
                    struct tplx_defrag_out *out)
{
	size_t alen = f->version == 4 ? 4 : 16;
	struct dgram *g;
	uint32_t end = f->offset + f->len, bucket, dirty;
	uint8_t *tmp;
	int error;

	memset(out, 0, sizeof(*out));
	bucket = hash(f, alen);
	g = find(d, f, alen, bucket);
	if (f->len == 0 || (f->more && f->len % 8 != 0) ||
	    f->offset > TPLX_DEFRAG_BYTES_MAX ||
	    f->len > TPLX_DEFRAG_BYTES_MAX - f->offset) {
		if (g != NULL)
			drop(d, g);
		if (f->len != 0 && end > TPLX_DEFRAG_BYTES_MAX)
			d->stats.dropped_too_large++;
		return -1;
	}
	if (g == NULL) {
		error = start(d, f, alen, bucket, &g);
		if (error < 0)
			return error;
	}
	if (f->offset == 0) {
		/* The upper-layer facts come from the first fragment. */
		g->proto = f->proto;
		g->ttl = f->ttl;
		g->hdr_len = f->hdr_len;
	}
	if (!f->more) {
		if (g->total_known && g->total != end) {
			drop(d, g);
			return -1;
		}
		g->total_known = true;
		g->total = end;
	}
	if (end > g->max_end)
		g->max_end = end;
	if (g->total_known && g->max_end > g->total) {
		drop(d, g); /* data past the last fragment's end */
		return -1;
	}
	fill(d, g, f);
	if (!g->total_known || g->received != g->total)
		return 0;
	if (d->out == NULL) {
		d->out = tplx_malloc(DGRAM_ALLOC);
		if (d->out == NULL)
			return TPLC_ENOMEM;
		d->out_dirty = DGRAM_BITMAP; /* never cleared */
	}
	/* Swap buffers: the result stays valid while the slot is reused,
	 * and each buffer's dirty bitmap extent goes with it. */
	tmp = d->out;
	d->out = g->buf;
	g->buf = tmp;
	dirty = d->out_dirty;
	d->out_dirty = g->dirty;
	g->dirty = dirty;
	out->data = d->out;
	out->len = g->total;
	out->proto = g->proto;
	out->ttl = g->ttl;
	out->hdr_len = g->hdr_len;
	drop(d, g);
	return 1;
}
