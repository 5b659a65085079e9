/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Documentation bundles in the store (tplc/docs.h): the manufacturer
 * packs and records what it issues; the hospital verifies a bundle
 * against the keys it trusts for the manufacturer, then records it and
 * imports what tplc reads in one transaction.  Receipts: docs-receipt.c.
 */
#include <stdio.h>
#include <string.h>

#include "docs-internal.h"
#include "tplc/advisory.h"
#include "tplc/mds2.h"
#include "tplc/notice.h"
#include "tplc/sbom.h"
#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/archive-write.h"
#include "util/archive.h"
#include "util/file.h"
#include "util/str.h"

/* ---- reading a bundle ---------------------------------------------------- */

struct reading {
	struct tplc_store *store;
	const char *source;
	struct tplc_error *err;
	struct tplc_docs_bundle *out;
	bool keep;      /* copy the files tplc imports */
	char *envelope; /* keep: the manifest envelope's text */
	size_t entries, total;
	bool seen[TPLC_DOCS_FILES_MAX];
	char *data[TPLC_DOCS_FILES_MAX];
	size_t len[TPLC_DOCS_FILES_MAX];
};

static bool importable(const char *kind)
{
	return tplx_streq(kind, "sbom") || tplx_streq(kind, "vex") ||
	       tplx_streq(kind, "notice") || tplx_streq(kind, "mds2");
}

int tplc_store__docs_manifest(struct tplc_store *store, const char *text,
                              size_t len, const char *source, bool verify,
                              struct tplc_docs_bundle *out,
                              struct tplc_error *err)
{
	char payload_source[TPLC_ERROR_FILE_MAX];
	struct tplc_dsse *env = NULL;
	int error;

	error = tplc_dsse_parse(&env, text, len, source, err);
	if (error < 0)
		return error;
	if (strcmp(env->payload_type, TPLC_DOCS_MANIFEST_TYPE) != 0) {
		error = tplc_error_set_at(err, TPLC_EPARSE, source, 0, 0,
		                          "payloadType", "expected %s, not %s",
		                          TPLC_DOCS_MANIFEST_TYPE,
		                          env->payload_type);
		goto out;
	}
	snprintf(payload_source, sizeof(payload_source), "%s (payload)",
	         source);
	error = tplc_docs_manifest_parse(&out->manifest,
	                                 (const char *)env->payload,
	                                 env->payload_len, payload_source, err);
	if (error == 0 && verify)
		error = tplc_store__verify_trusted(
		        store, env, out->manifest->manufacturer, source,
		        out->key_id, sizeof(out->key_id), err);
	if (error == 0)
		tplc_sha256_hex(text, len, out->id);
out:
	tplc_dsse_free(env);
	return error;
}

static int first_entry(struct reading *r, const char *name, const char *data,
                       size_t len)
{
	char source[TPLC_ERROR_FILE_MAX];

	if (strcmp(name, TPLC_DOCS_MANIFEST_NAME) != 0)
		return tplc_error_set_at(
		        r->err, TPLC_EPARSE, r->source, 0, 0, NULL,
		        "first entry is %s, not " TPLC_DOCS_MANIFEST_NAME
		        " (not a tplc documentation bundle)",
		        name);
	if (len > TPLC_DSSE_MAX)
		return tplc_error_set_at(r->err, TPLC_ELIMIT, r->source, 0, 0,
		                         NULL, "%s larger than %zu bytes", name,
		                         TPLC_DSSE_MAX);
	snprintf(source, sizeof(source), "%s: %s", r->source, name);
	if (r->keep) {
		r->envelope = tplx_strndup(data, len);
		if (r->envelope == NULL)
			return tplc_error_set(r->err, TPLC_ENOMEM,
			                      "out of memory");
	}
	return tplc_store__docs_manifest(r->store, data, len, source, true,
	                                 r->out, r->err);
}

static int entry_cb(const char *name, const char *data, size_t len,
                    void *cbdata)
{
	struct reading *r = cbdata;
	const struct tplc_docs_manifest *m = r->out->manifest;
	char sha[TPLC_DOCS_SHA256_HEX + 1];
	const char *file, *why;
	size_t i;

	if (r->entries++ == 0)
		return first_entry(r, name, data, len);
	r->total += len;
	if (r->total > TPLC_DOCS_BUNDLE_MAX)
		return tplc_error_set_at(r->err, TPLC_ELIMIT, r->source, 0, 0,
		                         NULL, "files larger than %zu bytes",
		                         TPLC_DOCS_BUNDLE_MAX);
	if (!tplx_starts_with(name, TPLC_DOCS_FILES_DIR))
		return tplc_error_set_at(r->err, TPLC_EPARSE, r->source, 0, 0,
		                         NULL,
		                         "%s: not under " TPLC_DOCS_FILES_DIR
		                         " (not listed in the manifest)",
		                         name);
	file = name + strlen(TPLC_DOCS_FILES_DIR);
	why = tplc_docs_name_problem(file);
	if (why != NULL)
		return tplc_error_set_at(r->err, TPLC_EPARSE, r->source, 0, 0,
		                         NULL, "%s: %s", name, why);
	for (i = 0; i < m->file_count; i++)
		if (strcmp(m->files[i].name, file) == 0)
			break;
	if (i == m->file_count)
		return tplc_error_set_at(r->err, TPLC_EPARSE, r->source, 0, 0,
		                         NULL, "%s: not listed in the manifest",
		                         name);
	if (r->seen[i])
		return tplc_error_set_at(r->err, TPLC_EPARSE, r->source, 0, 0,
		                         NULL, "%s: in the bundle twice", name);
	r->seen[i] = true;
	if ((long long)len != m->files[i].size)
		return tplc_error_set_at(
		        r->err, TPLC_EPARSE, r->source, 0, 0, NULL,
		        "%s: %zu bytes, the manifest says %lld", name, len,
		        m->files[i].size);
	tplc_sha256_hex(data, len, sha);
	if (strcmp(sha, m->files[i].sha256) != 0)
		return tplc_error_set_at(
		        r->err, TPLC_EPARSE, r->source, 0, 0, NULL,
		        "%s: SHA-256 differs from the manifest", name);
	if (r->keep && importable(m->files[i].kind)) {
		r->data[i] = tplx_malloc(len + 1);
		if (r->data[i] == NULL)
			return tplc_error_set(r->err, TPLC_ENOMEM,
			                      "out of memory");
		memcpy(r->data[i], data, len);
		r->data[i][len] = '\0';
		r->len[i] = len;
	}
	return 0;
}

static void reading_free(struct reading *r)
{
	size_t i;

	for (i = 0; i < TPLC_DOCS_FILES_MAX; i++)
		tplx_free(r->data[i]);
	tplx_free(r->envelope);
}

/* Walk and check a bundle; on error out->manifest is freed. */
static int read_bundle(struct reading *r, const char *data, size_t len)
{
	const struct tplc_docs_manifest *m;
	size_t i;
	int error;

	if (len > TPLC_DOCS_BUNDLE_MAX + TPLC_DSSE_MAX)
		error = tplc_error_set_at(r->err, TPLC_ELIMIT, r->source, 0, 0,
		                          NULL, "bundle larger than %zu bytes",
		                          TPLC_DOCS_BUNDLE_MAX);
	else
		error = tplx_archive_each_file(
		        data, len, r->source, TPLC_DOCS_FILE_MAX,
		        TPLC_DOCS_FILES_MAX + 1, entry_cb, r, r->err);
	if (error == 0 && r->entries == 0)
		error = tplc_error_set_at(r->err, TPLC_EPARSE, r->source, 0, 0,
		                          NULL, "empty bundle");
	m = r->out->manifest;
	for (i = 0; error == 0 && i < m->file_count; i++)
		if (!r->seen[i])
			error = tplc_error_set_at(r->err, TPLC_EPARSE,
			                          r->source, 0, 0, NULL,
			                          TPLC_DOCS_FILES_DIR
			                          "%s: listed in the manifest "
			                          "but not in the bundle",
			                          m->files[i].name);
	if (error < 0) {
		tplc_docs_manifest_free(r->out->manifest);
		r->out->manifest = NULL;
	}
	return error;
}

int tplc_store_docs_verify(struct tplc_store *store, const char *data,
                           size_t len, const char *source,
                           struct tplc_docs_bundle *out, struct tplc_error *err)
{
	struct reading r;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	r.store = store;
	r.source = source;
	r.err = err;
	r.out = out;
	return read_bundle(&r, data, len);
}

/* ---- recording ----------------------------------------------------------- */

static int record_bundle(struct tplc_store *store, const char *direction,
                         long long pv, const char *envelope,
                         const struct tplc_docs_bundle *b, const char *by,
                         struct tplc_error *err)
{
	const struct tplc_docs_manifest *m = b->manifest;
	sqlite3_stmt *stmt = NULL;
	size_t i;
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO doc_bundles(id, direction, product_version_id,"
	        " manifest, key_id, created, recorded_by, recorded_at)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	        err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, b->id);
	tplc_store__bind_text(stmt, 2, direction);
	sqlite3_bind_int64(stmt, 3, pv);
	tplc_store__bind_text(stmt, 4, envelope);
	tplc_store__bind_text(stmt, 5, b->key_id);
	tplc_store__bind_text(stmt, 6, m->created);
	tplc_store__bind_text(stmt, 7, by);
	tplc_store__bind_text(stmt, 8, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err, "cannot record bundle");
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (error == 0)
		error = tplc_store__prepare(
		        store, &stmt,
		        "INSERT INTO doc_files(bundle_id, name, kind, sha256,"
		        " size, imported) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		        err);
	for (i = 0; error == 0 && i < m->file_count; i++) {
		tplc_store__bind_text(stmt, 1, b->id);
		tplc_store__bind_text(stmt, 2, m->files[i].name);
		tplc_store__bind_text(stmt, 3, m->files[i].kind);
		tplc_store__bind_text(stmt, 4, m->files[i].sha256);
		sqlite3_bind_int64(stmt, 5, m->files[i].size);
		sqlite3_bind_int(stmt, 6, b->imported[i] ? 1 : 0);
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot record bundle file");
	}
	sqlite3_finalize(stmt);
	return error;
}

static int audit_bundle(struct tplc_store *store, const char *by,
                        const char *action, const struct tplc_docs_bundle *b,
                        struct tplc_error *err)
{
	const struct tplc_docs_manifest *m = b->manifest;
	char subject[32], files[24], imported[24], version[3 * 520];
	const char *detail[] = {
		"product_version", version, "files",   files, "imported",
		imported,          "key",   b->key_id, NULL
	};

	snprintf(subject, sizeof(subject), "bundle %.12s", b->id);
	snprintf(files, sizeof(files), "%zu", m->file_count);
	snprintf(imported, sizeof(imported), "%zu", b->import_count);
	snprintf(version, sizeof(version), "%s %s %s", m->manufacturer,
	         m->product, m->product_version);
	if (strcmp(action, "docs.pack") == 0)
		detail[4] = NULL;
	return tplc_store__audit(store, by, action, subject, detail, err);
}

/* ---- packing ------------------------------------------------------------- */

struct packing {
	struct tplc_docs_file files[TPLC_DOCS_FILES_MAX];
	char sha[TPLC_DOCS_FILES_MAX][TPLC_DOCS_SHA256_HEX + 1];
	char *data[TPLC_DOCS_FILES_MAX];
	size_t len[TPLC_DOCS_FILES_MAX];
	char *payload, *envelope;
	size_t payload_len, envelope_len;
};

static int pack_file(struct packing *p, size_t i,
                     const struct tplc_docs_input *in, struct tplc_error *err)
{
	const char *name = strrchr(in->path, '/'), *why;
	size_t k, total = 0;
	int error, kind;

	name = name != NULL ? name + 1 : in->path;
	why = tplc_docs_name_problem(name);
	if (why != NULL)
		return tplc_error_set_at(err, TPLC_EINVAL, in->path, 0, 0, NULL,
		                         "%s", why);
	for (k = 0; k < i; k++)
		if (strcmp(p->files[k].name, name) == 0)
			return tplc_error_set_at(
			        err, TPLC_EINVAL, in->path, 0, 0, NULL,
			        "another file is named %s", name);
	error = tplx_file_read(&p->data[i], &p->len[i], in->path,
	                       TPLC_DOCS_FILE_MAX, err);
	if (error < 0)
		return error;
	for (k = 0; k <= i; k++)
		total += p->len[k];
	if (total > TPLC_DOCS_BUNDLE_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "files larger than %zu bytes together",
		                      TPLC_DOCS_BUNDLE_MAX);
	kind = in->kind != NULL
	               ? tplc_docs_kind_parse(in->kind)
	               : tplc_docs_kind_detect(name, p->data[i], p->len[i]);
	if (kind < 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%s: kind %s is not one of sbom, vex, "
		                      "mds2, mud, notice, test-report, "
		                      "lifecycle, other",
		                      name, in->kind);
	tplc_sha256_hex(p->data[i], p->len[i], p->sha[i]);
	p->files[i].name = name;
	p->files[i].kind = tplc_docs_kind_name(kind);
	p->files[i].sha256 = p->sha[i];
	p->files[i].size = (long long)p->len[i];
	return 0;
}

static int write_tar(const struct tplc_docs_pack *pack, struct packing *p,
                     struct tplc_error *err)
{
	char name[TPLC_DOCS_NAME_MAX + 8];
	struct tplx_tar *tar = NULL;
	size_t i;
	int error;

	error = tplx_tar_open(&tar, pack->out, 0, err);
	if (error < 0)
		return error;
	error = tplx_tar_add(tar, TPLC_DOCS_MANIFEST_NAME, p->envelope,
	                     p->envelope_len, err);
	for (i = 0; error == 0 && i < pack->file_count; i++) {
		snprintf(name, sizeof(name), TPLC_DOCS_FILES_DIR "%s",
		         p->files[i].name);
		error = tplx_tar_add(tar, name, p->data[i], p->len[i], err);
	}
	return tplx_tar_close(tar, error, err);
}

/* "Manufacturer Model": a product the store knows, else split at the
 * first space. */
static int product_names(struct tplc_store *store, const char *text,
                         char *maker, char *model, size_t size,
                         struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *space;
	long long id;
	int error, rc;

	error = tplc_store__product_find(store, text, &id, NULL, 0, err);
	if (error == TPLC_ENOTFOUND) {
		space = strchr(text, ' ');
		if (space == NULL || space == text || space[1] == '\0')
			return tplc_error_set(err, TPLC_EINVAL,
			                      "the product is \"Manufacturer "
			                      "Model\", not \"%s\"",
			                      text);
		snprintf(maker, size, "%.*s", (int)(space - text), text);
		snprintf(model, size, "%s", space + 1);
		return 0;
	}
	if (error == 0)
		error = tplc_store__prepare(store, &stmt,
		                            "SELECT manufacturer, model FROM"
		                            " products WHERE id = ?1",
		                            err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		snprintf(maker, size, "%s", tplc_store__column_text(stmt, 0));
		snprintf(model, size, "%s", tplc_store__column_text(stmt, 1));
	} else {
		error = tplc_store__fail(store, err, "cannot read product");
	}
	sqlite3_finalize(stmt);
	return error;
}

static int pack(struct tplc_store *store, const struct tplc_docs_pack *pk,
                struct packing *p, struct tplc_docs_bundle *out,
                struct tplc_error *err)
{
	char maker[TPLC_DOCS_TEXT_MAX + 1], model[TPLC_DOCS_TEXT_MAX + 1];
	struct tplc_docs_manifest m;
	char id[TPLC_DOCS_ID_HEX + 1];
	long long pv;
	size_t i;
	int error = 0;

	if (pk->manufacturer != NULL) {
		snprintf(maker, sizeof(maker), "%s", pk->manufacturer);
		snprintf(model, sizeof(model), "%s", pk->product);
	} else {
		error = product_names(store, pk->product, maker, model,
		                      sizeof(maker), err);
		if (error < 0)
			return error;
	}

	if (pk->file_count == 0 || pk->file_count > TPLC_DOCS_FILES_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a bundle holds 1 to %d files",
		                      TPLC_DOCS_FILES_MAX);
	for (i = 0; error == 0 && i < pk->file_count; i++)
		error = pack_file(p, i, &pk->files[i], err);
	if (error < 0)
		return error;
	tplc_docs_random_id(id);
	memset(&m, 0, sizeof(m));
	m.id = id;
	m.manufacturer = maker;
	m.product = model;
	m.product_version = pk->version;
	m.created = tplc_ctx_now(store->ctx);
	m.files = p->files;
	m.file_count = pk->file_count;
	error = tplc_docs_manifest_write(&m, &p->payload, &p->payload_len, err);
	if (error == 0)
		error = tplc_dsse_sign(pk->key, TPLC_DOCS_MANIFEST_TYPE,
		                       p->payload, p->payload_len, &p->envelope,
		                       &p->envelope_len, err);
	if (error == 0)
		error = tplc_store__docs_manifest(store, p->envelope,
		                                  p->envelope_len, "manifest",
		                                  false, out, err);
	if (error < 0)
		return error;
	snprintf(out->key_id, sizeof(out->key_id), "%s", pk->key->id);
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = tplc_store__product_version(store, maker, model, pk->version,
	                                    &pv, err);
	if (error == 0)
		error = record_bundle(store, "issued", pv, p->envelope, out,
		                      pk->by, err);
	if (error == 0)
		error = audit_bundle(store, pk->by, "docs.pack", out, err);
	/* the tar last, so that a failure to write it records nothing */
	if (error == 0)
		error = write_tar(pk, p, err);
	return tplc_store__import_end(store, error);
}

int tplc_store_docs_pack(struct tplc_store *store,
                         const struct tplc_docs_pack *pk,
                         struct tplc_docs_bundle *out, struct tplc_error *err)
{
	struct packing *p;
	size_t i;
	int error;

	memset(out, 0, sizeof(*out));
	p = tplx_calloc(1, sizeof(*p));
	if (p == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = pack(store, pk, p, out, err);
	for (i = 0; i < TPLC_DOCS_FILES_MAX; i++)
		tplx_free(p->data[i]);
	tplc_free_string(p->payload);
	tplc_free_string(p->envelope);
	tplx_free(p);
	if (error < 0) {
		tplc_docs_manifest_free(out->manifest);
		out->manifest = NULL;
	}
	return error;
}

/* ---- receiving ------------------------------------------------------------ */

/* Import file i (kind sbom, vex, notice, mds2) inside the transaction. */
static int import_file(struct tplc_store *store, const struct reading *r,
                       size_t i, const char *by, bool *imported)
{
	const struct tplc_docs_manifest *m = r->out->manifest;
	const struct tplc_docs_file *f = &m->files[i];
	char source[TPLC_ERROR_FILE_MAX];
	struct tplc_import_stats stats;
	struct tplc_notice_import notice;
	struct tplc_advisory *adv = NULL;
	struct tplc_sbom *sbom = NULL;
	int error = 0;

	*imported = false;
	if (r->data[i] == NULL)
		return 0;
	snprintf(source, sizeof(source), "%s: " TPLC_DOCS_FILES_DIR "%s",
	         r->source, f->name);
	memset(&stats, 0, sizeof(stats));
	if (strcmp(f->kind, "sbom") == 0) {
		error = tplc_sbom_parse(&sbom, r->data[i], r->len[i], source,
		                        r->err);
		if (error == 0)
			error = tplc_store_import_sbom(
			        store, sbom, source, m->manufacturer,
			        m->product, m->product_version, &stats, r->err);
		tplc_sbom_free(sbom);
	} else if (strcmp(f->kind, "vex") == 0) {
		error = strstr(r->data[i], "\"csaf_version\"") != NULL
		                ? tplc_csaf_parse(&adv, r->data[i], r->len[i],
		                                  source, r->err)
		                : tplc_vex_parse(&adv, r->data[i], r->len[i],
		                                 source, r->err);
		if (error == 0)
			error = tplc_store_import_advisory(store, adv, source,
			                                   &stats, r->err);
		tplc_advisory_free(adv);
	} else if (strcmp(f->kind, "notice") == 0) {
		error = tplc_store_notice_import(store, r->data[i], r->len[i],
		                                 source, by, &notice, r->err);
	} else {
		error = tplc_store_mds2_import(store, r->data[i], r->len[i],
		                               source, m->manufacturer,
		                               m->product, m->product_version,
		                               by, NULL, NULL, &stats, r->err);
	}
	*imported = error == 0;
	return error;
}

static int already_received(struct tplc_store *store, const char *id, bool *out,
                            struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *direction;
	int error, rc;

	*out = false;
	error = tplc_store__prepare(
	        store, &stmt, "SELECT direction FROM doc_bundles WHERE id = ?1",
	        err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		direction = tplc_store__column_text(stmt, 0);
		if (tplx_streq(direction, "received"))
			*out = true;
		else
			error = tplc_error_set(err, TPLC_EEXISTS,
			                       "bundle %.12s was issued by "
			                       "this store",
			                       id);
	} else if (rc != SQLITE_DONE) {
		error = tplc_store__fail(store, err, "cannot read bundles");
	}
	sqlite3_finalize(stmt);
	return error;
}

static int receive(struct tplc_store *store, struct reading *r, const char *by)
{
	struct tplc_docs_bundle *b = r->out;
	const struct tplc_docs_manifest *m = b->manifest;
	long long pv;
	size_t i;
	int error;

	error = already_received(store, b->id, &b->already, r->err);
	if (error < 0 || b->already)
		return error;
	error = tplc_store__import_begin(store, r->err);
	if (error < 0)
		return error;
	error = tplc_store__product_version(store, m->manufacturer, m->product,
	                                    m->product_version, &pv, r->err);
	for (i = 0; error == 0 && i < m->file_count; i++) {
		error = import_file(store, r, i, by, &b->imported[i]);
		if (b->imported[i])
			b->import_count++;
	}
	if (error == 0)
		error = record_bundle(store, "received", pv, r->envelope, b, by,
		                      r->err);
	if (error == 0)
		error = audit_bundle(store, by, "docs.receive", b, r->err);
	return tplc_store__import_end(store, error);
}

int tplc_store_docs_receive(struct tplc_store *store, const char *data,
                            size_t len, const char *source, const char *by,
                            struct tplc_docs_bundle *out,
                            struct tplc_error *err)
{
	struct reading *r;
	int error;

	memset(out, 0, sizeof(*out));
	r = tplx_calloc(1, sizeof(*r));
	if (r == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	r->store = store;
	r->source = source;
	r->err = err;
	r->out = out;
	r->keep = true;
	error = read_bundle(r, data, len);
	if (error == 0)
		error = receive(store, r, by);
	if (error < 0) {
		tplc_docs_manifest_free(out->manifest);
		out->manifest = NULL;
	}
	reading_free(r);
	tplx_free(r);
	return error;
}
