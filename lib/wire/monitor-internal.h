/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_WIRE_MONITOR_INTERNAL_H
#define TPLC_WIRE_MONITOR_INTERNAL_H

/* Private to the monitor (monitor.c, monitor-hosts.c). */

#include "tplc/flow.h"
#include "tplc/monitor.h"

#define DNS_NAMES 4096 /* address -> name, a direct-mapped cache */

struct dns_name {
	uint8_t version;
	uint8_t addr[16];
	char name[256];
};

struct tplc_monitor {
	struct tplc_monitor_options opt;
	struct tplc_wire *wire;
	struct tplc_flow_table *flows;
	struct tplc_wire_stats wire_stats;
	struct tplc_monitor_stats stats;
	struct tplc_error *err; /* for errors inside flow callbacks */
	int error;

	struct tplc_monitor_host *hosts;
	size_t host_count;
	uint32_t *host_index; /* open addressing: host + 1, 0 empty */
	size_t index_cap;

	struct tplc_monitor_assoc *assoc;
	size_t assoc_count, assoc_cap;
	struct tplc_monitor_hl7 *hl7;
	size_t hl7_count, hl7_cap;
	struct tplc_monitor_alert *alert;
	size_t alert_count, alert_cap;

	size_t streams; /* live stream buffers */
	struct dns_name *dns;
	uint64_t expired_at; /* capture time of the last idle sweep */
};

/* The host of one side of a packet (src: true for the sender); SIZE_MAX
 * when none (broadcast, no address) or the table is full. */
size_t tplx_monitor_host(struct tplc_monitor *m, const struct tplc_packet *pkt,
                         bool src);
/* A host by MAC only (DHCP client, LLDP sender); SIZE_MAX: none. */
size_t tplx_monitor_host_mac(struct tplc_monitor *m, const uint8_t mac[6],
                             uint64_t usec);
/* Count a non-IP frame for the host of mac (skipped if a group). */
void tplx_monitor_host_count(struct tplc_monitor *m, const uint8_t *mac,
                             const struct tplc_frame *frame);
/* Bind host h to the device whose AE title is ae, if it is unbound;
 * false when no device has that AE title. */
bool tplx_monitor_bind_ae(struct tplc_monitor *m, size_t h, const char *ae);
/* Append "a" to the comma list in out (size bytes) unless present. */
void tplx_monitor_list_add(char *out, size_t size, const char *a);
/* Copy s into out, cut to size - 1 bytes. */
void tplx_monitor_copy(char *out, size_t size, const char *s);
/* Append a JSON string (quoted, escaped) at out + *n. */
void tplx_monitor_json_str(char *out, size_t size, size_t *n, const char *s);

#endif
