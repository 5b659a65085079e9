/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_FORMATS_SBOM_XML_H
#define TPLC_FORMATS_SBOM_XML_H

/*
 * XML SBOM parsers on an already parsed document: sbom-xml.c parses once
 * and dispatches on the root element.
 */

#include "tplc/error.h"
#include "tplc/model.h"

struct tplx_xml_doc;

/* CycloneDX XML 1.2-1.7 (cyclonedx-xml.c). */
int tplc_cyclonedx_xml_parse_doc(struct tplc_sbom **out,
                                 const struct tplx_xml_doc *doc,
                                 struct tplc_error *err);
/* SPDX 2.2 / 2.3 XML (spdx-xml.c). */
int tplc_spdx_xml_parse_doc(struct tplc_sbom **out,
                            const struct tplx_xml_doc *doc,
                            struct tplc_error *err);
/* SPDX 2.2 / 2.3 RDF/XML (spdx-rdf.c). */
int tplc_spdx_rdf_parse_doc(struct tplc_sbom **out,
                            const struct tplx_xml_doc *doc,
                            struct tplc_error *err);

#endif
