/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLX_XML_H
#define TPLX_XML_H

/*
 * The one XML walk every XML document parser shares, on libxml2.  Input
 * is untrusted: the network, DTD loading and entity substitution stay
 * off, so a document can neither fetch nor expand anything.  Elements are
 * found by local name and namespace URI, never by prefix.  A parser that
 * dislikes an element reports "file:line: /bom/components/component[3]/
 * version: reason" through tplx_xml_fail without tracking positions.
 */

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "tplc/error.h"

struct tplx_arena;

/* Larger documents are refused (TPLC_ELIMIT) before parsing. */
#define TPLX_XML_MAX ((size_t)256 << 20)

struct tplx_xml_doc {
	xmlDoc *xml;
	struct tplx_arena *arena; /* texts and attributes handed out */
	const char *source;       /* name used in errors, borrowed */
};

/*
 * Parse len bytes of text.  source names the input in errors and must
 * outlive the document, which the caller frees with tplx_xml_doc_free.
 */
int tplx_xml_parse(struct tplx_xml_doc **out, const char *text, size_t len,
                   const char *source, struct tplc_error *err);
void tplx_xml_doc_free(struct tplx_xml_doc *doc);

/* The root element. */
const xmlNode *tplx_xml_root(const struct tplx_xml_doc *doc);
/* The element's namespace URI, or NULL. */
const char *tplx_xml_ns(const xmlNode *node);
/* node is an element named name in namespace ns (NULL: no namespace). */
bool tplx_xml_is(const xmlNode *node, const char *ns, const char *name);
/* First child element named name in ns (name NULL: any element). */
const xmlNode *tplx_xml_child(const xmlNode *parent, const char *ns,
                              const char *name);
/* The next sibling element after prev named name in ns (NULL: any). */
const xmlNode *tplx_xml_next(const xmlNode *prev, const char *ns,
                             const char *name);
/* How many child elements named name in ns. */
size_t tplx_xml_count(const xmlNode *parent, const char *ns, const char *name);

/*
 * The element's text content (CDATA included, "" when empty) or an
 * attribute's value (NULL when absent), copied into the document's arena.
 * Fail only for lack of memory.
 */
int tplx_xml_text(const struct tplx_xml_doc *doc, const xmlNode *node,
                  const char **out, struct tplc_error *err);
int tplx_xml_attr(const struct tplx_xml_doc *doc, const xmlNode *node,
                  const char *name, const char **out, struct tplc_error *err);

/*
 * "/bom/components/component[3]/version": element names with a 1-based
 * index where siblings share the name; "/@type" is appended when attr is
 * not NULL.
 */
char *tplx_xml_path(const xmlNode *node, const char *attr, char *buf,
                    size_t size);

/*
 * Record an error of code located at node (its line; the document start
 * when node is NULL), with node's path (and attr's) and return code.
 * tplx_xml_fail records TPLC_EPARSE.
 */
int tplx_xml_fail_code(const struct tplx_xml_doc *doc, const xmlNode *node,
                       const char *attr, struct tplc_error *err, int code,
                       const char *fmt, ...) TPLC_PRINTF(6, 7);
int tplx_xml_fail(const struct tplx_xml_doc *doc, const xmlNode *node,
                  const char *attr, struct tplc_error *err, const char *fmt,
                  ...) TPLC_PRINTF(5, 6);

/*
 * Several values at once, from a table, as tplx_json_fields does:
 *
 *	const char *ref, *name;
 *	const xmlNode *hashes;
 *	const struct tplx_xml_field fields[] = {
 *		TPLX_XML_ATTR("bom-ref", &ref, false),
 *		TPLX_XML_TEXT("name", &name, true),
 *		TPLX_XML_NODE("hashes", &hashes, false),
 *	};
 *	error = tplx_xml_fields(doc, elem, ns, fields,
 *				TPLX_XML_FIELDS_COUNT(fields), err);
 *
 * Child elements are looked up in namespace ns.  Each output is set (NULL
 * when absent) before the first error, which is the first missing
 * required value in table order.
 */
enum tplx_xml_kind {
	TPLX_XML_KIND_ATTR,    /* an attribute's value */
	TPLX_XML_KIND_TEXT,    /* a child element's text */
	TPLX_XML_KIND_ELEMENT, /* a child element */
};

struct tplx_xml_field {
	const char *name;
	enum tplx_xml_kind kind;
	bool required;
	const char **string;  /* ATTR and TEXT */
	const xmlNode **node; /* ELEMENT */
};

#define TPLX_XML_ATTR(name, out, required)                          \
	{                                                           \
		(name), TPLX_XML_KIND_ATTR, (required), (out), NULL \
	}
#define TPLX_XML_TEXT(name, out, required)                          \
	{                                                           \
		(name), TPLX_XML_KIND_TEXT, (required), (out), NULL \
	}
#define TPLX_XML_NODE(name, out, required)                             \
	{                                                              \
		(name), TPLX_XML_KIND_ELEMENT, (required), NULL, (out) \
	}
#define TPLX_XML_FIELDS_COUNT(fields) (sizeof(fields) / sizeof((fields)[0]))

int tplx_xml_fields(const struct tplx_xml_doc *doc, const xmlNode *node,
                    const char *ns, const struct tplx_xml_field *fields,
                    size_t count, struct tplc_error *err);

#endif
