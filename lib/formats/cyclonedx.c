/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CycloneDX JSON 1.2-1.7 into struct tplc_sbom.  The walk along the
 * schema tables (cyclonedx-schema.c, cyclonedx-walk.c) validates the
 * document and calls the hooks here on the objects the model wants: the
 * document's metadata and subject, every component of components[] with
 * the components nested in them (pre-order), and the dependencies.  The
 * hooks run only on values the tables have already checked.
 */
#include <string.h>

#include "formats/cyclonedx-schema.h"
#include "formats/cyclonedx-support.h"
#include "formats/sbom-build.h"
#include "tplc/sbom.h"
#include "util/arena.h"
#include "util/json.h"
#include "util/str.h"

struct extract {
	struct tplc_sbom_build b;
	size_t open[CDX_NESTING_MAX]; /* component slots being filled */
	size_t depth;
};

static const char *member_string(const struct tplx_json *obj, const char *key)
{
	return tplx_json_string(tplx_json_get(obj, key));
}

/* The name of an organizational entity (or contact). */
static const char *entity_name(const struct tplx_json *entity)
{
	return member_string(entity, "name");
}

static const char *first_named(const struct tplx_json *list)
{
	size_t i;

	if (list == NULL || list->type != TPLX_JSON_ARRAY)
		return NULL;
	for (i = 0; i < list->u.array.count; i++) {
		const char *name = entity_name(list->u.array.items[i]);
		if (!tplx_is_blank(name))
			return name;
	}
	return NULL;
}

static const char *first_of(const char *const *candidates, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (!tplx_is_blank(candidates[i]))
			return candidates[i];
	return NULL;
}

/* supplier, else manufacturer, else publisher, else author(s). */
static const char *component_supplier(const struct tplx_json *c)
{
	const char *candidates[] = {
		entity_name(tplx_json_get(c, "supplier")),
		entity_name(tplx_json_get(c, "manufacturer")),
		member_string(c, "publisher"),
		member_string(c, "author"),
		first_named(tplx_json_get(c, "authors")),
	};

	return first_of(candidates, sizeof(candidates) / sizeof(*candidates));
}

/* The first license for display: an id, a name or an expression. */
static const char *first_license(const struct tplx_json *licenses)
{
	size_t i;

	if (licenses == NULL || licenses->type != TPLX_JSON_ARRAY)
		return NULL;
	for (i = 0; i < licenses->u.array.count; i++) {
		const struct tplx_json *entry = licenses->u.array.items[i];
		const struct tplx_json *license =
		        tplx_json_get(entry, "license");
		const char *candidates[] = {
			member_string(license, "id"),
			member_string(license, "name"),
			member_string(entry, "expression"),
		};
		const char *s = first_of(candidates, 3);

		if (s != NULL)
			return s;
	}
	return NULL;
}

static int copy_hashes(struct extract *x, struct tplc_component *c,
                       const struct tplx_json *list)
{
	size_t i, n = 0;
	int error;

	if (list == NULL || list->type != TPLX_JSON_ARRAY)
		return 0;
	error = tplc_sbom_build_array(&x->b, &c->hashes, list->u.array.count,
	                              sizeof(*c->hashes));
	for (i = 0; error == 0 && i < list->u.array.count; i++) {
		const struct tplx_json *h = list->u.array.items[i];
		struct tplc_hash *out = &c->hashes[n];
		char *p;

		error = tplc_sbom_build_str(&x->b, &out->alg,
		                            member_string(h, "alg"));
		if (error == 0)
			error = tplc_sbom_build_str(
			        &x->b, &out->value,
			        member_string(h, "content"));
		if (error != 0 || out->alg == NULL || out->value == NULL)
			continue;
		for (p = (char *)out->value; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'F')
				*p = (char)(*p - 'A' + 'a');
		n++;
	}
	c->hash_count = n;
	return error;
}

/* The FDA fields, from the component's properties. */
static int copy_support(struct extract *x, struct tplc_component *c,
                        const struct tplx_json *props)
{
	struct tplc_cdx_support s;
	int error = 0;

	tplc_cdx_support_scan(props, &s);
	c->support = s.level;
	error = tplc_sbom_build_str(&x->b, &c->support_text, s.level_text);
	if (error == 0 && s.end_date_len > 0)
		error = tplc_sbom_build_strn(&x->b, &c->end_of_support,
		                             s.end_text, s.end_date_len);
	else if (error == 0)
		error = tplc_sbom_build_str(&x->b, &c->end_of_support_text,
		                            s.end_text);
	return error;
}

static int fill_component(struct extract *x, size_t index,
                          const struct tplx_json *v)
{
	struct tplc_component c;
	struct {
		const char **dst;
		const char *src;
	} fields[] = {
		{ &c.ref, member_string(v, "bom-ref") },
		{ &c.type, member_string(v, "type") },
		{ &c.supplier, component_supplier(v) },
		{ &c.group, member_string(v, "group") },
		{ &c.name, member_string(v, "name") },
		{ &c.version, member_string(v, "version") },
		{ &c.purl, member_string(v, "purl") },
		{ &c.cpe, member_string(v, "cpe") },
		{ &c.license, first_license(tplx_json_get(v, "licenses")) },
	};
	size_t i;
	int error = 0;

	memset(&c, 0, sizeof(c));
	for (i = 0; error == 0 && i < sizeof(fields) / sizeof(*fields); i++)
		error = tplc_sbom_build_str(&x->b, fields[i].dst,
		                            fields[i].src);
	if (error == 0)
		error = copy_hashes(x, &c, tplx_json_get(v, "hashes"));
	if (error == 0)
		error = copy_support(x, &c, tplx_json_get(v, "properties"));
	if (error == 0)
		x->b.components[index] = c;
	return error;
}

static int fill_subject(struct extract *x, const struct tplx_json *v)
{
	struct tplc_sbom *s = x->b.sbom;
	int error;

	error = tplc_sbom_build_str(&x->b, &s->subject_name,
	                            member_string(v, "name"));
	if (error == 0)
		error = tplc_sbom_build_str(&x->b, &s->subject_version,
		                            member_string(v, "version"));
	if (error == 0)
		error = tplc_sbom_build_str(&x->b, &s->subject_supplier,
		                            component_supplier(v));
	return error;
}

/* "vendor name version" of the first tool (1.2-1.4 list, or 1.5+
 * {"components": [...]} with group as the vendor). */
static int tool_author(struct extract *x, const struct tplx_json *tools)
{
	const struct tplx_json *tool = NULL;
	const char *parts[3];
	char text[512];
	size_t i, used = 0;

	if (tools != NULL && tools->type == TPLX_JSON_OBJECT)
		tools = tplx_json_get(tools, "components");
	if (tools != NULL && tools->type == TPLX_JSON_ARRAY &&
	    tools->u.array.count > 0)
		tool = tools->u.array.items[0];
	if (tool == NULL)
		return 0;
	parts[0] = member_string(tool, "vendor");
	if (parts[0] == NULL)
		parts[0] = member_string(tool, "group");
	parts[1] = member_string(tool, "name");
	parts[2] = member_string(tool, "version");
	text[0] = '\0';
	for (i = 0; i < 3; i++) {
		size_t n;

		if (tplx_is_blank(parts[i]))
			continue;
		n = strlen(parts[i]);
		if (used + n + 2 > sizeof(text))
			break;
		if (used > 0)
			text[used++] = ' ';
		memcpy(text + used, parts[i], n + 1);
		used += n;
	}
	return tplc_sbom_build_str(&x->b, &x->b.sbom->author, text);
}

static int fill_metadata(struct extract *x, const struct tplx_json *v)
{
	struct tplc_sbom *s = x->b.sbom;
	const char *candidates[] = {
		first_named(tplx_json_get(v, "authors")),
		entity_name(tplx_json_get(v, "manufacturer")),
		entity_name(tplx_json_get(v, "manufacture")),
		entity_name(tplx_json_get(v, "supplier")),
	};
	const char *author = first_of(candidates, 4);
	int error;

	error = tplc_sbom_build_str(&x->b, &s->created,
	                            member_string(v, "timestamp"));
	if (error == 0 && author != NULL)
		error = tplc_sbom_build_str(&x->b, &s->author, author);
	else if (error == 0)
		error = tool_author(x, tplx_json_get(v, "tools"));
	return error;
}

static int fill_dependency(struct extract *x, const struct tplx_json *v)
{
	const struct tplx_json *on = tplx_json_get(v, "dependsOn");
	struct tplc_dependency d;
	size_t index, i, n;
	int error;

	memset(&d, 0, sizeof(d));
	error = tplc_sbom_build_str(&x->b, &d.ref, member_string(v, "ref"));
	n = on != NULL && on->type == TPLX_JSON_ARRAY ? on->u.array.count : 0;
	if (error == 0)
		error = tplc_sbom_build_array(&x->b, &d.depends_on, n,
		                              sizeof(*d.depends_on));
	for (i = 0; error == 0 && i < n; i++) {
		error = tplc_sbom_build_str(
		        &x->b, &d.depends_on[d.count],
		        tplx_json_string(on->u.array.items[i]));
		if (error == 0 && d.depends_on[d.count] != NULL)
			d.count++;
	}
	if (error == 0 && d.ref == NULL)
		return 0; /* a blank ref names nothing */
	if (error == 0)
		error = tplc_sbom_build_dependency(&x->b, &index);
	if (error == 0)
		x->b.dependencies[index] = d;
	return error;
}

static int on_enter(struct cdx_walk *w, int role, const struct tplx_json *v,
                    const struct tplx_jpath *path)
{
	struct extract *x = w->ctx;
	size_t index;
	int error;

	if (role != CDX_R_COMPONENT)
		return 0;
	if (x->depth == CDX_NESTING_MAX) {
		tplc_cdx_fail(w, v, path,
		              "components nested deeper than %d levels",
		              CDX_NESTING_MAX);
		if (w->err != NULL)
			w->err->code = TPLC_ELIMIT;
		return TPLC_ELIMIT;
	}
	error = tplc_sbom_build_component(&x->b, &index);
	if (error == 0)
		x->open[x->depth++] = index;
	return error;
}

static int on_leave(struct cdx_walk *w, int role, const struct tplx_json *v,
                    const struct tplx_jpath *path)
{
	struct extract *x = w->ctx;

	(void)path;
	switch (role) {
	case CDX_R_COMPONENT:
		return fill_component(x, x->open[--x->depth], v);
	case CDX_R_SUBJECT:
		return fill_subject(x, v);
	case CDX_R_METADATA:
		return fill_metadata(x, v);
	case CDX_R_DEPENDENCY:
		return fill_dependency(x, v);
	default:
		return 0;
	}
}

static const struct cdx_hooks hooks = { on_enter, on_leave };

/*
 * bomFormat and specVersion come first: the version picks the rules.
 * JSON exists from 1.2; 1.7 is the newest the tables know.
 */
static int spec_minor(const struct tplx_json_doc *doc, int *minor,
                      struct tplc_error *err)
{
	const struct tplx_json *root = doc->root;
	struct tplx_jpath top = TPLX_JPATH_ROOT;
	struct tplx_jpath at = tplx_jpath_key(&top, "specVersion");
	const char *format, *version;
	int error;

	error = tplx_json_expect(doc, root, &top, TPLX_JSON_OBJECT, err);
	if (error == 0)
		error = tplx_json_req_string(doc, root, &top, "bomFormat",
		                             &format, err);
	if (error == 0 && strcmp(format, "CycloneDX") != 0) {
		struct tplx_jpath f = tplx_jpath_key(&top, "bomFormat");
		return tplx_json_fail(doc, tplx_json_get(root, "bomFormat"), &f,
		                      err,
		                      "expected \"CycloneDX\", found "
		                      "\"%.64s\"",
		                      format);
	}
	if (error == 0)
		error = tplx_json_req_string(doc, root, &top, "specVersion",
		                             &version, err);
	if (error != 0)
		return error;
	if (strlen(version) == 3 && version[0] == '1' && version[1] == '.' &&
	    version[2] >= '0' + CDX_MINOR_MIN &&
	    version[2] <= '0' + CDX_MINOR_MAX) {
		*minor = version[2] - '0';
		return 0;
	}
	if (strcmp(version, "1.0") == 0 || strcmp(version, "1.1") == 0)
		return tplx_json_fail(doc, tplx_json_get(root, "specVersion"),
		                      &at, err,
		                      "CycloneDX %s has no JSON format "
		                      "(JSON starts at 1.2)",
		                      version);
	if (tplx_starts_with(version, "1.") || tplx_starts_with(version, "2."))
		return tplc_sbom_unsupported(
		        doc, tplx_json_get(root, "specVersion"), &at, err,
		        "CycloneDX %.16s is not supported yet (1.2 to 1.7 are)",
		        version);
	return tplx_json_fail(doc, tplx_json_get(root, "specVersion"), &at, err,
	                      "\"%.64s\" is not a CycloneDX version", version);
}

int tplc_cyclonedx_parse_doc(struct tplc_sbom **out,
                             const struct tplx_json_doc *doc,
                             struct tplc_error *err)
{
	struct extract x;
	struct cdx_walk w;
	int minor = 0, error;

	*out = NULL;
	memset(&w, 0, sizeof(w));
	error = spec_minor(doc, &minor, err);
	if (error != 0)
		return error;
	error = tplc_sbom_build_init(&x.b, "CycloneDX", err);
	if (error != 0)
		return error;
	x.depth = 0;
	w.doc = doc;
	w.err = err;
	w.minor = minor;
	w.hooks = &hooks;
	w.ctx = &x;
	error = tplc_cdx_walk(&w, &tplc_cdx_bom, doc->root);
	if (error == 0)
		error = tplc_sbom_build_str(
		        &x.b, &x.b.sbom->spec_version,
		        member_string(doc->root, "specVersion"));
	if (error == 0)
		error = tplc_sbom_build_str(
		        &x.b, &x.b.sbom->serial,
		        member_string(doc->root, "serialNumber"));
	if (error == 0)
		error = tplc_sbom_build_finish(&x.b, out);
	else
		tplc_sbom_build_abort(&x.b);
	tplc_cdx_walk_release(&w);
	return error;
}
