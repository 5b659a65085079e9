/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_SPDX_RDF_H
#define TPLC_FORMATS_SPDX_RDF_H

/*
 * Private to the SPDX RDF/XML reader: spdx-rdf-graph.c is the RDF layer
 * (node elements collected and indexed by rdf:about / rdf:ID / rdf:nodeID,
 * objects resolved, properties read across every description of a node),
 * spdx-rdf-license.c turns license nodes and sets into expressions, and
 * spdx-rdf.c reads what they mean in SPDX (packages, relationships, the
 * document) into spdx-build.c.
 *
 * Functions returning int give 0 or a negative TPLC_E* with x->err set.
 */

#include <stdbool.h>
#include <stddef.h>

#include "formats/spdx-build.h"
#include "tplc/error.h"
#include "util/xml.h"

#define SPDX_NS     "http://spdx.org/rdf/terms#"
#define RDF_NS      "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define LICENSES    "http://spdx.org/licenses/"
#define REF_TYPES   "http://spdx.org/rdf/references/"
#define NOASSERTION SPDX_NS "noassertion"
#define NONE        SPDX_NS "none"

/* More node elements in a document are refused (TPLC_ELIMIT). */
#define SPDX_RDF_NODES_MAX ((size_t)1 << 20)
/* More checksums, external refs or set members in one node. */
#define SPDX_RDF_LIST_MAX 4096
/* Element nesting, and license sets nested through references. */
#define SPDX_RDF_DEPTH_MAX 256
/* A license expression built from sets is at most this long. */
#define SPDX_RDF_LICENSE_MAX 8192

struct node {
	const xmlNode *el;   /* the node element (or parseType="Resource") */
	const char *about;   /* rdf:about, "#" rdf:ID, or NULL (blank) */
	const char *node_id; /* rdf:nodeID */
	const char *id;      /* what about names in this document */
	bool typed; /* el is named by the node's type (not a property) */
	struct node *self;
	struct node **group; /* every description of the same node */
	size_t group_count;
	size_t seq; /* document order */
};

struct external {
	const char *uri;  /* spdx:spdxDocument */
	const char *name; /* "DocumentRef-x" */
};

struct rx {
	const struct tplx_xml_doc *doc;
	struct tplc_error *err;
	struct tplc_spdx_build s;
	struct node *nodes;
	size_t count, cap;
	struct node **by_key; /* by id, then by nodeID, then by seq */
	struct node **by_el;  /* by element address */
	const char *ns;       /* document namespace, without "#" */
	struct external *ext;
	size_t ext_count;
};

/* ---- the graph (spdx-rdf-graph.c) ---------------------------------------- */

int tplc_spdx_rdf__nomem(struct rx *x);

/* An rdf: attribute, copied into the document's arena (NULL: absent). */
int tplc_spdx_rdf__attr(struct rx *x, const xmlNode *el, const char *name,
                        const char **out);

/* An element's text, trimmed. */
int tplc_spdx_rdf__text_of(struct rx *x, const xmlNode *el, const char **out);

/* Add el and every node element written inside it to x->nodes. */
int tplc_spdx_rdf__collect_node(struct rx *x, const xmlNode *el, int depth);

/* Sort the index and give every node its group of descriptions (after
 * x->ns is known). */
int tplc_spdx_rdf__index_nodes(struct rx *x);

/* "DOC#SPDXRef-x" -> "SPDXRef-x" when DOC is this document (or
 * empty); other URIs stay whole. */
const char *tplc_spdx_rdf__local_id(const struct rx *x, const char *uri);

/* The node a property element points at, or NULL (a literal, or a URI
 * described nowhere in the document). */
int tplc_spdx_rdf__object(struct rx *x, const xmlNode *p, struct node **out);

/* An rdf:type child of el names spdx:name. */
bool tplc_spdx_rdf__has_type(const xmlNode *el, const char *name);

/* Is n (any of its descriptions) of type spdx:name? */
bool tplc_spdx_rdf__is_a(const struct node *n, const char *name);

/* The next spdx:name property of n after prev (NULL: the first),
 * across all its descriptions. */
const xmlNode *tplc_spdx_rdf__prop(const struct node *n, const char *name,
                                   const xmlNode *prev);

/* A property's value: its text, or the URI it points at. */
int tplc_spdx_rdf__value_of(struct rx *x, const xmlNode *p, const char **out);

/* "...#relationshipType_dependsOn" with prefix "relationshipType_" and
 * sep '_' -> "DEPENDS_ON"; a value without the prefix stays as it is. */
int tplc_spdx_rdf__enum_name(struct rx *x, const char *value,
                             const char *prefix, char sep, const char **out);

/* ---- licenses (spdx-rdf-license.c) --------------------------------------- */

/* The license a property names: a URI, an inline node, or text. */
int tplc_spdx_rdf__license_prop(struct rx *x, const xmlNode *p, int depth,
                                const char **out);

#endif
