/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The CycloneDX XSDs 1.2 to 1.7, as far as tplc checks them (see
 * cyclonedx-xml.h; cyclonedx-xml-walk.c walks a document along them).  The enumerations are the JSON
 * tables' (cyclonedx-schema.c): both formats share one list of values.
 */
#include <stdbool.h>
#include <stddef.h>

#include "formats/cyclonedx-xml.h"
#include "util/xml.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define KIND(attrs, children)                                              \
	{                                                                  \
		attrs, COUNT(attrs), children, COUNT(children), NULL, NULL \
	}
#define LEAF(val)                             \
	{                                     \
		NULL, 0, NULL, 0, (val), NULL \
	}

/* Children are { name, since, until, required, many, role, kind }. */
#define ONE(name, kind)                                    \
	{                                                  \
		name, 0, 0, false, false, CDX_R_NONE, kind \
	}
#define MANY(name, kind)                                  \
	{                                                 \
		name, 0, 0, false, true, CDX_R_NONE, kind \
	}
#define SINCE(v, name, kind)                              \
	{                                                 \
		name, v, 0, false, true, CDX_R_NONE, kind \
	}

/* ---- values --------------------------------------------------------- */

static const struct cdx_xval name_val = { CDX_F_NAME, NULL };
static const struct cdx_xval ref_val = { CDX_F_REF, NULL };
static const struct cdx_xval serial_val = { CDX_F_SERIAL, NULL };
static const struct cdx_xval datetime_val = { CDX_F_DATETIME, NULL };
static const struct cdx_xval hash_val = { CDX_F_HASH, NULL };
static const struct cdx_xval spdx_val = { CDX_F_SPDX_ID, NULL };
static const struct cdx_xval type_val = { 0, tplc_cdx_component_types };
static const struct cdx_xval scope_val = { 0, tplc_cdx_scopes };
static const struct cdx_xval alg_val = { 0, tplc_cdx_hash_algs };
static const struct cdx_xval encoding_val = { 0, tplc_cdx_encodings };
static const struct cdx_xval patch_val = { 0, tplc_cdx_patch_types };
static const struct cdx_xval issue_val = { 0, tplc_cdx_issue_types };
static const struct cdx_xval flow_val = { 0, tplc_cdx_data_flows };

static const struct cdx_xkind name_leaf = LEAF(&name_val);
static const struct cdx_xkind datetime_leaf = LEAF(&datetime_val);
static const struct cdx_xkind spdx_leaf = LEAF(&spdx_val);
static const struct cdx_xkind scope_leaf = LEAF(&scope_val);

/* ---- cross rules ---------------------------------------------------- */

/* licenseType: a choice of id and name. */
static int check_license(struct cdx_xwalk *w, const xmlNode *node)
{
	bool id = tplx_xml_child(node, w->ns, "id") != NULL;
	bool name = tplx_xml_child(node, w->ns, "name") != NULL;

	if (id == name)
		return tplx_xml_fail(w->doc, node, NULL, w->err,
		                     "a license needs exactly one of <id> and "
		                     "<name>");
	return 0;
}

/* Until 1.7 licenses hold licenses or one expression, never both. */
static int check_licenses(struct cdx_xwalk *w, const xmlNode *node)
{
	const xmlNode *expression = tplx_xml_child(node, w->ns, "expression");

	if (w->minor < 7 && expression != NULL &&
	    tplx_xml_child(node, w->ns, "license") != NULL)
		return tplx_xml_fail(w->doc, expression, NULL, w->err,
		                     "<licenses> holds <license> elements or "
		                     "one <expression>, not both");
	return 0;
}

/* 1.7: version or versionRange, not both. */
static int check_component(struct cdx_xwalk *w, const xmlNode *node)
{
	const xmlNode *range = tplx_xml_child(node, w->ns, "versionRange");

	if (range != NULL && tplx_xml_child(node, w->ns, "version") != NULL)
		return tplx_xml_fail(w->doc, range, NULL, w->err,
		                     "a component has <version> or "
		                     "<versionRange>, not both");
	return 0;
}

/* ---- small kinds ----------------------------------------------------- */

static const struct cdx_xattr attachment_attrs[] = {
	{ "content-type", 0, 0, false, NULL },
	{ "encoding", 0, 0, false, &encoding_val },
};
static const struct cdx_xkind attachment = {
	attachment_attrs, COUNT(attachment_attrs), NULL, 0, NULL, NULL
};

static const struct cdx_xattr hash_attrs[] = {
	{ "alg", 0, 0, true, &alg_val },
};
static const struct cdx_xkind hash = { hash_attrs, COUNT(hash_attrs), NULL,
	                               0,          &hash_val,         NULL };
static const struct cdx_xchild hashes_children[] = { MANY("hash", &hash) };
static const struct cdx_xkind hashes = {
	NULL, 0, hashes_children, COUNT(hashes_children), NULL, NULL
};

static const struct cdx_xattr property_attrs[] = {
	{ "name", 0, 0, true, NULL },
};
static const struct cdx_xkind property = {
	property_attrs, COUNT(property_attrs), NULL, 0, NULL, NULL
};
static const struct cdx_xchild properties_children[] = {
	MANY("property", &property),
};
static const struct cdx_xkind properties = {
	NULL, 0, properties_children, COUNT(properties_children), NULL, NULL
};

/* ---- licenses ---------------------------------------------------------- */

static const struct cdx_xattr license_attrs[] = {
	{ "bom-ref", 5, 0, false, NULL },
	{ "acknowledgement", 6, 0, false, NULL },
};
static const struct cdx_xchild license_children[] = {
	ONE("id", &spdx_leaf),
	ONE("name", NULL),
	ONE("text", &attachment),
	ONE("url", NULL),
	{ "licensing", 5, 0, false, false, CDX_R_NONE, NULL },
	{ "properties", 5, 0, false, false, CDX_R_NONE, &properties },
};
static const struct cdx_xkind license = {
	license_attrs,
	COUNT(license_attrs),
	license_children,
	COUNT(license_children),
	NULL,
	check_license,
};
static const struct cdx_xchild licenses_children[] = {
	MANY("license", &license),
	{ "expression", 0, 6, false, false, CDX_R_NONE, NULL },
	SINCE(7, "expression", NULL),
	SINCE(7, "expression-detailed", NULL),
};
static const struct cdx_xkind licenses = {
	NULL,          0, licenses_children, COUNT(licenses_children), NULL,
	check_licenses
};

/* ---- swid, pedigree ---------------------------------------------------- */

static const struct cdx_xattr swid_attrs[] = {
	{ "tagId", 0, 0, true, NULL },    { "name", 0, 0, true, NULL },
	{ "version", 0, 0, false, NULL }, { "tagVersion", 0, 0, false, NULL },
	{ "patch", 0, 0, false, NULL },
};
static const struct cdx_xchild swid_children[] = {
	ONE("text", &attachment),
	ONE("url", NULL),
};
static const struct cdx_xkind swid = KIND(swid_attrs, swid_children);

static const struct cdx_xattr issue_attrs[] = {
	{ "type", 0, 0, true, &issue_val },
};
static const struct cdx_xkind issue = { issue_attrs, COUNT(issue_attrs),
	                                NULL,        0,
	                                NULL,        NULL };
static const struct cdx_xchild issues_children[] = { MANY("issue", &issue) };
static const struct cdx_xkind issues = {
	NULL, 0, issues_children, COUNT(issues_children), NULL, NULL
};

static const struct cdx_xattr patch_attrs[] = {
	{ "type", 0, 0, true, &patch_val },
};
static const struct cdx_xchild patch_children[] = {
	ONE("diff", NULL),
	ONE("resolves", &issues),
};
static const struct cdx_xkind patch = KIND(patch_attrs, patch_children);
static const struct cdx_xchild patches_children[] = { MANY("patch", &patch) };
static const struct cdx_xkind patches = {
	NULL, 0, patches_children, COUNT(patches_children), NULL, NULL
};

static const struct cdx_xkind component;
/* Components that are not the document's: pedigree and tools. */
static const struct cdx_xchild component_list_children[] = {
	MANY("component", &component),
};
static const struct cdx_xkind component_list = {
	NULL, 0,   component_list_children, COUNT(component_list_children),
	NULL, NULL
};
/* The document's components, and those nested in them. */
static const struct cdx_xchild components_children[] = {
	{ "component", 0, 0, false, true, CDX_R_COMPONENT, &component },
};
static const struct cdx_xkind components = {
	NULL, 0, components_children, COUNT(components_children), NULL, NULL
};

static const struct cdx_xchild pedigree_children[] = {
	ONE("ancestors", &component_list), ONE("descendants", &component_list),
	ONE("variants", &component_list),  ONE("commits", NULL),
	ONE("patches", &patches),          ONE("notes", NULL),
};
static const struct cdx_xkind pedigree = {
	NULL, 0, pedigree_children, COUNT(pedigree_children), NULL, NULL
};

/* ---- component ----------------------------------------------------------- */

static const struct cdx_xattr component_attrs[] = {
	{ "type", 0, 0, true, &type_val },
	{ "mime-type", 0, 0, false, NULL },
	{ "bom-ref", 0, 0, false, NULL },
	{ "isExternal", 7, 0, false, NULL },
};
static const struct cdx_xchild component_children[] = {
	ONE("supplier", NULL),
	SINCE(6, "manufacturer", NULL),
	SINCE(6, "authors", NULL),
	ONE("author", NULL),
	ONE("publisher", NULL),
	ONE("group", NULL),
	{ "name", 0, 0, true, false, CDX_R_NONE, &name_leaf },
	{ "version", 0, 3, true, false, CDX_R_NONE, NULL },
	{ "version", 4, 0, false, false, CDX_R_NONE, NULL },
	{ "versionRange", 7, 0, false, false, CDX_R_NONE, NULL },
	ONE("description", NULL),
	ONE("scope", &scope_leaf),
	ONE("hashes", &hashes),
	ONE("licenses", &licenses),
	ONE("copyright", NULL),
	SINCE(7, "patentAssertions", NULL),
	ONE("cpe", NULL),
	ONE("purl", NULL),
	SINCE(6, "omniborId", NULL),
	SINCE(6, "swhid", NULL),
	ONE("swid", &swid),
	ONE("modified", NULL),
	ONE("pedigree", &pedigree),
	MANY("externalReferences", NULL),
	{ "properties", 3, 0, false, false, CDX_R_NONE, &properties },
	ONE("components", &components),
	SINCE(3, "evidence", NULL),
	SINCE(4, "releaseNotes", NULL),
	SINCE(5, "modelCard", NULL),
	SINCE(5, "data", NULL),
	SINCE(6, "cryptoProperties", NULL),
	SINCE(6, "tags", NULL),
};
static const struct cdx_xkind component = {
	component_attrs,
	COUNT(component_attrs),
	component_children,
	COUNT(component_children),
	NULL,
	check_component,
};

/* ---- services (open: only the data flows are checked) ---------------- */

static const struct cdx_xattr classification_attrs[] = {
	{ "flow", 0, 0, true, &flow_val },
};
static const struct cdx_xkind classification = {
	classification_attrs, COUNT(classification_attrs), NULL, 0, NULL, NULL
};
static const struct cdx_xchild data_children[] = {
	MANY("classification", &classification),
	SINCE(5, "dataflow", NULL),
};
static const struct cdx_xkind service_data = {
	NULL, 0, data_children, COUNT(data_children), NULL, NULL
};
static const struct cdx_xkind service;
static const struct cdx_xchild services_children[] = {
	MANY("service", &service),
};
static const struct cdx_xkind services = {
	NULL, 0, services_children, COUNT(services_children), NULL, NULL
};
static const struct cdx_xchild service_children[] = {
	ONE("provider", NULL),
	ONE("group", NULL),
	{ "name", 0, 0, true, false, CDX_R_NONE, NULL },
	ONE("version", NULL),
	ONE("description", NULL),
	ONE("endpoints", NULL),
	ONE("authenticated", NULL),
	ONE("x-trust-boundary", NULL),
	SINCE(5, "trustZone", NULL),
	ONE("data", &service_data),
	ONE("licenses", &licenses),
	SINCE(7, "patentAssertions", NULL),
	ONE("externalReferences", NULL),
	{ "properties", 3, 0, false, false, CDX_R_NONE, &properties },
	ONE("services", &services),
	SINCE(4, "releaseNotes", NULL),
	SINCE(6, "tags", NULL),
};
static const struct cdx_xkind service = {
	NULL, 0, service_children, COUNT(service_children), NULL, NULL
};

/* ---- metadata ------------------------------------------------------------ */

static const struct cdx_xchild metadata_children[] = {
	ONE("timestamp", &datetime_leaf),
	SINCE(5, "lifecycles", NULL),
	ONE("tools", NULL),
	ONE("authors", NULL),
	{ "component", 0, 0, false, false, CDX_R_SUBJECT, &component },
	SINCE(6, "manufacturer", NULL),
	ONE("manufacture", NULL),
	ONE("supplier", NULL),
	{ "licenses", 3, 0, false, false, CDX_R_NONE, &licenses },
	{ "properties", 3, 0, false, false, CDX_R_NONE, &properties },
	SINCE(7, "distributionConstraints", NULL),
};
static const struct cdx_xkind metadata = {
	NULL, 0, metadata_children, COUNT(metadata_children), NULL, NULL
};

/* ---- dependencies, citations, the document --------------------------------- */

static const struct cdx_xattr dependency_attrs[] = {
	{ "ref", 0, 4, true, NULL },
	{ "ref", 5, 0, true, &ref_val },
};
static const struct cdx_xkind dependency;
static const struct cdx_xchild dependency_children[] = {
	MANY("dependency", &dependency),
	SINCE(6, "provides", NULL),
};
static const struct cdx_xkind dependency =
        KIND(dependency_attrs, dependency_children);
static const struct cdx_xchild dependencies_children[] = {
	{ "dependency", 0, 0, false, true, CDX_R_DEPENDENCY, &dependency },
};
static const struct cdx_xkind dependencies = {
	NULL, 0, dependencies_children, COUNT(dependencies_children), NULL, NULL
};

/* Open but for what a citation holds at most once. */
static const struct cdx_xchild citation_children[] = {
	ONE("attributedTo", NULL), ONE("process", NULL),
	ONE("timestamp", NULL),    ONE("pointers", NULL),
	ONE("expressions", NULL),  ONE("note", NULL),
	ONE("signature", NULL),
};
static const struct cdx_xkind citation = {
	NULL, 0, citation_children, COUNT(citation_children), NULL, NULL
};
static const struct cdx_xchild citations_children[] = {
	MANY("citation", &citation),
};
static const struct cdx_xkind citations = {
	NULL, 0, citations_children, COUNT(citations_children), NULL, NULL
};

static const struct cdx_xattr bom_attrs[] = {
	{ "version", 0, 0, false, NULL },
	{ "serialNumber", 0, 0, false, &serial_val },
};
static const struct cdx_xchild bom_children[] = {
	{ "metadata", 0, 0, false, false, CDX_R_METADATA, &metadata },
	ONE("components", &components),
	ONE("services", &services),
	ONE("externalReferences", NULL),
	ONE("dependencies", &dependencies),
	{ "compositions", 3, 0, false, false, CDX_R_NONE, NULL },
	{ "properties", 3, 0, false, false, CDX_R_NONE, &properties },
	{ "vulnerabilities", 4, 0, false, false, CDX_R_NONE, NULL },
	{ "annotations", 5, 0, false, false, CDX_R_NONE, NULL },
	{ "formulation", 5, 0, false, false, CDX_R_NONE, NULL },
	{ "declarations", 6, 0, false, false, CDX_R_NONE, NULL },
	{ "definitions", 6, 0, false, false, CDX_R_NONE, NULL },
	{ "citations", 7, 0, false, false, CDX_R_NONE, &citations },
};
const struct cdx_xkind tplc_cdx_xml_bom = KIND(bom_attrs, bom_children);

/* Which kinds are closed to unknown CycloneDX elements: those whose
 * child list is the XSD's whole sequence. */
bool tplc_cdx_xml_closed(const struct cdx_xkind *kind)
{
	return kind == &tplc_cdx_xml_bom || kind == &metadata ||
	       kind == &component || kind == &license || kind == &swid ||
	       kind == &hashes || kind == &properties || kind == &licenses;
}
