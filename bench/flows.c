/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A million concurrent flows: insert 1,000,000 distinct TCP flows into one
 * flow table (each seen once more, as a reply), and report the table's own
 * memory, the process's peak resident set and the time per packet.
 *
 *   bench-flows
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tplc/flow.h"

#define FLOWS 1000000u

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void packet(struct tplc_packet *p, uint32_t i, int reply)
{
	uint8_t client[4] = { 172, 16, (uint8_t)(i >> 16), 0 };
	uint8_t server[4] = { 10, 0, 0, 1 };

	memset(p, 0, sizeof(*p));
	p->ts_usec = 1000000u + i;
	p->wirelen = p->caplen = 60;
	p->ip_version = 4;
	p->proto = 6;
	p->ip_len = 46;
	memcpy(reply ? p->dst_ip : p->src_ip, client, 4);
	memcpy(reply ? p->src_ip : p->dst_ip, server, 4);
	p->src_port = reply ? 443 : (uint16_t)i;
	p->dst_port = reply ? (uint16_t)i : 443;
}

int main(void)
{
	struct tplc_flow_table *t;
	struct tplc_flow_stats st;
	struct tplc_packet p;
	struct tplc_error err;
	struct rusage ru;
	double t0, t1;
	uint32_t i;

	if (tplc_flow_table_new(&t, FLOWS, 0, 0, &err) < 0) {
		fprintf(stderr, "bench-flows: %s\n", err.message);
		return 70;
	}
	t0 = seconds();
	for (i = 0; i < FLOWS; i++) {
		packet(&p, i, 0);
		if (tplc_flow_update(t, &p, NULL, NULL) < 0)
			return 70;
		packet(&p, i, 1);
		if (tplc_flow_update(t, &p, NULL, NULL) < 0)
			return 70;
	}
	t1 = seconds();
	tplc_flow_table_stats(t, &st);
	getrusage(RUSAGE_SELF, &ru);
	printf("flows %zu table %.1f MB peak-rss %.1f MB %.0f ns/packet\n",
	       (size_t)st.active, (double)st.bytes_allocated / 1e6,
	       (double)ru.ru_maxrss / 1e3, (t1 - t0) / (2.0 * FLOWS) * 1e9);
	tplc_flow_table_free(t);
	return 0;
}
