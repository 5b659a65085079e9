/* SPDX-License-Identifier: Apache-2.0 */
/* Per-URL state of feed sync: validators for conditional requests and
 * when each feed was last fetched and checked (table feed_state). */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static void copy_column(char *dst, size_t size, sqlite3_stmt *stmt, int index)
{
	const char *s = tplc_store__column_text(stmt, index);

	/* a value that does not fit is dropped, not cut: a cut validator
	 * would never match and a cut time would mislead */
	if (s == NULL || strlen(s) >= size)
		s = "";
	snprintf(dst, size, "%s", s);
}

int tplc_store_feed_state(struct tplc_store *store, const char *url,
                          struct tplc_feed_state *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	memset(out, 0, sizeof(*out));
	out->bytes = -1;
	error = tplc_store__prepare(store, &stmt,
	                            "SELECT kind, etag, last_modified, bytes,"
	                            " fetched_at, checked_at FROM feed_state"
	                            " WHERE url = ?1",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, url);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		copy_column(out->kind, sizeof(out->kind), stmt, 0);
		copy_column(out->etag, sizeof(out->etag), stmt, 1);
		copy_column(out->last_modified, sizeof(out->last_modified),
		            stmt, 2);
		if (sqlite3_column_type(stmt, 3) != SQLITE_NULL)
			out->bytes = sqlite3_column_int64(stmt, 3);
		copy_column(out->fetched_at, sizeof(out->fetched_at), stmt, 4);
		copy_column(out->checked_at, sizeof(out->checked_at), stmt, 5);
	} else if (rc == SQLITE_DONE) {
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "feed never synced");
	} else {
		error = tplc_store__fail(store, err, "cannot read feed state");
	}
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_feed_fetched(struct tplc_store *store, const char *url,
                            const char *kind, const char *etag,
                            const char *last_modified, long long bytes,
                            struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO feed_state(url, kind, etag, last_modified, bytes,"
	        " fetched_at, checked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
	        " ON CONFLICT(url) DO UPDATE SET kind = excluded.kind,"
	        " etag = excluded.etag, last_modified = excluded.last_modified,"
	        " bytes = excluded.bytes, fetched_at = excluded.fetched_at,"
	        " checked_at = excluded.checked_at",
	        err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, url);
	tplc_store__bind_text(stmt, 2, kind);
	tplc_store__bind_text(stmt, 3, etag != NULL && etag[0] ? etag : NULL);
	tplc_store__bind_text(stmt, 4,
	                      last_modified != NULL && last_modified[0]
	                              ? last_modified
	                              : NULL);
	if (bytes >= 0)
		sqlite3_bind_int64(stmt, 5, bytes);
	tplc_store__bind_text(stmt, 6, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record feed state");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_feed_checked(struct tplc_store *store, const char *url,
                            const char *kind, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO feed_state(url, kind, checked_at)"
	        " VALUES (?1, ?2, ?3)"
	        " ON CONFLICT(url) DO UPDATE SET checked_at = "
	        "excluded.checked_at",
	        err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, url);
	tplc_store__bind_text(stmt, 2, kind);
	tplc_store__bind_text(stmt, 3, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record feed state");
	sqlite3_finalize(stmt);
	return error;
}
