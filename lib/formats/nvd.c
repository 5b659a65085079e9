/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NVD CVE API 2.0 response pages: {"resultsPerPage":..,
 * "vulnerabilities":[{"cve":{...}}]}, read as a stream with
 * tplx_json_each.  Each CVE is an advisory of its own (source "nvd", id
 * the CVE id) with one vulnerability; nvd-config.c reads its
 * configurations.
 */
#include <string.h>

#include "nvd.h"
#include "util/arena.h"
#include "util/json.h"

/* The metric arrays of cve.metrics, newest CVSS version first. */
static const struct metric_kind {
	const char *key;
	const char *version; /* when cvssData gives none */
} metric_kinds[] = {
	{ "cvssMetricV40", "4.0" },
	{ "cvssMetricV31", "3.1" },
	{ "cvssMetricV30", "3.0" },
	{ "cvssMetricV2", "2.0" },
};

/*
 * Which metric is the vulnerability's own score: NVD's (Primary) v3.1,
 * else v3.0, else v4.0, else v2.  v3 comes first because NVD has scored
 * every CVE since 2016 in it and it is what the other feeds (OSV, CSAF)
 * and scanners give, so scores compare across sources; v4.0 comes mostly
 * from CNAs, v2 only from old records.  When no metric is Primary the
 * Secondary ones (a CNA's) are taken in the same order.
 */
static const char *const score_order[] = { "3.1", "3.0", "4.0", "2.0" };

static int read_metric(struct tplc_nvd_parser *p, const struct tplx_json *item,
                       const struct tplx_jpath *path, const char *version,
                       struct tplc_metric *m)
{
	struct tplx_jpath at = tplx_jpath_key(path, "cvssData");
	const char *source, *type, *given, *vector;
	const struct tplx_json *data, *score;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("source", &source, false),
		TPLX_FIELD_STRING("type", &type, false),
		TPLX_FIELD_NODE("cvssData", TPLX_JSON_OBJECT, &data, true),
	};
	const struct tplx_json_field cvss[] = {
		TPLX_FIELD_STRING("version", &given, false),
		TPLX_FIELD_STRING("vectorString", &vector, false),
		TPLX_FIELD_NODE("baseScore", TPLX_JSON_NUMBER, &score, false),
	};
	int error;

	error = tplx_json_fields(p->doc, item, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0)
		error = tplx_json_fields(p->doc, data, &at, cvss,
		                         TPLX_FIELDS_COUNT(cvss), p->err);
	if (error != 0)
		return error;
	if (score != NULL &&
	    (score->u.number.value < 0 || score->u.number.value > 10))
		return tplx_json_fail(p->doc, score, &at, p->err,
		                      "baseScore %s is not between 0 and 10",
		                      score->u.number.text);
	m->score = score ? score->u.number.value : -1;
	tplc_advisory_build_str(&p->b, &m->version, given ? given : version);
	tplc_advisory_build_str(&p->b, &m->vector, vector);
	tplc_advisory_build_str(&p->b, &m->source, source);
	tplc_advisory_build_str(&p->b, &m->type, type);
	return p->b.error;
}

static void pick_score(struct tplc_vuln *v)
{
	const struct tplc_metric *best = NULL;
	size_t pass, k, i;

	for (pass = 0; pass < 2 && best == NULL; pass++) {
		for (k = 0; best == NULL && k < 4; k++) {
			for (i = 0; best == NULL && i < v->metric_count; i++) {
				const struct tplc_metric *m = &v->metrics[i];
				bool primary = m->type != NULL &&
				               strcmp(m->type, "Primary") == 0;

				if (m->version != NULL &&
				    strcmp(m->version, score_order[k]) == 0 &&
				    (pass == 1 || primary))
					best = m;
			}
		}
	}
	if (best != NULL) {
		v->cvss_score = best->score;
		v->cvss_vector = best->vector;
	}
}

static int read_metrics(struct tplc_nvd_parser *p, const struct tplx_json *cve,
                        const struct tplx_jpath *path, struct tplc_vuln *v)
{
	struct tplx_jpath at = tplx_jpath_key(path, "metrics"), key, item;
	const struct tplx_json *metrics, *list[4] = { NULL, NULL, NULL, NULL };
	size_t k, i, n = 0;
	int error;

	error = tplx_json_opt_object(p->doc, cve, path, "metrics", &metrics,
	                             p->err);
	for (k = 0; error == 0 && metrics != NULL && k < 4; k++) {
		error = tplx_json_opt_array(p->doc, metrics, &at,
		                            metric_kinds[k].key, &list[k],
		                            p->err);
		n += list[k] ? list[k]->u.array.count : 0;
	}
	if (error != 0 || n == 0)
		return error;
	v->metrics = tplx_arena_array(p->b.adv->arena, n, sizeof(*v->metrics));
	if (v->metrics == NULL)
		return tplc_advisory_build_nomem(&p->b);
	for (k = 0; error == 0 && k < 4; k++) {
		key = tplx_jpath_key(&at, metric_kinds[k].key);
		for (i = 0; error == 0 && list[k] && i < list[k]->u.array.count;
		     i++) {
			item = tplx_jpath_index(&key, i);
			error = read_metric(p, list[k]->u.array.items[i], &item,
			                    metric_kinds[k].version,
			                    &v->metrics[v->metric_count++]);
		}
	}
	if (error == 0)
		pick_score(v);
	return error;
}

/* The English text of a [{lang, value}] list (descriptions). */
static int english(struct tplc_nvd_parser *p, const struct tplx_json *list,
                   const struct tplx_jpath *path, const char **out)
{
	struct tplx_jpath item;
	const char *lang, *value;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("lang", &lang, true),
		TPLX_FIELD_STRING("value", &value, true),
	};
	size_t i;
	int error = 0;

	*out = NULL;
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		item = tplx_jpath_index(path, i);
		error = tplx_json_fields(p->doc, list->u.array.items[i], &item,
		                         fields, TPLX_FIELDS_COUNT(fields),
		                         p->err);
		if (error == 0 && *out == NULL && strcmp(lang, "en") == 0)
			*out = value;
	}
	return error;
}

/* weaknesses[].description[].value: the first "CWE-n" (NVD also says
 * "NVD-CWE-Other" and "NVD-CWE-noinfo", which name no weakness). */
static const struct tplc_cwe_keys cwe_keys = { "weaknesses", "description",
	                                       "value", true };

static int read_cve(struct tplc_nvd_parser *p, const struct tplx_json *record,
                    const struct tplx_jpath *path)
{
	struct tplx_jpath at = tplx_jpath_key(path, "cve");
	struct tplx_jpath dpath = tplx_jpath_key(&at, "descriptions");
	const char *id, *published, *modified, *status, *description;
	const struct tplx_json *cve, *descriptions;
	const struct tplx_json_field outer[] = {
		TPLX_FIELD_NODE("cve", TPLX_JSON_OBJECT, &cve, true),
	};
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("id", &id, true),
		TPLX_FIELD_STRING("published", &published, false),
		TPLX_FIELD_STRING("lastModified", &modified, false),
		TPLX_FIELD_STRING("vulnStatus", &status, false),
		TPLX_FIELD_NODE("descriptions", TPLX_JSON_ARRAY, &descriptions,
		                false),
	};
	struct tplc_advisory *adv = p->b.adv;
	struct tplc_vuln *v;
	size_t index;
	int error;

	error = tplx_json_fields(p->doc, record, path, outer,
	                         TPLX_FIELDS_COUNT(outer), p->err);
	if (error == 0)
		error = tplx_json_fields(p->doc, cve, &at, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0)
		error = english(p, descriptions, &dpath, &description);
	if (error == 0)
		error = tplc_advisory_build_vuln(&p->b, &index);
	if (error != 0)
		return error;
	v = &p->b.vulns[index];
	tplc_advisory_build_str(&p->b, &v->id, id);
	tplc_advisory_build_str(&p->b, &v->description, description);
	tplc_advisory_build_str(&p->b, &v->published, published);
	tplc_advisory_build_str(&p->b, &v->modified, modified);
	if (status != NULL && strcmp(status, "Rejected") == 0)
		v->withdrawn = v->modified;
	adv->id = v->id;
	adv->published = v->published;
	adv->modified = v->modified;
	error = p->b.error;
	if (error == 0 && v->id == NULL)
		error = tplx_json_fail(p->doc, cve, &at, p->err, "id is empty");
	if (error == 0)
		error = read_metrics(p, cve, &at, v);
	if (error == 0)
		error = tplc_advisory_build_cwe(&p->b, p->doc, cve, &at,
		                                &cwe_keys, &v->cwe);
	if (error == 0)
		error = tplc_nvd_configurations_read(p, index, cve, &at);
	return error;
}

static int on_record(const struct tplx_json_doc *doc,
                     const struct tplx_json *record,
                     const struct tplx_jpath *path, void *data)
{
	struct tplc_nvd_parser *p = data;
	struct tplc_advisory *adv = NULL;
	int error;

	p->doc = doc;
	error = tplc_advisory_build_init(&p->b, "nvd", p->err);
	if (error != 0)
		return error;
	error = read_cve(p, record, path);
	if (error != 0) {
		tplc_advisory_build_abort(&p->b);
		return error;
	}
	error = tplc_advisory_build_finish(&p->b, &adv);
	if (error == 0)
		error = p->cb(adv, p->cbdata); /* which owns adv now */
	return error;
}

int tplc_nvd_each(const char *data, size_t len, const char *source,
                  tplc_advisory_cb cb, void *cbdata, struct tplc_error *err)
{
	struct tplc_nvd_parser p;

	memset(&p, 0, sizeof(p));
	p.err = err;
	p.cb = cb;
	p.cbdata = cbdata;
	return tplx_json_each(data, len, source, "vulnerabilities", on_record,
	                      &p, err);
}
