/* SPDX-License-Identifier: Apache-2.0 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "util/alloc.h"

/* Wait this long for another tplc process holding the write lock. */
#define STORE_BUSY_TIMEOUT_MS 10000

int tplc_store__fail(struct tplc_store *store, struct tplc_error *err,
                     const char *what)
{
	return tplc_error_set(err, TPLC_ESTORE, "%s: %s: %s", store->path, what,
	                      sqlite3_errmsg(store->db));
}

int tplc_store__exec(struct tplc_store *store, const char *sql,
                     struct tplc_error *err)
{
	if (sqlite3_exec(store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return tplc_store__fail(store, err, "statement failed");
	return 0;
}

int tplc_store__prepare(struct tplc_store *store, sqlite3_stmt **out,
                        const char *sql, struct tplc_error *err)
{
	if (sqlite3_prepare_v2(store->db, sql, -1, out, NULL) != SQLITE_OK) {
		*out = NULL;
		return tplc_store__fail(store, err, "cannot prepare query");
	}
	return 0;
}

int tplc_store__bind_text(sqlite3_stmt *stmt, int index, const char *value)
{
	if (value == NULL)
		return sqlite3_bind_null(stmt, index);
	return sqlite3_bind_text(stmt, index, value, -1, SQLITE_TRANSIENT);
}

int tplc_store__bind_double(sqlite3_stmt *stmt, int index, double value,
                            int present)
{
	if (!present)
		return sqlite3_bind_null(stmt, index);
	return sqlite3_bind_double(stmt, index, value);
}

const char *tplc_store__column_text(sqlite3_stmt *stmt, int index)
{
	return (const char *)sqlite3_column_text(stmt, index);
}

double tplc_store__column_score(sqlite3_stmt *stmt, int index)
{
	if (sqlite3_column_type(stmt, index) == SQLITE_NULL)
		return -1.0;
	return sqlite3_column_double(stmt, index);
}

int tplc_store__step_done(struct tplc_store *store, sqlite3_stmt *stmt,
                          struct tplc_error *err, const char *what)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return tplc_store__fail(store, err, what);
	return 0;
}

/*
 * The store holds a hospital's network map and its weaknesses: a new one
 * is readable by its owner only.  SQLite gives the -wal and -shm files
 * the same mode.  An existing file keeps the mode its owner chose.
 */
static int create_private(const char *path, struct tplc_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd >= 0) {
		close(fd);
		return 0;
	}
	if (errno == EEXIST)
		return 0;
	return tplc_error_set(err, TPLC_ESTORE, "%s: cannot create: %s", path,
	                      strerror(errno));
}

int tplc_store_open(struct tplc_store **out, struct tplc_ctx *ctx,
                    const char *path, struct tplc_error *err)
{
	struct tplc_store *store;
	int error;

	*out = NULL;
	store = tplx_calloc(1, sizeof(*store));
	if (store == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	store->ctx = ctx;
	store->path = tplx_strdup(path);
	if (store->path == NULL) {
		tplx_free(store);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	error = create_private(path, err);
	if (error < 0)
		goto fail;
	if (sqlite3_open_v2(path, &store->db,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                            SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		error = tplc_error_set(err, TPLC_ESTORE, "%s: cannot open: %s",
		                       path,
		                       store->db ? sqlite3_errmsg(store->db)
		                                 : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(store->db, STORE_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(store->db, 1);
	error = tplc_store__exec(store,
	                         "PRAGMA journal_mode=WAL;"
	                         "PRAGMA foreign_keys=ON;"
	                         "PRAGMA synchronous=NORMAL;",
	                         err);
	if (error < 0)
		goto fail;
	error = tplc_store__migrate(store, err);
	if (error < 0)
		goto fail;
	*out = store;
	return 0;
fail:
	tplc_store_close(store);
	return error;
}

void tplc_store_close(struct tplc_store *store)
{
	if (store == NULL)
		return;
	sqlite3_close(store->db);
	tplx_free(store->path);
	tplx_free(store);
}

int tplc_store_begin(struct tplc_store *store, struct tplc_error *err)
{
	return tplc_store__exec(store, "BEGIN IMMEDIATE", err);
}

int tplc_store_commit(struct tplc_store *store, struct tplc_error *err)
{
	return tplc_store__exec(store, "COMMIT", err);
}

void tplc_store_rollback(struct tplc_store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

int tplc_store__import_begin(struct tplc_store *store, struct tplc_error *err)
{
	int error = tplc_store__exec(store, "SAVEPOINT tplc_import", err);

	if (error == 0)
		store->savepoint_depth++;
	return error;
}

int tplc_store__import_end(struct tplc_store *store, int error)
{
	if (store->savepoint_depth == 0)
		return error;
	store->savepoint_depth--;
	if (error < 0)
		sqlite3_exec(store->db, "ROLLBACK TO tplc_import", NULL, NULL,
		             NULL);
	if (sqlite3_exec(store->db, "RELEASE tplc_import", NULL, NULL, NULL) !=
	            SQLITE_OK &&
	    error == 0) {
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
		return TPLC_ESTORE;
	}
	return error;
}

int tplc_store_schema_version(struct tplc_store *store, int *out,
                              struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error =
	        tplc_store__prepare(store, &stmt, "PRAGMA user_version", err);

	if (error < 0)
		return error;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = sqlite3_column_int(stmt, 0);
	else
		error = tplc_store__fail(store, err, "cannot read version");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store__step_id_keep(struct tplc_store *store, sqlite3_stmt *stmt,
                             long long *out, struct tplc_error *err,
                             const char *what)
{
	int error = 0;

	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else
		error = tplc_store__fail(store, err, what);
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return error;
}

int tplc_store__step_id(struct tplc_store *store, sqlite3_stmt *stmt,
                        long long *out, struct tplc_error *err,
                        const char *what)
{
	int error = tplc_store__step_id_keep(store, stmt, out, err, what);

	sqlite3_finalize(stmt);
	return error;
}

/* Find or create: an upsert that changes nothing still returns the id,
 * and keeps the spelling the row was first written with. */
int tplc_store__product_version(struct tplc_store *store,
                                const char *manufacturer, const char *model,
                                const char *version, long long *out,
                                struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	long long product;
	int error;

	error = tplc_store__prepare(store, &stmt,
	                            "INSERT INTO products(manufacturer, model)"
	                            " VALUES (?1, ?2)"
	                            " ON CONFLICT(manufacturer, model)"
	                            " DO UPDATE SET model = model RETURNING id",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, manufacturer);
	tplc_store__bind_text(stmt, 2, model);
	error = tplc_store__step_id(store, stmt, &product, err,
	                            "cannot record product");
	if (error == 0)
		error = tplc_store__prepare(
		        store, &stmt,
		        "INSERT INTO product_versions(product_id, version)"
		        " VALUES (?1, ?2) ON CONFLICT(product_id, version)"
		        " DO UPDATE SET version = version RETURNING id",
		        err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product);
	tplc_store__bind_text(stmt, 2, version ? version : "");
	return tplc_store__step_id(store, stmt, out, err,
	                           "cannot record product version");
}

/* Products named in an ambiguity error, at most. */
#define CANDIDATES_MAX 5

static const char product_sql[] =
        "SELECT id, manufacturer || ' ' || model,"
        " ((manufacturer || ' ' || model) = ?1 COLLATE NOCASE"
        "  OR model = ?1 COLLATE NOCASE) AS exact"
        " FROM products"
        " WHERE instr(lower(manufacturer || ' ' || model), lower(?1)) > 0"
        " ORDER BY exact DESC, manufacturer, model";

int tplc_store__product_find(struct tplc_store *store, const char *text,
                             long long *out, char *name, size_t name_size,
                             struct tplc_error *err)
{
	char candidates[320] = "";
	sqlite3_stmt *stmt = NULL;
	size_t used = 0;
	int error, rc, n = 0;

	error = tplc_store__prepare(store, &stmt, product_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, text);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == 0) {
			*out = sqlite3_column_int64(stmt, 0);
			if (name)
				snprintf(name, name_size, "%s",
				         tplc_store__column_text(stmt, 1));
			if (sqlite3_column_int(stmt, 2)) {
				n = 1;
				rc = SQLITE_DONE;
				break;
			}
		}
		if (n < CANDIDATES_MAX && used < sizeof(candidates))
			used += (size_t)snprintf(
			        candidates + used, sizeof(candidates) - used,
			        "%s'%s'", n ? ", " : "",
			        tplc_store__column_text(stmt, 1));
		n++;
	}
	if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot look up product");
	else if (n == 0)
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "no product matches '%s'", text);
	else if (n > 1)
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "'%s' matches %d products: %s%s: name "
		                       "one",
		                       text, n, candidates,
		                       n > CANDIDATES_MAX ? ", ..." : "");
	sqlite3_finalize(stmt);
	return error;
}
