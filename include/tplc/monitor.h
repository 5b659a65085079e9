/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_MONITOR_H
#define TPLC_MONITOR_H

/*
 * The passive monitor: frames in (tplc/wire.h), flows (tplc/flow.h), the
 * first TPLC_MONITOR_STREAM_MAX bytes of each direction of a DICOM, HL7,
 * DHCP or DNS flow through the dissectors (tplc/dissect.h), hosts bound to
 * the inventory, and alerts.  The packet path never touches the store:
 * results collect in the monitor (bounded, counted when full) and the
 * caller writes them in one transaction (tplc_store_wire_save) at the end
 * or every so many packets (tplc_monitor_take hands them over).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tplc/error.h"
#include "tplc/store.h"
#include "tplc/wire.h"

#define TPLC_MONITOR_HOSTS_MAX  16384
#define TPLC_MONITOR_EVENTS_MAX 65536 /* associations, messages, alerts */
#define TPLC_MONITOR_STREAM_MAX 16384 /* bytes kept per flow direction */
#define TPLC_MONITOR_TEXT_MAX   128   /* one fingerprint field */

/* An inventory device the monitor binds hosts to (strings borrowed for
 * the monitor's life). */
struct tplc_monitor_device {
	long long id;
	const char *asset_tag;
	const char *mac; /* aa:bb:cc:dd:ee:ff or NULL */
	const char *ip;  /* canonical text or NULL */
	const char *ae_title;
	bool end_of_support;
	const void *rules; /* compiled MUD rules (tplc/mud.h), or NULL */
};

enum tplc_monitor_bind {
	TPLC_BIND_NONE,
	TPLC_BIND_MAC,
	TPLC_BIND_IP,
	TPLC_BIND_AE
};

struct tplc_monitor_host {
	bool has_mac;
	uint8_t mac[6];
	uint8_t ip_version; /* 0: no address seen */
	uint8_t ip[16];
	long device; /* index into the devices given, -1: discovered */
	enum tplc_monitor_bind bound_by;
	char hostname[TPLC_MONITOR_TEXT_MAX],
	        vendor_class[TPLC_MONITOR_TEXT_MAX];
	char client_id[TPLC_MONITOR_TEXT_MAX],
	        dhcp_params[TPLC_MONITOR_TEXT_MAX];
	char mud_url[TPLC_MONITOR_TEXT_MAX], lldp_name[TPLC_MONITOR_TEXT_MAX];
	char lldp_description[TPLC_MONITOR_TEXT_MAX];
	char ae_titles[TPLC_MONITOR_TEXT_MAX]; /* "A,B" calling AE titles */
	uint64_t first_usec, last_usec, packets, bytes;
	long long store_id;                  /* set by tplc_store_wire_save */
	uint64_t saved_packets, saved_bytes; /* counted in the store already */
};

struct tplc_monitor_assoc {
	uint64_t at_usec;
	size_t calling_host, called_host; /* index into hosts */
	uint16_t called_port;
	char calling_ae[17], called_ae[17];
	char implementation_uid[65], implementation_version[17];
	char abstract_syntaxes[1024]; /* comma separated UIDs */
	const char *result; /* accepted, rejected, aborted, unanswered */
};

struct tplc_monitor_hl7 {
	uint64_t at_usec;
	size_t sender_host, receiver_host;
	uint16_t port;
	char sending_application[64], sending_facility[64];
	char receiving_application[64], receiving_facility[64];
	char message_type[40], control_id[64], version[16]; /* "ORU^R01" */
};

struct tplc_monitor_alert {
	uint64_t at_usec;
	const char *severity; /* info, notice, warning, error, critical */
	const char *kind;     /* unknown-ae-title, unexpected-peer, ... */
	long device;          /* index into the devices, -1: none */
	size_t host;          /* index into hosts */
	char rule[256], message[512];
	char evidence[1024]; /* the flow (and rule) as one JSON object */
};

struct tplc_monitor_stats {
	uint64_t frames, bytes, flows, malformed, hosts, associations,
	        hl7_messages, alerts, dropped; /* results over the maxima */
};

struct tplc_monitor_options {
	size_t max_flows;                /* 0: 65536 */
	uint64_t idle_usec, active_usec; /* 0: 120 s, 1800 s */
	FILE *flows;                     /* a JSON line per flow ended */
	const struct tplc_monitor_device *devices;
	size_t device_count;
};

struct tplc_monitor;

int tplc_monitor_new(struct tplc_monitor **out,
                     const struct tplc_monitor_options *options,
                     struct tplc_error *err);
void tplc_monitor_free(struct tplc_monitor *m);
/* One captured frame.  Negative only for ENOMEM. */
int tplc_monitor_frame(struct tplc_monitor *m, const struct tplc_frame *frame,
                       struct tplc_error *err);
/* End every flow still open (writing them to options.flows). */
int tplc_monitor_finish(struct tplc_monitor *m, struct tplc_error *err);

/* The results so far; valid until the next call on m. */
struct tplc_monitor_results {
	struct tplc_monitor_host *hosts; /* every host, updated in place */
	size_t host_count;
	const struct tplc_monitor_assoc *assocs; /* new since the last take */
	size_t assoc_count;
	const struct tplc_monitor_hl7 *hl7;
	size_t hl7_count;
	const struct tplc_monitor_alert *alerts;
	size_t alert_count;
	const struct tplc_monitor_device *devices;
	size_t device_count;
};
void tplc_monitor_results(struct tplc_monitor *m,
                          struct tplc_monitor_results *out);
/* Forget the associations, messages and alerts handed over (the hosts
 * stay: they are upserted again with their running counters). */
void tplc_monitor_take(struct tplc_monitor *m);
void tplc_monitor_stats(const struct tplc_monitor *m,
                        struct tplc_monitor_stats *out);

/* The address as text (inet_ntop). */
void tplc_monitor_ip_text(char *out, size_t size, uint8_t version,
                          const uint8_t *ip);
/* "2026-11-25T10:00:00.123456Z" */
void tplc_monitor_time(char *out, size_t size, uint64_t usec);
/* The evidence / alert as one JSON line (no newline). */
void tplc_monitor_alert_json(FILE *fp, const struct tplc_monitor_results *r,
                             const struct tplc_monitor_alert *a);

/* ---- store side (lib/store/wire.c) ------------------------------------ */

/* Every inventory device with what binds it; strings live in the arena
 * *out_arena (tplx_arena, free with tplc_store_wire_devices_free). */
int tplc_store_wire_devices(struct tplc_store *store,
                            struct tplc_monitor_device **out, size_t *count,
                            void **out_arena, struct tplc_error *err);
void tplc_store_wire_devices_free(struct tplc_monitor_device *devices,
                                  void *arena);

/* Upsert the hosts, insert the associations, messages and alerts: one
 * transaction.  An audit entry naming source is written for the last save
 * of a run (final) and for any save that records events; a live monitor's
 * periodic saves of host counters alone are not audited. */
int tplc_store_wire_save(struct tplc_store *store,
                         struct tplc_monitor_results *r, const char *source,
                         bool final, struct tplc_error *err);

struct tplc_wire_host_row {
	long long id;
	const char *mac, *ip, *asset_tag, *bound_by, *hostname, *vendor_class;
	const char *client_id, *dhcp_params, *mud_url, *lldp_name;
	const char *lldp_description, *ae_titles, *first_seen, *last_seen;
	long long packets, bytes;
};
typedef int (*tplc_wire_host_cb)(const struct tplc_wire_host_row *row,
                                 void *data);
/* Hosts by MAC then IP; discovered_only: those no device matches. */
int tplc_store_wire_hosts(struct tplc_store *store, bool discovered_only,
                          tplc_wire_host_cb cb, void *data,
                          struct tplc_error *err);

#endif
