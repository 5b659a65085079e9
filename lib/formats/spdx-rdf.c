/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SPDX 2.2 / 2.3 RDF/XML into struct tplc_sbom: what the graph means in
 * SPDX.  spdx-rdf-graph.c first indexes every node element by the SPDX id
 * its rdf:about names ("DOC#SPDXRef-x" -> "SPDXRef-x"); this file then
 * reads packages, relationships and the document through that index.
 * Enumerations are URIs ("...terms#relationshipType_dependsOn") and become
 * the names the other serialisations use ("DEPENDS_ON") before
 * spdx-build.c sees them.  RDF properties have no order: license set
 * members are sorted (spdx-rdf-license.c), checksums and creators stay in
 * document order.
 */
#include <string.h>

#include "formats/sbom-xml.h"
#include "formats/spdx-build.h"
#include "formats/spdx-rdf.h"
#include "tplc/sbom.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/str.h"
#include "util/xml.h"

/* ---- checksums and identifiers ------------------------------------------- */

/* checksumAlgorithm_sha3_256 -> SHA3-256, as the other serialisations. */
static const char *algorithm(const char *value)
{
	static const struct {
		const char *rdf, *name;
	} table[] = {
		{ "sha1", "SHA1" },
		{ "sha224", "SHA224" },
		{ "sha256", "SHA256" },
		{ "sha384", "SHA384" },
		{ "sha512", "SHA512" },
		{ "sha3_256", "SHA3-256" },
		{ "sha3_384", "SHA3-384" },
		{ "sha3_512", "SHA3-512" },
		{ "blake2b256", "BLAKE2b-256" },
		{ "blake2b384", "BLAKE2b-384" },
		{ "blake2b512", "BLAKE2b-512" },
		{ "blake3", "BLAKE3" },
		{ "md2", "MD2" },
		{ "md4", "MD4" },
		{ "md5", "MD5" },
		{ "md6", "MD6" },
		{ "adler32", "ADLER32" },
	};
	const char *s = strstr(value, "checksumAlgorithm_");
	size_t i;

	if (s == NULL)
		return value;
	s += strlen("checksumAlgorithm_");
	for (i = 0; i < sizeof(table) / sizeof(*table); i++)
		if (strcmp(s, table[i].rdf) == 0)
			return table[i].name;
	return s;
}

/* The SPDX id an element URI names: local ones bare, those of a
 * referenced document as "DocumentRef-x:SPDXRef-y". */
static int ident(struct rx *x, const char *uri, const char **out)
{
	const char *hash = uri ? strrchr(uri, '#') : NULL;
	size_t i;

	*out = tplc_spdx_rdf__local_id(x, uri);
	if (*out != uri || hash == NULL)
		return 0;
	if (strcmp(uri, NOASSERTION) == 0 || strcmp(uri, NONE) == 0) {
		*out = strcmp(uri, NONE) == 0 ? "NONE" : "NOASSERTION";
		return 0;
	}
	for (i = 0; i < x->ext_count; i++)
		if (strlen(x->ext[i].uri) == (size_t)(hash - uri) &&
		    strncmp(uri, x->ext[i].uri, (size_t)(hash - uri)) == 0) {
			*out = tplx_arena_printf(x->doc->arena, "%s:%s",
			                         x->ext[i].name, hash + 1);
			return *out == NULL ? tplc_spdx_rdf__nomem(x) : 0;
		}
	return 0;
}
/* ---- packages ------------------------------------------------------------ */

static int missing(struct rx *x, const struct node *n, const char *name)
{
	return tplx_xml_fail(x->doc, n->el, NULL, x->err,
	                     "required element <spdx:%s> is missing", name);
}

/* A required text or URI value of n's property name. */
static int required(struct rx *x, const struct node *n, const char *name,
                    const char **out)
{
	const xmlNode *p = tplc_spdx_rdf__prop(n, name, NULL);
	int error;

	if (p == NULL)
		return missing(x, n, name);
	error = tplc_spdx_rdf__value_of(x, p, out);
	if (error == 0 && tplx_is_blank(*out))
		error = tplx_xml_fail(x->doc, p, NULL, x->err,
		                      "must not be empty");
	return error;
}

/* The node a property must point at, of what kind (for the message). */
static int object_of(struct rx *x, const xmlNode *p, const char *kind,
                     struct node **out)
{
	int error = tplc_spdx_rdf__object(x, p, out);

	if (error == 0 && *out == NULL)
		error = tplx_xml_fail(x->doc, p, NULL, x->err,
		                      "expected an spdx:%s", kind);
	return error;
}

static size_t count_props(const struct node *n, const char *name)
{
	const xmlNode *p;
	size_t count = 0;

	for (p = tplc_spdx_rdf__prop(n, name, NULL); p != NULL;
	     p = tplc_spdx_rdf__prop(n, name, p))
		count++;
	return count;
}

static int checksums(struct rx *x, const struct node *pkg,
                     struct tplc_spdx_checksum *out, size_t *count)
{
	const xmlNode *p;
	int error = 0;

	*count = 0;
	for (p = tplc_spdx_rdf__prop(pkg, "checksum", NULL);
	     error == 0 && p != NULL;
	     p = tplc_spdx_rdf__prop(pkg, "checksum", p)) {
		struct node *c;
		const char *alg = NULL;

		error = object_of(x, p, "Checksum", &c);
		if (error == 0)
			error = required(x, c, "algorithm", &alg);
		if (error == 0)
			error = required(x, c, "checksumValue",
			                 &out[*count].value);
		if (error == 0)
			out[(*count)++].algorithm = algorithm(alg);
	}
	return error;
}

static int external_refs(struct rx *x, const struct node *pkg,
                         struct tplc_spdx_ref *out, size_t *count)
{
	const xmlNode *p;
	int error = 0;

	*count = 0;
	for (p = tplc_spdx_rdf__prop(pkg, "externalRef", NULL);
	     error == 0 && p != NULL;
	     p = tplc_spdx_rdf__prop(pkg, "externalRef", p)) {
		struct tplc_spdx_ref *r = &out[*count];
		struct node *e;

		error = object_of(x, p, "ExternalRef", &e);
		if (error == 0)
			error = required(x, e, "referenceCategory",
			                 &r->category);
		if (error == 0)
			error = tplc_spdx_rdf__enum_name(x, r->category,
			                                 "referenceCategory_",
			                                 '-', &r->category);
		if (error == 0)
			error = required(x, e, "referenceType", &r->type);
		if (error == 0 && tplx_starts_with(r->type, REF_TYPES))
			r->type += strlen(REF_TYPES);
		if (error == 0)
			error = required(x, e, "referenceLocator", &r->locator);
		if (error == 0)
			(*count)++;
	}
	return error;
}

static int package(struct rx *x, const struct node *n)
{
	struct tplc_spdx_package p;
	struct tplc_spdx_checksum *sums = NULL;
	struct tplc_spdx_ref *refs = NULL;
	size_t nsums = count_props(n, "checksum");
	size_t nrefs = count_props(n, "externalRef");
	int error = 0;

	memset(&p, 0, sizeof(p));
	if (n->id == NULL)
		return tplx_xml_fail(x->doc, n->el, NULL, x->err,
		                     "an spdx:Package needs an rdf:about "
		                     "naming its SPDXRef- id");
	if (nsums > SPDX_RDF_LIST_MAX || nrefs > SPDX_RDF_LIST_MAX)
		return tplx_xml_fail_code(
		        x->doc, n->el, NULL, x->err, TPLC_ELIMIT,
		        "more than %d checksums or external refs",
		        SPDX_RDF_LIST_MAX);
	sums = tplx_calloc(nsums ? nsums : 1, sizeof(*sums));
	refs = tplx_calloc(nrefs ? nrefs : 1, sizeof(*refs));
	if (sums == NULL || refs == NULL) {
		error = tplc_spdx_rdf__nomem(x);
		goto out;
	}
	error = ident(x, n->about, &p.id);
	if (error == 0)
		error = required(x, n, "name", &p.name);
	if (error == 0)
		error = tplc_spdx_rdf__value_of(
		        x, tplc_spdx_rdf__prop(n, "versionInfo", NULL),
		        &p.version);
	if (error == 0)
		error = tplc_spdx_rdf__value_of(
		        x, tplc_spdx_rdf__prop(n, "supplier", NULL),
		        &p.supplier);
	if (error == 0)
		error = tplc_spdx_rdf__value_of(
		        x, tplc_spdx_rdf__prop(n, "originator", NULL),
		        &p.originator);
	if (error == 0)
		error = tplc_spdx_rdf__license_prop(
		        x, tplc_spdx_rdf__prop(n, "licenseConcluded", NULL), 0,
		        &p.license_concluded);
	if (error == 0)
		error = tplc_spdx_rdf__license_prop(
		        x, tplc_spdx_rdf__prop(n, "licenseDeclared", NULL), 0,
		        &p.license_declared);
	if (error == 0)
		error = tplc_spdx_rdf__value_of(
		        x,
		        tplc_spdx_rdf__prop(n, "primaryPackagePurpose", NULL),
		        &p.purpose);
	if (error == 0)
		error = tplc_spdx_rdf__enum_name(x, p.purpose, "purpose_", '-',
		                                 &p.purpose);
	if (error == 0)
		error = checksums(x, n, sums, &p.checksum_count);
	if (error == 0)
		error = external_refs(x, n, refs, &p.ref_count);
	p.checksums = sums;
	p.refs = refs;
	if (error == 0)
		error = tplc_spdx_build_package(&x->s, &p, NULL);
out:
	tplx_free(sums);
	tplx_free(refs);
	return error;
}

/* ---- relationships ------------------------------------------------------- */

/* The SPDX id of the element a property points at. */
static int element_id(struct rx *x, const xmlNode *p, const char **out)
{
	struct node *n = NULL;
	const char *uri;
	int error = tplc_spdx_rdf__attr(x, p, "resource", &uri);

	*out = NULL;
	if (error == 0 && uri != NULL)
		return ident(x, uri, out);
	if (error == 0)
		error = tplc_spdx_rdf__object(x, p, &n);
	if (error == 0 && (n == NULL || n->about == NULL))
		return tplx_xml_fail(x->doc, p, NULL, x->err,
		                     "expected an element with an rdf:about "
		                     "or an rdf:resource");
	return error == 0 ? ident(x, n->about, out) : error;
}

static int relationship(struct rx *x, const struct node *from, const xmlNode *p)
{
	struct node *r;
	const xmlNode *related;
	const char *id, *type, *to;
	int error = object_of(x, p, "Relationship", &r);

	if (error == 0)
		error = required(x, r, "relationshipType", &type);
	if (error == 0)
		error = tplc_spdx_rdf__enum_name(x, type, "relationshipType_",
		                                 '_', &type);
	if (error == 0) {
		related = tplc_spdx_rdf__prop(r, "relatedSpdxElement", NULL);
		if (related == NULL)
			return missing(x, r, "relatedSpdxElement");
		error = element_id(x, related, &to);
	}
	if (error == 0)
		error = ident(x, from->about, &id);
	if (error == 0)
		error = tplc_spdx_build_relationship(&x->s, id, type, to);
	return error;
}

/* Every spdx:relationship of every described element, in document
 * order: the subject is the node the property is written in. */
static int relationships(struct rx *x)
{
	size_t i;
	int error = 0;

	for (i = 0; error == 0 && i < x->count; i++) {
		const struct node *n = &x->nodes[i];
		const xmlNode *p;

		if (n->about == NULL)
			continue;
		for (p = tplx_xml_child(n->el, SPDX_NS, "relationship");
		     error == 0 && p != NULL;
		     p = tplx_xml_next(p, SPDX_NS, "relationship"))
			error = relationship(x, n, p);
	}
	return error;
}

/* ---- the document -------------------------------------------------------- */

/* The SpdxDocument's namespace, needed before the index can name ids. */
static int find_document(struct rx *x, const xmlNode *root,
                         const struct node **out)
{
	const struct node *d = NULL;
	const char *hash;
	size_t i;

	*out = NULL;
	for (i = 0; d == NULL && i < x->count; i++)
		if ((x->nodes[i].typed &&
		     tplx_xml_is(x->nodes[i].el, SPDX_NS, "SpdxDocument")) ||
		    tplc_spdx_rdf__has_type(x->nodes[i].el, "SpdxDocument"))
			d = &x->nodes[i];
	if (d == NULL)
		return tplx_xml_fail_code(x->doc, root, NULL, x->err,
		                          TPLC_EUNSUPPORTED,
		                          "RDF without an spdx:SpdxDocument "
		                          "(SPDX 2.2 / 2.3 RDF/XML is read)");
	hash = d->about ? strrchr(d->about, '#') : NULL;
	if (hash == NULL || hash[1] == '\0')
		return tplx_xml_fail(x->doc, d->el, NULL, x->err,
		                     "the spdx:SpdxDocument needs an rdf:about "
		                     "\"namespace#SPDXRef-DOCUMENT\"");
	x->ns = tplx_arena_strndup(x->doc->arena, d->about,
	                           (size_t)(hash - d->about));
	if (x->ns == NULL)
		return tplc_spdx_rdf__nomem(x);
	*out = d;
	return 0;
}

static int external_documents(struct rx *x, const struct node *d)
{
	size_t count = count_props(d, "externalDocumentRef");
	const xmlNode *p;
	int error = 0;

	if (count > SPDX_RDF_LIST_MAX)
		return tplx_xml_fail_code(
		        x->doc, d->el, NULL, x->err, TPLC_ELIMIT,
		        "more than %d external documents", SPDX_RDF_LIST_MAX);
	x->ext = tplx_calloc(count ? count : 1, sizeof(*x->ext));
	if (x->ext == NULL)
		return tplc_spdx_rdf__nomem(x);
	for (p = tplc_spdx_rdf__prop(d, "externalDocumentRef", NULL);
	     error == 0 && p;
	     p = tplc_spdx_rdf__prop(d, "externalDocumentRef", p)) {
		struct external *e = &x->ext[x->ext_count];
		struct node *n;

		error = object_of(x, p, "ExternalDocumentRef", &n);
		if (error == 0)
			error = required(x, n, "externalDocumentId", &e->name);
		if (error == 0)
			error = required(x, n, "spdxDocument", &e->uri);
		if (error == 0)
			x->ext_count++;
	}
	return error;
}

static int each_value(struct rx *x, const struct node *n, const char *name,
                      int (*add)(struct tplc_spdx_build *, const char *))
{
	const xmlNode *p;
	int error = 0;

	for (p = tplc_spdx_rdf__prop(n, name, NULL); error == 0 && p != NULL;
	     p = tplc_spdx_rdf__prop(n, name, p)) {
		const char *value;

		error = tplc_spdx_rdf__value_of(x, p, &value);
		if (error == 0)
			error = add(&x->s, value);
	}
	return error;
}

static int describes(struct rx *x, const struct node *d, const char *name)
{
	const xmlNode *p;
	int error = 0;

	for (p = tplc_spdx_rdf__prop(d, name, NULL); error == 0 && p != NULL;
	     p = tplc_spdx_rdf__prop(d, name, p)) {
		const char *id;

		error = element_id(x, p, &id);
		if (error == 0)
			error = tplc_spdx_build_describes(&x->s, id);
	}
	return error;
}

static int document(struct rx *x, const struct node *d)
{
	const xmlNode *v = tplc_spdx_rdf__prop(d, "specVersion", NULL);
	const xmlNode *info = tplc_spdx_rdf__prop(d, "creationInfo", NULL);
	const char *version, *name, *created = NULL;
	struct node *ci = NULL;
	int error = required(x, d, "specVersion", &version);

	if (error == 0)
		error = required(x, d, "name", &name);
	if (error != 0)
		return error;
	error = tplc_spdx_build_version(&x->s, version);
	if (error == TPLC_EUNSUPPORTED)
		return tplx_xml_fail_code(
		        x->doc, v, NULL, x->err, TPLC_EUNSUPPORTED,
		        "%.32s is not supported (SPDX 2.2 and 2.3 are)",
		        version);
	if (error == TPLC_EPARSE)
		return tplx_xml_fail(x->doc, v, NULL, x->err,
		                     "expected \"SPDX-2.3\", found \"%.64s\"",
		                     version);
	if (error == 0)
		error = external_documents(x, d);
	if (error == 0)
		error = tplc_spdx_build_document(
		        &x->s, tplc_spdx_rdf__local_id(x, d->about), x->ns);
	if (error == 0 && info != NULL)
		error = object_of(x, info, "CreationInfo", &ci);
	if (error == 0 && ci != NULL)
		error = tplc_spdx_rdf__value_of(
		        x, tplc_spdx_rdf__prop(ci, "created", NULL), &created);
	if (error == 0 && created != NULL)
		error = tplc_spdx_build_created(&x->s, created);
	if (error == 0 && ci != NULL)
		error = each_value(x, ci, "creator", tplc_spdx_build_creator);
	/* describesPackage (2.0-2.2 RDF), documentDescribes (as in JSON) */
	if (error == 0)
		error = describes(x, d, "describesPackage");
	if (error == 0)
		error = describes(x, d, "documentDescribes");
	return error;
}

static int read_all(struct rx *x, const xmlNode *root)
{
	const struct node *found, *d;
	const xmlNode *el;
	size_t i;
	int error = 0;

	for (el = tplx_xml_child(root, NULL, NULL); error == 0 && el != NULL;
	     el = tplx_xml_next(el, NULL, NULL))
		error = tplc_spdx_rdf__collect_node(x, el, 1);
	if (error == 0)
		error = find_document(x, root, &found);
	if (error == 0)
		error = tplc_spdx_rdf__index_nodes(x);
	if (error != 0)
		return error;
	d = found->group[0];
	error = document(x, d);
	/* each package once, where it is first described */
	for (i = 0; error == 0 && i < x->count; i++) {
		const struct node *n = &x->nodes[i];

		if (n->group[0] == n && tplc_spdx_rdf__is_a(n, "Package"))
			error = package(x, n);
	}
	if (error == 0)
		error = relationships(x);
	return error;
}

int tplc_spdx_rdf_parse_doc(struct tplc_sbom **out,
                            const struct tplx_xml_doc *doc,
                            struct tplc_error *err)
{
	const xmlNode *root = tplx_xml_root(doc);
	struct rx x;
	int error;

	*out = NULL;
	if (!tplx_xml_is(root, RDF_NS, "RDF"))
		return tplx_xml_fail(doc, root, NULL, err,
		                     "expected an rdf:RDF root");
	memset(&x, 0, sizeof(x));
	x.doc = doc;
	x.err = err;
	error = tplc_spdx_build_init(&x.s, err);
	if (error != 0)
		return error;
	error = read_all(&x, root);
	if (error == 0)
		error = tplc_spdx_build_finish(&x.s, out);
	else
		tplc_spdx_build_abort(&x.s);
	tplx_free(x.nodes);
	tplx_free(x.by_key);
	tplx_free(x.by_el);
	tplx_free(x.ext);
	return error;
}
