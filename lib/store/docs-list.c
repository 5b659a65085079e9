/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Documentation bundles listed, and what never arrived (tplc/docs.h):
 * per product version that devices run, each expected kind no received
 * bundle carried (an SBOM or MDS2 imported directly counts), and each
 * bundle never acknowledged; the manufacturer's view: bundles issued
 * without a verified receipt.
 */
#include <stdio.h>
#include <string.h>

#include "docs-internal.h"

static const char list_sql[] =
        "SELECT b.id, b.direction, p.manufacturer, p.model, v.version,"
        " b.created, b.recorded_by, b.recorded_at, b.key_id,"
        " (SELECT count(*) FROM doc_files f WHERE f.bundle_id = b.id),"
        " (SELECT count(*) FROM doc_files f WHERE f.bundle_id = b.id"
        "   AND f.imported),"
        " (SELECT min(r.recorded_at) FROM doc_receipts r"
        "   WHERE r.bundle_id = b.id)"
        " FROM doc_bundles b JOIN product_versions v"
        " ON v.id = b.product_version_id JOIN products p"
        " ON p.id = v.product_id ORDER BY b.recorded_at, b.id";

int tplc_store_docs_list(struct tplc_store *store, tplc_docs_cb cb, void *data,
                         struct tplc_error *err)
{
	struct tplc_docs_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, list_sql, err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&row, 0, sizeof(row));
		row.id = tplc_store__column_text(stmt, 0);
		row.direction = tplc_store__column_text(stmt, 1);
		row.manufacturer = tplc_store__column_text(stmt, 2);
		row.model = tplc_store__column_text(stmt, 3);
		row.version = tplc_store__column_text(stmt, 4);
		row.created = tplc_store__column_text(stmt, 5);
		row.recorded_by = tplc_store__column_text(stmt, 6);
		row.recorded_at = tplc_store__column_text(stmt, 7);
		row.key_id = tplc_store__column_text(stmt, 8);
		row.files = sqlite3_column_int64(stmt, 9);
		row.imported = sqlite3_column_int64(stmt, 10);
		row.acknowledged = tplc_store__column_text(stmt, 11);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list bundles");
	sqlite3_finalize(stmt);
	return error;
}

/* The product versions devices run. */
static const char in_use_sql[] =
        "SELECT p.manufacturer, p.model, v.version, count(d.id), v.id"
        " FROM devices d JOIN product_versions v"
        " ON v.id = d.product_version_id JOIN products p"
        " ON p.id = v.product_id"
        " GROUP BY v.id ORDER BY p.manufacturer, p.model, v.version";

/* ?1: the product version, ?2: the kind.  Direct imports count for sbom
 * and mds2. */
static const char arrived_sql[] =
        "SELECT EXISTS (SELECT 1 FROM doc_files f JOIN doc_bundles b"
        "   ON b.id = f.bundle_id WHERE b.direction = 'received'"
        "   AND b.product_version_id = ?1 AND f.kind = ?2)"
        " OR (?2 = 'sbom' AND EXISTS (SELECT 1 FROM sboms s"
        "   WHERE s.product_version_id = ?1))"
        " OR (?2 = 'mds2' AND EXISTS (SELECT 1 FROM mds2_forms m"
        "   WHERE m.product_version_id = ?1))";

/* ?1: the direction; a received bundle needs a receipt this store
 * issued, an issued one a receipt it verified. */
static const char unacked_sql[] =
        "SELECT p.manufacturer, p.model, v.version, b.id,"
        " (SELECT count(*) FROM devices d"
        "   WHERE d.product_version_id = v.id)"
        " FROM doc_bundles b JOIN product_versions v"
        " ON v.id = b.product_version_id JOIN products p"
        " ON p.id = v.product_id"
        " WHERE b.direction = ?1 AND NOT EXISTS (SELECT 1"
        "   FROM doc_receipts r WHERE r.bundle_id = b.id)"
        " ORDER BY p.manufacturer, p.model, v.version, b.recorded_at, b.id";

static int gaps(struct tplc_store *store, const char *sql, const char *param,
                tplc_docs_gap_cb cb, void *data, struct tplc_error *err)
{
	struct tplc_docs_gap gap;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, param);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&gap, 0, sizeof(gap));
		gap.manufacturer = tplc_store__column_text(stmt, 0);
		gap.model = tplc_store__column_text(stmt, 1);
		gap.version = tplc_store__column_text(stmt, 2);
		gap.bundle = tplc_store__column_text(stmt, 3);
		gap.devices = sqlite3_column_int64(stmt, 4);
		error = cb(&gap, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read documents");
	sqlite3_finalize(stmt);
	return error;
}

/* The expected kinds version pv_id never received, as "a,b" into out. */
static int missing_kinds(struct tplc_store *store, sqlite3_stmt *arrived,
                         long long pv_id, unsigned expect, char *out,
                         size_t size, struct tplc_error *err)
{
	size_t len = 0;
	int kind;

	out[0] = '\0';
	for (kind = 0; kind < TPLC_DOCS_KINDS; kind++) {
		const char *name = tplc_docs_kind_name(kind);

		if (!(expect & (1u << kind)))
			continue;
		sqlite3_bind_int64(arrived, 1, pv_id);
		tplc_store__bind_text(arrived, 2, name);
		if (sqlite3_step(arrived) != SQLITE_ROW) {
			sqlite3_reset(arrived);
			return tplc_store__fail(store, err,
			                        "cannot read documents");
		}
		if (sqlite3_column_int(arrived, 0) == 0 && len + 1 < size)
			len += (size_t)snprintf(out + len, size - len, "%s%s",
			                        len > 0 ? "," : "", name);
		sqlite3_reset(arrived);
	}
	return 0;
}

static int kind_gaps(struct tplc_store *store, unsigned expect,
                     tplc_docs_gap_cb cb, void *data, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL, *arrived = NULL;
	struct tplc_docs_gap gap;
	char kinds[256];
	int error, rc = SQLITE_DONE;

	error = tplc_store__prepare(store, &stmt, in_use_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &arrived, arrived_sql, err);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		error = missing_kinds(store, arrived,
		                      sqlite3_column_int64(stmt, 4), expect,
		                      kinds, sizeof(kinds), err);
		if (error < 0 || kinds[0] == '\0')
			continue;
		memset(&gap, 0, sizeof(gap));
		gap.manufacturer = tplc_store__column_text(stmt, 0);
		gap.model = tplc_store__column_text(stmt, 1);
		gap.version = tplc_store__column_text(stmt, 2);
		gap.devices = sqlite3_column_int64(stmt, 3);
		gap.kinds = kinds;
		error = cb(&gap, data);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read documents");
	sqlite3_finalize(stmt);
	sqlite3_finalize(arrived);
	return error;
}

int tplc_store_docs_missing(struct tplc_store *store, unsigned expect,
                            bool issued, tplc_docs_gap_cb cb, void *data,
                            struct tplc_error *err)
{
	int error;

	if (issued)
		return gaps(store, unacked_sql, "issued", cb, data, err);
	error = kind_gaps(store, expect, cb, data, err);
	if (error == 0)
		error = gaps(store, unacked_sql, "received", cb, data, err);
	return error;
}
