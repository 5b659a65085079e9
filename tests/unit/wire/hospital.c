/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The dissectors on real captures, read with contract A (tplc_pcap_* and
 * tplc_wire_decode).  Each TCP direction's payload is put in sequence
 * order into its first TPLC_DISSECT_STREAM_MAX bytes (what the monitor
 * keeps), remembering which frame carried which bytes, and the stream
 * parsers walk it.  Oracles:
 *  - pcap/hospital: hospital-dicom-hl7.expected.csv, tshark's decode of
 *    every A-ASSOCIATE-RQ/AC and HL7 message: the rows must be identical.
 *  - pcap/ndpi/hl7.pcap: nDPI names one HL7 flow; its MSH is compared
 *    with the bytes split by hand here.
 *  - pcap/ndpi/dns.pcap, dhcp-fuzz.pcapng, tls-appdata.pcap and
 *    http_ipv6.pcap: compared with tshark 4.x (`tshark -r FILE -T fields
 *    -e dns.qry.name -e dns.a -e dns.resp.ttl`, `-e dhcp.option.dhcp -e
 *    dhcp.hw.mac_addr -e dhcp.option.hostname`, `-Y tls.handshake.type==1
 *    -e tls.handshake.extensions_server_name -e
 *    tls.handshake.extensions_alpn_str`); the values are in the tests.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "tplc/dissect.h"
#include "tplc/wire.h"

#define DIRS_MAX 256
#define SEGS_MAX 512
#define STREAM   TPLC_DISSECT_STREAM_MAX
#define TCP_SYN  0x02

struct seg {
	uint32_t off, len;
	unsigned frame;
};

struct dir {
	uint8_t ipv, src[16], dst[16];
	uint16_t sport, dport;
	bool based;
	uint32_t base;
	uint8_t data[STREAM];
	uint8_t filled[STREAM];
	struct seg segs[SEGS_MAX];
	size_t nsegs;
};

struct streams {
	struct dir *d;
	size_t n;
};

static struct dir *find_dir(struct streams *s, const struct tplc_packet *p)
{
	for (size_t i = 0; i < s->n; i++) {
		struct dir *d = &s->d[i];
		if (d->sport == p->src_port && d->dport == p->dst_port &&
		    memcmp(d->src, p->src_ip, 16) == 0 &&
		    memcmp(d->dst, p->dst_ip, 16) == 0)
			return d;
	}
	assert_true(s->n < DIRS_MAX);
	struct dir *d = &s->d[s->n++];
	memset(d, 0, sizeof(*d));
	d->ipv = p->ip_version;
	memcpy(d->src, p->src_ip, 16);
	memcpy(d->dst, p->dst_ip, 16);
	d->sport = p->src_port;
	d->dport = p->dst_port;
	return d;
}

static void add_segment(struct dir *d, const struct tplc_packet *p,
                        unsigned frame)
{
	if (p->tcp_flags & TCP_SYN) {
		d->based = true;
		d->base = p->tcp_seq + 1;
		return;
	}
	if (p->payload_len == 0)
		return;
	if (!d->based) {
		d->based = true;
		d->base = p->tcp_seq;
	}
	uint32_t off = p->tcp_seq - d->base;
	if (off >= STREAM)
		return;
	uint32_t n = p->payload_len;
	if (n > STREAM - off)
		n = STREAM - off;
	/* The first copy of a byte wins: a retransmission adds nothing. */
	for (uint32_t i = 0; i < n; i++) {
		if (!d->filled[off + i]) {
			d->data[off + i] = p->payload[i];
			d->filled[off + i] = 1;
		}
	}
	if (d->nsegs < SEGS_MAX)
		d->segs[d->nsegs++] = (struct seg){ off, n, frame };
}

static size_t contiguous(const struct dir *d)
{
	size_t n = 0;
	while (n < STREAM && d->filled[n])
		n++;
	return n;
}

/* The frame that completed byte off (tshark names a PDU by that one). */
static unsigned frame_at(const struct dir *d, size_t off)
{
	for (size_t i = 0; i < d->nsegs; i++)
		if (off >= d->segs[i].off &&
		    off < (size_t)d->segs[i].off + d->segs[i].len)
			return d->segs[i].frame;
	return 0;
}

static void follow(const char *path, struct streams *s)
{
	struct tplc_pcap *pc = NULL;
	struct tplc_wire *w = NULL;
	struct tplc_error err;
	struct tplc_frame f;
	struct tplc_packet p;
	struct tplc_wire_stats st;
	unsigned frame = 0;
	int rc;

	memset(&st, 0, sizeof(st));
	s->d = calloc(DIRS_MAX, sizeof(*s->d));
	assert_non_null(s->d);
	s->n = 0;
	assert_int_equal(tplc_pcap_open(&pc, path, &err), 0);
	assert_int_equal(tplc_wire_new(&w, &err), 0);
	while ((rc = tplc_pcap_next(pc, &f, &err)) == 1) {
		frame++;
		if (tplc_wire_decode(w, &f, &p, &st) == 1 && p.proto == 6)
			add_segment(find_dir(s, &p), &p, frame);
	}
	assert_int_equal(rc, 0);
	tplc_wire_free(w);
	tplc_pcap_close(pc);
}

static void addr_text(const struct dir *d, bool src, char *buf, size_t n)
{
	inet_ntop(d->ipv == 6 ? AF_INET6 : AF_INET, src ? d->src : d->dst, buf,
	          (socklen_t)n);
}

#define ROWS_MAX 64
#define ROW_MAX  512

struct row {
	unsigned frame;
	char text[ROW_MAX];
};

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	return (x->frame > y->frame) - (x->frame < y->frame);
}

/* DICOM first; a stream that is not DICOM is tried as HL7. */
static size_t dissect_dir(const struct dir *d, struct row *rows, size_t room)
{
	size_t have = contiguous(d), pos = 0, n = 0;
	char src[64], dst[64];
	static struct tplc_dicom_pdu pdu;
	struct tplc_hl7_message m;
	int rc;

	addr_text(d, true, src, sizeof(src));
	addr_text(d, false, dst, sizeof(dst));
	while (pos < have &&
	       (rc = tplc_dicom_parse(d->data + pos, have - pos, &pdu)) > 0) {
		if ((pdu.type == 1 || pdu.type == 2) && n < room) {
			rows[n].frame = frame_at(d, pos + (size_t)rc - 1);
			snprintf(rows[n].text, ROW_MAX,
			         "%u,%s,%u,%s,%u,0x%02x,%s,%s,%s,%s,,",
			         rows[n].frame, src, d->sport, dst, d->dport,
			         pdu.type, pdu.calling_ae, pdu.called_ae,
			         pdu.implementation_class_uid,
			         pdu.implementation_version);
			n++;
		}
		pos += (size_t)rc;
	}
	if (pos > 0)
		return n;
	while (pos < have &&
	       (rc = tplc_hl7_parse(d->data + pos, have - pos, &m)) > 0) {
		if (n < room) {
			rows[n].frame = frame_at(d, pos + (size_t)rc - 1);
			snprintf(rows[n].text, ROW_MAX,
			         "%u,%s,%u,%s,%u,,,,,,%s,%s", rows[n].frame,
			         src, d->sport, dst, d->dport, m.message_type,
			         m.trigger_event);
			n++;
		}
		pos += (size_t)rc;
	}
	return n;
}

static void test_hospital__dicom_hl7(void **state)
{
	(void)state;
	struct streams s;
	static struct row rows[ROWS_MAX];
	size_t n = 0, len;

	follow(tplt_shared("pcap/hospital/hospital-dicom-hl7.pcap"), &s);
	for (size_t i = 0; i < s.n; i++)
		n += dissect_dir(&s.d[i], rows + n, ROWS_MAX - n);
	qsort(rows, n, sizeof(rows[0]), row_cmp);

	char *csv = tplt_read_file(
	        tplt_shared("pcap/hospital/hospital-dicom-hl7.expected.csv"),
	        &len);
	size_t expected = 0, same = 0;
	char *line = strchr(csv, '\n'); /* after the header */
	assert_non_null(line);
	line++;
	while (*line) {
		char *end = strchr(line, '\n');
		if (end)
			*end = '\0';
		if (*line) {
			bool found = false;
			for (size_t i = 0; i < n; i++)
				found |= strcmp(rows[i].text, line) == 0;
			if (!found)
				tplt_note("missing: %s", line);
			same += found;
			expected++;
		}
		if (!end)
			break;
		line = end + 1;
	}
	for (size_t i = 0; i < n; i++)
		tplt_note("ours: %s", rows[i].text);
	tplt_conformance("hospital capture: %zu/%zu DICOM and HL7 rows as "
	                 "tshark decodes them (%zu rows found)",
	                 same, expected, n);
	assert_int_equal(expected, 18);
	assert_int_equal(same, expected);
	assert_int_equal(n, expected);
	free(csv);
	free(s.d);
}

/* Field k (1-based, MSH-1 is the separator) of the MSH at the start of
 * msg, cut at its first '^', split here by hand. */
static void msh_field(const char *msg, size_t k, char *out, size_t size)
{
	size_t field = 2, i = 4; /* msg[3] is MSH-1 */
	out[0] = '\0';
	while (field < k && msg[i] && msg[i] != '\r') {
		if (msg[i] == '|')
			field++;
		i++;
	}
	if (field != k)
		return;
	size_t j = 0;
	while (msg[i] && msg[i] != '|' && msg[i] != '^' && msg[i] != '\r' &&
	       j + 1 < size)
		out[j++] = msg[i++];
	out[j] = '\0';
}

static void test_hospital__ndpi_hl7(void **state)
{
	(void)state;
	struct streams s;
	struct tplc_hl7_message m;
	char want[256], msg[STREAM + 1];
	size_t flows = 0;

	follow(tplt_shared("pcap/ndpi/hl7.pcap"), &s);
	for (size_t i = 0; i < s.n; i++) {
		const struct dir *d = &s.d[i];
		size_t have = contiguous(d);
		if (have == 0)
			continue;
		/* hl7.pcap.out: TCP 10.0.0.155:49242 <-> 10.0.0.126:6661 */
		bool client = d->sport == 49242 && d->dport == 6661 &&
		              memcmp(d->src, "\x0a\x00\x00\x9b", 4) == 0;
		bool server = d->sport == 6661 && d->dport == 49242 &&
		              memcmp(d->src, "\x0a\x00\x00\x7e", 4) == 0;
		assert_true(client || server);
		flows += client;
		int rc = tplc_hl7_parse(d->data, have, &m);
		assert_int_equal(rc, (int)have);
		tplt_note("hl7.pcap %s: MSH %s %s/%s -> %s/%s %s^%s id %s v%s, "
		          "%zu segments",
		          client ? "client" : "server", m.encoding,
		          m.sending_application, m.sending_facility,
		          m.receiving_application, m.receiving_facility,
		          m.message_type, m.trigger_event, m.control_id,
		          m.version, m.segment_count);
		/* The bytes, split by hand: MSH-3..6, 9, 10, 12. */
		memcpy(msg, d->data + 1, have - 1);
		msg[have - 1] = '\0';
		assert_memory_equal(msg, "MSH|^~\\&|", 9);
		const struct {
			size_t k;
			const char *ours;
		} f[] = {
			{ 3, m.sending_application },
			{ 4, m.sending_facility },
			{ 5, m.receiving_application },
			{ 6, m.receiving_facility },
			{ 9, m.message_type },
			{ 10, m.control_id },
			{ 12, m.version },
		};
		for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++) {
			msh_field(msg, f[k].k, want, sizeof(want));
			assert_string_equal(f[k].ours, want);
		}
		assert_string_equal(m.version, "2.3");
		if (client) {
			assert_string_equal(m.sending_application,
			                    "SENDING_APPLICATION");
			assert_string_equal(m.message_type, "ADT");
			assert_string_equal(m.trigger_event, "A01");
			assert_string_equal(m.control_id,
			                    "934576120110613083617");
		} else {
			assert_string_equal(m.message_type, "ACK");
			assert_string_equal(m.trigger_event, "");
		}
	}
	assert_int_equal(flows, 1);
	tplt_conformance("nDPI hl7.pcap: 1/1 HL7 flow, MSH fields match "
	                 "the bytes both ways");
	free(s.d);
}

/* TLS: ClientHellos where tshark finds them, none where it finds none. */
static size_t hellos(const char *rel, char found[][512], size_t room,
                     size_t *rejected)
{
	struct streams s;
	struct tplc_tls_hello h;
	size_t n = 0;

	*rejected = 0;
	follow(tplt_shared(rel), &s);
	for (size_t i = 0; i < s.n; i++) {
		const struct dir *d = &s.d[i];
		size_t have = contiguous(d);
		if (d->dport != 443 || have == 0)
			continue;
		int rc = tplc_tls_sni(d->data, have, &h);
		if (rc < 0) {
			(*rejected)++;
			continue;
		}
		assert_true(rc > 0);
		assert_true(n < room);
		char alpn[128] = "";
		for (size_t k = 0; k < h.alpn_count; k++) {
			strcat(alpn, k ? "," : "");
			strcat(alpn, h.alpn[k]);
		}
		snprintf(found[n++], 512, "%u %s %s", d->sport, h.sni, alpn);
	}
	free(s.d);
	return n;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void test_hospital__tls(void **state)
{
	(void)state;
	static char found[16][512];
	size_t rejected;

	/* tls-appdata.pcap starts mid-connection: tshark finds no
	 * ClientHello (tls.handshake.type==1 selects 0 frames), nor does
	 * nDPI name a host; every client stream is application data. */
	size_t n = hellos("pcap/ndpi/tls-appdata.pcap", found, 16, &rejected);
	assert_int_equal(n, 0);
	assert_int_equal(rejected, 1);
	/* http_ipv6.pcap: tshark's six ClientHellos (frames 90, 91, 123,
	 * 147, 178, 179), all with ALPN http/1.1,spdy/3.1,h2-14,h2; nDPI's
	 * .out gives the same six Hostname/SNI. */
	static const char *want[] = {
		"37486 www.ntop.org http/1.1,spdy/3.1,h2-14,h2",
		"37488 www.ntop.org http/1.1,spdy/3.1,h2-14,h2",
		"37494 www.ntop.org http/1.1,spdy/3.1,h2-14,h2",
		"37506 www.ntop.org http/1.1,spdy/3.1,h2-14,h2",
		"53132 s-static.ak.facebook.com http/1.1,spdy/3.1,h2-14,h2",
		"53134 s-static.ak.facebook.com http/1.1,spdy/3.1,h2-14,h2",
	};
	n = hellos("pcap/ndpi/http_ipv6.pcap", found, 16, &rejected);
	qsort(found, n, sizeof(found[0]), str_cmp);
	size_t same = 0;
	for (size_t i = 0; i < n && i < 6; i++) {
		tplt_note("ClientHello: %s", found[i]);
		same += strcmp(found[i], want[i]) == 0;
	}
	tplt_conformance("TLS: %zu/6 ClientHello SNI and ALPN as tshark "
	                 "(http_ipv6.pcap), 0/0 in tls-appdata.pcap",
	                 same);
	assert_int_equal(n, 6);
	assert_int_equal(same, 6);
}

/*
 * A UDP payload from a frame contract A does not decode: Ethernet, up to
 * two 802.1Q tags, PPPoE session (0x8864) carrying IPv4.  dns.pcap has
 * two such frames; this only finds them, the DNS parser is under test.
 */
static const uint8_t *pppoe_udp(const struct tplc_frame *f, size_t *len)
{
	const uint8_t *d = f->data;
	size_t n = f->caplen, at = 12;
	if (f->linktype != TPLC_LINK_ETHERNET || n < 14)
		return NULL;
	while (at + 4 <= n && d[at] == 0x81 && d[at + 1] == 0x00)
		at += 4;
	if (at + 2 + 8 + 20 + 8 > n || d[at] != 0x88 || d[at + 1] != 0x64 ||
	    d[at + 8] != 0x00 || d[at + 9] != 0x21)
		return NULL;
	const uint8_t *ip = d + at + 10;
	size_t ihl = (size_t)(ip[0] & 15) * 4;
	if ((ip[0] >> 4) != 4 || ip[9] != 17 || at + 10 + ihl + 8 > n)
		return NULL;
	size_t ulen = (size_t)ip[ihl + 4] << 8 | ip[ihl + 5];
	if (ulen < 8 || at + 10 + ihl + ulen > n)
		return NULL;
	*len = ulen - 8;
	return ip + ihl + 8;
}

static void test_hospital__dns(void **state)
{
	(void)state;
	struct tplc_pcap *pc = NULL;
	struct tplc_wire *w = NULL;
	struct tplc_error err;
	struct tplc_frame f;
	struct tplc_packet p;
	struct tplc_wire_stats st;
	static struct tplc_dns d;
	unsigned frame = 0;
	size_t messages = 0, answers = 0;

	memset(&st, 0, sizeof(st));
	assert_int_equal(
	        tplc_pcap_open(&pc, tplt_shared("pcap/ndpi/dns.pcap"), &err),
	        0);
	assert_int_equal(tplc_wire_new(&w, &err), 0);
	/* tshark: frame, response, name (all questions of type 28 but
	 * frames 4 and 5, type 1). */
	static const struct {
		bool response;
		const char *name;
		uint16_t type;
	} want[] = {
		{ true, "www.l.google.com", 28 },
		{ false, "www.example.com", 28 },
		{ true, "www.example.com", 28 },
		{ false, "e7.whatsapp.net", 1 },
		{ true, "e7.whatsapp.net", 1 },
	};
	static const char *a5[] = { "169.45.219.235", "169.47.40.142",
		                    "169.45.248.121", "108.168.176.234",
		                    "169.45.248.189", "169.45.248.180",
		                    "169.53.81.79",   "169.45.219.232" };
	while (tplc_pcap_next(pc, &f, &err) == 1) {
		frame++;
		const uint8_t *u = NULL;
		size_t n = 0;
		if (tplc_wire_decode(w, &f, &p, &st) == 1) {
			if (p.proto == 17 &&
			    (p.src_port == 53 || p.dst_port == 53)) {
				u = p.payload;
				n = p.payload_len;
			}
		} else {
			u = pppoe_udp(&f, &n);
		}
		if (!u)
			continue;
		assert_true(frame <= 5);
		assert_int_equal(tplc_dns_parse(u, n, &d), 0);
		messages++;
		assert_int_equal(d.response, want[frame - 1].response);
		assert_int_equal(d.question_count, 1);
		assert_string_equal(d.questions[0].name, want[frame - 1].name);
		assert_int_equal(d.questions[0].type, want[frame - 1].type);
		for (size_t i = 0; i < d.answer_count; i++) {
			char a[INET_ADDRSTRLEN];
			inet_ntop(AF_INET, d.answers[i].addr, a, sizeof(a));
			assert_true(frame == 5 && i < 8);
			assert_int_equal(d.answers[i].type, 1);
			assert_int_equal(d.answers[i].ttl, 491);
			assert_string_equal(d.answers[i].name,
			                    "e7.whatsapp.net");
			assert_string_equal(a, a5[i]);
			answers++;
		}
	}
	tplt_conformance("DNS: dns.pcap %zu/5 messages and %zu/8 A answers "
	                 "(name, address, TTL) as tshark",
	                 messages, answers);
	assert_int_equal(messages, 5);
	assert_int_equal(answers, 8);
	tplc_wire_free(w);
	tplc_pcap_close(pc);
}

static void test_hospital__dhcp_fuzz(void **state)
{
	(void)state;
	struct tplc_pcap *pc = NULL;
	struct tplc_wire *w = NULL;
	struct tplc_error err;
	struct tplc_frame f;
	struct tplc_packet p;
	struct tplc_wire_stats st;
	struct tplc_dhcp d;
	size_t seen = 0, ok = 0, bad = 0;

	memset(&st, 0, sizeof(st));
	assert_int_equal(
	        tplc_pcap_open(&pc, tplt_shared("pcap/ndpi/dhcp-fuzz.pcapng"),
	                       &err),
	        0);
	assert_int_equal(tplc_wire_new(&w, &err), 0);
	while (tplc_pcap_next(pc, &f, &err) == 1) {
		if (tplc_wire_decode(w, &f, &p, &st) != 1 || p.proto != 17 ||
		    (p.dst_port != 67 && p.dst_port != 68))
			continue;
		seen++;
		/* tshark: options 53 (106), 61, 12 (MK03862), then 60 with
		 * length 49 past the datagram's end: "Malformed Packet". */
		int rc = tplc_dhcp_parse(p.payload, p.payload_len, &d);
		assert_true(rc == 0 || rc == TPLC_EPARSE);
		ok += rc == 0;
		bad += rc == TPLC_EPARSE;
		assert_int_equal(d.option_count, 0); /* zeroed on error */
	}
	tplt_conformance("DHCP: dhcp-fuzz.pcapng %zu datagram(s): %zu parsed, "
	                 "%zu rejected as malformed",
	                 seen, ok, bad);
	assert_int_equal(seen, 1); /* the one flow of the .out */
	assert_int_equal(bad, 1);  /* malformed, as tshark says */
	tplc_wire_free(w);
	tplc_pcap_close(pc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hospital__dicom_hl7),
		cmocka_unit_test(test_hospital__ndpi_hl7),
		cmocka_unit_test(test_hospital__tls),
		cmocka_unit_test(test_hospital__dns),
		cmocka_unit_test(test_hospital__dhcp_fuzz),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
