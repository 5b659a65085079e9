/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_STORE_INTERNAL_H
#define TPLC_STORE_INTERNAL_H

/* Private to lib/store: the handle and the SQLite helpers every file of
 * the store shares.  Only parameterised SQL: values are always bound. */

#include <sqlite3.h>

#include "tplc/store.h"

struct tplc_store {
	sqlite3 *db;
	struct tplc_ctx *ctx;
	char *path;
	int savepoint_depth; /* nesting of import savepoints */
};

/* Record a TPLC_ESTORE error naming what failed and SQLite's reason. */
int tplc_store__fail(struct tplc_store *store, struct tplc_error *err,
                     const char *what);
int tplc_store__exec(struct tplc_store *store, const char *sql,
                     struct tplc_error *err);
int tplc_store__prepare(struct tplc_store *store, sqlite3_stmt **out,
                        const char *sql, struct tplc_error *err);

/* Bind a string, or NULL for SQL NULL. */
int tplc_store__bind_text(sqlite3_stmt *stmt, int index, const char *value);
int tplc_store__bind_double(sqlite3_stmt *stmt, int index, double value,
                            int present);
/* A column as a C string, or NULL for SQL NULL. */
const char *tplc_store__column_text(sqlite3_stmt *stmt, int index);
/* Step a statement that returns no rows, then reset it for reuse. */
int tplc_store__step_done(struct tplc_store *store, sqlite3_stmt *stmt,
                          struct tplc_error *err, const char *what);

/*
 * Imports run inside a savepoint: a transaction on its own, or a nested
 * part of the caller's tplc_store_begin group.  _end commits on error==0
 * and rolls back otherwise; it returns error.
 */
int tplc_store__import_begin(struct tplc_store *store, struct tplc_error *err);
int tplc_store__import_end(struct tplc_store *store, int error);

/* Step a statement that returns one row whose first column is an id,
 * into *out; the statement is finalized either way. */
int tplc_store__step_id(struct tplc_store *store, sqlite3_stmt *stmt,
                        long long *out, struct tplc_error *err,
                        const char *what);
/* The same for a statement kept for reuse: reset, not finalized. */
int tplc_store__step_id_keep(struct tplc_store *store, sqlite3_stmt *stmt,
                             long long *out, struct tplc_error *err,
                             const char *what);

/* Find or create a product version; *out is its row id. */
int tplc_store__product_version(struct tplc_store *store,
                                const char *manufacturer, const char *model,
                                const char *version, long long *out,
                                struct tplc_error *err);

/* Schema migrations (schema.c). */
int tplc_store__migrate(struct tplc_store *store, struct tplc_error *err);

#endif
