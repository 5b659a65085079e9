/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SPDX 2.3 JSON (2.2 reads the same) into struct tplc_sbom: the document
 * and its packages (files and snippets are not components), checksums,
 * purl and CPE external references, and DEPENDS_ON / CONTAINS
 * relationships (and their inverses) as dependencies.  Members the model
 * uses are type-checked with located errors; the rest is not read.
 */
#include <stdlib.h>
#include <string.h>

#include "formats/sbom-build.h"
#include "formats/spdx-build.h"
#include "tplc/sbom.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/str.h"

struct spdx {
	const struct tplx_json_doc *doc;
	struct tplc_error *err;
	struct tplc_spdx_build s;
	const struct tplx_json *packages;
};

/* An array member whose items must all be strings (or absent). */
static int string_array(struct spdx *p, const struct tplx_json *obj,
                        const struct tplx_jpath *path, const char *key,
                        const struct tplx_json **out)
{
	struct tplx_jpath at = tplx_jpath_key(path, key);
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, obj, path, key, out, p->err);
	for (i = 0; error == 0 && *out != NULL && i < (*out)->u.array.count;
	     i++) {
		struct tplx_jpath item = tplx_jpath_index(&at, i);
		error = tplx_json_expect(p->doc, (*out)->u.array.items[i],
		                         &item, TPLX_JSON_STRING, p->err);
	}
	return error;
}

/* ---- document ------------------------------------------------------------ */

static int spec_version(struct spdx *p, const struct tplx_json *root,
                        const struct tplx_jpath *top)
{
	struct tplx_jpath at = tplx_jpath_key(top, "spdxVersion");
	const struct tplx_json *node = tplx_json_get(root, "spdxVersion");
	const char *version;
	int error;

	error = tplx_json_req_string(p->doc, root, top, "spdxVersion", &version,
	                             p->err);
	if (error != 0)
		return error;
	error = tplc_spdx_build_version(&p->s, version);
	if (error == TPLC_EUNSUPPORTED)
		return tplc_sbom_unsupported(p->doc, node, &at, p->err,
		                             "%.32s is not supported (SPDX "
		                             "2.2 and 2.3 JSON are)",
		                             version);
	if (error == TPLC_EPARSE)
		return tplx_json_fail(p->doc, node, &at, p->err,
		                      "expected \"SPDX-2.3\", found \"%.64s\"",
		                      version);
	return error;
}

static int creation_info(struct spdx *p, const struct tplx_json *root,
                         const struct tplx_jpath *top)
{
	struct tplx_jpath path = tplx_jpath_key(top, "creationInfo");
	const struct tplx_json *info, *creators = NULL;
	const char *created;
	size_t i;
	int error;

	error = tplx_json_opt_object(p->doc, root, top, "creationInfo", &info,
	                             p->err);
	if (error != 0 || info == NULL)
		return error;
	error = tplx_json_opt_string(p->doc, info, &path, "created", &created,
	                             p->err);
	if (error == 0)
		error = tplc_spdx_build_created(&p->s, created);
	if (error == 0)
		error = string_array(p, info, &path, "creators", &creators);
	for (i = 0; error == 0 && creators && i < creators->u.array.count; i++)
		error = tplc_spdx_build_creator(
		        &p->s, creators->u.array.items[i]->u.string.ptr);
	return error;
}

/* ---- packages ------------------------------------------------------------ */

static int checksums(struct spdx *p, struct tplc_spdx_package *pkg,
                     const struct tplx_json *obj, const struct tplx_jpath *path,
                     struct tplc_spdx_checksum **out)
{
	struct tplx_jpath at = tplx_jpath_key(path, "checksums");
	const struct tplx_json *list;
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, obj, path, "checksums", &list,
	                            p->err);
	if (error != 0 || list == NULL || list->u.array.count == 0)
		return error;
	*out = tplx_reallocarray(NULL, list->u.array.count, sizeof(**out));
	if (*out == NULL)
		return tplc_sbom_build_nomem(&p->s.b);
	for (i = 0; error == 0 && i < list->u.array.count; i++) {
		struct tplx_jpath ip = tplx_jpath_index(&at, i);
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("algorithm", &(*out)[i].algorithm,
			                  true),
			TPLX_FIELD_STRING("checksumValue", &(*out)[i].value,
			                  true),
		};

		error = tplx_json_fields(p->doc, list->u.array.items[i], &ip,
		                         fields, TPLX_FIELDS_COUNT(fields),
		                         p->err);
	}
	pkg->checksums = *out;
	pkg->checksum_count = list->u.array.count;
	return error;
}

static int external_refs(struct spdx *p, struct tplc_spdx_package *pkg,
                         const struct tplx_json *obj,
                         const struct tplx_jpath *path,
                         struct tplc_spdx_ref **out)
{
	struct tplx_jpath at = tplx_jpath_key(path, "externalRefs");
	const struct tplx_json *list;
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, obj, path, "externalRefs", &list,
	                            p->err);
	if (error != 0 || list == NULL || list->u.array.count == 0)
		return error;
	*out = tplx_reallocarray(NULL, list->u.array.count, sizeof(**out));
	if (*out == NULL)
		return tplc_sbom_build_nomem(&p->s.b);
	for (i = 0; error == 0 && i < list->u.array.count; i++) {
		struct tplx_jpath ip = tplx_jpath_index(&at, i);
		struct tplc_spdx_ref *r = &(*out)[i];
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("referenceCategory", &r->category,
			                  true),
			TPLX_FIELD_STRING("referenceType", &r->type, true),
			TPLX_FIELD_STRING("referenceLocator", &r->locator,
			                  true),
		};

		error = tplx_json_fields(p->doc, list->u.array.items[i], &ip,
		                         fields, TPLX_FIELDS_COUNT(fields),
		                         p->err);
	}
	pkg->refs = *out;
	pkg->ref_count = list->u.array.count;
	return error;
}

static int package(struct spdx *p, const struct tplx_json *obj,
                   const struct tplx_jpath *path)
{
	struct tplc_spdx_package pkg;
	struct tplc_spdx_checksum *sums = NULL;
	struct tplc_spdx_ref *refs = NULL;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("SPDXID", &pkg.id, true),
		TPLX_FIELD_STRING("name", &pkg.name, true),
		TPLX_FIELD_STRING("versionInfo", &pkg.version, false),
		TPLX_FIELD_STRING("supplier", &pkg.supplier, false),
		TPLX_FIELD_STRING("originator", &pkg.originator, false),
		TPLX_FIELD_STRING("licenseConcluded", &pkg.license_concluded,
		                  false),
		TPLX_FIELD_STRING("licenseDeclared", &pkg.license_declared,
		                  false),
		TPLX_FIELD_STRING("primaryPackagePurpose", &pkg.purpose, false),
	};
	size_t i;
	int error;

	memset(&pkg, 0, sizeof(pkg));
	error = tplx_json_fields(p->doc, obj, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	for (i = 0; error == 0 && i < 2; i++) {
		struct tplx_jpath at = tplx_jpath_key(path, fields[i].key);
		const char *v = i == 0 ? pkg.id : pkg.name;

		if (tplx_is_blank(v))
			error = tplx_json_fail(
			        p->doc, tplx_json_get(obj, fields[i].key), &at,
			        p->err, "must not be empty");
	}
	if (error == 0)
		error = checksums(p, &pkg, obj, path, &sums);
	if (error == 0)
		error = external_refs(p, &pkg, obj, path, &refs);
	if (error == 0)
		error = tplc_spdx_build_package(&p->s, &pkg, NULL);
	tplx_free(sums);
	tplx_free(refs);
	return error;
}

static int packages(struct spdx *p, const struct tplx_json *root,
                    const struct tplx_jpath *top)
{
	struct tplx_jpath at = tplx_jpath_key(top, "packages");
	size_t i, later = 0;
	int error, rc = 0;

	error = tplx_json_opt_array(p->doc, root, top, "packages", &p->packages,
	                            p->err);
	for (i = 0; error == 0 && p->packages != NULL &&
	            i < p->packages->u.array.count;
	     i++) {
		struct tplx_jpath ip = tplx_jpath_index(&at, i);
		error = package(p, p->packages->u.array.items[i], &ip);
	}
	if (error == 0)
		rc = tplc_spdx_build_check_ids(&p->s, &later);
	if (rc != 0 && rc != TPLC_EPARSE)
		error = rc;
	if (rc == TPLC_EPARSE) {
		struct tplx_jpath ip = tplx_jpath_index(&at, later);
		struct tplx_jpath id = tplx_jpath_key(&ip, "SPDXID");

		error = tplx_json_fail(
		        p->doc,
		        tplx_json_get(p->packages->u.array.items[later],
		                      "SPDXID"),
		        &id, p->err, "SPDXID \"%.64s\" is not unique",
		        p->s.b.components[later].ref);
	}
	return error;
}

/* ---- relationships ------------------------------------------------------- */

static int relationships(struct spdx *p, const struct tplx_json *root,
                         const struct tplx_jpath *top)
{
	struct tplx_jpath at = tplx_jpath_key(top, "relationships");
	const struct tplx_json *list;
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, root, top, "relationships", &list,
	                            p->err);
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		struct tplx_jpath ip = tplx_jpath_index(&at, i);
		const char *from, *type, *to;
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("spdxElementId", &from, true),
			TPLX_FIELD_STRING("relationshipType", &type, true),
			TPLX_FIELD_STRING("relatedSpdxElement", &to, true),
		};

		error = tplx_json_fields(p->doc, list->u.array.items[i], &ip,
		                         fields, TPLX_FIELDS_COUNT(fields),
		                         p->err);
		if (error == 0)
			error = tplc_spdx_build_relationship(&p->s, from, type,
			                                     to);
	}
	return error;
}

int tplc_spdx_parse_doc(struct tplc_sbom **out, const struct tplx_json_doc *doc,
                        struct tplc_error *err)
{
	struct tplx_jpath top = TPLX_JPATH_ROOT;
	const struct tplx_json *root = doc->root, *describes = NULL;
	const char *id, *name, *ns;
	struct spdx p;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("SPDXID", &id, true),
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_STRING("documentNamespace", &ns, false),
	};
	size_t i;
	int error;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.doc = doc;
	p.err = err;
	error = tplx_json_expect(doc, root, &top, TPLX_JSON_OBJECT, err);
	if (error != 0)
		return error;
	error = tplc_spdx_build_init(&p.s, err);
	if (error != 0)
		return error;
	error = spec_version(&p, root, &top);
	if (error == 0)
		error = tplx_json_fields(doc, root, &top, fields,
		                         TPLX_FIELDS_COUNT(fields), err);
	if (error == 0)
		error = tplc_spdx_build_document(&p.s, id, ns);
	if (error == 0)
		error = creation_info(&p, root, &top);
	if (error == 0)
		error = string_array(&p, root, &top, "documentDescribes",
		                     &describes);
	for (i = 0; error == 0 && describes && i < describes->u.array.count;
	     i++)
		error = tplc_spdx_build_describes(
		        &p.s, describes->u.array.items[i]->u.string.ptr);
	if (error == 0)
		error = packages(&p, root, &top);
	if (error == 0)
		error = relationships(&p, root, &top);
	if (error == 0)
		return tplc_spdx_build_finish(&p.s, out);
	tplc_spdx_build_abort(&p.s);
	return error;
}
