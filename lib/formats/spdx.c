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
#include "tplc/sbom.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/str.h"

/* The author line joins the creators up to this many bytes. */
#define SPDX_AUTHOR_MAX 1024

struct spdx {
	const struct tplx_json_doc *doc;
	struct tplc_error *err;
	struct tplc_sbom_build b;
	const char *document_id; /* the document's SPDXID, borrowed */
	const struct tplx_json *packages;
	const struct tplc_component **by_id; /* components sorted by ref */
};

/* NOASSERTION and NONE say "no value". */
static bool no_value(const char *s)
{
	return s == NULL || tplx_is_blank(s) || strcmp(s, "NOASSERTION") == 0 ||
	       strcmp(s, "NONE") == 0;
}

/*
 * "Organization: Acme Inc. (psirt@acme.example)" -> "Acme Inc.": the
 * party's name without its kind and without an e-mail (or empty)
 * parenthesis.
 */
static int party_name(struct spdx *p, const char **dst, const char *s)
{
	static const char *const kinds[] = { "Organization:", "Person:",
		                             "Tool:" };
	const char *open;
	size_t i, len;

	*dst = NULL;
	if (no_value(s))
		return 0;
	for (i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (tplx_starts_with(s, kinds[i])) {
			s += strlen(kinds[i]);
			break;
		}
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	open = len > 0 && s[len - 1] == ')' ? strrchr(s, '(') : NULL;
	if (open != NULL && open < s + len &&
	    (open + 2 == s + len ||
	     memchr(open, '@', (size_t)(s + len - open))))
		len = (size_t)(open - s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return tplc_sbom_build_strn(&p->b, dst, s, len);
}

static int fail_nomem(struct spdx *p)
{
	return tplc_sbom_build_nomem(&p->b);
}

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
	if (strcmp(version, "SPDX-2.3") == 0 ||
	    strcmp(version, "SPDX-2.2") == 0)
		return tplc_sbom_build_str(&p->b, &p->b.sbom->spec_version,
		                           version + 5);
	if (tplx_starts_with(version, "SPDX-"))
		return tplc_sbom_unsupported(p->doc, node, &at, p->err,
		                             "%.32s is not supported (SPDX "
		                             "2.2 and 2.3 JSON are)",
		                             version);
	return tplx_json_fail(p->doc, node, &at, p->err,
	                      "expected \"SPDX-2.3\", found \"%.64s\"",
	                      version);
}

static int creation_info(struct spdx *p, const struct tplx_json *root,
                         const struct tplx_jpath *top)
{
	struct tplx_jpath path = tplx_jpath_key(top, "creationInfo");
	const struct tplx_json *info, *creators = NULL;
	struct tplx_buf author = TPLX_BUF_INIT(SPDX_AUTHOR_MAX);
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
		error = tplc_sbom_build_str(&p->b, &p->b.sbom->created,
		                            created);
	if (error == 0)
		error = string_array(p, info, &path, "creators", &creators);
	for (i = 0; error == 0 && creators && i < creators->u.array.count;
	     i++) {
		const char *name;
		int rc = 0;

		error = party_name(p, &name,
		                   creators->u.array.items[i]->u.string.ptr);
		if (error != 0 || name == NULL)
			continue;
		if (author.len > 0)
			rc = tplx_buf_adds(&author, ", ");
		if (rc == 0)
			rc = tplx_buf_adds(&author, name);
		if (rc == TPLC_ENOMEM)
			error = fail_nomem(p);
		else if (rc != 0)
			break; /* long enough: keep what fits */
	}
	if (error == 0)
		error = tplc_sbom_build_str(&p->b, &p->b.sbom->author,
		                            tplx_buf_str(&author));
	tplx_buf_release(&author);
	return error;
}

/* ---- packages ------------------------------------------------------------ */

/* SHA1 -> SHA-1, SHA256 -> SHA-256; the rest (MD5, SHA3-256,
 * BLAKE2b-256, BLAKE3, ...) are already CycloneDX names. */
static int hash_alg(struct spdx *p, const char **dst, const char *alg)
{
	if (strncmp(alg, "SHA", 3) == 0 && alg[3] >= '0' && alg[3] <= '9' &&
	    strchr(alg, '-') == NULL) {
		char *s =
		        tplx_arena_printf(p->b.sbom->arena, "SHA-%s", alg + 3);
		*dst = s;
		return s == NULL ? fail_nomem(p) : 0;
	}
	return tplc_sbom_build_str(&p->b, dst, alg);
}

static int checksums(struct spdx *p, struct tplc_component *c,
                     const struct tplx_json *pkg, const struct tplx_jpath *path)
{
	struct tplx_jpath at = tplx_jpath_key(path, "checksums");
	const struct tplx_json *list;
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, pkg, path, "checksums", &list,
	                            p->err);
	if (error != 0 || list == NULL)
		return error;
	error = tplc_sbom_build_array(&p->b, &c->hashes, list->u.array.count,
	                              sizeof(*c->hashes));
	for (i = 0; error == 0 && i < list->u.array.count; i++) {
		const struct tplx_json *item = list->u.array.items[i];
		struct tplx_jpath ip = tplx_jpath_index(&at, i);
		struct tplc_hash *h = &c->hashes[i];
		const char *alg, *value;
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("algorithm", &alg, true),
			TPLX_FIELD_STRING("checksumValue", &value, true),
		};
		char *q;

		error = tplx_json_fields(p->doc, item, &ip, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
		if (error == 0)
			error = hash_alg(p, &h->alg, alg);
		if (error == 0)
			error = tplc_sbom_build_str(&p->b, &h->value, value);
		for (q = (char *)h->value; error == 0 && q && *q; q++)
			if (*q >= 'A' && *q <= 'F')
				*q = (char)(*q - 'A' + 'a');
	}
	if (error == 0)
		c->hash_count = list->u.array.count;
	return error;
}

/* purl from referenceType purl, CPE from cpe23Type (else cpe22Type). */
static int external_refs(struct spdx *p, struct tplc_component *c,
                         const struct tplx_json *pkg,
                         const struct tplx_jpath *path)
{
	struct tplx_jpath at = tplx_jpath_key(path, "externalRefs");
	const struct tplx_json *list;
	const char *purl = NULL, *cpe23 = NULL, *cpe22 = NULL;
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, pkg, path, "externalRefs", &list,
	                            p->err);
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		const struct tplx_json *item = list->u.array.items[i];
		struct tplx_jpath ip = tplx_jpath_index(&at, i);
		const char *type, *locator, *category;
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("referenceCategory", &category, true),
			TPLX_FIELD_STRING("referenceType", &type, true),
			TPLX_FIELD_STRING("referenceLocator", &locator, true),
		};

		error = tplx_json_fields(p->doc, item, &ip, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
		if (error != 0)
			break;
		if (purl == NULL && strcmp(type, "purl") == 0)
			purl = locator;
		else if (cpe23 == NULL && strcmp(type, "cpe23Type") == 0)
			cpe23 = locator;
		else if (cpe22 == NULL && strcmp(type, "cpe22Type") == 0)
			cpe22 = locator;
	}
	if (error == 0)
		error = tplc_sbom_build_str(&p->b, &c->purl, purl);
	if (error == 0)
		error = tplc_sbom_build_str(&p->b, &c->cpe,
		                            cpe23 ? cpe23 : cpe22);
	return error;
}

/* "OPERATING-SYSTEM" -> "operating-system", as CycloneDX names types. */
static int purpose(struct spdx *p, struct tplc_component *c, const char *value)
{
	char *s;

	if (tplc_sbom_build_str(&p->b, &c->type, value) != 0)
		return TPLC_ENOMEM;
	for (s = (char *)c->type; s != NULL && *s != '\0'; s++) {
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
		else if (*s == '_')
			*s = '-';
	}
	return 0;
}

static int package(struct spdx *p, const struct tplx_json *pkg,
                   const struct tplx_jpath *path)
{
	const char *v[8];
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("SPDXID", &v[0], true),
		TPLX_FIELD_STRING("name", &v[1], true),
		TPLX_FIELD_STRING("versionInfo", &v[2], false),
		TPLX_FIELD_STRING("supplier", &v[3], false),
		TPLX_FIELD_STRING("originator", &v[4], false),
		TPLX_FIELD_STRING("licenseConcluded", &v[5], false),
		TPLX_FIELD_STRING("licenseDeclared", &v[6], false),
		TPLX_FIELD_STRING("primaryPackagePurpose", &v[7], false),
	};
	struct tplc_component c;
	size_t i, index;
	int error;

	memset(&c, 0, sizeof(c));
	error = tplx_json_fields(p->doc, pkg, path, fields,
	                         TPLX_FIELDS_COUNT(fields), p->err);
	if (error != 0)
		return error;
	for (i = 0; i < 2; i++) {
		struct tplx_jpath at = tplx_jpath_key(path, fields[i].key);

		if (tplx_is_blank(v[i]))
			return tplx_json_fail(p->doc,
			                      tplx_json_get(pkg, fields[i].key),
			                      &at, p->err, "must not be empty");
	}
	error = tplc_sbom_build_str(&p->b, &c.ref, v[0]);
	if (error == 0)
		error = tplc_sbom_build_str(&p->b, &c.name, v[1]);
	if (error == 0)
		error = tplc_sbom_build_str(&p->b, &c.version, v[2]);
	if (error == 0)
		error = party_name(p, &c.supplier,
		                   no_value(v[3]) ? v[4] : v[3]);
	if (error == 0)
		error = tplc_sbom_build_str(
		        &p->b, &c.license,
		        no_value(v[5]) ? (no_value(v[6]) ? NULL : v[6]) : v[5]);
	if (error == 0)
		error = purpose(p, &c, v[7]);
	if (error == 0)
		error = checksums(p, &c, pkg, path);
	if (error == 0)
		error = external_refs(p, &c, pkg, path);
	if (error == 0)
		error = tplc_sbom_build_component(&p->b, &index);
	if (error == 0)
		p->b.components[index] = c;
	return error;
}

/* SPDXIDs name one element each. */
static int compare_refs(const void *a, const void *b)
{
	const struct tplc_component *x =
	        *(const struct tplc_component *const *)a;
	const struct tplc_component *y =
	        *(const struct tplc_component *const *)b;
	int c = strcmp(x->ref, y->ref);

	return c != 0 ? c : (x < y ? -1 : x > y);
}

/* Sort the packages by SPDXID (kept in p->by_id for lookups); an SPDXID
 * names one element. */
static int unique_ids(struct spdx *p, const struct tplx_jpath *top)
{
	size_t i, n = p->b.component_count;

	if (n == 0)
		return 0;
	p->by_id = tplx_reallocarray(NULL, n, sizeof(*p->by_id));
	if (p->by_id == NULL)
		return fail_nomem(p);
	for (i = 0; i < n; i++)
		p->by_id[i] = &p->b.components[i];
	qsort(p->by_id, n, sizeof(*p->by_id), compare_refs);
	for (i = 1; i < n; i++) {
		size_t later = (size_t)(p->by_id[i] - p->b.components);
		struct tplx_jpath pkgs = tplx_jpath_key(top, "packages");
		struct tplx_jpath at = tplx_jpath_index(&pkgs, later);
		struct tplx_jpath id = tplx_jpath_key(&at, "SPDXID");

		if (strcmp(p->by_id[i]->ref, p->by_id[i - 1]->ref) != 0)
			continue;
		return tplx_json_fail(
		        p->doc,
		        tplx_json_get(p->packages->u.array.items[later],
		                      "SPDXID"),
		        &id, p->err, "SPDXID \"%.64s\" is not unique",
		        p->by_id[i]->ref);
	}
	return 0;
}

static int packages(struct spdx *p, const struct tplx_json *root,
                    const struct tplx_jpath *top)
{
	struct tplx_jpath at = tplx_jpath_key(top, "packages");
	size_t i;
	int error;

	error = tplx_json_opt_array(p->doc, root, top, "packages", &p->packages,
	                            p->err);
	for (i = 0; error == 0 && p->packages != NULL &&
	            i < p->packages->u.array.count;
	     i++) {
		struct tplx_jpath ip = tplx_jpath_index(&at, i);
		error = package(p, p->packages->u.array.items[i], &ip);
	}
	if (error == 0)
		error = unique_ids(p, top);
	return error;
}

/* ---- relationships and subject -------------------------------------------- */

struct edge {
	const char *from, *to; /* borrowed from the document */
	size_t seq;            /* document order */
};

static int compare_edges(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;
	int c = strcmp(x->from, y->from);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* "A DEPENDS_ON B" and "A CONTAINS B" make B a dependency of A; the
 * inverse types say the same from B's side.  0 for other types. */
static int direction(const char *type)
{
	if (strcmp(type, "DEPENDS_ON") == 0 || strcmp(type, "CONTAINS") == 0)
		return 1;
	if (strcmp(type, "DEPENDENCY_OF") == 0 ||
	    strcmp(type, "CONTAINED_BY") == 0)
		return -1;
	return 0;
}

/* Group the edges by source into dependencies, sources in name order. */
static int group_edges(struct spdx *p, struct edge *edges, size_t n)
{
	size_t i = 0, j, k, index;
	int error = 0;

	if (n == 0)
		return 0; /* edges may be NULL */
	qsort(edges, n, sizeof(*edges), compare_edges);
	while (error == 0 && i < n) {
		struct tplc_dependency d;

		for (j = i; j < n && strcmp(edges[j].from, edges[i].from) == 0;
		     j++)
			;
		memset(&d, 0, sizeof(d));
		error = tplc_sbom_build_str(&p->b, &d.ref, edges[i].from);
		if (error == 0)
			error = tplc_sbom_build_array(&p->b, &d.depends_on,
			                              j - i,
			                              sizeof(*d.depends_on));
		for (k = i; error == 0 && k < j; k++)
			error = tplc_sbom_build_str(&p->b, &d.depends_on[k - i],
			                            edges[k].to);
		d.count = j - i;
		if (error == 0)
			error = tplc_sbom_build_dependency(&p->b, &index);
		if (error == 0)
			p->b.dependencies[index] = d;
		i = j;
	}
	return error;
}

/*
 * Relationships: dependencies, and the element the document DESCRIBES
 * (the subject when documentDescribes does not name one).
 */
static int relationships(struct spdx *p, const struct tplx_json *root,
                         const struct tplx_jpath *top, const char **described)
{
	struct tplx_jpath at = tplx_jpath_key(top, "relationships");
	const struct tplx_json *list;
	struct edge *edges = NULL;
	size_t i, n = 0;
	int error;

	error = tplx_json_opt_array(p->doc, root, top, "relationships", &list,
	                            p->err);
	if (error == 0 && list != NULL && list->u.array.count > 0) {
		edges = tplx_reallocarray(NULL, list->u.array.count,
		                          sizeof(*edges));
		if (edges == NULL)
			error = fail_nomem(p);
	}
	for (i = 0; error == 0 && list != NULL && i < list->u.array.count;
	     i++) {
		const struct tplx_json *rel = list->u.array.items[i];
		struct tplx_jpath ip = tplx_jpath_index(&at, i);
		const char *from, *type, *to;
		const struct tplx_json_field fields[] = {
			TPLX_FIELD_STRING("spdxElementId", &from, true),
			TPLX_FIELD_STRING("relationshipType", &type, true),
			TPLX_FIELD_STRING("relatedSpdxElement", &to, true),
		};
		int dir;

		error = tplx_json_fields(p->doc, rel, &ip, fields,
		                         TPLX_FIELDS_COUNT(fields), p->err);
		if (error != 0)
			break;
		if (*described == NULL && strcmp(type, "DESCRIBES") == 0 &&
		    strcmp(from, p->document_id) == 0)
			*described = to;
		else if (*described == NULL &&
		         strcmp(type, "DESCRIBED_BY") == 0 &&
		         strcmp(to, p->document_id) == 0)
			*described = from;
		dir = direction(type);
		if (dir == 0 || no_value(from) || no_value(to))
			continue;
		edges[n].from = dir > 0 ? from : to;
		edges[n].to = dir > 0 ? to : from;
		edges[n].seq = n;
		/* the document containing its elements is not a dependency */
		if (strcmp(edges[n].from, p->document_id) != 0)
			n++;
	}
	if (error == 0)
		error = group_edges(p, edges, n);
	tplx_free(edges);
	return error;
}

static int compare_id(const void *key, const void *item)
{
	return strcmp(key, (*(const struct tplc_component *const *)item)->ref);
}

static const struct tplc_component *find_package(struct spdx *p, const char *id)
{
	const struct tplc_component *const *found;

	if (id == NULL || p->by_id == NULL)
		return NULL;
	found = bsearch(id, p->by_id, p->b.component_count, sizeof(*p->by_id),
	                compare_id);
	return found ? *found : NULL;
}

/* The first described element that is a package is the subject. */
static void subject(struct spdx *p, const struct tplx_json *describes,
                    const char *described)
{
	const struct tplc_component *c = NULL;
	size_t i;

	for (i = 0; describes && c == NULL && i < describes->u.array.count; i++)
		c = find_package(p, describes->u.array.items[i]->u.string.ptr);
	if (c == NULL)
		c = find_package(p, described);
	if (c == NULL)
		return;
	/* already in the arena: share, do not copy */
	p->b.sbom->subject_name = c->name;
	p->b.sbom->subject_version = c->version;
	p->b.sbom->subject_supplier = c->supplier;
}

int tplc_spdx_parse_doc(struct tplc_sbom **out, const struct tplx_json_doc *doc,
                        struct tplc_error *err)
{
	struct tplx_jpath top = TPLX_JPATH_ROOT;
	const struct tplx_json *root = doc->root, *describes = NULL;
	const char *name, *ns, *described = NULL;
	struct spdx p;
	const struct tplx_json_field fields[] = {
		TPLX_FIELD_STRING("SPDXID", &p.document_id, true),
		TPLX_FIELD_STRING("name", &name, true),
		TPLX_FIELD_STRING("documentNamespace", &ns, false),
	};
	int error;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.doc = doc;
	p.err = err;
	error = tplx_json_expect(doc, root, &top, TPLX_JSON_OBJECT, err);
	if (error != 0)
		return error;
	error = tplc_sbom_build_init(&p.b, "SPDX", err);
	if (error != 0)
		return error;
	error = spec_version(&p, root, &top);
	if (error == 0)
		error = tplx_json_fields(doc, root, &top, fields,
		                         TPLX_FIELDS_COUNT(fields), err);
	if (error == 0)
		error = tplc_sbom_build_str(&p.b, &p.b.sbom->serial, ns);
	if (error == 0)
		error = creation_info(&p, root, &top);
	if (error == 0)
		error = string_array(&p, root, &top, "documentDescribes",
		                     &describes);
	if (error == 0)
		error = packages(&p, root, &top);
	if (error == 0)
		error = relationships(&p, root, &top, &described);
	if (error == 0)
		subject(&p, describes, described);
	tplx_free(p.by_id);
	if (error == 0)
		return tplc_sbom_build_finish(&p.b, out);
	tplc_sbom_build_abort(&p.b);
	return error;
}
