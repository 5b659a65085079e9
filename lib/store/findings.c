/* SPDX-License-Identifier: Apache-2.0 */
/* Reading findings, and the fleet summary a hospital acts on. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* A finding no VEX statement calls not_affected or fixed. */
#define FINDING_OPEN \
	"COALESCE(f.vex_status, '') NOT IN ('not_affected', 'fixed')"

#define FINDING_FILTER                                               \
	" WHERE (?1 IS NULL OR instr(lower(p.manufacturer || ' ' ||" \
	"  p.model), lower(?1)) > 0)"                                \
	" AND (?2 IS NULL OR f.vuln_id = ?2) AND (?3 = 0 OR u.kev)"  \
	" AND (?6 OR " FINDING_OPEN ")"

/* Known exploited first, then the base score the advisory gives (or,
 * when it gives none, the one another source gave the vulnerability). */
#define FINDING_ORDER                                                \
	" ORDER BY u.kev DESC,"                                      \
	" COALESCE(f.cvss_score, u.cvss_score, -1) DESC, f.vuln_id," \
	" p.manufacturer, p.model, v.version"

/* The columns read_finding reads, up to the one that differs by listing. */
#define FINDING_COLUMNS                                             \
	"SELECT f.id, f.vuln_id, u.title, u.kev, u.kev_due_date,"   \
	" u.kev_ransomware, COALESCE(f.cvss_score, u.cvss_score),"  \
	" COALESCE(av.cvss_vector, u.cvss_vector), p.manufacturer," \
	" p.model, NULLIF(v.version, ''),"                          \
	" CASE WHEN c.id IS NULL THEN NULL"                         \
	"  ELSE c.name || COALESCE(' ' || c.version, '') END,"      \
	" c.purl, f.match, f.reason, a.source, a.ref, f.fixed_in,"  \
	" f.remediation,"

#define FINDING_JOINS                                                    \
	" JOIN vulnerabilities u ON u.id = f.vuln_id"                    \
	" JOIN advisories a ON a.id = f.advisory_id"                     \
	" LEFT JOIN advisory_vulns av ON av.advisory_id = f.advisory_id" \
	"  AND av.vuln_id = f.vuln_id"                                   \
	" JOIN product_versions v ON v.id = f.product_version_id"        \
	" JOIN products p ON p.id = v.product_id"                        \
	" LEFT JOIN components c ON c.id = f.component_id"               \
	" LEFT JOIN advisories x ON x.id = f.vex_advisory_id"

/* When the finding was last seen: by the last scan that covered it, the
 * last full scan or a later scan of its advisory alone (sync.c). */
#define FINDING_LAST_SEEN                                           \
	" MAX(COALESCE((SELECT MAX(at) FROM scans), f.first_seen)," \
	" COALESCE((SELECT at FROM advisory_scans s"                \
	"   WHERE s.advisory_id = f.advisory_id), ''), f.first_seen)"

/* What the newest VEX statement says, and whose it is. */
#define FINDING_VEX                                                   \
	" f.vex_status, f.vex_justification, f.vex_detail, x.source," \
	" x.ref"

/* One row per finding, with how many devices run its product version. */
static const char by_product_sql[] =
        "SELECT * FROM (" FINDING_COLUMNS " (SELECT COUNT(*) FROM devices dc"
        "   WHERE dc.product_version_id = f.product_version_id),"
        " NULL, f.first_seen," FINDING_LAST_SEEN "," FINDING_VEX
        " FROM findings f" FINDING_JOINS FINDING_FILTER
        " AND ?5 IS NULL" FINDING_ORDER ", f.id) LIMIT ?4";

/* One row per finding and device running its product version. */
static const char by_device_sql[] =
        "SELECT * FROM (" FINDING_COLUMNS
        " 1, d.asset_tag, f.first_seen," FINDING_LAST_SEEN "," FINDING_VEX
        " FROM findings f" FINDING_JOINS
        " JOIN devices d ON d.product_version_id = "
        "f.product_version_id" FINDING_FILTER
        " AND (?5 IS NULL OR d.asset_tag = ?5)" FINDING_ORDER
        ", d.asset_tag, f.id) LIMIT ?4";

static void read_finding(sqlite3_stmt *stmt, struct tplc_finding_row *row)
{
	row->id = sqlite3_column_int64(stmt, 0);
	row->vuln_id = tplc_store__column_text(stmt, 1);
	row->title = tplc_store__column_text(stmt, 2);
	row->kev = sqlite3_column_int(stmt, 3) != 0;
	row->kev_due_date = tplc_store__column_text(stmt, 4);
	row->kev_ransomware = tplc_store__column_text(stmt, 5);
	row->cvss_score = sqlite3_column_type(stmt, 6) == SQLITE_NULL
	                          ? -1.0
	                          : sqlite3_column_double(stmt, 6);
	row->cvss_vector = tplc_store__column_text(stmt, 7);
	row->manufacturer = tplc_store__column_text(stmt, 8);
	row->model = tplc_store__column_text(stmt, 9);
	row->version = tplc_store__column_text(stmt, 10);
	row->component = tplc_store__column_text(stmt, 11);
	row->component_purl = tplc_store__column_text(stmt, 12);
	row->match = tplc_store__column_text(stmt, 13);
	row->reason = tplc_store__column_text(stmt, 14);
	row->advisory_source = tplc_store__column_text(stmt, 15);
	row->advisory_id = tplc_store__column_text(stmt, 16);
	row->fixed_in = tplc_store__column_text(stmt, 17);
	row->remediation = tplc_store__column_text(stmt, 18);
	row->devices = sqlite3_column_int64(stmt, 19);
	row->asset_tag = tplc_store__column_text(stmt, 20);
	row->first_seen = tplc_store__column_text(stmt, 21);
	row->last_seen = tplc_store__column_text(stmt, 22);
	row->vex_status = tplc_store__column_text(stmt, 23);
	row->vex_justification = tplc_store__column_text(stmt, 24);
	row->vex_detail = tplc_store__column_text(stmt, 25);
	row->vex_source = tplc_store__column_text(stmt, 26);
	row->vex_advisory = tplc_store__column_text(stmt, 27);
}

int tplc_store_findings(struct tplc_store *store,
                        const struct tplc_finding_filter *filter,
                        tplc_finding_cb cb, void *data, struct tplc_error *err)
{
	struct tplc_finding_row row;
	sqlite3_stmt *stmt = NULL;
	int by_device = filter->by_device || filter->asset_tag != NULL;
	int error, rc;

	error = tplc_store__prepare(
	        store, &stmt, by_device ? by_device_sql : by_product_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, filter->product);
	tplc_store__bind_text(stmt, 2, filter->vuln_id);
	sqlite3_bind_int(stmt, 3, filter->kev_only);
	sqlite3_bind_int64(stmt, 4,
	                   filter->limit ? (sqlite3_int64)filter->limit : -1);
	tplc_store__bind_text(stmt, 5, filter->asset_tag);
	sqlite3_bind_int(stmt, 6, filter->all);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_finding(stmt, &row);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list findings");
	sqlite3_finalize(stmt);
	return error;
}

static const char summary_sql[] =
        "SELECT"
        " (SELECT COUNT(*) FROM sites),"
        " (SELECT COUNT(*) FROM devices),"
        " (SELECT COUNT(*) FROM products),"
        " (SELECT COUNT(*) FROM product_versions),"
        " (SELECT COUNT(*) FROM sboms),"
        " (SELECT COUNT(*) FROM components),"
        " (SELECT COUNT(*) FROM advisories),"
        " (SELECT COUNT(*) FROM vulnerabilities),"
        " (SELECT COUNT(*) FROM vulnerabilities WHERE kev),"
        " (SELECT COUNT(*) FROM (SELECT DISTINCT product_version_id, vuln_id"
        "   FROM findings f WHERE " FINDING_OPEN ")),"
        " (SELECT COUNT(*) FROM (SELECT DISTINCT f.product_version_id,"
        "   f.vuln_id FROM findings f JOIN vulnerabilities u"
        "   ON u.id = f.vuln_id WHERE u.kev AND " FINDING_OPEN ")),"
        " (SELECT COUNT(*) FROM devices d WHERE EXISTS (SELECT 1"
        "   FROM findings f WHERE f.product_version_id ="
        "   d.product_version_id AND " FINDING_OPEN ")),"
        " (SELECT COUNT(*) FROM devices d WHERE EXISTS (SELECT 1"
        "   FROM findings f JOIN vulnerabilities u ON u.id = f.vuln_id"
        "   WHERE f.product_version_id = d.product_version_id AND u.kev"
        "   AND " FINDING_OPEN ")),"
        " (SELECT MAX(at) FROM scans)";

int tplc_store_summary(struct tplc_store *store, struct tplc_fleet_summary *out,
                       struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;
	const char *scan;

	memset(out, 0, sizeof(*out));
	error = tplc_store__prepare(store, &stmt, summary_sql, err);
	if (error < 0)
		return error;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		error = tplc_store__fail(store, err, "cannot summarise");
		goto out;
	}
	out->sites = sqlite3_column_int64(stmt, 0);
	out->devices = sqlite3_column_int64(stmt, 1);
	out->products = sqlite3_column_int64(stmt, 2);
	out->product_versions = sqlite3_column_int64(stmt, 3);
	out->sboms = sqlite3_column_int64(stmt, 4);
	out->components = sqlite3_column_int64(stmt, 5);
	out->advisories = sqlite3_column_int64(stmt, 6);
	out->vulnerabilities = sqlite3_column_int64(stmt, 7);
	out->kev_vulnerabilities = sqlite3_column_int64(stmt, 8);
	out->findings = sqlite3_column_int64(stmt, 9);
	out->kev_findings = sqlite3_column_int64(stmt, 10);
	out->exposed_devices = sqlite3_column_int64(stmt, 11);
	out->kev_exposed_devices = sqlite3_column_int64(stmt, 12);
	scan = tplc_store__column_text(stmt, 13);
	if (scan != NULL)
		snprintf(out->last_scan, sizeof(out->last_scan), "%s", scan);
out:
	sqlite3_finalize(stmt);
	return error;
}
