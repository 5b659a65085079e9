/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Frames to packets: link layer (Ethernet II with up to two kept VLAN
 * tags, Linux SLL/SLL2, raw IP, BSD null/loop), IPv4/IPv6 (extension
 * headers walked, fragments reassembled) and TCP/UDP/ICMP/ICMPv6.
 * Every read goes through struct tplx_bytes; a bad packet is counted in
 * the stats and dropped, never an error.
 */
#include <string.h>

#include "tplc/wire.h"
#include "util/alloc.h"
#include "wire/bytes.h"
#include "wire/defrag.h"

#define WIRE_TAGS_MAX    8  /* VLAN tags walked; the first two are kept */
#define WIRE_IP6_EXT_MAX 16 /* IPv6 extension headers walked */

#define ETH_IP4    0x0800
#define ETH_IP6    0x86dd
#define ETH_8021Q  0x8100
#define ETH_8021AD 0x88a8
#define ETH_QINQ   0x9100
#define ETH_PPPOE  0x8864 /* PPPoE session stage (RFC 2516) */
#define PPP_IP4    0x0021
#define PPP_IP6    0x0057

#define LINK_IPV4 228
#define LINK_IPV6 229

enum verdict {
	V_PACKET = 1,
	V_CONSUMED = 0,
	V_MALFORMED = -100,
	V_TRUNCATED = -101
};

struct tplc_wire {
	struct tplx_defrag *defrag;
};

int tplc_wire_new(struct tplc_wire **out, struct tplc_error *err)
{
	struct tplc_wire *w = tplx_calloc(1, sizeof(*w));

	*out = NULL;
	if (w == NULL || tplx_defrag_new(&w->defrag) < 0) {
		tplx_free(w);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	*out = w;
	return 0;
}

void tplc_wire_free(struct tplc_wire *w)
{
	if (w == NULL)
		return;
	tplx_defrag_free(w->defrag);
	tplx_free(w);
}

/* The L4 header of a complete IP payload. */
static int decode_l4(struct tplc_packet *pk, const uint8_t *data, uint32_t len,
                     bool cut, struct tplc_wire_stats *st)
{
	struct tplx_bytes b = tplx_bytes_make(data, len);
	uint32_t hlen = 0;

	switch (pk->proto) {
	case 6: {
		uint8_t off;

		pk->src_port = tplx_bytes_be16(&b);
		pk->dst_port = tplx_bytes_be16(&b);
		pk->tcp_seq = tplx_bytes_be32(&b);
		pk->tcp_ack = tplx_bytes_be32(&b);
		off = tplx_bytes_u8(&b);
		pk->tcp_flags = tplx_bytes_u8(&b);
		pk->tcp_window = tplx_bytes_be16(&b);
		if (b.bad)
			return cut ? V_TRUNCATED : V_MALFORMED;
		hlen = (uint32_t)(off >> 4) * 4;
		if (hlen < 20)
			return V_MALFORMED;
		if (hlen > len)
			return cut ? V_TRUNCATED : V_MALFORMED;
		st->tcp++;
		break;
	}
	case 17: {
		uint16_t ulen;

		pk->src_port = tplx_bytes_be16(&b);
		pk->dst_port = tplx_bytes_be16(&b);
		ulen = tplx_bytes_be16(&b);
		if (b.bad)
			return cut ? V_TRUNCATED : V_MALFORMED;
		if (ulen < 8)
			return V_MALFORMED;
		hlen = 8;
		/* Trailing bytes past the UDP length are not payload. */
		if (ulen < len)
			len = ulen;
		st->udp++;
		break;
	}
	case 1:
	case 58:
		pk->src_port = tplx_bytes_u8(&b);
		pk->dst_port = tplx_bytes_u8(&b);
		if (b.bad)
			return cut ? V_TRUNCATED : V_MALFORMED;
		hlen = len < 8 ? len : 8;
		st->icmp++;
		break;
	default:
		st->other++;
		break;
	}
	pk->payload = data + hlen;
	pk->payload_len = len - hlen;
	return V_PACKET;
}

static int reassembled(struct tplc_wire *w, struct tplx_defrag_frag *fr,
                       struct tplc_packet *pk, struct tplc_wire_stats *st)
{
	struct tplx_defrag_out r;
	int rc;

	st->fragments++;
	rc = tplx_defrag_add(w->defrag, fr, &r);
	if (rc <= 0)
		return rc == -1 ? V_MALFORMED : rc;
	st->reassembled++;
	pk->proto = r.proto;
	pk->ttl = r.ttl;
	pk->ip_len = r.hdr_len + r.len;
	return decode_l4(pk, r.data, r.len, false, st);
}

/*
 * The IP datagram's bytes actually present: trailing link padding cut
 * off, a snaplen cut noted.  A length larger than the frame that was not
 * cut by the snaplen is malformed.
 */
static int ip_extent(uint32_t ip_len, uint32_t avail, bool snapped,
                     uint32_t *have, bool *cut)
{
	*cut = false;
	if (ip_len <= avail) {
		*have = ip_len;
		return 0;
	}
	if (!snapped)
		return V_MALFORMED;
	*have = avail;
	*cut = true;
	return 0;
}

static int decode_ip4(struct tplc_wire *w, struct tplx_bytes *b, bool snapped,
                      struct tplc_packet *pk, struct tplc_wire_stats *st)
{
	const uint8_t *ip = b->p + b->pos;
	uint32_t avail = (uint32_t)tplx_bytes_left(b), have, ihl, tot;
	uint16_t frag;
	bool cut;
	int rc;

	if (avail < 20)
		return V_TRUNCATED;
	if (ip[0] >> 4 != 4)
		return V_MALFORMED;
	ihl = (uint32_t)(ip[0] & 0x0f) * 4;
	if (ihl < 20)
		return V_MALFORMED;
	tot = (uint32_t)ip[2] << 8 | ip[3];
	if (tot == 0 && snapped == false)
		tot = avail; /* TSO: the sender's capture says 0 */
	if (tot < ihl)
		return V_MALFORMED;
	if (ihl > avail)
		return V_TRUNCATED;
	rc = ip_extent(tot, avail, snapped, &have, &cut);
	if (rc < 0)
		return rc;
	pk->ip_version = 4;
	pk->ip_len = tot;
	pk->ttl = ip[8];
	pk->proto = ip[9];
	memcpy(pk->src_ip, ip + 12, 4);
	memcpy(pk->dst_ip, ip + 16, 4);
	st->ip4++;
	frag = (uint16_t)((ip[6] & 0x3f) << 8 | ip[7]);
	if (frag != 0) {
		struct tplx_defrag_frag fr = {
			.version = 4,
			.src = ip + 12,
			.dst = ip + 16,
			.id = (uint32_t)ip[4] << 8 | ip[5],
			.proto = ip[9],
			.ttl = ip[8],
			.hdr_len = ihl,
			.offset = (uint32_t)(frag & 0x1fff) * 8,
			.more = (frag & 0x2000) != 0,
			.data = ip + ihl,
			.len = have - ihl,
			.ts_usec = pk->ts_usec,
		};
		if (cut)
			return V_TRUNCATED; /* a cut fragment cannot be used */
		return reassembled(w, &fr, pk, st);
	}
	return decode_l4(pk, ip + ihl, have - ihl, cut, st);
}

static int decode_ip6(struct tplc_wire *w, struct tplx_bytes *b, bool snapped,
                      struct tplc_packet *pk, struct tplc_wire_stats *st)
{
	const uint8_t *ip = b->p + b->pos;
	uint32_t avail = (uint32_t)tplx_bytes_left(b), have, plen, off = 40;
	uint8_t nh;
	bool cut;
	int rc;

	if (avail < 40)
		return V_TRUNCATED;
	if (ip[0] >> 4 != 6)
		return V_MALFORMED;
	plen = (uint32_t)ip[4] << 8 | ip[5];
	if (plen == 0 && ip[6] == 0)
		plen = avail - 40; /* jumbogram: the length is in hop-by-hop */
	rc = ip_extent(40 + plen, avail, snapped, &have, &cut);
	if (rc < 0)
		return rc;
	pk->ip_version = 6;
	pk->ip_len = 40 + plen;
	pk->ttl = ip[7];
	memcpy(pk->src_ip, ip + 8, 16);
	memcpy(pk->dst_ip, ip + 24, 16);
	st->ip6++;
	nh = ip[6];
	for (int i = 0; i < WIRE_IP6_EXT_MAX; i++) {
		struct tplx_bytes e = tplx_bytes_make(ip + off, have - off);
		uint8_t next = tplx_bytes_u8(&e), hl = tplx_bytes_u8(&e);
		uint32_t elen;

		if (nh != 0 && nh != 43 && nh != 60 && nh != 44 && nh != 51)
			break;
		if (e.bad)
			return cut ? V_TRUNCATED : V_MALFORMED;
		if (nh == 44) {
			uint16_t fo = tplx_bytes_be16(&e);
			struct tplx_defrag_frag fr = {
				.version = 6,
				.src = ip + 8,
				.dst = ip + 24,
				.id = tplx_bytes_be32(&e),
				.proto = next,
				.ttl = ip[7],
				.hdr_len = off + 8,
				.offset = (uint32_t)(fo & 0xfff8),
				.more = (fo & 1) != 0,
				.ts_usec = pk->ts_usec,
			};
			if (e.bad)
				return cut ? V_TRUNCATED : V_MALFORMED;
			off += 8;
			if (fr.offset == 0 && !fr.more) {
				nh = next; /* an atomic fragment */
				continue;
			}
			if (cut)
				return V_TRUNCATED;
			fr.data = ip + off;
			fr.len = have - off;
			return reassembled(w, &fr, pk, st);
		}
		elen = nh == 51 ? ((uint32_t)hl + 2) * 4
		                : ((uint32_t)hl + 1) * 8;
		if (elen > have - off)
			return cut ? V_TRUNCATED : V_MALFORMED;
		off += elen;
		nh = next;
	}
	pk->proto = nh;
	if (nh == 0 || nh == 43 || nh == 60 || nh == 44 || nh == 51)
		return V_MALFORMED; /* more extension headers than we walk */
	return decode_l4(pk, ip + off, have - off, cut, st);
}

/* After the link header: VLAN tags, then IP or something else. */
static int decode_ethertype(struct tplc_wire *w, struct tplx_bytes *b,
                            uint16_t type, bool snapped, struct tplc_packet *pk,
                            struct tplc_wire_stats *st)
{
	for (int i = 0;
	     i < WIRE_TAGS_MAX &&
	     (type == ETH_8021Q || type == ETH_8021AD || type == ETH_QINQ);
	     i++) {
		uint16_t tci = tplx_bytes_be16(b);

		type = tplx_bytes_be16(b);
		if (b->bad)
			return V_TRUNCATED;
		if (pk->vlan_count < 2)
			pk->vlan[pk->vlan_count++] = tci & 0x0fff;
	}
	if (type == ETH_PPPOE) {
		/* version/type, code (0: session data), session id, length,
		 * then the PPP protocol: IP inside is decoded like any */
		uint8_t vt = tplx_bytes_u8(b), code = tplx_bytes_u8(b);
		uint16_t proto;

		tplx_bytes_skip(b, 4);
		proto = tplx_bytes_be16(b);
		if (b->bad)
			return V_TRUNCATED;
		if (vt != 0x11 || code != 0)
			return V_MALFORMED;
		if (proto == PPP_IP4)
			type = ETH_IP4;
		else if (proto == PPP_IP6)
			type = ETH_IP6;
	}
	pk->ethertype = type;
	if (type == ETH_IP4)
		return decode_ip4(w, b, snapped, pk, st);
	if (type == ETH_IP6)
		return decode_ip6(w, b, snapped, pk, st);
	/* ARP, LLDP, ...: the frame's facts are in *pk for the caller. */
	pk->payload = b->p + b->pos;
	pk->payload_len = (uint32_t)tplx_bytes_left(b);
	st->other++;
	return V_CONSUMED;
}

static int decode_raw(struct tplc_wire *w, struct tplx_bytes *b, bool snapped,
                      struct tplc_packet *pk, struct tplc_wire_stats *st)
{
	uint8_t v = tplx_bytes_peek(b, 0) >> 4;

	if (!tplx_bytes_has(b, 1))
		return V_TRUNCATED;
	if (v == 4)
		return decode_ethertype(w, b, ETH_IP4, snapped, pk, st);
	if (v == 6)
		return decode_ethertype(w, b, ETH_IP6, snapped, pk, st);
	return V_MALFORMED;
}

static int decode_link(struct tplc_wire *w, const struct tplc_frame *f,
                       struct tplc_packet *pk, struct tplc_wire_stats *st)
{
	struct tplx_bytes b = tplx_bytes_make(f->data, f->caplen);
	bool snapped = f->caplen < f->wirelen;
	uint16_t type, hatype, alen;
	uint32_t family;

	switch (f->linktype) {
	case TPLC_LINK_ETHERNET:
		tplx_bytes_copy(&b, pk->dst_mac, 6);
		tplx_bytes_copy(&b, pk->src_mac, 6);
		type = tplx_bytes_be16(&b);
		if (b.bad)
			return V_TRUNCATED;
		pk->has_eth = true;
		if (type <= 1500) {
			/* 802.3 with a length: LLC/SNAP, STP, ... */
			pk->payload = b.p + b.pos;
			pk->payload_len = (uint32_t)tplx_bytes_left(&b);
			st->other++;
			return V_CONSUMED;
		}
		return decode_ethertype(w, &b, type, snapped, pk, st);
	case TPLC_LINK_SLL:
		tplx_bytes_skip(&b, 2);
		hatype = tplx_bytes_be16(&b);
		alen = tplx_bytes_be16(&b);
		if (hatype == 1 && alen == 6)
			tplx_bytes_copy(&b, pk->src_mac, 6),
			        tplx_bytes_skip(&b, 2);
		else
			tplx_bytes_skip(&b, 8);
		type = tplx_bytes_be16(&b);
		if (b.bad)
			return V_TRUNCATED;
		return decode_ethertype(w, &b, type, snapped, pk, st);
	case TPLC_LINK_SLL2:
		type = tplx_bytes_be16(&b);
		tplx_bytes_skip(&b, 2 + 4);
		hatype = tplx_bytes_be16(&b);
		tplx_bytes_skip(&b, 1);
		alen = tplx_bytes_u8(&b);
		if (hatype == 1 && alen == 6)
			tplx_bytes_copy(&b, pk->src_mac, 6),
			        tplx_bytes_skip(&b, 2);
		else
			tplx_bytes_skip(&b, 8);
		if (b.bad)
			return V_TRUNCATED;
		return decode_ethertype(w, &b, type, snapped, pk, st);
	case TPLC_LINK_RAW:
	case LINK_IPV4:
	case LINK_IPV6:
		return decode_raw(w, &b, snapped, pk, st);
	case TPLC_LINK_NULL:
	case TPLC_LINK_LOOP:
		/* NULL: the capturing host's byte order; LOOP: network. */
		family = f->linktype == TPLC_LINK_LOOP ? tplx_bytes_be32(&b)
		                                       : tplx_bytes_le32(&b);
		if (b.bad)
			return V_TRUNCATED;
		if (family > 0xffff)
			family = __builtin_bswap32(family);
		if (family == 2)
			return decode_ethertype(w, &b, ETH_IP4, snapped, pk,
			                        st);
		/* AF_INET6: Linux 10, the BSDs 24, 28 or 30. */
		if (family == 10 || family == 24 || family == 28 ||
		    family == 30)
			return decode_ethertype(w, &b, ETH_IP6, snapped, pk,
			                        st);
		st->other++;
		return V_CONSUMED;
	default:
		st->unsupported_link++;
		return V_CONSUMED;
	}
}

int tplc_wire_decode(struct tplc_wire *w, const struct tplc_frame *f,
                     struct tplc_packet *out, struct tplc_wire_stats *stats)
{
	int rc;

	memset(out, 0, sizeof(*out));
	out->ts_usec = f->ts_usec;
	out->wirelen = f->wirelen;
	out->caplen = f->caplen;
	stats->frames++;
	stats->bytes += f->wirelen;
	rc = decode_link(w, f, out, stats);
	if (rc == V_MALFORMED)
		stats->malformed++;
	else if (rc == V_TRUNCATED)
		stats->truncated++;
	else if (rc < 0)
		return rc; /* TPLC_ENOMEM */
	return rc > 0 ? 1 : 0;
}
