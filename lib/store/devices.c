/* SPDX-License-Identifier: Apache-2.0 */
/* The hospital's devices: inventory import and device queries. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define DEFAULT_SITE "default"

static int site_id(struct tplc_store *store, const char *name, long long *out,
                   struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(store, &stmt,
	                            "INSERT INTO sites(name) VALUES (?1) "
	                            "ON CONFLICT(name) DO UPDATE SET "
	                            "name = name RETURNING id",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, name ? name : DEFAULT_SITE);
	return tplc_store__step_id(store, stmt, out, err, "cannot record site");
}

static const char upsert_sql[] =
        "INSERT INTO devices(site_id, asset_tag, product_version_id, serial,"
        " mac, ip, hostname, location, department, clinical_function,"
        " install_date, eol_date, eos_date, source, imported_at,"
        " exposure, segment, controls, cr, ir, ar, deployment, ae_title)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)"
        /* a CMMS export rarely carries the environment: keep what
         * tplc device set recorded when a column is empty */
        " ON CONFLICT(site_id, asset_tag) DO UPDATE SET"
        " product_version_id = excluded.product_version_id,"
        " serial = excluded.serial, mac = excluded.mac, ip = excluded.ip,"
        " hostname = excluded.hostname, location = excluded.location,"
        " department = excluded.department,"
        " clinical_function = excluded.clinical_function,"
        " install_date = excluded.install_date,"
        " eol_date = excluded.eol_date, eos_date = excluded.eos_date,"
        " source = excluded.source, imported_at = excluded.imported_at,"
        " exposure = COALESCE(excluded.exposure, exposure),"
        " segment = COALESCE(excluded.segment, segment),"
        " controls = COALESCE(excluded.controls, controls),"
        " cr = COALESCE(excluded.cr, cr), ir = COALESCE(excluded.ir, ir),"
        " ar = COALESCE(excluded.ar, ar),"
        " deployment = COALESCE(excluded.deployment, deployment),"
        " ae_title = COALESCE(excluded.ae_title, ae_title)";

static const char exists_sql[] =
        "SELECT 1 FROM devices WHERE site_id = ?1 AND asset_tag = ?2";

struct inventory_import {
	struct tplc_store *store;
	sqlite3_stmt *upsert, *exists;
	const char *source;
	struct tplc_import_stats *stats;
};

static int import_device(struct inventory_import *im,
                         const struct tplc_device *d, struct tplc_error *err)
{
	struct tplc_store *store = im->store;
	long long site, product_version;
	int error, existed;

	error = site_id(store, d->site, &site, err);
	if (error == 0)
		error = tplc_store__product_version(store, d->manufacturer,
		                                    d->model, d->version,
		                                    &product_version, err);
	if (error < 0)
		return error;

	sqlite3_bind_int64(im->exists, 1, site);
	tplc_store__bind_text(im->exists, 2, d->asset_tag);
	existed = sqlite3_step(im->exists) == SQLITE_ROW;
	sqlite3_reset(im->exists);

	sqlite3_bind_int64(im->upsert, 1, site);
	tplc_store__bind_text(im->upsert, 2, d->asset_tag);
	sqlite3_bind_int64(im->upsert, 3, product_version);
	tplc_store__bind_text(im->upsert, 4, d->serial);
	tplc_store__bind_text(im->upsert, 5, d->mac);
	tplc_store__bind_text(im->upsert, 6, d->ip);
	tplc_store__bind_text(im->upsert, 7, d->hostname);
	tplc_store__bind_text(im->upsert, 8, d->location);
	tplc_store__bind_text(im->upsert, 9, d->department);
	tplc_store__bind_text(im->upsert, 10, d->clinical_function);
	tplc_store__bind_text(im->upsert, 11, d->install_date);
	tplc_store__bind_text(im->upsert, 12, d->eol_date);
	tplc_store__bind_text(im->upsert, 13, d->eos_date);
	tplc_store__bind_text(im->upsert, 14, im->source);
	tplc_store__bind_text(im->upsert, 15, tplc_ctx_now(store->ctx));
	tplc_store__bind_text(im->upsert, 16, d->exposure);
	tplc_store__bind_text(im->upsert, 17, d->segment);
	tplc_store__bind_text(im->upsert, 18, d->controls);
	tplc_store__bind_text(im->upsert, 19, d->cr);
	tplc_store__bind_text(im->upsert, 20, d->ir);
	tplc_store__bind_text(im->upsert, 21, d->ar);
	tplc_store__bind_text(im->upsert, 22, d->deployment);
	tplc_store__bind_text(im->upsert, 23, d->ae_title);
	if (sqlite3_step(im->upsert) != SQLITE_DONE)
		error = tplc_error_set_at(
		        err, TPLC_ESTORE, im->source, d->source_line, 0, NULL,
		        "cannot record device %s: %s", d->asset_tag,
		        sqlite3_errmsg(store->db));
	sqlite3_reset(im->upsert);
	sqlite3_clear_bindings(im->upsert);
	if (error == 0) {
		if (existed)
			im->stats->updated++;
		else
			im->stats->added++;
	}
	return error;
}

static int audit_import(struct tplc_store *store, const char *source,
                        const struct tplc_import_stats *stats,
                        struct tplc_error *err)
{
	char added[24], updated[24];
	const char *detail[] = { "added", added, "updated", updated, NULL };

	snprintf(added, sizeof(added), "%zu", stats->added);
	snprintf(updated, sizeof(updated), "%zu", stats->updated);
	return tplc_store__audit(store, NULL, "import.inventory",
	                         source != NULL ? source : "inventory", detail,
	                         err);
}

int tplc_store_import_inventory(struct tplc_store *store,
                                const struct tplc_inventory *inventory,
                                const char *source,
                                struct tplc_import_stats *stats,
                                struct tplc_error *err)
{
	struct inventory_import im = { store, NULL, NULL, source, stats };
	size_t i;
	int error;

	memset(stats, 0, sizeof(*stats));
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = tplc_store__prepare(store, &im.upsert, upsert_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &im.exists, exists_sql, err);
	for (i = 0; error == 0 && i < inventory->device_count; i++)
		error = import_device(&im, &inventory->devices[i], err);
	sqlite3_finalize(im.upsert);
	sqlite3_finalize(im.exists);
	if (error == 0)
		error = audit_import(store, source, stats, err);
	return tplc_store__import_end(store, error);
}

/* A finding no VEX statement calls not_affected or fixed. */
#define DEVICE_OPEN \
	" AND COALESCE(f.vex_status, '') NOT IN ('not_affected', 'fixed')"

/* Open findings per device: distinct vulnerabilities on its product
 * version, how many are known exploited, and the worst base score. */
#define DEVICE_SELECT                                                        \
	"SELECT d.id, s.name, d.asset_tag, d.serial, p.manufacturer,"        \
	" p.model, v.version, d.mac, d.ip, d.hostname, d.location,"          \
	" d.department, d.clinical_function, d.install_date, d.eol_date,"    \
	" d.eos_date, d.exposure, d.segment, d.controls, d.cr, d.ir, d.ar,"  \
	" (SELECT COUNT(DISTINCT f.vuln_id) FROM findings f"                 \
	"   WHERE f.product_version_id = d.product_version_id" DEVICE_OPEN   \
	"  ) AS n,"                                                          \
	" (SELECT COUNT(DISTINCT f.vuln_id) FROM findings f"                 \
	"   JOIN vulnerabilities u ON u.id = f.vuln_id"                      \
	"   WHERE f.product_version_id = d.product_version_id"               \
	"   AND u.kev" DEVICE_OPEN ") AS k,"                                 \
	" (SELECT MAX(f.cvss_score) FROM findings f"                         \
	"   WHERE f.product_version_id = d.product_version_id" DEVICE_OPEN   \
	"  ) AS c"                                                           \
	" FROM devices d JOIN sites s ON s.id = d.site_id"                   \
	" JOIN product_versions v ON v.id = d.product_version_id"            \
	" JOIN products p ON p.id = v.product_id"                            \
	" WHERE (?1 IS NULL OR s.name = ?1)"                                 \
	" AND (?2 IS NULL OR instr(lower(p.manufacturer || ' ' || p.model)," \
	"   lower(?2)) > 0)"                                                 \
	" AND (?3 IS NULL OR d.asset_tag = ?3)"

static const char devices_by_tag[] =
        "SELECT * FROM (" DEVICE_SELECT ") WHERE (?4 = 0 OR n > 0)"
        " ORDER BY 2, 3 LIMIT ?5";
static const char devices_by_exposure[] =
        "SELECT * FROM (" DEVICE_SELECT ") WHERE (?4 = 0 OR n > 0)"
        " ORDER BY k DESC, n DESC, c DESC, 2, 3 LIMIT ?5";

int tplc_store_devices(struct tplc_store *store,
                       const struct tplc_device_filter *filter,
                       tplc_device_cb cb, void *data, struct tplc_error *err)
{
	struct tplc_device_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            filter->order_by_exposure
	                                    ? devices_by_exposure
	                                    : devices_by_tag,
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, filter->site);
	tplc_store__bind_text(stmt, 2, filter->product);
	tplc_store__bind_text(stmt, 3, filter->asset_tag);
	sqlite3_bind_int(stmt, 4, filter->exposed_only);
	sqlite3_bind_int64(stmt, 5,
	                   filter->limit ? (sqlite3_int64)filter->limit : -1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.site = tplc_store__column_text(stmt, 1);
		row.asset_tag = tplc_store__column_text(stmt, 2);
		row.serial = tplc_store__column_text(stmt, 3);
		row.manufacturer = tplc_store__column_text(stmt, 4);
		row.model = tplc_store__column_text(stmt, 5);
		row.version = tplc_store__column_text(stmt, 6);
		row.mac = tplc_store__column_text(stmt, 7);
		row.ip = tplc_store__column_text(stmt, 8);
		row.hostname = tplc_store__column_text(stmt, 9);
		row.location = tplc_store__column_text(stmt, 10);
		row.department = tplc_store__column_text(stmt, 11);
		row.clinical_function = tplc_store__column_text(stmt, 12);
		row.install_date = tplc_store__column_text(stmt, 13);
		row.eol_date = tplc_store__column_text(stmt, 14);
		row.eos_date = tplc_store__column_text(stmt, 15);
		row.exposure = tplc_store__column_text(stmt, 16);
		row.segment = tplc_store__column_text(stmt, 17);
		row.controls = tplc_store__column_text(stmt, 18);
		row.cr = tplc_store__column_text(stmt, 19);
		row.ir = tplc_store__column_text(stmt, 20);
		row.ar = tplc_store__column_text(stmt, 21);
		row.findings = sqlite3_column_int64(stmt, 22);
		row.kev_findings = sqlite3_column_int64(stmt, 23);
		row.max_cvss = tplc_store__column_score(stmt, 24);
		if (row.version != NULL && row.version[0] == '\0')
			row.version = NULL;
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list devices");
	sqlite3_finalize(stmt);
	return error;
}

/* "" clears a field, NULL leaves it. */
static const char device_set_sql[] =
        "UPDATE devices SET"
        " exposure = CASE WHEN ?3 IS NULL THEN exposure ELSE NULLIF(?3, '')"
        "  END,"
        " segment = CASE WHEN ?4 IS NULL THEN segment ELSE NULLIF(?4, '')"
        "  END,"
        " controls = CASE WHEN ?5 IS NULL THEN controls"
        "  ELSE NULLIF(?5, '') END,"
        " cr = CASE WHEN ?6 IS NULL THEN cr ELSE NULLIF(?6, '') END,"
        " ir = CASE WHEN ?7 IS NULL THEN ir ELSE NULLIF(?7, '') END,"
        " ar = CASE WHEN ?8 IS NULL THEN ar ELSE NULLIF(?8, '') END,"
        " clinical_function = CASE WHEN ?9 IS NULL THEN clinical_function"
        "  ELSE NULLIF(?9, '') END,"
        " deployment = CASE WHEN ?10 IS NULL THEN deployment"
        "  ELSE NULLIF(?10, '') END"
        " WHERE asset_tag = ?2"
        " AND (?1 IS NULL OR site_id = (SELECT id FROM sites WHERE name = ?1))";

static const char device_count_sql[] =
        "SELECT COUNT(*) FROM devices WHERE asset_tag = ?2"
        " AND (?1 IS NULL OR site_id = (SELECT id FROM sites WHERE name = ?1))";

int tplc_store_device_set(struct tplc_store *store, const char *site,
                          const char *asset_tag, const struct tplc_device *set,
                          struct tplc_error *err)
{
	sqlite3_stmt *count = NULL, *update = NULL;
	long long n = 0;
	int error;

	error = tplc_store__prepare(store, &count, device_count_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(count, 1, site);
	tplc_store__bind_text(count, 2, asset_tag);
	if (sqlite3_step(count) == SQLITE_ROW)
		n = sqlite3_column_int64(count, 0);
	sqlite3_finalize(count);
	if (n == 0)
		return tplc_error_set(err, TPLC_ENOTFOUND,
		                      "no device with asset tag '%s'%s%s",
		                      asset_tag, site ? " at " : "",
		                      site ? site : "");
	if (n > 1)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%lld devices have asset tag '%s': "
		                      "name the site (--site)",
		                      n, asset_tag);
	error = tplc_store__prepare(store, &update, device_set_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(update, 1, site);
	tplc_store__bind_text(update, 2, asset_tag);
	tplc_store__bind_text(update, 3, set->exposure);
	tplc_store__bind_text(update, 4, set->segment);
	tplc_store__bind_text(update, 5, set->controls);
	tplc_store__bind_text(update, 6, set->cr);
	tplc_store__bind_text(update, 7, set->ir);
	tplc_store__bind_text(update, 8, set->ar);
	tplc_store__bind_text(update, 9, set->clinical_function);
	tplc_store__bind_text(update, 10, set->deployment);
	error = tplc_store__import_begin(store, err);
	if (error == 0 && sqlite3_step(update) != SQLITE_DONE)
		error = tplc_error_set(err, TPLC_ESTORE,
		                       "cannot update device %s: %s", asset_tag,
		                       sqlite3_errmsg(store->db));
	if (error == 0) {
		const char *detail[] = {
			"site",
			site,
			"exposure",
			set->exposure,
			"segment",
			set->segment,
			"controls",
			set->controls,
			"cr",
			set->cr,
			"ir",
			set->ir,
			"ar",
			set->ar,
			"clinical_function",
			set->clinical_function,
			"deployment",
			set->deployment,
			NULL,
		};

		error = tplc_store__audit(store, NULL, "device.set", asset_tag,
		                          detail, err);
	}
	error = tplc_store__import_end(store, error);
	sqlite3_finalize(update);
	return error;
}
