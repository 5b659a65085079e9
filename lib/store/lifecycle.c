/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The life cycle's record: each product version's milestones, the
 * support of its SBOM's components as the SBOM says or as set by hand,
 * and the manufacturer's decision on each that went out of support.
 *
 * Readers load it once into a "life book" (every product version with
 * its inputs to the stage rules) and judge devices against it, so a
 * fleet of thousands costs three queries, not three per device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "lifecycle-book.h"
#include "tplc/lifecycle.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/str.h"

static const char *const milestone_names[] = { "release", "eol", "eos" };
static const char *const milestone_titles[] = { "release", "EOL", "EOS" };

/* ---- writing ------------------------------------------------------------- */

static int check_date(const char *date, const char *what,
                      struct tplc_error *err)
{
	if (date == NULL || *date == '\0' || tplx_date_only(date))
		return 0;
	return tplc_error_set(err, TPLC_EINVAL,
	                      "%s: '%s' is not a date (YYYY-MM-DD)", what,
	                      date);
}

static int check_milestones(const struct tplc_milestones *m,
                            struct tplc_error *err)
{
	int error = 0;

	if (m->by == NULL || *m->by == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who records it (--by NAME)");
	if (m->how != NULL && strcmp(m->how, "pushed") != 0 &&
	    strcmp(m->how, "published") != 0)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "'%s': a notice is 'pushed' to customers "
		                      "or only 'published'",
		                      m->how);
	if (error == 0)
		error = check_date(m->release, "release", err);
	if (error == 0)
		error = check_date(m->eol, "EOL", err);
	if (error == 0)
		error = check_date(m->eos, "EOS", err);
	if (error == 0)
		error = check_date(m->announced, "announced", err);
	return error;
}

static const char upsert_sql[] =
        "INSERT INTO lifecycle_milestones(product_version_id, milestone,"
        " date, announced_at, announced_how, notice_id, recorded_by,"
        " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        " ON CONFLICT(product_version_id, milestone) DO UPDATE SET"
        " date = excluded.date,"
        " announced_at = COALESCE(excluded.announced_at, announced_at),"
        " announced_how = COALESCE(excluded.announced_how, announced_how),"
        " notice_id = excluded.notice_id,"
        " recorded_by = excluded.recorded_by,"
        " recorded_at = excluded.recorded_at";

static const char delete_sql[] =
        "DELETE FROM lifecycle_milestones"
        " WHERE product_version_id = ?1 AND milestone = ?2";

/* The dates must come in order: release, then EOL, then EOS. */
static const char order_sql[] =
        "SELECT r.date, l.date, s.date FROM product_versions pv"
        " LEFT JOIN lifecycle_milestones r ON r.product_version_id = pv.id"
        "  AND r.milestone = 'release'"
        " LEFT JOIN lifecycle_milestones l ON l.product_version_id = pv.id"
        "  AND l.milestone = 'eol'"
        " LEFT JOIN lifecycle_milestones s ON s.product_version_id = pv.id"
        "  AND s.milestone = 'eos'"
        " WHERE pv.id = ?1";

static int check_order(struct tplc_store *store, long long pv_id,
                       struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *d[3];
	int error;

	error = tplc_store__prepare(store, &stmt, order_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, pv_id);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return tplc_store__fail(store, err, "cannot read milestones");
	}
	for (int i = 0; i < 3; i++)
		d[i] = tplc_store__column_text(stmt, i);
	for (int i = 0; i < 3 && error == 0; i++)
		for (int j = i + 1; j < 3 && error == 0; j++)
			if (d[i] && d[j] && strcmp(d[i], d[j]) > 0)
				error = tplc_error_set(
				        err, TPLC_EINVAL,
				        "%s %s comes after %s %s: the dates "
				        "go release, EOL, EOS",
				        milestone_titles[i], d[i],
				        milestone_titles[j], d[j]);
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store__milestones_set_pv(struct tplc_store *store, long long pv_id,
                                  const struct tplc_milestones *m,
                                  struct tplc_error *err)
{
	const char *dates[3] = { m->release, m->eol, m->eos };
	sqlite3_stmt *up = NULL, *del = NULL;
	int error;

	error = check_milestones(m, err);
	if (error == 0)
		error = tplc_store__prepare(store, &up, upsert_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &del, delete_sql, err);
	for (int i = 0; i < 3 && error == 0; i++) {
		if (dates[i] == NULL)
			continue;
		if (*dates[i] == '\0') {
			sqlite3_bind_int64(del, 1, pv_id);
			tplc_store__bind_text(del, 2, milestone_names[i]);
			error = tplc_store__step_done(store, del, err,
			                              "cannot clear milestone");
			continue;
		}
		sqlite3_bind_int64(up, 1, pv_id);
		tplc_store__bind_text(up, 2, milestone_names[i]);
		tplc_store__bind_text(up, 3, dates[i]);
		tplc_store__bind_text(up, 4, m->announced);
		tplc_store__bind_text(up, 5, m->how);
		tplc_store__bind_text(up, 6, m->notice_id);
		tplc_store__bind_text(up, 7, m->by);
		tplc_store__bind_text(up, 8, tplc_ctx_now(store->ctx));
		error = tplc_store__step_done(store, up, err,
		                              "cannot record milestone");
	}
	sqlite3_finalize(up);
	sqlite3_finalize(del);
	if (error == 0)
		error = check_order(store, pv_id, err);
	if (error == 0) {
		char subject[512];
		const char *detail[] = { "release", m->release,   "eol",
			                 m->eol,    "eos",        m->eos,
			                 "notice",  m->notice_id, NULL };

		tplc_store__version_name(store, pv_id, subject,
		                         sizeof(subject));
		error = tplc_store__audit(store, m->by, "lifecycle.milestones",
		                          subject, detail, err);
	}
	return error;
}

static const char names_sql[] =
        "SELECT manufacturer, model FROM products WHERE id = ?1";

/* The manufacturer and model of the product text names. */
static int product_names(struct tplc_store *store, const char *product,
                         char *manufacturer, size_t manufacturer_size,
                         char *model, size_t model_size, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	long long id;
	int error;

	error = tplc_store__product_find(store, product, &id, NULL, 0, err);
	if (error == 0)
		error = tplc_store__prepare(store, &stmt, names_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		snprintf(manufacturer, manufacturer_size, "%s",
		         tplc_store__column_text(stmt, 0));
		snprintf(model, model_size, "%s",
		         tplc_store__column_text(stmt, 1));
	} else {
		error = tplc_store__fail(store, err, "cannot read product");
	}
	sqlite3_finalize(stmt);
	return error;
}

static const char versions_sql[] =
        "SELECT pv.id FROM product_versions pv"
        " WHERE pv.product_id = ?1 AND (?2 IS NULL OR pv.version = ?2)";

/* The version ids of a product: one (created when missing) or all. */
static int product_versions(struct tplc_store *store, const char *product,
                            const char *version, long long **out, size_t *count,
                            struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char name[256];
	long long product_id, *ids = NULL;
	size_t n = 0;
	int error, rc;

	*out = NULL;
	*count = 0;
	error = tplc_store__product_find(store, product, &product_id, name,
	                                 sizeof(name), err);
	if (error == 0)
		error = tplc_store__prepare(store, &stmt, versions_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, product_id);
	tplc_store__bind_text(stmt, 2, version);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		long long *grown = tplx_reallocarray(ids, n + 1, sizeof(*ids));

		if (grown == NULL) {
			error = tplc_error_set(err, TPLC_ENOMEM,
			                       "out of memory");
			break;
		}
		ids = grown;
		ids[n++] = sqlite3_column_int64(stmt, 0);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list versions");
	sqlite3_finalize(stmt);
	if (error == 0 && n == 0)
		error = version ? tplc_error_set(err, TPLC_ENOTFOUND,
		                                 "%s has no version '%s'", name,
		                                 version)
		                : tplc_error_set(err, TPLC_ENOTFOUND,
		                                 "%s has no version yet: give "
		                                 "--version",
		                                 name);
	if (error < 0) {
		tplx_free(ids);
		return error;
	}
	*out = ids;
	*count = n;
	return 0;
}

int tplc_store_milestones_set(struct tplc_store *store, const char *product,
                              const char *version,
                              const struct tplc_milestones *m, size_t *versions,
                              struct tplc_error *err)
{
	long long *ids;
	size_t count, i;
	int error;

	*versions = 0;
	error = check_milestones(m, err);
	if (error < 0)
		return error;
	if (version != NULL) {
		/* a manufacturer may plan a version no device runs yet */
		long long id;
		char manufacturer[256], model[256];

		error = product_names(store, product, manufacturer,
		                      sizeof(manufacturer), model,
		                      sizeof(model), err);
		if (error < 0)
			return error;
		error = tplc_store__import_begin(store, err);
		if (error < 0)
			return error;
		error = tplc_store__product_version(store, manufacturer, model,
		                                    version, &id, err);
		if (error == 0)
			error = tplc_store__milestones_set_pv(store, id, m,
			                                      err);
		if (error == 0)
			*versions = 1;
		return tplc_store__import_end(store, error);
	}
	error = product_versions(store, product, NULL, &ids, &count, err);
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	for (i = 0; i < count && error == 0; i++)
		error = tplc_store__milestones_set_pv(store, ids[i], m, err);
	tplx_free(ids);
	if (error == 0)
		*versions = count;
	return tplc_store__import_end(store, error);
}

/* ---- components ------------------------------------------------------------ */

/* The name a hand-set support or a decision keeps: the purl, else
 * name@version, else the name (the same expression in every query). */
#define COMPONENT_KEY(c)                                                     \
	"COALESCE(" c ".purl, " c ".name || COALESCE('@' || " c ".version, " \
	"''))"

static const char match_sql[] = "SELECT DISTINCT " COMPONENT_KEY(
        "c") " FROM components c"
             " JOIN sboms s ON s.id = c.sbom_id"
             " WHERE s.product_version_id = ?1 AND (c.purl = ?2"
             "  OR c.name || COALESCE('@' || c.version, '') = ?2 COLLATE NOCASE"
             "  OR c.name = ?2 COLLATE NOCASE)";

typedef int (*component_fn)(struct tplc_store *store, long long pv_id,
                            const char *key, void *data,
                            struct tplc_error *err);

/* Call fn for each component named by text in each version's SBOM. */
static int each_component(struct tplc_store *store, const char *product,
                          const char *version, const char *component,
                          component_fn fn, void *data, size_t *matched,
                          struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	long long *ids;
	size_t count, i;
	int error, rc;

	*matched = 0;
	if (component == NULL || *component == '\0')
		return tplc_error_set(err, TPLC_EINVAL, "name a component");
	error = product_versions(store, product, version, &ids, &count, err);
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error == 0)
		error = tplc_store__prepare(store, &stmt, match_sql, err);
	for (i = 0; i < count && error == 0; i++) {
		bool found = false;

		sqlite3_bind_int64(stmt, 1, ids[i]);
		tplc_store__bind_text(stmt, 2, component);
		while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			found = true;
			error = fn(store, ids[i],
			           tplc_store__column_text(stmt, 0), data, err);
		}
		if (error == 0 && rc != SQLITE_DONE)
			error = tplc_store__fail(store, err,
			                         "cannot find component");
		sqlite3_reset(stmt);
		if (found)
			(*matched)++;
	}
	sqlite3_finalize(stmt);
	tplx_free(ids);
	if (error == 0 && *matched == 0)
		error = tplc_error_set(
		        err, TPLC_ENOTFOUND,
		        "no component '%s' in the SBOM of %s%s%s", component,
		        product, version ? " " : "", version ? version : "");
	return tplc_store__import_end(store, error);
}

struct support_set {
	const char *level, *end_of_support, *by, *note;
};

static int audit_component(struct tplc_store *store, long long pv_id,
                           const char *component, const char *by,
                           const char *action, const char *const *detail,
                           struct tplc_error *err)
{
	char name[512], subject[1024];

	tplc_store__version_name(store, pv_id, name, sizeof(name));
	snprintf(subject, sizeof(subject), "%s: %s", name, component);
	return tplc_store__audit(store, by, action, subject, detail, err);
}

static const char support_sql[] =
        "INSERT INTO component_support(product_version_id, component,"
        " support_level, end_of_support, set_by, set_at, note)"
        " VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, ?6, ?7)"
        " ON CONFLICT(product_version_id, component) DO UPDATE SET"
        " support_level = COALESCE(?3, support_level),"
        " end_of_support = CASE WHEN ?4 IS NULL THEN end_of_support"
        "  ELSE NULLIF(?4, '') END,"
        " set_by = ?5, set_at = ?6, note = COALESCE(?7, note)";

static int set_support(struct tplc_store *store, long long pv_id,
                       const char *key, void *data, struct tplc_error *err)
{
	const struct support_set *s = data;
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(store, &stmt, support_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, pv_id);
	tplc_store__bind_text(stmt, 2, key);
	tplc_store__bind_text(stmt, 3, s->level);
	tplc_store__bind_text(stmt, 4, s->end_of_support);
	tplc_store__bind_text(stmt, 5, s->by);
	tplc_store__bind_text(stmt, 6, tplc_ctx_now(store->ctx));
	tplc_store__bind_text(stmt, 7, s->note);
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record component support");
	sqlite3_finalize(stmt);
	if (error == 0) {
		const char *detail[] = { "support_level", s->level,
			                 "end_of_support", s->end_of_support,
			                 NULL };

		error = audit_component(store, pv_id, key, s->by,
		                        "lifecycle.support", detail, err);
	}
	return error;
}

int tplc_store_component_support_set(struct tplc_store *store,
                                     const char *product, const char *version,
                                     const char *component, const char *level,
                                     const char *end_of_support, const char *by,
                                     const char *note, size_t *matched,
                                     struct tplc_error *err)
{
	static const char *const levels[] = { "unknown", "maintained",
		                              "not-maintained", "abandoned" };
	struct support_set s = { level, end_of_support, by, note };
	bool ok = level == NULL;
	int error;

	*matched = 0;
	for (size_t i = 0; !ok && i < sizeof(levels) / sizeof(levels[0]); i++)
		ok = strcmp(level, levels[i]) == 0;
	if (!ok)
		return tplc_error_set(
		        err, TPLC_EINVAL,
		        "'%s' is not a support level (maintained, "
		        "not-maintained, abandoned, unknown)",
		        level);
	if (level == NULL && end_of_support == NULL)
		return tplc_error_set(
		        err, TPLC_EINVAL,
		        "give a support level or an end-of-support "
		        "date");
	if (by == NULL || *by == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who records it (--by NAME)");
	error = check_date(end_of_support, "end of support", err);
	if (error < 0)
		return error;
	return each_component(store, product, version, component, set_support,
	                      &s, matched, err);
}

struct decide {
	enum tplc_component_decision decision;
	const char *rationale, *by;
};

static const char decide_sql[] =
        "INSERT INTO component_decisions(product_version_id, component,"
        " decision, rationale, decided_by, decided_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

static int record_decision(struct tplc_store *store, long long pv_id,
                           const char *key, void *data, struct tplc_error *err)
{
	const struct decide *d = data;
	sqlite3_stmt *stmt = NULL;
	int error;

	error = tplc_store__prepare(store, &stmt, decide_sql, err);
	if (error < 0)
		return error;
	sqlite3_bind_int64(stmt, 1, pv_id);
	tplc_store__bind_text(stmt, 2, key);
	tplc_store__bind_text(stmt, 3,
	                      tplc_component_decision_name(d->decision));
	tplc_store__bind_text(stmt, 4, d->rationale);
	tplc_store__bind_text(stmt, 5, d->by);
	tplc_store__bind_text(stmt, 6, tplc_ctx_now(store->ctx));
	error = tplc_store__step_done(store, stmt, err,
	                              "cannot record the decision");
	sqlite3_finalize(stmt);
	if (error == 0) {
		const char *detail[] = {
			"decision",  tplc_component_decision_name(d->decision),
			"rationale", d->rationale,
			NULL,
		};

		error = audit_component(store, pv_id, key, d->by,
		                        "lifecycle.decide", detail, err);
	}
	return error;
}

int tplc_store_component_decide(struct tplc_store *store, const char *product,
                                const char *version, const char *component,
                                enum tplc_component_decision decision,
                                const char *rationale, const char *by,
                                size_t *matched, struct tplc_error *err)
{
	struct decide d = { decision, rationale, by };

	*matched = 0;
	if (decision == TPLC_DECISION_NONE ||
	    decision > TPLC_DECISION_NOT_MITIGATED)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "a decision is acceptable, mitigated or "
		                      "not-mitigated");
	if (by == NULL || *by == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who decides (--by NAME)");
	return each_component(store, product, version, component,
	                      record_decision, &d, matched, err);
}

/* ---- the life book ----------------------------------------------------------- */

struct life_version {
	long long pv_id, product_id, devices;
	const char *manufacturer, *model, *version;
	struct tplc_milestone_row ms[3];
	struct tplc_lifecycle_component *components;
	size_t component_count, component_cap;
};

/* The last device judged, and its status. */
struct life_memo {
	bool valid;
	long long pv_id;
	char eol[11], eos[11], as_of[11];
	struct tplc_lifecycle_status status;
};

struct tplc_store__lifebook {
	struct tplx_arena *arena;
	struct life_memo memo;
	struct life_version *versions; /* in display order */
	size_t count, cap;
	struct life_version **by_id; /* sorted by pv_id */
};

static int by_pv_id(const void *a, const void *b)
{
	const struct life_version *x = *(struct life_version *const *)a;
	const struct life_version *y = *(struct life_version *const *)b;

	return (x->pv_id > y->pv_id) - (x->pv_id < y->pv_id);
}

static struct life_version *book_find(const struct tplc_store__lifebook *book,
                                      long long pv_id)
{
	size_t lo = 0, hi = book->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (book->by_id[mid]->pv_id == pv_id)
			return book->by_id[mid];
		if (book->by_id[mid]->pv_id < pv_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const char book_versions_sql[] =
        "SELECT pv.id, p.id, p.manufacturer, p.model, pv.version,"
        " (SELECT COUNT(*) FROM devices d WHERE d.product_version_id = pv.id)"
        " FROM product_versions pv JOIN products p ON p.id = pv.product_id"
        " ORDER BY p.manufacturer, p.model, pv.version";

static const char book_milestones_sql[] =
        "SELECT product_version_id, milestone, date, announced_at,"
        " announced_how, notice_id, recorded_by FROM lifecycle_milestones";

/* Components that say anything about support: the SBOM's level and
 * date, overridden by a hand-set one, and the newest decision. */
static const char book_components_sql[] =
        "SELECT s.product_version_id, COALESCE(c.name || ' ' || c.version,"
        "  c.name),"
        " COALESCE(cs.support_level, c.support_level),"
        " CASE WHEN cs.component IS NOT NULL THEN cs.end_of_support"
        "  ELSE c.end_of_support END,"
        " (SELECT d.decision FROM component_decisions d"
        "   WHERE d.product_version_id = s.product_version_id"
        "   AND d.component = " COMPONENT_KEY(
                "c") " ORDER BY d.id DESC"
                     "   LIMIT 1),"
                     " date(COALESCE(s.created, s.imported_at))"
                     " FROM components c JOIN sboms s ON s.id = c.sbom_id"
                     " LEFT JOIN component_support cs"
                     "  ON cs.product_version_id = s.product_version_id"
                     "  AND cs.component = " COMPONENT_KEY(
                             "c") " ORDER BY c.id";

static const char *arena_text(struct tplx_arena *arena, sqlite3_stmt *stmt,
                              int col, bool *oom)
{
	const char *text = tplc_store__column_text(stmt, col);
	char *copy;

	if (text == NULL)
		return NULL;
	copy = tplx_arena_strdup(arena, text);
	if (copy == NULL)
		*oom = true;
	return copy;
}

static enum tplc_support_level level_of(const char *text)
{
	if (tplx_streq(text, "maintained"))
		return TPLC_SUPPORT_MAINTAINED;
	if (tplx_streq(text, "not-maintained"))
		return TPLC_SUPPORT_NOT_MAINTAINED;
	if (tplx_streq(text, "abandoned"))
		return TPLC_SUPPORT_ABANDONED;
	return TPLC_SUPPORT_UNKNOWN;
}

/* Run one of the book's queries, handing each row to fn; fn sets *oom
 * when it cannot keep what it read. */
typedef void (*book_row_fn)(struct tplc_store__lifebook *book,
                            sqlite3_stmt *stmt, bool *oom);

static int book_query(struct tplc_store *store,
                      struct tplc_store__lifebook *book, const char *sql,
                      book_row_fn fn, const char *what, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	bool oom = false;
	int error, rc = SQLITE_DONE;

	error = tplc_store__prepare(store, &stmt, sql, err);
	if (error < 0)
		return error;
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		fn(book, stmt, &oom);
	if (!oom && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, what);
	sqlite3_finalize(stmt);
	if (error == 0 && oom)
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	return error;
}

static void version_row(struct tplc_store__lifebook *book, sqlite3_stmt *stmt,
                        bool *oom)
{
	struct life_version *v;

	if (book->count == book->cap) {
		size_t next = book->cap ? book->cap * 2 : 64;
		void *grown = tplx_reallocarray(book->versions, next,
		                                sizeof(*book->versions));

		if (grown == NULL) {
			*oom = true;
			return;
		}
		book->versions = grown;
		book->cap = next;
	}
	v = &book->versions[book->count++];
	memset(v, 0, sizeof(*v));
	v->pv_id = sqlite3_column_int64(stmt, 0);
	v->product_id = sqlite3_column_int64(stmt, 1);
	v->manufacturer = arena_text(book->arena, stmt, 2, oom);
	v->model = arena_text(book->arena, stmt, 3, oom);
	v->version = arena_text(book->arena, stmt, 4, oom);
	v->devices = sqlite3_column_int64(stmt, 5);
}

/* Index the versions by id, for the milestones and components. */
static int index_versions(struct tplc_store__lifebook *book,
                          struct tplc_error *err)
{
	book->by_id = tplx_calloc(book->count ? book->count : 1,
	                          sizeof(*book->by_id));
	if (book->by_id == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	for (size_t i = 0; i < book->count; i++)
		book->by_id[i] = &book->versions[i];
	qsort(book->by_id, book->count, sizeof(*book->by_id), by_pv_id);
	return 0;
}

static void milestone_row(struct tplc_store__lifebook *book, sqlite3_stmt *stmt,
                          bool *oom)
{
	struct life_version *v = book_find(book, sqlite3_column_int64(stmt, 0));
	const char *name = tplc_store__column_text(stmt, 1);
	struct tplc_milestone_row *m = NULL;

	for (int i = 0; v && name && i < 3; i++)
		if (strcmp(name, milestone_names[i]) == 0)
			m = &v->ms[i];
	if (m == NULL)
		return;
	m->date = arena_text(book->arena, stmt, 2, oom);
	m->announced = arena_text(book->arena, stmt, 3, oom);
	m->how = arena_text(book->arena, stmt, 4, oom);
	m->notice_id = arena_text(book->arena, stmt, 5, oom);
	m->recorded_by = arena_text(book->arena, stmt, 6, oom);
}

static int add_component(struct tplx_arena *arena, struct life_version *v,
                         sqlite3_stmt *stmt, bool *oom)
{
	struct tplc_lifecycle_component *c;
	const char *decision = tplc_store__column_text(stmt, 4);
	int d;

	if (v->component_count == v->component_cap) {
		size_t next = v->component_cap ? v->component_cap * 2 : 8;
		struct tplc_lifecycle_component *grown =
		        tplx_arena_array(arena, next, sizeof(*grown));

		if (grown == NULL) {
			*oom = true;
			return -1;
		}
		if (v->component_count)
			memcpy(grown, v->components,
			       v->component_count * sizeof(*grown));
		v->components = grown;
		v->component_cap = next;
	}
	c = &v->components[v->component_count++];
	memset(c, 0, sizeof(*c));
	c->name = arena_text(arena, stmt, 1, oom);
	c->level = level_of(tplc_store__column_text(stmt, 2));
	c->end_of_support = arena_text(arena, stmt, 3, oom);
	if (c->end_of_support && !tplx_date_valid(c->end_of_support))
		c->end_of_support = NULL;
	/* undated "not maintained": from the day the SBOM said so */
	if (c->end_of_support == NULL)
		c->unsupported_since = arena_text(arena, stmt, 5, oom);
	d = tplc_component_decision_parse(decision);
	c->decision =
	        d < 0 ? TPLC_DECISION_NONE : (enum tplc_component_decision)d;
	return 0;
}

static void component_row(struct tplc_store__lifebook *book, sqlite3_stmt *stmt,
                          bool *oom)
{
	struct life_version *v = book_find(book, sqlite3_column_int64(stmt, 0));
	const char *level = tplc_store__column_text(stmt, 2);
	const char *eos = tplc_store__column_text(stmt, 3);

	/* a component that says nothing of its support cannot move the
	 * stage: leave it out */
	if (v == NULL || (level_of(level) == TPLC_SUPPORT_UNKNOWN &&
	                  (eos == NULL || !tplx_date_valid(eos))))
		return;
	add_component(book->arena, v, stmt, oom);
}

void tplc_store__lifebook_free(struct tplc_store__lifebook *book)
{
	if (book == NULL)
		return;
	tplx_arena_free(book->arena);
	tplx_free(book->versions);
	tplx_free(book->by_id);
	tplx_free(book);
}

int tplc_store__lifebook_load(struct tplc_store *store,
                              struct tplc_store__lifebook **out,
                              struct tplc_error *err)
{
	struct tplc_store__lifebook *book;
	int error;

	*out = NULL;
	book = tplx_calloc(1, sizeof(*book));
	if (book == NULL || (book->arena = tplx_arena_new()) == NULL) {
		tplx_free(book);
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	}
	error = book_query(store, book, book_versions_sql, version_row,
	                   "cannot read versions", err);
	if (error == 0)
		error = index_versions(book, err);
	if (error == 0)
		error = book_query(store, book, book_milestones_sql,
		                   milestone_row, "cannot read milestones",
		                   err);
	if (error == 0)
		error = book_query(store, book, book_components_sql,
		                   component_row, "cannot read components",
		                   err);
	if (error < 0) {
		tplc_store__lifebook_free(book);
		return error;
	}
	*out = book;
	return 0;
}

static void version_input(const struct life_version *v,
                          struct tplc_lifecycle_input *in,
                          const char *device_eol, const char *device_eos)
{
	memset(in, 0, sizeof(*in));
	in->release = v->ms[0].date;
	in->eol = v->ms[1].date;
	in->eos = v->ms[2].date;
	/* a device date that is not a date cannot move the stage */
	in->device_eol = tplx_date_valid(device_eol) ? device_eol : NULL;
	in->device_eos = tplx_date_valid(device_eos) ? device_eos : NULL;
	in->components = v->components;
	in->component_count = v->component_count;
}

/* Same text, NULL equal to NULL. */
static bool same_date(const char *memo, const char *date)
{
	return strcmp(memo, date ? date : "") == 0;
}

int tplc_store__lifebook_status(struct tplc_store__lifebook *book,
                                long long pv_id, const char *device_eol,
                                const char *device_eos, const char *as_of,
                                struct tplc_lifecycle_status *out,
                                struct tplc_error *err)
{
	static const struct life_version none;
	const struct life_version *v;
	struct tplc_lifecycle_input in;
	struct life_memo *m = &book->memo;
	int error;

	/* findings come device after device of one product version, mostly
	 * with the same dates: judge each combination once */
	if (m->valid && m->pv_id == pv_id && same_date(m->eol, device_eol) &&
	    same_date(m->eos, device_eos) && same_date(m->as_of, as_of)) {
		*out = m->status;
		return 0;
	}
	v = book_find(book, pv_id);
	version_input(v ? v : &none, &in, device_eol, device_eos);
	error = tplc_lifecycle_evaluate(out, &in, as_of, err);
	m->valid = error == 0 && (!device_eol || strlen(device_eol) < 11) &&
	           (!device_eos || strlen(device_eos) < 11) &&
	           strlen(as_of) < 11;
	if (m->valid) {
		m->pv_id = pv_id;
		snprintf(m->eol, sizeof(m->eol), "%s",
		         device_eol ? device_eol : "");
		snprintf(m->eos, sizeof(m->eos), "%s",
		         device_eos ? device_eos : "");
		snprintf(m->as_of, sizeof(m->as_of), "%s", as_of);
		m->status = *out;
	}
	return error;
}

/* ---- reading -------------------------------------------------------------- */

static const char *as_of_day(struct tplc_store *store,
                             const struct tplc_lifecycle_filter *f)
{
	return f && f->as_of ? f->as_of : tplc_ctx_today(store->ctx);
}

/* ASCII case-insensitive substring, as tplc_store__product_find does. */
static bool contains_nocase(const char *text, const char *part)
{
	size_t n = strlen(part);

	for (; *text; text++)
		if (strncasecmp(text, part, n) == 0)
			return true;
	return n == 0;
}

static bool product_matches(const struct life_version *v,
                            const struct tplc_lifecycle_filter *f)
{
	char name[512];

	if (f == NULL)
		return true;
	if (f->version && strcmp(f->version, v->version) != 0)
		return false;
	if (f->product == NULL)
		return true;
	snprintf(name, sizeof(name), "%s %s", v->manufacturer, v->model);
	return contains_nocase(name, f->product);
}

int tplc_store_lifecycle_versions(struct tplc_store *store,
                                  const struct tplc_lifecycle_filter *filter,
                                  tplc_lifecycle_version_cb cb, void *data,
                                  struct tplc_error *err)
{
	struct tplc_store__lifebook *book;
	const char *as_of = as_of_day(store, filter);
	int error;

	error = tplc_store__lifebook_load(store, &book, err);
	if (error < 0)
		return error;
	for (size_t i = 0; i < book->count && error == 0; i++) {
		const struct life_version *v = &book->versions[i];
		struct tplc_lifecycle_version_row row;
		struct tplc_lifecycle_status status;
		struct tplc_lifecycle_input in;

		if (!product_matches(v, filter) ||
		    (filter && filter->fleet_only && v->devices == 0))
			continue;
		version_input(v, &in, NULL, NULL);
		error = tplc_lifecycle_evaluate(&status, &in, as_of, err);
		if (error < 0)
			break;
		if (filter && filter->stage >= 0 &&
		    (int)status.stage != filter->stage)
			continue;
		memset(&row, 0, sizeof(row));
		row.product_id = v->product_id;
		row.product_version_id = v->pv_id;
		row.manufacturer = v->manufacturer;
		row.model = v->model;
		row.version = v->version;
		row.devices = v->devices;
		row.release = v->ms[0];
		row.eol = v->ms[1];
		row.eos = v->ms[2];
		row.input = &in;
		row.status = &status;
		error = cb(&row, data);
	}
	tplc_store__lifebook_free(book);
	return error;
}

static const char devices_sql[] =
        "SELECT d.id, d.product_version_id, s.name, d.asset_tag,"
        " d.department, d.location, d.clinical_function, d.deployment,"
        " d.eol_date, d.eos_date"
        " FROM devices d JOIN sites s ON s.id = d.site_id"
        " WHERE (?1 IS NULL OR s.name = ?1) AND (?2 IS NULL OR"
        "  d.asset_tag = ?2)"
        " ORDER BY s.name, d.asset_tag";

int tplc_store_lifecycle_devices(struct tplc_store *store,
                                 const struct tplc_lifecycle_filter *filter,
                                 tplc_lifecycle_device_cb cb, void *data,
                                 struct tplc_error *err)
{
	struct tplc_store__lifebook *book;
	const char *as_of = as_of_day(store, filter);
	sqlite3_stmt *stmt = NULL;
	int error, rc = SQLITE_DONE;

	error = tplc_store__lifebook_load(store, &book, err);
	if (error < 0)
		return error;
	error = tplc_store__prepare(store, &stmt, devices_sql, err);
	if (error == 0) {
		tplc_store__bind_text(stmt, 1, filter ? filter->site : NULL);
		tplc_store__bind_text(stmt, 2,
		                      filter ? filter->asset_tag : NULL);
	}
	while (error == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		static const struct life_version none;
		const struct life_version *v =
		        book_find(book, sqlite3_column_int64(stmt, 1));
		struct tplc_lifecycle_device_row row;
		struct tplc_lifecycle_status status;
		struct tplc_lifecycle_input in;

		if (v == NULL)
			v = &none;
		if (!product_matches(v, filter))
			continue;
		version_input(v, &in, tplc_store__column_text(stmt, 8),
		              tplc_store__column_text(stmt, 9));
		error = tplc_lifecycle_evaluate(&status, &in, as_of, err);
		if (error < 0)
			break;
		if (filter && filter->stage >= 0 &&
		    (int)status.stage != filter->stage)
			continue;
		memset(&row, 0, sizeof(row));
		row.device_id = sqlite3_column_int64(stmt, 0);
		row.product_id = v->product_id;
		row.product_version_id = v->pv_id;
		row.site = tplc_store__column_text(stmt, 2);
		row.asset_tag = tplc_store__column_text(stmt, 3);
		row.manufacturer = v->manufacturer;
		row.model = v->model;
		row.version = v->version;
		row.department = tplc_store__column_text(stmt, 4);
		row.location = tplc_store__column_text(stmt, 5);
		row.clinical_function = tplc_store__column_text(stmt, 6);
		row.deployment = tplc_store__column_text(stmt, 7);
		row.input = &in;
		row.status = &status;
		error = cb(&row, data);
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read devices");
	sqlite3_finalize(stmt);
	tplc_store__lifebook_free(book);
	return error;
}
