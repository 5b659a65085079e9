/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/flow.h"
#include "util/alloc.h"

#define SEC UINT64_C(1000000)

static struct tplc_packet ip4(uint32_t src, uint16_t sport, uint32_t dst,
                              uint16_t dport, uint8_t proto, uint64_t ts)
{
	struct tplc_packet p;

	memset(&p, 0, sizeof(p));
	p.ts_usec = ts;
	p.wirelen = 60;
	p.caplen = 60;
	p.ip_version = 4;
	p.proto = proto;
	p.src_ip[0] = (uint8_t)(src >> 24);
	p.src_ip[1] = (uint8_t)(src >> 16);
	p.src_ip[2] = (uint8_t)(src >> 8);
	p.src_ip[3] = (uint8_t)src;
	p.dst_ip[0] = (uint8_t)(dst >> 24);
	p.dst_ip[1] = (uint8_t)(dst >> 16);
	p.dst_ip[2] = (uint8_t)(dst >> 8);
	p.dst_ip[3] = (uint8_t)dst;
	p.src_port = sport;
	p.dst_port = dport;
	p.ip_len = 46;
	return p;
}

static struct tplc_packet reverse(struct tplc_packet p, uint64_t ts)
{
	struct tplc_packet r = p;

	memcpy(r.src_ip, p.dst_ip, 16);
	memcpy(r.dst_ip, p.src_ip, 16);
	r.src_port = p.dst_port;
	r.dst_port = p.src_port;
	r.ts_usec = ts;
	return r;
}

static struct tplc_flow_table *table(uint32_t max, uint64_t idle,
                                     uint64_t active)
{
	struct tplc_flow_table *t = NULL;
	struct tplc_error err;

	assert_int_equal(tplc_flow_table_new(&t, max, idle, active, &err), 0);
	return t;
}

struct ended {
	size_t count;
	unsigned last_end;
	uint32_t last_src_packets;
	uint16_t last_src_port;
};

static void on_end(struct tplc_flow *f, void *data)
{
	struct ended *e = data;

	e->count++;
	e->last_end = f->end;
	e->last_src_packets = f->packets[TPLC_FLOW_SRC];
	e->last_src_port = f->src_port;
}

/* Both directions land in one flow; src is whoever spoke first. */
static void test_flow__bidirectional(void **state)
{
	struct tplc_flow_table *t = table(16, 0, 0);
	struct tplc_packet a = ip4(0x0a000002, 40000, 0x0a000001, 104, 6, SEC);
	struct tplc_packet b = reverse(a, 2 * SEC);
	struct tplc_flow *f1, *f2;
	struct tplc_flow_stats st;
	bool fwd;

	(void)state;
	b.wirelen = 100;
	assert_int_equal(tplc_flow_update(t, &b, &f1, &fwd), 1);
	assert_true(fwd);
	assert_int_equal(tplc_flow_update(t, &a, &f2, &fwd), 0);
	assert_false(fwd);
	assert_ptr_equal(f1, f2);
	assert_int_equal(tplc_flow_update(t, &a, &f2, &fwd), 0);
	assert_int_equal(f1->src_port, 104);
	assert_int_equal(f1->dst_port, 40000);
	assert_int_equal(f1->src_ip[3], 1);
	assert_int_equal(f1->packets[TPLC_FLOW_SRC], 1);
	assert_int_equal(f1->bytes[TPLC_FLOW_SRC], 100);
	assert_int_equal(f1->packets[TPLC_FLOW_DST], 2);
	assert_int_equal(f1->bytes[TPLC_FLOW_DST], 120);
	/* Out-of-order timestamps widen the span, never shrink it. */
	assert_int_equal(f1->first_usec, SEC);
	assert_int_equal(f1->last_usec, 2 * SEC);
	tplc_flow_table_stats(t, &st);
	assert_int_equal(st.created, 1);
	assert_int_equal(st.active, 1);
	assert_int_equal(st.packets, 3);
	tplc_flow_table_free(t);
}

/* VLAN, protocol and IP version are part of the key; ICMP has no ports. */
static void test_flow__key(void **state)
{
	struct tplc_flow_table *t = table(16, 0, 0);
	struct tplc_packet a = ip4(1, 1000, 2, 53, 17, SEC);
	struct tplc_packet v = a, tcp = a, six = a, icmp, reply, notip = a;
	struct tplc_flow *f;
	struct tplc_flow_stats st;

	(void)state;
	v.vlan_count = 2;
	v.vlan[0] = 100;
	v.vlan[1] = 0x1000 | 200; /* priority bits are not the id */
	tcp.proto = 6;
	six.ip_version = 6;
	icmp = ip4(1, 8, 2, 0, 1, SEC);  /* echo request: type 8 */
	reply = ip4(2, 0, 1, 0, 1, SEC); /* echo reply: type 0 */
	notip.ip_version = 0;
	assert_int_equal(tplc_flow_update(t, &a, NULL, NULL), 1);
	assert_int_equal(tplc_flow_update(t, &v, &f, NULL), 1);
	assert_int_equal(f->vlan, 200);
	assert_int_equal(tplc_flow_update(t, &tcp, NULL, NULL), 1);
	assert_int_equal(tplc_flow_update(t, &six, NULL, NULL), 1);
	assert_int_equal(tplc_flow_update(t, &icmp, &f, NULL), 1);
	assert_int_equal(f->src_port, 0);
	assert_int_equal(tplc_flow_update(t, &reply, &f, NULL), 0);
	assert_int_equal(f->packets[TPLC_FLOW_DST], 1);
	assert_int_equal(tplc_flow_update(t, &notip, &f, NULL), 0);
	assert_null(f);
	tplc_flow_table_stats(t, &st);
	assert_int_equal(st.created, 5);
	assert_int_equal(st.not_ip, 1);
	tplc_flow_table_free(t);
}

static unsigned tcp_send(struct tplc_flow_table *t, struct tplc_packet p,
                         uint8_t flags)
{
	struct tplc_flow *f;

	p.tcp_flags = flags;
	assert_true(tplc_flow_update(t, &p, &f, NULL) >= 0);
	return f->tcp_state;
}

static void test_flow__tcp_state(void **state)
{
	struct tplc_flow_table *t = table(16, 0, 0);
	struct tplc_packet c = ip4(1, 5000, 2, 104, 6, SEC);
	struct tplc_packet s = reverse(c, SEC);
	struct tplc_packet m = ip4(3, 5000, 2, 104, 6, SEC);
	struct tplc_packet r = ip4(4, 5000, 2, 104, 6, SEC);

	(void)state;
	assert_int_equal(tcp_send(t, c, 0x02), TPLC_FLOW_TCP_SYN);
	assert_int_equal(tcp_send(t, s, 0x12), TPLC_FLOW_TCP_SYN_ACK);
	assert_int_equal(tcp_send(t, c, 0x10), TPLC_FLOW_TCP_ESTABLISHED);
	assert_int_equal(tcp_send(t, c, 0x18), TPLC_FLOW_TCP_ESTABLISHED);
	assert_int_equal(tcp_send(t, s, 0x11), TPLC_FLOW_TCP_FIN_DST);
	assert_int_equal(tcp_send(t, c, 0x11), TPLC_FLOW_TCP_CLOSED);
	/* A capture that starts mid-stream. */
	assert_int_equal(tcp_send(t, m, 0x10), TPLC_FLOW_TCP_ESTABLISHED);
	assert_int_equal(tcp_send(t, m, 0x11), TPLC_FLOW_TCP_FIN_SRC);
	/* A refused connection. */
	assert_int_equal(tcp_send(t, r, 0x02), TPLC_FLOW_TCP_SYN);
	assert_int_equal(tcp_send(t, reverse(r, SEC), 0x14),
	                 TPLC_FLOW_TCP_RESET);
	assert_string_equal(tplc_flow_tcp_state_name(TPLC_FLOW_TCP_RESET),
	                    "reset");
	assert_null(tplc_flow_tcp_state_name(99));
	tplc_flow_table_free(t);
}

static void test_flow__timeouts(void **state)
{
	struct tplc_flow_table *t = table(16, 10 * SEC, 100 * SEC);
	struct tplc_packet a = ip4(1, 1, 2, 2, 17, 0);
	struct tplc_packet b = ip4(1, 1, 3, 3, 17, 0);
	struct ended e = { 0 };
	struct tplc_flow_stats st;
	uint64_t ts;

	(void)state;
	tplc_flow_table_on_end(t, on_end, &e);
	/* b says one thing; a talks every 5 s: never idle, ended at 100 s
	 * of life. */
	assert_true(tplc_flow_update(t, &b, NULL, NULL) >= 0);
	for (ts = 0; ts <= 95 * SEC; ts += 5 * SEC) {
		a.ts_usec = ts;
		assert_true(tplc_flow_update(t, &a, NULL, NULL) >= 0);
	}
	assert_int_equal(tplc_flow_expire(t, 9 * SEC, on_end, &e), 0);
	assert_int_equal(tplc_flow_expire(t, 10 * SEC, on_end, &e), 1);
	assert_int_equal(e.last_end, TPLC_FLOW_END_IDLE);
	assert_int_equal(e.last_src_port, 1);
	assert_int_equal(tplc_flow_expire(t, 99 * SEC, on_end, &e), 0);
	assert_int_equal(tplc_flow_expire(t, 100 * SEC, on_end, &e), 1);
	assert_int_equal(e.last_end, TPLC_FLOW_END_ACTIVE);
	assert_int_equal(e.last_src_packets, 20);
	/* Timed out when the next packet comes, before any expire call. */
	a.ts_usec = 200 * SEC;
	assert_int_equal(tplc_flow_update(t, &a, NULL, NULL), 1);
	a.ts_usec = 215 * SEC;
	assert_int_equal(tplc_flow_update(t, &a, NULL, NULL), 1);
	assert_int_equal(e.count, 3);
	assert_int_equal(e.last_end, TPLC_FLOW_END_IDLE);
	assert_int_equal(e.last_src_packets, 1);
	tplc_flow_table_stats(t, &st);
	assert_int_equal(st.ended_idle, 2);
	assert_int_equal(st.ended_active, 1);
	assert_int_equal(st.active, 1);
	assert_int_equal(tplc_flow_flush(t, on_end, &e), 1);
	assert_int_equal(e.last_end, TPLC_FLOW_END_FLUSH);
	tplc_flow_table_free(t);
}

/* Full: the least recently seen goes, through the callback, counted. */
static void test_flow__eviction(void **state)
{
	struct tplc_flow_table *t = table(3, 0, 0);
	struct ended e = { 0 };
	struct tplc_flow_stats st;
	struct tplc_packet p;
	uint16_t port;

	(void)state;
	tplc_flow_table_on_end(t, on_end, &e);
	for (port = 1; port <= 3; port++) {
		p = ip4(1, port, 2, 80, 6, port * SEC);
		assert_int_equal(tplc_flow_update(t, &p, NULL, NULL), 1);
	}
	p = ip4(1, 1, 2, 80, 6, 4 * SEC); /* 1 is now the most recent */
	assert_int_equal(tplc_flow_update(t, &p, NULL, NULL), 0);
	p = ip4(1, 4, 2, 80, 6, 5 * SEC);
	assert_int_equal(tplc_flow_update(t, &p, NULL, NULL), 1);
	assert_int_equal(e.count, 1);
	assert_int_equal(e.last_end, TPLC_FLOW_END_EVICTED);
	assert_int_equal(e.last_src_port, 2);
	tplc_flow_table_stats(t, &st);
	assert_int_equal(st.evicted, 1);
	assert_int_equal(st.active, 3);
	assert_int_equal(st.peak, 3);
	/* Flush ends the oldest seen first: 3, 1, 4. */
	assert_int_equal(tplc_flow_flush(t, on_end, &e), 3);
	assert_int_equal(e.last_src_port, 4);
	tplc_flow_table_free(t);
}

static void test_flow__json(void **state)
{
	struct tplc_flow_table *t = table(4, 0, 0);
	struct tplc_packet a = ip4(0x0a00009b, 49242, 0x0a00007e, 6661, 6,
	                           UINT64_C(1700000000123456));
	struct tplc_packet six = a;
	struct tplc_flow *f;
	char line[1024];
	FILE *fp;

	(void)state;
	a.vlan_count = 1;
	a.vlan[0] = 7;
	a.has_eth = true;
	memcpy(a.src_mac, "\x00\x11\x22\x33\x44\x55", 6);
	memcpy(a.dst_mac, "\x66\x77\x88\x99\xaa\xbb", 6);
	a.tcp_flags = 0x02;
	assert_int_equal(tplc_flow_update(t, &a, &f, NULL), 1);
	f->end = TPLC_FLOW_END_IDLE;
	fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(tplc_flow_json(fp, f), 0);
	memset(six.src_ip, 0, 16);
	memset(six.dst_ip, 0, 16);
	six.ip_version = 6;
	six.proto = 17;
	six.src_ip[0] = 0x20;
	six.src_ip[1] = 0x01;
	six.src_ip[15] = 1;
	six.dst_ip[15] = 1;
	assert_int_equal(tplc_flow_update(t, &six, &f, NULL), 1);
	assert_int_equal(tplc_flow_json(fp, f), 0);
	rewind(fp);
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_string_equal(
	        line, "{\"ip_version\":4,\"proto\":6,\"src_ip\":\"10.0.0.155\","
	              "\"src_port\":49242,\"dst_ip\":\"10.0.0.126\","
	              "\"dst_port\":6661,\"vlan\":7,"
	              "\"src_mac\":\"00:11:22:33:44:55\","
	              "\"dst_mac\":\"66:77:88:99:aa:bb\",\"src_packets\":1,"
	              "\"src_bytes\":60,\"dst_packets\":0,\"dst_bytes\":0,"
	              "\"first_seen\":\"2023-11-14T22:13:20.123456Z\","
	              "\"last_seen\":\"2023-11-14T22:13:20.123456Z\","
	              "\"tcp_state\":\"syn\",\"end\":\"idle\"}\n");
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_non_null(strstr(line, "\"proto\":17,\"src_ip\":\"2001::1\","
	                             "\"src_port\":49242,\"dst_ip\":\"::1\""));
	assert_null(strstr(line, "tcp_state"));
	assert_non_null(strstr(line, "\"end\":\"none\"}\n"));
	fclose(fp);
	tplc_flow_table_free(t);
}

static void test_flow__errors(void **state)
{
	struct tplc_flow_table *t = NULL;
	struct tplc_packet p = ip4(1, 1, 2, 2, 17, SEC);
	struct tplc_error err;
	long n;
	int rc;

	(void)state;
	assert_int_equal(tplc_flow_table_new(&t, 0, 0, 0, &err), TPLC_EINVAL);
	assert_null(t);
	assert_int_equal(tplc_flow_table_new(&t, TPLC_FLOW_MAX + 1, 0, 0, &err),
	                 TPLC_EINVAL);
	/* Every allocation failure is reported and leaks nothing. */
	for (n = 0;; n++) {
		tplx_alloc_fail_after(n);
		rc = tplc_flow_table_new(&t, 10000, 0, 0, &err);
		if (rc == 0)
			rc = tplc_flow_update(t, &p, NULL, NULL);
		tplx_alloc_fail_after(-1);
		tplc_flow_table_free(t);
		t = NULL;
		if (rc >= 0)
			break;
		assert_int_equal(rc, TPLC_ENOMEM);
	}
	assert_int_equal(n, 4);
}

/* The bound: a million concurrent flows in under 512 MB. */
static void test_flow__million(void **state)
{
	const uint32_t million = 1000000;
	struct tplc_flow_table *t = table(million, 0, 0);
	struct tplc_flow_stats st;
	struct tplc_packet p = ip4(0, 0, 0x0a000001, 443, 6, SEC);
	uint32_t i;

	(void)state;
	for (i = 0; i < million; i++) {
		/* 65536 ports on each of 16 client addresses. */
		p.src_ip[0] = 172;
		p.src_ip[1] = 16;
		p.src_ip[3] = (uint8_t)(i >> 16);
		p.src_port = (uint16_t)i;
		p.ts_usec = SEC + i;
		assert_int_equal(tplc_flow_update(t, &p, NULL, NULL), 1);
	}
	p.src_port = 7; /* seen again, not a new flow */
	p.src_ip[3] = 3;
	assert_int_equal(tplc_flow_update(t, &p, NULL, NULL), 0);
	tplc_flow_table_stats(t, &st);
	assert_int_equal(st.active, million);
	assert_int_equal(st.evicted, 0);
	tplt_note("sizeof(struct tplc_flow) = %zu; 1,000,000 flows: %zu bytes "
	          "(%.1f MB)",
	          sizeof(struct tplc_flow), st.bytes_allocated,
	          (double)st.bytes_allocated / (1024.0 * 1024.0));
	assert_true(sizeof(struct tplc_flow) <= 128);
	assert_true(st.bytes_allocated < (size_t)512 * 1024 * 1024);
	assert_int_equal(tplc_flow_flush(t, NULL, NULL), million);
	tplc_flow_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flow__bidirectional),
		cmocka_unit_test(test_flow__key),
		cmocka_unit_test(test_flow__tcp_state),
		cmocka_unit_test(test_flow__timeouts),
		cmocka_unit_test(test_flow__eviction),
		cmocka_unit_test(test_flow__json),
		cmocka_unit_test(test_flow__errors),
		cmocka_unit_test(test_flow__million),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
