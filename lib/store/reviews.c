/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hospital's lifecycle reviews (tplc/review.h, schema v4): each one
 * appended per device with its answers, and what is due from the devices'
 * stages and their latest review.  Recording a review also makes its
 * controls the device's environment (issue 4's devices.controls and
 * exposure), so the findings' scores see them.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tplc/priority.h"
#include "tplc/review.h"
#include "util/alloc.h"
#include "util/date.h"

/* Longest product name resolved, in bytes. */
#define PRODUCT_NAME_MAX 512

struct picked {
	long long id;
	char stage[16];
};

struct pick {
	long long product_id; /* 0: any */
	struct picked *items;
	size_t count, cap;
	int error;
};

static int pick_device(const struct tplc_lifecycle_device_row *row, void *data)
{
	struct pick *p = data;
	struct picked *grown;

	if (p->product_id != 0 && row->product_id != p->product_id)
		return 0;
	if (p->count == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;

		grown = tplx_reallocarray(p->items, cap, sizeof(*grown));
		if (grown == NULL)
			return p->error = TPLC_ENOMEM;
		p->items = grown;
		p->cap = cap;
	}
	p->items[p->count].id = row->device_id;
	snprintf(p->items[p->count].stage, sizeof(p->items[0].stage), "%s",
	         tplc_lifecycle_key(row->status->stage));
	p->count++;
	return 0;
}

static int check_record(const struct tplc_review_record *r, const char *at,
                        struct tplc_error *err)
{
	if ((r->asset_tag == NULL) == (r->product == NULL))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "name one device or one product");
	if (r->by == NULL || *r->by == '\0' ||
	    strlen(r->by) > TPLC_REVIEW_NAME_MAX)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who reviewed (--by NAME)");
	if (r->notes && strlen(r->notes) > TPLC_REVIEW_NOTES_MAX)
		return tplc_error_set(err, TPLC_ELIMIT, "notes over %d bytes",
		                      TPLC_REVIEW_NOTES_MAX);
	if (r->answers == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no answers");
	if (!tplx_date_only(at))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%.32s: not a date (YYYY-MM-DD)", at);
	return tplc_review_decision_check(r->decision, r->decide_by, err);
}

/* The devices the record names, with their stage on at. */
static int pick_devices(struct tplc_store *store,
                        const struct tplc_review_record *r, const char *at,
                        struct pick *p, struct tplc_error *err)
{
	struct tplc_lifecycle_filter f;
	char name[PRODUCT_NAME_MAX];
	int error;

	memset(&f, 0, sizeof(f));
	f.as_of = at;
	f.stage = -1;
	f.site = r->site;
	f.asset_tag = r->asset_tag;
	f.version = r->version;
	if (r->product) {
		error = tplc_store__product_find(store, r->product,
		                                 &p->product_id, name,
		                                 sizeof(name), err);
		if (error < 0)
			return error;
	}
	error = tplc_store_lifecycle_devices(store, &f, pick_device, p, err);
	if (p->error < 0)
		return tplc_error_set(err, p->error, "out of memory");
	if (error < 0)
		return error;
	if (p->count == 0)
		return tplc_error_set(err, TPLC_ENOTFOUND, "no device %s%s%s%s",
		                      r->asset_tag ? r->asset_tag : "of ",
		                      r->asset_tag ? "" : name,
		                      r->version ? " at version " : "",
		                      r->version ? r->version : "");
	if (r->asset_tag && p->count > 1)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "%zu devices have asset tag '%s': name "
		                      "the site",
		                      p->count, r->asset_tag);
	return 0;
}

static const char review_sql[] =
        "INSERT INTO lifecycle_reviews(device_id, reviewed_at, reviewed_by,"
        " stage, controls, decision, decision_by, notes)"
        " VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), ?6, ?7, ?8)";
static const char answer_sql[] =
        "INSERT INTO lifecycle_review_answers(review_id, question, answer)"
        " VALUES (?1, ?2, ?3)";

#define EXPOSURE_RANK(e)                                                    \
	"CASE " e " WHEN 'internet' THEN 1 WHEN 'network' THEN 2 WHEN "     \
	"'segmented' THEN 3 WHEN 'isolated' THEN 4 WHEN 'standalone' THEN " \
	"5 ELSE 0 END"

/* Controls replace the device's; ?3 (an exposure or NULL) only tightens. */
static const char device_sql[] =
        "UPDATE devices SET controls = NULLIF(?2, ''),"
        " exposure = CASE WHEN ?3 IS NOT NULL AND " EXPOSURE_RANK(
                "exposure") " < " EXPOSURE_RANK("?3") " THEN ?3"
                                                      " ELSE exposure END"
                                                      " WHERE id = ?1";

struct statements {
	sqlite3_stmt *review, *answer, *device;
};

static int record_one(struct tplc_store *store, struct statements *s,
                      const struct tplc_review_record *r, const char *at,
                      const struct picked *d, struct tplc_error *err)
{
	char names[256], device_controls[256];
	const char *exposure = NULL;
	unsigned device_bits = 0;
	long long review_id;
	int error;

	tplc_review_controls_format(r->controls, names, sizeof(names));
	for (size_t i = 0; i < TPLC_REVIEW_CONTROLS; i++) {
		const struct tplc_review_control *c = tplc_review_control_at(i);

		if (!(r->controls & (1u << i)))
			continue;
		device_bits |= c->device_bit;
		/* isolated is tighter than segmented: it wins */
		if (c->exposure &&
		    (exposure == NULL || strcmp(c->exposure, "isolated") == 0))
			exposure = c->exposure;
	}
	tplc_controls_format(device_bits, device_controls,
	                     sizeof(device_controls));
	sqlite3_bind_int64(s->review, 1, d->id);
	tplc_store__bind_text(s->review, 2, at);
	tplc_store__bind_text(s->review, 3, r->by);
	tplc_store__bind_text(s->review, 4, d->stage);
	tplc_store__bind_text(s->review, 5, names);
	tplc_store__bind_text(s->review, 6,
	                      tplc_review_decision_name(r->decision));
	tplc_store__bind_text(s->review, 7, r->decide_by);
	tplc_store__bind_text(s->review, 8, r->notes);
	error = tplc_store__step_done(store, s->review, err,
	                              "cannot record the review");
	if (error < 0)
		return error;
	review_id = sqlite3_last_insert_rowid(store->db);
	for (size_t i = 0; error == 0 && i < TPLC_REVIEW_QUESTIONS; i++) {
		if (r->answers->answer[i] == TPLC_RUBRIC_UNANSWERED)
			continue;
		sqlite3_bind_int64(s->answer, 1, review_id);
		tplc_store__bind_text(s->answer, 2,
		                      tplc_review_question_at(i)->id);
		tplc_store__bind_text(
		        s->answer, 3,
		        tplc_rubric_answer_name(r->answers->answer[i]));
		error = tplc_store__step_done(store, s->answer, err,
		                              "cannot record an answer");
	}
	if (error < 0)
		return error;
	sqlite3_bind_int64(s->device, 1, d->id);
	tplc_store__bind_text(s->device, 2, device_controls);
	tplc_store__bind_text(s->device, 3, exposure);
	error = tplc_store__step_done(store, s->device, err,
	                              "cannot set the device's controls");
	if (error == 0) {
		char subject[48], device[24];
		const char *detail[] = {
			"device",   device,
			"stage",    d->stage,
			"decision", tplc_review_decision_name(r->decision),
			"by_date",  r->decide_by,
			"controls", names,
			NULL,
		};

		snprintf(subject, sizeof(subject), "review %lld", review_id);
		snprintf(device, sizeof(device), "%lld", d->id);
		error = tplc_store__audit(store, r->by, "review.record",
		                          subject, detail, err);
	}
	return error;
}

int tplc_store_review_record(struct tplc_store *store,
                             const struct tplc_review_record *r,
                             size_t *devices, struct tplc_error *err)
{
	struct statements s = { NULL, NULL, NULL };
	struct pick p;
	const char *at;
	int error;

	*devices = 0;
	at = r->at ? r->at : tplc_ctx_today(store->ctx);
	error = check_record(r, at, err);
	if (error < 0)
		return error;
	memset(&p, 0, sizeof(p));
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = pick_devices(store, r, at, &p, err);
	if (error == 0)
		error = tplc_store__prepare(store, &s.review, review_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &s.answer, answer_sql, err);
	if (error == 0)
		error = tplc_store__prepare(store, &s.device, device_sql, err);
	for (size_t i = 0; error == 0 && i < p.count; i++)
		error = record_one(store, &s, r, at, &p.items[i], err);
	sqlite3_finalize(s.review);
	sqlite3_finalize(s.answer);
	sqlite3_finalize(s.device);
	if (error == 0)
		*devices = p.count;
	tplx_free(p.items);
	return tplc_store__import_end(store, error);
}

/* ---- what is due ---------------------------------------------------------- */

static const char last_sql[] =
        "SELECT reviewed_at, decision, decision_by, controls"
        " FROM lifecycle_reviews WHERE device_id = ?1"
        " ORDER BY reviewed_at DESC, id DESC LIMIT 1";

struct due_walk {
	struct tplc_store *store;
	sqlite3_stmt *last;
	const char *as_of;
	long horizon;
	bool overdue_only;
	tplc_review_due_cb cb;
	void *data;
	struct tplc_error *err;
};

static int due_device(const struct tplc_lifecycle_device_row *row, void *data)
{
	struct due_walk *w = data;
	struct tplc_review_last last;
	struct tplc_review_due due;
	struct tplc_review_due_row out;
	const char *decision = NULL;
	int error, rc;

	memset(&last, 0, sizeof(last));
	sqlite3_reset(w->last);
	sqlite3_bind_int64(w->last, 1, row->device_id);
	rc = sqlite3_step(w->last);
	if (rc == SQLITE_ROW) {
		int d;

		last.date = tplc_store__column_text(w->last, 0);
		decision = tplc_store__column_text(w->last, 1);
		d = tplc_review_decision_parse(decision);
		last.decision =
		        d < 0 ? TPLC_REVIEW_KEEP : (enum tplc_review_decision)d;
		last.decide_by = tplc_store__column_text(w->last, 2);
		if (tplc_store__column_text(w->last, 3))
			tplc_review_controls_parse(
			        &last.controls,
			        tplc_store__column_text(w->last, 3), NULL);
	} else if (rc != SQLITE_DONE) {
		return tplc_store__fail(w->store, w->err,
		                        "cannot read the last review");
	}
	error = tplc_review_due(&due, row->status, &last, w->as_of, w->horizon,
	                        w->err);
	if (error < 0)
		return error;
	if (due.state != TPLC_REVIEW_OVERDUE &&
	    (w->overdue_only || due.state != TPLC_REVIEW_DUE))
		return 0;
	out.device = row;
	out.due = &due;
	out.last_review = last.date;
	out.last_decision = decision;
	return w->cb(&out, w->data);
}

int tplc_store_reviews_due(struct tplc_store *store,
                           const struct tplc_lifecycle_filter *filter,
                           long horizon_days, bool overdue_only,
                           tplc_review_due_cb cb, void *data,
                           struct tplc_error *err)
{
	struct due_walk w;
	int error;

	memset(&w, 0, sizeof(w));
	w.store = store;
	w.as_of = filter && filter->as_of ? filter->as_of
	                                  : tplc_ctx_today(store->ctx);
	w.horizon = horizon_days;
	w.overdue_only = overdue_only;
	w.cb = cb;
	w.data = data;
	w.err = err;
	error = tplc_store__prepare(store, &w.last, last_sql, err);
	if (error < 0)
		return error;
	error = tplc_store_lifecycle_devices(store, filter, due_device, &w,
	                                     err);
	sqlite3_finalize(w.last);
	return error;
}

/* ---- history -------------------------------------------------------------- */

static const char list_sql[] =
        "SELECT r.id, s.name, d.asset_tag, p.manufacturer, p.model,"
        " NULLIF(v.version, ''), r.reviewed_at, r.reviewed_by, r.stage,"
        " r.controls, r.decision, r.decision_by, r.notes,"
        " (SELECT group_concat(question || '=' || answer, ',') FROM"
        "  (SELECT question, answer FROM lifecycle_review_answers"
        "   WHERE review_id = r.id ORDER BY question))"
        " FROM lifecycle_reviews r JOIN devices d ON d.id = r.device_id"
        " JOIN sites s ON s.id = d.site_id"
        " JOIN product_versions v ON v.id = d.product_version_id"
        " JOIN products p ON p.id = v.product_id"
        " WHERE (?1 IS NULL OR d.asset_tag = ?1)"
        " ORDER BY s.name, d.asset_tag, r.reviewed_at, r.id";

int tplc_store_reviews_list(struct tplc_store *store, const char *asset_tag,
                            tplc_review_cb cb, void *data,
                            struct tplc_error *err)
{
	struct tplc_review_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, list_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, asset_tag);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&row, 0, sizeof(row));
		row.id = sqlite3_column_int64(stmt, 0);
		row.site = tplc_store__column_text(stmt, 1);
		row.asset_tag = tplc_store__column_text(stmt, 2);
		row.manufacturer = tplc_store__column_text(stmt, 3);
		row.model = tplc_store__column_text(stmt, 4);
		row.version = tplc_store__column_text(stmt, 5);
		row.reviewed_at = tplc_store__column_text(stmt, 6);
		row.reviewed_by = tplc_store__column_text(stmt, 7);
		row.stage = tplc_store__column_text(stmt, 8);
		row.controls = tplc_store__column_text(stmt, 9);
		row.decision = tplc_store__column_text(stmt, 10);
		row.decision_by = tplc_store__column_text(stmt, 11);
		row.notes = tplc_store__column_text(stmt, 12);
		row.answers = tplc_store__column_text(stmt, 13);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list reviews");
	sqlite3_finalize(stmt);
	return error;
}
