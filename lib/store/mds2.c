/* SPDX-License-Identifier: Apache-2.0 */
/*
 * MDS2 forms per product version (schema v5: mds2_forms, mds2_answers).
 * A form is never replaced: importing again appends a newer form, and the
 * newest is the version's current one, so "what did the manufacturer say
 * last year" stays answerable (tplc mds2 diff --from-form).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "tplc/ctx.h"
#include "tplc/mds2.h"
#include "tplc/sign.h"
#include "util/alloc.h"
#include "util/str.h"

#define NAME_MAX_LEN 256

/*
 * The product's manufacturer and model: an existing product named by
 * product, else manufacturer (or product's first word) and the rest.
 */
static int resolve(struct tplc_store *store, const char *manufacturer,
                   const char *product, char *maker, char *model,
                   struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *space;
	size_t mlen;
	int error;

	/* exact: "Acme Pump" must not land on an existing "Acme Pump Pro" */
	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT manufacturer, model FROM products"
	        " WHERE (manufacturer || ' ' || model) = ?1 COLLATE NOCASE"
	        " AND (?2 IS NULL OR manufacturer = ?2)",
	        err);
	if (error != 0)
		return error;
	tplc_store__bind_text(stmt, 1, product);
	tplc_store__bind_text(stmt, 2, manufacturer);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		snprintf(maker, NAME_MAX_LEN, "%s",
		         tplc_store__column_text(stmt, 0));
		snprintf(model, NAME_MAX_LEN, "%s",
		         tplc_store__column_text(stmt, 1));
		sqlite3_finalize(stmt);
		return 0;
	}
	sqlite3_finalize(stmt);
	if (manufacturer != NULL) {
		mlen = strlen(manufacturer);
		if (strncasecmp(product, manufacturer, mlen) == 0 &&
		    product[mlen] == ' ')
			product += mlen + 1;
		snprintf(maker, NAME_MAX_LEN, "%s", manufacturer);
		snprintf(model, NAME_MAX_LEN, "%s", product);
		return 0;
	}
	space = strchr(product, ' ');
	if (space == NULL)
		return tplc_error_set(err, TPLC_EINVAL,
		                      "product '%s' is not known and names no "
		                      "manufacturer: give --manufacturer",
		                      product);
	snprintf(maker, NAME_MAX_LEN, "%.*s", (int)(space - product), product);
	snprintf(model, NAME_MAX_LEN, "%s", space + 1);
	return 0;
}

static int insert_answers(struct tplc_store *store, long long form_id,
                          const struct tplc_mds2_form *form,
                          struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t i;
	int error;

	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO mds2_answers(form_id, question_id, answer, text,"
	        " note, question) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	        err);
	for (i = 0; error == 0 && i < form->count; i++) {
		const struct tplc_mds2_item *it = &form->items[i];

		sqlite3_bind_int64(stmt, 1, form_id);
		tplc_store__bind_text(stmt, 2, it->id);
		tplc_store__bind_text(stmt, 3,
		                      tplc_mds2_answer_name(it->answer));
		tplc_store__bind_text(stmt, 4, it->text);
		tplc_store__bind_text(stmt, 5, it->note);
		tplc_store__bind_text(stmt, 6, it->question);
		error = tplc_store__step_done(store, stmt, err,
		                              "cannot store an MDS2 answer");
	}
	sqlite3_finalize(stmt);
	return error;
}

static int insert_form(struct tplc_store *store, const char *data, size_t len,
                       const char *source, const char *by,
                       const struct tplc_mds2_form *form, long long pv,
                       const char *subject, struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char hex[TPLC_SHA256_HEX_SIZE], id[24], answers[24], unanswered[24];
	long long form_id;
	int error;

	tplc_sha256_hex(data, len, hex);
	error = tplc_store__prepare(
	        store, &stmt,
	        "INSERT INTO mds2_forms(product_version_id, document_id,"
	        " released, source, sha256, imported_by, imported_at)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
	        err);
	if (error != 0)
		return error;
	sqlite3_bind_int64(stmt, 1, pv);
	tplc_store__bind_text(stmt, 2, form->document_id);
	tplc_store__bind_text(stmt, 3, form->released);
	tplc_store__bind_text(stmt, 4, source);
	tplc_store__bind_text(stmt, 5, hex);
	tplc_store__bind_text(stmt, 6, by);
	tplc_store__bind_text(stmt, 7, tplc_ctx_now(store->ctx));
	error = tplc_store__step_id(store, stmt, &form_id, err,
	                            "cannot store the MDS2 form");
	if (error == 0)
		error = insert_answers(store, form_id, form, err);
	if (error == 0) {
		const char *detail[] = { "form",     id,       "source",
			                 source,     "sha256", hex,
			                 "answers",  answers,  "unanswered",
			                 unanswered, NULL };

		snprintf(id, sizeof(id), "%lld", form_id);
		snprintf(answers, sizeof(answers), "%zu", form->count);
		snprintf(unanswered, sizeof(unanswered), "%zu",
		         form->unanswered);
		error = tplc_store__audit(store, by, "mds2.import", subject,
		                          detail, err);
	}
	return error;
}

int tplc_store_mds2_import(struct tplc_store *store, const char *data,
                           size_t len, const char *source,
                           const char *manufacturer, const char *product,
                           const char *version, const char *by,
                           tplc_mds2_warn_cb warn, void *warn_data,
                           struct tplc_import_stats *stats,
                           struct tplc_error *err)
{
	struct tplc_mds2_form *form = NULL;
	char maker[NAME_MAX_LEN], model[NAME_MAX_LEN];
	char subject[3 * NAME_MAX_LEN + 3];
	long long pv;
	int error;

	memset(stats, 0, sizeof(*stats));
	if (tplx_is_blank(product) || tplx_is_blank(version))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "an MDS2 form needs a product and a "
		                      "version");
	if (tplx_is_blank(by))
		return tplc_error_set(err, TPLC_EINVAL,
		                      "say who imports the MDS2 form (--by)");
	error = tplc_mds2_parse(&form, data, len, source, warn, warn_data, err);
	if (error != 0)
		return error;
	error = tplc_store__import_begin(store, err);
	if (error != 0)
		goto out;
	error = resolve(store, manufacturer, product, maker, model, err);
	if (error == 0)
		error = tplc_store__product_version(store, maker, model,
		                                    version, &pv, err);
	snprintf(subject, sizeof(subject), "%s %s %s", maker, model, version);
	if (error == 0)
		error = insert_form(store, data, len, source, by, form, pv,
		                    subject, err);
	error = tplc_store__import_end(store, error);
	if (error == 0) {
		stats->added = form->count;
		stats->warnings = form->warnings;
		stats->updated = form->unanswered;
	}
out:
	tplc_mds2_form_free(form);
	return error;
}

#define FORM_SELECT                                                            \
	"SELECT f.id, p.manufacturer, p.model, v.version, f.document_id,"      \
	" f.released, f.source, f.sha256, f.imported_by, f.imported_at,"       \
	" (SELECT count(*) FROM mds2_answers a WHERE a.form_id = f.id),"       \
	" (SELECT count(*) FROM mds2_answers a WHERE a.form_id = f.id"         \
	"  AND a.answer = 'unanswered'),"                                      \
	" f.id = (SELECT max(g.id) FROM mds2_forms g"                          \
	"  WHERE g.product_version_id = f.product_version_id) AS current"      \
	" FROM mds2_forms f"                                                   \
	" JOIN product_versions v ON v.id = f.product_version_id"              \
	" JOIN products p ON p.id = v.product_id"                              \
	" WHERE (?1 IS NULL OR instr(lower(p.manufacturer || ' ' || p.model)," \
	" lower(?1)) > 0) AND (?2 IS NULL OR v.version = ?2)"                  \
	" AND (?3 OR current)"                                                 \
	" ORDER BY p.manufacturer, p.model, v.version, f.id"

int tplc_store_mds2_forms(struct tplc_store *store, const char *product,
                          const char *version, bool all_forms,
                          tplc_mds2_form_cb cb, void *data,
                          struct tplc_error *err)
{
	struct tplc_mds2_form_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(store, &stmt, FORM_SELECT, err);
	if (error != 0)
		return error;
	tplc_store__bind_text(stmt, 1, product);
	tplc_store__bind_text(stmt, 2, version);
	sqlite3_bind_int(stmt, 3, all_forms);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(stmt, 0);
		row.manufacturer = tplc_store__column_text(stmt, 1);
		row.model = tplc_store__column_text(stmt, 2);
		row.version = tplc_store__column_text(stmt, 3);
		row.document_id = tplc_store__column_text(stmt, 4);
		row.released = tplc_store__column_text(stmt, 5);
		row.source = tplc_store__column_text(stmt, 6);
		row.sha256 = tplc_store__column_text(stmt, 7);
		row.imported_by = tplc_store__column_text(stmt, 8);
		row.imported_at = tplc_store__column_text(stmt, 9);
		row.answers = sqlite3_column_int64(stmt, 10);
		row.unanswered = sqlite3_column_int64(stmt, 11);
		row.current = sqlite3_column_int(stmt, 12) != 0;
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err, "cannot list MDS2 forms");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_mds2_answers(struct tplc_store *store, long long form_id,
                            tplc_mds2_answer_cb cb, void *data,
                            struct tplc_error *err)
{
	struct tplc_mds2_answer_row row;
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	/* in the form's own order */
	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT question_id, answer, text, note, question"
	        " FROM mds2_answers WHERE form_id = ?1 ORDER BY rowid",
	        err);
	if (error != 0)
		return error;
	sqlite3_bind_int64(stmt, 1, form_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.question_id = tplc_store__column_text(stmt, 0);
		row.answer = tplc_store__column_text(stmt, 1);
		row.text = tplc_store__column_text(stmt, 2);
		row.note = tplc_store__column_text(stmt, 3);
		row.question = tplc_store__column_text(stmt, 4);
		error = cb(&row, data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err,
		                         "cannot read MDS2 answers");
	sqlite3_finalize(stmt);
	return error;
}

int tplc_store_mds2_missing(struct tplc_store *store, const char *product,
                            tplc_mds2_missing_cb cb, void *data,
                            struct tplc_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int error, rc;

	error = tplc_store__prepare(
	        store, &stmt,
	        "SELECT p.manufacturer, p.model, v.version"
	        " FROM product_versions v JOIN products p ON p.id = "
	        "v.product_id"
	        " WHERE EXISTS (SELECT 1 FROM devices d"
	        "  WHERE d.product_version_id = v.id)"
	        " AND NOT EXISTS (SELECT 1 FROM mds2_forms f"
	        "  WHERE f.product_version_id = v.id)"
	        " AND (?1 IS NULL OR instr(lower(p.manufacturer || ' ' ||"
	        " p.model), lower(?1)) > 0)"
	        " ORDER BY p.manufacturer, p.model, v.version",
	        err);
	if (error != 0)
		return error;
	tplc_store__bind_text(stmt, 1, product);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		error = cb(tplc_store__column_text(stmt, 0),
		           tplc_store__column_text(stmt, 1),
		           tplc_store__column_text(stmt, 2), data);
		if (error != 0)
			break;
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = tplc_store__fail(store, err,
		                         "cannot list product versions");
	sqlite3_finalize(stmt);
	return error;
}
