/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_CYCLONEDX_XML_H
#define TPLC_FORMATS_CYCLONEDX_XML_H

/*
 * CycloneDX XML validation as data, the XML twin of cyclonedx-schema.h.
 * cyclonedx-xml-schema.c describes, per element kind, its attributes and
 * child elements (spec versions, required, repeatable), the enumerations
 * and patterns of their values; cyclonedx-xml-walk.c walks a document
 * along them once,
 * calling the extraction hooks of cyclonedx-xml.c on the elements the
 * model wants.  Written by hand from bom-1.N.xsd: an element kind with a
 * child list is closed to unknown elements of the CycloneDX namespace
 * (xs:any ##other still lets other namespaces in); what the tables leave
 * out (evidence, vulnerabilities, formulation, ...) is not checked.
 *
 * Why tables and not xmlSchemaValidateDoc: libxml2 validates the
 * conformance suite exactly with the XSDs, but they are not ours to ship
 * (hundreds of KB per version, plus spdx.xsd), and tplc must validate
 * where only the binary is installed.  The unit test cross-checks the
 * tables against the XSDs when the shared data is present.
 */

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "formats/cyclonedx-schema.h"
#include "tplc/error.h"

struct tplx_xml_doc;

#define CDX_XML_NS_PREFIX "http://cyclonedx.org/schema/bom/1."

struct cdx_xwalk;

/* A rule across attributes or children that a table cannot say. */
typedef int (*cdx_xcheck_fn)(struct cdx_xwalk *w, const xmlNode *node);

/* What a text or attribute value must be. */
struct cdx_xval {
	unsigned char format;          /* enum cdx_format */
	const struct cdx_enum *values; /* allowed, NULL-ended */
};

struct cdx_xattr {
	const char *name;
	unsigned char since, until;
	bool required;
	const struct cdx_xval *value; /* NULL: any */
};

struct cdx_xkind;

struct cdx_xchild {
	const char *name;
	unsigned char since, until;
	bool required;
	bool many;                    /* maxOccurs > 1 */
	unsigned char role;           /* enum cdx_role */
	const struct cdx_xkind *kind; /* NULL: content not checked */
};

struct cdx_xkind {
	const struct cdx_xattr *attrs;
	size_t attr_count;
	const struct cdx_xchild *children; /* NULL: not checked */
	size_t child_count;
	const struct cdx_xval *text; /* leaf elements: the text's rule */
	cdx_xcheck_fn check;         /* after the element's own rules */
};

struct cdx_xhooks {
	int (*enter)(struct cdx_xwalk *w, int role, const xmlNode *node);
	int (*leave)(struct cdx_xwalk *w, int role, const xmlNode *node);
};

struct cdx_xwalk {
	const struct tplx_xml_doc *doc;
	struct tplc_error *err;
	const char *ns; /* the document's CycloneDX namespace */
	int minor;      /* spec version 1.<minor> */
	const struct cdx_xhooks *hooks;
	void *ctx;
};

/* The root <bom>. */
extern const struct cdx_xkind tplc_cdx_xml_bom;
/* Unknown CycloneDX child elements are refused in kind. */
bool tplc_cdx_xml_closed(const struct cdx_xkind *kind);

/*
 * Walk root along kind for w->minor, calling hooks, then check that
 * bom-refs are unique over the whole document.  Returns 0 or the first
 * error (located in w->err).
 */
int tplc_cdx_xwalk(struct cdx_xwalk *w, const struct cdx_xkind *kind,
                   const xmlNode *root);

#endif
