/* SPDX-License-Identifier: Apache-2.0 */
/* A finding's triage key (triage.h), a product version's name. */
#include <stdio.h>
#include <string.h>

#include "triage.h"

void tplc_store__version_name(struct tplc_store *store, long long pv_id,
                              char *out, size_t size)
{
	sqlite3_stmt *stmt;

	snprintf(out, size, "product version %lld", pv_id);
	if (sqlite3_prepare_v2(store->db,
	                       "SELECT p.manufacturer || ' ' || p.model ||"
	                       " CASE WHEN v.version = '' THEN ''"
	                       "  ELSE ' ' || v.version END"
	                       " FROM product_versions v"
	                       " JOIN products p ON p.id = v.product_id"
	                       " WHERE v.id = ?1",
	                       -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(stmt, 1, pv_id);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_text(stmt, 0) != NULL)
		snprintf(out, size, "%s", sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
}

int tplc_store__finding_key(struct tplc_store *store, long long finding_id,
                            struct triage_key *out, struct tplc_error *err)
{
	static const char sql[] =
	        "SELECT f.product_version_id, " TRIAGE_COMPONENT_KEY ","
	        " f.vuln_id, COALESCE(c.version, ''), u.kev"
	        " FROM findings f"
	        " LEFT JOIN components c ON c.id = f.component_id"
	        " JOIN vulnerabilities u ON u.id = f.vuln_id"
	        " WHERE f.id = ?1";
	sqlite3_stmt *stmt;
	int error, rc;

	memset(out, 0, sizeof(*out));
	error = tplc_store__prepare(store, &stmt, sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, finding_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *component = tplc_store__column_text(stmt, 1);
		const char *vuln = tplc_store__column_text(stmt, 2);
		const char *version = tplc_store__column_text(stmt, 3);

		out->product_version_id = sqlite3_column_int64(stmt, 0);
		snprintf(out->component, sizeof(out->component), "%s",
		         component ? component : "");
		snprintf(out->vuln_id, sizeof(out->vuln_id), "%s",
		         vuln ? vuln : "");
		snprintf(out->version, sizeof(out->version), "%s",
		         version ? version : "");
		out->kev = sqlite3_column_int(stmt, 4) != 0;
	} else if (rc == SQLITE_DONE) {
		error = tplc_error_set(err, TPLC_ENOTFOUND, "no finding %lld",
		                       finding_id);
	} else {
		error = tplc_store__fail(store, err, "cannot read a finding");
	}
	sqlite3_finalize(stmt);
	return error;
}
