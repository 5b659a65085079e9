/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Human decisions on findings (tplc/triage.h): appended to finding_triage
 * under the finding's triage key (triage.h), each bound to the component's
 * version and the VEX statement in force when it was made, so that a
 * rescan keeps it and a change under it reopens it.
 */
#include <stdio.h>
#include <string.h>

#include "formats/vex.h"
#include "tplc/triage.h"
#include "triage.h"
#include "util/alloc.h"

/* The limits of what a person writes into a decision. */
#define TRIAGE_REASON_MAX 4096
#define TRIAGE_NAME_MAX   256
#define TRIAGE_IDS_MAX    10000

/* The VEX statement on a finding f (advisories x its source), in words:
 * "not_affected/code_not_reachable by csaf ICSA-24-123-01"; NULL: none. */
#define TRIAGE_VEX                                                   \
	"CASE WHEN f.vex_status IS NULL THEN NULL ELSE f.vex_status" \
	" || COALESCE('/' || f.vex_justification, '')"               \
	" || COALESCE(' by ' || x.source || ' ' || x.ref, '') END"

/* The finding of a key as it is now: one that still matches what the
 * decision was bound to (?4 version, ?5 VEX) when any does. */
static const char now_sql[] =
        "SELECT f.id, c.name, CASE WHEN c.id IS NULL THEN NULL"
        " ELSE COALESCE(c.version, '') END, " TRIAGE_VEX " FROM findings f"
        " LEFT JOIN components c ON c.id = f.component_id"
        " LEFT JOIN advisories x ON x.id = f.vex_advisory_id"
        " WHERE f.product_version_id = ?1 AND " TRIAGE_COMPONENT_KEY
        " = ?2 AND f.vuln_id = ?3"
        " ORDER BY (CASE WHEN c.id IS NULL THEN NULL"
        " ELSE COALESCE(c.version, '') END IS ?4) DESC,"
        " (" TRIAGE_VEX " IS ?5) DESC, f.id LIMIT 1";

struct finding_now {
	long long id; /* 0: the key has no finding now */
	char component[TRIAGE_COMPONENT_MAX];
	char version[TRIAGE_COMPONENT_MAX];
	char vex[TRIAGE_COMPONENT_MAX];
	bool has_version, has_vex;
};

static void copy_text(char *dst, size_t size, const char *src, bool *present)
{
	snprintf(dst, size, "%s", src ? src : "");
	if (present)
		*present = src != NULL;
}

static int finding_now(struct tplc_store *store, long long pv,
                       const char *component, const char *vuln,
                       const char *bound_version, const char *bound_vex,
                       struct finding_now *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int error, rc;

	memset(out, 0, sizeof(*out));
	error = tplc_store__prepare(store, &stmt, now_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, pv);
	tplc_store__bind_text(stmt, 2, component);
	tplc_store__bind_text(stmt, 3, vuln);
	tplc_store__bind_text(stmt, 4, bound_version);
	tplc_store__bind_text(stmt, 5, bound_vex);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(stmt, 0);
		copy_text(out->component, sizeof(out->component),
		          tplc_store__column_text(stmt, 1), NULL);
		copy_text(out->version, sizeof(out->version),
		          tplc_store__column_text(stmt, 2), &out->has_version);
		copy_text(out->vex, sizeof(out->vex),
		          tplc_store__column_text(stmt, 3), &out->has_vex);
	} else if (rc != SQLITE_DONE) {
		error = tplc_store__fail(store, err, "cannot read a finding");
	}
	sqlite3_finalize(stmt);
	return error;
}

static int append(struct tplc_store *store, const struct triage_key *key,
                  long long device_id, const char *state,
                  const char *justification, const char *reason,
                  const char *actor, const char *action, struct tplc_error *err)
{
	static const char sql[] =
	        "INSERT INTO finding_triage(product_version_id, device_id,"
	        " component, vuln_id, state, justification, reason,"
	        " bound_version, bound_vex, decided_by, decided_at)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	struct finding_now now;
	sqlite3_stmt *stmt;
	char subject[TRIAGE_VULN_MAX + 16], device[24];
	const char *by = actor && actor[0] ? actor : tplc_ctx_actor(store->ctx);
	int error;

	error = finding_now(store, key->product_version_id, key->component,
	                    key->vuln_id, NULL, NULL, &now, err);
	if (error < 0)
		return error;
	error = tplc_store__prepare(store, &stmt, sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, key->product_version_id);
	if (device_id > 0)
		sqlite3_bind_int64(stmt, 2, device_id);
	tplc_store__bind_text(stmt, 3, key->component);
	tplc_store__bind_text(stmt, 4, key->vuln_id);
	tplc_store__bind_text(stmt, 5, state);
	tplc_store__bind_text(stmt, 6, justification);
	tplc_store__bind_text(stmt, 7, reason);
	/* bound to the version always (when there is a component) and to
	 * the VEX statement in force (when there is one) */
	if (key->component[0])
		tplc_store__bind_text(stmt, 8,
		                      now.id ? now.version : key->version);
	tplc_store__bind_text(stmt, 9, now.has_vex ? now.vex : NULL);
	tplc_store__bind_text(stmt, 10, by);
	tplc_store__bind_text(stmt, 11, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record a decision");
	sqlite3_finalize(stmt);
	if (error < 0)
		return error;
	if (now.id)
		snprintf(subject, sizeof(subject), "finding %lld", now.id);
	else
		snprintf(subject, sizeof(subject), "finding of %s",
		         key->vuln_id);
	snprintf(device, sizeof(device), "%lld", device_id);
	{
		const char *d[] = {
			"component",
			key->component,
			"vulnerability",
			key->vuln_id,
			"state",
			state,
			"justification",
			justification,
			"reason",
			reason,
			"device",
			device_id > 0 ? device : NULL,
			NULL,
		};
		return tplc_store__audit(store, by, action, subject, d, err);
	}
}

int tplc_store__triage_append(struct tplc_store *store,
                              const struct triage_key *key, long long device_id,
                              const char *state, const char *justification,
                              const char *reason, const char *actor,
                              struct tplc_error *err)
{
	return append(store, key, device_id, state, justification, reason,
	              actor, "finding.state", err);
}

int tplc_store__triage_reopen(struct tplc_store *store,
                              const struct triage_key *key, long long device_id,
                              const char *reason, struct tplc_error *err)
{
	return append(store, key, device_id, "in-triage", NULL, reason, "tplc",
	              "finding.reopen", err);
}

/* ---- deciding ------------------------------------------------------------ */

static int device_of(struct tplc_store *store, const char *asset_tag,
                     long long pv, long long *out, struct tplc_error *err)
{
	sqlite3_stmt *stmt;
	int rc, error = tplc_store__prepare(
	                store, &stmt,
	                "SELECT id FROM devices WHERE asset_tag = ?1"
	                " AND product_version_id = ?2 ORDER BY id LIMIT 1",
	                err);

	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, asset_tag);
	sqlite3_bind_int64(stmt, 2, pv);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE)
		error = tplc_error_set(err, TPLC_ENOTFOUND,
		                       "no device %s runs that finding's "
		                       "product version",
		                       asset_tag);
	else
		error = tplc_store__fail(store, err, "cannot read devices");
	sqlite3_finalize(stmt);
	return error;
}

static int check_decision(enum tplc_triage_state s, const char *state,
                          const char *justification, const char *reason,
                          const char *by, struct tplc_error *err)
{
	if (s == TPLC_TRIAGE_ACCEPTED)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a risk acceptance needs the governance "
		                      "body's approval: tplc accept request");
	if (s == TPLC_TRIAGE_NOT_AFFECTED &&
	    tplc_vex__justification("openvex", justification) == NULL)
		return tplc_error_set(
		        err, TPLC_EINVAL,
		        "not-affected needs a justification known to CycloneDX "
		        "or OpenVEX (code_not_reachable, "
		        "vulnerable_code_not_in_execute_path, ...)%s%s",
		        justification ? ", not " : "",
		        justification ? justification : "");
	if (s != TPLC_TRIAGE_NOT_AFFECTED && justification != NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a justification goes with not-affected, "
		                      "not %s",
		                      state);
	if (reason == NULL || reason[0] == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a decision needs a reason");
	if (strlen(reason) > TRIAGE_REASON_MAX)
		return tplc_error_set(err, TPLC_ELIMIT,
		                      "the reason is longer than %d bytes",
		                      TRIAGE_REASON_MAX);
	if (by == NULL || by[0] == '\0' || strlen(by) > TRIAGE_NAME_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a decision needs who made it (at most "
		                      "%d bytes)",
		                      TRIAGE_NAME_MAX);
	return 0;
}

int tplc_store_triage_set(struct tplc_store *store,
                          const long long *finding_ids, size_t count,
                          const char *asset_tag, const char *state,
                          const char *justification, const char *reason,
                          const char *by, struct tplc_error *err)
{
	enum tplc_triage_state s;
	struct triage_key key;
	long long device_id = 0;
	int error;

	tplc_error_clear(err);
	if (count == 0 || count > TRIAGE_IDS_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "between 1 and %d findings",
		                      TRIAGE_IDS_MAX);
	error = tplc_triage_state_parse(&s, state, err);
	if (error == 0)
		error = check_decision(s, state, justification, reason, by,
		                       err);
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	for (size_t i = 0; error == 0 && i < count; i++) {
		error = tplc_store__finding_key(store, finding_ids[i], &key,
		                                err);
		if (error == 0 && asset_tag != NULL)
			error = device_of(store, asset_tag,
			                  key.product_version_id, &device_id,
			                  err);
		if (error == 0)
			error = tplc_store__triage_append(
			        store, &key, device_id,
			        tplc_triage_state_name(s), justification,
			        reason, by, err);
	}
	error = tplc_store__import_end(store, error);
	if (error < 0 && err != NULL && err->code == 0)
		return tplc_store__fail(store, err, "cannot commit");
	return error;
}

/* ---- reopening ----------------------------------------------------------- */

/* The current decision of every key and device, when it can reopen. */
static const char current_sql[] =
        "SELECT t.id FROM finding_triage t"
        " WHERE t.state NOT IN ('new', 'in-triage')"
        " AND t.id = (SELECT MAX(t2.id) FROM finding_triage t2"
        "  WHERE t2.product_version_id = t.product_version_id"
        "  AND t2.component = t.component AND t2.vuln_id = t.vuln_id"
        "  AND COALESCE(t2.device_id, 0) = COALESCE(t.device_id, 0))"
        " ORDER BY t.id";

static const char decision_sql[] =
        "SELECT product_version_id, COALESCE(device_id, 0), component,"
        " vuln_id, state, bound_version, bound_vex"
        " FROM finding_triage WHERE id = ?1";

static int reopen_one(struct tplc_store *store, sqlite3_stmt *stmt,
                      struct tplc_error *err)
{
	struct tplc_triage_decision d;
	struct tplc_triage_now n;
	struct finding_now now;
	struct triage_key key;
	long long device_id = sqlite3_column_int64(stmt, 1);
	char reason[TPLC_TRIAGE_REASON_MAX];
	char bound_version[TRIAGE_COMPONENT_MAX],
	        bound_vex[TRIAGE_COMPONENT_MAX];
	bool has_version, has_vex;
	int error;

	memset(&key, 0, sizeof(key));
	key.product_version_id = sqlite3_column_int64(stmt, 0);
	copy_text(key.component, sizeof(key.component),
	          tplc_store__column_text(stmt, 2), NULL);
	copy_text(key.vuln_id, sizeof(key.vuln_id),
	          tplc_store__column_text(stmt, 3), NULL);
	if (tplc_triage_state_parse(&d.state, tplc_store__column_text(stmt, 4),
	                            err) < 0)
		return 0; /* the schema's CHECK keeps the names known */
	copy_text(bound_version, sizeof(bound_version),
	          tplc_store__column_text(stmt, 5), &has_version);
	copy_text(bound_vex, sizeof(bound_vex),
	          tplc_store__column_text(stmt, 6), &has_vex);
	d.bound_version = has_version ? bound_version : NULL;
	d.bound_vex = has_vex ? bound_vex : NULL;
	error = finding_now(store, key.product_version_id, key.component,
	                    key.vuln_id, d.bound_version, d.bound_vex, &now,
	                    err);
	/* a finding gone (fixed, or its component removed) keeps its
	 * decision for when it comes back */
	if (error < 0 || now.id == 0)
		return error;
	n.component = now.component;
	n.version = now.has_version ? now.version : NULL;
	n.vex = now.has_vex ? now.vex : NULL;
	if (!tplc_triage_reopen(&d, &n, reason, sizeof(reason)))
		return 0;
	return tplc_store__triage_reopen(store, &key, device_id, reason, err);
}

int tplc_store_triage_reconcile(struct tplc_store *store,
                                struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	long long *ids = NULL, id;
	size_t count = 0, cap = 0;
	int error, rc;

	/* read first: the rows appended below must not be walked */
	error = tplc_store__prepare(store, &stmt, current_sql, err);
	if (error < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (count == cap) {
			size_t n = cap ? cap * 2 : 64;
			long long *grown =
			        tplx_reallocarray(ids, n, sizeof(*ids));
			if (grown == NULL) {
				error = tplc_error_set(err, TPLC_ENOMEM,
				                       "out of memory");
				break;
			}
			ids = grown;
			cap = n;
		}
		ids[count++] = sqlite3_column_int64(stmt, 0);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read decisions");
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (error == 0 && count > 0)
		error = tplc_store__prepare(store, &stmt, decision_sql, err);
	for (size_t i = 0; error == 0 && i < count; i++) {
		id = ids[i];
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, id);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW)
			error = reopen_one(store, stmt, err);
		else if (rc != SQLITE_DONE)
			error = tplc_store__fail(store, err,
			                         "cannot read a decision");
	}
	sqlite3_finalize(stmt);
	tplx_free(ids);
	return error;
}

/* ---- history ------------------------------------------------------------- */

int tplc_store_triage_history(struct tplc_store *store, long long finding_id,
                              tplc_triage_history_cb cb, void *data,
                              struct tplc_error *err)
{
	static const char sql[] =
	        "SELECT t.id, d.asset_tag, t.state, t.justification,"
	        " t.reason, t.bound_version, t.bound_vex, t.decided_by,"
	        " t.decided_at"
	        " FROM finding_triage t"
	        " LEFT JOIN devices d ON d.id = t.device_id"
	        " WHERE t.product_version_id = ?1 AND t.component = ?2"
	        " AND t.vuln_id = ?3 ORDER BY t.id";
	struct tplc_triage_history_row row;
	struct triage_key key;
	sqlite3_stmt *stmt;
	int error, rc;

	error = tplc_store__finding_key(store, finding_id, &key, err);
	if (error == 0)
		error = tplc_store__prepare(store, &stmt, sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, key.product_version_id);
	tplc_store__bind_text(stmt, 2, key.component);
	tplc_store__bind_text(stmt, 3, key.vuln_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.asset_tag = tplc_store__column_text(stmt, 1);
		row.state = tplc_store__column_text(stmt, 2);
		row.justification = tplc_store__column_text(stmt, 3);
		row.reason = tplc_store__column_text(stmt, 4);
		row.bound_version = tplc_store__column_text(stmt, 5);
		row.bound_vex = tplc_store__column_text(stmt, 6);
		row.by = tplc_store__column_text(stmt, 7);
		row.at = tplc_store__column_text(stmt, 8);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read decisions");
	sqlite3_finalize(stmt);
	return error;
}
