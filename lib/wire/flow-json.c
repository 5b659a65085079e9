/* SPDX-License-Identifier: Apache-2.0 */
/* A flow as one JSON line, and the names of its states. */

#include <arpa/inet.h>
#include <inttypes.h>
#include <sys/socket.h>
#include <time.h>

#include "tplc/flow.h"

static const char *const tcp_state_names[] = {
	[TPLC_FLOW_TCP_NONE] = "none",
	[TPLC_FLOW_TCP_SYN] = "syn",
	[TPLC_FLOW_TCP_SYN_ACK] = "syn-ack",
	[TPLC_FLOW_TCP_ESTABLISHED] = "established",
	[TPLC_FLOW_TCP_FIN_SRC] = "fin-src",
	[TPLC_FLOW_TCP_FIN_DST] = "fin-dst",
	[TPLC_FLOW_TCP_CLOSED] = "closed",
	[TPLC_FLOW_TCP_RESET] = "reset",
};

static const char *const end_names[] = {
	[TPLC_FLOW_END_NONE] = "none",     [TPLC_FLOW_END_IDLE] = "idle",
	[TPLC_FLOW_END_ACTIVE] = "active", [TPLC_FLOW_END_EVICTED] = "evicted",
	[TPLC_FLOW_END_FLUSH] = "flush",
};

const char *tplc_flow_tcp_state_name(unsigned state)
{
	if (state >= sizeof(tcp_state_names) / sizeof(tcp_state_names[0]))
		return NULL;
	return tcp_state_names[state];
}

const char *tplc_flow_end_name(unsigned end)
{
	if (end >= sizeof(end_names) / sizeof(end_names[0]))
		return NULL;
	return end_names[end];
}

/* Room for an ISO 8601 UTC time with microseconds. */
#define FLOW_TIME_MAX 32

static void format_time(char *out, size_t size, uint64_t usec)
{
	time_t secs = (time_t)(usec / 1000000);
	struct tm tm;

	if (gmtime_r(&secs, &tm) == NULL) {
		snprintf(out, size, "1970-01-01T00:00:00.000000Z");
		return;
	}
	snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%06uZ",
	         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	         tm.tm_min, tm.tm_sec, (unsigned)(usec % 1000000));
}

static void format_ip(char *out, size_t size, unsigned version,
                      const uint8_t ip[16])
{
	if (inet_ntop(version == 6 ? AF_INET6 : AF_INET, ip, out,
	              (socklen_t)size) == NULL)
		snprintf(out, size, "?");
}

static void format_mac(char *out, size_t size, const uint8_t mac[6])
{
	snprintf(out, size, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
	         mac[2], mac[3], mac[4], mac[5]);
}

int tplc_flow_json(FILE *fp, const struct tplc_flow *f)
{
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];
	char first[FLOW_TIME_MAX], last[FLOW_TIME_MAX];
	char smac[18], dmac[18];
	const char *state = tplc_flow_tcp_state_name(f->tcp_state);
	const char *end = tplc_flow_end_name(f->end);
	int n;

	format_ip(src, sizeof(src), f->ip_version, f->src_ip);
	format_ip(dst, sizeof(dst), f->ip_version, f->dst_ip);
	format_time(first, sizeof(first), f->first_usec);
	format_time(last, sizeof(last), f->last_usec);
	format_mac(smac, sizeof(smac), f->src_mac);
	format_mac(dmac, sizeof(dmac), f->dst_mac);
	n = fprintf(fp,
	            "{\"ip_version\":%u,\"proto\":%u,\"src_ip\":\"%s\","
	            "\"src_port\":%u,\"dst_ip\":\"%s\",\"dst_port\":%u,"
	            "\"vlan\":%u,\"src_mac\":\"%s\",\"dst_mac\":\"%s\","
	            "\"src_packets\":%" PRIu32 ",\"src_bytes\":%" PRIu64 ","
	            "\"dst_packets\":%" PRIu32 ",\"dst_bytes\":%" PRIu64 ","
	            "\"first_seen\":\"%s\",\"last_seen\":\"%s\"",
	            f->ip_version, f->proto, src, f->src_port, dst, f->dst_port,
	            f->vlan, smac, dmac, f->packets[TPLC_FLOW_SRC],
	            f->bytes[TPLC_FLOW_SRC], f->packets[TPLC_FLOW_DST],
	            f->bytes[TPLC_FLOW_DST], first, last);
	if (n < 0)
		return TPLC_EIO;
	if (f->proto == 6)
		n = fprintf(fp, ",\"tcp_state\":\"%s\"",
		            state != NULL ? state : "none");
	if (n < 0)
		return TPLC_EIO;
	n = fprintf(fp, ",\"end\":\"%s\"}\n", end != NULL ? end : "none");
	if (n < 0 || ferror(fp))
		return TPLC_EIO;
	return 0;
}
