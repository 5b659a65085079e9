/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TPLC_SBOM_H
#define TPLC_SBOM_H

/*
 * SBOM import: CycloneDX JSON (spec 1.2 to 1.6) and SPDX 2.3 JSON into a
 * struct tplc_sbom (include/tplc/model.h).
 *
 * Each parser validates while it extracts: a document that breaks its
 * schema is refused with a located error ("bom.json:41:17:
 * components[3].hashes[0].content: ...") rather than half-imported.
 *
 * On success *out owns everything in one arena; free it with
 * tplc_sbom_free.  On error *out is NULL, nothing is allocated, and err
 * (which may be NULL) holds the code, file:line:col, JSON path and reason.
 * data need not outlive the result and need not be NUL-terminated; source
 * names the input in errors (a file name, "-", or NULL).
 *
 * Errors: TPLC_EPARSE for malformed or invalid documents, TPLC_ENOMEM,
 * TPLC_EUNSUPPORTED for documents of a format or version not handled yet
 * (CycloneDX XML, CycloneDX 1.7, SPDX 3), TPLC_ELIMIT for inputs past a
 * named maximum (JSON nesting, nested components).
 */

#include <stddef.h>

#include "tplc/error.h"
#include "tplc/model.h"

/* Detect CycloneDX JSON or SPDX JSON and parse. */
int tplc_sbom_parse(struct tplc_sbom **out, const char *data, size_t len,
                    const char *source, struct tplc_error *err);

/* Parse CycloneDX JSON 1.2 to 1.6. */
int tplc_sbom_parse_cyclonedx(struct tplc_sbom **out, const char *data,
                              size_t len, const char *source,
                              struct tplc_error *err);

/* Parse SPDX 2.3 JSON (2.2 documents are read the same way). */
int tplc_sbom_parse_spdx(struct tplc_sbom **out, const char *data, size_t len,
                         const char *source, struct tplc_error *err);

#endif
