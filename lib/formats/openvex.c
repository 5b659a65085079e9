/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OpenVEX (openvex.dev, spec 0.2.0; the 0.0.x string forms are read too):
 * statements[] each say one status of one vulnerability for products[],
 * named by an IRI (a purl, a CPE, anything else) or identifiers.  One
 * affected entry per statement and product; subcomponents only say where
 * in the product the vulnerability is, the status is the product's.
 *
 * A device has no purl: tplc writes it as pkg:generic/VENDOR/MODEL@VERSION
 * with the statement's supplier VENDOR, and reads that back as the device.
 */
#include <string.h>

#include "tplc/advisory.h"
#include "tplc/purl.h"
#include "util/arena.h"
#include "util/json.h"
#include "util/str.h"
#include "vex.h"

struct walker {
	struct tplc_advisory_build *b;
	const struct tplx_json_doc *doc;
	struct tplc_error *err;
};

/* pkg:generic/SUPPLIER/NAME@VERSION is the device SUPPLIER NAME. */
static int device_purl(struct walker *w, const char *iri, const char *supplier,
                       struct tplc_vex_product *prod)
{
	struct tplc_purl *purl = NULL;
	int error;

	if (supplier == NULL || strncmp(iri, "pkg:generic/", 12) != 0)
		return 0;
	error = tplc_purl_parse(&purl, iri, NULL);
	if (error == 0 && tplx_strcaseeq(purl->namespace, supplier)) {
		prod->purl = NULL;
		tplc_advisory_build_str(w->b, &prod->vendor, purl->namespace);
		tplc_advisory_build_str(w->b, &prod->product, purl->name);
		tplc_advisory_build_str(w->b, &prod->version, purl->version);
	}
	tplc_purl_free(purl);
	if (error == TPLC_ENOMEM)
		return tplc_advisory_build_nomem(w->b);
	return w->b->error;
}

static int read_product(struct walker *w, size_t vuln,
                        const struct tplx_json *p,
                        const struct tplx_jpath *path, const char *supplier,
                        const struct tplc_vex_says *says)
{
	struct tplx_jpath ids_at = tplx_jpath_key(path, "identifiers");
	const struct tplx_json *ids, *hashes, *subs;
	const char *iri, *purl, *cpe22, *cpe23;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("@id", &iri, false),
		TPLX_FIELD_NODE("identifiers", TPLX_JSON_OBJECT, &ids, false),
		TPLX_FIELD_NODE("hashes", TPLX_JSON_OBJECT, &hashes, false),
		TPLX_FIELD_NODE("subcomponents", TPLX_JSON_ARRAY, &subs, false),
	};
	const struct tplx_json_field id_fields[] = {
		TPLX_FIELD_STRING("purl", &purl, false),
		TPLX_FIELD_STRING("cpe22", &cpe22, false),
		TPLX_FIELD_STRING("cpe23", &cpe23, false),
	};
	struct tplc_vex_product prod;
	int error = 0;

	memset(&prod, 0, sizeof(prod));
	purl = cpe22 = cpe23 = NULL;
	if (p->type == TPLX_JSON_STRING) { /* 0.0.x: products are IRIs */
		iri = p->u.string.ptr;
	} else {
		error = tplx_json_fields(w->doc, p, path, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
		if (error == 0 && ids != NULL)
			error = tplx_json_fields(
			        w->doc, ids, &ids_at, id_fields,
			        TPLX_FIELDS_COUNT(id_fields), w->err);
	}
	if (error == 0 && iri == NULL && purl == NULL && cpe23 == NULL &&
	    cpe22 == NULL)
		error = tplx_json_fail(w->doc, p, path, w->err,
		                       "names no product: needs @id or "
		                       "identifiers");
	if (error != 0)
		return error;
	if (iri != NULL && strncmp(iri, "pkg:", 4) == 0)
		prod.purl = iri;
	else if (iri != NULL && strncmp(iri, "cpe:", 4) == 0)
		prod.cpe = iri;
	else if (purl != NULL)
		prod.purl = purl;
	else if (cpe23 != NULL || cpe22 != NULL)
		prod.cpe = cpe23 ? cpe23 : cpe22;
	else {
		prod.vendor = supplier;
		prod.product = iri;
	}
	if (prod.purl != NULL)
		error = device_purl(w, prod.purl, supplier, &prod);
	if (error == 0)
		error = tplc_vex__add(w->b, vuln, &prod, says);
	return error;
}

/* The vulnerability: an object (0.2) or its name (0.0.x). */
static int read_vulnerability(struct walker *w, const struct tplx_json *st,
                              const struct tplx_jpath *path, size_t *index)
{
	struct tplx_jpath at = tplx_jpath_key(path, "vulnerability");
	struct tplx_jpath al_at = tplx_jpath_key(&at, "aliases"), item;
	const struct tplx_json *v = tplx_json_get(st, "vulnerability"), *al;
	const char *name, *iri, *description;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_STRING("@id", &iri, false),
		TPLX_FIELD_STRING("description", &description, false),
		TPLX_FIELD_NODE("aliases", TPLX_JSON_ARRAY, &al, false),
	};
	struct tplc_vuln *out;
	const char **aliases;
	size_t i;
	int error;

	if (v == NULL)
		return tplx_json_fail(w->doc, st, &at, w->err,
		                      "required member is missing");
	if (v->type == TPLX_JSON_STRING)
		return tplc_vex__vuln(w->b, v->u.string.ptr, index);
	error = tplx_json_fields(w->doc, v, &at, fields,
	                         TPLX_FIELDS_COUNT(fields), w->err);
	for (i = 0; error == 0 && al != NULL && i < al->u.array.count; i++) {
		item = tplx_jpath_index(&al_at, i);
		error = tplx_json_expect(w->doc, al->u.array.items[i], &item,
		                         TPLX_JSON_STRING, w->err);
	}
	if (error == 0)
		error = tplc_vex__vuln(w->b, name, index);
	if (error != 0)
		return error;
	out = &w->b->vulns[*index];
	if (out->description == NULL)
		tplc_advisory_build_str(w->b, &out->description, description);
	if (al == NULL || al->u.array.count == 0 || out->alias_count > 0)
		return w->b->error;
	aliases = tplx_arena_array(w->b->adv->arena, al->u.array.count,
	                           sizeof(*aliases));
	if (aliases == NULL)
		return tplc_advisory_build_nomem(w->b);
	for (i = 0; i < al->u.array.count; i++) {
		tplc_advisory_build_str(w->b, &aliases[out->alias_count],
		                        al->u.array.items[i]->u.string.ptr);
		if (aliases[out->alias_count] != NULL)
			out->alias_count++;
	}
	out->aliases = aliases;
	return w->b->error;
}

static int read_statement(struct walker *w, const struct tplx_json *st,
                          const struct tplx_jpath *path)
{
	struct tplx_jpath at = tplx_jpath_key(path, "products"), item;
	const struct tplx_json *products;
	const char *status, *justification, *impact, *action, *notes;
	const char *supplier;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("status", &status, true),
		TPLX_FIELD_STRING("justification", &justification, false),
		TPLX_FIELD_STRING("impact_statement", &impact, false),
		TPLX_FIELD_STRING("action_statement", &action, false),
		TPLX_FIELD_STRING("status_notes", &notes, false),
		TPLX_FIELD_STRING("supplier", &supplier, false),
		TPLX_FIELD_NODE("products", TPLX_JSON_ARRAY, &products, false),
	};
	struct tplc_vex_says says;
	enum tplc_status said = TPLC_STATUS_AFFECTED;
	size_t vuln, i;
	int error;

	error = tplx_json_expect(w->doc, st, path, TPLX_JSON_OBJECT, w->err);
	if (error == 0)
		error = tplx_json_fields(w->doc, st, path, fields,
		                         TPLX_FIELDS_COUNT(fields), w->err);
	if (error == 0 && !tplc_status_parse(&said, status)) {
		item = tplx_jpath_key(path, "status");
		error = tplx_json_fail(w->doc, tplx_json_get(st, "status"),
		                       &item, w->err,
		                       "unknown status \"%.40s\"", status);
	}
	if (error == 0)
		error = read_vulnerability(w, st, path, &vuln);
	if (error != 0)
		return error;
	memset(&says, 0, sizeof(says));
	says.status = said;
	says.justification = justification;
	says.detail = impact ? impact : notes;
	says.remediation = action;
	for (i = 0; error == 0 && products && i < products->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = read_product(w, vuln, products->u.array.items[i], &item,
		                     supplier, &says);
	}
	return error;
}

int tplc_vex__openvex(struct tplc_advisory_build *b,
                      const struct tplx_json_doc *doc, struct tplc_error *err)
{
	struct tplx_jpath root = TPLX_JPATH_ROOT, at, item;
	const struct tplx_json *statements, *version;
	const char *context, *iri, *author, *timestamp, *updated;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("@context", &context, true),
		TPLX_FIELD_STRING("@id", &iri, true),
		TPLX_FIELD_STRING("author", &author, false),
		TPLX_FIELD_STRING("timestamp", &timestamp, false),
		TPLX_FIELD_STRING("last_updated", &updated, false),
		TPLX_FIELD_NODE("version", TPLX_JSON_NUMBER, &version, false),
		TPLX_FIELD_NODE("statements", TPLX_JSON_ARRAY, &statements,
		                true),
	};
	struct walker w = { b, doc, err };
	size_t i;
	int error;

	error = tplx_json_fields(doc, doc->root, &root, fields,
	                         TPLX_FIELDS_COUNT(fields), err);
	if (error != 0)
		return error;
	tplc_advisory_build_str(b, &b->adv->id, iri);
	tplc_advisory_build_str(b, &b->adv->publisher, author);
	tplc_advisory_build_str(b, &b->adv->published, timestamp);
	tplc_advisory_build_str(b, &b->adv->modified,
	                        updated ? updated : timestamp);
	error = b->error;
	if (error == 0 && b->adv->id == NULL)
		error = tplx_json_fail(doc, tplx_json_get(doc->root, "@id"),
		                       &root, err, "@id is empty");
	at = tplx_jpath_key(&root, "statements");
	for (i = 0; error == 0 && i < statements->u.array.count; i++) {
		item = tplx_jpath_index(&at, i);
		error = read_statement(&w, statements->u.array.items[i], &item);
	}
	return error;
}
