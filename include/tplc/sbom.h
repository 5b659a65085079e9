/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_SBOM_H
#define TPLC_SBOM_H

/*
 * SBOM import: CycloneDX JSON and XML (spec 1.2 to 1.7) and SPDX 2.3 into
 * a struct tplc_sbom (include/tplc/model.h).
 *
 * Each parser validates while it extracts: a document that breaks its
 * schema is refused with a located error ("bom.json:41:17:
 * components[3].hashes[0].content: ...") rather than half-imported.
 *
 * On success *out owns everything in one arena; free it with
 * tplc_sbom_free.  On error *out is NULL, nothing is allocated, and err
 * (which may be NULL) holds the code, file:line:col, JSON or XML element
 * path and reason.
 * data need not outlive the result and need not be NUL-terminated; source
 * names the input in errors (a file name, "-", or NULL).
 *
 * Errors: TPLC_EPARSE for malformed or invalid documents, TPLC_ENOMEM,
 * TPLC_EUNSUPPORTED for documents of a format or version not handled yet
 * (CycloneDX 1.8, SPDX 3, SPDX RDF), TPLC_ELIMIT for inputs past a
 * named maximum (JSON nesting, nested components).
 */

#include <stddef.h>

#include "tplc/error.h"
#include "tplc/model.h"

/* Detect CycloneDX JSON or SPDX JSON and parse. */
int tplc_sbom_parse(struct tplc_sbom **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err);

/* Parse CycloneDX JSON 1.2 to 1.7 (or XML, sent on as by tplc_sbom_parse). */
int tplc_sbom_parse_cyclonedx(struct tplc_sbom **out, const char *data,
                              size_t len, const char *source,
                              struct tplc_error *err);

/* Parse SPDX 2.3 JSON (2.2 documents are read the same way). */
int tplc_sbom_parse_spdx(struct tplc_sbom **out, const char *data, size_t len,
                         const char *source, struct tplc_error *err);

/*
 * Parse an XML SBOM: CycloneDX XML 1.2 to 1.7 (told by the namespace
 * http://cyclonedx.org/schema/bom/1.N of <bom>) or SPDX 2.3 XML (a
 * <Document> root).  tplc_sbom_parse sends documents starting with '<'
 * here.
 */
int tplc_sbom_parse_xml(struct tplc_sbom **out, const char *data, size_t len,
                        const char *source, struct tplc_error *err);

#endif
