/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CSAF 2.0 documents: the document's identity, each vulnerability, and for
 * each product status one affected entry per product (and per range when
 * a version text is a union).  The product tree is csaf-tree.c,
 * remediations csaf-remedy.c, version texts csaf-range.c.  Structure is checked (required members, types);
 * the full set of CSAF validator tests is not (yet).
 */
#include <string.h>

#include "advisory-build.h"
#include "csaf.h"
#include "tplc/advisory.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/str.h"

static const struct {
	const char *name;
	enum tplc_status status;
	const char *bound; /* for an exact version: ">=", "<=" or NULL */
} statuses[] = {
	{ "first_affected", TPLC_STATUS_AFFECTED, ">=" },
	{ "known_affected", TPLC_STATUS_AFFECTED, NULL },
	{ "last_affected", TPLC_STATUS_AFFECTED, "<=" },
	{ "first_fixed", TPLC_STATUS_FIXED, ">=" },
	{ "fixed", TPLC_STATUS_FIXED, NULL },
	{ "recommended", TPLC_STATUS_FIXED, NULL },
	{ "known_not_affected", TPLC_STATUS_NOT_AFFECTED, NULL },
	{ "under_investigation", TPLC_STATUS_UNDER_INVESTIGATION, NULL },
};

struct parser {
	struct tplc_advisory_build b;
	struct tplx_json_doc *doc;
	struct tplc_csaf_tree tree;
	struct tplc_error *err;
	struct tplc_csaf_remedies rem; /* the current vulnerability's */
	const struct tplx_json *vuln;  /* the current vulnerability */
};

static int nomem(struct parser *p)
{
	return tplc_advisory_build_nomem(&p->b);
}

static int req_object(const struct tplx_json_doc *doc,
                      const struct tplx_json *obj,
                      const struct tplx_jpath *path, const char *key,
                      const struct tplx_json **out, struct tplc_error *err)
{
	struct tplx_jpath at = tplx_jpath_key(path, key);
	int error = tplx_json_opt_object(doc, obj, path, key, out, err);

	if (error == 0 && *out == NULL)
		error = tplx_json_fail(doc, obj, &at, err,
		                       "required member is missing");
	return error;
}

static int defined(struct parser *p, const struct tplx_json *id,
                   const struct tplx_jpath *path)
{
	return tplc_csaf_tree_defined(&p->tree, p->doc, id, path, p->err);
}

/* Every id of obj[key] (an array, may be missing) is defined. */
static int defined_all(struct parser *p, const struct tplx_json *obj,
                       const struct tplx_jpath *path, const char *key)
{
	struct tplx_jpath at = tplx_jpath_key(path, key), item;
	const struct tplx_json *ids;
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, obj, path, key, &ids, p->err);
	for (i = 0; error == 0 && ids != NULL && i < ids->u.array.count; i++) {
		item = tplx_jpath_index(&at, i);
		error = defined(p, ids->u.array.items[i], &item);
	}
	return error;
}

/* Flags and threats name products too: they must exist. */
static int check_references(struct parser *p, const struct tplx_json *v,
                            const struct tplx_jpath *path, const char *key)
{
	struct tplx_jpath at = tplx_jpath_key(path, key), item;
	const struct tplx_json *list;
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, v, path, key, &list, p->err);
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_expect(p->doc, list->u.array.items[i], &item,
		                         TPLX_JSON_OBJECT, p->err);
		if (error == 0)
			error = defined_all(p, list->u.array.items[i], &item,
			                    "product_ids");
	}
	return error;
}

/* ---- the document ----------------------------------------------------- */

static int self_url(struct parser *p, const struct tplx_json *document,
                    const struct tplx_jpath *path, const char **url)
{
	struct tplx_jpath refs_at = tplx_jpath_key(path, "references"), item;
	const struct tplx_json *refs, *r;
	const char *category, *u;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("category", &category, false),
		TPLX_FIELD_STRING("url", &u, true),
	};
	size_t i;
	int error;

	*url = NULL;
	error = tplx_json_opt_array(p->doc, document, path, "references", &refs,
	                            p->err);
	for (i = 0; error == 0 && refs != NULL && i < refs->u.array.count;
	     i++) {
		r = refs->u.array.items[i];
		item = tplx_jpath_index(&refs_at, i);
		error = tplx_json_fields(p->doc, r, &item, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
		if (error == 0 && *url == NULL && category != NULL &&
		    strcmp(category, "self") == 0)
			*url = u;
	}
	return error;
}

static int read_document(struct parser *p, const struct tplx_json *root,
                         const struct tplx_jpath *root_path)
{
	const struct tplx_json *document, *publisher, *tracking, *history;
	struct tplx_jpath path = tplx_jpath_key(root_path, "document");
	struct tplx_jpath pub_at = tplx_jpath_key(&path, "publisher");
	struct tplx_jpath track_at = tplx_jpath_key(&path, "tracking");
	struct tplx_jpath at = tplx_jpath_key(&path, "csaf_version");
	const char *category, *version, *title, *name, *s, *url;
	const char *id, *initial, *current;
	const struct tplx_json_field head[] = {
		TPLX_FIELD_STRING("category", &category, true),
		TPLX_FIELD_STRING("csaf_version", &version, true),
	};
	const struct tplx_json_field body[] = {
		TPLX_FIELD_STRING("title", &title, true),
		TPLX_FIELD_NODE("publisher", TPLX_JSON_OBJECT, &publisher,
		                false),
	};
	const struct tplx_json_field pub_fields[] = {
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_STRING("category", &s, true),
		TPLX_FIELD_STRING("namespace", &s, true),
	};
	const struct tplx_json_field track_fields[] = {
		TPLX_FIELD_STRING("id", &id, true),
		TPLX_FIELD_STRING("initial_release_date", &initial, true),
		TPLX_FIELD_STRING("current_release_date", &current, true),
		TPLX_FIELD_STRING("status", &s, true),
		TPLX_FIELD_STRING("version", &s, true),
		TPLX_FIELD_NODE("revision_history", TPLX_JSON_ARRAY, &history,
		                false),
	};
	struct tplc_advisory *adv = p->b.adv;
	int error;

	error = req_object(p->doc, root, root_path, "document", &document,
	                   p->err);
	if (error == 0)
		error = tplx_json_fields(p->doc, document, &path, head,
		                         TPLX_FIELDS_COUNT(head), p->err);
	if (error == 0 && strcmp(version, "2.0") != 0) {
		unsigned long line, column;

		tplx_json_locate(
		        p->doc, tplx_json_get(document, "csaf_version")->offset,
		        &line, &column);
		return tplc_error_set_at(
		        p->err, TPLC_EUNSUPPORTED, p->doc->source, line, column,
		        "document.csaf_version",
		        "CSAF %.16s is not supported (2.0 only)", version);
	}
	if (error == 0)
		error = tplx_json_fields(p->doc, document, &path, body,
		                         TPLX_FIELDS_COUNT(body), p->err);
	if (error == 0 && publisher == NULL) /* req_object's error */
		error = tplx_json_fail(p->doc, document, &pub_at, p->err,
		                       "required member is missing");
	if (error == 0)
		error = tplx_json_fields(p->doc, publisher, &pub_at, pub_fields,
		                         TPLX_FIELDS_COUNT(pub_fields), p->err);
	if (error == 0)
		error = req_object(p->doc, document, &path, "tracking",
		                   &tracking, p->err);
	if (error == 0)
		error = tplx_json_fields(
		        p->doc, tracking, &track_at, track_fields,
		        TPLX_FIELDS_COUNT(track_fields), p->err);
	if (error == 0 && history == NULL) {
		at = tplx_jpath_key(&track_at, "revision_history");
		error = tplx_json_fail(p->doc, tracking, &at, p->err,
		                       "required member is missing");
	}
	if (error == 0)
		error = self_url(p, document, &path, &url);
	if (error != 0)
		return error;
	tplc_advisory_build_str(&p->b, &adv->id, id);
	tplc_advisory_build_str(&p->b, &adv->title, title);
	tplc_advisory_build_str(&p->b, &adv->publisher, name);
	tplc_advisory_build_str(&p->b, &adv->published, initial);
	tplc_advisory_build_str(&p->b, &adv->modified, current);
	tplc_advisory_build_str(&p->b, &adv->url, url);
	return p->b.error;
}

/* ---- product status --------------------------------------------------- */

static bool in_list(const struct tplx_json *ids, const char *id)
{
	size_t i;

	for (i = 0;
	     ids && ids->type == TPLX_JSON_ARRAY && i < ids->u.array.count; i++)
		if (tplx_streq(tplx_json_string(ids->u.array.items[i]), id))
			return true;
	return false;
}

/* Whether a flag or threat (item) names product id, itself or through
 * one of its groups. */
static bool names_product(struct parser *p, const struct tplx_json *item,
                          const char *id)
{
	const struct tplx_json *groups = tplx_json_get(item, "group_ids");
	const struct tplc_csaf_group *g;
	size_t i;

	if (in_list(tplx_json_get(item, "product_ids"), id))
		return true;
	for (i = 0; groups && groups->type == TPLX_JSON_ARRAY &&
	            i < groups->u.array.count;
	     i++) {
		const char *gid = tplx_json_string(groups->u.array.items[i]);

		g = gid ? tplc_csaf_tree_group(&p->tree, gid) : NULL;
		if (g != NULL && in_list(g->product_ids, id))
			return true;
	}
	return false;
}

/*
 * CSAF VEX says why a product is not affected in a flag's label and what
 * it means in an impact threat's details: the first of each that names
 * the product.
 */
static const char *vex_note(struct parser *p, const char *key,
                            const char *category, const char *member,
                            const char *id)
{
	const struct tplx_json *list = tplx_json_get(p->vuln, key), *item;
	size_t i;

	for (i = 0;
	     list && list->type == TPLX_JSON_ARRAY && i < list->u.array.count;
	     i++) {
		item = list->u.array.items[i];
		if (category != NULL &&
		    !tplx_streq(
		            tplx_json_string(tplx_json_get(item, "category")),
		            category))
			continue;
		if (names_product(p, item, id))
			return tplx_json_string(tplx_json_get(item, member));
	}
	return NULL;
}

static int add_entry(struct parser *p, size_t vuln,
                     const struct tplc_csaf_product *prod,
                     enum tplc_status status, const char *range,
                     const char *fixed, const char *remediation)
{
	struct tplc_affected *a;
	size_t index;

	if (tplc_advisory_build_affected(&p->b, vuln, &index) != 0)
		return TPLC_ENOMEM;
	a = &p->b.affected[index];
	a->vendor = prod->vendor;
	a->product = prod->product;
	a->status = status;
	a->range = range;
	/* "all versions" in words is no range and no text (model.h) */
	if (prod->version.kind != TPLC_VERSION_TEXT_ALL)
		a->range_text = prod->version_text;
	a->fixed_in = fixed;
	a->remediation = remediation;
	if (status == TPLC_STATUS_NOT_AFFECTED)
		tplc_advisory_build_str(
		        &p->b, &a->justification,
		        vex_note(p, "flags", NULL, "label", prod->id));
	tplc_advisory_build_str(
	        &p->b, &a->detail,
	        vex_note(p, "threats", "impact", "details", prod->id));
	return p->b.error;
}

/* Every entry one product status of one product gives. */
static int product_entries(struct parser *p, size_t vuln, size_t s,
                           const struct tplc_csaf_product *prod)
{
	const struct tplc_version_text *v = &prod->version;
	const char *text, *fixed, *range;
	size_t i;
	int error;

	error = tplc_csaf_remedy(&p->rem, prod->id, &text, &fixed);
	if (error != 0)
		return error;
	if (statuses[s].status == TPLC_STATUS_FIXED && v->exact != NULL)
		fixed = v->exact;
	if (v->kind != TPLC_VERSION_TEXT_VERS)
		return add_entry(p, vuln, prod, statuses[s].status, NULL, fixed,
		                 text);
	if (statuses[s].bound != NULL && v->exact != NULL) {
		error = tplc_version_text_bound(
		        p->b.adv->arena, statuses[s].bound, v->exact, &range);
		if (error == TPLC_ENOMEM)
			return nomem(p);
		if (error == 0)
			return add_entry(p, vuln, prod, statuses[s].status,
			                 range, fixed, text);
	}
	for (i = 0; i < v->count && error == 0; i++)
		error = add_entry(p, vuln, prod, statuses[s].status, v->vers[i],
		                  fixed, text);
	return error;
}

static int read_statuses(struct parser *p, size_t vuln,
                         const struct tplx_json *v,
                         const struct tplx_jpath *path)
{
	struct tplx_jpath at = tplx_jpath_key(path, "product_status"), list_at,
	                  item;
	const struct tplc_csaf_product *prod;
	const struct tplx_json *ps, *list, *id;
	size_t s, i;
	int error;

	error = tplx_json_opt_object(p->doc, v, path, "product_status", &ps,
	                             p->err);
	for (s = 0; error == 0 && ps != NULL &&
	            s < sizeof(statuses) / sizeof(statuses[0]);
	     s++) {
		error = tplx_json_opt_array(p->doc, ps, &at, statuses[s].name,
		                            &list, p->err);
		list_at = tplx_jpath_key(&at, statuses[s].name);
		for (i = 0;
		     error == 0 && list != NULL && i < list->u.array.count;
		     i++) {
			id = list->u.array.items[i];
			item = tplx_jpath_index(&list_at, i);
			error = defined(p, id, &item);
			if (error != 0)
				break;
			prod = tplc_csaf_tree_product(&p->tree,
			                              id->u.string.ptr);
			error = product_entries(p, vuln, s, prod);
		}
	}
	return error;
}

/* ---- vulnerabilities -------------------------------------------------- */

/* Description: the first note of category description, else summary,
 * else details. */
static int read_notes(struct parser *p, const struct tplx_json *v,
                      const struct tplx_jpath *path, const char **out)
{
	static const char *const wanted[] = { "description", "summary",
		                              "details" };
	struct tplx_jpath at = tplx_jpath_key(path, "notes"), item;
	const struct tplx_json *notes, *n;
	const char *category, *text, *found[3] = { NULL };
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("category", &category, true),
		TPLX_FIELD_STRING("text", &text, true),
	};
	size_t i, k;
	int error;

	*out = NULL;
	error = tplx_json_opt_array(p->doc, v, path, "notes", &notes, p->err);
	for (i = 0; error == 0 && notes != NULL && i < notes->u.array.count;
	     i++) {
		n = notes->u.array.items[i];
		item = tplx_jpath_index(&at, i);
		error = tplx_json_fields(p->doc, n, &item, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
		for (k = 0; error == 0 && k < 3; k++)
			if (found[k] == NULL &&
			    strcmp(category, wanted[k]) == 0)
				found[k] = text;
	}
	for (k = 0; k < 3 && *out == NULL; k++)
		*out = found[k];
	return error;
}

/* The first CVSS v3 score (base score and vector), else the first v2. */
static int read_scores(struct parser *p, const struct tplx_json *v,
                       const struct tplx_jpath *path, struct tplc_vuln *out)
{
	static const char *const kinds[] = { "cvss_v3", "cvss_v2" };
	struct tplx_jpath at = tplx_jpath_key(path, "scores"), item, cvss_at;
	const struct tplx_json *scores, *s, *cvss[2], *base, *pick = NULL;
	const char *vector = NULL;
	size_t i, k, pick_kind = 2;
	int error;

	error = tplx_json_opt_array(p->doc, v, path, "scores", &scores, p->err);
	for (i = 0; error == 0 && scores != NULL && i < scores->u.array.count;
	     i++) {
		s = scores->u.array.items[i];
		item = tplx_jpath_index(&at, i);
		error = tplx_json_expect(p->doc, s, &item, TPLX_JSON_OBJECT,
		                         p->err);
		if (error == 0)
			error = defined_all(p, s, &item, "products");
		for (k = 0; k < 2 && error == 0; k++) {
			error = tplx_json_opt_object(p->doc, s, &item, kinds[k],
			                             &cvss[k], p->err);
			cvss_at = tplx_jpath_key(&item, kinds[k]);
			if (error == 0 && cvss[k] != NULL)
				error = tplx_json_opt_number(
				        p->doc, cvss[k], &cvss_at, "baseScore",
				        &base, p->err);
			if (error == 0 && cvss[k] != NULL && k < pick_kind) {
				pick = cvss[k];
				pick_kind = k;
				error = tplx_json_opt_string(
				        p->doc, cvss[k], &cvss_at,
				        "vectorString", &vector, p->err);
			}
		}
	}
	if (error != 0 || pick == NULL)
		return error;
	base = tplx_json_get(pick, "baseScore");
	if (base != NULL && base->type == TPLX_JSON_NUMBER)
		out->cvss_score = base->u.number.value;
	return tplc_advisory_build_str(&p->b, &out->cvss_vector, vector);
}

/* ids[].text, in order; the first is the id when there is no CVE. */
static int read_ids(struct parser *p, const struct tplx_json *v,
                    const struct tplx_jpath *path, const char *cve,
                    size_t index)
{
	struct tplx_jpath at = tplx_jpath_key(path, "ids"), item;
	const struct tplx_json *ids;
	struct tplc_vuln *out = &p->b.vulns[index];
	const char *text, *system, **aliases = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("system_name", &system, true),
		TPLX_FIELD_STRING("text", &text, true),
	};
	size_t i, n = 0;
	int error;

	error = tplx_json_opt_array(p->doc, v, path, "ids", &ids, p->err);
	if (error == 0 && ids != NULL && ids->u.array.count > 0) {
		aliases = tplx_arena_array(p->b.adv->arena, ids->u.array.count,
		                           sizeof(*aliases));
		if (aliases == NULL)
			return nomem(p);
	}
	for (i = 0; error == 0 && ids != NULL && i < ids->u.array.count; i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_fields(p->doc, ids->u.array.items[i], &item,
		                         fields, TPLX_FIELDS_COUNT(fields),
		                         p->err);
		if (error != 0)
			break;
		if (cve == NULL && out->id == NULL) /* the first is the id */
			error = tplc_advisory_build_str(&p->b, &out->id, text);
		else
			error = tplc_advisory_build_str(&p->b, &aliases[n],
			                                text);
		if (error == 0 && aliases != NULL && aliases[n] != NULL)
			n++;
	}
	out->aliases = n > 0 ? aliases : NULL;
	out->alias_count = n;
	return error;
}

static int read_vuln(struct parser *p, const struct tplx_json *v,
                     const struct tplx_jpath *path, size_t n)
{
	const char *cve, *title, *released, *discovered, *description;
	const struct tplx_json *cwe;
	struct tplx_jpath cwe_at = tplx_jpath_key(path, "cwe");
	struct tplc_vuln *out;
	const char *cwe_id = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("cve", &cve, false),
		TPLX_FIELD_STRING("title", &title, false),
		TPLX_FIELD_STRING("release_date", &released, false),
		TPLX_FIELD_STRING("discovery_date", &discovered, false),
		TPLX_FIELD_NODE("cwe", TPLX_JSON_OBJECT, &cwe, false),
	};
	size_t index;
	int error;

	error = tplx_json_fields(p->doc, v, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error == 0 && cwe != NULL)
		error = tplx_json_req_string(p->doc, cwe, &cwe_at, "id",
		                             &cwe_id, p->err);
	if (error == 0)
		error = read_notes(p, v, path, &description);
	if (error == 0)
		error = tplc_advisory_build_vuln(&p->b, &index);
	if (error != 0)
		return error;
	out = &p->b.vulns[index];
	tplc_advisory_build_str(&p->b, &out->id, cve);
	tplc_advisory_build_str(&p->b, &out->title, title);
	tplc_advisory_build_str(&p->b, &out->description, description);
	tplc_advisory_build_str(&p->b, &out->published,
	                        released ? released : discovered);
	tplc_advisory_build_str(&p->b, &out->cwe, cwe_id);
	error = p->b.error;
	if (error == 0)
		error = read_ids(p, v, path, cve, index);
	out = &p->b.vulns[index];
	if (error == 0 && out->id == NULL) { /* no CVE, no ids */
		out->id = tplx_arena_printf(p->b.adv->arena, "%s#%zu",
		                            p->b.adv->id, n + 1);
		if (out->id == NULL)
			error = nomem(p);
	}
	if (error == 0)
		error = check_references(p, v, path, "flags");
	if (error == 0)
		error = check_references(p, v, path, "threats");
	if (error == 0)
		error = read_scores(p, v, path, out);
	if (error == 0)
		error = tplc_csaf_remedies_read(&p->rem, v, path);
	p->vuln = v;
	if (error == 0)
		error = read_statuses(p, index, v, path);
	return error;
}

int tplc_csaf_parse(struct tplc_advisory **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err)
{
	struct parser p;
	struct tplx_jpath root = TPLX_JPATH_ROOT, at, item;
	const struct tplx_json *tree, *vulns;
	size_t i;
	int error;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.err = err;
	error = tplc_advisory_build_init(&p.b, "csaf", err);
	if (error != 0)
		return error;
	error = tplx_json_parse(&p.doc, data, len, source, err);
	if (error == 0)
		error = tplx_json_expect(p.doc, p.doc->root, &root,
		                         TPLX_JSON_OBJECT, err);
	if (error == 0)
		error = read_document(&p, p.doc->root, &root);
	if (error == 0)
		error = tplx_json_opt_object(p.doc, p.doc->root, &root,
		                             "product_tree", &tree, err);
	if (error == 0)
		error = tplc_csaf_tree_read(&p.tree, p.doc, tree,
		                            p.b.adv->arena, err);
	p.rem.b = &p.b;
	p.rem.doc = p.doc;
	p.rem.tree = &p.tree;
	p.rem.err = err;
	if (error == 0)
		error = tplx_json_opt_array(p.doc, p.doc->root, &root,
		                            "vulnerabilities", &vulns, err);
	at = tplx_jpath_key(&root, "vulnerabilities");
	for (i = 0; error == 0 && vulns != NULL && i < vulns->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = read_vuln(&p, vulns->u.array.items[i], &item, i);
	}
	if (error == TPLC_ENOMEM)
		tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	tplc_csaf_tree_release(&p.tree);
	tplx_json_doc_free(p.doc);
	tplc_csaf_remedies_release(&p.rem);
	if (error != 0) {
		tplc_advisory_build_abort(&p.b);
		return error;
	}
	return tplc_advisory_build_finish(&p.b, out);
}
