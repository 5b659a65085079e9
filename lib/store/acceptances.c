/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Risk acceptance (tplc/accept.h, schema v5): the governance body, the
 * requests and their votes, and the sweep that expires them.  Findings
 * are covered by their triage key (triage.h), so an acceptance outlives
 * the findings rows a rescan replaces.
 */
#include <stdio.h>
#include <string.h>

#include "tplc/accept.h"
#include "tplc/review.h"
#include "triage.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/str.h"

/* Room for "acceptance <id>". */
#define SUBJECT_MAX 48

static int check_name(const char *name, const char *what,
                      struct tplc_error *err)
{
	if (name == NULL || tplx_is_blank(name))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who %s (--by NAME)", what);
	if (strlen(name) > TPLC_ACCEPT_NAME_MAX)
		return tplc_error_set(err, TPLC_ELIMIT, "a name over %d bytes",
		                      TPLC_ACCEPT_NAME_MAX);
	return 0;
}

static int check_text(const char *text, const char *what,
                      struct tplc_error *err)
{
	if (text && strlen(text) > TPLC_ACCEPT_TEXT_MAX)
		return tplc_error_set(err, TPLC_ELIMIT, "%s over %d bytes",
		                      what, TPLC_ACCEPT_TEXT_MAX);
	return 0;
}

/* One row's first column as a long long; *found false when no row. */
static int query_int(struct tplc_store *store, const char *sql, long long bind,
                     const char *text, long long *out, bool *found,
                     struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error, rc;

	*out = 0;
	*found = false;
	error = tplc_store__prepare(store, &stmt, sql, err);
	if (error < 0)
		return error;
	/* bind only the parameters the statement has */
	if (sqlite3_bind_parameter_count(stmt) >= 1)
		sqlite3_bind_int64(stmt, 1, bind);
	if (sqlite3_bind_parameter_count(stmt) >= 2)
		tplc_store__bind_text(stmt, 2, text);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(stmt, 0);
		*found = true;
	} else if (rc != SQLITE_DONE) {
		error = tplc_store__fail(store, err, "cannot read acceptances");
	}
	sqlite3_finalize(stmt);
	return error;
}

/* ---- the governance body ---------------------------------------------------- */

static const char quorum_sql[] =
        "SELECT CAST(value AS INTEGER) FROM governance_settings"
        " WHERE name = 'quorum'";
static const char approvers_count_sql[] =
        "SELECT count(*) FROM governance_approvers";

static int body_numbers(struct tplc_store *store, long *quorum, long *count,
                        struct tplc_error *err)
{
	long long q = 0, c = 0;
	bool found;
	int error;

	error = query_int(store, quorum_sql, 0, NULL, &q, &found, err);
	if (error == 0)
		error = query_int(store, approvers_count_sql, 0, NULL, &c,
		                  &found, err);
	if (error < 0)
		return error;
	*quorum = (long)q;
	*count = (long)c;
	return 0;
}

/* Split "A, B,C" in place into names; refuse empty and repeated ones. */
static int split_names(char *list, char **names, size_t *count,
                       struct tplc_error *err)
{
	char *p = list;

	*count = 0;
	for (;;) {
		char *comma = strchr(p, ',');
		char *name;

		if (comma)
			*comma = '\0';
		name = tplx_trim(p);
		if (*name == '\0')
			return tplc_error_set(err, TPLC_EINVAL,
			                      "an empty approver name");
		if (strlen(name) > TPLC_ACCEPT_NAME_MAX)
			return tplc_error_set(err, TPLC_ELIMIT,
			                      "an approver name over %d bytes",
			                      TPLC_ACCEPT_NAME_MAX);
		for (size_t i = 0; i < *count; i++)
			if (tplx_strcaseeq(names[i], name))
				return tplc_error_set(err, TPLC_EINVAL,
				                      "approver %s named twice",
				                      name);
		if (*count == TPLC_ACCEPT_APPROVERS_MAX)
			return tplc_error_set(err, TPLC_ELIMIT,
			                      "more than %d approvers",
			                      TPLC_ACCEPT_APPROVERS_MAX);
		names[(*count)++] = name;
		if (comma == NULL)
			return 0;
		p = comma + 1;
	}
}

static int replace_approvers(struct tplc_store *store, char **names,
                             size_t count, const char *by,
                             struct tplc_error *err)
{
	sqlite3_stmt *ins = NULL;
	const char *now = tplc_ctx_now(store->ctx);
	int error;

	error = tplc_store__exec(store, "DELETE FROM governance_approvers",
	                         err);
	if (error == 0)
		error = tplc_store__prepare(
		        store, &ins,
		        "INSERT INTO governance_approvers(name, added_by,"
		        " added_at) VALUES (?1, ?2, ?3)",
		        err);
	for (size_t i = 0; error == 0 && i < count; i++) {
		tplc_store__bind_text(ins, 1, names[i]);
		tplc_store__bind_text(ins, 2, by);
		tplc_store__bind_text(ins, 3, now);
		error = tplc_store__step_done(store, ins, err,
		                              "cannot add an approver");
	}
	sqlite3_finalize(ins);
	return error;
}

static int set_quorum(struct tplc_store *store, long quorum, const char *by,
                      struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	char value[24];
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT OR REPLACE INTO governance_settings(name, value,"
	        " set_by, set_at) VALUES ('quorum', ?1, ?2, ?3)",
	        err);
	if (error < 0)
		return error;
	snprintf(value, sizeof(value), "%ld", quorum);
	tplc_store__bind_text(stmt, 1, value);
	tplc_store__bind_text(stmt, 2, by);
	tplc_store__bind_text(stmt, 3, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot set the quorum");
	sqlite3_finalize(stmt);
	return error;
}

static int audit_body(struct tplc_store *store, const char *by, long quorum,
                      struct tplc_error *err)
{
	struct tplx_buf list = TPLX_BUF_INIT(TPLC_ACCEPT_APPROVERS_MAX *
	                                     (TPLC_ACCEPT_NAME_MAX + 1));
	sqlite3_stmt *stmt;
	char q[24];
	int error, rc;

	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT name FROM governance_approvers ORDER BY name", err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && error == 0) {
		if (list.len > 0)
			error = tplx_buf_addc(&list, ',');
		if (error == 0)
			error = tplx_buf_adds(&list,
			                      tplc_store__column_text(stmt, 0));
	}
	if (error < 0)
		error = tplc_error_set(err, error, "out of memory");
	else if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err,
		                         "cannot read the approvers");
	sqlite3_finalize(stmt);
	snprintf(q, sizeof(q), "%ld", quorum);
	if (error == 0) {
		const char *d[] = { "approvers", tplx_buf_str(&list), "quorum",
			            q, NULL };

		error = tplc_store__audit(store, by, "governance.set",
		                          "governance body", d, err);
	}
	tplx_buf_release(&list);
	return error;
}

int tplc_store_accept_body_set(struct tplc_store *store, const char *approvers,
                               long quorum, const char *by,
                               struct tplc_error *err)
{
	char *names[TPLC_ACCEPT_APPROVERS_MAX];
	char *copy = NULL;
	size_t count = 0;
	long q, m;
	int error;

	error = check_name(by, "sets the body", err);
	if (error < 0)
		return error;
	if (approvers == NULL && quorum == 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "give --approvers, --quorum or both");
	if (quorum < 0 || quorum > TPLC_ACCEPT_APPROVERS_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "quorum %ld: between 1 and the number of "
		                      "approvers",
		                      quorum);
	if (approvers) {
		copy = tplx_strdup(approvers);
		if (copy == NULL)
			return tplc_error_set(err, TPLC_ENOMEM,
			                      "out of memory");
		error = split_names(copy, names, &count, err);
		if (error < 0)
			goto out;
	}
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		goto out;
	if (approvers)
		error = replace_approvers(store, names, count, by, err);
	if (error == 0 && quorum > 0)
		error = set_quorum(store, quorum, by, err);
	if (error == 0)
		error = body_numbers(store, &q, &m, err);
	if (error == 0 && (q < 1 || q > m))
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "quorum %ld: between 1 and the number "
		                       "of approvers (%ld)",
		                       q, m);
	if (error == 0)
		error = audit_body(store, by, q, err);
	error = tplc_store__import_end(store, error);
out:
	tplx_free(copy);
	return error;
}

int tplc_store_accept_body(struct tplc_store *store, long *quorum,
                           tplc_accept_approver_cb cb, void *data,
                           struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	long count;
	int error, rc;

	error = body_numbers(store, quorum, &count, err);
	if (error < 0)
		return error;
	error = tplc_store__prepare(store, &stmt,
	                            "SELECT name, added_by, added_at FROM"
	                            " governance_approvers ORDER BY name",
	                            err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		error = cb(tplc_store__column_text(stmt, 0),
		           tplc_store__column_text(stmt, 1),
		           tplc_store__column_text(stmt, 2), data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read the body");
	sqlite3_finalize(stmt);
	return error;
}

/* ---- requests ---------------------------------------------------------------- */

struct ids {
	long long *items;
	size_t count, cap;
};

static int ids_add(struct ids *ids, long long id, struct tplc_error *err)
{
	if (ids->count == TPLC_ACCEPT_FINDINGS_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "more than %d findings in one acceptance",
		                      TPLC_ACCEPT_FINDINGS_MAX);
	if (ids->count == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 32;
		long long *grown =
		        tplx_reallocarray(ids->items, cap, sizeof(*grown));

		if (grown == NULL)
			return tplc_error_set(err, TPLC_ENOMEM,
			                      "out of memory");
		ids->items = grown;
		ids->cap = cap;
	}
	ids->items[ids->count++] = id;
	return 0;
}

/* A device's findings that nothing has closed: no VEX not_affected or
 * fixed, and no newest triage decision (its own or its product
 * version's) of not-affected or resolved. */
static const char open_sql[] =
        "SELECT f.id FROM findings f"
        " LEFT JOIN components c ON c.id = f.component_id"
        " WHERE f.product_version_id = ?1"
        " AND COALESCE(f.vex_status, '') NOT IN ('not_affected', 'fixed')"
        " AND COALESCE((SELECT t.state FROM finding_triage t"
        "  WHERE t.product_version_id = f.product_version_id"
        "  AND t.component = " TRIAGE_COMPONENT_KEY
        "  AND t.vuln_id = f.vuln_id"
        "  AND (t.device_id IS NULL OR t.device_id = ?2)"
        "  ORDER BY t.id DESC LIMIT 1), '')"
        "  NOT IN ('not-affected', 'resolved')"
        " ORDER BY f.id";

static int device_findings(struct tplc_store *store, const char *tag,
                           long long *device_id, struct ids *ids,
                           struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	long long pv = 0;
	size_t devices = 0;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT id, product_version_id FROM devices"
	                            " WHERE asset_tag = ?1",
	                            err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, tag);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*device_id = sqlite3_column_int64(stmt, 0);
		pv = sqlite3_column_int64(stmt, 1);
		devices++;
	}
	if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read devices");
	sqlite3_finalize(stmt);
	if (error < 0)
		return error;
	if (devices == 0)
		return tplc_error_set(err, TPLC_ENOTFOUND, "no device %s", tag);
	if (devices > 1)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%zu devices have asset tag '%s'",
		                      devices, tag);
	error = tplc_store__prepare(store, &stmt, open_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, pv);
	sqlite3_bind_int64(stmt, 2, *device_id);
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		error = ids_add(ids, sqlite3_column_int64(stmt, 0), err);
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read findings");
	sqlite3_finalize(stmt);
	if (error == 0 && ids->count == 0)
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "device %s has no open finding", tag);
	return error;
}

static int check_request(const struct tplc_accept_request *r,
                         struct tplc_store *store, struct tplc_error *err)
{
	int error = check_name(r->by, "requests it", err);

	if (error < 0)
		return error;
	if ((r->asset_tag == NULL) == (r->finding_count == 0))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "name findings or one device");
	if (r->finding_count > TPLC_ACCEPT_FINDINGS_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "more than %d findings in one acceptance",
		                      TPLC_ACCEPT_FINDINGS_MAX);
	if (r->controls == 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "name at least one compensating control");
	if (tplc_accept_residual_name(r->residual)[0] == '?')
		return tplc_error_set(err, TPLC_EINVAL, "no residual risk");
	if (r->justification == NULL || tplx_is_blank(r->justification))
		return tplc_error_set(err, TPLC_EINVAL, "give a justification");
	error = check_text(r->justification, "the justification", err);
	if (error < 0)
		return error;
	/* the 12-month limit now; the KEV one once the keys are known */
	return tplc_accept_expiry_check(r->expires, tplc_ctx_today(store->ctx),
	                                false, err);
}

static const char acceptance_sql[] =
        "INSERT INTO acceptances(device_id, controls, residual,"
        " justification, expires, kev, quorum, status, requested_by,"
        " requested_at) VALUES (NULLIF(?1, 0), ?2, ?3, ?4, ?5, 0, ?6,"
        " 'pending', ?7, ?8)";
static const char covered_sql[] =
        "INSERT OR IGNORE INTO acceptance_findings(acceptance_id,"
        " product_version_id, component, vuln_id) VALUES (?1, ?2, ?3, ?4)";

static int insert_acceptance(struct tplc_store *store,
                             const struct tplc_accept_request *r,
                             long long device_id, long quorum, long long *id,
                             struct tplc_error *err)
{
	char controls[256];
	sqlite3_stmt *stmt;
	int error;

	tplc_review_controls_format(r->controls, controls, sizeof(controls));
	error = tplc_store__prepare(store, &stmt, acceptance_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, device_id);
	tplc_store__bind_text(stmt, 2, controls);
	tplc_store__bind_text(stmt, 3, tplc_accept_residual_name(r->residual));
	tplc_store__bind_text(stmt, 4, r->justification);
	tplc_store__bind_text(stmt, 5, r->expires);
	sqlite3_bind_int64(stmt, 6, quorum);
	tplc_store__bind_text(stmt, 7, r->by);
	tplc_store__bind_text(stmt, 8, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record the acceptance");
	sqlite3_finalize(stmt);
	*id = sqlite3_last_insert_rowid(store->db);
	return error;
}

/* Cover each finding's key; count the keys and whether any is KEV. */
static int cover(struct tplc_store *store, long long id, const struct ids *ids,
                 struct tplc_accept_requested *out, struct tplc_error *err)
{
	struct triage_key *key;
	sqlite3_stmt *stmt;
	int error;

	key = tplx_malloc(sizeof(*key));
	if (key == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = tplc_store__prepare(store, &stmt, covered_sql, err);
	for (size_t i = 0; error == 0 && i < ids->count; i++) {
		error = tplc_store__finding_key(store, ids->items[i], key, err);
		if (error < 0)
			break;
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, key->product_version_id);
		tplc_store__bind_text(stmt, 3, key->component);
		tplc_store__bind_text(stmt, 4, key->vuln_id);
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot record a finding");
		if (error == 0 && sqlite3_changes(store->db) > 0) {
			out->findings++;
			out->kev = out->kev || key->kev;
		}
	}
	sqlite3_finalize(stmt);
	tplx_free(key);
	return error;
}

static int mark_kev(struct tplc_store *store, long long id,
                    struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error;

	error = tplc_store__prepare(
	        store, &stmt, "UPDATE acceptances SET kev = 1 WHERE id = ?1",
	        err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record the acceptance");
	sqlite3_finalize(stmt);
	return error;
}

static int audit_request(struct tplc_store *store,
                         const struct tplc_accept_request *r,
                         const struct tplc_accept_requested *out,
                         struct tplc_error *err)
{
	char subject[SUBJECT_MAX], findings[24], controls[256];
	const char *d[] = { "findings", findings,
		            "expires",  r->expires,
		            "residual", tplc_accept_residual_name(r->residual),
		            "controls", controls,
		            "kev",      out->kev ? "yes" : "no",
		            "device",   r->asset_tag,
		            NULL };

	snprintf(subject, sizeof(subject), "acceptance %lld", out->id);
	snprintf(findings, sizeof(findings), "%zu", out->findings);
	tplc_review_controls_format(r->controls, controls, sizeof(controls));
	return tplc_store__audit(store, r->by, "accept.request", subject, d,
	                         err);
}

int tplc_store_accept_request(struct tplc_store *store,
                              const struct tplc_accept_request *r,
                              struct tplc_accept_requested *out,
                              struct tplc_error *err)
{
	struct ids ids = { NULL, 0, 0 };
	long long device_id = 0;
	long approvers = 0;
	int error;

	memset(out, 0, sizeof(*out));
	error = check_request(r, store, err);
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = body_numbers(store, &out->quorum, &approvers, err);
	if (error == 0 && (out->quorum < 1 || approvers < out->quorum))
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "no governance body: tplc accept body "
		                       "--approvers A,B,C --quorum N");
	if (error == 0 && r->asset_tag)
		error = device_findings(store, r->asset_tag, &device_id, &ids,
		                        err);
	for (size_t i = 0; error == 0 && i < r->finding_count; i++)
		error = ids_add(&ids, r->findings[i], err);
	if (error == 0)
		error = insert_acceptance(store, r, device_id, out->quorum,
		                          &out->id, err);
	if (error == 0)
		error = cover(store, out->id, &ids, out, err);
	if (error == 0 && out->kev)
		error = tplc_accept_expiry_check(
		        r->expires, tplc_ctx_today(store->ctx), true, err);
	if (error == 0 && out->kev)
		error = mark_kev(store, out->id, err);
	if (error == 0)
		error = audit_request(store, r, out, err);
	tplx_free(ids.items);
	return tplc_store__import_end(store, error);
}

/* ---- votes ------------------------------------------------------------------- */

struct pending {
	char status[16];
	char requested_by[TPLC_ACCEPT_NAME_MAX + 1];
	long quorum;
};

static int read_pending(struct tplc_store *store, long long id,
                        struct pending *p, struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT status, requested_by, quorum FROM"
	                            " acceptances WHERE id = ?1",
	                            err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		snprintf(p->status, sizeof(p->status), "%s",
		         tplc_store__column_text(stmt, 0));
		snprintf(p->requested_by, sizeof(p->requested_by), "%s",
		         tplc_store__column_text(stmt, 1));
		p->quorum = (long)sqlite3_column_int64(stmt, 2);
	} else if (rc == SQLITE_DONE) {
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "no acceptance %lld", id);
	} else {
		error = tplc_store__fail(store, err,
		                         "cannot read the acceptance");
	}
	sqlite3_finalize(stmt);
	return error;
}

/* The refusals, in the order a person would want to hear them. */
static int may_vote(struct tplc_store *store, long long id,
                    const struct pending *p, const char *approver,
                    const char *verb, struct tplc_error *err)
{
	long long n;
	bool found;
	int error;

	if (strcmp(p->status, "pending") != 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "acceptance %lld is %s, not pending", id,
		                      p->status);
	if (tplx_strcaseeq(p->requested_by, approver))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "the requester cannot %s their own "
		                      "request",
		                      verb);
	error = query_int(store,
	                  "SELECT 1 FROM governance_approvers"
	                  " WHERE name = ?2",
	                  0, approver, &n, &found, err);
	if (error == 0 && !found)
		error = tplc_error_set(
		        err, TPLC_EINVAL,
		        "%s is not an approver of the governance "
		        "body",
		        approver);
	if (error == 0)
		error = query_int(store,
		                  "SELECT 1 FROM acceptance_votes WHERE"
		                  " acceptance_id = ?1 AND approver = ?2",
		                  id, approver, &n, &found, err);
	if (error == 0 && found)
		error = tplc_error_set(
		        err, TPLC_EINVAL,
		        "%s has already voted on acceptance %lld", approver,
		        id);
	return error;
}

static int record_vote(struct tplc_store *store, long long id,
                       const char *approver, bool approve, const char *comment,
                       struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO acceptance_votes(acceptance_id,"
	        " approver, vote, comment, at)"
	        " VALUES (?1, ?2, ?3, ?4, ?5)",
	        err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	tplc_store__bind_text(stmt, 2, approver);
	tplc_store__bind_text(stmt, 3, approve ? "approve" : "reject");
	tplc_store__bind_text(stmt, 4, comment);
	tplc_store__bind_text(stmt, 5, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record the vote");
	sqlite3_finalize(stmt);
	return error;
}

/* Count the votes and decide; the status changes only when decided. */
static int tally(struct tplc_store *store, long long id,
                 struct tplc_accept_vote_result *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error, rc;

	error = tplc_store__prepare(store, &stmt,
	                            "SELECT count(*) FILTER (WHERE vote ="
	                            " 'approve'), count(*) FILTER (WHERE vote"
	                            " = 'reject') FROM acceptance_votes"
	                            " WHERE acceptance_id = ?1",
	                            err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		out->approvals = (size_t)sqlite3_column_int64(stmt, 0);
		out->rejections = (size_t)sqlite3_column_int64(stmt, 1);
	} else {
		error = tplc_store__fail(store, err, "cannot count the votes");
	}
	sqlite3_finalize(stmt);
	if (error < 0)
		return error;
	out->status = tplc_accept_tally(out->approvals, out->rejections,
	                                (size_t)out->quorum);
	if (out->status == TPLC_ACCEPT_PENDING)
		return 0;
	error = tplc_store__prepare(store, &stmt,
	                            "UPDATE acceptances SET status = ?2,"
	                            " decided_at = ?3 WHERE id = ?1",
	                            err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	tplc_store__bind_text(stmt, 2, tplc_accept_status_name(out->status));
	tplc_store__bind_text(stmt, 3, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot decide the acceptance");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_accept_vote(struct tplc_store *store, long long id,
                           const char *approver, bool approve,
                           const char *comment,
                           struct tplc_accept_vote_result *out,
                           struct tplc_error *err)
{
	char subject[SUBJECT_MAX];
	struct pending p;
	int error;

	memset(out, 0, sizeof(*out));
	error = check_name(approver, approve ? "approves" : "rejects", err);
	if (error == 0)
		error = check_text(comment, "the comment", err);
	if (error == 0 && !approve &&
	    (comment == NULL || tplx_is_blank(comment)))
		error = tplc_error_set(err, TPLC_EINVAL,
		                       "say why it is rejected (--comment)");
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = read_pending(store, id, &p, err);
	if (error == 0)
		error = may_vote(store, id, &p, approver,
		                 approve ? "approve" : "reject", err);
	if (error == 0)
		error = record_vote(store, id, approver, approve, comment, err);
	if (error == 0) {
		out->quorum = p.quorum;
		error = tally(store, id, out, err);
	}
	if (error == 0) {
		const char *d[] = { "status",
			            tplc_accept_status_name(out->status),
			            "comment", comment, NULL };

		snprintf(subject, sizeof(subject), "acceptance %lld", id);
		error = tplc_store__audit(store, approver,
		                          approve ? "accept.approve"
		                                  : "accept.reject",
		                          subject, d, err);
	}
	return tplc_store__import_end(store, error);
}
