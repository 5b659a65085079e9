/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The medical device rubric's answers, per product model: for every
 * vulnerability of the model (vuln_id '') or for one.  A vulnerability's
 * own answer overrides the model's.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tplc/rubric.h"

static const char upsert_sql[] =
        "INSERT INTO rubric_answers(product_id, vuln_id, question, answer,"
        " answered_by, answered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        " ON CONFLICT(product_id, vuln_id, question) DO UPDATE SET"
        " answer = excluded.answer, answered_by = excluded.answered_by,"
        " answered_at = excluded.answered_at";

int tplc_store_rubric_set(struct tplc_store *store, const char *product,
                          const char *vuln_id,
                          const struct tplc_rubric_answers *answers,
                          const char *by, size_t *recorded,
                          struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	long long product_id;
	int error;

	*recorded = 0;
	if (by == NULL || *by == '\0')
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who answers (--by NAME)");
	error = tplc_store__product_find(store, product, &product_id, NULL, 0,
	                                 err);
	if (error < 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error < 0)
		return error;
	error = tplc_store__prepare(store, &stmt, upsert_sql, err);
	for (size_t i = 0; error == 0 && i < TPLC_RUBRIC_QUESTIONS; i++) {
		if (answers->answer[i] == TPLC_RUBRIC_UNANSWERED)
			continue;
		sqlite3_bind_int64(stmt, 1, product_id);
		tplc_store__bind_text(stmt, 2, vuln_id ? vuln_id : "");
		tplc_store__bind_text(stmt, 3, tplc_rubric_question_at(i)->id);
		tplc_store__bind_text(
		        stmt, 4, tplc_rubric_answer_name(answers->answer[i]));
		tplc_store__bind_text(stmt, 5, by);
		tplc_store__bind_text(stmt, 6, tplc_ctx_now(store->ctx));
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot record rubric answer");
		if (error == 0)
			(*recorded)++;
	}
	sqlite3_finalize(stmt);
	if (error == 0) {
		char count[24];
		const char *detail[] = { "vulnerability", vuln_id, "answers",
			                 count, NULL };

		snprintf(count, sizeof(count), "%zu", *recorded);
		error = tplc_store__audit(store, by, "rubric.set", product,
		                          detail, err);
	}
	return tplc_store__import_end(store, error);
}

static const char list_sql[] =
        "SELECT p.manufacturer, p.model, r.vuln_id, r.question, r.answer,"
        " r.answered_by, r.answered_at FROM rubric_answers r"
        " JOIN products p ON p.id = r.product_id"
        " WHERE (?1 IS NULL OR instr(lower(p.manufacturer || ' ' ||"
        " p.model), lower(?1)) > 0) AND (?2 IS NULL OR r.vuln_id = ?2)"
        " ORDER BY p.manufacturer, p.model, r.vuln_id, r.rowid";

int tplc_store_rubric_list(struct tplc_store *store, const char *product,
                           const char *vuln_id, tplc_rubric_row_cb cb,
                           void *data, struct tplc_error *err)
{
	struct tplc_rubric_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, list_sql, err);
	if (error < 0)
		return error;
	tplc_store__bind_text(stmt, 1, product);
	tplc_store__bind_text(stmt, 2, vuln_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.manufacturer = tplc_store__column_text(stmt, 0);
		row.model = tplc_store__column_text(stmt, 1);
		row.vuln_id = tplc_store__column_text(stmt, 2);
		if (row.vuln_id && *row.vuln_id == '\0')
			row.vuln_id = NULL;
		row.question = tplc_store__column_text(stmt, 3);
		row.answer = tplc_store__column_text(stmt, 4);
		row.answered_by = tplc_store__column_text(stmt, 5);
		row.answered_at = tplc_store__column_text(stmt, 6);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list answers");
	sqlite3_finalize(stmt);
	return error;
}

/* ---- for the priority of findings --------------------------------------- */

static bool is_impact(const char *metric)
{
	return strcmp(metric, "C") == 0 || strcmp(metric, "I") == 0 ||
	       strcmp(metric, "A") == 0;
}

static const char answers_sql[] =
        "SELECT vuln_id, question, answer FROM rubric_answers"
        " WHERE product_id = ?1 AND vuln_id IN ('', ?2)"
        " ORDER BY vuln_id = ?2"; /* the vulnerability's own last */

int tplc_store__rubric_answers(struct tplc_store *store, sqlite3_stmt **cache,
                               long long product_id, const char *vuln_id,
                               struct tplc_rubric_answers *out,
                               size_t *model_answers, size_t *vuln_answers,
                               size_t *vuln_impact, struct tplc_error *err)
{
	int error = 0, rc;

	memset(out, 0, sizeof(*out));
	*model_answers = *vuln_answers = *vuln_impact = 0;
	if (*cache == NULL) {
		error = tplc_store__prepare(store, cache, answers_sql, err);
		if (error < 0)
			return error;
	}
	sqlite3_bind_int64(*cache, 1, product_id);
	tplc_store__bind_text(*cache, 2, vuln_id);
	while ((rc = sqlite3_step(*cache)) == SQLITE_ROW) {
		const char *vuln = tplc_store__column_text(*cache, 0);
		const char *question = tplc_store__column_text(*cache, 1);
		const char *answer = tplc_store__column_text(*cache, 2);
		size_t index;

		/* a question a later tplc dropped, or an answer it no longer
		 * takes, is skipped rather than failing every listing */
		if (!question || !answer ||
		    !tplc_rubric_question_find(question, &index) ||
		    tplc_rubric_answer_parse(&out->answer[index], answer, err) <
		            0)
			continue;
		if (!(vuln && *vuln))
			(*model_answers)++;
		else if (is_impact(tplc_rubric_question_at(index)->metric))
			(*vuln_impact)++;
		else
			(*vuln_answers)++;
	}
	if (rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot read answers");
	sqlite3_reset(*cache);
	return error;
}
