/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SPDX 2.2 / 2.3 values into struct tplc_sbom, for every serialisation
 * (spdx-build.h): the one place that says what an SPDX package,
 * relationship or creator means in the model.
 */
#include <stdlib.h>
#include <string.h>

#include "formats/spdx-build.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/str.h"

enum edge_kind { EDGE_DEPENDS, EDGE_DESCRIBES };

struct tplc_spdx_edge {
	const char *from, *to; /* in the arena */
	enum edge_kind kind;
	size_t seq; /* document order */
};

bool tplc_spdx_no_value(const char *s)
{
	return s == NULL || tplx_is_blank(s) || strcmp(s, "NOASSERTION") == 0 ||
	       strcmp(s, "NONE") == 0;
}

static int nomem(struct tplc_spdx_build *s)
{
	return tplc_sbom_build_nomem(&s->b);
}

int tplc_spdx_build_init(struct tplc_spdx_build *s, struct tplc_error *err)
{
	memset(s, 0, sizeof(*s));
	s->err = err;
	tplx_buf_init(&s->author, TPLC_SPDX_AUTHOR_MAX);
	return tplc_sbom_build_init(&s->b, "SPDX", err);
}

static void release(struct tplc_spdx_build *s)
{
	tplx_free(s->describes);
	tplx_free(s->edges);
	tplx_free(s->by_id);
	tplx_buf_release(&s->author);
	s->describes = NULL;
	s->edges = NULL;
	s->by_id = NULL;
}

void tplc_spdx_build_abort(struct tplc_spdx_build *s)
{
	release(s);
	tplc_sbom_build_abort(&s->b);
}

/* Grow a heap vector so that one more item fits. */
static int reserve(struct tplc_spdx_build *s, void *vec, size_t count,
                   size_t *cap, size_t size)
{
	void *v;
	size_t n;

	memcpy(&v, vec, sizeof(v));
	if (count < *cap)
		return 0;
	n = *cap ? *cap * 2 : 16;
	v = tplx_reallocarray(v, n, size);
	if (v == NULL)
		return nomem(s);
	memcpy(vec, &v, sizeof(v));
	*cap = n;
	return 0;
}

/* ---- document ------------------------------------------------------------ */

int tplc_spdx_build_version(struct tplc_spdx_build *s, const char *version)
{
	if (version != NULL && (strcmp(version, "SPDX-2.3") == 0 ||
	                        strcmp(version, "SPDX-2.2") == 0))
		return tplc_sbom_build_str(&s->b, &s->b.sbom->spec_version,
		                           version + 5);
	if (version != NULL && tplx_starts_with(version, "SPDX-"))
		return TPLC_EUNSUPPORTED;
	return TPLC_EPARSE;
}

int tplc_spdx_build_document(struct tplc_spdx_build *s, const char *id,
                             const char *ns)
{
	int error = tplc_sbom_build_str(&s->b, &s->document_id, id);

	if (error == 0)
		error = tplc_sbom_build_str(&s->b, &s->b.sbom->serial, ns);
	return error;
}

int tplc_spdx_build_created(struct tplc_spdx_build *s, const char *created)
{
	return tplc_sbom_build_str(&s->b, &s->b.sbom->created, created);
}

/*
 * "Organization: Acme Inc. (psirt@acme.example)" -> "Acme Inc.": the
 * party's name without its kind and without an e-mail (or empty)
 * parenthesis; *len 0 when there is none.
 */
static const char *party_name(const char *s, size_t *len)
{
	static const char *const kinds[] = { "Organization:", "Person:",
		                             "Tool:" };
	const char *open;
	size_t i, n;

	*len = 0;
	if (tplc_spdx_no_value(s))
		return NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (tplx_starts_with(s, kinds[i])) {
			s += strlen(kinds[i]);
			break;
		}
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	open = n > 0 && s[n - 1] == ')' ? strrchr(s, '(') : NULL;
	if (open != NULL && open < s + n &&
	    (open + 2 == s + n || memchr(open, '@', (size_t)(s + n - open))))
		n = (size_t)(open - s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	*len = n;
	return s;
}

int tplc_spdx_build_creator(struct tplc_spdx_build *s, const char *creator)
{
	size_t len;
	const char *name = party_name(creator, &len);
	int rc = 0;

	if (name == NULL || len == 0)
		return 0;
	if (s->author.len > 0)
		rc = tplx_buf_adds(&s->author, ", ");
	if (rc == 0)
		rc = tplx_buf_add(&s->author, name, len);
	if (rc == TPLC_ENOMEM)
		return nomem(s);
	return 0; /* past the maximum: keep what fits */
}

int tplc_spdx_build_describes(struct tplc_spdx_build *s, const char *id)
{
	int error = reserve(s, &s->describes, s->describes_count,
	                    &s->describes_cap, sizeof(*s->describes));

	if (error == 0)
		error = tplc_sbom_build_str(
		        &s->b, &s->describes[s->describes_count], id);
	if (error == 0 && s->describes[s->describes_count] != NULL)
		s->describes_count++;
	return error;
}

/* ---- packages ------------------------------------------------------------ */

/* SHA1 -> SHA-1, SHA256 -> SHA-256; the rest (MD5, SHA3-256,
 * BLAKE2b-256, BLAKE3, ...) are already CycloneDX names. */
static int hash_alg(struct tplc_spdx_build *s, const char **dst,
                    const char *alg)
{
	if (strncmp(alg, "SHA", 3) == 0 && alg[3] >= '0' && alg[3] <= '9' &&
	    strchr(alg, '-') == NULL) {
		char *p =
		        tplx_arena_printf(s->b.sbom->arena, "SHA-%s", alg + 3);
		*dst = p;
		return p == NULL ? nomem(s) : 0;
	}
	return tplc_sbom_build_str(&s->b, dst, alg);
}

static int checksums(struct tplc_spdx_build *s, struct tplc_component *c,
                     const struct tplc_spdx_package *pkg)
{
	size_t i;
	int error;

	error = tplc_sbom_build_array(&s->b, &c->hashes, pkg->checksum_count,
	                              sizeof(*c->hashes));
	for (i = 0; error == 0 && i < pkg->checksum_count; i++) {
		struct tplc_hash *h = &c->hashes[i];
		char *q;

		error = hash_alg(s, &h->alg, pkg->checksums[i].algorithm);
		if (error == 0)
			error = tplc_sbom_build_str(&s->b, &h->value,
			                            pkg->checksums[i].value);
		for (q = (char *)h->value; error == 0 && q && *q; q++)
			if (*q >= 'A' && *q <= 'F')
				*q = (char)(*q - 'A' + 'a');
	}
	if (error == 0)
		c->hash_count = pkg->checksum_count;
	return error;
}

/* purl from referenceType purl, CPE from cpe23Type (else cpe22Type). */
static int external_refs(struct tplc_spdx_build *s, struct tplc_component *c,
                         const struct tplc_spdx_package *pkg)
{
	const char *purl = NULL, *cpe23 = NULL, *cpe22 = NULL;
	size_t i;
	int error;

	for (i = 0; i < pkg->ref_count; i++) {
		const char *type = pkg->refs[i].type;
		const char *locator = pkg->refs[i].locator;

		if (type == NULL || locator == NULL)
			continue;
		if (purl == NULL && strcmp(type, "purl") == 0)
			purl = locator;
		else if (cpe23 == NULL && strcmp(type, "cpe23Type") == 0)
			cpe23 = locator;
		else if (cpe22 == NULL && strcmp(type, "cpe22Type") == 0)
			cpe22 = locator;
	}
	error = tplc_sbom_build_str(&s->b, &c->purl, purl);
	if (error == 0)
		error = tplc_sbom_build_str(&s->b, &c->cpe,
		                            cpe23 ? cpe23 : cpe22);
	return error;
}

/* "OPERATING-SYSTEM" -> "operating-system", as CycloneDX names types. */
static int purpose(struct tplc_spdx_build *s, struct tplc_component *c,
                   const char *value)
{
	char *p;

	if (tplc_sbom_build_str(&s->b, &c->type, value) != 0)
		return TPLC_ENOMEM;
	for (p = (char *)c->type; p != NULL && *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		else if (*p == '_')
			*p = '-';
	}
	return 0;
}

int tplc_spdx_build_package(struct tplc_spdx_build *s,
                            const struct tplc_spdx_package *pkg, size_t *index)
{
	const char *supplier, *license;
	struct tplc_component c;
	size_t len, at;
	int error;

	memset(&c, 0, sizeof(c));
	supplier =
	        party_name(tplc_spdx_no_value(pkg->supplier) ? pkg->originator
	                                                     : pkg->supplier,
	                   &len);
	license = tplc_spdx_no_value(pkg->license_concluded)
	                  ? (tplc_spdx_no_value(pkg->license_declared)
	                             ? NULL
	                             : pkg->license_declared)
	                  : pkg->license_concluded;
	error = tplc_sbom_build_str(&s->b, &c.ref, pkg->id);
	if (error == 0)
		error = tplc_sbom_build_str(&s->b, &c.name, pkg->name);
	if (error == 0)
		error = tplc_sbom_build_str(&s->b, &c.version, pkg->version);
	if (error == 0)
		error = tplc_sbom_build_strn(&s->b, &c.supplier, supplier, len);
	if (error == 0)
		error = tplc_sbom_build_str(&s->b, &c.license, license);
	if (error == 0)
		error = purpose(s, &c, pkg->purpose);
	if (error == 0)
		error = checksums(s, &c, pkg);
	if (error == 0)
		error = external_refs(s, &c, pkg);
	if (error == 0)
		error = tplc_sbom_build_component(&s->b, &at);
	if (error == 0)
		s->b.components[at] = c;
	if (error == 0 && index != NULL)
		*index = at;
	return error;
}

/* SPDXIDs name one element each. */
static int compare_refs(const void *a, const void *b)
{
	const struct tplc_component *x =
	        *(const struct tplc_component *const *)a;
	const struct tplc_component *y =
	        *(const struct tplc_component *const *)b;
	int c = strcmp(x->ref ? x->ref : "", y->ref ? y->ref : "");

	return c != 0 ? c : (x < y ? -1 : x > y);
}

int tplc_spdx_build_check_ids(struct tplc_spdx_build *s, size_t *duplicate)
{
	size_t i, n = s->b.component_count;

	tplx_free(s->by_id);
	s->by_id = NULL;
	if (n == 0)
		return 0;
	s->by_id = tplx_reallocarray(NULL, n, sizeof(*s->by_id));
	if (s->by_id == NULL)
		return nomem(s);
	for (i = 0; i < n; i++)
		s->by_id[i] = &s->b.components[i];
	qsort(s->by_id, n, sizeof(*s->by_id), compare_refs);
	for (i = 1; i < n; i++)
		if (tplx_streq(s->by_id[i]->ref, s->by_id[i - 1]->ref)) {
			*duplicate = (size_t)(s->by_id[i] - s->b.components);
			return TPLC_EPARSE;
		}
	return 0;
}

/* ---- relationships and subject -------------------------------------------- */

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

int tplc_spdx_build_relationship(struct tplc_spdx_build *s, const char *from,
                                 const char *type, const char *to)
{
	struct tplc_spdx_edge *e;
	enum edge_kind kind = EDGE_DEPENDS;
	int dir, error;

	if (type == NULL || tplc_spdx_no_value(from) || tplc_spdx_no_value(to))
		return 0;
	dir = direction(type);
	if (strcmp(type, "DESCRIBES") == 0) {
		kind = EDGE_DESCRIBES;
		dir = 1;
	} else if (strcmp(type, "DESCRIBED_BY") == 0) {
		kind = EDGE_DESCRIBES;
		dir = -1;
	}
	if (dir == 0)
		return 0;
	error = reserve(s, &s->edges, s->edge_count, &s->edge_cap,
	                sizeof(*s->edges));
	if (error != 0)
		return error;
	e = &s->edges[s->edge_count];
	e->kind = kind;
	e->seq = s->edge_count;
	error = tplc_sbom_build_str(&s->b, &e->from, dir > 0 ? from : to);
	if (error == 0)
		error = tplc_sbom_build_str(&s->b, &e->to, dir > 0 ? to : from);
	if (error == 0)
		s->edge_count++;
	return error;
}

static int compare_edges(const void *a, const void *b)
{
	const struct tplc_spdx_edge *x = a, *y = b;
	int c = strcmp(x->from, y->from);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Group the dependency edges by source, sources in name order; the
 * document containing its elements is not a dependency. */
static int group_edges(struct tplc_spdx_build *s)
{
	struct tplc_spdx_edge *edges = s->edges;
	size_t i, j, k, n = 0, index;
	int error = 0;

	for (i = 0; i < s->edge_count; i++)
		if (edges[i].kind == EDGE_DEPENDS &&
		    !tplx_streq(edges[i].from, s->document_id))
			edges[n++] = edges[i];
	if (n == 0)
		return 0;
	qsort(edges, n, sizeof(*edges), compare_edges);
	i = 0;
	while (error == 0 && i < n) {
		struct tplc_dependency d;

		for (j = i; j < n && strcmp(edges[j].from, edges[i].from) == 0;
		     j++)
			;
		memset(&d, 0, sizeof(d));
		d.ref = edges[i].from; /* already in the arena */
		error = tplc_sbom_build_array(&s->b, &d.depends_on, j - i,
		                              sizeof(*d.depends_on));
		for (k = i; error == 0 && k < j; k++)
			d.depends_on[k - i] = edges[k].to;
		d.count = j - i;
		if (error == 0)
			error = tplc_sbom_build_dependency(&s->b, &index);
		if (error == 0)
			s->b.dependencies[index] = d;
		i = j;
	}
	return error;
}

static int compare_id(const void *key, const void *item)
{
	const char *ref = (*(const struct tplc_component *const *)item)->ref;

	return strcmp(key, ref ? ref : "");
}

static const struct tplc_component *find_package(struct tplc_spdx_build *s,
                                                 const char *id)
{
	const struct tplc_component *const *found;

	if (id == NULL || s->by_id == NULL)
		return NULL;
	found = bsearch(id, s->by_id, s->b.component_count, sizeof(*s->by_id),
	                compare_id);
	return found ? *found : NULL;
}

/* The first package documentDescribes names is the subject, else the
 * first the document DESCRIBES. */
static void subject(struct tplc_spdx_build *s)
{
	const struct tplc_component *c = NULL;
	size_t i;

	for (i = 0; c == NULL && i < s->describes_count; i++)
		c = find_package(s, s->describes[i]);
	for (i = 0; c == NULL && i < s->edge_count; i++)
		if (s->edges[i].kind == EDGE_DESCRIBES &&
		    tplx_streq(s->edges[i].from, s->document_id))
			c = find_package(s, s->edges[i].to);
	if (c == NULL)
		return;
	/* already in the arena: share, do not copy */
	s->b.sbom->subject_name = c->name;
	s->b.sbom->subject_version = c->version;
	s->b.sbom->subject_supplier = c->supplier;
}

int tplc_spdx_build_finish(struct tplc_spdx_build *s, struct tplc_sbom **out)
{
	size_t duplicate;
	int error = 0;

	*out = NULL;
	if (s->by_id == NULL)
		error = tplc_spdx_build_check_ids(s, &duplicate);
	if (error == TPLC_EPARSE)
		error = 0; /* the caller chose not to check */
	if (error == 0)
		error = tplc_sbom_build_str(&s->b, &s->b.sbom->author,
		                            tplx_buf_str(&s->author));
	if (error == 0)
		subject(s); /* before group_edges reorders the edges */
	if (error == 0)
		error = group_edges(s);
	if (error != 0) {
		tplc_spdx_build_abort(s);
		return error;
	}
	release(s);
	return tplc_sbom_build_finish(&s->b, out);
}
