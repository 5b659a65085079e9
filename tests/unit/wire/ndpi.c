/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The flow table against nDPI's ndpiReader: every capture in
 * pcap/ndpi is read with tplc_pcap_open + tplc_wire_decode + the flow
 * table (no timeouts, as ndpiReader within one file), and each flow of
 * its .out (5-tuple, VLAN, packets and bytes each way) must be one of
 * ours, identical, with nDPI's "src" as ours.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "test.h"
#include "tplc/flow.h"
#include "tplc/wire.h"

/*
 * Flows that cannot match, each with its reason: a whole capture (flow
 * NULL) or one nDPI flow, named by the start of its .out line.  A listed
 * flow that matches after all is counted identical and noted.
 */
static const struct {
	const char *file;
	const char *flow;
	const char *reason;
} skipped[] = {
	{ "gre.pcapng", NULL,
	  "tunnel: nDPI decodes GRE and keys the inner flow (out of scope)" },
	{ "ipv6_in_gtp.pcap", NULL,
	  "tunnel: nDPI decodes GTP-U and keys the inner IPv6 flows (out of "
	  "scope)" },
	{ "syslog.pcap", "UDP [2001:470:6c:a1::2]:38159 -> ",
	  "tunnel: nDPI decodes 6in4 (IP proto 41) and merges two outer "
	  "tunnels into one inner flow (out of scope)" },
	{ "ip_fragmented_garbage.pcap", "TCP 10.0.0.2:0 -> 10.128.0.2:0 ",
	  "nDPI does not reassemble: it counts 4 first fragments whose TCP "
	  "header is cut as one port-0 flow; tplc reassembles the datagrams" },
	{ NULL, NULL, NULL },
};

/* The reason a flow (its .out text) or, flow NULL, a capture is skipped. */
static const char *skip_reason(const char *name, const char *flow)
{
	for (size_t i = 0; skipped[i].file != NULL; i++) {
		if (strcmp(skipped[i].file, name) != 0)
			continue;
		if (skipped[i].flow == NULL ||
		    (flow != NULL && strncmp(flow, skipped[i].flow,
		                             strlen(skipped[i].flow)) == 0))
			return skipped[i].reason;
	}
	return NULL;
}

/* Whether the capture has any listed flow: its extra flows are expected. */
static bool has_skips(const char *name)
{
	for (size_t i = 0; skipped[i].file != NULL; i++)
		if (strcmp(skipped[i].file, name) == 0)
			return true;
	return false;
}

#define FLOWS_MAX 4096

struct expect {
	unsigned version, proto, vlan;
	uint8_t src[16], dst[16];
	unsigned sport, dport;
	unsigned long pkts[2], bytes[2];
};

struct got {
	struct tplc_flow flows[FLOWS_MAX];
	size_t count;
	bool matched[FLOWS_MAX];
};

static const struct {
	const char *name;
	unsigned proto;
} proto_names[] = {
	{ "TCP", 6 },   { "UDP", 17 },   { "ICMP", 1 },    { "IGMP", 2 },
	{ "GRE", 47 },  { "ESP", 50 },   { "ICMPV6", 58 }, { "VRRP", 112 },
	{ "PIM", 103 }, { "SCTP", 132 }, { NULL, 0 },
};

static bool parse_proto(const char *s, unsigned *out)
{
	char *end;

	for (size_t i = 0; proto_names[i].name != NULL; i++)
		if (strcmp(proto_names[i].name, s) == 0) {
			*out = proto_names[i].proto;
			return true;
		}
	*out = (unsigned)strtoul(s, &end, 10);
	return end != s && *end == '\0';
}

/* "10.0.0.1:80" or "[2001:db8::1]:80". */
static bool parse_endpoint(char *s, unsigned *version, uint8_t ip[16],
                           unsigned *port)
{
	char *colon;

	memset(ip, 0, 16);
	if (s[0] == '[') {
		char *close = strchr(s, ']');

		if (close == NULL || close[1] != ':')
			return false;
		*close = '\0';
		*port = (unsigned)strtoul(close + 2, NULL, 10);
		*version = 6;
		return inet_pton(AF_INET6, s + 1, ip) == 1;
	}
	colon = strrchr(s, ':');
	if (colon == NULL)
		return false;
	*colon = '\0';
	*port = (unsigned)strtoul(colon + 1, NULL, 10);
	*version = 4;
	return inet_pton(AF_INET, s, ip) == 1;
}

/* One "\tN\tPROTO A <-> B [...][P pkts/B bytes <-> P pkts/B bytes]". */
static bool parse_flow_line(char *line, struct expect *e)
{
	char proto[16], a[80], arrow[4], b[80];
	const char *vlan, *counts;
	unsigned v2;
	int n = 0;

	memset(e, 0, sizeof(*e));
	if (line[0] != '\t' || line[1] < '0' || line[1] > '9')
		return false;
	line = strchr(line + 1, '\t');
	if (line == NULL || line[1] == ' ')
		return false;
	if (sscanf(line + 1, "%15s %79s %3s %79s%n", proto, a, arrow, b, &n) !=
	            4 ||
	    (strcmp(arrow, "<->") != 0 && strcmp(arrow, "->") != 0))
		return false;
	if (!parse_proto(proto, &e->proto) ||
	    !parse_endpoint(a, &e->version, e->src, &e->sport) ||
	    !parse_endpoint(b, &v2, e->dst, &e->dport) || v2 != e->version)
		fail_msg("cannot read flow line: %s", line + 1);
	vlan = strstr(line, "[VLAN: ");
	if (vlan != NULL)
		e->vlan = (unsigned)strtoul(vlan + 7, NULL, 10);
	counts = strstr(line, " pkts/");
	while (counts > line && counts[-1] != '[')
		counts--;
	if (counts == NULL ||
	    sscanf(counts, "%lu pkts/%lu bytes %3s %lu pkts/%lu bytes",
	           &e->pkts[0], &e->bytes[0], arrow, &e->pkts[1],
	           &e->bytes[1]) != 5)
		fail_msg("no packet counts in: %s", line + 1);
	return true;
}

static void collect(struct tplc_flow *f, void *data)
{
	struct got *g = data;

	assert_true(g->count < FLOWS_MAX);
	g->flows[g->count++] = *f;
}

static void run_capture(const char *path, struct got *g)
{
	struct tplc_flow_table *t = NULL;
	struct tplc_wire *w = NULL;
	struct tplc_pcap *p = NULL;
	struct tplc_wire_stats ws;
	struct tplc_packet pkt;
	struct tplc_frame fr;
	struct tplc_error err;
	char msg[1024];
	int rc;

	memset(&ws, 0, sizeof(ws));
	if (tplc_pcap_open(&p, path, &err) != 0)
		fail_msg("%s", tplc_error_format(&err, msg, sizeof(msg)));
	assert_int_equal(tplc_wire_new(&w, &err), 0);
	assert_int_equal(tplc_flow_table_new(&t, FLOWS_MAX, 0, 0, &err), 0);
	while ((rc = tplc_pcap_next(p, &fr, &err)) == 1) {
		rc = tplc_wire_decode(w, &fr, &pkt, &ws);
		assert_true(rc >= 0);
		if (rc == 1)
			assert_true(tplc_flow_update(t, &pkt, NULL, NULL) >= 0);
	}
	/* A capture cut short still yields the flows read so far. */
	if (rc < 0)
		tplt_note("%s", tplc_error_format(&err, msg, sizeof(msg)));
	tplc_flow_flush(t, collect, g);
	tplc_flow_table_free(t);
	tplc_wire_free(w);
	tplc_pcap_close(p);
}

static bool same(const struct tplc_flow *f, const struct expect *e)
{
	return f->ip_version == e->version && f->proto == e->proto &&
	       f->vlan == e->vlan && f->src_port == e->sport &&
	       f->dst_port == e->dport && memcmp(f->src_ip, e->src, 16) == 0 &&
	       memcmp(f->dst_ip, e->dst, 16) == 0;
}

static bool reversed(const struct tplc_flow *f, const struct expect *e)
{
	return f->ip_version == e->version && f->proto == e->proto &&
	       f->vlan == e->vlan && f->src_port == e->dport &&
	       f->dst_port == e->sport && memcmp(f->src_ip, e->dst, 16) == 0 &&
	       memcmp(f->dst_ip, e->src, 16) == 0;
}

static void describe(char *out, size_t size, const struct tplc_flow *f)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	int af = f->ip_version == 6 ? AF_INET6 : AF_INET;

	inet_ntop(af, f->src_ip, a, sizeof(a));
	inet_ntop(af, f->dst_ip, b, sizeof(b));
	snprintf(out, size,
	         "%u %s:%u <-> %s:%u vlan %u [%u pkts/%llu bytes <-> %u "
	         "pkts/%llu bytes]",
	         f->proto, a, f->src_port, b, f->dst_port, f->vlan,
	         f->packets[0], (unsigned long long)f->bytes[0], f->packets[1],
	         (unsigned long long)f->bytes[1]);
}

struct tally {
	size_t flows;     /* nDPI's */
	size_t identical; /* of those, ours identical */
	size_t skipped;   /* listed, with a reason */
	size_t differ;    /* not listed and not identical: failures */
	size_t extra;     /* ours that nDPI does not have, unexplained */
};

/* Compares one capture flow by flow into *t. */
static void compare(const char *name, const char *out_path, struct got *g,
                    struct tally *t)
{
	char *text = tplt_read_file(out_path, NULL);
	char *line, *save = NULL, desc[512];
	size_t lineno = 0;
	struct expect e;

	for (line = strtok_r(text, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		const struct tplc_flow *f = NULL;
		const char *flow_text, *why;
		bool ok = false;

		lineno++;
		if (!parse_flow_line(line, &e))
			continue;
		flow_text = strchr(line + 1, '\t') + 1;
		why = skip_reason(name, flow_text);
		t->flows++;
		for (size_t i = 0; i < g->count && f == NULL; i++) {
			if (g->matched[i])
				continue;
			if (same(&g->flows[i], &e) ||
			    reversed(&g->flows[i], &e)) {
				f = &g->flows[i];
				g->matched[i] = true;
			}
		}
		if (f != NULL && same(f, &e))
			ok = f->packets[0] == e.pkts[0] &&
			     f->packets[1] == e.pkts[1] &&
			     f->bytes[0] == e.bytes[0] &&
			     f->bytes[1] == e.bytes[1];
		if (ok) {
			t->identical++;
			if (why != NULL)
				tplt_note("%s line %zu: listed as skipped but "
				          "identical now",
				          name, lineno);
			continue;
		}
		if (why != NULL) {
			t->skipped++;
			tplt_note("%s line %zu: skipped: %s", name, lineno,
			          why);
			continue;
		}
		t->differ++;
		if (f != NULL)
			describe(desc, sizeof(desc), f);
		tplt_note("%s: differs from nDPI line %zu: %.120s; tplc: %s",
		          name, lineno, flow_text,
		          f != NULL ? desc : "no such flow");
	}
	for (size_t i = 0; i < g->count; i++) {
		if (g->matched[i] || has_skips(name))
			continue;
		describe(desc, sizeof(desc), &g->flows[i]);
		tplt_note("%s: flow not in nDPI: %s", name, desc);
		t->extra++;
	}
	free(text);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_ndpi__flows(void **state)
{
	const char *dir = tplt_shared("pcap/ndpi");
	char *names[256], path[4096], out[4200];
	struct tally all = { 0 };
	size_t count = 0;
	struct got *g = calloc(1, sizeof(*g));
	struct dirent *de;
	DIR *d = opendir(dir);

	(void)state;
	assert_non_null(g);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len > 4 && strcmp(de->d_name + len - 4, ".out") == 0) {
			assert_true(count < 256);
			names[count] = strdup(de->d_name);
			assert_non_null(names[count]);
			names[count][len - 4] = '\0';
			count++;
		}
	}
	closedir(d);
	qsort(names, count, sizeof(names[0]), by_name);
	for (size_t i = 0; i < count; i++) {
		struct tally t = { 0 };

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		snprintf(out, sizeof(out), "%s.out", path);
		memset(g, 0, sizeof(*g));
		run_capture(path, g);
		compare(names[i], out, g, &t);
		tplt_conformance("nDPI flows: %s: %zu/%zu flows identical "
		                 "(%zu skipped)",
		                 names[i], t.identical, t.flows, t.skipped);
		all.flows += t.flows;
		all.identical += t.identical;
		all.skipped += t.skipped;
		all.differ += t.differ;
		all.extra += t.extra;
		free(names[i]);
	}
	tplt_conformance("nDPI flows: %zu/%zu flows identical in %zu captures "
	                 "(%zu listed skips: tunnels, fragments)",
	                 all.identical, all.flows, count, all.skipped);
	free(g);
	assert_true(count >= 38);
	assert_int_equal(all.differ, 0);
	assert_int_equal(all.extra, 0);
	assert_int_equal(all.identical + all.skipped, all.flows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ndpi__flows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
