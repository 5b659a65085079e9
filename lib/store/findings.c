/* SPDX-License-Identifier: Apache-2.0 */
/* Reading findings, and the fleet summary a hospital acts on. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lifecycle-book.h"
#include "tplc/priority.h"
#include "tplc/rubric.h"
#include "tplc/triage.h"
#include "triage.h"
#include "util/alloc.h"
#include "util/arena.h"

/* A finding no VEX statement calls not_affected or fixed. */
#define FINDING_OPEN \
	"COALESCE(f.vex_status, '') NOT IN ('not_affected', 'fixed')"

#define FINDING_FILTER                                               \
	" WHERE (?1 IS NULL OR instr(lower(p.manufacturer || ' ' ||" \
	"  p.model), lower(?1)) > 0)"                                \
	" AND (?2 IS NULL OR f.vuln_id = ?2) AND (?3 = 0 OR u.kev)"  \
	" AND (?6 OR " FINDING_OPEN ")"

/* Known exploited first, then the base score the advisory gives (or,
 * when it gives none, the one another source gave the vulnerability). */
#define FINDING_ORDER                                                \
	" ORDER BY u.kev DESC,"                                      \
	" COALESCE(f.cvss_score, u.cvss_score, -1) DESC, f.vuln_id," \
	" p.manufacturer, p.model, v.version"

/* The columns read_finding reads, up to the one that differs by listing. */
#define FINDING_COLUMNS                                             \
	"SELECT f.id, f.vuln_id, u.title, u.kev, u.kev_due_date,"   \
	" u.kev_ransomware, COALESCE(f.cvss_score, u.cvss_score),"  \
	" COALESCE(av.cvss_vector, u.cvss_vector), p.manufacturer," \
	" p.model, NULLIF(v.version, ''),"                          \
	" CASE WHEN c.id IS NULL THEN NULL"                         \
	"  ELSE c.name || COALESCE(' ' || c.version, '') END,"      \
	" c.purl, f.match, f.reason, a.source, a.ref, f.fixed_in,"  \
	" f.remediation,"

#define FINDING_JOINS                                                    \
	" JOIN vulnerabilities u ON u.id = f.vuln_id"                    \
	" JOIN advisories a ON a.id = f.advisory_id"                     \
	" LEFT JOIN advisory_vulns av ON av.advisory_id = f.advisory_id" \
	"  AND av.vuln_id = f.vuln_id"                                   \
	" JOIN product_versions v ON v.id = f.product_version_id"        \
	" JOIN products p ON p.id = v.product_id"                        \
	" LEFT JOIN components c ON c.id = f.component_id"               \
	" LEFT JOIN advisories x ON x.id = f.vex_advisory_id"

/* When the finding was last seen: by the last scan that covered it, the
 * last full scan or a later scan of its advisory alone (sync.c). */
#define FINDING_LAST_SEEN                                           \
	" MAX(COALESCE((SELECT MAX(at) FROM scans), f.first_seen)," \
	" COALESCE((SELECT at FROM advisory_scans s"                \
	"   WHERE s.advisory_id = f.advisory_id), ''), f.first_seen)"

/* What the newest VEX statement says, and whose it is. */
#define FINDING_VEX                                                   \
	" f.vex_status, f.vex_justification, f.vex_detail, x.source," \
	" x.ref"

/* A postmarket clock of the finding's product version and vulnerability
 * has run out: an uncontrolled risk whose customers were not told within
 * 30 days, or whose fix did not go out within 60 (postmarket.c). */
#define FINDING_OVERDUE \
	POSTMARKET_OVERDUE("f.product_version_id", "f.vuln_id", "?9")

/* The decision in force on a finding (tplc/triage.h): an approved risk
 * acceptance not expired on ?10 (today), else the newest decision.  With
 * ?11 (a row per device) a device's own acceptance or decision counts,
 * and before the version-wide one; without, only the version-wide. */
#define FINDING_STATE_JOINS                                             \
	" LEFT JOIN acceptances ac ON ac.id = (SELECT a2.id"            \
	"  FROM acceptance_findings af"                                 \
	"  JOIN acceptances a2 ON a2.id = af.acceptance_id"             \
	"  WHERE af.product_version_id = f.product_version_id"          \
	"  AND af.component = " TRIAGE_COMPONENT_KEY                    \
	"  AND af.vuln_id = f.vuln_id AND a2.status = 'approved'"       \
	"  AND a2.expires >= ?10"                                       \
	"  AND (a2.device_id IS NULL OR (?11 AND a2.device_id = d.id))" \
	"  ORDER BY a2.device_id IS NULL, a2.id DESC LIMIT 1)"          \
	" LEFT JOIN finding_triage ft ON ft.id = (SELECT t.id"          \
	"  FROM finding_triage t"                                       \
	"  WHERE t.product_version_id = f.product_version_id"           \
	"  AND t.component = " TRIAGE_COMPONENT_KEY                     \
	"  AND t.vuln_id = f.vuln_id"                                   \
	"  AND (t.device_id IS NULL OR (?11 AND t.device_id = d.id))"   \
	"  ORDER BY t.device_id IS NULL, t.id DESC LIMIT 1)"

#define FINDING_STATE                                        \
	" CASE WHEN ac.id IS NOT NULL THEN 'accepted'"       \
	"  ELSE COALESCE(ft.state, 'new') END,"              \
	" CASE WHEN ac.id IS NOT NULL THEN ac.justification" \
	"  ELSE ft.reason END,"                              \
	" CASE WHEN ac.id IS NOT NULL THEN ac.requested_by"  \
	"  ELSE ft.decided_by END,"                          \
	" CASE WHEN ac.id IS NOT NULL THEN ac.decided_at"    \
	"  ELSE ft.decided_at END, ac.id"

/* One row per finding and device running its product version (or one
 * with no device when none does), with what its priority needs. */
static const char finding_devices_sql[] = FINDING_COLUMNS
        " NULL, d.asset_tag, f.first_seen," FINDING_LAST_SEEN "," FINDING_VEX
        ","
        " d.clinical_function, d.exposure, d.controls, d.cr, d.ir, d.ar,"
        " d.eol_date, d.eos_date, d.segment, u.epss, u.epss_percentile,"
        " v.product_id,"
        /* a v3 vector for the rubric to fall back on: this advisory's,
         * else any source's */
        " COALESCE((SELECT m.vector FROM vulnerability_metrics m"
        "   WHERE m.vuln_id = f.vuln_id AND m.advisory_id = f.advisory_id"
        "   AND m.version IN ('3.0', '3.1') AND m.vector IS NOT NULL"
        "   ORDER BY m.version DESC LIMIT 1),"
        "  (SELECT m.vector FROM vulnerability_metrics m"
        "   WHERE m.vuln_id = f.vuln_id AND m.version IN ('3.0', '3.1')"
        "   AND m.vector IS NOT NULL ORDER BY m.version DESC LIMIT 1)),"
        " f.product_version_id," FINDING_STATE " FROM findings f" FINDING_JOINS
        " LEFT JOIN devices d ON d.product_version_id = "
        "f.product_version_id" FINDING_STATE_JOINS FINDING_FILTER
        " AND (?5 IS NULL OR d.asset_tag = ?5)"
        " AND (?7 = 0 OR f.id = ?7) AND (?8 = 0 OR " FINDING_OVERDUE ")"
        " ORDER BY f.id, d.asset_tag";

enum {
	COL_FUNCTION = 28,
	COL_EXPOSURE,
	COL_CONTROLS,
	COL_CR,
	COL_IR,
	COL_AR,
	COL_EOL,
	COL_EOS,
	COL_SEGMENT,
	COL_EPSS,
	COL_EPSS_PERCENTILE,
	COL_PRODUCT,
	COL_V3_VECTOR,
	COL_PRODUCT_VERSION,
	COL_STATE,
	COL_STATE_REASON,
	COL_STATE_BY,
	COL_STATE_AT,
	COL_ACCEPTANCE,
};

static void read_finding(sqlite3_stmt *stmt, struct tplc_finding_row *row)
{
	memset(row, 0, sizeof(*row));
	row->id = sqlite3_column_int64(stmt, 0);
	row->vuln_id = tplc_store__column_text(stmt, 1);
	row->title = tplc_store__column_text(stmt, 2);
	row->kev = sqlite3_column_int(stmt, 3) != 0;
	row->kev_due_date = tplc_store__column_text(stmt, 4);
	row->kev_ransomware = tplc_store__column_text(stmt, 5);
	row->cvss_score = tplc_store__column_score(stmt, 6);
	row->cvss_vector = tplc_store__column_text(stmt, 7);
	row->manufacturer = tplc_store__column_text(stmt, 8);
	row->model = tplc_store__column_text(stmt, 9);
	row->version = tplc_store__column_text(stmt, 10);
	row->component = tplc_store__column_text(stmt, 11);
	row->component_purl = tplc_store__column_text(stmt, 12);
	row->match = tplc_store__column_text(stmt, 13);
	row->reason = tplc_store__column_text(stmt, 14);
	row->advisory_source = tplc_store__column_text(stmt, 15);
	row->advisory_id = tplc_store__column_text(stmt, 16);
	row->fixed_in = tplc_store__column_text(stmt, 17);
	row->remediation = tplc_store__column_text(stmt, 18);
	row->asset_tag = tplc_store__column_text(stmt, 20);
	row->devices = row->asset_tag != NULL;
	row->first_seen = tplc_store__column_text(stmt, 21);
	row->last_seen = tplc_store__column_text(stmt, 22);
	row->vex_status = tplc_store__column_text(stmt, 23);
	row->vex_justification = tplc_store__column_text(stmt, 24);
	row->vex_detail = tplc_store__column_text(stmt, 25);
	row->vex_source = tplc_store__column_text(stmt, 26);
	row->vex_advisory = tplc_store__column_text(stmt, 27);
	row->state = tplc_store__column_text(stmt, COL_STATE);
	row->state_reason = tplc_store__column_text(stmt, COL_STATE_REASON);
	row->state_by = tplc_store__column_text(stmt, COL_STATE_BY);
	row->state_at = tplc_store__column_text(stmt, COL_STATE_AT);
	row->acceptance_id = sqlite3_column_int64(stmt, COL_ACCEPTANCE);
}

/* Asked-for states, else all but the closed ones (unless all). */
static bool state_wanted(const struct tplc_finding_filter *filter,
                         const char *state)
{
	enum tplc_triage_state s = TPLC_TRIAGE_NEW;
	struct tplc_error ignored;

	if (state != NULL)
		tplc_triage_state_parse(&s, state, &ignored);
	if (filter->states != 0)
		return (filter->states & TPLC_TRIAGE_BIT(s)) != 0;
	return filter->all || !tplc_triage_closed(s);
}

/* ---- priority ----------------------------------------------------------- */

/* What a pass over finding_devices_sql hands each row to. */
struct finding_pass {
	struct tplc_store *store;
	sqlite3_stmt *answers;             /* rubric answers, prepared once */
	struct tplc_store__lifebook *book; /* stages, loaded once */
	int (*fn)(struct finding_pass *pass, struct tplc_finding_device *fd);
	void *data;
};

static void read_environment(sqlite3_stmt *stmt, struct tplc_environment *env)
{
	const char *exposure = tplc_store__column_text(stmt, COL_EXPOSURE);
	const char *controls = tplc_store__column_text(stmt, COL_CONTROLS);
	const char *req[3] = {
		tplc_store__column_text(stmt, COL_CR),
		tplc_store__column_text(stmt, COL_IR),
		tplc_store__column_text(stmt, COL_AR),
	};
	struct tplc_error ignored;

	memset(env, 0, sizeof(*env));
	/* the store holds canonical names (CHECK, device set): a failure
	 * leaves the field unknown */
	if (exposure)
		tplc_exposure_parse(&env->exposure, exposure, &ignored);
	if (controls)
		tplc_controls_parse(&env->controls, controls, &ignored);
	env->cr = req[0] ? req[0][0] : 0;
	env->ir = req[1] ? req[1][0] : 0;
	env->ar = req[2] ? req[2][0] : 0;
	env->clinical_function = tplc_store__column_text(stmt, COL_FUNCTION);
}

/* The rubric's vector for this finding, when its model has answers. */
static int rubric_vector(struct finding_pass *pass, sqlite3_stmt *stmt,
                         const struct tplc_finding_row *row,
                         struct tplc_rubric_result *out,
                         struct tplc_finding_device *fd, struct tplc_error *err)
{
	struct tplc_rubric_answers answers;
	size_t model, vuln, vuln_impact;
	const char *fallback = row->cvss_vector;
	struct tplc_error ignored;
	unsigned flags;
	int error;

	error = tplc_store__rubric_answers(
	        pass->store, &pass->answers,
	        sqlite3_column_int64(stmt, COL_PRODUCT), row->vuln_id, &answers,
	        &model, &vuln, &vuln_impact, err);
	if (error < 0 || model + vuln + vuln_impact == 0)
		return error;
	if (!fallback || strncmp(fallback, "CVSS:3.", 7) != 0)
		fallback = tplc_store__column_text(stmt, COL_V3_VECTOR);
	/* impact answers for the whole model judge what is at stake in it,
	 * not whether this vulnerability reaches it */
	flags = vuln_impact == 0 ? TPLC_RUBRIC_IMPACT_GATED : 0;
	if (tplc_rubric_derive(out, &answers, fallback, flags, &ignored) < 0 &&
	    tplc_rubric_derive(out, &answers, NULL, flags, &ignored) < 0)
		return 0;
	fd->rubric = vuln + vuln_impact ? "vulnerability" : "model";
	fd->rubric_answers = model + vuln + vuln_impact;
	return 1;
}

static int finding_pass_run(struct finding_pass *pass,
                            const struct tplc_finding_filter *filter,
                            struct tplc_error *err)
{
	struct tplc_store *store = pass->store;
	const char *today = tplc_ctx_today(store->ctx);
	struct tplc_priority_input in;
	struct tplc_rubric_result rubric;
	struct tplc_lifecycle_status stage;
	struct tplc_finding_device fd;
	struct tplc_finding_row row;
	struct tplc_priority pr;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__lifebook_load(store, &pass->book, err);
	if (error == 0)
		error = tplc_store__prepare(store, &stmt, finding_devices_sql,
		                            err);
	if (error < 0) {
		tplc_store__lifebook_free(pass->book);
		pass->book = NULL;
		return error;
	}
	tplc_store__bind_text(stmt, 1, filter->product);
	tplc_store__bind_text(stmt, 2, filter->vuln_id);
	sqlite3_bind_int(stmt, 3, filter->kev_only);
	tplc_store__bind_text(stmt, 5, filter->asset_tag);
	sqlite3_bind_int(stmt, 6, filter->all || filter->states != 0);
	sqlite3_bind_int64(stmt, 7, filter->id);
	sqlite3_bind_int(stmt, 8, filter->overdue);
	tplc_store__bind_text(stmt, 9, tplc_ctx_now(store->ctx));
	tplc_store__bind_text(stmt, 10, today);
	sqlite3_bind_int(stmt, 11,
	                 filter->by_device || filter->asset_tag != NULL);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_finding(stmt, &row);
		if (!state_wanted(filter, row.state))
			continue;
		memset(&in, 0, sizeof(in));
		memset(&fd, 0, sizeof(fd));
		in.kev = row.kev;
		in.kev_ransomware = row.kev_ransomware;
		in.epss = tplc_store__column_score(stmt, COL_EPSS);
		in.epss_percentile =
		        tplc_store__column_score(stmt, COL_EPSS_PERCENTILE);
		in.cvss_vector = row.cvss_vector;
		in.cvss_score = row.cvss_score;
		read_environment(stmt, &in.env);
		fd.segment = tplc_store__column_text(stmt, COL_SEGMENT);
		in.lifecycle = TPLC_LIFECYCLE_UNKNOWN;
		if (row.asset_tag) {
			error = tplc_store__lifebook_status(
			        pass->book,
			        sqlite3_column_int64(stmt, COL_PRODUCT_VERSION),
			        tplc_store__column_text(stmt, COL_EOL),
			        tplc_store__column_text(stmt, COL_EOS), today,
			        &stage, err);
			if (error < 0)
				break;
			in.lifecycle = stage.stage;
			fd.eol_date = stage.eol[0] ? stage.eol : NULL;
			fd.eos_date = stage.eos[0] ? stage.eos : NULL;
		}
		in.vex_closed = row.vex_status &&
		                (strcmp(row.vex_status, "not_affected") == 0 ||
		                 strcmp(row.vex_status, "fixed") == 0);
		error = rubric_vector(pass, stmt, &row, &rubric, &fd, err);
		if (error < 0)
			break;
		if (error > 0) {
			in.rubric_vector = rubric.vector;
			fd.rubric_result = &rubric;
		}
		tplc_priority_compute(&pr, &in);
		row.priority = pr.score;
		row.priority_band = pr.band;
		row.priority_device = row.asset_tag;
		row.device_cvss = pr.cvss;
		row.device_vector = pr.env.vector[0] ? pr.env.vector : NULL;
		fd.row = &row;
		fd.input = &in;
		fd.priority = &pr;
		error = pass->fn(pass, &fd);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list findings");
	sqlite3_finalize(stmt);
	sqlite3_finalize(pass->answers);
	pass->answers = NULL;
	tplc_store__lifebook_free(pass->book);
	pass->book = NULL;
	return error;
}

/* ---- the list, sorted by priority --------------------------------------- */

/* The string fields of a row, to keep a copy past the statement. */
static const size_t row_strings[] = {
	offsetof(struct tplc_finding_row, vuln_id),
	offsetof(struct tplc_finding_row, title),
	offsetof(struct tplc_finding_row, kev_due_date),
	offsetof(struct tplc_finding_row, kev_ransomware),
	offsetof(struct tplc_finding_row, cvss_vector),
	offsetof(struct tplc_finding_row, manufacturer),
	offsetof(struct tplc_finding_row, model),
	offsetof(struct tplc_finding_row, version),
	offsetof(struct tplc_finding_row, component),
	offsetof(struct tplc_finding_row, component_purl),
	offsetof(struct tplc_finding_row, match),
	offsetof(struct tplc_finding_row, reason),
	offsetof(struct tplc_finding_row, advisory_source),
	offsetof(struct tplc_finding_row, advisory_id),
	offsetof(struct tplc_finding_row, fixed_in),
	offsetof(struct tplc_finding_row, remediation),
	offsetof(struct tplc_finding_row, asset_tag),
	offsetof(struct tplc_finding_row, first_seen),
	offsetof(struct tplc_finding_row, last_seen),
	offsetof(struct tplc_finding_row, vex_status),
	offsetof(struct tplc_finding_row, vex_justification),
	offsetof(struct tplc_finding_row, vex_detail),
	offsetof(struct tplc_finding_row, vex_source),
	offsetof(struct tplc_finding_row, vex_advisory),
	offsetof(struct tplc_finding_row, priority_device),
	offsetof(struct tplc_finding_row, device_vector),
	offsetof(struct tplc_finding_row, state),
	offsetof(struct tplc_finding_row, state_reason),
	offsetof(struct tplc_finding_row, state_by),
	offsetof(struct tplc_finding_row, state_at),
};

struct finding_list {
	struct tplx_arena *arena;
	struct tplc_finding_row **rows;
	size_t count, cap;
	bool by_device;
	int nomem;
};

static struct tplc_finding_row *copy_row(struct tplx_arena *arena,
                                         const struct tplc_finding_row *src)
{
	struct tplc_finding_row *dst = tplx_arena_alloc(arena, sizeof(*dst));

	if (dst == NULL)
		return NULL;
	*dst = *src;
	for (size_t i = 0; i < sizeof(row_strings) / sizeof(row_strings[0]);
	     i++) {
		const char **field =
		        (const char **)(void *)((char *)dst + row_strings[i]);
		if (*field &&
		    (*field = tplx_arena_strdup(arena, *field)) == NULL)
			return NULL;
	}
	return dst;
}

/* Rows come in finding order: a finding's devices are consecutive. */
static int list_row(struct finding_pass *pass, struct tplc_finding_device *fd)
{
	struct finding_list *list = pass->data;
	const struct tplc_finding_row *row = fd->row;
	struct tplc_finding_row *last =
	        list->count ? list->rows[list->count - 1] : NULL;
	long long devices;

	if (!list->by_device && last && last->id == row->id) {
		devices = last->devices + row->devices;
		if (row->priority > last->priority) {
			last = copy_row(list->arena, row);
			if (last == NULL)
				return list->nomem = TPLC_ENOMEM;
			list->rows[list->count - 1] = last;
		}
		last->devices = devices;
		return 0;
	}
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 256;
		struct tplc_finding_row **rows =
		        tplx_reallocarray(list->rows, cap, sizeof(*rows));
		if (rows == NULL)
			return list->nomem = TPLC_ENOMEM;
		list->rows = rows;
		list->cap = cap;
	}
	if ((list->rows[list->count] = copy_row(list->arena, row)) == NULL)
		return list->nomem = TPLC_ENOMEM;
	list->count++;
	return 0;
}

static int compare_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* Priority first; ties as the list was before priorities: KEV, CVSS,
 * then names, so the order is the same on every run. */
static int compare_rows(const void *pa, const void *pb)
{
	const struct tplc_finding_row *a =
	        *(const struct tplc_finding_row *const *)pa;
	const struct tplc_finding_row *b =
	        *(const struct tplc_finding_row *const *)pb;
	int c;

	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	if (a->kev != b->kev)
		return a->kev ? -1 : 1;
	if (a->cvss_score != b->cvss_score)
		return a->cvss_score > b->cvss_score ? -1 : 1;
	if ((c = compare_text(a->vuln_id, b->vuln_id)) != 0 ||
	    (c = compare_text(a->manufacturer, b->manufacturer)) != 0 ||
	    (c = compare_text(a->model, b->model)) != 0 ||
	    (c = compare_text(a->version, b->version)) != 0 ||
	    (c = compare_text(a->asset_tag, b->asset_tag)) != 0)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

int tplc_store_findings(struct tplc_store *store,
                        const struct tplc_finding_filter *filter,
                        tplc_finding_cb cb, void *data, struct tplc_error *err)
{
	struct finding_list list = { 0 };
	struct finding_pass pass = { store, NULL, NULL, list_row, &list };
	int error;

	list.by_device = filter->by_device || filter->asset_tag != NULL;
	list.arena = tplx_arena_new();
	if (list.arena == NULL)
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	error = finding_pass_run(&pass, filter, err);
	if (list.nomem)
		error = tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	if (error == 0 && list.count > 1)
		qsort(list.rows, list.count, sizeof(*list.rows), compare_rows);
	for (size_t i = 0; error == 0 && i < list.count; i++) {
		if (filter->limit && i == filter->limit)
			break;
		if (!list.by_device)
			list.rows[i]->asset_tag = NULL;
		error = cb(list.rows[i], data);
	}
	tplx_free(list.rows);
	tplx_arena_free(list.arena);
	return error;
}

/* ---- one finding, device by device --------------------------------------- */

struct explain {
	tplc_finding_device_cb cb;
	void *data;
	long long found;
};

static int explain_row(struct finding_pass *pass,
                       struct tplc_finding_device *fd)
{
	struct explain *ex = pass->data;

	ex->found++;
	return ex->cb(fd, ex->data);
}

int tplc_store_finding_explain(struct tplc_store *store, long long id,
                               const char *asset_tag, tplc_finding_device_cb cb,
                               void *data, struct tplc_error *err)
{
	struct tplc_finding_filter filter = { 0 };
	struct explain ex = { cb, data, 0 };
	struct finding_pass pass = { store, NULL, NULL, explain_row, &ex };
	int error;

	filter.id = id;
	filter.asset_tag = asset_tag;
	filter.all = true;
	filter.by_device = true; /* each device's own decision */
	error = finding_pass_run(&pass, &filter, err);
	if (error == 0 && ex.found == 0)
		return tplc_error_set(err, TPLC_ENOTFOUND,
		                      "no finding %lld%s%s", id,
		                      asset_tag ? " on device " : "",
		                      asset_tag ? asset_tag : "");
	return error;
}

static const char summary_sql[] =
        "SELECT"
        " (SELECT COUNT(*) FROM sites),"
        " (SELECT COUNT(*) FROM devices),"
        " (SELECT COUNT(*) FROM products),"
        " (SELECT COUNT(*) FROM product_versions),"
        " (SELECT COUNT(*) FROM sboms),"
        " (SELECT COUNT(*) FROM components),"
        " (SELECT COUNT(*) FROM advisories),"
        " (SELECT COUNT(*) FROM vulnerabilities),"
        " (SELECT COUNT(*) FROM vulnerabilities WHERE kev),"
        " (SELECT COUNT(*) FROM (SELECT DISTINCT product_version_id, vuln_id"
        "   FROM findings f WHERE " FINDING_OPEN ")),"
        " (SELECT COUNT(*) FROM (SELECT DISTINCT f.product_version_id,"
        "   f.vuln_id FROM findings f JOIN vulnerabilities u"
        "   ON u.id = f.vuln_id WHERE u.kev AND " FINDING_OPEN ")),"
        " (SELECT COUNT(*) FROM devices d WHERE EXISTS (SELECT 1"
        "   FROM findings f WHERE f.product_version_id ="
        "   d.product_version_id AND " FINDING_OPEN ")),"
        " (SELECT COUNT(*) FROM devices d WHERE EXISTS (SELECT 1"
        "   FROM findings f JOIN vulnerabilities u ON u.id = f.vuln_id"
        "   WHERE f.product_version_id = d.product_version_id AND u.kev"
        "   AND " FINDING_OPEN ")),"
        " (SELECT MAX(at) FROM scans),"
        /* each key's newest decision (triage.h) */
        " (SELECT COUNT(*) FROM finding_triage t WHERE t.id = (SELECT"
        "   MAX(x.id) FROM finding_triage x WHERE x.product_version_id ="
        "   t.product_version_id AND x.component = t.component AND"
        "   x.vuln_id = t.vuln_id AND coalesce(x.device_id, 0) ="
        "   coalesce(t.device_id, 0)) AND t.state NOT IN ('new',"
        "   'in-triage')),"
        /* ?1: today; an acceptance runs through its expiry day */
        " (SELECT COUNT(*) FROM acceptances WHERE status = 'approved'"
        "   AND expires >= ?1),"
        " (SELECT COUNT(*) FROM acceptances WHERE status = 'pending'"
        "   AND expires >= ?1),"
        " (SELECT COUNT(*) FROM acceptances WHERE status = 'expired'"
        "   OR (status IN ('approved', 'pending') AND expires < ?1))";

int tplc_store_summary(struct tplc_store *store, struct tplc_fleet_summary *out,
                       struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error;
	const char *scan;

	memset(out, 0, sizeof(*out));
	error = tplc_store__prepare(store, &stmt, summary_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, tplc_ctx_today(store->ctx));
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		error = tplc_store__fail(store, err, "cannot summarise");
		goto out;
	}
	out->sites = sqlite3_column_int64(stmt, 0);
	out->devices = sqlite3_column_int64(stmt, 1);
	out->products = sqlite3_column_int64(stmt, 2);
	out->product_versions = sqlite3_column_int64(stmt, 3);
	out->sboms = sqlite3_column_int64(stmt, 4);
	out->components = sqlite3_column_int64(stmt, 5);
	out->advisories = sqlite3_column_int64(stmt, 6);
	out->vulnerabilities = sqlite3_column_int64(stmt, 7);
	out->kev_vulnerabilities = sqlite3_column_int64(stmt, 8);
	out->findings = sqlite3_column_int64(stmt, 9);
	out->kev_findings = sqlite3_column_int64(stmt, 10);
	out->exposed_devices = sqlite3_column_int64(stmt, 11);
	out->kev_exposed_devices = sqlite3_column_int64(stmt, 12);
	scan = tplc_store__column_text(stmt, 13);
	if (scan != NULL)
		snprintf(out->last_scan, sizeof(out->last_scan), "%s", scan);
	out->decided = sqlite3_column_int64(stmt, 14);
	out->accepted = sqlite3_column_int64(stmt, 15);
	out->awaiting_approval = sqlite3_column_int64(stmt, 16);
	out->expired_acceptances = sqlite3_column_int64(stmt, 17);
out:
	sqlite3_finalize(stmt);
	return error;
}
