/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hash-chained audit log (tplc/audit.h).  An entry's hash is SHA-256
 * over a length-prefixed encoding of its fields and the hash before it,
 * so no two different entries encode alike.  audit_head keeps the last
 * entry's number and hash in the same transaction: cutting entries off the
 * end without also rewriting the head shows.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "internal.h"
#include "tplc/audit.h"
#include "util/buf.h"
#include "util/jsonb.h"

#define AUDIT_GENESIS \
	"0000000000000000000000000000000000000000000000000000000000000000"
/* Names the encoding, so that a later one can never be mistaken for it. */
#define AUDIT_DOMAIN "tplc-audit-1"

static void hash_field(crypto_hash_sha256_state *st, const char *s)
{
	char len[24];

	if (s == NULL) {
		crypto_hash_sha256_update(st, (const unsigned char *)"N,", 2);
		return;
	}
	snprintf(len, sizeof(len), "S%zu:", strlen(s));
	crypto_hash_sha256_update(st, (const unsigned char *)len, strlen(len));
	crypto_hash_sha256_update(st, (const unsigned char *)s, strlen(s));
	crypto_hash_sha256_update(st, (const unsigned char *)",", 1);
}

static void entry_hash(const struct tplc_audit_entry *e,
                       char out[TPLC_AUDIT_HASH_HEX])
{
	crypto_hash_sha256_state st;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char seq[24];

	snprintf(seq, sizeof(seq), "%lld", e->seq);
	crypto_hash_sha256_init(&st);
	hash_field(&st, AUDIT_DOMAIN);
	hash_field(&st, seq);
	hash_field(&st, e->at);
	hash_field(&st, e->actor);
	hash_field(&st, e->action);
	hash_field(&st, e->subject);
	hash_field(&st, e->detail);
	hash_field(&st, e->prev);
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(out, TPLC_AUDIT_HASH_HEX, digest, sizeof(digest));
}

static int detail_json(struct tplx_buf *b, const char *const *detail)
{
	int error = tplx_buf_addc(b, '{');

	for (; error == 0 && detail[0] != NULL; detail += 2)
		error = tplx_jsonb_member(b, detail[0], detail[1]);
	return error == 0 ? tplx_buf_addc(b, '}') : error;
}

static int read_head(struct tplc_store *store, long long *seq,
                     char hash[TPLC_AUDIT_HASH_HEX], struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error, rc;

	error = tplc_store__prepare(
	        store, &stmt, "SELECT seq, hash FROM audit_head WHERE id = 1",
	        err);
	if (error < 0)
		return error;
	*seq = 0;
	snprintf(hash, TPLC_AUDIT_HASH_HEX, "%s", AUDIT_GENESIS);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *h = tplc_store__column_text(stmt, 1);

		*seq = sqlite3_column_int64(stmt, 0);
		snprintf(hash, TPLC_AUDIT_HASH_HEX, "%s", h ? h : "");
	} else if (rc != SQLITE_DONE) {
		error = tplc_store__fail(store, err, "cannot read audit head");
	}
	sqlite3_finalize(stmt);
	return error;
}

static int append(struct tplc_store *store, const struct tplc_audit_entry *e,
                  struct tplc_error *err)
{
	static const char insert_sql[] =
	        "INSERT INTO audit_log(seq, at, actor, action, subject,"
	        " detail, prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char head_sql[] =
	        "INSERT INTO audit_head(id, seq, hash) VALUES (1, ?1, ?2)"
	        " ON CONFLICT(id) DO UPDATE SET seq = ?1, hash = ?2";
	sqlite3_stmt *stmt;
	int error;

	error = tplc_store__prepare(store, &stmt, insert_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, e->seq);
	tplc_store__bind_text(stmt, 2, e->at);
	tplc_store__bind_text(stmt, 3, e->actor);
	tplc_store__bind_text(stmt, 4, e->action);
	tplc_store__bind_text(stmt, 5, e->subject);
	tplc_store__bind_text(stmt, 6, e->detail);
	tplc_store__bind_text(stmt, 7, e->prev);
	tplc_store__bind_text(stmt, 8, e->hash);
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot append to "
	                              "the audit log");
	sqlite3_finalize(stmt);
	if (error < 0)
		return error;
	error = tplc_store__prepare(store, &stmt, head_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, e->seq);
	tplc_store__bind_text(stmt, 2, e->hash);
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot move the audit head");
	sqlite3_finalize(stmt);
	return error;
}

static int field_check(const char *what, const char *value,
                       struct tplc_error *err)
{
	if (value == NULL || *value == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "audit entry without %s", what);
	if (strlen(value) >= TPLC_AUDIT_FIELD_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "audit entry's %s longer than %d bytes",
		                      what, TPLC_AUDIT_FIELD_MAX - 1);
	return 0;
}

int tplc_store__audit(struct tplc_store *store, const char *actor,
                      const char *action, const char *subject,
                      const char *const *detail, struct tplc_error *err)
{
	struct tplx_buf json = TPLX_BUF_INIT(TPLC_AUDIT_DETAIL_MAX);
	char prev[TPLC_AUDIT_HASH_HEX], hash[TPLC_AUDIT_HASH_HEX];
	struct tplc_audit_entry e = { 0 };
	long long seq;
	int error;

	e.actor = actor != NULL && *actor != '\0' ? actor
	                                          : tplc_ctx_actor(store->ctx);
	error = field_check("an actor", e.actor, err);
	if (error == 0)
		error = field_check("an action", action, err);
	if (error == 0)
		error = field_check("a subject", subject, err);
	if (error == 0 && detail != NULL) {
		error = detail_json(&json, detail);
		if (error < 0)
			error = tplc_error_set(err, error,
			                       "audit detail too long (%zu "
			                       "bytes at most)",
			                       TPLC_AUDIT_DETAIL_MAX);
	}
	if (error < 0)
		goto out;
	/* Our own savepoint: reading the head and writing after it must be
	 * one step even when the caller holds no transaction. */
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		goto out;
	error = read_head(store, &seq, prev, err);
	if (error == 0) {
		e.seq = seq + 1;
		e.at = tplc_ctx_now(store->ctx);
		e.action = action;
		e.subject = subject;
		e.detail = detail != NULL ? json.ptr : NULL;
		e.prev = prev;
		entry_hash(&e, hash);
		e.hash = hash;
		error = append(store, &e, err);
	}
	error = tplc_store__import_end(store, error);
out:
	tplx_buf_release(&json);
	return error;
}

/* ---- reading and verifying ---------------------------------------------- */

static void read_entry(sqlite3_stmt *stmt, struct tplc_audit_entry *e)
{
	e->seq = sqlite3_column_int64(stmt, 0);
	e->at = tplc_store__column_text(stmt, 1);
	e->actor = tplc_store__column_text(stmt, 2);
	e->action = tplc_store__column_text(stmt, 3);
	e->subject = tplc_store__column_text(stmt, 4);
	e->detail = tplc_store__column_text(stmt, 5);
	e->prev = tplc_store__column_text(stmt, 6);
	e->hash = tplc_store__column_text(stmt, 7);
}

int tplc_store_audit_each(struct tplc_store *store, long long from,
                          tplc_audit_cb cb, void *data, struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	struct tplc_audit_entry e;
	int error, rc;

	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT seq, at, actor, action, subject, detail, prev, hash"
	        " FROM audit_log WHERE seq >= ?1 ORDER BY seq",
	        err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, from);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_entry(stmt, &e);
		error = cb(&e, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err,
		                         "cannot read the audit log");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_audit_head(struct tplc_store *store, long long *seq,
                          char hash[TPLC_AUDIT_HASH_HEX],
                          struct tplc_error *err)
{
	return read_head(store, seq, hash, err);
}

struct verify {
	struct tplc_audit_verdict *out;
	char prev[TPLC_AUDIT_HASH_HEX];
	long long anchor_seq;
	const char *anchor_hash;
	bool anchor_seen;
};

static int broken(struct verify *v, long long seq, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static int broken(struct verify *v, long long seq, const char *fmt, ...)
{
	va_list ap;

	v->out->ok = false;
	v->out->bad_seq = seq;
	va_start(ap, fmt);
	vsnprintf(v->out->reason, sizeof(v->out->reason), fmt, ap);
	va_end(ap);
	return 1; /* stop the walk: the rest cannot be trusted */
}

static int verify_entry(const struct tplc_audit_entry *e, void *data)
{
	struct verify *v = data;
	struct tplc_audit_entry copy = *e;
	char hash[TPLC_AUDIT_HASH_HEX];
	long long expected = v->out->entries + 1;

	v->out->entries++;
	if (e->seq != expected)
		return broken(v, expected,
		              "entry %lld is missing (entries removed or "
		              "renumbered)",
		              expected);
	if (e->prev == NULL || strcmp(e->prev, v->prev) != 0)
		return broken(v, e->seq,
		              "entry %lld does not follow the one before "
		              "(removed, inserted or reordered)",
		              e->seq);
	copy.prev = v->prev;
	entry_hash(&copy, hash);
	if (e->hash == NULL || strcmp(e->hash, hash) != 0)
		return broken(v, e->seq,
		              "entry %lld was changed (its hash does not match "
		              "its contents)",
		              e->seq);
	if (e->seq == v->anchor_seq) {
		v->anchor_seen = true;
		if (strcmp(hash, v->anchor_hash) != 0)
			return broken(v, e->seq,
			              "entry %lld is not the one the anchor "
			              "names (the log was rewritten)",
			              e->seq);
	}
	memcpy(v->prev, hash, TPLC_AUDIT_HASH_HEX);
	return 0;
}

static int parse_anchor(const char *anchor, long long *seq, const char **hash,
                        struct tplc_error *err)
{
	const char *colon = strchr(anchor, ':');
	char *end;

	if (colon != NULL) {
		*seq = strtoll(anchor, &end, 10);
		*hash = colon + 1;
		if (end == colon && *seq > 0 &&
		    strlen(*hash) == TPLC_AUDIT_HASH_HEX - 1 &&
		    strspn(*hash, "0123456789abcdef") == strlen(*hash))
			return 0;
	}
	return tplc_error_set(err, TPLC_EINVAL,
	                      "anchor '%s' is not SEQ:HASH as `tplc audit "
	                      "head` prints it",
	                      anchor);
}

int tplc_store_audit_verify(struct tplc_store *store, const char *anchor,
                            struct tplc_audit_verdict *out,
                            struct tplc_error *err)
{
	struct verify v = { 0 };
	char head_hash[TPLC_AUDIT_HASH_HEX];
	long long head_seq;
	int error;

	memset(out, 0, sizeof(*out));
	out->ok = true;
	v.out = out;
	v.anchor_hash = "";
	memcpy(v.prev, AUDIT_GENESIS, TPLC_AUDIT_HASH_HEX);
	if (anchor != NULL) {
		error = parse_anchor(anchor, &v.anchor_seq, &v.anchor_hash,
		                     err);
		if (error < 0)
			return error;
	}
	error = read_head(store, &head_seq, head_hash, err);
	if (error < 0)
		return error;
	error = tplc_store_audit_each(store, 1, verify_entry, &v, err);
	if (error < 0)
		return error;
	if (!out->ok)
		return 0;
	if (head_seq > out->entries)
		broken(&v, out->entries + 1,
		       "the log ends at entry %lld but its head says more "
		       "(entries cut off the end)",
		       out->entries);
	else if (head_seq != out->entries || strcmp(head_hash, v.prev) != 0)
		broken(&v, head_seq + 1,
		       "the head names entry %lld, not the last one (entries "
		       "added or the head rewritten)",
		       head_seq);
	else if (anchor != NULL && !v.anchor_seen)
		broken(&v, v.anchor_seq,
		       "entry %lld, which the anchor names, is gone",
		       v.anchor_seq);
	return 0;
}
