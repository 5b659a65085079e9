/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CycloneDX XML 1.2-1.7 into struct tplc_sbom: the same model the JSON
 * parser (cyclonedx.c) builds, through the same builder (sbom-build.h)
 * and the same FDA property reading (cyclonedx-support.h).  The walk
 * along the XSD tables (cyclonedx-xml-schema.c) validates and calls the
 * hooks here on the metadata, the subject, every component (pre-order)
 * and the dependencies, once their element has been checked.  Text is
 * read with its surrounding white space trimmed: pretty printers indent.
 */
#include <stdio.h>
#include <string.h>

#include "formats/cyclonedx-build.h"
#include "formats/cyclonedx-xml.h"
#include "formats/sbom-xml.h"
#include "tplc/sbom.h"
#include "util/str.h"
#include "util/xml.h"

struct xextract {
	struct tplc_cdx_build c; /* c.trim: pretty printers indent */
	const struct tplx_xml_doc *doc;
	const char *ns;
};

/* The text of parent's first child element name, or NULL. */
static int text(struct xextract *x, const xmlNode *parent, const char *name,
                const char **out)
{
	return tplx_xml_text(x->doc, tplx_xml_child(parent, x->ns, name), out,
	                     x->c.b.err);
}

static int attr(struct xextract *x, const xmlNode *node, const char *name,
                const char **out)
{
	return tplx_xml_attr(x->doc, node, name, out, x->c.b.err);
}

/* The first non-blank <name> of an entity, or of a list of them. */
static int entity_name(struct xextract *x, const xmlNode *entity,
                       const char **out)
{
	int error = text(x, entity, "name", out);

	if (error == 0 && tplx_is_blank(*out))
		*out = NULL;
	return error;
}

static int first_named(struct xextract *x, const xmlNode *list,
                       const char **out)
{
	const xmlNode *n;
	int error = 0;

	*out = NULL;
	for (n = tplx_xml_child(list, x->ns, NULL);
	     error == 0 && n != NULL && *out == NULL;
	     n = tplx_xml_next(n, x->ns, NULL))
		error = entity_name(x, n, out);
	return error;
}

/* supplier, else manufacturer, else publisher, else author(s). */
static int component_supplier(struct xextract *x, const xmlNode *c,
                              const char **out)
{
	int error = entity_name(x, tplx_xml_child(c, x->ns, "supplier"), out);

	if (error == 0 && *out == NULL)
		error = entity_name(x, tplx_xml_child(c, x->ns, "manufacturer"),
		                    out);
	if (error == 0 && *out == NULL)
		error = text(x, c, "publisher", out);
	if (error == 0 && tplx_is_blank(*out))
		error = text(x, c, "author", out);
	if (error == 0 && tplx_is_blank(*out))
		error = first_named(x, tplx_xml_child(c, x->ns, "authors"),
		                    out);
	return error;
}

/* The first license for display: an id, a name or an expression. */
static int first_license(struct xextract *x, const xmlNode *licenses,
                         const char **out)
{
	const xmlNode *n;
	int error = 0;

	*out = NULL;
	for (n = tplx_xml_child(licenses, x->ns, NULL);
	     error == 0 && n != NULL && tplx_is_blank(*out);
	     n = tplx_xml_next(n, x->ns, NULL)) {
		if (tplx_xml_is(n, x->ns, "expression")) {
			error = tplx_xml_text(x->doc, n, out, x->c.b.err);
			continue;
		}
		error = text(x, n, "id", out);
		if (error == 0 && tplx_is_blank(*out))
			error = text(x, n, "name", out);
	}
	return error;
}

static int copy_hashes(struct xextract *x, struct tplc_component *c,
                       const xmlNode *list)
{
	const xmlNode *h;
	int error;

	error = tplc_cdx_build_hashes(&x->c, c,
	                              tplx_xml_count(list, x->ns, "hash"));
	for (h = tplx_xml_child(list, x->ns, "hash"); error == 0 && h != NULL;
	     h = tplx_xml_next(h, x->ns, "hash")) {
		const char *alg, *value;

		error = attr(x, h, "alg", &alg);
		if (error == 0)
			error = tplx_xml_text(x->doc, h, &value, x->c.b.err);
		if (error == 0)
			error = tplc_cdx_build_hash(&x->c, c, alg, value);
	}
	return error;
}

/* The FDA fields, from the component's properties. */
static int read_support(struct xextract *x, const xmlNode *props,
                        struct tplc_cdx_support *s)
{
	const xmlNode *p;
	int error = 0;

	memset(s, 0, sizeof(*s));
	for (p = tplx_xml_child(props, x->ns, "property");
	     error == 0 && p != NULL; p = tplx_xml_next(p, x->ns, "property")) {
		const char *name, *value;

		error = attr(x, p, "name", &name);
		if (error == 0)
			error = tplx_xml_text(x->doc, p, &value, x->c.b.err);
		if (error == 0)
			tplc_cdx_support_add(s, name, value);
	}
	return error;
}

static int read_fields(struct xextract *x, const xmlNode *v,
                       struct tplc_cdx_fields *f)
{
	const struct tplx_xml_field fields[] = {
		TPLX_XML_ATTR("bom-ref", &f->ref, false),
		TPLX_XML_ATTR("type", &f->type, false),
		TPLX_XML_TEXT("group", &f->group, false),
		TPLX_XML_TEXT("name", &f->name, false),
		TPLX_XML_TEXT("version", &f->version, false),
		TPLX_XML_TEXT("purl", &f->purl, false),
		TPLX_XML_TEXT("cpe", &f->cpe, false),
	};
	int error;

	memset(f, 0, sizeof(*f));
	error = tplx_xml_fields(x->doc, v, x->ns, fields,
	                        TPLX_XML_FIELDS_COUNT(fields), x->c.b.err);
	if (error == 0)
		error = component_supplier(x, v, &f->supplier);
	if (error == 0)
		error = first_license(x, tplx_xml_child(v, x->ns, "licenses"),
		                      &f->license);
	return error;
}

static int fill_component(struct xextract *x, const xmlNode *v)
{
	struct tplc_cdx_fields f;
	struct tplc_cdx_support s;
	struct tplc_component c;
	int error = read_fields(x, v, &f);

	if (error == 0)
		error = read_support(x, tplx_xml_child(v, x->ns, "properties"),
		                     &s);
	if (error == 0)
		error = tplc_cdx_build_fields(&x->c, &c, &f);
	if (error == 0)
		error = copy_hashes(x, &c, tplx_xml_child(v, x->ns, "hashes"));
	if (error == 0)
		error = tplc_cdx_build_support(&x->c, &c, &s);
	if (error == 0)
		tplc_cdx_build_close(&x->c, &c);
	return error;
}

static int fill_subject(struct xextract *x, const xmlNode *v)
{
	struct tplc_cdx_fields f;
	int error;

	memset(&f, 0, sizeof(f));
	error = text(x, v, "name", &f.name);
	if (error == 0)
		error = text(x, v, "version", &f.version);
	if (error == 0)
		error = component_supplier(x, v, &f.supplier);
	if (error == 0)
		error = tplc_cdx_build_subject(&x->c, &f);
	return error;
}

/* "vendor name version" of the first tool (1.2-1.4 <tool>, or 1.5+
 * <components><component> with group as the vendor). */
static int tool_author(struct xextract *x, const xmlNode *tools)
{
	const xmlNode *tool = tplx_xml_child(tools, x->ns, "tool");
	const char *parts[3] = { NULL, NULL, NULL };
	int error;

	if (tool == NULL)
		tool = tplx_xml_child(
		        tplx_xml_child(tools, x->ns, "components"), x->ns,
		        "component");
	if (tool == NULL)
		return 0;
	error = text(x, tool, "vendor", &parts[0]);
	if (error == 0 && parts[0] == NULL)
		error = text(x, tool, "group", &parts[0]);
	if (error == 0)
		error = text(x, tool, "name", &parts[1]);
	if (error == 0)
		error = text(x, tool, "version", &parts[2]);
	if (error == 0)
		error = tplc_cdx_build_tool_author(&x->c, parts);
	return error;
}

static int fill_metadata(struct xextract *x, const xmlNode *v)
{
	static const char *const entities[] = { "manufacturer", "manufacture",
		                                "supplier" };
	const char *author = NULL, *timestamp;
	size_t i;
	int error = text(x, v, "timestamp", &timestamp);

	if (error == 0)
		error = first_named(x, tplx_xml_child(v, x->ns, "authors"),
		                    &author);
	for (i = 0; error == 0 && author == NULL && i < 3; i++)
		error = entity_name(x, tplx_xml_child(v, x->ns, entities[i]),
		                    &author);
	if (error == 0)
		error = tplc_cdx_build_metadata(&x->c, timestamp, author);
	if (error == 0 && author == NULL)
		error = tool_author(x, tplx_xml_child(v, x->ns, "tools"));
	return error;
}

static int fill_dependency(struct xextract *x, const xmlNode *v)
{
	struct tplc_dependency d;
	const xmlNode *on;
	const char *ref;
	int error = attr(x, v, "ref", &ref);

	if (error == 0)
		error = tplc_cdx_build_dependency(
		        &x->c, &d, ref, tplx_xml_count(v, x->ns, "dependency"));
	for (on = tplx_xml_child(v, x->ns, "dependency");
	     error == 0 && on != NULL;
	     on = tplx_xml_next(on, x->ns, "dependency")) {
		error = attr(x, on, "ref", &ref);
		if (error == 0)
			error = tplc_cdx_build_depends_on(&x->c, &d, ref);
	}
	if (error == 0)
		error = tplc_cdx_build_dependency_end(&x->c, &d);
	return error;
}

static int on_enter(struct cdx_xwalk *w, int role, const xmlNode *v)
{
	struct xextract *x = w->ctx;
	int error;

	if (role != CDX_R_COMPONENT)
		return 0;
	error = tplc_cdx_build_open(&x->c);
	if (error == TPLC_ELIMIT)
		return tplx_xml_fail_code(w->doc, v, NULL, w->err, TPLC_ELIMIT,
		                          "components nested deeper than %d "
		                          "levels",
		                          CDX_NESTING_MAX);
	return error;
}

static int on_leave(struct cdx_xwalk *w, int role, const xmlNode *v)
{
	struct xextract *x = w->ctx;

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

static const struct cdx_xhooks hooks = { on_enter, on_leave };

/* The namespace gives the version: http://cyclonedx.org/schema/bom/1.N. */
static int spec_minor(const struct tplx_xml_doc *doc, const xmlNode *root,
                      int *minor, struct tplc_error *err)
{
	const char *ns = tplx_xml_ns(root);
	size_t prefix = strlen(CDX_XML_NS_PREFIX);

	if (ns == NULL || !tplx_xml_is(root, ns, "bom"))
		return tplx_xml_fail(doc, root, NULL, err,
		                     "expected a CycloneDX <bom> in the "
		                     "namespace %sN",
		                     CDX_XML_NS_PREFIX);
	if (strncmp(ns, CDX_XML_NS_PREFIX, prefix) == 0 &&
	    strlen(ns) == prefix + 1 && ns[prefix] >= '0' + CDX_MINOR_MIN &&
	    ns[prefix] <= '0' + CDX_MINOR_MAX) {
		*minor = ns[prefix] - '0';
		return 0;
	}
	if (strncmp(ns, CDX_XML_NS_PREFIX, prefix) == 0 &&
	    strlen(ns) == prefix + 1 && ns[prefix] >= '0' && ns[prefix] <= '9')
		return tplx_xml_fail_code(doc, root, NULL, err,
		                          TPLC_EUNSUPPORTED,
		                          "CycloneDX XML %.40s is not "
		                          "supported (1.2 to 1.7 are)",
		                          ns);
	return tplx_xml_fail(doc, root, NULL, err,
	                     "\"%.80s\" is not a CycloneDX namespace", ns);
}

int tplc_cyclonedx_xml_parse_doc(struct tplc_sbom **out,
                                 const struct tplx_xml_doc *doc,
                                 struct tplc_error *err)
{
	const xmlNode *root = tplx_xml_root(doc);
	struct xextract x;
	struct cdx_xwalk w;
	const char *serial = NULL;
	char version[8];
	int minor = 0, error;

	*out = NULL;
	error = spec_minor(doc, root, &minor, err);
	if (error != 0)
		return error;
	error = tplc_sbom_build_init(&x.c.b, "CycloneDX", err);
	if (error != 0)
		return error;
	x.doc = doc;
	x.ns = tplx_xml_ns(root);
	x.c.trim = true;
	x.c.depth = 0;
	memset(&w, 0, sizeof(w));
	w.doc = doc;
	w.err = err;
	w.ns = x.ns;
	w.minor = minor;
	w.hooks = &hooks;
	w.ctx = &x;
	error = tplc_cdx_xwalk(&w, &tplc_cdx_xml_bom, root);
	snprintf(version, sizeof(version), "1.%d", minor);
	if (error == 0)
		error = tplc_cdx_build_str(&x.c, &x.c.b.sbom->spec_version,
		                           version);
	if (error == 0)
		error = attr(&x, root, "serialNumber", &serial);
	if (error == 0)
		error = tplc_cdx_build_str(&x.c, &x.c.b.sbom->serial, serial);
	if (error == 0)
		error = tplc_sbom_build_finish(&x.c.b, out);
	else
		tplc_sbom_build_abort(&x.c.b);
	return error;
}
