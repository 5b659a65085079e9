/* SPDX-License-Identifier: Apache-2.0 */
/*
 * XML SBOMs: parse once (util/xml.h) and tell the format by the root
 * element: CycloneDX's <bom> in its namespace, SPDX 2's <Document>.
 */
#include <string.h>

#include "formats/sbom-xml.h"
#include "tplc/sbom.h"
#include "util/xml.h"

#define CDX_NS_START "http://cyclonedx.org/schema/bom/"
#define RDF_NS       "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

int tplc_sbom_parse_xml(struct tplc_sbom **out, const char *data, size_t len,
                        const char *source, struct tplc_error *err)
{
	struct tplx_xml_doc *doc = NULL;
	const xmlNode *root;
	const char *ns;
	int error;

	if (out == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no output pointer");
	*out = NULL;
	if (data == NULL)
		return tplc_error_set(err, TPLC_EINVAL, "no input");
	error = tplx_xml_parse(&doc, data, len, source, err);
	if (error != 0)
		return error;
	root = tplx_xml_root(doc);
	ns = tplx_xml_ns(root);
	if (ns != NULL && strncmp(ns, CDX_NS_START, strlen(CDX_NS_START)) == 0)
		error = tplc_cyclonedx_xml_parse_doc(out, doc, err);
	else if (tplx_xml_is(root, NULL, "Document"))
		error = tplc_spdx_xml_parse_doc(out, doc, err);
	else if (tplx_xml_is(root, RDF_NS, "RDF"))
		error = tplc_spdx_rdf_parse_doc(out, doc, err);
	else
		error = tplx_xml_fail(doc, root, NULL, err,
		                      "not an SBOM: expected a CycloneDX <bom> "
		                      "or an SPDX <Document>");
	tplx_xml_doc_free(doc);
	return error;
}
