/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CISA Known Exploited Vulnerabilities catalogue, JSON or CSV.  Both forms
 * carry the same record under the same names; each walk collects a
 * record's values by name and kev_fill turns them into one vulnerability,
 * so the two forms cannot drift apart.  KEV names no versions: there are
 * no affected entries.
 */
#include <string.h>

#include "advisory-build.h"
#include "tplc/advisory.h"
#include "util/csv.h"
#include "util/json.h"
#include "util/str.h"

enum kev_field {
	KEV_CVE,
	KEV_VENDOR,
	KEV_PRODUCT,
	KEV_NAME,
	KEV_ADDED,
	KEV_DESCRIPTION,
	KEV_ACTION,
	KEV_DUE,
	KEV_RANSOMWARE,
	KEV_NOTES,
	KEV_CWES,
	KEV_FIELDS
};

/* Names as in the catalogue's schema and the CSV header. */
static const struct {
	const char *name;
	bool required;
} kev_fields[KEV_FIELDS] = {
	[KEV_CVE] = { "cveID", true },
	[KEV_VENDOR] = { "vendorProject", true },
	[KEV_PRODUCT] = { "product", true },
	[KEV_NAME] = { "vulnerabilityName", true },
	[KEV_ADDED] = { "dateAdded", true },
	[KEV_DESCRIPTION] = { "shortDescription", true },
	[KEV_ACTION] = { "requiredAction", true },
	[KEV_DUE] = { "dueDate", true },
	[KEV_RANSOMWARE] = { "knownRansomwareCampaignUse", false },
	[KEV_NOTES] = { "notes", false },
	[KEV_CWES] = { "cwes", false },
};

#define KEV_URL "https://www.cisa.gov/known-exploited-vulnerabilities-catalog"

/* CVE-YYYY-NNNN with 4 to 19 digits, as the schema's pattern says. */
static bool is_cve(const char *s)
{
	size_t i, n = strlen(s);

	if (n < 13 || n > 28 || strncmp(s, "CVE-", 4) != 0 || s[8] != '-')
		return false;
	for (i = 4; i < n; i++)
		if (i != 8 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

/* A value's complaint, for the caller to locate. */
struct kev_bad {
	enum kev_field field;
	const char *why;
};

/*
 * One record's values (NULL when absent) into a new vulnerability.  cwes
 * is the JSON array's first item or the CSV cell ("CWE-59, CWE-436"): the
 * first entry is kept.  Returns 0, TPLC_ENOMEM, or TPLC_EPARSE with *bad
 * set.
 */
static int kev_fill(struct tplc_advisory_build *b,
                    const char *const value[KEV_FIELDS], struct kev_bad *bad)
{
	const char *cwe = value[KEV_CWES];
	struct tplc_vuln *v;
	size_t i, index, cwe_len = 0;

	for (i = 0; i < KEV_FIELDS; i++) {
		if (kev_fields[i].required && tplx_is_blank(value[i])) {
			bad->field = (enum kev_field)i;
			bad->why = "required value is missing";
			return TPLC_EPARSE;
		}
	}
	bad->field = KEV_CVE;
	bad->why = "expected a CVE ID (CVE-YYYY-NNNN)";
	if (!is_cve(value[KEV_CVE]))
		return TPLC_EPARSE;
	bad->why = "expected a date (YYYY-MM-DD)";
	bad->field = KEV_ADDED;
	if (!tplx_is_iso_date(value[KEV_ADDED]))
		return TPLC_EPARSE;
	bad->field = KEV_DUE;
	if (!tplx_is_iso_date(value[KEV_DUE]))
		return TPLC_EPARSE;
	if (cwe != NULL)
		cwe_len = strcspn(cwe, ",");
	if (tplc_advisory_build_vuln(b, &index) != 0)
		return TPLC_ENOMEM;
	v = &b->vulns[index];
	v->kev = true;
	tplc_advisory_build_str(b, &v->id, value[KEV_CVE]);
	tplc_advisory_build_str(b, &v->title, value[KEV_NAME]);
	tplc_advisory_build_str(b, &v->description, value[KEV_DESCRIPTION]);
	tplc_advisory_build_strn(b, &v->cwe, cwe, cwe_len);
	tplc_advisory_build_str(b, &v->kev_date_added, value[KEV_ADDED]);
	tplc_advisory_build_str(b, &v->kev_due_date, value[KEV_DUE]);
	tplc_advisory_build_str(b, &v->kev_ransomware, value[KEV_RANSOMWARE]);
	tplc_advisory_build_str(b, &v->kev_action, value[KEV_ACTION]);
	tplc_advisory_build_str(b, &v->kev_vendor, value[KEV_VENDOR]);
	tplc_advisory_build_str(b, &v->kev_product, value[KEV_PRODUCT]);
	return b->error;
}

/* Catalogue-wide fields both forms share. */
static int kev_header(struct tplc_advisory_build *b, const char *id,
                      const char *title, const char *released)
{
	tplc_advisory_build_str(b, &b->adv->id, id);
	tplc_advisory_build_str(b, &b->adv->title, title);
	tplc_advisory_build_str(b, &b->adv->published, released);
	tplc_advisory_build_str(b, &b->adv->publisher, "CISA");
	tplc_advisory_build_str(b, &b->adv->url, KEV_URL);
	return b->error;
}

/* ---- JSON ------------------------------------------------------------- */

static int json_record(struct tplc_advisory_build *b,
                       const struct tplx_json_doc *doc,
                       const struct tplx_json *rec,
                       const struct tplx_jpath *path, struct tplc_error *err)
{
	const char *value[KEV_FIELDS] = { NULL };
	const struct tplx_json *cwes, *node;
	struct tplx_json_field fields[KEV_FIELDS];
	struct tplx_jpath at;
	struct kev_bad bad;
	size_t i;
	int error;

	/* the names of kev_fields, shared with the CSV header */
	for (i = 0; i < KEV_CWES; i++)
		fields[i] = (struct tplx_json_field)TPLX_FIELD_STRING(
		        kev_fields[i].name, &value[i], false);
	fields[KEV_CWES] = (struct tplx_json_field)TPLX_FIELD_NODE(
	        kev_fields[KEV_CWES].name, TPLX_JSON_ARRAY, &cwes, false);
	error = tplx_json_fields(doc, rec, path, fields, KEV_FIELDS, err);
	if (error != 0)
		return error;
	if (cwes != NULL && cwes->u.array.count > 0) {
		struct tplx_jpath list = tplx_jpath_key(path, "cwes");

		at = tplx_jpath_index(&list, 0);
		node = cwes->u.array.items[0];
		error = tplx_json_expect(doc, node, &at, TPLX_JSON_STRING, err);
		if (error != 0)
			return error;
		value[KEV_CWES] = node->u.string.ptr;
	}
	error = kev_fill(b, value, &bad);
	if (error != TPLC_EPARSE)
		return error;
	node = tplx_json_get(rec, kev_fields[bad.field].name);
	at = tplx_jpath_key(path, kev_fields[bad.field].name);
	return tplx_json_fail(doc, node ? node : rec, &at, err, "%s", bad.why);
}

int tplc_kev_parse_json(struct tplc_advisory **out, const char *data,
                        size_t len, const char *source, struct tplc_error *err)
{
	struct tplc_advisory_build b;
	struct tplx_json_doc *doc = NULL;
	struct tplx_jpath root = TPLX_JPATH_ROOT, list, item;
	const struct tplx_json *vulns, *count;
	const char *version, *title, *released;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("catalogVersion", &version, true),
		TPLX_FIELD_STRING("title", &title, false),
		TPLX_FIELD_STRING("dateReleased", &released, false),
		TPLX_FIELD_NODE("count", TPLX_JSON_NUMBER, &count, false),
		TPLX_FIELD_NODE("vulnerabilities", TPLX_JSON_ARRAY, &vulns,
		                false),
	};
	size_t i;
	int error;

	*out = NULL;
	error = tplc_advisory_build_init(&b, "kev", err);
	if (error != 0)
		return error;
	error = tplx_json_parse(&doc, data, len, source, err);
	if (error != 0)
		goto fail;
	error = tplx_json_fields(doc, doc->root, &root, fields,
	                         TPLX_FIELDS_COUNT(fields), err);
	if (error != 0)
		goto fail;
	list = tplx_jpath_key(&root, "vulnerabilities");
	if (vulns == NULL) {
		error = tplx_json_fail(doc, doc->root, &list, err,
		                       "required member is missing");
		goto fail;
	}
	if (count != NULL &&
	    count->u.number.value != (double)vulns->u.array.count) {
		item = tplx_jpath_key(&root, "count");
		error = tplx_json_fail(
		        doc, count, &item, err,
		        "count is %s but the catalogue holds %zu "
		        "records",
		        count->u.number.text, vulns->u.array.count);
		goto fail;
	}
	error = kev_header(&b, version, title, released);
	for (i = 0; i < vulns->u.array.count && error == 0; i++) {
		item = tplx_jpath_index(&list, i);
		error = json_record(&b, doc, vulns->u.array.items[i], &item,
		                    err);
	}
	if (error != 0)
		goto fail;
	tplx_json_doc_free(doc);
	return tplc_advisory_build_finish(&b, out);

fail:
	if (error == TPLC_ENOMEM)
		tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	tplx_json_doc_free(doc);
	tplc_advisory_build_abort(&b);
	return error;
}

/* ---- CSV -------------------------------------------------------------- */

#define KEV_NO_COLUMN ((size_t)-1)

/* Which column holds each field; every required one must be there. */
static int csv_header(struct tplx_csv *csv, size_t column[KEV_FIELDS],
                      struct tplc_error *err)
{
	const struct tplx_csv_field *f;
	size_t n, i, k;
	int error;

	error = tplx_csv_next(csv, &f, &n, err);
	if (error < 0)
		return error;
	if (error == 0)
		return tplc_error_set_at(err, TPLC_EPARSE, csv->source, 1, 1,
		                         NULL,
		                         "empty file: expected a header "
		                         "row (cveID,vendorProject,...)");
	for (k = 0; k < KEV_FIELDS; k++)
		column[k] = KEV_NO_COLUMN;
	for (i = 0; i < n; i++) {
		for (k = 0; k < KEV_FIELDS; k++) {
			if (strcmp(f[i].text, kev_fields[k].name) != 0)
				continue;
			if (column[k] != KEV_NO_COLUMN)
				return tplx_csv_fail(csv, &f[i], f[i].text, err,
				                     "duplicate column");
			column[k] = i;
		}
	}
	for (k = 0; k < KEV_FIELDS; k++) {
		if (kev_fields[k].required && column[k] == KEV_NO_COLUMN)
			return tplx_csv_fail(csv, NULL, kev_fields[k].name, err,
			                     "missing column");
	}
	tplx_csv_set_columns(csv, n);
	return 0;
}

int tplc_kev_parse_csv(struct tplc_advisory **out, const char *data, size_t len,
                       const char *source, struct tplc_error *err)
{
	struct tplc_advisory_build b;
	struct tplx_csv csv;
	const struct tplx_csv_field *f;
	const char *value[KEV_FIELDS];
	size_t column[KEV_FIELDS], n, k;
	struct kev_bad bad;
	int error;

	*out = NULL;
	tplx_csv_init(&csv, data, len, source);
	error = tplc_advisory_build_init(&b, "kev", err);
	if (error != 0)
		return error;
	error = csv_header(&csv, column, err);
	if (error == 0) /* the CSV form has no catalogue metadata */
		error = kev_header(&b, "kev", NULL, NULL);
	while (error == 0 && (error = tplx_csv_next(&csv, &f, &n, err)) > 0) {
		for (k = 0; k < KEV_FIELDS; k++)
			value[k] = column[k] == KEV_NO_COLUMN
			                   ? NULL
			                   : f[column[k]].text;
		error = kev_fill(&b, value, &bad);
		if (error == TPLC_EPARSE)
			error = tplx_csv_fail(&csv, &f[column[bad.field]],
			                      kev_fields[bad.field].name, err,
			                      "%s", bad.why);
	}
	tplx_csv_release(&csv);
	if (error != 0) {
		if (error == TPLC_ENOMEM)
			tplc_error_set(err, TPLC_ENOMEM, "out of memory");
		tplc_advisory_build_abort(&b);
		return error;
	}
	return tplc_advisory_build_finish(&b, out);
}
