/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Receipts for documentation bundles (tplc/docs.h): the hospital signs
 * one for a bundle it received; the manufacturer checks it against the
 * bundle it issued and records it once (a second time is a replay).
 * Also the listing and the report of what never arrived.
 */
#include <stdio.h>
#include <string.h>

#include "docs-internal.h"
#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/str.h"

bool tplc_docs_is_receipt(const char *data, size_t len)
{
	size_t i = 0;

	while (i < len && strchr(" \t\r\n", data[i]) != NULL)
		i++;
	return i < len && data[i] == '{';
}

/* The one bundle of direction whose id starts with prefix, into id. */
static int find_bundle(struct tplc_store *store, const char *prefix,
                       const char *direction, char id[TPLC_DOCS_SHA256_HEX + 1],
                       struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t len = strlen(prefix), i, n = 0;
	int error, rc;

	for (i = 0; i < len; i++)
		if (!((prefix[i] >= '0' && prefix[i] <= '9') ||
		      (prefix[i] >= 'a' && prefix[i] <= 'f')))
			break;
	if (i < len || len < TPLC_DOCS_PREFIX_MIN || len > TPLC_DOCS_SHA256_HEX)
		return tplc_error_set(
		        err, TPLC_EINVAL,
		        "a bundle is named by %d to %d lower-case "
		        "hex digits of its id, not \"%s\"",
		        TPLC_DOCS_PREFIX_MIN, TPLC_DOCS_SHA256_HEX, prefix);
	error = tplc_store__prepare(store, &stmt,
	                            "SELECT id FROM doc_bundles WHERE"
	                            " direction = ?2 AND substr(id, 1, ?3) = ?1"
	                            " LIMIT 2",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, prefix);
	tplc_store__bind_text(stmt, 2, direction);
	sqlite3_bind_int(stmt, 3, (int)len);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (n++ == 0)
			snprintf(id, TPLC_DOCS_SHA256_HEX + 1, "%s",
			         tplc_store__column_text(stmt, 0));
	if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read bundles");
	else if (n == 0)
		error = tplc_error_set(err, TPLC_ENOTFOUND, "no %s bundle %s",
		                       direction, prefix);
	else if (n > 1)
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "%s names more than one bundle: give "
		                       "more digits",
		                       prefix);
	sqlite3_finalize(stmt);
	return error;
}

/* A recorded bundle: its manifest, when it was recorded, its files'
 * imported flags (by manifest order). */
static int load_bundle(struct tplc_store *store, const char *id,
                       struct tplc_docs_bundle *b, char *recorded,
                       size_t recorded_size, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *text;
	size_t i;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT manifest, recorded_at FROM"
	                            " doc_bundles WHERE id = ?1",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		text = tplc_store__column_text(stmt, 0);
		snprintf(recorded, recorded_size, "%s",
		         tplc_store__column_text(stmt, 1));
		error = tplc_store__docs_manifest(
		        store, text ? text : "", text ? strlen(text) : 0,
		        "stored manifest", false, b, err);
	} else {
		error = tplc_store__fail(store, err, "cannot read bundle");
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (error == 0)
		error = tplc_store__prepare(
		        store, &stmt,
		        "SELECT imported FROM doc_files"
		        " WHERE bundle_id = ?1 AND name = ?2",
		        err);
	for (i = 0; error == 0 && i < b->manifest->file_count; i++) {
		tplc_store__bind_text(stmt, 1, id);
		tplc_store__bind_text(stmt, 2, b->manifest->files[i].name);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			b->imported[i] = sqlite3_column_int(stmt, 0) != 0;
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	return error;
}

static int record_receipt(struct tplc_store *store, const char *id,
                          const char *bundle, const char *direction,
                          const char *text, const char *key_id, const char *by,
                          struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO doc_receipts(id, bundle_id, direction, receipt,"
	        " key_id, recorded_by, recorded_at)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	        err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, id);
	tplc_store__bind_text(stmt, 2, bundle);
	tplc_store__bind_text(stmt, 3, direction);
	tplc_store__bind_text(stmt, 4, text);
	tplc_store__bind_text(stmt, 5, key_id);
	tplc_store__bind_text(stmt, 6, by);
	tplc_store__bind_text(stmt, 7, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record receipt");
	sqlite3_finalize(stmt);
	return error;
}

static int audit_receipt(struct tplc_store *store, const char *by,
                         const char *action, const char *bundle,
                         const char *receipt, const char *key_id,
                         struct tplc_error *err)
{
	char subject[32];
	const char *detail[] = { "receipt", receipt, "key", key_id, NULL };

	snprintf(subject, sizeof(subject), "bundle %.12s", bundle);
	return tplc_store__audit(store, by, action, subject, detail, err);
}

static int ack(struct tplc_store *store, const char *id,
               const struct tplc_seckey *key, const char *recipient,
               const char *by, struct tplc_docs_bundle *b, char **out,
               size_t *out_len, char receipt_id[TPLC_DOCS_ID_HEX + 1],
               struct tplc_error *err)
{
	struct tplc_docs_file files[TPLC_DOCS_FILES_MAX];
	const struct tplc_docs_manifest *m;
	struct tplc_docs_receipt r;
	char received[64], *payload = NULL;
	size_t len, i;
	int error;

	error = load_bundle(store, id, b, received, sizeof(received), err);
	if (error < 0)
		return error;
	m = b->manifest;
	for (i = 0; i < m->file_count; i++) {
		memset(&files[i], 0, sizeof(files[i]));
		files[i].name = m->files[i].name;
		files[i].sha256 = m->files[i].sha256;
		files[i].imported = b->imported[i];
	}
	tplc_docs_random_id(receipt_id);
	memset(&r, 0, sizeof(r));
	r.id = receipt_id;
	r.bundle = id;
	r.manifest = m->id;
	r.manufacturer = m->manufacturer;
	r.product = m->product;
	r.product_version = m->product_version;
	r.received = received;
	r.acknowledged = tplc_ctx_now(store->ctx);
	r.by = by;
	r.recipient = recipient;
	r.files = files;
	r.file_count = m->file_count;
	error = tplc_docs_receipt_write(&r, &payload, &len, err);
	if (error == 0)
		error = tplc_dsse_sign(key, TPLC_DOCS_RECEIPT_TYPE, payload,
		                       len, out, out_len, err);
	tplc_free_string(payload);
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = record_receipt(store, receipt_id, id, "issued", *out, key->id,
	                       by, err);
	if (error == 0)
		error = audit_receipt(store, by, "docs.ack", id, receipt_id,
		                      key->id, err);
	return tplc_store__import_end(store, error);
}

int tplc_store_docs_ack(struct tplc_store *store, const char *bundle,
                        const struct tplc_seckey *key, const char *recipient,
                        const char *by, char **out, size_t *out_len,
                        char receipt_id[TPLC_DOCS_ID_HEX + 1],
                        struct tplc_error *err)
{
	char id[TPLC_DOCS_SHA256_HEX + 1];
	struct tplc_docs_bundle *b;
	int error;

	*out = NULL;
	if (by == NULL || *by == '\0' || recipient == NULL ||
	    *recipient == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a receipt names the hospital and who "
		                      "acknowledges");
	error = find_bundle(store, bundle, "received", id, err);
	if (error < 0)
		return error;
	b = tplx_calloc(1, sizeof(*b));
	if (b == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = ack(store, id, key, recipient, by, b, out, out_len, receipt_id,
	            err);
	tplc_docs_manifest_free(b->manifest);
	tplx_free(b);
	if (error < 0) {
		tplc_free_string(*out);
		*out = NULL;
	}
	return error;
}

/* ---- the manufacturer checks a receipt ----------------------------------- */

/* Same files and hashes as the issued manifest, same manifest id. */
static int same_files(const struct tplc_docs_receipt *r,
                      const struct tplc_docs_manifest *m, const char *source,
                      struct tplc_error *err)
{
	size_t i, k;

	if (strcmp(r->manifest, m->id) != 0)
		return tplc_error_set_at(
		        err, TPLC_EPARSE, source, 0, 0, "manifest",
		        "manifest %s, the bundle's is %s", r->manifest, m->id);
	if (r->file_count != m->file_count)
		return tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0,
		                         "files",
		                         "%zu files, the bundle has %zu",
		                         r->file_count, m->file_count);
	for (i = 0; i < r->file_count; i++) {
		for (k = 0; k < m->file_count; k++)
			if (strcmp(r->files[i].name, m->files[k].name) == 0)
				break;
		if (k == m->file_count)
			return tplc_error_set_at(
			        err, TPLC_EPARSE, source, 0, 0, "files",
			        "%s is not in the bundle", r->files[i].name);
		if (strcmp(r->files[i].sha256, m->files[k].sha256) != 0)
			return tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0,
			                         "files",
			                         "%s: SHA-256 differs from the "
			                         "bundle's",
			                         r->files[i].name);
	}
	return 0;
}

static int replayed(struct tplc_store *store, const char *id,
                    const char *source, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT recorded_at FROM doc_receipts"
	                            " WHERE id = ?1",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0, NULL,
		                          "receipt %s was already recorded on "
		                          "%s (replayed)",
		                          id, tplc_store__column_text(stmt, 0));
	else if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read receipts");
	sqlite3_finalize(stmt);
	return error;
}

static int check_receipt(struct tplc_store *store, const char *text, size_t len,
                         const char *source, const char *by,
                         struct tplc_docs_receipt **out,
                         struct tplc_docs_bundle *b, struct tplc_error *err)
{
	char payload_source[TPLC_ERROR_FILE_MAX];
	char key_id[32], received[64], id[TPLC_DOCS_SHA256_HEX + 1];
	struct tplc_dsse *env = NULL;
	char *copy = NULL;
	int error;

	error = tplc_dsse_parse(&env, text, len, source, err);
	if (error < 0)
		return error;
	if (strcmp(env->payload_type, TPLC_DOCS_RECEIPT_TYPE) != 0) {
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0,
		                          "payloadType", "expected %s, not %s",
		                          TPLC_DOCS_RECEIPT_TYPE,
		                          env->payload_type);
		goto out;
	}
	snprintf(payload_source, sizeof(payload_source), "%s (payload)",
	         source);
	error = tplc_docs_receipt_parse(out, (const char *)env->payload,
	                                env->payload_len, payload_source, err);
	/* signed by a key trusted for the hospital the receipt names */
	if (error == 0)
		error = tplc_store__verify_trusted(store, env,
		                                   (*out)->recipient, source,
		                                   key_id, sizeof(key_id), err);
	if (error == 0)
		error = find_bundle(store, (*out)->bundle, "issued", id, err);
	if (error == TPLC_ENOTFOUND)
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0,
		                          "bundle",
		                          "bundle %.12s was not issued by this "
		                          "store",
		                          (*out)->bundle);
	if (error == 0)
		error = load_bundle(store, id, b, received, sizeof(received),
		                    err);
	if (error == 0)
		error = same_files(*out, b->manifest, source, err);
	if (error == 0)
		error = replayed(store, (*out)->id, source, err);
	if (error < 0)
		goto out;
	copy = tplx_strndup(text, len);
	if (copy == NULL) {
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	error = tplc_store__import_begin(store, err);
	if (error == 0) {
		error = record_receipt(store, (*out)->id, id, "received", copy,
		                       key_id, by, err);
		if (error == 0)
			error = audit_receipt(store, by, "docs.receipt", id,
			                      (*out)->id, key_id, err);
		error = tplc_store__import_end(store, error);
	}
out:
	tplx_free(copy);
	tplc_dsse_free(env);
	return error;
}

int tplc_store_docs_receipt(struct tplc_store *store, const char *text,
                            size_t len, const char *source, const char *by,
                            struct tplc_docs_receipt **out,
                            struct tplc_error *err)
{
	struct tplc_docs_bundle *b;
	int error;

	*out = NULL;
	if (by == NULL || *by == '\0')
		by = tplc_ctx_actor(store->ctx);
	b = tplx_calloc(1, sizeof(*b));
	if (b == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = check_receipt(store, text, len, source, by, out, b, err);
	tplc_docs_manifest_free(b->manifest);
	tplx_free(b);
	if (error < 0) {
		tplc_docs_receipt_free(*out);
		*out = NULL;
	}
	return error;
}
