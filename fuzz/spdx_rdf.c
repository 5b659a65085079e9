/* SPDX-License-Identifier: Apache-2.0 */
/* SPDX 2.3 RDF/XML: any bytes in, an SBOM or a located error out. */
#include <stddef.h>
#include <stdint.h>

#include "formats/sbom-xml.h"
#include "tplc/sbom.h"
#include "util/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tplx_xml_doc *doc = NULL;
	struct tplc_sbom *sbom = NULL;
	struct tplc_error err;

	if (tplx_xml_parse(&doc, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	if (tplc_spdx_rdf_parse_doc(&sbom, doc, &err) == 0)
		tplc_sbom_free(sbom);
	tplx_xml_doc_free(doc);
	return 0;
}
