/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The monitor's hosts: one per MAC address seen as a sender or receiver
 * (or per IP address on links without MACs), bound to an inventory
 * device by MAC, else IP, else the AE title it calls from.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "monitor-internal.h"
#include "util/alloc.h"
#include "wire/bytes.h"

void tplc_monitor_ip_text(char *out, size_t size, uint8_t version,
                          const uint8_t *ip)
{
	if (size == 0)
		return;
	out[0] = '\0';
	if (inet_ntop(version == 6 ? AF_INET6 : AF_INET, ip, out,
	              (socklen_t)size) == NULL)
		out[0] = '\0';
}

void tplc_monitor_time(char *out, size_t size, uint64_t usec)
{
	time_t secs = (time_t)(usec / 1000000);
	struct tm tm;

	if (gmtime_r(&secs, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%06uZ",
	         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	         tm.tm_min, tm.tm_sec, (unsigned)(usec % 1000000));
}

void tplx_monitor_copy(char *out, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (size == 0)
		return;
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

void tplx_monitor_list_add(char *out, size_t size, const char *a)
{
	size_t n = strlen(out), alen = strlen(a);
	const char *p = out;

	if (alen == 0)
		return;
	while ((p = strstr(p, a)) != NULL) {
		if ((p == out || p[-1] == ',') &&
		    (p[alen] == ',' || p[alen] == '\0'))
			return;
		p += alen;
	}
	if (n + alen + 2 > size)
		return;
	snprintf(out + n, size - n, "%s%s", n ? "," : "", a);
}

void tplx_monitor_json_str(char *out, size_t size, size_t *n, const char *s)
{
	size_t i = *n;

	if (i + 2 >= size)
		return;
	out[i++] = '"';
	for (; *s && i + 8 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			out[i++] = '\\';
			out[i++] = (char)c;
		} else if (c < 0x20) {
			i += (size_t)snprintf(out + i, size - i, "\\u%04x", c);
		} else {
			out[i++] = (char)c;
		}
	}
	out[i++] = '"';
	out[i] = '\0';
	*n = i;
}

static uint32_t key_hash(const uint8_t *k, size_t len)
{
	return tplx_fnv1a(TPLX_FNV1A_INIT, k, len);
}

static bool same_key(const struct tplc_monitor_host *h, bool has_mac,
                     const uint8_t *mac, uint8_t version, const uint8_t *ip)
{
	if (has_mac)
		return h->has_mac && memcmp(h->mac, mac, 6) == 0;
	return !h->has_mac && h->ip_version == version &&
	       memcmp(h->ip, ip, 16) == 0;
}

static void bind_device(struct tplc_monitor *m, struct tplc_monitor_host *h)
{
	const struct tplc_monitor_device *d;
	char mac[18], ip[64];

	if (h->device >= 0 && h->bound_by != TPLC_BIND_AE)
		return;
	if (h->has_mac)
		snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
		         h->mac[0], h->mac[1], h->mac[2], h->mac[3], h->mac[4],
		         h->mac[5]);
	ip[0] = '\0';
	if (h->ip_version)
		tplc_monitor_ip_text(ip, sizeof(ip), h->ip_version, h->ip);
	for (size_t i = 0; h->has_mac && i < m->opt.device_count; i++) {
		d = &m->opt.devices[i];
		if (d->mac && strcmp(d->mac, mac) == 0) {
			h->device = (long)i;
			h->bound_by = TPLC_BIND_MAC;
			return;
		}
	}
	for (size_t i = 0; ip[0] && i < m->opt.device_count; i++) {
		d = &m->opt.devices[i];
		if (d->ip && strcmp(d->ip, ip) == 0) {
			h->device = (long)i;
			h->bound_by = TPLC_BIND_IP;
			return;
		}
	}
}

bool tplx_monitor_bind_ae(struct tplc_monitor *m, size_t h, const char *ae)
{
	struct tplc_monitor_host *host = &m->hosts[h];

	tplx_monitor_list_add(host->ae_titles, sizeof(host->ae_titles), ae);
	for (size_t i = 0; i < m->opt.device_count; i++) {
		const char *t = m->opt.devices[i].ae_title;

		if (t && strcmp(t, ae) == 0) {
			if (host->device < 0) {
				host->device = (long)i;
				host->bound_by = TPLC_BIND_AE;
			}
			return true;
		}
	}
	return false;
}

static int index_grow(struct tplc_monitor *m)
{
	size_t cap = m->index_cap ? m->index_cap * 2 : 1024;
	uint32_t *index = tplx_calloc(cap, sizeof(*index));

	if (index == NULL)
		return -1;
	for (size_t i = 0; i < m->host_count; i++) {
		const struct tplc_monitor_host *h = &m->hosts[i];
		uint32_t k =
		        h->has_mac ? key_hash(h->mac, 6) : key_hash(h->ip, 16);
		size_t j = k & (cap - 1);

		while (index[j] != 0)
			j = (j + 1) & (cap - 1);
		index[j] = (uint32_t)(i + 1);
	}
	tplx_free(m->host_index);
	m->host_index = index;
	m->index_cap = cap;
	return 0;
}

static size_t host_find(struct tplc_monitor *m, bool has_mac,
                        const uint8_t *mac, uint8_t version, const uint8_t *ip,
                        uint64_t usec)
{
	struct tplc_monitor_host *h, *grown;
	uint32_t k = has_mac ? key_hash(mac, 6) : key_hash(ip, 16);
	size_t j;

	if (m->index_cap) {
		for (j = k & (m->index_cap - 1); m->host_index[j] != 0;
		     j = (j + 1) & (m->index_cap - 1)) {
			h = &m->hosts[m->host_index[j] - 1];
			if (same_key(h, has_mac, mac, version, ip))
				return m->host_index[j] - 1;
		}
	}
	if (m->host_count >= TPLC_MONITOR_HOSTS_MAX) {
		m->stats.dropped++;
		return SIZE_MAX;
	}
	if ((m->host_count + 1) * 2 > m->index_cap) {
		/* hosts hold half the index's slots */
		grown = tplx_reallocarray(m->hosts,
		                          m->index_cap ? m->index_cap : 512,
		                          sizeof(*m->hosts));
		if (grown == NULL) {
			m->error = TPLC_ENOMEM;
			return SIZE_MAX;
		}
		m->hosts = grown;
		if (index_grow(m) < 0) {
			m->error = TPLC_ENOMEM;
			return SIZE_MAX;
		}
	}
	h = &m->hosts[m->host_count];
	memset(h, 0, sizeof(*h));
	h->device = -1;
	h->has_mac = has_mac;
	if (has_mac)
		memcpy(h->mac, mac, 6);
	else if (version) {
		h->ip_version = version;
		memcpy(h->ip, ip, 16);
	}
	h->first_usec = h->last_usec = usec;
	for (j = k & (m->index_cap - 1); m->host_index[j] != 0;
	     j = (j + 1) & (m->index_cap - 1))
		;
	m->host_index[j] = (uint32_t)(m->host_count + 1);
	bind_device(m, h);
	m->stats.hosts = ++m->host_count;
	return m->host_count - 1;
}

/* Addresses that name no one host. */
static bool ip_unicast(uint8_t version, const uint8_t *ip)
{
	static const uint8_t zero[16];

	if (version == 4)
		return !(ip[0] == 0 || ip[0] >= 224 ||
		         (ip[0] == 255 && ip[1] == 255));
	return version == 6 && ip[0] != 0xff && memcmp(ip, zero, 16) != 0;
}

static bool link_local(uint8_t version, const uint8_t *ip)
{
	return version == 6 && ip[0] == 0xfe && (ip[1] & 0xc0) == 0x80;
}

size_t tplx_monitor_host_mac(struct tplc_monitor *m, const uint8_t mac[6],
                             uint64_t usec)
{
	if (mac[0] & 1) /* group address */
		return SIZE_MAX;
	return host_find(m, true, mac, 0, NULL, usec);
}

void tplx_monitor_host_count(struct tplc_monitor *m, const uint8_t *mac,
                             const struct tplc_frame *frame)
{
	size_t i = tplx_monitor_host_mac(m, mac, frame->ts_usec);

	if (i == SIZE_MAX)
		return;
	m->hosts[i].packets++;
	m->hosts[i].bytes += frame->wirelen;
	if (frame->ts_usec > m->hosts[i].last_usec)
		m->hosts[i].last_usec = frame->ts_usec;
}

size_t tplx_monitor_host(struct tplc_monitor *m, const struct tplc_packet *pkt,
                         bool src)
{
	const uint8_t *mac = src ? pkt->src_mac : pkt->dst_mac;
	const uint8_t *ip = src ? pkt->src_ip : pkt->dst_ip;
	bool unicast = ip_unicast(pkt->ip_version, ip);
	struct tplc_monitor_host *h;
	size_t i;

	if (pkt->has_eth) {
		if (mac[0] & 1)
			return SIZE_MAX;
		i = host_find(m, true, mac, 0, NULL, pkt->ts_usec);
	} else if (unicast) {
		i = host_find(m, false, NULL, pkt->ip_version, ip,
		              pkt->ts_usec);
	} else {
		return SIZE_MAX;
	}
	if (i == SIZE_MAX)
		return i;
	h = &m->hosts[i];
	/* the first unicast address a MAC sends from is its own (a router's
	 * MAC forwards many: the first one stands), but an IPv6 link-local
	 * one (router solicitations as a link comes up) gives way */
	if (src && unicast &&
	    (h->ip_version == 0 || (link_local(h->ip_version, h->ip) &&
	                            !link_local(pkt->ip_version, ip)))) {
		h->ip_version = pkt->ip_version;
		memcpy(h->ip, ip, 16);
		bind_device(m, h);
	}
	h->packets++;
	h->bytes += pkt->wirelen;
	if (pkt->ts_usec > h->last_usec)
		h->last_usec = pkt->ts_usec;
	return i;
}

void tplc_monitor_alert_json(FILE *fp, const struct tplc_monitor_results *r,
                             const struct tplc_monitor_alert *a)
{
	char at[40], out[2048], ip[64] = "";
	size_t n = 0;
	const struct tplc_monitor_host *h =
	        a->host < r->host_count ? &r->hosts[a->host] : NULL;

	tplc_monitor_time(at, sizeof(at), a->at_usec);
	if (h && h->ip_version)
		tplc_monitor_ip_text(ip, sizeof(ip), h->ip_version, h->ip);
	n += (size_t)snprintf(out + n, sizeof(out) - n, "{\"at\":\"%s\",", at);
	n += (size_t)snprintf(out + n, sizeof(out) - n,
	                      "\"severity\":\"%s\",\"kind\":\"%s\",\"device\":",
	                      a->severity, a->kind);
	if (a->device >= 0 && (size_t)a->device < r->device_count &&
	    r->devices[a->device].asset_tag)
		tplx_monitor_json_str(out, sizeof(out), &n,
		                      r->devices[a->device].asset_tag);
	else
		n += (size_t)snprintf(out + n, sizeof(out) - n, "null");
	n += (size_t)snprintf(out + n, sizeof(out) - n, ",\"host_ip\":");
	tplx_monitor_json_str(out, sizeof(out), &n, ip);
	n += (size_t)snprintf(out + n, sizeof(out) - n, ",\"rule\":");
	tplx_monitor_json_str(out, sizeof(out), &n, a->rule);
	n += (size_t)snprintf(out + n, sizeof(out) - n, ",\"message\":");
	tplx_monitor_json_str(out, sizeof(out), &n, a->message);
	fprintf(fp, "%s,\"evidence\":%s}", out,
	        a->evidence[0] ? a->evidence : "null");
}
