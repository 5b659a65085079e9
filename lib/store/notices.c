/* SPDX-License-Identifier: Apache-2.0 */
/*
 * EOL/EOS notices in the store (tplc/notice.h): the manufacturer records
 * what it issued; the hospital imports signed notices, checked against
 * the keys it trusts for that manufacturer, and each sets the milestones
 * of the product versions it names.  Keys live in trusted_keys.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tplc/lifecycle.h"
#include "tplc/notice.h"
#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/str.h"

/* What an error message lists of the envelope's signers. */
#define SIGNERS_MAX 256

static int product_of(struct tplc_store *store, long long pv, long long *out,
                      struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT product_id FROM product_versions WHERE id = ?1", err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, pv);
	return tplc_store__step_id(store, stmt, out, err,
	                           "cannot read product version");
}

/* 1: recorded with this very document, 0: not recorded, else an error. */
static int known(struct tplc_store *store, const char *id, const char *document,
                 struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *doc;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT document FROM lifecycle_notices"
	                            " WHERE id = ?1",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		doc = tplc_store__column_text(stmt, 0);
		error = doc != NULL && strcmp(doc, document) == 0
		                ? 1
		                : tplc_error_set(err, TPLC_EEXISTS,
		                                 "another notice with id %s "
		                                 "is already recorded",
		                                 id);
	} else if (rc != SQLITE_DONE) {
		error = tplc_store__fail(store, err, "cannot read notices");
	}
	sqlite3_finalize(stmt);
	return error;
}

static const char insert_sql[] =
        "INSERT INTO lifecycle_notices(id, product_id, issued, delivery,"
        " eol, eos, document, key_id, direction, source, recorded_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

struct recording {
	const struct tplc_notice *notice;
	const char *document, *key_id, *direction, *source, *by;
};

/* Inside the caller's savepoint. */
static int record(struct tplc_store *store, const struct recording *r,
                  bool *already, struct tplc_error *err)
{
	const struct tplc_notice *n = r->notice;
	long long pv[TPLC_NOTICE_VERSIONS_MAX], product = 0;
	struct tplc_milestones m;
	sqlite3_stmt *stmt = NULL;
	size_t i;
	int error;

	*already = false;
	if (n->version_count == 0 ||
	    n->version_count > TPLC_NOTICE_VERSIONS_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a notice names 1 to %d versions",
		                      TPLC_NOTICE_VERSIONS_MAX);
	error = known(store, n->id, r->document, err);
	if (error != 0) {
		*already = error == 1;
		return error < 0 ? error : 0;
	}
	for (i = 0; i < n->version_count && error == 0; i++)
		error = tplc_store__product_version(store, n->manufacturer,
		                                    n->product, n->versions[i],
		                                    &pv[i], err);
	if (error == 0)
		error = product_of(store, pv[0], &product, err);
	if (error == 0)
		error = tplc_store__prepare(store, &stmt, insert_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, n->id);
	sqlite3_bind_int64(stmt, 2, product);
	tplc_store__bind_text(stmt, 3, n->issued);
	tplc_store__bind_text(stmt, 4, n->delivery);
	tplc_store__bind_text(stmt, 5, n->eol);
	tplc_store__bind_text(stmt, 6, n->eos);
	tplc_store__bind_text(stmt, 7, r->document);
	tplc_store__bind_text(stmt, 8, r->key_id);
	tplc_store__bind_text(stmt, 9, r->direction);
	tplc_store__bind_text(stmt, 10, r->source);
	tplc_store__bind_text(stmt, 11, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err, "cannot record notice");
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (error == 0)
		error = tplc_store__prepare(
		        store, &stmt,
		        "INSERT OR IGNORE INTO lifecycle_notice_versions"
		        "(notice_id, product_version_id) VALUES (?1, ?2)",
		        err);
	memset(&m, 0, sizeof(m));
	m.eol = n->eol;
	m.eos = n->eos;
	m.announced = n->issued;
	m.how = n->delivery;
	m.notice_id = n->id;
	m.by = r->by;
	for (i = 0; i < n->version_count && error == 0; i++) {
		tplc_store__bind_text(stmt, 1, n->id);
		sqlite3_bind_int64(stmt, 2, pv[i]);
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot record notice version");
		if (error == 0)
			error = tplc_store__milestones_set_pv(store, pv[i], &m,
			                                      err);
	}
	sqlite3_finalize(stmt);
	if (error == 0) {
		char subject[TPLC_NOTICE_ID_MAX + 16];
		const char *detail[] = { "manufacturer",
			                 n->manufacturer,
			                 "product",
			                 n->product,
			                 "eol",
			                 n->eol,
			                 "eos",
			                 n->eos,
			                 "key",
			                 r->key_id,
			                 "source",
			                 r->source,
			                 NULL };

		snprintf(subject, sizeof(subject), "notice %s", n->id);
		error = tplc_store__audit(store, r->by,
		                          strcmp(r->direction, "issued") == 0
		                                  ? "notice.issue"
		                                  : "notice.import",
		                          subject, detail, err);
	}
	return error;
}

int tplc_store_notice_record(struct tplc_store *store,
                             const struct tplc_notice *notice,
                             const char *document, const char *key_id,
                             const char *by, struct tplc_error *err)
{
	struct recording r = { notice, document, key_id, "issued", NULL, by };
	bool already;
	int error;

	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = record(store, &r, &already, err);
	return tplc_store__import_end(store, error);
}

/* ---- import --------------------------------------------------------------- */

/* Shared with docs.c (internal.h). */
int tplc_store__verify_trusted(struct tplc_store *store,
                               const struct tplc_dsse *env,
                               const char *manufacturer, const char *source,
                               char *key_id, size_t key_id_size,
                               struct tplc_error *err)
{
	struct tplx_buf signers = TPLX_BUF_INIT(SIGNERS_MAX);
	sqlite3_stmt *stmt = NULL;
	struct tplc_pubkey key;
	struct tplc_error why;
	int error, rc, found = 0;
	size_t i;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT key_id, public_key FROM"
	                            " trusted_keys WHERE manufacturer = ?1"
	                            " ORDER BY key_id",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, manufacturer);
	while (found == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *b64 = tplc_store__column_text(stmt, 1);

		if (b64 == NULL || tplc_pubkey_from_base64(&key, b64, &why) < 0)
			continue;
		error = tplc_dsse_verify(env, &key, &why);
		if (error == TPLC_ENOTFOUND) {
			error = 0;
			continue;
		}
		found = 1;
		if (error < 0)
			error = tplc_error_set_at(
			        err, TPLC_EPARSE, source, 0, 0, NULL,
			        "refused: %s (key trusted for %s)", why.message,
			        manufacturer);
		else
			snprintf(key_id, key_id_size, "%s", key.id);
	}
	if (found == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err,
		                         "cannot read trusted keys");
	sqlite3_finalize(stmt);
	if (found != 0 || error < 0)
		return error;
	for (i = 0; i < env->signature_count; i++)
		tplx_buf_addf(&signers, "%s%s", i > 0 ? ", " : "",
		              env->signatures[i].keyid[0]
		                      ? env->signatures[i].keyid
		                      : "(no keyid)");
	error = tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0, NULL,
	                          "refused: signed by %s, not by a key "
	                          "trusted for \"%s\" (tplc key trust)",
	                          tplx_buf_str(&signers), manufacturer);
	tplx_buf_release(&signers);
	return error;
}

int tplc_store_notice_import(struct tplc_store *store, const char *text,
                             size_t len, const char *source, const char *by,
                             struct tplc_notice_import *out,
                             struct tplc_error *err)
{
	char payload_source[TPLC_ERROR_FILE_MAX];
	struct tplc_notice *notice = NULL;
	struct tplc_dsse *env = NULL;
	struct recording r;
	char *document = NULL;
	int error;

	memset(out, 0, sizeof(*out));
	error = tplc_dsse_parse(&env, text, len, source, err);
	if (error < 0)
		return error;
	if (strcmp(env->payload_type, TPLC_NOTICE_TYPE) != 0) {
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0,
		                          "payloadType", "expected %s, not %s",
		                          TPLC_NOTICE_TYPE, env->payload_type);
		goto out;
	}
	snprintf(payload_source, sizeof(payload_source), "%s (payload)",
	         source);
	error = tplc_notice_parse(&notice, (const char *)env->payload,
	                          env->payload_len, payload_source, err);
	if (error < 0)
		goto out;
	error = tplc_store__verify_trusted(store, env, notice->manufacturer,
	                                   source, out->key_id,
	                                   sizeof(out->key_id), err);
	if (error < 0)
		goto out;
	document = tplx_strndup(text, len);
	if (document == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	r.notice = notice;
	r.document = document;
	r.key_id = out->key_id;
	r.direction = "imported";
	r.source = source;
	r.by = by;
	error = tplc_store__import_begin(store, err);
	if (error == 0)
		error = tplc_store__import_end(
		        store, record(store, &r, &out->already, err));
	if (error == 0) {
		snprintf(out->id, sizeof(out->id), "%s", notice->id);
		out->versions = notice->version_count;
	}
out:
	tplx_free(document);
	tplc_notice_free(notice);
	tplc_dsse_free(env);
	return error;
}

/* ---- listing --------------------------------------------------------------- */

static const char list_sql[] =
        "SELECT n.id, p.manufacturer, p.model,"
        " (SELECT group_concat(version, ',') FROM (SELECT v.version"
        "   FROM lifecycle_notice_versions nv JOIN product_versions v"
        "   ON v.id = nv.product_version_id WHERE nv.notice_id = n.id"
        "   ORDER BY v.version)),"
        " n.issued, n.eol, n.eos, n.delivery, n.direction, n.key_id,"
        " n.source, n.recorded_at"
        " FROM lifecycle_notices n JOIN products p ON p.id = n.product_id"
        " ORDER BY n.issued, COALESCE(n.eol, n.eos), n.id";

static long lead(const char *issued, const char *date)
{
	if (date == NULL || !tplx_date_valid(issued) || !tplx_date_valid(date))
		return -1;
	return tplx_date_diff(issued, date);
}

int tplc_store_notices(struct tplc_store *store, bool flagged_only,
                       tplc_notice_cb cb, void *data, struct tplc_error *err)
{
	struct tplc_notice_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, list_sql, err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&row, 0, sizeof(row));
		row.id = tplc_store__column_text(stmt, 0);
		row.manufacturer = tplc_store__column_text(stmt, 1);
		row.model = tplc_store__column_text(stmt, 2);
		row.versions = tplc_store__column_text(stmt, 3);
		row.issued = tplc_store__column_text(stmt, 4);
		row.eol = tplc_store__column_text(stmt, 5);
		row.eos = tplc_store__column_text(stmt, 6);
		row.delivery = tplc_store__column_text(stmt, 7);
		row.direction = tplc_store__column_text(stmt, 8);
		row.key_id = tplc_store__column_text(stmt, 9);
		row.source = tplc_store__column_text(stmt, 10);
		row.recorded_at = tplc_store__column_text(stmt, 11);
		row.eol_days = lead(row.issued, row.eol);
		row.eos_days = lead(row.issued, row.eos);
		row.lead_days =
		        row.eol_days >= 0 && (row.eos_days < 0 ||
		                              row.eol_days < row.eos_days)
		                ? row.eol_days
		                : row.eos_days;
		row.short_eol = row.eol != NULL &&
		                tplc_notice_short(row.issued, row.eol);
		row.short_eos = row.eos != NULL &&
		                tplc_notice_short(row.issued, row.eos);
		row.passive = tplx_streq(row.delivery, "published");
		row.flagged = row.short_eol || row.short_eos || row.passive;
		if (flagged_only && !row.flagged)
			continue;
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list notices");
	sqlite3_finalize(stmt);
	return error;
}

/* ---- trusted keys ----------------------------------------------------------- */

int tplc_store_key_trust(struct tplc_store *store,
                         const struct tplc_pubkey *key,
                         const char *manufacturer, const char *comment,
                         const char *by, struct tplc_error *err)
{
	char b64[128];
	sqlite3_stmt *stmt = NULL;
	int error;

	if (manufacturer == NULL || *manufacturer == '\0' || by == NULL ||
	    *by == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a trusted key needs its manufacturer "
		                      "and who trusts it");
	if (tplc_pubkey_base64(key, b64, sizeof(b64)) < 0)
		return tplc_error_set(err, TPLC_ERROR, "key too long");
	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO trusted_keys(key_id, public_key, manufacturer,"
	        " comment, added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	        " ON CONFLICT(key_id) DO NOTHING",
	        err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, key->id);
	tplc_store__bind_text(stmt, 2, b64);
	tplc_store__bind_text(stmt, 3, manufacturer);
	tplc_store__bind_text(stmt, 4, comment);
	tplc_store__bind_text(stmt, 5, by);
	tplc_store__bind_text(stmt, 6, tplc_ctx_now(store->ctx));
	error = tplc_store__import_begin(store, err);
	if (error == 0)
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot trust key");
	if (error == 0 && sqlite3_changes(store->db) == 0)
		error = tplc_error_set(err, TPLC_EEXISTS,
		                       "key %s is already trusted", key->id);
	if (error == 0) {
		char subject[TPLC_KEY_ID_SIZE + 8];
		const char *detail[] = { "owner", manufacturer, "comment",
			                 comment, NULL };

		snprintf(subject, sizeof(subject), "key %s", key->id);
		error = tplc_store__audit(store, by, "key.trust", subject,
		                          detail, err);
	}
	error = tplc_store__import_end(store, error);
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_key_forget(struct tplc_store *store, const char *key_id,
                          struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(
	        store, &stmt, "DELETE FROM trusted_keys WHERE key_id = ?1",
	        err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, key_id);
	error = tplc_store__import_begin(store, err);
	if (error == 0)
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot forget key");
	if (error == 0 && sqlite3_changes(store->db) == 0)
		error = tplc_error_set(err, TPLC_ENOTFOUND, "no trusted key %s",
		                       key_id);
	if (error == 0) {
		char subject[160];

		snprintf(subject, sizeof(subject), "key %s", key_id);
		error = tplc_store__audit(store, NULL, "key.forget", subject,
		                          NULL, err);
	}
	error = tplc_store__import_end(store, error);
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_keys(struct tplc_store *store, tplc_key_cb cb, void *data,
                    struct tplc_error *err)
{
	struct tplc_key_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT key_id, public_key, manufacturer, comment, added_by,"
	        " added_at FROM trusted_keys ORDER BY manufacturer, key_id",
	        err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.key_id = tplc_store__column_text(stmt, 0);
		row.public_key = tplc_store__column_text(stmt, 1);
		row.manufacturer = tplc_store__column_text(stmt, 2);
		row.comment = tplc_store__column_text(stmt, 3);
		row.added_by = tplc_store__column_text(stmt, 4);
		row.added_at = tplc_store__column_text(stmt, 5);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list keys");
	sqlite3_finalize(stmt);
	return error;
}
