/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The CycloneDX JSON schemas 1.2 to 1.7, as far as tplc checks them
 * (see cyclonedx-schema.h and docs/internals/sbom.md).  Written from
 * bom-1.x.schema.json by hand: every object kind the parser extracts
 * from, or that a conformance case needs, is described member by member
 * with the spec versions each member exists in; the rest (evidence,
 * model cards, formulation, cryptography, vulnerabilities, ...) is ANY.
 * Objects are closed (additionalProperties: false) from 1.4, as in the
 * schemas; 1.2 and 1.3 accept unknown members.
 */
#include <stddef.h>
#include <string.h>

#include "formats/cyclonedx-schema.h"
#include "util/json.h"

#define END_ENUM        \
	{               \
		NULL, 0 \
	}
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define OBJECT_KIND(kind, list, closed)         \
	{                                       \
		kind, list, COUNT(list), closed \
	}
#define STRING_ENUM(v)                            \
	{                                         \
		.type = CDX_STRING, .values = (v) \
	}
#define ARRAY_OF(item)                             \
	{                                          \
		.type = CDX_ARRAY, .items = (item) \
	}
#define OBJECT_OF(obj)                              \
	{                                           \
		.type = CDX_OBJECT, .object = (obj) \
	}

/* Closed from 1.4: additionalProperties false appears in bom-1.4. */
#define CLOSED 4

/* Members are { name, since, until, required, role, spec }; shorthands: */
#define OPT(name, spec)                             \
	{                                           \
		name, 0, 0, false, CDX_R_NONE, spec \
	}
#define REQ(name, spec)                            \
	{                                          \
		name, 0, 0, true, CDX_R_NONE, spec \
	}
#define SINCE(v, name, spec)                        \
	{                                           \
		name, v, 0, false, CDX_R_NONE, spec \
	}

/* ---- enums ------------------------------------------------------------ */

static const struct cdx_enum bom_formats[] = { { "CycloneDX", 0 }, END_ENUM };

const struct cdx_enum tplc_cdx_component_types[] = {
	{ "application", 0 },
	{ "framework", 0 },
	{ "library", 0 },
	{ "container", 0 },
	{ "platform", 5 },
	{ "operating-system", 0 },
	{ "device", 0 },
	{ "device-driver", 5 },
	{ "firmware", 0 },
	{ "file", 0 },
	{ "machine-learning-model", 5 },
	{ "data", 5 },
	{ "cryptographic-asset", 6 },
	END_ENUM,
};

const struct cdx_enum tplc_cdx_scopes[] = {
	{ "required", 0 },
	{ "optional", 0 },
	{ "excluded", 0 },
	END_ENUM,
};

const struct cdx_enum tplc_cdx_hash_algs[] = {
	{ "MD5", 0 },          { "SHA-1", 0 },        { "SHA-256", 0 },
	{ "SHA-384", 0 },      { "SHA-512", 0 },      { "SHA3-256", 0 },
	{ "SHA3-384", 0 },     { "SHA3-512", 0 },     { "BLAKE2b-256", 0 },
	{ "BLAKE2b-384", 0 },  { "BLAKE2b-512", 0 },  { "BLAKE3", 0 },
	{ "Streebog-256", 7 }, { "Streebog-512", 7 }, END_ENUM,
};

const struct cdx_enum tplc_cdx_encodings[] = { { "base64", 0 }, END_ENUM };

const struct cdx_enum tplc_cdx_patch_types[] = {
	{ "unofficial", 0 },  { "monkey", 0 }, { "backport", 0 },
	{ "cherry-pick", 0 }, END_ENUM,
};

const struct cdx_enum tplc_cdx_issue_types[] = {
	{ "defect", 0 },
	{ "enhancement", 0 },
	{ "security", 0 },
	END_ENUM,
};

const struct cdx_enum tplc_cdx_data_flows[] = {
	{ "inbound", 0 }, { "outbound", 0 }, { "bi-directional", 0 },
	{ "unknown", 0 }, END_ENUM,
};

static const struct cdx_enum acknowledgements[] = {
	{ "declared", 0 },
	{ "concluded", 0 },
	END_ENUM,
};

/* ---- cross-member rules ------------------------------------------------ */

/* The digest's length must be the algorithm's. */
static int check_hash(struct cdx_walk *w, const struct tplx_json *v,
                      const struct tplx_jpath *path)
{
	static const struct {
		const char *alg;
		size_t len;
	} lengths[] = {
		{ "MD5", 32 },           { "SHA-1", 40 },
		{ "SHA-256", 64 },       { "SHA-384", 96 },
		{ "SHA-512", 128 },      { "SHA3-256", 64 },
		{ "SHA3-384", 96 },      { "SHA3-512", 128 },
		{ "BLAKE2b-256", 64 },   { "BLAKE2b-384", 96 },
		{ "BLAKE2b-512", 128 },  { "Streebog-256", 64 },
		{ "Streebog-512", 128 }, /* BLAKE3: any length */
	};
	const char *alg = tplx_json_string(tplx_json_get(v, "alg"));
	const struct tplx_json *content = tplx_json_get(v, "content");
	struct tplx_jpath at = tplx_jpath_key(path, "content");
	size_t i;

	for (i = 0; alg != NULL && content != NULL && i < COUNT(lengths); i++)
		if (strcmp(lengths[i].alg, alg) == 0 &&
		    content->u.string.len != lengths[i].len)
			return tplc_cdx_fail(w, content, &at,
			                     "a %s digest has %zu hex digits, "
			                     "not %zu",
			                     alg, lengths[i].len,
			                     content->u.string.len);
	return 0;
}

/* oneOf required "id" / required "name". */
static int check_license(struct cdx_walk *w, const struct tplx_json *v,
                         const struct tplx_jpath *path)
{
	bool id = tplx_json_get(v, "id") != NULL;
	bool name = tplx_json_get(v, "name") != NULL;

	if (id == name)
		return tplc_cdx_fail(w, v, path,
		                     "a license needs exactly one of \"id\" "
		                     "and \"name\"");
	return 0;
}

/* An entry of licenses is a license or an expression, never both. */
static int check_license_entry(struct cdx_walk *w, const struct tplx_json *v,
                               const struct tplx_jpath *path)
{
	bool license = tplx_json_get(v, "license") != NULL;
	bool expression = tplx_json_get(v, "expression") != NULL;

	if (license == expression)
		return tplc_cdx_fail(w, v, path,
		                     "a licenses entry needs exactly one of "
		                     "\"license\" and \"expression\"");
	if (license && w->minor >= 5 && v->u.object.count > 1)
		return tplc_cdx_fail(w, v, path,
		                     "a licenses entry with \"license\" has "
		                     "no other members");
	return 0;
}

/* 1.5 and 1.6: a list of licenses, or exactly one expression (1.7 lets
 * them mix). */
static int check_licenses(struct cdx_walk *w, const struct tplx_json *v,
                          const struct tplx_jpath *path)
{
	size_t i;

	if (w->minor < 5 || w->minor >= 7 || v->u.array.count < 2)
		return 0;
	for (i = 0; i < v->u.array.count; i++) {
		const struct tplx_json *item = v->u.array.items[i];
		struct tplx_jpath at = tplx_jpath_index(path, i);

		if (tplx_json_get(item, "expression") != NULL)
			return tplc_cdx_fail(w, item, &at,
			                     "an expression must be the only "
			                     "entry of licenses");
	}
	return 0;
}

/* 1.7: versionRange only for an external component, never with version. */
static int check_version_range(struct cdx_walk *w, const struct tplx_json *v,
                               const struct tplx_jpath *path)
{
	const struct tplx_json *range = tplx_json_get(v, "versionRange");
	const struct tplx_json *external = tplx_json_get(v, "isExternal");
	struct tplx_jpath at = tplx_jpath_key(path, "versionRange");

	if (range == NULL)
		return 0;
	if (tplx_json_get(v, "version") != NULL)
		return tplc_cdx_fail(w, range, &at,
		                     "a component has \"version\" or "
		                     "\"versionRange\", not both");
	if (external == NULL || !external->u.boolean)
		return tplc_cdx_fail(w, range, &at,
		                     "\"versionRange\" needs \"isExternal\": "
		                     "true");
	return 0;
}

/* A citation says who (attributedTo or process) about what (pointers or
 * expressions, exactly one). */
static int check_citation(struct cdx_walk *w, const struct tplx_json *v,
                          const struct tplx_jpath *path)
{
	bool pointers = tplx_json_get(v, "pointers") != NULL;
	bool expressions = tplx_json_get(v, "expressions") != NULL;

	if (tplx_json_get(v, "attributedTo") == NULL &&
	    tplx_json_get(v, "process") == NULL)
		return tplc_cdx_fail(w, v, path,
		                     "a citation needs \"attributedTo\" or "
		                     "\"process\"");
	if (pointers == expressions)
		return tplc_cdx_fail(w, v, path,
		                     "a citation needs exactly one of "
		                     "\"pointers\" and \"expressions\"");
	return 0;
}

/* ---- values used everywhere -------------------------------------------- */

static const struct cdx_spec any_value = { .type = CDX_ANY };
static const struct cdx_spec any_array = ARRAY_OF(NULL);
static const struct cdx_spec any_object = OBJECT_OF(NULL);
static const struct cdx_spec string = { .type = CDX_STRING };
static const struct cdx_spec boolean = { .type = CDX_BOOL };
static const struct cdx_spec integer = { .type = CDX_INTEGER };
static const struct cdx_spec strings = ARRAY_OF(&string);
static const struct cdx_spec ref = { .type = CDX_STRING, .format = CDX_F_REF };
static const struct cdx_spec refs = ARRAY_OF(&ref);
static const struct cdx_spec bom_ref = { .type = CDX_STRING,
	                                 .format = CDX_F_BOM_REF };
static const struct cdx_spec name = { .type = CDX_STRING,
	                              .format = CDX_F_NAME };
static const struct cdx_spec date_time = { .type = CDX_STRING,
	                                   .format = CDX_F_DATETIME };

/* Recursive kinds, defined below. */
static const struct cdx_spec component;
static const struct cdx_spec service;

/* ---- attachment, hash, property ----------------------------------------- */

static const struct cdx_spec encoding = STRING_ENUM(tplc_cdx_encodings);
static const struct cdx_member attachment_members[] = {
	OPT("contentType", &string),
	OPT("encoding", &encoding),
	REQ("content", &string),
};
static const struct cdx_object attachment_kind =
        OBJECT_KIND("attachment", attachment_members, CLOSED);
static const struct cdx_spec attachment = OBJECT_OF(&attachment_kind);

static const struct cdx_spec hash_alg = STRING_ENUM(tplc_cdx_hash_algs);
static const struct cdx_spec hash_content = { .type = CDX_STRING,
	                                      .format = CDX_F_HASH };
static const struct cdx_member hash_members[] = {
	REQ("alg", &hash_alg),
	REQ("content", &hash_content),
};
static const struct cdx_object hash_kind =
        OBJECT_KIND("hash", hash_members, CLOSED);
static const struct cdx_spec hash = { .type = CDX_OBJECT,
	                              .object = &hash_kind,
	                              .check = check_hash };
static const struct cdx_spec hashes = ARRAY_OF(&hash);

/* Open until 1.6, which requires the name and closes the object. */
static const struct cdx_member property_members[] = {
	{ "name", 0, 5, false, CDX_R_NONE, &string },
	{ "name", 6, 0, true, CDX_R_NONE, &string },
	OPT("value", &string),
};
static const struct cdx_object property_kind =
        OBJECT_KIND("property", property_members, 6);
static const struct cdx_spec property = OBJECT_OF(&property_kind);
static const struct cdx_spec properties = ARRAY_OF(&property);

/* ---- organizations and people ------------------------------------------ */

static const struct cdx_member contact_members[] = {
	SINCE(5, "bom-ref", &ref),
	OPT("name", &string),
	OPT("email", &string),
	OPT("phone", &string),
};
static const struct cdx_object contact_kind =
        OBJECT_KIND("contact", contact_members, CLOSED);
static const struct cdx_spec contact = OBJECT_OF(&contact_kind);
static const struct cdx_spec contacts = ARRAY_OF(&contact);

static const struct cdx_member entity_members[] = {
	SINCE(5, "bom-ref", &ref),        OPT("name", &string),
	SINCE(6, "address", &any_object), OPT("url", &strings),
	OPT("contact", &contacts),
};
static const struct cdx_object entity_kind =
        OBJECT_KIND("organizational entity", entity_members, CLOSED);
static const struct cdx_spec entity = OBJECT_OF(&entity_kind);

/* ---- external references ------------------------------------------------ */

static const struct cdx_member external_ref_members[] = {
	REQ("url", &string),
	OPT("comment", &string),
	REQ("type", &string),
	SINCE(3, "hashes", &hashes),
	SINCE(7, "properties", &properties),
};
static const struct cdx_object external_ref_kind =
        OBJECT_KIND("external reference", external_ref_members, CLOSED);
static const struct cdx_spec external_ref = OBJECT_OF(&external_ref_kind);
static const struct cdx_spec external_refs = ARRAY_OF(&external_ref);

/* ---- licenses ---------------------------------------------------------- */

static const struct cdx_spec spdx_id = { .type = CDX_STRING,
	                                 .format = CDX_F_SPDX_ID };
static const struct cdx_spec acknowledgement = STRING_ENUM(acknowledgements);
static const struct cdx_member license_members[] = {
	SINCE(5, "bom-ref", &ref),
	OPT("id", &spdx_id),
	OPT("name", &string),
	SINCE(6, "acknowledgement", &acknowledgement),
	OPT("text", &attachment),
	OPT("url", &string),
	SINCE(5, "licensing", &any_object),
	SINCE(5, "properties", &properties),
};
static const struct cdx_object license_kind =
        OBJECT_KIND("license", license_members, CLOSED);
static const struct cdx_spec license = { .type = CDX_OBJECT,
	                                 .object = &license_kind,
	                                 .check = check_license };

/* One entry of licenses: {"license": ...} or {"expression": ...}. */
static const struct cdx_member license_entry_members[] = {
	OPT("license", &license),
	OPT("expression", &string),
	SINCE(7, "expressionDetails", &any_array),
	SINCE(5, "bom-ref", &ref),
	SINCE(6, "acknowledgement", &acknowledgement),
	SINCE(7, "licensing", &any_object),
	SINCE(7, "properties", &properties),
};
static const struct cdx_object license_entry_kind =
        OBJECT_KIND("licenses entry", license_entry_members, CLOSED);
static const struct cdx_spec license_entry = { .type = CDX_OBJECT,
	                                       .object = &license_entry_kind,
	                                       .check = check_license_entry };
static const struct cdx_spec licenses = { .type = CDX_ARRAY,
	                                  .items = &license_entry,
	                                  .check = check_licenses };

/* ---- swid, pedigree ---------------------------------------------------- */

static const struct cdx_member swid_members[] = {
	REQ("tagId", &string),   REQ("name", &string),
	OPT("version", &string), OPT("tagVersion", &integer),
	OPT("patch", &boolean),  OPT("text", &attachment),
	OPT("url", &string),
};
static const struct cdx_object swid_kind =
        OBJECT_KIND("swid", swid_members, CLOSED);
static const struct cdx_spec swid = OBJECT_OF(&swid_kind);

static const struct cdx_member issue_source_members[] = {
	OPT("name", &string),
	OPT("url", &string),
};
static const struct cdx_object issue_source_kind =
        OBJECT_KIND("issue source", issue_source_members, CLOSED);
static const struct cdx_spec issue_source = OBJECT_OF(&issue_source_kind);

static const struct cdx_spec issue_type = STRING_ENUM(tplc_cdx_issue_types);
static const struct cdx_member issue_members[] = {
	REQ("type", &issue_type),     OPT("id", &string),
	OPT("name", &string),         OPT("description", &string),
	OPT("source", &issue_source), OPT("references", &strings),
};
static const struct cdx_object issue_kind =
        OBJECT_KIND("issue", issue_members, CLOSED);
static const struct cdx_spec issue = OBJECT_OF(&issue_kind);
static const struct cdx_spec issues = ARRAY_OF(&issue);

static const struct cdx_member diff_members[] = {
	OPT("text", &attachment),
	OPT("url", &string),
};
static const struct cdx_object diff_kind =
        OBJECT_KIND("diff", diff_members, CLOSED);
static const struct cdx_spec diff = OBJECT_OF(&diff_kind);

static const struct cdx_spec patch_type = STRING_ENUM(tplc_cdx_patch_types);
static const struct cdx_member patch_members[] = {
	REQ("type", &patch_type),
	OPT("diff", &diff),
	OPT("resolves", &issues),
};
static const struct cdx_object patch_kind =
        OBJECT_KIND("patch", patch_members, CLOSED);
static const struct cdx_spec patch = OBJECT_OF(&patch_kind);
static const struct cdx_spec patches = ARRAY_OF(&patch);

static const struct cdx_spec components = ARRAY_OF(&component);

static const struct cdx_member pedigree_members[] = {
	OPT("ancestors", &components), OPT("descendants", &components),
	OPT("variants", &components),  OPT("commits", &any_array),
	OPT("patches", &patches),      OPT("notes", &string),
};
static const struct cdx_object pedigree_kind =
        OBJECT_KIND("pedigree", pedigree_members, CLOSED);
static const struct cdx_spec pedigree = OBJECT_OF(&pedigree_kind);

/* ---- component ---------------------------------------------------------- */

static const struct cdx_spec component_type =
        STRING_ENUM(tplc_cdx_component_types);
static const struct cdx_spec scope = STRING_ENUM(tplc_cdx_scopes);

static const struct cdx_member component_members[] = {
	REQ("type", &component_type),
	OPT("mime-type", &string),
	OPT("bom-ref", &bom_ref),
	OPT("supplier", &entity),
	SINCE(6, "manufacturer", &entity),
	SINCE(6, "authors", &contacts),
	OPT("author", &string),
	OPT("publisher", &string),
	OPT("group", &string),
	REQ("name", &name),
	{ "version", 0, 3, true, CDX_R_NONE, &string },
	SINCE(4, "version", &string),
	SINCE(7, "versionRange", &string),
	SINCE(7, "isExternal", &boolean),
	SINCE(7, "patentAssertions", &any_array),
	OPT("description", &string),
	OPT("scope", &scope),
	OPT("hashes", &hashes),
	OPT("licenses", &licenses),
	OPT("copyright", &string),
	OPT("cpe", &string),
	OPT("purl", &string),
	SINCE(6, "omniborId", &strings),
	SINCE(6, "swhid", &strings),
	OPT("swid", &swid),
	OPT("modified", &boolean),
	OPT("pedigree", &pedigree),
	OPT("externalReferences", &external_refs),
	{ "components", 0, 0, false, CDX_R_COMPONENT, &components },
	SINCE(3, "evidence", &any_object),
	SINCE(4, "releaseNotes", &any_object),
	SINCE(5, "modelCard", &any_object),
	SINCE(5, "data", &any_array),
	SINCE(6, "cryptoProperties", &any_object),
	SINCE(3, "properties", &properties),
	SINCE(6, "tags", &strings),
	SINCE(4, "signature", &any_value),
};
static const struct cdx_object component_kind =
        OBJECT_KIND("component", component_members, CLOSED);
static const struct cdx_spec component = { .type = CDX_OBJECT,
	                                   .object = &component_kind,
	                                   .check = check_version_range };

/* ---- service -------------------------------------------------------------- */

/* 1.2-1.4 dataClassification, 1.5+ serviceData: the same flow enum. */
static const struct cdx_spec data_flow = STRING_ENUM(tplc_cdx_data_flows);
static const struct cdx_member service_data_members[] = {
	REQ("flow", &data_flow),
	REQ("classification", &string),
	SINCE(5, "name", &string),
	SINCE(5, "description", &string),
	SINCE(5, "governance", &any_object),
	SINCE(5, "source", &any_array),
	SINCE(5, "destination", &any_array),
};
static const struct cdx_object service_data_kind =
        OBJECT_KIND("service data", service_data_members, CLOSED);
static const struct cdx_spec service_data = OBJECT_OF(&service_data_kind);
static const struct cdx_spec service_datas = ARRAY_OF(&service_data);
static const struct cdx_spec services = ARRAY_OF(&service);

static const struct cdx_member service_members[] = {
	OPT("bom-ref", &bom_ref),
	OPT("provider", &entity),
	OPT("group", &string),
	REQ("name", &string),
	OPT("version", &string),
	OPT("description", &string),
	OPT("endpoints", &strings),
	OPT("authenticated", &boolean),
	OPT("x-trust-boundary", &boolean),
	SINCE(5, "trustZone", &string),
	OPT("data", &service_datas),
	OPT("licenses", &licenses),
	SINCE(7, "patentAssertions", &any_array),
	OPT("externalReferences", &external_refs),
	OPT("services", &services),
	SINCE(4, "releaseNotes", &any_object),
	SINCE(3, "properties", &properties),
	SINCE(6, "tags", &strings),
	SINCE(4, "signature", &any_value),
};
static const struct cdx_object service_kind =
        OBJECT_KIND("service", service_members, CLOSED);
static const struct cdx_spec service = OBJECT_OF(&service_kind);

/* ---- metadata ------------------------------------------------------------ */

static const struct cdx_member tool_members[] = {
	OPT("vendor", &string),
	OPT("name", &string),
	OPT("version", &string),
	OPT("hashes", &hashes),
	SINCE(4, "externalReferences", &external_refs),
};
static const struct cdx_object tool_kind =
        OBJECT_KIND("tool", tool_members, CLOSED);
static const struct cdx_spec tool = OBJECT_OF(&tool_kind);
static const struct cdx_spec tool_list = ARRAY_OF(&tool);

/* From 1.5 tools may be {"components": [...], "services": [...]}. */
static const struct cdx_member tools_members[] = {
	OPT("components", &components),
	OPT("services", &services),
};
static const struct cdx_object tools_kind =
        OBJECT_KIND("tools", tools_members, CLOSED);
static const struct cdx_spec tools_object = OBJECT_OF(&tools_kind);
static const struct cdx_spec tools = { .type = CDX_ARRAY,
	                               .items = &tool,
	                               .alt = &tools_object };

static const struct cdx_member metadata_members[] = {
	OPT("timestamp", &date_time),
	SINCE(5, "lifecycles", &any_array),
	{ "tools", 0, 4, false, CDX_R_NONE, &tool_list },
	SINCE(5, "tools", &tools),
	SINCE(6, "manufacturer", &entity),
	OPT("authors", &contacts),
	{ "component", 0, 0, false, CDX_R_SUBJECT, &component },
	OPT("manufacture", &entity),
	OPT("supplier", &entity),
	SINCE(3, "licenses", &licenses),
	SINCE(3, "properties", &properties),
	SINCE(7, "distributionConstraints", &any_object),
};
static const struct cdx_object metadata_kind =
        OBJECT_KIND("metadata", metadata_members, CLOSED);
static const struct cdx_spec metadata = OBJECT_OF(&metadata_kind);

/* ---- dependencies and the document ---------------------------------------- */

static const struct cdx_member dependency_members[] = {
	REQ("ref", &ref),
	OPT("dependsOn", &refs),
	SINCE(6, "provides", &refs),
};
static const struct cdx_object dependency_kind =
        OBJECT_KIND("dependency", dependency_members, CLOSED);
static const struct cdx_spec dependency = OBJECT_OF(&dependency_kind);
static const struct cdx_spec dependencies = ARRAY_OF(&dependency);

static const struct cdx_member citation_members[] = {
	OPT("bom-ref", &ref),         OPT("pointers", &strings),
	OPT("expressions", &strings), REQ("timestamp", &date_time),
	OPT("attributedTo", &ref),    OPT("process", &ref),
	OPT("note", &string),         OPT("signature", &any_value),
};
static const struct cdx_object citation_kind =
        OBJECT_KIND("citation", citation_members, CLOSED);
static const struct cdx_spec citation = { .type = CDX_OBJECT,
	                                  .object = &citation_kind,
	                                  .check = check_citation };
static const struct cdx_spec citations = ARRAY_OF(&citation);

static const struct cdx_spec bom_format = STRING_ENUM(bom_formats);
static const struct cdx_spec serial = { .type = CDX_STRING,
	                                .format = CDX_F_SERIAL };

static const struct cdx_member bom_members[] = {
	SINCE(4, "$schema", &string),
	REQ("bomFormat", &bom_format),
	REQ("specVersion", &string),
	OPT("serialNumber", &serial),
	{ "version", 0, 4, true, CDX_R_NONE, &integer },
	SINCE(5, "version", &integer),
	{ "metadata", 0, 0, false, CDX_R_METADATA, &metadata },
	{ "components", 0, 0, false, CDX_R_COMPONENT, &components },
	OPT("services", &services),
	OPT("externalReferences", &external_refs),
	{ "dependencies", 0, 0, false, CDX_R_DEPENDENCY, &dependencies },
	SINCE(3, "compositions", &any_array),
	SINCE(4, "vulnerabilities", &any_array),
	SINCE(5, "annotations", &any_array),
	SINCE(5, "formulation", &any_array),
	SINCE(6, "declarations", &any_object),
	SINCE(6, "definitions", &any_object),
	SINCE(7, "citations", &citations),
	SINCE(5, "properties", &properties),
	SINCE(4, "signature", &any_value),
};
static const struct cdx_object bom_kind =
        OBJECT_KIND("BOM", bom_members, CLOSED);
const struct cdx_spec tplc_cdx_bom = OBJECT_OF(&bom_kind);
