/* SPDX-License-Identifier: Apache-2.0 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "alloc.h"
#include "arena.h"
#include "xml.h"

/*
 * No XML_PARSE_NOENT (entities stay references), no DTDLOAD or DTDATTR
 * (nothing is fetched), NONET for good measure, no HUGE (libxml2's own
 * depth and text limits stay on).  Errors are taken from the context, not
 * printed.
 */
#define PARSE_OPTIONS \
	(XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

static int nomem(struct tplc_error *err)
{
	return tplc_error_set(err, TPLC_ENOMEM, "out of memory");
}

/*
 * The first error is the one to report: after it libxml2 goes on to
 * complain about the consequences ("Premature end of data").  The
 * handler is the context's own (sax->serror), not a global one.
 */
struct first_error {
	bool seen;
	xmlError error; /* message and file are not kept */
	char message[TPLC_ERROR_MESSAGE_MAX];
};

static void keep_first(void *data, xmlErrorPtr e)
{
	xmlParserCtxt *ctxt = data;
	struct first_error *first = ctxt->_private;

	if (first == NULL || first->seen || e == NULL ||
	    e->level < XML_ERR_ERROR)
		return;
	first->seen = true;
	first->error = *e;
	snprintf(first->message, sizeof(first->message), "%s",
	         e->message ? e->message : "not well-formed XML");
	first->error.message = first->message;
	first->error.file = NULL;
	first->error.str1 = first->error.str2 = first->error.str3 = NULL;
}

/* libxml2's message without its trailing newline. */
static int parse_error(xmlParserCtxt *ctxt, const char *source,
                       struct tplc_error *err)
{
	const struct first_error *first = ctxt->_private;
	const xmlError *e = first != NULL && first->seen
	                            ? &first->error
	                            : xmlCtxtGetLastError(ctxt);
	char message[TPLC_ERROR_MESSAGE_MAX];
	size_t n;

	if (e == NULL || e->message == NULL)
		return tplc_error_set_at(err, TPLC_EPARSE, source, 1, 1, NULL,
		                         "not well-formed XML");
	if (e->domain == XML_FROM_MEMORY || e->code == XML_ERR_NO_MEMORY)
		return nomem(err);
	snprintf(message, sizeof(message), "%s", e->message);
	n = strlen(message);
	while (n > 0 && (message[n - 1] == '\n' || message[n - 1] == ' '))
		message[--n] = '\0';
	return tplc_error_set_at(err, TPLC_EPARSE, source,
	                         e->line > 0 ? (unsigned long)e->line : 1,
	                         e->int2 > 0 ? (unsigned long)e->int2 : 0, NULL,
	                         "%s", message);
}

int tplx_xml_parse(struct tplx_xml_doc **out, const char *text, size_t len,
                   const char *source, struct tplc_error *err)
{
	struct tplx_xml_doc *doc = NULL;
	xmlParserCtxt *ctxt = NULL;
	struct first_error first;
	const char *name = source ? source : "(input)";
	int error = 0;

	*out = NULL;
	if (len > TPLX_XML_MAX)
		return tplc_error_set_at(err, TPLC_ELIMIT, name, 0, 0, NULL,
		                         "XML document larger than %zu bytes",
		                         TPLX_XML_MAX);
	doc = tplx_calloc(1, sizeof(*doc));
	if (doc == NULL)
		return nomem(err);
	doc->source = name;
	doc->arena = tplx_arena_new();
	ctxt = xmlNewParserCtxt();
	if (doc->arena == NULL || ctxt == NULL) {
		error = nomem(err);
		goto out;
	}
	memset(&first, 0, sizeof(first));
	ctxt->_private = &first;
	ctxt->sax->serror = keep_first;
	doc->xml = xmlCtxtReadMemory(ctxt, text, (int)len, NULL, NULL,
	                             PARSE_OPTIONS);
	if (doc->xml == NULL || !ctxt->wellFormed) {
		error = parse_error(ctxt, name, err);
		goto out;
	}
	/* An internal subset may declare entities that expand on reading:
	 * no SBOM needs one. */
	if (doc->xml->intSubset != NULL) {
		error = tplc_error_set_at(err, TPLC_EPARSE, name, 1, 0, NULL,
		                          "a DOCTYPE is not accepted");
		goto out;
	}
	if (xmlDocGetRootElement(doc->xml) == NULL) {
		error = tplc_error_set_at(err, TPLC_EPARSE, name, 1, 1, NULL,
		                          "no root element");
		goto out;
	}
out:
	if (ctxt != NULL) {
		ctxt->_private = NULL;
		xmlFreeParserCtxt(ctxt);
	}
	if (error != 0) {
		tplx_xml_doc_free(doc);
		return error;
	}
	*out = doc;
	return 0;
}

void tplx_xml_doc_free(struct tplx_xml_doc *doc)
{
	if (doc == NULL)
		return;
	if (doc->xml != NULL)
		xmlFreeDoc(doc->xml);
	tplx_arena_free(doc->arena);
	tplx_free(doc);
}

const xmlNode *tplx_xml_root(const struct tplx_xml_doc *doc)
{
	return xmlDocGetRootElement(doc->xml);
}

const char *tplx_xml_ns(const xmlNode *node)
{
	if (node == NULL || node->ns == NULL)
		return NULL;
	return (const char *)node->ns->href;
}

bool tplx_xml_is(const xmlNode *node, const char *ns, const char *name)
{
	const char *uri = tplx_xml_ns(node);

	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return false;
	if (name != NULL && strcmp((const char *)node->name, name) != 0)
		return false;
	if (ns == NULL)
		return uri == NULL;
	return uri != NULL && strcmp(uri, ns) == 0;
}

static const xmlNode *find_from(const xmlNode *n, const char *ns,
                                const char *name)
{
	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (name == NULL || tplx_xml_is(n, ns, name)))
			return n;
	return NULL;
}

const xmlNode *tplx_xml_child(const xmlNode *parent, const char *ns,
                              const char *name)
{
	return parent ? find_from(parent->children, ns, name) : NULL;
}

const xmlNode *tplx_xml_next(const xmlNode *prev, const char *ns,
                             const char *name)
{
	return prev ? find_from(prev->next, ns, name) : NULL;
}

size_t tplx_xml_count(const xmlNode *parent, const char *ns, const char *name)
{
	const xmlNode *n;
	size_t count = 0;

	for (n = tplx_xml_child(parent, ns, name); n != NULL;
	     n = tplx_xml_next(n, ns, name))
		count++;
	return count;
}

static int keep(const struct tplx_xml_doc *doc, xmlChar *value,
                const char **out, struct tplc_error *err)
{
	*out = tplx_arena_strdup(doc->arena, (const char *)value);
	xmlFree(value);
	return *out == NULL ? nomem(err) : 0;
}

int tplx_xml_text(const struct tplx_xml_doc *doc, const xmlNode *node,
                  const char **out, struct tplc_error *err)
{
	xmlChar *value;

	*out = NULL;
	if (node == NULL)
		return 0;
	value = xmlNodeGetContent(node);
	if (value == NULL) {
		*out = "";
		return 0;
	}
	return keep(doc, value, out, err);
}

int tplx_xml_attr(const struct tplx_xml_doc *doc, const xmlNode *node,
                  const char *name, const char **out, struct tplc_error *err)
{
	xmlChar *value;

	*out = NULL;
	if (node == NULL || !xmlHasNsProp(node, (const xmlChar *)name, NULL))
		return 0;
	value = xmlGetNoNsProp(node, (const xmlChar *)name);
	if (value == NULL)
		return nomem(err);
	return keep(doc, value, out, err);
}

/* 1-based position among same-named siblings, 0 when it is alone. */
static size_t sibling_index(const xmlNode *node)
{
	const xmlNode *n;
	size_t before = 0, total = 0;

	if (node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
		return 0;
	for (n = node->parent->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || n->ns != node->ns ||
		    strcmp((const char *)n->name, (const char *)node->name) !=
		            0)
			continue;
		total++;
		if (n == node)
			before = total;
	}
	return total > 1 ? before : 0;
}

char *tplx_xml_path(const xmlNode *node, const char *attr, char *buf,
                    size_t size)
{
	const xmlNode *chain[64];
	size_t depth = 0, used = 0, i;
	int n;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	/* Deeper paths keep their innermost levels after "..." */
	for (; node != NULL && node->type == XML_ELEMENT_NODE;
	     node = node->parent) {
		if (depth == sizeof(chain) / sizeof(*chain)) {
			used = (size_t)snprintf(buf, size, "...");
			break;
		}
		chain[depth++] = node;
	}
	if (used >= size)
		return buf;
	for (i = depth; i-- > 0 && used < size;) {
		size_t index = sibling_index(chain[i]);

		if (index > 0)
			n = snprintf(buf + used, size - used, "/%s[%zu]",
			             (const char *)chain[i]->name, index);
		else
			n = snprintf(buf + used, size - used, "/%s",
			             (const char *)chain[i]->name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	if (attr != NULL && used < size)
		snprintf(buf + used, size - used, "/@%s", attr);
	return buf;
}

static int failv(const struct tplx_xml_doc *doc, const xmlNode *node,
                 const char *attr, struct tplc_error *err, int code,
                 const char *fmt, va_list ap) TPLC_PRINTF(6, 0);

static int failv(const struct tplx_xml_doc *doc, const xmlNode *node,
                 const char *attr, struct tplc_error *err, int code,
                 const char *fmt, va_list ap)
{
	char where[TPLC_ERROR_PATH_MAX];
	char message[TPLC_ERROR_MESSAGE_MAX];
	long line = 1;

	vsnprintf(message, sizeof(message), fmt, ap);
	if (node != NULL) {
		line = xmlGetLineNo(node);
		if (line < 1)
			line = 1;
	}
	tplx_xml_path(node, attr, where, sizeof(where));
	return tplc_error_set_at(err, code, doc->source, (unsigned long)line, 0,
	                         where[0] ? where : NULL, "%s", message);
}

int tplx_xml_fail_code(const struct tplx_xml_doc *doc, const xmlNode *node,
                       const char *attr, struct tplc_error *err, int code,
                       const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = failv(doc, node, attr, err, code, fmt, ap);
	va_end(ap);
	return error;
}

int tplx_xml_fail(const struct tplx_xml_doc *doc, const xmlNode *node,
                  const char *attr, struct tplc_error *err, const char *fmt,
                  ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = failv(doc, node, attr, err, TPLC_EPARSE, fmt, ap);
	va_end(ap);
	return error;
}

int tplx_xml_fields(const struct tplx_xml_doc *doc, const xmlNode *node,
                    const char *ns, const struct tplx_xml_field *fields,
                    size_t count, struct tplc_error *err)
{
	size_t i;
	int error = 0;

	for (i = 0; i < count; i++) {
		if (fields[i].string != NULL)
			*fields[i].string = NULL;
		if (fields[i].node != NULL)
			*fields[i].node = NULL;
	}
	for (i = 0; error == 0 && i < count; i++) {
		const struct tplx_xml_field *f = &fields[i];
		const xmlNode *child = NULL;
		const char *value = NULL;

		if (f->kind == TPLX_XML_KIND_ATTR) {
			error = tplx_xml_attr(doc, node, f->name, &value, err);
			if (error == 0 && value == NULL && f->required)
				error = tplx_xml_fail(doc, node, f->name, err,
				                      "required attribute is "
				                      "missing");
			*f->string = value;
			continue;
		}
		child = tplx_xml_child(node, ns, f->name);
		if (child == NULL && f->required) {
			error = tplx_xml_fail(
			        doc, node, NULL, err,
			        "required element <%s> is missing", f->name);
			continue;
		}
		if (f->kind == TPLX_XML_KIND_ELEMENT)
			*f->node = child;
		else if (child != NULL)
			error = tplx_xml_text(doc, child, f->string, err);
	}
	return error;
}
