/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SPDX 2.2 / 2.3 YAML into struct tplc_sbom: the members the JSON reader
 * uses, under the same names (the YAML serialisation is the JSON one in
 * YAML syntax), through spdx-build.h.  libyaml loads the document with
 * marks; errors say "file:line:col: packages[2].name: why".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "formats/spdx-build.h"
#include "util/alloc.h"
#include "util/str.h"

/* Checksums, and external references, of one package. */
#define SPDX_YAML_PACKAGE_ITEMS_MAX 4096

struct ypath {
	char s[TPLC_ERROR_PATH_MAX];
};

struct y {
	yaml_document_t doc;
	const char *source;
	struct tplc_error *err;
	struct tplc_spdx_build s;
	const yaml_node_t *packages;
};

struct yfield {
	const char *key;
	const char **dst;
	bool required;
};

/* Append s, cut at the buffer's end (a long path is only cut short). */
static void yappend(struct ypath *p, const char *s)
{
	size_t used = strlen(p->s), n = strlen(s);

	if (n > sizeof(p->s) - 1 - used)
		n = sizeof(p->s) - 1 - used;
	memcpy(p->s + used, s, n);
	p->s[used + n] = '\0';
}

static struct ypath ykey(const struct ypath *parent, const char *key)
{
	struct ypath p = *parent;

	if (p.s[0] != '\0')
		yappend(&p, ".");
	yappend(&p, key);
	return p;
}

static struct ypath yindex(const struct ypath *parent, size_t i)
{
	struct ypath p = *parent;
	char num[24];

	snprintf(num, sizeof(num), "[%zu]", i);
	yappend(&p, num);
	return p;
}

static int yfail(struct y *y, const yaml_node_t *node, const struct ypath *path,
                 const char *fmt, ...) TPLC_PRINTF(4, 5);

static int yfail(struct y *y, const yaml_node_t *node, const struct ypath *path,
                 const char *fmt, ...)
{
	char message[TPLC_ERROR_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return tplc_error_set_at(y->err, TPLC_EPARSE, y->source,
	                         (unsigned long)node->start_mark.line + 1,
	                         (unsigned long)node->start_mark.column + 1,
	                         path->s, "%s", message);
}

static const char *type_name(const yaml_node_t *node)
{
	switch (node->type) {
	case YAML_SCALAR_NODE:
		return "a scalar";
	case YAML_SEQUENCE_NODE:
		return "a sequence";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "nothing";
	}
}

static int expect(struct y *y, const yaml_node_t *node,
                  const struct ypath *path, yaml_node_type_t type)
{
	static const char *const names[] = {
		[YAML_SCALAR_NODE] = "a string",
		[YAML_SEQUENCE_NODE] = "a sequence",
		[YAML_MAPPING_NODE] = "a mapping",
	};

	if (node->type == type)
		return 0;
	return yfail(y, node, path, "expected %s, found %s", names[type],
	             type_name(node));
}

static const yaml_node_t *item(struct y *y, const yaml_node_t *seq, size_t i)
{
	return yaml_document_get_node(&y->doc,
	                              seq->data.sequence.items.start[i]);
}

static size_t count(const yaml_node_t *seq)
{
	return (size_t)(seq->data.sequence.items.top -
	                seq->data.sequence.items.start);
}

/* The value of key in a mapping, or NULL. */
static const yaml_node_t *get(struct y *y, const yaml_node_t *map,
                              const char *key)
{
	const yaml_node_pair_t *pair;

	for (pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		const yaml_node_t *k =
		        yaml_document_get_node(&y->doc, pair->key);

		if (k != NULL && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(&y->doc, pair->value);
	}
	return NULL;
}

/* "~", "null" and an empty plain scalar are YAML's null. */
static bool is_null(const yaml_node_t *node)
{
	const char *v = (const char *)node->data.scalar.value;

	return node->type == YAML_SCALAR_NODE &&
	       node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (v[0] == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0);
}

/* Members of a mapping that must be strings (scalars) when present. */
static int fields(struct y *y, const yaml_node_t *map, const struct ypath *path,
                  const struct yfield *f, size_t n)
{
	size_t i;
	int error = expect(y, map, path, YAML_MAPPING_NODE);

	for (i = 0; error == 0 && i < n; i++) {
		const yaml_node_t *v = get(y, map, f[i].key);
		struct ypath at = ykey(path, f[i].key);

		*f[i].dst = NULL;
		if (v != NULL && v->type == YAML_SCALAR_NODE && is_null(v))
			v = NULL;
		if (v == NULL && f[i].required)
			error = yfail(y, map, &at,
			              "required member is missing");
		else if (v != NULL)
			error = expect(y, v, &at, YAML_SCALAR_NODE);
		if (error == 0 && v != NULL)
			*f[i].dst = (const char *)v->data.scalar.value;
	}
	return error;
}

/* An optional member that must be a sequence; *out NULL when absent. */
static int sequence(struct y *y, const yaml_node_t *map,
                    const struct ypath *path, const char *key,
                    const yaml_node_t **out)
{
	struct ypath at = ykey(path, key);

	*out = get(y, map, key);
	if (*out != NULL && is_null(*out))
		*out = NULL;
	return *out ? expect(y, *out, &at, YAML_SEQUENCE_NODE) : 0;
}

/* ---- document ------------------------------------------------------------ */

static int spec_version(struct y *y, const yaml_node_t *root,
                        const struct ypath *top)
{
	const char *version;
	const struct yfield f[] = { { "spdxVersion", &version, true } };
	struct ypath at = ykey(top, "spdxVersion");
	int error = fields(y, root, top, f, 1);

	if (error != 0)
		return error;
	error = tplc_spdx_build_version(&y->s, version);
	if (error == TPLC_EUNSUPPORTED) {
		const yaml_node_t *node = get(y, root, "spdxVersion");

		return tplc_error_set_at(
		        y->err, TPLC_EUNSUPPORTED, y->source,
		        (unsigned long)node->start_mark.line + 1,
		        (unsigned long)node->start_mark.column + 1, at.s,
		        "%.32s is not supported (SPDX 2.2 and 2.3 are)",
		        version);
	}
	if (error == TPLC_EPARSE)
		return yfail(y, get(y, root, "spdxVersion"), &at,
		             "expected \"SPDX-2.3\", found \"%.64s\"", version);
	return error;
}

static int creation_info(struct y *y, const yaml_node_t *root,
                         const struct ypath *top)
{
	struct ypath path = ykey(top, "creationInfo");
	const yaml_node_t *info = get(y, root, "creationInfo"), *creators;
	const char *created;
	const struct yfield f[] = { { "created", &created, false } };
	size_t i;
	int error;

	if (info == NULL || is_null(info))
		return 0;
	error = fields(y, info, &path, f, 1);
	if (error == 0)
		error = tplc_spdx_build_created(&y->s, created);
	if (error == 0)
		error = sequence(y, info, &path, "creators", &creators);
	for (i = 0; error == 0 && creators && i < count(creators); i++) {
		const yaml_node_t *c = item(y, creators, i);
		struct ypath cs = ykey(&path, "creators");
		struct ypath ci = yindex(&cs, i);
		error = expect(y, c, &ci, YAML_SCALAR_NODE);
		if (error == 0)
			error = tplc_spdx_build_creator(
			        &y->s, (const char *)c->data.scalar.value);
	}
	return error;
}

static int describes(struct y *y, const yaml_node_t *root,
                     const struct ypath *top)
{
	struct ypath at = ykey(top, "documentDescribes");
	const yaml_node_t *list;
	size_t i;
	int error = sequence(y, root, top, "documentDescribes", &list);

	for (i = 0; error == 0 && list && i < count(list); i++) {
		const yaml_node_t *d = item(y, list, i);
		struct ypath di = yindex(&at, i);

		error = expect(y, d, &di, YAML_SCALAR_NODE);
		if (error == 0)
			error = tplc_spdx_build_describes(
			        &y->s, (const char *)d->data.scalar.value);
	}
	return error;
}

/* ---- packages ------------------------------------------------------------ */

static int too_many(struct y *y, const yaml_node_t *list,
                    const struct ypath *path)
{
	return tplc_error_set_at(y->err, TPLC_ELIMIT, y->source,
	                         (unsigned long)list->start_mark.line + 1,
	                         (unsigned long)list->start_mark.column + 1,
	                         path->s, "more than %d items",
	                         SPDX_YAML_PACKAGE_ITEMS_MAX);
}

/* A package's list of records whose members are all strings. */
struct ylist {
	const char *key; /* "checksums" */
	size_t size;     /* of one record */
	size_t count;    /* members */
	struct {
		const char *key;
		size_t offset;
	} members[3];
};

static const struct ylist checksum_list = {
	"checksums",
	sizeof(struct tplc_spdx_checksum),
	2,
	{ { "algorithm", offsetof(struct tplc_spdx_checksum, algorithm) },
	  { "checksumValue", offsetof(struct tplc_spdx_checksum, value) } },
};

static const struct ylist ref_list = {
	"externalRefs",
	sizeof(struct tplc_spdx_ref),
	3,
	{ { "referenceCategory", offsetof(struct tplc_spdx_ref, category) },
	  { "referenceType", offsetof(struct tplc_spdx_ref, type) },
	  { "referenceLocator", offsetof(struct tplc_spdx_ref, locator) } },
};

/* Read obj's list as *out, n records (heap, the caller frees). */
static int records(struct y *y, const yaml_node_t *obj,
                   const struct ypath *path, const struct ylist *spec,
                   void **out, size_t *n)
{
	struct ypath at = ykey(path, spec->key);
	const yaml_node_t *list;
	size_t i, k, len;
	int error = sequence(y, obj, path, spec->key, &list);

	*out = NULL;
	*n = 0;
	if (error != 0 || list == NULL || (len = count(list)) == 0)
		return error;
	if (len > SPDX_YAML_PACKAGE_ITEMS_MAX)
		return too_many(y, list, &at);
	*out = tplx_reallocarray(NULL, len, spec->size);
	if (*out == NULL)
		return tplc_sbom_build_nomem(&y->s.b);
	for (i = 0; error == 0 && i < len; i++) {
		struct ypath ip = yindex(&at, i);
		char *record = (char *)*out + i * spec->size;
		struct yfield f[3];

		for (k = 0; k < spec->count; k++) {
			f[k].key = spec->members[k].key;
			f[k].dst = (const char **)(void *)(record +
			                                   spec->members[k]
			                                           .offset);
			f[k].required = true;
		}
		error = fields(y, item(y, list, i), &ip, f, spec->count);
	}
	*n = len;
	return error;
}

static int package(struct y *y, const yaml_node_t *obj,
                   const struct ypath *path)
{
	struct tplc_spdx_package pkg;
	void *sums = NULL, *refs = NULL;
	const struct yfield f[] = {
		{ "SPDXID", &pkg.id, true },
		{ "name", &pkg.name, true },
		{ "versionInfo", &pkg.version, false },
		{ "supplier", &pkg.supplier, false },
		{ "originator", &pkg.originator, false },
		{ "licenseConcluded", &pkg.license_concluded, false },
		{ "licenseDeclared", &pkg.license_declared, false },
		{ "primaryPackagePurpose", &pkg.purpose, false },
	};
	size_t i;
	int error;

	memset(&pkg, 0, sizeof(pkg));
	error = fields(y, obj, path, f, sizeof(f) / sizeof(*f));
	for (i = 0; error == 0 && i < 2; i++) {
		struct ypath at = ykey(path, f[i].key);

		if (tplx_is_blank(*f[i].dst))
			error = yfail(y, get(y, obj, f[i].key), &at,
			              "must not be empty");
	}
	if (error == 0)
		error = records(y, obj, path, &checksum_list, &sums,
		                &pkg.checksum_count);
	pkg.checksums = sums;
	if (error == 0)
		error = records(y, obj, path, &ref_list, &refs, &pkg.ref_count);
	pkg.refs = refs;
	if (error == 0)
		error = tplc_spdx_build_package(&y->s, &pkg, NULL);
	tplx_free(sums);
	tplx_free(refs);
	return error;
}

static int packages(struct y *y, const yaml_node_t *root,
                    const struct ypath *top)
{
	struct ypath at = ykey(top, "packages");
	size_t i, later = 0;
	int error, rc = 0;

	error = sequence(y, root, top, "packages", &y->packages);
	for (i = 0; error == 0 && y->packages && i < count(y->packages); i++) {
		struct ypath ip = yindex(&at, i);

		error = package(y, item(y, y->packages, i), &ip);
	}
	if (error == 0)
		rc = tplc_spdx_build_check_ids(&y->s, &later);
	if (rc != 0 && rc != TPLC_EPARSE)
		error = rc;
	if (rc == TPLC_EPARSE) {
		struct ypath ip = yindex(&at, later);
		struct ypath id = ykey(&ip, "SPDXID");

		error = yfail(y, get(y, item(y, y->packages, later), "SPDXID"),
		              &id, "SPDXID \"%.64s\" is not unique",
		              y->s.b.components[later].ref);
	}
	return error;
}

static int relationships(struct y *y, const yaml_node_t *root,
                         const struct ypath *top)
{
	struct ypath at = ykey(top, "relationships");
	const yaml_node_t *list;
	size_t i;
	int error = sequence(y, root, top, "relationships", &list);

	for (i = 0; error == 0 && list && i < count(list); i++) {
		struct ypath ip = yindex(&at, i);
		const char *from, *type, *to;
		const struct yfield f[] = {
			{ "spdxElementId", &from, true },
			{ "relationshipType", &type, true },
			{ "relatedSpdxElement", &to, true },
		};

		error = fields(y, item(y, list, i), &ip, f, 3);
		if (error == 0)
			error = tplc_spdx_build_relationship(&y->s, from, type,
			                                     to);
	}
	return error;
}

static int walk(struct y *y, struct tplc_sbom **out)
{
	struct ypath top = { "" };
	const yaml_node_t *root = yaml_document_get_root_node(&y->doc);
	const char *id, *name, *ns;
	const struct yfield f[] = {
		{ "SPDXID", &id, true },
		{ "name", &name, true },
		{ "documentNamespace", &ns, false },
	};
	int error;

	if (root == NULL)
		return tplc_error_set_at(y->err, TPLC_EPARSE, y->source, 1, 1,
		                         NULL, "empty YAML document");
	error = expect(y, root, &top, YAML_MAPPING_NODE);
	if (error != 0)
		return error;
	error = tplc_spdx_build_init(&y->s, y->err);
	if (error != 0)
		return error;
	error = spec_version(y, root, &top);
	if (error == 0)
		error = fields(y, root, &top, f, sizeof(f) / sizeof(*f));
	if (error == 0)
		error = tplc_spdx_build_document(&y->s, id, ns);
	if (error == 0)
		error = creation_info(y, root, &top);
	if (error == 0)
		error = describes(y, root, &top);
	if (error == 0)
		error = packages(y, root, &top);
	if (error == 0)
		error = relationships(y, root, &top);
	if (error == 0)
		return tplc_spdx_build_finish(&y->s, out);
	tplc_spdx_build_abort(&y->s);
	return error;
}

int tplc_spdx_yaml_parse(struct tplc_sbom **out, const char *data, size_t len,
                         const char *source, struct tplc_error *err)
{
	yaml_parser_t parser;
	struct y y;
	int error;

	*out = NULL;
	memset(&y, 0, sizeof(y));
	y.source = source ? source : "(input)";
	y.err = err;
	if (!yaml_parser_initialize(&parser))
		return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &y.doc)) {
		error = tplc_error_set_at(
		        err,
		        parser.error == YAML_MEMORY_ERROR ? TPLC_ENOMEM
		                                          : TPLC_EPARSE,
		        y.source, (unsigned long)parser.problem_mark.line + 1,
		        (unsigned long)parser.problem_mark.column + 1, NULL,
		        "%s%s%s", parser.problem ? parser.problem : "bad YAML",
		        parser.context ? " " : "",
		        parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return error;
	}
	error = walk(&y, out);
	yaml_document_delete(&y.doc);
	yaml_parser_delete(&parser);
	return error;
}
