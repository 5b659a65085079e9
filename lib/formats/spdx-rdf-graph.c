/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The RDF layer of the SPDX RDF/XML reader (spdx-rdf.h).  RDF/XML is a
 * graph, not a tree: a node (spdx:Package, spdx:Relationship,
 * spdx:Checksum, ...) may be written inline where it is used, at the top
 * level, or in several descriptions that share one rdf:about, and a
 * property may point at it by rdf:resource or rdf:nodeID instead.  So
 * every node element is collected first and indexed by the SPDX id its
 * rdf:about (or rdf:ID) names ("DOC#SPDXRef-x" -> "SPDXRef-x") and by its
 * rdf:nodeID; objects, types and properties are then read through that
 * index, across all descriptions of a node.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats/spdx-rdf.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/xml.h"

int tplc_spdx_rdf__nomem(struct rx *x)
{
	return tplc_error_set(x->err, TPLC_ENOMEM, "out of memory");
}

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

/* An rdf: attribute, copied into the document's arena (NULL: absent). */
int tplc_spdx_rdf__attr(struct rx *x, const xmlNode *el, const char *name,
                        const char **out)
{
	xmlChar *value;

	*out = NULL;
	if (xmlHasNsProp(el, (const xmlChar *)name, (const xmlChar *)RDF_NS) ==
	    NULL)
		return 0;
	value = xmlGetNsProp(el, (const xmlChar *)name,
	                     (const xmlChar *)RDF_NS);
	if (value == NULL)
		return tplc_spdx_rdf__nomem(x);
	*out = tplx_arena_strdup(x->doc->arena, trim((const char *)value));
	xmlFree(value);
	return *out == NULL ? tplc_spdx_rdf__nomem(x) : 0;
}

static bool rdf_has(const xmlNode *el, const char *name, const char *value)
{
	xmlAttr *a = xmlHasNsProp(el, (const xmlChar *)name,
	                          (const xmlChar *)RDF_NS);
	xmlChar *v;
	bool same;

	if (a == NULL)
		return false;
	v = xmlNodeListGetString(el->doc, a->children, 1);
	same = v != NULL && strcmp((const char *)v, value) == 0;
	xmlFree(v);
	return same;
}

int tplc_spdx_rdf__text_of(struct rx *x, const xmlNode *el, const char **out)
{
	int error = tplx_xml_text(x->doc, el, out, x->err);

	*out = trim(*out);
	return error;
}

/* ---- the index ----------------------------------------------------------- */

static int add_node(struct rx *x, const xmlNode *el, bool typed)
{
	struct node *n;
	const char *rdf_id;
	int error;

	if (x->count == SPDX_RDF_NODES_MAX)
		return tplx_xml_fail_code(x->doc, el, NULL, x->err, TPLC_ELIMIT,
		                          "more than %zu RDF nodes",
		                          SPDX_RDF_NODES_MAX);
	if (x->count == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 64;
		struct node *v =
		        tplx_reallocarray(x->nodes, cap, sizeof(*x->nodes));

		if (v == NULL)
			return tplc_spdx_rdf__nomem(x);
		x->nodes = v;
		x->cap = cap;
	}
	n = &x->nodes[x->count];
	memset(n, 0, sizeof(*n));
	n->el = el;
	n->seq = x->count;
	n->typed = typed;
	error = typed ? tplc_spdx_rdf__attr(x, el, "about", &n->about) : 0;
	if (error == 0 && typed && n->about == NULL) {
		error = tplc_spdx_rdf__attr(x, el, "ID", &rdf_id);
		if (error == 0 && rdf_id != NULL) {
			n->about =
			        tplx_arena_printf(x->doc->arena, "#%s", rdf_id);
			if (n->about == NULL)
				error = tplc_spdx_rdf__nomem(x);
		}
	}
	if (error == 0 && typed)
		error = tplc_spdx_rdf__attr(x, el, "nodeID", &n->node_id);
	if (error == 0)
		x->count++;
	return error;
}

/* A property element: its object is a child node element, or itself
 * (parseType="Resource"), or a reference read later. */
static int collect_property(struct rx *x, const xmlNode *p, int depth)
{
	const xmlNode *c;
	int error = 0;

	if (rdf_has(p, "parseType", "Literal"))
		return 0;
	if (rdf_has(p, "parseType", "Resource")) {
		error = add_node(x, p, false);
		for (c = tplx_xml_child(p, NULL, NULL); error == 0 && c;
		     c = tplx_xml_next(c, NULL, NULL))
			error = collect_property(x, c, depth + 1);
		return error;
	}
	for (c = tplx_xml_child(p, NULL, NULL); error == 0 && c != NULL;
	     c = tplx_xml_next(c, NULL, NULL))
		error = tplc_spdx_rdf__collect_node(x, c, depth + 1);
	return error;
}

int tplc_spdx_rdf__collect_node(struct rx *x, const xmlNode *el, int depth)
{
	const xmlNode *p;
	int error;

	if (depth > SPDX_RDF_DEPTH_MAX)
		return tplx_xml_fail_code(x->doc, el, NULL, x->err, TPLC_ELIMIT,
		                          "nested deeper than %d elements",
		                          SPDX_RDF_DEPTH_MAX);
	error = add_node(x, el, true);
	for (p = tplx_xml_child(el, NULL, NULL); error == 0 && p != NULL;
	     p = tplx_xml_next(p, NULL, NULL))
		error = collect_property(x, p, depth + 1);
	return error;
}

/* "DOC#SPDXRef-x" -> "SPDXRef-x" when DOC is this document (or
 * empty); other URIs stay whole. */
const char *tplc_spdx_rdf__local_id(const struct rx *x, const char *uri)
{
	const char *hash = uri ? strrchr(uri, '#') : NULL;
	size_t len;

	if (hash == NULL)
		return uri;
	len = (size_t)(hash - uri);
	if (len == 0 || (x->ns != NULL && strlen(x->ns) == len &&
	                 strncmp(uri, x->ns, len) == 0))
		return hash + 1;
	return uri;
}

static int compare_key(const void *a, const void *b)
{
	const struct node *x = *(const struct node *const *)a;
	const struct node *y = *(const struct node *const *)b;
	int c;

	if ((x->id == NULL) != (y->id == NULL))
		return x->id == NULL ? 1 : -1;
	c = x->id ? strcmp(x->id, y->id) : 0;
	if (c == 0 && (x->node_id == NULL) != (y->node_id == NULL))
		c = x->node_id == NULL ? 1 : -1;
	if (c == 0 && x->node_id != NULL)
		c = strcmp(x->node_id, y->node_id);
	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int compare_el(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)(*(const struct node *const *)a)->el;
	uintptr_t y = (uintptr_t)(*(const struct node *const *)b)->el;

	return x < y ? -1 : x > y;
}

static bool same_key(const struct node *a, const struct node *b)
{
	if (a->id != NULL || b->id != NULL)
		return tplx_streq(a->id, b->id);
	return a->node_id != NULL && tplx_streq(a->node_id, b->node_id);
}

/* Sort the index and give every node its group of descriptions. */
int tplc_spdx_rdf__index_nodes(struct rx *x)
{
	size_t i, j;

	x->by_key = tplx_reallocarray(NULL, x->count ? x->count : 1,
	                              sizeof(*x->by_key));
	x->by_el = tplx_reallocarray(NULL, x->count ? x->count : 1,
	                             sizeof(*x->by_el));
	if (x->by_key == NULL || x->by_el == NULL)
		return tplc_spdx_rdf__nomem(x);
	for (i = 0; i < x->count; i++) {
		struct node *n = &x->nodes[i];

		n->self = n;
		n->group = &n->self;
		n->group_count = 1;
		n->id = tplc_spdx_rdf__local_id(x, n->about);
		x->by_key[i] = x->by_el[i] = n;
	}
	qsort(x->by_key, x->count, sizeof(*x->by_key), compare_key);
	qsort(x->by_el, x->count, sizeof(*x->by_el), compare_el);
	for (i = 0; i < x->count; i = j) {
		for (j = i + 1;
		     j < x->count && same_key(x->by_key[i], x->by_key[j]); j++)
			;
		if (x->by_key[i]->id == NULL && x->by_key[i]->node_id == NULL)
			j = i + 1;
		for (size_t k = i; k < j; k++) {
			x->by_key[k]->group = &x->by_key[i];
			x->by_key[k]->group_count = j - i;
		}
	}
	return 0;
}

static struct node *by_element(const struct rx *x, const xmlNode *el)
{
	size_t lo = 0, hi = x->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uintptr_t m = (uintptr_t)x->by_el[mid]->el;

		if (m == (uintptr_t)el)
			return x->by_el[mid];
		if (m < (uintptr_t)el)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The first description of the node named by id or nodeID. */
static struct node *by_name(const struct rx *x, const char *id,
                            const char *node_id)
{
	struct node key, *k = &key;
	size_t lo = 0, hi = x->count;

	memset(&key, 0, sizeof(key));
	key.id = id;
	key.node_id = id ? NULL : node_id;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (compare_key(&x->by_key[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->count && same_key(x->by_key[lo], &key))
		return x->by_key[lo];
	return NULL;
}

/* The node a property element points at, or NULL (a literal, or a URI
 * described nowhere in the document). */
int tplc_spdx_rdf__object(struct rx *x, const xmlNode *p, struct node **out)
{
	const xmlNode *c = tplx_xml_child(p, NULL, NULL);
	const char *ref;
	int error;

	*out = NULL;
	if (rdf_has(p, "parseType", "Resource")) {
		*out = by_element(x, p);
		return 0;
	}
	if (c != NULL) {
		*out = by_element(x, c);
		return 0;
	}
	error = tplc_spdx_rdf__attr(x, p, "resource", &ref);
	if (error == 0 && ref != NULL) {
		*out = by_name(x, tplc_spdx_rdf__local_id(x, ref), NULL);
		return 0;
	}
	if (error == 0)
		error = tplc_spdx_rdf__attr(x, p, "nodeID", &ref);
	if (error == 0 && ref != NULL)
		*out = by_name(x, NULL, ref);
	return error;
}

/* An rdf:type child of el names spdx:name. */
bool tplc_spdx_rdf__has_type(const xmlNode *el, const char *name)
{
	const xmlNode *t;

	for (t = tplx_xml_child(el, RDF_NS, "type"); t != NULL;
	     t = tplx_xml_next(t, RDF_NS, "type")) {
		xmlChar *v = xmlGetNsProp(t, (const xmlChar *)"resource",
		                          (const xmlChar *)RDF_NS);
		bool same =
		        v != NULL &&
		        tplx_starts_with((const char *)v, SPDX_NS) &&
		        strcmp((const char *)v + strlen(SPDX_NS), name) == 0;

		xmlFree(v);
		if (same)
			return true;
	}
	return false;
}

/* Is n (any of its descriptions) of type spdx:name? */
bool tplc_spdx_rdf__is_a(const struct node *n, const char *name)
{
	size_t i;

	for (i = 0; n != NULL && i < n->group_count; i++) {
		const struct node *d = n->group[i];

		if ((d->typed && tplx_xml_is(d->el, SPDX_NS, name)) ||
		    tplc_spdx_rdf__has_type(d->el, name))
			return true;
	}
	return false;
}

/* The next spdx:name property of n after prev (NULL: the first),
 * across all its descriptions. */
const xmlNode *tplc_spdx_rdf__prop(const struct node *n, const char *name,
                                   const xmlNode *prev)
{
	size_t i = 0;
	const xmlNode *p;

	if (n == NULL)
		return NULL;
	if (prev != NULL) {
		p = tplx_xml_next(prev, SPDX_NS, name);
		if (p != NULL)
			return p;
		while (i < n->group_count && n->group[i]->el != prev->parent)
			i++;
		i++;
	}
	for (; i < n->group_count; i++) {
		p = tplx_xml_child(n->group[i]->el, SPDX_NS, name);
		if (p != NULL)
			return p;
	}
	return NULL;
}

/* A property's value: its text, or the URI it points at. */
int tplc_spdx_rdf__value_of(struct rx *x, const xmlNode *p, const char **out)
{
	int error;

	*out = NULL;
	if (p == NULL)
		return 0;
	error = tplc_spdx_rdf__attr(x, p, "resource", out);
	if (error == 0 && *out == NULL)
		error = tplc_spdx_rdf__text_of(x, p, out);
	if (error == 0 && tplx_streq(*out, NOASSERTION))
		*out = "NOASSERTION";
	else if (error == 0 && tplx_streq(*out, NONE))
		*out = "NONE";
	return error;
}

/* ---- enumerations -------------------------------------------------------- */

/* "...#relationshipType_dependsOn" with prefix "relationshipType_" and
 * sep '_' -> "DEPENDS_ON"; a value without the prefix stays as it is. */
int tplc_spdx_rdf__enum_name(struct rx *x, const char *value,
                             const char *prefix, char sep, const char **out)
{
	const char *s = value ? strstr(value, prefix) : NULL;
	struct tplx_buf b = TPLX_BUF_INIT(256);
	int error = 0;

	*out = value;
	if (s == NULL)
		return 0;
	for (s += strlen(prefix); error == 0 && *s != '\0'; s++) {
		if (*s >= 'A' && *s <= 'Z')
			error = tplx_buf_addc(&b, sep);
		if (error == 0)
			error = tplx_buf_addc(&b,
			                      *s >= 'a' && *s <= 'z'
			                              ? (char)(*s - 'a' + 'A')
			                              : *s);
	}
	if (error == 0)
		*out = tplx_arena_strdup(x->doc->arena, tplx_buf_str(&b));
	tplx_buf_release(&b);
	if (error == TPLC_ELIMIT)
		*out = value; /* not a name of the vocabulary: kept whole */
	else if (error != 0 || *out == NULL)
		return tplc_spdx_rdf__nomem(x);
	return 0;
}
