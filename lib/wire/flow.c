/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The flow table: an open hash of bucket heads over slots allocated in
 * chunks (pointers stay valid while a flow lives), with two intrusive
 * lists threaded through the slots: "seen" (least recently seen first,
 * for idle timeouts and eviction) and "born" (oldest first, for active
 * timeouts).  Links are 32-bit slot indices to keep a slot small: a
 * million live flows take about 140 MB.
 */

#include <string.h>
#include <time.h>

#include "tplc/flow.h"
#include "util/alloc.h"

/* Slots per chunk: memory grows with the flows live, 4096 at a time. */
#define FLOW_CHUNK_BITS 12
#define FLOW_CHUNK      ((uint32_t)1 << FLOW_CHUNK_BITS)
#define FLOW_NIL        UINT32_MAX

#define TCP_FIN 0x01u
#define TCP_SYN 0x02u
#define TCP_RST 0x04u
#define TCP_ACK 0x10u

struct flow_slot {
	struct tplc_flow flow;
	uint32_t hnext; /* bucket chain, or the free list */
	uint32_t seen_prev, seen_next;
	uint32_t born_prev, born_next;
	uint32_t hash;
};

struct flow_list {
	uint32_t head, tail;
};

struct tplc_flow_table {
	uint32_t max_flows;
	uint64_t idle_usec, active_usec;
	uint64_t seed;
	uint32_t *buckets;
	uint32_t bucket_mask;
	struct flow_slot **chunks; /* max_flows / FLOW_CHUNK, on demand */
	uint32_t nchunks;          /* allocated */
	uint32_t used;             /* slots ever handed out */
	uint32_t free_head;        /* ended slots for reuse */
	struct flow_list seen, born;
	tplc_flow_end_fn on_end;
	void *on_end_data;
	struct tplc_flow_stats stats;
};

static struct flow_slot *slot_at(const struct tplc_flow_table *t, uint32_t i)
{
	return &t->chunks[i >> FLOW_CHUNK_BITS][i & (FLOW_CHUNK - 1)];
}

static uint64_t mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

static uint64_t load64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Order-independent in the two endpoints: their hashes are added. */
static uint32_t endpoint_hash(const struct tplc_flow_table *t,
                              const uint8_t ip[16], uint16_t port)
{
	uint64_t h = t->seed ^ port;

	h = mix64(h ^ load64(ip));
	h = mix64(h ^ load64(ip + 8));
	return (uint32_t)h;
}

static uint32_t key_hash(const struct tplc_flow_table *t, uint16_t vlan,
                         uint8_t version, uint8_t proto, const uint8_t a[16],
                         uint16_t aport, const uint8_t b[16], uint16_t bport)
{
	uint64_t h = (uint64_t)endpoint_hash(t, a, aport) +
	             endpoint_hash(t, b, bport);

	h ^= ((uint64_t)vlan << 48) | ((uint64_t)version << 40) |
	     ((uint64_t)proto << 32);
	return (uint32_t)mix64(h ^ t->seed);
}

/* nDPI keys only TCP and UDP by ports. */
static void packet_ports(const struct tplc_packet *pkt, uint16_t *sport,
                         uint16_t *dport)
{
	if (pkt->proto == 6 || pkt->proto == 17) {
		*sport = pkt->src_port;
		*dport = pkt->dst_port;
	} else {
		*sport = 0;
		*dport = 0;
	}
}

static uint16_t packet_vlan(const struct tplc_packet *pkt)
{
	if (pkt->vlan_count == 0)
		return 0;
	return (uint16_t)(pkt->vlan[pkt->vlan_count > 2 ? 1
	                                                : pkt->vlan_count - 1] &
	                  0x0fff);
}

static void list_unlink(struct tplc_flow_table *t, struct flow_list *l,
                        uint32_t i, bool seen)
{
	struct flow_slot *s = slot_at(t, i);
	uint32_t prev = seen ? s->seen_prev : s->born_prev;
	uint32_t next = seen ? s->seen_next : s->born_next;

	if (prev == FLOW_NIL)
		l->head = next;
	else if (seen)
		slot_at(t, prev)->seen_next = next;
	else
		slot_at(t, prev)->born_next = next;
	if (next == FLOW_NIL)
		l->tail = prev;
	else if (seen)
		slot_at(t, next)->seen_prev = prev;
	else
		slot_at(t, next)->born_prev = prev;
}

static void list_append(struct tplc_flow_table *t, struct flow_list *l,
                        uint32_t i, bool seen)
{
	struct flow_slot *s = slot_at(t, i);

	if (seen) {
		s->seen_prev = l->tail;
		s->seen_next = FLOW_NIL;
	} else {
		s->born_prev = l->tail;
		s->born_next = FLOW_NIL;
	}
	if (l->tail == FLOW_NIL)
		l->head = i;
	else if (seen)
		slot_at(t, l->tail)->seen_next = i;
	else
		slot_at(t, l->tail)->born_next = i;
	l->tail = i;
}

int tplc_flow_table_new(struct tplc_flow_table **out, uint32_t max_flows,
                        uint64_t idle_usec, uint64_t active_usec,
                        struct tplc_error *err)
{
	struct tplc_flow_table *t = NULL;
	uint32_t nbuckets = 16;
	uint32_t nchunks;

	*out = NULL;
	if (max_flows == 0 || max_flows > TPLC_FLOW_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "max_flows %u not in 1..%u", max_flows,
		                      TPLC_FLOW_MAX);
	while (nbuckets < max_flows)
		nbuckets <<= 1;
	nchunks = (max_flows + FLOW_CHUNK - 1) / FLOW_CHUNK;
	t = tplx_calloc(1, sizeof(*t));
	if (t == NULL)
		goto fail;
	t->buckets = tplx_malloc((size_t)nbuckets * sizeof(*t->buckets));
	t->chunks = tplx_calloc(nchunks, sizeof(*t->chunks));
	if (t->buckets == NULL || t->chunks == NULL)
		goto fail;
	memset(t->buckets, 0xff, (size_t)nbuckets * sizeof(*t->buckets));
	t->bucket_mask = nbuckets - 1;
	t->max_flows = max_flows;
	t->idle_usec = idle_usec;
	t->active_usec = active_usec;
	/* Where the table landed and when: chains an attacker cannot aim. */
	t->seed = mix64((uint64_t)(uintptr_t)t ^ (uint64_t)time(NULL) ^
	                UINT64_C(0x9e3779b97f4a7c15));
	t->free_head = FLOW_NIL;
	t->seen.head = t->seen.tail = FLOW_NIL;
	t->born.head = t->born.tail = FLOW_NIL;
	t->stats.max_flows = max_flows;
	t->stats.bytes_allocated = sizeof(*t) +
	                           (size_t)nbuckets * sizeof(*t->buckets) +
	                           (size_t)nchunks * sizeof(*t->chunks);
	*out = t;
	return 0;
fail:
	tplc_flow_table_free(t);
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

void tplc_flow_table_free(struct tplc_flow_table *t)
{
	if (t == NULL)
		return;
	if (t->chunks != NULL) {
		for (uint32_t i = 0; i < t->nchunks; i++)
			tplx_free(t->chunks[i]);
	}
	tplx_free(t->chunks);
	tplx_free(t->buckets);
	tplx_free(t);
}

void tplc_flow_table_on_end(struct tplc_flow_table *t, tplc_flow_end_fn cb,
                            void *data)
{
	t->on_end = cb;
	t->on_end_data = data;
}

void tplc_flow_table_stats(const struct tplc_flow_table *t,
                           struct tplc_flow_stats *out)
{
	*out = t->stats;
}

/* Take the slot out of the hash and both lists, report it, free it. */
static void flow_end(struct tplc_flow_table *t, uint32_t i, unsigned why,
                     tplc_flow_end_fn cb, void *data)
{
	struct flow_slot *s = slot_at(t, i);
	uint32_t *link = &t->buckets[s->hash & t->bucket_mask];

	while (*link != i)
		link = &slot_at(t, *link)->hnext;
	*link = s->hnext;
	list_unlink(t, &t->seen, i, true);
	list_unlink(t, &t->born, i, false);
	s->flow.end = (uint8_t)why;
	switch (why) {
	case TPLC_FLOW_END_IDLE:
		t->stats.ended_idle++;
		break;
	case TPLC_FLOW_END_ACTIVE:
		t->stats.ended_active++;
		break;
	case TPLC_FLOW_END_EVICTED:
		t->stats.evicted++;
		break;
	default:
		t->stats.flushed++;
		break;
	}
	t->stats.active--;
	if (cb != NULL)
		cb(&s->flow, data);
	s->hnext = t->free_head;
	t->free_head = i;
}

/* A free slot index, growing by a chunk when needed; FLOW_NIL on ENOMEM. */
static uint32_t slot_take(struct tplc_flow_table *t)
{
	uint32_t i = t->free_head;

	if (i != FLOW_NIL) {
		t->free_head = slot_at(t, i)->hnext;
		return i;
	}
	if ((t->used & (FLOW_CHUNK - 1)) == 0) {
		uint32_t c = t->used >> FLOW_CHUNK_BITS;

		t->chunks[c] =
		        tplx_calloc(FLOW_CHUNK, sizeof(struct flow_slot));
		if (t->chunks[c] == NULL)
			return FLOW_NIL;
		t->nchunks = c + 1;
		t->stats.bytes_allocated +=
		        FLOW_CHUNK * sizeof(struct flow_slot);
	}
	return t->used++;
}

static bool same_endpoint(const uint8_t a[16], uint16_t aport,
                          const uint8_t b[16], uint16_t bport)
{
	return aport == bport && memcmp(a, b, 16) == 0;
}

/* The live flow of pkt's key, or FLOW_NIL; *from_src its direction. */
static uint32_t flow_find(const struct tplc_flow_table *t, uint32_t hash,
                          const struct tplc_packet *pkt, uint16_t vlan,
                          uint16_t sport, uint16_t dport, bool *from_src)
{
	for (uint32_t i = t->buckets[hash & t->bucket_mask]; i != FLOW_NIL;
	     i = slot_at(t, i)->hnext) {
		const struct flow_slot *s = slot_at(t, i);
		const struct tplc_flow *f = &s->flow;

		if (s->hash != hash || f->vlan != vlan ||
		    f->ip_version != pkt->ip_version || f->proto != pkt->proto)
			continue;
		if (same_endpoint(f->src_ip, f->src_port, pkt->src_ip, sport) &&
		    same_endpoint(f->dst_ip, f->dst_port, pkt->dst_ip, dport)) {
			*from_src = true;
			return i;
		}
		if (same_endpoint(f->src_ip, f->src_port, pkt->dst_ip, dport) &&
		    same_endpoint(f->dst_ip, f->dst_port, pkt->src_ip, sport)) {
			*from_src = false;
			return i;
		}
	}
	return FLOW_NIL;
}

static unsigned tcp_state_of(unsigned seen)
{
	if (seen & TPLC_FLOW_SEEN_RST)
		return TPLC_FLOW_TCP_RESET;
	if ((seen & TPLC_FLOW_SEEN_FIN_SRC) && (seen & TPLC_FLOW_SEEN_FIN_DST))
		return TPLC_FLOW_TCP_CLOSED;
	if (seen & TPLC_FLOW_SEEN_FIN_SRC)
		return TPLC_FLOW_TCP_FIN_SRC;
	if (seen & TPLC_FLOW_SEEN_FIN_DST)
		return TPLC_FLOW_TCP_FIN_DST;
	if (seen & TPLC_FLOW_SEEN_ACK)
		return TPLC_FLOW_TCP_ESTABLISHED;
	if (seen & TPLC_FLOW_SEEN_SYN_ACK)
		return TPLC_FLOW_TCP_SYN_ACK;
	if (seen & TPLC_FLOW_SEEN_SYN)
		return TPLC_FLOW_TCP_SYN;
	return TPLC_FLOW_TCP_NONE;
}

static void tcp_track(struct tplc_flow *f, uint8_t flags, bool from_src)
{
	unsigned seen = f->tcp_seen;

	if (flags & TCP_RST)
		seen |= TPLC_FLOW_SEEN_RST;
	if ((flags & TCP_SYN) && (flags & TCP_ACK))
		seen |= TPLC_FLOW_SEEN_SYN_ACK;
	else if (flags & TCP_SYN)
		seen |= TPLC_FLOW_SEEN_SYN;
	/* An ACK without SYN ends the handshake, or the capture began
	 * mid-stream. */
	if ((flags & TCP_ACK) && !(flags & (TCP_SYN | TCP_RST)))
		seen |= TPLC_FLOW_SEEN_ACK;
	if (flags & TCP_FIN)
		seen |= from_src ? TPLC_FLOW_SEEN_FIN_SRC
		                 : TPLC_FLOW_SEEN_FIN_DST;
	f->tcp_seen = (uint8_t)seen;
	f->tcp_state = (uint8_t)tcp_state_of(seen);
}

/* Ends due by time at now, judged when the flow's next packet comes. */
static unsigned flow_due(const struct tplc_flow_table *t,
                         const struct tplc_flow *f, uint64_t now)
{
	if (t->idle_usec != 0 && now > f->last_usec &&
	    now - f->last_usec >= t->idle_usec)
		return TPLC_FLOW_END_IDLE;
	if (t->active_usec != 0 && now > f->first_usec &&
	    now - f->first_usec >= t->active_usec)
		return TPLC_FLOW_END_ACTIVE;
	return TPLC_FLOW_END_NONE;
}

static uint32_t flow_create(struct tplc_flow_table *t, uint32_t hash,
                            const struct tplc_packet *pkt, uint16_t vlan,
                            uint16_t sport, uint16_t dport)
{
	struct flow_slot *s;
	uint32_t i;

	if (t->stats.active >= t->max_flows)
		flow_end(t, t->seen.head, TPLC_FLOW_END_EVICTED, t->on_end,
		         t->on_end_data);
	i = slot_take(t);
	if (i == FLOW_NIL)
		return FLOW_NIL;
	s = slot_at(t, i);
	memset(&s->flow, 0, sizeof(s->flow));
	memcpy(s->flow.src_ip, pkt->src_ip, 16);
	memcpy(s->flow.dst_ip, pkt->dst_ip, 16);
	s->flow.src_port = sport;
	s->flow.dst_port = dport;
	s->flow.vlan = vlan;
	s->flow.ip_version = pkt->ip_version;
	s->flow.proto = pkt->proto;
	if (pkt->has_eth) {
		memcpy(s->flow.src_mac, pkt->src_mac, 6);
		memcpy(s->flow.dst_mac, pkt->dst_mac, 6);
	}
	s->flow.first_usec = pkt->ts_usec;
	s->flow.last_usec = pkt->ts_usec;
	s->hash = hash;
	s->hnext = t->buckets[hash & t->bucket_mask];
	t->buckets[hash & t->bucket_mask] = i;
	list_append(t, &t->born, i, false);
	list_append(t, &t->seen, i, true);
	t->stats.created++;
	t->stats.active++;
	if (t->stats.active > t->stats.peak)
		t->stats.peak = t->stats.active;
	return i;
}

int tplc_flow_update(struct tplc_flow_table *t, const struct tplc_packet *pkt,
                     struct tplc_flow **flow, bool *from_src)
{
	struct tplc_flow *f;
	uint16_t sport, dport, vlan;
	uint32_t hash, i;
	bool forward = true;
	int created = 0;

	if (flow != NULL)
		*flow = NULL;
	if (from_src != NULL)
		*from_src = true;
	t->stats.packets++;
	if (pkt->ip_version != 4 && pkt->ip_version != 6) {
		t->stats.not_ip++;
		return 0;
	}
	packet_ports(pkt, &sport, &dport);
	vlan = packet_vlan(pkt);
	hash = key_hash(t, vlan, pkt->ip_version, pkt->proto, pkt->src_ip,
	                sport, pkt->dst_ip, dport);
	i = flow_find(t, hash, pkt, vlan, sport, dport, &forward);
	if (i != FLOW_NIL) {
		unsigned why = flow_due(t, &slot_at(t, i)->flow, pkt->ts_usec);

		if (why != TPLC_FLOW_END_NONE) {
			flow_end(t, i, why, t->on_end, t->on_end_data);
			i = FLOW_NIL;
		}
	}
	if (i == FLOW_NIL) {
		forward = true;
		i = flow_create(t, hash, pkt, vlan, sport, dport);
		if (i == FLOW_NIL)
			return TPLC_ENOMEM;
		created = 1;
	} else {
		list_unlink(t, &t->seen, i, true);
		list_append(t, &t->seen, i, true);
	}
	f = &slot_at(t, i)->flow;
	f->packets[forward ? TPLC_FLOW_SRC : TPLC_FLOW_DST]++;
	f->bytes[forward ? TPLC_FLOW_SRC : TPLC_FLOW_DST] += pkt->wirelen;
	if (pkt->ts_usec > f->last_usec)
		f->last_usec = pkt->ts_usec;
	if (pkt->ts_usec < f->first_usec)
		f->first_usec = pkt->ts_usec;
	if (pkt->proto == 6)
		tcp_track(f, pkt->tcp_flags, forward);
	if (flow != NULL)
		*flow = f;
	if (from_src != NULL)
		*from_src = forward;
	return created;
}

size_t tplc_flow_expire(struct tplc_flow_table *t, uint64_t now_usec,
                        tplc_flow_end_fn cb, void *data)
{
	size_t n = 0;

	/* Both lists are in time order, so each walk stops at the first
	 * flow not yet due. */
	while (t->idle_usec != 0 && t->seen.head != FLOW_NIL) {
		const struct tplc_flow *f = &slot_at(t, t->seen.head)->flow;

		if (now_usec <= f->last_usec ||
		    now_usec - f->last_usec < t->idle_usec)
			break;
		flow_end(t, t->seen.head, TPLC_FLOW_END_IDLE, cb, data);
		n++;
	}
	while (t->active_usec != 0 && t->born.head != FLOW_NIL) {
		const struct tplc_flow *f = &slot_at(t, t->born.head)->flow;

		if (now_usec <= f->first_usec ||
		    now_usec - f->first_usec < t->active_usec)
			break;
		flow_end(t, t->born.head, TPLC_FLOW_END_ACTIVE, cb, data);
		n++;
	}
	return n;
}

size_t tplc_flow_flush(struct tplc_flow_table *t, tplc_flow_end_fn cb,
                       void *data)
{
	size_t n = 0;

	while (t->seen.head != FLOW_NIL) {
		flow_end(t, t->seen.head, TPLC_FLOW_END_FLUSH, cb, data);
		n++;
	}
	return n;
}
