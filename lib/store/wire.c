/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the monitor saw (tplc/monitor.h): hosts on the wire, bound to
 * inventory devices or discovered, DICOM associations, HL7 messages and
 * alerts.  The monitor never calls the store; the caller hands its
 * results here in batches, one transaction each.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tplc/lifecycle.h"
#include "tplc/monitor.h"
#include "util/alloc.h"
#include "util/arena.h"

#define DEVICES_MAX 1000000

static const char devices_sql[] =
        "SELECT id, asset_tag, mac, ip, ae_title FROM devices ORDER BY id";

struct eos_walk {
	struct tplc_monitor_device *devices;
	size_t count;
};

static int mark_eos(const struct tplc_lifecycle_device_row *row, void *data)
{
	struct eos_walk *w = data;

	if (row->status->stage != TPLC_LIFECYCLE_END_OF_SUPPORT)
		return 0;
	for (size_t i = 0; i < w->count; i++)
		if (w->devices[i].id == row->device_id)
			w->devices[i].end_of_support = true;
	return 0;
}

static const char *dup_column(struct tplx_arena *arena, sqlite3_stmt *stmt,
                              int col)
{
	const char *s = tplc_store__column_text(stmt, col);

	return s ? tplx_arena_strdup(arena, s) : NULL;
}

int tplc_store_wire_devices(struct tplc_store *store,
                            struct tplc_monitor_device **out, size_t *count,
                            void **out_arena, struct tplc_error *err)
{
	struct tplc_lifecycle_filter filter = { .stage = -1 };
	struct tplc_monitor_device *devices = NULL, *grown;
	struct tplx_arena *arena = tplx_arena_new();
	sqlite3_stmt *stmt = NULL;
	size_t n = 0, cap = 0;
	int error, rc;

	*out = NULL;
	*count = 0;
	*out_arena = NULL;
	if (arena == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = tplc_store__prepare(store, &stmt, devices_sql, err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			grown = cap > DEVICES_MAX
			                ? NULL
			                : tplx_reallocarray(devices, cap,
			                                    sizeof(*devices));
			if (grown == NULL) {
				error = tplc_error_set(err, TPLC_ENOMEM,
				                       "out of memory");
				break;
			}
			devices = grown;
		}
		memset(&devices[n], 0, sizeof(devices[n]));
		devices[n].id = sqlite3_column_int64(stmt, 0);
		devices[n].asset_tag = dup_column(arena, stmt, 1);
		devices[n].mac = dup_column(arena, stmt, 2);
		devices[n].ip = dup_column(arena, stmt, 3);
		devices[n].ae_title = dup_column(arena, stmt, 4);
		n++;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read devices");
	sqlite3_finalize(stmt);
	if (error == 0 && n > 0) {
		struct eos_walk w = { devices, n };

		error = tplc_store_lifecycle_devices(store, &filter, mark_eos,
		                                     &w, err);
	}
	if (error < 0) {
		tplx_free(devices);
		tplx_arena_free(arena);
		return error;
	}
	*out = devices;
	*count = n;
	*out_arena = arena;
	return 0;
}

void tplc_store_wire_devices_free(struct tplc_monitor_device *devices,
                                  void *arena)
{
	tplx_free(devices);
	tplx_arena_free(arena);
}

static const char host_mac_sql[] =
        "INSERT INTO wire_hosts(mac, ip, device_id, bound_by, hostname,"
        " vendor_class, client_id, dhcp_params, mud_url, lldp_name,"
        " lldp_description, ae_titles, first_seen, last_seen, packets, bytes)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16)"
        " ON CONFLICT(mac) WHERE mac IS NOT NULL DO UPDATE SET"
        " ip = COALESCE(excluded.ip, ip),"
        " device_id = COALESCE(excluded.device_id, device_id),"
        " bound_by = COALESCE(excluded.bound_by, bound_by),"
        " hostname = COALESCE(excluded.hostname, hostname),"
        " vendor_class = COALESCE(excluded.vendor_class, vendor_class),"
        " client_id = COALESCE(excluded.client_id, client_id),"
        " dhcp_params = COALESCE(excluded.dhcp_params, dhcp_params),"
        " mud_url = COALESCE(excluded.mud_url, mud_url),"
        " lldp_name = COALESCE(excluded.lldp_name, lldp_name),"
        " lldp_description = COALESCE(excluded.lldp_description,"
        "   lldp_description),"
        " ae_titles = COALESCE(excluded.ae_titles, ae_titles),"
        " first_seen = min(first_seen, excluded.first_seen),"
        " last_seen = max(last_seen, excluded.last_seen),"
        " packets = packets + excluded.packets,"
        " bytes = bytes + excluded.bytes"
        " RETURNING id";

/* A host with no MAC (raw IP captures) is one row per address. */
static const char host_ip_find_sql[] =
        "SELECT id FROM wire_hosts WHERE mac IS NULL AND ip = ?1";
static const char host_ip_update_sql[] =
        "UPDATE wire_hosts SET device_id = COALESCE(?2, device_id),"
        " bound_by = COALESCE(?3, bound_by),"
        " ae_titles = COALESCE(?4, ae_titles),"
        " last_seen = max(last_seen, ?5), packets = packets + ?6,"
        " bytes = bytes + ?7 WHERE id = ?1";

static const char assoc_sql[] =
        "INSERT INTO dicom_associations(at, calling_host, called_host,"
        " called_port, calling_ae, called_ae, implementation_uid,"
        " implementation_version, abstract_syntaxes, result)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char hl7_sql[] =
        "INSERT INTO hl7_messages(at, sender_host, receiver_host, port,"
        " sending_application, sending_facility, receiving_application,"
        " receiving_facility, message_type, control_id, version)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char alert_sql[] =
        "INSERT INTO alerts(at, severity, kind, device_id, host_id, rule,"
        " message, evidence, source)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static const char *const bind_names[] = { NULL, "mac", "ip", "ae-title" };

struct save {
	struct tplc_store *store;
	struct tplc_monitor_results *r;
	const char *source;
	sqlite3_stmt *host_mac, *ip_find, *ip_update, *ip_insert;
	sqlite3_stmt *assoc, *hl7, *alert;
};

/* "" -> NULL, so an empty fingerprint never overwrites a known one. */
static int bind_opt(sqlite3_stmt *stmt, int i, const char *s)
{
	return tplc_store__bind_text(stmt, i, s && *s ? s : NULL);
}

static void mac_text(char *out, size_t size, const struct tplc_monitor_host *h)
{
	snprintf(out, size, "%02x:%02x:%02x:%02x:%02x:%02x", h->mac[0],
	         h->mac[1], h->mac[2], h->mac[3], h->mac[4], h->mac[5]);
}

static void bind_host_common(struct save *s, sqlite3_stmt *stmt,
                             const struct tplc_monitor_host *h,
                             const char *first, const char *last)
{
	const struct tplc_monitor_results *r = s->r;

	if (h->device >= 0 && (size_t)h->device < r->device_count)
		sqlite3_bind_int64(stmt, 3, r->devices[h->device].id);
	else
		sqlite3_bind_null(stmt, 3);
	tplc_store__bind_text(stmt, 4, bind_names[h->bound_by]);
	bind_opt(stmt, 5, h->hostname);
	bind_opt(stmt, 6, h->vendor_class);
	bind_opt(stmt, 7, h->client_id);
	bind_opt(stmt, 8, h->dhcp_params);
	bind_opt(stmt, 9, h->mud_url);
	bind_opt(stmt, 10, h->lldp_name);
	bind_opt(stmt, 11, h->lldp_description);
	bind_opt(stmt, 12, h->ae_titles);
	tplc_store__bind_text(stmt, 13, first);
	tplc_store__bind_text(stmt, 14, last);
}

static int save_host(struct save *s, struct tplc_monitor_host *h,
                     struct tplc_error *err)
{
	struct tplc_store *store = s->store;
	char mac[18], ip[64], first[40], last[40];
	long long id = 0;
	int error;

	tplc_monitor_time(first, sizeof(first), h->first_usec);
	tplc_monitor_time(last, sizeof(last), h->last_usec);
	ip[0] = '\0';
	if (h->ip_version)
		tplc_monitor_ip_text(ip, sizeof(ip), h->ip_version, h->ip);
	if (h->has_mac) {
		mac_text(mac, sizeof(mac), h);
		tplc_store__bind_text(s->host_mac, 1, mac);
		bind_opt(s->host_mac, 2, ip);
		bind_host_common(s, s->host_mac, h, first, last);
		sqlite3_bind_int64(s->host_mac, 15,
		                   (long long)(h->packets - h->saved_packets));
		sqlite3_bind_int64(s->host_mac, 16,
		                   (long long)(h->bytes - h->saved_bytes));
		error = tplc_store__step_id_keep(store, s->host_mac, &id, err,
		                                 "cannot record host");
		sqlite3_clear_bindings(s->host_mac);
	} else {
		tplc_store__bind_text(s->ip_find, 1, ip);
		if (sqlite3_step(s->ip_find) == SQLITE_ROW)
			id = sqlite3_column_int64(s->ip_find, 0);
		sqlite3_reset(s->ip_find);
		if (id == 0) {
			sqlite3_bind_null(s->host_mac, 1);
			tplc_store__bind_text(s->host_mac, 2, ip);
			bind_host_common(s, s->host_mac, h, first, last);
			sqlite3_bind_int64(
			        s->host_mac, 15,
			        (long long)(h->packets - h->saved_packets));
			sqlite3_bind_int64(
			        s->host_mac, 16,
			        (long long)(h->bytes - h->saved_bytes));
			error = tplc_store__step_id_keep(store, s->host_mac,
			                                 &id, err,
			                                 "cannot record host");
			sqlite3_clear_bindings(s->host_mac);
		} else {
			sqlite3_bind_int64(s->ip_update, 1, id);
			if (h->device >= 0)
				sqlite3_bind_int64(s->ip_update, 2,
				                   s->r->devices[h->device].id);
			tplc_store__bind_text(s->ip_update, 3,
			                      bind_names[h->bound_by]);
			bind_opt(s->ip_update, 4, h->ae_titles);
			tplc_store__bind_text(s->ip_update, 5, last);
			sqlite3_bind_int64(
			        s->ip_update, 6,
			        (long long)(h->packets - h->saved_packets));
			sqlite3_bind_int64(
			        s->ip_update, 7,
			        (long long)(h->bytes - h->saved_bytes));
			error = tplc_store__step_done(store, s->ip_update, err,
			                              "cannot update host");
			sqlite3_clear_bindings(s->ip_update);
		}
	}
	if (error == 0) {
		h->store_id = id;
		h->saved_packets = h->packets;
		h->saved_bytes = h->bytes;
	}
	return error;
}

static void bind_host_id(struct save *s, sqlite3_stmt *stmt, int i, size_t host)
{
	if (host < s->r->host_count && s->r->hosts[host].store_id > 0)
		sqlite3_bind_int64(stmt, i, s->r->hosts[host].store_id);
	else
		sqlite3_bind_null(stmt, i);
}

static int save_assoc(struct save *s, const struct tplc_monitor_assoc *a,
                      struct tplc_error *err)
{
	char at[40];
	int error;

	tplc_monitor_time(at, sizeof(at), a->at_usec);
	tplc_store__bind_text(s->assoc, 1, at);
	bind_host_id(s, s->assoc, 2, a->calling_host);
	bind_host_id(s, s->assoc, 3, a->called_host);
	sqlite3_bind_int(s->assoc, 4, a->called_port);
	tplc_store__bind_text(s->assoc, 5, a->calling_ae);
	tplc_store__bind_text(s->assoc, 6, a->called_ae);
	bind_opt(s->assoc, 7, a->implementation_uid);
	bind_opt(s->assoc, 8, a->implementation_version);
	bind_opt(s->assoc, 9, a->abstract_syntaxes);
	tplc_store__bind_text(s->assoc, 10, a->result);
	error = tplc_store__step_done(s->store, s->assoc, err,
	                              "cannot record DICOM association");
	sqlite3_clear_bindings(s->assoc);
	return error;
}

static int save_hl7(struct save *s, const struct tplc_monitor_hl7 *m,
                    struct tplc_error *err)
{
	char at[40];
	int error;

	tplc_monitor_time(at, sizeof(at), m->at_usec);
	tplc_store__bind_text(s->hl7, 1, at);
	bind_host_id(s, s->hl7, 2, m->sender_host);
	bind_host_id(s, s->hl7, 3, m->receiver_host);
	sqlite3_bind_int(s->hl7, 4, m->port);
	bind_opt(s->hl7, 5, m->sending_application);
	bind_opt(s->hl7, 6, m->sending_facility);
	bind_opt(s->hl7, 7, m->receiving_application);
	bind_opt(s->hl7, 8, m->receiving_facility);
	bind_opt(s->hl7, 9, m->message_type);
	bind_opt(s->hl7, 10, m->control_id);
	bind_opt(s->hl7, 11, m->version);
	error = tplc_store__step_done(s->store, s->hl7, err,
	                              "cannot record HL7 message");
	sqlite3_clear_bindings(s->hl7);
	return error;
}

static int save_alert(struct save *s, const struct tplc_monitor_alert *a,
                      struct tplc_error *err)
{
	char at[40];
	int error;

	tplc_monitor_time(at, sizeof(at), a->at_usec);
	tplc_store__bind_text(s->alert, 1, at);
	tplc_store__bind_text(s->alert, 2, a->severity);
	tplc_store__bind_text(s->alert, 3, a->kind);
	if (a->device >= 0 && (size_t)a->device < s->r->device_count)
		sqlite3_bind_int64(s->alert, 4, s->r->devices[a->device].id);
	bind_host_id(s, s->alert, 5, a->host);
	bind_opt(s->alert, 6, a->rule);
	tplc_store__bind_text(s->alert, 7, a->message);
	bind_opt(s->alert, 8, a->evidence);
	tplc_store__bind_text(s->alert, 9, s->source);
	error = tplc_store__step_done(s->store, s->alert, err,
	                              "cannot record alert");
	sqlite3_clear_bindings(s->alert);
	return error;
}

static int audit_save(struct save *s, struct tplc_error *err)
{
	char hosts[24], assocs[24], hl7[24], alerts[24];
	const char *detail[] = { "hosts",  hosts,  "associations",
		                 assocs,   "hl7",  hl7,
		                 "alerts", alerts, NULL };

	snprintf(hosts, sizeof(hosts), "%zu", s->r->host_count);
	snprintf(assocs, sizeof(assocs), "%zu", s->r->assoc_count);
	snprintf(hl7, sizeof(hl7), "%zu", s->r->hl7_count);
	snprintf(alerts, sizeof(alerts), "%zu", s->r->alert_count);
	return tplc_store__audit(s->store, NULL, "import.wire", s->source,
	                         detail, err);
}

int tplc_store_wire_save(struct tplc_store *store,
                         struct tplc_monitor_results *r, const char *source,
                         bool final, struct tplc_error *err)
{
	struct save s = { store, r, source ? source : "wire" };
	size_t i;
	int error;

	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = tplc_store__prepare(store, &s.host_mac, host_mac_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &s.ip_find, host_ip_find_sql,
		                            err);
	if (error == 0)
		error = tplc_store__prepare(store, &s.ip_update,
		                            host_ip_update_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &s.assoc, assoc_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &s.hl7, hl7_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &s.alert, alert_sql, err);
	for (i = 0; error == 0 && i < r->host_count; i++)
		error = save_host(&s, &r->hosts[i], err);
	for (i = 0; error == 0 && i < r->assoc_count; i++)
		error = save_assoc(&s, &r->assocs[i], err);
	for (i = 0; error == 0 && i < r->hl7_count; i++)
		error = save_hl7(&s, &r->hl7[i], err);
	for (i = 0; error == 0 && i < r->alert_count; i++)
		error = save_alert(&s, &r->alerts[i], err);
	if (error == 0 &&
	    (final || r->assoc_count + r->hl7_count + r->alert_count > 0))
		error = audit_save(&s, err);
	sqlite3_finalize(s.host_mac);
	sqlite3_finalize(s.ip_find);
	sqlite3_finalize(s.ip_update);
	sqlite3_finalize(s.assoc);
	sqlite3_finalize(s.hl7);
	sqlite3_finalize(s.alert);
	return tplc_store__import_end(store, error);
}

static const char hosts_sql[] =
        "SELECT h.id, h.mac, h.ip, d.asset_tag, h.bound_by, h.hostname,"
        " h.vendor_class, h.client_id, h.dhcp_params, h.mud_url,"
        " h.lldp_name, h.lldp_description, h.ae_titles, h.first_seen,"
        " h.last_seen, h.packets, h.bytes"
        " FROM wire_hosts h LEFT JOIN devices d ON d.id = h.device_id"
        " WHERE (?1 = 0 OR h.device_id IS NULL)"
        " ORDER BY h.mac IS NULL, h.mac, h.ip";

int tplc_store_wire_hosts(struct tplc_store *store, bool discovered_only,
                          tplc_wire_host_cb cb, void *data,
                          struct tplc_error *err)
{
	struct tplc_wire_host_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc = SQLITE_DONE;

	error = tplc_store__prepare(store, &stmt, hosts_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int(stmt, 1, discovered_only);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.mac = tplc_store__column_text(stmt, 1);
		row.ip = tplc_store__column_text(stmt, 2);
		row.asset_tag = tplc_store__column_text(stmt, 3);
		row.bound_by = tplc_store__column_text(stmt, 4);
		row.hostname = tplc_store__column_text(stmt, 5);
		row.vendor_class = tplc_store__column_text(stmt, 6);
		row.client_id = tplc_store__column_text(stmt, 7);
		row.dhcp_params = tplc_store__column_text(stmt, 8);
		row.mud_url = tplc_store__column_text(stmt, 9);
		row.lldp_name = tplc_store__column_text(stmt, 10);
		row.lldp_description = tplc_store__column_text(stmt, 11);
		row.ae_titles = tplc_store__column_text(stmt, 12);
		row.first_seen = tplc_store__column_text(stmt, 13);
		row.last_seen = tplc_store__column_text(stmt, 14);
		row.packets = sqlite3_column_int64(stmt, 15);
		row.bytes = sqlite3_column_int64(stmt, 16);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list hosts");
	sqlite3_finalize(stmt);
	return error;
}
