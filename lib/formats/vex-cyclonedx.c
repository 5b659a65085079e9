/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CycloneDX VEX: a BOM whose vulnerabilities[] say, through analysis and
 * affects[], how each vulnerability touches the products the BOM (or
 * another BOM, by BOM-Link) describes.  One affected entry per affects[]
 * ref and version (or range); the ref is resolved against the BOM's own
 * metadata.component and components[].
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tplc/advisory.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/str.h"
#include "vex.h"

/* Components nested deeper than this are not looked into. */
#define VEX_COMPONENT_DEPTH_MAX 16
/* Components a VEX document may describe for its refs. */
#define VEX_COMPONENTS_MAX ((size_t)100000)

struct component {
	const char *ref, *purl, *cpe, *vendor, *name, *version;
};

struct walker {
	struct tplc_advisory_build *b;
	const struct tplx_json_doc *doc;
	struct tplc_error *err;
	struct component *comps; /* heap; strings borrowed from doc */
	size_t count, cap;
	const char *serial; /* "urn:uuid:..." without the prefix, or NULL */
	const char *version;
};

/* ---- the BOM's own components ---------------------------------------- */

static const char *org_name(const struct tplx_json *c, const char *key)
{
	return tplx_json_string(tplx_json_get(tplx_json_get(c, key), "name"));
}

static int add_component(struct walker *w, const struct tplx_json *c,
                         const struct tplx_jpath *path, unsigned depth)
{
	struct tplx_jpath at = tplx_jpath_key(path, "components"), item;
	const struct tplx_json *children;
	struct component *k;
	void *vec;
	size_t i;
	int error;

	error = tplx_json_expect(w->doc, c, path, TPLX_JSON_OBJECT, w->err);
	if (error != 0)
		return error;
	if (w->count >= VEX_COMPONENTS_MAX || depth > VEX_COMPONENT_DEPTH_MAX)
		return tplx_json_fail(w->doc, c, path, w->err,
		                      "too many or too deeply nested "
		                      "components");
	if (w->count == w->cap) {
		vec = tplx_reallocarray(w->comps, w->cap ? w->cap * 2 : 16,
		                        sizeof(*w->comps));
		if (vec == NULL)
			return tplc_advisory_build_nomem(w->b);
		w->comps = vec;
		w->cap = w->cap ? w->cap * 2 : 16;
	}
	k = &w->comps[w->count++];
	k->ref = tplx_json_string(tplx_json_get(c, "bom-ref"));
	k->purl = tplx_json_string(tplx_json_get(c, "purl"));
	k->cpe = tplx_json_string(tplx_json_get(c, "cpe"));
	k->name = tplx_json_string(tplx_json_get(c, "name"));
	k->version = tplx_json_string(tplx_json_get(c, "version"));
	k->vendor = org_name(c, "supplier");
	if (k->vendor == NULL)
		k->vendor = org_name(c, "manufacturer");
	if (k->vendor == NULL)
		k->vendor = tplx_json_string(tplx_json_get(c, "publisher"));
	error = tplx_json_opt_array(w->doc, c, path, "components", &children,
	                            w->err);
	for (i = 0; error == 0 && children && i < children->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = add_component(w, children->u.array.items[i], &item,
		                      depth + 1);
	}
	return error;
}

static int read_components(struct walker *w, const struct tplx_json *root,
                           const struct tplx_jpath *root_path)
{
	struct tplx_jpath meta_at = tplx_jpath_key(root_path, "metadata");
	struct tplx_jpath at = tplx_jpath_key(root_path, "components"), item;
	const struct tplx_json *meta, *subject = NULL, *list;
	size_t i;
	int error;

	error = tplx_json_opt_object(w->doc, root, root_path, "metadata", &meta,
	                             w->err);
	if (error == 0 && meta != NULL)
		error = tplx_json_opt_object(w->doc, meta, &meta_at,
		                             "component", &subject, w->err);
	if (error == 0 && subject != NULL) {
		item = tplx_jpath_key(&meta_at, "component");
		error = add_component(w, subject, &item, 0);
	}
	if (error == 0)
		error = tplx_json_opt_array(w->doc, root, root_path,
		                            "components", &list, w->err);
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = add_component(w, list->u.array.items[i], &item, 0);
	}
	return error;
}

static const struct component *find_component(const struct walker *w,
                                              const char *ref, size_t len)
{
	size_t i;

	for (i = 0; i < w->count; i++)
		if (w->comps[i].ref != NULL && strlen(w->comps[i].ref) == len &&
		    memcmp(w->comps[i].ref, ref, len) == 0)
			return &w->comps[i];
	return NULL;
}

/*
 * What affects[].ref names.  A BOM-Link ("urn:cdx:SERIAL/VERSION#ref")
 * into this BOM is a local ref; into another BOM it is kept as the
 * product's name, unless its ref is itself a purl.
 */
static void resolve(const struct walker *w, const char *ref,
                    struct tplc_vex_product *prod)
{
	const struct component *c;
	const char *local = ref, *hash;
	size_t n;

	memset(prod, 0, sizeof(*prod));
	if (strncmp(ref, "urn:cdx:", 8) == 0) {
		hash = strchr(ref, '#');
		n = hash ? (size_t)(hash - ref) - 8 : 0;
		local = NULL;
		if (hash != NULL && w->serial != NULL && w->version != NULL &&
		    strncmp(ref + 8, w->serial, strlen(w->serial)) == 0 &&
		    ref[8 + strlen(w->serial)] == '/' &&
		    strlen(w->serial) + 1 + strlen(w->version) == n &&
		    strncmp(ref + 9 + strlen(w->serial), w->version,
		            strlen(w->version)) == 0)
			local = hash + 1;
		if (local == NULL && hash != NULL &&
		    strncmp(hash + 1, "pkg:", 4) == 0)
			local = hash + 1;
		if (local == NULL) {
			prod->product = ref;
			return;
		}
	}
	c = find_component(w, local, strlen(local));
	if (c == NULL) {
		if (strncmp(local, "pkg:", 4) == 0)
			prod->purl = local;
		else
			prod->product = ref;
		return;
	}
	prod->version = c->version;
	if (c->purl != NULL) {
		prod->purl = c->purl;
	} else if (c->name != NULL) {
		prod->vendor = c->vendor;
		prod->product = c->name;
	} else if (c->cpe != NULL) {
		prod->cpe = c->cpe;
	} else {
		prod->product = ref;
	}
}

/* ---- vulnerabilities --------------------------------------------------- */

static const struct {
	const char *state;
	enum tplc_status status;
} states[] = {
	{ "not_affected", TPLC_STATUS_NOT_AFFECTED },
	{ "false_positive", TPLC_STATUS_NOT_AFFECTED },
	{ "resolved", TPLC_STATUS_FIXED },
	{ "resolved_with_pedigree", TPLC_STATUS_FIXED },
	{ "exploitable", TPLC_STATUS_AFFECTED },
	{ "in_triage", TPLC_STATUS_UNDER_INVESTIGATION },
};

/* A version's own status refines the analysis: "unaffected" is not hit
 * (or fixed, when resolved), "unknown" still being looked at. */
static enum tplc_status version_status(enum tplc_status base,
                                       const char *status)
{
	if (status == NULL)
		return base;
	if (strcmp(status, "unaffected") == 0)
		return base == TPLC_STATUS_FIXED ? base
		                                 : TPLC_STATUS_NOT_AFFECTED;
	if (strcmp(status, "affected") == 0)
		return TPLC_STATUS_AFFECTED;
	return TPLC_STATUS_UNDER_INVESTIGATION;
}

/* The response list ("update, will_not_fix") when there is no
 * recommendation in words. */
static int remediation(struct walker *w, const struct tplx_json *analysis,
                       const char *recommendation, const char **out)
{
	const struct tplx_json *list = tplx_json_get(analysis, "response");
	struct tplx_buf buf = TPLX_BUF_INIT(TPLC_ADVISORY_VERS_MAX);
	const char *s;
	size_t i;
	int error = 0;

	*out = NULL;
	if (recommendation != NULL)
		return tplc_advisory_build_str(w->b, out, recommendation);
	for (i = 0; error == 0 && list != NULL &&
	            list->type == TPLX_JSON_ARRAY && i < list->u.array.count;
	     i++) {
		s = tplx_json_string(list->u.array.items[i]);
		if (s != NULL && buf.len > 0)
			error = tplx_buf_adds(&buf, ", ");
		if (s != NULL && error == 0)
			error = tplx_buf_adds(&buf, s);
	}
	if (error == 0 && buf.len > 0)
		error = tplc_advisory_build_str(w->b, out, tplx_buf_str(&buf));
	tplx_buf_release(&buf);
	return error == TPLC_ENOMEM ? tplc_advisory_build_nomem(w->b) : 0;
}

static int read_affects(struct walker *w, size_t vuln,
                        const struct tplx_json *target,
                        const struct tplx_jpath *path,
                        const struct tplc_vex_says *says)
{
	struct tplx_jpath at = tplx_jpath_key(path, "versions"), item;
	const struct tplx_json *versions;
	struct tplc_vex_product prod;
	struct tplc_vex_says one = *says;
	const char *ref, *version, *range, *status;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("ref", &ref, true),
		TPLX_FIELD_NODE("versions", TPLX_JSON_ARRAY, &versions, false),
	};
	const struct tplx_json_field vfields[] = {
		TPLX_FIELD_STRING("version", &version, false),
		TPLX_FIELD_STRING("range", &range, false),
		TPLX_FIELD_STRING("status", &status, false),
	};
	size_t i;
	int error;

	error = tplx_json_fields(w->doc, target, path, fields,
	                         TPLX_FIELDS_COUNT(fields), w->err);
	if (error != 0)
		return error;
	resolve(w, ref, &prod);
	if (versions == NULL || versions->u.array.count == 0)
		return tplc_vex__add(w->b, vuln, &prod, says);
	for (i = 0; error == 0 && i < versions->u.array.count; i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_fields(w->doc, versions->u.array.items[i],
		                         &item, vfields,
		                         TPLX_FIELDS_COUNT(vfields), w->err);
		if (error == 0 && version == NULL && range == NULL)
			error = tplx_json_fail(
			        w->doc, versions->u.array.items[i], &item,
			        w->err, "needs a version or a range");
		if (error != 0)
			break;
		prod.version = version;
		prod.range = version ? NULL : range;
		one.status = version_status(says->status, status);
		error = tplc_vex__add(w->b, vuln, &prod, &one);
	}
	return error;
}

static int read_vuln(struct walker *w, const struct tplx_json *v,
                     const struct tplx_jpath *path)
{
	struct tplx_jpath an_at = tplx_jpath_key(path, "analysis");
	struct tplx_jpath at = tplx_jpath_key(path, "affects"), item;
	const struct tplx_json *analysis, *affects;
	const char *id, *description, *detail, *published, *updated;
	const char *recommendation, *state, *justification, *an_detail;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("id", &id, true),
		TPLX_FIELD_STRING("description", &description, false),
		TPLX_FIELD_STRING("detail", &detail, false),
		TPLX_FIELD_STRING("published", &published, false),
		TPLX_FIELD_STRING("updated", &updated, false),
		TPLX_FIELD_STRING("recommendation", &recommendation, false),
		TPLX_FIELD_NODE("analysis", TPLX_JSON_OBJECT, &analysis, false),
		TPLX_FIELD_NODE("affects", TPLX_JSON_ARRAY, &affects, false),
	};
	const struct tplx_json_field an_fields[] = {
		TPLX_FIELD_STRING("state", &state, false),
		TPLX_FIELD_STRING("justification", &justification, false),
		TPLX_FIELD_STRING("detail", &an_detail, false),
	};
	struct tplc_vex_says says;
	struct tplc_vuln *out;
	size_t index, i;
	int error;

	memset(&says, 0, sizeof(says));
	state = justification = an_detail = NULL;
	error = tplx_json_fields(w->doc, v, path, fields,
	                         TPLX_FIELDS_COUNT(fields), w->err);
	if (error == 0 && analysis != NULL)
		error = tplx_json_fields(w->doc, analysis, &an_at, an_fields,
		                         TPLX_FIELDS_COUNT(an_fields), w->err);
	/* no analysis: the BOM lists the vulnerability as affecting it */
	says.status = TPLC_STATUS_AFFECTED;
	for (i = 0; error == 0 && state != NULL &&
	            i < sizeof(states) / sizeof(states[0]);
	     i++)
		if (strcmp(states[i].state, state) == 0)
			break;
	if (error == 0 && state != NULL &&
	    i == sizeof(states) / sizeof(states[0])) {
		item = tplx_jpath_key(&an_at, "state");
		return tplx_json_fail(
		        w->doc, tplx_json_get(analysis, "state"), &item, w->err,
		        "unknown analysis state \"%.40s\"", state);
	}
	if (error == 0 && state != NULL)
		says.status = states[i].status;
	if (error == 0)
		error = tplc_vex__vuln(w->b, id, &index);
	if (error == 0)
		error = remediation(w, analysis, recommendation,
		                    &says.remediation);
	if (error != 0)
		return error;
	out = &w->b->vulns[index];
	if (out->description == NULL)
		tplc_advisory_build_str(w->b, &out->description,
		                        description ? description : detail);
	if (out->published == NULL)
		tplc_advisory_build_str(w->b, &out->published, published);
	if (out->modified == NULL)
		tplc_advisory_build_str(w->b, &out->modified, updated);
	says.justification = justification;
	says.detail = an_detail;
	for (i = 0; w->b->error == 0 && affects && i < affects->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = read_affects(w, index, affects->u.array.items[i], &item,
		                     &says);
		if (error != 0)
			return error;
	}
	return w->b->error;
}

/* A document with no serial number is named by its content. */
static int document_id(struct walker *w, const char *serial, const char *n)
{
	struct tplc_advisory *adv = w->b->adv;
	uint64_t h = 14695981039346656037u;
	size_t i;

	if (serial != NULL) {
		adv->id = tplx_arena_printf(adv->arena, "%s/%s", serial,
		                            n ? n : "1");
	} else {
		for (i = 0; i < w->doc->len; i++)
			h = (h ^ (unsigned char)w->doc->text[i]) *
			    1099511628211u;
		adv->id = tplx_arena_printf(adv->arena, "fnv1a64:%016llx",
		                            (unsigned long long)h);
	}
	return adv->id ? 0 : tplc_advisory_build_nomem(w->b);
}

int tplc_vex__cyclonedx(struct tplc_advisory_build *b,
                        const struct tplx_json_doc *doc, struct tplc_error *err)
{
	struct tplx_jpath root = TPLX_JPATH_ROOT, at, item;
	const struct tplx_json *r = doc->root, *vulns, *version, *meta;
	const char *format, *serial, *spec;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("bomFormat", &format, true),
		TPLX_FIELD_STRING("specVersion", &spec, false),
		TPLX_FIELD_STRING("serialNumber", &serial, false),
		TPLX_FIELD_NODE("version", TPLX_JSON_NUMBER, &version, false),
		TPLX_FIELD_NODE("vulnerabilities", TPLX_JSON_ARRAY, &vulns,
		                false),
		TPLX_FIELD_NODE("metadata", TPLX_JSON_OBJECT, &meta, false),
	};
	struct walker w;
	size_t i;
	int error;

	memset(&w, 0, sizeof(w));
	w.b = b;
	w.doc = doc;
	w.err = err;
	error = tplx_json_fields(doc, r, &root, fields,
	                         TPLX_FIELDS_COUNT(fields), err);
	if (error == 0 && strcmp(format, "CycloneDX") != 0)
		error = tplx_json_fail(doc, tplx_json_get(r, "bomFormat"),
		                       &root, err,
		                       "bomFormat is not CycloneDX");
	if (error != 0)
		return error;
	if (serial != NULL && strncmp(serial, "urn:uuid:", 9) == 0)
		w.serial = serial + 9;
	w.version = version ? version->u.number.text : NULL;
	error = document_id(&w, serial, w.version);
	if (error == 0)
		error = read_components(&w, r, &root);
	if (error == 0) {
		const char *ts =
		        tplx_json_string(tplx_json_get(meta, "timestamp"));
		const char *who = org_name(meta, "supplier");

		if (who == NULL)
			who = org_name(meta, "manufacturer");
		tplc_advisory_build_str(b, &b->adv->published, ts);
		tplc_advisory_build_str(b, &b->adv->modified, ts);
		tplc_advisory_build_str(b, &b->adv->publisher, who);
		error = b->error;
	}
	at = tplx_jpath_key(&root, "vulnerabilities");
	for (i = 0; error == 0 && vulns != NULL && i < vulns->u.array.count;
	     i++) {
		item = tplx_jpath_index(&at, i);
		error = tplx_json_expect(doc, vulns->u.array.items[i], &item,
		                         TPLX_JSON_OBJECT, err);
		if (error == 0)
			error = read_vuln(&w, vulns->u.array.items[i], &item);
	}
	tplx_free(w.comps);
	return error;
}
