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

#include "formats/cyclonedx-build.h"
#include "tplc/sbom.h"
#include "util/arena.h"
#include "util/json.h"
#include "util/str.h"

/* The hooks' state (w->ctx) is a struct tplc_cdx_build. */

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

static int copy_hashes(struct tplc_cdx_build *x, struct tplc_component *c,
                       const struct tplx_json *list)
{
	size_t i;
	int error;

	if (list == NULL || list->type != TPLX_JSON_ARRAY)
		return 0;
	error = tplc_cdx_build_hashes(x, c, list->u.array.count);
	for (i = 0; error == 0 && i < list->u.array.count; i++) {
		const struct tplx_json *h = list->u.array.items[i];

		error = tplc_cdx_build_hash(x, c, member_string(h, "alg"),
		                            member_string(h, "content"));
	}
	return error;
}

static void read_fields(const struct tplx_json *v, struct tplc_cdx_fields *f)
{
	f->ref = member_string(v, "bom-ref");
	f->type = member_string(v, "type");
	f->supplier = component_supplier(v);
	f->group = member_string(v, "group");
	f->name = member_string(v, "name");
	f->version = member_string(v, "version");
	f->purl = member_string(v, "purl");
	f->cpe = member_string(v, "cpe");
	f->license = first_license(tplx_json_get(v, "licenses"));
}

static int fill_component(struct tplc_cdx_build *x, const struct tplx_json *v)
{
	struct tplc_cdx_fields f;
	struct tplc_cdx_support s;
	struct tplc_component c;
	int error;

	read_fields(v, &f);
	tplc_cdx_support_scan(tplx_json_get(v, "properties"), &s);
	error = tplc_cdx_build_fields(x, &c, &f);
	if (error == 0)
		error = copy_hashes(x, &c, tplx_json_get(v, "hashes"));
	if (error == 0)
		error = tplc_cdx_build_support(x, &c, &s);
	if (error == 0)
		tplc_cdx_build_close(x, &c);
	return error;
}

static int fill_subject(struct tplc_cdx_build *x, const struct tplx_json *v)
{
	struct tplc_cdx_fields f;

	read_fields(v, &f);
	return tplc_cdx_build_subject(x, &f);
}

/* "vendor name version" of the first tool (1.2-1.4 list, or 1.5+
 * {"components": [...]} with group as the vendor). */
static int tool_author(struct tplc_cdx_build *x, const struct tplx_json *tools)
{
	const struct tplx_json *tool = NULL;
	const char *parts[3];

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
	return tplc_cdx_build_tool_author(x, parts);
}

static int fill_metadata(struct tplc_cdx_build *x, const struct tplx_json *v)
{
	const char *candidates[] = {
		first_named(tplx_json_get(v, "authors")),
		entity_name(tplx_json_get(v, "manufacturer")),
		entity_name(tplx_json_get(v, "manufacture")),
		entity_name(tplx_json_get(v, "supplier")),
	};
	const char *author = first_of(candidates, 4);
	int error;

	error = tplc_cdx_build_metadata(x, member_string(v, "timestamp"),
	                                author);
	if (error == 0 && author == NULL)
		error = tool_author(x, tplx_json_get(v, "tools"));
	return error;
}

static int fill_dependency(struct tplc_cdx_build *x, const struct tplx_json *v)
{
	const struct tplx_json *on = tplx_json_get(v, "dependsOn");
	struct tplc_dependency d;
	size_t i, n;
	int error;

	n = on != NULL && on->type == TPLX_JSON_ARRAY ? on->u.array.count : 0;
	error = tplc_cdx_build_dependency(x, &d, member_string(v, "ref"), n);
	for (i = 0; error == 0 && i < n; i++)
		error = tplc_cdx_build_depends_on(
		        x, &d, tplx_json_string(on->u.array.items[i]));
	if (error == 0)
		error = tplc_cdx_build_dependency_end(x, &d);
	return error;
}

static int on_enter(struct cdx_walk *w, int role, const struct tplx_json *v,
                    const struct tplx_jpath *path)
{
	int error;

	if (role != CDX_R_COMPONENT)
		return 0;
	error = tplc_cdx_build_open(w->ctx);
	if (error == TPLC_ELIMIT) {
		tplc_cdx_fail(w, v, path,
		              "components nested deeper than %d levels",
		              CDX_NESTING_MAX);
		if (w->err != NULL)
			w->err->code = TPLC_ELIMIT;
	}
	return error;
}

static int on_leave(struct cdx_walk *w, int role, const struct tplx_json *v,
                    const struct tplx_jpath *path)
{
	struct tplc_cdx_build *x = w->ctx;

	(void)path;
	switch (role) {
	case CDX_R_COMPONENT:
		return fill_component(x, v);
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
	struct tplc_cdx_build x;
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
	x.trim = false;
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
