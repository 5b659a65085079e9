/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The engine behind cyclonedx-xml-schema.c: one walk over a parsed
 * CycloneDX XML document that checks each element against its kind's
 * table entry and tells the extraction hooks (cyclonedx-xml.c) about the
 * elements the model wants; then bom-refs are checked for uniqueness
 * over the whole document, as the XSD's xs:unique does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/cyclonedx-xml.h"
#include "formats/license.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/str.h"
#include "util/xml.h"

static bool is_hex(const char *s, size_t n, bool upper_ok)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		      (upper_ok && c >= 'A' && c <= 'F')))
			return false;
	}
	return true;
}

/* urn:uuid:<uuid> or {<uuid>}, lowercase (bom:urnUuid). */
static bool is_serial(const char *s)
{
	static const size_t groups[] = { 8, 4, 4, 4, 12 };
	size_t len = strlen(s), i, at;

	if (len == 9 + 36 && memcmp(s, "urn:uuid:", 9) == 0)
		at = 9;
	else if (len == 38 && s[0] == '{' && s[37] == '}')
		at = 1;
	else
		return false;
	for (i = 0; i < 5; i++) {
		if (!is_hex(s + at, groups[i], false))
			return false;
		at += groups[i];
		if (i < 4 && s[at++] != '-')
			return false;
	}
	return true;
}

/* xs:dateTime: the time zone is optional. */
static bool is_datetime(const char *s)
{
	char zoned[64];
	size_t len = strlen(s);

	if (tplx_is_iso_datetime(s))
		return true;
	if (len + 2 > sizeof(zoned))
		return false;
	memcpy(zoned, s, len);
	zoned[len] = 'Z';
	zoned[len + 1] = '\0';
	return tplx_is_iso_datetime(zoned);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int fail_value(struct cdx_xwalk *w, const xmlNode *node,
                      const char *attr, const char *what, const char *s)
{
	return tplx_xml_fail(w->doc, node, attr, w->err, "%s, found \"%.64s\"",
	                     what, s);
}

static int check_enum(struct cdx_xwalk *w, const xmlNode *node,
                      const char *attr, const struct cdx_enum *values,
                      const char *s)
{
	char allowed[TPLC_ERROR_MESSAGE_MAX / 2];

	if (tplc_cdx_enum_has(values, w->minor, s, allowed, sizeof(allowed)))
		return 0;
	return tplx_xml_fail(w->doc, node, attr, w->err,
	                     "\"%.64s\" is not allowed in CycloneDX 1.%d; "
	                     "expected one of: %s",
	                     s, w->minor, allowed);
}

/* Enumerations and patterns see the value with its spaces collapsed at
 * the ends, as for xs:token. */
static int check_value(struct cdx_xwalk *w, const xmlNode *node,
                       const char *attr, const struct cdx_xval *val,
                       const char *raw)
{
	const char *end = raw + strlen(raw);
	char *s;
	size_t len;

	while (is_space(*raw))
		raw++;
	while (end > raw && is_space(end[-1]))
		end--;
	len = (size_t)(end - raw);
	s = tplx_arena_strndup(w->doc->arena, raw, len);
	if (s == NULL)
		return tplc_error_set(w->err, TPLC_ENOMEM, "out of memory");
	if (val->values != NULL)
		return check_enum(w, node, attr, val->values, s);
	switch (val->format) {
	case CDX_F_NAME:
		if (len == 0)
			return tplx_xml_fail(w->doc, node, attr, w->err,
			                     "a name must not be empty");
		break;
	case CDX_F_REF:
		if (len == 0)
			return tplx_xml_fail(w->doc, node, attr, w->err,
			                     "a reference must not be empty");
		break;
	case CDX_F_SERIAL:
		if (!is_serial(s))
			return fail_value(w, node, attr,
			                  "expected a serial number "
			                  "\"urn:uuid:\" and a lowercase UUID",
			                  s);
		break;
	case CDX_F_DATETIME:
		if (!is_datetime(s))
			return fail_value(w, node, attr,
			                  "expected a date-time "
			                  "(YYYY-MM-DDThh:mm:ssZ)",
			                  s);
		break;
	case CDX_F_HASH:
		if (!is_hex(s, len, true) ||
		    (len != 32 && len != 40 && len != 64 && len != 96 &&
		     len != 128))
			return fail_value(w, node, attr,
			                  "expected a hex digest of 32, 40, "
			                  "64, 96 or 128 digits",
			                  s);
		break;
	case CDX_F_SPDX_ID:
		if (!tplc_license_id_known(s) &&
		    !tplc_license_exception_known(s))
			return fail_value(w, node, attr,
			                  "not an SPDX license identifier (use "
			                  "<name> for other licenses)",
			                  s);
		break;
	default:
		break;
	}
	return 0;
}

static int walk_attrs(struct cdx_xwalk *w, const struct cdx_xkind *kind,
                      const xmlNode *node)
{
	size_t i;
	int error = 0;

	for (i = 0; error == 0 && i < kind->attr_count; i++) {
		const struct cdx_xattr *a = &kind->attrs[i];
		const char *value;

		if (!tplc_cdx_in_version(a->since, a->until, w->minor))
			continue;
		error = tplx_xml_attr(w->doc, node, a->name, &value, w->err);
		if (error == 0 && value == NULL && a->required)
			error = tplx_xml_fail(w->doc, node, a->name, w->err,
			                      "required attribute is missing");
		else if (error == 0 && value != NULL && a->value != NULL)
			error = check_value(w, node, a->name, a->value, value);
	}
	return error;
}

static const struct cdx_xchild *find_child(const struct cdx_xkind *kind,
                                           const char *name, int minor,
                                           bool *elsewhere)
{
	size_t i;

	*elsewhere = false;
	for (i = 0; i < kind->child_count; i++) {
		const struct cdx_xchild *c = &kind->children[i];

		if (strcmp(c->name, name) != 0)
			continue;
		if (tplc_cdx_in_version(c->since, c->until, minor))
			return c;
		*elsewhere = true;
	}
	return NULL;
}

static int walk_element(struct cdx_xwalk *w, const struct cdx_xkind *kind,
                        const xmlNode *node, int role, int context);

static int walk_child(struct cdx_xwalk *w, const struct cdx_xkind *kind,
                      const xmlNode *child, int context)
{
	const char *name = (const char *)child->name;
	const struct cdx_xchild *spec;
	bool elsewhere;

	if (tplx_xml_ns(child) != NULL && !tplx_xml_is(child, w->ns, NULL))
		return 0; /* xs:any ##other: another namespace's business */
	spec = find_child(kind, name, w->minor, &elsewhere);
	if (spec == NULL && !tplc_cdx_xml_closed(kind))
		return 0;
	if (spec == NULL && elsewhere)
		return tplx_xml_fail(w->doc, child, NULL, w->err,
		                     "<%s> is not allowed here in CycloneDX "
		                     "1.%d",
		                     name, w->minor);
	if (spec == NULL)
		return tplx_xml_fail(w->doc, child, NULL, w->err,
		                     "unexpected element <%s>", name);
	if (!spec->many && tplx_xml_child(child->parent, w->ns, name) != child)
		return tplx_xml_fail(w->doc, child, NULL, w->err,
		                     "<%s> may appear only once here", name);
	if (spec->kind == NULL)
		return 0;
	return walk_element(w, spec->kind, child,
	                    tplc_cdx_child_role(context, spec->role), context);
}

static int walk_element(struct cdx_xwalk *w, const struct cdx_xkind *kind,
                        const xmlNode *node, int role, int context)
{
	const xmlNode *child;
	size_t i;
	int error = 0;

	if (w->hooks != NULL && role != CDX_R_NONE)
		error = w->hooks->enter(w, role, node);
	if (error == 0)
		error = walk_attrs(w, kind, node);
	if (error == 0 && kind->text != NULL) {
		const char *text;

		error = tplx_xml_text(w->doc, node, &text, w->err);
		if (error == 0)
			error = check_value(w, node, NULL, kind->text, text);
	}
	for (child = tplx_xml_child(node, NULL, NULL);
	     error == 0 && kind->children != NULL && child != NULL;
	     child = tplx_xml_next(child, NULL, NULL))
		error = walk_child(w, kind, child,
		                   role != CDX_R_NONE ? role : context);
	for (i = 0; error == 0 && i < kind->child_count; i++) {
		const struct cdx_xchild *c = &kind->children[i];

		if (c->required &&
		    tplc_cdx_in_version(c->since, c->until, w->minor) &&
		    tplx_xml_child(node, w->ns, c->name) == NULL)
			error = tplx_xml_fail(w->doc, node, NULL, w->err,
			                      "required element <%s> is "
			                      "missing",
			                      c->name);
	}
	if (error == 0 && kind->check != NULL)
		error = kind->check(w, node);
	if (error == 0 && w->hooks != NULL && role != CDX_R_NONE)
		error = w->hooks->leave(w, role, node);
	return error;
}

/* ---- bom-refs: unique over the whole document (xs:unique on every element) */

struct ref_entry {
	const char *ref;
	const xmlNode *node;
	size_t order;
};

static int compare_refs(const void *a, const void *b)
{
	const struct ref_entry *x = a, *y = b;
	int c = strcmp(x->ref, y->ref);

	if (c != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int collect_refs(struct cdx_xwalk *w, const xmlNode *root,
                        struct ref_entry **out, size_t *count)
{
	struct ref_entry *v = NULL;
	size_t n = 0, cap = 0;
	const xmlNode *node = root;
	int error = 0;

	while (node != NULL && error == 0) {
		const char *ref = NULL;

		if (node->type == XML_ELEMENT_NODE)
			error = tplx_xml_attr(w->doc, node, "bom-ref", &ref,
			                      w->err);
		if (error == 0 && ref != NULL && ref[0] == '\0' &&
		    w->minor >= 5)
			error = tplx_xml_fail(w->doc, node, "bom-ref", w->err,
			                      "a bom-ref must not be empty");
		if (error == 0 && ref != NULL && n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct ref_entry *nv =
			        tplx_reallocarray(v, ncap, sizeof(*v));
			if (nv == NULL)
				error = tplc_error_set(w->err, TPLC_ENOMEM,
				                       "out of memory");
			else
				v = nv, cap = ncap;
		}
		if (error == 0 && ref != NULL) {
			v[n].ref = ref;
			v[n].node = node;
			v[n].order = n;
			n++;
		}
		/* pre-order, without recursion */
		if (node->type == XML_ELEMENT_NODE && node->children != NULL) {
			node = node->children;
			continue;
		}
		while (node != NULL && node != root && node->next == NULL)
			node = node->parent;
		node = node == NULL || node == root ? NULL : node->next;
	}
	*out = v;
	*count = n;
	return error;
}

static int unique_refs(struct cdx_xwalk *w, const xmlNode *root)
{
	struct ref_entry *v = NULL;
	size_t n = 0, i;
	int error = collect_refs(w, root, &v, &n);

	if (error == 0 && n > 1)
		qsort(v, n, sizeof(*v), compare_refs);
	for (i = 1; error == 0 && i < n; i++)
		if (strcmp(v[i].ref, v[i - 1].ref) == 0)
			error = tplx_xml_fail(
			        w->doc, v[i].node, "bom-ref", w->err,
			        "bom-ref \"%.64s\" is not unique: "
			        "also used at line %ld",
			        v[i].ref, xmlGetLineNo(v[i - 1].node));
	tplx_free(v);
	return error;
}

int tplc_cdx_xwalk(struct cdx_xwalk *w, const struct cdx_xkind *kind,
                   const xmlNode *root)
{
	int error = walk_element(w, kind, root, CDX_R_BOM, CDX_R_NONE);

	if (error == 0)
		error = unique_refs(w, root);
	return error;
}
