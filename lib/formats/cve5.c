/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One CVE JSON 5 record (CVE Record Format 5.x, as cve.org and
 * cvelistV5 publish it): one vulnerability, named by its CVE id.  The
 * CNA container gives the words, the CWE, metrics and the affected
 * products (cve5-affected.c); ADP containers (CISA's Vulnrichment) add
 * metrics, and their CPE names when the CNA gave none.  A REJECTED record
 * is kept as a withdrawn vulnerability.
 */
#include <string.h>

#include "advisory-build.h"
#include "cve5.h"
#include "tplc/advisory.h"
#include "tplc/tplc.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/json.h"

/* Metric members of a metrics[] item, best first for cvss_score. */
static const struct cvss {
	const char *key, *version;
} cvss_keys[] = {
	{ "cvssV3_1", "3.1" },
	{ "cvssV3_0", "3.0" },
	{ "cvssV4_0", "4.0" },
	{ "cvssV2_0", "2.0" },
};

#define CVSS_KEYS (sizeof(cvss_keys) / sizeof(cvss_keys[0]))

static int nomem(struct tplc_cve5_parser *p)
{
	return tplc_advisory_build_nomem(&p->b);
}

/* The English text of a [{lang, value}] list (descriptions,
 * rejectedReasons), else the first one's. */
static int read_text(struct tplc_cve5_parser *p, const struct tplx_json *obj,
                     const struct tplx_jpath *path, const char *key,
                     const char **out)
{
	struct tplx_jpath at = tplx_jpath_key(path, key), item;
	const struct tplx_json *list;
	const char *lang, *value, *best = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("lang", &lang, true),
		TPLX_FIELD_STRING("value", &value, true),
	};
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, obj, path, key, &list, p->err);
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_fields(p->doc, list->u.array.items[i], &item,
		                         fields, TPLX_FIELDS_COUNT(fields),
		                         p->err);
		if (error == 0 && (best == NULL || strncmp(lang, "en", 2) == 0))
			best = value;
		if (error == 0 && strncmp(lang, "en", 2) == 0)
			break;
	}
	if (error == 0)
		error = tplc_advisory_build_str(&p->b, out, best);
	return error;
}

/* problemTypes[].descriptions[].cweId: the first one. */
static const struct tplc_cwe_keys cwe_keys = { "problemTypes", "descriptions",
	                                       "cweId", false };

/* How many CVSS metrics a container's metrics[] holds (read checks). */
static size_t count_metrics(const struct tplx_json *container)
{
	const struct tplx_json *list = tplx_json_get(container, "metrics");
	size_t i, k, n = 0;

	for (i = 0; list != NULL && list->type == TPLX_JSON_ARRAY &&
	            i < list->u.array.count;
	     i++)
		for (k = 0; k < CVSS_KEYS; k++)
			n += tplx_json_get(list->u.array.items[i],
			                   cvss_keys[k].key) != NULL;
	return n;
}

/*
 * metrics[]: each cvssV* object as a metric scored by source; *best is
 * the rank (index in cvss_keys) of the best one set on v so far.
 */
static int read_metrics(struct tplc_cve5_parser *p,
                        const struct tplx_json *container,
                        const struct tplx_jpath *path, const char *source,
                        struct tplc_vuln *v, size_t *best)
{
	struct tplx_jpath at = tplx_jpath_key(path, "metrics"), item, m;
	const struct tplx_json *list, *obj, *score;
	const char *version, *vector;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("version", &version, false),
		TPLX_FIELD_STRING("vectorString", &vector, true),
		TPLX_FIELD_NODE("baseScore", TPLX_JSON_NUMBER, &score, false),
	};
	size_t i, k;
	int error;

	error = tplx_json_opt_array(p->doc, container, path, "metrics", &list,
	                            p->err);
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_expect(p->doc, list->u.array.items[i], &item,
		                         TPLX_JSON_OBJECT, p->err);
		for (k = 0; error == 0 && k < CVSS_KEYS; k++) {
			struct tplc_metric *metric;

			error = tplx_json_opt_object(
			        p->doc, list->u.array.items[i], &item,
			        cvss_keys[k].key, &obj, p->err);
			if (error != 0 || obj == NULL)
				continue;
			m = tplx_jpath_key(&item, cvss_keys[k].key);
			error = tplx_json_fields(p->doc, obj, &m, fields,
			                         TPLX_FIELDS_COUNT(fields),
			                         p->err);
			if (error != 0)
				break;
			metric = &v->metrics[v->metric_count++];
			metric->score = score ? score->u.number.value : -1;
			metric->source = source;
			tplc_advisory_build_str(&p->b, &metric->version,
			                        version ? version
			                                : cvss_keys[k].version);
			tplc_advisory_build_str(&p->b, &metric->vector, vector);
			error = p->b.error;
			if (error == 0 && k < *best) {
				*best = k;
				v->cvss_score = metric->score;
				v->cvss_vector = metric->vector;
			}
		}
	}
	return error;
}

/* providerMetadata.shortName of a container, into the arena. */
static int read_provider(struct tplc_cve5_parser *p,
                         const struct tplx_json *container,
                         const struct tplx_jpath *path, const char **out)
{
	struct tplx_jpath at = tplx_jpath_key(path, "providerMetadata");
	const struct tplx_json *meta;
	const char *name = NULL;
	int error;

	*out = NULL;
	error = tplx_json_opt_object(p->doc, container, path,
	                             "providerMetadata", &meta, p->err);
	if (error == 0 && meta != NULL)
		error = tplx_json_opt_string(p->doc, meta, &at, "shortName",
		                             &name, p->err);
	if (error == 0)
		error = tplc_advisory_build_str(&p->b, out, name);
	return error;
}

/* containers.adp[]: metrics, and CPE names when the CNA gave none. */
static int read_adps(struct tplc_cve5_parser *p, const struct tplx_json *adps,
                     const struct tplx_jpath *path, size_t vuln, bool cna_cpes,
                     size_t *best)
{
	struct tplx_jpath item, aff;
	const struct tplx_json *adp, *affected;
	const char *name;
	size_t i;
	int error = 0;

	for (i = 0; adps != NULL && i < adps->u.array.count && error == 0;
	     i++) {
		adp = adps->u.array.items[i];
		item = tplx_jpath_index(path, i);
		aff = tplx_jpath_key(&item, "affected");
		error = tplx_json_expect(p->doc, adp, &item, TPLX_JSON_OBJECT,
		                         p->err);
		if (error == 0)
			error = read_provider(p, adp, &item, &name);
		if (error == 0)
			error = read_metrics(p, adp, &item, name,
			                     &p->b.vulns[vuln], best);
		if (error == 0)
			error = tplx_json_opt_array(p->doc, adp, &item,
			                            "affected", &affected,
			                            p->err);
		if (error == 0 && !cna_cpes)
			error = tplc_cve5_affected_read(p, vuln, affected, &aff,
			                                true);
	}
	return error;
}

/* Room for every metric of the CNA and the ADPs, in the arena. */
static int alloc_metrics(struct tplc_cve5_parser *p,
                         const struct tplx_json *cna,
                         const struct tplx_json *adps, struct tplc_vuln *v)
{
	size_t i, n = count_metrics(cna);

	for (i = 0; adps != NULL && i < adps->u.array.count; i++)
		n += count_metrics(adps->u.array.items[i]);
	if (n == 0)
		return 0;
	v->metrics = tplx_arena_array(p->b.adv->arena, n, sizeof(*v->metrics));
	return v->metrics == NULL ? nomem(p) : 0;
}

static int read_metadata(struct tplc_cve5_parser *p,
                         const struct tplx_json *root,
                         const struct tplx_jpath *path, struct tplc_vuln *v,
                         bool *rejected)
{
	struct tplx_jpath at = tplx_jpath_key(path, "cveMetadata");
	const struct tplx_json *meta;
	const char *id, *state, *published, *updated, *rejected_at, *assigner;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("cveId", &id, true),
		TPLX_FIELD_STRING("state", &state, true),
		TPLX_FIELD_STRING("datePublished", &published, false),
		TPLX_FIELD_STRING("dateUpdated", &updated, false),
		TPLX_FIELD_STRING("dateRejected", &rejected_at, false),
		TPLX_FIELD_STRING("assignerShortName", &assigner, false),
	};
	struct tplc_advisory *adv = p->b.adv;
	int error;

	error = tplx_json_opt_object(p->doc, root, path, "cveMetadata", &meta,
	                             p->err);
	if (error == 0 && meta == NULL)
		return tplx_json_fail(p->doc, root, &at, p->err,
		                      "missing (not a CVE JSON 5 record)");
	if (error == 0)
		error = tplx_json_fields(p->doc, meta, &at, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0 && strncmp(id, "CVE-", 4) != 0) {
		struct tplx_jpath idp = tplx_jpath_key(&at, "cveId");

		return tplx_json_fail(p->doc, tplx_json_get(meta, "cveId"),
		                      &idp, p->err, "not a CVE id");
	}
	if (error != 0)
		return error;
	*rejected = strcmp(state, "REJECTED") == 0;
	tplc_advisory_build_str(&p->b, &v->id, id);
	tplc_advisory_build_str(&p->b, &v->published, published);
	tplc_advisory_build_str(&p->b, &v->modified, updated);
	if (*rejected) /* withdrawn needs a when: the latest we have */
		tplc_advisory_build_str(&p->b, &v->withdrawn,
		                        updated       ? updated
		                        : published   ? published
		                        : rejected_at ? rejected_at
		                                      : "1970-01-01T00:00:00Z");
	tplc_advisory_build_str(&p->b, &adv->publisher, assigner);
	adv->id = v->id;
	adv->published = v->published;
	adv->modified = v->modified;
	adv->url = tplx_arena_printf(adv->arena,
	                             "https://www.cve.org/CVERecord?id=%s", id);
	if (adv->url == NULL)
		return nomem(p);
	return p->b.error;
}

static int read_record(struct tplc_cve5_parser *p, const struct tplx_json *root)
{
	struct tplx_jpath top = TPLX_JPATH_ROOT;
	struct tplx_jpath at = tplx_jpath_key(&top, "containers");
	struct tplx_jpath cna_at = tplx_jpath_key(&at, "cna");
	struct tplx_jpath adp_at = tplx_jpath_key(&at, "adp");
	struct tplx_jpath aff_at = tplx_jpath_key(&cna_at, "affected");
	const struct tplx_json *containers, *cna, *adps, *affected;
	const char *title, *shortname;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_NODE("cna", TPLX_JSON_OBJECT, &cna, true),
		TPLX_FIELD_NODE("adp", TPLX_JSON_ARRAY, &adps, false),
	};
	const struct tplx_json_field cna_fields[] = {
		TPLX_FIELD_STRING("title", &title, false),
		TPLX_FIELD_NODE("affected", TPLX_JSON_ARRAY, &affected, false),
	};
	struct tplc_vuln *v;
	size_t index, best = CVSS_KEYS;
	bool rejected = false;
	int error;

	error = tplx_json_expect(p->doc, root, &top, TPLX_JSON_OBJECT, p->err);
	if (error == 0)
		error = tplc_advisory_build_vuln(&p->b, &index);
	if (error != 0)
		return error;
	v = &p->b.vulns[index];
	error = read_metadata(p, root, &top, v, &rejected);
	if (error == 0)
		error = tplx_json_opt_object(p->doc, root, &top, "containers",
		                             &containers, p->err);
	if (error == 0 && containers == NULL)
		error = tplx_json_fail(p->doc, root, &at, p->err, "missing");
	if (error == 0)
		error = tplx_json_fields(p->doc, containers, &at, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0)
		error = tplx_json_fields(p->doc, cna, &cna_at, cna_fields,
		                         TPLX_FIELDS_COUNT(cna_fields), p->err);
	if (error == 0)
		error = read_provider(p, cna, &cna_at, &shortname);
	if (error == 0)
		error = tplc_advisory_build_str(&p->b, &v->title, title);
	if (error == 0)
		error = read_text(p, cna, &cna_at,
		                  rejected ? "rejectedReasons" : "descriptions",
		                  &v->description);
	if (error == 0)
		error = tplc_advisory_build_cwe(&p->b, p->doc, cna, &cna_at,
		                                &cwe_keys, &v->cwe);
	if (error == 0)
		error = alloc_metrics(p, cna, adps, v);
	if (error == 0)
		error = read_metrics(
		        p, cna, &cna_at,
		        shortname ? shortname : p->b.adv->publisher, v, &best);
	if (error == 0)
		error = tplc_cve5_affected_read(p, index, affected, &aff_at,
		                                false);
	if (error == 0) { /* the ADPs' best only when the CNA scored none */
		size_t adp_best = best < CVSS_KEYS ? 0 : CVSS_KEYS;

		error = read_adps(p, adps, &adp_at, index,
		                  tplc_cve5_has_cpes(affected), &adp_best);
	}
	if (error == 0) {
		p->b.adv->title = v->title;
		if (p->b.adv->publisher == NULL)
			p->b.adv->publisher = shortname;
	}
	return error;
}

int tplc_cve5_parse(struct tplc_advisory **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err)
{
	struct tplc_cve5_parser p;
	int error;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.err = err;
	error = tplc_advisory_build_init(&p.b, "cve", err);
	if (error != 0)
		return error;
	error = tplx_json_parse(&p.doc, data, len, source, err);
	if (error == 0)
		error = read_record(&p, p.doc->root);
	if (error == TPLC_ENOMEM)
		tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	tplx_json_doc_free(p.doc);
	if (error != 0) {
		tplc_advisory_build_abort(&p.b);
		return error;
	}
	return tplc_advisory_build_finish(&p.b, out);
}
