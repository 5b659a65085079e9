/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SPDX 2.3 XML (2.2 reads the same) into struct tplc_sbom.  The XML form
 * is the JSON one spelled as elements: a <Document> root whose children
 * are named as the JSON members, a list being its element repeated
 * (<packages>, <relationships>, <creators>, ...).  This file reads the
 * syntax; spdx-build.c decides what the values mean, as for JSON,
 * tag-value and YAML.
 */
#include <string.h>

#include "formats/sbom-xml.h"
#include "formats/spdx-build.h"
#include "tplc/sbom.h"
#include "util/alloc.h"
#include "util/str.h"
#include "util/xml.h"

/* More entries in one package are refused (TPLC_ELIMIT). */
#define SPDX_XML_LIST_MAX 4096

struct sx {
	const struct tplx_xml_doc *doc;
	struct tplc_error *err;
	struct tplc_spdx_build s;
	const xmlNode **packages; /* package elements, by component index */
	size_t package_count;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Trim the arena copy in place: indentation is not part of a value. */
static const char *trim(const char *s)
{
	char *end;

	if (s == NULL)
		return NULL;
	while (is_space(*s))
		s++;
	end = (char *)s + strlen(s);
	while (end > s && is_space(end[-1]))
		*--end = '\0';
	return s;
}

static int fields(struct sx *x, const xmlNode *node,
                  const struct tplx_xml_field *list, size_t count)
{
	size_t i;
	int error = tplx_xml_fields(x->doc, node, NULL, list, count, x->err);

	for (i = 0; error == 0 && i < count; i++)
		if (list[i].string != NULL)
			*list[i].string = trim(*list[i].string);
	for (i = 0; error == 0 && i < count; i++)
		if (list[i].required && list[i].string != NULL &&
		    tplx_is_blank(*list[i].string))
			error = tplx_xml_fail(
			        x->doc,
			        tplx_xml_child(node, NULL, list[i].name), NULL,
			        x->err, "must not be empty");
	return error;
}

static int text_of(struct sx *x, const xmlNode *node, const char **out)
{
	int error = tplx_xml_text(x->doc, node, out, x->err);

	*out = trim(*out);
	return error;
}

static int too_many(struct sx *x, const xmlNode *node, const char *name)
{
	return tplx_xml_fail_code(x->doc, node, NULL, x->err, TPLC_ELIMIT,
	                          "more than %d <%s> elements",
	                          SPDX_XML_LIST_MAX, name);
}

static int checksums(struct sx *x, const xmlNode *pkg,
                     struct tplc_spdx_checksum *out, size_t *count)
{
	const xmlNode *n;
	int error = 0;

	*count = 0;
	for (n = tplx_xml_child(pkg, NULL, "checksums");
	     error == 0 && n != NULL; n = tplx_xml_next(n, NULL, "checksums")) {
		const struct tplx_xml_field list[] = {
			TPLX_XML_TEXT("algorithm", &out[*count].algorithm,
			              true),
			TPLX_XML_TEXT("checksumValue", &out[*count].value,
			              true),
		};

		error = fields(x, n, list, TPLX_XML_FIELDS_COUNT(list));
		if (error == 0)
			(*count)++;
	}
	return error;
}

static int external_refs(struct sx *x, const xmlNode *pkg,
                         struct tplc_spdx_ref *out, size_t *count)
{
	const xmlNode *n;
	int error = 0;

	*count = 0;
	for (n = tplx_xml_child(pkg, NULL, "externalRefs");
	     error == 0 && n != NULL;
	     n = tplx_xml_next(n, NULL, "externalRefs")) {
		const struct tplx_xml_field list[] = {
			TPLX_XML_TEXT("referenceCategory",
			              &out[*count].category, true),
			TPLX_XML_TEXT("referenceType", &out[*count].type, true),
			TPLX_XML_TEXT("referenceLocator", &out[*count].locator,
			              true),
		};

		error = fields(x, n, list, TPLX_XML_FIELDS_COUNT(list));
		if (error == 0)
			(*count)++;
	}
	return error;
}

static int package(struct sx *x, const xmlNode *node)
{
	struct tplc_spdx_package p;
	struct tplc_spdx_checksum *sums = NULL;
	struct tplc_spdx_ref *refs = NULL;
	const struct tplx_xml_field list[] = {
		TPLX_XML_TEXT("SPDXID", &p.id, true),
		TPLX_XML_TEXT("name", &p.name, true),
		TPLX_XML_TEXT("versionInfo", &p.version, false),
		TPLX_XML_TEXT("supplier", &p.supplier, false),
		TPLX_XML_TEXT("originator", &p.originator, false),
		TPLX_XML_TEXT("licenseConcluded", &p.license_concluded, false),
		TPLX_XML_TEXT("licenseDeclared", &p.license_declared, false),
		TPLX_XML_TEXT("primaryPackagePurpose", &p.purpose, false),
	};
	size_t nsums = tplx_xml_count(node, NULL, "checksums");
	size_t nrefs = tplx_xml_count(node, NULL, "externalRefs");
	size_t index;
	int error;

	memset(&p, 0, sizeof(p));
	if (nsums > SPDX_XML_LIST_MAX)
		return too_many(x, node, "checksums");
	if (nrefs > SPDX_XML_LIST_MAX)
		return too_many(x, node, "externalRefs");
	sums = tplx_calloc(nsums ? nsums : 1, sizeof(*sums));
	refs = tplx_calloc(nrefs ? nrefs : 1, sizeof(*refs));
	if (sums == NULL || refs == NULL) {
		error = tplc_error_set(x->err, TPLC_ENOMEM, "out of memory");
		goto out;
	}
	error = fields(x, node, list, TPLX_XML_FIELDS_COUNT(list));
	if (error == 0)
		error = checksums(x, node, sums, &p.checksum_count);
	if (error == 0)
		error = external_refs(x, node, refs, &p.ref_count);
	p.checksums = sums;
	p.refs = refs;
	if (error == 0)
		error = tplc_spdx_build_package(&x->s, &p, &index);
	if (error == 0 && index < x->package_count)
		x->packages[index] = node;
out:
	tplx_free(sums);
	tplx_free(refs);
	return error;
}

static int packages(struct sx *x, const xmlNode *root)
{
	size_t count = tplx_xml_count(root, NULL, "packages");
	const xmlNode *n;
	int error = 0;

	x->packages = tplx_calloc(count ? count : 1, sizeof(*x->packages));
	if (x->packages == NULL)
		return tplc_error_set(x->err, TPLC_ENOMEM, "out of memory");
	x->package_count = count;
	for (n = tplx_xml_child(root, NULL, "packages");
	     error == 0 && n != NULL; n = tplx_xml_next(n, NULL, "packages"))
		error = package(x, n);
	return error;
}

static int relationships(struct sx *x, const xmlNode *root)
{
	const xmlNode *n;
	int error = 0;

	for (n = tplx_xml_child(root, NULL, "relationships");
	     error == 0 && n != NULL;
	     n = tplx_xml_next(n, NULL, "relationships")) {
		const char *from, *type, *to;
		const struct tplx_xml_field list[] = {
			TPLX_XML_TEXT("spdxElementId", &from, true),
			TPLX_XML_TEXT("relationshipType", &type, true),
			TPLX_XML_TEXT("relatedSpdxElement", &to, true),
		};

		error = fields(x, n, list, TPLX_XML_FIELDS_COUNT(list));
		if (error == 0)
			error = tplc_spdx_build_relationship(&x->s, from, type,
			                                     to);
	}
	return error;
}

/* Every element named name under parent, in order, through add. */
static int each_text(struct sx *x, const xmlNode *parent, const char *name,
                     int (*add)(struct tplc_spdx_build *, const char *))
{
	const xmlNode *n;
	int error = 0;

	for (n = tplx_xml_child(parent, NULL, name); error == 0 && n != NULL;
	     n = tplx_xml_next(n, NULL, name)) {
		const char *value;

		error = text_of(x, n, &value);
		if (error == 0)
			error = add(&x->s, value);
	}
	return error;
}

static int document(struct sx *x, const xmlNode *root)
{
	const char *version, *id, *name, *ns, *created;
	const xmlNode *info;
	const struct tplx_xml_field list[] = {
		TPLX_XML_TEXT("spdxVersion", &version, true),
		TPLX_XML_TEXT("SPDXID", &id, true),
		TPLX_XML_TEXT("name", &name, true),
		TPLX_XML_TEXT("documentNamespace", &ns, false),
		TPLX_XML_NODE("creationInfo", &info, false),
	};
	int error = fields(x, root, list, TPLX_XML_FIELDS_COUNT(list));

	if (error != 0)
		return error;
	error = tplc_spdx_build_version(&x->s, version);
	if (error == TPLC_EUNSUPPORTED)
		return tplx_xml_fail_code(
		        x->doc, tplx_xml_child(root, NULL, "spdxVersion"), NULL,
		        x->err, TPLC_EUNSUPPORTED,
		        "%.32s is not supported (SPDX 2.2 and 2.3 are)",
		        version);
	if (error == TPLC_EPARSE)
		return tplx_xml_fail(
		        x->doc, tplx_xml_child(root, NULL, "spdxVersion"), NULL,
		        x->err, "expected \"SPDX-2.3\", found \"%.64s\"",
		        version);
	if (error == 0)
		error = tplc_spdx_build_document(&x->s, id, ns);
	if (error == 0 && info != NULL) {
		error = text_of(x, tplx_xml_child(info, NULL, "created"),
		                &created);
		if (error == 0)
			error = tplc_spdx_build_created(&x->s, created);
		if (error == 0)
			error = each_text(x, info, "creators",
			                  tplc_spdx_build_creator);
	}
	if (error == 0)
		error = each_text(x, root, "documentDescribes",
		                  tplc_spdx_build_describes);
	return error;
}

int tplc_spdx_xml_parse_doc(struct tplc_sbom **out,
                            const struct tplx_xml_doc *doc,
                            struct tplc_error *err)
{
	const xmlNode *root = tplx_xml_root(doc);
	struct sx x;
	size_t later = 0;
	int error;

	*out = NULL;
	if (!tplx_xml_is(root, NULL, "Document"))
		return tplx_xml_fail(doc, root, NULL, err,
		                     "expected an SPDX <Document> root");
	memset(&x, 0, sizeof(x));
	x.doc = doc;
	x.err = err;
	error = tplc_spdx_build_init(&x.s, err);
	if (error != 0)
		return error;
	error = document(&x, root);
	if (error == 0)
		error = packages(&x, root);
	if (error == 0)
		error = relationships(&x, root);
	if (error == 0) {
		error = tplc_spdx_build_check_ids(&x.s, &later);
		if (error == TPLC_EPARSE)
			error = tplx_xml_fail(
			        doc,
			        later < x.package_count ? x.packages[later]
			                                : root,
			        NULL, err, "SPDXID \"%.64s\" is not unique",
			        x.s.b.components[later].ref);
	}
	if (error == 0)
		error = tplc_spdx_build_finish(&x.s, out);
	else
		tplc_spdx_build_abort(&x.s);
	tplx_free(x.packages);
	return error;
}

int tplc_spdx_xml_parse(struct tplc_sbom **out, const char *data, size_t len,
                        const char *source, struct tplc_error *err)
{
	struct tplx_xml_doc *doc = NULL;
	int error;

	*out = NULL;
	error = tplx_xml_parse(&doc, data, len, source, err);
	if (error == 0)
		error = tplc_spdx_xml_parse_doc(out, doc, err);
	tplx_xml_doc_free(doc);
	return error;
}
