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
/* The columns of an affected row from package_key to detail, in the
 * table's order, starting at column at (scan.c, scan-affected.c). */
struct tplc_store__affected;
void tplc_store__affected_columns(sqlite3_stmt *stmt, int at,
                                  struct tplc_store__affected *row);

/* A second, read-only connection: a scan reads on it from another
 * thread while the store's own reads on. */
struct tplc_store__reader {
	sqlite3 *db;
};

const char *tplc_store__column_text(sqlite3_stmt *stmt, int index);
/* A CVSS score column: -1 for NULL, as the row structs keep "none". */
double tplc_store__column_score(sqlite3_stmt *stmt, int index);
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

/*
 * Append an entry to the audit log (audit.c, tplc/audit.h) inside the
 * caller's transaction, so a change rolled back leaves no entry.  actor
 * NULL or "": the context's.  detail: key, value, key, value, ..., NULL
 * (a NULL value leaves its key out), written as a flat JSON object of
 * strings; detail NULL: none.
 */
int tplc_store__audit(struct tplc_store *store, const char *actor,
                      const char *action, const char *subject,
                      const char *const *detail, struct tplc_error *err);

/* Step a statement that returns one row whose first column is an id,
 * into *out; the statement is finalized either way. */
int tplc_store__step_id(struct tplc_store *store, sqlite3_stmt *stmt,
                        long long *out, struct tplc_error *err,
                        const char *what);
/* The same for a statement kept for reuse: reset, not finalized. */
int tplc_store__step_id_keep(struct tplc_store *store, sqlite3_stmt *stmt,
                             long long *out, struct tplc_error *err,
                             const char *what);

/* The one product whose "manufacturer model" (or model) is text, else the
 * only one containing it; its name into name (NULL: not wanted).
 * TPLC_ENOTFOUND for none, TPLC_EINVAL naming them when several do. */
int tplc_store__product_find(struct tplc_store *store, const char *text,
                             long long *out, char *name, size_t name_size,
                             struct tplc_error *err);

struct tplc_rubric_answers;
/* The rubric answers for a vulnerability of a product model: the model's,
 * overridden by the vulnerability's own; how many of each there were
 * (the vulnerability's own: on C, I or A in *vuln_impact, the rest in
 * *vuln_answers).  *cache holds the prepared statement between calls
 * (finalize it). */
int tplc_store__rubric_answers(struct tplc_store *store, sqlite3_stmt **cache,
                               long long product_id, const char *vuln_id,
                               struct tplc_rubric_answers *out,
                               size_t *model_answers, size_t *vuln_answers,
                               size_t *vuln_impact, struct tplc_error *err);

/* "Manufacturer Model Version" of product version pv_id, for messages and
 * audit subjects ("product version N" when it cannot be read). */
void tplc_store__version_name(struct tplc_store *store, long long pv_id,
                              char *out, size_t size);

/* Find or create a product version; *out is its row id. */
int tplc_store__product_version(struct tplc_store *store,
                                const char *manufacturer, const char *model,
                                const char *version, long long *out,
                                struct tplc_error *err);

/*
 * An SQL test (postmarket.c, tplc/postmarket.h): true when the current
 * decision on product version pv and vulnerability vuln is uncontrolled
 * risk with a clock past its due day at now (an SQL expression giving a
 * UTC time, usually a bound parameter).  pv, vuln and now are SQL text:
 *   " AND (?7 = 0 OR " POSTMARKET_OVERDUE("f.product_version_id",
 *   "f.vuln_id", "?8") ")"   with ?8 bound to tplc_ctx_now(store->ctx).
 */
#define POSTMARKET_OVERDUE(pv, vuln, now)                                      \
	"EXISTS (SELECT 1 FROM postmarket_status pm_o"                         \
	" WHERE pm_o.product_version_id = " pv " AND pm_o.vuln_id = " vuln     \
	" AND pm_o.risk = 'uncontrolled'"                                      \
	" AND ((pm_o.notified_at IS NULL AND date(" now ") > pm_o.notify_due)" \
	" OR (pm_o.fixed_at IS NULL AND date(" now ") > pm_o.fix_due)))"

struct tplc_milestones;
/* Set one product version's milestones (tplc/lifecycle.h) inside the
 * caller's transaction (lifecycle.c). */
int tplc_store__milestones_set_pv(struct tplc_store *store, long long pv_id,
                                  const struct tplc_milestones *m,
                                  struct tplc_error *err);

struct tplc_dsse;
/* Verify env with a key trusted for manufacturer (trusted_keys'
 * owner): 0 and its id into key_id, or TPLC_EPARSE naming the signers
 * and the owner (notices.c). */
int tplc_store__verify_trusted(struct tplc_store *store,
                               const struct tplc_dsse *env,
                               const char *manufacturer, const char *source,
                               char *key_id, size_t key_id_size,
                               struct tplc_error *err);

/* Schema migrations (schema.c). */
int tplc_store__migrate(struct tplc_store *store, struct tplc_error *err);

#endif
