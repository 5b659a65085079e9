/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The alerts table (schema v6): one alert added by hand or by a test
 * (the monitor writes its own in batches, lib/store/wire.c), and the
 * list `tplc alerts list` prints, with the device's asset tag and the
 * host's addresses joined in.
 */
#include <stdio.h>
#include <string.h>

#include "siem/internal.h"
#include "store/internal.h"
#include "tplc/ctx.h"
#include "util/json.h"

static const char device_sql[] = "SELECT id FROM devices WHERE asset_tag = ?1";
static const char host_sql[] =
        "SELECT id FROM wire_hosts WHERE (?1 IS NOT NULL AND mac = ?1)"
        " OR (?1 IS NULL AND ?2 IS NOT NULL AND ip = ?2)"
        " ORDER BY id LIMIT 1";
static const char insert_sql[] =
        "INSERT INTO alerts(at, severity, kind, device_id, host_id, rule,"
        " message, evidence, source)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id";
static const char list_sql[] =
        "SELECT a.id, a.at, a.severity, a.kind, d.asset_tag, h.ip, h.mac,"
        " a.rule, a.message, a.evidence, a.source"
        " FROM alerts a LEFT JOIN devices d ON d.id = a.device_id"
        " LEFT JOIN wire_hosts h ON h.id = a.host_id"
        " WHERE (?1 IS NULL OR a.at >= ?1)"
        " AND (?2 IS NULL OR d.asset_tag = ?2)"
        " AND (?3 IS NULL OR a.kind = ?3)"
        " ORDER BY a.at, a.id";

/* The device with this asset tag; an error when there is none, or when
 * two sites use the tag (the alert would name the wrong one). */
static int find_device(struct tplc_store *store, const char *tag,
                       long long *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error, rc, rows = 0;

	*out = 0;
	error = tplc_store__prepare(store, &stmt, device_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, tag);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = sqlite3_column_int64(stmt, 0);
		rows++;
	}
	if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot find the device");
	else if (rows == 0)
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "no device with asset tag '%s'", tag);
	else if (rows > 1)
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "asset tag '%s' names %d devices", tag,
		                       rows);
	sqlite3_finalize(stmt);
	return error;
}

/* The host by MAC, else by IP; 0 when the monitor never saw it. */
static int find_host(struct tplc_store *store, const char *mac, const char *ip,
                     long long *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error, rc;

	*out = 0;
	if (mac == NULL && ip == NULL)
		return 0;
	error = tplc_store__prepare(store, &stmt, host_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, mac);
	tplc_store__bind_text(stmt, 2, ip);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot find the host");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_alert_add(struct tplc_store *store,
                         const struct tplc_alert *alert, const char *source,
                         long long *id, struct tplc_error *err)
{
	struct tplx_json_doc *doc = NULL;
	long long device_id = 0, host_id = 0, row = 0;
	sqlite3_stmt *stmt = NULL;
	char at[40];
	int error;

	error = tplc_siem__check(alert, at, sizeof(at), err);
	if (error < 0)
		return error;
	if (alert->at == NULL) /* the store's clock, which tests can set */
		snprintf(at, sizeof(at), "%s", tplc_ctx_now(store->ctx));
	/* only a JSON object is stored as evidence */
	error = tplc_siem__evidence(alert, &doc, err);
	tplx_json_doc_free(doc);
	if (error < 0)
		return error;
	if (alert->device != NULL)
		error = find_device(store, alert->device, &device_id, err);
	if (error == 0)
		error = find_host(store, alert->host_mac, alert->host_ip,
		                  &host_id, err);
	if (error == 0)
		error = tplc_store__prepare(store, &stmt, insert_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, at);
	tplc_store__bind_text(stmt, 2,
	                      tplc_alert_severity_name(alert->severity));
	tplc_store__bind_text(stmt, 3, alert->kind);
	if (device_id > 0)
		sqlite3_bind_int64(stmt, 4, device_id);
	if (host_id > 0)
		sqlite3_bind_int64(stmt, 5, host_id);
	tplc_store__bind_text(stmt, 6, alert->rule);
	tplc_store__bind_text(stmt, 7, alert->message);
	tplc_store__bind_text(stmt, 8, alert->evidence);
	tplc_store__bind_text(stmt, 9, source != NULL ? source : "cli");
	error = tplc_store__step_id(store, stmt, &row, err,
	                            "cannot record the alert");
	if (error == 0 && id != NULL)
		*id = row;
	return error;
}

int tplc_store_alerts(struct tplc_store *store,
                      const struct tplc_alert_filter *filter, tplc_alert_cb cb,
                      void *data, struct tplc_error *err)
{
	static const struct tplc_alert_filter none = { 0 };
	struct tplc_alert_row row;
	sqlite3_stmt *stmt;
	int error, rc, severity;

	if (filter == NULL)
		filter = &none;
	error = tplc_store__prepare(store, &stmt, list_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, filter->since);
	tplc_store__bind_text(stmt, 2, filter->device);
	tplc_store__bind_text(stmt, 3, filter->kind);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&row, 0, sizeof(row));
		row.id = sqlite3_column_int64(stmt, 0);
		row.alert.at = tplc_store__column_text(stmt, 1);
		severity = tplc_alert_severity_parse(
		        tplc_store__column_text(stmt, 2));
		row.alert.severity =
		        severity < 0 ? TPLC_ALERT_INFO
		                     : (enum tplc_alert_severity)severity;
		row.alert.kind = tplc_store__column_text(stmt, 3);
		row.alert.device = tplc_store__column_text(stmt, 4);
		row.alert.host_ip = tplc_store__column_text(stmt, 5);
		row.alert.host_mac = tplc_store__column_text(stmt, 6);
		row.alert.rule = tplc_store__column_text(stmt, 7);
		row.alert.message = tplc_store__column_text(stmt, 8);
		row.alert.evidence = tplc_store__column_text(stmt, 9);
		row.source = tplc_store__column_text(stmt, 10);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read the alerts");
	sqlite3_finalize(stmt);
	return error;
}
