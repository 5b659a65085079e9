/* SPDX-License-Identifier: Apache-2.0 */
/*
 * lib/wire/decode and defrag on frames built here byte by byte: VLAN and
 * QinQ, SLL/SLL2, null/loop and raw links, IPv4 options, IPv6 extension
 * headers, fragments in and out of order, overlapping and too large, and
 * every truncation of a frame in a buffer of exactly that size (ASan).
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/wire.h"

#define PKT_MAX 2048

struct pkt {
	uint8_t b[PKT_MAX];
	size_t n;
};

static void p8(struct pkt *p, unsigned v)
{
	assert_true(p->n < PKT_MAX);
	p->b[p->n++] = (uint8_t)v;
}

static void p16(struct pkt *p, unsigned v)
{
	p8(p, v >> 8 & 0xff);
	p8(p, v & 0xff);
}

static void p32(struct pkt *p, uint32_t v)
{
	p16(p, v >> 16);
	p16(p, v & 0xffff);
}

static void pn(struct pkt *p, const void *d, size_t n)
{
	assert_true(p->n + n <= PKT_MAX);
	memcpy(p->b + p->n, d, n);
	p->n += n;
}

static const uint8_t mac_d[6] = { 0, 1, 2, 3, 4, 5 };
static const uint8_t mac_s[6] = { 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };
static const uint8_t ip4_s[4] = { 10, 0, 0, 1 };
static const uint8_t ip4_d[4] = { 192, 168, 1, 20 };
static const uint8_t ip6_s[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const uint8_t ip6_d[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };
static const char body[] = "HL7|MSH^~\\&|LAB|HOSP"; /* 20 bytes */

static void eth(struct pkt *p, unsigned type)
{
	pn(p, mac_d, 6);
	pn(p, mac_s, 6);
	p16(p, type);
}

/* IPv4 header with opt_words of NOP options; total length patched. */
static size_t ip4(struct pkt *p, unsigned proto, unsigned opt_words,
                  unsigned id, unsigned frag)
{
	size_t at = p->n;

	p8(p, 0x40 | (5 + opt_words));
	p8(p, 0);
	p16(p, 0);
	p16(p, id);
	p16(p, frag);
	p8(p, 64);
	p8(p, proto);
	p16(p, 0);
	pn(p, ip4_s, 4);
	pn(p, ip4_d, 4);
	for (unsigned i = 0; i < opt_words * 4; i++)
		p8(p, 1);
	return at;
}

static void ip4_done(struct pkt *p, size_t at)
{
	size_t tot = p->n - at;

	p->b[at + 2] = (uint8_t)(tot >> 8);
	p->b[at + 3] = (uint8_t)tot;
}

static size_t ip6(struct pkt *p, unsigned nh)
{
	size_t at = p->n;

	p32(p, 0x60000000);
	p16(p, 0);
	p8(p, nh);
	p8(p, 63);
	pn(p, ip6_s, 16);
	pn(p, ip6_d, 16);
	return at;
}

static void ip6_done(struct pkt *p, size_t at)
{
	size_t plen = p->n - at - 40;

	p->b[at + 4] = (uint8_t)(plen >> 8);
	p->b[at + 5] = (uint8_t)plen;
}

static void tcp(struct pkt *p, const void *d, size_t n)
{
	p16(p, 40000);
	p16(p, 104);
	p32(p, 0x01020304);
	p32(p, 0x0a0b0c0d);
	p8(p, 6 << 4); /* 24 bytes: one option word */
	p8(p, 0x18);   /* PSH ACK */
	p16(p, 29200);
	p32(p, 0);
	p32(p, 0x02040218); /* MSS option */
	pn(p, d, n);
}

static void udp(struct pkt *p, const void *d, size_t n)
{
	p16(p, 5353);
	p16(p, 2575);
	p16(p, (unsigned)(8 + n));
	p16(p, 0);
	pn(p, d, n);
}

struct dec {
	struct tplc_wire *w;
	struct tplc_wire_stats st;
	struct tplc_packet pk;
};

static int dec_setup(void **state)
{
	struct dec *d = calloc(1, sizeof(*d));
	struct tplc_error err;

	assert_non_null(d);
	assert_int_equal(tplc_wire_new(&d->w, &err), 0);
	*state = d;
	return 0;
}

static int dec_teardown(void **state)
{
	struct dec *d = *state;

	tplc_wire_free(d->w);
	free(d);
	return 0;
}

/* Decode p->b[0..caplen) from a heap copy of exactly caplen bytes. */
static int run(struct dec *d, const struct pkt *p, int link, size_t caplen,
               size_t wirelen, uint64_t ts)
{
	uint8_t *copy = malloc(caplen ? caplen : 1);
	struct tplc_frame f = { ts, (uint32_t)caplen, (uint32_t)wirelen, link,
		                copy };
	int rc;

	assert_non_null(copy);
	memcpy(copy, p->b, caplen);
	rc = tplc_wire_decode(d->w, &f, &d->pk, &d->st);
	/* The payload must point into this frame or a reassembly buffer. */
	if (rc == 1 && d->pk.payload_len > 0 && d->pk.payload >= copy &&
	    d->pk.payload < copy + caplen)
		assert_true(d->pk.payload + d->pk.payload_len <= copy + caplen);
	/* Keep a copy of the payload: the frame is freed now. */
	if (rc == 1 && d->pk.payload >= copy && d->pk.payload < copy + caplen)
		d->pk.payload = NULL;
	free(copy);
	return rc;
}

static int run_all(struct dec *d, const struct pkt *p, int link)
{
	return run(d, p, link, p->n, p->n, 1000);
}

static void check_tcp4(const struct tplc_packet *pk)
{
	assert_int_equal(pk->ip_version, 4);
	assert_memory_equal(pk->src_ip, ip4_s, 4);
	assert_memory_equal(pk->dst_ip, ip4_d, 4);
	assert_int_equal(pk->proto, 6);
	assert_int_equal(pk->ttl, 64);
	assert_int_equal(pk->src_port, 40000);
	assert_int_equal(pk->dst_port, 104);
	assert_int_equal(pk->tcp_seq, 0x01020304);
	assert_int_equal(pk->tcp_ack, 0x0a0b0c0d);
	assert_int_equal(pk->tcp_flags, 0x18);
	assert_int_equal(pk->tcp_window, 29200);
	assert_int_equal(pk->payload_len, 20);
}

static void test_decode__ethernet_tcp_ip4_options(void **state)
{
	struct dec *d = *state;
	struct pkt p = { .n = 0 };
	size_t at;

	eth(&p, 0x0800);
	at = ip4(&p, 6, 3, 1, 0x4000);
	tcp(&p, body, 20);
	ip4_done(&p, at);
	pn(&p, "\0\0\0\0", 4); /* Ethernet padding is not payload */
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 1);
	check_tcp4(&d->pk);
	assert_true(d->pk.has_eth);
	assert_memory_equal(d->pk.dst_mac, mac_d, 6);
	assert_memory_equal(d->pk.src_mac, mac_s, 6);
	assert_int_equal(d->pk.ip_len, 20 + 12 + 24 + 20);
	assert_int_equal(d->pk.vlan_count, 0);
	assert_int_equal(d->st.tcp, 1);
	assert_int_equal(d->st.ip4, 1);
	assert_int_equal(d->st.malformed + d->st.truncated, 0);
}

static void test_decode__vlan_and_qinq(void **state)
{
	static const unsigned outer[] = { 0x8100, 0x88a8, 0x9100 };
	struct dec *d = *state;

	for (size_t i = 0; i < 3; i++) {
		for (unsigned tags = 1; tags <= 3; tags++) {
			struct pkt p = { .n = 0 };
			size_t at;

			pn(&p, mac_d, 6);
			pn(&p, mac_s, 6);
			p16(&p, outer[i]);
			for (unsigned t = 1; t <= tags; t++) {
				p16(&p, 0xe000 | (100 * t)); /* PCP 7 */
				p16(&p, t == tags ? 0x0800 : 0x8100);
			}
			at = ip4(&p, 6, 0, 1, 0);
			tcp(&p, body, 20);
			ip4_done(&p, at);
			assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 1);
			check_tcp4(&d->pk);
			assert_int_equal(d->pk.vlan_count, tags < 2 ? tags : 2);
			assert_int_equal(d->pk.vlan[0], 100);
			if (tags >= 2)
				assert_int_equal(d->pk.vlan[1], 200);
			assert_int_equal(d->pk.ethertype, 0x0800);
		}
	}
}

static void test_decode__sll_sll2_null_raw(void **state)
{
	struct dec *d = *state;
	struct pkt p = { .n = 0 };
	size_t at;

	/* SLL: outgoing, ARPHRD_ETHER, 6-byte address. */
	p16(&p, 4);
	p16(&p, 1);
	p16(&p, 6);
	pn(&p, mac_s, 6);
	p16(&p, 0);
	p16(&p, 0x86dd);
	at = ip6(&p, 17);
	udp(&p, body, 20);
	ip6_done(&p, at);
	assert_int_equal(run_all(d, &p, TPLC_LINK_SLL), 1);
	assert_false(d->pk.has_eth);
	assert_memory_equal(d->pk.src_mac, mac_s, 6);
	assert_int_equal(d->pk.ip_version, 6);
	assert_memory_equal(d->pk.src_ip, ip6_s, 16);
	assert_int_equal(d->pk.proto, 17);
	assert_int_equal(d->pk.ttl, 63);
	assert_int_equal(d->pk.src_port, 5353);
	assert_int_equal(d->pk.dst_port, 2575);
	assert_int_equal(d->pk.payload_len, 20);

	/* SLL2 with IPv4 TCP. */
	p.n = 0;
	p16(&p, 0x0800);
	p16(&p, 0);
	p32(&p, 2);
	p16(&p, 1);
	p8(&p, 0);
	p8(&p, 6);
	pn(&p, mac_s, 6);
	p16(&p, 0);
	at = ip4(&p, 6, 0, 1, 0);
	tcp(&p, body, 20);
	ip4_done(&p, at);
	assert_int_equal(run_all(d, &p, TPLC_LINK_SLL2), 1);
	check_tcp4(&d->pk);

	/* BSD null (host order, little-endian here) and loop (network). */
	p.n = 0;
	pn(&p, "\x02\0\0\0", 4);
	at = ip4(&p, 6, 0, 1, 0);
	tcp(&p, body, 20);
	ip4_done(&p, at);
	assert_int_equal(run_all(d, &p, TPLC_LINK_NULL), 1);
	check_tcp4(&d->pk);
	memcpy(p.b, "\0\0\0\x1e", 4); /* says IPv6 (macOS): bad version */
	assert_int_equal(run_all(d, &p, TPLC_LINK_LOOP), 0);
	assert_int_equal(d->st.malformed, 1);

	/* Raw IP: the version nibble decides. */
	p.n = 0;
	at = ip4(&p, 6, 0, 1, 0);
	tcp(&p, body, 20);
	ip4_done(&p, at);
	assert_int_equal(run_all(d, &p, TPLC_LINK_RAW), 1);
	check_tcp4(&d->pk);
	assert_int_equal(run_all(d, &p, 147), 0);
	assert_int_equal(d->st.unsupported_link, 1);
}

static void test_decode__non_ip(void **state)
{
	struct dec *d = *state;
	struct pkt p = { .n = 0 };

	eth(&p, 0x88cc); /* LLDP: handed back with its payload */
	pn(&p, "\x02\x07\x04", 3);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	assert_int_equal(d->pk.ethertype, 0x88cc);
	assert_int_equal(d->pk.ip_version, 0);
	assert_int_equal(d->pk.payload_len, 3);
	p.n = 0;
	eth(&p, 38); /* 802.3 length: LLC */
	pn(&p, "\x42\x42\x03", 3);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	assert_int_equal(d->st.other, 2);
	assert_int_equal(d->st.malformed, 0);
}

static void test_decode__ip4_bad_headers(void **state)
{
	struct dec *d = *state;
	struct pkt p = { .n = 0 };
	size_t at;

	eth(&p, 0x0800);
	at = ip4(&p, 6, 0, 1, 0);
	tcp(&p, body, 20);
	ip4_done(&p, at);
	p.b[14] = 0x44; /* IHL 4 */
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	assert_int_equal(d->st.malformed, 1);
	p.b[14] = 0x55; /* version 5 */
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	assert_int_equal(d->st.malformed, 2);
	p.b[14] = 0x45;
	p.b[17] = (uint8_t)(p.b[17] + 1); /* total length past the frame */
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	assert_int_equal(d->st.malformed, 3);
	/* ... but a snaplen cut is truncated and still gives the ports. */
	assert_int_equal(run(d, &p, TPLC_LINK_ETHERNET, p.n, p.n + 1, 1), 1);
	assert_int_equal(d->pk.dst_port, 104);
	p.b[17] = 19; /* total length below the header */
	p.b[16] = 0;
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	assert_int_equal(d->st.malformed, 4);
	assert_int_equal(d->st.truncated, 0);
}

/* Every prefix of the frame, in a buffer of exactly that size. */
static void truncate_all(struct dec *d, const struct pkt *p, int link)
{
	for (size_t len = 0; len < p->n; len++) {
		struct tplc_wire_stats before = d->st;
		int rc = run(d, p, link, len, p->n, 1);

		assert_true(rc == 0 || rc == 1);
		assert_int_equal(d->st.frames, before.frames + 1);
		rc = run(d, p, link, len, len, 1);
		assert_true(rc == 0 || rc == 1);
	}
}

static void test_decode__truncated_everywhere(void **state)
{
	struct dec *d = *state;
	struct pkt p = { .n = 0 };
	uint64_t counted;
	size_t at;

	pn(&p, mac_d, 6);
	pn(&p, mac_s, 6);
	p16(&p, 0x88a8);
	p16(&p, 10);
	p16(&p, 0x8100);
	p16(&p, 20);
	p16(&p, 0x0800);
	at = ip4(&p, 6, 2, 1, 0);
	tcp(&p, body, 20);
	ip4_done(&p, at);
	truncate_all(d, &p, TPLC_LINK_ETHERNET);
	/* Cut inside the headers: every one counted, none a packet. */
	counted = d->st.malformed + d->st.truncated;
	assert_true(counted >= 2 * (14 + 8 + 28 + 24) - 1);

	p.n = 0;
	eth(&p, 0x86dd);
	at = ip6(&p, 0);
	pn(&p, "\x2b\0\x01\x04\0\0\0\0", 8); /* hop-by-hop, PadN */
	pn(&p, "\x3c\x02\0\0\0\0\0\0", 8);   /* routing type 0, ... */
	pn(&p, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
	pn(&p, "\x06\0\x01\x04\0\0\0\0", 8); /* destination options */
	tcp(&p, body, 20);
	ip6_done(&p, at);
	truncate_all(d, &p, TPLC_LINK_ETHERNET);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 1);
	assert_int_equal(d->pk.proto, 6);
	assert_int_equal(d->pk.dst_port, 104);
	assert_int_equal(d->pk.payload_len, 20);
	truncate_all(d, &p, TPLC_LINK_SLL2);
	truncate_all(d, &p, TPLC_LINK_SLL);
	truncate_all(d, &p, TPLC_LINK_NULL);
}

/* One IPv4 fragment of the UDP datagram udp_bytes[off, off+len). */
static void frag4(struct pkt *p, const uint8_t *dgram, unsigned off,
                  unsigned len, bool more, unsigned id)
{
	size_t at;

	p->n = 0;
	eth(p, 0x0800);
	at = ip4(p, 17, 1, id, (more ? 0x2000 : 0) | off / 8);
	pn(p, dgram + off, len);
	ip4_done(p, at);
}

static void make_dgram(uint8_t *dg, size_t n)
{
	struct pkt u = { .n = 0 };
	uint8_t data[PKT_MAX];

	for (size_t i = 0; i < n - 8; i++)
		data[i] = (uint8_t)(i * 7 + 3);
	udp(&u, data, n - 8);
	memcpy(dg, u.b, n);
}

static void expect_dgram(struct dec *d, const uint8_t *dg, size_t n)
{
	assert_int_equal(d->pk.proto, 17);
	assert_int_equal(d->pk.src_port, 5353);
	assert_int_equal(d->pk.payload_len, n - 8);
	assert_non_null(d->pk.payload);
	assert_memory_equal(d->pk.payload, dg + 8, n - 8);
}

static void test_decode__ip4_fragments(void **state)
{
	static const unsigned order[][3] = {
		{ 0, 1, 2 }, { 2, 0, 1 }, { 1, 2, 0 }, { 2, 1, 0 }
	};
	struct dec *d = *state;
	struct pkt p = { .n = 0 };
	uint8_t dg[1000];

	make_dgram(dg, sizeof(dg));
	for (unsigned o = 0; o < 4; o++) {
		for (unsigned k = 0; k < 3; k++) {
			unsigned f = order[o][k];
			int rc;

			frag4(&p, dg, f * 400, f == 2 ? 200 : 400, f != 2,
			      100 + o);
			rc = run_all(d, &p, TPLC_LINK_ETHERNET);
			assert_int_equal(rc, k == 2 ? 1 : 0);
		}
		expect_dgram(d, dg, sizeof(dg));
		assert_int_equal(d->pk.ip_len, 24 + 1000);
	}
	assert_int_equal(d->st.fragments, 12);
	assert_int_equal(d->st.reassembled, 4);

	/* Overlap: the first copy wins. */
	frag4(&p, dg, 0, 400, true, 7);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	frag4(&p, dg, 392, 608, false, 7);
	p.b[14 + 24] = 0xee; /* the overlapping 8 bytes differ */
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 1);
	expect_dgram(d, dg, sizeof(dg));

	/* Too large: offset + length past 65535. */
	frag4(&p, dg, 0, 400, true, 8);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	p.b[14 + 6] = 0x1f; /* offset 8189 * 8 = 65512 */
	p.b[14 + 7] = 0xfd;
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	assert_int_equal(d->st.malformed, 1);
	/* The datagram was dropped: the last piece does not complete it. */
	frag4(&p, dg, 400, 600, false, 8);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);

	/* A non-last fragment not a multiple of 8 bytes. */
	frag4(&p, dg, 0, 401, true, 9);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 0);
	assert_int_equal(d->st.malformed, 2);

	/* Timeout by capture time: 31 s later the first piece is gone. */
	frag4(&p, dg, 0, 400, true, 10);
	assert_int_equal(run(d, &p, TPLC_LINK_ETHERNET, p.n, p.n, 1000), 0);
	frag4(&p, dg, 400, 600, false, 10);
	assert_int_equal(run(d, &p, TPLC_LINK_ETHERNET, p.n, p.n, 31001000), 0);
}

static void test_decode__ip6_ext_fragments(void **state)
{
	struct dec *d = *state;
	struct pkt p = { .n = 0 };
	uint8_t dg[600];
	size_t at;

	make_dgram(dg, sizeof(dg));
	for (int piece = 1; piece >= 0; piece--) {
		p.n = 0;
		eth(&p, 0x86dd);
		at = ip6(&p, 0);
		pn(&p, "\x2b\0\x01\x04\0\0\0\0", 8);
		pn(&p, "\x2c\x02\0\0\0\0\0\0", 8);
		pn(&p, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
		p8(&p, 17);
		p8(&p, 0);
		p16(&p, piece == 0 ? 1 : 304); /* offset 0 M, offset 304 */
		p32(&p, 0xcafe);
		pn(&p, dg + (piece == 0 ? 0 : 304), piece == 0 ? 304 : 296);
		ip6_done(&p, at);
		assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET),
		                 piece == 0 ? 1 : 0);
	}
	assert_int_equal(d->pk.ip_version, 6);
	assert_memory_equal(d->pk.dst_ip, ip6_d, 16);
	expect_dgram(d, dg, sizeof(dg));
	assert_int_equal(d->st.reassembled, 1);
	assert_int_equal(d->st.malformed, 0);

	/* An atomic fragment (offset 0, no M) is just a header. */
	p.n = 0;
	eth(&p, 0x86dd);
	at = ip6(&p, 44);
	p8(&p, 17);
	p8(&p, 0);
	p16(&p, 0);
	p32(&p, 1);
	udp(&p, body, 20);
	ip6_done(&p, at);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 1);
	assert_int_equal(d->pk.proto, 17);
	assert_int_equal(d->pk.payload_len, 20);

	/* ESP: stop there; the proto is ESP, no ports. */
	p.n = 0;
	eth(&p, 0x86dd);
	at = ip6(&p, 50);
	p32(&p, 0x100);
	p32(&p, 1);
	ip6_done(&p, at);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 1);
	assert_int_equal(d->pk.proto, 50);
	assert_int_equal(d->pk.src_port, 0);
}

static void test_decode__icmp(void **state)
{
	struct dec *d = *state;
	struct pkt p = { .n = 0 };
	size_t at;

	eth(&p, 0x0800);
	at = ip4(&p, 1, 0, 1, 0);
	p8(&p, 8);
	p8(&p, 0);
	p16(&p, 0);
	p32(&p, 0x00010002);
	pn(&p, body, 20);
	ip4_done(&p, at);
	assert_int_equal(run_all(d, &p, TPLC_LINK_ETHERNET), 1);
	assert_int_equal(d->pk.proto, 1);
	assert_int_equal(d->pk.src_port, 8);
	assert_int_equal(d->pk.dst_port, 0);
	assert_int_equal(d->pk.payload_len, 20);
	assert_int_equal(d->st.icmp, 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, dec_setup, dec_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_decode__ethernet_tcp_ip4_options),
		T(test_decode__vlan_and_qinq),
		T(test_decode__sll_sll2_null_raw),
		T(test_decode__non_ip),
		T(test_decode__ip4_bad_headers),
		T(test_decode__truncated_everywhere),
		T(test_decode__ip4_fragments),
		T(test_decode__ip6_ext_fragments),
		T(test_decode__icmp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
